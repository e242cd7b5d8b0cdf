/* fuzz-common.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "trellis-table.h"

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

/* A reader either fails with an error or returns a table of valid UTF-8. */
static inline void
fuzz_check_table (TrellisTable *table,
                  GError       *error)
{
  g_assert ((table == NULL) != (error == NULL));
  if (table != NULL)
    for (guint row = 0; row < trellis_table_get_n_rows (table); row++)
      for (guint c = 0; c < trellis_table_get_row_length (table, row); c++)
        g_assert (g_utf8_validate (trellis_table_get (table, row, c), -1, NULL));
}

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
