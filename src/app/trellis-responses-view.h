/* trellis-responses-view.h: the Responses view: how partners answered one section's statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-view.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_RESPONSES_VIEW (trellis_responses_view_get_type ())

G_DECLARE_FINAL_TYPE (TrellisResponsesView, trellis_responses_view, TRELLIS, RESPONSES_VIEW, GtkWidget)

GtkWidget      *trellis_responses_view_new (void);
TrellisSection *trellis_responses_view_get_section (TrellisResponsesView *self);

G_END_DECLS
