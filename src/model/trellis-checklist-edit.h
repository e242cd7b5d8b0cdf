/* trellis-checklist-edit.h: the coordinator's edits of a checklist, each one step of undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-types.h"
#include "trellis-undo-stack.h"

G_BEGIN_DECLS

#define TRELLIS_EDIT_ERROR (trellis_edit_error_quark ())

/**
 * TrellisEditError:
 * @TRELLIS_EDIT_ERROR_INVALID_PLACE: the statement cannot go there (a comment box into a
 *   multi-part item, a second comment box into a section)
 * @TRELLIS_EDIT_ERROR_ANSWERED: a round holds answers that the edit would orphan or
 *   change the meaning of
 * @TRELLIS_EDIT_ERROR_INVALID_KIND: the statement cannot take that kind where it is
 */
typedef enum
{
  TRELLIS_EDIT_ERROR_INVALID_PLACE,
  TRELLIS_EDIT_ERROR_ANSWERED,
  TRELLIS_EDIT_ERROR_INVALID_KIND,
} TrellisEditError;

GQuark            trellis_edit_error_quark (void);

TrellisRound     *trellis_checklist_edit_find_answering_round (TrellisProject *project,
                                                               TrellisNode    *node);

gboolean          trellis_checklist_edit_check_move (TrellisStatement  *statement,
                                                     TrellisNode       *container,
                                                     GError           **error);
gboolean          trellis_checklist_edit_move_statement (TrellisUndoStack  *stack,
                                                         TrellisStatement  *statement,
                                                         TrellisNode       *container,
                                                         guint              position,
                                                         GError           **error);
gboolean          trellis_checklist_edit_move_section (TrellisUndoStack *stack,
                                                       TrellisChecklist *checklist,
                                                       TrellisSection   *section,
                                                       guint             position);

void              trellis_checklist_edit_set_included (TrellisUndoStack *stack,
                                                       TrellisNode      *node,
                                                       gboolean          included);
void              trellis_checklist_edit_set_string (TrellisUndoStack *stack,
                                                     const char       *label,
                                                     GObject          *object,
                                                     const char       *property,
                                                     const char       *value);

TrellisStatement *trellis_checklist_edit_add_statement (TrellisUndoStack      *stack,
                                                        TrellisChecklist      *checklist,
                                                        TrellisNode           *container,
                                                        guint                  position,
                                                        TrellisStatementKind   kind,
                                                        const char            *text,
                                                        GError               **error);
TrellisSection   *trellis_checklist_edit_add_section (TrellisUndoStack *stack,
                                                      TrellisChecklist *checklist,
                                                      guint             position,
                                                      const char       *title);
gboolean          trellis_checklist_edit_delete (TrellisUndoStack  *stack,
                                                 TrellisProject    *project,
                                                 TrellisNode       *node,
                                                 GError           **error);

gboolean          trellis_checklist_edit_set_kind (TrellisUndoStack      *stack,
                                                   TrellisProject        *project,
                                                   TrellisStatement      *statement,
                                                   TrellisStatementKind   kind,
                                                   GError               **error);

gboolean          trellis_checklist_edit_scale_is_answered (TrellisProject *project,
                                                            TrellisScale   *scale);
gboolean          trellis_checklist_edit_set_scale (TrellisUndoStack    *stack,
                                                    TrellisProject      *project,
                                                    TrellisScale        *scale,
                                                    guint                n_points,
                                                    const char * const  *point_labels,
                                                    gboolean             allow_na,
                                                    gboolean             allow_dk,
                                                    GError             **error);

gboolean          trellis_checklist_edit_renumber (TrellisUndoStack *stack,
                                                   TrellisChecklist *checklist);

G_END_DECLS
