/* trellis-statement-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-statement-row"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-statement-row.h"

struct _TrellisStatementRow
{
  GtkListBoxRow     parent_instance;

  TrellisStatement *statement;

  GtkLabel         *number_label;
  GtkLabel         *text_label;
  GtkLabel         *kind_label;
  GtkLabel         *cut_label;
  GtkWidget        *tags_box;
  GtkExpander      *guidance_expander;
  GtkBox           *guidance_box;
};

G_DEFINE_FINAL_TYPE (TrellisStatementRow, trellis_statement_row, GTK_TYPE_LIST_BOX_ROW)

static void
add_guidance (TrellisStatementRow *self,
              const char          *heading,
              const char          *text)
{
  GtkWidget *heading_label, *text_label;

  g_assert (TRELLIS_IS_STATEMENT_ROW (self));

  if (text == NULL || *text == '\0')
    return;

  heading_label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (heading_label), 0.0);
  gtk_widget_add_css_class (heading_label, "caption-heading");
  gtk_widget_add_css_class (heading_label, "guidance-heading");

  text_label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text_label), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading_label, NULL,
                                  -1);

  gtk_box_append (self->guidance_box, heading_label);
  gtk_box_append (self->guidance_box, text_label);
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_expander), TRUE);
}

static const char *
kind_name (TrellisStatementKind kind)
{
  switch (kind)
    {
    case TRELLIS_STATEMENT_COMMENT:
      return _("Comment box");
    case TRELLIS_STATEMENT_MULTI:
      return _("Multi-part");
    case TRELLIS_STATEMENT_RATING:
    default:
      return NULL;
    }
}

static void
show_statement (TrellisStatementRow *self)
{
  TrellisStatement *statement = self->statement;
  const char *number = trellis_statement_get_number (statement);
  const char *markup = trellis_statement_get_text_markup (statement);
  g_autofree char *text = markup != NULL ? trellis_markup_to_pango (markup) : NULL;
  const char *kind = kind_name (trellis_statement_get_kind (statement));
  gboolean cut = !trellis_statement_is_in_use (statement);
  g_autoptr(GString) accessible = g_string_new (NULL);

  gtk_label_set_label (self->number_label, number != NULL ? number : "");
  gtk_label_set_markup (self->text_label, text != NULL ? text : "");
  gtk_label_set_label (self->kind_label, kind);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), kind != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->cut_label), cut);
  gtk_widget_set_visible (self->tags_box, kind != NULL || cut);
  if (cut)
    gtk_widget_add_css_class (GTK_WIDGET (self), "cut");
  if (trellis_statement_get_parent_statement (statement) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "sub-statement");

  add_guidance (self, _("Questions to ask"), trellis_statement_get_questions (statement));
  add_guidance (self, _("Best case"), trellis_statement_get_best_case (statement));
  add_guidance (self, _("Worst case"), trellis_statement_get_worst_case (statement));
  add_guidance (self, _("Note"), trellis_statement_get_note (statement));

  /* One sentence a screen reader can say when the row is focused. */
  if (number != NULL && *number != '\0')
    g_string_append_printf (accessible, _("Statement %s: "), number);
  g_string_append (accessible, trellis_statement_get_text (statement) != NULL ? trellis_statement_get_text (statement) : "");
  if (kind != NULL)
    g_string_append_printf (accessible, " (%s)", kind);
  if (cut)
    g_string_append_printf (accessible, " (%s)", _("cut from the checklist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
}

static void
trellis_statement_row_dispose (GObject *object)
{
  TrellisStatementRow *self = (TrellisStatementRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_STATEMENT_ROW);
  g_clear_object (&self->statement);

  G_OBJECT_CLASS (trellis_statement_row_parent_class)->dispose (object);
}

static void
trellis_statement_row_class_init (TrellisStatementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_statement_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-statement-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementRow, cut_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementRow, tags_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementRow, guidance_expander);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatementRow, guidance_box);
}

static void
trellis_statement_row_init (TrellisStatementRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
trellis_statement_row_new (TrellisStatement *statement)
{
  TrellisStatementRow *self;

  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), NULL);

  self = g_object_new (TRELLIS_TYPE_STATEMENT_ROW, NULL);
  self->statement = g_object_ref (statement);
  show_statement (self);
  return GTK_WIDGET (self);
}

/**
 * trellis_statement_row_get_statement:
 *
 * Returns: (transfer none): the statement shown
 */
TrellisStatement *
trellis_statement_row_get_statement (TrellisStatementRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT_ROW (self), NULL);
  return self->statement;
}
