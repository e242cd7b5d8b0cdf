/* trellis-table-reader.h: one reader of survey exports, as trellis_table_read_bytes() sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-table.h"

G_BEGIN_DECLS

/**
 * TrellisTableReader:
 * @format: the format read
 * @zip_marker: (nullable): the part whose presence makes a ZIP container this
 *   format's (`xl/workbook.xml`), or %NULL for a format that is not a ZIP container
 * @read: reads @bytes in this format
 * @read_parts: (nullable): reads the parts of a ZIP container in this format
 *
 * Readers know the table; the table does not know them: trellis_table_read_bytes()
 * (trellis-table-read.c) consults the readers listed there, one per format.
 */
typedef struct
{
  TrellisTableFormat   format;
  const char          *zip_marker;
  TrellisTable      *(*read)       (GBytes      *bytes,
                                    const char  *display_name,
                                    GError     **error);
  TrellisTable      *(*read_parts) (GHashTable  *parts,
                                    const char  *display_name,
                                    GError     **error);
} TrellisTableReader;

extern const TrellisTableReader _trellis_csv_reader;
extern const TrellisTableReader _trellis_tsv_reader;
extern const TrellisTableReader _trellis_xlsx_reader;
extern const TrellisTableReader _trellis_ods_reader;

/* The ZIP readers' second half, for the fuzzers and hostile-input tests. */
TrellisTable   *_trellis_table_read_xlsx_parts (GHashTable  *parts,
                                                const char  *display_name,
                                                GError     **error);
TrellisTable   *_trellis_table_read_ods_parts (GHashTable  *parts,
                                               const char  *display_name,
                                               GError     **error);

/* Reading delimited text from a file a piece at a time (trellis-csv-reader.c). A
 * source fills @buffer as far as it can: fewer bytes than @size only at its end. */
typedef gboolean (*TrellisTextSource) (gpointer       source,
                                       char          *buffer,
                                       gsize          size,
                                       gsize         *n_read,
                                       GCancellable  *cancellable,
                                       GError       **error);

TrellisTable   *_trellis_table_read_csv_source (TrellisTextSource   read,
                                                gpointer            source,
                                                GBytes             *head,
                                                const char         *display_name,
                                                char                delimiter,
                                                GCancellable       *cancellable,
                                                gboolean           *not_utf8,
                                                GError            **error);
gboolean        _trellis_csv_is_utf16 (GBytes *head);
void            _trellis_csv_set_not_text (GError     **error,
                                           const char  *display_name);
const char     *_trellis_csv_text_charset (GBytes   *head,
                                           gboolean  not_utf8,
                                           gsize    *skip);
void            _trellis_table_set_stream_piece_size (gsize size);
void            _trellis_table_set_two_threads_minimum (gsize size);
TrellisTable   *_trellis_table_read_csv_stream (GInputStream  *stream,
                                                GBytes        *head,
                                                const char    *display_name,
                                                char           delimiter,
                                                GCancellable  *cancellable,
                                                gboolean      *not_utf8,
                                                GError       **error);

G_END_DECLS
