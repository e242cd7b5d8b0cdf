/* test-model.c: the project model: change tracking, ownership, item keys, answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-io-common.h"

typedef struct
{
  TrellisProject *project;
  guint           n_changed;
} Fixture;

static void
on_changed (TrellisProject *project,
            Fixture        *fixture)
{
  g_assert_true (project == fixture->project);
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = test_build_full_project ();
  g_signal_connect (fixture->project, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->project);
}

/* Each edit is one change, seen by the project however deep it happened. */
#define ASSERT_CHANGES(fixture, expected, edit)             \
  G_STMT_START {                                            \
    guint before_ = (fixture)->n_changed;                   \
    edit;                                                   \
    g_assert_cmpuint ((fixture)->n_changed - before_, ==, (expected)); \
  } G_STMT_END

static void
test_changed_on_edits (Fixture       *fixture,
                       gconstpointer  data)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (fixture->project);
  TrellisSection *section = trellis_checklist_find_section (checklist, "A");
  TrellisStatement *statement = trellis_checklist_find_statement (checklist, "s1");
  TrellisStatement *part = trellis_checklist_find_statement (checklist, "s5a");
  TrellisScale *scale = trellis_checklist_get_scale (checklist, 1);
  TrellisRound *round = trellis_project_get_round (fixture->project, 0);
  TrellisPlan *plan = trellis_project_get_plan (fixture->project);
  TrellisAction *action = trellis_plan_get_action (plan, 0);
  g_autoptr(TrellisValueRule) value_rule = trellis_value_rule_new ("Agree a lot", 5);

  ASSERT_CHANGES (fixture, 1, trellis_project_set_name (fixture->project, "Renamed"));
  ASSERT_CHANGES (fixture, 1, trellis_checklist_set_title (checklist, "New title"));
  ASSERT_CHANGES (fixture, 1, trellis_section_set_title (section, "New section title"));
  ASSERT_CHANGES (fixture, 1, trellis_statement_set_text (statement, "Reworded statement."));
  ASSERT_CHANGES (fixture, 1, trellis_statement_set_best_case (statement, "Better than ever."));
  ASSERT_CHANGES (fixture, 1, trellis_statement_set_text (part, "Reworded part."));
  ASSERT_CHANGES (fixture, 1, trellis_statement_set_included (part, FALSE));
  ASSERT_CHANGES (fixture, 1, trellis_scale_set_point_label (scale, 3, "Important"));
  ASSERT_CHANGES (fixture, 1, trellis_scale_set_title (scale, "How important"));
  ASSERT_CHANGES (fixture, 1, trellis_scale_set_allow_na (scale, FALSE));
  ASSERT_CHANGES (fixture, 1, trellis_action_set_status (action, TRELLIS_ACTION_DONE));
  ASSERT_CHANGES (fixture, 1, trellis_action_set_responsible (action, "Someone else"));
  ASSERT_CHANGES (fixture, 1, trellis_round_set_label (round, "Renamed round"));
  ASSERT_CHANGES (fixture, 1, trellis_round_add_comment (round, "C", "One more comment"));
  ASSERT_CHANGES (fixture, 1, trellis_round_add_value_rule (round, value_rule));
  ASSERT_CHANGES (fixture, 1, trellis_project_set_min_group_size (fixture->project, 8));
}

static void
test_changed_on_structure (Fixture       *fixture,
                           gconstpointer  data)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (fixture->project);
  TrellisSection *section = trellis_checklist_find_section (checklist, "C");
  TrellisStatement *multi = trellis_checklist_find_statement (checklist, "s5");
  TrellisPlan *plan = trellis_project_get_plan (fixture->project);
  g_autoptr(TrellisStatement) added = trellis_statement_new ("u2", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisStatement) added_part = trellis_statement_new ("s5d", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisSection) added_section = trellis_section_new ("D");
  g_autoptr(TrellisAction) added_action = trellis_action_new ("a6");
  g_autoptr(TrellisScale) added_scale = trellis_scale_new ("effectiveness", 7);
  g_autoptr(TrellisRound) added_round = trellis_round_new ("r3");

  ASSERT_CHANGES (fixture, 1, trellis_section_append_statement (section, added));
  ASSERT_CHANGES (fixture, 1, trellis_section_move_statement (section, 3, 0));
  ASSERT_CHANGES (fixture, 1, g_assert_true (trellis_section_remove_statement (section, added)));
  ASSERT_CHANGES (fixture, 1, trellis_statement_append_child (multi, added_part));
  ASSERT_CHANGES (fixture, 1, trellis_statement_move_child (multi, 3, 0));
  ASSERT_CHANGES (fixture, 1, g_assert_true (trellis_statement_remove_child (multi, added_part)));
  ASSERT_CHANGES (fixture, 1, trellis_checklist_append_section (checklist, added_section));
  ASSERT_CHANGES (fixture, 1, trellis_checklist_move_section (checklist, 3, 0));
  ASSERT_CHANGES (fixture, 1, g_assert_true (trellis_checklist_remove_section (checklist, added_section)));
  ASSERT_CHANGES (fixture, 1, trellis_checklist_append_scale (checklist, added_scale));
  ASSERT_CHANGES (fixture, 1, g_assert_true (trellis_checklist_remove_scale (checklist, added_scale)));
  ASSERT_CHANGES (fixture, 1, trellis_plan_append_action (plan, added_action));
  ASSERT_CHANGES (fixture, 1, trellis_plan_move_action (plan, 5, 0));
  ASSERT_CHANGES (fixture, 1, g_assert_true (trellis_plan_remove_action (plan, added_action)));
  ASSERT_CHANGES (fixture, 1, trellis_project_append_round (fixture->project, added_round));
  ASSERT_CHANGES (fixture, 1, g_assert_true (trellis_project_remove_round (fixture->project, added_round)));

  /* Edits of something no longer in the project do not reach it. */
  ASSERT_CHANGES (fixture, 0, trellis_statement_set_text (added, "Detached"));
  ASSERT_CHANGES (fixture, 0, trellis_section_set_title (added_section, "Detached"));
  ASSERT_CHANGES (fixture, 0, trellis_action_set_text (added_action, "Detached"));
}

static void
test_no_change_on_no_op (Fixture       *fixture,
                         gconstpointer  data)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (fixture->project);
  TrellisSection *section = trellis_checklist_find_section (checklist, "A");
  TrellisStatement *statement = trellis_checklist_find_statement (checklist, "s1");
  TrellisScale *scale = trellis_checklist_get_scale (checklist, 0);
  TrellisPlan *plan = trellis_project_get_plan (fixture->project);
  TrellisAction *action = trellis_plan_get_action (plan, 0);
  TrellisRound *round = trellis_project_get_round (fixture->project, 0);
  g_autoptr(TrellisStatement) stranger = trellis_statement_new ("x1", TRELLIS_STATEMENT_RATING);
  g_autofree char *text = g_strdup (trellis_statement_get_text (statement));
  const char * const statement_ids[] = { "s1", "s5a", NULL };

  ASSERT_CHANGES (fixture, 0, trellis_project_set_name (fixture->project, trellis_project_get_name (fixture->project)));
  ASSERT_CHANGES (fixture, 0, trellis_statement_set_text (statement, text));
  ASSERT_CHANGES (fixture, 0, trellis_statement_set_included (statement, TRUE));
  ASSERT_CHANGES (fixture, 0, trellis_statement_set_kind (statement, TRELLIS_STATEMENT_RATING));
  ASSERT_CHANGES (fixture, 0, trellis_section_set_included (section, TRUE));
  ASSERT_CHANGES (fixture, 0, trellis_scale_set_point_label (scale, 1, trellis_scale_get_point_label (scale, 1)));
  ASSERT_CHANGES (fixture, 0, trellis_scale_set_allow_na (scale, TRUE));
  ASSERT_CHANGES (fixture, 0, trellis_action_set_status (action, TRELLIS_ACTION_IN_PROGRESS));
  ASSERT_CHANGES (fixture, 0, trellis_action_set_statement_ids (action, statement_ids));
  ASSERT_CHANGES (fixture, 0, trellis_round_set_n_excluded (round, 3));
  ASSERT_CHANGES (fixture, 0, trellis_round_set_date (round, "2026-10-12"));
  ASSERT_CHANGES (fixture, 0, trellis_project_set_min_group_size (fixture->project, 4));
  ASSERT_CHANGES (fixture, 0, trellis_project_set_checklist (fixture->project, checklist));
  ASSERT_CHANGES (fixture, 0, g_assert_false (trellis_section_move_statement (section, 1, 1)));
  ASSERT_CHANGES (fixture, 0, g_assert_false (trellis_section_move_statement (section, 0, 99)));
  ASSERT_CHANGES (fixture, 0, g_assert_false (trellis_section_remove_statement (section, stranger)));
  ASSERT_CHANGES (fixture, 0, g_assert_false (trellis_round_set_date (round, "2026-13-01")));
  /* An empty string is no text, the same as none. */
  ASSERT_CHANGES (fixture, 0, trellis_statement_set_note (trellis_checklist_find_statement (checklist, "s4"), ""));
  g_assert_cmpstr (trellis_round_get_date (round), ==, "2026-10-12");
}

static void
test_parents (void)
{
  g_autoptr(TrellisProject) project = trellis_project_new ();
  g_autoptr(TrellisChecklist) replacement = trellis_checklist_new ();
  g_autoptr(TrellisSection) a = trellis_section_new ("A");
  g_autoptr(TrellisSection) b = trellis_section_new ("B");
  g_autoptr(TrellisStatement) multi = trellis_statement_new ("s1", TRELLIS_STATEMENT_MULTI);
  g_autoptr(TrellisStatement) part = trellis_statement_new ("s1a", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisChecklist) original = g_object_ref (trellis_project_get_checklist (project));
  TrellisNode *project_node = TRELLIS_NODE (project);

  g_assert_null (trellis_node_get_parent (project_node));
  g_assert_true (trellis_node_get_parent (TRELLIS_NODE (original)) == project_node);
  g_assert_true (trellis_node_get_parent (TRELLIS_NODE (trellis_project_get_plan (project))) == project_node);

  trellis_project_set_checklist (project, replacement);
  g_assert_true (trellis_project_get_checklist (project) == replacement);
  g_assert_true (trellis_node_get_parent (TRELLIS_NODE (replacement)) == project_node);
  g_assert_null (trellis_node_get_parent (TRELLIS_NODE (original)));

  trellis_checklist_append_section (replacement, a);
  trellis_checklist_append_section (replacement, b);
  trellis_section_append_statement (a, multi);
  trellis_statement_append_child (multi, part);

  g_assert_true (trellis_statement_get_section (multi) == a);
  g_assert_true (trellis_statement_get_section (part) == a);
  g_assert_true (trellis_statement_get_parent_statement (part) == multi);
  g_assert_null (trellis_statement_get_parent_statement (multi));
  g_assert_true (trellis_node_get_root (TRELLIS_NODE (part)) == project_node);
  g_assert_true (trellis_checklist_find_statement (replacement, "s1a") == part);

  /* Moving a statement to another section: out of one container, into the next. */
  g_assert_true (trellis_section_remove_statement (a, multi));
  g_assert_null (trellis_node_get_parent (TRELLIS_NODE (multi)));
  g_assert_null (trellis_statement_get_section (part));
  g_assert_true (trellis_node_get_root (TRELLIS_NODE (part)) == TRELLIS_NODE (multi));
  trellis_section_append_statement (b, multi);
  g_assert_true (trellis_statement_get_section (part) == b);
  g_assert_null (trellis_section_find_statement (a, "s1a"));
  g_assert_true (trellis_section_find_statement (b, "s1a") == part);

  /* In use: included, and so are the lead-in and the section. */
  g_assert_true (trellis_statement_is_in_use (part));
  trellis_statement_set_included (multi, FALSE);
  g_assert_false (trellis_statement_is_in_use (part));
  trellis_statement_set_included (multi, TRUE);
  trellis_section_set_included (b, FALSE);
  g_assert_false (trellis_statement_is_in_use (part));

  /* Disposing of the project lets go of its children. */
  g_clear_object (&project);
  g_assert_null (trellis_node_get_parent (TRELLIS_NODE (replacement)));
}

static void
test_item_keys_one_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChecklist) checklist = trellis_template_load ("nine-ingredients", &error);
  TrellisStatement *statement = NULL;
  TrellisScale *scale = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_no_error (error);
  statement = trellis_checklist_find_statement (checklist, "n4");
  key = trellis_checklist_dup_item_key (checklist, statement, NULL);
  g_assert_cmpstr (key, ==, "n4");
  g_clear_pointer (&key, g_free);
  key = trellis_checklist_dup_item_key (checklist, statement, trellis_checklist_get_scale (checklist, 0));
  g_assert_cmpstr (key, ==, "n4");

  statement = NULL;
  g_assert_true (trellis_checklist_lookup_item_key (checklist, "n4", &statement, &scale));
  g_assert_cmpstr (trellis_statement_get_id (statement), ==, "n4");
  g_assert_true (scale == trellis_checklist_get_scale (checklist, 0));
  g_assert_false (trellis_checklist_lookup_item_key (checklist, "n4@importance", NULL, NULL));
  g_assert_false (trellis_checklist_lookup_item_key (checklist, "n99", NULL, NULL));

  keys = trellis_checklist_dup_item_keys (checklist, TRUE);
  g_assert_cmpuint (g_strv_length (keys), ==, 9);
  g_assert_cmpstr (keys[0], ==, "n1");
  g_assert_cmpstr (keys[8], ==, "n9");
}

static void
test_item_keys_two_scales (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisScale *importance = trellis_checklist_find_scale (checklist, "importance");
  TrellisStatement *statement = NULL;
  TrellisScale *scale = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) in_use = trellis_checklist_dup_item_keys (checklist, TRUE);
  g_auto(GStrv) all = trellis_checklist_dup_item_keys (checklist, FALSE);
  const char * const expected_in_use[] = {
    "s1", "s1@importance", "s5a", "s5a@importance", "s5c", "s5c@importance",
    "u1", "u1@importance", NULL
  };
  const char * const expected_all[] = {
    "s1", "s1@importance", "s2", "s2@importance", "s4", "s4@importance",
    "s5a", "s5a@importance", "s5b", "s5b@importance", "s5c", "s5c@importance",
    "u1", "u1@importance", NULL
  };

  key = trellis_checklist_dup_item_key (checklist, trellis_checklist_find_statement (checklist, "s5a"), importance);
  g_assert_cmpstr (key, ==, "s5a@importance");
  g_assert_true (trellis_checklist_lookup_item_key (checklist, key, &statement, &scale));
  g_assert_cmpstr (trellis_statement_get_id (statement), ==, "s5a");
  g_assert_true (scale == importance);

  /* Only rated statements have items: not comment boxes, not lead-ins. */
  g_assert_false (trellis_checklist_lookup_item_key (checklist, "s3", NULL, NULL));
  g_assert_false (trellis_checklist_lookup_item_key (checklist, "s5", NULL, NULL));
  g_assert_false (trellis_checklist_lookup_item_key (checklist, "s5@importance", NULL, NULL));
  g_assert_false (trellis_checklist_lookup_item_key (checklist, "s1@effectiveness", NULL, NULL));

  /* Cut statements (s2, s5b) and statements of cut sections (s4) are out of use. */
  g_assert_true (g_strv_equal ((const char * const *) in_use, expected_in_use));
  g_assert_true (g_strv_equal ((const char * const *) all, expected_all));
}

static void
test_round_answers (void)
{
  g_autoptr(TrellisRound) round = trellis_round_new ("r1");
  const char * const items[] = { "s1", "s2", "s2@importance", NULL };
  const char * const duplicated[] = { "s1", "s1", NULL };
  const TrellisAnswer first[] = { 5, TRELLIS_ANSWER_NOT_APPLICABLE, 1 };
  const TrellisAnswer second[] = { TRELLIS_ANSWER_BLANK, 3, TRELLIS_ANSWER_DONT_KNOW };
  const TrellisAnswer third[] = { 1, 1, 1 };
  GPtrArray *comments;

  g_assert_false (trellis_round_set_items (round, duplicated));
  g_assert_cmpuint (trellis_round_get_n_items (round), ==, 0);
  g_assert_true (trellis_round_set_items (round, items));
  g_assert_cmpuint (trellis_round_get_n_items (round), ==, 3);
  g_assert_cmpint (trellis_round_find_item (round, "s2@importance"), ==, 2);
  g_assert_cmpint (trellis_round_find_item (round, "s9"), ==, -1);

  g_assert_cmpuint (trellis_round_add_response (round, first, "Police"), ==, 0);
  g_assert_cmpuint (trellis_round_add_response (round, second, NULL), ==, 1);
  g_assert_cmpuint (trellis_round_add_response (round, third, "Police"), ==, 2);
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 3);
  g_assert_cmpint (trellis_round_get_answer (round, 0, 0), ==, 5);
  g_assert_cmpint (trellis_round_get_answer (round, 0, 1), ==, TRELLIS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpint (trellis_round_get_answer (round, 1, 0), ==, TRELLIS_ANSWER_BLANK);
  g_assert_cmpint (trellis_round_get_answer (round, 1, 2), ==, TRELLIS_ANSWER_DONT_KNOW);
  g_assert_cmpmem (trellis_round_get_response (round, 2), 3, third, 3);

  /* Groups are kept once, in the order first seen; a response may have none. */
  g_assert_cmpuint (trellis_round_get_n_groups (round), ==, 1);
  g_assert_cmpstr (trellis_round_get_group (round, 0), ==, "Police");
  g_assert_cmpstr (trellis_round_get_response_group (round, 2), ==, "Police");
  g_assert_null (trellis_round_get_response_group (round, 1));
  g_assert_cmpuint (trellis_round_count_group (round, "Police"), ==, 2);
  g_assert_cmpuint (trellis_round_count_group (round, "Health"), ==, 0);

  /* The columns are fixed once answers exist. */
  g_assert_false (trellis_round_set_items (round, items));
  g_assert_cmpuint (trellis_round_get_n_items (round), ==, 3);

  trellis_round_add_comment (round, "B", "second section first");
  trellis_round_add_comment (round, "A", "one");
  trellis_round_add_comment (round, "A", "two");
  g_assert_cmpuint (trellis_round_get_n_comments (round), ==, 3);
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comment_sections (round), 0), ==, "B");
  comments = trellis_round_get_comments (round, "A");
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (comments, 1), ==, "two");
  g_assert_null (trellis_round_get_comments (round, "C"));
}

static void
test_min_group_size (void)
{
  g_autoptr(TrellisProject) project = trellis_project_new ();

  g_assert_cmpuint (trellis_project_get_min_group_size (project), ==, TRELLIS_MIN_GROUP_SIZE_DEFAULT);
  g_assert_cmpuint (TRELLIS_MIN_GROUP_SIZE_DEFAULT, ==, 5);
  trellis_project_set_min_group_size (project, 2);
  g_assert_cmpuint (trellis_project_get_min_group_size (project), ==, 3);
  trellis_project_set_min_group_size (project, 0);
  g_assert_cmpuint (trellis_project_get_min_group_size (project), ==, 3);
  trellis_project_set_min_group_size (project, 12);
  g_assert_cmpuint (trellis_project_get_min_group_size (project), ==, 12);
  g_object_set (project, "min-group-size", 3, NULL);
  g_assert_cmpuint (trellis_project_get_min_group_size (project), ==, TRELLIS_MIN_GROUP_SIZE_FLOOR);
}

/* A file asking for less is raised to the floor, erring on the side of anonymity. */
static void
test_min_group_size_from_file (void)
{
  const char *text = "<trellis-project xmlns=\"https://trellisapp.org/ns/project\" format-version=\"1.0\">"
                     "<partnership min-group-size=\"1\"/><checklist/></trellis-project>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_bytes (bytes, "small-groups.trellis", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (trellis_project_get_min_group_size (project), ==, TRELLIS_MIN_GROUP_SIZE_FLOOR);
}

static void
test_scale (void)
{
  g_autoptr(TrellisScale) agreement = trellis_scale_new_agreement ();
  g_autoptr(TrellisScale) four = trellis_scale_new ("four", 4);

  g_assert_cmpuint (trellis_scale_get_neutral (agreement), ==, 3);
  g_assert_true (trellis_scale_is_agreeing (agreement, 4));
  g_assert_false (trellis_scale_is_agreeing (agreement, 3));
  g_assert_true (trellis_scale_is_disagreeing (agreement, 2));
  g_assert_false (trellis_scale_is_agreeing (agreement, TRELLIS_ANSWER_NOT_APPLICABLE));
  g_assert_cmpuint (trellis_scale_get_neutral (four), ==, 0);
  g_assert_true (trellis_scale_is_agreeing (four, 3));
  g_assert_true (trellis_scale_is_disagreeing (four, 2));
  g_assert_cmpstr (trellis_scale_get_point_label (four, 2), ==, "2");
  trellis_scale_set_point_label (four, 2, "");
  g_assert_cmpstr (trellis_scale_get_point_label (four, 2), ==, "2");
  g_assert_false (trellis_scale_is_valid_answer (four, 5));
  trellis_scale_set_allow_dk (four, FALSE);
  g_assert_false (trellis_scale_is_valid_answer (four, TRELLIS_ANSWER_DONT_KNOW));
  g_assert_true (trellis_scale_is_valid_answer (four, TRELLIS_ANSWER_BLANK));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/model/changed/edits", Fixture, NULL, fixture_set_up, test_changed_on_edits, fixture_tear_down);
  g_test_add ("/model/changed/structure", Fixture, NULL, fixture_set_up, test_changed_on_structure, fixture_tear_down);
  g_test_add ("/model/changed/no-op", Fixture, NULL, fixture_set_up, test_no_change_on_no_op, fixture_tear_down);
  g_test_add_func ("/model/parents", test_parents);
  g_test_add_func ("/model/item-keys/one-scale", test_item_keys_one_scale);
  g_test_add_func ("/model/item-keys/two-scales", test_item_keys_two_scales);
  g_test_add_func ("/model/round/answers", test_round_answers);
  g_test_add_func ("/model/min-group-size/floor", test_min_group_size);
  g_test_add_func ("/model/min-group-size/from-file", test_min_group_size_from_file);
  g_test_add_func ("/model/scale", test_scale);

  return g_test_run ();
}
