/* test-change-test.c: Wilson and Newcombe intervals against SciPy's values, and the verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures come from tests/reference/stats/make-fixtures.py (SciPy); CI only reads them.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "trellis-model.h"

#define TOLERANCE 1e-9

/* Each data line of a fixture as numbers; the header line is skipped. */
static GPtrArray *
read_fixture (const char *name,
              guint       n_columns)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "stats", name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      double *row;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, n_columns);
      row = g_new (double, n_columns);
      for (guint c = 0; c < n_columns; c++)
        row[c] = g_ascii_strtod (fields[c], NULL);
      g_ptr_array_add (rows, row);
    }
  g_assert_cmpuint (rows->len, >, 10);
  return rows;
}

static void
test_wilson_reference (void)
{
  g_autoptr(GPtrArray) rows = read_fixture ("wilson.csv", 4);

  for (guint i = 0; i < rows->len; i++)
    {
      const double *row = g_ptr_array_index (rows, i);
      double lower, upper;

      trellis_wilson_interval ((guint) row[0], (guint) row[1], TRELLIS_CHANGE_TEST_Z, &lower, &upper);
      g_assert_cmpfloat_with_epsilon (lower, row[2], TOLERANCE);
      g_assert_cmpfloat_with_epsilon (upper, row[3], TOLERANCE);
    }
}

static void
test_newcombe_reference (void)
{
  g_autoptr(GPtrArray) rows = read_fixture ("newcombe.csv", 6);

  for (guint i = 0; i < rows->len; i++)
    {
      const double *row = g_ptr_array_index (rows, i);
      double lower, upper;

      trellis_newcombe_interval ((guint) row[0], (guint) row[1], (guint) row[2], (guint) row[3],
                                 TRELLIS_CHANGE_TEST_Z, &lower, &upper);
      g_assert_cmpfloat_with_epsilon (lower, row[4], TOLERANCE);
      g_assert_cmpfloat_with_epsilon (upper, row[5], TOLERANCE);
    }
}

static void
test_newcombe_published (void)
{
  double lower, upper;

  /* Newcombe (1998), Statistics in Medicine 17:873, table II, example (a): 56/70 − 48/80,
   * method 10 gives 0.0524 to 0.3339. */
  trellis_newcombe_interval (48, 80, 56, 70, TRELLIS_CHANGE_TEST_Z, &lower, &upper);
  g_assert_cmpfloat_with_epsilon (lower, 0.0524, 0.00005);
  g_assert_cmpfloat_with_epsilon (upper, 0.3339, 0.00005);
}

static void
fill (TrellisDistribution *dist,
      guint                disagree,
      guint                neutral,
      guint                agree)
{
  trellis_distribution_init (dist, 5);
  for (guint i = 0; i < disagree; i++)
    trellis_distribution_add (dist, 2);
  for (guint i = 0; i < neutral; i++)
    trellis_distribution_add (dist, 3);
  for (guint i = 0; i < agree; i++)
    trellis_distribution_add (dist, 4);
  trellis_distribution_finish (dist);
}

static void
test_verdicts (void)
{
  TrellisDistribution before, after;

  /* 10 of 20 agreeing to 13 of 20: 15 points, one of the noisy changes. */
  fill (&before, 5, 5, 10);
  fill (&after, 3, 4, 13);
  g_assert_cmpint (trellis_change_test_agree (&before, &after), ==, TRELLIS_CHANGE_UNCLEAR);
  /* 10 of 20 to 17 of 20: the interval (SciPy fixture) is 0.059 to 0.573. */
  fill (&after, 1, 2, 17);
  g_assert_cmpint (trellis_change_test_agree (&before, &after), ==, TRELLIS_CHANGE_MORE);
  g_assert_cmpint (trellis_change_test_agree (&after, &before), ==, TRELLIS_CHANGE_FEWER);
  g_assert_true (trellis_change_is_clear (TRELLIS_CHANGE_MORE));
  g_assert_false (trellis_change_is_clear (TRELLIS_CHANGE_UNCLEAR));
  /* Four answers are too few, however large the swing. */
  fill (&before, 4, 0, 0);
  fill (&after, 0, 0, 4);
  g_assert_cmpint (trellis_change_test_agree (&before, &after), ==, TRELLIS_CHANGE_TOO_FEW);
  g_assert_cmpuint (trellis_distribution_count_agree (&after), ==, 4);
  g_assert_cmpuint (trellis_distribution_count_disagree (&before), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/change-test/wilson-reference", test_wilson_reference);
  g_test_add_func ("/change-test/newcombe-reference", test_newcombe_reference);
  g_test_add_func ("/change-test/newcombe-published", test_newcombe_published);
  g_test_add_func ("/change-test/verdicts", test_verdicts);

  return g_test_run ();
}
