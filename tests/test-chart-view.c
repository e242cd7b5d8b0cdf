/* test-chart-view.c: the charts view, its choices, printing and export, on real projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "test-app-common.h"
#include "trellis-charts-page-private.h"
#include "trellis-export.h"
#include "trellis-print-operation.h"
#include "trellis-print-preview-private.h"
#include "trellis-talking-points-panel.h"
#include "trellis-test-project.h"
#include "trellis-workshop-pack.h"

static void
count_cb (guint *count)
{
  (*count)++;
}

/* A window around @child, shown, so that it can take the keyboard focus. */
static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (child))
    g_main_context_iteration (NULL, TRUE);
  test_drain_main_context ();
  return window;
}

/*****/

/* A screen reader hears the chart as text: per statement its agree, neutral and
 * disagree percentages and how many answered. */
static void
test_description (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  TrellisRound *round = trellis_project_get_latest_round (project);
  g_autoptr(TrellisSummary) summary = trellis_summary_new (project, round, NULL, NULL);
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "A", TRELLIS_CHART_ORDER_CHECKLIST);
  TrellisChartView *view = TRELLIS_CHART_VIEW (g_object_ref_sink (trellis_chart_view_new ()));
  const TrellisDistribution *first = &trellis_summary_find_item (summary, "s1")->dist;
  g_autofree char *description = trellis_chart_dup_description (chart);
  g_autofree char *statement_1 = NULL;
  char *error_message;
  int sides[3];

  trellis_chart_view_set_chart (view, chart);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG));
  error_message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                      trellis_chart_get_title (chart));
  g_assert_null (error_message);
  error_message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                      description);
  g_assert_null (error_message);

  /* Statement 1 of the sample: its printed percentages and its n. */
  trellis_chart_round_sides (first, sides);
  statement_1 = g_strdup_printf ("1. The partnership has a clear and unambiguous remit.\n"
                                 "  %d%% agree, %d%% neutral, %d%% disagree; %u answers",
                                 sides[2], sides[1], sides[0], first->valid);
  g_assert_cmpuint (first->valid, ==, 24);
  g_assert_nonnull (strstr (description, statement_1));

  /* No chart, nothing to describe. */
  trellis_chart_view_set_chart (view, NULL);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_finalize_object (view);
}

/* The chart grows with its statements and as the window narrows, never wider than it
 * reads well. */
static void
test_height_for_width (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_latest_round (project), NULL, NULL);
  g_autoptr(TrellisChart) short_chart = trellis_chart_new_section (summary, "B", TRELLIS_CHART_ORDER_CHECKLIST);
  g_autoptr(TrellisChart) long_chart = trellis_chart_new_section (summary, "D", TRELLIS_CHART_ORDER_CHECKLIST);
  GtkWidget *view = g_object_ref_sink (trellis_chart_view_new ());
  int min_width, natural_width, narrow, wide, huge, longer;

  g_assert_cmpint (gtk_widget_get_request_mode (view), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  trellis_chart_view_set_chart (TRELLIS_CHART_VIEW (view), short_chart);
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &natural_width, NULL, NULL);
  g_assert_cmpint (min_width, >, 200);
  g_assert_cmpint (natural_width, >, min_width);

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 500, &narrow, NULL, NULL, NULL);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, natural_width, &wide, NULL, NULL, NULL);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, 4 * natural_width, &huge, NULL, NULL, NULL);
  g_assert_cmpint (narrow, >, wide);
  g_assert_cmpint (huge, ==, wide);

  trellis_chart_view_set_chart (TRELLIS_CHART_VIEW (view), long_chart);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, natural_width, &longer, NULL, NULL, NULL);
  g_assert_cmpint (longer, >, 2 * wide);
  g_assert_finalize_object (view);
}

/* Up and Down go bar to bar keeping the answer, Left and Right answer to answer; the
 * readout says the exact counts. */
static void
test_keyboard_readout (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisSummary) summary =
    trellis_summary_new (project, trellis_project_get_latest_round (project), NULL, NULL);
  g_autoptr(TrellisChart) chart = trellis_chart_new_section (summary, "A", TRELLIS_CHART_ORDER_CHECKLIST);
  GtkWidget *view = trellis_chart_view_new ();
  GtkWindow *window;
  const TrellisDistribution *first = &trellis_summary_find_item (summary, "s1")->dist;
  const TrellisDistribution *second = &trellis_summary_find_item (summary, "s2")->dist;
  g_autofree char *agree_1 = NULL;
  g_autofree char *agree_2 = NULL;
  guint notified = 0;

  trellis_chart_view_set_chart (TRELLIS_CHART_VIEW (view), chart);
  /* The virtual display's pointer rests where it likes, often over this window, and a
   * bar under it has a readout of its own: this test is about the keyboard. */
  gtk_widget_set_can_target (view, FALSE);
  window = show_in_window (view);
  g_object_ref (window);
  g_signal_connect_swapped (view, "notify::readout", G_CALLBACK (count_cb), &notified);
  gtk_window_set_focus (window, NULL);
  g_assert_null (trellis_chart_view_get_readout (TRELLIS_CHART_VIEW (view)));

  /* The keyboard arrives on the first bar: the whole bar in words. */
  g_assert_true (gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (view));
  g_assert_true (g_str_has_prefix (trellis_chart_view_get_readout (TRELLIS_CHART_VIEW (view)), "1. "));
  g_assert_nonnull (strstr (trellis_chart_view_get_readout (TRELLIS_CHART_VIEW (view)), "agree"));

  /* Right four times: Strongly disagree, Disagree, Neither, Agree. */
  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (view, "chart.move-answer", "i", 1);
  agree_1 = g_strdup_printf ("1. Agree: %u of %u answers (%.0f%%)", first->counts[3], first->valid,
                             trellis_distribution_percent (first, 4));
  g_assert_cmpstr (trellis_chart_view_get_readout (TRELLIS_CHART_VIEW (view)), ==, agree_1);

  /* Down keeps to Agree. */
  gtk_widget_activate_action (view, "chart.move-bar", "i", 1);
  agree_2 = g_strdup_printf ("2. Agree: %u of %u answers (%.0f%%)", second->counts[3], second->valid,
                             trellis_distribution_percent (second, 4));
  g_assert_cmpstr (trellis_chart_view_get_readout (TRELLIS_CHART_VIEW (view)), ==, agree_2);

  /* Past the scale: Not applicable, of everyone asked. */
  gtk_widget_activate_action (view, "chart.move-answer", "i", 2);
  g_assert_true (g_str_has_prefix (trellis_chart_view_get_readout (TRELLIS_CHART_VIEW (view)),
                                   "2. Not applicable: "));
  g_assert_nonnull (strstr (trellis_chart_view_get_readout (TRELLIS_CHART_VIEW (view)), "respondents"));
  g_assert_cmpuint (notified, >=, 4);

  /* The last bar is as far as Down goes; the focus may then move on. */
  gtk_widget_activate_action (view, "chart.move-bar", "i", G_MAXINT);
  g_assert_true (g_str_has_prefix (trellis_chart_view_get_readout (TRELLIS_CHART_VIEW (view)), "17. "));

  /* Away from the chart, no readout. */
  gtk_window_set_focus (window, NULL);
  g_assert_null (trellis_chart_view_get_readout (TRELLIS_CHART_VIEW (view)));

  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

/* One round: nothing earlier to compare with, and the menu says so. No groups either:
 * the whole choice is off, with a tooltip saying why. */
static void
test_compare_one_round (void)
{
  g_autoptr(TrellisProject) sample = trellis_test_project_new_sample (1);
  g_autoptr(TrellisProject) no_groups = trellis_test_project_new_edge_cases (9);
  GtkWidget *page = g_object_ref_sink (trellis_charts_page_new ());
  TrellisChartsPage *charts = TRELLIS_CHARTS_PAGE (page);
  GtkWidget *compare = _trellis_charts_page_get_compare_button (charts);
  GMenuModel *menu = _trellis_charts_page_get_compare_menu (charts);
  TrellisReportOptions options;
  g_autofree char *rounds_label = NULL;
  g_autofree char *rounds_action = NULL;
  g_autofree char *groups_action = NULL;

  g_assert_cmpuint (trellis_project_get_n_rounds (sample), ==, 1);
  trellis_charts_page_show (charts, sample, trellis_project_get_latest_round (sample));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &rounds_label));
  g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_ACTION, "s", &rounds_action));
  g_assert_cmpstr (rounds_action, ==, "charts.unavailable");
  g_assert_false (g_action_group_get_action_enabled (_trellis_charts_page_get_actions (charts),
                                                     "unavailable"));
  g_assert_nonnull (strstr (rounds_label, "first survey round"));
  g_assert_true (g_menu_model_get_item_attribute (menu, 2, G_MENU_ATTRIBUTE_ACTION, "s", &groups_action));
  g_assert_cmpstr (groups_action, ==, "charts.compare");
  g_assert_true (gtk_widget_get_sensitive (compare));

  /* Asked for rounds anyway (a setting from another project): the charts compare
   * nothing, and the choice is kept for a project that can. */
  trellis_charts_page_set_compare (charts, "rounds");
  g_assert_cmpstr (trellis_charts_page_get_compare (charts), ==, "rounds");
  g_assert_true (trellis_charts_page_get_report_options (charts, &options));
  g_assert_cmpint (options.compare, ==, TRELLIS_REPORT_COMPARE_NONE);
  trellis_charts_page_set_compare (charts, "groups");
  g_assert_true (trellis_charts_page_get_report_options (charts, &options));
  g_assert_cmpint (options.compare, ==, TRELLIS_REPORT_COMPARE_GROUPS);

  g_assert_cmpuint (trellis_round_get_n_groups (trellis_project_get_latest_round (no_groups)), ==, 0);
  trellis_charts_page_show (charts, no_groups, trellis_project_get_latest_round (no_groups));
  g_assert_false (gtk_widget_get_sensitive (compare));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (compare), "first survey round"));
  g_assert_true (trellis_charts_page_get_report_options (charts, &options));
  g_assert_cmpint (options.compare, ==, TRELLIS_REPORT_COMPARE_NONE);

  g_assert_finalize_object (page);
}

/* What the page shows is what prints: the same round, order, style and comparison. */
static void
test_choices_reach_the_charts (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (2);
  TrellisRound *latest = trellis_project_get_latest_round (project);
  GtkWidget *page = trellis_charts_page_new ();
  TrellisChartsPage *charts = TRELLIS_CHARTS_PAGE (page);
  GtkWindow *window = g_object_ref (show_in_window (page));
  TrellisReportOptions options;
  TrellisChartView *view;

  trellis_charts_page_show (charts, project, latest);
  view = _trellis_charts_page_find_view (charts, "B");
  g_assert_nonnull (view);
  g_assert_nonnull (_trellis_charts_page_find_view (charts, NULL));
  g_assert_cmpint (trellis_chart_get_kind (trellis_chart_view_get_chart (view)), ==, TRELLIS_CHART_SECTION);

  trellis_charts_page_set_compare (charts, "rounds");
  trellis_charts_page_set_order (charts, "agreement");
  trellis_charts_page_set_style (charts, "greyscale");
  g_assert_true (_trellis_charts_page_find_view (charts, "B") == view);
  g_assert_cmpint (trellis_chart_get_kind (trellis_chart_view_get_chart (view)), ==, TRELLIS_CHART_ROUNDS);
  g_assert_cmpint (trellis_chart_get_order (trellis_chart_view_get_chart (view)), ==, TRELLIS_CHART_ORDER_AGREEMENT);
  g_assert_cmpint (trellis_chart_view_get_palette (view), ==, TRELLIS_CHART_PALETTE_GREYSCALE);

  g_assert_true (trellis_charts_page_get_report_options (charts, &options));
  g_assert_true (options.round == latest);
  g_assert_cmpint (options.compare, ==, TRELLIS_REPORT_COMPARE_ROUNDS);
  g_assert_cmpint (options.order, ==, TRELLIS_CHART_ORDER_AGREEMENT);
  g_assert_cmpint (options.palette, ==, TRELLIS_CHART_PALETTE_GREYSCALE);

  /* The first round has nothing before it. */
  trellis_charts_page_show (charts, project, trellis_project_get_round (project, 0));
  g_assert_cmpint (trellis_chart_get_kind (trellis_chart_view_get_chart (view)), ==, TRELLIS_CHART_SECTION);

  /* Scrolling to a section's chart makes it the current one. */
  trellis_charts_page_show (charts, project, latest);
  trellis_charts_page_scroll_to_section (charts, "C");
  for (guint i = 0; i < 50 && g_strcmp0 (trellis_charts_page_get_current_section (charts), "C") != 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (trellis_charts_page_get_current_section (charts), ==, "C");

  /* The keyboard going down a long chart takes the page with it. */
  view = _trellis_charts_page_find_view (charts, "D");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (view), GTK_DIR_TAB_FORWARD));
  gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-bar", "i", G_MAXINT);
  for (guint i = 0; i < 50 && g_strcmp0 (trellis_charts_page_get_current_section (charts), "D") != 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (trellis_charts_page_get_current_section (charts), ==, "D");

  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

/* The first talking point of the panel: a button. */
static GtkWidget *
find_first_point (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "talking-point"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first_point (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The talking points lead to their bars; the pack's guidance is a choice kept beside them. */
static void
test_talking_points_lead_to_bars (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  TrellisRound *latest = trellis_project_get_latest_round (project);
  GtkWidget *page = trellis_charts_page_new ();
  TrellisChartsPage *charts = TRELLIS_CHARTS_PAGE (page);
  GtkWindow *window = g_object_ref (show_in_window (page));
  GtkWidget *panel, *point;
  TrellisChartView *view;
  TrellisStatement *statement;
  TrellisReportOptions options;
  const char *section_id, *statement_id;
  g_autofree char *prefix = NULL;

  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 2);
  trellis_charts_page_show (charts, project, latest);
  panel = test_find_by_id (page, "talking_points");
  g_assert_true (gtk_widget_get_visible (panel));
  g_assert_cmpuint (trellis_talking_points_panel_get_n_points (TRELLIS_TALKING_POINTS_PANEL (panel)), >=, 10);

  point = find_first_point (panel);
  g_assert_nonnull (point);
  section_id = g_object_get_data (G_OBJECT (point), "section-id");
  statement_id = g_object_get_data (G_OBJECT (point), "statement-id");
  statement = trellis_checklist_find_statement (trellis_project_get_checklist (project), statement_id);
  g_assert_nonnull (statement);
  view = _trellis_charts_page_find_view (charts, section_id);
  g_assert_nonnull (view);
  g_signal_emit_by_name (point, "clicked");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (view)));
  prefix = g_strdup_printf ("%s. ", trellis_statement_get_number (statement));
  g_assert_true (g_str_has_prefix (trellis_chart_view_get_readout (view), prefix));

  /* Printing the guidance is on unless turned off, and the pack's options follow. */
  g_assert_true (trellis_charts_page_get_report_options (charts, &options));
  g_assert_true (options.guidance);
  g_action_group_change_action_state (_trellis_charts_page_get_actions (charts), "guidance",
                                      g_variant_new_boolean (FALSE));
  g_assert_false (trellis_charts_page_get_guidance (charts));
  g_assert_true (trellis_charts_page_get_report_options (charts, &options));
  g_assert_false (options.guidance);

  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

/*****/

static guint
pdf_page_count (const char *path)
{
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (output, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* Printing to a PDF file runs what printing to paper runs, without a dialog: the pack
 * laid out for the page setup, every page drawn. */
static void
test_print_to_file (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisPrintOperation) operation = NULL;
  g_autoptr(TrellisWorkshopPack) pack = NULL;
  g_autoptr(GtkPageSetup) a4 = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "printed-pack.pdf", NULL);
  g_autofree char *settings_path = g_build_filename (g_get_user_data_dir (), APP_ID, "print-settings", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  TrellisReportOptions options;
  GtkPrintOperationResult result;
  int n_pages = 0;

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo is not installed");
      return;
    }

  trellis_report_options_init (&options);
  options.order = TRELLIS_CHART_ORDER_AGREEMENT;
  options.compare = TRELLIS_REPORT_COMPARE_GROUPS;
  operation = trellis_print_operation_new (project, &options);
  gtk_page_setup_set_paper_size_and_default_margins (a4, paper);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), a4);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  g_unlink (path);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* As many pages as the pack has on A4 with the same options. */
  pack = trellis_workshop_pack_new (project, &options);
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, ==, (int) trellis_workshop_pack_paginate (pack, gtk_paper_size_get_width (paper, GTK_UNIT_POINTS),
                                                                      gtk_paper_size_get_height (paper, GTK_UNIT_POINTS)));
  g_assert_cmpint (n_pages, >, 5);
  g_assert_cmpuint (pdf_page_count (path), ==, n_pages);

  /* The printer and paper are remembered for next time. */
  g_assert_true (g_file_test (settings_path, G_FILE_TEST_IS_REGULAR));
}

static GtkPageSetup *
new_a4_page_setup (void)
{
  GtkPageSetup *a4 = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (a4, paper);
  return a4;
}

static guint
paginate_for (TrellisWorkshopPack *pack,
              GtkPageSetup        *page_setup)
{
  return trellis_workshop_pack_paginate (pack, gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS),
                                         gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS));
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
assert_page_label (TrellisPrintPreview *preview,
                   guint                page,
                   guint                n_pages)
{
  g_autofree char *expected = g_strdup_printf ("Page %u of %u · A4", page, n_pages);

  g_assert_cmpstr (_trellis_print_preview_get_page_label (preview), ==, expected);
  g_assert_cmpuint (trellis_print_preview_get_current_page (preview), ==, page - 1);
}

/* The preview shows every page of the pack on its paper; the page keys move page by
 * page and the subtitle says where the view is. */
static void
test_print_preview (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisWorkshopPack) pack = NULL;
  g_autoptr(GtkPageSetup) a4 = new_a4_page_setup ();
  TrellisPrintPreview *preview;
  GtkAdjustment *adjustment;
  TrellisReportOptions options;
  guint n_pages;

  trellis_report_options_init (&options);
  pack = trellis_workshop_pack_new (project, &options);
  n_pages = paginate_for (pack, a4);
  g_assert_cmpuint (n_pages, >, 5);

  preview = g_object_ref (trellis_print_preview_new (NULL, NULL, pack, a4));
  gtk_window_set_default_size (GTK_WINDOW (preview), 900, 700);
  gtk_window_present (GTK_WINDOW (preview));
  test_wait_for_paint (GTK_WIDGET (preview));

  g_assert_cmpuint (trellis_print_preview_get_n_pages (preview), ==, n_pages);
  g_assert_cmpuint (count_children (_trellis_print_preview_get_page_box (preview)), ==, n_pages);
  assert_page_label (preview, 1, n_pages);

  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  assert_page_label (preview, 2, n_pages);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  assert_page_label (preview, 3, n_pages);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.previous-page", NULL);
  assert_page_label (preview, 2, n_pages);
  test_wait_for_paint (GTK_WIDGET (preview));

  /* Zooming keeps the page in view. */
  g_assert_cmpstr (_trellis_print_preview_get_zoom_label (preview), ==, "Fit Width");
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL);
  g_assert_true (g_str_has_suffix (_trellis_print_preview_get_zoom_label (preview), "%"));
  test_wait_for_paint (GTK_WIDGET (preview));
  assert_page_label (preview, 2, n_pages);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-fit", NULL);
  g_assert_cmpstr (_trellis_print_preview_get_zoom_label (preview), ==, "Fit Width");
  test_wait_for_paint (GTK_WIDGET (preview));

  /* Scrolled by hand to the end, the view is on the last page. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (_trellis_print_preview_get_page_box (preview),
                                                                                                   GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  assert_page_label (preview, n_pages, n_pages);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.first-page", NULL);
  assert_page_label (preview, 1, n_pages);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* Zoomed in, a page is taller than the window: Page Down reads on a screenful at a time
   * and Page Up back, never jumping past what was not shown, to the end and back. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  test_wait_for_paint (GTK_WIDGET (preview));
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.first-page", NULL);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) / n_pages, >, gtk_adjustment_get_page_size (adjustment));
  for (guint presses = 0; gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
                          < gtk_adjustment_get_upper (adjustment) - 1; presses++)
    {
      double before = gtk_adjustment_get_value (adjustment);

      g_assert_cmpuint (presses, <, 20 * n_pages);
      gtk_widget_activate_action (GTK_WIDGET (preview), "preview.page-down", NULL);
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before);
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) - before, <=, gtk_adjustment_get_page_size (adjustment));
    }
  assert_page_label (preview, n_pages, n_pages);
  while (gtk_adjustment_get_value (adjustment) > 0)
    {
      double before = gtk_adjustment_get_value (adjustment);

      gtk_widget_activate_action (GTK_WIDGET (preview), "preview.page-up", NULL);
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, before);
      g_assert_cmpfloat (before - gtk_adjustment_get_value (adjustment), <=, gtk_adjustment_get_page_size (adjustment));
    }
  assert_page_label (preview, 1, n_pages);

  gtk_window_destroy (GTK_WINDOW (preview));
  g_assert_finalize_object (preview);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         int                     *done_result)
{
  *done_result = result;
}

/* Preview from a print operation (the print dialog's Preview button, or Print Preview
 * in the menu) opens Trellis's own window, whatever previewer the desktop has or lacks,
 * and closing it ends the operation. */
static void
test_print_operation_preview (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(GtkPageSetup) a4 = new_a4_page_setup ();
  g_autoptr(TrellisWorkshopPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  TrellisPrintOperation *operation;
  TrellisPrintPreview *preview;
  TrellisReportOptions options;
  GtkPrintOperationResult result;
  int done_result = -1;

  trellis_report_options_init (&options);
  pack = trellis_workshop_pack_new (project, &options);
  operation = trellis_print_operation_new (project, &options);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), a4);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &done_result);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_IN_PROGRESS);
  /* The window holds the operation until the preview ends. */
  g_object_unref (operation);

  preview = TRELLIS_PRINT_PREVIEW (test_wait_for_toplevel (TRELLIS_TYPE_PRINT_PREVIEW, NULL));
  g_assert_nonnull (preview);
  g_assert_cmpuint (trellis_print_preview_get_n_pages (preview), ==, paginate_for (pack, a4));
  g_object_add_weak_pointer (G_OBJECT (operation), (gpointer *) &operation);
  test_wait_for_paint (GTK_WIDGET (preview));
  g_assert_cmpint (done_result, ==, -1);

  gtk_window_close (GTK_WINDOW (preview));
  g_assert_cmpint (done_result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  test_drain_main_context ();
  g_assert_null (test_find_toplevel (TRELLIS_TYPE_PRINT_PREVIEW, NULL));
  g_assert_null (operation);
}

/* Charts for slides go into a folder of their own, one picture each, with their text
 * alternatives. */
static void
test_export_charts (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(GFile) folder = g_file_new_build_filename (g_get_user_data_dir (), "exports", NULL);
  g_autoptr(GFile) written = NULL;
  g_autoptr(GFile) overview = NULL;
  g_autoptr(GFile) descriptions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  TrellisReportOptions options;

  trellis_report_options_init (&options);
  written = trellis_export_charts_to (project, &options, folder, "northshire-csp", TRELLIS_REPORT_FORMAT_PNG, &error);
  g_assert_no_error (error);
  name = g_file_get_basename (written);
  g_assert_cmpstr (name, ==, "northshire-csp-charts");
  overview = g_file_get_child (written, "overview.png");
  descriptions = g_file_get_child (written, "descriptions.txt");
  g_assert_true (g_file_query_exists (overview, NULL));
  g_assert_true (g_file_query_exists (descriptions, NULL));
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/chart-view/description", test_description);
  g_test_add_func ("/chart-view/height-for-width", test_height_for_width);
  g_test_add_func ("/chart-view/keyboard-readout", test_keyboard_readout);
  g_test_add_func ("/charts-page/compare-one-round", test_compare_one_round);
  g_test_add_func ("/charts-page/choices-reach-the-charts", test_choices_reach_the_charts);
  g_test_add_func ("/charts-page/talking-points-lead-to-bars", test_talking_points_lead_to_bars);
  g_test_add_func ("/print/to-file", test_print_to_file);
  g_test_add_func ("/print/preview", test_print_preview);
  g_test_add_func ("/print/operation-preview", test_print_operation_preview);
  g_test_add_func ("/export/charts", test_export_charts);

  return g_test_run ();
}
