/* trellis-undo-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-undo-stack"

#include "config.h"

#include "trellis-undo-stack.h"

/* An edit is pushed after it has been applied; undo reverts it and moves it to the redo
 * list, redo applies it again. A new edit empties the redo list, as users expect.
 *
 * The clean point is where the edits stood when the document was last loaded or saved:
 * counted in edits done, or unreachable once the edits that led back to it are gone. */
typedef struct
{
  char            *label;
  TrellisUndoFunc  undo;
  TrellisUndoFunc  redo;
  gpointer         data;
  GDestroyNotify   destroy;
  gboolean         open;     /* a property edit that later changes of the same property join */
} Edit;

/* A change of one property of one object: see trellis_undo_stack_push_property(). */
typedef struct
{
  GObject    *object;
  const char *property;      /* interned */
  GValue      old_value;
  GValue      new_value;
} PropertyEdit;

struct _TrellisUndoStack
{
  GObject  parent_instance;

  GQueue   done;         /* Edit*, most recent at the head */
  GQueue   undone;       /* Edit*, most recently undone at the head */
  int      clean_depth;  /* how many edits were done at the clean point; -1: unreachable */
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (TrellisUndoStack, trellis_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_IS_CLEAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
edit_free (Edit *edit)
{
  if (edit->destroy != NULL)
    edit->destroy (edit->data);
  g_free (edit->label);
  g_free (edit);
}

static void
notify_state (TrellisUndoStack *self)
{
  for (guint i = PROP_CAN_UNDO; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
trellis_undo_stack_finalize (GObject *object)
{
  TrellisUndoStack *self = (TrellisUndoStack *) object;

  g_queue_clear_full (&self->done, (GDestroyNotify) edit_free);
  g_queue_clear_full (&self->undone, (GDestroyNotify) edit_free);

  G_OBJECT_CLASS (trellis_undo_stack_parent_class)->finalize (object);
}

static void
trellis_undo_stack_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrellisUndoStack *self = TRELLIS_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, trellis_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, trellis_undo_stack_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, trellis_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, trellis_undo_stack_get_redo_label (self));
      break;
    case PROP_IS_CLEAN:
      g_value_set_boolean (value, trellis_undo_stack_get_is_clean (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_undo_stack_class_init (TrellisUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_undo_stack_finalize;
  object_class->get_property = trellis_undo_stack_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  /**
   * TrellisUndoStack:is-clean:
   *
   * Whether undo and redo have brought the edits back to the clean point (see
   * trellis_undo_stack_set_clean()).
   */
  properties[PROP_IS_CLEAN] = g_param_spec_boolean ("is-clean", NULL, NULL, TRUE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_undo_stack_init (TrellisUndoStack *self)
{
  g_queue_init (&self->done);
  g_queue_init (&self->undone);
}

static int
get_depth (TrellisUndoStack *self)
{
  return (int) g_queue_get_length (&self->done);
}

TrellisUndoStack *
trellis_undo_stack_new (void)
{
  return g_object_new (TRELLIS_TYPE_UNDO_STACK, NULL);
}

/**
 * trellis_undo_stack_push:
 * @label: what the edit did, for the menu ("Import “Autumn 2026”")
 * @undo: reverts the edit
 * @redo: applies it again
 * @data: (nullable): passed to @undo and @redo
 * @destroy: (nullable): frees @data when the edit is forgotten
 *
 * Records an edit that has just been made.
 */
void
trellis_undo_stack_push (TrellisUndoStack *self,
                         const char       *label,
                         TrellisUndoFunc   undo,
                         TrellisUndoFunc   redo,
                         gpointer          data,
                         GDestroyNotify    destroy)
{
  Edit *edit;

  g_return_if_fail (TRELLIS_IS_UNDO_STACK (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (undo != NULL && redo != NULL);

  /* The clean point was among the edits undone, which this one replaces. */
  if (self->clean_depth > get_depth (self))
    self->clean_depth = -1;
  g_queue_clear_full (&self->undone, (GDestroyNotify) edit_free);
  edit = g_new0 (Edit, 1);
  edit->label = g_strdup (label);
  edit->undo = undo;
  edit->redo = redo;
  edit->data = data;
  edit->destroy = destroy;
  g_queue_push_head (&self->done, edit);
  notify_state (self);
}

/* Undo and redo alike: take the latest edit of @from, apply it one way or the other and
 * make it the latest of @to. */
static gboolean
move_edit (TrellisUndoStack *self,
           GQueue           *from,
           GQueue           *to,
           gboolean          undo)
{
  Edit *edit = g_queue_pop_head (from);

  if (edit == NULL)
    return FALSE;
  edit->open = FALSE;
  self->applying = TRUE;
  (undo ? edit->undo : edit->redo) (edit->data);
  self->applying = FALSE;
  g_queue_push_head (to, edit);
  notify_state (self);
  return TRUE;
}

/**
 * trellis_undo_stack_undo:
 *
 * Returns: %FALSE when there was nothing to undo
 */
gboolean
trellis_undo_stack_undo (TrellisUndoStack *self)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (self), FALSE);
  return move_edit (self, &self->done, &self->undone, TRUE);
}

/**
 * trellis_undo_stack_redo:
 *
 * Returns: %FALSE when there was nothing to redo
 */
gboolean
trellis_undo_stack_redo (TrellisUndoStack *self)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (self), FALSE);
  return move_edit (self, &self->undone, &self->done, FALSE);
}

gboolean
trellis_undo_stack_get_can_undo (TrellisUndoStack *self)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (self), FALSE);
  return !g_queue_is_empty (&self->done);
}

gboolean
trellis_undo_stack_get_can_redo (TrellisUndoStack *self)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (self), FALSE);
  return !g_queue_is_empty (&self->undone);
}

/**
 * trellis_undo_stack_get_undo_label:
 *
 * Returns: (nullable): what undo would take back
 */
const char *
trellis_undo_stack_get_undo_label (TrellisUndoStack *self)
{
  Edit *edit;

  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (self), NULL);

  edit = g_queue_peek_head (&self->done);
  return edit != NULL ? edit->label : NULL;
}

/**
 * trellis_undo_stack_get_redo_label:
 *
 * Returns: (nullable): what redo would apply again
 */
const char *
trellis_undo_stack_get_redo_label (TrellisUndoStack *self)
{
  Edit *edit;

  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (self), NULL);

  edit = g_queue_peek_head (&self->undone);
  return edit != NULL ? edit->label : NULL;
}

/**
 * trellis_undo_stack_clear:
 *
 * Forgets every edit, as when another project is opened. The clean point stays only if
 * it is where the edits stand.
 */
void
trellis_undo_stack_clear (TrellisUndoStack *self)
{
  g_return_if_fail (TRELLIS_IS_UNDO_STACK (self));

  self->clean_depth = trellis_undo_stack_get_is_clean (self) ? 0 : -1;
  g_queue_clear_full (&self->done, (GDestroyNotify) edit_free);
  g_queue_clear_full (&self->undone, (GDestroyNotify) edit_free);
  notify_state (self);
}

/**
 * trellis_undo_stack_set_clean:
 *
 * Marks where the edits stand as the clean point: the document was loaded or saved as
 * they are now. Undoing or redoing back to it makes the stack clean again.
 */
void
trellis_undo_stack_set_clean (TrellisUndoStack *self)
{
  gboolean was_clean;

  g_return_if_fail (TRELLIS_IS_UNDO_STACK (self));

  trellis_undo_stack_seal (self);
  was_clean = trellis_undo_stack_get_is_clean (self);
  self->clean_depth = get_depth (self);
  if (!was_clean)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CLEAN]);
}

/**
 * trellis_undo_stack_get_is_clean:
 *
 * Returns: whether the edits stand where they did at the clean point
 */
gboolean
trellis_undo_stack_get_is_clean (TrellisUndoStack *self)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (self), FALSE);
  return self->clean_depth == get_depth (self);
}

/**
 * trellis_undo_stack_get_applying:
 *
 * Returns: whether an edit is being undone or redone now: a change made meanwhile is
 *   that edit's, not a new one
 */
gboolean
trellis_undo_stack_get_applying (TrellisUndoStack *self)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (self), FALSE);
  return self->applying;
}

static void
property_edit_free (PropertyEdit *edit)
{
  g_clear_object (&edit->object);
  g_value_unset (&edit->old_value);
  g_value_unset (&edit->new_value);
  g_free (edit);
}

static void
property_edit_undo (gpointer data)
{
  PropertyEdit *edit = data;

  g_object_set_property (edit->object, edit->property, &edit->old_value);
}

static void
property_edit_redo (gpointer data)
{
  PropertyEdit *edit = data;

  g_object_set_property (edit->object, edit->property, &edit->new_value);
}

/* The open property edit at the top that a change of @property of @object joins, if any.
 * An edit at the clean point stays closed: joining it would make a saved state unreachable. */
static PropertyEdit *
find_open_property_edit (TrellisUndoStack *self,
                         GObject          *object,
                         const char       *property)
{
  Edit *top = g_queue_peek_head (&self->done);
  PropertyEdit *edit;

  if (top == NULL || !top->open || top->undo != property_edit_undo)
    return NULL;
  if (self->clean_depth == get_depth (self))
    return NULL;
  edit = top->data;
  return edit->object == object && edit->property == property ? edit : NULL;
}

/**
 * trellis_undo_stack_push_property:
 * @label: what the edit did, for the menu ("Edit Statement Text")
 * @object: the object whose property was just changed
 * @property: the property's name
 * @old_value: its value before the change
 *
 * Records that @property of @object has just been changed from @old_value to the value
 * it holds now. Further changes of the same property of the same object join this one
 * edit until trellis_undo_stack_seal() (called when a field loses focus, say), so that
 * typing in one field is one step of undo. Nothing is recorded when the value did not
 * really change.
 */
void
trellis_undo_stack_push_property (TrellisUndoStack *self,
                                  const char       *label,
                                  GObject          *object,
                                  const char       *property,
                                  const GValue     *old_value)
{
  GParamSpec *pspec;
  PropertyEdit *edit;

  g_return_if_fail (TRELLIS_IS_UNDO_STACK (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (G_IS_VALUE (old_value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  edit = find_open_property_edit (self, object, g_intern_string (property));
  if (edit != NULL)
    {
      g_value_reset (&edit->new_value);
      g_object_get_property (object, property, &edit->new_value);
      return;
    }

  edit = g_new0 (PropertyEdit, 1);
  g_value_init (&edit->old_value, pspec->value_type);
  g_value_copy (old_value, &edit->old_value);
  g_value_init (&edit->new_value, pspec->value_type);
  g_object_get_property (object, property, &edit->new_value);
  if (g_param_values_cmp (pspec, &edit->old_value, &edit->new_value) == 0)
    {
      property_edit_free (edit);
      return;
    }
  edit->object = g_object_ref (object);
  edit->property = g_intern_string (property);
  trellis_undo_stack_push (self, label, property_edit_undo, property_edit_redo,
                           edit, (GDestroyNotify) property_edit_free);
  ((Edit *) g_queue_peek_head (&self->done))->open = TRUE;
}

/**
 * trellis_undo_stack_seal:
 *
 * Ends the open property edit, if any: the next change of the same property is an edit
 * of its own. Call it when the user leaves a field.
 */
void
trellis_undo_stack_seal (TrellisUndoStack *self)
{
  Edit *top;

  g_return_if_fail (TRELLIS_IS_UNDO_STACK (self));

  top = g_queue_peek_head (&self->done);
  if (top != NULL)
    top->open = FALSE;
}

/**
 * trellis_undo_stack_apply:
 * @label: what the edit does, for the menu ("Move Statement")
 * @undo: reverts the edit
 * @redo: makes the edit, now and on redo
 * @data: (nullable): passed to @undo and @redo
 * @destroy: (nullable): frees @data when the edit is forgotten
 *
 * Makes an edit by calling @redo and records it. Unlike a change made first and pushed
 * after, the change is made while the stack is applying (see
 * trellis_undo_stack_get_applying()), so a document watching for changes made outside
 * the undo stack knows that undo can bring this one back.
 */
void
trellis_undo_stack_apply (TrellisUndoStack *self,
                          const char       *label,
                          TrellisUndoFunc   undo,
                          TrellisUndoFunc   redo,
                          gpointer          data,
                          GDestroyNotify    destroy)
{
  g_return_if_fail (TRELLIS_IS_UNDO_STACK (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (undo != NULL && redo != NULL);

  self->applying = TRUE;
  redo (data);
  self->applying = FALSE;
  trellis_undo_stack_push (self, label, undo, redo, data, destroy);
}

/**
 * trellis_undo_stack_set_property:
 * @label: what the edit does, for the menu ("Edit Statement Text")
 * @object: the object to change
 * @property: the property's name
 * @value: its new value
 *
 * Sets @property of @object to @value and records the change as
 * trellis_undo_stack_push_property() does (typing in one field joins one edit), with
 * the change made while the stack is applying, as trellis_undo_stack_apply() does.
 */
void
trellis_undo_stack_set_property (TrellisUndoStack *self,
                                 const char       *label,
                                 GObject          *object,
                                 const char       *property,
                                 const GValue     *value)
{
  g_auto(GValue) old_value = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_if_fail (TRELLIS_IS_UNDO_STACK (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (object, property, &old_value);
  self->applying = TRUE;
  g_object_set_property (object, property, value);
  self->applying = FALSE;
  trellis_undo_stack_push_property (self, label, object, property, &old_value);
}
