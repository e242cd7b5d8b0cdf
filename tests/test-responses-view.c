/* test-responses-view.c: the Responses table keeps its headers in view and shows a
 * lead-in (item 55) above its rated parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "test-app-common.h"
#include "trellis-responses-view.h"
#include "trellis-summary-table.h"
#include "trellis-view.h"

static void
settle (void)
{
  test_run_for (300);
}

/* The grid row of the first label in @widget whose text starts with @prefix, or -1. */
static int
find_row (GtkWidget  *grid,
          const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_first_child (child);
      int column, row, width, height;

      if (label == NULL || !GTK_IS_LABEL (label) || !g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), prefix))
        continue;
      gtk_grid_query_child (GTK_GRID (grid), child, &column, &row, &width, &height);
      return row;
    }
  return -1;
}

/* The rows below the first screen come a few a frame after it (see trellis-summary-table.c). */
static void
wait_for_whole_table (GtkWidget *table)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (trellis_summary_table_get_n_pending (TRELLIS_SUMMARY_TABLE (table)) > 0
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (trellis_summary_table_get_n_pending (TRELLIS_SUMMARY_TABLE (table)), ==, 0);
}

/* A statement's number cell spans its two grid rows. */
static guint
count_statement_rows (GtkWidget *grid)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_has_css_class (child, "number-cell");
  return n;
}

typedef struct
{
  GtkWidget *table;
  guint      n_paints;
  guint      n_pending_at_first;
  gboolean   uncovered;  /* a frame was drawn with rows missing in view */
} FrameCheck;

static void
check_frame_cb (GdkFrameClock *clock,
                FrameCheck    *check)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (check->table, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *grid = gtk_widget_get_first_child (check->table);
  guint pending = trellis_summary_table_get_n_pending (TRELLIS_SUMMARY_TABLE (check->table));
  graphene_rect_t bounds;

  if (check->n_paints++ == 0)
    check->n_pending_at_first = pending;
  g_assert_true (gtk_widget_compute_bounds (grid, scroller, &bounds));
  if (pending > 0 && bounds.origin.y + bounds.size.height < gtk_widget_get_height (scroller))
    check->uncovered = TRUE;
}

/* The first frame lays out only the rows in view, yet every frame drawn shows rows down
 * to the bottom of the view, also once the window grows taller; the rest follow. */
static void
test_rows_in_view_first (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  TrellisRound *round = trellis_project_get_latest_round (project);
  TrellisSummary *summary = trellis_summary_new (project, round, NULL, NULL);
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  TrellisView *view = TRELLIS_VIEW (trellis_responses_view_new ());
  GtkWidget *table = test_find_by_id (GTK_WIDGET (view), "summary_table");
  TrellisSection *section = trellis_checklist_get_section (checklist, 0);
  FrameCheck check = { table, 0, 0, FALSE };
  GdkFrameClock *clock;
  gulong handler;

  gtk_window_set_default_size (window, 1024, 600);
  gtk_window_set_child (window, GTK_WIDGET (view));
  trellis_view_show (view, project, round, summary);
  trellis_view_show_section (view, section);
  g_object_ref (window);
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (check_frame_cb), &check);
  gtk_window_present (window);
  test_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpuint (check.n_pending_at_first, >, 0);
  gtk_window_set_default_size (window, 1024, 1400);
  wait_for_whole_table (table);
  test_wait_for_paint (GTK_WIDGET (window));
  g_signal_handler_disconnect (clock, handler);
  g_assert_false (check.uncovered);
  g_assert_cmpuint (count_statement_rows (gtk_widget_get_first_child (table)), ==,
                    trellis_summary_find_section (summary, trellis_section_get_id (section))->items->len);

  gtk_window_destroy (window);
  g_assert_finalize_object (window);
  trellis_summary_unref (summary);
}

static void
test_stem_and_sticky_header (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  TrellisRound *round = trellis_project_get_latest_round (project);
  TrellisSummary *summary = trellis_summary_new (project, round,
                                                trellis_checklist_get_scale (trellis_project_get_checklist (project), 0), NULL);
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisSection *last = trellis_checklist_get_section (checklist, trellis_checklist_get_n_sections (checklist) - 1);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  TrellisView *view = TRELLIS_VIEW (trellis_responses_view_new ());
  GtkWidget *table = test_find_by_id (GTK_WIDGET (view), "summary_table");
  GtkWidget *grid, *sticky;
  GtkScrolledWindow *scroller;
  GtkAdjustment *vadjustment;
  int stem, first_part, statement_55;

  gtk_window_set_default_size (window, 1024, 700);
  gtk_window_set_child (window, GTK_WIDGET (view));
  trellis_view_show (view, project, round, summary);
  trellis_view_show_section (view, last);
  g_object_ref (window);
  gtk_window_present (window);
  test_wait_for_paint (GTK_WIDGET (window));
  wait_for_whole_table (table);

  /* The lead-in's words take a row of their own, right above its first part. */
  grid = gtk_widget_get_first_child (table);
  stem = find_row (grid, "By working together");
  first_part = find_row (grid, "Tackled cross-cutting");
  statement_55 = find_row (grid, "55");
  g_assert_cmpint (stem, >, 0);
  g_assert_cmpint (first_part, ==, stem + 1);
  g_assert_cmpint (statement_55, ==, stem);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (g_ptr_array_index (trellis_summary_table_get_column_headers (TRELLIS_SUMMARY_TABLE (table)), 2))), "disagree"));

  /* At the top the table's own headers show; scrolled down, the copy does. */
  sticky = test_find_by_id (GTK_WIDGET (view), "sticky_header");
  scroller = GTK_SCROLLED_WINDOW (test_find_by_id (GTK_WIDGET (view), "scroller"));
  vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_false (gtk_widget_get_visible (sticky));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  settle ();
  g_assert_true (gtk_widget_get_visible (sticky));
  {
    g_autoptr(GListModel) copies = gtk_widget_observe_children (sticky);

    g_assert_cmpuint (g_list_model_get_n_items (copies), ==,
                      trellis_summary_table_get_column_headers (TRELLIS_SUMMARY_TABLE (table))->len);
  }
  gtk_adjustment_set_value (vadjustment, 0);
  settle ();
  g_assert_false (gtk_widget_get_visible (sticky));

  gtk_window_destroy (window);
  g_assert_finalize_object (window);
  trellis_summary_unref (summary);
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
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_test_add_func ("/responses-view/stem-and-sticky-header", test_stem_and_sticky_header);
  g_test_add_func ("/responses-view/rows-in-view-first", test_rows_in_view_first);
  return g_test_run ();
}
