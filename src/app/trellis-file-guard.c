/* trellis-file-guard.c: the project file an open document writes to: its lock, and
 * whether someone else changed it on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a shared drive a colleague may save the project the app has open; the app used to
 * write over their save without a word. While a document has a file, the guard holds
 * the file's lock (trellis-file-lock.c, the same one trellis-cli takes), renews it, and
 * watches the file: a change the app did not make itself (the file's modification time,
 * size or identity differ from those of the last load or save) sets
 * #TrellisFileGuard:changed-on-disk, and trellis_file_guard_check_before_save() refuses
 * to save over it. A lock held by someone else leaves the guard without one and says
 * by whom (trellis_file_guard_get_locked_by()): the document is then read-only.
 */
#define G_LOG_DOMAIN "trellis-file-guard"

#include "config.h"

#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trellis-file-guard.h"
#include "trellis-project-io.h"

typedef struct
{
  gboolean exists;
  dev_t    device;
  ino_t    inode;
  off_t    size;
  gint64   mtime_ns;
} DiskStamp;

struct _TrellisFileGuard
{
  GObject           parent_instance;

  GFile            *file;
  TrellisFileLock  *lock;        /* NULL when someone else holds it, or none can be made */
  char             *locked_by;   /* who holds it instead, for the user */
  GFileMonitor     *monitor;
  guint             renew_id;
  DiskStamp         stamp;       /* the file as the document last read or wrote it */
  gboolean          changed_on_disk;
};

G_DEFINE_FINAL_TYPE (TrellisFileGuard, trellis_file_guard, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHANGED_ON_DISK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The real file (links followed) as it is now. */
static DiskStamp
read_stamp (GFile *file)
{
  DiskStamp stamp = { FALSE, 0, 0, 0, 0 };
  const char *path = g_file_peek_path (file);
  GStatBuf st;

  if (path != NULL && g_stat (path, &st) == 0)
    {
      stamp.exists = TRUE;
      stamp.device = st.st_dev;
      stamp.inode = st.st_ino;
      stamp.size = st.st_size;
      stamp.mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
    }
  return stamp;
}

static gboolean
stamps_equal (const DiskStamp *a,
              const DiskStamp *b)
{
  return a->exists == b->exists && a->device == b->device && a->inode == b->inode &&
         a->size == b->size && a->mtime_ns == b->mtime_ns;
}

static void
set_changed_on_disk (TrellisFileGuard *self,
                     gboolean          changed)
{
  if (self->changed_on_disk == changed)
    return;
  self->changed_on_disk = changed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON_DISK]);
}

/* Our own saves come back as events too: only a file unlike the one we left counts. */
static void
monitor_changed_cb (TrellisFileGuard  *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event)
{
  DiskStamp current;

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;
  current = read_stamp (self->file);
  if (!stamps_equal (&current, &self->stamp))
    set_changed_on_disk (self, TRUE);
}

static gboolean
renew_lock_cb (gpointer user_data)
{
  TrellisFileGuard *self = user_data;

  if (self->lock != NULL && !trellis_file_lock_renew (self->lock))
    g_debug ("The lock on %s was taken over", g_file_peek_path (self->file));
  return G_SOURCE_CONTINUE;
}

static void
trellis_file_guard_dispose (GObject *object)
{
  TrellisFileGuard *self = (TrellisFileGuard *) object;

  g_clear_handle_id (&self->renew_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->lock, trellis_file_lock_release);

  G_OBJECT_CLASS (trellis_file_guard_parent_class)->dispose (object);
}

static void
trellis_file_guard_finalize (GObject *object)
{
  TrellisFileGuard *self = (TrellisFileGuard *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->locked_by, g_free);

  G_OBJECT_CLASS (trellis_file_guard_parent_class)->finalize (object);
}

static void
trellis_file_guard_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrellisFileGuard *self = TRELLIS_FILE_GUARD (object);

  switch (prop_id)
    {
    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_file_guard_class_init (TrellisFileGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_file_guard_dispose;
  object_class->finalize = trellis_file_guard_finalize;
  object_class->get_property = trellis_file_guard_get_property;

  /**
   * TrellisFileGuard:changed-on-disk:
   *
   * Whether the file changed on disk since the document last read or wrote it.
   */
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_file_guard_init (TrellisFileGuard *self)
{
}

/* Takes the lock if nobody else holds it. A folder where no lock file can be made
 * (read-only, or gone) is nobody else's lock: a save there fails, or not, by itself. */
static gboolean
take_lock (TrellisFileGuard  *self,
           GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_pointer (&self->lock, trellis_file_lock_release);
  self->lock = trellis_file_lock_acquire (self->file, "Trellis", 0, &local_error);
  if (self->lock == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BUSY))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_file_guard_new:
 * @file: the project file a document reads and writes
 *
 * Takes @file's lock at once if nobody else holds it, and starts watching @file. Call
 * it right after the file was read (or before it is first written).
 *
 * Returns: (transfer full): the guard
 */
TrellisFileGuard *
trellis_file_guard_new (GFile *file)
{
  TrellisFileGuard *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) watched = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TRELLIS_TYPE_FILE_GUARD, NULL);
  self->file = g_object_ref (file);
  self->stamp = read_stamp (file);
  if (!take_lock (self, &error))
    self->locked_by = g_strdup (error->message);
  else if (g_file_peek_path (file) != NULL &&
           (target = trellis_file_resolve_links (g_file_peek_path (file), NULL)) != NULL)
    /* Ours now: what interrupted saves left (comments and all) goes at once. */
    trellis_file_remove_save_leftovers (target);
  g_clear_pointer (&target, g_free);
  self->renew_id = g_timeout_add_seconds (TRELLIS_LOCK_RENEW_SECONDS, renew_lock_cb, self);

  /* The file a link points at is the one replaced on save. */
  if (g_file_peek_path (file) != NULL &&
      (target = trellis_file_resolve_links (g_file_peek_path (file), NULL)) != NULL)
    watched = g_file_new_for_path (target);
  self->monitor = g_file_monitor_file (watched != NULL ? watched : file, G_FILE_MONITOR_WATCH_MOVES,
                                       NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  return self;
}

GFile *
trellis_file_guard_get_file (TrellisFileGuard *self)
{
  g_return_val_if_fail (TRELLIS_IS_FILE_GUARD (self), NULL);
  return self->file;
}

/**
 * trellis_file_guard_get_locked_by:
 *
 * Returns: (nullable): when someone else held the file's lock as it was opened, a
 *   sentence saying who and since when; %NULL otherwise
 */
const char *
trellis_file_guard_get_locked_by (TrellisFileGuard *self)
{
  g_return_val_if_fail (TRELLIS_IS_FILE_GUARD (self), NULL);
  return self->locked_by;
}

gboolean
trellis_file_guard_get_changed_on_disk (TrellisFileGuard *self)
{
  g_return_val_if_fail (TRELLIS_IS_FILE_GUARD (self), FALSE);
  return self->changed_on_disk;
}

/**
 * trellis_file_guard_check_before_save:
 *
 * Checks, just before a save over the file, that nobody else holds its lock and that
 * it is still the file the document read or last wrote (the monitor may not have
 * reported a change yet, or at all on a network share).
 *
 * Returns: %FALSE with @error set (%G_IO_ERROR_BUSY or %G_IO_ERROR_WRONG_ETAG) when
 *   saving would write over someone else's work
 */
gboolean
trellis_file_guard_check_before_save (TrellisFileGuard  *self,
                                      GError           **error)
{
  DiskStamp current;

  g_return_val_if_fail (TRELLIS_IS_FILE_GUARD (self), FALSE);

  if (self->locked_by != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, self->locked_by);
      return FALSE;
    }
  /* Taken over meanwhile (by another window of this process, or as stale): taken back
   * unless someone else holds it now. */
  if (self->lock != NULL && !trellis_file_lock_is_held (self->lock) && !take_lock (self, error))
    return FALSE;

  current = read_stamp (self->file);
  if (!stamps_equal (&current, &self->stamp))
    {
      g_autofree char *name = trellis_file_dup_display_basename (self->file);

      set_changed_on_disk (self, TRUE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("“%s” was changed on disk by another program since it was opened here."), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_file_guard_saved:
 *
 * Records the file as the document has just written it: from now on, changes are
 * measured against this version.
 */
void
trellis_file_guard_saved (TrellisFileGuard *self)
{
  g_return_if_fail (TRELLIS_IS_FILE_GUARD (self));

  self->stamp = read_stamp (self->file);
  set_changed_on_disk (self, FALSE);
}
