/* trellis-survey-structure.c: the question codes and texts of a LimeSurvey survey (.lss)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "trellis-import-private.h"
#include "trellis-table-private.h"

/* A survey structure is a few hundred kB; its questions a few hundred rows. */
#define MAX_STRUCTURE_SIZE (32 * 1024 * 1024)
#define MAX_ROWS 100000
#define MAX_FIELD_LENGTH (256 * 1024)

/* The tables of an .lss export that say what a code means. LimeSurvey 3 keeps a
 * question's text in its row; later versions in question_l10ns and group_l10ns. */
typedef enum
{
  TABLE_NONE,
  TABLE_QUESTIONS,
  TABLE_SUBQUESTIONS,
  TABLE_QUESTION_L10NS,
  TABLE_GROUPS,
  TABLE_GROUP_L10NS,
} Table;

typedef struct
{
  char *qid;
  char *parent_qid;
  char *gid;
  char *title;
  char *text;
  gint64 order;   /* question_order: the survey's order, within its group or question */
} Question;

/* A question or subquestion as an abbreviated heading may shorten it, in survey order. */
typedef struct
{
  char  *question;  /* the (parent) question's text, folded */
  char  *sub;       /* the subquestion's text, folded, or NULL */
  char  *text;      /* the text a full heading would have */
  gint64 key[5];    /* group order, question order, qid, subquestion order, qid */
} Entry;

struct _TrellisSurveyStructure
{
  GHashTable *texts;    /* code (case-folded) → text */
  GPtrArray  *entries;  /* Entry, in survey order */
};

typedef struct
{
  const char *display_name;
  GHashTable *questions;     /* qid → Question */
  GHashTable *l10n_texts;    /* qid → text, first language */
  GHashTable *group_names;   /* gid → name, first language */
  Table       table;
  gboolean    in_row;
  int         row_depth;
  char       *field;
  GString    *value;
  GHashTable *row;           /* field → value */
  guint       n_rows;
  char       *message;       /* the parser's first complaint */
  GHashTable *group_orders;  /* gid → group_order */
} Reader;

static void
entry_free (Entry *entry)
{
  g_free (entry->question);
  g_free (entry->sub);
  g_free (entry->text);
  g_free (entry);
}

static void
question_free (Question *question)
{
  g_free (question->qid);
  g_free (question->parent_qid);
  g_free (question->gid);
  g_free (question->title);
  g_free (question->text);
  g_free (question);
}

void
_trellis_survey_structure_free (TrellisSurveyStructure *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->texts);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_free (self);
}

/* Question texts are HTML ("<p>The partnership has…</p>"): the words alone. */
static char *
strip_markup (const char *html)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&nbsp;", " " }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&#39;", "'" }, { "&rsquo;", "\u2019" }, { "&lsquo;", "\u2018" }, { "&ndash;", "\u2013" },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p != '\0'; p++)
    {
      gboolean replaced = FALSE;

      if (in_tag)
        {
          in_tag = *p != '>';
          continue;
        }
      if (*p == '<')
        {
          in_tag = TRUE;
          g_string_append_c (out, ' ');
          continue;
        }
      if (*p == '&')
        for (guint e = 0; e < G_N_ELEMENTS (entities) && !replaced; e++)
          if (g_str_has_prefix (p, entities[e].entity))
            {
              g_string_append (out, entities[e].text);
              p += strlen (entities[e].entity) - 1;
              replaced = TRUE;
            }
      if (!replaced)
        g_string_append_c (out, *p);
    }
  {
    g_auto(GStrv) words = g_strsplit_set (out->str, " \t\r\n", -1);
    g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
    g_auto(GStrv) joined = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_strv_builder_add (kept, words[i]);
    joined = g_strv_builder_end (kept);
    return g_strjoinv (" ", joined);
  }
}

static Table
table_named (const char *name)
{
  if (strcmp (name, "questions") == 0)
    return TABLE_QUESTIONS;
  if (strcmp (name, "subquestions") == 0)
    return TABLE_SUBQUESTIONS;
  if (strcmp (name, "question_l10ns") == 0)
    return TABLE_QUESTION_L10NS;
  if (strcmp (name, "groups") == 0)
    return TABLE_GROUPS;
  if (strcmp (name, "group_l10ns") == 0)
    return TABLE_GROUP_L10NS;
  return TABLE_NONE;
}

static char *
take_field (Reader     *reader,
            const char *name)
{
  char *value = g_hash_table_lookup (reader->row, name);

  return g_strdup (value != NULL ? value : "");
}

/* One <row> of a table read: kept by its qid or gid, the first language only. */
static void
commit_row (Reader *reader)
{
  switch (reader->table)
    {
    case TABLE_QUESTIONS:
    case TABLE_SUBQUESTIONS:
      {
        Question *question = g_new0 (Question, 1);

        question->qid = take_field (reader, "qid");
        question->parent_qid = take_field (reader, "parent_qid");
        question->gid = take_field (reader, "gid");
        question->title = take_field (reader, "title");
        question->text = take_field (reader, "question");
        question->order = g_ascii_strtoll (g_hash_table_lookup (reader->row, "question_order") != NULL
                                           ? g_hash_table_lookup (reader->row, "question_order") : "0", NULL, 10);
        if (*question->qid == '\0' || *question->title == '\0' ||
            g_hash_table_contains (reader->questions, question->qid))
          question_free (question);
        else
          g_hash_table_insert (reader->questions, question->qid, question);
      }
      break;
    case TABLE_QUESTION_L10NS:
    case TABLE_GROUPS:
    case TABLE_GROUP_L10NS:
      {
        gboolean group = reader->table != TABLE_QUESTION_L10NS;
        GHashTable *target = group ? reader->group_names : reader->l10n_texts;
        char *key = take_field (reader, group ? "gid" : "qid");

        if (reader->table == TABLE_GROUPS && *key != '\0' &&
            g_hash_table_lookup (reader->row, "group_order") != NULL)
          g_hash_table_insert (reader->group_orders, g_strdup (key),
                               g_strdup (g_hash_table_lookup (reader->row, "group_order")));
        char *text = take_field (reader, group ? "group_name" : "question");

        if (*key == '\0' || *text == '\0' || g_hash_table_contains (target, key))
          {
            g_free (key);
            g_free (text);
          }
        else
          g_hash_table_insert (target, key, text);
      }
      break;
    case TABLE_NONE:
    default:
      break;
    }
  g_hash_table_remove_all (reader->row);
}

static void
record_error (void        *user_data,
              xmlErrorPtr  xml_error)
{
  Reader *reader = user_data;

  if (reader->message == NULL && xml_error != NULL && xml_error->level >= XML_ERR_ERROR)
    {
      g_autofree char *message = g_strstrip (g_strdup (xml_error->message != NULL ? xml_error->message : ""));

      /* One line: the command-line tool reports errors on one. */
      reader->message = g_strdup_printf ("%s (line %d)", g_strdelimit (message, "\r\n", ' '), xml_error->line);
    }
}

static void
on_element (Reader           *reader,
            xmlTextReaderPtr  xml)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (xml);
  int depth = xmlTextReaderDepth (xml);

  if (depth == 1)
    reader->table = table_named (name);
  else if (reader->table != TABLE_NONE && !reader->in_row && strcmp (name, "row") == 0)
    {
      reader->in_row = TRUE;
      reader->row_depth = depth;
    }
  else if (reader->in_row && depth == reader->row_depth + 1)
    {
      g_free (reader->field);
      reader->field = g_strdup (name);
      g_string_truncate (reader->value, 0);
    }
  if (xmlTextReaderIsEmptyElement (xml) && reader->in_row && depth == reader->row_depth)
    {
      reader->in_row = FALSE;
      commit_row (reader);
    }
}

static void
on_end_element (Reader           *reader,
                xmlTextReaderPtr  xml)
{
  int depth = xmlTextReaderDepth (xml);

  if (reader->in_row && reader->field != NULL && depth == reader->row_depth + 1)
    {
      g_hash_table_insert (reader->row, g_steal_pointer (&reader->field), g_strdup (reader->value->str));
      g_string_truncate (reader->value, 0);
    }
  else if (reader->in_row && depth == reader->row_depth)
    {
      reader->in_row = FALSE;
      reader->n_rows++;
      commit_row (reader);
    }
  else if (depth == 1)
    reader->table = TABLE_NONE;
}

static gboolean
set_error (GError     **error,
           int          code,
           const char  *display_name,
           const char  *message)
{
  _trellis_import_set_error (error, code, display_name, TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             "%s", message);
  return FALSE;
}

static TrellisSurveyStructure *
refuse (GError     **error,
        int          code,
        const char  *display_name,
        const char  *message)
{
  set_error (error, code, display_name, message);
  return NULL;
}

static gboolean
read_rows (Reader       *reader,
           const char   *data,
           gsize         size,
           GError      **error)
{
  xmlTextReaderPtr xml = xmlReaderForMemory (data, (int) size, reader->display_name, "UTF-8",
                                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                             XML_PARSE_IGNORE_ENC);
  gboolean root_seen = FALSE, is_survey = FALSE;
  int status;

  if (xml == NULL)
    return set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, reader->display_name,
                      _("the survey structure file is not XML"));
  xmlTextReaderSetStructuredErrorHandler (xml, record_error, reader);
  while ((status = xmlTextReaderRead (xml)) == 1 && reader->message == NULL)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_ELEMENT && !root_seen)
        {
          root_seen = TRUE;
          is_survey = strcmp ((const char *) xmlTextReaderConstLocalName (xml), "document") == 0;
          if (!is_survey)
            break;
        }
      else if (type == XML_READER_TYPE_ELEMENT)
        on_element (reader, xml);
      else if (type == XML_READER_TYPE_END_ELEMENT)
        on_end_element (reader, xml);
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && reader->field != NULL &&
               reader->value->len < MAX_FIELD_LENGTH)
        g_string_append (reader->value, (const char *) xmlTextReaderConstValue (xml));
      if (reader->n_rows > MAX_ROWS)
        break;
    }
  xmlFreeTextReader (xml);

  if (reader->n_rows > MAX_ROWS)
    return set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, reader->display_name,
                      _("the survey structure file has far more questions than any survey"));
  if (root_seen && !is_survey)
    return set_error (error, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, reader->display_name,
                      _("this is not a LimeSurvey survey structure file (.lss)"));
  if (status < 0 || reader->message != NULL || !root_seen)
    {
      g_autofree char *message = g_strdup_printf (_("the survey structure file is damaged or incomplete (%s)"),
                                                  reader->message != NULL ? reader->message : _("unexpected end"));
      return set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, reader->display_name, message);
    }
  return TRUE;
}

static const char *
question_text (Reader   *reader,
               Question *question)
{
  const char *text = g_hash_table_lookup (reader->l10n_texts, question->qid);

  return text != NULL ? text : question->text;
}

static char *
dup_group_name (Reader     *reader,
                const char *gid)
{
  const char *name = g_hash_table_lookup (reader->group_names, gid);

  return strip_markup (name != NULL ? name : "");
}

static void
add_code (GHashTable *texts,
          const char *code,
          const char *text)
{
  if (*text != '\0')
    g_hash_table_replace (texts, g_utf8_casefold (code, -1), g_strdup (text));
}

/* Each code as the export's code headings write it, with the text a full heading would
 * have: "Q55[SQ001]" and "Q55_SQ001" → "Question [Subquestion]", the group's name
 * before it as KoboToolbox writes groups ("Group/Question"). */
static GHashTable *
build_texts (Reader *reader)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  Question *question;

  g_hash_table_iter_init (&iter, reader->questions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &question))
    {
      Question *parent = g_hash_table_lookup (reader->questions, question->parent_qid);
      g_autofree char *own = strip_markup (question_text (reader, question));
      g_autofree char *group = NULL;
      g_autofree char *text = NULL;

      if (parent != NULL)
        {
          g_autofree char *lead = strip_markup (question_text (reader, parent));
          g_autofree char *bracketed = g_strdup_printf ("%s[%s]", parent->title, question->title);
          g_autofree char *underscored = g_strdup_printf ("%s_%s", parent->title, question->title);

          group = dup_group_name (reader, parent->gid);
          text = g_strdup_printf ("%s%s%s [%s]", group, *group != '\0' ? "/" : "", lead, own);
          add_code (texts, bracketed, text);
          add_code (texts, underscored, text);
        }
      else if (strcmp (question->parent_qid, "0") == 0 || *question->parent_qid == '\0')
        {
          group = dup_group_name (reader, question->gid);
          text = g_strdup_printf ("%s%s%s", group, *group != '\0' && *own != '\0' ? "/" : "", own);
          add_code (texts, question->title, *own != '\0' ? text : "");
        }
    }
  return texts;
}

static gint64
group_order (Reader     *reader,
             const char *gid)
{
  const char *order = g_hash_table_lookup (reader->group_orders, gid);

  return order != NULL ? g_ascii_strtoll (order, NULL, 10) : 0;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry * const *) a, *eb = *(const Entry * const *) b;

  for (guint k = 0; k < G_N_ELEMENTS (ea->key); k++)
    if (ea->key[k] != eb->key[k])
      return ea->key[k] < eb->key[k] ? -1 : 1;
  return 0;
}

/* Every question and subquestion with the texts an abbreviated heading shortens, in
 * the order the export's columns have them: by group, question and subquestion order. */
static GPtrArray *
build_entries (Reader *reader)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  GHashTableIter iter;
  Question *question;

  g_hash_table_iter_init (&iter, reader->questions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &question))
    {
      Question *parent = g_hash_table_lookup (reader->questions, question->parent_qid);
      Question *lead = parent != NULL ? parent : question;
      g_autofree char *lead_text = strip_markup (question_text (reader, lead));
      g_autofree char *own = strip_markup (question_text (reader, question));
      g_autofree char *group = dup_group_name (reader, lead->gid);
      Entry *entry;

      if (parent == NULL && strcmp (question->parent_qid, "0") != 0 && *question->parent_qid != '\0')
        continue;
      entry = g_new0 (Entry, 1);
      entry->question = _trellis_import_fold (lead_text);
      entry->sub = parent != NULL ? _trellis_import_fold (own) : NULL;
      entry->text = parent != NULL
        ? g_strdup_printf ("%s%s%s [%s]", group, *group != '\0' ? "/" : "", lead_text, own)
        : g_strdup_printf ("%s%s%s", group, *group != '\0' ? "/" : "", own);
      entry->key[0] = group_order (reader, lead->gid);
      entry->key[1] = lead->order;
      entry->key[2] = g_ascii_strtoll (lead->qid, NULL, 10);
      entry->key[3] = parent != NULL ? question->order : -1;
      entry->key[4] = g_ascii_strtoll (question->qid, NULL, 10);
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

/**
 * _trellis_survey_structure_new:
 * @bytes: a LimeSurvey survey structure export (.lss)
 *
 * Reads what each question and subquestion code of the survey means, so that an
 * export with code headings ("D55[SQ004]", "AC") matches as if its headings carried
 * the text. The file is read as the project loader reads its own: no DTD, no entities,
 * nothing from the network, limited in size.
 *
 * Returns: (transfer full): the codes and texts, or %NULL with @error set
 */
TrellisSurveyStructure *
_trellis_survey_structure_new (GBytes      *bytes,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(GHashTable) questions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) question_free);
  g_autoptr(GHashTable) l10n_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) group_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GHashTable) group_orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Reader reader = { display_name, questions, l10n_texts, group_names, TABLE_NONE, FALSE, 0, NULL, value, row, 0, NULL,
                    group_orders };
  TrellisSurveyStructure *self;
  const char *data;
  gsize size;
  gboolean read;

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    return refuse (error, TRELLIS_IMPORT_ERROR_EMPTY, display_name, _("the survey structure file is empty"));
  if (size > MAX_STRUCTURE_SIZE)
    return refuse (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, display_name,
                   _("the survey structure file is far larger than any survey’s"));
  if (!g_utf8_validate_len (data, size, NULL))
    return refuse (error, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, display_name,
                   _("this is not a LimeSurvey survey structure file (.lss): it is not UTF-8 text"));
  if (g_strstr_len (data, size, "<!DOCTYPE") != NULL || g_strstr_len (data, size, "<!ENTITY") != NULL)
    return refuse (error, TRELLIS_IMPORT_ERROR_FORBIDDEN, display_name,
                   _("the survey structure file declares a DTD or entities, which LimeSurvey never writes; it was not read"));

  read = read_rows (&reader, data, size, error);
  g_free (reader.field);
  g_free (reader.message);
  if (!read)
    return NULL;
  self = g_new0 (TrellisSurveyStructure, 1);
  self->texts = build_texts (&reader);
  self->entries = build_entries (&reader);
  if (g_hash_table_size (self->texts) == 0)
    {
      _trellis_survey_structure_free (self);
      return refuse (error, TRELLIS_IMPORT_ERROR_EMPTY, display_name,
                     _("the survey structure file holds no questions"));
    }
  return self;
}

/**
 * _trellis_survey_structure_lookup:
 * @code: a column's heading or code, e.g. "D55[SQ004]"
 *
 * Returns: (nullable): the text a full heading would have
 */
const char *
_trellis_survey_structure_lookup (TrellisSurveyStructure *self,
                                  const char             *code)
{
  g_autofree char *folded = NULL;

  if (self == NULL || code == NULL)
    return NULL;
  folded = g_utf8_casefold (code, -1);
  return g_hash_table_lookup (self->texts, folded);
}

/**
 * _trellis_survey_structure_spell_out:
 * @header: a column's header, perhaps a LimeSurvey abbreviated heading
 * @claimed: the entries earlier columns took; the one this column takes is added
 *
 * Finds the question or subquestion an abbreviated heading shortens. Headings that
 * start alike ("The partnershi.. ") fit several: the columns follow the survey's
 * order, so the n-th such column takes the first entry no earlier column took.
 *
 * Returns: (nullable): the text a full heading would have, or %NULL when @header is
 *   no abbreviated heading or fits nothing left
 */
const char *
_trellis_survey_structure_spell_out (TrellisSurveyStructure *self,
                                     const char             *header,
                                     GHashTable             *claimed)
{
  g_autofree char *question = NULL;
  g_autofree char *sub = NULL;
  gboolean question_cut, sub_cut;

  if (self == NULL || header == NULL ||
      !_trellis_import_read_abbreviated (header, &question, &sub, &question_cut, &sub_cut))
    return NULL;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_hash_table_contains (claimed, entry) ||
          (sub == NULL) != (entry->sub == NULL) ||
          !_trellis_import_abbreviation_fits (question, question_cut, entry->question) ||
          !_trellis_import_abbreviation_fits (sub, sub_cut, entry->sub))
        continue;
      g_hash_table_add (claimed, entry);
      return entry->text;
    }
  return NULL;
}
