/* trellis-import-assistant.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four pages in a stack, with Back, Next and Import in the header bar (GtkAssistant is
 * deprecated): choose the export, check what each column is taken to hold, check what
 * the answers are read as, then name the round and import. Everything is decided on a
 * TrellisImport, which leaves the project alone until the one step that adds the round.
 */
#define G_LOG_DOMAIN "trellis-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-comments-view.h"
#include "trellis-format.h"
#include "trellis-group-breakdown.h"
#include "trellis-import-assistant-private.h"
#include "trellis-import-column-row.h"
#include "trellis-import-value-row.h"
#include "trellis-mapping-option.h"
#include "trellis-style.h"

typedef enum
{
  PAGE_CHOOSE,
  PAGE_COLUMNS,
  PAGE_ANSWERS,
  PAGE_ROUND,
  N_PAGES
} Page;

static const char * const page_names[N_PAGES] = { "choose", "columns", "answers", "round" };

struct _TrellisImportAssistant
{
  GtkWindow         parent_instance;

  TrellisDocument  *document;
  TrellisImport    *import;     /* NULL until a first file has been read */
  GListModel       *options;    /* TrellisMappingOption, shared by every column row */
  GListModel       *answers;    /* the value rows' drop-down entries */
  GCancellable     *cancellable;
  GtkNativeDialog  *chooser;
  GQueue            pending;    /* GFile: chosen, not read yet */
  Page              page;
  gboolean          busy;
  gboolean          skipped;    /* went from the files straight to the round: mapping reused */
  gboolean          label_valid;
  gboolean          date_valid;
  gboolean          redact;     /* the facilitator accepted redacting the comments */

  GtkLabel         *step_label;
  GtkWidget        *cancel_button;
  GtkWidget        *back_button;
  GtkWidget        *next_button;
  GtkWidget        *import_button;
  GtkStack         *stack;

  GtkWidget        *drop_area;
  GtkWidget        *choose_button;
  GtkWidget        *loading_box;
  GtkSpinner       *loading_spinner;
  GtkLabel         *loading_label;
  GtkWidget        *error_box;
  GtkLabel         *error_label;
  GtkWidget        *files_box;
  GtkListBox       *files_list;
  GtkLabel         *layout_label;
  GtkWidget        *add_button;
  GtkWidget        *start_over_button;
  GtkWidget        *structure_button;

  GtkLabel         *columns_title;
  GtkLabel         *columns_summary;
  GtkImage         *check_icon;
  GtkLabel         *check_label;
  GtkCheckButton   *only_check_button;
  GtkListBox       *column_list;
  GtkSizeGroup     *mapping_group;     /* the drop-downs and their column's title */
  GtkWidget        *dropped_row;       /* the dropped columns in brief, above their rows */
  GtkLabel         *dropped_title;
  GtkLabel         *dropped_names;
  GtkToggleButton  *show_dropped_button;

  GtkWidget        *unmapped_box;
  GtkLabel         *unmapped_heading;
  GtkListBox       *unmapped_list;
  GtkWidget        *all_mapped_box;
  GtkWidget        *incomplete_box;
  GtkLabel         *incomplete_label;
  GtkSwitch        *incomplete_switch;
  GtkExpander      *mapped_expander;
  GtkLabel         *mapped_heading;
  GtkListBox       *mapped_list;

  GtkWidget        *reused_box;
  GtkWidget        *review_button;
  GtkLabel         *reused_label;
  GtkEntry         *label_entry;
  GtkLabel         *label_hint;
  GtkEntry         *date_entry;
  GtkLabel         *date_hint;
  GtkMenuButton    *calendar_button;
  GtkCalendar      *calendar;
  GtkListBox       *summary_list;
  GtkWidget        *apply_error_box;
  GtkLabel         *apply_error_label;
};

G_DEFINE_FINAL_TYPE (TrellisImportAssistant, trellis_import_assistant, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_next (TrellisImportAssistant *self);

/*****/

static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* GTK 4.8 has no gtk_list_box_remove_all(). */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
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

static GtkWidget *
new_heading (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
append_joined (GString    *text,
               const char *separator,
               const char *item)
{
  if (text->len > 0)
    g_string_append (text, separator);
  g_string_append (text, item);
}

/* GTK 4.8 names a button with a mnemonic twice over: by its label, underscore and all, and
 * by the label widget it is labelled by. One name, without the underscore. */
static void
set_mnemonic_name (GtkWidget *button)
{
  g_autoptr(GString) name = g_string_new (gtk_button_get_label (GTK_BUTTON (button)));

  g_string_replace (name, "_", "", 1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
}

/* In a list of names, a line breaks between names, not inside one ("Custom Data 1"). */
static char *
dup_unbreakable (const char *name)
{
  GString *text = g_string_new (name);

  g_string_replace (text, " ", "\u00a0", 0);
  return g_string_free (text, FALSE);
}

static TrellisScale *
main_scale (TrellisImportAssistant *self)
{
  TrellisProject *project = trellis_document_get_project (self->document);

  return trellis_checklist_get_scale (trellis_project_get_checklist (project), 0);
}

static char *
describe_layout (TrellisImport *import)
{
  guint n_header_rows = trellis_import_get_n_header_rows (import);
  guint n_rows = trellis_import_get_n_rows (import);
  g_autofree char *tool = NULL;
  g_autofree char *headers = NULL;
  g_autofree char *responses = NULL;

  /* Translators: the survey tool that wrote the file: “SurveyMonkey export” */
  tool = g_strdup_printf (_("%s export"), trellis_import_layout_get_name (trellis_import_get_layout (import)));
  headers = g_strdup_printf (ngettext ("%u header row", "%u header rows", n_header_rows), n_header_rows);
  responses = g_strdup_printf (ngettext ("%u response", "%u responses", n_rows), n_rows);
  /* Translators: “SurveyMonkey export, 2 header rows, 25 responses” */
  return g_strdup_printf (_("%s, %s, %s"), tool, headers, responses);
}

static const char *
reused_round_name (TrellisImport *import,
                   char         **name)
{
  TrellisRound *reused = trellis_import_get_reused_round (import);

  *name = reused != NULL ? trellis_format_round_name (reused) : NULL;
  return *name;
}

/* Columns were matched as for an earlier round and nothing is in doubt: the facilitator
 * need only name the round. */
static gboolean
can_skip_to_round (TrellisImportAssistant *self)
{
  return trellis_import_get_reused_round (self->import) != NULL &&
         !trellis_import_needs_review (self->import);
}

/*****/

/* How many columns are taken to hold what, in one pass over them. */
typedef struct
{
  guint items;
  guint comments;
  guint groups;
  guint ignored;
  guint dropped;
} ColumnCounts;

static ColumnCounts
count_columns (TrellisImport *import)
{
  guint n_columns = g_list_model_get_n_items (trellis_import_get_columns (import));
  ColumnCounts counts = { 0 };

  for (guint c = 0; c < n_columns; c++)
    {
      TrellisColumnRole role = trellis_import_column_get_role (trellis_import_get_column (import, c));

      if (trellis_import_column_role_is_dropped (role))
        counts.dropped++;
      else if (role == TRELLIS_COLUMN_ITEM)
        counts.items++;
      else if (role == TRELLIS_COLUMN_COMMENT)
        counts.comments++;
      else if (role == TRELLIS_COLUMN_GROUP)
        counts.groups++;
      else if (role == TRELLIS_COLUMN_IGNORED)
        counts.ignored++;
    }
  return counts;
}

/* Columns the importer is unsure of that the facilitator has neither changed nor
 * confirmed: while any is left, nothing is imported. Below 0.8, as the rows mark. */
static guint
count_unchecked (TrellisImport *import)
{
  guint n_columns = g_list_model_get_n_items (trellis_import_get_columns (import));
  guint count = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      TrellisImportColumn *column = trellis_import_get_column (import, c);

      if (!trellis_import_column_role_is_dropped (trellis_import_column_get_role (column)) &&
          (trellis_import_column_get_confidence (column) < 0.8 || trellis_import_column_get_unsettled (column)))
        count++;
    }
  return count;
}

static gboolean
all_values_mapped (TrellisImportAssistant *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->unmapped_list, i)) != NULL; i++)
    if (!trellis_import_value_row_get_mapped (TRELLIS_IMPORT_VALUE_ROW (row)))
      return FALSE;
  return TRUE;
}

static gboolean
can_go_next (TrellisImportAssistant *self)
{
  if (self->busy || self->import == NULL)
    return FALSE;
  switch (self->page)
    {
    case PAGE_CHOOSE:
      return TRUE;
    case PAGE_COLUMNS:
      return count_columns (self->import).items > 0 && count_unchecked (self->import) == 0;
    case PAGE_ANSWERS:
      return all_values_mapped (self);
    case PAGE_ROUND:
    case N_PAGES:
    default:
      return FALSE;
    }
}

static void
update_buttons (TrellisImportAssistant *self)
{
  static const char * const steps[N_PAGES] = {
    N_("Choose the export"),
    N_("Check the columns"),
    N_("Check the answers"),
    N_("Name the round and import"),
  };
  g_autofree char *step = NULL;
  gboolean last = self->page == PAGE_ROUND;

  /* Translators: the assistant's subtitle: “Step 2 of 4: Check the columns” */
  step = g_strdup_printf (_("Step %u of %u: %s"), self->page + 1, N_PAGES, _(steps[self->page]));
  gtk_label_set_label (self->step_label, step);

  gtk_widget_set_visible (self->back_button, self->page != PAGE_CHOOSE);
  gtk_widget_set_sensitive (self->back_button, !self->busy);
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_sensitive (self->next_button, can_go_next (self));
  gtk_widget_set_visible (self->import_button, last);
  gtk_widget_set_sensitive (self->import_button, last && !self->busy && self->label_valid && self->date_valid &&
                            self->import != NULL && count_unchecked (self->import) == 0);
  gtk_window_set_default_widget (GTK_WINDOW (self), last ? self->import_button : self->next_button);
}

static void
set_busy (TrellisImportAssistant *self,
          gboolean                busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (self->loading_box, busy);
  gtk_spinner_set_spinning (self->loading_spinner, busy);
  gtk_widget_set_sensitive (self->drop_area, !busy);
  gtk_widget_set_sensitive (self->files_box, !busy);
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (TrellisImportAssistant *self,
            const char             *message)
{
  g_autofree char *markup = NULL;

  if (message == NULL)
    {
      gtk_widget_set_visible (self->error_box, FALSE);
      return;
    }
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", _("This file cannot be imported"), message);
  gtk_label_set_markup (self->error_label, markup);
  gtk_widget_set_visible (self->error_box, TRUE);
}

/*****/
/* Page 2: the columns */

static void
update_dropped_row (TrellisImportAssistant *self)
{
  GListModel *columns = trellis_import_get_columns (self->import);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint n_dropped = 0;

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      TrellisImportColumn *column = trellis_import_get_column (self->import, c);

      g_autofree char *name = NULL;

      if (!trellis_import_column_role_is_dropped (trellis_import_column_get_role (column)))
        continue;
      name = dup_unbreakable (trellis_import_column_get_header (column));
      append_joined (names, ", ", name);
      n_dropped++;
    }
  /* Translators: the heading of the columns left out of the project */
  title = g_strdup_printf (ngettext ("Dropped — never stored: %u column", "Dropped — never stored: %u columns",
                                     n_dropped), n_dropped);
  gtk_label_set_label (self->dropped_title, title);
  gtk_label_set_label (self->dropped_names, names->str);
}

static void
show_dropped_toggled_cb (TrellisImportAssistant *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->show_dropped_button);

  const char *label = shown ? _("_Hide Each Column") : _("_Show Each Column");

  gtk_button_set_label (GTK_BUTTON (self->show_dropped_button), label);
  set_mnemonic_name (GTK_WIDGET (self->show_dropped_button));
  gtk_list_box_invalidate_filter (self->column_list);
  gtk_list_box_invalidate_headers (self->column_list);
}

/* The dropped columns take one row, listed by name, so that the questions come first in
 * view; each can be shown on its own row to change it. */
static GtkWidget *
new_dropped_row (TrellisImportAssistant *self)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "changes-prevent-symbolic",
                                  "valign", GTK_ALIGN_START,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (_("_Show Each Column"));

  set_mnemonic_name (button);

  self->dropped_title = GTK_LABEL (new_heading (NULL, "heading"));
  self->dropped_names = GTK_LABEL (new_heading (NULL, "dropped-names"));
  self->show_dropped_button = GTK_TOGGLE_BUTTON (button);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "status-dropped");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->dropped_title));
  gtk_box_append (GTK_BOX (text),
                  new_heading (_("These columns identify people or record when and how they answered. "
                                 "Trellis reads past them: nothing in them is saved or shown."), "dim-label"));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->dropped_names));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "dropped-summary");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->dropped_title, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->dropped_title, NULL, -1);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (show_dropped_toggled_cb), self);
  return row;
}

/* Statements of the checklist no column answers: what a column marked "Check this" may
 * be meant for, or what the survey did not ask. */
static char *
describe_unanswered (TrellisImportAssistant *self)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (trellis_document_get_project (self->document));
  g_auto(GStrv) keys = trellis_checklist_dup_item_keys (checklist, TRUE);
  g_autoptr(GHashTable) answered = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *columns = trellis_import_get_columns (self->import);
  g_autoptr(GString) numbers = g_string_new (NULL);
  guint n_missing = 0, n_shown = 0;

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      TrellisImportColumn *column = trellis_import_get_column (self->import, c);

      if (trellis_import_column_get_role (column) == TRELLIS_COLUMN_ITEM)
        g_hash_table_add (answered, (gpointer) trellis_import_column_get_target (column));
    }
  for (guint k = 0; keys[k] != NULL; k++)
    {
      TrellisStatement *statement = NULL;

      if (g_hash_table_contains (answered, keys[k]))
        continue;
      n_missing++;
      if (n_shown < 8 && trellis_checklist_lookup_item_key (checklist, keys[k], &statement, NULL))
        {
          append_joined (numbers, ", ", trellis_statement_get_number (statement) != NULL
                                        ? trellis_statement_get_number (statement) : keys[k]);
          n_shown++;
        }
    }
  if (n_missing == 0)
    return NULL;
  if (n_missing > n_shown)
    /* Translators: the statements of the checklist no column answers, e.g. “12, 13, 14 and 9 more” */
    return g_strdup_printf (ngettext ("No column answers statements %s and %u more.",
                                      "No column answers statements %s and %u more.", n_missing - n_shown),
                            numbers->str, n_missing - n_shown);
  return g_strdup_printf (ngettext ("No column answers statement %s.", "No column answers statements %s.",
                                    n_missing),
                          numbers->str);
}

static void
update_columns_summary (TrellisImportAssistant *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  g_autofree char *unanswered = NULL;
  ColumnCounts counts = count_columns (self->import);
  guint n_check = 0;
  gboolean all_well;
  GtkListBoxRow *row;

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u column answers a statement.",
                                                     "%u columns answer statements.", counts.items), counts.items));
  if (counts.comments > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u holds comments.", "%u hold comments.", counts.comments),
                                             counts.comments));
  if (counts.groups > 0)
    g_ptr_array_add (parts, g_strdup (_("One says which group the respondent belongs to.")));
  if (counts.dropped > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u identifies people or is the survey tool’s bookkeeping: it is dropped and never stored.",
                                                       "%u identify people or are the survey tool’s bookkeeping: they are dropped and never stored.",
                                                       counts.dropped), counts.dropped));
  if (counts.ignored > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u is not imported.", "%u are not imported.", counts.ignored),
                                             counts.ignored));
  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" ", (char **) parts->pdata);
  gtk_label_set_label (self->columns_summary, summary);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->column_list, i)) != NULL; i++)
    if (TRELLIS_IS_IMPORT_COLUMN_ROW (row) &&
        trellis_import_column_row_get_status (TRELLIS_IMPORT_COLUMN_ROW (row)) == TRELLIS_IMPORT_COLUMN_CHECK)
      n_check++;
  if (self->dropped_row != NULL)
    update_dropped_row (self);
  unanswered = describe_unanswered (self);
  if (n_check > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u column needs checking: look at the one marked “Check this” and choose what it holds.",
                                                         "%u columns need checking: look at those marked “Check this” and choose what each holds.",
                                                         n_check), n_check);
      g_autofree char *both = unanswered != NULL ? g_strconcat (text, " ", unanswered, NULL) : NULL;

      gtk_label_set_label (self->check_label, both != NULL ? both : text);
      gtk_image_set_from_icon_name (self->check_icon, "dialog-warning-symbolic");
    }
  else if (counts.items > 0 && unanswered != NULL)
    {
      gtk_label_set_label (self->check_label, unanswered);
      gtk_image_set_from_icon_name (self->check_icon, "dialog-warning-symbolic");
    }
  else
    {
      gtk_label_set_label (self->check_label, counts.items > 0
                                              ? _("Nothing needs checking, but do look down the list.")
                                              : _("No column answers a statement: choose a statement for at least one."));
      gtk_image_set_from_icon_name (self->check_icon, counts.items > 0 ? "object-select-symbolic"
                                                                       : "dialog-warning-symbolic");
    }
  all_well = n_check == 0 && counts.items > 0 && unanswered == NULL;
  set_css_class (GTK_WIDGET (self->check_icon), "status-check", !all_well);
  set_css_class (GTK_WIDGET (self->check_icon), "status-sure", all_well);
  update_buttons (self);
}

static void
column_changed_cb (TrellisImportAssistant *self)
{
  update_columns_summary (self);
  if (gtk_check_button_get_active (self->only_check_button))
    gtk_list_box_invalidate_filter (self->column_list);
}

/* The dropped columns come first, in brief; the rest follow in file order, a grid's
 * question once above its rows rather than on each. */
static gboolean
is_dropped_row (GtkListBoxRow *row)
{
  return !TRELLIS_IS_IMPORT_COLUMN_ROW (row) ||
         trellis_import_column_row_get_dropped_at_first (TRELLIS_IMPORT_COLUMN_ROW (row));
}

static void
column_header_func (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  const char *question = NULL;
  gboolean new_group, new_question;
  GtkWidget *header;

  if (!TRELLIS_IS_IMPORT_COLUMN_ROW (row) || is_dropped_row (row))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  question = trellis_import_column_row_get_question (TRELLIS_IMPORT_COLUMN_ROW (row));
  new_group = before != NULL && is_dropped_row (before);
  new_question = question != NULL &&
                 (before == NULL || !TRELLIS_IS_IMPORT_COLUMN_ROW (before) ||
                  g_strcmp0 (trellis_import_column_row_get_question (TRELLIS_IMPORT_COLUMN_ROW (before)), question) != 0);
  if (!new_group && !new_question)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = g_object_new (GTK_TYPE_BOX,
                         "orientation", GTK_ORIENTATION_VERTICAL,
                         "spacing", 2,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                         NULL);
  gtk_widget_add_css_class (header, "mapping-header");
  if (new_group)
    gtk_box_append (GTK_BOX (header), new_heading (_("The survey’s questions"), "heading"));
  if (new_question)
    gtk_box_append (GTK_BOX (header), new_heading (question, "question-heading"));
  gtk_list_box_row_set_header (row, header);
}

static gboolean
column_filter_func (GtkListBoxRow *row,
                    gpointer       user_data)
{
  TrellisImportAssistant *self = user_data;
  gboolean only_check = gtk_check_button_get_active (self->only_check_button);
  TrellisImportColumnRow *column_row;

  if (!TRELLIS_IS_IMPORT_COLUMN_ROW (row))
    return !only_check;
  column_row = TRELLIS_IMPORT_COLUMN_ROW (row);
  if (only_check)
    /* A row asked about stays when it has been answered, so it does not vanish under
     * the pointer; as does one changed because another row took what it held. */
    return trellis_import_column_row_get_flagged (column_row) ||
           trellis_import_column_row_get_status (column_row) == TRELLIS_IMPORT_COLUMN_CHECK;
  if (trellis_import_column_row_get_dropped_at_first (column_row))
    return gtk_toggle_button_get_active (self->show_dropped_button);
  return TRUE;
}

static void
build_column_rows (TrellisImportAssistant *self)
{
  GListModel *columns = trellis_import_get_columns (self->import);
  guint n = g_list_model_get_n_items (columns);

  if (count_columns (self->import).dropped > 0)
    {
      self->dropped_row = new_dropped_row (self);
      gtk_list_box_append (self->column_list, self->dropped_row);
    }
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < n; c++)
      {
        TrellisImportColumn *column = trellis_import_get_column (self->import, c);
        const char *header = trellis_import_column_get_header (column);
        gboolean dropped = trellis_import_column_role_is_dropped (trellis_import_column_get_role (column));
        g_autofree char *question = NULL;
        g_autofree char *part = NULL;
        GtkWidget *row;

        if (dropped != (pass == 0))
          continue;
        /* What identifies people is shown by its whole header: "Contact [Email]". */
        if (dropped)
          part = g_strdup (header);
        else
          question = trellis_format_header_question (header,
                                                     c > 0 ? trellis_import_column_get_header (trellis_import_get_column (self->import, c - 1)) : NULL,
                                                     c + 1 < n ? trellis_import_column_get_header (trellis_import_get_column (self->import, c + 1)) : NULL,
                                                     &part);
        row = trellis_import_column_row_new (self->import, column, self->options, question, part);
        gtk_size_group_add_widget (self->mapping_group,
                                   GTK_WIDGET (trellis_import_column_row_get_dropdown (TRELLIS_IMPORT_COLUMN_ROW (row))));
        gtk_list_box_append (self->column_list, row);
        g_signal_connect_object (column, "notify::role", G_CALLBACK (column_changed_cb), self, G_CONNECT_SWAPPED);
        /* A comment column moved to another section, or a guess confirmed. */
        g_signal_connect_object (column, "notify::target", G_CALLBACK (column_changed_cb), self, G_CONNECT_SWAPPED);
        g_signal_connect_object (column, "notify::confidence", G_CALLBACK (column_changed_cb), self, G_CONNECT_SWAPPED);
      }
  gtk_widget_set_sensitive (GTK_WIDGET (self->only_check_button), trellis_import_needs_review (self->import));
  update_columns_summary (self);
}

/*****/
/* Page 3: the answers */

static void
value_changed_cb (TrellisImportAssistant *self)
{
  update_buttons (self);
}

static void
fill_answers (TrellisImportAssistant *self)
{
  g_autoptr(GPtrArray) values = trellis_import_dup_values (self->import);
  TrellisScale *scale = main_scale (self);
  guint n_unmapped = 0, n_mapped = 0, n_incomplete;
  g_autofree char *unmapped = NULL;
  g_autofree char *mapped = NULL;

  remove_rows (self->unmapped_list);
  remove_rows (self->mapped_list);
  for (guint i = 0; i < values->len; i++)
    {
      TrellisImportValue *value = g_ptr_array_index (values, i);
      GtkWidget *row = trellis_import_value_row_new (self->import, value, scale, self->answers);

      g_signal_connect_object (row, "changed", G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);
      if (value->mapped)
        {
          gtk_list_box_append (self->mapped_list, row);
          n_mapped++;
        }
      else
        {
          gtk_list_box_append (self->unmapped_list, row);
          n_unmapped++;
        }
    }

  unmapped = g_strdup_printf (ngettext ("%u answer is not on the scale", "%u answers are not on the scale",
                                        n_unmapped), n_unmapped);
  gtk_label_set_label (self->unmapped_heading, unmapped);
  gtk_widget_set_visible (self->unmapped_box, n_unmapped > 0);
  gtk_widget_set_visible (self->all_mapped_box, n_unmapped == 0);
  /* Translators: the heading of the folded list of answers read without help */
  mapped = g_strdup_printf (ngettext ("%u answer Trellis recognised", "%u answers Trellis recognised", n_mapped),
                            n_mapped);
  gtk_label_set_label (self->mapped_heading, mapped);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mapped_expander), GTK_ACCESSIBLE_PROPERTY_LABEL, mapped, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->mapped_expander), n_mapped > 0);
  /* Folded while there are answers to decide; otherwise they are all there is to check. */
  gtk_expander_set_expanded (self->mapped_expander, n_unmapped == 0);

  n_incomplete = trellis_import_count_incomplete (self->import);
  if (n_incomplete > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("The survey tool marks %u response as unfinished, a preview or a test. "
                                   "It is left out unless you include it.",
                                   "The survey tool marks %u responses as unfinished, previews or tests. "
                                   "They are left out unless you include them.", n_incomplete),
                         n_incomplete);
      gtk_label_set_label (self->incomplete_label, text);
    }
  gtk_widget_set_visible (self->incomplete_box, n_incomplete > 0);
}

/*****/
/* Page 4: the round */

static GtkWidget *
new_summary_row (const char *title,
                 const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *text_label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (title_label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 20);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (text_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text_label), TRUE);
  gtk_widget_set_hexpand (text_label, TRUE);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), text_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

/* How many responses, and what was left out or not counted. */
static char *
describe_responses (TrellisImportAssistant *self,
                    TrellisRound           *round)
{
  guint n_responses = trellis_round_get_n_responses (round);
  guint n_items = trellis_round_get_n_items (round);
  guint n_excluded = trellis_round_get_n_excluded (round);
  guint n_empty = trellis_import_get_n_empty (self->import);
  guint n_not_shown = trellis_import_get_n_not_shown (self->import);
  guint n_no_answers = trellis_import_get_n_no_answers (self->import);
  GString *text = g_string_new (NULL);

  /* Translators: “15 responses to 60 statements” */
  g_string_printf (text, ngettext ("%u response to %u statements", "%u responses to %u statements", n_responses),
                   n_responses, n_items);
  if (n_excluded > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, trellis_import_get_include_incomplete (self->import)
                                    ? ngettext ("including %u unfinished", "including %u unfinished", n_excluded)
                                    : ngettext ("%u unfinished response, preview or test left out",
                                                "%u unfinished responses, previews or tests left out", n_excluded),
                              n_excluded);
    }
  if (n_empty > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u empty row skipped", "%u empty rows skipped", n_empty), n_empty);
    }
  if (n_no_answers > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("including %u with no answers: a blank on every statement",
                                              "including %u with no answers: a blank on every statement", n_no_answers),
                              n_no_answers);
    }
  if (n_not_shown > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u answer the survey did not show the respondent: not counted as blank",
                                              "%u answers the survey did not show the respondent: not counted as blank",
                                              n_not_shown),
                              n_not_shown);
    }
  return g_string_free (text, FALSE);
}

/* Comments per section, or %NULL for none. */
static char *
describe_comments (TrellisChecklist *checklist,
                   TrellisRound     *round)
{
  GPtrArray *sections = trellis_round_get_comment_sections (round);
  g_autoptr(GString) text = g_string_new (NULL);

  if (sections->len == 0)
    return NULL;
  for (guint s = 0; s < sections->len; s++)
    {
      const char *id = g_ptr_array_index (sections, s);
      TrellisSection *section = trellis_checklist_find_section (checklist, id);
      g_autofree char *item = NULL;

      /* Translators: comments per section: “A: 9” */
      item = g_strdup_printf (_("%s: %u"), section != NULL ? trellis_section_get_code (section) : id,
                              trellis_round_get_comments (round, id)->len);
      append_joined (text, " · ", item);
    }
  g_string_append_printf (text, "\n%s", _("Kept per section, apart from the responses and shuffled, so "
                                           "no comment can be traced to a respondent or to another comment."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Respondents per group, and the groups too small to show on their own. */
static char *
describe_groups (TrellisImportAssistant *self,
                 TrellisRound           *round)
{
  TrellisProject *project = trellis_document_get_project (self->document);
  guint minimum = trellis_project_get_min_group_size (project);
  /* In alphabetical order: the round's own is that of its shuffled responses. */
  g_autoptr(GPtrArray) shares = trellis_group_breakdown_new (round, minimum);
  g_auto(GStrv) small = trellis_import_dup_small_groups (self->import, round);
  GString *text = g_string_new (NULL);

  for (guint g = 0; g < shares->len; g++)
    {
      const TrellisGroupShare *share = g_ptr_array_index (shares, g);
      /* Translators: respondents per group: “Police: 5” */
      g_autofree char *item = g_strdup_printf (_("%s: %u"), share->label != NULL ? share->label : _("Not stated"),
                                               share->n_respondents);

      append_joined (text, " · ", item);
    }
  if (small[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", small);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("Fewer than %u respondents, so never shown on their own: %s",
                                              "Fewer than %u respondents, so never shown on their own: %s",
                                              minimum),
                              minimum, names);
    }
  return g_string_free (text, FALSE);
}

/* The columns dropped for naming people, and those not imported. */
static void
add_left_out_columns (TrellisImportAssistant *self)
{
  GListModel *columns = trellis_import_get_columns (self->import);
  g_autoptr(GString) dropped = g_string_new (NULL);
  g_autoptr(GString) ignored = g_string_new (NULL);
  guint n_dropped = 0, n_ignored = 0;

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(TrellisImportColumn) column = g_list_model_get_item (columns, c);
      TrellisColumnRole role = trellis_import_column_get_role (column);

      if (trellis_import_column_role_is_dropped (role))
        {
          g_autofree char *name = dup_unbreakable (trellis_import_column_get_header (column));

          append_joined (dropped, ", ", name);
          n_dropped++;
        }
      else if (role == TRELLIS_COLUMN_IGNORED)
        {
          append_joined (ignored, ", ", trellis_import_column_get_name (column));
          n_ignored++;
        }
    }
  if (n_dropped > 0)
    gtk_list_box_append (self->summary_list, new_summary_row (_("Dropped, never stored"), dropped->str));
  if (n_ignored > 0)
    {
      g_autofree char *item = g_strdup_printf (ngettext ("Column %s", "Columns %s", n_ignored), ignored->str);
      gtk_list_box_append (self->summary_list, new_summary_row (_("Not imported"), item));
    }
}

static void
redact_toggled_cb (GtkCheckButton         *check,
                   TrellisImportAssistant *self)
{
  self->redact = gtk_check_button_get_active (check);
}

/* Names, e-mail addresses and phone numbers in the comments: shown, with an offer to
 * replace them as the round is imported. Nothing is replaced unless accepted. */
static void
add_redaction_offer (TrellisImportAssistant *self,
                     TrellisRound           *round)
{
  g_autoptr(TrellisRedactor) redactor = trellis_redactor_new_for_project (trellis_document_get_project (self->document), NULL);
  GPtrArray *sections = trellis_round_get_comment_sections (round);
  guint n_found[3] = { 0, 0, 0 }, n_comments = 0;
  g_autoptr(GString) examples = g_string_new (NULL);
  g_autofree char *description = NULL;
  GtkWidget *row, *box, *check, *label;

  for (guint s = 0; s < sections->len; s++)
    {
      GPtrArray *comments = trellis_round_get_comments (round, g_ptr_array_index (sections, s));

      for (guint i = 0; i < comments->len; i++)
        {
          g_autoptr(GArray) found = trellis_redactor_find (redactor, g_ptr_array_index (comments, i));

          if (found->len == 0)
            continue;
          for (guint k = 0; k < found->len; k++)
            n_found[g_array_index (found, TrellisRedaction, k).kind]++;
          /* A few examples are enough to judge by; the Comments view shows them all. */
          if (n_comments++ < 5)
            {
              g_autofree char *markup = trellis_redaction_markup (g_ptr_array_index (comments, i), found);

              g_string_append_printf (examples, "\n• %s", markup);
            }
        }
    }
  if (n_comments == 0)
    return;

  description = trellis_redaction_describe (n_found, n_comments);
  row = new_summary_row (_("Personal details"), description);
  box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  label = gtk_widget_get_last_child (box);
  {
    g_autofree char *escaped = g_markup_escape_text (description, -1);
    g_autofree char *markup = g_strdup_printf ("%s%s", escaped, examples->str);

    gtk_label_set_markup (GTK_LABEL (label), markup);
  }
  check = gtk_check_button_new_with_mnemonic (_("_Redact them"));
  gtk_widget_set_name (check, "redact_check");
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (check, _("Replace them with [name], [e-mail] and [phone] as the round is imported: "
                                        "the original words are not kept"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->redact);
  g_signal_connect (check, "toggled", G_CALLBACK (redact_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_append (self->summary_list, row);
}

static void
add_summary (TrellisImportAssistant *self,
             TrellisRound           *round)
{
  TrellisProject *project = trellis_document_get_project (self->document);
  g_autofree char *responses = describe_responses (self, round);
  g_autofree char *comments = describe_comments (trellis_project_get_checklist (project), round);
  g_autoptr(GString) files = g_string_new (NULL);

  gtk_list_box_append (self->summary_list, new_summary_row (_("Responses"), responses));

  for (guint f = 0; f < trellis_import_get_n_files (self->import); f++)
    append_joined (files, ", ", trellis_import_get_file_name (self->import, f));
  gtk_list_box_append (self->summary_list,
                       new_summary_row (ngettext ("File", "Files", trellis_import_get_n_files (self->import)),
                                        files->str));

  gtk_list_box_append (self->summary_list,
                       new_summary_row (_("Comments"), comments != NULL ? comments : _("None")));
  add_redaction_offer (self, round);

  if (trellis_round_get_n_groups (round) > 0)
    {
      g_autofree char *groups = describe_groups (self, round);

      gtk_list_box_append (self->summary_list, new_summary_row (_("Groups"), groups));
    }

  add_left_out_columns (self);
}

static void
show_apply_error (TrellisImportAssistant *self,
                  const char             *message)
{
  gtk_label_set_label (self->apply_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->apply_error_box, message != NULL);
}

static void
set_hint (GtkLabel   *hint,
          const char *text,
          gboolean    is_error)
{
  gtk_label_set_label (hint, text);
  set_css_class (GTK_WIDGET (hint), "error", is_error);
  set_css_class (GTK_WIDGET (hint), "dim-label", !is_error);
}

static void
round_details_changed_cb (TrellisImportAssistant *self)
{
  TrellisProject *project = trellis_document_get_project (self->document);
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry))));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));

  self->label_valid = *label != '\0' && trellis_project_find_round_by_label (project, label) == NULL;
  if (*label == '\0')
    set_hint (self->label_hint, _("Give the round a name, such as “Autumn 2026”."), TRUE);
  else if (!self->label_valid)
    {
      g_autofree char *text = g_strdup_printf (_("The project has a round called “%s” already."), label);
      set_hint (self->label_hint, text, TRUE);
    }
  else
    set_hint (self->label_hint, _("The round chooser and the handouts show this name."), FALSE);

  if (self->import == NULL)
    return;
  self->date_valid = trellis_import_set_date (self->import, *date != '\0' ? date : NULL);
  if (*date == '\0')
    set_hint (self->date_hint, _("Optional."), FALSE);
  else if (self->date_valid)
    {
      g_autofree char *written = trellis_date_format_long (date);
      set_hint (self->date_hint, written, FALSE);
    }
  else
    set_hint (self->date_hint, _("Write the date as year-month-day, such as 2026-10-16."), TRUE);
  update_buttons (self);
}

static void
day_selected_cb (TrellisImportAssistant *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_menu_button_popdown (self->calendar_button);
}

static void
prepare_round (TrellisImportAssistant *self)
{
  g_autofree char *preview_label = trellis_import_dup_default_label (self->import);
  g_autofree char *reused = NULL;
  g_autoptr(TrellisRound) preview = NULL;
  g_autoptr(GError) error = NULL;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->label_entry)) == '\0')
    {
      g_autoptr(GDateTime) today = g_date_time_new_now_local ();
      g_autofree char *date = trellis_import_dup_response_date (self->import);

      /* The day the last person answered, as the export says; today when it does not. */
      if (date == NULL)
        date = g_date_time_format (today, "%Y-%m-%d");

      gtk_editable_set_text (GTK_EDITABLE (self->label_entry), preview_label);
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
    }

  if (reused_round_name (self->import, &reused) != NULL)
    {
      /* Translators: the mapping of an earlier round was used for this import */
      g_autofree char *text = g_strdup_printf (_("Columns matched as in ‘%s’"), reused);
      gtk_label_set_label (self->reused_label, text);
    }
  gtk_widget_set_visible (self->reused_box, reused != NULL);

  /* What the import will add, built without touching the project. */
  remove_rows (self->summary_list);
  show_apply_error (self, NULL);
  preview = trellis_import_build_round (self->import, preview_label, &error);
  if (preview == NULL)
    show_apply_error (self, error->message);
  else
    add_summary (self, preview);
  round_details_changed_cb (self);
}

/*****/

/* Where the keyboard starts on each page: what there is to decide, or Next. */
static void
focus_page (TrellisImportAssistant *self)
{
  GtkListBoxRow *first_unmapped = gtk_list_box_get_row_at_index (self->unmapped_list, 0);

  switch (self->page)
    {
    case PAGE_COLUMNS:
      gtk_widget_child_focus (GTK_WIDGET (self->column_list), GTK_DIR_TAB_FORWARD);
      break;
    case PAGE_ANSWERS:
      if (first_unmapped != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (trellis_import_value_row_get_dropdown (TRELLIS_IMPORT_VALUE_ROW (first_unmapped))));
      else
        gtk_widget_grab_focus (self->next_button);
      break;
    case PAGE_ROUND:
      gtk_widget_grab_focus (GTK_WIDGET (self->label_entry));
      break;
    case PAGE_CHOOSE:
    case N_PAGES:
    default:
      if (self->import != NULL)
        gtk_widget_grab_focus (self->next_button);
      else
        gtk_widget_child_focus (self->drop_area, GTK_DIR_TAB_FORWARD);
      break;
    }
}

static void
show_page (TrellisImportAssistant *self,
           Page                    page)
{
  g_assert (page < N_PAGES);

  self->page = page;
  if (page == PAGE_ANSWERS)
    fill_answers (self);
  else if (page == PAGE_ROUND)
    prepare_round (self);
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  update_buttons (self);
  focus_page (self);
  trellis_accessible_name_internals (GTK_WIDGET (self));
}

static void
next_clicked_cb (TrellisImportAssistant *self)
{
  if (!can_go_next (self))
    return;
  switch (self->page)
    {
    case PAGE_CHOOSE:
      self->skipped = can_skip_to_round (self);
      show_page (self, self->skipped ? PAGE_ROUND : PAGE_COLUMNS);
      break;
    case PAGE_COLUMNS:
      show_page (self, PAGE_ANSWERS);
      break;
    case PAGE_ANSWERS:
      show_page (self, PAGE_ROUND);
      break;
    case PAGE_ROUND:
    case N_PAGES:
    default:
      break;
    }
}

static void
back_clicked_cb (TrellisImportAssistant *self)
{
  if (self->busy || self->page == PAGE_CHOOSE)
    return;
  if (self->page == PAGE_ROUND && self->skipped)
    show_page (self, PAGE_CHOOSE);
  else
    show_page (self, self->page - 1);
}

static void
review_clicked_cb (TrellisImportAssistant *self)
{
  self->skipped = FALSE;
  show_page (self, PAGE_COLUMNS);
}

static void
only_check_toggled_cb (TrellisImportAssistant *self)
{
  gtk_list_box_invalidate_filter (self->column_list);
  gtk_list_box_invalidate_headers (self->column_list);
}

static void
incomplete_toggled_cb (TrellisImportAssistant *self)
{
  if (self->import != NULL)
    trellis_import_set_include_incomplete (self->import, gtk_switch_get_active (self->incomplete_switch));
}

static void
import_clicked_cb (TrellisImportAssistant *self)
{
  _trellis_import_assistant_import (self);
}

/*****/
/* Page 1: reading the files, one at a time, off the main thread */

typedef struct
{
  TrellisImport *import;
  GFile         *file;
  gboolean       structure;  /* the survey's structure file, not an export */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->import);
  g_clear_object (&data->file);
  g_free (data);
}

/* The worker has the import to itself: a new one for the first file, and while a later
 * file is read the assistant is insensitive and does not look at it. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  if (data->structure ? trellis_import_set_structure_file (data->import, data->file, cancellable, &error)
                      : trellis_import_add_file (data->import, data->file, TRELLIS_TABLE_FORMAT_AUTO, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
add_file_row (TrellisImportAssistant *self,
              const char             *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "x-office-spreadsheet-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* GTK 4.8 does not name a row after the label inside it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_append (self->files_list, row);
}

static void
update_files (TrellisImportAssistant *self)
{
  g_autofree char *layout = NULL;
  g_autofree char *reused = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->drop_area, self->import == NULL);
  gtk_widget_set_visible (self->files_box, self->import != NULL);
  if (self->import == NULL)
    return;

  /* Only LimeSurvey writes code headings that its structure file explains. */
  gtk_widget_set_visible (self->structure_button,
                          trellis_import_get_layout (self->import) == TRELLIS_IMPORT_LAYOUT_LIMESURVEY);
  layout = describe_layout (self->import);
  if (reused_round_name (self->import, &reused) != NULL && can_skip_to_round (self))
    /* Translators: the layout, then the round whose mapping is used again */
    text = g_strdup_printf (_("%s. The columns are the same as in ‘%s’, so Next goes straight to naming the new round."),
                            layout, reused);
  else
    text = g_strdup_printf (_("%s. Next shows what Trellis found in each column."), layout);
  gtk_label_set_label (self->layout_label, text);
  gtk_label_set_label (self->columns_title, layout);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  TrellisImportAssistant *self = TRELLIS_IMPORT_ASSISTANT (source);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Closed or started over meanwhile: nobody is waiting for this file. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_queue_clear_full (&self->pending, g_object_unref);
      show_error (self, error->message);
      set_busy (self, FALSE);
      return;
    }

  if (data->structure)
    {
      g_autofree char *base = trellis_file_dup_display_basename (data->file);

      /* The columns were matched again: new rows for them. */
      remove_rows (self->column_list);
      self->dropped_row = NULL;
      self->dropped_title = self->dropped_names = NULL;
      self->show_dropped_button = NULL;
      build_column_rows (self);
      /* Translators: a survey structure file in the list of files read, e.g. “survey.lss (survey structure)” */
      name = g_strdup_printf (_("%s (survey structure)"), base);
      add_file_row (self, name);
      show_error (self, NULL);
      update_files (self);
      load_next (self);
      return;
    }
  if (self->import == NULL)
    {
      self->import = g_object_ref (data->import);
      build_column_rows (self);
    }
  name = trellis_file_dup_display_basename (data->file);
  add_file_row (self, name);
  show_error (self, NULL);
  update_files (self);
  load_next (self);
}

static void
load_next (TrellisImportAssistant *self)
{
  g_autoptr(GFile) file = g_queue_pop_head (&self->pending);
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  LoadData *data;

  if (file == NULL)
    {
      set_busy (self, FALSE);
      if (self->import != NULL && self->page == PAGE_CHOOSE)
        gtk_widget_grab_focus (self->next_button);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->import = self->import != NULL ? g_object_ref (self->import)
                                      : trellis_import_new (trellis_document_get_project (self->document));
  data->file = g_object_ref (file);

  name = trellis_file_dup_display_basename (file);
  message = g_strdup_printf (_("Reading “%s”…"), name);
  gtk_label_set_label (self->loading_label, message);
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, load_next);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
start_over (TrellisImportAssistant *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_queue_clear_full (&self->pending, g_object_unref);
  set_busy (self, FALSE);

  g_clear_object (&self->import);
  self->skipped = FALSE;
  remove_rows (self->files_list);
  remove_rows (self->column_list);
  self->dropped_row = NULL;
  self->dropped_title = self->dropped_names = NULL;
  self->show_dropped_button = NULL;
  remove_rows (self->unmapped_list);
  remove_rows (self->mapped_list);
  remove_rows (self->summary_list);
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), "");
  gtk_switch_set_active (self->incomplete_switch, FALSE);
  gtk_check_button_set_active (self->only_check_button, FALSE);
  show_error (self, NULL);
  update_files (self);
  show_page (self, PAGE_CHOOSE);
}

static void
start_over_clicked_cb (TrellisImportAssistant *self)
{
  start_over (self);
  gtk_widget_grab_focus (self->next_button);
}

static void
add_file_filter (GtkFileChooser     *chooser,
                 const char         *name,
                 const char * const *suffixes)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
chooser_response_cb (GtkNativeDialog        *chooser,
                     int                     response,
                     TrellisImportAssistant *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (list, g_list_model_get_item (files, i));
  if (list->len > 0)
    trellis_import_assistant_add_files (self, (GFile **) list->pdata, list->len);
}

/* Reads the survey's structure file in a worker, as an export is read. */
static void
load_structure (TrellisImportAssistant *self,
                GFile                  *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = trellis_file_dup_display_basename (file);
  g_autofree char *message = g_strdup_printf (_("Reading “%s”…"), name);
  LoadData *data;

  if (self->busy || self->import == NULL)
    return;
  data = g_new0 (LoadData, 1);
  data->import = g_object_ref (self->import);
  data->file = g_object_ref (file);
  data->structure = TRUE;
  gtk_label_set_label (self->loading_label, message);
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, load_structure);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
structure_response_cb (GtkNativeDialog        *chooser,
                       int                     response,
                       TrellisImportAssistant *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
  if (file != NULL)
    load_structure (self, file);
}

static void
structure_clicked_cb (TrellisImportAssistant *self)
{
  static const char * const lss[] = { "lss", NULL };
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Survey’s Structure File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_file_filter (GTK_FILE_CHOOSER (chooser), _("LimeSurvey survey structure (.lss)"), lss);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (structure_response_cb), self);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  gtk_native_dialog_show (self->chooser);
}

static void
choose_clicked_cb (TrellisImportAssistant *self)
{
  static const char * const everything[] = { "csv", "tsv", "txt", "xlsx", "ods", "zip", NULL };
  static const char * const text[] = { "csv", "tsv", "txt", NULL };
  static const char * const xlsx[] = { "xlsx", NULL };
  static const char * const ods[] = { "ods", NULL };
  static const char * const zip[] = { "zip", NULL };
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (self->import == NULL ? _("Choose the Survey Export")
                                                              : _("Choose Another Export of the Same Survey"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_file_filter (GTK_FILE_CHOOSER (chooser), _("Survey exports"), everything);
  add_file_filter (GTK_FILE_CHOOSER (chooser), _("CSV, TSV and text files"), text);
  add_file_filter (GTK_FILE_CHOOSER (chooser), _("Excel workbooks (.xlsx)"), xlsx);
  add_file_filter (GTK_FILE_CHOOSER (chooser), _("OpenDocument spreadsheets (.ods)"), ods);
  add_file_filter (GTK_FILE_CHOOSER (chooser), _("Google Forms downloads (.zip)"), zip);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  gtk_native_dialog_show (self->chooser);
}

static gboolean
drop_cb (GtkDropTarget          *target,
         const GValue           *value,
         double                  x,
         double                  y,
         TrellisImportAssistant *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, l->data);
  g_slist_free (files);
  if (list->len == 0 || self->busy)
    return FALSE;
  if (self->page != PAGE_CHOOSE)
    show_page (self, PAGE_CHOOSE);
  trellis_import_assistant_add_files (self, (GFile **) list->pdata, list->len);
  return TRUE;
}

/*****/

static void
trellis_import_assistant_dispose (GObject *object)
{
  TrellisImportAssistant *self = (TrellisImportAssistant *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_queue_clear_full (&self->pending, g_object_unref);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  /* The stack is the window's child: the window lets go of it before the template
   * does, or both would unparent it. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_IMPORT_ASSISTANT);

  g_clear_object (&self->import);
  g_clear_object (&self->options);
  g_clear_object (&self->answers);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (trellis_import_assistant_parent_class)->dispose (object);
}

static void
trellis_import_assistant_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TrellisImportAssistant *self = TRELLIS_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The .ui template, its children and its callbacks. */
static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, step_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, choose_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, start_over_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, structure_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, review_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, import_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, drop_area);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, loading_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, loading_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, error_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, files_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, files_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, layout_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, add_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, columns_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, columns_summary);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, check_icon);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, check_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, only_check_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, column_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, unmapped_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, unmapped_heading);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, unmapped_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, all_mapped_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, incomplete_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, incomplete_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, incomplete_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, mapped_expander);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, mapped_heading);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, mapped_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, reused_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, reused_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, label_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, label_hint);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, date_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, date_hint);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, calendar);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, summary_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, apply_error_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportAssistant, apply_error_label);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, structure_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_over_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, only_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, incomplete_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, round_details_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
trellis_import_assistant_class_init (TrellisImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_import_assistant_dispose;
  object_class->get_property = trellis_import_assistant_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisImportAssistant::imported:
   * @round: the new round, now in the project
   *
   * The import succeeded; the assistant closes itself next.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, TRELLIS_TYPE_ROUND);

  bind_template (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trellis_import_assistant_init (TrellisImportAssistant *self)
{
  GtkDropTarget *target;

  trellis_style_add_resource ("/org/trellisapp/Trellis/ui/trellis-import-assistant.css");
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkWidget *buttons[] = {
      self->cancel_button, self->back_button, self->next_button, self->import_button,
      self->choose_button, self->add_button, self->start_over_button, self->review_button,
      self->structure_button,
    };

    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      set_mnemonic_name (buttons[i]);
  }
  g_queue_init (&self->pending);
  self->cancellable = g_cancellable_new ();

  gtk_list_box_set_header_func (self->column_list, column_header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->column_list, column_filter_func, self, NULL);
  gtk_list_box_set_placeholder (self->column_list,
                                new_heading (_("No column needs checking."), "dim-label"));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stack), GTK_EVENT_CONTROLLER (target));

  update_buttons (self);
}

/* Big enough for the mapping table, never bigger than the screen the window is on. */
static void
fit_size (TrellisImportAssistant *self,
          GtkWindow              *parent)
{
  int width = 1000, height = 720;
  GdkSurface *surface;

  if (parent == NULL)
    return;
  surface = gtk_native_get_surface (GTK_NATIVE (parent));
  if (surface != NULL)
    {
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (parent)),
                                                                surface);
      GdkRectangle area;

      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &area);
          width = MIN (width, area.width - 48);
          height = MIN (height, area.height - 48);
        }
    }
  if (gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    {
      width = MIN (width, gtk_widget_get_width (GTK_WIDGET (parent)) - 24);
      height = MIN (height, gtk_widget_get_height (GTK_WIDGET (parent)) - 24);
    }
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 640), MAX (height, 480));
}

/**
 * trellis_import_assistant_new:
 * @parent: (nullable): the main window, kept inactive while the assistant is open
 * @document: the document whose project gets the new round
 *
 * Returns: (transfer none): a new assistant, owned by GTK like every toplevel
 */
TrellisImportAssistant *
trellis_import_assistant_new (GtkWindow       *parent,
                              TrellisDocument *document)
{
  TrellisImportAssistant *self;
  TrellisProject *project;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);

  self = g_object_new (TRELLIS_TYPE_IMPORT_ASSISTANT,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  project = trellis_document_get_project (document);
  self->document = g_object_ref (document);
  self->options = trellis_mapping_options_new (project);
  self->answers = trellis_import_value_answers_new (main_scale (self));
  fit_size (self, parent);
  return self;
}

/**
 * trellis_import_assistant_get_document:
 *
 * Returns: (transfer none): the document the round goes to
 */
TrellisDocument *
trellis_import_assistant_get_document (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), NULL);
  return self->document;
}

/**
 * trellis_import_assistant_add_files:
 * @files: (array length=n_files): survey exports
 *
 * Reads @files, one after the other, in the background. The first file read decides the
 * layout and the mapping; the others must be exports of the same survey. A file that
 * cannot be read is named in the assistant, with the row and column where it applies,
 * and the files after it are not read.
 */
void
trellis_import_assistant_add_files (TrellisImportAssistant  *self,
                                    GFile                  **files,
                                    guint                    n_files)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    g_queue_push_tail (&self->pending, g_object_ref (files[i]));
  if (!self->busy)
    load_next (self);
}

/**
 * trellis_import_assistant_get_busy:
 *
 * Returns: whether a file is being read
 */
gboolean
trellis_import_assistant_get_busy (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), FALSE);
  return self->busy;
}

/*****/

TrellisImport *
_trellis_import_assistant_get_import (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), NULL);
  return self->import;
}

const char *
_trellis_import_assistant_get_page (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), NULL);
  return page_names[self->page];
}

/**
 * _trellis_import_assistant_get_error:
 *
 * Returns: (nullable): the problem the assistant shows, or %NULL
 */
const char *
_trellis_import_assistant_get_error (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), NULL);

  if (gtk_widget_get_visible (self->apply_error_box))
    return gtk_label_get_text (self->apply_error_label);
  if (gtk_widget_get_visible (self->error_box))
    return gtk_label_get_text (self->error_label);
  return NULL;
}

gboolean
_trellis_import_assistant_can_go_next (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), FALSE);
  return can_go_next (self);
}

void
_trellis_import_assistant_go_next (TrellisImportAssistant *self)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self));
  next_clicked_cb (self);
}

void
_trellis_import_assistant_go_back (TrellisImportAssistant *self)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self));
  back_clicked_cb (self);
}

GtkListBox *
_trellis_import_assistant_get_column_list (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), NULL);
  return self->column_list;
}

GtkListBox *
_trellis_import_assistant_get_unmapped_list (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), NULL);
  return self->unmapped_list;
}

GtkListBox *
_trellis_import_assistant_get_mapped_list (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), NULL);
  return self->mapped_list;
}

/* What choosing a structure file with the button does. */
void
_trellis_import_assistant_add_structure (TrellisImportAssistant *self,
                                         GFile                  *file)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self));
  load_structure (self, file);
}

/* The banner above the columns: how many need checking. */
const char *
_trellis_import_assistant_get_check_text (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), NULL);
  return gtk_label_get_label (self->check_label);
}

GtkListBox *
_trellis_import_assistant_get_summary_list (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), NULL);
  return self->summary_list;
}

void
_trellis_import_assistant_set_only_check (TrellisImportAssistant *self,
                                          gboolean                only_check)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self));
  gtk_check_button_set_active (self->only_check_button, only_check);
}

void
_trellis_import_assistant_set_include_incomplete (TrellisImportAssistant *self,
                                                  gboolean                include)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self));
  gtk_switch_set_active (self->incomplete_switch, include);
}

void
_trellis_import_assistant_set_round_details (TrellisImportAssistant *self,
                                             const char             *label,
                                             const char             *date)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self));
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), label != NULL ? label : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date != NULL ? date : "");
}

gboolean
_trellis_import_assistant_can_import (TrellisImportAssistant *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), FALSE);
  return gtk_widget_get_visible (self->import_button) && gtk_widget_get_sensitive (self->import_button);
}

/**
 * _trellis_import_assistant_import:
 *
 * What the Import button does: adds the round to the project as one undoable edit and
 * closes the assistant, or shows why it could not, the project unchanged.
 *
 * Returns: whether the round was added
 */
gboolean
_trellis_import_assistant_import (TrellisImportAssistant *self)
{
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  TrellisRound *round;

  g_return_val_if_fail (TRELLIS_IS_IMPORT_ASSISTANT (self), FALSE);

  if (self->import == NULL || self->busy)
    return FALSE;
  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry))));
  if (*label == '\0' || !self->date_valid)
    {
      show_apply_error (self, _("Give the round a name and a valid date first."));
      return FALSE;
    }

  round = trellis_document_apply_import (self->document, self->import, label, &error);
  if (round == NULL)
    {
      show_apply_error (self, error->message);
      return FALSE;
    }
  /* Accepted on the last page: a step of its own after the import, so Undo can take
   * the redaction back without taking back the round. */
  if (self->redact)
    {
      g_autoptr(TrellisRedactor) redactor =
        trellis_redactor_new_for_project (trellis_document_get_project (self->document), NULL);

      trellis_comment_edit_redact (round, trellis_document_get_undo_stack (self->document), redactor, NULL, NULL);
    }
  g_signal_emit (self, signals[IMPORTED], 0, round);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
