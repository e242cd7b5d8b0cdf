/* trellis-project.h: one partnership: its checklist, survey rounds and improvement plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-node.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PROJECT (trellis_project_get_type ())

G_DECLARE_FINAL_TYPE (TrellisProject, trellis_project, TRELLIS, PROJECT, TrellisNode)

TrellisProject   *trellis_project_new (void);

const char       *trellis_project_get_name (TrellisProject *self);
void              trellis_project_set_name (TrellisProject *self,
                                            const char     *name);
const char       *trellis_project_get_description (TrellisProject *self);
void              trellis_project_set_description (TrellisProject *self,
                                                   const char     *description);
guint             trellis_project_get_min_group_size (TrellisProject *self);
void              trellis_project_set_min_group_size (TrellisProject *self,
                                                      guint           size);
const char * const *trellis_project_get_redact_names (TrellisProject *self);
void              trellis_project_set_redact_names (TrellisProject     *self,
                                                    const char * const *names);

TrellisChecklist *trellis_project_get_checklist (TrellisProject *self);
void              trellis_project_set_checklist (TrellisProject   *self,
                                                 TrellisChecklist *checklist);
TrellisPlan      *trellis_project_get_plan (TrellisProject *self);

GListModel       *trellis_project_get_rounds (TrellisProject *self);
guint             trellis_project_get_n_rounds (TrellisProject *self);
TrellisRound     *trellis_project_get_round (TrellisProject *self,
                                             guint           position);
void              trellis_project_append_round (TrellisProject *self,
                                                TrellisRound   *round);
gboolean          trellis_project_remove_round (TrellisProject *self,
                                                TrellisRound   *round);
GPtrArray        *trellis_project_dup_rounds_answering (TrellisProject   *self,
                                                        TrellisStatement *statement);
TrellisRound     *trellis_project_find_round (TrellisProject *self,
                                              const char     *id);
TrellisRound     *trellis_project_find_round_by_label (TrellisProject *self,
                                                       const char     *label);
TrellisRound     *trellis_project_get_latest_round (TrellisProject *self);
char             *trellis_project_new_round_id (TrellisProject *self);

G_END_DECLS
