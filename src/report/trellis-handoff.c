/* trellis-handoff.c: the tailored checklist as the survey tools ask it
 *
 * The survey is collected once (HandoffSurvey: included sections, their grids of rated
 * statements and their comment questions) and every format writes from it, so that all
 * formats ask the same questions with the same codes. This file also writes the two
 * plain-text formats; trellis-handoff-lss.c, trellis-handoff-xlsform.c and
 * trellis-questionnaire.c the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-handoff-private.h"

static void
grid_free (HandoffGrid *grid)
{
  g_ptr_array_unref (grid->rows);
  g_free (grid->code);
  g_free (grid);
}

static void
section_free (HandoffSection *section)
{
  g_ptr_array_unref (section->grids);
  g_free (section->title);
  g_free (section->code);
  g_free (section->comment_text);
  g_free (section->comment_code);
  g_free (section);
}

void
_trellis_handoff_survey_free (HandoffSurvey *survey)
{
  if (survey == NULL)
    return;
  g_ptr_array_unref (survey->sections);
  g_hash_table_unref (survey->row_codes);
  g_free (survey);
}

/**
 * _trellis_handoff_one_line:
 *
 * Returns: (transfer full): @text on one line: tabs, line breaks and runs of space
 *   become one space. Pasted rows, Qualtrics' choices and XLSForm's cells are one line
 *   each, so a line break inside a statement would split it in two.
 */
char *
_trellis_handoff_one_line (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x2028 || c == 0x2029)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _trellis_handoff_html:
 *
 * Returns: (transfer full): @text for the tools that show texts as HTML (LimeSurvey,
 *   Qualtrics): on one line, with &, < and > escaped; quotes stay as typed
 */
char *
_trellis_handoff_html (const char *text)
{
  g_autofree char *line = _trellis_handoff_one_line (text);
  GString *out = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p++)
    if (*p == '&')
      g_string_append (out, "&amp;");
    else if (*p == '<')
      g_string_append (out, "&lt;");
    else if (*p == '>')
      g_string_append (out, "&gt;");
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): the statement as printed, "12. The partnership…", on one line */
char *
_trellis_handoff_row_label (TrellisStatement *statement)
{
  g_autofree char *label = trellis_statement_dup_label (statement);

  return _trellis_handoff_one_line (label);
}

/* Letters and digits only, as LimeSurvey's question codes and XLSForm's names need. */
static char *
alphanumeric (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A code no other question or subquestion uses; LimeSurvey's codes start with a letter
 * and are at most 20 characters long. */
static char *
unique_code (GHashTable *taken,
             const char *wanted,
             const char *prefix)
{
  g_autofree char *base = alphanumeric (wanted);
  char *code;

  if (*base == '\0' || !g_ascii_isalpha (*base) || strlen (base) > 16)
    {
      g_free (base);
      base = g_strdup (prefix);
    }
  code = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (taken, code); n++)
    {
      g_free (code);
      code = g_strdup_printf ("%s%u", base, n);
    }
  g_hash_table_add (taken, g_strdup (code));
  return code;
}

static HandoffGrid *
grid_new (GHashTable       *taken,
          const char       *code,
          TrellisStatement *lead,
          TrellisScale     *scale,
          guint             scale_index)
{
  HandoffGrid *grid = g_new0 (HandoffGrid, 1);
  g_autofree char *wanted = scale_index == 0 ? g_strdup (code) : g_strdup_printf ("%sS%u", code, scale_index + 1);

  grid->lead = lead;
  grid->scale = scale;
  grid->scale_index = scale_index;
  grid->rows = g_ptr_array_new ();
  grid->code = unique_code (taken, wanted, "Q");
  return grid;
}

/* One grid per scale for a run of statements (or a multi-part item's parts). */
static void
add_grids (HandoffSurvey  *survey,
           HandoffSection *section,
           GHashTable     *taken,
           GPtrArray      *run,
           TrellisStatement *lead)
{
  guint n_scales = trellis_checklist_get_n_scales (survey->checklist);
  g_autofree char *code = NULL;

  if (run->len == 0)
    return;
  if (lead != NULL)
    {
      g_autofree char *number = alphanumeric (trellis_statement_get_number (lead));
      code = g_strconcat (section->code, number, NULL);
    }
  else
    code = g_strdup_printf ("%sR%u", section->code, section->grids->len / MAX (n_scales, 1) + 1);
  for (guint s = 0; s < n_scales; s++)
    {
      HandoffGrid *grid = grid_new (taken, code, lead, trellis_checklist_get_scale (survey->checklist, s), s);

      g_ptr_array_extend (grid->rows, run, NULL, NULL);
      g_ptr_array_add (section->grids, grid);
    }
  g_ptr_array_set_size (run, 0);
}

static void
add_multi (HandoffSurvey    *survey,
           HandoffSection   *section,
           GHashTable       *taken,
           TrellisStatement *lead)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint c = 0; c < trellis_statement_get_n_children (lead); c++)
    {
      TrellisStatement *part = trellis_statement_get_child (lead, c);

      if (trellis_statement_is_in_use (part) && trellis_statement_get_kind (part) == TRELLIS_STATEMENT_RATING)
        g_ptr_array_add (parts, part);
    }
  add_grids (survey, section, taken, parts, lead);
}

static void
set_comment (HandoffSection   *section,
             TrellisStatement *comment,
             GHashTable       *taken)
{
  /* The comment box's id, as statements' ids are theirs: an export headed by codes
   * alone ("s18") still names the box, and so its section. */
  g_autofree char *wanted = comment != NULL ? g_strdup (trellis_statement_get_id (comment))
                                            : g_strconcat (section->code, "C", NULL);

  section->comment = comment;
  if (comment != NULL)
    section->comment_text = _trellis_handoff_row_label (comment);
  else
    /* TRANSLATORS: the comment question of a section without a comment box of its own,
     * e.g. "Section A – Partnership remit: any other comments?" */
    section->comment_text = g_strdup_printf (_("%s: any other comments?"), section->title);
  section->comment_code = unique_code (taken, wanted, "C");
}

static HandoffSection *
collect_section (HandoffSurvey  *survey,
                 TrellisSection *source,
                 GHashTable     *taken)
{
  HandoffSection *section = g_new0 (HandoffSection, 1);
  g_autoptr(GPtrArray) run = g_ptr_array_new ();
  TrellisStatement *comment = NULL;
  g_autofree char *label = trellis_section_dup_label (source);

  section->section = source;
  section->title = _trellis_handoff_one_line (label);
  section->code = unique_code (taken, trellis_section_get_code (source), "S");
  section->grids = g_ptr_array_new_with_free_func ((GDestroyNotify) grid_free);
  for (guint i = 0; i < trellis_section_get_n_statements (source); i++)
    {
      TrellisStatement *statement = trellis_section_get_statement (source, i);

      if (!trellis_statement_is_in_use (statement))
        continue;
      switch (trellis_statement_get_kind (statement))
        {
        case TRELLIS_STATEMENT_RATING:
          g_ptr_array_add (run, statement);
          break;
        case TRELLIS_STATEMENT_MULTI:
          add_grids (survey, section, taken, run, NULL);
          add_multi (survey, section, taken, statement);
          break;
        case TRELLIS_STATEMENT_COMMENT:
        default:
          if (comment == NULL)
            comment = statement;
          break;
        }
    }
  add_grids (survey, section, taken, run, NULL);
  set_comment (section, comment, taken);
  return section;
}

static void
assign_row_codes (HandoffSurvey *survey)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint s = 0; s < survey->sections->len; s++)
    {
      HandoffSection *section = g_ptr_array_index (survey->sections, s);

      for (guint g = 0; g < section->grids->len; g++)
        {
          HandoffGrid *grid = g_ptr_array_index (section->grids, g);

          for (guint r = 0; r < grid->rows->len; r++)
            {
              TrellisStatement *statement = g_ptr_array_index (grid->rows, r);

              if (!g_hash_table_contains (survey->row_codes, statement))
                g_hash_table_insert (survey->row_codes, statement,
                                     unique_code (taken, trellis_statement_get_id (statement), "SQ"));
            }
        }
    }
}

/**
 * _trellis_handoff_survey_new:
 *
 * Collects what the survey asks: each included section with something to ask, its grids
 * and its comment question, with question codes unique across the survey. Subquestion
 * codes are the statements' ids (letters and digits), so a code heading names the
 * statement even after it is renumbered.
 */
HandoffSurvey *
_trellis_handoff_survey_new (TrellisProject *project)
{
  HandoffSurvey *survey = g_new0 (HandoffSurvey, 1);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  survey->project = project;
  survey->checklist = trellis_project_get_checklist (project);
  survey->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  survey->row_codes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint s = 0; s < trellis_checklist_get_n_sections (survey->checklist); s++)
    {
      TrellisSection *source = trellis_checklist_get_section (survey->checklist, s);
      HandoffSection *section;

      if (!trellis_section_get_included (source))
        continue;
      section = collect_section (survey, source, taken);
      if (section->grids->len == 0 && section->comment == NULL)
        section_free (section);
      else
        g_ptr_array_add (survey->sections, section);
    }
  assign_row_codes (survey);
  return survey;
}

const char *
_trellis_handoff_row_code (const HandoffSurvey *survey,
                           TrellisStatement    *statement)
{
  return g_hash_table_lookup (survey->row_codes, statement);
}

/**
 * _trellis_handoff_grid_question:
 *
 * Returns: (transfer full): the grid's question: the section's title, or a multi-part
 *   item's lead-in; with more than one scale, the scale's title after it, which is how
 *   the importer tells the scales' columns apart
 */
char *
_trellis_handoff_grid_question (const HandoffSurvey  *survey,
                                const HandoffSection *section,
                                const HandoffGrid    *grid)
{
  g_autofree char *question = grid->lead != NULL ? _trellis_handoff_row_label (grid->lead) : g_strdup (section->title);

  if (trellis_checklist_get_n_scales (survey->checklist) < 2)
    return g_steal_pointer (&question);
  /* TRANSLATORS: a grid's question with the scale it is rated on: "Section A: … – Importance" */
  return g_strdup_printf (_("%s – %s"), question, trellis_scale_get_title (grid->scale));
}

/* Returns: (transfer full) (element-type utf8): the scale's answers as printed, the
 * points first, then Not applicable and Don't know where the scale allows them */
GPtrArray *
_trellis_handoff_dup_answer_labels (TrellisScale *scale)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 1; p <= trellis_scale_get_n_points (scale); p++)
    {
      const char *label = trellis_scale_get_point_label (scale, p);
      g_ptr_array_add (labels, label != NULL && *label != '\0' ? _trellis_handoff_one_line (label)
                                                               : g_strdup_printf ("%u", p));
    }
  if (trellis_scale_get_allow_na (scale))
    g_ptr_array_add (labels, _trellis_handoff_one_line (trellis_scale_get_na_label (scale)));
  if (trellis_scale_get_allow_dk (scale))
    g_ptr_array_add (labels, _trellis_handoff_one_line (trellis_scale_get_dk_label (scale)));
  return labels;
}

/* Returns: (transfer full) (element-type utf8): the answers' codes, beside
 * _trellis_handoff_dup_answer_labels(): "1" … "5", "NA", "DK", which the importer reads
 * whichever way a tool exports them */
GPtrArray *
_trellis_handoff_dup_answer_codes (TrellisScale *scale)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 1; p <= trellis_scale_get_n_points (scale); p++)
    g_ptr_array_add (codes, g_strdup_printf ("%u", p));
  if (trellis_scale_get_allow_na (scale))
    g_ptr_array_add (codes, g_strdup ("NA"));
  if (trellis_scale_get_allow_dk (scale))
    g_ptr_array_add (codes, g_strdup ("DK"));
  return codes;
}

/**
 * _trellis_handoff_dup_instructions:
 *
 * Returns: (transfer full): how to answer, in the words of the Improvement Service's
 *   checklist: the scale from end to end, and when to use Not applicable and Don't know
 */
char *
_trellis_handoff_dup_instructions (const HandoffSurvey *survey)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_scales = trellis_checklist_get_n_scales (survey->checklist);

  if (n_scales > 1)
    g_string_append (text, _("Rate each statement on each of the scales below, thinking of the partnership under review."));
  else
    g_string_append (text, _("Rate the extent to which you agree or disagree with each statement, thinking of the partnership under review."));
  for (guint s = 0; s < n_scales; s++)
    {
      TrellisScale *scale = trellis_checklist_get_scale (survey->checklist, s);
      guint n = trellis_scale_get_n_points (scale);

      g_string_append_c (text, ' ');
      if (n_scales > 1)
        /* TRANSLATORS: "Importance: from 1, Not important, to 5, Very important." */
        g_string_append_printf (text, _("%s: from 1, %s, to %u, %s."), trellis_scale_get_title (scale),
                                trellis_scale_get_point_label (scale, 1), n, trellis_scale_get_point_label (scale, n));
      else
        g_string_append_printf (text, _("Tick one box for each statement, from 1, %s, to %u, %s."),
                                trellis_scale_get_point_label (scale, 1), n, trellis_scale_get_point_label (scale, n));
    }
  /* When to use Not applicable and Don't know, once, after every scale's range. */
  {
    TrellisScale *scale = trellis_checklist_get_scale (survey->checklist, 0);

    if (trellis_scale_get_allow_na (scale))
      g_string_append_printf (text, _(" Use “%s” when you feel the statement does not apply to the partnership."),
                              trellis_scale_get_na_label (scale));
    if (trellis_scale_get_allow_dk (scale))
      g_string_append_printf (text, _(" Use “%s” when you do not have enough information about the statement to make a judgement."),
                              trellis_scale_get_dk_label (scale));
  }
  g_string_append_c (text, ' ');
  g_string_append (text, _("At the end of each section there is a comments box: add anything you think needs attention."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
_trellis_handoff_anonymity (void)
{
  return _("All survey responses will be anonymous and will not be attributed to individual respondents. Your comments are kept apart from your ratings.");
}

/* Returns: (transfer full): "Outcome-Focused Partnership Checklist – Anytown CPP" */
char *
_trellis_handoff_dup_title (const HandoffSurvey *survey)
{
  const char *checklist = trellis_checklist_get_title (survey->checklist);
  const char *name = trellis_project_get_name (survey->project);

  if (checklist == NULL || *checklist == '\0')
    checklist = _("Partnership checklist");
  if (name == NULL || *name == '\0')
    return _trellis_handoff_one_line (checklist);
  /* TRANSLATORS: the survey's title: the checklist's, then the partnership's name */
  return g_strdup_printf (_("%s – %s"), checklist, name);
}

/*****/

static void
forms_grid (GString              *out,
            const HandoffSurvey  *survey,
            const HandoffSection *section,
            const HandoffGrid    *grid)
{
  g_autofree char *question = _trellis_handoff_grid_question (survey, section, grid);
  g_autoptr(GPtrArray) labels = _trellis_handoff_dup_answer_labels (grid->scale);

  g_string_append_printf (out, "%s\n%s\n\n", _("Likert (Microsoft Forms) or multiple-choice grid (Google Forms) question:"),
                          question);
  g_string_append_printf (out, "%s\n", _("Statements (rows), one per line:"));
  for (guint r = 0; r < grid->rows->len; r++)
    {
      g_autofree char *row = _trellis_handoff_row_label (g_ptr_array_index (grid->rows, r));
      g_string_append_printf (out, "%s\n", row);
    }
  g_string_append_printf (out, "\n%s\n", _("Options (columns), one per line:"));
  for (guint l = 0; l < labels->len; l++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (labels, l));
  g_string_append_c (out, '\n');
}

/* Plain text to paste a block at a time: Microsoft Forms' Likert question and Google
 * Forms' grid each take their rows, and their columns, one per line when pasted. */
static GBytes *
build_forms_text (const HandoffSurvey *survey)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = _trellis_handoff_dup_title (survey);
  g_autofree char *instructions = _trellis_handoff_dup_instructions (survey);

  g_string_append_printf (out, "%s\n\n%s\n%s\n\n", title, _("Form description:"), instructions);
  g_string_append_printf (out, "%s\n\n", _trellis_handoff_anonymity ());
  g_string_append_printf (out, "%s\n\n", _("Make one question per block below, in this order, and paste each list into the question’s rows or options: every line becomes one row or option. Keep each question’s title as it is written here, so that Trellis matches the form’s export by itself."));
  for (guint s = 0; s < survey->sections->len; s++)
    {
      HandoffSection *section = g_ptr_array_index (survey->sections, s);

      g_string_append_printf (out, "==== %s ====\n\n", section->title);
      for (guint g = 0; g < section->grids->len; g++)
        forms_grid (out, survey, section, g_ptr_array_index (section->grids, g));
      g_string_append_printf (out, "%s\n%s\n\n", _("Long answer (paragraph) question:"), section->comment_text);
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/*****/

/* Qualtrics reads question texts and choices as HTML, and a "[[" anywhere as a tag:
 * the text is escaped for HTML and "[[" broken with a zero-width space, on one line. */
static char *
qualtrics_text (const char *text)
{
  g_autofree char *escaped = _trellis_handoff_html (text);
  g_auto(GStrv) parts = g_strsplit (escaped, "[[", -1);

  return g_strjoinv ("[\u200b[", parts);
}

static void
qualtrics_grid (GString              *out,
                const HandoffSurvey  *survey,
                const HandoffSection *section,
                const HandoffGrid    *grid)
{
  g_autofree char *question = _trellis_handoff_grid_question (survey, section, grid);
  g_autofree char *escaped = qualtrics_text (question);
  g_autoptr(GPtrArray) labels = _trellis_handoff_dup_answer_labels (grid->scale);

  g_string_append_printf (out, "[[Question:Matrix]]\n[[ID:%s]]\n%s\n\n[[Choices]]\n", grid->code, escaped);
  for (guint r = 0; r < grid->rows->len; r++)
    {
      g_autofree char *row = _trellis_handoff_row_label (g_ptr_array_index (grid->rows, r));
      g_autofree char *choice = qualtrics_text (row);
      g_string_append_printf (out, "%s\n", choice);
    }
  g_string_append (out, "[[Answers]]\n");
  for (guint l = 0; l < labels->len; l++)
    {
      g_autofree char *answer = qualtrics_text (g_ptr_array_index (labels, l));
      g_string_append_printf (out, "%s\n", answer);
    }
  g_string_append_c (out, '\n');
}

/* Qualtrics' Advanced Format: a block per section, a matrix per grid, an essay box for
 * the comments; the instructions as a descriptive text first. */
static GBytes *
build_qualtrics (const HandoffSurvey *survey)
{
  g_autoptr(GString) out = g_string_new ("[[AdvancedFormat]]\n\n");
  g_autofree char *title = _trellis_handoff_dup_title (survey);
  g_autofree char *instructions = _trellis_handoff_dup_instructions (survey);
  g_autofree char *escaped_title = qualtrics_text (title);
  g_autofree char *escaped_instructions = qualtrics_text (instructions);
  g_autofree char *escaped_anonymity = qualtrics_text (_trellis_handoff_anonymity ());

  g_string_append_printf (out, "[[Block:%s]]\n\n[[Question:DB]]\n[[ID:Intro]]\n<h2>%s</h2><p>%s</p><p><strong>%s</strong></p>\n\n",
                          _("Introduction"), escaped_title, escaped_instructions, escaped_anonymity);
  for (guint s = 0; s < survey->sections->len; s++)
    {
      HandoffSection *section = g_ptr_array_index (survey->sections, s);
      g_autofree char *block = qualtrics_text (section->title);
      g_autofree char *comment = qualtrics_text (section->comment_text);

      /* A block's name is one line up to "]]". */
      g_strdelimit (block, "]", ')');
      g_string_append_printf (out, "[[Block:%s]]\n\n", block);
      for (guint g = 0; g < section->grids->len; g++)
        qualtrics_grid (out, survey, section, g_ptr_array_index (section->grids, g));
      g_string_append_printf (out, "[[Question:TE:Essay]]\n[[ID:%s]]\n%s\n\n", section->comment_code, comment);
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/*****/

const char *
trellis_handoff_format_get_name (TrellisHandoffFormat format)
{
  switch (format)
    {
    case TRELLIS_HANDOFF_QUESTIONNAIRE:
      return _("Paper questionnaire (PDF)");
    case TRELLIS_HANDOFF_FORMS_TEXT:
      return _("Microsoft Forms or Google Forms (text to paste)");
    case TRELLIS_HANDOFF_LSS:
      return _("LimeSurvey survey structure (.lss)");
    case TRELLIS_HANDOFF_QUALTRICS:
      return _("Qualtrics Advanced Format (.txt)");
    case TRELLIS_HANDOFF_XLSFORM:
    default:
      return _("XLSForm for KoboToolbox and ODK (.xlsx)");
    }
}

const char *
trellis_handoff_format_get_extension (TrellisHandoffFormat format)
{
  switch (format)
    {
    case TRELLIS_HANDOFF_QUESTIONNAIRE:
      return "pdf";
    case TRELLIS_HANDOFF_LSS:
      return "lss";
    case TRELLIS_HANDOFF_XLSFORM:
      return "xlsx";
    case TRELLIS_HANDOFF_FORMS_TEXT:
    case TRELLIS_HANDOFF_QUALTRICS:
    default:
      return "txt";
    }
}

/**
 * trellis_handoff_build:
 * @paper: the questionnaire's paper; the other formats ignore it
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL with @error set when
 *   the checklist asks nothing at all
 */
GBytes *
trellis_handoff_build (TrellisProject        *project,
                       TrellisHandoffFormat   format,
                       TrellisChartPaper      paper,
                       GError               **error)
{
  g_autoptr(HandoffSurvey) survey = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (trellis_checklist_get_n_scales (trellis_project_get_checklist (project)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The checklist has no answer scale"));
      return NULL;
    }
  survey = _trellis_handoff_survey_new (project);
  if (survey->sections->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The checklist has no statements left to ask: every section or statement is cut"));
      return NULL;
    }
  switch (format)
    {
    case TRELLIS_HANDOFF_QUESTIONNAIRE:
      return _trellis_handoff_build_questionnaire (survey, paper, error);
    case TRELLIS_HANDOFF_FORMS_TEXT:
      return build_forms_text (survey);
    case TRELLIS_HANDOFF_LSS:
      return _trellis_handoff_build_lss (survey, error);
    case TRELLIS_HANDOFF_QUALTRICS:
      return build_qualtrics (survey);
    case TRELLIS_HANDOFF_XLSFORM:
    default:
      return _trellis_handoff_build_xlsform (survey, error);
    }
}

/**
 * trellis_handoff_write:
 * @file: replaced whole, or left as it was on failure
 *
 * Returns: whether the file was written
 */
gboolean
trellis_handoff_write (TrellisProject        *project,
                       TrellisHandoffFormat   format,
                       TrellisChartPaper      paper,
                       GFile                 *file,
                       GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = trellis_handoff_build (project, format, paper, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                  error);
}

/* Returns: how many statements the hand-off asks (rated statements in use, once each) */
guint
trellis_handoff_count_statements (TrellisProject *project)
{
  g_autoptr(HandoffSurvey) survey = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), 0);
  survey = _trellis_handoff_survey_new (project);
  return g_hash_table_size (survey->row_codes);
}
