/* trellis-accessible.c
 *
 * GTK 4.8 builds controls inside some of its widgets and gives them no name, so a screen
 * reader announces them by their type: a drop-down's button says "GtkToggleButton", a
 * scrolled window's bars "GtkScrollbar", a column view's list "GtkColumnListView". The
 * widgets we make are named in their .ui files or where their text is known; these inner
 * parts we cannot reach from a .ui file, so this names them after the widget they belong
 * to, once. tests/check-accessibility.py walks the real AT-SPI tree and fails on any control
 * left nameless or named after its type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"

#define NAMED_KEY "trellis-accessible-named"

static gboolean
claim (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), NAMED_KEY) != NULL)
    return FALSE;
  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  return TRUE;
}

/* The inner control takes its name from its owner, whose name screen readers already
 * know (set in the .ui file or in code). */
static void
label_by_owner (GtkWidget *inner,
                GtkWidget *owner)
{
  if (inner == NULL || !claim (inner))
    return;
  gtk_accessible_update_relation (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_RELATION_LABELLED_BY, owner, NULL, -1);
}

static void
name_scrollbar (GtkWidget *scrollbar)
{
  if (!claim (scrollbar))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrollbar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_orientable_get_orientation (GTK_ORIENTABLE (scrollbar)) == GTK_ORIENTATION_VERTICAL
                                    ? _("Scroll up and down") : _("Scroll left and right"),
                                  -1);
}

/**
 * trellis_accessible_name_internals:
 * @root: a window, or any widget whose descendants are to be looked at
 *
 * Names the unnamed controls GTK built inside the widgets under @root. Cheap to call
 * again: a part once named is skipped. Call it when a window or view is shown, and where
 * rows are made on demand, on the new row.
 */
void
trellis_accessible_name_internals (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_SCROLLBAR (root))
    name_scrollbar (root);
  else if (GTK_IS_DROP_DOWN (root))
    label_by_owner (gtk_widget_get_first_child (root), root);
  else if (GTK_IS_COLUMN_VIEW (root))
    {
      /* Its list of rows (its header row is named by the view that makes it). */
      for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          label_by_owner (child, root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    trellis_accessible_name_internals (child);
}

/**
 * trellis_accessible_name_column_view_cell:
 * @content: what a column view's factory put in a cell, now bound to its row's item
 * @column_title: the cell's column heading
 * @row_name: (nullable): what the row holds, said when the row is reached
 *
 * GTK 4.8 names a column view's rows and cells after their types. A row is made and
 * bound to another item as the view scrolls, so its name is set at each bind.
 */
void
trellis_accessible_name_column_view_cell (GtkWidget  *content,
                                          const char *column_title,
                                          const char *row_name)
{
  GtkWidget *cell = gtk_widget_get_parent (content);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

  g_return_if_fail (GTK_IS_WIDGET (content));

  if (cell == NULL || row == NULL)
    return;
  if (column_title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, column_title, -1);
  if (row_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, row_name, -1);
}
