#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""trellis-cli runs `export` in its helper, trellis-cli-export (src/cli/cli-helper.c):
installed, the helper is found from where trellis-cli is; the command's output, errors and
exit statuses are the same as run from the build tree; without the helper, `export` fails
with one clear line and exit 1, and every other command still works.

Usage: test-cli-helper.py TRELLIS_CLI TRELLIS_CLI_EXPORT SAMPLE_PROJECT BINDIR LIBEXECDIR
       (BINDIR, LIBEXECDIR as configured: relative to the prefix, or absolute; prints TAP)
"""
import os
import shutil
import sys
import tempfile

from clitest import check, finish, one_line_naming, read, run

cli, helper, sample, bindir, libexecdir = sys.argv[1:6]
HELPER = "trellis-cli-export"


def install(root, with_helper):
    """Lays trellis-cli (and its helper) out under @root as `meson install` would."""
    binary = os.path.join(root, bindir, "trellis-cli")
    os.makedirs(os.path.dirname(binary))
    shutil.copy2(cli, binary)
    if with_helper:
        helper_dir = os.path.join(root, libexecdir, "trellis")
        os.makedirs(helper_dir)
        shutil.copy2(helper, os.path.join(helper_dir, HELPER))
    return binary


with tempfile.TemporaryDirectory() as tmp:
    code, out, err = run(cli, "export", "--help")
    check("export --help is the command's own help", code == 0 and "trellis-cli export" in out and "--pdf" in out, err)
    code, _, err = run(helper)
    check("the helper alone is a usage error", code == 2 and "trellis-cli export" in err, err)

    forms = os.path.join(tmp, "forms.txt")
    code, out_built, err = run(cli, "export", sample, "--forms-text", forms)
    check("export from the build tree runs the helper built next to trellis-cli", code == 0 and os.path.exists(forms), err)

    # Installed: only where bindir and libexecdir are both under the prefix is the helper
    # found relative to trellis-cli; otherwise it is the configured absolute path.
    if not os.path.isabs(bindir) and not os.path.isabs(libexecdir):
        installed = install(os.path.join(tmp, "staged"), True)
        staged_forms = os.path.join(tmp, "staged-forms.txt")
        code, out, err = run(installed, "export", sample, "--forms-text", staged_forms)
        check("installed, export runs the helper in libexecdir/trellis",
              code == 0 and read(staged_forms) == read(forms) and out == out_built.replace(forms, staged_forms), err)
        pdf = os.path.join(tmp, "pack.pdf")
        code, out, err = run(installed, "export", sample, "--pdf", pdf, timeout=120)
        check("installed, export --pdf writes the pack", code == 0 and read(pdf).startswith(b"%PDF-") and "pages" in out, err)
        link = os.path.join(tmp, "trellis-cli-link")
        os.symlink(installed, link)
        code, _, err = run(link, "export", sample, "--forms-text", staged_forms)
        check("run through a symbolic link, it finds the same helper", code == 0, err)
        code, _, err = run(installed, "export", sample)
        check("installed, bad usage is still exit 2", code == 2, err)
        code, _, err = run(installed, "export", os.path.join(tmp, "missing.trellis"), "--pdf", pdf)
        check("installed, bad input is still exit 1 naming the file",
              code == 1 and one_line_naming(err, "missing.trellis"), err)
    else:
        check("# SKIP bindir or libexecdir outside the prefix", True)

    alone = install(os.path.join(tmp, "broken"), False)
    missing_forms = os.path.join(tmp, "missing-forms.txt")
    code, out, err = run(alone, "export", sample, "--forms-text", missing_forms)
    check("without its helper, export is one clear line and exit 1",
          code == 1 and one_line_naming(err, HELPER) and out == "" and not os.path.exists(missing_forms), err)
    code, _, err = run(alone, "export", "--help")
    check("without its helper, export --help fails the same way", code == 1 and one_line_naming(err, HELPER), err)
    for command in (["summary", sample, "--json"], ["validate", sample], ["templates"]):
        code, out, err = run(alone, *command)
        expected = run(cli, *command)
        check(f"without the helper, {command[0]} works as before", (code, out, err) == expected, err)

finish()
