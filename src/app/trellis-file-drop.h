/* trellis-file-drop.h: files dropped on the window: a project opens, anything else is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*TrellisDropOpenFunc)   (GFile    *project,
                                       gpointer  user_data);
typedef void (*TrellisDropImportFunc) (GFile   **exports,
                                       guint     n_exports,
                                       gpointer  user_data);

GtkEventController *trellis_file_drop_new (TrellisDropOpenFunc   open,
                                           TrellisDropImportFunc import,
                                           gpointer              user_data);

G_END_DECLS
