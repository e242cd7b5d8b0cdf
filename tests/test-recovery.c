/* test-recovery.c: unsaved work kept in recovery copies, and offered after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests run with XDG folders of their own in a temporary folder, each test with a
 * recovery folder of its own: nothing reaches the real ones. (G_TEST_OPTION_ISOLATE_DIRS
 * would also hide the system's MIME database, and with it GTK's icons.)
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "test-app-common.h"
#include "test-io-common.h"
#include "trellis-application.h"
#include "trellis-project-io.h"
#include "trellis-recovery.h"
#include "trellis-window.h"

/* Where the application keeps its copies. */
static GFile *
application_recovery_directory (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "recovery", NULL);
}

static GFile *
recovery_directory (void)
{
  g_autofree char *name = g_path_get_basename (g_test_get_path ());

  return g_file_new_build_filename (g_get_user_data_dir (), name, "recovery", NULL);
}

/* A project saved as a file of its own, as a facilitator would have it. */
static TrellisProject *
save_project (const char *name,
              GFile     **file)
{
  TrellisProject *project = test_build_full_project ();
  g_autoptr(GError) error = NULL;

  trellis_project_set_name (project, "Northshire CSP");
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  *file = g_file_new_build_filename (g_get_user_data_dir (), name, NULL);
  g_assert_true (trellis_project_save_file (project, *file, NULL, &error));
  g_assert_no_error (error);
  return project;
}

static void
wait_for_file (GFile *file)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!g_file_query_exists (file, NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_query_exists (file, NULL));
}

static void
wait_for_copy (TrellisRecovery *recovery,
               TrellisDocument *document)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (trellis_recovery_get_copy (recovery, document) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (trellis_recovery_get_copy (recovery, document));
  wait_for_file (trellis_recovery_get_copy (recovery, document));
}

static char *
load_name (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (trellis_project_get_name (project));
}

static guint
count_files (GFile *directory)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;
  guint n = 0;

  while (children != NULL && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    n++;
  return n;
}

/*****/

/* A change is kept a moment later in a copy that reads back as the changed project;
 * saving the project deletes it. The project file is never touched but by Save. */
static void
test_autosave (void)
{
  g_autoptr(GFile) directory = recovery_directory ();
  g_autoptr(TrellisRecovery) recovery = trellis_recovery_new (directory);
  g_autoptr(GFile) file = NULL;
  g_autoptr(TrellisProject) project = save_project ("autosaved.trellis", &file);
  g_autoptr(TrellisDocument) document = trellis_document_new (project, file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *file_name = NULL;

  trellis_recovery_set_delay (recovery, 1);
  trellis_recovery_watch (recovery, document, NULL);
  test_drain_main_context ();
  g_assert_null (trellis_recovery_get_copy (recovery, document));

  trellis_project_set_name (project, "Northshire Community Safety Partnership");
  g_assert_true (trellis_document_get_modified (document));
  wait_for_copy (recovery, document);
  copy = g_object_ref (trellis_recovery_get_copy (recovery, document));
  copy_name = load_name (copy);
  g_assert_cmpstr (copy_name, ==, "Northshire Community Safety Partnership");
  file_name = load_name (file);
  g_assert_cmpstr (file_name, ==, "Northshire CSP");
  /* The copy and the note naming its project; no backup of a copy. */
  g_assert_cmpuint (count_files (directory), ==, 2);

  g_assert_true (trellis_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (copy, NULL));
  g_assert_cmpuint (count_files (directory), ==, 0);
  g_assert_null (trellis_recovery_get_copy (recovery, document));

  /* Changed again and discarded (Discard on close): gone too. */
  trellis_project_set_name (project, "Northshire CSP again");
  wait_for_copy (recovery, document);
  g_clear_object (&copy);
  copy = g_object_ref (trellis_recovery_get_copy (recovery, document));
  trellis_recovery_discard (recovery, document);
  g_assert_false (g_file_query_exists (copy, NULL));
  g_assert_cmpuint (count_files (directory), ==, 0);
}

/* Projects never saved get copies of their own. */
static void
test_untitled (void)
{
  g_autoptr(GFile) directory = recovery_directory ();
  g_autoptr(TrellisRecovery) recovery = trellis_recovery_new (directory);
  g_autoptr(TrellisProject) first = test_build_full_project ();
  g_autoptr(TrellisProject) second = test_build_full_project ();
  g_autoptr(TrellisDocument) first_document = trellis_document_new (first, NULL);
  g_autoptr(TrellisDocument) second_document = trellis_document_new (second, NULL);
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;

  trellis_recovery_set_delay (recovery, 1);
  trellis_recovery_watch (recovery, first_document, NULL);
  trellis_recovery_watch (recovery, second_document, NULL);
  trellis_project_set_name (first, "First");
  trellis_project_set_name (second, "Second");
  wait_for_copy (recovery, first_document);
  wait_for_copy (recovery, second_document);

  first_name = g_file_get_basename (trellis_recovery_get_copy (recovery, first_document));
  second_name = g_file_get_basename (trellis_recovery_get_copy (recovery, second_document));
  g_assert_true (g_str_has_prefix (first_name, "untitled-"));
  g_assert_true (g_str_has_prefix (second_name, "untitled-"));
  g_assert_cmpstr (first_name, !=, second_name);
}

/* After a crash (the documents dropped, nothing closed), the next Trellis finds the
 * copy, names its project, and never writes over it. */
static void
test_crash (void)
{
  g_autoptr(GFile) directory = recovery_directory ();
  g_autoptr(TrellisRecovery) recovery = trellis_recovery_new (directory);
  g_autoptr(TrellisRecovery) next = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TrellisProject) project = save_project ("crashed.trellis", &file);
  g_autoptr(TrellisDocument) document = trellis_document_new (project, file);
  g_autoptr(TrellisDocument) reopened = NULL;
  g_autoptr(TrellisProject) reloaded = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  TrellisRecoveryEntry *entry;
  GFile *second_copy;

  trellis_recovery_set_delay (recovery, 1);
  trellis_recovery_watch (recovery, document, NULL);
  trellis_project_set_name (project, "Changed before the crash");
  wait_for_copy (recovery, document);
  copy = g_object_ref (trellis_recovery_get_copy (recovery, document));
  /* This instance does not offer its own copies. */
  entries = trellis_recovery_list (recovery);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_object (&recovery);
  g_clear_object (&document);
  g_clear_object (&project);

  next = trellis_recovery_new (directory);
  entries = trellis_recovery_list (next);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_true (g_file_equal (entry->copy, copy));
  g_assert_true (g_file_equal (entry->original, file));
  g_assert_cmpstr (entry->name, ==, "Changed before the crash");

  /* The same project opened again, not recovered, and edited: its copy goes elsewhere. */
  reloaded = trellis_project_load_file (file, NULL, &error);
  g_assert_no_error (error);
  reopened = trellis_document_new (reloaded, file);
  trellis_recovery_set_delay (next, 1);
  trellis_recovery_watch (next, reopened, NULL);
  trellis_project_set_name (reloaded, "Changed after the crash");
  wait_for_copy (next, reopened);
  second_copy = trellis_recovery_get_copy (next, reopened);
  g_assert_false (g_file_equal (second_copy, copy));
  {
    g_autofree char *name = load_name (copy);

    g_assert_cmpstr (name, ==, "Changed before the crash");
  }
  trellis_recovery_discard (next, reopened);

  /* Discarded when offered: gone. */
  trellis_recovery_discard_entry (next, entry);
  g_assert_false (g_file_query_exists (copy, NULL));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = trellis_recovery_list (next);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* A copy older than its project file (saved since, by other means) is out of date. */
static void
test_stale (void)
{
  g_autoptr(GFile) directory = recovery_directory ();
  g_autoptr(TrellisRecovery) recovery = trellis_recovery_new (directory);
  g_autoptr(TrellisRecovery) next = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TrellisProject) project = save_project ("stale.trellis", &file);
  g_autoptr(TrellisDocument) document = trellis_document_new (project, file);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  trellis_recovery_set_delay (recovery, 1);
  trellis_recovery_watch (recovery, document, NULL);
  trellis_project_set_name (project, "Changed");
  wait_for_copy (recovery, document);
  copy = g_object_ref (trellis_recovery_get_copy (recovery, document));
  trellis_recovery_unwatch (recovery, document);
  g_clear_object (&recovery);

  /* Saved behind this Trellis's back, a little later. */
  g_usleep (20000);
  g_assert_true (trellis_project_save_file (project, file, NULL, &error));
  g_assert_no_error (error);

  next = trellis_recovery_new (directory);
  entries = trellis_recovery_list (next);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_false (g_file_query_exists (copy, NULL));
}

/*****/

/* One application per process: a second could not export itself on the bus again. */
static TrellisApplication *application;

static TrellisApplication *
get_application (void)
{
  g_autoptr(GError) error = NULL;

  if (application != NULL)
    return application;
  application = trellis_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  return application;
}

/* A new Trellis after the crash offers the unsaved changes; recovering them opens them
 * as unsaved changes to the same file, which only Save writes. */
static void
test_application_offers (void)
{
  g_autoptr(GFile) directory = application_recovery_directory ();
  g_autoptr(TrellisRecovery) recovery = trellis_recovery_new (directory);
  g_autoptr(GFile) file = NULL;
  g_autoptr(TrellisProject) project = save_project ("offered.trellis", &file);
  g_autoptr(TrellisDocument) document = trellis_document_new (project, file);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_name = NULL;
  TrellisDocument *recovered;
  TrellisWindow *window;
  GtkDialog *dialog;
  GList *windows;
  gint64 deadline;

  trellis_recovery_set_delay (recovery, 1);
  trellis_recovery_watch (recovery, document, NULL);
  trellis_project_set_name (project, "Eastfield Health and Care Partnership");
  wait_for_copy (recovery, document);
  copy = g_object_ref (trellis_recovery_get_copy (recovery, document));
  g_clear_object (&recovery);

  /* Started after the crash. */
  g_application_activate (G_APPLICATION (get_application ()));

  windows = gtk_application_get_windows (GTK_APPLICATION (application));
  g_assert_nonnull (windows);
  window = g_object_ref (windows->data);
  g_assert_cmpstr (test_window_get_banner_text (window), ==,
                   "Trellis closed before “Eastfield Health and Care Partnership” was saved.");
  /* The offer, not the first-run sample. */
  g_assert_null (trellis_window_get_document (window));
  g_assert_false (trellis_window_get_busy (window));

  gtk_widget_activate_action (test_find_by_id (GTK_WIDGET (window), "banner"), "banner.recover", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((trellis_window_get_busy (window) || trellis_window_get_document (window) == NULL)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  recovered = trellis_window_get_document (window);
  g_assert_nonnull (recovered);
  g_assert_true (g_file_equal (trellis_document_get_file (recovered), file));
  g_assert_true (trellis_document_get_modified (recovered));
  g_assert_cmpstr (trellis_project_get_name (trellis_document_get_project (recovered)), ==,
                   "Eastfield Health and Care Partnership");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "*Eastfield Health and Care Partnership – Trellis");
  g_assert_null (test_window_get_banner_text (window));
  /* Not written until saved. */
  {
    g_autofree char *name = load_name (file);

    g_assert_cmpstr (name, ==, "Northshire CSP");
  }

  trellis_window_save (window);
  saved_name = load_name (file);
  g_assert_cmpstr (saved_name, ==, "Eastfield Health and Care Partnership");
  g_assert_false (trellis_document_get_modified (recovered));
  g_assert_false (g_file_query_exists (copy, NULL));

  /* The delay is the facilitator's setting. Changed again, then Discard on closing: the
   * new copy goes with the changes. */
  g_settings_set_uint (trellis_application_get_settings (application), "autosave-delay", 1);
  g_assert_cmpuint (trellis_recovery_get_delay (trellis_application_get_recovery (application)), ==, 1);
  trellis_project_set_name (trellis_document_get_project (recovered), "Eastfield HCP");
  wait_for_copy (trellis_application_get_recovery (application), recovered);
  g_clear_object (&copy);
  copy = g_object_ref (trellis_recovery_get_copy (trellis_application_get_recovery (application), recovered));
  gtk_window_close (GTK_WINDOW (window));
  dialog = test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtk_dialog_response (dialog, GTK_RESPONSE_REJECT);
  g_assert_false (g_file_query_exists (copy, NULL));
  g_assert_finalize_object (window);
}

/* A window taken down without asking (the session ending) keeps the copy, as a crash
 * would: the changes are offered at the next start. */
static void
test_window_destroyed (void)
{
  g_autoptr(GFile) directory = application_recovery_directory ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(TrellisProject) project = save_project ("destroyed.trellis", &file);
  g_autoptr(TrellisDocument) document = trellis_document_new (project, file);
  g_autoptr(TrellisRecovery) next = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  TrellisRecovery *recovery;
  TrellisWindow *window;

  get_application ();
  g_settings_set_uint (trellis_application_get_settings (application), "autosave-delay", 1);
  recovery = trellis_application_get_recovery (application);

  window = g_object_ref (trellis_window_new (GTK_APPLICATION (application), trellis_application_get_settings (application),
                                                recovery));
  trellis_window_set_document (window, document);
  trellis_project_set_name (project, "Kept for next time");
  wait_for_copy (recovery, document);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  next = trellis_recovery_new (directory);
  entries = trellis_recovery_list (next);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((TrellisRecoveryEntry *) g_ptr_array_index (entries, 0))->name, ==, "Kept for next time");
  trellis_recovery_discard_entry (next, g_ptr_array_index (entries, 0));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const xdg[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  home = g_dir_make_tmp ("trellis-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg[i] + strlen ("XDG_"), NULL);

      g_setenv (xdg[i], dir, TRUE);
    }
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/autosave", test_autosave);
  g_test_add_func ("/recovery/untitled", test_untitled);
  g_test_add_func ("/recovery/crash", test_crash);
  g_test_add_func ("/recovery/stale", test_stale);
  g_test_add_func ("/recovery/application-offers", test_application_offers);
  g_test_add_func ("/recovery/window-destroyed", test_window_destroyed);

  status = g_test_run ();
  g_clear_object (&application);
  test_remove_tree (home);
  return status;
}
