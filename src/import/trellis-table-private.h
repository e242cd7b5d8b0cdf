/* trellis-table-private.h: what the readers of survey exports share with the table: limits
 * and messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-table.h"

G_BEGIN_DECLS

/* A sheet row or column that does not apply to a message. */
#define TRELLIS_TABLE_NO_ROW    0
#define TRELLIS_TABLE_NO_COLUMN G_MAXUINT

void        _trellis_import_set_error (GError             **error,
                                       TrellisImportError   code,
                                       const char          *file,
                                       guint                sheet_row,
                                       guint                column,
                                       const char          *format,
                                       ...) G_GNUC_PRINTF (6, 7);

gboolean    _trellis_table_check_file_size (goffset      size,
                                            const char  *display_name,
                                            GError     **error);
void        _trellis_table_set_too_much_text (GError     **error,
                                              const char  *display_name,
                                              guint        sheet_row,
                                              guint64      limit);
gboolean    _trellis_table_check_size (TrellisTable  *table,
                                       const char    *display_name,
                                       guint          sheet_row,
                                       GError       **error);

void        _trellis_table_discard_row (TrellisTable *table);
TrellisTable *_trellis_table_new_part (TrellisTable *table);
void        _trellis_table_append_part (TrellisTable *table,
                                        TrellisTable *part,
                                        guint         sheet_row_offset);
void        _trellis_table_add_padded_cell (TrellisTable     *table,
                                            const char       *text,
                                            gsize             length,
                                            TrellisCellFlags  flags);
void        _trellis_table_set_source_size (TrellisTable *table,
                                            guint64       size);
void        _trellis_table_set_source_parts (TrellisTable *table,
                                             GHashTable   *parts);
guint64     _trellis_table_memory_budget (void);
char       *_trellis_table_dup_megabytes (guint64 bytes);
const guint8 *_trellis_table_get_codes (TrellisTable *table,
                                        guint         column,
                                        guint        *width);
guint64     _trellis_table_get_max_text_size (TrellisTable *table);
guint64     _trellis_table_get_max_cells (TrellisTable *table);

/* Eight bytes at a time: whether any byte of @word is below @limit (at most 0x80), or
 * equals @c. The lowest flagged byte is exact (a later one may be flagged by a borrow),
 * so the first match is found by the lowest set bit. */
#define TRELLIS_BYTE_ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define TRELLIS_BYTE_HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline guint64
_trellis_any_byte_below (guint64 word,
                         guchar  limit)
{
  return (word - TRELLIS_BYTE_ONES * limit) & ~word & TRELLIS_BYTE_HIGHS;
}

static inline guint64
_trellis_any_byte_equal (guint64 word,
                         guchar  c)
{
  guint64 x = word ^ (TRELLIS_BYTE_ONES * c);

  return (x - TRELLIS_BYTE_ONES) & ~x & TRELLIS_BYTE_HIGHS;
}

G_END_DECLS
