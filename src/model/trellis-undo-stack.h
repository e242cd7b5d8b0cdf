/* trellis-undo-stack.h: edits the user can take back and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_UNDO_STACK (trellis_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (TrellisUndoStack, trellis_undo_stack, TRELLIS, UNDO_STACK, GObject)

/* Applies (redo) or reverts (undo) one edit; @data is the edit's own state. */
typedef void (*TrellisUndoFunc) (gpointer data);

TrellisUndoStack *trellis_undo_stack_new (void);

void              trellis_undo_stack_push (TrellisUndoStack *self,
                                           const char       *label,
                                           TrellisUndoFunc   undo,
                                           TrellisUndoFunc   redo,
                                           gpointer          data,
                                           GDestroyNotify    destroy);
void              trellis_undo_stack_push_property (TrellisUndoStack *self,
                                                    const char       *label,
                                                    GObject          *object,
                                                    const char       *property,
                                                    const GValue     *old_value);
void              trellis_undo_stack_seal (TrellisUndoStack *self);
void              trellis_undo_stack_apply (TrellisUndoStack *self,
                                            const char       *label,
                                            TrellisUndoFunc   undo,
                                            TrellisUndoFunc   redo,
                                            gpointer          data,
                                            GDestroyNotify    destroy);
void              trellis_undo_stack_set_property (TrellisUndoStack *self,
                                                   const char       *label,
                                                   GObject          *object,
                                                   const char       *property,
                                                   const GValue     *value);
gboolean          trellis_undo_stack_undo (TrellisUndoStack *self);
gboolean          trellis_undo_stack_redo (TrellisUndoStack *self);
gboolean          trellis_undo_stack_get_can_undo (TrellisUndoStack *self);
gboolean          trellis_undo_stack_get_can_redo (TrellisUndoStack *self);
const char       *trellis_undo_stack_get_undo_label (TrellisUndoStack *self);
const char       *trellis_undo_stack_get_redo_label (TrellisUndoStack *self);
void              trellis_undo_stack_clear (TrellisUndoStack *self);
void              trellis_undo_stack_set_clean (TrellisUndoStack *self);
gboolean          trellis_undo_stack_get_is_clean (TrellisUndoStack *self);
gboolean          trellis_undo_stack_get_applying (TrellisUndoStack *self);

G_END_DECLS
