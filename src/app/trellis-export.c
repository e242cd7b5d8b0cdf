/* trellis-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file choosers of Export Workshop Pack as PDF, Export Charts for Slides and the
 * plan's exports. The writing itself is the report layer's, the same as
 * `trellis-cli export` does.
 */
#define G_LOG_DOMAIN "trellis-export"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-export.h"
#include "trellis-plan-export.h"
#include "trellis-handoff.h"
#include "trellis-workshop-pack.h"

/* What an answered chooser needs to write, kept on the chooser until then. */
typedef struct
{
  TrellisProject       *project;
  TrellisReportOptions  options;
  char                 *base_name;
  TrellisExportDone     done;
  TrellisExportPlanDone plan_done;
  TrellisExportPlanFormat plan_format;
  gpointer              user_data;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->project);
  g_clear_object (&request->options.round);
  g_free (request->base_name);
  g_free (request);
}

#define REQUEST_KEY "trellis-export-request"

static GtkFileChooserNative *
chooser_new (GtkWindow                  *parent,
             const char                 *title,
             GtkFileChooserAction        action,
             const char                 *accept_label,
             TrellisProject             *project,
             const TrellisReportOptions *options,
             GFile                      *folder,
             const char                 *base_name,
             TrellisExportDone           done,
             gpointer                    user_data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  Request *request = g_new0 (Request, 1);

  request->project = g_object_ref (project);
  request->options = *options;
  /* Only the round is borrowed; the font family is left to the default. */
  if (request->options.round != NULL)
    g_object_ref (request->options.round);
  request->options.font_family = NULL;
  request->base_name = g_strdup (base_name);
  request->done = done;
  request->user_data = user_data;
  g_object_set_data_full (G_OBJECT (chooser), REQUEST_KEY, request, (GDestroyNotify) request_free);

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  return chooser;
}

/*****/

/* The file or folder the user chose, or %NULL when they cancelled. */
static GFile *
chosen_file (GtkNativeDialog *chooser,
             int              response)
{
  return response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
}

/* Tells the caller how writing @file went. */
static void
report_written (Request      *request,
                GFile        *file,
                gboolean      written,
                const GError *error)
{
  request->done (written ? file : NULL, error, request->user_data);
}

static void
pack_response_cb (GtkNativeDialog *chooser,
                  int              response)
{
  Request *request = g_object_get_data (G_OBJECT (chooser), REQUEST_KEY);
  g_autoptr(GFile) file = NULL;
  g_autoptr(TrellisWorkshopPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  const char *comments;

  if ((file = chosen_file (chooser, response)) == NULL)
    {
      request->done (NULL, NULL, request->user_data);
      return;
    }

  comments = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "comments");
  /* A chooser that cannot offer choices leaves the Comments view's. */
  if (comments != NULL)
    request->options.key_comments_only = g_str_equal (comments, "key");
  pack = trellis_workshop_pack_new (request->project, &request->options);
  report_written (request, file, trellis_workshop_pack_write_pdf (pack, file, &error), error);
}

/**
 * trellis_export_pack_chooser_new:
 * @options: what to put in the pack, as the charts show it
 * @folder: (nullable): where the chooser starts
 * @base_name: the project's file name without extension, for the PDF's name
 * @done: called once the user answered and the PDF is written, or not
 *
 * Returns: (transfer full): a chooser to show; it writes the workshop pack where the
 *   user says
 */
GtkFileChooserNative *
trellis_export_pack_chooser_new (GtkWindow                  *parent,
                                 TrellisProject             *project,
                                 const TrellisReportOptions *options,
                                 GFile                      *folder,
                                 const char                 *base_name,
                                 TrellisExportDone           done,
                                 gpointer                    user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL && base_name != NULL && done != NULL, NULL);

  chooser = chooser_new (parent, _("Export Workshop Pack as PDF"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                         project, options, folder, base_name, done, user_data);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* TRANSLATORS: the suggested file name of the PDF; %s is the project's, "northshire-csp" */
  name = g_strdup_printf (_("%s-workshop-pack.pdf"), base_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Which comments print: the Comments view's choice, changeable here. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "comments", _("Comments"),
                               (const char *[]) { "all", "key", NULL },
                               (const char *[]) { _("All comments"), _("Key comments only"), NULL });
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "comments", options->key_comments_only ? "key" : "all");
  g_signal_connect (chooser, "response", G_CALLBACK (pack_response_cb), NULL);
  return chooser;
}

/*****/

/**
 * trellis_export_charts_to:
 * @folder: the folder the user chose
 * @base_name: the project's file name without extension
 *
 * Writes every chart, one slide each, into a new folder in @folder named after the
 * project ("northshire-csp-charts"), so that a folder like Documents does not fill up
 * with loose images; an earlier export there is replaced.
 *
 * Returns: (transfer full) (nullable): the folder written, or %NULL with @error set
 */
GFile *
trellis_export_charts_to (TrellisProject              *project,
                          const TrellisReportOptions  *options,
                          GFile                       *folder,
                          const char                  *base_name,
                          TrellisReportFormat          format,
                          GError                     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) charts = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL && base_name != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  /* TRANSLATORS: the folder the charts are exported to; %s is the project's file name */
  name = g_strdup_printf (_("%s-charts"), base_name);
  charts = g_file_get_child (folder, name);
  if (!trellis_report_export_charts (project, options, format, charts, NULL, error))
    return NULL;
  return g_steal_pointer (&charts);
}

static void
charts_response_cb (GtkNativeDialog *chooser,
                    int              response)
{
  Request *request = g_object_get_data (G_OBJECT (chooser), REQUEST_KEY);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) written = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;

  if ((folder = chosen_file (chooser, response)) == NULL)
    {
      request->done (NULL, NULL, request->user_data);
      return;
    }

  format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
  written = trellis_export_charts_to (request->project, &request->options, folder, request->base_name,
                                      g_strcmp0 (format, "svg") == 0 ? TRELLIS_REPORT_FORMAT_SVG
                                                                     : TRELLIS_REPORT_FORMAT_PNG,
                                      &error);
  request->done (written, error, request->user_data);
}

/**
 * trellis_export_charts_chooser_new:
 * @options: the charts to write, as the page shows them
 * @folder: (nullable): where the chooser starts
 * @base_name: the project's file name without extension
 * @done: called once the user answered and the charts are written, or not
 *
 * Returns: (transfer full): a chooser of a folder and a format, PNG (what every slide
 *   program takes) or SVG; it writes the charts there, see trellis_export_charts_to()
 */
GtkFileChooserNative *
trellis_export_charts_chooser_new (GtkWindow                  *parent,
                                   TrellisProject             *project,
                                   const TrellisReportOptions *options,
                                   GFile                      *folder,
                                   const char                 *base_name,
                                   TrellisExportDone           done,
                                   gpointer                    user_data)
{
  GtkFileChooserNative *chooser;
  const char *formats[] = { "png", "svg", NULL };
  const char *format_labels[] = { _("PNG pictures, for any slide program"), _("SVG drawings, sharp at any size"),
                                  NULL };

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL && base_name != NULL && done != NULL, NULL);

  chooser = chooser_new (parent, _("Export Charts for Slides"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"),
                         project, options, folder, base_name, done, user_data);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), formats, format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "png");
  g_signal_connect (chooser, "response", G_CALLBACK (charts_response_cb), NULL);
  return chooser;
}

/*****/

#define HANDOFF_FORMAT_KEY "trellis-export-handoff-format"

static void
handoff_response_cb (GtkNativeDialog *chooser,
                     int              response)
{
  Request *request = g_object_get_data (G_OBJECT (chooser), REQUEST_KEY);
  TrellisHandoffFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), HANDOFF_FORMAT_KEY));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if ((file = chosen_file (chooser, response)) == NULL)
    {
      request->done (NULL, NULL, request->user_data);
      return;
    }
  report_written (request, file, trellis_handoff_write (request->project, format, request->options.paper, file, &error),
                  error);
}

/**
 * trellis_export_handoff_chooser_new:
 * @format: the survey tool's format, or the paper questionnaire
 * @options: the paper size, for the questionnaire
 * @base_name: the project's file name without extension
 *
 * Returns: (transfer full): a chooser to show; it writes the tailored checklist in
 *   @format where the user says, as `trellis-cli export` does
 */
GtkFileChooserNative *
trellis_export_handoff_chooser_new (GtkWindow                  *parent,
                                    TrellisProject             *project,
                                    TrellisHandoffFormat        format,
                                    const TrellisReportOptions *options,
                                    GFile                      *folder,
                                    const char                 *base_name,
                                    TrellisExportDone           done,
                                    gpointer                    user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = NULL;
  g_autofree char *name = NULL;
  const char *extension = trellis_handoff_format_get_extension (format);

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL && base_name != NULL && done != NULL, NULL);

  chooser = chooser_new (parent, trellis_handoff_format_get_name (format), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                         project, options, folder, base_name, done, user_data);
  g_object_set_data (G_OBJECT (chooser), HANDOFF_FORMAT_KEY, GUINT_TO_POINTER (format));
  pattern = g_strdup_printf ("*.%s", extension);
  gtk_file_filter_set_name (filter, trellis_handoff_format_get_name (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* TRANSLATORS: the suggested file name; %s is the project's, "northshire-csp", then the
   * format's extension: "northshire-csp-survey.lss" */
  name = g_strdup_printf (_("%s-survey.%s"), base_name, extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (handoff_response_cb), NULL);
  return chooser;
}

/*****/

/**
 * trellis_export_plan_to:
 * @left_out: (nullable): where to add the actions a calendar cannot hold, having no date
 *
 * Writes the improvement plan into @file as @format says.
 *
 * Returns: whether it was written; if not, @error says why
 */
gboolean
trellis_export_plan_to (TrellisProject              *project,
                        const TrellisReportOptions  *options,
                        GFile                       *file,
                        TrellisExportPlanFormat      format,
                        GPtrArray                   *left_out,
                        GError                     **error)
{
  g_autoptr(TrellisWorkshopPack) pack = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL && G_IS_FILE (file), FALSE);

  switch (format)
    {
    case TRELLIS_EXPORT_PLAN_CSV:
      return trellis_plan_write_csv (project, file, error);
    case TRELLIS_EXPORT_PLAN_ICS:
      return trellis_plan_write_ics (project, file, left_out, error);
    case TRELLIS_EXPORT_PLAN_PDF:
      pack = trellis_workshop_pack_new_plan (project, options);
      return trellis_workshop_pack_write_pdf (pack, file, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
plan_response_cb (GtkNativeDialog *chooser,
                  int              response)
{
  Request *request = g_object_get_data (G_OBJECT (chooser), REQUEST_KEY);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gboolean written = FALSE;

  if ((file = chosen_file (chooser, response)) == NULL)
    {
      request->plan_done (NULL, NULL, NULL, request->user_data);
      return;
    }

  written = trellis_export_plan_to (request->project, &request->options, file, request->plan_format, left_out,
                                    &error);
  request->plan_done (written ? file : NULL, left_out, error, request->user_data);
}

/**
 * trellis_export_plan_chooser_new:
 * @options: the paper and the round of the plan's PDF
 * @folder: (nullable): where the chooser starts
 * @base_name: the project's file name without extension, for the file's name
 * @done: called once the user answered and the file is written, or not
 *
 * Returns: (transfer full): a chooser to show; it writes the improvement plan where
 *   the user says, as a spreadsheet, calendar to-dos or a PDF
 */
GtkFileChooserNative *
trellis_export_plan_chooser_new (GtkWindow                  *parent,
                                 TrellisProject             *project,
                                 const TrellisReportOptions *options,
                                 GFile                      *folder,
                                 const char                 *base_name,
                                 TrellisExportPlanFormat     format,
                                 TrellisExportPlanDone       done,
                                 gpointer                    user_data)
{
  static const struct
  {
    const char *title, *filter_name, *mime_type, *pattern, *suffix;
  } formats[] = {
    [TRELLIS_EXPORT_PLAN_CSV] = { N_("Export Improvement Plan as Spreadsheet"), N_("CSV spreadsheets"), "text/csv",
                                  "*.csv", "-plan.csv" },
    [TRELLIS_EXPORT_PLAN_ICS] = { N_("Export Improvement Plan to a Calendar"), N_("iCalendar files"),
                                  "text/calendar", "*.ics", "-plan.ics" },
    [TRELLIS_EXPORT_PLAN_PDF] = { N_("Export Improvement Plan as PDF"), N_("PDF documents"), "application/pdf",
                                  "*.pdf", "-plan.pdf" },
  };
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  Request *request;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL && base_name != NULL && done != NULL, NULL);
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  chooser = chooser_new (parent, _(formats[format].title), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                         project, options, folder, base_name, NULL, user_data);
  request = g_object_get_data (G_OBJECT (chooser), REQUEST_KEY);
  request->plan_done = done;
  request->plan_format = format;
  gtk_file_filter_set_name (filter, _(formats[format].filter_name));
  gtk_file_filter_add_mime_type (filter, formats[format].mime_type);
  gtk_file_filter_add_pattern (filter, formats[format].pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Named after the project: "northshire-csp-plan.csv". */
  name = g_strconcat (base_name, formats[format].suffix, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (plan_response_cb), NULL);
  return chooser;
}
