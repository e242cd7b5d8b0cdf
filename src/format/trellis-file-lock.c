/* trellis-file-lock.c: one writer at a time, by a lock file beside the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two imports into one project at the same moment both succeeded and the file then held
 * one new round, not two; the app would overwrite a colleague's save on a shared drive.
 * A writer (trellis-cli import and new; the app while a project is open for editing)
 * first creates “.~lock.NAME#” beside the project, as LibreOffice does, naming who,
 * where, which program and since when, and removes it when done. The lock file is
 * created whole and at once (written under a temporary name, then hard-linked to its
 * name, which fails if it exists), so nobody ever reads half a lock.
 *
 * A lock is stale, and taken over, when it is this process's own, when its process is gone (same computer: the
 * process id is not running, or the computer has restarted since) or when it has not
 * been renewed for TRELLIS_LOCK_STALE_SECONDS (another computer, which may have
 * crashed). Works on local disks and on network shares, which honour exclusive
 * creation and hard links; where hard links are missing, O_EXCL is used instead.
 */
#define G_LOG_DOMAIN "trellis-file-lock"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "trellis-file-lock.h"
#include "trellis-file-save.h"

#define GROUP            "Trellis lock"
#define POLL_INTERVAL_MS 100
/* A lock file still being written by its owner (only where there are no hard links). */
#define UNREADABLE_GRACE_SECONDS 10

struct _TrellisFileLock
{
  char *lock_path;  /* NULL for a file that is not local: nothing to lock */
  char *contents;   /* what we wrote, to tell our lock from a later owner's */
};

typedef struct
{
  char   *user;
  char   *host;
  char   *program;
  char   *boot_id;
  char   *since;
  gint64  pid;
} LockOwner;

static void
lock_owner_clear (LockOwner *owner)
{
  g_free (owner->user);
  g_free (owner->host);
  g_free (owner->program);
  g_free (owner->boot_id);
  g_free (owner->since);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LockOwner, lock_owner_clear)

/**
 * trellis_file_lock_path_for:
 *
 * Returns: (transfer full): the lock file of @target_path (already link-resolved)
 */
char *
trellis_file_lock_path_for (const char *target_path)
{
  g_autofree char *dir = g_path_get_dirname (target_path);
  g_autofree char *basename = g_path_get_basename (target_path);
  g_autofree char *name = g_strconcat (TRELLIS_LOCK_PREFIX, basename, TRELLIS_LOCK_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

static char *
dup_boot_id (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &text, NULL, NULL))
    return g_strdup ("");
  return g_strdup (g_strstrip (text));
}

static char *
build_contents (const char *program)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since = g_date_time_format_iso8601 (now);
  g_autofree char *boot_id = dup_boot_id ();
  const char *real_name = g_get_real_name ();

  g_key_file_set_string (key_file, GROUP, "User",
                         real_name != NULL && *real_name != '\0' && strcmp (real_name, "Unknown") != 0
                         ? real_name : g_get_user_name ());
  g_key_file_set_string (key_file, GROUP, "Login", g_get_user_name ());
  g_key_file_set_string (key_file, GROUP, "Host", g_get_host_name ());
  g_key_file_set_int64 (key_file, GROUP, "Pid", getpid ());
  g_key_file_set_string (key_file, GROUP, "BootId", boot_id);
  g_key_file_set_string (key_file, GROUP, "Program", program);
  g_key_file_set_string (key_file, GROUP, "Since", since);
  return g_key_file_to_data (key_file, NULL, NULL);
}

static gboolean
parse_owner (const char *contents,
             LockOwner  *owner)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  if (!g_key_file_load_from_data (key_file, contents, -1, G_KEY_FILE_NONE, NULL))
    return FALSE;
  owner->user = g_key_file_get_string (key_file, GROUP, "User", NULL);
  owner->host = g_key_file_get_string (key_file, GROUP, "Host", NULL);
  owner->program = g_key_file_get_string (key_file, GROUP, "Program", NULL);
  owner->boot_id = g_key_file_get_string (key_file, GROUP, "BootId", NULL);
  owner->since = g_key_file_get_string (key_file, GROUP, "Since", NULL);
  owner->pid = g_key_file_get_int64 (key_file, GROUP, "Pid", NULL);
  return owner->user != NULL && owner->host != NULL && owner->since != NULL;
}

static gboolean
process_is_gone (gint64 pid)
{
  return pid > 0 && pid <= G_MAXINT && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

static gboolean
owner_is_gone (const LockOwner *owner,
               gint64           age_seconds)
{
  g_autofree char *boot_id = NULL;

  if (age_seconds > TRELLIS_LOCK_STALE_SECONDS)
    return TRUE;
  if (g_strcmp0 (owner->host, g_get_host_name ()) != 0)
    return FALSE;
  boot_id = dup_boot_id ();
  if (*boot_id != '\0' && owner->boot_id != NULL && *owner->boot_id != '\0' &&
      strcmp (boot_id, owner->boot_id) != 0)
    return TRUE;
  /* This very process (a second window on the same project) takes its own lock over:
   * the lock keeps other programs out; within one process each document still checks
   * that the file is the one it read before writing it. */
  if (owner->pid == getpid ())
    return TRUE;
  return process_is_gone (owner->pid);
}

/* Creates the lock file whole, or finds it taken (FALSE, no error). */
static gboolean
try_create (const char  *lock_path,
            const char  *contents,
            gboolean    *created,
            GError     **error)
{
  g_autofree char *temp = g_strconcat (lock_path, ".XXXXXX", NULL);
  gsize length = strlen (contents);
  int saved_errno = 0;
  int fd;

  *created = FALSE;
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    saved_errno = errno;
  else
    {
      if (write (fd, contents, length) != (ssize_t) length)
        saved_errno = errno != 0 ? errno : EIO;
      close (fd);
      if (saved_errno == 0 && link (temp, lock_path) == 0)
        *created = TRUE;
      else if (saved_errno == 0 && errno != EEXIST)
        {
          /* No hard links here (some shares): exclusive creation instead. */
          fd = g_open (lock_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
          if (fd >= 0)
            {
              *created = write (fd, contents, length) == (ssize_t) length;
              close (fd);
            }
          else if (errno != EEXIST)
            saved_errno = errno;
        }
      g_unlink (temp);
    }
  if (saved_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot create its lock file (%s)"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Moves a stale lock aside and removes it, unless another writer replaced it in the
 * meantime, in which case theirs is put back. */
static void
break_stale (const char *lock_path,
             const char *stale_contents)
{
  g_autofree char *aside = g_strconcat (lock_path, ".XXXXXX", NULL);
  g_autofree char *moved = NULL;
  int fd = g_mkstemp_full (aside, O_WRONLY | O_CLOEXEC, 0644);

  if (fd < 0)
    return;
  close (fd);
  if (g_rename (lock_path, aside) == 0 &&
      g_file_get_contents (aside, &moved, NULL, NULL) && strcmp (moved, stale_contents) != 0)
    {
      if (link (aside, lock_path) != 0)
        g_debug ("A fresh lock %s was moved aside and could not be restored", lock_path);
    }
  g_unlink (aside);
}

static void
set_busy_error (GError          **error,
                const char       *target_path,
                const LockOwner  *owner)
{
  g_autofree char *name = g_filename_display_basename (target_path);
  g_autoptr(GDateTime) since_utc = g_date_time_new_from_iso8601 (owner->since, NULL);
  g_autoptr(GDateTime) since = since_utc != NULL ? g_date_time_to_local (since_utc) : NULL;
  /* Translators: when another program took the lock, see strftime(3) */
  g_autofree char *since_text = since != NULL ? g_date_time_format (since, _("%Y-%m-%d %H:%M"))
                                              : g_strdup (owner->since);
  /* Formatted apart: a G_GINT64_FORMAT inside the message would cut it short for xgettext. */
  g_autofree char *pid_text = g_strdup_printf ("%" G_GINT64_FORMAT, owner->pid);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
               /* Translators: “file” is being changed by user on host (program, process 1234) since date. */
               _("“%s” is being changed by %s on %s (%s, process %s) since %s."),
               name, owner->user, owner->host,
               owner->program != NULL ? owner->program : "?", pid_text, since_text);
}

/* One look at an existing lock: TRUE when it was stale and has been removed. */
static gboolean
remove_if_stale (const char *lock_path,
                 LockOwner  *owner)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gint64 age;

  if (g_stat (lock_path, &st) != 0)
    return TRUE;
  age = (gint64) time (NULL) - (gint64) st.st_mtime;
  if (!g_file_get_contents (lock_path, &contents, NULL, NULL))
    return TRUE;
  if (!parse_owner (contents, owner))
    {
      if (age <= UNREADABLE_GRACE_SECONDS)
        return FALSE;
    }
  else if (!owner_is_gone (owner, age))
    return FALSE;
  break_stale (lock_path, contents);
  return TRUE;
}

/**
 * trellis_file_lock_acquire:
 * @file: the project to lock (it need not exist yet)
 * @program: who takes the lock, for messages to others (“trellis-cli”, “Trellis”)
 * @wait_ms: how long to wait for another writer to finish
 *
 * Takes the lock on @file, waiting up to @wait_ms for another writer, and taking over a
 * lock whose owner is gone. A file that is not local is not locked (the lock is
 * returned all the same).
 *
 * Returns: (transfer full) (nullable): the lock, to release with
 *   trellis_file_lock_release(); or %NULL with @error set: %G_IO_ERROR_BUSY naming who
 *   has it and since when, or why the lock file could not be made
 */
TrellisFileLock *
trellis_file_lock_acquire (GFile       *file,
                           const char  *program,
                           guint        wait_ms,
                           GError     **error)
{
  g_autoptr(TrellisFileLock) lock = g_new0 (TrellisFileLock, 1);
  g_autofree char *target_path = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) wait_ms * 1000;
  guint n_stale = 0;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (program != NULL, NULL);

  path = g_file_peek_path (file);
  if (path == NULL)
    return g_steal_pointer (&lock);
  target_path = trellis_file_resolve_links (path, error);
  if (target_path == NULL)
    return NULL;
  lock->lock_path = trellis_file_lock_path_for (target_path);
  lock->contents = build_contents (program);

  for (;;)
    {
      g_auto(LockOwner) owner = { NULL };
      gboolean created;

      if (!try_create (lock->lock_path, lock->contents, &created, error))
        {
          g_clear_pointer (&lock->lock_path, g_free);
          return NULL;
        }
      if (created)
        return g_steal_pointer (&lock);
      /* Bounded: a stale lock that cannot be removed must not spin for ever. */
      if (n_stale < 10 && remove_if_stale (lock->lock_path, &owner))
        {
          n_stale++;
          continue;
        }
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *name = g_filename_display_basename (target_path);

          if (owner.user != NULL)
            set_busy_error (error, target_path, &owner);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                         _("“%s” is being changed by another program."),
                         name);
          /* Not ours: release must not remove it. */
          g_clear_pointer (&lock->lock_path, g_free);
          return NULL;
        }
      g_usleep (POLL_INTERVAL_MS * 1000);
    }
}

/**
 * trellis_file_lock_is_held:
 *
 * Returns: whether the lock file is still the one @lock made (nobody took it over)
 */
gboolean
trellis_file_lock_is_held (TrellisFileLock *lock)
{
  g_autofree char *contents = NULL;

  g_return_val_if_fail (lock != NULL, FALSE);
  if (lock->lock_path == NULL)
    return TRUE;
  return g_file_get_contents (lock->lock_path, &contents, NULL, NULL) &&
         strcmp (contents, lock->contents) == 0;
}

/**
 * trellis_file_lock_renew:
 *
 * Marks the lock as still in use, so that no other computer takes it to be stale.
 *
 * Returns: whether the lock is still held
 */
gboolean
trellis_file_lock_renew (TrellisFileLock *lock)
{
  g_return_val_if_fail (lock != NULL, FALSE);
  if (!trellis_file_lock_is_held (lock))
    return FALSE;
  return lock->lock_path == NULL || g_utime (lock->lock_path, NULL) == 0;
}

/**
 * trellis_file_lock_release:
 *
 * Removes the lock file if it is still this lock's, and frees @lock.
 */
void
trellis_file_lock_release (TrellisFileLock *lock)
{
  if (lock == NULL)
    return;
  if (lock->lock_path != NULL && lock->contents != NULL && trellis_file_lock_is_held (lock))
    g_unlink (lock->lock_path);
  g_free (lock->lock_path);
  g_free (lock->contents);
  g_free (lock);
}
