/* trellis-print-preview.h: the workshop pack's pages on screen, as they will print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-workshop-pack.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PRINT_PREVIEW (trellis_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPrintPreview, trellis_print_preview, TRELLIS, PRINT_PREVIEW, GtkWindow)

TrellisPrintPreview *trellis_print_preview_new (GtkWindow                *parent,
                                                GtkPrintOperationPreview *preview,
                                                TrellisWorkshopPack      *pack,
                                                GtkPageSetup             *page_setup);

guint                trellis_print_preview_get_n_pages (TrellisPrintPreview *self);
guint                trellis_print_preview_get_current_page (TrellisPrintPreview *self);
void                 trellis_print_preview_show_page (TrellisPrintPreview *self,
                                                      guint                page);

G_END_DECLS
