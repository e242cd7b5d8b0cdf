/* trellis-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-table"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#if defined (__SSE2__) && defined (__x86_64__)
#include <emmintrin.h>
#define HAVE_SSE2_CELLS 1
#endif

#include "trellis-table-private.h"

/* A column's recent short texts, looked up by length and end bytes and compared a word
 * at a time: an answer column's cells ("Agree", "Strongly disagree") are found without
 * hashing or walking to the text, where most of reading an export's time went. */
#define FAST_ENTRIES  128
#define FAST_SLOT_SHIFT 57   /* the top 7 bits of a key choose one of the 128 entries */
#define FAST_WORDS    4
#define FAST_BYTES    (FAST_WORDS * 8)
/* Past this many distinct texts a column is not an answer column: no shortcut. Half the
 * entries, so that looking one up stops at an empty entry soon; and room for a group
 * column of Scotland's 32 community planning partnerships with the empty text. */
#define FAST_MAX_VALUES (FAST_ENTRIES / 2)

typedef struct
{
  guint64 words[FAST_WORDS];
  guint32 code;
  guint16 length;    /* 0: empty entry */
  guint16 flags;
} FastEntry;

/* One distinct text of a column (with its flags: "" quoted and "" unquoted differ). */
typedef struct
{
  const char *text;    /* NUL-terminated, in the table's text blocks */
  guint32     length;
  guint32     hash;    /* 0 in a column that does not look texts up (unique) */
  guint32     flags;
} Value;

/* A column keeps each distinct text once and one small code per row: a survey's answer
 * columns hold a handful of texts ("Agree" a hundred thousand times), so 100,000 rows ×
 * 60 statements take 6 MB instead of 60 MB of copies, and whoever reads the table can
 * work on the distinct texts instead of every cell. */
typedef struct
{
  GArray   *values;      /* Value; 0 is "" without flags */
  guint32  *slots;       /* open addressing on the hash: value index + 1, 0 when free */
  guint32   n_slots;     /* a power of two, at least twice the values */
  guint8    width;       /* bytes per code: 1 until a 256th value, then 4 */
  FastEntry *fast;       /* FAST_ENTRIES, or NULL */
  guint     n_filled;    /* cells not empty */
  gboolean  unique;      /* most cells differ (timestamps, e-mail addresses, comments):
                          * each is kept as it comes, without looking for its twin */
  guint8   *codes;       /* one code per row, capacity rows */
  /* In a part read by a second thread: the values, and their cells, the column had in
   * the table the part was made for; the first values' codes are that table's. */
  guint     n_shared_values;
  guint     n_shared_filled;
} Column;

#define TEXT_BLOCK_SIZE (1024 * 1024)
#define UNIQUE_AFTER    4096

struct _TrellisTable
{
  gatomicrefcount     ref_count;
  TrellisTableFormat  format;
  GPtrArray          *columns;      /* Column*, created as rows reach them */
  GPtrArray          *text_blocks;  /* char*, each value's text stored once */
  gsize               block_used;   /* in the last block */
  gsize               block_size;
  GArray             *row_lengths;  /* guint32 per finished row */
  GArray             *sheet_rows;   /* guint32 per finished row */
  guint               capacity;     /* rows every column's codes have room for */
  guint               row_length;   /* cells in the row being built */
  guint               n_columns;
  guint64             n_cells;      /* every cell added */
  guint64             text_size;    /* every cell's text, as often as it occurs */
  guint64             source_size;  /* the bytes the table is read from, for the limits */
  GString            *scratch;
};

G_DEFINE_BOXED_TYPE (TrellisTable, trellis_table, trellis_table_ref, trellis_table_unref)

G_DEFINE_QUARK (trellis-import-error-quark, trellis_import_error)

static void
column_free (gpointer data)
{
  Column *column = data;

  g_array_unref (column->values);
  g_free (column->slots);
  g_free (column->codes);
  g_free (column->fast);
  g_free (column);
}

TrellisTable *
trellis_table_new (TrellisTableFormat format)
{
  TrellisTable *table = g_new0 (TrellisTable, 1);

  g_atomic_ref_count_init (&table->ref_count);
  table->format = format;
  table->columns = g_ptr_array_new_with_free_func (column_free);
  table->text_blocks = g_ptr_array_new_with_free_func (g_free);
  table->row_lengths = g_array_new (FALSE, FALSE, sizeof (guint32));
  table->sheet_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  table->scratch = g_string_new (NULL);
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
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->text_blocks);
  g_array_unref (table->row_lengths);
  g_array_unref (table->sheet_rows);
  g_string_free (table->scratch, TRUE);
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

static inline guint64
mix (guint64 hash,
     guint64 word)
{
  hash = (hash ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return hash ^ (hash >> 32);
}

/* A hash of the text, eight bytes at a time, and whether it holds anything a project
 * file cannot: one pass over each cell, the only pass most cells get. A control
 * character or the lead byte of U+FFFE makes a word suspect; suspect text is looked at
 * byte by byte. */
static guint32
hash_text (const char *text,
           gsize       length,
           gboolean   *unstorable)
{
  guint64 hash = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ length, word;
  gsize i = 0;

  *unstorable = FALSE;
  for (; i + 8 <= length; i += 8)
    {
      memcpy (&word, text + i, 8);
      /* A line break in a comment makes its word suspect: only that word is looked at
       * byte by byte (with the two bytes after it, for U+FFFE). */
      if ((_trellis_any_byte_below (word, 0x20) | _trellis_any_byte_equal (word, 0xef)) != 0)
        for (gsize j = i; j < i + 8 && !*unstorable; j++)
          *unstorable = is_unstorable (text + j, text + length);
      hash = mix (hash, word);
    }
  if (i < length)
    {
      /* The last bytes, the lowest first, above them NULs that must not make the word
       * suspect; put together byte by byte, as a copy of a length only known now
       * costs a call to memcpy() per cell. */
      guint64 valid = ~G_GUINT64_CONSTANT (0) >> (8 * (8 - (length - i)));

      word = 0;
      for (gsize j = 0; i + j < length; j++)
        word |= (guint64) (guchar) text[i + j] << (8 * j);
      if (((_trellis_any_byte_below (word, 0x20) | _trellis_any_byte_equal (word, 0xef)) & valid) != 0)
        for (gsize j = i; j < length && !*unstorable; j++)
          *unstorable = is_unstorable (text + j, text + length);
      hash = mix (hash, word);
    }
  /* MurmurHash3's finaliser: the slots are chosen by the low bits, which the mixing
   * above leaves poorly spread for texts of one word ("Agree", "Disagree"). */
  hash ^= hash >> 33;
  hash *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  hash ^= hash >> 33;
  hash *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  hash ^= hash >> 33;
  return (guint32) hash;
}

static const char *
store_text (TrellisTable *table,
            const char   *text,
            gsize         length)
{
  char *stored;

  if (table->text_blocks->len == 0 || length + 1 > table->block_size - table->block_used)
    {
      table->block_size = MAX (TEXT_BLOCK_SIZE, length + 1);
      g_ptr_array_add (table->text_blocks, g_malloc (table->block_size));
      table->block_used = 0;
    }
  stored = (char *) g_ptr_array_index (table->text_blocks, table->text_blocks->len - 1) + table->block_used;
  memcpy (stored, text, length);
  stored[length] = '\0';
  table->block_used += length + 1;
  return stored;
}

static guint32
get_code (const Column *column,
          guint         row)
{
  return column->width == 1 ? column->codes[row] : ((const guint32 *) column->codes)[row];
}

static void
set_code (Column  *column,
          guint    row,
          guint32  code)
{
  if (column->width == 1)
    column->codes[row] = (guint8) code;
  else
    ((guint32 *) column->codes)[row] = code;
}

static void
widen_codes (Column *column,
             guint   capacity)
{
  guint32 *wide = g_new0 (guint32, MAX (capacity, 1));

  for (guint row = 0; row < capacity; row++)
    wide[row] = column->codes[row];
  g_free (column->codes);
  column->codes = (guint8 *) wide;
  column->width = 4;
}

static void
rehash (Column *column)
{
  guint32 n_slots = column->n_slots * 2;
  guint32 *slots = g_new0 (guint32, n_slots);

  for (guint i = 0; i < column->values->len; i++)
    {
      guint32 slot = g_array_index (column->values, Value, i).hash & (n_slots - 1);

      while (slots[slot] != 0)
        slot = (slot + 1) & (n_slots - 1);
      slots[slot] = i + 1;
    }
  g_free (column->slots);
  column->slots = slots;
  column->n_slots = n_slots;
}

static Column *
column_new (guint capacity)
{
  Column *column = g_new0 (Column, 1);
  Value empty = { "", 0, 0, 0 };
  gboolean unstorable;

  empty.hash = hash_text ("", 0, &unstorable);
  column->values = g_array_new (FALSE, FALSE, sizeof (Value));
  column->n_slots = 16;
  column->slots = g_new0 (guint32, column->n_slots);
  column->width = 1;
  column->codes = g_malloc0 (MAX (capacity, 1));
  column->fast = g_new0 (FastEntry, FAST_ENTRIES);
  g_array_append_val (column->values, empty);
  column->slots[empty.hash & (column->n_slots - 1)] = 1;
  column->n_shared_values = 1;
  return column;
}

/* The column as a part's starts: what @column holds so far looked up as there, with the
 * same codes, so that a part's cells of texts seen before need no translating. A column
 * past looking for twins starts empty. */
static Column *
column_new_shared (const Column *column)
{
  Column *copy;

  if (column->unique)
    {
      copy = column_new (0);
      g_clear_pointer (&copy->slots, g_free);
      g_clear_pointer (&copy->fast, g_free);
      copy->n_slots = 0;
      copy->unique = TRUE;
      return copy;
    }
  copy = g_new0 (Column, 1);
  copy->values = g_array_sized_new (FALSE, FALSE, sizeof (Value), column->values->len);
  g_array_append_vals (copy->values, column->values->data, column->values->len);
  copy->n_slots = column->n_slots;
  copy->slots = g_memdup2 (column->slots, column->n_slots * sizeof (guint32));
  copy->width = column->width;
  copy->codes = g_malloc0 (column->width);
  if (column->fast != NULL)
    copy->fast = g_memdup2 (column->fast, FAST_ENTRIES * sizeof (FastEntry));
  copy->n_filled = copy->n_shared_filled = column->n_filled;
  copy->n_shared_values = column->values->len;
  return copy;
}

/* The code of @text in @column, added when new; @stored says @text is in the table's
 * text blocks already. */
static guint32
intern (TrellisTable *table,
        Column       *column,
        const char   *text,
        gsize         length,
        guint32       hash,
        guint32       flags,
        gboolean      stored)
{
  guint32 slot = hash & (column->n_slots - 1);
  Value value;

  for (; !column->unique && column->slots[slot] != 0; slot = (slot + 1) & (column->n_slots - 1))
    {
      const Value *found = &g_array_index (column->values, Value, column->slots[slot] - 1);

      if (found->hash == hash && found->length == length && found->flags == flags &&
          memcmp (found->text, text, length) == 0)
        return column->slots[slot] - 1;
    }
  value.text = stored ? text : store_text (table, text, length);
  value.length = length;
  value.hash = hash;
  value.flags = flags;
  g_array_append_val (column->values, value);
  if (column->values->len == 256 && column->width == 1)
    widen_codes (column, table->capacity);
  if (column->unique)
    return column->values->len - 1;
  column->slots[slot] = column->values->len;
  /* Past a few thousand texts, most of them new, looking for twins costs more than
   * it saves: a text column of 100,000 timestamps. */
  if (column->values->len > UNIQUE_AFTER && column->values->len > column->n_filled / 2)
    {
      column->unique = TRUE;
      g_clear_pointer (&column->slots, g_free);
      column->n_slots = 0;
    }
  else if (column->values->len * 2 > column->n_slots)
    rehash (column);
  return column->values->len - 1;
}

static void
grow_rows (TrellisTable *table)
{
  guint capacity = MAX (64, table->capacity * 2);

  for (guint i = 0; i < table->columns->len; i++)
    {
      Column *column = g_ptr_array_index (table->columns, i);

      column->codes = g_realloc (column->codes, (gsize) capacity * column->width);
      memset (column->codes + (gsize) table->capacity * column->width, 0,
              (gsize) (capacity - table->capacity) * column->width);
    }
  table->capacity = capacity;
}

/* The text's bytes in words, the last one's bytes put together one by one, lowest first,
 * so that no copy of a length only known now costs a call to memcpy(). */
static inline void
load_words (const char *text,
            gsize       length,
            guint64     words[FAST_WORDS])
{
  gsize i = 0, w = 0;

  for (; i + 8 <= length; i += 8, w++)
    memcpy (&words[w], text + i, 8);
  if (i < length)
    {
      words[w] = 0;
      for (gsize j = 0; i + j < length; j++)
        words[w] |= (guint64) (guchar) text[i + j] << (8 * j);
      w++;
    }
  for (; w < FAST_WORDS; w++)
    words[w] = 0;
}

/* The same words as load_words(), where at least FAST_BYTES bytes from @text may be
 * read: whole words read and the bytes past @length masked off, with no loop over
 * bytes. */
static inline void
load_padded_words (const char *text,
                   gsize       length,
                   guint64     words[FAST_WORDS])
{
  for (gsize w = 0; w < FAST_WORDS; w++)
    {
      gsize start = w * 8, n = length > start ? MIN (length - start, 8) : 0;
      guint64 word;

      memcpy (&word, text + start, 8);
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      words[w] = n == 8 ? word : word & ((G_GUINT64_CONSTANT (1) << (8 * n)) - 1);
#else
      /* As load_words() puts them: whole words as they are, a last part lowest first. */
      words[w] = n == 8 ? word : 0;
      for (gsize j = 0; j < n && n < 8; j++)
        words[w] |= (guint64) (guchar) text[start + j] << (8 * j);
#endif
    }
}

/* Where a text's entry is looked for first: its first eight bytes and its length, which
 * tell most answers apart ("Agree", "Strongly agree", "Strongly disagree"); texts alike
 * in both (Aberdeen City, Aberdeenshire) take the next entries. */
static inline guint64
fast_key (guint64 first_word,
          gsize   length)
{
  return (first_word ^ length) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
}

/* The entry holding the text, or the empty one where it would go: open addressing on a
 * hash of the words already loaded. */
static inline FastEntry *
fast_entry (Column        *column,
            const guint64  words[FAST_WORDS],
            gsize          length,
            guint32        flags)
{
  guint64 key = fast_key (words[0], length);
  guint slot = (guint) (key >> FAST_SLOT_SHIFT);

  for (;; slot = (slot + 1) % FAST_ENTRIES)
    {
      FastEntry *entry = &column->fast[slot];

      if (entry->length == 0 ||
          (entry->length == length && entry->flags == flags &&
           entry->words[0] == words[0] && entry->words[1] == words[1] &&
           entry->words[2] == words[2] && entry->words[3] == words[3]))
        return entry;
    }
}

/* Whether the text holds anything a project file cannot: hash_text()'s check alone,
 * sixteen bytes at a time where SSE2 is there. */
static gboolean
has_unstorable (const char *text,
                gsize       length)
{
  gsize i = 0;

#ifdef HAVE_SSE2_CELLS
  for (; i + 16 <= length; i += 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) (text + i));
      /* Unsigned bytes below 0x20, or 0xEF. */
      __m128i below = _mm_cmpeq_epi8 (_mm_min_epu8 (bytes, _mm_set1_epi8 (0x1F)), bytes);
      __m128i lead = _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ((char) 0xEF));

      /* A line break in a comment flags its block: only that block is looked at byte
       * by byte (with the two bytes after it, for U+FFFE). */
      if (_mm_movemask_epi8 (_mm_or_si128 (below, lead)) != 0)
        for (gsize j = i; j < i + 16; j++)
          if (is_unstorable (text + j, text + length))
            return TRUE;
    }
#endif
  for (; i < length; i++)
    if (is_unstorable (text + i, text + length))
      return TRUE;
  return FALSE;
}

/* The slow way: hashed, cleaned of what a project file cannot hold, looked up. A
 * column where most texts differ is not looked up, so its texts are not hashed either
 * (append_column() hashes those it has to look up). */
static guint32
add_value (TrellisTable *table,
           Column       *column,
           const char   *text,
           gsize         length,
           guint32       flags,
           gboolean     *cleaned)
{
  gboolean unstorable;
  guint32 hash = 0;

  if (column->unique)
    unstorable = has_unstorable (text, length);
  else
    hash = hash_text (text, length, &unstorable);

  *cleaned = unstorable;
  if (unstorable)
    {
      g_string_truncate (table->scratch, 0);
      append_storable (table->scratch, text, length);
      text = table->scratch->str;
      length = table->scratch->len;
      if (!column->unique)
        hash = hash_text (text, length, &unstorable);
    }
  return intern (table, column, text, length, hash, flags, FALSE);
}

static void add_cell (TrellisTable     *table,
                      const char       *text,
                      gssize            length,
                      TrellisCellFlags  flags,
                      gboolean          padded) G_GNUC_NO_INLINE;

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
  g_return_if_fail (table != NULL);
  g_return_if_fail (text != NULL || length == 0);

  add_cell (table, text, length, flags, FALSE);
}

#ifdef HAVE_SSE2_CELLS
/* Most of reading an export, kept short: a cell of an answer column found among the
 * column's recent texts by its 32 bytes (zero past its end; at least 32 bytes from
 * @text may be read), sixteen at a time, as fast_entry() finds it. NULL when it is
 * not there. */
static inline const FastEntry *
find_recent (const Column     *column,
             const char       *text,
             gsize             length,
             TrellisCellFlags  flags)
{
  static const gint8 positions[FAST_BYTES] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  };
  const FastEntry *entry;
  __m128i low, high, n;
  guint64 key;

  n = _mm_set1_epi8 ((char) length);
  low = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *) text),
                       _mm_cmpgt_epi8 (n, _mm_loadu_si128 ((const __m128i *) positions)));
  high = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *) (text + 16)),
                        _mm_cmpgt_epi8 (n, _mm_loadu_si128 ((const __m128i *) (positions + 16))));
  key = fast_key ((guint64) _mm_cvtsi128_si64 (low), length);
  for (guint slot = (guint) (key >> FAST_SLOT_SHIFT);; slot = (slot + 1) % FAST_ENTRIES)
    {
      entry = &column->fast[slot];
      if (entry->length == 0)
        return NULL;
      if (entry->length == length && entry->flags == flags &&
          _mm_movemask_epi8 (_mm_and_si128 (_mm_cmpeq_epi8 (low, _mm_loadu_si128 ((const __m128i *) entry->words)),
                                            _mm_cmpeq_epi8 (high, _mm_loadu_si128 ((const __m128i *) (entry->words + 2))))) == 0xffff)
        return entry;
    }
}
#endif

/* A run of cells of the row being built, added without going through the table's
 * fields for each one. */
typedef struct
{
  TrellisTable  *table;
  Column       **columns;
  guint          n_columns;
  guint          row;
  guint          row_length;
  guint          fast_columns; /* row_length below this: the column is there, and its
                                * codes have room for the row */
  guint64        n_cells;      /* added since the last flush */
  guint64        text_size;
} RowRun;

static inline void
row_run_start (RowRun       *run,
               TrellisTable *table)
{
  run->table = table;
  run->columns = (Column **) table->columns->pdata;
  run->n_columns = table->columns->len;
  run->row = table->sheet_rows->len;
  run->row_length = table->row_length;
  run->fast_columns = run->row < table->capacity ? run->n_columns : 0;
  run->n_cells = 0;
  run->text_size = 0;
}

static inline void
row_run_flush (RowRun *run)
{
  run->table->row_length = run->row_length;
  run->table->n_cells += run->n_cells;
  run->table->text_size += run->text_size;
  run->n_cells = 0;
  run->text_size = 0;
}

/* An empty cell, or one found among its column's recent texts, as add_cell() would add
 * it; FALSE when it must take add_cell(). */
static inline gboolean
row_run_add (RowRun     *run,
             const char *text,
             gsize       length)
{
  Column *column;

  if (G_UNLIKELY (run->row_length >= run->fast_columns))
    return FALSE;
  column = run->columns[run->row_length];
  if (length != 0)
    {
#ifdef HAVE_SSE2_CELLS
      const FastEntry *entry;

      if (column->fast == NULL || length > FAST_BYTES ||
          (entry = find_recent (column, text, length, 0)) == NULL)
        return FALSE;
      set_code (column, run->row, entry->code);
      column->n_filled++;
#else
      return FALSE;
#endif
    }
  else
    set_code (column, run->row, 0);
  run->row_length++;
  run->n_cells++;
  run->text_size += length;
  return TRUE;
}

/**
 * _trellis_table_add_plain_cells:
 * @p: the start of an unquoted cell of the row being built
 * @end: the end of the text at hand
 * @max_cells: how many cells may be added at most
 * @stop: (out): where the last cell added ends: at a delimiter or a line break
 *
 * Most of an export is rows of short unquoted answers, so a run of them is read here in
 * one go, from @p to the first quoted cell or line break. A cell is added only when the
 * text goes on at least 32 bytes past its start and it ends before @end (else the
 * reader may have to wait for more text): the reader reads the cells this leaves, one
 * by one, as before.
 *
 * Returns: the number of cells added, 0 when not even the first could be.
 */
guint
_trellis_table_add_plain_cells (TrellisTable  *table,
                                const char    *p,
                                const char    *end,
                                char           delimiter,
                                guint          max_cells,
                                const char   **stop)
{
  /* The row's state in locals, written back before add_cell() and at the end: */
  RowRun run;
  guint added = 0;
  const char *last_end = NULL, *last_start;

  if (end - p < FAST_BYTES)
    return 0;
  /* A cell starting past here has fewer than FAST_BYTES bytes of text after it. */
  last_start = end - FAST_BYTES;
  row_run_start (&run, table);
  while (added < max_cells && p <= last_start && *p != '"')
    {
      const char *cell_end = _trellis_find_field_end (p, end, delimiter);

      if (cell_end == end)
        break;
      if (!row_run_add (&run, p, cell_end - p))
        {
          row_run_flush (&run);
          add_cell (table, p, cell_end - p, 0, TRUE);
          row_run_start (&run, table);
        }
      added++;
      last_end = cell_end;
      if (*cell_end != delimiter)
        break;
      p = cell_end + 1;
    }
  row_run_flush (&run);
  if (added > 0)
    *stop = last_end;
  return added;
}

static void
add_cell (TrellisTable     *table,
          const char       *text,
          gssize            length,
          TrellisCellFlags  flags,
          gboolean          padded)
{
  guint row = table->sheet_rows->len;
  gboolean cleaned;
  guint32 code;
  Column *column;

  if (length < 0)
    length = strlen (text);
  if (row >= table->capacity)
    grow_rows (table);
  if (table->row_length >= table->columns->len)
    g_ptr_array_add (table->columns, column_new (table->capacity));
  column = g_ptr_array_index (table->columns, table->row_length);
  table->row_length++;
  table->n_cells++;
  table->text_size += length;

  if (length == 0 && flags == 0)
    {
      set_code (column, row, 0);
      return;
    }
  column->n_filled++;
  if (column->fast != NULL && length > 0 && length <= FAST_BYTES)
    {
      guint64 words[FAST_WORDS];
      FastEntry *entry;

      if (padded)
        load_padded_words (text, length, words);
      else
        load_words (text, length, words);
      entry = fast_entry (column, words, length, flags);
      if (entry->length != 0)
        {
          set_code (column, row, entry->code);
          return;
        }
      code = add_value (table, column, text, length, flags, &cleaned);
      /* A text cleaned on the way in is not what is stored: it takes the slow way. */
      if (!cleaned)
        {
          memcpy (entry->words, words, sizeof words);
          entry->code = code;
          entry->length = length;
          entry->flags = flags;
        }
    }
  else
    code = add_value (table, column, text, length, flags, &cleaned);
  if (column->fast != NULL && column->values->len > FAST_MAX_VALUES)
    g_clear_pointer (&column->fast, g_free);
  set_code (column, row, code);
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
  guint32 length;

  g_return_if_fail (table != NULL);

  if (table->sheet_rows->len >= table->capacity)
    grow_rows (table);
  length = table->row_length;
  table->n_columns = MAX (table->n_columns, length);
  g_array_append_val (table->row_lengths, length);
  g_array_append_val (table->sheet_rows, sheet_row);
  table->row_length = 0;
}

/* A reader that stopped part-way through a record (its text arrives in pieces) takes
 * back the cells it has added to the row being built. */
void
_trellis_table_discard_row (TrellisTable *table)
{
  guint row = table->sheet_rows->len;

  for (guint i = 0; i < table->row_length; i++)
    set_code (g_ptr_array_index (table->columns, i), row, 0);
  table->n_cells -= table->row_length;
  table->row_length = 0;
}

/* The part's text blocks move to @table, so that its values' texts need no copy; the
 * part's last block, partly used, becomes the one @table stores new texts in. */
static void
take_text_blocks (TrellisTable *table,
                  TrellisTable *part)
{
  if (part->text_blocks->len == 0)
    return;
  for (guint i = 0; i < part->text_blocks->len; i++)
    g_ptr_array_add (table->text_blocks, g_ptr_array_index (part->text_blocks, i));
  g_ptr_array_set_free_func (part->text_blocks, NULL);
  g_ptr_array_set_size (part->text_blocks, 0);
  table->block_size = part->block_size;
  table->block_used = part->block_used;
}

/* One column of the part after @first_row of @to: each distinct text of the part looked
 * up once, then every cell's code translated. */
static void
append_column (TrellisTable *table,
               Column       *to,
               const Column *from,
               guint         first_row,
               guint         n_rows)
{
  g_autofree guint32 *codes = NULL;

  to->n_filled += from->n_filled - from->n_shared_filled;
  /* An answer column's part seldom meets a text the column had not: codes as they are. */
  if (from->values->len == from->n_shared_values && from->width == to->width)
    {
      memcpy (to->codes + (gsize) first_row * to->width, from->codes, (gsize) n_rows * to->width);
      return;
    }
  codes = g_new (guint32, from->values->len);
  for (guint v = 0; v < from->n_shared_values; v++)
    codes[v] = v;
  for (guint v = from->n_shared_values; v < from->values->len; v++)
    {
      const Value *value = &g_array_index (from->values, Value, v);
      gboolean unstorable;
      /* A part's column that stopped looking its texts up no longer hashes them. */
      guint32 hash = from->unique && !to->unique ? hash_text (value->text, value->length, &unstorable)
                                                 : value->hash;

      codes[v] = intern (table, to, value->text, value->length, hash, value->flags, TRUE);
    }
  if (to->fast != NULL && to->values->len > FAST_MAX_VALUES)
    g_clear_pointer (&to->fast, g_free);
  if (to->width == 1 && from->width == 1)
    for (guint row = 0; row < n_rows; row++)
      to->codes[first_row + row] = (guint8) codes[from->codes[row]];
  else
    for (guint row = 0; row < n_rows; row++)
      set_code (to, first_row + row, codes[get_code (from, row)]);
}

/* A table for a second thread to read a later stretch of the same file into, to be
 * appended to @table with _trellis_table_append_part(): each column starts with what
 * @table's holds, so that most cells' codes are @table's already. Reading @table's
 * texts from the part is safe while @table grows, as its text blocks never move. */
TrellisTable *
_trellis_table_new_part (TrellisTable *table)
{
  TrellisTable *part = trellis_table_new (table->format);

  part->source_size = table->source_size;
  for (guint c = 0; c < table->columns->len; c++)
    g_ptr_array_add (part->columns, column_new_shared (g_ptr_array_index (table->columns, c)));
  return part;
}

/* Appends the finished rows of @part, read by another thread from the text that follows
 * what @table was read from, as if @table had read them itself; @sheet_row_offset is
 * added to the part's sheet rows, which count from 1. @part is left without its text
 * and is to be freed. */
void
_trellis_table_append_part (TrellisTable *table,
                            TrellisTable *part,
                            guint         sheet_row_offset)
{
  guint first_row = table->sheet_rows->len, n_rows = part->sheet_rows->len;

  g_return_if_fail (table->row_length == 0);

  while (table->capacity < first_row + n_rows + 1)
    grow_rows (table);
  take_text_blocks (table, part);
  for (guint c = 0; c < part->columns->len; c++)
    {
      if (c >= table->columns->len)
        g_ptr_array_add (table->columns, column_new (table->capacity));
      append_column (table, g_ptr_array_index (table->columns, c),
                     g_ptr_array_index (part->columns, c), first_row, n_rows);
    }
  g_array_append_vals (table->row_lengths, part->row_lengths->data, n_rows);
  for (guint row = 0; row < n_rows; row++)
    {
      guint32 sheet_row = g_array_index (part->sheet_rows, guint32, row) + sheet_row_offset;

      g_array_append_val (table->sheet_rows, sheet_row);
    }
  table->n_columns = MAX (table->n_columns, part->n_columns);
  table->n_cells += part->n_cells;
  table->text_size += part->text_size;
}

void
_trellis_table_set_source_size (TrellisTable *table,
                                guint64       size)
{
  table->source_size = size;
}

/* A spreadsheet is read from the XML parts of its ZIP file. */
void
_trellis_table_set_source_parts (TrellisTable *table,
                                 GHashTable   *parts)
{
  GHashTableIter iter;
  gpointer part;

  table->source_size = 0;
  g_hash_table_iter_init (&iter, parts);
  while (g_hash_table_iter_next (&iter, NULL, &part))
    table->source_size += g_bytes_get_size (part);
}

/* What this machine can give an import: a quarter of its memory, so that the limits grow
 * with the machine rather than stay where a laptop of some year put them. */
guint64
_trellis_table_memory_budget (void)
{
  static gsize budget;

  if (g_once_init_enter (&budget))
    {
      long pages = sysconf (_SC_PHYS_PAGES), page_size = sysconf (_SC_PAGESIZE);
      guint64 memory = pages > 0 && page_size > 0 ? (guint64) pages * (guint64) page_size
                                                    : G_GUINT64_CONSTANT (1) << 32;

      g_once_init_leave (&budget, (gsize) MAX (memory / 4, 256 * 1024 * 1024));
    }
  return budget;
}

/* How much text and how many cells a table read from @source_size bytes may hold. A
 * text file's cells are never more than its bytes, but a spreadsheet's shared strings
 * and repeated cells are stored once and counted once per cell: a bomb that expands
 * 13 kB into gigabytes stops at a ratio to what it was read from, and nothing stops
 * short of a real export of any size the machine can hold. */
static guint64
max_text_size (guint64 source_size)
{
  guint64 by_ratio = MAX (TRELLIS_TABLE_MIN_TEXT_LIMIT, source_size * TRELLIS_TABLE_MAX_EXPANSION);

  return MIN (by_ratio, _trellis_table_memory_budget ());
}

static guint64
max_cells (guint64 source_size)
{
  guint64 by_ratio = MAX (TRELLIS_TABLE_MIN_CELL_LIMIT, source_size * TRELLIS_TABLE_MAX_EXPANSION / 4);

  return MIN (by_ratio, _trellis_table_memory_budget () / 8);
}

guint64
_trellis_table_get_max_text_size (TrellisTable *table)
{
  return max_text_size (table->source_size);
}

guint64
_trellis_table_get_max_cells (TrellisTable *table)
{
  return max_cells (table->source_size);
}

/* A limit in whole megabytes, as messages give it. */
char *
_trellis_table_dup_megabytes (guint64 bytes)
{
  /* TRANSLATORS: a size in megabytes */
  return g_strdup_printf (_("%u MB"), (guint) MIN (bytes / (1024 * 1024), G_MAXUINT));
}

/* A file read whole into memory (a spreadsheet, a zipped or re-encoded export) may be no
 * larger than the machine's budget; plain UTF-8 text is read a piece at a time and has
 * no limit of its own. */
gboolean
_trellis_table_check_file_size (goffset      size,
                                const char  *display_name,
                                GError     **error)
{
  g_autofree char *limit_text = NULL;

  if (size >= 0 && (guint64) size <= _trellis_table_memory_budget ())
    return TRUE;
  limit_text = _trellis_table_dup_megabytes (_trellis_table_memory_budget ());
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("the file is larger than %s, a quarter of this computer’s memory; "
                               "save it as CSV (UTF-8) and import that"),
                             limit_text);
  return FALSE;
}

void
_trellis_table_set_too_much_text (GError     **error,
                                  const char  *display_name,
                                  guint        sheet_row,
                                  guint64      limit)
{
  g_autofree char *limit_text = _trellis_table_dup_megabytes (limit);

  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, display_name,
                             sheet_row, TRELLIS_TABLE_NO_COLUMN,
                             _("its cells hold more than %s of text, over %d times what they are read from, "
                               "which no survey export does; it may be built to fill memory"),
                             limit_text, TRELLIS_TABLE_MAX_EXPANSION);
}

/* Readers call this after each row: wide rows times many rows must stop somewhere. */
gboolean
_trellis_table_check_size (TrellisTable  *table,
                           const char    *display_name,
                           guint          sheet_row,
                           GError       **error)
{
  g_autofree char *limit_text = NULL;

  if (table->text_size > max_text_size (table->source_size))
    {
      _trellis_table_set_too_much_text (error, display_name, sheet_row, max_text_size (table->source_size));
      return FALSE;
    }
  if (table->n_cells <= max_cells (table->source_size))
    return TRUE;
  limit_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max_cells (table->source_size));
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, display_name,
                             sheet_row, TRELLIS_TABLE_NO_COLUMN,
                             _("more than %s cells, over %d times what they are read from, "
                               "which no survey export does; it may be built to fill memory"),
                             limit_text, TRELLIS_TABLE_MAX_EXPANSION / 4);
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

  return g_array_index (table->row_lengths, guint32, row);
}

guint
trellis_table_get_sheet_row (TrellisTable *table,
                             guint         row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->sheet_rows->len, 0);
  return g_array_index (table->sheet_rows, guint32, row);
}

static const Value *
lookup_value (TrellisTable *table,
              guint         row,
              guint         column)
{
  static const Value empty = { "", 0, 0, 0 };
  const Column *found;

  if (column >= g_array_index (table->row_lengths, guint32, row))
    return &empty;
  found = g_ptr_array_index (table->columns, column);
  return &g_array_index (found->values, Value, get_code (found, row));
}

/**
 * trellis_table_get:
 *
 * The same text in the same column, with the same flags, is the same pointer: callers
 * may cache what they make of a cell by its address.
 *
 * Returns: the cell's text; "" for an empty cell or one past the end of the row
 */
const char *
trellis_table_get (TrellisTable *table,
                   guint         row,
                   guint         column)
{
  g_return_val_if_fail (table != NULL, "");
  g_return_val_if_fail (row < table->sheet_rows->len, "");

  return lookup_value (table, row, column)->text;
}

TrellisCellFlags
trellis_table_get_flags (TrellisTable *table,
                         guint         row,
                         guint         column)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->sheet_rows->len, 0);

  return lookup_value (table, row, column)->flags;
}

/**
 * trellis_table_get_n_values:
 *
 * Returns: how many distinct cells (text and flags) @column holds, an empty one counted
 *   always; 0 past the widest row
 */
guint
trellis_table_get_n_values (TrellisTable *table,
                            guint         column)
{
  g_return_val_if_fail (table != NULL, 0);

  if (column >= table->columns->len)
    return 0;
  return ((Column *) g_ptr_array_index (table->columns, column))->values->len;
}

/**
 * trellis_table_get_value:
 * @value: from 0 to trellis_table_get_n_values() - 1; 0 is the empty cell
 *
 * Returns: the text of one of @column's distinct cells
 */
const char *
trellis_table_get_value (TrellisTable *table,
                         guint         column,
                         guint         value)
{
  const Column *found;

  g_return_val_if_fail (table != NULL, "");
  g_return_val_if_fail (column < table->columns->len, "");

  found = g_ptr_array_index (table->columns, column);
  g_return_val_if_fail (value < found->values->len, "");
  return g_array_index (found->values, Value, value).text;
}

/**
 * trellis_table_get_value_index:
 *
 * Returns: which of the column's distinct cells the cell is: 0 for an empty one or one
 *   past the end of the row
 */
guint
trellis_table_get_value_index (TrellisTable *table,
                               guint         row,
                               guint         column)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->sheet_rows->len, 0);

  if (column >= g_array_index (table->row_lengths, guint32, row))
    return 0;
  return get_code (g_ptr_array_index (table->columns, column), row);
}

/* A column's codes, one per row, for a loop over rows that reads them directly: 1 or 4
 * bytes each (@width). A column past the widest row has none: NULL. */
const guint8 *
_trellis_table_get_codes (TrellisTable *table,
                          guint         column,
                          guint        *width)
{
  const Column *found;

  if (column >= table->columns->len)
    return NULL;
  found = g_ptr_array_index (table->columns, column);
  *width = found->width;
  return found->codes;
}

/**
 * trellis_table_count_values:
 * @first_row: the first row counted
 * @counts: (array): room for trellis_table_get_n_values() counts, set here
 *
 * Counts how often each of @column's distinct cells occurs from @first_row on.
 */
void
trellis_table_count_values (TrellisTable *table,
                            guint         column,
                            guint         first_row,
                            guint        *counts)
{
  const Column *found;
  guint n_rows;

  g_return_if_fail (table != NULL);

  if (column >= table->columns->len)
    return;
  found = g_ptr_array_index (table->columns, column);
  n_rows = table->sheet_rows->len;
  memset (counts, 0, found->values->len * sizeof (guint));
  /* A row too short to reach the column has code 0 there, "", as the codes of cells
   * never added stay 0: no need to look at its length. */
  if (found->width == 1)
    {
      /* Four tallies, one for each of four rows in turn: a run of one answer ("Agree",
       * "Agree", …) then adds to four counters, not one that must be read back before
       * each addition. */
      guint n_values = found->values->len, row = first_row;
      g_autofree guint *lanes = g_new0 (guint, (gsize) n_values * 4);

      for (; row + 4 <= n_rows; row += 4)
        {
          lanes[found->codes[row]]++;
          lanes[n_values + found->codes[row + 1]]++;
          lanes[2 * n_values + found->codes[row + 2]]++;
          lanes[3 * n_values + found->codes[row + 3]]++;
        }
      for (; row < n_rows; row++)
        lanes[found->codes[row]]++;
      for (guint v = 0; v < n_values; v++)
        counts[v] = lanes[v] + lanes[n_values + v] + lanes[2 * n_values + v] + lanes[3 * n_values + v];
    }
  else
    for (guint row = first_row; row < n_rows; row++)
      counts[((const guint32 *) found->codes)[row]]++;
}

/* How many of @n codes equal @code: sixteen at a time, each byte lane counting up to
 * 255 before the lanes are summed. */
static guint
count_codes_equal (const guint8 *codes,
                   gsize         n,
                   guint8        code)
{
  guint count = 0;
  gsize i = 0;

#ifdef HAVE_SSE2_CELLS
  const __m128i wanted = _mm_set1_epi8 ((char) code);
  __m128i total = _mm_setzero_si128 ();

  while (n - i >= 16)
    {
      __m128i lanes = _mm_setzero_si128 ();
      gsize stop = i + MIN (n - i, (gsize) 255 * 16);

      for (; stop - i >= 16; i += 16)
        lanes = _mm_sub_epi8 (lanes, _mm_cmpeq_epi8 (_mm_loadu_si128 ((const __m128i *) (codes + i)), wanted));
      total = _mm_add_epi64 (total, _mm_sad_epu8 (lanes, _mm_setzero_si128 ()));
    }
  count = (guint) (_mm_cvtsi128_si64 (total) + _mm_cvtsi128_si64 (_mm_srli_si128 (total, 8)));
#endif
  for (; i < n; i++)
    count += codes[i] == code;
  return count;
}

/**
 * trellis_table_count_filled:
 * @first_row: the first row counted
 *
 * Returns: how many of @column's cells from @first_row on hold text; rows too short to
 * reach the column count as empty. The same as adding up trellis_table_count_values()
 * for every value but the empty ones, without a count per value.
 */
guint
trellis_table_count_filled (TrellisTable *table,
                            guint         column,
                            guint         first_row)
{
  const Column *found;
  guint n_rows, n_empty = 0, empty_code = 0, filled = 0;

  g_return_val_if_fail (table != NULL, 0);

  n_rows = table->sheet_rows->len;
  if (column >= table->columns->len || first_row >= n_rows)
    return 0;
  found = g_ptr_array_index (table->columns, column);
  for (guint v = 0; v < found->values->len; v++)
    if (g_array_index (found->values, Value, v).length == 0)
      {
        n_empty++;
        empty_code = v;
      }
  /* Most columns have one empty text, "" (code 0); a quoted "" may be another. */
  if (found->width == 1 && n_empty <= 1)
    return (n_rows - first_row) - (n_empty == 0 ? 0 : count_codes_equal (found->codes + first_row, n_rows - first_row,
                                                                         (guint8) empty_code));
  for (guint row = first_row; row < n_rows; row++)
    filled += g_array_index (found->values, Value, get_code (found, row)).length != 0;
  return filled;
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

  /* Asked of every row, twice per import: the cells looked up here, without the
   * public getters' checks for each. */
  length = g_array_index (table->row_lengths, guint32, row);
  for (guint i = 0; i < length; i++)
    for (const char *p = lookup_value (table, row, i)->text; *p != '\0'; p++)
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
