/* trellis-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

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
 * trellis_format_date:
 * @iso_date: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date written out in the user's locale
 *   ("16 October 2026"), or %NULL when @iso_date is not a date
 */
char *
trellis_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    return NULL;
  /* Translators: a survey round's date, see strftime(3) */
  return g_date_time_format (date, _("%-d %B %Y"));
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
  date = trellis_format_date (trellis_round_get_date (round));
  if (date != NULL)
    return date;
  return g_strdup (trellis_round_get_id (round));
}
