/* trellis-summary-table.h: a round's answers to one section's statements, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SUMMARY_TABLE (trellis_summary_table_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSummaryTable, trellis_summary_table, TRELLIS, SUMMARY_TABLE, GtkWidget)

GtkWidget *trellis_summary_table_new (void);
void       trellis_summary_table_set_section (TrellisSummaryTable   *self,
                                              TrellisSummary        *summary,
                                              TrellisSectionSummary *section);
guint      trellis_summary_table_get_n_rows (TrellisSummaryTable *self);
guint      trellis_summary_table_get_n_pending (TrellisSummaryTable *self);

GPtrArray *trellis_summary_table_get_column_headers (TrellisSummaryTable *self);

G_END_DECLS
