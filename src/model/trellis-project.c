/* trellis-project.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-project"

#include "config.h"

#include "trellis-checklist.h"
#include "trellis-plan.h"
#include "trellis-project.h"
#include "trellis-round.h"
#include "trellis-statement.h"

struct _TrellisProject
{
  TrellisNode       parent_instance;

  char             *name;
  char             *description;
  guint             min_group_size;
  GStrv             redact_names;   /* people's names redaction looks for, never NULL */
  TrellisChecklist *checklist;
  GListStore       *rounds;
  TrellisPlan      *plan;
};

G_DEFINE_FINAL_TYPE (TrellisProject, trellis_project, TRELLIS_TYPE_NODE)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_MIN_GROUP_SIZE,
  PROP_CHECKLIST,
  PROP_REDACT_NAMES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
trellis_project_changed (TrellisNode *node)
{
  g_signal_emit (node, signals[CHANGED], 0);
}

static void
trellis_project_dispose (GObject *object)
{
  TrellisProject *self = (TrellisProject *) object;

  if (self->rounds != NULL)
    _trellis_node_store_clear (self->rounds);
  g_clear_object (&self->rounds);
  if (self->checklist != NULL)
    _trellis_node_set_parent (TRELLIS_NODE (self->checklist), NULL);
  g_clear_object (&self->checklist);
  if (self->plan != NULL)
    _trellis_node_set_parent (TRELLIS_NODE (self->plan), NULL);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (trellis_project_parent_class)->dispose (object);
}

static void
trellis_project_finalize (GObject *object)
{
  TrellisProject *self = (TrellisProject *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->redact_names, g_strfreev);

  G_OBJECT_CLASS (trellis_project_parent_class)->finalize (object);
}

static void
trellis_project_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrellisProject *self = TRELLIS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_MIN_GROUP_SIZE:
      g_value_set_uint (value, self->min_group_size);
      break;
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    case PROP_REDACT_NAMES:
      g_value_set_boxed (value, self->redact_names);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_project_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TrellisProject *self = TRELLIS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      trellis_project_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      trellis_project_set_description (self, g_value_get_string (value));
      break;
    case PROP_MIN_GROUP_SIZE:
      trellis_project_set_min_group_size (self, g_value_get_uint (value));
      break;
    case PROP_CHECKLIST:
      trellis_project_set_checklist (self, g_value_get_object (value));
      break;
    case PROP_REDACT_NAMES:
      trellis_project_set_redact_names (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_project_class_init (TrellisProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisNodeClass *node_class = TRELLIS_NODE_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = trellis_project_dispose;
  object_class->finalize = trellis_project_finalize;
  object_class->get_property = trellis_project_get_property;
  object_class->set_property = trellis_project_set_property;
  node_class->changed = trellis_project_changed;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_MIN_GROUP_SIZE] =
    g_param_spec_uint ("min-group-size", NULL, NULL,
                       TRELLIS_MIN_GROUP_SIZE_FLOOR, G_MAXUINT16, TRELLIS_MIN_GROUP_SIZE_DEFAULT, rw);
  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, TRELLIS_TYPE_CHECKLIST, rw);
  properties[PROP_REDACT_NAMES] =
    g_param_spec_boxed ("redact-names", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisProject::changed:
   *
   * Emitted after anything in the project changed: a property of the project or of any
   * object it holds, or a list of them.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trellis_project_init (TrellisProject *self)
{
  self->min_group_size = TRELLIS_MIN_GROUP_SIZE_DEFAULT;
  self->redact_names = g_new0 (char *, 1);
  self->checklist = trellis_checklist_new ();
  _trellis_node_set_parent (TRELLIS_NODE (self->checklist), TRELLIS_NODE (self));
  self->rounds = g_list_store_new (TRELLIS_TYPE_ROUND);
  self->plan = trellis_plan_new ();
  _trellis_node_set_parent (TRELLIS_NODE (self->plan), TRELLIS_NODE (self));
}

/**
 * trellis_project_new:
 *
 * Creates an empty project: an empty checklist, no rounds, an empty plan.
 */
TrellisProject *
trellis_project_new (void)
{
  return g_object_new (TRELLIS_TYPE_PROJECT, NULL);
}

const char *
trellis_project_get_name (TrellisProject *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);
  return self->name;
}

void
trellis_project_set_name (TrellisProject *self,
                          const char     *name)
{
  g_return_if_fail (TRELLIS_IS_PROJECT (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->name, name, properties[PROP_NAME]);
}

const char *
trellis_project_get_description (TrellisProject *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);
  return self->description;
}

void
trellis_project_set_description (TrellisProject *self,
                                 const char     *description)
{
  g_return_if_fail (TRELLIS_IS_PROJECT (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->description, description,
                            properties[PROP_DESCRIPTION]);
}

/**
 * trellis_project_get_min_group_size:
 *
 * Returns: the fewest respondents a group may have before its results are shown
 */
guint
trellis_project_get_min_group_size (TrellisProject *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), TRELLIS_MIN_GROUP_SIZE_DEFAULT);
  return self->min_group_size;
}

/**
 * trellis_project_set_min_group_size:
 *
 * Sets the minimum group size; values below the floor of 3 are raised to it, because a
 * smaller group's answers could be traced to a person.
 */
void
trellis_project_set_min_group_size (TrellisProject *self,
                                    guint           size)
{
  g_return_if_fail (TRELLIS_IS_PROJECT (self));

  size = CLAMP (size, TRELLIS_MIN_GROUP_SIZE_FLOOR, G_MAXUINT16);
  _trellis_node_set_int (TRELLIS_NODE (self), (int *) &self->min_group_size, (int) size,
                         properties[PROP_MIN_GROUP_SIZE]);
}

/**
 * trellis_project_get_redact_names:
 *
 * Returns: (transfer none): the names of the partnership's people (its members, staff)
 *   that redaction looks for in comments; empty, never %NULL
 */
const char * const *
trellis_project_get_redact_names (TrellisProject *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);
  return (const char * const *) self->redact_names;
}

/**
 * trellis_project_set_redact_names:
 * @names: (nullable): the names, one a string; blank ones and repeats are dropped
 */
void
trellis_project_set_redact_names (TrellisProject     *self,
                                  const char * const *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  GStrv cleaned;

  g_return_if_fail (TRELLIS_IS_PROJECT (self));

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));

      if (*name == '\0' || g_ptr_array_find_with_equal_func (seen, name, g_str_equal, NULL))
        continue;
      g_strv_builder_add (builder, name);
      g_ptr_array_add (seen, g_steal_pointer (&name));
    }
  cleaned = g_strv_builder_end (builder);
  if (self->redact_names != NULL && g_strv_equal ((const char * const *) cleaned,
                                                  (const char * const *) self->redact_names))
    {
      g_strfreev (cleaned);
      return;
    }
  g_strfreev (self->redact_names);
  self->redact_names = cleaned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDACT_NAMES]);
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_project_get_checklist:
 *
 * Returns: (transfer none): the project's checklist
 */
TrellisChecklist *
trellis_project_get_checklist (TrellisProject *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);
  return self->checklist;
}

/**
 * trellis_project_set_checklist:
 *
 * Replaces the checklist, as when a project is started from a template.
 */
void
trellis_project_set_checklist (TrellisProject   *self,
                               TrellisChecklist *checklist)
{
  g_return_if_fail (TRELLIS_IS_PROJECT (self));
  g_return_if_fail (TRELLIS_IS_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;
  _trellis_node_set_parent (TRELLIS_NODE (self->checklist), NULL);
  g_set_object (&self->checklist, checklist);
  _trellis_node_set_parent (TRELLIS_NODE (checklist), TRELLIS_NODE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_project_get_plan:
 *
 * Returns: (transfer none): the improvement plan
 */
TrellisPlan *
trellis_project_get_plan (TrellisProject *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);
  return self->plan;
}

/**
 * trellis_project_get_rounds:
 *
 * Returns: (transfer none): a #GListModel of #TrellisRound, oldest first
 */
GListModel *
trellis_project_get_rounds (TrellisProject *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->rounds);
}

guint
trellis_project_get_n_rounds (TrellisProject *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->rounds));
}

/**
 * trellis_project_get_round:
 *
 * Returns: (transfer none) (nullable): the round at @position
 */
TrellisRound *
trellis_project_get_round (TrellisProject *self,
                           guint           position)
{
  g_autoptr(TrellisRound) round = NULL;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);

  round = g_list_model_get_item (G_LIST_MODEL (self->rounds), position);
  return round;
}

/**
 * trellis_project_append_round:
 *
 * Adds a round. Build a round completely (responses, comments, mapping) before adding
 * it, so the project changes once rather than once per response. The round records
 * the current wording of each statement it answered, unless it knows it already (see
 * trellis_round_record_wordings()).
 */
void
trellis_project_append_round (TrellisProject *self,
                              TrellisRound   *round)
{
  g_return_if_fail (TRELLIS_IS_PROJECT (self));
  g_return_if_fail (TRELLIS_IS_ROUND (round));
  g_return_if_fail (trellis_project_find_round (self, trellis_round_get_id (round)) == NULL);

  trellis_round_record_wordings (round, self->checklist);
  _trellis_node_store_insert (TRELLIS_NODE (self), self->rounds, G_MAXUINT, round);
}

gboolean
trellis_project_remove_round (TrellisProject *self,
                              TrellisRound   *round)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ROUND (round), FALSE);

  return _trellis_node_store_remove (TRELLIS_NODE (self), self->rounds, round);
}

/**
 * trellis_project_dup_rounds_answering:
 * @statement: a statement of the project's checklist
 *
 * The rounds whose answers a rewording of @statement would change the meaning of.
 *
 * Returns: (transfer container) (element-type TrellisRound): the rounds that answered
 *   @statement (or a part of it), oldest first; empty when none did
 */
GPtrArray *
trellis_project_dup_rounds_answering (TrellisProject   *self,
                                      TrellisStatement *statement)
{
  GPtrArray *rounds;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), NULL);

  rounds = g_ptr_array_new_with_free_func (g_object_unref);
  n = trellis_project_get_n_rounds (self);
  for (guint i = 0; i < n; i++)
    {
      TrellisRound *round = trellis_project_get_round (self, i);

      if (trellis_round_answers_statement (round, statement))
        g_ptr_array_add (rounds, g_object_ref (round));
    }
  return rounds;
}

/**
 * trellis_project_find_round:
 *
 * Returns: (transfer none) (nullable): the round with this id
 */
TrellisRound *
trellis_project_find_round (TrellisProject *self,
                            const char     *id)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = trellis_project_get_n_rounds (self);
  for (guint i = 0; i < n; i++)
    {
      TrellisRound *round = trellis_project_get_round (self, i);
      if (g_strcmp0 (trellis_round_get_id (round), id) == 0)
        return round;
    }
  return NULL;
}

/**
 * trellis_project_find_round_by_label:
 *
 * Finds a round by the label the facilitator gave it, ignoring case, or by its id.
 *
 * Returns: (transfer none) (nullable): the round
 */
TrellisRound *
trellis_project_find_round_by_label (TrellisProject *self,
                                     const char     *label)
{
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  wanted = g_utf8_casefold (label, -1);
  n = trellis_project_get_n_rounds (self);
  for (guint i = 0; i < n; i++)
    {
      TrellisRound *round = trellis_project_get_round (self, i);
      const char *round_label = trellis_round_get_label (round);
      g_autofree char *folded = round_label != NULL ? g_utf8_casefold (round_label, -1) : NULL;

      if (g_strcmp0 (folded, wanted) == 0)
        return round;
    }
  return trellis_project_find_round (self, label);
}

/**
 * trellis_project_get_latest_round:
 *
 * Returns: (transfer none) (nullable): the most recently added round
 */
TrellisRound *
trellis_project_get_latest_round (TrellisProject *self)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);

  n = trellis_project_get_n_rounds (self);
  return n > 0 ? trellis_project_get_round (self, n - 1) : NULL;
}

/**
 * trellis_project_new_round_id:
 *
 * Returns: (transfer full): an id no round of this project uses
 */
char *
trellis_project_new_round_id (TrellisProject *self)
{
  g_return_val_if_fail (TRELLIS_IS_PROJECT (self), NULL);

  for (guint i = trellis_project_get_n_rounds (self) + 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      if (trellis_project_find_round (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}
