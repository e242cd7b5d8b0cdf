/* trellis-print-operation.h: printing the workshop pack, remembering the printer and paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-report.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PRINT_OPERATION (trellis_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPrintOperation, trellis_print_operation, TRELLIS, PRINT_OPERATION, GtkPrintOperation)

TrellisPrintOperation *trellis_print_operation_new (TrellisProject             *project,
                                                    const TrellisReportOptions *options);

G_END_DECLS
