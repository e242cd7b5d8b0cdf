/* bench-import.c: importing 10,000 responses to 60 statements, against a trivial scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a Google-Forms-like CSV in memory (a timestamp, an e-mail address, a group,
 * 60 rated statements as label text, four comment boxes with quoted multi-line text),
 * then times, best of several runs:
 *
 *   reference  one pass over the bytes counting records and fields, honouring quotes:
 *              the least any CSV reader must do
 *   read       trellis_table_read_csv (decode, tokenise, store every cell)
 *   import     the whole import: read, detect the layout, match the headers, build the
 *              round (answers, groups, shuffled comments)
 *
 * and prints the absolute times and the ratios to the reference measured in the same run.
 */
#include "config.h"

#include <stdio.h>

#include "trellis-model.h"
#include "trellis-import.h"
#include "trellis-template.h"

#define N_RESPONSES 10000
#define N_RUNS      7

static const char *labels[] = {
  "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree",
  "Not applicable", "Don't know", "",
};

static GBytes *
build_export (TrellisProject *project)
{
  g_autoptr(GPtrArray) rated = trellis_checklist_collect_rated (trellis_project_get_checklist (project), FALSE);
  g_autoptr(GString) csv = g_string_new ("Timestamp,Email address,Which sector do you represent?");
  GRand *rand = g_rand_new_with_seed (42);
  const char *sectors[] = { "Council", "Police", "Health", "Fire and Rescue", "Third sector" };

  for (guint i = 0; i < rated->len; i++)
    g_string_append_printf (csv, ",\"%s\"", trellis_statement_get_text (g_ptr_array_index (rated, i)));
  for (guint s = 0; s < 4; s++)
    g_string_append_printf (csv, ",\"Comments on section %c\"", 'A' + s);
  g_string_append (csv, "\r\n");

  for (guint r = 0; r < N_RESPONSES; r++)
    {
      g_string_append_printf (csv, "2026/09/%02u %u:%02u:%02u pm GMT+1,person%u@example.org,%s",
                              1 + r % 28, 1 + r % 12, r % 60, (r * 7) % 60, r,
                              sectors[g_rand_int_range (rand, 0, G_N_ELEMENTS (sectors))]);
      for (guint i = 0; i < rated->len; i++)
        g_string_append_printf (csv, ",%s", labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))]);
      for (guint s = 0; s < 4; s++)
        if (g_rand_int_range (rand, 0, 4) == 0)
          g_string_append_printf (csv, ",\"Comment %u on %c, with \"\"quotes\"\"\nand a second line\"", r, 'A' + s);
        else
          g_string_append_c (csv, ',');
      g_string_append (csv, "\r\n");
    }
  g_rand_free (rand);
  return g_string_free_to_bytes (g_steal_pointer (&csv));
}

/* The reference: count records and fields in one pass, quotes honoured. */
static guint64
scan (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  guint64 fields = 0, records = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];
      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == ',')
        fields++;
      else if (!quoted && c == '\n')
        records++;
    }
  return fields + (records << 32);
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisProject) project = trellis_project_new_from_template ("is-ofpc", "Benchmark", &error);
  g_autoptr(GBytes) bytes = NULL;
  double best_scan = G_MAXDOUBLE, best_read = G_MAXDOUBLE, best_import = G_MAXDOUBLE;
  volatile guint64 sink = 0;

  g_assert_no_error (error);
  bytes = build_export (project);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(TrellisTable) table = NULL;
      g_autoptr(TrellisImport) import = NULL;
      g_autoptr(TrellisRound) round = NULL;
      double start;

      start = now ();
      sink += scan (bytes);
      best_scan = MIN (best_scan, now () - start);

      start = now ();
      table = trellis_table_read_csv (bytes, "bench.csv", 0, &error);
      best_read = MIN (best_read, now () - start);
      g_assert_no_error (error);
      g_assert_cmpuint (trellis_table_get_n_rows (table), ==, N_RESPONSES + 1);

      start = now ();
      import = trellis_import_new (project);
      trellis_import_set_seed (import, run);
      if (!trellis_import_add_bytes (import, bytes, "bench.csv", TRELLIS_TABLE_FORMAT_AUTO, &error))
        g_error ("%s", error->message);
      round = trellis_import_build_round (import, "Bench", &error);
      best_import = MIN (best_import, now () - start);
      g_assert_no_error (error);
      g_assert_cmpuint (trellis_round_get_n_responses (round), ==, N_RESPONSES);
      g_assert_cmpuint (trellis_round_get_n_items (round), ==, 60);
    }

  printf ("export: %u responses × 60 statements, %.1f MB CSV\n", N_RESPONSES,
          g_bytes_get_size (bytes) / 1e6);
  printf ("reference (one-pass field count):  %8.2f ms\n", best_scan * 1e3);
  printf ("read CSV into a table:             %8.2f ms  (%.1f× reference)\n", best_read * 1e3,
          best_read / best_scan);
  printf ("whole import, round built:         %8.2f ms  (%.1f× reference)\n", best_import * 1e3,
          best_import / best_scan);
  return sink == 0;
}
