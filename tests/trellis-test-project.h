/* trellis-test-project.h: realistic projects built in code for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-model.h"

G_BEGIN_DECLS

/* The is-ofpc checklist (4 sections, 60 rated items, comment boxes, the multi-part item
 * 55) with @n_rounds rounds of 24 deterministic responses in four partner groups, one of
 * them below the minimum group size, comments per section and a three-action plan. */
TrellisProject *trellis_test_project_new_sample (guint n_rounds);

/* One section "E" of hard cases (nobody answered, everybody N/A, very long text, accents,
 * a cut statement, a comment item) and one section "L" of 60 statements, answered by
 * @n_respondents people. */
TrellisProject *trellis_test_project_new_edge_cases (guint n_respondents);

/* Dudley's shape in small: an importance and an effectiveness scale (with their roles)
 * and six themes of one statement each, answered by four people so that the themes'
 * means are known exactly (importance, effectiveness):
 *   strategic   4.5, 2.0   priority for action
 *   inclusive   4.0, 4.5   keep up the good work
 *   efficient   2.0, 2.0   low priority
 *   learning    3.0, 4.5   effort to review (3.0 is the middle: not important)
 *   action      5.0, –     not placed: everybody said Not applicable to effectiveness
 *   performance 4.0, 3.0   priority for action (3.0 is the middle: not effective) */
TrellisProject *trellis_test_project_new_two_scales (void);

/* Appends a new statement to @section, which owns it; returns it for further edits. */
TrellisStatement *trellis_test_add_statement (TrellisSection       *section,
                                              const char           *id,
                                              const char           *number,
                                              TrellisStatementKind  kind,
                                              const char           *text);

G_END_DECLS
