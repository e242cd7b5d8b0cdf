/* trellis-charts.h: everything the chart library offers, for the layers above it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-chart-layout.h"
#include "trellis-chart-style.h"
#include "trellis-chart.h"
