/* trellis-talking-points-panel.h: a round's talking points above its charts, each opening its bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_TALKING_POINTS_PANEL (trellis_talking_points_panel_get_type ())

G_DECLARE_FINAL_TYPE (TrellisTalkingPointsPanel, trellis_talking_points_panel, TRELLIS, TALKING_POINTS_PANEL,
                      GtkWidget)

GtkWidget *trellis_talking_points_panel_new (void);
void       trellis_talking_points_panel_set_points (TrellisTalkingPointsPanel *self,
                                                    TrellisTalkingPoints      *points);
guint      trellis_talking_points_panel_get_n_points (TrellisTalkingPointsPanel *self);

G_END_DECLS
