/* trellis-checklist.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-checklist"

#include "config.h"

#include <string.h>

#include "trellis-checklist.h"
#include "trellis-scale.h"
#include "trellis-section.h"
#include "trellis-statement.h"

struct _TrellisChecklist
{
  TrellisNode  parent_instance;

  char        *title;
  char        *description;
  char        *template_id;
  char        *template_version;
  GListStore  *scales;
  GListStore  *sections;
};

G_DEFINE_FINAL_TYPE (TrellisChecklist, trellis_checklist, TRELLIS_TYPE_NODE)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_TEMPLATE_ID,
  PROP_TEMPLATE_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A rated statement answered on a second scale (Dudley's importance and effectiveness)
 * has one item per scale; the first scale's item is keyed by the statement id alone so
 * that adding a scale later leaves the answers already stored where they were. */
#define ITEM_KEY_SCALE_SEPARATOR '@'

static void
trellis_checklist_dispose (GObject *object)
{
  TrellisChecklist *self = (TrellisChecklist *) object;

  if (self->scales != NULL)
    _trellis_node_store_clear (self->scales);
  if (self->sections != NULL)
    _trellis_node_store_clear (self->sections);
  g_clear_object (&self->scales);
  g_clear_object (&self->sections);

  G_OBJECT_CLASS (trellis_checklist_parent_class)->dispose (object);
}

static void
trellis_checklist_finalize (GObject *object)
{
  TrellisChecklist *self = (TrellisChecklist *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->template_version, g_free);

  G_OBJECT_CLASS (trellis_checklist_parent_class)->finalize (object);
}

static void
trellis_checklist_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrellisChecklist *self = TRELLIS_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_TEMPLATE_ID:
      g_value_set_string (value, self->template_id);
      break;
    case PROP_TEMPLATE_VERSION:
      g_value_set_string (value, self->template_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_checklist_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TrellisChecklist *self = TRELLIS_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      trellis_checklist_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      trellis_checklist_set_description (self, g_value_get_string (value));
      break;
    case PROP_TEMPLATE_ID:
      trellis_checklist_set_template_id (self, g_value_get_string (value));
      break;
    case PROP_TEMPLATE_VERSION:
      trellis_checklist_set_template_version (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_checklist_class_init (TrellisChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = trellis_checklist_dispose;
  object_class->finalize = trellis_checklist_finalize;
  object_class->get_property = trellis_checklist_get_property;
  object_class->set_property = trellis_checklist_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_TEMPLATE_ID] = g_param_spec_string ("template-id", NULL, NULL, NULL, rw);
  properties[PROP_TEMPLATE_VERSION] = g_param_spec_string ("template-version", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_checklist_init (TrellisChecklist *self)
{
  self->scales = g_list_store_new (TRELLIS_TYPE_SCALE);
  self->sections = g_list_store_new (TRELLIS_TYPE_SECTION);
}

/**
 * trellis_checklist_new:
 *
 * Creates an empty checklist with no scales and no sections.
 */
TrellisChecklist *
trellis_checklist_new (void)
{
  return g_object_new (TRELLIS_TYPE_CHECKLIST, NULL);
}

const char *
trellis_checklist_get_title (TrellisChecklist *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  return self->title;
}

void
trellis_checklist_set_title (TrellisChecklist *self,
                             const char       *value)
{
  g_return_if_fail (TRELLIS_IS_CHECKLIST (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->title, value, properties[PROP_TITLE]);
}

const char *
trellis_checklist_get_description (TrellisChecklist *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  return self->description;
}

void
trellis_checklist_set_description (TrellisChecklist *self,
                                   const char       *value)
{
  g_return_if_fail (TRELLIS_IS_CHECKLIST (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->description, value, properties[PROP_DESCRIPTION]);
}

const char *
trellis_checklist_get_template_id (TrellisChecklist *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  return self->template_id;
}

void
trellis_checklist_set_template_id (TrellisChecklist *self,
                                   const char       *value)
{
  g_return_if_fail (TRELLIS_IS_CHECKLIST (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->template_id, value, properties[PROP_TEMPLATE_ID]);
}

const char *
trellis_checklist_get_template_version (TrellisChecklist *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  return self->template_version;
}

void
trellis_checklist_set_template_version (TrellisChecklist *self,
                                        const char       *value)
{
  g_return_if_fail (TRELLIS_IS_CHECKLIST (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->template_version, value, properties[PROP_TEMPLATE_VERSION]);
}

/**
 * trellis_checklist_get_scales:
 *
 * Returns: (transfer none): a #GListModel of #TrellisScale; every rated statement is
 *   answered once on each
 */
GListModel *
trellis_checklist_get_scales (TrellisChecklist *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  return G_LIST_MODEL (self->scales);
}

guint
trellis_checklist_get_n_scales (TrellisChecklist *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->scales));
}

/**
 * trellis_checklist_get_scale:
 *
 * Returns: (transfer none) (nullable): the scale at @position; 0 is the main scale
 */
TrellisScale *
trellis_checklist_get_scale (TrellisChecklist *self,
                             guint             position)
{
  g_autoptr(TrellisScale) scale = NULL;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);

  scale = g_list_model_get_item (G_LIST_MODEL (self->scales), position);
  return scale;
}

/**
 * trellis_checklist_find_scale:
 *
 * Returns: (transfer none) (nullable): the scale with this id
 */
TrellisScale *
trellis_checklist_find_scale (TrellisChecklist *self,
                              const char       *id)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = trellis_checklist_get_n_scales (self);
  for (guint i = 0; i < n; i++)
    {
      TrellisScale *scale = trellis_checklist_get_scale (self, i);
      if (g_strcmp0 (trellis_scale_get_id (scale), id) == 0)
        return scale;
    }
  return NULL;
}

/**
 * trellis_checklist_find_scale_by_role:
 * @role: an importance or effectiveness role
 *
 * Returns: (transfer none) (nullable): the first scale with this role
 */
TrellisScale *
trellis_checklist_find_scale_by_role (TrellisChecklist *self,
                                      TrellisScaleRole  role)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (role != TRELLIS_SCALE_ROLE_NONE, NULL);

  for (guint i = 0; i < trellis_checklist_get_n_scales (self); i++)
    {
      TrellisScale *scale = trellis_checklist_get_scale (self, i);
      if (trellis_scale_get_role (scale) == role)
        return scale;
    }
  return NULL;
}

void
trellis_checklist_append_scale (TrellisChecklist *self,
                                TrellisScale     *scale)
{
  g_return_if_fail (TRELLIS_IS_CHECKLIST (self));
  g_return_if_fail (TRELLIS_IS_SCALE (scale));
  g_return_if_fail (trellis_checklist_find_scale (self, trellis_scale_get_id (scale)) == NULL);

  _trellis_node_store_insert (TRELLIS_NODE (self), self->scales, G_MAXUINT, scale);
}

gboolean
trellis_checklist_remove_scale (TrellisChecklist *self,
                                TrellisScale     *scale)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SCALE (scale), FALSE);

  return _trellis_node_store_remove (TRELLIS_NODE (self), self->scales, scale);
}

/**
 * trellis_checklist_get_sections:
 *
 * Returns: (transfer none): a #GListModel of #TrellisSection in checklist order
 */
GListModel *
trellis_checklist_get_sections (TrellisChecklist *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  return G_LIST_MODEL (self->sections);
}

guint
trellis_checklist_get_n_sections (TrellisChecklist *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sections));
}

/**
 * trellis_checklist_get_section:
 *
 * Returns: (transfer none) (nullable): the section at @position
 */
TrellisSection *
trellis_checklist_get_section (TrellisChecklist *self,
                               guint             position)
{
  g_autoptr(TrellisSection) section = NULL;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);

  section = g_list_model_get_item (G_LIST_MODEL (self->sections), position);
  return section;
}

void
trellis_checklist_insert_section (TrellisChecklist *self,
                                  guint             position,
                                  TrellisSection   *section)
{
  g_return_if_fail (TRELLIS_IS_CHECKLIST (self));
  g_return_if_fail (TRELLIS_IS_SECTION (section));

  _trellis_node_store_insert (TRELLIS_NODE (self), self->sections, position, section);
}

void
trellis_checklist_append_section (TrellisChecklist *self,
                                  TrellisSection   *section)
{
  trellis_checklist_insert_section (self, G_MAXUINT, section);
}

gboolean
trellis_checklist_remove_section (TrellisChecklist *self,
                                  TrellisSection   *section)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_SECTION (section), FALSE);

  return _trellis_node_store_remove (TRELLIS_NODE (self), self->sections, section);
}

gboolean
trellis_checklist_move_section (TrellisChecklist *self,
                                guint             from,
                                guint             to)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), FALSE);
  return _trellis_node_store_move (TRELLIS_NODE (self), self->sections, from, to);
}

/**
 * trellis_checklist_find_section:
 *
 * Returns: (transfer none) (nullable): the section with this id
 */
TrellisSection *
trellis_checklist_find_section (TrellisChecklist *self,
                                const char       *id)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = trellis_checklist_get_n_sections (self);
  for (guint i = 0; i < n; i++)
    {
      TrellisSection *section = trellis_checklist_get_section (self, i);
      if (g_strcmp0 (trellis_section_get_id (section), id) == 0)
        return section;
    }
  return NULL;
}

/**
 * trellis_checklist_find_statement:
 *
 * Returns: (transfer none) (nullable): the statement or sub-statement with this id
 */
TrellisStatement *
trellis_checklist_find_statement (TrellisChecklist *self,
                                  const char       *id)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = trellis_checklist_get_n_sections (self);
  for (guint i = 0; i < n; i++)
    {
      TrellisStatement *found =
        trellis_section_find_statement (trellis_checklist_get_section (self, i), id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * trellis_checklist_collect_rated:
 * @in_use_only: leave out cut statements and cut sections
 *
 * Returns: (transfer container) (element-type TrellisStatement): every rated statement
 *   in checklist order
 */
GPtrArray *
trellis_checklist_collect_rated (TrellisChecklist *self,
                                 gboolean          in_use_only)
{
  GPtrArray *out;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  n = trellis_checklist_get_n_sections (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) rated =
        trellis_section_collect_rated (trellis_checklist_get_section (self, i), in_use_only);
      for (guint j = 0; j < rated->len; j++)
        g_ptr_array_add (out, g_object_ref (g_ptr_array_index (rated, j)));
    }
  return out;
}

/**
 * trellis_checklist_new_statement_id:
 *
 * Returns: (transfer full): an id no statement of this checklist uses, for a statement
 *   the coordinator adds
 */
char *
trellis_checklist_new_statement_id (TrellisChecklist *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);

  for (guint i = 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("u%u", i);
      if (trellis_checklist_find_statement (self, id) == NULL &&
          trellis_checklist_find_section (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/**
 * trellis_checklist_dup_item_key:
 * @scale: (nullable): the scale the answer is on; %NULL for the main scale
 *
 * Returns: (transfer full): the key a round stores answers to this statement on this
 *   scale under
 */
char *
trellis_checklist_dup_item_key (TrellisChecklist *self,
                                TrellisStatement *statement,
                                TrellisScale     *scale)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), NULL);

  if (scale == NULL || scale == trellis_checklist_get_scale (self, 0))
    return g_strdup (trellis_statement_get_id (statement));
  return g_strdup_printf ("%s%c%s", trellis_statement_get_id (statement),
                          ITEM_KEY_SCALE_SEPARATOR, trellis_scale_get_id (scale));
}

/**
 * trellis_checklist_lookup_item_key:
 * @statement: (out) (optional) (transfer none): the rated statement
 * @scale: (out) (optional) (transfer none): the scale
 *
 * Returns: whether @key names a rated statement and a scale of this checklist
 */
gboolean
trellis_checklist_lookup_item_key (TrellisChecklist  *self,
                                   const char        *key,
                                   TrellisStatement **statement,
                                   TrellisScale     **scale)
{
  g_autofree char *statement_id = NULL;
  const char *separator;
  TrellisStatement *found_statement;
  TrellisScale *found_scale;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  separator = strchr (key, ITEM_KEY_SCALE_SEPARATOR);
  if (separator != NULL)
    {
      statement_id = g_strndup (key, separator - key);
      found_scale = trellis_checklist_find_scale (self, separator + 1);
    }
  else
    {
      statement_id = g_strdup (key);
      found_scale = trellis_checklist_get_scale (self, 0);
    }
  found_statement = trellis_checklist_find_statement (self, statement_id);

  if (found_scale == NULL || found_statement == NULL || !trellis_statement_is_rated (found_statement))
    return FALSE;
  if (statement != NULL)
    *statement = found_statement;
  if (scale != NULL)
    *scale = found_scale;
  return TRUE;
}

/**
 * trellis_checklist_dup_item_keys:
 *
 * Returns: (transfer full): the keys of every rated item, statement by statement and
 *   scale by scale, in checklist order
 */
GStrv
trellis_checklist_dup_item_keys (TrellisChecklist *self,
                                 gboolean          in_use_only)
{
  g_autoptr(GPtrArray) rated = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_scales;

  g_return_val_if_fail (TRELLIS_IS_CHECKLIST (self), NULL);

  rated = trellis_checklist_collect_rated (self, in_use_only);
  n_scales = trellis_checklist_get_n_scales (self);
  for (guint i = 0; i < rated->len; i++)
    for (guint s = 0; s < n_scales; s++)
      {
        g_autofree char *key = trellis_checklist_dup_item_key (self, g_ptr_array_index (rated, i),
                                                               trellis_checklist_get_scale (self, s));
        g_strv_builder_add (builder, key);
      }
  return g_strv_builder_end (builder);
}
