/* test-import-common.h: what the importer's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "trellis-model.h"
#include "trellis-import.h"
#include "trellis-project-io.h"
#include "trellis-template.h"

G_BEGIN_DECLS

/* The is-ofpc checklist the fixtures of tests/fixtures/import answer. */
TrellisProject *test_import_new_project (void);

/* How LimeSurvey's "not shown" answers, blanks in the generator's tally, are checked. */
typedef enum
{
  TEST_NOT_SHOWN_NONE,      /* the file marks none */
  TEST_NOT_SHOWN_APART,     /* exactly the questions the generator hid, counted apart */
  TEST_NOT_SHOWN_IN_BLANK,  /* together with the blanks, whatever the split */
} TestNotShown;

void            test_import_assert_counts (JsonObject   *expected,
                                           TrellisRound *round,
                                           guint         times,
                                           TestNotShown  not_shown);

G_END_DECLS
