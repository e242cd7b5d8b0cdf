#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draws every chart of the sample project to a PDF with Trellis (C, Cairo) and with
matplotlib in the same run, and prints both times and their ratio.

Usage: run-bench.py BENCH_CHARTS PROJECT [C_ITERATIONS [MATPLOTLIB_ITERATIONS]]
matplotlib is found in the running python3 or the system's /usr/bin/python3
(Debian: apt-get install python3-matplotlib); without it only the C time is printed.
"""
import os
import subprocess
import sys
import tempfile

bench, project = sys.argv[1], sys.argv[2]
c_iterations = sys.argv[3] if len(sys.argv) > 3 else "50"
py_iterations = sys.argv[4] if len(sys.argv) > 4 else "3"
reference = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench_matplotlib.py")


def python_with_matplotlib():
    for python in [sys.executable, "/usr/bin/python3"]:
        if os.path.exists(python) and subprocess.run([python, "-c", "import matplotlib"],
                                                     capture_output=True).returncode == 0:
            return python
    return None


with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "charts.json")
    c_seconds = float(subprocess.run([bench, project, c_iterations, data], check=True,
                                     capture_output=True, text=True).stdout)
    print(f"trellis (C, Cairo): {c_seconds * 1000:.1f} ms to draw all charts to PDF "
          f"(mean of {c_iterations})")
    python = python_with_matplotlib()
    if python is None:
        print("matplotlib: not installed (apt-get install python3-matplotlib); no ratio")
        sys.exit(0)
    py_seconds = float(subprocess.run([python, reference, data, py_iterations], check=True,
                                      capture_output=True, text=True).stdout)
    print(f"matplotlib (same charts): {py_seconds * 1000:.1f} ms (mean of {py_iterations})")
    print(f"ratio: trellis takes {c_seconds / py_seconds:.3f} of matplotlib's time "
          f"({py_seconds / c_seconds:.1f}x faster)")
