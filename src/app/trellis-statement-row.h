/* trellis-statement-row.h: one checklist statement, read-only, with its guidance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STATEMENT_ROW (trellis_statement_row_get_type ())

G_DECLARE_FINAL_TYPE (TrellisStatementRow, trellis_statement_row, TRELLIS, STATEMENT_ROW, GtkListBoxRow)

GtkWidget        *trellis_statement_row_new (TrellisStatement *statement);
TrellisStatement *trellis_statement_row_get_statement (TrellisStatementRow *self);

G_END_DECLS
