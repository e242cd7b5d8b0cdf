/* trellis-chart.h: what one chart shows: rows of diverging bars built from summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "trellis-model.h"

G_BEGIN_DECLS

/**
 * TrellisChartKind:
 * @TRELLIS_CHART_SECTION: one bar per statement of a section
 * @TRELLIS_CHART_OVERVIEW: one bar per section, each pooling its statements' answers
 * @TRELLIS_CHART_ROUNDS: per statement, one bar per round, oldest first
 * @TRELLIS_CHART_GROUPS: per statement, a bar for everyone and one per group shown
 */
typedef enum
{
  TRELLIS_CHART_SECTION,
  TRELLIS_CHART_OVERVIEW,
  TRELLIS_CHART_ROUNDS,
  TRELLIS_CHART_GROUPS,
} TrellisChartKind;

/**
 * TrellisChartOrder:
 * @TRELLIS_CHART_ORDER_CHECKLIST: as the checklist prints them
 * @TRELLIS_CHART_ORDER_AGREEMENT: most agreement first (in comparisons, by the latest
 *   round or by all respondents, so every bar of a row stays together)
 */
typedef enum
{
  TRELLIS_CHART_ORDER_CHECKLIST,
  TRELLIS_CHART_ORDER_AGREEMENT,
} TrellisChartOrder;

/**
 * TrellisChartBar:
 * @label: (nullable): the round or group of the bar in a comparison
 * @dist: its answers
 * @asked: whether the round asked the statement at all
 * @has_change: whether @change_agree holds the change since the bar above
 * @change_agree: percentage points more (or fewer) agreeing than in the bar above
 * @change: whether that change clears the test of trellis_change_test_agree(); only a
 *   clear change is marked
 */
typedef struct
{
  char                *label;
  TrellisDistribution  dist;
  gboolean             asked;
  gboolean             has_change;
  double               change_agree;
  TrellisChange        change;
} TrellisChartBar;

/**
 * TrellisChartRow:
 * @id: the statement's id (the section's in the overview)
 * @number: (nullable): as printed: "23", "55a", or the section's code
 * @text: the statement (or section title)
 * @emphasis: (nullable) (element-type TrellisTextSpan): the emphasised words of @text,
 *   drawn in italics
 * @lead_in: (nullable): for a part of a multi-part statement ("55a") drawn away from
 *   its lead-in because the rows are ordered by agreement, the lead-in in short, to
 *   print before @text: "By working together, the partnership has demonstrably …"
 * @is_part: whether the row is a part of a multi-part statement
 * @bars: (element-type TrellisChartBar): one bar, or one per round or group; none for
 *   the lead-in of a multi-part statement, a row of text above its parts
 */
typedef struct
{
  char     *id;
  char     *number;
  char     *text;
  GArray   *emphasis;
  char     *lead_in;
  gboolean  is_part;
  GArray   *bars;
} TrellisChartRow;

typedef struct _TrellisChart TrellisChart;

/* A round summarised for everyone and per respondent group, shared by the charts of
 * every section of a groups comparison. */
typedef struct _TrellisGroupSummaries TrellisGroupSummaries;

TrellisGroupSummaries *trellis_group_summaries_new (TrellisProject *project,
                                                    TrellisRound   *round,
                                                    TrellisScale   *scale);
void                   trellis_group_summaries_free (TrellisGroupSummaries *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisGroupSummaries, trellis_group_summaries_free)

#define TRELLIS_TYPE_CHART (trellis_chart_get_type ())

GType                  trellis_chart_get_type (void) G_GNUC_CONST;
TrellisChart          *trellis_chart_new_section (TrellisSummary    *summary,
                                                  const char        *section_id,
                                                  TrellisChartOrder  order);
TrellisChart          *trellis_chart_new_overview (TrellisSummary    *summary,
                                                   TrellisChartOrder  order);
TrellisChart          *trellis_chart_new_rounds (TrellisSummary   **summaries,
                                                 guint              n_summaries,
                                                 const char        *section_id,
                                                 TrellisChartOrder  order);
TrellisChart          *trellis_chart_new_groups (TrellisProject    *project,
                                                 TrellisRound      *round,
                                                 TrellisScale      *scale,
                                                 const char        *section_id,
                                                 TrellisChartOrder  order);
TrellisChart          *trellis_chart_new_groups_from (TrellisGroupSummaries *groups,
                                                      const char            *section_id,
                                                      TrellisChartOrder      order);
TrellisChart          *trellis_chart_ref (TrellisChart *self);
void                   trellis_chart_unref (TrellisChart *self);

TrellisChartKind       trellis_chart_get_kind (TrellisChart *self);
TrellisChartOrder      trellis_chart_get_order (TrellisChart *self);
const char            *trellis_chart_get_title (TrellisChart *self);
const char            *trellis_chart_get_subtitle (TrellisChart *self);
const char            *trellis_chart_get_note (TrellisChart *self);
const char            *trellis_chart_get_section_id (TrellisChart *self);
guint                  trellis_chart_get_n_rows (TrellisChart *self);
const TrellisChartRow *trellis_chart_get_row (TrellisChart *self,
                                              guint         row);
guint                  trellis_chart_get_max_bars (TrellisChart *self);
gboolean               trellis_chart_row_is_lead_in (const TrellisChartRow *row);

guint                  trellis_chart_get_n_points (TrellisChart *self);
const char            *trellis_chart_get_answer_label (TrellisChart  *self,
                                                       TrellisAnswer  answer);
gboolean               trellis_chart_get_shows_missing (TrellisChart *self);

char                  *trellis_chart_dup_description (TrellisChart *self);
char                  *trellis_chart_dup_bar_summary (TrellisChart *self,
                                                      guint         row,
                                                      guint         bar);

void                   trellis_chart_round_percentages (const double *values,
                                                        guint         n_values,
                                                        int           total,
                                                        int          *rounded);
void                   trellis_chart_round_sides (const TrellisDistribution *dist,
                                                  int                        sides[3]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisChart, trellis_chart_unref)

G_END_DECLS
