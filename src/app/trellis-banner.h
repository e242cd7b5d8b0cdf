/* trellis-banner.h: the bar at the top of the window: a problem, an export saved, or an
 * offer to recover unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-recovery.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_BANNER (trellis_banner_get_type ())

G_DECLARE_FINAL_TYPE (TrellisBanner, trellis_banner, TRELLIS, BANNER, GtkWidget)

void        trellis_banner_show_error (TrellisBanner *self,
                                       const char    *primary,
                                       const char    *secondary);
void        trellis_banner_show_file_problem (TrellisBanner *self,
                                              const char    *primary,
                                              const char    *secondary,
                                              gboolean       offer_reload);
void        trellis_banner_show_saved (TrellisBanner *self,
                                       GFile         *file,
                                       gboolean       is_folder);
gboolean    trellis_banner_offer_recovery (TrellisBanner   *self,
                                           TrellisRecovery *recovery);
void        trellis_banner_hide (TrellisBanner *self);
const char *trellis_banner_get_text (TrellisBanner *self);

G_END_DECLS
