/* trellis-file-drop.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-file-drop"

#include "config.h"

#include "trellis-file-drop.h"

typedef struct
{
  TrellisDropOpenFunc   open;
  TrellisDropImportFunc import;
  gpointer              user_data;
} FileDrop;

/* A project file dropped opens; anything else is taken for a survey export. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FileDrop      *drop)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) exports = g_ptr_array_new ();
  GFile *project = NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name != NULL && g_str_has_suffix (name, ".trellis"))
        project = project != NULL ? project : l->data;
      else
        g_ptr_array_add (exports, l->data);
    }
  if (project != NULL)
    drop->open (project, drop->user_data);
  else if (exports->len > 0)
    drop->import ((GFile **) exports->pdata, exports->len, drop->user_data);
  g_slist_free (files);
  return project != NULL || exports->len > 0;
}

static void
file_drop_free (gpointer  data,
                GClosure *closure)
{
  g_free (data);
}

/**
 * trellis_file_drop_new:
 * @open: called with the first project file among the files dropped
 * @import: called with the files dropped when none is a project
 * @user_data: for @open and @import; must outlive the controller
 *
 * Returns: (transfer full): a drop target for files, to add to a window
 */
GtkEventController *
trellis_file_drop_new (TrellisDropOpenFunc   open,
                       TrellisDropImportFunc import,
                       gpointer              user_data)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  FileDrop *drop = g_new0 (FileDrop, 1);

  g_return_val_if_fail (open != NULL && import != NULL, NULL);

  drop->open = open;
  drop->import = import;
  drop->user_data = user_data;
  g_signal_connect_data (target, "drop", G_CALLBACK (drop_cb), drop, file_drop_free, 0);
  return GTK_EVENT_CONTROLLER (target);
}
