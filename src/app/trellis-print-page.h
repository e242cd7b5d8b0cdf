/* trellis-print-page.h: one page of the workshop pack on screen, as white paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-workshop-pack.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PRINT_PAGE (trellis_print_page_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPrintPage, trellis_print_page, TRELLIS, PRINT_PAGE, GtkWidget)

GtkWidget *trellis_print_page_new (TrellisWorkshopPack *pack,
                                   guint                page,
                                   double               page_width,
                                   double               page_height);
guint      trellis_print_page_get_page (TrellisPrintPage *self);
double     trellis_print_page_get_zoom (TrellisPrintPage *self);
void       trellis_print_page_set_zoom (TrellisPrintPage *self,
                                        double            zoom);
double     trellis_print_page_get_shown_zoom (TrellisPrintPage *self);

G_END_DECLS
