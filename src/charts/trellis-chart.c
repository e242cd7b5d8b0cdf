/* trellis-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-charts"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-chart.h"

/* How much of a multi-part statement's lead-in goes before each of its parts when they
 * are ordered by agreement, in characters: enough for the usual "By working together,
 * the partnership has demonstrably", short enough to leave the part itself room. */
#define LEAD_IN_MAX_CHARS 60

struct _TrellisChart
{
  gatomicrefcount    ref_count;

  TrellisChartKind   kind;
  TrellisChartOrder  order;
  char              *title;
  char              *subtitle;
  char              *note;
  char              *section_id;
  GArray            *rows;  /* TrellisChartRow */

  guint              n_points;
  char              *answer_labels[TRELLIS_SCALE_MAX_POINTS];
  char              *not_applicable_label;
  char              *dont_know_label;
  gboolean           shows_missing;
};

G_DEFINE_BOXED_TYPE (TrellisChart, trellis_chart, trellis_chart_ref, trellis_chart_unref)

static void
bar_clear (TrellisChartBar *bar)
{
  g_clear_pointer (&bar->label, g_free);
}

static void
row_clear (TrellisChartRow *row)
{
  g_clear_pointer (&row->id, g_free);
  g_clear_pointer (&row->number, g_free);
  g_clear_pointer (&row->text, g_free);
  g_clear_pointer (&row->emphasis, g_array_unref);
  g_clear_pointer (&row->lead_in, g_free);
  g_clear_pointer (&row->bars, g_array_unref);
}

static TrellisChart *
chart_new (TrellisChartKind   kind,
           TrellisChartOrder  order,
           TrellisScale      *scale,
           const char        *section_id)
{
  TrellisChart *self = g_new0 (TrellisChart, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->order = order;
  self->section_id = g_strdup (section_id);
  self->rows = g_array_new (FALSE, TRUE, sizeof (TrellisChartRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);

  self->n_points = trellis_scale_get_n_points (scale);
  for (guint p = 1; p <= self->n_points; p++)
    {
      const char *label = trellis_scale_get_point_label (scale, p);
      self->answer_labels[p - 1] = label != NULL ? g_strdup (label) : g_strdup_printf ("%u", p);
    }
  self->not_applicable_label = g_strdup (trellis_scale_get_answer_label (scale, TRELLIS_ANSWER_NOT_APPLICABLE));
  self->dont_know_label = g_strdup (trellis_scale_get_answer_label (scale, TRELLIS_ANSWER_DONT_KNOW));
  self->shows_missing = trellis_scale_get_allow_na (scale) || trellis_scale_get_allow_dk (scale);
  return self;
}

static TrellisChartRow *
chart_add_row (TrellisChart *self,
               const char   *id,
               const char   *number,
               const char   *text)
{
  TrellisChartRow row = { 0 };

  row.id = g_strdup (id);
  row.number = g_strdup (number);
  row.text = g_strdup (text != NULL ? text : "");
  row.bars = g_array_new (FALSE, TRUE, sizeof (TrellisChartBar));
  g_array_set_clear_func (row.bars, (GDestroyNotify) bar_clear);
  g_array_append_val (self->rows, row);
  return &g_array_index (self->rows, TrellisChartRow, self->rows->len - 1);
}

/* "By working together, the partnership has demonstrably …": the lead-in, cut at a
 * word when long, ending in an ellipsis that leads on to the part. */
static char *
shorten_lead_in (const char *text)
{
  g_autoptr(GString) lead = g_string_new (text);

  if (g_utf8_strlen (lead->str, -1) > LEAD_IN_MAX_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (lead->str, LEAD_IN_MAX_CHARS);
      const char *space = g_utf8_strrchr (lead->str, cut - lead->str, ' ');

      g_string_truncate (lead, (space != NULL ? space : cut) - lead->str);
    }
  while (lead->len > 0 && strchr (" \t\n:;,.", lead->str[lead->len - 1]) != NULL)
    g_string_truncate (lead, lead->len - 1);
  if (lead->len == 0)
    return NULL;
  g_string_append (lead, " …");
  return g_string_free (g_steal_pointer (&lead), FALSE);
}

/* A row for a rated statement. A part of a multi-part statement ("55a") must not lose
 * its lead-in ("By working together, the partnership has demonstrably"): in checklist
 * order the lead-in gets a row of its own above the first part; ordered by agreement,
 * where the parts scatter, each part carries the lead-in in short. */
static TrellisChartRow *
chart_add_statement_row (TrellisChart      *self,
                         TrellisStatement  *statement,
                         TrellisStatement **last_parent)
{
  TrellisStatement *parent = trellis_statement_get_parent_statement (statement);
  const char *lead_in = parent != NULL ? trellis_statement_get_text (parent) : NULL;
  const TrellisTextSpan *spans;
  guint n_spans;
  TrellisChartRow *row;

  if (parent != NULL && parent != *last_parent && self->order == TRELLIS_CHART_ORDER_CHECKLIST)
    chart_add_row (self, trellis_statement_get_id (parent), trellis_statement_get_number (parent), lead_in);
  *last_parent = parent;

  row = chart_add_row (self, trellis_statement_get_id (statement), trellis_statement_get_number (statement),
                       trellis_statement_get_text (statement));
  spans = trellis_statement_get_emphasis (statement, &n_spans);
  if (n_spans > 0)
    {
      row->emphasis = g_array_sized_new (FALSE, FALSE, sizeof (TrellisTextSpan), n_spans);
      g_array_append_vals (row->emphasis, spans, n_spans);
    }
  row->is_part = parent != NULL;
  if (parent != NULL && self->order == TRELLIS_CHART_ORDER_AGREEMENT && lead_in != NULL)
    row->lead_in = shorten_lead_in (lead_in);
  return row;
}

static TrellisChartBar *
row_add_bar (TrellisChart              *self,
             TrellisChartRow           *row,
             const char                *label,
             const TrellisDistribution *dist,
             gboolean                   asked)
{
  TrellisChartBar bar = { 0 };

  bar.label = g_strdup (label);
  bar.dist = *dist;
  bar.asked = asked;
  if (dist->not_applicable > 0 || dist->dont_know > 0)
    self->shows_missing = TRUE;
  g_array_append_val (row->bars, bar);
  return &g_array_index (row->bars, TrellisChartBar, row->bars->len - 1);
}

/* The bar a row is sorted by: the latest round, or everyone. */
static const TrellisChartBar *
row_key_bar (TrellisChart          *self,
             const TrellisChartRow *row)
{
  guint key = self->kind == TRELLIS_CHART_ROUNDS ? row->bars->len - 1 : 0;

  return &g_array_index (row->bars, TrellisChartBar, key);
}

typedef struct
{
  TrellisChart *chart;
  guint         index;
} SortEntry;

static int
compare_by_agreement (const void *a,
                      const void *b)
{
  const SortEntry *entry_a = a, *entry_b = b;
  const TrellisChartBar *bar_a =
    row_key_bar (entry_a->chart, &g_array_index (entry_a->chart->rows, TrellisChartRow, entry_a->index));
  const TrellisChartBar *bar_b =
    row_key_bar (entry_b->chart, &g_array_index (entry_b->chart->rows, TrellisChartRow, entry_b->index));

  /* Statements nobody rated have no place in an order by agreement: last. */
  if ((bar_a->dist.valid == 0) != (bar_b->dist.valid == 0))
    return bar_a->dist.valid == 0 ? 1 : -1;
  if (bar_a->dist.pct_agree != bar_b->dist.pct_agree)
    return bar_a->dist.pct_agree > bar_b->dist.pct_agree ? -1 : 1;
  if (bar_a->dist.pct_disagree != bar_b->dist.pct_disagree)
    return bar_a->dist.pct_disagree < bar_b->dist.pct_disagree ? -1 : 1;
  return entry_a->index < entry_b->index ? -1 : 1;
}

static void
chart_sort (TrellisChart *self)
{
  g_autofree SortEntry *entries = NULL;
  GArray *sorted;

  if (self->order != TRELLIS_CHART_ORDER_AGREEMENT || self->rows->len < 2)
    return;

  entries = g_new (SortEntry, self->rows->len);
  for (guint i = 0; i < self->rows->len; i++)
    entries[i] = (SortEntry) { self, i };
  qsort (entries, self->rows->len, sizeof (SortEntry), compare_by_agreement);

  /* Move the rows themselves, not copies: the new array takes them over. */
  sorted = g_array_sized_new (FALSE, TRUE, sizeof (TrellisChartRow), self->rows->len);
  g_array_set_clear_func (sorted, (GDestroyNotify) row_clear);
  for (guint i = 0; i < self->rows->len; i++)
    g_array_append_val (sorted, g_array_index (self->rows, TrellisChartRow, entries[i].index));
  g_array_set_clear_func (self->rows, NULL);
  g_array_unref (self->rows);
  self->rows = sorted;
}

static const char *
order_phrase (TrellisChartOrder order)
{
  return order == TRELLIS_CHART_ORDER_AGREEMENT ? _("ordered by % agreeing")
                                                : _("in checklist order");
}

static char *
respondents_phrase (guint n_respondents)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents", n_respondents),
                          n_respondents);
}

/* "Partnership · Round · 24 respondents · ordered by % agreeing", skipping what is unset. */
static char *
join_parts (const char * const *parts,
            guint               n_parts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, parts[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
make_subtitle (const char *partnership,
               const char *rounds,
               const char *group,
               const char *respondents,
               const char *ordering)
{
  const char *parts[] = { partnership, rounds, group, respondents, ordering };

  return join_parts (parts, G_N_ELEMENTS (parts));
}

static char *
summary_subtitle (TrellisSummary    *summary,
                  TrellisChartOrder  order)
{
  g_autofree char *respondents = respondents_phrase (trellis_summary_get_n_respondents (summary));

  return make_subtitle (trellis_project_get_name (trellis_summary_get_project (summary)),
                        trellis_round_get_label (trellis_summary_get_round (summary)),
                        trellis_summary_get_group (summary), respondents, order_phrase (order));
}

static char *
section_title (TrellisSection *section)
{
  return trellis_section_dup_label (section);
}

/**
 * trellis_chart_new_section:
 * @summary: a round's results
 * @section_id: the section to draw
 * @order: how to order the statements
 *
 * One bar per rated statement in use. Comment items and cut statements have no bar; the
 * lead-in of a multi-part statement has a row without a bar above its parts (in
 * checklist order) or goes before each part (ordered by agreement).
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL when the summary has no
 *   such section in use
 */
TrellisChart *
trellis_chart_new_section (TrellisSummary    *summary,
                           const char        *section_id,
                           TrellisChartOrder  order)
{
  TrellisSectionSummary *section;
  TrellisStatement *last_parent = NULL;
  TrellisChart *self;

  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  section = trellis_summary_find_section (summary, section_id);
  if (section == NULL)
    return NULL;

  self = chart_new (TRELLIS_CHART_SECTION, order, trellis_summary_get_scale (summary), section_id);
  self->title = section_title (section->section);
  self->subtitle = summary_subtitle (summary, order);

  for (guint i = 0; i < section->items->len; i++)
    {
      TrellisItemSummary *item = g_ptr_array_index (section->items, i);
      TrellisChartRow *row = chart_add_statement_row (self, item->statement, &last_parent);
      row_add_bar (self, row, NULL, &item->dist, item->asked);
    }
  chart_sort (self);
  return self;
}

/**
 * trellis_chart_new_overview:
 * @summary: a round's results
 * @order: how to order the sections
 *
 * One bar per section in use, pooling every answer to its statements, so that the
 * whole checklist fits on one page.
 *
 * Returns: (transfer full): the chart
 */
TrellisChart *
trellis_chart_new_overview (TrellisSummary    *summary,
                            TrellisChartOrder  order)
{
  TrellisChart *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = chart_new (TRELLIS_CHART_OVERVIEW, order, trellis_summary_get_scale (summary), NULL);
  self->title = g_strdup (_("All sections at a glance"));
  self->subtitle = summary_subtitle (summary, order);
  self->note = g_strdup (_("Each bar pools every answer to the section’s statements; n counts answers, not people."));

  for (guint i = 0; i < trellis_summary_get_n_sections (summary); i++)
    {
      TrellisSectionSummary *section = trellis_summary_get_section (summary, i);
      TrellisChartRow *row = chart_add_row (self, trellis_section_get_id (section->section),
                                            trellis_section_get_code (section->section),
                                            trellis_section_get_title (section->section));
      row_add_bar (self, row, NULL, &section->pooled, section->items->len > 0);
    }
  chart_sort (self);
  return self;
}

#define REWORDED_MARK " †"

/* A round's bar is marked when the statement, or the lead-in of its multi-part item,
 * was worded differently when that round answered it: the answers may not compare. */
static gboolean
get_reworded_since (TrellisRound     *round,
                    TrellisStatement *statement)
{
  TrellisStatement *parent = trellis_statement_get_parent_statement (statement);

  return trellis_round_get_wording_changed (round, statement) ||
         (parent != NULL && trellis_round_get_wording_changed (round, parent));
}

/* One bar per round for @statement, oldest first, each with its change from the one
 * before. Returns whether a round answered the statement in other words. */
static gboolean
add_round_bars (TrellisChart      *self,
                TrellisChartRow   *row,
                TrellisStatement  *statement,
                TrellisSummary   **summaries,
                guint              n_summaries)
{
  const char *id = trellis_statement_get_id (statement);
  /* The bar before, by value: appending a bar may move the row's bars in memory. */
  TrellisChartBar previous = { 0 };
  gboolean reworded = FALSE;

  for (guint s = 0; s < n_summaries; s++)
    {
      TrellisItemSummary *earlier = trellis_summary_find_item (summaries[s], id);
      TrellisRound *round = trellis_summary_get_round (summaries[s]);
      const char *round_label = trellis_round_get_label (round);
      g_autofree char *label = NULL;
      TrellisChartBar *bar;

      if (get_reworded_since (round, statement))
        {
          label = g_strconcat (round_label != NULL ? round_label : "", REWORDED_MARK, NULL);
          reworded = TRUE;
        }
      else
        label = g_strdup (round_label);

      if (earlier != NULL)
        bar = row_add_bar (self, row, label, &earlier->dist, earlier->asked);
      else
        {
          TrellisDistribution none;

          trellis_distribution_init (&none, self->n_points);
          bar = row_add_bar (self, row, label, &none, FALSE);
        }
      if (s > 0 && previous.dist.valid > 0 && bar->dist.valid > 0)
        {
          bar->has_change = TRUE;
          bar->change_agree = bar->dist.pct_agree - previous.dist.pct_agree;
          bar->change = trellis_change_test_agree (&previous.dist, &bar->dist);
        }
      previous.dist = bar->dist;
    }
  return reworded;
}

/**
 * trellis_chart_new_rounds:
 * @summaries: (array length=n_summaries): one summary per round, oldest first, all of
 *   the same project and scale
 * @section_id: the section to draw
 * @order: how to order the statements (by agreement in the latest round)
 *
 * Per statement, one bar per round, with the change in percent agreeing since the round
 * before. Statements are those in use now; one a round did not ask shows as such.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL when the latest summary has
 *   no such section in use
 */
TrellisChart *
trellis_chart_new_rounds (TrellisSummary   **summaries,
                          guint              n_summaries,
                          const char        *section_id,
                          TrellisChartOrder  order)
{
  TrellisSummary *latest;
  TrellisSectionSummary *section;
  TrellisStatement *last_parent = NULL;
  TrellisChart *self;
  g_autoptr(GString) rounds = g_string_new (NULL);
  gboolean reworded = FALSE;

  g_return_val_if_fail (summaries != NULL && n_summaries >= 1, NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  latest = summaries[n_summaries - 1];
  section = trellis_summary_find_section (latest, section_id);
  if (section == NULL)
    return NULL;

  self = chart_new (TRELLIS_CHART_ROUNDS, order, trellis_summary_get_scale (latest), section_id);
  self->title = section_title (section->section);
  for (guint s = 0; s < n_summaries; s++)
    {
      g_autofree char *respondents = respondents_phrase (trellis_summary_get_n_respondents (summaries[s]));

      if (s > 0)
        g_string_append (rounds, " → ");
      /* TRANSLATORS: a round and its respondents: "Autumn 2026 (24 respondents)" */
      g_string_append_printf (rounds, _("%s (%s)"), trellis_round_get_label (trellis_summary_get_round (summaries[s])),
                              respondents);
    }
  self->subtitle = make_subtitle (trellis_project_get_name (trellis_summary_get_project (latest)), rounds->str,
                                 NULL, NULL, order_phrase (order));
  self->note = g_strdup (_("Change: percentage points more (+) or fewer (−) agreeing than in the round before; "
                           "▲ or ▼ marks a change too large to put down to chance."));

  for (guint i = 0; i < section->items->len; i++)
    {
      TrellisItemSummary *item = g_ptr_array_index (section->items, i);
      TrellisChartRow *row = chart_add_statement_row (self, item->statement, &last_parent);

      if (add_round_bars (self, row, item->statement, summaries, n_summaries))
        reworded = TRUE;
    }
  if (reworded)
    {
      g_autofree char *note = g_steal_pointer (&self->note);

      /* TRANSLATORS: after the note of a rounds comparison; † marks a round's bar */
      self->note = g_strdup_printf (_("%s † The statement was worded differently when that round answered it."), note);
    }
  chart_sort (self);
  return self;
}

/* Counts that belong to no named group: everyone less every named group. */
static void
distribution_subtract (TrellisDistribution       *dist,
                       const TrellisDistribution *other)
{
  for (guint i = 0; i < dist->n_points; i++)
    dist->counts[i] -= other->counts[i];
  dist->not_applicable -= other->not_applicable;
  dist->dont_know -= other->dont_know;
  dist->blank -= other->blank;
  dist->not_shown -= other->not_shown;
  dist->valid -= other->valid;
  dist->total -= other->total;
}

/* Respondents who gave no group have no summary of their own: their slot holds NULL. */
static void
group_summary_free (TrellisSummary *summary)
{
  if (summary != NULL)
    trellis_summary_unref (summary);
}

static char *
suppression_note (GPtrArray *shares,
                  guint      min_group_size)
{
  guint too_small = 0, complementary = 0;
  g_autofree char *small_text = NULL;

  for (guint i = 0; i < shares->len; i++)
    {
      TrellisGroupShare *share = g_ptr_array_index (shares, i);

      if (share->visibility == TRELLIS_GROUP_TOO_SMALL)
        too_small++;
      else if (share->visibility == TRELLIS_GROUP_COMPLEMENTARY)
        complementary++;
    }
  if (too_small == 0)
    return NULL;

  small_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Not shown, to keep answers anonymous: %u group with fewer than %u respondents",
                                             "Not shown, to keep answers anonymous: %u groups with fewer than %u respondents",
                                             too_small),
                                too_small, min_group_size);
  if (complementary == 0)
    return g_strconcat (small_text, ".", NULL);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s, and %u more group that would let it be worked out from the total.",
                                       "%s, and %u more groups that would let them be worked out from the total.",
                                       complementary),
                          small_text, complementary);
}

struct _TrellisGroupSummaries
{
  char           *project_name;
  char           *round_label;
  guint           min_group_size;
  TrellisSummary *everyone;
  GPtrArray      *shares;          /* TrellisGroupShare */
  GPtrArray      *group_summaries; /* TrellisSummary, NULL for "Not stated", as @shares */
};

/**
 * trellis_group_summaries_new:
 * @project: the project, for its minimum group size
 * @round: the round to break down
 * @scale: (nullable): the scale, %NULL for the main one
 *
 * Summarises @round for everyone and for each respondent group once, so that every
 * section's chart of a groups comparison is drawn from the same summaries.
 *
 * Returns: (transfer full): the summaries, for trellis_chart_new_groups_from()
 */
TrellisGroupSummaries *
trellis_group_summaries_new (TrellisProject *project,
                             TrellisRound   *round,
                             TrellisScale   *scale)
{
  TrellisGroupSummaries *self;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (TRELLIS_IS_ROUND (round), NULL);

  self = g_new0 (TrellisGroupSummaries, 1);
  self->project_name = g_strdup (trellis_project_get_name (project));
  self->round_label = g_strdup (trellis_round_get_label (round));
  self->everyone = trellis_summary_new (project, round, scale, NULL);
  self->min_group_size = trellis_group_breakdown_min_size (trellis_project_get_min_group_size (project));
  self->shares = trellis_group_breakdown_new (round, self->min_group_size);
  self->group_summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) group_summary_free);
  for (guint g = 0; g < self->shares->len; g++)
    {
      TrellisGroupShare *share = g_ptr_array_index (self->shares, g);

      g_ptr_array_add (self->group_summaries, share->label != NULL
                                                ? trellis_summary_new (project, round, scale, share->label)
                                                : NULL);
    }
  return self;
}

void
trellis_group_summaries_free (TrellisGroupSummaries *self)
{
  if (self == NULL)
    return;
  g_free (self->project_name);
  g_free (self->round_label);
  trellis_summary_unref (self->everyone);
  g_ptr_array_unref (self->shares);
  g_ptr_array_unref (self->group_summaries);
  g_free (self);
}

/**
 * trellis_chart_new_groups:
 * @project: the project, for its minimum group size
 * @round: the round to break down
 * @scale: (nullable): the scale, %NULL for the main one
 * @section_id: the section to draw
 * @order: how to order the statements (by agreement of all respondents)
 *
 * One section's chart of a groups comparison; see trellis_chart_new_groups_from(),
 * which the charts of every section should share summaries through.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL when the round has no such
 *   section in use
 */
TrellisChart *
trellis_chart_new_groups (TrellisProject    *project,
                          TrellisRound      *round,
                          TrellisScale      *scale,
                          const char        *section_id,
                          TrellisChartOrder  order)
{
  g_autoptr(TrellisGroupSummaries) groups = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (TRELLIS_IS_ROUND (round), NULL);

  groups = trellis_group_summaries_new (project, round, scale);
  return trellis_chart_new_groups_from (groups, section_id, order);
}

/**
 * trellis_chart_new_groups_from:
 * @groups: the round summarised for everyone and per group
 * @section_id: the section to draw
 * @order: how to order the statements (by agreement of all respondents)
 *
 * Per statement, a bar for all respondents and one per respondent group that may be
 * shown (see trellis_group_breakdown_new()); a note says how many groups are hidden,
 * never which. Respondents who gave no group are shown as "Not stated" when there are
 * enough of them.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL when the round has no such
 *   section in use
 */
TrellisChart *
trellis_chart_new_groups_from (TrellisGroupSummaries *groups,
                               const char            *section_id,
                               TrellisChartOrder      order)
{
  TrellisSummary *everyone;
  GPtrArray *shares;
  GPtrArray *group_summaries;
  g_autofree char *respondents = NULL;
  TrellisSectionSummary *section;
  TrellisStatement *last_parent = NULL;
  TrellisChart *self;
  guint min_group_size;

  g_return_val_if_fail (groups != NULL, NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  everyone = groups->everyone;
  shares = groups->shares;
  group_summaries = groups->group_summaries;
  min_group_size = groups->min_group_size;
  section = trellis_summary_find_section (everyone, section_id);
  if (section == NULL)
    return NULL;

  self = chart_new (TRELLIS_CHART_GROUPS, order, trellis_summary_get_scale (everyone), section_id);
  self->title = section_title (section->section);
  respondents = respondents_phrase (trellis_summary_get_n_respondents (everyone));
  self->subtitle = make_subtitle (groups->project_name, groups->round_label,
                                 _("by respondent group"), respondents, order_phrase (order));
  self->note = shares->len > 0 ? suppression_note (shares, min_group_size)
                               : g_strdup (_("This round’s responses carry no respondent group."));

  for (guint i = 0; i < section->items->len; i++)
    {
      TrellisItemSummary *item = g_ptr_array_index (section->items, i);
      const char *id = trellis_statement_get_id (item->statement);
      TrellisChartRow *row = chart_add_statement_row (self, item->statement, &last_parent);
      TrellisDistribution not_stated = item->dist;

      row_add_bar (self, row, _("All respondents"), &item->dist, item->asked);
      for (guint g = 0; g < shares->len; g++)
        {
          TrellisGroupShare *share = g_ptr_array_index (shares, g);
          TrellisSummary *group_summary = g_ptr_array_index (group_summaries, g);

          if (group_summary != NULL)
            {
              TrellisItemSummary *group_item = trellis_summary_find_item (group_summary, id);

              distribution_subtract (&not_stated, &group_item->dist);
              if (share->visibility == TRELLIS_GROUP_SHOWN)
                row_add_bar (self, row, share->label, &group_item->dist, group_item->asked);
            }
        }
      /* Respondents without a group come last in the breakdown, once the named groups
       * have been taken away from everyone. */
      if (shares->len > 0)
        {
          TrellisGroupShare *last = g_ptr_array_index (shares, shares->len - 1);

          if (last->label == NULL && last->visibility == TRELLIS_GROUP_SHOWN)
            {
              trellis_distribution_finish (&not_stated);
              row_add_bar (self, row, _("Not stated"), &not_stated, item->asked);
            }
        }
    }
  chart_sort (self);
  return self;
}

TrellisChart *
trellis_chart_ref (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_chart_unref (TrellisChart *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->note);
  g_free (self->section_id);
  g_array_unref (self->rows);
  for (guint p = 0; p < self->n_points; p++)
    g_free (self->answer_labels[p]);
  g_free (self->not_applicable_label);
  g_free (self->dont_know_label);
  g_free (self);
}

TrellisChartKind
trellis_chart_get_kind (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, TRELLIS_CHART_SECTION);
  return self->kind;
}

TrellisChartOrder
trellis_chart_get_order (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, TRELLIS_CHART_ORDER_CHECKLIST);
  return self->order;
}

const char *
trellis_chart_get_title (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
trellis_chart_get_subtitle (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subtitle;
}

/**
 * trellis_chart_get_note:
 *
 * Returns: (nullable): a line under the subtitle: how to read the chart, or what the
 *   chart leaves out to keep answers anonymous
 */
const char *
trellis_chart_get_note (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->note;
}

/**
 * trellis_chart_get_section_id:
 *
 * Returns: (nullable): the section drawn, %NULL for the overview
 */
const char *
trellis_chart_get_section_id (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->section_id;
}

guint
trellis_chart_get_n_rows (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

/**
 * trellis_chart_get_row:
 *
 * Returns: (transfer none): the @row-th row in drawing order
 */
const TrellisChartRow *
trellis_chart_get_row (TrellisChart *self,
                       guint         row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, TrellisChartRow, row);
}

/**
 * trellis_chart_get_max_bars:
 *
 * Returns: the most bars any row has
 */
guint
trellis_chart_get_max_bars (TrellisChart *self)
{
  guint most = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->rows->len; i++)
    most = MAX (most, g_array_index (self->rows, TrellisChartRow, i).bars->len);
  return most;
}

/**
 * trellis_chart_row_is_lead_in:
 *
 * Returns: whether @row is the lead-in of a multi-part statement: text with no bar
 */
gboolean
trellis_chart_row_is_lead_in (const TrellisChartRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);
  return row->bars->len == 0;
}

guint
trellis_chart_get_n_points (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_points;
}

/**
 * trellis_chart_get_answer_label:
 * @answer: a point, %TRELLIS_ANSWER_NOT_APPLICABLE or %TRELLIS_ANSWER_DONT_KNOW
 *
 * Returns: (nullable): its label in the legend
 */
const char *
trellis_chart_get_answer_label (TrellisChart  *self,
                                TrellisAnswer  answer)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (answer == TRELLIS_ANSWER_NOT_APPLICABLE)
    return self->not_applicable_label;
  if (answer == TRELLIS_ANSWER_DONT_KNOW)
    return self->dont_know_label;
  if (answer >= 1 && (guint) answer <= self->n_points)
    return self->answer_labels[answer - 1];
  return NULL;
}

/**
 * trellis_chart_get_shows_missing:
 *
 * Returns: whether the chart has a Not applicable · Don't know column: the scale
 *   offers them, or someone gave them anyway
 */
gboolean
trellis_chart_get_shows_missing (TrellisChart *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->shows_missing;
}

/**
 * trellis_chart_round_percentages:
 * @values: (array length=n_values): shares that add up to about @total
 * @total: what the rounded shares must add up to
 * @rounded: (out caller-allocates) (array length=n_values): whole numbers adding up to
 *   @total, each less than one away from its value
 *
 * Rounds by largest remainder, so that printed labels add up (24 + 33 + 43 = 100, never
 * 101). When every value is zero, so is every rounded value.
 */
void
trellis_chart_round_percentages (const double *values,
                                 guint         n_values,
                                 int           total,
                                 int          *rounded)
{
  double sum = 0.0;
  int given = 0;

  g_return_if_fail (n_values == 0 || (values != NULL && rounded != NULL));

  for (guint i = 0; i < n_values; i++)
    {
      rounded[i] = (int) floor (values[i] + 1e-9);
      given += rounded[i];
      sum += values[i];
    }
  if (sum <= 0.0)
    return;

  /* Hand out what is left, one each, to the largest remainders (earlier ones first on
   * a tie); take back from the smallest if the values overshoot @total. */
  while (given != total)
    {
      int best = -1;
      double best_remainder = 0.0;

      for (guint i = 0; i < n_values; i++)
        {
          double remainder = values[i] - rounded[i];

          if (given < total ? (best < 0 || remainder > best_remainder + 1e-9)
                            : (rounded[i] > 0 && (best < 0 || remainder < best_remainder - 1e-9)))
            {
              best = i;
              best_remainder = remainder;
            }
        }
      if (best < 0)
        break;
      rounded[best] += given < total ? 1 : -1;
      given += given < total ? 1 : -1;
    }
}

/**
 * trellis_chart_round_sides:
 * @sides: (out caller-allocates): percent disagreeing, neutral and agreeing, as printed
 *
 * Rounds the three sides of @dist so that they add up to 100 (all 0 when nobody
 * answered on the scale).
 */
void
trellis_chart_round_sides (const TrellisDistribution *dist,
                           int                        sides[3])
{
  double values[3];

  g_return_if_fail (dist != NULL && sides != NULL);

  values[0] = dist->pct_disagree;
  values[1] = dist->pct_neutral;
  values[2] = dist->pct_agree;
  sides[0] = sides[1] = sides[2] = 0;
  if (dist->valid > 0)
    trellis_chart_round_percentages (values, 3, 100, sides);
}

/**
 * trellis_chart_dup_bar_summary:
 *
 * Returns: (transfer full): one bar in words, for a screen reader or a tooltip:
 *   "71% agree, 29% neutral, 0% disagree; 21 answers, 2 Not applicable, 1 Don't know"
 */
char *
trellis_chart_dup_bar_summary (TrellisChart *self,
                               guint         row,
                               guint         bar)
{
  const TrellisChartRow *chart_row;
  const TrellisChartBar *chart_bar;
  const TrellisDistribution *dist;
  g_autoptr(GString) text = g_string_new (NULL);
  int sides[3];

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  chart_row = &g_array_index (self->rows, TrellisChartRow, row);
  g_return_val_if_fail (bar < chart_row->bars->len, NULL);
  chart_bar = &g_array_index (chart_row->bars, TrellisChartBar, bar);
  dist = &chart_bar->dist;

  if (chart_bar->label != NULL)
    g_string_append_printf (text, "%s: ", chart_bar->label);
  if (!chart_bar->asked)
    {
      g_string_append (text, _("not asked in this round"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  trellis_chart_round_sides (dist, sides);
  if (dist->valid == 0)
    g_string_append (text, _("no answers on the scale"));
  else if (self->n_points % 2 == 1)
    /* TRANSLATORS: percentages of one statement's answers */
    g_string_append_printf (text, _("%d%% agree, %d%% neutral, %d%% disagree"), sides[2], sides[1], sides[0]);
  else
    g_string_append_printf (text, _("%d%% agree, %d%% disagree"), sides[2], sides[0]);

  g_string_append (text, "; ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u answer", "%u answers", dist->valid), dist->valid);
  if (dist->not_applicable > 0)
    g_string_append_printf (text, ", %u %s", dist->not_applicable, self->not_applicable_label);
  if (dist->dont_know > 0)
    g_string_append_printf (text, ", %u %s", dist->dont_know, self->dont_know_label);
  if (dist->blank > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u left blank", ", %u left blank", dist->blank),
                            dist->blank);
  if (dist->not_shown > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u not shown it", ", %u not shown it",
                                               dist->not_shown),
                            dist->not_shown);
  if (chart_bar->has_change)
    {
      int change = (int) lround (chart_bar->change_agree);

      g_string_append (text, "; ");
      if (change == 0)
        g_string_append (text, _("as many agreeing as the round before"));
      else
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%+d point agreeing since the round before",
                                                   "%+d points agreeing since the round before",
                                                   (gulong) ABS (change)),
                                change);
      if (trellis_change_is_clear (chart_bar->change))
        g_string_append (text, _(", a clear change"));
      else if (change != 0)
        g_string_append (text, _(", which could be chance"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * trellis_chart_dup_description:
 *
 * Returns: (transfer full): the whole chart in words, one line per bar, for screen
 *   readers and as the text alternative of an exported image
 */
char *
trellis_chart_dup_description (TrellisChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (text, "%s.\n%s.\n", self->title, self->subtitle);
  if (self->note != NULL)
    g_string_append_printf (text, "%s\n", self->note);
  for (guint r = 0; r < self->rows->len; r++)
    {
      const TrellisChartRow *row = &g_array_index (self->rows, TrellisChartRow, r);

      if (row->number != NULL)
        g_string_append_printf (text, "%s. ", row->number);
      if (row->lead_in != NULL)
        g_string_append_printf (text, "%s ", row->lead_in);
      g_string_append (text, row->text);
      g_string_append_c (text, '\n');
      for (guint b = 0; b < row->bars->len; b++)
        {
          g_autofree char *summary = trellis_chart_dup_bar_summary (self, r, b);
          g_string_append_printf (text, "  %s.\n", summary);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
