/* test-project-io.c: the .trellis file: round trips, hostile input, atomic saves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "test-io-common.h"
#include "trellis-project-io.h"

static GBytes *
save_load_save (GBytes *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) loaded = trellis_project_load_bytes (first, "round-trip.trellis", &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return trellis_project_save_to_bytes (loaded);
}

static GFile *
fixture (const char *name)
{
  return g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures", name, NULL));
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("trellis-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Every value the model holds, compared through the public API: a byte-identical
 * round trip alone would not notice a field the writer and reader both forget. */
static void
assert_same_properties (gpointer a,
                        gpointer b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;

      if (G_TYPE_IS_OBJECT (pspecs[i]->value_type) || !(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value_a, pspecs[i]->value_type);
      g_value_init (&value_b, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &value_a);
      g_object_get_property (b, pspecs[i]->name, &value_b);
      if (pspecs[i]->value_type == G_TYPE_STRV)
        g_assert_true (g_strv_equal (g_value_get_boxed (&value_a), g_value_get_boxed (&value_b)));
      else if (g_param_values_cmp (pspecs[i], &value_a, &value_b) != 0)
        g_error ("%s:%s differs after a round trip", G_OBJECT_TYPE_NAME (a), pspecs[i]->name);
    }
}

static void
assert_same_statement (TrellisStatement *a,
                       TrellisStatement *b)
{
  assert_same_properties (a, b);
  g_assert_cmpuint (trellis_statement_get_n_children (a), ==, trellis_statement_get_n_children (b));
  for (guint i = 0; i < trellis_statement_get_n_children (a); i++)
    assert_same_statement (trellis_statement_get_child (a, i), trellis_statement_get_child (b, i));
}

static void
assert_same_checklist (TrellisChecklist *a,
                       TrellisChecklist *b)
{
  assert_same_properties (a, b);
  g_assert_cmpuint (trellis_checklist_get_n_scales (a), ==, trellis_checklist_get_n_scales (b));
  for (guint i = 0; i < trellis_checklist_get_n_scales (a); i++)
    {
      TrellisScale *scale_a = trellis_checklist_get_scale (a, i);
      TrellisScale *scale_b = trellis_checklist_get_scale (b, i);

      assert_same_properties (scale_a, scale_b);
      for (guint point = 1; point <= trellis_scale_get_n_points (scale_a); point++)
        g_assert_cmpstr (trellis_scale_get_point_label (scale_a, point), ==,
                         trellis_scale_get_point_label (scale_b, point));
    }
  g_assert_cmpuint (trellis_checklist_get_n_sections (a), ==, trellis_checklist_get_n_sections (b));
  for (guint i = 0; i < trellis_checklist_get_n_sections (a); i++)
    {
      TrellisSection *section_a = trellis_checklist_get_section (a, i);
      TrellisSection *section_b = trellis_checklist_get_section (b, i);

      assert_same_properties (section_a, section_b);
      g_assert_cmpuint (trellis_section_get_n_statements (section_a), ==,
                        trellis_section_get_n_statements (section_b));
      for (guint j = 0; j < trellis_section_get_n_statements (section_a); j++)
        assert_same_statement (trellis_section_get_statement (section_a, j),
                               trellis_section_get_statement (section_b, j));
    }
}

static void
assert_same_round (TrellisRound *a,
                   TrellisRound *b)
{
  GPtrArray *sections_a = trellis_round_get_comment_sections (a);
  GPtrArray *sections_b = trellis_round_get_comment_sections (b);
  GPtrArray *columns_a = trellis_round_get_column_rules (a);
  GPtrArray *columns_b = trellis_round_get_column_rules (b);
  GPtrArray *values_a = trellis_round_get_value_rules (a);
  GPtrArray *values_b = trellis_round_get_value_rules (b);
  guint n_items = trellis_round_get_n_items (a);

  assert_same_properties (a, b);
  g_assert_cmpuint (n_items, ==, trellis_round_get_n_items (b));
  {
    g_auto(GStrv) worded_a = trellis_round_dup_worded_statement_ids (a);
    g_auto(GStrv) worded_b = trellis_round_dup_worded_statement_ids (b);

    g_assert_true (g_strv_equal ((const char * const *) worded_a, (const char * const *) worded_b));
    for (guint i = 0; worded_a[i] != NULL; i++)
      g_assert_cmpstr (trellis_round_get_statement_wording (a, worded_a[i]), ==,
                       trellis_round_get_statement_wording (b, worded_a[i]));
  }
  for (guint i = 0; i < n_items; i++)
    g_assert_cmpstr (trellis_round_get_item (a, i), ==, trellis_round_get_item (b, i));
  g_assert_cmpuint (trellis_round_get_n_responses (a), ==, trellis_round_get_n_responses (b));
  for (guint r = 0; r < trellis_round_get_n_responses (a); r++)
    {
      g_assert_cmpmem (trellis_round_get_response (a, r), n_items,
                       trellis_round_get_response (b, r), n_items);
      g_assert_cmpstr (trellis_round_get_response_group (a, r), ==,
                       trellis_round_get_response_group (b, r));
    }

  g_assert_cmpuint (sections_a->len, ==, sections_b->len);
  for (guint i = 0; i < sections_a->len; i++)
    {
      GPtrArray *comments_a = trellis_round_get_comments (a, g_ptr_array_index (sections_a, i));
      GPtrArray *comments_b = trellis_round_get_comments (b, g_ptr_array_index (sections_b, i));

      g_assert_cmpstr (g_ptr_array_index (sections_a, i), ==, g_ptr_array_index (sections_b, i));
      g_assert_cmpuint (comments_a->len, ==, comments_b->len);
      for (guint j = 0; j < comments_a->len; j++)
        {
          const char *section_id = g_ptr_array_index (sections_a, i);

          g_assert_cmpstr (g_ptr_array_index (comments_a, j), ==, g_ptr_array_index (comments_b, j));
          g_assert_cmpint (trellis_round_get_comment_flags (a, section_id, j), ==,
                           trellis_round_get_comment_flags (b, section_id, j));
        }
    }

  g_assert_cmpuint (columns_a->len, ==, columns_b->len);
  for (guint i = 0; i < columns_a->len; i++)
    {
      TrellisColumnRule *rule_a = g_ptr_array_index (columns_a, i);
      TrellisColumnRule *rule_b = g_ptr_array_index (columns_b, i);

      g_assert_cmpstr (rule_a->header, ==, rule_b->header);
      g_assert_cmpint (rule_a->role, ==, rule_b->role);
      g_assert_cmpstr (rule_a->target, ==, rule_b->target);
    }
  g_assert_cmpuint (values_a->len, ==, values_b->len);
  for (guint i = 0; i < values_a->len; i++)
    {
      TrellisValueRule *rule_a = g_ptr_array_index (values_a, i);
      TrellisValueRule *rule_b = g_ptr_array_index (values_b, i);

      g_assert_cmpstr (rule_a->text, ==, rule_b->text);
      g_assert_cmpint (rule_a->answer, ==, rule_b->answer);
    }
}

static void
assert_same_project (TrellisProject *a,
                     TrellisProject *b)
{
  TrellisPlan *plan_a = trellis_project_get_plan (a);
  TrellisPlan *plan_b = trellis_project_get_plan (b);

  assert_same_properties (a, b);
  assert_same_checklist (trellis_project_get_checklist (a), trellis_project_get_checklist (b));
  g_assert_cmpuint (trellis_project_get_n_rounds (a), ==, trellis_project_get_n_rounds (b));
  for (guint i = 0; i < trellis_project_get_n_rounds (a); i++)
    assert_same_round (trellis_project_get_round (a, i), trellis_project_get_round (b, i));
  g_assert_cmpuint (trellis_plan_get_n_actions (plan_a), ==, trellis_plan_get_n_actions (plan_b));
  for (guint i = 0; i < trellis_plan_get_n_actions (plan_a); i++)
    assert_same_properties (trellis_plan_get_action (plan_a, i), trellis_plan_get_action (plan_b, i));
}

static void
on_changed (TrellisProject *project,
            guint          *count)
{
  (*count)++;
}

static void
test_round_trip_full (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autoptr(GBytes) first = trellis_project_save_to_bytes (project);
  g_autoptr(GBytes) again = trellis_project_save_to_bytes (project);
  g_autoptr(TrellisProject) loaded = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  if (g_test_verbose ())
    g_printerr ("%.*s", (int) g_bytes_get_size (first), (const char *) g_bytes_get_data (first, NULL));

  /* Saving is a pure function of the content. */
  g_assert_true (g_bytes_equal (first, again));

  loaded = trellis_project_load_bytes (first, "full.trellis", &error);
  g_assert_no_error (error);
  assert_same_project (project, loaded);
  g_assert_cmpstr (g_ptr_array_index (trellis_round_get_comments (trellis_project_get_round (loaded, 0), "A"), 0),
                   ==, TEST_TRICKY_COMMENT);
  /* Format 1.2: the facilitator's marks and the names list come back. */
  g_assert_cmpint (trellis_round_get_comment_flags (trellis_project_get_round (loaded, 0), "C", 1), ==,
                   TRELLIS_COMMENT_KEY | TRELLIS_COMMENT_HIDDEN);
  g_assert_cmpint (trellis_round_get_comment_flags (trellis_project_get_round (loaded, 0), "A", 1), ==,
                   TRELLIS_COMMENT_HIDDEN);
  g_assert_cmpstr (trellis_project_get_redact_names (loaded)[1], ==, "Siân <O’Neil> & co");

  /* Saving does not touch the project, and the loaded one saves to the same bytes. */
  g_signal_connect (loaded, "changed", G_CALLBACK (on_changed), &n_changed);
  second = trellis_project_save_to_bytes (loaded);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));
}

static void
test_round_trip_empty (void)
{
  g_autoptr(TrellisProject) project = trellis_project_new ();
  g_autoptr(GBytes) first = trellis_project_save_to_bytes (project);
  g_autoptr(GBytes) second = save_load_save (first);

  g_assert_true (g_bytes_equal (first, second));
}

/* Defaults are left out so that a diff of two versions shows what was edited. */
static void
test_defaults_omitted (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autoptr(GBytes) bytes = trellis_project_save_to_bytes (project);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trellis-project "));
  g_assert_null (strstr (text, "included=\"true\""));
  g_assert_nonnull (strstr (text, "included=\"false\""));
  g_assert_null (strstr (text, "<guidance/>"));
  g_assert_nonnull (strstr (text, "\n    <scale id=\"agreement\" points=\"5\">\n"));
  /* UTF-8 written as characters, not character references. */
  g_assert_nonnull (strstr (text, "日本"));
}

static void
test_control_characters_dropped (void)
{
  g_autoptr(TrellisProject) project = trellis_project_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TrellisProject) loaded = NULL;
  g_autoptr(GError) error = NULL;

  trellis_project_set_name (project, "Bell\a and form feed\f, kept: tab\t");
  bytes = trellis_project_save_to_bytes (project);
  loaded = trellis_project_load_bytes (bytes, "control.trellis", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_project_get_name (loaded), ==, "Bell and form feed, kept: tab\t");
}

static void
test_minimal_fixture (void)
{
  g_autoptr(GFile) file = fixture ("minimal.trellis");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_file (file, NULL, &error);
  TrellisRound *round;

  g_assert_no_error (error);
  g_assert_cmpstr (trellis_project_get_name (project), ==, "Test partnership");
  round = trellis_project_get_round (project, 0);
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 2);
  g_assert_cmpint (trellis_round_get_answer (round, 1, 0), ==, TRELLIS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpint (trellis_round_get_answer (round, 1, 1), ==, TRELLIS_ANSWER_BLANK);
  g_assert_cmpstr (trellis_round_get_response_group (round, 1), ==, "Police");
  g_assert_cmpuint (trellis_round_get_n_comments (round), ==, 1);
  /* An older file has no marks and no names list. */
  g_assert_cmpint (trellis_round_get_comment_flags (round, g_ptr_array_index (trellis_round_get_comment_sections (round), 0), 0),
                   ==, TRELLIS_COMMENT_NONE);
  g_assert_null (trellis_project_get_redact_names (project)[0]);
  g_assert_cmpint (trellis_action_get_status (trellis_plan_get_action (trellis_project_get_plan (project), 0)),
                   ==, TRELLIS_ACTION_DONE);
}

/* A mark that is neither true nor false is refused, like any other bad attribute. */
static void
test_comment_flags_hostile (void)
{
  const char *xml =
    "<trellis-project xmlns=\"https://trellisapp.org/ns/project\" format-version=\"1.2\">"
    "<partnership/><checklist><section id=\"A\"/></checklist><rounds><round id=\"r1\">"
    "<comments section=\"A\"><comment key=\"perhaps\">Hello</comment></comments>"
    "</round></rounds></trellis-project>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_bytes (bytes, "marks.trellis", &error);

  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "key"));
}

static TrellisStatement *
load_one_statement (const char *xml_text)
{
  g_autofree char *xml = g_strdup_printf (
    "<trellis-project xmlns=\"https://trellisapp.org/ns/project\" format-version=\"1.1\">"
    "<partnership/><checklist><section id=\"A\"><statement id=\"s1\">%s</statement></section>"
    "</checklist></trellis-project>", xml_text);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&xml), strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_bytes (bytes, "emphasis.trellis", &error);
  TrellisStatement *statement;

  g_assert_no_error (error);
  statement = trellis_checklist_find_statement (trellis_project_get_checklist (project), "s1");
  return g_object_ref (statement);
}

/* Emphasis is mixed content in the file, written as it was read. */
static void
test_emphasis_round_trip (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisStatement *statement = trellis_checklist_find_statement (checklist, "s1");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(TrellisProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;

  trellis_statement_set_text_markup (statement, "Plans of <em>my own</em> organisation &amp; <em>other</em> partners");
  first = trellis_project_save_to_bytes (project);
  xml = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_assert_nonnull (strstr (xml, "<text>Plans of <em>my own</em> organisation &amp; <em>other</em> partners</text>"));
  g_assert_nonnull (strstr (xml, "<text><em>A statement</em> we added <em>ourselves.</em></text>"));
  g_assert_nonnull (strstr (xml, "format-version=\"" TRELLIS_PROJECT_FORMAT_VERSION "\""));

  loaded = trellis_project_load_bytes (first, "emphasis.trellis", &error);
  g_assert_no_error (error);
  statement = trellis_checklist_find_statement (trellis_project_get_checklist (loaded), "s1");
  g_assert_cmpstr (trellis_statement_get_text (statement), ==, "Plans of my own organisation & other partners");
  g_assert_cmpstr (trellis_statement_get_text_markup (statement), ==,
                   "Plans of <em>my own</em> organisation &amp; <em>other</em> partners");
  second = trellis_project_save_to_bytes (loaded);
  g_assert_true (g_bytes_equal (first, second));
}

typedef struct
{
  const char *xml;
  const char *text;
  const char *markup;
} EmphasisCase;

/* Whatever a hand-edited or hostile file puts in <text>, it reads as text: only <em>
 * emphasises, CDATA and references are text, other elements count as their content. */
static void
test_emphasis_hostile (void)
{
  static const EmphasisCase cases[] = {
    { "<text>plain &amp; simple</text>", "plain & simple", "plain &amp; simple" },
    { "<text>a<em>b<em>c</em></em><b>d</b>e</text>", "abcde", "a<em>bc</em>de" },
    { "<text><![CDATA[<em>x</em> & y]]></text>", "<em>x</em> & y", "&lt;em&gt;x&lt;/em&gt; &amp; y" },
    { "<text>&lt;em&gt;not&lt;/em&gt; <em>yes</em></text>", "<em>not</em> yes", "&lt;em&gt;not&lt;/em&gt; <em>yes</em>" },
    { "<text><em></em><em/>only</text>", "only", "only" },
    { "<text><!-- note -->a<?pi x?>b</text>", "ab", "ab" },
    { "<text><em xmlns=\"urn:other\">foreign</em> em</text>", "foreign em", "foreign em" },
    { "<text>&#x1F600; <em>&#233;</em></text>", "\xf0\x9f\x98\x80 \xc3\xa9", "\xf0\x9f\x98\x80 <em>\xc3\xa9</em>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TrellisStatement) statement = load_one_statement (cases[i].xml);

      g_test_message ("case %u: %s", i, cases[i].xml);
      g_assert_cmpstr (trellis_statement_get_text (statement), ==, cases[i].text);
      g_assert_cmpstr (trellis_statement_get_text_markup (statement), ==, cases[i].markup);
    }
}

/* Nested emphasis is not valid (the schema says so) but reads as emphasis. */
static void
test_emphasis_nested_fixture (void)
{
  g_autoptr(GFile) file = fixture ("nested-em.trellis");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_file (file, NULL, &error);
  TrellisStatement *statement;

  g_assert_no_error (error);
  statement = trellis_checklist_find_statement (trellis_project_get_checklist (project), "s1");
  g_assert_cmpstr (trellis_statement_get_text_markup (statement), ==, "The <em>other key</em> partners act.");
}

/* Deleting a statement or a section after a round has answers must not make the project
 * unreadable: the answers and comments stay in the file, and summaries leave them out. */
static void
test_deleted_statements_keep_answers (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisRound *round = trellis_project_get_round (project, 0);
  TrellisStatement *statement = trellis_checklist_get_section (checklist, 0) != NULL
                                  ? trellis_section_get_statement (trellis_checklist_get_section (checklist, 0), 0)
                                  : NULL;
  g_autofree char *statement_id = NULL;
  g_autofree char *section_id = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(TrellisProject) loaded = NULL;
  g_autoptr(TrellisSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  TrellisRound *loaded_round;
  TrellisSection *section;
  int column;

  g_assert_nonnull (statement);
  g_assert_true (trellis_statement_is_rated (statement));
  statement_id = g_strdup (trellis_statement_get_id (statement));
  column = trellis_round_find_item (round, statement_id);
  g_assert_cmpint (column, >=, 0);
  section = trellis_statement_get_section (statement);
  section_id = g_strdup (trellis_section_get_id (section));
  g_assert_nonnull (trellis_round_get_comments (round, section_id));

  trellis_section_remove_statement (section, statement);
  trellis_checklist_remove_section (checklist, section);
  first = trellis_project_save_to_bytes (project);
  loaded = trellis_project_load_bytes (first, "deleted.trellis", &error);
  g_assert_no_error (error);

  loaded_round = trellis_project_get_round (loaded, 0);
  g_assert_cmpint (trellis_round_find_item (loaded_round, statement_id), ==, column);
  for (guint r = 0; r < trellis_round_get_n_responses (round); r++)
    g_assert_cmpint (trellis_round_get_answer (loaded_round, r, column), ==,
                     trellis_round_get_answer (round, r, column));
  g_assert_cmpuint (trellis_round_get_comments (loaded_round, section_id)->len, ==,
                    trellis_round_get_comments (round, section_id)->len);

  summary = trellis_summary_new (loaded, loaded_round, NULL, NULL);
  g_assert_null (trellis_summary_find_item (summary, statement_id));
  g_assert_null (trellis_summary_find_section (summary, section_id));

  second = trellis_project_save_to_bytes (loaded);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_newer_minor_accepted (void)
{
  g_autoptr(GFile) file = fixture ("newer-minor.trellis");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 1);
}

typedef struct
{
  const char *fixture;
  int         code;
  const char *mentions;  /* besides the file name */
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "xxe.trellis", TRELLIS_PROJECT_ERROR_FORBIDDEN, NULL },
  { "billion-laughs.trellis", TRELLIS_PROJECT_ERROR_FORBIDDEN, NULL },
  { "internal-dtd.trellis", TRELLIS_PROJECT_ERROR_FORBIDDEN, NULL },
  { "external-dtd.trellis", TRELLIS_PROJECT_ERROR_FORBIDDEN, NULL },
  { "undefined-entity.trellis", TRELLIS_PROJECT_ERROR_MALFORMED, "line 4" },
  { "empty.trellis", TRELLIS_PROJECT_ERROR_MALFORMED, NULL },
  { "wrong-root.trellis", TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, NULL },
  { "wrong-namespace.trellis", TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, NULL },
  { "no-namespace.trellis", TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, NULL },
  { "newer-major.trellis", TRELLIS_PROJECT_ERROR_NEWER_VERSION, "(format 2.0); this version reads format 1.x" },
  { "no-version.trellis", TRELLIS_PROJECT_ERROR_INVALID, NULL },
  { "duplicate-statement-id.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 15" },
  { "duplicate-section-id.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 22" },
  { "duplicate-scale-id.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 10" },
  { "duplicate-round-id.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 34" },
  { "duplicate-action-id.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 39" },
  { "wrong-token-count.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 28" },
  { "too-few-tokens.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 27" },
  { "answer-outside-scale.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 27" },
  { "bad-answer-token.trellis", TRELLIS_PROJECT_ERROR_INVALID, "“yes”" },
  { "duplicate-item.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 26" },
  { "bad-date.trellis", TRELLIS_PROJECT_ERROR_INVALID, "2026-02-30" },
  { "bad-kind.trellis", TRELLIS_PROJECT_ERROR_INVALID, "essay" },
  { "bad-status.trellis", TRELLIS_PROJECT_ERROR_INVALID, "finished" },
  { "bad-role.trellis", TRELLIS_PROJECT_ERROR_INVALID, "person" },
  { "bad-scale-role.trellis", TRELLIS_PROJECT_ERROR_INVALID, "role=\"urgency\" is not a scale role" },
  { "bad-included.trellis", TRELLIS_PROJECT_ERROR_INVALID, "maybe" },
  { "bad-points.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 7" },
  { "nested-in-rating.trellis", TRELLIS_PROJECT_ERROR_INVALID, "line 17" },
  { "two-checklists.trellis", TRELLIS_PROJECT_ERROR_INVALID, "<checklist>" },
};

static void
assert_refused (GError     *error,
                int         code,
                const char *display_name,
                const char *mentions)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", display_name);

  g_assert_error (error, TRELLIS_PROJECT_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, quoted));
  if (mentions != NULL && strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
}

static void
test_hostile_fixture (gconstpointer data)
{
  const HostileCase *hostile = data;
  g_autoptr(GFile) file = fixture (hostile->fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_file (file, NULL, &error);

  g_assert_null (project);
  assert_refused (error, hostile->code, hostile->fixture, hostile->mentions);
}

static void
assert_bytes_refused (GBytes     *bytes,
                      int         code,
                      const char *mentions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_bytes (bytes, "hostile.trellis", &error);

  g_assert_null (project);
  assert_refused (error, code, "hostile.trellis", mentions);
}

static void
test_truncated (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autoptr(GBytes) bytes = trellis_project_save_to_bytes (project);
  gsize size = g_bytes_get_size (bytes);

  /* Cut anywhere, including inside a multi-byte character: always "damaged", with a line. */
  for (gsize cut = size / 2; cut < size / 2 + 8; cut++)
    {
      g_autoptr(GBytes) half = g_bytes_new_from_bytes (bytes, 0, cut);
      assert_bytes_refused (half, TRELLIS_PROJECT_ERROR_MALFORMED, "line");
    }
  {
    g_autoptr(GBytes) almost = g_bytes_new_from_bytes (bytes, 0, size - 3);
    assert_bytes_refused (almost, TRELLIS_PROJECT_ERROR_MALFORMED, "line");
  }
  /* Just after the first byte of a multi-byte character: damaged, not foreign. */
  {
    const guint8 *data = g_bytes_get_data (bytes, NULL);
    const guint8 *lead = data;
    g_autoptr(GBytes) mid_character = NULL;

    while ((*lead & 0xC0) != 0xC0)
      lead++;
    mid_character = g_bytes_new_from_bytes (bytes, 0, lead - data + 1);
    assert_bytes_refused (mid_character, TRELLIS_PROJECT_ERROR_MALFORMED, "line");
  }
}

/* Windows editors put a byte-order mark before UTF-8; it is still UTF-8. */
static void
test_utf8_bom_accepted (void)
{
  g_autoptr(GFile) file = fixture ("minimal.trellis");
  g_autoptr(GBytes) plain = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GByteArray) with_bom = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = NULL;

  g_byte_array_append (with_bom, (const guint8 *) "\xEF\xBB\xBF", 3);
  g_byte_array_append (with_bom, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&with_bom));
  project = trellis_project_load_bytes (bytes, "bom.trellis", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_project_get_name (project), ==, "Test partnership");
}

static void
test_binary_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261012);
  guint8 garbage[4096];
  g_autoptr(GBytes) bytes = NULL;
  static const guint8 png_header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autoptr(GBytes) png = g_bytes_new_static (png_header, sizeof png_header);

  for (gsize i = 0; i < sizeof garbage; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);
  bytes = g_bytes_new (garbage, sizeof garbage);
  assert_bytes_refused (bytes, TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, "UTF-8");
  assert_bytes_refused (png, TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, NULL);
}

static void
test_utf16 (void)
{
  g_autoptr(GFile) file = fixture ("minimal.trellis");
  g_autoptr(GBytes) utf8 = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  /* With a byte-order mark, as editors save "Unicode" text. */
  g_autofree char *utf16 = g_convert (g_bytes_get_data (utf8, NULL), g_bytes_get_size (utf8),
                                      "UTF-16", "UTF-8", NULL, &length, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = g_bytes_new (utf16, length);
  assert_bytes_refused (bytes, TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, "UTF-8");
}

static void
test_latin1_declared (void)
{
  const char *latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                       "<trellis-project xmlns=\"https://trellisapp.org/ns/project\" format-version=\"1.0\">"
                       "<partnership><name>C\xf4te</name></partnership></trellis-project>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (latin1, strlen (latin1));

  assert_bytes_refused (bytes, TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, "UTF-8");
}

static void
test_too_large_sparse (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.trellis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = NULL;

  /* Past the limit (a share of memory) yet taking no disk space: it must be refused
   * from its size alone. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), trellis_project_get_max_size () + 1, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  project = trellis_project_load_file (file, NULL, &error);
  g_assert_null (project);
  assert_refused (error, TRELLIS_PROJECT_ERROR_TOO_LARGE, "huge.trellis", NULL);
  test_remove_tree (dir);
}

/* A device never ends and a named pipe without a writer blocked open() for ever: both
 * are refused at once, before anything is read, as is a folder. */
static void
test_special_files (void)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo_path = g_build_filename (dir, "pipe.trellis", NULL);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = NULL;

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      project = trellis_project_load_file (zero, NULL, &error);
      g_assert_null (project);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_cmpstr (error->message, ==, "Could not open “zero”: it is a device, not a file");
      g_clear_error (&error);
    }

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  project = trellis_project_load_file (fifo, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, "Could not open “pipe.trellis”: it is a named pipe, not a file");
  g_clear_error (&error);

  project = trellis_project_load_file (folder, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  project = trellis_project_new ();
  g_assert_false (trellis_project_save_file (project, fifo, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_file_test (fifo_path, G_FILE_TEST_EXISTS) && !g_file_test (fifo_path, G_FILE_TEST_IS_REGULAR));
  test_remove_tree (dir);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.trellis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_file (file, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“missing.trellis”"));
  test_remove_tree (dir);
}

/* No temporary file is ever left behind. */
static void
assert_n_entries (const char *path,
                  guint       expected)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, expected);
}

static void
save_ok (TrellisProject *project,
         const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_project_save_file (project, file, NULL, &error));
  g_assert_no_error (error);
}

static void
test_save_backup (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "northshire.trellis", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autoptr(GBytes) first = trellis_project_save_to_bytes (project);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) backed_up = NULL;

  save_ok (project, path);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  on_disk = read_bytes (path);
  g_assert_true (g_bytes_equal (on_disk, first));

  trellis_project_set_name (project, "Renamed partnership");
  second = trellis_project_save_to_bytes (project);
  save_ok (project, path);
  g_clear_pointer (&on_disk, g_bytes_unref);
  on_disk = read_bytes (path);
  backed_up = read_bytes (backup);
  g_assert_true (g_bytes_equal (on_disk, second));
  g_assert_true (g_bytes_equal (backed_up, first));

  /* A third save keeps exactly one backup, the previous version, and no temporary files. */
  trellis_project_set_name (project, "Third name");
  save_ok (project, path);
  g_clear_pointer (&backed_up, g_bytes_unref);
  backed_up = read_bytes (backup);
  g_assert_true (g_bytes_equal (backed_up, second));
  assert_n_entries (dir, 2);

  test_remove_tree (dir);
}

static void
assert_save_fails (TrellisProject *project,
                   const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *quoted = g_strdup_printf ("“%s”", basename);

  g_assert_false (trellis_project_save_file (project, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, quoted));
}

static void
test_save_failure_keeps_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "northshire.trellis", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *blocker = g_build_filename (backup, "blocker", NULL);
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  save_ok (project, path);
  before = read_bytes (path);
  trellis_project_set_name (project, "An edit that must not reach the disk");

  if (geteuid () != 0)
    {
      /* The usual case: the folder became read-only. */
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      assert_save_fails (project, path);
      g_chmod (dir, 0700);
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      g_clear_pointer (&after, g_bytes_unref);
    }

  /* Permissions do not stop root; a backup that cannot be replaced stops everyone. */
  g_assert_cmpint (g_mkdir (backup, 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  assert_save_fails (project, path);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  assert_n_entries (dir, 2);

  test_remove_tree (dir);
}

static void
test_save_into_impossible_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *regular = g_build_filename (dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (regular, "p.trellis", NULL);
  g_autofree char *under_missing = g_build_filename (dir, "no-such-folder", "p.trellis", NULL);
  g_autoptr(TrellisProject) project = test_build_full_project ();

  g_assert_true (g_file_set_contents (regular, "not a folder", -1, NULL));
  assert_save_fails (project, under_file);
  assert_save_fails (project, under_missing);
  g_assert_false (g_file_test (under_missing, G_FILE_TEST_EXISTS));

  test_remove_tree (dir);
}

/* A round of realistic size: 2,000 respondents, every item of the checklist. */
static void
test_large_round (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autoptr(TrellisRound) round = trellis_round_new ("big");
  g_auto(GStrv) keys = trellis_checklist_dup_item_keys (checklist, FALSE);
  guint n_keys = g_strv_length (keys);
  g_autofree TrellisAnswer *answers = g_new0 (TrellisAnswer, n_keys);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  g_assert_true (trellis_round_set_items (round, (const char * const *) keys));
  for (guint r = 0; r < 2000; r++)
    {
      for (guint i = 0; i < n_keys; i++)
        answers[i] = (r + i) % 5 == 4 ? TRELLIS_ANSWER_BLANK : (TrellisAnswer) ((r + i) % 4 + 1);
      trellis_round_add_response (round, answers, r % 3 == 0 ? "Police" : NULL);
    }
  trellis_project_append_round (project, round);

  first = trellis_project_save_to_bytes (project);
  second = save_load_save (first);
  g_assert_true (g_bytes_equal (first, second));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-io/round-trip/full", test_round_trip_full);
  g_test_add_func ("/project-io/round-trip/empty", test_round_trip_empty);
  g_test_add_func ("/project-io/round-trip/large-round", test_large_round);
  g_test_add_func ("/project-io/write/defaults-omitted", test_defaults_omitted);
  g_test_add_func ("/project-io/write/control-characters", test_control_characters_dropped);
  g_test_add_func ("/project-io/read/minimal", test_minimal_fixture);
  g_test_add_func ("/project-io/read/newer-minor", test_newer_minor_accepted);
  g_test_add_func ("/project-io/read/comment-flags-hostile", test_comment_flags_hostile);
  g_test_add_func ("/project-io/emphasis/round-trip", test_emphasis_round_trip);
  g_test_add_func ("/project-io/emphasis/hostile", test_emphasis_hostile);
  g_test_add_func ("/project-io/emphasis/nested", test_emphasis_nested_fixture);
  g_test_add_func ("/project-io/read/deleted-statements-keep-answers", test_deleted_statements_keep_answers);
  g_test_add_func ("/project-io/read/utf-8-bom", test_utf8_bom_accepted);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/project-io/hostile/%s", hostile_cases[i].fixture);
      g_test_add_data_func (test_path, &hostile_cases[i], test_hostile_fixture);
    }
  g_test_add_func ("/project-io/hostile/truncated", test_truncated);
  g_test_add_func ("/project-io/hostile/binary-garbage", test_binary_garbage);
  g_test_add_func ("/project-io/hostile/utf-16", test_utf16);
  g_test_add_func ("/project-io/hostile/latin-1", test_latin1_declared);
  g_test_add_func ("/project-io/hostile/too-large-sparse", test_too_large_sparse);
  g_test_add_func ("/project-io/hostile/special-files", test_special_files);
  g_test_add_func ("/project-io/load/missing-file", test_missing_file);
  g_test_add_func ("/project-io/save/backup", test_save_backup);
  g_test_add_func ("/project-io/save/failure-keeps-file", test_save_failure_keeps_file);
  g_test_add_func ("/project-io/save/impossible-folder", test_save_into_impossible_folder);

  return g_test_run ();
}
