#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Comments from import to paper: `trellis-cli import --redact` replaces the names, e-mail
addresses and phone numbers it can detect and nothing else; the workshop pack prints all
comments or only key ones (`export --pdf --comments key`, saying so on the page) and never
a hidden one; a section over the budget of 100 prints its key comments or a sample, saying
so, unless `--comments all` asks for every one.

Usage: test-cli-comments.py TRELLIS_CLI FIXTURES_DIR SCHEMA   (prints TAP)
"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from clitest import check, finish, read
from clitest import run as run_cli

cli, fixtures, schema = sys.argv[1:4]
NS = "https://trellisapp.org/ns/project"
NAMED = "John from Housing never attends; ring 07700 900123 or e-mail j.smith@example.org."
REDACTED = "[name] from Housing never attends; ring [phone] or e-mail [e-mail]."
KEPT = "Meetings run over; papers arrive late."
HIDDEN = "Très bien — but slow."


def run(*args, command="import"):
    return run_cli(cli, command, *args)


def export_with_names(path):
    """google-forms.csv with one comment that names a person, an address and a number."""
    with open(os.path.join(fixtures, "google-forms.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    column = next(i for i, header in enumerate(rows[0]) if "comment" in header.lower())
    rows[2][column] = NAMED
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def comments_of(path):
    root = ET.parse(path).getroot()
    return root, root.findall(f".//{{{NS}}}comment")


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout


def mark(project):
    """Marks the redacted comment key and hides every copy of HIDDEN, as the app would."""
    ET.register_namespace("", NS)
    tree = ET.parse(project)
    for comment in tree.getroot().iter(f"{{{NS}}}comment"):
        if comment.text == REDACTED:
            comment.set("key", "true")
        if comment.text == HIDDEN:
            comment.set("hidden", "true")
    tree.write(project, encoding="UTF-8", xml_declaration=True)


with tempfile.TemporaryDirectory() as tmp:
    export = os.path.join(tmp, "named.csv")
    export_with_names(export)
    plain = os.path.join(tmp, "plain.trellis")
    redacted = os.path.join(tmp, "redacted.trellis")
    shutil.copy(os.path.join(fixtures, "is-ofpc.trellis"), plain)
    shutil.copy(os.path.join(fixtures, "is-ofpc.trellis"), redacted)

    code, out, err = run(plain, export)
    check("import without --redact succeeds", code == 0, err)
    texts = [c.text for c in comments_of(plain)[1]]
    check("without --redact the comment is kept as written", NAMED in texts, texts)

    before = read(redacted)
    code, out, err = run(redacted, export, "--redact", "--dry-run")
    check("--redact --dry-run counts what it would replace", code == 0 and "Redacted 3 names" in out, out + err)
    check("--redact --dry-run changes nothing", read(redacted) == before)

    code, out, err = run(redacted, export, "--redact")
    check("import --redact succeeds", code == 0, err)
    check("import --redact says what it replaced", "Redacted 3 names, e-mail addresses or phone numbers in 1 comment." in out, out)
    texts = [c.text for c in comments_of(redacted)[1]]
    check("the name, number and address are replaced", REDACTED in texts, texts)
    saved = read(redacted).decode("utf-8")
    check("nothing of them is left in the file", all(s not in saved for s in ("John", "07700", "j.smith")), saved[:200])
    # Comments are shuffled afresh on every import: compare them as sets of texts.
    check("other comments are untouched",
          sorted(t for t in texts if t != REDACTED) == sorted(t for t in (c.text for c in comments_of(plain)[1]) if t != NAMED))

    mark(redacted)
    if shutil.which("xmllint"):
        lint = subprocess.run(["xmllint", "--noout", "--relaxng", schema, redacted], capture_output=True, text=True)
        check("marked comments match the schema", lint.returncode == 0, lint.stderr)

    all_pdf = os.path.join(tmp, "all.pdf")
    code, _, err = run(redacted, "--pdf", all_pdf, command="export")
    check("export --pdf succeeds", code == 0, err)
    text = pdf_text(all_pdf)
    check("the pack prints the redacted comment", "[name] from Housing never attends" in text, text[:400])
    check("the pack prints other comments", KEPT in text)
    check("the pack never prints a hidden comment", "Très bien" not in text)
    check("all comments: no key-only note", "Key comments only" not in text)

    key_pdf = os.path.join(tmp, "key.pdf")
    code, _, err = run(redacted, "--pdf", key_pdf, "--comments", "key", command="export")
    check("export --pdf --comments key succeeds", code == 0, err)
    text = pdf_text(key_pdf)
    check("key only: the key comment prints", "[name] from Housing never attends" in text)
    check("key only: other comments do not", KEPT not in text)
    check("key only: the page says so", "Key comments only: 1 of" in text, text[:2000])
    check("key only: sections without key comments say so", "No key comments on this section." in text)
    check("key only: hidden comments still do not print", "Très bien" not in text)

    code, _, err = run(redacted, "--pdf", key_pdf, "--comments", "some", command="export")
    check("--comments takes all or key", code == 2, err)

    # A section with more comments than the pack's budget (100) prints its key comments,
    # or with none a sample, and says so; --comments all prints every one.
    bulk = os.path.join(tmp, "bulk.trellis")
    ET.register_namespace("", NS)
    tree = ET.parse(redacted)
    sections = tree.getroot().findall(f".//{{{NS}}}round")[-1].findall(f"{{{NS}}}comments")
    keyed = next(c for c in sections if any(x.get("key") == "true" for x in c))
    plain = next(c for c in sections if not any(x.get("key") == "true" for x in c))
    n_all = {}
    for name, element in (("K", keyed), ("P", plain)):
        n_before = sum(1 for c in element if c.get("hidden") != "true")
        for i in range(150):
            ET.SubElement(element, f"{{{NS}}}comment").text = f"Bulk remark {name}{i:03d}."
        n_all[name] = n_before + 150
    tree.write(bulk, encoding="UTF-8", xml_declaration=True)
    bulk_pdf = os.path.join(tmp, "bulk.pdf")
    code, _, err = run(bulk, "--pdf", bulk_pdf, command="export")
    check("export --pdf of sections over the budget succeeds", code == 0, err)
    text = " ".join(pdf_text(bulk_pdf).split())
    check("over the budget, no key comment: the page says it prints a sample, with the counts",
          f"Showing a random sample of 100 of the {n_all['P']} comments, as the section has more than 100 "
          "comments. Every comment is in the Comments view in Trellis." in text, text[:3000])
    check("over the budget, no key comment: at most 100 print",
          100 - (n_all["P"] - 150) <= text.count("Bulk remark P") <= 100)
    check("over the budget with a key comment: only the key one prints, and the page says so",
          f"Showing only the comments marked as key (1 of {n_all['K']})" in text
          and "[name] from Housing never attends" in text and "Bulk remark K" not in text)
    code, _, err = run(bulk, "--pdf", bulk_pdf, "--comments", "all", command="export")
    check("export --pdf --comments all succeeds", code == 0, err)
    text = " ".join(pdf_text(bulk_pdf).split())
    check("--comments all: every comment prints",
          text.count("Bulk remark P") == 150 and text.count("Bulk remark K") == 150)
    check("--comments all: no note", "Showing" not in text)

finish()
