/* trellis-designer-scale-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-designer-scale-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-designer-scale-dialog.h"

/* The answer scale as one form: how many points, each point's label, whether Not
 * applicable and Don't know are offered. Apply makes it one edit of the document; a
 * scale that a round has answered keeps its number of points. */

struct _TrellisDesignerScaleDialog
{
  GtkWindow        parent_instance;

  TrellisDocument *document;
  TrellisScale    *scale;
  GPtrArray       *entries;   /* GtkEntry*, one per point */

  GtkSpinButton   *points_spin;
  GtkLabel        *answered_label;
  GtkBox          *points_box;
  GtkCheckButton  *na_check;
  GtkCheckButton  *dk_check;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (TrellisDesignerScaleDialog, trellis_designer_scale_dialog, GTK_TYPE_WINDOW)

/* One entry per point; the labels typed so far stay when the number of points changes. */
static void
rebuild_entries (TrellisDesignerScaleDialog *self)
{
  guint n = (guint) gtk_spin_button_get_value_as_int (self->points_spin);

  while (self->entries->len > n)
    {
      GtkWidget *entry = g_ptr_array_index (self->entries, self->entries->len - 1);
      gtk_box_remove (self->points_box, entry);
      g_ptr_array_remove_index (self->entries, self->entries->len - 1);
    }
  while (self->entries->len < n)
    {
      guint point = self->entries->len + 1;
      GtkWidget *entry = gtk_entry_new ();
      /* Translators: the name of the field holding the label of point 3 of the scale */
      g_autofree char *name = g_strdup_printf (_("Label of point %u"), point);
      g_autofree char *number = g_strdup_printf ("%u", point);

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), number);
      if (point <= trellis_scale_get_n_points (self->scale))
        gtk_editable_set_text (GTK_EDITABLE (entry), trellis_scale_get_point_label (self->scale, point));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_box_append (self->points_box, entry);
      g_ptr_array_add (self->entries, entry);
    }
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrellisDesignerScaleDialog *self = TRELLIS_DESIGNER_SCALE_DIALOG (widget);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->entries, i))));
  labels = g_strv_builder_end (builder);
  if (!trellis_checklist_edit_set_scale (trellis_document_get_undo_stack (self->document),
                                         trellis_document_get_project (self->document), self->scale,
                                         self->entries->len, (const char * const *) labels,
                                         gtk_check_button_get_active (self->na_check),
                                         gtk_check_button_get_active (self->dk_check), &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
trellis_designer_scale_dialog_dispose (GObject *object)
{
  TrellisDesignerScaleDialog *self = (TrellisDesignerScaleDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_DESIGNER_SCALE_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->scale);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_designer_scale_dialog_parent_class)->dispose (object);
}

static void
trellis_designer_scale_dialog_class_init (TrellisDesignerScaleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_designer_scale_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-designer-scale-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerScaleDialog, points_spin);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerScaleDialog, answered_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerScaleDialog, points_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerScaleDialog, na_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerScaleDialog, dk_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerScaleDialog, error_label);
  gtk_widget_class_install_action (widget_class, "scale.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_designer_scale_dialog_init (TrellisDesignerScaleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new ();
}

/**
 * trellis_designer_scale_dialog_new:
 * @scale: the scale of @document's checklist to edit
 *
 * Returns: (transfer none): a new dialog; it destroys itself when closed
 */
GtkWindow *
trellis_designer_scale_dialog_new (TrellisDocument *document,
                                   TrellisScale    *scale)
{
  TrellisDesignerScaleDialog *self;
  gboolean answered;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TRELLIS_IS_SCALE (scale), NULL);

  self = g_object_new (TRELLIS_TYPE_DESIGNER_SCALE_DIALOG, NULL);
  self->document = g_object_ref (document);
  self->scale = g_object_ref (scale);
  answered = trellis_checklist_edit_scale_is_answered (trellis_document_get_project (document), scale);

  gtk_spin_button_set_value (self->points_spin, trellis_scale_get_n_points (scale));
  gtk_widget_set_sensitive (GTK_WIDGET (self->points_spin), !answered);
  if (answered)
    {
      g_autofree char *why =
        g_strdup_printf (ngettext ("A round holds answers on this scale’s %u point, so their number stays.",
                                   "A round holds answers on this scale’s %u points, so their number stays.",
                                   trellis_scale_get_n_points (scale)),
                         trellis_scale_get_n_points (scale));
      gtk_label_set_label (self->answered_label, why);
      gtk_widget_set_visible (GTK_WIDGET (self->answered_label), TRUE);
    }
  gtk_check_button_set_active (self->na_check, trellis_scale_get_allow_na (scale));
  gtk_check_button_set_active (self->dk_check, trellis_scale_get_allow_dk (scale));
  rebuild_entries (self);
  g_signal_connect_object (self->points_spin, "value-changed", G_CALLBACK (rebuild_entries), self, G_CONNECT_SWAPPED);
  return GTK_WINDOW (self);
}
