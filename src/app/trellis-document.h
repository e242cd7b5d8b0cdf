/* trellis-document.h: an open project, the file it came from and whether it has unsaved edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-model.h"
#include "trellis-import.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_DOCUMENT (trellis_document_get_type ())

G_DECLARE_FINAL_TYPE (TrellisDocument, trellis_document, TRELLIS, DOCUMENT, GObject)

TrellisDocument *trellis_document_new (TrellisProject *project,
                                       GFile          *file);
TrellisDocument *trellis_document_new_unsaved (TrellisProject *project);

void             trellis_document_load_async (GFile               *file,
                                              gboolean             is_sample,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void             trellis_document_load_recovery_async (GFile               *copy,
                                                       GFile               *original,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
TrellisDocument *trellis_document_load_finish (GAsyncResult  *result,
                                               GError       **error);
void             trellis_document_preload (GFile *file);
void             trellis_document_drop_preloads (void);
TrellisSummary  *trellis_document_take_loaded_summary (TrellisDocument *self,
                                                       TrellisRound    *round);

gboolean         trellis_document_save (TrellisDocument  *self,
                                        GFile            *file,
                                        GError          **error);

TrellisProject  *trellis_document_get_project (TrellisDocument *self);
GFile           *trellis_document_get_file (TrellisDocument *self);
gboolean         trellis_document_get_modified (TrellisDocument *self);
gboolean         trellis_document_get_is_sample (TrellisDocument *self);
char            *trellis_document_dup_read_only_reason (TrellisDocument *self);
gboolean         trellis_document_get_changed_on_disk (TrellisDocument *self);
char            *trellis_document_dup_title (TrellisDocument *self);
char            *trellis_document_dup_suggested_name (TrellisDocument *self);

TrellisUndoStack *trellis_document_get_undo_stack (TrellisDocument *self);
TrellisRound    *trellis_document_apply_import (TrellisDocument  *self,
                                                TrellisImport    *import,
                                                const char       *label,
                                                GError          **error);

G_END_DECLS
