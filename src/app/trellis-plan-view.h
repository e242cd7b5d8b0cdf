/* trellis-plan-view.h: the improvement plan, typed live in the workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PLAN_VIEW (trellis_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPlanView, trellis_plan_view, TRELLIS, PLAN_VIEW, GtkWidget)

GtkWidget     *trellis_plan_view_new (void);
void           trellis_plan_view_set_project (TrellisPlanView  *self,
                                              TrellisProject   *project,
                                              TrellisUndoStack *undo);
void           trellis_plan_view_set_undo_stack (TrellisPlanView  *self,
                                                 TrellisUndoStack *undo);
TrellisProject *trellis_plan_view_get_project (TrellisPlanView *self);
void           trellis_plan_view_set_projector (TrellisPlanView *self,
                                                gboolean         projector);
gboolean       trellis_plan_view_get_projector (TrellisPlanView *self);
void           trellis_plan_view_fit_projector (TrellisPlanView *self,
                                                int              width);
TrellisAction *trellis_plan_view_add_action (TrellisPlanView *self);
TrellisAction *trellis_plan_view_add_for_statement (TrellisPlanView  *self,
                                                    TrellisStatement *statement);
TrellisAction *trellis_plan_view_get_current_action (TrellisPlanView *self);
void           trellis_plan_view_focus_action (TrellisPlanView *self,
                                               TrellisAction   *action,
                                               const char      *property);
GtkWindow     *trellis_plan_view_open_projector (TrellisPlanView *self);

G_END_DECLS
