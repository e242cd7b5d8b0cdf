/* trellis-chart-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "trellis-chart-layout.h"

/* Everything is laid out once, in points, into three display lists painted in turn:
 * what lies under the bars (row bands, grid, zero line), the bars, and the text. Tests
 * read the geometry; painting only replays the lists. */
typedef enum
{
  MARK_RECT,
  MARK_LINE,
  MARK_TEXT,
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

G_DEFINE_BOXED_TYPE (TrellisChartLayout, trellis_chart_layout, trellis_chart_layout_ref, trellis_chart_layout_unref)

static void
mark_clear (Mark *mark)
{
  if (mark->kind == MARK_TEXT)
    g_clear_object (&mark->text.layout);
}

static GArray *
mark_list_new (void)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (Mark));

  g_array_set_clear_func (marks, (GDestroyNotify) mark_clear);
  return marks;
}

static void
add_fill (GArray                   *marks,
          double                    x,
          double                    y,
          double                    width,
          double                    height,
          const TrellisChartColour *colour,
          gboolean                  hatched)
{
  Mark mark = { .kind = MARK_RECT, .colour = *colour };

  mark.fill.rect = (TrellisChartRect) { x, y, width, height };
  mark.fill.hatched = hatched;
  g_array_append_val (marks, mark);
}

static void
add_line (TrellisChartLayout *self,
          GArray             *marks,
          double              x0,
          double              y0,
          double              x1,
          double              y1,
          double              width,
          TrellisChartInk     ink)
{
  Mark mark = { .kind = MARK_LINE };

  trellis_chart_style_get_ink (self->style, ink, &mark.colour);
  mark.line.x0 = x0;
  mark.line.y0 = y0;
  mark.line.x1 = x1;
  mark.line.y1 = y1;
  mark.line.width = width;
  g_array_append_val (marks, mark);
}

static PangoLayout *
make_text (TrellisChartLayout *self,
           const char         *text,
           TrellisChartFont    font,
           double              wrap_width,
           PangoAlignment      alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_text (layout, text, -1);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, alignment);
    }
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
measure (TrellisChartLayout *self,
         const char         *text,
         TrellisChartFont    font)
{
  g_autoptr(PangoLayout) layout = make_text (self, text, font, -1, PANGO_ALIGN_LEFT);
  double width;

  text_size (layout, &width, NULL);
  return width;
}

/* Places @layout (taking it over) with its logical box's left edge at @x, or its right
 * edge or centre when @x_align is 1 or 0.5; likewise @y_align for @y. */
static void
place_text (TrellisChartLayout *self,
            PangoLayout        *layout,
            double              x,
            double              x_align,
            double              y,
            double              y_align,
            TrellisChartInk     ink)
{
  Mark mark = { .kind = MARK_TEXT };
  double width, height;

  text_size (layout, &width, &height);
  trellis_chart_style_get_ink (self->style, ink, &mark.colour);
  mark.text.layout = layout;
  mark.text.x = x - x_align * width;
  mark.text.y = y - y_align * height;
  g_array_append_val (self->texts, mark);
}

static void
add_text (TrellisChartLayout *self,
          const char         *text,
          TrellisChartFont    font,
          double              x,
          double              x_align,
          double              y,
          double              y_align,
          TrellisChartInk     ink)
{
  place_text (self, make_text (self, text, font, -1, PANGO_ALIGN_LEFT), x, x_align, y, y_align, ink);
}

/* Wraps @text to @width at (0, @y) and returns the height it took. */
static double
add_paragraph (TrellisChartLayout *self,
               const char         *text,
               TrellisChartFont    font,
               double              y,
               TrellisChartInk     ink)
{
  PangoLayout *layout = make_text (self, text, font, self->width, PANGO_ALIGN_LEFT);
  double height;

  text_size (layout, NULL, &height);
  place_text (self, layout, 0, 0, y, 0, ink);
  return height;
}

static char *
format_percent (int percent)
{
  /* TRANSLATORS: a percentage on a chart, "71%" */
  return g_strdup_printf (_("%d%%"), percent);
}

/* A change that clears the test carries ▲ or ▼, a mark that survives a grey printer;
 * the others are printed plain. */
static char *
format_change (double        change,
               TrellisChange verdict)
{
  int points = (int) lround (change);
  const char *mark = verdict == TRELLIS_CHANGE_MORE ? "▲ " : verdict == TRELLIS_CHANGE_FEWER ? "▼ " : "";

  if (points == 0)
    return g_strdup ("0");
  /* A real minus sign: a hyphen reads as a dash on paper. */
  return points > 0 ? g_strdup_printf ("%s+%d", mark, points) : g_strdup_printf ("%s−%d", mark, -points);
}

/* Widths of the columns, from the page width and the longest texts they hold. */
static void
place_columns (TrellisChartLayout *self)
{
  TrellisChart *chart = self->chart;
  TrellisChartFont percent_font = self->comparison ? TRELLIS_CHART_FONT_SMALL_BOLD : TRELLIS_CHART_FONT_BODY_BOLD;
  double label_width, number_width = 0, percent_width, right;
  guint n_rows = trellis_chart_get_n_rows (chart);

  self->gap = 0.75 * self->em;
  label_width = MAX (self->width * (self->comparison ? 0.30 : 0.38), 8 * self->em);
  for (guint r = 0; r < n_rows; r++)
    {
      const TrellisChartRow *row = trellis_chart_get_row (chart, r);

      if (row->number != NULL)
        number_width = MAX (number_width, measure (self, row->number, TRELLIS_CHART_FONT_BODY_BOLD));
      for (guint b = 0; self->comparison && b < row->bars->len; b++)
        {
          const TrellisChartBar *bar = &g_array_index (row->bars, TrellisChartBar, b);
          if (bar->label != NULL)
            self->bar_label_width = MAX (self->bar_label_width, measure (self, bar->label, TRELLIS_CHART_FONT_SMALL));
        }
    }
  self->number_right = number_width;
  self->text_x = number_width > 0 ? number_width + 0.5 * self->em : 0;
  self->text_width = MAX (label_width - self->text_x, 4 * self->em);

  right = self->text_x + self->text_width + self->gap;
  if (self->comparison)
    {
      /* Room for a group's name like "Northshire Council" even on a narrow chart. */
      self->bar_label_width = MIN (self->bar_label_width, MAX (self->width * 0.14, 9 * self->em));
      self->bar_label_right = right + self->bar_label_width;
      right = self->bar_label_right + self->gap;
    }

  percent_width = measure (self, "100%", percent_font);
  self->disagree_right = right + percent_width;
  /* The Agree column is as wide as its heading too, so that the next one cannot touch it. */
  percent_width = MAX (percent_width, measure (self, _("Agree"), TRELLIS_CHART_FONT_SMALL_BOLD));
  self->scale_left = self->disagree_right + self->gap;

  right = self->width;
  if (trellis_chart_get_shows_missing (chart))
    {
      double n_width = measure (self, "n=888", TRELLIS_CHART_FONT_SMALL);

      self->missing_width = MAX (self->width * 0.07, 3.5 * self->em);
      self->missing_x = right - n_width - 0.4 * self->em - self->missing_width;
      self->n_x = self->missing_x + self->missing_width + 0.4 * self->em;
      right = self->missing_x - 1.5 * self->gap;
    }
  if (trellis_chart_get_kind (chart) == TRELLIS_CHART_ROUNDS)
    {
      self->change_width = MAX (measure (self, "▼ −100", TRELLIS_CHART_FONT_SMALL_BOLD),
                                measure (self, _("Change"), TRELLIS_CHART_FONT_SMALL_BOLD));
      self->change_x = right - self->change_width;
      right = self->change_x - self->gap;
    }
  self->agree_left = right - percent_width;
  self->scale_right = MAX (self->agree_left - self->gap, self->scale_left + 1.0);
  self->zero_x = (self->scale_left + self->scale_right) / 2;
  self->unit = (self->scale_right - self->scale_left) / 200.0;
}

/* The Not applicable · Don't know column's axis runs to 25, 50 or 100 % of respondents,
 * the same for every page of the chart. */
static double
missing_range (TrellisChart *chart)
{
  double most = 0;

  for (guint r = 0; r < trellis_chart_get_n_rows (chart); r++)
    {
      const TrellisChartRow *row = trellis_chart_get_row (chart, r);

      for (guint b = 0; b < row->bars->len; b++)
        {
          const TrellisDistribution *dist = &g_array_index (row->bars, TrellisChartBar, b).dist;
          if (dist->total > 0)
            most = MAX (most, 100.0 * (dist->not_applicable + dist->dont_know) / dist->total);
        }
    }
  return most <= 25.0 ? 25.0 : most <= 50.0 ? 50.0 : 100.0;
}

static double
place_titles (TrellisChartLayout *self)
{
  TrellisChart *chart = self->chart;
  g_autofree char *title = NULL;
  double y = 0;

  title = self->first_row > 0
            /* TRANSLATORS: the title of a chart's second and later pages */
            ? g_strdup_printf (_("%s (continued)"), trellis_chart_get_title (chart))
            : g_strdup (trellis_chart_get_title (chart));
  y += add_paragraph (self, title, TRELLIS_CHART_FONT_TITLE, y, TRELLIS_CHART_INK_TEXT);
  y += 0.2 * self->em;
  y += add_paragraph (self, trellis_chart_get_subtitle (chart), TRELLIS_CHART_FONT_SUBTITLE, y,
                      TRELLIS_CHART_INK_TEXT_MUTED);
  if (trellis_chart_get_note (chart) != NULL)
    {
      y += 0.2 * self->em;
      y += add_paragraph (self, trellis_chart_get_note (chart), TRELLIS_CHART_FONT_SMALL, y,
                          TRELLIS_CHART_INK_TEXT_MUTED);
    }
  return y + 1.1 * self->em;
}

/* @top is as high as the headings may reach: a heading of two lines rises into the
 * space under the titles, or pushes the rows down when there are none. */
static double
place_column_headings (TrellisChartLayout *self,
                       double              top,
                       double              y)
{
  TrellisChart *chart = self->chart;
  const TrellisChartFont font = TRELLIS_CHART_FONT_SMALL_BOLD;
  const TrellisChartInk ink = TRELLIS_CHART_INK_TEXT_MUTED;
  PangoLayout *missing = NULL;
  double bottom = y + 1.2 * self->em, missing_x = self->missing_x;

  if (trellis_chart_get_shows_missing (chart))
    {
      const char *not_applicable = trellis_chart_get_answer_label (chart, TRELLIS_ANSWER_NOT_APPLICABLE);
      const char *dont_know = trellis_chart_get_answer_label (chart, TRELLIS_ANSWER_DONT_KNOW);
      g_autofree char *heading = g_strdup_printf ("%s · %s", not_applicable, dont_know);
      double width, height;

      /* One answer a line rather than a break inside one. */
      if (measure (self, heading, font) > self->width - self->missing_x)
        {
          g_free (heading);
          heading = g_strdup_printf ("%s ·\n%s", not_applicable, dont_know);
        }
      missing = make_text (self, heading, font, -1, PANGO_ALIGN_LEFT);
      text_size (missing, &width, &height);
      bottom = MAX (bottom, top + height);
      /* Kept inside the chart, where a narrow one has no margin beside it. */
      missing_x = MAX (MIN (missing_x, self->width - width), 0);
    }

  add_text (self, _("Disagree"), font, self->disagree_right, 1.0, bottom, 1.0, ink);
  if (trellis_chart_get_n_points (chart) % 2 == 1)
    add_text (self, _("Neutral"), font, self->zero_x, 0.5, bottom, 1.0, ink);
  add_text (self, _("Agree"), font, self->agree_left, 0.0, bottom, 1.0, ink);
  if (trellis_chart_get_kind (chart) == TRELLIS_CHART_ROUNDS)
    add_text (self, _("Change"), font, self->change_x + self->change_width, 1.0, bottom, 1.0, ink);
  if (missing != NULL)
    place_text (self, missing, missing_x, 0.0, bottom, 1.0, ink);
  return bottom + 0.35 * self->em;
}

/* Prints a segment's percent on it, in the text colour that reads best there, if it
 * fits with room to spare; otherwise the segment goes unlabelled. */
static void
place_segment_label (TrellisChartLayout        *self,
                     TrellisChartSegment       *segment,
                     const TrellisChartColour  *fill)
{
  g_autofree char *text = g_strdup_printf ("%d", segment->label);
  PangoLayout *layout = make_text (self, text, TRELLIS_CHART_FONT_SMALL, -1, PANGO_ALIGN_LEFT);
  double width, height;

  text_size (layout, &width, &height);
  if (width + 0.5 * self->em > segment->rect.width || height * 0.8 > segment->rect.height)
    {
      g_object_unref (layout);
      segment->label = -1;
      return;
    }
  place_text (self, layout, segment->rect.x + segment->rect.width / 2, 0.5,
              segment->rect.y + segment->rect.height / 2, 0.5,
              trellis_chart_style_get_text_ink_on (self->style, fill));
}

/* Splits each side's printed total among its points, so that the numbers on the
 * segments add up to the totals beside the bar. */
static void
label_segments (TrellisChartBarLayout *bar,
                guint                  n_points)
{
  double values[TRELLIS_SCALE_MAX_POINTS];
  int rounded[TRELLIS_SCALE_MAX_POINTS];
  guint per_side = n_points / 2;

  for (guint i = 0; i < per_side; i++)
    {
      values[i] = bar->segments[i].percent;
      values[per_side + i] = bar->segments[n_points - per_side + i].percent;
    }
  trellis_chart_round_percentages (values, per_side, bar->sides[0], rounded);
  trellis_chart_round_percentages (values + per_side, per_side, bar->sides[2], rounded + per_side);
  for (guint i = 0; i < per_side; i++)
    {
      bar->segments[i].label = rounded[i];
      bar->segments[n_points - per_side + i].label = rounded[per_side + i];
    }
  if (n_points % 2 == 1)
    bar->segments[per_side].label = bar->sides[1];
}

static void
place_missing (TrellisChartLayout    *self,
               TrellisChartBarLayout *layout,
               const TrellisChartBar *bar,
               double                 y,
               double                 thickness)
{
  static const TrellisAnswer answers[2] = { TRELLIS_ANSWER_NOT_APPLICABLE, TRELLIS_ANSWER_DONT_KNOW };
  static const TrellisChartInk inks[2] = { TRELLIS_CHART_INK_NOT_APPLICABLE, TRELLIS_CHART_INK_DONT_KNOW };
  const TrellisDistribution *dist = &bar->dist;
  g_autofree char *n_text = NULL;
  double x = self->missing_x;

  for (guint i = 0; i < 2; i++)
    {
      TrellisChartSegment *segment = &layout->missing[i];
      TrellisChartColour colour;

      segment->answer = answers[i];
      segment->count = i == 0 ? dist->not_applicable : dist->dont_know;
      segment->percent = dist->total > 0 ? 100.0 * segment->count / dist->total : 0.0;
      segment->label = -1;
      segment->rect = (TrellisChartRect) { x, y, self->missing_width * segment->percent / self->missing_range, thickness };
      x += segment->rect.width;
      if (segment->count == 0 || !trellis_chart_get_shows_missing (self->chart))
        continue;
      trellis_chart_style_get_ink (self->style, inks[i], &colour);
      add_fill (self->over, segment->rect.x, y, segment->rect.width, thickness, &colour,
                trellis_chart_style_is_hatched (self->style, inks[i]));
    }

  if (!trellis_chart_get_shows_missing (self->chart))
    return;
  n_text = bar->asked ? g_strdup_printf ("n=%u", dist->valid) : g_strdup ("–");
  add_text (self, n_text, TRELLIS_CHART_FONT_SMALL, self->n_x, 0.0, y + thickness / 2, 0.5,
            TRELLIS_CHART_INK_TEXT_MUTED);
}

/* In a comparison, the bar's label (the group or the round) to its left. */
static void
place_bar_label (TrellisChartLayout    *self,
                 const TrellisChartBar *bar,
                 double                 centre)
{
  PangoLayout *label;

  if (!self->comparison || bar->label == NULL)
    return;
  label = make_text (self, bar->label, TRELLIS_CHART_FONT_SMALL, -1, PANGO_ALIGN_LEFT);
  pango_layout_set_width (label, (int) (self->bar_label_width * PANGO_SCALE));
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
  place_text (self, label, self->bar_label_right - self->bar_label_width, 0.0, centre, 0.5,
              TRELLIS_CHART_INK_TEXT_MUTED);
}

/* Each level's count and share; returns the share that goes left of zero: everything
 * left of the neutral point, and half of the neutral itself. */
static double
count_segments (TrellisChartBarLayout     *layout,
                const TrellisDistribution *dist,
                guint                      n_points)
{
  double left_share = 0;

  for (guint i = 0; i < n_points; i++)
    {
      TrellisChartSegment *segment = &layout->segments[i];

      segment->answer = (TrellisAnswer) (i + 1);
      segment->count = dist->counts[i];
      segment->percent = trellis_distribution_percent (dist, i + 1);
      segment->label = -1;
      if (2 * (i + 1) < n_points + 1)
        left_share += segment->percent;
      else if (2 * (i + 1) == n_points + 1)
        left_share += segment->percent / 2;
    }
  return left_share;
}

/* A bar with nothing to draw says why, where the bar would be. */
static void
place_empty_bar (TrellisChartLayout    *self,
                 TrellisChartBarLayout *layout,
                 const TrellisChartBar *bar,
                 double                 y,
                 double                 thickness)
{
  const TrellisDistribution *dist = &bar->dist;
  const char *message = !bar->asked ? _("Not asked in this round")
                        : dist->not_applicable + dist->dont_know > 0 ? _("No answers on the scale")
                        : _("No answers");
  PangoLayout *text = make_text (self, message, TRELLIS_CHART_FONT_SMALL, -1, PANGO_ALIGN_LEFT);
  double centre = y + thickness / 2;
  TrellisChartColour backdrop;
  double width, height;

  for (guint i = 0; i < layout->n_segments; i++)
    layout->segments[i].rect = (TrellisChartRect) { self->zero_x, y, 0, thickness };
  /* On the row's own colour, so that the zero line stops short of the words. */
  text_size (text, &width, &height);
  trellis_chart_style_get_ink (self->style, layout->row % 2 == 1 ? TRELLIS_CHART_INK_ROW_BAND
                                                                 : TRELLIS_CHART_INK_BACKGROUND, &backdrop);
  add_fill (self->over, self->zero_x - width / 2 - 0.3 * self->em, centre - height / 2,
            width + 0.6 * self->em, height, &backdrop, FALSE);
  place_text (self, text, self->zero_x, 0.5, centre, 0.5, TRELLIS_CHART_INK_TEXT_MUTED);
}

/* The bar itself, its levels left and right of zero, with the shares that disagree and
 * agree at its ends. */
static void
place_segments (TrellisChartLayout        *self,
                TrellisChartBarLayout     *layout,
                const TrellisDistribution *dist,
                double                     left_share,
                double                     y,
                double                     thickness)
{
  TrellisChartFont percent_font = self->comparison ? TRELLIS_CHART_FONT_SMALL_BOLD : TRELLIS_CHART_FONT_BODY_BOLD;
  guint n_points = layout->n_segments;
  double centre = y + thickness / 2;
  double x = self->zero_x - self->unit * left_share;
  g_autofree char *disagree = NULL, *agree = NULL;

  trellis_chart_round_sides (dist, layout->sides);
  label_segments (layout, n_points);

  for (guint i = 0; i < n_points; i++)
    {
      TrellisChartSegment *segment = &layout->segments[i];
      TrellisChartColour colour;

      segment->rect = (TrellisChartRect) { x, y, self->unit * segment->percent, thickness };
      x += segment->rect.width;
      if (segment->count == 0)
        {
          segment->label = -1;
          continue;
        }
      trellis_chart_style_get_level_colour (self->style, n_points, i + 1, &colour);
      add_fill (self->over, segment->rect.x, y, segment->rect.width, thickness, &colour, FALSE);
      place_segment_label (self, segment, &colour);
    }
  /* Hairlines between neighbouring levels; the neutral is one block, never split at
   * zero, so it stays one grey on any printer. */
  for (guint i = 1; i < n_points; i++)
    if (layout->segments[i].count > 0 && layout->segments[i - 1].count > 0)
      add_line (self, self->over, layout->segments[i].rect.x, y, layout->segments[i].rect.x, y + thickness,
                0.6, TRELLIS_CHART_INK_BACKGROUND);

  disagree = format_percent (layout->sides[0]);
  agree = format_percent (layout->sides[2]);
  add_text (self, disagree, percent_font, self->disagree_right, 1.0, centre, 0.5, TRELLIS_CHART_INK_TEXT);
  add_text (self, agree, percent_font, self->agree_left, 0.0, centre, 0.5, TRELLIS_CHART_INK_TEXT);
}

static void
place_bar (TrellisChartLayout *self,
           guint               row_index,
           guint               bar_index,
           double              y,
           double              thickness,
           TrellisChartRect    band)
{
  const TrellisChartRow *row = trellis_chart_get_row (self->chart, row_index);
  const TrellisChartBar *bar = &g_array_index (row->bars, TrellisChartBar, bar_index);
  const TrellisDistribution *dist = &bar->dist;
  guint n_points = trellis_chart_get_n_points (self->chart);
  TrellisChartBarLayout layout = { 0 };
  double centre = y + thickness / 2;
  double left_share;

  layout.row = row_index;
  layout.bar = bar_index;
  layout.band = band;
  layout.n_segments = n_points;
  layout.sides[0] = layout.sides[1] = layout.sides[2] = -1;

  place_bar_label (self, bar, centre);
  left_share = count_segments (&layout, dist, n_points);
  if (!bar->asked || dist->valid == 0)
    place_empty_bar (self, &layout, bar, y, thickness);
  else
    place_segments (self, &layout, dist, left_share, y, thickness);

  if (bar->has_change)
    {
      g_autofree char *change = format_change (bar->change_agree, bar->change);
      gboolean clear = trellis_change_is_clear (bar->change);

      /* Only a clear change is coloured: the others may well be chance. */
      add_text (self, change, clear ? TRELLIS_CHART_FONT_SMALL_BOLD : TRELLIS_CHART_FONT_SMALL,
                self->change_x + self->change_width, 1.0, centre, 0.5,
                !clear ? TRELLIS_CHART_INK_TEXT_MUTED
                : bar->change == TRELLIS_CHANGE_MORE ? TRELLIS_CHART_INK_GAIN : TRELLIS_CHART_INK_LOSS);
    }

  place_missing (self, &layout, bar, y, thickness);
  g_array_append_val (self->bars, layout);
}

typedef struct
{
  PangoLayout *number;
  PangoLayout *text;
  double       height;
  double       bars_height;
} RowBlock;

/* The statement's text, wrapped to its column, its emphasised words in italics; a
 * part drawn away from its lead-in starts with the lead-in in the muted ink. */
static PangoLayout *
make_row_text (TrellisChartLayout    *self,
               const TrellisChartRow *row)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  guint offset = 0;
  PangoLayout *layout;

  if (row->lead_in != NULL)
    {
      TrellisChartColour colour;
      PangoAttribute *muted;

      text = g_strdup_printf ("%s %s", row->lead_in, row->text);
      offset = strlen (row->lead_in) + 1;
      trellis_chart_style_get_ink (self->style, TRELLIS_CHART_INK_TEXT_MUTED, &colour);
      muted = pango_attr_foreground_new ((guint16) (colour.red * 65535), (guint16) (colour.green * 65535),
                                         (guint16) (colour.blue * 65535));
      muted->start_index = 0;
      muted->end_index = offset - 1;
      pango_attr_list_insert (attributes, muted);
    }
  for (guint i = 0; row->emphasis != NULL && i < row->emphasis->len; i++)
    {
      const TrellisTextSpan *span = &g_array_index (row->emphasis, TrellisTextSpan, i);
      PangoAttribute *italic = pango_attr_style_new (PANGO_STYLE_ITALIC);

      italic->start_index = offset + span->start;
      italic->end_index = offset + span->end;
      pango_attr_list_insert (attributes, italic);
    }

  layout = make_text (self, text != NULL ? text : row->text, TRELLIS_CHART_FONT_BODY, self->text_width,
                      PANGO_ALIGN_LEFT);
  pango_layout_set_attributes (layout, attributes);
  return layout;
}

static void
measure_row (TrellisChartLayout *self,
             guint               row_index,
             RowBlock           *block)
{
  const TrellisChartRow *row = trellis_chart_get_row (self->chart, row_index);
  double text_height, number_height = 0;
  guint n_bars = row->bars->len;

  block->number = row->number != NULL ? make_text (self, row->number, TRELLIS_CHART_FONT_BODY_BOLD, -1, PANGO_ALIGN_LEFT)
                                      : NULL;
  block->text = make_row_text (self, row);
  text_size (block->text, NULL, &text_height);
  if (block->number != NULL)
    text_size (block->number, NULL, &number_height);
  block->bars_height = n_bars * self->thickness + (n_bars > 0 ? n_bars - 1 : 0) * self->bar_gap;
  /* A lead-in sits close above its parts, so that it reads as their heading. */
  block->height = MAX (MAX (text_height, number_height), block->bars_height)
                  + (n_bars > 0 ? 0.8 : 0.5) * self->em;
}

static void
place_row (TrellisChartLayout *self,
           guint               row_index,
           RowBlock           *block,
           double              y)
{
  const TrellisChartRow *row = trellis_chart_get_row (self->chart, row_index);
  double text_height, bars_top;

  /* Every other row on a faint band, so the eye keeps to the row across the page; a
   * lead-in has no bar to follow. */
  if (row_index % 2 == 1 && !trellis_chart_row_is_lead_in (row))
    {
      TrellisChartColour band;

      trellis_chart_style_get_ink (self->style, TRELLIS_CHART_INK_ROW_BAND, &band);
      add_fill (self->under, 0, y, self->width, block->height, &band, FALSE);
    }

  text_size (block->text, NULL, &text_height);
  if (block->number != NULL)
    place_text (self, g_steal_pointer (&block->number), self->number_right, 1.0,
                y + (block->height - text_height) / 2, 0.0, TRELLIS_CHART_INK_TEXT);
  place_text (self, g_steal_pointer (&block->text), self->text_x, 0.0, y + (block->height - text_height) / 2, 0.0,
              TRELLIS_CHART_INK_TEXT);

  bars_top = y + (block->height - block->bars_height) / 2;
  for (guint b = 0; b < row->bars->len; b++)
    {
      double bar_y = bars_top + b * (self->thickness + self->bar_gap);
      TrellisChartRect band = row->bars->len == 1
                                ? (TrellisChartRect) { 0, y, self->width, block->height }
                                : (TrellisChartRect) { 0, bar_y - self->bar_gap / 2, self->width,
                                                       self->thickness + self->bar_gap };

      place_bar (self, row_index, b, bar_y, self->thickness, band);
    }
}

static void
row_block_clear (RowBlock *block)
{
  g_clear_object (&block->number);
  g_clear_object (&block->text);
}

/* The legend, all answers in scale order, Not applicable and Don't know set apart;
 * wrapped into centred lines. Returns its height. */
typedef struct
{
  PangoLayout       *label;
  TrellisChartColour colour;
  gboolean           hatched;
  double             width;
  double             space_before;
} LegendItem;

static double
place_legend (TrellisChartLayout *self,
              double              y,
              gboolean            measure_only)
{
  TrellisChart *chart = self->chart;
  guint n_points = trellis_chart_get_n_points (chart);
  double swatch = 0.95 * self->em, line_height = 1.5 * self->em;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  guint line_start = 0, n_lines = 0;

  for (guint i = 0; i < n_points + 2; i++)
    {
      LegendItem item = { 0 };
      TrellisAnswer answer = i < n_points ? (TrellisAnswer) (i + 1)
                             : i == n_points ? TRELLIS_ANSWER_NOT_APPLICABLE : TRELLIS_ANSWER_DONT_KNOW;
      TrellisChartInk ink = answer == TRELLIS_ANSWER_NOT_APPLICABLE ? TRELLIS_CHART_INK_NOT_APPLICABLE
                                                                     : TRELLIS_CHART_INK_DONT_KNOW;
      double text_width;

      if (answer < 0 && !trellis_chart_get_shows_missing (chart))
        break;
      item.label = make_text (self, trellis_chart_get_answer_label (chart, answer), TRELLIS_CHART_FONT_SMALL, -1,
                              PANGO_ALIGN_LEFT);
      text_size (item.label, &text_width, NULL);
      item.width = swatch + 0.4 * self->em + text_width;
      item.space_before = i == 0 ? 0 : i == n_points ? 2.5 * self->em : 1.2 * self->em;
      if (answer > 0)
        trellis_chart_style_get_level_colour (self->style, n_points, answer, &item.colour);
      else
        {
          trellis_chart_style_get_ink (self->style, ink, &item.colour);
          item.hatched = trellis_chart_style_is_hatched (self->style, ink);
        }
      g_array_append_val (items, item);
    }

  while (line_start < items->len)
    {
      guint line_end = line_start;
      double line_width = 0, x;

      while (line_end < items->len)
        {
          LegendItem *item = &g_array_index (items, LegendItem, line_end);
          double extra = (line_end > line_start ? item->space_before : 0) + item->width;

          if (line_end > line_start && line_width + extra > self->width)
            break;
          line_width += extra;
          line_end++;
        }
      x = (self->width - line_width) / 2;
      for (guint i = line_start; i < line_end; i++)
        {
          LegendItem *item = &g_array_index (items, LegendItem, i);
          double centre = y + n_lines * line_height + line_height / 2;

          if (i > line_start)
            x += item->space_before;
          if (!measure_only)
            {
              add_fill (self->over, x, centre - swatch / 2, swatch, swatch, &item->colour, item->hatched);
              place_text (self, g_steal_pointer (&item->label), x + swatch + 0.4 * self->em, 0.0, centre, 0.5,
                          TRELLIS_CHART_INK_TEXT);
            }
          x += item->width;
        }
      line_start = line_end;
      n_lines++;
    }

  for (guint i = 0; i < items->len; i++)
    g_clear_object (&g_array_index (items, LegendItem, i).label);
  return n_lines * line_height;
}

static double
place_axis (TrellisChartLayout *self,
            double              y,
            gboolean            measure_only)
{
  static const int ticks[] = { -100, -50, 0, 50, 100 };
  double tick = 0.35 * self->em, label_y = y + tick + 0.15 * self->em;
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      double x = self->zero_x + self->unit * ticks[i];
      g_autofree char *label = ticks[i] == 0 ? g_strdup ("0") : format_percent (ABS (ticks[i]));
      g_autoptr(PangoLayout) layout = make_text (self, label, TRELLIS_CHART_FONT_SMALL, -1, PANGO_ALIGN_LEFT);

      text_size (layout, NULL, &height);
      if (measure_only)
        continue;
      add_line (self, self->under, x, y, x, y + tick, 0.6, TRELLIS_CHART_INK_TEXT_MUTED);
      place_text (self, g_steal_pointer (&layout), x, 0.5, label_y, 0.0, TRELLIS_CHART_INK_TEXT_MUTED);
    }

  if (!measure_only && trellis_chart_get_shows_missing (self->chart))
    {
      g_autofree char *range = format_percent ((int) self->missing_range);

      add_line (self, self->under, self->missing_x, y, self->missing_x, y + tick, 0.6, TRELLIS_CHART_INK_TEXT_MUTED);
      add_line (self, self->under, self->missing_x + self->missing_width, y,
                self->missing_x + self->missing_width, y + tick, 0.6, TRELLIS_CHART_INK_TEXT_MUTED);
      add_text (self, "0", TRELLIS_CHART_FONT_SMALL, self->missing_x, 0.5, label_y, 0.0, TRELLIS_CHART_INK_TEXT_MUTED);
      add_text (self, range, TRELLIS_CHART_FONT_SMALL, self->missing_x + self->missing_width, 0.5, label_y, 0.0,
                TRELLIS_CHART_INK_TEXT_MUTED);
    }
  return label_y - y + height;
}

/* Grid and zero line run the height of the rows, under the bars: the neutral block
 * covers the zero line instead of being crossed by it, and so does its label. */
static void
place_grid (TrellisChartLayout *self)
{
  static const int lines[] = { -100, -50, 50, 100 };
  double top = self->rows_top, bottom = self->rows_bottom;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      double x = self->zero_x + self->unit * lines[i];
      add_line (self, self->under, x, top, x, bottom, 0.4, TRELLIS_CHART_INK_GRID);
    }
  add_line (self, self->under, self->zero_x, top - 0.2 * self->em, self->zero_x, bottom, 0.9,
            TRELLIS_CHART_INK_ZERO_LINE);
  if (trellis_chart_get_shows_missing (self->chart))
    add_line (self, self->under, self->missing_x, top, self->missing_x, bottom, 0.6, TRELLIS_CHART_INK_GRID);
}

/* The lead-in row to repeat at the top of a page starting at @first_row, when that row
 * is a part of a multi-part statement whose lead-in was on an earlier page; otherwise
 * G_MAXUINT. */
static guint
find_lead_in (TrellisChart *chart,
              guint         first_row)
{
  guint row = first_row;

  if (first_row == 0 || first_row >= trellis_chart_get_n_rows (chart)
      || !trellis_chart_get_row (chart, first_row)->is_part)
    return G_MAXUINT;
  while (row > 0 && trellis_chart_get_row (chart, row - 1)->is_part)
    row--;
  if (row > 0 && trellis_chart_row_is_lead_in (trellis_chart_get_row (chart, row - 1)))
    return row - 1;
  return G_MAXUINT;
}

static void
layout_build (TrellisChartLayout *self,
              double              height)
{
  TrellisChart *chart = self->chart;
  guint n_rows = trellis_chart_get_n_rows (chart);
  guint lead_in;
  double y, footer;

  self->em = trellis_chart_style_get_font_size (self->style);
  self->comparison = trellis_chart_get_kind (chart) == TRELLIS_CHART_ROUNDS
                     || trellis_chart_get_kind (chart) == TRELLIS_CHART_GROUPS;
  self->thickness = (self->comparison ? 1.2 : 1.55) * self->em;
  self->bar_gap = self->comparison ? 0.25 * self->em : 0;
  self->missing_range = missing_range (chart);
  place_columns (self);

  if (trellis_chart_style_get_show_titles (self->style))
    {
      y = place_titles (self);
      y = place_column_headings (self, y - 1.0 * self->em, y);
    }
  else
    y = place_column_headings (self, 0, 0);
  self->rows_top = y;

  footer = 0.4 * self->em + place_axis (self, 0, TRUE) + 1.0 * self->em + place_legend (self, 0, TRUE);
  lead_in = find_lead_in (chart, self->first_row);
  if (lead_in < n_rows)
    {
      RowBlock block = { 0 };

      measure_row (self, lead_in, &block);
      place_row (self, lead_in, &block, y);
      row_block_clear (&block);
      y += block.height;
    }

  self->end_row = self->first_row;
  for (guint r = self->first_row; r < n_rows; r++)
    {
      RowBlock block = { 0 };
      double needed;

      measure_row (self, r, &block);
      needed = block.height;
      /* A lead-in never ends a page: it goes over with its first part. */
      if (trellis_chart_row_is_lead_in (trellis_chart_get_row (chart, r)) && r + 1 < n_rows)
        {
          RowBlock next = { 0 };

          measure_row (self, r + 1, &next);
          needed += next.height;
          row_block_clear (&next);
        }
      /* Always at least one row, so that a page always moves the chart on. */
      if (height > 0 && r > self->first_row && y + needed + footer > height)
        {
          row_block_clear (&block);
          break;
        }
      place_row (self, r, &block, y);
      row_block_clear (&block);
      y += block.height;
      self->end_row = r + 1;
    }
  self->rows_bottom = y;
  place_grid (self);

  y += 0.4 * self->em;
  y += place_axis (self, y, FALSE);
  y += 1.0 * self->em;
  y += place_legend (self, y, FALSE);
  self->height = y;
}

static TrellisChartLayout *
layout_new_scaled (TrellisChart            *chart,
                   const TrellisChartStyle *style,
                   double                   width,
                   double                   height,
                   guint                    first_row,
                   double                   scale)
{
  TrellisChartLayout *self = g_new0 (TrellisChartLayout, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->chart = trellis_chart_ref (chart);
  self->style = trellis_chart_style_ref ((TrellisChartStyle *) style);
  self->context = trellis_chart_style_create_context (style);
  for (guint i = 0; i < N_FONTS; i++)
    self->fonts[i] = trellis_chart_style_dup_font (style, i);
  self->scale = scale;
  self->width = width / scale;
  self->first_row = first_row;
  self->bars = g_array_new (FALSE, TRUE, sizeof (TrellisChartBarLayout));
  self->under = mark_list_new ();
  self->over = mark_list_new ();
  self->texts = mark_list_new ();
  layout_build (self, height > 0 ? height / scale : 0);
  return self;
}

/**
 * trellis_chart_layout_new:
 * @chart: what to draw
 * @style: how to draw it
 * @width: the width to fill, in points
 * @height: the height available, or 0 for as tall as the chart needs
 * @first_row: the first chart row to lay out (0, or where the previous page ended)
 *
 * Lays out as many rows from @first_row as fit in @height, with the titles above and
 * the axis and legend below them; trellis_chart_layout_get_end_row() says where the
 * next page begins. Bars keep the thickness the style gives them, so that they are
 * equally thick on every page.
 *
 * Returns: (transfer full): the layout
 */
TrellisChartLayout *
trellis_chart_layout_new (TrellisChart            *chart,
                          const TrellisChartStyle *style,
                          double                   width,
                          double                   height,
                          guint                    first_row)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);
  g_return_val_if_fail (first_row <= trellis_chart_get_n_rows (chart), NULL);

  return layout_new_scaled (chart, style, width, height, first_row, 1.0);
}

/**
 * trellis_chart_layout_new_to_fit:
 * @min_scale: how far the chart may shrink (0.5 to 1)
 *
 * Like trellis_chart_layout_new(), but when the rest of the chart does not fit in
 * @height it shrinks everything evenly, down to @min_scale, until it does. A chart too
 * long even then is laid out at full size to continue on the next page.
 *
 * Returns: (transfer full): the layout
 */
TrellisChartLayout *
trellis_chart_layout_new_to_fit (TrellisChart            *chart,
                                 const TrellisChartStyle *style,
                                 double                   width,
                                 double                   height,
                                 guint                    first_row,
                                 double                   min_scale)
{
  g_autoptr(TrellisChartLayout) full = NULL;
  g_autoptr(TrellisChartLayout) best = NULL;
  guint n_rows;
  double low, high;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (min_scale > 0 && min_scale <= 1, NULL);

  n_rows = trellis_chart_get_n_rows (chart);
  full = trellis_chart_layout_new (chart, style, width, height, first_row);
  if (full->end_row == n_rows && full->height <= height)
    return g_steal_pointer (&full);

  best = layout_new_scaled (chart, style, width, height, first_row, min_scale);
  if (best->end_row < n_rows || best->height * min_scale > height)
    return g_steal_pointer (&full);

  /* The largest scale that still fits, to within a percent. */
  low = min_scale;
  high = 1.0;
  while (high - low > 0.01)
    {
      double mid = (low + high) / 2;
      g_autoptr(TrellisChartLayout) attempt = layout_new_scaled (chart, style, width, height, first_row, mid);

      if (attempt->end_row == n_rows && attempt->height * mid <= height)
        {
          low = mid;
          g_clear_pointer (&best, trellis_chart_layout_unref);
          best = g_steal_pointer (&attempt);
        }
      else
        high = mid;
    }
  return g_steal_pointer (&best);
}

TrellisChartLayout *
trellis_chart_layout_ref (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_chart_layout_unref (TrellisChartLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->bars);
  g_array_unref (self->under);
  g_array_unref (self->over);
  g_array_unref (self->texts);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (self->fonts[i]);
  g_object_unref (self->context);
  trellis_chart_style_unref (self->style);
  trellis_chart_unref (self->chart);
  g_free (self);
}

/**
 * trellis_chart_layout_get_chart:
 *
 * Returns: (transfer none): the chart laid out
 */
TrellisChart *
trellis_chart_layout_get_chart (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->chart;
}

/**
 * trellis_chart_layout_get_scale:
 *
 * Returns: how much the chart was shrunk to fit: painting and hit-testing apply it;
 *   the geometry getters below are before it
 */
double
trellis_chart_layout_get_scale (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 1.0);
  return self->scale;
}

double
trellis_chart_layout_get_width (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width * self->scale;
}

/**
 * trellis_chart_layout_get_height:
 *
 * Returns: the height the chart takes, after scaling
 */
double
trellis_chart_layout_get_height (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height * self->scale;
}

guint
trellis_chart_layout_get_first_row (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->first_row;
}

/**
 * trellis_chart_layout_get_end_row:
 *
 * Returns: one past the last row laid out: the chart's row count when it is complete
 */
guint
trellis_chart_layout_get_end_row (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->end_row;
}

double
trellis_chart_layout_get_zero_x (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->zero_x;
}

/**
 * trellis_chart_layout_get_percent_width:
 *
 * Returns: the width of one percent of answers on the scale axis
 */
double
trellis_chart_layout_get_percent_width (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->unit;
}

/**
 * trellis_chart_layout_get_scale_area:
 *
 * Returns: the −100…100 % axis across the height of the rows
 */
TrellisChartRect
trellis_chart_layout_get_scale_area (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, (TrellisChartRect) { 0 });
  return (TrellisChartRect) { self->scale_left, self->rows_top, self->scale_right - self->scale_left,
                              self->rows_bottom - self->rows_top };
}

/**
 * trellis_chart_layout_get_missing_area:
 *
 * Returns: the Not applicable · Don't know column across the height of the rows; zero
 *   width when the chart has none
 */
TrellisChartRect
trellis_chart_layout_get_missing_area (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, (TrellisChartRect) { 0 });
  return (TrellisChartRect) { self->missing_x, self->rows_top, self->missing_width,
                              self->rows_bottom - self->rows_top };
}

guint
trellis_chart_layout_get_n_bars (TrellisChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bars->len;
}

/**
 * trellis_chart_layout_get_bar:
 *
 * Returns: (transfer none): the @index-th bar laid out, top to bottom
 */
const TrellisChartBarLayout *
trellis_chart_layout_get_bar (TrellisChartLayout *self,
                              guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);
  return &g_array_index (self->bars, TrellisChartBarLayout, index);
}

/**
 * trellis_chart_layout_find_bar:
 *
 * Returns: (transfer none) (nullable): the bar of chart row @row, or %NULL when that
 *   row is not on this page
 */
const TrellisChartBarLayout *
trellis_chart_layout_find_bar (TrellisChartLayout *self,
                               guint               row,
                               guint               bar)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const TrellisChartBarLayout *layout = &g_array_index (self->bars, TrellisChartBarLayout, i);
      if (layout->row == row && layout->bar == bar)
        return layout;
    }
  return NULL;
}

static void
paint_hatching (cairo_t                *cr,
                const TrellisChartRect *rect)
{
  const double spacing = 2.4;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 0.7);
  for (double offset = -rect->height; offset < rect->width; offset += spacing)
    {
      cairo_move_to (cr, rect->x + offset, rect->y + rect->height);
      cairo_line_to (cr, rect->x + offset + rect->height, rect->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_marks (cairo_t *cr,
             GArray  *marks)
{
  for (guint i = 0; i < marks->len; i++)
    {
      const Mark *mark = &g_array_index (marks, Mark, i);

      cairo_set_source_rgb (cr, mark->colour.red, mark->colour.green, mark->colour.blue);
      switch (mark->kind)
        {
        case MARK_RECT:
          cairo_rectangle (cr, mark->fill.rect.x, mark->fill.rect.y, mark->fill.rect.width, mark->fill.rect.height);
          cairo_fill (cr);
          if (mark->fill.hatched)
            paint_hatching (cr, &mark->fill.rect);
          break;
        case MARK_LINE:
          cairo_set_line_width (cr, mark->line.width);
          cairo_move_to (cr, mark->line.x0, mark->line.y0);
          cairo_line_to (cr, mark->line.x1, mark->line.y1);
          cairo_stroke (cr);
          break;
        case MARK_TEXT:
          cairo_move_to (cr, mark->text.x, mark->text.y);
          pango_cairo_show_layout (cr, mark->text.layout);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * trellis_chart_layout_paint:
 * @cr: where to paint, with the chart's top left corner at the origin
 *
 * Paints the chart; the background is left to the caller (a page, a widget).
 */
void
trellis_chart_layout_paint (TrellisChartLayout *self,
                            cairo_t            *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_scale (cr, self->scale, self->scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  paint_marks (cr, self->under);
  paint_marks (cr, self->over);
  paint_marks (cr, self->texts);
  cairo_restore (cr);
}

static gboolean
rect_contains (const TrellisChartRect *rect,
               double                  x,
               double                  y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

/**
 * trellis_chart_layout_hit_test:
 * @x: in the coordinates painted in
 * @y: in the coordinates painted in
 * @hit: (out caller-allocates): the bar, and the segment if any, under the point
 *
 * Returns: whether the point is on a bar's band
 */
gboolean
trellis_chart_layout_hit_test (TrellisChartLayout *self,
                               double              x,
                               double              y,
                               TrellisChartHit    *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  x /= self->scale;
  y /= self->scale;
  for (guint i = 0; i < self->bars->len; i++)
    {
      const TrellisChartBarLayout *bar = &g_array_index (self->bars, TrellisChartBarLayout, i);

      if (!rect_contains (&bar->band, x, y))
        continue;
      hit->row = bar->row;
      hit->bar = bar->bar;
      hit->answer = TRELLIS_ANSWER_BLANK;
      for (guint s = 0; s < bar->n_segments; s++)
        if (rect_contains (&bar->segments[s].rect, x, y))
          hit->answer = bar->segments[s].answer;
      for (guint s = 0; s < G_N_ELEMENTS (bar->missing); s++)
        if (rect_contains (&bar->missing[s].rect, x, y))
          hit->answer = bar->missing[s].answer;
      return TRUE;
    }
  return FALSE;
}

/**
 * trellis_chart_layout_dup_readout:
 * @hit: from trellis_chart_layout_hit_test()
 *
 * Returns: (transfer full): what is under the pointer, in words: the answer and how
 *   many gave it, or the whole bar when the pointer is on no segment
 */
char *
trellis_chart_layout_dup_readout (TrellisChartLayout    *self,
                                  const TrellisChartHit *hit)
{
  const TrellisChartRow *row;
  const TrellisChartBar *bar;
  const TrellisChartBarLayout *layout;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);
  g_return_val_if_fail (hit->row < trellis_chart_get_n_rows (self->chart), NULL);

  row = trellis_chart_get_row (self->chart, hit->row);
  g_return_val_if_fail (hit->bar < row->bars->len, NULL);
  bar = &g_array_index (row->bars, TrellisChartBar, hit->bar);
  layout = trellis_chart_layout_find_bar (self, hit->row, hit->bar);

  if (row->number != NULL)
    g_string_append_printf (text, "%s. ", row->number);
  if (hit->answer == TRELLIS_ANSWER_BLANK || layout == NULL)
    {
      g_autofree char *summary = trellis_chart_dup_bar_summary (self->chart, hit->row, hit->bar);
      g_string_append (text, summary);
    }
  else
    {
      const char *answer_label = trellis_chart_get_answer_label (self->chart, hit->answer);
      const TrellisChartSegment *segment = hit->answer > 0 ? &layout->segments[hit->answer - 1]
                                           : &layout->missing[hit->answer == TRELLIS_ANSWER_NOT_APPLICABLE ? 0 : 1];

      if (bar->label != NULL)
        g_string_append_printf (text, "%s: ", bar->label);
      if (hit->answer > 0)
        /* TRANSLATORS: "Agree: 9 of 21 answers (43%)" */
        g_string_append_printf (text, _("%s: %u of %u answers (%.0f%%)"), answer_label, segment->count,
                                bar->dist.valid, segment->percent);
      else
        /* TRANSLATORS: "Not applicable: 2 of 24 respondents (8%)" */
        g_string_append_printf (text, _("%s: %u of %u respondents (%.0f%%)"), answer_label, segment->count,
                                bar->dist.total, segment->percent);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * trellis_chart_draw:
 * @cr: where to draw, with the chart's top left corner at the origin
 * @width: the width to fill
 * @height: the height to fill
 *
 * Draws a whole chart on white, shrunk if need be to fit: what a widget's snapshot, a
 * slide or a thumbnail wants.
 */
void
trellis_chart_draw (TrellisChart            *chart,
                    const TrellisChartStyle *style,
                    cairo_t                 *cr,
                    double                   width,
                    double                   height)
{
  g_autoptr(TrellisChartLayout) layout = NULL;
  TrellisChartColour background;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;
  trellis_chart_style_get_ink (style, TRELLIS_CHART_INK_BACKGROUND, &background);
  cairo_save (cr);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);

  layout = trellis_chart_layout_new_to_fit (chart, style, width, height, 0, 0.5);
  trellis_chart_layout_paint (layout, cr);
}
