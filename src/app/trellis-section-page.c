/* trellis-section-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-section-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-format.h"
#include "trellis-section-page.h"
#include "trellis-statement-row.h"
#include "trellis-status-page.h"
#include "trellis-summary-table.h"

struct _TrellisSectionPage
{
  GtkWidget            parent_instance;

  TrellisSection      *section;

  GtkScrolledWindow   *scroller;
  GtkLabel            *overline_label;
  GtkLabel            *title_label;
  GtkLabel            *description_label;
  GtkLabel            *meta_label;
  GtkStack            *view_stack;
  GtkStack            *responses_stack;
  GtkLabel            *round_label;
  GtkLabel            *pooled_label;
  TrellisSummaryTable *summary_table;
  TrellisStatusPage   *responses_status;
  GtkWidget           *import_button;
  GtkListBox          *statement_list;
};

G_DEFINE_FINAL_TYPE (TrellisSectionPage, trellis_section_page, GTK_TYPE_WIDGET)

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
count_statements (TrellisStatement *statement,
                  guint            *n_cut,
                  guint            *n_comment_boxes)
{
  guint n_children = trellis_statement_get_n_children (statement);

  if (!trellis_statement_is_in_use (statement))
    (*n_cut)++;
  else if (trellis_statement_get_kind (statement) == TRELLIS_STATEMENT_COMMENT)
    (*n_comment_boxes)++;
  for (guint i = 0; i < n_children; i++)
    count_statements (trellis_statement_get_child (statement, i), n_cut, n_comment_boxes);
}

static char *
describe_section (TrellisSection *section)
{
  g_autoptr(GPtrArray) rated = trellis_section_collect_rated (section, TRUE);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_statements = trellis_section_get_n_statements (section);
  guint n_cut = 0, n_comment_boxes = 0;

  if (!trellis_section_get_included (section))
    return g_strdup (_("Cut from the checklist"));

  for (guint i = 0; i < n_statements; i++)
    count_statements (trellis_section_get_statement (section, i), &n_cut, &n_comment_boxes);

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u rated statement",
                                                     "%u rated statements", rated->len),
                                           rated->len));
  if (n_comment_boxes > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u comment box",
                                                       "%u comment boxes", n_comment_boxes),
                                             n_comment_boxes));
  if (n_cut > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u cut", "%u cut", n_cut), n_cut));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

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
show_responses (TrellisSectionPage *self,
                TrellisSummary     *summary)
{
  TrellisSectionSummary *section_summary = NULL;

  g_assert (TRELLIS_IS_SECTION_PAGE (self));

  if (summary != NULL)
    section_summary = trellis_summary_find_section (summary, trellis_section_get_id (self->section));
  trellis_summary_table_set_section (self->summary_table, summary, section_summary);
  /* Only when there is nothing to show yet is importing the next thing to do. */
  gtk_widget_set_visible (self->import_button, summary == NULL);

  if (summary == NULL)
    {
      trellis_status_page_set_icon_name (self->responses_status, "x-office-spreadsheet-symbolic");
      trellis_status_page_set_title (self->responses_status, _("No Survey Responses Yet"));
      trellis_status_page_set_description (self->responses_status,
                                           _("When partners have answered the survey, import the "
                                             "export from your survey tool into this project. "
                                             "Each statement’s answers will then appear here."));
      gtk_stack_set_visible_child_name (self->responses_stack, "status");
    }
  else if (section_summary == NULL)
    {
      trellis_status_page_set_icon_name (self->responses_status, "edit-cut-symbolic");
      trellis_status_page_set_title (self->responses_status, _("Section Cut"));
      trellis_status_page_set_description (self->responses_status,
                                           _("This section is cut from the tailored checklist, "
                                             "so the survey does not ask its statements."));
      gtk_stack_set_visible_child_name (self->responses_stack, "status");
    }
  else if (section_summary->items->len == 0)
    {
      trellis_status_page_set_icon_name (self->responses_status, "view-list-symbolic");
      trellis_status_page_set_title (self->responses_status, _("No Rated Statements"));
      trellis_status_page_set_description (self->responses_status,
                                           _("Every statement of this section is a comment box "
                                             "or cut, so there are no answers to count."));
      gtk_stack_set_visible_child_name (self->responses_stack, "status");
    }
  else
    {
      g_autofree char *round = describe_round (summary);
      g_autofree char *pooled = describe_pooled (summary, &section_summary->pooled);

      gtk_label_set_label (self->round_label, round);
      gtk_label_set_label (self->pooled_label, pooled);
      gtk_stack_set_visible_child_name (self->responses_stack, "table");
    }
}

static void
append_statement (TrellisSectionPage *self,
                  TrellisStatement   *statement)
{
  guint n_children = trellis_statement_get_n_children (statement);

  gtk_list_box_append (self->statement_list, trellis_statement_row_new (statement));
  for (guint i = 0; i < n_children; i++)
    append_statement (self, trellis_statement_get_child (statement, i));
}

static void
show_statements (TrellisSectionPage *self)
{
  guint n_statements = trellis_section_get_n_statements (self->section);
  GtkWidget *row;

  g_assert (TRELLIS_IS_SECTION_PAGE (self));

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->statement_list, 0))) != NULL)
    gtk_list_box_remove (self->statement_list, row);
  for (guint i = 0; i < n_statements; i++)
    append_statement (self, trellis_section_get_statement (self->section, i));
}

static void
trellis_section_page_dispose (GObject *object)
{
  TrellisSectionPage *self = (TrellisSectionPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_SECTION_PAGE);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (trellis_section_page_parent_class)->dispose (object);
}

static void
trellis_section_page_class_init (TrellisSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_section_page_dispose;

  g_type_ensure (TRELLIS_TYPE_STATUS_PAGE);
  g_type_ensure (TRELLIS_TYPE_SUMMARY_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-section-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, overline_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, responses_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, round_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, pooled_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, summary_table);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, responses_status);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionPage, statement_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_section_page_init (TrellisSectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
trellis_section_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_SECTION_PAGE, NULL);
}

/**
 * trellis_section_page_show:
 * @section: the section
 * @summary: (nullable): the chosen round's summary, or %NULL when there is no round
 *
 * Shows @section as it is now. Call again after the project changed.
 */
void
trellis_section_page_show (TrellisSectionPage *self,
                           TrellisSection     *section,
                           TrellisSummary     *summary)
{
  g_autofree char *overline = NULL;
  g_autofree char *meta = NULL;
  const char *code, *title;
  gboolean same_section;

  g_return_if_fail (TRELLIS_IS_SECTION_PAGE (self));
  g_return_if_fail (TRELLIS_IS_SECTION (section));

  same_section = self->section == section;
  g_set_object (&self->section, section);

  code = trellis_section_get_code (section);
  title = trellis_section_get_title (section);
  if (code != NULL && *code != '\0')
    overline = g_strdup_printf (_("Section %s"), code);
  set_optional_label (self->overline_label, overline);
  gtk_label_set_label (self->title_label,
                       title != NULL && *title != '\0' ? title : _("Untitled section"));
  set_optional_label (self->description_label, trellis_section_get_description (section));
  meta = describe_section (section);
  gtk_label_set_label (self->meta_label, meta);

  show_responses (self, summary);
  show_statements (self);

  /* A new section starts at its top; the same one redrawn after an edit stays put. */
  if (!same_section)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
}

/**
 * trellis_section_page_get_section:
 *
 * Returns: (transfer none) (nullable): the section shown
 */
TrellisSection *
trellis_section_page_get_section (TrellisSectionPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION_PAGE (self), NULL);
  return self->section;
}

/**
 * trellis_section_page_get_view:
 *
 * Returns: "responses" or "statements"
 */
const char *
trellis_section_page_get_view (TrellisSectionPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->view_stack);
}

void
trellis_section_page_set_view (TrellisSectionPage *self,
                               const char         *view)
{
  g_return_if_fail (TRELLIS_IS_SECTION_PAGE (self));
  g_return_if_fail (g_strcmp0 (view, "responses") == 0 || g_strcmp0 (view, "statements") == 0);

  gtk_stack_set_visible_child_name (self->view_stack, view);
}
