#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source file with a translatable string is listed in po/POTFILES.in, and every
listed file exists, so no user-visible text escapes translation.

Usage: check-potfiles.py SOURCE_ROOT   (prints TAP)
"""
import os
import re
import sys

root = sys.argv[1]
marker = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext)\s*\(\s*"|translatable="yes"')

with open(os.path.join(root, "po", "POTFILES.in")) as f:
    listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]

wanted = set()
for top in ("src", "ui"):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for name in files:
            if not name.endswith((".c", ".ui")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                if marker.search(f.read()):
                    wanted.add(os.path.relpath(path, root))

missing = sorted(wanted - set(listed))
stale = sorted(p for p in listed if not os.path.exists(os.path.join(root, p)))
unsorted = listed != sorted(listed)

checks = [
    ("every file with translatable strings is in POTFILES.in", not missing, missing),
    ("every file in POTFILES.in exists", not stale, stale),
    ("POTFILES.in is sorted", not unsorted, []),
]
print(f"1..{len(checks)}")
for i, (name, ok, detail) in enumerate(checks, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    for d in detail:
        print(f"# {d}")
sys.exit(0 if all(ok for _, ok, _ in checks) else 1)
