/* cli-import.c: trellis-cli import PROJECT FILE... [--round LABEL] [--format …] [--dry-run]
 *   [--answer TEXT=ANSWER]... [--column COL=STATEMENT|comments:SECTION|ignore]... [--structure SURVEY.lss]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "trellis-cli.h"
#include "trellis-model.h"
#include "trellis-import.h"
#include "trellis-project-io.h"

/* Long headers are cut for a terminal line; the whole text is in the project. */
#define HEADER_WIDTH 48

static gboolean
parse_format (const char         *name,
              TrellisTableFormat *format)
{
  static const struct { const char *name; TrellisTableFormat format; } formats[] = {
    { "auto", TRELLIS_TABLE_FORMAT_AUTO },
    { "csv", TRELLIS_TABLE_FORMAT_CSV },
    { "tsv", TRELLIS_TABLE_FORMAT_TSV },
    { "xlsx", TRELLIS_TABLE_FORMAT_XLSX },
    { "ods", TRELLIS_TABLE_FORMAT_ODS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

/* "Sometimes=3", "6=na", "7=dk", "-99=blank": what an answer text means. */
static gboolean
parse_answer_rule (TrellisScale   *scale,
                   const char     *rule,
                   char          **text,
                   TrellisAnswer  *answer)
{
  const char *equals = strrchr (rule, '=');
  const char *value;
  char *end;
  gint64 point;

  if (equals == NULL || equals == rule)
    return FALSE;
  value = equals + 1;
  if (g_ascii_strcasecmp (value, "na") == 0)
    *answer = TRELLIS_ANSWER_NOT_APPLICABLE;
  else if (g_ascii_strcasecmp (value, "dk") == 0)
    *answer = TRELLIS_ANSWER_DONT_KNOW;
  else if (g_ascii_strcasecmp (value, "blank") == 0)
    *answer = TRELLIS_ANSWER_BLANK;
  else
    {
      point = g_ascii_strtoll (value, &end, 10);
      if (*value == '\0' || *end != '\0' || point < 1 || point > trellis_scale_get_n_points (scale))
        return FALSE;
      *answer = (TrellisAnswer) point;
    }
  *text = g_strndup (rule, equals - rule);
  return TRUE;
}

static char *shorten (const char *text, glong width);
static int field_width (const char *text, glong columns);

/* "55a" or "s55a": a rated statement by its printed number or its id, as the item key
 * of its first scale. */
static char *
dup_item_key (TrellisChecklist *checklist,
              const char       *wanted)
{
  g_autoptr(GPtrArray) rated = trellis_checklist_collect_rated (checklist, FALSE);

  for (guint i = 0; i < rated->len; i++)
    {
      TrellisStatement *statement = g_ptr_array_index (rated, i);
      const char *number = trellis_statement_get_number (statement);

      if ((number != NULL && g_ascii_strcasecmp (number, wanted) == 0) ||
          g_strcmp0 (trellis_statement_get_id (statement), wanted) == 0)
        return trellis_checklist_dup_item_key (checklist, statement, trellis_checklist_get_scale (checklist, 0));
    }
  return NULL;
}

static TrellisSection *
find_section (TrellisChecklist *checklist,
              const char       *wanted)
{
  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, s);

      if (g_ascii_strcasecmp (trellis_section_get_code (section), wanted) == 0 ||
          g_strcmp0 (trellis_section_get_id (section), wanted) == 0)
        return section;
    }
  return NULL;
}

/* --column COL=STATEMENT, COL=comments:SECTION or COL=ignore, COL a column's letter or
 * header: what the facilitator says a column holds. The last "=" splits, since a
 * header may hold one and a statement number never does. */
static gboolean
apply_column_rule (TrellisImport  *import,
                   const char     *rule,
                   char          **message)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (trellis_import_get_project (import));
  const char *equals = strrchr (rule, '=');
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  TrellisImportColumn *column;
  TrellisColumnRole role;

  if (equals == NULL || equals == rule || equals[1] == '\0')
    {
      *message = g_strdup_printf (_("“%s” is not COL=STATEMENT, COL=comments:SECTION or COL=ignore"), rule);
      return FALSE;
    }
  name = g_strndup (rule, equals - rule);
  column = trellis_import_find_column (import, name, &error);
  if (column == NULL)
    {
      *message = g_strdup_printf ("--column %s: %s", rule, error->message);
      return FALSE;
    }
  if (g_ascii_strcasecmp (equals + 1, "ignore") == 0)
    role = TRELLIS_COLUMN_IGNORED;
  else if (g_ascii_strncasecmp (equals + 1, "comments:", 9) == 0)
    {
      TrellisSection *section = find_section (checklist, equals + 1 + 9);

      if (section == NULL)
        {
          *message = g_strdup_printf (_("--column %s: the checklist has no section “%s”"), rule, equals + 1 + 9);
          return FALSE;
        }
      role = TRELLIS_COLUMN_COMMENT;
      target = g_strdup (trellis_section_get_id (section));
    }
  else
    {
      role = TRELLIS_COLUMN_ITEM;
      target = dup_item_key (checklist, equals + 1);
      if (target == NULL)
        {
          *message = g_strdup_printf (_("--column %s: the checklist has no rated statement numbered “%s”"),
                                      rule, equals + 1);
          return FALSE;
        }
    }
  if (!trellis_import_set_column (import, trellis_import_column_get_index (column), role, target, &error))
    {
      *message = g_strdup_printf ("--column %s: %s", rule, error->message);
      return FALSE;
    }
  return TRUE;
}

/* What stops an import: each column it cannot place, and how to settle it. */
static void
print_unsettled (TrellisImport *import)
{
  GListModel *columns = trellis_import_get_columns (import);
  const char *example = NULL;

  printf ("\n%s\n", _("These columns need your word before the import can go ahead:"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(TrellisImportColumn) column = g_list_model_get_item (columns, i);
      g_autofree char *header = NULL;

      if (!trellis_import_column_get_unsettled (column))
        continue;
      header = shorten (trellis_import_column_get_header (column), HEADER_WIDTH);
      printf ("  %-3s %-*s  %s\n", trellis_import_column_get_name (column),
              field_width (header, HEADER_WIDTH), header, trellis_import_column_get_reason (column));
      if (example == NULL)
        example = trellis_import_column_get_name (column);
    }
  printf ("%s\n", _("Say what each holds and run the import again:"));
  printf (_("  --column %s=55a            it answers the statement numbered 55a"), example);
  putchar ('\n');
  printf (_("  --column %s=comments:A     it holds comments on section A"), example);
  putchar ('\n');
  printf (_("  --column %s=ignore         it is not imported"), example);
  putchar ('\n');
  printf ("%s\n", _("A column may be named by its letter or its whole header; the choice is kept with the round."));
}

static char *
shorten (const char *text,
         glong       width)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= width)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, width - 1);
  return g_strconcat (start, "…", NULL);
}

/* printf pads by bytes: widen the field by what the text's characters take beyond one byte. */
static int
field_width (const char *text,
             glong       columns)
{
  return (int) (columns + strlen (text) - g_utf8_strlen (text, -1));
}

static char *
describe_target (TrellisProject      *project,
                 TrellisImportColumn *column)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  const char *target = trellis_import_column_get_target (column);
  TrellisStatement *statement = NULL;
  TrellisScale *scale = NULL;
  TrellisSection *section;

  switch (trellis_import_column_get_role (column))
    {
    case TRELLIS_COLUMN_ITEM:
      if (trellis_checklist_lookup_item_key (checklist, target, &statement, &scale))
        {
          g_autofree char *text = shorten (trellis_statement_get_text (statement), 40);
          g_autofree char *scale_part = trellis_checklist_get_n_scales (checklist) > 1
                                        ? g_strdup_printf (" (%s)", trellis_scale_get_title (scale))
                                        : g_strdup ("");
          return g_strdup_printf (_("statement %s%s: %s"), trellis_statement_get_number (statement),
                                  scale_part, text);
        }
      return g_strdup (target);
    case TRELLIS_COLUMN_COMMENT:
      section = target != NULL ? trellis_checklist_find_section (checklist, target) : NULL;
      return g_strdup_printf (_("comments on section %s"),
                              section != NULL ? trellis_section_get_code (section) : target);
    case TRELLIS_COLUMN_GROUP:
      return g_strdup (_("respondent’s group"));
    case TRELLIS_COLUMN_IDENTIFYING:
    case TRELLIS_COLUMN_METADATA:
      return g_strdup_printf (_("dropped: %s"), trellis_import_column_get_reason (column));
    case TRELLIS_COLUMN_COMPLETION:
      return g_strdup (_("used to leave out unfinished responses, then dropped"));
    case TRELLIS_COLUMN_IGNORED:
    default:
      return g_strdup_printf (_("not imported: %s"), trellis_import_column_get_reason (column) != NULL
                                                     ? trellis_import_column_get_reason (column) : "");
    }
}

static void
print_columns (TrellisImport *import)
{
  GListModel *columns = trellis_import_get_columns (import);

  printf ("\n%s\n", _("Columns:"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(TrellisImportColumn) column = g_list_model_get_item (columns, i);
      g_autofree char *header = shorten (trellis_import_column_get_header (column), HEADER_WIDTH);
      g_autofree char *target = describe_target (trellis_import_get_project (import), column);
      TrellisColumnRole role = trellis_import_column_get_role (column);
      gboolean check = trellis_import_column_get_confidence (column) < 0.8 &&
                       role != TRELLIS_COLUMN_IDENTIFYING && role != TRELLIS_COLUMN_METADATA;

      printf ("  %-3s %-*s → %s%s\n", trellis_import_column_get_name (column),
              field_width (header, HEADER_WIDTH), header, target,
              check ? _("  [check]") : "");
    }
}

static void
print_values (TrellisImport *import)
{
  g_autoptr(GPtrArray) values = trellis_import_dup_values (import);
  TrellisScale *scale = trellis_checklist_get_scale (trellis_project_get_checklist (trellis_import_get_project (import)), 0);

  printf ("\n%s\n", _("Answers:"));
  for (guint i = 0; i < values->len; i++)
    {
      TrellisImportValue *value = g_ptr_array_index (values, i);
      g_autofree char *text = shorten (value->text, 32);
      const char *meaning = !value->mapped ? _("NOT ON THE SCALE")
                            : value->answer == TRELLIS_ANSWER_BLANK ? _("blank")
                            : trellis_scale_get_answer_label (scale, value->answer);

      printf ("  %-*s %6u  → %s\n", field_width (text, 32), text, value->count, meaning);
    }
}

/* The files, their layout and the mapping reused. */
static void
print_sources (GString       *out,
               TrellisImport *import)
{
  for (guint f = 0; f < trellis_import_get_n_files (import); f++)
    {
      g_string_append_printf (out, _("File: %s"), trellis_import_get_file_name (import, f));
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, ngettext ("Layout: %s, %u header row", "Layout: %s, %u header rows",
                    trellis_import_get_n_header_rows (import)),
          trellis_import_layout_get_name (trellis_import_get_layout (import)),
          trellis_import_get_n_header_rows (import));
  g_string_append_c (out, '\n');
  if (trellis_import_get_reused_round (import) != NULL)
    {
      TrellisRound *reused = trellis_import_get_reused_round (import);
      g_string_append_printf (out, _("Mapping: as confirmed for round “%s”"),
              trellis_round_get_label (reused) != NULL ? trellis_round_get_label (reused)
                                                       : trellis_round_get_id (reused));
      g_string_append_c (out, '\n');
    }
}

/* The round's responses, and what was left out or not counted. */
static void
print_responses (GString       *out,
                 TrellisImport *import,
                 TrellisRound  *round)
{
  /* TRANSLATORS: Round: “Autumn 2026”, 25 responses to 60 statements */
  g_string_append_printf (out, ngettext ("Round: “%s”, %u response to %u statements", "Round: “%s”, %u responses to %u statements",
                    trellis_round_get_n_responses (round)),
          trellis_round_get_label (round), trellis_round_get_n_responses (round), trellis_round_get_n_items (round));
  g_string_append_c (out, '\n');
  if (trellis_round_get_date (round) != NULL)
    {
      g_string_append_printf (out, _("Date: %s"), trellis_round_get_date (round));
      g_string_append_c (out, '\n');
    }
  if (trellis_round_get_n_excluded (round) > 0)
    {
      g_string_append_printf (out, ngettext ("Left out: %u unfinished response, preview or test (--include-incomplete keeps it)",
                        "Left out: %u unfinished responses, previews or tests (--include-incomplete keeps them)",
                        trellis_round_get_n_excluded (round)),
              trellis_round_get_n_excluded (round));
      g_string_append_c (out, '\n');
    }
  if (trellis_import_get_n_empty (import) > 0)
    {
      g_string_append_printf (out, ngettext ("Skipped: %u empty row", "Skipped: %u empty rows", trellis_import_get_n_empty (import)),
              trellis_import_get_n_empty (import));
      g_string_append_c (out, '\n');
    }
  if (trellis_import_get_n_no_answers (import) > 0)
    {
      g_string_append_printf (out, ngettext ("Responses with no answers: %u (counted, with a blank on every statement)",
                        "Responses with no answers: %u (counted, each with a blank on every statement)",
                        trellis_import_get_n_no_answers (import)),
              trellis_import_get_n_no_answers (import));
      g_string_append_c (out, '\n');
    }
  if (trellis_import_get_n_not_shown (import) > 0)
    {
      g_string_append_printf (out, ngettext ("Not shown: %u answer the survey did not show the respondent (not counted as blank)",
                        "Not shown: %u answers the survey did not show the respondent (not counted as blank)",
                        trellis_import_get_n_not_shown (import)),
              trellis_import_get_n_not_shown (import));
      g_string_append_c (out, '\n');
    }
}

/* The columns never stored, for naming people or for bookkeeping. */
static void
print_dropped (GString       *out,
               TrellisImport *import)
{
  GListModel *columns = trellis_import_get_columns (import);
  gboolean any = FALSE;

  g_string_append_printf (out, "%s", _("Dropped, never stored:"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(TrellisImportColumn) column = g_list_model_get_item (columns, i);
      TrellisColumnRole role = trellis_import_column_get_role (column);

      if (role == TRELLIS_COLUMN_IDENTIFYING || role == TRELLIS_COLUMN_METADATA ||
          role == TRELLIS_COLUMN_COMPLETION)
        {
          g_autofree char *header = shorten (trellis_import_column_get_header (column), 32);
          g_string_append_printf (out, "\n  %-3s %s (%s)", trellis_import_column_get_name (column), header,
                  trellis_import_column_get_reason (column));
          any = TRUE;
        }
    }
  g_string_append_printf (out, "%s\n", any ? "" : _(" none"));
}

/* Respondents per group, and the groups too small to show on their own. */
static void
print_groups (GString       *out,
              TrellisImport *import,
              TrellisRound  *round)
{
  TrellisProject *project = trellis_import_get_project (import);
  g_auto(GStrv) small = trellis_import_dup_small_groups (import, round);
  /* In alphabetical order: the round's own is that of its shuffled responses. */
  g_autoptr(GPtrArray) shares = trellis_group_breakdown_new (round, trellis_project_get_min_group_size (project));

  g_string_append_printf (out, "%s", _("Groups:"));
  for (guint g = 0; g < shares->len; g++)
    {
      const TrellisGroupShare *share = g_ptr_array_index (shares, g);

      g_string_append_printf (out, "%s %s %u", g > 0 ? "," : "", share->label != NULL ? share->label : _("Not stated"),
              share->n_respondents);
    }
  g_string_append_c (out, '\n');
  if (small[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", small);
      /* TRANSLATORS: groups with fewer respondents than the minimum are not charted */
      g_string_append_printf (out, _("Below the minimum group size of %u, so never shown on their own: %s"),
              trellis_project_get_min_group_size (project), names);
      g_string_append_c (out, '\n');
    }
}

static void
print_summary (GString       *out,
               TrellisImport *import,
               TrellisRound  *round)
{
  TrellisProject *project = trellis_import_get_project (import);
  GPtrArray *sections = trellis_round_get_comment_sections (round);

  print_sources (out, import);
  print_responses (out, import, round);
  print_dropped (out, import);
  if (trellis_round_get_n_groups (round) > 0)
    print_groups (out, import, round);
  g_string_append_printf (out, "%s", _("Comments, detached and shuffled:"));
  for (guint s = 0; s < sections->len; s++)
    {
      const char *id = g_ptr_array_index (sections, s);
      TrellisSection *section = trellis_checklist_find_section (trellis_project_get_checklist (project), id);
      /* Sections without a code (the written templates' themes) go by their title. */
      const char *name = section == NULL ? id
                         : trellis_section_get_code (section) != NULL ? trellis_section_get_code (section)
                         : trellis_section_get_title (section) != NULL ? trellis_section_get_title (section) : id;

      g_string_append_printf (out, "%s %s %u", s > 0 ? "," : "", name, trellis_round_get_comments (round, id)->len);
    }
  g_string_append_printf (out, "%s\n", sections->len > 0 ? "" : _(" none"));
}

/* The date, the --answer rules and the LimeSurvey structure file, before any export is
 * read. */
static int
set_up_import (TrellisImport  *import,
               GOptionContext *context,
               const char     *date,
               GStrv           answer_rules,
               const char     *structure)
{
  TrellisProject *project = trellis_import_get_project (import);
  g_autoptr(GError) error = NULL;

  if (date != NULL && !trellis_import_set_date (import, date))
    return trellis_cli_usage_error (context, _("“%s” is not a date as YYYY-MM-DD"), date);
  for (guint i = 0; answer_rules != NULL && answer_rules[i] != NULL; i++)
    {
      TrellisScale *scale = trellis_checklist_get_scale (trellis_project_get_checklist (project), 0);
      g_autofree char *text = NULL;
      TrellisAnswer answer;

      if (!parse_answer_rule (scale, answer_rules[i], &text, &answer))
        return trellis_cli_usage_error (context, _("“%s” is not TEXT=ANSWER with ANSWER 1–%u, na, dk or blank"),
                                        answer_rules[i], trellis_scale_get_n_points (scale));
      trellis_import_set_value (import, text, answer);
    }
  if (structure != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (structure);

      if (!trellis_import_set_structure_file (import, file, NULL, &error))
        return trellis_cli_input_error (structure, "%s", error->message);
    }
  return TRELLIS_CLI_OK;
}

/* The exports, argv[2] on. */
static int
add_exports (TrellisImport       *import,
             int                  argc,
             char               **argv,
             TrellisTableFormat   format)
{
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;

      if (!trellis_import_add_file (import, file, format, NULL, &error))
        return trellis_cli_input_error (argv[i], "%s", error->message);
    }
  return TRELLIS_CLI_OK;
}

/* The --column rules; then answers that match no statement, comments whose section is a
 * guess: asked, never dropped or misfiled without a word. */
static int
settle_columns (TrellisImport  *import,
                GOptionContext *context,
                GStrv           column_rules,
                gboolean        dry_run,
                const char     *first_export)
{
  guint n;

  for (guint i = 0; column_rules != NULL && column_rules[i] != NULL; i++)
    {
      g_autofree char *message = NULL;

      if (!apply_column_rule (import, column_rules[i], &message))
        return trellis_cli_usage_error (context, "%s", message);
    }
  n = trellis_import_count_unsettled (import);
  if (n == 0)
    return TRELLIS_CLI_OK;
  if (dry_run)
    print_columns (import);
  print_unsettled (import);
  return trellis_cli_input_error (first_export, ngettext ("%u column needs your word (see the list above); nothing was imported",
                                                          "%u columns need your word (see the list above); nothing was imported", n),
                                  n);
}

/* A dry run lists every answer off the scale with its count before failing, so that
 * one look is enough to write all the --answer rules the file needs. */
static int
report_build_failure (TrellisImport *import,
                      const GError  *error,
                      gboolean       dry_run,
                      const char    *project_file)
{
  TrellisProject *project = trellis_import_get_project (import);

  if (dry_run && g_error_matches (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_BAD_ANSWER))
    {
      print_columns (import);
      print_values (import);
      putchar ('\n');
      printf (_("Say what each answer not on the scale means with --answer TEXT=ANSWER (1–%u, na, dk or blank)."),
              trellis_scale_get_n_points (trellis_checklist_get_scale (trellis_project_get_checklist (project), 0)));
      putchar ('\n');
      return trellis_cli_input_error (NULL, "%s", error->message);
    }
  return trellis_cli_input_error (error->domain == TRELLIS_IMPORT_ERROR &&
                                  error->code == TRELLIS_IMPORT_ERROR_ROUND_EXISTS ? project_file : NULL,
                                  "%s", error->message);
}

/* --redact: whatever names, e-mail addresses and phone numbers can be detected go
 * without asking, before the round is saved (or, on a dry run, only counted). */
static void
redact_round (TrellisImport *import,
              TrellisRound  *round)
{
  g_autoptr(TrellisRedactor) redactor = trellis_redactor_new_for_project (trellis_import_get_project (import), NULL);
  guint n_found = 0;
  guint n_comments = trellis_comment_edit_redact (round, NULL, redactor, NULL, &n_found);

  /* TRANSLATORS: the first number counts names, e-mail addresses and phone numbers */
  printf (ngettext ("Redacted %u name, e-mail address or phone number",
                    "Redacted %u names, e-mail addresses or phone numbers", n_found), n_found);
  printf (ngettext (" in %u comment.", " in %u comments.", n_comments), n_comments);
  putchar ('\n');
}

/* The round added and saved, or on a dry run only described. */
static int
finish_import (TrellisImport **import,
               TrellisRound   *round,
               gboolean        dry_run,
               gboolean        redact,
               const char     *project_file)
{
  g_autoptr(TrellisProject) project = g_object_ref (trellis_import_get_project (*import));
  g_autoptr(GString) summary = g_string_new (NULL);

  if (redact)
    redact_round (*import, round);
  print_summary (summary, *import, round);
  if (dry_run)
    {
      fputs (summary->str, stdout);
      print_columns (*import);
      print_values (*import);
      printf ("\n%s\n", _("Dry run: the project was not changed."));
      return TRELLIS_CLI_OK;
    }

  /* The export's cells are not wanted any more: freed before saving, they add nothing
   * to the memory a large import takes at its peak. */
  g_clear_object (import);
#ifdef HAVE_MALLOC_TRIM
  /* Freed is not given back when malloc kept the table's blocks in its heap (it does
   * after an earlier large block was freed, as when a file turns out not to be UTF-8
   * and is read again converted): a third more memory at the save's peak. */
  malloc_trim (0);
#endif
  trellis_timing_mark ("export-freed");
  trellis_project_append_round (project, round);
  if (!trellis_cli_save_project (project, project_file))
    return TRELLIS_CLI_BAD_INPUT;
  trellis_timing_mark ("saved");
  fputs (summary->str, stdout);
  return TRELLIS_CLI_OK;
}

int
trellis_cli_import (int    argc,
                    char **argv)
{
  g_autofree char *round_label = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *date = NULL;
  g_auto(GStrv) answer_rules = NULL;
  g_auto(GStrv) column_rules = NULL;
  g_autofree char *structure = NULL;
  gboolean dry_run = FALSE;
  gboolean include_incomplete = FALSE;
  gboolean redact = FALSE;
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &round_label, N_("Label of the new round (default: the month of the last response, or Round N)"), N_("LABEL") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("The files’ format: auto, csv, tsv, xlsx or ods"), N_("FORMAT") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show the layout, mapping, dropped columns and counts; change nothing"), NULL },
    { "include-incomplete", 0, 0, G_OPTION_ARG_NONE, &include_incomplete, N_("Also import responses the survey tool marks unfinished"), NULL },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Replace the names, e-mail addresses and phone numbers found in comments by [name], [e-mail] and [phone]"), NULL },
    { "answer", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &answer_rules, N_("What an answer text means: TEXT=1…5, na, dk or blank (repeatable)"), N_("TEXT=ANSWER") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("The date the survey closed (default: the day of the last response)"), N_("YYYY-MM-DD") },
    { "structure", 's', 0, G_OPTION_ARG_FILENAME, &structure,
      N_("The LimeSurvey survey's structure file, so that code headings match by their text"), N_("SURVEY.lss") },
    { "column", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &column_rules,
      N_("What a column holds: COL=STATEMENT (e.g. BB=55a), COL=comments:SECTION or COL=ignore; COL is a letter or a header (repeatable)"),
      N_("COL=WHAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT FILE…"));
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(TrellisRound) round = NULL;
  g_autoptr(TrellisFileLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  TrellisTableFormat format = TRELLIS_TABLE_FORMAT_AUTO;
  int status;

  trellis_timing_mark ("import-started");

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Import survey exports (CSV, TSV, XLSX, ODS) as a new round. "
                                           "Columns that identify people are dropped; comments are "
                                           "detached from responses. Several files join one round."));
  if (!trellis_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return trellis_cli_usage_error (context, _("expected a project file and at least one export"));
  if (format_name != NULL && !parse_format (format_name, &format))
    return trellis_cli_usage_error (context, _("unknown format “%s”; use auto, csv, tsv, xlsx or ods"), format_name);
  if (round_label != NULL && *g_strstrip (round_label) == '\0')
    return trellis_cli_usage_error (context, _("the round label is empty"));

  /* Locked from before it is read until it is saved: a second import at the same time
   * waits for this one and adds its round to what this one saved. A dry run writes
   * nothing and takes no lock. */
  if (dry_run)
    project = trellis_cli_load_project (argv[1], TRUE);
  else
    project = trellis_cli_load_project_for_writing (argv[1], &lock);
  if (project == NULL)
    return TRELLIS_CLI_BAD_INPUT;
  trellis_timing_mark ("project-loaded");

  import = trellis_import_new (project);
  trellis_import_set_include_incomplete (import, include_incomplete);
  status = set_up_import (import, context, date, answer_rules, structure);
  if (status == TRELLIS_CLI_OK)
    status = add_exports (import, argc, argv, format);
  trellis_timing_mark ("exports-read-and-analysed");
  if (status == TRELLIS_CLI_OK)
    status = settle_columns (import, context, column_rules, dry_run, argv[2]);
  if (status != TRELLIS_CLI_OK)
    return status;

  if (round_label == NULL)
    round_label = trellis_import_dup_default_label (import);
  round = trellis_import_build_round (import, round_label, &error);
  trellis_timing_mark ("round-built");
  if (round == NULL)
    return report_build_failure (import, error, dry_run, argv[1]);

  return finish_import (&import, round, dry_run, redact, argv[1]);
}
