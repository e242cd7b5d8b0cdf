/* trellis-plan-query.h: sorting and filtering the plan, and following actions up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-action.h"
#include "trellis-plan.h"
#include "trellis-project.h"
#include "trellis-round.h"

G_BEGIN_DECLS

/**
 * TrellisPlanSort:
 * @TRELLIS_PLAN_SORT_PLAN: the order the workshop agreed
 * @TRELLIS_PLAN_SORT_AREA: by area for improvement, A to Z
 * @TRELLIS_PLAN_SORT_RESPONSIBLE: by who is responsible, A to Z
 * @TRELLIS_PLAN_SORT_STATUS: what needs attention first: at risk, not started, on track…
 * @TRELLIS_PLAN_SORT_DUE: soonest first; no date or an unreadable one last
 */
typedef enum
{
  TRELLIS_PLAN_SORT_PLAN,
  TRELLIS_PLAN_SORT_AREA,
  TRELLIS_PLAN_SORT_RESPONSIBLE,
  TRELLIS_PLAN_SORT_STATUS,
  TRELLIS_PLAN_SORT_DUE,
} TrellisPlanSort;

/**
 * TrellisPlanFilter:
 * @area: (nullable): text the area must contain (case and accents aside)
 * @responsible: (nullable): text the person responsible must contain
 * @status: a status the action must have, or -1 for any
 * @overdue_only: only actions whose timescale is past and that are not done or cancelled
 * @today: the day "overdue" is measured against; needed with @overdue_only
 */
typedef struct
{
  const char  *area;
  const char  *responsible;
  int          status;
  gboolean     overdue_only;
  const GDate *today;
} TrellisPlanFilter;

/**
 * TrellisActionFollowUp:
 * @since: the round the action was agreed after
 * @latest: the latest round
 * @agree_before: % agreeing with its linked statements in @since
 * @agree_now: % agreeing with them in @latest
 * @change: @agree_now − @agree_before, in percentage points
 * @n_statements: the linked statements answered in both rounds
 */
typedef struct
{
  TrellisRound *since;
  TrellisRound *latest;
  double        agree_before;
  double        agree_now;
  double        change;
  guint         n_statements;
} TrellisActionFollowUp;

typedef struct _TrellisPlanFollowUp TrellisPlanFollowUp;

void       trellis_plan_filter_init (TrellisPlanFilter *filter);
gboolean   trellis_plan_filter_is_empty (const TrellisPlanFilter *filter);
gboolean   trellis_plan_filter_matches (const TrellisPlanFilter *filter,
                                        TrellisAction           *action);
int        trellis_plan_compare (TrellisPlanSort  sort,
                                 TrellisAction   *a,
                                 TrellisAction   *b);
GPtrArray *trellis_plan_query (TrellisPlan             *plan,
                               TrellisPlanSort          sort,
                               const TrellisPlanFilter *filter);
gboolean   trellis_action_is_overdue (TrellisAction *action,
                                      const GDate   *today);
void       trellis_plan_get_responsible_names (TrellisPlan *plan,
                                               GPtrArray   *names);
GStrv      trellis_action_dup_linked_statement_ids (TrellisAction    *action,
                                                    TrellisChecklist *checklist);
char      *trellis_action_dup_links_label (TrellisAction    *action,
                                           TrellisChecklist *checklist,
                                           gboolean          numbers_only);

TrellisPlanFollowUp *trellis_plan_follow_up_new (TrellisProject *project);
void                 trellis_plan_follow_up_free (TrellisPlanFollowUp *self);
gboolean             trellis_plan_follow_up_get (TrellisPlanFollowUp   *self,
                                                 TrellisAction         *action,
                                                 TrellisActionFollowUp *result);
char                *trellis_action_follow_up_format (const TrellisActionFollowUp *follow_up,
                                                      gboolean                     with_rounds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisPlanFollowUp, trellis_plan_follow_up_free)

G_END_DECLS
