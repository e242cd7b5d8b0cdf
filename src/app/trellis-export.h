/* trellis-export.h: asking where to export the workshop pack or the charts, then writing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-handoff.h"
#include "trellis-report.h"

G_BEGIN_DECLS

/**
 * TrellisExportDone:
 * @written: (nullable): the PDF, or the folder of charts, written; %NULL on failure or
 *   when the user cancelled
 * @error: (nullable): why nothing was written, %NULL when the user cancelled
 *
 * Called once the user has answered the file chooser and the files are written.
 */
typedef void (*TrellisExportDone) (GFile        *written,
                                   const GError *error,
                                   gpointer      user_data);

GtkFileChooserNative *trellis_export_pack_chooser_new (GtkWindow                  *parent,
                                                       TrellisProject             *project,
                                                       const TrellisReportOptions *options,
                                                       GFile                      *folder,
                                                       const char                 *base_name,
                                                       TrellisExportDone           done,
                                                       gpointer                    user_data);
GtkFileChooserNative *trellis_export_charts_chooser_new (GtkWindow                  *parent,
                                                         TrellisProject             *project,
                                                         const TrellisReportOptions *options,
                                                         GFile                      *folder,
                                                         const char                 *base_name,
                                                         TrellisExportDone           done,
                                                         gpointer                    user_data);
GtkFileChooserNative *trellis_export_handoff_chooser_new (GtkWindow                  *parent,
                                                          TrellisProject             *project,
                                                          TrellisHandoffFormat        format,
                                                          const TrellisReportOptions *options,
                                                          GFile                      *folder,
                                                          const char                 *base_name,
                                                          TrellisExportDone           done,
                                                          gpointer                    user_data);
GFile                *trellis_export_charts_to (TrellisProject              *project,
                                                const TrellisReportOptions  *options,
                                                GFile                       *folder,
                                                const char                  *base_name,
                                                TrellisReportFormat          format,
                                                GError                     **error);

G_END_DECLS
