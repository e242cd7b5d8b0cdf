/* trellis-file-util.c: reading files safely, and naming them in messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

/**
 * trellis_file_read_at_most:
 * @limit: the most bytes wanted
 *
 * Reads @file a chunk at a time and stops one byte past @limit, so that a device such
 * as /dev/zero, a pipe, or a file growing while it is read cannot fill memory.
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
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

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
