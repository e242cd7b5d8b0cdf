/* trellis-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-chart-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include <pango/pangocairo.h>

#include "trellis-chart-view.h"

/* Wider than this a chart only spreads its labels away from its bars, and narrower it
 * cannot keep a statement's words beside its bar: in multiples of the body text size. */
#define MAX_WIDTH_EMS 76.0
#define MIN_WIDTH_EMS 20.0

/* Widths laid out and kept: a resize measures at one width and paints at the same one,
 * and a list of charts asks each chart's height for a width or two more. */
#define N_CACHED_LAYOUTS 2

/* Charts are laid out at widths in steps of this many pixels and centred in the rest:
 * a window being resized lays each chart out once every few pixels, not at every
 * one, and the few pixels to spare disappear in the chart's margin. */
#define WIDTH_STEP 8

/* A segment too narrow to see still gets a ring that can be seen. */
#define MIN_RING_WIDTH 4.0

struct _TrellisChartView
{
  GtkWidget            parent_instance;

  TrellisChart        *chart;
  TrellisChartPalette  palette;
  TrellisChartStyle   *style;
  TrellisChartLayout  *layouts[N_CACHED_LAYOUTS];
  int                  layout_widths[N_CACHED_LAYOUTS];

  /* What the readout tells about: the bar (and answer) under the pointer, and the one
   * the keyboard is on. */
  gboolean             has_hover;
  TrellisChartHit      hover;
  gboolean             has_cursor;
  TrellisChartHit      cursor;
  char                *readout;
};

G_DEFINE_FINAL_TYPE (TrellisChartView, trellis_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_READOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/*****/

/* The interface font's size in pixels: the chart's body text follows it, so that a
 * user who enlarged the text gets larger charts too. */
static double
interface_font_pixels (GtkWidget   *widget,
                       const char **family)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size, dpi;

  *family = font != NULL ? pango_font_description_get_family (font) : NULL;
  if (font == NULL || pango_font_description_get_size (font) <= 0)
    return 14.0;
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    return size;
  dpi = pango_cairo_context_get_resolution (context);
  return size * (dpi > 0 ? dpi : 96.0) / 72.0;
}

static void
clear_layouts (TrellisChartView *self)
{
  for (guint i = 0; i < N_CACHED_LAYOUTS; i++)
    {
      g_clear_pointer (&self->layouts[i], trellis_chart_layout_unref);
      self->layout_widths[i] = 0;
    }
}

static TrellisChartStyle *
get_style (TrellisChartView *self)
{
  const char *family = NULL;
  double pixels;

  if (self->style != NULL)
    return self->style;

  pixels = interface_font_pixels (GTK_WIDGET (self), &family);
  self->style = trellis_chart_style_new (self->palette);
  trellis_chart_style_set_font_size (self->style, CLAMP (pixels, 6.0, 48.0));
  if (family != NULL && *family != '\0')
    trellis_chart_style_set_font_family (self->style, family);
  /* The page around the chart shows its title, subtitle and note as text. */
  trellis_chart_style_set_show_titles (self->style, FALSE);
  return self->style;
}

static int
get_max_width (TrellisChartView *self)
{
  return (int) ceil (MAX_WIDTH_EMS * trellis_chart_style_get_font_size (get_style (self)));
}

/* The width the chart is laid out at in a widget @width wide: all of it, up to the
 * widest a chart reads well at, in steps of WIDTH_STEP. */
static int
chart_width (TrellisChartView *self,
             int               width)
{
  width = MIN (width, get_max_width (self));
  return MAX (width - width % WIDTH_STEP, WIDTH_STEP);
}

/* The chart laid out @width wide, from the cache when it was laid out at that width
 * lately: resizing a window lays each chart out once per width, not once per frame and
 * caller. */
static TrellisChartLayout *
get_layout (TrellisChartView *self,
            int               width)
{
  TrellisChartLayout *layout;

  g_assert (self->chart != NULL);

  for (guint i = 0; i < N_CACHED_LAYOUTS; i++)
    if (self->layouts[i] != NULL && self->layout_widths[i] == width)
      {
        /* Most recent first, so the one to drop is always the last. */
        layout = self->layouts[i];
        for (; i > 0; i--)
          {
            self->layouts[i] = self->layouts[i - 1];
            self->layout_widths[i] = self->layout_widths[i - 1];
          }
        self->layouts[0] = layout;
        self->layout_widths[0] = width;
        return layout;
      }

  layout = trellis_chart_layout_new (self->chart, get_style (self), width, 0, 0);
  g_clear_pointer (&self->layouts[N_CACHED_LAYOUTS - 1], trellis_chart_layout_unref);
  for (guint i = N_CACHED_LAYOUTS - 1; i > 0; i--)
    {
      self->layouts[i] = self->layouts[i - 1];
      self->layout_widths[i] = self->layout_widths[i - 1];
    }
  self->layouts[0] = layout;
  self->layout_widths[0] = width;
  return layout;
}

/* The layout being shown, or before the widget has a size, the one at its natural
 * width: the bars and their order are the same at every width. */
static TrellisChartLayout *
get_current_layout (TrellisChartView *self,
                    double           *x_offset)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int laid_out;

  if (width <= 0)
    width = get_max_width (self);
  laid_out = chart_width (self, width);
  if (x_offset != NULL)
    *x_offset = floor ((width - laid_out) / 2.0);
  return get_layout (self, laid_out);
}

/*****/

static gboolean
hit_equal (const TrellisChartHit *a,
           const TrellisChartHit *b)
{
  return a->row == b->row && a->bar == b->bar && a->answer == b->answer;
}

static void
update_readout (TrellisChartView *self)
{
  g_autofree char *readout = NULL;

  if (self->chart != NULL && self->has_hover)
    readout = trellis_chart_layout_dup_readout (get_current_layout (self, NULL), &self->hover);
  else if (self->chart != NULL && self->has_cursor && gtk_widget_is_focus (GTK_WIDGET (self)))
    readout = trellis_chart_layout_dup_readout (get_current_layout (self, NULL), &self->cursor);

  if (g_strcmp0 (readout, self->readout) == 0)
    return;
  g_free (self->readout);
  self->readout = g_steal_pointer (&readout);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
}

/* Where @hit is drawn, in the layout's coordinates: the segment, or the bar's painted
 * extent when @hit is the whole bar. */
static TrellisChartRect
hit_rect (TrellisChartLayout    *layout,
          const TrellisChartHit *hit)
{
  const TrellisChartBarLayout *bar = trellis_chart_layout_find_bar (layout, hit->row, hit->bar);
  TrellisChartRect rect = { 0 };

  if (bar == NULL)
    return rect;

  if (hit->answer > 0 && (guint) hit->answer <= bar->n_segments)
    rect = bar->segments[hit->answer - 1].rect;
  else if (hit->answer == TRELLIS_ANSWER_NOT_APPLICABLE || hit->answer == TRELLIS_ANSWER_DONT_KNOW)
    rect = bar->missing[hit->answer == TRELLIS_ANSWER_NOT_APPLICABLE ? 0 : 1].rect;
  else
    {
      double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

      for (guint s = 0; s < bar->n_segments; s++)
        if (bar->segments[s].rect.width > 0)
          {
            left = MIN (left, bar->segments[s].rect.x);
            right = MAX (right, bar->segments[s].rect.x + bar->segments[s].rect.width);
          }
      /* Nobody answered on the scale: the whole row. */
      if (left > right)
        return bar->band;
      rect = (TrellisChartRect) { left, bar->segments[0].rect.y, right - left, bar->segments[0].rect.height };
    }

  if (rect.width < MIN_RING_WIDTH)
    {
      rect.x -= (MIN_RING_WIDTH - rect.width) / 2;
      rect.width = MIN_RING_WIDTH;
    }
  return rect;
}

static void
trace_ring (cairo_t                *cr,
            const TrellisChartRect *rect,
            double                  line_width)
{
  double grow = line_width / 2 + 1;

  cairo_set_line_width (cr, line_width);
  cairo_rectangle (cr, rect->x - grow, rect->y - grow, rect->width + 2 * grow, rect->height + 2 * grow);
  cairo_stroke (cr);
}

/*****/

/* The answers the arrow keys step through across a bar: the whole bar, each point of
 * the scale, then Not applicable and Don't know when the chart shows them. */
static guint
count_stops (TrellisChart *chart)
{
  return 1 + trellis_chart_get_n_points (chart) + (trellis_chart_get_shows_missing (chart) ? 2 : 0);
}

static TrellisAnswer
stop_answer (TrellisChart *chart,
             guint         stop)
{
  guint n_points = trellis_chart_get_n_points (chart);

  if (stop == 0)
    return TRELLIS_ANSWER_BLANK;
  if (stop <= n_points)
    return (TrellisAnswer) stop;
  return stop == n_points + 1 ? TRELLIS_ANSWER_NOT_APPLICABLE : TRELLIS_ANSWER_DONT_KNOW;
}

static guint
answer_stop (TrellisChart  *chart,
             TrellisAnswer  answer)
{
  guint n_points = trellis_chart_get_n_points (chart);

  if (answer > 0)
    return answer;
  if (answer == TRELLIS_ANSWER_NOT_APPLICABLE)
    return n_points + 1;
  if (answer == TRELLIS_ANSWER_DONT_KNOW)
    return n_points + 2;
  return 0;
}

static guint
find_bar_index (TrellisChartLayout    *layout,
                const TrellisChartHit *hit)
{
  for (guint i = 0; i < trellis_chart_layout_get_n_bars (layout); i++)
    {
      const TrellisChartBarLayout *bar = trellis_chart_layout_get_bar (layout, i);
      if (bar->row == hit->row && bar->bar == hit->bar)
        return i;
    }
  return 0;
}

/* Keeps the keyboard's bar in sight when the chart is in a scrolled window. Measured
 * in the scrolled content, whose coordinates do not move as it scrolls: keys pressed
 * faster than the frames come must not measure against an old scroll position. */
static void
scroll_cursor_into_view (TrellisChartView *self,
                         gboolean          centre)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  TrellisChartRect rect;
  graphene_point_t top;
  double value, page, margin;

  if (scrolled == NULL || (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))) == NULL)
    return;
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));

  rect = trellis_chart_layout_find_bar (get_current_layout (self, NULL), self->cursor.row, self->cursor.bar)->band;
  if (!gtk_widget_compute_point (GTK_WIDGET (self), content, &GRAPHENE_POINT_INIT (0, rect.y), &top))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  margin = MIN (2 * rect.height, page / 4);
  if (centre)
    gtk_adjustment_set_value (adjustment, top.y + rect.height / 2 - page / 2);
  else if (top.y < value)
    gtk_adjustment_set_value (adjustment, top.y - margin);
  else if (top.y + rect.height > value + page)
    gtk_adjustment_set_value (adjustment, top.y + rect.height - page + margin);
}

static void
scroll_to_cursor (TrellisChartView *self)
{
  scroll_cursor_into_view (self, FALSE);
}

static void
set_cursor (TrellisChartView      *self,
            const TrellisChartHit *cursor,
            gboolean               scroll)
{
  if (!self->has_cursor || !hit_equal (&self->cursor, cursor))
    {
      self->cursor = *cursor;
      self->has_cursor = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (scroll)
    scroll_to_cursor (self);
  update_readout (self);
}

/* Moves the keyboard's cursor @delta bars down (up when negative), keeping the answer
 * it is on, so that one answer can be followed down a chart. Returns FALSE when there
 * is no bar that way, so that the key moves the focus on to the next control instead. */
static gboolean
move_bar (TrellisChartView *self,
          int               delta)
{
  TrellisChartLayout *layout;
  TrellisChartHit cursor = { 0 };
  guint n_bars;
  gint64 index;

  if (self->chart == NULL)
    return FALSE;
  layout = get_current_layout (self, NULL);
  n_bars = trellis_chart_layout_get_n_bars (layout);
  if (n_bars == 0)
    return FALSE;

  if (!self->has_cursor)
    index = delta > 0 ? 0 : n_bars - 1;
  else
    {
      index = (gint64) find_bar_index (layout, &self->cursor) + delta;
      if (index < 0 || index >= n_bars)
        {
          /* Home and End stop at the ends; a single step off the end leaves. */
          if (ABS (delta) == 1)
            return FALSE;
          index = CLAMP (index, 0, (gint64) n_bars - 1);
        }
      cursor.answer = self->cursor.answer;
    }
  cursor.row = trellis_chart_layout_get_bar (layout, index)->row;
  cursor.bar = trellis_chart_layout_get_bar (layout, index)->bar;
  set_cursor (self, &cursor, TRUE);
  return TRUE;
}

static void
move_answer (TrellisChartView *self,
             int               delta)
{
  TrellisChartHit cursor;
  int stop;

  if (self->chart == NULL)
    return;
  if (!self->has_cursor && !move_bar (self, 1))
    return;

  cursor = self->cursor;
  stop = (int) answer_stop (self->chart, cursor.answer) + delta;
  stop = CLAMP (stop, 0, (int) count_stops (self->chart) - 1);
  cursor.answer = stop_answer (self->chart, stop);
  set_cursor (self, &cursor, FALSE);
}

static gboolean
move_bar_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  return move_bar (TRELLIS_CHART_VIEW (widget), g_variant_get_int32 (args));
}

static void
move_bar_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_bar (TRELLIS_CHART_VIEW (widget), g_variant_get_int32 (parameter));
}

static void
move_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move_answer (TRELLIS_CHART_VIEW (widget), g_variant_get_int32 (parameter));
}

/*****/

static gboolean
hit_test (TrellisChartView *self,
          double            x,
          double            y,
          TrellisChartHit  *hit)
{
  TrellisChartLayout *layout;
  double x_offset;

  if (self->chart == NULL)
    return FALSE;
  layout = get_current_layout (self, &x_offset);
  return trellis_chart_layout_hit_test (layout, x - x_offset, y, hit);
}

static void
set_hover (TrellisChartView      *self,
           const TrellisChartHit *hover)
{
  gboolean had_hover = self->has_hover;

  if (hover == NULL && !had_hover)
    return;
  if (hover != NULL && had_hover && hit_equal (hover, &self->hover))
    return;

  self->has_hover = hover != NULL;
  if (hover != NULL)
    self->hover = *hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_readout (self);
}

static void
motion_cb (TrellisChartView *self,
           double            x,
           double            y)
{
  TrellisChartHit hit;

  set_hover (self, hit_test (self, x, y, &hit) ? &hit : NULL);
}

static void
leave_cb (TrellisChartView *self)
{
  set_hover (self, NULL);
}

/* A click puts the keyboard on the bar clicked: its readout stays when the pointer
 * moves away. */
static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            TrellisChartView *self)
{
  TrellisChartHit hit;

  if (!hit_test (self, x, y, &hit))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_cursor (self, &hit, FALSE);
}

/* The window's focus, followed whether or not the window is active: the ring and the
 * readout show while the chart is the focus widget. */
static void
focus_changed_cb (TrellisChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_readout (self);
}

static void
trellis_chart_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (trellis_chart_view_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (focus_changed_cb), widget, G_CONNECT_SWAPPED);
}

static void
trellis_chart_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), focus_changed_cb, widget);

  GTK_WIDGET_CLASS (trellis_chart_view_parent_class)->unroot (widget);
}

/*****/

static void
update_accessible (TrellisChartView *self)
{
  g_autofree char *description = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  /* What a screen reader reads for the picture: every bar's percentages and count. */
  description = trellis_chart_dup_description (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, trellis_chart_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
trellis_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TrellisChartView *self = TRELLIS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TrellisChartLayout *layout;
  double x_offset;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  layout = get_current_layout (self, &x_offset);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, x_offset, 0);
  trellis_chart_layout_paint (layout, cr);

  if (self->has_hover)
    {
      TrellisChartRect rect = hit_rect (layout, &self->hover);

      cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
      trace_ring (cr, &rect, 1.5);
    }
  if (self->has_cursor && gtk_widget_is_focus (widget))
    {
      TrellisChartRect rect = hit_rect (layout, &self->cursor);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      GtkStyleContext *context = gtk_widget_get_style_context (widget);
      GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };

      gtk_style_context_lookup_color (context, "theme_selected_bg_color", &accent);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gdk_cairo_set_source_rgba (cr, &accent);
      trace_ring (cr, &rect, 2.5);
    }
  cairo_destroy (cr);
}

static GtkSizeRequestMode
trellis_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* As wide as the window allows, as tall as its statements need at that width: the
 * page around it scrolls. */
static void
trellis_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TrellisChartView *self = TRELLIS_CHART_VIEW (widget);

  if (self->chart == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (MIN_WIDTH_EMS * trellis_chart_style_get_font_size (get_style (self)));
      *natural = get_max_width (self);
    }
  else
    {
      int width = chart_width (self, for_size >= 0 ? for_size : get_max_width (self));

      *minimum = *natural = (int) ceil (trellis_chart_layout_get_height (get_layout (self, width)));
    }
}

static gboolean
trellis_chart_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_tooltip,
                                  GtkTooltip *tooltip)
{
  TrellisChartView *self = TRELLIS_CHART_VIEW (widget);
  TrellisChartLayout *layout;
  TrellisChartHit hit;
  TrellisChartRect rect;
  g_autofree char *readout = NULL;
  double x_offset;

  if (self->chart == NULL)
    return FALSE;
  if (keyboard_tooltip)
    {
      if (!self->has_cursor)
        return FALSE;
      hit = self->cursor;
    }
  else if (!hit_test (self, x, y, &hit))
    return FALSE;

  layout = get_current_layout (self, &x_offset);
  readout = trellis_chart_layout_dup_readout (layout, &hit);
  rect = hit_rect (layout, &hit);
  gtk_tooltip_set_text (tooltip, readout);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) floor (rect.x + x_offset), (int) floor (rect.y),
                                                       (int) ceil (rect.width), (int) ceil (rect.height) });
  return TRUE;
}

/* Entering from above or by Tab starts at the first bar, from below at the last. */
static gboolean
trellis_chart_view_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  TrellisChartView *self = TRELLIS_CHART_VIEW (widget);

  if (gtk_widget_is_focus (widget) || self->chart == NULL || !gtk_widget_get_focusable (widget))
    return FALSE;

  if (!self->has_cursor || direction == GTK_DIR_UP || direction == GTK_DIR_DOWN)
    {
      self->has_cursor = FALSE;
      move_bar (self, direction == GTK_DIR_UP || direction == GTK_DIR_TAB_BACKWARD ? -1 : 1);
    }
  else
    scroll_to_cursor (self);
  return gtk_widget_grab_focus (widget);
}

static void
trellis_chart_view_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  TrellisChartView *self = TRELLIS_CHART_VIEW (widget);

  if (setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_NAME
      || setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      g_clear_pointer (&self->style, trellis_chart_style_unref);
      clear_layouts (self);
      gtk_widget_queue_resize (widget);
    }
  GTK_WIDGET_CLASS (trellis_chart_view_parent_class)->system_setting_changed (widget, setting);
}

static void
trellis_chart_view_finalize (GObject *object)
{
  TrellisChartView *self = (TrellisChartView *) object;

  clear_layouts (self);
  g_clear_pointer (&self->style, trellis_chart_style_unref);
  g_clear_pointer (&self->chart, trellis_chart_unref);
  g_clear_pointer (&self->readout, g_free);

  G_OBJECT_CLASS (trellis_chart_view_parent_class)->finalize (object);
}

static void
trellis_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrellisChartView *self = TRELLIS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;
    case PROP_READOUT:
      g_value_set_string (value, self->readout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_chart_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TrellisChartView *self = TRELLIS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      trellis_chart_view_set_chart (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_bindings (GtkWidgetClass *widget_class,
                   guint           keyval,
                   guint           keypad_keyval,
                   gboolean        by_bar,
                   int             delta)
{
  guint keyvals[] = { keyval, keypad_keyval };

  for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
    {
      if (by_bar)
        gtk_widget_class_add_binding (widget_class, keyvals[i], 0, move_bar_cb, "i", delta);
      else
        gtk_widget_class_add_binding_action (widget_class, keyvals[i], 0, "chart.move-answer", "i", delta);
    }
}

/* The statement of chart row @row, or %NULL on the overview, whose rows are sections. */
static const char *
row_statement_id (TrellisChartView *self,
                  guint             row)
{
  if (self->chart == NULL || trellis_chart_get_kind (self->chart) == TRELLIS_CHART_OVERVIEW
      || row >= trellis_chart_get_n_rows (self->chart))
    return NULL;
  return trellis_chart_get_row (self->chart, row)->id;
}

/* The statement the keyboard is on, or else the one under the pointer. */
static const char *
current_statement_id (TrellisChartView *self)
{
  if (self->has_cursor)
    return row_statement_id (self, self->cursor.row);
  if (self->has_hover)
    return row_statement_id (self, self->hover.row);
  return NULL;
}

static void
add_to_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *id = current_statement_id (TRELLIS_CHART_VIEW (widget));

  if (id != NULL)
    gtk_widget_activate_action (widget, "win.add-to-plan", "s", id);
}

/* The statement's menu: what can be done with it, for now "Add to improvement plan". */
static void
popup_statement_menu (TrellisChartView *self,
                      const char       *statement_id,
                      double            x,
                      double            y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("_Add to Improvement Plan"), NULL);
  GtkWidget *popover;
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  g_menu_item_set_action_and_target (item, "win.add-to-plan", "s", statement_id);
  g_menu_append_item (menu, item);
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &at);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
secondary_pressed_cb (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      TrellisChartView *self)
{
  TrellisChartHit hit;
  const char *id;

  if (!hit_test (self, x, y, &hit) || (id = row_statement_id (self, hit.row)) == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_cursor (self, &hit, FALSE);
  popup_statement_menu (self, id, x, y);
}

/* Shift+F10 or the Menu key: the menu of the bar the keyboard is on, beside it. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrellisChartView *self = TRELLIS_CHART_VIEW (widget);
  const char *id = self->has_cursor ? row_statement_id (self, self->cursor.row) : NULL;
  double x_offset = 0;
  TrellisChartRect rect;

  if (id == NULL)
    return;
  rect = hit_rect (get_current_layout (self, &x_offset), &self->cursor);
  popup_statement_menu (self, id, x_offset + rect.x + rect.width / 2, rect.y + rect.height);
}

static void
trellis_chart_view_class_init (TrellisChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = trellis_chart_view_finalize;
  object_class->get_property = trellis_chart_view_get_property;
  object_class->set_property = trellis_chart_view_set_property;

  widget_class->snapshot = trellis_chart_view_snapshot;
  widget_class->get_request_mode = trellis_chart_view_get_request_mode;
  widget_class->measure = trellis_chart_view_measure;
  widget_class->query_tooltip = trellis_chart_view_query_tooltip;
  widget_class->focus = trellis_chart_view_focus;
  widget_class->system_setting_changed = trellis_chart_view_system_setting_changed;
  widget_class->root = trellis_chart_view_root;
  widget_class->unroot = trellis_chart_view_unroot;

  /**
   * TrellisChartView:chart: (nullable)
   *
   * The chart shown.
   */
  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL,
                        TRELLIS_TYPE_CHART,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisChartView:readout: (nullable)
   *
   * The exact counts of the bar or answer under the pointer, or else of the one the
   * keyboard is on while the chart has the focus: "12. Agree: 7 of 23 answers (30%)".
   */
  properties[PROP_READOUT] =
    g_param_spec_string ("readout", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Up and Down go bar to bar, Left and Right answer to answer across a bar. */
  gtk_widget_class_install_action (widget_class, "chart.move-bar", "i", move_bar_action);
  gtk_widget_class_install_action (widget_class, "chart.move-answer", "i", move_answer_action);
  add_move_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, TRUE, 1);
  add_move_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, TRUE, -1);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, TRUE, -G_MAXINT);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, TRUE, G_MAXINT);
  add_move_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, FALSE, 1);
  add_move_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, FALSE, -1);

  /* The statement's menu, and its one item straight from the keyboard. */
  gtk_widget_class_install_action (widget_class, "chart.add-to-plan", NULL, add_to_plan_action);
  gtk_widget_class_install_action (widget_class, "chart.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "chart.add-to-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.context-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
trellis_chart_view_init (TrellisChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *secondary;

  self->palette = TRELLIS_CHART_PALETTE_COLOUR;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));
}

GtkWidget *
trellis_chart_view_new (void)
{
  return g_object_new (TRELLIS_TYPE_CHART_VIEW, NULL);
}

/**
 * trellis_chart_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
TrellisChart *
trellis_chart_view_get_chart (TrellisChartView *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

/**
 * trellis_chart_view_set_chart:
 * @chart: (nullable): the chart to show
 *
 * Shows @chart, drawn without its titles (show them beside it) and described in words
 * to screen readers.
 */
void
trellis_chart_view_set_chart (TrellisChartView *self,
                              TrellisChart     *chart)
{
  g_return_if_fail (TRELLIS_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;

  g_clear_pointer (&self->chart, trellis_chart_unref);
  if (chart != NULL)
    self->chart = trellis_chart_ref (chart);
  clear_layouts (self);
  /* Another chart has other rows: what the pointer and the keyboard were on is gone. */
  self->has_hover = FALSE;
  self->has_cursor = FALSE;

  update_accessible (self);
  update_readout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

TrellisChartPalette
trellis_chart_view_get_palette (TrellisChartView *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHART_VIEW (self), TRELLIS_CHART_PALETTE_COLOUR);
  return self->palette;
}

/**
 * trellis_chart_view_set_palette:
 *
 * Draws the chart in colour or, as it would print on a black-and-white printer, in greys.
 */
void
trellis_chart_view_set_palette (TrellisChartView    *self,
                                TrellisChartPalette  palette)
{
  g_return_if_fail (TRELLIS_IS_CHART_VIEW (self));

  if (self->palette == palette)
    return;
  self->palette = palette;
  g_clear_pointer (&self->style, trellis_chart_style_unref);
  clear_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * trellis_chart_view_get_readout:
 *
 * Returns: (nullable): see #TrellisChartView:readout
 */
const char *
trellis_chart_view_get_readout (TrellisChartView *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHART_VIEW (self), NULL);
  return self->readout;
}

/* In the next frame, when the page has settled where the jump took it (the sidebar
 * follows the section reached), the bar goes to the middle of the view. */
static gboolean
centre_cursor_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  TrellisChartView *self = TRELLIS_CHART_VIEW (widget);

  if (self->has_cursor && self->chart != NULL)
    scroll_cursor_into_view (self, TRUE);
  return G_SOURCE_REMOVE;
}

/**
 * trellis_chart_view_focus_statement:
 * @statement_id: the statement whose bar to go to
 *
 * Puts the keyboard focus on the statement's bar (in a rounds comparison the latest
 * round's, otherwise the first), scrolled into view with its readout shown: where a
 * talking point leads.
 *
 * Returns: whether the chart has the statement
 */
gboolean
trellis_chart_view_focus_statement (TrellisChartView *self,
                                    const char       *statement_id)
{
  TrellisChartHit cursor = { 0 };

  g_return_val_if_fail (TRELLIS_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (statement_id != NULL, FALSE);

  if (self->chart == NULL || trellis_chart_get_kind (self->chart) == TRELLIS_CHART_OVERVIEW)
    return FALSE;
  for (guint r = 0; r < trellis_chart_get_n_rows (self->chart); r++)
    {
      const TrellisChartRow *row = trellis_chart_get_row (self->chart, r);

      if (g_strcmp0 (row->id, statement_id) != 0 || row->bars == NULL || row->bars->len == 0)
        continue;
      cursor.row = r;
      cursor.bar = trellis_chart_get_kind (self->chart) == TRELLIS_CHART_ROUNDS ? row->bars->len - 1 : 0;
      cursor.answer = TRELLIS_ANSWER_BLANK;
      gtk_widget_grab_focus (GTK_WIDGET (self));
      set_cursor (self, &cursor, TRUE);
      gtk_widget_add_tick_callback (GTK_WIDGET (self), centre_cursor_cb, NULL, NULL);
      return TRUE;
    }
  return FALSE;
}
