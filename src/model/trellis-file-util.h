/* trellis-file-util.h: reading files safely, and naming them in messages
 *
 * Used by every layer that reads a file the user chose: the project loader, the
 * template loader and the importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char           *trellis_file_dup_display_basename (GFile *file);

GBytes         *trellis_file_read_at_most (GFile         *file,
                                           gsize          limit,
                                           GCancellable  *cancellable,
                                           GError       **error);

gboolean        trellis_file_check_regular (GFile   *file,
                                            GError **error);

GBytes         *trellis_file_read_head (GFile *file,
                                        gsize  limit);

G_END_DECLS
