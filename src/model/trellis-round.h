/* trellis-round.h: one survey round: its anonymous responses and detached comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-node.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ROUND (trellis_round_get_type ())

G_DECLARE_FINAL_TYPE (TrellisRound, trellis_round, TRELLIS, ROUND, TrellisNode)

/**
 * TrellisColumnRole:
 * @TRELLIS_COLUMN_IGNORED: read past; nothing kept
 * @TRELLIS_COLUMN_ITEM: answers to one rated item (target: the item key)
 * @TRELLIS_COLUMN_COMMENT: comments for a section (target: the section id)
 * @TRELLIS_COLUMN_GROUP: the respondent's group (sector, partner organisation)
 * @TRELLIS_COLUMN_IDENTIFYING: identifies a person; dropped, never stored
 * @TRELLIS_COLUMN_METADATA: the survey tool's bookkeeping (timestamps, status)
 * @TRELLIS_COLUMN_COMPLETION: says whether the response was finished
 *
 * What a column of a survey export holds, as the facilitator confirmed it.
 */
typedef enum
{
  TRELLIS_COLUMN_IGNORED,
  TRELLIS_COLUMN_ITEM,
  TRELLIS_COLUMN_COMMENT,
  TRELLIS_COLUMN_GROUP,
  TRELLIS_COLUMN_IDENTIFYING,
  TRELLIS_COLUMN_METADATA,
  TRELLIS_COLUMN_COMPLETION,
} TrellisColumnRole;

/**
 * TrellisCommentFlags:
 * @TRELLIS_COMMENT_NONE: an ordinary comment
 * @TRELLIS_COMMENT_KEY: the facilitator marked it as a key comment (the pack can print
 *   key comments only)
 * @TRELLIS_COMMENT_HIDDEN: kept in the file but never printed
 *
 * What the facilitator marked a comment as.
 */
typedef enum /*< flags >*/
{
  TRELLIS_COMMENT_NONE   = 0,
  TRELLIS_COMMENT_KEY    = 1 << 0,
  TRELLIS_COMMENT_HIDDEN = 1 << 1,
} TrellisCommentFlags;

#define TRELLIS_COMMENT_ALL_FLAGS (TRELLIS_COMMENT_KEY | TRELLIS_COMMENT_HIDDEN)

/**
 * TrellisColumnRule:
 * @header: the column's header as the export wrote it
 * @role: what the column holds
 * @target: (nullable): the item key or section id for items and comments
 *
 * One line of a confirmed column mapping, kept with the round so that the next round's
 * export of the same survey imports without questions.
 */
typedef struct
{
  char              *header;
  TrellisColumnRole  role;
  char              *target;
} TrellisColumnRule;

/**
 * TrellisValueRule:
 * @text: an answer as the export wrote it ("Agree somewhat")
 * @answer: what the facilitator said it means
 */
typedef struct
{
  char          *text;
  TrellisAnswer  answer;
} TrellisValueRule;

GType              trellis_column_rule_get_type (void) G_GNUC_CONST;
TrellisColumnRule *trellis_column_rule_new (const char        *header,
                                            TrellisColumnRole  role,
                                            const char        *target);
TrellisColumnRule *trellis_column_rule_copy (const TrellisColumnRule *rule);
void               trellis_column_rule_free (TrellisColumnRule *rule);

GType              trellis_value_rule_get_type (void) G_GNUC_CONST;
TrellisValueRule  *trellis_value_rule_new (const char    *text,
                                           TrellisAnswer  answer);
TrellisValueRule  *trellis_value_rule_copy (const TrellisValueRule *rule);
void               trellis_value_rule_free (TrellisValueRule *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisColumnRule, trellis_column_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisValueRule, trellis_value_rule_free)

TrellisRound        *trellis_round_new (const char *id);

const char          *trellis_round_get_id (TrellisRound *self);
const char          *trellis_round_get_label (TrellisRound *self);
void                 trellis_round_set_label (TrellisRound *self,
                                              const char   *label);
const char          *trellis_round_get_date (TrellisRound *self);
char                *trellis_date_format_long (const char *iso_date);
gboolean             trellis_round_set_date (TrellisRound *self,
                                             const char   *iso_date);
const char          *trellis_round_get_source (TrellisRound *self);
void                 trellis_round_set_source (TrellisRound *self,
                                               const char   *source);
guint                trellis_round_get_n_excluded (TrellisRound *self);
void                 trellis_round_set_n_excluded (TrellisRound *self,
                                                   guint         n_excluded);

/* Responses: a table of answers, one row per respondent, one column per rated item. */
gboolean             trellis_round_set_items (TrellisRound       *self,
                                              const char * const *item_keys);
guint                trellis_round_get_n_items (TrellisRound *self);
const char          *trellis_round_get_item (TrellisRound *self,
                                             guint         item);
int                  trellis_round_find_item (TrellisRound *self,
                                              const char   *item_key);
guint                trellis_round_add_response (TrellisRound        *self,
                                                 const TrellisAnswer *answers,
                                                 const char          *group);
guint                trellis_round_get_n_responses (TrellisRound *self);
const TrellisAnswer *trellis_round_get_response (TrellisRound *self,
                                                 guint         response);
TrellisAnswer        trellis_round_get_answer (TrellisRound *self,
                                               guint         response,
                                               guint         item);
const char          *trellis_round_get_response_group (TrellisRound *self,
                                                       guint         response);
guint                trellis_round_get_n_groups (TrellisRound *self);
const char          *trellis_round_get_group (TrellisRound *self,
                                              guint         group);
guint                trellis_round_count_group (TrellisRound *self,
                                                const char   *group);

/* Whole-round passes (summaries, saving, loading) without a call per answer. */
const TrellisAnswer *trellis_round_get_answer_table (TrellisRound *self);
const guint16       *trellis_round_get_response_group_indices (TrellisRound *self);
int                  trellis_round_find_group (TrellisRound *self,
                                               const char   *group);
void                 trellis_round_take_responses (TrellisRound        *self,
                                                   GByteArray          *answers,
                                                   guint                n_responses,
                                                   const char * const  *group_names,
                                                   guint                n_group_names,
                                                   const guint32       *response_groups);

/* Comments: per section, in the order stored, attached to no response. */
void                 trellis_round_add_comment (TrellisRound *self,
                                                const char   *section_id,
                                                const char   *text);
void                 trellis_round_add_comment_full (TrellisRound        *self,
                                                     const char          *section_id,
                                                     const char          *text,
                                                     TrellisCommentFlags  flags);
void                 trellis_round_take_comments (TrellisRound *self,
                                                  const char   *section_id,
                                                  char        **texts,
                                                  const guint8 *flags,
                                                  guint         n_comments);
void                 trellis_round_take_comment_block (TrellisRound *self,
                                                       const char   *section_id,
                                                       char         *block,
                                                       gsize         size,
                                                       const gsize  *offsets,
                                                       const guint8 *flags,
                                                       guint         n_comments);
TrellisCommentFlags  trellis_round_get_comment_flags (TrellisRound *self,
                                                      const char   *section_id,
                                                      guint         index);
void                 trellis_round_set_comment_flags (TrellisRound        *self,
                                                      const char          *section_id,
                                                      guint                index,
                                                      TrellisCommentFlags  flags);
void                 trellis_round_set_comment_text (TrellisRound *self,
                                                     const char   *section_id,
                                                     guint         index,
                                                     const char   *text);
GPtrArray           *trellis_round_get_comments (TrellisRound *self,
                                                 const char   *section_id);
guint                trellis_round_get_n_comments (TrellisRound *self);
GPtrArray           *trellis_round_get_comment_sections (TrellisRound *self);

/* The confirmed mapping of the export this round came from. */
GPtrArray           *trellis_round_get_column_rules (TrellisRound *self);
void                 trellis_round_add_column_rule (TrellisRound            *self,
                                                    const TrellisColumnRule *rule);
GPtrArray           *trellis_round_get_value_rules (TrellisRound *self);
void                 trellis_round_add_value_rule (TrellisRound           *self,
                                                   const TrellisValueRule *rule);

/* The wording of each statement when this round answered it. */
gboolean             trellis_round_answers_statement (TrellisRound     *self,
                                                      TrellisStatement *statement);
const char          *trellis_round_get_statement_wording (TrellisRound *self,
                                                          const char   *statement_id);
void                 trellis_round_set_statement_wording (TrellisRound *self,
                                                          const char   *statement_id,
                                                          const char   *markup);
void                 trellis_round_record_wordings (TrellisRound     *self,
                                                    TrellisChecklist *checklist);
GStrv                trellis_round_dup_worded_statement_ids (TrellisRound *self);
gboolean             trellis_round_get_wording_changed (TrellisRound     *self,
                                                        TrellisStatement *statement);

G_END_DECLS
