/* trellis-handoff-lss.c: the checklist as a LimeSurvey survey structure (.lss)
 *
 * Written as LimeSurvey 4 and later export it and as its importer (XMLImportSurvey() in
 * application/helpers/admin/import_helper.php) reads it: a <document> whose
 * LimeSurveyDocType is "Survey", the survey and its language settings, then the groups,
 * questions, subquestions and answers tables, their texts in the *_l10ns tables. A
 * section is a group; each grid an array question (type F) whose subquestions are the
 * statements, coded by statement id; the comment box a long free text question (T).
 * Texts are HTML, as LimeSurvey shows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "trellis-handoff-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Old enough for LimeSurvey 4, 5 and 6 to read; new enough for the *_l10ns tables. */
#define LSS_DB_VERSION "430"
#define LSS_SURVEY_ID  "246810"
#define LSS_LANGUAGE   "en"

static const char * const group_fields[] = { "gid", "sid", "group_order", "randomization_group", "grelevance", NULL };
static const char * const group_l10n_fields[] = { "id", "gid", "group_name", "description", "language", NULL };
static const char * const question_fields[] = {
  "qid", "parent_qid", "sid", "gid", "type", "title", "preg", "other", "mandatory", "encrypted",
  "question_order", "scale_id", "same_default", "relevance", "question_theme_name", NULL
};
static const char * const question_l10n_fields[] = { "id", "qid", "question", "help", "language", NULL };
static const char * const answer_fields[] = { "aid", "qid", "code", "sortorder", "assessment_value", "scale_id", NULL };
static const char * const answer_l10n_fields[] = { "id", "aid", "answer", "language", NULL };

typedef struct
{
  const HandoffSurvey *survey;
  xmlNodePtr groups, group_l10ns, questions, subquestions, question_l10ns, answers, answer_l10ns;
  guint next_qid, next_aid, next_l10n;
} Writer;

/* A table: <name><fields><fieldname>…</fields><rows/></name>; returns its <rows>. */
static xmlNodePtr
add_table (xmlNodePtr          document,
           const char         *name,
           const char * const *fields)
{
  xmlNodePtr table = xmlNewChild (document, NULL, BAD_CAST name, NULL);
  xmlNodePtr names = xmlNewChild (table, NULL, BAD_CAST "fields", NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    xmlNewTextChild (names, NULL, BAD_CAST "fieldname", BAD_CAST fields[i]);
  return xmlNewChild (table, NULL, BAD_CAST "rows", NULL);
}

/* A row of a table: @... is field, value pairs, ending in NULL. */
static G_GNUC_NULL_TERMINATED void
add_row (xmlNodePtr rows,
         ...)
{
  xmlNodePtr row = xmlNewChild (rows, NULL, BAD_CAST "row", NULL);
  const char *field;
  va_list args;

  va_start (args, rows);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      xmlNewTextChild (row, NULL, BAD_CAST field, BAD_CAST (value != NULL ? value : ""));
    }
  va_end (args);
}

static void
add_survey (xmlNodePtr           document,
            const HandoffSurvey *survey)
{
  static const char * const survey_fields[] = {
    "sid", "gsid", "admin", "active", "anonymized", "format", "language", "additional_languages",
    "datestamp", "ipaddr", "refurl", "savetimings", "showwelcome", NULL
  };
  static const char * const settings_fields[] = {
    "surveyls_survey_id", "surveyls_language", "surveyls_title", "surveyls_description",
    "surveyls_welcometext", "surveyls_endtext", NULL
  };
  g_autofree char *title = _trellis_handoff_dup_title (survey);
  g_autofree char *instructions = _trellis_handoff_dup_instructions (survey);
  g_autofree char *escaped_title = _trellis_handoff_one_line (title);
  g_autofree char *escaped_instructions = _trellis_handoff_html (instructions);
  g_autofree char *escaped_anonymity = _trellis_handoff_html (_trellis_handoff_anonymity ());
  g_autofree char *welcome = g_strdup_printf ("<p>%s</p><p><strong>%s</strong></p>", escaped_instructions,
                                              escaped_anonymity);
  g_autofree char *thanks = _trellis_handoff_html (_("Thank you for taking part."));

  /* Anonymized, and neither dates, IP addresses nor referring pages recorded: the
   * export then carries nothing that identifies a respondent. */
  add_row (add_table (document, "surveys", survey_fields),
           "sid", LSS_SURVEY_ID, "gsid", "1", "admin", "", "active", "N", "anonymized", "Y", "format", "G",
           "language", LSS_LANGUAGE, "additional_languages", "", "datestamp", "N", "ipaddr", "N", "refurl", "N",
           "savetimings", "N", "showwelcome", "Y", NULL);
  add_row (add_table (document, "surveys_languagesettings", settings_fields),
           "surveyls_survey_id", LSS_SURVEY_ID, "surveyls_language", LSS_LANGUAGE, "surveyls_title", escaped_title,
           "surveyls_description", escaped_anonymity, "surveyls_welcometext", welcome, "surveyls_endtext", thanks, NULL);
}

static guint
add_question (Writer     *writer,
              xmlNodePtr  rows,
              guint       parent,
              guint       gid,
              const char *type,
              const char *title,
              const char *text,
              guint       order)
{
  guint qid = writer->next_qid++;
  g_autofree char *qid_text = g_strdup_printf ("%u", qid);
  g_autofree char *parent_text = g_strdup_printf ("%u", parent);
  g_autofree char *gid_text = g_strdup_printf ("%u", gid);
  g_autofree char *order_text = g_strdup_printf ("%u", order);
  g_autofree char *l10n_text = g_strdup_printf ("%u", writer->next_l10n++);
  g_autofree char *escaped = _trellis_handoff_html (text);

  add_row (rows, "qid", qid_text, "parent_qid", parent_text, "sid", LSS_SURVEY_ID, "gid", gid_text,
           "type", type, "title", title, "preg", "", "other", "N", "mandatory", "N", "encrypted", "N",
           "question_order", order_text, "scale_id", "0", "same_default", "0", "relevance", "1",
           "question_theme_name", parent == 0 ? (type[0] == 'F' ? "arrays/array" : "longfreetext") : "", NULL);
  add_row (writer->question_l10ns, "id", l10n_text, "qid", qid_text, "question", escaped, "help", "",
           "language", LSS_LANGUAGE, NULL);
  return qid;
}

static void
add_answers (Writer       *writer,
             guint         qid,
             TrellisScale *scale)
{
  g_autoptr(GPtrArray) labels = _trellis_handoff_dup_answer_labels (scale);
  g_autoptr(GPtrArray) codes = _trellis_handoff_dup_answer_codes (scale);
  g_autofree char *qid_text = g_strdup_printf ("%u", qid);

  for (guint a = 0; a < labels->len; a++)
    {
      g_autofree char *aid = g_strdup_printf ("%u", writer->next_aid++);
      g_autofree char *order = g_strdup_printf ("%u", a);
      g_autofree char *l10n = g_strdup_printf ("%u", writer->next_l10n++);
      g_autofree char *label = _trellis_handoff_html (g_ptr_array_index (labels, a));

      add_row (writer->answers, "aid", aid, "qid", qid_text, "code", g_ptr_array_index (codes, a), "sortorder", order,
               "assessment_value", "0", "scale_id", "0", NULL);
      add_row (writer->answer_l10ns, "id", l10n, "aid", aid, "answer", label, "language", LSS_LANGUAGE, NULL);
    }
}

static void
add_section (Writer               *writer,
             const HandoffSection *section,
             guint                 gid)
{
  g_autofree char *gid_text = g_strdup_printf ("%u", gid);
  g_autofree char *order_text = g_strdup_printf ("%u", gid - 1);
  g_autofree char *l10n_text = g_strdup_printf ("%u", writer->next_l10n++);
  g_autofree char *name = _trellis_handoff_html (section->title);
  guint order = 0;

  add_row (writer->groups, "gid", gid_text, "sid", LSS_SURVEY_ID, "group_order", order_text,
           "randomization_group", "", "grelevance", "1", NULL);
  add_row (writer->group_l10ns, "id", l10n_text, "gid", gid_text, "group_name", name, "description", "",
           "language", LSS_LANGUAGE, NULL);
  for (guint g = 0; g < section->grids->len; g++)
    {
      const HandoffGrid *grid = g_ptr_array_index (section->grids, g);
      g_autofree char *question = _trellis_handoff_grid_question (writer->survey, section, grid);
      guint qid = add_question (writer, writer->questions, 0, gid, "F", grid->code, question, order++);

      for (guint r = 0; r < grid->rows->len; r++)
        {
          TrellisStatement *statement = g_ptr_array_index (grid->rows, r);
          g_autofree char *label = _trellis_handoff_row_label (statement);

          add_question (writer, writer->subquestions, qid, gid, "T",
                        _trellis_handoff_row_code (writer->survey, statement), label, r + 1);
        }
      add_answers (writer, qid, grid->scale);
    }
  add_question (writer, writer->questions, 0, gid, "T", section->comment_code, section->comment_text, order);
}

GBytes *
_trellis_handoff_build_lss (const HandoffSurvey  *survey,
                            GError              **error)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNodePtr document = xmlNewDocNode (doc, NULL, BAD_CAST "document", NULL);
  xmlNodePtr languages;
  Writer writer = { survey, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, 1, 1 };
  xmlChar *text = NULL;
  int size = 0;

  xmlDocSetRootElement (doc, document);
  xmlNewTextChild (document, NULL, BAD_CAST "LimeSurveyDocType", BAD_CAST "Survey");
  xmlNewTextChild (document, NULL, BAD_CAST "DBVersion", BAD_CAST LSS_DB_VERSION);
  languages = xmlNewChild (document, NULL, BAD_CAST "languages", NULL);
  xmlNewTextChild (languages, NULL, BAD_CAST "language", BAD_CAST LSS_LANGUAGE);
  writer.answers = add_table (document, "answers", answer_fields);
  writer.answer_l10ns = add_table (document, "answer_l10ns", answer_l10n_fields);
  writer.groups = add_table (document, "groups", group_fields);
  writer.group_l10ns = add_table (document, "group_l10ns", group_l10n_fields);
  writer.questions = add_table (document, "questions", question_fields);
  writer.subquestions = add_table (document, "subquestions", question_fields);
  writer.question_l10ns = add_table (document, "question_l10ns", question_l10n_fields);
  for (guint s = 0; s < survey->sections->len; s++)
    add_section (&writer, g_ptr_array_index (survey->sections, s), s + 1);
  add_survey (document, survey);

  xmlDocDumpFormatMemoryEnc (doc, &text, &size, "UTF-8", 1);
  if (text == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the survey structure"));
      return NULL;
    }
  {
    GBytes *bytes = g_bytes_new (text, (gsize) size);
    xmlFree (text);
    return bytes;
  }
}
