/* trellis-view-slot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a view from its template costs the window's first frame even when the view is
 * hidden: the statements, charts, plan and comments views are hundreds of widgets each.
 * A slot stands in the window's stack in their place, as a TrellisView that remembers
 * what it was told (the project, round and summary, the section), and makes its view when
 * it is first mapped or first asked for (an action aimed at the view, printing with the
 * charts' options), telling it all that at once. The window learns of the new view from
 * ::built, before the view is told the project, to hand it what it hands views at start.
 */
#define G_LOG_DOMAIN "trellis-view-slot"

#include "config.h"

#include "trellis-view-slot.h"

struct _TrellisViewSlot
{
  GtkWidget       parent_instance;

  GType           view_type;
  TrellisView    *view;               /* NULL until built */

  /* What the view is to be told once it is built. */
  TrellisProject *project;
  TrellisRound   *round;
  TrellisSummary *summary;
  TrellisSection *section;
};

static void trellis_view_slot_view_init (TrellisViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisViewSlot, trellis_view_slot, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (TRELLIS_TYPE_VIEW, trellis_view_slot_view_init))

enum {
  PROP_0,
  PROP_VIEW_TYPE,
  N_PROPS
};

enum {
  BUILT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
forget_state (TrellisViewSlot *self)
{
  g_clear_object (&self->project);
  g_clear_object (&self->round);
  g_clear_pointer (&self->summary, trellis_summary_unref);
  g_clear_object (&self->section);
}

static void
view_section_reached_cb (TrellisViewSlot *self,
                         const char      *section_id)
{
  trellis_view_section_reached (TRELLIS_VIEW (self), section_id);
}

/* Makes the view and tells it what the slot was told; the slot keeps nothing after. */
static void
build (TrellisViewSlot *self)
{
  GtkWidget *view = g_object_new (self->view_type, NULL);

  gtk_widget_set_parent (view, GTK_WIDGET (self));
  self->view = TRELLIS_VIEW (view);
  g_signal_connect_object (view, "section-reached", G_CALLBACK (view_section_reached_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_emit (self, signals[BUILT], 0, view);
  trellis_view_show (self->view, self->project, self->round, self->summary);
  if (self->section != NULL)
    trellis_view_show_section (self->view, self->section);
  forget_state (self);
}

static void
trellis_view_slot_show (TrellisView    *view,
                        TrellisProject *project,
                        TrellisRound   *round,
                        TrellisSummary *summary)
{
  TrellisViewSlot *self = TRELLIS_VIEW_SLOT (view);

  if (self->view != NULL)
    {
      trellis_view_show (self->view, project, round, summary);
      return;
    }
  g_set_object (&self->project, project);
  g_set_object (&self->round, round);
  if (summary != NULL)
    trellis_summary_ref (summary);
  g_clear_pointer (&self->summary, trellis_summary_unref);
  self->summary = summary;
}

static void
trellis_view_slot_show_section (TrellisView    *view,
                                TrellisSection *section)
{
  TrellisViewSlot *self = TRELLIS_VIEW_SLOT (view);

  if (self->view != NULL)
    trellis_view_show_section (self->view, section);
  else
    g_set_object (&self->section, section);
}

/* Asked only of the view about to be shown: it is built now rather than at its map. */
static gboolean
trellis_view_slot_get_needs_section (TrellisView *view)
{
  return trellis_view_get_needs_section (trellis_view_slot_get_view (TRELLIS_VIEW_SLOT (view)));
}

static void
trellis_view_slot_view_init (TrellisViewInterface *iface)
{
  iface->show = trellis_view_slot_show;
  iface->show_section = trellis_view_slot_show_section;
  iface->get_needs_section = trellis_view_slot_get_needs_section;
}

/* Shown some way other than through the window's own switching (a test, the stack's
 * own page switching): built before it is mapped, so nothing empty is ever drawn. */
static void
trellis_view_slot_map (GtkWidget *widget)
{
  trellis_view_slot_get_view (TRELLIS_VIEW_SLOT (widget));
  GTK_WIDGET_CLASS (trellis_view_slot_parent_class)->map (widget);
}

static void
trellis_view_slot_dispose (GObject *object)
{
  TrellisViewSlot *self = TRELLIS_VIEW_SLOT (object);

  if (self->view != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->view));
  self->view = NULL;
  forget_state (self);

  G_OBJECT_CLASS (trellis_view_slot_parent_class)->dispose (object);
}

static void
trellis_view_slot_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrellisViewSlot *self = TRELLIS_VIEW_SLOT (object);

  switch (prop_id)
    {
    case PROP_VIEW_TYPE:
      g_value_set_gtype (value, self->view_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_view_slot_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TrellisViewSlot *self = TRELLIS_VIEW_SLOT (object);

  switch (prop_id)
    {
    case PROP_VIEW_TYPE:
      self->view_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_view_slot_class_init (TrellisViewSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_view_slot_dispose;
  object_class->get_property = trellis_view_slot_get_property;
  object_class->set_property = trellis_view_slot_set_property;
  widget_class->map = trellis_view_slot_map;

  /**
   * TrellisViewSlot:view-type:
   *
   * The type of the view, a #GtkWidget that implements #TrellisView.
   */
  properties[PROP_VIEW_TYPE] =
    g_param_spec_gtype ("view-type", NULL, NULL,
                        TRELLIS_TYPE_VIEW,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisViewSlot::built:
   * @view: the view just made
   *
   * The view was made; it is told the project and the section right after.
   */
  signals[BUILT] =
    g_signal_new ("built",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TRELLIS_TYPE_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
trellis_view_slot_init (TrellisViewSlot *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/**
 * trellis_view_slot_new:
 * @view_type: a #GtkWidget type that implements #TrellisView
 */
GtkWidget *
trellis_view_slot_new (GType view_type)
{
  g_return_val_if_fail (g_type_is_a (view_type, TRELLIS_TYPE_VIEW), NULL);
  return g_object_new (TRELLIS_TYPE_VIEW_SLOT, "view-type", view_type, NULL);
}

GType
trellis_view_slot_get_view_type (TrellisViewSlot *self)
{
  g_return_val_if_fail (TRELLIS_IS_VIEW_SLOT (self), G_TYPE_INVALID);
  return self->view_type;
}

/**
 * trellis_view_slot_get_view:
 *
 * Returns: (transfer none): the view, built now if it was not yet
 */
TrellisView *
trellis_view_slot_get_view (TrellisViewSlot *self)
{
  g_return_val_if_fail (TRELLIS_IS_VIEW_SLOT (self), NULL);
  g_return_val_if_fail (self->view_type != G_TYPE_INVALID, NULL);

  if (self->view == NULL)
    build (self);
  return self->view;
}

/**
 * trellis_view_slot_peek_view:
 *
 * Returns: (transfer none) (nullable): the view, or %NULL while it is not built
 */
TrellisView *
trellis_view_slot_peek_view (TrellisViewSlot *self)
{
  g_return_val_if_fail (TRELLIS_IS_VIEW_SLOT (self), NULL);
  return self->view;
}
