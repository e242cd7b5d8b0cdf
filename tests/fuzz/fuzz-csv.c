/* fuzz-csv.c: the CSV reader on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "trellis-core.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) table = trellis_table_read_csv (bytes, "fuzz.csv", 0, &error);

  g_assert ((table == NULL) != (error == NULL));
  if (table != NULL)
    for (guint row = 0; row < trellis_table_get_n_rows (table); row++)
      for (guint c = 0; c < trellis_table_get_row_length (table, row); c++)
        g_assert (g_utf8_validate (trellis_table_get (table, row, c), -1, NULL));
  return 0;
}
