/* bench-window.c: the reference for the app's start-up time, a bare GTK 4 window
 *
 * bench-window
 *
 * A GtkApplication (unique on the session bus, as Trellis is) opens one window holding a
 * header bar and a label, and once a frame has been drawn prints "bench-window: painted"
 * on stderr and quits. tests/bench/run-all.py times exec to that line, as it times exec
 * to the line Trellis prints when TRELLIS_DEBUG_SMOKE is set: the least any GTK 4
 * application pays before it shows anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  guint *ticks = user_data;

  /* As in Trellis's smoke report: the first tick comes before the first frame is painted. */
  if ((*ticks)++ == 0)
    return G_SOURCE_CONTINUE;
  g_printerr ("bench-window: painted\n");
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GtkApplication *application)
{
  static guint ticks;
  GtkWidget *window = gtk_application_window_new (application);

  gtk_window_set_title (GTK_WINDOW (window), "Benchmark");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("A bare GTK 4 window"));
  gtk_widget_add_tick_callback (window, tick_cb, &ticks, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) application = gtk_application_new ("org.trellisapp.BenchWindow",
                                                               G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
