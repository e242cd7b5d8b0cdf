/* trellis-scale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-scale"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-scale.h"

struct _TrellisScale
{
  TrellisNode parent_instance;

  char     *id;
  char     *title;
  guint     n_points;
  char    **point_labels;  /* n_points entries, NULL-terminated */
  char     *na_label;
  char     *dk_label;
  gboolean  allow_na;
  gboolean  allow_dk;
  int       role;  /* TrellisScaleRole */
};

G_DEFINE_FINAL_TYPE (TrellisScale, trellis_scale, TRELLIS_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_N_POINTS,
  PROP_NA_LABEL,
  PROP_DK_LABEL,
  PROP_ALLOW_NA,
  PROP_ALLOW_DK,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_scale_finalize (GObject *object)
{
  TrellisScale *self = (TrellisScale *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->point_labels, g_strfreev);
  g_clear_pointer (&self->na_label, g_free);
  g_clear_pointer (&self->dk_label, g_free);

  G_OBJECT_CLASS (trellis_scale_parent_class)->finalize (object);
}

static void
trellis_scale_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TrellisScale *self = TRELLIS_SCALE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_N_POINTS:
      g_value_set_uint (value, self->n_points);
      break;
    case PROP_NA_LABEL:
      g_value_set_string (value, self->na_label);
      break;
    case PROP_DK_LABEL:
      g_value_set_string (value, self->dk_label);
      break;
    case PROP_ALLOW_NA:
      g_value_set_boolean (value, self->allow_na);
      break;
    case PROP_ALLOW_DK:
      g_value_set_boolean (value, self->allow_dk);
      break;
    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_scale_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TrellisScale *self = TRELLIS_SCALE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      trellis_scale_set_title (self, g_value_get_string (value));
      break;
    case PROP_N_POINTS:
      self->n_points = g_value_get_uint (value);
      break;
    case PROP_NA_LABEL:
      trellis_scale_set_na_label (self, g_value_get_string (value));
      break;
    case PROP_DK_LABEL:
      trellis_scale_set_dk_label (self, g_value_get_string (value));
      break;
    case PROP_ALLOW_NA:
      trellis_scale_set_allow_na (self, g_value_get_boolean (value));
      break;
    case PROP_ALLOW_DK:
      trellis_scale_set_allow_dk (self, g_value_get_boolean (value));
      break;
    case PROP_ROLE:
      trellis_scale_set_role (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_scale_constructed (GObject *object)
{
  TrellisScale *self = TRELLIS_SCALE (object);

  G_OBJECT_CLASS (trellis_scale_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_strdup ("agreement");
  self->point_labels = g_new0 (char *, self->n_points + 1);
  for (guint i = 0; i < self->n_points; i++)
    self->point_labels[i] = g_strdup_printf ("%u", i + 1);
}

static void
trellis_scale_class_init (TrellisScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_scale_finalize;
  object_class->get_property = trellis_scale_get_property;
  object_class->set_property = trellis_scale_set_property;
  object_class->constructed = trellis_scale_constructed;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_POINTS] =
    g_param_spec_uint ("n-points", NULL, NULL,
                       TRELLIS_SCALE_MIN_POINTS, TRELLIS_SCALE_MAX_POINTS, 5,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NA_LABEL] =
    g_param_spec_string ("na-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DK_LABEL] =
    g_param_spec_string ("dk-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NA] =
    g_param_spec_boolean ("allow-na", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_DK] =
    g_param_spec_boolean ("allow-dk", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A TrellisScaleRole; an int so that the model registers no enum type. */
  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL,
                      TRELLIS_SCALE_ROLE_NONE, TRELLIS_SCALE_ROLE_EFFECTIVENESS, TRELLIS_SCALE_ROLE_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_scale_init (TrellisScale *self)
{
  self->n_points = 5;
  self->allow_na = TRUE;
  self->allow_dk = TRUE;
}

/**
 * trellis_scale_new:
 * @id: stable identifier, unique within the checklist
 * @n_points: number of labelled points, 2 to 11
 *
 * Creates a scale whose points are labelled with their numbers, with Not Applicable
 * and Don't Know allowed but unlabelled.
 */
TrellisScale *
trellis_scale_new (const char *id,
                   guint       n_points)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (n_points >= TRELLIS_SCALE_MIN_POINTS, NULL);
  g_return_val_if_fail (n_points <= TRELLIS_SCALE_MAX_POINTS, NULL);

  return g_object_new (TRELLIS_TYPE_SCALE, "id", id, "n-points", n_points, NULL);
}

/**
 * trellis_scale_new_agreement:
 *
 * Creates the five-point agreement scale of the Outcome-Focused Partnership Checklist,
 * labelled in the user's language.
 */
TrellisScale *
trellis_scale_new_agreement (void)
{
  TrellisScale *self = trellis_scale_new ("agreement", 5);
  const char *labels[] = {
    N_("Strongly disagree"),
    N_("Disagree"),
    N_("Neither agree nor disagree"),
    N_("Agree"),
    N_("Strongly agree"),
  };

  trellis_scale_set_title (self, _("Agreement"));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    trellis_scale_set_point_label (self, i + 1, _(labels[i]));
  trellis_scale_set_na_label (self, _("Not applicable"));
  trellis_scale_set_dk_label (self, _("Don't know"));
  return self;
}

const char *
trellis_scale_get_id (TrellisScale *self)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), NULL);
  return self->id;
}

const char *
trellis_scale_get_title (TrellisScale *self)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), NULL);
  return self->title;
}

void
trellis_scale_set_title (TrellisScale *self,
                         const char   *title)
{
  g_return_if_fail (TRELLIS_IS_SCALE (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->title, title, properties[PROP_TITLE]);
}

guint
trellis_scale_get_n_points (TrellisScale *self)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), 0);
  return self->n_points;
}

/**
 * trellis_scale_set_n_points:
 * @n_points: 2 to 11
 *
 * Gives the scale more or fewer points: the points kept keep their labels, new ones are
 * labelled with their numbers. Only for a scale nobody has answered yet: stored answers
 * would change their meaning.
 */
void
trellis_scale_set_n_points (TrellisScale *self,
                            guint         n_points)
{
  char **labels;

  g_return_if_fail (TRELLIS_IS_SCALE (self));
  g_return_if_fail (n_points >= TRELLIS_SCALE_MIN_POINTS && n_points <= TRELLIS_SCALE_MAX_POINTS);

  if (n_points == self->n_points)
    return;
  labels = g_new0 (char *, n_points + 1);
  for (guint i = 0; i < n_points; i++)
    labels[i] = i < self->n_points ? g_strdup (self->point_labels[i]) : g_strdup_printf ("%u", i + 1);
  g_strfreev (self->point_labels);
  self->point_labels = labels;
  self->n_points = n_points;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_POINTS]);
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_scale_get_point_label:
 * @point: 1 to n-points
 */
const char *
trellis_scale_get_point_label (TrellisScale *self,
                               guint         point)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), NULL);
  g_return_val_if_fail (point >= 1 && point <= self->n_points, NULL);
  return self->point_labels[point - 1];
}

void
trellis_scale_set_point_label (TrellisScale *self,
                               guint         point,
                               const char   *label)
{
  g_autofree char *fallback = NULL;

  g_return_if_fail (TRELLIS_IS_SCALE (self));
  g_return_if_fail (point >= 1 && point <= self->n_points);

  /* A point always has a label to print; an empty one falls back to its number. */
  if (label == NULL || *label == '\0')
    label = fallback = g_strdup_printf ("%u", point);
  /* Point labels are not a property: nothing to notify, only the change to bubble up. */
  _trellis_node_set_string (TRELLIS_NODE (self), &self->point_labels[point - 1], label, NULL);
}

const char *
trellis_scale_get_na_label (TrellisScale *self)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), NULL);
  return self->na_label;
}

void
trellis_scale_set_na_label (TrellisScale *self,
                            const char   *label)
{
  g_return_if_fail (TRELLIS_IS_SCALE (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->na_label, label, properties[PROP_NA_LABEL]);
}

const char *
trellis_scale_get_dk_label (TrellisScale *self)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), NULL);
  return self->dk_label;
}

void
trellis_scale_set_dk_label (TrellisScale *self,
                            const char   *label)
{
  g_return_if_fail (TRELLIS_IS_SCALE (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->dk_label, label, properties[PROP_DK_LABEL]);
}

gboolean
trellis_scale_get_allow_na (TrellisScale *self)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), FALSE);
  return self->allow_na;
}

void
trellis_scale_set_allow_na (TrellisScale *self,
                            gboolean      allow)
{
  g_return_if_fail (TRELLIS_IS_SCALE (self));
  _trellis_node_set_boolean (TRELLIS_NODE (self), &self->allow_na, allow, properties[PROP_ALLOW_NA]);
}

gboolean
trellis_scale_get_allow_dk (TrellisScale *self)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), FALSE);
  return self->allow_dk;
}

void
trellis_scale_set_allow_dk (TrellisScale *self,
                            gboolean      allow)
{
  g_return_if_fail (TRELLIS_IS_SCALE (self));
  _trellis_node_set_boolean (TRELLIS_NODE (self), &self->allow_dk, allow, properties[PROP_ALLOW_DK]);
}

/**
 * trellis_scale_get_answer_label:
 *
 * Returns: (nullable): the label to show for @answer: a point's label, the Not
 *   Applicable or Don't Know label, or %NULL for a blank or out-of-range answer
 */
const char *
trellis_scale_get_answer_label (TrellisScale  *self,
                                TrellisAnswer  answer)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), NULL);

  if (answer == TRELLIS_ANSWER_NOT_APPLICABLE)
    return self->na_label != NULL ? self->na_label : _("Not applicable");
  if (answer == TRELLIS_ANSWER_DONT_KNOW)
    return self->dk_label != NULL ? self->dk_label : _("Don't know");
  if (answer >= 1 && (guint) answer <= self->n_points)
    return self->point_labels[answer - 1];
  return NULL;
}

/**
 * trellis_scale_get_neutral:
 *
 * Returns: the middle point of an odd scale (3 of 5), or 0 when the scale has an even
 *   number of points and so no neutral answer
 */
guint
trellis_scale_get_neutral (TrellisScale *self)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), 0);
  return (self->n_points % 2 == 1) ? (self->n_points + 1) / 2 : 0;
}

/**
 * trellis_scale_is_valid_answer:
 *
 * Returns: whether @answer may be stored for an item on this scale: blank, not shown, a point,
 *   or Not Applicable / Don't Know where the scale allows them
 */
gboolean
trellis_scale_is_valid_answer (TrellisScale  *self,
                               TrellisAnswer  answer)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), FALSE);

  if (answer == TRELLIS_ANSWER_BLANK || answer == TRELLIS_ANSWER_NOT_SHOWN)
    return TRUE;
  if (answer == TRELLIS_ANSWER_NOT_APPLICABLE)
    return self->allow_na;
  if (answer == TRELLIS_ANSWER_DONT_KNOW)
    return self->allow_dk;
  return answer >= 1 && (guint) answer <= self->n_points;
}

/* Agreeing means above the middle of the scale: 4 and 5 of five, 3 and 4 of four. */
gboolean
trellis_scale_is_agreeing (TrellisScale  *self,
                           TrellisAnswer  answer)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), FALSE);
  return answer >= 1 && (guint) answer <= self->n_points && 2 * (guint) answer > self->n_points + 1;
}

gboolean
trellis_scale_is_disagreeing (TrellisScale  *self,
                              TrellisAnswer  answer)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), FALSE);
  return answer >= 1 && (guint) answer <= self->n_points && 2 * (guint) answer < self->n_points + 1;
}

/**
 * trellis_scale_get_role:
 *
 * Returns: what the scale measures, when the results need to know
 */
TrellisScaleRole
trellis_scale_get_role (TrellisScale *self)
{
  g_return_val_if_fail (TRELLIS_IS_SCALE (self), TRELLIS_SCALE_ROLE_NONE);
  return self->role;
}

void
trellis_scale_set_role (TrellisScale     *self,
                        TrellisScaleRole  role)
{
  g_return_if_fail (TRELLIS_IS_SCALE (self));
  g_return_if_fail (role >= TRELLIS_SCALE_ROLE_NONE && role <= TRELLIS_SCALE_ROLE_EFFECTIVENESS);
  _trellis_node_set_int (TRELLIS_NODE (self), &self->role, role, properties[PROP_ROLE]);
}

/**
 * trellis_scale_role_to_string:
 *
 * Returns: (nullable): the role as the project file writes it: "importance",
 *   "effectiveness", or %NULL for none
 */
const char *
trellis_scale_role_to_string (TrellisScaleRole role)
{
  switch (role)
    {
    case TRELLIS_SCALE_ROLE_IMPORTANCE:
      return "importance";
    case TRELLIS_SCALE_ROLE_EFFECTIVENESS:
      return "effectiveness";
    case TRELLIS_SCALE_ROLE_NONE:
    default:
      return NULL;
    }
}

/**
 * trellis_scale_role_from_string:
 * @role: (out): the role @text names
 *
 * Returns: whether @text names a role
 */
gboolean
trellis_scale_role_from_string (const char       *text,
                                TrellisScaleRole *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  if (g_strcmp0 (text, "importance") == 0)
    *role = TRELLIS_SCALE_ROLE_IMPORTANCE;
  else if (g_strcmp0 (text, "effectiveness") == 0)
    *role = TRELLIS_SCALE_ROLE_EFFECTIVENESS;
  else
    return FALSE;
  return TRUE;
}
