/* trellis-comment-edit.h: undoable edits of a round's comments: marks and redaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-redact.h"
#include "trellis-round.h"
#include "trellis-undo-stack.h"

G_BEGIN_DECLS

void  trellis_comment_edit_set_flags (TrellisRound        *round,
                                      TrellisUndoStack    *undo,
                                      const char          *section_id,
                                      guint                index,
                                      TrellisCommentFlags  flags);
guint trellis_comment_edit_redact (TrellisRound       *round,
                                   TrellisUndoStack   *undo,
                                   TrellisRedactor    *redactor,
                                   const char * const *section_ids,
                                   guint              *n_found);

G_END_DECLS
