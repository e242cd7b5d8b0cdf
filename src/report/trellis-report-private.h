/* trellis-report-private.h: helpers the report's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

cairo_status_t _trellis_report_append_to_bytes (void                *closure,
                                                const unsigned char *data,
                                                unsigned int         length);
gboolean       _trellis_report_check_surface (cairo_surface_t  *surface,
                                              const char       *name,
                                              GError          **error);
gboolean       _trellis_report_write_file (GFile       *file,
                                           GByteArray  *bytes,
                                           GError     **error);

G_END_DECLS
