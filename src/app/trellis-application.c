/* trellis-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-application"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-application.h"
#include "trellis-color-scheme.h"
#include "trellis-debug.h"
#include "trellis-document.h"
#include "trellis-new-project-dialog.h"
#include "trellis-project-io.h"
#include "trellis-project-properties.h"
#include "trellis-recovery.h"
#include "trellis-renderer.h"
#include "trellis-template-chooser.h"
#include "trellis-window.h"

/* Where the sample project is installed; TRELLIS_SAMPLE_PROJECT overrides it so the
 * uninstalled build (tests, `meson devenv`) finds the one in the source tree. */
#define SAMPLE_PROJECT_PATH PKGDATADIR "/samples/northshire-csp.trellis"

struct _TrellisApplication
{
  GtkApplication  parent_instance;

  GSettings       *settings;
  TrellisRecovery *recovery;
  gboolean         show_sample;        /* --sample was given to this, the first instance */
  gboolean         recovery_offered;   /* at the first window shown */
};

G_DEFINE_FINAL_TYPE (TrellisApplication, trellis_application, GTK_TYPE_APPLICATION)

/* The window in front (GTK lists them most recently focused first), even when a dialog of it (About, Keyboard Shortcuts) has the focus. */
static TrellisWindow *
find_window (TrellisApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TRELLIS_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static TrellisWindow *
new_window (TrellisApplication *self)
{
  return trellis_window_new (GTK_APPLICATION (self), self->settings, self->recovery);
}

static TrellisWindow *
get_window (TrellisApplication *self)
{
  TrellisWindow *window = find_window (self);

  return window != NULL ? window : new_window (self);
}

/* GNOME's document-app convention: one project per window. A project goes into the window
 * in front while that one shows nothing (the first start, or after a failed open), and into
 * a new window otherwise, so opening never replaces a project the user is working on. */
static TrellisWindow *
window_for_another_project (TrellisApplication *self)
{
  TrellisWindow *window = find_window (self);

  if (window != NULL && trellis_window_get_document (window) == NULL && !trellis_window_get_busy (window))
    return window;
  return new_window (self);
}

/* The window already showing @file: opening it again raises that window instead of
 * opening the project twice (the second copy would find the first one's lock). */
static TrellisWindow *
find_window_showing (TrellisApplication *self,
                     GFile              *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      TrellisDocument *document;

      if (!TRELLIS_IS_WINDOW (l->data))
        continue;
      document = trellis_window_get_document (l->data);
      if (document != NULL && trellis_document_get_file (document) != NULL &&
          g_file_equal (trellis_document_get_file (document), file))
        return l->data;
    }
  return NULL;
}

static TrellisWindow *
open_file (TrellisApplication *self,
           GFile              *file)
{
  TrellisWindow *window = find_window_showing (self, file);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }
  window = window_for_another_project (self);
  trellis_timing_mark ("window-built");
  gtk_window_present (GTK_WINDOW (window));
  trellis_timing_mark ("window-presented");
  trellis_window_open (window, file);
  return window;
}

/* What a Trellis that did not close cleanly left unsaved is offered once, in the first
 * window. Returns whether there was any. */
static gboolean
offer_recovery (TrellisApplication *self,
                TrellisWindow      *window)
{
  if (self->recovery_offered)
    return FALSE;
  self->recovery_offered = TRUE;
  return trellis_window_offer_recovery (window);
}

static gboolean
is_first_run (TrellisApplication *self)
{
  return self->settings != NULL && !g_settings_get_boolean (self->settings, "first-run-done");
}

static void
remember_first_run (TrellisApplication *self)
{
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "first-run-done", TRUE);
}

static void
update_document_actions (TrellisApplication *self)
{
  TrellisWindow *window = find_window (self);
  gboolean has_document = window != NULL && trellis_window_get_document (window) != NULL;
  g_autoptr(GFile) sample = trellis_application_dup_sample_file (self);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "save")),
                               has_document);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "save-as")),
                               has_document);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "properties")),
                               has_document);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "save-as-template")),
                               has_document);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "open-sample")),
                               sample != NULL);
}

/*****/

static void
project_created_cb (TrellisApplication *self,
                    TrellisProject     *project)
{
  TrellisWindow *window = window_for_another_project (self);

  gtk_window_present (GTK_WINDOW (window));
  trellis_window_open_new_project (window, project);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  TrellisWindow *window = get_window (TRELLIS_APPLICATION (user_data));
  TrellisNewProjectDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  dialog = trellis_new_project_dialog_new (GTK_WINDOW (window));
  g_signal_connect_object (dialog, "project-created", G_CALLBACK (project_created_cb),
                           TRELLIS_APPLICATION (user_data), G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
properties_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TrellisWindow *window = find_window (TRELLIS_APPLICATION (user_data));
  TrellisDocument *document = window != NULL ? trellis_window_get_document (window) : NULL;

  if (document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (trellis_project_properties_new (GTK_WINDOW (window),
                                                                  trellis_document_get_project (document),
                                                                  trellis_document_get_undo_stack (document))));
}

static void
template_saved_cb (GFile        *written,
                   const GError *error,
                   gpointer      user_data)
{
  TrellisWindow *window = user_data;

  if (error != NULL)
    trellis_window_show_error (window, error->message, NULL);
  else if (written != NULL)
    trellis_window_show_saved (window, written);
  g_object_unref (window);
}

static void
template_chooser_response_cb (GtkNativeDialog *chooser)
{
  g_object_unref (chooser);
}

static void
save_as_template_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  TrellisWindow *window = find_window (TRELLIS_APPLICATION (user_data));
  TrellisDocument *document = window != NULL ? trellis_window_get_document (window) : NULL;
  GtkFileChooserNative *chooser;

  if (document == NULL)
    return;
  chooser = trellis_template_save_chooser_new (GTK_WINDOW (window), trellis_document_get_project (document),
                                               template_saved_cb, g_object_ref (window));
  /* Beside the project, where a coordinator will look for it. */
  if (trellis_document_get_file (document) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (trellis_document_get_file (document));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  /* Ours until answered: the chooser writes the file in its own response handler first. */
  g_signal_connect_after (chooser, "response", G_CALLBACK (template_chooser_response_cb), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TrellisWindow *window = get_window (TRELLIS_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  trellis_window_choose_and_open (window);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_file (TRELLIS_APPLICATION (user_data), file);
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TrellisApplication *self = TRELLIS_APPLICATION (user_data);
  g_autoptr(GFile) sample = trellis_application_dup_sample_file (self);
  TrellisWindow *window;

  if (sample == NULL)
    return;
  window = window_for_another_project (self);
  gtk_window_present (GTK_WINDOW (window));
  trellis_window_open_sample (window, sample);
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  trellis_window_save (get_window (TRELLIS_APPLICATION (user_data)));
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  trellis_window_save_as (get_window (TRELLIS_APPLICATION (user_data)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing asks about unsaved changes; the application ends with its last window. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Trellis developers", NULL };

  gtk_show_about_dialog (GTK_WINDOW (find_window (TRELLIS_APPLICATION (user_data))),
                         "program-name", _("Trellis"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Find out how well your partnership works together "
                                       "and agree what to improve."),
                         "website", "https://trellisapp.org",
                         "copyright", "© 2026 The Trellis developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: your names, one per line, to be credited */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "properties", properties_action },
  { "save-as-template", save_as_template_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "open-sample", open_sample_action },
  { "save", save_action },
  { "save-as", save_as_action },
  { "quit", quit_action },
  { "about", about_action },
};

/*****/

static void
load_settings (TrellisApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  /* Run from an uninstalled build without GSETTINGS_SCHEMA_DIR, Trellis still works; it
   * only forgets its window size. g_settings_new() would abort. */
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: window size and first run will not be remembered",
                 APP_ID);
      return;
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
}

static void
load_recovery (TrellisApplication *self)
{
  g_autoptr(GFile) directory = g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "recovery", NULL);

  self->recovery = trellis_recovery_new (directory);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "autosave-delay", self->recovery, "delay", G_SETTINGS_BIND_GET);
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/trellisapp/Trellis/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
trellis_application_startup (GApplication *application)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.properties", { "<Alt>Return", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.save", { "<Control>s", NULL } },
    { "app.save-as", { "<Shift><Control>s", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.view::responses", { "<Control>1", NULL } },
    { "win.view::statements", { "<Control>2", NULL } },
    { "win.view::charts", { "<Control>3", NULL } },
    { "win.view::plan", { "<Control>4", NULL } },
    { "win.view::comments", { "<Control>5", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.print-preview", { "<Shift><Control>p", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  /* Before any document starts loading in a thread (see trellis_project_io_init()). */
  trellis_project_io_init ();
  G_APPLICATION_CLASS (trellis_application_parent_class)->startup (application);
  trellis_timing_mark ("gtk-started");
  /* Before the first window chooses how it is drawn. */
  trellis_renderer_choose (gdk_display_get_default ());
  trellis_timing_mark ("renderer-chosen");

  load_settings (self);
  load_style ();
  trellis_color_scheme_follow (gtk_settings_get_default ());
  load_recovery (self);
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
  update_document_actions (self);
}

static void
trellis_application_activate (GApplication *application)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  TrellisWindow *window = get_window (self);
  g_autoptr(GFile) sample = NULL;

  gtk_window_present (GTK_WINDOW (window));
  if (offer_recovery (self, window) && !self->show_sample)
    {
      remember_first_run (self);
      return;
    }
  if (trellis_window_get_document (window) != NULL || trellis_window_get_busy (window))
    return;

  /* On the very first start there is nothing of the user's to show: the sample gives
   * them something to explore. */
  sample = trellis_application_dup_sample_file (self);
  if (sample != NULL && (self->show_sample || is_first_run (self)))
    trellis_window_open_sample (window, sample);
  self->show_sample = FALSE;
  remember_first_run (self);
}

static int
trellis_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "sample"))
    return -1;

  /* An instance already running opens the sample itself; this one only asks it to. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (application))
    {
      g_action_group_activate_action (G_ACTION_GROUP (application), "open-sample", NULL);
      return 0;
    }
  self->show_sample = TRUE;
  return -1;
}

/* The files named on the command line start being read before GTK starts and the window
 * is built, which take longer than reading all but the largest project: open() takes
 * them over (trellis_document_preload()). Only a guess at GApplication's parsing: what
 * looks like a file is what does not start with a dash, or anything after "--". A wrong
 * guess costs a read nobody takes. */
static void
preload_arguments (char **arguments)
{
  gboolean options_done = FALSE;

  for (guint i = 1; arguments[i] != NULL; i++)
    {
      if (!options_done && g_str_equal (arguments[i], "--"))
        options_done = TRUE;
      else if (options_done || arguments[i][0] != '-')
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (arguments[i]);

          trellis_document_preload (file);
        }
    }
}

static gboolean
trellis_application_local_command_line (GApplication   *application,
                                        char         ***arguments,
                                        int            *exit_status)
{
  gboolean handled;

  preload_arguments (*arguments);
  handled = G_APPLICATION_CLASS (trellis_application_parent_class)->local_command_line (application, arguments,
                                                                                         exit_status);
  /* Another Trellis, already running, opens them; or they were opened here. */
  trellis_document_drop_preloads ();
  return handled;
}

static void
trellis_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  TrellisWindow *window = NULL;

  /* Each project in its own window; one already open is raised. */
  for (int i = 0; i < n_files; i++)
    window = open_file (self, files[i]);
  if (window != NULL)
    offer_recovery (self, window);
  remember_first_run (self);
  /* Each file was taken over by its window, or was already open in one. */
  trellis_document_drop_preloads ();
}

static void
trellis_application_window_added (GtkApplication *application,
                                  GtkWindow      *window)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);

  GTK_APPLICATION_CLASS (trellis_application_parent_class)->window_added (application, window);

  if (TRELLIS_IS_WINDOW (window))
    g_signal_connect_object (window, "notify::document", G_CALLBACK (update_document_actions),
                             self, G_CONNECT_SWAPPED);
  update_document_actions (self);
}

static void
trellis_application_dispose (GObject *object)
{
  TrellisApplication *self = (TrellisApplication *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->recovery);

  G_OBJECT_CLASS (trellis_application_parent_class)->dispose (object);
}

static void
trellis_application_class_init (TrellisApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = trellis_application_dispose;
  app_class->startup = trellis_application_startup;
  app_class->activate = trellis_application_activate;
  app_class->handle_local_options = trellis_application_handle_local_options;
  app_class->open = trellis_application_open;
  app_class->local_command_line = trellis_application_local_command_line;
  gtk_app_class->window_added = trellis_application_window_added;
}

static void
trellis_application_init (TrellisApplication *self)
{
  const GOptionEntry options[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the bundled sample project, as an unsaved copy"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

TrellisApplication *
trellis_application_new (void)
{
  return g_object_new (TRELLIS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/trellisapp/Trellis",
                       NULL);
}

/**
 * trellis_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
trellis_application_get_settings (TrellisApplication *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * trellis_application_dup_sample_file:
 *
 * Returns: (transfer full) (nullable): the bundled sample project, or %NULL when it is
 *   not there
 */
GFile *
trellis_application_dup_sample_file (TrellisApplication *self)
{
  const char *path = g_getenv ("TRELLIS_SAMPLE_PROJECT");

  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);

  if (path == NULL || *path == '\0')
    path = SAMPLE_PROJECT_PATH;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_file_new_for_path (path);
}

/**
 * trellis_application_get_recovery:
 *
 * Returns: (transfer none) (nullable): the recovery copies of unsaved work, once the
 *   application has started
 */
TrellisRecovery *
trellis_application_get_recovery (TrellisApplication *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);
  return self->recovery;
}
