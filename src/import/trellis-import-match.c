/* trellis-import-match.c: reading headers as statements and cells as answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "trellis-import-private.h"
#include "trellis-scale.h"
#include "trellis-section.h"
#include "trellis-statement.h"

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02bc || c == '`' || c == 0x00b4;
}

/**
 * _trellis_import_fold:
 *
 * Folds text for comparison: "Don’t  Know!" and "dont know" fold alike, as do
 * "Agreé" and "agree". Apostrophes vanish so that "Don't" meets "Dont"; every other
 * run of punctuation and space becomes one space.
 *
 * Returns: (transfer full): the folded text
 */
char *
_trellis_import_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) out = NULL;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK || is_apostrophe (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        pending_space = TRUE;
    }
  return g_utf8_casefold (out->str, out->len);
}

/**
 * _trellis_import_clean_cell:
 *
 * Returns: (transfer full): the cell without surrounding space and without the `'`
 *   that exporters put before text starting with = + - @ so that spreadsheets do not
 *   run it as a formula
 */
char *
_trellis_import_clean_cell (const char *text)
{
  const char *end;

  /* Bounds first, then one copy: 80,000 comments are cleaned per import. */
  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  if (text[0] == '\'' && end - text > 1 && strchr ("=+-@\t\r0123456789", text[1]) != NULL)
    text++;
  return g_strndup (text, end - text);
}

/*****/

static GRegex *
compile_once (GRegex    **regex,
              const char *pattern)
{
  if (g_once_init_enter (regex))
    g_once_init_leave (regex, g_regex_new (pattern, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL));
  return *regex;
}

/**
 * _trellis_import_is_date_text:
 * @has_time: (out) (optional): whether a time of day follows the date
 *
 * Returns: whether @text is a date as survey tools write them: 2026-09-27 15:00:00,
 *   09/27/2026 3:00:00 PM, 2023/11/13 4:20:37 pm CET, 27.09.2026, Apr 26, 2018
 */
gboolean
_trellis_import_is_date_text (const char *text,
                              gboolean   *has_time)
{
  static GRegex *numeric, *named;
  g_autoptr(GMatchInfo) match = NULL;
  gboolean matched;

  matched = g_regex_match (compile_once (&numeric,
                                         "^\\s*\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}"
                                         "(?:[ T,]+(\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?)"
                                         "(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:Z|[A-Z]{2,5}|GMT[+-]\\d+|[+-]\\d{2}:?\\d{2}))?)?\\s*$"),
                           text, 0, &match);
  if (!matched)
    {
      g_clear_pointer (&match, g_match_info_unref);
      matched = g_regex_match (compile_once (&named,
                                             "^\\s*(?:\\d{1,2}\\s+)?[a-z]{3,9}\\.?\\s+\\d{1,2},?\\s+\\d{4}"
                                             "(?:[ ,]+(\\d{1,2}:\\d{2}(?::\\d{2})?)(?:\\s*[ap]m)?)?\\s*$"),
                               text, 0, &match);
    }
  if (matched && has_time != NULL)
    {
      g_autofree char *time = g_match_info_fetch (match, 1);
      *has_time = time != NULL && *time != '\0';
    }
  return matched;
}

/**
 * _trellis_import_read_day:
 * @day_first: for "03/04/2026": whether the day comes first (03 April), as the column's
 *   other dates tell; otherwise the month does, as the American tools write it
 * @day: (out): the day
 *
 * Reads the day of a date as survey tools and spreadsheets write it: 2026-09-27 15:00,
 * 2026/09/27 3:00:00 pm GMT+1, 09/27/2026 3:00:00 PM, 27.09.2026. The time is read past.
 * LimeSurvey's placeholder for "no date stamps", 1980-01-01, is no date.
 *
 * Returns: whether @text holds a date
 */
gboolean
_trellis_import_read_day (const char *text,
                          gboolean    day_first,
                          GDate      *day)
{
  static GRegex *year_first, *year_last;
  g_autoptr(GMatchInfo) match = NULL;
  gint64 year, month, day_of_month;

  if (g_regex_match (compile_once (&year_first, "^\\s*(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T,]|$)"),
                     text, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);

      year = g_ascii_strtoll (y, NULL, 10);
      month = g_ascii_strtoll (m, NULL, 10);
      day_of_month = g_ascii_strtoll (d, NULL, 10);
    }
  else
    {
      g_autofree char *a = NULL;
      g_autofree char *separator = NULL;
      g_autofree char *b = NULL;
      g_autofree char *y = NULL;

      g_clear_pointer (&match, g_match_info_unref);
      if (!g_regex_match (compile_once (&year_last, "^\\s*(\\d{1,2})([-/.])(\\d{1,2})[-/.](\\d{4})(?:[ T,]|$)"),
                          text, 0, &match))
        return FALSE;
      a = g_match_info_fetch (match, 1);
      separator = g_match_info_fetch (match, 2);
      b = g_match_info_fetch (match, 3);
      y = g_match_info_fetch (match, 4);
      year = g_ascii_strtoll (y, NULL, 10);
      /* 27.09.2026 is always day first. */
      if (day_first || *separator == '.')
        {
          day_of_month = g_ascii_strtoll (a, NULL, 10);
          month = g_ascii_strtoll (b, NULL, 10);
        }
      else
        {
          month = g_ascii_strtoll (a, NULL, 10);
          day_of_month = g_ascii_strtoll (b, NULL, 10);
        }
    }
  if (year < 1990 || year > 9999 || month < 1 || month > 12 || day_of_month < 1 ||
      !g_date_valid_dmy ((GDateDay) day_of_month, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (day, (GDateDay) day_of_month, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at > text && strchr (at + 1, '@') == NULL && strchr (at, '.') != NULL &&
         strpbrk (text, " \t\n") == NULL;
}

static gboolean
is_ip_address (const char *text)
{
  static GRegex *ip;

  return g_regex_match (compile_once (&ip,
                                      "^\\s*(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})\\s*$"),
                        text, 0, NULL);
}

static gboolean
is_uuid_or_token (const char *text)
{
  static GRegex *uuid;

  return g_regex_match (compile_once (&uuid,
                                      "^\\s*(?:uuid:)?(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                                      "|R_[0-9A-Za-z]{12,18})\\s*$"),
                        text, 0, NULL);
}

static gboolean
is_integer (const char *text)
{
  const char *p = text;

  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_boolean (const char *text)
{
  return g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "false") == 0 ||
         strcmp (text, "1") == 0 || strcmp (text, "0") == 0;
}

static gboolean
is_language_code (const char *text)
{
  static GRegex *language;

  return g_regex_match (compile_once (&language, "^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$"), text, 0, NULL);
}

/* A few hundred rows tell a column's kind as well as ten thousand. */
#define SHAPE_SAMPLE 500

/* What one cell looks like, as bits; SHAPE_READ says it has been looked at. */
enum
{
  SHAPE_READ      = 1 << 0,
  SHAPE_EMAIL     = 1 << 1,
  SHAPE_IP        = 1 << 2,
  SHAPE_TIMESTAMP = 1 << 3,
  SHAPE_DATE      = 1 << 4,
  SHAPE_ID        = 1 << 5,
  SHAPE_INTEGER   = 1 << 6,
  SHAPE_BOOLEAN   = 1 << 7,
  SHAPE_LANGUAGE  = 1 << 8,
};

static guint16
classify_cell (const char       *text,
               TrellisCellFlags  flags)
{
  guint16 kind = SHAPE_READ;
  gboolean has_time = FALSE;

  if (is_email (text))
    kind |= SHAPE_EMAIL;
  else if (is_ip_address (text))
    kind |= SHAPE_IP;
  else if ((flags & TRELLIS_CELL_DATE) != 0 || _trellis_import_is_date_text (text, &has_time))
    {
      if ((flags & TRELLIS_CELL_DATE) != 0)
        has_time = strchr (text, ':') != NULL;
      kind |= has_time ? SHAPE_TIMESTAMP : SHAPE_DATE;
    }
  else if (is_uuid_or_token (text))
    kind |= SHAPE_ID;
  else if (is_integer (text))
    kind |= SHAPE_INTEGER;
  if (is_boolean (text))
    kind |= SHAPE_BOOLEAN;
  if (is_language_code (text))
    kind |= SHAPE_LANGUAGE;
  return kind;
}

/**
 * _trellis_import_column_shape:
 *
 * Returns: what most filled cells of the column look like: e-mail addresses, IP
 *   addresses, timestamps, ids… A shape wins when nine in ten filled cells have it.
 */
TrellisValueShape
_trellis_import_column_shape (TrellisTable *table,
                              guint         first_row,
                              guint         column)
{
  guint n_rows = trellis_table_get_n_rows (table);
  guint filled = 0, emails = 0, ips = 0, timestamps = 0, dates = 0, ids = 0, integers = 0;
  guint booleans = 0, languages = 0;
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  /* What each distinct cell is, read once: "Agree" 500 times is one look. */
  g_autofree guint16 *kinds = g_new0 (guint16, MAX (trellis_table_get_n_values (table, column), 1));

  for (guint row = first_row; row < n_rows && filled < SHAPE_SAMPLE; row++)
    {
      guint value = trellis_table_get_value_index (table, row, column);
      const char *text = trellis_table_get (table, row, column);
      guint16 kind;

      if (*text == '\0')
        continue;
      filled++;
      if (kinds[value] == 0)
        {
          g_hash_table_add (distinct, (gpointer) text);
          kinds[value] = classify_cell (text, trellis_table_get_flags (table, row, column));
        }
      kind = kinds[value];
      emails += (kind & SHAPE_EMAIL) != 0;
      ips += (kind & SHAPE_IP) != 0;
      timestamps += (kind & SHAPE_TIMESTAMP) != 0;
      dates += (kind & SHAPE_DATE) != 0;
      ids += (kind & SHAPE_ID) != 0;
      integers += (kind & SHAPE_INTEGER) != 0;
      booleans += (kind & SHAPE_BOOLEAN) != 0;
      languages += (kind & SHAPE_LANGUAGE) != 0;
    }

  if (filled == 0)
    return TRELLIS_VALUES_EMPTY;
#define MOST(n) ((n) * 10 >= filled * 9)
  if (MOST (emails))
    return TRELLIS_VALUES_EMAIL;
  if (MOST (ips))
    return TRELLIS_VALUES_IP_ADDRESS;
  if (MOST (timestamps + dates) && timestamps > 0)
    return TRELLIS_VALUES_TIMESTAMP;
  if (MOST (dates))
    return TRELLIS_VALUES_DATE;
  if (MOST (ids))
    return TRELLIS_VALUES_ID;
  if (MOST (booleans) && g_hash_table_size (distinct) <= 2)
    return TRELLIS_VALUES_BOOLEAN;
  if (MOST (integers))
    {
      /* Distinct large numbers, one per row, are respondent ids, not answers. */
      if (g_hash_table_size (distinct) == filled && filled >= 2 && g_hash_table_size (distinct) > 11)
        return TRELLIS_VALUES_ID;
      return TRELLIS_VALUES_INTEGER;
    }
  if (MOST (languages))
    return TRELLIS_VALUES_LANGUAGE;
#undef MOST
  return TRELLIS_VALUES_TEXT;
}

/*****/

typedef struct
{
  int          point;
  const char  *folded;
} Variant;

/* Wordings of the five-point agreement scale that tools and people use besides the
 * project's own labels. "Somewhat" is the usual second and fourth point of a five-point
 * agreement scale. */
static const Variant agreement_variants[] = {
  { 1, "strongly disagree" }, { 1, "disagree strongly" }, { 1, "completely disagree" },
  { 1, "totally disagree" },
  { 2, "disagree" }, { 2, "somewhat disagree" }, { 2, "disagree somewhat" }, { 2, "tend to disagree" },
  { 2, "mostly disagree" }, { 2, "slightly disagree" },
  { 3, "neither agree nor disagree" }, { 3, "neither agree or disagree" }, { 3, "neither" },
  { 3, "neutral" }, { 3, "neither disagree nor agree" }, { 3, "neither nor" },
  { 4, "agree" }, { 4, "somewhat agree" }, { 4, "agree somewhat" }, { 4, "tend to agree" },
  { 4, "mostly agree" }, { 4, "slightly agree" },
  { 5, "strongly agree" }, { 5, "agree strongly" }, { 5, "completely agree" }, { 5, "totally agree" },
  /* Welsh, as Welsh public-sector surveys word it (folded: "Anghytuno’n gryf" loses its
   * apostrophe), for partnerships that survey in Welsh or bilingually. */
  { 1, "anghytunon gryf" }, { 1, "anghytuno yn gryf" }, { 1, "cryf anghytuno" },
  { 2, "anghytuno" }, { 2, "tueddu i anghytuno" },
  { 3, "ddim yn cytuno nac yn anghytuno" }, { 3, "dim yn cytuno nac yn anghytuno" },
  { 3, "ddim yn cytuno nac anghytuno" }, { 3, "heb gytuno nac anghytuno" }, { 3, "niwtral" },
  { 4, "cytuno" }, { 4, "tueddu i gytuno" },
  { 5, "cytunon gryf" }, { 5, "cytuno yn gryf" }, { 5, "cryf gytuno" },
};

static const char * const not_applicable_variants[] = {
  "n a", "na", "not applicable", "does not apply", "not relevant", "n a not applicable",
  "not applicable n a", "nicht zutreffend", "sans objet", "amherthnasol", "amh",
  "ddim yn berthnasol", "dim yn berthnasol",
};

static const char * const dont_know_variants[] = {
  "dont know", "do not know", "dk", "dont know not sure", "not sure", "unsure", "dont know unsure",
  "weiss nicht", "ne sais pas", "je ne sais pas", "no se", "ddim yn gwybod", "dim yn gwybod",
  "ddim yn siwr", "dim yn siwr", "dg",
};

static const char * const blank_variants[] = {
  "no answer", "not answered", "no response", "skipped", "keine antwort", "sans reponse",
  "dim ateb", "heb ateb",
};

static gboolean
in_list (const char         *folded,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (folded, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "agree strongly" and "strongly agree" hold the same words. */
static gboolean
same_words (const char *a,
            const char *b)
{
  g_auto(GStrv) wa = g_strsplit (a, " ", -1);
  g_auto(GStrv) wb = g_strsplit (b, " ", -1);
  guint na = g_strv_length (wa), nb = g_strv_length (wb);

  if (na != nb || na < 2)
    return FALSE;
  qsort (wa, na, sizeof (char *), compare_strings);
  qsort (wb, nb, sizeof (char *), compare_strings);
  for (guint i = 0; i < na; i++)
    if (strcmp (wa[i], wb[i]) != 0)
      return FALSE;
  return TRUE;
}

static TrellisAnswer
read_label (TrellisScale *scale,
            const char   *folded)
{
  guint n_points = trellis_scale_get_n_points (scale);
  g_autofree char *na = _trellis_import_fold (trellis_scale_get_na_label (scale));
  g_autofree char *dk = _trellis_import_fold (trellis_scale_get_dk_label (scale));
  g_autofree char *top = _trellis_import_fold (trellis_scale_get_point_label (scale, n_points));

  if (*folded == '\0')
    return TRELLIS_ANSWER_BLANK;
  for (guint point = 1; point <= n_points; point++)
    {
      g_autofree char *label = _trellis_import_fold (trellis_scale_get_point_label (scale, point));
      if (*label != '\0' && (strcmp (label, folded) == 0 || same_words (label, folded)))
        return (TrellisAnswer) point;
    }
  if ((*na != '\0' && strcmp (na, folded) == 0) ||
      in_list (folded, not_applicable_variants, G_N_ELEMENTS (not_applicable_variants)))
    return TRELLIS_ANSWER_NOT_APPLICABLE;
  if ((*dk != '\0' && strcmp (dk, folded) == 0) ||
      in_list (folded, dont_know_variants, G_N_ELEMENTS (dont_know_variants)))
    return TRELLIS_ANSWER_DONT_KNOW;
  if (in_list (folded, blank_variants, G_N_ELEMENTS (blank_variants)))
    return TRELLIS_ANSWER_BLANK;
  /* An agreement scale, labelled in English or, as Trellis labels it in Welsh, in Welsh. */
  if (n_points == 5 && (strstr (top, "agree") != NULL || strstr (top, "cytuno") != NULL))
    for (guint i = 0; i < G_N_ELEMENTS (agreement_variants); i++)
      if (strcmp (folded, agreement_variants[i].folded) == 0)
        return (TrellisAnswer) agreement_variants[i].point;
  return TRELLIS_ANSWER_UNMAPPED;
}

/**
 * _trellis_import_read_answer:
 * @cleaned: a cell as _trellis_import_clean_cell() left it
 *
 * Reads an answer without help from the facilitator: the points as numbers ("4",
 * "4.0"), the scale's labels and common variants in any case ("Agree strongly",
 * "N/A", "Dont know"), and both together ("5 - Strongly Agree", "Agree (4)").
 * Qualtrics' -99, "seen but not answered", is blank.
 *
 * Returns: the answer, or %TRELLIS_ANSWER_UNMAPPED
 */
TrellisAnswer
_trellis_import_read_answer (TrellisScale *scale,
                             const char   *cleaned)
{
  static GRegex *numbered;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *folded = NULL;
  guint n_points = trellis_scale_get_n_points (scale);

  if (g_regex_match (compile_once (&numbered,
                                   "^\\(?(-?\\d+)(?:[.,]0+)?\\)?(?:\\s*(?:[-–=:.)]\\s*|\\s+)(.*))?$"
                                   "|^(.*?)\\s*[(\\[](\\d+)[)\\]]$"),
                     cleaned, 0, &match))
    {
      g_autofree char *lead = g_match_info_fetch (match, 1);
      g_autofree char *trail = g_match_info_fetch (match, 4);
      g_autofree char *label = g_match_info_fetch (match, *lead != '\0' ? 2 : 3);
      const char *digits = *lead != '\0' ? lead : trail;
      gint64 number = g_ascii_strtoll (digits, NULL, 10);

      if (number >= 1 && number <= n_points)
        return (TrellisAnswer) number;
      if (number == -99 && (label == NULL || *label == '\0'))
        return TRELLIS_ANSWER_BLANK;
      /* "0 - Not applicable": the label decides when the number is off the scale. */
      if (label != NULL && *label != '\0')
        {
          g_autofree char *folded_label = _trellis_import_fold (label);
          TrellisAnswer answer = read_label (scale, folded_label);
          if (answer == TRELLIS_ANSWER_NOT_APPLICABLE || answer == TRELLIS_ANSWER_DONT_KNOW)
            return answer;
        }
      return TRELLIS_ANSWER_UNMAPPED;
    }

  folded = _trellis_import_fold (cleaned);
  if (*folded == '\0' && *cleaned != '\0' && strspn (cleaned, "-–—.") != strlen (cleaned))
    return TRELLIS_ANSWER_UNMAPPED;
  return read_label (scale, folded);
}

/*****/

typedef struct
{
  TrellisStatement *statement;
  char             *folded;
  char            **words;
  guint             n_words;
  const char       *number;
  const char       *id;
} StatementText;

static void
statement_text_clear (StatementText *text)
{
  g_free (text->folded);
  g_strfreev (text->words);
}

/* Shared words over all words (Dice): tolerant of small rewordings. Below @threshold
 * it returns 0, and texts whose lengths alone keep them below it are not compared word
 * by word: a header of thousands of words costs no more than a short one. */
static double
word_similarity (char   **a,
                 guint    na,
                 char   **b,
                 guint    nb,
                 double   threshold)
{
  g_autofree gboolean *used = NULL;
  guint common = 0;
  double similarity;

  if (na == 0 || nb == 0 || 2.0 * MIN (na, nb) / (na + nb) < threshold)
    return 0;
  used = g_new0 (gboolean, nb);
  for (guint i = 0; i < na; i++)
    for (guint j = 0; j < nb; j++)
      if (!used[j] && strcmp (a[i], b[j]) == 0)
        {
          used[j] = TRUE;
          common++;
          break;
        }
  similarity = 2.0 * common / (na + nb);
  return similarity >= threshold ? similarity : 0;
}

static double
text_score (const char  *candidate,
            char       **candidate_words,
            guint        n_candidate_words,
            const StatementText *statement)
{
  gsize length = strlen (candidate);
  gsize statement_length = strlen (statement->folded);
  double similarity;

  if (length == 0 || statement_length == 0)
    return 0;
  if (strcmp (candidate, statement->folded) == 0)
    return 1.0;
  /* Truncated by the tool ("The individuals involved in the partnership offer constr…")
   * or by LimeSurvey's 15-character abbreviated headings. */
  if (length >= 12 && g_str_has_prefix (statement->folded, candidate))
    return length >= 40 ? 0.92 : 0.75;
  if (statement_length >= 20 && g_str_has_prefix (candidate, statement->folded))
    return 0.88;
  similarity = word_similarity (candidate_words, n_candidate_words, statement->words, statement->n_words, 0.7);
  return similarity * 0.95;
}

/* One part of a LimeSurvey abbreviated heading, folded; TRUE when it was cut short
 * ("The partnershi.. "), FALSE when the whole text was short enough to stay. */
static char *
fold_abbreviated_part (const char *text,
                       gboolean   *cut)
{
  g_autofree char *part = g_strstrip (g_strdup (text));
  gsize length = strlen (part);

  /* Only LimeSurvey's own ellipsis: other tools' "…" is read as before, in order. */
  *cut = length >= 2 && g_str_has_suffix (part, "..");
  return _trellis_import_fold (part);
}

/**
 * _trellis_import_read_abbreviated:
 * @header: a column's header
 * @question: (out): the question part, folded
 * @sub: (out) (nullable): the bracketed subquestion part, folded, or %NULL
 * @question_cut: (out): whether the question part was cut short
 * @sub_cut: (out): whether the subquestion part was cut short
 *
 * Reads LimeSurvey's abbreviated headings: each text cut after (by default) 15
 * characters and ".. " added, a subquestion's in brackets:
 * "Please rate eac..  [The partnershi.. ]".
 *
 * Returns: %TRUE when @header is such a heading with at least one part cut short
 */
gboolean
_trellis_import_read_abbreviated (const char  *header,
                                  char       **question,
                                  char       **sub,
                                  gboolean    *question_cut,
                                  gboolean    *sub_cut)
{
  g_autofree char *whole = g_strstrip (g_strdup (header != NULL ? header : ""));
  gsize length = strlen (whole);
  char *open = strrchr (whole, '[');

  *question = NULL;
  *sub = NULL;
  *question_cut = *sub_cut = FALSE;
  if (length > 2 && whole[length - 1] == ']' && open != NULL)
    {
      whole[length - 1] = '\0';
      *sub = fold_abbreviated_part (open + 1, sub_cut);
      *open = '\0';
    }
  *question = fold_abbreviated_part (whole, question_cut);
  if ((*question_cut || *sub_cut) && **question != '\0' && (*sub == NULL || **sub != '\0'))
    return TRUE;
  g_clear_pointer (question, g_free);
  g_clear_pointer (sub, g_free);
  return FALSE;
}

/* Whether a part of an abbreviated heading stands for @full (folded): its start when
 * cut short, all of it otherwise. */
gboolean
_trellis_import_abbreviation_fits (const char *part,
                                   gboolean    cut,
                                   const char *full)
{
  if (part == NULL || full == NULL)
    return part == full;
  return cut ? *part != '\0' && g_str_has_prefix (full, part) : strcmp (part, full) == 0;
}

/* How sure a match by code or number alone is: enough to need no look. */
#define CODE_SCORE 0.85

/* The printed number of a part: "55" and part 1 make "55a"; a part past "z" is none. */
static char *
part_number (const char *number,
             const char *letter,
             const char *digits)
{
  gint64 part;

  if (letter != NULL && *letter != '\0')
    {
      g_autofree char *joined = g_strconcat (number, letter, NULL);
      return g_ascii_strdown (joined, -1);
    }
  if (digits == NULL || *digits == '\0')
    return g_strdup (number);
  part = g_ascii_strtoll (digits, NULL, 10);
  if (part < 1 || part > 26)
    return NULL;
  return g_strdup_printf ("%s%c", number, (char) ('a' + part - 1));
}

/* "12. Text", "12) Text", "Q12: Text", "Q012 Text", "Item 12 - Text", "12a Text",
 * "55 (a) Text", "Q55.1 Text", "55_1 Text" */
static gboolean
split_number (const char  *text,
              char       **number,
              char       **rest)
{
  static GRegex *numbered;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *bracketed = NULL;
  g_autofree char *part = NULL;

  if (!g_regex_match (compile_once (&numbered,
                                    "^\\s*(?:(?:q|question|item)\\s*)?0*(\\d{1,3})"
                                    "(?:([a-z])|\\s?\\(([a-z])\\)|[._](\\d{1,2}))?"
                                    "(?:\\s*[.):]|\\s+-|\\s|$)\\s*(.*)$"),
                      text, G_REGEX_MATCH_NOTEMPTY, &match))
    return FALSE;
  digits = g_match_info_fetch (match, 1);
  letter = g_match_info_fetch (match, 2);
  bracketed = g_match_info_fetch (match, 3);
  part = g_match_info_fetch (match, 4);
  *number = part_number (digits, *letter != '\0' ? letter : bracketed, part);
  if (*number == NULL)
    return FALSE;
  *rest = g_match_info_fetch (match, 5);
  return TRUE;
}

/**
 * _trellis_import_code_number:
 * @code: a column's code or its whole header
 *
 * Reads the codes that tools and coordinators give items: "Q12", "Q012", "q12",
 * "Item 12", "12." and a multi-part item's parts, "Q55_1", "55_1", "Q55.1", "55.1",
 * "Q55a", "55a", "55(a)", "55 (a)", LimeSurvey's "Q55[SQ001]", "D55[SQ004]" and
 * "Q55_SQ001". Qualtrics' "_TEXT" ending is read past. The n-th part is printed
 * as the n-th letter.
 *
 * Returns: (transfer full) (nullable): the printed number the code names, e.g. "55a"
 */
char *
_trellis_import_code_number (const char *code)
{
  static GRegex *plain, *limesurvey;
  g_autoptr(GMatchInfo) match = NULL;

  if (code == NULL)
    return NULL;
  if (g_regex_match (compile_once (&plain,
                                   "^\\s*(?:q|question|item)?\\s*0*(\\d{1,3})\\s*"
                                   "(?:([a-z])|\\(([a-z])\\)|[._]0*(\\d{1,2}))?\\s*[.):]?(?:_text)?\\s*$"),
                     code, 0, &match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      g_autofree char *letter = g_match_info_fetch (match, 2);
      g_autofree char *bracketed = g_match_info_fetch (match, 3);
      g_autofree char *part = g_match_info_fetch (match, 4);

      return part_number (digits, *letter != '\0' ? letter : bracketed, part);
    }
  g_clear_pointer (&match, g_match_info_unref);
  if (g_regex_match (compile_once (&limesurvey,
                                   "^\\s*[a-z]{0,3}0*(\\d{1,3})(?:\\[sq0*(\\d{1,3})\\]|_sq0*(\\d{1,3}))\\s*$"),
                     code, 0, &match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      g_autofree char *bracketed = g_match_info_fetch (match, 2);
      g_autofree char *underscored = g_match_info_fetch (match, 3);

      return part_number (digits, NULL, *bracketed != '\0' ? bracketed : underscored);
    }
  return NULL;
}

static void
add_candidate (GPtrArray  *candidates,
               const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (*copy == '\0')
    return;
  for (guint i = 0; i < candidates->len; i++)
    if (strcmp (g_ptr_array_index (candidates, i), copy) == 0)
      return;
  g_ptr_array_add (candidates, g_steal_pointer (&copy));
}

/* Real headers have a separator or two ("Group/Subgroup/Question"); a header of
 * thousands ("a/a/a/…") would otherwise make thousands of long candidates, each folded
 * and compared with every statement. */
#define MAX_SEPARATED_CANDIDATES 8

/* The parts of a header that may name a statement: the whole, the part in the last
 * brackets ("Question [Statement]"), what follows " - " ("Question - Statement") and
 * what follows "/" ("Group/Statement"). */
static GPtrArray *
header_candidates (const char *header)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  const char *separators[] = { " - ", " – ", " — ", "/" };
  const char *open;
  gsize length = strlen (header);

  add_candidate (candidates, header);
  open = strrchr (header, '[');
  if (length > 2 && header[length - 1] == ']' && open != NULL)
    {
      g_autofree char *inner = g_strndup (open + 1, header + length - 1 - (open + 1));
      guint n = 0;

      add_candidate (candidates, inner);
      /* A statement holding brackets itself ("Question [The [draft] plan…]"): each
       * " [" may open the row's part, not only the last. */
      for (const char *p = strstr (header, " ["); p != NULL && n < MAX_SEPARATED_CANDIDATES;
           p = strstr (p + 1, " ["), n++)
        {
          g_autofree char *row = g_strndup (p + 2, header + length - 1 - (p + 2));
          add_candidate (candidates, row);
        }
    }
  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      guint n = 0;

      for (const char *p = strstr (header, separators[s]);
           p != NULL && n < MAX_SEPARATED_CANDIDATES; p = strstr (p + 1, separators[s]), n++)
        add_candidate (candidates, p + strlen (separators[s]));
    }
  return candidates;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const TrellisStatementMatch *ma = a, *mb = b;

  if (ma->score != mb->score)
    return ma->score < mb->score ? 1 : -1;
  return (ma->order > mb->order) - (ma->order < mb->order);
}

/* LimeSurvey code headings: "A[s12]", "G1_s12", "s12": the subquestion code may be
 * the statement's id, as Trellis' own survey structure writes it. */
static const char *
code_tail (const char *code,
           char      **owned)
{
  static GRegex *tail;
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (compile_once (&tail, "^(?:[a-z0-9]+[_\\[])?([a-z0-9]+)\\]?$"), code, 0, &match))
    return NULL;
  *owned = g_match_info_fetch (match, 1);
  return *owned;
}

/**
 * _trellis_import_fold_statements:
 * @statements: (element-type TrellisStatement): the statements a column may answer
 *
 * Folds the statements' texts for _trellis_import_match_header(): once for all the
 * headers of a file, since folding costs more than comparing.
 *
 * Returns: (transfer full): the folded texts, valid while @statements are
 */
GArray *
_trellis_import_fold_statements (GPtrArray *statements)
{
  GArray *texts = g_array_sized_new (FALSE, TRUE, sizeof (StatementText), statements->len);

  g_array_set_clear_func (texts, (GDestroyNotify) statement_text_clear);
  for (guint i = 0; i < statements->len; i++)
    {
      StatementText text = { g_ptr_array_index (statements, i), NULL, NULL, 0, NULL, NULL };

      text.folded = _trellis_import_fold (trellis_statement_get_text (text.statement));
      text.words = g_strsplit (text.folded, " ", -1);
      text.n_words = g_strv_length (text.words);
      text.number = trellis_statement_get_number (text.statement);
      text.id = trellis_statement_get_id (text.statement);
      g_array_append_val (texts, text);
    }
  return texts;
}

/**
 * _trellis_import_match_header:
 * @texts: the statements a column may answer, as _trellis_import_fold_statements() made them
 * @header: the column's header
 * @code: (nullable): the tool's code for the column
 *
 * Scores every statement against the header by printed number and by text, tolerant
 * of punctuation, case, smart quotes, truncation and small rewordings.
 *
 * Returns: (transfer full) (element-type TrellisStatementMatch): the statements
 *   scoring at least 0.6, best first
 */
GArray *
_trellis_import_match_header (GArray     *texts,
                              const char *header,
                              const char *code)
{
  g_autoptr(GPtrArray) candidates = header_candidates (header);
  g_autofree double *best = g_new0 (double, texts->len);
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (TrellisStatementMatch));
  const char *codes[] = { code, header };

  for (guint c = 0; c < candidates->len; c++)
    {
      g_autofree char *number = NULL;
      g_autofree char *rest = NULL;
      g_autofree char *folded = NULL;
      g_auto(GStrv) words = NULL;
      guint n_words;
      gboolean numbered = split_number (g_ptr_array_index (candidates, c), &number, &rest);

      folded = _trellis_import_fold (numbered ? rest : g_ptr_array_index (candidates, c));
      words = g_strsplit (folded, " ", -1);
      n_words = g_strv_length (words);
      for (guint i = 0; i < texts->len; i++)
        {
          const StatementText *text = &g_array_index (texts, StatementText, i);
          double score = text_score (folded, words, n_words, text);

          /* A header that is only a number or code ("Q55_1", "12.") names the item
           * as surely as a tool's code does. */
          if (numbered && text->number != NULL && g_ascii_strcasecmp (number, text->number) == 0)
            score = *folded == '\0' ? CODE_SCORE : (score >= 0.6 ? 1.0 : 0.7);
          else if (numbered)
            score *= 0.9;
          best[i] = MAX (best[i], score);
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
    {
      g_autofree char *owned = NULL;
      g_autofree char *number = _trellis_import_code_number (codes[k]);
      const char *tail = codes[k] != NULL ? code_tail (codes[k], &owned) : NULL;

      for (guint i = 0; i < texts->len; i++)
        {
          const StatementText *text = &g_array_index (texts, StatementText, i);

          if (tail != NULL && g_ascii_strcasecmp (tail, text->id) == 0)
            best[i] = MAX (best[i], 0.95);
          if (number != NULL && text->number != NULL && g_ascii_strcasecmp (number, text->number) == 0)
            best[i] = MAX (best[i], CODE_SCORE);
        }
    }

  for (guint i = 0; i < texts->len; i++)
    if (best[i] >= 0.6)
      {
        TrellisStatementMatch match = { g_array_index (texts, StatementText, i).statement, best[i], i };
        g_array_append_val (matches, match);
      }
  g_array_sort (matches, compare_matches);
  return matches;
}

/*****/

/* One section named, or none when a header names none or several. */
typedef struct
{
  TrellisSection *section;
  gboolean        ambiguous;
} Named;

static void
named_add (Named          *named,
           TrellisSection *section)
{
  if (named->section != NULL && named->section != section)
    named->ambiguous = TRUE;
  named->section = section;
}

static TrellisSection *
named_result (const Named *named)
{
  return named->ambiguous ? NULL : named->section;
}

static TrellisSection *
section_with_code (TrellisChecklist *checklist,
                   const char       *code)
{
  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, s);
      const char *own = trellis_section_get_code (section);

      if (own != NULL && *own != '\0' && g_ascii_strcasecmp (own, code) == 0)
        return section;
    }
  return NULL;
}

static gboolean
is_statement_number (GArray     *texts,
                     const char *number)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const char *own = g_array_index (texts, StatementText, i).number;
      if (own != NULL && g_ascii_strcasecmp (own, number) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "Section A – …", "Comments on section B", "Section C/…", "D: any other comments?" */
static TrellisSection *
section_by_code (TrellisChecklist *checklist,
                 GArray           *texts,
                 const char       *header)
{
  static GRegex *mention, *leading;
  g_autoptr(GMatchInfo) match = NULL;
  Named named = { NULL, FALSE };

  g_regex_match (compile_once (&mention,
                               "(?<![\\p{L}\\p{N}])(?:section|part)\\s*([\\p{L}\\p{N}]{1,3})(?![\\p{L}\\p{N}])"),
                 header, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *code = g_match_info_fetch (match, 1);
      TrellisSection *section = section_with_code (checklist, code);

      if (section != NULL)
        named_add (&named, section);
    }
  g_clear_pointer (&match, g_match_info_unref);
  if (named.section == NULL &&
      g_regex_match (compile_once (&leading, "^\\s*([\\p{L}\\p{N}]{1,3})\\s*[:)–—]|^\\s*([\\p{L}\\p{N}]{1,3})\\s+-\\s"),
                     header, 0, &match))
    {
      g_autofree char *first = g_match_info_fetch (match, 1);
      g_autofree char *second = g_match_info_fetch (match, 2);
      const char *code = *first != '\0' ? first : second;
      TrellisSection *section = section_with_code (checklist, code);

      /* "18: …" is comment item 18, not a section coded 18. */
      if (section != NULL && !is_statement_number (texts, code))
        named_add (&named, section);
    }
  return named_result (&named);
}

static gboolean
has_word (char      **words,
          const char *word)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strcmp (words[i], word) == 0)
      return TRUE;
  return FALSE;
}

/* "Comments on Informed by Evidence", "Partnership remit, structure and meetings:
 * other comments": a header holding a section's title, or most of its words. */
static TrellisSection *
section_by_title (TrellisChecklist *checklist,
                  const char       *header)
{
  g_autofree char *folded = _trellis_import_fold (header);
  g_autofree char *padded = g_strconcat (" ", folded, " ", NULL);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  Named named = { NULL, FALSE };

  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, s);
      g_autofree char *title = _trellis_import_fold (trellis_section_get_title (section));
      g_autofree char *padded_title = g_strconcat (" ", title, " ", NULL);
      g_auto(GStrv) title_words = g_strsplit (title, " ", -1);
      guint n_long = 0, n_found = 0;

      if (*title == '\0')
        continue;
      if (strstr (padded, padded_title) != NULL)
        {
          named_add (&named, section);
          continue;
        }
      /* Small words ("and", "of") say nothing about which section. */
      for (guint w = 0; title_words[w] != NULL; w++)
        if (strlen (title_words[w]) > 3)
          {
            n_long++;
            n_found += has_word (words, title_words[w]);
          }
      if (n_long >= 2 && n_found * 4 >= n_long * 3)
        named_add (&named, section);
    }
  return named_result (&named);
}

static gboolean
is_comment (const StatementText *text)
{
  return trellis_statement_get_kind (text->statement) == TRELLIS_STATEMENT_COMMENT;
}

/* "18. Any other comments?", "Q18_TEXT": the number of one section's comment box. */
static TrellisSection *
section_by_number (GArray     *texts,
                   const char *header,
                   const char *code)
{
  g_autofree char *number = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *code_number = _trellis_import_code_number (code);

  if (!split_number (header, &number, &rest))
    number = _trellis_import_code_number (header);
  for (guint i = 0; i < texts->len; i++)
    {
      const StatementText *text = &g_array_index (texts, StatementText, i);

      if (!is_comment (text) || text->number == NULL)
        continue;
      if ((number != NULL && g_ascii_strcasecmp (number, text->number) == 0) ||
          (code_number != NULL && g_ascii_strcasecmp (code_number, text->number) == 0))
        return trellis_statement_get_section (text->statement);
    }
  return NULL;
}

/* A comment box whose text, or id in the code, is its own: clearly better than that
 * of any other section's box. The IS checklist's boxes share one text, which names no
 * section at all. */
static TrellisSection *
section_by_own_text (GArray     *texts,
                     const char *header,
                     const char *code)
{
  g_autoptr(GArray) matches = _trellis_import_match_header (texts, header, code);
  const TrellisStatementMatch *best = NULL;

  for (guint m = 0; m < matches->len; m++)
    {
      const TrellisStatementMatch *match = &g_array_index (matches, TrellisStatementMatch, m);

      if (trellis_statement_get_kind (match->statement) != TRELLIS_STATEMENT_COMMENT)
        continue;
      if (best == NULL)
        {
          if (match->score < 0.8)
            return NULL;
          best = match;
        }
      else if (trellis_statement_get_section (match->statement) != trellis_statement_get_section (best->statement) &&
               match->score > best->score - 0.15)
        return NULL;
    }
  return best != NULL ? trellis_statement_get_section (best->statement) : NULL;
}

static TrellisSection *
name_section (TrellisChecklist *checklist,
              GArray           *texts,
              const char       *header,
              const char       *code)
{
  TrellisSection *section;

  section = section_by_code (checklist, texts, header);
  if (section == NULL)
    section = section_by_title (checklist, header);
  if (section == NULL)
    section = section_by_number (texts, header, code);
  if (section == NULL)
    section = section_by_own_text (texts, header, code);
  return section;
}

/**
 * _trellis_import_name_section:
 * @texts: the statements, as _trellis_import_fold_statements() made them
 * @header: a comment column's header
 * @code: (nullable): the tool's code for the column
 *
 * Which section a comment column's header names, wherever the column stands: by the
 * section's code ("Section A", "A:"), by its title, by the number of its comment box
 * or by a comment text or id no other section's box has. KoboToolbox puts the group
 * before the question ("Last page/A: Any other comments?"): each part after a "/" is
 * read as well.
 *
 * Returns: (nullable): the section's id, or %NULL when the header names no one section
 */
const char *
_trellis_import_name_section (TrellisChecklist *checklist,
                              GArray           *texts,
                              const char       *header,
                              const char       *code)
{
  TrellisSection *section = name_section (checklist, texts, header, code);
  const char *slash = header;
  guint n = 0;

  while (section == NULL && n++ < MAX_SEPARATED_CANDIDATES && (slash = strchr (slash, '/')) != NULL)
    section = name_section (checklist, texts, ++slash, NULL);
  return section != NULL ? trellis_section_get_id (section) : NULL;
}
