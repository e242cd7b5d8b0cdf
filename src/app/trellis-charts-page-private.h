/* trellis-charts-page-private.h: what the widget tests look at inside the charts page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-chart-view.h"
#include "trellis-charts-page.h"

G_BEGIN_DECLS

GActionGroup     *_trellis_charts_page_get_actions (TrellisChartsPage *self);
GMenuModel       *_trellis_charts_page_get_compare_menu (TrellisChartsPage *self);
GtkWidget        *_trellis_charts_page_get_compare_button (TrellisChartsPage *self);
TrellisChartView *_trellis_charts_page_find_view (TrellisChartsPage *self,
                                                  const char        *section_id);
const char       *_trellis_charts_page_get_readout (TrellisChartsPage *self);

G_END_DECLS
