/* trellis-plan-edit.h: edits of the improvement plan that undo takes back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-action.h"
#include "trellis-plan.h"
#include "trellis-undo-stack.h"

G_BEGIN_DECLS

TrellisAction *trellis_plan_edit_add (TrellisPlan      *plan,
                                      TrellisUndoStack *undo,
                                      guint             position);
void           trellis_plan_edit_remove (TrellisPlan      *plan,
                                         TrellisUndoStack *undo,
                                         TrellisAction    *action);
gboolean       trellis_plan_edit_move (TrellisPlan      *plan,
                                       TrellisUndoStack *undo,
                                       guint             from,
                                       guint             to);
void           trellis_plan_edit_set_string (TrellisAction    *action,
                                             TrellisUndoStack *undo,
                                             const char       *property,
                                             const char       *value);
void           trellis_plan_edit_set_status (TrellisAction       *action,
                                             TrellisUndoStack    *undo,
                                             TrellisActionStatus  status);
void           trellis_plan_edit_set_statement_ids (TrellisAction      *action,
                                                    TrellisUndoStack   *undo,
                                                    const char * const *statement_ids);
void           trellis_plan_edit_set_links (TrellisAction      *action,
                                            TrellisUndoStack   *undo,
                                            const char * const *statement_ids,
                                            const char * const *section_ids);

G_END_DECLS
