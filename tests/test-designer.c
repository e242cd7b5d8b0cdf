/* test-designer.c: the checklist designer, driven as a person would: a statement dragged
 * with the real pointer (xdotool), another moved with Alt+Down, the project saved and read
 * back; undo bringing the document back to unmodified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "test-app-common.h"
#include "trellis-designer-statement-row.h"
#include "trellis-designer-view.h"
#include "trellis-document.h"
#include "trellis-project-io.h"
#include "trellis-view.h"
#include "trellis-test-project.h"

typedef struct
{
  char                *dir;
  GFile               *file;
  TrellisDocument     *document;
  GtkWindow           *window;
  TrellisDesignerView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-designer-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "designed.trellis", NULL);
  fixture->file = g_file_new_for_path (path);
  fixture->document = trellis_document_new (project, fixture->file);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (fixture->window, "Designer test");
  gtk_window_set_default_size (fixture->window, 1000, 720);
  fixture->view = TRELLIS_DESIGNER_VIEW (trellis_designer_view_new ());
  trellis_designer_view_set_document (fixture->view, fixture->document);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  test_wait_for_paint (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (g_file_peek_path (fixture->file), "~", NULL);

  gtk_window_destroy (fixture->window);
  test_drain_main_context ();
  g_assert_finalize_object (fixture->document);
  g_remove (g_file_peek_path (fixture->file));
  g_remove (backup);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->dir);
}

static TrellisChecklist *
get_checklist (Fixture *fixture)
{
  return trellis_project_get_checklist (trellis_document_get_project (fixture->document));
}

static char *
dup_order (TrellisChecklist *checklist,
           const char       *section_id,
           guint             n)
{
  TrellisSection *section = trellis_checklist_find_section (checklist, section_id);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n && i < trellis_section_get_n_statements (section); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            trellis_statement_get_id (trellis_section_get_statement (section, i)));
  return g_string_free (out, FALSE);
}

/* Events from xdotool reach GTK a little after xdotool has sent them: gives the order
 * of section @section_id three seconds to become @expected, and returns it as it is. */
static char *
wait_for_order (TrellisChecklist *checklist,
                const char       *section_id,
                guint             n,
                const char       *expected)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  char *order = dup_order (checklist, section_id, n);

  while (g_strcmp0 (order, expected) != 0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
      g_free (order);
      order = dup_order (checklist, section_id, n);
    }
  return order;
}

static GtkWidget *
get_statement_row (Fixture    *fixture,
                   const char *id)
{
  TrellisStatement *statement = trellis_checklist_find_statement (get_checklist (fixture), id);
  GtkWidget *row = trellis_designer_view_get_row (fixture->view, statement);

  g_assert_nonnull (row);
  return row;
}

/* A child of @row: its drag handle is the first image. */
static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child_of_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* ---- Driving the real pointer and keyboard ---- */

#ifdef GDK_WINDOWING_X11
static void
get_window_origin (Fixture *fixture,
                   int     *x,
                   int     *y)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "xdotool", "getwindowgeometry", "--shell", xid, NULL };
  g_auto(GStrv) lines = NULL;
  double tx, ty;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        *x = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        *y = atoi (lines[i] + 2);
    }
  /* The window's content may sit inside the surface's shadow. */
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &tx, &ty);
  *x += (int) tx;
  *y += (int) ty;
}
#endif

/* Where (@fx, @fy), as fractions of @widget's size, is on the screen. */
static void
get_screen_point (Fixture   *fixture,
                  GtkWidget *widget,
                  double     fx,
                  double     fy,
                  int       *x,
                  int       *y)
{
  graphene_point_t in = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) * fx,
                                             gtk_widget_get_height (widget) * fy);
  graphene_point_t out;
  int origin_x = 0, origin_y = 0;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (fixture->window), &in, &out));
#ifdef GDK_WINDOWING_X11
  get_window_origin (fixture, &origin_x, &origin_y);
#endif
  *x = origin_x + (int) out.x;
  *y = origin_y + (int) out.y;
}

static void
add_move (GPtrArray *args,
          int        x,
          int        y)
{
  g_ptr_array_add (args, g_strdup ("mousemove"));
  g_ptr_array_add (args, g_strdup_printf ("%d", x));
  g_ptr_array_add (args, g_strdup_printf ("%d", y));
  g_ptr_array_add (args, g_strdup ("sleep"));
  g_ptr_array_add (args, g_strdup ("0.03"));
}

/* A real drag: press on @from, move there in small steps, release on @to. */
static void
drag_with_pointer (int from_x,
                   int from_y,
                   int to_x,
                   int to_y)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  const int steps = 20;

  add_move (args, from_x, from_y);
  g_ptr_array_add (args, g_strdup ("mousedown"));
  g_ptr_array_add (args, g_strdup ("1"));
  for (int i = 1; i <= steps; i++)
    add_move (args, from_x + (to_x - from_x) * i / steps, from_y + (to_y - from_y) * i / steps);
  g_ptr_array_add (args, g_strdup ("sleep"));
  g_ptr_array_add (args, g_strdup ("0.3"));
  g_ptr_array_add (args, g_strdup ("mouseup"));
  g_ptr_array_add (args, g_strdup ("1"));
  test_run_xdotool (args);
}

/*****/

/* s2 dragged by its handle onto the lower half of s4: A reads s1 s3 s4 s2. Then s6,
 * focused, moves down with Alt+Down twice. The saved file keeps both moves. */
static void
test_drag_and_keyboard (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) reloaded = NULL;
  g_autofree char *after_drag = NULL;
  g_autofree char *after_keys = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *handle, *target;
  int from_x, from_y, to_x, to_y;

  if (!test_can_drive ())
    {
      g_test_skip ("needs an X11 display and xdotool to drive the pointer");
      return;
    }

  handle = find_child_of_type (get_statement_row (fixture, "s2"), GTK_TYPE_IMAGE);
  target = get_statement_row (fixture, "s4");
  get_screen_point (fixture, handle, 0.5, 0.5, &from_x, &from_y);
  get_screen_point (fixture, target, 0.5, 0.8, &to_x, &to_y);
  drag_with_pointer (from_x, from_y, to_x, to_y);
  after_drag = wait_for_order (get_checklist (fixture), "A", 7, "s1 s3 s4 s2 s5 s6 s7");
  g_assert_cmpstr (after_drag, ==, "s1 s3 s4 s2 s5 s6 s7");
  g_assert_true (trellis_document_get_modified (fixture->document));

  /* The keyboard: Alt+Down twice on s6, whose row was made anew by the move. */
  get_screen_point (fixture, get_statement_row (fixture, "s6"), 0.5, 0.5, &to_x, &to_y);
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
    add_move (args, to_x, to_y);
    test_run_xdotool (args);
  }
  gtk_widget_grab_focus (get_statement_row (fixture, "s6"));
  test_press_keys ("alt+Down");
  g_free (wait_for_order (get_checklist (fixture), "A", 9, "s1 s3 s4 s2 s5 s7 s6 s8 s9"));
  test_press_keys ("alt+Down");
  after_keys = wait_for_order (get_checklist (fixture), "A", 9, "s1 s3 s4 s2 s5 s7 s8 s6 s9");
  g_assert_cmpstr (after_keys, ==, "s1 s3 s4 s2 s5 s7 s8 s6 s9");
  /* The keyboard stays on the moved statement. */
  test_drain_main_context ();
  g_assert_true (gtk_widget_has_focus (get_statement_row (fixture, "s6")));

  g_assert_true (trellis_document_save (fixture->document, fixture->file, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_document_get_modified (fixture->document));
  reloaded = trellis_project_load_file (fixture->file, NULL, &error);
  g_assert_no_error (error);
  saved = dup_order (trellis_project_get_checklist (reloaded), "A", 9);
  g_assert_cmpstr (saved, ==, "s1 s3 s4 s2 s5 s7 s8 s6 s9");
}

/* The row actions the menu offers, each one step that undo takes back; undoing them all
 * leaves the document unmodified, as it was loaded. */
static void
test_actions_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  TrellisUndoStack *stack = trellis_document_get_undo_stack (fixture->document);
  TrellisChecklist *checklist = get_checklist (fixture);
  TrellisSection *b = trellis_checklist_find_section (checklist, "B");
  TrellisStatement *s1 = trellis_checklist_find_statement (checklist, "s1");
  GtkWidget *row;
  guint n_a = trellis_section_get_n_statements (trellis_checklist_find_section (checklist, "A"));
  guint n_steps = 0;

  g_assert_false (trellis_document_get_modified (fixture->document));

  /* The guidance panel shows the statement chosen, and edits its guidance. */
  {
    gboolean shown = FALSE;
    gtk_widget_activate_action (get_statement_row (fixture, "s1"), "statement.edit-guidance", NULL);
    g_object_get (fixture->view, "show-guidance", &shown, NULL);
    g_assert_true (shown);
    gtk_widget_activate_action (GTK_WIDGET (fixture->view), "designer.show-guidance", NULL);
    g_object_get (fixture->view, "show-guidance", &shown, NULL);
    g_assert_false (shown);
  }

  gtk_widget_activate_action (trellis_designer_view_get_row (fixture->view, b), "section.cut", NULL);
  g_assert_false (trellis_section_get_included (b));
  g_assert_true (gtk_widget_has_css_class (trellis_designer_view_get_row (fixture->view, b), "cut"));
  n_steps++;

  row = get_statement_row (fixture, "s1");
  gtk_widget_activate_action (row, "statement.move-to-section", "s", "C");
  g_assert_true (trellis_statement_get_section (s1) == trellis_checklist_find_section (checklist, "C"));
  n_steps++;
  /* Answered statements cannot be deleted: the action is off. */
  gtk_widget_activate_action (get_statement_row (fixture, "s3"), "statement.delete", NULL);
  g_assert_nonnull (trellis_checklist_find_statement (checklist, "s3"));

  gtk_widget_activate_action (get_statement_row (fixture, "s3"), "statement.add-below", NULL);
  g_assert_cmpuint (trellis_section_get_n_statements (trellis_checklist_find_section (checklist, "A")), ==, n_a);
  n_steps++;
  g_assert_true (trellis_document_get_modified (fixture->document));

  for (guint i = 0; i < n_steps; i++)
    g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_false (trellis_undo_stack_get_can_undo (stack));
  g_assert_true (trellis_section_get_included (b));
  g_assert_false (gtk_widget_has_css_class (trellis_designer_view_get_row (fixture->view, b), "cut"));
  g_assert_true (trellis_statement_get_section (s1) == trellis_checklist_find_section (checklist, "A"));
  g_assert_nonnull (trellis_designer_view_get_row (fixture->view, s1));
  g_assert_false (trellis_document_get_modified (fixture->document));
}

/* The template's emphasis shows in italics; Ctrl+I emphasises the selected words, one
 * step of undo, kept as <em> in the statement's markup. */
static void
test_emphasis (Fixture       *fixture,
               gconstpointer  data)
{
  TrellisStatement *s6 = trellis_checklist_find_statement (get_checklist (fixture), "s6");
  GtkTextView *view = GTK_TEXT_VIEW (find_child_of_type (get_statement_row (fixture, "s6"), GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *em = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "em");
  g_autofree char *before = g_strdup (trellis_statement_get_text_markup (s6));
  const char *text = trellis_statement_get_text (s6);
  GtkTextIter start, end;
  glong offset;

  g_assert_nonnull (strstr (before, "<em>i.e. the difference"));
  offset = g_utf8_pointer_to_offset (text, strstr (text, "i.e. the difference"));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset + 2);
  g_assert_true (gtk_text_iter_has_tag (&start, em));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 2);
  g_assert_false (gtk_text_iter_has_tag (&start, em));

  if (!test_can_drive ())
    {
      g_test_skip ("needs an X11 display and xdotool to press Ctrl+I");
      return;
    }
  offset = g_utf8_pointer_to_offset (text, strstr (text, "adds value"));
  trellis_designer_statement_row_focus_text (TRELLIS_DESIGNER_STATEMENT_ROW (get_statement_row (fixture, "s6")));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + strlen ("adds value"));
  gtk_text_buffer_select_range (buffer, &start, &end);
  {
    int x, y;
    g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
    get_screen_point (fixture, GTK_WIDGET (view), 0.5, 0.5, &x, &y);
    add_move (args, x, y);
    test_run_xdotool (args);
  }
  test_press_keys ("ctrl+i");
  {
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
    while (strstr (trellis_statement_get_text_markup (s6), "<em>adds value</em>") == NULL
           && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_nonnull (strstr (trellis_statement_get_text_markup (s6), "<em>adds value</em>"));
  g_assert_nonnull (strstr (trellis_statement_get_text_markup (s6), "<em>i.e. the difference"));
  g_assert_true (trellis_undo_stack_undo (trellis_document_get_undo_stack (fixture->document)));
  g_assert_cmpstr (trellis_statement_get_text_markup (s6), ==, before);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset + 1);
  g_assert_false (gtk_text_iter_has_tag (&start, em));
}

static GtkWidget *
find_child_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_child_with_class (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

/* A statement the round answered says so beside it once reworded, until undone. */
static void
test_reworded_note (Fixture       *fixture,
                    gconstpointer  data)
{
  TrellisUndoStack *stack = trellis_document_get_undo_stack (fixture->document);
  TrellisStatement *s4 = trellis_checklist_find_statement (get_checklist (fixture), "s4");
  TrellisRound *round = trellis_project_get_latest_round (trellis_document_get_project (fixture->document));
  GtkWidget *note = find_child_with_class (get_statement_row (fixture, "s4"), "designer-note");

  g_assert_nonnull (note);
  g_assert_false (gtk_widget_get_visible (note));
  trellis_checklist_edit_set_string (stack, "Edit Statement Text", G_OBJECT (s4), "text-markup",
                                     "Partners trust each other.");
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (note)), trellis_round_get_label (round)));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_false (gtk_widget_get_visible (note));
}

/* The button with action @action_name inside @widget. */
static GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_button_with_action (child, action_name)) != NULL)
        return found;
    }
  return NULL;
}

static void
spawn_and_wait (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Types @text and Return with xdotool while the main loop is held, as a loaded machine
 * does: the keys are waiting before GTK gets round to anything queued for later. */
static void
type_before_idle (const char *text)
{
  const char *type_argv[] = { "xdotool", "type", "--delay", "5", text, NULL };
  const char *return_argv[] = { "xdotool", "key", "Return", NULL };

  spawn_and_wait (type_argv);
  spawn_and_wait (return_argv);
}

/* Whether the statement at @index of @section reads @text, and Return has put the
 * keyboard back on its row. */
static gboolean
is_typed (Fixture        *fixture,
          TrellisSection *section,
          guint           index,
          const char     *text)
{
  TrellisStatement *statement;
  GtkWidget *row;

  if (index >= trellis_section_get_n_statements (section))
    return FALSE;
  statement = trellis_section_get_statement (section, index);
  row = trellis_designer_view_get_row (fixture->view, statement);
  return g_strcmp0 (trellis_statement_get_text (statement), text) == 0 && row != NULL && gtk_widget_has_focus (row);
}

static TrellisStatement *
wait_for_text (Fixture        *fixture,
               TrellisSection *section,
               guint           index,
               const char     *text)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline && !is_typed (fixture, section, index, text))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  test_drain_main_context ();
  g_assert_cmpuint (index, <, trellis_section_get_n_statements (section));
  return trellis_section_get_statement (section, index);
}

/* Exactly one statement more in @section, at @index, reading @text; the keyboard on its
 * row, no longer in its text; Undo takes back the typing, then the statement. */
static void
check_added (Fixture        *fixture,
             TrellisSection *section,
             guint           n_before,
             guint           index,
             const char     *text)
{
  TrellisUndoStack *stack = trellis_document_get_undo_stack (fixture->document);
  TrellisStatement *added = wait_for_text (fixture, section, index, text);
  GtkWidget *row = trellis_designer_view_get_row (fixture->view, added);
  g_autofree char *order = dup_order (get_checklist (fixture), trellis_section_get_id (section), 20);

  g_test_message ("section %s: %s; keyboard in %s", trellis_section_get_id (section), order,
                  G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (fixture->window))));
  for (guint i = 0; i < trellis_section_get_n_statements (section); i++)
    g_test_message ("  %s: %s", trellis_statement_get_id (trellis_section_get_statement (section, i)),
                    trellis_statement_get_text (trellis_section_get_statement (section, i)));
  g_assert_cmpstr (trellis_statement_get_text (added), ==, text);
  g_assert_cmpuint (trellis_section_get_n_statements (section), ==, n_before + 1);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_focus (row));
  /* The new row is in sight, once the rows have settled: on a loaded machine the view's
   * scrolling may take a few frames more, so it is given up to three seconds. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), in_view;
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    do
      {
        test_wait_for_paint (GTK_WIDGET (fixture->window));
        g_assert_true (gtk_widget_compute_point (row, scrolled, &top, &in_view));
      }
    while ((in_view.y < 0 || in_view.y + gtk_widget_get_height (row) > gtk_widget_get_height (scrolled))
           && g_get_monotonic_time () < deadline);
    g_test_message ("new row at %g in a view %d high", in_view.y, gtk_widget_get_height (scrolled));
    g_assert_cmpfloat (in_view.y, >=, 0);
    g_assert_cmpfloat (in_view.y + gtk_widget_get_height (row), <=, gtk_widget_get_height (scrolled));
  }
  /* Typing in the field is one step, the statement added another, as every edit is. */
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (stack), ==, "Edit Statement Text");
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_cmpstr (trellis_statement_get_text (added), ==, NULL);
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (stack), ==, "Add Statement");
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_cmpuint (trellis_section_get_n_statements (section), ==, n_before);
  g_assert_null (trellis_checklist_find_statement (get_checklist (fixture), trellis_statement_get_id (added)));
}

/* "Add Statement Below" from a row's menu, and "Add Statement" under a section, then the
 * new statement's text typed at once and Return: one statement, with that text. */
static void
test_add_and_type (Fixture       *fixture,
                   gconstpointer  data)
{
  TrellisChecklist *checklist = get_checklist (fixture);
  TrellisSection *a = trellis_checklist_find_section (checklist, "A");
  TrellisSection *c = trellis_checklist_find_section (checklist, "C");
  guint n_a = trellis_section_get_n_statements (a);
  guint n_c = trellis_section_get_n_statements (c);
  TrellisStatement *last_c = trellis_section_get_statement (c, n_c - 1);
  GtkWidget *row, *button;

  if (!test_can_drive ())
    {
      g_test_skip ("needs an X11 display and xdotool to type");
      return;
    }

  /* The menu gives the keyboard back to the row it was opened from. */
  row = get_statement_row (fixture, "s3");
  gtk_widget_grab_focus (row);
  gtk_widget_activate_action (row, "statement.add-below", NULL);
  type_before_idle ("Shared goals");
  check_added (fixture, a, n_a, 3, "Shared goals");

  /* From the row's menu itself, opened from the keyboard, the item chosen by its mnemonic. */
  row = get_statement_row (fixture, "s5");
  gtk_widget_grab_focus (row);
  gtk_widget_activate_action (row, "statement.menu", NULL);
  for (guint i = 0; i < 3; i++)
    test_wait_for_paint (GTK_WIDGET (fixture->window));
  {
    const char *argv[] = { "xdotool", "key", "a", NULL };
    spawn_and_wait (argv);
  }
  type_before_idle ("From the menu");
  check_added (fixture, a, n_a, 5, "From the menu");

  button = find_button_with_action (trellis_designer_view_get_row (fixture->view, c), "section.add-statement");
  g_assert_nonnull (button);
  /* Clicked, as the pointer does it (a key activates a button only on its release). */
  gtk_widget_grab_focus (button);
  g_signal_emit_by_name (button, "clicked");
  type_before_idle ("Joint plans");
  /* A section's closing comment box stays last. */
  check_added (fixture, c,  n_c,
               trellis_statement_get_kind (last_c) == TRELLIS_STATEMENT_COMMENT ? n_c - 1 : n_c, "Joint plans");
  g_assert_false (trellis_document_get_modified (fixture->document));
}

static char *
dup_section_order (TrellisChecklist *checklist)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < trellis_checklist_get_n_sections (checklist); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            trellis_section_get_id (trellis_checklist_get_section (checklist, i)));
  return g_string_free (out, FALSE);
}

/* Section C dragged by its handle onto the upper half of B goes before B; undo puts it
 * back. */
static void
test_drag_section (Fixture       *fixture,
                   gconstpointer  data)
{
  TrellisChecklist *checklist = get_checklist (fixture);
  TrellisSection *b = trellis_checklist_find_section (checklist, "B");
  TrellisSection *c = trellis_checklist_find_section (checklist, "C");
  g_autofree char *before = dup_section_order (checklist);
  g_autofree char *after = NULL;
  GtkWidget *handle;
  int from_x, from_y, to_x, to_y;
  gint64 deadline;

  if (!test_can_drive ())
    {
      g_test_skip ("needs an X11 display and xdotool to drive the pointer");
      return;
    }
  g_assert_true (g_str_has_prefix (before, "A B C"));
  trellis_view_show_section (TRELLIS_VIEW (fixture->view), b);
  /* The view scrolls there over its first 20 frames. */
  for (guint i = 0; i < 11; i++)
    test_wait_for_paint (GTK_WIDGET (fixture->window));

  handle = find_child_of_type (trellis_designer_view_get_row (fixture->view, c), GTK_TYPE_IMAGE);
  g_assert_true (gtk_widget_has_css_class (handle, "drag-handle"));
  get_screen_point (fixture, handle, 0.5, 0.5, &from_x, &from_y);
  get_screen_point (fixture, trellis_designer_view_get_row (fixture->view, b), 0.5, 0.3, &to_x, &to_y);
  drag_with_pointer (from_x, from_y, to_x, to_y);
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (trellis_checklist_get_section (checklist, 1) != c && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  after = dup_section_order (checklist);
  g_assert_true (g_str_has_prefix (after, "A C B"));
  g_assert_true (trellis_undo_stack_undo (trellis_document_get_undo_stack (fixture->document)));
  g_free (after);
  after = dup_section_order (checklist);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) style = NULL;

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

  g_test_add ("/designer/drag-and-keyboard", Fixture, NULL, fixture_set_up, test_drag_and_keyboard, fixture_tear_down);
  g_test_add ("/designer/emphasis", Fixture, NULL, fixture_set_up, test_emphasis, fixture_tear_down);
  g_test_add ("/designer/reworded-note", Fixture, NULL, fixture_set_up, test_reworded_note, fixture_tear_down);
  g_test_add ("/designer/drag-section", Fixture, NULL, fixture_set_up, test_drag_section, fixture_tear_down);
  g_test_add ("/designer/add-and-type", Fixture, NULL, fixture_set_up, test_add_and_type, fixture_tear_down);
  g_test_add ("/designer/actions-and-undo", Fixture, NULL, fixture_set_up, test_actions_and_undo, fixture_tear_down);

  return g_test_run ();
}
