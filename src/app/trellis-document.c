/* trellis-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-debug.h"
#include "trellis-document.h"
#include "trellis-file-guard.h"
#include "trellis-project-io.h"

struct _TrellisDocument
{
  GObject         parent_instance;

  TrellisProject   *project;
  GFile            *file;
  char             *sample_name;
  gboolean          modified;
  TrellisUndoStack *undo_stack;
  /* Changed since loaded or saved other than by the edits on the undo stack, which know
   * for themselves whether they are back where the file is. */
  gboolean          changed_outside_undo;
  gboolean          applying_import;
  /* The file's lock and watch, while the document has a file. */
  TrellisFileGuard *guard;
  /* Read from a newer minor format version: not to be saved over (see
   * trellis_project_get_newer_format_version()); cleared by a save elsewhere. */
  char             *newer_format;
  /* The latest round's summary, made by the loading thread, until the window takes it. */
  TrellisSummary   *loaded_summary;
};

G_DEFINE_FINAL_TYPE (TrellisDocument, trellis_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_IS_SAMPLE,
  PROP_CHANGED_ON_DISK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_modified (TrellisDocument *self,
              gboolean         modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
update_modified (TrellisDocument *self)
{
  set_modified (self, self->changed_outside_undo || !trellis_undo_stack_get_is_clean (self->undo_stack));
}

static void
project_changed_cb (TrellisDocument *self)
{
  if (!self->applying_import && !trellis_undo_stack_get_applying (self->undo_stack))
    self->changed_outside_undo = TRUE;
  update_modified (self);
}

/* As the file is now: unmodified, and undo brings it back here. */
static void
mark_clean (TrellisDocument *self)
{
  self->changed_outside_undo = FALSE;
  trellis_undo_stack_set_clean (self->undo_stack);
  update_modified (self);
}

static void
guard_changed_cb (TrellisDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON_DISK]);
}

static void
set_guard (TrellisDocument  *self,
           TrellisFileGuard *guard)
{
  gboolean was_changed = trellis_document_get_changed_on_disk (self);

  if (self->guard != NULL)
    g_signal_handlers_disconnect_by_data (self->guard, self);
  g_set_object (&self->guard, guard);
  if (guard != NULL)
    g_signal_connect_swapped (guard, "notify::changed-on-disk", G_CALLBACK (guard_changed_cb), self);
  if (was_changed != trellis_document_get_changed_on_disk (self))
    guard_changed_cb (self);
}

static void
trellis_document_dispose (GObject *object)
{
  TrellisDocument *self = (TrellisDocument *) object;

  set_guard (self, NULL);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  /* The edits hold the project and its rounds. */
  if (self->undo_stack != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_stack, self);
      trellis_undo_stack_clear (self->undo_stack);
    }
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->loaded_summary, trellis_summary_unref);
  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (trellis_document_parent_class)->dispose (object);
}

static void
trellis_document_finalize (GObject *object)
{
  TrellisDocument *self = (TrellisDocument *) object;

  g_clear_pointer (&self->sample_name, g_free);
  g_clear_pointer (&self->newer_format, g_free);

  G_OBJECT_CLASS (trellis_document_parent_class)->finalize (object);
}

static void
trellis_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrellisDocument *self = TRELLIS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_IS_SAMPLE:
      g_value_set_boolean (value, trellis_document_get_is_sample (self));
      break;
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, trellis_document_get_changed_on_disk (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_document_class_init (TrellisDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_document_dispose;
  object_class->finalize = trellis_document_finalize;
  object_class->get_property = trellis_document_get_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         TRELLIS_TYPE_PROJECT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisDocument:file:
   *
   * Where Save writes; %NULL until the document has a place of its own (the sample is
   * never written back where it is installed).
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisDocument:modified:
   *
   * Whether the project differs from its file: edited since it was loaded or saved,
   * and not brought back by undo or redo.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IS_SAMPLE] =
    g_param_spec_boolean ("is-sample", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisDocument:changed-on-disk:
   *
   * Whether another program changed the file since the document read or saved it:
   * saving over it is refused until it is reloaded or saved elsewhere.
   */
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_document_init (TrellisDocument *self)
{
  self->undo_stack = trellis_undo_stack_new ();
  g_signal_connect_swapped (self->undo_stack, "notify::is-clean", G_CALLBACK (update_modified), self);
}

/**
 * trellis_document_new:
 * @project: the project
 * @file: (nullable): where it is saved, or %NULL if it has never been
 *
 * Returns: (transfer full): an unmodified document; any later edit of @project marks it
 *   modified, until it is saved or undone
 */
TrellisDocument *
trellis_document_new (TrellisProject *project,
                      GFile          *file)
{
  TrellisDocument *self;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (TRELLIS_TYPE_DOCUMENT, NULL);
  self->project = g_object_ref (project);
  g_set_object (&self->file, file);
  self->newer_format = g_strdup (trellis_project_get_newer_format_version (project));
  if (file != NULL)
    {
      g_autoptr(TrellisFileGuard) guard = trellis_file_guard_new (file);

      set_guard (self, guard);
    }
  g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed_cb), self);
  return self;
}

typedef struct
{
  GFile          *file;
  gboolean        is_sample;
  gboolean        is_recovery;
  GFile          *original;   /* of a recovery copy; NULL for one never saved */
  TrellisSummary *summary;    /* the latest round's, made in the thread too */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->original);
  g_clear_pointer (&data->summary, trellis_summary_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  TrellisProject *project;

  /* The project is built here and handed over whole; nothing else sees it until then. */
  trellis_timing_mark ("load-started");
  project = trellis_project_load_file (data->file, cancellable, &error);
  trellis_timing_mark ("loaded");
  if (project == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The window opens on the latest round: its summary, the one pass over every answer
   * the first view needs, is made here rather than while the window waits. */
  if (trellis_project_get_latest_round (project) != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      data->summary = trellis_summary_new (project, trellis_project_get_latest_round (project), NULL, NULL);
      trellis_timing_mark ("summarised");
    }
  g_task_return_pointer (task, project, g_object_unref);
}

/* ---- Reading a file named on the command line while GTK starts ---- */

typedef struct
{
  GFile          *file;
  GCancellable   *cancellable;
  GTask          *claimed;    /* the open that took it over, waiting for it */
  gboolean        done;
  gboolean        dropped;    /* nobody will claim it: freed once the thread is done */
  TrellisProject *project;
  TrellisSummary *summary;
  GError         *error;
} Preload;

/* Main thread only. */
static GPtrArray *preloads;

static void
preload_free (Preload *preload)
{
  g_clear_object (&preload->file);
  g_clear_object (&preload->cancellable);
  g_clear_object (&preload->claimed);
  g_clear_object (&preload->project);
  g_clear_pointer (&preload->summary, trellis_summary_unref);
  g_clear_error (&preload->error);
  g_free (preload);
}

/* @task gets what the preload read, as if it had read it itself. */
static void
preload_hand_over (Preload *preload,
                   GTask   *task)
{
  LoadData *data = g_task_get_task_data (task);

  data->summary = g_steal_pointer (&preload->summary);
  if (preload->project != NULL)
    g_task_return_pointer (task, g_steal_pointer (&preload->project), g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&preload->error));
}

static void
preload_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Preload *preload = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));

  preload->project = g_task_propagate_pointer (G_TASK (result), &preload->error);
  preload->summary = g_steal_pointer (&data->summary);
  preload->done = TRUE;
  if (preload->claimed != NULL)
    preload_hand_over (preload, preload->claimed);
  if (preload->claimed != NULL || preload->dropped)
    preload_free (preload);
}

/**
 * trellis_document_preload:
 * @file: a project file about to be opened
 *
 * Starts reading @file in a worker thread at once, before there is a window to show it
 * in: the first trellis_document_load_async() of @file then takes over what it read (or
 * waits for it) instead of reading it again. What nobody takes is dropped by
 * trellis_document_drop_preloads().
 */
void
trellis_document_preload (GFile *file)
{
  Preload *preload;
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  preload = g_new0 (Preload, 1);
  preload->file = g_object_ref (file);
  preload->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  task = g_task_new (NULL, preload->cancellable, preload_done_cb, preload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
  if (preloads == NULL)
    preloads = g_ptr_array_new ();
  g_ptr_array_add (preloads, preload);
}

/**
 * trellis_document_drop_preloads:
 *
 * Stops and forgets every preload nobody has taken over.
 */
void
trellis_document_drop_preloads (void)
{
  if (preloads == NULL)
    return;
  for (guint i = 0; i < preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (preloads, i);

      if (preload->done)
        preload_free (preload);
      else
        {
          preload->dropped = TRUE;
          g_cancellable_cancel (preload->cancellable);
        }
    }
  g_clear_pointer (&preloads, g_ptr_array_unref);
}

/* Whether a preload of the file @task is to read was there to take over. */
static gboolean
claim_preload (GTask *task)
{
  LoadData *data = g_task_get_task_data (task);

  if (preloads == NULL || data->is_recovery)
    return FALSE;
  for (guint i = 0; i < preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (preloads, i);

      if (!g_file_equal (preload->file, data->file))
        continue;
      g_ptr_array_remove_index (preloads, i);
      if (preload->done)
        {
          preload_hand_over (preload, task);
          preload_free (preload);
        }
      else
        preload->claimed = g_object_ref (task);
      return TRUE;
    }
  return FALSE;
}

static void
load (LoadData            *data,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, trellis_document_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  if (!claim_preload (task))
    g_task_run_in_thread (task, load_thread);
}

/**
 * trellis_document_load_async:
 * @file: the project file
 * @is_sample: whether @file is the bundled sample, which is opened as an unsaved copy
 *
 * Reads @file in a worker thread so a large project does not freeze the window.
 */
/**
 * trellis_document_new_unsaved:
 * @project: a project just made, from a template say
 *
 * Returns: (transfer full): a document saved nowhere and modified from the start, so
 *   that closing the window asks about it and its recovery copy is kept
 */
TrellisDocument *
trellis_document_new_unsaved (TrellisProject *project)
{
  TrellisDocument *self = trellis_document_new (project, NULL);

  self->changed_outside_undo = TRUE;
  update_modified (self);
  return self;
}

void
trellis_document_load_async (GFile               *file,
                             gboolean             is_sample,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->is_sample = is_sample;
  load (data, cancellable, callback, user_data);
}

/**
 * trellis_document_load_recovery_async:
 * @copy: a recovery copy of a project with unsaved changes
 * @original: (nullable): the project file it is a copy of, or %NULL when that project
 *   was never saved
 *
 * Reads @copy in a worker thread, as trellis_document_load_async() does; finish with
 * trellis_document_load_finish(). The document is @copy's project, modified, and
 * belongs to @original: Save writes there, never to the copy.
 */
void
trellis_document_load_recovery_async (GFile               *copy,
                                      GFile               *original,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (G_IS_FILE (copy));
  g_return_if_fail (original == NULL || G_IS_FILE (original));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (copy);
  data->is_recovery = TRUE;
  g_set_object (&data->original, original);
  load (data, cancellable, callback, user_data);
}

/**
 * trellis_document_load_finish:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set to the
 *   loader's message
 */
TrellisDocument *
trellis_document_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(TrellisProject) project = NULL;
  TrellisDocument *self;
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == trellis_document_load_async,
                        NULL);

  project = g_task_propagate_pointer (G_TASK (result), error);
  if (project == NULL)
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  if (data->is_recovery)
    {
      /* The changes in the copy are not in the file: unsaved, as they were. */
      self = trellis_document_new (project, data->original);
      self->changed_outside_undo = TRUE;
      update_modified (self);
    }
  else if (!data->is_sample)
    self = trellis_document_new (project, data->file);
  else
    {
      self = trellis_document_new (project, NULL);
      self->sample_name = trellis_file_dup_display_basename (data->file);
    }
  self->loaded_summary = g_steal_pointer (&data->summary);
  return self;
}

/**
 * trellis_document_take_loaded_summary:
 * @round: the round about to be shown
 *
 * The summary of the project's latest round is made while the file is read; the window
 * takes it for its first view instead of making it again.
 *
 * Returns: (transfer full) (nullable): that summary if it is @round's, else %NULL; either
 *   way the document keeps it no longer, as later edits would leave it behind
 */
TrellisSummary *
trellis_document_take_loaded_summary (TrellisDocument *self,
                                      TrellisRound    *round)
{
  g_autoptr(TrellisSummary) summary = NULL;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  summary = g_steal_pointer (&self->loaded_summary);
  if (summary == NULL || trellis_summary_get_round (summary) != round)
    return NULL;
  return g_steal_pointer (&summary);
}

/**
 * trellis_document_save:
 * @file: (nullable): where to save; %NULL for the document's own file
 *
 * Writes the project (atomically, keeping a backup: see trellis_project_save_file()). On
 * success the document belongs to @file and is unmodified; on failure nothing changes.
 */
/* Before a save over the document's own file: it must be ours to write. */
static gboolean
check_writable (TrellisDocument  *self,
                GError          **error)
{
  g_autofree char *reason = trellis_document_dup_read_only_reason (self);

  if (reason != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY, reason);
      return FALSE;
    }
  return self->guard == NULL || trellis_file_guard_check_before_save (self->guard, error);
}

gboolean
trellis_document_save (TrellisDocument  *self,
                       GFile            *file,
                       GError          **error)
{
  g_autoptr(TrellisFileGuard) new_guard = NULL;
  gboolean elsewhere;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (file == NULL)
    file = self->file;
  elsewhere = self->file == NULL || !g_file_equal (self->file, file);
  if (!elsewhere && !check_writable (self, error))
    return FALSE;
  /* Another file is locked before it is written, and stays locked while it is ours. */
  if (elsewhere)
    {
      new_guard = trellis_file_guard_new (file);
      if (trellis_file_guard_get_locked_by (new_guard) != NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                               trellis_file_guard_get_locked_by (new_guard));
          return FALSE;
        }
    }
  if (!trellis_project_save_file (self->project, file, NULL, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (elsewhere)
    {
      set_guard (self, new_guard);
      g_clear_pointer (&self->newer_format, g_free);
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  if (self->guard != NULL)
    trellis_file_guard_saved (self->guard);
  if (self->sample_name != NULL)
    {
      g_clear_pointer (&self->sample_name, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_SAMPLE]);
    }
  mark_clean (self);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * trellis_document_dup_read_only_reason:
 *
 * Returns: (transfer full) (nullable): why Save may not write over the document's file
 *   (written by a newer version of Trellis; being changed by someone else), as a
 *   sentence; %NULL when it may
 */
char *
trellis_document_dup_read_only_reason (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  if (self->file != NULL && self->newer_format != NULL)
    {
      g_autofree char *name = trellis_file_dup_display_basename (self->file);

      return g_strdup_printf (_("“%s” was written by a newer version of Trellis (format %s) and may "
                                "hold things this version does not know. It is open read-only; "
                                "use Save As to keep your changes in a copy."),
                              name, self->newer_format);
    }
  if (self->guard != NULL && trellis_file_guard_get_locked_by (self->guard) != NULL)
    return g_strdup_printf (_("%s It is open read-only; use Save As to keep your changes in a copy."),
                            trellis_file_guard_get_locked_by (self->guard));
  return NULL;
}

/**
 * trellis_document_get_changed_on_disk:
 *
 * Returns: whether another program changed the document's file since it was read or saved
 */
gboolean
trellis_document_get_changed_on_disk (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  return self->guard != NULL && trellis_file_guard_get_changed_on_disk (self->guard);
}

/**
 * trellis_document_get_project:
 *
 * Returns: (transfer none): the project
 */
TrellisProject *
trellis_document_get_project (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  return self->project;
}

/**
 * trellis_document_get_file:
 *
 * Returns: (transfer none) (nullable): where Save writes
 */
GFile *
trellis_document_get_file (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
trellis_document_get_modified (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

/**
 * trellis_document_get_is_sample:
 *
 * Returns: whether this is an unsaved copy of the bundled sample project
 */
gboolean
trellis_document_get_is_sample (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  return self->sample_name != NULL;
}

/**
 * trellis_document_dup_title:
 *
 * Returns: (transfer full): the partnership's name, or a stand-in when it has none yet
 */
char *
trellis_document_dup_title (TrellisDocument *self)
{
  const char *name;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  name = trellis_project_get_name (self->project);
  if (name == NULL || *name == '\0')
    return g_strdup (_("Unnamed Partnership"));
  return g_strdup (name);
}

/**
 * trellis_document_dup_suggested_name:
 *
 * Returns: (transfer full): a file name to offer in the Save As dialog
 */
char *
trellis_document_dup_suggested_name (TrellisDocument *self)
{
  g_autofree char *title = NULL;
  g_autoptr(GString) name = NULL;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  /* In UTF-8, as the file chooser and the export names want it. */
  if (self->file != NULL)
    return trellis_file_dup_display_basename (self->file);
  if (self->sample_name != NULL)
    return g_strdup (self->sample_name);

  /* Characters no file system objects to, so the name works on a USB stick too. */
  title = trellis_document_dup_title (self);
  name = g_string_new (NULL);
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c > 127 || strchr ("/\\:*?\"<>|", (int) c) == NULL)
        g_string_append_unichar (name, c);
    }
  g_string_append (name, ".trellis");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * trellis_document_get_undo_stack:
 *
 * Returns: (transfer none): the edits of this document that can be undone; another
 *   project opened is another document, with an empty stack
 */
TrellisUndoStack *
trellis_document_get_undo_stack (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  return self->undo_stack;
}

/* Undo takes the round out and keeps it; redo puts the same round back, at the end,
 * where it was: everything added after it has been undone first. */
typedef struct
{
  TrellisProject *project;
  TrellisRound   *round;
} ImportEdit;

static void
import_edit_free (ImportEdit *edit)
{
  g_clear_object (&edit->project);
  g_clear_object (&edit->round);
  g_free (edit);
}

static void
import_edit_undo (gpointer data)
{
  ImportEdit *edit = data;

  trellis_project_remove_round (edit->project, edit->round);
}

static void
import_edit_redo (gpointer data)
{
  ImportEdit *edit = data;

  trellis_project_append_round (edit->project, edit->round);
}

/**
 * trellis_document_apply_import:
 * @import: an import of this document's project, with at least one file
 * @label: the new round's label
 *
 * Adds the round @import builds to the project as one edit that Undo takes back.
 *
 * Returns: (transfer none): the new round, or %NULL with @error set; the project is then
 *   unchanged and nothing is added to the undo stack
 */
TrellisRound *
trellis_document_apply_import (TrellisDocument  *self,
                               TrellisImport    *import,
                               const char       *label,
                               GError          **error)
{
  g_autofree char *undo_label = NULL;
  TrellisRound *round;
  ImportEdit *edit;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_IMPORT (import), NULL);
  g_return_val_if_fail (trellis_import_get_project (import) == self->project, NULL);
  g_return_val_if_fail (label != NULL && *label != '\0', NULL);

  /* The import's change is the edit pushed below, not one outside the undo stack. */
  self->applying_import = TRUE;
  round = trellis_import_apply (import, label, error);
  self->applying_import = FALSE;
  if (round == NULL)
    return NULL;

  edit = g_new0 (ImportEdit, 1);
  edit->project = g_object_ref (self->project);
  edit->round = g_object_ref (round);
  /* Translators: the Undo menu item's subject, e.g. Undo Import “Round 2” */
  undo_label = g_strdup_printf (_("Import “%s”"), label);
  trellis_undo_stack_push (self->undo_stack, undo_label, import_edit_undo, import_edit_redo,
                           edit, (GDestroyNotify) import_edit_free);
  return round;
}
