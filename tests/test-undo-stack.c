/* test-undo-stack.c: edits taken back and done again, and the point where the file is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trellis-action.h"
#include "trellis-undo-stack.h"

/* An edit of a counter: the state the stack's edits change. */
typedef struct
{
  TrellisUndoStack *stack;
  int               value;
  gboolean          applying_seen;
} Counter;

static void
decrement (gpointer data)
{
  Counter *counter = data;

  counter->applying_seen = trellis_undo_stack_get_applying (counter->stack);
  counter->value--;
}

static void
increment (gpointer data)
{
  Counter *counter = data;

  counter->applying_seen = trellis_undo_stack_get_applying (counter->stack);
  counter->value++;
}

/* Done here, then recorded, as the document does with an import. */
static void
add_one (Counter *counter)
{
  counter->value++;
  trellis_undo_stack_push (counter->stack, "Add one", decrement, increment, counter, NULL);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Undo and redo know when they are back where the file is. */
static void
test_clean_point (void)
{
  g_autoptr(TrellisUndoStack) stack = trellis_undo_stack_new ();
  Counter counter = { stack, 0, FALSE };
  guint n_notified = 0;

  g_signal_connect_swapped (stack, "notify::is-clean", G_CALLBACK (count_cb), &n_notified);

  /* As loaded. */
  g_assert_true (trellis_undo_stack_get_is_clean (stack));
  add_one (&counter);
  g_assert_false (trellis_undo_stack_get_is_clean (stack));
  g_assert_cmpuint (n_notified, >, 0);
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_cmpint (counter.value, ==, 0);
  g_assert_true (trellis_undo_stack_get_is_clean (stack));
  g_assert_true (trellis_undo_stack_redo (stack));
  g_assert_false (trellis_undo_stack_get_is_clean (stack));

  /* Saved with one edit done: undoing it leaves the file's state, redoing returns to it. */
  n_notified = 0;
  trellis_undo_stack_set_clean (stack);
  g_assert_true (trellis_undo_stack_get_is_clean (stack));
  g_assert_cmpuint (n_notified, ==, 1);
  trellis_undo_stack_set_clean (stack);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_false (trellis_undo_stack_get_is_clean (stack));
  g_assert_true (trellis_undo_stack_redo (stack));
  g_assert_true (trellis_undo_stack_get_is_clean (stack));

  /* Two more, then back two. */
  add_one (&counter);
  add_one (&counter);
  g_assert_false (trellis_undo_stack_get_is_clean (stack));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_false (trellis_undo_stack_get_is_clean (stack));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_true (trellis_undo_stack_get_is_clean (stack));
  g_assert_cmpint (counter.value, ==, 1);
}

/* A new edit after undoing past the saved state replaces the edits that led back to it:
 * no number of undos or redos reaches the file's state again. */
static void
test_clean_point_unreachable (void)
{
  g_autoptr(TrellisUndoStack) stack = trellis_undo_stack_new ();
  Counter counter = { stack, 0, FALSE };

  add_one (&counter);
  trellis_undo_stack_set_clean (stack);
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_false (trellis_undo_stack_get_is_clean (stack));

  /* Same depth as the save, another state. */
  add_one (&counter);
  g_assert_false (trellis_undo_stack_get_is_clean (stack));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_false (trellis_undo_stack_get_is_clean (stack));
  g_assert_true (trellis_undo_stack_redo (stack));
  g_assert_false (trellis_undo_stack_get_is_clean (stack));

  /* Forgetting the edits keeps a clean state clean, and an unclean one unclean. */
  trellis_undo_stack_clear (stack);
  g_assert_false (trellis_undo_stack_get_is_clean (stack));
  trellis_undo_stack_set_clean (stack);
  add_one (&counter);
  g_assert_true (trellis_undo_stack_undo (stack));
  trellis_undo_stack_clear (stack);
  g_assert_true (trellis_undo_stack_get_is_clean (stack));
}

/* A change made while an edit is undone or redone is that edit's. */
static void
test_applying (void)
{
  g_autoptr(TrellisUndoStack) stack = trellis_undo_stack_new ();
  Counter counter = { stack, 0, FALSE };

  add_one (&counter);
  g_assert_false (trellis_undo_stack_get_applying (stack));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_true (counter.applying_seen);
  counter.applying_seen = FALSE;
  g_assert_true (trellis_undo_stack_redo (stack));
  g_assert_true (counter.applying_seen);
  g_assert_false (trellis_undo_stack_get_applying (stack));
}

/* Typing: each keystroke sets the text; the stack records the change it made. */
static void
type_text (TrellisUndoStack *stack,
           TrellisAction    *action,
           const char       *text)
{
  g_auto(GValue) old_value = G_VALUE_INIT;

  g_value_init (&old_value, G_TYPE_STRING);
  g_object_get_property (G_OBJECT (action), "text", &old_value);
  trellis_action_set_text (action, text);
  trellis_undo_stack_push_property (stack, "Edit Action", G_OBJECT (action), "text", &old_value);
}

static void
test_property_typing_is_one_step (void)
{
  g_autoptr(TrellisUndoStack) stack = trellis_undo_stack_new ();
  g_autoptr(TrellisAction) action = trellis_action_new ("a1");
  g_autoptr(TrellisAction) other = trellis_action_new ("a2");

  trellis_action_set_text (action, "Old");
  type_text (stack, action, "N");
  type_text (stack, action, "Ne");
  type_text (stack, action, "New");
  /* The same value again records nothing. */
  type_text (stack, action, "New");
  g_assert_cmpstr (trellis_undo_stack_get_undo_label (stack), ==, "Edit Action");

  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_cmpstr (trellis_action_get_text (action), ==, "Old");
  g_assert_false (trellis_undo_stack_get_can_undo (stack));
  g_assert_true (trellis_undo_stack_redo (stack));
  g_assert_cmpstr (trellis_action_get_text (action), ==, "New");

  /* After a redo, or leaving the field, typing again is a new step; so is another object. */
  type_text (stack, action, "Newer");
  type_text (stack, other, "Other");
  trellis_undo_stack_seal (stack);
  type_text (stack, other, "Other text");
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_cmpstr (trellis_action_get_text (other), ==, "Other");
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_null (trellis_action_get_text (other));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_cmpstr (trellis_action_get_text (action), ==, "New");
}

static void
test_property_clean_point_closes (void)
{
  g_autoptr(TrellisUndoStack) stack = trellis_undo_stack_new ();
  g_autoptr(TrellisAction) action = trellis_action_new ("a1");

  type_text (stack, action, "Saved");
  trellis_undo_stack_set_clean (stack);
  type_text (stack, action, "Saved, then changed");
  g_assert_false (trellis_undo_stack_get_is_clean (stack));
  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_true (trellis_undo_stack_get_is_clean (stack));
  g_assert_cmpstr (trellis_action_get_text (action), ==, "Saved");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/clean-point", test_clean_point);
  g_test_add_func ("/undo-stack/clean-point-unreachable", test_clean_point_unreachable);
  g_test_add_func ("/undo-stack/applying", test_applying);
  g_test_add_func ("/undo-stack/property-typing-is-one-step", test_property_typing_is_one_step);
  g_test_add_func ("/undo-stack/property-clean-point-closes", test_property_clean_point_closes);

  return g_test_run ();
}
