/* test-app-common.h: what the widget tests share: the sample project, and waiting for GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

/* tests/meson.build points TRELLIS_SAMPLE_PROJECT at data/samples/northshire-csp.trellis. */
TrellisProject *test_load_sample (void);

guint           test_count_rows (GtkListBox *list);

void            test_drain_main_context (void);
void            test_wait_until_not_busy (gpointer object,
                                          guint    seconds);
void            test_wait_for_paint (GtkWidget *widget);

GtkWindow      *test_find_toplevel (GType      type,
                                    GtkWindow *transient_for);
GtkWindow      *test_wait_for_toplevel (GType      type,
                                        GtkWindow *transient_for);
GtkDialog      *test_find_message_dialog (GtkWindow *parent);

G_END_DECLS
