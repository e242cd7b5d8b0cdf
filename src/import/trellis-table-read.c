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
#include "trellis-table-private.h"
#include "trellis-file-util.h"

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

/* What is read of a file to tell its format before reading it: a ZIP's or an old Excel
 * file's signature, UTF-16's NULs. */
#define HEAD_SIZE 4096

static TrellisTable *
read_whole_file (GFile               *file,
                 const char          *display_name,
                 TrellisTableFormat   format,
                 GCancellable        *cancellable,
                 GError             **error)
{
  guint64 limit = _trellis_table_memory_budget ();
  g_autoptr(GBytes) bytes = trellis_file_read_at_most (file, limit, cancellable, error);

  if (bytes == NULL)
    return NULL;
  return trellis_table_read_bytes (bytes, display_name, format, error);
}

/* A ZIP is read into memory (a zipped export is a tenth of its text); the one text
 * export inside it is then read as it is inflated, a spreadsheet as before. */
static TrellisTable *
read_zip_file (GFile         *file,
               const char    *display_name,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GBytes) bytes = trellis_file_read_at_most (file, _trellis_table_memory_budget (), cancellable, error);
  const char *markers[G_N_ELEMENTS (readers) + 1] = { NULL, };
  TrellisTable *table;
  gboolean handled;
  guint n = 0;

  if (bytes == NULL)
    return NULL;
  if (!_trellis_table_check_file_size (g_bytes_get_size (bytes), display_name, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (readers[i]->zip_marker != NULL)
      markers[n++] = readers[i]->zip_marker;
  table = _trellis_zip_read_text (bytes, display_name, markers, cancellable, &handled, error);
  if (handled)
    return table;
  return trellis_table_read_bytes (bytes, display_name, TRELLIS_TABLE_FORMAT_AUTO, error);
}

/* Text in UTF-16, or not UTF-8 (Windows-1252, as Excel saves "CSV"), is converted to
 * UTF-8 as it is read, a piece at a time like UTF-8 itself, so memory never holds the
 * whole file. It reads as decode_text() reads the same bytes whole: a character the
 * character set leaves undefined, a cut-off one or a NUL makes it not text. */
static TrellisTable *
read_converted_file (GFileInputStream    *raw,
                     const char          *display_name,
                     TrellisTableFormat   format,
                     const char          *charset,
                     gsize                skip,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(GCharsetConverter) converter = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) no_head = g_bytes_new_static ("", 0);
  g_autoptr(GError) read_error = NULL;
  TrellisTable *table;
  gboolean not_utf8 = FALSE;

  /* The file already open, read again from its start (past a byte-order mark). */
  if (!g_seekable_seek (G_SEEKABLE (raw), (goffset) skip, G_SEEK_SET, cancellable, error))
    return NULL;
  converter = g_charset_converter_new ("UTF-8", charset, error);
  if (converter == NULL)
    return NULL;
  stream = g_converter_input_stream_new (G_INPUT_STREAM (raw), G_CONVERTER (converter));
  table = _trellis_table_read_csv_stream (stream, no_head, display_name,
                                          format == TRELLIS_TABLE_FORMAT_TSV ? '\t' : 0,
                                          cancellable, &not_utf8, &read_error);
  if (table != NULL)
    return table;
  if (not_utf8 || g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
      g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    _trellis_csv_set_not_text (error, display_name);
  else
    g_propagate_error (error, g_steal_pointer (&read_error));
  return NULL;
}

/**
 * trellis_table_read_file:
 * @display_name: the file's name for messages
 * @format: what the file is, or %TRELLIS_TABLE_FORMAT_AUTO to tell by the content
 *
 * Reads a survey export from disk as trellis_table_read_bytes() reads it from memory.
 * Delimited UTF-8 text, what most survey tools download, is read a piece at a time, so
 * that an export of any size needs memory for its table only; a spreadsheet, a ZIP
 * file or text in another encoding is read whole, up to a share of this machine's
 * memory. A local file that is not a regular file is refused before it is read.
 *
 * Returns: (transfer full): the table, or %NULL with @error set: a #GIOErrorEnum when
 *   the file cannot be read, a #TrellisImportError when it cannot be imported
 */
TrellisTable *
trellis_table_read_file (GFile               *file,
                         const char          *display_name,
                         TrellisTableFormat   format,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) head = NULL;
  g_autoptr(TrellisTable) table = NULL;
  gboolean not_utf8 = FALSE;
  const char *charset;
  gsize skip;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (format != TRELLIS_TABLE_FORMAT_AUTO && format != TRELLIS_TABLE_FORMAT_CSV &&
      format != TRELLIS_TABLE_FORMAT_TSV)
    return read_whole_file (file, display_name, format, cancellable, error);
  if (!trellis_file_check_regular (file, error))
    return NULL;
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  head = g_input_stream_read_bytes (G_INPUT_STREAM (stream), HEAD_SIZE, cancellable, error);
  if (head == NULL)
    return NULL;
  if (format == TRELLIS_TABLE_FORMAT_AUTO && _trellis_zip_is_zip (head))
    return read_zip_file (file, display_name, cancellable, error);
  if (format == TRELLIS_TABLE_FORMAT_AUTO && has_prefix (head, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    return read_whole_file (file, display_name, format, cancellable, error);
  charset = _trellis_csv_text_charset (head, FALSE, &skip);
  if (charset != NULL)
    return read_converted_file (stream, display_name, format, charset, skip, cancellable, error);

  table = _trellis_table_read_csv_stream (G_INPUT_STREAM (stream), head, display_name,
                                          format == TRELLIS_TABLE_FORMAT_TSV ? '\t' : 0,
                                          cancellable, &not_utf8, error);
  if (not_utf8)
    {
      charset = _trellis_csv_text_charset (head, TRUE, &skip);
      return read_converted_file (stream, display_name, format, charset, skip, cancellable, error);
    }
  return g_steal_pointer (&table);
}
