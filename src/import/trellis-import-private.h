/* trellis-import-private.h: what the importer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-checklist.h"
#include "trellis-import-layout.h"
#include "trellis-round.h"
#include "trellis-table.h"

G_BEGIN_DECLS

/**
 * TrellisCompletionKind:
 *
 * How a completion column says a response was finished.
 */
typedef enum
{
  TRELLIS_COMPLETION_FLAG,         /* Qualtrics Finished: True/False, 1/0 */
  TRELLIS_COMPLETION_SUBMIT_DATE,  /* LimeSurvey submitdate: empty until submitted */
  TRELLIS_COMPLETION_STATUS,       /* Qualtrics Status: previews, tests and spam */
} TrellisCompletionKind;

/* What the structure of an export says about one column before any matching. */
typedef struct
{
  char                  *header;   /* as shown to the facilitator, header rows composed */
  char                  *code;     /* the tool's own name for it (Qualtrics tag), or NULL */
  TrellisColumnRole      role;     /* IGNORED when the layout says nothing */
  TrellisCompletionKind  completion;
  const char            *reason;   /* untranslated N_() text, or NULL */
} TrellisLayoutColumn;

typedef struct
{
  TrellisImportLayout  layout;
  guint                first_data_row;  /* table row index */
  guint                n_header_rows;
  GArray              *columns;         /* TrellisLayoutColumn */
} TrellisLayoutInfo;

TrellisLayoutInfo *_trellis_layout_detect (TrellisTable *table);
void               _trellis_layout_info_free (TrellisLayoutInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisLayoutInfo, _trellis_layout_info_free)

/* Text as compared: case-folded, accents, quotes and punctuation gone, spaces single. */
char          *_trellis_import_fold (const char *text);

/* What a column's values look like, sampled from its data rows. */
typedef enum
{
  TRELLIS_VALUES_TEXT,
  TRELLIS_VALUES_EMPTY,
  TRELLIS_VALUES_EMAIL,
  TRELLIS_VALUES_IP_ADDRESS,
  TRELLIS_VALUES_TIMESTAMP,
  TRELLIS_VALUES_DATE,
  TRELLIS_VALUES_ID,
  TRELLIS_VALUES_INTEGER,
  TRELLIS_VALUES_BOOLEAN,
  TRELLIS_VALUES_LANGUAGE,
} TrellisValueShape;

TrellisValueShape _trellis_import_column_shape (TrellisTable *table,
                                                guint         first_row,
                                                guint         column);
gboolean       _trellis_import_is_date_text (const char *text,
                                             gboolean   *has_time);
gboolean       _trellis_import_read_day (const char *text,
                                         gboolean    day_first,
                                         GDate      *day);

/* Answers: the built-in reading of a cell on a scale. */
#define TRELLIS_ANSWER_UNMAPPED ((TrellisAnswer) G_MININT8)

TrellisAnswer  _trellis_import_read_answer (TrellisScale *scale,
                                            const char   *folded);
char          *_trellis_import_clean_cell (const char *text);

/* Statements: how well a header names one. */
typedef struct
{
  TrellisStatement *statement;
  double            score;
  guint             order;  /* in checklist order, so that ties go to the earlier */
} TrellisStatementMatch;

GArray        *_trellis_import_fold_statements (GPtrArray *statements);
GArray        *_trellis_import_match_header (GArray     *texts,
                                             const char *header,
                                             const char *code);
char          *_trellis_import_code_number (const char *code);
gboolean       _trellis_import_read_abbreviated (const char  *header,
                                                 char       **question,
                                                 char       **sub,
                                                 gboolean    *question_cut,
                                                 gboolean    *sub_cut);
gboolean       _trellis_import_abbreviation_fits (const char *part,
                                                  gboolean    cut,
                                                  const char *full);
const char    *_trellis_import_name_section (TrellisChecklist *checklist,
                                             GArray           *texts,
                                             const char       *header,
                                             const char       *code);

/* A LimeSurvey survey's codes and what they mean, from its structure file (.lss). */
typedef struct _TrellisSurveyStructure TrellisSurveyStructure;

TrellisSurveyStructure *_trellis_survey_structure_new (GBytes      *bytes,
                                                       const char  *display_name,
                                                       GError     **error);
const char             *_trellis_survey_structure_lookup (TrellisSurveyStructure *self,
                                                          const char             *code);
const char             *_trellis_survey_structure_spell_out (TrellisSurveyStructure *self,
                                                             const char             *header,
                                                             GHashTable             *claimed);
void                    _trellis_survey_structure_free (TrellisSurveyStructure *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSurveyStructure, _trellis_survey_structure_free)

G_END_DECLS
