/* main.c: the trellis executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "trellis-application.h"
#include "trellis-debug.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrellisApplication) application = NULL;

  /* TRELLIS_LOCALEDIR points an uninstalled build (meson devenv, the tests) at the
   * translations compiled in its build tree (_build/po). */
  const char *localedir = g_getenv ("TRELLIS_LOCALEDIR");

  trellis_timing_mark ("main");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Once per process, which may hold more than one application (the tests do). */
  g_set_application_name (_("Trellis"));

  application = trellis_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
