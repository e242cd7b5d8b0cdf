/* trellis-import.h: turning survey exports into a round of anonymous responses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-import-column.h"
#include "trellis-import-enums.h"
#include "trellis-import-error.h"
#include "trellis-import-layout.h"
#include "trellis-round.h"
#include "trellis-table.h"

G_BEGIN_DECLS

/**
 * TrellisImportValue:
 * @text: an answer as the export wrote it, e.g. "Agree somewhat"
 * @count: how often it occurs in the item columns
 * @answer: what it is read as, when @mapped
 * @mapped: whether it is read as an answer at all; unmapped texts stop the import
 *   until the facilitator says what they mean
 */
typedef struct
{
  char          *text;
  guint          count;
  TrellisAnswer  answer;
  gboolean       mapped;
} TrellisImportValue;

#define TRELLIS_TYPE_IMPORT_VALUE (trellis_import_value_get_type ())

GType               trellis_import_value_get_type (void) G_GNUC_CONST;
TrellisImportValue *trellis_import_value_copy (const TrellisImportValue *value);
void                trellis_import_value_free (TrellisImportValue *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisImportValue, trellis_import_value_free)

#define TRELLIS_TYPE_IMPORT (trellis_import_get_type ())

G_DECLARE_FINAL_TYPE (TrellisImport, trellis_import, TRELLIS, IMPORT, GObject)

TrellisImport       *trellis_import_new (TrellisProject *project);
TrellisProject      *trellis_import_get_project (TrellisImport *self);

/* 1. Read: the first file decides the layout and mapping; later files must match it. */
gboolean             trellis_import_add_file (TrellisImport       *self,
                                              GFile               *file,
                                              TrellisTableFormat   format,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean             trellis_import_add_bytes (TrellisImport       *self,
                                               GBytes              *bytes,
                                               const char          *display_name,
                                               TrellisTableFormat   format,
                                               GError             **error);
gboolean             trellis_import_set_structure (TrellisImport  *self,
                                                   GBytes         *bytes,
                                                   const char     *display_name,
                                                   GError        **error);
gboolean             trellis_import_set_structure_file (TrellisImport  *self,
                                                        GFile          *file,
                                                        GCancellable   *cancellable,
                                                        GError        **error);
guint                trellis_import_get_n_files (TrellisImport *self);
const char          *trellis_import_get_file_name (TrellisImport *self,
                                                   guint          file);

/* 2. Look: what the importer made of it. */
TrellisImportLayout  trellis_import_get_layout (TrellisImport *self);
guint                trellis_import_get_n_header_rows (TrellisImport *self);
guint                trellis_import_get_n_rows (TrellisImport *self);
GListModel          *trellis_import_get_columns (TrellisImport *self);
TrellisImportColumn *trellis_import_get_column (TrellisImport *self,
                                                guint          column);
TrellisRound        *trellis_import_get_reused_round (TrellisImport *self);
gboolean             trellis_import_needs_review (TrellisImport *self);
guint                trellis_import_count_unsettled (TrellisImport *self);
TrellisImportColumn *trellis_import_find_column (TrellisImport *self,
                                                 const char    *name_or_header,
                                                 GError       **error);
guint                trellis_import_count_incomplete (TrellisImport *self);
GPtrArray           *trellis_import_dup_values (TrellisImport *self);
GStrv                trellis_import_dup_samples (TrellisImport *self,
                                                 guint          column,
                                                 guint          max_samples);

/* 3. Change: the facilitator's overrides. */
gboolean             trellis_import_set_column (TrellisImport     *self,
                                                guint              column,
                                                TrellisColumnRole  role,
                                                const char        *target,
                                                GError           **error);
void                 trellis_import_set_value (TrellisImport *self,
                                               const char    *text,
                                               TrellisAnswer  answer);
void                 trellis_import_set_include_incomplete (TrellisImport *self,
                                                            gboolean       include);
gboolean             trellis_import_get_include_incomplete (TrellisImport *self);
void                 trellis_import_set_seed (TrellisImport *self,
                                              guint32        seed);
gboolean             trellis_import_set_date (TrellisImport *self,
                                              const char    *iso_date);

/* 4. Apply: build the whole round, then add it to the project in one step. */
char                *trellis_import_dup_default_label (TrellisImport *self);
char                *trellis_import_dup_response_date (TrellisImport *self);
TrellisRound        *trellis_import_build_round (TrellisImport  *self,
                                                 const char     *label,
                                                 GError        **error);
guint                trellis_import_get_n_empty (TrellisImport *self);
guint                trellis_import_get_n_no_answers (TrellisImport *self);
guint                trellis_import_get_n_not_shown (TrellisImport *self);
GStrv                trellis_import_dup_small_groups (TrellisImport *self,
                                                      TrellisRound  *round);
TrellisRound        *trellis_import_apply (TrellisImport  *self,
                                           const char     *label,
                                           GError        **error);

G_END_DECLS
