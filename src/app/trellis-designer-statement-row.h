/* trellis-designer-statement-row.h: one statement of the designer's outline, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-designer-view.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_DESIGNER_STATEMENT_ROW (trellis_designer_statement_row_get_type ())

G_DECLARE_FINAL_TYPE (TrellisDesignerStatementRow, trellis_designer_statement_row,
                      TRELLIS, DESIGNER_STATEMENT_ROW, GtkListBoxRow)

GtkWidget        *trellis_designer_statement_row_new (TrellisDesignerView *view,
                                                      TrellisStatement    *statement);
TrellisStatement *trellis_designer_statement_row_get_statement (TrellisDesignerStatementRow *self);
void              trellis_designer_statement_row_focus_text (TrellisDesignerStatementRow *self);

G_END_DECLS
