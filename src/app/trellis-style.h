/* trellis-style.h: a widget's own style sheet, added to the display once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void trellis_style_add_resource (const char *resource_path);

G_END_DECLS
