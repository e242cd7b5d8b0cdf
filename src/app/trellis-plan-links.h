/* trellis-plan-links.h: the sections and statements an action answers, chosen from the checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PLAN_LINKS (trellis_plan_links_get_type ())

G_DECLARE_FINAL_TYPE (TrellisPlanLinks, trellis_plan_links, TRELLIS, PLAN_LINKS, GtkWidget)

GtkWidget *trellis_plan_links_new (void);
void       trellis_plan_links_bind (TrellisPlanLinks *self,
                                    TrellisProject   *project,
                                    TrellisAction    *action,
                                    TrellisUndoStack *undo);
void       trellis_plan_links_unbind (TrellisPlanLinks *self);
void       trellis_plan_links_popup (TrellisPlanLinks *self);

G_END_DECLS
