#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Dudley's Partnership Evaluation Tool end to end: a project from the template, a round
of a survey export written for it (fixtures/dudley/generate-dudley-round.py), and the
results on both scales: the text and JSON summary with the priority matrix, the slides
and the workshop pack.

Usage: test-cli-dudley.py TRELLIS_CLI TEMPLATE.xml GENERATOR.py   (prints TAP)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from clitest import check, finish
from clitest import run as run_cli

cli, template, generator = sys.argv[1], sys.argv[2], sys.argv[3]
THEMES = ["Strategic", "Inclusive", "Action focussed", "Performance managed", "Efficient",
          "Learning and development"]


def run(*args):
    return run_cli(cli, *args, timeout=120)


with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, "dudley.trellis")
    export = os.path.join(tmp, "dudley-round.csv")
    code, _, err = run("new", project, "--template", "dudley-partnership-evaluation", "--name", "Dudley Test")
    check("new makes a Dudley project", code == 0, err)
    subprocess.run([sys.executable, generator, template, export], check=True)

    # Every column is matched: both scales of every statement, a comment column per theme.
    code, out, err = run("import", project, export, "--round", "Autumn 2026", "--date", "2026-11-20")
    check("its generated export imports with every column settled", code == 0, out + err)
    check("24 responses to 36 items (18 statements, two scales)", "24 responses to 36 statements" in out, out)
    check("comments go to themes named by title", "Strategic 2" in out and "(null)" not in out, out)
    code, out, err = run("validate", project)
    check("the project with its round validates", code == 0, out + err)

    code, out, err = run("summary", project)
    check("summary prints the priority matrix", code == 0 and
          "Priority matrix: importance against effectiveness" in out, out + err)
    check("summary names the priorities for action",
          "Priorities for action (important but not yet effective): Strategic, Performance managed." in out, out)
    check("summary has a table per theme and scale",
          all(f"{t} — Importance" in out and f"{t} — Effectiveness" in out for t in THEMES), out)
    check("summary heads the last column in the scale's words", "% important" in out and "% effective" in out, out)

    code, out, err = run("summary", project, "--json")
    data = json.loads(out) if code == 0 else {}
    scales = data.get("scales", [])
    check("JSON gives each scale its role",
          [(s["id"], s["role"]) for s in scales] == [("importance", "importance"), ("effectiveness", "effectiveness")],
          out[:400])
    matrix = data["rounds"][0].get("priority_matrix", []) if data else []
    quadrants = {m["title"]: m["quadrant"] for m in matrix}
    check("JSON places every theme in its quadrant",
          quadrants == {"Strategic": "priority", "Inclusive": "keep_up", "Action focussed": "keep_up",
                        "Performance managed": "priority", "Efficient": "low", "Learning and development": "review"},
          str(quadrants))
    sections = data["rounds"][0]["sections"] if data else []
    for m in matrix:
        pooled = [s["pooled"]["mean"] for s in sections if s["id"] == m["section"]]
        check(f"JSON's matrix means are the sections' pooled means ({m['title']})",
              len(pooled) == 2 and abs(pooled[0] - m["importance_mean"]) < 0.002
              and abs(pooled[1] - m["effectiveness_mean"]) < 0.002, f"{pooled} {m}")

    # Slides: the matrix first, then every chart per scale, with their descriptions.
    for kind in ("svg", "png"):
        out_dir = os.path.join(tmp, kind)
        code, out, err = run("export", project, "--" + kind, out_dir)
        names = sorted(os.listdir(out_dir)) if code == 0 else []
        check(f"--{kind} writes the priority matrix", f"priority-matrix.{kind}" in names, str(names) + err)
        check(f"--{kind} writes a chart per theme and scale",
              f"section-strategic-importance.{kind}" in names and f"section-learning-effectiveness.{kind}" in names,
              str(names))
        if code == 0:
            with open(os.path.join(out_dir, "descriptions.txt"), encoding="utf-8") as f:
                descriptions = f.read()
            check(f"--{kind} describes the matrix in words",
                  "Performance managed: Importance" in descriptions and "Priority for action" in descriptions,
                  descriptions[:500])

    pdf = os.path.join(tmp, "pack.pdf")
    code, out, err = run("export", project, "--pdf", pdf)
    check("--pdf writes the pack", code == 0, err)
    if shutil.which("pdftotext") is not None and code == 0:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
        check("the pack shows the matrix", "Priority matrix: importance against effectiveness" in text, text[:500])
        check("the pack says the priorities in words",
              "Priorities for action (important but not yet effective): Strategic, Performance managed." in text, "")
        check("the pack has every theme on both scales",
              all(f"{t} — Effectiveness" in text for t in THEMES), "")

finish()
