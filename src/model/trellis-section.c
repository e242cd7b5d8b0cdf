/* trellis-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-section.h"
#include "trellis-statement.h"

struct _TrellisSection
{
  TrellisNode  parent_instance;

  char        *id;
  char        *code;
  char        *title;
  char        *description;
  gboolean     included;
  GListStore  *statements;
};

G_DEFINE_FINAL_TYPE (TrellisSection, trellis_section, TRELLIS_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_INCLUDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_section_dispose (GObject *object)
{
  TrellisSection *self = (TrellisSection *) object;

  if (self->statements != NULL)
    _trellis_node_store_clear (self->statements);
  g_clear_object (&self->statements);

  G_OBJECT_CLASS (trellis_section_parent_class)->dispose (object);
}

static void
trellis_section_finalize (GObject *object)
{
  TrellisSection *self = (TrellisSection *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (trellis_section_parent_class)->finalize (object);
}

static void
trellis_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrellisSection *self = TRELLIS_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_INCLUDED:
      g_value_set_boolean (value, self->included);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TrellisSection *self = TRELLIS_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_CODE:
      trellis_section_set_code (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      trellis_section_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      trellis_section_set_description (self, g_value_get_string (value));
      break;
    case PROP_INCLUDED:
      trellis_section_set_included (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
trellis_section_node_get_included (TrellisNode *node)
{
  return trellis_section_get_included (TRELLIS_SECTION (node));
}

static void
trellis_section_class_init (TrellisSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisNodeClass *node_class = TRELLIS_NODE_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = trellis_section_dispose;
  object_class->finalize = trellis_section_finalize;
  object_class->get_property = trellis_section_get_property;
  object_class->set_property = trellis_section_set_property;
  node_class->get_included = trellis_section_node_get_included;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_INCLUDED] = g_param_spec_boolean ("included", NULL, NULL, TRUE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_section_init (TrellisSection *self)
{
  self->included = TRUE;
  self->statements = g_list_store_new (TRELLIS_TYPE_STATEMENT);
}

TrellisSection *
trellis_section_new (const char *id)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (TRELLIS_TYPE_SECTION, "id", id, NULL);
}

const char *
trellis_section_get_id (TrellisSection *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);
  return self->id;
}

const char *
trellis_section_get_code (TrellisSection *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);
  return self->code;
}

void
trellis_section_set_code (TrellisSection *self,
                          const char     *code)
{
  g_return_if_fail (TRELLIS_IS_SECTION (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->code, code, properties[PROP_CODE]);
}

const char *
trellis_section_get_title (TrellisSection *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);
  return self->title;
}

void
trellis_section_set_title (TrellisSection *self,
                           const char     *title)
{
  g_return_if_fail (TRELLIS_IS_SECTION (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->title, title, properties[PROP_TITLE]);
}

const char *
trellis_section_get_description (TrellisSection *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);
  return self->description;
}

void
trellis_section_set_description (TrellisSection *self,
                                 const char     *description)
{
  g_return_if_fail (TRELLIS_IS_SECTION (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->description, description,
                            properties[PROP_DESCRIPTION]);
}

gboolean
trellis_section_get_included (TrellisSection *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION (self), FALSE);
  return self->included;
}

void
trellis_section_set_included (TrellisSection *self,
                              gboolean        included)
{
  g_return_if_fail (TRELLIS_IS_SECTION (self));
  _trellis_node_set_boolean (TRELLIS_NODE (self), &self->included, included,
                             properties[PROP_INCLUDED]);
}

/**
 * trellis_section_dup_label:
 *
 * Returns: (transfer full): "Section B – Informed by Evidence", or the title alone
 */
char *
trellis_section_dup_label (TrellisSection *self)
{
  const char *title;

  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);

  title = self->title != NULL ? self->title : "";
  if (self->code == NULL)
    return g_strdup (title);
  /* TRANSLATORS: a section heading: its letter, then its title */
  return g_strdup_printf (_("Section %s – %s"), self->code, title);
}

/**
 * trellis_section_get_statements:
 *
 * Returns: (transfer none): a #GListModel of the section's top-level #TrellisStatement
 */
GListModel *
trellis_section_get_statements (TrellisSection *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);
  return G_LIST_MODEL (self->statements);
}

guint
trellis_section_get_n_statements (TrellisSection *self)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->statements));
}

/**
 * trellis_section_get_statement:
 *
 * Returns: (transfer none) (nullable): the statement at @position
 */
TrellisStatement *
trellis_section_get_statement (TrellisSection *self,
                               guint           position)
{
  g_autoptr(TrellisStatement) statement = NULL;

  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);

  statement = g_list_model_get_item (G_LIST_MODEL (self->statements), position);
  return statement;
}

void
trellis_section_insert_statement (TrellisSection   *self,
                                  guint             position,
                                  TrellisStatement *statement)
{
  g_return_if_fail (TRELLIS_IS_SECTION (self));
  g_return_if_fail (TRELLIS_IS_STATEMENT (statement));

  _trellis_node_store_insert (TRELLIS_NODE (self), self->statements, position, statement);
}

void
trellis_section_append_statement (TrellisSection   *self,
                                  TrellisStatement *statement)
{
  trellis_section_insert_statement (self, G_MAXUINT, statement);
}

gboolean
trellis_section_remove_statement (TrellisSection   *self,
                                  TrellisStatement *statement)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), FALSE);

  return _trellis_node_store_remove (TRELLIS_NODE (self), self->statements, statement);
}

gboolean
trellis_section_move_statement (TrellisSection *self,
                                guint           from,
                                guint           to)
{
  g_return_val_if_fail (TRELLIS_IS_SECTION (self), FALSE);
  return _trellis_node_store_move (TRELLIS_NODE (self), self->statements, from, to);
}

/**
 * trellis_section_find_statement:
 *
 * Finds a statement or sub-statement of this section by its stable id.
 *
 * Returns: (transfer none) (nullable): the statement
 */
TrellisStatement *
trellis_section_find_statement (TrellisSection *self,
                                const char     *id)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = trellis_section_get_n_statements (self);
  for (guint i = 0; i < n; i++)
    {
      TrellisStatement *statement = trellis_section_get_statement (self, i);
      guint n_children = trellis_statement_get_n_children (statement);

      if (g_strcmp0 (trellis_statement_get_id (statement), id) == 0)
        return statement;
      for (guint j = 0; j < n_children; j++)
        {
          TrellisStatement *child = trellis_statement_get_child (statement, j);
          if (g_strcmp0 (trellis_statement_get_id (child), id) == 0)
            return child;
        }
    }
  return NULL;
}

static void
collect_rated (TrellisStatement *statement,
               gboolean          in_use_only,
               GPtrArray        *out)
{
  guint n_children;

  if (in_use_only && !trellis_statement_get_included (statement))
    return;
  if (trellis_statement_is_rated (statement))
    g_ptr_array_add (out, g_object_ref (statement));

  n_children = trellis_statement_get_n_children (statement);
  for (guint i = 0; i < n_children; i++)
    collect_rated (trellis_statement_get_child (statement, i), in_use_only, out);
}

/**
 * trellis_section_collect_rated:
 * @in_use_only: leave out cut statements (and everything in a cut section)
 *
 * Returns: (transfer container) (element-type TrellisStatement): the statements
 *   respondents rate, in checklist order, sub-statements of a multi-part statement in
 *   place of their lead-in
 */
GPtrArray *
trellis_section_collect_rated (TrellisSection *self,
                               gboolean        in_use_only)
{
  GPtrArray *out;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  if (in_use_only && !self->included)
    return out;

  n = trellis_section_get_n_statements (self);
  for (guint i = 0; i < n; i++)
    collect_rated (trellis_section_get_statement (self, i), in_use_only, out);
  return out;
}

/**
 * trellis_section_get_comment_statement:
 *
 * Returns: (transfer none) (nullable): the section's first comment box
 */
TrellisStatement *
trellis_section_get_comment_statement (TrellisSection *self)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_SECTION (self), NULL);

  n = trellis_section_get_n_statements (self);
  for (guint i = 0; i < n; i++)
    {
      TrellisStatement *statement = trellis_section_get_statement (self, i);
      if (trellis_statement_get_kind (statement) == TRELLIS_STATEMENT_COMMENT)
        return statement;
    }
  return NULL;
}

/**
 * trellis_statement_get_section:
 *
 * Returns: (transfer none) (nullable): the section holding @self or its lead-in
 */
TrellisSection *
trellis_statement_get_section (TrellisStatement *self)
{
  TrellisNode *node;

  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);

  for (node = trellis_node_get_parent (TRELLIS_NODE (self));
       node != NULL;
       node = trellis_node_get_parent (node))
    {
      if (TRELLIS_IS_SECTION (node))
        return TRELLIS_SECTION (node);
    }
  return NULL;
}
