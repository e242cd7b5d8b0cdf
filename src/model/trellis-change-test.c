/* trellis-change-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Partnerships answer with 10 to 40 respondents, so a change of ten points in % agree is
 * often one or two people. The normal ("Wald") interval is badly wrong at these sizes and
 * near 0 or 100 %; Wilson's score interval keeps its coverage there, and Newcombe's
 * hybrid score interval (his method 10, 1998) builds the interval of a difference of two
 * independent proportions from the two Wilson intervals. A change is called clear when
 * that 95 % interval leaves out zero. HACKING.md ("Reading change") says why this test.
 */
#define G_LOG_DOMAIN "trellis-change-test"

#include "config.h"

#include <math.h>

#include "trellis-change-test.h"

/**
 * trellis_wilson_interval:
 * @successes: answers that count (agree)
 * @n: answers in the base
 * @z: the normal quantile of the confidence wanted (%TRELLIS_CHANGE_TEST_Z for 95 %)
 * @lower: (out): the lower bound, a proportion in [0, 1]
 * @upper: (out): the upper bound
 *
 * Wilson's score interval, without continuity correction. With no answers the interval
 * is all of [0, 1]: nothing is known.
 */
void
trellis_wilson_interval (guint   successes,
                         guint   n,
                         double  z,
                         double *lower,
                         double *upper)
{
  double p, z2, denominator, centre, half;

  g_return_if_fail (lower != NULL && upper != NULL);
  g_return_if_fail (successes <= n);

  if (n == 0)
    {
      *lower = 0.0;
      *upper = 1.0;
      return;
    }
  p = (double) successes / n;
  z2 = z * z;
  denominator = 1.0 + z2 / n;
  centre = (p + z2 / (2.0 * n)) / denominator;
  half = z * sqrt (p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
  /* At 0 or n the bound is exactly 0 or 1; rounding must not put it outside. */
  *lower = successes == 0 ? 0.0 : MAX (0.0, centre - half);
  *upper = successes == n ? 1.0 : MIN (1.0, centre + half);
}

/**
 * trellis_newcombe_interval:
 * @successes1: answers that count in the first sample (an earlier round, or the rest)
 * @n1: answers in the first sample
 * @successes2: answers that count in the second sample (the later round, or a group)
 * @n2: answers in the second sample
 * @z: the normal quantile
 * @lower: (out): the lower bound of p2 − p1
 * @upper: (out): the upper bound of p2 − p1
 *
 * Newcombe's hybrid score interval for the difference of two independent proportions.
 */
void
trellis_newcombe_interval (guint   successes1,
                           guint   n1,
                           guint   successes2,
                           guint   n2,
                           double  z,
                           double *lower,
                           double *upper)
{
  double p1, p2, l1, u1, l2, u2, difference;

  g_return_if_fail (lower != NULL && upper != NULL);

  trellis_wilson_interval (successes1, n1, z, &l1, &u1);
  trellis_wilson_interval (successes2, n2, z, &l2, &u2);
  p1 = n1 > 0 ? (double) successes1 / n1 : 0.5;
  p2 = n2 > 0 ? (double) successes2 / n2 : 0.5;
  difference = p2 - p1;
  *lower = difference - sqrt ((p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1));
  *upper = difference + sqrt ((u2 - p2) * (u2 - p2) + (p1 - l1) * (p1 - l1));
}

/**
 * trellis_distribution_count_agree:
 *
 * Returns: the valid answers above the middle of the scale, the count behind pct_agree
 */
guint
trellis_distribution_count_agree (const TrellisDistribution *dist)
{
  guint agree = 0;

  g_return_val_if_fail (dist != NULL, 0);

  for (guint i = 0; i < dist->n_points; i++)
    if (2 * (i + 1) > dist->n_points + 1)
      agree += dist->counts[i];
  return agree;
}

/**
 * trellis_distribution_count_disagree:
 *
 * Returns: the valid answers below the middle of the scale
 */
guint
trellis_distribution_count_disagree (const TrellisDistribution *dist)
{
  guint disagree = 0;

  g_return_val_if_fail (dist != NULL, 0);

  for (guint i = 0; i < dist->n_points; i++)
    if (2 * (i + 1) < dist->n_points + 1)
      disagree += dist->counts[i];
  return disagree;
}

/**
 * trellis_change_test_agree:
 * @before: the earlier round (or the rest of the respondents)
 * @after: the later round (or the group)
 *
 * Returns: whether % agree clearly changed from @before to @after: whether Newcombe's
 *   95 % interval of the difference leaves out zero
 */
TrellisChange
trellis_change_test_agree (const TrellisDistribution *before,
                           const TrellisDistribution *after)
{
  double lower, upper;

  g_return_val_if_fail (before != NULL && after != NULL, TRELLIS_CHANGE_TOO_FEW);

  if (before->valid < TRELLIS_CHANGE_TEST_MIN_VALID || after->valid < TRELLIS_CHANGE_TEST_MIN_VALID)
    return TRELLIS_CHANGE_TOO_FEW;
  trellis_newcombe_interval (trellis_distribution_count_agree (before), before->valid,
                             trellis_distribution_count_agree (after), after->valid,
                             TRELLIS_CHANGE_TEST_Z, &lower, &upper);
  if (lower > 0.0)
    return TRELLIS_CHANGE_MORE;
  if (upper < 0.0)
    return TRELLIS_CHANGE_FEWER;
  return TRELLIS_CHANGE_UNCLEAR;
}

/**
 * trellis_change_is_clear:
 *
 * Returns: whether @change is one to mark
 */
gboolean
trellis_change_is_clear (TrellisChange change)
{
  return change == TRELLIS_CHANGE_MORE || change == TRELLIS_CHANGE_FEWER;
}
