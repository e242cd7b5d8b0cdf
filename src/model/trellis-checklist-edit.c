/* trellis-checklist-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-checklist-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-checklist-edit.h"
#include "trellis-checklist.h"
#include "trellis-enums.h"
#include "trellis-project.h"
#include "trellis-round.h"
#include "trellis-scale.h"
#include "trellis-section.h"
#include "trellis-statement.h"

/* Every edit here is made through trellis_undo_stack_apply() or
 * trellis_undo_stack_set_property(), so that it is made and recorded in one go and the
 * document knows undo can take it back. The edits hold references to the objects they
 * move, so a statement taken out of the checklist lives on in its edit until the edit is
 * forgotten. */

G_DEFINE_QUARK (trellis-edit-error-quark, trellis_edit_error)

/* Containers of statements: a section, or a multi-part statement holding its parts. */

static guint
container_get_n (TrellisNode *container)
{
  if (TRELLIS_IS_SECTION (container))
    return trellis_section_get_n_statements (TRELLIS_SECTION (container));
  if (TRELLIS_IS_STATEMENT (container))
    return trellis_statement_get_n_children (TRELLIS_STATEMENT (container));
  return trellis_checklist_get_n_sections (TRELLIS_CHECKLIST (container));
}

static GListModel *
container_get_model (TrellisNode *container)
{
  if (TRELLIS_IS_SECTION (container))
    return trellis_section_get_statements (TRELLIS_SECTION (container));
  if (TRELLIS_IS_STATEMENT (container))
    return trellis_statement_get_children (TRELLIS_STATEMENT (container));
  return trellis_checklist_get_sections (TRELLIS_CHECKLIST (container));
}

static guint
container_find (TrellisNode *container,
                TrellisNode *child)
{
  GListModel *model = container_get_model (container);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      if (item == (GObject *) child)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

static void
container_insert (TrellisNode *container,
                  guint        position,
                  TrellisNode *child)
{
  if (TRELLIS_IS_SECTION (container))
    trellis_section_insert_statement (TRELLIS_SECTION (container), position, TRELLIS_STATEMENT (child));
  else if (TRELLIS_IS_STATEMENT (container))
    trellis_statement_insert_child (TRELLIS_STATEMENT (container), position, TRELLIS_STATEMENT (child));
  else
    trellis_checklist_insert_section (TRELLIS_CHECKLIST (container), position, TRELLIS_SECTION (child));
}

static void
container_remove (TrellisNode *container,
                  TrellisNode *child)
{
  if (TRELLIS_IS_SECTION (container))
    trellis_section_remove_statement (TRELLIS_SECTION (container), TRELLIS_STATEMENT (child));
  else if (TRELLIS_IS_STATEMENT (container))
    trellis_statement_remove_child (TRELLIS_STATEMENT (container), TRELLIS_STATEMENT (child));
  else
    trellis_checklist_remove_section (TRELLIS_CHECKLIST (container), TRELLIS_SECTION (child));
}

static void
container_move (TrellisNode *container,
                guint        from,
                guint        to)
{
  if (TRELLIS_IS_SECTION (container))
    trellis_section_move_statement (TRELLIS_SECTION (container), from, to);
  else if (TRELLIS_IS_STATEMENT (container))
    trellis_statement_move_child (TRELLIS_STATEMENT (container), from, to);
  else
    trellis_checklist_move_section (TRELLIS_CHECKLIST (container), from, to);
}

/* Puts @child, now in @from, at @position of @to. */
static void
place_child (TrellisNode *from,
             TrellisNode *to,
             guint        position,
             TrellisNode *child)
{
  g_autoptr(TrellisNode) keep = g_object_ref (child);

  if (from == to)
    {
      container_move (from, container_find (from, child), position);
      return;
    }
  container_remove (from, child);
  container_insert (to, position, child);
}

static char *
dup_display_name (TrellisNode *node)
{
  if (TRELLIS_IS_SECTION (node))
    return trellis_section_dup_label (TRELLIS_SECTION (node));
  return trellis_statement_dup_label (TRELLIS_STATEMENT (node));
}

/* ---- Which round answered what ---- */

static gboolean
round_answered_statement (TrellisChecklist *checklist,
                          TrellisRound     *round,
                          TrellisStatement *statement)
{
  TrellisStatementKind kind = trellis_statement_get_kind (statement);
  guint n;

  if (kind == TRELLIS_STATEMENT_COMMENT)
    {
      TrellisSection *section = trellis_statement_get_section (statement);
      GPtrArray *comments = section != NULL
        ? trellis_round_get_comments (round, trellis_section_get_id (section)) : NULL;
      return comments != NULL && comments->len > 0;
    }

  n = trellis_statement_get_n_children (statement);
  for (guint i = 0; i < n; i++)
    if (round_answered_statement (checklist, round, trellis_statement_get_child (statement, i)))
      return TRUE;
  if (kind != TRELLIS_STATEMENT_RATING)
    return FALSE;

  /* A round that carries the item refers to the statement by id, answered or blank. */
  for (guint s = 0; s < trellis_checklist_get_n_scales (checklist); s++)
    {
      g_autofree char *key =
        trellis_checklist_dup_item_key (checklist, statement, trellis_checklist_get_scale (checklist, s));
      if (trellis_round_find_item (round, key) >= 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
round_answered_node (TrellisChecklist *checklist,
                     TrellisRound     *round,
                     TrellisNode      *node)
{
  TrellisSection *section;
  GPtrArray *comments;
  guint n;

  if (TRELLIS_IS_STATEMENT (node))
    return round_answered_statement (checklist, round, TRELLIS_STATEMENT (node));

  section = TRELLIS_SECTION (node);
  comments = trellis_round_get_comments (round, trellis_section_get_id (section));
  if (comments != NULL && comments->len > 0)
    return TRUE;
  n = trellis_section_get_n_statements (section);
  for (guint i = 0; i < n; i++)
    if (round_answered_statement (checklist, round, trellis_section_get_statement (section, i)))
      return TRUE;
  return FALSE;
}

/**
 * trellis_checklist_edit_find_answering_round:
 * @node: a section or statement of @project's checklist
 *
 * Returns: (transfer none) (nullable): the latest round that holds answers to @node (to
 *   any of its statements or parts, or comments for its section), or %NULL when no round
 *   has: only then may it be deleted rather than cut
 */
TrellisRound *
trellis_checklist_edit_find_answering_round (TrellisProject *project,
                                             TrellisNode    *node)
{
  TrellisChecklist *checklist;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (TRELLIS_IS_SECTION (node) || TRELLIS_IS_STATEMENT (node), NULL);

  checklist = trellis_project_get_checklist (project);
  for (guint i = trellis_project_get_n_rounds (project); i > 0; i--)
    {
      TrellisRound *round = trellis_project_get_round (project, i - 1);
      if (round_answered_node (checklist, round, node))
        return round;
    }
  return NULL;
}

/* ---- Moving ---- */

typedef struct
{
  TrellisNode *child;
  TrellisNode *from;
  guint        from_position;
  TrellisNode *to;
  guint        to_position;
} MoveEdit;

static void
move_edit_free (MoveEdit *edit)
{
  g_clear_object (&edit->child);
  g_clear_object (&edit->from);
  g_clear_object (&edit->to);
  g_free (edit);
}

static void
move_edit_redo (gpointer data)
{
  MoveEdit *edit = data;

  place_child (edit->from, edit->to, edit->to_position, edit->child);
}

static void
move_edit_undo (gpointer data)
{
  MoveEdit *edit = data;

  place_child (edit->to, edit->from, edit->from_position, edit->child);
}

static gboolean
apply_move (TrellisUndoStack *stack,
            const char       *label,
            TrellisNode      *child,
            TrellisNode      *to,
            guint             position)
{
  TrellisNode *from = trellis_node_get_parent (child);
  guint from_position = container_find (from, child);
  guint n = container_get_n (to);
  MoveEdit *edit;

  /* In its own container the last place is n - 1; elsewhere n, after the last. */
  position = MIN (position, from == to ? n - 1 : n);
  if (from == to && position == from_position)
    return FALSE;

  edit = g_new0 (MoveEdit, 1);
  edit->child = g_object_ref (child);
  edit->from = g_object_ref (from);
  edit->from_position = from_position;
  edit->to = g_object_ref (to);
  edit->to_position = position;
  trellis_undo_stack_seal (stack);
  trellis_undo_stack_apply (stack, label, move_edit_undo, move_edit_redo,
                            edit, (GDestroyNotify) move_edit_free);
  return TRUE;
}

static gboolean
check_kind_in_container (TrellisStatementKind   kind,
                         TrellisNode           *container,
                         TrellisStatement      *statement,
                         GError               **error)
{
  if (TRELLIS_IS_STATEMENT (container))
    {
      if (trellis_statement_get_kind (TRELLIS_STATEMENT (container)) != TRELLIS_STATEMENT_MULTI)
        {
          g_set_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE,
                       _("Only a multi-part item holds other statements."));
          return FALSE;
        }
      if (kind == TRELLIS_STATEMENT_COMMENT)
        {
          g_set_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE,
                       _("A comment box cannot be part of a multi-part item."));
          return FALSE;
        }
      if (kind == TRELLIS_STATEMENT_MULTI)
        {
          g_set_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE,
                       _("A multi-part item cannot be part of another one."));
          return FALSE;
        }
      return TRUE;
    }

  if (kind == TRELLIS_STATEMENT_COMMENT)
    {
      TrellisStatement *box = trellis_section_get_comment_statement (TRELLIS_SECTION (container));
      if (box != NULL && box != statement)
        {
          g_autofree char *name = trellis_section_dup_label (TRELLIS_SECTION (container));
          g_set_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE,
                       _("“%s” already has a comment box: comments are kept per section."), name);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * trellis_checklist_edit_check_move:
 * @container: a section or a multi-part statement
 *
 * Returns: whether @statement may go into @container: not a comment box or a multi-part
 *   item into a multi-part item, not a second comment box into a section
 */
gboolean
trellis_checklist_edit_check_move (TrellisStatement  *statement,
                                   TrellisNode       *container,
                                   GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SECTION (container) || TRELLIS_IS_STATEMENT (container), FALSE);

  if (container == TRELLIS_NODE (statement))
    {
      g_set_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_PLACE,
                   _("A statement cannot go inside itself."));
      return FALSE;
    }
  return check_kind_in_container (trellis_statement_get_kind (statement), container, statement, error);
}

/**
 * trellis_checklist_edit_move_statement:
 * @container: a section, or a multi-part statement for its parts
 * @position: where @statement ends up among @container's statements
 *
 * Moves @statement within its section or multi-part item, or into another one, as one
 * edit. A multi-part item moves with its parts.
 *
 * Returns: %FALSE with @error set when @statement cannot go there; %FALSE without an
 *   error when it is already there
 */
gboolean
trellis_checklist_edit_move_statement (TrellisUndoStack  *stack,
                                       TrellisStatement  *statement,
                                       TrellisNode       *container,
                                       guint              position,
                                       GError           **error)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), FALSE);
  g_return_val_if_fail (trellis_node_get_parent (TRELLIS_NODE (statement)) != NULL, FALSE);

  if (!trellis_checklist_edit_check_move (statement, container, error))
    return FALSE;
  return apply_move (stack, _("Move Statement"), TRELLIS_NODE (statement), container, position);
}

/**
 * trellis_checklist_edit_move_section:
 * @position: where @section ends up among the sections
 *
 * Returns: whether the section moved
 */
gboolean
trellis_checklist_edit_move_section (TrellisUndoStack *stack,
                                     TrellisChecklist *checklist,
                                     TrellisSection   *section,
                                     guint             position)
{
  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SECTION (section), FALSE);
  g_return_val_if_fail (trellis_node_get_parent (TRELLIS_NODE (section)) == TRELLIS_NODE (checklist), FALSE);

  return apply_move (stack, _("Move Section"), TRELLIS_NODE (section), TRELLIS_NODE (checklist), position);
}

/* ---- Properties ---- */

/**
 * trellis_checklist_edit_set_included:
 * @node: a section or statement
 *
 * Cuts @node from the tailored checklist or restores it, as one edit of its own.
 */
void
trellis_checklist_edit_set_included (TrellisUndoStack *stack,
                                     TrellisNode      *node,
                                     gboolean          included)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *label;

  g_return_if_fail (TRELLIS_IS_UNDO_STACK (stack));
  g_return_if_fail (TRELLIS_IS_SECTION (node) || TRELLIS_IS_STATEMENT (node));

  if (TRELLIS_IS_SECTION (node))
    label = included ? _("Restore Section") : _("Cut Section");
  else
    label = included ? _("Restore Statement") : _("Cut Statement");
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, included);
  /* Each click is a step of its own: never joined to an open edit, nor joined by one. */
  trellis_undo_stack_seal (stack);
  trellis_undo_stack_set_property (stack, label, G_OBJECT (node), "included", &value);
  trellis_undo_stack_seal (stack);
}

/**
 * trellis_checklist_edit_set_string:
 * @label: the edit's name for the Undo menu item ("Edit Statement Text")
 * @property: a string property of @object: a statement's text or guidance, a section's
 *   title, a scale's labels
 * @value: (nullable): the new text
 *
 * Sets a text of the checklist. Further changes of the same text join this edit until
 * trellis_undo_stack_seal(), so that typing in one field is one step of undo.
 */
void
trellis_checklist_edit_set_string (TrellisUndoStack *stack,
                                   const char       *label,
                                   GObject          *object,
                                   const char       *property,
                                   const char       *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_if_fail (TRELLIS_IS_UNDO_STACK (stack));
  g_return_if_fail (label != NULL);
  g_return_if_fail (G_IS_OBJECT (object));

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  trellis_undo_stack_set_property (stack, label, object, property, &gvalue);
}

/* ---- Adding and deleting ---- */

typedef struct
{
  TrellisNode *container;
  TrellisNode *child;
  guint        position;
} PlaceEdit;

static void
place_edit_free (PlaceEdit *edit)
{
  g_clear_object (&edit->container);
  g_clear_object (&edit->child);
  g_free (edit);
}

static void
place_edit_insert (gpointer data)
{
  PlaceEdit *edit = data;

  container_insert (edit->container, edit->position, edit->child);
}

static void
place_edit_remove (gpointer data)
{
  PlaceEdit *edit = data;

  container_remove (edit->container, edit->child);
}

static void
apply_place (TrellisUndoStack *stack,
             const char       *label,
             TrellisNode      *container,
             TrellisNode      *child,
             guint             position,
             gboolean          insert)
{
  PlaceEdit *edit = g_new0 (PlaceEdit, 1);

  edit->container = g_object_ref (container);
  edit->child = g_object_ref (child);
  edit->position = MIN (position, container_get_n (container));
  trellis_undo_stack_seal (stack);
  if (insert)
    trellis_undo_stack_apply (stack, label, place_edit_remove, place_edit_insert,
                              edit, (GDestroyNotify) place_edit_free);
  else
    trellis_undo_stack_apply (stack, label, place_edit_insert, place_edit_remove,
                              edit, (GDestroyNotify) place_edit_free);
}

/**
 * trellis_checklist_edit_add_statement:
 * @container: a section, or a multi-part statement for a new part
 * @position: where the statement goes among @container's statements
 * @text: (nullable): its text
 *
 * Adds a statement with an id no statement or section of @checklist uses; it has no
 * printed number until the statements are renumbered.
 *
 * Returns: (transfer none): the new statement, or %NULL with @error set when a
 *   statement of @kind cannot go into @container
 */
TrellisStatement *
trellis_checklist_edit_add_statement (TrellisUndoStack      *stack,
                                      TrellisChecklist      *checklist,
                                      TrellisNode           *container,
                                      guint                  position,
                                      TrellisStatementKind   kind,
                                      const char            *text,
                                      GError               **error)
{
  g_autoptr(TrellisStatement) statement = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (stack), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (TRELLIS_IS_SECTION (container) || TRELLIS_IS_STATEMENT (container), NULL);

  if (!check_kind_in_container (kind, container, NULL, error))
    return NULL;

  id = trellis_checklist_new_statement_id (checklist);
  statement = trellis_statement_new (id, kind);
  trellis_statement_set_text (statement, text);
  apply_place (stack, kind == TRELLIS_STATEMENT_COMMENT ? _("Add Comment Box") : _("Add Statement"),
               container, TRELLIS_NODE (statement), position, TRUE);
  return statement;
}

/**
 * trellis_checklist_edit_add_section:
 * @position: where the section goes among the sections
 * @title: (nullable): its title
 *
 * Returns: (transfer none): the new, empty section
 */
TrellisSection *
trellis_checklist_edit_add_section (TrellisUndoStack *stack,
                                    TrellisChecklist *checklist,
                                    guint             position,
                                    const char       *title)
{
  g_autoptr(TrellisSection) section = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (stack), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (checklist), NULL);

  /* Statements and sections share the namespace of new ids. */
  id = trellis_checklist_new_statement_id (checklist);
  section = trellis_section_new (id);
  trellis_section_set_title (section, title);
  apply_place (stack, _("Add Section"), TRELLIS_NODE (checklist), TRELLIS_NODE (section), position, TRUE);
  return section;
}

/**
 * trellis_checklist_edit_delete:
 * @node: a section or statement of @project's checklist
 *
 * Deletes @node with everything in it, if no round holds answers to it: one that has
 * been answered can only be cut, so that earlier rounds keep their meaning.
 *
 * Returns: %FALSE with @error set when a round answered @node
 */
gboolean
trellis_checklist_edit_delete (TrellisUndoStack  *stack,
                               TrellisProject    *project,
                               TrellisNode       *node,
                               GError           **error)
{
  TrellisNode *container;
  TrellisRound *round;

  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SECTION (node) || TRELLIS_IS_STATEMENT (node), FALSE);
  container = trellis_node_get_parent (node);
  g_return_val_if_fail (container != NULL, FALSE);

  round = trellis_checklist_edit_find_answering_round (project, node);
  if (round != NULL)
    {
      g_autofree char *name = dup_display_name (node);
      g_set_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_ANSWERED,
                   _("“%s” was answered in %s: cut it instead, so that the round keeps its meaning."),
                   name, trellis_round_get_label (round));
      return FALSE;
    }
  apply_place (stack, TRELLIS_IS_SECTION (node) ? _("Delete Section") : _("Delete Statement"),
               container, node, container_find (container, node), FALSE);
  return TRUE;
}

/* ---- Kind ---- */

/**
 * trellis_checklist_edit_set_kind:
 *
 * Makes @statement a rating statement, a comment box or a multi-part item, as one edit.
 * Refused for a statement a round answered (its answers would change meaning), a part of
 * a multi-part item (parts are rated), a multi-part item that still has parts, and a
 * second comment box in a section.
 *
 * Returns: %FALSE with @error set when refused
 */
gboolean
trellis_checklist_edit_set_kind (TrellisUndoStack      *stack,
                                 TrellisProject        *project,
                                 TrellisStatement      *statement,
                                 TrellisStatementKind   kind,
                                 GError               **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  TrellisRound *round;

  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), FALSE);

  if (trellis_statement_get_kind (statement) == kind)
    return TRUE;
  round = trellis_checklist_edit_find_answering_round (project, TRELLIS_NODE (statement));
  if (round != NULL)
    {
      g_set_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_ANSWERED,
                   _("This statement was answered in %s: its kind cannot change."),
                   trellis_round_get_label (round));
      return FALSE;
    }
  if (trellis_statement_get_n_children (statement) > 0)
    {
      g_set_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_INVALID_KIND,
                   _("Delete or move this item’s parts before changing its kind."));
      return FALSE;
    }
  if (!check_kind_in_container (kind, trellis_node_get_parent (TRELLIS_NODE (statement)), statement, error))
    return FALSE;

  g_value_init (&value, TRELLIS_TYPE_STATEMENT_KIND);
  g_value_set_enum (&value, kind);
  trellis_undo_stack_seal (stack);
  trellis_undo_stack_set_property (stack, _("Change Statement Kind"), G_OBJECT (statement), "kind", &value);
  trellis_undo_stack_seal (stack);
  return TRUE;
}

/* ---- The answer scale ---- */

typedef struct
{
  guint     n_points;
  GStrv     labels;
  gboolean  allow_na;
  gboolean  allow_dk;
} ScaleState;

typedef struct
{
  TrellisScale *scale;
  ScaleState    before;
  ScaleState    after;
} ScaleEdit;

static void
scale_state_read (ScaleState   *state,
                  TrellisScale *scale)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  state->n_points = trellis_scale_get_n_points (scale);
  for (guint p = 1; p <= state->n_points; p++)
    g_strv_builder_add (builder, trellis_scale_get_point_label (scale, p));
  state->labels = g_strv_builder_end (builder);
  state->allow_na = trellis_scale_get_allow_na (scale);
  state->allow_dk = trellis_scale_get_allow_dk (scale);
}

static void
scale_state_write (const ScaleState *state,
                   TrellisScale     *scale)
{
  trellis_scale_set_n_points (scale, state->n_points);
  for (guint p = 1; p <= state->n_points; p++)
    trellis_scale_set_point_label (scale, p, state->labels[p - 1]);
  trellis_scale_set_allow_na (scale, state->allow_na);
  trellis_scale_set_allow_dk (scale, state->allow_dk);
}

static void
scale_edit_free (ScaleEdit *edit)
{
  g_clear_object (&edit->scale);
  g_strfreev (edit->before.labels);
  g_strfreev (edit->after.labels);
  g_free (edit);
}

static void
scale_edit_undo (gpointer data)
{
  ScaleEdit *edit = data;

  scale_state_write (&edit->before, edit->scale);
}

static void
scale_edit_redo (gpointer data)
{
  ScaleEdit *edit = data;

  scale_state_write (&edit->after, edit->scale);
}

/**
 * trellis_checklist_edit_scale_is_answered:
 *
 * Returns: whether a round of @project holds answers on @scale
 */
gboolean
trellis_checklist_edit_scale_is_answered (TrellisProject *project,
                                          TrellisScale   *scale)
{
  TrellisChecklist *checklist;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SCALE (scale), FALSE);

  checklist = trellis_project_get_checklist (project);
  for (guint r = 0; r < trellis_project_get_n_rounds (project); r++)
    {
      TrellisRound *round = trellis_project_get_round (project, r);
      if (trellis_round_get_n_responses (round) == 0)
        continue;
      for (guint i = 0; i < trellis_round_get_n_items (round); i++)
        {
          TrellisScale *item_scale = NULL;
          if (trellis_checklist_lookup_item_key (checklist, trellis_round_get_item (round, i),
                                                 NULL, &item_scale) &&
              item_scale == scale)
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * trellis_checklist_edit_set_scale:
 * @n_points: how many points the scale has
 * @point_labels: @n_points labels, lowest point first; an empty one is the point's number
 * @allow_na: whether respondents may answer Not applicable
 * @allow_dk: whether respondents may answer Don't know
 *
 * Changes the answer scale as one edit. A scale with answers in a round keeps its number
 * of points: the answers would change meaning.
 *
 * Returns: %FALSE with @error set when refused
 */
gboolean
trellis_checklist_edit_set_scale (TrellisUndoStack    *stack,
                                  TrellisProject      *project,
                                  TrellisScale        *scale,
                                  guint                n_points,
                                  const char * const  *point_labels,
                                  gboolean             allow_na,
                                  gboolean             allow_dk,
                                  GError             **error)
{
  ScaleEdit *edit;

  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SCALE (scale), FALSE);
  g_return_val_if_fail (n_points >= TRELLIS_SCALE_MIN_POINTS && n_points <= TRELLIS_SCALE_MAX_POINTS, FALSE);
  g_return_val_if_fail (point_labels != NULL && g_strv_length ((GStrv) point_labels) == n_points, FALSE);

  if (n_points != trellis_scale_get_n_points (scale) &&
      trellis_checklist_edit_scale_is_answered (project, scale))
    {
      g_set_error (error, TRELLIS_EDIT_ERROR, TRELLIS_EDIT_ERROR_ANSWERED,
                   _("A round holds answers on this scale’s %u points: the number of points cannot change."),
                   trellis_scale_get_n_points (scale));
      return FALSE;
    }

  edit = g_new0 (ScaleEdit, 1);
  edit->scale = g_object_ref (scale);
  scale_state_read (&edit->before, scale);
  edit->after.n_points = n_points;
  edit->after.labels = g_strdupv ((GStrv) point_labels);
  edit->after.allow_na = allow_na;
  edit->after.allow_dk = allow_dk;
  trellis_undo_stack_seal (stack);
  trellis_undo_stack_apply (stack, _("Edit Answer Scale"), scale_edit_undo, scale_edit_redo,
                            edit, (GDestroyNotify) scale_edit_free);
  return TRUE;
}

/* ---- Renumbering ---- */

typedef struct
{
  GPtrArray *statements;  /* TrellisStatement* */
  GPtrArray *before;      /* char*, nullable */
  GPtrArray *after;
} RenumberEdit;

static void
renumber_edit_free (RenumberEdit *edit)
{
  g_ptr_array_unref (edit->statements);
  g_ptr_array_unref (edit->before);
  g_ptr_array_unref (edit->after);
  g_free (edit);
}

static void
renumber_write (GPtrArray *statements,
                GPtrArray *numbers)
{
  for (guint i = 0; i < statements->len; i++)
    trellis_statement_set_number (g_ptr_array_index (statements, i), g_ptr_array_index (numbers, i));
}

static void
renumber_edit_undo (gpointer data)
{
  RenumberEdit *edit = data;

  renumber_write (edit->statements, edit->before);
}

static void
renumber_edit_redo (gpointer data)
{
  RenumberEdit *edit = data;

  renumber_write (edit->statements, edit->after);
}

static void
renumber_add (RenumberEdit     *edit,
              TrellisStatement *statement,
              char             *number)
{
  g_ptr_array_add (edit->statements, g_object_ref (statement));
  g_ptr_array_add (edit->before, g_strdup (trellis_statement_get_number (statement)));
  g_ptr_array_add (edit->after, number);
}

/* A multi-part item's parts are numbered after it, as the IS checklist does: 55a, 55b… */
static void
renumber_parts (RenumberEdit     *edit,
                TrellisStatement *statement,
                guint             number)
{
  guint part = 0;

  for (guint i = 0; i < trellis_statement_get_n_children (statement); i++)
    {
      TrellisStatement *child = trellis_statement_get_child (statement, i);
      char *child_number = NULL;

      if (trellis_statement_is_in_use (child))
        {
          child_number = part < 26 ? g_strdup_printf ("%u%c", number, 'a' + part)
                                   : g_strdup_printf ("%u.%u", number, part + 1);
          part++;
        }
      renumber_add (edit, child, child_number);
    }
}

/**
 * trellis_checklist_edit_renumber:
 *
 * Numbers the statements in use 1, 2, 3… through the checklist, the parts of a
 * multi-part item after it (55a, 55b…), and takes the number of a cut statement, which
 * is not printed. Ids do not change, so answers stay with their statements.
 *
 * Returns: whether any number changed
 */
gboolean
trellis_checklist_edit_renumber (TrellisUndoStack *stack,
                                 TrellisChecklist *checklist)
{
  RenumberEdit *edit;
  guint number = 0;
  gboolean changed = FALSE;

  g_return_val_if_fail (TRELLIS_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (checklist), FALSE);

  edit = g_new0 (RenumberEdit, 1);
  edit->statements = g_ptr_array_new_with_free_func (g_object_unref);
  edit->before = g_ptr_array_new_with_free_func (g_free);
  edit->after = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, s);

      for (guint i = 0; i < trellis_section_get_n_statements (section); i++)
        {
          TrellisStatement *statement = trellis_section_get_statement (section, i);
          gboolean in_use = trellis_statement_is_in_use (statement);

          if (in_use)
            number++;
          renumber_add (edit, statement, in_use ? g_strdup_printf ("%u", number) : NULL);
          renumber_parts (edit, statement, number);
        }
    }

  for (guint i = 0; i < edit->statements->len && !changed; i++)
    changed = g_strcmp0 (g_ptr_array_index (edit->before, i), g_ptr_array_index (edit->after, i)) != 0;
  if (!changed)
    {
      renumber_edit_free (edit);
      return FALSE;
    }
  trellis_undo_stack_seal (stack);
  trellis_undo_stack_apply (stack, _("Renumber Statements"), renumber_edit_undo, renumber_edit_redo,
                            edit, (GDestroyNotify) renumber_edit_free);
  return TRUE;
}
