/* trellis-new-project-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-new-project-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-new-project-dialog.h"
#include "trellis-template.h"
#include "trellis-template-chooser.h"

/* The template a project starts from decides its statement ids for good: the dialog
 * names each built-in one with its title and what it covers, so that the coordinator
 * picks knowingly. A template file is read as soon as it is chosen, so a wrong file is
 * refused there, with the loader's message, before anything else happens. */

struct _TrellisNewProjectDialog
{
  GtkWindow             parent_instance;

  GFile                *template_file;     /* chosen and read without error */
  GtkFileChooserNative *chooser;

  GtkEntry             *name_entry;
  GtkBox               *template_box;
  GtkCheckButton       *file_check;
  GtkLabel             *file_label;
  GtkLabel             *error_label;
  GtkWidget            *create_button;
};

G_DEFINE_FINAL_TYPE (TrellisNewProjectDialog, trellis_new_project_dialog, GTK_TYPE_WINDOW)

enum {
  PROJECT_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define TEMPLATE_ID_KEY "trellis-template-id"

/* The id of the built-in template chosen, or NULL when the file (or nothing) is. */
static const char *
get_chosen_template_id (TrellisNewProjectDialog *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->template_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      return g_object_get_data (G_OBJECT (child), TEMPLATE_ID_KEY);
  return NULL;
}

static gboolean
get_name_given (TrellisNewProjectDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  return *name != '\0';
}

static void
update_create_button (TrellisNewProjectDialog *self)
{
  gboolean template_ready = get_chosen_template_id (self) != NULL ||
                            (gtk_check_button_get_active (self->file_check) && self->template_file != NULL);

  gtk_widget_set_sensitive (self->create_button, template_ready && get_name_given (self));
}

static void
show_error (TrellisNewProjectDialog *self,
            const char              *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
create_clicked_cb (TrellisNewProjectDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  const char *template_id = get_chosen_template_id (self);
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_sensitive (self->create_button))
    return;
  if (template_id != NULL)
    project = trellis_project_new_from_template (template_id, name, &error);
  else if (self->template_file != NULL)
    project = trellis_project_new_from_template_file (self->template_file, name, NULL, &error);
  if (project == NULL)
    {
      show_error (self, error != NULL ? error->message : _("Choose a template to start from."));
      return;
    }

  g_signal_emit (self, signals[PROJECT_CREATED], 0, project);
  gtk_window_destroy (GTK_WINDOW (self));
}

/*****/

static void
set_template_file_label (TrellisNewProjectDialog *self,
                         GFile                   *file,
                         TrellisTemplate         *template)
{
  g_autofree char *name = trellis_file_dup_display_basename (file);
  /* TRANSLATORS: the template file chosen: its title, then the file's name */
  g_autofree char *label = g_strdup_printf (_("%s (%s)"), trellis_template_get_title (template), name);

  gtk_label_set_label (self->file_label, label);
  gtk_widget_remove_css_class (GTK_WIDGET (self->file_label), "dim-label");
}

/**
 * trellis_new_project_dialog_set_template_file:
 * @file: a template file
 *
 * Reads @file and chooses it when it is a template; when it is not, says why and
 * chooses nothing. What Choose File… does once a file is chosen.
 */
void
trellis_new_project_dialog_set_template_file (TrellisNewProjectDialog *self,
                                              GFile                   *file)
{
  g_autoptr(TrellisTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRELLIS_IS_NEW_PROJECT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  template = trellis_template_load_file (file, NULL, &error);
  if (template == NULL)
    {
      g_clear_object (&self->template_file);
      gtk_label_set_label (self->file_label, _("No file chosen"));
      gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "dim-label");
      show_error (self, error->message);
      update_create_button (self);
      return;
    }

  g_set_object (&self->template_file, file);
  set_template_file_label (self, file, template);
  show_error (self, NULL);
  gtk_check_button_set_active (self->file_check, TRUE);
  update_create_button (self);
}

static void
chooser_response_cb (TrellisNewProjectDialog *self,
                     int                      response,
                     GtkNativeDialog         *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    trellis_new_project_dialog_set_template_file (self, file);
}

static void
choose_file_clicked_cb (TrellisNewProjectDialog *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = trellis_template_open_chooser_new (GTK_WINDOW (self));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/*****/

static GtkWidget *
create_template_option (TrellisTemplate *template,
                        GtkCheckButton  *group)
{
  GtkWidget *button = g_object_new (GTK_TYPE_CHECK_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (trellis_template_get_title (template));
  const char *summary = trellis_template_get_summary (template);

  /* The text takes the whole width, so every option wraps alike. */
  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  if (summary != NULL)
    {
      GtkWidget *description = gtk_label_new (summary);

      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (description), 60);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_box_append (GTK_BOX (box), description);
    }
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  /* GTK 4.8 does not name a button after the labels inside it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, trellis_template_get_title (template),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary != NULL ? summary : "",
                                  -1);
  g_object_set_data_full (G_OBJECT (button), TEMPLATE_ID_KEY, g_strdup (trellis_template_get_id (template)),
                          g_free);
  return button;
}

/* The built-in templates, the flagship one first and chosen. */
static void
add_template_options (TrellisNewProjectDialog *self)
{
  g_autoptr(GListModel) templates = trellis_template_list_builtin ();
  guint n = g_list_model_get_n_items (templates);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TrellisTemplate) template = g_list_model_get_item (templates, i);
        gboolean flagship = g_str_equal (trellis_template_get_id (template), "is-ofpc");
        GtkWidget *button;

        if (flagship != (pass == 0))
          continue;
        button = create_template_option (template, self->file_check);
        gtk_box_append (self->template_box, button);
        if (flagship)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
        g_signal_connect_object (button, "toggled", G_CALLBACK (update_create_button), self, G_CONNECT_SWAPPED);
      }
}

/*****/

static void
trellis_new_project_dialog_dispose (GObject *object)
{
  TrellisNewProjectDialog *self = (TrellisNewProjectDialog *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->template_file);

  G_OBJECT_CLASS (trellis_new_project_dialog_parent_class)->dispose (object);
}

static void
trellis_new_project_dialog_class_init (TrellisNewProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_new_project_dialog_dispose;

  /**
   * TrellisNewProjectDialog::project-created:
   * @project: the new project, saved nowhere yet
   *
   * Emitted when the user pressed Create and the project was made; the dialog then
   * closes itself.
   */
  signals[PROJECT_CREATED] =
    g_signal_new ("project-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TRELLIS_TYPE_PROJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-new-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisNewProjectDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisNewProjectDialog, template_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisNewProjectDialog, file_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisNewProjectDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisNewProjectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisNewProjectDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, update_create_button);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_clicked_cb);
}

static void
trellis_new_project_dialog_init (TrellisNewProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_template_options (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
  update_create_button (self);
}

/**
 * trellis_new_project_dialog_new:
 * @parent: (nullable): the window the new project will open in
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels; present it
 */
TrellisNewProjectDialog *
trellis_new_project_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (TRELLIS_TYPE_NEW_PROJECT_DIALOG, "transient-for", parent, NULL);
}
