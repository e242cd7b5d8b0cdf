/* trellis-plan-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trellis-plan-export.h"
#include "trellis-report-private.h"

/**
 * trellis_plan_dup_linked_statements:
 *
 * Returns: (transfer full) (nullable): the printed numbers of the statements @action
 *   answers, "7, 9", after the sections it answers whole, "C; 7, 9", or %NULL when it
 *   names none the checklist still has
 */
char *
trellis_plan_dup_linked_statements (TrellisProject *project,
                                    TrellisAction  *action)
{
  return trellis_action_dup_links_label (action, trellis_project_get_checklist (project), TRUE);
}

/* A spreadsheet runs a cell that starts like a formula (CWE-1236): an apostrophe in
 * front makes it text, as Excel and LibreOffice both read it. */
static void
append_csv_cell (GString    *out,
                 const char *text,
                 gboolean    last)
{
  const char *cell = text != NULL ? text : "";
  gboolean risky = strchr ("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0';

  g_string_append_c (out, '"');
  if (risky)
    g_string_append_c (out, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  g_string_append (out, last ? "\r\n" : ",");
}

static char *
due_end_date (TrellisAction *action)
{
  TrellisTimescaleKind kind;
  GDate end;
  char text[16];

  if (!trellis_timescale_parse (trellis_action_get_due (action), &kind, &end, NULL)
      || kind == TRELLIS_TIMESCALE_NONE)
    return NULL;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &end);
  return g_strdup (text);
}

static void
append_csv_row (GString             *out,
                TrellisProject      *project,
                TrellisPlanFollowUp *follow_up,
                TrellisAction       *action)
{
  const char *round_id = trellis_action_get_round_id (action);
  TrellisRound *round = round_id != NULL ? trellis_project_find_round (project, round_id) : NULL;
  g_autofree char *statements = trellis_plan_dup_linked_statements (project, action);
  g_autofree char *due_by = due_end_date (action);
  g_autofree char *change = NULL;
  TrellisActionFollowUp result;
  const char *cells[10];

  if (trellis_plan_follow_up_get (follow_up, action, &result))
    change = trellis_action_follow_up_format (&result, TRUE);
  cells[0] = trellis_action_get_area (action);
  cells[1] = statements;
  cells[2] = trellis_action_get_text (action);
  cells[3] = trellis_action_get_responsible (action);
  cells[4] = trellis_action_get_due (action);
  cells[5] = due_by;
  cells[6] = trellis_action_status_get_label (trellis_action_get_status (action));
  cells[7] = trellis_action_get_notes (action);
  cells[8] = round != NULL ? trellis_round_get_label (round) : NULL;
  cells[9] = change;
  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    append_csv_cell (out, cells[c], c == G_N_ELEMENTS (cells) - 1);
}

/**
 * trellis_plan_export_csv:
 *
 * The plan as CSV, one row per action under a header row: UTF-8 with a byte order mark
 * so that Excel reads accents, CRLF line ends, every cell quoted, and cells a
 * spreadsheet would run as a formula made text.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
trellis_plan_export_csv (TrellisProject *project)
{
  TrellisPlan *plan;
  g_autoptr(TrellisPlanFollowUp) follow_up = NULL;
  GString *out;
  const char *headings[] = {
    _("Area for improvement"), _("Statements"), _("Key action"), _("Responsible"), _("Timescale"),
    _("Due by"), _("Status"), _("Progress notes"), _("Agreed after round"), _("Follow-up"),
  };
  guint n;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);

  plan = trellis_project_get_plan (project);
  follow_up = trellis_plan_follow_up_new (project);
  out = g_string_new ("\xEF\xBB\xBF");
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    append_csv_cell (out, headings[c], c == G_N_ELEMENTS (headings) - 1);
  n = trellis_plan_get_n_actions (plan);
  for (guint i = 0; i < n; i++)
    append_csv_row (out, project, follow_up, trellis_plan_get_action (plan, i));
  return g_string_free_to_bytes (out);
}

/* RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped. */
static char *
ics_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          /* Other control characters have no place in a text value. */
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* RFC 5545 §3.1: lines of at most 75 octets, continued on lines that begin with a
 * space, never breaking inside a UTF-8 character. */
static void
append_ics_line (GString    *out,
                 const char *name,
                 const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  const char *p = line;
  gsize limit = 75;

  while (strlen (p) > limit)
    {
      gsize cut = limit;

      while (cut > 0 && ((guchar) p[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, p, cut);
      g_string_append (out, "\r\n ");
      p += cut;
      limit = 74;  /* the leading space takes one octet */
    }
  g_string_append (out, p);
  g_string_append (out, "\r\n");
}

static const char *
ics_status (TrellisActionStatus status)
{
  switch (status)
    {
    case TRELLIS_ACTION_DONE:
      return "COMPLETED";
    case TRELLIS_ACTION_CANCELLED:
      return "CANCELLED";
    case TRELLIS_ACTION_IN_PROGRESS:
    case TRELLIS_ACTION_ON_TRACK:
    case TRELLIS_ACTION_AT_RISK:
      return "IN-PROCESS";
    case TRELLIS_ACTION_NOT_STARTED:
    case TRELLIS_ACTION_POSTPONED:
    default:
      return "NEEDS-ACTION";
    }
}

/* The same action gets the same UID in every export, so that importing the plan again
 * updates a calendar's to-dos instead of doubling them. */
static char *
ics_uid (TrellisProject *project,
         TrellisAction  *action)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s", trellis_project_get_name (project) ?: "",
                                          trellis_action_get_id (action));
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("%.*s-%s@trellis.plan", 16, hash, trellis_action_get_id (action));
}

static void
append_vtodo (GString        *out,
              TrellisProject *project,
              TrellisAction  *action,
              const GDate    *end,
              const char     *stamp)
{
  const char *area = trellis_action_get_area (action), *who = trellis_action_get_responsible (action);
  const char *text = trellis_action_get_text (action);
  g_autofree char *uid = ics_uid (project, action);
  g_autofree char *summary = ics_escape (text != NULL && *text != '\0' ? text : area);
  g_autofree char *description_text = NULL, *description = NULL;
  char due[16];

  /* TRANSLATORS: the description of a calendar to-do: the area for improvement, then who is responsible */
  description_text = g_strdup_printf (_("Area for improvement: %s\nResponsible: %s"), area ?: "", who ?: "");
  description = ics_escape (description_text);
  g_date_strftime (due, sizeof due, "%Y%m%d", end);

  append_ics_line (out, "BEGIN", "VTODO");
  append_ics_line (out, "UID", uid);
  append_ics_line (out, "DTSTAMP", stamp);
  append_ics_line (out, "DUE;VALUE=DATE", due);
  append_ics_line (out, "STATUS", ics_status (trellis_action_get_status (action)));
  append_ics_line (out, "SUMMARY", summary);
  append_ics_line (out, "DESCRIPTION", description);
  append_ics_line (out, "END", "VTODO");
}

/**
 * trellis_plan_export_ics:
 * @now: when the file is made (its DTSTAMP)
 * @left_out: (nullable) (element-type TrellisAction): receives the actions without a
 *   date Trellis can read, which a calendar cannot hold
 *
 * The plan as an iCalendar file: one VTODO per action with a readable timescale, due on
 * its last day.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
trellis_plan_export_ics (TrellisProject *project,
                         GDateTime      *now,
                         GPtrArray      *left_out)
{
  TrellisPlan *plan;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GString *out;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  plan = trellis_project_get_plan (project);
  utc = g_date_time_to_utc (now);
  stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  out = g_string_new (NULL);
  append_ics_line (out, "BEGIN", "VCALENDAR");
  append_ics_line (out, "VERSION", "2.0");
  append_ics_line (out, "PRODID", "-//Trellis//Improvement plan " PACKAGE_VERSION "//EN");
  append_ics_line (out, "CALSCALE", "GREGORIAN");
  n = trellis_plan_get_n_actions (plan);
  for (guint i = 0; i < n; i++)
    {
      TrellisAction *action = trellis_plan_get_action (plan, i);
      TrellisTimescaleKind kind;
      GDate end;

      if (trellis_timescale_parse (trellis_action_get_due (action), &kind, &end, NULL)
          && kind != TRELLIS_TIMESCALE_NONE)
        append_vtodo (out, project, action, &end, stamp);
      else if (left_out != NULL)
        g_ptr_array_add (left_out, g_object_ref (action));
    }
  append_ics_line (out, "END", "VCALENDAR");
  return g_string_free_to_bytes (out);
}

static gboolean
write_bytes (GFile   *file,
             GBytes  *bytes,
             GError **error)
{
  g_autoptr(GByteArray) array = g_bytes_unref_to_array (g_bytes_ref (bytes));

  return _trellis_report_write_file (file, array, error);
}

/**
 * trellis_plan_write_csv:
 * @file: replaced whole, or left as it was on failure
 */
gboolean
trellis_plan_write_csv (TrellisProject  *project,
                        GFile           *file,
                        GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = trellis_plan_export_csv (project);
  return write_bytes (file, bytes, error);
}

/**
 * trellis_plan_write_ics:
 * @file: replaced whole, or left as it was on failure
 * @left_out: (nullable) (element-type TrellisAction): receives the undated actions
 */
gboolean
trellis_plan_write_ics (TrellisProject  *project,
                        GFile           *file,
                        GPtrArray       *left_out,
                        GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = trellis_plan_export_ics (project, now, left_out);
  return write_bytes (file, bytes, error);
}
