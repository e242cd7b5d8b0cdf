/* trellis-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-template"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "data/trellis-core-resources.h"
#include "trellis-checklist.h"
#include "trellis-file-util.h"
#include "trellis-project.h"
#include "trellis-project-io-private.h"
#include "trellis-template.h"

/* Built-in templates are project-format XML files compiled into the core (see
 * data/trellis-core.gresource.xml); a template's file is named after its id. */
#define TEMPLATES_PATH "/org/trellisapp/Trellis/templates/"
#define TEMPLATE_SUFFIX ".xml"
#define ROOT_TEMPLATE "trellis-template"

struct _TrellisTemplate
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *summary;
  char    *source;
  char    *version;
};

G_DEFINE_FINAL_TYPE (TrellisTemplate, trellis_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_SOURCE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_template_finalize (GObject *object)
{
  TrellisTemplate *self = (TrellisTemplate *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->version, g_free);

  G_OBJECT_CLASS (trellis_template_parent_class)->finalize (object);
}

static char **
field_for_property (TrellisTemplate *self,
                    guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_ID:
      return &self->id;
    case PROP_TITLE:
      return &self->title;
    case PROP_SUMMARY:
      return &self->summary;
    case PROP_SOURCE:
      return &self->source;
    case PROP_VERSION:
      return &self->version;
    default:
      return NULL;
    }
}

static void
trellis_template_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  char **field = field_for_property (TRELLIS_TEMPLATE (object), prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
trellis_template_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  char **field = field_for_property (TRELLIS_TEMPLATE (object), prop_id);

  if (field != NULL)
    {
      g_free (*field);
      *field = g_value_dup_string (value);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
trellis_template_class_init (TrellisTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_template_finalize;
  object_class->get_property = trellis_template_get_property;
  object_class->set_property = trellis_template_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_template_init (TrellisTemplate *self)
{
}

const char *
trellis_template_get_id (TrellisTemplate *self)
{
  g_return_val_if_fail (TRELLIS_IS_TEMPLATE (self), NULL);
  return self->id;
}

const char *
trellis_template_get_title (TrellisTemplate *self)
{
  g_return_val_if_fail (TRELLIS_IS_TEMPLATE (self), NULL);
  return self->title;
}

/**
 * trellis_template_get_summary:
 *
 * Returns: (nullable): a sentence or two saying what the template covers
 */
const char *
trellis_template_get_summary (TrellisTemplate *self)
{
  g_return_val_if_fail (TRELLIS_IS_TEMPLATE (self), NULL);
  return self->summary;
}

/**
 * trellis_template_get_source:
 *
 * Returns: (nullable): the published document the template reproduces
 */
const char *
trellis_template_get_source (TrellisTemplate *self)
{
  g_return_val_if_fail (TRELLIS_IS_TEMPLATE (self), NULL);
  return self->source;
}

/**
 * trellis_template_get_version:
 *
 * Returns: (nullable): the template's own version, stored in projects made from it
 */
const char *
trellis_template_get_version (TrellisTemplate *self)
{
  g_return_val_if_fail (TRELLIS_IS_TEMPLATE (self), NULL);
  return self->version;
}

static xmlDoc *
read_template_document (const char  *id,
                        GError     **error)
{
  g_autofree char *file_name = g_strconcat (id, TEMPLATE_SUFFIX, NULL);
  g_autofree char *path = g_strconcat (TEMPLATES_PATH, file_name, NULL);
  g_autofree char *root_id = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  if (*id != '\0' && strchr (id, '/') == NULL)
    bytes = g_resource_lookup_data (trellis_core_get_resource (), path,
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no built-in template “%s”."), id);
      return NULL;
    }

  doc = _trellis_xml_read_document (bytes, file_name, ROOT_TEMPLATE, error);
  if (doc == NULL)
    return NULL;
  root_id = _trellis_xml_dup_attribute (xmlDocGetRootElement (doc), "id");
  if (g_strcmp0 (root_id, id) != 0)
    {
      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_INVALID,
                   _("“%s” is the template “%s”, not “%s”."),
                   file_name, root_id != NULL ? root_id : "", id);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

/* The template's description from its root element; @id when the file has none. */
static TrellisTemplate *
template_new_from_document (xmlDoc     *doc,
                            const char *id)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *version = _trellis_xml_dup_attribute (root, "version");
  g_autofree char *title = _trellis_xml_dup_child_text (root, "title");
  g_autofree char *summary = _trellis_xml_dup_child_text (root, "summary");
  g_autofree char *source = _trellis_xml_dup_child_text (root, "source");

  return g_object_new (TRELLIS_TYPE_TEMPLATE,
                       "id", id,
                       "title", title != NULL && *title != '\0' ? title : id,
                       "summary", summary,
                       "source", source,
                       "version", version,
                       NULL);
}

/**
 * trellis_template_find:
 * @id: a template id, such as "is-ofpc"
 *
 * Returns: (transfer full) (nullable): the built-in template with this id
 */
TrellisTemplate *
trellis_template_find (const char *id)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  doc = read_template_document (id, &error);
  if (doc == NULL)
    {
      /* The built-in templates are tested; one that does not read is a build defect. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Built-in template “%s” is broken: %s", id, error->message);
      return NULL;
    }

  return template_new_from_document (doc, id);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * trellis_template_list_builtin:
 *
 * Returns: (transfer full): a #GListModel of #TrellisTemplate, ordered by id
 */
GListModel *
trellis_template_list_builtin (void)
{
  GListStore *store = g_list_store_new (TRELLIS_TYPE_TEMPLATE);
  g_auto(GStrv) names = g_resource_enumerate_children (trellis_core_get_resource (), TEMPLATES_PATH,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  guint n_names;

  if (names == NULL)
    return G_LIST_MODEL (store);

  /* The resource enumerates in hash order; a stable order reads better in a list. */
  n_names = g_strv_length (names);
  qsort (names, n_names, sizeof (char *), compare_names);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *id = NULL;
      g_autoptr(TrellisTemplate) template = NULL;

      if (!g_str_has_suffix (names[i], TEMPLATE_SUFFIX))
        continue;
      id = g_strndup (names[i], strlen (names[i]) - strlen (TEMPLATE_SUFFIX));
      template = trellis_template_find (id);
      if (template != NULL)
        g_list_store_append (store, template);
    }
  return G_LIST_MODEL (store);
}

static TrellisChecklist *
read_template_checklist (xmlDoc      *doc,
                         const char  *display_name,
                         GError     **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (_trellis_xml_is_element (child, "checklist"))
      return _trellis_checklist_read_node (child, display_name, error);

  g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_INVALID,
               _("The template “%s” has no checklist."), display_name);
  return NULL;
}

/**
 * trellis_template_load:
 * @id: a template id, such as "is-ofpc"
 *
 * Reads a built-in template's checklist. The checklist records the template's id and
 * version, so a project remembers where it started.
 *
 * Returns: (transfer full) (nullable): a new checklist belonging to no project
 */
TrellisChecklist *
trellis_template_load (const char  *id,
                       GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(TrellisChecklist) checklist = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *version = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = read_template_document (id, error);
  if (doc == NULL)
    return NULL;

  file_name = g_strconcat (id, TEMPLATE_SUFFIX, NULL);
  checklist = read_template_checklist (doc, file_name, error);
  if (checklist == NULL)
    return NULL;
  version = _trellis_xml_dup_attribute (xmlDocGetRootElement (doc), "version");
  trellis_checklist_set_template_id (checklist, id);
  trellis_checklist_set_template_version (checklist, version);
  return g_steal_pointer (&checklist);
}

/**
 * trellis_project_new_from_template:
 * @id: a template id, such as "is-ofpc"
 * @name: (nullable): the partnership's name
 *
 * Returns: (transfer full) (nullable): a new project whose checklist is the template's,
 *   with no rounds and an empty plan
 */
TrellisProject *
trellis_project_new_from_template (const char  *id,
                                   const char  *name,
                                   GError     **error)
{
  g_autoptr(TrellisChecklist) checklist = NULL;
  g_autoptr(TrellisProject) project = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  checklist = trellis_template_load (id, error);
  if (checklist == NULL)
    return NULL;
  project = trellis_project_new ();
  trellis_project_set_name (project, name);
  trellis_project_set_checklist (project, checklist);
  return g_steal_pointer (&project);
}

/* ------------------------------------------------------------------------------------
 * Template files: a tailored checklist saved to start other projects from
 * ------------------------------------------------------------------------------------ */

/* A template file is exactly what the built-in templates are: a <trellis-template> with
 * a title, a summary and a checklist, in the project file's namespace and format
 * version (data/trellis-project.rng). */

/* Refuses a project file politely: people will try to start from last year's project. */
static void
explain_not_a_template (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(xmlDoc) project = NULL;

  if (!g_error_matches (*error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_NOT_A_PROJECT))
    return;
  project = _trellis_xml_read_document (bytes, display_name, "trellis-project", NULL);
  if (project == NULL)
    return;
  g_clear_error (error);
  g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_NOT_A_PROJECT,
               _("“%s” is a Trellis project, not a template. Open it and use Save as Template "
                 "to start other projects from its checklist."),
               display_name);
}

/* A template is a checklist: far below a project's limit, which is a share of memory. */
#define TEMPLATE_MAX_SIZE (64 * 1024 * 1024)

static xmlDoc *
read_template_file (GFile         *file,
                    GCancellable  *cancellable,
                    char         **display_name,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlDoc *doc;

  *display_name = trellis_file_dup_display_basename (file);
  bytes = trellis_file_read_at_most (file, TEMPLATE_MAX_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not read “%s”: "), *display_name);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > TEMPLATE_MAX_SIZE)
    {
      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a Trellis template."), *display_name);
      return NULL;
    }
  doc = _trellis_xml_read_document (bytes, *display_name, ROOT_TEMPLATE, &local_error);
  if (doc == NULL)
    {
      explain_not_a_template (bytes, *display_name, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return doc;
}

/**
 * trellis_template_load_file:
 * @file: a template file (.trellis-template)
 *
 * Reads a template file whole, checklist included, to describe it: a file that is not
 * a template, is damaged or hostile, or was written by a newer major version of the
 * format is refused here, with a message that names it.
 *
 * Returns: (transfer full) (nullable): the template's description
 */
TrellisTemplate *
trellis_template_load_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(TrellisChecklist) checklist = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = read_template_file (file, cancellable, &display_name, error);
  if (doc == NULL)
    return NULL;
  checklist = read_template_checklist (doc, display_name, error);
  if (checklist == NULL)
    return NULL;
  id = _trellis_xml_dup_attribute (xmlDocGetRootElement (doc), "id");
  return template_new_from_document (doc, id != NULL && *id != '\0' ? id : display_name);
}

/**
 * trellis_project_new_from_template_file:
 * @file: a template file (.trellis-template)
 * @name: (nullable): the partnership's name
 *
 * Starts a project from a template file. Its checklist keeps the built-in template it
 * was tailored from (the checklist's template attribute), so that the new project's
 * statements keep their ids and survey exports match as they did.
 *
 * Returns: (transfer full) (nullable): a new project with the template's checklist, or
 *   %NULL with @error set (see trellis_template_load_file())
 */
TrellisProject *
trellis_project_new_from_template_file (GFile         *file,
                                        const char    *name,
                                        GCancellable  *cancellable,
                                        GError       **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(TrellisChecklist) checklist = NULL;
  g_autofree char *display_name = NULL;
  TrellisProject *project;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = read_template_file (file, cancellable, &display_name, error);
  if (doc == NULL)
    return NULL;
  checklist = read_template_checklist (doc, display_name, error);
  if (checklist == NULL)
    return NULL;

  project = trellis_project_new ();
  trellis_project_set_name (project, name);
  trellis_project_set_checklist (project, checklist);
  return project;
}

/* "Northshire CSP — checklist" → "northshire-csp-checklist": a template id is a name
 * for people and file names, not a key anything depends on. */
static char *
dup_id_from_title (const char *title)
{
  g_autoptr(GString) id = g_string_new (NULL);

  for (const char *p = title != NULL ? title : ""; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_assign (id, "checklist");
  return g_string_free (g_steal_pointer (&id), FALSE);
}

/**
 * trellis_template_save_to_bytes:
 * @checklist: the tailored checklist
 * @title: what the template is called where templates are listed
 * @summary: (nullable): a sentence saying what it covers
 *
 * Writes @checklist as a template file: cut sections and statements stay in it, cut,
 * as they were; rounds, plan and partnership are never part of a template.
 *
 * Returns: (transfer full): the file's bytes
 */
GBytes *
trellis_template_save_to_bytes (TrellisChecklist *checklist,
                                const char       *title,
                                const char       *summary)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *id = NULL;
  xmlNode *root;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (title != NULL && *title != '\0', NULL);

  doc = _trellis_xml_new_document (ROOT_TEMPLATE);
  root = xmlDocGetRootElement (doc);
  id = dup_id_from_title (title);
  _trellis_xml_set_attribute (root, "id", id);
  _trellis_xml_set_attribute (root, "version", "1");
  _trellis_xml_add_text_element (root, "title", title);
  if (summary != NULL && *summary != '\0')
    _trellis_xml_add_text_element (root, "summary", summary);
  _trellis_checklist_write_node (root, checklist);
  return _trellis_xml_dump_document (doc);
}

/**
 * trellis_template_save_file:
 *
 * Saves @checklist as a template file (see trellis_template_save_to_bytes()),
 * atomically: on failure @file is left as it was.
 *
 * Returns: whether the template was saved
 */
gboolean
trellis_template_save_file (TrellisChecklist  *checklist,
                            const char        *title,
                            const char        *summary,
                            GFile             *file,
                            GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = trellis_template_save_to_bytes (checklist, title, summary);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_autofree char *name = trellis_file_dup_display_basename (file);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not save “%s”: "), name);
      return FALSE;
    }
  return TRUE;
}
