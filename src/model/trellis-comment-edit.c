/* trellis-comment-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-comment-edit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-comment-edit.h"

/* A comment is found again by its section and its place there: comments are never
 * inserted or removed once a round is imported, so both stay valid. */
typedef struct
{
  TrellisRound        *round;
  char                *section_id;
  guint                index;
  TrellisCommentFlags  old_flags;
  TrellisCommentFlags  new_flags;
} FlagsEdit;

static void
flags_edit_free (FlagsEdit *edit)
{
  g_object_unref (edit->round);
  g_free (edit->section_id);
  g_free (edit);
}

static void
flags_edit_undo (gpointer data)
{
  FlagsEdit *edit = data;

  trellis_round_set_comment_flags (edit->round, edit->section_id, edit->index, edit->old_flags);
}

static void
flags_edit_redo (gpointer data)
{
  FlagsEdit *edit = data;

  trellis_round_set_comment_flags (edit->round, edit->section_id, edit->index, edit->new_flags);
}

static const char *
flags_label (TrellisCommentFlags old_flags,
             TrellisCommentFlags new_flags)
{
  TrellisCommentFlags changed = old_flags ^ new_flags;

  if (changed == TRELLIS_COMMENT_KEY)
    return (new_flags & TRELLIS_COMMENT_KEY) ? _("Mark Comment as Key") : _("Unmark Key Comment");
  if (changed == TRELLIS_COMMENT_HIDDEN)
    return (new_flags & TRELLIS_COMMENT_HIDDEN) ? _("Hide Comment from Print") : _("Show Comment in Print");
  return _("Change Comment");
}

/**
 * trellis_comment_edit_set_flags:
 * @undo: (nullable): where the edit is recorded
 * @index: the comment's place in trellis_round_get_comments() for @section_id
 *
 * Marks a comment as key or hidden from print, as one undoable step.
 */
void
trellis_comment_edit_set_flags (TrellisRound        *round,
                                TrellisUndoStack    *undo,
                                const char          *section_id,
                                guint                index,
                                TrellisCommentFlags  flags)
{
  FlagsEdit *edit;

  g_return_if_fail (TRELLIS_IS_ROUND (round));
  g_return_if_fail (undo == NULL || TRELLIS_IS_UNDO_STACK (undo));

  flags &= TRELLIS_COMMENT_ALL_FLAGS;
  edit = g_new0 (FlagsEdit, 1);
  edit->round = g_object_ref (round);
  edit->section_id = g_strdup (section_id);
  edit->index = index;
  edit->old_flags = trellis_round_get_comment_flags (round, section_id, index);
  edit->new_flags = flags;
  if (edit->old_flags == flags)
    {
      flags_edit_free (edit);
      return;
    }
  if (undo != NULL)
    trellis_undo_stack_apply (undo, flags_label (edit->old_flags, flags), flags_edit_undo,
                              flags_edit_redo, edit, (GDestroyNotify) flags_edit_free);
  else
    {
      flags_edit_redo (edit);
      flags_edit_free (edit);
    }
}

/* Redaction is one step however many comments it changes. The words it replaced live
 * only here, in memory, for as long as the step can be undone: they are never saved. */
typedef struct
{
  char  *section_id;
  guint  index;
  char  *before;
  char  *after;
} TextChange;

typedef struct
{
  TrellisRound *round;
  GArray       *changes; /* TextChange */
} RedactEdit;

static void
text_change_clear (gpointer data)
{
  TextChange *change = data;

  g_free (change->section_id);
  g_free (change->before);
  g_free (change->after);
}

static void
redact_edit_free (RedactEdit *edit)
{
  g_object_unref (edit->round);
  g_array_unref (edit->changes);
  g_free (edit);
}

static void
redact_edit_set (RedactEdit *edit,
                 gboolean    redacted)
{
  for (guint i = 0; i < edit->changes->len; i++)
    {
      TextChange *change = &g_array_index (edit->changes, TextChange, i);

      trellis_round_set_comment_text (edit->round, change->section_id, change->index,
                                      redacted ? change->after : change->before);
    }
}

static void
redact_edit_undo (gpointer data)
{
  redact_edit_set (data, FALSE);
}

static void
redact_edit_redo (gpointer data)
{
  redact_edit_set (data, TRUE);
}

static void
collect_changes (TrellisRound    *round,
                 TrellisRedactor *redactor,
                 const char      *section_id,
                 GArray          *changes,
                 guint           *n_found)
{
  GPtrArray *comments = trellis_round_get_comments (round, section_id);

  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      const char *text = g_ptr_array_index (comments, i);
      guint found = 0;
      g_autofree char *redacted = trellis_redactor_apply (redactor, text, &found);
      TextChange change;

      if (found == 0)
        continue;
      *n_found += found;
      change.section_id = g_strdup (section_id);
      change.index = i;
      change.before = g_strdup (text);
      change.after = g_steal_pointer (&redacted);
      g_array_append_val (changes, change);
    }
}

/**
 * trellis_comment_edit_redact:
 * @undo: (nullable): where the edit is recorded; %NULL for a round not yet in a project
 * @section_ids: (nullable): the sections whose comments to redact; %NULL for all
 * @n_found: (out) (optional): how many names, addresses and numbers were replaced
 *
 * Replaces whatever @redactor finds in the comments by "[name]", "[e-mail]" or
 * "[phone]", as one undoable step.
 *
 * Returns: how many comments changed
 */
guint
trellis_comment_edit_redact (TrellisRound       *round,
                             TrellisUndoStack   *undo,
                             TrellisRedactor    *redactor,
                             const char * const *section_ids,
                             guint              *n_found)
{
  RedactEdit *edit;
  GPtrArray *all_sections;
  guint found = 0, n_changed;

  g_return_val_if_fail (TRELLIS_IS_ROUND (round), 0);
  g_return_val_if_fail (undo == NULL || TRELLIS_IS_UNDO_STACK (undo), 0);
  g_return_val_if_fail (redactor != NULL, 0);

  edit = g_new0 (RedactEdit, 1);
  edit->round = g_object_ref (round);
  edit->changes = g_array_new (FALSE, FALSE, sizeof (TextChange));
  g_array_set_clear_func (edit->changes, text_change_clear);
  all_sections = trellis_round_get_comment_sections (round);
  for (guint s = 0; s < all_sections->len; s++)
    {
      const char *section_id = g_ptr_array_index (all_sections, s);

      if (section_ids == NULL || g_strv_contains (section_ids, section_id))
        collect_changes (round, redactor, section_id, edit->changes, &found);
    }
  n_changed = edit->changes->len;
  if (n_found != NULL)
    *n_found = found;
  if (n_changed > 0 && undo != NULL)
    {
      trellis_undo_stack_apply (undo, _("Redact Comments"), redact_edit_undo, redact_edit_redo,
                                edit, (GDestroyNotify) redact_edit_free);
      return n_changed;
    }
  if (n_changed > 0)
    redact_edit_redo (edit);
  redact_edit_free (edit);
  return n_changed;
}
