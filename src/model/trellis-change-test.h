/* trellis-change-test.h: how sure a percentage, or a change in one, is with few respondents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "trellis-stats.h"

G_BEGIN_DECLS

/* Two-sided 95 %: the normal quantile 0.975. */
#define TRELLIS_CHANGE_TEST_Z 1.959963984540054

/* Below this many valid answers on either side no change is called clear: with four
 * answers one partner moves the percentage by 25 points. */
#define TRELLIS_CHANGE_TEST_MIN_VALID 5

/**
 * TrellisChange:
 * @TRELLIS_CHANGE_TOO_FEW: one side has fewer than %TRELLIS_CHANGE_TEST_MIN_VALID answers
 * @TRELLIS_CHANGE_UNCLEAR: the difference could well be chance
 * @TRELLIS_CHANGE_MORE: clearly more agree in the second than in the first
 * @TRELLIS_CHANGE_FEWER: clearly fewer agree in the second than in the first
 */
typedef enum
{
  TRELLIS_CHANGE_TOO_FEW,
  TRELLIS_CHANGE_UNCLEAR,
  TRELLIS_CHANGE_MORE,
  TRELLIS_CHANGE_FEWER,
} TrellisChange;

void          trellis_wilson_interval (guint   successes,
                                       guint   n,
                                       double  z,
                                       double *lower,
                                       double *upper);
void          trellis_newcombe_interval (guint   successes1,
                                         guint   n1,
                                         guint   successes2,
                                         guint   n2,
                                         double  z,
                                         double *lower,
                                         double *upper);
guint         trellis_distribution_count_agree (const TrellisDistribution *dist);
guint         trellis_distribution_count_disagree (const TrellisDistribution *dist);
TrellisChange trellis_change_test_agree (const TrellisDistribution *before,
                                         const TrellisDistribution *after);
gboolean      trellis_change_is_clear (TrellisChange change);

G_END_DECLS
