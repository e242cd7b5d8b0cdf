/* trellis-section-header.h: a section's code, title, description and what it holds, above a view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SECTION_HEADER (trellis_section_header_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSectionHeader, trellis_section_header, TRELLIS, SECTION_HEADER, GtkWidget)

void trellis_section_header_show (TrellisSectionHeader *self,
                                  TrellisSection       *section);

G_END_DECLS
