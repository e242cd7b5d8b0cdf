/* trellis-window-private.h: what the widget tests look at inside the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-charts-page.h"
#include "trellis-section-page.h"
#include "trellis-window.h"

G_BEGIN_DECLS

GtkListBox         *_trellis_window_get_section_list (TrellisWindow *self);
TrellisSectionPage *_trellis_window_get_section_page (TrellisWindow *self);
TrellisChartsPage  *_trellis_window_get_charts_page (TrellisWindow *self);
const char         *_trellis_window_get_visible_page (TrellisWindow *self);
GtkDropDown        *_trellis_window_get_round_dropdown (TrellisWindow *self);
const char         *_trellis_window_get_banner_text (TrellisWindow *self);

G_END_DECLS
