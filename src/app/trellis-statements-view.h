/* trellis-statements-view.h: the Statements view: one section's statements and their guidance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-view.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STATEMENTS_VIEW (trellis_statements_view_get_type ())

G_DECLARE_FINAL_TYPE (TrellisStatementsView, trellis_statements_view, TRELLIS, STATEMENTS_VIEW, GtkWidget)

GtkWidget      *trellis_statements_view_new (void);
TrellisSection *trellis_statements_view_get_section (TrellisStatementsView *self);

G_END_DECLS
