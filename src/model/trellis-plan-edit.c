/* trellis-plan-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-plan-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-plan-edit.h"

/* Adding and deleting are one record: the action and where it stood. Undoing an add
 * removes it; undoing a delete puts the same object back, so that edits of its fields
 * further down the stack still find it. */
typedef struct
{
  TrellisPlan   *plan;
  TrellisAction *action;
  guint          position;
} PresenceEdit;

typedef struct
{
  TrellisPlan *plan;
  guint        from;
  guint        to;
} MoveEdit;

static void
presence_edit_free (PresenceEdit *edit)
{
  g_object_unref (edit->plan);
  g_object_unref (edit->action);
  g_free (edit);
}

static void
presence_edit_insert (gpointer data)
{
  PresenceEdit *edit = data;

  trellis_plan_insert_action (edit->plan, edit->position, edit->action);
}

static void
presence_edit_remove (gpointer data)
{
  PresenceEdit *edit = data;

  trellis_plan_remove_action (edit->plan, edit->action);
}

static PresenceEdit *
presence_edit_new (TrellisPlan   *plan,
                   TrellisAction *action,
                   guint          position)
{
  PresenceEdit *edit = g_new0 (PresenceEdit, 1);

  edit->plan = g_object_ref (plan);
  edit->action = g_object_ref (action);
  edit->position = position;
  return edit;
}

static guint
find_position (TrellisPlan   *plan,
               TrellisAction *action)
{
  guint position;

  if (g_list_store_find (G_LIST_STORE (trellis_plan_get_actions (plan)), action, &position))
    return position;
  return G_MAXUINT;
}

/**
 * trellis_plan_edit_add:
 * @undo: (nullable): where the edit is recorded
 * @position: where the new action goes; past the end appends it
 *
 * Adds an empty action, not started.
 *
 * Returns: (transfer none): the new action
 */
TrellisAction *
trellis_plan_edit_add (TrellisPlan      *plan,
                       TrellisUndoStack *undo,
                       guint             position)
{
  g_autofree char *id = NULL;
  g_autoptr(TrellisAction) action = NULL;

  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), NULL);
  g_return_val_if_fail (undo == NULL || TRELLIS_IS_UNDO_STACK (undo), NULL);

  id = trellis_plan_new_action_id (plan);
  action = trellis_action_new (id);
  position = MIN (position, trellis_plan_get_n_actions (plan));
  trellis_plan_insert_action (plan, position, action);
  if (undo != NULL)
    trellis_undo_stack_push (undo, _("Add Action"), presence_edit_remove, presence_edit_insert,
                             presence_edit_new (plan, action, position), (GDestroyNotify) presence_edit_free);
  return action;
}

/**
 * trellis_plan_edit_remove:
 * @undo: (nullable): where the edit is recorded
 *
 * Deletes @action from @plan; undo puts it back where it was.
 */
void
trellis_plan_edit_remove (TrellisPlan      *plan,
                          TrellisUndoStack *undo,
                          TrellisAction    *action)
{
  guint position;

  g_return_if_fail (TRELLIS_IS_PLAN (plan));
  g_return_if_fail (undo == NULL || TRELLIS_IS_UNDO_STACK (undo));
  g_return_if_fail (TRELLIS_IS_ACTION (action));

  position = find_position (plan, action);
  g_return_if_fail (position != G_MAXUINT);

  if (undo != NULL)
    trellis_undo_stack_seal (undo);
  g_object_ref (action);
  trellis_plan_remove_action (plan, action);
  if (undo != NULL)
    trellis_undo_stack_push (undo, _("Delete Action"), presence_edit_insert, presence_edit_remove,
                             presence_edit_new (plan, action, position), (GDestroyNotify) presence_edit_free);
  g_object_unref (action);
}

static void
move_edit_undo (gpointer data)
{
  MoveEdit *edit = data;

  trellis_plan_move_action (edit->plan, edit->to, edit->from);
}

static void
move_edit_redo (gpointer data)
{
  MoveEdit *edit = data;

  trellis_plan_move_action (edit->plan, edit->from, edit->to);
}

static void
move_edit_free (MoveEdit *edit)
{
  g_object_unref (edit->plan);
  g_free (edit);
}

/**
 * trellis_plan_edit_move:
 * @undo: (nullable): where the edit is recorded
 * @from: the action's position
 * @to: where it goes
 *
 * Returns: whether the action moved
 */
gboolean
trellis_plan_edit_move (TrellisPlan      *plan,
                        TrellisUndoStack *undo,
                        guint             from,
                        guint             to)
{
  guint n;
  MoveEdit *edit;

  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (undo == NULL || TRELLIS_IS_UNDO_STACK (undo), FALSE);

  n = trellis_plan_get_n_actions (plan);
  if (from >= n || to >= n || from == to)
    return FALSE;
  if (!trellis_plan_move_action (plan, from, to))
    return FALSE;
  if (undo == NULL)
    return TRUE;
  trellis_undo_stack_seal (undo);
  edit = g_new0 (MoveEdit, 1);
  edit->plan = g_object_ref (plan);
  edit->from = from;
  edit->to = to;
  trellis_undo_stack_push (undo, _("Move Action"), move_edit_undo, move_edit_redo, edit,
                           (GDestroyNotify) move_edit_free);
  return TRUE;
}

static const char *
property_label (const char *property)
{
  if (g_str_equal (property, "area"))
    return _("Edit Area for Improvement");
  if (g_str_equal (property, "text"))
    return _("Edit Key Action");
  if (g_str_equal (property, "responsible"))
    return _("Edit Who Is Responsible");
  if (g_str_equal (property, "due"))
    return _("Edit Timescale");
  if (g_str_equal (property, "notes"))
    return _("Edit Progress Notes");
  if (g_str_equal (property, "round-id"))
    return _("Edit Round Agreed After");
  if (g_str_equal (property, "status"))
    return _("Change Status");
  return _("Edit Linked Statements");
}

/* Sets @property to @value and records the change; typing on in the same field joins
 * the same step until the stack is sealed. */
static void
set_and_record (TrellisAction    *action,
                TrellisUndoStack *undo,
                const char       *property,
                const GValue     *value)
{
  GValue old_value = G_VALUE_INIT;

  g_value_init (&old_value, G_VALUE_TYPE (value));
  g_object_get_property (G_OBJECT (action), property, &old_value);
  g_object_set_property (G_OBJECT (action), property, value);
  if (undo != NULL && !trellis_undo_stack_get_applying (undo))
    trellis_undo_stack_push_property (undo, property_label (property), G_OBJECT (action), property, &old_value);
  g_value_unset (&old_value);
}

/**
 * trellis_plan_edit_set_string:
 * @undo: (nullable): where the edit is recorded
 * @property: "area", "text", "responsible", "due", "notes" or "round-id"
 * @value: (nullable): the new text
 */
void
trellis_plan_edit_set_string (TrellisAction    *action,
                              TrellisUndoStack *undo,
                              const char       *property,
                              const char       *value)
{
  GValue new_value = G_VALUE_INIT;

  g_return_if_fail (TRELLIS_IS_ACTION (action));
  g_return_if_fail (undo == NULL || TRELLIS_IS_UNDO_STACK (undo));
  g_return_if_fail (property != NULL);

  /* An empty field is no text at all, as a freshly added action has. */
  if (value != NULL && *value == '\0')
    value = NULL;
  g_value_init (&new_value, G_TYPE_STRING);
  g_value_set_string (&new_value, value);
  set_and_record (action, undo, property, &new_value);
  g_value_unset (&new_value);
}

/**
 * trellis_plan_edit_set_status:
 * @undo: (nullable): where the edit is recorded
 */
void
trellis_plan_edit_set_status (TrellisAction       *action,
                              TrellisUndoStack    *undo,
                              TrellisActionStatus  status)
{
  GValue new_value = G_VALUE_INIT;

  g_return_if_fail (TRELLIS_IS_ACTION (action));
  g_return_if_fail (status < TRELLIS_ACTION_N_STATUSES);

  g_value_init (&new_value, G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (action), "status")));
  g_value_set_enum (&new_value, status);
  if (undo != NULL)
    trellis_undo_stack_seal (undo);
  set_and_record (action, undo, "status", &new_value);
  if (undo != NULL)
    trellis_undo_stack_seal (undo);
  g_value_unset (&new_value);
}

/**
 * trellis_plan_edit_set_statement_ids:
 * @undo: (nullable): where the edit is recorded
 * @statement_ids: (nullable): the statements the action answers
 */
void
trellis_plan_edit_set_statement_ids (TrellisAction      *action,
                                     TrellisUndoStack   *undo,
                                     const char * const *statement_ids)
{
  GValue new_value = G_VALUE_INIT;

  g_return_if_fail (TRELLIS_IS_ACTION (action));

  g_value_init (&new_value, G_TYPE_STRV);
  g_value_set_boxed (&new_value, statement_ids);
  if (undo != NULL)
    trellis_undo_stack_seal (undo);
  set_and_record (action, undo, "statement-ids", &new_value);
  if (undo != NULL)
    trellis_undo_stack_seal (undo);
  g_value_unset (&new_value);
}

/* Statements and sections change together, as one step: ticking a section in the
 * checklist makes its statements part of it. */
typedef struct
{
  TrellisAction *action;
  GStrv          statement_ids[2];  /* before, after */
  GStrv          section_ids[2];
} LinksEdit;

static void
links_edit_free (LinksEdit *edit)
{
  g_object_unref (edit->action);
  for (guint i = 0; i < 2; i++)
    {
      g_strfreev (edit->statement_ids[i]);
      g_strfreev (edit->section_ids[i]);
    }
  g_free (edit);
}

static void
links_edit_set (LinksEdit *edit,
                guint      which)
{
  g_object_freeze_notify (G_OBJECT (edit->action));
  trellis_action_set_statement_ids (edit->action, (const char * const *) edit->statement_ids[which]);
  trellis_action_set_section_ids (edit->action, (const char * const *) edit->section_ids[which]);
  g_object_thaw_notify (G_OBJECT (edit->action));
}

static void
links_edit_undo (gpointer data)
{
  links_edit_set (data, 0);
}

static void
links_edit_redo (gpointer data)
{
  links_edit_set (data, 1);
}

/**
 * trellis_plan_edit_set_links:
 * @undo: (nullable): where the edit is recorded
 * @statement_ids: (nullable): the single statements the action answers
 * @section_ids: (nullable): the whole sections it answers
 *
 * Links @action to statements and sections, one step of undo.
 */
void
trellis_plan_edit_set_links (TrellisAction      *action,
                             TrellisUndoStack   *undo,
                             const char * const *statement_ids,
                             const char * const *section_ids)
{
  const char * const empty[] = { NULL };
  LinksEdit *edit;

  g_return_if_fail (TRELLIS_IS_ACTION (action));

  edit = g_new0 (LinksEdit, 1);
  edit->action = g_object_ref (action);
  edit->statement_ids[0] = g_strdupv ((char **) trellis_action_get_statement_ids (action));
  edit->section_ids[0] = g_strdupv ((char **) trellis_action_get_section_ids (action));
  edit->statement_ids[1] = g_strdupv ((char **) (statement_ids != NULL ? statement_ids : empty));
  edit->section_ids[1] = g_strdupv ((char **) (section_ids != NULL ? section_ids : empty));
  if (undo == NULL || trellis_undo_stack_get_applying (undo)
      || (g_strv_equal ((const char * const *) edit->statement_ids[0], (const char * const *) edit->statement_ids[1])
          && g_strv_equal ((const char * const *) edit->section_ids[0], (const char * const *) edit->section_ids[1])))
    {
      links_edit_redo (edit);
      links_edit_free (edit);
      return;
    }
  trellis_undo_stack_seal (undo);
  trellis_undo_stack_apply (undo, _("Link Statements"), links_edit_undo, links_edit_redo, edit,
                            (GDestroyNotify) links_edit_free);
  trellis_undo_stack_seal (undo);
}
