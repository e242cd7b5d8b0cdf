/* trellis-import-assistant.h: survey exports in, a checked new round out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_IMPORT_ASSISTANT (trellis_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (TrellisImportAssistant, trellis_import_assistant, TRELLIS, IMPORT_ASSISTANT, GtkWindow)

TrellisImportAssistant *trellis_import_assistant_new (GtkWindow       *parent,
                                                      TrellisDocument *document);

TrellisDocument        *trellis_import_assistant_get_document (TrellisImportAssistant *self);
void                    trellis_import_assistant_add_files (TrellisImportAssistant  *self,
                                                            GFile                  **files,
                                                            guint                    n_files);
gboolean                trellis_import_assistant_get_busy (TrellisImportAssistant *self);

G_END_DECLS
