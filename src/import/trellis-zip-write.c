/* trellis-zip-write.c: writing a ZIP container with libarchive
 *
 * The importer reads ZIP containers (XLSX, ODS) with libarchive; the hand-off exports
 * write one (an XLSForm workbook) with it, so this layer keeps the one library for both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "trellis-zip-write.h"

static la_ssize_t
append_bytes (struct archive *archive,
              void           *closure,
              const void     *buffer,
              size_t          length)
{
  g_byte_array_append (closure, buffer, (guint) length);
  return (la_ssize_t) length;
}

static gboolean
failed (struct archive  *archive,
        GError         **error)
{
  const char *detail = archive_error_string (archive);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook: %s"),
               detail != NULL ? detail : _("unknown error"));
  return FALSE;
}

static gboolean
write_part (struct archive  *archive,
            const char      *name,
            GBytes          *part,
            GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize size;
  const void *data = g_bytes_get_data (part, &size);
  gboolean ok;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) size);
  /* A fixed time: the same checklist writes the same bytes. */
  archive_entry_set_mtime (entry, 315532800, 0);
  ok = archive_write_header (archive, entry) == ARCHIVE_OK &&
       (size == 0 || archive_write_data (archive, data, size) == (la_ssize_t) size);
  archive_entry_free (entry);
  return ok || failed (archive, error);
}

/**
 * trellis_zip_write:
 * @names: (array length=n_parts): each part's path inside the container
 * @parts: (array length=n_parts): each part's bytes
 *
 * Returns: (transfer full) (nullable): the ZIP container (deflated parts), or %NULL
 *   with @error set
 */
GBytes *
trellis_zip_write (const char * const *names,
                   GBytes * const     *parts,
                   guint               n_parts,
                   GError            **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  struct archive *archive = archive_write_new ();
  gboolean ok;

  ok = archive_write_set_format_zip (archive) == ARCHIVE_OK &&
       archive_write_set_options (archive, "zip:compression=deflate") == ARCHIVE_OK &&
       archive_write_set_bytes_in_last_block (archive, 1) == ARCHIVE_OK &&
       archive_write_open (archive, out, NULL, append_bytes, NULL) == ARCHIVE_OK;
  if (!ok)
    failed (archive, error);
  for (guint i = 0; ok && i < n_parts; i++)
    ok = write_part (archive, names[i], parts[i], error);
  if (ok && archive_write_close (archive) != ARCHIVE_OK)
    ok = failed (archive, error);
  archive_write_free (archive);
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
