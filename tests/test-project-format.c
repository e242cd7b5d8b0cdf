/* test-project-format.c: format 1.3, a round's answers as lines, and older files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-io-common.h"
#include "trellis-test-project.h"
#include "trellis-project-io.h"
#include "trellis-project-bulk-private.h"

#define HEAD "<trellis-project xmlns=\"https://trellisapp.org/ns/project\" format-version=\"1.3\">" \
  "<partnership/><checklist><scale id=\"agreement\" points=\"5\"/>" \
  "<section id=\"A\"><statement id=\"s1\"/><statement id=\"s2\"/></section></checklist>"

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static TrellisProject *
load_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  TrellisProject *project = trellis_project_load_bytes (bytes, "format.trellis", &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static char *
text_of (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_same_rounds (TrellisProject *a,
                    TrellisProject *b)
{
  g_assert_cmpuint (trellis_project_get_n_rounds (a), ==, trellis_project_get_n_rounds (b));
  for (guint i = 0; i < trellis_project_get_n_rounds (a); i++)
    {
      TrellisRound *ra = trellis_project_get_round (a, i);
      TrellisRound *rb = trellis_project_get_round (b, i);
      guint n_items = trellis_round_get_n_items (ra);

      g_assert_cmpuint (n_items, ==, trellis_round_get_n_items (rb));
      for (guint k = 0; k < n_items; k++)
        g_assert_cmpstr (trellis_round_get_item (ra, k), ==, trellis_round_get_item (rb, k));
      g_assert_cmpuint (trellis_round_get_n_responses (ra), ==, trellis_round_get_n_responses (rb));
      g_assert_cmpuint (trellis_round_get_n_groups (ra), ==, trellis_round_get_n_groups (rb));
      for (guint g = 0; g < trellis_round_get_n_groups (ra); g++)
        g_assert_cmpstr (trellis_round_get_group (ra, g), ==, trellis_round_get_group (rb, g));
      for (guint r = 0; r < trellis_round_get_n_responses (ra); r++)
        {
          if (n_items > 0)
            g_assert_cmpmem (trellis_round_get_response (ra, r), n_items, trellis_round_get_response (rb, r), n_items);
          g_assert_cmpstr (trellis_round_get_response_group (ra, r), ==, trellis_round_get_response_group (rb, r));
        }
      g_assert_cmpuint (trellis_round_get_n_comments (ra), ==, trellis_round_get_n_comments (rb));
    }
}

/* A file written by the 1.2 writer (the full test project) loads as the project it was,
 * and saves as 1.3 to exactly what this version writes for that project. */
static void
test_from_1_2 (void)
{
  g_autoptr(GBytes) old = fixture_bytes ("full-1.2.trellis");
  g_autoptr(TrellisProject) built = test_build_full_project ();
  g_autoptr(TrellisProject) loaded = load_ok (old);
  g_autoptr(GBytes) expected = trellis_project_save_to_bytes (built);
  g_autoptr(GBytes) saved = trellis_project_save_to_bytes (loaded);
  g_autoptr(TrellisProject) reloaded = NULL;
  g_autofree char *text = text_of (saved);

  g_assert_null (trellis_project_get_newer_format_version (loaded));
  assert_same_rounds (built, loaded);
  g_assert_true (g_bytes_equal (expected, saved));
  g_assert_nonnull (strstr (text, "format-version=\"1.3\""));
  g_assert_nonnull (strstr (text, "<answers>\n"));
  g_assert_null (strstr (text, "<response "));
  reloaded = load_ok (saved);
  assert_same_rounds (loaded, reloaded);
}

/* Every older fixture with responses still opens. */
static void
test_old_fixtures (void)
{
  const char *names[] = { "minimal.trellis", "nested-em.trellis", "newer-minor.trellis" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (names[i]);
      g_autoptr(TrellisProject) project = load_ok (bytes);
      g_autoptr(GBytes) saved = trellis_project_save_to_bytes (project);
      g_autoptr(TrellisProject) reloaded = load_ok (saved);

      assert_same_rounds (project, reloaded);
    }
}

/* The @back-th round from the end. */
static TrellisRound *
last_round (TrellisProject *project,
            guint           back)
{
  return trellis_project_get_round (project, trellis_project_get_n_rounds (project) - 1 - back);
}

static TrellisProject *
project_with_round (TrellisRound *round)
{
  TrellisProject *project = test_build_full_project ();

  trellis_project_append_round (project, round);
  return project;
}

static TrellisProject *
round_trip (TrellisProject *project)
{
  g_autoptr(GBytes) first = trellis_project_save_to_bytes (project);
  TrellisProject *loaded = load_ok (first);
  g_autoptr(GBytes) second = trellis_project_save_to_bytes (loaded);

  g_assert_true (g_bytes_equal (first, second));
  assert_same_rounds (project, loaded);
  return loaded;
}

/* Groups are text in <group> elements: whatever a survey tool let people type. */
static void
test_odd_group_names (void)
{
  const char *groups[] = {
    "Police Scotland", "  leading and trailing  ", "\"quoted\" & 'single' <b>", "Côte d’Ivoire — 日本",
    "a|b|c", "two\nlines", "carriage\r\nreturn", "tab\there", "7", "1 2", "-", "n",
  };
  const char *keys[] = { "s1", "s2", NULL };
  g_autoptr(TrellisRound) round = trellis_round_new ("odd");
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(TrellisProject) loaded = NULL;

  trellis_round_set_items (round, keys);
  for (guint i = 0; i < 2 * G_N_ELEMENTS (groups) + 3; i++)
    {
      TrellisAnswer answers[2] = { (TrellisAnswer) (1 + i % 5), i % 3 == 0 ? TRELLIS_ANSWER_DONT_KNOW : TRELLIS_ANSWER_BLANK };

      trellis_round_add_response (round, answers, i < 2 * G_N_ELEMENTS (groups) ? groups[i % G_N_ELEMENTS (groups)] : NULL);
    }
  project = project_with_round (g_object_ref (round));
  loaded = round_trip (project);
  g_assert_cmpuint (trellis_round_count_group (last_round (loaded, 0), "two\nlines"), ==, 2);
}

/* No respondents, and respondents without items (a round of comments and groups only). */
static void
test_empty_rounds (void)
{
  const char *keys[] = { "s1", NULL };
  const char *no_keys[] = { NULL };
  g_autoptr(TrellisRound) none = trellis_round_new ("none");
  g_autoptr(TrellisRound) no_items = trellis_round_new ("no-items");
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autoptr(TrellisProject) loaded = NULL;

  trellis_round_set_items (none, keys);
  trellis_round_set_items (no_items, no_keys);
  trellis_round_add_response (no_items, NULL, "Police");
  trellis_round_add_response (no_items, NULL, NULL);
  trellis_round_add_comment (no_items, "A", "Only a comment");
  trellis_project_append_round (project, none);
  trellis_project_append_round (project, no_items);
  loaded = round_trip (project);
  g_assert_cmpuint (trellis_round_get_n_responses (last_round (loaded, 1)), ==, 0);
  g_assert_cmpuint (trellis_round_get_n_items (last_round (loaded, 1)), ==, 1);
  g_assert_cmpuint (trellis_round_get_n_responses (last_round (loaded, 0)), ==, 2);
}

/* Scales of up to 11 points: 10 and 11 are written A and B, one character still. */
static void
test_eleven_points (void)
{
  g_autoptr(TrellisProject) project = trellis_project_new ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autoptr(TrellisScale) scale = trellis_scale_new ("nps", TRELLIS_SCALE_MAX_POINTS);
  g_autoptr(TrellisSection) section = trellis_section_new ("A");
  g_autoptr(TrellisRound) round = trellis_round_new ("r1");
  g_autoptr(TrellisProject) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *keys[] = { "s1", NULL };

  trellis_checklist_append_scale (checklist, scale);
  trellis_checklist_append_section (checklist, section);
  trellis_test_add_statement (section, "s1", "1", TRELLIS_STATEMENT_RATING, "Would you recommend us?");
  trellis_round_set_items (round, keys);
  for (TrellisAnswer a = 1; a <= TRELLIS_SCALE_MAX_POINTS; a++)
    trellis_round_add_response (round, &a, NULL);
  trellis_project_append_round (project, round);

  bytes = trellis_project_save_to_bytes (project);
  text = text_of (bytes);
  g_assert_nonnull (strstr (text, "\n9\nA\nB\n"));
  loaded = round_trip (project);
  g_assert_cmpint (trellis_round_get_answer (trellis_project_get_round (loaded, 0), 10, 0), ==, 11);
}

typedef struct
{
  const char *body;
  int         code;
  const char *mentions;
} BadCase;

/* Damaged answer lines are refused with the line and what is wrong. */
static void
test_bad_answer_lines (void)
{
  static const BadCase cases[] = {
    { "<responses items=\"s1 s2\"><answers>\n45\n4\n</answers></responses>", TRELLIS_PROJECT_ERROR_INVALID,
      "line 3, <answers>: the number of answers (1) is not the number of items (2)" },
    { "<responses items=\"s1 s2\"><answers>\n4x\n</answers></responses>", TRELLIS_PROJECT_ERROR_INVALID,
      "line 2, <answers>: “x” is not an answer on the scale of item “s2”" },
    { "<responses items=\"s1 s2\"><answers>\n45\n46\n</answers></responses>", TRELLIS_PROJECT_ERROR_INVALID,
      "line 3, <answers>: “6” is not an answer on the scale of item “s2” (1 to 5)" },
    { "<responses items=\"s1 s2\"><answers>\n4A\n</answers></responses>", TRELLIS_PROJECT_ERROR_INVALID,
      "“10 (A)” is not an answer on the scale of item “s2” (1 to 5)" },
    { "<responses items=\"s1 s2\"><groups><group>P</group></groups><answers>\n45 1\n45 2\n</answers></responses>",
      TRELLIS_PROJECT_ERROR_INVALID, "line 3, <answers>: the group 2 is not one of the 1 listed in <groups>" },
    { "<responses items=\"s1 s2\"><answers>\n45 x\n</answers></responses>", TRELLIS_PROJECT_ERROR_INVALID,
      "“x” is not the number of a group" },
    { "<responses items=\"s1 s2\"><answers>\n45 0\n</answers></responses>", TRELLIS_PROJECT_ERROR_INVALID,
      "“0” is not the number of a group" },
    { "<responses items=\"s1 s2\"><response>4 5</response><answers>45</answers></responses>",
      TRELLIS_PROJECT_ERROR_INVALID, "both as <response> elements and as <answers>" },
    { "<responses items=\"s1 s1\"><answers>\n45\n</answers></responses>", TRELLIS_PROJECT_ERROR_INVALID,
      "listed twice" },
    { "<responses items=\"s1 s2\"><response group=\"P\">4 5</response>\n<response group=\"Q\">4</response>"
      "</responses>", TRELLIS_PROJECT_ERROR_INVALID,
      "line 2, <response>: the number of answers (1) is not the number of items (2)" },
    { "<responses items=\"s1 s2\"><response group=\"P\">4 5</response>\n<response>4 yes</response>"
      "</responses>", TRELLIS_PROJECT_ERROR_INVALID, "“yes” is not an answer on the scale of item “s2”" },
    { "<responses items=\"s1 s2\"><answers>\n45\n", TRELLIS_PROJECT_ERROR_MALFORMED, "line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = g_strconcat (HEAD "<rounds><round id=\"r1\">", cases[i].body,
                                          "</round></rounds></trellis-project>", NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisProject) project = NULL;

      if (cases[i].code == TRELLIS_PROJECT_ERROR_MALFORMED)
        *strstr (xml, "</round>") = '\0';
      bytes = g_bytes_new (xml, strlen (xml));
      project = trellis_project_load_bytes (bytes, "bad.trellis", &error);
      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(loaded)");
      g_assert_null (project);
      g_assert_error (error, TRELLIS_PROJECT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].mentions));
    }
}

/* Blank lines, spaces and a block in pieces read as the rows they hold. */
static void
test_lenient_lines (void)
{
  const char *xml = HEAD "<rounds><round id=\"r1\"><responses items=\"s1 s2\">"
    "<groups><group>One</group><group> Two </group></groups>"
    "<answers>\n\n   45 2  \n\t-n\n<!-- a note -->sd 1\r\n</answers><answers>12</answers>"
    "</responses></round></rounds></trellis-project>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(TrellisProject) project = load_ok (bytes);
  TrellisRound *round = trellis_project_get_round (project, 0);

  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 4);
  g_assert_cmpstr (trellis_round_get_response_group (round, 0), ==, " Two ");
  g_assert_null (trellis_round_get_response_group (round, 1));
  g_assert_cmpint (trellis_round_get_answer (round, 1, 1), ==, TRELLIS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpint (trellis_round_get_answer (round, 2, 0), ==, TRELLIS_ANSWER_NOT_SHOWN);
  g_assert_cmpstr (trellis_round_get_response_group (round, 2), ==, "One");
  g_assert_cmpint (trellis_round_get_answer (round, 3, 1), ==, 2);
  /* Groups are the round's in the file's order, so that saving writes them back alike. */
  g_assert_cmpstr (trellis_round_get_group (round, 0), ==, "One");
  g_assert_cmpstr (trellis_round_get_group (round, 1), ==, " Two ");
}

/* Bombs stay small: entities are refused at once, and a tree of millions of elements
 * outside the responses and comments is refused before it fills memory. */
static void
test_bombs_refused (void)
{
  g_autoptr(GBytes) laughs = fixture_bytes ("billion-laughs.trellis");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(GString) wide = g_string_new (HEAD "<plan>");
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();

  project = trellis_project_load_bytes (laughs, "laughs.trellis", &error);
  g_assert_null (project);
  g_assert_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_FORBIDDEN);
  g_clear_error (&error);

  for (guint i = 0; i < 2100000; i++)
    g_string_append (wide, "<x/>");
  g_string_append (wide, "</plan></trellis-project>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&wide));
  project = trellis_project_load_bytes (bytes, "wide.trellis", &error);
  g_assert_null (project);
  g_assert_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_TOO_LARGE);
  /* Generous for a loaded machine; the bomb once took minutes. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
}

/* Comments with their marks, many of them, written and read without the tree. */
static void
test_many_comments (void)
{
  g_autoptr(TrellisRound) round = trellis_round_new ("talkative");
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(TrellisProject) loaded = NULL;
  TrellisRound *loaded_round;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *text = g_strdup_printf ("Comment %u: " TEST_TRICKY_COMMENT "\r\x01", i);

      trellis_round_add_comment_full (round, i % 3 == 0 ? "A" : "B", text, i % 4);
    }
  trellis_round_add_comment (round, "C", "");
  /* U+FFFE and U+FFFF are no XML characters, U+FEFF and U+FF01 are; before and after
   * the first sixteen bytes, which the writer scans at once. */
  trellis_round_add_comment (round, "C", "\xef\xbf\xbe\xef\xbb\xbf<\xef\xbc\x81 sixteen bytes on: "
                             "\xef\xbf\xbf\xef\xbb\xbf\xef\xbc\x81\r\x02&>\xef\xbf\xbe.");
  project = project_with_round (g_object_ref (round));
  loaded = round_trip (project);
  loaded_round = last_round (loaded, 0);
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comments (loaded_round, "C"), 1), ==,
                   "\xef\xbb\xbf<\xef\xbc\x81 sixteen bytes on: \xef\xbb\xbf\xef\xbc\x81\r&>.");
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comments (loaded_round, "B"), 0), ==,
                   "Comment 1: " TEST_TRICKY_COMMENT "\r");
  g_assert_cmpint (trellis_round_get_comment_flags (loaded_round, "B", 1), ==, 2);
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comments (loaded_round, "C"), 0), ==, "");
}

/* ---- plain parts read past libxml2 ---------------------------------------------------- */

/* The loader gives libxml2 the file in pieces of this size; the plain parts of rounds
 * are read without it, and a piece may cut them anywhere. */
#define PIECE_SIZE (64 * 1024)

/* Comments as a file holds them: Trellis's own form, and forms only libxml2 reads. */
static const char * const plain_test_comments[] = {
  "<comment>plain words, \"quoted\" and 'single', [name] ]] done</comment>",
  "<comment>two\nlines\tand a tab</comment>",
  "<comment>C\xc3\xb4te d\xe2\x80\x99Ivoire, \xe6\x97\xa5\xe6\x9c\xac, \xe2\x9c\x93, \xf0\x9f\x8c\xb3</comment>",
  "<comment>Fish &amp; chips &lt;b&gt;</comment>",
  "<comment>carriage&#13;return and a raw \r\n one</comment>",
  "<comment></comment>",
  "<comment key=\"true\">a key one</comment>",
  "<comment hidden=\"true\">a hidden one</comment>",
  "<comment key=\"true\" hidden=\"true\">both</comment>",
  "<comment key=\"1\" hidden=\"false\">marks spelt otherwise</comment>",
  "<comment>a > b, and a delete \x7f</comment>",
  "<comment><![CDATA[in <cdata>]]></comment>",
  "<!-- a note -->",
  "<comment>after a note</comment>",
};

/* A round of @n_rows lines and of every comment above, @n_comments times, and one of
 * @long_comment bytes. */
static GString *
plain_test_text (guint n_rows,
                 guint n_comments,
                 gsize long_comment)
{
  GString *text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" HEAD
                                "\n<rounds>\n<round id=\"r1\">\n<responses items=\"s1 s2\">\n"
                                "<groups><group>P</group><group>Q</group></groups>\n<answers>\n");

  for (guint r = 0; r < n_rows; r++)
    g_string_append_printf (text, "%c%c%s\n", "12345nds-"[r % 9], "54321-snd"[r % 7],
                            r % 3 == 0 ? "" : r % 3 == 1 ? " 1" : " 2");
  g_string_append (text, "</answers>\n</responses>\n<comments section=\"A\">\n");
  for (guint i = 0; i < n_comments; i++)
    g_string_append_printf (text, "  %s\n", plain_test_comments[i % G_N_ELEMENTS (plain_test_comments)]);
  g_string_append (text, "<comment>");
  for (gsize i = 0; i < long_comment; i++)
    g_string_append_c (text, "long comment\n"[i % 13]);
  g_string_append (text, "</comment>\n<comment>the last</comment></comments>\n</round>\n</rounds>\n</trellis-project>\n");
  return text;
}

/* The same file, in forms the loader leaves to libxml2 (a space in each start tag, a
 * note before the answers), line for line. */
static char *
plain_test_through_libxml (const char *text)
{
  g_autoptr(GString) slow = g_string_new (text);

  g_string_replace (slow, "<comment>", "<comment >", 0);
  g_string_replace (slow, "<comment key", "<comment  key", 0);
  g_string_replace (slow, "<comment hidden", "<comment  hidden", 0);
  g_string_replace (slow, "<answers>", "<answers><!---->", 0);
  return g_string_free (g_steal_pointer (&slow), FALSE);
}

/* What @text loads as: the project saved again, or the error. */
static char *
plain_test_load (const char *text,
                 gsize       pad)
{
  const char *root = strstr (text, "\n") + 1;
  g_autofree char *padded = g_strdup_printf ("%.*s%*s%s", (int) (root - text), text, (int) pad, "", root);
  g_autoptr(GBytes) bytes = g_bytes_new (padded, strlen (padded));
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_bytes (bytes, "plain.trellis", &error);
  g_autoptr(GBytes) saved = NULL;

  if (project == NULL)
    return g_strdup (error->message);
  saved = trellis_project_save_to_bytes (project);
  return text_of (saved);
}

/* Plain parts read without libxml2 load as libxml2 reads them, wherever a piece of the
 * file ends: inside a tag, a comment, a line of answers. */
static void
test_plain_parts (void)
{
  g_autoptr(GString) text = plain_test_text (20000, 3000, 70000);
  g_autofree char *slow = plain_test_through_libxml (text->str);
  g_autofree char *expected = plain_test_load (slow, 0);
  g_autofree char *saved = plain_test_load (text->str, 0);
  g_autoptr(GBytes) bytes = g_bytes_new (saved, strlen (saved));
  g_autoptr(TrellisProject) project = load_ok (bytes);
  TrellisRound *round = trellis_project_get_round (project, 0);
  GPtrArray *comments = trellis_round_get_comments (round, "A");
  const char *targets[] = { "<answers>", "<comments", "<comment key=\"true\" hidden", "</comment>\n<comment>the last" };

  g_assert_nonnull (strstr (expected, "<answers>\n"));
  g_assert_cmpstr (saved, ==, expected);
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 20000);
  g_assert_cmpuint (comments->len, ==, 3000 - 3000 / G_N_ELEMENTS (plain_test_comments) - 1 + 2 + 1);
  g_assert_cmpstr (g_ptr_array_index (comments, 3), ==, "Fish & chips <b>");
  g_assert_cmpstr (g_ptr_array_index (comments, 4), ==, "carriage\rreturn and a raw \n one");
  g_assert_cmpint (trellis_round_get_comment_flags (round, "A", 8), ==, TRELLIS_COMMENT_KEY | TRELLIS_COMMENT_HIDDEN);
  g_assert_cmpint (trellis_round_get_comment_flags (round, "A", 9), ==, TRELLIS_COMMENT_KEY);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      gsize at = strstr (text->str, targets[t]) - text->str;

      for (gsize cut = 1; cut <= strlen (targets[t]) + 1; cut++)
        {
          gsize pad = (PIECE_SIZE - (at % PIECE_SIZE) + PIECE_SIZE - cut) % PIECE_SIZE;
          g_autofree char *shifted = plain_test_load (text->str, pad);

          g_assert_cmpstr (shifted, ==, expected);
        }
    }
}

/* Damage after or inside plain parts is reported as libxml2 reports it, at the same
 * line, and nothing loads. */
static void
test_plain_parts_damaged (void)
{
  g_autoptr(GString) text = plain_test_text (3000, 600, 10);
  const char *damage[][2] = {
    { "<comment>the last</comment>", "<comment key=\"maybe\">the last</comment>" },
    { "<comment>the last</comment></comments>", "<comment>the last</comment></comment>" },
    { "<comment>the last</comment>", "<comment>the last</comment><comment>\xff</comment>" },
    { "<comment>the last</comment>", "<comment>the last</comment><comment>\xef\xbf\xbe</comment>" },
    { "<comment>the last</comment>", "<comment>the last</comment><comment>\x01</comment>" },
    { "<comment>the last</comment>", "<comment>the last</comment><comment>a]]>b</comment>" },
    { "\n24 1\n", "\n24 3\n" },
    { "\n24 1\n", "\n2\xc3\xa9 1\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (damage) + 2; i++)
    {
      g_autoptr(GString) broken = g_string_new (text->str);
      g_autofree char *slow = NULL;
      g_autofree char *fast_error = NULL;
      g_autofree char *slow_error = NULL;

      if (i < G_N_ELEMENTS (damage))
        g_assert_cmpuint (g_string_replace (broken, damage[i][0], damage[i][1], 1), ==, 1);
      else
        /* Truncated in the comments, then in the answers. */
        g_string_truncate (broken, strstr (broken->str, i == G_N_ELEMENTS (damage) ? "<comment>the last" : "\n24 1\n") - broken->str + 7);
      slow = plain_test_through_libxml (broken->str);
      fast_error = plain_test_load (broken->str, 0);
      slow_error = plain_test_load (slow, 0);
      g_test_message ("damage %u: %s", i, fast_error);
      g_assert_true (g_str_has_prefix (fast_error, "“plain.trellis”"));
      g_assert_cmpstr (fast_error, ==, slow_error);
    }
}

/* Loaded comments share one allocation per section; replacing one (redaction) or
 * adding one after loading keeps the others, and the round frees each kind its way. */
static void
test_loaded_comments_edited (void)
{
  const char *xml = HEAD "<rounds><round id=\"r1\"><comments section=\"A\">\n"
    "<comment>Ann Smith said so</comment>\n<comment key=\"true\">second</comment>\n"
    "<comment>Fish &amp; chips</comment></comments></round></rounds></trellis-project>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(TrellisProject) project = load_ok (bytes);
  TrellisRound *round = trellis_project_get_round (project, 0);
  GPtrArray *comments = trellis_round_get_comments (round, "A");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(TrellisProject) reloaded = NULL;
  GPtrArray *again;

  g_assert_cmpuint (comments->len, ==, 3);
  trellis_round_set_comment_text (round, "A", 0, "[name] said so");
  trellis_round_set_comment_text (round, "A", 0, "[name] said so, twice");
  trellis_round_add_comment (round, "A", "added");
  trellis_round_set_comment_text (round, "A", 3, "added, then changed");
  g_assert_cmpstr (g_ptr_array_index (comments, 1), ==, "second");
  g_assert_cmpstr (g_ptr_array_index (comments, 2), ==, "Fish & chips");
  saved = trellis_project_save_to_bytes (project);
  reloaded = load_ok (saved);
  again = trellis_round_get_comments (trellis_project_get_round (reloaded, 0), "A");
  g_assert_cmpuint (again->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (again, 0), ==, "[name] said so, twice");
  g_assert_cmpstr (g_ptr_array_index (again, 3), ==, "added, then changed");
  g_assert_cmpint (trellis_round_get_comment_flags (trellis_project_get_round (reloaded, 0), "A", 1), ==,
                   TRELLIS_COMMENT_KEY);
  g_assert_null (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "Ann Smith"));
}

/* One line of 20 answers with @c at @at, the others 1 to 9: the answer there, or
 * G_MININT with the error's code in @code. */
static int
answer_at (char   c,
           guint  at,
           int   *code)
{
  g_autoptr(GString) xml = g_string_new ("<trellis-project xmlns=\"https://trellisapp.org/ns/project\" "
                                         "format-version=\"1.3\"><partnership/><checklist>"
                                         "<scale id=\"agreement\" points=\"11\"/><section id=\"A\">");
  g_autoptr(GString) items = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = NULL;
  char line[21];

  for (guint i = 0; i < 20; i++)
    {
      g_string_append_printf (xml, "<statement id=\"s%02u\"/>", i);
      g_string_append_printf (items, "%ss%02u", i > 0 ? " " : "", i);
      line[i] = (char) ('1' + i % 9);
    }
  line[at] = c;
  line[20] = '\0';
  g_string_append_printf (xml, "</section></checklist><rounds><round id=\"r1\"><responses items=\"%s\">"
                          "<answers>\n%s\n</answers></responses></round></rounds></trellis-project>",
                          items->str, line);
  bytes = g_bytes_new (xml->str, xml->len);
  project = trellis_project_load_bytes (bytes, "answers.trellis", &error);
  if (project == NULL)
    {
      *code = error->code;
      return G_MININT;
    }
  return trellis_round_get_answer (trellis_project_get_round (project, 0), 0, at);
}

/* Every character means the same among the first sixteen of a line (translated sixteen
 * at a time) as after them (one at a time). */
static void
test_answer_characters (void)
{
  guint n_answers = 0;

  for (guint c = 1; c < 256; c++)
    {
      int early_code = -1, late_code = -1;
      int early, late;

      if (c == '<' || c == '&' || c == '\r')
        continue;
      early = answer_at ((char) c, 3, &early_code);
      late = answer_at ((char) c, 18, &late_code);
      g_assert_cmpint (early, ==, late);
      g_assert_cmpint (early_code, ==, late_code);
      n_answers += early != G_MININT;
    }
  /* 1 to 9, A and B, n, d, s and -. */
  g_assert_cmpuint (n_answers, ==, 15);
  g_assert_cmpint (answer_at ('B', 0, NULL), ==, 11);
  g_assert_cmpint (answer_at ('n', 15, NULL), ==, TRELLIS_ANSWER_NOT_APPLICABLE);
}

/* Rows of every width are written as the one-by-one table would (the writer takes
 * sixteen answers at a time), with every answer a round can hold. */
static void
test_answer_lines_written (void)
{
  static const TrellisAnswer values[] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, TRELLIS_ANSWER_NOT_APPLICABLE, TRELLIS_ANSWER_DONT_KNOW,
    TRELLIS_ANSWER_NOT_SHOWN, TRELLIS_ANSWER_BLANK,
  };
  static const char chars[] = "123456789ABnds-";
  const guint widths[] = { 1, 15, 16, 17, 31, 32, 33, 60 };
  g_autoptr(TrellisProject) project = trellis_project_new ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *p;

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", w);
      g_autoptr(TrellisRound) round = trellis_round_new (id);
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      GString *lines = g_string_new ("<answers>\n");
      TrellisAnswer answers[60];

      for (guint i = 0; i < widths[w]; i++)
        g_ptr_array_add (keys, g_strdup_printf ("s%u", i));
      g_ptr_array_add (keys, NULL);
      trellis_round_set_items (round, (const char * const *) keys->pdata);
      for (guint r = 0; r < G_N_ELEMENTS (values); r++)
        {
          for (guint i = 0; i < widths[w]; i++)
            {
              answers[i] = values[(r + i * 7) % G_N_ELEMENTS (values)];
              g_string_append_c (lines, chars[(r + i * 7) % G_N_ELEMENTS (values)]);
            }
          g_string_append (lines, r % 2 == 0 ? " 1\n" : "\n");
          trellis_round_add_response (round, answers, r % 2 == 0 ? "odd" : NULL);
        }
      g_ptr_array_add (expected, g_string_free (lines, FALSE));
      trellis_project_append_round (project, round);
    }
  bytes = trellis_project_save_to_bytes (project);
  p = text = text_of (bytes);
  for (guint w = 0; w < expected->len; w++)
    {
      const char *lines = g_ptr_array_index (expected, w);

      p = strstr (p, "<answers>");
      g_assert_nonnull (p);
      g_assert_cmpmem (p, strlen (lines), lines, strlen (lines));
      p += strlen (lines);
    }
}

/* ---- saving on two threads ------------------------------------------------------------ */

/* Everything the writer escapes or drops: markup, carriage returns, control characters,
 * U+FFFE and U+FFFF (and U+FEFF, U+FF01, which stay), bytes that are not UTF-8. */
static const char * const two_threads_pieces[] = {
  TEST_TRICKY_COMMENT, "\r\n", "\x01\x1f\x7f", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xbb\xbf\xef\xbc\x81",
  "\xff", "\xc3(", "\xe2\x82", "&amp;", "<comment>", "]]>", "plain words ", "",
};

/* A comment made of pieces chosen by @seed, shifted by up to fifteen letters so that
 * what needs escaping falls on every byte of the writer's sixteen-byte scan. */
static char *
two_threads_comment (guint seed)
{
  GString *text = g_string_new (NULL);

  g_string_append_len (text, "abcdefghijklmno", seed % 16);
  for (guint k = 0; k < seed % 7; k++)
    g_string_append (text, two_threads_pieces[(seed * 7 + k * 3) % G_N_ELEMENTS (two_threads_pieces)]);
  return g_string_free (text, FALSE);
}

static TrellisRound *
two_threads_round (const char *id,
                   guint       n_rows,
                   guint       n_comments)
{
  const char *keys[] = { "s1", "s2", "s4", NULL };
  const char *groups[] = { "North & <south>", "East", NULL };
  TrellisRound *round = trellis_round_new (id);

  trellis_round_set_items (round, keys);
  for (guint r = 0; r < n_rows; r++)
    {
      TrellisAnswer answers[3] = { (TrellisAnswer) (1 + r % 5), r % 4 == 0 ? TRELLIS_ANSWER_DONT_KNOW : TRELLIS_ANSWER_BLANK,
                                   r % 3 == 0 ? TRELLIS_ANSWER_NOT_APPLICABLE : (TrellisAnswer) (1 + r % 4) };

      trellis_round_add_response (round, answers, groups[r % G_N_ELEMENTS (groups)]);
    }
  for (guint j = 0; j < n_comments; j++)
    {
      g_autofree char *text = two_threads_comment (j);

      trellis_round_add_comment_full (round, j % 5 == 0 ? "C" : j % 2 == 0 ? "A" : "B", text, j % 4);
    }
  return round;
}

/* Saving on two threads writes the bytes one thread writes, wherever the second
 * thread's share begins: in the answer lines, in a section's comments, between parts,
 * in the tree's text at the end. */
static void
test_two_threads_save (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autoptr(GBytes) one = NULL;
  g_autoptr(TrellisProject) loaded = NULL;
  TrellisRound *rounds[] = {
    two_threads_round ("many", 60, 90), trellis_round_new ("empty"), two_threads_round ("few", 7, 4),
    two_threads_round ("answers only", 30, 0),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rounds); i++)
    {
      trellis_project_append_round (project, rounds[i]);
      g_object_unref (rounds[i]);
    }
  _trellis_bulk_set_two_threads (G_MAXUINT64, 0);
  one = trellis_project_save_to_bytes (project);
  for (guint share = 1; share <= 100; share++)
    {
      g_autoptr(GBytes) two = NULL;

      _trellis_bulk_set_two_threads (1, share);
      two = trellis_project_save_to_bytes (project);
      if (!g_bytes_equal (one, two))
        g_error ("share %u%%: two threads wrote other bytes", share);
    }
  _trellis_bulk_set_two_threads (0, 0);
  loaded = load_ok (one);
  assert_same_rounds (project, loaded);
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comments (last_round (loaded, 1), "C"), 0), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-format/from-1.2", test_from_1_2);
  g_test_add_func ("/project-format/old-fixtures", test_old_fixtures);
  g_test_add_func ("/project-format/odd-group-names", test_odd_group_names);
  g_test_add_func ("/project-format/empty-rounds", test_empty_rounds);
  g_test_add_func ("/project-format/eleven-points", test_eleven_points);
  g_test_add_func ("/project-format/bad-answer-lines", test_bad_answer_lines);
  g_test_add_func ("/project-format/lenient-lines", test_lenient_lines);
  g_test_add_func ("/project-format/bombs-refused", test_bombs_refused);
  g_test_add_func ("/project-format/many-comments", test_many_comments);
  g_test_add_func ("/project-format/plain-parts", test_plain_parts);
  g_test_add_func ("/project-format/answer-characters", test_answer_characters);
  g_test_add_func ("/project-format/loaded-comments-edited", test_loaded_comments_edited);
  g_test_add_func ("/project-format/plain-parts-damaged", test_plain_parts_damaged);
  g_test_add_func ("/project-format/two-threads-save", test_two_threads_save);
  g_test_add_func ("/project-format/answer-lines-written", test_answer_lines_written);

  return g_test_run ();
}
