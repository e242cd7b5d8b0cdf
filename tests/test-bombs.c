/* test-bombs.c: small files that once cost seconds and gigabytes are refused cheaply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Limits by bytes (file size, unpacked size, text size) do not bound the work: an
 * XLSX of 384 kB declared 50 million shared strings (16 s, 2.2 GB), an ODS of 13 kB
 * expanded its headers to 200 MB of spaces (47 s), a ZIP entry lied about its size.
 * Each shape goes through the whole import (reading, layout, header matching) and must
 * end, refused or read, within a few seconds of processor time. The full-size files
 * are generated at build time (fixtures/bombs/generate-bombs.py) or kept in
 * fixtures/bombs, apart from the fuzzers' seeds.
 */
#include "config.h"

#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "test-import-common.h"
#include "trellis-import-error.h"

/* Generous: the files took 16–47 s before; under ASan and a loaded machine a fixed
 * reader takes a few seconds. */
#define MAX_CPU_SECONDS 20.0

typedef struct
{
  const char *name;
  gboolean    generated;  /* in the build folder, else in fixtures/bombs */
  int         code;       /* the import error, or -1 for a file that reads */
  const char *message;
} BombCase;

static const BombCase cases[] = {
  { "string-count-bomb.xlsx", TRUE, TRELLIS_IMPORT_ERROR_TOO_LARGE,
    "“string-count-bomb.xlsx”: it lists more than 2000000 different texts, far more than any survey export" },
  { "space-header-bomb.ods", TRUE, TRELLIS_IMPORT_ERROR_TOO_LARGE,
    "“space-header-bomb.ods”: its cells hold more than 64 MB of text, over 8 times what they are read from, which no survey export does; it may be built to fill memory" },
  { "wide-header.csv", TRUE, TRELLIS_IMPORT_ERROR_TOO_LARGE,
    "“wide-header.csv”, row 1: more than 4096 columns, far more than any survey export" },
  { "long-headers.csv", TRUE, -1, NULL },
  { "lying-zip-bomb.xlsx", TRUE, TRELLIS_IMPORT_ERROR_TOO_LARGE,
    "“lying-zip-bomb.xlsx”: the file unpacks to more than 256 MB, over 100 times its own size, which no survey export does; it may be built to fill memory" },
  { "shared-string-bomb.xlsx", FALSE, TRELLIS_IMPORT_ERROR_TOO_LARGE,
    "“shared-string-bomb.xlsx”, row 1: its cells hold more than 73 MB of text, over 8 times what they are read from, which no survey export does; it may be built to fill memory" },
  { "space-bomb.ods", FALSE, TRELLIS_IMPORT_ERROR_TOO_LARGE,
    "“space-bomb.ods”: its cells hold more than 64 MB of text, over 8 times what they are read from, which no survey export does; it may be built to fill memory" },
};

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
test_bomb (gconstpointer data)
{
  const BombCase *bomb = data;
  g_autofree char *path = bomb->generated
                          ? g_test_build_filename (G_TEST_BUILT, bomb->name, NULL)
                          : g_test_build_filename (G_TEST_DIST, "fixtures", "bombs", bomb->name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrellisProject) project = test_import_new_project ();
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(GError) error = NULL;
  double started = cpu_seconds (), spent;
  gboolean read;

  read = trellis_import_add_file (import, file, TRELLIS_TABLE_FORMAT_AUTO, NULL, &error);
  spent = cpu_seconds () - started;
  g_test_message ("%s: %.2f s of processor time: %s", bomb->name, spent,
                  error != NULL ? error->message : "read");
  if (bomb->code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (read);
    }
  else
    {
      g_assert_false (read);
      g_assert_error (error, TRELLIS_IMPORT_ERROR, bomb->code);
      g_assert_cmpstr (error->message, ==, bomb->message);
    }
  g_assert_cmpfloat (spent, <, MAX_CPU_SECONDS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bombs/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_bomb);
    }
  return g_test_run ();
}
