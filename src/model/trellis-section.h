/* trellis-section.h: an ordered group of statements ("Section B - Informed by Evidence")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-node.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SECTION (trellis_section_get_type ())

G_DECLARE_FINAL_TYPE (TrellisSection, trellis_section, TRELLIS, SECTION, TrellisNode)

TrellisSection   *trellis_section_new (const char *id);

const char       *trellis_section_get_id (TrellisSection *self);
const char       *trellis_section_get_code (TrellisSection *self);
void              trellis_section_set_code (TrellisSection *self,
                                            const char     *code);
const char       *trellis_section_get_title (TrellisSection *self);
void              trellis_section_set_title (TrellisSection *self,
                                             const char     *title);
const char       *trellis_section_get_description (TrellisSection *self);
void              trellis_section_set_description (TrellisSection *self,
                                                   const char     *description);
gboolean          trellis_section_get_included (TrellisSection *self);
void              trellis_section_set_included (TrellisSection *self,
                                                gboolean        included);
char             *trellis_section_dup_label (TrellisSection *self);

GListModel       *trellis_section_get_statements (TrellisSection *self);
guint             trellis_section_get_n_statements (TrellisSection *self);
TrellisStatement *trellis_section_get_statement (TrellisSection *self,
                                                 guint           position);
void              trellis_section_insert_statement (TrellisSection   *self,
                                                    guint             position,
                                                    TrellisStatement *statement);
void              trellis_section_append_statement (TrellisSection   *self,
                                                    TrellisStatement *statement);
gboolean          trellis_section_remove_statement (TrellisSection   *self,
                                                    TrellisStatement *statement);
gboolean          trellis_section_move_statement (TrellisSection *self,
                                                  guint           from,
                                                  guint           to);
TrellisStatement *trellis_section_find_statement (TrellisSection *self,
                                                  const char     *id);
GPtrArray        *trellis_section_collect_rated (TrellisSection *self,
                                                 gboolean        in_use_only);
TrellisStatement *trellis_section_get_comment_statement (TrellisSection *self);

/* The section holding a statement or its lead-in: asked of the section type, which
 * knows what a section is, so that statements need not. */
TrellisSection   *trellis_statement_get_section (TrellisStatement *statement);

G_END_DECLS
