/* trellis-node.h: base type of every model object, bubbling changes up to the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-types.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_NODE (trellis_node_get_type ())

G_DECLARE_DERIVABLE_TYPE (TrellisNode, trellis_node, TRELLIS, NODE, GObject)

struct _TrellisNodeClass
{
  GObjectClass parent_class;

  /* Called on the topmost node when it or anything beneath it changed. */
  void (*changed) (TrellisNode *self);

  /* Whether the node itself is part of the tailored checklist (not cut); a node that
   * cannot be cut leaves this NULL. */
  gboolean (*get_included) (TrellisNode *self);
};

TrellisNode *trellis_node_get_parent (TrellisNode *self);
TrellisNode *trellis_node_get_root (TrellisNode *self);
void         trellis_node_changed (TrellisNode *self);
gboolean     trellis_node_is_in_use (TrellisNode *self);

void         _trellis_node_set_parent (TrellisNode *self,
                                       TrellisNode *parent);

/* Shared by every setter: replace, notify and bubble only on a real change. */
gboolean     _trellis_node_set_string (TrellisNode *self,
                                       char       **field,
                                       const char  *value,
                                       GParamSpec  *pspec);
gboolean     _trellis_node_set_boolean (TrellisNode *self,
                                        gboolean    *field,
                                        gboolean     value,
                                        GParamSpec  *pspec);
gboolean     _trellis_node_set_int (TrellisNode *self,
                                    int         *field,
                                    int          value,
                                    GParamSpec  *pspec);

/* Shared by every container: a GListStore of child nodes whose parent is @owner. */
void         _trellis_node_store_insert (TrellisNode *owner,
                                         GListStore  *store,
                                         guint        position,
                                         gpointer     child);
gboolean     _trellis_node_store_remove (TrellisNode *owner,
                                         GListStore  *store,
                                         gpointer     child);
gboolean     _trellis_node_store_move (TrellisNode *owner,
                                       GListStore  *store,
                                       guint        from,
                                       guint        to);
void         _trellis_node_store_clear (GListStore *store);

G_END_DECLS
