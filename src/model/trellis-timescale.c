/* trellis-timescale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-timescale"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-timescale.h"

/* Workshops agree timescales the way people say them: a day, or "by March 2027",
 * "Q2 2027", "2027". Each is read as the last day it allows, so that "overdue" has a
 * meaning; anything else is an error the field shows, never a date quietly dropped. */

G_DEFINE_QUARK (trellis-timescale-error-quark, trellis_timescale_error)

static const char * const english_months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
};

/* Welsh month names, read whatever the desktop's locale: partnerships in Wales agree their
 * timescales in Welsh ("erbyn Mawrth 2027", "Ch2 2027"). */
static const char * const welsh_months[] = {
  "ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi",
  "hydref", "tachwedd", "rhagfyr",
};

/* Words that only say "by the end of": "by March 2027", "end of Q2 2027", "erbyn diwedd
 * Mawrth 2027". */
static const char * const lead_words[] = {
  "by the end of ", "by end of ", "end of ", "before ", "by ", "due ",
  "erbyn diwedd ", "erbyn ", "diwedd ", "cyn ",
};

/* The month @word names (English, Welsh or the user's language, in full or as three or more
 * letters of it), 1…12, or 0. */
static guint
parse_month (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize length = strlen (folded);

  if (length >= 4 && folded[length - 1] == '.')
    folded[--length] = '\0';
  if (length < 3)
    return 0;
  for (guint m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      g_autofree char *local = g_date_time_format (date, "%B");
      g_autofree char *local_folded = local != NULL ? g_utf8_casefold (local, -1) : NULL;

      if (g_str_has_prefix (english_months[m - 1], folded) || g_str_has_prefix (welsh_months[m - 1], folded)
          || (local_folded != NULL && g_str_has_prefix (local_folded, folded)))
        return m;
    }
  return 0;
}

static gboolean
parse_number (const char *word,
              guint       max_digits,
              guint      *value)
{
  gsize length = strlen (word);

  if (length == 0 || length > max_digits)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (word[i]))
      return FALSE;
  *value = (guint) strtoul (word, NULL, 10);
  return TRUE;
}

static gboolean
parse_year (const char *word,
            guint      *year)
{
  return strlen (word) == 4 && parse_number (word, 4, year) && *year >= 1900 && *year <= 2999;
}

static gboolean
set_day (GDate   *end,
         guint    day,
         guint    month,
         guint    year,
         GError **error)
{
  if (month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, TRELLIS_TIMESCALE_ERROR, TRELLIS_TIMESCALE_ERROR_NO_SUCH_DAY,
                   _("There is no day %u/%u/%u"), day, month, year);
      return FALSE;
    }
  g_date_set_dmy (end, day, month, year);
  return TRUE;
}

static void
set_month_end (GDate *end,
               guint  month,
               guint  year)
{
  g_date_set_dmy (end, g_date_get_days_in_month (month, year), month, year);
}

/* "2027-03-31", "31/03/2027", "31.3.2027": numbers only. */
static gboolean
parse_numeric_day (const char  *text,
                   GDate       *end,
                   gboolean    *matched,
                   GError     **error)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[-/.]", text, 0, 0);
  guint a, b, c;

  *matched = FALSE;
  if (g_strv_length (parts) != 3)
    return FALSE;
  if (parse_year (parts[0], &a) && parse_number (parts[1], 2, &b) && parse_number (parts[2], 2, &c))
    {
      *matched = TRUE;
      return set_day (end, c, b, a, error);
    }
  if (parse_number (parts[0], 2, &a) && parse_number (parts[1], 2, &b) && parse_year (parts[2], &c))
    {
      *matched = TRUE;
      return set_day (end, a, b, c, error);
    }
  return FALSE;
}

/* Words: "31 March 2027", "March 2027", "Q2 2027", "H1 2027", "2027". */
static gboolean
parse_words (char                 **words,
             TrellisTimescaleKind  *kind,
             GDate                 *end,
             gboolean              *matched,
             GError               **error)
{
  guint n = g_strv_length (words), year, day, month;

  *matched = FALSE;
  if (n == 0 || !parse_year (words[n - 1], &year))
    return FALSE;
  *matched = TRUE;
  *kind = TRELLIS_TIMESCALE_PERIOD;
  if (n == 1)
    {
      set_month_end (end, 12, year);
      return TRUE;
    }
  /* Q2, or Welsh Ch2 (chwarter) */
  if (n == 2 && ((words[0][0] == 'q' && parse_number (words[0] + 1, 1, &day))
                 || (g_str_has_prefix (words[0], "ch") && parse_number (words[0] + 2, 1, &day)))
      && day >= 1 && day <= 4)
    {
      set_month_end (end, 3 * day, year);
      return TRUE;
    }
  if (n == 2 && (words[0][0] == 'h' || words[0][0] == 'H') && parse_number (words[0] + 1, 1, &day)
      && day >= 1 && day <= 2)
    {
      set_month_end (end, 6 * day, year);
      return TRUE;
    }
  if (n == 2 && (month = parse_month (words[0])) != 0)
    {
      set_month_end (end, month, year);
      return TRUE;
    }
  if (n == 3 && (month = parse_month (words[1])) != 0 && parse_number (words[0], 2, &day))
    {
      *kind = TRELLIS_TIMESCALE_DAY;
      return set_day (end, day, month, year, error);
    }
  if (n == 3 && (month = parse_month (words[0])) != 0 && parse_number (words[1], 2, &day))
    {
      *kind = TRELLIS_TIMESCALE_DAY;
      return set_day (end, day, month, year, error);
    }
  *matched = FALSE;
  return FALSE;
}

/* Lower case, commas and ordinal suffixes gone, lead words dropped, one space apart. */
static char *
normalise (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autoptr(GRegex) noise = g_regex_new ("(?<=[0-9])(st|nd|rd|th)\\b|,", 0, 0, NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *quiet = g_regex_replace_literal (noise, lower, -1, 0, "", 0, NULL);
  g_autofree char *spaced = g_regex_replace_literal (spaces, quiet, -1, 0, " ", 0, NULL);
  char *result = g_strdup (g_strstrip (spaced));

  for (guint i = 0; i < G_N_ELEMENTS (lead_words); i++)
    if (g_str_has_prefix (result, lead_words[i]))
      {
        char *rest = g_strdup (result + strlen (lead_words[i]));
        g_free (result);
        return rest;
      }
  return result;
}

/**
 * trellis_timescale_parse:
 * @text: (nullable): the timescale as typed
 * @kind: (out) (optional): what it names
 * @end: (out) (optional): the last day it allows; untouched when @kind is
 *   %TRELLIS_TIMESCALE_NONE
 *
 * Reads a timescale: a day ("2027-03-31", "31/03/2027", "31 March 2027") or a period
 * ("Q2 2027", "H1 2027", "March 2027", "by March 2027", "2027"). Empty text is no date
 * and no error.
 *
 * Returns: whether @text could be read; %FALSE with @error saying why not
 */
gboolean
trellis_timescale_parse (const char            *text,
                         TrellisTimescaleKind  *kind,
                         GDate                 *end,
                         GError               **error)
{
  g_autofree char *normal = NULL;
  g_auto(GStrv) words = NULL;
  TrellisTimescaleKind found = TRELLIS_TIMESCALE_DAY;
  GDate date;
  gboolean matched = FALSE, ok;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (&date, 1);
  normal = normalise (text != NULL && g_utf8_validate (text, -1, NULL) ? text : "");
  if (*normal == '\0' && (text == NULL || g_utf8_validate (text, -1, NULL)))
    {
      if (kind != NULL)
        *kind = TRELLIS_TIMESCALE_NONE;
      return TRUE;
    }

  ok = parse_numeric_day (normal, &date, &matched, error);
  if (!matched)
    {
      words = g_strsplit (normal, " ", -1);
      ok = parse_words (words, &found, &date, &matched, error);
    }
  if (!matched)
    {
      g_set_error (error, TRELLIS_TIMESCALE_ERROR, TRELLIS_TIMESCALE_ERROR_UNREADABLE,
                   _("“%s” is not a date or period Trellis can read: try 31/03/2027, March 2027 or Q2 2027"),
                   text != NULL && g_utf8_validate (text, -1, NULL) ? text : "?");
      return FALSE;
    }
  if (!ok)
    return FALSE;
  if (kind != NULL)
    *kind = found;
  if (end != NULL)
    *end = date;
  return TRUE;
}

/**
 * trellis_timescale_is_past:
 * @today: the day to compare with (the caller's clock)
 *
 * Returns: whether @text can be read and its last day is before @today
 */
gboolean
trellis_timescale_is_past (const char  *text,
                           const GDate *today)
{
  TrellisTimescaleKind kind;
  GDate end;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!trellis_timescale_parse (text, &kind, &end, NULL) || kind == TRELLIS_TIMESCALE_NONE)
    return FALSE;
  return g_date_compare (&end, today) < 0;
}
