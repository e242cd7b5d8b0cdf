/* trellis-talking-points-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the round says, in a few lines a facilitator could open the workshop with: the
 * same points as the pack's second page. Each point is a button; activating it emits
 * ::point-activated with the statement's section and id, and the Charts view takes the
 * keyboard to that statement's bar. The panel folds away (a GtkExpander) for those who
 * only want the charts.
 */
#define G_LOG_DOMAIN "trellis-talking-points-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-talking-points-panel.h"

struct _TrellisTalkingPointsPanel
{
  GtkWidget    parent_instance;

  GtkExpander *expander;
  GtkBox      *list;
  guint        n_points;
};

G_DEFINE_FINAL_TYPE (TrellisTalkingPointsPanel, trellis_talking_points_panel, GTK_TYPE_WIDGET)

enum {
  POINT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
point_clicked_cb (GtkButton                 *button,
                  TrellisTalkingPointsPanel *self)
{
  g_signal_emit (self, signals[POINT_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (button), "section-id"),
                 g_object_get_data (G_OBJECT (button), "statement-id"));
}

static GtkWidget *
make_label (const char *text,
            gboolean    markup,
            const char *css_class)
{
  GtkWidget *label = markup ? gtk_label_new (NULL) : gtk_label_new (text);

  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A clear change or group difference carries the mark of the rounds charts. */
static const char *
point_mark (const TrellisTalkingPoint *point)
{
  return point->change == TRELLIS_CHANGE_MORE ? "▲ " : point->change == TRELLIS_CHANGE_FEWER ? "▼ " : "";
}

static GtkWidget *
make_point (TrellisTalkingPointsPanel *self,
            const TrellisTalkingPoint *point)
{
  const char *number = point->number != NULL ? point->number : "";
  g_autofree char *text = g_markup_escape_text (point->text, -1);
  g_autofree char *figure = g_markup_escape_text (point->figure, -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>  %s — <b>%s%s</b>", number, text, point_mark (point), figure);
  /* TRANSLATORS: what a screen reader says for a talking point; the last part says what activating it does */
  g_autofree char *spoken = g_strdup_printf (_("Statement %s: %s %s. Opens its chart."), number, point->text,
                                             point->figure);
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), make_label (markup, TRUE, NULL));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "talking-point");
  gtk_widget_set_tooltip_text (button, _("Show this statement in its chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data_full (G_OBJECT (button), "section-id", g_strdup (point->section_id), g_free);
  g_object_set_data_full (G_OBJECT (button), "statement-id", g_strdup (point->statement_id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (point_clicked_cb), self, 0);
  return button;
}

static void
add_topic (TrellisTalkingPointsPanel *self,
           const TrellisTalkingTopic *topic)
{
  /* The role is fixed at construction in GTK 4.8. */
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "label", topic->title, "xalign", 0.0f, "wrap", TRUE, NULL);

  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 8);
  gtk_box_append (self->list, heading);
  for (guint i = 0; i < topic->points->len; i++)
    {
      gtk_box_append (self->list, make_point (self, g_ptr_array_index (topic->points, i)));
      self->n_points++;
    }
  if (topic->note != NULL)
    gtk_box_append (self->list, make_label (topic->note, FALSE, "dim-label"));
}

/**
 * trellis_talking_points_panel_set_points:
 * @points: (nullable): the round's talking points; %NULL hides the panel
 */
void
trellis_talking_points_panel_set_points (TrellisTalkingPointsPanel *self,
                                         TrellisTalkingPoints      *points)
{
  GtkWidget *child;

  g_return_if_fail (TRELLIS_IS_TALKING_POINTS_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_box_remove (self->list, child);
  self->n_points = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), points != NULL);
  if (points == NULL)
    return;

  if (trellis_talking_points_get_note (points) != NULL)
    gtk_box_append (self->list, make_label (trellis_talking_points_get_note (points), FALSE, "dim-label"));
  for (guint t = 0; t < trellis_talking_points_get_n_topics (points); t++)
    add_topic (self, trellis_talking_points_get_topic (points, t));
  if (trellis_talking_points_get_previous (points) != NULL)
    gtk_box_append (self->list,
                    make_label (_("▲ or ▼: a change (or a group’s difference) too large to put down to chance. "
                                  "The others may be real, but could just as well come from who happened to answer."),
                                FALSE, "dim-label"));
}

guint
trellis_talking_points_panel_get_n_points (TrellisTalkingPointsPanel *self)
{
  g_return_val_if_fail (TRELLIS_IS_TALKING_POINTS_PANEL (self), 0);

  return self->n_points;
}

static void
trellis_talking_points_panel_dispose (GObject *object)
{
  TrellisTalkingPointsPanel *self = TRELLIS_TALKING_POINTS_PANEL (object);

  if (self->expander != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->expander));
      self->expander = NULL;
    }
  G_OBJECT_CLASS (trellis_talking_points_panel_parent_class)->dispose (object);
}

static void
trellis_talking_points_panel_class_init (TrellisTalkingPointsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_talking_points_panel_dispose;

  /**
   * TrellisTalkingPointsPanel::point-activated:
   * @section_id: the statement's section
   * @statement_id: the statement
   *
   * A talking point was clicked or activated from the keyboard.
   */
  signals[POINT_ACTIVATED] = g_signal_new ("point-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "talkingpoints");
}

static void
trellis_talking_points_panel_init (TrellisTalkingPointsPanel *self)
{
  GtkWidget *title = gtk_label_new (_("Talking Points"));

  gtk_widget_add_css_class (title, "title-3");
  self->expander = GTK_EXPANDER (gtk_expander_new (NULL));
  gtk_expander_set_label_widget (self->expander, title);
  gtk_expander_set_expanded (self->expander, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Talking Points"), -1);
  self->list = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 4);
  gtk_expander_set_child (self->expander, GTK_WIDGET (self->list));
  gtk_widget_set_parent (GTK_WIDGET (self->expander), GTK_WIDGET (self));
}

/**
 * trellis_talking_points_panel_new:
 *
 * Returns: (transfer floating): a panel without points, hidden until given some
 */
GtkWidget *
trellis_talking_points_panel_new (void)
{
  return g_object_new (TRELLIS_TYPE_TALKING_POINTS_PANEL, NULL);
}
