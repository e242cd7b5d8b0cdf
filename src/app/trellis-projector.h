/* trellis-projector.h: the workshop's full-screen presentation of the plan and the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PROJECTOR (trellis_projector_get_type ())

G_DECLARE_FINAL_TYPE (TrellisProjector, trellis_projector, TRELLIS, PROJECTOR, GtkWindow)

GtkWidget  *trellis_projector_new (TrellisProject   *project,
                                   TrellisRound     *round,
                                   TrellisUndoStack *undo);
void        trellis_projector_present_over (TrellisProjector *self,
                                            GtkWindow        *parent);
GtkWidget  *trellis_projector_get_plan_view (TrellisProjector *self);
guint       trellis_projector_get_n_pages (TrellisProjector *self);
guint       trellis_projector_get_page (TrellisProjector *self);
void        trellis_projector_set_page (TrellisProjector *self,
                                        guint             page);
GtkWidget  *trellis_projector_get_chart_view (TrellisProjector *self);

G_END_DECLS
