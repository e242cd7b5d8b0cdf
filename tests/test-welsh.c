/* test-welsh.c: the window in Welsh, from the catalogue compiled in the build tree
 *
 * tests/meson.build runs this with LC_ALL=C.UTF-8 (gettext ignores LANGUAGE under the plain
 * C locale), LANGUAGE=cy and TRELLIS_LOCALEDIR pointing at _build/po.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "test-app-common.h"
#include "trellis-document.h"
#include "trellis-window.h"

/* The header bar's main menu: the one menu button that F10 opens. */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every label of @menu and of its sections and submenus, one per line. */
static void
collect_menu_labels (GMenuModel *menu,
                     GString    *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (labels, "%s\n", label);
      if (section != NULL)
        collect_menu_labels (section, labels);
      if (submenu != NULL)
        collect_menu_labels (submenu, labels);
    }
}

static void
assert_has_line (const char *lines,
                 const char *line)
{
  g_autofree char *wanted = g_strdup_printf ("\n%s\n", line);
  g_autofree char *haystack = g_strdup_printf ("\n%s", lines);

  if (g_strstr_len (haystack, -1, wanted) == NULL)
    g_error ("“%s” is not among: %s", line, lines);
}

static void
test_welsh_catalogue (void)
{
  /* The catalogue itself: a plain string, a plural form (Welsh has six) and the scale. */
  g_assert_cmpstr (_("Improvement Plan"), ==, "Cynllun Gwella");
  g_assert_cmpstr (ngettext ("%u response", "%u responses", 1), ==, "%u ymateb");
  g_assert_cmpstr (ngettext ("%u column answers a statement.", "%u columns answer statements.", 1),
                   ==, "Mae %u colofn yn ateb datganiad.");
  g_assert_cmpstr (ngettext ("%u column answers a statement.", "%u columns answer statements.", 6),
                   ==, "Mae %u colofn yn ateb datganiadau.");
  g_assert_cmpstr (_("Strongly disagree"), ==, "Anghytuno’n gryf");
  g_assert_cmpstr (_("Neither agree nor disagree"), ==, "Ddim yn cytuno nac yn anghytuno");
  g_assert_cmpstr (_("Don't know"), ==, "Ddim yn gwybod");
}

static void
test_welsh_window (void)
{
  TrellisWindow *window = g_object_ref (trellis_window_new (NULL, NULL, NULL));
  g_autoptr(TrellisProject) project = test_load_sample ();
  g_autoptr(TrellisDocument) document = trellis_document_new_unsaved (project);
  g_autoptr(GString) labels = g_string_new (NULL);
  GtkWidget *switcher = test_find_by_id (GTK_WIDGET (window), "view_switcher");
  GtkMenuButton *menu_button = find_primary_menu_button (GTK_WIDGET (window));

  gtk_window_present (GTK_WINDOW (window));
  trellis_window_set_document (window, document);
  test_drain_main_context ();

  /* The view names, as the header bar's switcher shows them. */
  for (GtkWidget *child = gtk_widget_get_first_child (switcher); child != NULL; child = gtk_widget_get_next_sibling (child))
    g_string_append_printf (labels, "%s\n", gtk_button_get_label (GTK_BUTTON (child)));
  assert_has_line (labels->str, "Ymatebion");
  assert_has_line (labels->str, "Datganiadau");
  assert_has_line (labels->str, "Siartiau");
  assert_has_line (labels->str, "Cynllun");

  /* The main menu, mnemonics and all. */
  g_string_truncate (labels, 0);
  collect_menu_labels (gtk_menu_button_get_menu_model (menu_button), labels);
  assert_has_line (labels->str, "_Mewnforio Ymatebion Arolwg…");
  assert_has_line (labels->str, "Cadw _Fel…");
  assert_has_line (labels->str, "_Argraffu’r Pecyn Gweithdy…");
  assert_has_line (labels->str, "_Gadael");
  g_assert_null (strstr (labels->str, "Save _As…"));

  /* The sidebar's heading and the menu button's tooltip come from the .ui too. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (menu_button)), ==, "Prif Ddewislen");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* gettext reads LANGUAGE only when the messages locale is not C or POSIX. */
  locale = setlocale (LC_ALL, "");
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    {
      g_print ("1..0 # SKIP no UTF-8 locale (%s): gettext would ignore LANGUAGE\n",
               locale != NULL ? locale : "none");
      return 0;
    }
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TRELLIS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/welsh/catalogue", test_welsh_catalogue);
  g_test_add_func ("/welsh/window", test_welsh_window);
  return g_test_run ();
}
