/* trellis-plan-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-plan-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-plan-cell.h"

/* A field edits one string property of the action it is bound to; not being edited, it
 * shows the text wrapped in a label, which focus swaps for the entry. Each change goes
 * through the document's undo stack, joined into one step until the field loses focus;
 * a change from elsewhere (undo, another view) shows in the field without being
 * recorded again. */
struct _TrellisPlanCell
{
  GtkWidget            parent_instance;

  char                *property;
  TrellisPlanCellKind  kind;
  TrellisAction       *action;
  TrellisUndoStack    *undo;
  GtkWidget           *editable;  /* the GtkEntry that takes the typing */
  GtkWidget           *reading;   /* long text, wrapped, while the entry is not in use */
  GtkWidget           *error_label;
  guint                swap_back_id;
  char                *error;
  gulong               notify_id;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (TrellisPlanCell, trellis_plan_cell, GTK_TYPE_WIDGET)

static char *
dup_action_text (TrellisPlanCell *self)
{
  char *text = NULL;

  g_object_get (self->action, self->property, &text, NULL);
  return text;
}

static char *
dup_field_text (TrellisPlanCell *self)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editable)));
}

/* Shows on the field, and tells assistive technology, why a timescale cannot be read. */
static void
check_timescale (TrellisPlanCell *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkEntry *entry;

  if (self->kind != TRELLIS_PLAN_CELL_TIMESCALE)
    return;
  entry = GTK_ENTRY (self->editable);
  text = dup_field_text (self);
  g_clear_pointer (&self->error, g_free);
  if (!trellis_timescale_parse (text, NULL, NULL, &error))
    self->error = g_strdup (error->message);

  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY,
                                     self->error != NULL ? "dialog-warning-symbolic" : NULL);
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, self->error);
  gtk_widget_set_tooltip_text (self->editable, self->error);
  gtk_label_set_text (GTK_LABEL (self->error_label), self->error != NULL ? self->error : "");
  gtk_widget_set_visible (self->error_label, self->error != NULL);
  if (self->error != NULL)
    {
      gtk_widget_add_css_class (self->editable, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->editable), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->editable), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->error, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->editable, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->editable), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->editable), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Long text runs past the field's end: its tooltip shows all of it. */
static void
show_whole_text (TrellisPlanCell *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->editable));

  if (self->kind != TRELLIS_PLAN_CELL_TEXT)
    return;
  gtk_widget_set_tooltip_text (self->editable, g_utf8_strlen (text, -1) > 24 ? text : NULL);
}

static void
show_reading_text (TrellisPlanCell *self,
                   const char      *text)
{
  if (self->reading != NULL)
    gtk_label_set_text (GTK_LABEL (self->reading), text != NULL ? text : "");
  /* An empty field can be styled apart: the projector's notes lose their rule. */
  if (text == NULL || *text == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self), "empty");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");
}

static void
show_action_text (TrellisPlanCell *self)
{
  g_autofree char *text = dup_action_text (self);
  g_autofree char *shown = dup_field_text (self);

  show_reading_text (self, text);
  if (g_strcmp0 (text != NULL ? text : "", shown) == 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->editable), text != NULL ? text : "");
  self->updating = FALSE;
  check_timescale (self);
  show_whole_text (self);
}

static void
on_field_changed (TrellisPlanCell *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->action == NULL)
    return;
  text = dup_field_text (self);
  self->updating = TRUE;
  trellis_plan_edit_set_string (self->action, self->undo, self->property, text);
  self->updating = FALSE;
  show_reading_text (self, text);
  check_timescale (self);
  show_whole_text (self);
}

static void
on_action_notify (TrellisPlanCell *self)
{
  if (!self->updating)
    show_action_text (self);
}

/* Long text reads as a wrapped label; the entry stands in for it while it has the
 * cursor. Both are measured at once, unlike a wrapping GtkTextView, so GTK 4.8's list
 * lays the row out in one go. */
static void
start_editing (TrellisPlanCell *self)
{
  if (self->reading == NULL || gtk_widget_get_visible (self->editable))
    return;
  g_clear_handle_id (&self->swap_back_id, g_source_remove);
  gtk_widget_set_visible (self->reading, FALSE);
  gtk_widget_set_visible (self->editable, TRUE);
}

static gboolean
focus_is_inside (TrellisPlanCell *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

/* Run once the focus has settled, so that the entry is not hidden while GTK is still
 * moving the focus out of it, nor when only the window or a popup took it. */
static gboolean
swap_back (gpointer data)
{
  TrellisPlanCell *self = data;

  self->swap_back_id = 0;
  if (self->reading == NULL || focus_is_inside (self))
    return G_SOURCE_REMOVE;
  gtk_widget_set_visible (self->editable, FALSE);
  gtk_widget_set_visible (self->reading, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_focus_leave (TrellisPlanCell *self)
{
  if (self->undo != NULL)
    trellis_undo_stack_seal (self->undo);
  /* Left, a long text shows from its start, not from where the typing ended. */
  gtk_editable_set_position (GTK_EDITABLE (self->editable), 0);
  if (self->reading != NULL && self->swap_back_id == 0)
    self->swap_back_id = g_idle_add (swap_back, self);
}

static void
on_reading_pressed (TrellisPlanCell *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
trellis_plan_cell_grab_focus (GtkWidget *widget)
{
  TrellisPlanCell *self = TRELLIS_PLAN_CELL (widget);

  start_editing (self);
  return gtk_widget_grab_focus (self->editable);
}

/* Tab into a field that shows its label gives the cursor to the entry in its place. */
static gboolean
trellis_plan_cell_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  TrellisPlanCell *self = TRELLIS_PLAN_CELL (widget);

  if (self->reading != NULL && !gtk_widget_get_visible (self->editable))
    return trellis_plan_cell_grab_focus (widget);
  return GTK_WIDGET_CLASS (trellis_plan_cell_parent_class)->focus (widget, direction);
}

/* In the projector's window the room reads all of the text, wrapped; elsewhere up to
 * five lines, all of it shown in the entry while it is edited. */
static void
trellis_plan_cell_root (GtkWidget *widget)
{
  TrellisPlanCell *self = TRELLIS_PLAN_CELL (widget);
  gboolean projector;
  GtkRoot *root;

  GTK_WIDGET_CLASS (trellis_plan_cell_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  projector = gtk_widget_has_css_class (GTK_WIDGET (root), "plan-projector");
  gtk_label_set_ellipsize (GTK_LABEL (self->reading), projector ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (self->reading), projector ? -1 : 5);
}

static void
trellis_plan_cell_dispose (GObject *object)
{
  TrellisPlanCell *self = TRELLIS_PLAN_CELL (object);

  trellis_plan_cell_unbind (self);
  g_clear_handle_id (&self->swap_back_id, g_source_remove);
  g_clear_pointer (&self->reading, gtk_widget_unparent);
  g_clear_pointer (&self->editable, gtk_widget_unparent);
  g_clear_pointer (&self->error_label, gtk_widget_unparent);

  G_OBJECT_CLASS (trellis_plan_cell_parent_class)->dispose (object);
}

static void
trellis_plan_cell_finalize (GObject *object)
{
  TrellisPlanCell *self = TRELLIS_PLAN_CELL (object);

  g_free (self->property);
  g_free (self->error);

  G_OBJECT_CLASS (trellis_plan_cell_parent_class)->finalize (object);
}

static void
trellis_plan_cell_class_init (TrellisPlanCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_plan_cell_dispose;
  object_class->finalize = trellis_plan_cell_finalize;

  widget_class->focus = trellis_plan_cell_focus;
  widget_class->grab_focus = trellis_plan_cell_grab_focus;
  widget_class->root = trellis_plan_cell_root;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "plancell");
}

static void
trellis_plan_cell_init (TrellisPlanCell *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

/* The entry is one line, long text scrolling inside it: GTK 4.8's list widgets
 * mishandle rows whose height changes after they are laid out, which a wrapping
 * GtkTextView does as it validates its lines in idle time. Long text reads wrapped in
 * a label while the entry is not in use; its tooltip shows all of it. */
static GtkWidget *
create_editable (TrellisPlanCell *self)
{
  GtkWidget *editable = gtk_entry_new ();

  gtk_widget_add_css_class (editable, self->kind == TRELLIS_PLAN_CELL_TEXT ? "plan-text" : "plan-line");
  g_signal_connect_swapped (editable, "changed", G_CALLBACK (on_field_changed), self);
  /* Undo is the document's, not the field's: Ctrl+Z goes to the window. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (editable), FALSE);
  gtk_widget_set_hexpand (editable, TRUE);
  return editable;
}

static GtkWidget *
create_reading (TrellisPlanCell *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 5);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "plan-reading");
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_reading_pressed), self);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

/**
 * trellis_plan_cell_new:
 * @property: the #TrellisAction string property the field edits
 * @accessible_name: what a screen reader calls the field
 *
 * Returns: (transfer floating): the field
 */
GtkWidget *
trellis_plan_cell_new (const char          *property,
                       TrellisPlanCellKind  kind,
                       const char          *accessible_name)
{
  TrellisPlanCell *self;
  GtkEventController *focus;

  g_return_val_if_fail (property != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_PLAN_CELL, NULL);
  self->property = g_strdup (property);
  self->kind = kind;
  self->editable = create_editable (self);
  self->reading = create_reading (self);
  gtk_widget_set_visible (self->editable, FALSE);
  gtk_widget_set_parent (self->editable, GTK_WIDGET (self));
  if (kind == TRELLIS_PLAN_CELL_TIMESCALE)
    {
      /* The reason is shown, not only hinted at by an icon. */
      self->error_label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 20);
      gtk_widget_add_css_class (self->error_label, "error");
      gtk_widget_add_css_class (self->error_label, "caption");
      gtk_widget_set_visible (self->error_label, FALSE);
      gtk_widget_set_parent (self->error_label, GTK_WIDGET (self));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editable), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  /* Read, not edited, the field is a label whose name is its text: a screen reader still
   * hears which field it is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reading), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  accessible_name, -1);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (self->editable, focus);
  return GTK_WIDGET (self);
}

/**
 * trellis_plan_cell_bind:
 * @undo: (nullable): where edits are recorded
 */
void
trellis_plan_cell_bind (TrellisPlanCell  *self,
                        TrellisAction    *action,
                        TrellisUndoStack *undo)
{
  g_autofree char *signal = NULL;

  g_return_if_fail (TRELLIS_IS_PLAN_CELL (self));
  g_return_if_fail (TRELLIS_IS_ACTION (action));

  trellis_plan_cell_unbind (self);
  self->action = g_object_ref (action);
  self->undo = undo != NULL ? g_object_ref (undo) : NULL;
  signal = g_strconcat ("notify::", self->property, NULL);
  self->notify_id = g_signal_connect_swapped (action, signal, G_CALLBACK (on_action_notify), self);
  show_action_text (self);
  check_timescale (self);
}

void
trellis_plan_cell_unbind (TrellisPlanCell *self)
{
  g_return_if_fail (TRELLIS_IS_PLAN_CELL (self));

  if (self->action == NULL)
    return;
  g_clear_signal_handler (&self->notify_id, self->action);
  g_clear_object (&self->action);
  g_clear_object (&self->undo);
}

/**
 * trellis_plan_cell_get_action:
 *
 * Returns: (transfer none) (nullable): the action the field edits now
 */
TrellisAction *
trellis_plan_cell_get_action (TrellisPlanCell *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN_CELL (self), NULL);
  return self->action;
}

const char *
trellis_plan_cell_get_property_name (TrellisPlanCell *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN_CELL (self), NULL);
  return self->property;
}

/**
 * trellis_plan_cell_get_editable:
 *
 * Returns: (transfer none): the entry or text view that takes the typing
 */
GtkWidget *
trellis_plan_cell_get_editable (TrellisPlanCell *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN_CELL (self), NULL);
  return self->editable;
}

/**
 * trellis_plan_cell_get_error:
 *
 * Returns: (nullable): why the timescale typed cannot be read, or %NULL
 */
const char *
trellis_plan_cell_get_error (TrellisPlanCell *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN_CELL (self), NULL);
  return self->error;
}

/**
 * trellis_plan_cell_set_reading_width:
 * @width: the width in pixels the text wraps to when not edited, or -1 for its own
 */
void
trellis_plan_cell_set_reading_width (TrellisPlanCell *self,
                                     int              width)
{
  g_return_if_fail (TRELLIS_IS_PLAN_CELL (self));

  gtk_widget_set_size_request (self->reading, MAX (width, -1), -1);
}

/**
 * trellis_plan_cell_set_completion:
 * @names: a one-column string model of the names already used in the plan
 *
 * Offers the names as the user types, so that one person is written one way.
 */
void
trellis_plan_cell_set_completion (TrellisPlanCell *self,
                                  GtkTreeModel    *names)
{
  g_autoptr(GtkEntryCompletion) completion = NULL;

  g_return_if_fail (TRELLIS_IS_PLAN_CELL (self));
  g_return_if_fail (GTK_IS_ENTRY (self->editable));

  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, names);
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_inline_completion (completion, FALSE);
  gtk_entry_set_completion (GTK_ENTRY (self->editable), completion);
}
