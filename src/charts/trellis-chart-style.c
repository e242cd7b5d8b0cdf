/* trellis-chart-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "trellis-chart-style.h"

struct _TrellisChartStyle
{
  gatomicrefcount      ref_count;
  TrellisChartPalette  palette;
  char                *font_family;
  double               font_size;
  gboolean             show_titles;
};

G_DEFINE_BOXED_TYPE (TrellisChartStyle, trellis_chart_style, trellis_chart_style_ref, trellis_chart_style_unref)

/* Families tried in turn: what GNOME on Debian ships first, then what every Linux has. */
#define DEFAULT_FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define DEFAULT_FONT_SIZE   8.0

/**
 * trellis_chart_style_new:
 *
 * Returns: (transfer full): a style for paper: 8 pt text in the default sans family
 */
TrellisChartStyle *
trellis_chart_style_new (TrellisChartPalette palette)
{
  TrellisChartStyle *self = g_new0 (TrellisChartStyle, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->palette = palette;
  self->font_family = g_strdup (DEFAULT_FONT_FAMILY);
  self->font_size = DEFAULT_FONT_SIZE;
  self->show_titles = TRUE;
  return self;
}

TrellisChartStyle *
trellis_chart_style_ref (TrellisChartStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_chart_style_unref (TrellisChartStyle *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->font_family);
  g_free (self);
}

TrellisChartPalette
trellis_chart_style_get_palette (const TrellisChartStyle *self)
{
  g_return_val_if_fail (self != NULL, TRELLIS_CHART_PALETTE_COLOUR);
  return self->palette;
}

const char *
trellis_chart_style_get_font_family (const TrellisChartStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->font_family;
}

/**
 * trellis_chart_style_set_font_family:
 * @family: a Pango family list ("DejaVu Sans" or "Cantarell, sans-serif")
 */
void
trellis_chart_style_set_font_family (TrellisChartStyle *self,
                                     const char        *family)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (family != NULL && *family != '\0');

  g_free (self->font_family);
  self->font_family = g_strdup (family);
}

double
trellis_chart_style_get_font_size (const TrellisChartStyle *self)
{
  g_return_val_if_fail (self != NULL, DEFAULT_FONT_SIZE);
  return self->font_size;
}

/**
 * trellis_chart_style_set_font_size:
 * @points: the size of body text; every other size follows from it
 */
void
trellis_chart_style_set_font_size (TrellisChartStyle *self,
                                   double             points)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (points >= 4.0 && points <= 72.0);

  self->font_size = points;
}

gboolean
trellis_chart_style_get_show_titles (const TrellisChartStyle *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->show_titles;
}

/**
 * trellis_chart_style_set_show_titles:
 * @show: whether charts carry their title, subtitle and note; a view or page that
 *   shows its own heading turns them off
 */
void
trellis_chart_style_set_show_titles (TrellisChartStyle *self,
                                     gboolean           show)
{
  g_return_if_fail (self != NULL);
  self->show_titles = !!show;
}

/**
 * trellis_chart_style_dup_font:
 *
 * Returns: (transfer full): the font for one text role
 */
PangoFontDescription *
trellis_chart_style_dup_font (const TrellisChartStyle *self,
                              TrellisChartFont         font)
{
  static const struct
  {
    double      scale;
    PangoWeight weight;
  } roles[] = {
    [TRELLIS_CHART_FONT_BODY]       = { 1.0,   PANGO_WEIGHT_NORMAL },
    [TRELLIS_CHART_FONT_BODY_BOLD]  = { 1.0,   PANGO_WEIGHT_BOLD },
    [TRELLIS_CHART_FONT_SMALL]      = { 0.875, PANGO_WEIGHT_NORMAL },
    [TRELLIS_CHART_FONT_SMALL_BOLD] = { 0.875, PANGO_WEIGHT_BOLD },
    [TRELLIS_CHART_FONT_SUBTITLE]   = { 1.125, PANGO_WEIGHT_NORMAL },
    [TRELLIS_CHART_FONT_TITLE]      = { 1.75,  PANGO_WEIGHT_BOLD },
    [TRELLIS_CHART_FONT_HEADING]    = { 1.25,  PANGO_WEIGHT_BOLD },
  };
  PangoFontDescription *description;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) font < G_N_ELEMENTS (roles), NULL);

  description = pango_font_description_new ();
  pango_font_description_set_family (description, self->font_family);
  pango_font_description_set_weight (description, roles[font].weight);
  pango_font_description_set_size (description, (int) (self->font_size * roles[font].scale * PANGO_SCALE));
  return description;
}

/**
 * trellis_chart_style_create_context:
 *
 * Makes a Pango context in which one unit is one point, with the font metrics left
 * unhinted: text measures the same on screen, on paper and on every image surface, so a
 * chart laid out once paints the same everywhere.
 *
 * Returns: (transfer full): the context
 */
PangoContext *
trellis_chart_style_create_context (const TrellisChartStyle *self)
{
  PangoContext *context;
  cairo_font_options_t *options;

  g_return_val_if_fail (self != NULL, NULL);

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

static void
set_hex (TrellisChartColour *colour,
         guint32             rgb)
{
  colour->red = ((rgb >> 16) & 0xff) / 255.0;
  colour->green = ((rgb >> 8) & 0xff) / 255.0;
  colour->blue = (rgb & 0xff) / 255.0;
}

static void
set_grey (TrellisChartColour *colour,
          double              level)
{
  colour->red = colour->green = colour->blue = level;
}

/**
 * trellis_chart_style_get_ink:
 * @colour: (out caller-allocates): the colour to paint with
 */
void
trellis_chart_style_get_ink (const TrellisChartStyle *self,
                             TrellisChartInk          ink,
                             TrellisChartColour      *colour)
{
  gboolean grey;

  g_return_if_fail (self != NULL);
  g_return_if_fail (colour != NULL);

  grey = self->palette == TRELLIS_CHART_PALETTE_GREYSCALE;
  switch (ink)
    {
    case TRELLIS_CHART_INK_BACKGROUND:
      set_grey (colour, 1.0);
      break;
    case TRELLIS_CHART_INK_TEXT:
      set_hex (colour, grey ? 0x000000 : 0x111111);
      break;
    case TRELLIS_CHART_INK_TEXT_MUTED:
      set_hex (colour, grey ? 0x404040 : 0x555555);
      break;
    case TRELLIS_CHART_INK_TEXT_ON_DARK:
      set_grey (colour, 1.0);
      break;
    case TRELLIS_CHART_INK_ROW_BAND:
      set_hex (colour, 0xf2f2f2);
      break;
    case TRELLIS_CHART_INK_GRID:
      set_hex (colour, 0xc8c8c8);
      break;
    case TRELLIS_CHART_INK_ZERO_LINE:
      set_hex (colour, 0x3a3a3a);
      break;
    case TRELLIS_CHART_INK_NOT_APPLICABLE:
      set_hex (colour, grey ? 0xc4c4c4 : 0xbababa);
      break;
    case TRELLIS_CHART_INK_DONT_KNOW:
      set_hex (colour, grey ? 0x808080 : 0x8a8a8a);
      break;
    case TRELLIS_CHART_INK_GAIN:
      set_hex (colour, grey ? 0x000000 : 0x01665e);
      break;
    case TRELLIS_CHART_INK_LOSS:
      set_hex (colour, grey ? 0x000000 : 0x8c510a);
      break;
    default:
      g_return_if_reached ();
    }
}

/* Brown and teal halves of a BrBG-like diverging ramp, darkest first; a level's colour
 * is read off at a position between 0 (darkest) and 1 (lightest). */
static const guint32 brown_ramp[] = { 0x543005, 0x8c510a, 0xbf812d, 0xdfc27d, 0xf6e8c3 };
static const guint32 teal_ramp[] = { 0x003c30, 0x01665e, 0x35978f, 0x80cdc1, 0xc7eae5 };

static void
read_ramp (const guint32      *ramp,
           double              position,
           TrellisChartColour *colour)
{
  double scaled = CLAMP (position, 0.0, 1.0) * 4.0;
  guint i = MIN ((guint) scaled, 3);
  double t = scaled - i;
  TrellisChartColour from, to;

  set_hex (&from, ramp[i]);
  set_hex (&to, ramp[i + 1]);
  colour->red = from.red + t * (to.red - from.red);
  colour->green = from.green + t * (to.green - from.green);
  colour->blue = from.blue + t * (to.blue - from.blue);
}

/**
 * trellis_chart_style_get_level_colour:
 * @n_points: points on the scale
 * @point: 1 to @n_points
 * @colour: (out caller-allocates): the fill of that answer
 *
 * Strength is shown by lightness, direction by hue: the strongest answers are the
 * darkest, the neutral is grey. In greyscale the two sides keep apart by a step of
 * lightness, so that every level differs from every other on a black-and-white page,
 * and the neutral is one grey, never two.
 */
void
trellis_chart_style_get_level_colour (const TrellisChartStyle *self,
                                      guint                    n_points,
                                      guint                    point,
                                      TrellisChartColour      *colour)
{
  guint per_side, strength;
  gboolean agreeing;
  double position;

  g_return_if_fail (self != NULL);
  g_return_if_fail (colour != NULL);
  g_return_if_fail (point >= 1 && point <= n_points);

  if (n_points % 2 == 1 && 2 * point == n_points + 1)
    {
      set_hex (colour, self->palette == TRELLIS_CHART_PALETTE_GREYSCALE ? 0xe4e4e4 : 0xd9d9d9);
      return;
    }

  per_side = n_points / 2;
  agreeing = 2 * point > n_points + 1;
  /* 0 for the strongest answer on its side, per_side − 1 for the mildest. */
  strength = agreeing ? n_points - point : point - 1;
  position = per_side > 1 ? (double) strength / (per_side - 1) : 0.5;

  if (self->palette == TRELLIS_CHART_PALETTE_GREYSCALE)
    set_grey (colour, agreeing ? 0.38 + 0.32 * position : 0.20 + 0.34 * position);
  else
    read_ramp (agreeing ? teal_ramp : brown_ramp, 0.35 + 0.4 * position, colour);
}

/**
 * trellis_chart_style_is_hatched:
 *
 * Returns: whether marks in @ink carry diagonal hatching as well as a fill, so that
 *   Don't know stays apart from Not applicable on any printer
 */
gboolean
trellis_chart_style_is_hatched (const TrellisChartStyle *self,
                                TrellisChartInk          ink)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return ink == TRELLIS_CHART_INK_DONT_KNOW;
}

static double
linear_channel (double value)
{
  return value <= 0.04045 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

/**
 * trellis_chart_colour_get_luminance:
 *
 * Returns: relative luminance as WCAG 2 defines it, 0 (black) to 1 (white)
 */
double
trellis_chart_colour_get_luminance (const TrellisChartColour *colour)
{
  g_return_val_if_fail (colour != NULL, 0.0);

  return 0.2126 * linear_channel (colour->red)
         + 0.7152 * linear_channel (colour->green)
         + 0.0722 * linear_channel (colour->blue);
}

/**
 * trellis_chart_colour_get_contrast:
 *
 * Returns: the WCAG 2 contrast ratio of two colours, 1 to 21
 */
double
trellis_chart_colour_get_contrast (const TrellisChartColour *a,
                                   const TrellisChartColour *b)
{
  double la = trellis_chart_colour_get_luminance (a);
  double lb = trellis_chart_colour_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * trellis_chart_style_get_text_ink_on:
 *
 * Returns: the text ink that reads best on @fill
 */
TrellisChartInk
trellis_chart_style_get_text_ink_on (const TrellisChartStyle  *self,
                                     const TrellisChartColour *fill)
{
  TrellisChartColour dark, light;

  g_return_val_if_fail (self != NULL, TRELLIS_CHART_INK_TEXT);
  g_return_val_if_fail (fill != NULL, TRELLIS_CHART_INK_TEXT);

  trellis_chart_style_get_ink (self, TRELLIS_CHART_INK_TEXT, &dark);
  trellis_chart_style_get_ink (self, TRELLIS_CHART_INK_TEXT_ON_DARK, &light);
  return trellis_chart_colour_get_contrast (&light, fill) > trellis_chart_colour_get_contrast (&dark, fill)
           ? TRELLIS_CHART_INK_TEXT_ON_DARK
           : TRELLIS_CHART_INK_TEXT;
}

/**
 * trellis_chart_paper_get_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
trellis_chart_paper_get_size (TrellisChartPaper  paper,
                              double            *width,
                              double            *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  switch (paper)
    {
    case TRELLIS_CHART_PAPER_A4:
      *width = 595.276;
      *height = 841.890;
      break;
    case TRELLIS_CHART_PAPER_LETTER:
      *width = 612.0;
      *height = 792.0;
      break;
    case TRELLIS_CHART_PAPER_SLIDE:
      /* 13.333 × 7.5 in, the 16:9 slide of the common presentation programs. */
      *width = 960.0;
      *height = 540.0;
      break;
    default:
      g_return_if_reached ();
    }
}

/**
 * trellis_chart_paper_from_string:
 * @text: "a4", "letter" or "slide"
 *
 * Returns: whether @text names a paper
 */
gboolean
trellis_chart_paper_from_string (const char        *text,
                                 TrellisChartPaper *paper)
{
  static const char *names[] = {
    [TRELLIS_CHART_PAPER_A4] = "a4",
    [TRELLIS_CHART_PAPER_LETTER] = "letter",
    [TRELLIS_CHART_PAPER_SLIDE] = "slide",
  };

  g_return_val_if_fail (paper != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *paper = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * trellis_chart_palette_from_string:
 * @text: "colour" (or "color") or "greyscale" (or "grayscale")
 *
 * Returns: whether @text names a palette
 */
gboolean
trellis_chart_palette_from_string (const char          *text,
                                   TrellisChartPalette *palette)
{
  g_return_val_if_fail (palette != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "colour") == 0 || g_ascii_strcasecmp (text, "color") == 0)
    *palette = TRELLIS_CHART_PALETTE_COLOUR;
  else if (g_ascii_strcasecmp (text, "greyscale") == 0 || g_ascii_strcasecmp (text, "grayscale") == 0)
    *palette = TRELLIS_CHART_PALETTE_GREYSCALE;
  else
    return FALSE;
  return TRUE;
}
