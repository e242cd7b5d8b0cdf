/* test-io-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-io-common.h"
#include "trellis-test-project.h"

static TrellisStatement *
add_part (TrellisStatement *multi,
          const char       *id,
          const char       *number,
          const char       *text)
{
  g_autoptr(TrellisStatement) part = trellis_statement_new (id, TRELLIS_STATEMENT_RATING);

  trellis_statement_set_number (part, number);
  trellis_statement_set_text (part, text);
  trellis_statement_append_child (multi, part);
  return part;
}

static TrellisSection *
add_section (TrellisChecklist *checklist,
             const char       *id,
             const char       *title)
{
  g_autoptr(TrellisSection) section = trellis_section_new (id);

  trellis_section_set_code (section, id);
  trellis_section_set_title (section, title);
  trellis_checklist_append_section (checklist, section);
  return section;
}

static TrellisChecklist *
build_checklist (void)
{
  TrellisChecklist *checklist = trellis_checklist_new ();
  g_autoptr(TrellisScale) agreement = trellis_scale_new_agreement ();
  g_autoptr(TrellisScale) importance = trellis_scale_new ("importance", 4);
  TrellisSection *a, *b, *c;
  TrellisStatement *statement, *multi;

  trellis_checklist_set_title (checklist, "Partnership checklist");
  trellis_checklist_set_description (checklist, "Rate each statement.\nTwice: agreement & importance.");
  trellis_checklist_set_template_id (checklist, "is-ofpc");
  trellis_checklist_set_template_version (checklist, "2");

  trellis_scale_set_title (importance, "Importance");
  trellis_scale_set_point_label (importance, 1, "Not important");
  trellis_scale_set_point_label (importance, 2, "Slightly important");
  trellis_scale_set_point_label (importance, 4, "Essential");
  trellis_scale_set_allow_dk (importance, FALSE);
  /* Format 1.2: what the scale measures. */
  trellis_scale_set_role (importance, TRELLIS_SCALE_ROLE_IMPORTANCE);
  trellis_scale_set_na_label (importance, "Does not apply");
  trellis_checklist_append_scale (checklist, agreement);
  trellis_checklist_append_scale (checklist, importance);

  a = add_section (checklist, "A", "Remit & membership");
  trellis_section_set_description (a, "How the partnership is set up <and why>.");
  statement = trellis_test_add_statement (a, "s1", "1", TRELLIS_STATEMENT_RATING, "The partnership has a clear remit.");
  trellis_statement_set_questions (statement, "Is the remit written down?\nWho agreed it?");
  trellis_statement_set_best_case (statement, "Everyone can state the remit.");
  trellis_statement_set_worst_case (statement, "Nobody knows why we meet.");
  trellis_statement_set_note (statement, "Reworded for our board — see minutes of 3 May.");
  statement = trellis_test_add_statement (a, "s2", "2", TRELLIS_STATEMENT_RATING, "Meetings are a good use of time.");
  trellis_statement_set_included (statement, FALSE);
  trellis_test_add_statement (a, "s3", "3", TRELLIS_STATEMENT_COMMENT, "Any other comments on this section?");

  b = add_section (checklist, "B", "Informed by evidence");
  trellis_section_set_included (b, FALSE);
  trellis_test_add_statement (b, "s4", "4", TRELLIS_STATEMENT_RATING, "Decisions use local data.");

  c = add_section (checklist, "C", "Outcomes");
  multi = trellis_test_add_statement (c, "s5", "5", TRELLIS_STATEMENT_MULTI, "By working together, the partnership has");
  statement = add_part (multi, "s5a", "5a", "Tackled cross-cutting issues");
  /* Emphasis in the middle, at the start and at the end of the text. */
  trellis_statement_set_text_markup (statement, "Tackled <em>cross-cutting</em> issues");
  statement = add_part (multi, "s5b", "5b", "Shifted resources to prevention");
  trellis_statement_set_included (statement, FALSE);
  add_part (multi, "s5c", "5c", "Achieved other benefits (please specify)");
  statement = trellis_test_add_statement (c, "u1", NULL, TRELLIS_STATEMENT_RATING, "A statement we added ourselves.");
  trellis_statement_set_text_markup (statement, "<em>A statement</em> we added <em>ourselves.</em>");
  trellis_test_add_statement (c, "s6", "6", TRELLIS_STATEMENT_COMMENT, "Any other comments?");

  return checklist;
}

static TrellisRound *
build_round (TrellisChecklist *checklist)
{
  TrellisRound *round = trellis_round_new ("r1");
  g_auto(GStrv) items = trellis_checklist_dup_item_keys (checklist, TRUE);
  guint n_items = g_strv_length (items);
  g_autofree TrellisAnswer *answers = g_new0 (TrellisAnswer, n_items);
  const char *groups[] = { "Police", "Health", NULL, "Voluntary sector — Côte", "Police" };
  /* One column of every role, and a value rule for every kind of answer. */
  static const struct
  {
    const char        *header;
    TrellisColumnRole  role;
    const char        *target;
  } columns[] = {
    { "Respondent ID", TRELLIS_COLUMN_IDENTIFYING, NULL },
    { "1. The partnership has a clear remit.", TRELLIS_COLUMN_ITEM, "s1" },
    { "1. Importance", TRELLIS_COLUMN_ITEM, "s1@importance" },
    { "Comments on A <section>", TRELLIS_COLUMN_COMMENT, "A" },
    { "Sector", TRELLIS_COLUMN_GROUP, NULL },
    { "Start date", TRELLIS_COLUMN_METADATA, NULL },
    { "Status", TRELLIS_COLUMN_COMPLETION, NULL },
    { "", TRELLIS_COLUMN_IGNORED, NULL },
  };
  static const struct
  {
    const char    *text;
    TrellisAnswer  answer;
  } values[] = {
    { "Agree somewhat", 4 },
    { "N/A", TRELLIS_ANSWER_NOT_APPLICABLE },
    { "Unsure", TRELLIS_ANSWER_DONT_KNOW },
    { "(no answer)", TRELLIS_ANSWER_BLANK },
  };

  trellis_round_set_label (round, "Autumn 2026 & “pilot”");
  g_assert_true (trellis_round_set_date (round, "2026-10-12"));
  trellis_round_set_source (round, "export (1).csv");
  trellis_round_set_n_excluded (round, 3);
  g_assert_true (trellis_round_set_items (round, (const char * const *) items));

  for (guint r = 0; r < G_N_ELEMENTS (groups); r++)
    {
      for (guint i = 0; i < n_items; i++)
        {
          TrellisScale *scale = NULL;
          guint n_points;
          guint pick = (r * 2 + i * 3) % 7;

          g_assert_true (trellis_checklist_lookup_item_key (checklist, items[i], NULL, &scale));
          n_points = trellis_scale_get_n_points (scale);
          if (pick < n_points)
            answers[i] = pick + 1;
          else if (pick == 5)
            answers[i] = TRELLIS_ANSWER_BLANK;
          else if (pick == 6 && trellis_scale_get_allow_dk (scale))
            answers[i] = TRELLIS_ANSWER_DONT_KNOW;
          else
            answers[i] = TRELLIS_ANSWER_NOT_APPLICABLE;
        }
      /* A question the survey did not show this respondent (LimeSurvey's conditions). */
      if (r == 1)
        answers[0] = TRELLIS_ANSWER_NOT_SHOWN;
      trellis_round_add_response (round, answers, groups[r]);
    }

  trellis_round_add_comment (round, "C", "Outcomes are hard to see.");
  trellis_round_add_comment (round, "A", TEST_TRICKY_COMMENT);
  trellis_round_add_comment (round, "A", "  leading and trailing spaces  ");
  trellis_round_add_comment (round, "C", "");
  trellis_round_set_comment_flags (round, "C", 0, TRELLIS_COMMENT_KEY);
  trellis_round_set_comment_flags (round, "A", 1, TRELLIS_COMMENT_HIDDEN);
  trellis_round_set_comment_flags (round, "C", 1, TRELLIS_COMMENT_KEY | TRELLIS_COMMENT_HIDDEN);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(TrellisColumnRule) column =
        trellis_column_rule_new (columns[i].header, columns[i].role, columns[i].target);

      trellis_round_add_column_rule (round, column);
    }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(TrellisValueRule) value = trellis_value_rule_new (values[i].text, values[i].answer);

      trellis_round_add_value_rule (round, value);
    }

  return round;
}

static void
add_action (TrellisPlan         *plan,
            const char          *id,
            TrellisActionStatus  status)
{
  g_autoptr(TrellisAction) action = trellis_action_new (id);

  trellis_action_set_status (action, status);
  trellis_plan_append_action (plan, action);
}

/* Every element and attribute the format has, with values that need escaping. */
TrellisProject *
test_build_full_project (void)
{
  TrellisProject *project = trellis_project_new ();
  g_autoptr(TrellisChecklist) checklist = build_checklist ();
  g_autoptr(TrellisRound) round = NULL;
  g_autoptr(TrellisRound) empty_round = trellis_round_new ("r2");
  g_autoptr(TrellisAction) action = trellis_action_new ("a1");
  TrellisPlan *plan = trellis_project_get_plan (project);
  const char * const statement_ids[] = { "s1", "s5a", NULL };
  const char * const section_ids[] = { "B", NULL };

  trellis_project_set_name (project, "Northshire Community Safety Partnership");
  trellis_project_set_description (project, "Our partnership — “Safer Northshire” <since 2019> & more.");
  trellis_project_set_min_group_size (project, 4);
  trellis_project_set_redact_names (project, (const char * const[]) { "Fiona MacLeod", "Siân <O’Neil> & co", NULL });
  trellis_project_set_checklist (project, checklist);

  round = build_round (checklist);
  trellis_project_append_round (project, round);
  /* As if 5a had been reworded since the round answered it. */
  trellis_round_set_statement_wording (round, "s5a", "Tackled issues <em>that cut across</em> themes &amp; groups");
  trellis_round_set_label (empty_round, "Spring 2027");
  trellis_project_append_round (project, empty_round);

  trellis_action_set_area (action, "Remit");
  trellis_action_set_text (action, "Write the remit down & agree it.");
  trellis_action_set_responsible (action, "Chair (Police Scotland)");
  trellis_action_set_due (action, "March 2027");
  trellis_action_set_notes (action, "Agreed in the workshop.\nReview in June.");
  trellis_action_set_round_id (action, "r1");
  trellis_action_set_statement_ids (action, statement_ids);
  trellis_action_set_section_ids (action, section_ids);
  trellis_action_set_status (action, TRELLIS_ACTION_IN_PROGRESS);
  trellis_plan_append_action (plan, action);
  add_action (plan, "a2", TRELLIS_ACTION_NOT_STARTED);
  add_action (plan, "a3", TRELLIS_ACTION_DONE);
  add_action (plan, "a4", TRELLIS_ACTION_POSTPONED);
  add_action (plan, "a5", TRELLIS_ACTION_CANCELLED);

  return project;
}

/* Deletes @path and all below it, read-only folders too (some tests make them so). */
void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      g_chmod (path, 0700);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}
