/* test-keyboard.c: the window on the sample, driven with real key presses (xdotool):
 * Tab passes through the sections sidebar without choosing every section on the way, and
 * the focused responses table scrolls with Up, Down, Page Down and Home.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "test-app-common.h"
#include "trellis-window.h"

static TrellisWindow *
show_sample (void)
{
  TrellisWindow *window = g_object_ref (trellis_window_new (NULL, NULL, NULL));
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);

  trellis_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_paint (GTK_WIDGET (window));
  test_focus_window (GTK_WINDOW (window));
  return window;
}

static void
close_window (TrellisWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Waits up to two seconds for the keyboard focus to leave @widget. */
static gboolean
focus_left (TrellisWindow *window,
            GtkWidget     *widget)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  GtkWidget *focus;

  do
    {
      g_main_context_iteration (NULL, FALSE);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && focus != widget && !gtk_widget_is_ancestor (focus, widget))
        return TRUE;
      g_usleep (10000);
    }
  while (g_get_monotonic_time () < deadline);
  return FALSE;
}

static void
test_keyboard_section_list_tab (void)
{
  TrellisWindow *window;
  GtkListBox *sections;
  GtkListBoxRow *first;

  if (!test_can_drive ())
    {
      g_test_skip ("needs xdotool on an X11 display");
      return;
    }
  window = show_sample ();
  sections = test_window_get_section_list (window);
  first = gtk_list_box_get_row_at_index (sections, 0);
  g_assert_true (gtk_list_box_get_selected_row (sections) == first);
  gtk_widget_grab_focus (GTK_WIDGET (first));

  /* Tab leaves the list at once: the first section stays chosen. */
  test_press_keys ("Tab");
  g_assert_true (focus_left (window, GTK_WIDGET (sections)));
  g_assert_true (gtk_list_box_get_selected_row (sections) == first);

  /* Down, in the list, still chooses the next section. */
  gtk_widget_grab_focus (GTK_WIDGET (first));
  test_press_keys ("Down");
  g_assert_true (gtk_list_box_get_selected_row (sections) == gtk_list_box_get_row_at_index (sections, 1));

  /* Shift+Tab leaves it backwards, again choosing nothing. */
  test_press_keys ("shift+Tab");
  g_assert_true (focus_left (window, GTK_WIDGET (sections)));
  g_assert_true (gtk_list_box_get_selected_row (sections) == gtk_list_box_get_row_at_index (sections, 1));

  close_window (window);
}

/* Key presses reach GTK a little after xdotool has sent them: waits up to two seconds for
 * the view to scroll to where @done says. */
static double
wait_for_scroll (GtkAdjustment *adjustment,
                 gboolean      (*done) (double value, GtkAdjustment *adjustment))
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (!done (gtk_adjustment_get_value (adjustment), adjustment) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return gtk_adjustment_get_value (adjustment);
}

static gboolean
moved (double value, GtkAdjustment *adjustment)
{
  return value > 0;
}

static double after_steps;

/* A page further than the three steps, or as far as the table goes. */
static gboolean
paged_down (double value, GtkAdjustment *adjustment)
{
  return value >= MIN (after_steps + gtk_adjustment_get_page_size (adjustment) / 2,
                       gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

static gboolean
at_top (double value, GtkAdjustment *adjustment)
{
  return value == 0;
}

static gboolean
at_end (double value, GtkAdjustment *adjustment)
{
  return value == gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
}

static void
test_keyboard_table_scrolls (void)
{
  TrellisWindow *window;
  GtkWidget *table;
  GtkAdjustment *adjustment;

  if (!test_can_drive ())
    {
      g_test_skip ("needs xdotool on an X11 display");
      return;
    }
  window = show_sample ();
  table = test_find_by_id (GTK_WIDGET (window), "summary_table");
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW)));
  gtk_widget_grab_focus (table);
  test_drain_main_context ();
  gtk_adjustment_set_value (adjustment, 0);

  test_press_keys ("Down Down Down");
  g_assert_cmpfloat ((after_steps = wait_for_scroll (adjustment, moved)), >, 0);
  test_press_keys ("Page_Down");
  g_assert_true (paged_down (wait_for_scroll (adjustment, paged_down), adjustment));
  test_press_keys ("Home");
  g_assert_cmpfloat (wait_for_scroll (adjustment, at_top), ==, 0);
  test_press_keys ("End");
  g_assert_cmpfloat (wait_for_scroll (adjustment, at_end), ==,
                     gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  g_assert_true (gtk_widget_has_focus (table));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    return 77;

  g_test_add_func ("/keyboard/section-list-tab", test_keyboard_section_list_tab);
  g_test_add_func ("/keyboard/table-scrolls", test_keyboard_table_scrolls);
  return g_test_run ();
}
