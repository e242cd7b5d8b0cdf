#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""trellis-cli's contract (HACKING.md): exit 0 on success, 1 on bad input with one line on
stderr naming the file, 2 on bad usage; a failed command never changes the project file.

Usage: test-cli.py TRELLIS_CLI SAMPLE_PROJECT   (prints TAP)
"""
import json
import os
import sys
import tempfile

from clitest import check, digest, finish, one_line_naming
from clitest import run as run_cli

cli, sample = sys.argv[1], sys.argv[2]


def run(*args):
    return run_cli(cli, *args)


with tempfile.TemporaryDirectory() as tmp:
    # Usage errors: 2.
    code, _, err = run()
    check("no command is a usage error", code == 2, err)
    code, _, err = run("frobnicate")
    check("unknown command is a usage error", code == 2, err)
    code, _, err = run("summary")
    check("summary without a project is a usage error", code == 2, err)
    code, _, err = run("summary", sample, "--no-such-option")
    check("unknown option is a usage error", code == 2, err)
    code, out, _ = run("--help")
    check("--help succeeds and lists commands", code == 0 and "summary" in out and "validate" in out)

    # Success: 0.
    code, out, err = run("validate", sample)
    check("validate accepts the sample", code == 0 and "valid" in out, err)
    code, out, err = run("templates")
    check("templates lists is-ofpc", code == 0 and "is-ofpc" in out, err)
    # Each template: "ID TITLE" on an unindented line, its description on the indented next.
    lines = out.splitlines()
    listed = {}
    for i, line in enumerate(lines):
        if line and not line[0].isspace():
            following = lines[i + 1] if i + 1 < len(lines) else ""
            listed[line.split()[0]] = following.strip() if following[:1].isspace() else ""
    templates_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "templates")
    builtin = sorted(name[:-len(".xml")] for name in os.listdir(templates_dir) if name.endswith(".xml"))
    check("templates lists every built-in template", sorted(listed) == builtin, out)
    check("templates gives every template a description", all(listed.get(t) for t in builtin), out)
    check("templates lists the Eight I's with its description",
          "written for Trellis" in listed.get("eight-is", ""), out)
    code, out, err = run("summary", sample, "--json")
    try:
        data = json.loads(out)
    except ValueError:
        data = None
    check("summary --json prints JSON", code == 0 and data is not None, err)
    if data:
        r = data["rounds"][0]
        check("summary --json counts respondents", r["respondents"] > 0)
        first = r["sections"][0]["statements"][0]
        keys = {"id", "number", "text", "scale", "asked", "counts", "not_applicable", "dont_know",
                "blank", "not_shown", "valid", "mean", "median", "iqr", "percent_agree", "percent_neutral",
                "percent_disagree"}
        check("summary --json statement keys are the documented ones", set(first) == keys, sorted(first))
        check("counts add up to respondents",
              sum(first["counts"]) + first["not_applicable"] + first["dont_know"] + first["blank"] + first["not_shown"]
              == r["respondents"])
        kinds = [t["kind"] for t in data["rounds"][-1]["talking_points"]]
        check("summary --json lists the latest round's talking points, changes last",
              kinds == ["agree", "disagree", "divided", "dont_know", "group", "change"], kinds)
        changes = data["rounds"][-1]["talking_points"][-1]["points"]
        check("each change says whether it is clear",
              changes and all(isinstance(p["clear"], bool) and p["figure"] for p in changes), changes)
        check("the first round has no change to talk about",
              "change" not in [t["kind"] for t in data["rounds"][0]["talking_points"]])
    code, out, err = run("summary", sample)
    check("summary prints a table", code == 0 and "Section A" in out, err)
    check("summary prints the talking points", "Talking points" in out and "Most agreed" in out, out[-500:])
    # A statement nobody answered on the scale has no share agreeing, like its mean.
    minimal = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "minimal.trellis")
    unanswered = os.path.join(tmp, "unanswered.trellis")
    with open(minimal, encoding="utf-8") as f:
        text = f.read().replace("<response>1 2</response>", "<response>dk 2</response>")
    with open(unanswered, "w", encoding="utf-8") as f:
        f.write(text)
    code, out, err = run("summary", unanswered)
    row = next((line.split() for line in out.splitlines() if line.strip().startswith("1 ")), [])
    check("summary shows no % agree for a statement nobody answered", code == 0 and row[-2:] == ["–", "–"], out + err)

    # new: creates a project from a template; refuses to overwrite.
    fresh = os.path.join(tmp, "fresh.trellis")
    code, _, err = run("new", fresh, "--template", "is-ofpc", "--name", "Test Partnership")
    check("new creates a project", code == 0 and os.path.exists(fresh), err)
    code, out, err = run("validate", fresh)
    check("the new project validates", code == 0, err)
    before = digest(fresh)
    for template in builtin:
        made = os.path.join(tmp, "from-" + template + ".trellis")
        code, _, err = run("new", made, "--template", template, "--name", "Test Partnership")
        new_ok = code == 0
        code, _, verr = run("validate", made)
        check("a project new from %s validates" % template, new_ok and code == 0, err + verr)
    code, _, err = run("new", fresh)
    check("new refuses to overwrite a file", code == 1 and one_line_naming(err, "fresh.trellis")
          and digest(fresh) == before, err)
    code, _, err = run("new", os.path.join(tmp, "x.trellis"), "--template", "no-such-template")
    check("new with an unknown template is bad input", code == 1 and "no-such-template" in err, err)

    # new --template-file: a template saved by Trellis, or a built-in template's file.
    fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
    tailored = os.path.join(fixtures, "tailored.trellis-template")
    from_file = os.path.join(tmp, "from-file.trellis")
    code, _, err = run("new", from_file, "--template-file", tailored, "--name", "Southshire")
    check("new --template-file creates a project", code == 0 and os.path.exists(from_file), err)
    code, out, err = run("summary", from_file, "--json")
    data = json.loads(out) if code == 0 else {}
    check("the project has the template's checklist and the new name",
          data.get("checklist") == "Partnership checklist" and data.get("partnership") == "Southshire"
          and data.get("rounds") == [], out + err)
    code, _, err = run("validate", from_file)
    check("the project from a template file validates", code == 0, err)
    code, _, err = run("new", os.path.join(tmp, "both.trellis"), "--template", "is-ofpc", "--template-file", tailored)
    check("--template with --template-file is a usage error",
          code == 2 and not os.path.exists(os.path.join(tmp, "both.trellis")), err)
    bad_templates = {
        "a project": (sample, "not a template"),
        "a missing file": (os.path.join(tmp, "none.trellis-template"), "none.trellis-template"),
        "a newer format": ("newer.trellis-template",
                           '<trellis-template xmlns="https://trellisapp.org/ns/project" format-version="2.0" '
                           'id="x" version="1"><title>T</title><checklist/></trellis-template>'),
        "an external entity": ("xxe.trellis-template",
                               '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                               '<trellis-template xmlns="https://trellisapp.org/ns/project" format-version="1.1" '
                               'id="x" version="1"><title>&x;</title><checklist/></trellis-template>'),
        "plain text": ("notes.trellis-template", "Not a template at all\n"),
    }
    for what, (path, content) in bad_templates.items():
        if not os.path.isabs(path):
            name, path = path, os.path.join(tmp, path)
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)
        out_path = os.path.join(tmp, "refused.trellis")
        code, out, err = run("new", out_path, "--template-file", path)
        check(f"a template file that is {what} is refused, nothing written",
              code == 1 and one_line_naming(err, os.path.basename(path)) and not os.path.exists(out_path)
              and "root:" not in out + err, err)
    code, _, err = run("new", os.path.join(tmp, "newer-named.trellis"), "--template-file",
                       os.path.join(tmp, "newer.trellis-template"))
    check("a newer template says so", "newer version" in err, err)

    # Bad input: 1, one line naming the file, nothing changed.
    missing = os.path.join(tmp, "missing.trellis")
    code, _, err = run("summary", missing)
    check("a missing file is bad input", code == 1 and one_line_naming(err, "missing.trellis"), err)
    broken = os.path.join(tmp, "broken.trellis")
    with open(sample, "rb") as f:
        data_bytes = f.read()
    with open(broken, "wb") as f:
        f.write(data_bytes[: len(data_bytes) // 2])
    before = digest(broken)
    code, _, err = run("validate", broken)
    check("a truncated project is bad input", code == 1 and one_line_naming(err, "broken.trellis"), err)
    check("validate leaves the broken file alone", digest(broken) == before)
    code, _, err = run("summary", sample, "--round", "No Such Round")
    check("an unknown round is bad input", code == 1 and one_line_naming(err, "No Such Round"), err)
    xxe = os.path.join(tmp, "xxe.trellis")
    with open(xxe, "w") as f:
        f.write('<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                '<trellis-project xmlns="https://trellisapp.org/ns/project" format-version="1.0">'
                '<partnership><name>&x;</name></partnership></trellis-project>\n')
    code, out, err = run("summary", xxe)
    check("an external entity is refused", code == 1 and "root:" not in out + err, err)

finish()
