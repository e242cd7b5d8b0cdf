/* trellis-import-assistant-private.h: what the widget tests drive inside the assistant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trellis-import-assistant.h"

G_BEGIN_DECLS

TrellisImport *_trellis_import_assistant_get_import (TrellisImportAssistant *self);
const char    *_trellis_import_assistant_get_page (TrellisImportAssistant *self);
const char    *_trellis_import_assistant_get_error (TrellisImportAssistant *self);
gboolean       _trellis_import_assistant_can_go_next (TrellisImportAssistant *self);
void           _trellis_import_assistant_go_next (TrellisImportAssistant *self);
void           _trellis_import_assistant_go_back (TrellisImportAssistant *self);
GtkListBox    *_trellis_import_assistant_get_column_list (TrellisImportAssistant *self);
GtkListBox    *_trellis_import_assistant_get_unmapped_list (TrellisImportAssistant *self);
GtkListBox    *_trellis_import_assistant_get_mapped_list (TrellisImportAssistant *self);
GtkListBox    *_trellis_import_assistant_get_summary_list (TrellisImportAssistant *self);
const char    *_trellis_import_assistant_get_check_text (TrellisImportAssistant *self);
void           _trellis_import_assistant_add_structure (TrellisImportAssistant *self,
                                                        GFile                  *file);
void           _trellis_import_assistant_set_only_check (TrellisImportAssistant *self,
                                                         gboolean                only_check);
void           _trellis_import_assistant_set_include_incomplete (TrellisImportAssistant *self,
                                                                 gboolean                include);
void           _trellis_import_assistant_set_round_details (TrellisImportAssistant *self,
                                                            const char             *label,
                                                            const char             *date);
gboolean       _trellis_import_assistant_can_import (TrellisImportAssistant *self);
gboolean       _trellis_import_assistant_import (TrellisImportAssistant *self);

G_END_DECLS
