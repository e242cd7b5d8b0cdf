/* cli-new.c: trellis-cli new OUT.trellis [--template ID | --template-file FILE] [--name NAME]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-cli.h"
#include "trellis-model.h"
#include "trellis-project-io.h"
#include "trellis-template.h"

#define DEFAULT_TEMPLATE "is-ofpc"

int
trellis_cli_new (int    argc,
                 char **argv)
{
  g_autofree char *template_id = NULL;
  g_autofree char *template_file = NULL;
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_id,
      N_("Start from this template (see “trellis-cli templates”); default is-ofpc"), N_("ID") },
    { "template-file", 'f', 0, G_OPTION_ARG_FILENAME, &template_file,
      N_("Start from a template file saved by Trellis (.trellis-template)"), N_("FILE") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("The partnership’s name"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("OUT.trellis"));
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TrellisFileLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context, _("Create a project file from a built-in template or a template file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!trellis_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return trellis_cli_usage_error (context, _("expected the new project’s file name"));
  if (template_id != NULL && template_file != NULL)
    return trellis_cli_usage_error (context, _("--template and --template-file cannot be used together"));

  file = g_file_new_for_commandline_arg (argv[1]);
  lock = trellis_cli_lock_project (argv[1]);
  if (lock == NULL)
    return TRELLIS_CLI_BAD_INPUT;
  /* A project holds a partnership's survey rounds; never replace one by accident. */
  if (g_file_query_exists (file, NULL))
    return trellis_cli_input_error (argv[1], "%s", _("a file of this name exists already; choose another name"));

  if (template_file != NULL)
    {
      g_autoptr(GFile) template = g_file_new_for_commandline_arg (template_file);

      project = trellis_project_new_from_template_file (template, name, NULL, &error);
    }
  else
    project = trellis_project_new_from_template (template_id != NULL ? template_id : DEFAULT_TEMPLATE,
                                                 name, &error);
  if (project == NULL)
    return trellis_cli_input_error (template_file, "%s", error->message);
  if (!trellis_cli_save_project (project, argv[1]))
    return TRELLIS_CLI_BAD_INPUT;
  return TRELLIS_CLI_OK;
}
