/* trellis-csv-reader.c: delimited text as survey tools and Excel write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-table"

#include "config.h"

#include <string.h>
#if defined (__SSE2__)
#include <emmintrin.h>
#endif

#include <glib/gi18n-lib.h>

#include "trellis-table-private.h"
#include "trellis-table-reader.h"
#include "trellis-huge-pages.h"

void
_trellis_csv_set_not_text (GError     **error,
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
          _trellis_csv_set_not_text (error, display_name);
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
          _trellis_csv_set_not_text (error, display_name);
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
      _trellis_csv_set_not_text (error, display_name);
      return NULL;
    }
  *length = text_length;
  return g_steal_pointer (&text);
}

/**
 * _trellis_csv_text_charset:
 * @head: the first bytes of the file (4 kB, as decode_text() guesses UTF-16 from)
 * @not_utf8: whether the file turned out not to be UTF-8
 * @skip: (out): how many bytes of @head to skip before converting: the byte-order mark
 *
 * What a text file is converted from, as decode_text() decides for a file read whole:
 * UTF-16 by its byte-order mark or by its NULs, then Windows-1252 where it is not UTF-8
 * (after a UTF-8 mark, which is dropped).
 *
 * Returns: (nullable): the character set, or %NULL for UTF-8
 */
const char *
_trellis_csv_text_charset (GBytes   *head,
                           gboolean  not_utf8,
                           gsize    *skip)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (head, &size);
  gboolean utf8_mark = size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf;
  const char *utf16;

  *skip = 0;
  if (size >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    {
      *skip = 2;
      return data[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
    }
  utf16 = utf8_mark ? NULL : guess_utf16 (data, size);
  if (utf16 != NULL || !not_utf8)
    return utf16;
  *skip = utf8_mark ? 3 : 0;
  return "WINDOWS-1252";
}

gboolean
_trellis_csv_is_utf16 (GBytes *head)
{
  gsize skip;

  return _trellis_csv_text_charset (head, FALSE, &skip) != NULL;
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

/* Appends a piece of a quoted field, each CR or CRLF as LF. */
static void
append_normalising_newlines (GString    *field,
                             const char *start,
                             const char *stop)
{
  while (start < stop)
    {
      const char *cr = memchr (start, '\r', stop - start);

      if (cr == NULL)
        {
          g_string_append_len (field, start, stop - start);
          return;
        }
      g_string_append_len (field, start, cr - start);
      g_string_append_c (field, '\n');
      start = cr + 1;
      if (start < stop && *start == '\n')
        start++;
    }
}

/* Where reading delimited text has got to. Text may arrive in pieces: a record is
 * read only once it has all arrived (or the text has ended), otherwise its cells are
 * taken back and it is read again with the next piece. */
typedef struct
{
  TrellisTable *table;
  GString      *field;
  const char   *display_name;
  const char   *p;
  const char   *end;
  gboolean      at_end;      /* no more text comes after end */
  char          delimiter;
  guint         record;
  guint         n_fields;
  gboolean      two_cores;   /* asked once per file: a second thread can help */
  /* What to do while the second thread finishes its part: read the next piece. */
  void        (*while_waiting) (gpointer data);
  gpointer      waiting_data;
} CsvReader;

typedef enum
{
  READ_ERROR,
  READ_OK,
  READ_NEED_MORE,            /* the record goes on past the text at hand */
} ReadStatus;

/* A quoted field, from its opening quote: doubled quotes are one, line breaks are kept,
 * and text after the closing quote ("abc"def) is kept too, as spreadsheets do. */
static ReadStatus
read_quoted_field (CsvReader  *csv,
                   GError    **error)
{
  const char *p = csv->p + 1, *after;
  gboolean copied = FALSE;

  g_string_truncate (csv->field, 0);
  for (;;)
    {
      const char *q = memchr (p, '"', csv->end - p);

      if (q == NULL)
        {
          if (!csv->at_end)
            return READ_NEED_MORE;
          _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, csv->display_name,
                                     csv->record, csv->n_fields,
                                     _("a quoted cell is never closed; the file may be cut short"));
          return READ_ERROR;
        }
      if (q + 1 == csv->end && !csv->at_end)
        return READ_NEED_MORE;
      /* Most quoted fields hold no doubled quote and no CR: read in place. */
      if (!copied && (q + 1 == csv->end || q[1] != '"') && memchr (p, '\r', q - p) == NULL)
        {
          after = _trellis_find_field_end (q + 1, csv->end, csv->delimiter);
          if (after == csv->end && !csv->at_end)
            return READ_NEED_MORE;
          if (after == q + 1)
            {
              trellis_table_add_cell (csv->table, p, q - p, TRELLIS_CELL_QUOTED);
              csv->p = after;
              return READ_OK;
            }
        }
      copied = TRUE;
      append_normalising_newlines (csv->field, p, q);
      p = q + 1;
      if (p < csv->end && *p == '"')
        {
          g_string_append_c (csv->field, '"');
          p++;
          continue;
        }
      break;
    }
  after = _trellis_find_field_end (p, csv->end, csv->delimiter);
  if (after == csv->end && !csv->at_end)
    return READ_NEED_MORE;
  g_string_append_len (csv->field, p, after - p);
  csv->p = after;
  trellis_table_add_cell (csv->table, csv->field->str, csv->field->len, TRELLIS_CELL_QUOTED);
  return READ_OK;
}

/* One field, quoted or not, up to the delimiter or the end of the record. */
static ReadStatus
read_field (CsvReader  *csv,
            GError    **error)
{
  if (*csv->p == '"')
    {
      ReadStatus status = read_quoted_field (csv, error);

      if (status != READ_OK)
        return status;
    }
  else
    {
      const char *start = csv->p;
      /* This cell and the plain ones after it in the row, up to one past the limit, so
       * that too many columns are refused at the same cell as one by one. */
      guint added = _trellis_table_add_plain_cells (csv->table, start, csv->end, csv->delimiter,
                                                    TRELLIS_TABLE_MAX_COLUMNS + 1 - csv->n_fields,
                                                    &csv->p);

      if (added == 0)
        {
          csv->p = _trellis_find_field_end (csv->p, csv->end, csv->delimiter);
          if (csv->p == csv->end && !csv->at_end)
            return READ_NEED_MORE;
          trellis_table_add_cell (csv->table, start, csv->p - start, 0);
          added = 1;
        }
      csv->n_fields += added - 1;
    }

  if (++csv->n_fields > TRELLIS_TABLE_MAX_COLUMNS)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, csv->display_name,
                                 csv->record, TRELLIS_TABLE_NO_COLUMN,
                                 _("more than %d columns, far more than any survey export"),
                                 TRELLIS_TABLE_MAX_COLUMNS);
      return READ_ERROR;
    }
  return READ_OK;
}

/* The record ends at a line break, CRLF, LF or CR, or at the end of the text. */
static ReadStatus
end_record (CsvReader  *csv,
            GError    **error)
{
  if (csv->p < csv->end && *csv->p == '\r')
    {
      if (csv->p + 1 == csv->end && !csv->at_end)
        return READ_NEED_MORE;
      csv->p++;
    }
  if (csv->p < csv->end && *csv->p == '\n')
    csv->p++;

  trellis_table_end_row (csv->table, csv->record);
  if (!_trellis_table_check_size (csv->table, csv->display_name, csv->record, error))
    return READ_ERROR;
  csv->n_fields = 0;
  csv->record++;
  return READ_OK;
}

/* Reads every record whose text has all arrived; csv->p is left at the first that has
 * not, with none of its cells in the table. */
static gboolean
read_records (CsvReader  *csv,
              GError    **error)
{
  const char *record_start = csv->p;
  ReadStatus status = READ_OK;

  while (csv->p < csv->end)
    {
      status = read_field (csv, error);
      if (status != READ_OK)
        break;
      if (csv->p < csv->end && *csv->p == csv->delimiter)
        {
          csv->p++;
          if (csv->p < csv->end)
            continue;
          if (!csv->at_end)
            {
              status = READ_NEED_MORE;
              break;
            }
          /* A delimiter at the very end still opens one last, empty field. */
          trellis_table_add_cell (csv->table, "", 0, 0);
        }
      status = end_record (csv, error);
      if (status != READ_OK)
        break;
      record_start = csv->p;
    }
  if (status == READ_NEED_MORE)
    {
      _trellis_table_discard_row (csv->table);
      csv->n_fields = 0;
      csv->p = record_start;
    }
  return status != READ_ERROR;
}

/* Text shorter than this is read by one thread: a second one costs more than it saves. */
#define TWO_THREADS_MINIMUM (1024 * 1024)

static gsize two_threads_minimum = TWO_THREADS_MINIMUM;

/* Tests read short texts with two threads, to split them at every place. */
void
_trellis_table_set_two_threads_minimum (gsize size)
{
  two_threads_minimum = size > 0 ? size : TWO_THREADS_MINIMUM;
}

/* Whether an odd number of @c lies in [p, end): sixteen bytes at a time with SSE2, else
 * eight, each byte equal to @c flagged exactly (no borrow), the flags xor-ed together. */
static gboolean
odd_count_of (const char *p,
              const char *end,
              guchar      c)
{
  guint64 flags = 0;
  gboolean odd = FALSE;

#if defined (__SSE2__)
  {
    const __m128i wanted = _mm_set1_epi8 ((char) c);

    for (; end - p >= 16; p += 16)
      flags ^= (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (_mm_loadu_si128 ((const __m128i *) p), wanted));
  }
#endif
  for (; end - p >= 8; p += 8)
    {
      guint64 word, x, low7 = ~TRELLIS_BYTE_HIGHS;

      memcpy (&word, p, 8);
      x = word ^ (TRELLIS_BYTE_ONES * c);
      flags ^= ~(((x & low7) + low7) | x) & TRELLIS_BYTE_HIGHS;
    }
  for (; p < end; p++)
    odd ^= (guchar) *p == c;
  for (; flags != 0; flags &= flags - 1)
    odd = !odd;
  return odd;
}

/* Where a second thread may start reading [p, end), p being a record's start: the first
 * line feed from 47 % of the way on that is outside quotes, by counting quotes from p
 * (this thread also reads the next piece and joins the tables, so it takes less). A
 * quote inside an unquoted cell (5" pipe) fools the count: the first thread's reading
 * then does not end there, and tells. */
static const char *
find_second_start (const char *p,
                   const char *end)
{
  const char *middle = p + (end - p) / 100 * 47;
  gboolean quoted = odd_count_of (p, middle, '"');

  for (const char *q = middle; q + 1 < end; q++)
    if (*q == '"')
      quoted = !quoted;
    else if (*q == '\n' && !quoted)
      return q + 1;
  return NULL;
}

typedef struct
{
  CsvReader     csv;
  gboolean      ok;
} CsvPart;

static gpointer
read_part (gpointer data)
{
  CsvPart *part = data;

  part->ok = read_records (&part->csv, NULL);
  return NULL;
}

/* Reads records from both halves of the text at once: a second thread reads from a line
 * break in the middle into a table of its own, which joins this one if this thread's
 * reading of the first half ends exactly there. If it does not (the line break was in a
 * quoted cell), or the second thread met anything wrong, its work is dropped and this
 * thread reads on alone, so that a file reads, and fails, exactly as it would in one
 * pass. */
static gboolean
read_records_in_two (CsvReader  *csv,
                     GError    **error)
{
  const char *second = NULL, *end = csv->end;
  gboolean at_end = csv->at_end, first_ok;
  g_autoptr(GString) part_field = NULL;
  CsvPart part = { { 0, }, FALSE };
  GThread *thread;

  if ((gsize) (csv->end - csv->p) >= two_threads_minimum && csv->two_cores)
    second = find_second_start (csv->p, csv->end);
  if (second == NULL)
    return read_records (csv, error);

  part_field = g_string_new (NULL);
  part.csv = *csv;
  part.csv.table = _trellis_table_new_part (csv->table);
  part.csv.field = part_field;
  part.csv.p = second;
  part.csv.record = 1;
  part.csv.n_fields = 0;
  part.csv.while_waiting = NULL;
  thread = g_thread_new ("trellis-csv", read_part, &part);

  csv->end = second;
  csv->at_end = FALSE;
  first_ok = read_records (csv, error);
  csv->end = end;
  csv->at_end = at_end;
  if (first_ok && csv->while_waiting != NULL)
    csv->while_waiting (csv->waiting_data);
  g_thread_join (thread);

  if (first_ok && part.ok && csv->p == second)
    {
      _trellis_table_append_part (csv->table, part.csv.table, csv->record - 1);
      csv->record += part.csv.record - 1;
      csv->p = part.csv.p;
      first_ok = _trellis_table_check_size (csv->table, csv->display_name, csv->record - 1, error);
    }
  else if (first_ok)
    first_ok = read_records (csv, error);
  trellis_table_unref (part.csv.table);
  return first_ok;
}

static gboolean
check_not_empty (TrellisTable  *table,
                 const char    *display_name,
                 GError       **error)
{
  if (trellis_table_get_n_rows (table) > 0)
    return TRUE;
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_EMPTY, display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("the file is empty"));
  return FALSE;
}

/* Starts reading at the first piece of text: a "sep=" line and the delimiter. */
static void
csv_reader_start (CsvReader    *csv,
                  TrellisTable *table,
                  GString      *field,
                  const char   *display_name,
                  const char   *text,
                  const char   *end,
                  char          delimiter)
{
  csv->table = table;
  csv->field = field;
  csv->display_name = display_name;
  csv->end = end;
  csv->p = skip_sep_line (text, end, &delimiter);
  csv->delimiter = delimiter != 0 ? delimiter : detect_delimiter (csv->p, end);
  csv->record = 1;
  csv->two_cores = g_get_num_processors () > 1;
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
  _trellis_table_set_source_size (table, length);
  field = g_string_new (NULL);
  csv_reader_start (&csv, table, field, display_name, text, text + length, delimiter);
  csv.at_end = TRUE;
  if (!read_records_in_two (&csv, error) || !check_not_empty (table, display_name, error))
    return NULL;
  return g_steal_pointer (&table);
}

/* Reading a file a piece at a time, so that memory holds the table and one piece of
 * text, never the whole file: a 100 MB export then needs a fraction of 100 MB. */
#define STREAM_PIECE_SIZE (4 * 1024 * 1024)

static gsize stream_piece_size = STREAM_PIECE_SIZE;

/* Tests read in pieces of a few bytes, to split records at every place. */
void
_trellis_table_set_stream_piece_size (gsize size)
{
  stream_piece_size = size > 0 ? size : STREAM_PIECE_SIZE;
}

typedef struct
{
  TrellisTextSource  read;
  gpointer           source;
  GCancellable *cancellable;
  char         *buffer;
  gsize         capacity;
  gsize         start;         /* where the text not read yet starts */
  gsize         length;        /* bytes in buffer */
  gsize         checked;       /* of them, checked to be text */
  guint64       n_read;
  guint64       n_controls;
  gboolean      eof;
  /* Read ahead while another thread reads the text before it: */
  gboolean      ahead;         /* bytes past what is being read are the next piece */
  gboolean      ahead_not_text;
  GError       *ahead_error;
} TextStream;

/* Checks the bytes from stream->checked: UTF-8, no NUL, control characters counted. An
 * incomplete character at the end waits for the next piece.
 * Returns: FALSE when the text is not UTF-8 (or holds a NUL) */
static gboolean
check_text (TextStream *text)
{
  const guchar *p = (const guchar *) text->buffer + text->checked;
  const guchar *end = (const guchar *) text->buffer + text->length;

  while (p < end)
    {
#if defined (__SSE2__) && defined (__GNUC__)
      /* Sixteen at a time where the processor can: bytes below 0x20 or from 0x80 are
       * negative or small as signed bytes. Whole lines of plain text first, four blocks
       * and one test at a time; then past the clean bytes, the first to look at. */
      while (end - p >= 64)
        {
          const __m128i space = _mm_set1_epi8 (0x20);
          __m128i flags = _mm_or_si128 (_mm_or_si128 (_mm_cmplt_epi8 (_mm_loadu_si128 ((const __m128i *) p), space),
                                                      _mm_cmplt_epi8 (_mm_loadu_si128 ((const __m128i *) (p + 16)), space)),
                                        _mm_or_si128 (_mm_cmplt_epi8 (_mm_loadu_si128 ((const __m128i *) (p + 32)), space),
                                                      _mm_cmplt_epi8 (_mm_loadu_si128 ((const __m128i *) (p + 48)), space)));

          if (_mm_movemask_epi8 (flags) != 0)
            break;
          p += 64;
        }
      if (p == end)
        break;
      if (end - p >= 16)
        {
          int flagged = _mm_movemask_epi8 (_mm_cmplt_epi8 (_mm_loadu_si128 ((const __m128i *) p),
                                                           _mm_set1_epi8 (0x20)));

          if (flagged == 0)
            {
              p += 16;
              continue;
            }
          p += __builtin_ctz ((unsigned int) flagged);
        }
#endif
      /* Eight ASCII printable bytes at a time: most of any export. */
      if (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, 8);
          if (((word | ((word - G_GUINT64_CONSTANT (0x2020202020202020)) & ~word)) &
               G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              continue;
            }
        }
      if (*p < 0x80)
        {
          if (*p == 0)
            return FALSE;
          text->n_controls += *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f';
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated ((const char *) p, end - p);

          if (c == (gunichar) -2 && !text->eof)
            break;
          if (c == (gunichar) -1 || c == (gunichar) -2)
            return FALSE;
          p += g_utf8_skip[*p];
        }
    }
  text->checked = (const char *) p - text->buffer;
  return TRUE;
}

/* Reads up to @size bytes after the text in the buffer, which has room for them. */
static gboolean
read_more (TextStream  *text,
           gsize        size,
           GError     **error)
{
  gsize n = 0;

  if (!text->read (text->source, text->buffer + text->length, size, &n, text->cancellable, error))
    return FALSE;
  text->length += n;
  text->n_read += n;
  text->eof = n < size;
  return TRUE;
}

/* Keeps the bytes from @keep on, from text->start, and reads the next piece after them,
 * unless it was read ahead already. */
static gboolean
read_piece (TextStream  *text,
            gsize        keep,
            GError     **error)
{
  gsize kept = text->length - keep;

  /* A piece read ahead stays where it is while there is room after it for the next:
   * moving it to the front at every piece cost about a tenth of reading it. */
  if (!text->ahead || text->capacity - text->length < stream_piece_size)
    {
      memmove (text->buffer, text->buffer + keep, kept);
      text->length = kept;
      text->checked -= keep;
      keep = 0;
    }
  text->start = keep;
  if (text->ahead_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&text->ahead_error));
      return FALSE;
    }
  if (text->ahead)
    {
      text->ahead = FALSE;
      return TRUE;
    }
  /* Room for this piece and two more, read ahead while a second thread reads. */
  if (text->capacity - kept < stream_piece_size + MAX (stream_piece_size / 2, 1))
    {
      text->capacity = kept + 3 * stream_piece_size;
      text->buffer = g_realloc (text->buffer, text->capacity);
      trellis_advise_huge_pages (text->buffer, text->capacity);
    }
  return read_more (text, stream_piece_size, error);
}

/* Called while a second thread reads the end of the text in the buffer: the next piece
 * is read after it, into room the buffer has (it must not move), and checked. Its
 * errors wait until the text before it is read, so that a file fails as it would
 * have. */
static void
read_ahead (gpointer data)
{
  TextStream *text = data;
  gsize room = text->capacity - text->length;

  if (text->eof || text->ahead || room < MAX (stream_piece_size / 2, 1))
    return;
  text->ahead = TRUE;
  if (!read_more (text, MIN (room, stream_piece_size), &text->ahead_error))
    return;
  text->ahead_not_text = !check_text (text);
}

/* Whether the text holds two whole records (a "sep=" line and the header, or the header
 * and a row): what the delimiter is told from. */
static gboolean
has_first_records (const char *p,
                   const char *end)
{
  gboolean quoted = FALSE;
  guint line_ends = 0;

  for (; p < end; p++)
    if (*p == '"')
      quoted = !quoted;
    else if (!quoted && (*p == '\n' || *p == '\r') && ++line_ends == 2)
      return TRUE;
  return FALSE;
}

static void
text_stream_clear (TextStream *text)
{
  g_clear_pointer (&text->buffer, g_free);
  g_clear_error (&text->ahead_error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TextStream, text_stream_clear)

/**
 * _trellis_table_read_csv_source:
 * @read: reads the export's bytes after @head, a piece at a time
 * @head: the first bytes of the file, as the caller read them to tell its format
 * @not_utf8: (out): set when the text turns out not to be UTF-8; the table is then
 *   %NULL without an error, and the caller reads the file whole to decode it
 *
 * Reads UTF-8 delimited text from @stream a piece at a time; see
 * trellis_table_read_csv().
 *
 * Returns: (transfer full): the table, or %NULL with @error set or @not_utf8
 */
TrellisTable *
_trellis_table_read_csv_source (TrellisTextSource   read,
                                gpointer            source,
                                GBytes             *head,
                                const char         *display_name,
                                char                delimiter,
                                GCancellable       *cancellable,
                                gboolean           *not_utf8,
                                GError            **error)
{
  g_autoptr(TrellisTable) table = trellis_table_new (delimiter == '\t' ? TRELLIS_TABLE_FORMAT_TSV : TRELLIS_TABLE_FORMAT_CSV);
  g_autoptr(GString) field = g_string_new (NULL);
  g_auto(TextStream) text = { read, source, cancellable, NULL, 0, 0, 0, 0, 0, 0, FALSE, FALSE, FALSE, NULL };
  CsvReader csv = { 0, };
  gsize head_size, start = 0;
  const char *head_data = g_bytes_get_data (head, &head_size);

  *not_utf8 = FALSE;
  text.capacity = MAX (head_size, stream_piece_size);
  text.buffer = g_malloc (text.capacity);
  trellis_advise_huge_pages (text.buffer, text.capacity);
  if (head_size > 0)
    memcpy (text.buffer, head_data, head_size);
  text.length = text.n_read = head_size;
  do
    if (!read_piece (&text, 0, error))
      return NULL;
  while (!text.eof && !has_first_records (text.buffer, text.buffer + text.length));
  if (text.length >= 3 && memcmp (text.buffer, "\xef\xbb\xbf", 3) == 0)
    start = text.checked = 3;
  if (!check_text (&text))
    {
      *not_utf8 = TRUE;
      return NULL;
    }
  csv_reader_start (&csv, table, field, display_name, text.buffer + start, text.buffer + text.checked, delimiter);
  csv.while_waiting = read_ahead;
  csv.waiting_data = &text;
  for (;;)
    {
      csv.at_end = text.eof;
      _trellis_table_set_source_size (table, text.n_read);
      if (!read_records_in_two (&csv, error))
        return NULL;
      /* The next piece may have been read ahead meanwhile, to the end of the file. */
      if (csv.at_end)
        break;
      if (text.ahead_not_text)
        {
          *not_utf8 = TRUE;
          return NULL;
        }
      if (!read_piece (&text, csv.p - text.buffer, error))
        return NULL;
      if (!check_text (&text))
        {
          *not_utf8 = TRUE;
          return NULL;
        }
      csv.p = text.buffer + text.start;
      csv.end = text.buffer + text.checked;
    }
  /* As decode_text() judges a whole file: many control characters mean binary. */
  if (text.n_controls > 8 && text.n_controls > text.n_read / 100)
    {
      _trellis_csv_set_not_text (error, display_name);
      return NULL;
    }
  if (!check_not_empty (table, display_name, error))
    return NULL;
  return g_steal_pointer (&table);
}

static gboolean
read_input_stream (gpointer       source,
                   char          *buffer,
                   gsize          size,
                   gsize         *n_read,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return g_input_stream_read_all (source, buffer, size, n_read, cancellable, error);
}

/* Reads the rest of @stream after @head; see _trellis_table_read_csv_source(). */
TrellisTable *
_trellis_table_read_csv_stream (GInputStream  *stream,
                                GBytes        *head,
                                const char    *display_name,
                                char           delimiter,
                                GCancellable  *cancellable,
                                gboolean      *not_utf8,
                                GError       **error)
{
  return _trellis_table_read_csv_source (read_input_stream, stream, head, display_name, delimiter,
                                         cancellable, not_utf8, error);
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
