/* trellis-file-lock.h: one writer at a time, by a lock file beside the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* As LibreOffice names its own: “.~lock.NAME#” beside NAME. */
#define TRELLIS_LOCK_PREFIX ".~lock."
#define TRELLIS_LOCK_SUFFIX "#"

/* A lock nobody has renewed for this long is taken to be left by a crash on another
 * computer (on this one a dead process is seen at once). The app renews its lock far
 * more often than this while it has a project open: see trellis_file_lock_renew(). */
#define TRELLIS_LOCK_STALE_SECONDS (12 * 60 * 60)
#define TRELLIS_LOCK_RENEW_SECONDS (10 * 60)

typedef struct _TrellisFileLock TrellisFileLock;

TrellisFileLock *trellis_file_lock_acquire (GFile        *file,
                                            const char   *program,
                                            guint         wait_ms,
                                            GError      **error);
gboolean         trellis_file_lock_renew (TrellisFileLock *lock);
gboolean         trellis_file_lock_is_held (TrellisFileLock *lock);
void             trellis_file_lock_release (TrellisFileLock *lock);

char            *trellis_file_lock_path_for (const char *target_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisFileLock, trellis_file_lock_release)

G_END_DECLS
