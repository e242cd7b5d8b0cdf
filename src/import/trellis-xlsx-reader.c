/* trellis-xlsx-reader.c: the first sheet of an Office Open XML workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-table"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-table-reader.h"
#include "trellis-table-zip.h"

typedef struct
{
  GHashTable     *parts;
  const char     *display_name;
  GPtrArray      *shared_strings;  /* char*, in shared_text */
  GStringChunk   *shared_text;
  GArray         *date_styles;     /* gboolean per cellXfs index */
  gboolean        date1904;
  TrellisTable   *table;
  GString        *value;
} XlsxReader;

static void
set_corrupt (XlsxReader  *reader,
             GError     **error,
             guint        sheet_row,
             guint        column,
             const char  *what)
{
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, reader->display_name,
                             sheet_row, column,
                             _("the workbook is damaged: %s"), what);
}

static gboolean
is_end_of (TrellisXmlPart *part,
           int             depth)
{
  return xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_END_ELEMENT &&
         xmlTextReaderDepth (part->reader) == depth;
}

/* Collects the text beneath the current element up to its end: all of it, or only
 * what lies inside elements named @only_in. Phonetic runs (<rPh>) are not the cell's
 * text and office:annotation is a note on the cell, so both are skipped. */
static gboolean
collect_text (TrellisXmlPart  *part,
              const char      *only_in,
              GString         *out,
              GError         **error)
{
  int depth, in_wanted = -1, skipping = -1;
  int status;

  if (xmlTextReaderIsEmptyElement (part->reader))
    return TRUE;
  depth = xmlTextReaderDepth (part->reader);
  while ((status = _trellis_xml_part_read (part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part->reader);
      int node_depth = xmlTextReaderDepth (part->reader);

      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (node_depth == depth)
            return TRUE;
          if (node_depth == skipping)
            skipping = -1;
          if (node_depth == in_wanted)
            in_wanted = -1;
        }
      else if (type == XML_READER_TYPE_ELEMENT)
        {
          if (xmlTextReaderIsEmptyElement (part->reader))
            continue;
          if (skipping < 0 && (_trellis_xml_part_is (part, "rPh") || _trellis_xml_part_is (part, "annotation")))
            skipping = node_depth;
          else if (only_in != NULL && in_wanted < 0 && _trellis_xml_part_is (part, only_in))
            in_wanted = node_depth;
        }
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) &&
               skipping < 0 && (only_in == NULL || in_wanted >= 0))
        g_string_append (out, (const char *) xmlTextReaderConstValue (part->reader));
    }
  if (status == 0)
    {
      g_autofree char *message = g_strdup_printf (_("its part “%s” ends too early"), part->part_name);
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, part->display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN, "%s", message);
    }
  return FALSE;
}

/* Excel escapes characters XML cannot hold as _xHHHH_ ("line_x000D_\nbreak"), and a
 * literal "_x" as _x005F_x. Line breaks come out as \n whatever they were. */
static void
decode_escapes (GString *text)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  if (strstr (text->str, "_x") == NULL && strchr (text->str, '\r') == NULL)
    return;
  out = g_string_sized_new (text->len);
  for (p = text->str; *p != '\0'; p++)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8) |
                       (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);

          if (c != 0 && g_unichar_validate (c))
            g_string_append_unichar (out, c);
          p += 6;
        }
      else
        g_string_append_c (out, *p);
    }
  g_string_truncate (text, 0);
  for (p = out->str; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (text, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (text, *p);
    }
}

/* A workbook's shared strings are its distinct texts: far fewer than its cells in any
 * real export. The count is bounded by work, not bytes: 50 million empty <si/> are 384 kB
 * zipped and once took 16 s and 2.2 GB to read. */
#define MAX_SHARED_STRINGS (2 * 1000 * 1000)

static gboolean
read_shared_strings (XlsxReader  *reader,
                     GError     **error)
{
  g_autoptr(TrellisXmlPart) part = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int status;

  if (!g_hash_table_contains (reader->parts, "xl/sharedStrings.xml"))
    return TRUE;
  part = _trellis_xml_part_open (reader->parts, "xl/sharedStrings.xml", reader->display_name, error);
  if (part == NULL)
    return FALSE;
  while ((status = _trellis_xml_part_read (part, error)) == 1)
    if (_trellis_xml_part_is (part, "si"))
      {
        g_string_truncate (text, 0);
        if (!collect_text (part, "t", text, error))
          return FALSE;
        if (reader->shared_strings->len >= MAX_SHARED_STRINGS)
          {
            _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, reader->display_name,
                                       TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                       _("it lists more than %d different texts, far more than any survey export"),
                                       MAX_SHARED_STRINGS);
            return FALSE;
          }
        decode_escapes (text);
        /* One block for all the texts, and no allocation at all for an empty one. */
        g_ptr_array_add (reader->shared_strings,
                         text->len == 0 ? (char *) "" : g_string_chunk_insert_len (reader->shared_text, text->str, text->len));
      }
  return status == 0;
}

static gboolean
is_builtin_date_format (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

/* A number format shows a date or time when, outside quoted text, escapes and
 * [colour] brackets, it has a day, month, year, hour or second code. */
static gboolean
is_date_format_code (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;
        case '\\':
          if (p[1] != '\0')
            p++;
          break;
        case '[':
          if (p[1] == 'h' || p[1] == 'H' || p[1] == 'm' || p[1] == 'M' || p[1] == 's' || p[1] == 'S')
            return TRUE;
          p = strchr (p, ']');
          if (p == NULL)
            return FALSE;
          break;
        case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
        case 'h': case 'H': case 's': case 'S':
          return TRUE;
        default:
          break;
        }
    }
  return FALSE;
}

static gboolean
read_styles (XlsxReader  *reader,
             GError     **error)
{
  g_autoptr(TrellisXmlPart) part = NULL;
  g_autoptr(GHashTable) custom_dates = g_hash_table_new (g_direct_hash, g_direct_equal);
  int cell_xfs_depth = -1;
  int status;

  if (!g_hash_table_contains (reader->parts, "xl/styles.xml"))
    return TRUE;
  part = _trellis_xml_part_open (reader->parts, "xl/styles.xml", reader->display_name, error);
  if (part == NULL)
    return FALSE;
  while ((status = _trellis_xml_part_read (part, error)) == 1)
    {
      if (_trellis_xml_part_is (part, "numFmt"))
        {
          g_autofree char *id = _trellis_xml_part_dup_attribute (part, "numFmtId");
          g_autofree char *code = _trellis_xml_part_dup_attribute (part, "formatCode");

          if (id != NULL && code != NULL && is_date_format_code (code))
            g_hash_table_add (custom_dates, GUINT_TO_POINTER (strtoul (id, NULL, 10)));
        }
      else if (_trellis_xml_part_is (part, "cellXfs") && !xmlTextReaderIsEmptyElement (part->reader))
        cell_xfs_depth = xmlTextReaderDepth (part->reader);
      else if (cell_xfs_depth >= 0 && is_end_of (part, cell_xfs_depth))
        cell_xfs_depth = -1;
      else if (cell_xfs_depth >= 0 && _trellis_xml_part_is (part, "xf") &&
               xmlTextReaderDepth (part->reader) == cell_xfs_depth + 1)
        {
          g_autofree char *id_text = _trellis_xml_part_dup_attribute (part, "numFmtId");
          guint id = id_text != NULL ? strtoul (id_text, NULL, 10) : 0;
          gboolean is_date = is_builtin_date_format (id) ||
                             g_hash_table_contains (custom_dates, GUINT_TO_POINTER (id));

          g_array_append_val (reader->date_styles, is_date);
        }
    }
  return status == 0;
}

static char *
resolve_first_sheet (XlsxReader  *reader,
                     GError     **error)
{
  g_autoptr(TrellisXmlPart) workbook = NULL;
  g_autoptr(TrellisXmlPart) rels = NULL;
  g_autofree char *sheet_rel = NULL;
  g_autofree char *target = NULL;
  int status;

  workbook = _trellis_xml_part_open (reader->parts, "xl/workbook.xml", reader->display_name, error);
  if (workbook == NULL)
    return NULL;
  while ((status = _trellis_xml_part_read (workbook, error)) == 1)
    {
      if (_trellis_xml_part_is (workbook, "workbookPr"))
        {
          g_autofree char *date1904 = _trellis_xml_part_dup_attribute (workbook, "date1904");
          reader->date1904 = date1904 != NULL && (strcmp (date1904, "1") == 0 || strcmp (date1904, "true") == 0);
        }
      else if (sheet_rel == NULL && _trellis_xml_part_is (workbook, "sheet"))
        sheet_rel = _trellis_xml_part_dup_attribute (workbook, "id");
    }
  if (status < 0)
    return NULL;

  if (sheet_rel != NULL && g_hash_table_contains (reader->parts, "xl/_rels/workbook.xml.rels"))
    {
      rels = _trellis_xml_part_open (reader->parts, "xl/_rels/workbook.xml.rels", reader->display_name, error);
      if (rels == NULL)
        return NULL;
      while ((status = _trellis_xml_part_read (rels, error)) == 1)
        if (target == NULL && _trellis_xml_part_is (rels, "Relationship"))
          {
            g_autofree char *id = _trellis_xml_part_dup_attribute (rels, "Id");
            if (g_strcmp0 (id, sheet_rel) == 0)
              target = _trellis_xml_part_dup_attribute (rels, "Target");
          }
      if (status < 0)
        return NULL;
    }

  if (target == NULL)
    return g_strdup ("xl/worksheets/sheet1.xml");
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

/* "AB12" → column 27; returns FALSE without letters. */
static gboolean
parse_cell_column (const char *reference,
                   guint      *column)
{
  guint value = 0;
  const char *p;

  for (p = reference; g_ascii_isalpha (*p); p++)
    {
      value = value * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (value > TRELLIS_TABLE_MAX_COLUMNS + 1)
        break;
    }
  if (p == reference)
    return FALSE;
  *column = value - 1;
  return TRUE;
}

/* Excel counts days from 1899-12-30 (so that its phantom 29 February 1900 falls out),
 * or from 1904-01-01 in workbooks made on old Macs. */
static gboolean
format_serial_date (XlsxReader *reader,
                    const char *number,
                    GString    *out)
{
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) moment = NULL;
  char *end;
  double serial = g_ascii_strtod (number, &end);
  double day_part;
  gint64 seconds;

  if (*end != '\0' || !isfinite (serial) || serial < 0 || serial > 2958465.0)
    return FALSE;
  base = reader->date1904 ? g_date_time_new_utc (1904, 1, 1, 0, 0, 0)
                          : g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  day_part = floor (serial);
  seconds = (gint64) llround ((serial - day_part) * 86400.0);
  moment = g_date_time_add_full (base, 0, 0, (int) day_part, 0, 0, (double) seconds);
  if (moment == NULL)
    return FALSE;
  g_string_truncate (out, 0);
  if (seconds == 0)
    g_string_append_printf (out, "%04d-%02d-%02d", g_date_time_get_year (moment),
                            g_date_time_get_month (moment), g_date_time_get_day_of_month (moment));
  else
    g_string_append_printf (out, "%04d-%02d-%02d %02d:%02d:%02d", g_date_time_get_year (moment),
                            g_date_time_get_month (moment), g_date_time_get_day_of_month (moment),
                            g_date_time_get_hour (moment), g_date_time_get_minute (moment),
                            g_date_time_get_second (moment));
  return TRUE;
}

static gboolean
read_cell (XlsxReader      *reader,
           TrellisXmlPart  *part,
           guint            sheet_row,
           guint            column,
           GError         **error)
{
  g_autofree char *type = _trellis_xml_part_dup_attribute (part, "t");
  g_autofree char *style_text = _trellis_xml_part_dup_attribute (part, "s");
  GString *value = reader->value;
  TrellisCellFlags flags = 0;
  gboolean has_value = FALSE;
  int depth = xmlTextReaderDepth (part->reader);
  int status;

  g_string_truncate (value, 0);
  if (!xmlTextReaderIsEmptyElement (part->reader))
    {
      while ((status = _trellis_xml_part_read (part, error)) == 1 && !is_end_of (part, depth))
        {
          if (_trellis_xml_part_is (part, "v"))
            {
              has_value = TRUE;
              if (!collect_text (part, NULL, value, error))
                return FALSE;
            }
          else if (_trellis_xml_part_is (part, "is"))
            {
              has_value = TRUE;
              if (!collect_text (part, "t", value, error))
                return FALSE;
            }
        }
      if (status <= 0)
        {
          if (status == 0)
            set_corrupt (reader, error, sheet_row, column, _("a cell is cut short"));
          return FALSE;
        }
    }

  if (!has_value)
    g_string_truncate (value, 0);
  else if (g_strcmp0 (type, "s") == 0)
    {
      char *end;
      guint64 index = g_ascii_strtoull (value->str, &end, 10);

      if (end == value->str || *end != '\0' || index >= reader->shared_strings->len)
        {
          set_corrupt (reader, error, sheet_row, column, _("a cell points at a text that does not exist"));
          return FALSE;
        }
      g_string_assign (value, g_ptr_array_index (reader->shared_strings, index));
    }
  else if (g_strcmp0 (type, "inlineStr") == 0 || g_strcmp0 (type, "str") == 0)
    decode_escapes (value);
  else if (g_strcmp0 (type, "b") == 0)
    g_string_assign (value, strcmp (value->str, "1") == 0 ? "TRUE" : "FALSE");
  else if (g_strcmp0 (type, "d") == 0)
    flags = TRELLIS_CELL_DATE;
  else if (type == NULL || strcmp (type, "n") == 0)
    {
      guint64 style = style_text != NULL ? g_ascii_strtoull (style_text, NULL, 10) : 0;

      flags = TRELLIS_CELL_NUMBER;
      if (style < reader->date_styles->len &&
          g_array_index (reader->date_styles, gboolean, style) &&
          format_serial_date (reader, value->str, value))
        flags = TRELLIS_CELL_DATE;
    }

  if (!g_utf8_validate_len (value->str, value->len, NULL))
    {
      set_corrupt (reader, error, sheet_row, column, _("a cell holds text that is not Unicode"));
      return FALSE;
    }
  trellis_table_add_cell (reader->table, value->str, value->len, flags);
  return TRUE;
}

/* Where reading a worksheet has got to. */
typedef struct
{
  TrellisXmlPart *part;
  guint           sheet_row;
  guint           column;
  guint           n_rows;
  int             row_depth;
} SheetPosition;

/* A <row>, numbered after the one before. */
static gboolean
start_sheet_row (XlsxReader     *reader,
                 SheetPosition  *at,
                 GError        **error)
{
  g_autofree char *number = _trellis_xml_part_dup_attribute (at->part, "r");
  guint64 r = number != NULL ? g_ascii_strtoull (number, NULL, 10) : at->sheet_row + 1;

  if (r <= at->sheet_row || r > G_MAXUINT32)
    {
      set_corrupt (reader, error, at->sheet_row + 1, TRELLIS_TABLE_NO_COLUMN, _("its rows are out of order"));
      return FALSE;
    }
  if (++at->n_rows > TRELLIS_TABLE_MAX_ROWS)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, reader->display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("more than %d rows, far more than any survey export"),
                                 TRELLIS_TABLE_MAX_ROWS);
      return FALSE;
    }
  at->sheet_row = (guint) r;
  at->column = 0;
  if (xmlTextReaderIsEmptyElement (at->part->reader))
    trellis_table_end_row (reader->table, at->sheet_row);
  else
    at->row_depth = xmlTextReaderDepth (at->part->reader);
  return TRUE;
}

/* A <c>, after empty cells for the columns it skips. */
static gboolean
add_sheet_cell (XlsxReader     *reader,
                SheetPosition  *at,
                GError        **error)
{
  g_autofree char *reference = _trellis_xml_part_dup_attribute (at->part, "r");
  guint wanted = at->column;

  if (reference != NULL && !parse_cell_column (reference, &wanted))
    {
      set_corrupt (reader, error, at->sheet_row, at->column, _("a cell has no valid reference"));
      return FALSE;
    }
  if (wanted < at->column)
    {
      set_corrupt (reader, error, at->sheet_row, wanted, _("its cells are out of order"));
      return FALSE;
    }
  if (wanted >= TRELLIS_TABLE_MAX_COLUMNS)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, reader->display_name,
                                 at->sheet_row, TRELLIS_TABLE_NO_COLUMN,
                                 _("more than %d columns, far more than any survey export"),
                                 TRELLIS_TABLE_MAX_COLUMNS);
      return FALSE;
    }
  for (; at->column < wanted; at->column++)
    trellis_table_add_cell (reader->table, "", 0, 0);
  /* Checked per cell, not per row: one shared string of megabytes may fill every cell
   * of a row. */
  if (!read_cell (reader, at->part, at->sheet_row, at->column, error) ||
      !_trellis_table_check_size (reader->table, reader->display_name, at->sheet_row, error))
    return FALSE;
  at->column++;
  return TRUE;
}

static gboolean
read_sheet (XlsxReader  *reader,
            const char  *sheet_name,
            GError     **error)
{
  g_autoptr(TrellisXmlPart) part = NULL;
  SheetPosition at = { NULL, 0, 0, 0, -1 };
  int status;

  part = _trellis_xml_part_open (reader->parts, sheet_name, reader->display_name, error);
  if (part == NULL)
    return FALSE;
  at.part = part;

  while ((status = _trellis_xml_part_read (part, error)) == 1)
    {
      if (_trellis_xml_part_is (part, "row"))
        {
          if (!start_sheet_row (reader, &at, error))
            return FALSE;
        }
      else if (at.row_depth >= 0 && is_end_of (part, at.row_depth))
        {
          trellis_table_end_row (reader->table, at.sheet_row);
          at.row_depth = -1;
          if (!_trellis_table_check_size (reader->table, reader->display_name, at.sheet_row, error))
            return FALSE;
        }
      else if (at.row_depth >= 0 && _trellis_xml_part_is (part, "c"))
        {
          if (!add_sheet_cell (reader, &at, error))
            return FALSE;
        }
    }
  if (status < 0)
    return FALSE;
  if (at.row_depth >= 0)
    {
      set_corrupt (reader, error, at.sheet_row, TRELLIS_TABLE_NO_COLUMN, _("the sheet is cut short"));
      return FALSE;
    }
  return TRUE;
}

TrellisTable *
_trellis_table_read_xlsx_parts (GHashTable  *parts,
                                const char  *display_name,
                                GError     **error)
{
  g_autoptr(GPtrArray) shared_strings = g_ptr_array_new ();
  g_autoptr(GStringChunk) shared_text = g_string_chunk_new (64 * 1024);
  g_autoptr(GArray) date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(TrellisTable) table = trellis_table_new (TRELLIS_TABLE_FORMAT_XLSX);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *sheet_name = NULL;
  XlsxReader reader = {
    .parts = parts,
    .display_name = display_name,
    .shared_strings = shared_strings,
    .shared_text = shared_text,
    .date_styles = date_styles,
    .table = table,
    .value = value,
  };

  _trellis_table_set_source_parts (table, parts);
  sheet_name = resolve_first_sheet (&reader, error);
  if (sheet_name == NULL ||
      !read_shared_strings (&reader, error) ||
      !read_styles (&reader, error) ||
      !read_sheet (&reader, sheet_name, error))
    return NULL;

  if (trellis_table_get_n_rows (table) == 0)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_EMPTY, display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("the first sheet is empty"));
      return NULL;
    }
  return g_steal_pointer (&table);
}

/**
 * trellis_table_read_xlsx:
 *
 * Reads the first sheet of an XLSX workbook as Excel, Microsoft Forms, Google Sheets
 * and LibreOffice write it: shared and inline strings, numbers, dates (as
 * `YYYY-MM-DD hh:mm:ss`), booleans and gaps of empty cells.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
TrellisTable *
trellis_table_read_xlsx (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return _trellis_zip_read_table (bytes, display_name, _("this is not an XLSX workbook"),
                                  _trellis_table_read_xlsx_parts, error);
}

const TrellisTableReader _trellis_xlsx_reader = {
  .format = TRELLIS_TABLE_FORMAT_XLSX,
  .zip_marker = "xl/workbook.xml",
  .read = trellis_table_read_xlsx,
  .read_parts = _trellis_table_read_xlsx_parts,
};
