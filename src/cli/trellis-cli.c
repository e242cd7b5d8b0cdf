/* trellis-cli.c: the headless front end; `export`, which draws, runs in its own
 *                executable, trellis-cli-export (cli-helper.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "trellis-cli.h"

typedef struct
{
  const char        *name;
  TrellisCliCommand  run;
  const char        *summary;
} CommandEntry;

static const CommandEntry commands[] = {
  { "templates", trellis_cli_templates,   N_("List the built-in checklist templates") },
  { "new",       trellis_cli_new,         N_("Create a project from a template") },
  { "import",    trellis_cli_import,      N_("Import survey responses as a new round") },
  { "summary",   trellis_cli_summary,     N_("Print each round’s results") },
  { "export",    trellis_cli_run_export,  N_("Write the workshop pack (PDF) or each chart (SVG, PNG)") },
  { "validate",  trellis_cli_validate,    N_("Check that a project file is sound") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  trellis-cli COMMAND [OPTION…]\n\n%s\n", _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “trellis-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  trellis_cli_init ();
  if (argc < 2)
    {
      print_usage (stderr);
      return TRELLIS_CLI_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return TRELLIS_CLI_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("trellis-cli %s\n", PACKAGE_VERSION);
      return TRELLIS_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("trellis-cli: unknown command “%s”"), argv[1]);
  fputc ('\n', stderr);
  print_usage (stderr);
  return TRELLIS_CLI_USAGE;
}
