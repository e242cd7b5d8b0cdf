/* main.c: the trellis executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "trellis-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrellisApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Once per process, which may hold more than one application (the tests do). */
  g_set_application_name (_("Trellis"));

  application = trellis_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
