/* test-template.c: the built-in checklist templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-io-common.h"
#include "trellis-model.h"
#include "trellis-project-io.h"
#include "trellis-template.h"

static TrellisTemplate *
find_in_list (GListModel *list,
              const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisTemplate) template = g_list_model_get_item (list, i);

      if (g_str_equal (trellis_template_get_id (template), id))
        return template;
    }
  return NULL;
}

static void
test_list (void)
{
  g_autoptr(GListModel) list = trellis_template_list_builtin ();
  TrellisTemplate *ofpc;

  g_assert_true (g_list_model_get_item_type (list) == TRELLIS_TYPE_TEMPLATE);
  g_assert_cmpuint (g_list_model_get_n_items (list), >=, 3);
  ofpc = find_in_list (list, "is-ofpc");
  g_assert_nonnull (ofpc);
  g_assert_cmpstr (trellis_template_get_title (ofpc), ==, "Outcome-Focused Partnership Checklist");
  g_assert_cmpstr (trellis_template_get_version (ofpc), ==, "2");
  g_assert_nonnull (trellis_template_get_summary (ofpc));
  g_assert_nonnull (strstr (trellis_template_get_source (ofpc), "Improvement Service"));
  g_assert_nonnull (find_in_list (list, "nine-ingredients"));
  g_assert_nonnull (find_in_list (list, "laa-performance-matrix"));
  g_assert_nonnull (find_in_list (list, "eight-is"));
  g_assert_nonnull (find_in_list (list, "idea-partnership-assessment"));
  g_assert_nonnull (find_in_list (list, "pat2"));
  g_assert_nonnull (find_in_list (list, "kotter-vision"));
  g_assert_nonnull (find_in_list (list, "audit-commission-key-ingredients"));
  g_assert_nonnull (find_in_list (list, "hull-partnership-toolkit"));
  g_assert_nonnull (find_in_list (list, "dudley-partnership-evaluation"));

  /* Ordered by id, so lists and the command line show them the same way every time. */
  for (guint i = 1; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisTemplate) before = g_list_model_get_item (list, i - 1);
      g_autoptr(TrellisTemplate) after = g_list_model_get_item (list, i);

      g_assert_cmpstr (trellis_template_get_id (before), <, trellis_template_get_id (after));
    }
}

static void
test_every_template_loads (void)
{
  g_autoptr(GListModel) list = trellis_template_list_builtin ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisTemplate) template = g_list_model_get_item (list, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisChecklist) checklist = trellis_template_load (trellis_template_get_id (template), &error);
      g_autoptr(GPtrArray) rated = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (trellis_checklist_get_template_id (checklist), ==, trellis_template_get_id (template));
      g_assert_cmpstr (trellis_checklist_get_template_version (checklist), ==,
                       trellis_template_get_version (template));
      g_assert_nonnull (trellis_checklist_get_title (checklist));
      g_assert_cmpuint (trellis_checklist_get_n_scales (checklist), >=, 1);
      g_assert_cmpuint (trellis_checklist_get_n_sections (checklist), >=, 1);
      rated = trellis_checklist_collect_rated (checklist, TRUE);
      g_assert_cmpuint (rated->len, >, 0);
      for (guint j = 0; j < rated->len; j++)
        g_assert_nonnull (trellis_statement_get_text (g_ptr_array_index (rated, j)));
    }
}

/* The words the published checklist italicises to tell paired statements apart are
 * emphasised; the plain text, which survey exports are matched against, is unchanged. */
static void
test_is_ofpc_emphasis (void)
{
  static const struct { const char *id; const char *markup; } expected[] = {
    { "s36", "The partnership&apos;s priority outcomes are reflected clearly in the strategic and "
             "operational plans of <em>my own</em> organisation." },
    { "s37", "The partnership&apos;s priority outcomes are reflected clearly in the strategic and "
             "operational plans of the <em>other</em> key partners." },
    { "s55f", "Delivered a higher <em>quantity</em> of priority outcomes" },
    { "s55g", "Delivered a higher <em>quality</em> of priority outcomes" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChecklist) checklist = trellis_template_load ("is-ofpc", &error);
  TrellisStatement *statement;
  guint n_spans;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      statement = trellis_checklist_find_statement (checklist, expected[i].id);
      g_assert_cmpstr (trellis_statement_get_text_markup (statement), ==, expected[i].markup);
    }
  statement = trellis_checklist_find_statement (checklist, "s38");
  g_assert_cmpstr (trellis_statement_get_text (statement), ==,
                   "The partnership's priority outcomes are reflected clearly in the resource allocation "
                   "processes / decisions made by my organisation (including decision-making about "
                   "resource reductions).");
  g_assert_nonnull (trellis_statement_get_emphasis (statement, &n_spans));
  g_assert_cmpuint (n_spans, ==, 2);
  statement = trellis_checklist_find_statement (checklist, "s1");
  g_assert_null (trellis_statement_get_emphasis (statement, &n_spans));
}

static void
test_is_ofpc (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChecklist) checklist = trellis_template_load ("is-ofpc", &error);
  g_autoptr(GPtrArray) rated = NULL;
  g_auto(GStrv) keys = NULL;
  const char *codes[] = { "A", "B", "C", "D" };
  const guint comment_items[] = { 18, 25, 40, 56 };
  TrellisScale *scale;
  TrellisStatement *multi;
  guint n_numbered = 0;

  g_assert_no_error (error);

  g_assert_cmpuint (trellis_checklist_get_n_sections (checklist), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, i);
      TrellisStatement *comment = trellis_section_get_comment_statement (section);
      g_autofree char *number = g_strdup_printf ("%u", comment_items[i]);

      g_assert_cmpstr (trellis_section_get_code (section), ==, codes[i]);
      g_assert_nonnull (trellis_section_get_title (section));
      g_assert_nonnull (comment);
      g_assert_cmpstr (trellis_statement_get_number (comment), ==, number);
      n_numbered += trellis_section_get_n_statements (section);
    }
  g_assert_cmpuint (n_numbered, ==, 56);

  /* Numbered 1 to 56 in order, across the sections. */
  for (guint n = 1; n <= 56; n++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", n);
      g_autofree char *number = g_strdup_printf ("%u", n);
      TrellisStatement *statement = trellis_checklist_find_statement (checklist, id);

      g_assert_nonnull (statement);
      g_assert_cmpstr (trellis_statement_get_number (statement), ==, number);
      g_assert_null (trellis_statement_get_parent_statement (statement));
    }

  multi = trellis_checklist_find_statement (checklist, "s55");
  g_assert_cmpint (trellis_statement_get_kind (multi), ==, TRELLIS_STATEMENT_MULTI);
  g_assert_cmpuint (trellis_statement_get_n_children (multi), ==, 9);
  for (guint i = 0; i < 9; i++)
    {
      TrellisStatement *part = trellis_statement_get_child (multi, i);
      g_autofree char *number = g_strdup_printf ("55%c", 'a' + i);

      g_assert_cmpstr (trellis_statement_get_number (part), ==, number);
      g_assert_true (trellis_statement_is_rated (part));
      g_assert_true (trellis_statement_get_parent_statement (part) == multi);
    }
  g_assert_false (trellis_statement_is_rated (multi));

  g_assert_cmpuint (trellis_checklist_get_n_scales (checklist), ==, 1);
  scale = trellis_checklist_get_scale (checklist, 0);
  g_assert_cmpuint (trellis_scale_get_n_points (scale), ==, 5);
  g_assert_cmpstr (trellis_scale_get_point_label (scale, 1), ==, "Strongly disagree");
  g_assert_cmpstr (trellis_scale_get_point_label (scale, 5), ==, "Strongly agree");
  g_assert_true (trellis_scale_get_allow_na (scale));
  g_assert_true (trellis_scale_get_allow_dk (scale));
  g_assert_cmpstr (trellis_scale_get_na_label (scale), ==, "Not applicable");
  g_assert_cmpstr (trellis_scale_get_dk_label (scale), ==, "Don't know");

  /* 56 items - 4 comment boxes - the lead-in of 55 + its 9 parts. */
  rated = trellis_checklist_collect_rated (checklist, TRUE);
  g_assert_cmpuint (rated->len, ==, 60);
  keys = trellis_checklist_dup_item_keys (checklist, TRUE);
  g_assert_cmpuint (g_strv_length (keys), ==, 60);
  g_assert_cmpstr (keys[0], ==, "s1");
  g_assert_cmpstr (keys[59], ==, "s55i");
}

static void
test_nine_ingredients (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChecklist) checklist = trellis_template_load ("nine-ingredients", &error);
  g_autoptr(GPtrArray) rated = NULL;
  TrellisSection *section;

  g_assert_no_error (error);
  g_assert_cmpuint (trellis_checklist_get_n_sections (checklist), ==, 1);
  section = trellis_checklist_get_section (checklist, 0);
  g_assert_cmpuint (trellis_section_get_n_statements (section), ==, 9);
  rated = trellis_checklist_collect_rated (checklist, TRUE);
  g_assert_cmpuint (rated->len, ==, 9);
  g_assert_true (g_str_has_prefix (trellis_statement_get_text (g_ptr_array_index (rated, 3)),
                                   "There is a ‘golden thread’ running through from outcomes"));
  g_assert_cmpuint (trellis_scale_get_n_points (trellis_checklist_get_scale (checklist, 0)), ==, 5);
}

static void
test_laa_matrix (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChecklist) checklist = trellis_template_load ("laa-performance-matrix", &error);
  g_autoptr(GPtrArray) rated = NULL;
  const char *headings[] = {
    "Outcomes",
    "Indicators and targets",
    "Performance monitoring and reporting",
    "Performance management and improvement",
    "Operational planning and delivery",
  };
  TrellisStatement *first;

  g_assert_no_error (error);
  g_assert_cmpuint (trellis_checklist_get_n_sections (checklist), ==, G_N_ELEMENTS (headings));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_cmpstr (trellis_section_get_title (trellis_checklist_get_section (checklist, i)), ==, headings[i]);

  /* Every characteristic carries the matrix's three columns of guidance. */
  rated = trellis_checklist_collect_rated (checklist, TRUE);
  g_assert_cmpuint (rated->len, ==, 16);
  for (guint i = 0; i < rated->len; i++)
    {
      TrellisStatement *statement = g_ptr_array_index (rated, i);

      g_assert_true (g_str_has_prefix (trellis_statement_get_questions (statement), "• "));
      g_assert_true (g_str_has_prefix (trellis_statement_get_best_case (statement), "• "));
      g_assert_true (g_str_has_prefix (trellis_statement_get_worst_case (statement), "• "));
    }
  first = g_ptr_array_index (rated, 0);
  g_assert_cmpstr (trellis_statement_get_text (first), ==, "Outcomes are derived from evidence of local circumstances");
  g_assert_cmpstr (trellis_statement_get_worst_case (first), ==,
                   "• conflicting political outcomes based on party or territorial divisions\n"
                   "• everything is a priority\n"
                   "• no clear outcomes in the LAA\n"
                   "• local priorities not translated to outcomes\n"
                   "• outcomes' evidence missing, or many indirect proxies used");
}

/* Every file in data/templates/ is built in (listed in data/trellis-core.gresource.xml),
 * and the schema tests in tests/meson.build validate every one. */
static void
test_builtin_files_complete (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", NULL);
  g_autoptr(GListModel) list = trellis_template_list_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GString) listed = g_string_new (NULL);
  const char *schema_tested = g_getenv ("TRELLIS_TEST_BUILTIN_TEMPLATES");
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".xml"));
      if (find_in_list (list, id) == NULL)
        g_error ("data/templates/%s is not built in", name);
      n_files++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_files);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisTemplate) template = g_list_model_get_item (list, i);

      g_string_append_printf (listed, "%s%s", i > 0 ? "," : "", trellis_template_get_id (template));
    }
  if (schema_tested != NULL)
    g_assert_cmpstr (schema_tested, ==, listed->str);
}

/* What "trellis-cli templates" and the New Project dialog show: a title, a one-line
 * description and the source. */
static void
test_every_template_describes_itself (void)
{
  g_autoptr(GListModel) list = trellis_template_list_builtin ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisTemplate) template = g_list_model_get_item (list, i);
      const char *summary = trellis_template_get_summary (template);

      g_test_message ("template %s", trellis_template_get_id (template));
      g_assert_nonnull (trellis_template_get_title (template));
      g_assert_nonnull (summary);
      g_assert_null (strchr (summary, '\n'));
      g_assert_nonnull (trellis_template_get_source (template));
      g_assert_cmpstr (trellis_template_get_version (template), !=, "");
    }
}

typedef struct
{
  const char *id;
  guint       n_sections;
  guint       n_rated;
  gboolean    noted;  /* every rated statement carries the source's words as guidance */
  const char *first_statement;
} WrittenTemplate;

/* The templates whose statements are written for Trellis from a source's summary: the
 * shape the source gives, a comment box closing every section, the agreement scale with
 * Not applicable and Don't know, and a description that says how they were written. */
static void
test_written_templates (void)
{
  static const WrittenTemplate expected[] = {
    { "eight-is", 1, 8, TRUE,
      "Each partner has something of value to contribute and is good at its core business." },
    { "idea-partnership-assessment", 5, 21, FALSE, "The partnership has a clear vision." },
    { "pat2", 1, 5, TRUE, "The partners recognise and accept the need for partnership." },
    { "kotter-vision", 1, 6, TRUE,
      "The partnership's vision conveys a picture of what the future will look like." },
    { "audit-commission-key-ingredients", 1, 6, TRUE, "The partners have clear, shared objectives." },
    { "hull-partnership-toolkit", 1, 8, TRUE,
      "The Council is clear about its purpose and expected outcomes in entering this partnership." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TrellisTemplate) template = trellis_template_find (expected[i].id);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisChecklist) checklist = trellis_template_load (expected[i].id, &error);
      g_autoptr(GPtrArray) rated = NULL;
      TrellisScale *scale;

      g_test_message ("template %s", expected[i].id);
      g_assert_no_error (error);
      g_assert_nonnull (template);
      g_assert_nonnull (strstr (trellis_template_get_summary (template), "written for Trellis from"));
      g_assert_cmpuint (trellis_checklist_get_n_sections (checklist), ==, expected[i].n_sections);
      for (guint j = 0; j < expected[i].n_sections; j++)
        {
          TrellisSection *section = trellis_checklist_get_section (checklist, j);
          guint n = trellis_section_get_n_statements (section);

          g_assert_nonnull (trellis_section_get_comment_statement (section));
          g_assert_true (trellis_section_get_statement (section, n - 1) ==
                         trellis_section_get_comment_statement (section));
        }
      rated = trellis_checklist_collect_rated (checklist, TRUE);
      g_assert_cmpuint (rated->len, ==, expected[i].n_rated);
      g_assert_cmpstr (trellis_statement_get_text (g_ptr_array_index (rated, 0)), ==, expected[i].first_statement);
      for (guint j = 0; expected[i].noted && j < rated->len; j++)
        g_assert_nonnull (trellis_statement_get_note (g_ptr_array_index (rated, j)));

      g_assert_cmpuint (trellis_checklist_get_n_scales (checklist), ==, 1);
      scale = trellis_checklist_get_scale (checklist, 0);
      g_assert_cmpuint (trellis_scale_get_n_points (scale), ==, 5);
      g_assert_cmpstr (trellis_scale_get_point_label (scale, 1), ==, "Strongly disagree");
      g_assert_true (trellis_scale_get_allow_na (scale));
      g_assert_true (trellis_scale_get_allow_dk (scale));
    }
}

/* Dudley's six themes, every statement rated twice: the importance scale first (its
 * answers keep the statement's id), then effectiveness, each with its role. */
static void
test_dudley (void)
{
  const char *themes[] = { "Strategic", "Inclusive", "Action focussed", "Performance managed", "Efficient",
                           "Learning and development" };
  g_autoptr(TrellisTemplate) template = trellis_template_find ("dudley-partnership-evaluation");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChecklist) checklist = trellis_template_load ("dudley-partnership-evaluation", &error);
  g_autoptr(GPtrArray) rated = NULL;
  g_auto(GStrv) keys = NULL;
  TrellisScale *importance, *effectiveness;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (trellis_template_get_summary (template), "written for Trellis from"));
  g_assert_nonnull (strstr (trellis_template_get_source (template), "Dudley"));
  g_assert_cmpuint (trellis_checklist_get_n_sections (checklist), ==, G_N_ELEMENTS (themes));
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, i);
      guint n = trellis_section_get_n_statements (section);

      g_assert_cmpstr (trellis_section_get_title (section), ==, themes[i]);
      g_assert_nonnull (trellis_section_get_description (section));
      g_assert_true (trellis_section_get_statement (section, n - 1) == trellis_section_get_comment_statement (section));
    }
  rated = trellis_checklist_collect_rated (checklist, TRUE);
  g_assert_cmpuint (rated->len, ==, 18);

  g_assert_cmpuint (trellis_checklist_get_n_scales (checklist), ==, 2);
  importance = trellis_checklist_get_scale (checklist, 0);
  effectiveness = trellis_checklist_get_scale (checklist, 1);
  g_assert_cmpint (trellis_scale_get_role (importance), ==, TRELLIS_SCALE_ROLE_IMPORTANCE);
  g_assert_cmpint (trellis_scale_get_role (effectiveness), ==, TRELLIS_SCALE_ROLE_EFFECTIVENESS);
  g_assert_true (trellis_checklist_find_scale_by_role (checklist, TRELLIS_SCALE_ROLE_EFFECTIVENESS) == effectiveness);
  g_assert_cmpstr (trellis_scale_get_point_label (importance, 5), ==, "Very important");
  g_assert_cmpstr (trellis_scale_get_point_label (effectiveness, 1), ==, "Not effective");
  g_assert_true (trellis_scale_get_allow_na (effectiveness) && trellis_scale_get_allow_dk (effectiveness));

  keys = trellis_checklist_dup_item_keys (checklist, TRUE);
  g_assert_cmpuint (g_strv_length (keys), ==, 36);
  g_assert_true (g_strv_contains ((const char * const *) keys, "d1"));
  g_assert_true (g_strv_contains ((const char * const *) keys, "d1@effectiveness"));
}

/* The IDeA tool's areas, each described as the source defines it. */
static void
test_idea_areas (void)
{
  const char *areas[] = { "Action focus", "Efficiency", "Inclusiveness", "Learning and development",
                          "Performance management" };
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChecklist) checklist = trellis_template_load ("idea-partnership-assessment", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, i);

      g_assert_cmpstr (trellis_section_get_title (section), ==, areas[i]);
      g_assert_true (g_str_has_prefix (trellis_section_get_description (section), "How the partnership "));
    }
}

static void
test_unknown (void)
{
  const char *ids[] = { "no-such-template", "", "../is-ofpc", "is-ofpc.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisChecklist) checklist = trellis_template_load (ids[i], &error);

      g_assert_null (checklist);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_null (trellis_template_find (ids[i]));
    }
}

static void
on_changed (TrellisProject *project,
            guint          *count)
{
  (*count)++;
}

static void
test_new_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_new_from_template ("is-ofpc", "Northshire CSP", &error);
  g_autoptr(TrellisProject) missing = NULL;
  TrellisChecklist *checklist;
  guint n_changed = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (trellis_project_get_name (project), ==, "Northshire CSP");
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 0);
  g_assert_cmpuint (trellis_project_get_min_group_size (project), ==, TRELLIS_MIN_GROUP_SIZE_DEFAULT);
  checklist = trellis_project_get_checklist (project);
  g_assert_cmpstr (trellis_checklist_get_template_id (checklist), ==, "is-ofpc");
  g_assert_true (trellis_node_get_parent (TRELLIS_NODE (checklist)) == TRELLIS_NODE (project));

  /* The template's checklist is the project's own: edits reach the project. */
  g_signal_connect (project, "changed", G_CALLBACK (on_changed), &n_changed);
  trellis_statement_set_included (trellis_checklist_find_statement (checklist, "s55c"), FALSE);
  g_assert_cmpuint (n_changed, ==, 1);

  missing = trellis_project_new_from_template ("no-such-template", "X", &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A project made from each template saves and loads back unchanged. */
static void
test_round_trip (void)
{
  g_autoptr(GListModel) list = trellis_template_list_builtin ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisTemplate) template = g_list_model_get_item (list, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisProject) project =
        trellis_project_new_from_template (trellis_template_get_id (template), "Partnership", &error);
      g_autoptr(GBytes) first = trellis_project_save_to_bytes (project);
      g_autoptr(TrellisProject) loaded = trellis_project_load_bytes (first, "template.trellis", &error);
      g_autoptr(GBytes) second = NULL;

      g_assert_no_error (error);
      second = trellis_project_save_to_bytes (loaded);
      g_assert_true (g_bytes_equal (first, second));
    }
}

/* ------------------------------------------------------------------------------------
 * Template files
 * ------------------------------------------------------------------------------------ */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("trellis-template-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GFile *
write_temp (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The IS checklist tailored as a coordinator would: section B cut, a statement
 * reworded with emphasis, one of the partnership's own added. */
static TrellisProject *
new_tailored_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_new_from_template ("is-ofpc", "Northshire CSP", &error);
  TrellisChecklist *checklist;
  TrellisSection *section_a;
  g_autoptr(TrellisStatement) added = trellis_statement_new ("u1", TRELLIS_STATEMENT_RATING);

  g_assert_no_error (error);
  checklist = trellis_project_get_checklist (project);
  trellis_checklist_set_title (checklist, "Northshire checklist");
  trellis_section_set_included (trellis_checklist_find_section (checklist, "B"), FALSE);
  trellis_statement_set_text_markup (trellis_checklist_find_statement (checklist, "s7"),
                                     "Together we achieve <em>more</em> than apart.");
  section_a = trellis_checklist_find_section (checklist, "A");
  trellis_statement_set_text (added, "Partners share data & intelligence openly.");
  trellis_section_insert_statement (section_a, 3, added);
  return g_steal_pointer (&project);
}

/* Saved as a template and started from: the new project's checklist is the tailored
 * one, every statement id, cut and emphasis in place; nothing of the old project's
 * partnership comes along. */
static void
test_file_round_trip (void)
{
  g_autoptr(TrellisProject) tailored = new_tailored_project ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "northshire" TRELLIS_TEMPLATE_FILE_SUFFIX, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTemplate) template = NULL;
  g_autoptr(TrellisProject) started = NULL;
  g_autoptr(TrellisProject) expected = NULL;
  g_autoptr(GBytes) started_bytes = NULL;
  g_autoptr(GBytes) expected_bytes = NULL;
  g_autoptr(GBytes) template_bytes = NULL;
  g_autoptr(GBytes) template_again = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (trellis_template_save_file (trellis_project_get_checklist (tailored), "Northshire checklist",
                                             "Tailored for Northshire.", file, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trellis-template "));
  g_assert_nonnull (strstr (contents, "id=\"northshire-checklist\" version=\"1\""));
  g_assert_nonnull (strstr (contents, "<checklist template=\"is-ofpc\" template-version=\"2\">"));
  g_assert_null (strstr (contents, "Northshire CSP"));

  template = trellis_template_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_template_get_title (template), ==, "Northshire checklist");
  g_assert_cmpstr (trellis_template_get_summary (template), ==, "Tailored for Northshire.");

  started = trellis_project_new_from_template_file (file, "Southshire CSP", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_project_get_n_rounds (started), ==, 0);
  g_assert_cmpstr (trellis_statement_get_text_markup (trellis_checklist_find_statement (trellis_project_get_checklist (started), "s7")),
                   ==, "Together we achieve <em>more</em> than apart.");
  trellis_project_set_name (tailored, "Southshire CSP");
  started_bytes = trellis_project_save_to_bytes (started);
  expected_bytes = trellis_project_save_to_bytes (tailored);
  g_assert_true (g_bytes_equal (started_bytes, expected_bytes));

  /* Saving the started project's checklist as a template again gives the same file. */
  template_bytes = trellis_template_save_to_bytes (trellis_project_get_checklist (tailored), "Northshire checklist",
                                                   "Tailored for Northshire.");
  template_again = trellis_template_save_to_bytes (trellis_project_get_checklist (started), "Northshire checklist",
                                                   "Tailored for Northshire.");
  g_assert_true (g_bytes_equal (template_bytes, template_again));
  g_assert_cmpmem (contents, strlen (contents), g_bytes_get_data (template_bytes, NULL), g_bytes_get_size (template_bytes));

  test_remove_tree (dir);
}

/* A built-in template's file is a template file too. */
static void
test_file_builtin_source (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", "nine-ingredients.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_new_from_template_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (trellis_checklist_get_n_sections (trellis_project_get_checklist (project)), ==, 1);
}

typedef struct
{
  const char *name;
  const char *contents;
  int         code;
  const char *mentions;
} RefusedCase;

#define TEMPLATE_HEAD "<trellis-template xmlns=\"https://trellisapp.org/ns/project\" "

static void
test_file_refused (void)
{
  static const RefusedCase cases[] = {
    { "empty.trellis-template", "", TRELLIS_PROJECT_ERROR_MALFORMED, "empty" },
    { "binary.trellis-template", "\x89PNG\r\n\x1a\n\xff\xfe\x00\x01", TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, "not UTF-8" },
    { "notes.trellis-template", "These are my notes, not a template.", TRELLIS_PROJECT_ERROR_MALFORMED, "damaged" },
    { "project.trellis-template",
      "<trellis-project xmlns=\"https://trellisapp.org/ns/project\" format-version=\"1.1\"><partnership/></trellis-project>",
      TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, "is a Trellis project, not a template" },
    { "other.trellis-template", "<html><body>Hello</body></html>", TRELLIS_PROJECT_ERROR_NOT_A_PROJECT, "not a Trellis template" },
    { "newer.trellis-template", TEMPLATE_HEAD "format-version=\"2.0\" id=\"x\" version=\"1\"><title>T</title><checklist/></trellis-template>",
      TRELLIS_PROJECT_ERROR_NEWER_VERSION, "newer version of Trellis" },
    { "no-checklist.trellis-template", TEMPLATE_HEAD "format-version=\"1.1\" id=\"x\" version=\"1\"><title>T</title></trellis-template>",
      TRELLIS_PROJECT_ERROR_INVALID, "has no checklist" },
    { "bad-statement.trellis-template", TEMPLATE_HEAD "format-version=\"1.1\" id=\"x\" version=\"1\"><title>T</title>"
      "<checklist><section id=\"A\"><statement id=\"s 1\"/></section></checklist></trellis-template>",
      TRELLIS_PROJECT_ERROR_INVALID, NULL },
    { "laughs.trellis-template", "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
      TEMPLATE_HEAD "format-version=\"1.1\" id=\"x\" version=\"1\"><title>&b;</title><checklist/></trellis-template>",
      TRELLIS_PROJECT_ERROR_FORBIDDEN, "document type" },
    { "xxe.trellis-template", "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      TEMPLATE_HEAD "format-version=\"1.1\" id=\"x\" version=\"1\"><title>&x;</title><checklist/></trellis-template>",
      TRELLIS_PROJECT_ERROR_FORBIDDEN, "document type" },
    { "truncated.trellis-template", TEMPLATE_HEAD "format-version=\"1.1\" id=\"x\" version=\"1\"><title>T</title><checklist><sec",
      TRELLIS_PROJECT_ERROR_MALFORMED, "damaged or incomplete" },
  };
  g_autofree char *dir = make_temp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_temp (dir, cases[i].name, cases[i].contents,
                                          g_str_has_prefix (cases[i].name, "binary") ? 10 : -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) project_error = NULL;
      g_autoptr(TrellisTemplate) template = trellis_template_load_file (file, NULL, &error);
      g_autoptr(TrellisProject) project = trellis_project_new_from_template_file (file, "P", NULL, &project_error);

      g_test_message ("case %s", cases[i].name);
      g_assert_null (template);
      g_assert_null (project);
      g_assert_error (error, TRELLIS_PROJECT_ERROR, cases[i].code);
      g_assert_error (project_error, TRELLIS_PROJECT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, project_error->message);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      if (cases[i].mentions != NULL && strstr (error->message, cases[i].mentions) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].mentions);
    }
  test_remove_tree (dir);
}

static void
test_file_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/folder/none.trellis-template");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_new_from_template_file (file, NULL, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "none.trellis-template"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/list", test_list);
  g_test_add_func ("/template/every-template-loads", test_every_template_loads);
  g_test_add_func ("/template/built-in-files-complete", test_builtin_files_complete);
  g_test_add_func ("/template/every-template-describes-itself", test_every_template_describes_itself);
  g_test_add_func ("/template/written-from-summaries", test_written_templates);
  g_test_add_func ("/template/idea-areas", test_idea_areas);
  g_test_add_func ("/template/dudley", test_dudley);
  g_test_add_func ("/template/is-ofpc", test_is_ofpc);
  g_test_add_func ("/template/is-ofpc-emphasis", test_is_ofpc_emphasis);
  g_test_add_func ("/template/nine-ingredients", test_nine_ingredients);
  g_test_add_func ("/template/laa-performance-matrix", test_laa_matrix);
  g_test_add_func ("/template/unknown", test_unknown);
  g_test_add_func ("/template/new-project", test_new_project);
  g_test_add_func ("/template/round-trip", test_round_trip);
  g_test_add_func ("/template/file/round-trip", test_file_round_trip);
  g_test_add_func ("/template/file/built-in-source", test_file_builtin_source);
  g_test_add_func ("/template/file/refused", test_file_refused);
  g_test_add_func ("/template/file/missing", test_file_missing);

  return g_test_run ();
}
