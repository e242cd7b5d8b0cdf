/* trellis-template-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file choosers of New Project's "template file" and Save as Template. Reading and
 * writing template files is the format layer's (trellis-template.h), the same as
 * `trellis-cli new --template-file` uses.
 */
#define G_LOG_DOMAIN "trellis-template-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-template.h"
#include "trellis-template-chooser.h"

static void
add_template_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) templates = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  gtk_file_filter_set_name (templates, _("Trellis templates"));
  gtk_file_filter_add_pattern (templates, "*" TRELLIS_TEMPLATE_FILE_SUFFIX);
  gtk_file_chooser_add_filter (chooser, templates);

  gtk_file_filter_set_name (everything, _("All files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (chooser, everything);

  gtk_file_chooser_set_filter (chooser, templates);
}

/**
 * trellis_template_open_chooser_new:
 *
 * Returns: (transfer full): a chooser of a template file to start a project from
 */
GtkFileChooserNative *
trellis_template_open_chooser_new (GtkWindow *parent)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Template"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  add_template_filters (GTK_FILE_CHOOSER (chooser));
  return chooser;
}

/**
 * trellis_template_dup_summary_for:
 *
 * Returns: (transfer full): the line describing a template saved from @project's
 *   checklist, where templates are listed
 */
char *
trellis_template_dup_summary_for (TrellisProject *project)
{
  TrellisChecklist *checklist;
  g_autoptr(GPtrArray) rated = NULL;
  guint n_sections = 0;
  g_autofree char *statements = NULL;
  g_autofree char *sections = NULL;
  const char *name;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);

  checklist = trellis_project_get_checklist (project);
  rated = trellis_checklist_collect_rated (checklist, TRUE);
  for (guint i = 0; i < trellis_checklist_get_n_sections (checklist); i++)
    if (trellis_section_get_included (trellis_checklist_get_section (checklist, i)))
      n_sections++;
  statements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rated statement", "%u rated statements",
                                             rated->len), rated->len);
  sections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", n_sections),
                              n_sections);
  name = trellis_project_get_name (project);
  if (name == NULL || *name == '\0')
    /* TRANSLATORS: a saved template's description: "40 rated statements in 3 sections." */
    return g_strdup_printf (_("A tailored checklist: %s in %s."), statements, sections);
  /* TRANSLATORS: a saved template's description; the first %s is the partnership's name */
  return g_strdup_printf (_("The checklist as tailored for %s: %s in %s."), name, statements, sections);
}

/* The template's title: the checklist's, told apart from the built-in template it was
 * tailored from by the partnership's name while it still has that one's title. */
static char *
dup_template_title (TrellisProject *project)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  const char *title = trellis_checklist_get_title (checklist);
  const char *name = trellis_project_get_name (project);
  const char *origin_id = trellis_checklist_get_template_id (checklist);
  g_autoptr(TrellisTemplate) origin = origin_id != NULL ? trellis_template_find (origin_id) : NULL;

  if (title != NULL && *title != '\0' && name != NULL && *name != '\0' &&
      origin != NULL && g_strcmp0 (trellis_template_get_title (origin), title) == 0)
    /* TRANSLATORS: a saved template's title: the checklist's, then the partnership's name */
    return g_strdup_printf (_("%s – %s"), title, name);
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (name != NULL && *name != '\0')
    /* TRANSLATORS: a saved template's title when the checklist has none */
    return g_strdup_printf (_("Checklist of %s"), name);
  return g_strdup (_("Tailored checklist"));
}

#define DONE_KEY "trellis-template-saved"

typedef struct
{
  TrellisProject       *project;
  TrellisTemplateSaved  done;
  gpointer              user_data;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->project);
  g_free (request);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response)
{
  SaveRequest *request = g_object_get_data (G_OBJECT (chooser), DONE_KEY);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  if (response != GTK_RESPONSE_ACCEPT
      || (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    {
      request->done (NULL, NULL, request->user_data);
      return;
    }

  title = dup_template_title (request->project);
  summary = trellis_template_dup_summary_for (request->project);
  if (!trellis_template_save_file (trellis_project_get_checklist (request->project), title, summary, file, &error))
    request->done (NULL, error, request->user_data);
  else
    request->done (file, NULL, request->user_data);
}

/* "Outcome-Focused Partnership Checklist" → "outcome-focused-partnership-checklist" */
static char *
dup_file_name (const char *title)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (name, g_unichar_tolower (c));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  g_string_append (name, TRELLIS_TEMPLATE_FILE_SUFFIX);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * trellis_template_save_chooser_new:
 * @project: the project whose checklist to save
 * @done: called once the user answered and the template is written, or not
 *
 * Returns: (transfer full): a chooser to show; it saves @project's checklist as a
 *   template file where the user says
 */
GtkFileChooserNative *
trellis_template_save_chooser_new (GtkWindow            *parent,
                                   TrellisProject       *project,
                                   TrellisTemplateSaved  done,
                                   gpointer              user_data)
{
  GtkFileChooserNative *chooser;
  SaveRequest *request;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (done != NULL, NULL);

  chooser = gtk_file_chooser_native_new (_("Save as Template"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  add_template_filters (GTK_FILE_CHOOSER (chooser));
  title = dup_template_title (project);
  name = dup_file_name (title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  request = g_new0 (SaveRequest, 1);
  request->project = g_object_ref (project);
  request->done = done;
  request->user_data = user_data;
  g_object_set_data_full (G_OBJECT (chooser), DONE_KEY, request, (GDestroyNotify) save_request_free);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), NULL);
  return chooser;
}
