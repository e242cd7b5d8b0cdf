/* trellis-group-breakdown.h: which respondent groups a breakdown may show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "trellis-types.h"

G_BEGIN_DECLS

/**
 * TrellisGroupVisibility:
 * @TRELLIS_GROUP_SHOWN: large enough to show on its own
 * @TRELLIS_GROUP_TOO_SMALL: fewer respondents than the minimum group size
 * @TRELLIS_GROUP_COMPLEMENTARY: large enough, but hidden because showing it would let
 *   the small groups be worked out by subtracting the shown groups from the total
 */
typedef enum
{
  TRELLIS_GROUP_SHOWN,
  TRELLIS_GROUP_TOO_SMALL,
  TRELLIS_GROUP_COMPLEMENTARY,
} TrellisGroupVisibility;

/**
 * TrellisGroupShare:
 * @label: (nullable): the group as respondents gave it; %NULL for respondents who gave
 *   none ("Not stated"), who count as a group of their own for suppression
 * @n_respondents: respondents in the group
 * @visibility: whether the group may be shown
 */
typedef struct
{
  char                   *label;
  guint                   n_respondents;
  TrellisGroupVisibility  visibility;
} TrellisGroupShare;

guint      trellis_group_breakdown_min_size (guint min_group_size);
void       trellis_group_breakdown_decide (const guint            *sizes,
                                           guint                   n_groups,
                                           guint                   min_group_size,
                                           TrellisGroupVisibility *visibility);
GPtrArray *trellis_group_breakdown_new (TrellisRound *round,
                                        guint         min_group_size);
guint      trellis_group_breakdown_count_hidden (GPtrArray *shares);

G_END_DECLS
