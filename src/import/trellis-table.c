/* trellis-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-table"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-table-private.h"

typedef struct
{
  guint32 offset;  /* into text; 0 is the shared empty string */
  guint32 flags;
} Cell;

/* Every cell's text lives in one buffer and a cell is eight bytes, so an export of
 * 10,000 rows × 100 columns is a few allocations rather than a million. */
struct _TrellisTable
{
  gatomicrefcount     ref_count;
  TrellisTableFormat  format;
  GString            *text;
  GArray             *cells;       /* Cell */
  GArray             *row_starts;  /* guint32 index into cells, one past the end last */
  GArray             *sheet_rows;  /* guint32 per row */
  guint               n_columns;
  gboolean            text_full;   /* a cell's text did not fit under the limit */
};

G_DEFINE_BOXED_TYPE (TrellisTable, trellis_table, trellis_table_ref, trellis_table_unref)

G_DEFINE_QUARK (trellis-import-error-quark, trellis_import_error)

TrellisTable *
trellis_table_new (TrellisTableFormat format)
{
  TrellisTable *table = g_new0 (TrellisTable, 1);
  guint32 zero = 0;

  g_atomic_ref_count_init (&table->ref_count);
  table->format = format;
  table->text = g_string_new_len ("", 1);
  table->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  table->row_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  table->sheet_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (table->row_starts, zero);
  return table;
}

TrellisTable *
trellis_table_ref (TrellisTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_atomic_ref_count_inc (&table->ref_count);
  return table;
}

void
trellis_table_unref (TrellisTable *table)
{
  g_return_if_fail (table != NULL);

  if (!g_atomic_ref_count_dec (&table->ref_count))
    return;
  g_string_free (table->text, TRUE);
  g_array_unref (table->cells);
  g_array_unref (table->row_starts);
  g_array_unref (table->sheet_rows);
  g_free (table);
}

/* Control characters (but tab and line breaks), U+FFFE and U+FFFF: what XML cannot
 * hold, so a project file could not keep it and the text imported would differ from the
 * text saved ("Police\a" a group apart until the project is reopened). */
static gboolean
is_unstorable (const char *p,
               const char *end)
{
  guchar c = *p;

  if (c < 0x20)
    return c != '\t' && c != '\n' && c != '\r';
  return c == 0xef && end - p >= 3 && (guchar) p[1] == 0xbf && ((guchar) p[2] & 0xfe) == 0xbe;
}

static void
append_storable (GString    *out,
                 const char *text,
                 gsize       length)
{
  const char *end = text + length, *start = text;

  for (const char *p = text; p < end; p++)
    if (is_unstorable (p, end))
      {
        g_string_append_len (out, start, p - start);
        if ((guchar) *p == 0xef)
          p += 2;
        start = p + 1;
      }
  g_string_append_len (out, start, end - start);
}

/**
 * trellis_table_add_cell:
 * @text: the cell's text, valid UTF-8
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * Appends a cell to the row being built, without the characters a project file cannot
 * hold (control characters but tab and line breaks, U+FFFE, U+FFFF).
 */
void
trellis_table_add_cell (TrellisTable     *table,
                        const char       *text,
                        gssize            length,
                        TrellisCellFlags  flags)
{
  Cell cell = { 0, flags };

  g_return_if_fail (table != NULL);
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);
  /* Past the limit nothing more is kept, and the reader's next size check stops. */
  if ((gsize) length >= TRELLIS_TABLE_MAX_TEXT_SIZE - table->text->len)
    {
      table->text_full = TRUE;
      length = 0;
    }
  if (length > 0)
    {
      cell.offset = table->text->len;
      append_storable (table->text, text, length);
      if (table->text->len == cell.offset)
        cell.offset = 0;
      else
        g_string_append_c (table->text, '\0');
    }
  g_array_append_val (table->cells, cell);
}

/**
 * trellis_table_end_row:
 * @sheet_row: the row's number as a spreadsheet shows it (1 for the first record)
 *
 * Finishes the row being built.
 */
void
trellis_table_end_row (TrellisTable *table,
                       guint         sheet_row)
{
  guint32 end;
  guint32 start;

  g_return_if_fail (table != NULL);

  end = table->cells->len;
  start = g_array_index (table->row_starts, guint32, table->row_starts->len - 1);
  table->n_columns = MAX (table->n_columns, end - start);
  g_array_append_val (table->row_starts, end);
  g_array_append_val (table->sheet_rows, sheet_row);
}

/* Whoever has the size at hand checks it: the importer before reading a file, the
 * readers when given bytes. */
gboolean
_trellis_table_check_file_size (goffset      size,
                                const char  *display_name,
                                GError     **error)
{
  if (size <= TRELLIS_TABLE_MAX_FILE_SIZE)
    return TRUE;
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("the file is larger than %d MB, far more than any survey export"),
                             TRELLIS_TABLE_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

void
_trellis_table_set_too_much_text (GError     **error,
                                  const char  *display_name,
                                  guint        sheet_row)
{
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, display_name,
                             sheet_row, TRELLIS_TABLE_NO_COLUMN,
                             _("its cells hold more than %d MB of text, far more than any survey export"),
                             TRELLIS_TABLE_MAX_TEXT_SIZE / (1024 * 1024));
}

/* Readers call this after each row: wide rows times many rows must stop somewhere. */
gboolean
_trellis_table_check_size (TrellisTable  *table,
                           const char    *display_name,
                           guint          sheet_row,
                           GError       **error)
{
  if (table->text_full)
    {
      _trellis_table_set_too_much_text (error, display_name, sheet_row);
      return FALSE;
    }
  if (table->cells->len <= TRELLIS_TABLE_MAX_CELLS)
    return TRUE;
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, display_name,
                             sheet_row, TRELLIS_TABLE_NO_COLUMN,
                             _("more than %d cells, far more than any survey export"),
                             TRELLIS_TABLE_MAX_CELLS);
  return FALSE;
}

TrellisTableFormat
trellis_table_get_format (TrellisTable *table)
{
  g_return_val_if_fail (table != NULL, TRELLIS_TABLE_FORMAT_AUTO);
  return table->format;
}

guint
trellis_table_get_n_rows (TrellisTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->sheet_rows->len;
}

/**
 * trellis_table_get_n_columns:
 *
 * Returns: the length of the longest row
 */
guint
trellis_table_get_n_columns (TrellisTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_columns;
}

guint
trellis_table_get_row_length (TrellisTable *table,
                              guint         row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->sheet_rows->len, 0);

  return g_array_index (table->row_starts, guint32, row + 1) -
         g_array_index (table->row_starts, guint32, row);
}

guint
trellis_table_get_sheet_row (TrellisTable *table,
                             guint         row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->sheet_rows->len, 0);
  return g_array_index (table->sheet_rows, guint32, row);
}

static const Cell *
lookup_cell (TrellisTable *table,
             guint         row,
             guint         column)
{
  guint32 start = g_array_index (table->row_starts, guint32, row);
  guint32 end = g_array_index (table->row_starts, guint32, row + 1);

  if (column >= end - start)
    return NULL;
  return &g_array_index (table->cells, Cell, start + column);
}

/**
 * trellis_table_get:
 *
 * Returns: the cell's text; "" for an empty cell or one past the end of the row
 */
const char *
trellis_table_get (TrellisTable *table,
                   guint         row,
                   guint         column)
{
  const Cell *cell;

  g_return_val_if_fail (table != NULL, "");
  g_return_val_if_fail (row < table->sheet_rows->len, "");

  cell = lookup_cell (table, row, column);
  return table->text->str + (cell != NULL ? cell->offset : 0);
}

TrellisCellFlags
trellis_table_get_flags (TrellisTable *table,
                         guint         row,
                         guint         column)
{
  const Cell *cell;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->sheet_rows->len, 0);

  cell = lookup_cell (table, row, column);
  return cell != NULL ? cell->flags : 0;
}

/**
 * trellis_table_row_is_empty:
 *
 * Returns: whether every cell of the row is empty or white space
 */
gboolean
trellis_table_row_is_empty (TrellisTable *table,
                            guint         row)
{
  guint length;

  g_return_val_if_fail (table != NULL, TRUE);
  g_return_val_if_fail (row < table->sheet_rows->len, TRUE);

  length = trellis_table_get_row_length (table, row);
  for (guint i = 0; i < length; i++)
    for (const char *p = trellis_table_get (table, row, i); *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

/**
 * trellis_table_column_name:
 * @column: a column index from 0
 *
 * Returns: (transfer full): the column's name as a spreadsheet shows it: A, B, … Z, AA, …
 */
char *
trellis_table_column_name (guint column)
{
  char name[8];
  int i = sizeof name - 1;

  name[i] = '\0';
  do
    {
      name[--i] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && i > 0);
  return g_strdup (name + i);
}

void
_trellis_import_set_error (GError             **error,
                           TrellisImportError   code,
                           const char          *file,
                           guint                sheet_row,
                           guint                column,
                           const char          *format,
                           ...)
{
  g_autofree char *message = NULL;
  g_autofree char *column_name = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (sheet_row != TRELLIS_TABLE_NO_ROW && column != TRELLIS_TABLE_NO_COLUMN)
    {
      column_name = trellis_table_column_name (column);
      /* TRANSLATORS: “export.csv”, row 12, column F: <what is wrong> */
      g_set_error (error, TRELLIS_IMPORT_ERROR, code, _("“%s”, row %u, column %s: %s"),
                   file, sheet_row, column_name, message);
    }
  else if (sheet_row != TRELLIS_TABLE_NO_ROW)
    g_set_error (error, TRELLIS_IMPORT_ERROR, code, _("“%s”, row %u: %s"), file, sheet_row, message);
  else if (column != TRELLIS_TABLE_NO_COLUMN)
    {
      column_name = trellis_table_column_name (column);
      g_set_error (error, TRELLIS_IMPORT_ERROR, code, _("“%s”, column %s: %s"),
                   file, column_name, message);
    }
  else
    g_set_error (error, TRELLIS_IMPORT_ERROR, code, _("“%s”: %s"), file, message);
}
