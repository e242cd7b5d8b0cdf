/* test-import-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-import-common.h"

TrellisProject *
test_import_new_project (void)
{
  g_autoptr(GError) error = NULL;
  TrellisProject *project = trellis_project_new_from_template ("is-ofpc", "Northshire Partnership", &error);

  g_assert_no_error (error);
  return project;
}

/**
 * test_import_assert_counts:
 * @expected: the generator's expected.json
 * @times: how many times the same respondents were imported
 *
 * Checks every statement's counts against the fixture generator's own tally, which is
 * also what `trellis-cli summary --json` prints for the CLI's import of the same file.
 */
void
test_import_assert_counts (JsonObject   *expected,
                           TrellisRound *round,
                           guint         times,
                           TestNotShown  not_shown)
{
  JsonObject *counts = json_object_get_object_member (expected, "counts");
  JsonObject *hidden_counts = json_object_get_object_member (expected, "limesurvey_not_shown");
  g_autoptr(GList) ids = json_object_get_members (counts);

  g_assert_cmpuint (trellis_round_get_n_responses (round), ==,
                    times * json_object_get_int_member (expected, "respondents"));
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonArray *want = json_object_get_array_member (counts, l->data);
      int item = trellis_round_find_item (round, l->data);
      TrellisDistribution dist;
      guint blanks = times * json_array_get_int_element (want, 7);

      g_assert_cmpint (item, >=, 0);
      trellis_distribution_init (&dist, 5);
      for (guint r = 0; r < trellis_round_get_n_responses (round); r++)
        trellis_distribution_add (&dist, trellis_round_get_answer (round, r, item));
      for (guint p = 0; p < 5; p++)
        g_assert_cmpuint (dist.counts[p], ==, times * json_array_get_int_element (want, p));
      g_assert_cmpuint (dist.not_applicable, ==, times * json_array_get_int_element (want, 5));
      g_assert_cmpuint (dist.dont_know, ==, times * json_array_get_int_element (want, 6));
      switch (not_shown)
        {
        case TEST_NOT_SHOWN_APART:
          {
            guint hidden = times * json_object_get_int_member (hidden_counts, l->data);

            g_assert_cmpuint (dist.not_shown, ==, hidden);
            g_assert_cmpuint (dist.blank, ==, blanks - hidden);
            g_assert_cmpuint (dist.total, ==, trellis_round_get_n_responses (round) - hidden);
          }
          break;
        case TEST_NOT_SHOWN_IN_BLANK:
          g_assert_cmpuint (dist.blank + dist.not_shown, ==, blanks);
          break;
        case TEST_NOT_SHOWN_NONE:
        default:
          g_assert_cmpuint (dist.not_shown, ==, 0);
          g_assert_cmpuint (dist.blank, ==, blanks);
          break;
        }
    }
}
