/* trellis-chart-view.h: one chart on screen, with exact counts under the pointer or the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-charts.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHART_VIEW (trellis_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TrellisChartView, trellis_chart_view, TRELLIS, CHART_VIEW, GtkWidget)

GtkWidget           *trellis_chart_view_new (void);
TrellisChart        *trellis_chart_view_get_chart (TrellisChartView *self);
void                 trellis_chart_view_set_chart (TrellisChartView *self,
                                                   TrellisChart     *chart);
TrellisChartPalette  trellis_chart_view_get_palette (TrellisChartView *self);
void                 trellis_chart_view_set_palette (TrellisChartView    *self,
                                                     TrellisChartPalette  palette);
const char          *trellis_chart_view_get_readout (TrellisChartView *self);
gboolean             trellis_chart_view_focus_statement (TrellisChartView *self,
                                                         const char       *statement_id);

G_END_DECLS
