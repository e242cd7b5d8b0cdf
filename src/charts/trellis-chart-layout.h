/* trellis-chart-layout.h: where every bar, segment and label of a chart goes, and painting it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "trellis-chart-style.h"
#include "trellis-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TrellisChartRect;

/**
 * TrellisChartSegment:
 * @answer: the answer drawn: a point of the scale, %TRELLIS_ANSWER_NOT_APPLICABLE or
 *   %TRELLIS_ANSWER_DONT_KNOW
 * @rect: where it is drawn; zero width when nobody gave the answer
 * @count: how many gave it
 * @percent: of the answers on the scale for a point, of all respondents for Not
 *   applicable and Don't know
 * @label: the whole percent printed on the segment, or -1 when it is too narrow for one
 */
typedef struct
{
  TrellisAnswer    answer;
  TrellisChartRect rect;
  guint            count;
  double           percent;
  int              label;
} TrellisChartSegment;

/**
 * TrellisChartBarLayout:
 * @row: the chart row
 * @bar: the bar within the row (0 unless the chart compares rounds or groups)
 * @band: the full-width horizontal band of the bar, for hit-testing
 * @n_segments: the scale's points
 * @segments: one per point, disagreeing to the left, centred on the neutral point
 * @missing: Not applicable then Don't know, in their own column beside the scale
 * @sides: disagree, neutral and agree as printed, adding up to 100; all -1 when the bar
 *   has no answers on the scale
 */
typedef struct
{
  guint               row;
  guint               bar;
  TrellisChartRect    band;
  guint               n_segments;
  TrellisChartSegment segments[TRELLIS_SCALE_MAX_POINTS];
  TrellisChartSegment missing[2];
  int                 sides[3];
} TrellisChartBarLayout;

/**
 * TrellisChartHit:
 * @row: the chart row under the point
 * @bar: the bar of that row
 * @answer: the answer of the segment under the point, or %TRELLIS_ANSWER_BLANK when
 *   the point is on the bar's band but on no segment
 */
typedef struct
{
  guint         row;
  guint         bar;
  TrellisAnswer answer;
} TrellisChartHit;

typedef struct _TrellisChartLayout TrellisChartLayout;

#define TRELLIS_TYPE_CHART_LAYOUT (trellis_chart_layout_get_type ())

GType               trellis_chart_layout_get_type (void) G_GNUC_CONST;
TrellisChartLayout *trellis_chart_layout_new (TrellisChart            *chart,
                                              const TrellisChartStyle *style,
                                              double                   width,
                                              double                   height,
                                              guint                    first_row);
TrellisChartLayout *trellis_chart_layout_new_to_fit (TrellisChart            *chart,
                                                     const TrellisChartStyle *style,
                                                     double                   width,
                                                     double                   height,
                                                     guint                    first_row,
                                                     double                   min_scale);
TrellisChartLayout *trellis_chart_layout_ref (TrellisChartLayout *self);
void                trellis_chart_layout_unref (TrellisChartLayout *self);

TrellisChart       *trellis_chart_layout_get_chart (TrellisChartLayout *self);
double              trellis_chart_layout_get_scale (TrellisChartLayout *self);
double              trellis_chart_layout_get_width (TrellisChartLayout *self);
double              trellis_chart_layout_get_height (TrellisChartLayout *self);
guint               trellis_chart_layout_get_first_row (TrellisChartLayout *self);
guint               trellis_chart_layout_get_end_row (TrellisChartLayout *self);
double              trellis_chart_layout_get_zero_x (TrellisChartLayout *self);
double              trellis_chart_layout_get_percent_width (TrellisChartLayout *self);
TrellisChartRect    trellis_chart_layout_get_scale_area (TrellisChartLayout *self);
TrellisChartRect    trellis_chart_layout_get_missing_area (TrellisChartLayout *self);
guint               trellis_chart_layout_get_n_bars (TrellisChartLayout *self);
const TrellisChartBarLayout *trellis_chart_layout_get_bar (TrellisChartLayout *self,
                                                           guint               index);
const TrellisChartBarLayout *trellis_chart_layout_find_bar (TrellisChartLayout *self,
                                                            guint               row,
                                                            guint               bar);

void                trellis_chart_layout_paint (TrellisChartLayout *self,
                                                cairo_t            *cr);
gboolean            trellis_chart_layout_hit_test (TrellisChartLayout *self,
                                                   double              x,
                                                   double              y,
                                                   TrellisChartHit    *hit);
char               *trellis_chart_layout_dup_readout (TrellisChartLayout    *self,
                                                      const TrellisChartHit *hit);

void                trellis_chart_draw (TrellisChart            *chart,
                                        const TrellisChartStyle *style,
                                        cairo_t                 *cr,
                                        double                   width,
                                        double                   height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisChartLayout, trellis_chart_layout_unref)

G_END_DECLS
