/* trellis-debug.h: hooks the smoke test and screenshots drive the real binary with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"
#include "trellis-timing.h"

G_BEGIN_DECLS

gboolean  trellis_debug_smoke_testing (void);
void      trellis_debug_smoke_failed (const char *message);
void      trellis_debug_report_when_painted (GtkWidget       *window,
                                             TrellisDocument *document);
GFile    *trellis_debug_take_import_file (void);
void      trellis_debug_mark_when_painted (GtkWidget  *widget,
                                           const char *what);

G_END_DECLS
