/* cli-summary.c: trellis-cli summary PROJECT [--round LABEL] [--json]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "trellis-cli.h"
#include "trellis-charts.h"
#include "trellis-model.h"

/* JSON has no NaN: a statistic of no answers is null. */
static void
add_number (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round (value * 1000.0) / 1000.0);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_distribution (JsonBuilder               *builder,
                  const TrellisDistribution *dist)
{
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dist->n_points; i++)
    json_builder_add_int_value (builder, dist->counts[i]);
  json_builder_end_array (builder);
  add_int (builder, "not_applicable", dist->not_applicable);
  add_int (builder, "dont_know", dist->dont_know);
  add_int (builder, "blank", dist->blank);
  add_int (builder, "not_shown", dist->not_shown);
  add_int (builder, "valid", dist->valid);
  add_number (builder, "mean", dist->mean);
  add_number (builder, "median", dist->median);
  add_number (builder, "iqr", dist->iqr);
  add_number (builder, "percent_agree", dist->valid > 0 ? dist->pct_agree : NAN);
  add_number (builder, "percent_neutral", dist->valid > 0 ? dist->pct_neutral : NAN);
  add_number (builder, "percent_disagree", dist->valid > 0 ? dist->pct_disagree : NAN);
}

static void
add_scale (JsonBuilder  *builder,
           TrellisScale *scale)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", trellis_scale_get_id (scale));
  add_string (builder, "title", trellis_scale_get_title (scale));
  add_string (builder, "role", trellis_scale_role_to_string (trellis_scale_get_role (scale)));
  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint p = 1; p <= trellis_scale_get_n_points (scale); p++)
    json_builder_add_string_value (builder, trellis_scale_get_point_label (scale, p));
  json_builder_end_array (builder);
  add_string (builder, "not_applicable", trellis_scale_get_allow_na (scale)
                                           ? trellis_scale_get_answer_label (scale, TRELLIS_ANSWER_NOT_APPLICABLE)
                                           : NULL);
  add_string (builder, "dont_know", trellis_scale_get_allow_dk (scale)
                                      ? trellis_scale_get_answer_label (scale, TRELLIS_ANSWER_DONT_KNOW)
                                      : NULL);
  json_builder_end_object (builder);
}

/* Respondents who submitted without answering anything: counted, a blank everywhere,
 * and told apart so a facilitator knows why every statement has a blank. */
static guint
count_no_answers (TrellisRound *round)
{
  guint n_items = trellis_round_get_n_items (round), count = 0;

  for (guint r = 0; r < trellis_round_get_n_responses (round); r++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < n_items && !any; i++)
        {
          TrellisAnswer answer = trellis_round_get_answer (round, r, i);
          any = answer != TRELLIS_ANSWER_BLANK && answer != TRELLIS_ANSWER_NOT_SHOWN;
        }
      if (!any)
        count++;
    }
  return count;
}

static const char *
quadrant_key (TrellisChartQuadrant quadrant)
{
  switch (quadrant)
    {
    case TRELLIS_CHART_QUADRANT_PRIORITY:
      return "priority";
    case TRELLIS_CHART_QUADRANT_KEEP_UP:
      return "keep_up";
    case TRELLIS_CHART_QUADRANT_REVIEW:
      return "review";
    case TRELLIS_CHART_QUADRANT_LOW:
      return "low";
    case TRELLIS_CHART_QUADRANT_NONE:
    default:
      return NULL;
    }
}

/* "priority_matrix": per section, its mean importance and effectiveness and its
 * quadrant; only when the checklist has both scales. */
static void
add_priority_matrix (JsonBuilder    *builder,
                     TrellisProject *project,
                     TrellisRound   *round)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisScale *importance = trellis_checklist_find_scale_by_role (checklist, TRELLIS_SCALE_ROLE_IMPORTANCE);
  TrellisScale *effectiveness = trellis_checklist_find_scale_by_role (checklist, TRELLIS_SCALE_ROLE_EFFECTIVENESS);
  g_autoptr(TrellisSummary) by_importance = NULL;
  g_autoptr(TrellisSummary) by_effectiveness = NULL;
  g_autoptr(TrellisChart) matrix = NULL;

  if (importance == NULL || effectiveness == NULL)
    return;
  by_importance = trellis_summary_new (project, round, importance, NULL);
  by_effectiveness = trellis_summary_new (project, round, effectiveness, NULL);
  matrix = trellis_chart_new_matrix (by_importance, by_effectiveness);
  json_builder_set_member_name (builder, "priority_matrix");
  json_builder_begin_array (builder);
  for (guint r = 0; r < trellis_chart_get_n_rows (matrix); r++)
    {
      const TrellisChartRow *row = trellis_chart_get_row (matrix, r);
      double x = NAN, y = NAN;

      trellis_chart_get_matrix_point (matrix, r, &x, &y);
      json_builder_begin_object (builder);
      add_string (builder, "section", row->id);
      add_string (builder, "title", row->text);
      add_number (builder, "importance_mean", y);
      add_number (builder, "effectiveness_mean", x);
      add_string (builder, "quadrant", quadrant_key (trellis_chart_get_quadrant (matrix, r)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static const char *
talking_kind_key (TrellisTalkingKind kind)
{
  static const char * const keys[] = { "agree", "disagree", "divided", "dont_know", "group", "change" };

  return kind < G_N_ELEMENTS (keys) ? keys[kind] : "other";
}

static TrellisTalkingPoints *
talking_points_for (TrellisProject *project,
                    TrellisRound   *round)
{
  return trellis_talking_points_new (project, round, trellis_talking_points_find_previous (project, round),
                                     NULL, trellis_project_get_min_group_size (project));
}

static void
add_talking_point (JsonBuilder               *builder,
                   const TrellisTalkingPoint *point,
                   TrellisTalkingKind         kind)
{
  json_builder_begin_object (builder);
  add_string (builder, "statement", point->statement_id);
  add_string (builder, "section", point->section_id);
  add_string (builder, "number", point->number);
  add_string (builder, "text", point->text);
  if (kind == TRELLIS_TALKING_GROUP)
    add_string (builder, "group", point->group);
  add_number (builder, "value", point->value);
  if (kind == TRELLIS_TALKING_GROUP || kind == TRELLIS_TALKING_CHANGE)
    {
      json_builder_set_member_name (builder, "clear");
      json_builder_add_boolean_value (builder, trellis_change_is_clear (point->change));
    }
  json_builder_set_member_name (builder, "tied");
  json_builder_add_boolean_value (builder, point->tied);
  add_string (builder, "figure", point->figure);
  json_builder_end_object (builder);
}

/* "talking_points": the topics in order, each with its points and an optional note. */
static void
add_talking_points (JsonBuilder    *builder,
                    TrellisProject *project,
                    TrellisRound   *round)
{
  g_autoptr(TrellisTalkingPoints) points = talking_points_for (project, round);

  add_string (builder, "talking_points_note", trellis_talking_points_get_note (points));
  json_builder_set_member_name (builder, "talking_points");
  json_builder_begin_array (builder);
  for (guint t = 0; t < trellis_talking_points_get_n_topics (points); t++)
    {
      const TrellisTalkingTopic *topic = trellis_talking_points_get_topic (points, t);

      json_builder_begin_object (builder);
      add_string (builder, "kind", talking_kind_key (topic->kind));
      add_string (builder, "title", topic->title);
      add_string (builder, "note", topic->note);
      json_builder_set_member_name (builder, "points");
      json_builder_begin_array (builder);
      for (guint i = 0; i < topic->points->len; i++)
        add_talking_point (builder, g_ptr_array_index (topic->points, i), topic->kind);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_talking_points (TrellisProject *project,
                      TrellisRound   *round)
{
  g_autoptr(TrellisTalkingPoints) points = talking_points_for (project, round);

  printf ("\n%s\n", _("Talking points"));
  if (trellis_talking_points_get_note (points) != NULL)
    printf ("  %s\n", trellis_talking_points_get_note (points));
  for (guint t = 0; t < trellis_talking_points_get_n_topics (points); t++)
    {
      const TrellisTalkingTopic *topic = trellis_talking_points_get_topic (points, t);

      printf ("  %s\n", topic->title);
      for (guint i = 0; i < topic->points->len; i++)
        {
          const TrellisTalkingPoint *point = g_ptr_array_index (topic->points, i);

          /* A clear change or group difference carries the mark the charts use. */
          printf ("    %s %-5s %s: %s\n",
                  point->change == TRELLIS_CHANGE_MORE ? "▲" : point->change == TRELLIS_CHANGE_FEWER ? "▼" : "-",
                  point->number != NULL ? point->number : "", point->text, point->figure);
        }
      if (topic->note != NULL)
        printf ("    %s\n", topic->note);
    }
}

static void
add_round (JsonBuilder    *builder,
           TrellisProject *project,
           TrellisRound   *round)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  guint n_scales = trellis_checklist_get_n_scales (checklist);

  json_builder_begin_object (builder);
  add_string (builder, "id", trellis_round_get_id (round));
  add_string (builder, "label", trellis_round_get_label (round));
  add_string (builder, "date", trellis_round_get_date (round));
  add_string (builder, "source", trellis_round_get_source (round));
  add_int (builder, "respondents", trellis_round_get_n_responses (round));
  add_int (builder, "excluded_incomplete", trellis_round_get_n_excluded (round));
  add_int (builder, "no_answers", count_no_answers (round));
  add_int (builder, "comments", trellis_round_get_n_comments (round));
  add_priority_matrix (builder, project, round);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint s = 0; s < n_scales; s++)
    {
      g_autoptr(TrellisSummary) summary =
        trellis_summary_new (project, round, trellis_checklist_get_scale (checklist, s), NULL);

      for (guint i = 0; i < trellis_summary_get_n_sections (summary); i++)
        {
          TrellisSectionSummary *section = trellis_summary_get_section (summary, i);

          json_builder_begin_object (builder);
          add_string (builder, "id", trellis_section_get_id (section->section));
          add_string (builder, "code", trellis_section_get_code (section->section));
          add_string (builder, "title", trellis_section_get_title (section->section));
          add_string (builder, "scale", trellis_scale_get_id (trellis_summary_get_scale (summary)));
          add_int (builder, "comments", section->n_comments);
          json_builder_set_member_name (builder, "pooled");
          json_builder_begin_object (builder);
          add_distribution (builder, &section->pooled);
          json_builder_end_object (builder);

          json_builder_set_member_name (builder, "statements");
          json_builder_begin_array (builder);
          for (guint j = 0; j < section->items->len; j++)
            {
              TrellisItemSummary *item = g_ptr_array_index (section->items, j);

              json_builder_begin_object (builder);
              add_string (builder, "id", trellis_statement_get_id (item->statement));
              add_string (builder, "number", trellis_statement_get_number (item->statement));
              add_string (builder, "text", trellis_statement_get_text (item->statement));
              add_string (builder, "scale", trellis_scale_get_id (item->scale));
              json_builder_set_member_name (builder, "asked");
              json_builder_add_boolean_value (builder, item->asked);
              add_distribution (builder, &item->dist);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  add_talking_points (builder, project, round);
  json_builder_end_object (builder);
}

static int
print_json (TrellisProject *project,
            GPtrArray      *rounds)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  TrellisChecklist *checklist = trellis_project_get_checklist (project);

  json_builder_begin_object (builder);
  add_string (builder, "partnership", trellis_project_get_name (project));
  add_string (builder, "checklist", trellis_checklist_get_title (checklist));
  add_int (builder, "min_group_size", trellis_project_get_min_group_size (project));
  json_builder_set_member_name (builder, "scales");
  json_builder_begin_array (builder);
  for (guint s = 0; s < trellis_checklist_get_n_scales (checklist); s++)
    add_scale (builder, trellis_checklist_get_scale (checklist, s));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rounds");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rounds->len; i++)
    add_round (builder, project, g_ptr_array_index (rounds, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  puts (text);
  /* Freeing the tree node by node costs more than building it; the process exits next. */
  trellis_cli_keep_until_exit (g_object_ref (builder));
  trellis_cli_keep_until_exit (g_object_ref (generator));
  return TRELLIS_CLI_OK;
}

static char *
format_mean (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%.2f", value);
}

/* The last column's heading, in the words of the scale. */
static const char *
high_side_heading (TrellisScale *scale)
{
  switch (trellis_scale_get_role (scale))
    {
    /* Headings, not formats: without the marks xgettext reads "% i" and "% e" as
     * conversions, and msgfmt --check then refuses any translation not starting so. */
    case TRELLIS_SCALE_ROLE_IMPORTANCE:
      /* xgettext:no-c-format */
      return _("% important");
    case TRELLIS_SCALE_ROLE_EFFECTIVENESS:
      /* xgettext:no-c-format */
      return _("% effective");
    case TRELLIS_SCALE_ROLE_NONE:
    default:
      return _("% agree");
    }
}

/* One section's statements on one scale: a line each with the answer counts. */
static void
print_section_table (TrellisSectionSummary *section,
                     TrellisScale          *scale)
{
  const char *high_side = high_side_heading (scale);
  int high_width = MAX (7, (int) g_utf8_strlen (high_side, -1));

  printf ("  %-6s %4s ", _("Item"), "n");
  for (guint p = 1; p <= section->pooled.n_points; p++)
    printf (" %4u", p);
  printf (" %4s %4s %5s %6s %*s\n", _("N/A"), _("DK"), _("Blank"), _("Mean"), high_width, high_side);
  for (guint j = 0; j < section->items->len; j++)
    {
      TrellisItemSummary *item = g_ptr_array_index (section->items, j);
      const TrellisDistribution *dist = &item->dist;
      g_autofree char *mean = format_mean (dist->mean);
      /* Nobody answered on the scale: no share agrees, as the mean says and --json's null. */
      g_autofree char *agree = dist->valid > 0 ? g_strdup_printf ("%.0f%%", dist->pct_agree) : g_strdup ("–");
      const char *number = trellis_statement_get_number (item->statement);

      printf ("  %-6s %4u ", number != NULL ? number : "", dist->valid);
      for (guint p = 0; p < dist->n_points; p++)
        printf (" %4u", dist->counts[p]);
      printf (" %4u %4u %5u %6s %*s\n", dist->not_applicable, dist->dont_know,
              dist->blank, mean, high_width, agree);
    }
}

/* With an importance and an effectiveness scale, the priority matrix in words: each
 * theme's two means and its quadrant. */
static void
print_priorities (TrellisProject *project,
                  TrellisRound   *round)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisScale *importance = trellis_checklist_find_scale_by_role (checklist, TRELLIS_SCALE_ROLE_IMPORTANCE);
  TrellisScale *effectiveness = trellis_checklist_find_scale_by_role (checklist, TRELLIS_SCALE_ROLE_EFFECTIVENESS);
  g_autoptr(TrellisSummary) by_importance = NULL;
  g_autoptr(TrellisSummary) by_effectiveness = NULL;
  g_autoptr(TrellisChart) matrix = NULL;
  g_autofree char *priorities = NULL;

  if (importance == NULL || effectiveness == NULL)
    return;
  by_importance = trellis_summary_new (project, round, importance, NULL);
  by_effectiveness = trellis_summary_new (project, round, effectiveness, NULL);
  matrix = trellis_chart_new_matrix (by_importance, by_effectiveness);
  printf ("\n%s\n", trellis_chart_get_title (matrix));
  for (guint r = 0; r < trellis_chart_get_n_rows (matrix); r++)
    {
      g_autofree char *line = trellis_chart_dup_matrix_summary (matrix, r);
      printf ("  %s\n", line);
    }
  priorities = trellis_chart_dup_priorities (matrix);
  printf ("%s\n", priorities);
}

static void
print_round_heading (TrellisRound *round,
                     guint         n_respondents)
{
  guint no_answers = count_no_answers (round);

  putchar ('\n');
  /* TRANSLATORS: "Round: Autumn 2026 (2026-10-12), 25 respondents" */
  printf (_("Round: %s (%s), %u respondents"),
          trellis_round_get_label (round) != NULL ? trellis_round_get_label (round) : trellis_round_get_id (round),
          trellis_round_get_date (round) != NULL ? trellis_round_get_date (round) : _("no date"),
          n_respondents);
  putchar ('\n');
  if (no_answers > 0)
    {
      printf (ngettext ("Of these, %u answered nothing (a blank on every statement)",
                        "Of these, %u answered nothing (a blank on every statement)", no_answers),
              no_answers);
      putchar ('\n');
    }
}

/* Per round, per section, a table per scale: "A. Strategic — Importance" when the
 * checklist has several. */
static int
print_text (TrellisProject *project,
            GPtrArray      *rounds)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  guint n_scales = trellis_checklist_get_n_scales (checklist);

  printf ("%s\n", trellis_project_get_name (project) != NULL ? trellis_project_get_name (project) : "");
  if (rounds->len == 0)
    printf ("%s\n", _("No survey rounds yet."));

  for (guint r = 0; r < rounds->len; r++)
    {
      TrellisRound *round = g_ptr_array_index (rounds, r);
      g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_summary_unref);
      TrellisSummary *first;

      for (guint s = 0; s < n_scales; s++)
        g_ptr_array_add (summaries, trellis_summary_new (project, round, trellis_checklist_get_scale (checklist, s), NULL));
      first = g_ptr_array_index (summaries, 0);
      print_round_heading (round, trellis_summary_get_n_respondents (first));
      print_priorities (project, round);

      for (guint i = 0; i < trellis_summary_get_n_sections (first); i++)
        {
          g_autofree char *label = trellis_section_dup_label (trellis_summary_get_section (first, i)->section);

          for (guint s = 0; s < n_scales; s++)
            {
              TrellisSummary *summary = g_ptr_array_index (summaries, s);
              TrellisScale *scale = trellis_summary_get_scale (summary);

              if (n_scales > 1)
                /* TRANSLATORS: a section's results on one scale: "A. Strategic — Importance" */
                printf (_("\n%s — %s\n"), label,
                        trellis_scale_get_title (scale) != NULL ? trellis_scale_get_title (scale)
                                                                : trellis_scale_get_id (scale));
              else
                printf ("\n%s\n", label);
              print_section_table (trellis_summary_get_section (summary, i), scale);
            }
        }
      print_talking_points (project, round);
    }
  return TRELLIS_CLI_OK;
}

int
trellis_cli_summary (int    argc,
                     char **argv)
{
  g_autofree char *round_label = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &round_label, N_("Only this round (its label or id)"), N_("LABEL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON (keys are documented in the README)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT"));
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(GPtrArray) rounds = g_ptr_array_new ();
  int status;

  g_option_context_set_summary (context, _("Print, per round, the respondent count and each statement’s answer counts, mean and percent agreeing."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!trellis_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return trellis_cli_usage_error (context, _("expected one project file"));

  project = trellis_cli_load_project (argv[1], TRUE);
  if (project == NULL)
    return TRELLIS_CLI_BAD_INPUT;

  if (round_label != NULL)
    {
      TrellisRound *round = trellis_project_find_round_by_label (project, round_label);

      if (round == NULL)
        return trellis_cli_input_error (argv[1], _("no round called “%s”"), round_label);
      g_ptr_array_add (rounds, round);
    }
  else
    {
      for (guint i = 0; i < trellis_project_get_n_rounds (project); i++)
        g_ptr_array_add (rounds, trellis_project_get_round (project, i));
    }

  return as_json ? print_json (project, rounds) : print_text (project, rounds);
}
