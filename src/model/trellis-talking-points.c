/* trellis-talking-points.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A facilitator opens a workshop with what stands out: what partners agree and disagree
 * with most, where they are split, what they could not judge, where a group sees it
 * differently and what moved since last time. The thresholds are the #defines of the
 * header; HACKING.md ("Talking points") explains them.
 */
#define G_LOG_DOMAIN "trellis-talking-points"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-group-breakdown.h"
#include "trellis-project.h"
#include "trellis-round.h"
#include "trellis-section.h"
#include "trellis-statement.h"
#include "trellis-scale.h"
#include "trellis-summary.h"
#include "trellis-talking-points.h"

/* Figures this close count as the same (they are ratios of small whole numbers). */
#define SAME_FIGURE 1e-9

struct _TrellisTalkingPoints
{
  gatomicrefcount  ref_count;
  TrellisRound    *round;
  TrellisRound    *previous;
  GPtrArray       *topics;  /* TrellisTalkingTopic */
  char            *note;
};

G_DEFINE_BOXED_TYPE (TrellisTalkingPoints, trellis_talking_points,
                     trellis_talking_points_ref, trellis_talking_points_unref)

/* A point being considered: its place in the checklist breaks ties in ranking. */
typedef struct
{
  TrellisTalkingPoint *point;
  guint                order;
} Candidate;

static void
talking_point_free (TrellisTalkingPoint *point)
{
  g_free (point->statement_id);
  g_free (point->section_id);
  g_free (point->number);
  g_free (point->text);
  g_free (point->group);
  g_free (point->figure);
  g_free (point);
}

static void
talking_topic_free (TrellisTalkingTopic *topic)
{
  g_free (topic->title);
  g_clear_pointer (&topic->points, g_ptr_array_unref);
  g_free (topic->note);
  g_free (topic);
}

static TrellisTalkingPoint *
point_new (const TrellisSectionSummary *section,
           const TrellisItemSummary    *item,
           double                       value)
{
  TrellisTalkingPoint *point = g_new0 (TrellisTalkingPoint, 1);

  point->statement_id = g_strdup (trellis_statement_get_id (item->statement));
  point->section_id = g_strdup (trellis_section_get_id (section->section));
  point->number = g_strdup (trellis_statement_get_number (item->statement));
  point->text = g_strdup (trellis_statement_get_text (item->statement));
  point->value = value;
  point->change = TRELLIS_CHANGE_UNCLEAR;
  return point;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *first = a, *second = b;

  /* Changes and group differences rank by size, whichever way they go. */
  if (fabs (fabs (first->point->value) - fabs (second->point->value)) > SAME_FIGURE)
    return fabs (first->point->value) > fabs (second->point->value) ? -1 : 1;
  return first->order < second->order ? -1 : first->order > second->order;
}

static gboolean
same_figure (const TrellisTalkingPoint *a,
             const TrellisTalkingPoint *b)
{
  return fabs (fabs (a->value) - fabs (b->value)) <= SAME_FIGURE;
}

/* The best few candidates, stretched to keep a tie at the last place together, and a
 * note in words when ties were cut. The candidates are consumed. */
static char *
pick_best (GArray    *candidates,
           GPtrArray *points)
{
  guint taken = 0, tied_left_out = 0;

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      gboolean ties_last = taken > 0
        && same_figure (candidate->point, g_ptr_array_index (points, taken - 1));

      if (taken < TRELLIS_TALKING_POINTS_PER_TOPIC || (ties_last && taken < TRELLIS_TALKING_POINTS_MAX_TIED))
        {
          g_ptr_array_add (points, g_steal_pointer (&candidate->point));
          taken++;
        }
      else if (ties_last)
        tied_left_out++;
      g_clear_pointer (&candidate->point, talking_point_free);
    }
  for (guint i = 0; i < points->len; i++)
    for (guint j = 0; j < points->len; j++)
      if (i != j && same_figure (g_ptr_array_index (points, i), g_ptr_array_index (points, j)))
        ((TrellisTalkingPoint *) g_ptr_array_index (points, i))->tied = TRUE;
  /* A tie is said in words: the order of tied statements is only the checklist's. */
  for (guint i = 0; i < points->len; i++)
    {
      TrellisTalkingPoint *point = g_ptr_array_index (points, i);

      if (point->tied)
        {
          /* Translators: a talking point's figure when another has the same: "80 % agree (16 of 20), tied" */
          char *figure = g_strdup_printf (_("%s, tied"), point->figure);

          g_free (point->figure);
          point->figure = figure;
        }
    }
  if (tied_left_out > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u more statement has the same figure as the last one listed.",
                                         "%u more statements have the same figure as the last one listed.",
                                         tied_left_out),
                            tied_left_out);
  return NULL;
}

static gboolean
item_counts (const TrellisItemSummary *item)
{
  return item->asked && item->dist.valid >= TRELLIS_TALKING_POINTS_MIN_ANSWERS;
}

static void
add_candidate (GArray              *candidates,
               TrellisTalkingPoint *point)
{
  Candidate candidate = { point, candidates->len };

  g_array_append_val (candidates, candidate);
}

static void
topic_add (GPtrArray          *topics,
           TrellisTalkingKind  kind,
           const char         *title,
           GArray             *candidates,
           const char         *none_found)
{
  TrellisTalkingTopic *topic = g_new0 (TrellisTalkingTopic, 1);

  topic->kind = kind;
  topic->title = g_strdup (title);
  topic->points = g_ptr_array_new_with_free_func ((GDestroyNotify) talking_point_free);
  topic->note = pick_best (candidates, topic->points);
  if (topic->points->len == 0 && topic->note == NULL)
    topic->note = g_strdup (none_found);
  g_ptr_array_add (topics, topic);
}

typedef void (*ItemFunc) (const TrellisSectionSummary *section,
                          const TrellisItemSummary    *item,
                          GArray                      *candidates);

static GArray *
collect (TrellisSummary *summary,
         ItemFunc        func)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint s = 0; s < trellis_summary_get_n_sections (summary); s++)
    {
      const TrellisSectionSummary *section = trellis_summary_get_section (summary, s);

      for (guint i = 0; i < section->items->len; i++)
        func (section, g_ptr_array_index (section->items, i), candidates);
    }
  return candidates;
}

static void
consider_agree (const TrellisSectionSummary *section,
                const TrellisItemSummary    *item,
                GArray                      *candidates)
{
  TrellisTalkingPoint *point;
  guint agree = trellis_distribution_count_agree (&item->dist);

  if (!item_counts (item) || agree == 0)
    return;
  point = point_new (section, item, item->dist.pct_agree);
  /* Translators: "85 % agree (17 of 20)"; a no-break space keeps the number and % together */
  point->figure = g_strdup_printf (_("%.0f %% agree (%u of %u)"), item->dist.pct_agree, agree, item->dist.valid);
  add_candidate (candidates, point);
}

static void
consider_disagree (const TrellisSectionSummary *section,
                   const TrellisItemSummary    *item,
                   GArray                      *candidates)
{
  TrellisTalkingPoint *point;
  guint disagree = trellis_distribution_count_disagree (&item->dist);

  if (!item_counts (item) || disagree == 0)
    return;
  point = point_new (section, item, item->dist.pct_disagree);
  point->figure = g_strdup_printf (_("%.0f %% disagree (%u of %u)"), item->dist.pct_disagree, disagree, item->dist.valid);
  add_candidate (candidates, point);
}

/* Split views: a high spread alone (IQR, SD) also flags answers smeared across the middle;
 * a statement is divided when sizeable shares sit on both sides, ranked by the smaller. */
static void
consider_divided (const TrellisSectionSummary *section,
                  const TrellisItemSummary    *item,
                  GArray                      *candidates)
{
  TrellisTalkingPoint *point;

  if (!item_counts (item)
      || item->dist.pct_agree < TRELLIS_TALKING_POINTS_DIVIDED_MIN
      || item->dist.pct_disagree < TRELLIS_TALKING_POINTS_DIVIDED_MIN)
    return;
  point = point_new (section, item, MIN (item->dist.pct_agree, item->dist.pct_disagree));
  point->figure = g_strdup_printf (_("%.0f %% agree, %.0f %% disagree"), item->dist.pct_agree, item->dist.pct_disagree);
  add_candidate (candidates, point);
}

/* Don't know means "not sufficient information": out of everyone asked, not of the
 * valid answers, which leave Don't know out. */
static void
consider_dont_know (const TrellisSectionSummary *section,
                    const TrellisItemSummary    *item,
                    GArray                      *candidates)
{
  TrellisTalkingPoint *point;
  double share;

  if (!item->asked || item->dist.total < TRELLIS_TALKING_POINTS_MIN_ANSWERS
      || item->dist.dont_know < TRELLIS_TALKING_POINTS_DONT_KNOW_PEOPLE)
    return;
  share = 100.0 * item->dist.dont_know / item->dist.total;
  if (share < TRELLIS_TALKING_POINTS_DONT_KNOW_MIN)
    return;
  point = point_new (section, item, share);
  point->figure = g_strdup_printf (_("%u of %u answered Don’t know (%.0f %%)"),
                                   item->dist.dont_know, item->dist.total, share);
  add_candidate (candidates, point);
}

static const char *
change_words (TrellisChange change)
{
  switch (change)
    {
    case TRELLIS_CHANGE_MORE:
      return _("clearly more");
    case TRELLIS_CHANGE_FEWER:
      return _("clearly fewer");
    case TRELLIS_CHANGE_TOO_FEW:
    case TRELLIS_CHANGE_UNCLEAR:
    default:
      return _("could be chance");
    }
}

/* Everyone but the group: the item's answers less the group's. */
static TrellisDistribution
distribution_without (const TrellisDistribution *all,
                      const TrellisDistribution *part)
{
  TrellisDistribution rest;

  trellis_distribution_init (&rest, all->n_points);
  for (guint i = 0; i < all->n_points; i++)
    rest.counts[i] = all->counts[i] - part->counts[i];
  rest.not_applicable = all->not_applicable - part->not_applicable;
  rest.dont_know = all->dont_know - part->dont_know;
  rest.blank = all->blank - part->blank;
  rest.not_shown = all->not_shown - part->not_shown;
  rest.valid = all->valid - part->valid;
  rest.total = all->total - part->total;
  trellis_distribution_finish (&rest);
  return rest;
}

/* Everyone's summary of @item: both summaries list the same checklist's statements in
 * the same order, so it is found in its place rather than searched for (a round of
 * many groups compared every statement with every other, once per group). */
static const TrellisItemSummary *
same_item (TrellisSummary           *everyone,
           guint                     section,
           guint                     position,
           const TrellisItemSummary *item)
{
  if (section < trellis_summary_get_n_sections (everyone))
    {
      GPtrArray *items = trellis_summary_get_section (everyone, section)->items;

      if (position < items->len &&
          ((TrellisItemSummary *) g_ptr_array_index (items, position))->statement == item->statement)
        return g_ptr_array_index (items, position);
    }
  return trellis_summary_find_item (everyone, trellis_statement_get_id (item->statement));
}

static void
consider_group (GArray         *candidates,
                TrellisSummary *everyone,
                TrellisSummary *group_summary,
                const char     *group)
{
  for (guint s = 0; s < trellis_summary_get_n_sections (group_summary); s++)
    {
      const TrellisSectionSummary *section = trellis_summary_get_section (group_summary, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          const TrellisItemSummary *item = g_ptr_array_index (section->items, i);
          const TrellisItemSummary *all = same_item (everyone, s, i, item);
          TrellisDistribution rest;
          TrellisTalkingPoint *point;

          if (all == NULL || !item_counts (item))
            continue;
          rest = distribution_without (&all->dist, &item->dist);
          if (rest.valid < TRELLIS_TALKING_POINTS_MIN_ANSWERS
              || fabs (item->dist.pct_agree - rest.pct_agree) <= SAME_FIGURE)
            continue;
          point = point_new (section, item, item->dist.pct_agree - rest.pct_agree);
          point->group = g_strdup (group);
          point->change = trellis_change_test_agree (&rest, &item->dist);
          /* Translators: "Housing: 30 % agree, everyone else 75 % (clearly fewer)" */
          point->figure = g_strdup_printf (_("%s: %.0f %% agree, everyone else %.0f %% (%s)"), group,
                                           item->dist.pct_agree, rest.pct_agree, change_words (point->change));
          add_candidate (candidates, point);
        }
    }
}

/* Only groups large enough to show on their own, after complementary suppression, are
 * compared; respondents who gave no group are not a group to talk about. */
static void
add_group_topic (GPtrArray      *topics,
                 TrellisProject *project,
                 TrellisRound   *round,
                 TrellisScale   *scale,
                 TrellisSummary *everyone,
                 guint           min_group_size)
{
  g_autoptr(GPtrArray) shares = trellis_group_breakdown_new (round, min_group_size);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *none = NULL;
  guint n_shown = 0;

  if (shares->len == 0)
    return;
  for (guint g = 0; g < shares->len; g++)
    {
      const TrellisGroupShare *share = g_ptr_array_index (shares, g);
      g_autoptr(TrellisSummary) group_summary = NULL;

      if (share->visibility != TRELLIS_GROUP_SHOWN || share->label == NULL)
        continue;
      n_shown++;
      group_summary = trellis_summary_new (project, round, scale, share->label);
      consider_group (candidates, everyone, group_summary, share->label);
    }
  if (n_shown == 0)
    none = g_strdup_printf (_("No respondent group is large enough to compare (at least %u respondents)."),
                            trellis_group_breakdown_min_size (min_group_size));
  else
    none = g_strdup (_("No group has enough answers to compare with everyone else."));
  topic_add (topics, TRELLIS_TALKING_GROUP, _("Where a group differs from the rest"), candidates, none);
}

static void
add_change_topic (GPtrArray      *topics,
                  TrellisSummary *now,
                  TrellisSummary *before)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint s = 0; s < trellis_summary_get_n_sections (now); s++)
    {
      const TrellisSectionSummary *section = trellis_summary_get_section (now, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          const TrellisItemSummary *item = g_ptr_array_index (section->items, i);
          const TrellisItemSummary *old = trellis_summary_find_item (before, trellis_statement_get_id (item->statement));
          TrellisTalkingPoint *point;

          /* No change is nothing to talk about, however the ranks fall. */
          if (old == NULL || !item_counts (item) || !item_counts (old)
              || fabs (item->dist.pct_agree - old->dist.pct_agree) <= SAME_FIGURE)
            continue;
          point = point_new (section, item, item->dist.pct_agree - old->dist.pct_agree);
          point->change = trellis_change_test_agree (&old->dist, &item->dist);
          /* Translators: "from 50 % to 85 % agree (clearly more)" */
          point->figure = g_strdup_printf (_("from %.0f %% to %.0f %% agree (%s)"), old->dist.pct_agree,
                                           item->dist.pct_agree, change_words (point->change));
          add_candidate (candidates, point);
        }
    }
  topic_add (topics, TRELLIS_TALKING_CHANGE, _("Biggest changes since the previous round"), candidates,
             _("No statement was answered by enough partners in both rounds to compare."));
}

/* Groups and changes list the largest differences; say so when none of them is clear. */
static void
note_unclear (TrellisTalkingTopic *topic)
{
  gboolean any_clear = FALSE;

  if (topic->points->len == 0)
    return;
  for (guint i = 0; i < topic->points->len; i++)
    any_clear |= trellis_change_is_clear (((TrellisTalkingPoint *) g_ptr_array_index (topic->points, i))->change);
  if (!any_clear && topic->note == NULL)
    topic->note = g_strdup (_("None of these differences is clear: with this few answers they could be chance."));
}

/* Statements asked but too thinly answered to pick; said in words, not silently dropped. */
static char *
describe_thin (TrellisSummary *summary)
{
  guint asked = 0, thin = 0;

  for (guint s = 0; s < trellis_summary_get_n_sections (summary); s++)
    {
      const TrellisSectionSummary *section = trellis_summary_get_section (summary, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          const TrellisItemSummary *item = g_ptr_array_index (section->items, i);

          asked += item->asked;
          thin += item->asked && !item_counts (item);
        }
    }
  if (asked > 0 && thin == asked)
    return g_strdup_printf (_("Too few answers for talking points: every statement has fewer than %u answers on the scale."),
                            TRELLIS_TALKING_POINTS_MIN_ANSWERS);
  if (thin > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u statement has fewer than %u answers on the scale and is left out.",
                                         "%u statements have fewer than %u answers on the scale and are left out.",
                                         thin),
                            thin, TRELLIS_TALKING_POINTS_MIN_ANSWERS);
  return NULL;
}

static void
add_topic_from (GPtrArray          *topics,
                TrellisSummary     *summary,
                TrellisTalkingKind  kind,
                const char         *title,
                ItemFunc            func,
                const char         *none_found)
{
  g_autoptr(GArray) candidates = collect (summary, func);

  topic_add (topics, kind, title, candidates, none_found);
}

/**
 * trellis_talking_points_new:
 * @project: the project
 * @round: the round to talk about
 * @previous: (nullable): the round to measure change against, usually the one before
 * @scale: (nullable): the scale; %NULL for the checklist's first
 * @min_group_size: the project's minimum group size
 *
 * Picks the talking points of @round (see the header for the thresholds).
 *
 * Returns: (transfer full): the talking points
 */
TrellisTalkingPoints *
trellis_talking_points_new (TrellisProject *project,
                            TrellisRound   *round,
                            TrellisRound   *previous,
                            TrellisScale   *scale,
                            guint           min_group_size)
{
  g_autoptr(TrellisSummary) summary = NULL;
  TrellisTalkingPoints *self;
  GPtrArray *topics;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (TRELLIS_IS_ROUND (round), NULL);
  g_return_val_if_fail (previous == NULL || TRELLIS_IS_ROUND (previous), NULL);

  summary = trellis_summary_new (project, round, scale, NULL);
  self = g_new0 (TrellisTalkingPoints, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->round = g_object_ref (round);
  self->previous = previous != NULL ? g_object_ref (previous) : NULL;
  self->topics = topics = g_ptr_array_new_with_free_func ((GDestroyNotify) talking_topic_free);
  /* The topics read agreement ("85 % agree"). An importance or effectiveness rating is not
   * agreement, and saying so would mislead: those checklists have the priority matrix. */
  if (trellis_scale_get_role (trellis_summary_get_scale (summary)) != TRELLIS_SCALE_ROLE_NONE)
    {
      self->note = g_strdup (_("Talking points read how far partners agree; this checklist rates "
                               "importance and effectiveness instead. The priority matrix shows where to act."));
      return self;
    }
  self->note = describe_thin (summary);

  add_topic_from (topics, summary, TRELLIS_TALKING_AGREE, _("Most agreed"), consider_agree,
                  _("No statement drew agreement."));
  add_topic_from (topics, summary, TRELLIS_TALKING_DISAGREE, _("Most disagreed"), consider_disagree,
                  _("No statement drew disagreement."));
  add_topic_from (topics, summary, TRELLIS_TALKING_DIVIDED, _("Most divided"), consider_divided,
                  _("No statement divides partners: none has a quarter agreeing and a quarter disagreeing."));
  add_topic_from (topics, summary, TRELLIS_TALKING_DONT_KNOW, _("Most often Don’t know (an information gap)"),
                  consider_dont_know, _("No statement had many Don’t know answers (a tenth of those asked)."));
  add_group_topic (topics, project, round, trellis_summary_get_scale (summary), summary, min_group_size);
  if (previous != NULL)
    {
      g_autoptr(TrellisSummary) before = trellis_summary_new (project, previous, trellis_summary_get_scale (summary), NULL);

      add_change_topic (topics, summary, before);
    }
  for (guint i = 0; i < topics->len; i++)
    {
      TrellisTalkingTopic *topic = g_ptr_array_index (topics, i);

      if (topic->kind == TRELLIS_TALKING_GROUP || topic->kind == TRELLIS_TALKING_CHANGE)
        note_unclear (topic);
    }
  return self;
}

TrellisTalkingPoints *
trellis_talking_points_ref (TrellisTalkingPoints *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_talking_points_unref (TrellisTalkingPoints *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->round);
  g_clear_object (&self->previous);
  g_ptr_array_unref (self->topics);
  g_free (self->note);
  g_free (self);
}

guint
trellis_talking_points_get_n_topics (TrellisTalkingPoints *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->topics->len;
}

/**
 * trellis_talking_points_get_topic:
 *
 * Returns: (transfer none): the topic at @position: most agreed, most disagreed, most
 *   divided, Don't know, then (when the round has groups) groups and (when there is a
 *   previous round) changes
 */
const TrellisTalkingTopic *
trellis_talking_points_get_topic (TrellisTalkingPoints *self,
                                  guint                 position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->topics->len, NULL);

  return g_ptr_array_index (self->topics, position);
}

/**
 * trellis_talking_points_get_note:
 *
 * Returns: (nullable): what was left out for too few answers, in words
 */
const char *
trellis_talking_points_get_note (TrellisTalkingPoints *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->note;
}

TrellisRound *
trellis_talking_points_get_round (TrellisTalkingPoints *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->round;
}

/**
 * trellis_talking_points_get_previous:
 *
 * Returns: (nullable) (transfer none): the round changes were measured against
 */
TrellisRound *
trellis_talking_points_get_previous (TrellisTalkingPoints *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->previous;
}

/**
 * trellis_talking_points_find_previous:
 *
 * Returns: (nullable) (transfer none): the round before @round in @project (rounds are
 *   kept oldest first), %NULL for the first
 */
TrellisRound *
trellis_talking_points_find_previous (TrellisProject *project,
                                      TrellisRound   *round)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);

  n = trellis_project_get_n_rounds (project);
  for (guint i = 1; i < n; i++)
    if (trellis_project_get_round (project, i) == round)
      return trellis_project_get_round (project, i - 1);
  return NULL;
}
