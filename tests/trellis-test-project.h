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

/* Appends a new statement to @section, which owns it; returns it for further edits. */
TrellisStatement *trellis_test_add_statement (TrellisSection       *section,
                                              const char           *id,
                                              const char           *number,
                                              TrellisStatementKind  kind,
                                              const char           *text);

G_END_DECLS
