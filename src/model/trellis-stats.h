/* trellis-stats.h: the distribution of answers to one item or a pool of items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "trellis-types.h"

G_BEGIN_DECLS

/**
 * TrellisDistribution:
 * @n_points: points on the scale
 * @counts: answers per point; counts[0] is point 1
 * @not_applicable: Not Applicable answers
 * @dont_know: Don't Know answers
 * @blank: respondents who left the item blank
 * @not_shown: respondents the survey never showed the item; not in @total
 * @valid: answers on the scale (the percentage base)
 * @total: every respondent asked, valid or not
 * @mean: mean of the valid answers, NAN when there are none
 * @median: median of the valid answers, NAN when there are none
 * @q1: first quartile (linear interpolation between order statistics, as R's type 7)
 * @q3: third quartile
 * @iqr: q3 − q1: how far partners' views spread
 * @sd: sample standard deviation, NAN below two valid answers
 * @pct_disagree: percent of valid answers below the middle of the scale
 * @pct_neutral: percent of valid answers on the middle point (0 on even scales)
 * @pct_agree: percent of valid answers above the middle
 *
 * Percentages are of valid answers only: Not Applicable, Don't Know and blank stay
 * outside the base, as the checklist intends ("does not apply", "cannot judge").
 */
typedef struct
{
  guint  n_points;
  guint  counts[TRELLIS_SCALE_MAX_POINTS];
  guint  not_applicable;
  guint  dont_know;
  guint  blank;
  guint  not_shown;
  guint  valid;
  guint  total;
  double mean;
  double median;
  double q1;
  double q3;
  double iqr;
  double sd;
  double pct_disagree;
  double pct_neutral;
  double pct_agree;
} TrellisDistribution;

void   trellis_distribution_init (TrellisDistribution *dist,
                                  guint                n_points);
void   trellis_distribution_add (TrellisDistribution *dist,
                                 TrellisAnswer        answer);
void   trellis_distribution_add_count (TrellisDistribution *dist,
                                       TrellisAnswer        answer,
                                       guint                count);
void   trellis_distribution_merge (TrellisDistribution       *dist,
                                   const TrellisDistribution *other);
void   trellis_distribution_finish (TrellisDistribution *dist);
double trellis_distribution_quantile (const TrellisDistribution *dist,
                                      double                     p);
double trellis_distribution_percent (const TrellisDistribution *dist,
                                     guint                      point);

G_END_DECLS
