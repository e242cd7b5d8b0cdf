/* trellis-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-plan"

#include "config.h"

#include "trellis-action.h"
#include "trellis-plan.h"

struct _TrellisPlan
{
  TrellisNode  parent_instance;

  GListStore  *actions;
};

G_DEFINE_FINAL_TYPE (TrellisPlan, trellis_plan, TRELLIS_TYPE_NODE)

static void
trellis_plan_dispose (GObject *object)
{
  TrellisPlan *self = (TrellisPlan *) object;

  if (self->actions != NULL)
    _trellis_node_store_clear (self->actions);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (trellis_plan_parent_class)->dispose (object);
}

static void
trellis_plan_class_init (TrellisPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_plan_dispose;
}

static void
trellis_plan_init (TrellisPlan *self)
{
  self->actions = g_list_store_new (TRELLIS_TYPE_ACTION);
}

TrellisPlan *
trellis_plan_new (void)
{
  return g_object_new (TRELLIS_TYPE_PLAN, NULL);
}

/**
 * trellis_plan_get_actions:
 *
 * Returns: (transfer none): a #GListModel of #TrellisAction in the plan's order
 */
GListModel *
trellis_plan_get_actions (TrellisPlan *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->actions);
}

guint
trellis_plan_get_n_actions (TrellisPlan *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->actions));
}

/**
 * trellis_plan_get_action:
 *
 * Returns: (transfer none) (nullable): the action at @position
 */
TrellisAction *
trellis_plan_get_action (TrellisPlan *self,
                         guint        position)
{
  g_autoptr(TrellisAction) action = NULL;

  g_return_val_if_fail (TRELLIS_IS_PLAN (self), NULL);

  action = g_list_model_get_item (G_LIST_MODEL (self->actions), position);
  return action;
}

void
trellis_plan_insert_action (TrellisPlan   *self,
                            guint          position,
                            TrellisAction *action)
{
  g_return_if_fail (TRELLIS_IS_PLAN (self));
  g_return_if_fail (TRELLIS_IS_ACTION (action));

  _trellis_node_store_insert (TRELLIS_NODE (self), self->actions, position, action);
}

void
trellis_plan_append_action (TrellisPlan   *self,
                            TrellisAction *action)
{
  trellis_plan_insert_action (self, G_MAXUINT, action);
}

gboolean
trellis_plan_remove_action (TrellisPlan   *self,
                            TrellisAction *action)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ACTION (action), FALSE);

  return _trellis_node_store_remove (TRELLIS_NODE (self), self->actions, action);
}

gboolean
trellis_plan_move_action (TrellisPlan *self,
                          guint        from,
                          guint        to)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN (self), FALSE);
  return _trellis_node_store_move (TRELLIS_NODE (self), self->actions, from, to);
}

/**
 * trellis_plan_find_action:
 *
 * Returns: (transfer none) (nullable): the action with this id
 */
TrellisAction *
trellis_plan_find_action (TrellisPlan *self,
                          const char  *id)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_PLAN (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = trellis_plan_get_n_actions (self);
  for (guint i = 0; i < n; i++)
    {
      TrellisAction *action = trellis_plan_get_action (self, i);
      if (g_strcmp0 (trellis_action_get_id (action), id) == 0)
        return action;
    }
  return NULL;
}

/**
 * trellis_plan_new_action_id:
 *
 * Returns: (transfer full): an id no action of this plan uses
 */
char *
trellis_plan_new_action_id (TrellisPlan *self)
{
  g_return_val_if_fail (TRELLIS_IS_PLAN (self), NULL);

  for (guint i = trellis_plan_get_n_actions (self) + 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      if (trellis_plan_find_action (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}
