/* trellis-plan.h: the improvement plan, an ordered list of actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-node.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PLAN (trellis_plan_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPlan, trellis_plan, TRELLIS, PLAN, TrellisNode)

TrellisPlan   *trellis_plan_new (void);

GListModel    *trellis_plan_get_actions (TrellisPlan *self);
guint          trellis_plan_get_n_actions (TrellisPlan *self);
TrellisAction *trellis_plan_get_action (TrellisPlan *self,
                                        guint        position);
void           trellis_plan_insert_action (TrellisPlan   *self,
                                           guint          position,
                                           TrellisAction *action);
void           trellis_plan_append_action (TrellisPlan   *self,
                                           TrellisAction *action);
gboolean       trellis_plan_remove_action (TrellisPlan   *self,
                                           TrellisAction *action);
gboolean       trellis_plan_move_action (TrellisPlan *self,
                                         guint        from,
                                         guint        to);
TrellisAction *trellis_plan_find_action (TrellisPlan *self,
                                         const char  *id);
char          *trellis_plan_new_action_id (TrellisPlan *self);

G_END_DECLS
