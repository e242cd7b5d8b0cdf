/* trellis-project-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-project-io"

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "trellis-action.h"
#include "trellis-checklist.h"
#include "trellis-file-util.h"
#include "trellis-plan.h"
#include "trellis-project.h"
#include "trellis-project-bulk-private.h"
#include "trellis-project-io-private.h"
#include "trellis-round.h"
#include "trellis-scale.h"
#include "trellis-section.h"
#include "trellis-statement.h"

/* The file format is documented, element by element, in data/trellis-project.rng.
 *
 * Format versioning (format-version="MAJOR.MINOR" on the root element):
 *  - Anything added to the format (an element, an attribute, a value) bumps
 *    TRELLIS_PROJECT_FORMAT_MINOR; anything that changes the meaning of what is already
 *    there bumps TRELLIS_PROJECT_FORMAT_MAJOR.
 *  - A newer MAJOR version is refused whole, with a message asking to update Trellis.
 *  - A newer MINOR version is read: what this version knows is loaded, what it does
 *    not know is skipped. Because a save would drop what was skipped, such a file is
 *    never written over: trellis_project_get_newer_format_version() tells the app and
 *    the command-line tool, which open it read-only (the app offers Save As, which
 *    writes a copy in this version's format; trellis-cli summarises and exports it and
 *    refuses to import into it), and trellis_project_save_file_full() itself refuses to
 *    replace any file whose root declares a newer minor version.
 *  - Loader and writer share their limits (file size, counts; text nodes of any length
 *    are read with XML_PARSE_HUGE), so that whatever is written can be read again.
 * Saving is trellis_file_replace_safely() (trellis-file-save.c); writers lock the file
 * first (trellis-file-lock.c). */

G_DEFINE_QUARK (trellis-project-error-quark, trellis_project_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

#define ROOT_PROJECT  "trellis-project"
#define ROOT_TEMPLATE "trellis-template"

/* Far above any real checklist or project, and low enough that the model's lookups,
 * which walk its lists, stay fast: without them a file of a few hundred kB holding
 * 20,000 sections, scales or rounds took half a minute to open, one of 64 MB days. */
#define MAX_SCALES     32
#define MAX_SECTIONS   1000
#define MAX_STATEMENTS 2000
#define MAX_ROUNDS     1000
#define REDACT_NAMES_MAX 1000

/* Stable names written to the file; the enums' order may change, these never. */
static const char * const kind_names[] = {
  [TRELLIS_STATEMENT_RATING] = "rating",
  [TRELLIS_STATEMENT_COMMENT] = "comment",
  [TRELLIS_STATEMENT_MULTI] = "multi",
};

static const char * const role_names[] = {
  [TRELLIS_COLUMN_IGNORED] = "ignored",
  [TRELLIS_COLUMN_ITEM] = "item",
  [TRELLIS_COLUMN_COMMENT] = "comment",
  [TRELLIS_COLUMN_GROUP] = "group",
  [TRELLIS_COLUMN_IDENTIFYING] = "identifying",
  [TRELLIS_COLUMN_METADATA] = "metadata",
  [TRELLIS_COLUMN_COMPLETION] = "completion",
};

static int
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    if (g_str_equal (names[i], name))
      return i;
  return -1;
}

/* Room for any TrellisAnswer printed as a number, sign included. */
#define ANSWER_TEXT_SIZE 8

/* Answers in a response row are short tokens so a round of thousands of respondents
 * stays readable and small: a point number, "na", "dk", "ns" for an item the survey did
 * not show, or "-" for blank. A value rule spells blank out, because there it is a word
 * the facilitator chose. */
static const char *
format_answer (TrellisAnswer answer,
               const char   *blank,
               char          buffer[ANSWER_TEXT_SIZE])
{
  switch (answer)
    {
    case TRELLIS_ANSWER_BLANK:
      return blank;
    case TRELLIS_ANSWER_NOT_APPLICABLE:
      return "na";
    case TRELLIS_ANSWER_DONT_KNOW:
      return "dk";
    case TRELLIS_ANSWER_NOT_SHOWN:
      return "ns";
    default:
      g_snprintf (buffer, ANSWER_TEXT_SIZE, "%d", (int) answer);
      return buffer;
    }
}

gboolean
_trellis_answer_parse (const char    *token,
              gsize          length,
              const char    *blank,
              TrellisAnswer *answer)
{
  guint value = 0;

  if (length == strlen (blank) && strncmp (token, blank, length) == 0)
    *answer = TRELLIS_ANSWER_BLANK;
  else if (length == 2 && strncmp (token, "na", 2) == 0)
    *answer = TRELLIS_ANSWER_NOT_APPLICABLE;
  else if (length == 2 && strncmp (token, "dk", 2) == 0)
    *answer = TRELLIS_ANSWER_DONT_KNOW;
  else if (length == 2 && strncmp (token, "ns", 2) == 0)
    *answer = TRELLIS_ANSWER_NOT_SHOWN;
  else if (length >= 1 && length <= 2 && g_ascii_isdigit (token[0]) &&
           (length == 1 || g_ascii_isdigit (token[1])))
    {
      for (gsize i = 0; i < length; i++)
        value = value * 10 + (token[i] - '0');
      if (value < 1 || value > TRELLIS_SCALE_MAX_POINTS)
        return FALSE;
      *answer = (TrellisAnswer) value;
    }
  else
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------------------ */

/* XML 1.0 cannot hold most control characters, not even escaped, and pasted or imported
 * text sometimes carries them; they are dropped so that a save never writes a file that
 * will not open again. */
static gboolean
is_xml_char (gunichar c)
{
  return (c >= 0x20 && c <= 0xD7FF) || c == '\t' || c == '\n' || c == '\r' ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static char *
dup_xml_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = NULL;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_xml_char (c))
        {
          if (out != NULL)
            g_string_append_unichar (out, c);
        }
      else if (out == NULL)
        out = g_string_new_len (valid, p - valid);
    }
  return out != NULL ? g_string_free (out, FALSE) : g_steal_pointer (&valid);
}

static xmlNode *
add_element (xmlNode    *parent,
             const char *name)
{
  return xmlNewChild (parent, parent->ns, BAD_CAST name, NULL);
}

static void
add_text_element (xmlNode    *parent,
                  const char *name,
                  const char *text)
{
  g_autofree char *safe = NULL;

  if (text == NULL)
    return;
  safe = dup_xml_safe (text);
  xmlNewTextChild (parent, parent->ns, BAD_CAST name, BAD_CAST safe);
}

static void
set_attribute (xmlNode    *node,
               const char *name,
               const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    return;
  safe = dup_xml_safe (value);
  xmlNewProp (node, BAD_CAST name, BAD_CAST safe);
}

static void
set_uint_attribute (xmlNode    *node,
                    const char *name,
                    guint       value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%u", value);
  xmlNewProp (node, BAD_CAST name, BAD_CAST buffer);
}

/* Allowed with the default label is the usual case and is written as nothing. */
static void
write_optional_answer (xmlNode    *scale_node,
                       const char *name,
                       const char *label,
                       gboolean    allowed)
{
  g_autofree char *safe = NULL;
  xmlNode *node;

  if (label == NULL && allowed)
    return;
  if (label != NULL)
    safe = dup_xml_safe (label);
  node = xmlNewTextChild (scale_node, scale_node->ns, BAD_CAST name, BAD_CAST safe);
  if (!allowed)
    set_attribute (node, "allowed", "false");
}

static void
write_scale (xmlNode      *parent,
             TrellisScale *scale)
{
  xmlNode *node = add_element (parent, "scale");
  guint n_points = trellis_scale_get_n_points (scale);

  set_attribute (node, "id", trellis_scale_get_id (scale));
  set_uint_attribute (node, "points", n_points);
  if (trellis_scale_get_role (scale) != TRELLIS_SCALE_ROLE_NONE)
    set_attribute (node, "role", trellis_scale_role_to_string (trellis_scale_get_role (scale)));
  add_text_element (node, "title", trellis_scale_get_title (scale));
  for (guint point = 1; point <= n_points; point++)
    {
      g_autofree char *safe = dup_xml_safe (trellis_scale_get_point_label (scale, point));
      xmlNode *point_node = xmlNewTextChild (node, node->ns, BAD_CAST "point", BAD_CAST safe);

      set_uint_attribute (point_node, "value", point);
    }

  write_optional_answer (node, "not-applicable",
                         trellis_scale_get_na_label (scale), trellis_scale_get_allow_na (scale));
  write_optional_answer (node, "dont-know",
                         trellis_scale_get_dk_label (scale), trellis_scale_get_allow_dk (scale));
}

static void
add_text_content (xmlNode    *node,
                  const char *text,
                  gsize       length)
{
  g_autofree char *segment = g_strndup (text, length);
  g_autofree char *safe = dup_xml_safe (segment);

  xmlAddChild (node, xmlNewText (BAD_CAST safe));
}

/* Statement text is mixed content: "The <em>other</em> partners". Without emphasis it
 * is written exactly as any other text element. */
static xmlNode *
add_emphasised_element (xmlNode               *parent,
                        const char            *name,
                        const char            *text,
                        const TrellisTextSpan *spans,
                        guint                  n_spans)
{
  xmlNode *node;
  guint done = 0;

  if (text == NULL)
    return NULL;
  if (n_spans == 0)
    {
      g_autofree char *safe = dup_xml_safe (text);

      return xmlNewTextChild (parent, parent->ns, BAD_CAST name, BAD_CAST safe);
    }

  node = add_element (parent, name);
  for (guint i = 0; i < n_spans; i++)
    {
      xmlNode *em;

      if (spans[i].start > done)
        add_text_content (node, text + done, spans[i].start - done);
      em = add_element (node, "em");
      add_text_content (em, text + spans[i].start, spans[i].end - spans[i].start);
      done = spans[i].end;
    }
  if (text[done] != '\0')
    add_text_content (node, text + done, strlen (text + done));
  return node;
}

static void
write_statement_text (xmlNode          *parent,
                      TrellisStatement *statement)
{
  const TrellisTextSpan *spans;
  guint n_spans;

  spans = trellis_statement_get_emphasis (statement, &n_spans);
  add_emphasised_element (parent, "text", trellis_statement_get_text (statement), spans, n_spans);
}

static void
write_statement (xmlNode          *parent,
                 TrellisStatement *statement)
{
  xmlNode *node = add_element (parent, "statement");
  guint n_children = trellis_statement_get_n_children (statement);
  const char *questions = trellis_statement_get_questions (statement);
  const char *best_case = trellis_statement_get_best_case (statement);
  const char *worst_case = trellis_statement_get_worst_case (statement);
  const char *note = trellis_statement_get_note (statement);

  set_attribute (node, "id", trellis_statement_get_id (statement));
  set_attribute (node, "number", trellis_statement_get_number (statement));
  g_assert (trellis_statement_get_kind (statement) < G_N_ELEMENTS (kind_names));
  set_attribute (node, "kind", kind_names[trellis_statement_get_kind (statement)]);
  if (!trellis_statement_get_included (statement))
    set_attribute (node, "included", "false");
  write_statement_text (node, statement);

  if (questions != NULL || best_case != NULL || worst_case != NULL || note != NULL)
    {
      xmlNode *guidance = add_element (node, "guidance");

      add_text_element (guidance, "questions", questions);
      add_text_element (guidance, "best-case", best_case);
      add_text_element (guidance, "worst-case", worst_case);
      add_text_element (guidance, "note", note);
    }

  for (guint i = 0; i < n_children; i++)
    write_statement (node, trellis_statement_get_child (statement, i));
}

static void
write_section (xmlNode        *parent,
               TrellisSection *section)
{
  xmlNode *node = add_element (parent, "section");
  guint n = trellis_section_get_n_statements (section);

  set_attribute (node, "id", trellis_section_get_id (section));
  set_attribute (node, "code", trellis_section_get_code (section));
  if (!trellis_section_get_included (section))
    set_attribute (node, "included", "false");
  add_text_element (node, "title", trellis_section_get_title (section));
  add_text_element (node, "description", trellis_section_get_description (section));
  for (guint i = 0; i < n; i++)
    write_statement (node, trellis_section_get_statement (section, i));
}

static void
write_checklist (xmlNode          *parent,
                 TrellisChecklist *checklist)
{
  xmlNode *node = add_element (parent, "checklist");
  guint n_scales = trellis_checklist_get_n_scales (checklist);
  guint n_sections = trellis_checklist_get_n_sections (checklist);

  set_attribute (node, "template", trellis_checklist_get_template_id (checklist));
  set_attribute (node, "template-version", trellis_checklist_get_template_version (checklist));
  add_text_element (node, "title", trellis_checklist_get_title (checklist));
  add_text_element (node, "description", trellis_checklist_get_description (checklist));
  for (guint i = 0; i < n_scales; i++)
    write_scale (node, trellis_checklist_get_scale (checklist, i));
  for (guint i = 0; i < n_sections; i++)
    write_section (node, trellis_checklist_get_section (checklist, i));
}

static void
write_mapping (xmlNode      *parent,
               TrellisRound *round)
{
  GPtrArray *columns = trellis_round_get_column_rules (round);
  GPtrArray *values = trellis_round_get_value_rules (round);
  xmlNode *node;

  if (columns->len == 0 && values->len == 0)
    return;

  node = add_element (parent, "mapping");
  for (guint i = 0; i < columns->len; i++)
    {
      const TrellisColumnRule *rule = g_ptr_array_index (columns, i);
      xmlNode *column = add_element (node, "column");

      g_assert (rule->role < G_N_ELEMENTS (role_names));

      set_attribute (column, "header", rule->header);
      set_attribute (column, "role", role_names[rule->role]);
      set_attribute (column, "target", rule->target);
    }
  for (guint i = 0; i < values->len; i++)
    {
      const TrellisValueRule *rule = g_ptr_array_index (values, i);
      xmlNode *value = add_element (node, "value");
      char buffer[ANSWER_TEXT_SIZE];

      set_attribute (value, "text", rule->text);
      set_attribute (value, "answer", format_answer (rule->answer, "blank", buffer));
    }
}

/* A marker the splice replaces with a part written without the tree (see
 * trellis-project-bulk.c): the lines of a large round cost no tree nodes. */
static void
add_bulk_marker (xmlNode      *node,
                 GArray       *parts,
                 TrellisRound *round,
                 const char   *section_id)
{
  BulkPart part = { round, section_id };

  xmlAddChild (node, xmlNewComment (BAD_CAST TRELLIS_BULK_MARKER));
  g_array_append_val (parts, part);
}

/* 1.0–1.2 rows, one <response> element each: kept for a round without items, whose
 * answer lines would be empty. */
static void
write_response_elements (xmlNode      *node,
                         TrellisRound *round)
{
  guint n_responses = trellis_round_get_n_responses (round);

  for (guint r = 0; r < n_responses; r++)
    {
      xmlNode *response = xmlNewTextChild (node, node->ns, BAD_CAST "response", BAD_CAST "");

      set_attribute (response, "group", trellis_round_get_response_group (round, r));
    }
}

/* Format 1.3: the round's groups once, then one line per respondent in <answers>. */
static void
write_responses (xmlNode      *parent,
                 TrellisRound *round,
                 GArray       *parts)
{
  guint n_items = trellis_round_get_n_items (round);
  guint n_responses = trellis_round_get_n_responses (round);
  guint n_groups = trellis_round_get_n_groups (round);
  g_autoptr(GString) items = g_string_new (NULL);
  xmlNode *node;

  if (n_items == 0 && n_responses == 0)
    return;

  for (guint i = 0; i < n_items; i++)
    {
      if (i > 0)
        g_string_append_c (items, ' ');
      g_string_append (items, trellis_round_get_item (round, i));
    }
  node = add_element (parent, "responses");
  set_attribute (node, "items", items->str);
  if (n_items == 0)
    {
      write_response_elements (node, round);
      return;
    }
  if (n_groups > 0)
    {
      xmlNode *groups = add_element (node, "groups");

      for (guint g = 0; g < n_groups; g++)
        add_text_element (groups, "group", trellis_round_get_group (round, g));
    }
  if (n_responses > 0)
    add_bulk_marker (add_element (node, "answers"), parts, round, NULL);
}

static void
write_comments (xmlNode      *parent,
                TrellisRound *round,
                GArray       *parts)
{
  GPtrArray *sections = trellis_round_get_comment_sections (round);

  for (guint i = 0; i < sections->len; i++)
    {
      const char *section_id = g_ptr_array_index (sections, i);
      GPtrArray *comments = trellis_round_get_comments (round, section_id);
      xmlNode *node = add_element (parent, "comments");

      set_attribute (node, "section", section_id);
      if (comments->len > 0)
        add_bulk_marker (node, parts, round, section_id);
    }
}

/* The wording a statement had when the round answered it, where it is no longer the
 * checklist's: most rounds write none. */
static void
write_wordings (xmlNode          *parent,
                TrellisRound     *round,
                TrellisChecklist *checklist)
{
  g_auto(GStrv) ids = trellis_round_dup_worded_statement_ids (round);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *wording = trellis_round_get_statement_wording (round, ids[i]);
      TrellisStatement *statement = trellis_checklist_find_statement (checklist, ids[i]);
      g_autoptr(GArray) spans = NULL;
      g_autofree char *text = NULL;
      xmlNode *node;

      if (statement != NULL && g_strcmp0 (wording, trellis_statement_get_text_markup (statement)) == 0)
        continue;
      text = trellis_markup_parse (wording, &spans);
      node = add_emphasised_element (parent, "wording", text, (TrellisTextSpan *) spans->data, spans->len);
      set_attribute (node, "statement", ids[i]);
    }
}

static void
write_round (xmlNode          *parent,
             TrellisRound     *round,
             TrellisChecklist *checklist,
             GArray           *parts)
{
  xmlNode *node = add_element (parent, "round");

  set_attribute (node, "id", trellis_round_get_id (round));
  set_attribute (node, "date", trellis_round_get_date (round));
  if (trellis_round_get_n_excluded (round) > 0)
    set_uint_attribute (node, "excluded", trellis_round_get_n_excluded (round));
  add_text_element (node, "label", trellis_round_get_label (round));
  add_text_element (node, "source", trellis_round_get_source (round));
  write_wordings (node, round, checklist);
  write_mapping (node, round);
  write_responses (node, round, parts);
  write_comments (node, round, parts);
}

static void
write_action (xmlNode       *parent,
              TrellisAction *action)
{
  xmlNode *node = add_element (parent, "action");
  const char * const *statement_ids = trellis_action_get_statement_ids (action);
  const char * const *section_ids = trellis_action_get_section_ids (action);

  set_attribute (node, "id", trellis_action_get_id (action));
  set_attribute (node, "status", trellis_action_status_to_string (trellis_action_get_status (action)));
  set_attribute (node, "round", trellis_action_get_round_id (action));
  add_text_element (node, "area", trellis_action_get_area (action));
  add_text_element (node, "text", trellis_action_get_text (action));
  add_text_element (node, "responsible", trellis_action_get_responsible (action));
  add_text_element (node, "due", trellis_action_get_due (action));
  add_text_element (node, "notes", trellis_action_get_notes (action));
  for (guint i = 0; statement_ids != NULL && statement_ids[i] != NULL; i++)
    set_attribute (add_element (node, "statement"), "ref", statement_ids[i]);
  /* Format 1.2: whole sections. */
  for (guint i = 0; section_ids != NULL && section_ids[i] != NULL; i++)
    set_attribute (add_element (node, "section"), "ref", section_ids[i]);
}

/**
 * trellis_project_save_to_bytes:
 *
 * Writes @project as a project file. The output depends only on the project's content
 * (no timestamps, fixed ordering), so saving an unchanged project gives the same bytes
 * and a version-control diff shows only what was edited.
 *
 * Returns: (transfer full): the file's bytes, UTF-8 XML
 */
xmlDoc *
_trellis_xml_new_document (const char *root_name)
{
  xmlDoc *doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNode *root = xmlNewDocNode (doc, NULL, BAD_CAST root_name, NULL);
  xmlNs *ns = xmlNewNs (root, BAD_CAST TRELLIS_PROJECT_NAMESPACE, NULL);

  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);
  set_attribute (root, "format-version", TRELLIS_PROJECT_FORMAT_VERSION);
  return doc;
}

GBytes *
_trellis_xml_dump_document (xmlDoc *doc)
{
  xmlChar *memory = NULL;
  int size = 0;

  xmlDocDumpFormatMemoryEnc (doc, &memory, &size, "UTF-8", 1);
  /* libxml2 only fails here when memory runs out, which GLib treats as fatal too. */
  if (memory == NULL)
    g_error ("Out of memory writing a Trellis file");
  return g_bytes_new_with_free_func (memory, size, (GDestroyNotify) xmlFree, memory);
}

void
_trellis_xml_add_text_element (xmlNode    *parent,
                               const char *name,
                               const char *text)
{
  add_text_element (parent, name, text);
}

void
_trellis_xml_set_attribute (xmlNode    *node,
                            const char *name,
                            const char *value)
{
  set_attribute (node, name, value);
}

void
_trellis_checklist_write_node (xmlNode          *parent,
                               TrellisChecklist *checklist)
{
  write_checklist (parent, checklist);
}

/* Format 1.2: the people whose names redaction looks for in comments. */
static void
write_redact_names (xmlNode        *partnership,
                    TrellisProject *project)
{
  const char * const *names = trellis_project_get_redact_names (project);
  xmlNode *node;

  if (names[0] == NULL)
    return;
  node = add_element (partnership, "redact-names");
  for (guint i = 0; names[i] != NULL; i++)
    add_text_element (node, "person", names[i]);
}

GBytes *
trellis_project_save_to_bytes (TrellisProject *project)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (BulkPart));
  xmlChar *tree = NULL;
  int tree_size = 0;
  GString *out;
  xmlNode *root;
  xmlNode *partnership;
  guint n_rounds;
  TrellisPlan *plan;
  guint n_actions;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);

  doc = _trellis_xml_new_document (ROOT_PROJECT);
  root = xmlDocGetRootElement (doc);

  partnership = add_element (root, "partnership");
  set_uint_attribute (partnership, "min-group-size", trellis_project_get_min_group_size (project));
  add_text_element (partnership, "name", trellis_project_get_name (project));
  add_text_element (partnership, "description", trellis_project_get_description (project));
  write_redact_names (partnership, project);

  write_checklist (root, trellis_project_get_checklist (project));

  n_rounds = trellis_project_get_n_rounds (project);
  if (n_rounds > 0)
    {
      xmlNode *rounds = add_element (root, "rounds");

      for (guint i = 0; i < n_rounds; i++)
        write_round (rounds, trellis_project_get_round (project, i), trellis_project_get_checklist (project), parts);
    }

  plan = trellis_project_get_plan (project);
  n_actions = trellis_plan_get_n_actions (plan);
  if (n_actions > 0)
    {
      xmlNode *plan_node = add_element (root, "plan");

      for (guint i = 0; i < n_actions; i++)
        write_action (plan_node, trellis_plan_get_action (plan, i));
    }

  /* The tree is the small part; the rounds' lines go in as it is copied. */
  xmlDocDumpFormatMemoryEnc (doc, &tree, &tree_size, "UTF-8", 1);
  if (tree == NULL)
    g_error ("Out of memory writing a Trellis file");
  out = _trellis_bulk_splice ((const char *) tree, tree_size, parts);
  xmlFree (tree);
  return g_string_free_to_bytes (out);
}

static gboolean parse_version (const char *text,
                               guint64    *major,
                               guint64    *minor);

/* The loader's limits, checked before writing: a file that could not be opened again
 * is never written over one that can. */
static gboolean
check_loadable (TrellisProject  *project,
                GBytes          *bytes,
                const char      *name,
                GError         **error)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  guint n_statements = 0;

  /* Imported text grows when escaped ("<" is written "&lt;"). */
  if (g_bytes_get_size (bytes) > TRELLIS_PROJECT_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (g_bytes_get_size (bytes));
      g_autofree char *limit_text = g_format_size (TRELLIS_PROJECT_MAX_SIZE);

      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_TOO_LARGE,
                   _("Could not save “%s”: at %s it would be too large to open again (the limit is %s)."),
                   name, size_text, limit_text);
      return FALSE;
    }
  /* The loader counts every statement id, a multi-part statement's parts included. */
  for (guint i = 0; i < trellis_checklist_get_n_sections (checklist); i++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, i);

      for (guint j = 0; j < trellis_section_get_n_statements (section); j++)
        n_statements += 1 + trellis_statement_get_n_children (trellis_section_get_statement (section, j));
    }
  if (trellis_project_get_n_rounds (project) > MAX_ROUNDS ||
      trellis_checklist_get_n_sections (checklist) > MAX_SECTIONS ||
      trellis_checklist_get_n_scales (checklist) > MAX_SCALES ||
      n_statements > MAX_STATEMENTS)
    {
      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_TOO_LARGE,
                   _("Could not save “%s”: with more than %u rounds, %u sections, %u scales or "
                     "%u statements it could not be opened again."),
                   name, MAX_ROUNDS, MAX_SECTIONS, MAX_SCALES, MAX_STATEMENTS);
      return FALSE;
    }
  return TRUE;
}

/* Reads the format version from the start of an existing project file, without
 * blocking on a named pipe. Returns FALSE for anything that is not a project. */
static gboolean
peek_format_version (GFile   *file,
                     guint64 *major,
                     guint64 *minor)
{
  g_autoptr(GBytes) head = trellis_file_read_head (file, 4096);
  g_autofree char *text = NULL;
  g_autofree char *version = NULL;
  const char *root, *attribute, *end;

  if (head == NULL)
    return FALSE;
  text = g_strndup (g_bytes_get_data (head, NULL), g_bytes_get_size (head));
  root = strstr (text, "<" ROOT_PROJECT);
  attribute = root != NULL ? strstr (root, "format-version=") : NULL;
  if (attribute == NULL || (attribute[15] != '"' && attribute[15] != '\''))
    return FALSE;
  end = strchr (attribute + 16, attribute[15]);
  if (end == NULL)
    return FALSE;
  version = g_strndup (attribute + 16, end - (attribute + 16));
  return parse_version (version, major, minor);
}

/**
 * trellis_project_save_file_full:
 * @flags: %TRELLIS_SAVE_BACKUP to keep the version replaced as “name.trellis~”
 * @result: (out caller-allocates) (optional): what the save had to do besides
 *
 * Saves @project to @file so that @file is always either the complete old or the
 * complete new version, whatever fails (see trellis_file_replace_safely()). A project
 * that could not be opened again (too large, too many rounds) is not saved, and neither
 * is a file written by a newer minor format version replaced: it may hold things this
 * version would drop. On failure @file is left as it was.
 *
 * Returns: whether the project was saved
 */
gboolean
trellis_project_save_file_full (TrellisProject     *project,
                                GFile              *file,
                                TrellisSaveFlags    flags,
                                TrellisSaveResult  *result,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  guint64 major, minor;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = trellis_file_dup_display_basename (file);
  bytes = trellis_project_save_to_bytes (project);
  if (!check_loadable (project, bytes, name, error))
    return FALSE;
  if (peek_format_version (file, &major, &minor) &&
      major == TRELLIS_PROJECT_FORMAT_MAJOR && minor > TRELLIS_PROJECT_FORMAT_MINOR)
    {
      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_NEWER_VERSION,
                   _("Could not save “%s”: it was written by a newer version of Trellis "
                     "(format %u.%u), which may store things this version does not know and "
                     "would drop. It was not changed; save under another name instead."),
                   name, (guint) major, (guint) minor);
      return FALSE;
    }
  if (!trellis_file_replace_safely (file, bytes, flags, result, cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save “%s”: %s. It was not changed."), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_project_save_file:
 *
 * Saves @project to @file, keeping the version replaced as “name.trellis~”: see
 * trellis_project_save_file_full().
 *
 * Returns: whether the project was saved
 */
gboolean
trellis_project_save_file (TrellisProject  *project,
                           GFile           *file,
                           GCancellable    *cancellable,
                           GError         **error)
{
  return trellis_project_save_file_full (project, file, TRELLIS_SAVE_BACKUP, NULL, cancellable, error);
}

/* ------------------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  BulkReader *bulk;  /* first: the bulk reader finds itself here */
  gboolean    has_doctype;
  gboolean    not_utf8;
  long        error_line;
  char       *error_message;
} ParseState;

/* Keeps libxml2's complaints off stderr and remembers the first, which names the place
 * where a damaged file stops making sense; later ones only echo it. */
static void
on_parse_error (void     *user_data,
                xmlError *error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (state->error_message != NULL || error->level < XML_ERR_ERROR)
    return;
  state->error_line = error->line;
  state->error_message = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
  /* libxml2 says so of bytes that are not UTF-8 where it meets them. */
  state->not_utf8 = error->code == XML_ERR_INVALID_CHAR && error->message != NULL &&
                    g_str_has_prefix (error->message, "Input is not proper UTF-8");
}

/* A project never has a DOCTYPE. Stopping at the declaration, before its internal
 * subset is read, means no entity is ever declared, so neither external entities nor
 * entity expansion bombs get a chance to run. */
static void
on_doctype (void          *user_data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->has_doctype = TRUE;
  xmlStopParser (ctxt);
}

/**
 * trellis_project_get_max_size:
 *
 * The largest project file Trellis reads or writes. A project in memory takes about as
 * much room as its file (an answer is one byte in both; the tree of the rest is
 * small), so the limit is a share of this computer's memory rather than a fixed size:
 * a quarter of it, and at least 64 MB. The file is parsed as it is read, in pieces.
 * Bombs that are small files are stopped otherwise: no DTD or entity is read, the tree
 * outside the responses and comments has a node budget, and counts are limited.
 *
 * Returns: the limit in bytes
 */
guint64
trellis_project_get_max_size (void)
{
  static guint64 limit = 0;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      guint64 physical = 0;
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
      long pages = sysconf (_SC_PHYS_PAGES);
      long page_size = sysconf (_SC_PAGESIZE);

      if (pages > 0 && page_size > 0)
        physical = (guint64) pages * (guint64) page_size;
#endif
      if (physical == 0)
        physical = G_GUINT64_CONSTANT (4) << 30;
      limit = MAX (physical / 4, 64 * 1024 * 1024);
      g_once_init_leave (&done, 1);
    }
  return limit;
}

static void
set_too_large (GError     **error,
               const char  *display_name,
               guint64      size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (TRELLIS_PROJECT_MAX_SIZE);

  g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_TOO_LARGE,
               _("“%s” is too large to be a Trellis file (%s; the limit is %s)."),
               display_name, size_text, limit_text);
}

static gboolean
is_utf8_or_cut_short (const char *data,
                      gsize       size)
{
  const char *end;
  gsize rest;

  if (g_utf8_validate_len (data, size, &end))
    return TRUE;
  /* A file cut off inside a multi-byte character is a damaged project, not a foreign
   * file; the parser reports it with its line. */
  rest = size - (end - data);
  return rest < 4 && memchr (end, '\0', rest) == NULL && ((guchar) *end & 0xC0) == 0xC0;
}

static gboolean
parse_version (const char *text,
               guint64    *major,
               guint64    *minor)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ".", 3);
  *minor = 0;
  return (g_strv_length (parts) == 1 || g_strv_length (parts) == 2) &&
         g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT16, major, NULL) &&
         (parts[1] == NULL ||
          g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT16, minor, NULL));
}

static void
ensure_libxml_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * trellis_project_io_init:
 *
 * Initialises libxml2 for the process. Call it from the main thread before any thread
 * starts: a program that reads projects in a thread must, as libxml2's documentation
 * asks of threaded programs. Before libxml2 2.11 its first use initialises it without a
 * lock, and the application's loading thread and the main thread (where librsvg parses
 * the SVG icons with libxml2) could both do it at once. Reading a project initialises
 * it too, so a program that calls this late or never still works on one thread.
 */
void
trellis_project_io_init (void)
{
  ensure_libxml_initialized ();
}

/* libxml2 refuses bytes that are not UTF-8 as it meets them; only then is the whole
 * file checked, to say that it is not text Trellis reads rather than damaged. */
static gboolean
refuse_if_not_utf8 (const char  *data,
                    gsize        size,
                    const char  *display_name,
                    gboolean     is_template,
                    GError     **error)
{
  if (is_utf8_or_cut_short (data, size))
    return FALSE;
  g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_NOT_A_PROJECT,
               is_template ? _("“%s” is not a Trellis template: it is not UTF-8 text.")
                           : _("“%s” is not a Trellis project: it is not UTF-8 text."),
               display_name);
  return TRUE;
}

#define HEAD_SIZE 4096

/* Beyond any real project: the checklist's limits, a thousand rounds each with a
 * mapping, and a plan, come to a few hundred thousand nodes. */
#define MAX_TREE_NODES 2000000

/* What the parser reads: the next piece of the file (of at most CHUNK_SIZE bytes), an
 * empty one at its end, or %NULL with @error set. The file is parsed as it is read, so
 * neither it nor a copy of it is ever whole in memory. */
#define CHUNK_SIZE (64 * 1024)

typedef const char *(*ChunkSource) (gpointer   source,
                                    gsize     *length,
                                    GError   **error);

typedef struct
{
  const char *data;
  gsize       size;
  gsize       done;
} MemorySource;

static const char *
next_memory_chunk (gpointer   source,
                   gsize     *length,
                   GError   **error)
{
  MemorySource *memory = source;
  /* Empty bytes may have no data at all; an empty piece is still a piece. */
  const char *chunk = memory->data != NULL ? memory->data + memory->done : "";

  *length = MIN (memory->size - memory->done, CHUNK_SIZE);
  memory->done += *length;
  return chunk;
}

static void
set_parse_error (GError           **error,
                 const ParseState  *state,
                 const char        *display_name,
                 gboolean           is_template)
{
  if (state->not_utf8)
    g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_NOT_A_PROJECT,
                 is_template ? _("“%s” is not a Trellis template: it is not UTF-8 text.")
                             : _("“%s” is not a Trellis project: it is not UTF-8 text."),
                 display_name);
  else if (state->error_message != NULL)
    g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_MALFORMED,
                 _("“%s” is damaged or incomplete and cannot be opened "
                   "(line %ld: %s)."),
                 display_name, state->error_line, state->error_message);
  else
    g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_MALFORMED,
                 _("“%s” is damaged or incomplete and cannot be opened."),
                 display_name);
}

/* The first piece, which must show UTF-8 text: a start in another encoding (UTF-16's
 * byte-order mark, which libxml2 would follow) is refused before parsing; bytes that
 * are not UTF-8 further on, as the parser meets them. */
static xmlParserCtxt *
start_parser (const char  *head,
              gsize        length,
              const char  *display_name,
              gboolean     is_template,
              GError     **error)
{
  xmlParserCtxt *ctxt;

  if (length == 0)
    {
      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_MALFORMED,
                   _("“%s” is empty. It may have been damaged while it was being copied or saved."),
                   display_name);
      return NULL;
    }
  if (refuse_if_not_utf8 (head, MIN (length, HEAD_SIZE), display_name, is_template, error))
    return NULL;
  ensure_libxml_initialized ();
  /* The first bytes tell libxml2 the encoding (UTF-8, with or without its mark). */
  ctxt = xmlCreatePushParserCtxt (NULL, NULL, head, (int) MIN (length, 4), NULL);
  if (ctxt == NULL)
    g_error ("Out of memory reading “%s”", display_name);
  return ctxt;
}

/* Whether a parsed document is refused, and why, in order: a document type (the
 * parser stopped there), a tree too large, anything not well-formed. */
static gboolean
refuse_document (xmlDoc            *doc,
                 gboolean           well_formed,
                 const ParseState  *state,
                 BulkReader        *bulk,
                 const char        *display_name,
                 gboolean           is_template,
                 GError           **error)
{
  if (state->has_doctype)
    g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_FORBIDDEN,
                 _("“%s” declares a document type or entities, which Trellis files never "
                   "contain. It was not opened, because such declarations can be used to "
                   "read other files or exhaust memory."),
                 display_name);
  else if (bulk != NULL && _trellis_bulk_reader_get_too_many_nodes (bulk))
    g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_TOO_LARGE,
                 _("“%s” holds more than %u elements besides its responses and comments, "
                   "far more than any project. It was not opened."),
                 display_name, MAX_TREE_NODES);
  else if (doc == NULL || !well_formed)
    set_parse_error (error, state, display_name, is_template);
  else
    return FALSE;
  return TRUE;
}

/* Whether the parser goes on after @chunk. The bulk reader reads the plain parts of
 * rounds itself and gives the rest to libxml2. */
static gboolean
feed_chunk (xmlParserCtxt *ctxt,
            BulkReader    *bulk,
            const char    *chunk,
            gsize          length)
{
  if (bulk != NULL)
    return _trellis_bulk_reader_feed (bulk, ctxt, chunk, length);
  return xmlParseChunk (ctxt, chunk, (int) length, 0) == XML_ERR_OK || !ctxt->disableSAX;
}

/* Well-formed XML without a document type (and so without entities), or %NULL. With
 * @bulk, rounds' responses and comments are read by it instead of built into the tree. */
static xmlDoc *
parse_document (ChunkSource   next_chunk,
                gpointer      source,
                const char   *display_name,
                gboolean      is_template,
                BulkReader   *bulk,
                GError      **error)
{
  /* XML_PARSE_HUGE lifts libxml2's 10 MB limit on one text node ("Huge input
   * lookup"), which the writer does not know: a long comment was saved, and the file
   * then refused. The whole file is limited to TRELLIS_PROJECT_MAX_SIZE, the writer
   * checks the same limit, and no DTD or entity is ever read, so nothing can grow past
   * what the file holds. The declared encoding is ignored: Trellis reads UTF-8 only. */
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC |
                      XML_PARSE_BIG_LINES | XML_PARSE_HUGE;
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  ParseState state = { bulk, FALSE, FALSE, 0, NULL };
  const char *chunk;
  gsize length;
  guint64 total;
  gboolean refused;

  chunk = next_chunk (source, &length, error);
  if (chunk == NULL)
    return NULL;
  ctxt = start_parser (chunk, length, display_name, is_template, error);
  if (ctxt == NULL)
    return NULL;
  xmlCtxtUseOptions (ctxt, options);
  ctxt->_private = &state;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->internalSubset = on_doctype;
  if (bulk != NULL)
    _trellis_bulk_reader_attach (bulk, ctxt);

  /* The first four bytes went in with the context. */
  chunk += MIN (length, 4);
  length -= MIN (length, 4);
  total = length;
  while (length > 0 || total == 0)
    {
      if (length > 0 && !feed_chunk (ctxt, bulk, chunk, length))
        break;
      if (ctxt->disableSAX || state.has_doctype)
        break;
      chunk = next_chunk (source, &length, error);
      if (chunk == NULL)
        {
          g_clear_pointer (&state.error_message, g_free);
          return NULL;
        }
      total += length;
      if (total > TRELLIS_PROJECT_MAX_SIZE)
        {
          g_clear_pointer (&state.error_message, g_free);
          set_too_large (error, display_name, total);
          return NULL;
        }
      if (length == 0)
        break;
    }
  /* What the bulk reader kept back of the last piece, then the end. */
  if (bulk != NULL)
    _trellis_bulk_reader_feed (bulk, ctxt, NULL, 0);
  if (!ctxt->disableSAX)
    xmlParseChunk (ctxt, NULL, 0, 1);
  doc = g_steal_pointer (&ctxt->myDoc);
  refused = refuse_document (doc, ctxt->wellFormed, &state, bulk, display_name, is_template, error);
  g_clear_pointer (&state.error_message, g_free);
  return refused ? NULL : g_steal_pointer (&doc);
}

/* The root element Trellis expects, with a format version this Trellis reads. */
static gboolean
check_root (xmlDoc      *doc,
            const char  *display_name,
            const char  *root_name,
            GError     **error)
{
  gboolean is_template = g_str_equal (root_name, ROOT_TEMPLATE);
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *version = NULL;
  guint64 major, minor;

  if (root == NULL || !_trellis_xml_is_element (root, root_name))
    {
      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_NOT_A_PROJECT,
                   is_template ? _("“%s” is not a Trellis template.")
                               : _("“%s” is not a Trellis project file."),
                   display_name);
      return FALSE;
    }

  version = _trellis_xml_dup_attribute (root, "format-version");
  if (!parse_version (version, &major, &minor) || major == 0)
    {
      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_INVALID,
                   _("“%s” cannot be opened: its format version “%.20s” is not one Trellis knows."),
                   display_name, version != NULL ? version : "");
      return FALSE;
    }
  /* A newer minor version only adds things an older Trellis can skip; a newer major
   * version may change the meaning of what is there, so it is refused whole. */
  if (major > TRELLIS_PROJECT_FORMAT_MAJOR)
    {
      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Trellis (format %s); this "
                     "version reads format %d.x. Please update Trellis."),
                   display_name, version, TRELLIS_PROJECT_FORMAT_MAJOR);
      return FALSE;
    }
  return TRUE;
}

static xmlDoc *
read_document (ChunkSource   next_chunk,
               gpointer      source,
               const char   *display_name,
               const char   *root_name,
               BulkReader   *bulk,
               GError      **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  gboolean is_template = g_str_equal (root_name, ROOT_TEMPLATE);

  g_assert (display_name != NULL);

  doc = parse_document (next_chunk, source, display_name, is_template, bulk, error);
  if (doc == NULL || !check_root (doc, display_name, root_name, error))
    return NULL;
  return g_steal_pointer (&doc);
}

static xmlDoc *
read_document_bytes (GBytes      *bytes,
                     const char  *display_name,
                     const char  *root_name,
                     BulkReader  *bulk,
                     GError     **error)
{
  MemorySource memory = { NULL, 0, 0 };

  g_assert (bytes != NULL);
  memory.data = g_bytes_get_data (bytes, &memory.size);
  if (memory.size > TRELLIS_PROJECT_MAX_SIZE)
    {
      set_too_large (error, display_name, memory.size);
      return NULL;
    }
  return read_document (next_memory_chunk, &memory, display_name, root_name, bulk, error);
}

xmlDoc *
_trellis_xml_read_document (GBytes      *bytes,
                            const char  *display_name,
                            const char  *root_name,
                            GError     **error)
{
  /* Templates have no rounds, but the tree's budget guards them too. */
  g_autoptr(BulkReader) budget = _trellis_bulk_reader_new (MAX_TREE_NODES);

  return read_document_bytes (bytes, display_name, root_name, budget, error);
}

gboolean
_trellis_xml_is_element (xmlNode    *node,
                         const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST TRELLIS_PROJECT_NAMESPACE) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static char *
steal_xml_string (xmlChar *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strdup ((const char *) text);
  xmlFree (text);
  return copy;
}

char *
_trellis_xml_dup_attribute (xmlNode    *node,
                            const char *name)
{
  return steal_xml_string (xmlGetNoNsProp (node, BAD_CAST name));
}

static char *
dup_text (xmlNode *node)
{
  return steal_xml_string (xmlNodeGetContent (node));
}

char *
_trellis_xml_dup_child_text (xmlNode    *parent,
                             const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (_trellis_xml_is_element (child, name))
      return dup_text (child);
  return NULL;
}

/* An element holding only text is named after the model's string property it fills, so
 * one reader serves every such element of every object. Returns whether @child was one
 * of @names. */
static gboolean
read_text_property (xmlNode            *child,
                    gpointer            object,
                    const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (_trellis_xml_is_element (child, names[i]))
      {
        g_autofree char *text = dup_text (child);

        g_object_set (object, names[i], text, NULL);
        return TRUE;
      }
  return FALSE;
}

static void set_invalid (GError     **error,
                         const char  *display_name,
                         xmlNode     *node,
                         const char  *format,
                         ...) G_GNUC_PRINTF (4, 5);

/* Names the file, the line and the element, so that someone repairing a file by hand
 * (or reporting a bug) can find the place. */
static void
set_invalid (GError     **error,
             const char  *display_name,
             xmlNode     *node,
             const char  *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_INVALID,
               /* Translators: “file name” cannot be opened: line 12, <statement>: what is wrong */
               _("“%s” cannot be opened: line %ld, <%s>: %s."),
               display_name, xmlGetLineNo (node), (const char *) node->name, detail);
}

/* Ids end up in space-separated lists and in item keys ("s12@importance"). */
static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == '@')
      return FALSE;
  return TRUE;
}

static char *
read_id (xmlNode     *node,
         const char  *display_name,
         GError     **error)
{
  g_autofree char *id = _trellis_xml_dup_attribute (node, "id");

  if (!is_valid_id (id))
    {
      if (id == NULL)
        set_invalid (error, display_name, node, _("the id is missing"));
      else
        set_invalid (error, display_name, node, _("“%s” is not a valid id"), id);
      return NULL;
    }
  return g_steal_pointer (&id);
}

static gboolean
read_boolean (xmlNode     *node,
              const char  *name,
              gboolean     fallback,
              gboolean    *value,
              const char  *display_name,
              GError     **error)
{
  g_autofree char *text = _trellis_xml_dup_attribute (node, name);

  if (text == NULL)
    *value = fallback;
  else if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *value = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
    *value = FALSE;
  else
    {
      set_invalid (error, display_name, node,
                   _("%s=\"%s\" must be true or false"), name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_uint (xmlNode     *node,
           const char  *name,
           guint        min,
           guint        max,
           guint        fallback,
           guint       *value,
           const char  *display_name,
           GError     **error)
{
  g_autofree char *text = _trellis_xml_dup_attribute (node, name);
  guint64 number;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    {
      set_invalid (error, display_name, node,
                   _("%s=\"%s\" must be a whole number from %u to %u"), name, text, min, max);
      return FALSE;
    }
  *value = (guint) number;
  return TRUE;
}

/* Singletons such as <checklist> may appear at most once: a second one means the file
 * was put together wrongly, and silently picking one could drop data. */
static gboolean
find_single_child (xmlNode     *parent,
                   const char  *name,
                   xmlNode    **found,
                   const char  *display_name,
                   GError     **error)
{
  *found = NULL;
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      if (!_trellis_xml_is_element (child, name))
        continue;
      if (*found != NULL)
        {
          set_invalid (error, display_name, child, _("this element may appear only once here"));
          return FALSE;
        }
      *found = child;
    }
  return TRUE;
}

typedef struct
{
  const char *display_name;
  GHashTable *statement_ids;
} ChecklistReader;

/* Format 1.2: what the scale measures. A role this version does not know is refused,
 * like any other value it does not know. */
static gboolean
read_scale_role (xmlNode       *node,
                 TrellisScale  *scale,
                 const char    *display_name,
                 GError       **error)
{
  g_autofree char *text = _trellis_xml_dup_attribute (node, "role");
  TrellisScaleRole role;

  if (text == NULL)
    return TRUE;
  if (!trellis_scale_role_from_string (text, &role))
    {
      set_invalid (error, display_name, node, _("role=\"%s\" is not a scale role Trellis knows"), text);
      return FALSE;
    }
  trellis_scale_set_role (scale, role);
  return TRUE;
}

static TrellisScale *
read_scale (xmlNode     *node,
            const char  *display_name,
            GError     **error)
{
  static const char * const text_names[] = { "title", NULL };
  g_autoptr(TrellisScale) scale = NULL;
  g_autofree char *id = NULL;
  guint n_points;

  if ((id = read_id (node, display_name, error)) == NULL)
    return NULL;
  if (xmlHasProp (node, BAD_CAST "points") == NULL)
    {
      set_invalid (error, display_name, node, _("the number of points is missing"));
      return NULL;
    }
  if (!read_uint (node, "points", TRELLIS_SCALE_MIN_POINTS, TRELLIS_SCALE_MAX_POINTS, 0,
                  &n_points, display_name, error))
    return NULL;

  scale = trellis_scale_new (id, n_points);
  if (!read_scale_role (node, scale, display_name, error))
    return NULL;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean allowed;

      if (read_text_property (child, scale, text_names))
        continue;
      if (_trellis_xml_is_element (child, "point"))
        {
          g_autofree char *label = dup_text (child);
          guint value;

          if (xmlHasProp (child, BAD_CAST "value") == NULL)
            {
              set_invalid (error, display_name, child, _("the point's value is missing"));
              return NULL;
            }
          if (!read_uint (child, "value", 1, n_points, 0, &value, display_name, error))
            return NULL;
          trellis_scale_set_point_label (scale, value, label);
        }
      else if (_trellis_xml_is_element (child, "not-applicable"))
        {
          g_autofree char *label = dup_text (child);

          if (!read_boolean (child, "allowed", TRUE, &allowed, display_name, error))
            return NULL;
          trellis_scale_set_na_label (scale, label);
          trellis_scale_set_allow_na (scale, allowed);
        }
      else if (_trellis_xml_is_element (child, "dont-know"))
        {
          g_autofree char *label = dup_text (child);

          if (!read_boolean (child, "allowed", TRUE, &allowed, display_name, error))
            return NULL;
          trellis_scale_set_dk_label (scale, label);
          trellis_scale_set_allow_dk (scale, allowed);
        }
    }
  return g_steal_pointer (&scale);
}

static void
read_guidance (xmlNode          *node,
               TrellisStatement *statement)
{
  static const char * const text_names[] = { "questions", "best-case", "worst-case", "note", NULL };

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    read_text_property (child, statement, text_names);
}

/* Reads statement text, mixed content with <em> for emphasis, as statement markup.
 * Anything else inside (an element a newer minor version added) counts as its text,
 * as it would for any other text element; emphasis inside emphasis is just emphasis. */
static char *
dup_statement_markup (xmlNode *node)
{
  GString *markup = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *content = NULL;
      g_autofree char *escaped = NULL;
      gboolean emphasis = _trellis_xml_is_element (child, "em");

      if (child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE &&
          child->type != XML_ELEMENT_NODE)
        continue;
      content = dup_text (child);
      if (content == NULL)
        continue;
      escaped = g_markup_escape_text (content, -1);
      g_string_append_printf (markup, emphasis ? "<em>%s</em>" : "%s", escaped);
    }
  return g_string_free (markup, FALSE);
}

static TrellisStatement *
read_statement (xmlNode          *node,
                gboolean          is_sub_statement,
                ChecklistReader  *reader,
                GError          **error)
{
  g_autoptr(TrellisStatement) statement = NULL;
  g_autofree char *id = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *number = NULL;
  gboolean included;
  int kind = TRELLIS_STATEMENT_RATING;

  if ((id = read_id (node, reader->display_name, error)) == NULL)
    return NULL;
  if (g_hash_table_size (reader->statement_ids) >= MAX_STATEMENTS)
    {
      set_invalid (error, reader->display_name, node,
                   _("the checklist has more than %u statements, far more than any checklist"),
                   MAX_STATEMENTS);
      return NULL;
    }
  if (g_hash_table_contains (reader->statement_ids, id))
    {
      set_invalid (error, reader->display_name, node,
                   _("the statement id “%s” is used twice"), id);
      return NULL;
    }
  kind_text = _trellis_xml_dup_attribute (node, "kind");
  if (kind_text != NULL &&
      (kind = lookup_name (kind_names, G_N_ELEMENTS (kind_names), kind_text)) < 0)
    {
      set_invalid (error, reader->display_name, node,
                   _("“%s” is not a kind of statement (rating, comment or multi)"), kind_text);
      return NULL;
    }
  if (!read_boolean (node, "included", TRUE, &included, reader->display_name, error))
    return NULL;

  g_hash_table_add (reader->statement_ids, g_strdup (id));
  statement = trellis_statement_new (id, kind);
  number = _trellis_xml_dup_attribute (node, "number");
  trellis_statement_set_number (statement, number);
  trellis_statement_set_included (statement, included);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_trellis_xml_is_element (child, "text"))
        {
          g_autofree char *markup = dup_statement_markup (child);

          trellis_statement_set_text_markup (statement, markup);
        }
      else if (_trellis_xml_is_element (child, "guidance"))
        read_guidance (child, statement);
      else if (_trellis_xml_is_element (child, "statement"))
        {
          g_autoptr(TrellisStatement) sub_statement = NULL;

          /* Only a multi-part statement has parts, and parts have none of their own. */
          if (is_sub_statement || kind != TRELLIS_STATEMENT_MULTI)
            {
              set_invalid (error, reader->display_name, child,
                           _("only a statement of kind “multi” may contain statements"));
              return NULL;
            }
          sub_statement = read_statement (child, TRUE, reader, error);
          if (sub_statement == NULL)
            return NULL;
          trellis_statement_append_child (statement, sub_statement);
        }
    }
  return g_steal_pointer (&statement);
}

static TrellisSection *
read_section (xmlNode          *node,
              ChecklistReader  *reader,
              GError          **error)
{
  static const char * const text_names[] = { "title", "description", NULL };
  g_autoptr(TrellisSection) section = NULL;
  g_autofree char *id = NULL;
  g_autofree char *code = NULL;
  gboolean included;

  if ((id = read_id (node, reader->display_name, error)) == NULL)
    return NULL;
  if (!read_boolean (node, "included", TRUE, &included, reader->display_name, error))
    return NULL;

  section = trellis_section_new (id);
  code = _trellis_xml_dup_attribute (node, "code");
  trellis_section_set_code (section, code);
  trellis_section_set_included (section, included);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (read_text_property (child, section, text_names))
        continue;
      if (_trellis_xml_is_element (child, "statement"))
        {
          g_autoptr(TrellisStatement) statement = read_statement (child, FALSE, reader, error);

          if (statement == NULL)
            return NULL;
          trellis_section_append_statement (section, statement);
        }
    }
  return g_steal_pointer (&section);
}

TrellisChecklist *
_trellis_checklist_read_node (xmlNode     *node,
                              const char  *display_name,
                              GError     **error)
{
  static const char * const text_names[] = { "title", "description", NULL };
  g_autoptr(TrellisChecklist) checklist = trellis_checklist_new ();
  g_autoptr(GHashTable) statement_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ChecklistReader reader = { display_name, statement_ids };
  g_autofree char *template_id = _trellis_xml_dup_attribute (node, "template");
  g_autofree char *template_version = _trellis_xml_dup_attribute (node, "template-version");

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  /* The checklist belongs to nothing while it is built, so none of these edits reaches
   * a project's changed signal. */
  trellis_checklist_set_template_id (checklist, template_id);
  trellis_checklist_set_template_version (checklist, template_version);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (read_text_property (child, checklist, text_names))
        continue;
      if (_trellis_xml_is_element (child, "scale"))
        {
          g_autoptr(TrellisScale) scale = NULL;

          if (trellis_checklist_get_n_scales (checklist) >= MAX_SCALES)
            {
              set_invalid (error, display_name, child,
                           _("the checklist has more than %u scales, far more than any checklist"),
                           MAX_SCALES);
              return NULL;
            }
          scale = read_scale (child, display_name, error);
          if (scale == NULL)
            return NULL;
          if (trellis_checklist_find_scale (checklist, trellis_scale_get_id (scale)) != NULL)
            {
              set_invalid (error, display_name, child, _("the scale id “%s” is used twice"),
                           trellis_scale_get_id (scale));
              return NULL;
            }
          trellis_checklist_append_scale (checklist, scale);
        }
      else if (_trellis_xml_is_element (child, "section"))
        {
          g_autoptr(TrellisSection) section = NULL;

          if (trellis_checklist_get_n_sections (checklist) >= MAX_SECTIONS)
            {
              set_invalid (error, display_name, child,
                           _("the checklist has more than %u sections, far more than any checklist"),
                           MAX_SECTIONS);
              return NULL;
            }
          section = read_section (child, &reader, error);
          if (section == NULL)
            return NULL;
          if (trellis_checklist_find_section (checklist, trellis_section_get_id (section)) != NULL)
            {
              set_invalid (error, display_name, child, _("the section id “%s” is used twice"),
                           trellis_section_get_id (section));
              return NULL;
            }
          trellis_checklist_append_section (checklist, section);
        }
    }
  return g_steal_pointer (&checklist);
}

static gboolean
read_answer_attribute (xmlNode        *node,
                       TrellisAnswer  *answer,
                       const char     *display_name,
                       GError        **error)
{
  g_autofree char *text = _trellis_xml_dup_attribute (node, "answer");

  /* A respondent can type "blank" but nothing that means "not shown". */
  if (text == NULL || !_trellis_answer_parse (text, strlen (text), "blank", answer) ||
      *answer == TRELLIS_ANSWER_NOT_SHOWN)
    {
      set_invalid (error, display_name, node,
                   _("answer=\"%s\" must be a point number, na, dk or blank"),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_mapping (xmlNode       *node,
              TrellisRound  *round,
              const char    *display_name,
              GError       **error)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_trellis_xml_is_element (child, "column"))
        {
          g_autofree char *header = _trellis_xml_dup_attribute (child, "header");
          g_autofree char *role_text = _trellis_xml_dup_attribute (child, "role");
          g_autofree char *target = _trellis_xml_dup_attribute (child, "target");
          g_autoptr(TrellisColumnRule) rule = NULL;
          int role = lookup_name (role_names, G_N_ELEMENTS (role_names), role_text);

          if (role < 0)
            {
              set_invalid (error, display_name, child,
                           _("role=\"%s\" is not a column role Trellis knows"),
                           role_text != NULL ? role_text : "");
              return FALSE;
            }
          rule = trellis_column_rule_new (header, role, target);
          trellis_round_add_column_rule (round, rule);
        }
      else if (_trellis_xml_is_element (child, "value"))
        {
          g_autofree char *text = _trellis_xml_dup_attribute (child, "text");
          g_autoptr(TrellisValueRule) rule = NULL;
          TrellisAnswer answer;

          if (!read_answer_attribute (child, &answer, display_name, error))
            return FALSE;
          rule = trellis_value_rule_new (text, answer);
          trellis_round_add_value_rule (round, rule);
        }
    }
  return TRUE;
}

/* Item key → scale for every rated statement on every scale, so that each of a round's
 * items is looked up at once rather than by walking the checklist. */
static GHashTable *
index_item_keys (TrellisChecklist *checklist)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) rated = trellis_checklist_collect_rated (checklist, FALSE);
  guint n_scales = trellis_checklist_get_n_scales (checklist);

  for (guint i = 0; i < rated->len; i++)
    for (guint s = 0; s < n_scales; s++)
      {
        TrellisScale *scale = trellis_checklist_get_scale (checklist, s);

        g_hash_table_insert (index, trellis_checklist_dup_item_key (checklist, g_ptr_array_index (rated, i), scale),
                             scale);
      }
  return index;
}

/* Statement id → statement, lead-ins and parts included. */
static GHashTable *
index_statements (TrellisChecklist *checklist)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_sections = trellis_checklist_get_n_sections (checklist);

  for (guint i = 0; i < n_sections; i++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, i);

      for (guint j = 0; j < trellis_section_get_n_statements (section); j++)
        {
          TrellisStatement *statement = trellis_section_get_statement (section, j);

          g_hash_table_insert (index, (gpointer) trellis_statement_get_id (statement), statement);
          for (guint k = 0; k < trellis_statement_get_n_children (statement); k++)
            {
              TrellisStatement *part = trellis_statement_get_child (statement, k);

              g_hash_table_insert (index, (gpointer) trellis_statement_get_id (part), part);
            }
        }
    }
  return index;
}

/* Like set_invalid(), for what the bulk reader met: its element is not in the tree. */
static void
set_invalid_at (GError     **error,
                const char  *display_name,
                long         line,
                const char  *element,
                const char  *detail)
{
  g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_INVALID,
               _("“%s” cannot be opened: line %ld, <%s>: %s."),
               display_name, line, element, detail);
}

static guint
item_points (GPtrArray *scales,
             guint      item)
{
  TrellisScale *scale = g_ptr_array_index (scales, item);

  return scale != NULL ? trellis_scale_get_n_points (scale) : TRELLIS_SCALE_MAX_POINTS;
}

/* What the bulk reader kept for later, raised in the order of the file. */
static void
set_bulk_problem (GError            **error,
                  const char         *display_name,
                  const BulkProblem  *problem,
                  const char * const *items,
                  GPtrArray          *scales,
                  guint               n_items)
{
  g_autofree char *detail = NULL;
  gboolean lines = g_str_equal (problem->element, "answers");

  switch (problem->kind)
    {
    case BULK_PROBLEM_COUNT:
      detail = g_strdup_printf (_("the number of answers (%u) is not the number of items (%u)"),
                                problem->found, n_items);
      break;
    case BULK_PROBLEM_TOKEN:
      detail = lines ? g_strdup_printf (_("“%s” is not an answer on the scale of item “%s” "
                                          "(1 to %u in hexadecimal digits, n, d, s for not shown, or - for blank)"),
                                        problem->text, items[problem->item], item_points (scales, problem->item))
                     : g_strdup_printf (_("“%s” is not an answer on the scale of item “%s” "
                                          "(1 to %u, na, dk, ns for not shown, or - for blank)"),
                                        problem->text, items[problem->item], item_points (scales, problem->item));
      break;
    case BULK_PROBLEM_MIXED:
      detail = g_strdup (_("the responses are given both as <response> elements and as <answers>"));
      break;
    case BULK_PROBLEM_GROUP:
      detail = g_strdup_printf (_("“%s” is not the number of a group listed in <groups>"), problem->text);
      break;
    case BULK_PROBLEM_BOOLEAN:
      detail = g_strdup_printf (_("%s=\"%s\" must be true or false"), problem->attribute, problem->text);
      break;
    case BULK_PROBLEM_NONE:
    default:
      g_assert_not_reached ();
    }
  set_invalid_at (error, display_name, problem->line, problem->element, detail);
}

/* Every answer on its item's scale, checked row by row in the order of the file. */
static gboolean
check_answers_on_scales (BulkResponses       *rows,
                         const char * const  *items,
                         GPtrArray           *scales,
                         const char          *display_name,
                         GError             **error)
{
  guint n_items = rows->n_items;
  guint n_rows = rows->groups->len;
  g_autofree gint8 *max = g_new (gint8, MAX (n_items, 1));

  /* Rows are whole: an answer per item and a group each. */
  g_assert (rows->answers->len == (gsize) n_rows * n_items);
  for (guint i = 0; i < n_items; i++)
    max[i] = (gint8) item_points (scales, i);
  for (guint r = 0; r < n_rows; r++)
    {
      const gint8 *row = (const gint8 *) rows->answers->data + (gsize) r * n_items;
      gboolean over = FALSE;

      /* Without a branch per answer (the compiler compares many at once); a row with
       * an answer off its scale is then looked at again. */
      for (guint i = 0; i < n_items; i++)
        over |= row[i] > max[i];
      if (G_LIKELY (!over))
        continue;
      for (guint i = 0; i < n_items; i++)
        if (row[i] > max[i])
          {
            g_autofree char *token = row[i] <= 9 ? g_strdup_printf ("%d", row[i])
                                                 : g_strdup_printf ("%d (%c)", row[i], 'A' + row[i] - 10);
            g_autofree char *detail =
              g_strdup_printf (_("“%s” is not an answer on the scale of item “%s” (1 to %u)"),
                               token, items[i], (guint) max[i]);

            set_invalid_at (error, display_name, g_array_index (rows->lines, guint32, r),
                            rows->has_answers ? "answers" : "response", detail);
            return FALSE;
          }
    }
  return TRUE;
}

/* Format 1.3: the names rows of an <answers> block point at, in order. */
static GPtrArray *
read_group_names (xmlNode *responses)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *child = responses->children; child != NULL; child = child->next)
    if (_trellis_xml_is_element (child, "groups"))
      for (xmlNode *group = child->children; group != NULL; group = group->next)
        if (_trellis_xml_is_element (group, "group"))
          g_ptr_array_add (names, dup_text (group));
  return names;
}

/* Rows pointing past <groups>: found by their line, as any other bad answer. */
static gboolean
check_groups (BulkResponses  *rows,
              guint           n_names,
              const char     *display_name,
              GError        **error)
{
  for (guint r = 0; r < rows->groups->len; r++)
    if (g_array_index (rows->groups, guint32, r) > n_names)
      {
        g_autofree char *detail = g_strdup_printf (_("the group %u is not one of the %u listed in <groups>"),
                                                   g_array_index (rows->groups, guint32, r), n_names);

        set_invalid_at (error, display_name, g_array_index (rows->lines, guint32, r), "answers", detail);
        return FALSE;
      }
  return TRUE;
}

static gboolean
read_items (xmlNode       *node,
            GHashTable    *item_scales,
            GStrv         *items,
            GPtrArray     *scales,
            const char    *display_name,
            GError       **error)
{
  g_autofree char *items_text = _trellis_xml_dup_attribute (node, "items");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) tokens = NULL;

  if (items_text == NULL)
    {
      set_invalid (error, display_name, node, _("the list of items is missing"));
      return FALSE;
    }
  tokens = g_strsplit_set (items_text, " \t\r\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] == '\0')
        continue;
      if (!g_hash_table_add (seen, tokens[i]))
        {
          set_invalid (error, display_name, node, _("the item “%s” is listed twice"), tokens[i]);
          return FALSE;
        }
      g_strv_builder_add (builder, tokens[i]);
      /* Answers to a statement the coordinator has since deleted (or turned into a
       * comment box) stay in the round: nothing the partnership said is lost, and
       * summaries simply do not show them. Such items are held to the widest scale. */
      g_ptr_array_add (scales, g_hash_table_lookup (item_scales, tokens[i]));
    }
  *items = g_strv_builder_end (builder);
  return TRUE;
}

/* The rows were read as the parser passed them (trellis-project-bulk.c); here they are
 * checked against the checklist's scales and given to the round. */
static gboolean
read_responses (xmlNode           *node,
                TrellisRound      *round,
                GHashTable        *item_scales,
                const char        *display_name,
                GError           **error)
{
  BulkResponses *rows = node->_private;
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_auto(GStrv) items = NULL;
  const char * const *group_names;
  guint n_group_names;

  if (!read_items (node, item_scales, &items, scales, display_name, error))
    return FALSE;
  trellis_round_set_items (round, (const char * const *) items);
  /* The bulk reader counted the same list; this is only a guard. */
  if (rows == NULL || rows->n_items != scales->len)
    {
      set_invalid (error, display_name, node, _("the list of items could not be read"));
      return FALSE;
    }

  if (!check_answers_on_scales (rows, (const char * const *) items, scales, display_name, error))
    return FALSE;
  if (rows->problem.kind != BULK_PROBLEM_NONE)
    {
      set_bulk_problem (error, display_name, &rows->problem, (const char * const *) items, scales, scales->len);
      return FALSE;
    }
  if (rows->has_answers)
    {
      names = read_group_names (node);
      if (!check_groups (rows, names->len, display_name, error))
        return FALSE;
    }
  else
    names = g_ptr_array_ref (rows->group_names);
  group_names = (const char * const *) names->pdata;
  n_group_names = names->len;
  trellis_round_take_responses (round, g_steal_pointer (&rows->answers), rows->groups->len,
                                group_names, n_group_names, (const guint32 *) rows->groups->data);
  return TRUE;
}

static gboolean
read_comments (xmlNode           *node,
               TrellisRound      *round,
               const char        *display_name,
               GError           **error)
{
  g_autofree char *section_id = _trellis_xml_dup_attribute (node, "section");
  BulkComments *notes = node->_private;

  /* Comments for a section deleted since are kept, like answers to deleted statements. */
  if (section_id == NULL || *section_id == '\0')
    {
      set_invalid (error, display_name, node, _("the comments name no section"));
      return FALSE;
    }
  if (notes == NULL)
    return TRUE;
  if (notes->problem.kind != BULK_PROBLEM_NONE)
    {
      set_bulk_problem (error, display_name, &notes->problem, NULL, NULL, 0);
      return FALSE;
    }
  if (notes->offsets->len > 0)
    {
      gsize size = notes->texts->len;
      /* What the string had room for beyond its texts is given back. */
      char *texts = g_realloc (g_string_free (g_steal_pointer (&notes->texts), FALSE), size);

      trellis_round_take_comment_block (round, section_id, texts, size, (const gsize *) notes->offsets->data,
                                        notes->flags->data, notes->offsets->len);
    }
  return TRUE;
}

/* Keeps the wording of statements the round answered, and of deleted statements it
 * still holds answers to; any other is dropped, so that a hostile file cannot make a
 * round hold more wordings than it has items. */
static void
read_wording (xmlNode      *node,
              TrellisRound *round,
              GHashTable   *statements)
{
  g_autofree char *id = _trellis_xml_dup_attribute (node, "statement");
  g_autofree char *markup = NULL;
  TrellisStatement *statement;

  if (id == NULL)
    return;
  statement = g_hash_table_lookup (statements, id);
  if (statement != NULL ? !trellis_round_answers_statement (round, statement)
                        : trellis_round_find_item (round, id) < 0)
    return;
  markup = dup_statement_markup (node);
  if (*markup != '\0')
    trellis_round_set_statement_wording (round, id, markup);
}

static TrellisRound *
read_round (xmlNode           *node,
            GHashTable        *item_scales,
            GHashTable        *statements,
            const char        *display_name,
            GError           **error)
{
  static const char * const text_names[] = { "label", "source", NULL };
  g_autoptr(TrellisRound) round = NULL;
  g_autofree char *id = _trellis_xml_dup_attribute (node, "id");
  g_autofree char *date = _trellis_xml_dup_attribute (node, "date");
  xmlNode *responses;
  guint n_excluded;

  if (id == NULL || *id == '\0')
    {
      set_invalid (error, display_name, node, _("the id is missing"));
      return NULL;
    }
  if (!read_uint (node, "excluded", 0, G_MAXUINT, 0, &n_excluded, display_name, error))
    return NULL;

  /* The round belongs to nothing while it is built, so adding thousands of responses
   * does not reach the project's changed signal. */
  round = trellis_round_new (id);
  if (!trellis_round_set_date (round, date))
    {
      set_invalid (error, display_name, node,
                   _("date=\"%s\" is not a calendar date written as YYYY-MM-DD"), date);
      return NULL;
    }
  trellis_round_set_n_excluded (round, n_excluded);

  if (!find_single_child (node, "responses", &responses, display_name, error))
    return NULL;
  if (responses != NULL && !read_responses (responses, round, item_scales, display_name, error))
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (read_text_property (child, round, text_names))
        continue;
      if (_trellis_xml_is_element (child, "wording"))
        read_wording (child, round, statements);
      else if (_trellis_xml_is_element (child, "mapping"))
        {
          if (!read_mapping (child, round, display_name, error))
            return NULL;
        }
      else if (_trellis_xml_is_element (child, "comments"))
        {
          if (!read_comments (child, round, display_name, error))
            return NULL;
        }
    }
  return g_steal_pointer (&round);
}

static TrellisAction *
read_action (xmlNode     *node,
             const char  *display_name,
             GError     **error)
{
  static const char * const text_names[] = { "area", "text", "responsible", "due", "notes", NULL };
  g_autoptr(TrellisAction) action = NULL;
  g_autoptr(GStrvBuilder) statement_ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) section_ids = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) sections = NULL;
  g_autofree char *id = _trellis_xml_dup_attribute (node, "id");
  g_autofree char *status_text = _trellis_xml_dup_attribute (node, "status");
  g_autofree char *round_id = _trellis_xml_dup_attribute (node, "round");
  TrellisActionStatus status = TRELLIS_ACTION_NOT_STARTED;

  if (id == NULL || *id == '\0')
    {
      set_invalid (error, display_name, node, _("the id is missing"));
      return NULL;
    }
  if (status_text != NULL && !trellis_action_status_from_string (status_text, &status))
    {
      set_invalid (error, display_name, node,
                   _("status=\"%s\" is not an action status Trellis knows"), status_text);
      return NULL;
    }

  action = trellis_action_new (id);
  trellis_action_set_status (action, status);
  trellis_action_set_round_id (action, round_id);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_trellis_xml_is_element (child, "statement"))
        {
          g_autofree char *ref = _trellis_xml_dup_attribute (child, "ref");

          if (ref != NULL && *ref != '\0')
            g_strv_builder_add (statement_ids, ref);
        }
      else if (_trellis_xml_is_element (child, "section"))
        {
          g_autofree char *ref = _trellis_xml_dup_attribute (child, "ref");

          if (ref != NULL && *ref != '\0')
            g_strv_builder_add (section_ids, ref);
        }
      else
        read_text_property (child, action, text_names);
    }
  ids = g_strv_builder_end (statement_ids);
  trellis_action_set_statement_ids (action, (const char * const *) ids);
  sections = g_strv_builder_end (section_ids);
  trellis_action_set_section_ids (action, (const char * const *) sections);
  return g_steal_pointer (&action);
}

/* The names list is only ever a list of short texts: each is capped as a name is. */
static void
read_redact_names (xmlNode        *partnership,
                   TrellisProject *project)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint n = 0;

  for (xmlNode *list = partnership->children; list != NULL; list = list->next)
    if (_trellis_xml_is_element (list, "redact-names"))
      for (xmlNode *child = list->children; child != NULL && n < REDACT_NAMES_MAX; child = child->next)
        if (_trellis_xml_is_element (child, "person"))
          {
            g_autofree char *name = dup_text (child);

            g_strv_builder_add (builder, name);
            n++;
          }
  names = g_strv_builder_end (builder);
  trellis_project_set_redact_names (project, (const char * const *) names);
}

static gboolean
read_partnership (xmlNode         *node,
                  TrellisProject  *project,
                  const char      *display_name,
                  GError         **error)
{
  g_autofree char *name = _trellis_xml_dup_child_text (node, "name");
  g_autofree char *description = _trellis_xml_dup_child_text (node, "description");
  guint min_group_size;

  /* A size below the floor is raised to it by the project rather than refused: the file
   * then errs on the side of the respondents' anonymity. */
  if (!read_uint (node, "min-group-size", 0, G_MAXUINT16, TRELLIS_MIN_GROUP_SIZE_DEFAULT,
                  &min_group_size, display_name, error))
    return FALSE;
  trellis_project_set_name (project, name);
  trellis_project_set_description (project, description);
  trellis_project_set_min_group_size (project, min_group_size);
  read_redact_names (node, project);
  return TRUE;
}

/* Every round under <rounds>, in order, each id once. */
static gboolean
read_rounds (xmlNode     *rounds_node,
             GHashTable  *item_scales,
             GHashTable  *statements,
             GPtrArray   *rounds,
             const char  *display_name,
             GError     **error)
{
  g_autoptr(GHashTable) round_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (xmlNode *child = rounds_node != NULL ? rounds_node->children : NULL;
       child != NULL; child = child->next)
    {
      TrellisRound *round;

      if (!_trellis_xml_is_element (child, "round"))
        continue;
      if (rounds->len >= MAX_ROUNDS)
        {
          set_invalid (error, display_name, child,
                       _("the project has more than %u rounds, far more than any partnership runs"),
                       MAX_ROUNDS);
          return FALSE;
        }
      round = read_round (child, item_scales, statements, display_name, error);
      if (round == NULL)
        return FALSE;
      g_ptr_array_add (rounds, round);
      if (!g_hash_table_add (round_ids, (gpointer) trellis_round_get_id (round)))
        {
          set_invalid (error, display_name, child, _("the round id “%s” is used twice"),
                       trellis_round_get_id (round));
          return FALSE;
        }
    }
  return TRUE;
}

/* Every action of the improvement plan, in order, each id once. */
static gboolean
read_actions (xmlNode     *plan_node,
              GPtrArray   *actions,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GHashTable) action_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (xmlNode *child = plan_node != NULL ? plan_node->children : NULL;
       child != NULL; child = child->next)
    {
      TrellisAction *action;

      if (!_trellis_xml_is_element (child, "action"))
        continue;
      action = read_action (child, display_name, error);
      if (action == NULL)
        return FALSE;
      g_ptr_array_add (actions, action);
      if (!g_hash_table_add (action_ids, (gpointer) trellis_action_get_id (action)))
        {
          set_invalid (error, display_name, child, _("the action id “%s” is used twice"),
                       trellis_action_get_id (action));
          return FALSE;
        }
    }
  return TRUE;
}

static TrellisProject *
read_project (xmlNode     *root,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(TrellisProject) project = trellis_project_new ();
  g_autoptr(TrellisChecklist) checklist = NULL;
  g_autoptr(GPtrArray) rounds = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) item_scales = NULL;
  g_autoptr(GHashTable) statements = NULL;
  xmlNode *partnership, *checklist_node, *rounds_node, *plan_node;
  TrellisPlan *plan;

  if (!find_single_child (root, "partnership", &partnership, display_name, error) ||
      !find_single_child (root, "checklist", &checklist_node, display_name, error) ||
      !find_single_child (root, "rounds", &rounds_node, display_name, error) ||
      !find_single_child (root, "plan", &plan_node, display_name, error))
    return NULL;

  if (partnership != NULL && !read_partnership (partnership, project, display_name, error))
    return NULL;

  if (checklist_node != NULL)
    checklist = _trellis_checklist_read_node (checklist_node, display_name, error);
  else
    checklist = trellis_checklist_new ();
  if (checklist == NULL)
    return NULL;

  item_scales = index_item_keys (checklist);
  statements = index_statements (checklist);
  if (!read_rounds (rounds_node, item_scales, statements, rounds, display_name, error) ||
      !read_actions (plan_node, actions, display_name, error))
    return NULL;

  /* Everything was read; attach it in a few steps so the project is whole or not at all. */
  trellis_project_set_checklist (project, checklist);
  for (guint i = 0; i < rounds->len; i++)
    trellis_project_append_round (project, g_ptr_array_index (rounds, i));
  plan = trellis_project_get_plan (project);
  for (guint i = 0; i < actions->len; i++)
    trellis_plan_append_action (plan, g_ptr_array_index (actions, i));

  return g_steal_pointer (&project);
}

/**
 * trellis_project_load_bytes:
 * @bytes: the content of a project file
 * @display_name: the file's name as shown to the user, for error messages
 *
 * Reads a project file. Hostile or damaged content (a document type declaration,
 * entities, anything that is not well-formed UTF-8 XML, a newer major format version,
 * inconsistent content) is refused with a %TRELLIS_PROJECT_ERROR naming the file and,
 * where there is one, the line.
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
#define NEWER_FORMAT_KEY "trellis-newer-format-version"

static void
remember_newer_format_version (TrellisProject *project,
                               xmlNode        *root)
{
  g_autofree char *version = _trellis_xml_dup_attribute (root, "format-version");
  guint64 major, minor;

  if (parse_version (version, &major, &minor) &&
      major == TRELLIS_PROJECT_FORMAT_MAJOR && minor > TRELLIS_PROJECT_FORMAT_MINOR)
    g_object_set_data_full (G_OBJECT (project), NEWER_FORMAT_KEY, g_steal_pointer (&version), g_free);
}

static TrellisProject *
read_project_from (ChunkSource   next_chunk,
                   gpointer      source,
                   const char   *display_name,
                   GError      **error)
{
  g_autoptr(BulkReader) bulk = _trellis_bulk_reader_new (MAX_TREE_NODES);
  g_autoptr(xmlDoc) doc = NULL;
  TrellisProject *project;

  doc = read_document (next_chunk, source, display_name, ROOT_PROJECT, bulk, error);
  if (doc == NULL)
    return NULL;
  project = read_project (xmlDocGetRootElement (doc), display_name, error);
  if (project != NULL)
    remember_newer_format_version (project, xmlDocGetRootElement (doc));
  return project;
}

TrellisProject *
trellis_project_load_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  MemorySource memory = { NULL, 0, 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("the project file");
  memory.data = g_bytes_get_data (bytes, &memory.size);
  if (memory.size > TRELLIS_PROJECT_MAX_SIZE)
    {
      set_too_large (error, display_name, memory.size);
      return NULL;
    }
  return read_project_from (next_memory_chunk, &memory, display_name, error);
}

/**
 * trellis_project_get_newer_format_version:
 *
 * A file of a newer minor format version opens, but may hold elements and attributes
 * this version does not know and would not write back. Such a project is for reading:
 * the command-line tool does not change it and the app offers to save a copy, and
 * trellis_project_save_file() refuses to replace a file of a newer minor version.
 *
 * Returns: (nullable): the newer format version @project was read from, such as “1.3”;
 *   %NULL when this version wrote it or could have
 */
const char *
trellis_project_get_newer_format_version (TrellisProject *project)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  return g_object_get_data (G_OBJECT (project), NEWER_FORMAT_KEY);
}

typedef struct
{
  GInputStream *input;
  GCancellable *cancellable;
  const char   *display_name;
  char         *buffer;
} StreamSource;

static const char *
next_stream_chunk (gpointer   source,
                   gsize     *length,
                   GError   **error)
{
  StreamSource *stream = source;
  g_autoptr(GError) local_error = NULL;

  if (!g_input_stream_read_all (stream->input, stream->buffer, CHUNK_SIZE, length,
                                stream->cancellable, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not read “%s”: "), stream->display_name);
      return NULL;
    }
  return stream->buffer;
}

/**
 * trellis_project_load_file:
 *
 * Reads a project file as it parses it, so that the file is never whole in memory,
 * refusing a file larger than %TRELLIS_PROJECT_MAX_SIZE before reading any of it. See
 * trellis_project_load_bytes().
 *
 * Returns: (transfer full) (nullable): the project, or %NULL with @error set
 */
TrellisProject *
trellis_project_load_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  StreamSource stream = { NULL, NULL, NULL, NULL };
  TrellisProject *project;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  /* A named pipe would block the read for ever; a device never ends. */
  if (info == NULL || !trellis_file_check_regular (file, &local_error))
    {
      g_autofree char *name = trellis_file_dup_display_basename (file);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not open “%s”: "), name);
      return NULL;
    }
  display_name = g_strdup (g_file_info_get_display_name (info));

  if ((guint64) g_file_info_get_size (info) > TRELLIS_PROJECT_MAX_SIZE)
    {
      set_too_large (error, display_name, g_file_info_get_size (info));
      return NULL;
    }

  stream.input = G_INPUT_STREAM (g_file_read (file, cancellable, &local_error));
  if (stream.input == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not read “%s”: "), display_name);
      return NULL;
    }
  stream.cancellable = cancellable;
  stream.display_name = display_name;
  stream.buffer = g_malloc (CHUNK_SIZE);
  project = read_project_from (next_stream_chunk, &stream, display_name, error);
  g_free (stream.buffer);
  g_object_unref (stream.input);
  return project;
}
