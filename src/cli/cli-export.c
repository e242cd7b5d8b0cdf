/* cli-export.c: trellis-cli export PROJECT (--pdf OUT.pdf | --svg DIR | --png DIR
 *               | --plan-csv OUT.csv | --plan-pdf OUT.pdf | --ics OUT.ics
 *               | --questionnaire OUT.pdf | --forms-text OUT.txt | --lss OUT.lss
 *               | --qualtrics-txt OUT.txt | --xlsform OUT.xlsx) […]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "trellis-cli.h"
#include "trellis-handoff.h"
#include "trellis-model.h"
#include "trellis-plan-export.h"
#include "trellis-workshop-pack.h"

typedef struct
{
  char *pdf;
  char *svg;
  char *png;
  char *round;
  char *order;
  char *style;
  char *paper;
  char *compare;
  char *plan_csv;
  char *plan_pdf;
  char *ics;
  gboolean no_guidance;
  char *comments;
  /* The checklist handed to a survey tool, or printed (TrellisHandoffFormat order). */
  char *handoff[TRELLIS_HANDOFF_N_FORMATS];
  /* A format a later version writes (HACKING.md, "The command-line contract"). */
  char *csv;
} ExportArguments;

static void
export_arguments_clear (ExportArguments *arguments)
{
  char **fields[] = {
    &arguments->pdf, &arguments->svg, &arguments->png, &arguments->round, &arguments->order,
    &arguments->style, &arguments->paper, &arguments->compare, &arguments->csv, &arguments->plan_csv,
    &arguments->plan_pdf, &arguments->ics, &arguments->comments,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
  for (guint i = 0; i < TRELLIS_HANDOFF_N_FORMATS; i++)
    g_clear_pointer (&arguments->handoff[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArguments, export_arguments_clear)

/* Reads the options into @options; returns FALSE with a usage error printed. */
static gboolean
read_options (GOptionContext       *context,
              const ExportArguments *arguments,
              TrellisReportOptions  *options,
              int                   *status)
{
  const struct
  {
    const char *option;
    const char *value;
  } not_yet[] = {
    { "--csv", arguments->csv },
  };
  guint n_outputs = (arguments->pdf != NULL) + (arguments->svg != NULL) + (arguments->png != NULL)
                    + (arguments->plan_csv != NULL) + (arguments->plan_pdf != NULL) + (arguments->ics != NULL);

  for (guint i = 0; i < TRELLIS_HANDOFF_N_FORMATS; i++)
    n_outputs += arguments->handoff[i] != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (not_yet); i++)
    if (not_yet[i].value != NULL)
      {
        *status = trellis_cli_usage_error (context, _("%s is not available in this version: use --pdf, --svg, --png, --plan-csv, --plan-pdf, --ics, --questionnaire, --forms-text, --lss, --qualtrics-txt or --xlsform"),
                                           not_yet[i].option);
        return FALSE;
      }
  if (n_outputs != 1)
    {
      *status = trellis_cli_usage_error (context, _("give one of --pdf OUT.pdf, --svg DIR, --png DIR, --plan-csv OUT.csv, --plan-pdf OUT.pdf, --ics OUT.ics, --questionnaire OUT.pdf, --forms-text OUT.txt, --lss OUT.lss, --qualtrics-txt OUT.txt or --xlsform OUT.xlsx"));
      return FALSE;
    }

  trellis_report_options_init (options);
  options->guidance = !arguments->no_guidance;
  if (arguments->order != NULL && !trellis_report_order_from_string (arguments->order, &options->order))
    {
      *status = trellis_cli_usage_error (context, _("--order must be “checklist” or “agreement”"));
      return FALSE;
    }
  if (arguments->style != NULL && !trellis_chart_palette_from_string (arguments->style, &options->palette))
    {
      *status = trellis_cli_usage_error (context, _("--style must be “colour” or “greyscale”"));
      return FALSE;
    }
  if (arguments->paper != NULL
      && (!trellis_chart_paper_from_string (arguments->paper, &options->paper)
          || options->paper == TRELLIS_CHART_PAPER_SLIDE))
    {
      *status = trellis_cli_usage_error (context, _("--paper must be “a4” or “letter”"));
      return FALSE;
    }
  if (arguments->compare != NULL && !trellis_report_compare_from_string (arguments->compare, &options->compare))
    {
      *status = trellis_cli_usage_error (context, _("--compare must be “none”, “rounds” or “groups”"));
      return FALSE;
    }
  if (arguments->comments != NULL && !g_str_equal (arguments->comments, "all") && !g_str_equal (arguments->comments, "key"))
    {
      *status = trellis_cli_usage_error (context, _("--comments must be “all” or “key”"));
      return FALSE;
    }
  options->key_comments_only = g_strcmp0 (arguments->comments, "key") == 0;
  /* Asked for all, all print, however many pages; by default a section prints at most
   * the budget (its key comments or a sample beyond it). */
  if (g_strcmp0 (arguments->comments, "all") == 0)
    options->comment_budget = 0;
  return TRUE;
}

/* Whether the project has what the options ask to chart; says what is missing if not. */
static int
check_project (const char           *path,
               TrellisProject       *project,
               TrellisReportOptions *options,
               const char           *round_label)
{
  TrellisRound *round;

  if (trellis_project_get_n_rounds (project) == 0)
    return trellis_cli_input_error (path, "%s", _("no survey round has been imported yet, so there is nothing to chart"));

  if (round_label != NULL)
    {
      options->round = trellis_project_find_round_by_label (project, round_label);
      if (options->round == NULL)
        return trellis_cli_input_error (path, _("no round called “%s”"), round_label);
    }
  round = trellis_report_get_round (project, options);

  if (options->compare == TRELLIS_REPORT_COMPARE_ROUNDS && trellis_project_get_round (project, 0) == round)
    return trellis_cli_input_error (path, _("round “%s” has no earlier round to compare with"),
                                    trellis_round_get_label (round));
  if (options->compare == TRELLIS_REPORT_COMPARE_GROUPS && trellis_round_get_n_groups (round) == 0)
    return trellis_cli_input_error (path, _("round “%s” carries no respondent groups to compare"),
                                    trellis_round_get_label (round));
  return TRELLIS_CLI_OK;
}

/* Writes @pack as a PDF at @output and says how many pages it has. */
static int
write_pack (TrellisWorkshopPack *pack,
            const char          *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;

  if (!trellis_workshop_pack_write_pdf (pack, file, &error))
    return trellis_cli_input_error (output, "%s", error->message);
  /* TRANSLATORS: "Wrote pack.pdf (7 pages)" */
  printf (ngettext ("Wrote %s (%u page)", "Wrote %s (%u pages)", trellis_workshop_pack_get_n_pages (pack)),
          output, trellis_workshop_pack_get_n_pages (pack));
  putchar ('\n');
  return TRELLIS_CLI_OK;
}

static int
export_pdf (TrellisProject             *project,
            const TrellisReportOptions *options,
            const char                 *output)
{
  g_autoptr(TrellisWorkshopPack) pack = trellis_workshop_pack_new (project, options);

  return write_pack (pack, output);
}

static int
export_plan_pdf (TrellisProject             *project,
                 const TrellisReportOptions *options,
                 const char                 *output)
{
  g_autoptr(TrellisWorkshopPack) pack = trellis_workshop_pack_new_plan (project, options);

  return write_pack (pack, output);
}

static int
export_plan_csv (TrellisProject *project,
                 const char     *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  guint n = trellis_plan_get_n_actions (trellis_project_get_plan (project));

  if (!trellis_plan_write_csv (project, file, &error))
    return trellis_cli_input_error (output, "%s", error->message);
  /* TRANSLATORS: "Wrote plan.csv (7 actions)" */
  printf (ngettext ("Wrote %s (%u action)", "Wrote %s (%u actions)", n), output, n);
  putchar ('\n');
  return TRELLIS_CLI_OK;
}

/* A calendar cannot hold an action without a date: each one left out is named on
 * stderr, an unreadable timescale with why, so that nothing goes missing unnoticed. */
static int
export_ics (TrellisProject *project,
            const char     *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = trellis_plan_get_n_actions (trellis_project_get_plan (project));

  if (!trellis_plan_write_ics (project, file, left_out, &error))
    return trellis_cli_input_error (output, "%s", error->message);
  printf (ngettext ("Wrote %s (%u to-do)", "Wrote %s (%u to-dos)", n - left_out->len), output, n - left_out->len);
  putchar ('\n');
  for (guint i = 0; i < left_out->len; i++)
    {
      TrellisAction *action = g_ptr_array_index (left_out, i);
      const char *text = trellis_action_get_text (action);
      g_autoptr(GError) why = NULL;

      if (trellis_timescale_parse (trellis_action_get_due (action), NULL, NULL, &why))
        fprintf (stderr, _("Left out “%s”: it has no timescale\n"), text != NULL ? text : trellis_action_get_id (action));
      else
        fprintf (stderr, _("Left out “%s”: %s\n"), text != NULL ? text : trellis_action_get_id (action), why->message);
    }
  return TRELLIS_CLI_OK;
}

/* The tailored checklist needs no round: it is what the survey will ask. */
static int
export_handoff (TrellisProject             *project,
                const TrellisReportOptions *options,
                TrellisHandoffFormat        format,
                const char                 *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  guint n = trellis_handoff_count_statements (project);

  if (!trellis_handoff_write (project, format, options->paper, file, &error))
    return trellis_cli_input_error (output, "%s", error->message);
  /* TRANSLATORS: "Wrote survey.lss (52 statements)" */
  printf (ngettext ("Wrote %s (%u statement)", "Wrote %s (%u statements)", n), output, n);
  putchar ('\n');
  return TRELLIS_CLI_OK;
}

static int
export_files (TrellisProject             *project,
              const TrellisReportOptions *options,
              TrellisReportFormat         format,
              const char                 *output)
{
  g_autoptr(GFile) directory = g_file_new_for_commandline_arg (output);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  if (!trellis_report_export_charts (project, options, format, directory, &written, &error))
    return trellis_cli_input_error (output, "%s", error->message);
  for (guint i = 0; i < written->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, g_ptr_array_index (written, i));
      g_autofree char *name = g_file_get_parse_name (file);

      printf ("%s\n", name);
    }
  return TRELLIS_CLI_OK;
}

int
trellis_cli_export (int    argc,
                    char **argv)
{
  g_auto(ExportArguments) arguments = { 0 };
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &arguments.pdf, N_("Write the workshop pack: charts, comments and plan"), N_("OUT.pdf") },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &arguments.svg, N_("Write each chart as an SVG slide into DIR"), N_("DIR") },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &arguments.png, N_("Write each chart as a 1920×1080 PNG slide into DIR"), N_("DIR") },
    { "round", 'r', 0, G_OPTION_ARG_STRING, &arguments.round, N_("The round to chart (its label or id; default: the latest)"), N_("LABEL") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &arguments.order, N_("Statements in checklist order or by agreement"), N_("checklist|agreement") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &arguments.style, N_("Colour, or greys for a black-and-white printer"), N_("colour|greyscale") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &arguments.paper, N_("Paper size of the PDF (default: a4)"), N_("a4|letter") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, &arguments.compare, N_("Compare each statement across rounds or respondent groups"), N_("none|rounds|groups") },
    { "no-guidance", 0, 0, G_OPTION_ARG_NONE, &arguments.no_guidance, N_("Leave the statements’ guidance (questions to ask, best and worst case) out of the workshop pack"), NULL },
    { "comments", 0, 0, G_OPTION_ARG_STRING, &arguments.comments, N_("Print every comment, or only those marked as key (hidden ones never print); by default a section with more than 100 prints its key comments or a random sample"), N_("all|key") },
    { "plan-csv", 0, 0, G_OPTION_ARG_FILENAME, &arguments.plan_csv, N_("Write the improvement plan as a spreadsheet (CSV)"), N_("OUT.csv") },
    { "plan-pdf", 0, 0, G_OPTION_ARG_FILENAME, &arguments.plan_pdf, N_("Write the improvement plan alone as a PDF"), N_("OUT.pdf") },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &arguments.ics, N_("Write each dated action as a calendar to-do (iCalendar)"), N_("OUT.ics") },
    { "questionnaire", 0, 0, G_OPTION_ARG_FILENAME, &arguments.handoff[TRELLIS_HANDOFF_QUESTIONNAIRE], N_("Write the tailored checklist as a paper form to hand out"), N_("OUT.pdf") },
    { "forms-text", 0, 0, G_OPTION_ARG_FILENAME, &arguments.handoff[TRELLIS_HANDOFF_FORMS_TEXT], N_("Write the checklist as text to paste into Microsoft Forms or Google Forms"), N_("OUT.txt") },
    { "lss", 0, 0, G_OPTION_ARG_FILENAME, &arguments.handoff[TRELLIS_HANDOFF_LSS], N_("Write the checklist as a LimeSurvey survey structure"), N_("OUT.lss") },
    { "qualtrics-txt", 0, 0, G_OPTION_ARG_FILENAME, &arguments.handoff[TRELLIS_HANDOFF_QUALTRICS], N_("Write the checklist in Qualtrics’ Advanced Format for its text import"), N_("OUT.txt") },
    { "xlsform", 0, 0, G_OPTION_ARG_FILENAME, &arguments.handoff[TRELLIS_HANDOFF_XLSFORM], N_("Write the checklist as an XLSForm for KoboToolbox or ODK"), N_("OUT.xlsx") },
    { "csv", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &arguments.csv, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT"));
  g_autoptr(TrellisProject) project = NULL;
  TrellisReportOptions options;
  int status;

  g_option_context_set_summary (context, _("Write the workshop pack as a PDF, each chart as an SVG or PNG slide, the improvement plan as CSV, PDF or iCalendar, or the tailored checklist as a paper form or for a survey tool."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!trellis_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return trellis_cli_usage_error (context, _("expected one project file"));
  if (!read_options (context, &arguments, &options, &status))
    return status;

  for (guint i = 0; i < TRELLIS_HANDOFF_N_FORMATS; i++)
    if (arguments.handoff[i] != NULL)
      {
        project = trellis_cli_load_project (argv[1], TRUE);
        if (project == NULL)
          return TRELLIS_CLI_BAD_INPUT;
        return export_handoff (project, &options, (TrellisHandoffFormat) i, arguments.handoff[i]);
      }

  /* The plan needs no survey round, nor a scale. */
  if (arguments.plan_csv != NULL || arguments.plan_pdf != NULL || arguments.ics != NULL)
    {
      project = trellis_cli_load_project (argv[1], FALSE);
      if (project == NULL)
        return TRELLIS_CLI_BAD_INPUT;
      if (arguments.plan_csv != NULL)
        return export_plan_csv (project, arguments.plan_csv);
      if (arguments.ics != NULL)
        return export_ics (project, arguments.ics);
      return export_plan_pdf (project, &options, arguments.plan_pdf);
    }

  project = trellis_cli_load_project (argv[1], TRUE);
  if (project == NULL)
    return TRELLIS_CLI_BAD_INPUT;
  status = check_project (argv[1], project, &options, arguments.round);
  if (status != TRELLIS_CLI_OK)
    return status;

  if (arguments.pdf != NULL)
    return export_pdf (project, &options, arguments.pdf);
  return export_files (project, &options, arguments.svg != NULL ? TRELLIS_REPORT_FORMAT_SVG : TRELLIS_REPORT_FORMAT_PNG,
                       arguments.svg != NULL ? arguments.svg : arguments.png);
}
