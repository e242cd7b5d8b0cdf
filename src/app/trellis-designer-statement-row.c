/* trellis-designer-statement-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-designer-statement-row"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-designer-statement-row.h"
#include "trellis-designer-view-private.h"

/* A statement as the coordinator edits it: its text in place, cut and restore in one
 * click, a menu (also on right click, the Menu key and Shift+F10) with every move the
 * mouse can make by drag, and, for a multi-part item, its parts in a list of their own.
 * Every change goes through the checklist edits, so each is one step of undo; the row
 * follows the statement's properties, so undo shows here too. */

struct _TrellisDesignerStatementRow
{
  GtkListBoxRow        parent_instance;

  TrellisDesignerView *view;          /* not a reference: the view outlives its rows */
  TrellisStatement    *statement;
  char                *answered_in;   /* the latest round that answered it, or NULL */
  gboolean             updating_text;
  guint                resize_idle_id;

  GtkWidget           *line_box;
  GtkWidget           *handle;
  GtkLabel            *number_label;
  GtkStack            *text_stack;
  GtkLabel            *text_label;
  GtkTextView         *text_view;
  GtkLabel            *note_label;
  GtkLabel            *kind_label;
  GtkLabel            *cut_label;
  GtkButton           *cut_button;
  GtkMenuButton       *menu_button;
  GtkListBox          *parts_list;
  GMenu               *move_to_section_menu;
  GMenu               *statement_menu;
};

G_DEFINE_FINAL_TYPE (TrellisDesignerStatementRow, trellis_designer_statement_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CUT,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = { "rating", "comment", "multi" };

static TrellisNode *
get_container (TrellisDesignerStatementRow *self)
{
  return trellis_node_get_parent (TRELLIS_NODE (self->statement));
}

static guint
get_index (TrellisDesignerStatementRow *self)
{
  TrellisNode *container = get_container (self);
  GListModel *model = TRELLIS_IS_SECTION (container)
    ? trellis_section_get_statements (TRELLIS_SECTION (container))
    : trellis_statement_get_children (TRELLIS_STATEMENT (container));
  guint position = 0;

  g_list_store_find (G_LIST_STORE (model), self->statement, &position);
  return position;
}

static void
update_accessible_label (TrellisDesignerStatementRow *self)
{
  g_autofree char *label = trellis_statement_dup_label (self->statement);
  g_autofree char *text_label = NULL;
  const char *number = trellis_statement_get_number (self->statement);

  if (!trellis_statement_get_included (self->statement))
    {
      /* Translators: a statement cut from the checklist, as a screen reader names its row */
      g_autofree char *cut = g_strdup_printf (_("%s (cut)"), label);
      g_free (label);
      label = g_steal_pointer (&cut);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  text_label = number != NULL
    /* Translators: the name of the field holding statement 12's text */
    ? g_strdup_printf (_("Text of statement %s"), number)
    : g_strdup (_("Text of the new statement"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, text_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Statement actions"), -1);
  if (number != NULL)
    {
      /* Translators: the list of statement 55's rated parts (55a, 55b…), as a screen reader names it */
      g_autofree char *parts_label = g_strdup_printf (_("Parts of statement %s"), number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->parts_list), GTK_ACCESSIBLE_PROPERTY_LABEL, parts_label, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->parts_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Parts of the statement"), -1);
}

static void
update_number (TrellisDesignerStatementRow *self)
{
  const char *number = trellis_statement_get_number (self->statement);

  gtk_label_set_label (self->number_label, number != NULL ? number : "–");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->number_label),
                               number != NULL ? NULL
                               : _("Not numbered yet: Renumber Statements numbers it"));
  update_accessible_label (self);
}

/* A statement a round answered says so once its words differ from those the round's
 * respondents read (kept with the round): the answers then mean something else. */
static void
update_note (TrellisDesignerStatementRow *self)
{
  TrellisProject *project;
  TrellisRound *reworded_in = NULL;

  if (self->answered_in == NULL)
    return;
  project = _trellis_designer_view_get_project (self->view);
  for (guint i = trellis_project_get_n_rounds (project); i > 0 && reworded_in == NULL; i--)
    {
      TrellisRound *round = trellis_project_get_round (project, i - 1);
      if (trellis_round_get_wording_changed (round, self->statement))
        reworded_in = round;
    }
  if (reworded_in != NULL)
    {
      /* Translators: %s is a survey round's label, "Autumn 2026" */
      g_autofree char *note = g_strdup_printf (_("Answered in %s: rewording changes what those answers mean."),
                                               trellis_round_get_label (reworded_in));
      gtk_label_set_label (self->note_label, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), reworded_in != NULL);
}

/* The buffer as statement markup: its text with <em> around the runs tagged "em". */
static char *
dup_buffer_markup (TrellisDesignerStatementRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *em = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "em");
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (TrellisTextSpan));
  g_autofree char *text = NULL;
  GtkTextIter start, end, iter;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  iter = start;
  while (gtk_text_iter_starts_tag (&iter, em) || gtk_text_iter_forward_to_tag_toggle (&iter, em))
    {
      GtkTextIter run_end = iter;
      TrellisTextSpan span;

      if (!gtk_text_iter_has_tag (&iter, em))
        break;
      gtk_text_iter_forward_to_tag_toggle (&run_end, em);
      span.start = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&iter)) - text;
      span.end = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&run_end)) - text;
      if (span.end > span.start)
        g_array_append_val (spans, span);
      iter = run_end;
      if (gtk_text_iter_is_end (&iter))
        break;
    }
  return trellis_markup_build (text, (TrellisTextSpan *) spans->data, spans->len);
}

/* Shows the statement's text, its emphasised words in italics, unless shown already. */
static void
update_text (TrellisDesignerStatementRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *markup = trellis_statement_get_text_markup (self->statement);
  const char *text = trellis_statement_get_text (self->statement);
  g_autofree char *shown = dup_buffer_markup (self);
  const TrellisTextSpan *spans;
  guint n_spans;

  if (g_strcmp0 (shown, markup != NULL ? markup : "") != 0)
    {
      self->updating_text = TRUE;
      gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
      spans = trellis_statement_get_emphasis (self->statement, &n_spans);
      for (guint i = 0; i < n_spans; i++)
        {
          GtkTextIter start, end;
          gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, text + spans[i].start));
          gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (text, text + spans[i].end));
          gtk_text_buffer_apply_tag_by_name (buffer, "em", &start, &end);
        }
      self->updating_text = FALSE;
    }
  if (markup != NULL)
    {
      g_autofree char *pango = trellis_markup_to_pango (markup);
      gtk_label_set_markup (self->text_label, pango);
    }
  else
    gtk_label_set_label (self->text_label, "");
  update_note (self);
  update_accessible_label (self);
}

static void
update_cut (TrellisDesignerStatementRow *self)
{
  gboolean cut = !trellis_statement_get_included (self->statement);

  gtk_widget_set_visible (GTK_WIDGET (self->cut_label), cut);
  gtk_button_set_label (self->cut_button, cut ? _("Restore") : C_("verb", "Cut"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cut_button),
                               cut ? _("Put the statement back into the checklist")
                                   : _("Leave the statement out of the survey, the charts and the pack"));
  if (cut)
    gtk_widget_add_css_class (GTK_WIDGET (self), "cut");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "cut");
  update_accessible_label (self);
}

static void
update_kind (TrellisDesignerStatementRow *self)
{
  TrellisStatementKind kind = trellis_statement_get_kind (self->statement);
  gboolean multi = kind == TRELLIS_STATEMENT_MULTI;

  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), kind != TRELLIS_STATEMENT_RATING);
  gtk_label_set_label (self->kind_label, multi ? _("Multi-part item") : _("Comment box"));
  gtk_widget_set_visible (GTK_WIDGET (self->parts_list), multi);
  gtk_list_box_bind_model (self->parts_list,
                           multi ? trellis_statement_get_children (self->statement) : NULL,
                           multi ? _trellis_designer_view_create_statement_row : NULL,
                           multi ? self->view : NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statement.add-part", multi);
}

static void
statement_notify_cb (TrellisDesignerStatementRow *self,
                     GParamSpec                  *pspec)
{
  if (g_str_equal (pspec->name, "text") || g_str_equal (pspec->name, "text-markup"))
    update_text (self);
  else if (g_str_equal (pspec->name, "number"))
    update_number (self);
  else if (g_str_equal (pspec->name, "included"))
    {
      update_cut (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUT]);
    }
  else if (g_str_equal (pspec->name, "kind"))
    {
      update_kind (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

static void
buffer_changed_cb (TrellisDesignerStatementRow *self)
{
  g_autofree char *markup = NULL;

  if (self->updating_text)
    return;
  markup = dup_buffer_markup (self);
  trellis_checklist_edit_set_string (_trellis_designer_view_get_stack (self->view), _("Edit Statement Text"),
                                     G_OBJECT (self->statement), "text-markup", markup);
}

/* Ctrl+I: the selected words emphasised, or no longer, as the seed italicises the words
 * that tell paired statements apart (my own organisation, other partners). */
static void
toggle_emphasis (TrellisDesignerStatementRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *em = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "em");
  GtkTextIter start, end, iter;
  gboolean all_emphasised = TRUE;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;
  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0 && all_emphasised; gtk_text_iter_forward_char (&iter))
    all_emphasised = gtk_text_iter_has_tag (&iter, em);
  if (all_emphasised)
    gtk_text_buffer_remove_tag (buffer, em, &start, &end);
  else
    gtk_text_buffer_apply_tag (buffer, em, &start, &end);
  /* Tags change no text, so the buffer does not say "changed" by itself. */
  buffer_changed_cb (self);
}

/* The text is shown as a label, which wraps at any width, and edited in a text view
 * put in its place while the keyboard is in it. */
static void
stop_editing (TrellisDesignerStatementRow *self)
{
  _trellis_designer_view_seal (self->view);
  gtk_stack_set_visible_child (self->text_stack, GTK_WIDGET (self->text_label));
}

/* Leaving the field ends the edit: the next typing there is another step of undo. */
static void
text_focus_leave_cb (TrellisDesignerStatementRow *self)
{
  stop_editing (self);
}

static void
label_clicked_cb (TrellisDesignerStatementRow *self)
{
  trellis_designer_statement_row_focus_text (self);
}

/* A statement is one line of text: Enter and Escape end the editing, not add a line. */
static gboolean
text_key_pressed_cb (TrellisDesignerStatementRow *self,
                     guint                        keyval,
                     guint                        keycode,
                     GdkModifierType              state)
{
  if ((keyval == GDK_KEY_i || keyval == GDK_KEY_I) && (state & GDK_CONTROL_MASK) != 0)
    {
      toggle_emphasis (self);
      return TRUE;
    }
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_Escape)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  stop_editing (self);
  return TRUE;
}

static void
right_click_cb (TrellisDesignerStatementRow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_menu_button_popup (self->menu_button);
}

static void
fill_move_to_section_menu (TrellisDesignerStatementRow *self)
{
  g_autoptr(GMenuModel) sections =
    _trellis_designer_view_build_section_menu (self->view, trellis_statement_get_section (self->statement));

  g_menu_remove_all (self->move_to_section_menu);
  for (int i = 0; i < g_menu_model_get_n_items (sections); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new_from_model (sections, i);
      g_menu_item_set_attribute (item, G_MENU_ATTRIBUTE_ACTION, "s", "statement.move-to-section");
      g_menu_append_item (self->move_to_section_menu, item);
    }
}


/* Sixty-odd menus cost time to make: each is made when first opened. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  TrellisDesignerStatementRow *self = user_data;

  fill_move_to_section_menu (self);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->statement_menu));
  /* The sections to move to are the ones there are each time the menu opens. */
  g_signal_connect_object (gtk_menu_button_get_popover (button), "show",
                           G_CALLBACK (fill_move_to_section_menu), self, G_CONNECT_SWAPPED);
}

/* ---- Drag and drop ---- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource               *source,
                 double                       x,
                 double                       y,
                 TrellisDesignerStatementRow *self)
{
  return gdk_content_provider_new_typed (TRELLIS_TYPE_STATEMENT, self->statement);
}

static void
drag_begin_cb (GtkDragSource               *source,
               GdkDrag                     *drag,
               TrellisDesignerStatementRow *self)
{
  g_autofree char *label = trellis_statement_dup_label (self->statement);
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
drag_end_cb (GtkDragSource               *source,
             GdkDrag                     *drag,
             gboolean                     deleted,
             TrellisDesignerStatementRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
  _trellis_designer_view_drag_ended (self->view);
  g_object_unref (self);
}

/* Where @dragged would go when dropped at @y on this row's line: before or after this
 * statement, or, on the lower half of a multi-part item, into it as its first part. */
static TrellisDropMark
find_drop (TrellisDesignerStatementRow  *self,
           TrellisStatement             *dragged,
           double                        y,
           TrellisNode                 **container,
           guint                        *index,
           GError                      **error)
{
  gboolean lower = y > gtk_widget_get_height (self->line_box) / 2.0;

  if (dragged == self->statement)
    return TRELLIS_DROP_NONE;
  if (trellis_statement_get_kind (self->statement) == TRELLIS_STATEMENT_MULTI && lower)
    {
      *container = TRELLIS_NODE (self->statement);
      *index = 0;
    }
  else
    {
      *container = get_container (self);
      *index = get_index (self) + (lower ? 1 : 0);
    }
  if (!trellis_checklist_edit_check_move (dragged, *container, error))
    return TRELLIS_DROP_REFUSED;
  if (*container == TRELLIS_NODE (self->statement))
    return TRELLIS_DROP_INTO;
  return lower ? TRELLIS_DROP_AFTER : TRELLIS_DROP_BEFORE;
}

static TrellisStatement *
get_dragged (GtkDropTarget *target)
{
  const GValue *value = gtk_drop_target_get_value (target);

  return value != NULL && G_VALUE_HOLDS (value, TRELLIS_TYPE_STATEMENT) ? g_value_get_object (value) : NULL;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget               *target,
                double                       x,
                double                       y,
                TrellisDesignerStatementRow *self)
{
  TrellisStatement *dragged = get_dragged (target);
  g_autoptr(GError) error = NULL;
  TrellisNode *container;
  TrellisDropMark mark;
  guint index;

  if (dragged == NULL)
    return GDK_ACTION_MOVE;
  mark = find_drop (self, dragged, y, &container, &index, &error);
  _trellis_designer_view_mark_drop (self->view, self->line_box, mark);
  if (error != NULL)
    _trellis_designer_view_show_error (self->view, error);
  return mark == TRELLIS_DROP_REFUSED || mark == TRELLIS_DROP_NONE ? 0 : GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget               *target,
               TrellisDesignerStatementRow *self)
{
  _trellis_designer_view_mark_drop (self->view, self->line_box, TRELLIS_DROP_NONE);
}

static gboolean
drop_cb (GtkDropTarget               *target,
         const GValue                *value,
         double                       x,
         double                       y,
         TrellisDesignerStatementRow *self)
{
  TrellisStatement *dragged = g_value_get_object (value);
  g_autoptr(GError) error = NULL;
  TrellisNode *container;
  TrellisDropMark mark;
  guint index;

  _trellis_designer_view_mark_drop (self->view, self->line_box, TRELLIS_DROP_NONE);
  mark = find_drop (self, dragged, y, &container, &index, &error);
  if (mark == TRELLIS_DROP_REFUSED)
    {
      _trellis_designer_view_show_error (self->view, error);
      return FALSE;
    }
  if (mark == TRELLIS_DROP_NONE)
    return FALSE;
  _trellis_designer_view_drop_statement (self->view, dragged, container, index);
  return TRUE;
}

static void
add_drag_source (TrellisDesignerStatementRow *self,
                 GtkWidget                   *widget)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (source));
}

static void
setup_drag_and_drop (TrellisDesignerStatementRow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (TRELLIS_TYPE_STATEMENT, GDK_ACTION_MOVE);

  add_drag_source (self, self->handle);
  add_drag_source (self, GTK_WIDGET (self->number_label));
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "enter", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (self->line_box, GTK_EVENT_CONTROLLER (target));
}

/* ---- Actions ---- */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisDesignerStatementRow *self = TRELLIS_DESIGNER_STATEMENT_ROW (widget);

  _trellis_designer_view_move_statement_by (self->view, self->statement,
                                            g_str_equal (action_name, "statement.move-up") ? -1 : 1);
}

static void
move_to_section_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TrellisDesignerStatementRow *self = TRELLIS_DESIGNER_STATEMENT_ROW (widget);
  TrellisChecklist *checklist = trellis_project_get_checklist (_trellis_designer_view_get_project (self->view));
  TrellisSection *section = trellis_checklist_find_section (checklist, g_variant_get_string (parameter, NULL));

  if (section != NULL)
    _trellis_designer_view_move_to_section (self->view, self->statement, section);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TrellisDesignerStatementRow *self = TRELLIS_DESIGNER_STATEMENT_ROW (widget);
  TrellisChecklist *checklist = trellis_project_get_checklist (_trellis_designer_view_get_project (self->view));
  gboolean part = g_str_equal (action_name, "statement.add-part");
  g_autoptr(GError) error = NULL;
  TrellisStatement *added;

  added = trellis_checklist_edit_add_statement (_trellis_designer_view_get_stack (self->view), checklist,
                                                part ? TRELLIS_NODE (self->statement) : get_container (self),
                                                part ? G_MAXUINT : get_index (self) + 1,
                                                TRELLIS_STATEMENT_RATING, NULL, &error);
  if (added == NULL)
    _trellis_designer_view_show_error (self->view, error);
  else
    _trellis_designer_view_focus_node (self->view, added, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisDesignerStatementRow *self = TRELLIS_DESIGNER_STATEMENT_ROW (widget);
  TrellisDesignerView *view = self->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisNode) container = g_object_ref (get_container (self));

  if (!trellis_checklist_edit_delete (_trellis_designer_view_get_stack (view),
                                      _trellis_designer_view_get_project (view),
                                      TRELLIS_NODE (self->statement), &error))
    _trellis_designer_view_show_error (view, error);
  else
    /* This row is gone; the keyboard goes on from the section or item it was in. */
    _trellis_designer_view_focus_node (view, container, FALSE);
}

static void
guidance_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TrellisDesignerStatementRow *self = TRELLIS_DESIGNER_STATEMENT_ROW (widget);

  _trellis_designer_view_show_guidance (self->view, self->statement);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  trellis_designer_statement_row_focus_text (TRELLIS_DESIGNER_STATEMENT_ROW (widget));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisDesignerStatementRow *self = TRELLIS_DESIGNER_STATEMENT_ROW (widget);

  gtk_menu_button_popup (self->menu_button);
}

/* ---- GObject ---- */

static void
trellis_designer_statement_row_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  TrellisDesignerStatementRow *self = TRELLIS_DESIGNER_STATEMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CUT:
      g_value_set_boolean (value, self->statement != NULL && !trellis_statement_get_included (self->statement));
      break;
    case PROP_KIND:
      g_value_set_string (value, kind_names[self->statement != NULL ? trellis_statement_get_kind (self->statement) : 0]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_kind (TrellisDesignerStatementRow *self,
          const char                  *name)
{
  g_autoptr(GError) error = NULL;

  for (guint kind = 0; kind < G_N_ELEMENTS (kind_names); kind++)
    if (g_strcmp0 (name, kind_names[kind]) == 0 &&
        !trellis_checklist_edit_set_kind (_trellis_designer_view_get_stack (self->view),
                                          _trellis_designer_view_get_project (self->view),
                                          self->statement, kind, &error))
      {
        _trellis_designer_view_show_error (self->view, error);
        /* The menu's radio goes back to the kind the statement kept. */
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
      }
}

static void
trellis_designer_statement_row_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  TrellisDesignerStatementRow *self = TRELLIS_DESIGNER_STATEMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CUT:
      trellis_checklist_edit_set_included (_trellis_designer_view_get_stack (self->view),
                                           TRELLIS_NODE (self->statement), !g_value_get_boolean (value));
      break;
    case PROP_KIND:
      set_kind (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_designer_statement_row_dispose (GObject *object)
{
  TrellisDesignerStatementRow *self = (TrellisDesignerStatementRow *) object;

  g_clear_handle_id (&self->resize_idle_id, g_source_remove);
  if (self->view != NULL && self->statement != NULL)
    _trellis_designer_view_unregister_row (self->view, self->statement, GTK_WIDGET (self));
  if (self->parts_list != NULL)
    gtk_list_box_bind_model (self->parts_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_DESIGNER_STATEMENT_ROW);
  g_clear_object (&self->statement);

  G_OBJECT_CLASS (trellis_designer_statement_row_parent_class)->dispose (object);
}

static void
trellis_designer_statement_row_finalize (GObject *object)
{
  TrellisDesignerStatementRow *self = (TrellisDesignerStatementRow *) object;

  g_clear_pointer (&self->answered_in, g_free);

  G_OBJECT_CLASS (trellis_designer_statement_row_parent_class)->finalize (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "statement.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "statement.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "statement.move-to-section", "s", move_to_section_action);
  gtk_widget_class_install_action (widget_class, "statement.add-below", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "statement.add-part", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "statement.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "statement.edit-guidance", NULL, guidance_action);
  gtk_widget_class_install_action (widget_class, "statement.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "statement.edit", NULL, edit_action);
  gtk_widget_class_install_property_action (widget_class, "statement.cut", "cut");
  gtk_widget_class_install_property_action (widget_class, "statement.kind", "kind");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "statement.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "statement.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "statement.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "statement.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "statement.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "statement.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "statement.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "statement.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "statement.menu", NULL);
}

static void
trellis_designer_statement_row_class_init (TrellisDesignerStatementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_designer_statement_row_dispose;
  object_class->finalize = trellis_designer_statement_row_finalize;
  object_class->get_property = trellis_designer_statement_row_get_property;
  object_class->set_property = trellis_designer_statement_row_set_property;

  /* What the menu's Cut check item and Kind radio items show and change. */
  properties[PROP_CUT] = g_param_spec_boolean ("cut", NULL, NULL, FALSE,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "rating",
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-designer-statement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, line_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, handle);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, text_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, cut_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, cut_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, parts_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, move_to_section_menu);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerStatementRow, statement_menu);
  install_actions (widget_class);
}

static gboolean
resize_text_cb (gpointer data)
{
  TrellisDesignerStatementRow *self = data;

  self->resize_idle_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->text_view));
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's text view lays its lines out only once it has a width, and does not ask for
 * the height that takes: ask again once it is on screen. */
static void
text_mapped_cb (TrellisDesignerStatementRow *self)
{
  if (self->resize_idle_id == 0)
    self->resize_idle_id = g_idle_add (resize_text_cb, self);
}

static void
connect_controllers (TrellisDesignerStatementRow *self)
{
  g_signal_connect_object (self->text_view, "map", G_CALLBACK (text_mapped_cb), self, G_CONNECT_SWAPPED);
  GtkEventController *controller;
  GtkGesture *click;

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (text_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (text_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);


  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (label_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_label), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (right_click_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->line_box, GTK_EVENT_CONTROLLER (click));
}

static void
trellis_designer_statement_row_init (TrellisDesignerStatementRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Undo is the document's: Ctrl+Z in the field takes back the edit, not a keystroke. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);
  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->text_view), "em", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  connect_controllers (self);
  setup_drag_and_drop (self);
}

/**
 * trellis_designer_statement_row_new:
 * @view: the view the row belongs to
 *
 * Returns: (transfer floating): a row showing and editing @statement
 */
GtkWidget *
trellis_designer_statement_row_new (TrellisDesignerView *view,
                                    TrellisStatement    *statement)
{
  TrellisDesignerStatementRow *self;
  TrellisRound *round;

  g_return_val_if_fail (TRELLIS_IS_DESIGNER_VIEW (view), NULL);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), NULL);

  self = g_object_new (TRELLIS_TYPE_DESIGNER_STATEMENT_ROW, NULL);
  self->view = view;
  self->statement = g_object_ref (statement);
  round = trellis_checklist_edit_find_answering_round (_trellis_designer_view_get_project (view),
                                                       TRELLIS_NODE (statement));
  if (round != NULL)
    self->answered_in = g_strdup (trellis_round_get_label (round));
  /* One that has been answered can only be cut, so earlier rounds keep their meaning. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statement.delete", round == NULL);

  update_text (self);
  update_number (self);
  update_cut (self);
  update_kind (self);
  g_signal_connect_object (statement, "notify", G_CALLBACK (statement_notify_cb), self, G_CONNECT_SWAPPED);
  _trellis_designer_view_register_row (view, statement, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

TrellisStatement *
trellis_designer_statement_row_get_statement (TrellisDesignerStatementRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_DESIGNER_STATEMENT_ROW (self), NULL);
  return self->statement;
}

/**
 * trellis_designer_statement_row_focus_text:
 *
 * Puts the keyboard in the statement's text, at its end, for typing.
 */
void
trellis_designer_statement_row_focus_text (TrellisDesignerStatementRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (TRELLIS_IS_DESIGNER_STATEMENT_ROW (self));

  gtk_stack_set_visible_child (self->text_stack, GTK_WIDGET (self->text_view));
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
