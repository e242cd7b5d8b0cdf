/* trellis-group-breakdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-group-breakdown"

#include "config.h"

#include "trellis-group-breakdown.h"
#include "trellis-round.h"

/**
 * trellis_group_breakdown_min_size:
 * @min_group_size: the project's setting
 *
 * Returns: the minimum group size in force: the setting, but never below the floor
 *   under which a breakdown could name a person
 */
guint
trellis_group_breakdown_min_size (guint min_group_size)
{
  return MAX (min_group_size, TRELLIS_MIN_GROUP_SIZE_FLOOR);
}

/**
 * trellis_group_breakdown_decide:
 * @sizes: (array length=n_groups): respondents per group, every respondent in exactly
 *   one group (those who gave none form a group of their own)
 * @min_group_size: the project's minimum group size
 * @visibility: (out caller-allocates) (array length=n_groups): the verdict per group
 *
 * Applies the suppression rule every breakdown shares (charts, report, CLI, app):
 * a group smaller than the minimum size is hidden. Because the total of all respondents
 * is always shown, the hidden groups taken together can be worked out by subtracting
 * the shown groups from it; so while they add up to fewer than the minimum size (one
 * small group alone, or two groups of one, each of whom could then read the other's
 * answers), the next-smallest shown group is hidden with them.
 */
void
trellis_group_breakdown_decide (const guint            *sizes,
                                guint                   n_groups,
                                guint                   min_group_size,
                                TrellisGroupVisibility *visibility)
{
  guint min_size = trellis_group_breakdown_min_size (min_group_size);
  guint64 hidden_total = 0;
  gboolean any_hidden = FALSE;

  g_return_if_fail (n_groups == 0 || (sizes != NULL && visibility != NULL));

  for (guint i = 0; i < n_groups; i++)
    {
      visibility[i] = sizes[i] < min_size ? TRELLIS_GROUP_TOO_SMALL : TRELLIS_GROUP_SHOWN;
      if (visibility[i] != TRELLIS_GROUP_SHOWN)
        {
          any_hidden = TRUE;
          hidden_total += sizes[i];
        }
    }

  while (any_hidden && hidden_total < min_size)
    {
      int next_smallest = -1;

      /* Ties go to the later group so that the verdict depends only on the order given. */
      for (guint i = 0; i < n_groups; i++)
        if (visibility[i] == TRELLIS_GROUP_SHOWN && (next_smallest < 0 || sizes[i] <= sizes[next_smallest]))
          next_smallest = i;
      if (next_smallest < 0)
        return;
      visibility[next_smallest] = TRELLIS_GROUP_COMPLEMENTARY;
      hidden_total += sizes[next_smallest];
    }
}

static void
group_share_free (TrellisGroupShare *share)
{
  g_free (share->label);
  g_free (share);
}

static int
compare_shares (gconstpointer a,
                gconstpointer b)
{
  const TrellisGroupShare *share_a = *(TrellisGroupShare * const *) a;
  const TrellisGroupShare *share_b = *(TrellisGroupShare * const *) b;

  /* Named groups in alphabetical order, the same in every round; "Not stated" last. */
  if (share_a->label == NULL || share_b->label == NULL)
    return (share_a->label == NULL) - (share_b->label == NULL);
  return g_utf8_collate (share_a->label, share_b->label);
}

/**
 * trellis_group_breakdown_new:
 * @round: the round to break down
 * @min_group_size: the project's minimum group size
 *
 * Lists the respondent groups of @round, named groups in alphabetical order and then
 * the respondents who gave no group, each with its size and whether it may be shown
 * (see trellis_group_breakdown_decide()).
 *
 * Returns: (transfer full) (element-type TrellisGroupShare): the groups; empty when
 *   the round carries no respondent group at all
 */
GPtrArray *
trellis_group_breakdown_new (TrellisRound *round,
                             guint         min_group_size)
{
  g_autoptr(GPtrArray) shares = g_ptr_array_new_with_free_func ((GDestroyNotify) group_share_free);
  const guint16 *groups;
  g_autofree guint *sizes = NULL;
  g_autofree TrellisGroupVisibility *visibility = NULL;
  guint n_groups, n_grouped = 0, n_responses;

  g_return_val_if_fail (TRELLIS_IS_ROUND (round), NULL);

  n_groups = trellis_round_get_n_groups (round);
  if (n_groups == 0)
    return g_steal_pointer (&shares);

  /* Counted in one pass over the responses' group indices, in the round's order of
   * groups (shares[i] is group i until sorted): a round of thousands of groups is not
   * walked once per group, nor a label looked up per respondent. */
  for (guint i = 0; i < n_groups; i++)
    {
      TrellisGroupShare *share = g_new0 (TrellisGroupShare, 1);

      share->label = g_strdup (trellis_round_get_group (round, i));
      g_ptr_array_add (shares, share);
    }
  n_responses = trellis_round_get_n_responses (round);
  groups = trellis_round_get_response_group_indices (round);
  for (guint r = 0; r < n_responses; r++)
    if (groups[r] != 0)
      {
        TrellisGroupShare *share = g_ptr_array_index (shares, groups[r] - 1);

        share->n_respondents++;
        n_grouped++;
      }
  if (n_responses > n_grouped)
    {
      TrellisGroupShare *share = g_new0 (TrellisGroupShare, 1);

      share->n_respondents = n_responses - n_grouped;
      g_ptr_array_add (shares, share);
    }
  g_ptr_array_sort (shares, compare_shares);

  sizes = g_new (guint, shares->len);
  visibility = g_new (TrellisGroupVisibility, shares->len);
  for (guint i = 0; i < shares->len; i++)
    sizes[i] = ((TrellisGroupShare *) g_ptr_array_index (shares, i))->n_respondents;
  trellis_group_breakdown_decide (sizes, shares->len, min_group_size, visibility);
  for (guint i = 0; i < shares->len; i++)
    ((TrellisGroupShare *) g_ptr_array_index (shares, i))->visibility = visibility[i];

  return g_steal_pointer (&shares);
}

/**
 * trellis_group_breakdown_count_hidden:
 * @shares: (element-type TrellisGroupShare): from trellis_group_breakdown_new()
 *
 * Returns: how many groups may not be shown, for the note that says so
 */
guint
trellis_group_breakdown_count_hidden (GPtrArray *shares)
{
  guint n_hidden = 0;

  g_return_val_if_fail (shares != NULL, 0);

  for (guint i = 0; i < shares->len; i++)
    if (((TrellisGroupShare *) g_ptr_array_index (shares, i))->visibility != TRELLIS_GROUP_SHOWN)
      n_hidden++;
  return n_hidden;
}
