/* trellis-file-util.c: reading files safely, and naming them in messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "trellis-file-util.h"

/* Read as a chunk at a time so that a file growing while it is read, or a device that
 * reports no size, still stops at the limit. */
#define READ_CHUNK_SIZE (256 * 1024)

/**
 * trellis_file_dup_display_basename:
 *
 * Returns: (transfer full): the file's name for messages and for the project, in UTF-8
 *   whatever the file system's names are in ("caf\xe9.csv" becomes "caf\ufffd.csv")
 */
char *
trellis_file_dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

/* What a file that is not a regular file is, for a message; %NULL for a regular file. */
static const char *
describe_special (mode_t mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISDIR (mode))
    return _("it is a folder, not a file");
  if (S_ISFIFO (mode))
    return _("it is a named pipe, not a file");
  if (S_ISSOCK (mode))
    return _("it is a socket, not a file");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("it is a device, not a file");
  return _("it is not a regular file");
}

/* Opens a local file for reading without ever blocking (a named pipe with no writer
 * would block open() for ever) and refuses anything but a regular file. */
static int
open_regular (const char  *path,
              GError     **error)
{
  struct stat st;
  int fd;
  int saved_errno;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return -1;
    }
  if (fstat (fd, &st) != 0 || describe_special (st.st_mode) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR,
                           S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                           describe_special (st.st_mode));
      close (fd);
      return -1;
    }
  /* Regular files never block; reads are plain from here on. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

/**
 * trellis_file_check_regular:
 *
 * Refuses, at once and without opening it, a folder, device, named pipe or socket.
 * Symbolic links are followed. A file that does not exist passes: opening it says so.
 *
 * Returns: %FALSE with @error set (%G_IO_ERROR_NOT_REGULAR_FILE or
 *   %G_IO_ERROR_IS_DIRECTORY, a message such as “it is a named pipe, not a file”)
 */
gboolean
trellis_file_check_regular (GFile   *file,
                            GError **error)
{
  const char *path = g_file_peek_path (file);
  GStatBuf st;

  if (path == NULL || g_stat (path, &st) != 0 || describe_special (st.st_mode) == NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR,
                       S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                       describe_special (st.st_mode));
  return FALSE;
}

static GBytes *
read_local_at_most (const char    *path,
                    gsize          limit,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  int fd = open_regular (path, error);

  if (fd < 0)
    return NULL;
  for (;;)
    {
      gsize old_length = buffer->len;
      ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
      g_byte_array_set_size (buffer, old_length + READ_CHUNK_SIZE);
      n = read (fd, buffer->data + old_length, READ_CHUNK_SIZE);
      if (n < 0 && errno == EINTR)
        {
          g_byte_array_set_size (buffer, old_length);
          continue;
        }
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
          return NULL;
        }
      g_byte_array_set_size (buffer, old_length + n);
      /* End of file, or one byte past the limit: enough for the caller to refuse it. */
      if (n == 0 || buffer->len > limit)
        break;
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * trellis_file_read_head:
 *
 * Reads up to @limit bytes from the start of @file, if it is a regular local file.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL for a file that is missing,
 *   unreadable, remote or not a regular file
 */
GBytes *
trellis_file_read_head (GFile *file,
                        gsize  limit)
{
  const char *path = g_file_peek_path (file);
  g_autofree guint8 *data = NULL;
  ssize_t n;
  int fd;

  if (path == NULL || (fd = open_regular (path, NULL)) < 0)
    return NULL;
  data = g_malloc (MAX (limit, 1));
  do
    n = read (fd, data, limit);
  while (n < 0 && errno == EINTR);
  close (fd);
  if (n < 0)
    return NULL;
  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (n, 1)), n);
}

/**
 * trellis_file_read_at_most:
 * @limit: the most bytes wanted
 *
 * Reads @file a chunk at a time and stops one byte past @limit, so that a file growing
 * while it is read cannot fill memory. A local file that is not a regular file (a
 * device such as /dev/zero, a named pipe, a socket, a folder) is refused before any of
 * it is read, and never blocks: see trellis_file_check_regular().
 *
 * Returns: (transfer full): the bytes, more than @limit of them when the file is too
 *   large; or %NULL with @error set as GIO set it
 */
GBytes *
trellis_file_read_at_most (GFile         *file,
                            gsize          limit,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;

  if (g_file_peek_path (file) != NULL)
    return read_local_at_most (g_file_peek_path (file), limit, cancellable, error);

  buffer = g_byte_array_new ();
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (G_INPUT_STREAM (stream), READ_CHUNK_SIZE,
                                                           cancellable, error);
      gsize chunk_size;
      const guint8 *chunk_data;

      if (chunk == NULL)
        return NULL;
      chunk_data = g_bytes_get_data (chunk, &chunk_size);
      if (chunk_size == 0)
        break;
      g_byte_array_append (buffer, chunk_data, chunk_size);
      /* One byte past the limit is enough for the caller to refuse it. */
      if (buffer->len > limit)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
