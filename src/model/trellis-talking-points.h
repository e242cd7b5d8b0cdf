/* trellis-talking-points.h: what a round says, picked out to open a workshop with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "trellis-change-test.h"
#include "trellis-types.h"

G_BEGIN_DECLS

/* A statement needs this many answers on the scale to be picked at all. */
#define TRELLIS_TALKING_POINTS_MIN_ANSWERS 5
/* Points per topic, and how far ties at the last place may stretch it. */
#define TRELLIS_TALKING_POINTS_PER_TOPIC 3
#define TRELLIS_TALKING_POINTS_MAX_TIED 5
/* Divided: at least this percent agree and at least this percent disagree. */
#define TRELLIS_TALKING_POINTS_DIVIDED_MIN 25.0
/* An information gap: at least this percent of those asked, and two people, said Don't know. */
#define TRELLIS_TALKING_POINTS_DONT_KNOW_MIN 10.0
#define TRELLIS_TALKING_POINTS_DONT_KNOW_PEOPLE 2

/**
 * TrellisTalkingKind:
 * @TRELLIS_TALKING_AGREE: the statements most agree with
 * @TRELLIS_TALKING_DISAGREE: the statements most disagree with
 * @TRELLIS_TALKING_DIVIDED: many agree and many disagree
 * @TRELLIS_TALKING_DONT_KNOW: many could not judge: an information gap
 * @TRELLIS_TALKING_GROUP: a respondent group answers unlike the rest
 * @TRELLIS_TALKING_CHANGE: the biggest changes since the previous round
 */
typedef enum
{
  TRELLIS_TALKING_AGREE,
  TRELLIS_TALKING_DISAGREE,
  TRELLIS_TALKING_DIVIDED,
  TRELLIS_TALKING_DONT_KNOW,
  TRELLIS_TALKING_GROUP,
  TRELLIS_TALKING_CHANGE,
} TrellisTalkingKind;

/**
 * TrellisTalkingPoint:
 * @statement_id: the statement
 * @section_id: its section, for opening its chart
 * @number: the statement's number as printed
 * @text: the statement
 * @group: (nullable): the respondent group, for %TRELLIS_TALKING_GROUP
 * @value: what the topic ranks by: % agree, % disagree, the smaller of the two (divided),
 *   % Don't know, or the difference in % agree (group minus the rest, this round minus
 *   the previous)
 * @change: for groups and changes, whether the difference clears the test
 * @tied: whether another point of the topic has the same figure
 * @figure: the figure behind the point in words, e.g. "85 % agree (17 of 20)"
 */
typedef struct
{
  char          *statement_id;
  char          *section_id;
  char          *number;
  char          *text;
  char          *group;
  double         value;
  TrellisChange  change;
  gboolean       tied;
  char          *figure;
} TrellisTalkingPoint;

/**
 * TrellisTalkingTopic:
 * @kind: what the topic picks
 * @title: its heading, e.g. "Most agreed"
 * @points: (element-type TrellisTalkingPoint): best first; may be empty
 * @note: (nullable): ties, nothing found or nothing clear, in words
 */
typedef struct
{
  TrellisTalkingKind  kind;
  char               *title;
  GPtrArray          *points;
  char               *note;
} TrellisTalkingTopic;

typedef struct _TrellisTalkingPoints TrellisTalkingPoints;

#define TRELLIS_TYPE_TALKING_POINTS (trellis_talking_points_get_type ())

GType                      trellis_talking_points_get_type (void) G_GNUC_CONST;
TrellisTalkingPoints      *trellis_talking_points_new (TrellisProject *project,
                                                       TrellisRound   *round,
                                                       TrellisRound   *previous,
                                                       TrellisScale   *scale,
                                                       guint           min_group_size);
TrellisTalkingPoints      *trellis_talking_points_ref (TrellisTalkingPoints *self);
void                       trellis_talking_points_unref (TrellisTalkingPoints *self);

guint                      trellis_talking_points_get_n_topics (TrellisTalkingPoints *self);
const TrellisTalkingTopic *trellis_talking_points_get_topic (TrellisTalkingPoints *self,
                                                             guint                 position);
const char                *trellis_talking_points_get_note (TrellisTalkingPoints *self);
TrellisRound              *trellis_talking_points_get_round (TrellisTalkingPoints *self);
TrellisRound              *trellis_talking_points_get_previous (TrellisTalkingPoints *self);
TrellisRound              *trellis_talking_points_find_previous (TrellisProject *project,
                                                                  TrellisRound   *round);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisTalkingPoints, trellis_talking_points_unref)

G_END_DECLS
