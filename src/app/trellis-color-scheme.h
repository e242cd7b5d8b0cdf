/* trellis-color-scheme.h: follow the desktop's light or dark preference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * TrellisColorScheme:
 * @TRELLIS_COLOR_SCHEME_DEFAULT: no preference: the light style
 * @TRELLIS_COLOR_SCHEME_PREFER_DARK: the desktop asks for dark
 * @TRELLIS_COLOR_SCHEME_PREFER_LIGHT: the desktop asks for light
 *
 * The values of the Settings portal's `org.freedesktop.appearance color-scheme`.
 */
typedef enum {
  TRELLIS_COLOR_SCHEME_DEFAULT = 0,
  TRELLIS_COLOR_SCHEME_PREFER_DARK = 1,
  TRELLIS_COLOR_SCHEME_PREFER_LIGHT = 2,
} TrellisColorScheme;

void trellis_color_scheme_follow (GtkSettings *settings);

G_END_DECLS
