/* test-hostile.c: files built to hurt the importer and the project loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is a small input that once made Trellis hang, fill memory or store what it
 * must not. The meson timeout is the check for the ones that hung.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-import-common.h"
#include "trellis-model.h"
#include "trellis-import.h"
#include "trellis-import-private.h"
#include "trellis-project-io.h"
#include "trellis-table-reader.h"
#include "trellis-table-zip.h"
#include "trellis-template.h"

#define PROJECT_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<trellis-project xmlns=\"https://trellisapp.org/ns/project\" format-version=\"1.0\">"
#define AGREEMENT "<scale id=\"agreement\" points=\"5\"/>"

static char *
repeat (const char *text,
        guint       times)
{
  GString *out = g_string_sized_new (strlen (text) * times);

  for (guint i = 0; i < times; i++)
    g_string_append (out, text);
  return g_string_free (out, FALSE);
}

static TrellisProject *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return trellis_project_load_bytes (bytes, "hostile.trellis", error);
}

/* A project of @n elements @open, a counter and @close, inside @before … @after. */
static char *
project_of (const char *before,
            const char *open,
            const char *close,
            guint       n,
            const char *after)
{
  GString *text = g_string_new (PROJECT_HEAD);

  g_string_append (text, before);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%u%s", open, i, close);
  g_string_append (text, after);
  g_string_append (text, "</trellis-project>");
  return g_string_free (text, FALSE);
}

#define SHEET_HEAD "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define SHEET_TAIL "</sheetData></worksheet>"
#define ODS_HEAD "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet><table:table>"
#define ODS_TAIL "</table:table></office:spreadsheet></office:body></office:document-content>"

/* Reads an XLSX worksheet, or an ODS content.xml, given as text, past the ZIP layer. */
static TrellisTable *
read_sheet (const char  *xml,
            gboolean     ods,
            GError     **error)
{
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);

  if (ods)
    {
      g_hash_table_insert (parts, (gpointer) "content.xml", g_bytes_new (xml, strlen (xml)));
      return _trellis_table_read_ods_parts (parts, "hostile.ods", error);
    }
  g_hash_table_insert (parts, (gpointer) "xl/workbook.xml",
                       g_bytes_new_static ("<workbook/>", strlen ("<workbook/>")));
  g_hash_table_insert (parts, (gpointer) "xl/worksheets/sheet1.xml", g_bytes_new (xml, strlen (xml)));
  return _trellis_table_read_xlsx_parts (parts, "hostile.xlsx", error);
}

/*****/

/* Cells far out, repeated without end or nested deep: a clear error or a small table. */
static void
test_sparse_and_repeated_sheets (void)
{
  g_autofree char *deep_xlsx = NULL;
  g_autofree char *deep_ods = NULL;
  g_autofree char *open_spans = repeat ("<text:span>", 5000);
  g_autofree char *close_spans = repeat ("</text:span>", 5000);
  g_autofree char *open_runs = repeat ("<r>", 5000);
  g_autofree char *close_runs = repeat ("</r>", 5000);
  struct { const char *xml; gboolean ods; int code; } cases[] = {
    { SHEET_HEAD "<row r=\"1\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>" SHEET_TAIL,
      FALSE, TRELLIS_IMPORT_ERROR_TOO_LARGE },
    { SHEET_HEAD "<row r=\"1\"><c r=\"ZZZZZZZZZZZZZZZZZZZZ1\"><v>1</v></c></row>" SHEET_TAIL,
      FALSE, TRELLIS_IMPORT_ERROR_TOO_LARGE },
    { SHEET_HEAD "<row r=\"1\"><c t=\"s\"><v>18446744073709551617</v></c></row>" SHEET_TAIL,
      FALSE, TRELLIS_IMPORT_ERROR_CORRUPT },
    { SHEET_HEAD "<row r=\"9\"/><row r=\"3\"/>" SHEET_TAIL, FALSE, TRELLIS_IMPORT_ERROR_CORRUPT },
    { SHEET_HEAD "<row r=\"99999999999\"/>" SHEET_TAIL, FALSE, TRELLIS_IMPORT_ERROR_CORRUPT },
    { ODS_HEAD "<table:table-row><table:table-cell table:number-columns-repeated=\"1000000000\">"
      "<text:p>x</text:p></table:table-cell></table:table-row>" ODS_TAIL, TRUE, TRELLIS_IMPORT_ERROR_TOO_LARGE },
    { ODS_HEAD "<table:table-row table:number-rows-repeated=\"1000000000\"><table:table-cell>"
      "<text:p>x</text:p></table:table-cell></table:table-row>" ODS_TAIL, TRUE, TRELLIS_IMPORT_ERROR_TOO_LARGE },
    { ODS_HEAD "<table:table-row table:number-rows-repeated=\"5000\"><table:table-cell table:number-columns-repeated=\"4000\">"
      "<text:p>x</text:p></table:table-cell></table:table-row>" ODS_TAIL, TRUE, TRELLIS_IMPORT_ERROR_TOO_LARGE },
  };

  deep_xlsx = g_strconcat (SHEET_HEAD "<row r=\"1\"><c t=\"inlineStr\"><is>", open_runs, "<t>x</t>",
                           close_runs, "</is></c></row>" SHEET_TAIL, NULL);
  deep_ods = g_strconcat (ODS_HEAD "<table:table-row><table:table-cell><text:p>", open_spans, "x",
                          close_spans, "</text:p></table:table-cell></table:table-row>" ODS_TAIL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = read_sheet (cases[i].xml, cases[i].ods, &error);

      g_test_message ("%u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (table);
      g_assert_error (error, TRELLIS_IMPORT_ERROR, cases[i].code);
    }
  for (guint ods = 0; ods < 2; ods++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisTable) table = read_sheet (ods ? deep_ods : deep_xlsx, ods, &error);

      /* libxml2 stops at 256 levels: damaged, not a crash. */
      g_assert_null (table);
      g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CORRUPT);
    }

  /* The last row of a sheet alone is one row, not a million. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrellisTable) table =
      read_sheet (SHEET_HEAD "<row r=\"1048576\"><c r=\"C1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row>" SHEET_TAIL,
                  FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (trellis_table_get_n_rows (table), ==, 1);
    g_assert_cmpuint (trellis_table_get_sheet_row (table, 0), ==, 1048576);
    g_assert_cmpstr (trellis_table_get (table, 0, 2), ==, "x");
  }
}

/* A header of thousands of separators ("a/a/a/…") once made as many candidates, each
 * folded and compared with every statement: a 50 kB CSV took minutes. */
static void
test_header_separators (void)
{
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GPtrArray) statements = trellis_checklist_collect_rated (trellis_project_get_checklist (project), FALSE);
  g_autoptr(GArray) texts = _trellis_import_fold_statements (statements);
  const char *units[] = { "a/", "a - ", "a \u2013 ", "word " };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *header = repeat (units[i], 20000);
      g_autoptr(GArray) matches = _trellis_import_match_header (texts, header, NULL);

      g_assert_cmpuint (matches->len, ==, 0);
    }
}

/* A file of fewer columns than a layout's fixed ones: LimeSurvey's submit date is its
 * second column, and a one-column export once had it written past the end. Each is
 * refused, in its own words, by what follows detection. */
static void
test_layout_wider_than_file (void)
{
  const char *exports[] = {
    "Q1[SQ001]\n4\n5\n",
    "A[s12]\n4\n",
    "\"id\"\n\"1\"\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autoptr(TrellisProject) project = test_import_new_project ();
      g_autoptr(TrellisImport) import = trellis_import_new (project);
      g_autoptr(GBytes) bytes = g_bytes_new (exports[i], strlen (exports[i]));
      g_autoptr(GError) error = NULL;

      g_assert_false (trellis_import_add_bytes (import, bytes, "narrow.csv", TRELLIS_TABLE_FORMAT_AUTO, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "narrow.csv"));
    }
}

/* A long header still matches its statement when it names it. */
static void
test_long_header_still_matches (void)
{
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GPtrArray) statements = trellis_checklist_collect_rated (trellis_project_get_checklist (project), FALSE);
  g_autofree char *question = repeat ("Please read each statement carefully. ", 200);
  g_autofree char *header = g_strconcat (question, "[The partnership has strong and effective leadership]", NULL);
  g_autoptr(GArray) texts = _trellis_import_fold_statements (statements);
  g_autoptr(GArray) matches = _trellis_import_match_header (texts, header, NULL);

  g_assert_cmpuint (matches->len, >, 0);
  g_assert_cmpstr (trellis_statement_get_id (g_array_index (matches, TrellisStatementMatch, 0).statement), ==, "s13");
}

/* A hostile round of 60,000 groups: the breakdown counts them in one pass, not one
 * pass per group (3.6 billion steps). */
static void
test_breakdown_of_many_groups (void)
{
  g_autoptr(TrellisRound) round = trellis_round_new ("r1");
  g_autoptr(GPtrArray) shares = NULL;
  const char *keys[] = { "s1", NULL };
  TrellisAnswer answer = 4;

  trellis_round_set_items (round, keys);
  for (guint i = 0; i < 60000; i++)
    {
      g_autofree char *group = g_strdup_printf ("g%05u", i);
      trellis_round_add_response (round, &answer, group);
      trellis_round_add_response (round, &answer, group);
    }
  for (guint i = 0; i < 7; i++)
    trellis_round_add_response (round, &answer, NULL);

  shares = trellis_group_breakdown_new (round, 5);
  g_assert_cmpuint (shares->len, ==, 60001);
  for (guint i = 0; i < 60000; i++)
    {
      TrellisGroupShare *share = g_ptr_array_index (shares, i);
      g_assert_cmpuint (share->n_respondents, ==, 2);
      g_assert_cmpint (share->visibility, ==, TRELLIS_GROUP_TOO_SMALL);
    }
  g_assert_null (((TrellisGroupShare *) g_ptr_array_index (shares, 60000))->label);
  g_assert_cmpuint (((TrellisGroupShare *) g_ptr_array_index (shares, 60000))->n_respondents, ==, 7);
  g_assert_cmpint (((TrellisGroupShare *) g_ptr_array_index (shares, 60000))->visibility, ==, TRELLIS_GROUP_SHOWN);
}

/* A device reports no size and never ends: it is read no further than a file may be. */
static void
test_endless_device (void)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(TrellisProject) loaded = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_query_exists (zero, NULL))
    {
      g_test_skip ("no /dev/zero");
      return;
    }
  g_assert_false (trellis_import_add_file (import, zero, TRELLIS_TABLE_FORMAT_AUTO, NULL, &error));
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "“zero”: it is a device, not a file");
  g_clear_error (&error);
  loaded = trellis_project_load_file (zero, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

/* A file name that is not UTF-8 (an old Latin-1 disk): the round's source and the
 * messages that name the file are shown by GTK and must be text. */
static void
test_file_name_not_utf8 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "google-forms.csv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("trellis-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "caf\xe9.csv", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "na\xefve.trellis", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(TrellisProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  TrellisRound *round;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_true (trellis_import_add_file (import, file, TRELLIS_TABLE_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (trellis_import_get_file_name (import, 0), -1, NULL));
  round = trellis_import_apply (import, "Round 1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_round_get_source (round), ==, "caf\ufffd.csv");

  loaded = trellis_project_load_file (missing, NULL, &error);
  g_assert_null (loaded);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  g_remove (path);
  g_rmdir (dir);
}

/* A control character in a group or comment: the project file cannot hold it, so it
 * is not imported either, and the round is the same before and after a save. */
static void
test_control_characters_imported_as_saved (void)
{
  const char text[] = "Q1,Q2,Which sector do you represent?,Any other comments?\r\n"
                      "4,5,Police,\"ring\x07 the bell\"\r\n"
                      "3,4,Police\x07,\r\n"
                      "2,3,Police,\r\n"
                      "5,5,Council,\r\n"
                      "4,4,Council,\r\n"
                      "4,4,Council,\r\n";
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(TrellisProject) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  TrellisRound *round, *round_reloaded;

  g_assert_true (trellis_import_add_bytes (import, bytes, "export.csv", TRELLIS_TABLE_FORMAT_AUTO, &error));
  g_assert_true (trellis_import_set_column (import, 3, TRELLIS_COLUMN_COMMENT, "A", &error));
  round = trellis_import_apply (import, "Round 1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_round_get_n_groups (round), ==, 2);
  g_assert_cmpuint (trellis_round_count_group (round, "Police"), ==, 3);
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comments (round, "A"), 0), ==, "ring the bell");

  saved = trellis_project_save_to_bytes (project);
  reloaded = trellis_project_load_bytes (saved, "saved.trellis", &error);
  g_assert_no_error (error);
  round_reloaded = trellis_project_get_round (reloaded, 0);
  g_assert_cmpuint (trellis_round_get_n_groups (round_reloaded), ==, 2);
  g_assert_cmpuint (trellis_round_count_group (round_reloaded, "Police"), ==, 3);
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comments (round_reloaded, "A"), 0), ==, "ring the bell");
}

/* Escaping makes text grow ("<" is written "&lt;"): a 17 MB export of such comments once
 * imported, saved over the project and left a file of 68 MB that would not open. The
 * limit is now a share of memory, shared by writer and reader: the file opens again. */
static void
test_project_grown_by_escaping_reopens (void)
{
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisProject) loaded = NULL;
  g_autoptr(TrellisRound) round = trellis_round_new ("r1");
  g_autofree char *comment = repeat ("<", 17 * 1000 * 1000);
  g_autofree char *dir = g_dir_make_tmp ("trellis-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "project.trellis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  trellis_round_add_comment (round, "A", comment);
  trellis_project_append_round (project, round);
  g_assert_true (trellis_project_save_file (project, file, NULL, &error));
  g_assert_no_error (error);
  loaded = trellis_project_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comments (trellis_project_get_round (loaded, 0), "A"), 0),
                   ==, comment);

  g_remove (path);
  g_rmdir (dir);
}

/* The model looks sections, scales, statements and rounds up by walking its lists: 20,000
 * sections in a file of 400 kB took half a minute to open. A checklist or project far
 * beyond any real one is refused; one at the limit opens at once. */
static void
test_project_counts (void)
{
  const struct { const char *before, *open, *close, *after; guint limit; const char *message; } cases[] = {
    { "<checklist>" AGREEMENT, "<section id=\"x", "\"/>", "</checklist>", 1000,
      "“hostile.trellis” cannot be opened: line 2, <section>: the checklist has more than 1000 sections, far more than any checklist." },
    { "<checklist>", "<scale id=\"x", "\" points=\"5\"/>", "</checklist>", 32,
      "“hostile.trellis” cannot be opened: line 2, <scale>: the checklist has more than 32 scales, far more than any checklist." },
    { "<checklist>" AGREEMENT "<section id=\"A\">", "<statement id=\"s", "\"/>", "</section></checklist>", 2000,
      "“hostile.trellis” cannot be opened: line 2, <statement>: the checklist has more than 2000 statements, far more than any checklist." },
    { "<checklist>" AGREEMENT "<section id=\"A\"><statement id=\"m\" kind=\"multi\">",
      "<statement id=\"s", "\"/>", "</statement></section></checklist>", 1999,
      "“hostile.trellis” cannot be opened: line 2, <statement>: the checklist has more than 2000 statements, far more than any checklist." },
    { "<checklist>" AGREEMENT "</checklist><rounds>", "<round id=\"r", "\"/>", "</rounds>", 1000,
      "“hostile.trellis” cannot be opened: line 2, <round>: the project has more than 1000 rounds, far more than any partnership runs." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *at_limit = project_of (cases[i].before, cases[i].open, cases[i].close, cases[i].limit, cases[i].after);
      g_autofree char *beyond = project_of (cases[i].before, cases[i].open, cases[i].close, 20000, cases[i].after);
      g_autoptr(TrellisProject) good = NULL;
      g_autoptr(TrellisProject) bad = NULL;
      g_autoptr(GError) error = NULL;

      good = load_text (at_limit, &error);
      g_assert_no_error (error);
      g_assert_nonnull (good);
      bad = load_text (beyond, &error);
      g_assert_null (bad);
      g_assert_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A round's items and groups are looked up, not searched: a checklist of 2,000
 * statements answered in a round of 20,000 items, and 20,000 respondents each of a
 * group of their own, open at once. */
static void
test_project_items_and_groups (void)
{
  GString *text = g_string_new (PROJECT_HEAD "<checklist>" AGREEMENT "<section id=\"A\">");
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(GError) error = NULL;
  TrellisRound *round;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "<statement id=\"s%u\"/>", i);
  g_string_append (text, "</section></checklist><rounds><round id=\"r1\"><responses items=\"");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "s%u ", i);
  g_string_append (text, "\"><response>");
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, i % 2000 == 1999 ? "na " : "4 ");
  g_string_append (text, "</response></responses></round><round id=\"r2\"><responses items=\"s1\">");
  for (guint r = 0; r < 20000; r++)
    g_string_append_printf (text, "<response group=\"g%u\">%u</response>", r, 1 + r % 5);
  g_string_append (text, "</responses></round></rounds></trellis-project>");

  project = load_text (text->str, &error);
  g_string_free (text, TRUE);
  g_assert_no_error (error);
  round = trellis_project_get_round (project, 0);
  g_assert_cmpuint (trellis_round_get_n_items (round), ==, 20000);
  g_assert_cmpint (trellis_round_get_answer (round, 0, 1999), ==, TRELLIS_ANSWER_NOT_APPLICABLE);
  /* Items of statements no longer in the checklist are kept, held to the widest scale. */
  g_assert_cmpint (trellis_round_get_answer (round, 0, 19998), ==, 4);
  round = trellis_project_get_round (project, 1);
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 20000);
  g_assert_cmpuint (trellis_round_get_n_groups (round), ==, 20000);
  g_assert_cmpuint (trellis_round_count_group (round, "g19999"), ==, 1);
  g_assert_cmpstr (trellis_round_get_response_group (round, 12345), ==, "g12345");
}

/* An answer beyond a statement's scale is refused, as before the items were indexed. */
static void
test_project_answer_beyond_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project =
    load_text (PROJECT_HEAD "<checklist>" AGREEMENT "<scale id=\"yes-no\" points=\"2\"/>"
               "<section id=\"A\"><statement id=\"s1\"/></section></checklist><rounds><round id=\"r1\">"
               "<responses items=\"s1 s1@yes-no\"><response>5 3</response></responses>"
               "</round></rounds></trellis-project>", &error);

  g_assert_null (project);
  g_assert_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“3” is not an answer on the scale of item “s1@yes-no” (1 to 2"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/import/sparse-and-repeated-sheets", test_sparse_and_repeated_sheets);
  g_test_add_func ("/hostile/import/header-separators", test_header_separators);
  g_test_add_func ("/hostile/import/layout-wider-than-file", test_layout_wider_than_file);
  g_test_add_func ("/hostile/import/long-header-still-matches", test_long_header_still_matches);
  g_test_add_func ("/hostile/import/control-characters", test_control_characters_imported_as_saved);
  g_test_add_func ("/hostile/breakdown/many-groups", test_breakdown_of_many_groups);
  g_test_add_func ("/hostile/endless-device", test_endless_device);
  g_test_add_func ("/hostile/file-name-not-utf8", test_file_name_not_utf8);
  g_test_add_func ("/hostile/project/grown-by-escaping-reopens", test_project_grown_by_escaping_reopens);
  g_test_add_func ("/hostile/project/counts", test_project_counts);
  g_test_add_func ("/hostile/project/items-and-groups", test_project_items_and_groups);
  g_test_add_func ("/hostile/project/answer-beyond-scale", test_project_answer_beyond_scale);

  return g_test_run ();
}
