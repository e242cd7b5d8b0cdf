/* trellis-import-layout.c: telling which survey tool wrote an export, by its structure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-import-private.h"

/* Reasons a column is dropped, shown in the import summary. */
#define REASON_NAME       N_("names a person")
#define REASON_EMAIL      N_("holds e-mail addresses")
#define REASON_IP         N_("holds IP addresses")
#define REASON_LOCATION   N_("holds a location")
#define REASON_ID         N_("identifies the respondent or response")
#define REASON_TIME       N_("records when someone answered")
#define REASON_METADATA   N_("is the survey tool’s bookkeeping")
#define REASON_FINISHED   N_("says whether the response was finished")

typedef struct
{
  const char            *folded;
  TrellisColumnRole      role;
  const char            *reason;
} NamedColumn;

/* Headers and codes of the tools' own columns, folded. Codes (Qualtrics' export tags,
 * LimeSurvey's and KoboToolbox's names) are not translated; the translated headers
 * listed are those the tools use in the languages partnerships here work in. */
static const NamedColumn named_columns[] = {
  { "name", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "first name", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "last name", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "full name", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "your name", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "surname", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "firstname", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "lastname", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "recipientfirstname", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "recipientlastname", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "username", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "user name", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "submitted by", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "submittername", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "respondent", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "respondent name", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "participant", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "nombre", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "apellidos", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "naam", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "名前", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "nom", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "prenom", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "vorname", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "nachname", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "email", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "e mail", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "email address", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "e mail address", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "emailaddress", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "recipientemail", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "メール", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "courriel", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "adresse e mail", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "e mail adresse", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "adresse electronique", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "correo", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "correo electronico", TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL },
  { "phone", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "phone number", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "telephone", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "phonenumber", TRELLIS_COLUMN_IDENTIFYING, REASON_NAME },
  { "ip address", TRELLIS_COLUMN_IDENTIFYING, REASON_IP },
  { "ipaddress", TRELLIS_COLUMN_IDENTIFYING, REASON_IP },
  { "ipaddr", TRELLIS_COLUMN_IDENTIFYING, REASON_IP },
  { "ip", TRELLIS_COLUMN_IDENTIFYING, REASON_IP },
  { "ip adresse", TRELLIS_COLUMN_IDENTIFYING, REASON_IP },
  { "adresse ip", TRELLIS_COLUMN_IDENTIFYING, REASON_IP },
  { "direccion ip", TRELLIS_COLUMN_IDENTIFYING, REASON_IP },
  { "locationlatitude", TRELLIS_COLUMN_IDENTIFYING, REASON_LOCATION },
  { "locationlongitude", TRELLIS_COLUMN_IDENTIFYING, REASON_LOCATION },
  { "locationaccuracy", TRELLIS_COLUMN_IDENTIFYING, REASON_LOCATION },
  { "latitude", TRELLIS_COLUMN_IDENTIFYING, REASON_LOCATION },
  { "longitude", TRELLIS_COLUMN_IDENTIFYING, REASON_LOCATION },
  { "id", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "respondent id", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "collector id", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "response id", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "responseid", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "externalreference", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "externaldatareference", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "token", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "refurl", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "referrer url", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "seed", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "uuid", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "meta instanceid", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "instanceid", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "key", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "deviceid", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "simserial", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "subscriberid", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "submitterid", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "custom data", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "custom data 1", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "timestamp", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "start time", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "completion time", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "last modified time", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "start date", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "end date", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "startdate", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "enddate", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "recordeddate", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "datestamp", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "date started", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "date last action", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "start", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "end", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "today", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "submission time", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "submissiondate", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "grade posted time", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "開始時刻", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "完了時刻", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "anfangsdatum", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "enddatum", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "zeitstempel", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "horodateur", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "marca temporal", TRELLIS_COLUMN_IDENTIFYING, REASON_TIME },
  { "audit", TRELLIS_COLUMN_IDENTIFYING, REASON_ID },
  { "finished", TRELLIS_COLUMN_COMPLETION, REASON_FINISHED },
  { "submitdate", TRELLIS_COLUMN_COMPLETION, REASON_FINISHED },
  { "status", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "progress", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "duration in seconds", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "duration", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "distributionchannel", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "userlanguage", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "responseset", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "lastpage", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "startlanguage", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "interviewtime", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "total points", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "quiz feedback", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "score", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "validation status", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "notes", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "version", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "tags", TRELLIS_COLUMN_METADATA, REASON_METADATA },
  { "index", TRELLIS_COLUMN_METADATA, REASON_METADATA },
};

const char *
trellis_import_layout_get_name (TrellisImportLayout layout)
{
  switch (layout)
    {
    case TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS:
      return _("Microsoft Forms");
    case TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS:
      return _("Google Forms");
    case TRELLIS_IMPORT_LAYOUT_SURVEYMONKEY:
      return _("SurveyMonkey");
    case TRELLIS_IMPORT_LAYOUT_QUALTRICS:
      return _("Qualtrics");
    case TRELLIS_IMPORT_LAYOUT_QUALTRICS_LEGACY:
      return _("Qualtrics (before 2017)");
    case TRELLIS_IMPORT_LAYOUT_LIMESURVEY:
      return _("LimeSurvey");
    case TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX:
      return _("KoboToolbox");
    case TRELLIS_IMPORT_LAYOUT_GENERIC:
    default:
      return _("generic");
    }
}

static void
layout_column_clear (TrellisLayoutColumn *column)
{
  g_free (column->header);
  g_free (column->code);
}

void
_trellis_layout_info_free (TrellisLayoutInfo *info)
{
  if (info == NULL)
    return;
  g_array_unref (info->columns);
  g_free (info);
}

/* Line breaks inside a header (SurveyMonkey's long questions) become single spaces.
 * One pass, no allocation per word: a header of a hundred thousand spaces (ODS
 * <text:s text:c="1024"/> repeated) once took seconds to split into empty words. */
static char *
tidy_header (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean in_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        in_space = TRUE;
      else
        {
          if (in_space && out->len > 0)
            g_string_append_c (out, ' ');
          in_space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static guint
count_prefixed (TrellisTable *table,
                guint         row,
                const char   *prefix,
                guint        *filled)
{
  guint length = trellis_table_get_row_length (table, row), count = 0;

  *filled = 0;
  for (guint c = 0; c < length; c++)
    {
      const char *text = trellis_table_get (table, row, c);
      if (*text == '\0')
        continue;
      (*filled)++;
      if (g_str_has_prefix (text, prefix))
        count++;
    }
  return count;
}

static gboolean
is_limesurvey_code (const char *header)
{
  static GRegex *code;

  if (g_once_init_enter (&code))
    g_once_init_leave (&code, g_regex_new ("^[A-Za-z][A-Za-z0-9_]*\\[[A-Za-z0-9_]+\\](?:\\[[A-Za-z0-9_]+\\])?$",
                                           G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (code, header, 0, NULL);
}

static const NamedColumn *
lookup_name (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;
  folded = _trellis_import_fold (text);
  for (guint i = 0; i < G_N_ELEMENTS (named_columns); i++)
    if (strcmp (folded, named_columns[i].folded) == 0)
      return &named_columns[i];
  /* Microsoft Forms quizzes add "Points - Q" and "Feedback - Q"; KoboToolbox splits a
   * geopoint into _q_latitude, _q_longitude, _q_altitude and _q_precision. */
  if (g_str_has_prefix (text, "Points - ") || g_str_has_prefix (text, "Feedback - "))
    {
      static const NamedColumn quiz = { "", TRELLIS_COLUMN_METADATA, REASON_METADATA };
      return &quiz;
    }
  if (g_str_has_suffix (folded, " latitude") || g_str_has_suffix (folded, " longitude") ||
      g_str_has_suffix (folded, " altitude") || g_str_has_suffix (folded, " precision"))
    {
      static const NamedColumn location = { "", TRELLIS_COLUMN_IDENTIFYING, REASON_LOCATION };
      return &location;
    }
  return NULL;
}

/* A layout's fixed columns may be missing from a short file: a hint past its last
 * column is dropped, and so is anything the caller would add to it. */
static TrellisLayoutColumn *
hint (TrellisLayoutInfo *info,
      guint              column,
      TrellisColumnRole  role,
      const char        *reason)
{
  TrellisLayoutColumn *c;

  if (column >= info->columns->len)
    return NULL;
  c = &g_array_index (info->columns, TrellisLayoutColumn, column);
  c->role = role;
  c->reason = reason;
  return c;
}

static gboolean
shape_is (TrellisTable      *table,
          guint              first_row,
          guint              column,
          TrellisValueShape  a,
          TrellisValueShape  b)
{
  TrellisValueShape shape = _trellis_import_column_shape (table, first_row, column);
  return shape == a || shape == b;
}

/* SurveyMonkey: the second header row is blank under the respondent details, and every
 * response starts with its Respondent ID. */
static gboolean
is_surveymonkey (TrellisTable *table,
                 guint         h)
{
  guint n_columns = trellis_table_get_row_length (table, h);
  guint continuations = 0;

  if (h + 2 >= trellis_table_get_n_rows (table) || *trellis_table_get (table, h, 0) == '\0' ||
      *trellis_table_get (table, h + 1, 0) != '\0' || *trellis_table_get (table, h + 1, 1) != '\0' ||
      *trellis_table_get (table, h + 2, 0) == '\0')
    return FALSE;
  for (guint c = 1; c < n_columns; c++)
    if (*trellis_table_get (table, h, c) == '\0' && *trellis_table_get (table, h + 1, c) != '\0')
      continuations++;
  return continuations > 0;
}

/* KoboToolbox: its own _uuid, _submission_time, __version__ or _index columns, and
 * maybe a second header row of HXL tags. */
static gboolean
is_kobotoolbox (TrellisTable *table,
                guint         h,
                guint        *n_header_rows)
{
  guint n_columns = trellis_table_get_row_length (table, h);
  guint filled, hits;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = trellis_table_get (table, h, c);

      if (strcmp (header, "_uuid") == 0 || strcmp (header, "_submission_time") == 0 ||
          strcmp (header, "__version__") == 0 || strcmp (header, "_index") == 0)
        {
          if (h + 1 < trellis_table_get_n_rows (table))
            {
              hits = count_prefixed (table, h + 1, "#", &filled);
              if (hits > 0 && hits * 2 >= filled)
                *n_header_rows = 2;
            }
          return TRUE;
        }
    }
  return FALSE;
}

static TrellisImportLayout
detect_kind (TrellisTable *table,
             guint         h,
             guint        *n_header_rows)
{
  guint n_rows = trellis_table_get_n_rows (table);
  guint n_columns = trellis_table_get_row_length (table, h);
  guint filled, hits;

  *n_header_rows = 1;
  if (h + 2 < n_rows)
    {
      hits = count_prefixed (table, h + 2, "{\"ImportId\"", &filled);
      if (hits > 0 && hits * 2 >= filled)
        {
          *n_header_rows = 3;
          return TRELLIS_IMPORT_LAYOUT_QUALTRICS;
        }
    }
  if (h + 1 < n_rows && g_strcmp0 (trellis_table_get (table, h, 0), "V1") == 0 &&
      g_strcmp0 (trellis_table_get (table, h, 1), "V2") == 0 &&
      g_strcmp0 (trellis_table_get (table, h, 2), "V3") == 0)
    {
      *n_header_rows = 2;
      return TRELLIS_IMPORT_LAYOUT_QUALTRICS_LEGACY;
    }
  if (is_surveymonkey (table, h))
    {
      *n_header_rows = 2;
      return TRELLIS_IMPORT_LAYOUT_SURVEYMONKEY;
    }
  if (is_kobotoolbox (table, h, n_header_rows))
    return TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX;
  for (guint c = 0; c < n_columns; c++)
    if (is_limesurvey_code (trellis_table_get (table, h, c)))
      return TRELLIS_IMPORT_LAYOUT_LIMESURVEY;
  if (g_strcmp0 (trellis_table_get (table, h, 1), "submitdate") == 0 &&
      g_strcmp0 (trellis_table_get (table, h, 3), "startlanguage") == 0)
    return TRELLIS_IMPORT_LAYOUT_LIMESURVEY;
  if (h + 1 >= n_rows || n_columns < 5)
    return TRELLIS_IMPORT_LAYOUT_GENERIC;
  /* LimeSurvey with full-text headings, in any language: a response id, a submit date,
   * the last page, the start language and the random seed. */
  if (shape_is (table, h + 1, 0, TRELLIS_VALUES_INTEGER, TRELLIS_VALUES_ID) &&
      shape_is (table, h + 1, 2, TRELLIS_VALUES_INTEGER, TRELLIS_VALUES_EMPTY) &&
      shape_is (table, h + 1, 3, TRELLIS_VALUES_LANGUAGE, TRELLIS_VALUES_LANGUAGE) &&
      shape_is (table, h + 1, 4, TRELLIS_VALUES_INTEGER, TRELLIS_VALUES_ID))
    return TRELLIS_IMPORT_LAYOUT_LIMESURVEY;
  /* Microsoft Forms, in any language: an id, then start and completion times. */
  if (shape_is (table, h + 1, 0, TRELLIS_VALUES_INTEGER, TRELLIS_VALUES_ID) &&
      shape_is (table, h + 1, 1, TRELLIS_VALUES_TIMESTAMP, TRELLIS_VALUES_DATE) &&
      shape_is (table, h + 1, 2, TRELLIS_VALUES_TIMESTAMP, TRELLIS_VALUES_DATE))
    return TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS;
  if (shape_is (table, h + 1, 0, TRELLIS_VALUES_TIMESTAMP, TRELLIS_VALUES_TIMESTAMP))
    return TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS;
  return TRELLIS_IMPORT_LAYOUT_GENERIC;
}

/* SurveyMonkey writes a question's text only above its first column and, in the second
 * row, "Response" or "Open-Ended Response" for plain questions and a statement for each
 * row of a matrix. */
static gboolean
is_generic_subheader (const char *text)
{
  g_autofree char *folded = _trellis_import_fold (text);

  return strcmp (folded, "response") == 0 || strcmp (folded, "open ended response") == 0 ||
         strcmp (folded, "antwort") == 0 || strcmp (folded, "reponse") == 0 ||
         strcmp (folded, "respuesta") == 0;
}

static void
compose_headers (TrellisLayoutInfo *info,
                 TrellisTable      *table,
                 guint              h)
{
  g_autofree char *carried = NULL;

  for (guint c = 0; c < info->columns->len; c++)
    {
      TrellisLayoutColumn *column = &g_array_index (info->columns, TrellisLayoutColumn, c);
      const char *first = trellis_table_get (table, h, c);

      switch (info->layout)
        {
        case TRELLIS_IMPORT_LAYOUT_QUALTRICS:
        case TRELLIS_IMPORT_LAYOUT_QUALTRICS_LEGACY:
          {
            const char *text = trellis_table_get (table, h + 1, c);
            column->code = g_strdup (first);
            column->header = tidy_header (*text != '\0' ? text : first);
          }
          break;
        case TRELLIS_IMPORT_LAYOUT_SURVEYMONKEY:
          {
            const char *second = trellis_table_get (table, h + 1, c);
            g_autofree char *composed = NULL;

            if (*first != '\0')
              {
                g_free (carried);
                carried = g_strdup (first);
              }
            if (*second == '\0' || is_generic_subheader (second) || carried == NULL)
              composed = g_strdup (*first != '\0' ? first : (carried != NULL ? carried : second));
            else
              composed = g_strdup_printf ("%s [%s]", carried, second);
            column->header = tidy_header (composed);
          }
          break;
        case TRELLIS_IMPORT_LAYOUT_LIMESURVEY:
          column->header = tidy_header (first);
          if (is_limesurvey_code (first))
            column->code = g_strdup (first);
          break;
        case TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX:
          column->header = tidy_header (first);
          column->code = g_strdup (first);
          break;
        case TRELLIS_IMPORT_LAYOUT_GENERIC:
        case TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS:
        case TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS:
        default:
          column->header = tidy_header (first);
          break;
        }
    }
}

static void
hint_by_position (TrellisLayoutInfo *info,
                  TrellisTable      *table,
                  guint              h)
{
  guint first = info->first_data_row;
  TrellisLayoutColumn *submit_date;

  switch (info->layout)
    {
    case TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS:
      hint (info, 0, TRELLIS_COLUMN_IDENTIFYING, REASON_ID);
      hint (info, 1, TRELLIS_COLUMN_IDENTIFYING, REASON_TIME);
      hint (info, 2, TRELLIS_COLUMN_IDENTIFYING, REASON_TIME);
      hint (info, 3, TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL);
      hint (info, 4, TRELLIS_COLUMN_IDENTIFYING, REASON_NAME);
      if (shape_is (table, first, 5, TRELLIS_VALUES_TIMESTAMP, TRELLIS_VALUES_DATE))
        hint (info, 5, TRELLIS_COLUMN_IDENTIFYING, REASON_TIME);
      break;
    case TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS:
      hint (info, 0, TRELLIS_COLUMN_IDENTIFYING, REASON_TIME);
      break;
    case TRELLIS_IMPORT_LAYOUT_LIMESURVEY:
      hint (info, 0, TRELLIS_COLUMN_IDENTIFYING, REASON_ID);
      submit_date = hint (info, 1, TRELLIS_COLUMN_COMPLETION, REASON_FINISHED);
      if (submit_date != NULL)
        submit_date->completion = TRELLIS_COMPLETION_SUBMIT_DATE;
      hint (info, 2, TRELLIS_COLUMN_METADATA, REASON_METADATA);
      hint (info, 3, TRELLIS_COLUMN_METADATA, REASON_METADATA);
      hint (info, 4, TRELLIS_COLUMN_IDENTIFYING, REASON_ID);
      break;
    case TRELLIS_IMPORT_LAYOUT_SURVEYMONKEY:
      /* Everything before the first question is about the respondent. */
      for (guint c = 0; c < info->columns->len; c++)
        {
          const NamedColumn *named = lookup_name (trellis_table_get (table, h, c));

          if (*trellis_table_get (table, h + 1, c) != '\0')
            break;
          hint (info, c, TRELLIS_COLUMN_IDENTIFYING,
                named != NULL && named->role == TRELLIS_COLUMN_IDENTIFYING ? named->reason : REASON_ID);
        }
      break;
    case TRELLIS_IMPORT_LAYOUT_GENERIC:
    case TRELLIS_IMPORT_LAYOUT_QUALTRICS:
    case TRELLIS_IMPORT_LAYOUT_QUALTRICS_LEGACY:
    case TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX:
    default:
      break;
    }
}

static void
hint_by_name_and_content (TrellisLayoutInfo *info,
                          TrellisTable      *table)
{
  gboolean qualtrics = info->layout == TRELLIS_IMPORT_LAYOUT_QUALTRICS ||
                       info->layout == TRELLIS_IMPORT_LAYOUT_QUALTRICS_LEGACY;

  for (guint c = 0; c < info->columns->len; c++)
    {
      TrellisLayoutColumn *column = &g_array_index (info->columns, TrellisLayoutColumn, c);
      const NamedColumn *named;
      g_autofree char *folded_code = _trellis_import_fold (column->code);
      TrellisValueShape shape;

      named = lookup_name (column->code);
      if (named == NULL)
        named = lookup_name (column->header);

      if (column->role == TRELLIS_COLUMN_IGNORED && named != NULL)
        {
          column->role = named->role;
          column->reason = named->reason;
          if (named->role == TRELLIS_COLUMN_COMPLETION && strcmp (named->folded, "submitdate") == 0)
            column->completion = TRELLIS_COMPLETION_SUBMIT_DATE;
        }
      if (qualtrics && named != NULL && strcmp (named->folded, "status") == 0)
        {
          column->role = TRELLIS_COLUMN_COMPLETION;
          column->completion = TRELLIS_COMPLETION_STATUS;
          column->reason = N_("marks previews, tests and spam");
        }
      if (info->layout == TRELLIS_IMPORT_LAYOUT_LIMESURVEY && column->role == TRELLIS_COLUMN_IGNORED &&
          (g_str_has_prefix (folded_code, "grouptime") || g_str_has_suffix (column->header, "Time")))
        {
          column->role = TRELLIS_COLUMN_METADATA;
          column->reason = REASON_METADATA;
        }
      if (column->role != TRELLIS_COLUMN_IGNORED)
        continue;

      /* Whatever the header says, some contents identify people on their own. */
      shape = _trellis_import_column_shape (table, info->first_data_row, c);
      if (shape == TRELLIS_VALUES_EMAIL)
        hint (info, c, TRELLIS_COLUMN_IDENTIFYING, REASON_EMAIL);
      else if (shape == TRELLIS_VALUES_IP_ADDRESS)
        hint (info, c, TRELLIS_COLUMN_IDENTIFYING, REASON_IP);
      else if (shape == TRELLIS_VALUES_TIMESTAMP)
        hint (info, c, TRELLIS_COLUMN_IDENTIFYING, REASON_TIME);
      else if (shape == TRELLIS_VALUES_ID)
        hint (info, c, TRELLIS_COLUMN_IDENTIFYING, REASON_ID);
    }
}

/**
 * _trellis_layout_detect:
 *
 * Works out which tool wrote the export, how many header rows it has, the header of
 * each column (composed from several rows where the tool splits them), and which
 * columns are the tool's own: identifying, bookkeeping or completion.
 *
 * Returns: (transfer full): what the structure says
 */
TrellisLayoutInfo *
_trellis_layout_detect (TrellisTable *table)
{
  TrellisLayoutInfo *info = g_new0 (TrellisLayoutInfo, 1);
  guint n_rows = trellis_table_get_n_rows (table);
  guint h = 0;

  info->columns = g_array_new (FALSE, TRUE, sizeof (TrellisLayoutColumn));
  g_array_set_clear_func (info->columns, (GDestroyNotify) layout_column_clear);

  while (h < n_rows && trellis_table_row_is_empty (table, h))
    h++;
  if (h >= n_rows)
    {
      info->first_data_row = n_rows;
      return info;
    }

  info->layout = detect_kind (table, h, &info->n_header_rows);
  info->first_data_row = MIN (h + info->n_header_rows, n_rows);
  g_array_set_size (info->columns, trellis_table_get_n_columns (table));
  compose_headers (info, table, h);
  hint_by_position (info, table, h);
  hint_by_name_and_content (info, table);
  return info;
}
