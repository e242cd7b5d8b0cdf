/* trellis-table-private.h: what the readers of survey exports share with the table: limits
 * and messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#if defined (__SSE2__) && defined (__GNUC__)
#include <emmintrin.h>
#endif

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
guint       _trellis_table_add_plain_cells (TrellisTable     *table,
                                            const char       *p,
                                            const char       *end,
                                            char              delimiter,
                                            guint             max_cells,
                                            const char      **stop);
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

/* The end of an unquoted field: the delimiter or a line break, looked for sixteen bytes
 * at a time with SSE2, else eight, as most of an export is unquoted answers. Shared by
 * the CSV reader and the table's run of plain cells (_trellis_table_add_plain_cells()). */
G_ALWAYS_INLINE static inline const char *
_trellis_find_field_end (const char *p,
                const char *end,
                char        delimiter)
{
#if defined (__SSE2__) && defined (__GNUC__)
  /* Sixteen at a time where the processor can (every x86-64 one): a cell of an answer
   * column is seldom longer. */
  const __m128i delimiters = _mm_set1_epi8 (delimiter);
  const __m128i line_feeds = _mm_set1_epi8 ('\n');
  const __m128i returns = _mm_set1_epi8 ('\r');

  while (end - p >= 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) p);
      int found = _mm_movemask_epi8 (_mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (bytes, delimiters),
                                                                 _mm_cmpeq_epi8 (bytes, line_feeds)),
                                                   _mm_cmpeq_epi8 (bytes, returns)));

      if (found != 0)
        return p + __builtin_ctz ((unsigned int) found);
      p += 16;
    }
#endif
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
  while (end - p >= 8)
    {
      guint64 word, found;

      memcpy (&word, p, 8);
      found = _trellis_any_byte_equal (word, (guchar) delimiter) | _trellis_any_byte_equal (word, '\n') |
              _trellis_any_byte_equal (word, '\r');
      if (found != 0)
        return p + (__builtin_ctzll (found) >> 3);
      p += 8;
    }
#endif
  while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
    p++;
  return p;
}

G_END_DECLS
