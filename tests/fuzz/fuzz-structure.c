/* fuzz-structure.c: LimeSurvey survey structure files (.lss) on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A structure file is read or refused with an error; either way nothing else happens,
 * and every text it yields is valid UTF-8.
 */
#include "config.h"

#include "fuzz-common.h"
#include "trellis-import-private.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisSurveyStructure) structure = _trellis_survey_structure_new (bytes, "fuzz.lss", &error);
  const char *codes[] = { "A1[SQ001]", "D55[SQ004]", "AC", "Q55_SQ001" };

  g_assert ((structure == NULL) == (error != NULL));
  if (error != NULL)
    g_assert (g_utf8_validate (error->message, -1, NULL));
  for (guint i = 0; structure != NULL && i < G_N_ELEMENTS (codes); i++)
    {
      const char *text = _trellis_survey_structure_lookup (structure, codes[i]);
      g_assert (text == NULL || g_utf8_validate (text, -1, NULL));
    }
  return 0;
}
