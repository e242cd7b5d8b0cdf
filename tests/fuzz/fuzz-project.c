/* fuzz-project.c: the project loader on arbitrary bytes, and the writer on what it reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the loader accepts must save to a file that loads again and saves to the same
 * bytes: the writer never makes an unreadable file, and a save changes nothing. The
 * summaries and group breakdowns the charts draw from are computed too.
 */
#include "config.h"

#include "fuzz-common.h"
#include "trellis-model.h"
#include "trellis-project-io.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

static void
summarise (TrellisProject *project)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);

  for (guint r = 0; r < trellis_project_get_n_rounds (project); r++)
    {
      TrellisRound *round = trellis_project_get_round (project, r);
      g_autoptr(GPtrArray) shares = trellis_group_breakdown_new (round, trellis_project_get_min_group_size (project));

      for (guint s = 0; s < trellis_checklist_get_n_scales (checklist); s++)
        {
          g_autoptr(TrellisSummary) summary =
            trellis_summary_new (project, round, trellis_checklist_get_scale (checklist, s), NULL);
          g_assert (trellis_summary_get_n_respondents (summary) == trellis_round_get_n_responses (round));
        }
      (void) trellis_group_breakdown_count_hidden (shares);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(TrellisProject) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  project = trellis_project_load_bytes (bytes, "fuzz.trellis", &error);
  if (project == NULL)
    {
      g_assert (error != NULL && error->domain == TRELLIS_PROJECT_ERROR);
      return 0;
    }
  summarise (project);

  saved = trellis_project_save_to_bytes (project);
  reloaded = trellis_project_load_bytes (saved, "saved.trellis", &error);
  if (reloaded == NULL)
    g_error ("a project that loaded saved to a file that does not: %s", error->message);
  saved_again = trellis_project_save_to_bytes (reloaded);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("saving a project, loading and saving it again changed it");
  return 0;
}
