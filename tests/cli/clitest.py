# SPDX-License-Identifier: GPL-3.0-or-later
"""What the trellis-cli tests share: running a command, recording checks, the
command-line contract's one-line error, and printing the results as TAP."""
import hashlib
import subprocess
import sys

results = []


def run(*argv, timeout=60):
    proc = subprocess.run(list(argv), capture_output=True, text=True, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def digest(path):
    return hashlib.sha256(read(path)).hexdigest()


def one_line_naming(stderr, name):
    lines = [l for l in stderr.splitlines() if l.strip()]
    return len(lines) == 1 and name in lines[0]


def finish():
    """Prints the results as TAP and exits 0 only if every check passed."""
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines()[:20]:
                print(f"# {line}")
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)
