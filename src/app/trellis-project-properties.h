/* trellis-project-properties.h: the partnership's name and description, the checklist's
 * title and the minimum group size, each change undoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PROJECT_PROPERTIES (trellis_project_properties_get_type ())

G_DECLARE_FINAL_TYPE (TrellisProjectProperties, trellis_project_properties, TRELLIS, PROJECT_PROPERTIES, GtkWindow)

TrellisProjectProperties *trellis_project_properties_new (GtkWindow        *parent,
                                                          TrellisProject   *project,
                                                          TrellisUndoStack *undo_stack);

G_END_DECLS
