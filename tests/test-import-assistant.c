/* test-import-assistant.c: the import assistant, driven as a facilitator would, on the
 * sample project: mapping rows, overrides, unknown answers, one undoable import, hostile
 * files, and every layout of tests/fixtures/import to the generator's exact counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "test-app-common.h"
#include "test-import-common.h"
#include "trellis-format.h"
#include "trellis-import-assistant-private.h"
#include "trellis-import-column-row.h"
#include "trellis-import-value-row.h"
#include "trellis-mapping-option.h"
#include "trellis-project-io.h"
#include "trellis-window.h"

static JsonObject *expected;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = fixture_path (name);

  return g_file_new_for_path (path);
}

static GBytes *
saved_bytes (TrellisProject *project)
{
  return trellis_project_save_to_bytes (project);
}

static TrellisImportAssistant *
open_assistant (TrellisDocument     *document,
                const char * const  *names)
{
  TrellisImportAssistant *assistant = trellis_import_assistant_new (NULL, document);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, fixture_file (names[i]));
  g_object_ref (assistant);
  gtk_window_present (GTK_WINDOW (assistant));
  trellis_import_assistant_add_files (assistant, (GFile **) files->pdata, files->len);
  test_wait_until_not_busy (assistant, 30);
  return assistant;
}

static void
close_assistant (TrellisImportAssistant *assistant)
{
  gtk_window_destroy (GTK_WINDOW (assistant));
  g_assert_finalize_object (assistant);
}

/* Each page in turn, as Next does, to the round page; a mapping used before skips the two
 * checking pages. */
static void
go_to_round (TrellisImportAssistant *assistant)
{
  for (guint step = 0; step < 3 && g_strcmp0 (_trellis_import_assistant_get_page (assistant), "round") != 0; step++)
    {
      g_assert_true (_trellis_import_assistant_can_go_next (assistant));
      _trellis_import_assistant_go_next (assistant);
    }
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "round");
}

static TrellisImportColumnRow *
find_column_row (TrellisImportAssistant *assistant,
                 const char             *letter)
{
  GtkListBox *list = _trellis_import_assistant_get_column_list (assistant);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (TRELLIS_IS_IMPORT_COLUMN_ROW (row) &&
        strcmp (trellis_import_column_get_name (trellis_import_column_row_get_column (TRELLIS_IMPORT_COLUMN_ROW (row))),
                letter) == 0)
      return TRELLIS_IMPORT_COLUMN_ROW (row);
  g_assert_not_reached ();
}

/* What choosing an entry of the row's drop-down does. */
static void
choose_mapping (TrellisImportColumnRow *row,
                TrellisColumnRole       role,
                const char             *target)
{
  GtkDropDown *dropdown = trellis_import_column_row_get_dropdown (row);
  guint position = trellis_mapping_options_find (gtk_drop_down_get_model (dropdown), role, target);

  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_drop_down_set_selected (dropdown, position);
}

static guint
count_visible_rows (GtkListBox *list)
{
  GtkListBoxRow *row;
  guint n = 0;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      n++;
  return n;
}

/* The text beside @title on the assistant's last page. */
static const char *
get_summary_text (TrellisImportAssistant *assistant,
                  const char             *title)
{
  GtkListBox *list = _trellis_import_assistant_get_summary_list (assistant);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *title_label = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

      if (strcmp (gtk_label_get_label (GTK_LABEL (title_label)), title) == 0)
        return gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (title_label)));
    }
  g_assert_not_reached ();
}

static void
assert_counts (TrellisRound *round,
               guint         times)
{
  test_import_assert_counts (expected, round, times, TEST_NOT_SHOWN_IN_BLANK);
}

static void
assert_shows_no_identifying_value (const char *text)
{
  JsonArray *identifying = json_object_get_array_member (expected, "identifying");

  for (guint i = 0; i < json_array_get_length (identifying); i++)
    {
      const char *value = json_array_get_string_element (identifying, i);

      if (strstr (text, value) != NULL)
        g_error ("the assistant shows the identifying value “%s” in “%s”", value, text);
    }
}

/* Comment boxes gathered at the end under the one text they share: the assistant will
 * not import until each is changed or confirmed, and its banner counts down with each. */
static void
test_unsettled_comments (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  const char *files[] = { "unsettled-comments.csv", NULL };
  TrellisImportAssistant *assistant = open_assistant (document, files);
  const char *letters[] = { "BP", "BQ", "BR", "BS" };
  const char *sections[] = { "A", "B", "C", "D" };
  TrellisImportColumnRow *row;
  TrellisRound *round;
  GtkWidget *confirm;

  g_assert_null (_trellis_import_assistant_get_error (assistant));
  _trellis_import_assistant_go_next (assistant);
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "columns");
  g_assert_true (g_str_has_prefix (_trellis_import_assistant_get_check_text (assistant), "4 columns need checking"));
  g_assert_false (_trellis_import_assistant_can_go_next (assistant));

  /* The drop-down finds an entry by any part of it, and Return picks the first found. */
  row = find_column_row (assistant, "BR");
  {
    GtkWidget *entry = trellis_import_column_row_get_search_entry (row);
    GListModel *results = trellis_import_column_row_get_search_results (row);
    g_autoptr(TrellisMappingOption) first = NULL;

    g_assert_nonnull (entry);
    g_assert_nonnull (results);
    gtk_editable_set_text (GTK_EDITABLE (entry), "section c");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
    first = g_list_model_get_item (results, 0);
    g_assert_nonnull (strstr (trellis_mapping_option_get_label (first), "section C"));
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (trellis_import_column_get_target (trellis_import_column_row_get_column (row)), ==, "C");
    g_assert_cmpint (trellis_import_column_row_get_status (row), ==, TRELLIS_IMPORT_COLUMN_CHANGED);
    /* A column that held text never reads as empty, whatever it is made. */
    choose_mapping (row, TRELLIS_COLUMN_IGNORED, NULL);
    g_assert_null (strstr (trellis_import_column_row_get_detail (row), "Empty"));
    choose_mapping (row, TRELLIS_COLUMN_COMMENT, "C");
  }

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *prefix = NULL;

      row = find_column_row (assistant, letters[i]);
      g_assert_cmpint (trellis_import_column_row_get_status (row), ==, TRELLIS_IMPORT_COLUMN_CHECK);
      choose_mapping (row, TRELLIS_COLUMN_COMMENT, sections[i]);
      g_assert_cmpint (trellis_import_column_row_get_status (row), ==, TRELLIS_IMPORT_COLUMN_CHANGED);
      prefix = g_strdup_printf (2 - i == 1 ? "%u column needs checking" : "%u columns need checking", 2 - i);
      g_assert_true (g_str_has_prefix (_trellis_import_assistant_get_check_text (assistant), prefix));
      g_assert_false (_trellis_import_assistant_can_go_next (assistant));
    }
  /* The last one is where its place says: confirmed as it is. */
  row = find_column_row (assistant, "BS");
  g_assert_cmpstr (trellis_import_column_get_target (trellis_import_column_row_get_column (row)), ==, "D");
  confirm = gtk_widget_get_last_child (gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
  g_assert_true (GTK_IS_BUTTON (confirm));
  g_assert_true (gtk_widget_get_visible (confirm));
  g_signal_emit_by_name (confirm, "clicked");
  g_assert_false (gtk_widget_get_visible (confirm));
  g_assert_cmpint (trellis_import_column_row_get_status (row), ==, TRELLIS_IMPORT_COLUMN_CHANGED);
  g_assert_null (strstr (_trellis_import_assistant_get_check_text (assistant), "column needs checking"));
  g_assert_null (strstr (_trellis_import_assistant_get_check_text (assistant), "columns need checking"));

  go_to_round (assistant);
  _trellis_import_assistant_set_round_details (assistant, "Gathered", "2026-10-12");
  g_assert_true (_trellis_import_assistant_can_import (assistant));
  g_assert_true (_trellis_import_assistant_import (assistant));
  round = trellis_project_find_round_by_label (project, "Gathered");
  g_assert_nonnull (round);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    g_assert_cmpuint (trellis_round_get_comments (round, sections[s])->len, ==,
                      json_object_get_int_member (json_object_get_object_member (expected, "comments"), sections[s]));
  close_assistant (assistant);
}

/* LimeSurvey code headings: unsettled until the survey's structure file is added, then
 * every column matches; a hostile structure file is refused and changes nothing. */
static void
test_structure_file (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  const char *files[] = { "limesurvey-sq-code.csv", NULL };
  TrellisImportAssistant *assistant = open_assistant (document, files);
  g_autoptr(GFile) hostile = fixture_file ("lss-xxe.lss");
  g_autoptr(GFile) lss = fixture_file ("limesurvey-survey.lss");
  TrellisRound *round;

  g_assert_null (_trellis_import_assistant_get_error (assistant));
  g_assert_cmpuint (trellis_import_count_unsettled (_trellis_import_assistant_get_import (assistant)), >, 40);

  _trellis_import_assistant_add_structure (assistant, hostile);
  test_wait_until_not_busy (assistant, 30);
  g_assert_nonnull (_trellis_import_assistant_get_error (assistant));
  g_assert_nonnull (strstr (_trellis_import_assistant_get_error (assistant), "lss-xxe.lss"));
  g_assert_cmpuint (trellis_import_count_unsettled (_trellis_import_assistant_get_import (assistant)), >, 40);

  _trellis_import_assistant_add_structure (assistant, lss);
  test_wait_until_not_busy (assistant, 30);
  g_assert_null (_trellis_import_assistant_get_error (assistant));
  g_assert_cmpuint (trellis_import_count_unsettled (_trellis_import_assistant_get_import (assistant)), ==, 0);
  _trellis_import_assistant_go_next (assistant);
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "columns");
  g_assert_null (strstr (_trellis_import_assistant_get_check_text (assistant), "need checking"));
  /* The rows are the new mapping's. */
  g_assert_cmpint (trellis_import_column_get_role (trellis_import_column_row_get_column (find_column_row (assistant, "L"))),
                   ==, TRELLIS_COLUMN_ITEM);
  go_to_round (assistant);
  _trellis_import_assistant_set_round_details (assistant, "From codes", "2026-10-12");
  g_assert_true (_trellis_import_assistant_import (assistant));
  round = trellis_project_find_round_by_label (project, "From codes");
  g_assert_nonnull (round);
  assert_counts (round, 1);
  close_assistant (assistant);
}

/*****/

static void
test_surveymonkey (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  g_autoptr(GBytes) original = saved_bytes (project);
  g_autoptr(GBytes) after_undo = NULL;
  g_autoptr(GFile) file = fixture_file ("surveymonkey.csv");
  TrellisWindow *window = g_object_ref (trellis_window_new (NULL, NULL, NULL));
  TrellisUndoStack *stack = trellis_document_get_undo_stack (document);
  TrellisImportAssistant *assistant;
  TrellisImportColumnRow *row;
  GtkListBox *list;
  GtkListBoxRow *list_row;
  TrellisRound *round;
  guint n_statement_rows = 0;

  trellis_window_set_document (window, document);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  /* What a file dropped on the window does. */
  assistant = trellis_window_import (window, &file, 1);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  test_wait_until_not_busy (assistant, 30);
  g_assert_null (_trellis_import_assistant_get_error (assistant));
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "choose");
  _trellis_import_assistant_go_next (assistant);
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "columns");

  /* Identifying columns are marked dropped, with the reason, and show none of their values. */
  list = _trellis_import_assistant_get_column_list (assistant);
  for (const char *letter = "ABCDEFGHI"; *letter != '\0'; letter++)
    {
      char name[2] = { *letter, '\0' };

      row = find_column_row (assistant, name);
      g_assert_true (trellis_import_column_row_get_dropped_at_first (row));
      g_assert_cmpint (trellis_import_column_row_get_status (row), ==, TRELLIS_IMPORT_COLUMN_DROPPED);
      g_assert_cmpstr (trellis_import_column_row_get_detail (row), ==,
                       trellis_import_column_get_reason (trellis_import_column_row_get_column (row)));
      /* Listed in brief; each row shown on asking. */
      g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (row)));
    }
  for (guint i = 0; (list_row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      TrellisImportColumn *column;

      if (!TRELLIS_IS_IMPORT_COLUMN_ROW (list_row))
        continue;
      row = TRELLIS_IMPORT_COLUMN_ROW (list_row);
      column = trellis_import_column_row_get_column (row);
      assert_shows_no_identifying_value (trellis_import_column_row_get_detail (row));
      if (trellis_import_column_get_role (column) == TRELLIS_COLUMN_ITEM)
        {
          g_assert_cmpint (trellis_import_column_row_get_status (row), ==, TRELLIS_IMPORT_COLUMN_SURE);
          n_statement_rows++;
        }
      /* Comment text is never shown beside other columns' values. */
      if (trellis_import_column_get_role (column) == TRELLIS_COLUMN_COMMENT)
        g_assert_true (g_str_has_prefix (trellis_import_column_row_get_detail (row), "Free-text comments"));
    }
  g_assert_cmpuint (n_statement_rows, ==, 60);

  /* A grid's row shows its statement, the question heads the run; the drop-down is named
   * for its column. */
  row = find_column_row (assistant, "K");
  g_assert_cmpstr (trellis_import_column_get_target (trellis_import_column_row_get_column (row)), ==, "s1");
  g_assert_cmpstr (trellis_import_column_row_get_question (row), ==,
                   "Section A: Partnership Remit, Structure, Membership, and Meetings Please rate each statement.");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (trellis_import_column_row_get_dropdown (row)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Column K: mapping");
  g_assert_true (g_str_has_prefix (trellis_import_column_row_get_detail (row), "e.g. “"));

  /* Nothing needs checking in this file: the filter leaves no row. */
  _trellis_import_assistant_set_only_check (assistant, TRUE);
  g_assert_cmpuint (count_visible_rows (list), ==, 0);
  _trellis_import_assistant_set_only_check (assistant, FALSE);

  /* Giving statement 1 to column L takes it from K, which says so; then back again. */
  choose_mapping (find_column_row (assistant, "L"), TRELLIS_COLUMN_ITEM, "s1");
  row = find_column_row (assistant, "K");
  g_assert_cmpint (trellis_import_column_get_role (trellis_import_column_row_get_column (row)), ==,
                   TRELLIS_COLUMN_IGNORED);
  g_assert_cmpint (trellis_import_column_row_get_status (row), ==, TRELLIS_IMPORT_COLUMN_CHANGED);
  choose_mapping (row, TRELLIS_COLUMN_ITEM, "s1");
  choose_mapping (find_column_row (assistant, "L"), TRELLIS_COLUMN_ITEM, "s2");
  g_assert_cmpstr (trellis_import_column_get_target (trellis_import_column_row_get_column (find_column_row (assistant, "L"))),
                   ==, "s2");

  /* The override that stays: section A's comment box is not imported. */
  row = find_column_row (assistant, "AB");
  g_assert_cmpint (trellis_import_column_get_role (trellis_import_column_row_get_column (row)), ==,
                   TRELLIS_COLUMN_COMMENT);
  choose_mapping (row, TRELLIS_COLUMN_IGNORED, NULL);
  g_assert_cmpint (trellis_import_column_get_role (trellis_import_column_row_get_column (row)), ==,
                   TRELLIS_COLUMN_IGNORED);

  /* Every answer is on the scale: they are listed for checking, none asks for a choice. */
  _trellis_import_assistant_go_next (assistant);
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "answers");
  g_assert_cmpuint (test_count_rows (_trellis_import_assistant_get_unmapped_list (assistant)), ==, 0);
  g_assert_cmpuint (test_count_rows (_trellis_import_assistant_get_mapped_list (assistant)), ==, 7);
  g_assert_true (_trellis_import_assistant_can_go_next (assistant));

  _trellis_import_assistant_go_next (assistant);
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "round");
  g_assert_cmpuint (test_count_rows (_trellis_import_assistant_get_summary_list (assistant)), >=, 4);
  /* Groups alphabetically, whatever order the shuffled responses put them in. */
  g_assert_cmpstr (get_summary_text (assistant, "Groups"), ==,
                   "Council: 6 · Fire and Rescue: 1 · Health: 3 · Police: 5\n"
                   "Fewer than 5 respondents, so never shown on their own: Fire and Rescue, Health");
  _trellis_import_assistant_set_round_details (assistant, "Round 2", "2026-11-30");
  g_assert_true (_trellis_import_assistant_can_import (assistant));
  /* Nothing has touched the project yet. */
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 2);  /* the sample's two rounds */
  g_assert_false (trellis_document_get_modified (document));

  g_assert_true (_trellis_import_assistant_import (assistant));
  g_assert_null (assistant);
  g_assert_true (trellis_document_get_modified (document));

  /* The new round, shown in the window, counted as the CLI counts it. */
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 3);
  round = trellis_project_get_round (project, 2);
  g_assert_cmpstr (trellis_round_get_label (round), ==, "Round 2");
  g_assert_cmpstr (trellis_round_get_date (round), ==, "2026-11-30");
  g_assert_cmpstr (trellis_round_get_source (round), ==, "surveymonkey.csv");
  assert_counts (round, 1);
  g_assert_null (trellis_round_get_comments (round, "A"));
  g_assert_cmpuint (trellis_round_get_comments (round, "B")->len, ==, 6);
  g_assert_true (gtk_drop_down_get_selected_item (test_window_get_round_dropdown (window)) == round);

  /* One undoable step. */
  g_assert_true (trellis_undo_stack_get_can_undo (stack));
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (stack), ==, "Import “Round 2”");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 2);
  after_undo = saved_bytes (project);
  g_assert_true (g_bytes_equal (original, after_undo));
  /* Back as it was opened: nothing to save, and the title says so. */
  g_assert_false (trellis_document_get_modified (document));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 3);
  g_assert_true (trellis_project_get_round (project, 2) == round);
  assert_counts (round, 1);
  g_assert_true (trellis_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));

  /* Another project opened: this one's edits are not its to undo. */
  trellis_window_set_document (window, NULL);
  g_assert_false (trellis_undo_stack_get_can_undo (stack));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* An answer the importer does not know stops the import until the facilitator says what
 * it means; the choice is kept with the round for next time. */
static void
test_unmapped_value (void)
{
  const char *names[] = { "outside-scale.csv", NULL };
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  TrellisImportAssistant *assistant = open_assistant (document, names);
  GtkListBox *unmapped;
  TrellisImportValueRow *row;
  TrellisRound *round;
  GPtrArray *rules;
  gboolean kept = FALSE;

  _trellis_import_assistant_go_next (assistant);
  _trellis_import_assistant_go_next (assistant);
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "answers");
  unmapped = _trellis_import_assistant_get_unmapped_list (assistant);
  g_assert_cmpuint (test_count_rows (unmapped), ==, 1);
  row = TRELLIS_IMPORT_VALUE_ROW (gtk_list_box_get_row_at_index (unmapped, 0));
  g_assert_cmpstr (trellis_import_value_row_get_text (row), ==, "Sometimes");
  g_assert_false (trellis_import_value_row_get_mapped (row));
  g_assert_false (_trellis_import_assistant_can_go_next (assistant));

  /* The drop-down: "Choose…", then the points 1 to 5. */
  gtk_drop_down_set_selected (trellis_import_value_row_get_dropdown (row), 3);
  g_assert_true (trellis_import_value_row_get_mapped (row));
  g_assert_true (_trellis_import_assistant_can_go_next (assistant));

  _trellis_import_assistant_go_next (assistant);
  _trellis_import_assistant_set_round_details (assistant, "Autumn 2027", "");
  g_assert_true (_trellis_import_assistant_can_import (assistant));
  g_assert_true (_trellis_import_assistant_import (assistant));
  g_assert_finalize_object (assistant);

  round = trellis_project_find_round_by_label (project, "Autumn 2027");
  g_assert_nonnull (round);
  g_assert_cmpuint (trellis_round_get_n_responses (round), ==, 11);
  g_assert_null (trellis_round_get_date (round));
  rules = trellis_round_get_value_rules (round);
  for (guint i = 0; i < rules->len; i++)
    {
      const TrellisValueRule *rule = g_ptr_array_index (rules, i);
      kept |= strcmp (rule->text, "Sometimes") == 0 && rule->answer == 3;
    }
  g_assert_true (kept);
}

/* A file that cannot be imported is named in the assistant with what is wrong; nothing
 * is read from it and the project is untouched. */
static void
test_hostile (gconstpointer data)
{
  const char *names[] = { data, NULL };
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  g_autoptr(GBytes) original = saved_bytes (project);
  g_autoptr(GBytes) after = NULL;
  TrellisImportAssistant *assistant = open_assistant (document, names);
  const char *error = _trellis_import_assistant_get_error (assistant);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, data));
  g_assert_null (_trellis_import_assistant_get_import (assistant));
  g_assert_false (_trellis_import_assistant_can_go_next (assistant));
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "choose");
  close_assistant (assistant);

  after = saved_bytes (project);
  g_assert_true (g_bytes_equal (original, after));
  g_assert_false (trellis_document_get_modified (document));
  g_assert_false (trellis_undo_stack_get_can_undo (trellis_document_get_undo_stack (document)));
}

/* A second file of another survey is refused; the first stays. */
static void
test_mismatched_files (void)
{
  const char *names[] = { "google-forms.csv", "surveymonkey.csv", NULL };
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  TrellisImportAssistant *assistant = open_assistant (document, names);

  g_assert_nonnull (strstr (_trellis_import_assistant_get_error (assistant), "surveymonkey.csv"));
  g_assert_nonnull (_trellis_import_assistant_get_import (assistant));
  g_assert_cmpuint (trellis_import_get_n_files (_trellis_import_assistant_get_import (assistant)), ==, 1);
  g_assert_true (_trellis_import_assistant_can_go_next (assistant));
  close_assistant (assistant);
  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 2);
}

/* When adding the round fails, the assistant says why and the project is as it was. */
static void
test_failed_apply (void)
{
  const char *names[] = { "surveymonkey.csv", NULL };
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  g_autoptr(GBytes) original = saved_bytes (project);
  g_autoptr(GBytes) after = NULL;
  TrellisImportAssistant *assistant = open_assistant (document, names);

  go_to_round (assistant);
  /* The sample's round is called so already: the button says no, and so does the core. */
  _trellis_import_assistant_set_round_details (assistant, "Autumn 2026", "2026-11-30");
  g_assert_false (_trellis_import_assistant_can_import (assistant));
  g_assert_false (_trellis_import_assistant_import (assistant));
  g_assert_nonnull (strstr (_trellis_import_assistant_get_error (assistant), "“Autumn 2026”"));
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "round");

  after = saved_bytes (project);
  g_assert_true (g_bytes_equal (original, after));
  g_assert_false (trellis_document_get_modified (document));
  g_assert_false (trellis_undo_stack_get_can_undo (trellis_document_get_undo_stack (document)));
  close_assistant (assistant);
}

/* The next round of the same survey: nothing to check, straight to naming it. */
static void
test_reused_mapping (void)
{
  const char *names[] = { "surveymonkey.csv", NULL };
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  TrellisImportAssistant *assistant = open_assistant (document, names);

  go_to_round (assistant);
  _trellis_import_assistant_set_round_details (assistant, "Round 2", "2026-11-30");
  g_assert_true (_trellis_import_assistant_import (assistant));
  g_assert_finalize_object (assistant);

  assistant = open_assistant (document, names);
  g_assert_nonnull (trellis_import_get_reused_round (_trellis_import_assistant_get_import (assistant)));
  _trellis_import_assistant_go_next (assistant);
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "round");
  /* Back returns to the files, not to pages never seen. */
  _trellis_import_assistant_go_back (assistant);
  g_assert_cmpstr (_trellis_import_assistant_get_page (assistant), ==, "choose");
  _trellis_import_assistant_go_next (assistant);
  _trellis_import_assistant_set_round_details (assistant, "Round 3", "2027-05-31");
  g_assert_true (_trellis_import_assistant_import (assistant));
  g_assert_finalize_object (assistant);

  g_assert_cmpuint (trellis_project_get_n_rounds (project), ==, 4);
  assert_counts (trellis_project_find_round_by_label (project, "Round 3"), 1);
}

typedef struct
{
  const char *files[3];
  guint       times;
  guint       n_incomplete;
} LayoutCase;

static const LayoutCase layout_cases[] = {
  { { "microsoft-forms.xlsx" }, 1, 0 },
  { { "microsoft-forms-ja.xlsx" }, 1, 0 },
  { { "microsoft-forms-libreoffice.xlsx" }, 1, 0 },
  { { "microsoft-forms-libreoffice.ods" }, 1, 0 },
  { { "google-forms.csv" }, 1, 0 },
  { { "google-forms.zip" }, 1, 0 },
  { { "google-forms-libreoffice.xlsx" }, 1, 0 },
  { { "google-forms-libreoffice.ods" }, 1, 0 },
  { { "surveymonkey.csv" }, 1, 0 },
  { { "surveymonkey.xlsx" }, 1, 0 },
  { { "qualtrics.csv" }, 1, 3 },
  { { "qualtrics-utf16.tsv" }, 1, 3 },
  { { "qualtrics-legacy.csv" }, 1, 0 },
  { { "limesurvey-code.csv" }, 1, 1 },
  { { "limesurvey-full.csv" }, 1, 1 },
  { { "kobotoolbox.csv" }, 1, 0 },
  { { "generic-cp1252.csv" }, 1, 0 },
  { { "generic-bom.csv" }, 1, 0 },
  { { "generic-unicode.txt" }, 1, 0 },
  { { "generic-utf16be.csv" }, 1, 0 },
  { { "generic.ods" }, 1, 0 },
  /* Two collectors of one survey: one round. */
  { { "google-forms.csv", "google-forms.zip" }, 2, 0 },
};

/* Every layout through the assistant's own path into the sample project. */
static void
test_layout (gconstpointer data)
{
  const LayoutCase *test = data;
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  TrellisImportAssistant *assistant = open_assistant (document, test->files);
  TrellisRound *round;

  g_assert_null (_trellis_import_assistant_get_error (assistant));
  g_assert_cmpuint (trellis_import_get_n_files (_trellis_import_assistant_get_import (assistant)), ==, test->times);
  g_assert_cmpuint (trellis_import_count_incomplete (_trellis_import_assistant_get_import (assistant)), ==,
                    test->times * test->n_incomplete);
  go_to_round (assistant);
  _trellis_import_assistant_set_round_details (assistant, "Imported", "2026-11-30");
  g_assert_true (_trellis_import_assistant_import (assistant));
  g_assert_finalize_object (assistant);

  round = trellis_project_find_round_by_label (project, "Imported");
  g_assert_nonnull (round);
  g_assert_cmpuint (trellis_round_get_n_excluded (round), ==, test->times * test->n_incomplete);
  assert_counts (round, test->times);
}

/* Unfinished responses are left out unless the facilitator includes them. */
static void
test_include_incomplete (void)
{
  const char *names[] = { "qualtrics.csv", NULL };
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  TrellisImportAssistant *assistant = open_assistant (document, names);

  _trellis_import_assistant_go_next (assistant);
  _trellis_import_assistant_go_next (assistant);
  _trellis_import_assistant_set_include_incomplete (assistant, TRUE);
  _trellis_import_assistant_go_next (assistant);
  _trellis_import_assistant_set_round_details (assistant, "With unfinished", "2026-11-30");
  g_assert_true (_trellis_import_assistant_import (assistant));
  g_assert_finalize_object (assistant);
  g_assert_cmpuint (trellis_round_get_n_responses (trellis_project_find_round_by_label (project, "With unfinished")),
                    ==, 18);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The last page shows the names, addresses and numbers found in the comments and offers
 * to replace them; accepted, the redaction is a step of its own after the import. */
static void
test_redaction_offer (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new (project, NULL);
  TrellisUndoStack *undo = trellis_document_get_undo_stack (document);
  TrellisImportAssistant *assistant = trellis_import_assistant_new (NULL, document);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "redaction-google-forms.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *named = "John from Housing never attends; ring 07700 900123 or e-mail j.smith@example.org.";
  GtkWidget *check;
  TrellisRound *round;
  GPtrArray *sections;
  gboolean redacted = FALSE;

  g_object_ref (assistant);
  gtk_window_present (GTK_WINDOW (assistant));
  trellis_import_assistant_add_files (assistant, &file, 1);
  test_wait_until_not_busy (assistant, 30);
  go_to_round (assistant);
  _trellis_import_assistant_set_round_details (assistant, "Named", "2026-11-30");
  g_assert_true (g_str_has_prefix (get_summary_text (assistant, "Personal details"),
                                   "Found 1 name, 1 e-mail address and 1 phone number in 1 comment."));
  check = find_named (GTK_WIDGET (_trellis_import_assistant_get_summary_list (assistant)), "redact_check");
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_get_focusable (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (_trellis_import_assistant_import (assistant));
  g_assert_finalize_object (assistant);

  round = trellis_project_find_round_by_label (project, "Named");
  sections = trellis_round_get_comment_sections (round);
  for (guint s = 0; s < sections->len; s++)
    {
      GPtrArray *comments = trellis_round_get_comments (round, g_ptr_array_index (sections, s));

      for (guint i = 0; i < comments->len; i++)
        {
          g_assert_cmpstr (g_ptr_array_index (comments, i), !=, named);
          redacted |= g_str_equal (g_ptr_array_index (comments, i),
                                   "[name] from Housing never attends; ring [phone] or e-mail [e-mail].");
        }
    }
  g_assert_true (redacted);
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (undo), ==, "Redact Comments");
  g_assert_true (trellis_undo_stack_undo (undo));
  g_assert_true (g_str_has_prefix (trellis_undo_stack_get_undo_label (undo), "Import"));
}

/* Importing needs a project to import into. */
static void
test_no_project (void)
{
  TrellisWindow *window = g_object_ref (trellis_window_new (NULL, NULL, NULL));
  g_autoptr(GFile) file = fixture_file ("surveymonkey.csv");

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import"));
  g_assert_null (trellis_window_import (window, &file, 1));
  g_assert_nonnull (test_window_get_banner_text (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_header_question (void)
{
  static const struct {
    const char *header, *previous, *next, *question, *part;
  } cases[] = {
    /* SurveyMonkey and Google Forms grids */
    { "Section B: Informed by Evidence [The partnership has used the evidence]",
      "Which sector do you represent?",
      "Section B: Informed by Evidence [The partnership has a good understanding]",
      "Section B: Informed by Evidence", "The partnership has used the evidence" },
    /* Qualtrics */
    { "By working together - Delivered more sustainable outcomes",
      "By working together - Delivered a higher quality", NULL,
      "By working together", "Delivered more sustainable outcomes" },
    /* KoboToolbox groups; two statements that begin alike keep their own words */
    { "Section A/Each of the individual organisations has a clear role",
      "Section A/Each of the individual organisations adds value",
      "Section A/The partnership achieves more",
      "Section A", "Each of the individual organisations has a clear role" },
    /* LimeSurvey codes */
    { "A[s2]", "A[s1]", "A[s3]", "A", "s2" },
    /* Not a grid */
    { "Which sector do you represent?", "Last Name", "Section A [x]", NULL, "Which sector do you represent?" },
    { "1. The partnership has a clear remit", NULL, "2. There is clarity", NULL, "1. The partnership has a clear remit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *part = NULL;
      g_autofree char *question = trellis_format_header_question (cases[i].header, cases[i].previous,
                                                                  cases[i].next, &part);

      g_assert_cmpstr (question, ==, cases[i].question);
      g_assert_cmpstr (part, ==, cases[i].part);
    }
}

/* The document is unmodified exactly when undo and redo bring it back to where its file
 * is; a change made other than through them keeps it modified. */
static void
test_document_clean_point (void)
{
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(GFile) file = g_file_new_build_filename (g_get_user_data_dir (), "clean-point.trellis", NULL);
  g_autoptr(GFile) export = fixture_file ("surveymonkey.csv");
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(TrellisDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  TrellisUndoStack *stack;

  g_assert_true (trellis_project_save_file (project, file, NULL, &error));
  g_assert_no_error (error);
  document = trellis_document_new (project, file);
  stack = trellis_document_get_undo_stack (document);

  g_assert_true (trellis_import_add_file (import, export, TRELLIS_TABLE_FORMAT_AUTO, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (trellis_document_apply_import (document, import, "Round 2", &error));
  g_assert_no_error (error);
  g_assert_true (trellis_document_get_modified (document));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_false (trellis_document_get_modified (document));
  g_assert_true (trellis_undo_stack_redo (stack));
  g_assert_true (trellis_document_get_modified (document));

  /* Saved with the round: undoing it is a change from the file, redoing it is not. */
  g_assert_true (trellis_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_document_get_modified (document));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_true (trellis_document_get_modified (document));
  g_assert_true (trellis_undo_stack_redo (stack));
  g_assert_false (trellis_document_get_modified (document));

  /* Renamed outside the undo stack: modified whatever undo and redo do, until saved. */
  trellis_project_set_name (project, "Northshire CSP");
  g_assert_true (trellis_document_get_modified (document));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_true (trellis_undo_stack_redo (stack));
  g_assert_true (trellis_document_get_modified (document));
  g_assert_true (trellis_document_save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_document_get_modified (document));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const hostile[] = {
    "binary.csv", "zip-bomb.xlsx", "truncated.xlsx", "xxe.xlsx", "ragged.csv", "empty.csv",
    "no-statements.csv", "old-excel.xls",
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *expected_path = NULL;
  g_autoptr(GError) error = NULL;

  /* The assistant needs a display; CI runs the suite under xvfb-run. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  expected_path = fixture_path ("expected.json");
  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));

  g_test_add_func ("/import-assistant/surveymonkey", test_surveymonkey);
  g_test_add_func ("/import-assistant/unsettled-comments", test_unsettled_comments);
  g_test_add_func ("/import-assistant/structure-file", test_structure_file);
  g_test_add_func ("/import-assistant/unmapped-value", test_unmapped_value);
  g_test_add_func ("/import-assistant/mismatched-files", test_mismatched_files);
  g_test_add_func ("/import-assistant/failed-apply", test_failed_apply);
  g_test_add_func ("/import-assistant/reused-mapping", test_reused_mapping);
  g_test_add_func ("/import-assistant/include-incomplete", test_include_incomplete);
  g_test_add_func ("/import-assistant/no-project", test_no_project);
  g_test_add_func ("/import-assistant/redaction-offer", test_redaction_offer);
  g_test_add_func ("/import-assistant/header-question", test_header_question);
  g_test_add_func ("/document/clean-point", test_document_clean_point);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import-assistant/hostile/%s", hostile[i]);
      g_test_add_data_func (path, hostile[i], test_hostile);
    }
  for (guint i = 0; i < G_N_ELEMENTS (layout_cases); i++)
    {
      g_autofree char *joined = g_strjoinv ("+", (char **) layout_cases[i].files);
      g_autofree char *path = g_strdup_printf ("/import-assistant/layout/%s", joined);
      g_test_add_data_func (path, &layout_cases[i], test_layout);
    }

  return g_test_run ();
}
