/* trellis-plan-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-plan-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-plan-cell.h"
#include "trellis-plan-links.h"
#include "trellis-plan-view.h"
#include "trellis-projector.h"
#include "trellis-view.h"
#include "trellis-style.h"

/* The plan as a table the facilitator types into while partners talk: one row per
 * action, every field edited in place, every edit one step of the document's undo.
 * Sorting and filtering only change what is shown; the plan's own order changes by
 * drag and drop or Alt+Up/Down, and only while the table shows that order. */

typedef enum
{
  COLUMN_HANDLE,
  COLUMN_AREA,
  COLUMN_ACTION,
  COLUMN_WHO,
  COLUMN_TIMESCALE,
  COLUMN_STATUS,
  COLUMN_NOTES,
  COLUMN_ROUND,
  N_COLUMNS
} Column;

/* The statuses in the order the menu offers them: the four of the workshop first. */
static const TrellisActionStatus menu_statuses[] = {
  TRELLIS_ACTION_NOT_STARTED, TRELLIS_ACTION_ON_TRACK, TRELLIS_ACTION_AT_RISK, TRELLIS_ACTION_DONE,
  TRELLIS_ACTION_IN_PROGRESS, TRELLIS_ACTION_POSTPONED, TRELLIS_ACTION_CANCELLED,
};

struct _TrellisPlanView
{
  GtkWidget             parent_instance;

  TrellisProject       *project;
  TrellisUndoStack     *undo;
  TrellisUndoStack     *window_undo;   /* the document's, for the project the window shows */
  TrellisRound         *round;         /* the round the window shows: new actions follow it */
  gboolean              projector;
  int                   projector_widths[N_COLUMNS];
  int                   laid_out_width;  /* the width the projector's columns were fitted to */
  GtkWindow            *projector_window;
  TrellisPlanSort       sort;
  TrellisPlanFollowUp  *follow_up;
  gboolean              follow_up_stale;  /* the rounds changed while the view was hidden */
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkSingleSelection   *selection;
  GtkStringList        *round_labels;   /* "None", then each round's label */
  GtkStringList        *status_labels;
  GtkListStore         *names;          /* who is responsible, for completion */
  GPtrArray            *cells;          /* TrellisPlanCell, alive and unowned */
  GtkColumnViewColumn  *columns[N_COLUMNS];
  TrellisAction        *current;
  char                 *current_property;
  TrellisAction        *left_action;     /* the row the cursor left, to remake */
  guint                 remake_id;
  TrellisAction        *pending_action;  /* to focus once its row exists */
  char                 *pending_property;
  GString              *pending_text;    /* typed meanwhile: text, and Tabs as TAB_FORWARD/BACKWARD */
  guint                 pending_ticks;
  guint                 tick_id;
  gulong                plan_changed_id;
  gboolean              relisting_rounds;  /* the round menus change under their choices */
  gulong                rounds_changed_id;

  GtkWidget            *toolbar;
  GtkWidget            *edit_buttons;
  GtkWidget            *filter_box;
  GtkDropDown          *sort_dropdown;
  GtkEditable          *area_filter;
  GtkEditable          *who_filter;
  GtkDropDown          *status_filter;
  GtkCheckButton       *overdue_check;
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkLabel             *count_label;
};

static void trellis_plan_view_view_init (TrellisViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisPlanView, trellis_plan_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (TRELLIS_TYPE_VIEW, trellis_plan_view_view_init))

enum {
  PROP_0,
  PROP_PROJECTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TrellisPlan *
get_plan (TrellisPlanView *self)
{
  return self->project != NULL ? trellis_project_get_plan (self->project) : NULL;
}

static guint
plan_position (TrellisPlanView *self,
               TrellisAction   *action)
{
  guint position;

  if (get_plan (self) != NULL
      && g_list_store_find (G_LIST_STORE (trellis_plan_get_actions (get_plan (self))), action, &position))
    return position;
  return G_MAXUINT;
}

static guint
shown_position (TrellisPlanView *self,
                TrellisAction   *action)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisAction) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);
      if (item == action)
        return i;
    }
  return G_MAXUINT;
}

static gboolean
filter_active (TrellisPlanView *self)
{
  return *gtk_editable_get_text (self->area_filter) != '\0' || *gtk_editable_get_text (self->who_filter) != '\0'
         || gtk_drop_down_get_selected (self->status_filter) > 0 || gtk_check_button_get_active (self->overdue_check);
}

static void
update_actions (TrellisPlanView *self)
{
  gboolean has_current = self->current != NULL && plan_position (self, self->current) != G_MAXUINT;
  gboolean plan_order = self->sort == TRELLIS_PLAN_SORT_PLAN && !filter_active (self);
  guint position = has_current ? plan_position (self, self->current) : 0;
  guint n = get_plan (self) != NULL ? trellis_plan_get_n_actions (get_plan (self)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.delete", has_current);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.move-up", has_current && plan_order && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.move-down", has_current && plan_order && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.leave-projector", self->projector);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo", self->projector && self->undo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.redo", self->projector && self->undo != NULL);
}

static void
update_count (TrellisPlanView *self)
{
  guint n = get_plan (self) != NULL ? trellis_plan_get_n_actions (get_plan (self)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  g_autofree char *text = NULL;

  if (shown < n)
    /* TRANSLATORS: "2 of 7 actions shown" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action shown", "%u of %u actions shown", n),
                            shown, n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  update_actions (self);
}

/* GTK 4.8's column view keeps a row as tall as it was when laid out: text typed into a
 * row wraps, once its field is left, onto lines the row has no room for. Once the cursor
 * has left the row, the row is made again (the plan's list says the action was replaced),
 * measured with its text, here and in the projector. */
static gboolean
remake_left_row (gpointer data)
{
  TrellisPlanView *self = data;
  g_autoptr(TrellisAction) action = g_steal_pointer (&self->left_action);
  guint position = action != NULL ? plan_position (self, action) : G_MAXUINT;

  self->remake_id = 0;
  if (position != G_MAXUINT && action != self->current && action != self->pending_action)
    g_list_model_items_changed (trellis_plan_get_actions (get_plan (self)), position, 1, 1);
  return G_SOURCE_REMOVE;
}

/* The row of the focused field is the current action: what Delete and Alt+Up act on. */
static void
set_current (TrellisPlanView *self,
             TrellisAction   *action,
             const char      *property)
{
  guint position;

  if (self->current != NULL && action != self->current)
    {
      g_set_object (&self->left_action, self->current);
      if (self->remake_id == 0)
        self->remake_id = g_idle_add (remake_left_row, self);
    }

  g_set_object (&self->current, action);
  /* @property may be self->current_property itself. */
  if (property != NULL && property != self->current_property)
    {
      g_free (self->current_property);
      self->current_property = g_strdup (property);
    }
  position = action != NULL ? shown_position (self, action) : G_MAXUINT;
  if (position != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, position);
  update_actions (self);
}

static TrellisPlanCell *
find_cell (TrellisPlanView *self,
           TrellisAction   *action,
           const char      *property)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      TrellisPlanCell *cell = g_ptr_array_index (self->cells, i);

      if (trellis_plan_cell_get_action (cell) == action
          && g_strcmp0 (trellis_plan_cell_get_property_name (cell), property) == 0
          && gtk_widget_get_mapped (GTK_WIDGET (cell)))
        return cell;
    }
  return NULL;
}

/* GTK 4.8 has no gtk_column_view_scroll_to(): the list is scrolled to about where the
 * row is, and it makes the row's widgets there. */
static void
scroll_towards (TrellisPlanView *self,
                guint            position)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  double upper, page, target;

  if (vadjustment == NULL || n == 0)
    return;
  upper = gtk_adjustment_get_upper (vadjustment);
  page = gtk_adjustment_get_page_size (vadjustment);
  target = upper * (position + 0.5) / n - page / 2;
  /* The last row (a new action): the very end. The list's height is an estimate from the
   * rows it has made, and in the projector's tall rows "about where" fell short of it. */
  if (position + 1 >= n)
    target = upper;
  gtk_adjustment_set_value (vadjustment, CLAMP (target, 0, MAX (0, upper - page)));
}

/* What stands for a Tab typed before the field had the focus, amid the text typed. */
#define TAB_FORWARD '\t'
#define TAB_BACKWARD '\v'

/* Keys typed while the new row was being made, replayed in order once its field has the
 * focus: text goes where the focus is, a Tab moves it on, as if the row had been there. */
static void
replay_pending_keys (TrellisPlanView *self,
                     GtkWidget       *editable)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *p = self->pending_text->str;
  static const char tabs[] = { TAB_FORWARD, TAB_BACKWARD, '\0' };

  while (*p != '\0')
    {
      size_t length = strcspn (p, tabs);
      GtkWidget *focus;

      if (length > 0 && editable != NULL)
        {
          int end = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (editable)), -1);

          gtk_editable_insert_text (GTK_EDITABLE (editable), p, (int) length, &end);
          gtk_editable_set_position (GTK_EDITABLE (editable), -1);
        }
      p += length;
      if (*p == '\0' || root == NULL)
        break;
      gtk_widget_child_focus (GTK_WIDGET (root), *p == TAB_FORWARD ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD);
      focus = gtk_root_get_focus (root);
      editable = GTK_IS_EDITABLE (focus) ? focus : NULL;
      p++;
    }
}

/* A row is made only when the list lays it out: focusing a new or moved action waits
 * for a frame or two, scrolling it into view meanwhile. */
static gboolean
focus_pending_tick (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  TrellisPlanView *self = user_data;
  TrellisPlanCell *cell = find_cell (self, self->pending_action, self->pending_property);
  guint position = shown_position (self, self->pending_action);

  /* The cell, not its entry: the entry stands in for the cell's label when focused. A
   * row just made may not take the cursor yet: it is tried again next frame. */
  if (cell != NULL && !gtk_widget_grab_focus (GTK_WIDGET (cell)) && self->pending_ticks++ < 120)
    return G_SOURCE_CONTINUE;
  if (cell != NULL)
    {
      GtkWidget *editable = trellis_plan_cell_get_editable (cell);

      gtk_editable_set_position (GTK_EDITABLE (editable), -1);
      set_current (self, self->pending_action, self->pending_property);
      replay_pending_keys (self, editable);
    }
  else if (position != G_MAXUINT && self->pending_ticks++ < 120)
    {
      scroll_towards (self, position);
      return G_SOURCE_CONTINUE;
    }
  g_clear_object (&self->pending_action);
  g_clear_pointer (&self->pending_property, g_free);
  g_string_truncate (self->pending_text, 0);
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * trellis_plan_view_focus_action:
 * @property: the field to focus: "area", "text", "responsible", "due" or "notes"
 *
 * Puts the cursor in one field of @action's row, scrolling it into view.
 */
void
trellis_plan_view_focus_action (TrellisPlanView *self,
                                TrellisAction   *action,
                                const char      *property)
{
  g_return_if_fail (TRELLIS_IS_PLAN_VIEW (self));
  g_return_if_fail (TRELLIS_IS_ACTION (action));

  g_set_object (&self->pending_action, action);
  if (property != self->pending_property)
    {
      g_free (self->pending_property);
      self->pending_property = g_strdup (property);
    }
  self->pending_ticks = 0;
  g_string_truncate (self->pending_text, 0);
  /* Out of the field typed in before, so that what is typed next cannot land there. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  set_current (self, action, property);
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), focus_pending_tick, self, NULL);
}

static void
clear_filters (TrellisPlanView *self)
{
  gtk_editable_set_text (self->area_filter, "");
  gtk_editable_set_text (self->who_filter, "");
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_check_button_set_active (self->overdue_check, FALSE);
}

static TrellisAction *
add_after_current (TrellisPlanView *self)
{
  TrellisPlan *plan = get_plan (self);
  guint position = self->current != NULL ? plan_position (self, self->current) : G_MAXUINT;
  TrellisRound *latest = self->round != NULL ? self->round : trellis_project_get_latest_round (self->project);
  TrellisAction *action;

  /* A new action must be seen to be typed into. */
  clear_filters (self);
  if (self->undo != NULL)
    trellis_undo_stack_seal (self->undo);
  action = trellis_plan_edit_add (plan, self->undo, position == G_MAXUINT ? G_MAXUINT : position + 1);
  /* Agreed now: after the latest round. Part of the same step as the adding. */
  if (latest != NULL)
    trellis_action_set_round_id (action, trellis_round_get_id (latest));
  return action;
}

/**
 * trellis_plan_view_add_action:
 *
 * Adds an empty action below the current one and puts the cursor in its first field.
 *
 * Returns: (transfer none) (nullable): the new action
 */
TrellisAction *
trellis_plan_view_add_action (TrellisPlanView *self)
{
  TrellisAction *action;

  g_return_val_if_fail (TRELLIS_IS_PLAN_VIEW (self), NULL);

  if (self->project == NULL)
    return NULL;
  /* The row being left is made again now, before the new one takes the cursor (see
   * remake_left_row()): made again after, the list also remade the rows below it, the new
   * one with the cursor in it, and the projector lost what was typed next. */
  if (self->current != NULL && plan_position (self, self->current) != G_MAXUINT)
    g_list_model_items_changed (trellis_plan_get_actions (get_plan (self)),
                                plan_position (self, self->current), 1, 1);
  action = add_after_current (self);
  g_clear_object (&self->current);
  trellis_plan_view_focus_action (self, action, "area");
  return action;
}

/**
 * trellis_plan_view_add_for_statement:
 *
 * Adds an action that answers @statement, with its text as the area, and puts the
 * cursor in the key action.
 *
 * Returns: (transfer none) (nullable): the new action
 */
TrellisAction *
trellis_plan_view_add_for_statement (TrellisPlanView  *self,
                                     TrellisStatement *statement)
{
  const char *ids[] = { NULL, NULL };
  TrellisAction *action;

  g_return_val_if_fail (TRELLIS_IS_PLAN_VIEW (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), NULL);

  if (self->project == NULL)
    return NULL;
  g_clear_object (&self->current);  /* at the end of the plan */
  action = add_after_current (self);
  ids[0] = trellis_statement_get_id (statement);
  trellis_action_set_statement_ids (action, ids);
  trellis_action_set_area (action, trellis_statement_get_text (statement));
  trellis_plan_view_focus_action (self, action, "text");
  return action;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisPlanView *self = TRELLIS_PLAN_VIEW (widget);
  g_autoptr(TrellisAction) doomed = self->current != NULL ? g_object_ref (self->current) : NULL;
  guint shown;
  g_autofree char *property = g_strdup (self->current_property != NULL ? self->current_property : "text");

  if (doomed == NULL || plan_position (self, doomed) == G_MAXUINT)
    return;
  shown = shown_position (self, doomed);
  trellis_plan_edit_remove (get_plan (self), self->undo, doomed);
  g_clear_object (&self->current);
  /* The cursor stays where it was: on the next action, or the last. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0 && shown != G_MAXUINT)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
      g_autoptr(TrellisAction) next = g_list_model_get_item (G_LIST_MODEL (self->sort_model), MIN (shown, n - 1));

      trellis_plan_view_focus_action (self, next, property);
    }
  update_count (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisPlanView *self = TRELLIS_PLAN_VIEW (widget);
  guint from = self->current != NULL ? plan_position (self, self->current) : G_MAXUINT;
  gboolean up = g_str_equal (action_name, "plan.move-up");
  g_autoptr(TrellisAction) moved = NULL;

  if (from == G_MAXUINT || (up && from == 0))
    return;
  moved = g_object_ref (self->current);
  if (trellis_plan_edit_move (get_plan (self), self->undo, from, up ? from - 1 : from + 1))
    trellis_plan_view_focus_action (self, moved, self->current_property != NULL ? self->current_property : "text");
}

static void
add_action_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  trellis_plan_view_add_action (TRELLIS_PLAN_VIEW (widget));
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrellisPlanView *self = TRELLIS_PLAN_VIEW (widget);

  trellis_undo_stack_seal (self->undo);
  if (g_str_equal (action_name, "plan.undo"))
    trellis_undo_stack_undo (self->undo);
  else
    trellis_undo_stack_redo (self->undo);
}

static void
projector_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  trellis_plan_view_open_projector (TRELLIS_PLAN_VIEW (widget));
}

static void
leave_projector_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (TRELLIS_PLAN_VIEW (widget)->projector && GTK_IS_WINDOW (root))
    gtk_window_destroy (GTK_WINDOW (root));
}

/* Rows */

static TrellisAction *
cell_action (GtkWidget *box)
{
  return g_object_get_data (G_OBJECT (box), "action");
}

/* A column may hold several fields (the projector's do): the one focused names itself. */
static void
on_cell_focus_enter (GtkEventControllerFocus *focus,
                     TrellisPlanView         *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  GtkRoot *root = gtk_widget_get_root (box);
  GtkWidget *focused = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focused != NULL ? gtk_widget_get_ancestor (focused, TRELLIS_TYPE_PLAN_CELL) : NULL;
  const char *property = g_object_get_data (G_OBJECT (box), "property");

  if (cell != NULL && gtk_widget_is_ancestor (cell, box))
    property = trellis_plan_cell_get_property_name (TRELLIS_PLAN_CELL (cell));
  if (cell_action (box) != NULL)
    set_current (self, cell_action (box), property);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *box)
{
  TrellisAction *action = cell_action (box);

  return action != NULL ? gdk_content_provider_new_typed (TRELLIS_TYPE_ACTION, action) : NULL;
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *box)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (box);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

/* Dropping an action on a row puts it in that row's place in the plan. */
static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         TrellisPlanView *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  TrellisAction *dragged = g_value_get_object (value);
  TrellisAction *onto = cell_action (box);
  guint from = plan_position (self, dragged), to = onto != NULL ? plan_position (self, onto) : G_MAXUINT;

  if (self->sort != TRELLIS_PLAN_SORT_PLAN || filter_active (self) || from == G_MAXUINT || to == G_MAXUINT)
    return FALSE;
  return trellis_plan_edit_move (get_plan (self), self->undo, from, to);
}

static GtkWidget *
make_cell_box (TrellisPlanView *self,
               const char      *property)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkDropTarget *drop = gtk_drop_target_new (TRELLIS_TYPE_ACTION, GDK_ACTION_MOVE);

  g_object_set_data_full (G_OBJECT (box), "property", g_strdup (property), g_free);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), self);
  gtk_widget_add_controller (box, focus);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drop));
  return box;
}

static void
on_cell_destroyed (gpointer  data,
                   GObject  *where_the_cell_was)
{
  TrellisPlanView *self = data;

  g_ptr_array_remove_fast (self->cells, where_the_cell_was);
}

/* The projector shows three columns, each field wrapped to its column's width: the
 * area; the key action with its progress notes under it; who, when and the status.
 * Their widths follow the window's (see relayout_projector()). */
static const Column projector_columns[] = { COLUMN_AREA, COLUMN_ACTION, COLUMN_WHO };

static Column
projector_column_of (const char *property)
{
  if (g_strcmp0 (property, "area") == 0)
    return COLUMN_AREA;
  if (g_strcmp0 (property, "responsible") == 0 || g_strcmp0 (property, "due") == 0)
    return COLUMN_WHO;
  return COLUMN_ACTION;
}

/* GTK 4.8's column view measures a row's height without its columns' widths: in the
 * projector, where text is not cut short, a field's wrapped text is told its column's
 * width, so that its row is as tall as the text and no taller. */
static void
size_cell_for_projector (TrellisPlanView *self,
                         TrellisPlanCell *cell)
{
  int width = -1;

  if (self->projector)
    width = self->projector_widths[projector_column_of (trellis_plan_cell_get_property_name (cell))] - 32;
  trellis_plan_cell_set_reading_width (cell, width > 0 ? width : -1);
}

static GtkWidget *
add_text_cell (TrellisPlanView     *self,
               GtkWidget           *box,
               const char          *property,
               TrellisPlanCellKind  kind,
               const char          *accessible_name)
{
  GtkWidget *cell = trellis_plan_cell_new (property, kind, accessible_name);

  gtk_box_append (GTK_BOX (box), cell);
  size_cell_for_projector (self, TRELLIS_PLAN_CELL (cell));
  g_ptr_array_add (self->cells, cell);
  g_object_weak_ref (G_OBJECT (cell), on_cell_destroyed, self);
  return cell;
}

static void
on_status_selected (GtkDropDown     *dropdown,
                    GParamSpec      *pspec,
                    TrellisPlanView *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (dropdown));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (cell_action (box) == NULL || g_object_get_data (G_OBJECT (box), "updating") != NULL
      || selected >= G_N_ELEMENTS (menu_statuses))
    return;
  trellis_plan_edit_set_status (cell_action (box), self->undo, menu_statuses[selected]);
}

static void
on_round_selected (GtkDropDown     *dropdown,
                   GParamSpec      *pspec,
                   TrellisPlanView *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (dropdown));
  guint selected = gtk_drop_down_get_selected (dropdown);
  TrellisRound *round;

  if (cell_action (box) == NULL || g_object_get_data (G_OBJECT (box), "updating") != NULL
      || self->relisting_rounds || selected == GTK_INVALID_LIST_POSITION)
    return;
  round = selected > 0 ? trellis_project_get_round (self->project, selected - 1) : NULL;
  if (self->undo != NULL)
    trellis_undo_stack_seal (self->undo);
  trellis_plan_edit_set_string (cell_action (box), self->undo, "round-id",
                                round != NULL ? trellis_round_get_id (round) : NULL);
  if (self->undo != NULL)
    trellis_undo_stack_seal (self->undo);
}

static void
refresh_names (TrellisPlanView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  gtk_list_store_clear (self->names);
  if (get_plan (self) == NULL)
    return;
  trellis_plan_get_responsible_names (get_plan (self), names);
  for (guint i = 0; i < names->len; i++)
    gtk_list_store_insert_with_values (self->names, NULL, -1, 0, g_ptr_array_index (names, i), -1);
}

static void
add_handle (TrellisPlanView *self,
            GtkWidget       *box)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");

  gtk_widget_add_css_class (handle, "plan-handle");
  gtk_widget_set_tooltip_text (handle, _("Drag to move the action; Alt+Up and Alt+Down move it too"));
  gtk_widget_set_valign (handle, GTK_ALIGN_START);
  gtk_widget_set_margin_top (handle, 8);
  gtk_box_append (GTK_BOX (box), handle);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), box);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  gtk_widget_set_cursor_from_name (box, "grab");
}

static void
add_who (TrellisPlanView *self,
         GtkWidget       *box)
{
  GtkWidget *cell = add_text_cell (self, box, "responsible", TRELLIS_PLAN_CELL_LINE, _("Who is responsible"));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  trellis_plan_cell_set_completion (TRELLIS_PLAN_CELL (cell), GTK_TREE_MODEL (self->names));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (refresh_names), self);
  gtk_widget_add_controller (cell, focus);
}

/* The box remembers its menu: in the projector it shares the box with other fields. */
static void
add_status (TrellisPlanView *self,
            GtkWidget       *box)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->status_labels)), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_START);
  gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_status_selected), self);
  gtk_box_append (GTK_BOX (box), dropdown);
  g_object_set_data (G_OBJECT (box), "status-dropdown", dropdown);
}

/* How agreement with the linked statements moved since the round the action was agreed
 * after; the box remembers it (see show_round()). */
static void
add_follow_up (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "plan-follow-up");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "follow-up-label", label);
}

static void
add_round (TrellisPlanView *self,
           GtkWidget       *box)
{
  GtkWidget *widget = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->round_labels)), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Round agreed after"), -1);
  g_signal_connect (widget, "notify::selected", G_CALLBACK (on_round_selected), self);
  gtk_box_append (GTK_BOX (box), widget);
  g_object_set_data (G_OBJECT (box), "round-dropdown", widget);
  add_follow_up (box);
}

/* The projector's three columns: fewer, wider, so that words wrap between them. */
static void
setup_projector_cell (TrellisPlanView *self,
                      Column           column,
                      GtkWidget       *box)
{
  GtkWidget *notes;

  switch (column)
    {
    case COLUMN_AREA:
      add_text_cell (self, box, "area", TRELLIS_PLAN_CELL_TEXT, _("Area for improvement"));
      gtk_box_append (GTK_BOX (box), trellis_plan_links_new ());
      break;
    case COLUMN_ACTION:
      add_text_cell (self, box, "text", TRELLIS_PLAN_CELL_TEXT, _("Key action"));
      notes = add_text_cell (self, box, "notes", TRELLIS_PLAN_CELL_TEXT, _("Progress notes"));
      gtk_widget_add_css_class (notes, "plan-notes-under");
      break;
    case COLUMN_WHO:
      add_who (self, box);
      add_text_cell (self, box, "due", TRELLIS_PLAN_CELL_TIMESCALE, _("Timescale"));
      add_status (self, box);
      add_follow_up (box);
      break;
    default:
      break;  /* hidden in the projector */
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TrellisPlanView          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  static const char * const properties_of[N_COLUMNS] = {
    [COLUMN_AREA] = "area", [COLUMN_ACTION] = "text", [COLUMN_WHO] = "responsible",
    [COLUMN_TIMESCALE] = "due", [COLUMN_NOTES] = "notes",
  };
  GtkWidget *box = make_cell_box (self, properties_of[column]);

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, box);
  if (self->projector)
    {
      setup_projector_cell (self, column, box);
      return;
    }
  switch (column)
    {
    case COLUMN_HANDLE:
      add_handle (self, box);
      break;
    case COLUMN_AREA:
      add_text_cell (self, box, "area", TRELLIS_PLAN_CELL_TEXT, _("Area for improvement"));
      gtk_box_append (GTK_BOX (box), trellis_plan_links_new ());
      break;
    case COLUMN_ACTION:
      add_text_cell (self, box, "text", TRELLIS_PLAN_CELL_TEXT, _("Key action"));
      break;
    case COLUMN_WHO:
      add_who (self, box);
      break;
    case COLUMN_TIMESCALE:
      add_text_cell (self, box, "due", TRELLIS_PLAN_CELL_TIMESCALE, _("Timescale"));
      break;
    case COLUMN_STATUS:
      add_status (self, box);
      break;
    case COLUMN_NOTES:
      add_text_cell (self, box, "notes", TRELLIS_PLAN_CELL_TEXT, _("Progress notes"));
      break;
    case COLUMN_ROUND:
      add_round (self, box);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
show_status (GtkWidget *box)
{
  GtkWidget *dropdown = g_object_get_data (G_OBJECT (box), "status-dropdown");
  TrellisActionStatus status = trellis_action_get_status (cell_action (box));

  g_object_set_data (G_OBJECT (box), "updating", GINT_TO_POINTER (1));
  for (guint i = 0; i < G_N_ELEMENTS (menu_statuses); i++)
    if (menu_statuses[i] == status)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  g_object_set_data (G_OBJECT (box), "updating", NULL);
  if (status == TRELLIS_ACTION_AT_RISK)
    gtk_widget_add_css_class (dropdown, "status-at-risk");
  else
    gtk_widget_remove_css_class (dropdown, "status-at-risk");
}

static void
show_round (GtkWidget *box)
{
  TrellisPlanView *self = g_object_get_data (G_OBJECT (box), "view");
  TrellisAction *action = cell_action (box);
  GtkWidget *dropdown = g_object_get_data (G_OBJECT (box), "round-dropdown");
  GtkWidget *label = g_object_get_data (G_OBJECT (box), "follow-up-label");
  const char *round_id = trellis_action_get_round_id (action);
  TrellisRound *round = round_id != NULL ? trellis_project_find_round (self->project, round_id) : NULL;
  guint position = 0, n = trellis_project_get_n_rounds (self->project);
  TrellisActionFollowUp follow_up;

  for (guint i = 0; round != NULL && i < n; i++)
    if (trellis_project_get_round (self->project, i) == round)
      position = i + 1;
  if (dropdown != NULL)
    {
      g_object_set_data (G_OBJECT (box), "updating", GINT_TO_POINTER (1));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
      g_object_set_data (G_OBJECT (box), "updating", NULL);
    }
  gtk_widget_remove_css_class (label, "up");
  gtk_widget_remove_css_class (label, "down");
  if (self->follow_up != NULL && trellis_plan_follow_up_get (self->follow_up, action, &follow_up))
    {
      g_autofree char *text = trellis_action_follow_up_format (&follow_up, FALSE);
      g_autofree char *details = trellis_action_follow_up_format (&follow_up, TRUE);

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_set_tooltip_text (label, details);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details, -1);
      if (follow_up.change >= 0.5)
        gtk_widget_add_css_class (label, "up");
      else if (follow_up.change <= -0.5)
        gtk_widget_add_css_class (label, "down");
      gtk_widget_set_visible (label, TRUE);
    }
  else
    gtk_widget_set_visible (label, FALSE);
}

/* GTK 4.8 names the cell and the row it builds around a field after their types: a
 * screen reader hears the column's title and the action's area instead. */
static void
name_row_parts (TrellisPlanView *self,
                GtkWidget       *box,
                Column           column,
                TrellisAction   *action)
{
  const char *title = gtk_column_view_column_get_title (self->columns[column]);
  const char *area = trellis_action_get_area (action);
  g_autofree char *row_name = NULL;

  /* TRANSLATORS: a row of the improvement plan, named after its action's area */
  row_name = area != NULL && *area != '\0' ? g_strdup_printf (_("Action: %s"), area) : g_strdup (_("New action"));
  trellis_accessible_name_column_view_cell (box, title != NULL && *title != '\0' ? title : _("Move"), row_name);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TrellisPlanView          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *box = gtk_list_item_get_child (item);
  TrellisAction *action = gtk_list_item_get_item (item);
  gulong id = 0;

  if (self->projector && column == COLUMN_ROUND)
    return;  /* hidden, and empty */

  g_object_set_data_full (G_OBJECT (box), "action", g_object_ref (action), g_object_unref);
  g_object_set_data (G_OBJECT (box), "view", self);
  name_row_parts (self, box, column, action);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (TRELLIS_IS_PLAN_CELL (child))
        trellis_plan_cell_bind (TRELLIS_PLAN_CELL (child), action, self->undo);
      else if (TRELLIS_IS_PLAN_LINKS (child))
        trellis_plan_links_bind (TRELLIS_PLAN_LINKS (child), self->project, action, self->undo);
    }
  if (g_object_get_data (G_OBJECT (box), "status-dropdown") != NULL)
    {
      show_status (box);
      id = g_signal_connect_swapped (action, "notify::status", G_CALLBACK (show_status), box);
    }
  g_object_set_data (G_OBJECT (box), "notify-id", GSIZE_TO_POINTER (id));
  if (g_object_get_data (G_OBJECT (box), "follow-up-label") != NULL)
    {
      show_round (box);
      id = g_signal_connect_swapped (action, "notify::round-id", G_CALLBACK (show_round), box);
      g_object_set_data (G_OBJECT (box), "round-notify-id", GSIZE_TO_POINTER (id));
    }
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TrellisPlanView          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  static const char * const keys[] = { "notify-id", "round-notify-id" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (box), keys[i]));

      if (id != 0 && cell_action (box) != NULL)
        g_signal_handler_disconnect (cell_action (box), id);
      g_object_set_data (G_OBJECT (box), keys[i], NULL);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (TRELLIS_IS_PLAN_CELL (child))
        trellis_plan_cell_unbind (TRELLIS_PLAN_CELL (child));
      else if (TRELLIS_IS_PLAN_LINKS (child))
        trellis_plan_links_unbind (TRELLIS_PLAN_LINKS (child));
    }
  g_object_set_data (G_OBJECT (box), "action", NULL);
}

static TrellisPlanLinks *
find_links (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      TrellisPlanLinks *found = TRELLIS_IS_PLAN_LINKS (child) ? TRELLIS_PLAN_LINKS (child) : find_links (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+L: the linked statements of the row the keyboard is in. The cell's box carries its
 * action; the box's cell's parent is the row. */
static void
link_statements_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *box = root != NULL ? gtk_root_get_focus (root) : NULL;
  TrellisPlanLinks *links;

  while (box != NULL && box != widget && cell_action (box) == NULL)
    box = gtk_widget_get_parent (box);
  if (box == NULL || box == widget || gtk_widget_get_parent (box) == NULL)
    return;
  links = find_links (gtk_widget_get_parent (gtk_widget_get_parent (box)));
  if (links != NULL)
    trellis_plan_links_popup (links);
}

static GtkListItemFactory *
make_factory (TrellisPlanView *self,
              Column           column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
  return factory;
}

static const struct
{
  const char *title;
  const char *projector_title;
  int         width;
  gboolean    expand;
} column_info[N_COLUMNS] = {
  /* 1,366 pixels wide shows them all; 1,024 all but the last two. */
  [COLUMN_HANDLE] = { "", NULL, 30, FALSE },
  [COLUMN_AREA] = { N_("Area for improvement"), N_("Area for improvement"), 200, FALSE },
  [COLUMN_ACTION] = { N_("Key action"), N_("Key action and progress"), 260, TRUE },
  [COLUMN_WHO] = { N_("Who"), N_("Who, when, status"), 150, FALSE },
  [COLUMN_TIMESCALE] = { N_("Timescale"), NULL, 120, FALSE },
  [COLUMN_STATUS] = { N_("Status"), NULL, 130, FALSE },
  [COLUMN_NOTES] = { N_("Progress notes"), NULL, 200, TRUE },
  [COLUMN_ROUND] = { N_("Agreed after"), NULL, 140, FALSE },
};

static void
add_columns (TrellisPlanView *self)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autoptr(GtkColumnViewColumn) view_column =
        gtk_column_view_column_new (*column_info[column].title != '\0' ? _(column_info[column].title) : "",
                                    make_factory (self, column));

      gtk_column_view_column_set_fixed_width (view_column, column_info[column].width);
      gtk_column_view_column_set_expand (view_column, column_info[column].expand);
      gtk_column_view_column_set_resizable (view_column, column != COLUMN_HANDLE);
      gtk_column_view_append_column (self->column_view, view_column);
      self->columns[column] = view_column;
    }
}

/* Sorting and filtering */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TrellisPlanView *self = user_data;
  TrellisPlanFilter filter;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  guint status = gtk_drop_down_get_selected (self->status_filter);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  trellis_plan_filter_init (&filter);
  filter.area = gtk_editable_get_text (self->area_filter);
  filter.responsible = gtk_editable_get_text (self->who_filter);
  filter.status = status > 0 && status <= G_N_ELEMENTS (menu_statuses) ? (int) menu_statuses[status - 1] : -1;
  filter.overdue_only = gtk_check_button_get_active (self->overdue_check);
  filter.today = &today;
  return trellis_plan_filter_matches (&filter, item);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  TrellisPlanView *self = user_data;
  int order = trellis_plan_compare (self->sort, (TrellisAction *) a, (TrellisAction *) b);
  guint position_a, position_b;

  if (order != 0)
    return order;
  position_a = plan_position (self, (TrellisAction *) a);
  position_b = plan_position (self, (TrellisAction *) b);
  return position_a < position_b ? -1 : position_a > position_b;
}

static void
on_filter_changed (TrellisPlanView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_sort_changed (TrellisPlanView *self)
{
  self->sort = gtk_drop_down_get_selected (self->sort_dropdown);
  /* The plan's own order passes straight through, so that moves show at once. */
  gtk_sort_list_model_set_sorter (self->sort_model,
                                  self->sort == TRELLIS_PLAN_SORT_PLAN ? NULL : GTK_SORTER (self->sorter));
  if (self->sort != TRELLIS_PLAN_SORT_PLAN)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_actions (self);
}

static void
update_follow_up (TrellisPlanView *self)
{
  if (!self->follow_up_stale || self->project == NULL)
    return;
  self->follow_up_stale = FALSE;
  g_clear_pointer (&self->follow_up, trellis_plan_follow_up_free);
  self->follow_up = trellis_plan_follow_up_new (self->project);
  /* Bound rows show the new follow-up too; their round menus are relisted, not edited. */
  self->relisting_rounds = TRUE;
  gtk_column_view_set_model (self->column_view, NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->relisting_rounds = FALSE;
}

static void
trellis_plan_view_map (GtkWidget *widget)
{
  TrellisPlanView *self = TRELLIS_PLAN_VIEW (widget);

  GTK_WIDGET_CLASS (trellis_plan_view_parent_class)->map (widget);
  update_follow_up (self);
  /* Its rows, let go of while a project came in unseen (see set_project()). */
  if (gtk_column_view_get_model (self->column_view) == NULL)
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

static void
on_rounds_changed (TrellisPlanView *self)
{
  guint n = trellis_project_get_n_rounds (self->project);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  g_strv_builder_add (builder, _("None"));
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, trellis_round_get_label (trellis_project_get_round (self->project, i)));
  labels = g_strv_builder_end (builder);
  /* Relisting moves each menu's choice: that is no edit of the action's round. */
  self->relisting_rounds = TRUE;
  gtk_string_list_splice (self->round_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->round_labels)),
                          (const char * const *) labels);
  self->relisting_rounds = FALSE;
  g_clear_pointer (&self->follow_up, trellis_plan_follow_up_free);
  /* The follow-up goes over every answer of every round (a fifth of a second at 100,000
   * responses): a plan not on screen makes it when it comes into view. */
  self->follow_up_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_follow_up (self);
}

static void
disconnect_project (TrellisPlanView *self)
{
  if (self->project == NULL)
    return;
  g_clear_signal_handler (&self->plan_changed_id, trellis_plan_get_actions (get_plan (self)));
  g_clear_signal_handler (&self->rounds_changed_id, trellis_project_get_rounds (self->project));
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->current);
  g_clear_object (&self->project);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->follow_up, trellis_plan_follow_up_free);
}

/**
 * trellis_plan_view_set_project:
 * @project: (nullable): the project whose plan to show
 * @undo: (nullable): where edits are recorded: the document's undo stack
 */
void
trellis_plan_view_set_project (TrellisPlanView  *self,
                               TrellisProject   *project,
                               TrellisUndoStack *undo)
{
  g_return_if_fail (TRELLIS_IS_PLAN_VIEW (self));
  g_return_if_fail (project == NULL || TRELLIS_IS_PROJECT (project));

  /* The room sees the project the window shows, not one closed since. */
  if (project != self->project && self->projector_window != NULL)
    gtk_window_destroy (self->projector_window);
  disconnect_project (self);
  if (project != NULL)
    {
      GListModel *actions = trellis_plan_get_actions (trellis_project_get_plan (project));

      self->project = g_object_ref (project);
      self->undo = undo != NULL ? g_object_ref (undo) : NULL;
      self->plan_changed_id = g_signal_connect_swapped (actions, "items-changed", G_CALLBACK (update_count), self);
      self->rounds_changed_id = g_signal_connect_swapped (trellis_project_get_rounds (project), "items-changed",
                                                          G_CALLBACK (on_rounds_changed), self);
      on_rounds_changed (self);
      /* A column view makes rows for its items even while hidden, and a project opens
       * behind the Responses view: the rows are made when the plan is first shown, not
       * while the window's first frame waits. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_column_view_set_model (self->column_view, NULL);
      gtk_filter_list_model_set_model (self->filter_model, actions);
    }
  update_count (self);
}

/**
 * trellis_plan_view_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
TrellisProject *
trellis_plan_view_get_project (TrellisPlanView *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN_VIEW (self), NULL);
  return self->project;
}

/**
 * trellis_plan_view_get_current_action:
 *
 * Returns: (transfer none) (nullable): the action whose row has the cursor
 */
TrellisAction *
trellis_plan_view_get_current_action (TrellisPlanView *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN_VIEW (self), NULL);
  return self->current;
}

/* The projector's columns share the window's width: the area and who-when-status a
 * quarter each (within bounds that keep a long word and the status menu whole), the key
 * action the rest. Fixed widths, not expanding ones, so that each field can be told its
 * width (see size_cell_for_projector()). */
static void
fit_projector_columns (TrellisPlanView *self,
                       int              width)
{
  int area = CLAMP (width / 4, 220, 380);
  int who = CLAMP (width / 4, 230, 340);

  memset (self->projector_widths, 0, sizeof self->projector_widths);
  self->projector_widths[COLUMN_AREA] = area;
  self->projector_widths[COLUMN_WHO] = who;
  /* Less room for a scroll bar: no column is cut at the right edge. */
  self->projector_widths[COLUMN_ACTION] = MAX (width - area - who - 24, 240);
  self->laid_out_width = width;
  for (guint i = 0; i < G_N_ELEMENTS (projector_columns); i++)
    gtk_column_view_column_set_fixed_width (self->columns[projector_columns[i]],
                                            self->projector_widths[projector_columns[i]]);
  for (guint i = 0; i < self->cells->len; i++)
    size_cell_for_projector (self, g_ptr_array_index (self->cells, i));
}

/**
 * trellis_plan_view_fit_projector:
 * @width: the width the view is given, in pixels
 *
 * Shares @width among the projector's columns. The projector's window tells it after
 * each allocation that changes its width.
 */
void
trellis_plan_view_fit_projector (TrellisPlanView *self,
                                 int              width)
{
  g_return_if_fail (TRELLIS_IS_PLAN_VIEW (self));

  if (self->projector && width > 0 && width != self->laid_out_width)
    fit_projector_columns (self, width);
}

/**
 * trellis_plan_view_set_projector:
 *
 * Lays the view out for a projector: large type, three wide columns the room reads
 * (the area; the key action with its progress notes; who, when and the status), and
 * no filters.
 */
void
trellis_plan_view_set_projector (TrellisPlanView *self,
                                 gboolean         projector)
{
  g_return_if_fail (TRELLIS_IS_PLAN_VIEW (self));

  projector = !!projector;
  if (self->projector == projector)
    return;
  self->projector = projector;
  gtk_widget_set_visible (self->filter_box, !projector);
  gtk_widget_set_visible (self->edit_buttons, !projector);
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      const char *title = projector ? column_info[c].projector_title : column_info[c].title;
      g_autoptr(GtkListItemFactory) factory = make_factory (self, c);

      /* New fields for every row: the projector's columns hold other fields. */
      gtk_column_view_column_set_factory (self->columns[c], factory);
      gtk_column_view_column_set_visible (self->columns[c], title != NULL);
      gtk_column_view_column_set_title (self->columns[c], title != NULL && *title != '\0' ? _(title) : "");
      gtk_column_view_column_set_expand (self->columns[c], !projector && column_info[c].expand);
      gtk_column_view_column_set_resizable (self->columns[c], !projector && c != COLUMN_HANDLE);
      if (!projector)
        gtk_column_view_column_set_fixed_width (self->columns[c], column_info[c].width);
    }
  if (projector)
    fit_projector_columns (self, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1024));
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTOR]);
}

gboolean
trellis_plan_view_get_projector (TrellisPlanView *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN_VIEW (self), FALSE);
  return self->projector;
}

/**
 * trellis_plan_view_open_projector:
 *
 * Shows the plan full screen in a window of its own, light and high-contrast whatever
 * the desktop theme, still editable; Esc closes it.
 *
 * Returns: (transfer none) (nullable): the projector window
 */
GtkWindow *
trellis_plan_view_open_projector (TrellisPlanView *self)
{
  GtkWidget *projector;
  GtkRoot *root;

  g_return_val_if_fail (TRELLIS_IS_PLAN_VIEW (self), NULL);

  if (self->project == NULL || self->projector)
    return NULL;
  if (self->projector_window != NULL)
    {
      gtk_window_present (self->projector_window);
      return self->projector_window;
    }
  projector = trellis_projector_new (self->project, self->round, self->undo);
  self->projector_window = GTK_WINDOW (projector);
  g_object_add_weak_pointer (G_OBJECT (projector), (gpointer *) &self->projector_window);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  trellis_projector_present_over (TRELLIS_PROJECTOR (projector), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  if (self->current != NULL)
    trellis_plan_view_focus_action (TRELLIS_PLAN_VIEW (trellis_projector_get_plan_view (TRELLIS_PROJECTOR (projector))),
                                    self->current, self->current_property != NULL ? self->current_property : "text");
  return GTK_WINDOW (projector);
}

static void
trellis_plan_view_dispose (GObject *object)
{
  TrellisPlanView *self = TRELLIS_PLAN_VIEW (object);
  GtkWidget *child;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->remake_id, g_source_remove);
  g_clear_object (&self->left_action);
  if (self->projector_window != NULL)
    gtk_window_destroy (self->projector_window);
  disconnect_project (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PLAN_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->pending_action);
  g_clear_object (&self->window_undo);
  g_clear_object (&self->round);
  g_clear_object (&self->selection);
  g_clear_object (&self->round_labels);
  g_clear_object (&self->status_labels);
  g_clear_object (&self->names);

  G_OBJECT_CLASS (trellis_plan_view_parent_class)->dispose (object);
}

static void
trellis_plan_view_finalize (GObject *object)
{
  TrellisPlanView *self = TRELLIS_PLAN_VIEW (object);

  for (guint i = 0; i < self->cells->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->cells, i), on_cell_destroyed, self);
  g_ptr_array_unref (self->cells);
  g_free (self->current_property);
  g_free (self->pending_property);
  g_string_free (self->pending_text, TRUE);

  G_OBJECT_CLASS (trellis_plan_view_parent_class)->finalize (object);
}

static void
trellis_plan_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrellisPlanView *self = TRELLIS_PLAN_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECTOR:
      g_value_set_boolean (value, self->projector);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_shortcuts (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "plan.add", NULL, add_action_activated);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "plan.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "plan.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "plan.projector", NULL, projector_activated);
  gtk_widget_class_install_action (widget_class, "plan.leave-projector", NULL, leave_projector_activated);
  gtk_widget_class_install_action (widget_class, "plan.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "plan.redo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "plan.link-statements", NULL, link_statements_action);
}

/* Typing before the new action's field has the focus is kept for that field, and a Tab
 * for when it has: under load the row may come a few frames after Ctrl+Return, and the
 * keys typed meanwhile must not land elsewhere (see replay_pending_keys()). */
static gboolean
on_key_pressed (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TrellisPlanView       *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (self->pending_action == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab)
    {
      gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

      g_string_append_c (self->pending_text, back ? TAB_BACKWARD : TAB_FORWARD);
      return TRUE;
    }
  if (c == 0 || g_unichar_iscntrl (c))
    return FALSE;
  g_string_append_unichar (self->pending_text, c);
  return TRUE;
}

/* Caught before the fields see them: Ctrl+Return in a text field adds an action rather
 * than a new line, Alt+Up moves the row rather than the cursor. */
static void
add_capture_shortcuts (TrellisPlanView *self)
{
  static const struct
  {
    const char *trigger;
    const char *action;
  } keys[] = {
    { "<Control>Return", "plan.add" }, { "<Control>KP_Enter", "plan.add" },
    { "<Control>Delete", "plan.delete" }, { "<Control>KP_Delete", "plan.delete" },
    { "<Alt>Up", "plan.move-up" }, { "<Alt>Down", "plan.move-down" },
    { "Escape", "plan.leave-projector" }, { "F5", "plan.projector" },
    { "<Control>l", "plan.link-statements" },
    { "<Control>z", "plan.undo" }, { "<Control><Shift>z", "plan.redo" }, { "<Control>y", "plan.redo" },
  };
  GtkEventController *capture = gtk_shortcut_controller_new ();
  GtkEventController *bubble = gtk_shortcut_controller_new ();
  GtkEventController *typing;

  gtk_event_controller_set_propagation_phase (capture, GTK_PHASE_CAPTURE);
  /* Wherever the focus is in the window while the plan is shown (on the view switcher
   * just pressed, say), Ctrl+Return adds an action. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (capture), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (capture),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), capture);
  /* Delete alone deletes the action only where it deletes no text. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (bubble),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete"),
                                                          gtk_named_action_new ("plan.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self), bubble);

  typing = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (typing, GTK_PHASE_CAPTURE);
  g_signal_connect (typing, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), typing);
}

static void
trellis_plan_view_class_init (TrellisPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_plan_view_dispose;
  object_class->finalize = trellis_plan_view_finalize;
  object_class->get_property = trellis_plan_view_get_property;
  widget_class->map = trellis_plan_view_map;

  properties[PROP_PROJECTOR] =
    g_param_spec_boolean ("projector", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/trellisapp/Trellis/ui/trellis-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, edit_buttons);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, area_filter);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, who_filter);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisPlanView, count_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  install_shortcuts (widget_class);
}

static void
setup_models (TrellisPlanView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->round_labels = gtk_string_list_new (NULL);
  self->status_labels = gtk_string_list_new (NULL);
  gtk_string_list_append (statuses, _("Any status"));
  for (guint i = 0; i < G_N_ELEMENTS (menu_statuses); i++)
    {
      gtk_string_list_append (self->status_labels, trellis_action_status_get_label (menu_statuses[i]));
      gtk_string_list_append (statuses, trellis_action_status_get_label (menu_statuses[i]));
    }
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  self->names = gtk_list_store_new (1, G_TYPE_STRING);
  self->cells = g_ptr_array_new ();
  self->pending_text = g_string_new (NULL);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  g_object_ref (self->sorter);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->sort_model, "items-changed", G_CALLBACK (update_count), self);
}

static void
trellis_plan_view_init (TrellisPlanView *self)
{
  trellis_style_add_resource ("/org/trellisapp/Trellis/ui/trellis-plan-view.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "plan-view");
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "plan-table");
  /* The column titles' row, which GTK 4.8 would name after its type. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->column_view)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->column_view))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column titles"), -1);
  setup_models (self);
  add_columns (self);
  add_capture_shortcuts (self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (on_sort_changed), self);
  g_signal_connect_swapped (self->area_filter, "search-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->who_filter, "search-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->overdue_check, "toggled", G_CALLBACK (on_filter_changed), self);
  update_count (self);
}

/* As a view of the window: the project and round it shows, the document's undo. */
static void
trellis_plan_view_show (TrellisView    *view,
                        TrellisProject *project,
                        TrellisRound   *round,
                        TrellisSummary *summary)
{
  TrellisPlanView *self = TRELLIS_PLAN_VIEW (view);

  g_set_object (&self->round, round);
  if (project != self->project || self->undo != self->window_undo)
    trellis_plan_view_set_project (self, project, project != NULL ? self->window_undo : NULL);
}

static void
trellis_plan_view_show_section (TrellisView    *view,
                                TrellisSection *section)
{
  /* The plan is the whole partnership's, not one section's. */
}

static gboolean
trellis_plan_view_get_needs_section (TrellisView *view)
{
  return FALSE;
}

static void
trellis_plan_view_view_init (TrellisViewInterface *iface)
{
  iface->show = trellis_plan_view_show;
  iface->show_section = trellis_plan_view_show_section;
  iface->get_needs_section = trellis_plan_view_get_needs_section;
}

/**
 * trellis_plan_view_set_undo_stack:
 * @undo: (nullable): the document's undo stack
 *
 * Where the edits of the projects trellis_view_show() brings are recorded.
 */
void
trellis_plan_view_set_undo_stack (TrellisPlanView  *self,
                                  TrellisUndoStack *undo)
{
  g_return_if_fail (TRELLIS_IS_PLAN_VIEW (self));

  g_set_object (&self->window_undo, undo);
}

GtkWidget *
trellis_plan_view_new (void)
{
  return g_object_new (TRELLIS_TYPE_PLAN_VIEW, NULL);
}
