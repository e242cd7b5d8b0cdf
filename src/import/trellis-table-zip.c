/* trellis-table-zip.c: the ZIP container and XML parts of XLSX and ODS files, read safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-table"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "trellis-table-zip.h"
#include "trellis-table-private.h"
#include "trellis-table-reader.h"

/* A workbook has a dozen parts; thousands mean something built to hurt. */
#define MAX_ENTRIES 10000

gboolean
_trellis_zip_is_zip (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return size >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

/* Only the parts a reader looks at are unpacked: images and the like are skipped
 * without being inflated. */
static gboolean
is_wanted_part (const char *name)
{
  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels") ||
         g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".tsv") ||
         g_str_has_suffix (name, ".txt") || strcmp (name, "mimetype") == 0;
}

static void
set_corrupt (GError         **error,
             const char      *display_name,
             struct archive  *archive)
{
  const char *detail = archive_error_string (archive);

  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("the file is damaged or incomplete (%s)"),
                             detail != NULL ? detail : _("unreadable ZIP container"));
}

/* What the parts of a ZIP file of @size bytes may unpack to: a zipped export of any size
 * unpacks to 5 to 30 times its size, a bomb to a thousand. Below the floor any ratio is
 * allowed, as a tiny file of repeated answers compresses well; above it, no more than
 * this machine's budget either. */
static guint64
max_unpacked_size (gsize size)
{
  guint64 by_ratio = MAX (TRELLIS_TABLE_MIN_UNPACKED_LIMIT, (guint64) size * TRELLIS_TABLE_MAX_ZIP_RATIO);

  return MIN (by_ratio, _trellis_table_memory_budget ());
}

static void
set_too_large (GError     **error,
               const char  *display_name,
               guint64      limit)
{
  g_autofree char *limit_text = _trellis_table_dup_megabytes (limit);

  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("the file unpacks to more than %s, over %d times its own size, "
                               "which no survey export does; it may be built to fill memory"),
                             limit_text, TRELLIS_TABLE_MAX_ZIP_RATIO);
}

static void
release_archive (struct archive *archive)
{
  archive_read_free (archive);
}

typedef struct archive TrellisArchive;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisArchive, release_archive)

/**
 * _trellis_zip_read_table:
 * @not_zip_message: what to say when @bytes is no ZIP container at all
 * @read_parts: the format's reader of the container's parts
 *
 * What every ZIP-based reader does first: check the container, extract its parts within
 * the limits, and hand them to @read_parts.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
TrellisTable *
_trellis_zip_read_table (GBytes                *bytes,
                         const char            *display_name,
                         const char            *not_zip_message,
                         TrellisZipPartsReader  read_parts,
                         GError               **error)
{
  g_autoptr(GHashTable) parts = NULL;

  if (!_trellis_zip_is_zip (bytes))
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_UNKNOWN_FORMAT, display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 "%s", not_zip_message);
      return NULL;
    }
  parts = _trellis_zip_extract (bytes, display_name, error);
  if (parts == NULL)
    return NULL;
  return read_parts (parts, display_name, error);
}

/* One entry of a ZIP, read as it is inflated, no further than the ZIP may unpack to. */
typedef struct
{
  struct archive *archive;
  const char     *display_name;
  guint64         unpacked;
  guint64         limit;
} ZipEntry;

static gboolean
read_zip_entry (gpointer       source,
                char          *buffer,
                gsize          size,
                gsize         *n_read,
                GCancellable  *cancellable,
                GError       **error)
{
  ZipEntry *entry = source;
  gsize total = 0;

  while (total < size)
    {
      la_ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n = archive_read_data (entry->archive, buffer + total, size - total);
      if (n < 0)
        {
          set_corrupt (error, entry->display_name, entry->archive);
          return FALSE;
        }
      if (n == 0)
        break;
      total += n;
      entry->unpacked += n;
      if (entry->unpacked > entry->limit)
        {
          set_too_large (error, entry->display_name, entry->limit);
          return FALSE;
        }
    }
  *n_read = total;
  return TRUE;
}

static gboolean
is_text_part (const char *name)
{
  return g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".tsv") || g_str_has_suffix (name, ".txt");
}

/* The one text part of a ZIP that holds nothing else a reader knows, or NULL. */
static char *
find_only_text_part (GBytes             *bytes,
                     const char * const *markers)
{
  g_autoptr(TrellisArchive) archive = archive_read_new ();
  struct archive_entry *entry;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);
  g_autofree char *found = NULL;
  guint n_entries = 0;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, size) != ARCHIVE_OK)
    return NULL;
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);

      if (++n_entries > MAX_ENTRIES || name == NULL)
        return NULL;
      for (guint i = 0; markers[i] != NULL; i++)
        if (strcmp (name, markers[i]) == 0)
          return NULL;
      if (archive_entry_filetype (entry) == AE_IFREG && is_text_part (name))
        {
          if (found != NULL)
            return NULL;
          found = g_strdup (name);
        }
    }
  return g_steal_pointer (&found);
}

/**
 * _trellis_zip_read_text:
 * @markers: (array zero-terminated=1): parts that make a ZIP a spreadsheet
 * @handled: (out): %FALSE when the ZIP is not one zipped text export, or its text is
 *   not UTF-8: the caller then reads it as before, whole
 *
 * Reads the one delimited text export a ZIP holds (Google Forms downloads its CSV so)
 * as it is inflated, a piece at a time: a zipped export of any size needs memory for
 * its table only.
 *
 * Returns: (transfer full): the table, or %NULL with @error set or @handled %FALSE
 */
TrellisTable *
_trellis_zip_read_text (GBytes              *bytes,
                        const char          *display_name,
                        const char * const  *markers,
                        GCancellable        *cancellable,
                        gboolean            *handled,
                        GError             **error)
{
  g_autofree char *part = find_only_text_part (bytes, markers);
  g_autoptr(TrellisArchive) archive = NULL;
  g_autoptr(GBytes) head = NULL;
  struct archive_entry *entry;
  ZipEntry source = { NULL, display_name, 0, max_unpacked_size (g_bytes_get_size (bytes)) };
  char head_data[4096];
  gsize size, head_size = 0;
  const void *data = g_bytes_get_data (bytes, &size);
  TrellisTable *table;
  gboolean not_utf8 = FALSE;

  *handled = FALSE;
  if (part == NULL)
    return NULL;
  archive = archive_read_new ();
  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, size) != ARCHIVE_OK)
    return NULL;
  for (;;)
    {
      if (archive_read_next_header (archive, &entry) != ARCHIVE_OK)
        return NULL;
      if (g_strcmp0 (archive_entry_pathname (entry), part) == 0)
        break;
    }

  *handled = TRUE;
  source.archive = archive;
  if (!read_zip_entry (&source, head_data, sizeof head_data, &head_size, cancellable, error))
    return NULL;
  head = g_bytes_new (head_data, head_size);
  if (_trellis_csv_is_utf16 (head))
    {
      *handled = FALSE;
      return NULL;
    }
  table = _trellis_table_read_csv_source (read_zip_entry, &source, head, display_name, 0,
                                          cancellable, &not_utf8, error);
  if (not_utf8)
    *handled = FALSE;
  return table;
}

/**
 * _trellis_zip_extract:
 *
 * Unpacks the XML and text parts of a ZIP file, stopping as soon as they add up to more
 * than max_unpacked_size(), whatever the entries claim their sizes are.
 *
 * Returns: (transfer full): part name → #GBytes, or %NULL with @error set
 */
GHashTable *
_trellis_zip_extract (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_bytes_unref);
  g_autoptr(TrellisArchive) archive = archive_read_new ();
  struct archive_entry *entry;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);
  gsize unpacked = 0;
  guint64 limit = max_unpacked_size (size);
  guint n_entries = 0;
  int status;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, size) != ARCHIVE_OK)
    {
      set_corrupt (error, display_name, archive);
      return NULL;
    }

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autoptr(GByteArray) content = NULL;
      char buffer[16384];
      la_ssize_t n_read;

      if (++n_entries > MAX_ENTRIES)
        {
          _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, display_name,
                                     TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                     _("the ZIP file holds more than %d files, which no spreadsheet does"),
                                     MAX_ENTRIES);
          return NULL;
        }
      if (name == NULL || archive_entry_filetype (entry) != AE_IFREG || !is_wanted_part (name) ||
          g_hash_table_contains (parts, name))
        continue;

      /* An entry that says it is too large is believed at once: inflating 256 MB to find
       * out took over a second, which made every fuzzing run of such a file crawl. One
       * that says less is still counted byte by byte below. */
      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) >= 0 &&
          (guint64) archive_entry_size (entry) > limit - unpacked)
        {
          set_too_large (error, display_name, limit);
          return NULL;
        }
      content = g_byte_array_new ();
      while ((n_read = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          unpacked += n_read;
          if (unpacked > limit)
            {
              set_too_large (error, display_name, limit);
              return NULL;
            }
          g_byte_array_append (content, (const guint8 *) buffer, n_read);
        }
      if (n_read < 0)
        {
          set_corrupt (error, display_name, archive);
          return NULL;
        }
      g_hash_table_insert (parts, g_strdup (name), g_byte_array_free_to_bytes (g_steal_pointer (&content)));
    }
  if (status != ARCHIVE_EOF)
    {
      set_corrupt (error, display_name, archive);
      return NULL;
    }
  return g_steal_pointer (&parts);
}

static void
record_xml_error (void        *user_data,
                  xmlErrorPtr  xml_error)
{
  TrellisXmlPart *part = user_data;

  if (part->message == NULL && xml_error != NULL && xml_error->level >= XML_ERR_ERROR)
    part->message = g_strstrip (g_strdup_printf ("%s (line %d)",
                                                 xml_error->message != NULL ? xml_error->message : "",
                                                 xml_error->line));
}

static void
set_malformed (TrellisXmlPart  *part,
               GError         **error)
{
  g_autofree char *message = g_strdup (part->message);

  if (message != NULL)
    g_strdelimit (message, "\n", ' ');
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, part->display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("the file is damaged or incomplete: its part “%s” is not well-formed XML (%s)"),
                             part->part_name, message != NULL ? message : _("unexpected end"));
}

static void
set_forbidden (TrellisXmlPart  *part,
               GError         **error)
{
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_FORBIDDEN, part->display_name,
                             TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                             _("its part “%s” declares a DTD or entities, which no spreadsheet program writes; it was not read"),
                             part->part_name);
}

/* Spreadsheet programs write their XML in UTF-8. A part declaring another encoding is
 * refused before libxml2 converts it, since conversion errors bypass the parser's error
 * handler and would reach the terminal. */
static gboolean
declares_utf8 (const char *data,
               gsize       size)
{
  gsize length = MIN (size, 256);
  const char *end, *encoding, *quote;
  char value[16];
  gsize n;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;
  /* What libxml2 would take for UTF-16, UCS-4 or EBCDIC ("<?xm" in code page 37). */
  if (length >= 2 && ((guchar) data[0] == 0xfe || (guchar) data[0] == 0xff || data[0] == 0 || data[1] == 0))
    return FALSE;
  if (length >= 4 && memcmp (data, "\x4c\x6f\xa7\x94", 4) == 0)
    return FALSE;
  if (length < 5 || memcmp (data, "<?xml", 5) != 0)
    return TRUE;
  end = g_strstr_len (data, length, "?>");
  if (end == NULL)
    return FALSE;
  encoding = g_strstr_len (data, end - data, "encoding");
  if (encoding == NULL)
    return TRUE;
  encoding += strlen ("encoding");
  while (encoding < end && (*encoding == ' ' || *encoding == '=' || *encoding == '\t'))
    encoding++;
  if (encoding >= end || (*encoding != '"' && *encoding != '\''))
    return FALSE;
  quote = memchr (encoding + 1, *encoding, end - encoding - 1);
  if (quote == NULL)
    return FALSE;
  n = quote - encoding - 1;
  if (n >= sizeof value)
    return FALSE;
  memcpy (value, encoding + 1, n);
  value[n] = '\0';
  return g_ascii_strcasecmp (value, "UTF-8") == 0 || g_ascii_strcasecmp (value, "UTF8") == 0;
}

/* Whether @data holds "<!DOCTYPE" or "<!ENTITY". A scan for the rare "!" rather than
 * g_strstr_len(), which compares at every byte: on a part of 250 MB that took seconds. */
static gboolean
declares_doctype (const char *data,
                  gsize       size)
{
  const char *end = data + size;
  const char *p = data;

  while ((p = memchr (p, '!', end - p)) != NULL)
    {
      if (p > data && p[-1] == '<' &&
          ((end - p > 7 && memcmp (p + 1, "DOCTYPE", 7) == 0) ||
           (end - p > 6 && memcmp (p + 1, "ENTITY", 6) == 0)))
        return TRUE;
      p++;
    }
  return FALSE;
}

/**
 * _trellis_xml_part_open:
 *
 * Opens one XML part for streaming. Parts that declare a document type are refused
 * before parsing: entities are how XML reaches the network or the disk and how it
 * multiplies itself ("billion laughs"), and no spreadsheet program writes them.
 *
 * Returns: (transfer full): the part, or %NULL with @error set
 */
TrellisXmlPart *
_trellis_xml_part_open (GHashTable  *parts,
                        const char  *part_name,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(TrellisXmlPart) part = g_new0 (TrellisXmlPart, 1);
  GBytes *bytes = g_hash_table_lookup (parts, part_name);
  gsize size;
  const char *data;

  part->display_name = display_name;
  part->part_name = g_strdup (part_name);
  if (bytes == NULL)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("the file is damaged or incomplete: its part “%s” is missing"),
                                 part_name);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      set_malformed (part, error);
      return NULL;
    }
  if (size > G_MAXINT)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_TOO_LARGE, display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("its part “%s” is too large"), part_name);
      return NULL;
    }
  if (declares_doctype (data, size))
    {
      set_forbidden (part, error);
      return NULL;
    }

  if (!declares_utf8 (data, size))
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_CORRUPT, display_name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("the file is damaged: its part “%s” is not in UTF-8, as spreadsheet programs write"),
                                 part_name);
      return NULL;
    }

  part->reader = xmlReaderForMemory (data, (int) size, part_name, "UTF-8",
                                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                     XML_PARSE_IGNORE_ENC);
  if (part->reader == NULL)
    {
      set_malformed (part, error);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (part->reader, record_xml_error, part);
  return g_steal_pointer (&part);
}

/**
 * _trellis_xml_part_read:
 *
 * Moves to the next node.
 *
 * Returns: 1 on a node, 0 at the end, -1 with @error set
 */
int
_trellis_xml_part_read (TrellisXmlPart  *part,
                        GError         **error)
{
  int status = xmlTextReaderRead (part->reader);
  int type;

  if (status < 0 || (status == 0 && part->message != NULL))
    {
      set_malformed (part, error);
      return -1;
    }
  if (status == 0)
    return 0;
  type = xmlTextReaderNodeType (part->reader);
  if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
      type == XML_READER_TYPE_ENTITY)
    {
      set_forbidden (part, error);
      return -1;
    }
  return 1;
}

/**
 * _trellis_xml_part_is:
 *
 * Returns: whether the current node is an element start named @local_name
 */
gboolean
_trellis_xml_part_is (TrellisXmlPart *part,
                      const char     *local_name)
{
  const xmlChar *name;

  if (xmlTextReaderNodeType (part->reader) != XML_READER_TYPE_ELEMENT)
    return FALSE;
  name = xmlTextReaderConstLocalName (part->reader);
  return name != NULL && strcmp ((const char *) name, local_name) == 0;
}

/**
 * _trellis_xml_part_dup_attribute:
 *
 * Returns: (transfer full) (nullable): the value of the current element's attribute
 *   named @local_name in any namespace
 */
char *
_trellis_xml_part_dup_attribute (TrellisXmlPart *part,
                                 const char     *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (part->reader) != 1)
    return NULL;
  do
    {
      const xmlChar *name = xmlTextReaderConstLocalName (part->reader);

      if (name != NULL && strcmp ((const char *) name, local_name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (part->reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (part->reader) == 1);
  xmlTextReaderMoveToElement (part->reader);
  return value;
}

void
_trellis_xml_part_close (TrellisXmlPart *part)
{
  if (part == NULL)
    return;
  g_clear_pointer (&part->reader, xmlFreeTextReader);
  g_free (part->part_name);
  g_free (part->message);
  g_free (part);
}
