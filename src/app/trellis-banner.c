/* trellis-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bar for everything the window has to say that is not a dialog: a problem (until
 * dismissed or the next open or save succeeds), where an export went, and the unsaved
 * work a Trellis that did not close cleanly left, offered one copy at a time.
 */
#define G_LOG_DOMAIN "trellis-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-banner.h"
#include "trellis-format.h"

struct _TrellisBanner
{
  GtkWidget        parent_instance;

  GFile           *saved_file;
  TrellisRecovery *recovery;          /* NULL until recovery is offered */
  GPtrArray       *recovery_offers;   /* TrellisRecoveryEntry*: what is left to offer */

  GtkRevealer     *revealer;
  GtkImage        *icon;
  GtkLabel        *label;
  GtkWidget       *open_button;
  GtkWidget       *folder_button;
  GtkWidget       *recover_button;
  GtkWidget       *discard_button;
  GtkWidget       *reload_button;
  GtkWidget       *save_copy_button;
};

G_DEFINE_FINAL_TYPE (TrellisBanner, trellis_banner, GTK_TYPE_WIDGET)

enum {
  RECOVER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The banner, named for what it is about, with its icon and the buttons given (a list
 * ending in NULL) and no others. */
static void
reveal (TrellisBanner *self,
        const char    *name,
        const char    *icon_name,
        gboolean       success,
        GtkWidget     *button,
        ...)
{
  GtkWidget *bar = gtk_widget_get_parent (GTK_WIDGET (self->label));
  GtkWidget *buttons[] = {
    self->open_button, self->folder_button,
    self->recover_button, self->discard_button,
    self->reload_button, self->save_copy_button,
  };
  va_list args;

  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_image_set_from_icon_name (self->icon, icon_name);
  if (success)
    gtk_widget_add_css_class (bar, "success");
  else
    gtk_widget_remove_css_class (bar, "success");

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_set_visible (buttons[i], FALSE);
  va_start (args, button);
  for (; button != NULL; button = va_arg (args, GtkWidget *))
    gtk_widget_set_visible (button, TRUE);
  va_end (args);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

/* Unsaved work left by a Trellis that did not close cleanly, one at a time: the offer
 * stays until answered, coming back when a problem shown over it is dismissed. */
static void
show_recovery_offer (TrellisBanner *self)
{
  TrellisRecoveryEntry *entry = g_ptr_array_index (self->recovery_offers, 0);
  g_autofree char *text = g_strdup_printf (_("Trellis closed before “%s” was saved."), entry->name);

  gtk_label_set_text (self->label, text);
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);
  g_clear_object (&self->saved_file);
  reveal (self, _("Unsaved Changes"), "document-revert-symbolic", FALSE,
          self->recover_button, self->discard_button, NULL);
}

static gboolean
showing_recovery_offer (TrellisBanner *self)
{
  return gtk_revealer_get_reveal_child (self->revealer)
         && gtk_widget_get_visible (self->recover_button);
}

/* A folded banner stays out of the accessibility tree: an empty alert would confuse. */
static void
child_revealed_cb (TrellisBanner *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
show_uri (TrellisBanner *self,
          GFile         *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
open_saved_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisBanner *self = TRELLIS_BANNER (widget);

  if (self->saved_file != NULL)
    show_uri (self, self->saved_file);
}

static void
show_saved_folder_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TrellisBanner *self = TRELLIS_BANNER (widget);
  g_autoptr(GFile) folder = NULL;

  if (self->saved_file != NULL && (folder = g_file_get_parent (self->saved_file)) != NULL)
    show_uri (self, folder);
}

/* Dismissed, an offer of recovery waits for the next start; a problem gives way to
 * the offer it covered. */
static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrellisBanner *self = TRELLIS_BANNER (widget);

  if (showing_recovery_offer (self))
    g_ptr_array_set_size (self->recovery_offers, 0);
  trellis_banner_hide (self);
}

/* The offer shown goes to whoever opens it (the window, which asks about the changes
 * of the project it shows first). */
static void
recover_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrellisBanner *self = TRELLIS_BANNER (widget);
  g_autoptr(TrellisRecoveryEntry) entry = NULL;

  if (self->recovery_offers == NULL || self->recovery_offers->len == 0)
    return;
  entry = g_ptr_array_steal_index (self->recovery_offers, 0);
  trellis_banner_hide (self);
  g_signal_emit (self, signals[RECOVER], 0, entry);
}

static void
discard_recovery_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TrellisBanner *self = TRELLIS_BANNER (widget);
  g_autoptr(TrellisRecoveryEntry) entry = NULL;

  if (self->recovery == NULL || self->recovery_offers == NULL || self->recovery_offers->len == 0)
    return;
  entry = g_ptr_array_steal_index (self->recovery_offers, 0);
  trellis_recovery_discard_entry (self->recovery, entry);
  trellis_banner_hide (self);
}

static void
trellis_banner_dispose (GObject *object)
{
  TrellisBanner *self = (TrellisBanner *) object;

  g_signal_handlers_disconnect_by_data (self->revealer, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_BANNER);
  g_clear_object (&self->saved_file);
  g_clear_object (&self->recovery);
  g_clear_pointer (&self->recovery_offers, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_banner_parent_class)->dispose (object);
}

static void
trellis_banner_class_init (TrellisBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_banner_dispose;

  /**
   * TrellisBanner::recover:
   * @entry: (type gpointer): the #TrellisRecoveryEntry chosen, valid during the emission
   *
   * The user asked to recover the unsaved changes offered.
   */
  signals[RECOVER] =
    g_signal_new ("recover",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, label);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, open_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, folder_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, recover_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, discard_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, reload_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisBanner, save_copy_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "banner.dismiss", NULL, dismiss_action);
  gtk_widget_class_install_action (widget_class, "banner.open", NULL, open_saved_action);
  gtk_widget_class_install_action (widget_class, "banner.show-folder", NULL, show_saved_folder_action);
  gtk_widget_class_install_action (widget_class, "banner.recover", NULL, recover_action);
  gtk_widget_class_install_action (widget_class, "banner.discard-recovery", NULL, discard_recovery_action);
}

static void
trellis_banner_init (TrellisBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->revealer, "notify::child-revealed",
                            G_CALLBACK (child_revealed_cb), self);
}

/**
 * trellis_banner_show_error:
 * @primary: what went wrong, in a few words
 * @secondary: (nullable): the details, e.g. the loader's message
 *
 * Shows a problem until it is dismissed or trellis_banner_hide() is called.
 */
void
trellis_banner_show_error (TrellisBanner *self,
                           const char    *primary,
                           const char    *secondary)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (TRELLIS_IS_BANNER (self));
  g_return_if_fail (primary != NULL);

  if (secondary != NULL)
    markup = g_markup_printf_escaped ("<b>%s</b>\n%s", primary, secondary);
  else
    markup = g_markup_escape_text (primary, -1);
  gtk_label_set_markup (self->label, markup);
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_START);
  g_clear_object (&self->saved_file);
  reveal (self, _("Problem"), "dialog-warning-symbolic", FALSE, NULL);
}

/**
 * trellis_banner_show_file_problem:
 * @primary: what is wrong with the project file, in a few words
 * @secondary: (nullable): the details
 * @offer_reload: whether to offer reading the file again (it changed on disk)
 *
 * Says that the project cannot be saved over its file (changed on disk by someone else,
 * being changed elsewhere, or from a newer version), with a button to save a copy and,
 * if @offer_reload, one to reload the file.
 */
void
trellis_banner_show_file_problem (TrellisBanner *self,
                                  const char    *primary,
                                  const char    *secondary,
                                  gboolean       offer_reload)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (TRELLIS_IS_BANNER (self));
  g_return_if_fail (primary != NULL);

  if (secondary != NULL)
    markup = g_markup_printf_escaped ("<b>%s</b>\n%s", primary, secondary);
  else
    markup = g_markup_escape_text (primary, -1);
  gtk_label_set_markup (self->label, markup);
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);
  g_clear_object (&self->saved_file);
  reveal (self, _("Project File"), "dialog-warning-symbolic", FALSE,
          self->save_copy_button, offer_reload ? self->reload_button : NULL, NULL);
}

/**
 * trellis_banner_show_saved:
 * @file: what an export wrote
 * @is_folder: whether @file is a folder (of charts) rather than a file
 *
 * Says where an export went, with buttons to open it (the PDF, or the folder of
 * charts) and, for a file, the folder it is in.
 */
void
trellis_banner_show_saved (TrellisBanner *self,
                           GFile         *file,
                           gboolean       is_folder)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (TRELLIS_IS_BANNER (self));
  g_return_if_fail (G_IS_FILE (file));

  name = trellis_file_dup_display_basename (file);
  text = g_strdup_printf (_("Saved “%s”"), name);
  gtk_label_set_text (self->label, text);
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);
  gtk_button_set_label (GTK_BUTTON (self->open_button), is_folder ? _("Open Folder") : _("Open"));
  g_set_object (&self->saved_file, file);
  reveal (self, _("Saved"), "emblem-ok-symbolic", TRUE,
          self->open_button, is_folder ? NULL : self->folder_button, NULL);
}

/**
 * trellis_banner_offer_recovery:
 * @recovery: where the recovery copies are
 *
 * Offers to recover the unsaved changes a Trellis that did not close cleanly left
 * recovery copies of, one after the other. #TrellisBanner::recover says which to open.
 *
 * Returns: whether there were any
 */
gboolean
trellis_banner_offer_recovery (TrellisBanner   *self,
                               TrellisRecovery *recovery)
{
  g_return_val_if_fail (TRELLIS_IS_BANNER (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_RECOVERY (recovery), FALSE);

  g_set_object (&self->recovery, recovery);
  g_clear_pointer (&self->recovery_offers, g_ptr_array_unref);
  self->recovery_offers = trellis_recovery_list (recovery);
  if (self->recovery_offers->len == 0)
    return FALSE;
  show_recovery_offer (self);
  return TRUE;
}

/**
 * trellis_banner_hide:
 *
 * Folds the banner, or goes back to the offer of recovery a problem was shown over.
 */
void
trellis_banner_hide (TrellisBanner *self)
{
  g_return_if_fail (TRELLIS_IS_BANNER (self));

  if (self->recovery_offers != NULL && self->recovery_offers->len > 0)
    show_recovery_offer (self);
  else
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

/**
 * trellis_banner_get_text:
 *
 * Returns: (nullable): what the banner says, or %NULL when it is folded
 */
const char *
trellis_banner_get_text (TrellisBanner *self)
{
  g_return_val_if_fail (TRELLIS_IS_BANNER (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_text (self->label);
}
