/* trellis-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "trellis-format.h"

/**
 * trellis_format_mean:
 *
 * Returns: (transfer full): @mean to two decimals in the user's locale, or a dash for NAN
 */
char *
trellis_format_mean (double mean)
{
  if (isnan (mean))
    return g_strdup (TRELLIS_FORMAT_NO_VALUE);
  return g_strdup_printf ("%.2f", mean);
}

/**
 * trellis_format_percent:
 *
 * Returns: (transfer full): @percent rounded to a whole number, or a dash for NAN
 */
char *
trellis_format_percent (double percent)
{
  if (isnan (percent))
    return g_strdup (TRELLIS_FORMAT_NO_VALUE);
  /* Translators: a whole-number percentage, e.g. "58%" */
  return g_strdup_printf (_("%.0f%%"), percent);
}

/**
 * trellis_format_round_name:
 *
 * Returns: (transfer full): what to call @round: its label, else its date, else its id
 */
char *
trellis_format_round_name (TrellisRound *round)
{
  const char *label;
  char *date;

  g_return_val_if_fail (TRELLIS_IS_ROUND (round), NULL);

  label = trellis_round_get_label (round);
  if (label != NULL && *label != '\0')
    return g_strdup (label);
  date = trellis_date_format_long (trellis_round_get_date (round));
  if (date != NULL)
    return date;
  return g_strdup (trellis_round_get_id (round));
}

/* Where a grid's question ends in a header: SurveyMonkey, Google Forms and LimeSurvey
 * write "Question [Statement]" (LimeSurvey's codes "A[s1]"), Qualtrics
 * "Question - Statement", KoboToolbox "group/question". Returns the length of the
 * question within the first @shared bytes of @header, or 0. */
static gsize
question_length (const char *header,
                 gsize       shared,
                 gsize      *part_start)
{
  static const char * const separators[] = { "[", " - ", "/" };
  gsize best = 0;

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      gsize length = strlen (separators[s]);

      for (const char *p = strstr (header, separators[s]);
           p != NULL && (gsize) (p - header) + length <= shared;
           p = strstr (p + 1, separators[s]))
        if ((gsize) (p - header) > best)
          {
            best = p - header;
            *part_start = best + length;
          }
    }
  return best;
}

static gsize
common_prefix (const char *a,
               const char *b)
{
  gsize n = 0;

  if (a == NULL || b == NULL)
    return 0;
  while (a[n] != '\0' && a[n] == b[n])
    n++;
  return n;
}

/**
 * trellis_format_header_question:
 * @header: a column's header
 * @previous: (nullable): the header of the column before it
 * @next: (nullable): the header of the column after it
 * @part: (out) (optional): the rest of @header once the question is taken off,
 *   e.g. the statement of a grid's row
 *
 * A grid question's columns repeat its text, then name a row of it. The question is the
 * text the header shares with a neighbour, up to a separator; of the two neighbours the
 * shorter share counts, since two statements of one grid may begin alike.
 *
 * Returns: (transfer full) (nullable): the question, or %NULL when @header is not part of
 *   a grid (@part is then the whole header)
 */
char *
trellis_format_header_question (const char  *header,
                                const char  *previous,
                                const char  *next,
                                char       **part)
{
  gsize before_start = 0, after_start = 0, start, before, after, length;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (header != NULL, NULL);

  before = question_length (header, common_prefix (header, previous), &before_start);
  after = question_length (header, common_prefix (header, next), &after_start);
  if (before > 0 && (after == 0 || before <= after))
    {
      length = before;
      start = before_start;
    }
  else
    {
      length = after;
      start = after_start;
    }

  if (length > 0)
    {
      rest = g_strdup (header + start);
      /* "[Statement]": the closing bracket goes with the opening one. */
      if (header[length] == '[' && g_str_has_suffix (rest, "]"))
        rest[strlen (rest) - 1] = '\0';
      g_strstrip (rest);
    }
  if (length == 0 || *rest == '\0')
    {
      if (part != NULL)
        *part = g_strdup (header);
      return NULL;
    }
  if (part != NULL)
    *part = g_steal_pointer (&rest);
  return g_strstrip (g_strndup (header, length));
}
