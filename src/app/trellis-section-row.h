/* trellis-section-row.h: a section in the window's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SECTION_ROW (trellis_section_row_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSectionRow, trellis_section_row, TRELLIS, SECTION_ROW, GtkListBoxRow)

GtkWidget      *trellis_section_row_new (TrellisSection *section);
TrellisSection *trellis_section_row_get_section (TrellisSectionRow *self);
void            trellis_section_row_update (TrellisSectionRow *self);

G_END_DECLS
