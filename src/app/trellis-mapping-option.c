/* trellis-mapping-option.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-mapping-option"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-mapping-option.h"

/* An entry of the import assistant's per-column drop-down. The options of one project
 * form one list that every column's drop-down shares. */
struct _TrellisMappingOption
{
  GObject            parent_instance;

  TrellisColumnRole  role;
  char              *target;
  char              *label;
};

G_DEFINE_FINAL_TYPE (TrellisMappingOption, trellis_mapping_option, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_mapping_option_finalize (GObject *object)
{
  TrellisMappingOption *self = (TrellisMappingOption *) object;

  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (trellis_mapping_option_parent_class)->finalize (object);
}

static void
trellis_mapping_option_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TrellisMappingOption *self = TRELLIS_MAPPING_OPTION (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_mapping_option_class_init (TrellisMappingOptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_mapping_option_finalize;
  object_class->get_property = trellis_mapping_option_get_property;

  /* What the drop-down shows and searches. */
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_mapping_option_init (TrellisMappingOption *self)
{
}

static void
add_option (GListStore        *store,
            TrellisColumnRole  role,
            const char        *target,
            char              *label)
{
  g_autoptr(TrellisMappingOption) option = g_object_new (TRELLIS_TYPE_MAPPING_OPTION, NULL);

  option->role = role;
  option->target = g_strdup (target);
  option->label = label;
  g_list_store_append (store, option);
}

static void
add_statement_options (GListStore       *store,
                       TrellisChecklist *checklist,
                       TrellisStatement *statement)
{
  guint n_scales = trellis_checklist_get_n_scales (checklist);

  if (trellis_statement_get_kind (statement) == TRELLIS_STATEMENT_MULTI)
    {
      for (guint c = 0; c < trellis_statement_get_n_children (statement); c++)
        add_statement_options (store, checklist, trellis_statement_get_child (statement, c));
      return;
    }
  if (!trellis_statement_is_rated (statement))
    return;

  for (guint s = 0; s < n_scales; s++)
    {
      TrellisScale *scale = trellis_checklist_get_scale (checklist, s);
      g_autofree char *key = trellis_checklist_dup_item_key (checklist, statement, scale);
      g_autofree char *label = trellis_statement_dup_label (statement);

      /* Dudley's checklist asks each statement twice: say which time. */
      if (n_scales > 1)
        add_option (store, TRELLIS_COLUMN_ITEM, key,
                    /* Translators: a statement, then the scale it is rated on */
                    g_strdup_printf (_("%s (%s)"), label, trellis_scale_get_title (scale)));
      else
        add_option (store, TRELLIS_COLUMN_ITEM, key, g_steal_pointer (&label));
    }
}

/**
 * trellis_mapping_options_new:
 *
 * Every role a column can take in @project: not imported, dropped, the group, and then
 * section by section each rated item and the section's comments, in checklist order.
 *
 * Returns: (transfer full): a list of #TrellisMappingOption
 */
GListModel *
trellis_mapping_options_new (TrellisProject *project)
{
  GListStore *store = g_list_store_new (TRELLIS_TYPE_MAPPING_OPTION);
  TrellisChecklist *checklist;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);

  checklist = trellis_project_get_checklist (project);
  add_option (store, TRELLIS_COLUMN_IGNORED, NULL, g_strdup (_("Not imported")));
  add_option (store, TRELLIS_COLUMN_IDENTIFYING, NULL, g_strdup (_("Dropped: identifies people")));
  add_option (store, TRELLIS_COLUMN_METADATA, NULL, g_strdup (_("Dropped: survey tool’s bookkeeping")));
  add_option (store, TRELLIS_COLUMN_COMPLETION, NULL, g_strdup (_("Finished or not (then dropped)")));
  add_option (store, TRELLIS_COLUMN_GROUP, NULL, g_strdup (_("Respondent’s group")));

  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, s);
      const char *code = trellis_section_get_code (section);

      for (guint i = 0; i < trellis_section_get_n_statements (section); i++)
        add_statement_options (store, checklist, trellis_section_get_statement (section, i));
      add_option (store, TRELLIS_COLUMN_COMMENT, trellis_section_get_id (section),
                  /* Translators: a comment box column: "Comments on section B: Informed by Evidence" */
                  g_strdup_printf (_("Comments on section %s: %s"),
                                   code != NULL ? code : trellis_section_get_id (section),
                                   trellis_section_get_title (section) != NULL
                                   ? trellis_section_get_title (section) : ""));
    }
  return G_LIST_MODEL (store);
}

/**
 * trellis_mapping_options_find:
 * @options: a list from trellis_mapping_options_new()
 *
 * Returns: the position of the option for @role and @target, or %GTK_INVALID_LIST_POSITION
 *   (G_MAXUINT) when there is none
 */
guint
trellis_mapping_options_find (GListModel        *options,
                              TrellisColumnRole  role,
                              const char        *target)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (options), G_MAXUINT);

  n = g_list_model_get_n_items (options);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisMappingOption) option = g_list_model_get_item (options, i);

      if (option->role != role)
        continue;
      if ((role == TRELLIS_COLUMN_ITEM || role == TRELLIS_COLUMN_COMMENT) &&
          g_strcmp0 (option->target, target) != 0)
        continue;
      return i;
    }
  return G_MAXUINT;
}

TrellisColumnRole
trellis_mapping_option_get_role (TrellisMappingOption *self)
{
  g_return_val_if_fail (TRELLIS_IS_MAPPING_OPTION (self), TRELLIS_COLUMN_IGNORED);
  return self->role;
}

/**
 * trellis_mapping_option_get_target:
 *
 * Returns: (nullable): the item key or section id
 */
const char *
trellis_mapping_option_get_target (TrellisMappingOption *self)
{
  g_return_val_if_fail (TRELLIS_IS_MAPPING_OPTION (self), NULL);
  return self->target;
}

const char *
trellis_mapping_option_get_label (TrellisMappingOption *self)
{
  g_return_val_if_fail (TRELLIS_IS_MAPPING_OPTION (self), NULL);
  return self->label;
}
