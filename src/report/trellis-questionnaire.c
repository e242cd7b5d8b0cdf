/* trellis-questionnaire.c: the tailored checklist as a paper form to hand out (PDF)
 *
 * The first page names the partnership and says how to answer, as the Improvement
 * Service's checklist does (the scale, when to use Not applicable and Don't know) and
 * that answers are anonymous. Each section is a grid: a statement per row, a tick box
 * per answer in columns headed by the scale's labels, the header repeated when a grid
 * runs onto the next page; a multi-part item is a grid under its lead-in; a ruled box
 * for comments ends the section. A checklist with two scales has a grid per scale.
 *
 * The form is laid out twice: once to count the pages, once to draw them with
 * "Page n of m" in the footer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "trellis-handoff-private.h"
#include "trellis-report-private.h"

#define MARGIN_SIDE    46.0
#define MARGIN_TOP     44.0
#define MARGIN_BOTTOM  54.0
#define ANSWER_WIDTH   36.0   /* one tick-box column */
#define BOX_SIZE       10.0
#define ROW_PADDING    4.5
#define PART_INDENT    14.0
#define COMMENT_LINES  6
#define COMMENT_LINE   22.0

#define FONT_TITLE     "Sans Bold 17"
#define FONT_SUBTITLE  "Sans 11"
#define FONT_HEADING   "Sans Bold 12.5"
#define FONT_BODY      "Sans 9"
#define FONT_BOLD      "Sans Bold 9"
#define FONT_HEADER    "Sans 6"
#define FONT_FOOTER    "Sans 7.5"

typedef struct
{
  const HandoffSurvey *survey;
  cairo_t             *cr;
  gboolean             draw;
  double               page_width;
  double               page_height;
  double               width;     /* of the text area */
  double               y;         /* from the top of the page */
  guint                page;      /* 0-based */
  guint                n_pages;   /* known on the second pass */
} Form;

static PangoLayout *
make_layout (Form       *form,
             const char *text,
             const char *font,
             double      width,
             gboolean    centre)
{
  PangoLayout *layout = pango_cairo_create_layout (form->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  /* Column headings wrap between words only: "Strongly" is never "Strong-ly". */
  pango_layout_set_wrap (layout, centre ? PANGO_WRAP_WORD : PANGO_WRAP_WORD_CHAR);
  if (centre)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
height_of (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
show (Form        *form,
      PangoLayout *layout,
      double       x,
      double       y,
      double       grey)
{
  if (!form->draw)
    return;
  cairo_set_source_rgb (form->cr, grey, grey, grey);
  cairo_move_to (form->cr, x, y);
  pango_cairo_show_layout (form->cr, layout);
}

static void
draw_footer (Form *form)
{
  g_autofree char *title = _trellis_handoff_dup_title (form->survey);
  /* TRANSLATORS: the questionnaire's footer: its title, then "Page 2 of 5" */
  g_autofree char *text = g_strdup_printf (_("%s · Page %u of %u"), title, form->page + 1, MAX (form->n_pages, 1));
  g_autoptr(PangoLayout) layout = make_layout (form, text, FONT_FOOTER, form->width, TRUE);

  show (form, layout, MARGIN_SIDE, form->page_height - MARGIN_BOTTOM + 20, 0.35);
}

static void
next_page (Form *form)
{
  draw_footer (form);
  if (form->draw)
    cairo_show_page (form->cr);
  form->page++;
  form->y = MARGIN_TOP;
}

static gboolean
fits (Form  *form,
      double height)
{
  return form->y + height <= form->page_height - MARGIN_BOTTOM;
}

static double
answers_width (const HandoffGrid *grid)
{
  g_autoptr(GPtrArray) labels = _trellis_handoff_dup_answer_labels (grid->scale);

  return labels->len * ANSWER_WIDTH;
}

/* The labels over the tick-box columns, the points' numbers under them. */
static double
grid_header (Form              *form,
             const HandoffGrid *grid,
             gboolean           measure_only)
{
  g_autoptr(GPtrArray) labels = _trellis_handoff_dup_answer_labels (grid->scale);
  guint n_points = trellis_scale_get_n_points (grid->scale);
  double x0 = MARGIN_SIDE + form->width - answers_width (grid), height = 0;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint a = 0; a < labels->len; a++)
    {
      g_autofree char *text = a < n_points ? g_strdup_printf ("%s\n%u", (char *) g_ptr_array_index (labels, a), a + 1)
                                           : g_strdup (g_ptr_array_index (labels, a));
      PangoLayout *layout = make_layout (form, text, FONT_HEADER, ANSWER_WIDTH - 1, TRUE);

      height = MAX (height, height_of (layout));
      g_ptr_array_add (layouts, layout);
    }
  if (trellis_checklist_get_n_scales (form->survey->checklist) > 1)
    {
      g_autoptr(PangoLayout) scale = make_layout (form, trellis_scale_get_title (grid->scale), FONT_BOLD,
                                                  form->width - answers_width (grid) - 8, FALSE);
      if (!measure_only)
        show (form, scale, MARGIN_SIDE, form->y + height - height_of (scale), 0);
    }
  if (measure_only)
    return height + 4;
  for (guint a = 0; a < layouts->len; a++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, a);
      show (form, layout, x0 + a * ANSWER_WIDTH + 0.5, form->y + height - height_of (layout), 0.15);
    }
  form->y += height + 4;
  if (form->draw)
    {
      cairo_set_source_rgb (form->cr, 0.3, 0.3, 0.3);
      cairo_set_line_width (form->cr, 0.8);
      cairo_move_to (form->cr, MARGIN_SIDE, form->y - 2);
      cairo_line_to (form->cr, MARGIN_SIDE + form->width, form->y - 2);
      cairo_stroke (form->cr);
    }
  return height + 4;
}

static void
draw_boxes (Form              *form,
            const HandoffGrid *grid,
            double             y)
{
  guint n = (guint) (answers_width (grid) / ANSWER_WIDTH + 0.5);
  double x0 = MARGIN_SIDE + form->width - answers_width (grid);

  if (!form->draw)
    return;
  cairo_set_source_rgb (form->cr, 0, 0, 0);
  cairo_set_line_width (form->cr, 0.75);
  for (guint a = 0; a < n; a++)
    {
      cairo_rectangle (form->cr, x0 + a * ANSWER_WIDTH + (ANSWER_WIDTH - BOX_SIZE) / 2, y, BOX_SIZE, BOX_SIZE);
      cairo_stroke (form->cr);
    }
}

/* A grid running onto a new page says whose it is before its header comes again. */
static void
continue_grid (Form              *form,
               const HandoffGrid *grid,
               const char        *continued)
{
  g_autoptr(PangoLayout) label = make_layout (form, continued, FONT_FOOTER, form->width, FALSE);

  next_page (form);
  show (form, label, MARGIN_SIDE, form->y, 0.35);
  form->y += height_of (label) + 2;
  grid_header (form, grid, FALSE);
}

/* One statement's row: shaded every other row, so that the eye keeps to the line. */
static void
grid_row (Form              *form,
          const HandoffGrid *grid,
          const char        *continued,
          PangoLayout       *text,
          double             indent,
          gboolean           boxes,
          gboolean           shaded)
{
  double height = MAX (height_of (text), BOX_SIZE) + 2 * ROW_PADDING;

  if (!fits (form, height))
    continue_grid (form, grid, continued);
  if (form->draw && shaded)
    {
      cairo_set_source_rgb (form->cr, 0.93, 0.93, 0.93);
      cairo_rectangle (form->cr, MARGIN_SIDE, form->y, form->width, height);
      cairo_fill (form->cr);
    }
  show (form, text, MARGIN_SIDE + 3 + indent, form->y + ROW_PADDING, 0);
  if (boxes)
    draw_boxes (form, grid, form->y + ROW_PADDING + 1);
  form->y += height;
}

static void
draw_grid (Form                 *form,
           const HandoffSection *section,
           const HandoffGrid    *grid)
{
  double text_width = form->width - answers_width (grid) - 10;
  g_autoptr(PangoLayout) lead = NULL;
  g_autofree char *lead_label = grid->lead != NULL ? _trellis_handoff_row_label (grid->lead) : NULL;
  /* TRANSLATORS: above a grid's header repeated on the next page: "Section A – … (continued)" */
  g_autofree char *continued = g_strdup_printf (_("%s (continued)"), lead_label != NULL ? lead_label : section->title);
  double first_row, indent = grid->lead != NULL ? PART_INDENT : 0;

  if (lead_label != NULL)
    lead = make_layout (form, lead_label, FONT_BOLD, text_width, FALSE);
  /* The header stays with the first row (and the lead-in). */
  {
    g_autofree char *label = _trellis_handoff_row_label (g_ptr_array_index (grid->rows, 0));
    g_autoptr(PangoLayout) row = make_layout (form, label, FONT_BODY, text_width - indent, FALSE);
    first_row = height_of (row) + 2 * ROW_PADDING + (lead != NULL ? height_of (lead) + 2 * ROW_PADDING : 0);
  }
  if (!fits (form, grid_header (form, grid, TRUE) + first_row + 6))
    next_page (form);
  form->y += 6;
  grid_header (form, grid, FALSE);
  if (lead != NULL)
    grid_row (form, grid, continued, lead, 0, FALSE, FALSE);
  for (guint r = 0; r < grid->rows->len; r++)
    {
      g_autofree char *label = _trellis_handoff_row_label (g_ptr_array_index (grid->rows, r));
      g_autoptr(PangoLayout) row = make_layout (form, label, FONT_BODY, text_width - indent, FALSE);

      grid_row (form, grid, continued, row, indent, TRUE, r % 2 == 0);
    }
}

static void
draw_comments (Form                 *form,
               const HandoffSection *section)
{
  g_autoptr(PangoLayout) question = make_layout (form, section->comment_text, FONT_BODY, form->width, FALSE);
  double box = COMMENT_LINES * COMMENT_LINE + 6;

  if (!fits (form, 14 + height_of (question) + 4 + box))
    next_page (form);
  form->y += 14;
  show (form, question, MARGIN_SIDE, form->y, 0);
  form->y += height_of (question) + 4;
  if (form->draw)
    {
      cairo_set_source_rgb (form->cr, 0, 0, 0);
      cairo_set_line_width (form->cr, 0.75);
      cairo_rectangle (form->cr, MARGIN_SIDE, form->y, form->width, box);
      cairo_stroke (form->cr);
      cairo_set_source_rgb (form->cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (form->cr, 0.4);
      for (guint l = 1; l <= COMMENT_LINES; l++)
        {
          cairo_move_to (form->cr, MARGIN_SIDE + 8, form->y + l * COMMENT_LINE);
          cairo_line_to (form->cr, MARGIN_SIDE + form->width - 8, form->y + l * COMMENT_LINE);
        }
      cairo_stroke (form->cr);
    }
  form->y += box;
}

static void
draw_section (Form                 *form,
              const HandoffSection *section)
{
  g_autoptr(PangoLayout) heading = make_layout (form, section->title, FONT_HEADING, form->width, FALSE);

  /* A heading never ends a page: it needs room for a grid's start below it. */
  if (form->y > MARGIN_TOP && !fits (form, 22 + height_of (heading) + 90))
    next_page (form);
  else if (form->y > MARGIN_TOP)
    form->y += 22;
  show (form, heading, MARGIN_SIDE, form->y, 0);
  form->y += height_of (heading) + 2;
  for (guint g = 0; g < section->grids->len; g++)
    draw_grid (form, section, g_ptr_array_index (section->grids, g));
  draw_comments (form, section);
}

static void
draw_introduction (Form *form)
{
  const char *name = trellis_project_get_name (form->survey->project);
  const char *checklist = trellis_checklist_get_title (form->survey->checklist);
  g_autofree char *instructions = _trellis_handoff_dup_instructions (form->survey);
  g_autoptr(PangoLayout) title = make_layout (form, name != NULL && *name != '\0' ? name : checklist, FONT_TITLE,
                                              form->width, FALSE);
  g_autoptr(PangoLayout) subtitle = make_layout (form, checklist != NULL ? checklist : "", FONT_SUBTITLE, form->width, FALSE);
  g_autoptr(PangoLayout) how = make_layout (form, instructions, FONT_BODY, form->width, FALSE);
  g_autoptr(PangoLayout) anonymity = make_layout (form, _trellis_handoff_anonymity (), FONT_BOLD, form->width, FALSE);

  show (form, title, MARGIN_SIDE, form->y, 0);
  form->y += height_of (title) + 2;
  if (name != NULL && *name != '\0')
    {
      show (form, subtitle, MARGIN_SIDE, form->y, 0.25);
      form->y += height_of (subtitle);
    }
  form->y += 12;
  show (form, how, MARGIN_SIDE, form->y, 0);
  form->y += height_of (how) + 8;
  show (form, anonymity, MARGIN_SIDE, form->y, 0);
  form->y += height_of (anonymity) + 6;
  if (form->draw)
    {
      cairo_set_source_rgb (form->cr, 0.3, 0.3, 0.3);
      cairo_set_line_width (form->cr, 1.2);
      cairo_move_to (form->cr, MARGIN_SIDE, form->y);
      cairo_line_to (form->cr, MARGIN_SIDE + form->width, form->y);
      cairo_stroke (form->cr);
    }
  form->y += 4;
}

static void
lay_out (Form *form)
{
  form->y = MARGIN_TOP;
  form->page = 0;
  draw_introduction (form);
  for (guint s = 0; s < form->survey->sections->len; s++)
    draw_section (form, g_ptr_array_index (form->survey->sections, s));
  draw_footer (form);
  if (form->draw)
    cairo_show_page (form->cr);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
_trellis_handoff_build_questionnaire (const HandoffSurvey  *survey,
                                      TrellisChartPaper     paper,
                                      GError              **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = _trellis_handoff_dup_title (survey);
  Form form = { survey, NULL, FALSE, 0, 0, 0, 0, 0, 0 };
  cairo_surface_t *surface;
  gboolean ok;

  trellis_chart_paper_get_size (paper == TRELLIS_CHART_PAPER_SLIDE ? TRELLIS_CHART_PAPER_A4 : paper,
                                &form.page_width, &form.page_height);
  form.width = form.page_width - 2 * MARGIN_SIDE;

  /* First pass: count the pages, with the same fonts and metrics as the PDF. */
  surface = cairo_pdf_surface_create_for_stream (discard, NULL, form.page_width, form.page_height);
  form.cr = cairo_create (surface);
  lay_out (&form);
  form.n_pages = form.page + 1;
  cairo_destroy (form.cr);
  cairo_surface_destroy (surface);

  surface = cairo_pdf_surface_create_for_stream (_trellis_report_append_to_bytes, bytes, form.page_width,
                                                 form.page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Trellis " PACKAGE_VERSION);
  form.cr = cairo_create (surface);
  form.draw = TRUE;
  lay_out (&form);
  cairo_destroy (form.cr);
  cairo_surface_finish (surface);
  ok = _trellis_report_check_surface (surface, title, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
