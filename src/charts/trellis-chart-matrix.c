/* trellis-chart-matrix.c: the layout of a priority matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dudley's Partnership Evaluation Tool asks how important each theme is and how
 * effective the partnership is at it; the matrix puts each theme at its mean
 * effectiveness (across) and mean importance (up). The middle of each scale divides it
 * into four quadrants; the top left one, important but not yet effective, is shaded
 * and named the priority for action. Laid out into the same display lists as the bar
 * charts (trellis-chart-layout.c), so that it paints, prints and exports the same way.
 */
#define G_LOG_DOMAIN "trellis-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "trellis-chart-layout-private.h"

/* The plot's height as a share of its width when the page leaves it free, and its
 * limits in ems: square enough to read distances both ways, short enough for a page. */
#define PLOT_ASPECT     0.62
#define PLOT_MIN_EMS    12.0
#define PLOT_MAX_EMS    32.0
/* How far a theme's name may move from its dot, in steps, before it takes a leader. */
#define LABEL_STEPS     4

typedef struct
{
  TrellisChartLayout *self;
  TrellisChartRect    plot;
  TrellisChartRect    priority;  /* the shaded quadrant */
  TrellisChartColour  shade;
  double              low[2];   /* the value at the plot's left or bottom edge, per axis */
  double              high[2];
  GArray             *obstacles;  /* TrellisChartRect: labels and dots placed so far */
} Matrix;

static double
to_x (const Matrix *matrix,
      double        value)
{
  const double *low = matrix->low, *high = matrix->high;

  return matrix->plot.x + (value - low[TRELLIS_CHART_AXIS_EFFECTIVENESS])
                          / (high[TRELLIS_CHART_AXIS_EFFECTIVENESS] - low[TRELLIS_CHART_AXIS_EFFECTIVENESS])
                          * matrix->plot.width;
}

static double
to_y (const Matrix *matrix,
      double        value)
{
  const double *low = matrix->low, *high = matrix->high;

  return matrix->plot.y + matrix->plot.height
         - (value - low[TRELLIS_CHART_AXIS_IMPORTANCE])
           / (high[TRELLIS_CHART_AXIS_IMPORTANCE] - low[TRELLIS_CHART_AXIS_IMPORTANCE])
           * matrix->plot.height;
}

static gboolean
rects_overlap (const TrellisChartRect *a,
               const TrellisChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const TrellisChartRect *inner,
             const TrellisChartRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

/* How much of @rect is covered by what is already placed, in square points. */
static double
overlap_area (const Matrix           *matrix,
              const TrellisChartRect *rect)
{
  double area = 0;

  for (guint i = 0; i < matrix->obstacles->len; i++)
    {
      const TrellisChartRect *other = &g_array_index (matrix->obstacles, TrellisChartRect, i);

      if (rects_overlap (rect, other))
        area += (MIN (rect->x + rect->width, other->x + other->width) - MAX (rect->x, other->x))
                * (MIN (rect->y + rect->height, other->y + other->height) - MAX (rect->y, other->y));
    }
  return area;
}

static void
add_obstacle (Matrix                 *matrix,
              const TrellisChartRect *rect)
{
  g_array_append_val (matrix->obstacles, *rect);
}

/* Text is set on the colour under it, so that no grid line runs through a word: the
 * plot's background, and the shade where the box reaches into the priority quadrant. */
static void
add_backing (Matrix                 *matrix,
             const TrellisChartRect *rect)
{
  TrellisChartLayout *self = matrix->self;
  double margin = 0.15 * self->em;
  const TrellisChartRect *plot = &matrix->plot, *priority = &matrix->priority;
  double left = MAX (rect->x - margin, plot->x), right = MIN (rect->x + rect->width + margin, plot->x + plot->width);
  double top = MAX (rect->y, plot->y), bottom = MIN (rect->y + rect->height, plot->y + plot->height);
  TrellisChartColour background;

  /* Kept inside the frame. */
  if (right <= left || bottom <= top)
    return;
  trellis_chart_style_get_ink (self->style, TRELLIS_CHART_INK_BACKGROUND, &background);
  _trellis_chart_layout_add_fill (self->under, &(TrellisChartRect) { left, top, right - left, bottom - top },
                                  &background, FALSE);
  right = MIN (right, priority->x + priority->width);
  bottom = MIN (bottom, priority->y + priority->height);
  if (right > left && bottom > top)
    _trellis_chart_layout_add_fill (self->under, &(TrellisChartRect) { left, top, right - left, bottom - top },
                                    &matrix->shade, FALSE);
}

/* The plot's frame, the grid at each whole point, the two lines through the middle
 * of the scales, and the shaded priority quadrant under them. */
static void
place_quadrants (Matrix *matrix)
{
  TrellisChartLayout *self = matrix->self;
  TrellisChart *chart = self->chart;
  const TrellisChartRect *plot = &matrix->plot;
  double middle_x = to_x (matrix, trellis_chart_get_axis_middle (chart, TRELLIS_CHART_AXIS_EFFECTIVENESS));
  double middle_y = to_y (matrix, trellis_chart_get_axis_middle (chart, TRELLIS_CHART_AXIS_IMPORTANCE));
  TrellisChartRect priority = { plot->x, plot->y, middle_x - plot->x, middle_y - plot->y };
  TrellisChartColour shade, strong;

  guint n_x = trellis_chart_get_axis_points (chart, TRELLIS_CHART_AXIS_EFFECTIVENESS);
  guint n_y = trellis_chart_get_axis_points (chart, TRELLIS_CHART_AXIS_IMPORTANCE);

  /* The strongest disagreeing colour, faded: the colour that means "not good" in
   * every other chart, light enough for the names to read on it, grey in greyscale. */
  trellis_chart_style_get_level_colour (self->style, 5, 1, &strong);
  shade.red = 1 - 0.22 * (1 - strong.red);
  shade.green = 1 - 0.22 * (1 - strong.green);
  shade.blue = 1 - 0.22 * (1 - strong.blue);
  _trellis_chart_layout_add_fill (self->under, &priority, &shade, FALSE);
  matrix->priority = priority;
  matrix->shade = shade;
  /* A name across a divider would seem to be in both quadrants. */
  add_obstacle (matrix, &(TrellisChartRect) { middle_x - 0.1 * self->em, plot->y, 0.2 * self->em, plot->height });
  add_obstacle (matrix, &(TrellisChartRect) { plot->x, middle_y - 0.1 * self->em, plot->width, 0.2 * self->em });

  for (guint p = 1; p <= n_x; p++)
    _trellis_chart_layout_add_line (self, self->under, to_x (matrix, p), plot->y, to_x (matrix, p),
                                    plot->y + plot->height, 0.4, TRELLIS_CHART_INK_GRID);
  for (guint p = 1; p <= n_y; p++)
    _trellis_chart_layout_add_line (self, self->under, plot->x, to_y (matrix, p), plot->x + plot->width,
                                    to_y (matrix, p), 0.4, TRELLIS_CHART_INK_GRID);
  /* The dividers and the frame go over the names' backing (which hides the grid) and
   * under the dots and the names themselves. */
  _trellis_chart_layout_add_line (self, self->over, middle_x, plot->y, middle_x, plot->y + plot->height, 1.2,
                                  TRELLIS_CHART_INK_ZERO_LINE);
  _trellis_chart_layout_add_line (self, self->over, plot->x, middle_y, plot->x + plot->width, middle_y, 1.2,
                                  TRELLIS_CHART_INK_ZERO_LINE);
  _trellis_chart_layout_add_line (self, self->over, plot->x, plot->y, plot->x, plot->y + plot->height, 0.8,
                                  TRELLIS_CHART_INK_TEXT_MUTED);
  _trellis_chart_layout_add_line (self, self->over, plot->x, plot->y + plot->height, plot->x + plot->width,
                                  plot->y + plot->height, 0.8, TRELLIS_CHART_INK_TEXT_MUTED);
}

/* Each quadrant's meaning in its outer corner; the priority in bold. */
static void
place_quadrant_labels (Matrix *matrix)
{
  static const struct
  {
    TrellisChartQuadrant quadrant;
    double               x_align;
    double               y_align;
  } corners[] = {
    { TRELLIS_CHART_QUADRANT_PRIORITY, 0.0, 0.0 },
    { TRELLIS_CHART_QUADRANT_KEEP_UP, 1.0, 0.0 },
    { TRELLIS_CHART_QUADRANT_LOW, 0.0, 1.0 },
    { TRELLIS_CHART_QUADRANT_REVIEW, 1.0, 1.0 },
  };
  TrellisChartLayout *self = matrix->self;
  double inset = 0.4 * self->em;

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      gboolean priority = corners[i].quadrant == TRELLIS_CHART_QUADRANT_PRIORITY;
      const char *text = trellis_chart_quadrant_get_label (corners[i].quadrant);
      PangoLayout *layout = _trellis_chart_layout_make_text (self, text,
                                                             priority ? TRELLIS_CHART_FONT_BODY_BOLD
                                                                      : TRELLIS_CHART_FONT_SMALL,
                                                             -1, PANGO_ALIGN_LEFT);
      double x = matrix->plot.x + inset + corners[i].x_align * (matrix->plot.width - 2 * inset);
      double y = matrix->plot.y + inset + corners[i].y_align * (matrix->plot.height - 2 * inset);
      TrellisChartRect box;

      _trellis_chart_layout_text_size (layout, &box.width, &box.height);
      box.x = x - corners[i].x_align * box.width;
      box.y = y - corners[i].y_align * box.height;
      add_obstacle (matrix, &box);
      /* Out to the frame, so that no grid line reaches the words from the edge. */
      add_backing (matrix, &(TrellisChartRect) { box.x - inset, box.y - inset, box.width + 2 * inset,
                                                 box.height + 2 * inset });
      _trellis_chart_layout_place_text (self, layout, x, corners[i].x_align, y, corners[i].y_align,
                                        priority ? TRELLIS_CHART_INK_TEXT : TRELLIS_CHART_INK_TEXT_MUTED);
    }
}

/* Where a name of @width × @height may go beside a dot at (@x, @y): right, left,
 * above, below, then the corners, each further out at every step. */
static TrellisChartRect
label_candidate (const Matrix *matrix,
                 double        x,
                 double        y,
                 double        width,
                 double        height,
                 guint         step,
                 guint         direction)
{
  static const double directions[][2] = {
    { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 }, { 1, -1 }, { 1, 1 }, { -1, -1 }, { -1, 1 },
  };
  double gap = (0.75 + 1.4 * step) * matrix->self->em;
  double dx = directions[direction][0], dy = directions[direction][1];
  TrellisChartRect rect = { 0, 0, width, height };

  rect.x = dx > 0 ? x + gap : dx < 0 ? x - gap - width : x - width / 2;
  rect.y = dy > 0 ? y + gap : dy < 0 ? y - gap - height : y - height / 2;
  if (dx != 0 && dy != 0)
    {
      rect.x = dx > 0 ? x + 0.7 * gap : x - 0.7 * gap - width;
      rect.y = dy > 0 ? y + 0.5 * gap : y - 0.5 * gap - height;
    }
  return rect;
}

static double
distance_to_rect (const TrellisChartRect *rect,
                  double                  x,
                  double                  y)
{
  double dx = MAX (MAX (rect->x - x, 0), x - (rect->x + rect->width));
  double dy = MAX (MAX (rect->y - y, 0), y - (rect->y + rect->height));

  return hypot (dx, dy);
}

/* Whether a name at @rect could be read as another dot's than its own at (@x, @y):
 * some other dot is about as near to it. Then a leader line says whose it is. */
static gboolean
needs_leader (Matrix                 *matrix,
              const TrellisChartRect *rect,
              double                  x,
              double                  y)
{
  TrellisChartLayout *self = matrix->self;
  double own = distance_to_rect (rect, x, y);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const TrellisChartBarLayout *bar = &g_array_index (self->bars, TrellisChartBarLayout, i);
      double other_x = bar->band.x + bar->band.width / 2, other_y = bar->band.y + bar->band.height / 2;

      if ((other_x != x || other_y != y) && distance_to_rect (rect, other_x, other_y) < own + 0.6 * self->em)
        return TRUE;
    }
  return FALSE;
}

/* The theme's name beside its dot, where it covers no other name, dot or quadrant
 * label; further out when nothing near is free; where it covers least when nothing is
 * free at all. A leader line joins it to its dot when it is far from it, or another
 * dot is as near. */
static void
place_point_label (Matrix     *matrix,
                   const char *text,
                   double      x,
                   double      y)
{
  TrellisChartLayout *self = matrix->self;
  PangoLayout *layout = _trellis_chart_layout_make_text (self, text, TRELLIS_CHART_FONT_SMALL, 9 * self->em,
                                                         PANGO_ALIGN_LEFT);
  TrellisChartRect best = { 0 }, rect;
  double best_cover = G_MAXDOUBLE, width, height;
  guint best_step = 0;

  _trellis_chart_layout_text_size (layout, &width, &height);
  for (guint step = 0; step < LABEL_STEPS && best_cover > 0; step++)
    for (guint direction = 0; direction < 8 && best_cover > 0; direction++)
      {
        double cover;

        rect = label_candidate (matrix, x, y, width, height, step, direction);
        if (!rect_inside (&rect, &matrix->plot))
          continue;
        cover = overlap_area (matrix, &rect);
        if (cover < best_cover)
          {
            best_cover = cover;
            best = rect;
            best_step = step;
          }
      }
  if (best_cover == G_MAXDOUBLE)
    best = label_candidate (matrix, x, y, width, height, 0, x > matrix->plot.x + matrix->plot.width / 2 ? 1 : 0);

  if (best_step > 0 || needs_leader (matrix, &best, x, y))
    {
      double to_x = CLAMP (x, best.x, best.x + best.width), to_y = CLAMP (y, best.y, best.y + best.height);
      _trellis_chart_layout_add_line (self, self->under, x, y, to_x, to_y, 0.6, TRELLIS_CHART_INK_TEXT_MUTED);
    }
  add_obstacle (matrix, &best);
  add_backing (matrix, &best);
  _trellis_chart_layout_place_text (self, layout, best.x, 0.0, best.y, 0.0, TRELLIS_CHART_INK_TEXT);
}

/* Every theme's dot, then every name, so that no name covers a dot placed after it.
 * Each dot is a "bar" of the layout, so that the pointer and the keyboard reach it. */
static void
place_points (Matrix *matrix)
{
  TrellisChartLayout *self = matrix->self;
  TrellisChart *chart = self->chart;
  guint n_rows = trellis_chart_get_n_rows (chart);
  double radius = 0.42 * self->em;
  TrellisChartColour priority, other;

  trellis_chart_style_get_level_colour (self->style, 5, 1, &priority);
  trellis_chart_style_get_ink (self->style, TRELLIS_CHART_INK_TEXT, &other);
  for (guint r = 0; r < n_rows; r++)
    {
      TrellisChartBarLayout bar = { .row = r, .bar = 0 };
      double effectiveness, importance, x, y;

      if (!trellis_chart_get_matrix_point (chart, r, &effectiveness, &importance))
        continue;
      x = to_x (matrix, effectiveness);
      y = to_y (matrix, importance);
      _trellis_chart_layout_add_dot (self->over, x, y, radius,
                                     trellis_chart_get_quadrant (chart, r) == TRELLIS_CHART_QUADRANT_PRIORITY
                                       ? &priority : &other);
      bar.band = (TrellisChartRect) { x - 2 * radius, y - 2 * radius, 4 * radius, 4 * radius };
      bar.sides[0] = bar.sides[1] = bar.sides[2] = -1;
      g_array_append_val (self->bars, bar);
      add_obstacle (matrix, &(TrellisChartRect) { x - radius, y - radius, 2 * radius, 2 * radius });
    }
  for (guint i = 0; i < self->bars->len; i++)
    {
      const TrellisChartBarLayout *bar = &g_array_index (self->bars, TrellisChartBarLayout, i);

      place_point_label (matrix, trellis_chart_get_row (chart, bar->row)->text,
                         bar->band.x + bar->band.width / 2, bar->band.y + bar->band.height / 2);
    }
}

/* "Effectiveness (1 Not effective – 5 Very effective)", from the chart's own scales. */
static char *
axis_caption (TrellisChart     *chart,
              TrellisChartAxis  axis)
{
  guint n_points = trellis_chart_get_axis_points (chart, axis);
  const char *low_label = trellis_chart_get_axis_end_label (chart, axis, FALSE);
  const char *high_label = trellis_chart_get_axis_end_label (chart, axis, TRUE);

  if (low_label == NULL || high_label == NULL)
    return g_strdup (trellis_chart_get_axis_title (chart, axis));
  /* TRANSLATORS: an axis of the priority matrix: "Effectiveness (1 = Not effective, 5 = Very effective)" */
  return g_strdup_printf (_("%s (1 = %s, %u = %s)"), trellis_chart_get_axis_title (chart, axis), low_label,
                          n_points, high_label);
}

/* The numbers along both axes and what each axis measures. */
static double
place_axes (Matrix     *matrix,
            const char *x_caption)
{
  TrellisChartLayout *self = matrix->self;
  TrellisChart *chart = self->chart;
  const TrellisChartRect *plot = &matrix->plot;
  double tick = 0.35 * self->em, bottom = plot->y + plot->height, label_height = 0, caption_height;
  PangoLayout *caption;

  for (guint p = 1; p <= trellis_chart_get_axis_points (chart, TRELLIS_CHART_AXIS_EFFECTIVENESS); p++)
    {
      g_autofree char *number = g_strdup_printf ("%u", p);
      PangoLayout *layout = _trellis_chart_layout_make_text (self, number, TRELLIS_CHART_FONT_SMALL, -1,
                                                             PANGO_ALIGN_LEFT);

      _trellis_chart_layout_text_size (layout, NULL, &label_height);
      _trellis_chart_layout_add_line (self, self->under, to_x (matrix, p), bottom, to_x (matrix, p), bottom + tick,
                                      0.6, TRELLIS_CHART_INK_TEXT_MUTED);
      _trellis_chart_layout_place_text (self, layout, to_x (matrix, p), 0.5, bottom + tick + 0.1 * self->em, 0.0,
                                        TRELLIS_CHART_INK_TEXT_MUTED);
    }
  for (guint p = 1; p <= trellis_chart_get_axis_points (chart, TRELLIS_CHART_AXIS_IMPORTANCE); p++)
    {
      g_autofree char *number = g_strdup_printf ("%u", p);

      _trellis_chart_layout_add_line (self, self->under, plot->x - tick, to_y (matrix, p), plot->x, to_y (matrix, p),
                                      0.6, TRELLIS_CHART_INK_TEXT_MUTED);
      _trellis_chart_layout_place_text (self,
                                        _trellis_chart_layout_make_text (self, number, TRELLIS_CHART_FONT_SMALL, -1,
                                                                         PANGO_ALIGN_LEFT),
                                        plot->x - tick - 0.2 * self->em, 1.0, to_y (matrix, p), 0.5,
                                        TRELLIS_CHART_INK_TEXT_MUTED);
    }
  caption = _trellis_chart_layout_make_text (self, x_caption, TRELLIS_CHART_FONT_SMALL_BOLD, plot->width,
                                             PANGO_ALIGN_CENTER);
  _trellis_chart_layout_text_size (caption, NULL, &caption_height);
  _trellis_chart_layout_place_text (self, caption, plot->x, 0.0, bottom + tick + 0.3 * self->em + label_height, 0.0,
                                    TRELLIS_CHART_INK_TEXT_MUTED);
  return bottom + tick + 0.3 * self->em + label_height + caption_height;
}

static double
measure_height (TrellisChartLayout *self,
                const char         *text,
                TrellisChartFont    font,
                double              width)
{
  g_autoptr(PangoLayout) layout = _trellis_chart_layout_make_text (self, text, font, width, PANGO_ALIGN_LEFT);
  double height;

  _trellis_chart_layout_text_size (layout, NULL, &height);
  return height;
}

/* The plot's height: what the page leaves (@height, 0 for any), within limits. */
static double
plot_height (TrellisChartLayout *self,
             double              top,
             double              below,
             double              height,
             double              width)
{
  double wanted = CLAMP (PLOT_ASPECT * width, PLOT_MIN_EMS * self->em, PLOT_MAX_EMS * self->em);

  if (height > 0)
    return MAX (MIN (wanted, height - top - below), PLOT_MIN_EMS * self->em * 0.5);
  return wanted;
}

void
_trellis_chart_layout_build_matrix (TrellisChartLayout *self,
                                    double              height)
{
  TrellisChart *chart = self->chart;
  g_autofree char *x_caption = NULL;
  g_autofree char *y_caption = NULL;
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (TrellisChartRect));
  Matrix matrix = { .self = self, .obstacles = obstacles };
  double y = 0, gutter, below, caption_height;

  x_caption = axis_caption (chart, TRELLIS_CHART_AXIS_EFFECTIVENESS);
  y_caption = axis_caption (chart, TRELLIS_CHART_AXIS_IMPORTANCE);
  if (trellis_chart_style_get_show_titles (self->style))
    y = _trellis_chart_layout_place_titles (self);

  /* What importance is, over the numbers up the left side. */
  caption_height = measure_height (self, y_caption, TRELLIS_CHART_FONT_SMALL_BOLD, self->width);
  _trellis_chart_layout_place_text (self,
                                    _trellis_chart_layout_make_text (self, y_caption, TRELLIS_CHART_FONT_SMALL_BOLD,
                                                                     self->width, PANGO_ALIGN_LEFT),
                                    0, 0.0, y, 0.0, TRELLIS_CHART_INK_TEXT_MUTED);
  y += caption_height + 0.5 * self->em;

  gutter = 1.6 * self->em;
  below = 0.45 * self->em + 2 * measure_height (self, "1", TRELLIS_CHART_FONT_SMALL, -1) + 0.5 * self->em;
  matrix.plot.x = gutter;
  matrix.plot.y = y;
  matrix.plot.width = self->width - gutter - 0.5 * self->em;
  matrix.plot.height = plot_height (self, y, below, height, matrix.plot.width);
  /* Half a point of room beyond each end of the scales, so that a dot at 1 or 5 and
   * its name stay inside the frame. */
  for (guint a = 0; a < 2; a++)
    {
      matrix.low[a] = 0.6;
      matrix.high[a] = trellis_chart_get_axis_points (chart, a) + 0.4;
    }

  place_quadrants (&matrix);
  place_quadrant_labels (&matrix);
  place_points (&matrix);
  y = place_axes (&matrix, x_caption);

  self->end_row = trellis_chart_get_n_rows (chart);
  self->rows_top = matrix.plot.y;
  self->rows_bottom = matrix.plot.y + matrix.plot.height;
  self->height = y + 0.3 * self->em;
}
