/* trellis-table-private.h: what the readers of survey exports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlreader.h>

#include "trellis-table.h"

G_BEGIN_DECLS

/* A sheet row or column that does not apply to a message. */
#define TRELLIS_TABLE_NO_ROW    0
#define TRELLIS_TABLE_NO_COLUMN G_MAXUINT

void        _trellis_import_set_error (GError             **error,
                                       TrellisImportError   code,
                                       const char          *file,
                                       guint                sheet_row,
                                       guint                column,
                                       const char          *format,
                                       ...) G_GNUC_PRINTF (6, 7);

gboolean    _trellis_table_check_file_size (goffset      size,
                                            const char  *display_name,
                                            GError     **error);
void        _trellis_table_set_too_much_text (GError     **error,
                                              const char  *display_name,
                                              guint        sheet_row);
gboolean    _trellis_table_check_size (TrellisTable  *table,
                                       const char    *display_name,
                                       guint          sheet_row,
                                       GError       **error);

gboolean    _trellis_zip_is_zip (GBytes *bytes);
GHashTable *_trellis_zip_extract (GBytes      *bytes,
                                  const char  *display_name,
                                  GError     **error);

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

TrellisTable   *_trellis_table_read_xlsx_parts (GHashTable  *parts,
                                                const char  *display_name,
                                                GError     **error);
TrellisTable   *_trellis_table_read_ods_parts (GHashTable  *parts,
                                               const char  *display_name,
                                               GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisXmlPart, _trellis_xml_part_close)

G_END_DECLS
