/* trellis-file-save.h: replacing a file so that it is always either the old or the new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Names of the temporaries a save makes beside its file. They start with a dot so that
 * file managers hide them, and name the file they belong to so that a later save of the
 * same file recognises (and removes) what an interrupted save left. */
#define TRELLIS_SAVE_TEMP_PREFIX   ".~trellis-save."
#define TRELLIS_BACKUP_TEMP_PREFIX ".~trellis-backup."

/**
 * TrellisSaveFlags:
 * @TRELLIS_SAVE_NONE: replace the file only
 * @TRELLIS_SAVE_BACKUP: keep the version replaced as “NAME~”
 */
typedef enum
{
  TRELLIS_SAVE_NONE = 0,
  TRELLIS_SAVE_BACKUP = 1 << 0,
} TrellisSaveFlags;

/**
 * TrellisSaveResult:
 * @broke_hard_link: the file had other names (hard links); they keep the version replaced
 * @removed_temporaries: how many leftovers of interrupted saves were removed
 */
typedef struct
{
  gboolean broke_hard_link;
  guint    removed_temporaries;
} TrellisSaveResult;

gboolean trellis_file_replace_safely (GFile              *file,
                                      GBytes             *contents,
                                      TrellisSaveFlags    flags,
                                      TrellisSaveResult  *result,
                                      GCancellable       *cancellable,
                                      GError            **error);

char    *trellis_file_resolve_links (const char  *path,
                                     GError     **error);

guint    trellis_file_remove_save_leftovers (const char *target_path);

G_END_DECLS
