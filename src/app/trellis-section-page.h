/* trellis-section-page.h: the main pane: one section's statements and a round's answers to them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SECTION_PAGE (trellis_section_page_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSectionPage, trellis_section_page, TRELLIS, SECTION_PAGE, GtkWidget)

GtkWidget      *trellis_section_page_new (void);
void            trellis_section_page_show (TrellisSectionPage *self,
                                           TrellisSection     *section,
                                           TrellisSummary     *summary);
TrellisSection *trellis_section_page_get_section (TrellisSectionPage *self);
const char     *trellis_section_page_get_view (TrellisSectionPage *self);
void            trellis_section_page_set_view (TrellisSectionPage *self,
                                               const char         *view);

G_END_DECLS
