/* trellis-csv-reader.c: delimited text as survey tools and Excel write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-table"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-table-private.h"
#include "trellis-table-reader.h"

static void
set_not_text (GError     **error,
              const char  *display_name)
{
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("this is not a CSV, XLSX or ODS file"));
}

/* UTF-16 without a byte-order mark shows itself by NULs in every other byte. */
static const char *
guess_utf16 (const guint8 *data,
             gsize         size)
{
  gsize sample = MIN (size, 4096) & ~(gsize) 1;
  guint odd_nuls = 0, even_nuls = 0;

  if (sample < 4)
    return NULL;
  for (gsize i = 0; i < sample; i += 2)
    {
      even_nuls += data[i] == 0;
      odd_nuls += data[i + 1] == 0;
    }
  if (odd_nuls > sample / 4 && even_nuls == 0)
    return "UTF-16LE";
  if (even_nuls > sample / 4 && odd_nuls == 0)
    return "UTF-16BE";
  return NULL;
}

/* Control characters other than tab and line breaks do not occur in text exports;
 * many of them mean a binary file. */
static gboolean
looks_binary (const char *text,
              gsize       length)
{
  gsize controls = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
        controls++;
    }
  return controls > 8 && controls > length / 100;
}

/**
 * decode_text:
 *
 * Turns the file into UTF-8 without a byte-order mark: UTF-8 and UTF-16 by their mark,
 * UTF-16 without one by its NULs, then strict UTF-8, then Windows-1252 as Excel's
 * "CSV (Comma delimited)" writes in Western Europe.
 */
static char *
decode_text (GBytes      *bytes,
             const char  *display_name,
             gsize       *length,
             GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  const char *utf16 = NULL;
  g_autofree char *text = NULL;
  gsize text_length = 0;

  if (size == 0)
    {
      *length = 0;
      return g_strdup ("");
    }
  if (size >= 2 && data[0] == 0xff && data[1] == 0xfe)
    utf16 = "UTF-16LE", data += 2, size -= 2;
  else if (size >= 2 && data[0] == 0xfe && data[1] == 0xff)
    utf16 = "UTF-16BE", data += 2, size -= 2;
  else if (size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    data += 3, size -= 3;
  else
    utf16 = guess_utf16 (data, size);

  if (utf16 != NULL)
    {
      text = g_convert ((const char *) data, size, "UTF-8", utf16, NULL, &text_length, NULL);
      if (text == NULL)
        {
          set_not_text (error, display_name);
          return NULL;
        }
    }
  else if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      text = g_strndup ((const char *) data, size);
      text_length = size;
    }
  else
    {
      text = g_convert ((const char *) data, size, "UTF-8", "WINDOWS-1252", NULL, &text_length, NULL);
      if (text == NULL)
        {
          set_not_text (error, display_name);
          return NULL;
        }
    }

  /* A BOM inside UTF-16 content, or a second one, must not reach the first header. */
  if (text_length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      memmove (text, text + 3, text_length - 3 + 1);
      text_length -= 3;
    }
  if (looks_binary (text, text_length))
    {
      set_not_text (error, display_name);
      return NULL;
    }
  *length = text_length;
  return g_steal_pointer (&text);
}

/* Excel writes "sep=;" as a first line to name the delimiter. */
static const char *
skip_sep_line (const char *text,
               const char *end,
               char       *delimiter)
{
  const char *p = text;

  if (end - p >= 5 && *p == '"')
    p++;
  if (end - p < 5 || g_ascii_strncasecmp (p, "sep=", 4) != 0)
    return text;
  p += 4;
  /* Only a single ASCII character can split fields without splitting characters. */
  if (p >= end || (!g_ascii_ispunct (*p) && *p != '\t' && *p != ' '))
    return text;
  if (*p == '"')
    return text;
  *delimiter = *p++;
  if (p < end && *p == '"')
    p++;
  while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
    p++;
  if (p < end && *p == '\r')
    p++;
  if (p < end && *p == '\n')
    p++;
  return p;
}

/* Counts a candidate delimiter outside quotes in the first logical record. */
static guint
count_in_first_record (const char *p,
                       const char *end,
                       char        delimiter)
{
  gboolean quoted = FALSE;
  guint count = 0;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == delimiter)
        count++;
    }
  return count;
}

static char
detect_delimiter (const char *text,
                  const char *end)
{
  const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint count = count_in_first_record (text, end, candidates[i]);

      if (count > best_count)
        {
          best = candidates[i];
          best_count = count;
        }
    }
  return best;
}

static void
append_normalising_newlines (GString    *field,
                             const char *start,
                             const char *stop)
{
  for (const char *p = start; p < stop; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (field, '\n');
          if (p + 1 < stop && p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (field, *p);
    }
}

/* Where reading delimited text has got to. */
typedef struct
{
  TrellisTable *table;
  GString      *field;
  const char   *display_name;
  const char   *p;
  const char   *end;
  char          delimiter;
  guint         record;
  guint         n_fields;
} CsvReader;

/* A quoted field, from its opening quote: doubled quotes are one, line breaks are kept,
 * and text after the closing quote ("abc"def) is kept too, as spreadsheets do. */
static gboolean
read_quoted_field (CsvReader  *csv,
                   GError    **error)
{
  const char *start;

  g_string_truncate (csv->field, 0);
  csv->p++;
  for (;;)
    {
      const char *q = csv->p;

      while (q < csv->end && *q != '"')
        q++;
      if (q >= csv->end)
        {
          _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, csv->display_name,
                                     csv->record, csv->n_fields,
                                     _("a quoted cell is never closed; the file may be cut short"));
          return FALSE;
        }
      append_normalising_newlines (csv->field, csv->p, q);
      csv->p = q + 1;
      if (csv->p < csv->end && *csv->p == '"')
        {
          g_string_append_c (csv->field, '"');
          csv->p++;
          continue;
        }
      break;
    }
  start = csv->p;
  while (csv->p < csv->end && *csv->p != csv->delimiter && *csv->p != '\n' && *csv->p != '\r')
    csv->p++;
  g_string_append_len (csv->field, start, csv->p - start);
  trellis_table_add_cell (csv->table, csv->field->str, csv->field->len, TRELLIS_CELL_QUOTED);
  return TRUE;
}

/* One field, quoted or not, up to the delimiter or the end of the record. */
static gboolean
read_field (CsvReader  *csv,
            GError    **error)
{
  const char *start = csv->p;

  if (*csv->p == '"')
    {
      if (!read_quoted_field (csv, error))
        return FALSE;
    }
  else
    {
      while (csv->p < csv->end && *csv->p != csv->delimiter && *csv->p != '\n' && *csv->p != '\r')
        csv->p++;
      trellis_table_add_cell (csv->table, start, csv->p - start, 0);
    }

  if (++csv->n_fields > TRELLIS_TABLE_MAX_COLUMNS)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, csv->display_name,
                                 csv->record, TRELLIS_TABLE_NO_COLUMN,
                                 _("more than %d columns, far more than any survey export"),
                                 TRELLIS_TABLE_MAX_COLUMNS);
      return FALSE;
    }
  return TRUE;
}

/* The record ends at a line break, CRLF, LF or CR, or at the end of the text. */
static gboolean
end_record (CsvReader  *csv,
            GError    **error)
{
  if (csv->p < csv->end && *csv->p == '\r')
    csv->p++;
  if (csv->p < csv->end && *csv->p == '\n')
    csv->p++;

  trellis_table_end_row (csv->table, csv->record);
  if (!_trellis_table_check_size (csv->table, csv->display_name, csv->record, error))
    return FALSE;
  csv->n_fields = 0;
  if (++csv->record > TRELLIS_TABLE_MAX_ROWS)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, csv->display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("more than %d rows, far more than any survey export"),
                                 TRELLIS_TABLE_MAX_ROWS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_records (CsvReader  *csv,
              GError    **error)
{
  while (csv->p < csv->end)
    {
      if (!read_field (csv, error))
        return FALSE;
      if (csv->p < csv->end && *csv->p == csv->delimiter)
        {
          csv->p++;
          /* A delimiter at the very end still opens one last, empty field. */
          if (csv->p == csv->end)
            trellis_table_add_cell (csv->table, "", 0, 0);
          else
            continue;
        }
      if (!end_record (csv, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * trellis_table_read_csv:
 * @delimiter: ',', ';' or '\t', or 0 to detect it
 *
 * Reads delimited text as RFC 4180 describes and as real exports bend it: quoted fields
 * may hold the delimiter, doubled quotes and line breaks; records end in CRLF, LF or CR;
 * a first line "sep=;" names the delimiter. Whether each field was quoted is kept.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
TrellisTable *
trellis_table_read_csv (GBytes      *bytes,
                        const char  *display_name,
                        char         delimiter,
                        GError     **error)
{
  g_autoptr(TrellisTable) table = NULL;
  g_autoptr(GString) field = NULL;
  g_autofree char *text = NULL;
  CsvReader csv = { 0, };
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (delimiter == 0 || (delimiter > 0 && delimiter != '"' && delimiter != '\n' &&
                                           delimiter != '\r'), NULL);

  if (!_trellis_table_check_file_size (g_bytes_get_size (bytes), display_name, error))
    return NULL;
  text = decode_text (bytes, display_name, &length, error);
  if (text == NULL)
    return NULL;

  table = trellis_table_new (delimiter == '\t' ? TRELLIS_TABLE_FORMAT_TSV : TRELLIS_TABLE_FORMAT_CSV);
  field = g_string_new (NULL);
  csv.table = table;
  csv.field = field;
  csv.display_name = display_name;
  csv.end = text + length;
  csv.p = skip_sep_line (text, csv.end, &delimiter);
  csv.delimiter = delimiter != 0 ? delimiter : detect_delimiter (csv.p, csv.end);
  csv.record = 1;
  if (!read_records (&csv, error))
    return NULL;

  if (trellis_table_get_n_rows (table) == 0)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_EMPTY, display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("the file is empty"));
      return NULL;
    }
  return g_steal_pointer (&table);
}

/* Comma, semicolon or tab: the delimiter is detected. */
static TrellisTable *
read_delimited (GBytes      *bytes,
                const char  *display_name,
                GError     **error)
{
  return trellis_table_read_csv (bytes, display_name, 0, error);
}

static TrellisTable *
read_tab_separated (GBytes      *bytes,
                    const char  *display_name,
                    GError     **error)
{
  return trellis_table_read_csv (bytes, display_name, '\t', error);
}

const TrellisTableReader _trellis_csv_reader = {
  .format = TRELLIS_TABLE_FORMAT_CSV,
  .read = read_delimited,
};

const TrellisTableReader _trellis_tsv_reader = {
  .format = TRELLIS_TABLE_FORMAT_TSV,
  .read = read_tab_separated,
};
