/* trellis-import-layout.h: which survey tool wrote an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TrellisImportLayout:
 * @TRELLIS_IMPORT_LAYOUT_GENERIC: one header row, then one row per response
 * @TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS: ID, start and completion times, e-mail, name, questions
 * @TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS: a timestamp first, then the questions
 * @TRELLIS_IMPORT_LAYOUT_SURVEYMONKEY: two header rows: questions, then matrix rows
 * @TRELLIS_IMPORT_LAYOUT_QUALTRICS: three header rows: export tags, question text, ImportIds
 * @TRELLIS_IMPORT_LAYOUT_QUALTRICS_LEGACY: two header rows, V1…V10 first
 * @TRELLIS_IMPORT_LAYOUT_LIMESURVEY: id, submitdate, lastpage, startlanguage, seed first
 * @TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX: KoboToolbox's _id … _index columns, maybe HXL tags
 *
 * Told apart by structure (header rows, metadata columns, the ImportId row), not by
 * English header names, which the tools translate.
 */
typedef enum
{
  TRELLIS_IMPORT_LAYOUT_GENERIC,
  TRELLIS_IMPORT_LAYOUT_MICROSOFT_FORMS,
  TRELLIS_IMPORT_LAYOUT_GOOGLE_FORMS,
  TRELLIS_IMPORT_LAYOUT_SURVEYMONKEY,
  TRELLIS_IMPORT_LAYOUT_QUALTRICS,
  TRELLIS_IMPORT_LAYOUT_QUALTRICS_LEGACY,
  TRELLIS_IMPORT_LAYOUT_LIMESURVEY,
  TRELLIS_IMPORT_LAYOUT_KOBOTOOLBOX,
} TrellisImportLayout;

const char *trellis_import_layout_get_name (TrellisImportLayout layout);

G_END_DECLS
