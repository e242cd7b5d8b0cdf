/* trellis-projector.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-projector"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-chart-view.h"
#include "trellis-plan-view.h"
#include "trellis-projector.h"
#include "trellis-report.h"
#include "trellis-style.h"

/* What the room sees during the workshop, full screen on the projector: the plan, still
 * editable, or one section's chart, chosen from the "Show" menu or paged through with
 * Ctrl+Page Down and Ctrl+Page Up. Light and high-contrast whatever the desktop theme
 * (the style sheet is the plan view's); Esc leaves. Page 0 is the plan, page n the
 * n-th section chart. */
struct _TrellisProjector
{
  GtkWindow         parent_instance;

  TrellisProject   *project;
  GPtrArray        *charts;       /* TrellisChart, the section charts of the round shown */
  GtkDropDown      *show;
  GtkWidget        *title;        /* the partnership's name, over the plan: a chart has its own */
  GtkStack         *stack;
  GtkWidget        *plan_view;
  GtkLabel         *chart_title;
  GtkLabel         *chart_subtitle;
  GtkLabel         *chart_note;
  GtkWidget        *chart_view;
  GtkWidget        *chart_scrolled;
  gboolean          paging;       /* Ctrl+Page Down or Up, not the menu, changes the page */
  int               plan_width;   /* told to the plan view, which fits its columns to it */
  guint             fit_id;
};

G_DEFINE_FINAL_TYPE (TrellisProjector, trellis_projector, GTK_TYPE_WINDOW)

static void
show_chart (TrellisProjector *self,
            TrellisChart     *chart)
{
  const char *note = trellis_chart_get_note (chart);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->chart_scrolled));

  gtk_label_set_label (self->chart_title, trellis_chart_get_title (chart));
  gtk_label_set_label (self->chart_subtitle, trellis_chart_get_subtitle (chart));
  gtk_label_set_label (self->chart_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->chart_note), note != NULL);
  trellis_chart_view_set_chart (TRELLIS_CHART_VIEW (self->chart_view), chart);
  gtk_adjustment_set_value (vadjustment, 0);
}

static void
on_show_selected (TrellisProjector *self)
{
  guint page = gtk_drop_down_get_selected (self->show);
  gboolean plan = page == GTK_INVALID_LIST_POSITION || page == 0 || page > self->charts->len;
  /* Paged with Ctrl+Page Down, the keyboard follows to what is shown; chosen from the
   * menu, it stays on the menu. */
  gboolean follow = self->paging;
  TrellisAction *current = trellis_plan_view_get_current_action (TRELLIS_PLAN_VIEW (self->plan_view));

  /* The plan's keys (Ctrl+Return adds an action) act on what is seen, not on a hidden plan. */
  gtk_widget_set_sensitive (self->plan_view, plan);
  gtk_widget_set_visible (self->title, plan);
  if (plan)
    {
      gtk_stack_set_visible_child_name (self->stack, "plan");
      if (follow && current != NULL)
        trellis_plan_view_focus_action (TRELLIS_PLAN_VIEW (self->plan_view), current, "text");
      return;
    }
  show_chart (self, g_ptr_array_index (self->charts, page - 1));
  gtk_stack_set_visible_child_name (self->stack, "chart");
  if (follow)
    gtk_widget_grab_focus (self->chart_view);
}

static void
page_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrellisProjector *self = TRELLIS_PROJECTOR (widget);
  guint n = trellis_projector_get_n_pages (self);
  guint page = trellis_projector_get_page (self);

  self->paging = TRUE;
  if (g_str_equal (action_name, "projector.next"))
    trellis_projector_set_page (self, (page + 1) % n);
  else
    trellis_projector_set_page (self, (page + n - 1) % n);
  self->paging = FALSE;
}

static void
leave_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* "Add to improvement plan" on a chart's statement, as in the window: the room sees the
 * plan again, with a new action linked to the statement, the cursor in its key action. */
static void
add_to_plan_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisProjector *self = TRELLIS_PROJECTOR (widget);
  TrellisChecklist *checklist = trellis_project_get_checklist (self->project);
  TrellisStatement *statement = trellis_checklist_find_statement (checklist, g_variant_get_string (parameter, NULL));

  if (statement == NULL)
    return;
  trellis_projector_set_page (self, 0);
  trellis_plan_view_add_for_statement (TRELLIS_PLAN_VIEW (self->plan_view), statement);
}

static GtkWidget *
build_header (TrellisProjector *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title, *show_label, *leave, *spacer;
  g_autofree char *heading = g_strdup (trellis_project_get_name (self->project) ?: "");
  g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);

  gtk_widget_add_css_class (header, "projector-header");
  title = gtk_label_new (heading);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "plan-title");
  gtk_box_append (GTK_BOX (header), title);
  self->title = title;
  /* Keeps the menu and the button at the right while the title is hidden. */
  spacer = gtk_label_new (NULL);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (header), spacer);

  gtk_string_list_append (pages, _("Improvement plan"));
  for (guint i = 0; i < self->charts->len; i++)
    gtk_string_list_append (pages, trellis_chart_get_title (g_ptr_array_index (self->charts, i)));
  show_label = gtk_label_new_with_mnemonic (_("_Show"));
  gtk_box_append (GTK_BOX (header), show_label);
  self->show = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&pages)), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (show_label), GTK_WIDGET (self->show));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->show),
                               _("Show the plan or a section’s chart (Ctrl+Page Down and Ctrl+Page Up page through them)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->show), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show on the projector"), -1);
  g_signal_connect_swapped (self->show, "notify::selected", G_CALLBACK (on_show_selected), self);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->show));

  leave = gtk_button_new_with_label (_("Leave (Esc)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (leave), "projector.leave");
  gtk_widget_add_css_class (leave, "leave-projector");
  gtk_accessible_update_property (GTK_ACCESSIBLE (leave), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Leave Projector Mode"), -1);
  gtk_box_append (GTK_BOX (header), leave);
  return header;
}

/* The chart on a white card, in the projector's large type: the chart view draws its
 * text at the size of the type around it. */
static GtkWidget *
build_chart_page (TrellisProjector *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (card, "projector-chart-card");
  /* The role is fixed at construction in GTK 4.8. */
  self->chart_title = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  self->chart_subtitle = GTK_LABEL (gtk_label_new (NULL));
  self->chart_note = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->chart_title), "projector-chart-title");
  gtk_widget_add_css_class (GTK_WIDGET (self->chart_subtitle), "projector-chart-subtitle");
  gtk_widget_add_css_class (GTK_WIDGET (self->chart_note), "projector-chart-note");
  for (GtkLabel *label = self->chart_title; label != NULL;
       label = label == self->chart_title ? self->chart_subtitle : label == self->chart_subtitle ? self->chart_note : NULL)
    {
      gtk_label_set_xalign (label, 0);
      gtk_label_set_wrap (label, TRUE);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (label));
    }
  self->chart_view = trellis_chart_view_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart"), -1);
  gtk_box_append (GTK_BOX (card), self->chart_view);

  self->chart_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->chart_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->chart_scrolled), card);
  return self->chart_scrolled;
}

static gboolean
fit_plan (gpointer data)
{
  TrellisProjector *self = data;

  self->fit_id = 0;
  trellis_plan_view_fit_projector (TRELLIS_PLAN_VIEW (self->plan_view), self->plan_width);
  return G_SOURCE_REMOVE;
}

/* The screen's width is known once the window is allocated: the plan's columns follow
 * it after, not during, the allocation, which they change. */
static void
trellis_projector_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  TrellisProjector *self = TRELLIS_PROJECTOR (widget);

  GTK_WIDGET_CLASS (trellis_projector_parent_class)->size_allocate (widget, width, height, baseline);
  if (width != self->plan_width)
    {
      self->plan_width = width;
      if (self->fit_id == 0)
        self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_plan, self, NULL);
    }
}

static void
trellis_projector_dispose (GObject *object)
{
  TrellisProjector *self = TRELLIS_PROJECTOR (object);

  g_clear_handle_id (&self->fit_id, g_source_remove);
  g_clear_object (&self->project);
  g_clear_pointer (&self->charts, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_projector_parent_class)->dispose (object);
}

static void
trellis_projector_class_init (TrellisProjectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_projector_dispose;
  widget_class->size_allocate = trellis_projector_size_allocate;

  gtk_widget_class_install_action (widget_class, "projector.next", NULL, page_activated);
  gtk_widget_class_install_action (widget_class, "projector.previous", NULL, page_activated);
  gtk_widget_class_install_action (widget_class, "projector.leave", NULL, leave_activated);
  gtk_widget_class_install_action (widget_class, "win.add-to-plan", "s", add_to_plan_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "projector.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, GDK_CONTROL_MASK, "projector.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "projector.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, GDK_CONTROL_MASK, "projector.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "projector.leave", NULL);
}

static void
trellis_projector_init (TrellisProjector *self)
{
  trellis_style_add_resource ("/org/trellisapp/Trellis/ui/trellis-plan-view.css");
  gtk_widget_add_css_class (GTK_WIDGET (self), "plan-projector");
  gtk_window_set_title (GTK_WINDOW (self), _("Improvement Plan"));
}

/* The whole screen even where nothing honours full screen. */
static void
fill_monitor (TrellisProjector *self,
              GtkWindow        *parent)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
  GdkMonitor *monitor = surface != NULL
                        ? gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (parent)), surface)
                        : NULL;
  GdkRectangle geometry;

  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
}

/**
 * trellis_projector_new:
 * @round: (nullable): the round whose charts to show; %NULL for the latest
 * @undo: (nullable): where the plan's edits are recorded: the document's undo stack
 *
 * Returns: (transfer none): the projector window, not yet shown
 */
GtkWidget *
trellis_projector_new (TrellisProject   *project,
                       TrellisRound     *round,
                       TrellisUndoStack *undo)
{
  TrellisProjector *self;
  TrellisReportOptions options;
  GtkWidget *box;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);

  self = g_object_new (TRELLIS_TYPE_PROJECTOR, NULL);
  self->project = g_object_ref (project);
  trellis_report_options_init (&options);
  options.round = round;
  self->charts = trellis_project_get_latest_round (project) != NULL
                 ? trellis_report_build_charts (project, &options)
                 : g_ptr_array_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), build_header (self));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->plan_view = trellis_plan_view_new ();
  trellis_plan_view_set_projector (TRELLIS_PLAN_VIEW (self->plan_view), TRUE);
  trellis_plan_view_set_project (TRELLIS_PLAN_VIEW (self->plan_view), project, undo);
  gtk_stack_add_named (self->stack, self->plan_view, "plan");
  gtk_stack_add_named (self->stack, build_chart_page (self), "chart");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  gtk_window_set_child (GTK_WINDOW (self), box);
  return GTK_WIDGET (self);
}

/**
 * trellis_projector_present_over:
 * @parent: (nullable): the window it is opened from, on whose screen it is shown
 *
 * Shows the projector full screen.
 */
void
trellis_projector_present_over (TrellisProjector *self,
                                GtkWindow        *parent)
{
  g_return_if_fail (TRELLIS_IS_PROJECTOR (self));

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
      fill_monitor (self, parent);
    }
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * trellis_projector_get_plan_view:
 *
 * Returns: (transfer none): the plan view, in projector mode
 */
GtkWidget *
trellis_projector_get_plan_view (TrellisProjector *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECTOR (self), NULL);
  return self->plan_view;
}

/**
 * trellis_projector_get_chart_view:
 *
 * Returns: (transfer none): the chart view of the chart pages
 */
GtkWidget *
trellis_projector_get_chart_view (TrellisProjector *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECTOR (self), NULL);
  return self->chart_view;
}

/**
 * trellis_projector_get_n_pages:
 *
 * Returns: the plan and each section chart: one more than the charts
 */
guint
trellis_projector_get_n_pages (TrellisProjector *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECTOR (self), 0);
  return self->charts->len + 1;
}

guint
trellis_projector_get_page (TrellisProjector *self)
{
  guint page;

  g_return_val_if_fail (TRELLIS_IS_PROJECTOR (self), 0);
  page = gtk_drop_down_get_selected (self->show);
  return page != GTK_INVALID_LIST_POSITION ? page : 0;
}

/**
 * trellis_projector_set_page:
 * @page: 0 for the plan, n for the n-th section's chart
 */
void
trellis_projector_set_page (TrellisProjector *self,
                            guint             page)
{
  g_return_if_fail (TRELLIS_IS_PROJECTOR (self));
  g_return_if_fail (page < trellis_projector_get_n_pages (self));

  gtk_drop_down_set_selected (self->show, page);
}
