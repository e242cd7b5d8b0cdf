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
#include "trellis-project.h"
#include "trellis-project-io-private.h"
#include "trellis-template.h"

/* Built-in templates are project-format XML files compiled into the core (see
 * data/trellis-core.gresource.xml); a template's file is named after its id. */
#define TEMPLATES_PATH "/org/trellisapp/Trellis/templates/"
#define TEMPLATE_SUFFIX ".xml"

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

  doc = _trellis_xml_read_document (bytes, file_name, "trellis-template", error);
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
  g_autofree char *version = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *source = NULL;
  xmlNode *root;

  g_return_val_if_fail (id != NULL, NULL);

  doc = read_template_document (id, &error);
  if (doc == NULL)
    {
      /* The built-in templates are tested; one that does not read is a build defect. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Built-in template “%s” is broken: %s", id, error->message);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  version = _trellis_xml_dup_attribute (root, "version");
  title = _trellis_xml_dup_child_text (root, "title");
  summary = _trellis_xml_dup_child_text (root, "summary");
  source = _trellis_xml_dup_child_text (root, "source");
  return g_object_new (TRELLIS_TYPE_TEMPLATE,
                       "id", id,
                       "title", title != NULL ? title : id,
                       "summary", summary,
                       "source", source,
                       "version", version,
                       NULL);
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
  xmlNode *root;
  xmlNode *checklist_node = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = read_template_document (id, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  file_name = g_strconcat (id, TEMPLATE_SUFFIX, NULL);
  for (xmlNode *child = root->children; child != NULL && checklist_node == NULL; child = child->next)
    if (_trellis_xml_is_element (child, "checklist"))
      checklist_node = child;
  if (checklist_node == NULL)
    {
      g_set_error (error, TRELLIS_PROJECT_ERROR, TRELLIS_PROJECT_ERROR_INVALID,
                   _("The template “%s” has no checklist."), file_name);
      return NULL;
    }

  checklist = _trellis_checklist_read_node (checklist_node, file_name, error);
  if (checklist == NULL)
    return NULL;
  version = _trellis_xml_dup_attribute (root, "version");
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
