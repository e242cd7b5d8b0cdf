/* trellis-scale.h: an answer scale (n labelled points plus Not Applicable and Don't Know)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-node.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SCALE (trellis_scale_get_type ())

G_DECLARE_FINAL_TYPE (TrellisScale, trellis_scale, TRELLIS, SCALE, TrellisNode)

TrellisScale *trellis_scale_new (const char *id,
                                 guint       n_points);
TrellisScale *trellis_scale_new_agreement (void);

const char   *trellis_scale_get_id (TrellisScale *self);
const char   *trellis_scale_get_title (TrellisScale *self);
void          trellis_scale_set_title (TrellisScale *self,
                                       const char   *title);
guint         trellis_scale_get_n_points (TrellisScale *self);
void          trellis_scale_set_n_points (TrellisScale *self,
                                          guint         n_points);
const char   *trellis_scale_get_point_label (TrellisScale *self,
                                             guint         point);
void          trellis_scale_set_point_label (TrellisScale *self,
                                             guint         point,
                                             const char   *label);
const char   *trellis_scale_get_na_label (TrellisScale *self);
void          trellis_scale_set_na_label (TrellisScale *self,
                                          const char   *label);
const char   *trellis_scale_get_dk_label (TrellisScale *self);
void          trellis_scale_set_dk_label (TrellisScale *self,
                                          const char   *label);
gboolean      trellis_scale_get_allow_na (TrellisScale *self);
void          trellis_scale_set_allow_na (TrellisScale *self,
                                          gboolean      allow);
gboolean      trellis_scale_get_allow_dk (TrellisScale *self);
void          trellis_scale_set_allow_dk (TrellisScale *self,
                                          gboolean      allow);

const char   *trellis_scale_get_answer_label (TrellisScale *self,
                                              TrellisAnswer answer);
guint         trellis_scale_get_neutral (TrellisScale *self);
gboolean      trellis_scale_is_valid_answer (TrellisScale *self,
                                             TrellisAnswer answer);
gboolean      trellis_scale_is_agreeing (TrellisScale *self,
                                         TrellisAnswer answer);
gboolean      trellis_scale_is_disagreeing (TrellisScale *self,
                                            TrellisAnswer answer);

TrellisScaleRole trellis_scale_get_role (TrellisScale *self);
void          trellis_scale_set_role (TrellisScale     *self,
                                      TrellisScaleRole  role);
const char   *trellis_scale_role_to_string (TrellisScaleRole role);
gboolean      trellis_scale_role_from_string (const char       *text,
                                              TrellisScaleRole *role);

G_END_DECLS
