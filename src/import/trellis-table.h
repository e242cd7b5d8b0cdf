/* trellis-table.h: a survey export read into a plain grid of text cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-import-error.h"

G_BEGIN_DECLS

/* Far above any real export (10,000 responses × 60 statements as CSV is about 10 MB)
 * and far below what would exhaust a laptop. */
#define TRELLIS_TABLE_MAX_FILE_SIZE      (64 * 1024 * 1024)
/* What the XML parts of one XLSX or ODS file may unpack to: a zip bomb stops here. */
#define TRELLIS_TABLE_MAX_UNPACKED_SIZE  (256 * 1024 * 1024)
#define TRELLIS_TABLE_MAX_COLUMNS        4096
#define TRELLIS_TABLE_MAX_ROWS           1000000
#define TRELLIS_TABLE_MAX_CELLS          (16 * 1024 * 1024)
/* What the cells' text may add up to: a shared string or a repeated cell is stored once
 * in the file but once per cell in the table, so a small file could otherwise fill
 * memory. No more than a project file may hold (TRELLIS_PROJECT_MAX_SIZE), which could
 * not be saved anyway: 200 MB of spaces from 13 kB of ODS took 3 s and 420 MB. */
#define TRELLIS_TABLE_MAX_TEXT_SIZE      (64 * 1024 * 1024)

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
gboolean            trellis_table_row_is_empty (TrellisTable *table,
                                                guint         row);

char               *trellis_table_column_name (guint column);

TrellisTable       *trellis_table_read_bytes (GBytes              *bytes,
                                              const char          *display_name,
                                              TrellisTableFormat   format,
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
