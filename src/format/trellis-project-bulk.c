/* trellis-project-bulk.c: a project's responses and comments, read as they stream past
 * the parser and written without a tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-project-io"

#include "config.h"

#include <string.h>

#include <libxml/SAX2.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "trellis-huge-pages.h"
#include "trellis-project-bulk-private.h"
#include "trellis-project-io-private.h"

#define NS_IS_TRELLIS(uri) ((uri) != NULL && strcmp ((const char *) (uri), TRELLIS_PROJECT_NAMESPACE) == 0)

typedef enum
{
  DIVERT_NONE,
  DIVERT_RESPONSE,
  DIVERT_ANSWERS,
  DIVERT_COMMENT,
} DivertKind;

/* What the bytes after libxml2's position are read as, without it (see
 * _trellis_bulk_reader_feed()). */
typedef enum
{
  PLAIN_NONE,
  PLAIN_ANSWERS,   /* the text of an <answers> block */
  PLAIN_COMMENTS,  /* the <comment> elements of a round's <comments> */
} PlainKind;

struct _BulkReader
{
  guint64        max_tree_nodes;
  guint64        n_tree_nodes;
  gboolean       too_many_nodes;

  GPtrArray     *responses;   /* BulkResponses, owned */
  GPtrArray     *comments;    /* BulkComments, owned */

  /* The element whose content is being read past the tree, and how deep inside it. */
  DivertKind     kind;
  guint          depth;
  BulkResponses *rows;
  BulkComments  *notes;
  GString       *text;
  long           line;
  guint8         comment_flags;
  guint32        response_group;

  /* Reading plain parts past libxml2: which container the last event opened (only
   * while nothing else has happened since), what is being read, and the bytes kept
   * back from the last piece (a tag or a comment it cut). */
  PlainKind      opened;
  PlainKind      plain;
  GString       *window;
  guint64        n_plain_bytes;
};

/* ctxt->_private points to the caller's state, whose first member is the reader. */
static BulkReader *
reader_of (void *ctx)
{
  xmlParserCtxt *ctxt = ctx;

  return *(BulkReader **) ctxt->_private;
}

static void
problem_clear (BulkProblem *problem)
{
  g_clear_pointer (&problem->text, g_free);
}

static void
bulk_responses_free (BulkResponses *rows)
{
  g_clear_pointer (&rows->answers, g_byte_array_unref);
  g_array_unref (rows->groups);
  g_array_unref (rows->lines);
  g_ptr_array_unref (rows->group_names);
  g_hash_table_unref (rows->group_index);
  problem_clear (&rows->problem);
  g_free (rows);
}

static void
bulk_comments_free (BulkComments *notes)
{
  if (notes->texts != NULL)
    g_string_free (notes->texts, TRUE);
  g_array_unref (notes->offsets);
  g_byte_array_unref (notes->flags);
  problem_clear (&notes->problem);
  g_free (notes);
}

BulkReader *
_trellis_bulk_reader_new (guint64 max_tree_nodes)
{
  BulkReader *reader = g_new0 (BulkReader, 1);

  reader->max_tree_nodes = max_tree_nodes;
  reader->responses = g_ptr_array_new_with_free_func ((GDestroyNotify) bulk_responses_free);
  reader->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) bulk_comments_free);
  reader->text = g_string_new (NULL);
  reader->window = g_string_new (NULL);
  return reader;
}

void
_trellis_bulk_reader_free (BulkReader *reader)
{
  if (reader == NULL)
    return;
  g_ptr_array_unref (reader->responses);
  g_ptr_array_unref (reader->comments);
  g_string_free (reader->text, TRUE);
  g_string_free (reader->window, TRUE);
  g_free (reader);
}

gboolean
_trellis_bulk_reader_get_too_many_nodes (BulkReader *reader)
{
  return reader->too_many_nodes;
}

/* How many bytes were read past libxml2 (see _trellis_bulk_reader_feed()): for tests. */
guint64
_trellis_bulk_reader_get_n_plain_bytes (BulkReader *reader)
{
  return reader->n_plain_bytes;
}

/* The tree holds only the checklist, the plan and each round's few small elements: a
 * file of millions of other elements is not a project, and would cost a hundred times
 * its size in memory. */
static gboolean
count_tree_node (BulkReader    *reader,
                 xmlParserCtxt *ctxt)
{
  if (++reader->n_tree_nodes <= reader->max_tree_nodes)
    return TRUE;
  reader->too_many_nodes = TRUE;
  xmlStopParser (ctxt);
  return FALSE;
}

static void
set_problem (BulkProblem     *problem,
             BulkProblemKind  kind,
             long             line,
             const char      *element,
             const char      *text,
             gsize            text_length)
{
  if (problem->kind != BULK_PROBLEM_NONE)
    return;
  problem->kind = kind;
  problem->line = line;
  problem->element = element;
  problem->text = text != NULL ? g_strndup (text, text_length) : NULL;
}

/* ---- answers ------------------------------------------------------------------------ */

/* Format 1.3 answer characters: points in hexadecimal digits (a scale has at most
 * TRELLIS_SCALE_MAX_POINTS, 11), n not applicable, d don't know, s not shown, - blank. */
#define NO_ANSWER G_MININT8

static const gint8 *
answer_table (void)
{
  static gint8 table[256];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint c = 0; c < 256; c++)
        table[c] = NO_ANSWER;
      for (guint point = 1; point <= MIN (TRELLIS_SCALE_MAX_POINTS, 9); point++)
        table['0' + point] = (gint8) point;
      for (guint point = 10; point <= TRELLIS_SCALE_MAX_POINTS; point++)
        table['A' + point - 10] = (gint8) point;
      table['n'] = TRELLIS_ANSWER_NOT_APPLICABLE;
      table['d'] = TRELLIS_ANSWER_DONT_KNOW;
      table['s'] = TRELLIS_ANSWER_NOT_SHOWN;
      table['-'] = TRELLIS_ANSWER_BLANK;
      g_once_init_leave (&done, 1);
    }
  return table;
}

gboolean
_trellis_bulk_answer_from_char (char           c,
                                TrellisAnswer *answer)
{
  gint8 value = answer_table ()[(guchar) c];

  if (value == NO_ANSWER)
    return FALSE;
  *answer = value;
  return TRUE;
}

static gboolean
can_add_row (BulkResponses *rows)
{
  return rows->problem.kind == BULK_PROBLEM_NONE;
}

static void
add_row_group (BulkResponses *rows,
               guint32        group,
               long           line)
{
  guint32 line32 = (guint32) MIN (line, (long) G_MAXUINT32);

  g_array_append_val (rows->groups, group);
  g_array_append_val (rows->lines, line32);
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The respondent's group after the answers: its position in <groups>, from 1. */
static void
read_answer_group (BulkResponses *rows,
                   const char    *p,
                   const char    *end,
                   long           line)
{
  const char *start;
  guint64 group = 0;

  while (p < end && is_blank (*p))
    p++;
  start = p;
  while (p < end && g_ascii_isdigit (*p) && group <= G_MAXUINT32)
    group = group * 10 + (guint) (*p++ - '0');
  if (p < end || (p > start && (group == 0 || group > G_MAXUINT32)))
    {
      g_byte_array_set_size (rows->answers, rows->answers->len - rows->n_items);
      set_problem (&rows->problem, BULK_PROBLEM_GROUP, line, "answers", start, end - start);
      return;
    }
  add_row_group (rows, (guint32) group, line);
}

/* A line that did not translate: says how many answers it has, or which is wrong. */
static void
explain_answer_line (BulkResponses *rows,
                     const char    *start,
                     const char    *end,
                     long           line)
{
  const gint8 *table = answer_table ();
  const char *p = start;

  while (p < end && !is_blank (*p))
    p++;
  if ((gsize) (p - start) != rows->n_items)
    {
      set_problem (&rows->problem, BULK_PROBLEM_COUNT, line, "answers", NULL, 0);
      rows->problem.found = p - start;
      return;
    }
  for (p = start; table[(guchar) *p] != NO_ANSWER; p++)
    ;
  set_problem (&rows->problem, BULK_PROBLEM_TOKEN, line, "answers", p, 1);
  rows->problem.item = p - start;
}

/* Translates @n answer characters into @out; %FALSE if any is no answer. Sixteen at a
 * time where SSE2 is (every x86-64), by the same rules as answer_table(): points 1 to
 * 9 as digits, 10 on as letters from A, and the four characters that are no point. */
static gboolean
decode_answers (const char *p,
                guint       n,
                guint8     *out)
{
  const gint8 *table = answer_table ();
  gboolean bad = FALSE;
  guint i = 0;

#ifdef __SSE2__
  G_STATIC_ASSERT (TRELLIS_SCALE_MAX_POINTS >= 10 && TRELLIS_SCALE_MAX_POINTS < 10 + 26);
  guint good = 0xFFFF;

  for (; i + 16 <= n; i += 16)
    {
      __m128i c = _mm_loadu_si128 ((const __m128i *) (p + i));
      __m128i digit = _mm_sub_epi8 (c, _mm_set1_epi8 ('1'));
      __m128i letter = _mm_sub_epi8 (c, _mm_set1_epi8 ('A'));
      __m128i is_digit = _mm_cmpeq_epi8 (_mm_min_epu8 (digit, _mm_set1_epi8 (8)), digit);
      __m128i is_letter = _mm_cmpeq_epi8 (_mm_min_epu8 (letter, _mm_set1_epi8 (TRELLIS_SCALE_MAX_POINTS - 10)), letter);
      __m128i na = _mm_cmpeq_epi8 (c, _mm_set1_epi8 ('n'));
      __m128i dk = _mm_cmpeq_epi8 (c, _mm_set1_epi8 ('d'));
      __m128i ns = _mm_cmpeq_epi8 (c, _mm_set1_epi8 ('s'));
      __m128i blank = _mm_cmpeq_epi8 (c, _mm_set1_epi8 ('-'));
      __m128i points = _mm_or_si128 (_mm_and_si128 (is_digit, _mm_add_epi8 (digit, _mm_set1_epi8 (1))),
                                     _mm_and_si128 (is_letter, _mm_add_epi8 (letter, _mm_set1_epi8 (10))));
      __m128i others = _mm_or_si128 (_mm_or_si128 (_mm_and_si128 (na, _mm_set1_epi8 (TRELLIS_ANSWER_NOT_APPLICABLE)),
                                                   _mm_and_si128 (dk, _mm_set1_epi8 (TRELLIS_ANSWER_DONT_KNOW))),
                                     _mm_or_si128 (_mm_and_si128 (ns, _mm_set1_epi8 (TRELLIS_ANSWER_NOT_SHOWN)),
                                                   _mm_and_si128 (blank, _mm_set1_epi8 (TRELLIS_ANSWER_BLANK))));
      __m128i known = _mm_or_si128 (_mm_or_si128 (is_digit, is_letter),
                                    _mm_or_si128 (_mm_or_si128 (na, dk), _mm_or_si128 (ns, blank)));

      _mm_storeu_si128 ((__m128i *) (out + i), _mm_or_si128 (points, others));
      good &= (guint) _mm_movemask_epi8 (known);
    }
  bad = good != 0xFFFF;
#endif
  for (; i < n; i++)
    {
      gint8 value = table[(guchar) p[i]];

      out[i] = (guint8) value;
      bad |= value == NO_ANSWER;
    }
  return !bad;
}

/* One line of an <answers> block: one character per item, then optionally the
 * respondent's group as a position in <groups>, counted from 1. The usual line is
 * translated in one pass without a branch per character; any other is explained. */
static void
read_answer_line (BulkResponses *rows,
                  const char    *p,
                  const char    *end,
                  long           line)
{
  guint n_items = rows->n_items;
  guint8 *out;

  while (p < end && is_blank (*p))
    p++;
  while (end > p && is_blank (end[-1]))
    end--;
  if (p == end || !can_add_row (rows))
    return;
  if ((gsize) (end - p) < n_items || (p + n_items < end && !is_blank (p[n_items])))
    {
      explain_answer_line (rows, p, end, line);
      return;
    }
  g_byte_array_set_size (rows->answers, rows->answers->len + n_items);
  out = rows->answers->data + rows->answers->len - n_items;
  if (G_UNLIKELY (!decode_answers (p, n_items, out)))
    {
      g_byte_array_set_size (rows->answers, rows->answers->len - n_items);
      explain_answer_line (rows, p, end, line);
      return;
    }
  read_answer_group (rows, p + n_items, end, line);
}

/* The text of an <answers> block arrives in pieces; whole lines are read at once and
 * only a line cut between two pieces is copied. */
static void
read_answer_text (BulkReader *reader,
                  const char *text,
                  gsize       length)
{
  const char *end = text + length;

  while (text < end)
    {
      const char *newline = memchr (text, '\n', end - text);

      if (newline == NULL)
        {
          g_string_append_len (reader->text, text, end - text);
          return;
        }
      if (reader->text->len > 0)
        {
          g_string_append_len (reader->text, text, newline - text);
          read_answer_line (reader->rows, reader->text->str, reader->text->str + reader->text->len, reader->line);
          g_string_truncate (reader->text, 0);
        }
      else
        read_answer_line (reader->rows, text, newline, reader->line);
      reader->line++;
      text = newline + 1;
    }
}

/* A 1.0–1.2 <response>: answers as tokens separated by spaces. */
static void
read_response_tokens (BulkReader *reader)
{
  BulkResponses *rows = reader->rows;
  const char *p = reader->text->str;
  guint n = 0;
  gsize row_start = rows->answers->len;

  if (!can_add_row (rows))
    return;
  g_byte_array_set_size (rows->answers, row_start + rows->n_items);
  for (;;)
    {
      const char *start;
      TrellisAnswer answer;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      if (n >= rows->n_items)
        {
          n++;
          continue;
        }
      if (!_trellis_answer_parse (start, p - start, "-", &answer))
        {
          g_byte_array_set_size (rows->answers, row_start);
          set_problem (&rows->problem, BULK_PROBLEM_TOKEN, reader->line, "response", start, p - start);
          rows->problem.item = n;
          return;
        }
      rows->answers->data[row_start + n] = (guint8) answer;
      n++;
    }
  if (n != rows->n_items)
    {
      g_byte_array_set_size (rows->answers, row_start);
      set_problem (&rows->problem, BULK_PROBLEM_COUNT, reader->line, "response", NULL, 0);
      rows->problem.found = n;
      return;
    }
  /* Only a whole row counts: the answers and the groups stay row for row. */
  add_row_group (rows, reader->response_group, reader->line);
}

/* ---- element handlers ---------------------------------------------------------------- */

static char *
dup_attribute (const xmlChar **attributes,
               int             n_attributes,
               const char     *name)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + 5 * i;

      if (attribute[1] == NULL && strcmp ((const char *) attribute[0], name) == 0)
        return g_strndup ((const char *) attribute[3], attribute[4] - attribute[3]);
    }
  return NULL;
}

static guint
count_items (const char *items)
{
  guint n = 0;

  for (const char *p = items; p != NULL && *p != '\0'; )
    {
      while (is_blank (*p))
        p++;
      if (*p == '\0')
        break;
      n++;
      while (*p != '\0' && !is_blank (*p))
        p++;
    }
  return n;
}

static BulkResponses *
bulk_responses_new (const char *items)
{
  BulkResponses *rows = g_new0 (BulkResponses, 1);

  rows->n_items = count_items (items);
  rows->answers = g_byte_array_new ();
  rows->groups = g_array_new (FALSE, FALSE, sizeof (guint32));
  rows->lines = g_array_new (FALSE, FALSE, sizeof (guint32));
  rows->group_names = g_ptr_array_new_with_free_func (g_free);
  rows->group_index = g_hash_table_new (g_str_hash, g_str_equal);
  return rows;
}

static gboolean
read_flag (const char *text,
           gboolean   *value)
{
  if (text == NULL)
    *value = FALSE;
  else if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *value = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static void
start_comment (BulkReader     *reader,
               const xmlChar **attributes,
               int             n_attributes)
{
  static const struct { const char *name; TrellisCommentFlags flag; } marks[] = {
    { "key", TRELLIS_COMMENT_KEY },
    { "hidden", TRELLIS_COMMENT_HIDDEN },
  };

  reader->comment_flags = 0;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autofree char *text = dup_attribute (attributes, n_attributes, marks[i].name);
      gboolean value;

      if (!read_flag (text, &value))
        {
          set_problem (&reader->notes->problem, BULK_PROBLEM_BOOLEAN, reader->line, "comment", text, strlen (text));
          reader->notes->problem.attribute = marks[i].name;
          return;
        }
      if (value)
        reader->comment_flags |= marks[i].flag;
    }
}

static void
start_response (BulkReader     *reader,
                const xmlChar **attributes,
                int             n_attributes)
{
  BulkResponses *rows = reader->rows;
  g_autofree char *group = dup_attribute (attributes, n_attributes, "group");
  guint32 index = 0;

  if (group != NULL && *group != '\0')
    {
      index = GPOINTER_TO_UINT (g_hash_table_lookup (rows->group_index, group));
      if (index == 0)
        {
          g_ptr_array_add (rows->group_names, g_strdup (group));
          index = rows->group_names->len;
          g_hash_table_insert (rows->group_index, g_ptr_array_index (rows->group_names, index - 1),
                               GUINT_TO_POINTER (index));
        }
    }
  reader->response_group = index;
}

/* Starts reading past the tree when @localname is one of the large parts. */
static gboolean
start_divert (BulkReader     *reader,
              xmlParserCtxt  *ctxt,
              const xmlChar  *localname,
              const xmlChar  *uri,
              const xmlChar **attributes,
              int             n_attributes)
{
  xmlNode *parent = ctxt->node;
  const char *name = (const char *) localname;

  if (parent == NULL || parent->_private == NULL || !NS_IS_TRELLIS (uri))
    return FALSE;
  reader->line = ctxt->input != NULL ? ctxt->input->line : 0;
  g_string_truncate (reader->text, 0);
  if (g_str_equal ((const char *) parent->name, "comments") && g_str_equal (name, "comment"))
    {
      reader->kind = DIVERT_COMMENT;
      reader->notes = parent->_private;
      start_comment (reader, attributes, n_attributes);
    }
  else if (g_str_equal ((const char *) parent->name, "responses") &&
           (g_str_equal (name, "response") || g_str_equal (name, "answers")))
    {
      reader->rows = parent->_private;
      reader->kind = name[0] == 'r' ? DIVERT_RESPONSE : DIVERT_ANSWERS;
      if (reader->kind == DIVERT_RESPONSE)
        reader->rows->has_response = TRUE;
      else
        reader->rows->has_answers = TRUE;
      if (reader->rows->has_response && reader->rows->has_answers)
        set_problem (&reader->rows->problem, BULK_PROBLEM_MIXED, reader->line, "answers", NULL, 0);
      if (reader->kind == DIVERT_RESPONSE)
        start_response (reader, attributes, n_attributes);
    }
  else
    return FALSE;
  reader->depth = 1;
  return TRUE;
}

/* A comment read whole, kept unless its container has a problem already. All of a
 * container's comments share one allocation (trellis_round_take_comment_block()). */
static void
add_comment (BulkComments *notes,
             const char   *text,
             gsize         length,
             guint8        flags)
{
  gsize offset = notes->texts->len;

  if (notes->problem.kind != BULK_PROBLEM_NONE)
    return;
  g_string_append_len (notes->texts, text, length);
  g_string_append_c (notes->texts, '\0');
  g_array_append_val (notes->offsets, offset);
  g_byte_array_append (notes->flags, &flags, 1);
}

static void
end_divert (BulkReader *reader)
{
  switch (reader->kind)
    {
    case DIVERT_RESPONSE:
      read_response_tokens (reader);
      break;
    case DIVERT_ANSWERS:
      read_answer_line (reader->rows, reader->text->str, reader->text->str + reader->text->len, reader->line);
      break;
    case DIVERT_COMMENT:
      add_comment (reader->notes, reader->text->str, reader->text->len, reader->comment_flags);
      break;
    case DIVERT_NONE:
    default:
      break;
    }
  reader->kind = DIVERT_NONE;
  g_string_truncate (reader->text, 0);
}

/* A round's <responses> and <comments> carry what their children held. */
static void
mark_container (BulkReader    *reader,
                xmlParserCtxt *ctxt,
                const xmlChar **attributes,
                int             n_attributes)
{
  xmlNode *node = ctxt->node;
  xmlNode *parent = node != NULL ? node->parent : NULL;

  if (parent == NULL || parent->type != XML_ELEMENT_NODE || !g_str_equal ((const char *) parent->name, "round") ||
      !_trellis_xml_is_element (parent, "round"))
    return;
  if (_trellis_xml_is_element (node, "responses"))
    {
      g_autofree char *items = dup_attribute (attributes, n_attributes, "items");
      BulkResponses *rows = bulk_responses_new (items);

      g_ptr_array_add (reader->responses, rows);
      node->_private = rows;
    }
  else if (_trellis_xml_is_element (node, "comments"))
    {
      BulkComments *notes = g_new0 (BulkComments, 1);

      notes->texts = g_string_new (NULL);
      notes->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
      notes->flags = g_byte_array_new ();
      g_ptr_array_add (reader->comments, notes);
      node->_private = notes;
      reader->opened = PLAIN_COMMENTS;
    }
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  BulkReader *reader = reader_of (ctx);
  xmlParserCtxt *ctxt = ctx;

  reader->opened = PLAIN_NONE;
  if (reader->depth > 0)
    {
      reader->depth++;
      return;
    }
  if (start_divert (reader, ctxt, localname, uri, attributes, n_attributes))
    {
      if (reader->kind == DIVERT_ANSWERS)
        reader->opened = PLAIN_ANSWERS;
      return;
    }
  if (!count_tree_node (reader, ctxt))
    return;
  xmlSAX2StartElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
  mark_container (reader, ctxt, attributes, n_attributes);
}

static void
on_end_element (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  BulkReader *reader = reader_of (ctx);

  reader->opened = PLAIN_NONE;
  if (reader->depth > 0)
    {
      if (--reader->depth == 0)
        end_divert (reader);
      return;
    }
  xmlSAX2EndElementNs (ctx, localname, prefix, uri);
}

static void
on_characters (void          *ctx,
               const xmlChar *text,
               int            length)
{
  BulkReader *reader = reader_of (ctx);
  xmlParserCtxt *ctxt = ctx;
  xmlNode *parent = ctxt->node;

  reader->opened = PLAIN_NONE;
  if (reader->depth > 0)
    {
      if (reader->kind == DIVERT_ANSWERS)
        read_answer_text (reader, (const char *) text, length);
      else
        g_string_append_len (reader->text, (const char *) text, length);
      return;
    }
  /* Between the rows and comments there is only indentation. */
  if (parent != NULL && parent->_private != NULL)
    return;
  if (parent != NULL && (parent->last == NULL || parent->last->type != XML_TEXT_NODE) &&
      !count_tree_node (reader, ctxt))
    return;
  xmlSAX2Characters (ctx, text, length);
}

static void
on_comment (void          *ctx,
            const xmlChar *value)
{
  BulkReader *reader = reader_of (ctx);
  xmlParserCtxt *ctxt = ctx;

  reader->opened = PLAIN_NONE;
  if (reader->depth > 0 || (ctxt->node != NULL && ctxt->node->_private != NULL) ||
      !count_tree_node (reader, ctxt))
    return;
  xmlSAX2Comment (ctx, value);
}

static void
on_processing_instruction (void          *ctx,
                           const xmlChar *target,
                           const xmlChar *data)
{
  BulkReader *reader = reader_of (ctx);
  xmlParserCtxt *ctxt = ctx;

  reader->opened = PLAIN_NONE;
  if (reader->depth > 0 || (ctxt->node != NULL && ctxt->node->_private != NULL) ||
      !count_tree_node (reader, ctxt))
    return;
  xmlSAX2ProcessingInstruction (ctx, target, data);
}

void
_trellis_bulk_reader_attach (BulkReader    *reader,
                             xmlParserCtxt *ctxt)
{
  ctxt->sax->startElementNs = on_start_element;
  ctxt->sax->endElementNs = on_end_element;
  ctxt->sax->characters = on_characters;
  ctxt->sax->ignorableWhitespace = on_characters;
  ctxt->sax->comment = on_comment;
  ctxt->sax->processingInstruction = on_processing_instruction;
}

/* ---- plain parts, read past libxml2 ---------------------------------------------------- */

/* Most of a large project is an <answers> block of plain ASCII and <comment> elements
 * holding plain text. Where they are exactly what Trellis writes, the bytes are read
 * here without passing through libxml2, which would tokenise them to hand over the
 * same bytes; everything else (another form, an entity, a carriage return, a truncated
 * element) goes to libxml2 as before, so what is refused and what is read stay the
 * same. A part is read here only when libxml2 has taken every byte up to it and the
 * last event was the start of its container, and what is read here is well-formed
 * content, so the document libxml2 sees is well-formed if and only if the file is. */

#define PLAIN_MAX_KEPT (64 * 1024)

enum { PLAIN_STOP = 0, PLAIN_BYTE = 1, PLAIN_NEWLINE = 2, PLAIN_HIGH = 4 };

/* Character data that libxml2 would hand over unchanged: ASCII from the space on but &,
 * < and > (which also rules out "]]>"), tabs and newlines; for comments, bytes of UTF-8
 * sequences, checked once the comment is whole. */
static const guint8 *
plain_text_table (gboolean utf8)
{
  static guint8 tables[2][256];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint t = 0; t < 2; t++)
        {
          for (guint c = 0x20; c < 0x80; c++)
            tables[t][c] = PLAIN_BYTE;
          tables[t]['&'] = tables[t]['<'] = tables[t]['>'] = PLAIN_STOP;
          tables[t]['\t'] = PLAIN_BYTE;
          tables[t]['\n'] = PLAIN_NEWLINE;
        }
      for (guint c = 0x80; c < 256; c++)
        tables[1][c] = PLAIN_HIGH;
      g_once_init_leave (&done, 1);
    }
  return tables[utf8 ? 1 : 0];
}

/* Whether @text (valid UTF-8 as far as GLib is concerned) holds only XML characters:
 * GLib already refuses surrogates and NUL, which leaves U+FFFE and U+FFFF. */
static gboolean
is_xml_utf8 (const char *text,
             gsize       length)
{
  if (!g_utf8_validate_len (text, length, NULL))
    return FALSE;
  for (const char *p = memchr (text, 0xEF, length); p != NULL;
       p = memchr (p + 1, 0xEF, text + length - (p + 1)))
    if ((guchar) p[1] == 0xBF && ((guchar) p[2] == 0xBE || (guchar) p[2] == 0xBF))
      return FALSE;
  return TRUE;
}

/* How many bits @mask has set; masks here mark newlines, a few at most. */
static inline guint
count_bits (guint mask)
{
  guint n = 0;

  for (; mask != 0; mask &= mask - 1)
    n++;
  return n;
}

/* The end of the plain text at @p: the first <, or another byte libxml2 would not
 * hand over as it is, or @end. Counts the newlines, and says whether there were bytes
 * of UTF-8 sequences (to be checked) in @high. Sixteen bytes at a time where SSE2 is
 * (every x86-64): the bytes that stop the text are marked, the newlines counted. */
static const char *
scan_plain_text (const char *p,
                 const char *end,
                 gboolean    utf8,
                 long       *n_lines,
                 gboolean   *high)
{
  const guint8 *plain = plain_text_table (utf8);
  const char *limit = memchr (p, '<', end - p);

  if (limit == NULL)
    limit = end;
#ifdef __SSE2__
  for (; limit - p >= 16; p += 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) p);
      __m128i control = _mm_cmpeq_epi8 (_mm_max_epu8 (bytes, _mm_set1_epi8 (0x1F)), _mm_set1_epi8 (0x1F));
      __m128i newline = _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\n'));
      __m128i tab = _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\t'));
      __m128i markup = _mm_or_si128 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('&')),
                                     _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('>')));
      __m128i stops = _mm_or_si128 (_mm_andnot_si128 (_mm_or_si128 (newline, tab), control), markup);
      guint top = (guint) _mm_movemask_epi8 (bytes);
      guint lines = (guint) _mm_movemask_epi8 (newline);
      guint stop = (guint) _mm_movemask_epi8 (stops) | (utf8 ? 0 : top);

      if (stop != 0)
        {
          guint before = (stop & -stop) - 1;

          *n_lines += count_bits (lines & before);
          *high |= (top & before) != 0;
          return p + count_bits (before);
        }
      *n_lines += count_bits (lines);
      *high |= top != 0;
    }
#endif
  for (; p < limit; p++)
    {
      guint8 kind = plain[(guchar) *p];

      if (kind == PLAIN_STOP)
        break;
      *n_lines += kind == PLAIN_NEWLINE;
      *high |= kind == PLAIN_HIGH;
    }
  return p;
}

/* libxml2 counts lines as it reads; bytes read here are counted for it, so that later
 * messages name the right line. */
static void
skip_lines (xmlParserCtxt *ctxt,
            long           n_lines)
{
  ctxt->input->line += (int) n_lines;
}

/* The text of an <answers> block up to its end tag, or anything else: read as libxml2
 * would hand it over, by the same function. */
static const char *
read_plain_answers (BulkReader    *reader,
                    xmlParserCtxt *ctxt,
                    const char    *p,
                    const char    *end)
{
  long line = reader->line, n_lines = 0;
  gboolean high = FALSE;
  const char *q = scan_plain_text (p, end, FALSE, &n_lines, &high);

  read_answer_text (reader, p, q - p);
  skip_lines (ctxt, reader->line - line);
  if (q < end)
    reader->plain = PLAIN_NONE;
  return q;
}

/* The marks of <comment>, as Trellis writes them: none, key, hidden, or both. */
static gssize
match_comment_tag (const char *p,
                   const char *end,
                   guint8     *flags)
{
  static const struct { const char *tag; guint8 flags; } tags[] = {
    { "<comment>", 0 },
    { "<comment key=\"true\">", TRELLIS_COMMENT_KEY },
    { "<comment hidden=\"true\">", TRELLIS_COMMENT_HIDDEN },
    { "<comment key=\"true\" hidden=\"true\">", TRELLIS_COMMENT_KEY | TRELLIS_COMMENT_HIDDEN },
  };
  gsize available = end - p;
  gboolean cut = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      gsize length = strlen (tags[i].tag);

      if (available >= length && memcmp (p, tags[i].tag, length) == 0)
        {
          *flags = tags[i].flags;
          return length;
        }
      cut |= available < length && memcmp (p, tags[i].tag, available) == 0;
    }
  return cut ? 0 : -1;
}

/* One <comment>TEXT</comment> at @p: its end, %NULL when the piece ends inside it, or
 * @p when it is not in the plain form. */
static const char *
read_plain_comment (BulkReader    *reader,
                    xmlParserCtxt *ctxt,
                    BulkComments  *notes,
                    const char    *p,
                    const char    *end)
{
  static const char end_tag[] = "</comment>";
  gssize tag_length = match_comment_tag (p, end, &reader->comment_flags);
  const char *text, *q;
  long n_lines = 0;
  gboolean high = FALSE;

  if (tag_length <= 0)
    return tag_length == 0 ? NULL : p;
  text = p + tag_length;
  q = scan_plain_text (text, end, TRUE, &n_lines, &high);
  if ((gsize) (end - q) < sizeof end_tag - 1)
    return q == end || memcmp (q, end_tag, end - q) == 0 ? NULL : p;
  if (memcmp (q, end_tag, sizeof end_tag - 1) != 0 || (high && !is_xml_utf8 (text, q - text)))
    return p;
  /* As end_divert() keeps it, at the line libxml2 would give. */
  reader->line = ctxt->input->line;
  add_comment (notes, text, q - text, reader->comment_flags);
  skip_lines (ctxt, n_lines);
  return q + sizeof end_tag - 1;
}

/* A round's <comment> elements and the blanks between them, up to anything else.
 * Returns where it stopped; sets @cut when the piece ended inside a comment. */
static const char *
read_plain_comments (BulkReader    *reader,
                     xmlParserCtxt *ctxt,
                     const char    *p,
                     const char    *end,
                     gboolean      *cut)
{
  BulkComments *notes = ctxt->node->_private;

  for (;;)
    {
      const char *next;
      long n_lines = 0;

      while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
        n_lines += *p++ == '\n';
      skip_lines (ctxt, n_lines);
      if (p == end)
        return p;
      next = read_plain_comment (reader, ctxt, notes, p, end);
      if (next == NULL)
        {
          *cut = TRUE;
          return p;
        }
      if (next == p)
        {
          reader->plain = PLAIN_NONE;
          return p;
        }
      p = next;
    }
}

/* Whether libxml2 has taken every byte given to it and just opened a container whose
 * content can be read here: an <answers> block, or a round's <comments> in which an
 * unprefixed <comment> is Trellis's. */
static PlainKind
plain_part_opened (BulkReader    *reader,
                   xmlParserCtxt *ctxt)
{
  xmlNs *ns;

  if (reader->opened == PLAIN_NONE || ctxt->disableSAX || ctxt->instate != XML_PARSER_CONTENT ||
      ctxt->inputNr != 1 || ctxt->input == NULL || ctxt->input->cur != ctxt->input->end ||
      ctxt->input->buf == NULL || ctxt->input->buf->encoder != NULL)
    return PLAIN_NONE;
  if (reader->opened == PLAIN_ANSWERS)
    return reader->depth == 1 && reader->kind == DIVERT_ANSWERS && reader->text->len == 0
           ? PLAIN_ANSWERS : PLAIN_NONE;
  if (reader->depth != 0 || ctxt->node == NULL || ctxt->node->_private == NULL ||
      !g_str_equal ((const char *) ctxt->node->name, "comments"))
    return PLAIN_NONE;
  ns = xmlSearchNs (ctxt->myDoc, ctxt->node, NULL);
  return ns != NULL && NS_IS_TRELLIS (ns->href) ? PLAIN_COMMENTS : PLAIN_NONE;
}

/* The end of the next start tag of a container read here, or %NULL; @kept is where
 * a tag the piece cuts begins. */
static const char *
find_plain_container (const char  *p,
                      const char  *end,
                      const char **kept)
{
  static const char * const names[] = { "<answers", "<comments" };

  *kept = NULL;
  for (p = memchr (p, '<', end - p); p != NULL; p = memchr (p + 1, '<', end - (p + 1)))
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        gsize length = strlen (names[i]);
        gsize available = end - p;
        const char *close;

        if (memcmp (p, names[i], MIN (length, available)) != 0)
          continue;
        close = available > length ? memchr (p + length, '>', available - length) : NULL;
        if (close == NULL)
          {
            *kept = end - p < 1024 ? p : NULL;
            return NULL;
          }
        if (close == p + length || p[length] == ' ')
          return close + 1;
      }
  return NULL;
}

static gboolean
feed_parser (xmlParserCtxt *ctxt,
             const char    *bytes,
             gsize          length)
{
  if (length > 0 && !ctxt->disableSAX)
    xmlParseChunk (ctxt, bytes, (int) length, 0);
  return !ctxt->disableSAX;
}

/* Hands [@p, @end) to libxml2, reading the plain parts here. Returns where it stopped:
 * @end, or the start of what the piece cut, to be given again with the next. */
static const char *
feed_piece (BulkReader    *reader,
            xmlParserCtxt *ctxt,
            const char    *p,
            const char    *end)
{
  while (p < end)
    {
      const char *kept, *stop;
      gboolean cut = FALSE;

      switch (reader->plain)
        {
        case PLAIN_ANSWERS:
          stop = read_plain_answers (reader, ctxt, p, end);
          reader->n_plain_bytes += stop - p;
          break;
        case PLAIN_COMMENTS:
          stop = read_plain_comments (reader, ctxt, p, end, &cut);
          reader->n_plain_bytes += stop - p;
          if (cut)
            return stop;
          break;
        case PLAIN_NONE:
        default:
          stop = find_plain_container (p, end, &kept);
          if (stop == NULL)
            {
              stop = kept != NULL ? kept : end;
              if (!feed_parser (ctxt, p, stop - p))
                return end;
              return stop;
            }
          if (!feed_parser (ctxt, p, stop - p))
            return end;
          reader->plain = plain_part_opened (reader, ctxt);
          break;
        }
      p = stop;
    }
  return p;
}

/**
 * _trellis_bulk_reader_feed:
 * @length: 0 at the end of the file
 *
 * Gives the next piece of the file to the parser (as xmlParseChunk() would, without
 * ending it), reading the plain parts of rounds here (see above). Bytes a piece cuts
 * in the middle of a comment or a tag are kept, up to PLAIN_MAX_KEPT, and given with
 * the next piece; at the end, whatever is kept goes to libxml2.
 *
 * Returns: %FALSE when the parser has stopped
 */
gboolean
_trellis_bulk_reader_feed (BulkReader    *reader,
                           xmlParserCtxt *ctxt,
                           const char    *piece,
                           gsize          length)
{
  GString *window = reader->window;
  const char *p = piece, *end = piece + length, *stop;

  if (length == 0)
    {
      reader->plain = PLAIN_NONE;
      feed_parser (ctxt, window->str, window->len);
      g_string_truncate (window, 0);
      return !ctxt->disableSAX;
    }
  if (window->len > 0)
    {
      g_string_append_len (window, piece, length);
      p = window->str;
      end = window->str + window->len;
    }
  stop = feed_piece (reader, ctxt, p, end);
  if ((gsize) (end - stop) > PLAIN_MAX_KEPT)
    {
      /* A comment this long is read by libxml2; so is what follows it. */
      reader->plain = PLAIN_NONE;
      feed_parser (ctxt, stop, end - stop);
      stop = end;
    }
  if (p == window->str)
    g_string_erase (window, 0, stop - window->str);
  else
    g_string_append_len (window, stop, end - stop);
  return !ctxt->disableSAX;
}

/* ---- writing ------------------------------------------------------------------------- */

/* Bytes copied as they are: text, UTF-8 sequences included, but not &, <, >, control
 * characters, or 0xEF, which may start U+FFFE or U+FFFF (not XML characters). */
static const guint8 *
plain_table (void)
{
  static guint8 plain[256];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint c = 0x20; c < 256; c++)
        plain[c] = 1;
      plain['<'] = plain['>'] = plain['&'] = plain[0xEF] = 0;
      plain['\t'] = plain['\n'] = 1;
      g_once_init_leave (&done, 1);
    }
  return plain;
}

/* Whether @text is UTF-8: ASCII, most of any comment, is passed over sixteen bytes at a
 * time (eight without SSE2); what follows the first other byte is checked as GLib
 * checks it. */
static gboolean
is_utf8 (const char *text,
         gsize       length)
{
  gsize i = 0;

#ifdef __SSE2__
  for (; i + 16 <= length; i += 16)
    if (_mm_movemask_epi8 (_mm_loadu_si128 ((const __m128i *) (text + i))) != 0)
      break;
#endif
  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
        break;
    }
  return g_utf8_validate_len (text + i, length - i, NULL);
}

/* The first byte from @p that is not copied as it is (see plain_table()), or @end. */
static const guchar *
find_unplain (const guchar *p,
              const guchar *end)
{
  const guint8 *plain = plain_table ();

#ifdef __SSE2__
  for (; end - p >= 16; p += 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) p);
      __m128i control = _mm_cmpeq_epi8 (_mm_max_epu8 (bytes, _mm_set1_epi8 (0x1F)), _mm_set1_epi8 (0x1F));
      __m128i spaces = _mm_or_si128 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\t')),
                                     _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\n')));
      __m128i markup = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('<')),
                                                   _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('>'))),
                                     _mm_or_si128 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('&')),
                                                   _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ((char) 0xEF))));
      guint found = (guint) _mm_movemask_epi8 (_mm_or_si128 (_mm_andnot_si128 (spaces, control), markup));

      if (found != 0)
        return p + g_bit_nth_lsf (found, -1);
    }
#endif
  while (p < end && plain[*p])
    p++;
  return p;
}

#ifdef __SSE2__
/* Which of the sixteen bytes at @p are not ASCII that is copied as it is: controls
 * other than tab and line feed, bytes from 0x80 on (a signed comparison takes them with
 * the controls), <, > and &. */
static inline guint
unplain_ascii_mask (const guchar *p)
{
  __m128i bytes = _mm_loadu_si128 ((const __m128i *) p);
  __m128i low = _mm_cmplt_epi8 (bytes, _mm_set1_epi8 (0x20));
  __m128i from_tab = _mm_sub_epi8 (bytes, _mm_set1_epi8 ('\t'));
  __m128i tab_or_lf = _mm_cmpeq_epi8 (_mm_min_epu8 (from_tab, _mm_set1_epi8 (1)), from_tab);
  /* '<' and '>' differ only in the bit of 2. */
  __m128i angle = _mm_cmpeq_epi8 (_mm_or_si128 (bytes, _mm_set1_epi8 (2)), _mm_set1_epi8 ('>'));
  __m128i amp = _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('&'));

  return (guint) _mm_movemask_epi8 (_mm_or_si128 (_mm_andnot_si128 (tab_or_lf, low), _mm_or_si128 (angle, amp)));
}
#endif

/* Whether @p is ASCII that needs no escape, as most comments are: then it is one copy,
 * after one pass that also stands for the check of UTF-8. The last sixteen bytes are
 * looked at together, overlapping those before, rather than one by one. */
static gboolean
is_plain_ascii (const guchar *p,
                gsize         length)
{
  const guint8 *plain = plain_table ();

#ifdef __SSE2__
  if (length >= 16)
    {
      const guchar *last = p + length - 16;

      for (; p < last; p += 16)
        if (unplain_ascii_mask (p) != 0)
          return FALSE;
      return unplain_ascii_mask (last) == 0;
    }
#endif
  for (const guchar *end = p + length; p < end; p++)
    if (*p >= 0x80 || !plain[*p])
      return FALSE;
  return TRUE;
}

/* Room for @n more bytes after out->len, which the caller fills and then counts with
 * text_ends_at(): one check for what would be several appends, each checking. */
static inline char *
room_for (GString *out,
          gsize    n)
{
  if (G_UNLIKELY (out->len + n >= out->allocated_len))
    {
      gsize length = out->len;

      g_string_set_size (out, length + n);
      out->len = length;
    }
  return out->str + out->len;
}

static inline void
text_ends_at (GString *out,
              char    *end)
{
  out->len = end - out->str;
  *end = '\0';
}

static inline char *
put (char       *o,
     const char *bytes,
     gsize       length)
{
  memcpy (o, bytes, length);
  return o + length;
}

/* Writes [@p, @end) at @o, escaped (see _trellis_bulk_append_escaped()), @o having
 * room for end - p bytes: runs that need nothing are copied whole, and room is made
 * again only at a byte that needs an escape. Returns where the text ends. */
static char *
write_escaped (GString      *out,
               char         *o,
               const guchar *p,
               const guchar *end)
{
  while (p < end)
    {
      const guchar *run = p;

      p = find_unplain (p, end);
      memcpy (o, run, p - run);
      o += p - run;
      if (p == end)
        break;
      /* An escape is at most five bytes for one. */
      out->len = o - out->str;
      o = room_for (out, 5 + (end - p));
      switch (*p)
        {
        case '<':
          o = put (o, "&lt;", 4);
          break;
        case '>':
          o = put (o, "&gt;", 4);
          break;
        case '&':
          o = put (o, "&amp;", 5);
          break;
        case '\r':
          o = put (o, "&#13;", 5);
          break;
        case 0xEF:
          /* Valid UTF-8 here: three bytes, U+FFFE and U+FFFF dropped. */
          if (!(p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
            o = put (o, (const char *) p, 3);
          p += 3;
          continue;
        default:
          break;  /* a control character XML cannot hold */
        }
      p++;
    }
  return o;
}

/* Writes @text escaped at the end of @out, after making room for it unescaped plus
 * @extra bytes the caller writes next. Text that is not UTF-8 is made so first. */
static char *
append_text (GString    *out,
             const char *text,
             gsize       length,
             gsize       extra)
{
  g_autofree char *valid = NULL;
  char *o;

  if (is_plain_ascii ((const guchar *) text, length))
    {
      o = room_for (out, length + extra);
      memcpy (o, text, length);
      return o + length;
    }
  if (!is_utf8 (text, length))
    {
      text = valid = g_utf8_make_valid (text, length);
      length = strlen (text);
    }
  o = room_for (out, length + extra);
  return write_escaped (out, o, (const guchar *) text, (const guchar *) text + length);
}

/* Text content as libxml2 writes it (&, <, > and carriage returns escaped), without
 * the characters XML cannot hold, so that a save never writes a file that will not
 * open again. Copied in runs: a comment without any of these is one copy. */
void
_trellis_bulk_append_escaped (GString    *out,
                              const char *text)
{
  text_ends_at (out, append_text (out, text, strlen (text), 0));
}

static const char *
answer_chars (void)
{
  static char chars[256];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Anything else the model might hold a summary counts as blank, and so does this. */
      memset (chars, '-', sizeof chars);
      for (guint point = 1; point <= TRELLIS_SCALE_MAX_POINTS; point++)
        chars[point] = point <= 9 ? (char) ('0' + point) : (char) ('A' + point - 10);
      chars[(guint8) TRELLIS_ANSWER_NOT_APPLICABLE] = 'n';
      chars[(guint8) TRELLIS_ANSWER_DONT_KNOW] = 'd';
      chars[(guint8) TRELLIS_ANSWER_NOT_SHOWN] = 's';
      g_once_init_leave (&done, 1);
    }
  return chars;
}

static guint
count_digits (guint value)
{
  guint n = 1;

  while (value >= 10)
    {
      value /= 10;
      n++;
    }
  return n;
}

#ifdef __SSE2__
/* Sixteen answers' characters, as answer_chars() has them: points 1 to 9 as digits, 10
 * on as letters from A, n, d and s, and - for anything else. */
static inline __m128i
answer_chars_of (__m128i values)
{
  __m128i digit = _mm_sub_epi8 (values, _mm_set1_epi8 (1));
  __m128i letter = _mm_sub_epi8 (values, _mm_set1_epi8 (10));
  __m128i is_digit = _mm_cmpeq_epi8 (_mm_min_epu8 (digit, _mm_set1_epi8 (8)), digit);
  __m128i is_letter = _mm_cmpeq_epi8 (_mm_min_epu8 (letter, _mm_set1_epi8 (TRELLIS_SCALE_MAX_POINTS - 10)), letter);
  __m128i na = _mm_cmpeq_epi8 (values, _mm_set1_epi8 (TRELLIS_ANSWER_NOT_APPLICABLE));
  __m128i dk = _mm_cmpeq_epi8 (values, _mm_set1_epi8 (TRELLIS_ANSWER_DONT_KNOW));
  __m128i ns = _mm_cmpeq_epi8 (values, _mm_set1_epi8 (TRELLIS_ANSWER_NOT_SHOWN));
  __m128i known = _mm_or_si128 (_mm_or_si128 (is_digit, is_letter), _mm_or_si128 (na, _mm_or_si128 (dk, ns)));
  __m128i points = _mm_or_si128 (_mm_and_si128 (is_digit, _mm_add_epi8 (values, _mm_set1_epi8 ('0'))),
                                 _mm_and_si128 (is_letter, _mm_add_epi8 (letter, _mm_set1_epi8 ('A'))));
  __m128i others = _mm_or_si128 (_mm_and_si128 (na, _mm_set1_epi8 ('n')),
                                 _mm_or_si128 (_mm_and_si128 (dk, _mm_set1_epi8 ('d')),
                                               _mm_and_si128 (ns, _mm_set1_epi8 ('s'))));

  return _mm_or_si128 (_mm_or_si128 (points, others), _mm_andnot_si128 (known, _mm_set1_epi8 ('-')));
}
#endif

/* One respondent's answers as characters at @p; returns where they end. A row of
 * sixteen answers or more is written sixteen at a time, its last sixteen overlapping
 * the ones before rather than written one by one. */
static inline char *
write_answer_row (char         *p,
                  const guint8 *row,
                  guint         n_items,
                  const char   *chars)
{
#ifdef __SSE2__
  if (n_items >= 16)
    {
      for (guint i = 0; i + 16 < n_items; i += 16)
        _mm_storeu_si128 ((__m128i *) (p + i), answer_chars_of (_mm_loadu_si128 ((const __m128i *) (row + i))));
      _mm_storeu_si128 ((__m128i *) (p + n_items - 16),
                        answer_chars_of (_mm_loadu_si128 ((const __m128i *) (row + n_items - 16))));
      return p + n_items;
    }
#endif
  for (guint i = 0; i < n_items; i++)
    *p++ = chars[row[i]];
  return p;
}

/* Rows [@from, @to) of a round, a line per respondent: a character per item, then the
 * group's position in <groups> when there is one. The lines' length is known first,
 * so they are written into place. */
static void
write_answer_lines (GString      *out,
                    TrellisRound *round,
                    guint         from,
                    guint         to)
{
  const char *chars = answer_chars ();
  guint n_items = trellis_round_get_n_items (round);
  const guint8 *table = (const guint8 *) trellis_round_get_answer_table (round);
  const guint16 *groups = trellis_round_get_response_group_indices (round);
  gsize length = (gsize) (to - from) * (n_items + 1);
  char *p;

  for (guint r = from; r < to; r++)
    if (groups[r] != 0)
      length += 1 + count_digits (groups[r]);
  g_string_set_size (out, out->len + length);
  p = out->str + out->len - length;
  for (guint r = from; r < to; r++)
    {
      p = write_answer_row (p, table + (gsize) r * n_items, n_items, chars);
      if (groups[r] != 0)
        {
          guint digits = count_digits (groups[r]);

          *p++ = ' ';
          for (guint d = digits, value = groups[r]; d > 0; d--, value /= 10)
            p[d - 1] = (char) ('0' + value % 10);
          p += digits;
        }
      *p++ = '\n';
    }
  g_assert (p == out->str + out->len);
}

typedef struct
{
  const char *text;
  gsize       length;
} Tag;

#define TAG(text) { text, sizeof text - 1 }

/* Format 1.2: what the facilitator marked; an unmarked comment writes as in 1.1. */
static const Tag comment_tags[] = {
  [TRELLIS_COMMENT_NONE] = TAG ("<comment>"),
  [TRELLIS_COMMENT_KEY] = TAG ("<comment key=\"true\">"),
  [TRELLIS_COMMENT_HIDDEN] = TAG ("<comment hidden=\"true\">"),
  [TRELLIS_COMMENT_KEY | TRELLIS_COMMENT_HIDDEN] = TAG ("<comment key=\"true\" hidden=\"true\">"),
};
static const Tag comment_end = TAG ("</comment>\n");

/* One <comment> line: room is made once for the indentation, the tags and the text as
 * it is, so the usual comment, which needs no escape, is four copies. */
static void
write_comment (GString             *out,
               const char          *indent,
               gsize                indent_length,
               TrellisCommentFlags  flags,
               const char          *text)
{
  const Tag *tag = &comment_tags[flags & (TRELLIS_COMMENT_KEY | TRELLIS_COMMENT_HIDDEN)];
  gsize length = strlen (text);
  char *o = room_for (out, indent_length + tag->length + length + comment_end.length);

  memcpy (o, indent, indent_length);
  memcpy (o + indent_length, tag->text, tag->length);
  out->len += indent_length + tag->length;
  o = append_text (out, text, length, comment_end.length);
  out->len = o - out->str;
  /* Escapes may have taken the room kept for the end tag. */
  o = room_for (out, comment_end.length);
  memcpy (o, comment_end.text, comment_end.length);
  text_ends_at (out, o + comment_end.length);
}

/* ---- splicing, on one thread or two -------------------------------------------------- */

/* What a part writes, to size the buffers, and what writing it costs (about the
 * instructions, measured with callgrind), to share the work: an answer line costs
 * more per byte than a comment, which is mostly copied. */
typedef struct
{
  guint64 bytes;
  guint64 work;
} Cost;

/* What the splice writes at each marker, in the order of the file, and the tree's text
 * before it; a last place holds the tree's text after the last marker. */
typedef struct
{
  const BulkPart *part;           /* NULL for the last place */
  const char     *before;
  gsize           before_length;
  const char     *indent;         /* the marker's indentation, for each comment line */
  gsize           indent_length;
  guint           n;              /* answer lines or comments */
  GPtrArray      *comments;
  Cost            cost;           /* of the answer lines or comments */
} Place;

/* A place and an answer line or comment in it: where a span of the splice starts or
 * stops. A span holds a place's tree text when it holds the place's first item. */
typedef struct
{
  guint place;
  guint item;
} Point;

/* Below this much work (about as many instructions, a millisecond or so), one thread
 * writes the parts: starting a second costs more than it saves. */
#define TWO_THREADS_MINIMUM (4 * 1000 * 1000)

/* The second thread's share of the work, in percent. Callgrind balances the threads'
 * instructions at 55 % for the 100k project, but its saves were quickest at 35–40 %
 * (medians of 25, alternated): what the second thread writes is copied again at the
 * join, and answer lines, read in order, take less time per instruction than comments. */
#define SECOND_SHARE 40

static guint64 two_threads_minimum = TWO_THREADS_MINIMUM;
static guint second_share = SECOND_SHARE;

/**
 * _trellis_bulk_set_two_threads:
 * @minimum: the work from which two threads write (see Cost), or 0 for the default
 * @share: the second thread's share in percent, or 0 for the default
 *
 * Tests write small projects with two threads, split at every place.
 */
void
_trellis_bulk_set_two_threads (guint64 minimum,
                               guint   share)
{
  two_threads_minimum = minimum > 0 ? minimum : TWO_THREADS_MINIMUM;
  second_share = share > 0 ? MIN (share, 100) : SECOND_SHARE;
}

static Cost
comment_cost (const char *text)
{
  gsize length = strlen (text);

  /* The indentation and tags, and a little for escaping; the marks looked up, the
   * text scanned and copied. */
  return (Cost) { length * 9 / 8 + 40, 2 * length + 250 };
}

static Cost
answer_line_cost (const BulkPart *part)
{
  guint n_items = trellis_round_get_n_items (part->round);

  return (Cost) { n_items + 8, 5 * n_items + 20 };
}

/* The tree's text is only copied, several bytes an instruction. */
static guint64
tree_work (const Place *place)
{
  return place->before_length / 8;
}

static void
measure_place (Place *place)
{
  const BulkPart *part = place->part;

  if (part->section_id == NULL)
    {
      Cost line = answer_line_cost (part);

      place->n = trellis_round_get_n_responses (part->round);
      place->cost = (Cost) { place->n * line.bytes, place->n * line.work };
      return;
    }
  place->comments = trellis_round_get_comments (part->round, part->section_id);
  place->n = place->comments != NULL ? place->comments->len : 0;
  for (guint j = 0; j < place->n; j++)
    {
      Cost comment = comment_cost (g_ptr_array_index (place->comments, j));

      place->cost.bytes += comment.bytes;
      place->cost.work += comment.work;
    }
}

/* Finds each part's marker in the dumped tree (the writer put one there per part, in
 * this order) and measures what it writes. */
static GArray *
find_places (const char *tree,
             gsize       tree_size,
             GArray     *parts)
{
  static const char marker[] = "<!--" TRELLIS_BULK_MARKER "-->";
  GArray *places = g_array_sized_new (FALSE, TRUE, sizeof (Place), parts->len + 1);
  const char *end = tree + tree_size;
  const char *p = tree;

  g_array_set_size (places, parts->len + 1);
  for (guint i = 0; i < parts->len; i++)
    {
      Place *place = &g_array_index (places, Place, i);
      const char *found = g_strstr_len (p, end - p, marker);
      const char *line_start;

      g_assert (found != NULL);
      line_start = found;
      while (line_start > p && line_start[-1] == ' ')
        line_start--;
      place->part = &g_array_index (parts, BulkPart, i);
      place->before = p;
      place->before_length = line_start - p;
      place->indent = line_start;
      place->indent_length = found - line_start;
      measure_place (place);
      p = found + strlen (marker);
      if (p < end && *p == '\n')
        p++;
    }
  g_array_index (places, Place, parts->len).before = p;
  g_array_index (places, Place, parts->len).before_length = end - p;
  return places;
}

static void
write_items (GString     *out,
             const Place *place,
             guint        from,
             guint        to)
{
  const BulkPart *part = place->part;

  if (part == NULL || from >= to)
    return;
  if (part->section_id == NULL)
    {
      write_answer_lines (out, part->round, from, to);
      return;
    }
  for (guint j = from; j < to; j++)
    write_comment (out, place->indent, place->indent_length,
                   trellis_round_get_comment_flags (part->round, part->section_id, j),
                   g_ptr_array_index (place->comments, j));
}

/* Writes the splice from @start up to @stop. */
static void
write_span (GString     *out,
            const Place *places,
            guint        n_places,
            Point        start,
            Point        stop)
{
  for (guint i = start.place; i < n_places && (i < stop.place || (i == stop.place && stop.item > 0)); i++)
    {
      guint from = i == start.place ? start.item : 0;
      guint to = i == stop.place ? stop.item : places[i].n;

      if (from == 0)
        g_string_append_len (out, places[i].before, places[i].before_length);
      write_items (out, &places[i], from, to);
    }
}

/* What the splice writes from @start on, in bytes. */
static guint64
span_bytes (const Place *places,
            guint        n_places,
            Point        start)
{
  guint64 bytes = 0;

  for (guint i = start.place; i < n_places; i++)
    bytes += places[i].cost.bytes + places[i].before_length;
  return bytes;
}

/* The work of the whole splice. */
static guint64
span_work (const Place *places,
           guint        n_places)
{
  guint64 work = 0;

  for (guint i = 0; i < n_places; i++)
    work += places[i].cost.work + tree_work (&places[i]);
  return work;
}

/* Where the second thread starts: the last @share of the work, counted from the end,
 * cut between two answer lines or comments. */
static Point
find_second_start (const Place *places,
                   guint        n_places,
                   guint64      share)
{
  guint64 work = 0;

  for (guint i = n_places; i-- > 0; )
    {
      const Place *place = &places[i];

      if (work + place->cost.work + tree_work (place) < share)
        {
          work += place->cost.work + tree_work (place);
          continue;
        }
      for (guint j = place->n; j-- > 0; )
        {
          work += place->part->section_id == NULL ? answer_line_cost (place->part).work
                  : comment_cost (g_ptr_array_index (place->comments, j)).work;
          if (work >= share)
            return (Point) { i, j };
        }
      return (Point) { i, 0 };
    }
  return (Point) { 0, 0 };
}

#define HUGE_PAGE ((guintptr) TRELLIS_HUGE_PAGE_SIZE)

/* A buffer of megabytes written once from the front: faulting it in a 4 kB page at a
 * time cost the save more than writing it (28 MB, 7,000 faults); see
 * trellis_advise_huge_pages(). */
static GString *
new_buffer (guint64 size)
{
  GString *buffer = g_string_sized_new (MIN (size, G_MAXSIZE / 2));

  trellis_advise_huge_pages (buffer->str, buffer->allocated_len);
  return buffer;
}

/* Appends @part to @out, giving each 2 MB of @part back to the system once copied, so
 * that a save holds about its file's size at its peak, not half as much again (load and
 * save of the 100k project: 66 MB, 82 MB without this, 62 MB on one thread). @part is
 * not read again. */
static void
append_releasing (GString *out,
                  GString *part)
{
  const char *p = part->str, *end = part->str + part->len;

  while (p < end)
    {
      const char *next = (const char *) MIN ((((guintptr) p + HUGE_PAGE) & ~(HUGE_PAGE - 1)), (guintptr) end);

      g_string_append_len (out, p, next - p);
#ifdef MADV_DONTNEED
      {
        guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
        guintptr start = ((guintptr) p + page - 1) & ~(page - 1);
        guintptr stop = (guintptr) next & ~(page - 1);

        if (stop > start)
          madvise ((void *) start, stop - start, MADV_DONTNEED);
      }
#endif
      p = next;
    }
}

typedef struct
{
  const Place *places;
  guint        n_places;
  Point        start;
  GString     *out;
} Second;

static gpointer
write_second (gpointer data)
{
  Second *second = data;

  write_span (second->out, second->places, second->n_places, second->start,
              (Point) { second->n_places, 0 });
  return NULL;
}

/* Copies the dumped @tree with each marker's line replaced by its part. When the parts
 * are large a second thread writes the last of them into a buffer of its own, joined
 * after this thread's: the bytes are the same either way. */
GString *
_trellis_bulk_splice (const char *tree,
                      gsize       tree_size,
                      GArray     *parts)
{
  g_autoptr(GArray) places_array = find_places (tree, tree_size, parts);
  const Place *places = (const Place *) places_array->data;
  guint n_places = places_array->len;
  guint64 bytes = span_bytes (places, n_places, (Point) { 0, 0 });
  guint64 work = span_work (places, n_places);
  Point end = { n_places, 0 };
  Second second = { places, n_places, end, NULL };
  GThread *thread = NULL;
  GString *out;

  if (work >= two_threads_minimum && g_get_num_processors () > 1)
    second.start = find_second_start (places, n_places, work * second_share / 100);
  if (second.start.place < n_places)
    {
      second.out = new_buffer (span_bytes (places, n_places, second.start));
      thread = g_thread_new ("trellis-save", write_second, &second);
    }
  out = new_buffer (bytes);
  write_span (out, places, n_places, (Point) { 0, 0 }, second.start);
  if (thread != NULL)
    {
      g_thread_join (thread);
      append_releasing (out, second.out);
      g_string_free (second.out, TRUE);
    }
  return out;
}
