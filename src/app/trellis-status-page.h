/* trellis-status-page.h: an empty state: icon, title, what to do next, and a place for buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_STATUS_PAGE (trellis_status_page_get_type ())

G_DECLARE_FINAL_TYPE (TrellisStatusPage, trellis_status_page, TRELLIS, STATUS_PAGE, GtkWidget)

GtkWidget  *trellis_status_page_new (void);

const char *trellis_status_page_get_icon_name (TrellisStatusPage *self);
void        trellis_status_page_set_icon_name (TrellisStatusPage *self,
                                               const char        *icon_name);
const char *trellis_status_page_get_title (TrellisStatusPage *self);
void        trellis_status_page_set_title (TrellisStatusPage *self,
                                           const char        *title);
const char *trellis_status_page_get_description (TrellisStatusPage *self);
void        trellis_status_page_set_description (TrellisStatusPage *self,
                                                 const char        *description);
GtkWidget  *trellis_status_page_get_child (TrellisStatusPage *self);
void        trellis_status_page_set_child (TrellisStatusPage *self,
                                           GtkWidget         *child);

G_END_DECLS
