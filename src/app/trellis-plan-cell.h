/* trellis-plan-cell.h: one editable text field of an improvement-plan action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

/**
 * TrellisPlanCellKind:
 * @TRELLIS_PLAN_CELL_LINE: one line (who is responsible)
 * @TRELLIS_PLAN_CELL_TEXT: text that may run long (area, action, notes), shown whole
 *   in its tooltip
 * @TRELLIS_PLAN_CELL_TIMESCALE: one line read as a timescale, with an error when it
 *   cannot be read
 */
typedef enum
{
  TRELLIS_PLAN_CELL_LINE,
  TRELLIS_PLAN_CELL_TEXT,
  TRELLIS_PLAN_CELL_TIMESCALE,
} TrellisPlanCellKind;

#define TRELLIS_TYPE_PLAN_CELL (trellis_plan_cell_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPlanCell, trellis_plan_cell, TRELLIS, PLAN_CELL, GtkWidget)

GtkWidget     *trellis_plan_cell_new (const char          *property,
                                      TrellisPlanCellKind  kind,
                                      const char          *accessible_name);
void           trellis_plan_cell_bind (TrellisPlanCell  *self,
                                       TrellisAction    *action,
                                       TrellisUndoStack *undo);
void           trellis_plan_cell_unbind (TrellisPlanCell *self);
TrellisAction *trellis_plan_cell_get_action (TrellisPlanCell *self);
const char    *trellis_plan_cell_get_property_name (TrellisPlanCell *self);
GtkWidget     *trellis_plan_cell_get_editable (TrellisPlanCell *self);
const char    *trellis_plan_cell_get_error (TrellisPlanCell *self);
void           trellis_plan_cell_set_reading_width (TrellisPlanCell *self,
                                                    int              width);
void           trellis_plan_cell_set_completion (TrellisPlanCell *self,
                                                 GtkTreeModel    *names);

G_END_DECLS
