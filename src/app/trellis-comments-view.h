/* trellis-comments-view.h: every section's comments for the chosen round, to read, mark
 * and redact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_COMMENTS_VIEW (trellis_comments_view_get_type ())

G_DECLARE_FINAL_TYPE (TrellisCommentsView, trellis_comments_view, TRELLIS, COMMENTS_VIEW, GtkWidget)

GtkWidget *trellis_comments_view_new (void);
void       trellis_comments_view_set_undo_stack (TrellisCommentsView *self,
                                                 TrellisUndoStack    *undo);
gboolean   trellis_comments_view_get_key_comments_only (TrellisCommentsView *self);

char      *trellis_redaction_markup (const char *text,
                                     GArray     *found);
char      *trellis_redaction_describe (const guint n_found[3],
                                       guint       n_comments);

G_END_DECLS
