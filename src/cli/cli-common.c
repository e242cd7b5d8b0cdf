/* cli-common.c: what every trellis-cli command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "trellis-cli.h"
#include "trellis-model.h"
#include "trellis-project-io.h"

/**
 * trellis_cli_usage_error:
 *
 * Reports a mistake in how the command was called, with a hint to --help.
 *
 * Returns: %TRELLIS_CLI_USAGE
 */
int
trellis_cli_usage_error (GOptionContext *context,
                         const char     *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "trellis-cli: %s\n", message);
  if (context != NULL)
    fprintf (stderr, _("Try “%s --help”."), g_get_prgname ());
  fputc ('\n', stderr);
  return TRELLIS_CLI_USAGE;
}

/**
 * trellis_cli_input_error:
 * @file: (nullable): the file at fault, as the user named it
 *
 * Reports bad input as one line: "trellis-cli: FILE: message".
 *
 * Returns: %TRELLIS_CLI_BAD_INPUT
 */
int
trellis_cli_input_error (const char *file,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Loader messages already name the file; don't name it twice. */
  if (file != NULL && strstr (message, file) == NULL)
    fprintf (stderr, "trellis-cli: %s: %s\n", file, message);
  else
    fprintf (stderr, "trellis-cli: %s\n", message);
  return TRELLIS_CLI_BAD_INPUT;
}

/**
 * trellis_cli_parse:
 * @status: (out): the exit status to return when parsing fails or help was shown
 *
 * Parses a command's options. The command's name becomes the program name so that
 * help and errors read "trellis-cli summary: …".
 *
 * Returns: %TRUE to go on
 */
gboolean
trellis_cli_parse (GOptionContext   *context,
                   int              *argc,
                   char           ***argv,
                   int              *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("trellis-cli %s", (*argv)[0]);

  g_set_prgname (prgname);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = trellis_cli_usage_error (context, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_cli_load_project:
 * @path: the project file as the user named it
 * @needs_scale: whether the command reads answers, so a checklist without a scale is bad input
 *
 * Loads the project a command works on, reporting bad input as one line.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL when the command should
 *   return %TRELLIS_CLI_BAD_INPUT
 */
TrellisProject *
trellis_cli_load_project (const char *path,
                          gboolean    needs_scale)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = trellis_project_load_file (file, NULL, &error);
  if (project == NULL)
    {
      trellis_cli_input_error (path, "%s", error->message);
      return NULL;
    }
  if (needs_scale && trellis_checklist_get_n_scales (trellis_project_get_checklist (project)) == 0)
    {
      trellis_cli_input_error (path, "%s", _("the checklist has no answer scale"));
      return NULL;
    }
  return g_steal_pointer (&project);
}
