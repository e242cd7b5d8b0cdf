/* trellis-handoff-private.h: the checklist as the hand-off formats ask it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-handoff.h"

G_BEGIN_DECLS

/* One grid of questions: rated statements in use, in order, on one scale. A multi-part
 * item is a grid of its own, under its lead-in. */
typedef struct
{
  TrellisStatement *lead;        /* the multi-part item's lead-in, or NULL */
  TrellisScale     *scale;
  guint             scale_index;
  GPtrArray        *rows;        /* TrellisStatement */
  char             *code;        /* the grid's question code: letters and digits */
} HandoffGrid;

typedef struct
{
  TrellisSection   *section;
  char             *title;        /* "Section A: Partnership remit…" */
  char             *code;         /* letters and digits, unique: "A" */
  GPtrArray        *grids;        /* HandoffGrid */
  TrellisStatement *comment;      /* the section's comment box, or NULL */
  char             *comment_text; /* "18. Thinking about…", or one of our own */
  char             *comment_code; /* "AC" */
} HandoffSection;

typedef struct
{
  TrellisProject   *project;
  TrellisChecklist *checklist;
  GPtrArray        *sections;     /* HandoffSection, included ones with something to ask */
  GHashTable       *row_codes;    /* TrellisStatement → its subquestion code, unique */
} HandoffSurvey;

HandoffSurvey *_trellis_handoff_survey_new (TrellisProject *project);
void           _trellis_handoff_survey_free (HandoffSurvey *survey);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HandoffSurvey, _trellis_handoff_survey_free)

char          *_trellis_handoff_one_line (const char *text);
char          *_trellis_handoff_html (const char *text);
char          *_trellis_handoff_row_label (TrellisStatement *statement);
char          *_trellis_handoff_grid_question (const HandoffSurvey  *survey,
                                               const HandoffSection *section,
                                               const HandoffGrid    *grid);
const char    *_trellis_handoff_row_code (const HandoffSurvey *survey,
                                          TrellisStatement    *statement);
GPtrArray     *_trellis_handoff_dup_answer_labels (TrellisScale *scale);
GPtrArray     *_trellis_handoff_dup_answer_codes (TrellisScale *scale);
char          *_trellis_handoff_dup_instructions (const HandoffSurvey *survey);
const char    *_trellis_handoff_anonymity (void);
char          *_trellis_handoff_dup_title (const HandoffSurvey *survey);

GBytes        *_trellis_handoff_build_lss (const HandoffSurvey  *survey,
                                           GError              **error);
GBytes        *_trellis_handoff_build_xlsform (const HandoffSurvey  *survey,
                                               GError              **error);
GBytes        *_trellis_handoff_write_workbook (const char * const *sheet_names,
                                               GPtrArray * const  *sheets,
                                               guint               n_sheets,
                                               GError            **error);
GBytes        *_trellis_handoff_build_questionnaire (const HandoffSurvey  *survey,
                                                     TrellisChartPaper     paper,
                                                     GError              **error);

G_END_DECLS
