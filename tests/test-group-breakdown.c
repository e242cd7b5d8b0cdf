/* test-group-breakdown.c: which respondent groups a breakdown may show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trellis-model.h"
#include "trellis-test-project.h"

static void
check_decision (const guint                  *sizes,
                guint                         n,
                guint                         min_group_size,
                const TrellisGroupVisibility *expected)
{
  g_autofree TrellisGroupVisibility *visibility = g_new (TrellisGroupVisibility, n);

  trellis_group_breakdown_decide (sizes, n, min_group_size, visibility);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (visibility[i], ==, expected[i]);
}

static void
test_all_large_enough (void)
{
  const guint sizes[] = { 9, 7, 5 };
  const TrellisGroupVisibility expected[] = {
    TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_SHOWN,
  };

  check_decision (sizes, G_N_ELEMENTS (sizes), 5, expected);
}

static void
test_one_small_hides_next_smallest (void)
{
  /* Voluntary sector (3) is below 5; with it alone hidden, total − 9 − 7 − 5 would give
   * it away, so the next-smallest (Police, 5) goes too. */
  const guint sizes[] = { 9, 7, 5, 3 };
  const TrellisGroupVisibility expected[] = {
    TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_COMPLEMENTARY, TRELLIS_GROUP_TOO_SMALL,
  };

  check_decision (sizes, G_N_ELEMENTS (sizes), 5, expected);
}

static void
test_two_small_need_no_complement (void)
{
  const guint sizes[] = { 9, 2, 7, 4 };
  const TrellisGroupVisibility expected[] = {
    TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_TOO_SMALL, TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_TOO_SMALL,
  };

  check_decision (sizes, G_N_ELEMENTS (sizes), 5, expected);
}

static void
test_two_small_too_few_together (void)
{
  /* Two groups of one: total − 9 − 7 gives the two together, and each of the two could
   * take their own answers away to read the other's. The next-smallest goes too. */
  const guint sizes[] = { 9, 1, 7, 1 };
  const TrellisGroupVisibility expected[] = {
    TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_TOO_SMALL, TRELLIS_GROUP_COMPLEMENTARY, TRELLIS_GROUP_TOO_SMALL,
  };
  const guint three_small[] = { 1, 1, 2, 6, 6 };
  const TrellisGroupVisibility three_expected[] = {
    TRELLIS_GROUP_TOO_SMALL, TRELLIS_GROUP_TOO_SMALL, TRELLIS_GROUP_TOO_SMALL,
    TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_COMPLEMENTARY,
  };

  check_decision (sizes, G_N_ELEMENTS (sizes), 5, expected);
  check_decision (three_small, G_N_ELEMENTS (three_small), 5, three_expected);
}

static void
test_floor_of_three (void)
{
  /* A setting below the floor is raised to it: a group of 2 is never shown. */
  const guint sizes[] = { 3, 2, 6 };
  const TrellisGroupVisibility expected[] = {
    TRELLIS_GROUP_COMPLEMENTARY, TRELLIS_GROUP_TOO_SMALL, TRELLIS_GROUP_SHOWN,
  };

  g_assert_cmpuint (trellis_group_breakdown_min_size (1), ==, 3);
  g_assert_cmpuint (trellis_group_breakdown_min_size (8), ==, 8);
  check_decision (sizes, G_N_ELEMENTS (sizes), 1, expected);
}

static void
test_ties_go_to_the_later_group (void)
{
  const guint sizes[] = { 6, 6, 1 };
  const TrellisGroupVisibility expected[] = {
    TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_COMPLEMENTARY, TRELLIS_GROUP_TOO_SMALL,
  };

  check_decision (sizes, G_N_ELEMENTS (sizes), 5, expected);
}

static void
test_single_group_hidden_alone (void)
{
  const guint sizes[] = { 2 };
  const TrellisGroupVisibility expected[] = { TRELLIS_GROUP_TOO_SMALL };

  check_decision (sizes, G_N_ELEMENTS (sizes), 5, expected);
  trellis_group_breakdown_decide (NULL, 0, 5, NULL);
}

static void
test_round_with_not_stated (void)
{
  g_autoptr(TrellisRound) round = trellis_round_new ("r1");
  const char *keys[] = { "s1", NULL };
  const char *groups[] = { "Police", "Council", NULL, "Council", "Police", "Council",
                           "Police", "Council", "Police", "Council", "Police", NULL };
  g_autoptr(GPtrArray) shares = NULL;
  TrellisGroupShare *share;

  trellis_round_set_items (round, keys);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      TrellisAnswer answer = 4;
      trellis_round_add_response (round, &answer, groups[i]);
    }

  /* Council 5, Police 5 and two who gave no group: "Not stated" is a group too, and
   * being the only small one it takes the next-smallest (Police, the later of the tie)
   * with it. */
  shares = trellis_group_breakdown_new (round, 5);
  g_assert_cmpuint (shares->len, ==, 3);
  share = g_ptr_array_index (shares, 0);
  g_assert_cmpstr (share->label, ==, "Council");
  g_assert_cmpuint (share->n_respondents, ==, 5);
  g_assert_cmpint (share->visibility, ==, TRELLIS_GROUP_SHOWN);
  share = g_ptr_array_index (shares, 1);
  g_assert_cmpstr (share->label, ==, "Police");
  g_assert_cmpint (share->visibility, ==, TRELLIS_GROUP_COMPLEMENTARY);
  share = g_ptr_array_index (shares, 2);
  g_assert_null (share->label);
  g_assert_cmpuint (share->n_respondents, ==, 2);
  g_assert_cmpint (share->visibility, ==, TRELLIS_GROUP_TOO_SMALL);
  g_assert_cmpuint (trellis_group_breakdown_count_hidden (shares), ==, 2);
}

static void
test_round_without_groups (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_edge_cases (4);
  g_autoptr(GPtrArray) shares =
    trellis_group_breakdown_new (trellis_project_get_round (project, 0), 5);

  g_assert_cmpuint (shares->len, ==, 0);
}

static void
test_sample_project (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(GPtrArray) shares =
    trellis_group_breakdown_new (trellis_project_get_round (project, 0),
                                 trellis_project_get_min_group_size (project));
  const char *labels[] = { "Council", "Health board", "Police Scotland", "Voluntary sector" };
  const TrellisGroupVisibility expected[] = {
    TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_SHOWN, TRELLIS_GROUP_COMPLEMENTARY, TRELLIS_GROUP_TOO_SMALL,
  };

  g_assert_cmpuint (shares->len, ==, G_N_ELEMENTS (labels));
  for (guint i = 0; i < shares->len; i++)
    {
      TrellisGroupShare *share = g_ptr_array_index (shares, i);
      g_assert_cmpstr (share->label, ==, labels[i]);
      g_assert_cmpint (share->visibility, ==, expected[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/group-breakdown/all-large-enough", test_all_large_enough);
  g_test_add_func ("/group-breakdown/one-small-hides-next-smallest", test_one_small_hides_next_smallest);
  g_test_add_func ("/group-breakdown/two-small-need-no-complement", test_two_small_need_no_complement);
  g_test_add_func ("/group-breakdown/two-small-too-few-together", test_two_small_too_few_together);
  g_test_add_func ("/group-breakdown/floor-of-three", test_floor_of_three);
  g_test_add_func ("/group-breakdown/ties-go-to-the-later-group", test_ties_go_to_the_later_group);
  g_test_add_func ("/group-breakdown/single-group-hidden-alone", test_single_group_hidden_alone);
  g_test_add_func ("/group-breakdown/round-with-not-stated", test_round_with_not_stated);
  g_test_add_func ("/group-breakdown/round-without-groups", test_round_without_groups);
  g_test_add_func ("/group-breakdown/sample-project", test_sample_project);

  return g_test_run ();
}
