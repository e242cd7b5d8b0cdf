/* trellis-cli-export.c: the executable that runs `trellis-cli export`
 *
 * Installed in LIBEXECDIR/trellis; trellis-cli execs it as `trellis-cli-export export
 * ARGS…` (cli-helper.c says why), so it alone links the drawing libraries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trellis-cli.h"

int
main (int    argc,
      char **argv)
{
  trellis_cli_init ();
  if (argc < 2 || strcmp (argv[1], "export") != 0)
    return trellis_cli_usage_error (NULL, _("%s is run by “trellis-cli export”; run that instead"),
                                    TRELLIS_CLI_EXPORT_HELPER);
  return trellis_cli_export (argc - 1, argv + 1);
}
