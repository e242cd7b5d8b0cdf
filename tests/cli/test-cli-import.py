#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`trellis-cli import` against its contract (HACKING.md): 0 on success, 1 on bad input with one
line on stderr naming the file (and row and column), 2 on bad usage; a failed or dry-run
import leaves the project file byte-identical; identifying values never reach it.

Every layout is also imported into the bundled sample project and read back with
`trellis-cli summary --json`, whose counts must be the fixture generator's own tally, and
the result must match the project-file schema.

Usage: test-cli-import.py TRELLIS_CLI FIXTURES_DIR SAMPLE_PROJECT SCHEMA   (prints TAP)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from clitest import check, finish, one_line_naming, read
from clitest import run as run_cli

cli, fixtures, sample, schema = sys.argv[1:5]
LAYOUTS = ["microsoft-forms.xlsx", "microsoft-forms-ja.xlsx", "microsoft-forms-libreoffice.xlsx",
           "microsoft-forms-libreoffice.ods", "google-forms.csv", "google-forms.zip",
           "google-forms-libreoffice.xlsx", "google-forms-libreoffice.ods", "surveymonkey.csv",
           "surveymonkey.xlsx", "qualtrics.csv", "qualtrics-utf16.tsv", "qualtrics-legacy.csv",
           "limesurvey-code.csv", "limesurvey-full.csv", "kobotoolbox.csv", "generic-cp1252.csv",
           "generic-bom.csv", "generic-unicode.txt", "generic-utf16be.csv", "generic.ods"]
expected = json.load(open(os.path.join(fixtures, "expected.json"), encoding="utf-8"))
# The same exports with every comment box gathered on a last page, each naming its section.
LAYOUTS += expected["gathered"]
# Headers that are only codes, item 55's parts coded in each convention.
LAYOUTS += expected["coded"]
# LimeSurvey's code headings with the survey's structure file, and code and text headings.
LAYOUTS += ["limesurvey-sq-code.csv", "limesurvey-codetext.csv"]



def answer_rows(saved):
    """Respondents in a saved project: one line each in the rounds' <answers> (format 1.3)."""
    return sum(len([line for line in block.split("\n") if line.strip()])
               for block in re.findall(r"<answers>(.*?)</answers>", saved, re.S))

def run(*args, command="import"):
    return run_cli(cli, command, *args)


def fixture(name):
    return os.path.join(fixtures, name)


with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, "northshire.trellis")
    shutil.copy(fixture("is-ofpc.trellis"), project)
    original = read(project)

    code, _, err = run()
    check("no arguments is a usage error", code == 2, err)
    code, _, err = run(project)
    check("no export is a usage error", code == 2, err)
    code, _, err = run(project, fixture("google-forms.csv"), "--format", "pdf")
    check("unknown format is a usage error", code == 2, err)
    code, _, err = run(project, fixture("google-forms.csv"), "--no-such-option")
    check("unknown option is a usage error", code == 2, err)
    check("usage errors leave the project alone", read(project) == original)

    code, out, err = run(project, fixture("qualtrics.csv"), "--dry-run", "--round", "Autumn 2026")
    check("dry run succeeds", code == 0, err)
    check("dry run names the layout", "Qualtrics, 3 header rows" in out, out)
    check("dry run counts the responses", "“Autumn 2026”, 15 responses to 60 statements" in out, out)
    check("dry run counts the unfinished", "Left out: 3" in out, out)
    check("dry run says which columns are dropped and why", "IP-Adresse (holds IP addresses)" in out, out)
    check("dry run shows the mapping", re.search(r"→ statement 55h: Delivered more sustainable", out), out)
    check("dry run names small groups, in alphabetical order", "Fire and Rescue, Health" in out, out)
    check("dry run changes nothing", read(project) == original)

    bad = ["empty.csv", "headers-only.csv", "ragged.csv", "binary.csv", "truncated.xlsx",
           "corrupt.xlsx", "zip-bomb.xlsx", "entities.xlsx", "xxe.xlsx", "no-statements.csv",
           "outside-scale.csv", "old-excel.xls", "unclosed-quote.csv", "limesurvey-empty.csv", "wrong-encoding.xlsx",
           "empty-part.xlsx"]
    for name in bad:
        code, out, err = run(project, fixture(name))
        check(f"{name}: exit 1", code == 1, err)
        check(f"{name}: one line naming the file", one_line_naming(err, name), err)
        check(f"{name}: project byte-identical", read(project) == original)
    code, _, err = run(project, fixture("outside-scale.csv"))
    check("a bad answer names row and column", "row 7, column F" in err and "Sometimes" in err, err)
    code, _, err = run(project, fixture("google-forms.csv"), fixture("surveymonkey.csv"))
    check("files of different surveys: exit 1", code == 1 and one_line_naming(err, "surveymonkey.csv"), err)
    check("files of different surveys: project byte-identical", read(project) == original)
    code, _, err = run(project, fixture("outside-scale.csv"), "--answer", "Sometimes=9")
    check("an answer off the scale in --answer is a usage error", code == 2, err)
    code, _, err = run(project, fixture("outside-scale.csv"), "--date", "2026-13-40")
    check("a bad --date is a usage error", code == 2, err)
    code, out, err = run(project, fixture("outside-scale.csv"), "--dry-run")
    check("a dry run lists the answers off the scale before failing",
          code == 1 and re.search(r"Sometimes +1 +→ NOT ON THE SCALE", out) and one_line_naming(err, "outside-scale.csv"),
          out + err)
    code, out, err = run(project, fixture("outside-scale.csv"), "--answer", "Sometimes=3", "--dry-run")
    check("--answer maps an unknown answer", code == 0 and "11 responses" in out, out + err)
    check("--answer in a dry run changes nothing", read(project) == original)
    code, _, err = run(os.path.join(tmp, "missing.trellis"), fixture("google-forms.csv"))
    check("a missing project: exit 1", code == 1 and one_line_naming(err, "missing.trellis"), err)

    code, out, err = run(project, fixture("google-forms.csv"), fixture("google-forms.zip"), "--round", "Autumn 2026",
                         "--date", "2026-09-30")
    check("two collectors import", code == 0, err)
    saved = read(project).decode("utf-8")
    check("the project changed", saved.encode("utf-8") != original)
    check("both files' responses are in one round", answer_rows(saved) == 2 * expected["respondents"], out)
    leaked = [v for v in expected["identifying"] if v in saved]
    check("no identifying value is saved", not leaked, leaked)
    check("the confirmed mapping is saved", 'role="identifying"' in saved and 'role="item"' in saved)
    check("the round has the date given", 'date="2026-09-30"' in saved)

    after_first = read(project)
    code, _, err = run(project, fixture("google-forms.csv"), "--round", "Autumn 2026")
    check("a taken round label: exit 1", code == 1 and one_line_naming(err, "Autumn 2026"), err)
    check("a taken round label: project byte-identical", read(project) == after_first)

    code, out, err = run(project, fixture("google-forms.csv"))
    check("the next round reuses the mapping", code == 0 and "Mapping: as confirmed for round “Autumn 2026”" in out, out + err)
    check("the next round is named for the month of the last response", "“September 2026”" in out, out)
    check("its date is the last response's day", 'date="2026-09-15"' in read(project).decode("utf-8"), out)
    check("the timestamps themselves are not stored", "2026-09-15 " not in read(project).decode("utf-8")
          and "2026/09/15" not in read(project).decode("utf-8"))

    code, out, err = run(project, fixture("limesurvey-blank-response.csv"), "--dry-run")
    check("a response with no answers is a respondent, apart from the empty line",
          code == 0 and "16 responses" in out and "Responses with no answers: 1" in out
          and "Skipped: 1 empty row" in out, out + err)

    blank_project = os.path.join(tmp, "blank.trellis")
    shutil.copy(fixture("is-ofpc.trellis"), blank_project)
    code, out, err = run(blank_project, fixture("limesurvey-blank-response.csv"), "--round", "Blank")
    code, out, err = run(blank_project, "--json", command="summary")
    blank_round = json.loads(out)["rounds"][0] if code == 0 else {}
    check("summary --json counts the response with no answers apart",
          blank_round.get("respondents") == 16 and blank_round.get("no_answers") == 1, out + err)

    # LimeSurvey code headings need the survey's structure file; hostile ones are refused.
    original = read(project)
    code, out, err = run(project, fixture("limesurvey-sq-code.csv"))
    check("code headings without the structure file: exit 1, columns listed",
          code == 1 and "A1[SQ001]" in out and one_line_naming(err, "limesurvey-sq-code.csv"), out + err)
    check("code headings without the structure file: project byte-identical", read(project) == original)
    for name in ("lss-entities.lss", "lss-xxe.lss", "lss-truncated.lss", "lss-not-a-survey.lss", "lss-binary.lss"):
        code, out, err = run(project, fixture("limesurvey-sq-code.csv"), "--structure", fixture(name))
        check(f"--structure {name}: exit 1, one line naming it", code == 1 and one_line_naming(err, name), err)
        check(f"--structure {name}: project byte-identical", read(project) == original)
    code, out, err = run(project, fixture("limesurvey-full.csv"), "--structure", fixture("limesurvey-survey.lss"),
                         "--dry-run")
    check("full headings import the same with the structure file",
          code == 0 and "15 responses to 60 statements" in out and "A 9, B 6, C 5, D 9" in out, out + err)
    code, _, err = run(project, fixture("limesurvey-sq-code.csv"), "--structure", fixture("no-such.lss"))
    check("--structure of a missing file: exit 1", code == 1 and one_line_naming(err, "no-such.lss"), err)

    # Answers that match no statement and comments whose section is a guess stop the import.
    settled = os.path.join(tmp, "settled.trellis")
    shutil.copy(fixture("is-ofpc.trellis"), settled)
    before = read(settled)
    for name, letters in (("unsettled-answers.csv", ["BD", "BL"]), ("unsettled-comments.csv", ["BP", "BS"]),
                          ("unsettled-other-comments.csv", ["BJ", "BM"])):
        for extra in ([], ["--dry-run"]):
            code, out, err = run(settled, fixture(name), *extra)
            check(f"{name}{' (dry run)' if extra else ''}: exit 1 naming the file",
                  code == 1 and one_line_naming(err, name), err)
            check(f"{name}{' (dry run)' if extra else ''}: lists each column and how to settle it",
                  all(re.search(rf"^  {letter} ", out, re.M) for letter in letters) and "--column" in out, out)
            check(f"{name}{' (dry run)' if extra else ''}: project byte-identical", read(settled) == before)
    code, _, err = run(settled, fixture("unsettled-answers.csv"), "--column", "ZZ=55a")
    check("--column naming no column is a usage error", code == 2, err)
    code, _, err = run(settled, fixture("unsettled-answers.csv"), "--column", "BD=99z")
    check("--column naming no statement is a usage error", code == 2, err)
    code, _, err = run(settled, fixture("unsettled-answers.csv"), "--column", "BD=comments:Q")
    check("--column naming no section is a usage error", code == 2 and read(settled) == before, err)
    parts = [f"{letter}=55{part}" for letter, part in zip(["BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BK"], "abcdefgh")]
    args = [a for p in parts for a in ("--column", p)] + ["--column", "Benefit IX=55i"]
    code, out, err = run(settled, fixture("unsettled-answers.csv"), "--round", "Settled", *args)
    check("--column settles answer columns, by letter or header", code == 0 and "15 responses to 60 statements" in out,
          out + err)
    code, out, err = run(settled, "--round", "Settled", "--json", command="summary")
    statements = {st["id"]: st for sec in json.loads(out)["rounds"][0]["sections"] for st in sec["statements"]} \
        if code == 0 else {}
    check("the settled columns' answers are all there",
          all(sum(statements.get(f"s55{p}", {}).get("counts", [])) == sum(expected["counts"][f"s55{p}"][:5])
              for p in "abcdefghi"), out)
    code, out, err = run(settled, fixture("unsettled-answers.csv"), "--round", "Again")
    check("--column choices are kept with the round's mapping", code == 0 and "Mapping: as confirmed" in out, out + err)
    sections = ["A", "B", "C", "D"]
    args = [a for letter, code_ in zip(["BP", "BQ", "BR", "BS"], sections) for a in ("--column", f"{letter}=comments:{code_}")]
    code, out, err = run(settled, fixture("unsettled-comments.csv"), "--round", "Comments settled", *args)
    check("--column settles comment columns", code == 0, out + err)
    code, out, err = run(settled, "--round", "Comments settled", "--json", command="summary")
    comments = {sec["code"]: sec["comments"] for sec in json.loads(out)["rounds"][0]["sections"]} if code == 0 else {}
    check("settled comments are in their sections", comments == expected["comments"], comments)

    xmllint = shutil.which("xmllint")
    for name in LAYOUTS:
        target = os.path.join(tmp, "sample-" + name + ".trellis")
        shutil.copy(sample, target)
        extra = ["--structure", fixture("limesurvey-survey.lss")] if name == "limesurvey-sq-code.csv" else []
        code, out, err = run(target, fixture(name), "--round", "Imported", *extra)
        check(f"{name}: imports into the sample project", code == 0, err)
        code, out, err = run(target, "--round", "Imported", "--json", command="summary")
        try:
            rounds = json.loads(out)["rounds"]
        except (ValueError, KeyError):
            rounds = []
        check(f"{name}: summary reads the round", code == 0 and len(rounds) == 1, err)
        if not rounds:
            continue
        statements = [st for section in rounds[0]["sections"] for st in section["statements"]]
        # LimeSurvey marks some blanks as questions it did not show: counted apart.
        got = {st["id"]: st["counts"] + [st["not_applicable"], st["dont_know"], st["blank"] + st["not_shown"]]
               for st in statements}
        want_not_shown = expected["limesurvey_not_shown"] if name.startswith("limesurvey") else {}
        check(f"{name}: questions not shown are counted apart from blanks",
              all(st["not_shown"] == want_not_shown.get(st["id"], 0) for st in statements),
              [(st["id"], st["not_shown"]) for st in statements if st["not_shown"] != want_not_shown.get(st["id"], 0)][:5])
        wrong = [k for k, v in expected["counts"].items() if got.get(k) != v]
        check(f"{name}: every statement's counts are exact", not wrong,
              "; ".join(f"{k}: {got.get(k)} != {expected['counts'][k]}" for k in wrong[:5]))
        check(f"{name}: respondents", rounds[0]["respondents"] == expected["respondents"], rounds[0]["respondents"])
        comments = {section["code"]: section["comments"] for section in rounds[0]["sections"]}
        check(f"{name}: every section has its own comments", comments == expected["comments"],
              f"{comments} != {expected['comments']}")
        if xmllint:
            proc = subprocess.run([xmllint, "--noout", "--relaxng", schema, target], capture_output=True, text=True)
            check(f"{name}: the project matches the schema", proc.returncode == 0, proc.stderr)

finish()
