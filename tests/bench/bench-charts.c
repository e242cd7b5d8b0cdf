/* bench-charts.c: drawing every chart of a project to a PDF, timed
 *
 * bench-charts PROJECT ITERATIONS [DATA.json]
 *
 * Loads PROJECT, then ITERATIONS times summarises its latest round, builds the overview
 * and every section chart and draws them, one A4 page each, into a PDF (kept in memory).
 * Prints the seconds one iteration takes. With DATA.json, also writes what the charts
 * show, for bench_matplotlib.py to draw the same charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <cairo-pdf.h>
#include <json-glib/json-glib.h>

#include "trellis-charts.h"
#include "trellis-project-io.h"
#include "trellis-report.h"

#define PAGE_MARGIN 36.0

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The charts a report of the latest round carries, in checklist order. */
static GPtrArray *
build_charts (TrellisProject *project)
{
  TrellisReportOptions options;

  trellis_report_options_init (&options);
  return trellis_report_build_charts (project, &options);
}

static gsize
draw_all (TrellisProject          *project,
          const TrellisChartStyle *style)
{
  g_autoptr(GPtrArray) charts = build_charts (project);
  double width, height;
  gsize size = 0;
  cairo_surface_t *surface;
  cairo_t *cr;

  trellis_chart_paper_get_size (TRELLIS_CHART_PAPER_A4, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (count_bytes, &size, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < charts->len; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      trellis_chart_draw (g_ptr_array_index (charts, i), style, cr, width - 2 * PAGE_MARGIN, height - 2 * PAGE_MARGIN);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return size;
}

/* What each chart shows, for the reference implementation to draw the same. */
static void
write_data (TrellisProject *project,
            const char     *path)
{
  g_autoptr(GPtrArray) charts = build_charts (project);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  TrellisChart *first = g_ptr_array_index (charts, 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint p = 1; p <= trellis_chart_get_n_points (first); p++)
    json_builder_add_string_value (builder, trellis_chart_get_answer_label (first, (TrellisAnswer) p));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "charts");
  json_builder_begin_array (builder);
  for (guint c = 0; c < charts->len; c++)
    {
      TrellisChart *chart = g_ptr_array_index (charts, c);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, trellis_chart_get_title (chart));
      json_builder_set_member_name (builder, "subtitle");
      json_builder_add_string_value (builder, trellis_chart_get_subtitle (chart));
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint r = 0; r < trellis_chart_get_n_rows (chart); r++)
        {
          const TrellisChartRow *row = trellis_chart_get_row (chart, r);
          const TrellisDistribution *dist;
          g_autofree char *label = NULL;

          /* A multi-part statement's lead-in is a line of text with no bar. */
          if (trellis_chart_row_is_lead_in (row))
            continue;
          dist = &g_array_index (row->bars, TrellisChartBar, 0).dist;
          label = g_strdup_printf ("%s. %s", row->number != NULL ? row->number : "", row->text);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, label);
          json_builder_set_member_name (builder, "counts");
          json_builder_begin_array (builder);
          for (guint p = 0; p < dist->n_points; p++)
            json_builder_add_int_value (builder, dist->counts[p]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "not_applicable");
          json_builder_add_int_value (builder, dist->not_applicable);
          json_builder_set_member_name (builder, "dont_know");
          json_builder_add_int_value (builder, dist->dont_know);
          json_builder_set_member_name (builder, "total");
          json_builder_add_int_value (builder, dist->total);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, path, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(TrellisChartStyle) style = trellis_chart_style_new (TRELLIS_CHART_PALETTE_COLOUR);
  g_autoptr(GError) error = NULL;
  gint64 start;
  gsize size = 0;
  int iterations;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s PROJECT ITERATIONS [DATA.json]\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  project = trellis_project_load_file (file, NULL, &error);
  if (project == NULL)
    g_error ("%s", error->message);
  iterations = MAX (1, atoi (argv[2]));
  if (argc > 3)
    write_data (project, argv[3]);

  /* One untimed round warms the font caches, as a running application's would be. */
  draw_all (project, style);
  start = g_get_monotonic_time ();
  for (int i = 0; i < iterations; i++)
    size = draw_all (project, style);
  printf ("%.6f\n", (g_get_monotonic_time () - start) / 1e6 / iterations);
  fprintf (stderr, "bench-charts: %zu bytes of PDF per iteration\n", size);
  return 0;
}
