/* trellis-project-bulk-private.h: a project's large parts, responses and comments, read
 * and written without a libxml2 tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "trellis-round.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------------------------
 * Reading. While libxml2 parses a project, the children of each round's <responses>
 * and <comments> are read as they stream past rather than built into the tree: a round
 * of 100,000 respondents and 80,000 comments would otherwise be 200,000 nodes held
 * only to be copied once. The rest of the file is a tree as before, and the tree's
 * <responses> and <comments> elements carry what was read in their _private field.
 * ------------------------------------------------------------------------------------ */

/* What a <responses> element held: rows of answers, one per respondent. A problem is
 * kept, not raised, so that errors come in the order of the file: the tree reader
 * raises it when it reaches the round. */
typedef enum
{
  BULK_PROBLEM_NONE,
  BULK_PROBLEM_COUNT,        /* a row of the wrong number of answers */
  BULK_PROBLEM_TOKEN,        /* an answer that is no answer */
  BULK_PROBLEM_MIXED,        /* <response> rows and an <answers> block together */
  BULK_PROBLEM_BOOLEAN,      /* a comment's mark neither true nor false */
  BULK_PROBLEM_GROUP,        /* a group that is not a position in <groups> */
} BulkProblemKind;

typedef struct
{
  BulkProblemKind  kind;
  long             line;
  const char      *element;  /* static: "response", "answers", "comment" */
  char            *text;     /* the token or attribute value */
  const char      *attribute;
  guint            found;
  guint            item;
} BulkProblem;

typedef struct
{
  guint        n_items;
  GByteArray  *answers;         /* rows × n_items TrellisAnswer */
  GArray      *groups;          /* guint32 per row: 0, or 1 + a position in group_names */
  GArray      *lines;           /* guint32 per row: its line, for messages */
  GPtrArray   *group_names;     /* <response group="…">: names in first-seen order */
  GHashTable  *group_index;     /* name → 1 + position */
  gboolean     has_response;    /* 1.0–1.2 rows */
  gboolean     has_answers;     /* 1.3 block */
  BulkProblem  problem;
} BulkResponses;

typedef struct
{
  GString     *texts;           /* the comments one after another, each ended by a NUL */
  GArray      *offsets;         /* gsize per comment: where it starts in texts */
  GByteArray  *flags;           /* TrellisCommentFlags per comment */
  BulkProblem  problem;
} BulkComments;

typedef struct _BulkReader BulkReader;

BulkReader *_trellis_bulk_reader_new (guint64 max_tree_nodes);
void        _trellis_bulk_reader_free (BulkReader *reader);
/* Installs the reader's handlers in @ctxt, which must keep ctxt->_private for the
 * caller's state: the reader remembers its own. */
void        _trellis_bulk_reader_attach (BulkReader    *reader,
                                         xmlParserCtxt *ctxt);
gboolean    _trellis_bulk_reader_get_too_many_nodes (BulkReader *reader);
gboolean    _trellis_bulk_reader_feed (BulkReader    *reader,
                                       xmlParserCtxt *ctxt,
                                       const char    *piece,
                                       gsize          length);
guint64     _trellis_bulk_reader_get_n_plain_bytes (BulkReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BulkReader, _trellis_bulk_reader_free)

/* Parses one answer character of format 1.3 ("1"…"9", "A", "B", n, d, s, -). */
gboolean    _trellis_bulk_answer_from_char (char           c,
                                            TrellisAnswer *answer);

/* ------------------------------------------------------------------------------------
 * Writing. The tree holds an XML comment, <!--trellis-bulk-->, where a round's answer
 * lines or a section's comments go; _trellis_bulk_splice() writes the dumped tree with
 * each marker's line replaced by its part, escaped as libxml2 escapes text, on two
 * threads when the parts are large (the same bytes either way).
 * ------------------------------------------------------------------------------------ */

#define TRELLIS_BULK_MARKER "trellis-bulk"

typedef struct
{
  TrellisRound *round;
  const char   *section_id;  /* NULL: the round's answer lines */
} BulkPart;

GString    *_trellis_bulk_splice (const char *tree,
                                  gsize       tree_size,
                                  GArray     *parts);
void        _trellis_bulk_append_escaped (GString    *out,
                                          const char *text);
/* For tests: from how much work two threads write, and the second's share in percent
 * (0 for the defaults). */
void        _trellis_bulk_set_two_threads (guint64 minimum,
                                           guint   share);

G_END_DECLS
