/* test-app-common.h: what the widget tests share: the sample project, and waiting for GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"
#include "trellis-window.h"

G_BEGIN_DECLS

/* tests/meson.build points TRELLIS_SAMPLE_PROJECT at data/samples/northshire-csp.trellis. */
TrellisProject *test_load_sample (void);

guint           test_count_rows (GtkListBox *list);

void            test_drain_main_context (void);
void            test_run_for (guint milliseconds);
void            test_wait_until_not_busy (gpointer object,
                                          guint    seconds);
void            test_wait_for_paint (GtkWidget *widget);

GtkWindow      *test_find_toplevel (GType      type,
                                    GtkWindow *transient_for);
GtkWindow      *test_wait_for_toplevel (GType      type,
                                        GtkWindow *transient_for);
GtkDialog      *test_find_message_dialog (GtkWindow *parent);

/* Inside the window, found as a person would: by what the .ui calls it. */
GtkWidget      *test_find_by_id (GtkWidget  *root,
                                 const char *id);
GtkListBox     *test_window_get_section_list (TrellisWindow *window);
GtkDropDown    *test_window_get_round_dropdown (TrellisWindow *window);
GtkWidget      *test_window_get_view (TrellisWindow *window,
                                      const char    *name);
const char     *test_window_get_visible_page (TrellisWindow *window);
const char     *test_window_get_banner_text (TrellisWindow *window);

/* Real input from xdotool, on X11: tests that use it run alone (is_parallel: false). */
gboolean        test_can_drive (void);
void            test_run_xdotool (GPtrArray *args);
void            test_press_keys (const char *keys);
void            test_focus_window (GtkWindow *window);

G_END_DECLS
