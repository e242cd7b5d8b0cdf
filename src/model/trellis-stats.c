/* trellis-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-stats.h"

/**
 * trellis_distribution_init:
 *
 * Empties @dist for a scale of @n_points.
 */
void
trellis_distribution_init (TrellisDistribution *dist,
                           guint                n_points)
{
  g_return_if_fail (dist != NULL);
  g_return_if_fail (n_points >= TRELLIS_SCALE_MIN_POINTS && n_points <= TRELLIS_SCALE_MAX_POINTS);

  memset (dist, 0, sizeof *dist);
  dist->n_points = n_points;
  dist->mean = dist->median = dist->q1 = dist->q3 = dist->iqr = dist->sd = NAN;
}

/**
 * trellis_distribution_add:
 *
 * Counts one respondent's answer. An answer off the scale counts as blank: the importer
 * refuses such answers, so one here means a damaged file, not a real view.
 */
void
trellis_distribution_add (TrellisDistribution *dist,
                          TrellisAnswer        answer)
{
  trellis_distribution_add_count (dist, answer, 1);
}

/**
 * trellis_distribution_add_count:
 * @count: how many respondents gave @answer
 *
 * Counts @count respondents' identical answers at once, as trellis_distribution_add()
 * counts one: a summary of a large round tallies each item's answers first.
 */
void
trellis_distribution_add_count (TrellisDistribution *dist,
                                TrellisAnswer        answer,
                                guint                count)
{
  g_return_if_fail (dist != NULL);

  if (answer == TRELLIS_ANSWER_NOT_SHOWN)
    {
      dist->not_shown += count;
      return;
    }
  dist->total += count;
  if (answer >= 1 && (guint) answer <= dist->n_points)
    {
      dist->counts[answer - 1] += count;
      dist->valid += count;
    }
  else if (answer == TRELLIS_ANSWER_NOT_APPLICABLE)
    dist->not_applicable += count;
  else if (answer == TRELLIS_ANSWER_DONT_KNOW)
    dist->dont_know += count;
  else
    dist->blank += count;
}

/**
 * trellis_distribution_merge:
 *
 * Adds @other's counts to @dist, to pool the items of a section.
 */
void
trellis_distribution_merge (TrellisDistribution       *dist,
                            const TrellisDistribution *other)
{
  g_return_if_fail (dist != NULL && other != NULL);
  g_return_if_fail (dist->n_points == other->n_points);

  for (guint i = 0; i < dist->n_points; i++)
    dist->counts[i] += other->counts[i];
  dist->not_applicable += other->not_applicable;
  dist->dont_know += other->dont_know;
  dist->blank += other->blank;
  dist->not_shown += other->not_shown;
  dist->valid += other->valid;
  dist->total += other->total;
}

/* The k-th smallest valid answer (0-based), read off the counts. */
static double
order_statistic (const TrellisDistribution *dist,
                 guint                      k)
{
  guint seen = 0;

  for (guint i = 0; i < dist->n_points; i++)
    {
      seen += dist->counts[i];
      if (k < seen)
        return i + 1;
    }
  return dist->n_points;
}

/**
 * trellis_distribution_quantile:
 * @p: 0 to 1
 *
 * Returns: the @p quantile of the valid answers by linear interpolation between order
 *   statistics (R's default, type 7), or NAN when there are none
 */
double
trellis_distribution_quantile (const TrellisDistribution *dist,
                               double                     p)
{
  double h, lower, upper;
  guint k;

  g_return_val_if_fail (dist != NULL, NAN);
  g_return_val_if_fail (p >= 0.0 && p <= 1.0, NAN);

  if (dist->valid == 0)
    return NAN;

  h = (dist->valid - 1) * p;
  k = (guint) floor (h);
  lower = order_statistic (dist, k);
  upper = k + 1 < dist->valid ? order_statistic (dist, k + 1) : lower;
  return lower + (h - k) * (upper - lower);
}

/**
 * trellis_distribution_percent:
 * @point: 1 to n_points
 *
 * Returns: the percent of valid answers on @point, 0 when there are none
 */
double
trellis_distribution_percent (const TrellisDistribution *dist,
                              guint                      point)
{
  g_return_val_if_fail (dist != NULL, 0.0);
  g_return_val_if_fail (point >= 1 && point <= dist->n_points, 0.0);

  return dist->valid > 0 ? 100.0 * dist->counts[point - 1] / dist->valid : 0.0;
}

/**
 * trellis_distribution_finish:
 *
 * Works out the mean, median, quartiles, spread and percentages from the counts.
 */
void
trellis_distribution_finish (TrellisDistribution *dist)
{
  double sum = 0.0, squares = 0.0;
  guint agree = 0, disagree = 0, neutral = 0;

  g_return_if_fail (dist != NULL);

  dist->mean = dist->median = dist->q1 = dist->q3 = dist->iqr = dist->sd = NAN;
  dist->pct_agree = dist->pct_disagree = dist->pct_neutral = 0.0;
  if (dist->valid == 0)
    return;

  for (guint i = 0; i < dist->n_points; i++)
    {
      guint point = i + 1;

      sum += (double) point * dist->counts[i];
      /* Above the middle agrees (4, 5 of five); the middle of an odd scale is neutral. */
      if (2 * point > dist->n_points + 1)
        agree += dist->counts[i];
      else if (2 * point < dist->n_points + 1)
        disagree += dist->counts[i];
      else
        neutral += dist->counts[i];
    }
  dist->mean = sum / dist->valid;
  for (guint i = 0; i < dist->n_points; i++)
    squares += dist->counts[i] * (i + 1 - dist->mean) * (i + 1 - dist->mean);
  if (dist->valid > 1)
    dist->sd = sqrt (squares / (dist->valid - 1));

  dist->median = trellis_distribution_quantile (dist, 0.5);
  dist->q1 = trellis_distribution_quantile (dist, 0.25);
  dist->q3 = trellis_distribution_quantile (dist, 0.75);
  dist->iqr = dist->q3 - dist->q1;
  dist->pct_agree = 100.0 * agree / dist->valid;
  dist->pct_disagree = 100.0 * disagree / dist->valid;
  dist->pct_neutral = 100.0 * neutral / dist->valid;
}
