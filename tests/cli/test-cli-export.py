#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""trellis-cli export: the workshop pack and the slides from the bundled sample, and the
command-line contract (0 success, 1 bad input naming the file, 2 bad usage, the project
file never changed).

Usage: test-cli-export.py TRELLIS_CLI SAMPLE_PROJECT   (prints TAP)
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile

from clitest import check, digest, finish, one_line_naming
from clitest import run as run_cli

cli, sample = sys.argv[1], sys.argv[2]
SECTIONS = [
    "Section A – Partnership Remit, Structure, Membership, and Meetings",
    "Section B – Informed by Evidence",
    "Section C – Outcomes Focus",
    "Section D – Impact, Performance Management & Reporting",
]


def run(*args):
    return run_cli(cli, "export", *args, timeout=120)


def pdf_text(path):
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout


def pdf_pages(path):
    if shutil.which("pdfinfo") is None:
        return None
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(next(l for l in info.splitlines() if l.startswith("Pages:")).split()[1])


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    return struct.unpack(">II", header[16:24]) if header[:8] == b"\x89PNG\r\n\x1a\n" else None


with tempfile.TemporaryDirectory() as tmp:
    before = digest(sample)

    # The workshop pack.
    pdf = os.path.join(tmp, "pack.pdf")
    code, out, err = run(sample, "--pdf", pdf)
    check("--pdf writes the workshop pack", code == 0 and os.path.getsize(pdf) > 10000 and "pages" in out, err)
    text, pages = pdf_text(pdf), pdf_pages(pdf)
    if text is not None:
        for title in SECTIONS:
            check(f"the pack carries {title[:9]}", title in text)
        check("the pack has the overview and how to read it",
              "All sections at a glance" in text and "How to read the charts" in text)
        check("the pack prints the section comments", "What partners said" in text)
        check("the pack's page count is the one reported", pages is not None and f"({pages} pages)" in out, out)
        check("the pack's second page is the talking points",
              "Talking points" in text and "Biggest changes since the previous round" in text)

    # Two rounds compared: only changes that clear the test carry the mark.
    rounds_pdf = os.path.join(tmp, "rounds.pdf")
    code, _, err = run(sample, "--pdf", rounds_pdf, "--compare", "rounds", "--no-guidance")
    check("--compare rounds --no-guidance", code == 0, err)
    text = pdf_text(rounds_pdf)
    if text is not None:
        check("the rounds comparison explains its mark",
              "marks a change too large to put down to chance" in text and "▲ +" in text, text[:200])

    letter = os.path.join(tmp, "letter.pdf")
    code, _, err = run(sample, "--pdf", letter, "--paper", "letter", "--style", "greyscale",
                       "--order", "agreement", "--compare", "groups")
    check("--paper letter --style greyscale --compare groups", code == 0, err)
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", letter], capture_output=True, text=True).stdout
        check("letter paper is 612 x 792 pt", "612 x 792 pts" in info, info)
    text = pdf_text(letter)
    if text is not None:
        check("groups too small are neither shown nor named",
              "Not shown, to keep answers anonymous" in text and "Scottish Fire and Rescue" not in text)

    # One file per chart.
    svg = os.path.join(tmp, "svg")
    code, out, err = run(sample, "--svg", svg)
    names = sorted(os.listdir(svg)) if os.path.isdir(svg) else []
    check("--svg writes a slide per chart", code == 0 and "overview.svg" in names and "section-A.svg" in names
          and "section-D.svg" in names and "descriptions.txt" in names, err + " ".join(names))
    check("--svg lists the files written", code == 0 and len(out.splitlines()) == len(names), out)
    png = os.path.join(tmp, "png")
    code, _, err = run(sample, "--png", png, "--round", "Autumn 2026")
    check("--png writes 1920 x 1080 slides", code == 0 and png_size(os.path.join(png, "section-B.png")) == (1920, 1080),
          err)

    # Bad usage: 2.
    code, _, err = run(sample)
    check("no output is a usage error", code == 2, err)
    code, _, err = run(sample, "--pdf", pdf, "--svg", svg)
    check("two outputs are a usage error", code == 2, err)
    code, _, err = run(sample, "--csv", os.path.join(tmp, "x"))
    check("--csv is refused clearly for now", code == 2 and "--csv" in err and "--pdf" in err, err)

    # The tailored checklist handed to each survey tool, or printed: no round needed.
    handoffs = [("--questionnaire", "form.pdf", b"%PDF-"), ("--forms-text", "forms.txt", b""),
                ("--lss", "survey.lss", b"<?xml"), ("--qualtrics-txt", "qualtrics.txt", b"[[AdvancedFormat]]"),
                ("--xlsform", "form.xlsx", b"PK")]
    for option, name, magic in handoffs:
        path = os.path.join(tmp, name)
        code, out, err = run(sample, option, path)
        with open(path, "rb") if os.path.exists(path) else open(os.devnull, "rb") as f:
            head = f.read(32)
        check(f"{option} writes the checklist for its tool", code == 0 and head.startswith(magic) and len(head) > 0
              and "statements" in out, err)
    code, _, err = run(sample, "--lss", os.path.join(tmp, "a.lss"), "--xlsform", os.path.join(tmp, "b.xlsx"))
    check("two hand-off formats are a usage error", code == 2, err)
    code, _, err = run(sample, "--pdf", pdf, "--order", "alphabetical")
    check("an unknown order is a usage error", code == 2 and "--order" in err, err)
    code, _, err = run(sample, "--pdf", pdf, "--paper", "slide")
    check("slide is no paper size", code == 2, err)

    # Bad input: 1, one line naming the file.
    missing = os.path.join(tmp, "missing.trellis")
    code, _, err = run(missing, "--pdf", pdf)
    check("a missing project is bad input", code == 1 and one_line_naming(err, "missing.trellis"), err)
    code, _, err = run(sample, "--pdf", pdf, "--round", "Spring 1999")
    check("an unknown round is bad input", code == 1 and one_line_naming(err, "Spring 1999"), err)
    code, _, err = run(sample, "--pdf", pdf, "--compare", "rounds", "--round", "Autumn 2026")
    check("comparing rounds needs an earlier round", code == 1 and one_line_naming(err, sample), err)
    unwritable = os.path.join(tmp, "no-such-dir", "pack.pdf")
    code, _, err = run(sample, "--pdf", unwritable)
    check("an unwritable output is bad input naming it", code == 1 and one_line_naming(err, "pack.pdf")
          and not os.path.exists(unwritable), err)

    check("export never changes the project file", digest(sample) == before)

finish()
