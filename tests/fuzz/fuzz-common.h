/* fuzz-common.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

static inline void
fuzz_abort_on_log (const char     *domain,
                   GLogLevelFlags  level,
                   const char     *message,
                   gpointer        user_data)
{
  fprintf (stderr, "%s: %s\n", domain != NULL ? domain : "", message);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

/* A critical or a warning is a bug the fuzzer found: make it a crash libFuzzer sees
 * (GLib's own fatal logging traps, which libFuzzer does not catch). */
static inline void
fuzz_make_warnings_fatal (void)
{
  g_log_set_default_handler (fuzz_abort_on_log, NULL);
}

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
