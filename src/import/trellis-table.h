/* trellis-table.h: a survey export read into a plain grid of text cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-import-error.h"

G_BEGIN_DECLS

/* No export is refused for its size alone: a national survey of every partnership's
 * members reaches hundreds of megabytes. What protects memory are ratios to the bytes a
 * table is read from (a spreadsheet's shared strings and repeated cells, a ZIP's parts)
 * and a share of this machine's memory; see trellis-table.c. */
#define TRELLIS_TABLE_MAX_COLUMNS        4096
/* What a spreadsheet's repeated rows may claim before they are counted as cells. */
#define TRELLIS_TABLE_MAX_ROWS           (16 * 1024 * 1024)
/* Cells' text may add up to this many times the bytes read (a text file, a workbook's
 * unpacked XML), and never less than the minimum below: a text file's cells hold less
 * than its bytes, and a workbook's less than twice its XML even where a spreadsheet
 * repeats a cell across a row. */
#define TRELLIS_TABLE_MAX_EXPANSION      8
#define TRELLIS_TABLE_MIN_TEXT_LIMIT     (G_GUINT64_CONSTANT (64) * 1024 * 1024)
#define TRELLIS_TABLE_MIN_CELL_LIMIT     (G_GUINT64_CONSTANT (16) * 1024 * 1024)
/* A ZIP's parts may unpack to this many times its size, and never less than the minimum. */
#define TRELLIS_TABLE_MAX_ZIP_RATIO      100
#define TRELLIS_TABLE_MIN_UNPACKED_LIMIT (G_GUINT64_CONSTANT (256) * 1024 * 1024)

/**
 * TrellisTableFormat:
 * @TRELLIS_TABLE_FORMAT_AUTO: tell by the content
 * @TRELLIS_TABLE_FORMAT_CSV: delimited text; the delimiter is detected
 * @TRELLIS_TABLE_FORMAT_TSV: tab-separated text
 * @TRELLIS_TABLE_FORMAT_XLSX: Office Open XML workbook (first sheet)
 * @TRELLIS_TABLE_FORMAT_ODS: OpenDocument spreadsheet (first table)
 */
typedef enum
{
  TRELLIS_TABLE_FORMAT_AUTO,
  TRELLIS_TABLE_FORMAT_CSV,
  TRELLIS_TABLE_FORMAT_TSV,
  TRELLIS_TABLE_FORMAT_XLSX,
  TRELLIS_TABLE_FORMAT_ODS,
} TrellisTableFormat;

/**
 * TrellisCellFlags:
 * @TRELLIS_CELL_QUOTED: a CSV field written in quotes. LimeSurvey writes a question it
 *   did not show as an unquoted empty field and "no answer" as `""`.
 * @TRELLIS_CELL_NUMBER: a spreadsheet cell holding a number
 * @TRELLIS_CELL_DATE: a spreadsheet cell holding a date or time, as `YYYY-MM-DD hh:mm:ss`
 */
typedef enum
{
  TRELLIS_CELL_QUOTED = 1 << 0,
  TRELLIS_CELL_NUMBER = 1 << 1,
  TRELLIS_CELL_DATE   = 1 << 2,
} TrellisCellFlags;

typedef struct _TrellisTable TrellisTable;

#define TRELLIS_TYPE_TABLE (trellis_table_get_type ())

GType               trellis_table_get_type (void) G_GNUC_CONST;
TrellisTable       *trellis_table_new (TrellisTableFormat format);
TrellisTable       *trellis_table_ref (TrellisTable *table);
void                trellis_table_unref (TrellisTable *table);

void                trellis_table_add_cell (TrellisTable     *table,
                                            const char       *text,
                                            gssize            length,
                                            TrellisCellFlags  flags);
void                trellis_table_end_row (TrellisTable *table,
                                           guint         sheet_row);

TrellisTableFormat  trellis_table_get_format (TrellisTable *table);
guint               trellis_table_get_n_rows (TrellisTable *table);
guint               trellis_table_get_n_columns (TrellisTable *table);
guint               trellis_table_get_row_length (TrellisTable *table,
                                                  guint         row);
guint               trellis_table_get_sheet_row (TrellisTable *table,
                                                 guint         row);
const char         *trellis_table_get (TrellisTable *table,
                                       guint         row,
                                       guint         column);
TrellisCellFlags    trellis_table_get_flags (TrellisTable *table,
                                             guint         row,
                                             guint         column);
guint               trellis_table_get_n_values (TrellisTable *table,
                                                guint         column);
const char         *trellis_table_get_value (TrellisTable *table,
                                             guint         column,
                                             guint         value);
guint               trellis_table_get_value_index (TrellisTable *table,
                                                   guint         row,
                                                   guint         column);
void                trellis_table_count_values (TrellisTable *table,
                                                guint         column,
                                                guint         first_row,
                                                guint        *counts);
guint               trellis_table_count_filled (TrellisTable *table,
                                                guint         column,
                                                guint         first_row);
gboolean            trellis_table_row_is_empty (TrellisTable *table,
                                                guint         row);

char               *trellis_table_column_name (guint column);

TrellisTable       *trellis_table_read_bytes (GBytes              *bytes,
                                              const char          *display_name,
                                              TrellisTableFormat   format,
                                              GError             **error);
TrellisTable       *trellis_table_read_file (GFile               *file,
                                             const char          *display_name,
                                             TrellisTableFormat   format,
                                             GCancellable        *cancellable,
                                             GError             **error);
TrellisTable       *trellis_table_read_csv (GBytes      *bytes,
                                            const char  *display_name,
                                            char         delimiter,
                                            GError     **error);
TrellisTable       *trellis_table_read_xlsx (GBytes      *bytes,
                                             const char  *display_name,
                                             GError     **error);
TrellisTable       *trellis_table_read_ods (GBytes      *bytes,
                                            const char  *display_name,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisTable, trellis_table_unref)

G_END_DECLS
