/* test-plan.c: the improvement plan's edits with undo and redo, timescales, sorting,
 * filtering and the follow-up of actions over rounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "trellis-model.h"

static TrellisAction *
add_filled (TrellisPlan        *plan,
            const char         *area,
            const char         *responsible,
            const char         *due,
            TrellisActionStatus status)
{
  TrellisAction *action = trellis_plan_edit_add (plan, NULL, G_MAXUINT);

  trellis_action_set_area (action, area);
  trellis_action_set_text (action, area);
  trellis_action_set_responsible (action, responsible);
  trellis_action_set_due (action, due);
  trellis_action_set_status (action, status);
  return action;
}

static char *
plan_areas (TrellisPlan *plan)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < trellis_plan_get_n_actions (plan); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", trellis_action_get_area (trellis_plan_get_action (plan, i)));
  return g_string_free (out, FALSE);
}

static void
assert_plan (TrellisPlan *plan,
             const char  *expected)
{
  g_autofree char *areas = plan_areas (plan);

  g_assert_cmpstr (areas, ==, expected);
}

static void
test_add_delete_move_undo (void)
{
  g_autoptr(TrellisPlan) plan = trellis_plan_new ();
  g_autoptr(TrellisUndoStack) undo = trellis_undo_stack_new ();
  TrellisAction *a, *b, *c;

  a = trellis_plan_edit_add (plan, undo, G_MAXUINT);
  trellis_action_set_area (a, "A");
  b = trellis_plan_edit_add (plan, undo, G_MAXUINT);
  trellis_action_set_area (b, "B");
  c = trellis_plan_edit_add (plan, undo, 0);
  trellis_action_set_area (c, "C");
  g_assert_cmpstr (trellis_action_get_id (a), !=, trellis_action_get_id (b));
  g_assert_cmpint (trellis_action_get_status (a), ==, TRELLIS_ACTION_NOT_STARTED);
  assert_plan (plan, "C,A,B");
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (undo), ==, "Add Action");

  g_assert_true (trellis_plan_edit_move (plan, undo, 0, 2));
  assert_plan (plan, "A,B,C");
  g_assert_false (trellis_plan_edit_move (plan, undo, 1, 1));
  g_assert_false (trellis_plan_edit_move (plan, undo, 0, 3));
  trellis_plan_edit_remove (plan, undo, b);
  assert_plan (plan, "A,C");

  g_assert_true (trellis_undo_stack_undo (undo));
  assert_plan (plan, "A,B,C");
  g_assert_true (trellis_plan_get_action (plan, 1) == b);
  g_assert_true (trellis_undo_stack_undo (undo));
  assert_plan (plan, "C,A,B");
  g_assert_true (trellis_undo_stack_undo (undo));
  assert_plan (plan, "A,B");
  g_assert_true (trellis_undo_stack_redo (undo));
  g_assert_true (trellis_undo_stack_redo (undo));
  g_assert_true (trellis_undo_stack_redo (undo));
  assert_plan (plan, "A,C");
  while (trellis_undo_stack_undo (undo))
    ;
  g_assert_cmpuint (trellis_plan_get_n_actions (plan), ==, 0);
}

static void
test_field_edits_undo (void)
{
  g_autoptr(TrellisPlan) plan = trellis_plan_new ();
  g_autoptr(TrellisUndoStack) undo = trellis_undo_stack_new ();
  TrellisAction *action = trellis_plan_edit_add (plan, undo, 0);
  const char *ids[] = { "s1", "s2", NULL };

  /* Typing in one field is one step; leaving it seals the step. */
  trellis_plan_edit_set_string (action, undo, "text", "A");
  trellis_plan_edit_set_string (action, undo, "text", "Ag");
  trellis_plan_edit_set_string (action, undo, "text", "Agree");
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (undo), ==, "Edit Key Action");
  trellis_undo_stack_seal (undo);
  trellis_plan_edit_set_string (action, undo, "responsible", "Chair");
  trellis_plan_edit_set_string (action, undo, "responsible", "");
  g_assert_null (trellis_action_get_responsible (action));
  trellis_undo_stack_seal (undo);
  trellis_plan_edit_set_string (action, undo, "responsible", "Łukasz");
  trellis_plan_edit_set_status (action, undo, TRELLIS_ACTION_AT_RISK);
  trellis_plan_edit_set_statement_ids (action, undo, ids);

  g_assert_true (trellis_undo_stack_undo (undo));
  g_assert_cmpuint (g_strv_length ((char **) trellis_action_get_statement_ids (action)), ==, 0);
  g_assert_true (trellis_undo_stack_undo (undo));
  g_assert_cmpint (trellis_action_get_status (action), ==, TRELLIS_ACTION_NOT_STARTED);
  g_assert_true (trellis_undo_stack_undo (undo));
  g_assert_null (trellis_action_get_responsible (action));
  g_assert_true (trellis_undo_stack_undo (undo));
  g_assert_null (trellis_action_get_responsible (action));
  g_assert_true (trellis_undo_stack_undo (undo));
  g_assert_null (trellis_action_get_text (action));
  g_assert_true (trellis_undo_stack_redo (undo));
  g_assert_cmpstr (trellis_action_get_text (action), ==, "Agree");
  while (trellis_undo_stack_redo (undo))
    ;
  g_assert_cmpstr (trellis_action_get_responsible (action), ==, "Łukasz");
  g_assert_cmpint (trellis_action_get_status (action), ==, TRELLIS_ACTION_AT_RISK);
  g_assert_cmpstrv (trellis_action_get_statement_ids (action), ids);

  /* Deleting then undoing keeps the same object, so the field edits below still apply. */
  trellis_plan_edit_remove (plan, undo, action);
  g_assert_true (trellis_undo_stack_undo (undo));
  g_assert_true (trellis_plan_get_action (plan, 0) == action);
  while (trellis_undo_stack_undo (undo))
    ;
  g_assert_cmpuint (trellis_plan_get_n_actions (plan), ==, 0);
}

static void
assert_timescale (const char           *text,
                  TrellisTimescaleKind  kind,
                  const char           *end)
{
  g_autoptr(GError) error = NULL;
  TrellisTimescaleKind found;
  GDate date;
  char iso[16] = "";

  g_date_clear (&date, 1);
  if (!trellis_timescale_parse (text, &found, &date, &error))
    g_error ("“%s”: %s", text, error->message);
  g_assert_cmpint (found, ==, kind);
  if (kind != TRELLIS_TIMESCALE_NONE)
    g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
  g_assert_cmpstr (iso, ==, end);
}

static void
assert_unreadable (const char *text,
                   int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (trellis_timescale_parse (text, NULL, NULL, &error));
  g_assert_error (error, TRELLIS_TIMESCALE_ERROR, code);
  g_assert_nonnull (error->message);
}

static void
test_timescale (void)
{
  GDate today;

  assert_timescale (NULL, TRELLIS_TIMESCALE_NONE, "");
  assert_timescale ("   ", TRELLIS_TIMESCALE_NONE, "");
  assert_timescale ("2027-03-31", TRELLIS_TIMESCALE_DAY, "2027-03-31");
  assert_timescale ("31/03/2027", TRELLIS_TIMESCALE_DAY, "2027-03-31");
  assert_timescale ("1.4.2027", TRELLIS_TIMESCALE_DAY, "2027-04-01");
  assert_timescale ("31 March 2027", TRELLIS_TIMESCALE_DAY, "2027-03-31");
  assert_timescale ("31st Mar 2027", TRELLIS_TIMESCALE_DAY, "2027-03-31");
  assert_timescale ("March 31, 2027", TRELLIS_TIMESCALE_DAY, "2027-03-31");
  assert_timescale ("Q2 2027", TRELLIS_TIMESCALE_PERIOD, "2027-06-30");
  assert_timescale ("q4 2027", TRELLIS_TIMESCALE_PERIOD, "2027-12-31");
  assert_timescale ("H1 2028", TRELLIS_TIMESCALE_PERIOD, "2028-06-30");
  assert_timescale ("by March 2027", TRELLIS_TIMESCALE_PERIOD, "2027-03-31");
  assert_timescale ("By  the end of   February 2028", TRELLIS_TIMESCALE_PERIOD, "2028-02-29");
  assert_timescale ("March 2027", TRELLIS_TIMESCALE_PERIOD, "2027-03-31");
  assert_timescale ("Sept 2027", TRELLIS_TIMESCALE_PERIOD, "2027-09-30");
  assert_timescale ("2027", TRELLIS_TIMESCALE_PERIOD, "2027-12-31");
  assert_timescale ("end of 2027", TRELLIS_TIMESCALE_PERIOD, "2027-12-31");
  /* Welsh, whatever the locale. */
  assert_timescale ("erbyn Mawrth 2027", TRELLIS_TIMESCALE_PERIOD, "2027-03-31");
  assert_timescale ("Erbyn diwedd Chwefror 2028", TRELLIS_TIMESCALE_PERIOD, "2028-02-29");
  assert_timescale ("31 Mawrth 2027", TRELLIS_TIMESCALE_DAY, "2027-03-31");
  assert_timescale ("Mai 2027", TRELLIS_TIMESCALE_PERIOD, "2027-05-31");
  assert_timescale ("Medi 2027", TRELLIS_TIMESCALE_PERIOD, "2027-09-30");
  assert_timescale ("Ch2 2027", TRELLIS_TIMESCALE_PERIOD, "2027-06-30");
  assert_timescale ("cyn Rhagfyr 2027", TRELLIS_TIMESCALE_PERIOD, "2027-12-31");

  assert_unreadable ("next spring", TRELLIS_TIMESCALE_ERROR_UNREADABLE);
  assert_unreadable ("Q5 2027", TRELLIS_TIMESCALE_ERROR_UNREADABLE);
  assert_unreadable ("ASAP", TRELLIS_TIMESCALE_ERROR_UNREADABLE);
  assert_unreadable ("20270", TRELLIS_TIMESCALE_ERROR_UNREADABLE);
  assert_unreadable ("31/02/2027", TRELLIS_TIMESCALE_ERROR_NO_SUCH_DAY);
  assert_unreadable ("2027-13-01", TRELLIS_TIMESCALE_ERROR_NO_SUCH_DAY);
  assert_unreadable ("32 March 2027", TRELLIS_TIMESCALE_ERROR_NO_SUCH_DAY);
  assert_unreadable ("\xff\xfe", TRELLIS_TIMESCALE_ERROR_UNREADABLE);

  g_date_set_dmy (&today, 1, 4, 2027);
  g_assert_true (trellis_timescale_is_past ("Q1 2027", &today));
  g_assert_false (trellis_timescale_is_past ("Q2 2027", &today));
  g_assert_false (trellis_timescale_is_past ("2027-04-01", &today));
  g_assert_false (trellis_timescale_is_past ("sometime", &today));
  g_assert_false (trellis_timescale_is_past (NULL, &today));
}

static char *
query_areas (TrellisPlan             *plan,
             TrellisPlanSort          sort,
             const TrellisPlanFilter *filter)
{
  g_autoptr(GPtrArray) actions = trellis_plan_query (plan, sort, filter);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < actions->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", trellis_action_get_area (g_ptr_array_index (actions, i)));
  return g_string_free (out, FALSE);
}

#define assert_query(plan, sort, filter, expected) \
  G_STMT_START { \
    g_autofree char *areas_ = query_areas (plan, sort, filter); \
    g_assert_cmpstr (areas_, ==, expected); \
  } G_STMT_END

static void
test_sort_filter (void)
{
  g_autoptr(TrellisPlan) plan = trellis_plan_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  TrellisPlanFilter filter;
  GDate today;

  add_filled (plan, "Reporting", "Chair", "Q1 2027", TRELLIS_ACTION_ON_TRACK);
  add_filled (plan, "évidence", "Analyst", "2027-06-01", TRELLIS_ACTION_AT_RISK);
  add_filled (plan, "Budgets", "chair ", "sometime", TRELLIS_ACTION_NOT_STARTED);
  add_filled (plan, "Agenda", NULL, "by January 2027", TRELLIS_ACTION_DONE);
  add_filled (plan, "Culture", "Łukasz", "2026-12-01", TRELLIS_ACTION_NOT_STARTED);

  assert_query (plan, TRELLIS_PLAN_SORT_PLAN, NULL, "Reporting,évidence,Budgets,Agenda,Culture");
  assert_query (plan, TRELLIS_PLAN_SORT_AREA, NULL, "Agenda,Budgets,Culture,évidence,Reporting");
  /* Nobody responsible sorts last; equal names keep the plan's order. */
  assert_query (plan, TRELLIS_PLAN_SORT_RESPONSIBLE, NULL, "évidence,Reporting,Budgets,Culture,Agenda");
  assert_query (plan, TRELLIS_PLAN_SORT_STATUS, NULL, "évidence,Budgets,Culture,Reporting,Agenda");
  assert_query (plan, TRELLIS_PLAN_SORT_DUE, NULL, "Culture,Agenda,Reporting,évidence,Budgets");

  trellis_plan_filter_init (&filter);
  g_assert_true (trellis_plan_filter_is_empty (&filter));
  filter.area = "EVID";
  assert_query (plan, TRELLIS_PLAN_SORT_PLAN, &filter, "évidence");
  trellis_plan_filter_init (&filter);
  filter.responsible = "chair";
  assert_query (plan, TRELLIS_PLAN_SORT_PLAN, &filter, "Reporting,Budgets");
  trellis_plan_filter_init (&filter);
  filter.status = TRELLIS_ACTION_NOT_STARTED;
  assert_query (plan, TRELLIS_PLAN_SORT_AREA, &filter, "Budgets,Culture");
  trellis_plan_filter_init (&filter);
  g_date_set_dmy (&today, 15, 4, 2027);
  filter.overdue_only = TRUE;
  filter.today = &today;
  g_assert_false (trellis_plan_filter_is_empty (&filter));
  /* Done is never overdue; an unreadable timescale cannot be. */
  assert_query (plan, TRELLIS_PLAN_SORT_DUE, &filter, "Culture,Reporting");
  filter.responsible = "ł";
  assert_query (plan, TRELLIS_PLAN_SORT_DUE, &filter, "Culture");

  trellis_plan_get_responsible_names (plan, names);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Chair");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "Łukasz");
}

/* Two statements; in round 1 half agree with each, in round 2 three quarters. */
static TrellisProject *
two_round_project (void)
{
  TrellisProject *project = trellis_project_new ();
  g_autoptr(TrellisScale) scale = trellis_scale_new_agreement ();
  g_autoptr(TrellisSection) section = trellis_section_new ("A");
  const char *keys[] = { "s1", "s2", NULL };
  const TrellisAnswer first[][2] = { { 5, 4 }, { 4, 2 }, { 2, 1 }, { 1, 5 } };
  const TrellisAnswer second[][2] = { { 5, 4 }, { 4, 4 }, { 4, 1 }, { 1, 5 } };

  trellis_checklist_append_scale (trellis_project_get_checklist (project), scale);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(TrellisStatement) statement = trellis_statement_new (keys[i], TRELLIS_STATEMENT_RATING);
      trellis_statement_set_number (statement, i == 0 ? "1" : "2");
      trellis_section_append_statement (section, statement);
    }
  trellis_checklist_append_section (trellis_project_get_checklist (project), section);
  for (guint r = 0; r < 2; r++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", r + 1);
      g_autoptr(TrellisRound) round = trellis_round_new (id);

      trellis_round_set_label (round, r == 0 ? "Autumn 2026" : "Spring 2027");
      trellis_round_set_items (round, keys);
      for (guint i = 0; i < 4; i++)
        trellis_round_add_response (round, r == 0 ? first[i] : second[i], NULL);
      trellis_project_append_round (project, round);
    }
  return project;
}

static void
test_follow_up (void)
{
  g_autoptr(TrellisProject) project = two_round_project ();
  TrellisPlan *plan = trellis_project_get_plan (project);
  TrellisAction *linked = add_filled (plan, "Linked", NULL, NULL, TRELLIS_ACTION_ON_TRACK);
  TrellisAction *unlinked = add_filled (plan, "Unlinked", NULL, NULL, TRELLIS_ACTION_ON_TRACK);
  TrellisAction *latest = add_filled (plan, "Latest", NULL, NULL, TRELLIS_ACTION_ON_TRACK);
  const char *ids[] = { "s1", "s2", "gone", NULL };
  g_autoptr(TrellisPlanFollowUp) follow_up = trellis_plan_follow_up_new (project);
  TrellisActionFollowUp result;
  g_autofree char *short_text = NULL, *long_text = NULL;

  trellis_action_set_statement_ids (linked, ids);
  trellis_action_set_round_id (linked, "r1");
  trellis_action_set_round_id (unlinked, "r1");
  trellis_action_set_statement_ids (latest, ids);
  trellis_action_set_round_id (latest, "r2");

  g_assert_true (trellis_plan_follow_up_get (follow_up, linked, &result));
  g_assert_cmpuint (result.n_statements, ==, 2);
  /* Pooled: 4 of 8 answers agree, then 6 of 8. */
  g_assert_cmpfloat_with_epsilon (result.agree_before, 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.agree_now, 75.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.change, 25.0, 1e-9);
  g_assert_cmpstr (trellis_round_get_label (result.since), ==, "Autumn 2026");
  short_text = trellis_action_follow_up_format (&result, FALSE);
  g_assert_cmpstr (short_text, ==, "↑ 25 points");
  long_text = trellis_action_follow_up_format (&result, TRUE);
  g_assert_cmpstr (long_text, ==, "↑ 25 points since Autumn 2026 (50% → 75% agree)");

  g_assert_false (trellis_plan_follow_up_get (follow_up, unlinked, &result));
  g_assert_false (trellis_plan_follow_up_get (follow_up, latest, &result));
}

/* A section linked whole stands for its statements: their pooled % agree, one step of
 * undo with the statements linked alone, and named by the section in the label. */
static void
test_section_links (void)
{
  g_autoptr(TrellisProject) project = two_round_project ();
  g_autoptr(TrellisUndoStack) undo = trellis_undo_stack_new ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisPlan *plan = trellis_project_get_plan (project);
  TrellisAction *action = add_filled (plan, "Whole section", NULL, NULL, TRELLIS_ACTION_ON_TRACK);
  const char *sections[] = { "A", NULL };
  const char *statements[] = { "s2", NULL };
  g_autoptr(TrellisPlanFollowUp) follow_up = NULL;
  TrellisActionFollowUp result;
  g_auto(GStrv) ids = NULL;
  g_autofree char *label = NULL, *numbers = NULL, *both = NULL;

  trellis_action_set_round_id (action, "r1");
  trellis_plan_edit_set_links (action, undo, statements, sections);
  g_assert_cmpstr (trellis_action_get_section_ids (action)[0], ==, "A");
  g_assert_cmpstr (trellis_action_get_statement_ids (action)[0], ==, "s2");
  /* Each statement once, the section's first. */
  ids = trellis_action_dup_linked_statement_ids (action, checklist);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "s1");
  g_assert_cmpstr (ids[1], ==, "s2");
  both = trellis_action_dup_links_label (action, checklist, FALSE);
  g_assert_cmpstr (both, ==, "Section A; statements 2");

  g_assert_true (trellis_undo_stack_undo (undo));
  g_assert_null (trellis_action_get_section_ids (action)[0]);
  g_assert_null (trellis_action_get_statement_ids (action)[0]);
  g_assert_null (trellis_action_dup_links_label (action, checklist, FALSE));
  g_assert_false (trellis_undo_stack_get_can_undo (undo));
  g_assert_true (trellis_undo_stack_redo (undo));
  trellis_plan_edit_set_links (action, undo, NULL, sections);
  label = trellis_action_dup_links_label (action, checklist, FALSE);
  g_assert_cmpstr (label, ==, "Section A");
  numbers = trellis_action_dup_links_label (action, checklist, TRUE);
  g_assert_cmpstr (numbers, ==, "A");

  /* The section's combined answers: 4 of 8 agree, then 6 of 8. */
  follow_up = trellis_plan_follow_up_new (project);
  g_assert_true (trellis_plan_follow_up_get (follow_up, action, &result));
  g_assert_cmpuint (result.n_statements, ==, 2);
  g_assert_cmpfloat_with_epsilon (result.agree_before, 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (result.agree_now, 75.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/edits/add-delete-move", test_add_delete_move_undo);
  g_test_add_func ("/plan/edits/fields", test_field_edits_undo);
  g_test_add_func ("/plan/timescale", test_timescale);
  g_test_add_func ("/plan/sort-filter", test_sort_filter);
  g_test_add_func ("/plan/follow-up", test_follow_up);
  g_test_add_func ("/plan/section-links", test_section_links);

  return g_test_run ();
}
