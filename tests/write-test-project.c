/* write-test-project.c: saves projects for the schema tests
 *
 * Usage: write-test-project OUT.trellis...
 * Each output is named for what it holds: full.trellis (every feature of the format),
 * empty.trellis (a new project), TEMPLATE-ID.trellis (a new project from a template), or
 * full.trellis-template (the full project's checklist saved as a template file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-io-common.h"
#include "trellis-template.h"

static TrellisProject *
build_project (const char  *kind,
               GError     **error)
{
  if (g_str_equal (kind, "full"))
    return test_build_full_project ();
  if (g_str_equal (kind, "empty"))
    return trellis_project_new ();
  return trellis_project_new_from_template (kind, "Northshire Community Safety Partnership", error);
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *basename = g_path_get_basename (argv[i]);
      g_autofree char *kind = g_strndup (basename, strcspn (basename, "."));
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(TrellisProject) project = NULL;
      g_autoptr(GError) error = NULL;

      project = build_project (kind, &error);
      if (project != NULL && g_str_has_suffix (basename, TRELLIS_TEMPLATE_FILE_SUFFIX))
        {
          if (!trellis_template_save_file (trellis_project_get_checklist (project), "Northshire checklist",
                                           "Tailored for the partnership.", file, &error))
            g_clear_object (&project);
        }
      else if (project != NULL && !trellis_project_save_file (project, file, NULL, &error))
        g_clear_object (&project);
      if (project == NULL)
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          return 1;
        }
    }
  return 0;
}
