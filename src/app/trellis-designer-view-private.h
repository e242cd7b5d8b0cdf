/* trellis-designer-view-private.h: what the designer's rows ask of their view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-designer-view.h"

G_BEGIN_DECLS

/* Where a dragged item would land, shown on the row under the pointer. */
typedef enum
{
  TRELLIS_DROP_NONE,
  TRELLIS_DROP_BEFORE,
  TRELLIS_DROP_AFTER,
  TRELLIS_DROP_INTO,
  TRELLIS_DROP_REFUSED,
} TrellisDropMark;

TrellisUndoStack *_trellis_designer_view_get_stack (TrellisDesignerView *self);
TrellisProject   *_trellis_designer_view_get_project (TrellisDesignerView *self);
void              _trellis_designer_view_seal (TrellisDesignerView *self);

void              _trellis_designer_view_show_message (TrellisDesignerView *self,
                                                       const char          *message);
void              _trellis_designer_view_show_error (TrellisDesignerView *self,
                                                     const GError        *error);

void              _trellis_designer_view_register_row (TrellisDesignerView *self,
                                                       gpointer             node,
                                                       GtkWidget           *row);
void              _trellis_designer_view_unregister_row (TrellisDesignerView *self,
                                                         gpointer             node,
                                                         GtkWidget           *row);
void              _trellis_designer_view_focus_node (TrellisDesignerView *self,
                                                     gpointer             node,
                                                     gboolean             text);
void              _trellis_designer_view_set_current (TrellisDesignerView *self,
                                                      TrellisStatement    *statement);
void              _trellis_designer_view_show_guidance (TrellisDesignerView *self,
                                                        TrellisStatement    *statement);

GtkWidget        *_trellis_designer_view_create_statement_row (gpointer item,
                                                               gpointer view);
void              _trellis_designer_view_mark_drop (TrellisDesignerView *self,
                                                    GtkWidget           *widget,
                                                    TrellisDropMark      mark);
void              _trellis_designer_view_drag_ended (TrellisDesignerView *self);

/* The keyboard's moves, shared by the rows and the tests. */
void              _trellis_designer_view_move_statement_by (TrellisDesignerView *self,
                                                            TrellisStatement    *statement,
                                                            int                  delta);
void              _trellis_designer_view_move_to_section (TrellisDesignerView *self,
                                                          TrellisStatement    *statement,
                                                          TrellisSection      *section);
void              _trellis_designer_view_drop_statement (TrellisDesignerView *self,
                                                         TrellisStatement    *statement,
                                                         TrellisNode         *container,
                                                         guint                index);
GMenuModel       *_trellis_designer_view_build_section_menu (TrellisDesignerView *self,
                                                             TrellisSection      *except);

G_END_DECLS
