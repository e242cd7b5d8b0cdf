/* trellis-debug.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Environment variables, read by the application only, that let the test suite, CI and
 * screenshots drive the real binary: kept here so the window's code is only the window's.
 *
 * TRELLIS_DEBUG_SMOKE: once the first project is painted, say what the window shows
 *   and quit (tests/smoke-trellis.sh); say why and quit when it cannot be opened.
 * TRELLIS_DEBUG_IMPORT_FILE=export.csv: open the import assistant on that file once
 *   the first project is shown.
 * TRELLIS_DEBUG_TIMING: print on stderr, as "trellis-timing: WHAT MICROSECONDS", when each
 *   stage of opening a project is reached, on GLib's monotonic clock (CLOCK_MONOTONIC,
 *   the clock of Python's time.monotonic()), so a benchmark can subtract the moment it
 *   started the process. "content-painted" is the first frame drawn with the project in it;
 *   with TRELLIS_DEBUG_SMOKE as well, trellis quits right after it.
 */
#define G_LOG_DOMAIN "trellis-debug"

#include "config.h"

#include "trellis-debug.h"

typedef struct
{
  TrellisDocument *document;
  GdkFrameClock   *frame_clock;
  gulong           after_paint_id;
} SmokeReport;

static void
smoke_report_free (SmokeReport *report)
{
  g_clear_object (&report->document);
  g_clear_signal_handler (&report->after_paint_id, report->frame_clock);
  g_clear_object (&report->frame_clock);
  g_free (report);
}

static void
painted_mark_cb (GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  g_autofree char *what = user_data;

  trellis_timing_mark (what);
  g_signal_handlers_disconnect_by_func (frame_clock, painted_mark_cb, user_data);
}

static gboolean
mark_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  /* A tick comes before the frame's layout and paint; after-paint, once it is drawn. */
  g_signal_connect_after (frame_clock, "after-paint", G_CALLBACK (painted_mark_cb),
                          g_strdup (user_data));
  return G_SOURCE_REMOVE;
}

/**
 * trellis_debug_mark_when_painted:
 * @widget: a widget about to be drawn with something new in it
 * @what: (not nullable): the stage, one word
 *
 * With TRELLIS_DEBUG_TIMING set, prints when the next frame showing @widget is drawn.
 */
void
trellis_debug_mark_when_painted (GtkWidget  *widget,
                                 const char *what)
{
  if (trellis_timing_wanted ())
    gtk_widget_add_tick_callback (widget, mark_tick_cb, g_strdup (what), g_free);
}

/**
 * trellis_debug_smoke_testing:
 *
 * Returns: whether TRELLIS_DEBUG_SMOKE is set
 */
gboolean
trellis_debug_smoke_testing (void)
{
  return g_getenv ("TRELLIS_DEBUG_SMOKE") != NULL;
}

/**
 * trellis_debug_smoke_failed:
 * @message: why the project could not be shown
 *
 * When smoke testing, says @message and quits.
 */
void
trellis_debug_smoke_failed (const char *message)
{
  if (!trellis_debug_smoke_testing ())
    return;
  g_printerr ("trellis: %s\n", message);
  g_application_quit (g_application_get_default ());
}

/* The test suite and CI prove the real binary opened a project and painted it. */
static void
smoke_painted_cb (GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  SmokeReport *report = user_data;
  TrellisProject *project = trellis_document_get_project (report->document);
  g_autofree char *name = NULL;

  trellis_timing_mark ("content-painted");
  g_clear_signal_handler (&report->after_paint_id, report->frame_clock);
  if (!trellis_debug_smoke_testing ())
    return;

  name = trellis_document_dup_title (report->document);
  /* The sidebar has a row for every section. */
  g_printerr ("trellis: showing “%s” (sections: %u, survey rounds: %u)\n",
              name, trellis_checklist_get_n_sections (trellis_project_get_checklist (project)),
              trellis_project_get_n_rounds (project));
  g_application_quit (g_application_get_default ());
}

/* A tick comes before the frame showing the project is laid out and drawn; after-paint,
 * once it is. */
static gboolean
smoke_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  SmokeReport *report = user_data;

  if (report->frame_clock == NULL)
    {
      report->frame_clock = g_object_ref (frame_clock);
      report->after_paint_id = g_signal_connect_after (frame_clock, "after-paint",
                                                       G_CALLBACK (smoke_painted_cb), report);
    }
  /* The report lives as long as this callback: until the window goes, or it is painted. */
  return report->after_paint_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/**
 * trellis_debug_report_when_painted:
 * @window: the window that shows @document
 * @document: the document shown
 *
 * When smoke testing, says what @window shows once a frame has been drawn, and quits.
 * With TRELLIS_DEBUG_TIMING, marks "content-painted" then.
 */
void
trellis_debug_report_when_painted (GtkWidget       *window,
                                   TrellisDocument *document)
{
  SmokeReport *report;

  if (!trellis_debug_smoke_testing () && !trellis_timing_wanted ())
    return;
  report = g_new0 (SmokeReport, 1);
  report->document = g_object_ref (document);
  gtk_widget_add_tick_callback (window, smoke_tick_cb, report, (GDestroyNotify) smoke_report_free);
}

/**
 * trellis_debug_take_import_file:
 *
 * Returns: (transfer full) (nullable): TRELLIS_DEBUG_IMPORT_FILE the first time only
 */
GFile *
trellis_debug_take_import_file (void)
{
  static gboolean done;
  const char *path = g_getenv ("TRELLIS_DEBUG_IMPORT_FILE");

  if (done || path == NULL || *path == '\0')
    return NULL;
  done = TRUE;
  return g_file_new_for_commandline_arg (path);
}
