/* trellis-timescale.h: reading an action's timescale, a date or a period, as typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TrellisTimescaleKind:
 * @TRELLIS_TIMESCALE_NONE: nothing typed: no date, and no error either
 * @TRELLIS_TIMESCALE_DAY: one day ("2027-03-31", "31/03/2027", "31 March 2027")
 * @TRELLIS_TIMESCALE_PERIOD: a month, quarter, half or year ("Q2 2027", "by March 2027"),
 *   due by its last day
 */
typedef enum
{
  TRELLIS_TIMESCALE_NONE,
  TRELLIS_TIMESCALE_DAY,
  TRELLIS_TIMESCALE_PERIOD,
} TrellisTimescaleKind;

#define TRELLIS_TIMESCALE_ERROR (trellis_timescale_error_quark ())

typedef enum
{
  TRELLIS_TIMESCALE_ERROR_UNREADABLE,
  TRELLIS_TIMESCALE_ERROR_NO_SUCH_DAY,
} TrellisTimescaleError;

GQuark   trellis_timescale_error_quark (void);
gboolean trellis_timescale_parse (const char            *text,
                                  TrellisTimescaleKind  *kind,
                                  GDate                 *end,
                                  GError               **error);
gboolean trellis_timescale_is_past (const char  *text,
                                    const GDate *today);

G_END_DECLS
