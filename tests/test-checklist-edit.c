/* test-checklist-edit.c: the designer's edits of a checklist, their undo and redo, and
 * answers staying with their statements through them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trellis-test-project.h"

typedef struct
{
  TrellisProject   *project;
  TrellisChecklist *checklist;
  TrellisUndoStack *stack;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = trellis_test_project_new_sample (GPOINTER_TO_UINT (data));
  fixture->checklist = trellis_project_get_checklist (fixture->project);
  fixture->stack = trellis_undo_stack_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->stack);
  g_assert_finalize_object (fixture->project);
}

static TrellisStatement *
find (Fixture    *fixture,
      const char *id)
{
  TrellisStatement *statement = trellis_checklist_find_statement (fixture->checklist, id);

  g_assert_nonnull (statement);
  return statement;
}

static TrellisSection *
section (Fixture    *fixture,
         const char *id)
{
  TrellisSection *found = trellis_checklist_find_section (fixture->checklist, id);

  g_assert_nonnull (found);
  return found;
}

/* The ids of a section's statements, in order: "s1 s2 s3…" */
static char *
dup_order (TrellisSection *in)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < trellis_section_get_n_statements (in); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            trellis_statement_get_id (trellis_section_get_statement (in, i)));
  return g_string_free (out, FALSE);
}

static guint
position_of (TrellisSection   *in,
             TrellisStatement *statement)
{
  guint position;

  g_assert_true (g_list_store_find (G_LIST_STORE (trellis_section_get_statements (in)), statement, &position));
  return position;
}

/*****/

static void
test_move_within_section (Fixture       *fixture,
                          gconstpointer  data)
{
  TrellisSection *a = section (fixture, "A");
  g_autofree char *before = dup_order (a);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone = NULL;

  g_assert_true (trellis_checklist_edit_move_statement (fixture->stack, find (fixture, "s1"),
                                                        TRELLIS_NODE (a), 2, NULL));
  after = dup_order (a);
  g_assert_true (g_str_has_prefix (after, "s2 s3 s1 s4"));
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->stack), ==, "Move Statement");

  /* Moving to where it is is no edit. */
  g_assert_false (trellis_checklist_edit_move_statement (fixture->stack, find (fixture, "s1"),
                                                         TRELLIS_NODE (a), 2, NULL));
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  undone = dup_order (a);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (trellis_undo_stack_get_can_undo (fixture->stack));
  g_assert_true (trellis_undo_stack_redo (fixture->stack));
  redone = dup_order (a);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_move_across_sections (Fixture       *fixture,
                           gconstpointer  data)
{
  TrellisSection *a = section (fixture, "A");
  TrellisSection *c = section (fixture, "C");
  TrellisStatement *s3 = find (fixture, "s3");
  g_autofree char *a_before = dup_order (a);
  g_autofree char *c_before = dup_order (c);
  g_autofree char *a_undone = NULL;
  g_autofree char *c_undone = NULL;
  guint n_a = trellis_section_get_n_statements (a);
  guint n_c = trellis_section_get_n_statements (c);

  g_assert_true (trellis_checklist_edit_move_statement (fixture->stack, s3, TRELLIS_NODE (c), 1, NULL));
  g_assert_true (trellis_statement_get_section (s3) == c);
  g_assert_cmpuint (position_of (c, s3), ==, 1);
  g_assert_cmpuint (trellis_section_get_n_statements (a), ==, n_a - 1);
  g_assert_cmpuint (trellis_section_get_n_statements (c), ==, n_c + 1);

  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_true (trellis_statement_get_section (s3) == a);
  a_undone = dup_order (a);
  c_undone = dup_order (c);
  g_assert_cmpstr (a_undone, ==, a_before);
  g_assert_cmpstr (c_undone, ==, c_before);

  g_assert_true (trellis_undo_stack_redo (fixture->stack));
  g_assert_true (trellis_statement_get_section (s3) == c);
  g_assert_cmpuint (position_of (c, s3), ==, 1);

  /* The last place of another section is after its last statement. */
  g_assert_true (trellis_checklist_edit_move_statement (fixture->stack, find (fixture, "s1"),
                                                        TRELLIS_NODE (c), G_MAXUINT, NULL));
  g_assert_cmpuint (position_of (c, find (fixture, "s1")), ==, n_c + 1);
}

static void
test_move_multi_part (Fixture       *fixture,
                      gconstpointer  data)
{
  TrellisStatement *s55 = find (fixture, "s55");
  TrellisStatement *s55a = find (fixture, "s55a");
  TrellisSection *a = section (fixture, "A");
  guint n_parts = trellis_statement_get_n_children (s55);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (trellis_statement_get_kind (s55), ==, TRELLIS_STATEMENT_MULTI);

  /* Parts reorder inside their item. */
  g_assert_true (trellis_checklist_edit_move_statement (fixture->stack, s55a, TRELLIS_NODE (s55), 2, NULL));
  g_assert_true (trellis_statement_get_child (s55, 2) == s55a);
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_true (trellis_statement_get_child (s55, 0) == s55a);

  /* The item moves as one, with its parts. */
  g_assert_true (trellis_checklist_edit_move_statement (fixture->stack, s55, TRELLIS_NODE (a), 0, NULL));
  g_assert_true (trellis_section_get_statement (a, 0) == s55);
  g_assert_cmpuint (trellis_statement_get_n_children (s55), ==, n_parts);
  g_assert_true (trellis_statement_get_section (s55a) == a);

  /* A comment box or another multi-part item cannot go into it. */
  g_assert_false (trellis_checklist_edit_move_statement (fixture->stack, find (fixture, "s18"),
                                                         TRELLIS_NODE (s55), 0, &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE);
  g_clear_error (&error);
  g_assert_false (trellis_checklist_edit_check_move (s55, TRELLIS_NODE (s55), &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE);
  g_clear_error (&error);
  /* Nor a second comment box into a section. */
  g_assert_false (trellis_checklist_edit_move_statement (fixture->stack, find (fixture, "s25"),
                                                         TRELLIS_NODE (a), 0, &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE);
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->stack), ==, "Move Statement");

  /* A rated statement may become a part. */
  g_assert_true (trellis_checklist_edit_move_statement (fixture->stack, find (fixture, "s2"),
                                                        TRELLIS_NODE (s55), 1, NULL));
  g_assert_true (trellis_statement_get_parent_statement (find (fixture, "s2")) == s55);
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_null (trellis_statement_get_parent_statement (find (fixture, "s2")));
}

static void
test_move_section (Fixture       *fixture,
                   gconstpointer  data)
{
  TrellisSection *d = section (fixture, "D");

  g_assert_true (trellis_checklist_edit_move_section (fixture->stack, fixture->checklist, d, 0));
  g_assert_true (trellis_checklist_get_section (fixture->checklist, 0) == d);
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->stack), ==, "Move Section");
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_true (trellis_checklist_get_section (fixture->checklist, 3) == d);
  g_assert_true (trellis_undo_stack_redo (fixture->stack));
  g_assert_true (trellis_checklist_get_section (fixture->checklist, 0) == d);
}

static void
test_cut_restore (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisSection *b = section (fixture, "B");
  TrellisStatement *s20 = find (fixture, "s20");
  TrellisStatement *s1 = find (fixture, "s1");
  g_auto(GStrv) keys = NULL;

  trellis_checklist_edit_set_included (fixture->stack, TRELLIS_NODE (b), FALSE);
  g_assert_false (trellis_statement_is_in_use (s20));
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->stack), ==, "Cut Section");
  keys = trellis_checklist_dup_item_keys (fixture->checklist, TRUE);
  g_assert_false (g_strv_contains ((const char * const *) keys, "s20"));

  /* Cut and restore are steps of their own, even of the same statement. */
  trellis_checklist_edit_set_included (fixture->stack, TRELLIS_NODE (s1), FALSE);
  trellis_checklist_edit_set_included (fixture->stack, TRELLIS_NODE (s1), TRUE);
  g_assert_true (trellis_statement_get_included (s1));
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_false (trellis_statement_get_included (s1));
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_true (trellis_statement_get_included (s1));
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_true (trellis_statement_is_in_use (s20));
  g_assert_false (trellis_undo_stack_get_can_undo (fixture->stack));
}

static void
test_edit_text (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisStatement *s4 = find (fixture, "s4");
  g_autofree char *original = g_strdup (trellis_statement_get_text (s4));

  /* Typing in one field is one step. */
  trellis_checklist_edit_set_string (fixture->stack, "Edit Statement Text", G_OBJECT (s4), "text", "P");
  trellis_checklist_edit_set_string (fixture->stack, "Edit Statement Text", G_OBJECT (s4), "text", "Pa");
  trellis_checklist_edit_set_string (fixture->stack, "Edit Statement Text", G_OBJECT (s4), "text", "Partners");
  trellis_undo_stack_seal (fixture->stack);
  trellis_checklist_edit_set_string (fixture->stack, "Edit Best Case", G_OBJECT (s4), "best-case", "All partners attend.");
  trellis_checklist_edit_set_string (fixture->stack, "Edit Statement Text", G_OBJECT (s4), "text", "Partners agree");

  g_assert_cmpstr (trellis_statement_get_text (s4), ==, "Partners agree");
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_cmpstr (trellis_statement_get_text (s4), ==, "Partners");
  g_assert_cmpstr (trellis_statement_get_best_case (s4), ==, "All partners attend.");
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_null (trellis_statement_get_best_case (s4));
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_cmpstr (trellis_statement_get_text (s4), ==, original);
  g_assert_false (trellis_undo_stack_get_can_undo (fixture->stack));
  g_assert_true (trellis_undo_stack_redo (fixture->stack));
  g_assert_cmpstr (trellis_statement_get_text (s4), ==, "Partners");
}

static void
test_add_and_delete (Fixture       *fixture,
                     gconstpointer  data)
{
  TrellisSection *a = section (fixture, "A");
  TrellisStatement *added, *again;
  TrellisSection *new_section;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sections = trellis_checklist_get_n_sections (fixture->checklist);

  added = trellis_checklist_edit_add_statement (fixture->stack, fixture->checklist, TRELLIS_NODE (a), 3,
                                                TRELLIS_STATEMENT_RATING, "Partners share data.", NULL);
  g_assert_nonnull (added);
  id = g_strdup (trellis_statement_get_id (added));
  g_assert_true (trellis_section_get_statement (a, 3) == added);
  g_assert_null (trellis_statement_get_number (added));
  g_assert_true (trellis_checklist_find_statement (fixture->checklist, id) == added);

  /* Undo takes it out; redo puts the same statement, same id, back. */
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_null (trellis_checklist_find_statement (fixture->checklist, id));
  g_assert_true (trellis_undo_stack_redo (fixture->stack));
  g_assert_true (trellis_checklist_find_statement (fixture->checklist, id) == added);
  g_assert_true (trellis_section_get_statement (a, 3) == added);

  /* Another new statement gets another id. */
  again = trellis_checklist_edit_add_statement (fixture->stack, fixture->checklist, TRELLIS_NODE (a), 0,
                                                TRELLIS_STATEMENT_RATING, NULL, NULL);
  g_assert_cmpstr (trellis_statement_get_id (again), !=, id);

  /* Never answered: deleted; undo puts it back where it was. */
  g_assert_true (trellis_checklist_edit_delete (fixture->stack, fixture->project, TRELLIS_NODE (added), NULL));
  g_assert_null (trellis_checklist_find_statement (fixture->checklist, id));
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_true (trellis_section_get_statement (a, 4) == added);

  new_section = trellis_checklist_edit_add_section (fixture->stack, fixture->checklist, 1, "Our Own Questions");
  g_assert_true (trellis_checklist_get_section (fixture->checklist, 1) == new_section);
  g_assert_cmpstr (trellis_section_get_id (new_section), !=, id);
  g_assert_true (trellis_checklist_edit_delete (fixture->stack, fixture->project, TRELLIS_NODE (new_section), NULL));
  g_assert_cmpuint (trellis_checklist_get_n_sections (fixture->checklist), ==, n_sections);
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_cmpuint (trellis_checklist_get_n_sections (fixture->checklist), ==, n_sections);

  /* A comment box cannot be added into a multi-part item. */
  g_assert_null (trellis_checklist_edit_add_statement (fixture->stack, fixture->checklist,
                                                       TRELLIS_NODE (find (fixture, "s55")), 0,
                                                       TRELLIS_STATEMENT_COMMENT, NULL, &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE);
}

static void
test_delete_answered (Fixture       *fixture,
                      gconstpointer  data)
{
  TrellisStatement *s1 = find (fixture, "s1");
  TrellisRound *round = trellis_project_get_latest_round (fixture->project);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_checklist_edit_find_answering_round (fixture->project, TRELLIS_NODE (s1)) == round);
  g_assert_false (trellis_checklist_edit_delete (fixture->stack, fixture->project, TRELLIS_NODE (s1), &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_ANSWERED);
  g_assert_nonnull (strstr (error->message, trellis_round_get_label (round)));
  g_clear_error (&error);
  g_assert_false (trellis_checklist_edit_delete (fixture->stack, fixture->project,
                                                 TRELLIS_NODE (section (fixture, "B")), &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_ANSWERED);
  g_clear_error (&error);
  /* The comment box counts as answered when the round holds comments for its section. */
  g_assert_nonnull (trellis_checklist_edit_find_answering_round (fixture->project, TRELLIS_NODE (find (fixture, "s18"))));
  g_assert_false (trellis_checklist_edit_set_kind (fixture->stack, fixture->project, s1,
                                                   TRELLIS_STATEMENT_COMMENT, &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_ANSWERED);
  g_assert_false (trellis_undo_stack_get_can_undo (fixture->stack));
  g_assert_true (trellis_statement_get_section (s1) != NULL);
}

static void
test_change_kind (Fixture       *fixture,
                  gconstpointer  data)
{
  TrellisSection *a = section (fixture, "A");
  TrellisStatement *added;
  g_autoptr(GError) error = NULL;

  added = trellis_checklist_edit_add_statement (fixture->stack, fixture->checklist, TRELLIS_NODE (a), 0,
                                                TRELLIS_STATEMENT_RATING, "By working together we have", NULL);
  /* Section A has its comment box already. */
  g_assert_false (trellis_checklist_edit_set_kind (fixture->stack, fixture->project, added,
                                                   TRELLIS_STATEMENT_COMMENT, &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE);
  g_clear_error (&error);

  g_assert_true (trellis_checklist_edit_set_kind (fixture->stack, fixture->project, added,
                                                  TRELLIS_STATEMENT_MULTI, NULL));
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->stack), ==, "Change Statement Kind");
  g_assert_nonnull (trellis_checklist_edit_add_statement (fixture->stack, fixture->checklist,
                                                          TRELLIS_NODE (added), 0,
                                                          TRELLIS_STATEMENT_RATING, "saved money", NULL));
  g_assert_false (trellis_checklist_edit_set_kind (fixture->stack, fixture->project, added,
                                                   TRELLIS_STATEMENT_RATING, &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_KIND);
  g_clear_error (&error);
  /* A part is rated. */
  g_assert_false (trellis_checklist_edit_set_kind (fixture->stack, fixture->project,
                                                   trellis_statement_get_child (added, 0),
                                                   TRELLIS_STATEMENT_COMMENT, &error));
  g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE);

  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_cmpuint (trellis_statement_get_n_children (added), ==, 0);
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_cmpint (trellis_statement_get_kind (added), ==, TRELLIS_STATEMENT_RATING);
  g_assert_true (trellis_undo_stack_redo (fixture->stack));
  g_assert_cmpint (trellis_statement_get_kind (added), ==, TRELLIS_STATEMENT_MULTI);
}

static void
test_scale (Fixture       *fixture,
            gconstpointer  data)
{
  TrellisScale *scale = trellis_checklist_get_scale (fixture->checklist, 0);
  const char *four[] = { "No", "Rarely", "Mostly", "Yes", NULL };
  const char *five[] = { "Strongly disagree", "Disagree", "Unsure", "Agree", "Strongly agree", NULL };
  gboolean answered = GPOINTER_TO_UINT (data) > 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (trellis_checklist_edit_scale_is_answered (fixture->project, scale), ==, answered);
  g_assert_true (trellis_checklist_edit_set_scale (fixture->stack, fixture->project, scale, 5, five,
                                                   TRUE, FALSE, NULL));
  g_assert_cmpstr (trellis_scale_get_point_label (scale, 3), ==, "Unsure");
  g_assert_false (trellis_scale_get_allow_dk (scale));
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->stack), ==, "Edit Answer Scale");

  if (answered)
    {
      g_assert_false (trellis_checklist_edit_set_scale (fixture->stack, fixture->project, scale, 4, four,
                                                        TRUE, TRUE, &error));
      g_assert_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_ANSWERED);
      g_assert_cmpuint (trellis_scale_get_n_points (scale), ==, 5);
    }
  else
    {
      g_assert_true (trellis_checklist_edit_set_scale (fixture->stack, fixture->project, scale, 4, four,
                                                       TRUE, TRUE, NULL));
      g_assert_cmpuint (trellis_scale_get_n_points (scale), ==, 4);
      g_assert_cmpstr (trellis_scale_get_point_label (scale, 4), ==, "Yes");
      g_assert_true (trellis_undo_stack_undo (fixture->stack));
      g_assert_cmpuint (trellis_scale_get_n_points (scale), ==, 5);
      g_assert_cmpstr (trellis_scale_get_point_label (scale, 5), ==, "Strongly agree");
    }
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_cmpstr (trellis_scale_get_point_label (scale, 3), ==, "Neither agree nor disagree");
  g_assert_true (trellis_scale_get_allow_dk (scale));
}

static void
test_renumber (Fixture       *fixture,
               gconstpointer  data)
{
  TrellisSection *a = section (fixture, "A");
  TrellisStatement *s1 = find (fixture, "s1");
  TrellisStatement *added;

  /* Nothing to renumber in the template as it comes. */
  g_assert_false (trellis_checklist_edit_renumber (fixture->stack, fixture->checklist));

  trellis_checklist_edit_set_included (fixture->stack, TRELLIS_NODE (find (fixture, "s2")), FALSE);
  trellis_checklist_edit_move_statement (fixture->stack, s1, TRELLIS_NODE (a), 3, NULL);
  added = trellis_checklist_edit_add_statement (fixture->stack, fixture->checklist, TRELLIS_NODE (a), 0,
                                                TRELLIS_STATEMENT_RATING, "New first", NULL);
  g_assert_cmpstr (trellis_statement_get_number (s1), ==, "1");
  g_assert_true (trellis_checklist_edit_renumber (fixture->stack, fixture->checklist));
  /* added, s3, s4, s1 (s2 is cut) */
  g_assert_cmpstr (trellis_statement_get_number (added), ==, "1");
  g_assert_cmpstr (trellis_statement_get_number (find (fixture, "s3")), ==, "2");
  g_assert_cmpstr (trellis_statement_get_number (s1), ==, "4");
  g_assert_null (trellis_statement_get_number (find (fixture, "s2")));
  g_assert_cmpstr (trellis_statement_get_number (find (fixture, "s55")), ==, "55");
  g_assert_cmpstr (trellis_statement_get_number (find (fixture, "s55b")), ==, "55b");
  g_assert_cmpstr (trellis_statement_get_id (s1), ==, "s1");

  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_assert_cmpstr (trellis_statement_get_number (s1), ==, "1");
  g_assert_cmpstr (trellis_statement_get_number (find (fixture, "s2")), ==, "2");
  g_assert_null (trellis_statement_get_number (added));
  g_assert_true (trellis_undo_stack_redo (fixture->stack));
  g_assert_cmpstr (trellis_statement_get_number (s1), ==, "4");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every rated statement's counts in every round, keyed by id. */
static char *
dup_answers_signature (TrellisProject *project)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autoptr(GPtrArray) rated = trellis_checklist_collect_rated (checklist, TRUE);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rated->len; i++)
    g_ptr_array_add (ids, (gpointer) trellis_statement_get_id (g_ptr_array_index (rated, i)));
  g_ptr_array_sort (ids, compare_strings);
  for (guint r = 0; r < trellis_project_get_n_rounds (project); r++)
    {
      g_autoptr(TrellisSummary) summary =
        trellis_summary_new (project, trellis_project_get_round (project, r), NULL, NULL);

      for (guint i = 0; i < ids->len; i++)
        {
          TrellisItemSummary *item = trellis_summary_find_item (summary, g_ptr_array_index (ids, i));
          g_assert_nonnull (item);
          g_string_append_printf (out, "%s:", item->item_key);
          for (guint p = 0; p < item->dist.n_points; p++)
            g_string_append_printf (out, " %u", item->dist.counts[p]);
          g_string_append_printf (out, " na %u dk %u blank %u\n", item->dist.not_applicable,
                                  item->dist.dont_know, item->dist.blank);
        }
    }
  return g_string_free (out, FALSE);
}

static void
test_answers_stay_attached (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *before = dup_answers_signature (fixture->project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  TrellisStatement *s30 = find (fixture, "s30");

  g_assert_cmpuint (strlen (before), >, 1000);
  trellis_checklist_edit_move_statement (fixture->stack, find (fixture, "s3"),
                                         TRELLIS_NODE (section (fixture, "D")), 0, NULL);
  trellis_checklist_edit_move_statement (fixture->stack, find (fixture, "s45"),
                                         TRELLIS_NODE (section (fixture, "A")), 1, NULL);
  trellis_checklist_edit_move_statement (fixture->stack, find (fixture, "s55c"),
                                         TRELLIS_NODE (find (fixture, "s55")), 0, NULL);
  trellis_checklist_edit_move_section (fixture->stack, fixture->checklist, section (fixture, "C"), 0);
  trellis_checklist_edit_set_string (fixture->stack, "Edit Statement Text", G_OBJECT (s30), "text",
                                     "Partners trust each other.");
  trellis_checklist_edit_renumber (fixture->stack, fixture->checklist);
  g_assert_cmpstr (trellis_statement_get_number (s30), !=, "30");

  after = dup_answers_signature (fixture->project);
  g_assert_cmpstr (after, ==, before);

  while (trellis_undo_stack_undo (fixture->stack))
    ;
  undone = dup_answers_signature (fixture->project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (trellis_statement_get_number (s30), ==, "30");
}

static void
changed_cb (TrellisProject *project,
            Fixture        *fixture)
{
  /* What a document does to tell edits undo can take back from changes outside it. */
  g_assert_true (trellis_undo_stack_get_applying (fixture->stack));
}

/* Every edit is made while the stack applies it, so a document knows undo takes it back. */
static void
test_changes_while_applying (Fixture       *fixture,
                             gconstpointer  data)
{
  TrellisStatement *s1 = find (fixture, "s1");

  g_signal_connect (fixture->project, "changed", G_CALLBACK (changed_cb), fixture);
  trellis_checklist_edit_move_statement (fixture->stack, s1, TRELLIS_NODE (section (fixture, "B")), 0, NULL);
  trellis_checklist_edit_set_included (fixture->stack, TRELLIS_NODE (s1), FALSE);
  trellis_checklist_edit_set_string (fixture->stack, "Edit Note", G_OBJECT (s1), "note", "Ask the chair.");
  trellis_checklist_edit_add_section (fixture->stack, fixture->checklist, 0, "New");
  trellis_checklist_edit_renumber (fixture->stack, fixture->checklist);
  g_assert_true (trellis_undo_stack_undo (fixture->stack));
  g_signal_handlers_disconnect_by_func (fixture->project, changed_cb, fixture);
}

int
main (int   argc,
      char *argv[])
{
  gconstpointer answered = GUINT_TO_POINTER (1);
  gconstpointer unanswered = GUINT_TO_POINTER (0);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/checklist-edit/move/within-section", test_move_within_section, answered);
  ADD ("/checklist-edit/move/across-sections", test_move_across_sections, answered);
  ADD ("/checklist-edit/move/multi-part", test_move_multi_part, answered);
  ADD ("/checklist-edit/move/section", test_move_section, answered);
  ADD ("/checklist-edit/cut-restore", test_cut_restore, answered);
  ADD ("/checklist-edit/text", test_edit_text, answered);
  ADD ("/checklist-edit/add-delete", test_add_and_delete, answered);
  ADD ("/checklist-edit/delete-answered", test_delete_answered, answered);
  ADD ("/checklist-edit/kind", test_change_kind, answered);
  ADD ("/checklist-edit/scale/answered", test_scale, answered);
  ADD ("/checklist-edit/scale/unanswered", test_scale, unanswered);
  ADD ("/checklist-edit/renumber", test_renumber, answered);
  ADD ("/checklist-edit/answers-stay-attached", test_answers_stay_attached, GUINT_TO_POINTER (2));
  ADD ("/checklist-edit/changes-while-applying", test_changes_while_applying, answered);
#undef ADD

  return g_test_run ();
}
