/* trellis-plan-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-plan-query"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-checklist.h"
#include "trellis-plan-query.h"
#include "trellis-section.h"
#include "trellis-statement.h"
#include "trellis-summary.h"
#include "trellis-timescale.h"

void
trellis_plan_filter_init (TrellisPlanFilter *filter)
{
  g_return_if_fail (filter != NULL);

  *filter = (TrellisPlanFilter) { .status = -1 };
}

gboolean
trellis_plan_filter_is_empty (const TrellisPlanFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return (filter->area == NULL || *filter->area == '\0')
         && (filter->responsible == NULL || *filter->responsible == '\0')
         && filter->status < 0 && !filter->overdue_only;
}

/* Folded for matching and sorting: "Café" finds "cafe", "Ą" sorts by "a". */
static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", NULL);

  return g_utf8_casefold (ascii, -1);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded_haystack = NULL, *folded_needle = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  folded_haystack = fold (haystack);
  folded_needle = fold (needle);
  return strstr (folded_haystack, folded_needle) != NULL;
}

/**
 * trellis_action_is_overdue:
 * @today: the day to measure against
 *
 * Returns: whether the action's timescale has passed and it is neither done nor cancelled
 */
gboolean
trellis_action_is_overdue (TrellisAction *action,
                           const GDate   *today)
{
  TrellisActionStatus status;

  g_return_val_if_fail (TRELLIS_IS_ACTION (action), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  status = trellis_action_get_status (action);
  if (status == TRELLIS_ACTION_DONE || status == TRELLIS_ACTION_CANCELLED)
    return FALSE;
  return trellis_timescale_is_past (trellis_action_get_due (action), today);
}

gboolean
trellis_plan_filter_matches (const TrellisPlanFilter *filter,
                             TrellisAction           *action)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (TRELLIS_IS_ACTION (action), FALSE);

  if (!contains_folded (trellis_action_get_area (action), filter->area))
    return FALSE;
  if (!contains_folded (trellis_action_get_responsible (action), filter->responsible))
    return FALSE;
  if (filter->status >= 0 && trellis_action_get_status (action) != (TrellisActionStatus) filter->status)
    return FALSE;
  if (filter->overdue_only && (filter->today == NULL || !trellis_action_is_overdue (action, filter->today)))
    return FALSE;
  return TRUE;
}

/* What needs the workshop's attention first. */
static int
status_rank (TrellisActionStatus status)
{
  static const int ranks[TRELLIS_ACTION_N_STATUSES] = {
    [TRELLIS_ACTION_AT_RISK] = 0,
    [TRELLIS_ACTION_NOT_STARTED] = 1,
    [TRELLIS_ACTION_IN_PROGRESS] = 2,
    [TRELLIS_ACTION_ON_TRACK] = 3,
    [TRELLIS_ACTION_POSTPONED] = 4,
    [TRELLIS_ACTION_DONE] = 5,
    [TRELLIS_ACTION_CANCELLED] = 6,
  };

  return status < TRELLIS_ACTION_N_STATUSES ? ranks[status] : 7;
}

/* Empty text sorts last, whatever the order. */
static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *fa = NULL, *fb = NULL;
  gboolean empty_a = a == NULL || *a == '\0', empty_b = b == NULL || *b == '\0';

  if (empty_a || empty_b)
    return empty_a - empty_b;
  fa = fold (a);
  fb = fold (b);
  return g_utf8_collate (fa, fb);
}

static int
compare_due (TrellisAction *a,
             TrellisAction *b)
{
  TrellisTimescaleKind kind_a, kind_b;
  GDate end_a, end_b;
  gboolean has_a, has_b;

  has_a = trellis_timescale_parse (trellis_action_get_due (a), &kind_a, &end_a, NULL)
          && kind_a != TRELLIS_TIMESCALE_NONE;
  has_b = trellis_timescale_parse (trellis_action_get_due (b), &kind_b, &end_b, NULL)
          && kind_b != TRELLIS_TIMESCALE_NONE;
  if (!has_a || !has_b)
    return !has_a - !has_b;
  return g_date_compare (&end_a, &end_b);
}

/**
 * trellis_plan_compare:
 *
 * Returns: how @a and @b sort; ties are left to the caller (a stable sort keeps the
 *   plan's own order among them)
 */
int
trellis_plan_compare (TrellisPlanSort  sort,
                      TrellisAction   *a,
                      TrellisAction   *b)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (a) && TRELLIS_IS_ACTION (b), 0);

  switch (sort)
    {
    case TRELLIS_PLAN_SORT_PLAN:
      return 0;
    case TRELLIS_PLAN_SORT_AREA:
      return compare_text (trellis_action_get_area (a), trellis_action_get_area (b));
    case TRELLIS_PLAN_SORT_RESPONSIBLE:
      return compare_text (trellis_action_get_responsible (a), trellis_action_get_responsible (b));
    case TRELLIS_PLAN_SORT_STATUS:
      return status_rank (trellis_action_get_status (a)) - status_rank (trellis_action_get_status (b));
    case TRELLIS_PLAN_SORT_DUE:
      return compare_due (a, b);
    default:
      g_return_val_if_reached (0);
    }
}

static int
compare_in_array (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return trellis_plan_compare (GPOINTER_TO_INT (user_data), *(TrellisAction **) a, *(TrellisAction **) b);
}

/**
 * trellis_plan_query:
 * @filter: (nullable): which actions; %NULL for all
 *
 * Returns: (transfer container) (element-type TrellisAction): the actions that pass
 *   @filter, in @sort's order (the plan's own order among equals)
 */
GPtrArray *
trellis_plan_query (TrellisPlan             *plan,
                    TrellisPlanSort          sort,
                    const TrellisPlanFilter *filter)
{
  GPtrArray *actions;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_PLAN (plan), NULL);

  actions = g_ptr_array_new_with_free_func (g_object_unref);
  n = trellis_plan_get_n_actions (plan);
  for (guint i = 0; i < n; i++)
    {
      TrellisAction *action = trellis_plan_get_action (plan, i);

      if (filter == NULL || trellis_plan_filter_matches (filter, action))
        g_ptr_array_add (actions, g_object_ref (action));
    }
  /* g_qsort_with_data is a stable merge sort. */
  g_qsort_with_data (actions->pdata, actions->len, sizeof (gpointer), compare_in_array, GINT_TO_POINTER (sort));
  return actions;
}

/**
 * trellis_plan_get_responsible_names:
 * @names: (element-type utf8): receives each name used in the plan once, in plan order
 *
 * The names to complete from when typing who is responsible.
 */
void
trellis_plan_get_responsible_names (TrellisPlan *plan,
                                    GPtrArray   *names)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  g_return_if_fail (TRELLIS_IS_PLAN (plan));
  g_return_if_fail (names != NULL);

  n = trellis_plan_get_n_actions (plan);
  for (guint i = 0; i < n; i++)
    {
      const char *name = trellis_action_get_responsible (trellis_plan_get_action (plan, i));
      g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
      g_autofree char *key = g_utf8_casefold (stripped, -1);

      /* "Chair" and "chair " are one person. */
      if (*stripped == '\0' || g_hash_table_contains (seen, key))
        continue;
      g_ptr_array_add (names, g_steal_pointer (&stripped));
      g_hash_table_add (seen, g_steal_pointer (&key));
    }
}

/* Summaries are costly to build: one per round, shared by every action. */
struct _TrellisPlanFollowUp
{
  TrellisProject *project;
  GHashTable     *summaries;  /* TrellisRound* → TrellisSummary* */
};

/**
 * trellis_plan_follow_up_new:
 *
 * Returns: (transfer full): a follow-up of @project's plan against its latest round
 */
TrellisPlanFollowUp *
trellis_plan_follow_up_new (TrellisProject *project)
{
  TrellisPlanFollowUp *self;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);

  self = g_new0 (TrellisPlanFollowUp, 1);
  self->project = g_object_ref (project);
  self->summaries = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                           (GDestroyNotify) trellis_summary_unref);
  return self;
}

void
trellis_plan_follow_up_free (TrellisPlanFollowUp *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_unref (self->summaries);
  g_object_unref (self->project);
  g_free (self);
}

static TrellisSummary *
summary_for (TrellisPlanFollowUp *self,
             TrellisRound        *round)
{
  TrellisSummary *summary = g_hash_table_lookup (self->summaries, round);

  if (summary == NULL)
    {
      summary = trellis_summary_new (self->project, round, NULL, NULL);
      g_hash_table_insert (self->summaries, round, summary);
    }
  return summary;
}

/**
 * trellis_action_dup_linked_statement_ids:
 *
 * Every statement @action answers: those of its linked sections, as the checklist has
 * them now, then those linked one by one, each once.
 *
 * Returns: (transfer full): statement ids
 */
GStrv
trellis_action_dup_linked_statement_ids (TrellisAction    *action,
                                         TrellisChecklist *checklist)
{
  const char * const *section_ids = trellis_action_get_section_ids (action);
  const char * const *statement_ids = trellis_action_get_statement_ids (action);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TRELLIS_IS_ACTION (action), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (checklist), NULL);

  for (guint i = 0; section_ids[i] != NULL; i++)
    {
      TrellisSection *section = trellis_checklist_find_section (checklist, section_ids[i]);
      guint n = section != NULL ? trellis_section_get_n_statements (section) : 0;

      for (guint j = 0; j < n; j++)
        {
          const char *id = trellis_statement_get_id (trellis_section_get_statement (section, j));

          if (g_hash_table_add (seen, (gpointer) id))
            g_strv_builder_add (builder, id);
        }
    }
  for (guint i = 0; statement_ids[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) statement_ids[i]))
      g_strv_builder_add (builder, statement_ids[i]);
  return g_strv_builder_end (builder);
}

static void
append_section_names (GString            *out,
                      TrellisChecklist   *checklist,
                      const char * const *section_ids)
{
  for (guint i = 0; section_ids[i] != NULL; i++)
    {
      TrellisSection *section = trellis_checklist_find_section (checklist, section_ids[i]);
      const char *name;

      if (section == NULL)
        continue;
      name = trellis_section_get_code (section);
      if (name == NULL)
        name = trellis_section_get_title (section) != NULL ? trellis_section_get_title (section) : section_ids[i];
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
    }
}

static void
append_statement_numbers (GString            *out,
                          TrellisChecklist   *checklist,
                          const char * const *statement_ids)
{
  for (guint i = 0; statement_ids[i] != NULL; i++)
    {
      TrellisStatement *statement = trellis_checklist_find_statement (checklist, statement_ids[i]);
      const char *number = statement != NULL ? trellis_statement_get_number (statement) : NULL;

      if (number == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, number);
    }
}

/**
 * trellis_action_dup_links_label:
 * @numbers_only: the bare numbers ("C; 7, 9"), for a column headed "Statements"
 *
 * What @action is linked to, in words: "Statements 7, 9", "Section C",
 * "Sections C, D; statements 7, 9".
 *
 * Returns: (transfer full) (nullable): the label, or %NULL when it is linked to nothing
 *   the checklist still has
 */
char *
trellis_action_dup_links_label (TrellisAction    *action,
                                TrellisChecklist *checklist,
                                gboolean          numbers_only)
{
  g_autoptr(GString) sections = g_string_new (NULL);
  g_autoptr(GString) numbers = g_string_new (NULL);
  guint n_sections;

  g_return_val_if_fail (TRELLIS_IS_ACTION (action), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (checklist), NULL);

  append_section_names (sections, checklist, trellis_action_get_section_ids (action));
  append_statement_numbers (numbers, checklist, trellis_action_get_statement_ids (action));
  if (sections->len == 0 && numbers->len == 0)
    return NULL;
  if (numbers_only)
    return g_strdup_printf ("%s%s%s", sections->str, sections->len > 0 && numbers->len > 0 ? "; " : "", numbers->str);
  n_sections = g_strv_length ((char **) trellis_action_get_section_ids (action));
  if (sections->len == 0)
    /* TRANSLATORS: the checklist statements an improvement action answers, "Statements 7, 9" */
    return g_strdup_printf (_("Statements %s"), numbers->str);
  if (numbers->len == 0)
    /* TRANSLATORS: the whole checklist sections an improvement action answers, "Section C" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Section %s", "Sections %s", n_sections), sections->str);
  /* TRANSLATORS: sections and single statements an improvement action answers, "Section C; statements 7, 9" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Section %s; statements %s", "Sections %s; statements %s",
                                       n_sections),
                          sections->str, numbers->str);
}

/* The linked statements' answers pooled, so that a statement many answered weighs more
 * than one few did; only statements with answers in both rounds count. A linked section
 * counts as all its statements: their combined % agree. */
static guint
pool_linked (TrellisPlanFollowUp  *self,
             TrellisAction        *action,
             TrellisRound         *since,
             TrellisRound         *latest,
             TrellisDistribution  *before,
             TrellisDistribution  *now)
{
  g_auto(GStrv) ids = trellis_action_dup_linked_statement_ids (action, trellis_project_get_checklist (self->project));
  TrellisSummary *summary_before = summary_for (self, since);
  TrellisSummary *summary_now = summary_for (self, latest);
  guint n = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      TrellisItemSummary *a = trellis_summary_find_item (summary_before, ids[i]);
      TrellisItemSummary *b = trellis_summary_find_item (summary_now, ids[i]);

      if (a == NULL || b == NULL || a->dist.valid == 0 || b->dist.valid == 0
          || a->dist.n_points != b->dist.n_points)
        continue;
      if (n == 0)
        {
          trellis_distribution_init (before, a->dist.n_points);
          trellis_distribution_init (now, b->dist.n_points);
        }
      else if (before->n_points != a->dist.n_points)
        continue;
      trellis_distribution_merge (before, &a->dist);
      trellis_distribution_merge (now, &b->dist);
      n++;
    }
  return n;
}

/**
 * trellis_plan_follow_up_get:
 * @result: (out caller-allocates): how agreement moved
 *
 * How agreement with @action's linked statements changed from the round it was agreed
 * after to the latest round.
 *
 * Returns: whether there is anything to show: the action names a round, a later round
 *   exists, and a linked statement was answered in both
 */
gboolean
trellis_plan_follow_up_get (TrellisPlanFollowUp   *self,
                            TrellisAction         *action,
                            TrellisActionFollowUp *result)
{
  TrellisRound *since, *latest;
  TrellisDistribution before, now;
  const char *round_id;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (TRELLIS_IS_ACTION (action), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  round_id = trellis_action_get_round_id (action);
  since = round_id != NULL ? trellis_project_find_round (self->project, round_id) : NULL;
  latest = trellis_project_get_latest_round (self->project);
  if (since == NULL || latest == NULL || since == latest)
    return FALSE;

  n = pool_linked (self, action, since, latest, &before, &now);
  if (n == 0)
    return FALSE;
  trellis_distribution_finish (&before);
  trellis_distribution_finish (&now);
  result->since = since;
  result->latest = latest;
  result->agree_before = before.pct_agree;
  result->agree_now = now.pct_agree;
  result->change = now.pct_agree - before.pct_agree;
  result->n_statements = n;
  return TRUE;
}

/**
 * trellis_action_follow_up_format:
 * @with_rounds: name the rounds compared
 *
 * Returns: (transfer full): "↑ 12 points", "↓ 5 points since Spring 2026", "→ no change"
 */
char *
trellis_action_follow_up_format (const TrellisActionFollowUp *follow_up,
                                 gboolean                     with_rounds)
{
  int points;
  g_autofree char *change = NULL;

  g_return_val_if_fail (follow_up != NULL, NULL);

  points = (int) lround (follow_up->change);
  if (points == 0)
    change = g_strdup (_("→ no change"));
  else
    /* TRANSLATORS: how many percentage points more (↑) or fewer (↓) partners agree now */
    change = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %d point", "%s %d points", ABS (points)),
                              points > 0 ? "↑" : "↓", ABS (points));
  if (!with_rounds)
    return g_steal_pointer (&change);
  /* TRANSLATORS: "↑ 12 points since Spring 2026 (45% → 57% agree)" */
  return g_strdup_printf (_("%s since %s (%.0f%% → %.0f%% agree)"), change,
                          trellis_round_get_label (follow_up->since),
                          follow_up->agree_before, follow_up->agree_now);
}
