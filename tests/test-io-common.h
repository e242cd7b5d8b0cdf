/* test-io-common.h: a project using every feature of the file format, and the tests'
 * scratch files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-model.h"
#include "trellis-import.h"
#include "trellis-project-io.h"
#include "trellis-template.h"

G_BEGIN_DECLS

/* Comment text with everything XML has to escape, a CDATA terminator and non-ASCII. */
#define TEST_TRICKY_COMMENT "Fish & chips <b>\"quoted\"</b> 'single' ]]> — Côte d’Ivoire, 日本, ✓\nsecond line\tand a tab"

TrellisProject *test_build_full_project (void);
void            test_remove_tree (const char *path);

G_END_DECLS
