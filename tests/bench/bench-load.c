/* bench-load.c: loading, summarising and saving one project file, stage by stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-load PROJECT [RUNS]          median time of each stage over RUNS runs (5):
 *                                      read the file, load it, summarise every round on
 *                                      every scale, save it to bytes, save it to a file
 *                                      (atomically, as the app and trellis-cli do), and,
 *                                      as the reference for that, write the same bytes
 *                                      with g_file_set_contents()
 *   bench-load PROJECT --convert OUT   load PROJECT and write it to OUT in this build's
 *                                      format (to make a 1.3 file of a 1.2 one)
 *
 * Whole-process comparisons (trellis-cli summary --json against xmllint --noout) belong
 * to the benchmark harness; this tells where the time inside goes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "trellis-model.h"
#include "trellis-project-io.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static void
summarise_all (TrellisProject *project)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);

  for (guint r = 0; r < trellis_project_get_n_rounds (project); r++)
    for (guint s = 0; s < trellis_checklist_get_n_scales (checklist); s++)
      trellis_summary_unref (trellis_summary_new (project, trellis_project_get_round (project, r),
                                                  trellis_checklist_get_scale (checklist, s), NULL));
}

static int
convert (GFile      *file,
         const char *out_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_load_file (file, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;

  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bytes = trellis_project_save_to_bytes (project);
  if (!g_file_set_contents (out_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) read_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) summary_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) file_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) write_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = g_dir_make_tmp ("bench-load-XXXXXX", NULL);
  g_autofree char *saved_path = g_build_filename (dir, "saved.trellis", NULL);
  g_autofree char *written_path = g_build_filename (dir, "written.trellis", NULL);
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  guint runs = 5;
  gsize size = 0;

  if (argc < 2)
    {
      g_printerr ("usage: bench-load PROJECT [RUNS | --convert OUT]\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  if (argc > 3 && g_str_equal (argv[2], "--convert"))
    return convert (file, argv[3]);
  if (argc > 2)
    runs = MAX (1, atoi (argv[2]));

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(TrellisProject) project = NULL;
      gint64 t0, t1, t2, t3, t4, t5, t6;
      double seconds;

      t0 = g_get_monotonic_time ();
      bytes = g_file_load_bytes (file, NULL, NULL, &error);
      t1 = g_get_monotonic_time ();
      if (bytes == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      size = g_bytes_get_size (bytes);
      project = trellis_project_load_bytes (bytes, argv[1], &error);
      t2 = g_get_monotonic_time ();
      if (project == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      summarise_all (project);
      t3 = g_get_monotonic_time ();
      saved = trellis_project_save_to_bytes (project);
      t4 = g_get_monotonic_time ();
      if (!trellis_project_save_file_full (project, saved_file, 0, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      t5 = g_get_monotonic_time ();
      if (!g_file_set_contents (written_path, g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      t6 = g_get_monotonic_time ();

      seconds = (t1 - t0) / 1e6;
      g_array_append_val (read_times, seconds);
      seconds = (t2 - t1) / 1e6;
      g_array_append_val (load_times, seconds);
      seconds = (t3 - t2) / 1e6;
      g_array_append_val (summary_times, seconds);
      seconds = (t4 - t3) / 1e6;
      g_array_append_val (save_times, seconds);
      seconds = (t5 - t4) / 1e6;
      g_array_append_val (file_times, seconds);
      seconds = (t6 - t5) / 1e6;
      g_array_append_val (write_times, seconds);
    }
  printf ("file %" G_GSIZE_FORMAT " bytes, %u runs, medians:\n", size, runs);
  printf ("  read     %.4f s\n", median (read_times));
  printf ("  load     %.4f s\n", median (load_times));
  printf ("  summary  %.4f s\n", median (summary_times));
  printf ("  save     %.4f s (to bytes)\n", median (save_times));
  printf ("  file     %.4f s (atomic save to a file)\n", median (file_times));
  printf ("  write    %.4f s (g_file_set_contents of the same bytes: the reference)\n", median (write_times));
  g_remove (saved_path);
  g_remove (written_path);
  g_rmdir (dir);
  return 0;
}
