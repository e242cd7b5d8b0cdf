/* test-app-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-app-common.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include "trellis-banner.h"
#include "trellis-project-io.h"
#include "trellis-view-slot.h"

TrellisProject *
test_load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("TRELLIS_SAMPLE_PROJECT"));
  g_autoptr(GError) error = NULL;
  TrellisProject *project = trellis_project_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

guint
test_count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @milliseconds, then what that set off: for what GTK does a
 * moment later (a search entry's delay, a button's press shown before it acts). */
void
test_run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  test_drain_main_context ();
}

void
test_drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_busy (gpointer object)
{
  gboolean busy;

  g_object_get (object, "busy", &busy, NULL);
  return busy;
}

/* Reading a file is asynchronous: waits, at most @seconds, until @object (a window or
 * the import assistant) is no longer "busy", then lets what that set off run too. */
void
test_wait_until_not_busy (gpointer object,
                          guint    seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (is_busy (object) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (is_busy (object));
  test_drain_main_context ();
}

typedef struct
{
  GtkWidget *widget;
  guint      n_paints;
} PaintWait;

/* A frame is painted only when something asks for one: once the first is painted, ask
 * for the second, or an idle window would never paint again and the wait never end. */
static void
after_paint_cb (GdkFrameClock *clock,
                PaintWait     *wait)
{
  if (wait->n_paints++ == 0)
    gtk_widget_queue_draw (wait->widget);
}

/* Sizes are asked for, and GTK checks them, only when a window is laid out and drawn. */
void
test_wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  PaintWait wait = { widget, 0 };
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait);
  gtk_widget_queue_draw (widget);
  while (wait.n_paints < 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (wait.n_paints, >=, 2);
}

/* The window of @type over @transient_for (%NULL: over none), if one is open. */
GtkWindow *
test_find_toplevel (GType      type,
                    GtkWindow *transient_for)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_window_get_transient_for (toplevel) == transient_for)
        return toplevel;
    }
  return NULL;
}

/* As test_find_toplevel(), giving a window that opens later ten seconds to appear. */
GtkWindow *
test_wait_for_toplevel (GType      type,
                        GtkWindow *transient_for)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *found;

  while ((found = test_find_toplevel (type, transient_for)) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return found;
}

/* The question asked over @parent, such as "Save changes before closing?". */
GtkDialog *
test_find_message_dialog (GtkWindow *parent)
{
  return GTK_DIALOG (test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, parent));
}

/**
 * test_find_by_id:
 * @id: the object's id in the .ui template that built it
 *
 * Returns: (transfer none) (nullable): the first widget under @root (or @root) with @id
 */
GtkWidget *
test_find_by_id (GtkWidget  *root,
                 const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_in_window (TrellisWindow *window,
                const char    *id)
{
  GtkWidget *found = test_find_by_id (GTK_WIDGET (window), id);

  g_assert_nonnull (found);
  return found;
}

GtkListBox *
test_window_get_section_list (TrellisWindow *window)
{
  return GTK_LIST_BOX (find_in_window (window, "section_list"));
}

GtkDropDown *
test_window_get_round_dropdown (TrellisWindow *window)
{
  return GTK_DROP_DOWN (find_in_window (window, "round_dropdown"));
}

/* The view named @name in the window's stack: "responses", "statements", "charts";
 * built now if the window had not built it yet (see trellis-view-slot.c). */
GtkWidget *
test_window_get_view (TrellisWindow *window,
                      const char    *name)
{
  GtkWidget *view = gtk_stack_get_child_by_name (GTK_STACK (find_in_window (window, "view_stack")), name);

  g_assert_nonnull (view);
  if (TRELLIS_IS_VIEW_SLOT (view))
    return GTK_WIDGET (trellis_view_slot_get_view (TRELLIS_VIEW_SLOT (view)));
  return view;
}

/* The view shown beside the sidebar, or "no-sections". */
const char *
test_window_get_visible_page (TrellisWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find_in_window (window, "view_stack")));
}

/* The problem (or other news) the window shows, or %NULL when it shows none. */
const char *
test_window_get_banner_text (TrellisWindow *window)
{
  return trellis_banner_get_text (TRELLIS_BANNER (find_in_window (window, "banner")));
}

/* ---- Driving the real pointer and keyboard ---- */

/* Whether xdotool can send real events to this display (X11 only). */
gboolean
test_can_drive (void)
{
#ifdef GDK_WINDOWING_X11
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) && xdotool != NULL;
#else
  return FALSE;
#endif
}

static void
child_exited_cb (GPid     pid,
                 int      status,
                 gpointer data)
{
  *(gboolean *) data = TRUE;
  g_spawn_close_pid (pid);
}

/* Runs xdotool with @args while the main loop goes on, so GTK sees every event. */
void
test_run_xdotool (GPtrArray *args)
{
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  GPid pid;

  g_ptr_array_insert (args, 0, g_strdup ("xdotool"));
  g_ptr_array_add (args, NULL);
  g_spawn_async (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  test_drain_main_context ();
}

/* Presses @keys, one or more separated by spaces ("alt+Down", "Tab Tab"), on the window
 * that has the keyboard focus. */
void
test_press_keys (const char *keys)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_auto(GStrv) each = g_strsplit (keys, " ", -1);

  g_ptr_array_add (args, g_strdup ("key"));
  for (guint i = 0; each[i] != NULL; i++)
    if (*each[i] != '\0')
      g_ptr_array_add (args, g_strdup (each[i]));
  test_run_xdotool (args);
}

/* Gives @window the display's keyboard focus, which xdotool's keys go to: with no window
 * manager (Xvfb), a new window does not get it by itself. */
void
test_focus_window (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  if (!GDK_IS_X11_SURFACE (surface))
    return;
  g_ptr_array_add (args, g_strdup ("windowfocus"));
  g_ptr_array_add (args, g_strdup ("--sync"));
  g_ptr_array_add (args, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
  test_run_xdotool (args);
#endif
}
