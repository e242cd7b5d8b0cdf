/* trellis-format.h: numbers as the window shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "trellis-model.h"

G_BEGIN_DECLS

/* What a statistic shows when there is nothing to count. */
#define TRELLIS_FORMAT_NO_VALUE "–"

char *trellis_format_mean (double mean);
char *trellis_format_percent (double percent);
char *trellis_format_round_name (TrellisRound *round);
char *trellis_format_header_question (const char *header,
                                      const char *previous,
                                      const char *next,
                                      char      **part);

G_END_DECLS
