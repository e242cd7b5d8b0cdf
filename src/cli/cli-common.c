/* cli-common.c: what every trellis-cli command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "trellis-cli.h"
#include "trellis-model.h"
#include "trellis-project-io.h"

/**
 * trellis_cli_init:
 *
 * What trellis-cli and its helpers do first: the locale, the translations, the name.
 */
void
trellis_cli_init (void)
{
  /* TRELLIS_LOCALEDIR points an uninstalled build (meson devenv, the tests) at the
   * translations compiled in its build tree (_build/po). */
  const char *localedir = g_getenv ("TRELLIS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("trellis-cli");
}

/* What the process keeps until it exits (see trellis_cli_keep_until_exit()). A root
 * that LeakSanitizer and valgrind scan, so what it holds is reachable, not leaked. */
static GPtrArray *kept_until_exit;

/**
 * trellis_cli_keep_until_exit:
 * @object: (transfer full): an object the command is done with
 *
 * Takes @object and never frees it: the command returns and the process exits, and
 * the kernel takes back a loaded project at once, where freeing it walks every
 * response and comment (a few percent of `summary` on a large project). For what
 * lives as long as the command anyway, like its one project. Leak checkers see it as
 * still reachable (it is), not as a leak.
 */
void
trellis_cli_keep_until_exit (gpointer object)
{
  if (kept_until_exit == NULL)
    kept_until_exit = g_ptr_array_new ();
  g_ptr_array_add (kept_until_exit, object);
}

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
 * Loads the project a command works on, reporting bad input as one line. The project
 * is kept until the process exits (trellis_cli_keep_until_exit()): the caller's unref
 * does not free it.
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
  /* The command works on this one project until the process exits. */
  trellis_cli_keep_until_exit (g_object_ref (project));
  return g_steal_pointer (&project);
}

/* How long a command waits for another writer of the same project to finish:
 * long enough for an import to save, short enough for a script to move on. */
#define LOCK_WAIT_MS 5000

static guint
lock_wait_ms (void)
{
  const char *text = g_getenv ("TRELLIS_LOCK_WAIT_MS");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, 600000, &value, NULL))
    return (guint) value;
  return LOCK_WAIT_MS;
}

/**
 * trellis_cli_lock_project:
 * @path: the project file as the user named it
 *
 * Takes the project's lock (see trellis_file_lock_acquire()), waiting briefly for
 * another writer; $TRELLIS_LOCK_WAIT_MS changes how long.
 *
 * Returns: (transfer full) (nullable): the lock, or %NULL when the command should
 *   return %TRELLIS_CLI_BAD_INPUT (reported: “being changed by … since …”)
 */
TrellisFileLock *
trellis_cli_lock_project (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  TrellisFileLock *lock = trellis_file_lock_acquire (file, "trellis-cli", lock_wait_ms (), &error);

  if (lock == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
        trellis_cli_input_error (path, _("%s It was not changed; try again when they have finished."),
                                 error->message);
      else
        trellis_cli_input_error (path, _("Could not change it: %s."), error->message);
    }
  return lock;
}

/**
 * trellis_cli_load_project_for_writing:
 * @lock: (out): the project's lock, held until the command is done
 *
 * Locks the project, then loads it: a command that will save it must read what the
 * previous writer saved, not what was there before. A project from a newer minor
 * format version is refused: saving it would drop what this version does not know.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL when the command should
 *   return %TRELLIS_CLI_BAD_INPUT
 */
TrellisProject *
trellis_cli_load_project_for_writing (const char       *path,
                                      TrellisFileLock **lock)
{
  g_autoptr(TrellisProject) project = NULL;
  const char *newer;

  *lock = trellis_cli_lock_project (path);
  if (*lock == NULL)
    return NULL;
  project = trellis_cli_load_project (path, TRUE);
  if (project == NULL)
    return NULL;
  newer = trellis_project_get_newer_format_version (project);
  if (newer != NULL)
    {
      trellis_cli_input_error (path, _("it was written by a newer version of Trellis (format %s). "
                                       "This version can summarise and export it, but does not change "
                                       "it: it would drop what it does not know. Please update Trellis."),
                               newer);
      return NULL;
    }
  return g_steal_pointer (&project);
}

/**
 * trellis_cli_save_project:
 *
 * Saves the project over @path, keeping a backup, and reports a failure (the file is
 * then unchanged) as one line.
 *
 * Returns: whether it was saved; if not, the command returns %TRELLIS_CLI_BAD_INPUT
 */
gboolean
trellis_cli_save_project (TrellisProject *project,
                          const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  TrellisSaveResult result;

  if (!trellis_project_save_file_full (project, file, TRELLIS_SAVE_BACKUP, &result, NULL, &error))
    {
      trellis_cli_input_error (path, "%s", error->message);
      return FALSE;
    }
  if (result.broke_hard_link)
    fprintf (stderr, _("trellis-cli: %s: note: this file had other names (hard links); "
                       "they still hold the previous version.\n"), path);
  return TRUE;
}
