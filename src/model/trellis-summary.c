/* trellis-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-summary"

#include "config.h"

#include <string.h>

#include "trellis-checklist.h"
#include "trellis-project.h"
#include "trellis-round.h"
#include "trellis-scale.h"
#include "trellis-section.h"
#include "trellis-statement.h"
#include "trellis-summary.h"

struct _TrellisSummary
{
  gatomicrefcount      ref_count;

  TrellisProject      *project;
  TrellisRound        *round;
  TrellisScale        *scale;
  char                *group;
  guint                n_respondents;
  GPtrArray           *sections;  /* TrellisSectionSummary */
  TrellisDistribution  overall;
};

G_DEFINE_BOXED_TYPE (TrellisSummary, trellis_summary, trellis_summary_ref, trellis_summary_unref)

static void
item_summary_free (TrellisItemSummary *item)
{
  g_clear_object (&item->statement);
  g_clear_object (&item->scale);
  g_free (item->item_key);
  g_free (item);
}

static void
section_summary_free (TrellisSectionSummary *section)
{
  g_clear_object (&section->section);
  g_clear_pointer (&section->items, g_ptr_array_unref);
  g_free (section);
}

/* Answers run from TRELLIS_ANSWER_NOT_SHOWN (-3) to the widest scale's last point; one
 * bin each, and one for anything else, which a distribution counts as blank. */
#define ANSWER_BIN_OFFSET 3
#define N_ANSWER_BINS     (ANSWER_BIN_OFFSET + TRELLIS_SCALE_MAX_POINTS + 2)
#define OFF_SCALE_BIN     (N_ANSWER_BINS - 1)

static const guint8 *
bin_table (void)
{
  static guint8 bin_of[256];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint v = 0; v < 256; v++)
        {
          int answer = (gint8) v;

          bin_of[v] = answer >= TRELLIS_ANSWER_NOT_SHOWN && answer <= TRELLIS_SCALE_MAX_POINTS
                        ? (guint8) (answer + ANSWER_BIN_OFFSET) : OFF_SCALE_BIN;
        }
      g_once_init_leave (&done, 1);
    }
  return bin_of;
}

/* Tallies every item's answers in one pass over the answer table, row by row as it
 * lies in memory, counting only the respondents of group @wanted (1 + its index, 0
 * for none) unless @wanted is -1: a round of 100,000 respondents is read once per
 * summary, not once per statement. */
static guint *
tally_answers (TrellisRound *round,
               int           wanted,
               guint        *n_respondents)
{
  guint n_items = trellis_round_get_n_items (round);
  guint n_responses = trellis_round_get_n_responses (round);
  const guint8 *table = (const guint8 *) trellis_round_get_answer_table (round);
  const guint16 *groups = trellis_round_get_response_group_indices (round);
  guint *bins = g_new0 (guint, (gsize) MAX (n_items, 1) * N_ANSWER_BINS);
  const guint8 *bin_of = bin_table ();

  *n_respondents = 0;
  for (guint r = 0; r < n_responses; r++)
    {
      const guint8 *row = table + (gsize) r * n_items;

      if (wanted >= 0 && groups[r] != wanted)
        continue;
      (*n_respondents)++;
      for (guint i = 0; i < n_items; i++)
        bins[(gsize) i * N_ANSWER_BINS + bin_of[row[i]]]++;
    }
  return bins;
}

/* Every group's tally and everyone's, from one pass, kept on the round while it has as
 * many responses: a round only ever gains responses, so their count says whether the
 * tally is current. A summary of the whole round and one per group (talking points,
 * group charts) then cost one pass between them. Per group only while the tallies stay
 * small: a round of thousands of groups is tallied per summary instead. */
#define TALLY_KEY          "trellis-summary-tally"
#define TALLY_MAX_COUNTERS (1024 * 1024)

typedef struct
{
  guint  n_responses;
  guint  n_items;
  guint  n_slots;       /* 1 + groups when per group (slot 0: no group); 0 otherwise */
  guint *slots;         /* n_slots × n_items × N_ANSWER_BINS */
  guint *slot_sizes;    /* respondents per slot */
  guint *everyone;      /* n_items × N_ANSWER_BINS */
} Tally;

static void
tally_clear (gpointer data)
{
  Tally *tally = data;

  g_free (tally->slots);
  g_free (tally->slot_sizes);
  g_free (tally->everyone);
}

static void
tally_release (gpointer data)
{
  g_rc_box_release_full (data, tally_clear);
}

/* Adds a slot's byte counters to its tally, and clears them. */
static void
tally_flush (guint        *bins,
             guint8       *counters,
             gsize         row_bins)
{
  for (gsize b = 0; b < row_bins; b++)
    bins[b] += counters[b];
  memset (counters, 0, row_bins);
}

/* Rows [from, to) of a round, counted into slots (n_slots × row_bins) and slot_sizes. */
typedef struct
{
  const guint8  *table;
  const guint16 *groups;
  guint          n_items;
  guint          n_slots;
  gsize          row_bins;
  guint          from;
  guint          to;
  guint         *slots;
  guint         *slot_sizes;
} TallyPart;

/* Counts each slot's answers in bytes, added to the slot's tally every 255 of its
 * rows: the counters of 33 groups of 60 items fit the processor's first cache, where
 * those of full size would not, and counting is what a summary of a large round
 * spends its time on. */
static gpointer
tally_part (gpointer data)
{
  TallyPart *part = data;
  gsize row_bins = part->row_bins;
  g_autofree guint8 *counters = g_new0 (guint8, part->n_slots * row_bins);
  g_autofree guint8 *pending = g_new0 (guint8, part->n_slots);
  const guint8 *bin_of = bin_table ();

  for (guint r = part->from; r < part->to; r++)
    {
      const guint8 *row = part->table + (gsize) r * part->n_items;
      guint slot = part->groups[r];
      guint8 *bins = counters + slot * row_bins;

      part->slot_sizes[slot]++;
      for (guint i = 0; i < part->n_items; i++)
        bins[(gsize) i * N_ANSWER_BINS + bin_of[row[i]]]++;
      if (++pending[slot] == G_MAXUINT8)
        {
          tally_flush (part->slots + slot * row_bins, bins, row_bins);
          pending[slot] = 0;
        }
    }
  for (guint slot = 0; slot < part->n_slots; slot++)
    tally_flush (part->slots + slot * row_bins, counters + slot * row_bins, row_bins);
  return NULL;
}

/* Below this many answers a second thread costs more than it saves. */
#define TALLY_MIN_SHARED_ANSWERS (1024 * 1024)

/* Counts every slot's answers; a large round on two processors, the second half of the
 * rows in a thread of its own, its counts added after. */
static void
tally_slots (Tally          *tally,
             const guint8   *table,
             const guint16  *groups,
             gsize           row_bins)
{
  TallyPart first = { table, groups, tally->n_items, tally->n_slots, row_bins,
                      0, tally->n_responses, tally->slots, tally->slot_sizes };
  TallyPart second = first;
  g_autofree guint *second_slots = NULL;
  g_autofree guint *second_sizes = NULL;
  GThread *thread = NULL;

  if ((guint64) tally->n_responses * tally->n_items >= TALLY_MIN_SHARED_ANSWERS &&
      g_get_num_processors () > 1)
    {
      first.to = second.from = tally->n_responses / 2;
      second.slots = second_slots = g_new0 (guint, tally->n_slots * row_bins);
      second.slot_sizes = second_sizes = g_new0 (guint, tally->n_slots);
      thread = g_thread_try_new ("trellis-tally", tally_part, &second, NULL);
      if (thread == NULL)
        tally_part (&second);
    }
  tally_part (&first);
  if (thread != NULL)
    g_thread_join (thread);
  if (second_slots == NULL)
    return;
  for (gsize b = 0; b < tally->n_slots * row_bins; b++)
    tally->slots[b] += second_slots[b];
  for (guint slot = 0; slot < tally->n_slots; slot++)
    tally->slot_sizes[slot] += second_sizes[slot];
}

static Tally *
tally_new (TrellisRound *round)
{
  Tally *tally = g_rc_box_new0 (Tally);
  guint n_items = trellis_round_get_n_items (round);
  guint n_groups = trellis_round_get_n_groups (round);
  gsize row_bins = (gsize) MAX (n_items, 1) * N_ANSWER_BINS;
  const guint8 *table = (const guint8 *) trellis_round_get_answer_table (round);
  const guint16 *groups = trellis_round_get_response_group_indices (round);
  guint n_everyone;

  tally->n_responses = trellis_round_get_n_responses (round);
  tally->n_items = n_items;
  if ((gsize) (n_groups + 1) * row_bins > TALLY_MAX_COUNTERS)
    {
      tally->everyone = tally_answers (round, -1, &n_everyone);
      return tally;
    }
  tally->n_slots = n_groups + 1;
  tally->slots = g_new0 (guint, tally->n_slots * row_bins);
  tally->slot_sizes = g_new0 (guint, tally->n_slots);
  tally->everyone = g_new0 (guint, row_bins);
  tally_slots (tally, table, groups, row_bins);
  for (guint g = 0; g < tally->n_slots; g++)
    for (gsize b = 0; b < row_bins; b++)
      tally->everyone[b] += tally->slots[g * row_bins + b];
  return tally;
}

typedef Tally GRcBoxTally;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GRcBoxTally, tally_release)

/* Returns: (transfer full): the round's current tally */
static Tally *
tally_get (TrellisRound *round)
{
  static GMutex lock;
  Tally *tally;

  g_mutex_lock (&lock);
  tally = g_object_get_data (G_OBJECT (round), TALLY_KEY);
  if (tally == NULL || tally->n_responses != trellis_round_get_n_responses (round) ||
      tally->n_items != trellis_round_get_n_items (round))
    {
      tally = tally_new (round);
      g_object_set_data_full (G_OBJECT (round), TALLY_KEY, tally, tally_release);
    }
  g_rc_box_acquire (tally);
  g_mutex_unlock (&lock);
  return tally;
}

/* The tallies of @group, or of everyone: from the round's tally where it has them,
 * else counted now into @owned. */
static const guint *
select_bins (Tally         *tally,
             TrellisRound  *round,
             const char    *group,
             guint         *n_respondents,
             guint        **owned)
{
  int wanted;

  if (group == NULL)
    {
      *n_respondents = trellis_round_get_n_responses (round);
      return tally->everyone;
    }
  /* A group nobody is in (wanted 0) counts nobody, not those who gave none. */
  wanted = trellis_round_find_group (round, group) + 1;
  if (wanted > 0 && (guint) wanted < tally->n_slots)
    {
      *n_respondents = tally->slot_sizes[wanted];
      return tally->slots + (gsize) wanted * MAX (tally->n_items, 1) * N_ANSWER_BINS;
    }
  *owned = tally_answers (round, wanted > 0 ? wanted : G_MAXUINT16 + 1, n_respondents);
  return *owned;
}

/* @bins are the answers tallied by tally_answers() or tally_new(). */
static TrellisItemSummary *
summarise_item (TrellisSummary   *self,
                TrellisStatement *statement,
                const guint      *bins)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (self->project);
  TrellisItemSummary *item = g_new0 (TrellisItemSummary, 1);
  int column;

  item->statement = g_object_ref (statement);
  item->scale = g_object_ref (self->scale);
  item->item_key = trellis_checklist_dup_item_key (checklist, statement, self->scale);
  trellis_distribution_init (&item->dist, trellis_scale_get_n_points (self->scale));

  column = trellis_round_find_item (self->round, item->item_key);
  item->asked = column >= 0;
  if (!item->asked)
    trellis_distribution_add_count (&item->dist, TRELLIS_ANSWER_BLANK, self->n_respondents);
  else
    for (guint b = 0; b < N_ANSWER_BINS; b++)
      {
        guint count = bins[(gsize) column * N_ANSWER_BINS + b];
        TrellisAnswer answer = b == OFF_SCALE_BIN ? TRELLIS_ANSWER_BLANK
                                                  : (TrellisAnswer) ((int) b - ANSWER_BIN_OFFSET);

        if (count > 0)
          trellis_distribution_add_count (&item->dist, answer, count);
      }
  trellis_distribution_finish (&item->dist);
  return item;
}

/**
 * trellis_summary_new:
 * @scale: (nullable): the scale to summarise; %NULL for the checklist's main scale
 * @group: (nullable): count only respondents of this group; %NULL for everyone
 *
 * Counts the answers of @round to every rated statement in use, on one scale. Cut
 * statements and sections are left out; a statement the round's export did not carry
 * is kept, with every respondent counted blank and @asked false.
 *
 * The caller decides whether a group is large enough to be shown: see
 * trellis_project_get_min_group_size().
 *
 * Returns: (transfer full): the summary
 */
TrellisSummary *
trellis_summary_new (TrellisProject *project,
                     TrellisRound   *round,
                     TrellisScale   *scale,
                     const char     *group)
{
  TrellisSummary *self;
  TrellisChecklist *checklist;
  g_autofree guint *owned_bins = NULL;
  g_autoptr(GRcBoxTally) tally = NULL;
  const guint *bins;
  guint n_sections;
  guint n_points;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (TRELLIS_IS_ROUND (round), NULL);
  g_return_val_if_fail (scale == NULL || TRELLIS_IS_SCALE (scale), NULL);

  checklist = trellis_project_get_checklist (project);
  if (scale == NULL)
    scale = trellis_checklist_get_scale (checklist, 0);
  g_return_val_if_fail (scale != NULL, NULL);

  self = g_new0 (TrellisSummary, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->project = g_object_ref (project);
  self->round = g_object_ref (round);
  self->scale = g_object_ref (scale);
  self->group = g_strdup (group);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_summary_free);
  n_points = trellis_scale_get_n_points (scale);
  trellis_distribution_init (&self->overall, n_points);

  tally = tally_get (round);
  bins = select_bins (tally, round, group, &self->n_respondents, &owned_bins);

  n_sections = trellis_checklist_get_n_sections (checklist);
  for (guint s = 0; s < n_sections; s++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, s);
      g_autoptr(GPtrArray) rated = NULL;
      TrellisSectionSummary *section_summary;
      GPtrArray *comments;

      if (!trellis_section_get_included (section))
        continue;

      section_summary = g_new0 (TrellisSectionSummary, 1);
      section_summary->section = g_object_ref (section);
      section_summary->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_summary_free);
      trellis_distribution_init (&section_summary->pooled, n_points);
      comments = trellis_round_get_comments (round, trellis_section_get_id (section));
      section_summary->n_comments = comments != NULL ? comments->len : 0;

      rated = trellis_section_collect_rated (section, TRUE);
      for (guint i = 0; i < rated->len; i++)
        {
          TrellisItemSummary *item = summarise_item (self, g_ptr_array_index (rated, i), bins);

          g_ptr_array_add (section_summary->items, item);
          if (item->asked)
            trellis_distribution_merge (&section_summary->pooled, &item->dist);
        }
      trellis_distribution_finish (&section_summary->pooled);
      trellis_distribution_merge (&self->overall, &section_summary->pooled);
      g_ptr_array_add (self->sections, section_summary);
    }
  trellis_distribution_finish (&self->overall);

  return self;
}

TrellisSummary *
trellis_summary_ref (TrellisSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_summary_unref (TrellisSummary *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->project);
  g_clear_object (&self->round);
  g_clear_object (&self->scale);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_free (self);
}

/**
 * trellis_summary_get_project:
 *
 * Returns: (transfer none): the project summarised
 */
TrellisProject *
trellis_summary_get_project (TrellisSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->project;
}

/**
 * trellis_summary_get_round:
 *
 * Returns: (transfer none): the round summarised
 */
TrellisRound *
trellis_summary_get_round (TrellisSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->round;
}

/**
 * trellis_summary_get_scale:
 *
 * Returns: (transfer none): the scale the answers are on
 */
TrellisScale *
trellis_summary_get_scale (TrellisSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scale;
}

/**
 * trellis_summary_get_group:
 *
 * Returns: (nullable): the group counted, or %NULL for every respondent
 */
const char *
trellis_summary_get_group (TrellisSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->group;
}

guint
trellis_summary_get_n_respondents (TrellisSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_respondents;
}

guint
trellis_summary_get_n_sections (TrellisSummary *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sections->len;
}

/**
 * trellis_summary_get_section:
 *
 * Returns: (transfer none): the @position-th section in use
 */
TrellisSectionSummary *
trellis_summary_get_section (TrellisSummary *self,
                             guint           position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, position);
}

/**
 * trellis_summary_find_section:
 *
 * Returns: (transfer none) (nullable): the section with this id
 */
TrellisSectionSummary *
trellis_summary_find_section (TrellisSummary *self,
                              const char     *section_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      TrellisSectionSummary *section = g_ptr_array_index (self->sections, i);
      if (g_strcmp0 (trellis_section_get_id (section->section), section_id) == 0)
        return section;
    }
  return NULL;
}

/**
 * trellis_summary_find_item:
 *
 * Returns: (transfer none) (nullable): the summary of this statement
 */
TrellisItemSummary *
trellis_summary_find_item (TrellisSummary *self,
                           const char     *statement_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (statement_id != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      TrellisSectionSummary *section = g_ptr_array_index (self->sections, i);
      for (guint j = 0; j < section->items->len; j++)
        {
          TrellisItemSummary *item = g_ptr_array_index (section->items, j);
          if (g_strcmp0 (trellis_statement_get_id (item->statement), statement_id) == 0)
            return item;
        }
    }
  return NULL;
}

/**
 * trellis_summary_get_overall:
 *
 * Returns: (transfer none): every answer of the round pooled
 */
const TrellisDistribution *
trellis_summary_get_overall (TrellisSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->overall;
}
