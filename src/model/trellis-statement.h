/* trellis-statement.h: one checklist statement with its guidance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-markup.h"
#include "trellis-node.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STATEMENT (trellis_statement_get_type ())

G_DECLARE_FINAL_TYPE (TrellisStatement, trellis_statement, TRELLIS, STATEMENT, TrellisNode)

TrellisStatement     *trellis_statement_new (const char           *id,
                                             TrellisStatementKind  kind);

const char           *trellis_statement_get_id (TrellisStatement *self);
TrellisStatementKind  trellis_statement_get_kind (TrellisStatement *self);
void                  trellis_statement_set_kind (TrellisStatement     *self,
                                                  TrellisStatementKind  kind);
const char           *trellis_statement_get_number (TrellisStatement *self);
void                  trellis_statement_set_number (TrellisStatement *self,
                                                    const char       *number);
const char           *trellis_statement_get_text (TrellisStatement *self);
void                  trellis_statement_set_text (TrellisStatement *self,
                                                  const char       *text);
const char           *trellis_statement_get_text_markup (TrellisStatement *self);
void                  trellis_statement_set_text_markup (TrellisStatement *self,
                                                         const char       *markup);
const TrellisTextSpan *trellis_statement_get_emphasis (TrellisStatement *self,
                                                      guint            *n_spans);
gboolean              trellis_statement_get_included (TrellisStatement *self);
void                  trellis_statement_set_included (TrellisStatement *self,
                                                      gboolean          included);
const char           *trellis_statement_get_questions (TrellisStatement *self);
void                  trellis_statement_set_questions (TrellisStatement *self,
                                                       const char       *questions);
const char           *trellis_statement_get_best_case (TrellisStatement *self);
void                  trellis_statement_set_best_case (TrellisStatement *self,
                                                       const char       *best_case);
const char           *trellis_statement_get_worst_case (TrellisStatement *self);
void                  trellis_statement_set_worst_case (TrellisStatement *self,
                                                        const char       *worst_case);
const char           *trellis_statement_get_note (TrellisStatement *self);
void                  trellis_statement_set_note (TrellisStatement *self,
                                                  const char       *note);

GListModel           *trellis_statement_get_children (TrellisStatement *self);
guint                 trellis_statement_get_n_children (TrellisStatement *self);
TrellisStatement     *trellis_statement_get_child (TrellisStatement *self,
                                                   guint             position);
void                  trellis_statement_insert_child (TrellisStatement *self,
                                                      guint             position,
                                                      TrellisStatement *child);
void                  trellis_statement_append_child (TrellisStatement *self,
                                                      TrellisStatement *child);
gboolean              trellis_statement_remove_child (TrellisStatement *self,
                                                      TrellisStatement *child);
gboolean              trellis_statement_move_child (TrellisStatement *self,
                                                    guint             from,
                                                    guint             to);

TrellisStatement     *trellis_statement_get_parent_statement (TrellisStatement *self);
gboolean              trellis_statement_is_rated (TrellisStatement *self);
gboolean              trellis_statement_is_in_use (TrellisStatement *self);
char                 *trellis_statement_dup_label (TrellisStatement *self);

G_END_DECLS
