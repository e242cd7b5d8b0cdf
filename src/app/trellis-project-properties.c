/* trellis-project-properties.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-project-properties"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-project-properties.h"

/* Changes apply as they are made, each one a step of the window's undo: typing in one
 * field is one step, closed when the field loses the focus (trellis_undo_stack_seal()).
 * Ctrl+Z here undoes through the same stack, not the field's own undo, so that what is
 * undone here is undone in the project. The fields follow the model, so they show what
 * undo and redo did. */

typedef enum
{
  FIELD_NAME,
  FIELD_DESCRIPTION,
  FIELD_TITLE,
  FIELD_MIN_GROUP_SIZE,
  N_FIELDS
} Field;

static const struct
{
  const char *property;
  gboolean    of_checklist;
  const char *undo_label;
} fields[N_FIELDS] = {
  [FIELD_NAME] = { "name", FALSE, N_("Rename Partnership") },
  [FIELD_DESCRIPTION] = { "description", FALSE, N_("Edit Partnership Description") },
  [FIELD_TITLE] = { "title", TRUE, N_("Rename Checklist") },
  [FIELD_MIN_GROUP_SIZE] = { "min-group-size", FALSE, N_("Change Smallest Group Shown") },
};

struct _TrellisProjectProperties
{
  GtkWindow         parent_instance;

  TrellisProject   *project;
  TrellisChecklist *checklist;
  TrellisUndoStack *undo_stack;
  gboolean          showing;      /* the fields are being set from the model */

  GtkEntry         *name_entry;
  GtkTextView      *description_view;
  GtkEntry         *title_entry;
  GtkSpinButton    *group_size_spin;
};

G_DEFINE_FINAL_TYPE (TrellisProjectProperties, trellis_project_properties, GTK_TYPE_WINDOW)

static GObject *
field_object (TrellisProjectProperties *self,
              Field                     field)
{
  return fields[field].of_checklist ? G_OBJECT (self->checklist) : G_OBJECT (self->project);
}

static GtkTextBuffer *
get_description_buffer (TrellisProjectProperties *self)
{
  return gtk_text_view_get_buffer (self->description_view);
}

/* Sets the model from a field: one edit, joined to the field's open one. */
static void
apply_field (TrellisProjectProperties *self,
             Field                     field,
             const GValue             *value)
{
  GObject *object = field_object (self, field);
  g_auto(GValue) old_value = G_VALUE_INIT;

  if (self->showing)
    return;
  g_value_init (&old_value, G_VALUE_TYPE (value));
  g_object_get_property (object, fields[field].property, &old_value);
  g_object_set_property (object, fields[field].property, value);
  trellis_undo_stack_push_property (self->undo_stack, _(fields[field].undo_label), object,
                                    fields[field].property, &old_value);
}

static void
apply_text (TrellisProjectProperties *self,
            Field                     field,
            const char               *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  apply_field (self, field, &value);
}

static void
name_changed_cb (TrellisProjectProperties *self)
{
  apply_text (self, FIELD_NAME, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

static void
title_changed_cb (TrellisProjectProperties *self)
{
  apply_text (self, FIELD_TITLE, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
}

static void
description_changed_cb (TrellisProjectProperties *self)
{
  GtkTextBuffer *buffer = get_description_buffer (self);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apply_text (self, FIELD_DESCRIPTION, text);
}

static void
group_size_changed_cb (TrellisProjectProperties *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, (guint) gtk_spin_button_get_value_as_int (self->group_size_spin));
  apply_field (self, FIELD_MIN_GROUP_SIZE, &value);
}

/*****/

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  /* Only on a real difference: setting the text moves the cursor. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* Shows the model in the fields: when the dialog opens, and after undo or redo. */
static void
show_model (TrellisProjectProperties *self)
{
  GtkTextBuffer *buffer = get_description_buffer (self);
  const char *description = trellis_project_get_description (self->project);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  self->showing = TRUE;
  set_entry_text (self->name_entry, trellis_project_get_name (self->project));
  set_entry_text (self->title_entry, trellis_checklist_get_title (self->checklist));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (shown, description != NULL ? description : "") != 0)
    gtk_text_buffer_set_text (buffer, description != NULL ? description : "", -1);
  if (gtk_spin_button_get_value_as_int (self->group_size_spin) != (int) trellis_project_get_min_group_size (self->project))
    gtk_spin_button_set_value (self->group_size_spin, trellis_project_get_min_group_size (self->project));
  self->showing = FALSE;
}

static void
seal_cb (TrellisProjectProperties *self)
{
  /* Also called as the dialog goes away and its focus with it. */
  if (self->undo_stack != NULL)
    trellis_undo_stack_seal (self->undo_stack);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisProjectProperties *self = TRELLIS_PROJECT_PROPERTIES (widget);

  /* What was typed so far is one step: undo takes all of it back. */
  trellis_undo_stack_seal (self->undo_stack);
  if (g_str_equal (action_name, "properties.undo"))
    trellis_undo_stack_undo (self->undo_stack);
  else
    trellis_undo_stack_redo (self->undo_stack);
}

static void
watch_focus (TrellisProjectProperties *self,
             GtkWidget                *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (seal_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (field, focus);
}

/*****/

static void
trellis_project_properties_dispose (GObject *object)
{
  TrellisProjectProperties *self = (TrellisProjectProperties *) object;

  if (self->undo_stack != NULL)
    trellis_undo_stack_seal (self->undo_stack);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_data (self->checklist, self);
  g_clear_object (&self->project);
  g_clear_object (&self->checklist);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (trellis_project_properties_parent_class)->dispose (object);
}

static void
trellis_project_properties_class_init (TrellisProjectPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_project_properties_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-project-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisProjectProperties, name_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisProjectProperties, description_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisProjectProperties, title_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisProjectProperties, group_size_spin);

  gtk_widget_class_install_action (widget_class, "properties.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "properties.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "properties.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "properties.redo", NULL);
}

static void
trellis_project_properties_init (TrellisProjectProperties *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The stack's undo, not the text view's own (see the top of this file). */
  gtk_text_buffer_set_enable_undo (get_description_buffer (self), FALSE);
}

/**
 * trellis_project_properties_new:
 * @parent: (nullable): the project's window
 * @undo_stack: where each change is recorded
 *
 * Returns: (transfer none): a new dialog editing @project, owned by GTK's list of
 *   toplevels; present it
 */
TrellisProjectProperties *
trellis_project_properties_new (GtkWindow        *parent,
                                TrellisProject   *project,
                                TrellisUndoStack *undo_stack)
{
  TrellisProjectProperties *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (undo_stack), NULL);

  self = g_object_new (TRELLIS_TYPE_PROJECT_PROPERTIES, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->checklist = g_object_ref (trellis_project_get_checklist (project));
  self->undo_stack = g_object_ref (undo_stack);
  show_model (self);

  g_signal_connect_object (project, "notify", G_CALLBACK (show_model), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checklist, "notify::title", G_CALLBACK (show_model), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (get_description_buffer (self), "changed", G_CALLBACK (description_changed_cb), self);
  g_signal_connect_swapped (self->group_size_spin, "value-changed", G_CALLBACK (group_size_changed_cb), self);
  watch_focus (self, GTK_WIDGET (self->name_entry));
  watch_focus (self, GTK_WIDGET (self->title_entry));
  watch_focus (self, GTK_WIDGET (self->description_view));
  watch_focus (self, GTK_WIDGET (self->group_size_spin));
  return self;
}
