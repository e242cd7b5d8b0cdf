/* trellis-statements-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statements of the section chosen in the sidebar, sub-statements under their
 * lead-in, each with its guidance.
 */
#define G_LOG_DOMAIN "trellis-statements-view"

#include "config.h"

#include "trellis-section-header.h"
#include "trellis-statement-row.h"
#include "trellis-statements-view.h"

struct _TrellisStatementsView
{
  GtkWidget             parent_instance;

  TrellisSection       *section;

  GtkScrolledWindow    *scroller;
  TrellisSectionHeader *header;
  GtkListBox           *statement_list;
};

static void trellis_statements_view_iface_init (TrellisViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisStatementsView, trellis_statements_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (TRELLIS_TYPE_VIEW, trellis_statements_view_iface_init))

static void
append_statement (TrellisStatementsView *self,
                  TrellisStatement      *statement)
{
  guint n_children = trellis_statement_get_n_children (statement);

  gtk_list_box_append (self->statement_list, trellis_statement_row_new (statement));
  for (guint i = 0; i < n_children; i++)
    append_statement (self, trellis_statement_get_child (statement, i));
}

static void
update (TrellisStatementsView *self)
{
  guint n_statements;
  GtkWidget *row;

  if (self->section == NULL)
    return;
  trellis_section_header_show (self->header, self->section);

  n_statements = trellis_section_get_n_statements (self->section);
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->statement_list, 0))) != NULL)
    gtk_list_box_remove (self->statement_list, row);
  for (guint i = 0; i < n_statements; i++)
    append_statement (self, trellis_section_get_statement (self->section, i));
}

static void
trellis_statements_view_show (TrellisView    *view,
                              TrellisProject *project,
                              TrellisRound   *round,
                              TrellisSummary *summary)
{
  update (TRELLIS_STATEMENTS_VIEW (view));
}

static void
trellis_statements_view_show_section (TrellisView    *view,
                                      TrellisSection *section)
{
  TrellisStatementsView *self = TRELLIS_STATEMENTS_VIEW (view);

  /* show() keeps the section shown up to date: the same one again needs nothing. */
  if (self->section == section)
    return;
  g_set_object (&self->section, section);
  update (self);
  /* A new section starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
}

static void
trellis_statements_view_iface_init (TrellisViewInterface *iface)
{
  iface->show = trellis_statements_view_show;
  iface->show_section = trellis_statements_view_show_section;
}

static void
trellis_statements_view_dispose (GObject *object)
{
  TrellisStatementsView *self = (TrellisStatementsView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_STATEMENTS_VIEW);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (trellis_statements_view_parent_class)->dispose (object);
}

static void
trellis_statements_view_class_init (TrellisStatementsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_statements_view_dispose;

  g_type_ensure (TRELLIS_TYPE_SECTION_HEADER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-statements-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementsView, header);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementsView, statement_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_statements_view_init (TrellisStatementsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
trellis_statements_view_new (void)
{
  return g_object_new (TRELLIS_TYPE_STATEMENTS_VIEW, NULL);
}

/**
 * trellis_statements_view_get_section:
 *
 * Returns: (transfer none) (nullable): the section shown
 */
TrellisSection *
trellis_statements_view_get_section (TrellisStatementsView *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENTS_VIEW (self), NULL);
  return self->section;
}
