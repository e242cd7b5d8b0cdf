/* trellis-cli.h: the commands of trellis-cli, one file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-project.h"
#include "trellis-project-io.h"

G_BEGIN_DECLS

/* Exit statuses of the command-line contract (HACKING.md). */
#define TRELLIS_CLI_OK        0
#define TRELLIS_CLI_BAD_INPUT 1
#define TRELLIS_CLI_USAGE     2

/* Every command takes its own argv (argv[0] is the command name) and returns an exit
 * status. Bad input is reported as one line on stderr naming the file (and the row and
 * column where they apply); a failed command never changes the project file. */
typedef int (*TrellisCliCommand) (int    argc,
                                  char **argv);

int  trellis_cli_templates (int argc, char **argv);
int  trellis_cli_new (int argc, char **argv);
int  trellis_cli_validate (int argc, char **argv);
int  trellis_cli_summary (int argc, char **argv);
int  trellis_cli_import (int argc, char **argv);
int  trellis_cli_export (int argc, char **argv);
int  trellis_cli_run_export (int argc, char **argv);

/* The name of the executable that runs `export` (cli-helper.c). */
#define TRELLIS_CLI_EXPORT_HELPER "trellis-cli-export"

/* Helpers shared by the commands (cli-common.c). */
void trellis_cli_init (void);
void trellis_cli_keep_until_exit (gpointer object);
int  trellis_cli_usage_error (GOptionContext *context,
                              const char     *format,
                              ...) G_GNUC_PRINTF (2, 3);
int  trellis_cli_input_error (const char *file,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);
gboolean trellis_cli_parse (GOptionContext   *context,
                            int              *argc,
                            char           ***argv,
                            int              *status);
TrellisProject *trellis_cli_load_project (const char *path,
                                          gboolean    needs_scale);
TrellisFileLock *trellis_cli_lock_project (const char *path);
TrellisProject *trellis_cli_load_project_for_writing (const char       *path,
                                                      TrellisFileLock **lock);
gboolean        trellis_cli_save_project (TrellisProject *project,
                                          const char     *path);

G_END_DECLS
