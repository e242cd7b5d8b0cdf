/* trellis-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-report"

#include "config.h"

#include <string.h>

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "trellis-report-private.h"
#include "trellis-report.h"

/* Slides are laid out on a 16:9 page of 960 × 540 pt, in larger type than paper, and
 * rendered at two pixels a point: 1920 × 1080. */
#define SLIDE_MARGIN     36.0
#define SLIDE_FONT_SIZE  11.0
#define SLIDE_MIN_SCALE  0.6
#define SLIDE_PNG_PIXELS_PER_POINT 2.0

/**
 * trellis_report_options_init:
 *
 * Sets the defaults: the latest round, checklist order, colour, A4, no comparison, the
 * statements' guidance printed with each section (when the checklist carries any), and
 * at most %TRELLIS_REPORT_COMMENT_BUDGET comments a section.
 */
void
trellis_report_options_init (TrellisReportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (TrellisReportOptions) {
    .round = NULL,
    .order = TRELLIS_CHART_ORDER_CHECKLIST,
    .palette = TRELLIS_CHART_PALETTE_COLOUR,
    .paper = TRELLIS_CHART_PAPER_A4,
    .compare = TRELLIS_REPORT_COMPARE_NONE,
    .font_family = NULL,
    .guidance = TRUE,
    .comment_budget = TRELLIS_REPORT_COMMENT_BUDGET,
  };
}

/**
 * trellis_report_compare_from_string:
 * @text: "none", "rounds" or "groups"
 *
 * Returns: whether @text names a comparison
 */
gboolean
trellis_report_compare_from_string (const char           *text,
                                    TrellisReportCompare *compare)
{
  g_return_val_if_fail (compare != NULL, FALSE);

  if (g_strcmp0 (text, "none") == 0)
    *compare = TRELLIS_REPORT_COMPARE_NONE;
  else if (g_strcmp0 (text, "rounds") == 0)
    *compare = TRELLIS_REPORT_COMPARE_ROUNDS;
  else if (g_strcmp0 (text, "groups") == 0)
    *compare = TRELLIS_REPORT_COMPARE_GROUPS;
  else
    return FALSE;
  return TRUE;
}

/**
 * trellis_report_order_from_string:
 * @text: "checklist" or "agreement"
 *
 * Returns: whether @text names an order
 */
gboolean
trellis_report_order_from_string (const char        *text,
                                  TrellisChartOrder *order)
{
  g_return_val_if_fail (order != NULL, FALSE);

  if (g_strcmp0 (text, "checklist") == 0)
    *order = TRELLIS_CHART_ORDER_CHECKLIST;
  else if (g_strcmp0 (text, "agreement") == 0)
    *order = TRELLIS_CHART_ORDER_AGREEMENT;
  else
    return FALSE;
  return TRUE;
}

/**
 * trellis_report_get_round:
 *
 * Returns: (transfer none) (nullable): the round the options name, or the latest;
 *   %NULL when the project has no round
 */
TrellisRound *
trellis_report_get_round (TrellisProject             *project,
                          const TrellisReportOptions *options)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return options->round != NULL ? options->round : trellis_project_get_latest_round (project);
}

/* What a rounds comparison shows, oldest first: @round and up to two rounds before it.
 * Summarised once, for every section's chart. */
static GPtrArray *
summarise_rounds (TrellisProject *project,
                  TrellisRound   *round,
                  TrellisScale   *scale)
{
  GPtrArray *summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_summary_unref);
  guint n_rounds = trellis_project_get_n_rounds (project), last = 0, first;

  for (guint i = 0; i < n_rounds; i++)
    if (trellis_project_get_round (project, i) == round)
      last = i;
  first = last + 1 > TRELLIS_REPORT_ROUNDS_COMPARED ? last + 1 - TRELLIS_REPORT_ROUNDS_COMPARED : 0;
  for (guint i = first; i <= last; i++)
    g_ptr_array_add (summaries, trellis_summary_new (project, trellis_project_get_round (project, i), scale, NULL));
  return summaries;
}

/* One round's results on one scale, with what its section charts compare. */
typedef struct
{
  TrellisSummary        *summary;
  GPtrArray             *rounds;
  TrellisGroupSummaries *groups;
} ScaleResults;

static void
scale_results_clear (ScaleResults *results)
{
  g_clear_pointer (&results->summary, trellis_summary_unref);
  g_clear_pointer (&results->rounds, g_ptr_array_unref);
  g_clear_pointer (&results->groups, trellis_group_summaries_free);
}

static TrellisChart *
build_section_chart (const ScaleResults         *results,
                     const char                 *section_id,
                     const TrellisReportOptions *options)
{
  switch (options->compare)
    {
    case TRELLIS_REPORT_COMPARE_ROUNDS:
      return trellis_chart_new_rounds ((TrellisSummary **) results->rounds->pdata, results->rounds->len, section_id,
                                       options->order);
    case TRELLIS_REPORT_COMPARE_GROUPS:
      return trellis_chart_new_groups_from (results->groups, section_id, options->order);
    case TRELLIS_REPORT_COMPARE_NONE:
    default:
      return trellis_chart_new_section (results->summary, section_id, options->order);
    }
}

/* The priority matrix, when the checklist rates for importance and for effectiveness. */
static TrellisChart *
build_matrix (TrellisChecklist *checklist,
              ScaleResults     *results)
{
  TrellisScale *importance = trellis_checklist_find_scale_by_role (checklist, TRELLIS_SCALE_ROLE_IMPORTANCE);
  TrellisScale *effectiveness = trellis_checklist_find_scale_by_role (checklist, TRELLIS_SCALE_ROLE_EFFECTIVENESS);
  TrellisSummary *summaries[2] = { NULL, NULL };

  if (importance == NULL || effectiveness == NULL)
    return NULL;
  for (guint s = 0; s < trellis_checklist_get_n_scales (checklist); s++)
    {
      TrellisScale *scale = trellis_checklist_get_scale (checklist, s);

      if (scale == importance)
        summaries[0] = results[s].summary;
      else if (scale == effectiveness)
        summaries[1] = results[s].summary;
    }
  return trellis_chart_new_matrix (summaries[0], summaries[1]);
}

/**
 * trellis_report_build_charts:
 *
 * Builds the charts a report carries: the priority matrix when the checklist rates
 * statements for importance and for effectiveness, the overview of every section, then
 * each section's chart, comparing rounds or groups if the options ask for it. A
 * checklist with several scales gets an overview per scale and, per section, a chart
 * per scale, one after the other.
 *
 * Returns: (transfer container) (element-type TrellisChart): the charts; empty when the
 *   project has no round
 */
GPtrArray *
trellis_report_build_charts (TrellisProject             *project,
                             const TrellisReportOptions *options)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_chart_unref);
  TrellisChecklist *checklist;
  g_autoptr(GArray) results = NULL;
  TrellisChart *matrix;
  TrellisRound *round;
  guint n_scales;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), charts);
  g_return_val_if_fail (options != NULL, charts);

  round = trellis_report_get_round (project, options);
  checklist = trellis_project_get_checklist (project);
  n_scales = trellis_checklist_get_n_scales (checklist);
  if (round == NULL || n_scales == 0)
    return charts;

  results = g_array_sized_new (FALSE, TRUE, sizeof (ScaleResults), n_scales);
  g_array_set_clear_func (results, (GDestroyNotify) scale_results_clear);
  for (guint s = 0; s < n_scales; s++)
    {
      TrellisScale *scale = trellis_checklist_get_scale (checklist, s);
      ScaleResults scale_results = { 0 };

      scale_results.summary = trellis_summary_new (project, round, scale, NULL);
      if (options->compare == TRELLIS_REPORT_COMPARE_ROUNDS)
        scale_results.rounds = summarise_rounds (project, round, scale);
      else if (options->compare == TRELLIS_REPORT_COMPARE_GROUPS)
        scale_results.groups = trellis_group_summaries_new (project, round, scale);
      g_array_append_val (results, scale_results);
    }

  matrix = build_matrix (checklist, (ScaleResults *) results->data);
  if (matrix != NULL)
    g_ptr_array_add (charts, matrix);
  for (guint s = 0; s < n_scales; s++)
    g_ptr_array_add (charts, trellis_chart_new_overview (g_array_index (results, ScaleResults, s).summary,
                                                         options->order));
  for (guint i = 0; i < trellis_summary_get_n_sections (g_array_index (results, ScaleResults, 0).summary); i++)
    {
      TrellisSectionSummary *section = trellis_summary_get_section (g_array_index (results, ScaleResults, 0).summary, i);
      const char *section_id = trellis_section_get_id (section->section);

      for (guint s = 0; s < n_scales; s++)
        g_ptr_array_add (charts, build_section_chart (&g_array_index (results, ScaleResults, s), section_id, options));
    }
  return charts;
}

/**
 * trellis_report_create_style:
 * @font_size: the size of body text in points
 *
 * Returns: (transfer full): the chart style the options ask for
 */
TrellisChartStyle *
trellis_report_create_style (const TrellisReportOptions *options,
                             double                      font_size)
{
  TrellisChartStyle *style;

  g_return_val_if_fail (options != NULL, NULL);

  style = trellis_chart_style_new (options->palette);
  if (options->font_family != NULL)
    trellis_chart_style_set_font_family (style, options->font_family);
  trellis_chart_style_set_font_size (style, font_size);
  return style;
}

static void
append_file_safe (GString    *name,
                  const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
      g_string_append_c (name, *p);
}

/* "section-A-effectiveness": with several scales, a name per scale. */
static char *
name_scale (TrellisChart *chart,
            GString      *name)
{
  if (trellis_chart_get_names_scale (chart))
    {
      g_string_append_c (name, '-');
      append_file_safe (name, trellis_chart_get_scale_id (chart));
    }
  return g_string_free (name, FALSE);
}

/**
 * trellis_report_dup_chart_name:
 * @project: the project the chart was drawn from
 *
 * Returns: (transfer full): a file name for the chart, without extension: "overview",
 *   "priority-matrix", or "section-" and the section's code ("section-A"); with
 *   several scales, the scale's id follows ("section-A-importance")
 */
char *
trellis_report_dup_chart_name (TrellisProject *project,
                               TrellisChart   *chart)
{
  const char *section_id;
  TrellisSection *section;
  g_autoptr(GString) name = g_string_new ("section-");
  gsize prefix;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (chart != NULL, NULL);

  section_id = trellis_chart_get_section_id (chart);
  if (trellis_chart_get_kind (chart) == TRELLIS_CHART_MATRIX)
    return g_strdup ("priority-matrix");
  if (trellis_chart_get_kind (chart) == TRELLIS_CHART_OVERVIEW || section_id == NULL)
    return name_scale (chart, g_string_new ("overview"));

  prefix = name->len;
  section = trellis_checklist_find_section (trellis_project_get_checklist (project), section_id);
  if (section != NULL)
    append_file_safe (name, trellis_section_get_code (section));
  if (name->len == prefix)
    append_file_safe (name, section_id);
  return name_scale (chart, g_steal_pointer (&name));
}

/* A cairo write function collecting into a GByteArray, so that a file is written
 * whole or not at all. */
cairo_status_t
_trellis_report_append_to_bytes (void                *closure,
                                 const unsigned char *data,
                                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
_trellis_report_check_surface (cairo_surface_t  *surface,
                               const char       *name,
                               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw “%s”: %s"), name,
               cairo_status_to_string (status));
  return FALSE;
}

/* Replaces @file in one step: readers never see half a file. */
gboolean
_trellis_report_write_file (GFile       *file,
                            GByteArray  *bytes,
                            GError     **error)
{
  return g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static gboolean
write_child (GFile       *directory,
             const char  *name,
             GByteArray  *bytes,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (directory, name);

  return _trellis_report_write_file (file, bytes, error);
}

static void
paint_slide (TrellisChartLayout *layout,
             cairo_t            *cr)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, SLIDE_MARGIN, SLIDE_MARGIN);
  trellis_chart_layout_paint (layout, cr);
}

static gboolean
render_slide (TrellisChartLayout   *layout,
              TrellisReportFormat   format,
              const char           *name,
              GByteArray           *bytes,
              GError              **error)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  trellis_chart_paper_get_size (TRELLIS_CHART_PAPER_SLIDE, &width, &height);
  if (format == TRELLIS_REPORT_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (_trellis_report_append_to_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * SLIDE_PNG_PIXELS_PER_POINT),
                                          (int) (height * SLIDE_PNG_PIXELS_PER_POINT));
  cr = cairo_create (surface);
  if (format == TRELLIS_REPORT_FORMAT_PNG)
    cairo_scale (cr, SLIDE_PNG_PIXELS_PER_POINT, SLIDE_PNG_PIXELS_PER_POINT);
  paint_slide (layout, cr);
  cairo_destroy (cr);

  if (format == TRELLIS_REPORT_FORMAT_PNG)
    cairo_surface_write_to_png_stream (surface, _trellis_report_append_to_bytes, bytes);
  cairo_surface_finish (surface);
  ok = _trellis_report_check_surface (surface, name, error);
  cairo_surface_destroy (surface);
  return ok;
}

/**
 * trellis_report_export_charts:
 * @format: SVG or PNG
 * @directory: where to write; made if missing
 * @written: (out) (optional) (transfer container) (element-type utf8): the names of
 *   the files written, in order
 *
 * Writes every chart of the report to a 16:9 slide of its own, "overview.svg",
 * "section-A.svg" and so on ("section-D-2.svg" for the rest of a section too long for
 * one slide), and "descriptions.txt" with each chart in words, to use as the images'
 * text alternative.
 *
 * Returns: whether every file was written
 */
gboolean
trellis_report_export_charts (TrellisProject              *project,
                              const TrellisReportOptions  *options,
                              TrellisReportFormat          format,
                              GFile                       *directory,
                              GPtrArray                  **written,
                              GError                     **error)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TrellisChartStyle) style = NULL;
  g_autoptr(GByteArray) descriptions = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  const char *extension = format == TRELLIS_REPORT_FORMAT_SVG ? "svg" : "png";
  double width, height;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_make_directory_with_parents (directory, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  charts = trellis_report_build_charts (project, options);
  style = trellis_report_create_style (options, SLIDE_FONT_SIZE);
  trellis_chart_paper_get_size (TRELLIS_CHART_PAPER_SLIDE, &width, &height);
  width -= 2 * SLIDE_MARGIN;
  height -= 2 * SLIDE_MARGIN;

  for (guint c = 0; c < charts->len; c++)
    {
      TrellisChart *chart = g_ptr_array_index (charts, c);
      g_autofree char *base = trellis_report_dup_chart_name (project, chart);
      g_autofree char *description = trellis_chart_dup_description (chart);
      g_autofree char *entry = NULL;
      guint row = 0, part = 1, n_rows = trellis_chart_get_n_rows (chart);

      do
        {
          g_autoptr(TrellisChartLayout) layout =
            trellis_chart_layout_new_to_fit (chart, style, width, height, row, SLIDE_MIN_SCALE);
          g_autoptr(GByteArray) bytes = g_byte_array_new ();
          g_autofree char *name = part == 1 ? g_strdup_printf ("%s.%s", base, extension)
                                            : g_strdup_printf ("%s-%u.%s", base, part, extension);

          if (!render_slide (layout, format, name, bytes, error) || !write_child (directory, name, bytes, error))
            return FALSE;
          g_ptr_array_add (names, g_steal_pointer (&name));
          row = trellis_chart_layout_get_end_row (layout);
          part++;
        }
      while (row < n_rows);

      entry = g_strdup_printf ("%s.%s\n%s\n", base, extension, description);
      g_byte_array_append (descriptions, (const guint8 *) entry, strlen (entry));
    }

  if (!write_child (directory, "descriptions.txt", descriptions, error))
    return FALSE;
  g_ptr_array_add (names, g_strdup ("descriptions.txt"));

  if (written != NULL)
    *written = g_steal_pointer (&names);
  return TRUE;
}
