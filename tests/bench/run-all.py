#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every performance target of issue 15, measured in one run against references run in
alternation with Trellis (A B A B …), as medians of several runs with each run's peak RSS.

    tests/bench/run-all.py --build _build [--sizes 100,1000,10000,100000,1000000]
                           [--repeat 5] [--out docs/benchmarks.md] [--quick] [--label TEXT]

Inputs are generated, seeded, into a temporary directory that is removed at the end: a
Google Forms export of the Improvement Service checklist (the is-ofpc template) as a
national survey of community planning partnerships would produce it, about 940 bytes a
row. Cases:

  import      trellis-cli import PROJECT FILE (the whole process, save included) against
              pandas read_csv of the same file, Python's csv module reading every row,
              data.table's fread (when Rscript and r-cran-data.table are installed) and
              cat; a zipped copy at the headline size; bench-read-table FILE, the import's
              reading stage alone
  summary     trellis-cli summary PROJECT --json against xmllint --noout PROJECT
  pack        trellis-cli export PROJECT --pdf against matplotlib drawing the same charts
  app         exec to the first painted frame of the project against a bare GTK 4 window
  scaling     import and summary at every size, with time and peak memory per row

Without a display the script runs itself again under xvfb-run and dbus-run-session.
--smoke (the test suite's bench/run-all): sizes 100, one run, Trellis only, no timing claims.
"""
import argparse
import csv
import datetime
import io
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
SAMPLE = os.path.join(SOURCE, "data", "samples", "northshire-csp.trellis")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
NS = "{https://trellisapp.org/ns/project}"
SEED = 15
HEADLINE = 100000          # the size the targets name
LARGE = 1000000            # from here on, runs are capped at --repeat-large

# ---------------------------------------------------------------------------------------
# Inputs

PARTNERSHIPS = [
    "Aberdeen City", "Aberdeenshire", "Angus", "Argyll and Bute", "Clackmannanshire",
    "Dumfries and Galloway", "Dundee City", "East Ayrshire", "East Dunbartonshire",
    "East Lothian", "East Renfrewshire", "City of Edinburgh", "Falkirk", "Fife", "Glasgow City",
    "Highland", "Inverclyde", "Midlothian", "Moray", "Na h-Eileanan Siar", "North Ayrshire",
    "North Lanarkshire", "Orkney Islands", "Perth and Kinross", "Renfrewshire",
    "Scottish Borders", "Shetland Islands", "South Ayrshire", "South Lanarkshire", "Stirling",
    "West Dunbartonshire", "West Lothian",
]
SECTORS = ["Local authority", "NHS board", "Police Scotland", "Scottish Fire and Rescue Service",
           "Third sector", "Health and social care partnership", "Other public body"]
LABELS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree",
          "Not applicable", "Don't know", ""]
SECTOR_QUESTION = "Which sector do you represent?"
WEIGHTS = [5, 13, 17, 35, 16, 4, 6, 4]
FIRST_NAMES = ["alex", "morag", "iain", "fiona", "callum", "eilidh", "jamie", "kirsty", "ross",
               "shona", "euan", "catriona", "fraser", "ailsa", "graeme", "isla"]
SURNAMES = ["macdonald", "campbell", "stewart", "robertson", "thomson", "anderson", "scott",
            "murray", "reid", "clark", "ross", "paterson", "fraser", "mackenzie", "hamilton"]
PHRASES = [
    "The strategic assessment is excellent, but it should drive the agenda more than it does",
    "We have plenty of data; we rarely discuss what it means for our priorities",
    "Resource decisions in my organisation are made elsewhere, with little reference to this partnership",
    "Too many priorities, we should pick three and do them well",
    "Meetings are \"information sharing\" rather than decision making",
    "Early intervention work on antisocial behaviour is a real success story",
    "Elected members only see the headline figures once a year",
    "Targets exist but nobody owns them, and the \"action log\" is never revisited",
    "Community engagement is mostly consultation at the end of the process",
    "Would value a joint analyst post, shared between partners",
]


def checklist_of(project):
    """The sections of PROJECT's checklist, each (code, title, [statement texts], has comment
    box), rated statements in order, their text as a respondent reads it (markup dropped)."""
    root = ET.parse(project).getroot()
    sections = []
    for section in root.find(NS + "checklist").findall(NS + "section"):
        rated, comment = [], False
        for statement in section.iter(NS + "statement"):
            kind = statement.get("kind")
            text = " ".join("".join(statement.find(NS + "text").itertext()).split())
            if kind == "rating":
                rated.append(text)
            elif kind == "comment":
                comment = True
        sections.append((section.get("code"), section.find(NS + "title").text, rated, comment))
    return sections


def header_row(sections):
    """As Google Forms heads a multiple-choice grid per section ("Section A: Title
    [statement]") and a paragraph question per comment box."""
    header = ["Timestamp", "Email address", "Which partnership are you answering for?", SECTOR_QUESTION]
    for code, title, rated, comment in sections:
        header += [f"Section {code}: {title} [{text}]" for text in rated]
        if comment:
            header.append("Thinking about the issues covered in this section, do you have any other "
                          "comments or suggestions on how the partnership can improve its operation "
                          "and impact?")
    return header


def comment_text(rng):
    """A comment as respondents type them: sentences with commas and quotes, sometimes on
    several lines."""
    sentences = rng.sample(PHRASES, rng.randint(1, 2))
    return ("\n" if rng.random() < 0.4 else " ").join(s + "." for s in sentences)


def write_export(path, sections, n_rows, seed=SEED, parts=1):
    """N_ROWS responses, Google Forms style, seeded: the same bytes on every machine. With
    PARTS, the same rows in that many files (PATH-1.csv …), each with the header, as a
    facilitator splits an export the importer finds too large; returns their paths."""
    if parts > 1:
        paths = [f"{os.path.splitext(path)[0]}-{k + 1}.csv" for k in range(parts)]
    else:
        paths = [path]
    rng = random.Random(seed)
    start = datetime.datetime(2026, 9, 1, 8, 0, 0)
    per_part = -(-n_rows // parts)
    f = None
    for r in range(n_rows):
        if r % per_part == 0:
            if f:
                f.close()
            f = open(paths[r // per_part], "w", encoding="utf-8", newline="")
            writer = csv.writer(f, lineterminator="\r\n")
            writer.writerow(header_row(sections))
        when = start + datetime.timedelta(seconds=r * 7 + rng.randint(0, 6))
        hour = when.hour % 12 or 12
        row = [f"{when:%Y/%m/%d} {hour}:{when:%M:%S} {'am' if when.hour < 12 else 'pm'} GMT+1",
               f"{rng.choice(FIRST_NAMES)}.{rng.choice(SURNAMES)}{r}@{rng.choice(PARTNERSHIPS).lower().replace(' ', '')}.example",
               rng.choice(PARTNERSHIPS),
               rng.choice(SECTORS)]
        for _code, _title, rated, comment in sections:
            row += rng.choices(LABELS, WEIGHTS, k=len(rated))
            if comment:
                row.append(comment_text(rng) if rng.random() < 0.2 else "")
        writer.writerow(row)
    if f:
        f.close()
    return paths


def zip_copy(path):
    zipped = path + ".zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(path, os.path.basename(path))
    return zipped


def scaled_project(small, n_rows, small_rows, out):
    """A project of N_ROWS responses made from one Trellis saved with SMALL_ROWS: the body of
    its <responses> and of each <comments> repeated. Only for sizes the importer refuses,
    so that loading can still be measured; None when the file is not laid out so."""
    with open(small, encoding="utf-8") as f:
        text = f.read()
    if len(re.findall(r"<response[ >]", text)) != small_rows:
        return None
    factor = n_rows // small_rows

    def repeat(match):
        return match.group(1) + match.group(2) * factor + match.group(3)
    text = re.sub(r"(<responses\b[^>]*>)(.*?)(\s*</responses>)", repeat, text, flags=re.S)
    text = re.sub(r"(<comments\b[^>]*>)(.*?)(\s*</comments>)", repeat, text, flags=re.S)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    return out


# ---------------------------------------------------------------------------------------
# Running and measuring

class Result:
    def __init__(self, name):
        self.name, self.times, self.rss, self.refused = name, [], [], None
        self.refused_after = None   # (seconds, peak KB) of the run that was refused

    def add(self, seconds, rss_kb):
        self.times.append(seconds)
        self.rss.append(rss_kb)

    @property
    def ok(self):
        return self.refused is None and bool(self.times)

    @property
    def median(self):
        return statistics.median(self.times) if self.ok else None

    @property
    def peak_mb(self):
        return max(self.rss) / 1024 if self.ok else None

    @property
    def spread(self):
        """(max − min) / median: how much the runs disagreed."""
        return (max(self.times) - min(self.times)) / self.median if self.ok and self.median else 0.0


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return "(no message)"


def run_once(argv, stdout=subprocess.DEVNULL, env=None, cwd=None, marker=None, timeout=None):
    """Runs ARGV, returns (seconds, peak RSS in KB of the child, exit status, stderr). With
    MARKER, the seconds are those from exec to the first stderr line MARKER accepts, and
    the program is killed after TIMEOUT seconds."""
    measured = os.path.join(SPAWN["tmp"], "spawn.result") if SPAWN["path"] and marker is None else None
    if measured:
        argv = [SPAWN["path"], measured] + list(argv)
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=cwd,
                               start_new_session=marker is not None)
    seconds, err = None, []
    if marker is not None:
        deadline, killed = threading_timer(process, timeout)
        for raw in process.stderr:
            line = raw.decode("utf-8", "replace")
            err.append(line)
            if seconds is None and marker(line):
                seconds = time.perf_counter() - start
        deadline.cancel()
        if killed.is_set():
            err = [f"timed out: nothing painted after {timeout:.0f} s\n"]
    else:
        err.append(process.stderr.read().decode("utf-8", "replace"))
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    peak = usage.ru_maxrss
    if measured and os.path.exists(measured):
        with open(measured, encoding="ascii") as f:
            elapsed, peak = f.read().split()
        elapsed, peak = float(elapsed), int(peak)
        os.remove(measured)
    if marker is None:
        seconds = elapsed
    elif seconds is None and code == 0:
        code = 1    # it quit without saying it painted
    return seconds, peak, code, "".join(err)


def threading_timer(process, seconds):
    """Kills PROCESS's group after SECONDS: an app that never paints must not hang the run."""
    killed = threading.Event()

    def kill():
        killed.set()
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    timer = threading.Timer(seconds, kill)
    timer.start()
    return timer, killed


class Case:
    """One program of a comparison: how to prepare a run (untimed), the command, and what
    its output means."""

    def __init__(self, name, argv, prepare=None, stdout=None, env=None, marker=None):
        self.result = Result(name)
        self.argv, self.prepare, self.stdout, self.env, self.marker = argv, prepare, stdout, env, marker


# bench-spawn (built with the benchmarks) runs each timed program: started straight from
# Python, a program's peak RSS would include the interpreter's (Linux keeps it across exec).
SPAWN = {"path": None, "tmp": None}
LOADS = []   # the 1-minute load average before each round of runs


def alternate(cases, repeat, log, warm_up=False, timeout=None):
    """Runs the CASES in turn, REPEAT rounds (A B C A B C …): load from the other engineers'
    builds falls on every program alike rather than on whichever ran during it. WARM_UP
    runs one untimed round first (the app's first start activates the accessibility bus
    and fills font caches)."""
    for r in range(-1 if warm_up else 0, repeat):
        LOADS.append(os.getloadavg()[0])
        for case in cases:
            if case.result.refused is not None:
                continue
            if case.prepare:
                case.prepare()
            stdout = open(case.stdout, "wb") if case.stdout else subprocess.DEVNULL
            try:
                seconds, rss, status, err = run_once(case.argv, stdout=stdout, env=case.env, marker=case.marker,
                                                     timeout=timeout)
            finally:
                if case.stdout:
                    stdout.close()
            if status != 0 or seconds is None:
                case.result.refused = first_line(err)
                case.result.refused_after = (seconds, rss) if seconds is not None else None
                log(f"    {case.result.name}: refused: {case.result.refused}")
                continue
            if r < 0:
                log(f"    {case.result.name}: {seconds:.3f} s (warm-up, not counted)")
                continue
            case.result.add(seconds, rss)
            log(f"    {case.result.name}: {seconds:.3f} s, {rss / 1024:.0f} MB")
    return [case.result for case in cases]


# ---------------------------------------------------------------------------------------
# The benchmark

class Bench:
    def __init__(self, args, tmp):
        self.args, self.tmp = args, tmp
        build = os.path.abspath(args.build)
        self.cli = os.path.join(build, "src", "cli", "trellis-cli")
        self.app = os.path.join(build, "src", "app", "trellis")
        self.bench_charts = os.path.join(build, "tests", "bench", "bench-charts")
        self.bench_window = os.path.join(build, "tests", "bench", "bench-window")
        self.bench_read = os.path.join(build, "tests", "bench", "bench-read-table")
        spawn = os.path.join(build, "tests", "bench", "bench-spawn")
        SPAWN.update(path=spawn if os.access(spawn, os.X_OK) else None, tmp=tmp)
        self.schemas = os.path.join(build, "data")
        self.rows = {}      # size → {case name → Result}
        self.notes = []     # what a reader of the table should know
        self.problems = []  # what makes the figures wrong
        self.pristine = os.path.join(tmp, "new.trellis")
        subprocess.run([self.cli, "new", self.pristine, "--template", "is-ofpc",
                        "--name", "National CPP survey"], check=True, stdout=subprocess.DEVNULL)
        self.sections = checklist_of(self.pristine)

    def log(self, text):
        print(text, file=sys.stderr, flush=True)

    def repeat_for(self, size):
        return min(self.args.repeat, self.args.repeat_large) if size >= LARGE else self.args.repeat

    # import -------------------------------------------------------------------------

    def import_cases(self, size, export, project):
        def fresh():
            shutil.copyfile(self.pristine, project)

        cases = [Case("trellis import", [self.cli, "import", project, export], prepare=fresh,
                      stdout=os.path.join(self.tmp, "import.out")),
                 Case("trellis reading alone", [self.bench_read, export])]
        if self.args.smoke:
            return cases
        cases.append(Case("pandas read_csv", [PYTHON, "-c", "import pandas, sys; pandas.read_csv(sys.argv[1])", export]))
        if size == self.headline:
            cases.append(Case("python3 -c 'import pandas'", [PYTHON, "-c", "import pandas"]))
            cases.append(Case("python csv", [PYTHON, "-c",
                                             "import csv, sys\nfor row in csv.reader(open(sys.argv[1], encoding='utf-8', newline='')): pass",
                                             export]))
        if size == self.headline and have_fread():
            # A fast parallel CSV reader in C as a second reference for what reading costs.
            cases.append(Case("data.table fread", ["Rscript", "-e", FREAD, export]))
            cases.append(Case("Rscript, library(data.table)", ["Rscript", "-e", FREAD]))
        cases.append(Case("cat", ["cat", export]))
        return cases

    def check_columns(self, export):
        """The import must place every column: a benchmark of an import that leaves half the
        file out measures nothing. The columns are alike at every size: checked once, on a dry
        run of the smallest export."""
        project = os.path.join(self.tmp, "dry-run.trellis")
        shutil.copyfile(self.pristine, project)
        summary = subprocess.run([self.cli, "import", project, export, "--dry-run"],
                                 capture_output=True, text=True).stdout
        os.remove(project)
        if self.args.show_import:
            self.log(summary)
        for line in summary.splitlines():
            if SECTOR_QUESTION[:40] in line and "not imported" in line:
                self.notes.append("The sector column is not imported: the importer keeps one group column "
                                  "(here the partnership) and leaves a second one out.")
            elif any(word in line for word in ("not imported", "NOT ON THE SCALE", "[check]")):
                self.problems.append(f"The import did not place a column: {line.strip()}")

    def check_import(self, size):
        """Every row became a response to each of the 60 statements."""
        with open(os.path.join(self.tmp, "import.out"), encoding="utf-8") as f:
            summary = f.read()
        if not re.search(rf"\b{size} responses? to 60 statements", re.sub(r"[,\u202f\u00a0]", "", summary)):
            self.problems.append(f"At {size:,} rows the import's summary does not say {size} responses to 60 "
                              f"statements: {first_line(summary)}")

    # the size loop --------------------------------------------------------------------

    def run(self):
        self.sizes = sorted(self.args.sizes)
        self.headline = HEADLINE if HEADLINE in self.sizes else max(self.sizes)
        small_project = None
        for size in self.sizes:
            self.log(f"{size} rows: generating the export")
            rows = self.rows.setdefault(size, {})
            export = os.path.join(self.tmp, f"export-{size}.csv")
            project = os.path.join(self.tmp, f"project-{size}.trellis")
            write_export(export, self.sections, size)
            if size == self.sizes[0]:
                self.check_columns(export)
            rows["csv bytes"] = os.path.getsize(export)
            self.log(f"{size} rows: import ({rows['csv bytes'] / 1e6:.1f} MB)")
            for result in alternate(self.import_cases(size, export, project), self.repeat_for(size), self.log):
                rows[result.name] = result
            if rows["trellis import"].refused and "larger than" in rows["trellis import"].refused:
                self.split_case(size, project, rows)
            if rows["trellis import"].ok or (rows.get("trellis import (parts)") or Result("")).ok:
                self.check_import(size)
                if size == self.headline and not self.args.smoke:
                    self.durable_write_case(project, rows)
                if small_project is None:
                    small_project = (os.path.join(self.tmp, "small.trellis"), size)
                    shutil.copyfile(project, small_project[0])
            elif small_project is not None and not (rows.get("trellis import (parts)") or Result("")).ok:
                made = scaled_project(small_project[0], size, small_project[1], project)
                rows["project note"] = ("written by the benchmark (the import was refused): the "
                                        f"{small_project[1]}-row project's lines repeated") if made else None
                if not made:
                    os.path.exists(project) and os.remove(project)
            if size == self.headline and not self.args.smoke:
                self.zip_case(size, export, project, rows)
            if os.path.exists(project):
                rows["project bytes"] = os.path.getsize(project)
                self.summary_case(size, project, rows)
                if size == self.headline and not self.args.smoke:
                    if "pack" in self.args.cases:
                        self.pack_case(project, rows)
                    if "app" in self.args.cases:
                        self.app_case(project, rows)
            for path in (export, project, export + ".zip"):
                if os.path.exists(path):
                    os.remove(path)

    def durable_write_case(self, project, rows):
        """What the import's atomic save cannot do without: writing the project it saved and
        waiting for the disk (`dd conv=fsync`), with no serialising at all."""
        copy = os.path.join(self.tmp, "durable-copy.trellis")
        # A new file each time, as the atomic save writes one; 4 MB at a time, not dd's 512 bytes.
        case = Case("durable write of the project", ["dd", f"if={project}", f"of={copy}", "bs=4M", "conv=fsync",
                                                     "status=none"],
                    prepare=lambda: os.path.exists(copy) and os.remove(copy))
        for result in alternate([case], self.repeat_for(self.headline), self.log):
            rows[result.name] = result
        os.path.exists(copy) and os.remove(copy)

    def split_case(self, size, project, rows):
        """The export too large for the importer, split into files under 64 MB and imported
        at once, as the facilitator would: how long an import of this size takes today."""
        parts = -(-rows["csv bytes"] // (60 * 1000 * 1000))
        self.log(f"{size} rows: import of the same rows in {parts} files")
        paths = write_export(os.path.join(self.tmp, f"part-{size}.csv"), self.sections, size, parts=parts)
        case = Case("trellis import (parts)", [self.cli, "import", project] + paths,
                    prepare=lambda: shutil.copyfile(self.pristine, project),
                    stdout=os.path.join(self.tmp, "import.out"))
        for result in alternate([case], self.repeat_for(size), self.log):
            rows[result.name] = result
        rows["parts"] = parts
        for path in paths:
            os.remove(path)
        if not case.result.ok and os.path.exists(project):
            os.remove(project)

    def zip_case(self, size, export, project, rows):
        self.log(f"{size} rows: import of the zipped export")
        zipped = zip_copy(export)
        rows["zip bytes"] = os.path.getsize(zipped)
        copy = os.path.join(self.tmp, "zip.trellis")
        cases = [Case("trellis import (zip)", [self.cli, "import", copy, zipped],
                      prepare=lambda: shutil.copyfile(self.pristine, copy)),
                 Case("pandas read_csv (zip)", [PYTHON, "-c", "import pandas, sys; pandas.read_csv(sys.argv[1])", zipped])]
        for result in alternate(cases, self.repeat_for(size), self.log):
            rows[result.name] = result
        os.remove(zipped)
        os.path.exists(copy) and os.remove(copy)

    def summary_case(self, size, project, rows):
        self.log(f"{size} rows: load + summary ({os.path.getsize(project) / 1e6:.1f} MB project)")
        cases = [Case("trellis summary", [self.cli, "summary", project, "--json"])]
        if not self.args.smoke:
            cases.append(Case("xmllint", ["xmllint", "--noout", "--huge", project]))
        for result in alternate(cases, self.repeat_for(size), self.log):
            rows[result.name] = result

    def pack_case(self, project, rows):
        """Reference: matplotlib drawing the charts the pack holds, from the same project's
        figures (bench-charts writes them), one PDF page each, the whole Python process."""
        self.log("pack")
        pdf = os.path.join(self.tmp, "pack.pdf")
        sample_pdf = os.path.join(self.tmp, "sample.pdf")
        data = os.path.join(self.tmp, "charts.json")
        cases = [Case("trellis pack", [self.cli, "export", project, "--pdf", pdf])]
        if os.path.exists(self.bench_charts) and have_module("matplotlib"):
            subprocess.run([self.bench_charts, project, "1", data], check=True, stdout=subprocess.DEVNULL)
            cases.append(Case("matplotlib charts", [PYTHON, os.path.join(HERE, "bench_matplotlib.py"), data, "0"]))
        else:
            self.notes.append("pack: no matplotlib reference (bench-charts not built or matplotlib missing)")
        cases.append(Case("trellis pack (sample)", [self.cli, "export", SAMPLE, "--pdf", sample_pdf]))
        for result in alternate(cases, self.repeat_for(self.headline), self.log):
            rows[result.name] = result
        if os.path.exists(pdf):
            rows["pack pages"] = pdf_pages(pdf)
        for path in (pdf, sample_pdf, data):
            os.path.exists(path) and os.remove(path)

    # app ------------------------------------------------------------------------------

    def app_env(self):
        home = os.path.join(self.tmp, "home")
        env = dict(os.environ, XDG_DATA_HOME=home + "/data", XDG_CONFIG_HOME=home + "/config",
                   XDG_CACHE_HOME=home + "/cache", GSETTINGS_BACKEND="memory",
                   GSETTINGS_SCHEMA_DIR=self.schemas, NO_AT_BRIDGE="1")
        env.update(app_paint_hook())
        return env

    def app_case(self, project, rows):
        self.log("app")
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            self.notes.append("app: no display, not measured")
            return
        env = self.app_env()
        # The app draws with Cairo where OpenGL runs in software (trellis-renderer.c); a bare
        # window draws with GTK's default, so it is also timed drawing with Cairo.
        cases = [Case("bare GTK window", [self.bench_window], env=env, marker=lambda l: "bench-window: painted" in l),
                 Case("bare GTK window (Cairo)", [self.bench_window], env=dict(env, GSK_RENDERER="cairo"),
                      marker=lambda l: "bench-window: painted" in l),
                 Case("trellis app (sample)", [self.app, SAMPLE], env=env, marker=app_painted),
                 Case("trellis app", [self.app, project], env=env, marker=app_painted)]
        for result in alternate(cases, self.repeat_for(self.headline), self.log, warm_up=True,
                                timeout=self.args.app_timeout):
            rows[result.name] = result


def app_paint_hook():
    """The environment that makes the app say when it has painted its project. Today that
    is the smoke test's TRELLIS_DEBUG_SMOKE: a line on stderr after the first frame that
    shows the project, then the app quits. Change this and app_painted() together when
    the app grows a hook of its own."""
    return {"TRELLIS_DEBUG_SMOKE": "1"}


def app_painted(line):
    return line.startswith("trellis: showing")


def have_module(name):
    return subprocess.run([PYTHON, "-c", f"import {name}"], capture_output=True).returncode == 0


# data.table's fread on all the cores (the default), the whole Rscript process; without a
# file argument only R's start-up and loading data.table, its fixed cost.
FREAD = ("suppressMessages(library(data.table)); a <- commandArgs(TRUE); "
         "if (length(a) > 0) invisible(fread(a[1], showProgress = FALSE))")


def have_fread():
    return shutil.which("Rscript") is not None and subprocess.run(
        ["Rscript", "-e", "library(data.table)"], capture_output=True).returncode == 0


def pdf_pages(path):
    try:
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        match = re.search(r"^Pages:\s+(\d+)", out, re.M)
        return int(match.group(1)) if match else None
    except FileNotFoundError:
        return None


# ---------------------------------------------------------------------------------------
# The report

def machine(args):
    def read(path):
        try:
            with open(path, encoding="utf-8") as f:
                return f.read()
        except OSError:
            return ""

    def command(argv):
        try:
            p = subprocess.run(argv, capture_output=True, text=True)
            return first_line(p.stdout + p.stderr)
        except FileNotFoundError:
            return "not installed"

    cpu = re.search(r"^model name\s*:\s*(.*)$", read("/proc/cpuinfo"), re.M)
    mem = re.search(r"^MemTotal:\s*(\d+)", read("/proc/meminfo"), re.M)
    options = read(os.path.join(args.build, "meson-info", "intro-buildoptions.json"))
    buildtype = next((o["value"] for o in json.loads(options) if o["name"] == "buildtype"), "?") if options else "?"
    commit = command(["git", "-C", SOURCE, "log", "-1", "--format=%h %cd %s", "--date=short"])
    return [
        ("CPU", f"{cpu.group(1) if cpu else platform.processor()}, {os.cpu_count()} cores"),
        ("RAM", f"{int(mem.group(1)) / 1024 / 1024:.1f} GB" if mem else "?"),
        ("Kernel", f"{platform.system()} {platform.release()}"),
        ("Trellis", f"{commit[:100]}, {buildtype} build"),
        ("pandas", command([PYTHON, "-c", "import pandas; print(pandas.__version__)"])),
        ("matplotlib", command([PYTHON, "-c", "import matplotlib; print(matplotlib.__version__)"])),
        ("Python", command([PYTHON, "--version"])),
        ("libxml2 (xmllint)", command(["xmllint", "--version"])),
        ("GTK", command(["pkg-config", "--modversion", "gtk4"])),
        ("data.table (fread)", command(["Rscript", "-e", "cat(format(packageVersion('data.table')))"])
         if have_fread() else "not installed"),
    ]


def seconds(value):
    if value is None:
        return "–"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def cell(result):
    """A median with its spread, or why there is none."""
    if result is None:
        return "–"
    if not result.ok:
        if not result.refused:
            return "–"
        after = ""
        if result.refused_after is not None and result.refused_after[0] > 0.5:
            after = f" after {seconds(result.refused_after[0])}, {result.refused_after[1] / 1024:.0f} MB"
        return f"refused{after}: {short_message(result.refused)}"
    return f"{seconds(result.median)} (±{result.spread * 50:.0f} %)"


def short_message(message):
    """"trellis-cli: /tmp/…/export.csv: “export.csv”: the file is larger…": the reason alone."""
    return re.sub(r"^(trellis-cli: )?(/\S+: )?(“[^”]*”: )?", "", message)


def mb(result):
    return f"{result.peak_mb:.0f}" if result is not None and result.ok else "–"


def ratio(a, b):
    return a.median / b.median if a is not None and b is not None and a.ok and b.ok and b.median else None


def verdict(value, goal, at_most=True, trellis=None):
    if trellis is not None and trellis.refused:
        return "not met (" + ("timed out" if trellis.refused.startswith("timed out") else "refused") + ")"
    if value is None:
        return "not measured"
    return "met" if (value <= goal if at_most else value >= goal) else "not met"


def fmt_ratio(value):
    return "–" if value is None else f"{value:.2f}×"


def report(bench, args, began, load_before, load_after):
    out = io.StringIO()
    w = lambda s="": print(s, file=out)  # noqa: E731
    h = bench.headline
    rows = bench.rows.get(h, {})
    get = rows.get
    w(f"# Benchmarks{' — ' + args.label if args.label else ''}")
    w()
    w(f"Generated by `tests/bench/run-all.py {' '.join(args.argv)}` on "
      f"{began:%Y-%m-%d %H:%M} UTC in {seconds(time.time() - began.timestamp())}. "
      f"Medians of {args.repeat} runs (sizes of {LARGE:,} rows and more: {min(args.repeat, args.repeat_large)}), "
      "Trellis and its references run in alternation; ± is half the spread (max − min) "
      "as a share of the median; peak MB is each process's maximum resident set "
      f"(`ru_maxrss`). Other work on the machine: the 1-minute load average was {load_before} at the start, "
      f"{load_after} at the end, {min(LOADS, default=0):.1f}–{max(LOADS, default=0):.1f} "
      f"(median {statistics.median(LOADS) if LOADS else 0:.1f}) before each round of runs, on {os.cpu_count()} cores.")
    w()
    w("| Machine | |")
    w("|---|---|")
    for key, value in machine(args):
        w(f"| {key} | {value} |")
    w()
    w(f"## Targets (issue 15), at {h:,} responses")
    w()
    w("| # | Target | Trellis | Reference | Ratio / figure | Goal | |")
    w("|---|---|---|---|---|---|---|")
    imp, pd_, cat = get("trellis import"), get("pandas read_csv"), get("cat")
    fig, text = imported(rows)
    r = ratio(pd_, fig)
    w(f"| 2 | import vs pandas read_csv | {text} | {cell(pd_)} | pandas/Trellis {fmt_ratio(r)} | ≥ 5× | {verdict(r, 5, False, imp)} |")
    r = ratio(fig, cat)
    w(f"| 2 | import vs cat | {text} | {cell(cat)} | Trellis/cat {fmt_ratio(r)} | ≤ 10× | {verdict(r, 10, trellis=imp)} |")
    peak = fig.peak_mb if fig is not None and fig.ok else None
    w(f"| 3 | import peak memory | {mb(fig)} MB | pandas {mb(pd_)} MB | {'–' if peak is None else f'{peak:.0f} MB'} | < 100 MB | {verdict(peak, 100, trellis=imp)} |")
    if LARGE in bench.rows:
        big = bench.rows[LARGE].get("trellis import")
        big_fig, _ = imported(bench.rows[LARGE])
        peak = big_fig.peak_mb if big_fig is not None and big_fig.ok else None
        w(f"| 3 | import peak memory at {LARGE:,} | {mb(big_fig)} MB | pandas {mb(bench.rows[LARGE].get('pandas read_csv'))} MB | {'–' if peak is None else f'{peak:.0f} MB'} | < 1024 MB | {verdict(peak, 1024, trellis=big)} |")
    s, x = get("trellis summary"), get("xmllint")
    r = ratio(s, x)
    w(f"| 4 | load + summary --json vs xmllint --noout | {cell(s)} | {cell(x)} | Trellis/xmllint {fmt_ratio(r)} | ≤ 1× | {verdict(r, 1, trellis=s)} |")
    p, m = get("trellis pack"), get("matplotlib charts")
    pm = p.median if p is not None and p.ok else None
    pages = get("pack pages")
    w(f"| 5 | export --pdf (pack{f', {pages} pages' if pages else ''}) | {cell(p)} | matplotlib, same charts: {cell(m)} | {seconds(pm)}; Trellis/matplotlib {fmt_ratio(ratio(p, m))} | < 1 s | {verdict(pm, 1.0, trellis=p)} |")
    a, g, gc = get("trellis app"), get("bare GTK window"), get("bare GTK window (Cairo)")
    am = a.median if a is not None and a.ok else None
    w(f"| 6 | app: exec to first painted frame | {cell(a)} | bare GTK 4 window: {cell(g)}; drawn with Cairo: {cell(gc)} | {seconds(am)}; Trellis/GTK {fmt_ratio(ratio(a, g))}, Trellis/GTK with Cairo {fmt_ratio(ratio(a, gc))} | ≤ 400 ms | {verdict(am, 0.4, trellis=a)} |")
    w(f"| 7 | scaling 100 → {max(bench.sizes):,} | see below | | {linearity(bench)} | linear | |")
    biggest = max((size for size in bench.rows if bench.rows[size].get('trellis import') is not None), default=None)
    refused = [size for size in bench.rows if (bench.rows[size].get("trellis import") or Result("")).refused]
    w(f"| 1 | no size cap below what the machine holds | | | {'refused at ' + ', '.join(f'{s:,}' for s in sorted(refused)) if refused else f'all sizes imported (up to {biggest:,} rows)'} | ≥ 1 GB | {'not met' if refused else 'met up to the sizes run'} |")
    w()
    w("## Every run at the headline size")
    w()
    w("| Case | Program | Median (± half spread) | Peak MB |")
    w("|---|---|---|---|")
    csv_mb = rows.get("csv bytes", 0) / 1e6
    groups = [("import", f"{csv_mb:.0f} MB CSV", ["trellis import", "trellis reading alone", "pandas read_csv",
                                                  "python3 -c 'import pandas'", "python csv", "data.table fread",
                                                  "Rscript, library(data.table)", "cat",
                                                  "durable write of the project"]),
              ("import, zipped", f"{rows.get('zip bytes', 0) / 1e6:.1f} MB zip", ["trellis import (zip)", "pandas read_csv (zip)"]),
              ("load + summary", f"{rows.get('project bytes', 0) / 1e6:.0f} MB project", ["trellis summary", "xmllint"]),
              ("import, split", f"{rows.get('parts', 0)} files", ["trellis import (parts)"]),
            ("pack", "", ["trellis pack", "matplotlib charts", "trellis pack (sample)"]),
              ("app", "", ["trellis app", "trellis app (sample)", "bare GTK window", "bare GTK window (Cairo)"])]
    for case, what, names in groups:
        for name in names:
            if get(name) is not None:
                w(f"| {case}{' (' + what + ')' if what else ''} | {name} | {cell(get(name))} | {mb(get(name))} |")
    w()
    w("## Scaling")
    w()
    w("| Rows | CSV MB | import | MB | µs/row | KB/row | pandas | pandas/Trellis | cat | project MB | load + summary | MB | µs/row | KB/row | xmllint |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in sorted(bench.rows):
        r_ = bench.rows[size]
        s = r_.get("trellis summary")
        i, text = imported(r_)
        w(f"| {size:,} | {r_.get('csv bytes', 0) / 1e6:.1f} | {text} | {mb(i)} | {per_row(i, size, 'time')} | {per_row(i, size, 'rss')} "
          f"| {cell(r_.get('pandas read_csv'))} | {fmt_ratio(ratio(r_.get('pandas read_csv'), i))} | {cell(r_.get('cat'))} "
          f"| {r_.get('project bytes', 0) / 1e6:.1f}{'*' if r_.get('project note') else ''} | {cell(s)} | {mb(s)} | {per_row(s, size, 'time')} | {per_row(s, size, 'rss')} "
          f"| {cell(r_.get('xmllint'))} |")
    starred = [f"{size:,}: {bench.rows[size]['project note']}" for size in sorted(bench.rows) if bench.rows[size].get("project note")]
    if starred:
        w()
        w("\\* Project " + "; ".join(starred) + ".")
    w()
    w("## How the inputs were made")
    w()
    w(f"A Google Forms export of the is-ofpc checklist ({sum(len(s[2]) for s in bench.sections)} rated statements in "
      f"{len(bench.sections)} sections, headed \"Section A: Title [statement]\"), seeded ({SEED}): timestamp, e-mail "
      f"address, one of {len(PARTNERSHIPS)} Scottish community planning partnerships, one of {len(SECTORS)} sectors, "
      "label answers (Strongly disagree … Strongly agree, Not applicable, Don't know, some blank) and one comment box "
      "per section, filled one time in five with quoted comments holding commas, \"\" quotes and line breaks; "
      f"{rows.get('csv bytes', 0) / max(h, 1):.0f} bytes a row. Where the importer refuses the file for its size, "
      "the same rows are also imported split into files under 64 MB (`trellis-cli import PROJECT PART1 PART2 …`, "
      "one round), as a facilitator would today. The project each load is measured on is the one "
      "`trellis-cli import` saved. The pack's reference is matplotlib drawing the same charts from the same "
      "project's figures (`bench-charts` writes them; `bench_matplotlib.py` draws them, one page each, the whole "
      "Python process timed): the pack also lays out the comments, which the reference does not. The app is timed "
      "from exec to the line it prints on stderr after the first frame that shows the project "
      "(`TRELLIS_DEBUG_SMOKE`), the bare window to the same line from `bench-window`. Where OpenGL runs in "
      "software (llvmpipe, as under Xvfb) the app draws with Cairo, as GTK 4.14 and later choose themselves, while "
      "GTK 4.8's bare window draws with OpenGL: the bare window is timed both ways.")
    start_up = get("python3 -c 'import pandas'")
    if pd_ is not None and pd_.ok and start_up is not None and start_up.ok and fig is not None and fig.ok:
        alone = pd_.median - start_up.median
        bench.notes.append(f"pandas' figure is its whole process, as the target asks; {seconds(start_up.median)} of it "
                           f"is starting Python and importing pandas. `read_csv` alone, {seconds(alone)}, would make "
                           f"the ratio {alone / fig.median:.2f}×.")
    reading_limits(bench, get, fig, cat)
    if bench.notes or bench.problems:
        w()
        w("## Notes")
        w()
        for note in bench.problems:
            w(f"- **Problem:** {note}")
        for note in bench.notes:
            w(f"- {note}")
    return out.getvalue()


def reading_limits(bench, get, fig, cat):
    """What holds the import's ratio to cat: how much of it is reading the file alone, and
    what a fast parallel CSV reader in C takes for the same file."""
    read = get("trellis reading alone")
    if fig is None or not fig.ok or cat is None or not cat.ok:
        return
    if read is not None and read.ok:
        bench.notes.append(f"Reading the export alone (`bench-read-table`, the import's first stage, the whole "
                           f"process): {seconds(read.median)}, {read.median / cat.median:.1f}× `cat`; analysing, "
                           f"building the round and saving the project take the other "
                           f"{seconds(fig.median - read.median)}.")
    durable = get("durable write of the project")
    if durable is not None and durable.ok:
        floor = (read.median if read is not None and read.ok else 0) + durable.median
        bench.notes.append(f"Writing the saved project and waiting for the disk (`dd conv=fsync`, what the atomic "
                           f"save needs before any serialising) takes {seconds(durable.median)}, "
                           f"{durable.median / cat.median:.1f}× `cat`"
                           + (f"; with reading alone, {floor / cat.median:.1f}× `cat` before analysing, building "
                              f"or serialising anything." if read is not None and read.ok else "."))
    fread, r_start = get("data.table fread"), get("Rscript, library(data.table)")
    if fread is not None and fread.ok and r_start is not None and r_start.ok:
        alone = fread.median - r_start.median
        bench.notes.append(f"data.table's `fread` (R, C, on all cores) reads the same file in {seconds(alone)} "
                           f"beyond R's start-up ({seconds(r_start.median)}): {alone / cat.median:.0f}× `cat`, "
                           f"{alone / fig.median:.1f}× Trellis's whole import.")


def imported(rows):
    """The import's figures at a size and how to show them: when the whole file was refused
    for its size, those of the same rows imported split into several files."""
    whole, parts = rows.get("trellis import"), rows.get("trellis import (parts)")
    if whole is not None and whole.refused and parts is not None:
        return parts, f"{cell(whole)}; in {rows['parts']} files: {cell(parts)}"
    return whole, cell(whole)


def per_row(result, size, what):
    if result is None or not result.ok:
        return "–"
    if what == "time":
        return f"{result.median / size * 1e6:.1f}"
    return f"{max(result.rss) / size:.2f}"


def linearity(bench):
    """Time and memory per row at the two largest imported sizes of 10,000 rows or more
    (start-up dominates below), the larger over the smaller: 1.0 is linear, more grows
    faster than the rows."""
    sizes = [s for s in sorted(bench.rows) if (imported(bench.rows[s])[0] or Result("")).ok and s >= 10000]
    if len(sizes) < 2:
        return "–"
    small, large = sizes[-2], sizes[-1]
    a, b = imported(bench.rows[small])[0], imported(bench.rows[large])[0]
    t = (b.median / large) / (a.median / small)
    m = (max(b.rss) / large) / (max(a.rss) / small)
    return f"import per row, {large:,} over {small:,}: time {t:.2f}×, memory {m:.2f}×"


# ---------------------------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default="_build", help="the meson build directory")
    parser.add_argument("--sizes", help="comma-separated numbers of responses "
                        "(default 100,1000,10000,100000,1000000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each program (median)")
    parser.add_argument("--repeat-large", type=int, default=3, help=f"runs at {LARGE:,} rows and more")
    parser.add_argument("--quick", action="store_true", help="sizes up to 10,000 and the headline cases")
    parser.add_argument("--smoke", action="store_true", help="Trellis only, no references: keeps the script working")
    parser.add_argument("--cases", default="import,summary,pack,app", help="which cases run at the headline size")
    parser.add_argument("--out", help="also write the Markdown report here")
    parser.add_argument("--label", help="a title for the report (\"before\", \"after\")")
    parser.add_argument("--app-timeout", type=float, default=60, help="seconds the app has to paint")
    parser.add_argument("--tmp", help="where to generate inputs (default: the system's temporary directory)")
    parser.add_argument("--show-import", action="store_true", help="print trellis-cli import's summary at the smallest size")
    args = parser.parse_args(argv)
    args.argv = argv
    if args.smoke:
        args.sizes, args.repeat = "100", 1
    elif args.sizes is None:
        args.sizes = "100,1000,10000" if args.quick else "100,1000,10000,100000,1000000"
    args.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    args.cases = set(args.cases.split(","))
    return args


def under_display(argv):
    """Runs this script again under xvfb-run (and a session bus of its own) when the app is
    to be measured and there is no display."""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("TRELLIS_BENCH_NESTED"):
        return None
    if shutil.which("xvfb-run") is None:
        return None
    wrapper = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"]
    if shutil.which("dbus-run-session"):
        wrapper += ["dbus-run-session", "--"]
    env = dict(os.environ, TRELLIS_BENCH_NESTED="1")
    return subprocess.run(wrapper + [sys.executable, os.path.abspath(__file__)] + argv, env=env).returncode


def main(argv):
    args = parse_args(argv)
    if not args.smoke and "app" in args.cases:
        status = under_display(argv)
        if status is not None:
            return status
    if not os.path.exists(os.path.join(args.build, "src", "cli", "trellis-cli")):
        print(f"no trellis-cli in {args.build}: build first (meson setup {args.build} && ninja -C {args.build})",
              file=sys.stderr)
        return 2
    began = datetime.datetime.now(datetime.timezone.utc)
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    tmp = tempfile.mkdtemp(prefix="trellis-bench-", dir=args.tmp)
    try:
        bench = Bench(args, tmp)
        bench.run()
        load_after = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        text = report(bench, args, began, load_before, load_after)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    if args.smoke:
        imported = bench.rows[100].get("trellis import")
        summary = bench.rows[100].get("trellis summary")
        if not (imported and imported.ok and summary and summary.ok) or bench.problems:
            print("smoke: the import or the summary failed, or the import left columns out", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
