/* trellis-designer-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-designer-view"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-designer-scale-dialog.h"
#include "trellis-designer-section-row.h"
#include "trellis-designer-statement-row.h"
#include "trellis-designer-view-private.h"
#include "trellis-style.h"

/* The designer: every section and statement of the checklist as one outline, where the
 * coordinator reorders by drag and drop or by keyboard, cuts and restores, rewords, adds
 * and deletes, with the selected statement's guidance beside it. The rows are built
 * from the model's list models and follow them; every edit goes through the checklist
 * edits onto the document's undo stack. */

#define MESSAGE_SECONDS      8
#define AUTOSCROLL_EDGE      56.0
#define AUTOSCROLL_INTERVAL  30

struct _TrellisDesignerView
{
  GtkWidget         parent_instance;

  TrellisDocument  *document;
  GHashTable       *rows;          /* TrellisNode* → its row; neither referenced */
  TrellisStatement *current;
  TrellisSection   *wanted_section;  /* to scroll to once laid out */
  gpointer          focus_node;      /* to put the keyboard on once idle */
  gboolean          focus_text;
  guint             focus_idle_id;
  guint             scroll_idle_id;
  guint             scroll_tick_id;
  guint             scroll_frames;
  gboolean          updating_guidance;
  gboolean          show_guidance;
  gboolean          rows_bound;      /* rows are made once the view is first shown */
  GtkWidget        *marked;        /* the widget showing where a drop would land */
  guint             message_timeout_id;
  guint             autoscroll_id;
  double            drag_y;

  GtkWidget        *main_box;
  GtkLabel         *summary_label;
  GtkRevealer      *banner_revealer;
  GtkLabel         *banner_label;
  GtkScrolledWindow *scrolled;
  GtkListBox       *sections_list;
  GtkRevealer      *guidance_revealer;
  GtkLabel         *guidance_heading;
  GtkTextView      *questions_view;
  GtkTextView      *best_case_view;
  GtkTextView      *worst_case_view;
  GtkTextView      *note_view;
};

static void trellis_designer_view_iface_init (TrellisViewInterface *iface);
static void trellis_designer_view_map (GtkWidget *widget);
static void trellis_designer_view_unmap (GtkWidget *widget);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisDesignerView, trellis_designer_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (TRELLIS_TYPE_VIEW, trellis_designer_view_iface_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_GUIDANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The guidance fields: each edits one property of the current statement. */
static const struct
{
  const char *property;
  const char *undo_label;
} guidance_fields[] = {
  { "questions", N_("Edit Questions to Ask") },
  { "best-case", N_("Edit Best Case") },
  { "worst-case", N_("Edit Worst Case") },
  { "note", N_("Edit Note") },
};

static const char *drop_classes[] = { NULL, "drop-before", "drop-after", "drop-into", "drop-refused" };

static TrellisChecklist *
get_checklist (TrellisDesignerView *self)
{
  return trellis_project_get_checklist (trellis_document_get_project (self->document));
}

static GtkTextView *
get_guidance_view (TrellisDesignerView *self,
                   guint                field)
{
  GtkTextView *views[] = { self->questions_view, self->best_case_view, self->worst_case_view, self->note_view };

  return views[field];
}

/* ---- What the rows ask ---- */

TrellisUndoStack *
_trellis_designer_view_get_stack (TrellisDesignerView *self)
{
  return trellis_document_get_undo_stack (self->document);
}

TrellisProject *
_trellis_designer_view_get_project (TrellisDesignerView *self)
{
  return trellis_document_get_project (self->document);
}

/* Leaving a field ends its edit: the next typing there is another step of undo. Also
 * called as fields lose the focus while the view is taken down. */
void
_trellis_designer_view_seal (TrellisDesignerView *self)
{
  if (self->document != NULL)
    trellis_undo_stack_seal (trellis_document_get_undo_stack (self->document));
}

static gboolean
hide_message_cb (gpointer data)
{
  TrellisDesignerView *self = data;

  self->message_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

void
_trellis_designer_view_show_message (TrellisDesignerView *self,
                                     const char          *message)
{
  if (g_strcmp0 (gtk_label_get_label (self->banner_label), message) != 0)
    gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  g_clear_handle_id (&self->message_timeout_id, g_source_remove);
  self->message_timeout_id = g_timeout_add_seconds (MESSAGE_SECONDS, hide_message_cb, self);
}

void
_trellis_designer_view_show_error (TrellisDesignerView *self,
                                   const GError        *error)
{
  if (error != NULL)
    _trellis_designer_view_show_message (self, error->message);
}

void
_trellis_designer_view_register_row (TrellisDesignerView *self,
                                     gpointer             node,
                                     GtkWidget           *row)
{
  g_hash_table_insert (self->rows, node, row);
}

void
_trellis_designer_view_unregister_row (TrellisDesignerView *self,
                                       gpointer             node,
                                       GtkWidget           *row)
{
  if (g_hash_table_lookup (self->rows, node) == row)
    g_hash_table_remove (self->rows, node);
  if (self->marked == row || (self->marked != NULL && gtk_widget_is_ancestor (self->marked, row)))
    g_clear_object (&self->marked);
}

/**
 * trellis_designer_view_get_row:
 * @node: a section or statement of the checklist
 *
 * Returns: (transfer none) (nullable): the row showing @node
 */
GtkWidget *
trellis_designer_view_get_row (TrellisDesignerView *self,
                               gpointer             node)
{
  g_return_val_if_fail (TRELLIS_IS_DESIGNER_VIEW (self), NULL);
  return g_hash_table_lookup (self->rows, node);
}

typedef struct
{
  TrellisDesignerView *view;
  guint                frames;
} RevealRow;

/* Keeps the row just given the keyboard in sight. It is focused before it is laid out (a
 * new row has no place yet for the scrolled window to follow the focus to), and rows
 * settle their heights over the first frames (wrapped text is measured again as widths
 * settle, more slowly on a loaded machine), so its place is checked for half a second. */
#define REVEAL_FRAMES 30

static gboolean
reveal_row_tick_cb (GtkWidget     *row,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  RevealRow *reveal = data;
  GtkScrolledWindow *scrolled = reveal->view->scrolled;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double top = gtk_adjustment_get_value (adjustment);
  graphene_point_t point;

  /* Where the row is on screen, plus how far the content is scrolled: where it is in
   * the content, as the adjustment counts. */
  if (gtk_widget_compute_point (row, GTK_WIDGET (scrolled), &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_clamp_page (adjustment, top + point.y, top + point.y + gtk_widget_get_height (row));
  return ++reveal->frames < REVEAL_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
reveal_row (TrellisDesignerView *self,
            GtkWidget           *row)
{
  RevealRow *reveal = g_new0 (RevealRow, 1);

  reveal->view = self;
  gtk_widget_add_tick_callback (row, reveal_row_tick_cb, reveal, g_free);
}

static gboolean
focus_idle_cb (gpointer data)
{
  TrellisDesignerView *self = data;
  GtkWidget *row = self->focus_node != NULL ? g_hash_table_lookup (self->rows, self->focus_node) : NULL;

  self->focus_idle_id = 0;
  g_clear_object (&self->focus_node);
  if (row == NULL)
    return G_SOURCE_REMOVE;
  if (self->focus_text && TRELLIS_IS_DESIGNER_STATEMENT_ROW (row))
    trellis_designer_statement_row_focus_text (TRELLIS_DESIGNER_STATEMENT_ROW (row));
  else if (self->focus_text && TRELLIS_IS_DESIGNER_SECTION_ROW (row))
    trellis_designer_section_row_focus_title (TRELLIS_DESIGNER_SECTION_ROW (row));
  else
    gtk_widget_grab_focus (row);
  reveal_row (self, row);
  return G_SOURCE_REMOVE;
}

/* Puts the keyboard on @node's row, or in its text. Not at once: an edit chosen from a
 * row's menu is made while the menu is open, and the menu gives the keyboard back to where
 * it was when it closes. But before any further input is handled: on a loaded machine the
 * keys typed right after "Add Statement" are already waiting, and would otherwise go to
 * the row or button the edit was chosen from (the text lost, Return adding again). */
void
_trellis_designer_view_focus_node (TrellisDesignerView *self,
                                   gpointer             node,
                                   gboolean             text)
{
  if (node == NULL)
    return;
  g_set_object (&self->focus_node, node);
  self->focus_text = text;
  if (self->focus_idle_id == 0)
    self->focus_idle_id = g_idle_add_full (G_PRIORITY_HIGH, focus_idle_cb, self, NULL);
}

GtkWidget *
_trellis_designer_view_create_statement_row (gpointer item,
                                             gpointer view)
{
  return trellis_designer_statement_row_new (view, item);
}

static GtkWidget *
create_section_row (gpointer item,
                    gpointer view)
{
  return trellis_designer_section_row_new (view, item);
}

GMenuModel *
_trellis_designer_view_build_section_menu (TrellisDesignerView *self,
                                           TrellisSection      *except)
{
  TrellisChecklist *checklist = get_checklist (self);
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < trellis_checklist_get_n_sections (checklist); i++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, i);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (section == except)
        continue;
      label = trellis_section_dup_label (section);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "statement.move-to-section", "s", trellis_section_get_id (section));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* ---- Moving ---- */

static void
move_statement (TrellisDesignerView *self,
                TrellisStatement    *statement,
                TrellisNode         *container,
                guint                position,
                gboolean             focus)
{
  g_autoptr(GError) error = NULL;

  if (!trellis_checklist_edit_move_statement (_trellis_designer_view_get_stack (self), statement,
                                              container, position, &error))
    _trellis_designer_view_show_error (self, error);
  else if (focus)
    _trellis_designer_view_focus_node (self, statement, FALSE);
}

static guint
index_in (TrellisNode *container,
          gpointer     child)
{
  GListModel *model = TRELLIS_IS_SECTION (container)
    ? trellis_section_get_statements (TRELLIS_SECTION (container))
    : TRELLIS_IS_STATEMENT (container) ? trellis_statement_get_children (TRELLIS_STATEMENT (container))
    : trellis_checklist_get_sections (TRELLIS_CHECKLIST (container));
  guint position = 0;

  g_list_store_find (G_LIST_STORE (model), child, &position);
  return position;
}

static guint
n_in (TrellisNode *container)
{
  return TRELLIS_IS_SECTION (container)
    ? trellis_section_get_n_statements (TRELLIS_SECTION (container))
    : trellis_statement_get_n_children (TRELLIS_STATEMENT (container));
}

/* Alt+Up and Alt+Down: one place up or down; past the first or last place of a
 * multi-part item, out of it; past the first or last place of a section, into the end of
 * the section before or the start of the one after. */
void
_trellis_designer_view_move_statement_by (TrellisDesignerView *self,
                                          TrellisStatement    *statement,
                                          int                  delta)
{
  TrellisNode *container = trellis_node_get_parent (TRELLIS_NODE (statement));
  TrellisChecklist *checklist = get_checklist (self);
  guint index = index_in (container, statement);
  guint n = n_in (container);

  if (delta < 0 && index > 0)
    move_statement (self, statement, container, index - 1, TRUE);
  else if (delta > 0 && index + 1 < n)
    move_statement (self, statement, container, index + 1, TRUE);
  else if (TRELLIS_IS_STATEMENT (container))
    {
      TrellisNode *section = trellis_node_get_parent (container);
      guint item_index = index_in (section, container);
      move_statement (self, statement, section, delta < 0 ? item_index : item_index + 1, TRUE);
    }
  else
    {
      guint section_index = index_in (TRELLIS_NODE (checklist), container);
      guint n_sections = trellis_checklist_get_n_sections (checklist);

      if (delta < 0 && section_index > 0)
        {
          TrellisSection *before = trellis_checklist_get_section (checklist, section_index - 1);
          move_statement (self, statement, TRELLIS_NODE (before), G_MAXUINT, TRUE);
        }
      else if (delta > 0 && section_index + 1 < n_sections)
        move_statement (self, statement, TRELLIS_NODE (trellis_checklist_get_section (checklist, section_index + 1)),
                        0, TRUE);
    }
}

void
_trellis_designer_view_move_to_section (TrellisDesignerView *self,
                                        TrellisStatement    *statement,
                                        TrellisSection      *section)
{
  guint n = trellis_section_get_n_statements (section);
  TrellisStatement *last = n > 0 ? trellis_section_get_statement (section, n - 1) : NULL;

  /* Last in the section, but above the comment box that usually closes it. */
  if (last != NULL && last != statement &&
      trellis_statement_get_kind (last) == TRELLIS_STATEMENT_COMMENT &&
      trellis_statement_get_kind (statement) != TRELLIS_STATEMENT_COMMENT)
    n--;
  if (trellis_node_get_parent (TRELLIS_NODE (statement)) == TRELLIS_NODE (section))
    n = MIN (n, trellis_section_get_n_statements (section) - 1);
  move_statement (self, statement, TRELLIS_NODE (section), n, TRUE);
}

/**
 * _trellis_designer_view_drop_statement:
 * @index: the place in @container the statement was dropped at, counted before the move
 */
void
_trellis_designer_view_drop_statement (TrellisDesignerView *self,
                                       TrellisStatement    *statement,
                                       TrellisNode         *container,
                                       guint                index)
{
  /* Taking the statement out of its own container first moves the later ones up. */
  if (trellis_node_get_parent (TRELLIS_NODE (statement)) == container &&
      index_in (container, statement) < index)
    index--;
  move_statement (self, statement, container, index, FALSE);
}

/* ---- Dragging: where it would land, and scrolling near the edges ---- */

void
_trellis_designer_view_mark_drop (TrellisDesignerView *self,
                                  GtkWidget           *widget,
                                  TrellisDropMark      mark)
{
  if (mark == TRELLIS_DROP_NONE && self->marked != widget)
    return;
  if (self->marked != NULL)
    for (guint i = 1; i < G_N_ELEMENTS (drop_classes); i++)
      gtk_widget_remove_css_class (self->marked, drop_classes[i]);
  g_clear_object (&self->marked);
  if (mark != TRELLIS_DROP_NONE)
    self->marked = g_object_ref (widget);
  if (self->marked != NULL)
    gtk_widget_add_css_class (self->marked, drop_classes[mark]);
}

static gboolean
autoscroll_cb (gpointer data)
{
  TrellisDesignerView *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double height = gtk_widget_get_height (GTK_WIDGET (self->scrolled));
  double step = 0.0;

  if (self->drag_y < AUTOSCROLL_EDGE)
    step = -(AUTOSCROLL_EDGE - self->drag_y) / 2.0;
  else if (self->drag_y > height - AUTOSCROLL_EDGE)
    step = (self->drag_y - (height - AUTOSCROLL_EDGE)) / 2.0;
  if (step != 0.0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
  return G_SOURCE_CONTINUE;
}

static void
drag_motion_cb (TrellisDesignerView *self,
                double               x,
                double               y)
{
  self->drag_y = y;
  if (self->autoscroll_id == 0)
    self->autoscroll_id = g_timeout_add (AUTOSCROLL_INTERVAL, autoscroll_cb, self);
}

static void
stop_autoscroll (TrellisDesignerView *self)
{
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
}

void
_trellis_designer_view_drag_ended (TrellisDesignerView *self)
{
  stop_autoscroll (self);
  if (self->marked != NULL)
    _trellis_designer_view_mark_drop (self, self->marked, TRELLIS_DROP_NONE);
}

/* ---- Guidance ---- */

static void
update_guidance (TrellisDesignerView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (guidance_fields); i++)
    {
      GtkTextView *view = get_guidance_view (self, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      g_autofree char *text = NULL;
      g_autofree char *shown = NULL;
      GtkTextIter start, end;

      if (self->current != NULL)
        g_object_get (self->current, guidance_fields[i].property, &text, NULL);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (shown, text != NULL ? text : "") != 0)
        {
          self->updating_guidance = TRUE;
          gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
          self->updating_guidance = FALSE;
        }
      gtk_widget_set_sensitive (GTK_WIDGET (view), self->current != NULL);
    }
}

static void
update_guidance_heading (TrellisDesignerView *self)
{
  g_autofree char *heading = NULL;
  const char *number = self->current != NULL ? trellis_statement_get_number (self->current) : NULL;

  if (self->current == NULL)
    heading = g_strdup (_("Choose a statement to edit its guidance."));
  else if (number != NULL)
    /* Translators: the guidance panel's heading; %s is the statement's number */
    heading = g_strdup_printf (_("Guidance for statement %s"), number);
  else
    heading = g_strdup (_("Guidance for the new statement"));
  gtk_label_set_label (self->guidance_heading, heading);
}

static void
current_notify_cb (TrellisDesignerView *self,
                   GParamSpec          *pspec)
{
  update_guidance (self);
  update_guidance_heading (self);
}

void
_trellis_designer_view_set_current (TrellisDesignerView *self,
                                    TrellisStatement    *statement)
{
  if (self->current == statement)
    return;
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_func (self->current, current_notify_cb, self);
  g_set_object (&self->current, statement);
  if (statement != NULL)
    g_signal_connect_object (statement, "notify", G_CALLBACK (current_notify_cb), self, G_CONNECT_SWAPPED);
  update_guidance (self);
  update_guidance_heading (self);
}

static void
set_show_guidance (TrellisDesignerView *self,
                   gboolean             show)
{
  if (self->show_guidance == show)
    return;
  self->show_guidance = show;
  gtk_revealer_set_reveal_child (self->guidance_revealer, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_GUIDANCE]);
}

void
_trellis_designer_view_show_guidance (TrellisDesignerView *self,
                                      TrellisStatement    *statement)
{
  _trellis_designer_view_set_current (self, statement);
  set_show_guidance (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->questions_view));
}

static void
guidance_changed_cb (GtkTextBuffer       *buffer,
                     TrellisDesignerView *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "field"));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating_guidance || self->current == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  trellis_checklist_edit_set_string (_trellis_designer_view_get_stack (self), _(guidance_fields[field].undo_label),
                                     G_OBJECT (self->current), guidance_fields[field].property, text);
}

static void
guidance_leave_cb (TrellisDesignerView *self)
{
  _trellis_designer_view_seal (self);
}

static void
setup_guidance (TrellisDesignerView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (guidance_fields); i++)
    {
      GtkTextView *view = get_guidance_view (self, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      g_object_set_data (G_OBJECT (buffer), "field", GUINT_TO_POINTER (i));
      g_signal_connect (buffer, "changed", G_CALLBACK (guidance_changed_cb), self);
      g_signal_connect_object (focus, "leave", G_CALLBACK (guidance_leave_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (view), focus);
    }
  update_guidance (self);
  update_guidance_heading (self);
}

/* ---- The view's own actions ---- */

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisDesignerView *self = TRELLIS_DESIGNER_VIEW (widget);
  TrellisSection *section;

  if (self->document == NULL)
    return;
  section = trellis_checklist_edit_add_section (_trellis_designer_view_get_stack (self), get_checklist (self),
                                                G_MAXUINT, NULL);
  _trellis_designer_view_focus_node (self, section, TRUE);
}

static void
renumber_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TrellisDesignerView *self = TRELLIS_DESIGNER_VIEW (widget);

  if (self->document == NULL)
    return;
  if (!trellis_checklist_edit_renumber (_trellis_designer_view_get_stack (self), get_checklist (self)))
    _trellis_designer_view_show_message (self, _("The statements are numbered in order already."));
}

static void
edit_scale_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisDesignerView *self = TRELLIS_DESIGNER_VIEW (widget);
  GtkWindow *dialog;

  if (self->document == NULL || trellis_checklist_get_n_scales (get_checklist (self)) == 0)
    return;
  dialog = trellis_designer_scale_dialog_new (self->document, trellis_checklist_get_scale (get_checklist (self), 0));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (dialog);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrellisDesignerView *self = TRELLIS_DESIGNER_VIEW (widget);

  g_clear_handle_id (&self->message_timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

/* ---- The window's view ---- */

/* The rows follow the model by themselves: nothing to rebuild after a change. */
static void
trellis_designer_view_show (TrellisView    *view,
                            TrellisProject *project,
                            TrellisRound   *round,
                            TrellisSummary *summary)
{
}

/* Puts the wanted section's row at the top. Rows settle their heights over the first
 * frames after they are made (their text views measure late), so the row is put back at
 * the top each frame for a few frames. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  TrellisDesignerView *self = data;
  GtkWidget *row = self->wanted_section != NULL ? g_hash_table_lookup (self->rows, self->wanted_section) : NULL;
  graphene_point_t point;

  /* Measured in the scrolled content, not in the part of it on screen. */
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scrolled)));

  if (row != NULL && gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), MAX (point.y - 12, 0));
  if (++self->scroll_frames < 20)
    return G_SOURCE_CONTINUE;
  self->scroll_tick_id = 0;
  g_clear_object (&self->wanted_section);
  return G_SOURCE_REMOVE;
}

static gboolean
scroll_idle_cb (gpointer data)
{
  TrellisDesignerView *self = data;

  self->scroll_idle_id = 0;
  self->scroll_frames = 0;
  if (self->scroll_tick_id == 0 && self->scrolled != NULL)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->scrolled), scroll_tick_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* The section chosen in the sidebar: scrolled to the top, the keyboard left where it is. */
static void
trellis_designer_view_show_section (TrellisView    *view,
                                    TrellisSection *section)
{
  TrellisDesignerView *self = TRELLIS_DESIGNER_VIEW (view);

  g_set_object (&self->wanted_section, section);
  /* Rows just made, or a view just shown, are laid out only after this main loop turn. */
  if (self->scroll_idle_id == 0)
    self->scroll_idle_id = g_idle_add (scroll_idle_cb, self);
}

/* An empty checklist is where a coordinator adds the first section. */
static gboolean
trellis_designer_view_get_needs_section (TrellisView *view)
{
  return FALSE;
}

static void
trellis_designer_view_iface_init (TrellisViewInterface *iface)
{
  iface->show = trellis_designer_view_show;
  iface->show_section = trellis_designer_view_show_section;
  iface->get_needs_section = trellis_designer_view_get_needs_section;
}

/* ---- GObject ---- */

static void
trellis_designer_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisDesignerView *self = TRELLIS_DESIGNER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SHOW_GUIDANCE:
      g_value_set_boolean (value, self->show_guidance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_designer_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TrellisDesignerView *self = TRELLIS_DESIGNER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      trellis_designer_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SHOW_GUIDANCE:
      set_show_guidance (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_designer_view_dispose (GObject *object)
{
  TrellisDesignerView *self = (TrellisDesignerView *) object;

  stop_autoscroll (self);
  g_clear_handle_id (&self->message_timeout_id, g_source_remove);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  g_clear_handle_id (&self->focus_idle_id, g_source_remove);
  g_clear_object (&self->focus_node);
  if (self->scroll_tick_id != 0 && self->scrolled != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->scrolled), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  _trellis_designer_view_set_current (self, NULL);
  if (self->sections_list != NULL)
    gtk_list_box_bind_model (self->sections_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_DESIGNER_VIEW);
  g_clear_object (&self->marked);
  g_clear_object (&self->wanted_section);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (trellis_designer_view_parent_class)->dispose (object);
}

static void
trellis_designer_view_finalize (GObject *object)
{
  TrellisDesignerView *self = (TrellisDesignerView *) object;

  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (trellis_designer_view_parent_class)->finalize (object);
}

static void
trellis_designer_view_class_init (TrellisDesignerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_designer_view_dispose;
  object_class->finalize = trellis_designer_view_finalize;
  object_class->get_property = trellis_designer_view_get_property;
  object_class->set_property = trellis_designer_view_set_property;
  widget_class->map = trellis_designer_view_map;
  widget_class->unmap = trellis_designer_view_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TRELLIS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_GUIDANCE] =
    g_param_spec_boolean ("show-guidance", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisapp/Trellis/ui/trellis-designer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, main_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, sections_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, guidance_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, guidance_heading);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, questions_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, best_case_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, worst_case_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisDesignerView, note_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "designer.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "designer.renumber", NULL, renumber_action);
  gtk_widget_class_install_action (widget_class, "designer.edit-scale", NULL, edit_scale_action);
  gtk_widget_class_install_action (widget_class, "designer.dismiss", NULL, dismiss_action);
  gtk_widget_class_install_property_action (widget_class, "designer.show-guidance", "show-guidance");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "designer.show-guidance", NULL);
}

static void
trellis_designer_view_init (TrellisDesignerView *self)
{
  GtkEventController *motion;

  trellis_style_add_resource ("/org/trellisapp/Trellis/ui/trellis-designer.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new (NULL, NULL);

  /* Dragging near the top or bottom edge scrolls the outline. */
  motion = gtk_drop_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect_object (motion, "enter", G_CALLBACK (drag_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (drag_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (stop_autoscroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), motion);

  setup_guidance (self);
}

GtkWidget *
trellis_designer_view_new (void)
{
  return g_object_new (TRELLIS_TYPE_DESIGNER_VIEW, NULL);
}

TrellisDocument *
trellis_designer_view_get_document (TrellisDesignerView *self)
{
  g_return_val_if_fail (TRELLIS_IS_DESIGNER_VIEW (self), NULL);
  return self->document;
}

/* Sixty-odd rows take a while to make: a project opened to read its results does not
 * wait for them until the designer is shown. */
static void
bind_rows (TrellisDesignerView *self)
{
  if (self->rows_bound || self->document == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->rows_bound = TRUE;
  gtk_list_box_bind_model (self->sections_list, trellis_checklist_get_sections (get_checklist (self)),
                           create_section_row, self, NULL);
  if (self->wanted_section != NULL && self->scroll_idle_id == 0)
    self->scroll_idle_id = g_idle_add (scroll_idle_cb, self);
}

/* The statement the keyboard is in (in its row, its text or its buttons) is the one the
 * guidance panel shows. */
static void
focus_widget_changed_cb (TrellisDesignerView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  row = TRELLIS_IS_DESIGNER_STATEMENT_ROW (focus) ? focus
        : gtk_widget_get_ancestor (focus, TRELLIS_TYPE_DESIGNER_STATEMENT_ROW);
  if (row != NULL)
    _trellis_designer_view_set_current (self, trellis_designer_statement_row_get_statement (TRELLIS_DESIGNER_STATEMENT_ROW (row)));
}

static void
trellis_designer_view_map (GtkWidget *widget)
{
  TrellisDesignerView *self = TRELLIS_DESIGNER_VIEW (widget);

  GTK_WIDGET_CLASS (trellis_designer_view_parent_class)->map (widget);
  bind_rows (self);
  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (focus_widget_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
trellis_designer_view_unmap (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), focus_widget_changed_cb, widget);
  GTK_WIDGET_CLASS (trellis_designer_view_parent_class)->unmap (widget);
}

/**
 * trellis_designer_view_set_document:
 * @document: (nullable): the open project
 *
 * Shows @document's checklist for editing; its edits go onto @document's undo stack.
 */
void
trellis_designer_view_set_document (TrellisDesignerView *self,
                                    TrellisDocument     *document)
{
  g_return_if_fail (TRELLIS_IS_DESIGNER_VIEW (self));
  g_return_if_fail (document == NULL || TRELLIS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  _trellis_designer_view_set_current (self, NULL);
  gtk_list_box_bind_model (self->sections_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->document, document);
  self->rows_bound = FALSE;
  bind_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
