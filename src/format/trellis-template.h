/* trellis-template.h: the built-in checklist templates a project starts from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trellis-types.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_TEMPLATE (trellis_template_get_type ())

G_DECLARE_FINAL_TYPE (TrellisTemplate, trellis_template, TRELLIS, TEMPLATE, GObject)

const char       *trellis_template_get_id (TrellisTemplate *self);
const char       *trellis_template_get_title (TrellisTemplate *self);
const char       *trellis_template_get_summary (TrellisTemplate *self);
const char       *trellis_template_get_source (TrellisTemplate *self);
const char       *trellis_template_get_version (TrellisTemplate *self);

GListModel       *trellis_template_list_builtin (void);
TrellisTemplate  *trellis_template_find (const char *id);
TrellisChecklist *trellis_template_load (const char  *id,
                                         GError     **error);
TrellisProject   *trellis_project_new_from_template (const char  *id,
                                                     const char  *name,
                                                     GError     **error);

/* Template files: a tailored checklist saved to start other projects from. */
#define TRELLIS_TEMPLATE_FILE_SUFFIX ".trellis-template"

TrellisTemplate  *trellis_template_load_file (GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error);
TrellisProject   *trellis_project_new_from_template_file (GFile         *file,
                                                         const char    *name,
                                                         GCancellable  *cancellable,
                                                         GError       **error);
GBytes           *trellis_template_save_to_bytes (TrellisChecklist *checklist,
                                                  const char       *title,
                                                  const char       *summary);
gboolean          trellis_template_save_file (TrellisChecklist  *checklist,
                                              const char        *title,
                                              const char        *summary,
                                              GFile             *file,
                                              GError           **error);

G_END_DECLS
