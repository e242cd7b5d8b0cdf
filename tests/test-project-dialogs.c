/* test-project-dialogs.c: New Project, Project Properties and template files in the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "test-app-common.h"
#include "test-io-common.h"
#include "trellis-new-project-dialog.h"
#include "trellis-project-io.h"
#include "trellis-project-properties.h"
#include "trellis-template.h"
#include "trellis-template-chooser.h"
#include "trellis-window.h"

static GtkWidget *
find (gpointer    root,
      const char *id)
{
  GtkWidget *found = test_find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (found);
  return found;
}

static void
set_text (gpointer    root,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (root, id)), text);
}

static void
store_project (TrellisNewProjectDialog  *dialog,
               TrellisProject           *project,
               TrellisProject          **out)
{
  g_set_object (out, project);
}

/* The radio button of the built-in template titled @title. */
static GtkCheckButton *
find_template_option (TrellisNewProjectDialog *dialog,
                      const char              *title)
{
  GtkWidget *box = find (dialog, "template_box");

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *labels = gtk_check_button_get_child (GTK_CHECK_BUTTON (child));

      if (g_str_equal (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (labels))), title))
        return GTK_CHECK_BUTTON (child);
    }
  g_error ("no option “%s”", title);
}

static void
test_new_project_builtin (void)
{
  TrellisNewProjectDialog *dialog = g_object_ref (trellis_new_project_dialog_new (NULL));
  GtkWidget *create = find (dialog, "create_button");
  g_autoptr(TrellisProject) created = NULL;
  g_autoptr(GListModel) templates = trellis_template_list_builtin ();
  GtkWidget *box = find (dialog, "template_box");
  guint n_options = 0;

  g_signal_connect (dialog, "project-created", G_CALLBACK (store_project), &created);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Every built-in template is offered, the IS checklist first and chosen. */
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    n_options++;
  g_assert_cmpuint (n_options, ==, g_list_model_get_n_items (templates));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_widget_get_first_child (box))));

  /* The partnership's name is asked for first: no name, no project. */
  g_assert_false (gtk_widget_get_sensitive (create));
  set_text (dialog, "name_entry", "   ");
  g_assert_false (gtk_widget_get_sensitive (create));
  set_text (dialog, "name_entry", " Northshire CSP ");
  g_assert_true (gtk_widget_get_sensitive (create));

  gtk_check_button_set_active (find_template_option (dialog, "Nine ingredients of effective performance improvement in partnership"), TRUE);
  g_signal_emit_by_name (create, "clicked");

  g_assert_nonnull (created);
  g_assert_cmpstr (trellis_project_get_name (created), ==, "Northshire CSP");
  g_assert_cmpstr (trellis_checklist_get_template_id (trellis_project_get_checklist (created)), ==, "nine-ingredients");
  /* The dialog closed itself. */
  g_assert_finalize_object (dialog);
}

static void
test_new_project_from_file (void)
{
  TrellisNewProjectDialog *dialog = g_object_ref (trellis_new_project_dialog_new (NULL));
  GtkWidget *create = find (dialog, "create_button");
  GtkWidget *error_label = find (dialog, "error_label");
  g_autoptr(TrellisProject) created = NULL;
  g_autoptr(TrellisProject) source = test_build_full_project ();
  g_autoptr(GFile) good = g_file_new_build_filename (g_get_user_data_dir (), "full.trellis-template", NULL);
  g_autoptr(GFile) project_file = g_file_new_build_filename (g_get_user_data_dir (), "dialog.trellis", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_template_save_file (trellis_project_get_checklist (source), "Northshire checklist", NULL, good, &error));
  g_assert_true (trellis_project_save_file (source, project_file, NULL, &error));
  g_assert_no_error (error);
  g_signal_connect (dialog, "project-created", G_CALLBACK (store_project), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  set_text (dialog, "name_entry", "Southshire");

  /* A project file is refused, with the reason, and nothing is chosen. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (dialog, "file_check")), TRUE);
  trellis_new_project_dialog_set_template_file (dialog, project_file);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "is a Trellis project, not a template"));
  g_assert_false (gtk_widget_get_sensitive (create));

  trellis_new_project_dialog_set_template_file (dialog, good);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (dialog, "file_label"))), ==,
                   "Northshire checklist (full.trellis-template)");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (dialog, "file_check"))));
  g_assert_true (gtk_widget_get_sensitive (create));
  g_signal_emit_by_name (create, "clicked");

  g_assert_nonnull (created);
  g_assert_cmpstr (trellis_project_get_name (created), ==, "Southshire");
  g_assert_cmpstr (trellis_checklist_get_title (trellis_project_get_checklist (created)), ==, "Partnership checklist");
  g_assert_finalize_object (dialog);
  g_file_delete (good, NULL, NULL);
  g_file_delete (project_file, NULL, NULL);
}

/* File → New opens the project unsaved: the title says so and closing would ask. */
static void
test_window_new_project (void)
{
  TrellisWindow *window = g_object_ref (trellis_window_new (NULL, NULL, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_new_from_template ("is-ofpc", "Northshire CSP", &error);
  TrellisDocument *document;

  g_assert_no_error (error);
  trellis_window_open_new_project (window, project);
  document = trellis_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_true (trellis_document_get_project (document) == project);
  g_assert_null (trellis_document_get_file (document));
  g_assert_true (trellis_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "*Northshire CSP – Trellis");

  /* Discard without asking: the test has no one to answer. */
  trellis_window_set_document (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/*****/

typedef struct
{
  TrellisProject           *project;
  TrellisUndoStack         *stack;
  TrellisProjectProperties *dialog;
} PropertiesFixture;

static void
properties_set_up (PropertiesFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  fixture->project = trellis_project_new_from_template ("is-ofpc", "Northshire CSP", &error);
  g_assert_no_error (error);
  fixture->stack = trellis_undo_stack_new ();
  fixture->dialog = g_object_ref (trellis_project_properties_new (NULL, fixture->project, fixture->stack));
  gtk_window_present (GTK_WINDOW (fixture->dialog));
}

static void
properties_tear_down (PropertiesFixture *fixture,
                      gconstpointer      data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_assert_finalize_object (fixture->dialog);
  g_clear_object (&fixture->stack);
  g_clear_object (&fixture->project);
}

/* The fields show the project; each edit reaches it at once. */
static void
test_properties_edit (PropertiesFixture *fixture,
                      gconstpointer      data)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (fixture->project);
  GtkTextBuffer *description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (fixture->dialog, "description_view")));
  GtkSpinButton *spin = GTK_SPIN_BUTTON (find (fixture->dialog, "group_size_spin"));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture->dialog, "name_entry"))), ==, "Northshire CSP");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture->dialog, "title_entry"))), ==,
                   "Outcome-Focused Partnership Checklist");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 5);

  set_text (fixture->dialog, "name_entry", "Northshire Community Safety Partnership");
  set_text (fixture->dialog, "title_entry", "Northshire checklist 2027");
  gtk_text_buffer_set_text (description, "Council, health board, police.", -1);
  gtk_spin_button_set_value (spin, 6);
  g_assert_cmpstr (trellis_project_get_name (fixture->project), ==, "Northshire Community Safety Partnership");
  g_assert_cmpstr (trellis_checklist_get_title (checklist), ==, "Northshire checklist 2027");
  g_assert_cmpstr (trellis_project_get_description (fixture->project), ==, "Council, health board, police.");
  g_assert_cmpuint (trellis_project_get_min_group_size (fixture->project), ==, 6);

  /* Never below 3, whatever is typed. */
  gtk_spin_button_set_value (spin, 1);
  g_assert_cmpuint (trellis_project_get_min_group_size (fixture->project), ==, 3);
}

/* Typing in one field is one step of undo; Ctrl+Z in the dialog undoes through the
 * project's stack, and the fields show the result. */
static void
test_properties_undo (PropertiesFixture *fixture,
                      gconstpointer      data)
{
  GtkWidget *name_entry = find (fixture->dialog, "name_entry");
  GtkWidget *title_entry = find (fixture->dialog, "title_entry");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (find (fixture->dialog, "group_size_spin"));

  set_text (fixture->dialog, "name_entry", "N");
  set_text (fixture->dialog, "name_entry", "No");
  set_text (fixture->dialog, "name_entry", "North");
  /* Leaving the field closes the step. */
  gtk_widget_grab_focus (name_entry);
  gtk_widget_grab_focus (title_entry);
  set_text (fixture->dialog, "title_entry", "Our checklist");
  gtk_widget_grab_focus (GTK_WIDGET (spin));
  gtk_spin_button_set_value (spin, 6);
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->stack), ==, "Change Smallest Group Shown");

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "properties.undo", NULL);
  g_assert_cmpuint (trellis_project_get_min_group_size (fixture->project), ==, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 5);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "properties.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_entry)), ==, "Outcome-Focused Partnership Checklist");
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "properties.undo", NULL);
  g_assert_cmpstr (trellis_project_get_name (fixture->project), ==, "Northshire CSP");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "Northshire CSP");
  g_assert_false (trellis_undo_stack_get_can_undo (fixture->stack));

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "properties.redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "North");
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->stack), ==, "Rename Partnership");
}

/* Save as Template writes the checklist under the title it has, described in a line. */
static void
test_template_summary (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autofree char *summary = trellis_template_dup_summary_for (project);

  g_assert_cmpstr (summary, ==, "The checklist as tailored for Northshire Community Safety Partnership: "
                                "4 rated statements in 2 sections.");
}

static void
ignore_saved (GFile        *written,
              const GError *error,
              gpointer      user_data)
{
}

/* A checklist still titled as the built-in template it came from is saved under a name
 * that tells the two apart; one the coordinator renamed keeps its own. */
static void
test_template_file_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_new_from_template ("is-ofpc", "Northshire CSP", &error);
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autoptr(GtkFileChooserNative) renamed = NULL;
  g_autofree char *name = NULL;
  g_autofree char *renamed_name = NULL;

  g_assert_no_error (error);
  chooser = trellis_template_save_chooser_new (NULL, project, ignore_saved, NULL);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "outcome-focused-partnership-checklist-northshire-csp.trellis-template");

  trellis_checklist_set_title (trellis_project_get_checklist (project), "Northshire Checklist 2027");
  renamed = trellis_template_save_chooser_new (NULL, project, ignore_saved, NULL);
  renamed_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (renamed));
  g_assert_cmpstr (renamed_name, ==, "northshire-checklist-2027.trellis-template");
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
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/new-project/built-in", test_new_project_builtin);
  g_test_add_func ("/new-project/template-file", test_new_project_from_file);
  g_test_add_func ("/new-project/window", test_window_new_project);
  g_test_add ("/properties/edit", PropertiesFixture, NULL, properties_set_up, test_properties_edit, properties_tear_down);
  g_test_add ("/properties/undo", PropertiesFixture, NULL, properties_set_up, test_properties_undo, properties_tear_down);
  g_test_add_func ("/save-as-template/summary", test_template_summary);
  g_test_add_func ("/save-as-template/file-name", test_template_file_name);

  return g_test_run ();
}
