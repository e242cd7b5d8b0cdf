/* trellis-action.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-action"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-action.h"
#include "trellis-enums.h"

struct _TrellisAction
{
  TrellisNode          parent_instance;

  char                *id;
  char                *area;
  char                *text;
  char                *responsible;
  char                *due;
  TrellisActionStatus  status;
  char                *notes;
  char                *round_id;
  GStrv                statement_ids;
  GStrv                section_ids;    /* whole sections: all their statements, as they are then */
};

G_DEFINE_FINAL_TYPE (TrellisAction, trellis_action, TRELLIS_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_AREA,
  PROP_TEXT,
  PROP_RESPONSIBLE,
  PROP_DUE,
  PROP_STATUS,
  PROP_NOTES,
  PROP_ROUND_ID,
  PROP_STATEMENT_IDS,
  PROP_SECTION_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stable names written to the project file; the enum's order may change, these never. */
static const char * const status_names[] = {
  [TRELLIS_ACTION_NOT_STARTED] = "not-started",
  [TRELLIS_ACTION_IN_PROGRESS] = "in-progress",
  [TRELLIS_ACTION_DONE] = "done",
  [TRELLIS_ACTION_POSTPONED] = "postponed",
  [TRELLIS_ACTION_CANCELLED] = "cancelled",
  [TRELLIS_ACTION_ON_TRACK] = "on-track",
  [TRELLIS_ACTION_AT_RISK] = "at-risk",
};

static void
trellis_action_finalize (GObject *object)
{
  TrellisAction *self = (TrellisAction *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->responsible, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->round_id, g_free);
  g_clear_pointer (&self->statement_ids, g_strfreev);
  g_clear_pointer (&self->section_ids, g_strfreev);

  G_OBJECT_CLASS (trellis_action_parent_class)->finalize (object);
}

static void
trellis_action_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrellisAction *self = TRELLIS_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RESPONSIBLE:
      g_value_set_string (value, self->responsible);
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_ROUND_ID:
      g_value_set_string (value, self->round_id);
      break;
    case PROP_STATEMENT_IDS:
      g_value_set_boxed (value, self->statement_ids);
      break;
    case PROP_SECTION_IDS:
      g_value_set_boxed (value, self->section_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_action_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TrellisAction *self = TRELLIS_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_AREA:
      trellis_action_set_area (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      trellis_action_set_text (self, g_value_get_string (value));
      break;
    case PROP_RESPONSIBLE:
      trellis_action_set_responsible (self, g_value_get_string (value));
      break;
    case PROP_DUE:
      trellis_action_set_due (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      trellis_action_set_status (self, g_value_get_enum (value));
      break;
    case PROP_NOTES:
      trellis_action_set_notes (self, g_value_get_string (value));
      break;
    case PROP_ROUND_ID:
      trellis_action_set_round_id (self, g_value_get_string (value));
      break;
    case PROP_STATEMENT_IDS:
      trellis_action_set_statement_ids (self, g_value_get_boxed (value));
      break;
    case PROP_SECTION_IDS:
      trellis_action_set_section_ids (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_action_class_init (TrellisActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_action_finalize;
  object_class->get_property = trellis_action_get_property;
  object_class->set_property = trellis_action_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREA] = g_param_spec_string ("area", NULL, NULL, NULL, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_RESPONSIBLE] = g_param_spec_string ("responsible", NULL, NULL, NULL, rw);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, TRELLIS_TYPE_ACTION_STATUS,
                       TRELLIS_ACTION_NOT_STARTED, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_ROUND_ID] = g_param_spec_string ("round-id", NULL, NULL, NULL, rw);
  properties[PROP_STATEMENT_IDS] = g_param_spec_boxed ("statement-ids", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_SECTION_IDS] = g_param_spec_boxed ("section-ids", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_action_init (TrellisAction *self)
{
  self->statement_ids = g_new0 (char *, 1);
  self->section_ids = g_new0 (char *, 1);
}

TrellisAction *
trellis_action_new (const char *id)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (TRELLIS_TYPE_ACTION, "id", id, NULL);
}

const char *
trellis_action_get_id (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), NULL);
  return self->id;
}

const char *
trellis_action_get_area (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), NULL);
  return self->area;
}

void
trellis_action_set_area (TrellisAction *self,
                         const char    *value)
{
  g_return_if_fail (TRELLIS_IS_ACTION (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->area, value, properties[PROP_AREA]);
}

const char *
trellis_action_get_text (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), NULL);
  return self->text;
}

void
trellis_action_set_text (TrellisAction *self,
                         const char    *value)
{
  g_return_if_fail (TRELLIS_IS_ACTION (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->text, value, properties[PROP_TEXT]);
}

const char *
trellis_action_get_responsible (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), NULL);
  return self->responsible;
}

void
trellis_action_set_responsible (TrellisAction *self,
                                const char    *value)
{
  g_return_if_fail (TRELLIS_IS_ACTION (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->responsible, value, properties[PROP_RESPONSIBLE]);
}

const char *
trellis_action_get_due (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), NULL);
  return self->due;
}

void
trellis_action_set_due (TrellisAction *self,
                        const char    *value)
{
  g_return_if_fail (TRELLIS_IS_ACTION (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->due, value, properties[PROP_DUE]);
}

const char *
trellis_action_get_notes (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), NULL);
  return self->notes;
}

void
trellis_action_set_notes (TrellisAction *self,
                          const char    *value)
{
  g_return_if_fail (TRELLIS_IS_ACTION (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->notes, value, properties[PROP_NOTES]);
}

const char *
trellis_action_get_round_id (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), NULL);
  return self->round_id;
}

void
trellis_action_set_round_id (TrellisAction *self,
                             const char    *value)
{
  g_return_if_fail (TRELLIS_IS_ACTION (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->round_id, value, properties[PROP_ROUND_ID]);
}

TrellisActionStatus
trellis_action_get_status (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), TRELLIS_ACTION_NOT_STARTED);
  return self->status;
}

void
trellis_action_set_status (TrellisAction       *self,
                           TrellisActionStatus  status)
{
  g_return_if_fail (TRELLIS_IS_ACTION (self));
  g_return_if_fail (status < TRELLIS_ACTION_N_STATUSES);

  _trellis_node_set_int (TRELLIS_NODE (self), (int *) &self->status, status, properties[PROP_STATUS]);
}

/**
 * trellis_action_get_statement_ids:
 *
 * Returns: (transfer none): ids of the statements whose results led to this action
 */
const char * const *
trellis_action_get_statement_ids (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), NULL);
  return (const char * const *) self->statement_ids;
}

void
trellis_action_set_statement_ids (TrellisAction      *self,
                                  const char * const *statement_ids)
{
  const char * const empty[] = { NULL };

  g_return_if_fail (TRELLIS_IS_ACTION (self));

  if (statement_ids == NULL)
    statement_ids = empty;
  if (g_strv_equal ((const char * const *) self->statement_ids, statement_ids))
    return;
  g_strfreev (self->statement_ids);
  self->statement_ids = g_strdupv ((char **) statement_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATEMENT_IDS]);
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_action_get_section_ids:
 *
 * Whole sections the action answers: each stands for all its statements, those added
 * to it later included, and their results are pooled.
 *
 * Returns: (transfer none): ids of the sections whose results led to this action
 */
const char * const *
trellis_action_get_section_ids (TrellisAction *self)
{
  g_return_val_if_fail (TRELLIS_IS_ACTION (self), NULL);
  return (const char * const *) self->section_ids;
}

void
trellis_action_set_section_ids (TrellisAction      *self,
                                const char * const *section_ids)
{
  const char * const empty[] = { NULL };

  g_return_if_fail (TRELLIS_IS_ACTION (self));

  if (section_ids == NULL)
    section_ids = empty;
  if (g_strv_equal ((const char * const *) self->section_ids, section_ids))
    return;
  g_strfreev (self->section_ids);
  self->section_ids = g_strdupv ((char **) section_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION_IDS]);
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_action_status_to_string:
 *
 * Returns: the status's name in the project file ("in-progress")
 */
const char *
trellis_action_status_to_string (TrellisActionStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
trellis_action_status_from_string (const char          *text,
                                   TrellisActionStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (text, status_names[i]))
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * trellis_action_status_get_label:
 *
 * Returns: the status as shown to the user, translated
 */
const char *
trellis_action_status_get_label (TrellisActionStatus status)
{
  switch (status)
    {
    case TRELLIS_ACTION_NOT_STARTED:
      return _("Not started");
    case TRELLIS_ACTION_IN_PROGRESS:
      return _("In progress");
    case TRELLIS_ACTION_DONE:
      return _("Done");
    case TRELLIS_ACTION_POSTPONED:
      return _("Postponed");
    case TRELLIS_ACTION_CANCELLED:
      return _("Cancelled");
    case TRELLIS_ACTION_ON_TRACK:
      return _("On track");
    case TRELLIS_ACTION_AT_RISK:
      return _("At risk");
    default:
      g_return_val_if_reached (NULL);
    }
}
