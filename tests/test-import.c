/* test-import.c: every layout imported to exact counts; anonymity; hostile files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "test-import-common.h"
#include "trellis-model.h"
#include "trellis-import.h"
#include "trellis-import-private.h"
#include "trellis-project-io.h"
#include "trellis-template.h"

#define SEED 20261012

static JsonObject *expected;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static TrellisImport *
import_fixtures (TrellisProject      *project,
                 const char * const  *names,
                 GError             **error)
{
  g_autoptr(TrellisImport) import = trellis_import_new (project);

  trellis_import_set_seed (import, SEED);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = fixture_path (names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!trellis_import_add_file (import, file, TRELLIS_TABLE_FORMAT_AUTO, NULL, error))
        return NULL;
    }
  return g_steal_pointer (&import);
}

static char *
saved_text (TrellisProject *project)
{
  g_autoptr(GBytes) bytes = trellis_project_save_to_bytes (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* LimeSurvey's files mark some of the blanks as questions the survey did not show: those
 * are counted apart. */
static void
assert_counts (TrellisRound *round,
               guint         times,
               gboolean      marks_not_shown)
{
  g_assert_cmpuint (trellis_round_get_n_items (round), ==, 60);
  test_import_assert_counts (expected, round, times,
                             marks_not_shown ? TEST_NOT_SHOWN_APART : TEST_NOT_SHOWN_NONE);
}

static void
assert_comments (TrellisRound *round)
{
  JsonObject *comments = json_object_get_object_member (expected, "comments");
  GList *sections = json_object_get_members (comments);

  for (GList *l = sections; l != NULL; l = l->next)
    {
      GPtrArray *texts = trellis_round_get_comments (round, l->data);

      g_assert_nonnull (texts);
      g_assert_cmpuint (texts->len, ==, json_object_get_int_member (comments, l->data));
      for (guint i = 0; i < texts->len; i++)
        {
          const char *text = g_ptr_array_index (texts, i);
          /* Formula masking is undone; spreadsheet escapes and CRs are gone. */
          g_assert_false (g_str_has_prefix (text, "'"));
          g_assert_null (strstr (text, "_x000D_"));
          g_assert_null (strchr (text, '\r'));
        }
    }
  g_list_free (sections);
}

/* A comment as compared: a spreadsheet's dash may have become a hyphen. */
static char *
dup_comparable (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\u2014", "-", 0);
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Each section holds its own respondents' comments, not merely as many. */
static void
assert_comment_texts (TrellisRound *round)
{
  JsonObject *texts = json_object_get_object_member (expected, "comment_texts");
  g_autoptr(GList) sections = json_object_get_members (texts);

  for (GList *l = sections; l != NULL; l = l->next)
    {
      JsonArray *want = json_object_get_array_member (texts, l->data);
      GPtrArray *got = trellis_round_get_comments (round, l->data);
      g_autoptr(GPtrArray) got_sorted = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) want_sorted = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpuint (got->len, ==, json_array_get_length (want));
      for (guint i = 0; i < got->len; i++)
        {
          g_ptr_array_add (got_sorted, dup_comparable (g_ptr_array_index (got, i)));
          g_ptr_array_add (want_sorted, dup_comparable (json_array_get_string_element (want, i)));
        }
      g_ptr_array_sort (got_sorted, compare_texts);
      g_ptr_array_sort (want_sorted, compare_texts);
      for (guint i = 0; i < got_sorted->len; i++)
        g_assert_cmpstr (g_ptr_array_index (got_sorted, i), ==, g_ptr_array_index (want_sorted, i));
    }
}

static void
assert_groups (TrellisRound *round,
               gboolean      folded)
{
  JsonObject *groups = json_object_get_object_member (expected, "groups");
  GList *names = json_object_get_members (groups);

  g_assert_cmpuint (trellis_round_get_n_groups (round), ==, g_list_length (names));
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *name = folded ? g_strdelimit (g_ascii_strdown (l->data, -1), " ", '_')
                                     : g_strdup (l->data);
      g_assert_cmpuint (trellis_round_count_group (round, name), ==, json_object_get_int_member (groups, l->data));
    }
  g_list_free (names);
}

static void
assert_anonymous (TrellisProject *project)
{
  g_autofree char *text = saved_text (project);
  JsonArray *identifying = json_object_get_array_member (expected, "identifying");

  for (guint i = 0; i < json_array_get_length (identifying); i++)
    {
      const char *value = json_array_get_string_element (identifying, i);

      if (strstr (text, value) != NULL)
        g_error ("the saved project holds the identifying value “%s”", value);
    }
  /* And nothing that looks like the tools' ids, addresses or times. */
  g_assert_null (strstr (text, "@northshire-partners.example"));
  g_assert_null (strstr (text, "198.51."));
  g_assert_null (strstr (text, "ImportId"));
  g_assert_null (strstr (text, "2026-09-14 "));
  g_assert_null (strstr (text, "09/14/2026"));
}

typedef struct
{
  const char          *files[3];
  TrellisImportLayout  layout;
  guint                n_header_rows;
  guint                n_excluded;
  guint                n_empty;
  guint                times;
  gboolean             kobo_groups;
  guint                n_dropped;  /* identifying, bookkeeping and completion columns */
} LayoutCase;

static const LayoutCase layout_cases[] = {
  { { "microsoft-forms.xlsx" }, TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS, 1, 0, 0, 1, FALSE, 6 },
  { { "microsoft-forms-ja.xlsx" }, TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS, 1, 0, 0, 1, FALSE, 5 },
  { { "microsoft-forms-libreoffice.xlsx" }, TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS, 1, 0, 0, 1, FALSE, 6 },
  { { "microsoft-forms-libreoffice.ods" }, TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS, 1, 0, 0, 1, FALSE, 6 },
  { { "google-forms.csv" }, TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS, 1, 0, 0, 1, FALSE, 2 },
  { { "google-forms.zip" }, TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS, 1, 0, 0, 1, FALSE, 2 },
  { { "google-forms-libreoffice.xlsx" }, TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS, 1, 0, 0, 1, FALSE, 2 },
  { { "google-forms-libreoffice.ods" }, TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS, 1, 0, 0, 1, FALSE, 2 },
  { { "surveymonkey.csv" }, TRELLIS_IMPORT_LAYOUT_SURVEYMONKEY, 2, 0, 0, 1, FALSE, 9 },
  { { "surveymonkey.xlsx" }, TRELLIS_IMPORT_LAYOUT_SURVEYMONKEY, 2, 0, 0, 1, FALSE, 9 },
  { { "qualtrics.csv" }, TRELLIS_IMPORT_LAYOUT_QUALTRICS, 3, 3, 0, 1, FALSE, 17 },
  { { "qualtrics-utf16.tsv" }, TRELLIS_IMPORT_LAYOUT_QUALTRICS, 3, 3, 0, 1, FALSE, 17 },
  { { "qualtrics-legacy.csv" }, TRELLIS_IMPORT_LAYOUT_QUALTRICS_LEGACY, 2, 0, 0, 1, FALSE, 10 },
  { { "limesurvey-code.csv" }, TRELLIS_IMPORT_LAYOUT_LIMESURVEY, 1, 1, 1, 1, FALSE, 11 },
  { { "limesurvey-full.csv" }, TRELLIS_IMPORT_LAYOUT_LIMESURVEY, 1, 1, 1, 1, FALSE, 11 },
  { { "kobotoolbox.csv" }, TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX, 2, 0, 0, 1, TRUE, 19 },
  { { "generic-cp1252.csv" }, TRELLIS_IMPORT_LAYOUT_GENERIC, 1, 0, 0, 1, FALSE, 0 },
  { { "generic-bom.csv" }, TRELLIS_IMPORT_LAYOUT_GENERIC, 1, 0, 0, 1, FALSE, 0 },
  { { "generic-unicode.txt" }, TRELLIS_IMPORT_LAYOUT_GENERIC, 1, 0, 0, 1, FALSE, 0 },
  { { "generic-utf16be.csv" }, TRELLIS_IMPORT_LAYOUT_GENERIC, 1, 0, 0, 1, FALSE, 0 },
  { { "generic.ods" }, TRELLIS_IMPORT_LAYOUT_GENERIC, 1, 0, 0, 1, FALSE, 0 },
  /* Two collectors of one survey: one round. */
  { { "google-forms.csv", "google-forms.zip" }, TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS, 1, 0, 0, 2, FALSE, 2 },
};

static void
test_layout (gconstpointer data)
{
  const LayoutCase *test = data;
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_fixtures (project, test->files, &error);
  g_auto(GStrv) small = NULL;
  g_autofree char *default_label = NULL;
  TrellisRound *round;
  GListModel *columns;
  guint n_dropped = 0, n_items = 0, n_comments = 0, n_groups = 0;

  g_assert_no_error (error);
  g_assert_cmpint (trellis_import_get_layout (import), ==, test->layout);
  g_assert_cmpuint (trellis_import_get_n_header_rows (import), ==, test->n_header_rows);

  columns = trellis_import_get_columns (import);
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(TrellisImportColumn) column = g_list_model_get_item (columns, c);

      switch (trellis_import_column_get_role (column))
        {
        case TRELLIS_COLUMN_ITEM:
          n_items++;
          g_assert_cmpfloat (trellis_import_column_get_confidence (column), >=, 0.75);
          break;
        case TRELLIS_COLUMN_COMMENT:
          n_comments++;
          break;
        case TRELLIS_COLUMN_GROUP:
          n_groups++;
          break;
        case TRELLIS_COLUMN_IDENTIFYING:
        case TRELLIS_COLUMN_METADATA:
        case TRELLIS_COLUMN_COMPLETION:
          n_dropped++;
          g_assert_nonnull (trellis_import_column_get_reason (column));
          break;
        case TRELLIS_COLUMN_IGNORED:
        default:
          break;
        }
    }
  g_assert_cmpuint (n_items, ==, 60);
  g_assert_cmpuint (n_comments, ==, 4);
  g_assert_cmpuint (n_groups, ==, 1);
  g_assert_cmpuint (n_dropped, >=, test->n_dropped);

  /* Known before building: what the assistant shows beside its switch. */
  g_assert_cmpuint (trellis_import_count_incomplete (import), ==, test->times * test->n_excluded);
  /* The month of the last response, read from timestamps that are then dropped. */
  default_label = trellis_import_dup_default_label (import);
  g_assert_cmpstr (default_label, ==, test->layout == TRELLIS_IMPORT_LAYOUT_GENERIC ? "Round 1" : "September 2026");

  round = trellis_import_apply (import, "Autumn 2026", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 1);
  g_assert_true (trellis_project_get_round (project, 0) == round);
  g_assert_cmpstr (trellis_round_get_label (round), ==, "Autumn 2026");
  g_assert_cmpstr (trellis_round_get_date (round), ==,
                   test->layout == TRELLIS_IMPORT_LAYOUT_GENERIC ? NULL : "2026-09-15");
  g_assert_cmpuint (trellis_round_get_n_excluded (round), ==, test->times * test->n_excluded);
  g_assert_cmpuint (trellis_import_get_n_empty (import), ==, test->times * test->n_empty);
  assert_counts (round, test->times, test->layout == TRELLIS_IMPORT_LAYOUT_LIMESURVEY);
  if (test->times == 1)
    {
      assert_comments (round);
      /* LibreOffice ran "=SUM(A1:A3) is not…" as a formula when it converted the CSV. */
      if (strstr (test->files[0], "libreoffice") == NULL)
        assert_comment_texts (round);
      assert_groups (round, test->kobo_groups);
    }
  /* Health (3) and Fire and Rescue (1) are below five; twice over, only Fire (2). */
  small = trellis_import_dup_small_groups (import, round);
  g_assert_cmpuint (g_strv_length (small), ==, test->times == 1 ? 2 : 1);
  assert_anonymous (project);
}

/*****/

static void
test_incomplete_included (void)
{
  const char *files[] = { "qualtrics.csv", NULL };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_fixtures (project, files, &error);
  TrellisRound *round;

  g_assert_no_error (error);
  trellis_import_set_include_incomplete (import, TRUE);
  round = trellis_import_apply (import, "With unfinished", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 18);
  g_assert_cmpuint (trellis_round_get_n_excluded (round), ==, 0);
}

/* Comments carry no link to their response or to each other: each section's comments
 * are shuffled on their own. */
static void
test_comments_shuffled (void)
{
  const char *files[] = { "google-forms.csv", NULL };
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func (g_free);

  for (guint32 seed = 1; seed <= 2; seed++)
    for (guint again = 0; again < 2; again++)
      {
        g_autoptr(TrellisProject) project = test_import_new_project ();
        g_autoptr(GError) error = NULL;
        g_autoptr(TrellisImport) import = import_fixtures (project, files, &error);
        g_autoptr(GString) order = g_string_new (NULL);
        TrellisRound *round;

        trellis_import_set_seed (import, seed);
        round = trellis_import_apply (import, "Round", &error);
        g_assert_no_error (error);
        for (guint s = 0; s < trellis_round_get_comment_sections (round)->len; s++)
          {
            GPtrArray *texts = trellis_round_get_comments (round, g_ptr_array_index (trellis_round_get_comment_sections (round), s));
            for (guint i = 0; i < texts->len; i++)
              g_string_append_printf (order, "%s|", (const char *) g_ptr_array_index (texts, i));
          }
        g_ptr_array_add (orders, g_string_free (g_steal_pointer (&order), FALSE));
      }
  /* The same seed, the same order (tests); another seed, another order. */
  g_assert_cmpstr (orders->pdata[0], ==, orders->pdata[1]);
  g_assert_cmpstr (orders->pdata[2], ==, orders->pdata[3]);
  g_assert_cmpstr (orders->pdata[0], !=, orders->pdata[2]);
}

/* The second round of the same survey imports with the first round's confirmed
 * mapping, also after a save and a load, and asks nothing. */
static void
test_mapping_reused (void)
{
  const char *files[] = { "generic-bom.csv", NULL };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisProject) reloaded = NULL;
  g_autoptr(TrellisImport) first = NULL;
  g_autoptr(TrellisImport) second = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TrellisRound *round;
  GListModel *columns;

  first = import_fixtures (project, files, &error);
  g_assert_no_error (error);
  g_assert_null (trellis_import_get_reused_round (first));
  /* The facilitator confirms the columns as they are. */
  columns = trellis_import_get_columns (first);
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(TrellisImportColumn) column = g_list_model_get_item (columns, c);
      g_assert_true (trellis_import_set_column (first, c, trellis_import_column_get_role (column),
                                                trellis_import_column_get_target (column), &error));
    }
  g_assert_false (trellis_import_needs_review (first));
  g_assert_nonnull (trellis_import_apply (first, "Spring 2026", &error));
  g_assert_no_error (error);

  bytes = trellis_project_save_to_bytes (project);
  reloaded = trellis_project_load_bytes (bytes, "project.trellis", &error);
  g_assert_no_error (error);

  second = import_fixtures (reloaded, files, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trellis_import_get_reused_round (second));
  g_assert_cmpstr (trellis_round_get_label (trellis_import_get_reused_round (second)), ==, "Spring 2026");
  g_assert_false (trellis_import_needs_review (second));
  round = trellis_import_apply (second, "Autumn 2026", &error);
  g_assert_no_error (error);
  assert_counts (round, 1, FALSE);
  g_assert_cmpuint (trellis_project_get_n_rounds (reloaded), ==, 2);
}

/* An answer off the scale stops the import with the file, row and column; once the
 * facilitator says what it means, it imports, and the rule is kept for next time. */
static void
test_value_rule (void)
{
  const char *files[] = { "outside-scale.csv", NULL };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_fixtures (project, files, &error);
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(TrellisRound) failed = NULL;
  TrellisImportValue *first;
  TrellisRound *round;
  GPtrArray *rules;

  g_assert_no_error (error);
  failed = trellis_import_build_round (import, "Round 1", &error);
  g_assert_null (failed);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_BAD_ANSWER);
  g_assert_cmpstr (error->message, ==, "“outside-scale.csv”, row 7, column F: “Sometimes” is not an answer on the scale");
  g_clear_error (&error);
  g_assert_true (trellis_import_needs_review (import));

  values = trellis_import_dup_values (import);
  first = g_ptr_array_index (values, 0);
  g_assert_cmpstr (first->text, ==, "Sometimes");
  g_assert_false (first->mapped);
  g_assert_cmpuint (first->count, ==, 1);

  trellis_import_set_value (import, "sometimes", 3);
  round = trellis_import_apply (import, "Round 1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 11);
  rules = trellis_round_get_value_rules (round);
  g_assert_cmpuint (rules->len, ==, 1);
  g_assert_cmpstr (((TrellisValueRule *) g_ptr_array_index (rules, 0))->text, ==, "sometimes");
}

static void
test_set_column (void)
{
  const char *files[] = { "google-forms.csv", NULL };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_fixtures (project, files, &error);
  TrellisImportColumn *s1_column = NULL, *group_column = NULL;
  GListModel *columns = trellis_import_get_columns (import);
  guint email = 1;

  g_assert_no_error (error);
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      TrellisImportColumn *column = trellis_import_get_column (import, c);
      if (g_strcmp0 (trellis_import_column_get_target (column), "s1") == 0)
        s1_column = column;
      if (trellis_import_column_get_role (column) == TRELLIS_COLUMN_GROUP)
        group_column = column;
    }
  g_assert_nonnull (s1_column);
  g_assert_nonnull (group_column);

  /* Samples for the assistant, but none of a column that identifies people. */
  {
    g_auto(GStrv) samples = trellis_import_dup_samples (import, trellis_import_column_get_index (group_column), 3);
    g_auto(GStrv) emails = trellis_import_dup_samples (import, email, 3);

    g_assert_cmpuint (g_strv_length (samples), ==, 3);
    g_assert_cmpuint (g_strv_length (emails), ==, 0);
  }

  /* An item belongs to one column; a second group column replaces the first. */
  g_assert_true (trellis_import_set_column (import, 5, TRELLIS_COLUMN_ITEM, "s1", &error));
  g_assert_cmpint (trellis_import_column_get_role (s1_column), ==, TRELLIS_COLUMN_IGNORED);
  g_assert_true (trellis_import_set_column (import, email, TRELLIS_COLUMN_GROUP, NULL, &error));
  g_assert_cmpint (trellis_import_column_get_role (group_column), ==, TRELLIS_COLUMN_IGNORED);
  g_assert_false (trellis_import_set_column (import, 5, TRELLIS_COLUMN_ITEM, "no-such-statement", &error));
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_NO_STATEMENTS);
}

static void
test_round_exists (void)
{
  const char *files[] = { "google-forms.csv", NULL };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_fixtures (project, files, &error);

  g_assert_nonnull (trellis_import_apply (import, "Autumn", &error));
  g_assert_null (trellis_import_apply (import, "Autumn", &error));
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_ROUND_EXISTS);
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 1);
}

/* Dudley's checklist rates each statement twice; a header naming a scale answers on it. */
static void
test_two_scales (void)
{
  const char csv[] =
    "1. The partnership has a clear and unambiguous remit.,"
    "1. The partnership has a clear and unambiguous remit. - Importance,"
    "2. There is clarity about the role that this partnership group plays within the overall CPP. - Importance,"
    "2. There is clarity about the role that this partnership group plays within the overall CPP.\r\n"
    "4,5,3,2\r\n"
    "Agree,1,N/A,Strongly disagree\r\n";
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisScale) importance = trellis_scale_new ("importance", 5);
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  const char *keys[] = { "s1", "s1@importance", "s2", "s2@importance" };
  const TrellisAnswer first[] = { 4, 5, 2, 3 };
  const TrellisAnswer second[] = { 4, 1, 1, TRELLIS_ANSWER_NOT_APPLICABLE };
  TrellisRound *round;
  guint row;

  trellis_scale_set_title (importance, "Importance");
  trellis_checklist_append_scale (trellis_project_get_checklist (project), importance);
  g_assert_true (trellis_import_add_bytes (import, bytes, "dudley.csv", TRELLIS_TABLE_FORMAT_AUTO, &error));
  round = trellis_import_apply (import, "Round 1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_round_get_n_items (round), ==, 4);
  /* Responses are stored in a random order: the first row is the one rating s1's
   * importance 5. */
  row = trellis_round_get_answer (round, 0, trellis_round_find_item (round, "s1@importance")) == 5 ? 0 : 1;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      int item = trellis_round_find_item (round, keys[i]);
      g_assert_cmpint (item, ==, (int) i);
      g_assert_cmpint (trellis_round_get_answer (round, row, item), ==, first[i]);
      g_assert_cmpint (trellis_round_get_answer (round, 1 - row, item), ==, second[i]);
    }
}

/* Answers are read a column at a time; an answer off the scale is still named as a
 * reader going row by row meets it: the earliest row first, then the first column. */
static void
test_first_bad_answer (void)
{
  static const struct { const char *rows; const char *message; } cases[] = {
    { "4,5\r\n4,Rarely\r\nOften,5\r\n", "“order.csv”, row 3, column B: “Rarely” is not an answer on the scale" },
    { "4,5\r\nOften,Rarely\r\n", "“order.csv”, row 3, column A: “Often” is not an answer on the scale" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv = g_strconcat ("1. The partnership has a clear and unambiguous remit.,"
                                          "2. There is clarity about the role that this partnership group plays within the overall CPP.\r\n",
                                          cases[i].rows, NULL);
      g_autoptr(TrellisProject) project = test_import_new_project ();
      g_autoptr(TrellisImport) import = trellis_import_new (project);
      g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisRound) round = NULL;

      g_assert_true (trellis_import_add_bytes (import, bytes, "order.csv", TRELLIS_TABLE_FORMAT_AUTO, &error));
      g_assert_no_error (error);
      round = trellis_import_build_round (import, "Round 1", &error);
      g_assert_null (round);
      g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_BAD_ANSWER);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Microsoft Forms heads a Likert question's columns by their statements alone: the
 * same statements asked again, for a second scale, answer on that scale, in order. */
static void
test_two_scales_repeated (void)
{
  const char csv[] =
    "1. The partnership has a clear and unambiguous remit.,"
    "2. There is clarity about the role that this partnership group plays within the overall CPP.,"
    "1. The partnership has a clear and unambiguous remit.,"
    "2. There is clarity about the role that this partnership group plays within the overall CPP.\r\n"
    "4,5,3,2\r\n"
    "Agree,1,N/A,Strongly disagree\r\n";
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisScale) importance = trellis_scale_new ("importance", 5);
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  const char *targets[] = { "s1", "s2", "s1@importance", "s2@importance" };

  trellis_scale_set_title (importance, "Importance");
  trellis_checklist_append_scale (trellis_project_get_checklist (project), importance);
  g_assert_true (trellis_import_add_bytes (import, bytes, "forms.csv", TRELLIS_TABLE_FORMAT_AUTO, &error));
  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (targets); c++)
    {
      TrellisImportColumn *column = trellis_import_get_column (import, c);

      g_assert_cmpint (trellis_import_column_get_role (column), ==, TRELLIS_COLUMN_ITEM);
      g_assert_cmpstr (trellis_import_column_get_target (column), ==, targets[c]);
    }
  g_assert_cmpuint (trellis_import_count_unsettled (import), ==, 0);
}

/* Empty cells past the header are harmless; a short row is a broken line. */
static void
test_row_lengths (void)
{
  const char padded[] = "Q1,Q2\r\n4,5,,\r\n3,2\r\n";
  const char short_row[] = "Q1,Q2\r\n4,5\r\n3\r\n";
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) good = trellis_import_new (project);
  g_autoptr(TrellisImport) bad = trellis_import_new (project);
  g_autoptr(GBytes) padded_bytes = g_bytes_new_static (padded, sizeof padded - 1);
  g_autoptr(GBytes) short_bytes = g_bytes_new_static (short_row, sizeof short_row - 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_import_add_bytes (good, padded_bytes, "padded.csv", TRELLIS_TABLE_FORMAT_AUTO, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_import_column_get_target (trellis_import_get_column (good, 1)), ==, "s2");
  g_assert_false (trellis_import_add_bytes (bad, short_bytes, "short.csv", TRELLIS_TABLE_FORMAT_AUTO, &error));
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_RAGGED);
  g_assert_cmpstr (error->message, ==, "“short.csv”, row 3: the row has 1 cell where the header has 2; the file may be damaged");
}

/* Files of one round number their distinct cells each in their own order: what a cell
 * reads as is learnt again for each file. Here "Agree" is the first answer of one file
 * and "Disagree" of the other, in columns and a group column alike. */
static void
test_files_read_apart (void)
{
  const char first[] = "Q1,Q2,Sector\r\nAgree,Agree,Police\r\nDisagree,Agree,Health\r\nDisagree,Agree,Police\r\n";
  const char second[] = "Q1,Q2,Sector\r\nDisagree,N/A,Health\r\nAgree,Agree,Police\r\nAgree,Disagree,Police\r\n";
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(GBytes) first_bytes = g_bytes_new_static (first, sizeof first - 1);
  g_autoptr(GBytes) second_bytes = g_bytes_new_static (second, sizeof second - 1);
  g_autoptr(TrellisRound) round = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[2][6] = { { 0 } };

  g_assert_true (trellis_import_add_bytes (import, first_bytes, "a.csv", TRELLIS_TABLE_FORMAT_AUTO, &error));
  g_assert_true (trellis_import_add_bytes (import, second_bytes, "b.csv", TRELLIS_TABLE_FORMAT_AUTO, &error));
  g_assert_no_error (error);
  round = trellis_import_build_round (import, "Two files", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 6);
  for (guint r = 0; r < 6; r++)
    {
      const TrellisAnswer *answers = trellis_round_get_response (round, r);

      for (guint i = 0; i < 2; i++)
        counts[i][answers[i] == TRELLIS_ANSWER_NOT_APPLICABLE ? 5 : answers[i]]++;
    }
  /* Agree is 4, Disagree 2, on the five-point scale. */
  g_assert_cmpuint (counts[0][4], ==, 3);
  g_assert_cmpuint (counts[0][2], ==, 3);
  g_assert_cmpuint (counts[1][4], ==, 4);
  g_assert_cmpuint (counts[1][2], ==, 1);
  g_assert_cmpuint (counts[1][5], ==, 1);
  g_assert_cmpuint (trellis_round_count_group (round, "Police"), ==, 4);
  g_assert_cmpuint (trellis_round_count_group (round, "Health"), ==, 2);
}

/*****/

static TrellisImport *
import_text (TrellisProject  *project,
             const char      *text,
             GError         **error)
{
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  trellis_import_set_seed (import, SEED);
  if (!trellis_import_add_bytes (import, bytes, "export.csv", TRELLIS_TABLE_FORMAT_AUTO, error))
    return NULL;
  return g_steal_pointer (&import);
}

static TrellisColumnRole
role_of (TrellisImport *import,
         const char    *header)
{
  GListModel *columns = trellis_import_get_columns (import);

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    if (strcmp (trellis_import_column_get_header (trellis_import_get_column (import, c)), header) == 0)
      return trellis_import_column_get_role (trellis_import_get_column (import, c));
  g_error ("no column “%s”", header);
}

/* Identifying columns are told by their headers in the tools' languages and spellings;
 * a column about the respondent's organisation is a group, not a person. */
static void
test_identifying_headers (void)
{
  const char text[] =
    "Q1,Q2,E-mail,Courriel,IP-Adresse,Respondent,_submitted_by,Zeitstempel,Correo electrónico,"
    "Name of your organisation,Your name and organisation\r\n"
    "4,5,a@example.org,b@example.org,10.0.0.1,Ann,ann1,x,c@example.org,Police,Ann Lee (Police)\r\n"
    "3,4,,,10.0.0.2,Bob,bob2,y,,Council,Bob Roe (Council)\r\n"
    "2,3,,,10.0.0.3,Cat,cat3,z,,Police,Cat Poe (Police)\r\n"
    "5,5,,,10.0.0.4,Dan,dan4,w,,Council,Dan Moe (Council)\r\n";
  const char *identifying[] = {
    "E-mail", "Courriel", "IP-Adresse", "Respondent", "_submitted_by", "Zeitstempel",
    "Correo electrónico", "Your name and organisation",
  };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_text (project, text, &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (identifying); i++)
    {
      g_test_message ("%s", identifying[i]);
      g_assert_cmpint (role_of (import, identifying[i]), ==, TRELLIS_COLUMN_IDENTIFYING);
    }
  g_assert_cmpint (role_of (import, "Name of your organisation"), ==, TRELLIS_COLUMN_GROUP);
  g_assert_nonnull (trellis_import_apply (import, "Round 1", &error));
  g_assert_no_error (error);
  saved = saved_text (project);
  g_assert_nonnull (strstr (saved, "<group>Police</group>"));
  g_assert_null (strstr (saved, "Ann"));
  g_assert_null (strstr (saved, "@example.org"));
}

/* A free-text answer to "which organisation?" that most respondents fill in their own
 * way ("Jane Smith, Police") names people: it is not proposed as the group, so their
 * names are not stored beside their answers. */
static void
test_per_person_column_not_group (void)
{
  const char text[] =
    "Q1,Q2,Which organisation do you represent?\r\n"
    "4,5,\"John Smith, Police\"\r\n"
    "3,4,\"Jane Doe, Council\"\r\n"
    "2,3,Ann Lee - NHS\r\n"
    "5,5,Police\r\n"
    "4,4,Bob Roe (Fire)\r\n";
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_text (project, text, &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (role_of (import, "Which organisation do you represent?"), !=, TRELLIS_COLUMN_GROUP);
  g_assert_nonnull (trellis_import_apply (import, "Round 1", &error));
  saved = saved_text (project);
  g_assert_null (strstr (saved, "John"));
  g_assert_null (strstr (saved, "group="));
}

/* An e-mail address in the organisation column: the column is not proposed as the
 * group, and if the facilitator makes it the group, the address is still kept nowhere. */
static void
test_email_not_group (void)
{
  const char text[] =
    "Q1,Q2,Which sector do you represent?\r\n"
    "4,5,Police\r\n"
    "3,4,Council\r\n"
    "2,3,Police\r\n"
    "5,5,Council\r\n"
    "4,4,\"Fire, j.smith@fire.example.org\"\r\n";
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_text (project, text, &error);
  g_autofree char *saved = NULL;
  TrellisRound *round;

  g_assert_no_error (error);
  g_assert_cmpint (role_of (import, "Which sector do you represent?"), !=, TRELLIS_COLUMN_GROUP);
  g_assert_true (trellis_import_set_column (import, 2, TRELLIS_COLUMN_GROUP, NULL, &error));
  round = trellis_import_apply (import, "Round 1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_round_get_n_groups (round), ==, 2);
  g_assert_cmpuint (trellis_round_count_group (round, "Police"), ==, 2);
  saved = saved_text (project);
  g_assert_null (strstr (saved, "example.org"));
}

/* The same export imported twice writes <groups> alike: the groups are numbered in the
 * order of their names, not in the order the shuffled responses first show them. */
static void
test_groups_in_name_order (void)
{
  const char *names[] = { "Police", "Council", "NHS", "Fire", "Voluntary sector", "Ambulance" };
  g_autoptr(GString) text = g_string_new ("Q1,Q2,Which organisation do you represent?\r\n");
  g_autofree char *first = NULL;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (text, "%u,%u,%s\r\n", 1 + i % 5, 1 + i % 3, names[(i * 7) % G_N_ELEMENTS (names)]);
  for (guint pass = 0; pass < 4; pass++)
    {
      g_autoptr(TrellisProject) project = test_import_new_project ();
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisImport) import = import_text (project, text->str, &error);
      g_autofree char *saved = NULL;
      TrellisRound *round;
      const char *groups;

      g_assert_no_error (error);
      g_assert_true (trellis_import_set_column (import, 2, TRELLIS_COLUMN_GROUP, NULL, &error));
      round = trellis_import_apply (import, "Round 1", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trellis_round_get_n_groups (round), ==, G_N_ELEMENTS (names));
      for (guint i = 1; i < trellis_round_get_n_groups (round); i++)
        g_assert_cmpint (strcmp (trellis_round_get_group (round, i - 1), trellis_round_get_group (round, i)), <, 0);
      g_assert_cmpuint (trellis_round_count_group (round, "Police"), ==, 20);
      saved = saved_text (project);
      groups = strstr (saved, "<groups");
      g_assert_nonnull (groups);
      if (first == NULL)
        first = g_strndup (groups, strstr (groups, "</groups>") - groups);
      else
        g_assert_true (g_str_has_prefix (groups, first));
    }
}

/* A project's last round says the e-mail column is the group (a facilitator's slip, or
 * a project file made to harvest addresses): the next import still drops it. */
static void
test_stored_rule_keeps_identifying_dropped (void)
{
  const char *files[] = { "google-forms.csv", NULL };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisRound) earlier = trellis_round_new ("r1");
  g_autoptr(TrellisColumnRule) group = trellis_column_rule_new ("Email address", TRELLIS_COLUMN_GROUP, NULL);
  g_autoptr(TrellisColumnRule) comment = trellis_column_rule_new ("Timestamp", TRELLIS_COLUMN_COMMENT, "A");
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;

  trellis_round_set_label (earlier, "Spring");
  trellis_round_add_column_rule (earlier, group);
  trellis_round_add_column_rule (earlier, comment);
  trellis_project_append_round (project, earlier);

  import = import_fixtures (project, files, &error);
  g_assert_no_error (error);
  g_assert_cmpint (role_of (import, "Email address"), ==, TRELLIS_COLUMN_IDENTIFYING);
  g_assert_cmpint (role_of (import, "Timestamp"), ==, TRELLIS_COLUMN_IDENTIFYING);
  g_assert_nonnull (trellis_import_apply (import, "Autumn", &error));
  g_assert_no_error (error);
  assert_anonymous (project);
}

/* Exports list responses in the order people answered; the round does not, or knowing
 * when a colleague answered would find their answers (and their group). */
static void
test_responses_shuffled (void)
{
  g_autoptr(GString) text = g_string_new ("Q1,Q2,Which sector do you represent?\r\n");
  g_autoptr(GString) file_order = g_string_new (NULL);
  g_autoptr(GString) round_order = g_string_new (NULL);
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = NULL;
  TrellisDistribution stored;
  TrellisRound *round;

  for (guint i = 0; i < 40; i++)
    {
      g_string_append_printf (text, "%u,%u,%s\r\n", 1 + i % 5, 1 + i / 8, i < 20 ? "Police" : "Council");
      g_string_append_printf (file_order, "%u%u%c ", 1 + i % 5, 1 + i / 8, i < 20 ? 'P' : 'C');
    }
  import = import_text (project, text->str, &error);
  g_assert_no_error (error);
  round = trellis_import_apply (import, "Round 1", &error);
  g_assert_no_error (error);

  trellis_distribution_init (&stored, 5);
  for (guint r = 0; r < trellis_round_get_n_responses (round); r++)
    {
      g_string_append_printf (round_order, "%d%d%c ", trellis_round_get_answer (round, r, 0),
                              trellis_round_get_answer (round, r, 1),
                              trellis_round_get_response_group (round, r)[0]);
      trellis_distribution_add (&stored, trellis_round_get_answer (round, r, 0));
    }
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 40);
  g_assert_cmpstr (round_order->str, !=, file_order->str);
  /* The same responses, each whole with its group. */
  for (guint p = 0; p < 5; p++)
    g_assert_cmpuint (stored.counts[p], ==, 8);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *response = g_strdup_printf ("%u%u%c ", 1 + i % 5, 1 + i / 8, i < 20 ? 'P' : 'C');
      g_assert_nonnull (strstr (round_order->str, response));
    }
  g_assert_cmpuint (trellis_round_count_group (round, "Police"), ==, 20);
}

typedef struct
{
  const char *files[3];
  int         code;
  const char *message;
} HostileCase;

static const HostileCase hostile_cases[] = {
  { { "empty.csv" }, TRELLIS_IMPORT_ERROR_EMPTY, "“empty.csv”: the file is empty" },
  { { "headers-only.csv" }, TRELLIS_IMPORT_ERROR_EMPTY, "“headers-only.csv”: the file has column headers but no responses" },
  { { "limesurvey-empty.csv" }, TRELLIS_IMPORT_ERROR_EMPTY, "“limesurvey-empty.csv”: the file has column headers but no responses" },
  { { "ragged.csv" }, TRELLIS_IMPORT_ERROR_RAGGED, "“ragged.csv”, row 6: the row has 67 cells where the header has 65; the file may be damaged" },
  { { "binary.csv" }, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, "“binary.csv”: this is not a CSV, XLSX or ODS file" },
  { { "old-excel.xls" }, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, NULL },
  { { "truncated.xlsx" }, TRELLIS_IMPORT_ERROR_CORRUPT, NULL },
  { { "corrupt.xlsx" }, TRELLIS_IMPORT_ERROR_CORRUPT, NULL },
  { { "zip-bomb.xlsx" }, TRELLIS_IMPORT_ERROR_TOO_LARGE, NULL },
  { { "entities.xlsx" }, TRELLIS_IMPORT_ERROR_FORBIDDEN, NULL },
  { { "xxe.xlsx" }, TRELLIS_IMPORT_ERROR_FORBIDDEN, NULL },
  { { "unclosed-quote.csv" }, TRELLIS_IMPORT_ERROR_CORRUPT, NULL },
  { { "no-statements.csv" }, TRELLIS_IMPORT_ERROR_NO_STATEMENTS,
    "“no-statements.csv”: no column matches a statement of the checklist; is this the export of the right survey?" },
  { { "outside-scale.csv" }, TRELLIS_IMPORT_ERROR_BAD_ANSWER,
    "“outside-scale.csv”, row 7, column F: “Sometimes” is not an answer on the scale" },
  { { "google-forms.csv", "no-such-file.csv" }, TRELLIS_IMPORT_ERROR_FAILED, NULL },
  { { "google-forms.csv", "surveymonkey.csv" }, TRELLIS_IMPORT_ERROR_MISMATCH, NULL },
  { { "google-forms.csv", "outside-scale.csv" }, TRELLIS_IMPORT_ERROR_MISMATCH, NULL },
};

/* Bad input: one clear error naming the file, and a project exactly as it was. */
static void
test_hostile (gconstpointer data)
{
  const HostileCase *test = data;
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = saved_text (project);
  g_autofree char *after = NULL;
  const char *failing = test->files[1] != NULL ? test->files[1] : test->files[0];

  import = import_fixtures (project, test->files, &error);
  if (import != NULL)
    g_assert_null (trellis_import_apply (import, "Round 1", &error));
  g_test_message ("%s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, TRELLIS_IMPORT_ERROR, test->code);
  g_assert_true (g_str_has_prefix (error->message, "“"));
  g_assert_nonnull (strstr (error->message, failing));
  g_assert_null (strchr (error->message, '\n'));
  if (test->message != NULL)
    g_assert_cmpstr (error->message, ==, test->message);

  after = saved_text (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 0);
}

/*****/

static void
test_read_answers (void)
{
  g_autoptr(TrellisScale) scale = trellis_scale_new_agreement ();
  const struct { const char *text; TrellisAnswer answer; } cases[] = {
    { "", TRELLIS_ANSWER_BLANK },
    { "5", 5 }, { "1", 1 }, { "4.0", 4 }, { "'2", 2 }, { "6", TRELLIS_ANSWER_UNMAPPED },
    { "0", TRELLIS_ANSWER_UNMAPPED }, { "-99", TRELLIS_ANSWER_BLANK },
    { "Strongly agree", 5 }, { "STRONGLY AGREE", 5 }, { "Agree strongly", 5 },
    { "5 - Strongly Agree", 5 }, { "(4) Agree", 4 }, { "Agree (4)", 4 }, { "4 = Agree", 4 },
    { "strongly_disagree", 1 }, { "Disagree strongly", 1 }, { "Neutral", 3 },
    { "Neither agree or disagree", 3 }, { "Somewhat agree", 4 },
    { "N/A", TRELLIS_ANSWER_NOT_APPLICABLE }, { "n/a", TRELLIS_ANSWER_NOT_APPLICABLE },
    { "Not applicable", TRELLIS_ANSWER_NOT_APPLICABLE }, { "NA", TRELLIS_ANSWER_NOT_APPLICABLE },
    { "0 - Not applicable", TRELLIS_ANSWER_NOT_APPLICABLE },
    { "Don't know", TRELLIS_ANSWER_DONT_KNOW }, { "Dont know", TRELLIS_ANSWER_DONT_KNOW },
    { "Don\u2019t Know", TRELLIS_ANSWER_DONT_KNOW }, { "DK", TRELLIS_ANSWER_DONT_KNOW },
    { "No answer", TRELLIS_ANSWER_BLANK }, { "-", TRELLIS_ANSWER_BLANK },
    { "Sometimes", TRELLIS_ANSWER_UNMAPPED }, { "=1+1", TRELLIS_ANSWER_UNMAPPED },
    { "Agree; Disagree", TRELLIS_ANSWER_UNMAPPED },
    /* A survey run in Welsh. */
    { "Anghytuno’n gryf", 1 }, { "Anghytuno'n gryf", 1 }, { "Anghytuno", 2 },
    { "Ddim yn cytuno nac yn anghytuno", 3 }, { "Cytuno", 4 }, { "Cytuno’n gryf", 5 },
    { "5 - Cytuno'n gryf", 5 }, { "Amherthnasol", TRELLIS_ANSWER_NOT_APPLICABLE },
    { "Ddim yn gwybod", TRELLIS_ANSWER_DONT_KNOW }, { "Ddim yn siŵr", TRELLIS_ANSWER_DONT_KNOW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cleaned = _trellis_import_clean_cell (cases[i].text);
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (_trellis_import_read_answer (scale, cleaned), ==, cases[i].answer);
    }
}

/* A scale labelled in Welsh (trellis_scale_new_agreement() under LANGUAGE=cy) still reads
 * an English export, and reads its own labels. */
static void
test_read_answers_welsh_scale (void)
{
  g_autoptr(TrellisScale) scale = trellis_scale_new ("agreement", 5);
  const char *labels[] = { "Anghytuno’n gryf", "Anghytuno", "Ddim yn cytuno nac yn anghytuno",
                           "Cytuno", "Cytuno’n gryf" };
  const struct { const char *text; TrellisAnswer answer; } cases[] = {
    { "Strongly agree", 5 }, { "Disagree", 2 }, { "Neither agree nor disagree", 3 },
    { "Cytuno'n gryf", 5 }, { "anghytuno", 2 }, { "Don't know", TRELLIS_ANSWER_DONT_KNOW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    trellis_scale_set_point_label (scale, i + 1, labels[i]);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cleaned = _trellis_import_clean_cell (cases[i].text);
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (_trellis_import_read_answer (scale, cleaned), ==, cases[i].answer);
    }
}

static void
test_match_headers (void)
{
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GPtrArray) statements = trellis_checklist_collect_rated (trellis_project_get_checklist (project), FALSE);
  g_autoptr(GArray) texts = _trellis_import_fold_statements (statements);
  const struct { const char *header; const char *code; const char *id; } cases[] = {
    { "The partnership has a clear and unambiguous remit.", NULL, "s1" },
    { "the partnership has a clear, unambiguous remit", NULL, "s1" },
    { "1. The partnership has a clear and unambiguous remit", NULL, "s1" },
    { "Q13: The partnership has strong and effective leadership", NULL, "s13" },
    { "13", NULL, "s13" },
    { "Section A [The partnership has strong and effective leadership]", NULL, "s13" },
    { "Section A - The partnership has strong and effective leadership", NULL, "s13" },
    { "Section A/The partnership has strong and effective leadership", NULL, "s13" },
    { "By working together, the partnership has demonstrably [Delivered more sustainable outcomes]", NULL, "s55h" },
    { "55h) Delivered more sustainable outcomes", NULL, "s55h" },
    { "Each of the individual organisations involved in the partnership \u2018adds value\u2019 to the partnership", NULL, "s6" },
    { "The individuals involved in the partnership offer constructive criticism and regularly\u2026", NULL, "s17" },
    { "A[s23]", "A[s23]", "s23" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) matches = _trellis_import_match_header (texts, cases[i].header, cases[i].code);

      g_test_message ("%s", cases[i].header);
      g_assert_cmpuint (matches->len, >, 0);
      g_assert_cmpstr (trellis_statement_get_id (g_array_index (matches, TrellisStatementMatch, 0).statement),
                       ==, cases[i].id);
    }
}

/* Item codes as tools and coordinators write them, a multi-part item's parts included. */
static void
test_match_codes (void)
{
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GPtrArray) statements = trellis_checklist_collect_rated (trellis_project_get_checklist (project), FALSE);
  g_autoptr(GArray) texts = _trellis_import_fold_statements (statements);
  const struct { const char *header; const char *code; const char *id; } cases[] = {
    { "Q55_1", NULL, "s55a" }, { "55_1", NULL, "s55a" }, { "Q55.1", NULL, "s55a" }, { "55.1", NULL, "s55a" },
    { "Q55a", NULL, "s55a" }, { "55a", NULL, "s55a" }, { "55(b)", NULL, "s55b" }, { "55 (c)", NULL, "s55c" },
    { "Q55[SQ001]", "Q55[SQ001]", "s55a" }, { "Q55_SQ009", NULL, "s55i" }, { "D55[SQ004]", "D55[SQ004]", "s55d" },
    { "Q1", NULL, "s1" }, { "Q01", NULL, "s1" }, { "q1", NULL, "s1" }, { "Item 1", NULL, "s1" }, { "1.", NULL, "s1" },
    { "Agree or not? [Q55_2]", "Q55_2", "s55b" },
    { "55 (d) Provided individuals/ communities with a more convenient service", NULL, "s55d" },
    { "Q55.5 Shifted resources towards a greater emphasis on early intervention", NULL, "s55e" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) matches = _trellis_import_match_header (texts, cases[i].header, cases[i].code);

      g_test_message ("%s", cases[i].header);
      g_assert_cmpuint (matches->len, >, 0);
      g_assert_cmpstr (trellis_statement_get_id (g_array_index (matches, TrellisStatementMatch, 0).statement),
                       ==, cases[i].id);
      /* Sure enough to need no look. */
      g_assert_cmpfloat (g_array_index (matches, TrellisStatementMatch, 0).score, >=, 0.8);
    }
}

/* A comment column's header names its section in any of the ways coordinators write. */
static void
test_name_section (void)
{
  g_autoptr(TrellisProject) project = test_import_new_project ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autoptr(GPtrArray) statements = trellis_checklist_collect_rated (checklist, FALSE);
  g_autoptr(GArray) texts = NULL;

  /* The comment boxes as well as the rated statements. */
  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, s);

      for (guint i = 0; i < trellis_section_get_n_statements (section); i++)
        if (trellis_statement_get_kind (trellis_section_get_statement (section, i)) == TRELLIS_STATEMENT_COMMENT)
          g_ptr_array_add (statements, g_object_ref (trellis_section_get_statement (section, i)));
    }
  texts = _trellis_import_fold_statements (statements);
  const struct { const char *header; const char *code; const char *section; } cases[] = {
    { "Section A \u2013 Partnership Remit, Structure, Membership, and Meetings: any other comments?", NULL, "A" },
    { "Comments on Informed by Evidence", NULL, "B" },
    { "comments on section c", NULL, "C" },
    { "D: Thinking about the issues covered in this section, do you have any other comments?", NULL, "D" },
    { "18. Thinking about the issues covered in this section, do you have any other comments?", NULL, "A" },
    { "Other comments", "Q25_TEXT", "B" },
    { "Impact, performance management and reporting \u2013 other comments", NULL, "D" },
    { "Last page/C: Any other comments?", NULL, "C" },
    { "s40", "s40", "C" },
    /* The IS checklist's own text is the same in every section: it names none. */
    { "Thinking about the issues covered in this section, do you have any other comments or suggestions on how the partnership can improve its operation and impact?", NULL, NULL },
    { "Any other comments?", NULL, NULL },
    { "Comments on sections A and B", NULL, NULL },
    { "Comments on section A or Section B", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].header);
      g_assert_cmpstr (_trellis_import_name_section (checklist, texts, cases[i].header, cases[i].code),
                       ==, cases[i].section);
    }
}

/* Every comment box on a last page, each header naming its section its own way, or
 * headers that are only codes: every answer and comment lands where it belongs, and
 * nothing is left to settle. */
static void
test_gathered (gconstpointer data)
{
  const char *name = data;
  const char *files[] = { name, NULL };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_fixtures (project, files, &error);
  GListModel *columns;
  TrellisRound *round;
  guint n_comments = 0;

  g_assert_no_error (error);
  columns = trellis_import_get_columns (import);
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(TrellisImportColumn) column = g_list_model_get_item (columns, c);

      g_assert_false (trellis_import_column_get_unsettled (column));
      if (trellis_import_column_get_role (column) == TRELLIS_COLUMN_COMMENT)
        {
          n_comments++;
          g_assert_cmpfloat (trellis_import_column_get_confidence (column), >=, 0.8);
        }
    }
  g_assert_cmpuint (n_comments, ==, 4);
  round = trellis_import_apply (import, "Gathered", &error);
  g_assert_no_error (error);
  assert_counts (round, 1, trellis_import_get_layout (import) == TRELLIS_IMPORT_LAYOUT_LIMESURVEY);
  assert_comments (round);
  assert_comment_texts (round);
  assert_anonymous (project);
}

/* A response submitted without a single answer is a respondent, with a blank on every
 * statement; only LimeSurvey's closing blank line is an empty row. */
static void
test_blank_response (void)
{
  const char *files[] = { "limesurvey-blank-response.csv", NULL };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisImport) import = import_fixtures (project, files, &error);
  JsonObject *counts = json_object_get_object_member (expected, "counts");
  g_autoptr(GList) ids = json_object_get_members (counts);
  TrellisRound *round;

  g_assert_no_error (error);
  round = trellis_import_apply (import, "With a blank response", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, json_object_get_int_member (expected, "respondents") + 1);
  g_assert_cmpuint (trellis_import_get_n_no_answers (import), ==, 1);
  g_assert_cmpuint (trellis_import_get_n_empty (import), ==, 1);
  g_assert_cmpuint (trellis_round_get_n_excluded (round), ==, 1);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonArray *want = json_object_get_array_member (counts, l->data);
      int item = trellis_round_find_item (round, l->data);
      TrellisDistribution dist;

      trellis_distribution_init (&dist, 5);
      for (guint r = 0; r < trellis_round_get_n_responses (round); r++)
        trellis_distribution_add (&dist, trellis_round_get_answer (round, r, item));
      for (guint p = 0; p < 5; p++)
        g_assert_cmpuint (dist.counts[p], ==, json_array_get_int_element (want, p));
      g_assert_cmpuint (dist.blank + dist.not_shown, ==, json_array_get_int_element (want, 7) + 1);
    }
}

static void
test_read_day (void)
{
  const struct { const char *text; gboolean day_first; const char *day; } cases[] = {
    { "2026-09-27 15:00:00", FALSE, "2026-09-27" },
    { "2026-09-27T15:00:00.000+01:00", FALSE, "2026-09-27" },
    { "2026/09/27 3:00:00 pm GMT+1", FALSE, "2026-09-27" },
    { "09/27/2026 03:00:00 PM", FALSE, "2026-09-27" },
    { "03/04/2026", FALSE, "2026-03-04" },
    { "03/04/2026", TRUE, "2026-04-03" },
    { "27.09.2026", FALSE, "2026-09-27" },
    /* LimeSurvey's placeholder when date stamps are off, and what is no date. */
    { "1980-01-01 00:00:00", FALSE, NULL },
    { "2026-02-30", FALSE, NULL },
    { "Agree", FALSE, NULL },
    { "", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate day;
      g_autofree char *text = NULL;

      g_date_clear (&day, 1);
      if (_trellis_import_read_day (cases[i].text, cases[i].day_first, &day))
        text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
      g_assert_cmpstr (text, ==, cases[i].day);
    }
}

/* LimeSurvey's code headings ("A1[SQ001]", "AC") carry no text: with the survey's
 * structure file they import exactly, given before or after the export. */
static void
test_structure (gconstpointer data)
{
  gboolean before = GPOINTER_TO_INT (data);
  const char *files[] = { "limesurvey-sq-code.csv", NULL };
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autofree char *lss_path = fixture_path ("limesurvey-survey.lss");
  g_autoptr(GFile) lss = g_file_new_for_path (lss_path);
  g_autoptr(GError) error = NULL;
  TrellisRound *round;

  trellis_import_set_seed (import, SEED);
  if (before)
    g_assert_true (trellis_import_set_structure_file (import, lss, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = fixture_path (files[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (trellis_import_add_file (import, file, TRELLIS_TABLE_FORMAT_AUTO, NULL, &error));
    }
  if (!before)
    {
      /* Without it, the columns of items 1 to 54 answer nothing the import can tell. */
      g_assert_cmpuint (trellis_import_count_unsettled (import), >, 40);
      g_assert_true (trellis_import_set_structure_file (import, lss, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (trellis_import_count_unsettled (import), ==, 0);
  round = trellis_import_apply (import, "Coded", &error);
  g_assert_no_error (error);
  assert_counts (round, 1, TRUE);
  assert_comments (round);
}

static TrellisImport *
import_abbreviated (TrellisProject *project,
                    gboolean        with_structure)
{
  TrellisImport *import = trellis_import_new (project);
  g_autofree char *path = fixture_path ("limesurvey-abbreviated.csv");
  g_autofree char *lss_path = fixture_path ("limesurvey-survey.lss");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) lss = g_file_new_for_path (lss_path);
  g_autoptr(GError) error = NULL;

  trellis_import_set_seed (import, SEED);
  if (with_structure)
    g_assert_true (trellis_import_set_structure_file (import, lss, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_import_add_file (import, file, TRELLIS_TABLE_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  return import;
}

/* LimeSurvey's abbreviated headings ("Please rate eac..  [The partnership.. ]") start
 * many statements alike: with the survey's structure file, the columns' order settles
 * which is which, and every statement and section imports exactly. */
static void
test_abbreviated_structure (void)
{
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) import = import_abbreviated (project, TRUE);
  g_autoptr(GError) error = NULL;
  TrellisRound *round;

  g_assert_cmpuint (trellis_import_count_unsettled (import), ==, 0);
  round = trellis_import_apply (import, "Abbreviated", &error);
  g_assert_no_error (error);
  assert_counts (round, 1, TRUE);
  assert_comments (round);
  assert_comment_texts (round);
}

/* Without the structure file, a shortened header that starts several statements alike
 * is never guessed: each is unsettled, and the import refuses until it is settled.
 * Every column that holds answers is either matched for sure or unsettled. */
static void
test_abbreviated_alone (void)
{
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) import = import_abbreviated (project, FALSE);
  GListModel *columns = trellis_import_get_columns (import);
  g_autoptr(GError) error = NULL;
  guint n_sure = 0, n_unsettled = 0;
  TrellisRound *round;

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(TrellisImportColumn) column = g_list_model_get_item (columns, c);
      const char *header = trellis_import_column_get_header (column);

      if (!g_str_has_prefix (header, "Please rate") && !g_str_has_prefix (header, "By working") &&
          !g_str_has_prefix (header, "Thinking about"))
        continue;
      if (trellis_import_column_get_unsettled (column))
        n_unsettled++;
      else if (trellis_import_column_get_role (column) == TRELLIS_COLUMN_ITEM)
        n_sure++;
      else
        g_assert_not_reached ();
    }
  g_assert_cmpuint (n_unsettled, ==, json_object_get_int_member (expected, "limesurvey_abbreviated_ambiguous"));
  g_assert_cmpuint (n_sure + n_unsettled, ==, 64);
  g_assert_cmpuint (trellis_import_count_unsettled (import), ==, n_unsettled);
  round = trellis_import_apply (import, "Abbreviated", &error);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_UNSETTLED);
  g_assert_null (round);
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 0);
}

/* Structure files are read as the project loader reads projects: hostile ones are
 * refused with a clear message and change nothing. */
static void
test_structure_hostile (void)
{
  const char *names[] = { "lss-entities.lss", "lss-xxe.lss", "lss-truncated.lss", "lss-not-a-survey.lss",
                          "lss-binary.lss", "limesurvey-sq-code.csv" };
  g_autoptr(TrellisProject) project = test_import_new_project ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TrellisImport) import = trellis_import_new (project);
      g_autofree char *path = fixture_path (names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_false (trellis_import_set_structure_file (import, file, NULL, &error));
      g_assert_error (error, TRELLIS_IMPORT_ERROR, error->code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, names[i]));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_null (strstr (error->message, "root:"));
    }
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(TrellisImport) import = trellis_import_new (project);
    g_autoptr(GError) error = NULL;

    g_assert_false (trellis_import_set_structure (import, empty, "empty.lss", &error));
    g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_EMPTY);
  }
}

static void
test_fold (void)
{
  const struct { const char *text; const char *folded; } cases[] = {
    { "  Don\u2019t   Know! ", "dont know" },
    { "N/A", "n a" },
    { "Caf\u00e9 \u2013 \u201cquoted\u201d", "cafe quoted" },
    { "_submission_time", "submission time" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = _trellis_import_fold (cases[i].text);
      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *expected_path = NULL;
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);

  expected_path = fixture_path ("expected.json");
  if (!json_parser_load_from_file (parser, expected_path, &error))
    g_error ("%s", error->message);
  expected = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < G_N_ELEMENTS (layout_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/layout/%s%s%s", layout_cases[i].files[0],
                                               layout_cases[i].files[1] != NULL ? "+" : "",
                                               layout_cases[i].files[1] != NULL ? layout_cases[i].files[1] : "");
      g_test_add_data_func (path, &layout_cases[i], test_layout);
    }
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/hostile/%s%s%s", hostile_cases[i].files[0],
                                               hostile_cases[i].files[1] != NULL ? "+" : "",
                                               hostile_cases[i].files[1] != NULL ? hostile_cases[i].files[1] : "");
      g_test_add_data_func (path, &hostile_cases[i], test_hostile);
    }
  /* Comment boxes gathered on a last page; headers that are only codes. */
  for (guint list = 0; list < 2; list++)
    {
      const char *member = list == 0 ? "gathered" : "coded";
      JsonArray *names = json_object_get_array_member (expected, member);

      for (guint i = 0; i < json_array_get_length (names); i++)
        {
          const char *name = json_array_get_string_element (names, i);
          g_autofree char *path = g_strdup_printf ("/import/%s/%s", member, name);
          g_test_add_data_func (path, name, test_gathered);
        }
    }
  g_test_add_func ("/import/blank-response", test_blank_response);
  g_test_add_data_func ("/import/structure/before", GINT_TO_POINTER (TRUE), test_structure);
  g_test_add_data_func ("/import/structure/after", GINT_TO_POINTER (FALSE), test_structure);
  g_test_add_func ("/import/structure/hostile", test_structure_hostile);
  g_test_add_func ("/import/abbreviated/structure", test_abbreviated_structure);
  g_test_add_func ("/import/abbreviated/alone", test_abbreviated_alone);
  g_test_add_func ("/import/incomplete-included", test_incomplete_included);
  g_test_add_func ("/import/comments-shuffled", test_comments_shuffled);
  g_test_add_func ("/import/anonymity/identifying-headers", test_identifying_headers);
  g_test_add_func ("/import/anonymity/per-person-column-not-group", test_per_person_column_not_group);
  g_test_add_func ("/import/anonymity/email-not-group", test_email_not_group);
  g_test_add_func ("/import/anonymity/responses-shuffled", test_responses_shuffled);
  g_test_add_func ("/import/groups-in-name-order", test_groups_in_name_order);
  g_test_add_func ("/import/anonymity/stored-rule-keeps-identifying-dropped", test_stored_rule_keeps_identifying_dropped);
  g_test_add_func ("/import/mapping-reused", test_mapping_reused);
  g_test_add_func ("/import/first-bad-answer", test_first_bad_answer);
  g_test_add_func ("/import/value-rule", test_value_rule);
  g_test_add_func ("/import/set-column", test_set_column);
  g_test_add_func ("/import/round-exists", test_round_exists);
  g_test_add_func ("/import/two-scales", test_two_scales);
  g_test_add_func ("/import/two-scales-repeated", test_two_scales_repeated);
  g_test_add_func ("/import/row-lengths", test_row_lengths);
  g_test_add_func ("/import/files-read-apart", test_files_read_apart);
  g_test_add_func ("/import/match/answers", test_read_answers);
  g_test_add_func ("/import/match/answers-welsh-scale", test_read_answers_welsh_scale);
  g_test_add_func ("/import/match/headers", test_match_headers);
  g_test_add_func ("/import/match/codes", test_match_codes);
  g_test_add_func ("/import/match/name-section", test_name_section);
  g_test_add_func ("/import/match/read-day", test_read_day);
  g_test_add_func ("/import/match/fold", test_fold);

  return g_test_run ();
}
