/* trellis-action.h: one improvement-plan action agreed in the workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-node.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ACTION (trellis_action_get_type ())

G_DECLARE_FINAL_TYPE (TrellisAction, trellis_action, TRELLIS, ACTION, TrellisNode)

TrellisAction       *trellis_action_new (const char *id);

const char          *trellis_action_get_id (TrellisAction *self);
const char          *trellis_action_get_area (TrellisAction *self);
void                 trellis_action_set_area (TrellisAction *self,
                                              const char    *area);
const char          *trellis_action_get_text (TrellisAction *self);
void                 trellis_action_set_text (TrellisAction *self,
                                              const char    *text);
const char          *trellis_action_get_responsible (TrellisAction *self);
void                 trellis_action_set_responsible (TrellisAction *self,
                                                     const char    *responsible);
const char          *trellis_action_get_due (TrellisAction *self);
void                 trellis_action_set_due (TrellisAction *self,
                                             const char    *due);
TrellisActionStatus  trellis_action_get_status (TrellisAction *self);
void                 trellis_action_set_status (TrellisAction       *self,
                                                TrellisActionStatus  status);
const char          *trellis_action_get_notes (TrellisAction *self);
void                 trellis_action_set_notes (TrellisAction *self,
                                               const char    *notes);
const char          *trellis_action_get_round_id (TrellisAction *self);
void                 trellis_action_set_round_id (TrellisAction *self,
                                                  const char    *round_id);
const char * const  *trellis_action_get_statement_ids (TrellisAction *self);
void                 trellis_action_set_statement_ids (TrellisAction      *self,
                                                       const char * const *statement_ids);
const char * const  *trellis_action_get_section_ids (TrellisAction *self);
void                 trellis_action_set_section_ids (TrellisAction      *self,
                                                     const char * const *section_ids);

const char          *trellis_action_status_to_string (TrellisActionStatus status);
gboolean             trellis_action_status_from_string (const char          *text,
                                                        TrellisActionStatus *status);
const char          *trellis_action_status_get_label (TrellisActionStatus status);

G_END_DECLS
