/* cli-validate.c: trellis-cli validate PROJECT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "trellis-cli.h"
#include "trellis-model.h"

int
trellis_cli_validate (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT"));
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(GPtrArray) rated = NULL;
  TrellisChecklist *checklist;
  guint n_responses = 0;
  int status;

  g_option_context_set_summary (context, _("Check that a project file can be read and is consistent."));
  if (!trellis_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return trellis_cli_usage_error (context, _("expected one project file"));

  project = trellis_cli_load_project (argv[1], FALSE);
  if (project == NULL)
    return TRELLIS_CLI_BAD_INPUT;

  checklist = trellis_project_get_checklist (project);
  rated = trellis_checklist_collect_rated (checklist, TRUE);
  for (guint i = 0; i < trellis_project_get_n_rounds (project); i++)
    n_responses += trellis_round_get_n_responses (trellis_project_get_round (project, i));

  {
    g_autofree char *sections = g_strdup_printf (ngettext ("%u section", "%u sections", trellis_checklist_get_n_sections (checklist)),
                                                 trellis_checklist_get_n_sections (checklist));
    g_autofree char *statements = g_strdup_printf (ngettext ("%u rated statement", "%u rated statements", rated->len),
                                                   rated->len);
    g_autofree char *rounds = g_strdup_printf (ngettext ("%u round", "%u rounds", trellis_project_get_n_rounds (project)),
                                               trellis_project_get_n_rounds (project));
    g_autofree char *responses = g_strdup_printf (ngettext ("%u response", "%u responses", n_responses),
                                                  n_responses);

    /* TRANSLATORS: "FILE: valid (4 sections, 60 rated statements, 1 round, 25 responses)" */
    printf (_("%s: valid (%s, %s, %s, %s)"), argv[1], sections, statements, rounds, responses);
  }
  putchar ('\n');
  return TRELLIS_CLI_OK;
}
