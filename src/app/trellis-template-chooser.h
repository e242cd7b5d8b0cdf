/* trellis-template-chooser.h: choosing a template file to start from, or where to save one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

/**
 * TrellisTemplateSaved:
 * @written: (nullable): the template file written; %NULL on failure or when the user
 *   cancelled
 * @error: (nullable): why nothing was written, %NULL when the user cancelled
 */
typedef void (*TrellisTemplateSaved) (GFile        *written,
                                      const GError *error,
                                      gpointer      user_data);

GtkFileChooserNative *trellis_template_open_chooser_new (GtkWindow *parent);
GtkFileChooserNative *trellis_template_save_chooser_new (GtkWindow            *parent,
                                                         TrellisProject       *project,
                                                         TrellisTemplateSaved  done,
                                                         gpointer              user_data);
char                 *trellis_template_dup_summary_for (TrellisProject *project);

G_END_DECLS
