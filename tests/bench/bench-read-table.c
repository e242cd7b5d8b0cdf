/* bench-read-table.c: only the first stage of an import, reading an export into a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-read-table FILE
 *
 * Reads FILE as `trellis-cli import` does (same reader, same threads, every cell found and
 * coded), then exits without analysing, building a round or saving. run-all.py times
 * this whole process beside the import, so the table says how much of the import is
 * reading the file and how much is everything after it. Prints the rows and columns read,
 * so that a wrong read does not pass for a fast one.
 */
#include "config.h"

#include <stdio.h>

#include "trellis-table.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  TrellisTable *table;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: bench-read-table FILE\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  name = g_file_get_basename (file);
  table = trellis_table_read_file (file, name, TRELLIS_TABLE_FORMAT_AUTO, NULL, &error);
  if (table == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%u rows, %u columns\n", trellis_table_get_n_rows (table), trellis_table_get_n_columns (table));
  /* Not freed, as trellis-cli does not free what it read before exiting. */
  return 0;
}
