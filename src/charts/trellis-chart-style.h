/* trellis-chart-style.h: colours, fonts and page sizes of the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/**
 * TrellisChartPalette:
 * @TRELLIS_CHART_PALETTE_COLOUR: brown (disagree) to teal (agree) with a grey neutral,
 *   safe for colour-blind readers
 * @TRELLIS_CHART_PALETTE_GREYSCALE: five greys that stay distinct on a black-and-white
 *   printer, darker for the stronger answers
 */
typedef enum
{
  TRELLIS_CHART_PALETTE_COLOUR,
  TRELLIS_CHART_PALETTE_GREYSCALE,
} TrellisChartPalette;

/**
 * TrellisChartPaper:
 * @TRELLIS_CHART_PAPER_A4: A4 portrait
 * @TRELLIS_CHART_PAPER_LETTER: US Letter portrait
 * @TRELLIS_CHART_PAPER_SLIDE: a 16:9 slide
 */
typedef enum
{
  TRELLIS_CHART_PAPER_A4,
  TRELLIS_CHART_PAPER_LETTER,
  TRELLIS_CHART_PAPER_SLIDE,
} TrellisChartPaper;

/**
 * TrellisChartInk:
 *
 * What a mark on a chart is painted with. The answer levels are not inks: see
 * trellis_chart_style_get_level_colour().
 */
typedef enum
{
  TRELLIS_CHART_INK_BACKGROUND,
  TRELLIS_CHART_INK_TEXT,
  TRELLIS_CHART_INK_TEXT_MUTED,
  TRELLIS_CHART_INK_TEXT_ON_DARK,
  TRELLIS_CHART_INK_ROW_BAND,
  TRELLIS_CHART_INK_GRID,
  TRELLIS_CHART_INK_ZERO_LINE,
  TRELLIS_CHART_INK_NOT_APPLICABLE,
  TRELLIS_CHART_INK_DONT_KNOW,
  TRELLIS_CHART_INK_GAIN,
  TRELLIS_CHART_INK_LOSS,
} TrellisChartInk;

/**
 * TrellisChartFont:
 *
 * The text roles of a chart and the documents around it.
 */
typedef enum
{
  TRELLIS_CHART_FONT_BODY,
  TRELLIS_CHART_FONT_BODY_BOLD,
  TRELLIS_CHART_FONT_SMALL,
  TRELLIS_CHART_FONT_SMALL_BOLD,
  TRELLIS_CHART_FONT_SUBTITLE,
  TRELLIS_CHART_FONT_TITLE,
  TRELLIS_CHART_FONT_HEADING,
} TrellisChartFont;

typedef struct
{
  double red;
  double green;
  double blue;
} TrellisChartColour;

typedef struct _TrellisChartStyle TrellisChartStyle;

#define TRELLIS_TYPE_CHART_STYLE (trellis_chart_style_get_type ())

GType               trellis_chart_style_get_type (void) G_GNUC_CONST;
TrellisChartStyle  *trellis_chart_style_new (TrellisChartPalette palette);
TrellisChartStyle  *trellis_chart_style_ref (TrellisChartStyle *self);
void                trellis_chart_style_unref (TrellisChartStyle *self);

TrellisChartPalette trellis_chart_style_get_palette (const TrellisChartStyle *self);
const char         *trellis_chart_style_get_font_family (const TrellisChartStyle *self);
void                trellis_chart_style_set_font_family (TrellisChartStyle *self,
                                                         const char        *family);
double              trellis_chart_style_get_font_size (const TrellisChartStyle *self);
void                trellis_chart_style_set_font_size (TrellisChartStyle *self,
                                                       double             points);
gboolean            trellis_chart_style_get_show_titles (const TrellisChartStyle *self);
void                trellis_chart_style_set_show_titles (TrellisChartStyle *self,
                                                         gboolean           show);

PangoFontDescription *trellis_chart_style_dup_font (const TrellisChartStyle *self,
                                                    TrellisChartFont         font);
PangoContext       *trellis_chart_style_create_context (const TrellisChartStyle *self);

void                trellis_chart_style_get_ink (const TrellisChartStyle *self,
                                                 TrellisChartInk          ink,
                                                 TrellisChartColour      *colour);
void                trellis_chart_style_get_level_colour (const TrellisChartStyle *self,
                                                          guint                    n_points,
                                                          guint                    point,
                                                          TrellisChartColour      *colour);
gboolean            trellis_chart_style_is_hatched (const TrellisChartStyle *self,
                                                    TrellisChartInk          ink);
TrellisChartInk     trellis_chart_style_get_text_ink_on (const TrellisChartStyle  *self,
                                                         const TrellisChartColour *fill);

double              trellis_chart_colour_get_luminance (const TrellisChartColour *colour);
double              trellis_chart_colour_get_contrast (const TrellisChartColour *a,
                                                       const TrellisChartColour *b);

void                trellis_chart_paper_get_size (TrellisChartPaper  paper,
                                                  double            *width,
                                                  double            *height);
gboolean            trellis_chart_paper_from_string (const char        *text,
                                                     TrellisChartPaper *paper);
gboolean            trellis_chart_palette_from_string (const char          *text,
                                                       TrellisChartPalette *palette);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisChartStyle, trellis_chart_style_unref)

G_END_DECLS
