/* trellis-designer-view.h: the checklist as an editable outline, for the coordinator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"
#include "trellis-view.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_DESIGNER_VIEW (trellis_designer_view_get_type ())

G_DECLARE_FINAL_TYPE (TrellisDesignerView, trellis_designer_view, TRELLIS, DESIGNER_VIEW, GtkWidget)

GtkWidget       *trellis_designer_view_new (void);
TrellisDocument *trellis_designer_view_get_document (TrellisDesignerView *self);
void             trellis_designer_view_set_document (TrellisDesignerView *self,
                                                     TrellisDocument     *document);
GtkWidget       *trellis_designer_view_get_row (TrellisDesignerView *self,
                                                gpointer             node);

G_END_DECLS
