/* trellis-new-project-dialog.h: File → New: the partnership's name and a template to start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_NEW_PROJECT_DIALOG (trellis_new_project_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TrellisNewProjectDialog, trellis_new_project_dialog, TRELLIS, NEW_PROJECT_DIALOG, GtkWindow)

TrellisNewProjectDialog *trellis_new_project_dialog_new (GtkWindow *parent);
void                     trellis_new_project_dialog_set_template_file (TrellisNewProjectDialog *self,
                                                                       GFile                   *file);

G_END_DECLS
