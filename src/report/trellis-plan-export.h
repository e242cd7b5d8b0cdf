/* trellis-plan-export.h: the improvement plan as a spreadsheet and as calendar to-dos
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-model.h"

G_BEGIN_DECLS

GBytes   *trellis_plan_export_csv (TrellisProject *project);
GBytes   *trellis_plan_export_ics (TrellisProject *project,
                                   GDateTime      *now,
                                   GPtrArray      *left_out);
gboolean  trellis_plan_write_csv (TrellisProject  *project,
                                  GFile           *file,
                                  GError         **error);
gboolean  trellis_plan_write_ics (TrellisProject  *project,
                                  GFile           *file,
                                  GPtrArray       *left_out,
                                  GError         **error);
char     *trellis_plan_dup_linked_statements (TrellisProject *project,
                                              TrellisAction  *action);

G_END_DECLS
