/* trellis-designer-section-row.h: one section of the designer's outline, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-designer-view.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_DESIGNER_SECTION_ROW (trellis_designer_section_row_get_type ())

G_DECLARE_FINAL_TYPE (TrellisDesignerSectionRow, trellis_designer_section_row,
                      TRELLIS, DESIGNER_SECTION_ROW, GtkListBoxRow)

GtkWidget      *trellis_designer_section_row_new (TrellisDesignerView *view,
                                                  TrellisSection      *section);
TrellisSection *trellis_designer_section_row_get_section (TrellisDesignerSectionRow *self);
void            trellis_designer_section_row_focus_title (TrellisDesignerSectionRow *self);

G_END_DECLS
