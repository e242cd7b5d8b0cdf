/* trellis-charts-page.h: the Charts view: a round's charts, one under the other, with their options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-report.h"
#include "trellis-view.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHARTS_PAGE (trellis_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (TrellisChartsPage, trellis_charts_page, TRELLIS, CHARTS_PAGE, GtkWidget)

GtkWidget  *trellis_charts_page_new (void);
void        trellis_charts_page_show (TrellisChartsPage *self,
                                      TrellisProject    *project,
                                      TrellisRound      *round);
void        trellis_charts_page_scroll_to_section (TrellisChartsPage *self,
                                                   const char        *section_id);
const char *trellis_charts_page_get_current_section (TrellisChartsPage *self);

const char *trellis_charts_page_get_compare (TrellisChartsPage *self);
void        trellis_charts_page_set_compare (TrellisChartsPage *self,
                                             const char        *compare);
const char *trellis_charts_page_get_order (TrellisChartsPage *self);
void        trellis_charts_page_set_order (TrellisChartsPage *self,
                                           const char        *order);
const char *trellis_charts_page_get_style (TrellisChartsPage *self);
void        trellis_charts_page_set_style (TrellisChartsPage *self,
                                           const char        *style);

gboolean    trellis_charts_page_get_guidance (TrellisChartsPage *self);
void        trellis_charts_page_set_guidance (TrellisChartsPage *self,
                                              gboolean           guidance);

gboolean    trellis_charts_page_get_report_options (TrellisChartsPage    *self,
                                                    TrellisReportOptions *options);

G_END_DECLS
