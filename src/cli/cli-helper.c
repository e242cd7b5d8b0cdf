/* cli-helper.c: `trellis-cli export` runs in its own executable
 *
 * Drawing (the workshop pack, slides, the paper form) needs Cairo, Pango and the font
 * libraries behind them: some forty shared libraries, whose loading and symbol binding
 * cost more at start-up than the rest of trellis-cli. So trellis-cli links none of them:
 * `export` is built into trellis-cli-export, installed in LIBEXECDIR/trellis, and
 * trellis-cli execs it with the same arguments. Its output, errors and exit status are
 * the command's, as if trellis-cli had run it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "trellis-cli.h"

/* Where the helper is, found from where this executable is (/proc/self/exe):
 * - uninstalled (the tests, the README's `_build/src/cli/trellis-cli`): built next to it;
 * - installed: where LIBEXECDIR/trellis is from BINDIR, so that a staged (DESTDIR) or
 *   moved installation runs its own helper, not another version's;
 * - with LIBEXECDIR or BINDIR outside the prefix, or no /proc: LIBEXECDIR/trellis. */
static char *
find_helper (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *directory = NULL;
  char *build_directory;
  gboolean uninstalled;

  if (self == NULL)
    return g_build_filename (TRELLIS_CLI_HELPER_DIR, TRELLIS_CLI_EXPORT_HELPER, NULL);

  directory = g_path_get_dirname (self);
  /* /proc/self/exe has no symbolic links; the build directory may. */
  build_directory = realpath (TRELLIS_CLI_BUILD_DIR, NULL);
  uninstalled = build_directory != NULL && g_str_equal (directory, build_directory);
  free (build_directory);
  if (uninstalled)
    return g_build_filename (directory, TRELLIS_CLI_EXPORT_HELPER, NULL);

  if (TRELLIS_CLI_HELPER_DIR_FROM_BINDIR[0] != '\0')
    {
      g_autofree char *helper = g_build_filename (directory, TRELLIS_CLI_HELPER_DIR_FROM_BINDIR,
                                                  TRELLIS_CLI_EXPORT_HELPER, NULL);

      return g_canonicalize_filename (helper, NULL);
    }
  return g_build_filename (TRELLIS_CLI_HELPER_DIR, TRELLIS_CLI_EXPORT_HELPER, NULL);
}

/**
 * trellis_cli_run_export:
 *
 * Runs `trellis-cli export ARGS…` as `trellis-cli-export export ARGS…`, in this process.
 *
 * Returns: only when the helper could not be run: %TRELLIS_CLI_BAD_INPUT, said on stderr
 */
int
trellis_cli_run_export (int    argc,
                        char **argv)
{
  g_autofree char *helper = find_helper ();
  g_autofree char **helper_argv = g_new0 (char *, argc + 2);
  int saved_errno;

  helper_argv[0] = helper;
  for (int i = 0; i < argc; i++)
    helper_argv[i + 1] = argv[i];
  fflush (NULL);
  execv (helper, helper_argv);

  saved_errno = errno;
  return trellis_cli_input_error (NULL, _("cannot run “export”: %s: %s. Is Trellis fully installed?"),
                                  helper, g_strerror (saved_errno));
}
