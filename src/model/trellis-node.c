/* trellis-node.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-node"

#include "config.h"

#include "trellis-node.h"

/* Every model object knows its container so that one edit anywhere (a statement's text,
 * an action's owner) marks the whole project as modified without each view having to
 * connect to every object. The parent pointer is not a reference: containers own their
 * children and clear the pointer when they let go of one. */
typedef struct
{
  TrellisNode *parent;
} TrellisNodePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TrellisNode, trellis_node, G_TYPE_OBJECT)

static void
trellis_node_class_init (TrellisNodeClass *klass)
{
}

static void
trellis_node_init (TrellisNode *self)
{
}

/**
 * trellis_node_get_parent:
 *
 * Returns: (transfer none) (nullable): the container holding @self
 */
TrellisNode *
trellis_node_get_parent (TrellisNode *self)
{
  TrellisNodePrivate *priv;

  g_return_val_if_fail (TRELLIS_IS_NODE (self), NULL);

  priv = trellis_node_get_instance_private (self);
  return priv->parent;
}

/**
 * trellis_node_is_in_use:
 *
 * Asks @self and each of its containers whether it is included, so that a statement
 * learns that its section was cut without knowing what a section is.
 *
 * Returns: whether neither @self nor any container holding it has been cut
 */
gboolean
trellis_node_is_in_use (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), FALSE);

  for (; self != NULL; self = trellis_node_get_parent (self))
    {
      TrellisNodeClass *klass = TRELLIS_NODE_GET_CLASS (self);

      if (klass->get_included != NULL && !klass->get_included (self))
        return FALSE;
    }
  return TRUE;
}

/**
 * trellis_node_get_root:
 *
 * Returns: (transfer none): the topmost container of @self, or @self
 */
TrellisNode *
trellis_node_get_root (TrellisNode *self)
{
  g_return_val_if_fail (TRELLIS_IS_NODE (self), NULL);

  while (trellis_node_get_parent (self) != NULL)
    self = trellis_node_get_parent (self);
  return self;
}

/**
 * trellis_node_changed:
 *
 * Tells the topmost container that @self changed. Setters call this after they have
 * notified their own property.
 */
void
trellis_node_changed (TrellisNode *self)
{
  TrellisNode *root;
  TrellisNodeClass *klass;

  g_return_if_fail (TRELLIS_IS_NODE (self));

  root = trellis_node_get_root (self);
  klass = TRELLIS_NODE_GET_CLASS (root);
  if (klass->changed != NULL)
    klass->changed (root);
}

void
_trellis_node_set_parent (TrellisNode *self,
                          TrellisNode *parent)
{
  TrellisNodePrivate *priv;

  g_return_if_fail (TRELLIS_IS_NODE (self));
  g_return_if_fail (parent == NULL || TRELLIS_IS_NODE (parent));

  priv = trellis_node_get_instance_private (self);
  /* A child belongs to one container at a time. */
  g_return_if_fail (parent == NULL || priv->parent == NULL);
  priv->parent = parent;
}

gboolean
_trellis_node_set_string (TrellisNode *self,
                          char       **field,
                          const char  *value,
                          GParamSpec  *pspec)
{
  g_assert (TRELLIS_IS_NODE (self));
  g_assert (field != NULL);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
  trellis_node_changed (self);
  return TRUE;
}

gboolean
_trellis_node_set_boolean (TrellisNode *self,
                           gboolean    *field,
                           gboolean     value,
                           GParamSpec  *pspec)
{
  g_assert (TRELLIS_IS_NODE (self));

  value = !!value;
  if (*field == value)
    return FALSE;

  *field = value;
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
  trellis_node_changed (self);
  return TRUE;
}

gboolean
_trellis_node_set_int (TrellisNode *self,
                       int         *field,
                       int          value,
                       GParamSpec  *pspec)
{
  g_assert (TRELLIS_IS_NODE (self));

  if (*field == value)
    return FALSE;

  *field = value;
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
  trellis_node_changed (self);
  return TRUE;
}

void
_trellis_node_store_insert (TrellisNode *owner,
                            GListStore  *store,
                            guint        position,
                            gpointer     child)
{
  g_assert (TRELLIS_IS_NODE (owner));
  g_assert (TRELLIS_IS_NODE (child));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  _trellis_node_set_parent (child, owner);
  g_list_store_insert (store, position, child);
  trellis_node_changed (owner);
}

gboolean
_trellis_node_store_remove (TrellisNode *owner,
                            GListStore  *store,
                            gpointer     child)
{
  guint position;

  g_assert (TRELLIS_IS_NODE (owner));

  if (!g_list_store_find (store, child, &position))
    return FALSE;

  _trellis_node_set_parent (child, NULL);
  g_list_store_remove (store, position);
  trellis_node_changed (owner);
  return TRUE;
}

gboolean
_trellis_node_store_move (TrellisNode *owner,
                          GListStore  *store,
                          guint        from,
                          guint        to)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GObject) child = NULL;

  g_assert (TRELLIS_IS_NODE (owner));

  if (from >= n || to >= n || from == to)
    return FALSE;

  /* The child stays owned by the same container, so its parent does not change;
   * views follow the two items-changed emissions. */
  child = g_list_model_get_item (G_LIST_MODEL (store), from);
  g_list_store_remove (store, from);
  g_list_store_insert (store, to, child);
  trellis_node_changed (owner);
  return TRUE;
}

void
_trellis_node_store_clear (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisNode) child = g_list_model_get_item (G_LIST_MODEL (store), i);
      _trellis_node_set_parent (child, NULL);
    }
  g_list_store_remove_all (store);
}
