/* trellis-print-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page drawn by the code that prints it, scaled to the screen: at a zoom of 1 a
 * centimetre of paper is a centimetre on a 96 dpi screen; at a zoom of 0 the page is as
 * wide as it is given and as tall as the paper's proportions make it.
 */
#define G_LOG_DOMAIN "trellis-print-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "trellis-print-page.h"

/* Screen pixels per point of paper at a zoom of 1: CSS pixels are 1/96 inch. */
#define PIXELS_PER_POINT (96.0 / 72.0)
/* Fitting the width, a page still stays large enough to make out. */
#define MIN_FIT_WIDTH 160

struct _TrellisPrintPage
{
  GtkWidget            parent_instance;

  TrellisWorkshopPack *pack;
  guint                page;
  double               page_width;   /* points */
  double               page_height;  /* points */
  double               zoom;         /* 0: as wide as given */
};

G_DEFINE_FINAL_TYPE (TrellisPrintPage, trellis_print_page, GTK_TYPE_WIDGET)

static int
width_at_zoom (TrellisPrintPage *self,
               double            zoom)
{
  return (int) ceil (self->page_width * zoom * PIXELS_PER_POINT);
}

static GtkSizeRequestMode
trellis_print_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
trellis_print_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TrellisPrintPage *self = TRELLIS_PRINT_PAGE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->zoom > 0 ? width_at_zoom (self, self->zoom) : MIN_FIT_WIDTH;
      *natural = self->zoom > 0 ? *minimum : width_at_zoom (self, 1.0);
    }
  else
    {
      int width = for_size >= 0 ? for_size : width_at_zoom (self, self->zoom > 0 ? self->zoom : 1.0);

      /* At a zoom the page keeps its size whatever width it is given (it is centred in it). */
      if (self->zoom > 0)
        width = width_at_zoom (self, self->zoom);
      *minimum = *natural = (int) ceil (width * self->page_height / self->page_width);
    }
}

static void
trellis_print_page_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TrellisPrintPage *self = TRELLIS_PRINT_PAGE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GskRoundedRect outline;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* Paper lying on the desk: a soft shadow around it. */
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.3 }, 0, 1, 0, 6);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, width / self->page_width, width / self->page_width);
  trellis_workshop_pack_draw_page (self->pack, cr, self->page);
  cairo_destroy (cr);
}

static void
trellis_print_page_finalize (GObject *object)
{
  TrellisPrintPage *self = (TrellisPrintPage *) object;

  g_clear_pointer (&self->pack, trellis_workshop_pack_unref);

  G_OBJECT_CLASS (trellis_print_page_parent_class)->finalize (object);
}

static void
trellis_print_page_class_init (TrellisPrintPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = trellis_print_page_finalize;
  widget_class->get_request_mode = trellis_print_page_get_request_mode;
  widget_class->measure = trellis_print_page_measure;
  widget_class->snapshot = trellis_print_page_snapshot;

  gtk_widget_class_set_css_name (widget_class, "printpage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
trellis_print_page_init (TrellisPrintPage *self)
{
}

/**
 * trellis_print_page_new:
 * @pack: the pack, laid out on pages of @page_width × @page_height points
 * @page: 0-based
 *
 * Returns: (transfer floating): the page, fitting the width it is given
 */
GtkWidget *
trellis_print_page_new (TrellisWorkshopPack *pack,
                        guint                page,
                        double               page_width,
                        double               page_height)
{
  TrellisPrintPage *self;
  g_autofree char *name = NULL;
  const char *heading;
  g_autofree char *description = NULL;
  guint n_pages;

  g_return_val_if_fail (pack != NULL, NULL);
  n_pages = trellis_workshop_pack_get_n_pages (pack);
  g_return_val_if_fail (page < n_pages, NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  self = g_object_new (TRELLIS_TYPE_PRINT_PAGE, NULL);
  self->pack = trellis_workshop_pack_ref (pack);
  self->page = page;
  self->page_width = page_width;
  self->page_height = page_height;

  /* Translators: a page of the print preview, said by a screen reader */
  name = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  heading = trellis_workshop_pack_get_page_heading (pack, page);
  /* A page that carries on the one before says what it continues. */
  for (guint before = page; heading == NULL && before > 0; before--)
    {
      const char *continued = trellis_workshop_pack_get_page_heading (pack, before - 1);

      if (continued != NULL)
        /* Translators: a print preview page that carries on "Section C – Outcomes Focus" */
        description = g_strdup_printf (_("%s (continued)"), continued);
      if (continued != NULL)
        break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  heading != NULL ? heading : description != NULL ? description : "",
                                  -1);
  return GTK_WIDGET (self);
}

guint
trellis_print_page_get_page (TrellisPrintPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_PAGE (self), 0);
  return self->page;
}

/**
 * trellis_print_page_get_zoom:
 *
 * Returns: the zoom, 1 for the paper's own size, 0 when fitting the width given
 */
double
trellis_print_page_get_zoom (TrellisPrintPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_PAGE (self), 0);
  return self->zoom;
}

/**
 * trellis_print_page_set_zoom:
 * @zoom: 1 for the paper's own size on the screen, 0 to fit the width given
 */
void
trellis_print_page_set_zoom (TrellisPrintPage *self,
                             double            zoom)
{
  g_return_if_fail (TRELLIS_IS_PRINT_PAGE (self));
  g_return_if_fail (zoom >= 0);

  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  /* At a zoom a page narrower than the window is centred in it. */
  gtk_widget_set_halign (GTK_WIDGET (self), zoom > 0 ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * trellis_print_page_get_shown_zoom:
 *
 * Returns: the zoom the page is shown at, also when fitting the width it was given
 */
double
trellis_print_page_get_shown_zoom (TrellisPrintPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_PAGE (self), 0);

  if (self->zoom > 0)
    return self->zoom;
  return gtk_widget_get_width (GTK_WIDGET (self)) / (self->page_width * PIXELS_PER_POINT);
}
