/* trellis-test-project.c: realistic projects built in code for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-test"

#include "config.h"

#include <math.h>

#include "trellis-template.h"
#include "trellis-test-project.h"

/* Test data must not change when GLib's random generator does: reference images and
 * benchmark numbers depend on it. xorshift32 is enough. */
typedef struct
{
  guint32 state;
} TestRandom;

static double
random_double (TestRandom *random)
{
  guint32 x = random->state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  random->state = x;
  return (x >> 8) / (double) (1u << 24);
}

/* One respondent's answer to an item whose partners lean towards @lean (1 to 5). */
static TrellisAnswer
simulate_answer (TestRandom *random,
                 double      lean,
                 double      bias,
                 double      p_not_applicable,
                 double      p_dont_know)
{
  double roll = random_double (random);
  double value;

  if (roll < p_not_applicable)
    return TRELLIS_ANSWER_NOT_APPLICABLE;
  if (roll < p_not_applicable + p_dont_know)
    return TRELLIS_ANSWER_DONT_KNOW;
  if (roll > 0.985)
    return TRELLIS_ANSWER_BLANK;
  value = lean + bias + (random_double (random) + random_double (random) - 1.0) * 1.6;
  return (TrellisAnswer) CLAMP (lround (value), 1, 5);
}

static const char *sample_groups[] = {
  "Council", "Council", "Council", "Council", "Council", "Council", "Council", "Council", "Council",
  "Health board", "Health board", "Health board", "Health board", "Health board", "Health board",
  "Health board", "Police Scotland", "Police Scotland", "Police Scotland", "Police Scotland",
  "Police Scotland", "Voluntary sector", "Voluntary sector", "Voluntary sector",
};

static const struct
{
  const char *section_id;
  const char *text;
} sample_comments[] = {
  { "A", "Meetings are too long and the agenda arrives late, so we rubber-stamp papers rather than discuss them." },
  { "A", "The remit was refreshed last year and is much clearer now." },
  { "A", "Not everyone round the table knows what the other theme groups are doing." },
  { "B", "We have plenty of data but little shared analysis; each partner brings its own numbers." },
  { "B", "The joint strategic needs assessment was excellent — more of this, please." },
  { "C", "Outcomes are agreed but nobody owns them between meetings." },
  { "C", "The café conversations with residents in Ardmore were the best engagement we have done." },
  { "D", "Performance reports are written for the board, not for the people doing the work." },
  { "D", "Hard to tell whether anything we fund actually makes a difference." },
  { "D", "Zoë’s work on the dashboard should be shared with every theme group." },
};

static TrellisRound *
simulate_round (TrellisProject *project,
                guint           index,
                TestRandom     *random)
{
  static const char *labels[] = { "Spring 2026", "Autumn 2026", "Spring 2027" };
  static const char *dates[] = { "2026-03-16", "2026-10-12", "2027-03-15" };
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autofree char *id = g_strdup_printf ("r%u", index + 1);
  g_autoptr(TrellisRound) round = trellis_round_new (id);
  g_auto(GStrv) keys = trellis_checklist_dup_item_keys (checklist, TRUE);
  guint n_items = g_strv_length (keys);
  g_autofree TrellisAnswer *answers = g_new (TrellisAnswer, n_items);

  g_assert_cmpuint (index, <, G_N_ELEMENTS (labels));
  trellis_round_set_label (round, labels[index]);
  trellis_round_set_date (round, dates[index]);
  trellis_round_set_source (round, "partnership-survey.csv");
  trellis_round_set_items (round, (const char * const *) keys);

  for (guint r = 0; r < G_N_ELEMENTS (sample_groups); r++)
    {
      double bias = (random_double (random) - 0.5) * 1.4;

      for (guint i = 0; i < n_items; i++)
        {
          /* Each item has its own lean, stable across rounds, improving a little each
           * round; some items are often Not applicable or Don't know. */
          double lean = 1.9 + 2.7 * fmod (i * 0.618034, 1.0) + 0.3 * index;
          double p_na = (i % 7 == 3) ? 0.15 : 0.02;
          double p_dk = (i % 5 == 1) ? 0.12 : 0.03;

          answers[i] = simulate_answer (random, lean, bias, p_na, p_dk);
        }
      trellis_round_add_response (round, answers, sample_groups[r]);
    }
  for (guint c = 0; c < G_N_ELEMENTS (sample_comments); c++)
    if ((c + index) % 4 != 3)
      trellis_round_add_comment (round, sample_comments[c].section_id, sample_comments[c].text);
  return g_steal_pointer (&round);
}

static void
add_plan (TrellisProject *project)
{
  static const struct
  {
    const char *area, *text, *responsible, *due;
    TrellisActionStatus status;
    const char *statements[3];
  } actions[] = {
    { "Meetings", "Send papers a week ahead and put decisions, not reports, at the top of the agenda.",
      "Partnership manager", "2026-06", TRELLIS_ACTION_IN_PROGRESS, { "s7", "s9", NULL } },
    { "Evidence", "Agree one shared set of local indicators and analyse them together each quarter.",
      "Analysts’ network", "2026-09", TRELLIS_ACTION_NOT_STARTED, { "s19", "s20", NULL } },
    { "Outcomes", "Name a lead partner for each priority outcome and report progress at every meeting.",
      "Chair", "2026-05", TRELLIS_ACTION_DONE, { "s27", NULL, NULL } },
  };
  TrellisPlan *plan = trellis_project_get_plan (project);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *id = trellis_plan_new_action_id (plan);
      g_autoptr(TrellisAction) action = trellis_action_new (id);

      trellis_action_set_area (action, actions[i].area);
      trellis_action_set_text (action, actions[i].text);
      trellis_action_set_responsible (action, actions[i].responsible);
      trellis_action_set_due (action, actions[i].due);
      trellis_action_set_status (action, actions[i].status);
      trellis_action_set_round_id (action, "r1");
      trellis_action_set_statement_ids (action, actions[i].statements);
      trellis_plan_append_action (plan, action);
    }
}

TrellisStatement *
trellis_test_add_statement (TrellisSection       *section,
                            const char           *id,
                            const char           *number,
                            TrellisStatementKind  kind,
                            const char           *text)
{
  g_autoptr(TrellisStatement) statement = trellis_statement_new (id, kind);

  trellis_statement_set_number (statement, number);
  trellis_statement_set_text (statement, text);
  trellis_section_append_statement (section, statement);
  return statement;
}

TrellisProject *
trellis_test_project_new_sample (guint n_rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project =
    trellis_project_new_from_template ("is-ofpc", "Northshire Community Safety Partnership", &error);
  TestRandom random = { 20261012 };

  g_assert_no_error (error);

  for (guint i = 0; i < n_rounds; i++)
    {
      g_autoptr(TrellisRound) round = simulate_round (project, i, &random);
      trellis_project_append_round (project, round);
    }
  add_plan (project);
  return g_steal_pointer (&project);
}

TrellisProject *
trellis_test_project_new_edge_cases (guint n_respondents)
{
  g_autoptr(TrellisProject) project = trellis_project_new ();
  g_autoptr(TrellisScale) scale = trellis_scale_new_agreement ();
  g_autoptr(TrellisSection) edge = trellis_section_new ("E");
  g_autoptr(TrellisSection) long_section = trellis_section_new ("L");
  g_autoptr(TrellisRound) round = trellis_round_new ("r1");
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisStatement *cut;
  g_auto(GStrv) keys = NULL;
  g_autofree TrellisAnswer *answers = NULL;
  TestRandom random = { 4242 };
  guint n_items;

  trellis_project_set_name (project, "Partenariat de Sécurité Communautaire — Île-de-Lumière");
  trellis_checklist_append_scale (checklist, scale);

  trellis_section_set_code (edge, "E");
  trellis_section_set_title (edge, "Cas limites : réponses, accents et textes très longs");
  trellis_test_add_statement (edge, "e1", "1", TRELLIS_STATEMENT_RATING, "Nobody answered this statement.");
  trellis_test_add_statement (edge, "e2", "2", TRELLIS_STATEMENT_RATING, "Everybody said this does not apply.");
  trellis_test_add_statement (edge, "e3", "3", TRELLIS_STATEMENT_RATING,
                 "The partnership has an effective mechanism for addressing issues that cut across "
                 "different thematic areas, for joining-up issues that straddle a number of theme "
                 "groups, for avoiding ‘siloed’ working, for sharing resources, staff, premises and "
                 "data between partners, and for making sure that what is agreed at the strategic "
                 "level is carried through to front-line services in every neighbourhood.");
  trellis_test_add_statement (edge, "e4", "4", TRELLIS_STATEMENT_RATING,
                 "Les partenaires évaluent l’efficacité des actions menées à Saint-Étienne, "
                 "Łódź et Zürich — ça marche déjà très bien.");
  cut = trellis_test_add_statement (edge, "e5", "5", TRELLIS_STATEMENT_RATING, "This statement was cut.");
  trellis_statement_set_included (cut, FALSE);
  trellis_test_add_statement (edge, "e6", "6", TRELLIS_STATEMENT_COMMENT, "Any other comments?");
  trellis_checklist_append_section (checklist, edge);

  trellis_section_set_code (long_section, "L");
  trellis_section_set_title (long_section, "Sixty statements");
  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i);
      g_autofree char *number = g_strdup_printf ("%u", i);
      g_autofree char *text = g_strdup_printf ("Statement number %u of a very long section.", i);

      trellis_test_add_statement (long_section, id, number, TRELLIS_STATEMENT_RATING, text);
    }
  trellis_checklist_append_section (checklist, long_section);

  keys = trellis_checklist_dup_item_keys (checklist, TRUE);
  n_items = g_strv_length (keys);
  answers = g_new (TrellisAnswer, n_items);
  trellis_round_set_label (round, "Été 2026");
  trellis_round_set_date (round, "2026-07-01");
  trellis_round_set_items (round, (const char * const *) keys);
  for (guint r = 0; r < n_respondents; r++)
    {
      for (guint i = 0; i < n_items; i++)
        {
          if (g_str_equal (keys[i], "e1"))
            answers[i] = TRELLIS_ANSWER_BLANK;
          else if (g_str_equal (keys[i], "e2"))
            answers[i] = TRELLIS_ANSWER_NOT_APPLICABLE;
          else
            answers[i] = simulate_answer (&random, 3.4, 0.0, 0.05, 0.05);
        }
      trellis_round_add_response (round, answers, NULL);
    }
  trellis_round_add_comment (round, "E", "Très bien organisé, merci à l’équipe de coordination.");
  trellis_project_append_round (project, round);
  return g_steal_pointer (&project);
}

static TrellisScale *
two_scales_scale (const char       *id,
                  const char       *title,
                  TrellisScaleRole  role,
                  const char       *low,
                  const char       *high)
{
  TrellisScale *scale = trellis_scale_new (id, 5);

  trellis_scale_set_title (scale, title);
  trellis_scale_set_role (scale, role);
  trellis_scale_set_point_label (scale, 1, low);
  trellis_scale_set_point_label (scale, 5, high);
  trellis_scale_set_na_label (scale, "Not applicable");
  trellis_scale_set_dk_label (scale, "Don't know");
  return scale;
}

TrellisProject *
trellis_test_project_new_two_scales (void)
{
  static const struct
  {
    const char    *id;
    const char    *title;
    TrellisAnswer  importance[4];
    TrellisAnswer  effectiveness[4];
  } themes[] = {
    { "strategic", "Strategic", { 5, 5, 4, 4 }, { 2, 2, 1, 3 } },
    { "inclusive", "Inclusive", { 4, 4, 4, 4 }, { 4, 5, 4, 5 } },
    { "efficient", "Efficient", { 2, 2, 3, 1 }, { 2, 3, 2, 1 } },
    { "learning", "Learning and development", { 3, 3, 3, 3 }, { 4, 4, 5, 5 } },
    { "action", "Action focussed", { 5, 5, 5, 5 }, { -1, -1, -1, -1 } },
    { "performance", "Performance managed", { 4, 4, 4, 4 }, { 3, 3, 3, 3 } },
  };
  TrellisProject *project = trellis_project_new ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autoptr(TrellisScale) importance =
    two_scales_scale ("importance", "Importance", TRELLIS_SCALE_ROLE_IMPORTANCE, "Not important", "Very important");
  g_autoptr(TrellisScale) effectiveness =
    two_scales_scale ("effectiveness", "Effectiveness", TRELLIS_SCALE_ROLE_EFFECTIVENESS, "Not effective",
                      "Very effective");
  g_autoptr(TrellisRound) round = trellis_round_new ("r1");
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  trellis_project_set_name (project, "Two Scales Partnership");
  trellis_checklist_append_scale (checklist, importance);
  trellis_checklist_append_scale (checklist, effectiveness);
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      g_autoptr(TrellisSection) section = trellis_section_new (themes[t].id);
      g_autofree char *statement_id = g_strdup_printf ("d%u", t + 1);
      g_autofree char *number = g_strdup_printf ("%u", t + 1);
      TrellisStatement *statement;

      trellis_section_set_title (section, themes[t].title);
      statement = trellis_test_add_statement (section, statement_id, number, TRELLIS_STATEMENT_RATING,
                                              themes[t].title);
      trellis_checklist_append_section (checklist, section);
      g_ptr_array_add (keys, trellis_checklist_dup_item_key (checklist, statement, importance));
      g_ptr_array_add (keys, trellis_checklist_dup_item_key (checklist, statement, effectiveness));
    }
  g_ptr_array_add (keys, NULL);
  trellis_round_set_label (round, "Autumn 2026");
  trellis_round_set_items (round, (const char * const *) keys->pdata);
  for (guint r = 0; r < 4; r++)
    {
      TrellisAnswer answers[2 * G_N_ELEMENTS (themes)];

      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        {
          answers[2 * t] = themes[t].importance[r];
          answers[2 * t + 1] = themes[t].effectiveness[r];
        }
      trellis_round_add_response (round, answers, NULL);
    }
  trellis_project_append_round (project, round);
  return project;
}
