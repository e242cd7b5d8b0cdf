/* test-chart-render.c: the sample's charts, drawn, against committed reference images
 *
 * Run with TRELLIS_UPDATE_REFERENCE=1 to write the reference images afresh (then look
 * at every one before committing them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "trellis-charts.h"
#include "trellis-test-project.h"

#define RENDER_WIDTH  523.0
#define RENDER_SCALE  1.5
/* Font rasterising may differ in a few edge pixels between machines; a change to the
 * chart moves far more. */
#define CHANNEL_TOLERANCE   48
#define MAX_DIFFERING_SHARE 0.004

typedef enum
{
  SAMPLE_SECTION,
  SAMPLE_OVERVIEW,
  SAMPLE_ROUNDS,
  SAMPLE_GROUPS,
  EDGE_SECTION,
  TWO_SCALES_MATRIX,
  TWO_SCALES_SECTION,
} Source;

typedef struct
{
  const char          *name;
  Source               source;
  const char          *section_id;
  TrellisChartOrder    order;
  TrellisChartPalette  palette;
} Case;

static const Case cases[] = {
  { "section-a-colour", SAMPLE_SECTION, "A", TRELLIS_CHART_ORDER_CHECKLIST, TRELLIS_CHART_PALETTE_COLOUR },
  { "section-b-greyscale-agreement", SAMPLE_SECTION, "B", TRELLIS_CHART_ORDER_AGREEMENT, TRELLIS_CHART_PALETTE_GREYSCALE },
  /* Item 55 has a lead-in and parts 55a–55i. */
  { "section-d-colour", SAMPLE_SECTION, "D", TRELLIS_CHART_ORDER_CHECKLIST, TRELLIS_CHART_PALETTE_COLOUR },
  { "section-d-colour-agreement", SAMPLE_SECTION, "D", TRELLIS_CHART_ORDER_AGREEMENT, TRELLIS_CHART_PALETTE_COLOUR },
  { "overview-colour", SAMPLE_OVERVIEW, NULL, TRELLIS_CHART_ORDER_CHECKLIST, TRELLIS_CHART_PALETTE_COLOUR },
  { "rounds-b-colour", SAMPLE_ROUNDS, "B", TRELLIS_CHART_ORDER_AGREEMENT, TRELLIS_CHART_PALETTE_COLOUR },
  { "groups-b-colour", SAMPLE_GROUPS, "B", TRELLIS_CHART_ORDER_CHECKLIST, TRELLIS_CHART_PALETTE_COLOUR },
  { "edge-cases-colour", EDGE_SECTION, "E", TRELLIS_CHART_ORDER_CHECKLIST, TRELLIS_CHART_PALETTE_COLOUR },
  /* Dudley's importance and effectiveness: the priority matrix, and a section's chart on
   * the second scale, in its own words. */
  { "matrix-colour", TWO_SCALES_MATRIX, NULL, TRELLIS_CHART_ORDER_CHECKLIST, TRELLIS_CHART_PALETTE_COLOUR },
  { "matrix-greyscale", TWO_SCALES_MATRIX, NULL, TRELLIS_CHART_ORDER_CHECKLIST, TRELLIS_CHART_PALETTE_GREYSCALE },
  { "two-scales-effectiveness-colour", TWO_SCALES_SECTION, "strategic", TRELLIS_CHART_ORDER_CHECKLIST,
    TRELLIS_CHART_PALETTE_COLOUR },
};

/* The two-scale project's charts: the matrix, or a section on the effectiveness scale. */
static TrellisChart *
build_two_scales_chart (const Case *test)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_two_scales ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisRound *round = trellis_project_get_round (project, 0);
  TrellisScale *importance = trellis_checklist_find_scale_by_role (checklist, TRELLIS_SCALE_ROLE_IMPORTANCE);
  TrellisScale *effectiveness = trellis_checklist_find_scale_by_role (checklist, TRELLIS_SCALE_ROLE_EFFECTIVENESS);
  g_autoptr(TrellisSummary) by_importance = trellis_summary_new (project, round, importance, NULL);
  g_autoptr(TrellisSummary) by_effectiveness = trellis_summary_new (project, round, effectiveness, NULL);

  if (test->source == TWO_SCALES_MATRIX)
    return trellis_chart_new_matrix (by_importance, by_effectiveness);
  return trellis_chart_new_section (by_effectiveness, test->section_id, test->order);
}

static TrellisChart *
build_sample_chart (const Case *test)
{
  g_autoptr(TrellisProject) project = test->source == EDGE_SECTION ? trellis_test_project_new_edge_cases (9)
                                                                   : trellis_test_project_new_sample (2);
  TrellisRound *latest = trellis_project_get_latest_round (project);
  g_autoptr(TrellisSummary) summary = trellis_summary_new (project, latest, NULL, NULL);

  switch (test->source)
    {
    case SAMPLE_SECTION:
    case EDGE_SECTION:
      return trellis_chart_new_section (summary, test->section_id, test->order);
    case SAMPLE_OVERVIEW:
      return trellis_chart_new_overview (summary, test->order);
    case SAMPLE_ROUNDS:
      {
        g_autoptr(TrellisSummary) before =
          trellis_summary_new (project, trellis_project_get_round (project, 0), NULL, NULL);
        TrellisSummary *both[] = { before, summary };

        return trellis_chart_new_rounds (both, 2, test->section_id, test->order);
      }
    case SAMPLE_GROUPS:
      return trellis_chart_new_groups (project, latest, NULL, test->section_id, test->order);
    default:
      g_assert_not_reached ();
    }
}

static TrellisChart *
build_chart (const Case *test)
{
  if (test->source == TWO_SCALES_MATRIX || test->source == TWO_SCALES_SECTION)
    return build_two_scales_chart (test);
  return build_sample_chart (test);
}

static cairo_surface_t *
render (const Case *test)
{
  g_autoptr(TrellisChart) chart = build_chart (test);
  g_autoptr(TrellisChartStyle) style = trellis_chart_style_new (test->palette);
  g_autoptr(TrellisChartLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A font every Debian has, named outright, so the reference does not follow the
   * desktop's choice. */
  trellis_chart_style_set_font_family (style, "DejaVu Sans");
  layout = trellis_chart_layout_new (chart, style, RENDER_WIDTH, 0, 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (RENDER_WIDTH * RENDER_SCALE),
                                        (int) ceil (trellis_chart_layout_get_height (layout) * RENDER_SCALE));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, RENDER_SCALE, RENDER_SCALE);
  trellis_chart_layout_paint (layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_differing (cairo_surface_t *actual,
                 cairo_surface_t *expected,
                 cairo_surface_t *diff)
{
  int width = cairo_image_surface_get_width (actual);
  int height = cairo_image_surface_get_height (actual);
  int stride_a = cairo_image_surface_get_stride (actual);
  int stride_e = cairo_image_surface_get_stride (expected);
  int stride_d = cairo_image_surface_get_stride (diff);
  const guint8 *data_a = cairo_image_surface_get_data (actual);
  const guint8 *data_e = cairo_image_surface_get_data (expected);
  guint8 *data_d = cairo_image_surface_get_data (diff);
  guint differing = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint32 a = *(const guint32 *) (data_a + y * stride_a + 4 * x);
        const guint32 e = *(const guint32 *) (data_e + y * stride_e + 4 * x);
        guint32 *d = (guint32 *) (data_d + y * stride_d + 4 * x);
        int worst = 0;

        for (int shift = 0; shift < 24; shift += 8)
          worst = MAX (worst, ABS ((int) ((a >> shift) & 0xff) - (int) ((e >> shift) & 0xff)));
        *d = worst > CHANNEL_TOLERANCE ? 0xffff0000 : 0xffffffff;
        if (worst > CHANNEL_TOLERANCE)
          differing++;
      }
  cairo_surface_mark_dirty (diff);
  return differing;
}

/* Enough of the chart is there: a reference image of a blank page must not pass. */
static void
assert_not_blank (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint inked = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if ((*(const guint32 *) (data + y * stride + 4 * x) & 0xffffff) != 0xffffff)
        inked++;
  g_assert_cmpuint (inked, >, (guint) (width * height / 20));
}

static void
test_render (gconstpointer data)
{
  const Case *test = data;
  g_autofree char *file_name = g_strconcat (test->name, ".png", NULL);
  g_autofree char *reference_path = g_test_build_filename (G_TEST_DIST, "reference", "charts", file_name, NULL);
  cairo_surface_t *actual = render (test);
  cairo_surface_t *expected, *diff;
  guint differing, total;

  assert_not_blank (actual);
  if (g_getenv ("TRELLIS_UPDATE_REFERENCE") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, reference_path), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (actual);
      g_test_message ("wrote %s", reference_path);
      return;
    }

  expected = cairo_image_surface_create_from_png (reference_path);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: %s (run with TRELLIS_UPDATE_REFERENCE=1 to create it)", reference_path,
             cairo_status_to_string (cairo_surface_status (expected)));
  g_assert_cmpint (cairo_image_surface_get_width (actual), ==, cairo_image_surface_get_width (expected));
  g_assert_cmpint (cairo_image_surface_get_height (actual), ==, cairo_image_surface_get_height (expected));

  diff = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (actual),
                                     cairo_image_surface_get_height (actual));
  differing = count_differing (actual, expected, diff);
  total = cairo_image_surface_get_width (actual) * cairo_image_surface_get_height (actual);
  if (differing > total * MAX_DIFFERING_SHARE)
    {
      g_autofree char *actual_name = g_strconcat (test->name, "-actual.png", NULL);
      g_autofree char *diff_name = g_strconcat (test->name, "-diff.png", NULL);
      g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, actual_name, NULL);
      g_autofree char *diff_path = g_test_build_filename (G_TEST_BUILT, diff_name, NULL);

      cairo_surface_write_to_png (actual, actual_path);
      cairo_surface_write_to_png (diff, diff_path);
      g_error ("%s: %u of %u pixels differ from the reference; see %s and %s", test->name, differing, total,
               actual_path, diff_path);
    }
  cairo_surface_destroy (diff);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The same draw call serves every kind of surface. */
static void
test_vector_surfaces (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TrellisChart) chart = build_chart (&cases[i]);
      g_autoptr(TrellisChartStyle) style = trellis_chart_style_new (cases[i].palette);
      gsize pdf_size = 0, svg_size = 0;
      cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (count_bytes, &pdf_size, 595, 842);
      cairo_surface_t *svg = cairo_svg_surface_create_for_stream (count_bytes, &svg_size, 960, 540);
      cairo_t *cr;

      cr = cairo_create (pdf);
      trellis_chart_draw (chart, style, cr, 595, 842);
      cairo_destroy (cr);
      cr = cairo_create (svg);
      trellis_chart_draw (chart, style, cr, 960, 540);
      cairo_destroy (cr);
      cairo_surface_finish (pdf);
      cairo_surface_finish (svg);
      g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_surface_status (svg), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpuint (pdf_size, >, 1000);
      g_assert_cmpuint (svg_size, >, 1000);
      cairo_surface_destroy (pdf);
      cairo_surface_destroy (svg);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/chart-render/", cases[i].name, NULL);
      g_test_add_data_func (path, &cases[i], test_render);
    }
  g_test_add_func ("/chart-render/vector-surfaces", test_vector_surfaces);

  return g_test_run ();
}
