/* trellis-handoff.h: the tailored checklist handed to a survey tool, or printed as a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-chart-style.h"
#include "trellis-model.h"

G_BEGIN_DECLS

/**
 * TrellisHandoffFormat:
 * @TRELLIS_HANDOFF_QUESTIONNAIRE: a paper form (PDF) with a tick box per answer
 * @TRELLIS_HANDOFF_FORMS_TEXT: plain text to paste into Microsoft Forms' and Google
 *   Forms' Likert and grid questions, a section at a time
 * @TRELLIS_HANDOFF_LSS: a LimeSurvey survey structure (.lss)
 * @TRELLIS_HANDOFF_QUALTRICS: Qualtrics' Advanced Format text import (.txt)
 * @TRELLIS_HANDOFF_XLSFORM: an XLSForm workbook (.xlsx) for KoboToolbox and ODK
 *
 * Every format leaves cut statements out, prints statements with their numbers, asks
 * one question per section and scale (a section rated on two scales asks two), keeps a
 * multi-part item's parts together under its lead-in, and ends each section with its
 * comment question.
 */
typedef enum
{
  TRELLIS_HANDOFF_QUESTIONNAIRE,
  TRELLIS_HANDOFF_FORMS_TEXT,
  TRELLIS_HANDOFF_LSS,
  TRELLIS_HANDOFF_QUALTRICS,
  TRELLIS_HANDOFF_XLSFORM,
} TrellisHandoffFormat;

#define TRELLIS_HANDOFF_N_FORMATS 5

const char *trellis_handoff_format_get_name (TrellisHandoffFormat format);
const char *trellis_handoff_format_get_extension (TrellisHandoffFormat format);

GBytes     *trellis_handoff_build (TrellisProject        *project,
                                   TrellisHandoffFormat   format,
                                   TrellisChartPaper      paper,
                                   GError               **error);
gboolean    trellis_handoff_write (TrellisProject        *project,
                                   TrellisHandoffFormat   format,
                                   TrellisChartPaper      paper,
                                   GFile                 *file,
                                   GError               **error);
guint       trellis_handoff_count_statements (TrellisProject *project);

G_END_DECLS
