/* trellis-import-column-row.h: one column of a survey export in the import assistant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"
#include "trellis-import.h"

G_BEGIN_DECLS

/**
 * TrellisImportColumnStatus:
 * @TRELLIS_IMPORT_COLUMN_SURE: the importer is sure of the mapping
 * @TRELLIS_IMPORT_COLUMN_CHECK: the facilitator should check it
 * @TRELLIS_IMPORT_COLUMN_DROPPED: identifying or bookkeeping: read past, never stored
 * @TRELLIS_IMPORT_COLUMN_CHANGED: changed in the assistant
 *
 * What the marker at the end of a row says.
 */
typedef enum
{
  TRELLIS_IMPORT_COLUMN_SURE,
  TRELLIS_IMPORT_COLUMN_CHECK,
  TRELLIS_IMPORT_COLUMN_DROPPED,
  TRELLIS_IMPORT_COLUMN_CHANGED,
} TrellisImportColumnStatus;

#define TRELLIS_TYPE_IMPORT_COLUMN_ROW (trellis_import_column_row_get_type ())

G_DECLARE_FINAL_TYPE (TrellisImportColumnRow, trellis_import_column_row, TRELLIS, IMPORT_COLUMN_ROW, GtkListBoxRow)

GtkWidget                 *trellis_import_column_row_new (TrellisImport       *import,
                                                          TrellisImportColumn *column,
                                                          GListModel          *options,
                                                          const char          *question,
                                                          const char          *part);

TrellisImportColumn       *trellis_import_column_row_get_column (TrellisImportColumnRow *self);
const char                *trellis_import_column_row_get_question (TrellisImportColumnRow *self);
const char                *trellis_import_column_row_get_detail (TrellisImportColumnRow *self);
gboolean                   trellis_import_column_row_get_dropped_at_first (TrellisImportColumnRow *self);
gboolean                   trellis_import_column_row_get_flagged (TrellisImportColumnRow *self);
TrellisImportColumnStatus  trellis_import_column_row_get_status (TrellisImportColumnRow *self);
GtkDropDown               *trellis_import_column_row_get_dropdown (TrellisImportColumnRow *self);
GtkWidget                 *trellis_import_column_row_get_search_entry (TrellisImportColumnRow *self);
GListModel                *trellis_import_column_row_get_search_results (TrellisImportColumnRow *self);

gboolean                   trellis_import_column_role_is_dropped (TrellisColumnRole role);

G_END_DECLS
