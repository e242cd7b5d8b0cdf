/* trellis-types.h: forward declarations and small value types shared by the core model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TrellisAction    TrellisAction;
typedef struct _TrellisChecklist TrellisChecklist;
typedef struct _TrellisNode      TrellisNode;
typedef struct _TrellisPlan      TrellisPlan;
typedef struct _TrellisProject   TrellisProject;
typedef struct _TrellisRound     TrellisRound;
typedef struct _TrellisScale     TrellisScale;
typedef struct _TrellisSection   TrellisSection;
typedef struct _TrellisStatement TrellisStatement;

/**
 * TrellisStatementKind:
 * @TRELLIS_STATEMENT_RATING: rated on every scale of the checklist
 * @TRELLIS_STATEMENT_COMMENT: a free-text comment box (one per section, usually last)
 * @TRELLIS_STATEMENT_MULTI: a lead-in ("By working together, the partnership has…")
 *   whose sub-statements are each rated; the lead-in itself is not
 */
typedef enum
{
  TRELLIS_STATEMENT_RATING,
  TRELLIS_STATEMENT_COMMENT,
  TRELLIS_STATEMENT_MULTI,
} TrellisStatementKind;

/**
 * TrellisActionStatus:
 *
 * Where an improvement-plan action stands.
 */
typedef enum
{
  TRELLIS_ACTION_NOT_STARTED,
  TRELLIS_ACTION_IN_PROGRESS,
  TRELLIS_ACTION_DONE,
  TRELLIS_ACTION_POSTPONED,
  TRELLIS_ACTION_CANCELLED,
  TRELLIS_ACTION_ON_TRACK,
  TRELLIS_ACTION_AT_RISK,
} TrellisActionStatus;

/**
 * TrellisScaleRole:
 * @TRELLIS_SCALE_ROLE_NONE: a scale of its own, usually agreement
 * @TRELLIS_SCALE_ROLE_IMPORTANCE: how important the statement is (Dudley's first rating)
 * @TRELLIS_SCALE_ROLE_EFFECTIVENESS: how effective the partnership is at it (the second)
 *
 * What a scale measures, where the results need to know: a checklist with an
 * importance and an effectiveness scale gets a priority matrix.
 */
typedef enum
{
  TRELLIS_SCALE_ROLE_NONE,
  TRELLIS_SCALE_ROLE_IMPORTANCE,
  TRELLIS_SCALE_ROLE_EFFECTIVENESS,
} TrellisScaleRole;

#define TRELLIS_ACTION_N_STATUSES (TRELLIS_ACTION_AT_RISK + 1)

/* One answer to one rated item: 1…n_points on the item's scale, or one of these.
 * Kept to one byte because a round of 10,000 respondents × 60 items is held in memory. */
typedef gint8 TrellisAnswer;

#define TRELLIS_ANSWER_BLANK          ((TrellisAnswer) 0)
#define TRELLIS_ANSWER_NOT_APPLICABLE ((TrellisAnswer) -1)
#define TRELLIS_ANSWER_DONT_KNOW      ((TrellisAnswer) -2)
/* The survey never showed the respondent the item (LimeSurvey's conditions): unlike a
 * blank, nobody chose not to answer, so it counts nowhere, not even as asked. */
#define TRELLIS_ANSWER_NOT_SHOWN      ((TrellisAnswer) -3)

#define TRELLIS_SCALE_MIN_POINTS 2
#define TRELLIS_SCALE_MAX_POINTS 11

/* The floor the design allows for the minimum group size: below it a breakdown
 * could name a person. */
#define TRELLIS_MIN_GROUP_SIZE_FLOOR   3
#define TRELLIS_MIN_GROUP_SIZE_DEFAULT 5

G_END_DECLS
