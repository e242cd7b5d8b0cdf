/* trellis-designer-section-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-designer-section-row"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-designer-section-row.h"
#include "trellis-designer-view-private.h"

/* A section of the designer's outline: its title, editable in place; its statements in a
 * list of their own; cut and restore in one click; a menu with the section's moves. The
 * section is dragged by its handle and dropped above or below another section; a
 * statement dropped on the header goes first in the section, one dropped on the Add
 * Statement button last. */

struct _TrellisDesignerSectionRow
{
  GtkListBoxRow        parent_instance;

  TrellisDesignerView *view;      /* not a reference: the view outlives its rows */
  TrellisSection      *section;
  gboolean             updating_title;

  GtkWidget           *header_box;
  GtkWidget           *handle;
  GtkLabel            *code_label;
  GtkEntry            *title_entry;
  GtkLabel            *cut_label;
  GtkButton           *cut_button;
  GtkMenuButton       *menu_button;
  GtkListBox          *statements_list;
  GtkWidget           *add_button;
  GMenu               *section_menu;
};

G_DEFINE_FINAL_TYPE (TrellisDesignerSectionRow, trellis_designer_section_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TrellisChecklist *
get_checklist (TrellisDesignerSectionRow *self)
{
  return trellis_project_get_checklist (_trellis_designer_view_get_project (self->view));
}

static guint
get_index (TrellisDesignerSectionRow *self)
{
  guint position = 0;

  g_list_store_find (G_LIST_STORE (trellis_checklist_get_sections (get_checklist (self))),
                     self->section, &position);
  return position;
}

static void
update_labels (TrellisDesignerSectionRow *self)
{
  g_autofree char *label = trellis_section_dup_label (self->section);
  const char *code = trellis_section_get_code (self->section);
  gboolean cut = !trellis_section_get_included (self->section);

  g_autofree char *title_name = code != NULL
    /* Translators: the name of the field holding section B's title */
    ? g_strdup_printf (_("Title of section %s"), code)
    : g_strdup (_("Section title"));
  g_autofree char *list_name = code != NULL
    /* Translators: the list of section B's statements, as a screen reader names it */
    ? g_strdup_printf (_("Statements of section %s"), code)
    : g_strdup (_("Statements of the section"));

  gtk_label_set_label (self->code_label, code);
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), code != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->statements_list), GTK_ACCESSIBLE_PROPERTY_LABEL, list_name, -1);
  if (cut)
    {
      /* Translators: a section cut from the checklist, as a screen reader names it */
      g_autofree char *cut_label = g_strdup_printf (_("%s (cut)"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, cut_label, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_title (TrellisDesignerSectionRow *self)
{
  const char *title = trellis_section_get_title (self->section);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)), title != NULL ? title : "") != 0)
    {
      self->updating_title = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title != NULL ? title : "");
      self->updating_title = FALSE;
    }
  update_labels (self);
}

static void
update_cut (TrellisDesignerSectionRow *self)
{
  gboolean cut = !trellis_section_get_included (self->section);

  gtk_widget_set_visible (GTK_WIDGET (self->cut_label), cut);
  gtk_button_set_label (self->cut_button, cut ? _("Restore Section") : _("Cut Section"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cut_button),
                               cut ? _("Put the section and its statements back into the checklist")
                                   : _("Leave the whole section out of the survey, the charts and the pack"));
  if (cut)
    gtk_widget_add_css_class (GTK_WIDGET (self), "cut");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "cut");
  update_labels (self);
}

static void
section_notify_cb (TrellisDesignerSectionRow *self,
                   GParamSpec                *pspec)
{
  if (g_str_equal (pspec->name, "title"))
    update_title (self);
  else if (g_str_equal (pspec->name, "code"))
    update_labels (self);
  else if (g_str_equal (pspec->name, "included"))
    {
      update_cut (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUT]);
    }
}

static void
title_changed_cb (TrellisDesignerSectionRow *self)
{
  if (self->updating_title)
    return;
  trellis_checklist_edit_set_string (_trellis_designer_view_get_stack (self->view), _("Rename Section"),
                                     G_OBJECT (self->section), "title",
                                     gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
}

static void
title_focus_leave_cb (TrellisDesignerSectionRow *self)
{
  _trellis_designer_view_seal (self->view);
}

/* Made when first opened, as the statements' menus are. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  TrellisDesignerSectionRow *self = user_data;

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->section_menu));
}

static void
right_click_cb (TrellisDesignerSectionRow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_menu_button_popup (self->menu_button);
}

/* ---- Drag and drop ---- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource             *source,
                 double                     x,
                 double                     y,
                 TrellisDesignerSectionRow *self)
{
  return gdk_content_provider_new_typed (TRELLIS_TYPE_SECTION, self->section);
}

static void
drag_begin_cb (GtkDragSource             *source,
               GdkDrag                   *drag,
               TrellisDesignerSectionRow *self)
{
  g_autofree char *label = trellis_section_dup_label (self->section);
  GtkWidget *icon = gtk_label_new (label);

  gtk_label_set_ellipsize (GTK_LABEL (icon), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (icon), 50);
  gtk_widget_add_css_class (icon, "designer-drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), icon);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
  /* A drop moves the item in the model, which makes its row anew: this one must live
   * until the drag has ended. */
  g_object_ref (self);
}

static void
drag_end_cb (GtkDragSource             *source,
             GdkDrag                   *drag,
             gboolean                   deleted,
             TrellisDesignerSectionRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
  _trellis_designer_view_drag_ended (self->view);
  g_object_unref (self);
}

static GdkDragAction
section_motion_cb (GtkDropTarget             *target,
                   double                     x,
                   double                     y,
                   TrellisDesignerSectionRow *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  TrellisSection *dragged = value != NULL ? g_value_get_object (value) : NULL;

  if (dragged == self->section)
    {
      _trellis_designer_view_mark_drop (self->view, GTK_WIDGET (self), TRELLIS_DROP_NONE);
      return 0;
    }
  _trellis_designer_view_mark_drop (self->view, GTK_WIDGET (self),
                                    y < gtk_widget_get_height (GTK_WIDGET (self)) / 2.0
                                    ? TRELLIS_DROP_BEFORE : TRELLIS_DROP_AFTER);
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               GtkWidget     *widget)
{
  TrellisDesignerSectionRow *self =
    TRELLIS_DESIGNER_SECTION_ROW (gtk_widget_get_ancestor (widget, TRELLIS_TYPE_DESIGNER_SECTION_ROW));

  _trellis_designer_view_mark_drop (self->view, widget, TRELLIS_DROP_NONE);
}

static gboolean
section_drop_cb (GtkDropTarget             *target,
                 const GValue              *value,
                 double                     x,
                 double                     y,
                 TrellisDesignerSectionRow *self)
{
  TrellisSection *dragged = g_value_get_object (value);
  TrellisChecklist *checklist = get_checklist (self);
  guint from = 0, to = get_index (self);

  _trellis_designer_view_mark_drop (self->view, GTK_WIDGET (self), TRELLIS_DROP_NONE);
  if (dragged == self->section)
    return FALSE;
  g_list_store_find (G_LIST_STORE (trellis_checklist_get_sections (checklist)), dragged, &from);
  if (y >= gtk_widget_get_height (GTK_WIDGET (self)) / 2.0)
    to++;
  if (from < to)
    to--;
  trellis_checklist_edit_move_section (_trellis_designer_view_get_stack (self->view), checklist, dragged, to);
  _trellis_designer_view_focus_node (self->view, dragged, FALSE);
  return TRUE;
}

/* Statements dropped on the header go first; on the Add Statement button, last. */
static gboolean
statement_drop_is_last (TrellisDesignerSectionRow *self,
                        GtkDropTarget             *target)
{
  return gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)) == self->add_button;
}

static GdkDragAction
statement_motion_cb (GtkDropTarget             *target,
                     double                     x,
                     double                     y,
                     TrellisDesignerSectionRow *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autoptr(GError) error = NULL;
  gboolean last = statement_drop_is_last (self, target);

  if (value == NULL)
    return GDK_ACTION_MOVE;
  if (!trellis_checklist_edit_check_move (g_value_get_object (value), TRELLIS_NODE (self->section), &error))
    {
      _trellis_designer_view_mark_drop (self->view, widget, TRELLIS_DROP_REFUSED);
      _trellis_designer_view_show_error (self->view, error);
      return 0;
    }
  _trellis_designer_view_mark_drop (self->view, widget, last ? TRELLIS_DROP_BEFORE : TRELLIS_DROP_AFTER);
  return GDK_ACTION_MOVE;
}

static gboolean
statement_drop_cb (GtkDropTarget             *target,
                   const GValue              *value,
                   double                     x,
                   double                     y,
                   TrellisDesignerSectionRow *self)
{
  TrellisStatement *dragged = g_value_get_object (value);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autoptr(GError) error = NULL;

  _trellis_designer_view_mark_drop (self->view, widget, TRELLIS_DROP_NONE);
  if (!trellis_checklist_edit_check_move (dragged, TRELLIS_NODE (self->section), &error))
    {
      _trellis_designer_view_show_error (self->view, error);
      return FALSE;
    }
  _trellis_designer_view_drop_statement (self->view, dragged, TRELLIS_NODE (self->section),
                                         statement_drop_is_last (self, target)
                                         ? trellis_section_get_n_statements (self->section) : 0);
  return TRUE;
}

static void
add_drop_target (TrellisDesignerSectionRow *self,
                 GtkWidget                 *widget,
                 GType                      type)
{
  GtkDropTarget *target = gtk_drop_target_new (type, GDK_ACTION_MOVE);
  GCallback motion = type == TRELLIS_TYPE_SECTION ? G_CALLBACK (section_motion_cb) : G_CALLBACK (statement_motion_cb);

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", motion, self);
  g_signal_connect (target, "motion", motion, self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), widget);
  g_signal_connect (target, "drop",
                    type == TRELLIS_TYPE_SECTION ? G_CALLBACK (section_drop_cb) : G_CALLBACK (statement_drop_cb),
                    self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

static void
setup_drag_and_drop (TrellisDesignerSectionRow *self)
{
  GtkWidget *sources[] = { self->handle, GTK_WIDGET (self->code_label) };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      GtkDragSource *source = gtk_drag_source_new ();
      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
      g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
      gtk_widget_add_controller (sources[i], GTK_EVENT_CONTROLLER (source));
    }
  add_drop_target (self, GTK_WIDGET (self), TRELLIS_TYPE_SECTION);
  add_drop_target (self, self->header_box, TRELLIS_TYPE_STATEMENT);
  add_drop_target (self, self->add_button, TRELLIS_TYPE_STATEMENT);
}

/* ---- Actions ---- */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisDesignerSectionRow *self = TRELLIS_DESIGNER_SECTION_ROW (widget);
  TrellisDesignerView *view = self->view;
  TrellisSection *section = self->section;
  guint index = get_index (self);
  gboolean up = g_str_equal (action_name, "section.move-up");

  if (up ? index == 0 : index + 1 >= trellis_checklist_get_n_sections (get_checklist (self)))
    return;
  trellis_checklist_edit_move_section (_trellis_designer_view_get_stack (view), get_checklist (self),
                                       section, up ? index - 1 : index + 1);
  _trellis_designer_view_focus_node (view, section, FALSE);
}

static void
add_statement_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrellisDesignerSectionRow *self = TRELLIS_DESIGNER_SECTION_ROW (widget);
  guint n = trellis_section_get_n_statements (self->section);
  TrellisStatement *last = n > 0 ? trellis_section_get_statement (self->section, n - 1) : NULL;
  TrellisStatement *added;

  /* The comment box usually closes the section: a new statement goes above it. */
  if (last != NULL && trellis_statement_get_kind (last) == TRELLIS_STATEMENT_COMMENT)
    n--;
  added = trellis_checklist_edit_add_statement (_trellis_designer_view_get_stack (self->view), get_checklist (self),
                                                TRELLIS_NODE (self->section), n,
                                                TRELLIS_STATEMENT_RATING, NULL, NULL);
  _trellis_designer_view_focus_node (self->view, added, TRUE);
}

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisDesignerSectionRow *self = TRELLIS_DESIGNER_SECTION_ROW (widget);
  TrellisSection *added;

  added = trellis_checklist_edit_add_section (_trellis_designer_view_get_stack (self->view), get_checklist (self),
                                              get_index (self) + 1, NULL);
  _trellis_designer_view_focus_node (self->view, added, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisDesignerSectionRow *self = TRELLIS_DESIGNER_SECTION_ROW (widget);
  TrellisDesignerView *view = self->view;
  g_autoptr(GError) error = NULL;

  if (!trellis_checklist_edit_delete (_trellis_designer_view_get_stack (view), _trellis_designer_view_get_project (view),
                                      TRELLIS_NODE (self->section), &error))
    _trellis_designer_view_show_error (view, error);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_menu_button_popup (TRELLIS_DESIGNER_SECTION_ROW (widget)->menu_button);
}

/* ---- GObject ---- */

static void
trellis_designer_section_row_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  TrellisDesignerSectionRow *self = TRELLIS_DESIGNER_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_CUT:
      g_value_set_boolean (value, self->section != NULL && !trellis_section_get_included (self->section));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_designer_section_row_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  TrellisDesignerSectionRow *self = TRELLIS_DESIGNER_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_CUT:
      trellis_checklist_edit_set_included (_trellis_designer_view_get_stack (self->view),
                                           TRELLIS_NODE (self->section), !g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_designer_section_row_dispose (GObject *object)
{
  TrellisDesignerSectionRow *self = (TrellisDesignerSectionRow *) object;

  if (self->view != NULL && self->section != NULL)
    _trellis_designer_view_unregister_row (self->view, self->section, GTK_WIDGET (self));
  if (self->statements_list != NULL)
    gtk_list_box_bind_model (self->statements_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_DESIGNER_SECTION_ROW);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (trellis_designer_section_row_parent_class)->dispose (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "section.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "section.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "section.add-statement", NULL, add_statement_action);
  gtk_widget_class_install_action (widget_class, "section.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "section.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "section.menu", NULL, menu_action);
  gtk_widget_class_install_property_action (widget_class, "section.cut", "cut");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "section.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "section.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "section.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "section.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "section.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "section.menu", NULL);
}

static void
trellis_designer_section_row_class_init (TrellisDesignerSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_designer_section_row_dispose;
  object_class->get_property = trellis_designer_section_row_get_property;
  object_class->set_property = trellis_designer_section_row_set_property;

  properties[PROP_CUT] = g_param_spec_boolean ("cut", NULL, NULL, FALSE,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-designer-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, header_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, handle);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, cut_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, cut_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, statements_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, add_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerSectionRow, section_menu);
  install_actions (widget_class);
}

static void
trellis_designer_section_row_init (TrellisDesignerSectionRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->title_entry, "changed", G_CALLBACK (title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (title_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), focus);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (right_click_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->header_box, GTK_EVENT_CONTROLLER (click));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  gtk_entry_set_placeholder_text (self->title_entry, _("Section title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Section actions"), -1);
  setup_drag_and_drop (self);
}

/**
 * trellis_designer_section_row_new:
 *
 * Returns: (transfer floating): a row showing and editing @section and its statements
 */
GtkWidget *
trellis_designer_section_row_new (TrellisDesignerView *view,
                                  TrellisSection      *section)
{
  TrellisDesignerSectionRow *self;
  TrellisRound *round;

  g_return_val_if_fail (TRELLIS_IS_DESIGNER_VIEW (view), NULL);
  g_return_val_if_fail (TRELLIS_IS_SECTION (section), NULL);

  self = g_object_new (TRELLIS_TYPE_DESIGNER_SECTION_ROW, NULL);
  self->view = view;
  self->section = g_object_ref (section);
  round = trellis_checklist_edit_find_answering_round (_trellis_designer_view_get_project (view),
                                                       TRELLIS_NODE (section));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.delete", round == NULL);
  gtk_list_box_bind_model (self->statements_list, trellis_section_get_statements (section),
                           _trellis_designer_view_create_statement_row, view, NULL);
  update_title (self);
  update_cut (self);
  g_signal_connect_object (section, "notify", G_CALLBACK (section_notify_cb), self, G_CONNECT_SWAPPED);
  _trellis_designer_view_register_row (view, section, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

TrellisSection *
trellis_designer_section_row_get_section (TrellisDesignerSectionRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DESIGNER_SECTION_ROW (self), NULL);
  return self->section;
}

/**
 * trellis_designer_section_row_focus_title:
 *
 * Puts the keyboard in the section's title, for typing.
 */
void
trellis_designer_section_row_focus_title (TrellisDesignerSectionRow *self)
{
  g_return_if_fail (TRELLIS_IS_DESIGNER_SECTION_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}
