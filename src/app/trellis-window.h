/* trellis-window.h: the main window: one project, its sections and a round's answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"
#include "trellis-import-assistant.h"
#include "trellis-recovery.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_WINDOW (trellis_window_get_type ())

G_DECLARE_FINAL_TYPE (TrellisWindow, trellis_window, TRELLIS, WINDOW, GtkApplicationWindow)

TrellisWindow   *trellis_window_new (GtkApplication  *application,
                                     GSettings       *settings,
                                     TrellisRecovery *recovery);

TrellisDocument *trellis_window_get_document (TrellisWindow *self);
void             trellis_window_set_document (TrellisWindow   *self,
                                              TrellisDocument *document);
gboolean         trellis_window_get_busy (TrellisWindow *self);
const char      *trellis_window_get_view (TrellisWindow *self);
void             trellis_window_set_view (TrellisWindow *self,
                                          const char    *view);

void             trellis_window_open (TrellisWindow *self,
                                      GFile         *file);
void             trellis_window_open_sample (TrellisWindow *self,
                                             GFile         *sample);
void             trellis_window_choose_and_open (TrellisWindow *self);
void             trellis_window_save (TrellisWindow *self);
void             trellis_window_save_as (TrellisWindow *self);
void             trellis_window_open_new_project (TrellisWindow  *self,
                                                  TrellisProject *project);
void             trellis_window_show_saved (TrellisWindow *self,
                                            GFile         *file);
void             trellis_window_show_error (TrellisWindow *self,
                                            const char    *primary,
                                            const char    *secondary);
void             trellis_window_select_round (TrellisWindow *self,
                                              TrellisRound  *round);
gboolean         trellis_window_offer_recovery (TrellisWindow *self);
TrellisImportAssistant *trellis_window_import (TrellisWindow  *self,
                                               GFile         **files,
                                               guint           n_files);

G_END_DECLS
