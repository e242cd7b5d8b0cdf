/* trellis-charts-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All of a round's charts in one scrolling column, the overview first, each section's
 * chart under a heading of its own: a facilitator scrolls through them, or picks a
 * section in the sidebar to jump to its chart. What the page draws is what the
 * workshop pack prints: both come from trellis_report_build_charts() with the same
 * options.
 */
#define G_LOG_DOMAIN "trellis-charts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-chart-view.h"
#include "trellis-charts-page-private.h"
#include "trellis-status-page.h"
#include "trellis-talking-points-panel.h"

/* A section counts as the one being looked at once its heading is this far up the
 * visible part of the page. */
#define CURRENT_SECTION_LINE 0.3
/* Frames to wait for a new chart to get its size before giving up scrolling to it. */
#define MAX_SCROLL_TICKS 60

typedef struct
{
  char             *section_id;
  GtkWidget        *box;
  GtkLabel         *title;
  GtkLabel         *subtitle;
  GtkLabel         *note;
  TrellisChartView *view;
} Card;

struct _TrellisChartsPage
{
  GtkWidget             parent_instance;

  TrellisProject       *project;
  TrellisRound         *round;
  TrellisReportCompare  compare;
  TrellisChartOrder     order;
  TrellisChartPalette   palette;
  gboolean              guidance;
  gboolean              dirty;

  GPtrArray            *cards;
  char                 *current_section;
  TrellisChartView     *readout_source;
  gboolean              scroll_pending;
  char                 *scroll_section;
  guint                 scroll_ticks;
  guint                 scroll_tick_id;

  GSimpleActionGroup   *actions;

  GtkMenuButton        *compare_button;
  GtkLabel             *compare_label;
  GtkMenuButton        *order_button;
  GtkLabel             *order_label;
  GtkMenuButton        *style_button;
  GtkLabel             *style_label;
  GMenu                *compare_menu;
  GtkWidget            *toolbar;
  GtkWidget            *toolbar_separator;
  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  GtkWidget            *column;
  TrellisTalkingPointsPanel *talking_points;
  GtkBox               *chart_box;
  GtkLabel             *readout_label;
};

static void trellis_charts_page_view_init (TrellisViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisChartsPage, trellis_charts_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (TRELLIS_TYPE_VIEW, trellis_charts_page_view_init))

enum {
  PROP_0,
  PROP_COMPARE,
  PROP_ORDER,
  PROP_STYLE,
  PROP_GUIDANCE,
  PROP_CURRENT_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names the settings and the command line use for each choice. */
static const char * const compare_names[] = {
  [TRELLIS_REPORT_COMPARE_NONE] = "none",
  [TRELLIS_REPORT_COMPARE_ROUNDS] = "rounds",
  [TRELLIS_REPORT_COMPARE_GROUPS] = "groups",
};
static const char * const order_names[] = {
  [TRELLIS_CHART_ORDER_CHECKLIST] = "checklist",
  [TRELLIS_CHART_ORDER_AGREEMENT] = "agreement",
};
static const char * const style_names[] = {
  [TRELLIS_CHART_PALETTE_COLOUR] = "colour",
  [TRELLIS_CHART_PALETTE_GREYSCALE] = "greyscale",
};

static void
card_free (Card *card)
{
  g_free (card->section_id);
  g_free (card);
}

/*****/

static gboolean
has_earlier_round (TrellisChartsPage *self)
{
  return self->project != NULL && self->round != NULL
         && trellis_project_get_n_rounds (self->project) > 1
         && trellis_project_get_round (self->project, 0) != self->round;
}

static gboolean
has_groups (TrellisChartsPage *self)
{
  return self->round != NULL && trellis_round_get_n_groups (self->round) > 0;
}

static gboolean
compare_available (TrellisChartsPage    *self,
                   TrellisReportCompare  compare)
{
  switch (compare)
    {
    case TRELLIS_REPORT_COMPARE_ROUNDS:
      return has_earlier_round (self);
    case TRELLIS_REPORT_COMPARE_GROUPS:
      return has_groups (self);
    case TRELLIS_REPORT_COMPARE_NONE:
    default:
      return TRUE;
    }
}

/* What the charts compare: what the facilitator chose, unless this round cannot (the
 * choice is kept for rounds that can). */
static TrellisReportCompare
effective_compare (TrellisChartsPage *self)
{
  return compare_available (self, self->compare) ? self->compare : TRELLIS_REPORT_COMPARE_NONE;
}

static const char *
compare_title (TrellisReportCompare compare)
{
  switch (compare)
    {
    case TRELLIS_REPORT_COMPARE_ROUNDS:
      return _("Previous Rounds");
    case TRELLIS_REPORT_COMPARE_GROUPS:
      return _("Respondent Groups");
    case TRELLIS_REPORT_COMPARE_NONE:
    default:
      return C_("compare", "None");
    }
}

/* A choice the round does not allow stays in the menu, greyed out (its action is one
 * that is always disabled), saying why. */
static void
update_compare_menu (TrellisChartsPage *self)
{
  const char *tooltip;

  g_menu_remove_all (self->compare_menu);
  for (TrellisReportCompare compare = TRELLIS_REPORT_COMPARE_NONE; compare <= TRELLIS_REPORT_COMPARE_GROUPS; compare++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (compare_available (self, compare))
        {
          item = g_menu_item_new (compare_title (compare), NULL);
          g_menu_item_set_action_and_target_value (item, "charts.compare", g_variant_new_string (compare_names[compare]));
        }
      else
        {
          item = g_menu_item_new (compare == TRELLIS_REPORT_COMPARE_ROUNDS
                                    ? _("Previous Rounds (this is the first survey round)")
                                    : _("Respondent Groups (this round’s responses have none)"),
                                  NULL);
          g_menu_item_set_action_and_target_value (item, "charts.unavailable",
                                                   g_variant_new_string (compare_names[compare]));
        }
      g_menu_append_item (self->compare_menu, item);
    }

  if (!has_earlier_round (self) && !has_groups (self))
    tooltip = _("Nothing to compare yet: this is the first survey round, and its responses carry no respondent groups");
  else if (!has_earlier_round (self))
    tooltip = _("Compare respondent groups; rounds can be compared once a later survey round is imported");
  else if (!has_groups (self))
    tooltip = _("Compare with the survey rounds before this one; this round’s responses carry no respondent groups");
  else
    tooltip = _("Compare with the survey rounds before this one, or between respondent groups");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_button), tooltip);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button), has_earlier_round (self) || has_groups (self));
}

/* Named with its choice, so that a screen reader says what it sets and to what; the
 * button inside that takes the focus is labelled by it. */
static void
label_choice_button (GtkMenuButton *button,
                     GtkLabel      *value_label,
                     const char    *title,
                     const char    *value)
{
  g_autofree char *name = g_strdup_printf ("%s: %s", title, value);

  gtk_label_set_label (value_label, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
set_action_state (TrellisChartsPage *self,
                  const char        *name,
                  const char        *state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (state));
}

static void
update_choices (TrellisChartsPage *self)
{
  TrellisReportCompare compare = effective_compare (self);

  update_compare_menu (self);
  set_action_state (self, "compare", compare_names[compare]);
  set_action_state (self, "order", order_names[self->order]);
  set_action_state (self, "style", style_names[self->palette]);

  label_choice_button (self->compare_button, self->compare_label, _("Compare"), compare_title (compare));
  label_choice_button (self->order_button, self->order_label, _("Order"),
                       self->order == TRELLIS_CHART_ORDER_AGREEMENT ? _("By Agreement") : _("Checklist Order"));
  label_choice_button (self->style_button, self->style_label, _("Style"),
                       self->palette == TRELLIS_CHART_PALETTE_GREYSCALE ? _("Greyscale") : _("Colour"));
}

/*****/

static void
show_readout (TrellisChartsPage *self,
              const char        *readout)
{
  if (readout != NULL)
    {
      gtk_label_set_label (self->readout_label, readout);
      gtk_widget_remove_css_class (GTK_WIDGET (self->readout_label), "dim-label");
      return;
    }
  gtk_label_set_label (self->readout_label,
                       _("Point at a bar to see its exact counts, or click a chart and use the arrow keys."));
  gtk_widget_add_css_class (GTK_WIDGET (self->readout_label), "dim-label");
}

/* One line under the charts says what the pointer or the keyboard is on. The chart
 * that spoke last has it until it falls silent. */
static void
view_readout_cb (TrellisChartsPage *self,
                 GParamSpec        *pspec,
                 TrellisChartView  *view)
{
  const char *readout = trellis_chart_view_get_readout (view);

  if (readout != NULL)
    self->readout_source = view;
  else if (self->readout_source == view)
    self->readout_source = NULL;
  else
    return;
  show_readout (self, readout);
}

static Card *
card_new (TrellisChartsPage *self)
{
  Card *card = g_new0 (Card, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  card->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_add_css_class (card->box, "chart-card");

  /* The role is fixed at construction in GTK 4.8. */
  card->title = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_label_set_xalign (card->title, 0);
  gtk_label_set_wrap (card->title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (card->title), "title-3");

  card->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (card->subtitle, 0);
  gtk_label_set_wrap (card->subtitle, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (card->subtitle), "dim-label");

  /* What a groups chart leaves out to keep answers anonymous must be seen. */
  card->note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (card->note, 0);
  gtk_label_set_wrap (card->note, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (card->note), "chart-note");

  card->view = TRELLIS_CHART_VIEW (trellis_chart_view_new ());
  g_signal_connect_object (card->view, "notify::readout", G_CALLBACK (view_readout_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (header), GTK_WIDGET (card->title));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (card->subtitle));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (card->note));
  gtk_box_append (GTK_BOX (card->box), header);
  gtk_box_append (GTK_BOX (card->box), GTK_WIDGET (card->view));
  return card;
}

static void
card_show (Card         *card,
           TrellisChart *chart)
{
  const char *note = trellis_chart_get_note (chart);

  g_free (card->section_id);
  card->section_id = g_strdup (trellis_chart_get_section_id (chart));
  gtk_label_set_label (card->title, trellis_chart_get_title (chart));
  gtk_label_set_label (card->subtitle, trellis_chart_get_subtitle (chart));
  gtk_label_set_label (card->note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (card->note), note != NULL);
  trellis_chart_view_set_chart (card->view, chart);
}

static void
clear_cards (TrellisChartsPage *self)
{
  GtkWidget *child;

  self->readout_source = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chart_box))) != NULL)
    gtk_box_remove (self->chart_box, child);
  g_ptr_array_set_size (self->cards, 0);
}

/* The same charts as before (another order, comparison or round) keep their widgets,
 * and so the place the page is scrolled to. */
static gboolean
cards_match (TrellisChartsPage *self,
             GPtrArray         *charts)
{
  if (charts->len != self->cards->len)
    return FALSE;
  for (guint i = 0; i < charts->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);

      if (g_strcmp0 (card->section_id, trellis_chart_get_section_id (g_ptr_array_index (charts, i))) != 0)
        return FALSE;
    }
  return TRUE;
}

static void update_current_section (TrellisChartsPage *self);
static void apply_pending_scroll (TrellisChartsPage *self);

/* Without charts the options have nothing to act on: only the way to get some is shown. */
static void
show_empty (TrellisChartsPage *self,
            gboolean           empty)
{
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "charts");
  gtk_widget_set_visible (self->toolbar, !empty);
  gtk_widget_set_visible (self->toolbar_separator, !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->readout_label), !empty);
}

/* The talking points of the round shown, measured against the round before it. */
static void
update_talking_points (TrellisChartsPage          *self,
                       const TrellisReportOptions *options)
{
  TrellisRound *round = trellis_report_get_round (self->project, options);
  g_autoptr(TrellisTalkingPoints) points = NULL;

  if (round == NULL)
    {
      trellis_talking_points_panel_set_points (self->talking_points, NULL);
      return;
    }
  points = trellis_talking_points_new (self->project, round, trellis_talking_points_find_previous (self->project, round),
                                       NULL, trellis_project_get_min_group_size (self->project));
  trellis_talking_points_panel_set_points (self->talking_points, points);
}

static void
rebuild (TrellisChartsPage *self)
{
  TrellisReportOptions options;
  g_autoptr(GPtrArray) charts = NULL;

  self->dirty = FALSE;
  update_choices (self);

  if (!trellis_charts_page_get_report_options (self, &options))
    {
      clear_cards (self);
      trellis_talking_points_panel_set_points (self->talking_points, NULL);
      show_empty (self, TRUE);
      return;
    }

  update_talking_points (self, &options);
  charts = trellis_report_build_charts (self->project, &options);
  if (!cards_match (self, charts))
    {
      clear_cards (self);
      for (guint i = 0; i < charts->len; i++)
        {
          Card *card = card_new (self);

          g_ptr_array_add (self->cards, card);
          gtk_box_append (self->chart_box, card->box);
        }
    }
  for (guint i = 0; i < charts->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);

      card_show (card, g_ptr_array_index (charts, i));
      trellis_chart_view_set_palette (card->view, self->palette);
    }

  show_empty (self, FALSE);
  show_readout (self, NULL);
  apply_pending_scroll (self);
}

/* Rebuilding charts nobody sees is wasted: a hidden page catches up when shown. */
static void
queue_rebuild (TrellisChartsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild (self);
  else
    {
      self->dirty = TRUE;
      update_choices (self);
    }
}

/*****/

static Card *
find_card (TrellisChartsPage *self,
           const char        *section_id)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);

      if (g_strcmp0 (card->section_id, section_id) == 0)
        return card;
    }
  return NULL;
}

/* Where @card starts in the scrolled column, once it has been given its place. */
static gboolean
get_card_top (TrellisChartsPage *self,
              Card              *card,
              double            *top)
{
  graphene_point_t point;

  if (gtk_widget_get_height (card->box) <= 0
      || !gtk_widget_compute_point (card->box, self->column, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  *top = point.y;
  return TRUE;
}

static gboolean
try_scroll (TrellisChartsPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  Card *card;
  double top = 0;

  if (self->dirty || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  card = self->scroll_section != NULL ? find_card (self, self->scroll_section) : NULL;
  if (card != NULL && !get_card_top (self, card, &top))
    return FALSE;

  self->scroll_pending = FALSE;
  g_clear_pointer (&self->scroll_section, g_free);
  gtk_adjustment_set_value (adjustment, top);
  update_current_section (self);
  return TRUE;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  TrellisChartsPage *self = TRELLIS_CHARTS_PAGE (widget);

  if (!self->scroll_pending || try_scroll (self) || ++self->scroll_ticks > MAX_SCROLL_TICKS)
    {
      self->scroll_pending = FALSE;
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* New charts get their size in the next frame: scroll then. */
static void
apply_pending_scroll (TrellisChartsPage *self)
{
  if (!self->scroll_pending || try_scroll (self))
    return;
  self->scroll_ticks = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* A talking point leads to its statement's bar in its section's chart. */
static void
point_activated_cb (TrellisChartsPage *self,
                    const char        *section_id,
                    const char        *statement_id)
{
  Card *card = find_card (self, section_id);

  if (card != NULL)
    trellis_chart_view_focus_statement (card->view, statement_id);
}

static void
update_current_section (TrellisChartsPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double line = gtk_adjustment_get_value (adjustment)
                + CURRENT_SECTION_LINE * gtk_adjustment_get_page_size (adjustment);
  const char *current = NULL;

  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);
      double top;

      if (!get_card_top (self, card, &top) || top > line)
        break;
      current = card->section_id;
    }

  if (g_strcmp0 (current, self->current_section) == 0)
    return;
  g_free (self->current_section);
  self->current_section = g_strdup (current);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_SECTION]);
  /* Scrolled through, the charts move the sidebar along, so that the other views
   * open at the section last looked at. */
  if (current != NULL)
    trellis_view_section_reached (TRELLIS_VIEW (self), current);
}

/*****/

static void
change_choice_state (GSimpleAction *action,
                     GVariant      *value,
                     gpointer       user_data)
{
  TrellisChartsPage *self = TRELLIS_CHARTS_PAGE (user_data);
  const char *name = g_action_get_name (G_ACTION (action));
  const char *choice = g_variant_get_string (value, NULL);

  if (g_str_equal (name, "compare"))
    trellis_charts_page_set_compare (self, choice);
  else if (g_str_equal (name, "order"))
    trellis_charts_page_set_order (self, choice);
  else
    trellis_charts_page_set_style (self, choice);
}

static void
change_guidance_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  trellis_charts_page_set_guidance (TRELLIS_CHARTS_PAGE (user_data), g_variant_get_boolean (value));
}

static void
trellis_charts_page_view_show (TrellisView    *view,
                               TrellisProject *project,
                               TrellisRound   *round,
                               TrellisSummary *summary)
{
  trellis_charts_page_show (TRELLIS_CHARTS_PAGE (view), project, round);
}

/* Charts of the section chosen in the sidebar; the first section's, with the overview
 * above it, from the top. */
static void
trellis_charts_page_view_show_section (TrellisView    *view,
                                       TrellisSection *section)
{
  TrellisChartsPage *self = TRELLIS_CHARTS_PAGE (view);
  TrellisChecklist *checklist = self->project != NULL ? trellis_project_get_checklist (self->project) : NULL;

  if (section == NULL || checklist == NULL || trellis_checklist_get_n_sections (checklist) == 0
      || trellis_checklist_get_section (checklist, 0) == section)
    trellis_charts_page_scroll_to_section (self, NULL);
  else
    trellis_charts_page_scroll_to_section (self, trellis_section_get_id (section));
}

/* Every section's chart at once: without any section, the page says so itself. */
static gboolean
trellis_charts_page_view_get_needs_section (TrellisView *view)
{
  return FALSE;
}

static void
trellis_charts_page_view_init (TrellisViewInterface *iface)
{
  iface->show = trellis_charts_page_view_show;
  iface->show_section = trellis_charts_page_view_show_section;
  iface->get_needs_section = trellis_charts_page_view_get_needs_section;
}

static void
trellis_charts_page_map (GtkWidget *widget)
{
  TrellisChartsPage *self = TRELLIS_CHARTS_PAGE (widget);

  GTK_WIDGET_CLASS (trellis_charts_page_parent_class)->map (widget);

  if (self->dirty)
    rebuild (self);
  apply_pending_scroll (self);
}

static void
trellis_charts_page_dispose (GObject *object)
{
  TrellisChartsPage *self = (TrellisChartsPage *) object;
  GtkWidget *child;

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  gtk_widget_insert_action_group (GTK_WIDGET (self), "charts", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_CHARTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->project);
  g_clear_object (&self->round);

  G_OBJECT_CLASS (trellis_charts_page_parent_class)->dispose (object);
}

static void
trellis_charts_page_finalize (GObject *object)
{
  TrellisChartsPage *self = (TrellisChartsPage *) object;

  g_free (self->current_section);
  g_free (self->scroll_section);

  G_OBJECT_CLASS (trellis_charts_page_parent_class)->finalize (object);
}

static void
trellis_charts_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisChartsPage *self = TRELLIS_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARE:
      g_value_set_string (value, trellis_charts_page_get_compare (self));
      break;
    case PROP_ORDER:
      g_value_set_string (value, trellis_charts_page_get_order (self));
      break;
    case PROP_STYLE:
      g_value_set_string (value, trellis_charts_page_get_style (self));
      break;
    case PROP_GUIDANCE:
      g_value_set_boolean (value, self->guidance);
      break;
    case PROP_CURRENT_SECTION:
      g_value_set_string (value, self->current_section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_charts_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrellisChartsPage *self = TRELLIS_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARE:
      trellis_charts_page_set_compare (self, g_value_get_string (value));
      break;
    case PROP_ORDER:
      trellis_charts_page_set_order (self, g_value_get_string (value));
      break;
    case PROP_STYLE:
      trellis_charts_page_set_style (self, g_value_get_string (value));
      break;
    case PROP_GUIDANCE:
      trellis_charts_page_set_guidance (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_charts_page_class_init (TrellisChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_charts_page_dispose;
  object_class->finalize = trellis_charts_page_finalize;
  object_class->get_property = trellis_charts_page_get_property;
  object_class->set_property = trellis_charts_page_set_property;
  widget_class->map = trellis_charts_page_map;

  /**
   * TrellisChartsPage:compare:
   *
   * What the section charts compare: "none", "rounds" or "groups". A round that allows
   * no such comparison shows none, and the choice stays for rounds that do.
   */
  properties[PROP_COMPARE] =
    g_param_spec_string ("compare", NULL, NULL,
                         "none",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisChartsPage:order:
   *
   * "checklist", or "agreement" for the most agreement first.
   */
  properties[PROP_ORDER] =
    g_param_spec_string ("order", NULL, NULL,
                         "checklist",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisChartsPage:style:
   *
   * "colour", or "greyscale" for a black-and-white printer.
   */
  properties[PROP_STYLE] =
    g_param_spec_string ("style", NULL, NULL,
                         "colour",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisChartsPage:guidance:
   *
   * Whether the workshop pack printed or exported from here carries each statement's
   * guidance after its section (when the checklist has any).
   */
  properties[PROP_GUIDANCE] =
    g_param_spec_boolean ("guidance", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisChartsPage:current-section: (nullable)
   *
   * The id of the section whose chart is scrolled into view, %NULL above the first
   * (at the overview).
   */
  properties[PROP_CURRENT_SECTION] =
    g_param_spec_string ("current-section", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRELLIS_TYPE_STATUS_PAGE);
  g_type_ensure (TRELLIS_TYPE_TALKING_POINTS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, compare_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, order_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, order_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, style_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, style_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, compare_menu);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, column);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, talking_points);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, chart_box);
  gtk_widget_class_bind_template_callback (widget_class, point_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, TrellisChartsPage, readout_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_charts_page_init (TrellisChartsPage *self)
{
  static const GActionEntry entries[] = {
    { "compare", NULL, "s", "'none'", change_choice_state },
    { "order", NULL, "s", "'checklist'", change_choice_state },
    { "style", NULL, "s", "'colour'", change_choice_state },
    { "guidance", NULL, NULL, "true", change_guidance_state },
    { "unavailable", NULL, "s", "''", NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->guidance = TRUE;
  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_free);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "unavailable")),
                               FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "charts", G_ACTION_GROUP (self->actions));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (update_current_section), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

GtkWidget *
trellis_charts_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_CHARTS_PAGE, NULL);
}

/**
 * trellis_charts_page_show:
 * @project: (nullable): the project
 * @round: (nullable): the round to chart, or %NULL when the project has none
 *
 * Charts @round of @project as it is now. Call again after the project changed.
 */
void
trellis_charts_page_show (TrellisChartsPage *self,
                          TrellisProject    *project,
                          TrellisRound      *round)
{
  g_return_if_fail (TRELLIS_IS_CHARTS_PAGE (self));
  g_return_if_fail (project == NULL || TRELLIS_IS_PROJECT (project));
  g_return_if_fail (round == NULL || TRELLIS_IS_ROUND (round));

  g_set_object (&self->project, project);
  g_set_object (&self->round, round);
  queue_rebuild (self);
}

/**
 * trellis_charts_page_scroll_to_section:
 * @section_id: (nullable): the section whose chart to show at the top, or %NULL for
 *   the top of the page
 *
 * Scrolls to a section's chart, at once or, when the page is being built, as soon as
 * the chart has its place.
 */
void
trellis_charts_page_scroll_to_section (TrellisChartsPage *self,
                                       const char        *section_id)
{
  g_return_if_fail (TRELLIS_IS_CHARTS_PAGE (self));

  g_free (self->scroll_section);
  self->scroll_section = g_strdup (section_id);
  self->scroll_pending = TRUE;
  apply_pending_scroll (self);
}

/**
 * trellis_charts_page_get_current_section:
 *
 * Returns: (nullable): see #TrellisChartsPage:current-section
 */
const char *
trellis_charts_page_get_current_section (TrellisChartsPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), NULL);
  return self->current_section;
}

const char *
trellis_charts_page_get_compare (TrellisChartsPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), NULL);
  return compare_names[self->compare];
}

void
trellis_charts_page_set_compare (TrellisChartsPage *self,
                                 const char        *compare)
{
  TrellisReportCompare value;

  g_return_if_fail (TRELLIS_IS_CHARTS_PAGE (self));
  g_return_if_fail (trellis_report_compare_from_string (compare, &value));

  if (self->compare == value)
    return;
  self->compare = value;
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
}

const char *
trellis_charts_page_get_order (TrellisChartsPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), NULL);
  return order_names[self->order];
}

void
trellis_charts_page_set_order (TrellisChartsPage *self,
                               const char        *order)
{
  TrellisChartOrder value;

  g_return_if_fail (TRELLIS_IS_CHARTS_PAGE (self));
  g_return_if_fail (trellis_report_order_from_string (order, &value));

  if (self->order == value)
    return;
  self->order = value;
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

const char *
trellis_charts_page_get_style (TrellisChartsPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), NULL);
  return style_names[self->palette];
}

void
trellis_charts_page_set_style (TrellisChartsPage *self,
                               const char        *style)
{
  TrellisChartPalette value;

  g_return_if_fail (TRELLIS_IS_CHARTS_PAGE (self));
  g_return_if_fail (trellis_chart_palette_from_string (style, &value));

  if (self->palette == value)
    return;
  self->palette = value;
  /* The same charts in other inks: no need to build them again. */
  for (guint i = 0; i < self->cards->len; i++)
    trellis_chart_view_set_palette (((Card *) g_ptr_array_index (self->cards, i))->view, value);
  update_choices (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

gboolean
trellis_charts_page_get_guidance (TrellisChartsPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), TRUE);
  return self->guidance;
}

/**
 * trellis_charts_page_set_guidance:
 * @guidance: whether the pack prints the statements' guidance
 *
 * Nothing on screen changes: the choice is the pack's, offered beside its exports.
 */
void
trellis_charts_page_set_guidance (TrellisChartsPage *self,
                                  gboolean           guidance)
{
  g_return_if_fail (TRELLIS_IS_CHARTS_PAGE (self));

  guidance = !!guidance;
  if (self->guidance == guidance)
    return;
  self->guidance = guidance;
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "guidance")),
                             g_variant_new_boolean (guidance));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDANCE]);
}

/**
 * trellis_charts_page_get_report_options:
 * @options: (out caller-allocates): the options of a workshop pack or of slides that
 *   show what the page shows: the round, the order, the style and the comparison
 *
 * Returns: whether there is anything to chart: a project with a round
 */
gboolean
trellis_charts_page_get_report_options (TrellisChartsPage    *self,
                                        TrellisReportOptions *options)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  trellis_report_options_init (options);
  /* Paper as the locale has it: Letter in North America, A4 elsewhere. */
  if (g_strcmp0 (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER) == 0)
    options->paper = TRELLIS_CHART_PAPER_LETTER;
  options->round = self->round;
  options->order = self->order;
  options->palette = self->palette;
  options->compare = effective_compare (self);
  options->guidance = self->guidance;
  return self->project != NULL && self->round != NULL
         && trellis_checklist_get_n_scales (trellis_project_get_checklist (self->project)) > 0;
}

GActionGroup *
_trellis_charts_page_get_actions (TrellisChartsPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

GMenuModel *
_trellis_charts_page_get_compare_menu (TrellisChartsPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), NULL);
  return G_MENU_MODEL (self->compare_menu);
}

GtkWidget *
_trellis_charts_page_get_compare_button (TrellisChartsPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), NULL);
  return GTK_WIDGET (self->compare_button);
}

/**
 * _trellis_charts_page_find_view:
 * @section_id: (nullable): a section, or %NULL for the overview
 *
 * Returns: (transfer none) (nullable): the view of that section's chart
 */
TrellisChartView *
_trellis_charts_page_find_view (TrellisChartsPage *self,
                                const char        *section_id)
{
  Card *card;

  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), NULL);
  card = find_card (self, section_id);
  return card != NULL ? card->view : NULL;
}

const char *
_trellis_charts_page_get_readout (TrellisChartsPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHARTS_PAGE (self), NULL);
  return gtk_label_get_label (self->readout_label);
}
