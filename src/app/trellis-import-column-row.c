/* trellis-import-column-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-import-column-row"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-import-column-row.h"
#include "trellis-mapping-option.h"

/* Below this the importer is unsure and asks the facilitator to look, as
 * trellis_import_needs_review() does. */
#define CHECK_BELOW 0.8
/* A few values show what a column holds without reading like a response. */
#define N_SAMPLES 3

/* A row of the mapping table: the column's letter and header, what it holds, what it is
 * taken to be (a drop-down to change it) and how sure that is. It follows the column,
 * which may also change when another row takes its statement. */
struct _TrellisImportColumnRow
{
  GtkListBoxRow        parent_instance;

  TrellisImport       *import;
  TrellisImportColumn *column;
  GListModel          *options;
  char                *question;
  char                *samples;
  gboolean             dropped_at_first;
  gboolean             flagged;
  gboolean             changed;
  gboolean             taken;     /* changed because another row took what it held */
  gboolean             choosing;  /* the change comes from this row's drop-down */
  gboolean             syncing;   /* the drop-down is being set to match the column */

  GtkLabel            *letter_label;
  GtkLabel            *header_label;
  GtkLabel            *detail_label;
  GtkLabel            *reason_label;
  GtkDropDown         *mapping_dropdown;
  GtkWidget           *status_box;
  GtkImage            *status_icon;
  GtkLabel            *status_label;
  GtkButton           *confirm_button;
};

G_DEFINE_FINAL_TYPE (TrellisImportColumnRow, trellis_import_column_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * trellis_import_column_role_is_dropped:
 *
 * Returns: whether a column of @role is read past and never stored
 */
gboolean
trellis_import_column_role_is_dropped (TrellisColumnRole role)
{
  return role == TRELLIS_COLUMN_IDENTIFYING || role == TRELLIS_COLUMN_METADATA ||
         role == TRELLIS_COLUMN_COMPLETION;
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static TrellisImportColumnStatus
compute_status (TrellisImportColumnRow *self)
{
  if (trellis_import_column_role_is_dropped (trellis_import_column_get_role (self->column)))
    return TRELLIS_IMPORT_COLUMN_DROPPED;
  if (self->changed)
    return TRELLIS_IMPORT_COLUMN_CHANGED;
  if (trellis_import_column_get_confidence (self->column) < CHECK_BELOW)
    return TRELLIS_IMPORT_COLUMN_CHECK;
  return TRELLIS_IMPORT_COLUMN_SURE;
}

/* What the column holds, never a value of an identifying or bookkeeping column, and no
 * comment text: beside the other columns' samples it could be read as one response. */
static char *
describe_contents (TrellisImportColumnRow *self)
{
  TrellisColumnRole role = trellis_import_column_get_role (self->column);
  guint n_filled = trellis_import_column_get_n_filled (self->column);
  const char *reason = trellis_import_column_get_reason (self->column);

  if (trellis_import_column_role_is_dropped (role))
    return g_strdup (reason != NULL ? reason : "");
  if (role == TRELLIS_COLUMN_COMMENT)
    return g_strdup_printf (ngettext ("Free-text comments, %u filled in", "Free-text comments, %u filled in",
                                      n_filled), n_filled);
  if (n_filled == 0)
    return g_strdup (_("Empty in every response"));
  if (self->samples == NULL)
    return g_strdup_printf (ngettext ("Free text, %u filled in", "Free text, %u filled in", n_filled), n_filled);
  /* Translators: a few of the values a column holds, e.g. “Agree”, “Disagree” */
  return g_strdup_printf (_("e.g. %s"), self->samples);
}

static void
update_status (TrellisImportColumnRow *self)
{
  TrellisImportColumnStatus status = compute_status (self);
  const char *reason = trellis_import_column_get_reason (self->column);
  g_autofree char *detail = describe_contents (self);
  const char *icon = NULL, *text = NULL, *reason_text = NULL;

  switch (status)
    {
    case TRELLIS_IMPORT_COLUMN_DROPPED:
      icon = "changes-prevent-symbolic";
      text = _("Never stored");
      break;
    case TRELLIS_IMPORT_COLUMN_CHANGED:
      icon = "document-edit-symbolic";
      text = _("Changed");
      if (self->taken && trellis_import_column_get_role (self->column) == TRELLIS_COLUMN_IGNORED)
        reason_text = _("Not imported any more: you gave what it held to another column");
      break;
    case TRELLIS_IMPORT_COLUMN_CHECK:
      icon = "dialog-warning-symbolic";
      text = _("Check this");
      reason_text = reason;
      break;
    case TRELLIS_IMPORT_COLUMN_SURE:
    default:
      icon = "object-select-symbolic";
      /* A mark, not a word, so that the columns that need a look stand out. */
      text = NULL;
      break;
    }

  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), *detail != '\0');
  gtk_label_set_label (self->reason_label, reason_text != NULL ? reason_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason_text != NULL && *reason_text != '\0');

  /* What the importer is unsure of stays so until the facilitator changes it or says
   * it is right: the drop-down cannot pick what it already shows. */
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), status == TRELLIS_IMPORT_COLUMN_CHECK);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != TRELLIS_IMPORT_COLUMN_CHECK);
  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && status != TRELLIS_IMPORT_COLUMN_CHECK);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : C_("mapping", "Sure"),
                                  -1);
  gtk_widget_set_tooltip_text (self->status_box, reason);
  set_css_class (self->status_box, "status-sure", status == TRELLIS_IMPORT_COLUMN_SURE);
  set_css_class (self->status_box, "status-check", status == TRELLIS_IMPORT_COLUMN_CHECK);
  set_css_class (self->status_box, "status-dropped", status == TRELLIS_IMPORT_COLUMN_DROPPED);
  set_css_class (self->status_box, "status-changed", status == TRELLIS_IMPORT_COLUMN_CHANGED);
  set_css_class (GTK_WIDGET (self), "dropped", status == TRELLIS_IMPORT_COLUMN_DROPPED);
}

static void
sync_dropdown (TrellisImportColumnRow *self)
{
  guint position = trellis_mapping_options_find (self->options,
                                                 trellis_import_column_get_role (self->column),
                                                 trellis_import_column_get_target (self->column));

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->mapping_dropdown, position != G_MAXUINT ? position : 0);
  self->syncing = FALSE;
}

static void
column_changed_cb (TrellisImportColumnRow *self)
{
  self->changed = TRUE;
  self->taken = !self->choosing;
  sync_dropdown (self);
  update_status (self);
}

static void
selected_cb (TrellisImportColumnRow *self)
{
  TrellisMappingOption *option = gtk_drop_down_get_selected_item (self->mapping_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->syncing || option == NULL)
    return;
  if (trellis_mapping_option_get_role (option) == trellis_import_column_get_role (self->column) &&
      g_strcmp0 (trellis_mapping_option_get_target (option), trellis_import_column_get_target (self->column)) == 0)
    return;

  self->choosing = TRUE;
  /* The options come from the same checklist, so the target is always valid. */
  if (!trellis_import_set_column (self->import, trellis_import_column_get_index (self->column),
                                  trellis_mapping_option_get_role (option),
                                  trellis_mapping_option_get_target (option), &error))
    g_warning ("%s", error->message);
  self->choosing = FALSE;
}

static void
confirm_clicked_cb (TrellisImportColumnRow *self)
{
  g_autoptr(GError) error = NULL;

  self->choosing = TRUE;
  if (!trellis_import_set_column (self->import, trellis_import_column_get_index (self->column),
                                  trellis_import_column_get_role (self->column),
                                  trellis_import_column_get_target (self->column), &error))
    g_warning ("%s", error->message);
  self->choosing = FALSE;
  /* The button that had the focus is gone: the row's drop-down takes it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->mapping_dropdown));
}

/*****/

static void
setup_button_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* One width for every row's drop-down, so the table's columns line up. */
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

static void
setup_list_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wider than the button: the statements are long, and read best on few lines. */
  gtk_label_set_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  TrellisMappingOption *option = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), trellis_mapping_option_get_label (option));
}

static GtkListItemFactory *
new_option_factory (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", in_list ? G_CALLBACK (setup_list_item_cb)
                                              : G_CALLBACK (setup_button_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  return factory;
}

/*****/

static void
trellis_import_column_row_dispose (GObject *object)
{
  TrellisImportColumnRow *self = (TrellisImportColumnRow *) object;

  if (self->column != NULL)
    g_signal_handlers_disconnect_by_data (self->column, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_IMPORT_COLUMN_ROW);
  g_clear_object (&self->import);
  g_clear_object (&self->column);
  g_clear_object (&self->options);

  G_OBJECT_CLASS (trellis_import_column_row_parent_class)->dispose (object);
}

static void
trellis_import_column_row_finalize (GObject *object)
{
  TrellisImportColumnRow *self = (TrellisImportColumnRow *) object;

  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->samples, g_free);

  G_OBJECT_CLASS (trellis_import_column_row_parent_class)->finalize (object);
}

static void
trellis_import_column_row_class_init (TrellisImportColumnRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_import_column_row_dispose;
  object_class->finalize = trellis_import_column_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-import-column-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisImportColumnRow, letter_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportColumnRow, header_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportColumnRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportColumnRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportColumnRow, mapping_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportColumnRow, status_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportColumnRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportColumnRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportColumnRow, confirm_button);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
}

static void
trellis_import_column_row_init (TrellisImportColumnRow *self)
{
  g_autoptr(GtkListItemFactory) button_factory = new_option_factory (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = new_option_factory (TRUE);
  g_autoptr(GtkExpression) label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  label = gtk_property_expression_new (TRELLIS_TYPE_MAPPING_OPTION, NULL, "label");
  gtk_drop_down_set_expression (self->mapping_dropdown, label);
  gtk_drop_down_set_factory (self->mapping_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->mapping_dropdown, list_factory);
}

/* The first descendant of @widget of @type, depth first. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The drop-down's list as its search filters it. */
static GtkFilterListModel *
search_model (TrellisImportColumnRow *self)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (self->mapping_dropdown), GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *selection = list != NULL ? gtk_list_view_get_model (GTK_LIST_VIEW (list)) : NULL;
  GListModel *model = GTK_IS_SINGLE_SELECTION (selection) ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection))
                                                          : NULL;

  return GTK_IS_FILTER_LIST_MODEL (model) ? GTK_FILTER_LIST_MODEL (model) : NULL;
}

/* Return in the search entry picks the first entry still listed, as it shows on top. */
static void
search_activate_cb (TrellisImportColumnRow *self)
{
  GtkFilterListModel *filtered = search_model (self);
  g_autoptr(TrellisMappingOption) option = NULL;
  GtkWidget *popover;
  guint position;

  if (filtered == NULL || g_list_model_get_n_items (G_LIST_MODEL (filtered)) == 0)
    return;
  option = g_list_model_get_item (G_LIST_MODEL (filtered), 0);
  position = trellis_mapping_options_find (self->options, trellis_mapping_option_get_role (option),
                                           trellis_mapping_option_get_target (option));
  if (position != G_MAXUINT)
    gtk_drop_down_set_selected (self->mapping_dropdown, position);
  popover = find_descendant (GTK_WIDGET (self->mapping_dropdown), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Typing in the drop-down finds an entry by any part of its label: "section a" finds
 * "Comments on section A", "55a" finds "55a. Tackled…". GTK before 4.12 matches only
 * the start of the label and has no setting for it, so its filter is set directly. */
static void
tune_search (TrellisImportColumnRow *self)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (self->mapping_dropdown), GTK_TYPE_SEARCH_ENTRY);
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_drop_down_set_search_match_mode (self->mapping_dropdown, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
#else
  GtkFilterListModel *filtered = search_model (self);
  GtkFilter *filter = filtered != NULL ? gtk_filter_list_model_get_filter (filtered) : NULL;

  if (GTK_IS_STRING_FILTER (filter))
    gtk_string_filter_set_match_mode (GTK_STRING_FILTER (filter), GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
#endif
  if (entry != NULL)
    g_signal_connect_swapped (entry, "activate", G_CALLBACK (search_activate_cb), self);
}

/**
 * trellis_import_column_row_get_search_entry:
 *
 * Returns: (transfer none) (nullable): the drop-down's search entry
 */
GtkWidget *
trellis_import_column_row_get_search_entry (TrellisImportColumnRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN_ROW (self), NULL);
  return find_descendant (GTK_WIDGET (self->mapping_dropdown), GTK_TYPE_SEARCH_ENTRY);
}

/**
 * trellis_import_column_row_get_search_results:
 *
 * Returns: (transfer none) (nullable): the drop-down's entries as its search leaves them
 */
GListModel *
trellis_import_column_row_get_search_results (TrellisImportColumnRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN_ROW (self), NULL);
  return G_LIST_MODEL (search_model (self));
}

static char *
dup_samples (TrellisImport       *import,
             TrellisImportColumn *column)
{
  g_auto(GStrv) samples = trellis_import_dup_samples (import, trellis_import_column_get_index (column),
                                                      N_SAMPLES);
  g_autoptr(GString) text = g_string_new (NULL);

  if (samples[0] == NULL)
    return NULL;
  for (guint i = 0; samples[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: one sample value of a column, quoted */
      g_string_append_printf (text, _("“%s”"), samples[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * trellis_import_column_row_new:
 * @import: the import the column belongs to; changes go to it
 * @options: what the column can be taken to hold, from trellis_mapping_options_new()
 * @question: (nullable): the grid question the column is part of, shown above its run
 *   of rows rather than on each
 * @part: the header as shown: for a grid's column, the statement alone
 *
 * Returns: (transfer floating): a row for @column
 */
GtkWidget *
trellis_import_column_row_new (TrellisImport       *import,
                               TrellisImportColumn *column,
                               GListModel          *options,
                               const char          *question,
                               const char          *part)
{
  TrellisImportColumnRow *self;
  TrellisColumnRole role;
  g_autofree char *name = NULL;
  g_autofree char *row_label = NULL;
  g_autofree char *dropdown_label = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (import), NULL);
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (column), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (options), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_IMPORT_COLUMN_ROW, NULL);
  self->import = g_object_ref (import);
  self->column = g_object_ref (column);
  self->options = g_object_ref (options);
  self->question = g_strdup (question);

  role = trellis_import_column_get_role (column);
  self->dropped_at_first = trellis_import_column_role_is_dropped (role);
  self->flagged = !self->dropped_at_first && trellis_import_column_get_confidence (column) < CHECK_BELOW;
  /* Only what the importer will read is sampled; identifying columns never are. */
  if (!self->dropped_at_first && role != TRELLIS_COLUMN_COMMENT)
    self->samples = dup_samples (import, column);

  name = g_strdup (trellis_import_column_get_name (column));
  gtk_label_set_label (self->letter_label, name);
  gtk_label_set_label (self->header_label, *part != '\0' ? part : _("(no header)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->header_label), trellis_import_column_get_header (column));

  /* Translators: how a screen reader names a row of the mapping table: "Column K: <header>" */
  row_label = g_strdup_printf (_("Column %s: %s"), name, part);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, row_label, -1);
  /* Translators: the drop-down that says what column K holds */
  dropdown_label = g_strdup_printf (_("Column %s: mapping"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mapping_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dropdown_label, -1);
  /* GTK 4.8 leaves the drop-down's button, which takes the focus, nameless. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->mapping_dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dropdown_label, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->mapping_dropdown),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->header_label, NULL, -1);

  /* Translators: the button that confirms what column K is taken to hold */
  {
    g_autofree char *confirm_label = g_strdup_printf (_("Column %s: confirm the mapping"), name);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->confirm_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, confirm_label, -1);
  }
  gtk_drop_down_set_model (self->mapping_dropdown, options);
  tune_search (self);
  sync_dropdown (self);
  update_status (self);

  g_signal_connect_swapped (self->mapping_dropdown, "notify::selected", G_CALLBACK (selected_cb), self);
  g_signal_connect_swapped (column, "notify::role", G_CALLBACK (column_changed_cb), self);
  g_signal_connect_swapped (column, "notify::target", G_CALLBACK (column_changed_cb), self);
  g_signal_connect_swapped (column, "notify::confidence", G_CALLBACK (column_changed_cb), self);
  return GTK_WIDGET (self);
}

/**
 * trellis_import_column_row_get_column:
 *
 * Returns: (transfer none): the column
 */
TrellisImportColumn *
trellis_import_column_row_get_column (TrellisImportColumnRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN_ROW (self), NULL);
  return self->column;
}

/**
 * trellis_import_column_row_get_question:
 *
 * Returns: (nullable): the grid question the column is part of
 */
const char *
trellis_import_column_row_get_question (TrellisImportColumnRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN_ROW (self), NULL);
  return self->question;
}

/**
 * trellis_import_column_row_get_detail:
 *
 * Returns: the line under the header: sample values, or why the column is dropped
 */
const char *
trellis_import_column_row_get_detail (TrellisImportColumnRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN_ROW (self), NULL);
  return gtk_label_get_label (self->detail_label);
}

/**
 * trellis_import_column_row_get_dropped_at_first:
 *
 * Returns: whether the importer found the column identifying or bookkeeping; such rows
 *   are listed together, and stay there when the facilitator changes one
 */
gboolean
trellis_import_column_row_get_dropped_at_first (TrellisImportColumnRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN_ROW (self), FALSE);
  return self->dropped_at_first;
}

/**
 * trellis_import_column_row_get_flagged:
 *
 * Returns: whether the importer asked for the column to be checked; it stays in the
 *   "need checking" list after it has been
 */
gboolean
trellis_import_column_row_get_flagged (TrellisImportColumnRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN_ROW (self), FALSE);
  return self->flagged;
}

TrellisImportColumnStatus
trellis_import_column_row_get_status (TrellisImportColumnRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN_ROW (self), TRELLIS_IMPORT_COLUMN_SURE);
  return compute_status (self);
}

/**
 * trellis_import_column_row_get_dropdown:
 *
 * Returns: (transfer none): the drop-down that says what the column holds
 */
GtkDropDown *
trellis_import_column_row_get_dropdown (TrellisImportColumnRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN_ROW (self), NULL);
  return self->mapping_dropdown;
}
