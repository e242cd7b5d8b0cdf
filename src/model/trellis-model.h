/* trellis-model.h: everything the model offers, for the layers above it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-action.h"
#include "trellis-change-test.h"
#include "trellis-checklist-edit.h"
#include "trellis-checklist.h"
#include "trellis-comment-edit.h"
#include "trellis-enums.h"
#include "trellis-file-util.h"
#include "trellis-huge-pages.h"
#include "trellis-timing.h"
#include "trellis-group-breakdown.h"
#include "trellis-markup.h"
#include "trellis-node.h"
#include "trellis-plan-edit.h"
#include "trellis-plan-query.h"
#include "trellis-plan.h"
#include "trellis-project.h"
#include "trellis-redact.h"
#include "trellis-round.h"
#include "trellis-scale.h"
#include "trellis-section.h"
#include "trellis-statement.h"
#include "trellis-stats.h"
#include "trellis-summary.h"
#include "trellis-talking-points.h"
#include "trellis-timescale.h"
#include "trellis-types.h"
#include "trellis-undo-stack.h"
