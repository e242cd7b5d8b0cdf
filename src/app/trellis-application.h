/* trellis-application.h: the Trellis application: one window per project, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-recovery.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_APPLICATION (trellis_application_get_type ())

G_DECLARE_FINAL_TYPE (TrellisApplication, trellis_application, TRELLIS, APPLICATION, GtkApplication)

TrellisApplication *trellis_application_new (void);
GSettings          *trellis_application_get_settings (TrellisApplication *self);
GFile              *trellis_application_dup_sample_file (TrellisApplication *self);
TrellisRecovery    *trellis_application_get_recovery (TrellisApplication *self);

G_END_DECLS
