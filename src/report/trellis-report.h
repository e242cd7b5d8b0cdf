/* trellis-report.h: which charts a report carries, and writing them one file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-charts.h"
#include "trellis-model.h"

G_BEGIN_DECLS

/**
 * TrellisReportCompare:
 * @TRELLIS_REPORT_COMPARE_NONE: one bar per statement
 * @TRELLIS_REPORT_COMPARE_ROUNDS: the round and up to two before it, side by side
 * @TRELLIS_REPORT_COMPARE_GROUPS: everyone and each respondent group large enough
 */
typedef enum
{
  TRELLIS_REPORT_COMPARE_NONE,
  TRELLIS_REPORT_COMPARE_ROUNDS,
  TRELLIS_REPORT_COMPARE_GROUPS,
} TrellisReportCompare;

/**
 * TrellisReportFormat:
 * @TRELLIS_REPORT_FORMAT_SVG: scalable, for documents and slides
 * @TRELLIS_REPORT_FORMAT_PNG: 1920 × 1080 pixels, for slides
 */
typedef enum
{
  TRELLIS_REPORT_FORMAT_SVG,
  TRELLIS_REPORT_FORMAT_PNG,
} TrellisReportFormat;

/**
 * TrellisReportOptions:
 * @round: (nullable): the round reported on; %NULL for the latest
 * @order: statements in checklist order or by agreement
 * @palette: colour, or greyscale for a black-and-white printer
 * @paper: the page size of printed documents
 * @compare: what the section charts compare
 * @font_family: (nullable): a Pango family list, %NULL for the default
 * @guidance: whether the workshop pack prints each statement's guidance (questions to ask,
 *   best and worst case) after its section; nothing is printed when there is none
 * @key_comments_only: print only the comments marked as key, all of them (hidden ones never
 *   print)
 * @comment_budget: without @key_comments_only, the most comments the workshop pack prints
 *   for one section: a section with more prints its key comments, or when it has none (or
 *   more than this many) a random sample of this many, and says so on the page; 0 prints
 *   every comment however many pages that takes
 */
typedef struct
{
  TrellisRound         *round;
  TrellisChartOrder     order;
  TrellisChartPalette   palette;
  TrellisChartPaper     paper;
  TrellisReportCompare  compare;
  const char           *font_family;
  gboolean              guidance;
  gboolean              key_comments_only;
  guint                 comment_budget;
} TrellisReportOptions;

#define TRELLIS_REPORT_ROUNDS_COMPARED 3
/* The default comment budget: a round of an ordinary partnership (tens of respondents)
 * prints whole; a section of a national survey's tens of thousands of comments takes
 * three or four pages instead of hundreds. trellis-cli's help for --comments names it. */
#define TRELLIS_REPORT_COMMENT_BUDGET 100

void       trellis_report_options_init (TrellisReportOptions *options);
gboolean   trellis_report_compare_from_string (const char           *text,
                                               TrellisReportCompare *compare);
gboolean   trellis_report_order_from_string (const char        *text,
                                             TrellisChartOrder *order);

TrellisRound *trellis_report_get_round (TrellisProject             *project,
                                        const TrellisReportOptions *options);
GPtrArray *trellis_report_build_charts (TrellisProject             *project,
                                        const TrellisReportOptions *options);
TrellisChartStyle *trellis_report_create_style (const TrellisReportOptions *options,
                                                double                      font_size);
char      *trellis_report_dup_chart_name (TrellisProject *project,
                                          TrellisChart   *chart);

gboolean   trellis_report_export_charts (TrellisProject              *project,
                                         const TrellisReportOptions  *options,
                                         TrellisReportFormat          format,
                                         GFile                       *directory,
                                         GPtrArray                  **written,
                                         GError                     **error);

G_END_DECLS
