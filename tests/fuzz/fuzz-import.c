/* fuzz-import.c: the whole import (format sniffing, layout, mapping, round) on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "trellis-model.h"
#include "trellis-import.h"
#include "trellis-template.h"

static TrellisProject *project;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  project = trellis_project_new_from_template ("is-ofpc", "Fuzz", NULL);
  g_assert (project != NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TrellisImport) import = trellis_import_new (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisRound) round = NULL;
  g_autoptr(GPtrArray) values = NULL;

  trellis_import_set_seed (import, 1);
  if (!trellis_import_add_bytes (import, bytes, "fuzz.csv", TRELLIS_TABLE_FORMAT_AUTO, &error))
    {
      g_assert (error != NULL && error->domain == TRELLIS_IMPORT_ERROR);
      return 0;
    }
  values = trellis_import_dup_values (import);
  (void) trellis_import_needs_review (import);
  round = trellis_import_build_round (import, "Fuzz", &error);
  g_assert ((round == NULL) != (error == NULL));
  g_assert (trellis_project_get_n_rounds (project) == 0);
  return 0;
}
