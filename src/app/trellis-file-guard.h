/* trellis-file-guard.h: the project file an open document writes to: its lock, and
 * whether someone else changed it on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_FILE_GUARD (trellis_file_guard_get_type ())

G_DECLARE_FINAL_TYPE (TrellisFileGuard, trellis_file_guard, TRELLIS, FILE_GUARD, GObject)

TrellisFileGuard *trellis_file_guard_new (GFile *file);

GFile            *trellis_file_guard_get_file (TrellisFileGuard *self);
const char       *trellis_file_guard_get_locked_by (TrellisFileGuard *self);
gboolean          trellis_file_guard_get_changed_on_disk (TrellisFileGuard *self);
gboolean          trellis_file_guard_check_before_save (TrellisFileGuard  *self,
                                                        GError           **error);
void              trellis_file_guard_saved (TrellisFileGuard *self);

G_END_DECLS
