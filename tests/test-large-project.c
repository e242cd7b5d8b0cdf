/* test-large-project.c: a project of 20,000 responses and 16,000 comments opens in a
 * window that shows it is loading and stays responsive, and closing the window while it
 * loads is safe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "test-app-common.h"
#include "trellis-document.h"
#include "trellis-project-io.h"
#include "trellis-window.h"

#define N_RESPONSES 20000
#define N_COMMENTS_PER_SECTION 4000

static GFile *large_file;

/* The sample's checklist, its latest round grown to N_RESPONSES and its comments to
 * N_COMMENTS_PER_SECTION in each section, seeded so every run writes the same file. */
static GFile *
write_large_project (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  TrellisRound *round = trellis_project_get_latest_round (project);
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  const char *groups[] = { "Northshire Council", "NHS Northshire", "Police Scotland", "Third sector" };
  guint n_items = trellis_round_get_n_items (round);
  g_autofree TrellisAnswer *answers = g_new0 (TrellisAnswer, n_items);
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "large.trellis", NULL);
  g_autoptr(GError) error = NULL;

  for (guint r = trellis_round_get_n_responses (round); r < N_RESPONSES; r++)
    {
      for (guint i = 0; i < n_items; i++)
        answers[i] = (TrellisAnswer) g_rand_int_range (rand, TRELLIS_ANSWER_DONT_KNOW, 6);
      trellis_round_add_response (round, answers, groups[r % G_N_ELEMENTS (groups)]);
    }
  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      const char *id = trellis_section_get_id (trellis_checklist_get_section (checklist, s));

      for (guint c = 0; c < N_COMMENTS_PER_SECTION; c++)
        {
          g_autofree char *text = g_strdup_printf ("Comment %u of section %s: the agenda is %s.", c, id,
                                                   c % 7 == 0 ? "too full" : "fine");

          trellis_round_add_comment (round, id, text);
        }
    }
  g_assert_true (trellis_project_save_file (project, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static TrellisWindow *
new_window (void)
{
  TrellisWindow *window = g_object_ref (trellis_window_new (NULL, NULL, NULL));

  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_paint (GTK_WIDGET (window));
  return window;
}

typedef struct
{
  gint64 last;
  gint64 longest;
} Gaps;

/* The longest time the main loop went without running a 10 ms timeout. */
static gboolean
gap_cb (gpointer user_data)
{
  Gaps *gaps = user_data;
  gint64 now = g_get_monotonic_time ();

  gaps->longest = MAX (gaps->longest, now - gaps->last);
  gaps->last = now;
  return G_SOURCE_CONTINUE;
}

/* "empty", "loading" or "project" */
static const char *
main_page (TrellisWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (test_find_by_id (GTK_WIDGET (window), "main_stack")));
}

static guint
count_shown_rows (GtkWidget *widget)
{
  guint n = GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_get_visible (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_shown_rows (child);
  return n;
}

/* The first button whose label starts with @prefix and is shown. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *prefix)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget)
      && g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)) ?: "", prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The loading page first, the main loop running meanwhile, then the project. */
static void
test_loading_then_content (void)
{
  TrellisWindow *window = new_window ();
  GtkWidget *label = test_find_by_id (GTK_WIDGET (window), "loading_label");
  GtkWidget *spinner = test_find_by_id (GTK_WIDGET (window), "loading_spinner");
  Gaps gaps = { g_get_monotonic_time (), 0 };
  guint gap_source;

  trellis_window_open (window, large_file);
  g_assert_true (trellis_window_get_busy (window));
  g_assert_cmpstr (main_page (window), ==, "loading");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Opening “large.trellis”…");
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  gap_source = g_timeout_add (10, gap_cb, &gaps);
  test_wait_until_not_busy (window, 60);
  g_source_remove (gap_source);
  g_test_message ("longest wait of the main loop while loading: %" G_GINT64_FORMAT " ms", gaps.longest / 1000);
  /* Reading is in a thread: the window went on drawing (generously: the machine is shared). */
  g_assert_cmpint (gaps.longest, <, G_USEC_PER_SEC);

  g_assert_cmpstr (main_page (window), ==, "project");
  g_assert_cmpstr (test_window_get_visible_page (window), ==, "responses");
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_cmpuint (trellis_round_get_n_responses (trellis_project_get_latest_round (trellis_document_get_project (trellis_window_get_document (window)))),
                    ==, N_RESPONSES);
  test_wait_for_paint (GTK_WIDGET (window));

  /* The comments come a page at a time: 25 a section, and a button for more. */
  trellis_window_set_view (window, "comments");
  test_wait_for_paint (GTK_WIDGET (window));
  {
    TrellisProject *project = trellis_document_get_project (trellis_window_get_document (window));
    TrellisChecklist *checklist = trellis_project_get_checklist (project);
    TrellisRound *round = trellis_project_get_latest_round (project);
    guint n_sections = trellis_checklist_get_n_sections (checklist);
    guint n_first = trellis_round_get_comments (round, trellis_section_get_id (trellis_checklist_get_section (checklist, 0)))->len;
    GtkWidget *comments = test_window_get_view (window, "comments");
    g_autofree char *first = g_strdup_printf ("Show 25 More Comments (%u Not Shown)", n_first - 25);
    g_autofree char *then = g_strdup_printf ("Show 25 More Comments (%u Not Shown)", n_first - 50);
    GtkWidget *more = find_button (comments, first);

    g_assert_cmpuint (count_shown_rows (comments), ==, 25 * n_sections);
    g_assert_nonnull (more);
    g_signal_emit_by_name (more, "clicked");
    test_drain_main_context ();
    g_assert_cmpuint (count_shown_rows (comments), ==, 25 * (n_sections + 1));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, then);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Closed while the thread reads: nothing is shown in a window that is gone, and the
 * window is freed once the thread is done. */
static void
test_close_while_loading (void)
{
  TrellisWindow *window = new_window ();
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  trellis_window_open (window, large_file);
  g_assert_true (trellis_window_get_busy (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (window);
  while (window != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (window);
}

/* A file named on the command line is read before the window exists: the window takes
 * over that reading, summary and all. One nobody takes is dropped. */
static void
test_preload (void)
{
  TrellisWindow *window;
  g_autoptr(GFile) other = g_file_new_build_filename (g_get_user_data_dir (), "never-opened.trellis", NULL);

  trellis_document_preload (large_file);
  trellis_document_preload (other);
  window = new_window ();
  trellis_window_open (window, large_file);
  trellis_document_drop_preloads ();
  test_wait_until_not_busy (window, 60);
  g_assert_nonnull (trellis_window_get_document (window));
  g_assert_cmpstr (main_page (window), ==, "project");
  g_assert_cmpstr (test_window_get_visible_page (window), ==, "responses");
  test_wait_for_paint (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  /* A preload that fails gives the window the loader's own message. */
  trellis_document_preload (other);
  window = new_window ();
  trellis_window_open (window, other);
  test_wait_until_not_busy (window, 60);
  g_assert_null (trellis_window_get_document (window));
  g_assert_true (g_str_has_prefix (test_window_get_banner_text (window), "Could not open “never-opened.trellis”"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, "/org/trellisapp/Trellis/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  large_file = write_large_project ();

  g_test_add_func ("/large-project/loading-then-content", test_loading_then_content);
  g_test_add_func ("/large-project/close-while-loading", test_close_while_loading);
  g_test_add_func ("/large-project/preload", test_preload);
  status = g_test_run ();

  g_file_delete (large_file, NULL, NULL);
  g_clear_object (&large_file);
  return status;
}
