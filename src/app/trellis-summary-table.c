/* trellis-summary-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkGrid rather than a GtkColumnView: its column headers can wrap ("Strongly /
 * disagree") so eleven numeric columns fit beside the statement text, and each cell can
 * tell a screen reader which column it is in, which GTK 4.8's column view cannot.
 */
#define G_LOG_DOMAIN "trellis-summary-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "trellis-format.h"
#include "trellis-summary-table.h"

struct _TrellisSummaryTable
{
  GtkWidget  parent_instance;

  GtkWidget *grid;
  guint      n_columns;
  guint      n_rows;
  GMenu     *plan_menu;  /* "Add to improvement plan", one item per statement shown */
  GPtrArray *headers;    /* the column headers, borrowed from the grid, number column first */

  /* The statements not yet in the grid (see "Rows below the first screen"). */
  TrellisSummary        *summary;
  TrellisSectionSummary *section;
  GArray                *columns;
  guint                  next_item;
  int                    next_row;
  guint                  fill_source;
  GdkFrameClock         *frame_clock;
  gulong                 layout_handler;
  gulong                 after_paint_handler;
  gboolean               scroll_to_end;  /* End was pressed while rows were still to add */
};

G_DEFINE_FINAL_TYPE (TrellisSummaryTable, trellis_summary_table, GTK_TYPE_WIDGET)

static void forget_pending (TrellisSummaryTable *self);
static void add_all_statements (TrellisSummaryTable *self);

typedef enum
{
  COLUMN_COUNT,
  COLUMN_POINT,
  COLUMN_NOT_APPLICABLE,
  COLUMN_DONT_KNOW,
  COLUMN_BLANK,
  COLUMN_NOT_SHOWN,
  COLUMN_MEAN,
  COLUMN_AGREE,
} ColumnKind;

typedef struct
{
  ColumnKind  kind;
  guint       point;
  char       *title;
  const char *spoken_title;
  const char *tooltip;
} Column;

static void
column_clear (Column *column)
{
  g_clear_pointer (&column->title, g_free);
}

/* "Not shown" only where the survey hid some statements: elsewhere it is always 0. */
static GArray *
collect_columns (TrellisScale *scale,
                 gboolean      with_not_shown)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));
  guint n_points = trellis_scale_get_n_points (scale);
  Column column;

  g_array_set_clear_func (columns, (GDestroyNotify) column_clear);

  column = (Column) { COLUMN_COUNT, 0, g_strdup (C_("column", "n")), _("Answers on the scale"),
                      _("Answers on the scale: the base of the mean and the percentages") };
  g_array_append_val (columns, column);
  for (guint p = 1; p <= n_points; p++)
    {
      const char *label = trellis_scale_get_point_label (scale, p);
      column = (Column) { COLUMN_POINT, p,
                          label != NULL ? g_strdup (label) : g_strdup_printf ("%u", p), NULL, NULL };
      g_array_append_val (columns, column);
    }
  if (trellis_scale_get_allow_na (scale))
    {
      column = (Column) { COLUMN_NOT_APPLICABLE, 0, g_strdup (trellis_scale_get_na_label (scale)),
                          NULL, NULL };
      g_array_append_val (columns, column);
    }
  if (trellis_scale_get_allow_dk (scale))
    {
      column = (Column) { COLUMN_DONT_KNOW, 0, g_strdup (trellis_scale_get_dk_label (scale)),
                          NULL, NULL };
      g_array_append_val (columns, column);
    }
  column = (Column) { COLUMN_BLANK, 0, g_strdup (C_("column", "Blank")), NULL,
                      _("Respondents who left the statement unanswered") };
  g_array_append_val (columns, column);
  if (with_not_shown)
    {
      column = (Column) { COLUMN_NOT_SHOWN, 0, g_strdup (C_("column", "Not shown")), NULL,
                          _("Respondents the survey never showed the statement, for example because of "
                            "its conditions; not counted as blank") };
      g_array_append_val (columns, column);
    }
  column = (Column) { COLUMN_MEAN, 0, g_strdup (C_("column", "Mean")), NULL,
                      _("Mean of the answers on the scale, from 1 to the number of points") };
  g_array_append_val (columns, column);
  column = (Column) { COLUMN_AGREE, 0, g_strdup (C_("column", "% agree")), _("Percent agreeing"),
                      _("Percentage of the answers on the scale above its middle") };
  g_array_append_val (columns, column);
  return columns;
}

static char *
format_cell (const Column              *column,
             const TrellisDistribution *dist)
{
  switch (column->kind)
    {
    case COLUMN_COUNT:
      return g_strdup_printf ("%u", dist->valid);
    case COLUMN_POINT:
      return g_strdup_printf ("%u", dist->counts[column->point - 1]);
    case COLUMN_NOT_APPLICABLE:
      return g_strdup_printf ("%u", dist->not_applicable);
    case COLUMN_DONT_KNOW:
      return g_strdup_printf ("%u", dist->dont_know);
    case COLUMN_BLANK:
      return g_strdup_printf ("%u", dist->blank);
    case COLUMN_NOT_SHOWN:
      return g_strdup_printf ("%u", dist->not_shown);
    case COLUMN_MEAN:
      return trellis_format_mean (dist->mean);
    case COLUMN_AGREE:
      return trellis_format_percent (dist->valid > 0 ? dist->pct_agree : NAN);
    default:
      g_assert_not_reached ();
    }
}

/* Every statement takes two grid rows: its text across the table, then its numbers under
 * the column headers. The checklist's statements run to 250 characters; beside eleven
 * numeric columns they would wrap into a narrow, very tall column. */
static void
attach_cell (TrellisSummaryTable *self,
             GtkWidget           *cell,
             const char          *row_class,
             guint                statement,
             int                  column,
             int                  row,
             int                  width,
             int                  height)
{
  g_assert (TRELLIS_IS_SUMMARY_TABLE (self));

  gtk_widget_add_css_class (cell, "cell");
  gtk_widget_add_css_class (cell, row_class);
  if ((guint) (column + width) == self->n_columns + 1)
    gtk_widget_add_css_class (cell, "last-column");
  if (statement % 2 == 1)
    gtk_widget_add_css_class (cell, "even");
  gtk_grid_attach (GTK_GRID (self->grid), cell, column, row, width, height);
}

static GtkWidget *
new_header (const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_yalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static GtkWidget *
new_number_cell (TrellisItemSummary *item)
{
  GtkWidget *number = gtk_label_new (trellis_statement_get_number (item->statement));
  g_autofree char *accessible = trellis_statement_dup_label (item->statement);

  gtk_label_set_xalign (GTK_LABEL (number), 1.0);
  gtk_label_set_yalign (GTK_LABEL (number), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_widget_add_css_class (number, "statement-number");
  gtk_widget_add_css_class (number, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (number),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return number;
}

/* A grid, not a horizontal box: GtkBox measures each child's width for the row's
 * height, which GTK 4.8's wrapping GtkLabel answers by laying its whole text out again
 * and again in a binary search; GtkGrid sizes its columns without a height. */
static GtkWidget *
new_text_cell (TrellisItemSummary *item)
{
  GtkWidget *cell = gtk_grid_new ();
  GtkWidget *text = gtk_label_new (NULL);
  const char *markup = trellis_statement_get_text_markup (item->statement);
  g_autofree char *pango = markup != NULL ? trellis_markup_to_pango (markup) : NULL;

  /* Emphasis as the checklist prints it: "my own organisation", "the other partners". */
  gtk_label_set_markup (GTK_LABEL (text), pango != NULL ? pango : "");

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 60);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_widget_set_hexpand (text, TRUE);
  /* The statement's number cell already says the whole statement. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_grid_set_column_spacing (GTK_GRID (cell), 12);
  gtk_grid_attach (GTK_GRID (cell), text, 0, 0, 1, 1);

  if (!item->asked)
    {
      GtkWidget *tag = gtk_label_new (_("Not asked in this round"));

      gtk_widget_set_valign (tag, GTK_ALIGN_START);
      gtk_widget_add_css_class (tag, "tag");
      gtk_widget_add_css_class (tag, "cut-tag");
      gtk_widget_add_css_class (text, "dim-label");
      gtk_grid_attach (GTK_GRID (cell), tag, 1, 0, 1, 1);
    }
  return cell;
}

/* The lead-in of a statement with rated parts: its number and words, nothing to count. */
static GtkWidget *
new_stem_number_cell (TrellisStatement *stem)
{
  GtkWidget *number = gtk_label_new (trellis_statement_get_number (stem));
  g_autofree char *accessible = trellis_statement_dup_label (stem);

  gtk_label_set_xalign (GTK_LABEL (number), 1.0);
  gtk_label_set_yalign (GTK_LABEL (number), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_widget_add_css_class (number, "statement-number");
  gtk_widget_add_css_class (number, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (number), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return number;
}

static GtkWidget *
new_stem_text_cell (TrellisStatement *stem)
{
  GtkWidget *text = gtk_label_new (NULL);
  const char *markup = trellis_statement_get_text_markup (stem);
  g_autofree char *pango = markup != NULL ? trellis_markup_to_pango (markup) : NULL;

  gtk_label_set_markup (GTK_LABEL (text), pango != NULL ? pango : "");
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 60);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (text, "stem-text");
  /* The number cell already says the whole lead-in. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return text;
}

static GtkWidget *
new_value_cell (const Column       *column,
                TrellisItemSummary *item)
{
  g_autofree char *text = item->asked ? format_cell (column, &item->dist)
                                      : g_strdup (TRELLIS_FORMAT_NO_VALUE);
  g_autofree char *accessible = g_strdup_printf ("%s: %s",
                                                 column->spoken_title != NULL ? column->spoken_title
                                                                              : column->title,
                                                 text);
  GtkWidget *cell = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (cell), 1.0);
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_widget_add_css_class (cell, "numeric");
  if (column->kind == COLUMN_MEAN || column->kind == COLUMN_AGREE)
    gtk_widget_add_css_class (cell, "statistic");
  /* Read out of the grid, "3" means nothing; "Strongly agree: 3" does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return cell;
}

static void
clear_grid (TrellisSummaryTable *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  self->n_rows = 0;
  g_ptr_array_set_size (self->headers, 0);
  g_menu_remove_all (self->plan_menu);
  forget_pending (self);
}

static void
popup_menu (TrellisSummaryTable *self,
            GMenuModel          *model,
            GtkWidget           *at,
            double               x,
            double               y)
{
  GtkWidget *popover = gtk_popover_menu_new_from_model (model);
  GdkRectangle point = { (int) x, (int) y, 1, 1 };

  gtk_widget_set_parent (popover, at);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &point);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* A right click on a statement: its menu, "Add to improvement plan". */
static void
statement_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkWidget       *cell)
{
  TrellisSummaryTable *self = TRELLIS_SUMMARY_TABLE (gtk_widget_get_ancestor (cell, TRELLIS_TYPE_SUMMARY_TABLE));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("_Add to Improvement Plan"), NULL);

  g_menu_item_set_action_and_target (item, "win.add-to-plan", "s", g_object_get_data (G_OBJECT (cell), "statement-id"));
  g_menu_append_item (menu, item);
  popup_menu (self, G_MENU_MODEL (menu), cell, x, y);
}

/* From the keyboard (Ctrl+Shift+A, Shift+F10, Menu): which statement to add, as a menu. */
static void
add_to_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisSummaryTable *self = TRELLIS_SUMMARY_TABLE (widget);
  g_autoptr(GMenu) menu = g_menu_new ();

  /* Every statement of the section, not only those added so far. */
  add_all_statements (self);
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->plan_menu)) == 0)
    return;
  g_menu_append_section (menu, _("Add to Improvement Plan"), G_MENU_MODEL (self->plan_menu));
  popup_menu (self, G_MENU_MODEL (menu), widget, 24, 24);
}

/* The statement's entry in the table's "Add to improvement plan" menu, and the menu a
 * right click on its text opens. */
static void
add_plan_item (TrellisSummaryTable *self,
               TrellisItemSummary  *item,
               GtkWidget           *text_cell)
{
  const char *id = trellis_statement_get_id (item->statement);
  g_autofree char *label = g_strdup_printf ("%s  %s", trellis_statement_get_number (item->statement) ?: "",
                                            trellis_statement_get_text (item->statement) ?: "");
  g_autoptr(GMenuItem) menu_item = NULL;
  GtkGesture *click = gtk_gesture_click_new ();

  if (g_utf8_strlen (label, -1) > 70)
    {
      g_autofree char *whole = g_steal_pointer (&label);

      *g_utf8_offset_to_pointer (whole, 68) = '\0';
      label = g_strconcat (whole, "…", NULL);
    }
  menu_item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target (menu_item, "win.add-to-plan", "s", id);
  g_menu_append_item (self->plan_menu, menu_item);

  g_object_set_data_full (G_OBJECT (text_cell), "statement-id", g_strdup (id), g_free);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (statement_pressed_cb), text_cell);
  gtk_widget_add_controller (text_cell, GTK_EVENT_CONTROLLER (click));
}

/* ---- Rows below the first screen ----
 *
 * Laying out a statement's wrapped text and its dozen numbers is most of the cost of the
 * window's first frame: a section of 18 statements is some 250 labels, measured and
 * shaped before anything is drawn. Only the rows in view are needed for that frame, so
 * the table adds at once the rows that would fill the window's height and, after each
 * frame is drawn, a few more, until the section is whole. A frame is never drawn with
 * rows missing in view: after each layout, if the rows so far end above the bottom of the
 * scrolled window, more are added and the layout is run again before the paint (GDK
 * repeats the layout phase while a widget asks for one). Scrolled away from the top, or
 * outside a scrolled window, every row is added at once. */

/* A statement's rows, typically: three lines of text and a row of numbers. Only a first
 * guess at how many fill the window: layout_cb() adds those it falls short by. */
#define TYPICAL_STATEMENT_HEIGHT 100
#define STATEMENTS_PER_FRAME 4

static void
attach_statement (TrellisSummaryTable *self,
                  guint                i)
{
  GPtrArray *items = self->section->items;
  TrellisItemSummary *item = g_ptr_array_index (items, i);
  TrellisStatement *stem = trellis_statement_get_parent_statement (item->statement);
  guint n_columns = self->columns->len;
  GtkWidget *text_cell;

  /* A lead-in's parts ("55a", "55b") make sense only after its words: they come first,
   * on a row of their own with no numbers. */
  if (stem != NULL && (i == 0 || trellis_statement_get_parent_statement (
                         ((TrellisItemSummary *) g_ptr_array_index (items, i - 1))->statement) != stem))
    {
      attach_cell (self, new_stem_number_cell (stem), "stem-number-cell", i, 0, self->next_row, 1, 1);
      attach_cell (self, new_stem_text_cell (stem), "stem-cell", i, 1, self->next_row, n_columns, 1);
      self->next_row++;
    }
  text_cell = new_text_cell (item);
  attach_cell (self, new_number_cell (item), "number-cell", i, 0, self->next_row, 1, 2);
  add_plan_item (self, item, text_cell);
  attach_cell (self, text_cell, "text-cell", i, 1, self->next_row, n_columns, 1);
  for (guint c = 0; c < n_columns; c++)
    attach_cell (self, new_value_cell (&g_array_index (self->columns, Column, c), item),
                 "value-cell", i, c + 1, self->next_row + 1, 1, 1);
  self->next_row += 2;
}

static gboolean
has_pending (TrellisSummaryTable *self)
{
  return self->section != NULL && self->next_item < self->section->items->len;
}

static void
forget_pending (TrellisSummaryTable *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_pointer (&self->summary, trellis_summary_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  self->section = NULL;
  self->next_item = 0;
  self->next_row = 0;
}

/* Adds up to @n more statements; the summary is let go of once all are in. */
static void
add_statements (TrellisSummaryTable *self,
                guint                n)
{
  for (; n > 0 && has_pending (self); n--)
    attach_statement (self, self->next_item++);
  if (!has_pending (self))
    forget_pending (self);
}

static void
add_all_statements (TrellisSummaryTable *self)
{
  add_statements (self, G_MAXUINT);
}

static gboolean
scrolled_to_top (TrellisSummaryTable *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  return scroller != NULL
         && gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))) <= 0;
}

static guint
first_screen_statements (TrellisSummaryTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width, height = 0;

  if (GTK_IS_WINDOW (root))
    {
      height = gtk_widget_get_height (GTK_WIDGET (root));
      if (height <= 0)
        gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
    }
  /* Not yet sized: as tall as a large screen. */
  if (height <= 0)
    height = 1600;
  return height / TYPICAL_STATEMENT_HEIGHT + 1;
}

/* After a layout: the rows so far must reach the bottom of the scrolled window. */
static void
layout_cb (GdkFrameClock       *frame_clock,
           TrellisSummaryTable *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t grid;
  double missing, per_statement;

  if (self->scroll_to_end && scroller != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      self->scroll_to_end = FALSE;
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                            - gtk_adjustment_get_page_size (adjustment));
    }
  if (!has_pending (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (scroller == NULL || !gtk_widget_compute_bounds (self->grid, scroller, &grid))
    {
      add_all_statements (self);
      return;
    }
  missing = gtk_widget_get_height (scroller) - (grid.origin.y + grid.size.height);
  if (missing < 0)
    return;
  /* As many more as the rows so far suggest, and a few besides. */
  per_statement = MAX (grid.size.height / MAX (self->next_item, 1), 1);
  add_statements (self, (guint) (missing / per_statement) + STATEMENTS_PER_FRAME);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
fill_cb (gpointer user_data)
{
  TrellisSummaryTable *self = user_data;

  self->fill_source = 0;
  add_statements (self, STATEMENTS_PER_FRAME);
  return G_SOURCE_REMOVE;
}

/* Once a frame is drawn, a few more rows, in the next frame. */
static void
after_paint_cb (GdkFrameClock       *frame_clock,
                TrellisSummaryTable *self)
{
  if (has_pending (self) && self->fill_source == 0)
    self->fill_source = g_idle_add (fill_cb, self);
}

static void
trellis_summary_table_realize (GtkWidget *widget)
{
  TrellisSummaryTable *self = TRELLIS_SUMMARY_TABLE (widget);

  GTK_WIDGET_CLASS (trellis_summary_table_parent_class)->realize (widget);
  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->layout_handler = g_signal_connect_after (self->frame_clock, "layout", G_CALLBACK (layout_cb), self);
  self->after_paint_handler = g_signal_connect (self->frame_clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
trellis_summary_table_unrealize (GtkWidget *widget)
{
  TrellisSummaryTable *self = TRELLIS_SUMMARY_TABLE (widget);

  g_clear_signal_handler (&self->layout_handler, self->frame_clock);
  g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);
  GTK_WIDGET_CLASS (trellis_summary_table_parent_class)->unrealize (widget);
}

/* Focused, the table is one stop for the keyboard: Up, Down, Page Up, Page Down, Home and
 * End scroll it, as they would a text, through the scrolled window it is in. */
static void
scroll_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double value, step, page;

  if (scroller == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* A line of the table, about; a page keeps a line of the one before in view. */
  step = MAX (gtk_adjustment_get_step_increment (adjustment), 48);
  switch (g_variant_get_int32 (parameter))
    {
    case GTK_SCROLL_STEP_UP:
      value -= step;
      break;
    case GTK_SCROLL_STEP_DOWN:
      value += step;
      break;
    case GTK_SCROLL_PAGE_UP:
      value -= MAX (page - step, step);
      break;
    case GTK_SCROLL_PAGE_DOWN:
      value += MAX (page - step, step);
      break;
    case GTK_SCROLL_START:
      value = gtk_adjustment_get_lower (adjustment);
      break;
    case GTK_SCROLL_END:
      /* The end is the section's, not that of the rows added so far: with rows still to
       * add, it is known after the next layout. */
      if (has_pending (TRELLIS_SUMMARY_TABLE (widget)))
        {
          add_all_statements (TRELLIS_SUMMARY_TABLE (widget));
          TRELLIS_SUMMARY_TABLE (widget)->scroll_to_end = TRUE;
        }
      value = gtk_adjustment_get_upper (adjustment) - page;
      break;
    default:
      return;
    }
  /* Set, not animated: a held key moves as fast as it repeats. */
  gtk_adjustment_set_value (adjustment, value);
}

static void
trellis_summary_table_dispose (GObject *object)
{
  TrellisSummaryTable *self = (TrellisSummaryTable *) object;

  forget_pending (self);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_clear_object (&self->plan_menu);
  g_clear_pointer (&self->headers, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_summary_table_parent_class)->dispose (object);
}

static void
trellis_summary_table_class_init (TrellisSummaryTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_summary_table_dispose;
  widget_class->realize = trellis_summary_table_realize;
  widget_class->unrealize = trellis_summary_table_unrealize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "summarytable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TABLE);

  gtk_widget_class_install_action (widget_class, "table.add-to-plan", NULL, add_to_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "table.add-to-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "table.add-to-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "table.add-to-plan", NULL);

  gtk_widget_class_install_action (widget_class, "table.scroll", "i", scroll_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "table.scroll", "i", GTK_SCROLL_STEP_UP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "table.scroll", "i", GTK_SCROLL_STEP_UP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "table.scroll", "i", GTK_SCROLL_STEP_DOWN);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "table.scroll", "i", GTK_SCROLL_STEP_DOWN);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "table.scroll", "i", GTK_SCROLL_PAGE_UP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "table.scroll", "i", GTK_SCROLL_PAGE_DOWN);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "table.scroll", "i", GTK_SCROLL_START);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "table.scroll", "i", GTK_SCROLL_END);
}

static void
trellis_summary_table_init (TrellisSummaryTable *self)
{
  /* One stop for the keyboard: focused, the table scrolls into view and a screen
   * reader announces it by its round. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->grid = gtk_grid_new ();
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  self->plan_menu = g_menu_new ();
  self->headers = g_ptr_array_new ();
}

GtkWidget *
trellis_summary_table_new (void)
{
  return g_object_new (TRELLIS_TYPE_SUMMARY_TABLE, NULL);
}

/**
 * trellis_summary_table_set_section:
 * @summary: (nullable): the round's summary
 * @section: (nullable): the section of @summary to show
 *
 * Shows one row per rated statement of @section: its number and text, how many answered
 * each point of the scale, Not applicable, Don't know and blank, the mean and the percent
 * agreeing. Every number comes from @summary; nothing is counted here.
 */
void
trellis_summary_table_set_section (TrellisSummaryTable   *self,
                                   TrellisSummary        *summary,
                                   TrellisSectionSummary *section)
{
  g_autoptr(GArray) columns = NULL;
  GtkWidget *header;
  guint n_columns;

  g_return_if_fail (TRELLIS_IS_SUMMARY_TABLE (self));
  g_return_if_fail (section == NULL || summary != NULL);

  clear_grid (self);
  if (section == NULL)
    return;

  columns = collect_columns (trellis_summary_get_scale (summary), section->pooled.not_shown > 0);
  n_columns = self->n_columns = columns->len;

  header = gtk_label_new (NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  attach_cell (self, header, "column-header", 0, 0, 0, 1, 1);
  g_ptr_array_add (self->headers, header);
  for (guint c = 0; c < n_columns; c++)
    {
      Column *column = &g_array_index (columns, Column, c);

      header = new_header (column->title);
      if (column->tooltip != NULL)
        gtk_widget_set_tooltip_text (header, column->tooltip);
      attach_cell (self, header, "column-header", 0, c + 1, 0, 1, 1);
      g_ptr_array_add (self->headers, header);
    }

  self->summary = trellis_summary_ref (summary);
  self->section = section;
  self->columns = g_steal_pointer (&columns);
  self->next_row = 1;
  self->n_rows = section->items->len;
  /* Scrolled down, the rows in view may be any: only at the top are the first ones all
   * that shows. */
  add_statements (self, scrolled_to_top (self) ? first_screen_statements (self) : G_MAXUINT);
}

/**
 * trellis_summary_table_get_n_rows:
 *
 * Returns: the statements shown, not counting the header
 */
guint
trellis_summary_table_get_n_rows (TrellisSummaryTable *self)
{
  g_return_val_if_fail (TRELLIS_IS_SUMMARY_TABLE (self), 0);
  return self->n_rows;
}

/**
 * trellis_summary_table_get_column_headers:
 *
 * Returns: (transfer none) (element-type GtkWidget): the column headers shown, the
 *   statement number's (empty) first, for a copy that stays in view while scrolling
 */
GPtrArray *
trellis_summary_table_get_column_headers (TrellisSummaryTable *self)
{
  g_return_val_if_fail (TRELLIS_IS_SUMMARY_TABLE (self), NULL);
  return self->headers;
}

/**
 * trellis_summary_table_get_n_pending:
 *
 * Returns: how many statements of the section are still to be added below the rows in
 *   view; 0 once the table is whole
 */
guint
trellis_summary_table_get_n_pending (TrellisSummaryTable *self)
{
  g_return_val_if_fail (TRELLIS_IS_SUMMARY_TABLE (self), 0);
  return has_pending (self) ? self->section->items->len - self->next_item : 0;
}
