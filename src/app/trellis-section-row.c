/* trellis-section-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-section-row"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-section-row.h"

struct _TrellisSectionRow
{
  GtkListBoxRow   parent_instance;

  TrellisSection *section;

  GtkLabel       *code_label;
  GtkLabel       *title_label;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (TrellisSectionRow, trellis_section_row, GTK_TYPE_LIST_BOX_ROW)

static void
trellis_section_row_dispose (GObject *object)
{
  TrellisSectionRow *self = (TrellisSectionRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_SECTION_ROW);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (trellis_section_row_parent_class)->dispose (object);
}

static void
trellis_section_row_class_init (TrellisSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_section_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionRow, count_label);
}

static void
trellis_section_row_init (TrellisSectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
trellis_section_row_new (TrellisSection *section)
{
  TrellisSectionRow *self;

  g_return_val_if_fail (TRELLIS_IS_SECTION (section), NULL);

  self = g_object_new (TRELLIS_TYPE_SECTION_ROW, NULL);
  self->section = g_object_ref (section);
  trellis_section_row_update (self);
  return GTK_WIDGET (self);
}

/**
 * trellis_section_row_get_section:
 *
 * Returns: (transfer none): the section shown
 */
TrellisSection *
trellis_section_row_get_section (TrellisSectionRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION_ROW (self), NULL);
  return self->section;
}

/**
 * trellis_section_row_update:
 *
 * Shows the section as it is now: code, title, how many statements are rated in it.
 */
void
trellis_section_row_update (TrellisSectionRow *self)
{
  g_autoptr(GPtrArray) rated = NULL;
  g_autofree char *count = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *accessible = NULL;
  const char *code, *title;
  gboolean included;

  g_return_if_fail (TRELLIS_IS_SECTION_ROW (self));

  code = trellis_section_get_code (self->section);
  title = trellis_section_get_title (self->section);
  included = trellis_section_get_included (self->section);
  rated = trellis_section_collect_rated (self->section, TRUE);

  if (!included)
    count = g_strdup (_("Cut from the checklist"));
  else
    count = g_strdup_printf (ngettext ("%u statement", "%u statements", rated->len),
                             rated->len);

  gtk_label_set_label (self->code_label, code != NULL ? code : "");
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), code != NULL && *code != '\0');
  gtk_label_set_label (self->title_label, title != NULL && *title != '\0' ? title : _("Untitled section"));
  gtk_label_set_label (self->count_label, count);
  if (included)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "cut");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "cut");

  /* The code badge is hidden from assistive technology; say it in full instead. */
  if (code != NULL && *code != '\0')
    heading = trellis_section_dup_label (self->section);
  else
    heading = g_strdup (gtk_label_get_label (self->title_label));
  accessible = g_strdup_printf ("%s, %s", heading, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}
