/* trellis-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-checklist.h"
#include "trellis-group-breakdown.h"
#include "trellis-import-private.h"
#include "trellis-import.h"
#include "trellis-file-util.h"
#include "trellis-huge-pages.h"
#include "trellis-project.h"
#include "trellis-scale.h"
#include "trellis-section.h"
#include "trellis-statement.h"
#include "trellis-table-private.h"

/* Below this the facilitator is asked to look at a column's mapping. */
#define REVIEW_CONFIDENCE 0.8
/* A group column names a few sectors or partners, not one value per respondent. */
#define MAX_GROUPS 40

typedef struct
{
  char              *name;
  TrellisTable      *table;
  TrellisLayoutInfo *layout;
  /* Per column, once read: the last day among its dates (cleared when it has none).
   * The table does not change, and reading 100,000 timestamps is not free. */
  GDate             *latest_days;
  guint8            *latest_day_read;
} ImportFile;

struct _TrellisImport
{
  GObject          parent_instance;

  TrellisProject  *project;
  GPtrArray       *files;        /* ImportFile */
  GListStore      *columns;      /* TrellisImportColumn, as the first file has them */
  GPtrArray       *value_rules;  /* TrellisValueRule: the facilitator's and the last round's */
  TrellisRound    *reused_round;
  gboolean         include_incomplete;
  gboolean         has_seed;
  guint32          seed;
  TrellisSurveyStructure *structure;  /* LimeSurvey's codes and their texts, or NULL */
  GPtrArray       *spelled_out;  /* per column: the full text of an abbreviated heading, or NULL */
  char            *date;
  gboolean         date_set;     /* by the facilitator, even to none */
  guint            n_empty;
  guint            n_no_answers;
  guint            n_not_shown;
};

G_DEFINE_FINAL_TYPE (TrellisImport, trellis_import, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (TrellisImportValue, trellis_import_value, trellis_import_value_copy, trellis_import_value_free)

TrellisImportValue *
trellis_import_value_copy (const TrellisImportValue *value)
{
  TrellisImportValue *copy;

  g_return_val_if_fail (value != NULL, NULL);

  copy = g_new0 (TrellisImportValue, 1);
  *copy = *value;
  copy->text = g_strdup (value->text);
  return copy;
}

void
trellis_import_value_free (TrellisImportValue *value)
{
  if (value == NULL)
    return;
  g_free (value->text);
  g_free (value);
}

static void
import_file_free (ImportFile *file)
{
  g_free (file->name);
  g_clear_pointer (&file->table, trellis_table_unref);
  g_clear_pointer (&file->layout, _trellis_layout_info_free);
  g_free (file->latest_days);
  g_free (file->latest_day_read);
  g_free (file);
}

static void
trellis_import_dispose (GObject *object)
{
  TrellisImport *self = (TrellisImport *) object;

  g_clear_object (&self->project);
  g_clear_object (&self->reused_round);
  g_clear_object (&self->columns);

  G_OBJECT_CLASS (trellis_import_parent_class)->dispose (object);
}

static void
trellis_import_finalize (GObject *object)
{
  TrellisImport *self = (TrellisImport *) object;

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->value_rules, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->structure, _trellis_survey_structure_free);
  g_clear_pointer (&self->spelled_out, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_import_parent_class)->finalize (object);
}

static void
trellis_import_class_init (TrellisImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_import_dispose;
  object_class->finalize = trellis_import_finalize;
}

static void
trellis_import_init (TrellisImport *self)
{
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) import_file_free);
  self->columns = g_list_store_new (TRELLIS_TYPE_IMPORT_COLUMN);
  self->value_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_value_rule_free);
}

/**
 * trellis_import_new:
 * @project: the project the responses are for; it is not changed until
 *   trellis_import_apply()
 *
 * Returns: (transfer full): a new import
 */
TrellisImport *
trellis_import_new (TrellisProject *project)
{
  TrellisImport *self;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);

  self = g_object_new (TRELLIS_TYPE_IMPORT, NULL);
  self->project = g_object_ref (project);
  return self;
}

/**
 * trellis_import_get_project:
 *
 * Returns: (transfer none): the project
 */
TrellisProject *
trellis_import_get_project (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  return self->project;
}

static ImportFile *
first_file (TrellisImport *self)
{
  return self->files->len > 0 ? g_ptr_array_index (self->files, 0) : NULL;
}

static TrellisChecklist *
checklist (TrellisImport *self)
{
  return trellis_project_get_checklist (self->project);
}

static TrellisImportColumn *
column_at (TrellisImport *self,
           guint          index)
{
  /* g_list_model_get_item returns a reference; the store keeps its own. */
  TrellisImportColumn *column = g_list_model_get_item (G_LIST_MODEL (self->columns), index);

  g_object_unref (column);
  return column;
}

/*****/

/* Statements a column may answer or comment on: every rated statement and comment box,
 * in checklist order. */
static GPtrArray *
collect_statements (TrellisImport *self)
{
  TrellisChecklist *list = checklist (self);
  GPtrArray *statements = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint s = 0; s < trellis_checklist_get_n_sections (list); s++)
    {
      TrellisSection *section = trellis_checklist_get_section (list, s);

      for (guint i = 0; i < trellis_section_get_n_statements (section); i++)
        {
          TrellisStatement *statement = trellis_section_get_statement (section, i);

          if (trellis_statement_get_kind (statement) == TRELLIS_STATEMENT_MULTI)
            for (guint c = 0; c < trellis_statement_get_n_children (statement); c++)
              g_ptr_array_add (statements, g_object_ref (trellis_statement_get_child (statement, c)));
          else
            g_ptr_array_add (statements, g_object_ref (statement));
        }
    }
  return statements;
}

/* With more than one scale (importance and effectiveness), a header naming a scale's
 * title answers on that scale; otherwise on the first. @named says whether the header
 * named one, the first included. */
static TrellisScale *
scale_for_header (TrellisImport *self,
                  const char    *header,
                  gboolean      *named)
{
  TrellisChecklist *list = checklist (self);
  g_autofree char *folded = _trellis_import_fold (header);

  *named = FALSE;
  for (guint s = trellis_checklist_get_n_scales (list); s-- > 0;)
    {
      TrellisScale *scale = trellis_checklist_get_scale (list, s);
      g_autofree char *title = _trellis_import_fold (trellis_scale_get_title (scale));

      if (*title != '\0' && strstr (folded, title) != NULL)
        {
          *named = TRUE;
          if (s > 0)
            return scale;
        }
    }
  return trellis_checklist_get_scale (list, 0);
}

typedef struct
{
  guint                 column;
  TrellisStatementMatch match;
  char                 *key;
  gboolean              names_scale;  /* the header names the scale it answers on */
} Candidate;

static void
candidate_clear (Candidate *candidate)
{
  g_free (candidate->key);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->match.score != cb->match.score)
    return ca->match.score < cb->match.score ? 1 : -1;
  if (ca->column != cb->column)
    return ca->column < cb->column ? -1 : 1;
  return (ca->match.order > cb->match.order) - (ca->match.order < cb->match.order);
}

static const char *
section_id_of (TrellisStatement *statement)
{
  TrellisSection *section = trellis_statement_get_section (statement);

  return section != NULL ? trellis_section_get_id (section) : NULL;
}

/* The nearest column before or after @index, past those that are neither answers
 * nor comments (a tool's timings, a group question). */
static TrellisImportColumn *
neighbour (TrellisImport *self,
           guint          index,
           int            step)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  for (int i = (int) index + step; i >= 0 && i < (int) n; i += step)
    {
      TrellisColumnRole role = trellis_import_column_get_role (column_at (self, i));

      if (role == TRELLIS_COLUMN_ITEM || role == TRELLIS_COLUMN_COMMENT)
        return column_at (self, i);
    }
  return NULL;
}

static const char *
section_of_item_column (TrellisImport       *self,
                        TrellisImportColumn *column)
{
  TrellisStatement *statement = NULL;

  if (column == NULL || trellis_import_column_get_role (column) != TRELLIS_COLUMN_ITEM ||
      !trellis_checklist_lookup_item_key (checklist (self), trellis_import_column_get_target (column),
                                          &statement, NULL))
    return NULL;
  if (trellis_statement_get_parent_statement (statement) != NULL)
    statement = trellis_statement_get_parent_statement (statement);
  return section_id_of (statement);
}

/* Comment boxes often share one text in every section ("Thinking about the issues
 * covered in this section…"), so such a column belongs to the section whose statements
 * precede it. That is sure only when it stands alone between statements, as a box
 * after each section's statements does; boxes gathered together (all on the last page)
 * say nothing by where they stand. */
static const char *
section_by_position (TrellisImport *self,
                     guint          index,
                     gboolean      *sure)
{
  TrellisImportColumn *before = neighbour (self, index, -1);
  TrellisImportColumn *after = neighbour (self, index, +1);
  const char *section = section_of_item_column (self, before);

  *sure = section != NULL && (after == NULL || trellis_import_column_get_role (after) == TRELLIS_COLUMN_ITEM);
  /* Otherwise a guess, to be confirmed: the section of the nearest statements before. */
  for (guint i = index; section == NULL && i > 0; i--)
    section = section_of_item_column (self, column_at (self, i - 1));
  if (section == NULL)
    section = section_of_item_column (self, after);
  return section;
}

/* What a column's header says: with the survey's structure, the text behind a LimeSurvey
 * code heading ("D55[SQ004]"); otherwise the header itself. */
static const char *
header_text (TrellisImport *self,
             guint          index,
             const char    *code)
{
  const char *header = trellis_import_column_get_header (column_at (self, index));
  const char *text = _trellis_survey_structure_lookup (self->structure, header);

  if (text == NULL && self->spelled_out != NULL && index < self->spelled_out->len)
    text = g_ptr_array_index (self->spelled_out, index);
  if (text == NULL)
    text = _trellis_survey_structure_lookup (self->structure, code);
  return text != NULL ? text : header;
}

/* A comment column goes to the section its header names, wherever it stands; only a
 * header that names none falls back to the column's place. When that is no surer, the
 * column is unsettled: it must not be imported on a guess. */
static void
place_comments (TrellisImport *self,
                GArray        *texts,
                guint          index,
                const char    *code,
                double         confidence)
{
  TrellisImportColumn *column = column_at (self, index);
  const char *named = _trellis_import_name_section (checklist (self), texts, header_text (self, index, code), code);
  const char *section;
  gboolean sure = FALSE;

  if (named != NULL)
    {
      _trellis_import_column_set_mapping (column, TRELLIS_COLUMN_COMMENT, named, MAX (confidence, 0.95),
                                          _("comments on the section its header names"));
      return;
    }
  section = section_by_position (self, index, &sure);
  if (section == NULL)
    section = trellis_import_column_get_target (column);
  if (sure && section != NULL)
    {
      _trellis_import_column_set_mapping (column, TRELLIS_COLUMN_COMMENT, section, confidence,
                                          _("comments on the section"));
      return;
    }
  _trellis_import_column_set_mapping (column, TRELLIS_COLUMN_COMMENT, section, 0.5,
                                      _("which section these comments are on is a guess: the header names none, "
                                        "and the column does not follow one section’s statements"));
  _trellis_import_column_set_unsettled (column);
}

static gboolean
contains_any (const char         *folded,
              const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whole words of @folded, not parts of them: "e mail" is not in "the mail". */
static gboolean
contains_phrase (const char         *folded,
                 const char * const *phrases)
{
  g_autofree char *padded = g_strconcat (" ", folded, " ", NULL);

  for (guint i = 0; phrases[i] != NULL; i++)
    {
      g_autofree char *phrase = g_strconcat (" ", phrases[i], " ", NULL);

      if (strstr (padded, phrase) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
mentions_email (const char *text)
{
  static GRegex *email;

  if (g_once_init_enter (&email))
    g_once_init_leave (&email, g_regex_new ("[^\\s@<>(),;:]+@[^\\s@<>(),;:]+\\.[a-z]{2,}",
                                            G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL));
  return g_regex_match (email, text, 0, NULL);
}

/* A group is something respondents share, such as the partner they come from. A column
 * of more values than a partnership has partners, where most respondents stand alone,
 * or that holds an e-mail address says who each respondent is ("Jane Smith, Police"),
 * and stored as a group it would name them beside their answers. */
static gboolean
is_shared_like_a_group (TrellisTable *table,
                        guint         first_row,
                        guint         column)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_values = trellis_table_get_n_values (table, column), filled = 0, alone = 0;
  g_autofree guint *occurs = g_new0 (guint, MAX (n_values, 1));
  GHashTableIter iter;
  gpointer count;

  /* Each distinct cell once, with how often it occurs. */
  trellis_table_count_values (table, column, first_row, occurs);
  for (guint v = 0; v < n_values; v++)
    {
      g_autofree char *cleaned = NULL;
      char *folded;

      if (occurs[v] == 0)
        continue;
      cleaned = _trellis_import_clean_cell (trellis_table_get_value (table, column, v));
      if (*cleaned == '\0')
        continue;
      if (mentions_email (cleaned))
        return FALSE;
      folded = g_utf8_casefold (cleaned, -1);
      count = g_hash_table_lookup (counts, folded);
      g_hash_table_insert (counts, folded, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + occurs[v]));
      if (g_hash_table_size (counts) > MAX_GROUPS)
        return FALSE;
      filled += occurs[v];
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    if (GPOINTER_TO_UINT (count) == 1)
      alone++;
  return filled > 0 && alone * 2 <= filled;
}

/* Share of a column's filled cells that read as answers on the main scale. */
static double
share_of_answers (TrellisImport *self,
                  TrellisTable  *table,
                  guint          first_row,
                  guint          column)
{
  TrellisScale *scale = trellis_checklist_get_scale (checklist (self), 0);
  guint n_rows = trellis_table_get_n_rows (table), filled = 0, answers = 0;
  /* What each distinct cell reads as, read once: 0 not yet, 1 an answer, 2 not, 3 empty. */
  g_autofree guint8 *reads = g_new0 (guint8, MAX (trellis_table_get_n_values (table, column), 1));

  for (guint row = first_row; row < n_rows && filled < 200; row++)
    {
      guint value = trellis_table_get_value_index (table, row, column);

      if (reads[value] == 0)
        {
          g_autofree char *cleaned = _trellis_import_clean_cell (trellis_table_get (table, row, column));

          reads[value] = *cleaned == '\0' ? 3
                         : _trellis_import_read_answer (scale, cleaned) != TRELLIS_ANSWER_UNMAPPED ? 1 : 2;
        }
      if (reads[value] == 3)
        continue;
      filled++;
      answers += reads[value] == 1;
    }
  return filled > 0 ? (double) answers / filled : 0.0;
}

static const char * const comment_words[] = { "comment", "suggestion", "anything else", "remarks", NULL };

/* Columns that say they hold comments but match no comment box ("Any other comments?")
 * join those that do before any is placed: where a comment column stands says
 * something only beside all the others. */
static void
mark_comment_columns (TrellisImport *self,
                      ImportFile    *file,
                      gboolean      *decided)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  for (guint c = 0; c < n; c++)
    {
      const TrellisLayoutColumn *hint = &g_array_index (file->layout->columns, TrellisLayoutColumn, c);
      g_autofree char *folded = NULL;

      if (decided[c])
        continue;
      folded = _trellis_import_fold (header_text (self, c, hint->code));
      if (contains_any (folded, comment_words) &&
          _trellis_import_column_shape (file->table, file->layout->first_data_row, c) == TRELLIS_VALUES_TEXT &&
          share_of_answers (self, file->table, file->layout->first_data_row, c) < 0.5)
        {
          _trellis_import_column_set_mapping (column_at (self, c), TRELLIS_COLUMN_COMMENT, NULL, 0.85, NULL);
          decided[c] = TRUE;
        }
    }
}

static const char * const group_words[] = {
  "sector", "organisation", "organization", "agency", "partner", "represent", "service",
  "department", "employer", NULL
};
/* Headers that ask who someone is, whatever else they ask ("Your name and the
 * organisation you represent"). */
static const char * const person_phrases[] = {
  "your name", "full name", "first name", "last name", "surname", "email", "e mail", NULL
};

/* With the survey's structure, each LimeSurvey abbreviated heading spelled out in full:
 * columns in survey order, so alike headings take alike questions in turn. */
static void
spell_out_headings (TrellisImport *self)
{
  g_autoptr(GHashTable) claimed = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  g_clear_pointer (&self->spelled_out, g_ptr_array_unref);
  self->spelled_out = g_ptr_array_new_full (n, g_free);
  for (guint c = 0; c < n; c++)
    {
      const char *header = trellis_import_column_get_header (column_at (self, c));

      g_ptr_array_add (self->spelled_out,
                       g_strdup (_trellis_survey_structure_spell_out (self->structure, header, claimed)));
    }
}

/* A LimeSurvey abbreviated heading left as it is ("The partnershi.. ") that starts
 * several statements as well as it starts any: which one it answers is not known. */
static gboolean
is_ambiguous_abbreviation (const char *header,
                           GArray     *matches)
{
  g_autofree char *question = NULL;
  g_autofree char *sub = NULL;
  gboolean question_cut, sub_cut;

  if (matches->len < 2 ||
      !_trellis_import_read_abbreviated (header, &question, &sub, &question_cut, &sub_cut))
    return FALSE;
  return g_array_index (matches, TrellisStatementMatch, 1).score >=
         g_array_index (matches, TrellisStatementMatch, 0).score;
}

/* Every statement each undecided column's header could name, with its score. */
static GArray *
collect_candidates (TrellisImport *self,
                    ImportFile    *file,
                    GArray        *texts,
                    gboolean      *decided,
                    gboolean      *ambiguous)
{
  TrellisChecklist *list = checklist (self);
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);
  for (guint c = 0; c < n; c++)
    {
      TrellisImportColumn *column = column_at (self, c);
      const TrellisLayoutColumn *hint = &g_array_index (file->layout->columns, TrellisLayoutColumn, c);
      g_autoptr(GArray) matches = NULL;

      if (trellis_import_column_get_role (column) != TRELLIS_COLUMN_IGNORED ||
          trellis_import_column_get_reason (column) != NULL)
        {
          decided[c] = TRUE;
          continue;
        }
      matches = _trellis_import_match_header (texts, header_text (self, c, hint->code), hint->code);
      ambiguous[c] = is_ambiguous_abbreviation (header_text (self, c, hint->code), matches);
      for (guint m = 0; m < matches->len; m++)
        {
          Candidate candidate = { c, g_array_index (matches, TrellisStatementMatch, m), NULL, FALSE };

          if (trellis_statement_get_kind (candidate.match.statement) == TRELLIS_STATEMENT_RATING)
            candidate.key = trellis_checklist_dup_item_key (list, candidate.match.statement,
                                                            scale_for_header (self, header_text (self, c, hint->code),
                                                                              &candidate.names_scale));
          g_array_append_val (candidates, candidate);
        }
    }
  return candidates;
}

/* A second column with a statement's words alone, whose header names no scale (Microsoft
 * Forms heads a Likert question's columns by their statements only): the statement
 * asked again, on the next scale whose item is still free, in the checklist's order of
 * scales, which is the order the hand-off asks them in. */
static gboolean
take_next_scale (TrellisImport *self,
                 Candidate     *candidate,
                 GHashTable    *taken_keys)
{
  TrellisChecklist *list = checklist (self);

  if (candidate->names_scale)
    return FALSE;
  for (guint s = 1; s < trellis_checklist_get_n_scales (list); s++)
    {
      g_autofree char *key =
        trellis_checklist_dup_item_key (list, candidate->match.statement, trellis_checklist_get_scale (list, s));

      if (!g_hash_table_contains (taken_keys, key))
        {
          g_free (candidate->key);
          candidate->key = g_steal_pointer (&key);
          return TRUE;
        }
    }
  return FALSE;
}

/* Best matches first; each item is answered by one column. Equal scores go to the
 * earlier column and the earlier statement, which keeps survey order. */
static void
assign_candidates (TrellisImport *self,
                   GArray        *candidates,
                   gboolean      *decided,
                   GHashTable    *taken_keys)
{
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      TrellisImportColumn *column = column_at (self, candidate->column);

      if (decided[candidate->column])
        continue;
      if (candidate->key == NULL)
        {
          g_autofree char *folded = _trellis_import_fold (header_text (self, candidate->column, NULL));

          /* A comment box: the section is settled below, once items are placed. A header
           * that says "comment" confirms a match by number alone. */
          decided[candidate->column] = TRUE;
          _trellis_import_column_set_mapping (column, TRELLIS_COLUMN_COMMENT,
                                              section_id_of (candidate->match.statement),
                                              contains_any (folded, comment_words)
                                              ? MAX (candidate->match.score, 0.9) : candidate->match.score,
                                              NULL);
          continue;
        }
      if (g_hash_table_contains (taken_keys, candidate->key) && !take_next_scale (self, candidate, taken_keys))
        continue;
      decided[candidate->column] = TRUE;
      g_hash_table_add (taken_keys, g_strdup (candidate->key));
      _trellis_import_column_set_mapping (column, TRELLIS_COLUMN_ITEM, candidate->key,
                                          candidate->match.score, NULL);
    }
}

/* A column nothing claimed, told by its header and values: a person's name, the
 * respondent's group, answers to something unknown, or nothing to keep. */
static void
map_unmatched_column (TrellisImport *self,
                      ImportFile    *file,
                      guint          c,
                      gboolean      *have_group)
{
  TrellisImportColumn *column = column_at (self, c);
  const TrellisLayoutColumn *hint = &g_array_index (file->layout->columns, TrellisLayoutColumn, c);
  g_autofree char *folded = _trellis_import_fold (header_text (self, c, hint->code));
  guint first_row = file->layout->first_data_row;
  TrellisValueShape shape = _trellis_import_column_shape (file->table, first_row, c);

  if (contains_phrase (folded, person_phrases))
    _trellis_import_column_set_mapping (column, TRELLIS_COLUMN_IDENTIFYING, NULL, 0.9,
                                        _("names a person"));
  else if (!*have_group && contains_any (folded, group_words) &&
           (shape == TRELLIS_VALUES_TEXT || shape == TRELLIS_VALUES_INTEGER) &&
           is_shared_like_a_group (file->table, first_row, c) &&
           share_of_answers (self, file->table, first_row, c) < 0.5)
    {
      *have_group = TRUE;
      _trellis_import_column_set_mapping (column, TRELLIS_COLUMN_GROUP, NULL, 0.85,
                                          _("the respondent’s group"));
    }
  else if (shape != TRELLIS_VALUES_EMPTY &&
           share_of_answers (self, file->table, first_row, c) >= 0.8)
    {
      _trellis_import_column_set_mapping (column, TRELLIS_COLUMN_IGNORED, NULL, 0.3,
                                          _("holds answers, but its header matches no statement"));
      _trellis_import_column_set_unsettled (column);
    }
  else
    _trellis_import_column_set_mapping (column, TRELLIS_COLUMN_IGNORED, NULL, 0.9,
                                        _("not a statement of the checklist"));
}

static void
map_by_matching (TrellisImport *self,
                 ImportFile    *file,
                 GHashTable    *taken_keys)
{
  g_autoptr(GPtrArray) statements = collect_statements (self);
  g_autoptr(GArray) texts = _trellis_import_fold_statements (statements);
  g_autoptr(GArray) candidates = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  g_autofree gboolean *decided = g_new0 (gboolean, n);
  gboolean have_group = FALSE;
  g_autofree gboolean *ambiguous = g_new0 (gboolean, n);

  spell_out_headings (self);
  candidates = collect_candidates (self, file, texts, decided, ambiguous);
  assign_candidates (self, candidates, decided, taken_keys);
  mark_comment_columns (self, file, decided);
  for (guint c = 0; c < n; c++)
    {
      TrellisImportColumn *column = column_at (self, c);
      const TrellisLayoutColumn *hint = &g_array_index (file->layout->columns, TrellisLayoutColumn, c);

      if (trellis_import_column_get_role (column) == TRELLIS_COLUMN_COMMENT &&
          trellis_import_column_get_reason (column) == NULL)
        place_comments (self, texts, c, hint->code, trellis_import_column_get_confidence (column));
      else if (!decided[c])
        map_unmatched_column (self, file, c, &have_group);
      if (ambiguous[c])
        {
          g_autofree char *target = g_strdup (trellis_import_column_get_target (column));

          _trellis_import_column_set_mapping (column, trellis_import_column_get_role (column), target, 0.5,
                                              _("the shortened header starts several statements alike: "
                                                "which one it answers is a guess"));
          _trellis_import_column_set_unsettled (column);
        }
    }
}

static gboolean
target_is_valid (TrellisImport     *self,
                 TrellisColumnRole  role,
                 const char        *target)
{
  switch (role)
    {
    case TRELLIS_COLUMN_ITEM:
      return target != NULL && trellis_checklist_lookup_item_key (checklist (self), target, NULL, NULL);
    case TRELLIS_COLUMN_COMMENT:
      return target != NULL && trellis_checklist_find_section (checklist (self), target) != NULL;
    case TRELLIS_COLUMN_IGNORED:
    case TRELLIS_COLUMN_GROUP:
    case TRELLIS_COLUMN_IDENTIFYING:
    case TRELLIS_COLUMN_METADATA:
    case TRELLIS_COLUMN_COMPLETION:
    default:
      return TRUE;
    }
}

/* The latest round's confirmed mapping, header by header (the n-th column headed "X"
 * takes the n-th rule for "X"), so the next round of the same survey asks nothing. */
static void
map_by_stored_rules (TrellisImport *self,
                     GHashTable    *taken_keys)
{
  TrellisRound *latest = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new (g_direct_hash, g_direct_equal);
  GPtrArray *rules;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  guint n_applied = 0;

  for (guint r = trellis_project_get_n_rounds (self->project); r > 0 && latest == NULL; r--)
    if (trellis_round_get_column_rules (trellis_project_get_round (self->project, r - 1))->len > 0)
      latest = trellis_project_get_round (self->project, r - 1);
  if (latest == NULL)
    return;

  rules = trellis_round_get_column_rules (latest);
  for (guint c = 0; c < n; c++)
    {
      TrellisImportColumn *column = column_at (self, c);

      for (guint r = 0; r < rules->len; r++)
        {
          const TrellisColumnRule *rule = g_ptr_array_index (rules, r);
          g_autofree char *reason = NULL;

          if (g_hash_table_contains (used, (gpointer) rule) ||
              strcmp (rule->header, trellis_import_column_get_header (column)) != 0)
            continue;
          g_hash_table_add (used, (gpointer) rule);
          if (!target_is_valid (self, rule->role, rule->target) ||
              (rule->role == TRELLIS_COLUMN_ITEM && g_hash_table_contains (taken_keys, rule->target)))
            break;
          n_applied++;
          /* What identifies people stays dropped whatever the last round said: a rule
           * may make it an answer column, whose cells must be answers on the scale,
           * but not a group or comment column, which would keep its text. */
          if (trellis_import_column_get_role (column) == TRELLIS_COLUMN_IDENTIFYING &&
              rule->role != TRELLIS_COLUMN_ITEM)
            break;
          if (rule->role == TRELLIS_COLUMN_ITEM)
            g_hash_table_add (taken_keys, g_strdup (rule->target));
          reason = g_strdup_printf (_("as in round “%s”"), trellis_round_get_label (latest) != NULL
                                                            ? trellis_round_get_label (latest)
                                                            : trellis_round_get_id (latest));
          _trellis_import_column_set_mapping (column, rule->role, rule->target, 1.0, reason);
          break;
        }
    }
  if (n_applied == 0)
    return;

  g_set_object (&self->reused_round, latest);
  for (guint r = 0; r < trellis_round_get_value_rules (latest)->len; r++)
    g_ptr_array_add (self->value_rules,
                     trellis_value_rule_copy (g_ptr_array_index (trellis_round_get_value_rules (latest), r)));
}

static gboolean
check_rows (ImportFile  *file,
            GError     **error)
{
  TrellisTable *table = file->table;
  guint n_rows = trellis_table_get_n_rows (table);
  guint width = file->layout->columns->len;
  TrellisTableFormat format = trellis_table_get_format (table);
  gboolean any = FALSE;

  if (file->layout->n_header_rows > 0 && file->layout->first_data_row > 0)
    width = trellis_table_get_row_length (table, file->layout->first_data_row - file->layout->n_header_rows);

  for (guint row = file->layout->first_data_row; row < n_rows; row++)
    {
      guint length;

      if (trellis_table_row_is_empty (table, row))
        continue;
      any = TRUE;
      if (format != TRELLIS_TABLE_FORMAT_CSV && format != TRELLIS_TABLE_FORMAT_TSV)
        continue;
      /* Spreadsheets leave out empty cells at the end of a row; text files do not, so
       * a row of another length is a broken line, unless all it adds is empty cells. */
      length = trellis_table_get_row_length (table, row);
      while (length > width && *trellis_table_get (table, row, length - 1) == '\0')
        length--;
      if (length != width)
        {
          _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_RAGGED, file->name,
                                     trellis_table_get_sheet_row (table, row), TRELLIS_TABLE_NO_COLUMN,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "the row has %u cell where the header has %u; the file may be damaged",
                                                  "the row has %u cells where the header has %u; the file may be damaged",
                                                  trellis_table_get_row_length (table, row)),
                                     trellis_table_get_row_length (table, row), width);
          return FALSE;
        }
    }
  if (!any)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_EMPTY, file->name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("the file has column headers but no responses"));
      return FALSE;
    }
  return TRUE;
}

static guint
count_filled (ImportFile *file,
              guint       column)
{
  return trellis_table_count_filled (file->table, column, file->layout->first_data_row);
}

static gboolean
analyse (TrellisImport  *self,
         ImportFile     *file,
         GError        **error)
{
  g_autoptr(GHashTable) taken_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = 0;

  for (guint c = 0; c < file->layout->columns->len; c++)
    {
      const TrellisLayoutColumn *hint = &g_array_index (file->layout->columns, TrellisLayoutColumn, c);
      TrellisImportColumn *column = _trellis_import_column_new (c, hint->header, count_filled (file, c));

      if (hint->reason != NULL)
        _trellis_import_column_set_mapping (column, hint->role, NULL, 0.9, _(hint->reason));
      g_ptr_array_add (columns, column);
    }
  g_list_store_splice (self->columns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->columns)),
                       columns->pdata, columns->len);

  map_by_stored_rules (self, taken_keys);
  map_by_matching (self, file, taken_keys);

  for (guint c = 0; c < columns->len; c++)
    if (trellis_import_column_get_role (column_at (self, c)) == TRELLIS_COLUMN_ITEM)
      n_items++;
  if (n_items == 0)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_NO_STATEMENTS, file->name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("no column matches a statement of the checklist; is this the export of the right survey?"));
      return FALSE;
    }
  return TRUE;
}

/* Every file after the first must be the same survey: same layout, same headers. */
static gboolean
check_same_columns (ImportFile  *first,
                    ImportFile  *file,
                    GError     **error)
{
  guint n = MAX (first->layout->columns->len, file->layout->columns->len);

  for (guint c = 0; c < n; c++)
    {
      const char *expected = c < first->layout->columns->len
                             ? g_array_index (first->layout->columns, TrellisLayoutColumn, c).header : "";
      const char *found = c < file->layout->columns->len
                          ? g_array_index (file->layout->columns, TrellisLayoutColumn, c).header : "";

      if (strcmp (expected, found) != 0 || first->layout->layout != file->layout->layout)
        {
          _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_MISMATCH, file->name,
                                     TRELLIS_TABLE_NO_ROW, c,
                                     _("the columns differ from those of “%s” (“%s” where it has “%s”); import files of one survey together"),
                                     first->name, found, expected);
          return FALSE;
        }
    }
  return TRUE;
}

/* Takes @table (or fails with @error already set when it is %NULL). */
static gboolean
add_table (TrellisImport  *self,
           TrellisTable   *table,
           const char     *display_name,
           GError        **error)
{
  ImportFile *file;

  if (table == NULL)
    return FALSE;
  file = g_new0 (ImportFile, 1);
  /* It becomes the round's source and part of messages shown in the window. */
  file->name = g_utf8_make_valid (display_name, -1);
  file->table = table;
  file->layout = _trellis_layout_detect (file->table);
  if (!check_rows (file, error) ||
      (self->files->len > 0 && !check_same_columns (first_file (self), file, error)) ||
      (self->files->len == 0 && !analyse (self, file, error)))
    {
      if (self->files->len == 0)
        g_list_store_remove_all (self->columns);
      import_file_free (file);
      return FALSE;
    }
  g_ptr_array_add (self->files, file);
  return TRUE;
}

/**
 * trellis_import_add_bytes:
 * @display_name: the file's name as the facilitator knows it, for messages and the
 *   round's source
 * @format: the file's format, or %TRELLIS_TABLE_FORMAT_AUTO
 *
 * Reads one export. The first file decides the layout and the proposed mapping; each
 * later file must have the same columns, and its rows join the same round.
 *
 * Returns: %FALSE with @error set, naming the file and where it applies the row and
 *   column, when the file cannot be imported; the import is then as it was
 */
gboolean
trellis_import_add_bytes (TrellisImport       *self,
                          GBytes              *bytes,
                          const char          *display_name,
                          TrellisTableFormat   format,
                          GError             **error)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  return add_table (self, trellis_table_read_bytes (bytes, display_name, format, error), display_name, error);
}

/**
 * trellis_import_add_file:
 *
 * Reads one export from disk; see trellis_import_add_bytes().
 */
gboolean
trellis_import_add_file (TrellisImport       *self,
                         GFile               *file,
                         TrellisTableFormat   format,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  TrellisTable *table = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = trellis_file_dup_display_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_FAILED, name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN,
                                 _("this is a folder, not a survey export"));
      return FALSE;
    }
  if (info != NULL)
    table = trellis_table_read_file (file, name, format, cancellable, &local_error);
  if (table == NULL && local_error != NULL && local_error->domain == TRELLIS_IMPORT_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (table == NULL)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_FAILED, name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN, "%s",
                                 g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                                 ? _("there is no such file") : local_error->message);
      return FALSE;
    }
  return add_table (self, table, name, error);
}

/**
 * trellis_import_set_structure:
 * @bytes: a LimeSurvey survey structure export (.lss)
 * @display_name: the file's name, for messages
 *
 * Gives the import the survey's structure, so that LimeSurvey code headings
 * ("D55[SQ004]", "AC") match as if they carried their text. Files already added are
 * matched again.
 *
 * Returns: %FALSE with @error set when the file is not a survey structure or is
 *   refused as hostile; the import is then as it was
 */
gboolean
trellis_import_set_structure (TrellisImport  *self,
                              GBytes         *bytes,
                              const char     *display_name,
                              GError        **error)
{
  TrellisSurveyStructure *structure;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  structure = _trellis_survey_structure_new (bytes, display_name, error);
  if (structure == NULL)
    return FALSE;
  g_clear_pointer (&self->structure, _trellis_survey_structure_free);
  self->structure = structure;
  if (self->files->len > 0)
    {
      g_autoptr(GError) local_error = NULL;

      /* The first file was analysed once already: it matches some statement. */
      if (!analyse (self, first_file (self), &local_error))
        g_debug ("%s", local_error->message);
    }
  return TRUE;
}

/**
 * trellis_import_set_structure_file:
 *
 * Reads the survey's structure file; see trellis_import_set_structure().
 */
gboolean
trellis_import_set_structure_file (TrellisImport  *self,
                                   GFile          *file,
                                   GCancellable   *cancellable,
                                   GError        **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = trellis_file_dup_display_basename (file);
  bytes = trellis_file_read_at_most (file, _trellis_table_memory_budget (), cancellable, &local_error);
  if (bytes == NULL)
    {
      _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_FAILED, name,
                                 TRELLIS_TABLE_NO_ROW, TRELLIS_TABLE_NO_COLUMN, "%s",
                                 g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                                 ? _("there is no such file") : local_error->message);
      return FALSE;
    }
  return trellis_import_set_structure (self, bytes, name, error);
}

guint
trellis_import_get_n_files (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);
  return self->files->len;
}

const char *
trellis_import_get_file_name (TrellisImport *self,
                              guint          file)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (file < self->files->len, NULL);
  return ((ImportFile *) g_ptr_array_index (self->files, file))->name;
}

TrellisImportLayout
trellis_import_get_layout (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), TRELLIS_IMPORT_LAYOUT_GENERIC);
  return self->files->len > 0 ? first_file (self)->layout->layout : TRELLIS_IMPORT_LAYOUT_GENERIC;
}

guint
trellis_import_get_n_header_rows (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);
  return self->files->len > 0 ? first_file (self)->layout->n_header_rows : 0;
}

/**
 * trellis_import_get_n_rows:
 *
 * Returns: the rows below the headers in all files, empty ones not counted
 */
guint
trellis_import_get_n_rows (TrellisImport *self)
{
  guint count = 0;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);

  for (guint f = 0; f < self->files->len; f++)
    {
      ImportFile *file = g_ptr_array_index (self->files, f);

      for (guint row = file->layout->first_data_row; row < trellis_table_get_n_rows (file->table); row++)
        if (!trellis_table_row_is_empty (file->table, row))
          count++;
    }
  return count;
}

/**
 * trellis_import_get_columns:
 *
 * Returns: (transfer none): the columns of the first file, as #TrellisImportColumn
 */
GListModel *
trellis_import_get_columns (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  return G_LIST_MODEL (self->columns);
}

/**
 * trellis_import_get_column:
 *
 * Returns: (transfer none): one column
 */
TrellisImportColumn *
trellis_import_get_column (TrellisImport *self,
                           guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < g_list_model_get_n_items (G_LIST_MODEL (self->columns)), NULL);
  return column_at (self, column);
}

/**
 * trellis_import_get_reused_round:
 *
 * Returns: (transfer none) (nullable): the round whose confirmed mapping was applied
 */
TrellisRound *
trellis_import_get_reused_round (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  return self->reused_round;
}

/*****/

static TrellisAnswer
rule_answer (TrellisImport *self,
             const char    *folded)
{
  for (guint i = self->value_rules->len; i > 0; i--)
    {
      const TrellisValueRule *rule = g_ptr_array_index (self->value_rules, i - 1);
      g_autofree char *rule_folded = _trellis_import_fold (rule->text);

      if (strcmp (rule_folded, folded) == 0)
        return rule->answer;
    }
  return TRELLIS_ANSWER_UNMAPPED;
}

/* Cells repeat ("Agree" ten thousand times), so each distinct text is read once. */
static TrellisAnswer
read_cached (TrellisImport *self,
             GHashTable    *cache,
             TrellisScale  *scale,
             const char    *text)
{
  gpointer found;
  TrellisAnswer answer;
  g_autofree char *cleaned = NULL;
  g_autofree char *folded = NULL;

  if (g_hash_table_lookup_extended (cache, text, NULL, &found))
    return (TrellisAnswer) (GPOINTER_TO_INT (found));

  cleaned = _trellis_import_clean_cell (text);
  folded = _trellis_import_fold (cleaned);
  answer = rule_answer (self, folded);
  if (answer == TRELLIS_ANSWER_UNMAPPED)
    answer = _trellis_import_read_answer (scale, cleaned);
  else if (answer != TRELLIS_ANSWER_BLANK && !trellis_scale_is_valid_answer (scale, answer))
    answer = TRELLIS_ANSWER_UNMAPPED;
  g_hash_table_insert (cache, (gpointer) text, GINT_TO_POINTER ((int) answer));
  return answer;
}

typedef struct
{
  guint         column;
  guint         item;
  TrellisScale *scale;
  GHashTable   *cache;     /* distinct text → answer, over every file */
  GArray       *by_value;  /* gint16 per distinct cell of the file being read: its answer,
                            * or ANSWER_NOT_READ */
  const guint8 *codes;     /* the column's codes in the file being read, or NULL */
  guint         width;     /* bytes per code */
} ItemColumn;

/* Not answers, in by_value: the cell is not read yet; the cell is left out as the survey
 * did not show the item (counted, unlike a cell that says so in words). */
#define ANSWER_NOT_READ G_MAXINT16
#define ANSWER_LEFT_OUT (G_MAXINT16 - 1)

typedef struct
{
  guint                 column;
  TrellisCompletionKind kind;
  GByteArray           *by_value;  /* per distinct cell of the file being read */
} CompletionColumn;

/* The plan of a round: which column goes where. */
typedef struct
{
  GPtrArray *keys;         /* char*, checklist order */
  GArray    *items;        /* ItemColumn */
  GArray    *comments;     /* guint column; section in comment_sections */
  GPtrArray *comment_sections;
  GArray    *completion;   /* CompletionColumn */
  int        group;        /* column or -1 */
} Plan;

static void
plan_clear (Plan *plan)
{
  for (guint i = 0; plan->items != NULL && i < plan->items->len; i++)
    {
      g_hash_table_unref (g_array_index (plan->items, ItemColumn, i).cache);
      g_array_unref (g_array_index (plan->items, ItemColumn, i).by_value);
    }
  g_clear_pointer (&plan->keys, g_ptr_array_unref);
  g_clear_pointer (&plan->items, g_array_unref);
  g_clear_pointer (&plan->comments, g_array_unref);
  g_clear_pointer (&plan->comment_sections, g_ptr_array_unref);
  for (guint i = 0; plan->completion != NULL && i < plan->completion->len; i++)
    g_byte_array_unref (g_array_index (plan->completion, CompletionColumn, i).by_value);
  g_clear_pointer (&plan->completion, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

static void
make_plan (TrellisImport *self,
           Plan          *plan)
{
  TrellisChecklist *list = checklist (self);
  g_auto(GStrv) all_keys = trellis_checklist_dup_item_keys (list, FALSE);
  g_autoptr(GHashTable) mapped = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) caches = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  plan->keys = g_ptr_array_new_with_free_func (g_free);
  plan->items = g_array_new (FALSE, FALSE, sizeof (ItemColumn));
  plan->comments = g_array_new (FALSE, FALSE, sizeof (guint));
  plan->comment_sections = g_ptr_array_new ();
  plan->completion = g_array_new (FALSE, FALSE, sizeof (CompletionColumn));
  plan->group = -1;

  for (guint c = 0; c < n; c++)
    {
      TrellisImportColumn *column = column_at (self, c);

      switch (trellis_import_column_get_role (column))
        {
        case TRELLIS_COLUMN_ITEM:
          g_hash_table_insert (mapped, (gpointer) trellis_import_column_get_target (column), GUINT_TO_POINTER (c + 1));
          break;
        case TRELLIS_COLUMN_COMMENT:
          g_array_append_val (plan->comments, c);
          g_ptr_array_add (plan->comment_sections, (gpointer) trellis_import_column_get_target (column));
          break;
        case TRELLIS_COLUMN_GROUP:
          if (plan->group < 0)
            plan->group = c;
          break;
        case TRELLIS_COLUMN_COMPLETION:
          {
            ImportFile *file = first_file (self);
            CompletionColumn completion = { c, TRELLIS_COMPLETION_FLAG, g_byte_array_new () };

            if (c < file->layout->columns->len)
              completion.kind = g_array_index (file->layout->columns, TrellisLayoutColumn, c).completion;
            g_array_append_val (plan->completion, completion);
          }
          break;
        case TRELLIS_COLUMN_IGNORED:
        case TRELLIS_COLUMN_IDENTIFYING:
        case TRELLIS_COLUMN_METADATA:
        default:
          break;
        }
    }

  for (guint k = 0; all_keys[k] != NULL; k++)
    {
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (mapped, all_keys[k]));
      ItemColumn item = { column - 1, plan->keys->len, NULL, NULL, NULL, NULL, 1 };

      if (column == 0)
        continue;
      trellis_checklist_lookup_item_key (list, all_keys[k], NULL, &item.scale);
      /* What a text reads as depends on the scale alone: sixty statements on one scale
       * share one cache, so that "Agree" is read once, not sixty times. */
      item.cache = g_hash_table_lookup (caches, item.scale);
      if (item.cache == NULL)
        {
          item.cache = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (caches, item.scale, item.cache);
        }
      else
        g_hash_table_ref (item.cache);
      item.by_value = g_array_new (FALSE, FALSE, sizeof (gint16));
      g_ptr_array_add (plan->keys, g_strdup (all_keys[k]));
      g_array_append_val (plan->items, item);
    }
  g_ptr_array_add (plan->keys, NULL);
}

/* Whether one completion cell says the response is unfinished, a preview or a test. */
static gboolean
cell_says_incomplete (TrellisCompletionKind  kind,
                      const char            *text)
{
  g_autofree char *cleaned = _trellis_import_clean_cell (text);
  g_autofree char *folded = _trellis_import_fold (cleaned);

  switch (kind)
    {
    case TRELLIS_COMPLETION_SUBMIT_DATE:
      return *folded == '\0';
    case TRELLIS_COMPLETION_STATUS:
      return strstr (folded, "preview") != NULL || strstr (folded, "test") != NULL ||
             strstr (folded, "spam") != NULL || strcmp (folded, "1") == 0 ||
             strcmp (folded, "2") == 0 || strcmp (folded, "8") == 0 || strcmp (folded, "9") == 0 ||
             strcmp (folded, "12") == 0 || strcmp (folded, "17") == 0;
    case TRELLIS_COMPLETION_FLAG:
    default:
      return strcmp (folded, "false") == 0 || strcmp (folded, "0") == 0 || strcmp (folded, "no") == 0 ||
             strcmp (folded, "incomplete") == 0 || strcmp (folded, "partial") == 0;
    }
}

static gboolean
is_incomplete (const Plan   *plan,
               TrellisTable *table,
               guint         row)
{
  for (guint i = 0; i < plan->completion->len; i++)
    {
      const CompletionColumn *completion = &g_array_index (plan->completion, CompletionColumn, i);
      guint value = trellis_table_get_value_index (table, row, completion->column);
      guint8 *known = &completion->by_value->data[value];

      /* Each distinct cell is read once per file: 0 not yet, 1 unfinished, 2 not. */
      if (*known == 0)
        *known = cell_says_incomplete (completion->kind, trellis_table_get (table, row, completion->column)) ? 1 : 2;
      if (*known == 1)
        return TRUE;
    }
  return FALSE;
}

/* Forgets what the distinct cells of the last file read as: codes are per file. */
static void
plan_start_file (Plan         *plan,
                 TrellisTable *table)
{
  for (guint i = 0; i < plan->items->len; i++)
    {
      ItemColumn *item = &g_array_index (plan->items, ItemColumn, i);

      item->codes = _trellis_table_get_codes (table, item->column, &item->width);
      g_array_set_size (item->by_value, MAX (trellis_table_get_n_values (table, item->column), 1));
      for (guint v = 0; v < item->by_value->len; v++)
        g_array_index (item->by_value, gint16, v) = ANSWER_NOT_READ;
    }
  for (guint i = 0; i < plan->completion->len; i++)
    {
      CompletionColumn *completion = &g_array_index (plan->completion, CompletionColumn, i);

      g_byte_array_set_size (completion->by_value, MAX (trellis_table_get_n_values (table, completion->column), 1));
      memset (completion->by_value->data, 0, completion->by_value->len);
    }
}

/* A comment box left with "n/a" or "none" says nothing worth a line in the handout. */
static gboolean
is_empty_comment (const char *cleaned)
{
  static const char * const nothing[] = {
    "", "n a", "na", "none", "no", "nil", "nothing", "no comment", "no comments",
    "no further comments", "nothing to add", NULL
  };
  g_autofree char *folded = NULL;

  /* Real comments are longer than any of these; most are not folded at all. */
  if (strlen (cleaned) > 24)
    return FALSE;
  folded = _trellis_import_fold (cleaned);
  for (guint i = 0; nothing[i] != NULL; i++)
    if (strcmp (folded, nothing[i]) == 0)
      return TRUE;
  return FALSE;
}

/* LimeSurvey quotes every value it writes and leaves a question it did not show (its
 * conditions hid it) as a bare empty field, so there "" is "no answer" and nothing at all
 * is "not shown". A file that does not quote its header was written some other way
 * (re-saved by a spreadsheet program), and its empty fields say nothing of the kind. */
static gboolean
writes_not_shown (ImportFile *file)
{
  TrellisTable *table = file->table;

  return file->layout->layout == TRELLIS_IMPORT_LAYOUT_LIMESURVEY &&
         trellis_table_get_format (table) == TRELLIS_TABLE_FORMAT_CSV &&
         file->layout->first_data_row > 0 &&
         (trellis_table_get_flags (table, 0, 0) & TRELLIS_CELL_QUOTED) != 0;
}

/* A respondent who submitted without answering anything: LimeSurvey counts such a
 * response as complete, and so does the round, with a blank on every statement. */
static gboolean
row_has_no_answers (const Plan   *plan,
                    TrellisTable *table,
                    guint         row)
{
  for (guint i = 0; i < plan->items->len; i++)
    {
      const char *text = trellis_table_get (table, row, g_array_index (plan->items, ItemColumn, i).column);
      if (*text != '\0' && strspn (text, " \t\r\n") != strlen (text))
        return FALSE;
    }
  for (guint i = 0; i < plan->comments->len; i++)
    {
      const char *text = trellis_table_get (table, row, g_array_index (plan->comments, guint, i));
      g_autofree char *cleaned = NULL;

      if (*text == '\0')
        continue;
      cleaned = _trellis_import_clean_cell (text);
      if (*cleaned != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Fisher–Yates: every order equally likely. */
static void
shuffle (GPtrArray *items,
         GRand     *rand)
{
  for (guint i = items->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer swap = items->pdata[i - 1];

      items->pdata[i - 1] = items->pdata[j];
      items->pdata[j] = swap;
    }
}

/* What reading every file's rows gathers before the round is put together. */
typedef struct
{
  Plan        plan;
  GByteArray *rows;            /* every response's answers, file order */
  GPtrArray  *row_groups;      /* each response's group or NULL */
  GPtrArray  *order;           /* response indices, then shuffled */
  GPtrArray  *comment_lists;   /* per comment column: char* comments */
  GHashTable *group_names;     /* folded → first spelling seen */
  GPtrArray  *group_of_value;  /* per distinct cell of the group column in the file being
                                * read: its group, NULL for none, or &group_not_read */
  GString    *sources;
  guint       n_excluded;
  guint       n_empty;
  guint       n_no_answers;
  guint       n_not_shown;
} RoundReading;

static void
round_reading_init (TrellisImport *self,
                    RoundReading  *reading)
{
  make_plan (self, &reading->plan);
  reading->rows = g_byte_array_new ();
  reading->row_groups = g_ptr_array_new ();
  reading->order = g_ptr_array_new ();
  reading->comment_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < reading->plan.comments->len; i++)
    g_ptr_array_add (reading->comment_lists, g_ptr_array_new_with_free_func (g_free));
  reading->group_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reading->group_of_value = g_ptr_array_new ();
  reading->sources = g_string_new (NULL);
}

static void
round_reading_clear (RoundReading *reading)
{
  plan_clear (&reading->plan);
  g_clear_pointer (&reading->rows, g_byte_array_unref);
  g_clear_pointer (&reading->row_groups, g_ptr_array_unref);
  g_clear_pointer (&reading->order, g_ptr_array_unref);
  g_clear_pointer (&reading->comment_lists, g_ptr_array_unref);
  g_clear_pointer (&reading->group_names, g_hash_table_unref);
  g_clear_pointer (&reading->group_of_value, g_ptr_array_unref);
  if (reading->sources != NULL)
    g_string_free (g_steal_pointer (&reading->sources), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoundReading, round_reading_clear)

/* A label already taken, or columns nobody has said what they hold, stop the build. */
static gboolean
check_can_build (TrellisImport  *self,
                 const char     *label,
                 GError        **error)
{
  guint n_unsettled;

  if (trellis_project_find_round_by_label (self->project, label) != NULL)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_ROUND_EXISTS,
                   _("The project has a round called “%s” already; choose another name"), label);
      return FALSE;
    }

  /* Never drop answers or file comments under a guessed section unasked. */
  n_unsettled = trellis_import_count_unsettled (self);
  if (n_unsettled > 0)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_UNSETTLED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u column holds answers or comments the import cannot place on its own; say what it holds",
                                "%u columns hold answers or comments the import cannot place on their own; say what each holds",
                                n_unsettled),
                   n_unsettled);
      return FALSE;
    }
  return TRUE;
}

/* What each distinct cell of an item column reads as, read before any row is: the
 * columns can then be filled by two threads, neither writing what the other reads. "" is
 * value 0 (a cell never added, or added empty and unquoted), left out where the survey
 * tool writes nothing for an item it did not show. */
static void
read_item_values (TrellisImport *self,
                  ImportFile    *file,
                  ItemColumn    *item)
{
  gint16 *known = (gint16 *) (gpointer) item->by_value->data;
  gboolean marks_not_shown = writes_not_shown (file);

  for (guint v = 0; v < item->by_value->len; v++)
    if (v == 0 && marks_not_shown)
      known[v] = ANSWER_LEFT_OUT;
    else
      known[v] = read_cached (self, item->cache, item->scale,
                              item->codes == NULL ? "" : trellis_table_get_value (file->table, item->column, v));
}

/* One item's answers in every respondent's row, into @out (a row of @n_items bytes per
 * respondent), column by column: 6 million cells at 100,000 responses, each a code and
 * its known answer. Returns: the index in @rows of the first respondent whose cell is
 * not on the scale, or G_MAXUINT. */
static guint
read_item_answers (const ItemColumn *item,
                   GArray           *rows,
                   TrellisAnswer    *out,
                   guint             n_items,
                   guint            *n_not_shown)
{
  /* In locals: every store into @out, bytes, could otherwise change them for the
   * compiler, which would load them again for each cell. */
  const gint16 *known = (const gint16 *) (gconstpointer) item->by_value->data;
  const guint *row_of = (const guint *) (gpointer) rows->data;
  const guint8 *codes = item->codes;
  gboolean wide = item->width != 1;
  guint not_shown = 0, n_rows = rows->len;
  TrellisAnswer *cell = out + item->item;

  for (guint k = 0; k < n_rows; k++, cell += n_items)
    {
      guint row = row_of[k];
      guint value = codes == NULL ? 0 : !wide ? codes[row] : ((const guint32 *) (gconstpointer) codes)[row];
      gint16 answer = known[value];

      if (G_UNLIKELY (answer == TRELLIS_ANSWER_UNMAPPED))
        {
          *n_not_shown += not_shown;
          return k;
        }
      if (answer == ANSWER_LEFT_OUT)
        {
          answer = TRELLIS_ANSWER_NOT_SHOWN;
          not_shown++;
        }
      *cell = (TrellisAnswer) answer;
    }
  *n_not_shown += not_shown;
  return G_MAXUINT;
}

/* What a second thread does while the first reads most of the answers: the comments,
 * then the answers of the last items. */
typedef struct
{
  RoundReading *reading;
  TrellisTable *table;
  GArray       *rows;
  guint         first_item;  /* the items from it on are the second thread's */
  TrellisAnswer *out;
  guint        *first_bad;   /* per item */
  guint         n_not_shown;
} RowsJob;

static void read_row_comments (RoundReading *reading,
                               TrellisTable *table,
                               guint         row);

static void
read_items_of_rows (RowsJob *job,
                    guint    from,
                    guint    to,
                    guint   *n_not_shown)
{
  const ItemColumn *items = (const ItemColumn *) (gconstpointer) job->reading->plan.items->data;

  for (guint i = from; i < to; i++)
    job->first_bad[i] = read_item_answers (&items[i], job->rows, job->out,
                                           job->reading->plan.items->len, n_not_shown);
}

static gpointer
read_second_share (gpointer data)
{
  RowsJob *job = data;

  for (guint i = 0; i < job->rows->len; i++)
    read_row_comments (job->reading, job->table, g_array_index (job->rows, guint, i));
  read_items_of_rows (job, job->first_item, job->reading->plan.items->len, &job->n_not_shown);
  return NULL;
}

/* A cell that is not on the scale is named as reading row by row would find it: the
 * earliest row, then the first item in the checklist's order. */
static gboolean
check_answers_read (RoundReading  *reading,
                    ImportFile    *file,
                    GArray        *rows,
                    const guint   *first_bad,
                    GError       **error)
{
  const ItemColumn *items = (const ItemColumn *) (gconstpointer) reading->plan.items->data;
  guint bad = G_MAXUINT, bad_item = 0, row;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < reading->plan.items->len; i++)
    if (first_bad[i] < bad)
      {
        bad = first_bad[i];
        bad_item = i;
      }
  if (bad == G_MAXUINT)
    return TRUE;
  row = g_array_index (rows, guint, bad);
  shown = _trellis_import_clean_cell (trellis_table_get (file->table, row, items[bad_item].column));
  _trellis_import_set_error (error, TRELLIS_IMPORT_ERROR_BAD_ANSWER, file->name,
                             trellis_table_get_sheet_row (file->table, row), items[bad_item].column,
                             _("“%s” is not an answer on the scale"), shown);
  return FALSE;
}

static const char group_not_read[] = "";

static const char *read_group (RoundReading *reading,
                               TrellisTable *table,
                               guint         row);

/* The respondent's group in @row, or %NULL. */
static const char *
read_row_group (RoundReading *reading,
                TrellisTable *table,
                guint         row)
{
  gpointer *known;

  if (reading->plan.group < 0)
    return NULL;
  known = &g_ptr_array_index (reading->group_of_value, trellis_table_get_value_index (table, row, reading->plan.group));
  if (*known == group_not_read)
    *known = (gpointer) read_group (reading, table, row);
  return *known;
}

static const char *
read_group (RoundReading *reading,
            TrellisTable *table,
            guint         row)
{
  g_autofree char *cleaned = NULL;
  g_autofree char *folded = NULL;
  const char *group;

  if (reading->plan.group < 0)
    return NULL;
  cleaned = _trellis_import_clean_cell (trellis_table_get (table, row, reading->plan.group));
  folded = g_utf8_casefold (cleaned, -1);
  /* "Police" and "police " are one group, spelt as first seen. An e-mail address typed
   * where the partner was asked for is kept nowhere. */
  if (*cleaned == '\0' || mentions_email (cleaned))
    return NULL;
  group = g_hash_table_lookup (reading->group_names, folded);
  if (group == NULL)
    {
      group = g_strdup (cleaned);
      g_hash_table_insert (reading->group_names, g_steal_pointer (&folded), (gpointer) group);
    }
  return group;
}

static void
read_row_comments (RoundReading *reading,
                   TrellisTable *table,
                   guint         row)
{
  for (guint i = 0; i < reading->plan.comments->len; i++)
    {
      const char *text = trellis_table_get (table, row, g_array_index (reading->plan.comments, guint, i));
      g_autofree char *cleaned = NULL;

      if (*text == '\0')
        continue;
      cleaned = _trellis_import_clean_cell (text);
      if (!is_empty_comment (cleaned))
        g_ptr_array_add (g_ptr_array_index (reading->comment_lists, i), g_steal_pointer (&cleaned));
    }
}

/* Respondents before a second thread is worth starting for a share of their rows. */
#define ROWS_APART_MINIMUM 2000

/* The rows of @file that are someone's response: empty lines and, unless asked for,
 * incomplete responses left out and counted. */
static GArray *
select_respondents (TrellisImport *self,
                    RoundReading  *reading,
                    ImportFile    *file)
{
  TrellisTable *table = file->table;
  guint n_rows = trellis_table_get_n_rows (table);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_rows);

  for (guint row = file->layout->first_data_row; row < n_rows; row++)
    {
      /* Respondents, not rows: a row with a response id, a submit date or any answer
       * is someone who responded; only a line with nothing in it is not. */
      if (trellis_table_row_is_empty (table, row))
        {
          reading->n_empty++;
          continue;
        }
      if (!self->include_incomplete && is_incomplete (&reading->plan, table, row))
        {
          reading->n_excluded++;
          continue;
        }
      if (row_has_no_answers (&reading->plan, table, row))
        reading->n_no_answers++;
      g_array_append_val (rows, row);
    }
  return rows;
}

/* Every respondent of @file: their answers, group and comments. A second thread takes
 * the comments (80,000 to clean at 100,000 responses) and the last quarter of the items,
 * the first the rest; they share only the table, which neither changes, and write apart. */
static gboolean
read_file_rows (TrellisImport  *self,
                RoundReading   *reading,
                ImportFile     *file,
                GError        **error)
{
  TrellisTable *table = file->table;
  guint n_items = reading->plan.items->len;
  g_autoptr(GArray) rows = NULL;
  g_autofree guint *first_bad = g_new (guint, MAX (n_items, 1));
  guint n_not_shown = 0;
  gsize start = reading->rows->len;
  RowsJob job;
  GThread *thread = NULL;

  /* What each distinct cell reads as is kept per file: the codes are the file's. */
  plan_start_file (&reading->plan, table);
  if (reading->plan.group >= 0)
    {
      g_ptr_array_set_size (reading->group_of_value,
                            MAX (trellis_table_get_n_values (table, reading->plan.group), 1));
      for (guint v = 0; v < reading->group_of_value->len; v++)
        g_ptr_array_index (reading->group_of_value, v) = (gpointer) group_not_read;
    }
  for (guint i = 0; i < n_items; i++)
    read_item_values (self, file, &g_array_index (reading->plan.items, ItemColumn, i));

  rows = select_respondents (self, reading, file);
  g_byte_array_set_size (reading->rows, (guint) (start + (gsize) rows->len * n_items));
  trellis_advise_huge_pages (reading->rows->data, reading->rows->len);
  job = (RowsJob) { reading, table, rows, n_items, (TrellisAnswer *) (gpointer) (reading->rows->data + start),
                    first_bad, 0 };
  if (rows->len >= ROWS_APART_MINIMUM && g_get_num_processors () > 1)
    {
      job.first_item = n_items - n_items / 4;
      thread = g_thread_new ("trellis-rows", read_second_share, &job);
    }
  read_items_of_rows (&job, 0, job.first_item, &n_not_shown);
  for (guint i = 0; i < rows->len; i++)
    {
      g_ptr_array_add (reading->order, GUINT_TO_POINTER (reading->row_groups->len));
      g_ptr_array_add (reading->row_groups, (gpointer) read_row_group (reading, table, g_array_index (rows, guint, i)));
    }
  if (thread != NULL)
    g_thread_join (thread);
  else
    read_second_share (&job);
  reading->n_not_shown += n_not_shown + job.n_not_shown;
  if (!check_answers_read (reading, file, rows, first_bad, error))
    return FALSE;
  if (reading->sources->len > 0)
    g_string_append (reading->sources, ", ");
  g_string_append (reading->sources, file->name);
  return TRUE;
}

static int
compare_group_names (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* First-seen numbers depend on the shuffle, so the same export would write <groups> in
 * another order at each import: the groups are numbered again in byte order of their
 * names, and a project's file does not change where nothing did. */
static void
number_groups_by_name (GPtrArray *group_names,
                       guint32   *groups,
                       guint      n_responses)
{
  g_autofree guint32 *renumbered = NULL;
  g_autoptr(GHashTable) new_numbers = NULL;
  g_autoptr(GPtrArray) old_names = NULL;

  if (group_names->len < 2)
    return;
  old_names = g_ptr_array_copy (group_names, NULL, NULL);
  g_ptr_array_sort (group_names, compare_group_names);
  new_numbers = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < group_names->len; i++)
    g_hash_table_insert (new_numbers, g_ptr_array_index (group_names, i), GUINT_TO_POINTER (i + 1));
  /* renumbered[n] is the new number of the group first seen n-th, from 1. */
  renumbered = g_new0 (guint32, old_names->len + 1);
  for (guint i = 0; i < old_names->len; i++)
    renumbered[i + 1] = GPOINTER_TO_UINT (g_hash_table_lookup (new_numbers, g_ptr_array_index (old_names, i)));
  for (guint k = 0; k < n_responses; k++)
    groups[k] = renumbered[groups[k]];
}

static void
add_responses_shuffled (RoundReading *reading,
                        TrellisRound *round,
                        GRand        *rand)
{
  guint n_items = reading->plan.items->len, n_responses = reading->order->len;
  GByteArray *answers = g_byte_array_sized_new (MAX ((gsize) n_responses * n_items, 1));
  g_autofree guint32 *groups = g_new0 (guint32, MAX (n_responses, 1));
  g_autoptr(GPtrArray) group_names = g_ptr_array_new ();
  g_autoptr(GHashTable) group_numbers = g_hash_table_new (NULL, NULL);

  /* The whole table at once, in the shuffled order: one copy, no call per response. */
  shuffle (reading->order, rand);
  g_byte_array_set_size (answers, (guint) ((gsize) n_responses * n_items));
  trellis_advise_huge_pages (answers->data, answers->len);
  for (guint k = 0; k < n_responses; k++)
    {
      guint response = GPOINTER_TO_UINT (g_ptr_array_index (reading->order, k));
      const char *group = g_ptr_array_index (reading->row_groups, response);

      memcpy (answers->data + (gsize) k * n_items, reading->rows->data + (gsize) response * n_items, n_items);
      if (group == NULL)
        continue;
      /* Groups are numbered from 1 in first-seen order; one spelling is one pointer. */
      groups[k] = GPOINTER_TO_UINT (g_hash_table_lookup (group_numbers, group));
      if (groups[k] == 0)
        {
          g_ptr_array_add (group_names, (gpointer) group);
          groups[k] = group_names->len;
          g_hash_table_insert (group_numbers, (gpointer) group, GUINT_TO_POINTER (groups[k]));
        }
    }
  number_groups_by_name (group_names, groups, n_responses);
  trellis_round_take_responses (round, answers, n_responses, (const char * const *) group_names->pdata,
                                group_names->len, groups);
}

/* Each section's comments in their own random order: the n-th comment of one section
 * need not be the same respondent's as the n-th of another. */
static void
add_comments_shuffled (RoundReading *reading,
                       TrellisRound *round,
                       GRand        *rand)
{
  GPtrArray *comment_sections = reading->plan.comment_sections;
  g_autoptr(GHashTable) sections_done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < comment_sections->len; s++)
    {
      const char *section = g_ptr_array_index (comment_sections, s);
      g_autoptr(GPtrArray) merged = NULL;
      g_autofree guint8 *flags = NULL;

      /* Two comment columns for one section are pooled; each section is taken once. */
      if (section == NULL || !g_hash_table_add (sections_done, (gpointer) section))
        continue;
      /* The comments move to the round, not copied: 80,000 of them are 20 MB. */
      merged = g_ptr_array_new ();
      for (guint t = s; t < comment_sections->len; t++)
        if (g_strcmp0 (g_ptr_array_index (comment_sections, t), section) == 0)
          {
            GPtrArray *texts = g_ptr_array_index (reading->comment_lists, t);
            gsize n_texts;
            g_autofree gpointer *taken = g_ptr_array_steal (texts, &n_texts);

            for (gsize k = 0; k < n_texts; k++)
              g_ptr_array_add (merged, taken[k]);
          }
      shuffle (merged, rand);
      flags = g_malloc0 (MAX (merged->len, 1));
      trellis_round_take_comments (round, section, (char **) merged->pdata, flags, merged->len);
    }
}

/* The confirmed mapping, so that the next import of the same survey starts from it. */
static void
add_mapping (TrellisImport *self,
             TrellisRound  *round)
{
  for (guint c = 0; c < g_list_model_get_n_items (G_LIST_MODEL (self->columns)); c++)
    {
      TrellisImportColumn *column = column_at (self, c);
      g_autoptr(TrellisColumnRule) rule =
        trellis_column_rule_new (trellis_import_column_get_header (column),
                                 trellis_import_column_get_role (column),
                                 trellis_import_column_get_target (column));
      trellis_round_add_column_rule (round, rule);
    }
  for (guint i = 0; i < self->value_rules->len; i++)
    trellis_round_add_value_rule (round, g_ptr_array_index (self->value_rules, i));
}

/**
 * trellis_import_build_round:
 * @label: the round's label, e.g. "Autumn 2026"
 *
 * Builds the whole round from every file as mapped: answers read on their scale, the
 * respondent's group, comments detached from their responses and shuffled within each
 * section, incomplete responses left out unless asked for, and the confirmed mapping.
 * The responses are shuffled too: an export lists them in the order people answered,
 * which whoever knows when a colleague answered could use to find their answers.
 * Identifying, bookkeeping and ignored columns are read past and kept nowhere. The
 * project is not changed.
 *
 * Returns: (transfer full): the round, or %NULL with @error set, e.g. for an answer
 *   that is not on the scale, naming the file, row and column
 */
TrellisRound *
trellis_import_build_round (TrellisImport  *self,
                            const char     *label,
                            GError        **error)
{
  g_auto(RoundReading) reading = { { NULL }, };
  g_autoptr(TrellisRound) round = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *round_id = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (label != NULL && *label != '\0', NULL);
  g_return_val_if_fail (self->files->len > 0, NULL);

  if (!check_can_build (self, label, error))
    return NULL;

  round_reading_init (self, &reading);
  round_id = trellis_project_new_round_id (self->project);
  round = trellis_round_new (round_id);
  trellis_round_set_items (round, (const char * const *) reading.plan.keys->pdata);
  for (guint f = 0; f < self->files->len; f++)
    if (!read_file_rows (self, &reading, g_ptr_array_index (self->files, f), error))
      return NULL;

  rand = self->has_seed ? g_rand_new_with_seed (self->seed) : g_rand_new ();
  add_responses_shuffled (&reading, round, rand);
  add_comments_shuffled (&reading, round, rand);
  add_mapping (self, round);

  trellis_round_set_label (round, label);
  if (self->date_set)
    trellis_round_set_date (round, self->date);
  else
    {
      g_autofree char *response_date = trellis_import_dup_response_date (self);
      trellis_round_set_date (round, response_date);
    }
  trellis_round_set_source (round, reading.sources->str);
  trellis_round_set_n_excluded (round, reading.n_excluded);
  self->n_empty = reading.n_empty;
  self->n_no_answers = reading.n_no_answers;
  self->n_not_shown = reading.n_not_shown;
  return g_steal_pointer (&round);
}

/* Whether "03/04/2026" in this column is 3 April: some date of it has a first number
 * above 12. Otherwise the month comes first, as the American tools write it. */
/* g_ascii_strtoull() in base 10, quicker for text that starts with a digit, as 100,000
 * timestamps do: the numbers only need telling apart up to 31. */
static guint64
read_number (const char  *text,
             const char **end)
{
  guint64 number = 0;
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return g_ascii_strtoull (text, (char **) end, 10);
  for (; g_ascii_isdigit (*p); p++)
    number = MIN (number * 10 + (guint64) (*p - '0'), G_GUINT64_CONSTANT (1) << 40);
  if (end != NULL)
    *end = p;
  return number;
}

static gboolean
column_is_day_first (TrellisTable *table,
                     guint         first_row,
                     guint         column)
{
  guint n_rows = trellis_table_get_n_rows (table);

  for (guint row = first_row; row < n_rows; row++)
    {
      const char *text = trellis_table_get (table, row, column);
      const char *end = NULL;
      guint64 first = read_number (text, &end);
      guint64 second;

      if (end == text || (*end != '/' && *end != '-'))
        continue;
      second = read_number (end + 1, NULL);
      if (first > 12 && first <= 31)
        return TRUE;
      if (second > 12)
        return FALSE;
    }
  return FALSE;
}

/* Whether the date in @text starts with its year (2026-09-27): it then reads the same
 * whichever of day and month a column's other dates put first. */
static gboolean
starts_with_year (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return text[4] == '-' || text[4] == '/' || text[4] == '.';
}

/* What _trellis_import_read_day() reads of a cell: white space, then a date of at most
 * ten characters and what ends it. Timestamps of one day share it, so each day of a
 * column of 100,000 timestamps is read once. */
#define DAY_PREFIX_LENGTH 11

/* The latest day in one column of dates or timestamps. */
static void
latest_day_in_column (ImportFile *file,
                      guint       column,
                      GDate      *latest)
{
  TrellisTable *table = file->table;
  guint n_rows = trellis_table_get_n_rows (table);
  int day_first = -1;    /* not known yet: only dates that end in the year need it */
  g_autoptr(GHashTable) read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The days read lately, by their first bytes: a survey's timestamps fall on a few
   * dozen days, in whatever order the tool lists them. */
  guint64 recent[256][2] = { { 0, }, };

  for (guint row = file->layout->first_data_row; row < n_rows; row++)
    {
      const char *text = trellis_table_get (table, row, column);
      gsize length = g_ascii_isspace (*text) ? strnlen (text, strspn (text, " \t\n\r\f\v") + DAY_PREFIX_LENGTH)
                                             : strnlen (text, DAY_PREFIX_LENGTH);
      char key[64];
      guint64 words[2] = { 0, 0 }, *slot;
      GDate day;

      if (length <= DAY_PREFIX_LENGTH)
        {
          memcpy (words, text, length);
          words[1] |= (guint64) (length + 1) << 56;
          slot = recent[((words[0] ^ (words[1] * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15))) *
                         G_GUINT64_CONSTANT (0xff51afd7ed558ccd)) >> 56];
          if (slot[0] == words[0] && slot[1] == words[1])
            continue;
          slot[0] = words[0];
          slot[1] = words[1];
        }
      /* Looked up in a copy on the stack: no allocation for a day already read. */
      if (length < sizeof key)
        {
          memcpy (key, text, length);
          key[length] = '\0';
          if (g_hash_table_contains (read, key))
            continue;
        }
      g_hash_table_add (read, g_strndup (text, length));
      g_date_clear (&day, 1);
      if (day_first < 0 && !starts_with_year (text))
        day_first = column_is_day_first (table, file->layout->first_data_row, column);
      if (_trellis_import_read_day (text, day_first > 0, &day) &&
          (!g_date_valid (latest) || g_date_compare (&day, latest) > 0))
        *latest = day;
    }
}

/* The last day among column @c's dates in @file (cleared when it has none; NULL when
 * the file has no such column), read once: the import asks for it to offer a label and
 * again to date the round. */
static const GDate *
file_latest_day (ImportFile *file,
                 guint       c)
{
  guint n_columns = trellis_table_get_n_columns (file->table);

  if (file->latest_days == NULL)
    {
      file->latest_days = g_new (GDate, MAX (n_columns, 1));
      file->latest_day_read = g_new0 (guint8, MAX (n_columns, 1));
    }
  if (c >= n_columns)
    return NULL;
  if (!file->latest_day_read[c])
    {
      TrellisValueShape shape = _trellis_import_column_shape (file->table, file->layout->first_data_row, c);

      g_date_clear (&file->latest_days[c], 1);
      if (shape == TRELLIS_VALUES_TIMESTAMP || shape == TRELLIS_VALUES_DATE)
        latest_day_in_column (file, c, &file->latest_days[c]);
      file->latest_day_read[c] = TRUE;
    }
  return &file->latest_days[c];
}

/**
 * trellis_import_dup_response_date:
 *
 * Reads the export's own timestamps (when people started, finished, submitted), which
 * are dropped as identifying and never stored, for the day of the last response: what
 * the round's date is unless the facilitator gives another.
 *
 * Returns: (transfer full) (nullable): the day as YYYY-MM-DD, or %NULL when the export
 *   has no dates (LimeSurvey's 1980-01-01 placeholder is none)
 */
char *
trellis_import_dup_response_date (TrellisImport *self)
{
  guint n;
  GDate latest;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);

  g_date_clear (&latest, 1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  for (guint c = 0; c < n; c++)
    {
      TrellisColumnRole role = trellis_import_column_get_role (column_at (self, c));

      if (role != TRELLIS_COLUMN_IDENTIFYING && role != TRELLIS_COLUMN_COMPLETION)
        continue;
      for (guint f = 0; f < self->files->len; f++)
        {
          const GDate *day = file_latest_day (g_ptr_array_index (self->files, f), c);

          if (day != NULL && g_date_valid (day) && (!g_date_valid (&latest) || g_date_compare (day, &latest) > 0))
            latest = *day;
        }
    }
  if (!g_date_valid (&latest))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&latest), g_date_get_month (&latest),
                          g_date_get_day (&latest));
}

/* "October 2026": the month of the last response, in the user's language. */
static char *
dup_month_label (const char *iso_date)
{
  g_autoptr(GDateTime) moment = NULL;
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  moment = g_date_time_new_local (year, month, day, 12, 0, 0);
  return moment != NULL ? g_date_time_format (moment, "%OB %Y") : NULL;
}

/**
 * trellis_import_dup_default_label:
 *
 * Returns: (transfer full): the month of the last response ("October 2026") when the
 *   export says when people answered and no round has that name, otherwise "Round N"
 *   for the next free N: to offer as the new round's label
 */
char *
trellis_import_dup_default_label (TrellisImport *self)
{
  g_autofree char *date = NULL;
  g_autofree char *month = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);

  date = trellis_import_dup_response_date (self);
  month = dup_month_label (date);
  if (month != NULL && trellis_project_find_round_by_label (self->project, month) == NULL)
    return g_steal_pointer (&month);

  for (guint n = trellis_project_get_n_rounds (self->project) + 1;; n++)
    {
      g_autofree char *label = g_strdup_printf (_("Round %u"), n);

      if (trellis_project_find_round_by_label (self->project, label) == NULL)
        return g_steal_pointer (&label);
    }
}

/**
 * trellis_import_get_n_not_shown:
 *
 * Returns: answers of the last built round that the survey never showed the respondent,
 *   stored as %TRELLIS_ANSWER_NOT_SHOWN rather than blank
 */
guint
trellis_import_get_n_not_shown (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);
  return self->n_not_shown;
}

/**
 * trellis_import_get_n_no_answers:
 *
 * Returns: responses of the last built round that answered nothing at all (submitted
 *   blank): they count as respondents, with a blank on every statement
 */
guint
trellis_import_get_n_no_answers (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);
  return self->n_no_answers;
}

/**
 * trellis_import_get_n_empty:
 *
 * Returns: lines the last built round skipped because they hold nothing at all, such as
 *   the blank line LimeSurvey ends its files with; a response with an id or a date but
 *   no answers is not one of them
 */
guint
trellis_import_get_n_empty (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);
  return self->n_empty;
}

/**
 * trellis_import_dup_small_groups:
 * @round: a round built by this import
 *
 * Groups are stored as given, since the minimum group size may change later, and
 * charts leave out the small ones when they draw; the import summary names them.
 *
 * Returns: (transfer full): the groups of @round smaller than the project's minimum
 *   group size, in alphabetical order (the round's own order is that of its shuffled
 *   responses)
 */
GStrv
trellis_import_dup_small_groups (TrellisImport *self,
                                 TrellisRound  *round)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) shares = NULL;
  guint minimum;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_ROUND (round), NULL);

  minimum = trellis_project_get_min_group_size (self->project);
  shares = trellis_group_breakdown_new (round, minimum);
  for (guint g = 0; g < shares->len; g++)
    {
      const TrellisGroupShare *share = g_ptr_array_index (shares, g);

      if (share->label != NULL && share->n_respondents < minimum)
        g_strv_builder_add (builder, share->label);
    }
  return g_strv_builder_end (builder);
}

/**
 * trellis_import_apply:
 *
 * Builds the round and appends it to the project: the project changes once, or, on
 * error, not at all.
 *
 * Returns: (transfer none): the new round, or %NULL with @error set
 */
TrellisRound *
trellis_import_apply (TrellisImport  *self,
                      const char     *label,
                      GError        **error)
{
  g_autoptr(TrellisRound) round = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);

  round = trellis_import_build_round (self, label, error);
  if (round == NULL)
    return NULL;
  trellis_project_append_round (self->project, round);
  return round;
}

/*****/

/**
 * trellis_import_needs_review:
 *
 * Returns: whether a column's mapping is uncertain or an answer text is unknown, so
 *   the facilitator should look before applying
 */
gboolean
trellis_import_needs_review (TrellisImport *self)
{
  g_autoptr(GPtrArray) values = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);

  for (guint c = 0; c < g_list_model_get_n_items (G_LIST_MODEL (self->columns)); c++)
    if (trellis_import_column_get_confidence (column_at (self, c)) < REVIEW_CONFIDENCE)
      return TRUE;
  values = trellis_import_dup_values (self);
  for (guint i = 0; i < values->len; i++)
    if (!((TrellisImportValue *) g_ptr_array_index (values, i))->mapped)
      return TRUE;
  return FALSE;
}

/**
 * trellis_import_count_unsettled:
 *
 * Returns: how many columns hold answers that match no statement, or comments whose
 *   section the importer cannot tell, and still wait for the facilitator's word; while
 *   any do, the round is not built
 */
guint
trellis_import_count_unsettled (TrellisImport *self)
{
  guint count = 0;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);

  for (guint c = 0; c < g_list_model_get_n_items (G_LIST_MODEL (self->columns)); c++)
    if (trellis_import_column_get_unsettled (column_at (self, c)))
      count++;
  return count;
}

static gboolean
is_column_letter (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > 3)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

/**
 * trellis_import_find_column:
 * @name_or_header: a column's letter as a spreadsheet shows it ("BB"), or its header
 *   (the whole header, in any case)
 *
 * Returns: (transfer none) (nullable): the column, or %NULL with @error set when no
 *   column or more than one has that header
 */
TrellisImportColumn *
trellis_import_find_column (TrellisImport *self,
                            const char    *name_or_header,
                            GError       **error)
{
  guint n;
  g_autofree char *folded = NULL;
  TrellisImportColumn *found = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (name_or_header != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  if (is_column_letter (name_or_header))
    for (guint c = 0; c < n; c++)
      if (strcmp (trellis_import_column_get_name (column_at (self, c)), name_or_header) == 0)
        return column_at (self, c);
  folded = g_utf8_casefold (name_or_header, -1);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *header = g_utf8_casefold (trellis_import_column_get_header (column_at (self, c)), -1);

      if (strcmp (header, folded) != 0)
        continue;
      if (found != NULL)
        {
          g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FAILED,
                       _("more than one column is headed “%s”; name it by its letter"), name_or_header);
          return NULL;
        }
      found = column_at (self, c);
    }
  if (found == NULL)
    g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_FAILED,
                 _("no column is lettered or headed “%s”"), name_or_header);
  return found;
}

/**
 * trellis_import_count_incomplete:
 *
 * Counts the responses the survey tool marks unfinished, previews or tests, whether or
 * not they are to be imported, so the facilitator can decide with the number in view.
 *
 * Returns: how many non-empty rows of all files are marked so
 */
guint
trellis_import_count_incomplete (TrellisImport *self)
{
  g_auto(Plan) plan = { NULL };
  guint count = 0;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), 0);

  make_plan (self, &plan);
  if (plan.completion->len == 0)
    return 0;
  for (guint f = 0; f < self->files->len; f++)
    {
      ImportFile *file = g_ptr_array_index (self->files, f);
      guint n_rows = trellis_table_get_n_rows (file->table);

      plan_start_file (&plan, file->table);
      for (guint row = file->layout->first_data_row; row < n_rows; row++)
        if (!trellis_table_row_is_empty (file->table, row) && is_incomplete (&plan, file->table, row))
          count++;
    }
  return count;
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const TrellisImportValue *va = *(const TrellisImportValue * const *) a;
  const TrellisImportValue *vb = *(const TrellisImportValue * const *) b;

  if (va->mapped != vb->mapped)
    return va->mapped ? 1 : -1;
  if (va->count != vb->count)
    return va->count < vb->count ? 1 : -1;
  return g_utf8_collate (va->text, vb->text);
}

/**
 * trellis_import_dup_values:
 *
 * Lists every distinct answer text in the item columns with how often it occurs and
 * how it is read: what the assistant shows so the facilitator can map the unknown ones.
 *
 * Returns: (transfer full) (element-type TrellisImportValue): unmapped texts first,
 *   then by frequency
 */
GPtrArray *
trellis_import_dup_values (TrellisImport *self)
{
  g_auto(Plan) plan = { NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_import_value_free);

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);

  make_plan (self, &plan);
  for (guint f = 0; f < self->files->len; f++)
    {
      ImportFile *file = g_ptr_array_index (self->files, f);

      for (guint i = 0; i < plan.items->len; i++)
        {
          ItemColumn *item = &g_array_index (plan.items, ItemColumn, i);
          guint n_values = trellis_table_get_n_values (file->table, item->column);
          g_autofree guint *counts = g_new0 (guint, MAX (n_values, 1));

          /* Each distinct cell once, with how often it occurs. */
          trellis_table_count_values (file->table, item->column, file->layout->first_data_row, counts);
          for (guint v = 0; v < n_values; v++)
            {
              const char *text = trellis_table_get_value (file->table, item->column, v);
              g_autofree char *cleaned = NULL;
              TrellisImportValue *value;

              if (*text == '\0' || counts[v] == 0)
                continue;
              cleaned = _trellis_import_clean_cell (text);
              value = g_hash_table_lookup (seen, cleaned);
              if (value == NULL)
                {
                  TrellisAnswer answer = read_cached (self, item->cache, item->scale, text);

                  value = g_new0 (TrellisImportValue, 1);
                  value->text = g_strdup (cleaned);
                  value->mapped = answer != TRELLIS_ANSWER_UNMAPPED;
                  value->answer = value->mapped ? answer : TRELLIS_ANSWER_BLANK;
                  g_ptr_array_add (values, value);
                  g_hash_table_insert (seen, g_steal_pointer (&cleaned), value);
                }
              value->count += counts[v];
            }
        }
    }
  g_ptr_array_sort (values, compare_values);
  return values;
}

/**
 * trellis_import_dup_samples:
 * @max_samples: how many at most
 *
 * A few distinct values of a column, in the order they first occur, for the assistant
 * to show beside its header. A column taken as identifying shows none: the point of
 * dropping it is that nobody reads it.
 *
 * Returns: (transfer full): the samples
 */
GStrv
trellis_import_dup_samples (TrellisImport *self,
                            guint          column,
                            guint          max_samples)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint8 *looked = NULL;
  ImportFile *file;
  guint n_rows;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < g_list_model_get_n_items (G_LIST_MODEL (self->columns)), NULL);

  file = first_file (self);
  n_rows = trellis_table_get_n_rows (file->table);
  if (trellis_import_column_get_role (column_at (self, column)) == TRELLIS_COLUMN_IDENTIFYING)
    return g_strv_builder_end (builder);
  looked = g_new0 (guint8, MAX (trellis_table_get_n_values (file->table, column), 1));
  for (guint row = file->layout->first_data_row;
       row < n_rows && g_hash_table_size (seen) < max_samples; row++)
    {
      guint value = trellis_table_get_value_index (file->table, row, column);
      g_autofree char *cleaned = NULL;

      /* A column of 100,000 empty or repeated cells is looked at once per distinct cell. */
      if (looked[value])
        continue;
      looked[value] = TRUE;
      cleaned = _trellis_import_clean_cell (trellis_table_get (file->table, row, column));

      if (*cleaned != '\0' && !g_hash_table_contains (seen, cleaned))
        {
          g_strv_builder_add (builder, cleaned);
          g_hash_table_add (seen, g_steal_pointer (&cleaned));
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * trellis_import_set_column:
 * @role: what the column holds
 * @target: (nullable): the item key for %TRELLIS_COLUMN_ITEM, the section id for
 *   %TRELLIS_COLUMN_COMMENT
 *
 * The facilitator's word on a column. An item answered by another column is taken
 * from it, which then holds nothing; one column at most holds the group.
 *
 * Returns: %FALSE with @error set when @target names nothing in the checklist
 */
gboolean
trellis_import_set_column (TrellisImport     *self,
                           guint              column,
                           TrellisColumnRole  role,
                           const char        *target,
                           GError           **error)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  g_return_val_if_fail (column < n, FALSE);

  if (!target_is_valid (self, role, target))
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_NO_STATEMENTS,
                   _("“%s” is not a statement or section of the checklist"), target != NULL ? target : "");
      return FALSE;
    }
  for (guint c = 0; c < n; c++)
    {
      TrellisImportColumn *other = column_at (self, c);
      TrellisColumnRole other_role = trellis_import_column_get_role (other);

      if (c == column)
        continue;
      if ((role == TRELLIS_COLUMN_ITEM && other_role == TRELLIS_COLUMN_ITEM &&
           g_strcmp0 (trellis_import_column_get_target (other), target) == 0) ||
          (role == TRELLIS_COLUMN_GROUP && other_role == TRELLIS_COLUMN_GROUP))
        _trellis_import_column_set_mapping (other, TRELLIS_COLUMN_IGNORED, NULL, 1.0, _("set by you"));
    }
  _trellis_import_column_set_mapping (column_at (self, column), role,
                                      role == TRELLIS_COLUMN_ITEM || role == TRELLIS_COLUMN_COMMENT ? target : NULL,
                                      1.0, _("set by you"));
  return TRUE;
}

/**
 * trellis_import_set_value:
 * @text: an answer text as the export writes it
 * @answer: what it means; kept with the round so the next import knows
 */
void
trellis_import_set_value (TrellisImport *self,
                          const char    *text,
                          TrellisAnswer  answer)
{
  g_autoptr(TrellisValueRule) rule = NULL;

  g_return_if_fail (TRELLIS_IS_IMPORT (self));
  g_return_if_fail (text != NULL);

  rule = trellis_value_rule_new (text, answer);
  g_ptr_array_add (self->value_rules, g_steal_pointer (&rule));
}

/**
 * trellis_import_set_include_incomplete:
 *
 * Whether responses the tool marks unfinished (Qualtrics Finished = False, LimeSurvey
 * without a submit date) and previews or tests are imported. By default they are not,
 * and the round counts them as excluded.
 */
void
trellis_import_set_include_incomplete (TrellisImport *self,
                                       gboolean       include)
{
  g_return_if_fail (TRELLIS_IS_IMPORT (self));
  self->include_incomplete = !!include;
}

gboolean
trellis_import_get_include_incomplete (TrellisImport *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);
  return self->include_incomplete;
}

/**
 * trellis_import_set_seed:
 *
 * Seeds the shuffling of comments, for tests that need the same order every run.
 * Without a seed the order is random.
 */
void
trellis_import_set_seed (TrellisImport *self,
                         guint32        seed)
{
  g_return_if_fail (TRELLIS_IS_IMPORT (self));
  self->has_seed = TRUE;
  self->seed = seed;
}

/**
 * trellis_import_set_date:
 * @iso_date: (nullable): the date the survey closed, as YYYY-MM-DD
 *
 * The round's date, instead of the day of the last response that
 * trellis_import_dup_response_date() reads; %NULL for none.
 *
 * Returns: %FALSE when @iso_date is not a date
 */
gboolean
trellis_import_set_date (TrellisImport *self,
                         const char    *iso_date)
{
  g_autoptr(TrellisRound) probe = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (self), FALSE);

  probe = trellis_round_new ("probe");
  if (!trellis_round_set_date (probe, iso_date))
    return FALSE;
  g_free (self->date);
  self->date = g_strdup (iso_date);
  self->date_set = TRUE;
  return TRUE;
}
