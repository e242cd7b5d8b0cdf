/* test-plan-view.c: the improvement plan view on the sample, driven as the keyboard does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "test-app-common.h"
#include "trellis-plan-links.h"
#include "trellis-plan-cell.h"
#include "trellis-chart-view.h"
#include "trellis-export.h"
#include "trellis-plan-view.h"
#include "trellis-projector.h"

typedef struct
{
  GtkWindow        *window;
  TrellisPlanView  *view;
  TrellisProject   *project;
  TrellisUndoStack *undo;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->project = test_load_sample ();
  fixture->undo = trellis_undo_stack_new ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1366, 720);
  fixture->view = TRELLIS_PLAN_VIEW (trellis_plan_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  trellis_plan_view_set_project (fixture->view, fixture->project, fixture->undo);
  g_object_ref (fixture->window);
  gtk_window_present (fixture->window);
  test_wait_for_paint (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->window);
  g_object_unref (fixture->undo);
  g_object_unref (fixture->project);
}

/* Lets the list lay out the rows a change asks for and the focus follow. */
static void
settle (Fixture *fixture)
{
  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  test_run_for (150);
}

static TrellisPlanCell *
focused_cell (Fixture *fixture)
{
  GtkWidget *focus = gtk_window_get_focus (fixture->window);
  GtkWidget *cell = focus != NULL ? gtk_widget_get_ancestor (focus, TRELLIS_TYPE_PLAN_CELL) : NULL;

  return cell != NULL ? TRELLIS_PLAN_CELL (cell) : NULL;
}

/* Types into the focused field as the keyboard would: at the cursor. */
static void
type_text (Fixture    *fixture,
           const char *text)
{
  TrellisPlanCell *cell = focused_cell (fixture);
  GtkWidget *editable;
  int position;

  g_assert_nonnull (cell);
  editable = trellis_plan_cell_get_editable (cell);
  position = gtk_editable_get_position (GTK_EDITABLE (editable));
  gtk_editable_insert_text (GTK_EDITABLE (editable), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (editable), position);
}

/* Focus follows a new or moved row once the list has laid it out: on a busy machine,
 * a while later. */
static void
assert_focus (Fixture       *fixture,
              TrellisAction *action,
              const char    *property)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  TrellisPlanCell *cell;

  while (((cell = focused_cell (fixture)) == NULL || trellis_plan_cell_get_action (cell) != action
          || g_strcmp0 (trellis_plan_cell_get_property_name (cell), property) != 0)
         && g_get_monotonic_time () < deadline)
    settle (fixture);

  g_assert_nonnull (cell);
  g_assert_true (trellis_plan_cell_get_action (cell) == action);
  g_assert_cmpstr (trellis_plan_cell_get_property_name (cell), ==, property);
}

static void
tab (Fixture *fixture)
{
  GtkWidget *focus = gtk_window_get_focus (fixture->window);

  g_assert_nonnull (focus);
  /* What Tab does: the next field in the row. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->view), GTK_DIR_TAB_FORWARD));
  settle (fixture);
}

/* The linked-statements popover of some row, when one is shown. */
static GtkWidget *
links_popover_shown (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget) &&
      gtk_widget_get_ancestor (widget, TRELLIS_TYPE_PLAN_LINKS) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = links_popover_shown (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_add_and_type (Fixture       *fixture,
                   gconstpointer  data)
{
  TrellisPlan *plan = trellis_project_get_plan (fixture->project);
  guint n = trellis_plan_get_n_actions (plan);
  TrellisPlanCell *area_cell;
  TrellisAction *action;

  g_assert_cmpuint (n, ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.add", NULL);
  settle (fixture);
  g_assert_cmpuint (trellis_plan_get_n_actions (plan), ==, n + 1);
  action = trellis_plan_get_action (plan, n);
  /* Agreed after the latest round. */
  g_assert_cmpstr (trellis_action_get_round_id (action), ==,
                   trellis_round_get_id (trellis_project_get_latest_round (fixture->project)));
  assert_focus (fixture, action, "area");

  type_text (fixture, "Joint ");
  type_text (fixture, "budgets");
  g_assert_cmpstr (trellis_action_get_area (action), ==, "Joint budgets");
  area_cell = focused_cell (fixture);
  g_assert_true (gtk_widget_get_visible (trellis_plan_cell_get_editable (area_cell)));
  /* Ctrl+L opens the row's linked statements; the button itself is out of the Tab chain,
   * so Tab goes from the area straight to the key action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.link-statements", NULL);
  settle (fixture);
  g_assert_true (links_popover_shown (GTK_WIDGET (fixture->view)));
  gtk_popover_popdown (GTK_POPOVER (links_popover_shown (GTK_WIDGET (fixture->view))));
  settle (fixture);
  gtk_widget_grab_focus (GTK_WIDGET (area_cell));
  settle (fixture);
  tab (fixture);
  assert_focus (fixture, action, "text");
  /* Left, long text reads wrapped in a label; the entry is back only while typing. */
  g_assert_false (gtk_widget_get_visible (trellis_plan_cell_get_editable (area_cell)));
  g_assert_true (gtk_widget_get_visible (trellis_plan_cell_get_editable (focused_cell (fixture))));
  type_text (fixture, "Map every partner’s prevention spending");
  tab (fixture);
  assert_focus (fixture, action, "responsible");
  type_text (fixture, "Łukasz Żyła");
  tab (fixture);
  assert_focus (fixture, action, "due");
  type_text (fixture, "next spring");
  g_assert_nonnull (trellis_plan_cell_get_error (focused_cell (fixture)));
  g_assert_cmpstr (trellis_action_get_due (action), ==, "next spring");
  gtk_editable_set_text (GTK_EDITABLE (trellis_plan_cell_get_editable (focused_cell (fixture))), "Q2 2027");
  g_assert_null (trellis_plan_cell_get_error (focused_cell (fixture)));

  /* Each field was one step of undo, the adding another. */
  trellis_undo_stack_seal (fixture->undo);
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  g_assert_null (trellis_action_get_due (action));
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  g_assert_null (trellis_action_get_responsible (action));
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  g_assert_null (trellis_action_get_area (action));
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  g_assert_cmpuint (trellis_plan_get_n_actions (plan), ==, n);
  g_assert_false (trellis_undo_stack_get_can_undo (fixture->undo));
  while (trellis_undo_stack_redo (fixture->undo))
    ;
  g_assert_cmpstr (trellis_action_get_responsible (action), ==, "Łukasz Żyła");
  settle (fixture);
}

static void
test_move_and_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  TrellisPlan *plan = trellis_project_get_plan (fixture->project);
  TrellisAction *second = trellis_plan_get_action (plan, 1);

  trellis_plan_view_focus_action (fixture->view, second, "text");
  settle (fixture);
  assert_focus (fixture, second, "text");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.move-up", NULL);
  settle (fixture);
  g_assert_true (trellis_plan_get_action (plan, 0) == second);
  assert_focus (fixture, second, "text");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.move-down", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.move-down", NULL);
  settle (fixture);
  g_assert_true (trellis_plan_get_action (plan, 2) == second);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.delete", NULL);
  settle (fixture);
  g_assert_cmpuint (trellis_plan_get_n_actions (plan), ==, 3);
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (fixture->undo), ==, "Delete Action");
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  g_assert_true (trellis_plan_get_action (plan, 2) == second);
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  g_assert_true (trellis_undo_stack_undo (fixture->undo));
  g_assert_true (trellis_plan_get_action (plan, 1) == second);
  settle (fixture);
}

static void
test_add_for_statement (Fixture       *fixture,
                        gconstpointer  data)
{
  TrellisPlan *plan = trellis_project_get_plan (fixture->project);
  TrellisStatement *statement = trellis_checklist_find_statement (trellis_project_get_checklist (fixture->project),
                                                                  "s35");
  TrellisAction *action = trellis_plan_view_add_for_statement (fixture->view, statement);
  const char *ids[] = { "s35", NULL };

  settle (fixture);
  g_assert_true (trellis_plan_get_action (plan, trellis_plan_get_n_actions (plan) - 1) == action);
  g_assert_cmpstr (trellis_action_get_area (action), ==, trellis_statement_get_text (statement));
  g_assert_cmpstrv (trellis_action_get_statement_ids (action), ids);
  assert_focus (fixture, action, "text");
  type_text (fixture, "Agree a shared statement of purpose");
  g_assert_cmpstr (trellis_action_get_text (action), ==, "Agree a shared statement of purpose");
  /* Undo takes back the typing, then the action whole. */
  trellis_undo_stack_undo (fixture->undo);
  trellis_undo_stack_undo (fixture->undo);
  g_assert_cmpuint (trellis_plan_get_n_actions (plan), ==, 4);
  settle (fixture);
}

static void
test_sort_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkColumnView *columns = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                                           TRELLIS_TYPE_PLAN_VIEW, "column_view"));
  GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (columns));
  GtkDropDown *sort = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                                    TRELLIS_TYPE_PLAN_VIEW, "sort_dropdown"));
  GtkEditable *who = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                                  TRELLIS_TYPE_PLAN_VIEW, "who_filter"));
  g_autoptr(TrellisAction) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  gtk_drop_down_set_selected (sort, TRELLIS_PLAN_SORT_STATUS);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpint (trellis_action_get_status (first), ==, TRELLIS_ACTION_AT_RISK);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.move-up", NULL)
                  && trellis_plan_get_action (trellis_project_get_plan (fixture->project), 0) != NULL
                  && FALSE);
  gtk_editable_set_text (who, "police");
  g_signal_emit_by_name (who, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_editable_set_text (who, "");
  g_signal_emit_by_name (who, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  gtk_drop_down_set_selected (sort, TRELLIS_PLAN_SORT_PLAN);
  settle (fixture);
}

/* Presses a key as the keyboard does, to the view's own key handler, which sees keys
 * before the field that has the focus. */
static void
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  if (!handled && keyval == GDK_KEY_Tab)
    gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
  else if (!handled)
    {
      GtkWidget *focus = gtk_window_get_focus (fixture->window);
      char text[8] = { 0 };
      int position = -1;

      g_assert_true (GTK_IS_EDITABLE (focus));
      g_unichar_to_utf8 (gdk_keyval_to_unicode (keyval), text);
      position = gtk_editable_get_position (GTK_EDITABLE (focus));
      gtk_editable_insert_text (GTK_EDITABLE (focus), text, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (focus), position);
    }
}

static void
press_text (Fixture    *fixture,
            const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    press_key (fixture, gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

/* Ctrl+Return, then at once (before the new row exists) some text, Tab, and more text:
 * each lands in the new action's fields in turn. */
static void
test_fast_tab (Fixture       *fixture,
               gconstpointer  data)
{
  TrellisPlan *plan = trellis_project_get_plan (fixture->project);
  guint n = trellis_plan_get_n_actions (plan);
  TrellisAction *action;
  g_autofree char *first_text = g_strdup (trellis_action_get_text (trellis_plan_get_action (plan, 0)));

  /* Focus is in another row's field, where a Tab would otherwise go on from. */
  trellis_plan_view_focus_action (fixture->view, trellis_plan_get_action (plan, 0), "text");
  assert_focus (fixture, trellis_plan_get_action (plan, 0), "text");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.add", NULL);
  press_text (fixture, "Ża");
  press_key (fixture, GDK_KEY_Tab, 0);
  press_text (fixture, "Go");
  action = trellis_plan_get_action (plan, 1);
  g_assert_cmpuint (trellis_plan_get_n_actions (plan), ==, n + 1);
  assert_focus (fixture, action, "text");
  g_assert_cmpstr (trellis_action_get_area (action), ==, "Ża");
  g_assert_cmpstr (trellis_action_get_text (action), ==, "Go");
  /* Typed once the row exists, keys go straight to the field. */
  press_text (fixture, "!");
  g_assert_cmpstr (trellis_action_get_text (action), ==, "Go!");
  /* The field that had the focus before got none of it. */
  g_assert_cmpstr (trellis_action_get_text (trellis_plan_get_action (plan, 0)), ==, first_text);
}

static void
test_projector (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *projector;
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.projector", NULL);
  projector = test_wait_for_toplevel (GTK_TYPE_WINDOW, fixture->window);
  g_assert_nonnull (projector);
  g_object_ref (projector);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (projector), "plan-projector"));
  test_wait_for_paint (GTK_WIDGET (projector));
  g_assert_true (TRELLIS_IS_PROJECTOR (projector));
  view = trellis_projector_get_plan_view (TRELLIS_PROJECTOR (projector));
  g_assert_true (TRELLIS_IS_PLAN_VIEW (view));
  g_assert_true (trellis_plan_view_get_projector (TRELLIS_PLAN_VIEW (view)));
  /* The plan, then each section's chart: Ctrl+Page Down pages on, and round again. */
  g_assert_cmpuint (trellis_projector_get_n_pages (TRELLIS_PROJECTOR (projector)), >, 2);
  gtk_widget_activate_action (GTK_WIDGET (projector), "projector.next", NULL);
  g_assert_cmpuint (trellis_projector_get_page (TRELLIS_PROJECTOR (projector)), ==, 1);
  test_wait_for_paint (GTK_WIDGET (projector));
  g_assert_false (gtk_widget_get_mapped (view));
  g_assert_true (gtk_widget_get_mapped (trellis_projector_get_chart_view (TRELLIS_PROJECTOR (projector))));
  g_assert_nonnull (trellis_chart_view_get_chart (TRELLIS_CHART_VIEW (trellis_projector_get_chart_view (TRELLIS_PROJECTOR (projector)))));
  gtk_widget_activate_action (GTK_WIDGET (projector), "projector.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (projector), "projector.previous", NULL);
  g_assert_cmpuint (trellis_projector_get_page (TRELLIS_PROJECTOR (projector)), ==,
                    trellis_projector_get_n_pages (TRELLIS_PROJECTOR (projector)) - 1);
  /* A chart's statement added to the plan there: back to the plan, one action more. */
  gtk_widget_activate_action (trellis_projector_get_chart_view (TRELLIS_PROJECTOR (projector)),
                              "win.add-to-plan", "s", "s20");
  g_assert_cmpuint (trellis_projector_get_page (TRELLIS_PROJECTOR (projector)), ==, 0);
  g_assert_cmpuint (trellis_plan_get_n_actions (trellis_project_get_plan (fixture->project)), ==, 5);
  gtk_widget_activate_action (view, "plan.undo", NULL);
  g_assert_cmpuint (trellis_plan_get_n_actions (trellis_project_get_plan (fixture->project)), ==, 4);
  test_wait_for_paint (GTK_WIDGET (projector));
  g_assert_true (gtk_widget_get_mapped (view));
  /* Still editable: an action added there is in the one plan. Two in a row, typing in
   * each: the second's field keeps the cursor while the first's row is made again. */
  for (guint i = 0; i < 2; i++)
    {
      TrellisAction *added;
      GtkWidget *focus, *cell;

      gtk_widget_activate_action (view, "plan.add", NULL);
      g_assert_cmpuint (trellis_plan_get_n_actions (trellis_project_get_plan (fixture->project)), ==, 5 + i);
      added = trellis_plan_get_action (trellis_project_get_plan (fixture->project), 4 + i);
      test_run_for (300);
      test_wait_for_paint (GTK_WIDGET (projector));
      focus = gtk_root_get_focus (GTK_ROOT (projector));
      cell = focus != NULL ? gtk_widget_get_ancestor (focus, TRELLIS_TYPE_PLAN_CELL) : NULL;
      g_assert_nonnull (cell);
      g_assert_true (trellis_plan_cell_get_action (TRELLIS_PLAN_CELL (cell)) == added);
      g_assert_cmpstr (trellis_plan_cell_get_property_name (TRELLIS_PLAN_CELL (cell)), ==, "area");
      gtk_editable_set_text (GTK_EDITABLE (focus), i == 0 ? "First" : "Second");
      g_assert_cmpstr (trellis_action_get_area (added), ==, i == 0 ? "First" : "Second");
    }
  gtk_widget_activate_action (view, "plan.undo", NULL);
  gtk_widget_activate_action (view, "plan.undo", NULL);
  gtk_widget_activate_action (view, "plan.undo", NULL);
  gtk_widget_activate_action (view, "plan.undo", NULL);
  g_assert_cmpuint (trellis_plan_get_n_actions (trellis_project_get_plan (fixture->project)), ==, 4);
  gtk_widget_activate_action (view, "plan.leave-projector", NULL);
  test_drain_main_context ();
  g_assert_finalize_object (projector);
}

static void
plan_exported (GFile        *written,
               GPtrArray    *left_out,
               const GError *error,
               gpointer      user_data)
{
}

/* The app menu's exports of the plan write what trellis-cli does, named after the project. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-plan-export-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  TrellisReportOptions options;

  trellis_report_options_init (&options);
  for (TrellisExportPlanFormat format = TRELLIS_EXPORT_PLAN_CSV; format <= TRELLIS_EXPORT_PLAN_PDF; format++)
    {
      g_autoptr(GtkFileChooserNative) chooser =
        trellis_export_plan_chooser_new (fixture->window, fixture->project, &options, folder, "northshire-csp", format,
                                         plan_exported, NULL);
      g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_str_has_prefix (name, "northshire-csp-plan."));
      /* What the chooser's Export button writes. */
      g_assert_true (trellis_export_plan_to (fixture->project, &options, file, format, left_out, &error));
      g_assert_no_error (error);
      /* Every action of the sample has a date a calendar can hold. */
      g_assert_cmpuint (left_out->len, ==, 0);
      g_assert_true (g_file_query_exists (file, NULL));
      g_file_delete (file, NULL, NULL);
    }
  g_rmdir (dir);
}

/* A round imported while the plan is shown relists the round menus; the actions keep
 * the round they were agreed after, and nothing is recorded as an edit. */
static void
test_new_round (Fixture       *fixture,
                gconstpointer  data)
{
  TrellisPlan *plan = trellis_project_get_plan (fixture->project);
  g_autoptr(TrellisRound) round = trellis_round_new ("r3");

  trellis_round_set_label (round, "Autumn 2027");
  trellis_project_append_round (fixture->project, round);
  settle (fixture);
  for (guint i = 0; i < trellis_plan_get_n_actions (plan); i++)
    g_assert_cmpstr (trellis_action_get_round_id (trellis_plan_get_action (plan, i)), ==, "r1");
  g_assert_false (trellis_undo_stack_get_can_undo (fixture->undo));
  trellis_project_remove_round (fixture->project, round);
  settle (fixture);
  for (guint i = 0; i < trellis_plan_get_n_actions (plan); i++)
    g_assert_cmpstr (trellis_action_get_round_id (trellis_plan_get_action (plan, i)), ==, "r1");
  g_assert_false (trellis_undo_stack_get_can_undo (fixture->undo));
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  gtk_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_test_add ("/plan-view/add-and-type", Fixture, NULL, fixture_set_up, test_add_and_type, fixture_tear_down);
  g_test_add ("/plan-view/move-and-delete", Fixture, NULL, fixture_set_up, test_move_and_delete, fixture_tear_down);
  g_test_add ("/plan-view/add-for-statement", Fixture, NULL, fixture_set_up, test_add_for_statement,
              fixture_tear_down);
  g_test_add ("/plan-view/sort-filter", Fixture, NULL, fixture_set_up, test_sort_filter, fixture_tear_down);
  g_test_add ("/plan-view/new-round", Fixture, NULL, fixture_set_up, test_new_round, fixture_tear_down);
  g_test_add ("/plan-view/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/plan-view/fast-tab", Fixture, NULL, fixture_set_up, test_fast_tab, fixture_tear_down);
  g_test_add ("/plan-view/projector", Fixture, NULL, fixture_set_up, test_projector, fixture_tear_down);
  return g_test_run ();
}
