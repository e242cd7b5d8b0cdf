/* trellis-table-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which reader reads a survey export: the one list of readers, consulted by format or,
 * for a file of unknown format, by what the file holds. A new format is a reader
 * (a TrellisTableReader) added to the list below.
 */
#define G_LOG_DOMAIN "trellis-table"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-table-reader.h"
#include "trellis-table-zip.h"

static const TrellisTableReader * const readers[] = {
  &_trellis_csv_reader,
  &_trellis_tsv_reader,
  &_trellis_xlsx_reader,
  &_trellis_ods_reader,
};

static const TrellisTableReader *
find_reader (TrellisTableFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (readers[i]->format == format)
      return readers[i];
  return NULL;
}

static gboolean
has_prefix (GBytes     *bytes,
            const char *magic,
            gsize       length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, magic, length) == 0;
}

/* Google Forms' "Download responses (.csv)" is a zip holding one CSV. */
static TrellisTable *
read_zipped_text (GHashTable  *parts,
                  const char  *display_name,
                  GError     **error)
{
  GHashTableIter iter;
  gpointer name, part;
  GBytes *text_part = NULL;

  g_hash_table_iter_init (&iter, parts);
  while (g_hash_table_iter_next (&iter, &name, &part))
    if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".tsv") ||
        g_str_has_suffix (name, ".txt"))
      {
        if (text_part != NULL)
          {
            _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, display_name,
                                       TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                       _("the ZIP file holds more than one table; unpack it and import the export itself"));
            return NULL;
          }
        text_part = part;
      }
  if (text_part != NULL)
    return _trellis_csv_reader.read (text_part, display_name, error);

  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("the ZIP file holds no spreadsheet or CSV file"));
  return NULL;
}

/**
 * trellis_table_read_bytes:
 * @display_name: the file's name for messages
 * @format: what the file is, or %TRELLIS_TABLE_FORMAT_AUTO to tell by the content
 *
 * Reads a survey export. With %TRELLIS_TABLE_FORMAT_AUTO a ZIP container is an XLSX
 * workbook, an ODS spreadsheet or, as Google Forms downloads responses, a zipped CSV;
 * anything else is read as delimited text.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
TrellisTable *
trellis_table_read_bytes (GBytes              *bytes,
                          const char          *display_name,
                          TrellisTableFormat   format,
                          GError             **error)
{
  g_autoptr(GHashTable) parts = NULL;
  const TrellisTableReader *reader;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!_trellis_table_check_file_size (g_bytes_get_size (bytes), display_name, error))
    return NULL;

  reader = find_reader (format);
  if (reader != NULL)
    return reader->read (bytes, display_name, error);

  if (has_prefix (bytes, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("this is an old Excel (.xls) file; save it as .xlsx or CSV and import that"));
      return NULL;
    }
  if (!_trellis_zip_is_zip (bytes))
    return _trellis_csv_reader.read (bytes, display_name, error);

  parts = _trellis_zip_extract (bytes, display_name, error);
  if (parts == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (readers[i]->zip_marker != NULL && g_hash_table_contains (parts, readers[i]->zip_marker))
      return readers[i]->read_parts (parts, display_name, error);
  return read_zipped_text (parts, display_name, error);
}
