/* trellis-timing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TRELLIS_DEBUG_TIMING: `trellis` and `trellis-cli import` print on stderr, as
 * "trellis-timing: WHAT MICROSECONDS", when each stage is reached, on GLib's monotonic
 * clock (CLOCK_MONOTONIC, the clock of Python's time.monotonic()), so a benchmark can
 * subtract the moment it started the process. The stages are named where they are
 * marked; HACKING.md lists them.
 */
#include "config.h"

#include "trellis-timing.h"

/**
 * trellis_timing_wanted:
 *
 * Returns: whether TRELLIS_DEBUG_TIMING is set (read once: threads mark stages too)
 */
gboolean
trellis_timing_wanted (void)
{
  static gsize checked;
  static gboolean wanted;

  if (g_once_init_enter (&checked))
    {
      wanted = g_getenv ("TRELLIS_DEBUG_TIMING") != NULL;
      g_once_init_leave (&checked, 1);
    }
  return wanted;
}

/**
 * trellis_timing_mark:
 * @what: the stage reached, one word
 *
 * With TRELLIS_DEBUG_TIMING set, prints when @what was reached. Safe from any thread.
 */
void
trellis_timing_mark (const char *what)
{
  if (trellis_timing_wanted ())
    g_printerr ("trellis-timing: %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
}
