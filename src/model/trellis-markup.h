/* trellis-markup.h: the small inline markup of statement text (emphasis only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TrellisTextSpan:
 * @start: byte offset of the first emphasised byte in the plain text
 * @end: byte offset just after the last one; always greater than @start
 *
 * One run of emphasised words. Spans of one text are sorted, never empty, never
 * overlap and never touch (touching runs are one span).
 */
typedef struct
{
  guint start;
  guint end;
} TrellisTextSpan;

char *trellis_markup_parse (const char  *markup,
                            GArray     **spans);
char *trellis_markup_build (const char            *text,
                            const TrellisTextSpan *spans,
                            guint                  n_spans);
char *trellis_markup_to_pango (const char *markup);

G_END_DECLS
