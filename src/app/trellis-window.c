/* trellis-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window hosts one project: the section sidebar, the banner, and the views in a
 * stack, switched with win.view. It opens, saves, prints and exports; what each view
 * shows is the view's own business (TrellisView).
 *
 * Adding a view:
 * 1. a widget that implements TrellisView, with its own .ui template and actions
 *    (src/app/trellis-NAME-view.c, ui/trellis-NAME-view.ui; list them in
 *    src/app/meson.build, ui/trellis.gresource.xml and po/POTFILES.in), its type
 *    ensured in trellis_window_class_init() below;
 * 2. a page named NAME in the "view_stack" of ui/trellis-window.ui: the view itself if
 *    it is shown at start, otherwise a TrellisViewSlot that builds it when first shown
 *    or needed (what the window hands the view once made goes in view_built_cb());
 * 3. a toggle button in the header's "view_switcher" there, with action-name win.view
 *    and action-target 'NAME';
 * 4. its accelerator, "win.view::NAME" in trellis-application.c (Ctrl+5 for a
 *    fifth), and a line in ui/gtk/help-overlay.ui.
 */
#define G_LOG_DOMAIN "trellis-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-banner.h"
#include "trellis-charts-page.h"
#include "trellis-comments-view.h"
#include "trellis-designer-view.h"
#include "trellis-debug.h"
#include "trellis-export.h"
#include "trellis-file-drop.h"
#include "trellis-format.h"
#include "trellis-print-operation.h"
#include "trellis-project-io.h"
#include "trellis-plan-view.h"
#include "trellis-responses-view.h"
#include "trellis-section-row.h"
#include "trellis-status-page.h"
#include "trellis-style.h"
#include "trellis-view-slot.h"
#include "trellis-window.h"

/* How many projects Open Recent offers. */
#define MAX_RECENT 10

typedef void (*ContinueFunc) (TrellisWindow *self,
                              gpointer       data);

/* What to do once the user has dealt with unsaved changes: close, or open another file. */
typedef struct
{
  TrellisWindow  *self;
  ContinueFunc    then;
  gpointer        data;
  GDestroyNotify  destroy;
} Continuation;

struct _TrellisWindow
{
  GtkApplicationWindow  parent_instance;

  TrellisDocument      *document;
  TrellisSummary       *summary;
  GCancellable         *load_cancellable;
  GtkNativeDialog      *file_chooser;
  guint                 refresh_source;
  gboolean              close_confirmed;
  gboolean              show_sidebar;       /* F9: hidden to give a small screen's room to the view */
  char                 *view;
  gboolean              following_view;
  TrellisSection       *section;           /* the one chosen last in the sidebar */

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkDropDown          *round_dropdown;
  GtkWidget            *view_switcher;
  TrellisBanner        *banner;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  GtkLabel             *loading_label;
  GtkLabel             *checklist_label;
  GtkListBox           *section_list;
  GtkStack             *view_stack;
  /* The views not shown at start, built when first shown or needed. */
  TrellisViewSlot      *charts_slot;       /* the charts also say what printing and exporting print */
  TrellisViewSlot      *designer_slot;
  TrellisViewSlot      *plan_slot;
  TrellisViewSlot      *comments_slot;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_separator;
  GMenu                *recent_menu;
  GMenu                *edit_menu;
  TrellisImportAssistant *import_assistant;
  TrellisRecovery      *recovery;          /* the application's; NULL without one */
  GSettings            *settings;          /* the application's; NULL without a schema */
};

G_DEFINE_FINAL_TYPE (TrellisWindow, trellis_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_BUSY,
  PROP_VIEW,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (TrellisWindow        *self,
                  GFile                *file,
                  gboolean              is_sample,
                  TrellisRecoveryEntry *recovery);
static void save_then (TrellisWindow *self,
                       Continuation  *next);
static void confirm_unsaved_then (TrellisWindow  *self,
                                  gboolean        closing,
                                  ContinueFunc    then,
                                  gpointer        data,
                                  GDestroyNotify  destroy);

/*****/

static Continuation *
continuation_new (TrellisWindow  *self,
                  ContinueFunc    then,
                  gpointer        data,
                  GDestroyNotify  destroy)
{
  Continuation *next = g_new0 (Continuation, 1);

  next->self = g_object_ref (self);
  next->then = then;
  next->data = data;
  next->destroy = destroy;
  return next;
}

static void
continuation_free (Continuation *next)
{
  if (next == NULL)
    return;
  if (next->destroy != NULL)
    next->destroy (next->data);
  g_clear_object (&next->self);
  g_free (next);
}

static void
continuation_run (Continuation *next)
{
  if (next == NULL)
    return;
  next->then (next->self, next->data);
  continuation_free (next);
}

/*****/

static void
update_title (TrellisWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (self->document == NULL)
    {
      gtk_label_set_label (self->title_label, _("Trellis"));
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Trellis"));
      return;
    }

  /* GNOME's convention for unsaved changes: a leading asterisk. */
  name = trellis_document_dup_title (self->document);
  if (trellis_document_get_modified (self->document))
    title = g_strdup_printf ("*%s", name);
  else
    title = g_strdup (name);
  /* Translators: the window title: the partnership's name, then the application's */
  window_title = g_strdup_printf (_("%s – Trellis"), title);

  file = trellis_document_get_file (self->document);
  if (file != NULL)
    subtitle = trellis_file_dup_display_basename (file);
  else if (trellis_document_get_is_sample (self->document))
    subtitle = g_strdup (_("Sample project · not saved yet"));
  else
    subtitle = g_strdup (_("Not saved yet"));

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static TrellisRound *
get_selected_round (TrellisWindow *self)
{
  return gtk_drop_down_get_selected_item (self->round_dropdown);
}

static void
update_summary (TrellisWindow *self)
{
  TrellisRound *round;

  g_clear_pointer (&self->summary, trellis_summary_unref);
  if (self->document == NULL)
    return;

  round = get_selected_round (self);
  /* Just opened, the summary may already be made (see trellis_document_load_async()). */
  if (round != NULL)
    self->summary = trellis_document_take_loaded_summary (self->document, round);
  if (round != NULL && self->summary == NULL)
    self->summary = trellis_summary_new (trellis_document_get_project (self->document),
                                         round, NULL, NULL);
}

static TrellisSection *
get_selected_section (TrellisWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->section_list);

  return row != NULL ? trellis_section_row_get_section (TRELLIS_SECTION_ROW (row)) : NULL;
}

static void
select_section_row (TrellisWindow  *self,
                    TrellisSection *section)
{
  GtkListBoxRow *fallback = gtk_list_box_get_row_at_index (self->section_list, 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->section_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (TRELLIS_IS_SECTION_ROW (child) &&
          trellis_section_row_get_section (TRELLIS_SECTION_ROW (child)) == section)
        {
          gtk_list_box_select_row (self->section_list, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
  if (fallback != NULL)
    gtk_list_box_select_row (self->section_list, fallback);
}

/* The view win.view names. */
static TrellisView *
get_current_view (TrellisWindow *self)
{
  return TRELLIS_VIEW (gtk_stack_get_child_by_name (self->view_stack, self->view));
}

static gboolean
showing_charts (TrellisWindow *self)
{
  return g_strcmp0 (self->view, "charts") == 0;
}

static gboolean
showing_plan (TrellisWindow *self)
{
  return g_strcmp0 (self->view, "plan") == 0;
}

/* The charts page, built now if it was not yet: its choices are what is printed. */
static TrellisChartsPage *
get_charts_page (TrellisWindow *self)
{
  return TRELLIS_CHARTS_PAGE (trellis_view_slot_get_view (self->charts_slot));
}

static TrellisCommentsView *
get_comments_view (TrellisWindow *self)
{
  return TRELLIS_COMMENTS_VIEW (trellis_view_slot_get_view (self->comments_slot));
}

static TrellisPlanView *
get_plan_view (TrellisWindow *self)
{
  return TRELLIS_PLAN_VIEW (trellis_view_slot_get_view (self->plan_slot));
}

/* The current view, or in place of a view about one section, a page saying there is
 * none. */
static void
show_current_view (TrellisWindow *self)
{
  TrellisView *view = get_current_view (self);

  if (self->document == NULL)
    return;
  if (TRELLIS_IS_VIEW_SLOT (view))
    trellis_view_slot_get_view (TRELLIS_VIEW_SLOT (view));
  /* The plan is the whole partnership's: its table takes the sidebar's room. */
  gtk_widget_set_visible (self->sidebar, self->show_sidebar && !showing_plan (self));
  gtk_widget_set_visible (self->sidebar_separator, self->show_sidebar && !showing_plan (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar", !showing_plan (self));
  if (get_selected_section (self) == NULL && trellis_view_get_needs_section (view))
    gtk_stack_set_visible_child_name (self->view_stack, "no-sections");
  else
    gtk_stack_set_visible_child (self->view_stack, GTK_WIDGET (view));
  /* A view builds some of its parts as it is shown. */
  trellis_accessible_name_internals (GTK_WIDGET (self));
}

/* Printing and exporting need a round to chart, as the charts page would say
 * (trellis_charts_page_get_report_options()), built or not. */
static void
update_output_actions (TrellisWindow *self)
{
  TrellisProject *project = self->document != NULL ? trellis_document_get_project (self->document) : NULL;
  gboolean can_output = project != NULL && get_selected_round (self) != NULL
                        && trellis_checklist_get_n_scales (trellis_project_get_checklist (project)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", can_output);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-preview", can_output);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", can_output);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-charts", can_output);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-plan-csv", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-plan-ics", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-plan-pdf", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-handoff", self->document != NULL);
}

/* Every view, shown or not, gets the project as it is now. */
static void
update_views (TrellisWindow *self)
{
  TrellisProject *project = self->document != NULL ? trellis_document_get_project (self->document) : NULL;
  TrellisRound *round = self->document != NULL ? get_selected_round (self) : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TRELLIS_IS_VIEW (child))
      trellis_view_show (TRELLIS_VIEW (child), project, round, self->summary);
  update_output_actions (self);
}

/* Each view forgets the section it showed: it was another project's. */
static void
forget_sections (TrellisWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TRELLIS_IS_VIEW (child))
      trellis_view_show_section (TRELLIS_VIEW (child), NULL);
}

/* The sidebar's heading and rows, and the round chooser, as the project is now. */
static void
update_sidebar (TrellisWindow *self)
{
  TrellisProject *project = trellis_document_get_project (self->document);
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  const char *checklist_title = trellis_checklist_get_title (checklist);

  gtk_label_set_label (self->checklist_label,
                       checklist_title != NULL && *checklist_title != '\0' ? checklist_title
                                                                          : _("Checklist"));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->section_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TRELLIS_IS_SECTION_ROW (child))
      trellis_section_row_update (TRELLIS_SECTION_ROW (child));
  gtk_widget_set_visible (GTK_WIDGET (self->round_dropdown),
                          trellis_project_get_n_rounds (project) > 0);
}

static void
refresh (TrellisWindow *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  update_title (self);
  if (self->document == NULL)
    return;

  update_sidebar (self);
  if (gtk_list_box_get_selected_row (self->section_list) == NULL)
    select_section_row (self, self->section);
  update_summary (self);
  update_views (self);
  show_current_view (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  TrellisWindow *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* An edit rarely comes alone (an import changes hundreds of things): redraw once after. */
static void
project_changed_cb (TrellisWindow *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static GtkWidget *
create_section_row (gpointer item,
                    gpointer user_data)
{
  return trellis_section_row_new (TRELLIS_SECTION (item));
}

static char *
round_display_name (TrellisRound *round)
{
  return round != NULL ? trellis_format_round_name (round) : NULL;
}

static void
choose_round (TrellisWindow *self,
              TrellisRound  *round)
{
  TrellisProject *project = trellis_document_get_project (self->document);
  guint n_rounds = trellis_project_get_n_rounds (project);

  for (guint i = 0; i < n_rounds; i++)
    if (trellis_project_get_round (project, i) == round)
      gtk_drop_down_set_selected (self->round_dropdown, i);
}

static void
select_latest_round (TrellisWindow  *self,
                     TrellisProject *project)
{
  choose_round (self, trellis_project_get_latest_round (project));
}

/*****/
/* Importing survey responses, and taking edits back */

static void
update_edit_actions (TrellisWindow *self)
{
  TrellisUndoStack *stack = self->document != NULL ? trellis_document_get_undo_stack (self->document) : NULL;
  const char *undo = stack != NULL ? trellis_undo_stack_get_undo_label (stack) : NULL;
  const char *redo = stack != NULL ? trellis_undo_stack_get_redo_label (stack) : NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "import")),
                               self->document != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "undo")),
                               undo != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "redo")),
                               redo != NULL);

  /* Translators: the menu item, with what it takes back: Undo Import “Round 2” */
  undo_label = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: the menu item, with what it does again: Redo Import “Round 2” */
  redo_label = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->edit_menu);
  g_menu_append (self->edit_menu, undo_label, "win.undo");
  g_menu_append (self->edit_menu, redo_label, "win.redo");
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TrellisWindow *self = user_data;

  if (self->document != NULL)
    trellis_undo_stack_undo (trellis_document_get_undo_stack (self->document));
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TrellisWindow *self = user_data;

  if (self->document != NULL)
    trellis_undo_stack_redo (trellis_document_get_undo_stack (self->document));
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  trellis_window_import (TRELLIS_WINDOW (user_data), NULL, 0);
}

/* Offered when the file changed on disk: the project as it is there now. Unsaved
 * changes here are dropped, as the banner offering it says. */
static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (user_data);
  GFile *file = self->document != NULL ? trellis_document_get_file (self->document) : NULL;

  if (file != NULL)
    load (self, file, FALSE, NULL);
}

/* GtkApplication would build the shortcuts window for every new window, before its first
 * frame (a quarter of the time the window takes to build): it is built when asked for. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (user_data);
  /* Replaced, while it runs, by GtkApplicationWindow's own, which shows it from now on. */
  g_autoptr(GSimpleAction) kept = g_object_ref (action);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/trellisapp/Trellis/ui/help-overlay.ui");

  g_action_map_remove_action (G_ACTION_MAP (self), "show-help-overlay");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  g_action_group_activate_action (G_ACTION_GROUP (self), "show-help-overlay", NULL);
}

static const GActionEntry window_actions[] = {
  { "show-help-overlay", show_help_overlay_action },
  { "import", import_action },
  { "reload", reload_action },
  { "undo", undo_action },
  { "redo", redo_action },
};

/*****/

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) TRELLIS_PROJECT_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "trellis %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
update_recent_menu (TrellisWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) projects = g_ptr_array_new ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), TRELLIS_PROJECT_MIME_TYPE) != 0)
        continue;
      if (gtk_recent_info_is_local (info) && !gtk_recent_info_exists (info))
        continue;
      g_ptr_array_add (projects, info);
    }
  g_ptr_array_sort (projects, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < projects->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (projects, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
    }
  /* An item without an action shows insensitive: the menu explains itself. */
  if (projects->len == 0)
    g_menu_append (self->recent_menu, _("No Recent Projects"), NULL);

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/*****/

/**
 * trellis_window_show_error:
 * @primary: what went wrong, in a few words
 * @secondary: (nullable): the details, e.g. the loader's message
 *
 * Shows a problem in a banner at the top of the window until it is dismissed or the
 * next open or save succeeds.
 */
/**
 * trellis_window_show_saved:
 * @file: a file written for the user, such as a template
 *
 * Says in the window's banner that @file was saved, with a way to open its folder.
 */
void
trellis_window_show_saved (TrellisWindow *self,
                           GFile         *file)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  trellis_banner_show_saved (self->banner, file, FALSE);
}

void
trellis_window_show_error (TrellisWindow *self,
                           const char    *primary,
                           const char    *secondary)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (primary != NULL);

  trellis_banner_show_error (self->banner, primary, secondary);
}

/*****/

typedef struct
{
  TrellisWindow        *self;
  GFile                *file;
  gboolean              is_sample;
  TrellisRecoveryEntry *recovery;  /* a recovery copy is read, for its original */
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->file);
  g_clear_pointer (&request->recovery, trellis_recovery_entry_free);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadRequest, load_request_free)

static void
set_busy (TrellisWindow *self,
          gboolean       busy)
{
  gtk_spinner_set_spinning (self->loading_spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
load_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadRequest) request = user_data;
  TrellisWindow *self = request->self;
  g_autoptr(TrellisDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = trellis_document_load_finish (result, &error);
  trellis_timing_mark ("load-finished");
  /* Cancelled: a newer open replaced this one, or the window went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);
  set_busy (self, FALSE);

  /* The loader's messages are whole sentences that name the file: show them as they are. */
  if (document == NULL)
    {
      trellis_window_show_error (self, error->message, NULL);
      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->document != NULL ? "project" : "empty");
      trellis_debug_smoke_failed (error->message);
      return;
    }

  /* Recovered: the copy goes on being written while the changes are unsaved. */
  if (request->recovery != NULL && self->recovery != NULL)
    trellis_recovery_watch (self->recovery, document, request->recovery->copy);
  trellis_banner_hide (self->banner);
  trellis_window_set_document (self, document);
  if (request->recovery != NULL && request->recovery->original != NULL)
    add_recent (request->recovery->original);
  else if (request->recovery == NULL && !request->is_sample)
    add_recent (request->file);
}

/* Reads @file, or the recovery copy @recovery (taken) for its original. */
static void
load (TrellisWindow        *self,
      GFile                *file,
      gboolean              is_sample,
      TrellisRecoveryEntry *recovery)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  LoadRequest *request;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  request = g_new0 (LoadRequest, 1);
  request->self = g_object_ref (self);
  request->file = g_object_ref (file);
  request->is_sample = is_sample;
  request->recovery = recovery;

  if (recovery != NULL)
    message = g_strdup_printf (_("Recovering “%s”…"), recovery->name);
  else
    {
      name = trellis_file_dup_display_basename (file);
      message = g_strdup_printf (_("Opening “%s”…"), name);
    }
  gtk_label_set_label (self->loading_label, message);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  set_busy (self, TRUE);
  trellis_debug_mark_when_painted (GTK_WIDGET (self), "loading-painted");
  if (recovery != NULL)
    trellis_document_load_recovery_async (recovery->copy, recovery->original, self->load_cancellable,
                                          load_cb, request);
  else
    trellis_document_load_async (file, is_sample, self->load_cancellable, load_cb, request);
}

static void
open_confirmed (TrellisWindow *self,
                gpointer       data)
{
  load (self, G_FILE (data), FALSE, NULL);
}

static void
open_sample_confirmed (TrellisWindow *self,
                       gpointer       data)
{
  load (self, G_FILE (data), TRUE, NULL);
}

static void
new_project_confirmed (TrellisWindow *self,
                       gpointer       data)
{
  g_autoptr(TrellisDocument) document = trellis_document_new_unsaved (TRELLIS_PROJECT (data));

  g_cancellable_cancel (self->load_cancellable);
  trellis_banner_hide (self->banner);
  trellis_window_set_document (self, document);
}

/**
 * trellis_window_open_new_project:
 * @project: a project saved nowhere yet, as File → New makes it
 *
 * Shows @project, unsaved, after asking about the unsaved changes of the one shown.
 */
void
trellis_window_open_new_project (TrellisWindow  *self,
                                 TrellisProject *project)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (TRELLIS_IS_PROJECT (project));

  confirm_unsaved_then (self, FALSE, new_project_confirmed, g_object_ref (project), g_object_unref);
}

static void
recover_confirmed (TrellisWindow *self,
                   gpointer       data)
{
  TrellisRecoveryEntry *entry = data;

  load (self, entry->copy, FALSE, trellis_recovery_entry_copy (entry));
}

/* The offer chosen in the banner: its copy opened for its project, after asking about
 * the changes of the one shown, if any. */
static void
recover_cb (TrellisWindow        *self,
            TrellisRecoveryEntry *entry)
{
  confirm_unsaved_then (self, FALSE, recover_confirmed, trellis_recovery_entry_copy (entry),
                        (GDestroyNotify) trellis_recovery_entry_free);
}

/*****/

/* A continuation waiting for a dialog's answer rides on the dialog, so it is freed if the
 * dialog goes away unanswered (its parent window destroyed). */
#define CONTINUATION_KEY "trellis-continuation"

static void
attach_continuation (gpointer      dialog,
                     Continuation *next)
{
  g_object_set_data_full (G_OBJECT (dialog), CONTINUATION_KEY, next,
                          (GDestroyNotify) continuation_free);
}

static Continuation *
take_continuation (gpointer dialog)
{
  return g_object_steal_data (G_OBJECT (dialog), CONTINUATION_KEY);
}

static void
unsaved_response_cb (GtkDialog *dialog,
                     int        response)
{
  Continuation *next = take_continuation (dialog);

  /* The dialog lives until this signal's emission ends, and Discard may close and free the
   * window meanwhile: it must not still point at its parent then. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  switch (response)
    {
    case GTK_RESPONSE_REJECT:
      continuation_run (next);
      break;
    case GTK_RESPONSE_ACCEPT:
      save_then (next->self, next);
      break;
    default:
      continuation_free (next);
      break;
    }
}

/* Runs @then at once when nothing is unsaved; otherwise asks first: Cancel drops @then,
 * Discard runs it, Save runs it only once the save succeeded. */
static void
confirm_unsaved_then (TrellisWindow  *self,
                      gboolean        closing,
                      ContinueFunc    then,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  Continuation *next = continuation_new (self, then, data, destroy);
  g_autofree char *title = NULL;
  GtkWidget *dialog, *button;

  if (self->document == NULL || !trellis_document_get_modified (self->document))
    {
      continuation_run (next);
      return;
    }

  title = trellis_document_dup_title (self->document);
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   closing ? _("Save changes to “%s” before closing?")
                                           : _("Save changes to “%s” before opening another project?"),
                                   title);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don’t save, your changes will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  button = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (button, "destructive-action");
  button = gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  attach_continuation (dialog, next);
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*****/

static void
add_project_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  gtk_file_filter_set_name (projects, _("Trellis projects"));
  gtk_file_filter_add_mime_type (projects, TRELLIS_PROJECT_MIME_TYPE);
  gtk_file_filter_add_pattern (projects, "*.trellis");
  gtk_file_chooser_add_filter (chooser, projects);

  gtk_file_filter_set_name (everything, _("All files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (chooser, everything);

  gtk_file_chooser_set_filter (chooser, projects);
}

/* The chooser must outlive this call; the window holds it until it answers. */
static void
show_file_chooser (TrellisWindow        *self,
                   GtkFileChooserNative *chooser)
{
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->file_chooser, TRUE);
  gtk_native_dialog_show (self->file_chooser);
}

/* Where a chooser starts: the project's folder, or Documents for a project not saved
 * yet (not the working directory, which for a launched application means nothing). */
static GFile *
dup_default_folder (TrellisWindow *self)
{
  GFile *file = trellis_document_get_file (self->document);
  GFile *folder = file != NULL ? g_file_get_parent (file) : NULL;
  const char *documents;

  if (folder != NULL)
    return folder;
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  return g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
}

/* Someone else saved the project file: never written over silently. */
static void
show_changed_on_disk (TrellisWindow *self)
{
  g_autofree char *name = trellis_file_dup_display_basename (trellis_document_get_file (self->document));
  g_autofree char *primary = g_strdup_printf (_("“%s” was changed by another program"), name);

  trellis_banner_show_file_problem (self->banner, primary,
                                    trellis_document_get_modified (self->document)
                                    ? _("Reload it to see those changes and lose yours, or save yours as a copy.")
                                    : _("Reload it to see those changes."),
                                    TRUE);
}

static void
changed_on_disk_cb (TrellisWindow *self)
{
  if (self->document != NULL && trellis_document_get_changed_on_disk (self->document))
    show_changed_on_disk (self);
}

/* A project opened read-only (newer format, or being changed elsewhere) says so once. */
static void
show_read_only (TrellisWindow *self)
{
  g_autofree char *reason = trellis_document_dup_read_only_reason (self->document);

  if (reason != NULL)
    trellis_banner_show_file_problem (self->banner, _("Opened read-only"), reason, FALSE);
}

static gboolean
save_to (TrellisWindow *self,
         GFile         *file)
{
  g_autoptr(GError) error = NULL;

  if (!trellis_document_save (self->document, file, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        show_changed_on_disk (self);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
               g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
        trellis_banner_show_file_problem (self->banner, _("The project was not saved"), error->message, FALSE);
      else
        trellis_window_show_error (self, error->message, NULL);
      return FALSE;
    }
  trellis_banner_hide (self->banner);
  add_recent (file);
  return TRUE;
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response)
{
  Continuation *next = take_continuation (chooser);
  TrellisWindow *self = next->self;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);

  if (file != NULL && self->document != NULL && save_to (self, file))
    continuation_run (next);
  else
    continuation_free (next);
}

static void
choose_file_then_save (TrellisWindow *self,
                       Continuation  *next)
{
  GtkFileChooserNative *chooser;
  GFile *file = trellis_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  add_project_filters (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    {
      g_autoptr(GFile) folder = dup_default_folder (self);
      g_autofree char *name = trellis_document_dup_suggested_name (self->document);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  attach_continuation (chooser, next);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), NULL);
  show_file_chooser (self, chooser);
}

static void
save_then (TrellisWindow *self,
           Continuation  *next)
{
  g_autofree char *reason = NULL;
  GFile *file;

  if (self->document == NULL)
    {
      continuation_free (next);
      return;
    }

  file = trellis_document_get_file (self->document);
  reason = trellis_document_dup_read_only_reason (self->document);
  /* Save of a read-only project is Save As: the file itself is not to be written. */
  if (file == NULL || reason != NULL)
    choose_file_then_save (self, next);
  else if (save_to (self, file))
    continuation_run (next);
  else
    continuation_free (next);
}

/* The application decides where a project opens: the window already showing it, this one
 * while it shows nothing, or a new one. A window made without one (the tests) opens here. */
static void
request_open (TrellisWindow *self,
              GFile         *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL)
    g_application_open (G_APPLICATION (application), &file, 1, "");
  else
    trellis_window_open (self, file);
}

static void
do_nothing (TrellisWindow *self,
            gpointer       data)
{
}

static void
open_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          TrellisWindow   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);
  if (file != NULL)
    request_open (self, file);
}

/*****/

static void
print_done_cb (TrellisWindow           *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  trellis_window_show_error (self, _("Could not print the workshop pack"), error != NULL ? error->message : NULL);
}

/* The workshop pack as the charts show it: the same round, order, style and comparison;
 * printed after the print dialog, or previewed on the paper printed on last. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisReportOptions options;
  g_autoptr(TrellisPrintOperation) operation = NULL;

  if (self->document == NULL || !trellis_charts_page_get_report_options (get_charts_page (self), &options))
    return;
  options.key_comments_only = trellis_comments_view_get_key_comments_only (get_comments_view (self));
  operation = trellis_print_operation_new (trellis_document_get_project (self->document), &options);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                           g_str_equal (action_name, "win.print-preview") ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                                                                          : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), NULL);
}

/* The project's file name without ".trellis", to name what is exported: "northshire-csp". */
static char *
dup_base_name (TrellisWindow *self)
{
  char *name = trellis_document_dup_suggested_name (self->document);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  return name;
}

static void
export_done_cb (GFile        *written,
                const GError *error,
                gpointer      user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (user_data);

  /* The chooser answered; it goes once this returns. */
  g_clear_object (&self->file_chooser);
  if (error != NULL)
    trellis_window_show_error (self, _("Could not export"), error->message);
  else if (written != NULL)
    trellis_banner_show_saved (self->banner, written,
                               g_file_query_file_type (written, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisReportOptions options;
  TrellisProject *project;
  g_autofree char *base_name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->document == NULL || !trellis_charts_page_get_report_options (get_charts_page (self), &options))
    return;
  options.key_comments_only = trellis_comments_view_get_key_comments_only (get_comments_view (self));
  project = trellis_document_get_project (self->document);
  base_name = dup_base_name (self);
  folder = dup_default_folder (self);
  if (g_str_equal (action_name, "win.export-pdf"))
    show_file_chooser (self, trellis_export_pack_chooser_new (GTK_WINDOW (self), project, &options, folder,
                                                              base_name, export_done_cb, self));
  else
    show_file_chooser (self, trellis_export_charts_chooser_new (GTK_WINDOW (self), project, &options, folder,
                                                                base_name, export_done_cb, self));
}

/* win.export-handoff::lss and its siblings: the checklist needs no round, only a
 * project. The paper size is the Charts view's. */
static void
export_handoff_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  static const char * const names[TRELLIS_HANDOFF_N_FORMATS] = {
    "questionnaire", "forms-text", "lss", "qualtrics-txt", "xlsform",
  };
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisReportOptions options;
  g_autofree char *base_name = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->document == NULL)
    return;
  if (!trellis_charts_page_get_report_options (get_charts_page (self), &options))
    trellis_report_options_init (&options);
  base_name = dup_base_name (self);
  folder = dup_default_folder (self);
  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    if (g_str_equal (name, names[f]))
      show_file_chooser (self, trellis_export_handoff_chooser_new (GTK_WINDOW (self),
                                                                   trellis_document_get_project (self->document),
                                                                   (TrellisHandoffFormat) f, &options, folder,
                                                                   base_name, export_done_cb, self));
}

static void
export_plan_done_cb (GFile        *written,
                     GPtrArray    *left_out,
                     const GError *error,
                     gpointer      user_data)
{
  TrellisWindow *self = user_data;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *primary = NULL;

  export_done_cb (written, error, self);
  if (written == NULL || left_out == NULL || left_out->len == 0)
    return;
  /* A calendar holds only dated actions: the others are named, not silently dropped. */
  for (guint i = 0; i < left_out->len; i++)
    {
      TrellisAction *action = g_ptr_array_index (left_out, i);
      const char *text = trellis_action_get_text (action);

      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", text != NULL ? text : trellis_action_get_id (action));
    }
  primary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Exported; %u action has no date a calendar can hold",
                                          "Exported; %u actions have no date a calendar can hold", left_out->len),
                             left_out->len);
  trellis_window_show_error (self, primary, names->str);
}

/* The plan's exports need no round: its PDF takes the charts' paper when there are any. */
static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisReportOptions options;
  TrellisExportPlanFormat format = TRELLIS_EXPORT_PLAN_PDF;
  g_autofree char *base_name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->document == NULL)
    return;
  if (!trellis_charts_page_get_report_options (get_charts_page (self), &options))
    trellis_report_options_init (&options);
  if (g_str_equal (action_name, "win.export-plan-csv"))
    format = TRELLIS_EXPORT_PLAN_CSV;
  else if (g_str_equal (action_name, "win.export-plan-ics"))
    format = TRELLIS_EXPORT_PLAN_ICS;
  base_name = dup_base_name (self);
  folder = dup_default_folder (self);
  show_file_chooser (self, trellis_export_plan_chooser_new (GTK_WINDOW (self), trellis_document_get_project (self->document),
                                                            &options, folder, base_name, format,
                                                            export_plan_done_cb, self));
}

/*****/

static void
close_confirmed_cb (TrellisWindow *self,
                    gpointer       data)
{
  self->close_confirmed = TRUE;
  /* Saved or discarded: nothing is left to recover. */
  if (self->recovery != NULL && self->document != NULL)
    trellis_recovery_discard (self->recovery, self->document);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_window_state (TrellisWindow *self)
{
  GSettings *settings = self->settings;
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
restore_window_state (TrellisWindow *self)
{
  GSettings *settings = self->settings;

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The charts' order, style and comparison are the facilitator's, kept between projects. */
static void
bind_chart_settings (TrellisWindow     *self,
                     TrellisChartsPage *charts)
{
  GSettings *settings = self->settings;

  if (settings == NULL)
    return;
  g_settings_bind (settings, "chart-compare", charts, "compare", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "chart-order", charts, "order", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "chart-style", charts, "style", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "pack-guidance", charts, "guidance", G_SETTINGS_BIND_DEFAULT);
}

/* A view not shown at start was just made: it gets what the others got at start, before
 * it is told the project. */
static void
view_built_cb (TrellisViewSlot *slot,
               TrellisView     *view,
               TrellisWindow   *self)
{
  TrellisUndoStack *undo = self->document != NULL ? trellis_document_get_undo_stack (self->document) : NULL;

  if (TRELLIS_IS_CHARTS_PAGE (view))
    bind_chart_settings (self, TRELLIS_CHARTS_PAGE (view));
  else if (TRELLIS_IS_DESIGNER_VIEW (view))
    trellis_designer_view_set_document (TRELLIS_DESIGNER_VIEW (view), self->document);
  else if (TRELLIS_IS_PLAN_VIEW (view) && undo != NULL)
    trellis_plan_view_set_undo_stack (TRELLIS_PLAN_VIEW (view), undo);
  else if (TRELLIS_IS_COMMENTS_VIEW (view))
    {
      if (self->settings != NULL)
        g_settings_bind (self->settings, "pack-key-comments-only", view, "key-comments-only", G_SETTINGS_BIND_DEFAULT);
      if (undo != NULL)
        trellis_comments_view_set_undo_stack (TRELLIS_COMMENTS_VIEW (view), undo);
    }
}

static gboolean
trellis_window_close_request (GtkWindow *window)
{
  TrellisWindow *self = TRELLIS_WINDOW (window);

  if (!self->close_confirmed && self->document != NULL &&
      trellis_document_get_modified (self->document))
    {
      confirm_unsaved_then (self, TRUE, close_confirmed_cb, NULL, NULL);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (trellis_window_parent_class)->close_request (window);
}

/*****/

/* The view shown goes to the section chosen, unless it is where the choice came from. */
static void
section_row_selected_cb (TrellisWindow *self,
                         GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  g_set_object (&self->section, get_selected_section (self));
  if (!self->following_view)
    trellis_view_show_section (get_current_view (self), self->section);
  show_current_view (self);
}

/* A view that moves through the sections by itself (the charts, scrolled) moves the
 * sidebar along, so that the other views open at the section last looked at. */
static void
view_section_reached_cb (TrellisView   *view,
                         const char    *section_id,
                         TrellisWindow *self)
{
  TrellisSection *section;

  if (view != get_current_view (self) || self->document == NULL)
    return;
  section = trellis_checklist_find_section (trellis_project_get_checklist (trellis_document_get_project (self->document)),
                                            section_id);
  if (section == NULL || section == get_selected_section (self))
    return;
  self->following_view = TRUE;
  select_section_row (self, section);
  self->following_view = FALSE;
}

static void
round_selected_cb (TrellisWindow *self)
{
  update_summary (self);
  update_views (self);
  show_current_view (self);
}

/**
 * trellis_window_set_view:
 * @view: the name of a view in the window's stack: "responses", "statements", "charts",
 *   "plan" or "comments"
 *
 * Shows the selected section's answers or statements, or every section's chart.
 */
void
trellis_window_set_view (TrellisWindow *self,
                         const char    *view)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (view != NULL && TRELLIS_IS_VIEW (gtk_stack_get_child_by_name (self->view_stack, view)));

  if (g_strcmp0 (self->view, view) == 0)
    return;
  g_free (self->view);
  self->view = g_strdup (view);
  if (self->document != NULL)
    trellis_view_show_section (get_current_view (self), get_selected_section (self));
  show_current_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

const char *
trellis_window_get_view (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);
  return self->view;
}

static void
set_show_sidebar (TrellisWindow *self,
                  gboolean       show_sidebar)
{
  GtkWidget *focus;

  show_sidebar = !!show_sidebar;
  if (self->show_sidebar == show_sidebar)
    return;
  /* The focus must not stay in a sidebar that goes: it moves to the view. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (!show_sidebar && focus != NULL && gtk_widget_is_ancestor (focus, self->sidebar))
    gtk_widget_child_focus (GTK_WIDGET (self->view_stack), GTK_DIR_TAB_FORWARD);
  self->show_sidebar = show_sidebar;
  if (self->document != NULL)
    show_current_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
trellis_window_dispose (GObject *object)
{
  TrellisWindow *self = (TrellisWindow *) object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (trellis_document_get_project (self->document), self);
      g_signal_handlers_disconnect_by_data (trellis_document_get_undo_stack (self->document), self);
      /* Closed as the user asked, its copy goes; taken down without asking (the
       * session ending, say), its unsaved changes are offered at the next start. */
      if (self->recovery != NULL && (self->close_confirmed || !trellis_document_get_modified (self->document)))
        trellis_recovery_discard (self->recovery, self->document);
      else if (self->recovery != NULL)
        trellis_recovery_unwatch (self->recovery, self->document);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->recovery);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->summary, trellis_summary_unref);
  g_clear_object (&self->section);
  g_clear_weak_pointer (&self->import_assistant);

  /* Taking the template apart changes the round chooser and the views: nothing to
   * follow any more. */
  g_signal_handlers_disconnect_by_data (self->round_dropdown, self);
  g_signal_handlers_disconnect_by_data (self->section_list, self);
  g_signal_handlers_disconnect_by_data (self->banner, self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_signal_handlers_disconnect_by_data (child, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_WINDOW);

  G_OBJECT_CLASS (trellis_window_parent_class)->dispose (object);
}

static void
trellis_window_finalize (GObject *object)
{
  TrellisWindow *self = (TrellisWindow *) object;

  g_free (self->view);

  G_OBJECT_CLASS (trellis_window_parent_class)->finalize (object);
}

static void
trellis_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, trellis_window_get_busy (self));
      break;
    case PROP_VIEW:
      g_value_set_string (value, trellis_window_get_view (self));
      break;
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      trellis_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_VIEW:
      trellis_window_set_view (self, g_value_get_string (value));
      break;
    case PROP_SHOW_SIDEBAR:
      set_show_sidebar (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "Add to improvement plan" on a statement, from the charts or the responses: an action
 * linked to it in the plan view, the cursor in its key action. */
static void
add_to_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisChecklist *checklist;
  TrellisStatement *statement;

  if (self->document == NULL)
    return;
  checklist = trellis_project_get_checklist (trellis_document_get_project (self->document));
  statement = trellis_checklist_find_statement (checklist, g_variant_get_string (parameter, NULL));
  if (statement == NULL)
    return;
  trellis_window_set_view (self, "plan");
  trellis_plan_view_add_for_statement (get_plan_view (self), statement);
}

static void
trellis_window_class_init (TrellisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trellis_window_dispose;
  object_class->finalize = trellis_window_finalize;
  object_class->get_property = trellis_window_get_property;
  object_class->set_property = trellis_window_set_property;
  window_class->close_request = trellis_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TRELLIS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisWindow:view:
   *
   * What the main pane shows: "responses", "statements" or "charts".
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "responses",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisWindow:show-sidebar:
   *
   * Whether the sections sidebar is shown beside the views that have it (F9).
   */
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRELLIS_TYPE_BANNER);
  g_type_ensure (TRELLIS_TYPE_STATUS_PAGE);
  /* The views */
  g_type_ensure (TRELLIS_TYPE_RESPONSES_VIEW);
  g_type_ensure (TRELLIS_TYPE_DESIGNER_VIEW);
  g_type_ensure (TRELLIS_TYPE_CHARTS_PAGE);
  g_type_ensure (TRELLIS_TYPE_PLAN_VIEW);
  g_type_ensure (TRELLIS_TYPE_COMMENTS_VIEW);
  g_type_ensure (TRELLIS_TYPE_VIEW_SLOT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, checklist_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, section_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, charts_slot);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, designer_slot);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, plan_slot);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, comments_slot);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, edit_menu);

  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-charts", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan-csv", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan-ics", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan-pdf", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-handoff", "s", export_handoff_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-plan", "s", add_to_plan_action);
}

static void
drop_open (GFile    *project,
           gpointer  user_data)
{
  request_open (TRELLIS_WINDOW (user_data), project);
}

static void
drop_import (GFile    **exports,
             guint      n_exports,
             gpointer   user_data)
{
  trellis_window_import (TRELLIS_WINDOW (user_data), exports, n_exports);
}

/* GTK 4.8's list box moves from row to row on Tab as on Down, choosing each section on
 * the way: Tab through the sidebar would show every section in turn. Tab leaves the list
 * instead, as it leaves any other control; Up and Down still choose. */
static gboolean
section_list_key_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     TrellisWindow         *self)
{
  GtkDirectionType direction;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return GDK_EVENT_PROPAGATE;

  /* Unfocusable for a moment, the list is passed over: the focus goes to what is before
   * or after it in the window. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->section_list), FALSE);
  gtk_widget_child_focus (GTK_WIDGET (self), direction);
  gtk_widget_set_can_focus (GTK_WIDGET (self->section_list), TRUE);
  return GDK_EVENT_STOP;
}

static void
add_section_list_tab (TrellisWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (section_list_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->section_list), keys);
}

static void
trellis_window_init (TrellisWindow *self)
{
  g_autoptr(GtkExpression) round_name = NULL;

  /* Every view's style sheet, in the order the views were once all built in, whether the
   * view is built yet or not: one view's rules reach another's widgets (the designer's
   * .statement-number is the Responses table's too), and a view built later must not
   * change how the others look. */
  trellis_style_add_resource ("/org/trellisapp/Trellis/ui/trellis-designer.css");
  trellis_style_add_resource ("/org/trellisapp/Trellis/ui/trellis-plan-view.css");
  trellis_style_add_resource ("/org/trellisapp/Trellis/ui/trellis-comments-view.css");

  /* Before the template: the view buttons ask for the state of win.view as they appear. */
  self->view = g_strdup ("responses");
  self->show_sidebar = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 leaves the drop-down's button (its first CSS node) nameless, and that is
   * what takes the focus: name it so a screen reader says what it chooses. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->round_dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Survey round"),
                                  -1);
  trellis_accessible_name_internals (GTK_WIDGET (self));

  round_name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (round_display_name), NULL, NULL);
  gtk_drop_down_set_expression (self->round_dropdown, round_name);
  g_signal_connect_swapped (self->round_dropdown, "notify::selected",
                            G_CALLBACK (round_selected_cb), self);
  g_signal_connect_swapped (self->banner, "recover", G_CALLBACK (recover_cb), self);
  g_signal_connect_swapped (self->section_list, "row-selected",
                            G_CALLBACK (section_row_selected_cb), self);
  add_section_list_tab (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TRELLIS_IS_VIEW (child))
      g_signal_connect (child, "section-reached", G_CALLBACK (view_section_reached_cb), self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TRELLIS_IS_VIEW_SLOT (child))
      g_signal_connect (child, "built", G_CALLBACK (view_built_cb), self);
  update_output_actions (self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
  update_title (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions, G_N_ELEMENTS (window_actions), self);
  update_edit_actions (self);
  gtk_widget_add_controller (GTK_WIDGET (self), trellis_file_drop_new (drop_open, drop_import, self));
}

/**
 * trellis_window_new:
 * @application: (nullable): the application; %NULL in tests
 * @settings: (nullable): where the window's size and the charts' options are kept, or
 *   %NULL to keep them nowhere
 * @recovery: (nullable): where recovery copies of unsaved changes go, or %NULL for none
 *
 * Everything the window needs from the application comes in here: it never reaches
 * back for it.
 *
 * Returns: (transfer full): a window showing no project, sized as it was last time
 */
TrellisWindow *
trellis_window_new (GtkApplication  *application,
                    GSettings       *settings,
                    TrellisRecovery *recovery)
{
  TrellisWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (recovery == NULL || TRELLIS_IS_RECOVERY (recovery), NULL);

  self = g_object_new (TRELLIS_TYPE_WINDOW, "application", application, NULL);
  g_set_object (&self->settings, settings);
  g_set_object (&self->recovery, recovery);
  restore_window_state (self);
  /* The charts' and the comments' settings are bound as those views are built. */
  if (settings != NULL)
    g_settings_bind (settings, "show-sidebar", self, "show-sidebar", G_SETTINGS_BIND_DEFAULT);
  return self;
}

/**
 * trellis_window_get_document:
 *
 * Returns: (transfer none) (nullable): the open document
 */
TrellisDocument *
trellis_window_get_document (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);
  return self->document;
}

/* Lets go of the document shown, which another replaces. */
static void
let_go_of_document (TrellisWindow *self)
{
  TrellisUndoStack *stack = trellis_document_get_undo_stack (self->document);

  g_signal_handlers_disconnect_by_data (self->document, self);
  g_signal_handlers_disconnect_by_data (trellis_document_get_project (self->document), self);
  g_signal_handlers_disconnect_by_data (stack, self);
  /* Edits of the project shown before are not this project's to undo. */
  trellis_undo_stack_clear (stack);
  /* Replaced once its changes were saved or discarded: no copy to keep. */
  if (self->recovery != NULL)
    trellis_recovery_discard (self->recovery, self->document);
}

/* The title follows the document, the views its project, the menu its undo stack. */
static void
follow_document (TrellisWindow *self)
{
  TrellisDocument *document = self->document;
  TrellisView *plan = trellis_view_slot_peek_view (self->plan_slot);
  TrellisView *comments = trellis_view_slot_peek_view (self->comments_slot);

  /* Views not built yet get it when they are (view_built_cb()). */
  if (plan != NULL)
    trellis_plan_view_set_undo_stack (TRELLIS_PLAN_VIEW (plan), trellis_document_get_undo_stack (document));
  if (comments != NULL)
    trellis_comments_view_set_undo_stack (TRELLIS_COMMENTS_VIEW (comments), trellis_document_get_undo_stack (document));
  if (self->recovery != NULL)
    trellis_recovery_watch (self->recovery, document, NULL);
  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (document, "notify::file", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (document, "notify::is-sample", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (document, "notify::changed-on-disk", G_CALLBACK (changed_on_disk_cb), self);
  g_signal_connect_swapped (trellis_document_get_project (document), "changed",
                            G_CALLBACK (project_changed_cb), self);
  g_signal_connect_swapped (trellis_document_get_undo_stack (document), "notify",
                            G_CALLBACK (update_edit_actions), self);
}

/* A project just opened: its sections in the sidebar, its latest round's answers, and
 * its first section in the view. */
static void
show_project (TrellisWindow  *self,
              TrellisProject *project)
{
  gtk_list_box_bind_model (self->section_list,
                           trellis_checklist_get_sections (trellis_project_get_checklist (project)),
                           create_section_row, self, NULL);
  /* The summary and views below are built once, for the latest round; choosing the
   * round here would build them for the first round and then for the latest too. */
  g_signal_handlers_block_by_func (self->round_dropdown, round_selected_cb, self);
  gtk_drop_down_set_model (self->round_dropdown, trellis_project_get_rounds (project));
  select_latest_round (self, project);
  g_signal_handlers_unblock_by_func (self->round_dropdown, round_selected_cb, self);

  /* A facilitator opening results wants the results (as charts if that is what they
   * were looking at); a project without any gets the same view, which then says how to
   * import them. */
  if (!showing_charts (self))
    trellis_window_set_view (self, "responses");
  gtk_widget_set_visible (self->view_switcher, TRUE);
  /* The views have the new project before the first section is shown in them. */
  update_title (self);
  update_sidebar (self);
  trellis_timing_mark ("sidebar-built");
  update_summary (self);
  trellis_timing_mark ("summary-computed");
  update_views (self);
  trellis_timing_mark ("views-updated");
  gtk_list_box_select_row (self->section_list,
                           gtk_list_box_get_row_at_index (self->section_list, 0));
  if (get_selected_section (self) == NULL)
    trellis_view_show_section (get_current_view (self), NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "project");
  show_current_view (self);
  show_read_only (self);
  trellis_timing_mark ("project-shown");
}

/* For screenshots and trying the assistant by hand (see trellis-debug.c). */
static void
debug_import (TrellisWindow *self)
{
  g_autoptr(GFile) file = trellis_debug_take_import_file ();

  if (file != NULL)
    trellis_window_import (self, &file, 1);
}

/**
 * trellis_window_set_document:
 * @document: (nullable): the document to show, or %NULL for none
 *
 * Shows @document at once, replacing the one shown, unsaved changes or not: callers that
 * replace a document the user edited go through trellis_window_open().
 */
void
trellis_window_set_document (TrellisWindow   *self,
                             TrellisDocument *document)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (document == NULL || TRELLIS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    let_go_of_document (self);
  if (self->import_assistant != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_assistant));
  g_set_object (&self->document, document);
  /* The designer edits through the document: its undo stack is the window's Undo. */
  if (trellis_view_slot_peek_view (self->designer_slot) != NULL)
    trellis_designer_view_set_document (TRELLIS_DESIGNER_VIEW (trellis_view_slot_peek_view (self->designer_slot)), document);
  g_clear_pointer (&self->summary, trellis_summary_unref);
  g_clear_object (&self->section);
  forget_sections (self);
  update_edit_actions (self);

  if (document == NULL)
    {
      gtk_list_box_bind_model (self->section_list, NULL, NULL, NULL, NULL);
      gtk_drop_down_set_model (self->round_dropdown, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      gtk_widget_set_visible (self->view_switcher, FALSE);
      update_views (self);
      refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
      return;
    }

  follow_document (self);
  show_project (self, trellis_document_get_project (document));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);

  trellis_debug_report_when_painted (GTK_WIDGET (self), document);
  debug_import (self);
}

/**
 * trellis_window_get_busy:
 *
 * Returns: whether a project is being opened
 */
gboolean
trellis_window_get_busy (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

/**
 * trellis_window_open:
 *
 * Opens @file in this window, asking first what to do with unsaved changes. Failure to
 * read it is shown in the window; the project shown stays.
 */
void
trellis_window_open (TrellisWindow *self,
                     GFile         *file)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  confirm_unsaved_then (self, FALSE, open_confirmed, g_object_ref (file), g_object_unref);
}

/**
 * trellis_window_open_sample:
 * @sample: the bundled sample project
 *
 * Opens @sample as an unsaved copy: Save asks where to keep it, so the installed file is
 * never written.
 */
void
trellis_window_open_sample (TrellisWindow *self,
                            GFile         *sample)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (sample));

  confirm_unsaved_then (self, FALSE, open_sample_confirmed, g_object_ref (sample), g_object_unref);
}

/**
 * trellis_window_choose_and_open:
 *
 * Asks which project to open, then opens it.
 */
void
trellis_window_choose_and_open (TrellisWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  add_project_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (open_chooser_response_cb), self);
  show_file_chooser (self, chooser);
}

/**
 * trellis_window_save:
 *
 * Saves the project where it came from, or asks where when it has no file yet.
 */
void
trellis_window_save (TrellisWindow *self)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  save_then (self, continuation_new (self, do_nothing, NULL, NULL));
}

/**
 * trellis_window_save_as:
 *
 * Asks where to save the project, then saves it there; the window then shows that file.
 */
void
trellis_window_save_as (TrellisWindow *self)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  if (self->document == NULL)
    return;
  choose_file_then_save (self, continuation_new (self, do_nothing, NULL, NULL));
}

/**
 * trellis_window_select_round:
 * @round: a round of the shown project
 *
 * Shows @round's answers.
 */
void
trellis_window_select_round (TrellisWindow *self,
                             TrellisRound  *round)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (TRELLIS_IS_ROUND (round));

  if (self->document == NULL)
    return;
  choose_round (self, round);
  /* Its answers, as charts if that is what the window shows. */
  if (!showing_charts (self))
    trellis_window_set_view (self, "responses");
}

static void
assistant_imported_cb (TrellisWindow *self,
                       TrellisRound  *round)
{
  trellis_window_select_round (self, round);
}

/**
 * trellis_window_import:
 * @files: (array length=n_files) (nullable): survey exports to read at once
 *
 * Opens the import assistant for the shown project, or brings it back if it is open,
 * and gives it @files. The new round is shown once imported.
 *
 * Returns: (transfer none) (nullable): the assistant, or %NULL when no project is shown
 */
TrellisImportAssistant *
trellis_window_import (TrellisWindow  *self,
                       GFile         **files,
                       guint           n_files)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  if (self->document == NULL)
    {
      trellis_window_show_error (self, _("Open a project first"),
                                 _("Survey responses are imported into a project: open the partnership’s "
                                   "project, or explore the sample, then import."));
      return NULL;
    }
  if (trellis_checklist_get_n_scales (trellis_project_get_checklist (trellis_document_get_project (self->document))) == 0)
    {
      trellis_window_show_error (self, _("This checklist has no answer scale"),
                                 _("Survey answers are read on the checklist’s scale, such as Strongly "
                                   "disagree to Strongly agree; this project’s checklist has none."));
      return NULL;
    }
  if (self->import_assistant == NULL)
    {
      g_set_weak_pointer (&self->import_assistant,
                          trellis_import_assistant_new (GTK_WINDOW (self), self->document));
      g_signal_connect_object (self->import_assistant, "imported",
                               G_CALLBACK (assistant_imported_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->import_assistant));
  if (n_files > 0)
    trellis_import_assistant_add_files (self->import_assistant, files, n_files);
  return self->import_assistant;
}

/**
 * trellis_window_offer_recovery:
 *
 * Offers, in the banner, to recover the unsaved changes a Trellis that did not close
 * cleanly left recovery copies of, one after the other.
 *
 * Returns: whether there were any
 */
gboolean
trellis_window_offer_recovery (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);

  if (self->recovery == NULL)
    return FALSE;
  return trellis_banner_offer_recovery (self->banner, self->recovery);
}
