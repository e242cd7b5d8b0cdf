/* test-charts.c: from statistics to geometry, without looking at a pixel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-charts.h"
#include "trellis-test-project.h"

#define A4_WIDTH  523.0  /* A4 less 36 pt margins */
#define A4_HEIGHT 770.0

static TrellisChartStyle *
test_style (void)
{
  TrellisChartStyle *style = trellis_chart_style_new (TRELLIS_CHART_PALETTE_COLOUR);

  trellis_chart_style_set_font_family (style, "DejaVu Sans");
  return style;
}

static const TrellisChartBarLayout *
find_row (TrellisChartLayout *layout,
          const char         *id,
          guint               bar)
{
  TrellisChart *chart = trellis_chart_layout_get_chart (layout);

  for (guint r = 0; r < trellis_chart_get_n_rows (chart); r++)
    if (g_str_equal (trellis_chart_get_row (chart, r)->id, id))
      return trellis_chart_layout_find_bar (layout, r, bar);
  return NULL;
}

static const TrellisChartBar *
chart_bar (TrellisChart *chart,
           guint         row,
           guint         bar)
{
  return &g_array_index (trellis_chart_get_row (chart, row)->bars, TrellisChartBar, bar);
}

/* A project of one rated statement "s1" in section "A" on @scale (taken over), with one
 * round in which respondent i answered @answers[i], in group @groups[i] if given. */
static TrellisProject *
one_statement_project (TrellisScale        *scale,
                       const TrellisAnswer *answers,
                       const char * const  *groups,
                       guint                n_respondents)
{
  g_autoptr(TrellisScale) owned = scale;
  TrellisProject *project = trellis_project_new ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autoptr(TrellisSection) section = trellis_section_new ("A");
  g_autoptr(TrellisStatement) statement = trellis_statement_new ("s1", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisRound) round = trellis_round_new ("r1");
  const char *keys[] = { "s1", NULL };

  trellis_checklist_append_scale (checklist, scale);
  trellis_section_append_statement (section, statement);
  trellis_checklist_append_section (checklist, section);
  trellis_round_set_items (round, keys);
  for (guint i = 0; i < n_respondents; i++)
    trellis_round_add_response (round, &answers[i], groups != NULL ? groups[i] : NULL);
  trellis_project_append_round (project, round);
  return project;
}

/*****/

static void
test_round_percentages (void)
{
  const double thirds[] = { 100.0 / 3, 100.0 / 3, 100.0 / 3 };
  const double halves[] = { 12.5, 12.5, 75.0 };
  const double zeros[] = { 0, 0, 0 };
  const double overshoot[] = { 12.6, 12.6 };
  int rounded[3];

  trellis_chart_round_percentages (thirds, 3, 100, rounded);
  g_assert_cmpint (rounded[0] + rounded[1] + rounded[2], ==, 100);
  g_assert_cmpint (rounded[0], ==, 34);
  g_assert_cmpint (rounded[1], ==, 33);

  trellis_chart_round_percentages (halves, 3, 100, rounded);
  g_assert_cmpint (rounded[0], ==, 13);
  g_assert_cmpint (rounded[1], ==, 12);
  g_assert_cmpint (rounded[2], ==, 75);

  trellis_chart_round_percentages (zeros, 3, 100, rounded);
  g_assert_cmpint (rounded[0] + rounded[1] + rounded[2], ==, 0);

  /* A side whose printed total came out lower than its parts: 25.2 shown as 25. */
  trellis_chart_round_percentages (overshoot, 2, 25, rounded);
  g_assert_cmpint (rounded[0] + rounded[1], ==, 25);
  g_assert_cmpint (ABS (rounded[0] - rounded[1]), <=, 1);
}

/* Segment widths are the percentages, laid end to end, and the neutral straddles zero
 * with half on each side. */
static void
check_bar_geometry (TrellisChartLayout          *layout,
                    const TrellisChartBarLayout *bar,
                    const TrellisDistribution   *dist)
{
  double unit = trellis_chart_layout_get_percent_width (layout);
  double zero = trellis_chart_layout_get_zero_x (layout);
  double total = 0, left;
  guint neutral = (dist->n_points + 1) / 2;

  g_assert_cmpuint (bar->n_segments, ==, dist->n_points);
  for (guint i = 0; i < bar->n_segments; i++)
    {
      const TrellisChartSegment *segment = &bar->segments[i];
      double expected = 100.0 * dist->counts[i] / dist->valid;

      g_assert_cmpint (segment->answer, ==, (int) i + 1);
      g_assert_cmpuint (segment->count, ==, dist->counts[i]);
      g_assert_cmpfloat_with_epsilon (segment->rect.width, expected * unit, 1e-6);
      if (i > 0)
        g_assert_cmpfloat_with_epsilon (segment->rect.x, bar->segments[i - 1].rect.x + bar->segments[i - 1].rect.width,
                                        1e-6);
      total += segment->rect.width;
    }
  g_assert_cmpfloat_with_epsilon (total, 100.0 * unit, 1e-6);

  if (dist->n_points % 2 == 1)
    {
      const TrellisChartRect *middle = &bar->segments[neutral - 1].rect;

      g_assert_cmpfloat_with_epsilon (middle->x + middle->width / 2, zero, 1e-6);
      left = zero - middle->x;
      g_assert_cmpfloat_with_epsilon (left, middle->width / 2, 1e-6);
      g_assert_cmpfloat_with_epsilon (bar->segments[0].rect.x,
                                      zero - unit * (dist->pct_disagree + dist->pct_neutral / 2), 1e-6);
    }
  else
    g_assert_cmpfloat_with_epsilon (bar->segments[dist->n_points / 2].rect.x, zero, 1e-6);

  g_assert_cmpint (bar->sides[0] + bar->sides[1] + bar->sides[2], ==, 100);
  g_assert_cmpfloat (fabs (bar->sides[0] - dist->pct_disagree), <, 1.0);
  g_assert_cmpfloat (fabs (bar->sides[2] - dist->pct_agree), <, 1.0);
}

static void
test_section_geometry (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "B", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);
  TrellisChartRect scale_area = trellis_chart_layout_get_scale_area (layout);

  g_assert_cmpuint (trellis_chart_get_n_rows (chart), ==, 6);
  g_assert_cmpuint (trellis_chart_layout_get_n_bars (layout), ==, 6);
  g_assert_cmpuint (trellis_chart_layout_get_end_row (layout), ==, 6);
  g_assert_cmpfloat_with_epsilon (trellis_chart_layout_get_percent_width (layout) * 200, scale_area.width, 1e-6);
  g_assert_cmpfloat_with_epsilon (scale_area.x + scale_area.width / 2, trellis_chart_layout_get_zero_x (layout), 1e-6);

  for (guint i = 0; i < trellis_chart_layout_get_n_bars (layout); i++)
    {
      const TrellisChartBarLayout *bar = trellis_chart_layout_get_bar (layout, i);
      const TrellisChartBar *data = chart_bar (chart, bar->row, bar->bar);

      g_assert_cmpuint (bar->row, ==, i);
      g_assert_true (data->dist.valid > 0);
      check_bar_geometry (layout, bar, &data->dist);
    }
}

static void
test_missing_kept_apart (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "C", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);
  TrellisChartRect scale_area = trellis_chart_layout_get_scale_area (layout);
  TrellisChartRect missing_area = trellis_chart_layout_get_missing_area (layout);
  guint seen_missing = 0;

  g_assert_true (trellis_chart_get_shows_missing (chart));
  g_assert_cmpfloat (missing_area.x, >, scale_area.x + scale_area.width);
  for (guint i = 0; i < trellis_chart_layout_get_n_bars (layout); i++)
    {
      const TrellisChartBarLayout *bar = trellis_chart_layout_get_bar (layout, i);
      const TrellisDistribution *dist = &chart_bar (chart, bar->row, bar->bar)->dist;
      double scale_percent = 0;

      /* Not applicable and Don't know are outside the percentage base... */
      for (guint s = 0; s < bar->n_segments; s++)
        scale_percent += bar->segments[s].percent;
      g_assert_cmpfloat_with_epsilon (scale_percent, 100.0, 1e-9);
      g_assert_cmpuint (dist->valid + dist->not_applicable + dist->dont_know + dist->blank, ==, dist->total);

      /* ...and drawn in their own column, as a share of everyone asked. */
      g_assert_cmpint (bar->missing[0].answer, ==, TRELLIS_ANSWER_NOT_APPLICABLE);
      g_assert_cmpint (bar->missing[1].answer, ==, TRELLIS_ANSWER_DONT_KNOW);
      g_assert_cmpuint (bar->missing[0].count, ==, dist->not_applicable);
      g_assert_cmpuint (bar->missing[1].count, ==, dist->dont_know);
      g_assert_cmpfloat_with_epsilon (bar->missing[0].rect.x, missing_area.x, 1e-6);
      g_assert_cmpfloat_with_epsilon (bar->missing[1].rect.x, missing_area.x + bar->missing[0].rect.width, 1e-6);
      g_assert_cmpfloat_with_epsilon (bar->missing[0].percent, 100.0 * dist->not_applicable / dist->total, 1e-9);
      for (guint s = 0; s < 2; s++)
        {
          g_assert_cmpfloat (bar->missing[s].rect.x + bar->missing[s].rect.width, <=,
                             missing_area.x + missing_area.width + 1e-6);
          if (bar->missing[s].count > 0)
            seen_missing++;
        }
    }
  g_assert_cmpuint (seen_missing, >, 0);
}

static void
test_order_and_what_is_drawn (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChart) checklist = trellis_chart_new_section (summary, "D", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChart) agreement = trellis_chart_new_section (summary, "D", TRELLIS_CHART_ORDER_AGREEMENT);
  guint n_rows = trellis_chart_get_n_rows (checklist);

  /* Section D: 41–54, the lead-in 55 (a row without a bar), then 55a–55i; comment item
   * 56 has no row. Ordered by agreement the lead-in has no row of its own. */
  g_assert_cmpuint (n_rows, ==, 24);
  g_assert_cmpstr (trellis_chart_get_row (checklist, 0)->number, ==, "41");
  g_assert_cmpstr (trellis_chart_get_row (checklist, 14)->number, ==, "55");
  g_assert_cmpstr (trellis_chart_get_row (checklist, 15)->number, ==, "55a");
  g_assert_cmpstr (trellis_chart_get_row (checklist, n_rows - 1)->number, ==, "55i");
  g_assert_cmpuint (trellis_chart_get_n_rows (agreement), ==, n_rows - 1);
  n_rows = trellis_chart_get_n_rows (agreement);

  for (guint r = 1; r < n_rows; r++)
    {
      const TrellisDistribution *above = &chart_bar (agreement, r - 1, 0)->dist;
      const TrellisDistribution *below = &chart_bar (agreement, r, 0)->dist;

      g_assert_cmpfloat (above->pct_agree, >=, below->pct_agree);
      if (above->pct_agree == below->pct_agree)
        g_assert_cmpfloat (above->pct_disagree, <=, below->pct_disagree);
    }
  g_assert_null (trellis_chart_new_section (summary, "no-such-section", TRELLIS_CHART_ORDER_CHECKLIST));
}

/* Item 55 of the checklist is a lead-in, "By working together, the partnership has
 * demonstrably", with parts 55a–55i: no part may be drawn without it. */
static void
test_multi_part_lead_in (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) checklist = trellis_chart_new_section (summary, "D", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChart) agreement = trellis_chart_new_section (summary, "D", TRELLIS_CHART_ORDER_AGREEMENT);
  g_autoptr(TrellisChart) groups = trellis_chart_new_groups (project, trellis_project_get_round (project, 0), NULL,
                                                             "D", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (checklist, style, A4_WIDTH, 0, 0);
  g_autofree char *description = trellis_chart_dup_description (agreement);
  const TrellisChartRow *lead_in = trellis_chart_get_row (checklist, 14);
  const TrellisChartBarLayout *before, *first_part;
  guint n_rows = trellis_chart_get_n_rows (checklist);

  /* Checklist order: the lead-in is a row of text above its parts... */
  g_assert_true (trellis_chart_row_is_lead_in (lead_in));
  g_assert_true (g_str_has_prefix (lead_in->text, "By working together, the partnership has demonstrably"));
  g_assert_false (lead_in->is_part);
  for (guint r = 15; r < n_rows; r++)
    {
      g_assert_true (trellis_chart_get_row (checklist, r)->is_part);
      g_assert_null (trellis_chart_get_row (checklist, r)->lead_in);
      g_assert_false (trellis_chart_row_is_lead_in (trellis_chart_get_row (checklist, r)));
    }
  g_assert_false (trellis_chart_get_row (checklist, 13)->is_part);
  g_assert_true (trellis_chart_row_is_lead_in (trellis_chart_get_row (groups, 14)));

  /* ...drawn without a bar, in the space between 54's bar and 55a's. */
  g_assert_cmpuint (trellis_chart_layout_get_n_bars (layout), ==, n_rows - 1);
  g_assert_null (trellis_chart_layout_find_bar (layout, 14, 0));
  before = trellis_chart_layout_find_bar (layout, 13, 0);
  first_part = trellis_chart_layout_find_bar (layout, 15, 0);
  g_assert_cmpfloat (first_part->band.y - (before->band.y + before->band.height), >, 8.0);

  /* Ordered by agreement the parts scatter, each with the lead-in in front. */
  for (guint r = 0; r < trellis_chart_get_n_rows (agreement); r++)
    {
      const TrellisChartRow *row = trellis_chart_get_row (agreement, r);

      g_assert_false (trellis_chart_row_is_lead_in (row));
      if (g_str_has_prefix (row->number, "55"))
        {
          g_assert_true (row->is_part);
          g_assert_cmpstr (row->lead_in, ==, "By working together, the partnership has demonstrably …");
        }
      else
        g_assert_null (row->lead_in);
    }
  g_assert_nonnull (strstr (description, "55a. By working together, the partnership has demonstrably … "
                                         "Tackled cross-cutting issues more effectively\n"));
}

/* Wherever a page ends, a lead-in goes over with its first part, and a page that starts
 * among the parts repeats the lead-in above them. */
static void
test_multi_part_pages (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "D", TRELLIS_CHART_ORDER_CHECKLIST);
  guint n_rows = trellis_chart_get_n_rows (chart);
  guint seen_repeat = 0;

  for (double height = 200; height < 1200; height += 7)
    {
      guint row = 0;

      while (row < n_rows)
        {
          g_autoptr(TrellisChartLayout) page = trellis_chart_layout_new (chart, style, A4_WIDTH, height, row);
          guint end = trellis_chart_layout_get_end_row (page);
          const TrellisChartBarLayout *first = trellis_chart_layout_get_bar (page, 0);
          TrellisChartRect rows = trellis_chart_layout_get_scale_area (page);

          g_assert_cmpuint (end, >, row);
          if (end > row + 1)
            g_assert_false (trellis_chart_row_is_lead_in (trellis_chart_get_row (chart, end - 1)));
          /* Room above the first bar for the repeated lead-in, and only then. */
          if (row >= 15)
            {
              g_assert_cmpfloat (first->band.y, >, rows.y + 8.0);
              seen_repeat++;
            }
          else if (row != 14)
            g_assert_cmpfloat_with_epsilon (first->band.y, rows.y, 1e-6);
          row = end;
        }
    }
  g_assert_cmpuint (seen_repeat, >, 0);
}

/* Without titles (a view that shows its own), the column headings start at the top:
 * the Not applicable · Don't know heading of two lines must not rise above it. */
static void
test_no_titles (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "C", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartLayout) titled = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);
  g_autoptr(TrellisChartLayout) bare = NULL;
  double small = 0.875 * trellis_chart_style_get_font_size (style);

  trellis_chart_style_set_show_titles (style, FALSE);
  bare = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);
  g_assert_true (trellis_chart_get_shows_missing (chart));
  g_assert_cmpfloat (trellis_chart_layout_get_scale_area (bare).y, >=, 2 * small);
  g_assert_cmpfloat (trellis_chart_layout_get_scale_area (bare).y, <, trellis_chart_layout_get_scale_area (titled).y);
  g_assert_cmpfloat (trellis_chart_layout_get_height (bare), <, trellis_chart_layout_get_height (titled));
}

static void
test_overview (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_overview (summary, TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, A4_WIDTH, A4_HEIGHT, 0);

  g_assert_cmpint (trellis_chart_get_kind (chart), ==, TRELLIS_CHART_OVERVIEW);
  g_assert_cmpuint (trellis_chart_get_n_rows (chart), ==, 4);
  g_assert_cmpstr (trellis_chart_get_row (chart, 1)->number, ==, "B");
  g_assert_cmpstr (trellis_chart_get_row (chart, 1)->text, ==, "Informed by Evidence");
  g_assert_cmpuint (chart_bar (chart, 1, 0)->dist.valid, ==,
                    trellis_summary_find_section (summary, "B")->pooled.valid);
  g_assert_cmpuint (trellis_chart_layout_get_end_row (layout), ==, 4);
  for (guint i = 0; i < 4; i++)
    check_bar_geometry (layout, trellis_chart_layout_get_bar (layout, i), &chart_bar (chart, i, 0)->dist);
}

static void
test_nobody_answered (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_edge_cases (7);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "E", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);
  g_autofree char *summary_text = trellis_chart_dup_bar_summary (chart, 0, 0);
  const TrellisChartBarLayout *bar = find_row (layout, "e1", 0);

  g_assert_nonnull (bar);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (bar->sides[i], ==, -1);
  for (guint s = 0; s < bar->n_segments; s++)
    g_assert_cmpfloat (bar->segments[s].rect.width, ==, 0.0);
  g_assert_cmpfloat (bar->missing[0].rect.width + bar->missing[1].rect.width, ==, 0.0);
  g_assert_nonnull (strstr (summary_text, "no answers"));
  g_assert_nonnull (strstr (summary_text, "7 left blank"));
}

static void
test_everybody_not_applicable (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_edge_cases (7);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "E", TRELLIS_CHART_ORDER_AGREEMENT);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);
  TrellisChartRect missing_area = trellis_chart_layout_get_missing_area (layout);
  const TrellisChartBarLayout *bar = find_row (layout, "e2", 0);
  guint n_rows = trellis_chart_get_n_rows (chart);

  /* The whole column is Not applicable: its axis runs to 100 %. */
  g_assert_nonnull (bar);
  g_assert_cmpint (bar->sides[0], ==, -1);
  g_assert_cmpuint (bar->missing[0].count, ==, 7);
  g_assert_cmpfloat_with_epsilon (bar->missing[0].percent, 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (bar->missing[0].rect.width, missing_area.width, 1e-6);
  /* Rated by nobody, so last when ordered by agreement. */
  g_assert_cmpuint (chart_bar (chart, n_rows - 1, 0)->dist.valid, ==, 0);
  g_assert_cmpuint (chart_bar (chart, n_rows - 2, 0)->dist.valid, ==, 0);
}

static void
test_single_respondent (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_edge_cases (1);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "L", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);
  guint checked = 0;

  g_assert_cmpuint (trellis_summary_get_n_respondents (summary), ==, 1);
  for (guint i = 0; i < trellis_chart_layout_get_n_bars (layout); i++)
    {
      const TrellisChartBarLayout *bar = trellis_chart_layout_get_bar (layout, i);
      const TrellisDistribution *dist = &chart_bar (chart, bar->row, 0)->dist;
      guint full = 0;

      if (dist->valid == 0)
        continue;
      check_bar_geometry (layout, bar, dist);
      for (guint s = 0; s < bar->n_segments; s++)
        if (bar->segments[s].percent == 100.0)
          full++;
      g_assert_cmpuint (full, ==, 1);
      g_assert_true (bar->sides[0] == 100 || bar->sides[1] == 100 || bar->sides[2] == 100);
      checked++;
    }
  g_assert_cmpuint (checked, >, 40);
}

static void
test_long_text_and_accents (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_edge_cases (9);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "E", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);
  g_autofree char *description = trellis_chart_dup_description (chart);
  const TrellisChartBarLayout *short_row = find_row (layout, "e1", 0);
  const TrellisChartBarLayout *long_row = find_row (layout, "e3", 0);
  TrellisChartRect scale_area = trellis_chart_layout_get_scale_area (layout);

  /* Four rated statements: the cut one and the comment item are not drawn. */
  g_assert_cmpuint (trellis_chart_get_n_rows (chart), ==, 4);
  g_assert_null (find_row (layout, "e5", 0));
  g_assert_null (find_row (layout, "e6", 0));

  /* The long statement wraps onto many lines: its row grows, the bar area does not. */
  g_assert_cmpfloat (long_row->band.height, >, 4 * short_row->band.height);
  g_assert_cmpfloat_with_epsilon (trellis_chart_layout_get_width (layout), A4_WIDTH, 1e-6);
  g_assert_cmpfloat (scale_area.width, >, 0.3 * A4_WIDTH);

  g_assert_nonnull (strstr (description, "Cas limites : réponses, accents et textes très longs"));
  g_assert_nonnull (strstr (description, "Saint-Étienne, Łódź et Zürich"));
  g_assert_nonnull (strstr (description, "Été 2026"));
}

static void
test_sixty_statements_paginate (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_edge_cases (12);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "L", TRELLIS_CHART_ORDER_AGREEMENT);
  g_autoptr(TrellisChartLayout) first = trellis_chart_layout_new (chart, style, A4_WIDTH, A4_HEIGHT, 0);
  double thickness = trellis_chart_layout_get_bar (first, 0)->segments[0].rect.height;
  guint row = 0, pages = 0;

  g_assert_cmpuint (trellis_chart_get_n_rows (chart), ==, 60);
  while (row < 60)
    {
      g_autoptr(TrellisChartLayout) page = trellis_chart_layout_new (chart, style, A4_WIDTH, A4_HEIGHT, row);

      g_assert_cmpuint (trellis_chart_layout_get_first_row (page), ==, row);
      g_assert_cmpuint (trellis_chart_layout_get_end_row (page), >, row);
      g_assert_cmpfloat (trellis_chart_layout_get_height (page), <=, A4_HEIGHT);
      /* Every bar on every page is as thick as on the first. */
      for (guint i = 0; i < trellis_chart_layout_get_n_bars (page); i++)
        {
          const TrellisChartBarLayout *bar = trellis_chart_layout_get_bar (page, i);
          g_assert_cmpuint (bar->row, ==, row + i);
          g_assert_cmpfloat_with_epsilon (bar->segments[0].rect.height, thickness, 1e-9);
        }
      row = trellis_chart_layout_get_end_row (page);
      pages++;
    }
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, <=, 3);

  /* On a slide it shrinks to fit; too long even at half size, it goes on at full size. */
  {
    g_autoptr(TrellisChartLayout) slide = trellis_chart_layout_new_to_fit (chart, style, 900, 500, 0, 0.5);
    g_autoptr(TrellisChartLayout) fitted = NULL;
    g_autoptr(TrellisChart) overview = trellis_chart_new_overview (summary, TRELLIS_CHART_ORDER_CHECKLIST);

    g_assert_cmpfloat (trellis_chart_layout_get_scale (slide), ==, 1.0);
    g_assert_cmpuint (trellis_chart_layout_get_end_row (slide), <, 60);
    fitted = trellis_chart_layout_new_to_fit (overview, style, 400, 150, 0, 0.5);
    g_assert_cmpfloat (trellis_chart_layout_get_scale (fitted), <, 1.0);
    g_assert_cmpfloat (trellis_chart_layout_get_height (fitted), <=, 150);
    g_assert_cmpuint (trellis_chart_layout_get_end_row (fitted), ==, 2);
  }
}

static void
test_rounds (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (2);
  g_autoptr(TrellisSummary) before =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisSummary) after =
    trellis_summary_new (project, trellis_project_get_round (project, 1), NULL, NULL);
  TrellisSummary *summaries[] = { before, after };
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_rounds (summaries, 2, "A", TRELLIS_CHART_ORDER_AGREEMENT);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);
  g_autofree char *description = trellis_chart_dup_description (chart);

  g_assert_cmpint (trellis_chart_get_kind (chart), ==, TRELLIS_CHART_ROUNDS);
  g_assert_cmpuint (trellis_chart_get_n_rows (chart), ==, 17);
  g_assert_cmpuint (trellis_chart_layout_get_n_bars (layout), ==, 34);
  for (guint r = 0; r < 17; r++)
    {
      const TrellisChartRow *row = trellis_chart_get_row (chart, r);
      const TrellisChartBar *old = chart_bar (chart, r, 0), *new = chart_bar (chart, r, 1);

      g_assert_cmpstr (old->label, ==, "Spring 2026");
      g_assert_cmpstr (new->label, ==, "Autumn 2026");
      g_assert_false (old->has_change);
      g_assert_true (new->has_change);
      g_assert_cmpfloat_with_epsilon (new->change_agree, new->dist.pct_agree - old->dist.pct_agree, 1e-9);
      /* Marked only when Newcombe's test says so, the same verdict the talking points use. */
      g_assert_cmpint (new->change, ==, trellis_change_test_agree (&old->dist, &new->dist));
      g_assert_cmpfloat_with_epsilon (new->dist.pct_agree,
                                      trellis_summary_find_item (after, row->id)->dist.pct_agree, 1e-9);
      /* Ordered by the latest round. */
      if (r > 0)
        g_assert_cmpfloat (chart_bar (chart, r - 1, 1)->dist.pct_agree, >=, new->dist.pct_agree);
      for (guint b = 0; b < 2; b++)
        check_bar_geometry (layout, trellis_chart_layout_find_bar (layout, r, b), &chart_bar (chart, r, b)->dist);
    }
  g_assert_nonnull (strstr (description, "since the round before"));
  g_assert_nonnull (strstr (trellis_chart_get_note (chart), "▲ or ▼ marks a change too large to put down to chance"));
}

/* A statement reworded since an earlier round: that round's bar is marked, and the
 * note says what the mark means. Section D's 55f shows the lead-in counts too. */
static void
test_rounds_reworded (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (2);
  TrellisRound *spring = trellis_project_get_round (project, 0);
  g_autoptr(TrellisSummary) before = NULL;
  g_autoptr(TrellisSummary) after = NULL;
  g_autoptr(TrellisChart) chart_c = NULL;
  g_autoptr(TrellisChart) chart_d = NULL;
  g_autoptr(TrellisChart) chart_a = NULL;
  TrellisSummary *summaries[2];
  g_autofree char *description = NULL;

  /* As if 36 and the lead-in of 55 were reworded after the spring round. */
  trellis_round_set_statement_wording (spring, "s36", "Our priorities are in <em>my</em> plans.");
  trellis_round_set_statement_wording (spring, "s55", "Working together, the partnership has");
  before = trellis_summary_new (project, spring, NULL, NULL);
  after = trellis_summary_new (project, trellis_project_get_round (project, 1), NULL, NULL);
  summaries[0] = before;
  summaries[1] = after;
  chart_c = trellis_chart_new_rounds (summaries, 2, "C", TRELLIS_CHART_ORDER_CHECKLIST);
  chart_d = trellis_chart_new_rounds (summaries, 2, "D", TRELLIS_CHART_ORDER_CHECKLIST);
  chart_a = trellis_chart_new_rounds (summaries, 2, "A", TRELLIS_CHART_ORDER_CHECKLIST);

  for (guint r = 0; r < trellis_chart_get_n_rows (chart_c); r++)
    {
      const TrellisChartRow *row = trellis_chart_get_row (chart_c, r);

      g_assert_cmpstr (chart_bar (chart_c, r, 0)->label, ==, g_str_equal (row->id, "s36") ? "Spring 2026 †" : "Spring 2026");
      g_assert_cmpstr (chart_bar (chart_c, r, 1)->label, ==, "Autumn 2026");
    }
  for (guint r = 0; r < trellis_chart_get_n_rows (chart_d); r++)
    {
      const TrellisChartRow *row = trellis_chart_get_row (chart_d, r);

      if (row->bars->len > 0)
        g_assert_cmpint (g_str_has_suffix (chart_bar (chart_d, r, 0)->label, "†"), ==, g_str_has_prefix (row->id, "s55"));
    }
  g_assert_nonnull (strstr (trellis_chart_get_note (chart_c), "† The statement was worded differently"));
  g_assert_null (strstr (trellis_chart_get_note (chart_a), "†"));
  description = trellis_chart_dup_description (chart_c);
  g_assert_nonnull (strstr (description, "Spring 2026 †"));
}

static void
test_groups_suppressed (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  TrellisRound *round = trellis_project_get_round (project, 0);
  g_autoptr(TrellisChart) chart = trellis_chart_new_groups (project, round, NULL, "C", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisSummary) council = trellis_summary_new (project, round, NULL, "Council");
  g_autofree char *description = trellis_chart_dup_description (chart);
  const char *note = trellis_chart_get_note (chart);

  g_assert_cmpint (trellis_chart_get_kind (chart), ==, TRELLIS_CHART_GROUPS);
  for (guint r = 0; r < trellis_chart_get_n_rows (chart); r++)
    {
      const TrellisChartRow *row = trellis_chart_get_row (chart, r);

      g_assert_cmpuint (row->bars->len, ==, 3);
      g_assert_cmpstr (chart_bar (chart, r, 0)->label, ==, "All respondents");
      g_assert_cmpstr (chart_bar (chart, r, 1)->label, ==, "Council");
      g_assert_cmpstr (chart_bar (chart, r, 2)->label, ==, "Health board");
      g_assert_cmpuint (chart_bar (chart, r, 1)->dist.valid, ==,
                        trellis_summary_find_item (council, row->id)->dist.valid);
    }
  /* Voluntary sector (3) is too small, Police Scotland (5) hides with it; neither is named. */
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "1 group with fewer than 5 respondents"));
  g_assert_nonnull (strstr (note, "1 more group"));
  g_assert_null (strstr (description, "Voluntary"));
  g_assert_null (strstr (description, "Police"));
}

static void
test_groups_not_stated (void)
{
  /* Five in Council all agreeing, six without a group all disagreeing. */
  const TrellisAnswer answers[] = { 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2 };
  const char *groups[] = { "Council", "Council", "Council", "Council", "Council", NULL, NULL, NULL, NULL, NULL, NULL };
  g_autoptr(TrellisProject) project =
    one_statement_project (trellis_scale_new_agreement (), answers, groups, G_N_ELEMENTS (answers));
  g_autoptr(TrellisChart) chart = trellis_chart_new_groups (project, trellis_project_get_round (project, 0), NULL, "A",
                                                            TRELLIS_CHART_ORDER_CHECKLIST);
  const TrellisChartBar *not_stated;

  g_assert_cmpuint (trellis_chart_get_row (chart, 0)->bars->len, ==, 3);
  not_stated = chart_bar (chart, 0, 2);
  g_assert_cmpstr (not_stated->label, ==, "Not stated");
  g_assert_cmpuint (not_stated->dist.valid, ==, 6);
  g_assert_cmpuint (not_stated->dist.counts[1], ==, 6);
  g_assert_cmpfloat (not_stated->dist.pct_disagree, ==, 100.0);
  g_assert_null (trellis_chart_get_note (chart));
}

/* Two groups of one are hidden, and since the two together could be worked out from
 * all respondents minus the shown groups, the next-smallest is hidden too. */
static void
test_groups_two_of_one (void)
{
  const TrellisAnswer answers[] = { 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3 };
  const char *groups[] = { "Council", "Council", "Council", "Council", "Council", "Council",
                           "Police", "Police", "Police", "Police", "Police", "Fire", "Housing" };
  g_autoptr(TrellisProject) project =
    one_statement_project (trellis_scale_new_agreement (), answers, groups, G_N_ELEMENTS (groups));
  g_autoptr(TrellisChart) chart = trellis_chart_new_groups (project, trellis_project_get_round (project, 0), NULL, "A",
                                                            TRELLIS_CHART_ORDER_CHECKLIST);

  g_assert_cmpuint (trellis_chart_get_row (chart, 0)->bars->len, ==, 2);
  g_assert_cmpstr (chart_bar (chart, 0, 1)->label, ==, "Council");
  g_assert_nonnull (strstr (trellis_chart_get_note (chart), "2 groups with fewer than 5 respondents"));
  g_assert_nonnull (strstr (trellis_chart_get_note (chart), "1 more group"));
}

static void
test_hit_test (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "B", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new_to_fit (chart, style, 300, 200, 0, 0.3);
  double scale = trellis_chart_layout_get_scale (layout);
  const TrellisChartBarLayout *bar = trellis_chart_layout_get_bar (layout, 2);
  const TrellisChartSegment *widest = &bar->segments[0];
  TrellisChartHit hit;
  g_autofree char *readout = NULL;

  g_assert_cmpfloat (scale, <, 1.0);
  for (guint s = 1; s < bar->n_segments; s++)
    if (bar->segments[s].rect.width > widest->rect.width)
      widest = &bar->segments[s];

  /* Hit-testing takes the coordinates painted in, after the shrinking. */
  g_assert_true (trellis_chart_layout_hit_test (layout, (widest->rect.x + widest->rect.width / 2) * scale,
                                                (widest->rect.y + widest->rect.height / 2) * scale, &hit));
  g_assert_cmpuint (hit.row, ==, 2);
  g_assert_cmpuint (hit.bar, ==, 0);
  g_assert_cmpint (hit.answer, ==, widest->answer);
  readout = trellis_chart_layout_dup_readout (layout, &hit);
  g_assert_nonnull (strstr (readout, trellis_chart_get_answer_label (chart, widest->answer)));
  g_assert_nonnull (strstr (readout, trellis_chart_get_row (chart, 2)->number));

  /* Beside the bar, on its band: the whole bar in words. */
  g_assert_true (trellis_chart_layout_hit_test (layout, 1.0, (bar->band.y + 1) * scale, &hit));
  g_assert_cmpint (hit.answer, ==, TRELLIS_ANSWER_BLANK);
  g_clear_pointer (&readout, g_free);
  readout = trellis_chart_layout_dup_readout (layout, &hit);
  g_assert_nonnull (strstr (readout, "agree"));

  /* The title is on no bar. */
  g_assert_false (trellis_chart_layout_hit_test (layout, 5, 5, &hit));
}

static void
test_even_scale (void)
{
  const TrellisAnswer answers[] = { 1, 2, 2, 3, 4, 4, 4, 4 };
  g_autoptr(TrellisProject) project =
    one_statement_project (trellis_scale_new ("four", 4), answers, NULL, G_N_ELEMENTS (answers));
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "A", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, A4_WIDTH, 0, 0);

  check_bar_geometry (layout, trellis_chart_layout_get_bar (layout, 0), &chart_bar (chart, 0, 0)->dist);
  g_assert_cmpint (trellis_chart_layout_get_bar (layout, 0)->sides[0], ==, 38);
  g_assert_cmpint (trellis_chart_layout_get_bar (layout, 0)->sides[1], ==, 0);
  g_assert_cmpint (trellis_chart_layout_get_bar (layout, 0)->sides[2], ==, 62);
}

static void
test_palettes (void)
{
  for (guint p = 0; p < 2; p++)
    {
      g_autoptr(TrellisChartStyle) style = trellis_chart_style_new (p);
      double luminance[5];

      for (guint n = TRELLIS_SCALE_MIN_POINTS; n <= TRELLIS_SCALE_MAX_POINTS; n++)
        for (guint point = 1; point <= n; point++)
          {
            TrellisChartColour fill, text;

            /* Whatever is printed on a segment reads at WCAG AA contrast. */
            trellis_chart_style_get_level_colour (style, n, point, &fill);
            trellis_chart_style_get_ink (style, trellis_chart_style_get_text_ink_on (style, &fill), &text);
            g_assert_cmpfloat (trellis_chart_colour_get_contrast (&fill, &text), >=, 4.5);
          }

      for (guint point = 1; point <= 5; point++)
        {
          TrellisChartColour fill;
          trellis_chart_style_get_level_colour (style, 5, point, &fill);
          luminance[point - 1] = trellis_chart_colour_get_luminance (&fill);
        }
      /* Strength is lightness: the strong answers darker than the mild ones, the
       * neutral lightest. */
      g_assert_cmpfloat (luminance[0], <, luminance[1]);
      g_assert_cmpfloat (luminance[4], <, luminance[3]);
      g_assert_cmpfloat (luminance[2], >, luminance[1]);
      g_assert_cmpfloat (luminance[2], >, luminance[3]);

      /* In greyscale every level is its own grey, even across the two sides. */
      if (p == TRELLIS_CHART_PALETTE_GREYSCALE)
        for (guint i = 0; i < 5; i++)
          for (guint j = i + 1; j < 5; j++)
            g_assert_cmpfloat (fabs (luminance[i] - luminance[j]), >, 0.04);
    }
}

/* A widget may be squeezed to almost nothing: the chart draws nonsense-free or not at
 * all, but never fails. */
static void
test_tiny_sizes (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (2);
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_latest_round (project), NULL, NULL);
  g_autoptr(TrellisChartStyle) style = test_style ();
  g_autoptr(TrellisChart) chart = trellis_chart_new_groups (project, trellis_project_get_latest_round (project), NULL,
                                                            "D", TRELLIS_CHART_ORDER_AGREEMENT);
  const double sizes[][2] = { { 1, 1 }, { 10, 400 }, { 60, 20 }, { 2000, 5 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(TrellisChartLayout) layout = trellis_chart_layout_new (chart, style, sizes[i][0], sizes[i][1], 0);
      TrellisChartHit hit;

      g_assert_cmpuint (trellis_chart_layout_get_end_row (layout), >=, 1);
      trellis_chart_layout_paint (layout, cr);
      trellis_chart_draw (chart, style, cr, sizes[i][0], sizes[i][1]);
      trellis_chart_layout_hit_test (layout, sizes[i][0] / 2, sizes[i][1] / 2, &hit);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/round-percentages", test_round_percentages);
  g_test_add_func ("/charts/geometry/section", test_section_geometry);
  g_test_add_func ("/charts/geometry/missing-kept-apart", test_missing_kept_apart);
  g_test_add_func ("/charts/geometry/even-scale", test_even_scale);
  g_test_add_func ("/charts/order-and-what-is-drawn", test_order_and_what_is_drawn);
  g_test_add_func ("/charts/multi-part/lead-in", test_multi_part_lead_in);
  g_test_add_func ("/charts/multi-part/pages", test_multi_part_pages);
  g_test_add_func ("/charts/no-titles", test_no_titles);
  g_test_add_func ("/charts/overview", test_overview);
  g_test_add_func ("/charts/edge/nobody-answered", test_nobody_answered);
  g_test_add_func ("/charts/edge/everybody-not-applicable", test_everybody_not_applicable);
  g_test_add_func ("/charts/edge/single-respondent", test_single_respondent);
  g_test_add_func ("/charts/edge/long-text-and-accents", test_long_text_and_accents);
  g_test_add_func ("/charts/edge/sixty-statements", test_sixty_statements_paginate);
  g_test_add_func ("/charts/rounds", test_rounds);
  g_test_add_func ("/charts/rounds-reworded", test_rounds_reworded);
  g_test_add_func ("/charts/groups/suppressed", test_groups_suppressed);
  g_test_add_func ("/charts/groups/not-stated", test_groups_not_stated);
  g_test_add_func ("/charts/groups/two-of-one", test_groups_two_of_one);
  g_test_add_func ("/charts/hit-test", test_hit_test);
  g_test_add_func ("/charts/palettes", test_palettes);
  g_test_add_func ("/charts/tiny-sizes", test_tiny_sizes);

  return g_test_run ();
}
