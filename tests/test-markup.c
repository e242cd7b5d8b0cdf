/* test-markup.c: emphasis in statement text: parsing, escaping, hostile markup, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trellis-model.h"

/* Canonical markup must be well-formed GMarkup holding no element but <em>: anything
 * that shows it (GtkLabel through trellis_markup_to_pango, the designer) relies on it. */
static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  const char *expected = user_data;

  if (!g_str_equal (element_name, expected) && !g_str_equal (element_name, "wrapper"))
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT, "unexpected <%s>", element_name);
  else if (attribute_names[0] != NULL)
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ATTRIBUTE, "unexpected attribute");
}

static void
assert_well_formed (const char *markup,
                    const char *element)
{
  static const GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, (gpointer) element, NULL);
  g_autofree char *wrapped = g_strconcat ("<wrapper>", markup, "</wrapper>", NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, wrapped, -1, &error);
  if (error == NULL)
    g_markup_parse_context_end_parse (context, &error);
  if (error != NULL)
    g_error ("“%s” is not well-formed: %s", markup, error->message);
}

static char *
canonical (const char *markup)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *text = trellis_markup_parse (markup, &spans);

  return trellis_markup_build (text, (TrellisTextSpan *) spans->data, spans->len);
}

static void
test_parse (void)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *text = trellis_markup_parse ("The <em>other</em> key partners", &spans);
  g_autofree char *pango = trellis_markup_to_pango ("The <em>other</em> key &amp; <em>main</em>");

  g_assert_cmpstr (text, ==, "The other key partners");
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpuint (g_array_index (spans, TrellisTextSpan, 0).start, ==, 4);
  g_assert_cmpuint (g_array_index (spans, TrellisTextSpan, 0).end, ==, 9);
  g_assert_cmpstr (pango, ==, "The <i>other</i> key &amp; <i>main</i>");
}

static void
test_escaping (void)
{
  g_autoptr(TrellisStatement) statement = trellis_statement_new ("s1", TRELLIS_STATEMENT_RATING);
  const char *plain = "Data & trends <i>, \"quoted\" and 'partner's' — café\ttab";

  trellis_statement_set_text (statement, plain);
  g_assert_cmpstr (trellis_statement_get_text_markup (statement), ==,
                   "Data &amp; trends &lt;i&gt;, &quot;quoted&quot; and &apos;partner&apos;s&apos; — café\ttab");
  assert_well_formed (trellis_statement_get_text_markup (statement), "em");

  /* The markup reads back to the same text, and the text is plain. */
  trellis_statement_set_text_markup (statement, trellis_statement_get_text_markup (statement));
  g_assert_cmpstr (trellis_statement_get_text (statement), ==, plain);

  trellis_statement_set_text_markup (statement, "<em>R&amp;D</em> &lt;em&gt; is text");
  g_assert_cmpstr (trellis_statement_get_text (statement), ==, "R&D <em> is text");
  g_assert_cmpstr (trellis_statement_get_text_markup (statement), ==, "<em>R&amp;D</em> &lt;em&gt; is text");
}

typedef struct
{
  const char *markup;
  const char *text;
  const char *canonical;
} MarkupCase;

static const MarkupCase hostile_cases[] = {
  { "<b>bold</b> text", "<b>bold</b> text", "&lt;b&gt;bold&lt;/b&gt; text" },
  { "</em>stray close", "stray close", "stray close" },
  { "an <em>unclosed tag", "an unclosed tag", "an <em>unclosed tag</em>" },
  { "<em><em>nested</em> more</em> after", "nested more after", "<em>nested more</em> after" },
  { "<em></em>empty", "empty", "empty" },
  { "<em>touch</em><em>ing</em>", "touching", "<em>touching</em>" },
  { "<EM>upper</EM>", "<EM>upper</EM>", "&lt;EM&gt;upper&lt;/EM&gt;" },
  { "<em class=\"x\">attr</em>", "<em class=\"x\">attr", "&lt;em class=&quot;x&quot;&gt;attr" },
  { "<em/>self-closed", "<em/>self-closed", "&lt;em/&gt;self-closed" },
  { "&bogus; &amp &", "&bogus; &amp &", "&amp;bogus; &amp;amp &amp;" },
  { "&#65;&#x42;&#X43;", "ABC", "ABC" },
  { "&#0;&#xD800;&#1114112;&#x;&#;&#-1;&#+9;", "&#0;&#xD800;&#1114112;&#x;&#;&#-1;&#+9;",
    "&amp;#0;&amp;#xD800;&amp;#1114112;&amp;#x;&amp;#;&amp;#-1;&amp;#+9;" },
  { "&#x00000000041;", "&#x00000000041;", "&amp;#x00000000041;" },
  { "&#1;control", "\001control", "&#x1;control" },
  { "bad \xff utf-8 <em>\xc3</em>", "bad \xef\xbf\xbd utf-8 \xef\xbf\xbd", "bad \xef\xbf\xbd utf-8 <em>\xef\xbf\xbd</em>" },
  { "ends with <em", "ends with <em", "ends with &lt;em" },
  { "ends with </e", "ends with </e", "ends with &lt;/e" },
  { "ends with &#x4", "ends with &#x4", "ends with &amp;#x4" },
  { "", "", "" },
};

static void
test_hostile (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      const MarkupCase *c = &hostile_cases[i];
      g_autofree char *text = trellis_markup_parse (c->markup, NULL);
      g_autofree char *markup = canonical (c->markup);
      g_autofree char *again = canonical (markup);

      g_test_message ("case %u", i);
      g_assert_cmpstr (text, ==, c->text);
      g_assert_cmpstr (markup, ==, c->canonical);
      g_assert_cmpstr (again, ==, markup);
      assert_well_formed (markup, "em");
    }
}

/* Random strings of markup fragments: parsing never fails, the canonical form is
 * well-formed, stable, and means the same text. */
static void
test_random (void)
{
  static const char * const pieces[] = {
    "<em>", "</em>", "<", ">", "&", ";", "#", "x", "&amp;", "&#233;", "&#x", "a", " ", "é",
    "\xff", "<em", "/", "em>", "&lt;", "\n",
  };
  GRand *rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) input = g_string_new (NULL);
      g_autoptr(GArray) spans = NULL;
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;
      g_autofree char *text_again = NULL;
      g_autofree char *pango = NULL;
      guint n = g_rand_int_range (rand, 0, 24);

      for (guint i = 0; i < n; i++)
        g_string_append (input, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      text = trellis_markup_parse (input->str, &spans);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      for (guint i = 0; i < spans->len; i++)
        {
          const TrellisTextSpan *span = &g_array_index (spans, TrellisTextSpan, i);

          g_assert_cmpuint (span->start, <, span->end);
          g_assert_cmpuint (span->end, <=, strlen (text));
          g_assert_true (i == 0 || g_array_index (spans, TrellisTextSpan, i - 1).end < span->start);
        }
      markup = trellis_markup_build (text, (TrellisTextSpan *) spans->data, spans->len);
      assert_well_formed (markup, "em");
      text_again = trellis_markup_parse (markup, NULL);
      g_assert_cmpstr (text_again, ==, text);
      pango = trellis_markup_to_pango (input->str);
      assert_well_formed (pango, "i");
    }
  g_rand_free (rand);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *counts = user_data;

  g_hash_table_insert (counts, (gpointer) pspec->name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name)) + 1));
}

static guint
notified (GHashTable *counts,
          const char *name)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

  g_hash_table_remove_all (counts);
  return count;
}

static void
test_statement_notify (void)
{
  g_autoptr(TrellisStatement) statement = trellis_statement_new ("s1", TRELLIS_STATEMENT_RATING);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_spans = 7;

  g_signal_connect (statement, "notify", G_CALLBACK (count_notify), counts);
  g_assert_null (trellis_statement_get_text_markup (statement));
  g_assert_null (trellis_statement_get_emphasis (statement, &n_spans));
  g_assert_cmpuint (n_spans, ==, 0);

  trellis_statement_set_text_markup (statement, "The <em>other</em> partners");
  g_assert_cmpstr (trellis_statement_get_text (statement), ==, "The other partners");
  g_assert_nonnull (trellis_statement_get_emphasis (statement, &n_spans));
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
  g_assert_cmpuint (notified (counts, "text"), ==, 1);

  /* The same words emphasised differently: only the markup changed. */
  trellis_statement_set_text_markup (statement, "The other <em>partners</em>");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
  g_assert_cmpuint (notified (counts, "text-markup"), ==, 1);

  /* Plain text clears emphasis, even the same words. */
  trellis_statement_set_text (statement, "The other partners");
  g_assert_cmpstr (trellis_statement_get_text_markup (statement), ==, "The other partners");
  g_assert_null (trellis_statement_get_emphasis (statement, &n_spans));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
  g_assert_cmpuint (notified (counts, "text-markup"), ==, 1);

  /* No change, no notification; an empty text is no text. */
  trellis_statement_set_text_markup (statement, "The other partners");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  trellis_statement_set_text_markup (statement, "<em></em>");
  g_assert_null (trellis_statement_get_text (statement));
  g_assert_null (trellis_statement_get_text_markup (statement));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
  g_hash_table_remove_all (counts);

  g_object_set (statement, "text-markup", "<em>my own</em> organisation", NULL);
  g_assert_cmpstr (trellis_statement_get_text (statement), ==, "my own organisation");
}

static void
test_statement_undo (void)
{
  g_autoptr(TrellisStatement) statement = trellis_statement_new ("s1", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisUndoStack) stack = trellis_undo_stack_new ();
  g_auto(GValue) old_value = G_VALUE_INIT;

  trellis_statement_set_text_markup (statement, "plans of <em>my own</em> organisation");
  g_value_init (&old_value, G_TYPE_STRING);
  g_object_get_property (G_OBJECT (statement), "text-markup", &old_value);
  trellis_statement_set_text (statement, "plans of my organisation");
  trellis_undo_stack_push_property (stack, "Edit statement", G_OBJECT (statement), "text-markup", &old_value);

  g_assert_true (trellis_undo_stack_undo (stack));
  g_assert_cmpstr (trellis_statement_get_text_markup (statement), ==, "plans of <em>my own</em> organisation");
  g_assert_cmpstr (trellis_statement_get_text (statement), ==, "plans of my own organisation");
  g_assert_true (trellis_undo_stack_redo (stack));
  g_assert_cmpstr (trellis_statement_get_text_markup (statement), ==, "plans of my organisation");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markup/parse", test_parse);
  g_test_add_func ("/markup/escaping", test_escaping);
  g_test_add_func ("/markup/hostile", test_hostile);
  g_test_add_func ("/markup/random", test_random);
  g_test_add_func ("/markup/statement/notify", test_statement_notify);
  g_test_add_func ("/markup/statement/undo", test_statement_undo);

  return g_test_run ();
}
