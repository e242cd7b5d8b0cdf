/* trellis-recovery.h: recovery copies of unsaved work, and offering them after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-document.h"

G_BEGIN_DECLS

/**
 * TrellisRecoveryEntry:
 * @copy: the recovery copy
 * @original: (nullable): the project file it has unsaved changes to, %NULL for a
 *   project never saved
 * @name: the partnership's name, to offer it by
 * @saved: when the copy was written
 *
 * A recovery copy left by a Trellis that did not close cleanly.
 */
typedef struct
{
  GFile     *copy;
  GFile     *original;
  char      *name;
  GDateTime *saved;
} TrellisRecoveryEntry;

TrellisRecoveryEntry *trellis_recovery_entry_copy (const TrellisRecoveryEntry *entry);
void                  trellis_recovery_entry_free (TrellisRecoveryEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisRecoveryEntry, trellis_recovery_entry_free)

#define TRELLIS_TYPE_RECOVERY (trellis_recovery_get_type ())

G_DECLARE_FINAL_TYPE (TrellisRecovery, trellis_recovery, TRELLIS, RECOVERY, GObject)

TrellisRecovery *trellis_recovery_new (GFile *directory);

GFile           *trellis_recovery_get_directory (TrellisRecovery *self);
guint            trellis_recovery_get_delay (TrellisRecovery *self);
void             trellis_recovery_set_delay (TrellisRecovery *self,
                                             guint            seconds);

void             trellis_recovery_watch (TrellisRecovery *self,
                                         TrellisDocument *document,
                                         GFile           *copy);
void             trellis_recovery_unwatch (TrellisRecovery *self,
                                           TrellisDocument *document);
void             trellis_recovery_discard (TrellisRecovery *self,
                                           TrellisDocument *document);
GFile           *trellis_recovery_get_copy (TrellisRecovery *self,
                                            TrellisDocument *document);

GPtrArray       *trellis_recovery_list (TrellisRecovery *self);
void             trellis_recovery_discard_entry (TrellisRecovery      *self,
                                                 TrellisRecoveryEntry *entry);

G_END_DECLS
