#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writers of one project: locks, special files and newer format versions.

Usage: test-cli-writers.py TRELLIS_CLI SAMPLE_PROJECT EXPORT.csv [TRIALS]   (prints TAP)

Two imports into one project at the same moment must each be applied or refused
(exit 1, "being changed by"), never lost (TRIALS times, default 3; the documented hand
run uses 50). A live lock makes an import wait and refuse; a dead one is taken over.
A project or export that is a named pipe, a folder or a device is refused at once; a
project of a newer minor format version is read but not changed.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from clitest import check, digest, finish, one_line_naming
from clitest import run as run_cli

cli, sample, export = sys.argv[1:4]
trials = int(sys.argv[4]) if len(sys.argv) > 4 else 3


def run(*args, wait_ms="300", timeout=20):
    env = dict(os.environ, TRELLIS_LOCK_WAIT_MS=wait_ms)
    proc = subprocess.run([cli, *args], capture_output=True, text=True, env=env, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def labels_in(path):
    code, out, _ = run("summary", path)
    return re.findall(r"^Round: (\S+)", out, re.M) if code == 0 else None


def write_lock(project, pid, host=None, user="Alice Example"):
    folder, name = os.path.split(project)
    with open(os.path.join(folder, f".~lock.{name}#"), "w") as f:
        f.write("[Trellis lock]\n"
                f"User={user}\nLogin=alice\nHost={host or socket.gethostname()}\n"
                f"Pid={pid}\nBootId=\nProgram=Trellis\nSince=2026-05-04T09:30:00Z\n")


def concurrent_imports(tmp):
    project = os.path.join(tmp, "concurrent.trellis")
    shutil.copy(sample, project)
    lost = refused = applied = 0
    for t in range(trials):
        before = labels_in(project)
        env = dict(os.environ, TRELLIS_LOCK_WAIT_MS="5000")
        procs = [subprocess.Popen([cli, "import", project, export, "--round", f"T{t}{w}"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
                 for w in "ab"]
        results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        after = labels_in(project)
        for w, (code, err) in zip("ab", results):
            label = f"T{t}{w}"
            if code == 0:
                applied += 1
                lost += label not in after
            else:
                refused += 1
                check(f"trial {t}{w}: a refused import says who has the project",
                      code == 1 and "being changed by" in err and label not in after, err)
        check(f"trial {t}: the project opens with every earlier round", after is not None and
              set(before) <= set(after))
    check(f"{trials} pairs of concurrent imports: none lost "
          f"({applied} applied, {refused} refused)", lost == 0)


def locks(tmp):
    project = os.path.join(tmp, "locked.trellis")
    shutil.copy(sample, project)
    before = digest(project)
    lock = os.path.join(tmp, ".~lock.locked.trellis#")

    write_lock(project, os.getpid())
    started = time.monotonic()
    code, _, err = run("import", project, export, "--round", "Blocked")
    waited = time.monotonic() - started
    check("a live lock: exit 1, one line naming who and since when",
          code == 1 and one_line_naming(err, "locked.trellis") and
          "being changed by Alice Example on " in err and "since 2026-05-04" in err, err)
    check("a live lock: the import waited briefly, then gave up", 0.25 <= waited < 5, waited)
    check("a live lock: the project is untouched and the lock kept",
          digest(project) == before and os.path.exists(lock))

    write_lock(project, 2 ** 22 + 12345)  # above pid_max: no such process
    code, _, err = run("import", project, export, "--round", "TakenOver")
    check("a dead process's lock is taken over", code == 0 and "TakenOver" in labels_in(project), err)
    check("the lock is removed when the import is done", not os.path.exists(lock))

    write_lock(project, os.getpid(), host="another-computer.example")
    os.utime(lock, (time.time() - 13 * 3600,) * 2)
    code, _, err = run("import", project, export, "--round", "OldLock")
    check("a lock not renewed for 12 hours is taken over", code == 0, err)

    code, _, err = run("import", project, export, "--round", "Dry", "--dry-run")
    check("a dry run takes no lock", code == 0 and not os.path.exists(lock), err)


def special_files(tmp):
    fifo = os.path.join(tmp, "pipe.trellis")
    os.mkfifo(fifo)
    for command in (["validate", fifo], ["summary", fifo], ["import", fifo, export]):
        started = time.monotonic()
        try:
            code, _, err = run(*command, timeout=10)
        except subprocess.TimeoutExpired:
            code, err = None, "blocked"
        check(f"{command[0]} of a named pipe: refused at once",
              code == 1 and "named pipe" in err and time.monotonic() - started < 5, err)

    project = os.path.join(tmp, "special.trellis")
    shutil.copy(sample, project)
    before = digest(project)
    code, _, err = run("import", project, fifo, timeout=10)
    check("importing a named pipe: refused at once", code == 1 and "named pipe" in err, err)
    if os.path.exists("/dev/zero"):
        code, _, err = run("import", project, "/dev/zero", timeout=10)
        check("importing a device: refused", code == 1 and "device" in err, err)
    code, _, err = run("validate", tmp)
    check("a folder as project: refused", code == 1 and "folder" in err, err)
    check("the project is untouched", digest(project) == before)


def newer_minor(tmp):
    project = os.path.join(tmp, "newer.trellis")
    with open(sample, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r'format-version="1\.[0-9]+"', 'format-version="1.9"', text, count=1)
    text = text.replace("</partnership>", "  <funding source=\"council\">2027</funding>\n  </partnership>", 1)
    with open(project, "w", encoding="utf-8") as f:
        f.write(text)
    before = digest(project)
    code, out, err = run("validate", project)
    check("a newer minor version: validate reads it", code == 0, err)
    code, out, err = run("summary", project)
    check("a newer minor version: summary reads it", code == 0, err)
    code, _, err = run("import", project, export, "--round", "Newer")
    check("a newer minor version: import refuses, naming the version",
          code == 1 and one_line_naming(err, "newer.trellis") and "format 1.9" in err, err)
    check("a newer minor version: the file is untouched", digest(project) == before)


def hard_link(tmp):
    project = os.path.join(tmp, "linked.trellis")
    other = os.path.join(tmp, "other.trellis")
    shutil.copy(sample, project)
    os.link(project, other)
    before = digest(other)
    code, _, err = run("import", project, export, "--round", "Linked")
    check("a hard-linked project: saved, with a note that the other name keeps the old version",
          code == 0 and "hard links" in err and digest(other) == before, err)


with tempfile.TemporaryDirectory() as tmp:
    concurrent_imports(tmp)
    locks(tmp)
    special_files(tmp)
    newer_minor(tmp)
    hard_link(tmp)

finish()
