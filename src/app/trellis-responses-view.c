/* trellis-responses-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chosen round's answers to the section chosen in the sidebar, as a table, or what
 * to do when there are none yet.
 */
#define G_LOG_DOMAIN "trellis-responses-view"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-format.h"
#include "trellis-responses-view.h"
#include "trellis-section-header.h"
#include "trellis-status-page.h"
#include "trellis-summary-table.h"

struct _TrellisResponsesView
{
  GtkWidget             parent_instance;

  TrellisSection       *section;
  TrellisSummary       *summary;

  GtkOverlay           *overlay;
  GtkWidget            *sticky_header;
  GtkScrolledWindow    *scroller;
  TrellisSectionHeader *header;
  GtkStack             *responses_stack;
  GtkLabel             *round_label;
  GtkLabel             *pooled_label;
  TrellisSummaryTable  *summary_table;
  TrellisStatusPage    *responses_status;
  GtkWidget            *import_button;
};

static void trellis_responses_view_iface_init (TrellisViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisResponsesView, trellis_responses_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (TRELLIS_TYPE_VIEW, trellis_responses_view_iface_init))

static char *
describe_round (TrellisSummary *summary)
{
  TrellisRound *round = trellis_summary_get_round (summary);
  guint n_respondents = trellis_summary_get_n_respondents (summary);
  g_autofree char *name = trellis_format_round_name (round);
  g_autofree char *date = trellis_date_format_long (trellis_round_get_date (round));
  g_autofree char *respondents = NULL;

  respondents = g_strdup_printf (ngettext ("%u respondent", "%u respondents", n_respondents),
                                 n_respondents);
  /* The name is the date itself when the round has no label. */
  if (date != NULL && g_strcmp0 (name, date) != 0)
    return g_strdup_printf ("%s · %s · %s", name, date, respondents);
  return g_strdup_printf ("%s · %s", name, respondents);
}

static char *
describe_pooled (TrellisSummary            *summary,
                 const TrellisDistribution *pooled)
{
  TrellisScale *scale = trellis_summary_get_scale (summary);
  g_autofree char *agree = trellis_format_percent (pooled->pct_agree);
  g_autofree char *disagree = trellis_format_percent (pooled->pct_disagree);
  g_autofree char *mean = trellis_format_mean (pooled->mean);
  g_autofree char *answers = NULL;

  if (pooled->valid == 0)
    return g_strdup (_("Nobody answered these statements on the scale in this round."));

  answers = g_strdup_printf (ngettext ("%u answer", "%u answers", pooled->valid), pooled->valid);
  if (trellis_scale_get_n_points (scale) % 2 == 1)
    {
      g_autofree char *neutral = trellis_format_percent (pooled->pct_neutral);
      /* Translators: the section's statements taken together; the last part is "312 answers" */
      return g_strdup_printf (_("Across the section: %s agree · %s neutral · %s disagree · mean %s from %s"),
                              agree, neutral, disagree, mean, answers);
    }
  /* Translators: the section's statements taken together; the last part is "312 answers" */
  return g_strdup_printf (_("Across the section: %s agree · %s disagree · mean %s from %s"),
                          agree, disagree, mean, answers);
}

static void
show_status (TrellisResponsesView *self,
             const char           *icon_name,
             const char           *title,
             const char           *description)
{
  trellis_status_page_set_icon_name (self->responses_status, icon_name);
  trellis_status_page_set_title (self->responses_status, title);
  trellis_status_page_set_description (self->responses_status, description);
  gtk_stack_set_visible_child_name (self->responses_stack, "status");
}

static void
show_responses (TrellisResponsesView *self)
{
  TrellisSummary *summary = self->summary;
  TrellisSectionSummary *section_summary = NULL;

  if (summary != NULL)
    section_summary = trellis_summary_find_section (summary, trellis_section_get_id (self->section));
  trellis_summary_table_set_section (self->summary_table, summary, section_summary);
  /* Only when there is nothing to show yet is importing the next thing to do. */
  gtk_widget_set_visible (self->import_button, summary == NULL);

  if (summary == NULL)
    show_status (self, "x-office-spreadsheet-symbolic", _("No Survey Responses Yet"),
                 _("When partners have answered the survey, import the "
                   "export from your survey tool into this project. "
                   "Each statement’s answers will then appear here."));
  else if (section_summary == NULL)
    show_status (self, "edit-cut-symbolic", _("Section Cut"),
                 _("This section is cut from the tailored checklist, "
                   "so the survey does not ask its statements."));
  else if (section_summary->items->len == 0)
    show_status (self, "view-list-symbolic", _("No Rated Statements"),
                 _("Every statement of this section is a comment box "
                   "or cut, so there are no answers to count."));
  else
    {
      g_autofree char *round = describe_round (summary);
      g_autofree char *pooled = describe_pooled (summary, &section_summary->pooled);

      gtk_label_set_label (self->round_label, round);
      gtk_label_set_label (self->pooled_label, pooled);
      gtk_stack_set_visible_child_name (self->responses_stack, "table");
    }
}

/* ---- Column headers that stay in view ----
 *
 * A section's table is taller than the window: scrolled down, "Strongly agree" and
 * "% agree" would be far above the numbers they name. A copy of the header row, on top of
 * the scrolled page, takes their place while the real one is out of view. Its cells are
 * placed where the table's headers are across; only the vertical scroll decides whether
 * it shows, so scrolling moves nothing but the page. */

static void
update_sticky_header (TrellisResponsesView *self)
{
  GPtrArray *headers = trellis_summary_table_get_column_headers (self->summary_table);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_rect_t header, table, table_in_content, cell;
  double scrolled = gtk_adjustment_get_value (vadjustment);
  gboolean shown;
  guint i = 0;

  /* The page inside the viewport: positions on it do not change as it scrolls. */
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (headers->len < 2 || content == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->summary_table))
      || !gtk_widget_compute_bounds (g_ptr_array_index (headers, 1), content, &header)
      || !gtk_widget_compute_bounds (GTK_WIDGET (self->summary_table), content, &table_in_content)
      || !gtk_widget_compute_bounds (GTK_WIDGET (self->summary_table), GTK_WIDGET (self->overlay), &table))
    {
      gtk_widget_set_visible (self->sticky_header, FALSE);
      return;
    }
  /* Shown once the real headers have scrolled out, until the table's end comes up. */
  shown = header.origin.y < scrolled
          && table_in_content.origin.y + table_in_content.size.height - scrolled > 3 * header.size.height;
  gtk_widget_set_visible (self->sticky_header, shown);
  if (!shown)
    return;
  gtk_widget_set_margin_start (self->sticky_header, (int) table.origin.x);
  gtk_widget_set_size_request (self->sticky_header, (int) table.size.width, (int) header.size.height);
  for (GtkWidget *copy = gtk_widget_get_first_child (self->sticky_header); copy != NULL && i < headers->len;
       copy = gtk_widget_get_next_sibling (copy), i++)
    if (gtk_widget_compute_bounds (g_ptr_array_index (headers, i), GTK_WIDGET (self->summary_table), &cell))
      {
        gtk_fixed_move (GTK_FIXED (self->sticky_header), copy, cell.origin.x, 0);
        gtk_widget_set_size_request (copy, (int) cell.size.width, (int) header.size.height);
      }
}

static void
rebuild_sticky_header (TrellisResponsesView *self)
{
  GPtrArray *headers = trellis_summary_table_get_column_headers (self->summary_table);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->sticky_header)) != NULL)
    gtk_fixed_remove (GTK_FIXED (self->sticky_header), child);
  for (guint i = 0; i < headers->len; i++)
    {
      GtkLabel *header = g_ptr_array_index (headers, i);
      GtkWidget *copy = gtk_label_new (gtk_label_get_label (header));

      gtk_label_set_wrap (GTK_LABEL (copy), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (copy), PANGO_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (copy), 9);
      gtk_label_set_justify (GTK_LABEL (copy), GTK_JUSTIFY_RIGHT);
      gtk_label_set_xalign (GTK_LABEL (copy), 1.0);
      gtk_label_set_yalign (GTK_LABEL (copy), 1.0);
      gtk_widget_add_css_class (copy, "sticky-column-header");
      if (i + 1 == headers->len)
        gtk_widget_add_css_class (copy, "last-column");
      gtk_fixed_put (GTK_FIXED (self->sticky_header), copy, 0, 0);
    }
  update_sticky_header (self);
}

static void
update (TrellisResponsesView *self)
{
  if (self->section == NULL)
    return;
  trellis_section_header_show (self->header, self->section);
  show_responses (self);
  rebuild_sticky_header (self);
}

static void
trellis_responses_view_show (TrellisView    *view,
                             TrellisProject *project,
                             TrellisRound   *round,
                             TrellisSummary *summary)
{
  TrellisResponsesView *self = TRELLIS_RESPONSES_VIEW (view);

  if (summary != NULL)
    trellis_summary_ref (summary);
  g_clear_pointer (&self->summary, trellis_summary_unref);
  self->summary = summary;
  update (self);
}

static void
trellis_responses_view_show_section (TrellisView    *view,
                                     TrellisSection *section)
{
  TrellisResponsesView *self = TRELLIS_RESPONSES_VIEW (view);

  /* show() keeps the section shown up to date: the same one again needs nothing. */
  if (self->section == section)
    return;
  g_set_object (&self->section, section);
  /* A new section starts at its top: set first, so that the table knows only its first
   * rows are in view (see trellis-summary-table.c). */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  update (self);
}

static void
trellis_responses_view_iface_init (TrellisViewInterface *iface)
{
  iface->show = trellis_responses_view_show;
  iface->show_section = trellis_responses_view_show_section;
}

static void
trellis_responses_view_dispose (GObject *object)
{
  TrellisResponsesView *self = (TrellisResponsesView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_RESPONSES_VIEW);
  g_clear_object (&self->section);
  g_clear_pointer (&self->summary, trellis_summary_unref);

  G_OBJECT_CLASS (trellis_responses_view_parent_class)->dispose (object);
}

static void
trellis_responses_view_class_init (TrellisResponsesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_responses_view_dispose;

  g_type_ensure (TRELLIS_TYPE_SECTION_HEADER);
  g_type_ensure (TRELLIS_TYPE_STATUS_PAGE);
  g_type_ensure (TRELLIS_TYPE_SUMMARY_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-responses-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, sticky_header);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, header);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, responses_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, round_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, pooled_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, summary_table);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, responses_status);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsesView, import_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_responses_view_init (TrellisResponsesView *self)
{
  GtkAdjustment *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A copy for the eye only: a screen reader has the table's own headers. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->sticky_header), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (update_sticky_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (update_sticky_header), self, G_CONNECT_SWAPPED);
}

GtkWidget *
trellis_responses_view_new (void)
{
  return g_object_new (TRELLIS_TYPE_RESPONSES_VIEW, NULL);
}

/**
 * trellis_responses_view_get_section:
 *
 * Returns: (transfer none) (nullable): the section shown
 */
TrellisSection *
trellis_responses_view_get_section (TrellisResponsesView *self)
{
  g_return_val_if_fail (TRELLIS_IS_RESPONSES_VIEW (self), NULL);
  return self->section;
}
