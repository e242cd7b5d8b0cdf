/* trellis-import-column.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include "trellis-enums.h"
#include "trellis-import-enums.h"
#include "trellis-import-column.h"
#include "trellis-table.h"

/* A row of the import assistant's column list: the assistant binds to these properties
 * and changes the mapping through trellis_import_set_column(). */
struct _TrellisImportColumn
{
  GObject            parent_instance;

  guint              index;
  char              *name;
  char              *header;
  TrellisColumnRole  role;
  char              *target;
  double             confidence;
  char              *reason;
  guint              n_filled;
  gboolean           unsettled;
};

G_DEFINE_FINAL_TYPE (TrellisImportColumn, trellis_import_column, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_NAME,
  PROP_HEADER,
  PROP_ROLE,
  PROP_TARGET,
  PROP_CONFIDENCE,
  PROP_REASON,
  PROP_N_FILLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_import_column_finalize (GObject *object)
{
  TrellisImportColumn *self = (TrellisImportColumn *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->header, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (trellis_import_column_parent_class)->finalize (object);
}

static void
trellis_import_column_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisImportColumn *self = TRELLIS_IMPORT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_HEADER:
      g_value_set_string (value, self->header);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_CONFIDENCE:
      g_value_set_double (value, self->confidence);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_N_FILLED:
      g_value_set_uint (value, self->n_filled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_import_column_class_init (TrellisImportColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_import_column_finalize;
  object_class->get_property = trellis_import_column_get_property;

  properties[PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_HEADER] = g_param_spec_string ("header", NULL, NULL, NULL, ro);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, TRELLIS_TYPE_COLUMN_ROLE,
                                             TRELLIS_COLUMN_IGNORED, ro);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, ro);
  properties[PROP_CONFIDENCE] = g_param_spec_double ("confidence", NULL, NULL, 0.0, 1.0, 0.0, ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  properties[PROP_N_FILLED] = g_param_spec_uint ("n-filled", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_import_column_init (TrellisImportColumn *self)
{
}

TrellisImportColumn *
_trellis_import_column_new (guint       index,
                            const char *header,
                            guint       n_filled)
{
  TrellisImportColumn *self = g_object_new (TRELLIS_TYPE_IMPORT_COLUMN, NULL);

  self->index = index;
  self->name = trellis_table_column_name (index);
  self->header = g_strdup (header);
  self->n_filled = n_filled;
  return self;
}

/* Sets what the column holds; notifies only what changed. */
void
_trellis_import_column_set_mapping (TrellisImportColumn *self,
                                    TrellisColumnRole    role,
                                    const char          *target,
                                    double               confidence,
                                    const char          *reason)
{
  g_object_freeze_notify (G_OBJECT (self));
  self->unsettled = FALSE;
  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
  if (g_strcmp0 (self->target, target) != 0)
    {
      g_free (self->target);
      self->target = g_strdup (target);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
    }
  if (self->confidence != confidence)
    {
      self->confidence = confidence;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE]);
    }
  if (g_strcmp0 (self->reason, reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

guint
trellis_import_column_get_index (TrellisImportColumn *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (self), 0);
  return self->index;
}

/**
 * trellis_import_column_get_name:
 *
 * Returns: the column's letter as a spreadsheet shows it ("F", "AB")
 */
const char *
trellis_import_column_get_name (TrellisImportColumn *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (self), NULL);
  return self->name;
}

/**
 * trellis_import_column_get_header:
 *
 * Returns: the header, composed from the tool's header rows, with line breaks as spaces
 */
const char *
trellis_import_column_get_header (TrellisImportColumn *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (self), NULL);
  return self->header;
}

TrellisColumnRole
trellis_import_column_get_role (TrellisImportColumn *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (self), TRELLIS_COLUMN_IGNORED);
  return self->role;
}

/**
 * trellis_import_column_get_target:
 *
 * Returns: (nullable): the item key of an item column, the section id of a comment column
 */
const char *
trellis_import_column_get_target (TrellisImportColumn *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (self), NULL);
  return self->target;
}

/**
 * trellis_import_column_get_confidence:
 *
 * Returns: how sure the importer is of the mapping, from 0 to 1; below 0.8 the
 *   facilitator should look
 */
double
trellis_import_column_get_confidence (TrellisImportColumn *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (self), 0.0);
  return self->confidence;
}

/**
 * trellis_import_column_get_reason:
 *
 * Returns: (nullable): why the column is mapped as it is, in the user's language
 */
const char *
trellis_import_column_get_reason (TrellisImportColumn *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (self), NULL);
  return self->reason;
}

/**
 * trellis_import_column_get_n_filled:
 *
 * Returns: how many responses of the first file have something in this column
 */
guint
trellis_import_column_get_n_filled (TrellisImportColumn *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (self), 0);
  return self->n_filled;
}

/* Marks the column as one the import must not go ahead without: it holds answers but
 * matches no statement, or it holds comments whose section the importer cannot tell.
 * Any later mapping, the facilitator's or a rule's, settles it. */
void
_trellis_import_column_set_unsettled (TrellisImportColumn *self)
{
  self->unsettled = TRUE;
}

/**
 * trellis_import_column_get_unsettled:
 *
 * Returns: whether the column holds answers or comments the importer cannot place on
 *   its own: applying the import would drop them or file them under a guessed section
 */
gboolean
trellis_import_column_get_unsettled (TrellisImportColumn *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_COLUMN (self), FALSE);
  return self->unsettled;
}
