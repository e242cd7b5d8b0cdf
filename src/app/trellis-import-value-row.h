/* trellis-import-value-row.h: one answer text of a survey export and what it is read as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"
#include "trellis-import.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_IMPORT_VALUE_ROW (trellis_import_value_row_get_type ())

G_DECLARE_FINAL_TYPE (TrellisImportValueRow, trellis_import_value_row, TRELLIS, IMPORT_VALUE_ROW, GtkListBoxRow)

GtkWidget   *trellis_import_value_row_new (TrellisImport            *import,
                                           const TrellisImportValue *value,
                                           TrellisScale             *scale,
                                           GListModel               *answers);

const char  *trellis_import_value_row_get_text (TrellisImportValueRow *self);
gboolean     trellis_import_value_row_get_mapped (TrellisImportValueRow *self);
gboolean     trellis_import_value_row_choose (TrellisImportValueRow *self,
                                              TrellisAnswer          answer);
GtkDropDown *trellis_import_value_row_get_dropdown (TrellisImportValueRow *self);

GListModel  *trellis_import_value_answers_new (TrellisScale *scale);

G_END_DECLS
