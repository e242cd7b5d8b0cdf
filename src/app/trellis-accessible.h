/* trellis-accessible.h: names for the parts GTK 4.8 builds inside its own widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void trellis_accessible_name_internals        (GtkWidget  *root);
void trellis_accessible_name_column_view_cell (GtkWidget  *content,
                                               const char *column_title,
                                               const char *row_name);

G_END_DECLS
