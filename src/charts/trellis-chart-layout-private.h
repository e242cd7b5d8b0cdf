/* trellis-chart-layout-private.h: a chart layout's insides, which the layout of the
 * priority matrix (trellis-chart-matrix.c) fills in too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "trellis-chart-layout.h"

G_BEGIN_DECLS

/* Everything is laid out once, in points, into three display lists painted in turn:
 * what lies under the bars (row bands, grid, zero line), the bars, and the text. Tests
 * read the geometry; painting only replays the lists. */
typedef enum
{
  MARK_RECT,
  MARK_LINE,
  MARK_TEXT,
  MARK_DOT,
} MarkKind;

typedef struct
{
  MarkKind           kind;
  TrellisChartColour colour;
  union
  {
    struct
    {
      TrellisChartRect rect;
      gboolean         hatched;
    } fill;
    struct
    {
      double x0, y0, x1, y1, width;
    } line;
    struct
    {
      PangoLayout *layout;
      double       x, y;
    } text;
    struct
    {
      double x, y, radius;
    } dot;
  };
} Mark;

#define N_FONTS (TRELLIS_CHART_FONT_HEADING + 1)

struct _TrellisChartLayout
{
  gatomicrefcount       ref_count;

  TrellisChart         *chart;
  TrellisChartStyle    *style;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];

  double                scale;
  double                width;
  double                height;
  guint                 first_row;
  guint                 end_row;
  gboolean              comparison;

  /* Columns, left to right, and the sizes everything follows from. */
  double                em;
  double                gap;
  double                number_right;
  double                text_x;
  double                text_width;
  double                bar_label_right;
  double                bar_label_width;
  double                disagree_right;
  double                scale_left;
  double                scale_right;
  double                zero_x;
  double                unit;
  double                agree_left;
  double                change_x;
  double                change_width;
  double                missing_x;
  double                missing_width;
  double                missing_range;
  double                n_x;
  double                thickness;
  double                bar_gap;
  double                rows_top;
  double                rows_bottom;

  GArray               *bars;   /* TrellisChartBarLayout */
  GArray               *under;  /* Mark */
  GArray               *over;
  GArray               *texts;
};

double       _trellis_chart_layout_place_titles (TrellisChartLayout *self);
PangoLayout *_trellis_chart_layout_make_text (TrellisChartLayout *self,
                                              const char         *text,
                                              TrellisChartFont    font,
                                              double              wrap_width,
                                              PangoAlignment      alignment);
void         _trellis_chart_layout_text_size (PangoLayout *layout,
                                              double      *width,
                                              double      *height);
void         _trellis_chart_layout_place_text (TrellisChartLayout *self,
                                               PangoLayout        *layout,
                                               double              x,
                                               double              x_align,
                                               double              y,
                                               double              y_align,
                                               TrellisChartInk     ink);
void         _trellis_chart_layout_add_fill (GArray                   *marks,
                                             const TrellisChartRect   *rect,
                                             const TrellisChartColour *colour,
                                             gboolean                  hatched);
void         _trellis_chart_layout_add_line (TrellisChartLayout *self,
                                             GArray             *marks,
                                             double              x0,
                                             double              y0,
                                             double              x1,
                                             double              y1,
                                             double              width,
                                             TrellisChartInk     ink);
void         _trellis_chart_layout_add_dot (GArray                   *marks,
                                            double                    x,
                                            double                    y,
                                            double                    radius,
                                            const TrellisChartColour *colour);

void         _trellis_chart_layout_build_matrix (TrellisChartLayout *self,
                                                 double              height);

G_END_DECLS
