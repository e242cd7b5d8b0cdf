#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""trellis-cli export --plan-csv, --ics and --plan-pdf, and the plan page of the pack, on
the sample with a second round and actions written to break things: formula-looking
cells, Polish letters, 2,000 characters of notes, commas, semicolons, backslashes and
newlines, a timescale nobody can read.

Usage: test-cli-plan.py TRELLIS_CLI SAMPLE_PROJECT   (prints TAP)
"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

from clitest import check, digest, finish
from clitest import run as run_cli

cli, sample = sys.argv[1], sys.argv[2]

NOTES = " ".join(f"Note {i} of the long progress notes, which run on and on." for i in range(1, 41))
assert len(NOTES) >= 2000
ACTIONS = [
    # id, area, text, responsible, due, status, notes
    ("p1", "Dzielenie się informacjami", "Zażółć gęślą jaźń: przygotować łączny raport", "Łukasz Żyła",
     "31 March 2027", "on-track", "Spotkanie w środę; żadnych zmian."),
    ("p2", "=HYPERLINK(\"http://x\")", "+44 7700 900123 rings the chair", "-Police", "Q2 2027", "at-risk", "@SUM(A1:A2)"),
    ("p3", "Long notes", "Keep long notes readable", "Secretariat", "2027-05-01", "not-started", NOTES),
    ("p4", "Commas, semicolons; back\\slashes", "Line one\nline two, with a comma; and more", "Chair",
     "by March 2027", "done", "\tstarts with a tab"),
    ("p5", "Undated", "Agree when to meet the Board again", "Board secretary", "next spring sometime",
     "not-started", ""),
    ("p6", "Folding", "Ż" * 60 + " – a summary made of two-byte letters to fold", "Zespół", "2027", "on-track", ""),
]
DATED = ["p1", "p2", "p3", "p4", "p6"]
RISKY = tuple("=+-@\t\r")


def make_project(path):
    with open(sample, encoding="utf-8") as f:
        xml = f.read()
    # A latest round in which everyone agrees strongly: every linked statement goes up.
    first = re.search(r"    <round id=\"r1\".*?</round>\n", xml, re.S).group(0)
    second = first.replace('id="r1" date="2026-10-16"', 'id="r9" date="2027-10-20"')
    second = second.replace("<label>Autumn 2026</label>", "<label>Autumn 2027</label>")
    # Format 1.3: one line per respondent, a character per item, then the group.
    second = re.sub(r"(<answers>)(.*?)(</answers>)",
                    lambda m: m.group(1) + "\n".join(re.sub(r"^\S+", lambda a: "5" * len(a.group(0)), line)
                                                      for line in m.group(2).split("\n")) + m.group(3),
                    second, flags=re.S)
    second = re.sub(r"<comments>.*?</comments>\s*", "", second, flags=re.S)
    xml = xml.replace("  </rounds>", second + "  </rounds>")
    actions = ""
    for id_, area, text, who, due, status, notes in ACTIONS:
        def el(name, value):
            return f"<{name}>{escape(value).replace(chr(9), '&#9;')}</{name}>" if value else ""
        actions += (f'<action id="{id_}" status="{status}" round="r1">{el("area", area)}{el("text", text)}'
                    f'{el("responsible", who)}{el("due", due)}{el("notes", notes)}<statement ref="s41"/></action>\n')
    xml = xml.replace("</plan>", actions + "</plan>")
    with open(path, "w", encoding="utf-8") as f:
        f.write(xml)


def run(*args):
    return run_cli(cli, "export", *args, timeout=120)


def squash(text):
    return re.sub(r"\s+", "", text)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout


def unfold_strict(data):
    """RFC 5545 content lines: CRLF, at most 75 octets, folds never inside a character."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("does not end in CRLF")
    raw = data.split(b"\r\n")[:-1]
    for n, line in enumerate(raw, 1):
        if len(line) > 75:
            problems.append(f"line {n} has {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n} splits a UTF-8 character")
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n} holds a bare line break")
    lines = []
    for line in raw:
        if line.startswith(b" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return [l.decode("utf-8") for l in lines], problems


def unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse_vtodos(lines):
    todos, current, problems = [], None, []
    for line in lines:
        name, _, value = line.partition(":")
        if line == "BEGIN:VTODO":
            current = {}
        elif line == "END:VTODO":
            todos.append(current)
            current = None
        elif current is not None:
            current[name] = value
            if name in ("SUMMARY", "DESCRIPTION") and re.search(r"(?<!\\)[;,]", value.replace("\\\\", "")):
                problems.append(f"unescaped , or ; in {name}: {value}")
    if lines[:1] != ["BEGIN:VCALENDAR"] or lines[-1:] != ["END:VCALENDAR"]:
        problems.append("not one VCALENDAR")
    for key in ("VERSION:2.0", ):
        if key not in lines:
            problems.append(f"no {key}")
    if not any(l.startswith("PRODID:") for l in lines):
        problems.append("no PRODID")
    return todos, problems


with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, "plan.trellis")
    make_project(project)
    code, out, err = run_cli(cli, "validate", project)
    check("the test project is valid", code == 0, out + err)
    before = digest(project)

    # CSV: read back with identical cells, formula-looking ones made text.
    path = os.path.join(tmp, "plan.csv")
    code, out, err = run(project, "--plan-csv", path)
    check("--plan-csv writes the plan", code == 0 and "actions" in out, err)
    data = open(path, "rb").read()
    check("the CSV starts with a UTF-8 byte order mark", data.startswith(b"\xef\xbb\xbf"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    ours = body[-len(ACTIONS):]
    check("one row per action under a header row", len(body) == 4 + len(ACTIONS) and "Key action" in header,
          f"{len(body)} rows")
    col = {name: header.index(name) for name in
           ("Area for improvement", "Key action", "Responsible", "Timescale", "Progress notes", "Status")}
    mismatches = []
    for row, (id_, area, text, who, due, status, notes) in zip(ours, ACTIONS):
        for name, value in (("Area for improvement", area), ("Key action", text), ("Responsible", who),
                            ("Timescale", due), ("Progress notes", notes)):
            expected = ("'" + value) if value.startswith(RISKY) else value
            if row[col[name]] != expected:
                mismatches.append(f"{id_} {name}: {row[col[name]]!r} != {expected!r}")
    check("every cell reads back as written", not mismatches, "\n".join(mismatches))
    risky = [c for r in rows for c in r if c.startswith(RISKY)]
    check("no cell starts like a formula", not risky, repr(risky))
    check("the follow-up column shows agreement going up since the first round",
          any(r[-1].startswith("↑") and "Autumn 2026" in r[-1] for r in ours), repr([r[-1] for r in ours]))

    # iCalendar: strict, stable UIDs, every dated action, the undated one named.
    exports = []
    for n in (1, 2):
        path = os.path.join(tmp, f"plan{n}.ics")
        code, out, err = run(project, "--ics", path)
        exports.append((code, err, open(path, "rb").read() if code == 0 else b""))
    code, err, data = exports[0]
    check("--ics writes the calendar", code == 0, err)
    check("the undated action is named on stderr with why it was left out",
          "Agree when to meet the Board again" in err and "next spring sometime" in err, err)
    lines, problems = unfold_strict(data)
    todos, more = parse_vtodos(lines)
    check("the ICS is folded and escaped as RFC 5545 says", not problems + more, "\n".join(problems + more))
    summaries = {unescape(t.get("SUMMARY", "")) for t in todos}
    wanted = {a[2] for a in ACTIONS if a[0] in DATED}
    check("one VTODO per dated action, SUMMARY the action", summaries >= wanted and len(todos) == 4 + len(DATED),
          repr(summaries ^ wanted))
    check("every VTODO has UID, DTSTAMP, DUE and STATUS",
          all(all(k in t for k in ("UID", "DTSTAMP", "DUE;VALUE=DATE", "STATUS")) for t in todos))
    polish = next((t for t in todos if unescape(t.get("SUMMARY", "")).startswith("Zażółć")), {})
    check("the DUE of “31 March 2027” is 20270331 and DESCRIPTION names area and who",
          polish.get("DUE;VALUE=DATE") == "20270331"
          and "Łukasz Żyła" in unescape(polish.get("DESCRIPTION", ""))
          and "Dzielenie się informacjami" in unescape(polish.get("DESCRIPTION", "")), repr(polish))
    second_lines, _ = unfold_strict(exports[1][2])
    uids = [l for l in lines if l.startswith("UID:")]
    check("UIDs are the same in two exports and all different", uids and uids == [l for l in second_lines
          if l.startswith("UID:")] and len(set(uids)) == len(uids), repr(uids))
    try:
        import icalendar
    except ImportError:
        icalendar = None
    if icalendar is not None:
        calendar = icalendar.Calendar.from_ical(data)
        parsed = {str(c.get("summary")) for c in calendar.walk("VTODO")}
        check("python3-icalendar reads every to-do back", parsed == summaries, repr(parsed ^ summaries))

    # The plan alone, and the pack's plan page.
    if shutil.which("pdftotext") is not None:
        for option, name in (("--plan-pdf", "plan.pdf"), ("--pdf", "pack.pdf")):
            path = os.path.join(tmp, name)
            code, out, err = run(project, option, path)
            check(f"{option} writes a PDF", code == 0, err)
            text = squash(pdf_text(path)) if code == 0 else ""
            missing = [a[0] for a in ACTIONS if squash(a[2]) not in text]
            check(f"{option} shows every action, the Polish one too", not missing, repr(missing))
            notes_missing = [i for i in range(1, 41) if f"Note{i}ofthelong" not in text]
            check(f"{option} prints all 2,000 characters of notes", not notes_missing, repr(notes_missing))
            check(f"{option} shows the follow-up arrow since the first round", "↑" in text and "sinceAutumn2026" in text)

    code, out, err = run(project, "--plan-csv", os.path.join(tmp, "a.csv"), "--ics", os.path.join(tmp, "a.ics"))
    check("two outputs at once is a usage error", code == 2, err)
    code, out, err = run(os.path.join(tmp, "missing.trellis"), "--plan-csv", os.path.join(tmp, "b.csv"))
    check("a missing project is bad input", code == 1 and not os.path.exists(os.path.join(tmp, "b.csv")), err)
    check("the project file is never changed", digest(project) == before)

finish()
