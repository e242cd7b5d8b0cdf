/* trellis-summary.h: a round's results, statement by statement and section by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "trellis-stats.h"
#include "trellis-types.h"

G_BEGIN_DECLS

/**
 * TrellisItemSummary:
 * @statement: the rated statement
 * @scale: the scale it was rated on
 * @item_key: the item's key in the round
 * @asked: whether the round's export carried this item at all
 * @dist: the answers
 */
typedef struct
{
  TrellisStatement    *statement;
  TrellisScale        *scale;
  char                *item_key;
  gboolean             asked;
  TrellisDistribution  dist;
} TrellisItemSummary;

/**
 * TrellisSectionSummary:
 * @section: the section
 * @items: (element-type TrellisItemSummary): its rated statements in use, in checklist order
 * @pooled: every answer to every item of the section together
 * @n_comments: comments the round holds for the section
 */
typedef struct
{
  TrellisSection      *section;
  GPtrArray           *items;
  TrellisDistribution  pooled;
  guint                n_comments;
} TrellisSectionSummary;

typedef struct _TrellisSummary TrellisSummary;

#define TRELLIS_TYPE_SUMMARY (trellis_summary_get_type ())

GType                  trellis_summary_get_type (void) G_GNUC_CONST;
TrellisSummary        *trellis_summary_new (TrellisProject *project,
                                            TrellisRound   *round,
                                            TrellisScale   *scale,
                                            const char     *group);
TrellisSummary        *trellis_summary_ref (TrellisSummary *self);
void                   trellis_summary_unref (TrellisSummary *self);

TrellisProject        *trellis_summary_get_project (TrellisSummary *self);
TrellisRound          *trellis_summary_get_round (TrellisSummary *self);
TrellisScale          *trellis_summary_get_scale (TrellisSummary *self);
const char            *trellis_summary_get_group (TrellisSummary *self);
guint                  trellis_summary_get_n_respondents (TrellisSummary *self);
guint                  trellis_summary_get_n_sections (TrellisSummary *self);
TrellisSectionSummary *trellis_summary_get_section (TrellisSummary *self,
                                                    guint           position);
TrellisSectionSummary *trellis_summary_find_section (TrellisSummary *self,
                                                     const char     *section_id);
TrellisItemSummary    *trellis_summary_find_item (TrellisSummary *self,
                                                  const char     *statement_id);
const TrellisDistribution *trellis_summary_get_overall (TrellisSummary *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSummary, trellis_summary_unref)

G_END_DECLS
