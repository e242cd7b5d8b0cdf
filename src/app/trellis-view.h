/* trellis-view.h: what the window asks of each of its views (responses, statements, charts…)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_VIEW (trellis_view_get_type ())

G_DECLARE_INTERFACE (TrellisView, trellis_view, TRELLIS, VIEW, GtkWidget)

/**
 * TrellisViewInterface:
 * @show: the project as it is now, with the chosen round and its summary (each
 *   %NULL when there is none); called after every change, shown or not
 * @show_section: the section chosen in the sidebar (%NULL for none); called when the
 *   choice changes while the view is shown, and when the view is shown
 * @get_needs_section: whether the view is about one section; without one (an empty
 *   checklist) the window shows a page saying so in its place. %TRUE by default
 *
 * A view of the project that the window hosts in its stack, beside the section
 * sidebar. A view that moves through sections by itself (the charts, as they scroll)
 * emits #TrellisView::section-reached so that the sidebar follows.
 */
struct _TrellisViewInterface
{
  GTypeInterface parent_iface;

  void     (*show)              (TrellisView    *self,
                                 TrellisProject *project,
                                 TrellisRound   *round,
                                 TrellisSummary *summary);
  void     (*show_section)      (TrellisView    *self,
                                 TrellisSection *section);
  gboolean (*get_needs_section) (TrellisView    *self);
};

void     trellis_view_show (TrellisView    *self,
                            TrellisProject *project,
                            TrellisRound   *round,
                            TrellisSummary *summary);
void     trellis_view_show_section (TrellisView    *self,
                                    TrellisSection *section);
gboolean trellis_view_get_needs_section (TrellisView *self);
void     trellis_view_section_reached (TrellisView *self,
                                       const char  *section_id);

G_END_DECLS
