/* trellis-print-preview-private.h: what the widget tests look at inside the print preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-print-preview.h"

G_BEGIN_DECLS

const char *_trellis_print_preview_get_page_label (TrellisPrintPreview *self);
const char *_trellis_print_preview_get_zoom_label (TrellisPrintPreview *self);
GtkWidget  *_trellis_print_preview_get_page_box (TrellisPrintPreview *self);

G_END_DECLS
