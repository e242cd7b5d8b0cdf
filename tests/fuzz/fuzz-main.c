/* fuzz-main.c: runs a fuzz target over files, for builds without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every fixture and every crash the fuzzer ever found goes through each target on every
 * `meson test`, so what was fixed stays fixed.
 */
#include "config.h"

#include <stdio.h>

#include <gio/gio.h>

#include "fuzz-common.h"

static void
run_path (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          run_path (child);
        }
      return;
    }
  if (!g_file_get_contents (path, &data, &length, NULL))
    g_error ("cannot read %s", path);
  LLVMFuzzerTestOneInput ((const guint8 *) data, length);
  printf ("ok - %s\n", path);
}

int
main (int    argc,
      char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);
  return 0;
}
