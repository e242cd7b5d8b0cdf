/* test-application.c: the application as a desktop sees it: one window per project, and the
 * dark style followed from the Settings portal (a fake one, on the test's own session bus).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "test-app-common.h"
#include "test-io-common.h"
#include "trellis-application.h"
#include "trellis-project-io.h"
#include "trellis-renderer.h"

/*****/

/* A stand-in for xdg-desktop-portal's Settings interface: Read answers the color scheme
 * held here, wrapped twice as version 1 of the portal does. */
static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Settings'>"
  "    <method name='Read'>"
  "      <arg type='s' name='namespace' direction='in'/>"
  "      <arg type='s' name='key' direction='in'/>"
  "      <arg type='v' name='value' direction='out'/>"
  "    </method>"
  "    <signal name='SettingChanged'>"
  "      <arg type='s' name='namespace'/>"
  "      <arg type='s' name='key'/>"
  "      <arg type='v' name='value'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

static guint32 portal_color_scheme = 1;   /* prefer dark */
static gboolean portal_ready;

static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  const char *namespace;
  const char *key;

  g_variant_get (parameters, "(&s&s)", &namespace, &key);
  if (g_strcmp0 (namespace, "org.freedesktop.appearance") != 0 || g_strcmp0 (key, "color-scheme") != 0)
    {
      g_dbus_method_invocation_return_dbus_error (invocation, "org.freedesktop.portal.Error.NotFound",
                                                  "Requested setting not found");
      return;
    }
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(v)", g_variant_new_variant (g_variant_new_uint32 (portal_color_scheme))));
}

static void
portal_name_acquired_cb (GDBusConnection *connection,
                         const char      *name,
                         gpointer         user_data)
{
  portal_ready = TRUE;
}

static GDBusConnection *
start_fake_portal (void)
{
  static const GDBusInterfaceVTable vtable = { portal_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (portal_xml, &error);
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/freedesktop/portal/desktop", node->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (bus, "org.freedesktop.portal.Desktop", G_BUS_NAME_OWNER_FLAGS_NONE,
                                portal_name_acquired_cb, NULL, NULL, NULL);
  while (!portal_ready && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (portal_ready);
  return bus;
}

static void
portal_change_color_scheme (GDBusConnection *bus,
                            guint32          scheme)
{
  g_autoptr(GError) error = NULL;

  portal_color_scheme = scheme;
  g_dbus_connection_emit_signal (bus, NULL, "/org/freedesktop/portal/desktop",
                                 "org.freedesktop.portal.Settings", "SettingChanged",
                                 g_variant_new ("(ssv)", "org.freedesktop.appearance", "color-scheme",
                                                g_variant_new_variant (g_variant_new_uint32 (scheme))),
                                 &error);
  g_assert_no_error (error);
}

static gboolean
prefers_dark (void)
{
  gboolean dark;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &dark, NULL);
  return dark;
}

static void
wait_for_dark (gboolean dark)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (prefers_dark () != dark && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (prefers_dark (), ==, dark);
}

/*****/

static GList *
project_windows (GApplication *application)
{
  GList *windows = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (TRELLIS_IS_WINDOW (l->data))
      windows = g_list_prepend (windows, l->data);
  return g_list_reverse (windows);
}

static TrellisWindow *
window_showing (GApplication *application,
                GFile        *file)
{
  TrellisWindow *found = NULL;
  g_autoptr(GList) windows = project_windows (application);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      TrellisDocument *document = trellis_window_get_document (l->data);

      if (document == NULL || !g_file_equal (trellis_document_get_file (document), file))
        continue;
      g_assert_null (found);   /* never the same project in two windows */
      found = l->data;
    }
  return found;
}

static void
open_and_wait (GApplication *application,
               GFile        *file)
{
  g_autoptr(GList) windows = NULL;

  g_application_open (application, &file, 1, "");
  windows = project_windows (application);
  for (GList *l = windows; l != NULL; l = l->next)
    test_wait_until_not_busy (l->data, 10);
}

static GFile *
save_project (const char *name)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_strconcat (name, ".trellis", NULL);
  GFile *file = g_file_new_build_filename (g_get_user_data_dir (), file_name, NULL);

  trellis_project_set_name (project, name);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  trellis_project_save_file (project, file, NULL, &error);
  g_assert_no_error (error);
  return file;
}

static void
test_application_windows (GApplication    *application,
                          GDBusConnection *bus)
{
  g_autoptr(GFile) first = save_project ("Northshire CSP");
  g_autoptr(GFile) second = save_project ("Southmoor Partnership");
  g_autoptr(GList) windows = NULL;
  TrellisWindow *first_window;
  TrellisWindow *second_window;

  /* The first project goes into a window of its own. */
  open_and_wait (application, first);
  first_window = window_showing (application, first);
  g_assert_nonnull (first_window);
  g_assert_cmpuint (g_list_length (windows = project_windows (application)), ==, 1);
  g_clear_pointer (&windows, g_list_free);

  /* A second project opens beside it, not instead of it. */
  open_and_wait (application, second);
  second_window = window_showing (application, second);
  g_assert_nonnull (second_window);
  g_assert_true (second_window != first_window);
  g_assert_true (window_showing (application, first) == first_window);
  g_assert_cmpuint (g_list_length (windows = project_windows (application)), ==, 2);
  g_clear_pointer (&windows, g_list_free);

  /* Opening the first again raises its window: still two windows, one copy each. */
  open_and_wait (application, first);
  g_assert_true (window_showing (application, first) == first_window);
  g_assert_cmpuint (g_list_length (windows = project_windows (application)), ==, 2);
  g_clear_pointer (&windows, g_list_free);

  /* Closing one window asks only about its own changes: the second has unsaved edits, the
   * first none, so the first closes at once and the second is not asked. */
  trellis_project_set_name (trellis_document_get_project (trellis_window_get_document (second_window)),
                            "Southmoor, edited");
  g_object_ref (first_window);
  gtk_window_close (GTK_WINDOW (first_window));
  test_drain_main_context ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (first_window)));
  g_assert_null (test_find_message_dialog (GTK_WINDOW (second_window)));
  g_object_unref (first_window);

  gtk_window_close (GTK_WINDOW (second_window));
  g_assert_nonnull (test_find_message_dialog (GTK_WINDOW (second_window)));
  gtk_dialog_response (test_find_message_dialog (GTK_WINDOW (second_window)), GTK_RESPONSE_REJECT);
  test_drain_main_context ();
  g_assert_null (project_windows (application));

  g_file_delete (first, NULL, NULL);
  g_file_delete (second, NULL, NULL);
}

static void
test_application (void)
{
  g_autoptr(GDBusConnection) bus = start_fake_portal ();
  g_autoptr(GApplication) application = NULL;
  g_autoptr(GError) error = NULL;

  /* An id of its own, so a Trellis started by another test is not asked instead. */
  application = g_object_new (TRELLIS_TYPE_APPLICATION,
                              "application-id", "org.trellisapp.Trellis.Test",
                              "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                              "resource-base-path", "/org/trellisapp/Trellis",
                              NULL);
  g_assert_true (g_application_register (application, NULL, &error));
  g_assert_no_error (error);

  /* The desktop prefers dark at start, then light, then dark again: followed live. */
  wait_for_dark (TRUE);
  portal_change_color_scheme (bus, 0);
  wait_for_dark (FALSE);
  portal_change_color_scheme (bus, 1);
  wait_for_dark (TRUE);

  test_application_windows (application, bus);
}

/* Where OpenGL runs on the processor (as under Xvfb here), Cairo draws instead; a
 * GSK_RENDERER the user set is left as it is. */
static void
test_renderer_choice (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("GSK_RENDERER"));
  GdkDisplay *display = gdk_display_get_default ();
  const char *turned_down;

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_null (trellis_renderer_choose (display));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");

  g_unsetenv ("GSK_RENDERER");
  turned_down = trellis_renderer_choose (display);
  g_test_message ("OpenGL turned down: %s", turned_down != NULL ? turned_down : "(none)");
  if (turned_down != NULL)
    {
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
      g_assert_true (strstr (turned_down, "llvmpipe") != NULL || strstr (turned_down, "softpipe") != NULL ||
                     strstr (turned_down, "Software Rasterizer") != NULL);
    }
  else
    g_assert_null (g_getenv ("GSK_RENDERER"));

  /* As the suite set it, before any window is drawn. */
  if (saved != NULL)
    g_setenv ("GSK_RENDERER", saved, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    return 77;

  g_test_add_func ("/application/renderer-choice", test_renderer_choice);
  g_test_add_func ("/application/windows-and-style", test_application);
  return g_test_run ();
}
