/* trellis-import-column.h: one column of a survey export and what it is taken to hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "trellis-round.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_IMPORT_COLUMN (trellis_import_column_get_type ())

G_DECLARE_FINAL_TYPE (TrellisImportColumn, trellis_import_column, TRELLIS, IMPORT_COLUMN, GObject)

guint              trellis_import_column_get_index (TrellisImportColumn *self);
const char        *trellis_import_column_get_name (TrellisImportColumn *self);
const char        *trellis_import_column_get_header (TrellisImportColumn *self);
TrellisColumnRole  trellis_import_column_get_role (TrellisImportColumn *self);
const char        *trellis_import_column_get_target (TrellisImportColumn *self);
double             trellis_import_column_get_confidence (TrellisImportColumn *self);
const char        *trellis_import_column_get_reason (TrellisImportColumn *self);
guint              trellis_import_column_get_n_filled (TrellisImportColumn *self);
gboolean           trellis_import_column_get_unsettled (TrellisImportColumn *self);

/* For TrellisImport, which owns the columns. */
TrellisImportColumn *_trellis_import_column_new (guint       index,
                                                 const char *header,
                                                 guint       n_filled);
void               _trellis_import_column_set_mapping (TrellisImportColumn *self,
                                                       TrellisColumnRole    role,
                                                       const char          *target,
                                                       double               confidence,
                                                       const char          *reason);
void               _trellis_import_column_set_unsettled (TrellisImportColumn *self);

G_END_DECLS
