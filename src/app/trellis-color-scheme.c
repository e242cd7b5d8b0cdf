/* trellis-color-scheme.c
 *
 * GTK 4.8 without libadwaita does not follow the desktop's dark-style preference: this asks
 * the Settings portal (which answers inside and outside a Flatpak, on GNOME, KDE and others)
 * and, where no portal runs, GNOME's own setting; then it keeps listening, so the style
 * switches live. The charts keep their print colours on their white card in either style
 * (style.css).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-color-scheme"

#include "config.h"

#include "trellis-color-scheme.h"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_SETTINGS_INTERFACE "org.freedesktop.portal.Settings"
#define APPEARANCE_NAMESPACE "org.freedesktop.appearance"
#define COLOR_SCHEME_KEY "color-scheme"
#define GNOME_INTERFACE_SCHEMA "org.gnome.desktop.interface"

static void
apply (GtkSettings        *settings,
       TrellisColorScheme  scheme)
{
  g_object_set (settings, "gtk-application-prefer-dark-theme",
                scheme == TRELLIS_COLOR_SCHEME_PREFER_DARK, NULL);
}

/* Version 1 of the portal wraps the value in a second variant; later ones may not. */
static TrellisColorScheme
scheme_from_portal_value (GVariant *value)
{
  g_autoptr(GVariant) inner = g_variant_ref (value);

  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *unwrapped = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = unwrapped;
    }
  if (g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32) &&
      g_variant_get_uint32 (inner) <= TRELLIS_COLOR_SCHEME_PREFER_LIGHT)
    return g_variant_get_uint32 (inner);
  return TRELLIS_COLOR_SCHEME_DEFAULT;
}

/*****/

static void
gnome_setting_changed_cb (GSettings   *interface_settings,
                          const char  *key,
                          GtkSettings *settings)
{
  g_autofree char *value = g_settings_get_string (interface_settings, COLOR_SCHEME_KEY);

  apply (settings, g_strcmp0 (value, "prefer-dark") == 0 ? TRELLIS_COLOR_SCHEME_PREFER_DARK
                                                         : TRELLIS_COLOR_SCHEME_DEFAULT);
}

/* Without a portal: GNOME's setting, when its schema (GNOME 42 and later) is installed. */
static void
follow_gnome_setting (GtkSettings *settings)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettings *interface_settings;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, GNOME_INTERFACE_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, COLOR_SCHEME_KEY))
    return;

  interface_settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (interface_settings, "changed::" COLOR_SCHEME_KEY,
                           G_CALLBACK (gnome_setting_changed_cb), settings, 0);
  /* Lives as long as the display's settings do. */
  g_object_set_data_full (G_OBJECT (settings), "trellis-color-scheme-source", interface_settings,
                          g_object_unref);
  gnome_setting_changed_cb (interface_settings, COLOR_SCHEME_KEY, settings);
}

/*****/

static void
portal_signal_cb (GDBusProxy  *portal,
                  const char  *sender_name,
                  const char  *signal_name,
                  GVariant    *parameters,
                  GtkSettings *settings)
{
  const char *namespace;
  const char *key;
  g_autoptr(GVariant) value = NULL;

  if (g_strcmp0 (signal_name, "SettingChanged") != 0 ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;
  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_strcmp0 (namespace, APPEARANCE_NAMESPACE) == 0 && g_strcmp0 (key, COLOR_SCHEME_KEY) == 0)
    apply (settings, scheme_from_portal_value (value));
}

static void
portal_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkSettings) settings = user_data;
  GDBusProxy *portal = G_DBUS_PROXY (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_proxy_call_finish (portal, result, &error);
  g_autoptr(GVariant) value = NULL;

  if (reply == NULL)
    {
      /* No portal, or one without the appearance namespace. */
      g_debug ("The Settings portal did not answer (%s); following GNOME's setting", error->message);
      follow_gnome_setting (settings);
      return;
    }
  g_variant_get (reply, "(v)", &value);
  apply (settings, scheme_from_portal_value (value));
  g_signal_connect_object (portal, "g-signal", G_CALLBACK (portal_signal_cb), settings, 0);
  g_object_set_data_full (G_OBJECT (settings), "trellis-color-scheme-source", g_object_ref (portal),
                          g_object_unref);
}

static void
portal_proxy_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkSettings) settings = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusProxy) portal = g_dbus_proxy_new_for_bus_finish (result, &error);

  if (portal == NULL)
    {
      g_debug ("No session bus for the Settings portal (%s)", error->message);
      follow_gnome_setting (settings);
      return;
    }
  g_dbus_proxy_call (portal, "Read", g_variant_new ("(ss)", APPEARANCE_NAMESPACE, COLOR_SCHEME_KEY),
                     G_DBUS_CALL_FLAGS_NONE, 2000, NULL, portal_read_cb, g_steal_pointer (&settings));
}

/**
 * trellis_color_scheme_follow:
 * @settings: the display's settings
 *
 * Makes @settings prefer the dark style while the desktop asks for it, from now on. It
 * does not wait: the first answer comes from the main loop, a few milliseconds later.
 * `GTK_THEME` set in the environment still wins, as GTK intends.
 */
void
trellis_color_scheme_follow (GtkSettings *settings)
{
  g_return_if_fail (GTK_IS_SETTINGS (settings));

  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES | G_DBUS_PROXY_FLAGS_DO_NOT_AUTO_START_AT_CONSTRUCTION,
                            NULL, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, PORTAL_SETTINGS_INTERFACE,
                            NULL, portal_proxy_cb, g_object_ref (settings));
}
