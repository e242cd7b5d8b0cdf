/* trellis-table-zip.h: the ZIP container of XLSX and ODS files, and their XML parts as streams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlreader.h>

#include "trellis-table-private.h"

G_BEGIN_DECLS

gboolean    _trellis_zip_is_zip (GBytes *bytes);
TrellisTable *_trellis_zip_read_text (GBytes              *bytes,
                                      const char          *display_name,
                                      const char * const  *markers,
                                      GCancellable        *cancellable,
                                      gboolean            *handled,
                                      GError             **error);
GHashTable *_trellis_zip_extract (GBytes      *bytes,
                                  const char  *display_name,
                                  GError     **error);

typedef TrellisTable *(*TrellisZipPartsReader) (GHashTable  *parts,
                                                const char  *display_name,
                                                GError     **error);

TrellisTable *_trellis_zip_read_table (GBytes                *bytes,
                                       const char            *display_name,
                                       const char            *not_zip_message,
                                       TrellisZipPartsReader  read_parts,
                                       GError               **error);

/* One XML part of a workbook, read as a stream. */
typedef struct
{
  xmlTextReaderPtr  reader;
  const char       *display_name;
  char             *part_name;
  char             *message;  /* the parser's first complaint */
} TrellisXmlPart;

TrellisXmlPart *_trellis_xml_part_open (GHashTable  *parts,
                                        const char  *part_name,
                                        const char  *display_name,
                                        GError     **error);
int             _trellis_xml_part_read (TrellisXmlPart  *part,
                                        GError         **error);
gboolean        _trellis_xml_part_is (TrellisXmlPart *part,
                                      const char     *local_name);
char           *_trellis_xml_part_dup_attribute (TrellisXmlPart *part,
                                                 const char     *local_name);
void            _trellis_xml_part_close (TrellisXmlPart *part);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisXmlPart, _trellis_xml_part_close)

G_END_DECLS
