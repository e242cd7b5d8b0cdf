/* test-project-io.c: the .trellis file: round trips, hostile input, atomic saves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-io-common.h"
#include "trellis-project-io.h"

static GBytes *
save_load_save (GBytes *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) loaded = trellis_project_load_bytes (first, "round-trip.trellis", &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return trellis_project_save_to_bytes (loaded);
}

static void
test_round_trip_full (void)
{
  g_autoptr(TrellisProject) project = test_build_full_project ();
  g_autoptr(GBytes) first = trellis_project_save_to_bytes (project);
  g_autoptr(GBytes) again = trellis_project_save_to_bytes (project);
  g_autoptr(GBytes) second = save_load_save (first);

  if (g_test_verbose ())
    g_printerr ("%.*s", (int) g_bytes_get_size (first), (const char *) g_bytes_get_data (first, NULL));
  g_assert_true (g_bytes_equal (first, again));
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                   g_bytes_get_data (second, NULL), g_bytes_get_size (second));
}

static void
test_round_trip_empty (void)
{
  g_autoptr(TrellisProject) project = trellis_project_new ();
  g_autoptr(GBytes) first = trellis_project_save_to_bytes (project);
  g_autoptr(GBytes) second = save_load_save (first);

  g_assert_true (g_bytes_equal (first, second));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-io/round-trip/full", test_round_trip_full);
  g_test_add_func ("/project-io/round-trip/empty", test_round_trip_empty);

  return g_test_run ();
}
