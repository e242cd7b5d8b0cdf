/* trellis-zip-write.h: writing a ZIP container (the parts of an XLSX workbook)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *trellis_zip_write (const char * const *names,
                           GBytes * const     *parts,
                           guint               n_parts,
                           GError            **error);

G_END_DECLS
