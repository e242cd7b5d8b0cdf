/* trellis-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window knows its views only through this interface: adding a view is a widget
 * that implements it and a page in the window's stack (see trellis-window.c).
 */
#define G_LOG_DOMAIN "trellis-view"

#include "config.h"

#include "trellis-view.h"

G_DEFINE_INTERFACE (TrellisView, trellis_view, GTK_TYPE_WIDGET)

enum {
  SECTION_REACHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
trellis_view_real_get_needs_section (TrellisView *self)
{
  return TRUE;
}

static void
trellis_view_default_init (TrellisViewInterface *iface)
{
  iface->get_needs_section = trellis_view_real_get_needs_section;

  /**
   * TrellisView::section-reached:
   * @section_id: the id of the section the view now shows
   *
   * The view moved to another section by itself, as the charts do when scrolled.
   */
  signals[SECTION_REACHED] =
    g_signal_new ("section-reached",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

/**
 * trellis_view_show:
 * @project: (nullable): the project shown, or %NULL when none is
 * @round: (nullable): the round whose answers are shown
 * @summary: (nullable): @round's summary
 *
 * Gives the view the project as it is now. The window calls this after every change,
 * whether the view is shown or not: a view that is costly to build waits until mapped.
 */
void
trellis_view_show (TrellisView    *self,
                   TrellisProject *project,
                   TrellisRound   *round,
                   TrellisSummary *summary)
{
  g_return_if_fail (TRELLIS_IS_VIEW (self));
  g_return_if_fail (project == NULL || TRELLIS_IS_PROJECT (project));
  g_return_if_fail (round == NULL || TRELLIS_IS_ROUND (round));

  TRELLIS_VIEW_GET_IFACE (self)->show (self, project, round, summary);
}

/**
 * trellis_view_show_section:
 * @section: (nullable): the section chosen in the sidebar
 *
 * Shows @section, or the place of its chart.
 */
void
trellis_view_show_section (TrellisView    *self,
                           TrellisSection *section)
{
  g_return_if_fail (TRELLIS_IS_VIEW (self));
  g_return_if_fail (section == NULL || TRELLIS_IS_SECTION (section));

  TRELLIS_VIEW_GET_IFACE (self)->show_section (self, section);
}

/**
 * trellis_view_get_needs_section:
 *
 * Returns: whether the view shows one section, and so has nothing to show without one
 */
gboolean
trellis_view_get_needs_section (TrellisView *self)
{
  g_return_val_if_fail (TRELLIS_IS_VIEW (self), FALSE);

  return TRELLIS_VIEW_GET_IFACE (self)->get_needs_section (self);
}

/**
 * trellis_view_section_reached:
 * @section_id: the id of the section now shown
 *
 * For implementations: emits #TrellisView::section-reached.
 */
void
trellis_view_section_reached (TrellisView *self,
                              const char  *section_id)
{
  g_return_if_fail (TRELLIS_IS_VIEW (self));
  g_return_if_fail (section_id != NULL);

  g_signal_emit (self, signals[SECTION_REACHED], 0, section_id);
}
