/* test-talking-points.c: talking points on crafted rounds whose answers are known
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trellis-test-project.h"

/* One column of answers per statement, one character per respondent: '1'–'5' on the
 * scale, 'd' Don't know, 'n' Not applicable, '-' blank. */
static TrellisAnswer
answer_of (char c)
{
  switch (c)
    {
    case 'd': return TRELLIS_ANSWER_DONT_KNOW;
    case 'n': return TRELLIS_ANSWER_NOT_APPLICABLE;
    case '-': return TRELLIS_ANSWER_BLANK;
    default: return c - '0';
    }
}

static TrellisProject *
project_new (guint n_statements)
{
  TrellisProject *project = trellis_project_new ();
  g_autoptr(TrellisScale) scale = trellis_scale_new_agreement ();
  g_autoptr(TrellisSection) section = trellis_section_new ("A");
  TrellisChecklist *checklist = trellis_project_get_checklist (project);

  trellis_checklist_append_scale (checklist, scale);
  trellis_section_set_code (section, "A");
  trellis_section_set_title (section, "Crafted");
  for (guint i = 1; i <= n_statements; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *number = g_strdup_printf ("%u", i);
      g_autofree char *text = g_strdup_printf ("Statement %u.", i);

      trellis_test_add_statement (section, id, number, TRELLIS_STATEMENT_RATING, text);
    }
  trellis_checklist_append_section (checklist, section);
  return project;
}

/* @groups has a character per respondent: 'P' Police, 'C' Council, '.' none given. */
static TrellisRound *
round_add (TrellisProject     *project,
           const char         *id,
           const char * const *columns,
           const char         *groups)
{
  g_autoptr(TrellisRound) round = trellis_round_new (id);
  g_auto(GStrv) keys = trellis_checklist_dup_item_keys (trellis_project_get_checklist (project), TRUE);
  guint n_items = g_strv_length (keys);
  guint n_respondents = strlen (columns[0]);
  g_autofree TrellisAnswer *answers = g_new (TrellisAnswer, n_items);

  trellis_round_set_label (round, id);
  trellis_round_set_items (round, (const char * const *) keys);
  for (guint r = 0; r < n_respondents; r++)
    {
      const char *group = NULL;

      for (guint i = 0; i < n_items; i++)
        answers[i] = answer_of (columns[i][r]);
      if (groups != NULL && groups[r] != '.')
        group = groups[r] == 'P' ? "Police" : "Council";
      trellis_round_add_response (round, answers, group);
    }
  trellis_project_append_round (project, round);
  return round;
}

static const TrellisTalkingTopic *
find_topic (TrellisTalkingPoints *points,
            TrellisTalkingKind    kind)
{
  for (guint i = 0; i < trellis_talking_points_get_n_topics (points); i++)
    if (trellis_talking_points_get_topic (points, i)->kind == kind)
      return trellis_talking_points_get_topic (points, i);
  return NULL;
}

static const TrellisTalkingPoint *
point_at (const TrellisTalkingTopic *topic,
          guint                      position)
{
  g_assert_cmpuint (position, <, topic->points->len);
  return g_ptr_array_index (topic->points, position);
}

/* 20 respondents, the first ten Police and the last ten Council. */
static const char *const LATER[] = {
  "44444444455555555533",  /* s1: 18 of 20 agree, 90 % */
  "44444444445555552222",  /* s2: 16 agree, 80 %; 4 disagree, 20 % */
  "44444444442222222222",  /* s3: Police agree, Council disagree: divided 50/50 */
  "11122222222222443333",  /* s4: 14 disagree, 70 % */
  "dddddd44444443333333",  /* s5: 6 of 20 Don't know; 7 agree of 14 */
  "44444444445555553333",  /* s6: 16 agree, 80 %: tied with s2 */
};
static const char *const EARLIER[] = {
  "44444444443333333333",  /* s1: 10 of 20: a clear rise to 18 */
  "44444444445555332222",  /* s2: 14 of 20: up to 16, could be chance */
  "44444444442222222222",
  "11122222222222443333",
  "dddddd44444443333333",
  "44444444445555553333",
};
static const char GROUPS[] = "PPPPPPPPPPCCCCCCCCCC";

static void
test_topics (void)
{
  g_autoptr(TrellisProject) project = project_new (6);
  TrellisRound *earlier = round_add (project, "r1", EARLIER, GROUPS);
  TrellisRound *later = round_add (project, "r2", LATER, GROUPS);
  g_autoptr(TrellisTalkingPoints) points = NULL;
  const TrellisTalkingTopic *topic;

  g_assert_true (trellis_talking_points_find_previous (project, later) == earlier);
  g_assert_null (trellis_talking_points_find_previous (project, earlier));
  points = trellis_talking_points_new (project, later, earlier, NULL, 5);
  g_assert_cmpuint (trellis_talking_points_get_n_topics (points), ==, 6);
  g_assert_null (trellis_talking_points_get_note (points));

  /* Most agreed: 90 %, then s2 and s6 tied at 80 % in checklist order. */
  topic = find_topic (points, TRELLIS_TALKING_AGREE);
  g_assert_cmpuint (topic->points->len, ==, 3);
  g_assert_cmpstr (point_at (topic, 0)->number, ==, "1");
  g_assert_cmpstr (point_at (topic, 0)->figure, ==, "90 % agree (18 of 20)");
  g_assert_false (point_at (topic, 0)->tied);
  g_assert_cmpstr (point_at (topic, 1)->statement_id, ==, "s2");
  g_assert_cmpstr (point_at (topic, 2)->statement_id, ==, "s6");
  g_assert_true (point_at (topic, 1)->tied && point_at (topic, 2)->tied);
  g_assert_cmpstr (point_at (topic, 2)->figure, ==, "80 % agree (16 of 20), tied");
  g_assert_cmpstr (point_at (topic, 0)->section_id, ==, "A");
  g_assert_cmpstr (point_at (topic, 0)->text, ==, "Statement 1.");

  topic = find_topic (points, TRELLIS_TALKING_DISAGREE);
  g_assert_cmpuint (topic->points->len, ==, 3);
  g_assert_cmpstr (point_at (topic, 0)->statement_id, ==, "s4");
  g_assert_cmpfloat_with_epsilon (point_at (topic, 0)->value, 70.0, 1e-9);
  g_assert_cmpstr (point_at (topic, 1)->statement_id, ==, "s3");
  g_assert_cmpstr (point_at (topic, 2)->statement_id, ==, "s2");

  /* Only s3 has a quarter on both sides; s2 (80/20) has a wide spread but no split. */
  topic = find_topic (points, TRELLIS_TALKING_DIVIDED);
  g_assert_cmpuint (topic->points->len, ==, 1);
  g_assert_cmpstr (point_at (topic, 0)->statement_id, ==, "s3");
  g_assert_cmpstr (point_at (topic, 0)->figure, ==, "50 % agree, 50 % disagree");

  topic = find_topic (points, TRELLIS_TALKING_DONT_KNOW);
  g_assert_cmpuint (topic->points->len, ==, 1);
  g_assert_cmpstr (point_at (topic, 0)->statement_id, ==, "s5");
  g_assert_cmpstr (point_at (topic, 0)->figure, ==, "6 of 20 answered Don’t know (30 %)");

  /* s3: Police 100 % against everyone else 0 %, Council the other way: both clear. */
  topic = find_topic (points, TRELLIS_TALKING_GROUP);
  g_assert_cmpstr (point_at (topic, 0)->statement_id, ==, "s3");
  g_assert_cmpstr (point_at (topic, 1)->statement_id, ==, "s3");
  g_assert_cmpstr (point_at (topic, 0)->group, ==, "Council");
  g_assert_cmpfloat_with_epsilon (point_at (topic, 0)->value, -100.0, 1e-9);
  g_assert_cmpint (point_at (topic, 0)->change, ==, TRELLIS_CHANGE_FEWER);
  g_assert_cmpstr (point_at (topic, 0)->figure, ==, "Council: 0 % agree, everyone else 100 % (clearly fewer), tied");
  g_assert_cmpint (point_at (topic, 1)->change, ==, TRELLIS_CHANGE_MORE);
  /* Then s2 and s6, each Council −40 and Police +40 (groups in turn): four tied, three listed. */
  g_assert_cmpuint (topic->points->len, ==, 5);
  g_assert_cmpfloat_with_epsilon (point_at (topic, 4)->value, 40.0, 1e-9);
  g_assert_cmpstr (topic->note, ==, "1 more statement has the same figure as the last one listed.");

  /* s1 rose from 50 % to 90 %: clear; s2 from 70 % to 80 %: could be chance. */
  topic = find_topic (points, TRELLIS_TALKING_CHANGE);
  g_assert_cmpuint (topic->points->len, ==, 2);
  g_assert_cmpstr (point_at (topic, 0)->statement_id, ==, "s1");
  g_assert_cmpint (point_at (topic, 0)->change, ==, TRELLIS_CHANGE_MORE);
  g_assert_cmpstr (point_at (topic, 0)->figure, ==, "from 50 % to 90 % agree (clearly more)");
  g_assert_cmpstr (point_at (topic, 1)->statement_id, ==, "s2");
  g_assert_cmpint (point_at (topic, 1)->change, ==, TRELLIS_CHANGE_UNCLEAR);
  g_assert_cmpstr (point_at (topic, 1)->figure, ==, "from 70 % to 80 % agree (could be chance)");
  g_assert_null (topic->note);
}

static void
test_first_round_and_no_groups (void)
{
  g_autoptr(TrellisProject) project = project_new (6);
  TrellisRound *round = round_add (project, "r1", LATER, NULL);
  g_autoptr(TrellisTalkingPoints) points = trellis_talking_points_new (project, round, NULL, NULL, 5);

  /* No previous round, no groups: those topics are left out, not empty. */
  g_assert_cmpuint (trellis_talking_points_get_n_topics (points), ==, 4);
  g_assert_null (find_topic (points, TRELLIS_TALKING_GROUP));
  g_assert_null (find_topic (points, TRELLIS_TALKING_CHANGE));
}

static void
test_small_groups_suppressed (void)
{
  g_autoptr(TrellisProject) project = project_new (6);
  /* Police 3, Council 17: Police is too small, and Council would give it away. */
  TrellisRound *round = round_add (project, "r1", LATER, "PPP.................");
  g_autoptr(TrellisTalkingPoints) points = trellis_talking_points_new (project, round, NULL, NULL, 5);
  const TrellisTalkingTopic *topic = find_topic (points, TRELLIS_TALKING_GROUP);

  g_assert_cmpuint (topic->points->len, ==, 0);
  g_assert_cmpstr (topic->note, ==, "No respondent group is large enough to compare (at least 5 respondents).");
}

static void
test_tiny_round (void)
{
  const char *const columns[] = { "4444", "2222", "4422", "dddd", "5555", "1111" };
  g_autoptr(TrellisProject) project = project_new (6);
  TrellisRound *round = round_add (project, "r1", columns, NULL);
  g_autoptr(TrellisTalkingPoints) points = trellis_talking_points_new (project, round, NULL, NULL, 5);

  g_assert_cmpstr (trellis_talking_points_get_note (points), ==,
                   "Too few answers for talking points: every statement has fewer than 5 answers on the scale.");
  for (guint i = 0; i < trellis_talking_points_get_n_topics (points); i++)
    {
      const TrellisTalkingTopic *topic = trellis_talking_points_get_topic (points, i);

      g_assert_cmpuint (topic->points->len, ==, 0);
      g_assert_nonnull (topic->note);
    }
}

/* An importance or effectiveness rating (Dudley's) is not agreement: no "% agree" points,
 * a note that sends the reader to the priority matrix. */
static void
test_not_agreement (void)
{
  g_autoptr(TrellisProject) project = project_new (6);
  TrellisRound *round = round_add (project, "r1", LATER, NULL);
  TrellisScale *scale = trellis_checklist_get_scale (trellis_project_get_checklist (project), 0);
  g_autoptr(TrellisTalkingPoints) points = NULL;

  trellis_scale_set_role (scale, TRELLIS_SCALE_ROLE_IMPORTANCE);
  points = trellis_talking_points_new (project, round, NULL, NULL, 5);
  g_assert_cmpuint (trellis_talking_points_get_n_topics (points), ==, 0);
  g_assert_nonnull (strstr (trellis_talking_points_get_note (points), "priority matrix"));
}

static void
test_ties_beyond_the_cap (void)
{
  /* Seven statements everyone agrees with, one that nobody answered on the scale. */
  const char *const columns[] = {
    "55555", "55555", "55555", "55555", "55555", "55555", "55555", "ddnn-",
  };
  g_autoptr(TrellisProject) project = project_new (8);
  TrellisRound *round = round_add (project, "r1", columns, NULL);
  g_autoptr(TrellisTalkingPoints) points = trellis_talking_points_new (project, round, NULL, NULL, 5);
  const TrellisTalkingTopic *topic = find_topic (points, TRELLIS_TALKING_AGREE);

  g_assert_cmpuint (topic->points->len, ==, TRELLIS_TALKING_POINTS_MAX_TIED);
  g_assert_cmpstr (topic->note, ==, "2 more statements have the same figure as the last one listed.");
  g_assert_true (point_at (topic, 0)->tied);
  g_assert_cmpstr (trellis_talking_points_get_note (points), ==,
                   "1 statement has fewer than 5 answers on the scale and is left out.");
  topic = find_topic (points, TRELLIS_TALKING_DISAGREE);
  g_assert_cmpstr (topic->note, ==, "No statement drew disagreement.");
  topic = find_topic (points, TRELLIS_TALKING_DONT_KNOW);
  g_assert_cmpuint (topic->points->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talking-points/topics", test_topics);
  g_test_add_func ("/talking-points/first-round-no-groups", test_first_round_and_no_groups);
  g_test_add_func ("/talking-points/small-groups-suppressed", test_small_groups_suppressed);
  g_test_add_func ("/talking-points/tiny-round", test_tiny_round);
  g_test_add_func ("/talking-points/ties-beyond-the-cap", test_ties_beyond_the_cap);
  g_test_add_func ("/talking-points/not-agreement", test_not_agreement);

  return g_test_run ();
}
