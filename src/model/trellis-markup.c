/* trellis-markup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-markup"

#include "config.h"

#include <string.h>

#include "trellis-markup.h"

/* Statement text may emphasise words, as the Improvement Service checklist does to tell
 * paired statements apart ("my own organisation", "the other partners"). The markup is
 * GMarkup-escaped text with <em>…</em> around emphasised runs and nothing else. It
 * comes from the designer, from files and from pasted text, so the parser never fails:
 * anything that is not <em>, </em> or a character reference is taken as the literal
 * text it spells, and unbalanced tags are settled (a stray </em> is dropped, an
 * unclosed <em> ends with the text). */

#define EM_OPEN  "<em>"
#define EM_CLOSE "</em>"

/* Longest reference read: "&#x10FFFF;" */
#define MAX_REFERENCE 10

static gboolean
parse_numeric_reference (const char *digits,
                         gsize       length,
                         gunichar   *c)
{
  char buffer[MAX_REFERENCE + 1];
  guint64 value;
  guint base = 10;

  if (length > 0 && (digits[0] == 'x' || digits[0] == 'X'))
    {
      base = 16;
      digits++;
      length--;
    }
  if (length == 0 || length >= sizeof buffer)
    return FALSE;
  memcpy (buffer, digits, length);
  buffer[length] = '\0';
  /* g_ascii_string_to_unsigned accepts only digits of the base: no sign, no space. */
  if (!g_ascii_string_to_unsigned (buffer, base, 1, 0x10FFFF, &value, NULL))
    return FALSE;
  *c = (gunichar) value;
  return g_unichar_validate (*c);
}

/* Returns the length of the character reference at @p ("&amp;", "&#233;", "&#x1F;")
 * and the character it stands for, or 0 when @p does not start one. */
static gsize
parse_reference (const char *p,
                 gunichar   *c)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "lt", '<' }, { "gt", '>' }, { "amp", '&' }, { "quot", '"' }, { "apos", '\'' },
  };
  const char *semicolon;
  gsize length;

  g_assert (*p == '&');

  /* Not memchr: the string may end before MAX_REFERENCE bytes. */
  for (semicolon = p + 1; *semicolon != ';'; semicolon++)
    if (*semicolon == '\0' || semicolon - p > MAX_REFERENCE)
      return 0;
  length = semicolon - (p + 1);
  if (length == 0)
    return 0;

  if (p[1] == '#')
    return parse_numeric_reference (p + 2, length - 1, c) ? length + 2 : 0;
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (strlen (named[i].name) == length && strncmp (p + 1, named[i].name, length) == 0)
      {
        *c = named[i].c;
        return length + 2;
      }
  return 0;
}

static void
add_span (GArray *spans,
          gsize   start,
          gsize   end)
{
  TrellisTextSpan span = { (guint) start, (guint) end };

  if (end <= start)
    return;
  if (spans->len > 0)
    {
      TrellisTextSpan *last = &g_array_index (spans, TrellisTextSpan, spans->len - 1);

      if (last->end == start)
        {
          last->end = span.end;
          return;
        }
    }
  g_array_append_val (spans, span);
}

/**
 * trellis_markup_parse:
 * @markup: statement markup: escaped text with <em>…</em> around emphasised words
 * @spans: (out) (optional) (element-type TrellisTextSpan): where to store the
 *   emphasised runs of the returned text
 *
 * Reads statement markup. Never fails: see the comment at the top of this file.
 * Invalid UTF-8 is replaced as g_utf8_make_valid() does.
 *
 * Returns: (transfer full): the plain text
 */
char *
trellis_markup_parse (const char  *markup,
                      GArray     **spans)
{
  g_autofree char *valid = NULL;
  g_autoptr(GArray) runs = NULL;
  GString *text;
  guint depth = 0;
  gsize run_start = 0;

  g_return_val_if_fail (markup != NULL, NULL);

  valid = g_utf8_make_valid (markup, -1);
  text = g_string_sized_new (strlen (valid));
  runs = g_array_new (FALSE, FALSE, sizeof (TrellisTextSpan));

  for (const char *p = valid; *p != '\0';)
    {
      gunichar c;
      gsize length;

      if (g_str_has_prefix (p, EM_OPEN))
        {
          if (depth++ == 0)
            run_start = text->len;
          p += strlen (EM_OPEN);
        }
      else if (g_str_has_prefix (p, EM_CLOSE))
        {
          if (depth > 0 && --depth == 0)
            add_span (runs, run_start, text->len);
          p += strlen (EM_CLOSE);
        }
      else if (*p == '&' && (length = parse_reference (p, &c)) > 0)
        {
          g_string_append_unichar (text, c);
          p += length;
        }
      else
        g_string_append_c (text, *p++);
    }
  if (depth > 0)
    add_span (runs, run_start, text->len);

  if (spans != NULL)
    *spans = g_steal_pointer (&runs);
  return g_string_free (text, FALSE);
}

static gboolean
spans_are_valid (const char            *text,
                 const TrellisTextSpan *spans,
                 guint                  n_spans)
{
  gsize length = strlen (text);
  guint previous_end = 0;

  for (guint i = 0; i < n_spans; i++)
    {
      if (spans[i].start >= spans[i].end || spans[i].end > length ||
          (i > 0 && spans[i].start <= previous_end))
        return FALSE;
      previous_end = spans[i].end;
    }
  return TRUE;
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

static char *
build_tagged (const char            *text,
              const TrellisTextSpan *spans,
              guint                  n_spans,
              const char            *open,
              const char            *close)
{
  GString *out = g_string_sized_new (strlen (text) + n_spans * 9);
  gsize done = 0;

  for (guint i = 0; i < n_spans; i++)
    {
      append_escaped (out, text + done, spans[i].start - done);
      g_string_append (out, open);
      append_escaped (out, text + spans[i].start, spans[i].end - spans[i].start);
      g_string_append (out, close);
      done = spans[i].end;
    }
  append_escaped (out, text + done, -1);
  return g_string_free (out, FALSE);
}

/**
 * trellis_markup_build:
 * @text: plain text
 * @spans: (array length=n_spans) (nullable): its emphasised runs, as
 *   trellis_markup_parse() returns them
 *
 * Returns: (transfer full): @text as statement markup: escaped with
 *   g_markup_escape_text(), with <em>…</em> around each span
 */
char *
trellis_markup_build (const char            *text,
                      const TrellisTextSpan *spans,
                      guint                  n_spans)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (n_spans == 0 || spans != NULL, NULL);
  g_return_val_if_fail (spans_are_valid (text, spans, n_spans), NULL);

  return build_tagged (text, spans, n_spans, EM_OPEN, EM_CLOSE);
}

/**
 * trellis_markup_to_pango:
 * @markup: statement markup
 *
 * Returns: (transfer full): the same text as Pango markup, emphasis in italics, safe
 *   to give to gtk_label_set_markup() or pango_layout_set_markup() whatever @markup held
 */
char *
trellis_markup_to_pango (const char *markup)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (markup != NULL, NULL);

  text = trellis_markup_parse (markup, &spans);
  return build_tagged (text, (const TrellisTextSpan *) spans->data, spans->len, "<i>", "</i>");
}
