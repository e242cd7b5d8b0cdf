/* trellis-view-slot.h: a page of the window's view stack whose view is built the first
 * time it is needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-view.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_VIEW_SLOT (trellis_view_slot_get_type ())

G_DECLARE_FINAL_TYPE (TrellisViewSlot, trellis_view_slot, TRELLIS, VIEW_SLOT, GtkWidget)

GtkWidget   *trellis_view_slot_new (GType view_type);
GType        trellis_view_slot_get_view_type (TrellisViewSlot *self);
TrellisView *trellis_view_slot_get_view (TrellisViewSlot *self);
TrellisView *trellis_view_slot_peek_view (TrellisViewSlot *self);

G_END_DECLS
