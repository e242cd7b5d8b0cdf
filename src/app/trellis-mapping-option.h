/* trellis-mapping-option.h: one thing a column of a survey export can be taken to hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-model.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_MAPPING_OPTION (trellis_mapping_option_get_type ())

G_DECLARE_FINAL_TYPE (TrellisMappingOption, trellis_mapping_option, TRELLIS, MAPPING_OPTION, GObject)

TrellisColumnRole  trellis_mapping_option_get_role (TrellisMappingOption *self);
const char        *trellis_mapping_option_get_target (TrellisMappingOption *self);
const char        *trellis_mapping_option_get_label (TrellisMappingOption *self);

GListModel        *trellis_mapping_options_new (TrellisProject *project);
guint              trellis_mapping_options_find (GListModel        *options,
                                                 TrellisColumnRole  role,
                                                 const char        *target);

G_END_DECLS
