/* trellis-print-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkPrintOperation previews by handing a PDF to the program the desktop names
 * (gtk-print-preview-command), and without one nothing happens. Trellis shows the pages
 * itself instead, drawn by the code that prints them: white paper on a grey desk, one
 * under the other, fitting the window's width or at a zoom.
 */
#define G_LOG_DOMAIN "trellis-print-preview"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "trellis-print-page.h"
#include "trellis-print-preview-private.h"

/* Around the pages and between them, in pixels. */
#define PAGE_MARGIN 24
#define PAGE_GAP 24
/* The page the label names is the one crossing this line, a fraction down the view. */
#define CURRENT_PAGE_LINE 0.3

static const double zoom_steps[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0 };

struct _TrellisPrintPreview
{
  GtkWindow                 parent_instance;

  GtkPrintOperationPreview *preview;  /* until the preview is ended */
  TrellisWorkshopPack      *pack;
  GtkPageSetup             *page_setup;
  guint                     n_pages;
  guint                     current_page;
  double                    zoom;     /* 0: the pages fit the width */

  /* Where the view stays while the pages change size (a zoom, a resized window): the
   * top of the view is anchor_offset page heights below where anchor_page is shown
   * from. Kept until the user scrolls. */
  guint                     anchor_page;
  double                    anchor_offset;
  gboolean                  scrolling;
  gboolean                  anchor_pending;
  double                    last_upper;
  double                    last_page_size;

  GtkLabel                 *page_label;
  GtkWidget                *zoom_button;
  GtkLabel                 *zoom_label;
  GtkScrolledWindow        *scroller;  /* the window's child */
  GtkBox                   *page_box;
  GtkWidget                *print_button;
};

G_DEFINE_FINAL_TYPE (TrellisPrintPreview, trellis_print_preview, GTK_TYPE_WINDOW)

static GtkAdjustment *
get_vadjustment (TrellisPrintPreview *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

static TrellisPrintPage *
get_page (TrellisPrintPreview *self,
          guint                page)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page_box));

  for (guint i = 0; child != NULL && i < page; i++)
    child = gtk_widget_get_next_sibling (child);
  return child != NULL ? TRELLIS_PRINT_PAGE (child) : NULL;
}

/*****/
/* Where the pages are, worked out from the height of the column they make: all pages
 * are the same size, and the column is laid out before the pages in it are. */

static gboolean
get_page_height (TrellisPrintPreview *self,
                 double              *height)
{
  GtkAdjustment *adjustment = get_vadjustment (self);
  double upper = gtk_adjustment_get_upper (adjustment);

  /* All the pages in view: there is nowhere to scroll to. */
  if (self->n_pages == 0 || upper <= gtk_adjustment_get_page_size (adjustment))
    return FALSE;
  *height = (upper - 2 * PAGE_MARGIN - (self->n_pages - 1) * PAGE_GAP) / self->n_pages;
  return *height > 0;
}

/* Where the view starts to show @page: its top, with the margin or gap above it. */
static double
page_start (TrellisPrintPreview *self,
            guint                page,
            double               height)
{
  if (page == 0)
    return 0;
  return PAGE_MARGIN + page * (height + PAGE_GAP) - PAGE_GAP / 2.0;
}

static guint
page_at (TrellisPrintPreview *self,
         double               y,
         double               height)
{
  double page = floor ((y - PAGE_MARGIN + PAGE_GAP / 2.0) / (height + PAGE_GAP));

  return (guint) CLAMP (page, 0, self->n_pages - 1);
}

static void
scroll_to_anchor (TrellisPrintPreview *self)
{
  GtkAdjustment *adjustment = get_vadjustment (self);
  double height;

  if (!get_page_height (self, &height))
    return;
  self->scrolling = TRUE;
  gtk_adjustment_set_value (adjustment,
                            page_start (self, self->anchor_page, height) + self->anchor_offset * height);
  self->scrolling = FALSE;
}

/*****/

static void
update_page_label (TrellisPrintPreview *self)
{
  GtkPaperSize *paper = gtk_page_setup_get_paper_size (self->page_setup);
  /* Translators: the print preview's subtitle: which page is in view, and the paper */
  g_autofree char *label = g_strdup_printf (_("Page %u of %u · %s"), self->current_page + 1, self->n_pages,
                                            gtk_paper_size_get_display_name (paper));

  gtk_label_set_label (self->page_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->current_page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.first-page", self->current_page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->current_page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.last-page", self->current_page + 1 < self->n_pages);
}

/* The zoom the pages are shown at, also while they fit the width. */
static double
get_shown_zoom (TrellisPrintPreview *self)
{
  TrellisPrintPage *first = get_page (self, 0);

  return first != NULL ? trellis_print_page_get_shown_zoom (first) : 1.0;
}

static void
update_zoom (TrellisPrintPreview *self)
{
  double shown = get_shown_zoom (self);
  g_autofree char *label = NULL;

  if (self->zoom > 0)
    /* Translators: the print preview's zoom, e.g. 125% */
    label = g_strdup_printf (C_("zoom", "%.0f%%"), 100 * self->zoom);
  gtk_label_set_label (self->zoom_label, label != NULL ? label : _("Fit Width"));
  /* Its name says what it shows, as a sighted user reads it, and what pressing it does. */
  if (label != NULL)
    {
      /* Translators: the zoom button's name for a screen reader, e.g. "Zoom 75%: fit the width" */
      g_autofree char *name = g_strdup_printf (_("Zoom %s: fit the width"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Fit the page to the window’s width"),
                                      -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fit Width"),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("The pages fit the window’s width"),
                                    -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 shown > 0 && shown * 1.01 < zoom_steps[G_N_ELEMENTS (zoom_steps) - 1]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", shown * 0.99 > zoom_steps[0]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", self->zoom > 0);
}

static void
set_zoom (TrellisPrintPreview *self,
          double               zoom)
{
  GtkWidget *child;

  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->page_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    trellis_print_page_set_zoom (TRELLIS_PRINT_PAGE (child), zoom);
  /* A page wider than the window scrolls sideways; fitting its width, it never needs to. */
  gtk_scrolled_window_set_policy (self->scroller, zoom > 0 ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  update_zoom (self);
}

/* The user scrolled: the view stays where they took it, and the label follows. */
static void
value_changed_cb (TrellisPrintPreview *self)
{
  GtkAdjustment *adjustment = get_vadjustment (self);
  double value = gtk_adjustment_get_value (adjustment);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double height;

  /* Pages changing size move the view too; the anchor puts it back. */
  if (self->scrolling || gtk_adjustment_get_upper (adjustment) != self->last_upper
      || page_size != self->last_page_size || !get_page_height (self, &height))
    return;

  self->anchor_page = page_at (self, value, height);
  self->anchor_offset = (value - page_start (self, self->anchor_page, height)) / height;
  if (value + page_size >= gtk_adjustment_get_upper (adjustment) - 1)
    self->current_page = self->n_pages - 1;
  else
    self->current_page = page_at (self, value + CURRENT_PAGE_LINE * page_size, height);
  update_page_label (self);
}

static void
adjustment_changed_cb (TrellisPrintPreview *self)
{
  GtkAdjustment *adjustment = get_vadjustment (self);

  self->last_upper = gtk_adjustment_get_upper (adjustment);
  self->last_page_size = gtk_adjustment_get_page_size (adjustment);
  /* The view is being laid out: scrolled now, it would move only in the next frame. */
  self->anchor_pending = TRUE;
  update_zoom (self);
}

/* Once the pages have their new size, and before they are drawn, the view goes back
 * to where it was. */
static void
layout_cb (TrellisPrintPreview *self)
{
  if (!self->anchor_pending)
    return;
  self->anchor_pending = FALSE;
  scroll_to_anchor (self);
}

static void
trellis_print_preview_map (GtkWidget *widget)
{
  TrellisPrintPreview *self = TRELLIS_PRINT_PREVIEW (widget);

  GTK_WIDGET_CLASS (trellis_print_preview_parent_class)->map (widget);

  /* After GTK's own layout handler: the frame clock lays out again if this scrolls. */
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "layout", G_CALLBACK (layout_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
trellis_print_preview_unmap (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (widget), layout_cb, widget);

  GTK_WIDGET_CLASS (trellis_print_preview_parent_class)->unmap (widget);
}

/*****/

static void
end_preview (TrellisPrintPreview *self)
{
  g_autoptr(GtkPrintOperationPreview) preview = g_steal_pointer (&self->preview);

  if (preview != NULL)
    gtk_print_operation_preview_end_preview (preview);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisPrintPreview *self = TRELLIS_PRINT_PREVIEW (widget);
  guint page = self->current_page;

  if (g_str_equal (action_name, "preview.previous-page") && page > 0)
    page--;
  else if (g_str_equal (action_name, "preview.next-page") && page + 1 < self->n_pages)
    page++;
  else if (g_str_equal (action_name, "preview.first-page"))
    page = 0;
  else if (g_str_equal (action_name, "preview.last-page"))
    page = self->n_pages - 1;
  trellis_print_preview_show_page (self, page);
}

/* How much of the screen before stays in view after Page Down or Page Up, to read on from. */
#define PAGING_OVERLAP 48

/* Page Down reads on: a screenful at a time while the page at the top of the view goes on
 * below it (zoomed in, a page is taller than the window), then the next page's top, so
 * no part of a page is skipped. Page Up likewise, backwards. The buttons still go a whole
 * page at a time. */
static void
paging_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisPrintPreview *self = TRELLIS_PRINT_PREVIEW (widget);
  GtkAdjustment *adjustment = get_vadjustment (self);
  double value = gtk_adjustment_get_value (adjustment);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  gboolean down = g_str_equal (action_name, "preview.page-down");
  double height, top, bottom;
  guint page;

  if (!get_page_height (self, &height))
    return;
  page = page_at (self, value, height);
  top = page_start (self, page, height);
  bottom = PAGE_MARGIN + page * (height + PAGE_GAP) + height;
  if (down && bottom > value + page_size + 1)
    gtk_adjustment_set_value (adjustment, MIN (value + page_size - PAGING_OVERLAP,
                                               bottom - page_size + PAGE_GAP / 2.0));
  else if (down && page + 1 < self->n_pages)
    trellis_print_preview_show_page (self, page + 1);
  else if (down)
    /* The last page's foot is in view: on to the margin below it. */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - page_size);
  else if (!down && value > top + 1)
    gtk_adjustment_set_value (adjustment, MAX (value - page_size + PAGING_OVERLAP, top));
  else if (!down && page > 0)
    gtk_adjustment_set_value (adjustment, MAX (value - page_size + PAGING_OVERLAP,
                                               page_start (self, page - 1, height)));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisPrintPreview *self = TRELLIS_PRINT_PREVIEW (widget);
  double shown = get_shown_zoom (self);

  if (g_str_equal (action_name, "preview.zoom-fit"))
    {
      set_zoom (self, 0);
      return;
    }
  /* From a width that fits, the next step up or down from what it shows. */
  if (g_str_equal (action_name, "preview.zoom-in"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > shown * 1.01)
          {
            set_zoom (self, zoom_steps[i]);
            return;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
        if (zoom_steps[i - 1] < shown * 0.99)
          {
            set_zoom (self, zoom_steps[i - 1]);
            return;
          }
    }
}

/* The window that opened the preview prints, through its own Print action, which asks
 * for the printer; the preview is over by then. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
  g_autoptr(GtkWidget) printer = parent != NULL ? g_object_ref (GTK_WIDGET (parent)) : NULL;

  gtk_window_close (GTK_WINDOW (widget));
  if (printer != NULL)
    gtk_widget_activate_action (printer, "win.print", NULL);
}

static gboolean
trellis_print_preview_close_request (GtkWindow *window)
{
  end_preview (TRELLIS_PRINT_PREVIEW (window));
  return GTK_WINDOW_CLASS (trellis_print_preview_parent_class)->close_request (window);
}

static void
trellis_print_preview_dispose (GObject *object)
{
  TrellisPrintPreview *self = (TrellisPrintPreview *) object;

  /* Gone with its parent, unclosed: the operation still waits to hear it is over. */
  end_preview (self);
  if (self->scroller != NULL)
    g_signal_handlers_disconnect_by_data (get_vadjustment (self), self);
  self->scroller = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PRINT_PREVIEW);

  G_OBJECT_CLASS (trellis_print_preview_parent_class)->dispose (object);
}

static void
trellis_print_preview_finalize (GObject *object)
{
  TrellisPrintPreview *self = (TrellisPrintPreview *) object;

  g_clear_pointer (&self->pack, trellis_workshop_pack_unref);
  g_clear_object (&self->page_setup);

  G_OBJECT_CLASS (trellis_print_preview_parent_class)->finalize (object);
}

static void
trellis_print_preview_class_init (TrellisPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trellis_print_preview_dispose;
  object_class->finalize = trellis_print_preview_finalize;
  widget_class->map = trellis_print_preview_map;
  widget_class->unmap = trellis_print_preview_unmap;
  window_class->close_request = trellis_print_preview_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPrintPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisPrintPreview, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPrintPreview, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisPrintPreview, page_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisPrintPreview, print_button);

  /* No dialog role: GTK 4.8 shows a window with it to screen readers as a "filler". */

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.last-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.page-down", NULL, paging_action);
  gtk_widget_class_install_action (widget_class, "preview.page-up", NULL, paging_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
}

/* Before the scrolled view's own keys (which move a screenful, not a page) and whatever
 * has the focus. */
static void
add_shortcuts (TrellisPrintPreview *self)
{
  static const struct {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    { "Page_Up", "preview.page-up" },
    { "Page_Down", "preview.page-down" },
    { "<Control>Page_Up", "preview.previous-page" },
    { "<Control>Page_Down", "preview.next-page" },
    { "Home", "preview.first-page" },
    { "End", "preview.last-page" },
    { "<Control>plus|<Control>equal", "preview.zoom-in" },
    { "<Control>KP_Add", "preview.zoom-in" },
    { "<Control>minus|<Control>KP_Subtract", "preview.zoom-out" },
    { "<Control>0|<Control>KP_0", "preview.zoom-fit" },
    { "<Control>p", "preview.print" },
    { "Escape|<Control>w", "window.close" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (shortcuts[i].trigger);

      g_assert (trigger != NULL);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, gtk_named_action_new (shortcuts[i].action)));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
trellis_print_preview_init (TrellisPrintPreview *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The window's own child, not a template child: the window takes it down itself. */
  self->scroller = GTK_SCROLLED_WINDOW (gtk_window_get_child (GTK_WINDOW (self)));

  gtk_box_set_spacing (self->page_box, PAGE_GAP);
  gtk_widget_set_margin_top (GTK_WIDGET (self->page_box), PAGE_MARGIN);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->page_box), PAGE_MARGIN);
  gtk_widget_set_margin_start (GTK_WIDGET (self->page_box), PAGE_MARGIN);
  gtk_widget_set_margin_end (GTK_WIDGET (self->page_box), PAGE_MARGIN);
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adjustment = get_vadjustment (self);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);
  g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self);
  add_shortcuts (self);

  /* Printing is what comes next; Escape closes. */
  gtk_window_set_focus (GTK_WINDOW (self), self->print_button);
}

/**
 * trellis_print_preview_new:
 * @parent: (nullable): the window to print from: Print asks it (its win.print action)
 * @preview: (nullable): the print operation's preview, ended when the window closes
 * @pack: the workshop pack, laid out for @page_setup's paper
 * @page_setup: the paper, its full size in points being what @pack was paginated for
 *
 * Returns: (transfer none): the preview, not shown yet; GTK holds it until it is closed
 */
TrellisPrintPreview *
trellis_print_preview_new (GtkWindow                *parent,
                           GtkPrintOperationPreview *preview,
                           TrellisWorkshopPack      *pack,
                           GtkPageSetup             *page_setup)
{
  TrellisPrintPreview *self;
  g_autofree char *pack_title = NULL;
  g_autofree char *title = NULL;
  double width, height;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (preview == NULL || GTK_IS_PRINT_OPERATION_PREVIEW (preview), NULL);
  g_return_val_if_fail (pack != NULL, NULL);
  g_return_val_if_fail (GTK_IS_PAGE_SETUP (page_setup), NULL);

  self = g_object_new (TRELLIS_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  g_set_object (&self->preview, preview);
  self->pack = trellis_workshop_pack_ref (pack);
  self->page_setup = gtk_page_setup_copy (page_setup);
  self->n_pages = trellis_workshop_pack_get_n_pages (pack);

  width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  for (guint i = 0; i < self->n_pages; i++)
    gtk_box_append (self->page_box, trellis_print_page_new (pack, i, width, height));

  pack_title = trellis_workshop_pack_dup_title (pack);
  /* Translators: the print preview's window title; %s is what it shows, e.g.
   * "Workshop pack – Northshire Community Safety Partnership – Autumn 2026" */
  title = g_strdup_printf (_("Print Preview – %s"), pack_title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", parent != NULL);
  update_page_label (self);
  update_zoom (self);
  return self;
}

guint
trellis_print_preview_get_n_pages (TrellisPrintPreview *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}

/**
 * trellis_print_preview_get_current_page:
 *
 * Returns: the 0-based page in view (the one the subtitle names)
 */
guint
trellis_print_preview_get_current_page (TrellisPrintPreview *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_PREVIEW (self), 0);
  return self->current_page;
}

/**
 * trellis_print_preview_show_page:
 * @page: 0-based
 *
 * Scrolls @page to the top of the view.
 */
void
trellis_print_preview_show_page (TrellisPrintPreview *self,
                                 guint                page)
{
  g_return_if_fail (TRELLIS_IS_PRINT_PREVIEW (self));
  g_return_if_fail (page < self->n_pages);

  self->current_page = page;
  self->anchor_page = page;
  self->anchor_offset = 0;
  scroll_to_anchor (self);
  update_page_label (self);
}

const char *
_trellis_print_preview_get_page_label (TrellisPrintPreview *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_PREVIEW (self), NULL);
  return gtk_label_get_label (self->page_label);
}

const char *
_trellis_print_preview_get_zoom_label (TrellisPrintPreview *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_PREVIEW (self), NULL);
  return gtk_label_get_label (self->zoom_label);
}

GtkWidget *
_trellis_print_preview_get_page_box (TrellisPrintPreview *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_PREVIEW (self), NULL);
  return GTK_WIDGET (self->page_box);
}
