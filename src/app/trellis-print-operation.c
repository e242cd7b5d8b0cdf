/* trellis-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workshop pack laid out for the paper the print dialog chose, each page drawn by
 * the same code that writes the PDF, and previewed in a window of Trellis's own. The printer, its options and the page setup are
 * kept between runs in files under $XDG_DATA_HOME/org.trellisapp.Trellis/, where GTK's
 * own readers and writers put them.
 */
#define G_LOG_DOMAIN "trellis-print-operation"

#include "config.h"

#include "trellis-print-operation.h"
#include "trellis-print-preview.h"
#include "trellis-workshop-pack.h"

struct _TrellisPrintOperation
{
  GtkPrintOperation    parent_instance;

  TrellisWorkshopPack *pack;
  GtkPageSetup        *page_setup;      /* the one printed on, to remember */
  GtkWindow           *preview_parent;  /* weak */
};

G_DEFINE_FINAL_TYPE (TrellisPrintOperation, trellis_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
build_settings_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, name, NULL);
}

static void
load_settings (TrellisPrintOperation *self)
{
  g_autofree char *settings_path = build_settings_path ("print-settings");
  g_autofree char *page_setup_path = build_settings_path ("page-setup");
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;

  /* Missing or unreadable on the first run, or if the user cleared them: GTK's defaults. */
  settings = gtk_print_settings_new_from_file (settings_path, NULL);
  page_setup = gtk_page_setup_new_from_file (page_setup_path, NULL);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
}

static void
save_settings (TrellisPrintOperation *self)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *settings_path = build_settings_path ("print-settings");
  g_autofree char *page_setup_path = build_settings_path ("page-setup");
  g_autoptr(GError) error = NULL;

  /* Losing them only means choosing the printer again: say so in the log, not to the user. */
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      g_warning ("Could not make %s to keep the print settings in", directory);
      return;
    }
  if (settings != NULL && !gtk_print_settings_to_file (settings, settings_path, &error))
    {
      g_warning ("Could not keep the print settings: %s", error->message);
      g_clear_error (&error);
    }
  if (self->page_setup != NULL && !gtk_page_setup_to_file (self->page_setup, page_setup_path, &error))
    g_warning ("Could not keep the page setup: %s", error->message);
}

/* Lays the pack out for the paper chosen in the dialog: A4, Letter, or anything else. */
static void
trellis_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (operation);
  guint n_pages;

  g_set_object (&self->page_setup, gtk_print_context_get_page_setup (context));
  n_pages = trellis_workshop_pack_paginate (self->pack, gtk_print_context_get_width (context),
                                            gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
trellis_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (operation);

  if ((guint) page < trellis_workshop_pack_get_n_pages (self->pack))
    trellis_workshop_pack_draw_page (self->pack, gtk_print_context_get_cairo_context (context), page);
}

/* The pack is laid out for the paper (begin-print has run): show it. */
static void
preview_ready_cb (GtkPrintOperationPreview *preview,
                  GtkPrintContext          *context,
                  gpointer                  user_data)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (preview);

  gtk_window_present (GTK_WINDOW (trellis_print_preview_new (self->preview_parent, preview, self->pack,
                                                             self->page_setup)));
}

/* GTK's own preview hands a PDF to an external program, which may not be installed:
 * Trellis previews in a window of its own, which ends the preview when it closes. */
static gboolean
trellis_print_operation_preview (GtkPrintOperation        *operation,
                                 GtkPrintOperationPreview *preview,
                                 GtkPrintContext          *context,
                                 GtkWindow                *parent)
{
  TrellisPrintOperation *self = TRELLIS_PRINT_OPERATION (operation);
  cairo_surface_t *surface;
  cairo_t *cr;

  /* GTK lays the pages out only on a print context with a cairo context; the window
   * draws each page itself, so the one it gets is a token one, in points. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_set_weak_pointer (&self->preview_parent, parent);
  g_signal_connect (preview, "ready", G_CALLBACK (preview_ready_cb), NULL);
  return TRUE;
}

static void
trellis_print_operation_done (GtkPrintOperation       *operation,
                              GtkPrintOperationResult  result)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (TRELLIS_PRINT_OPERATION (operation));

  GTK_PRINT_OPERATION_CLASS (trellis_print_operation_parent_class)->done (operation, result);
}

static void
trellis_print_operation_finalize (GObject *object)
{
  TrellisPrintOperation *self = (TrellisPrintOperation *) object;

  g_clear_pointer (&self->pack, trellis_workshop_pack_unref);
  g_clear_object (&self->page_setup);
  g_clear_weak_pointer (&self->preview_parent);

  G_OBJECT_CLASS (trellis_print_operation_parent_class)->finalize (object);
}

static void
trellis_print_operation_class_init (TrellisPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = trellis_print_operation_finalize;
  operation_class->begin_print = trellis_print_operation_begin_print;
  operation_class->draw_page = trellis_print_operation_draw_page;
  operation_class->preview = trellis_print_operation_preview;
  operation_class->done = trellis_print_operation_done;
}

static void
trellis_print_operation_init (TrellisPrintOperation *self)
{
}

/**
 * trellis_print_operation_new:
 * @options: the round, order, style and comparison to print, as the charts show them
 *
 * Returns: (transfer full): an operation printing the workshop pack, with the page
 *   setup in the print dialog and the printer and paper used last time
 */
TrellisPrintOperation *
trellis_print_operation_new (TrellisProject             *project,
                             const TrellisReportOptions *options)
{
  TrellisPrintOperation *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_PRINT_OPERATION,
                       "use-full-page", TRUE,
                       "unit", GTK_UNIT_POINTS,
                       "embed-page-setup", TRUE,
                       "allow-async", TRUE,
                       NULL);
  self->pack = trellis_workshop_pack_new (project, options);
  title = trellis_workshop_pack_dup_title (self->pack);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  load_settings (self);
  return self;
}
