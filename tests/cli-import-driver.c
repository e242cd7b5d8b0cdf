/* cli-import-driver.c: runs `trellis-cli import` alone, until trellis-cli links every command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib.h>

#include "trellis-cli.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_set_prgname ("trellis-cli");
  return trellis_cli_import (argc, argv);
}
