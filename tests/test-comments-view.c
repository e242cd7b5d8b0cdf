/* test-comments-view.c: the Comments view on the sample: search, count, key, hide, redact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "test-app-common.h"
#include "trellis-comments-view.h"
#include "trellis-view.h"

#define NAMED_COMMENT "Ask Cllr Robertson, or ring 07700 900123."

typedef struct
{
  GtkWindow        *window;
  TrellisView      *view;
  TrellisProject   *project;
  TrellisRound     *round;
  TrellisUndoStack *undo;
  char             *section_id;
} Fixture;

/* What the window does after every change: show the project again. */
static void
project_changed_cb (Fixture *fixture)
{
  trellis_view_show (fixture->view, fixture->project, fixture->round, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisChecklist *checklist;

  fixture->project = test_load_sample ();
  /* The sample's first round (Autumn 2026): the comments these tests quote are its own. */
  fixture->round = g_list_model_get_item (trellis_project_get_rounds (fixture->project), 0);
  g_object_unref (fixture->round);   /* the project keeps it */
  checklist = trellis_project_get_checklist (fixture->project);
  fixture->section_id = g_strdup (trellis_section_get_id (trellis_checklist_get_section (checklist, 1)));
  trellis_round_add_comment (fixture->round, fixture->section_id, NAMED_COMMENT);
  fixture->undo = trellis_undo_stack_new ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1024, 720);
  fixture->view = TRELLIS_VIEW (trellis_comments_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  trellis_comments_view_set_undo_stack (TRELLIS_COMMENTS_VIEW (fixture->view), fixture->undo);
  trellis_view_show (fixture->view, fixture->project, fixture->round, NULL);
  g_signal_connect_swapped (fixture->project, "changed", G_CALLBACK (project_changed_cb), fixture);
  g_object_ref (fixture->window);
  gtk_window_present (fixture->window);
  test_wait_for_paint (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->project, fixture);
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->window);
  g_object_unref (fixture->undo);
  g_object_unref (fixture->project);
  g_free (fixture->section_id);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *id)
{
  GtkWidget *found = test_find_by_id (GTK_WIDGET (fixture->view), id);

  g_assert_nonnull (found);
  return found;
}

static const char *
count_text (Fixture *fixture)
{
  return gtk_label_get_label (GTK_LABEL (find (fixture, "count_label")));
}

/* A button activated from the keyboard looks pressed a moment before it acts. */
static void
settle (void)
{
  test_run_for (400);
}

/* The search entry reports a change a moment (150 ms) after typing stops; replacing
 * its text first empties it, which it reports at once. */
static void
search (Fixture    *fixture,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "search_entry")), text);
  test_run_for (400);
}

/* Each shown toggle labelled @label, in order, with the comment text of its row. */
static void
collect_toggles (GtkWidget  *widget,
                 const char *label,
                 GPtrArray  *found)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_is_visible (widget)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0
      && gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW) != NULL)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_toggles (child, label, found);
}

static GPtrArray *
toggles (Fixture    *fixture,
         const char *label)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_toggles (GTK_WIDGET (fixture->view), label, found);
  return found;
}

static guint
count_matching (Fixture    *fixture,
                const char *needle)
{
  GPtrArray *sections = trellis_round_get_comment_sections (fixture->round);
  guint n = 0;

  for (guint s = 0; s < sections->len; s++)
    {
      GPtrArray *comments = trellis_round_get_comments (fixture->round, g_ptr_array_index (sections, s));

      for (guint i = 0; i < comments->len; i++)
        {
          g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (comments, i), -1);

          n += strstr (folded, needle) != NULL;
        }
    }
  return n;
}

static void
test_search_and_count (Fixture       *fixture,
                       gconstpointer  data)
{
  guint n_all = trellis_round_get_n_comments (fixture->round);
  guint n_agenda = count_matching (fixture, "agenda");
  g_autofree char *all = g_strdup_printf ("%u comments · 0 key · 0 hidden from print", n_all);
  g_autofree char *some = g_strdup_printf ("%u of %u comments · 0 key · 0 hidden from print", n_agenda, n_all);
  g_autoptr(GPtrArray) keys = NULL;

  g_assert_cmpuint (n_all, >=, 20);
  g_assert_cmpstr (count_text (fixture), ==, all);
  keys = toggles (fixture, "Key");
  g_assert_cmpuint (keys->len, ==, n_all);

  /* Case does not matter; only matching comments and their sections stay. */
  g_assert_cmpuint (n_agenda, >, 0);
  g_assert_cmpuint (n_agenda, <, n_all);
  search (fixture, "AGENDA");
  g_assert_cmpstr (count_text (fixture), ==, some);
  g_clear_pointer (&keys, g_ptr_array_unref);
  keys = toggles (fixture, "Key");
  g_assert_cmpuint (keys->len, ==, n_agenda);

  search (fixture, "no comment says this");
  g_assert_true (gtk_widget_get_visible (find (fixture, "note_label")));
  search (fixture, "");
  g_assert_cmpstr (count_text (fixture), ==, all);
  g_assert_false (gtk_widget_get_visible (find (fixture, "note_label")));
}

/* Marks are made from the keyboard, undoable, and keep the focus where it was. */
static void
test_key_and_hide (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) keys = toggles (fixture, "Key");
  g_autoptr(GPtrArray) hides = toggles (fixture, "Hide from print");
  GtkWidget *key = g_ptr_array_index (keys, 0);
  GtkWidget *hide = g_ptr_array_index (hides, 1);
  TrellisChecklist *checklist = trellis_project_get_checklist (fixture->project);
  const char *first_section = trellis_section_get_id (trellis_checklist_get_section (checklist, 0));

  g_assert_true (gtk_widget_get_focusable (key));
  gtk_widget_grab_focus (key);
  g_assert_true (gtk_widget_activate (key));
  settle ();
  g_assert_cmpint (trellis_round_get_comment_flags (fixture->round, first_section, 0), ==, TRELLIS_COMMENT_KEY);
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->undo), ==, "Mark Comment as Key");
  g_assert_true (gtk_window_get_focus (fixture->window) == key);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (key)));
  g_assert_nonnull (strstr (count_text (fixture), "· 1 key ·"));

  g_assert_true (gtk_widget_activate (hide));
  settle ();
  g_assert_cmpint (trellis_round_get_comment_flags (fixture->round, first_section, 1), ==, TRELLIS_COMMENT_HIDDEN);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (hide, GTK_TYPE_LIST_BOX_ROW), "hidden-comment"));
  g_assert_nonnull (strstr (count_text (fixture), "1 hidden from print"));

  /* Undo puts the marks back, and the toggles follow. */
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  test_drain_main_context ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (hide)));
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_ancestor (hide, GTK_TYPE_LIST_BOX_ROW), "hidden-comment"));
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  test_drain_main_context ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (key)));
  g_assert_cmpint (trellis_round_get_comment_flags (fixture->round, first_section, 0), ==, TRELLIS_COMMENT_NONE);
  g_assert_false (trellis_undo_stack_get_can_undo (fixture->undo));

  /* The pack's choice of comments lives beside them. */
  g_assert_false (trellis_comments_view_get_key_comments_only (TRELLIS_COMMENTS_VIEW (fixture->view)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, "key_only_check")), TRUE);
  g_assert_true (trellis_comments_view_get_key_comments_only (TRELLIS_COMMENTS_VIEW (fixture->view)));
}

/* Redact… shows what it found first; redacting is one undoable step. */
static void
test_redact (Fixture       *fixture,
             gconstpointer  data)
{
  GtkToggleButton *redact = GTK_TOGGLE_BUTTON (find (fixture, "redact_button"));
  GPtrArray *comments = trellis_round_get_comments (fixture->round, fixture->section_id);
  guint last = comments->len - 1;
  g_autoptr(GPtrArray) keys = NULL;

  gtk_toggle_button_set_active (redact, TRUE);
  test_drain_main_context ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (find (fixture, "redact_revealer"))));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (find (fixture, "redact_label"))),
                                   "Found 1 name and 1 phone number in 1 comment."));
  keys = toggles (fixture, "Key");
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (comments, last), ==, NAMED_COMMENT);

  /* A name typed into the list is looked for too. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "names_entry")), "Robertson, Papers");
  test_drain_main_context ();
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (find (fixture, "redact_label"))), "Found 2 names"));

  /* Clicked, not activated: a button activated plays its press for a moment first. */
  g_signal_emit_by_name (find (fixture, "redact_apply_button"), "clicked");
  settle ();
  g_assert_cmpstr (g_ptr_array_index (comments, last), ==, "Ask [name], or ring [phone].");
  g_assert_false (gtk_toggle_button_get_active (redact));
  g_assert_cmpstr (trellis_project_get_redact_names (fixture->project)[1], ==, "Papers");
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->undo), ==, "Redact Comments");

  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  test_drain_main_context ();
  g_assert_cmpstr (g_ptr_array_index (comments, last), ==, NAMED_COMMENT);
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comments (fixture->round,
                                                                  trellis_section_get_id (trellis_checklist_get_section (trellis_project_get_checklist (fixture->project), 0))), 0),
                   ==, "Papers often arrive the night before, which makes it hard to brief my own organisation.");
  /* The names list was its own edit. */
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->undo), ==, "Change Names to Redact");
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

  g_test_add ("/comments-view/search-and-count", Fixture, NULL, fixture_set_up, test_search_and_count, fixture_tear_down);
  g_test_add ("/comments-view/key-and-hide", Fixture, NULL, fixture_set_up, test_key_and_hide, fixture_tear_down);
  g_test_add ("/comments-view/redact", Fixture, NULL, fixture_set_up, test_redact, fixture_tear_down);
  return g_test_run ();
}
