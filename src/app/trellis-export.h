/* trellis-export.h: asking where to export the workshop pack, the charts or the plan, then writing them
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

/**
 * TrellisExportPlanFormat:
 * @TRELLIS_EXPORT_PLAN_CSV: a spreadsheet, one row per action
 * @TRELLIS_EXPORT_PLAN_ICS: calendar to-dos, one per dated action
 * @TRELLIS_EXPORT_PLAN_PDF: the plan alone, printed
 */
typedef enum
{
  TRELLIS_EXPORT_PLAN_CSV,
  TRELLIS_EXPORT_PLAN_ICS,
  TRELLIS_EXPORT_PLAN_PDF,
} TrellisExportPlanFormat;

/**
 * TrellisExportPlanDone:
 * @written: (nullable): the file written; %NULL on failure or when the user cancelled
 * @left_out: (nullable): the actions a calendar could not hold, having no date
 * @error: (nullable): why nothing was written, %NULL when the user cancelled
 */
typedef void (*TrellisExportPlanDone) (GFile        *written,
                                       GPtrArray    *left_out,
                                       const GError *error,
                                       gpointer      user_data);

GtkFileChooserNative *trellis_export_plan_chooser_new (GtkWindow                  *parent,
                                                       TrellisProject             *project,
                                                       const TrellisReportOptions *options,
                                                       GFile                      *folder,
                                                       const char                 *base_name,
                                                       TrellisExportPlanFormat     format,
                                                       TrellisExportPlanDone       done,
                                                       gpointer                    user_data);
gboolean              trellis_export_plan_to (TrellisProject              *project,
                                              const TrellisReportOptions  *options,
                                              GFile                       *file,
                                              TrellisExportPlanFormat      format,
                                              GPtrArray                   *left_out,
                                              GError                     **error);
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
