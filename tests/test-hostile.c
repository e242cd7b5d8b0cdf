/* test-hostile.c: files built to hurt the importer and the project loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is a small input that once made Trellis hang, fill memory or store what it
 * must not. The meson timeout is the check for the ones that hung.
 */
#include "config.h"

#include <string.h>

#include "trellis-core.h"
#include "trellis-import-private.h"
#include "trellis-template.h"

static TrellisProject *
new_project (void)
{
  g_autoptr(GError) error = NULL;
  TrellisProject *project = trellis_project_new_from_template ("is-ofpc", "Northshire Partnership", &error);

  g_assert_no_error (error);
  return project;
}

static char *
repeat (const char *text,
        guint       times)
{
  GString *out = g_string_sized_new (strlen (text) * times);

  for (guint i = 0; i < times; i++)
    g_string_append (out, text);
  return g_string_free (out, FALSE);
}

/*****/

/* A header of thousands of separators ("a/a/a/…") once made as many candidates, each
 * folded and compared with every statement: a 50 kB CSV took minutes. */
static void
test_header_separators (void)
{
  g_autoptr(TrellisProject) project = new_project ();
  g_autoptr(GPtrArray) statements = trellis_checklist_collect_rated (trellis_project_get_checklist (project), FALSE);
  const char *units[] = { "a/", "a - ", "a \u2013 ", "word " };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *header = repeat (units[i], 20000);
      g_autoptr(GArray) matches = _trellis_import_match_header (statements, header, NULL);

      g_assert_cmpuint (matches->len, ==, 0);
    }
}

/* A long header still matches its statement when it names it. */
static void
test_long_header_still_matches (void)
{
  g_autoptr(TrellisProject) project = new_project ();
  g_autoptr(GPtrArray) statements = trellis_checklist_collect_rated (trellis_project_get_checklist (project), FALSE);
  g_autofree char *question = repeat ("Please read each statement carefully. ", 200);
  g_autofree char *header = g_strconcat (question, "[The partnership has strong and effective leadership]", NULL);
  g_autoptr(GArray) matches = _trellis_import_match_header (statements, header, NULL);

  g_assert_cmpuint (matches->len, >, 0);
  g_assert_cmpstr (trellis_statement_get_id (g_array_index (matches, TrellisStatementMatch, 0).statement), ==, "s13");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/import/header-separators", test_header_separators);
  g_test_add_func ("/hostile/import/long-header-still-matches", test_long_header_still_matches);

  return g_test_run ();
}
