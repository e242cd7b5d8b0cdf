/* trellis-handoff-xlsform.c: the checklist as an XLSForm workbook (KoboToolbox, ODK)
 *
 * An XLSForm (xlsform.org) is a workbook whose "survey" sheet lists the questions (type,
 * name, label), whose "choices" sheet lists each select's answers (list_name, name,
 * label) and whose "settings" sheet names the form. A section is a group shown on one
 * screen (appearance field-list); a statement a select_one of its scale's list with the
 * likert appearance; a multi-part item, or a grid on a second scale, a group of its own
 * whose label the export puts before its statements ("Section A/55. By working…/55a…"),
 * which is how the importer tells the scales apart; the comments a multi-line text.
 * Names are the statements' ids, answers' names "1" … "5", "NA" and "DK".
 *
 * The workbook is the smallest valid SpreadsheetML package: inline strings, no styles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-handoff-private.h"
#include "trellis-zip-write.h"

#define SPREADSHEET_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define RELATIONSHIP_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PACKAGE_RELATIONSHIP_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define PACKAGE_RELATIONSHIPS \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
  "<Relationships xmlns=\"" PACKAGE_RELATIONSHIP_NS "\">" \
  "<Relationship Id=\"rId1\" Type=\"" RELATIONSHIP_NS "/officeDocument\" Target=\"xl/workbook.xml\"/>" \
  "</Relationships>\n"

/* XML text: escaped, and without the control characters XML 1.0 cannot hold. */
static void
append_xml_text (GString    *out,
                 const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      if (c == '&')
        g_string_append (out, "&amp;");
      else if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if (c == '"')
        g_string_append (out, "&quot;");
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        continue;
      else
        g_string_append_c (out, (char) c);
    }
}

static void
append_column_name (GString *out,
                    guint    column)
{
  char name[8];
  int i = G_N_ELEMENTS (name) - 1;

  name[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      name[--i] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  g_string_append (out, name + i);
}

/* One sheet: @rows is a GPtrArray of GPtrArrays of strings (NULL or "" for an empty cell). */
static GBytes *
sheet_xml (GPtrArray *rows)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<worksheet xmlns=\"" SPREADSHEET_NS "\"><sheetData>");

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);

      g_string_append_printf (out, "<row r=\"%u\">", r + 1);
      for (guint c = 0; c < cells->len; c++)
        {
          const char *text = g_ptr_array_index (cells, c);

          if (text == NULL || *text == '\0')
            continue;
          g_string_append (out, "<c r=\"");
          append_column_name (out, c);
          g_string_append_printf (out, "%u\" t=\"inlineStr\"><is><t xml:space=\"preserve\">", r + 1);
          append_xml_text (out, text);
          g_string_append (out, "</t></is></c>");
        }
      g_string_append (out, "</row>");
    }
  g_string_append (out, "</sheetData></worksheet>\n");
  return g_string_free_to_bytes (out);
}

/**
 * _trellis_handoff_write_workbook:
 * @sheet_names: (array length=n_sheets): each sheet's name
 * @sheets: (array length=n_sheets): each sheet's rows, GPtrArrays of strings
 *
 * Returns: (transfer full) (nullable): an XLSX workbook
 */
GBytes *
_trellis_handoff_write_workbook (const char * const *sheet_names,
                                 GPtrArray * const  *sheets,
                                 guint               n_sheets,
                                 GError            **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  GString *types = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                 "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                 "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                 "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                 "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
  GString *workbook = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                    "<workbook xmlns=\"" SPREADSHEET_NS "\" xmlns:r=\"" RELATIONSHIP_NS "\"><sheets>");
  GString *relations = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                     "<Relationships xmlns=\"" PACKAGE_RELATIONSHIP_NS "\">");

  for (guint s = 0; s < n_sheets; s++)
    {
      g_string_append_printf (types, "<Override PartName=\"/xl/worksheets/sheet%u.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
                              s + 1);
      g_string_append (workbook, "<sheet name=\"");
      append_xml_text (workbook, sheet_names[s]);
      g_string_append_printf (workbook, "\" sheetId=\"%u\" r:id=\"rId%u\"/>", s + 1, s + 1);
      g_string_append_printf (relations, "<Relationship Id=\"rId%u\" Type=\"" RELATIONSHIP_NS "/worksheet\" Target=\"worksheets/sheet%u.xml\"/>",
                              s + 1, s + 1);
    }
  g_string_append (types, "</Types>\n");
  g_string_append (workbook, "</sheets></workbook>\n");
  g_string_append (relations, "</Relationships>\n");

  g_ptr_array_add (names, g_strdup ("[Content_Types].xml"));
  g_ptr_array_add (parts, g_string_free_to_bytes (types));
  g_ptr_array_add (names, g_strdup ("_rels/.rels"));
  g_ptr_array_add (parts, g_bytes_new_static (PACKAGE_RELATIONSHIPS, sizeof PACKAGE_RELATIONSHIPS - 1));
  g_ptr_array_add (names, g_strdup ("xl/workbook.xml"));
  g_ptr_array_add (parts, g_string_free_to_bytes (workbook));
  g_ptr_array_add (names, g_strdup ("xl/_rels/workbook.xml.rels"));
  g_ptr_array_add (parts, g_string_free_to_bytes (relations));
  for (guint s = 0; s < n_sheets; s++)
    {
      g_ptr_array_add (names, g_strdup_printf ("xl/worksheets/sheet%u.xml", s + 1));
      g_ptr_array_add (parts, sheet_xml (sheets[s]));
    }
  return trellis_zip_write ((const char * const *) names->pdata, (GBytes * const *) parts->pdata, names->len, error);
}

/*****/

/* A row of cells; each argument is copied, NULL ends the list. */
static G_GNUC_NULL_TERMINATED void
add_cells (GPtrArray  *sheet,
           const char *first,
           ...)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (row, g_strdup (cell));
  va_end (args);
  g_ptr_array_add (sheet, row);
}

/* The choice list of scale @index: "scale1", "scale2"… */
static char *
list_name (guint index)
{
  return g_strdup_printf ("scale%u", index + 1);
}

static void
add_grid (GPtrArray            *survey_sheet,
          const HandoffSurvey  *survey,
          const HandoffSection *section,
          const HandoffGrid    *grid)
{
  g_autofree char *list = list_name (grid->scale_index);
  g_autofree char *type = g_strdup_printf ("select_one %s", list);
  gboolean own_group = grid->lead != NULL || trellis_checklist_get_n_scales (survey->checklist) > 1;

  if (own_group)
    {
      g_autofree char *question = _trellis_handoff_grid_question (survey, section, grid);
      add_cells (survey_sheet, "begin group", grid->code, question, "field-list", NULL);
    }
  for (guint r = 0; r < grid->rows->len; r++)
    {
      TrellisStatement *statement = g_ptr_array_index (grid->rows, r);
      const char *code = _trellis_handoff_row_code (survey, statement);
      g_autofree char *name = grid->scale_index == 0 ? g_strdup (code)
                                                     : g_strdup_printf ("%s_%u", code, grid->scale_index + 1);
      g_autofree char *label = _trellis_handoff_row_label (statement);

      add_cells (survey_sheet, type, name, label, "likert", NULL);
    }
  if (own_group)
    add_cells (survey_sheet, "end group", "", "", "", NULL);
}

static GPtrArray *
build_survey_sheet (const HandoffSurvey *survey)
{
  GPtrArray *sheet = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *instructions = _trellis_handoff_dup_instructions (survey);
  g_autofree char *intro = g_strdup_printf ("%s\n\n**%s**", instructions, _trellis_handoff_anonymity ());

  add_cells (sheet, "type", "name", "label", "appearance", NULL);
  add_cells (sheet, "note", "introduction", intro, "", NULL);
  for (guint s = 0; s < survey->sections->len; s++)
    {
      const HandoffSection *section = g_ptr_array_index (survey->sections, s);

      add_cells (sheet, "begin group", section->code, section->title, "field-list", NULL);
      for (guint g = 0; g < section->grids->len; g++)
        add_grid (sheet, survey, section, g_ptr_array_index (section->grids, g));
      add_cells (sheet, "text", section->comment_code, section->comment_text, "multiline", NULL);
      add_cells (sheet, "end group", "", "", "", NULL);
    }
  return sheet;
}

static GPtrArray *
build_choices_sheet (const HandoffSurvey *survey)
{
  GPtrArray *sheet = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  add_cells (sheet, "list_name", "name", "label", NULL);
  for (guint s = 0; s < trellis_checklist_get_n_scales (survey->checklist); s++)
    {
      TrellisScale *scale = trellis_checklist_get_scale (survey->checklist, s);
      g_autoptr(GPtrArray) labels = _trellis_handoff_dup_answer_labels (scale);
      g_autoptr(GPtrArray) codes = _trellis_handoff_dup_answer_codes (scale);
      g_autofree char *list = list_name (s);

      for (guint a = 0; a < labels->len; a++)
        add_cells (sheet, list, g_ptr_array_index (codes, a), g_ptr_array_index (labels, a), NULL);
    }
  return sheet;
}

static GPtrArray *
build_settings_sheet (const HandoffSurvey *survey)
{
  GPtrArray *sheet = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *title = _trellis_handoff_dup_title (survey);
  const char *template_id = trellis_checklist_get_template_id (survey->checklist);
  GString *form_id = g_string_new ("trellis_");

  /* form_id is an XML name: letters, digits and underscores. */
  for (const char *p = template_id != NULL ? template_id : "checklist"; *p != '\0'; p++)
    g_string_append_c (form_id, g_ascii_isalnum (*p) ? *p : '_');
  add_cells (sheet, "form_title", "form_id", "style", NULL);
  add_cells (sheet, title, form_id->str, "pages", NULL);
  g_string_free (form_id, TRUE);
  return sheet;
}

GBytes *
_trellis_handoff_build_xlsform (const HandoffSurvey  *survey,
                                GError              **error)
{
  const char *names[] = { "survey", "choices", "settings" };
  g_autoptr(GPtrArray) survey_sheet = build_survey_sheet (survey);
  g_autoptr(GPtrArray) choices_sheet = build_choices_sheet (survey);
  g_autoptr(GPtrArray) settings_sheet = build_settings_sheet (survey);
  GPtrArray *sheets[] = { survey_sheet, choices_sheet, settings_sheet };

  return _trellis_handoff_write_workbook (names, sheets, G_N_ELEMENTS (sheets), error);
}
