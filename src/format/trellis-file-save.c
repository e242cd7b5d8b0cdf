/* trellis-file-save.c: replacing a file so that it is always either the old or the new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * g_file_replace_contents() is not enough for a project: after a failed write (disk
 * full) its close still moves the half-written temporary over the file, and a file
 * reached through a symbolic link or with a second hard link is rewritten in place, so
 * that a crash in the middle leaves it cut short. Here, for a local file:
 *
 *  1. symbolic links are followed to the real file, which is the one replaced (the link
 *     stays a link, still pointing at it);
 *  2. the new content is written to a temporary file in the real file's folder, flushed
 *     to disk (fsync) and closed; any error removes it and leaves everything as it was;
 *  3. the backup “NAME~” is made by giving the current file a second name (a hard link,
 *     renamed into place; a copy where the file system has no hard links), so that it is
 *     never a half-written file either;
 *  4. the temporary file is renamed over the real file, which is atomic, and the folder
 *     is flushed.
 *
 * A kill at any moment leaves NAME either complete and old or complete and new, and
 * NAME~ either the previous backup or a complete copy of the old NAME.
 *
 * Hard links: a file with other names (st_nlink > 1) is replaced like any other, which
 * detaches this name from them: the other names keep the complete previous version.
 * Rewriting the shared data in place instead could leave every name holding a cut-off
 * file, and would change the copies that backup tools (rsnapshot, rsync --link-dest,
 * Time Machine) keep as hard links. The caller is told, so that it can say so.
 *
 * Temporaries are named TRELLIS_SAVE_TEMP_PREFIX + NAME + ".XXXXXX" so that the next save
 * of NAME removes any that an interrupted save left behind, comments and all.
 */
#define G_LOG_DOMAIN "trellis-file-save"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "trellis-file-save.h"

/* More links than this in a chain is a loop, as the kernel's own limit (ELOOP). */
#define MAX_LINK_DEPTH 40
/* GIO's own temporaries are only ours if they hold a project and nobody is writing them. */
#define GIO_TEMP_PREFIX       ".goutputstream-"
#define GIO_TEMP_MIN_AGE_SECS (10 * 60)

/* Messages name what failed, not the file: the caller says which file it was saving. */
static void G_GNUC_PRINTF (3, 4)
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 ...)
{
  va_list args;

  if (error == NULL)
    return;
  va_start (args, format);
  *error = g_error_new_valist (G_IO_ERROR, g_io_error_from_errno (saved_errno), format, args);
  va_end (args);
}

/**
 * trellis_file_resolve_links:
 * @path: a file name, which may or may not exist
 *
 * Follows symbolic links from @path to the file they end at (which need not exist yet:
 * a dangling link names where a new file goes).
 *
 * Returns: (transfer full) (nullable): the final file name, or %NULL with @error set for
 *   a loop of links
 */
char *
trellis_file_resolve_links (const char  *path,
                            GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < MAX_LINK_DEPTH; depth++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return g_steal_pointer (&current);
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }
  set_errno_error (error, ELOOP, _("it cannot be reached through its links (%s)"), g_strerror (ELOOP));
  return NULL;
}

static gboolean
is_own_temporary (const char *entry,
                  const char *prefix,
                  const char *basename)
{
  gsize prefix_length = strlen (prefix);
  gsize name_length = strlen (basename);

  /* PREFIX NAME "." XXXXXX */
  return strlen (entry) == prefix_length + name_length + 7 &&
         g_str_has_prefix (entry, prefix) &&
         strncmp (entry + prefix_length, basename, name_length) == 0 &&
         entry[prefix_length + name_length] == '.';
}

/* A GIO temporary of an earlier Trellis: old enough that no save is still writing it,
 * and holding a project (other programs' temporaries are left alone). */
static gboolean
is_old_gio_project_temporary (const char *dir,
                              const char *entry)
{
  g_autofree char *path = NULL;
  char head[1024];
  GStatBuf st;
  ssize_t n;
  int fd;

  if (!g_str_has_prefix (entry, GIO_TEMP_PREFIX))
    return FALSE;
  path = g_build_filename (dir, entry, NULL);
  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
      time (NULL) - st.st_mtime < GIO_TEMP_MIN_AGE_SECS)
    return FALSE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head - 1);
  close (fd);
  if (n <= 0)
    return n == 0;
  head[n] = '\0';
  return strstr (head, "<trellis-project") != NULL;
}

/**
 * trellis_file_remove_save_leftovers:
 * @target_path: the real (link-resolved) file whose folder is cleaned
 *
 * Removes the temporaries that interrupted saves of @target_path left in its folder.
 * A save that is still running elsewhere and loses its temporary this way fails with
 * an error and changes nothing (its rename finds no file): it never corrupts.
 *
 * Returns: how many were removed
 */
guint
trellis_file_remove_save_leftovers (const char *target_path)
{
  g_autofree char *dir_name = g_path_get_dirname (target_path);
  g_autofree char *basename = g_path_get_basename (target_path);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *entry;
  guint removed = 0;

  if (dir == NULL)
    return 0;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      if (is_own_temporary (entry, TRELLIS_SAVE_TEMP_PREFIX, basename) ||
          is_own_temporary (entry, TRELLIS_BACKUP_TEMP_PREFIX, basename) ||
          is_old_gio_project_temporary (dir_name, entry))
        {
          g_autofree char *path = g_build_filename (dir_name, entry, NULL);

          if (g_unlink (path) == 0)
            removed++;
        }
    }
  return removed;
}

static int
open_temporary (const char  *target_path,
                const char  *prefix,
                char       **temp_path,
                GError     **error)
{
  g_autofree char *dir_name = g_path_get_dirname (target_path);
  g_autofree char *basename = g_path_get_basename (target_path);
  g_autofree char *template = g_strconcat (prefix, basename, ".XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir_name, template, NULL);
  int fd;

  /* 0666 minus the umask, as any new file; an existing file's mode is copied below. */
  fd = g_mkstemp_full (path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_errno_error (error, saved_errno, _("cannot create a file in its folder (%s)"), g_strerror (saved_errno));
      return -1;
    }
  *temp_path = g_steal_pointer (&path);
  return fd;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      ssize_t n = write (fd, data, MIN (size, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      size -= n;
    }
  return TRUE;
}

/* Writes @data to @fd, flushes it to the disk and closes @fd whatever happens.
 * Delayed allocation means a full disk may only show at fsync() or close(). */
static gboolean
write_flush_close (int           fd,
                   const guint8 *data,
                   gsize         size,
                   GError      **error)
{
  int saved_errno = 0;

  if (!write_all (fd, data, size) || fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      set_errno_error (error, saved_errno, "%s", g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Gives the new file the old one's permissions and, where allowed, its owner. */
static void
copy_mode (int             fd,
           const GStatBuf *old)
{
  if (fchmod (fd, old->st_mode & 07777) != 0)
    g_debug ("Could not copy the mode: %s", g_strerror (errno));
  if ((old->st_uid != getuid () || old->st_gid != getgid ()) &&
      fchown (fd, old->st_uid, old->st_gid) != 0)
    g_debug ("Could not copy the owner: %s", g_strerror (errno));
}

static gboolean
copy_to_backup (const char  *target_path,
                const char  *backup_temp,
                GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  int fd;

  if (!g_file_get_contents (target_path, &contents, &length, error))
    return FALSE;
  fd = g_open (backup_temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_errno_error (error, saved_errno, _("cannot keep the previous version as a backup (%s)"), g_strerror (saved_errno));
      return FALSE;
    }
  return write_flush_close (fd, (const guint8 *) contents, length, error);
}

static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The names @target_path's data has besides @target_path and its own backup. */
static guint
count_other_names (const char     *target_path,
                   const GStatBuf *st)
{
  g_autofree char *backup_path = g_strconcat (target_path, "~", NULL);
  guint others = st->st_nlink > 0 ? st->st_nlink - 1 : 0;

  if (others > 0 && is_same_file (target_path, backup_path))
    others--;
  return others;
}

/* Makes NAME~ a complete copy of NAME, atomically: a second name for the same data
 * (or a copy where there are no hard links) under a temporary name, renamed into place. */
static gboolean
make_backup (const char  *target_path,
             GError     **error)
{
  g_autofree char *backup_path = g_strconcat (target_path, "~", NULL);
  g_autofree char *backup_temp = NULL;
  int fd;

  /* A save killed between its backup and its rename left NAME~ as a second name of
   * NAME: the backup is there already (and rename() between two names of one file
   * does nothing, which would leave the temporary name behind). */
  if (is_same_file (target_path, backup_path))
    return TRUE;

  /* A unique free name, then let link() or the copy take it. */
  fd = open_temporary (target_path, TRELLIS_BACKUP_TEMP_PREFIX, &backup_temp, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  g_unlink (backup_temp);

  if (link (target_path, backup_temp) != 0 && !copy_to_backup (target_path, backup_temp, error))
    {
      g_unlink (backup_temp);
      return FALSE;
    }
  if (g_rename (backup_temp, backup_path) != 0)
    {
      int saved_errno = errno;

      set_errno_error (error, saved_errno, _("cannot keep the previous version as a backup (%s)"), g_strerror (saved_errno));
      g_unlink (backup_temp);
      return FALSE;
    }
  return TRUE;
}

/* So that the rename itself survives a power cut; some file systems cannot, which is
 * no reason to fail a save that has happened. */
static void
flush_folder (const char *target_path)
{
  g_autofree char *dir_name = g_path_get_dirname (target_path);
  int fd = g_open (dir_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
check_regular_file (const GStatBuf  *st,
                    GError         **error)
{
  if (S_ISREG (st->st_mode))
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR,
                       S_ISDIR (st->st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                       S_ISDIR (st->st_mode) ? _("it is a folder, not a file")
                                             : _("it is not a regular file but a device, a named pipe or a socket"));
  return FALSE;
}

static gboolean
replace_local (const char         *path,
               GBytes             *contents,
               TrellisSaveFlags    flags,
               TrellisSaveResult  *result,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autofree char *target_path = NULL;
  g_autofree char *temp_path = NULL;
  GStatBuf st;
  gboolean exists;
  guint other_names;
  gsize size;
  const guint8 *data = g_bytes_get_data (contents, &size);
  int fd;

  target_path = trellis_file_resolve_links (path, error);
  if (target_path == NULL)
    return FALSE;
  exists = g_stat (target_path, &st) == 0;
  if (exists && !check_regular_file (&st, error))
    return FALSE;

  /* Leftovers may be further names of the file (a backup's hard link): removed first,
   * so that the count of its names below is the user's. */
  result->removed_temporaries = trellis_file_remove_save_leftovers (target_path);
  if (exists && g_stat (target_path, &st) != 0)
    exists = FALSE;
  other_names = exists ? count_other_names (target_path, &st) : 0;

  fd = open_temporary (target_path, TRELLIS_SAVE_TEMP_PREFIX, &temp_path, error);
  if (fd < 0)
    return FALSE;
  if (exists)
    copy_mode (fd, &st);
  if (!write_flush_close (fd, data, size, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (exists && (flags & TRELLIS_SAVE_BACKUP) && !make_backup (target_path, error)))
    {
      g_unlink (temp_path);
      return FALSE;
    }
  if (g_rename (temp_path, target_path) != 0)
    {
      int saved_errno = errno;

      set_errno_error (error, saved_errno, _("cannot replace it (%s)"), g_strerror (saved_errno));
      g_unlink (temp_path);
      return FALSE;
    }
  flush_folder (target_path);
  result->broke_hard_link = other_names > 0;
  return TRUE;
}

/* A file without a local path (a GVfs location): GIO's replace, but a failed write
 * cancels the stream before closing it, which makes GIO discard the temporary file
 * instead of moving it over the original. */
static gboolean
replace_remote (GFile         *file,
                GBytes        *contents,
                gboolean       backup,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GCancellable) abort_write = g_cancellable_new ();
  g_autoptr(GFileOutputStream) stream = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (contents, &size);

  stream = g_file_replace (file, NULL, backup, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, cancellable, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_cancellable_cancel (abort_write);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort_write, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/**
 * trellis_file_replace_safely:
 * @file: the file to write (it need not exist)
 * @contents: its new content
 * @result: (out caller-allocates) (optional): what the save had to do besides
 *
 * Replaces @file with @contents so that at every moment, whatever fails and even if the
 * process is killed, @file is either complete and old or complete and new (see the top
 * of this file). A folder, device, named pipe or socket is refused.
 *
 * Returns: whether @file now holds @contents
 */
gboolean
trellis_file_replace_safely (GFile              *file,
                             GBytes             *contents,
                             TrellisSaveFlags    flags,
                             TrellisSaveResult  *result,
                             GCancellable       *cancellable,
                             GError            **error)
{
  TrellisSaveResult ignored;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (result == NULL)
    result = &ignored;
  memset (result, 0, sizeof *result);
  path = g_file_peek_path (file);
  if (path == NULL)
    return replace_remote (file, contents, flags & TRELLIS_SAVE_BACKUP, cancellable, error);
  return replace_local (path, contents, flags, result, cancellable, error);
}
