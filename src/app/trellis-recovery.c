/* trellis-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a document has unsaved changes, a copy of it is written to a folder of its own a
 * few seconds after the last change, beside a small key file naming the project file it
 * belongs to. Saving, or discarding the changes, deletes the copy; a crash leaves it
 * there, and the next start offers it. The project file itself is only ever written by
 * Save.
 *
 * A copy is named after its project file (a checksum of its URI) or "untitled-N" for a
 * project never saved. A copy this instance did not write is someone's unsaved work
 * waiting to be offered: it is never written over, and an edit of the same project gets
 * a name of its own.
 */
#define G_LOG_DOMAIN "trellis-recovery"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trellis-project-io.h"
#include "trellis-recovery.h"

#define COPY_SUFFIX ".trellis"
#define INFO_SUFFIX ".info"
#define INFO_GROUP "Recovery"
#define DEFAULT_DELAY 5
/* Enough of a SHA-256 to tell a person's projects apart. */
#define NAME_DIGITS 16

typedef struct
{
  TrellisRecovery *recovery;
  TrellisDocument *document;
  GFile           *copy;      /* once written, or given when recovered */
  GFile           *original;  /* the file @copy was named for */
  guint            timeout_id;
} Watch;

struct _TrellisRecovery
{
  GObject     parent_instance;

  GFile      *directory;
  guint       delay;
  GPtrArray  *watches;  /* Watch* */
  GHashTable *claimed;  /* paths of copies this instance writes: never offered */
};

G_DEFINE_FINAL_TYPE (TrellisRecovery, trellis_recovery, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * trellis_recovery_entry_copy:
 *
 * Returns: (transfer full): a copy of @entry
 */
TrellisRecoveryEntry *
trellis_recovery_entry_copy (const TrellisRecoveryEntry *entry)
{
  TrellisRecoveryEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (TrellisRecoveryEntry, 1);
  copy->copy = g_object_ref (entry->copy);
  g_set_object (&copy->original, entry->original);
  copy->name = g_strdup (entry->name);
  copy->saved = g_date_time_ref (entry->saved);
  return copy;
}

/**
 * trellis_recovery_entry_free:
 */
void
trellis_recovery_entry_free (TrellisRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->copy);
  g_clear_object (&entry->original);
  g_clear_pointer (&entry->name, g_free);
  g_clear_pointer (&entry->saved, g_date_time_unref);
  g_free (entry);
}

/*****/

static GFile *
info_file_for (GFile *copy)
{
  g_autofree char *path = g_file_get_path (copy);
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (COPY_SUFFIX));
  g_autofree char *info = g_strconcat (stem, INFO_SUFFIX, NULL);

  return g_file_new_for_path (info);
}

/* trellis_project_save_file() keeps the version it replaced, as it should for projects;
 * a copy's earlier version is worth nothing. */
static GFile *
backup_file_for (GFile *copy)
{
  g_autofree char *path = g_file_get_path (copy);
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  return g_file_new_for_path (backup);
}

static void
delete_quietly (GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_delete (file, NULL, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not delete the recovery file %s: %s", g_file_peek_path (file), error->message);
}

static void
delete_copy_files (GFile *copy)
{
  g_autoptr(GFile) info = info_file_for (copy);
  g_autoptr(GFile) backup = backup_file_for (copy);

  delete_quietly (copy);
  delete_quietly (backup);
  delete_quietly (info);
}

static gboolean
is_claimed (TrellisRecovery *self,
            GFile           *copy)
{
  return g_hash_table_contains (self->claimed, g_file_peek_path (copy));
}

/* A name no copy has, on disk or to come from this instance. */
static GFile *
claim_copy (TrellisRecovery *self,
            GFile           *original)
{
  g_autofree char *stem = NULL;

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

      stem = g_strndup (checksum, NAME_DIGITS);
    }

  for (guint n = 1;; n++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GFile) copy = NULL;
      g_autoptr(GFile) info = NULL;

      if (stem == NULL)
        name = g_strdup_printf ("untitled-%u" COPY_SUFFIX, n);
      else if (n == 1)
        name = g_strconcat (stem, COPY_SUFFIX, NULL);
      else
        name = g_strdup_printf ("%s-%u" COPY_SUFFIX, stem, n);
      copy = g_file_get_child (self->directory, name);
      info = info_file_for (copy);
      if (is_claimed (self, copy) || g_file_query_exists (copy, NULL) || g_file_query_exists (info, NULL))
        continue;
      g_hash_table_add (self->claimed, g_file_get_path (copy));
      return g_steal_pointer (&copy);
    }
}

static void
watch_delete_copy (Watch *watch)
{
  if (watch->copy == NULL)
    return;
  delete_copy_files (watch->copy);
  g_hash_table_remove (watch->recovery->claimed, g_file_peek_path (watch->copy));
  g_clear_object (&watch->copy);
  g_clear_object (&watch->original);
}

static gboolean
write_info (TrellisRecovery *self,
            Watch           *watch,
            GError         **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GFile) info_file = info_file_for (watch->copy);
  g_autofree char *name = trellis_document_dup_title (watch->document);

  if (watch->original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (watch->original);

      g_key_file_set_string (info, INFO_GROUP, "original", uri);
    }
  g_key_file_set_string (info, INFO_GROUP, "name", name);
  return g_key_file_save_to_file (info, g_file_peek_path (info_file), error);
}

static gboolean
write_copy (TrellisRecovery  *self,
            Watch            *watch,
            GError          **error)
{
  GFile *original = trellis_document_get_file (watch->document);
  g_autoptr(GFile) backup = NULL;
  g_autoptr(GError) local_error = NULL;

  /* Saved elsewhere meanwhile: the copy belongs under the new name. */
  if (watch->copy != NULL && (original == NULL) != (watch->original == NULL))
    watch_delete_copy (watch);
  else if (watch->copy != NULL && original != NULL && !g_file_equal (original, watch->original))
    watch_delete_copy (watch);
  if (watch->copy == NULL)
    {
      watch->copy = claim_copy (self, original);
      g_set_object (&watch->original, original);
    }

  if (!g_file_make_directory_with_parents (self->directory, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!trellis_project_save_file (trellis_document_get_project (watch->document), watch->copy, NULL, error))
    return FALSE;
  backup = backup_file_for (watch->copy);
  delete_quietly (backup);
  return write_info (self, watch, error);
}

static gboolean
autosave_cb (gpointer user_data)
{
  Watch *watch = user_data;
  g_autoptr(GError) error = NULL;

  watch->timeout_id = 0;
  if (trellis_document_get_modified (watch->document) && !write_copy (watch->recovery, watch, &error))
    g_warning ("Could not keep a recovery copy of unsaved changes: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* A few seconds after the last of a run of changes, not after each. */
static void
schedule (Watch *watch)
{
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch->timeout_id = g_timeout_add_seconds (watch->recovery->delay, autosave_cb, watch);
}

static void
project_changed_cb (Watch *watch)
{
  if (trellis_document_get_modified (watch->document))
    schedule (watch);
}

/* Saved, or undone back to the file: nothing left to recover. */
static void
modified_cb (Watch *watch)
{
  if (trellis_document_get_modified (watch->document))
    return;
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch_delete_copy (watch);
}

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (watch->document, watch);
  g_signal_handlers_disconnect_by_data (trellis_document_get_project (watch->document), watch);
  g_clear_object (&watch->document);
  g_clear_object (&watch->copy);
  g_clear_object (&watch->original);
  g_free (watch);
}

static Watch *
find_watch (TrellisRecovery *self,
            TrellisDocument *document,
            guint           *index)
{
  for (guint i = 0; i < self->watches->len; i++)
    {
      Watch *watch = g_ptr_array_index (self->watches, i);

      if (watch->document == document)
        {
          if (index != NULL)
            *index = i;
          return watch;
        }
    }
  return NULL;
}

/*****/

static void
trellis_recovery_dispose (GObject *object)
{
  TrellisRecovery *self = (TrellisRecovery *) object;

  /* Going away is not saving or discarding: the copies stay to be offered. */
  g_ptr_array_set_size (self->watches, 0);

  G_OBJECT_CLASS (trellis_recovery_parent_class)->dispose (object);
}

static void
trellis_recovery_finalize (GObject *object)
{
  TrellisRecovery *self = (TrellisRecovery *) object;

  g_clear_pointer (&self->watches, g_ptr_array_unref);
  g_clear_pointer (&self->claimed, g_hash_table_unref);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (trellis_recovery_parent_class)->finalize (object);
}

static void
trellis_recovery_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrellisRecovery *self = TRELLIS_RECOVERY (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_recovery_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TrellisRecovery *self = TRELLIS_RECOVERY (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_object (value);
      break;
    case PROP_DELAY:
      trellis_recovery_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_recovery_class_init (TrellisRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_recovery_dispose;
  object_class->finalize = trellis_recovery_finalize;
  object_class->get_property = trellis_recovery_get_property;
  object_class->set_property = trellis_recovery_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_object ("directory", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisRecovery:delay:
   *
   * Seconds after the last change before a recovery copy is written.
   */
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL,
                       1, 3600, DEFAULT_DELAY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_recovery_init (TrellisRecovery *self)
{
  self->delay = DEFAULT_DELAY;
  self->watches = g_ptr_array_new_with_free_func ((GDestroyNotify) watch_free);
  self->claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * trellis_recovery_new:
 * @directory: where the copies go, made when the first is written
 *
 * Returns: (transfer full): the recovery of unsaved work in @directory
 */
TrellisRecovery *
trellis_recovery_new (GFile *directory)
{
  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  return g_object_new (TRELLIS_TYPE_RECOVERY, "directory", directory, NULL);
}

/**
 * trellis_recovery_get_directory:
 *
 * Returns: (transfer none): where the copies go
 */
GFile *
trellis_recovery_get_directory (TrellisRecovery *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOVERY (self), NULL);
  return self->directory;
}

guint
trellis_recovery_get_delay (TrellisRecovery *self)
{
  g_return_val_if_fail (TRELLIS_IS_RECOVERY (self), 0);
  return self->delay;
}

/**
 * trellis_recovery_set_delay:
 * @seconds: after the last change, before a copy is written; at least 1
 */
void
trellis_recovery_set_delay (TrellisRecovery *self,
                            guint            seconds)
{
  g_return_if_fail (TRELLIS_IS_RECOVERY (self));
  g_return_if_fail (seconds >= 1);

  if (self->delay == seconds)
    return;
  self->delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

/**
 * trellis_recovery_watch:
 * @document: a document to keep a recovery copy of while it has unsaved changes
 * @copy: (nullable): the copy @document was recovered from, to go on writing to; %NULL
 *   to have a copy made when needed
 *
 * Does nothing for a document already watched.
 */
void
trellis_recovery_watch (TrellisRecovery *self,
                        TrellisDocument *document,
                        GFile           *copy)
{
  Watch *watch;

  g_return_if_fail (TRELLIS_IS_RECOVERY (self));
  g_return_if_fail (TRELLIS_IS_DOCUMENT (document));
  g_return_if_fail (copy == NULL || G_IS_FILE (copy));

  if (find_watch (self, document, NULL) != NULL)
    return;
  watch = g_new0 (Watch, 1);
  watch->recovery = self;
  watch->document = g_object_ref (document);
  if (copy != NULL)
    {
      watch->copy = g_object_ref (copy);
      g_set_object (&watch->original, trellis_document_get_file (document));
      g_hash_table_add (self->claimed, g_file_get_path (copy));
    }
  g_signal_connect_swapped (trellis_document_get_project (document), "changed",
                            G_CALLBACK (project_changed_cb), watch);
  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (modified_cb), watch);
  g_ptr_array_add (self->watches, watch);
}

/**
 * trellis_recovery_unwatch:
 *
 * Stops keeping a copy of @document, and keeps the one there is: as after a crash, it
 * will be offered at the next start.
 */
void
trellis_recovery_unwatch (TrellisRecovery *self,
                          TrellisDocument *document)
{
  guint index;

  g_return_if_fail (TRELLIS_IS_RECOVERY (self));
  g_return_if_fail (TRELLIS_IS_DOCUMENT (document));

  if (find_watch (self, document, &index) != NULL)
    g_ptr_array_remove_index (self->watches, index);
}

/**
 * trellis_recovery_discard:
 *
 * Stops keeping a copy of @document and deletes the one there is: its changes were
 * saved, or the user chose to discard them.
 */
void
trellis_recovery_discard (TrellisRecovery *self,
                          TrellisDocument *document)
{
  Watch *watch;

  g_return_if_fail (TRELLIS_IS_RECOVERY (self));
  g_return_if_fail (TRELLIS_IS_DOCUMENT (document));

  watch = find_watch (self, document, NULL);
  if (watch == NULL)
    return;
  watch_delete_copy (watch);
  trellis_recovery_unwatch (self, document);
}

/**
 * trellis_recovery_get_copy:
 *
 * Returns: (transfer none) (nullable): the copy of @document written so far, if any
 */
GFile *
trellis_recovery_get_copy (TrellisRecovery *self,
                           TrellisDocument *document)
{
  Watch *watch;

  g_return_val_if_fail (TRELLIS_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);

  watch = find_watch (self, document, NULL);
  return watch != NULL ? watch->copy : NULL;
}

/*****/

static GDateTime *
dup_modified_time (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
}

static TrellisRecoveryEntry *
read_entry (TrellisRecovery *self,
            GFile           *info_file)
{
  g_autoptr(TrellisRecoveryEntry) entry = g_new0 (TrellisRecoveryEntry, 1);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) original_time = NULL;
  g_autofree char *path = g_file_get_path (info_file);
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (INFO_SUFFIX));
  g_autofree char *copy_path = g_strconcat (stem, COPY_SUFFIX, NULL);
  g_autofree char *original = NULL;
  g_autofree char *name = NULL;

  entry->copy = g_file_new_for_path (copy_path);
  if (is_claimed (self, entry->copy))
    return NULL;
  /* A copy whose note was never written, or the other way round: nothing to offer. */
  if (!g_key_file_load_from_file (info, path, G_KEY_FILE_NONE, NULL)
      || (entry->saved = dup_modified_time (entry->copy)) == NULL)
    return NULL;

  original = g_key_file_get_string (info, INFO_GROUP, "original", NULL);
  if (original != NULL)
    entry->original = g_file_new_for_uri (original);
  /* The project was saved after the copy was written (by another program, or a Trellis
   * that read it since): the copy is out of date. */
  if (entry->original != NULL && (original_time = dup_modified_time (entry->original)) != NULL
      && g_date_time_compare (original_time, entry->saved) > 0)
    {
      delete_copy_files (entry->copy);
      return NULL;
    }

  name = g_key_file_get_string (info, INFO_GROUP, "name", NULL);
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = entry->original != NULL ? trellis_file_dup_display_basename (entry->original) : g_strdup (_("Unnamed Partnership"));
    }
  entry->name = g_steal_pointer (&name);
  return g_steal_pointer (&entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const TrellisRecoveryEntry *entry_a = *(TrellisRecoveryEntry **) a;
  const TrellisRecoveryEntry *entry_b = *(TrellisRecoveryEntry **) b;

  return g_date_time_compare (entry_b->saved, entry_a->saved);
}

/**
 * trellis_recovery_list:
 *
 * The copies of unsaved work that a Trellis which did not close cleanly left behind,
 * not counting this instance's own. Copies older than their project file are out of
 * date and deleted.
 *
 * Returns: (transfer container) (element-type TrellisRecoveryEntry): the copies, the
 *   newest first
 */
GPtrArray *
trellis_recovery_list (TrellisRecovery *self)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_recovery_entry_free);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  g_return_val_if_fail (TRELLIS_IS_RECOVERY (self), NULL);

  children = g_file_enumerate_children (self->directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      TrellisRecoveryEntry *entry;

      if (!g_str_has_suffix (g_file_info_get_name (info), INFO_SUFFIX))
        continue;
      entry = read_entry (self, child);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_newest_first);
  return g_steal_pointer (&entries);
}

/**
 * trellis_recovery_discard_entry:
 *
 * Deletes the copy: the user chose not to recover it.
 */
void
trellis_recovery_discard_entry (TrellisRecovery      *self,
                                TrellisRecoveryEntry *entry)
{
  g_return_if_fail (TRELLIS_IS_RECOVERY (self));
  g_return_if_fail (entry != NULL);

  delete_copy_files (entry->copy);
}
