/* trellis-ods-reader.c: the first table of an OpenDocument spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-table"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-table-reader.h"
#include "trellis-table-zip.h"

/* Not a cell in a row: LibreOffice writes the empty rest of a sheet as one row or
 * cell repeated a million times, which is kept as a count, never expanded. */
typedef struct
{
  char             *text;
  TrellisCellFlags  flags;
  guint             repeat;
} OdsCell;

static void
ods_cell_clear (OdsCell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

static guint
dup_repeat (TrellisXmlPart *part,
            const char     *name)
{
  g_autofree char *text = _trellis_xml_part_dup_attribute (part, name);
  guint64 repeat = text != NULL ? g_ascii_strtoull (text, NULL, 10) : 1;

  return (guint) CLAMP (repeat, 1, G_MAXUINT32);
}

static void
set_cut_short (TrellisXmlPart  *part,
               GError         **error)
{
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, part->display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("the spreadsheet is damaged: its part “%s” ends too early"),
                             part->part_name);
}

/* The text of a cell: paragraphs joined by line breaks, <text:s text:c="3"/> as three
 * spaces; a note attached to the cell (office:annotation) is not its text. @text_read
 * counts the text of every cell so far: <text:s text:c="1024"/> makes a kilobyte of 22
 * bytes, so the file's size does not bound it. */
typedef struct
{
  guint64 read;
  guint64 limit;
} TextBudget;

static gboolean
read_cell_text (TrellisXmlPart  *part,
                GString         *out,
                TextBudget      *text_read,
                GError         **error)
{
  int depth = xmlTextReaderDepth (part->reader);
  int paragraph = -1, skipping = -1;
  gboolean first = TRUE;
  int status;

  if (xmlTextReaderIsEmptyElement (part->reader))
    return TRUE;
  while ((status = _trellis_xml_part_read (part, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part->reader);
      int node_depth = xmlTextReaderDepth (part->reader);

      if (text_read->read + out->len > text_read->limit)
        {
          _trellis_table_set_too_much_text (error, part->display_name, TRELLIS_TABLE_NO_ROW, text_read->limit);
          return FALSE;
        }
      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (node_depth == depth)
            {
              text_read->read += out->len;
              return TRUE;
            }
          if (node_depth == skipping)
            skipping = -1;
          if (node_depth == paragraph)
            paragraph = -1;
          continue;
        }
      if (skipping >= 0)
        continue;
      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (part->reader);

          if (_trellis_xml_part_is (part, "annotation") && !empty)
            skipping = node_depth;
          else if (paragraph < 0 && (_trellis_xml_part_is (part, "p") || _trellis_xml_part_is (part, "h")))
            {
              if (!first)
                g_string_append_c (out, '\n');
              first = FALSE;
              if (!empty)
                paragraph = node_depth;
            }
          else if (paragraph >= 0 && _trellis_xml_part_is (part, "s"))
            {
              guint n = MIN (dup_repeat (part, "c"), 1024);
              for (guint i = 0; i < n; i++)
                g_string_append_c (out, ' ');
            }
          else if (paragraph >= 0 && _trellis_xml_part_is (part, "tab"))
            g_string_append_c (out, '\t');
          else if (paragraph >= 0 && _trellis_xml_part_is (part, "line-break"))
            g_string_append_c (out, '\n');
        }
      else if (paragraph >= 0 &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE))
        g_string_append (out, (const char *) xmlTextReaderConstValue (part->reader));
    }
  if (status == 0)
    set_cut_short (part, error);
  return FALSE;
}

static gboolean
read_cell (TrellisXmlPart  *part,
           OdsCell         *cell,
           TextBudget      *text_read,
           GError         **error)
{
  g_autofree char *type = _trellis_xml_part_dup_attribute (part, "value-type");
  g_autofree char *value = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  cell->repeat = dup_repeat (part, "number-columns-repeated");
  cell->flags = 0;
  /* Numbers, dates and booleans carry their value in an attribute; the text is only
   * how it was formatted ("5.00", "27/09/2026"). */
  if (g_strcmp0 (type, "float") == 0 || g_strcmp0 (type, "percentage") == 0 ||
      g_strcmp0 (type, "currency") == 0)
    {
      value = _trellis_xml_part_dup_attribute (part, "value");
      cell->flags = TRELLIS_CELL_NUMBER;
    }
  else if (g_strcmp0 (type, "date") == 0)
    {
      value = _trellis_xml_part_dup_attribute (part, "date-value");
      if (value != NULL)
        g_strdelimit (value, "T", ' ');
      cell->flags = TRELLIS_CELL_DATE;
    }
  else if (g_strcmp0 (type, "boolean") == 0)
    {
      g_autofree char *boolean = _trellis_xml_part_dup_attribute (part, "boolean-value");
      value = g_strdup (g_strcmp0 (boolean, "true") == 0 ? "TRUE" : "FALSE");
    }

  if (!read_cell_text (part, text, text_read, error))
    return FALSE;
  if (value != NULL)
    g_string_assign (text, value);
  if (!g_utf8_validate_len (text->str, text->len, NULL))
    g_string_assign (text, "");
  cell->text = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

/* Where reading the first table of content.xml has got to. */
typedef struct
{
  TrellisXmlPart *part;
  TrellisTable   *table;
  GArray         *cells;       /* OdsCell: the row being read */
  const char     *display_name;
  guint           sheet_row;
  guint           row_repeat;
  int             table_depth;
  int             row_depth;
  gboolean        done;
  guint64         n_rows;
  guint64         n_cells;
  guint64         n_text;
  TextBudget      text_read;
} OdsReader;

static void
start_row (OdsReader *ods,
           int        node_depth)
{
  ods->row_repeat = dup_repeat (ods->part, "number-rows-repeated");
  g_array_set_size (ods->cells, 0);
  if (xmlTextReaderIsEmptyElement (ods->part->reader))
    ods->sheet_row = (guint) MIN ((guint64) ods->sheet_row + ods->row_repeat, G_MAXUINT32);
  else
    ods->row_depth = node_depth;
}

static gboolean
add_cell (OdsReader  *ods,
          GError    **error)
{
  OdsCell cell = { NULL, 0, 1 };

  if (!read_cell (ods->part, &cell, &ods->text_read, error))
    {
      ods_cell_clear (&cell);
      return FALSE;
    }
  g_array_append_val (ods->cells, cell);
  return TRUE;
}

/* Repetition multiplies: a cell repeated across a row repeated down the sheet must not
 * become billions of cells. */
static gboolean
check_row_size (OdsReader  *ods,
                guint64     last_filled,
                guint64     row_text,
                GError    **error)
{
  guint64 repeat = MIN (ods->row_repeat, TRELLIS_TABLE_MAX_ROWS + 1);

  ods->n_rows += repeat;
  ods->n_cells += last_filled * repeat;
  ods->n_text += row_text * repeat;
  if (last_filled > TRELLIS_TABLE_MAX_COLUMNS || ods->n_rows > TRELLIS_TABLE_MAX_ROWS ||
      ods->n_cells > _trellis_table_get_max_cells (ods->table) ||
      ods->n_text > _trellis_table_get_max_text_size (ods->table))
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, ods->display_name,
                                 ods->sheet_row + 1, TRELLIS_TABLE_NO_COLUMN,
                                 _("the table is larger than any survey export"));
      return FALSE;
    }
  return TRUE;
}

/* The row read goes into the table as many times as it is repeated, up to its last
 * filled cell; an empty row only counts. */
static gboolean
end_row (OdsReader  *ods,
         GError    **error)
{
  guint64 width = 0, last_filled = 0, row_text = 0;

  ods->row_depth = -1;
  for (guint i = 0; i < ods->cells->len; i++)
    {
      OdsCell *cell = &g_array_index (ods->cells, OdsCell, i);

      width += cell->repeat;
      if (cell->text[0] != '\0')
        last_filled = width;
      row_text += (guint64) strlen (cell->text) * MIN (cell->repeat, TRELLIS_TABLE_MAX_COLUMNS);
    }
  if (last_filled == 0)
    {
      ods->sheet_row = (guint) MIN ((guint64) ods->sheet_row + ods->row_repeat, G_MAXUINT32);
      return TRUE;
    }
  if (!check_row_size (ods, last_filled, row_text, error))
    return FALSE;
  for (guint r = 0; r < ods->row_repeat; r++)
    {
      guint64 written = 0;

      for (guint i = 0; i < ods->cells->len && written < last_filled; i++)
        {
          OdsCell *cell = &g_array_index (ods->cells, OdsCell, i);

          for (guint c = 0; c < cell->repeat && written < last_filled; c++, written++)
            trellis_table_add_cell (ods->table, cell->text, -1, cell->flags);
        }
      trellis_table_end_row (ods->table, ++ods->sheet_row);
    }
  return TRUE;
}

/* One node of content.xml: the first table's start and end, its rows and their cells. */
static gboolean
read_node (OdsReader  *ods,
           GError    **error)
{
  TrellisXmlPart *part = ods->part;
  int node_depth = xmlTextReaderDepth (part->reader);
  gboolean is_end = xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_END_ELEMENT;

  if (ods->table_depth < 0)
    {
      if (_trellis_xml_part_is (part, "table") && !xmlTextReaderIsEmptyElement (part->reader))
        ods->table_depth = node_depth;
      return TRUE;
    }
  if (is_end && node_depth == ods->table_depth)
    ods->done = TRUE;
  else if (ods->row_depth < 0 && _trellis_xml_part_is (part, "table-row"))
    start_row (ods, node_depth);
  else if (ods->row_depth >= 0 && node_depth == ods->row_depth + 1 &&
           (_trellis_xml_part_is (part, "table-cell") || _trellis_xml_part_is (part, "covered-table-cell")))
    return add_cell (ods, error);
  else if (ods->row_depth >= 0 && is_end && node_depth == ods->row_depth)
    return end_row (ods, error);
  return TRUE;
}

TrellisTable *
_trellis_table_read_ods_parts (GHashTable  *parts,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(TrellisXmlPart) part = NULL;
  g_autoptr(TrellisTable) table = trellis_table_new (TRELLIS_TABLE_FORMAT_ODS);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (OdsCell));
  OdsReader ods = { 0, };
  int status;

  g_array_set_clear_func (cells, (GDestroyNotify) ods_cell_clear);
  part = _trellis_xml_part_open (parts, "content.xml", display_name, error);
  if (part == NULL)
    return NULL;

  ods.part = part;
  ods.table = table;
  ods.cells = cells;
  ods.display_name = display_name;
  _trellis_table_set_source_parts (table, parts);
  ods.text_read.limit = _trellis_table_get_max_text_size (table);
  ods.row_repeat = 1;
  ods.table_depth = -1;
  ods.row_depth = -1;
  while (!ods.done && (status = _trellis_xml_part_read (part, error)) == 1)
    if (!read_node (&ods, error))
      return NULL;
  if (status < 0)
    return NULL;
  if (!ods.done)
    {
      if (ods.table_depth >= 0)
        {
          set_cut_short (part, error);
          return NULL;
        }
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_EMPTY, display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("the spreadsheet holds no table"));
      return NULL;
    }
  if (trellis_table_get_n_rows (table) == 0)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_EMPTY, display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("the first table is empty"));
      return NULL;
    }
  return g_steal_pointer (&table);
}

/**
 * trellis_table_read_ods:
 *
 * Reads the first table of an ODS spreadsheet as LibreOffice writes it, without
 * expanding the repeated empty rows and cells that fill the rest of the sheet.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
TrellisTable *
trellis_table_read_ods (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return _trellis_zip_read_table (bytes, display_name, _("this is not an ODS spreadsheet"),
                                  _trellis_table_read_ods_parts, error);
}

const TrellisTableReader _trellis_ods_reader = {
  .format = TRELLIS_TABLE_FORMAT_ODS,
  .zip_marker = "content.xml",
  .read = trellis_table_read_ods,
  .read_parts = _trellis_table_read_ods_parts,
};
