/* test-small-screen.c: every view of the sample fits a 1024×768 projector or old laptop:
 * the window can be made that small, and no widget in it gets less room than it needs
 * (GTK warns then, and the suite makes warnings fatal; this also checks each widget).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "test-app-common.h"
#include "trellis-window.h"

#define SCREEN_WIDTH 1024
#define SCREEN_HEIGHT 768

static const char *const views[] = { "responses", "statements", "charts", "plan", "comments" };

/* Counts the widgets shown narrower than their minimum width, and says which. Height is
 * not checked: what is taller than the window scrolls. Scrollable widgets (viewports, lists)
 * are narrower than their content by design, and skipped with their content. */
static guint
count_squeezed (GtkWidget *widget)
{
  guint squeezed = 0;
  int min_width;
  GtkAllocation allocation;

  /* Scroll bars are GTK's to size: an overlay bar's slider may be a pixel short of its
   * minimum over a short view, and nothing is lost. */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_SCROLLABLE (widget) || GTK_IS_RANGE (widget))
    return 0;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  /* The measure includes the margins; the allocation (border box) does not. */
  min_width -= gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
  gtk_widget_get_allocation (widget, &allocation);
  if (allocation.width < min_width)
    {
      const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

      GtkWidget *parent = gtk_widget_get_parent (widget);
      GtkWidget *grandparent = parent != NULL ? gtk_widget_get_parent (parent) : NULL;

      g_test_message ("%s %s (in %s in %s) is %d wide, needs %d", G_OBJECT_TYPE_NAME (widget), id != NULL ? id : "",
                      parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-",
                      grandparent != NULL ? G_OBJECT_TYPE_NAME (grandparent) : "-",
                      allocation.width, min_width);
      squeezed++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    squeezed += count_squeezed (child);
  return squeezed;
}

static gboolean
has_view (TrellisWindow *window,
          const char    *name)
{
  GtkStack *stack = GTK_STACK (test_find_by_id (GTK_WIDGET (window), "view_stack"));

  /* A view this build does not have (yet) is skipped. */
  return gtk_stack_get_child_by_name (stack, name) != NULL;
}

static void
test_small_screen_views (void)
{
  TrellisWindow *window = g_object_ref (trellis_window_new (NULL, NULL, NULL));
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);

  trellis_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), SCREEN_WIDTH, SCREEN_HEIGHT - 40);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_paint (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      int min_width, min_height;

      if (!has_view (window, views[i]))
        continue;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", views[i]);
      test_wait_for_paint (GTK_WIDGET (window));
      g_assert_cmpstr (trellis_window_get_view (window), ==, views[i]);

      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, SCREEN_WIDTH, &min_height, NULL, NULL, NULL);
      g_test_message ("%s view: the window needs at least %d×%d", views[i], min_width, min_height);
      g_assert_cmpint (min_width, <=, SCREEN_WIDTH);
      g_assert_cmpint (min_height, <=, SCREEN_HEIGHT - 40);   /* a panel or title bar */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, SCREEN_WIDTH);
      g_assert_cmpuint (count_squeezed (GTK_WIDGET (window)), ==, 0);
    }

  /* F9 gives the sidebar's room to the view, and brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "responses");
  g_assert_true (gtk_widget_get_visible (test_find_by_id (GTK_WIDGET (window), "sidebar")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  test_wait_for_paint (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_visible (test_find_by_id (GTK_WIDGET (window), "sidebar")));
  g_assert_cmpuint (count_squeezed (GTK_WIDGET (window)), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  g_assert_true (gtk_widget_get_visible (test_find_by_id (GTK_WIDGET (window), "sidebar")));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    return 77;

  g_test_add_func ("/small-screen/views", test_small_screen_views);
  return g_test_run ();
}
