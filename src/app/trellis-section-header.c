/* trellis-section-header.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The heading the responses and statements views share, so that a section looks the
 * same whichever of them shows it.
 */
#define G_LOG_DOMAIN "trellis-section-header"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-section-header.h"

struct _TrellisSectionHeader
{
  GtkWidget  parent_instance;

  GtkLabel  *overline_label;
  GtkLabel  *title_label;
  GtkLabel  *description_label;
  GtkLabel  *meta_label;
};

G_DEFINE_FINAL_TYPE (TrellisSectionHeader, trellis_section_header, GTK_TYPE_WIDGET)

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

static void
trellis_section_header_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_SECTION_HEADER);
  /* The box holding the labels is not a template child of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_section_header_parent_class)->dispose (object);
}

static void
trellis_section_header_class_init (TrellisSectionHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_section_header_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-section-header.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionHeader, overline_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionHeader, description_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisSectionHeader, meta_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_section_header_init (TrellisSectionHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trellis_section_header_show:
 * @section: the section
 *
 * Shows @section's code, title and description as they are now, and what it holds.
 */
void
trellis_section_header_show (TrellisSectionHeader *self,
                             TrellisSection       *section)
{
  g_autofree char *overline = NULL;
  g_autofree char *meta = NULL;
  const char *code, *title;

  g_return_if_fail (TRELLIS_IS_SECTION_HEADER (self));
  g_return_if_fail (TRELLIS_IS_SECTION (section));

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
}
