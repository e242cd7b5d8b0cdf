#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kills and disk-full errors aimed at trellis-cli's save, on a plain project, one
reached through a symbolic link and one with a second hard link.

    save-faults.py TRELLIS_CLI FAULT_INJECT_SO SAMPLE.trellis EXPORT.csv [--random N] [--enospc]

Every fault point of the save is tried in turn (fault-inject.c: the process is killed
just before its 1st, 2nd, … write, fsync, close, link, rename or unlink once the
project's content is being written), then N kills at random moments of the save
(default 5 per kind; the documented hand run uses --random 340 for over 1,000 trials).
After each trial the project must open (trellis-cli validate) with either the old or
the new number of rounds, its backup NAME~ must open, the other hard-linked name must
open, the symbolic link must still be one, and the next save must have removed any
temporaries of killed saves. With --enospc, every write and fsync of the save is made
to fail in turn as on a full disk: the command must exit 1 saying so and leave the
project byte for byte as it was, with no temporary left. Output is TAP; statistics go
to stderr.
"""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from clitest import check, finish  # noqa: E402

cli, shim, sample, export = sys.argv[1:5]
options = sys.argv[5:]
n_random = int(options[options.index("--random") + 1]) if "--random" in options else 5
with_enospc = "--enospc" in options
seed = int(os.environ.get("TRELLIS_FAULT_SEED", time.time()))
rng = random.Random(seed)
stats = {"trials": 0, "killed": 0, "saved": 0, "invalid": 0, "lost_backups": 0, "changed": 0}


def cli_run(*argv, fault=None, env_extra=None):
    env = dict(os.environ)
    env["TRELLIS_LOCK_WAIT_MS"] = "0"
    if fault is not None:
        env["LD_PRELOAD"] = shim
        env["TRELLIS_FAULT"] = fault
    proc = subprocess.run([cli, *argv], capture_output=True, text=True, env=env, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def rounds_in(path):
    """The number of rounds of the project at path, or None if it does not open."""
    code, out, _ = cli_run("validate", path)
    match = re.search(r"(\d+) rounds?", out)
    return int(match.group(1)) if code == 0 and match else (0 if code == 0 else None)


def make_kind(kind, base):
    """Sets up a project of this kind; returns (name used, real file, other names)."""
    if kind == "plain":
        path = os.path.join(base, "project.trellis")
        shutil.copy(sample, path)
        return path, path, []
    if kind == "symlink":
        os.mkdir(os.path.join(base, "real"))
        real = os.path.join(base, "real", "target.trellis")
        shutil.copy(sample, real)
        link = os.path.join(base, "link.trellis")
        os.symlink("real/target.trellis", link)
        return link, real, []
    path = os.path.join(base, "project.trellis")
    shutil.copy(sample, path)
    other = os.path.join(base, "other-name.trellis")
    os.link(path, other)
    return path, path, [other]


def leftovers(real):
    folder, name = os.path.split(real)
    return [e for e in os.listdir(folder)
            if e.startswith((".~trellis-save." + name + ".", ".~trellis-backup." + name + "."))]


def trial(kind, name, real, others, fault, label):
    """One import under a fault; returns whether it completed (no fault hit)."""
    before = rounds_in(name)
    code, _, err = cli_run("import", name, export, "--round", label, fault=fault)
    stats["trials"] += 1
    completed = code == 0
    stats["saved" if completed else "killed"] += 1
    after = rounds_in(name)
    # A kill after the rename, while printing, leaves the new version: also fine.
    ok = after is not None and after in (before, before + 1) and (after == before + 1 or not completed)
    if not ok:
        stats["invalid"] += 1
    check(f"{kind} {fault}: the project opens, old or new", ok,
          f"exit {code}, rounds {before} -> {after}\n{err}")
    backup = real + "~"
    if os.path.exists(backup) and rounds_in(backup) is None:
        stats["lost_backups"] += 1
        check(f"{kind} {fault}: the backup opens", False)
    for other in others:
        if rounds_in(other) is None:
            stats["invalid"] += 1
            check(f"{kind} {fault}: the other hard-linked name opens", False)
    if kind == "symlink":
        check(f"{kind} {fault}: the link is still a link", os.path.islink(name))
    if completed:
        check(f"{kind} {fault}: the save removed earlier temporaries", not leftovers(real), leftovers(real))
    return completed


def kill_trials(kind):
    """Every fault point in turn, then random kills in batches, each batch on a fresh copy
    of the sample so that the project, which grows by a round per completed save, keeps
    the size of a real one."""
    point = 1
    remaining = n_random
    while True:
        base = tempfile.mkdtemp(prefix="trellis-faults-")
        try:
            name, real, others = make_kind(kind, base)
            while point > 0:
                if trial(kind, name, real, others, f"kill:{point}", f"K{point}"):
                    point = 0
                else:
                    point += 1
                if point > 60:
                    check(f"{kind}: the save ends within 60 calls", False)
                    point = 0
            for i in range(min(remaining, 25)):
                trial(kind, name, real, others, f"kill-after-us:{rng.randint(0, 20000)}", f"R{remaining - i}")
            remaining -= min(remaining, 25)
            # A last clean save takes the lock of the killed ones over and sweeps up.
            code, _, err = cli_run("import", name, export, "--round", "final")
            check(f"{kind}: a save after the kills succeeds and leaves no temporary",
                  code == 0 and not leftovers(real), err)
        finally:
            shutil.rmtree(base)
        if remaining <= 0:
            break


def read(path):
    with open(path, "rb") as f:
        return f.read()


def enospc_trials(kind):
    base = tempfile.mkdtemp(prefix="trellis-faults-")
    try:
        name, real, others = make_kind(kind, base)
        point = 1
        while True:
            before = read(real)
            code, _, err = cli_run("import", name, export, "--round", f"E{point}", fault=f"enospc:{point}")
            stats["trials"] += 1
            if code == 0:
                break
            unchanged = read(real) == before
            stats["changed"] += 0 if unchanged else 1
            check(f"{kind} enospc:{point}: exit 1 naming the full disk, project unchanged, no temporary",
                  code == 1 and "No space left on device" in err and unchanged and not leftovers(real),
                  f"exit {code}\n{err}")
            point += 1
        check(f"{kind}: with space, the import saves", rounds_in(name) is not None)
    finally:
        shutil.rmtree(base)


for kind in ("plain", "symlink", "hardlink"):
    kill_trials(kind)
    if with_enospc:
        enospc_trials(kind)

print(f"# seed {seed}: {stats}", file=sys.stderr)
check("no invalid project and no lost backup", stats["invalid"] == 0 and stats["lost_backups"] == 0, stats)
finish()
