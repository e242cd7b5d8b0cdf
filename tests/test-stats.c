/* test-stats.c: statistics against values worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "trellis-model.h"

static void
add_all (TrellisDistribution *dist,
         const TrellisAnswer *answers,
         gsize                n)
{
  for (gsize i = 0; i < n; i++)
    trellis_distribution_add (dist, answers[i]);
  trellis_distribution_finish (dist);
}

/*****/

static void
test_distribution_by_hand (void)
{
  /* Sorted valid answers: 1 2 2 3 4 4 4 5 (n = 8), plus N/A, Don't know and a blank.
   * mean = 25 / 8 = 3.125
   * median: h = 7 × 0.5 = 3.5, between x[3] = 3 and x[4] = 4 → 3.5
   * q1: h = 1.75, between x[1] = 2 and x[2] = 2 → 2; q3: h = 5.25, x[5] = x[6] = 4 → 4
   * sum of squared deviations = 12.875, sd = sqrt (12.875 / 7) = 1.356203
   * agree 4/8 = 50 %, disagree 3/8 = 37.5 %, neutral 1/8 = 12.5 % */
  const TrellisAnswer answers[] = {
    4, 2, TRELLIS_ANSWER_NOT_APPLICABLE, 5, 1, 4, TRELLIS_ANSWER_BLANK, 3, 2,
    TRELLIS_ANSWER_DONT_KNOW, 4,
  };
  TrellisDistribution dist;

  trellis_distribution_init (&dist, 5);
  add_all (&dist, answers, G_N_ELEMENTS (answers));

  g_assert_cmpuint (dist.counts[0], ==, 1);
  g_assert_cmpuint (dist.counts[1], ==, 2);
  g_assert_cmpuint (dist.counts[2], ==, 1);
  g_assert_cmpuint (dist.counts[3], ==, 3);
  g_assert_cmpuint (dist.counts[4], ==, 1);
  g_assert_cmpuint (dist.not_applicable, ==, 1);
  g_assert_cmpuint (dist.dont_know, ==, 1);
  g_assert_cmpuint (dist.blank, ==, 1);
  g_assert_cmpuint (dist.valid, ==, 8);
  g_assert_cmpuint (dist.total, ==, 11);
  g_assert_cmpfloat_with_epsilon (dist.mean, 3.125, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.median, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.q1, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.q3, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.iqr, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.sd, 1.356203, 1e-6);
  g_assert_cmpfloat_with_epsilon (dist.pct_agree, 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.pct_disagree, 37.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.pct_neutral, 12.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (trellis_distribution_percent (&dist, 4), 37.5, 1e-9);
}

static void
test_distribution_odd_count (void)
{
  /* 2 3 3 5 5: median x[2] = 3; q1: h = 1 → 3; q3: h = 3 → 5 */
  const TrellisAnswer answers[] = { 5, 3, 2, 5, 3 };
  TrellisDistribution dist;

  trellis_distribution_init (&dist, 5);
  add_all (&dist, answers, G_N_ELEMENTS (answers));

  g_assert_cmpfloat_with_epsilon (dist.median, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.q1, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.q3, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dist.mean, 3.6, 1e-9);
}

static void
test_distribution_nobody_answered (void)
{
  const TrellisAnswer answers[] = {
    TRELLIS_ANSWER_NOT_APPLICABLE, TRELLIS_ANSWER_NOT_APPLICABLE, TRELLIS_ANSWER_BLANK,
  };
  TrellisDistribution dist;

  trellis_distribution_init (&dist, 5);
  add_all (&dist, answers, G_N_ELEMENTS (answers));

  g_assert_cmpuint (dist.valid, ==, 0);
  g_assert_cmpuint (dist.total, ==, 3);
  g_assert_true (isnan (dist.mean));
  g_assert_true (isnan (dist.median));
  g_assert_true (isnan (dist.iqr));
  g_assert_cmpfloat (dist.pct_agree, ==, 0.0);
  g_assert_cmpfloat (trellis_distribution_percent (&dist, 3), ==, 0.0);
}

static void
test_distribution_single_respondent (void)
{
  const TrellisAnswer answers[] = { 4 };
  TrellisDistribution dist;

  trellis_distribution_init (&dist, 5);
  add_all (&dist, answers, G_N_ELEMENTS (answers));

  g_assert_cmpfloat (dist.mean, ==, 4.0);
  g_assert_cmpfloat (dist.median, ==, 4.0);
  g_assert_cmpfloat (dist.iqr, ==, 0.0);
  g_assert_true (isnan (dist.sd));
  g_assert_cmpfloat (dist.pct_agree, ==, 100.0);
}

static void
test_distribution_even_scale (void)
{
  /* A four-point scale has no neutral: 1, 2 disagree; 3, 4 agree. */
  const TrellisAnswer answers[] = { 1, 2, 3, 4 };
  TrellisDistribution dist;

  trellis_distribution_init (&dist, 4);
  add_all (&dist, answers, G_N_ELEMENTS (answers));

  g_assert_cmpfloat (dist.pct_agree, ==, 50.0);
  g_assert_cmpfloat (dist.pct_disagree, ==, 50.0);
  g_assert_cmpfloat (dist.pct_neutral, ==, 0.0);
}

/* A question the survey never showed counts nowhere: not blank, not even asked. */
static void
test_distribution_not_shown (void)
{
  const TrellisAnswer answers[] = { 4, TRELLIS_ANSWER_NOT_SHOWN, TRELLIS_ANSWER_BLANK, 2, TRELLIS_ANSWER_NOT_SHOWN };
  TrellisDistribution dist, pooled;

  trellis_distribution_init (&dist, 5);
  add_all (&dist, answers, G_N_ELEMENTS (answers));

  g_assert_cmpuint (dist.not_shown, ==, 2);
  g_assert_cmpuint (dist.blank, ==, 1);
  g_assert_cmpuint (dist.total, ==, 3);
  g_assert_cmpuint (dist.valid, ==, 2);
  g_assert_cmpfloat (dist.mean, ==, 3.0);
  g_assert_cmpfloat (dist.pct_agree, ==, 50.0);

  trellis_distribution_init (&pooled, 5);
  trellis_distribution_merge (&pooled, &dist);
  trellis_distribution_merge (&pooled, &dist);
  g_assert_cmpuint (pooled.not_shown, ==, 4);
  g_assert_cmpuint (pooled.total, ==, 6);
}

static void
test_distribution_merge (void)
{
  const TrellisAnswer a[] = { 1, 5, TRELLIS_ANSWER_DONT_KNOW };
  const TrellisAnswer b[] = { 5, 5, 3 };
  TrellisDistribution first, second;

  trellis_distribution_init (&first, 5);
  trellis_distribution_init (&second, 5);
  add_all (&first, a, G_N_ELEMENTS (a));
  add_all (&second, b, G_N_ELEMENTS (b));
  trellis_distribution_merge (&first, &second);
  trellis_distribution_finish (&first);

  g_assert_cmpuint (first.valid, ==, 5);
  g_assert_cmpuint (first.total, ==, 6);
  g_assert_cmpuint (first.counts[4], ==, 3);
  g_assert_cmpfloat_with_epsilon (first.mean, 19.0 / 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (first.pct_agree, 60.0, 1e-9);
}

/*****/

/* Two sections: A with s1, s2 (cut) and a comment box; B with a multi-part s3 (s3a, s3b).
 * Four respondents: two from Health, one from Police, one with no group. */
static TrellisProject *
build_project (void)
{
  TrellisProject *project = trellis_project_new ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autoptr(TrellisScale) scale = trellis_scale_new_agreement ();
  g_autoptr(TrellisSection) a = trellis_section_new ("A");
  g_autoptr(TrellisSection) b = trellis_section_new ("B");
  g_autoptr(TrellisStatement) s1 = trellis_statement_new ("s1", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisStatement) s2 = trellis_statement_new ("s2", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisStatement) comment = trellis_statement_new ("c1", TRELLIS_STATEMENT_COMMENT);
  g_autoptr(TrellisStatement) s3 = trellis_statement_new ("s3", TRELLIS_STATEMENT_MULTI);
  g_autoptr(TrellisStatement) s3a = trellis_statement_new ("s3a", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisStatement) s3b = trellis_statement_new ("s3b", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisRound) round = trellis_round_new ("r1");
  const char *items[] = { "s1", "s2", "s3a", "s3b", NULL };
  const TrellisAnswer rows[4][4] = {
    { 5, 1, 4, TRELLIS_ANSWER_NOT_APPLICABLE },
    { 4, 1, 2, TRELLIS_ANSWER_DONT_KNOW },
    { 2, 1, TRELLIS_ANSWER_BLANK, 5 },
    { 3, 1, 4, 4 },
  };
  const char *groups[] = { "Health", "Health", "Police", NULL };

  trellis_checklist_append_scale (checklist, scale);
  trellis_section_set_code (a, "A");
  trellis_section_append_statement (a, s1);
  trellis_section_append_statement (a, s2);
  trellis_section_append_statement (a, comment);
  trellis_statement_set_included (s2, FALSE);
  trellis_statement_append_child (s3, s3a);
  trellis_statement_append_child (s3, s3b);
  trellis_section_append_statement (b, s3);
  trellis_checklist_append_section (checklist, a);
  trellis_checklist_append_section (checklist, b);

  g_assert_true (trellis_round_set_items (round, items));
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    trellis_round_add_response (round, rows[r], groups[r]);
  trellis_round_add_comment (round, "A", "More time for discussion, please.");
  trellis_project_append_round (project, round);
  return project;
}

static void
test_summary_sections_and_items (void)
{
  g_autoptr(TrellisProject) project = build_project ();
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  TrellisSectionSummary *a, *b;
  TrellisItemSummary *s3b;

  g_assert_cmpuint (trellis_summary_get_n_respondents (summary), ==, 4);
  g_assert_cmpuint (trellis_summary_get_n_sections (summary), ==, 2);

  /* The cut statement and the comment box are not summarised. */
  a = trellis_summary_get_section (summary, 0);
  g_assert_cmpuint (a->items->len, ==, 1);
  g_assert_null (trellis_summary_find_item (summary, "s2"));
  g_assert_cmpuint (a->n_comments, ==, 1);
  g_assert_cmpfloat_with_epsilon (a->pooled.mean, 3.5, 1e-9);

  /* The lead-in is replaced by its two rated parts. */
  b = trellis_summary_get_section (summary, 1);
  g_assert_cmpuint (b->items->len, ==, 2);
  s3b = trellis_summary_find_item (summary, "s3b");
  g_assert_nonnull (s3b);
  g_assert_cmpuint (s3b->dist.not_applicable, ==, 1);
  g_assert_cmpuint (s3b->dist.dont_know, ==, 1);
  g_assert_cmpuint (s3b->dist.valid, ==, 2);
  g_assert_cmpfloat_with_epsilon (s3b->dist.mean, 4.5, 1e-9);
  /* Pooled B: s3a 4 2 4 (one blank), s3b 5 4 → 5 valid answers, mean 19/5. */
  g_assert_cmpuint (b->pooled.valid, ==, 5);
  g_assert_cmpuint (b->pooled.blank, ==, 1);
  g_assert_cmpfloat_with_epsilon (b->pooled.mean, 19.0 / 5.0, 1e-9);
}

static void
test_summary_group (void)
{
  g_autoptr(TrellisProject) project = build_project ();
  g_autoptr(TrellisSummary) health =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, "Health");
  TrellisItemSummary *s1 = trellis_summary_find_item (health, "s1");

  g_assert_cmpuint (trellis_summary_get_n_respondents (health), ==, 2);
  g_assert_cmpuint (s1->dist.valid, ==, 2);
  g_assert_cmpfloat_with_epsilon (s1->dist.mean, 4.5, 1e-9);
  g_assert_cmpfloat (s1->dist.pct_agree, ==, 100.0);
}

static void
test_summary_item_not_asked (void)
{
  g_autoptr(TrellisProject) project = build_project ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autoptr(TrellisStatement) extra = trellis_statement_new ("s9", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisSummary) summary = NULL;
  TrellisItemSummary *item;

  /* A statement added after the round was run: kept, marked not asked, all blank. */
  trellis_section_append_statement (trellis_checklist_get_section (checklist, 0), extra);
  summary = trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  item = trellis_summary_find_item (summary, "s9");
  g_assert_nonnull (item);
  g_assert_false (item->asked);
  g_assert_cmpuint (item->dist.blank, ==, 4);
  g_assert_cmpuint (item->dist.valid, ==, 0);
}

#define N_ANSWERS 6

/* A large round: each group's counts, and everyone's, are the counts of its rows,
 * however many of them there are (the tally counts in bytes, 255 rows at a time, and
 * from a million answers on, half the rows in a second thread). */
static void
test_summary_many_rows (void)
{
  g_autoptr(TrellisProject) project = build_project ();
  TrellisRound *round = trellis_project_get_round (project, 0);
  const char *groups[] = { "Health", "Police", "Fire", NULL };
  guint expected[4][4][N_ANSWERS] = { 0 };
  guint sizes[4] = { 0 };

  for (guint r = 0; r < 300000; r++)
    {
      TrellisAnswer row[4];
      guint g = (r * 7 + r / 13) % 4;

      for (guint i = 0; i < 4; i++)
        {
          row[i] = (TrellisAnswer) ((r * (i + 3) + r / 5) % 6);
          if (row[i] == 0)
            row[i] = TRELLIS_ANSWER_DONT_KNOW;
          expected[g][i][row[i] > 0 ? row[i] : 0]++;
        }
      sizes[g]++;
      trellis_round_add_response (round, row, g < 3 ? groups[g] : NULL);
    }
  /* The four respondents build_project() gave. */
  sizes[0] += 2, sizes[1] += 1, sizes[3] += 1;
  for (guint g = 0; g < 3; g++)
    {
      g_autoptr(TrellisSummary) summary = trellis_summary_new (project, round, NULL, groups[g]);
      TrellisItemSummary *s3a = trellis_summary_find_item (summary, "s3a");
      guint before = g == 0 ? 1 : 0;  /* Health's first respondents gave 4 and 2 */

      g_assert_cmpuint (trellis_summary_get_n_respondents (summary), ==, sizes[g]);
      for (guint point = 1; point <= 5; point++)
        g_assert_cmpuint (s3a->dist.counts[point - 1], ==,
                          expected[g][2][point] + (g == 0 && (point == 4 || point == 2) ? before : 0));
      g_assert_cmpuint (s3a->dist.dont_know, ==, expected[g][2][0]);
    }
  {
    g_autoptr(TrellisSummary) everyone = trellis_summary_new (project, round, NULL, NULL);
    TrellisItemSummary *s1 = trellis_summary_find_item (everyone, "s1");
    guint five = 0;

    for (guint g = 0; g < 4; g++)
      five += expected[g][0][5];
    g_assert_cmpuint (trellis_summary_get_n_respondents (everyone), ==, sizes[0] + sizes[1] + sizes[2] + sizes[3]);
    /* build_project()'s respondents gave s1 one 5. */
    g_assert_cmpuint (s1->dist.counts[4], ==, five + 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/distribution/by-hand", test_distribution_by_hand);
  g_test_add_func ("/stats/distribution/odd-count", test_distribution_odd_count);
  g_test_add_func ("/stats/distribution/nobody-answered", test_distribution_nobody_answered);
  g_test_add_func ("/stats/distribution/single-respondent", test_distribution_single_respondent);
  g_test_add_func ("/stats/distribution/even-scale", test_distribution_even_scale);
  g_test_add_func ("/stats/distribution/merge", test_distribution_merge);
  g_test_add_func ("/stats/distribution/not-shown", test_distribution_not_shown);
  g_test_add_func ("/stats/summary/sections-and-items", test_summary_sections_and_items);
  g_test_add_func ("/stats/summary/group", test_summary_group);
  g_test_add_func ("/stats/summary/many-rows", test_summary_many_rows);
  g_test_add_func ("/stats/summary/item-not-asked", test_summary_item_not_asked);

  return g_test_run ();
}
