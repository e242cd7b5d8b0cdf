#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bundled sample is what its seeded generator makes, and `trellis-cli summary --json`
counts exactly what the generator drew.

Usage: check-sample.py GENERATOR TRELLIS_CLI SAMPLE_PROJECT   (prints TAP)
"""
import json
import os
import subprocess
import sys
import tempfile

generator, cli, sample = sys.argv[1:4]
results = []

with tempfile.TemporaryDirectory() as tmp:
    fresh = os.path.join(tmp, "sample.trellis")
    tally_path = os.path.join(tmp, "tally.json")
    subprocess.run([generator, fresh, "--tally", tally_path], check=True)
    with open(fresh, "rb") as a, open(sample, "rb") as b:
        results.append(("the committed sample is the generator's output, byte for byte",
                        a.read() == b.read()))
    with open(tally_path) as f:
        tally = json.load(f)

summary = json.loads(subprocess.run([cli, "summary", sample, "--json"], check=True,
                                    capture_output=True, text=True).stdout)
results.append((f"rounds: summary {len(summary['rounds'])}, generator {len(tally['rounds'])}",
                len(summary["rounds"]) == len(tally["rounds"])))
mismatches = []
for number, (round_, drawn) in enumerate(zip(summary["rounds"], tally["rounds"]), 1):
    results.append((f"round {number} respondents: summary {round_['respondents']}, "
                    f"generator {drawn['respondents']}",
                    round_["respondents"] == drawn["respondents"]))
    seen = 0
    before = len(mismatches)
    for section in round_["sections"]:
        for st in section["statements"]:
            expected = drawn["items"].get(st["id"])
            seen += 1
            got = {k: st[k] for k in ("counts", "not_applicable", "dont_know", "blank")}
            if got != expected:
                mismatches.append(f"round {number} {st['id']}: summary {got}, generator {expected}")
    results.append((f"round {number}: every statement's counts match the generator's ({seen} statements)",
                    len(mismatches) == before and seen == len(drawn["items"])))

print(f"1..{len(results)}")
for i, (name, ok) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
for m in mismatches[:20]:
    print(f"# {m}")
sys.exit(0 if all(ok for _, ok in results) else 1)
