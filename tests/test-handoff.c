/* test-handoff.c: the hand-off exports of the tailored checklist, and their round trips
 *
 * The checklist is the IS checklist tailored: statements and a part of item 55 cut, one
 * statement renumbered, and one statement's text full of what formats must escape. For
 * each survey tool, the test writes the export that tool would produce from the handed-
 * off survey (its documented column naming), imports it and checks that every column is
 * matched with full confidence and every count is exact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "trellis-handoff-private.h"
#include "trellis-import.h"
#include "trellis-template.h"

#define N_RESPONDENTS 9
#define HOSTILE "The \"partnership\" [[has]] a\ttab,\na line break, <b>tags</b> & ünïcödé 日本語 text."

static TrellisProject *
tailored_project (void)
{
  g_autoptr(GError) error = NULL;
  TrellisProject *project = trellis_project_new_from_template ("is-ofpc", "Anytown & District <CPP>", &error);
  TrellisChecklist *checklist;

  g_assert_no_error (error);
  checklist = trellis_project_get_checklist (project);
  trellis_statement_set_included (trellis_checklist_find_statement (checklist, "s3"), FALSE);
  trellis_statement_set_included (trellis_checklist_find_statement (checklist, "s20"), FALSE);
  trellis_statement_set_included (trellis_checklist_find_statement (checklist, "s55c"), FALSE);
  trellis_statement_set_number (trellis_checklist_find_statement (checklist, "s4"), "3");
  trellis_statement_set_text (trellis_checklist_find_statement (checklist, "s1"), HOSTILE);
  return project;
}

/* Respondent @r's answer to the @k-th statement: every point, NA, DK and blank. */
static TrellisAnswer
answer_for (guint r,
            guint k)
{
  switch ((r * 3 + k) % 8)
    {
    case 5:
      return TRELLIS_ANSWER_NOT_APPLICABLE;
    case 6:
      return TRELLIS_ANSWER_DONT_KNOW;
    case 7:
      return TRELLIS_ANSWER_BLANK;
    default:
      return (TrellisAnswer) ((r * 3 + k) % 8 + 1);
    }
}

typedef enum
{
  TOOL_GOOGLE,
  TOOL_MICROSOFT,
  TOOL_LIMESURVEY,
  TOOL_QUALTRICS,
  TOOL_KOBO,
  TOOL_KOBO_NAMES,
  TOOL_LIMESURVEY_TEXT,
  TOOL_LIMESURVEY_CODES,
} Tool;

static const char *
answer_text (TrellisScale *scale,
             TrellisAnswer answer,
             gboolean      codes)
{
  static const char *numbers[] = { "", "1", "2", "3", "4", "5" };

  if (answer == TRELLIS_ANSWER_BLANK)
    return "";
  if (codes)
    return answer == TRELLIS_ANSWER_NOT_APPLICABLE ? "NA" : answer == TRELLIS_ANSWER_DONT_KNOW ? "DK" : numbers[answer];
  return trellis_scale_get_answer_label (scale, answer);
}

static void
csv_field (GString    *out,
           const char *text)
{
  g_autoptr(GString) quoted = g_string_new (text);

  g_string_replace (quoted, "\"", "\"\"", 0);
  g_string_append_printf (out, "\"%s\",", quoted->str);
}

static void
end_line (GString *out)
{
  g_string_truncate (out, out->len - 1);
  g_string_append (out, "\r\n");
}

/* The header of one statement's column, as each tool names it. */
static char *
column_header (Tool                  tool,
               const HandoffSurvey  *survey,
               const HandoffSection *section,
               const HandoffGrid    *grid,
               guint                 row)
{
  TrellisStatement *statement = g_ptr_array_index (grid->rows, row);
  g_autofree char *label = _trellis_handoff_row_label (statement);
  g_autofree char *question = _trellis_handoff_grid_question (survey, section, grid);

  switch (tool)
    {
    case TOOL_GOOGLE:
    case TOOL_LIMESURVEY_TEXT:
      /* LimeSurvey's "Full question text" headings are Google's: "Question [Row]". */
      return g_strdup_printf ("%s [%s]", question, label);
    case TOOL_MICROSOFT:
      return g_steal_pointer (&label);
    case TOOL_LIMESURVEY:
    case TOOL_LIMESURVEY_CODES:
      return g_strdup_printf ("%s[%s]", grid->code, _trellis_handoff_row_code (survey, statement));
    case TOOL_QUALTRICS:
      return g_strdup_printf ("%s - %s", question, label);
    case TOOL_KOBO_NAMES:
      /* "XML values and headers", groups left out: the XLSForm's names. */
      return g_strdup (_trellis_handoff_row_code (survey, statement));
    case TOOL_KOBO:
    default:
      /* A multi-part item, or a grid on a second scale, is a group of its own. */
      if (grid->lead != NULL || trellis_checklist_get_n_scales (survey->checklist) > 1)
        return g_strdup_printf ("%s/%s/%s", section->title, question, label);
      return g_strdup_printf ("%s/%s", section->title, label);
    }
}

static void
append_headers (GString             *out,
                Tool                 tool,
                const HandoffSurvey *survey,
                gboolean             texts)
{
  static const char *lead[] = {
    [TOOL_GOOGLE] = "\"Timestamp\",",
    [TOOL_MICROSOFT] = "\"ID\",\"Start time\",\"Completion time\",\"Email\",\"Name\",",
    [TOOL_LIMESURVEY] = "\"id\",\"submitdate\",\"lastpage\",\"startlanguage\",\"seed\",",
    [TOOL_QUALTRICS] = "\"StartDate\",\"EndDate\",\"Status\",\"Finished\",",
    [TOOL_KOBO] = "\"start\",\"end\",",
    [TOOL_KOBO_NAMES] = "\"start\",\"end\",",
    [TOOL_LIMESURVEY_CODES] = "\"id\",\"submitdate\",\"lastpage\",\"startlanguage\",\"seed\",",
    [TOOL_LIMESURVEY_TEXT] = "\"Response ID\",\"submitdate\",\"Last page\",\"startlanguage\",\"Seed\",",
  };
  guint qid = 1;

  g_string_append (out, lead[tool]);
  for (guint s = 0; s < survey->sections->len; s++)
    {
      const HandoffSection *section = g_ptr_array_index (survey->sections, s);

      for (guint g = 0; g < section->grids->len; g++, qid++)
        {
          const HandoffGrid *grid = g_ptr_array_index (section->grids, g);

          for (guint r = 0; r < grid->rows->len; r++)
            {
              g_autofree char *header = column_header (tool, survey, section, grid, r);
              g_autofree char *tag = g_strdup_printf ("%s_%u", grid->code, r + 1);

              csv_field (out, tool == TOOL_QUALTRICS && !texts ? tag : header);
            }
        }
      if (tool == TOOL_LIMESURVEY || tool == TOOL_LIMESURVEY_CODES || tool == TOOL_KOBO_NAMES ||
          (tool == TOOL_QUALTRICS && !texts))
        csv_field (out, section->comment_code);
      else if (tool == TOOL_KOBO)
        {
          g_autofree char *header = g_strdup_printf ("%s/%s", section->title, section->comment_text);
          csv_field (out, header);
        }
      else
        csv_field (out, section->comment_text);
    }
  if (tool == TOOL_KOBO || tool == TOOL_KOBO_NAMES)
    g_string_append (out, "\"_id\",\"_uuid\",\"_submission_time\",\"_index\",");
  end_line (out);
}

/* Qualtrics' third header row: each column's ImportId. */
static void
append_import_ids (GString             *out,
                   const HandoffSurvey *survey)
{
  g_string_append (out, "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"endDate\"\"}\","
                        "\"{\"\"ImportId\"\":\"\"status\"\"}\",\"{\"\"ImportId\"\":\"\"finished\"\"}\",");
  for (guint s = 0; s < survey->sections->len; s++)
    {
      const HandoffSection *section = g_ptr_array_index (survey->sections, s);

      for (guint g = 0; g < section->grids->len; g++)
        {
          const HandoffGrid *grid = g_ptr_array_index (section->grids, g);

          for (guint r = 0; r < grid->rows->len; r++)
            g_string_append_printf (out, "\"{\"\"ImportId\"\":\"\"QID%u%u\"\",\"\"choiceId\"\":\"\"%u\"\"}\",", s + 1, g + 1,
                                    r + 1);
        }
      g_string_append_printf (out, "\"{\"\"ImportId\"\":\"\"QID%uC_TEXT\"\"}\",", s + 1);
    }
  end_line (out);
}

static void
append_response (GString             *out,
                 Tool                 tool,
                 const HandoffSurvey *survey,
                 guint                r)
{
  gboolean codes = tool == TOOL_LIMESURVEY || tool == TOOL_LIMESURVEY_TEXT || tool == TOOL_LIMESURVEY_CODES ||
                   tool == TOOL_KOBO || tool == TOOL_KOBO_NAMES;
  guint k = 0;

  if (tool == TOOL_GOOGLE)
    g_string_append_printf (out, "\"2026/09/%02u 3:00:00 pm GMT+1\",", r + 1);
  else if (tool == TOOL_MICROSOFT)
    g_string_append_printf (out, "\"%u\",\"9/%u/26 14:00:00\",\"9/%u/26 14:20:00\",\"anonymous\",\"\",", r + 1, r + 1, r + 1);
  else if (tool == TOOL_LIMESURVEY || tool == TOOL_LIMESURVEY_TEXT || tool == TOOL_LIMESURVEY_CODES)
    g_string_append_printf (out, "\"%u\",\"1980-01-01 00:00:00\",\"5\",\"en\",\"%u\",", r + 1, 4242 + r);
  else if (tool == TOOL_QUALTRICS)
    g_string_append_printf (out, "\"2026-09-%02u 14:00:00\",\"2026-09-%02u 14:20:00\",\"IP Address\",\"True\",", r + 1, r + 1);
  else
    g_string_append_printf (out, "\"2026-09-%02uT14:00:00.000+01:00\",\"2026-09-%02uT14:20:00.000+01:00\",", r + 1, r + 1);
  for (guint s = 0; s < survey->sections->len; s++)
    {
      const HandoffSection *section = g_ptr_array_index (survey->sections, s);
      g_autofree char *comment = g_strdup_printf ("Comment %u on %s", r, section->code);

      for (guint g = 0; g < section->grids->len; g++)
        {
          const HandoffGrid *grid = g_ptr_array_index (section->grids, g);

          for (guint row = 0; row < grid->rows->len; row++)
            csv_field (out, answer_text (grid->scale, answer_for (r, k++), codes));
        }
      csv_field (out, r % 3 == 0 ? comment : "");
    }
  if (tool == TOOL_KOBO || tool == TOOL_KOBO_NAMES)
    g_string_append_printf (out, "\"%u\",\"uuid-%u\",\"2026-09-%02uT14:20:00\",\"%u\",", 1000 + r, r, r + 1, r + 1);
  end_line (out);
}

static GBytes *
tool_export (Tool                 tool,
             const HandoffSurvey *survey)
{
  GString *out = g_string_new (NULL);

  append_headers (out, tool, survey, FALSE);
  if (tool == TOOL_QUALTRICS)
    {
      append_headers (out, tool, survey, TRUE);
      append_import_ids (out, survey);
    }
  for (guint r = 0; r < N_RESPONDENTS; r++)
    append_response (out, tool, survey, r);
  return g_string_free_to_bytes (out);
}

/* Every column answers a statement or a section's comments, matched with full
 * confidence (by its words; a heading of codes alone, by statement id, is matched at
 * 0.95 and needs no look either). */
static void
check_columns (TrellisImport       *import,
               const HandoffSurvey *survey,
               double               least_confidence)
{
  guint n_columns = g_list_model_get_n_items (trellis_import_get_columns (import));
  guint n_items = 0, n_comment_columns = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      TrellisImportColumn *column = trellis_import_get_column (import, c);
      TrellisColumnRole role = trellis_import_column_get_role (column);
      double least = least_confidence;

      if (trellis_import_column_get_unsettled (column))
        g_test_message ("unsettled: %s", trellis_import_column_get_header (column));
      if (role != TRELLIS_COLUMN_ITEM && role != TRELLIS_COLUMN_COMMENT)
        continue;
      /* A section without a comment box of its own is asked for comments under a header
       * naming it ("Outcomes: any other comments?"), which the importer takes as surely
       * as a code, 0.95: no look needed. */
      if (role == TRELLIS_COLUMN_COMMENT &&
          trellis_section_get_comment_statement (trellis_checklist_find_section (survey->checklist,
                                                                                  trellis_import_column_get_target (column))) == NULL)
        least = MIN (least, 0.95);
      if (trellis_import_column_get_confidence (column) < least)
        g_test_message ("%s: %g", trellis_import_column_get_header (column), trellis_import_column_get_confidence (column));
      g_assert_cmpfloat (trellis_import_column_get_confidence (column), >=, least);
      n_items += role == TRELLIS_COLUMN_ITEM;
      n_comment_columns += role == TRELLIS_COLUMN_COMMENT;
    }
  g_assert_cmpuint (trellis_import_count_unsettled (import), ==, 0);
  g_assert_cmpuint (n_items, ==, g_hash_table_size (survey->row_codes) * trellis_checklist_get_n_scales (survey->checklist));
  g_assert_cmpuint (n_comment_columns, ==, survey->sections->len);
}

/* Every statement's answers on every scale are exactly those written; so is the
 * number of comments per section. */
static void
check_counts (TrellisRound        *round,
              const HandoffSurvey *survey)
{
  guint k = 0;

  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, N_RESPONDENTS);
  for (guint s = 0; s < survey->sections->len; s++)
    {
      const HandoffSection *section = g_ptr_array_index (survey->sections, s);
      GPtrArray *comments = trellis_round_get_comments (round, trellis_section_get_id (section->section));

      for (guint g = 0; g < section->grids->len; g++)
        {
          const HandoffGrid *grid = g_ptr_array_index (section->grids, g);

          for (guint row = 0; row < grid->rows->len; row++, k++)
            {
              g_autofree char *key = trellis_checklist_dup_item_key (survey->checklist, g_ptr_array_index (grid->rows, row),
                                                                     grid->scale);
              int item = trellis_round_find_item (round, key);
              guint counts[9] = { 0 }, expected[9] = { 0 };

              g_assert_cmpint (item, >=, 0);
              for (guint r = 0; r < N_RESPONDENTS; r++)
                {
                  counts[trellis_round_get_answer (round, r, (guint) item) - TRELLIS_ANSWER_NOT_SHOWN]++;
                  expected[answer_for (r, k) - TRELLIS_ANSWER_NOT_SHOWN]++;
                }
              g_assert_cmpmem (counts, sizeof counts, expected, sizeof expected);
            }
        }
      g_assert_nonnull (comments);
      g_assert_cmpuint (comments->len, ==, (N_RESPONDENTS + 2) / 3);
    }
}

/* The export @tool would produce for the handed-off survey, imported: every column
 * matched, every count exact. */
static void
check_round_trip (TrellisProject      *project,
                  const HandoffSurvey *survey,
                  Tool                 tool,
                  TrellisImportLayout  layout)
{
  g_autoptr(GBytes) bytes = tool_export (tool, survey);
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisRound) round = NULL;

  if (tool == TOOL_LIMESURVEY)
    {
      g_autoptr(GBytes) lss = trellis_handoff_build (project, TRELLIS_HANDOFF_LSS, TRELLIS_CHART_PAPER_A4, &error);
      g_assert_no_error (error);
      trellis_import_set_structure (import, lss, "survey.lss", &error);
      g_assert_no_error (error);
    }
  trellis_import_add_bytes (import, bytes, "export.csv", TRELLIS_TABLE_FORMAT_CSV, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_import_get_layout (import), ==, layout);
  check_columns (import, survey, tool == TOOL_KOBO_NAMES || tool == TOOL_LIMESURVEY_CODES ? 0.95 : 1.0);
  round = trellis_import_build_round (import, "Round trip", &error);
  g_assert_no_error (error);
  check_counts (round, survey);
}

static void
test_round_trip (gconstpointer data)
{
  static const TrellisImportLayout layouts[] = {
    [TOOL_GOOGLE] = TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS,
    [TOOL_MICROSOFT] = TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS,
    [TOOL_LIMESURVEY] = TRELLIS_IMPORT_LAYOUT_LIMESURVEY,
    [TOOL_QUALTRICS] = TRELLIS_IMPORT_LAYOUT_QUALTRICS,
    [TOOL_KOBO] = TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX,
    [TOOL_KOBO_NAMES] = TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX,
    [TOOL_LIMESURVEY_TEXT] = TRELLIS_IMPORT_LAYOUT_LIMESURVEY,
    [TOOL_LIMESURVEY_CODES] = TRELLIS_IMPORT_LAYOUT_LIMESURVEY,
  };
  Tool tool = GPOINTER_TO_UINT (data);
  g_autoptr(TrellisProject) project = tailored_project ();
  g_autoptr(HandoffSurvey) survey = _trellis_handoff_survey_new (project);

  check_round_trip (project, survey, tool, layouts[tool]);
}

/* Every built-in template hands off a survey whose exports come back matched. */
static void
test_every_template (void)
{
  g_autoptr(GListModel) templates = trellis_template_list_builtin ();

  for (guint t = 0; t < g_list_model_get_n_items (templates); t++)
    {
      g_autoptr(TrellisTemplate) template = g_list_model_get_item (templates, t);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisProject) project = trellis_project_new_from_template (trellis_template_get_id (template),
                                                                             "Round trip", &error);
      g_autoptr(HandoffSurvey) survey = NULL;

      g_assert_no_error (error);
      survey = _trellis_handoff_survey_new (project);
      g_test_message ("template %s", trellis_template_get_id (template));
      for (Tool tool = TOOL_GOOGLE; tool <= TOOL_KOBO; tool++)
        {
          static const TrellisImportLayout layouts[] = {
            TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS, TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS, TRELLIS_IMPORT_LAYOUT_LIMESURVEY,
            TRELLIS_IMPORT_LAYOUT_QUALTRICS, TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX,
          };
          check_round_trip (project, survey, tool, layouts[tool]);
        }
    }
}

/*****/

static char *
build_text (TrellisProject       *project,
            TrellisHandoffFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = trellis_handoff_build (project, format, TRELLIS_CHART_PAPER_A4, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Cut statements are left out; numbers are as printed; the scale's labels are there. */
static void
test_tailoring (void)
{
  g_autoptr(TrellisProject) project = tailored_project ();
  TrellisHandoffFormat formats[] = { TRELLIS_HANDOFF_FORMS_TEXT, TRELLIS_HANDOFF_QUALTRICS, TRELLIS_HANDOFF_LSS };

  g_assert_cmpuint (trellis_handoff_count_statements (project), ==, 57);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *text = build_text (project, formats[f]);

      g_assert_null (strstr (text, "overlap or duplication"));           /* s3, cut */
      g_assert_null (strstr (text, "Made better use of the partners"));   /* s55c, cut */
      g_assert_nonnull (strstr (text, "3. The CPP has an effective mechanism")); /* s4, renumbered */
      g_assert_nonnull (strstr (text, "55a. Tackled cross-cutting issues"));
      g_assert_nonnull (strstr (text, "Neither agree nor disagree"));
      g_assert_nonnull (strstr (text, "Not applicable"));
      g_assert_nonnull (strstr (text, "56. Thinking about the issues"));
    }
}

/* Each format escapes what it must: quotes, "[[", tabs, line breaks, <, & and
 * non-Latin letters. */
static void
test_escaping (void)
{
  g_autoptr(TrellisProject) project = tailored_project ();
  g_autofree char *forms = build_text (project, TRELLIS_HANDOFF_FORMS_TEXT);
  g_autofree char *qualtrics = build_text (project, TRELLIS_HANDOFF_QUALTRICS);
  g_autofree char *lss = build_text (project, TRELLIS_HANDOFF_LSS);
  g_autoptr(GBytes) xlsform = trellis_handoff_build (project, TRELLIS_HANDOFF_XLSFORM, TRELLIS_CHART_PAPER_A4, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTable) survey_sheet = NULL;
  gboolean found = FALSE;

  /* Pasted rows: one line each, text as typed. */
  g_assert_nonnull (strstr (forms, "\n1. The \"partnership\" [[has]] a tab, a line break, <b>tags</b> & ünïcödé 日本語 text.\n"));
  /* Qualtrics: HTML escaped, no "[[" left to read as a tag. */
  g_assert_nonnull (strstr (qualtrics, "\n1. The \"partnership\" [\u200b[has]] a tab, a line break, &lt;b&gt;tags&lt;/b&gt; &amp; ünïcödé 日本語 text.\n"));
  /* LimeSurvey: HTML inside XML. */
  g_assert_nonnull (strstr (lss, "1. The \"partnership\" [[has]] a tab, a line break, &amp;lt;b&amp;gt;tags&amp;lt;/b&amp;gt; &amp;amp; ünïcödé 日本語 text."));

  /* XLSForm: the survey sheet reads back with the label whole. */
  g_assert_nonnull (xlsform);
  survey_sheet = trellis_table_read_xlsx (xlsform, "form.xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_table_get (survey_sheet, 0, 0), ==, "type");
  g_assert_cmpstr (trellis_table_get (survey_sheet, 0, 1), ==, "name");
  g_assert_cmpstr (trellis_table_get (survey_sheet, 0, 2), ==, "label");
  for (guint r = 1; r < trellis_table_get_n_rows (survey_sheet); r++)
    if (g_strcmp0 (trellis_table_get (survey_sheet, r, 1), "s1") == 0)
      {
        g_assert_cmpstr (trellis_table_get (survey_sheet, r, 0), ==, "select_one scale1");
        g_assert_cmpstr (trellis_table_get (survey_sheet, r, 2), ==,
                         "1. The \"partnership\" [[has]] a tab, a line break, <b>tags</b> & ünïcödé 日本語 text.");
        found = TRUE;
      }
  g_assert_true (found);
}

/* The .lss reads back through the importer's own survey-structure reader, and has
 * what LimeSurvey's importer needs: the document type, a survey row, groups, array
 * questions with subquestions and answers, and a long free text per section. */
static void
test_lss_structure (void)
{
  g_autoptr(TrellisProject) project = tailored_project ();
  g_autofree char *lss = build_text (project, TRELLIS_HANDOFF_LSS);
  g_autoptr(GBytes) bytes = g_bytes_new (lss, strlen (lss));
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_import_set_structure (import, bytes, "survey.lss", &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (lss, "<LimeSurveyDocType>Survey</LimeSurveyDocType>"));
  g_assert_nonnull (strstr (lss, "<surveys>"));
  g_assert_nonnull (strstr (lss, "<surveyls_language>en</surveyls_language>"));
  g_assert_nonnull (strstr (lss, "<type>F</type>"));
  g_assert_nonnull (strstr (lss, "<title>s18</title>"));
  g_assert_nonnull (strstr (lss, "<title>D55</title>"));
  g_assert_nonnull (strstr (lss, "<code>NA</code>"));
  g_assert_nonnull (strstr (lss, "<anonymized>Y</anonymized>"));
}

/* Two scales: a grid per section and scale, the scale's title in its question, so
 * that an export's columns land on the right scale. */
static void
test_two_scales (void)
{
  g_autoptr(TrellisProject) project = tailored_project ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  TrellisScale *importance = trellis_scale_new ("importance", 5);
  g_autoptr(HandoffSurvey) survey = NULL;
  g_autofree char *qualtrics = NULL;

  trellis_scale_set_title (importance, "Importance");
  const char *labels[] = { "Not important", "Slightly important", "Moderately important", "Very important",
                           "Extremely important" };

  for (guint p = 1; p <= 5; p++)
    trellis_scale_set_point_label (importance, p, labels[p - 1]);
  trellis_checklist_append_scale (checklist, importance);
  survey = _trellis_handoff_survey_new (project);
  qualtrics = build_text (project, TRELLIS_HANDOFF_QUALTRICS);
  g_assert_nonnull (strstr (qualtrics, "[[ID:AR1S2]]"));
  g_assert_nonnull (strstr (qualtrics, " – Importance\n"));
  check_round_trip (project, survey, TOOL_GOOGLE, TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS);
  check_round_trip (project, survey, TOOL_KOBO, TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX);
}

/* The paper form: a PDF of a few pages, on either paper. */
static void
test_questionnaire (void)
{
  g_autoptr(TrellisProject) project = tailored_project ();
  TrellisChartPaper papers[] = { TRELLIS_CHART_PAPER_A4, TRELLIS_CHART_PAPER_LETTER };

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = trellis_handoff_build (project, TRELLIS_HANDOFF_QUESTIONNAIRE, papers[p], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (pdf), >, 10000);
      g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
    }
}

/* A checklist with everything cut asks nothing: refused, not an empty survey. */
static void
test_nothing_to_ask (void)
{
  g_autoptr(TrellisProject) project = tailored_project ();
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    trellis_section_set_included (trellis_checklist_get_section (checklist, s), FALSE);
  bytes = trellis_handoff_build (project, TRELLIS_HANDOFF_LSS, TRELLIS_CHART_PAPER_A4, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/handoff/tailoring", test_tailoring);
  g_test_add_func ("/handoff/escaping", test_escaping);
  g_test_add_func ("/handoff/lss-structure", test_lss_structure);
  g_test_add_data_func ("/handoff/round-trip/google-forms", GUINT_TO_POINTER (TOOL_GOOGLE), test_round_trip);
  g_test_add_data_func ("/handoff/round-trip/microsoft-forms", GUINT_TO_POINTER (TOOL_MICROSOFT), test_round_trip);
  g_test_add_data_func ("/handoff/round-trip/limesurvey", GUINT_TO_POINTER (TOOL_LIMESURVEY), test_round_trip);
  g_test_add_data_func ("/handoff/round-trip/qualtrics", GUINT_TO_POINTER (TOOL_QUALTRICS), test_round_trip);
  g_test_add_data_func ("/handoff/round-trip/kobotoolbox", GUINT_TO_POINTER (TOOL_KOBO), test_round_trip);
  g_test_add_data_func ("/handoff/round-trip/kobotoolbox-names", GUINT_TO_POINTER (TOOL_KOBO_NAMES), test_round_trip);
  g_test_add_data_func ("/handoff/round-trip/limesurvey-full-text", GUINT_TO_POINTER (TOOL_LIMESURVEY_TEXT),
                        test_round_trip);
  g_test_add_data_func ("/handoff/round-trip/limesurvey-codes-alone", GUINT_TO_POINTER (TOOL_LIMESURVEY_CODES),
                        test_round_trip);
  g_test_add_func ("/handoff/two-scales", test_two_scales);
  g_test_add_func ("/handoff/every-template", test_every_template);
  g_test_add_func ("/handoff/questionnaire", test_questionnaire);
  g_test_add_func ("/handoff/nothing-to-ask", test_nothing_to_ask);
  return g_test_run ();
}
