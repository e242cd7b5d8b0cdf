/* trellis-status-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no status page (libadwaita does, and Trellis does without libadwaita), so
 * this is the same layout from plain widgets.
 */
#define G_LOG_DOMAIN "trellis-status-page"

#include "config.h"

#include "trellis-status-page.h"

struct _TrellisStatusPage
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;
  GtkImage  *image;
  GtkLabel  *title_label;
  GtkLabel  *description_label;
  GtkWidget *child_bin;
  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (TrellisStatusPage, trellis_status_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_status_page_dispose (GObject *object)
{
  TrellisStatusPage *self = (TrellisStatusPage *) object;

  self->child = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_STATUS_PAGE);

  G_OBJECT_CLASS (trellis_status_page_parent_class)->dispose (object);
}

static void
trellis_status_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisStatusPage *self = TRELLIS_STATUS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, trellis_status_page_get_icon_name (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, trellis_status_page_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, trellis_status_page_get_description (self));
      break;
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_status_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrellisStatusPage *self = TRELLIS_STATUS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      trellis_status_page_set_icon_name (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      trellis_status_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      trellis_status_page_set_description (self, g_value_get_string (value));
      break;
    case PROP_CHILD:
      trellis_status_page_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_status_page_class_init (TrellisStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_status_page_dispose;
  object_class->get_property = trellis_status_page_get_property;
  object_class->set_property = trellis_status_page_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStatusPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatusPage, image);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatusPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatusPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisStatusPage, child_bin);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statuspage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
trellis_status_page_init (TrellisStatusPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
trellis_status_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_STATUS_PAGE, NULL);
}

const char *
trellis_status_page_get_icon_name (TrellisStatusPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATUS_PAGE (self), NULL);
  return gtk_image_get_icon_name (self->image);
}

void
trellis_status_page_set_icon_name (TrellisStatusPage *self,
                                   const char        *icon_name)
{
  g_return_if_fail (TRELLIS_IS_STATUS_PAGE (self));

  if (g_strcmp0 (gtk_image_get_icon_name (self->image), icon_name) == 0)
    return;
  gtk_image_set_from_icon_name (self->image, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->image), icon_name != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

const char *
trellis_status_page_get_title (TrellisStatusPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATUS_PAGE (self), NULL);
  return gtk_label_get_label (self->title_label);
}

void
trellis_status_page_set_title (TrellisStatusPage *self,
                               const char        *title)
{
  g_return_if_fail (TRELLIS_IS_STATUS_PAGE (self));

  if (g_strcmp0 (gtk_label_get_label (self->title_label), title) == 0)
    return;
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
trellis_status_page_get_description (TrellisStatusPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATUS_PAGE (self), NULL);
  return gtk_label_get_label (self->description_label);
}

void
trellis_status_page_set_description (TrellisStatusPage *self,
                                     const char        *description)
{
  g_return_if_fail (TRELLIS_IS_STATUS_PAGE (self));

  if (g_strcmp0 (gtk_label_get_label (self->description_label), description) == 0)
    return;
  gtk_label_set_label (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * trellis_status_page_get_child:
 *
 * Returns: (transfer none) (nullable): the widget below the description, usually buttons
 */
GtkWidget *
trellis_status_page_get_child (TrellisStatusPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATUS_PAGE (self), NULL);
  return self->child;
}

void
trellis_status_page_set_child (TrellisStatusPage *self,
                               GtkWidget         *child)
{
  g_return_if_fail (TRELLIS_IS_STATUS_PAGE (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  if (self->child != NULL)
    gtk_box_remove (GTK_BOX (self->child_bin), self->child);
  self->child = child;
  if (child != NULL)
    gtk_box_append (GTK_BOX (self->child_bin), child);
  gtk_widget_set_visible (self->child_bin, child != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
