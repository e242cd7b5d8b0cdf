/* trellis-timing.h: where a program's time goes, stage by stage, when asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean trellis_timing_wanted (void);
void     trellis_timing_mark (const char *what);

G_END_DECLS
