/* trellis-checklist.h: the tailored checklist: scales and ordered sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-node.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHECKLIST (trellis_checklist_get_type ())

G_DECLARE_FINAL_TYPE (TrellisChecklist, trellis_checklist, TRELLIS, CHECKLIST, TrellisNode)

TrellisChecklist *trellis_checklist_new (void);

const char       *trellis_checklist_get_title (TrellisChecklist *self);
void              trellis_checklist_set_title (TrellisChecklist *self,
                                               const char       *title);
const char       *trellis_checklist_get_description (TrellisChecklist *self);
void              trellis_checklist_set_description (TrellisChecklist *self,
                                                     const char       *description);
const char       *trellis_checklist_get_template_id (TrellisChecklist *self);
void              trellis_checklist_set_template_id (TrellisChecklist *self,
                                                     const char       *template_id);
const char       *trellis_checklist_get_template_version (TrellisChecklist *self);
void              trellis_checklist_set_template_version (TrellisChecklist *self,
                                                          const char       *version);

GListModel       *trellis_checklist_get_scales (TrellisChecklist *self);
guint             trellis_checklist_get_n_scales (TrellisChecklist *self);
TrellisScale     *trellis_checklist_get_scale (TrellisChecklist *self,
                                               guint             position);
TrellisScale     *trellis_checklist_find_scale (TrellisChecklist *self,
                                                const char       *id);
TrellisScale     *trellis_checklist_find_scale_by_role (TrellisChecklist *self,
                                                        TrellisScaleRole  role);
void              trellis_checklist_append_scale (TrellisChecklist *self,
                                                  TrellisScale     *scale);
gboolean          trellis_checklist_remove_scale (TrellisChecklist *self,
                                                  TrellisScale     *scale);

GListModel       *trellis_checklist_get_sections (TrellisChecklist *self);
guint             trellis_checklist_get_n_sections (TrellisChecklist *self);
TrellisSection   *trellis_checklist_get_section (TrellisChecklist *self,
                                                 guint             position);
void              trellis_checklist_insert_section (TrellisChecklist *self,
                                                    guint             position,
                                                    TrellisSection   *section);
void              trellis_checklist_append_section (TrellisChecklist *self,
                                                    TrellisSection   *section);
gboolean          trellis_checklist_remove_section (TrellisChecklist *self,
                                                    TrellisSection   *section);
gboolean          trellis_checklist_move_section (TrellisChecklist *self,
                                                  guint             from,
                                                  guint             to);
TrellisSection   *trellis_checklist_find_section (TrellisChecklist *self,
                                                  const char       *id);
TrellisStatement *trellis_checklist_find_statement (TrellisChecklist *self,
                                                    const char       *id);
GPtrArray        *trellis_checklist_collect_rated (TrellisChecklist *self,
                                                   gboolean          in_use_only);
char             *trellis_checklist_new_statement_id (TrellisChecklist *self);

char             *trellis_checklist_dup_item_key (TrellisChecklist *self,
                                                  TrellisStatement *statement,
                                                  TrellisScale     *scale);
gboolean          trellis_checklist_lookup_item_key (TrellisChecklist  *self,
                                                     const char        *key,
                                                     TrellisStatement **statement,
                                                     TrellisScale     **scale);
GStrv             trellis_checklist_dup_item_keys (TrellisChecklist *self,
                                                   gboolean          in_use_only);

G_END_DECLS
