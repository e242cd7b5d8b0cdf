/* test-table.c: the CSV, XLSX and ODS readers, on real bytes and hostile ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trellis-model.h"
#include "trellis-import.h"
#include "trellis-table-reader.h"

static TrellisTable *
read_text (const char *text,
           gssize      length,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return trellis_table_read_bytes (bytes, "test.csv", TRELLIS_TABLE_FORMAT_AUTO, error);
}

static TrellisTable *
read_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  return trellis_table_read_bytes (bytes, name, TRELLIS_TABLE_FORMAT_AUTO, error);
}

/*****/

static void
test_csv_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) table =
    read_text ("id,comment,score\r\n"
               "1,\"Line one\nline two, with \"\"quotes\"\"\",5\r\n"
               "2,\"\",\r\n"
               "3,plain,4", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (trellis_table_get_format (table), ==, TRELLIS_TABLE_FORMAT_CSV);
  g_assert_cmpuint (trellis_table_get_n_rows (table), ==, 4);
  g_assert_cmpuint (trellis_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (trellis_table_get (table, 1, 1), ==, "Line one\nline two, with \"quotes\"");
  g_assert_true (trellis_table_get_flags (table, 1, 1) & TRELLIS_CELL_QUOTED);
  /* LimeSurvey: "" is "no answer", an unquoted empty field "not shown". */
  g_assert_cmpstr (trellis_table_get (table, 2, 1), ==, "");
  g_assert_true (trellis_table_get_flags (table, 2, 1) & TRELLIS_CELL_QUOTED);
  g_assert_false (trellis_table_get_flags (table, 2, 2) & TRELLIS_CELL_QUOTED);
  g_assert_cmpuint (trellis_table_get_row_length (table, 2), ==, 3);
  g_assert_cmpstr (trellis_table_get (table, 3, 2), ==, "4");
  /* Row numbers are records, as a spreadsheet shows them, not lines. */
  g_assert_cmpuint (trellis_table_get_sheet_row (table, 2), ==, 3);
  g_assert_cmpstr (trellis_table_get (table, 3, 99), ==, "");
}

static void
test_csv_delimiters (void)
{
  const struct { const char *text; guint row, column; const char *expected; guint columns; } cases[] = {
    { "a;b;c\n1;2,5;3\n", 1, 1, "2,5", 3 },
    { "a\tb\tc\n1\t2\t3\n", 1, 1, "2", 3 },
    { "sep=;\r\na,b;c\r\n1,5;2\r\n", 0, 1, "c", 2 },
    { "\"sep=,\"\na;b,c\n1;2,3\n", 0, 1, "c", 2 },
    { "\"a,1\";\"b;2\";c\n1;2;3\n", 0, 1, "b;2", 3 },
    { "only\none\n", 1, 0, "one", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = read_text (cases[i].text, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (trellis_table_get_n_columns (table), ==, cases[i].columns);
      g_assert_cmpstr (trellis_table_get (table, cases[i].row, cases[i].column), ==, cases[i].expected);
    }
}

static void
test_csv_line_ends (void)
{
  const char *texts[] = { "a,b\r\n1,2\r\n", "a,b\n1,2\n", "a,b\r1,2\r", "a,b\r\n1,2" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = read_text (texts[i], -1, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (trellis_table_get_n_rows (table), ==, 2);
      g_assert_cmpstr (trellis_table_get (table, 1, 1), ==, "2");
    }
}

static void
test_csv_trailing_delimiter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) table = read_text ("a,b,\r\n1,2,\r\n3,4,", -1, &error);

  g_assert_no_error (error);
  for (guint row = 0; row < 3; row++)
    g_assert_cmpuint (trellis_table_get_row_length (table, row), ==, 3);
}

static void
test_csv_encodings (void)
{
  /* "Don’t" with a right single quotation mark, and an é. */
  const char utf8[] = "h1,h2\nDon\xe2\x80\x99t,caf\xc3\xa9\n";
  const char bom[] = "\xef\xbb\xbf\"h1\",h2\nDon\xe2\x80\x99t,caf\xc3\xa9\n";
  const char cp1252[] = "h1;h2\nDon\x92t;caf\xe9\n";
  const char utf16le[] = "\xff\xfeh\0001\0\t\000h\0002\0\n\0D\0o\0n\0\x19\x20t\0\t\0c\0a\0f\0\xe9\0\n\0";
  const char utf16be[] = "\xfe\xff\0h\0001\0,\0h\0002\0\n\0D\0o\0n\x20\x19\0t\0,\0c\0a\0f\0\xe9\0\n";
  const char nobom16[] = "h\0001\0,\0h\0002\0\n\0D\0o\0n\0\x19\x20t\0,\0c\0a\0f\0\xe9\0\n\0";
  struct { const char *bytes; gsize length; } cases[] = {
    { utf8, sizeof utf8 - 1 },
    { bom, sizeof bom - 1 },
    { cp1252, sizeof cp1252 - 1 },
    { utf16le, sizeof utf16le - 1 },
    { utf16be, sizeof utf16be - 1 },
    { nobom16, sizeof nobom16 - 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = read_text (cases[i].bytes, cases[i].length, &error);

      g_assert_no_error (error);
      /* The byte-order mark never reaches the first header, nor do its quotes. */
      g_assert_cmpstr (trellis_table_get (table, 0, 0), ==, "h1");
      g_assert_cmpstr (trellis_table_get (table, 0, 1), ==, "h2");
      g_assert_cmpstr (trellis_table_get (table, 1, 0), ==, "Don\xe2\x80\x99t");
      g_assert_cmpstr (trellis_table_get (table, 1, 1), ==, "caf\xc3\xa9");
    }
}

static void
test_csv_bad (void)
{
  struct { const char *text; gssize length; int code; const char *message; } cases[] = {
    { "", 0, TRELLIS_IMPORT_ERROR_EMPTY, "“test.csv”: the file is empty" },
    { "\xef\xbb\xbf", 3, TRELLIS_IMPORT_ERROR_EMPTY, "“test.csv”: the file is empty" },
    { "a,b\n1,\"2\n3,4\n", -1, TRELLIS_IMPORT_ERROR_CORRUPT,
      "“test.csv”, row 2, column B: a quoted cell is never closed; the file may be cut short" },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT,
      "“test.csv”: this is not a CSV, XLSX or ODS file" },
    { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", 10, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, NULL },
    /* UTF-16 with a lone surrogate, and UTF-8 with bytes Windows-1252 leaves undefined. */
    { "\xff\xfe" "a\0,\0\x00\xd8" "b\0\n\0", 12, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT,
      "“test.csv”: this is not a CSV, XLSX or ODS file" },
    { "a,b\n\x81\x8d\xc3,\x90\n", -1, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = read_text (cases[i].text, cases[i].length, &error);

      g_assert_null (table);
      g_assert_error (error, TRELLIS_IMPORT_ERROR, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* What XML cannot hold never enters a table: control characters, U+FFFE and U+FFFF,
 * in text files and as Excel's _xHHHH_ escapes alike. */
static void
test_unstorable_characters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) table =
    read_text ("a,b,c\r\n\"x\x01y\x7fz\xef\xbf\xbe\xef\xbf\xbd\xef\xbf\xbf!\",\x02,\"tab\tline\nend\"\r\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (trellis_table_get (table, 1, 0), ==, "xy\x7fz\xef\xbf\xbd!");
  g_assert_cmpstr (trellis_table_get (table, 1, 1), ==, "");
  g_assert_cmpstr (trellis_table_get (table, 1, 2), ==, "tab\tline\nend");

  trellis_table_add_cell (table, "_\x1b[31m\xef\xbf\xbe", -1, 0);
  trellis_table_end_row (table, 3);
  g_assert_cmpstr (trellis_table_get (table, 2, 0), ==, "_[31m");
}

/* A column's recent texts are looked for by their first eight bytes and length: texts
 * alike in both ("Partnership 01" … "Partnership 60", Aberdeen City and Aberdeenshire)
 * share where they are looked for first, and each still reads as itself. */
static void
test_csv_texts_alike (void)
{
  g_autoptr(GString) text = g_string_new ("Partnership,Answer,Comment\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) table = NULL;
  guint n_rows = 600;

  for (guint row = 0; row < n_rows; row++)
    {
      if (row % 10 == 3)
        g_string_append (text, row % 20 == 3 ? "Aberdeen City" : "Aberdeenshire");
      else
        g_string_append_printf (text, "Partnership %02u", row % 60);
      g_string_append (text, ",Agree,a comment long enough to read words whole\n");
    }
  table = read_text (text->str, text->len, &error);
  g_assert_no_error (error);
  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *expected = row % 10 == 3 ? g_strdup (row % 20 == 3 ? "Aberdeen City" : "Aberdeenshire")
                                                : g_strdup_printf ("Partnership %02u", row % 60);

      g_assert_cmpstr (trellis_table_get (table, row + 1, 0), ==, expected);
      g_assert_cmpstr (trellis_table_get (table, row + 1, 1), ==, "Agree");
    }
  /* 54 partnerships (those ending in 3 are never written) and the two Aberdeens, with "". */
  g_assert_cmpuint (trellis_table_get_n_values (table, 0), ==, 1 + 1 + 54 + 2);
}

static guint
filled_by_values (TrellisTable *table,
                  guint         column,
                  guint         first_row)
{
  guint n_values = trellis_table_get_n_values (table, column), filled = 0;
  g_autofree guint *counts = g_new0 (guint, MAX (n_values, 1));

  trellis_table_count_values (table, column, first_row, counts);
  for (guint v = 0; v < n_values; v++)
    if (*trellis_table_get_value (table, column, v) != '\0')
      filled += counts[v];
  return filled;
}

/* Counting a column's filled cells sixteen codes at a time agrees with counting each
 * value: empty and quoted-empty cells, rows too short to reach the column, a column of
 * over 255 texts (four-byte codes), and more rows than a byte lane can count. */
static void
test_count_filled (void)
{
  g_autoptr(TrellisTable) table = trellis_table_new (TRELLIS_TABLE_FORMAT_CSV);
  guint n_rows = 9000;

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *distinct = g_strdup_printf ("text %u", row % 400);

      trellis_table_add_cell (table, row % 3 == 0 ? "Agree" : "", -1, 0);
      trellis_table_add_cell (table, row % 5 == 0 ? "" : "x", -1, row % 7 == 0 ? TRELLIS_CELL_QUOTED : 0);
      trellis_table_add_cell (table, row % 11 == 0 ? "" : distinct, -1, 0);
      /* Every thirteenth row stops short of the last column. */
      if (row % 13 != 0)
        trellis_table_add_cell (table, row < 5000 ? "" : "late", -1, 0);
      trellis_table_end_row (table, row + 1);
    }
  for (guint column = 0; column < 5; column++)
    for (guint first_row = 0; first_row < 40; first_row += 13)
      g_assert_cmpuint (trellis_table_count_filled (table, column, first_row), ==,
                        filled_by_values (table, column, first_row));
  g_assert_cmpuint (trellis_table_count_filled (table, 0, 0), ==, 3000);
  g_assert_cmpuint (trellis_table_count_filled (table, 1, 0), ==, n_rows - n_rows / 5);
  g_assert_cmpuint (trellis_table_count_filled (table, 0, n_rows), ==, 0);
}

/* A column where most texts differ stops looking its texts up, and then checks them
 * for what a project file cannot hold sixteen bytes at a time: a character anywhere in
 * a block, across two blocks (U+FFFE's three bytes), or in the last bytes, is dropped as
 * before; line breaks and tabs are kept. */
static void
test_unstorable_in_unique_column (void)
{
  static const struct { const char *text, *stored; } cases[] = {
    { "\x01 at the very start of a comment", " at the very start of a comment" },
    { "fifteen bytes..\x02 then more text", "fifteen bytes.. then more text" },
    { "fourteen bytes\xef\xbf\xbe across two blocks", "fourteen bytes across two blocks" },
    { "line\nbreaks\r\nand\ttabs are kept, even in a long text", "line\nbreaks\r\nand\ttabs are kept, even in a long text" },
    { "a long text that ends in a control character\x1b", "a long text that ends in a control character" },
    { "\xef\xbf\xbd is a replacement character, kept; \xef\xbf\xbf is not", "\xef\xbf\xbd is a replacement character, kept;  is not" },
  };
  g_autoptr(TrellisTable) table = trellis_table_new (TRELLIS_TABLE_FORMAT_CSV);
  guint n_distinct = 5000;

  for (guint row = 0; row < n_distinct; row++)
    {
      g_autofree char *text = g_strdup_printf ("comment number %u, unlike any other", row);

      trellis_table_add_cell (table, text, -1, 0);
      trellis_table_end_row (table, row + 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      trellis_table_add_cell (table, cases[i].text, -1, 0);
      trellis_table_end_row (table, n_distinct + i + 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (trellis_table_get (table, n_distinct + i, 0), ==, cases[i].stored);
  g_assert_cmpstr (trellis_table_get (table, 17, 0), ==, "comment number 17, unlike any other");
}

/* A file far larger than the old 64 MB cap is read, a piece at a time, from disk: one
 * comment of 65 MB runs across seventeen pieces. */
static void
test_csv_larger_than_old_cap (void)
{
  gsize comment_size = 65 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (comment_size + 64);
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) table = NULL;

  g_string_append (text, "Statement,Comments\r\nAgree,\"");
  g_string_set_size (text, text->len + comment_size);
  memset (text->str + text->len - comment_size, 'a', comment_size);
  g_string_append (text, "\"\r\n");
  file = g_file_new_tmp ("trellis-large-XXXXXX.csv", &io, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (file, text->str, text->len, NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  table = trellis_table_read_file (file, "large.csv", TRELLIS_TABLE_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (trellis_table_get (table, 1, 0), ==, "Agree");
  g_assert_cmpuint (strlen (trellis_table_get (table, 1, 1)), ==, comment_size);
  g_file_delete (file, NULL, NULL);
}

static void
assert_same_tables (TrellisTable *expected,
                    TrellisTable *table)
{
  g_assert_cmpuint (trellis_table_get_n_rows (table), ==, trellis_table_get_n_rows (expected));
  g_assert_cmpuint (trellis_table_get_n_columns (table), ==, trellis_table_get_n_columns (expected));
  for (guint row = 0; row < trellis_table_get_n_rows (expected); row++)
    {
      g_assert_cmpuint (trellis_table_get_row_length (table, row), ==, trellis_table_get_row_length (expected, row));
      g_assert_cmpuint (trellis_table_get_sheet_row (table, row), ==, trellis_table_get_sheet_row (expected, row));
      for (guint column = 0; column < trellis_table_get_row_length (expected, row); column++)
        {
          g_assert_cmpstr (trellis_table_get (table, row, column), ==, trellis_table_get (expected, row, column));
          g_assert_cmpuint (trellis_table_get_flags (table, row, column), ==,
                            trellis_table_get_flags (expected, row, column));
        }
    }
}

/* Read a piece at a time, a record split anywhere (inside a quoted field, between the
 * quotes of "", between CR and LF, inside a UTF-8 character, after a final delimiter)
 * reads as the whole text does. */
static void
test_csv_read_in_pieces (void)
{
  static const char * const texts[] = {
    "\xef\xbb\xbfsep=;\r\nA;\"B\";C\r\n\"x\"\"y\";\"line\r\nbreak\";\xc3\xa9t\xc3\xa9\r\n\"\";;\"q\"tail\r",
    "Statement,Comments\nAgree,\"one, two\"\r\nDisagree,\"a \"\"b\"\"\"\n\"\xe2\x80\x9c\xe2\x80\x9d\",x,",
    "a,b\rc,d\r\ne,f\n\ng,\"\"",
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      gsize length = strlen (texts[t]);
      g_autoptr(TrellisTable) expected = read_text (texts[t], length, NULL);

      g_assert_nonnull (expected);
      for (gsize piece = 1; piece <= 3; piece++)
        for (gsize split = 0; split <= length; split++)
          {
            g_autoptr(GBytes) head = g_bytes_new (texts[t], split);
            g_autoptr(GInputStream) rest = g_memory_input_stream_new_from_data (texts[t] + split, length - split, NULL);
            g_autoptr(GError) error = NULL;
            g_autoptr(TrellisTable) table = NULL;
            gboolean not_utf8;

            _trellis_table_set_stream_piece_size (piece);
            table = _trellis_table_read_csv_stream (rest, head, "pieces.csv", 0, NULL, &not_utf8, &error);
            g_assert_no_error (error);
            g_assert_false (not_utf8);
            assert_same_tables (expected, table);
          }
    }
  _trellis_table_set_stream_piece_size (0);
}

/* Long rows of short answers, as most of an export is: the reader takes runs of them in
 * one go (_trellis_table_add_plain_cells()), which must stop where the text at hand
 * ends, at a quoted cell, at a line break, and read exactly what one cell at a time
 * reads, wherever the text is cut. */
static void
test_csv_plain_runs_in_pieces (void)
{
  static const char * const answers[] = {
    "Agree", "Strongly disagree", "", "Don't know", "Neither agree nor disagree", "3",
    "Strongly agree", "An answer longer than thirty-two bytes",
  };
  g_autoptr(GString) text = g_string_new ("Timestamp");
  g_autoptr(TrellisTable) expected = NULL;

  for (guint column = 0; column < 24; column++)
    g_string_append_printf (text, ",Q%u", column);
  g_string_append (text, "\r\n");
  for (guint row = 0; row < 8; row++)
    {
      g_string_append_printf (text, "2026-09-%02u", row + 1);
      for (guint column = 0; column < 24; column++)
        {
          if ((row + column) % 11 == 5)
            g_string_append (text, ",\"quoted, as some are\"");
          else
            g_string_append_printf (text, ",%s", answers[(row * 7 + column * 3) % G_N_ELEMENTS (answers)]);
        }
      /* Short rows and a row ending in a delimiter, then LF or CRLF. */
      g_string_append (text, row % 3 == 2 ? ",\n" : "\r\n");
    }
  expected = read_text (text->str, text->len, NULL);
  g_assert_nonnull (expected);
  g_assert_cmpuint (trellis_table_get_n_rows (expected), ==, 9);
  g_assert_cmpstr (trellis_table_get (expected, 1, 2), ==, answers[3]);
  g_assert_cmpstr (trellis_table_get (expected, 1, 6), ==, "quoted, as some are");

  for (gsize piece = 1; piece <= 64; piece = piece * 4 + 1)
    for (gsize split = 0; split <= text->len; split += 3)
      {
        g_autoptr(GBytes) head = g_bytes_new (text->str, split);
        g_autoptr(GInputStream) rest = g_memory_input_stream_new_from_data (text->str + split, text->len - split, NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(TrellisTable) table = NULL;
        gboolean not_utf8;

        _trellis_table_set_stream_piece_size (piece);
        table = _trellis_table_read_csv_stream (rest, head, "runs.csv", 0, NULL, &not_utf8, &error);
        g_assert_no_error (error);
        assert_same_tables (expected, table);
      }
  _trellis_table_set_stream_piece_size (0);
}

/* An export as a survey tool writes one, in every way that makes splitting it hard:
 * answers, a column of over 255 distinct texts (its codes widen), one of texts that all
 * differ, quoted comments holding line breaks, "" and commas, a quote inside an
 * unquoted cell (which fools counting quotes), short rows, blank lines, CRLF and LF. */
static GString *
awkward_export (guint n_rows)
{
  static const char * const answers[] = { "Agree", "Strongly disagree", "", "Don't know", "3" };
  GString *text = g_string_new ("Timestamp,Partnership,Q1,Q2,Q3,Comments\r\n");

  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append_printf (text, "2026-09-%02u %02u:%02u:%02u,P%u,%s,%s,%s", 1 + row % 28, row / 3600 % 24,
                              row / 60 % 60, row % 60, row * 7 % 400, answers[row % 5], answers[row * 3 % 5],
                              row % 97 == 0 ? "5\" pipe" : answers[row / 2 % 5]);
      if (row % 4 == 0)
        g_string_append_printf (text, ",\"Line one, %u\r\nsaid \"\"so\"\"\n\nend\"", row);
      else if (row % 11 == 0)
        g_string_append (text, ",plain");
      g_string_append (text, row % 3 == 0 ? "\n" : "\r\n");
      if (row % 50 == 0)
        g_string_append (text, "\r\n");
    }
  return text;
}

static TrellisTable *
read_stream (const char  *text,
             gsize        length,
             GError     **error)
{
  g_autoptr(GBytes) head = g_bytes_new (text, MIN (length, 16));
  g_autoptr(GInputStream) rest = g_memory_input_stream_new_from_data (text + MIN (length, 16), length - MIN (length, 16), NULL);
  gboolean not_utf8 = FALSE;
  TrellisTable *table = _trellis_table_read_csv_stream (rest, head, "two.csv", 0, NULL, &not_utf8, error);

  g_assert_false (not_utf8);
  return table;
}

/* Read by two threads, each half of a piece into its own table joined after, a file
 * reads exactly as one thread reads it, wherever the halves meet, whole or a piece at a
 * time; a wrong guess of where a record starts costs time, not cells. */
static void
test_csv_read_in_two (void)
{
  static const gsize minimums[] = { 1, 200, 5000 };
  static const gsize pieces[] = { 0, 999, 4096, 65536 };
  g_autoptr(GString) text = awkward_export (6000);
  g_autoptr(TrellisTable) expected = NULL;
  g_autoptr(GError) error = NULL;

  _trellis_table_set_two_threads_minimum (G_MAXSIZE);
  expected = read_text (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_table_get_n_rows (expected), ==, 6001 + 6000 / 50);
  g_assert_cmpuint (trellis_table_get_n_values (expected, 1), ==, 402);

  for (guint m = 0; m < G_N_ELEMENTS (minimums); m++)
    {
      g_autoptr(TrellisTable) whole = NULL;

      _trellis_table_set_two_threads_minimum (minimums[m]);
      whole = read_text (text->str, text->len, &error);
      g_assert_no_error (error);
      assert_same_tables (expected, whole);
      g_assert_cmpuint (trellis_table_get_n_values (whole, 1), ==, 402);
      for (guint p = 0; p < G_N_ELEMENTS (pieces); p++)
        {
          g_autoptr(TrellisTable) table = NULL;

          _trellis_table_set_stream_piece_size (pieces[p]);
          table = read_stream (text->str, text->len, &error);
          g_assert_no_error (error);
          assert_same_tables (expected, table);
        }
    }
  _trellis_table_set_stream_piece_size (0);
  _trellis_table_set_two_threads_minimum (0);
}

/* Bytes that are not UTF-8 in a piece read ahead, while a second thread reads the one
 * before, still send the file to be read whole, as one thread reading it would. */
static void
test_csv_in_two_not_utf8 (void)
{
  static const gsize pieces[] = { 999, 4096, 65536 };
  g_autoptr(GString) text = awkward_export (3000);

  g_string_append (text, "Agree,caf\xe9\r\n");
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "Agree,Agree\r\n");
  for (guint two = 0; two < 2; two++)
    for (guint p = 0; p < G_N_ELEMENTS (pieces); p++)
      {
        g_autoptr(GBytes) head = g_bytes_new (text->str, 16);
        g_autoptr(GInputStream) rest = g_memory_input_stream_new_from_data (text->str + 16, text->len - 16, NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(TrellisTable) table = NULL;
        gboolean not_utf8 = FALSE;

        _trellis_table_set_two_threads_minimum (two ? 1 : G_MAXSIZE);
        _trellis_table_set_stream_piece_size (pieces[p]);
        table = _trellis_table_read_csv_stream (rest, head, "late.csv", 0, NULL, &not_utf8, &error);
        g_assert_null (table);
        g_assert_no_error (error);
        g_assert_true (not_utf8);
      }
  _trellis_table_set_stream_piece_size (0);
  _trellis_table_set_two_threads_minimum (0);
}

/* Text checked 64 bytes at a time stops at the end of what was read, whichever way the
 * clean bytes fall against it. */
static void
test_csv_clean_runs (void)
{
  for (gsize run = 60; run <= 200; run++)
    {
      g_autoptr(GString) text = g_string_new ("A,B\r\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = NULL;

      for (gsize i = 0; i < run; i++)
        g_string_append_c (text, i == run / 2 ? ',' : 'x');
      for (gsize piece = 60; piece <= 140; piece += 16)
        {
          g_clear_pointer (&table, trellis_table_unref);
          _trellis_table_set_stream_piece_size (piece);
          table = read_stream (text->str, text->len, &error);
          g_assert_no_error (error);
          g_assert_nonnull (table);
          g_assert_cmpuint (trellis_table_get_n_rows (table), ==, 2);
          g_assert_cmpuint (strlen (trellis_table_get (table, 1, 0)) + strlen (trellis_table_get (table, 1, 1)), ==, run - 1);
        }
    }
  _trellis_table_set_stream_piece_size (0);
}

/* What is wrong in the second half is found as one thread finds it: the same message,
 * naming the same row. */
static void
test_csv_in_two_refuses (void)
{
  static const char * const tails[] = {
    "Agree,\"never closed\r\n",
    NULL,
  };

  for (guint t = 0; t < G_N_ELEMENTS (tails); t++)
    {
      g_autoptr(GString) text = awkward_export (3000);
      g_autoptr(GError) one_error = NULL;
      g_autoptr(GError) two_error = NULL;
      g_autoptr(TrellisTable) one = NULL;
      g_autoptr(TrellisTable) two = NULL;

      if (tails[t] != NULL)
        g_string_append (text, tails[t]);
      else
        {
          /* A row far wider than any survey's. */
          for (guint i = 0; i < 20000; i++)
            g_string_append (text, "x,");
          g_string_append (text, "\r\n");
        }
      for (guint i = 0; i < 40; i++)
        g_string_append (text, "Agree,Agree\r\n");
      _trellis_table_set_two_threads_minimum (G_MAXSIZE);
      one = read_stream (text->str, text->len, &one_error);
      _trellis_table_set_two_threads_minimum (1);
      two = read_stream (text->str, text->len, &two_error);
      g_assert_null (one);
      g_assert_null (two);
      g_assert_nonnull (one_error);
      g_assert_error (two_error, one_error->domain, one_error->code);
      g_assert_cmpstr (two_error->message, ==, one_error->message);
    }
  _trellis_table_set_two_threads_minimum (0);
}

/* Read in pieces, bad text is refused as it is read whole: a quoted cell cut short, a
 * NUL, or bytes that are not UTF-8 in a later piece (the caller then reads it whole). */
static void
test_csv_stream_refuses (void)
{
  static const struct { const char *text; gsize length; int code; gboolean not_utf8; } cases[] = {
    { "A,B\r\nx,\"never closed\r\n", 22, TRELLIS_IMPORT_ERROR_CORRUPT, FALSE },
    { "A,B\r\nx,y\0z\r\n", 12, -1, TRUE },
    { "A,B\r\nAgree,ok\r\nAgree,caf\xe9\r\n", 27, -1, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) head = g_bytes_new (cases[i].text, 4);
      g_autoptr(GInputStream) rest = g_memory_input_stream_new_from_data (cases[i].text + 4, cases[i].length - 4, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = NULL;
      gboolean not_utf8;

      _trellis_table_set_stream_piece_size (3);
      table = _trellis_table_read_csv_stream (rest, head, "bad.csv", 0, NULL, &not_utf8, &error);
      g_assert_null (table);
      g_assert_cmpint (not_utf8, ==, cases[i].not_utf8);
      if (cases[i].code >= 0)
        g_assert_error (error, TRELLIS_IMPORT_ERROR, cases[i].code);
      else
        g_assert_no_error (error);
    }
  _trellis_table_set_stream_piece_size (0);
}

/* Windows-1252 found part-way through a file read in pieces: the file is read again,
 * converted as it is read (see encodings-streamed). */
static void
test_csv_stream_falls_back (void)
{
  const char text[] = "Statement,Comments\r\nAgree,caf\xe9\r\n";
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("trellis-1252-XXXXXX.csv", &io, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) table = NULL;

  g_assert_true (g_file_replace_contents (file, text, sizeof text - 1, NULL, FALSE, 0, NULL, NULL, &error));
  table = trellis_table_read_file (file, "1252.csv", TRELLIS_TABLE_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_table_get (table, 1, 1), ==, "caf\xc3\xa9");
  g_file_delete (file, NULL, NULL);
}

/* A text file read from disk in pieces, converted as it is read when it is not UTF-8,
 * reads as the same bytes read whole; an error is the same error. */
static void
assert_file_reads_as_bytes (const char *bytes,
                            gsize       length)
{
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("trellis-encoded-XXXXXX.csv", &io, NULL);
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(TrellisTable) expected = read_text (bytes, length, &expected_error);
  static const gsize pieces[] = { 1, 3, 7, 0 };

  g_assert_true (g_file_replace_contents (file, bytes, length, NULL, FALSE, 0, NULL, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = NULL;

      _trellis_table_set_stream_piece_size (pieces[i]);
      table = trellis_table_read_file (file, "test.csv", TRELLIS_TABLE_FORMAT_AUTO, NULL, &error);
      if (expected == NULL)
        {
          g_assert_null (table);
          g_assert_error (error, TRELLIS_IMPORT_ERROR, expected_error->code);
          g_assert_cmpstr (error->message, ==, expected_error->message);
        }
      else
        {
          g_assert_no_error (error);
          assert_same_tables (expected, table);
        }
    }
  _trellis_table_set_stream_piece_size (0);
  g_file_delete (file, NULL, NULL);
}

/* Windows-1252 and UTF-16 (with and without a byte-order mark, either byte order) are
 * converted a piece at a time, never read whole: characters cut between pieces, a UTF-8
 * mark before Windows-1252, and what is not text (a character Windows-1252 leaves
 * undefined, a lone surrogate, an odd last byte, a NUL) as read whole. */
#define ENCODED(text) { text, sizeof (text) - 1 }

static void
test_csv_encodings_streamed (void)
{
  g_autoptr(GString) long_1252 = g_string_new ("Statement;Comments\r\n");
  g_autoptr(GString) long_utf16 = g_string_new_len ("\xff\xfe", 2);
  const struct { const char *bytes; gsize length; } cases[] = {
    ENCODED ("h1;h2\nDon\x92t;caf\xe9\n"),
    ENCODED ("\xef\xbb\xbfh1,h2\nna\xefve,x\n"),
    ENCODED ("\xff\xfeh\0001\0\t\000h\0002\0\n\0D\0o\0n\0\x19\x20t\0\t\0c\0a\0f\0\xe9\0\n\0"),
    ENCODED ("\xfe\xff\0h\0001\0,\0h\0002\0\n\0D\0o\0n\x20\x19\0t\0,\0c\0a\0f\0\xe9\0\n"),
    ENCODED ("h\0001\0,\0h\0002\0\n\0D\0o\0n\0\x19\x20t\0,\0c\0a\0f\0\xe9\0\n\0"),
    /* Not text: */
    ENCODED ("a,b\n\x81\x8d\xc3,\x90\n"),
    ENCODED ("\xff\xfe" "a\0,\0\x00\xd8" "b\0\n\0"),
    ENCODED ("\xff\xfe" "a\0,\0b\0\n\0c"),
    ENCODED ("a,b\n\xe9,\0\n"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_file_reads_as_bytes (cases[i].bytes, cases[i].length);

  /* Longer texts, so that characters fall across pieces of every size. */
  for (guint row = 0; row < 40; row++)
    g_string_append_printf (long_1252, "Agree;\"Caf\xe9 \x93%u\x94, \x80%u\"\r\n", row, row * 7);
  assert_file_reads_as_bytes (long_1252->str, long_1252->len);
  for (guint row = 0; row < 40; row++)
    {
      g_autofree char *utf8 = g_strdup_printf ("Agree,\"Caf\xc3\xa9 \xe2\x80\x9c%u\xe2\x80\x9d \xf0\x9f\x98\x80\"\n", row);
      gsize n = 0;
      g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &n, NULL);

      g_string_append_len (long_utf16, utf16, n);
    }
  assert_file_reads_as_bytes (long_utf16->str, long_utf16->len);
}

/* Each column keeps its distinct cells once: the same text is the same pointer, and
 * counts come from the codes. */
static void
test_distinct_values (void)
{
  g_autoptr(TrellisTable) table = read_text ("Q1,Q2\nAgree,\"\"\nAgree,\nDisagree,x\nAgree\n", -1, NULL);
  guint counts[8];

  g_assert_true (trellis_table_get (table, 1, 0) == trellis_table_get (table, 2, 0));
  g_assert_true (trellis_table_get (table, 1, 0) == trellis_table_get (table, 4, 0));
  g_assert_cmpuint (trellis_table_get_n_values (table, 0), ==, 4);  /* "", Q1, Agree, Disagree */
  /* "" quoted and "" unquoted stay apart, as LimeSurvey means them. */
  g_assert_cmpuint (trellis_table_get_value_index (table, 1, 1), !=, trellis_table_get_value_index (table, 2, 1));
  g_assert_cmpuint (trellis_table_get_value_index (table, 4, 1), ==, 0);
  trellis_table_count_values (table, 0, 1, counts);
  g_assert_cmpuint (counts[trellis_table_get_value_index (table, 1, 0)], ==, 3);
  g_assert_cmpuint (counts[trellis_table_get_value_index (table, 3, 0)], ==, 1);
  g_assert_cmpstr (trellis_table_get_value (table, 0, trellis_table_get_value_index (table, 3, 0)), ==, "Disagree");
}

/* Past 255 distinct cells a column's codes widen; every cell still reads back. */
static void
test_many_values (void)
{
  g_autoptr(TrellisTable) table = trellis_table_new (TRELLIS_TABLE_FORMAT_CSV);

  for (guint row = 0; row < 1000; row++)
    {
      g_autofree char *text = g_strdup_printf ("comment %u", row);

      trellis_table_add_cell (table, "Agree", -1, 0);
      trellis_table_add_cell (table, text, -1, 0);
      trellis_table_end_row (table, row + 1);
    }
  for (guint row = 0; row < 1000; row++)
    {
      g_autofree char *text = g_strdup_printf ("comment %u", row);

      g_assert_cmpstr (trellis_table_get (table, row, 1), ==, text);
      g_assert_cmpstr (trellis_table_get (table, row, 0), ==, "Agree");
    }
  g_assert_cmpuint (trellis_table_get_n_values (table, 1), ==, 1001);
}

static void
test_csv_too_wide (void)
{
  g_autoptr(GString) text = g_string_new ("x");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) table = NULL;

  for (guint i = 0; i < TRELLIS_TABLE_MAX_COLUMNS + 1; i++)
    g_string_append (text, ",x");
  table = read_text (text->str, text->len, &error);
  g_assert_null (table);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_TOO_LARGE);
}

static void
test_column_names (void)
{
  const struct { guint column; const char *name; } cases[] = {
    { 0, "A" }, { 5, "F" }, { 25, "Z" }, { 26, "AA" }, { 51, "AZ" }, { 52, "BA" },
    { 701, "ZZ" }, { 702, "AAA" }, { 16383, "XFD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = trellis_table_column_name (cases[i].column);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/*****/

static void
test_xlsx_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) table = read_fixture ("microsoft-forms.xlsx", &error);
  guint comment_column = 0;

  g_assert_no_error (error);
  g_assert_cmpint (trellis_table_get_format (table), ==, TRELLIS_TABLE_FORMAT_XLSX);
  g_assert_cmpuint (trellis_table_get_n_rows (table), ==, 16);
  g_assert_cmpstr (trellis_table_get (table, 0, 0), ==, "ID");
  /* A number, a date cell (styled with a custom date format), an empty cell left out. */
  g_assert_cmpstr (trellis_table_get (table, 1, 0), ==, "1");
  g_assert_true (trellis_table_get_flags (table, 1, 0) & TRELLIS_CELL_NUMBER);
  g_assert_true (trellis_table_get_flags (table, 1, 1) & TRELLIS_CELL_DATE);
  g_assert_cmpstr (trellis_table_get (table, 1, 1), ==, "2026-09-14 09:13:00");
  g_assert_cmpstr (trellis_table_get (table, 1, 5), ==, "");
  g_assert_cmpstr (trellis_table_get (table, 1, 7), ==, "Strongly agree");

  /* _x000D_ before a line break is Excel's escape of CR: the text has one \n. */
  for (guint c = 0; c < trellis_table_get_n_columns (table); c++)
    for (guint row = 1; row < trellis_table_get_n_rows (table); row++)
      if (g_str_has_prefix (trellis_table_get (table, row, c), "Line one"))
        comment_column = c;
  g_assert_cmpuint (comment_column, >, 0);
  for (guint row = 1; row < trellis_table_get_n_rows (table); row++)
    {
      const char *text = trellis_table_get (table, row, comment_column);
      g_assert_null (strstr (text, "_x000D_"));
      g_assert_null (strchr (text, '\r'));
      if (g_str_has_prefix (text, "Line one"))
        g_assert_cmpstr (text, ==, "Line one of my comment\nand line two, after a break.");
    }
}

static void
test_xlsx_written_by_libreoffice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) ours = read_fixture ("microsoft-forms.xlsx", &error);
  g_autoptr(TrellisTable) theirs = read_fixture ("microsoft-forms-libreoffice.xlsx", &error);
  g_autoptr(TrellisTable) ods = read_fixture ("microsoft-forms-libreoffice.ods", &error);

  g_assert_no_error (error);
  /* LibreOffice writes every cell again its own way; the text must come out the same. */
  g_assert_cmpuint (trellis_table_get_n_rows (theirs), ==, trellis_table_get_n_rows (ours));
  g_assert_cmpuint (trellis_table_get_n_rows (ods), ==, trellis_table_get_n_rows (ours));
  for (guint row = 0; row < trellis_table_get_n_rows (ours); row++)
    for (guint c = 0; c < trellis_table_get_n_columns (ours); c++)
      {
        if (trellis_table_get_flags (ours, row, c) & TRELLIS_CELL_DATE)
          {
            g_assert_true (trellis_table_get_flags (theirs, row, c) & TRELLIS_CELL_DATE);
            g_assert_true (trellis_table_get_flags (ods, row, c) & TRELLIS_CELL_DATE);
            continue;
          }
        g_assert_cmpstr (trellis_table_get (theirs, row, c), ==, trellis_table_get (ours, row, c));
        g_assert_cmpstr (trellis_table_get (ods, row, c), ==, trellis_table_get (ours, row, c));
      }
}

static void
test_ods_repeats (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) ods = read_fixture ("generic.ods", &error);
  g_autoptr(TrellisTable) csv = read_fixture ("generic-bom.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (trellis_table_get_format (ods), ==, TRELLIS_TABLE_FORMAT_ODS);
  /* A million repeated empty rows and a thousand repeated empty cells are not expanded. */
  g_assert_cmpuint (trellis_table_get_n_rows (ods), ==, trellis_table_get_n_rows (csv));
  g_assert_cmpuint (trellis_table_get_n_columns (ods), <=, trellis_table_get_n_columns (csv));
  for (guint row = 0; row < trellis_table_get_n_rows (csv); row++)
    for (guint c = 0; c < trellis_table_get_n_columns (csv); c++)
      g_assert_cmpstr (trellis_table_get (ods, row, c), ==, trellis_table_get (csv, row, c));
}

static void
test_zipped_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) zipped = read_fixture ("google-forms.zip", &error);
  g_autoptr(TrellisTable) plain = read_fixture ("google-forms.csv", &error);

  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "google-forms.zip", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrellisTable) streamed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) cut = NULL;
  g_autoptr(TrellisTable) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (trellis_table_get_n_rows (zipped), ==, trellis_table_get_n_rows (plain));
  g_assert_cmpstr (trellis_table_get (zipped, 3, 5), ==, trellis_table_get (plain, 3, 5));

  /* From disk the CSV is read as it is inflated: the same table. */
  streamed = trellis_table_read_file (file, "google-forms.zip", TRELLIS_TABLE_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  assert_same_tables (plain, streamed);

  /* Cut short, it is refused with an error, not read in part. */
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  cut = g_file_new_tmp ("trellis-cut-XXXXXX.zip", &io, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (cut, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) * 2 / 3,
                                          NULL, FALSE, 0, NULL, NULL, &error));
  none = trellis_table_read_file (cut, "cut.zip", TRELLIS_TABLE_FORMAT_AUTO, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CORRUPT);
  g_file_delete (cut, NULL, NULL);
}

static void
test_hostile_spreadsheets (void)
{
  const struct { const char *name; int code; const char *message; } cases[] = {
    { "truncated.xlsx", TRELLIS_IMPORT_ERROR_CORRUPT, NULL },
    { "corrupt.xlsx", TRELLIS_IMPORT_ERROR_CORRUPT, NULL },
    { "zip-bomb.xlsx", TRELLIS_IMPORT_ERROR_TOO_LARGE,
      "“zip-bomb.xlsx”: the file unpacks to more than 256 MB, over 100 times its own size, which no survey export does; it may be built to fill memory" },
    { "entities.xlsx", TRELLIS_IMPORT_ERROR_FORBIDDEN,
      "“entities.xlsx”: its part “xl/sharedStrings.xml” declares a DTD or entities, which no spreadsheet program writes; it was not read" },
    { "xxe.xlsx", TRELLIS_IMPORT_ERROR_FORBIDDEN, NULL },
    { "empty-part.xlsx", TRELLIS_IMPORT_ERROR_CORRUPT, NULL },
    { "wrong-encoding.xlsx", TRELLIS_IMPORT_ERROR_CORRUPT,
      "“wrong-encoding.xlsx”: the file is damaged: its part “xl/worksheets/sheet1.xml” is not in UTF-8, as spreadsheet programs write" },
    { "old-excel.xls", TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT,
      "“old-excel.xls”: this is an old Excel (.xls) file; save it as .xlsx or CSV and import that" },
    { "binary.csv", TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, "“binary.csv”: this is not a CSV, XLSX or ODS file" },
    { "empty.csv", TRELLIS_IMPORT_ERROR_EMPTY, "“empty.csv”: the file is empty" },
    { "zip-links.xlsx", TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT,
      "“zip-links.xlsx”: the ZIP file holds no spreadsheet or CSV file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = read_fixture (cases[i].name, &error);

      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "(no error)");
      g_assert_null (table);
      g_assert_error (error, TRELLIS_IMPORT_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "“"));
      g_assert_nonnull (strstr (error->message, cases[i].name));
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Every prefix of a workbook is a truncated download: each is refused, except a cut in
 * the closing directory after every part arrived whole, which reads as the whole file. */
static void
test_xlsx_every_truncation (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "microsoft-forms.xlsx", NULL);
  g_autofree char *data = NULL;
  g_autoptr(TrellisTable) full = read_fixture ("microsoft-forms.xlsx", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize cut = 0; cut < length; cut += 97)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = trellis_table_read_bytes (bytes, "cut.xlsx", TRELLIS_TABLE_FORMAT_XLSX, &error);

      if (table != NULL)
        {
          g_assert_cmpuint (cut, >, length * 9 / 10);
          g_assert_cmpuint (trellis_table_get_n_rows (table), ==, 16);
          g_assert_cmpstr (trellis_table_get (table, 15, 7), ==, trellis_table_get (full, 15, 7));
          continue;
        }
      if (cut < 4)
        g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT);
      else
        g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CORRUPT);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/csv/quoting", test_csv_quoting);
  g_test_add_func ("/table/csv/delimiters", test_csv_delimiters);
  g_test_add_func ("/table/csv/line-ends", test_csv_line_ends);
  g_test_add_func ("/table/csv/trailing-delimiter", test_csv_trailing_delimiter);
  g_test_add_func ("/table/csv/encodings", test_csv_encodings);
  g_test_add_func ("/table/csv/bad", test_csv_bad);
  g_test_add_func ("/table/csv/larger-than-old-cap", test_csv_larger_than_old_cap);
  g_test_add_func ("/table/csv/read-in-pieces", test_csv_read_in_pieces);
  g_test_add_func ("/table/csv/plain-runs-in-pieces", test_csv_plain_runs_in_pieces);
  g_test_add_func ("/table/csv/stream-falls-back", test_csv_stream_falls_back);
  g_test_add_func ("/table/csv/encodings-streamed", test_csv_encodings_streamed);
  g_test_add_func ("/table/csv/stream-refuses", test_csv_stream_refuses);
  g_test_add_func ("/table/csv/read-in-two", test_csv_read_in_two);
  g_test_add_func ("/table/csv/in-two-refuses", test_csv_in_two_refuses);
  g_test_add_func ("/table/csv/clean-runs", test_csv_clean_runs);
  g_test_add_func ("/table/csv/in-two-not-utf8", test_csv_in_two_not_utf8);
  g_test_add_func ("/table/distinct-values", test_distinct_values);
  g_test_add_func ("/table/many-values", test_many_values);
  g_test_add_func ("/table/count-filled", test_count_filled);
  g_test_add_func ("/table/csv/texts-alike", test_csv_texts_alike);
  g_test_add_func ("/table/unstorable-characters", test_unstorable_characters);
  g_test_add_func ("/table/unstorable-in-unique-column", test_unstorable_in_unique_column);
  g_test_add_func ("/table/csv/too-wide", test_csv_too_wide);
  g_test_add_func ("/table/column-names", test_column_names);
  g_test_add_func ("/table/xlsx/cells", test_xlsx_cells);
  g_test_add_func ("/table/xlsx/libreoffice", test_xlsx_written_by_libreoffice);
  g_test_add_func ("/table/ods/repeats", test_ods_repeats);
  g_test_add_func ("/table/zipped-csv", test_zipped_csv);
  g_test_add_func ("/table/hostile", test_hostile_spreadsheets);
  g_test_add_func ("/table/xlsx/every-truncation", test_xlsx_every_truncation);

  return g_test_run ();
}
