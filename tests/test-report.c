/* test-report.c: the workshop pack as a PDF, and the charts one file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-io-common.h"
#include "trellis-test-project.h"
#include "trellis-workshop-pack.h"

typedef struct
{
  char  *directory;
  GFile *pdf;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("trellis-report-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->pdf = g_file_new_build_filename (fixture->directory, "pack.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_remove_tree (fixture->directory);
  g_clear_object (&fixture->pdf);
  g_free (fixture->directory);
}

/* Runs a poppler tool on the PDF, or skips the test when it is not installed. */
static char *
run_poppler (const char *tool,
             GFile      *pdf)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autofree char *path = g_file_get_path (pdf);
  const char *text_argv[] = { program, "-enc", "UTF-8", path, "-", NULL };
  const char *info_argv[] = { program, path, NULL };
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) (g_str_equal (tool, "pdfinfo") ? info_argv : text_argv), NULL,
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return output;
}

/* Reads the PDF back, its text and (unless @info is NULL) its information; skips the
 * test and returns FALSE when poppler-utils are not installed. */
static gboolean
read_pdf (GFile  *pdf,
          char  **info,
          char  **text)
{
  *text = run_poppler ("pdftotext", pdf);
  if (info != NULL)
    *info = run_poppler ("pdfinfo", pdf);
  if (*text == NULL || (info != NULL && *info == NULL))
    {
      g_test_skip ("poppler-utils not installed");
      return FALSE;
    }
  return TRUE;
}

static guint
pdf_page_count (const char *info)
{
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
write_pack (TrellisProject             *project,
            const TrellisReportOptions *options,
            GFile                      *pdf,
            guint                      *n_pages)
{
  g_autoptr(TrellisWorkshopPack) pack = trellis_workshop_pack_new (project, options);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_workshop_pack_write_pdf (pack, pdf, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = trellis_workshop_pack_get_n_pages (pack);
}

static void
test_pack_sample (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (2);
  g_autofree char *info = NULL, *text = NULL;
  TrellisReportOptions options;
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  guint n_pages;

  trellis_report_options_init (&options);
  write_pack (project, &options, fixture->pdf, &n_pages);

  if (!read_pdf (fixture->pdf, &info, &text))
    return;

  /* Title page, talking points, overview, one page per section with its comments, the plan. */
  g_assert_cmpuint (pdf_page_count (info), ==, n_pages);
  g_assert_cmpuint (n_pages, ==, 8);
  g_assert_nonnull (strstr (info, "Workshop pack – Northshire Community Safety Partnership – Autumn 2026"));
  g_assert_nonnull (strstr (info, "pts (A4)"));

  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      g_autofree char *label = trellis_section_dup_label (trellis_checklist_get_section (checklist, s));
      g_assert_nonnull (strstr (text, label));
    }
  g_assert_nonnull (strstr (text, "All sections at a glance"));
  g_assert_nonnull (strstr (text, "How to read the charts"));
  g_assert_nonnull (strstr (text, "Improvement plan"));
  g_assert_nonnull (strstr (text, "Send papers a week ahead"));
  g_assert_nonnull (strstr (text, "The joint strategic needs assessment was excellent"));
  g_assert_nonnull (strstr (text, "Zoë’s work on the dashboard"));
  g_assert_nonnull (strstr (text, "Page 8 of 8"));
  g_assert_nonnull (strstr (text, "Talking points"));
  g_assert_nonnull (strstr (text, "Most agreed"));
  g_assert_nonnull (strstr (text, "Biggest changes since the previous round"));
  /* Each point names the page of its section's chart: A's is the fourth. */
  g_assert_nonnull (strstr (text, "· page 4"));
  /* The example of "How to read the charts" has no number a real statement could have. */
  g_assert_nonnull (strstr (text, "Ex. An example statement"));
  g_assert_nonnull (strstr (text, "too large to put down"));
}

/* A section whose comments run over a page, and a statement with guidance. */
static TrellisProject *
project_with_guidance_and_many_comments (void)
{
  TrellisProject *project = trellis_test_project_new_sample (2);
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisSection *section = trellis_checklist_get_section (checklist, 0);
  TrellisStatement *statement = trellis_section_get_statement (section, 0);
  TrellisRound *round = trellis_project_get_round (project, 1);

  trellis_statement_set_questions (statement, "How does each partner brief its own board?");
  trellis_statement_set_best_case (statement, "Every partner can say what the partnership is for.");
  trellis_statement_set_worst_case (statement, "Partners attend out of habit.");
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *comment = g_strdup_printf ("Comment %u: the meetings would be better if the papers came a "
                                                  "week ahead and the actions were followed up each time.", i + 1);

      trellis_round_add_comment (round, trellis_section_get_id (section), comment);
    }
  return project;
}

static void
test_pack_continued_comments_and_guidance (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(TrellisProject) project = project_with_guidance_and_many_comments ();
  TrellisSection *section = trellis_checklist_get_section (trellis_project_get_checklist (project), 0);
  g_autofree char *label = trellis_section_dup_label (section);
  g_autofree char *continued = g_strdup_printf ("%s (continued)", label);
  g_autofree char *text = NULL, *without = NULL;
  TrellisReportOptions options;

  trellis_report_options_init (&options);
  write_pack (project, &options, fixture->pdf, NULL);
  if (!read_pdf (fixture->pdf, NULL, &text))
    return;
  g_assert_nonnull (strstr (text, continued));
  g_assert_nonnull (strstr (text, "Comment 60:"));
  g_assert_nonnull (strstr (text, "Guidance for the discussion"));
  g_assert_nonnull (strstr (text, "Questions to ask: How does each partner brief its own board?"));
  g_assert_nonnull (strstr (text, "Best case: Every partner can say what the partnership is for."));
  g_assert_nonnull (strstr (text, "Worst case: Partners attend out of habit."));

  /* The option leaves the guidance out. */
  options.guidance = FALSE;
  write_pack (project, &options, fixture->pdf, NULL);
  if (!read_pdf (fixture->pdf, NULL, &without))
    return;
  g_assert_null (strstr (without, "Guidance for the discussion"));
  g_assert_null (strstr (without, "How does each partner brief its own board?"));
}

/* Adds @n comments "Remark X0001 …" to @section_id; every @key_every-th one (from the
 * first) is key, every @hidden_every-th one (from the second) hidden. */
static void
add_remarks (TrellisRound *round,
             const char   *section_id,
             const char   *prefix,
             guint         n,
             guint         key_every,
             guint         hidden_every)
{
  GPtrArray *comments = trellis_round_get_comments (round, section_id);
  guint first = comments != NULL ? comments->len : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Remark %s%04u on the meetings.", prefix, i);
      TrellisCommentFlags flags = TRELLIS_COMMENT_NONE;

      trellis_round_add_comment (round, section_id, text);
      if (key_every > 0 && i % key_every == 0)
        flags |= TRELLIS_COMMENT_KEY;
      if (hidden_every > 0 && i % hidden_every == 1)
        flags |= TRELLIS_COMMENT_HIDDEN;
      if (flags != TRELLIS_COMMENT_NONE)
        trellis_round_set_comment_flags (round, section_id, first + i, flags);
    }
}

/* The numbers of the remarks with @prefix printed, in the order printed. */
static GArray *
printed_remarks (const char *text,
                 const char *prefix)
{
  g_autofree char *needle = g_strdup_printf ("Remark %s", prefix);
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    {
      guint number = (guint) g_ascii_strtoull (at + strlen (needle), NULL, 10);

      g_array_append_val (numbers, number);
    }
  return numbers;
}

static guint
n_comments_in (TrellisRound *round,
               const char   *section_id)
{
  GPtrArray *comments = trellis_round_get_comments (round, section_id);
  guint n = 0;

  for (guint i = 0; comments != NULL && i < comments->len; i++)
    n += !(trellis_round_get_comment_flags (round, section_id, i) & TRELLIS_COMMENT_HIDDEN);
  return n;
}

/* A very large round: a section with more comments than the budget prints its key
 * comments, or a sample of the budget's size, spread over the round, the same in every
 * printing, chosen apart from any other section's; the page says so with the counts. */
static void
test_pack_comment_budget (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisRound *round = trellis_project_get_round (project, 0);
  const char *a = trellis_section_get_id (trellis_checklist_get_section (checklist, 0));
  const char *b = trellis_section_get_id (trellis_checklist_get_section (checklist, 1));
  const char *c = trellis_section_get_id (trellis_checklist_get_section (checklist, 2));
  const char *d = trellis_section_get_id (trellis_checklist_get_section (checklist, 3));
  g_autofree char *text = NULL, *again = NULL, *all = NULL, *key = NULL, *note = NULL;
  g_autoptr(GArray) in_a = NULL, in_b = NULL, in_c = NULL, in_d = NULL;
  TrellisReportOptions options;
  guint n_pages, n_all_pages, n_a_before = n_comments_in (round, a), n_d_before = n_comments_in (round, d);

  add_remarks (round, a, "A", 900, 0, 10);   /* 90 hidden */
  add_remarks (round, b, "B", 600, 100, 0);  /* 6 key */
  add_remarks (round, c, "C", 250, 2, 0);    /* 125 key: more than the budget */
  add_remarks (round, d, "D", 900, 0, 0);
  trellis_report_options_init (&options);
  g_assert_cmpuint (options.comment_budget, ==, TRELLIS_REPORT_COMMENT_BUDGET);
  g_assert_cmpuint (TRELLIS_REPORT_COMMENT_BUDGET, ==, 100);
  write_pack (project, &options, fixture->pdf, &n_pages);
  if (!read_pdf (fixture->pdf, NULL, &text))
    return;

  /* Four sections of at most 100 one-line comments: two or three pages each. */
  g_assert_cmpuint (n_pages, <=, 8 + 4 * 3);
  g_assert_nonnull (strstr (text, "A section with more than 100 comments prints only its key comments"));

  /* A: a sample of 100 of the 810 not hidden, spread over the round. */
  note = g_strdup_printf ("What partners said (100 of %u comments)", n_comments_in (round, a));
  g_assert_nonnull (strstr (text, note));
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("Showing a random sample of 100 of the %u comments, as the section has more than 100",
                          n_comments_in (round, a));
  g_assert_nonnull (strstr (text, note));
  g_assert_nonnull (strstr (text, "Every comment is in the Comments view in Trellis."));
  /* (The sample may take some of the section's comments from before.) */
  in_a = printed_remarks (text, "A");
  g_assert_cmpuint (in_a->len, <=, 100);
  g_assert_cmpuint (in_a->len, >=, 100 - n_a_before);
  for (guint i = 0; i < in_a->len; i++)
    g_assert_cmpuint (g_array_index (in_a, guint, i) % 10, !=, 1);  /* never a hidden one */
  g_assert_cmpuint (g_array_index (in_a, guint, 0), <, 300);
  g_assert_cmpuint (g_array_index (in_a, guint, in_a->len - 1), >, 600);

  /* B: its six key comments, and nothing else. */
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("Showing only the comments marked as key (6 of %u), as the section has more than 100",
                          n_comments_in (round, b));
  g_assert_nonnull (strstr (text, note));
  in_b = printed_remarks (text, "B");
  g_assert_cmpuint (in_b->len, ==, 6);
  for (guint i = 0; i < in_b->len; i++)
    g_assert_cmpuint (g_array_index (in_b, guint, i), ==, 100 * i);

  /* C: more key comments than the budget: a sample of them. */
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("Showing a random sample of 100 of the 125 comments marked as key (of %u in all)",
                          n_comments_in (round, c));
  g_assert_nonnull (strstr (text, note));
  in_c = printed_remarks (text, "C");
  g_assert_cmpuint (in_c->len, ==, 100);
  for (guint i = 0; i < in_c->len; i++)
    g_assert_cmpuint (g_array_index (in_c, guint, i) % 2, ==, 0);

  /* D has as many comments as A, hidden ones aside: its sample is its own, so that no
   * position links a comment in one section to one in another. */
  in_d = printed_remarks (text, "D");
  g_assert_cmpuint (in_d->len, >=, 100 - n_d_before);
  g_assert_false (memcmp (in_a->data, in_d->data, MIN (in_a->len, in_d->len) * sizeof (guint)) == 0);

  /* The same project prints the same sample. */
  write_pack (project, &options, fixture->pdf, NULL);
  if (!read_pdf (fixture->pdf, NULL, &again))
    return;
  g_assert_cmpstr (text, ==, again);

  /* Asked for all, all print, with no note. */
  options.comment_budget = 0;
  write_pack (project, &options, fixture->pdf, &n_all_pages);
  if (!read_pdf (fixture->pdf, NULL, &all))
    return;
  g_assert_cmpuint (n_all_pages, >, n_pages + 40);
  g_assert_null (strstr (all, "Showing"));
  g_assert_null (strstr (all, "A section with more than"));
  g_clear_pointer (&in_a, g_array_unref);
  in_a = printed_remarks (all, "A");
  g_assert_cmpuint (in_a->len, ==, 810);

  /* Key only is every key comment, however many. */
  options.comment_budget = TRELLIS_REPORT_COMMENT_BUDGET;
  options.key_comments_only = TRUE;
  write_pack (project, &options, fixture->pdf, NULL);
  if (!read_pdf (fixture->pdf, NULL, &key))
    return;
  g_assert_null (strstr (key, "Showing"));
  g_clear_pointer (&in_c, g_array_unref);
  in_c = printed_remarks (key, "C");
  g_assert_cmpuint (in_c->len, ==, 125);
  g_clear_pointer (&note, g_free);
  note = g_strdup_printf ("Key comments only: 125 of %u comments.", n_comments_in (round, c));
  g_assert_nonnull (strstr (key, note));
}

static void
test_pack_letter_greyscale_groups (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autofree char *info = NULL, *text = NULL;
  TrellisReportOptions options;
  guint n_pages;

  trellis_report_options_init (&options);
  options.paper = TRELLIS_CHART_PAPER_LETTER;
  options.palette = TRELLIS_CHART_PALETTE_GREYSCALE;
  options.compare = TRELLIS_REPORT_COMPARE_GROUPS;
  options.order = TRELLIS_CHART_ORDER_AGREEMENT;
  write_pack (project, &options, fixture->pdf, &n_pages);

  if (!read_pdf (fixture->pdf, &info, &text))
    return;
  g_assert_cmpuint (pdf_page_count (info), ==, n_pages);
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  g_assert_nonnull (strstr (text, "Health board"));
  g_assert_nonnull (strstr (text, "Not shown, to keep answers anonymous"));
  g_assert_null (strstr (text, "Voluntary sector"));
  g_assert_null (strstr (text, "Police Scotland"));
}

static void
test_pack_long_section_and_small_round (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_edge_cases (2);
  g_autofree char *text = NULL;
  TrellisReportOptions options;
  guint n_pages;

  trellis_report_options_init (&options);
  write_pack (project, &options, fixture->pdf, &n_pages);
  if (!read_pdf (fixture->pdf, NULL, &text))
    return;

  /* Sixty statements do not fit one page: the chart goes on, titled as continued. */
  g_assert_cmpuint (n_pages, >=, 5);
  g_assert_nonnull (strstr (text, "Section L – Sixty statements (continued)"));
  g_assert_nonnull (strstr (text, "Statement number 60 of a very long section."));
  g_assert_nonnull (strstr (text, "Saint-Étienne"));
  /* Two respondents are fewer than the minimum group size: their words stay out. */
  g_assert_nonnull (strstr (text, "Comments are not printed: fewer than 5 people responded."));
  g_assert_null (strstr (text, "Très bien organisé"));
}

static void
test_pack_without_rounds (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_project_new ();
  g_autoptr(TrellisWorkshopPack) pack = NULL;
  g_autofree char *title = NULL;
  TrellisReportOptions options;
  guint n_pages;

  trellis_project_set_name (project, "Empty");
  trellis_report_options_init (&options);
  write_pack (project, &options, fixture->pdf, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);

  pack = trellis_workshop_pack_new (project, &options);
  title = trellis_workshop_pack_dup_title (pack);
  g_assert_cmpstr (title, ==, "Workshop pack – Empty");
}

static void
test_pack_paginates_for_print (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisWorkshopPack) pack = NULL;
  TrellisReportOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  trellis_report_options_init (&options);
  pack = trellis_workshop_pack_new (project, &options);

  /* What GtkPrintOperation::begin-print and ::draw-page will do. */
  n_pages = trellis_workshop_pack_paginate (pack, 612, 792);
  g_assert_cmpuint (n_pages, ==, trellis_workshop_pack_get_n_pages (pack));
  g_assert_cmpstr (trellis_workshop_pack_get_page_heading (pack, 0), ==, "Northshire Community Safety Partnership");
  g_assert_cmpstr (trellis_workshop_pack_get_page_heading (pack, 1), ==, "Talking points");
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages; p++)
    trellis_workshop_pack_draw_page (pack, cr, p);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_pdf_write_failure_leaves_nothing (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(TrellisWorkshopPack) pack = NULL;
  g_autoptr(GFile) missing = g_file_new_build_filename (fixture->directory, "no-such-dir", "pack.pdf", NULL);
  g_autoptr(GError) error = NULL;
  TrellisReportOptions options;

  trellis_report_options_init (&options);
  pack = trellis_workshop_pack_new (project, &options);
  g_assert_false (trellis_workshop_pack_write_pdf (pack, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (missing, NULL));
}

static void
check_png_size (GFile *directory,
                const char *name)
{
  g_autoptr(GFile) file = g_file_get_child (directory, name);
  g_autofree char *path = g_file_get_path (file);
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
  cairo_surface_destroy (image);
}

static char *
load_child (GFile      *directory,
            const char *name)
{
  g_autoptr(GFile) file = g_file_get_child (directory, name);
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static void
test_export_charts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (2);
  g_autoptr(GFile) svg = g_file_new_build_filename (fixture->directory, "svg", "nested", NULL);
  g_autoptr(GFile) png = g_file_new_build_filename (fixture->directory, "png", NULL);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *descriptions = NULL;
  const char *expected[] = {
    "overview.svg", "section-A.svg", "section-B.svg", "section-C.svg", "section-D.svg", "section-D-2.svg",
    "descriptions.txt",
  };
  TrellisReportOptions options;

  trellis_report_options_init (&options);
  g_assert_true (trellis_report_export_charts (project, &options, TRELLIS_REPORT_FORMAT_SVG, svg, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *contents = load_child (svg, expected[i]);

      g_assert_cmpstr (g_ptr_array_index (written, i), ==, expected[i]);
      if (g_str_has_suffix (expected[i], ".svg"))
        g_assert_nonnull (strstr (contents, "<svg"));
      else
        descriptions = g_steal_pointer (&contents);
    }
  g_assert_nonnull (strstr (descriptions, "section-B.svg\nSection B – Informed by Evidence."));

  /* Two rounds a statement need more room: the longest sections go on to a second
   * slide, named after the first. */
  g_clear_pointer (&written, g_ptr_array_unref);
  options.compare = TRELLIS_REPORT_COMPARE_ROUNDS;
  g_assert_true (trellis_report_export_charts (project, &options, TRELLIS_REPORT_FORMAT_PNG, png, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (written, 0), ==, "overview.png");
  g_assert_cmpstr (g_ptr_array_index (written, 1), ==, "section-A.png");
  g_assert_cmpstr (g_ptr_array_index (written, 2), ==, "section-A-2.png");
  check_png_size (png, "overview.png");
  check_png_size (png, "section-A-2.png");
  g_clear_pointer (&descriptions, g_free);
  descriptions = load_child (png, "descriptions.txt");
  g_assert_nonnull (strstr (descriptions, "Spring 2026: "));
  g_assert_nonnull (strstr (descriptions, "points agreeing since the round before"));
}

static void
test_export_long_section_continues (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_edge_cases (5);
  g_autoptr(GFile) svg = g_file_new_build_filename (fixture->directory, "svg", NULL);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  TrellisReportOptions options;
  gboolean continued = FALSE;

  trellis_report_options_init (&options);
  g_assert_true (trellis_report_export_charts (project, &options, TRELLIS_REPORT_FORMAT_SVG, svg, &written, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < written->len; i++)
    if (g_str_equal (g_ptr_array_index (written, i), "section-L-2.svg"))
      continued = TRUE;
  g_assert_true (continued);
}

/* A checklist rated for importance and effectiveness: the priority matrix first, an
 * overview per scale, then each section's chart on each scale in turn; a checklist of
 * one scale has no matrix and charts named as before. */
static void
test_build_charts_two_scales (void)
{
  static const char * const expected[] = {
    "priority-matrix", "overview-importance", "overview-effectiveness",
    "section-strategic-importance", "section-strategic-effectiveness",
    "section-inclusive-importance", "section-inclusive-effectiveness",
  };
  g_autoptr(TrellisProject) project = trellis_test_project_new_two_scales ();
  g_autoptr(TrellisProject) sample = trellis_test_project_new_sample (1);
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) sample_charts = NULL;
  TrellisReportOptions options;

  trellis_report_options_init (&options);
  charts = trellis_report_build_charts (project, &options);
  g_assert_cmpuint (charts->len, ==, 1 + 2 + 2 * 6);
  g_assert_cmpint (trellis_chart_get_kind (g_ptr_array_index (charts, 0)), ==, TRELLIS_CHART_MATRIX);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = trellis_report_dup_chart_name (project, g_ptr_array_index (charts, i));
      g_assert_cmpstr (name, ==, expected[i]);
    }
  g_assert_cmpstr (trellis_chart_get_title (g_ptr_array_index (charts, 4)), ==, "Strategic — Effectiveness");

  /* Groups and rounds compare each scale too. */
  g_clear_pointer (&charts, g_ptr_array_unref);
  options.compare = TRELLIS_REPORT_COMPARE_GROUPS;
  charts = trellis_report_build_charts (project, &options);
  g_assert_cmpuint (charts->len, ==, 1 + 2 + 2 * 6);
  g_assert_cmpint (trellis_chart_get_kind (g_ptr_array_index (charts, 4)), ==, TRELLIS_CHART_GROUPS);
  g_assert_cmpstr (trellis_chart_get_scale_id (g_ptr_array_index (charts, 4)), ==, "effectiveness");

  options.compare = TRELLIS_REPORT_COMPARE_NONE;
  sample_charts = trellis_report_build_charts (sample, &options);
  for (guint i = 0; i < sample_charts->len; i++)
    {
      TrellisChart *chart = g_ptr_array_index (sample_charts, i);

      g_assert_cmpint (trellis_chart_get_kind (chart), !=, TRELLIS_CHART_MATRIX);
      g_assert_false (trellis_chart_get_names_scale (chart));
    }
}

/* The pack prints the matrix and, under it, what it shows in words; each section's
 * comments come once, after its last chart. */
static void
test_pack_two_scales (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_two_scales ();
  TrellisRound *round = trellis_project_get_round (project, 0);
  /* Four respondents: too few for the comments to be printed, but the heading says how many. */
  const char *heading = "What partners said (1 comment)";
  g_auto(GStrv) pieces = NULL;
  g_autofree char *text = NULL;
  TrellisReportOptions options;
  const char *first;

  trellis_round_add_comment (round, "strategic", "Our plan has too many priorities to steer anything.");
  trellis_report_options_init (&options);
  write_pack (project, &options, fixture->pdf, NULL);
  if (!read_pdf (fixture->pdf, NULL, &text))
    return;

  g_assert_nonnull (strstr (text, "Priority matrix: importance against effectiveness"));
  g_assert_nonnull (strstr (text, "Priority for action"));
  g_assert_nonnull (strstr (text, "Priorities for action (important but not yet effective): Strategic, "
                                  "Performance managed."));
  g_assert_nonnull (strstr (text, "Learning and development: Importance 3.00, Effectiveness 4.50 (mean answers); "
                                  "Effort to review."));
  g_assert_nonnull (strstr (text, "Strategic — Importance"));
  g_assert_nonnull (strstr (text, "Strategic — Effectiveness"));
  /* The title page says how to read two scales and the matrix. */
  g_assert_nonnull (strstr (text, "Every statement was rated twice, for importance and for effectiveness"));
  first = strstr (text, heading);
  g_assert_nonnull (first);
  pieces = g_strsplit (text, heading, -1);
  g_assert_cmpuint (g_strv_length (pieces), ==, 2);
  g_assert_true (first > strstr (text, "Strategic — Effectiveness"));
}

/* Slides: the matrix and a file per section and scale, described in words. */
static void
test_export_two_scales (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_two_scales ();
  g_autoptr(GFile) png = g_file_new_build_filename (fixture->directory, "png", NULL);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *descriptions = NULL;
  TrellisReportOptions options;

  trellis_report_options_init (&options);
  g_assert_true (trellis_report_export_charts (project, &options, TRELLIS_REPORT_FORMAT_PNG, png, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (written, 0), ==, "priority-matrix.png");
  g_assert_cmpstr (g_ptr_array_index (written, 4), ==, "section-strategic-effectiveness.png");
  check_png_size (png, "priority-matrix.png");
  descriptions = load_child (png, "descriptions.txt");
  g_assert_true (g_str_has_prefix (descriptions, "priority-matrix.png\nPriority matrix: importance against "
                                                 "effectiveness.\n"));
  g_assert_nonnull (strstr (descriptions, "Priorities for action (important but not yet effective): Strategic, "
                                          "Performance managed."));
  g_assert_nonnull (strstr (descriptions, "section-strategic-effectiveness.png\nStrategic — Effectiveness.\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/pack/sample", Fixture, NULL, fixture_set_up, test_pack_sample, fixture_tear_down);
  g_test_add ("/report/pack/continued-comments-and-guidance", Fixture, NULL, fixture_set_up,
              test_pack_continued_comments_and_guidance, fixture_tear_down);
  g_test_add ("/report/pack/comment-budget", Fixture, NULL, fixture_set_up, test_pack_comment_budget,
              fixture_tear_down);
  g_test_add ("/report/pack/letter-greyscale-groups", Fixture, NULL, fixture_set_up,
              test_pack_letter_greyscale_groups, fixture_tear_down);
  g_test_add ("/report/pack/long-section-and-small-round", Fixture, NULL, fixture_set_up,
              test_pack_long_section_and_small_round, fixture_tear_down);
  g_test_add ("/report/pack/without-rounds", Fixture, NULL, fixture_set_up, test_pack_without_rounds,
              fixture_tear_down);
  g_test_add_func ("/report/pack/paginates-for-print", test_pack_paginates_for_print);
  g_test_add ("/report/pack/write-failure-leaves-nothing", Fixture, NULL, fixture_set_up,
              test_pdf_write_failure_leaves_nothing, fixture_tear_down);
  g_test_add ("/report/export/charts", Fixture, NULL, fixture_set_up, test_export_charts, fixture_tear_down);
  g_test_add_func ("/report/two-scales/build-charts", test_build_charts_two_scales);
  g_test_add ("/report/two-scales/pack", Fixture, NULL, fixture_set_up, test_pack_two_scales, fixture_tear_down);
  g_test_add ("/report/two-scales/export", Fixture, NULL, fixture_set_up, test_export_two_scales,
              fixture_tear_down);
  g_test_add ("/report/export/long-section-continues", Fixture, NULL, fixture_set_up,
              test_export_long_section_continues, fixture_tear_down);

  return g_test_run ();
}
