/* cli-templates.c: trellis-cli templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "trellis-cli.h"
#include "trellis-template.h"

int
trellis_cli_templates (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  GListModel *templates;
  guint n;
  int status;

  g_option_context_set_summary (context, _("List the built-in checklist templates: id and title, then the description."));
  if (!trellis_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return trellis_cli_usage_error (context, _("templates takes no arguments"));

  templates = trellis_template_list_builtin ();
  n = g_list_model_get_n_items (templates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisTemplate) template = g_list_model_get_item (templates, i);
      const char *summary = trellis_template_get_summary (template);

      printf ("%-28s %s\n", trellis_template_get_id (template), trellis_template_get_title (template));
      /* Indented on its own line, so scripts reading "id title" from the first column of
       * unindented lines keep working. */
      if (summary != NULL && *summary != '\0')
        printf ("%-28s %s\n", "", summary);
    }
  return TRELLIS_CLI_OK;
}
