/* fuzz-xlsx.c: the XLSX and ODS readers on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "trellis-model.h"
#include "trellis-import.h"

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
  TrellisTableFormat formats[] = { TRELLIS_TABLE_FORMAT_XLSX, TRELLIS_TABLE_FORMAT_ODS };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = trellis_table_read_bytes (bytes, "fuzz.xlsx", formats[i], &error);

      fuzz_check_table (table, error);
    }
  return 0;
}
