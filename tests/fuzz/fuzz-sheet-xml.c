/* fuzz-sheet-xml.c: the XLSX and ODS XML parts on arbitrary bytes, past the ZIP layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mutating a ZIP file mostly breaks its checksums, so the sheet readers are fuzzed here
 * directly: the input is a worksheet, a shared-strings part and a styles part separated
 * by NUL bytes; the first part is also read as an ODS content.xml.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "trellis-table-reader.h"
#include "trellis-table-zip.h"

static const char workbook[] =
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

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
  const char *names[] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml" };
  g_autoptr(GHashTable) xlsx = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  g_autoptr(GHashTable) ods = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  g_autoptr(TrellisTable) from_xlsx = NULL;
  g_autoptr(TrellisTable) from_ods = NULL;
  g_autoptr(GError) xlsx_error = NULL;
  g_autoptr(GError) ods_error = NULL;
  const guint8 *start = data, *end = data + size;

  g_hash_table_insert (xlsx, (gpointer) "xl/workbook.xml", g_bytes_new_static (workbook, sizeof workbook - 1));
  for (guint i = 0; i < G_N_ELEMENTS (names) && start <= end; i++)
    {
      const guint8 *stop = memchr (start, 0, end - start);

      if (stop == NULL)
        stop = end;
      g_hash_table_insert (xlsx, (gpointer) names[i], g_bytes_new (start, stop - start));
      if (i == 0)
        g_hash_table_insert (ods, (gpointer) "content.xml", g_bytes_new (start, stop - start));
      start = stop + 1;
    }

  from_xlsx = _trellis_table_read_xlsx_parts (xlsx, "fuzz.xlsx", &xlsx_error);
  fuzz_check_table (from_xlsx, xlsx_error);
  from_ods = _trellis_table_read_ods_parts (ods, "fuzz.ods", &ods_error);
  fuzz_check_table (from_ods, ods_error);
  return 0;
}
