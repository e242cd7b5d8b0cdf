/* trellis-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-style"

#include "config.h"

#include "trellis-style.h"

/**
 * trellis_style_add_resource:
 * @resource_path: a CSS file in the app's resources
 *
 * Adds the style sheet of a widget type to the default display, once however many of its
 * widgets are made; nothing without a display (a test that never draws).
 */
void
trellis_style_add_resource (const char *resource_path)
{
  static GHashTable *added;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  g_return_if_fail (resource_path != NULL);

  if (display == NULL)
    return;
  if (added == NULL)
    added = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_add (added, (gpointer) g_intern_string (resource_path)))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource_path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
