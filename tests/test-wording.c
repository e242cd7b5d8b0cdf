/* test-wording.c: a round keeps the wording its respondents answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-io-common.h"
#include "trellis-project-io.h"
#include "trellis-test-project.h"

static TrellisStatement *
find (TrellisProject *project,
      const char     *id)
{
  return trellis_checklist_find_statement (trellis_project_get_checklist (project), id);
}

static TrellisProject *
reload (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  TrellisProject *project = trellis_project_load_bytes (bytes, "wording.trellis", &error);

  g_assert_no_error (error);
  return project;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (text, needle) != NULL;
}

/* A round records the wording of what it answered when it joins the project; the
 * designer asks which rounds answered a statement before it is reworded. */
static void
test_recorded_when_added (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (2);
  TrellisRound *first = trellis_project_get_round (project, 0);
  TrellisStatement *s36 = find (project, "s36");
  g_autoptr(GPtrArray) answering = trellis_project_dup_rounds_answering (project, s36);
  g_autoptr(GPtrArray) answering_comment = trellis_project_dup_rounds_answering (project, find (project, "s18"));
  g_autoptr(GPtrArray) answering_lead_in = trellis_project_dup_rounds_answering (project, find (project, "s55"));
  g_autoptr(GBytes) bytes = trellis_project_save_to_bytes (project);

  g_assert_cmpuint (answering->len, ==, 2);
  g_assert_true (g_ptr_array_index (answering, 0) == first);
  g_assert_cmpuint (answering_comment->len, ==, 0);
  g_assert_cmpuint (answering_lead_in->len, ==, 2);

  g_assert_cmpstr (trellis_round_get_statement_wording (first, "s36"), ==, trellis_statement_get_text_markup (s36));
  g_assert_cmpstr (trellis_round_get_statement_wording (first, "s55"), ==, "By working together, the partnership has demonstrably");
  g_assert_null (trellis_round_get_statement_wording (first, "s18"));
  g_assert_false (trellis_round_get_wording_changed (first, s36));
  /* Nothing was reworded: the file holds no wording at all. */
  g_assert_false (bytes_contain (bytes, "<wording"));
}

/* Rewording a statement with answers keeps the earlier wording with the round, in
 * memory and in the file; the answers stay attached to the same statement. */
static void
test_reword_keeps_earlier (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  TrellisRound *round = trellis_project_get_round (project, 0);
  TrellisStatement *s36 = find (project, "s36");
  g_autofree char *before = g_strdup (trellis_statement_get_text_markup (s36));
  g_autoptr(GBytes) original = trellis_project_save_to_bytes (project);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(TrellisProject) loaded = NULL;
  TrellisRound *loaded_round;
  int column = trellis_round_find_item (round, "s36");

  trellis_statement_set_text (s36, "Our priorities are in my organisation's plans.");
  g_assert_cmpstr (trellis_round_get_statement_wording (round, "s36"), ==, before);
  g_assert_true (trellis_round_get_wording_changed (round, s36));

  saved = trellis_project_save_to_bytes (project);
  g_assert_true (bytes_contain (saved, "<wording statement=\"s36\">The partnership's priority outcomes are "
                                       "reflected clearly in the strategic and operational plans of "
                                       "<em>my own</em> organisation.</wording>"));
  loaded = reload (saved);
  loaded_round = trellis_project_get_round (loaded, 0);
  g_assert_cmpstr (trellis_round_get_statement_wording (loaded_round, "s36"), ==, before);
  g_assert_cmpstr (trellis_statement_get_text (find (loaded, "s36")), ==, "Our priorities are in my organisation's plans.");
  g_assert_true (trellis_round_get_wording_changed (loaded_round, find (loaded, "s36")));
  g_assert_cmpint (trellis_round_find_item (loaded_round, "s36"), ==, column);
  for (guint r = 0; r < trellis_round_get_n_responses (round); r++)
    g_assert_cmpint (trellis_round_get_answer (loaded_round, r, column), ==, trellis_round_get_answer (round, r, column));
  saved_again = trellis_project_save_to_bytes (loaded);
  g_assert_true (g_bytes_equal (saved, saved_again));

  /* Reworded back as it was: nothing to keep. */
  trellis_statement_set_text_markup (s36, before);
  g_assert_false (trellis_round_get_wording_changed (round, s36));
  undone = trellis_project_save_to_bytes (project);
  g_assert_true (g_bytes_equal (undone, original));
}

/* Emphasis is kept with the round too, but moving it is not a change of words. */
static void
test_emphasis_only (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  TrellisRound *round = trellis_project_get_round (project, 0);
  TrellisStatement *s55f = find (project, "s55f");
  g_autoptr(GBytes) saved = NULL;

  trellis_statement_set_text_markup (s55f, "Delivered a <em>higher quantity</em> of priority outcomes");
  g_assert_false (trellis_round_get_wording_changed (round, s55f));
  saved = trellis_project_save_to_bytes (project);
  g_assert_true (bytes_contain (saved, "<wording statement=\"s55f\">Delivered a higher <em>quantity</em> of priority outcomes</wording>"));
}

/* A round added after the rewording answered the new words: comparing the two rounds
 * shows the statement was worded differently. A statement added since has no rounds. */
static void
test_rounds_compared (void)
{
  g_autoptr(TrellisProject) project = trellis_test_project_new_sample (1);
  TrellisRound *first = trellis_project_get_round (project, 0);
  TrellisStatement *s7 = find (project, "s7");
  TrellisSection *section = trellis_checklist_get_section (trellis_project_get_checklist (project), 0);
  TrellisStatement *added = trellis_test_add_statement (section, "u1", NULL, TRELLIS_STATEMENT_RATING, "Our own statement.");
  g_autoptr(TrellisRound) second = trellis_round_new ("r2");
  g_auto(GStrv) items = trellis_checklist_dup_item_keys (trellis_project_get_checklist (project), TRUE);
  g_autoptr(GPtrArray) answering_added = NULL;
  g_autoptr(GPtrArray) answering_s7 = NULL;

  trellis_statement_set_text (s7, "Together we achieve more than apart.");
  g_assert_true (trellis_round_set_items (second, (const char * const *) items));
  trellis_project_append_round (project, second);

  g_assert_cmpstr (trellis_round_get_statement_wording (second, "s7"), ==, "Together we achieve more than apart.");
  g_assert_cmpstr (trellis_round_get_statement_wording (first, "s7"), !=, trellis_round_get_statement_wording (second, "s7"));
  g_assert_true (trellis_round_get_wording_changed (first, s7));
  g_assert_false (trellis_round_get_wording_changed (second, s7));

  answering_added = trellis_project_dup_rounds_answering (project, added);
  answering_s7 = trellis_project_dup_rounds_answering (project, s7);
  g_assert_cmpuint (answering_added->len, ==, 1);
  g_assert_true (g_ptr_array_index (answering_added, 0) == second);
  g_assert_cmpuint (answering_s7->len, ==, 2);
}

#define HEAD "<trellis-project xmlns=\"https://trellisapp.org/ns/project\" format-version=\"1.1\"><partnership/>" \
             "<checklist><scale id=\"agreement\" points=\"5\"/><section id=\"A\">" \
             "<statement id=\"s1\"><text>One now</text></statement>" \
             "<statement id=\"s2\"><text>Two</text></statement>" \
             "<statement id=\"m\" kind=\"multi\"><text>Lead-in now</text><statement id=\"m1\"><text>Part</text></statement></statement>" \
             "</section></checklist><rounds><round id=\"r1\">"
#define TAIL "<responses items=\"s1 m1\"><response>1 2</response></responses></round></rounds></trellis-project>"

/* A hand-edited or hostile file cannot make a round remember wordings of statements it
 * never answered; duplicates and missing ids do not stop it opening. */
static void
test_hostile (void)
{
  g_autoptr(GString) xml = g_string_new (HEAD);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TrellisProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *joined = NULL;
  TrellisRound *round;
  gint64 start;

  g_string_append (xml, "<wording statement=\"s1\">One <em>then</em></wording>"
                        "<wording statement=\"s1\">One <em>before</em> <em>that<em>!</em></em></wording>"
                        "<wording statement=\"s2\">Two was never answered</wording>"
                        "<wording statement=\"m\">Lead-in then</wording>"
                        "<wording statement=\"gone\">A statement nobody has</wording>"
                        "<wording>No statement</wording>"
                        "<wording statement=\"m1\"></wording>");
  /* Many wordings: each is looked up, not searched. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (xml, "<wording statement=\"x%u\">Nobody answered x%u</wording>", i, i);
  g_string_append (xml, TAIL);
  bytes = g_bytes_new (xml->str, xml->len);

  start = g_get_monotonic_time ();
  project = trellis_project_load_bytes (bytes, "hostile.trellis", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  round = trellis_project_get_round (project, 0);
  ids = trellis_round_dup_worded_statement_ids (round);
  joined = g_strjoinv (" ", ids);
  g_assert_cmpstr (joined, ==, "m m1 s1");
  g_assert_cmpstr (trellis_round_get_statement_wording (round, "s1"), ==, "One <em>before</em> <em>that!</em>");
  g_assert_cmpstr (trellis_round_get_statement_wording (round, "m"), ==, "Lead-in then");
  g_assert_cmpstr (trellis_round_get_statement_wording (round, "m1"), ==, "Part");
  g_assert_null (trellis_round_get_statement_wording (round, "s2"));
  g_assert_null (trellis_round_get_statement_wording (round, "gone"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wording/recorded-when-added", test_recorded_when_added);
  g_test_add_func ("/wording/reword-keeps-earlier", test_reword_keeps_earlier);
  g_test_add_func ("/wording/emphasis-only", test_emphasis_only);
  g_test_add_func ("/wording/rounds-compared", test_rounds_compared);
  g_test_add_func ("/wording/hostile", test_hostile);

  return g_test_run ();
}
