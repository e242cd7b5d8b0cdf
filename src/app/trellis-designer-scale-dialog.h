/* trellis-designer-scale-dialog.h: edits the answer scale's points and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_DESIGNER_SCALE_DIALOG (trellis_designer_scale_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TrellisDesignerScaleDialog, trellis_designer_scale_dialog,
                      TRELLIS, DESIGNER_SCALE_DIALOG, GtkWindow)

GtkWindow *trellis_designer_scale_dialog_new (TrellisDocument *document,
                                              TrellisScale    *scale);

G_END_DECLS
