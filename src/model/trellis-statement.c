/* trellis-statement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-statement"

#include "config.h"

#include "trellis-enums.h"
#include "trellis-markup.h"
#include "trellis-statement.h"

struct _TrellisStatement
{
  TrellisNode           parent_instance;

  char                 *id;
  TrellisStatementKind  kind;
  char                 *number;
  char                 *text;
  /* The text as markup, kept in step with @text, and its emphasised runs (NULL when
   * there are none): the plain text is what matching and exports use. */
  char                 *text_markup;
  GArray               *emphasis;
  gboolean              included;
  char                 *questions;
  char                 *best_case;
  char                 *worst_case;
  char                 *note;
  GListStore           *children;
};

G_DEFINE_FINAL_TYPE (TrellisStatement, trellis_statement, TRELLIS_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NUMBER,
  PROP_TEXT,
  PROP_TEXT_MARKUP,
  PROP_INCLUDED,
  PROP_QUESTIONS,
  PROP_BEST_CASE,
  PROP_WORST_CASE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_statement_dispose (GObject *object)
{
  TrellisStatement *self = (TrellisStatement *) object;

  if (self->children != NULL)
    _trellis_node_store_clear (self->children);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (trellis_statement_parent_class)->dispose (object);
}

static void
trellis_statement_finalize (GObject *object)
{
  TrellisStatement *self = (TrellisStatement *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->text_markup, g_free);
  g_clear_pointer (&self->emphasis, g_array_unref);
  g_clear_pointer (&self->questions, g_free);
  g_clear_pointer (&self->best_case, g_free);
  g_clear_pointer (&self->worst_case, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (trellis_statement_parent_class)->finalize (object);
}

static void
trellis_statement_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrellisStatement *self = TRELLIS_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_TEXT_MARKUP:
      g_value_set_string (value, self->text_markup);
      break;
    case PROP_INCLUDED:
      g_value_set_boolean (value, self->included);
      break;
    case PROP_QUESTIONS:
      g_value_set_string (value, self->questions);
      break;
    case PROP_BEST_CASE:
      g_value_set_string (value, self->best_case);
      break;
    case PROP_WORST_CASE:
      g_value_set_string (value, self->worst_case);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_statement_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TrellisStatement *self = TRELLIS_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_KIND:
      trellis_statement_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_NUMBER:
      trellis_statement_set_number (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      trellis_statement_set_text (self, g_value_get_string (value));
      break;
    case PROP_TEXT_MARKUP:
      trellis_statement_set_text_markup (self, g_value_get_string (value));
      break;
    case PROP_INCLUDED:
      trellis_statement_set_included (self, g_value_get_boolean (value));
      break;
    case PROP_QUESTIONS:
      trellis_statement_set_questions (self, g_value_get_string (value));
      break;
    case PROP_BEST_CASE:
      trellis_statement_set_best_case (self, g_value_get_string (value));
      break;
    case PROP_WORST_CASE:
      trellis_statement_set_worst_case (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      trellis_statement_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
trellis_statement_node_get_included (TrellisNode *node)
{
  return trellis_statement_get_included (TRELLIS_STATEMENT (node));
}

static void
trellis_statement_class_init (TrellisStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisNodeClass *node_class = TRELLIS_NODE_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = trellis_statement_dispose;
  object_class->finalize = trellis_statement_finalize;
  object_class->get_property = trellis_statement_get_property;
  object_class->set_property = trellis_statement_set_property;
  node_class->get_included = trellis_statement_node_get_included;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TRELLIS_TYPE_STATEMENT_KIND, TRELLIS_STATEMENT_RATING, rw);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_TEXT_MARKUP] = g_param_spec_string ("text-markup", NULL, NULL, NULL, rw);
  properties[PROP_INCLUDED] = g_param_spec_boolean ("included", NULL, NULL, TRUE, rw);
  properties[PROP_QUESTIONS] = g_param_spec_string ("questions", NULL, NULL, NULL, rw);
  properties[PROP_BEST_CASE] = g_param_spec_string ("best-case", NULL, NULL, NULL, rw);
  properties[PROP_WORST_CASE] = g_param_spec_string ("worst-case", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_statement_init (TrellisStatement *self)
{
  self->included = TRUE;
  self->children = g_list_store_new (TRELLIS_TYPE_STATEMENT);
}

/**
 * trellis_statement_new:
 * @id: stable identifier that responses point at; never changes once answers exist
 */
TrellisStatement *
trellis_statement_new (const char           *id,
                       TrellisStatementKind  kind)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (TRELLIS_TYPE_STATEMENT, "id", id, "kind", kind, NULL);
}

const char *
trellis_statement_get_id (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  return self->id;
}

TrellisStatementKind
trellis_statement_get_kind (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), TRELLIS_STATEMENT_RATING);
  return self->kind;
}

void
trellis_statement_set_kind (TrellisStatement     *self,
                            TrellisStatementKind  kind)
{
  g_return_if_fail (TRELLIS_IS_STATEMENT (self));
  _trellis_node_set_int (TRELLIS_NODE (self), (int *) &self->kind, kind, properties[PROP_KIND]);
}

const char *
trellis_statement_get_number (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  return self->number;
}

void
trellis_statement_set_number (TrellisStatement *self,
                              const char       *value)
{
  g_return_if_fail (TRELLIS_IS_STATEMENT (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->number, value, properties[PROP_NUMBER]);
}

const char *
trellis_statement_get_text (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  return self->text;
}

/* Replaces the text and its emphasis, notifying each property that changed. */
static void
statement_replace_text (TrellisStatement *self,
                        char             *text,
                        GArray           *emphasis)
{
  g_autofree char *markup = NULL;
  gboolean text_changed, markup_changed;

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  if (text == NULL || (emphasis != NULL && emphasis->len == 0))
    g_clear_pointer (&emphasis, g_array_unref);
  if (text != NULL)
    markup = emphasis != NULL ? trellis_markup_build (text, (TrellisTextSpan *) emphasis->data, emphasis->len)
                              : g_markup_escape_text (text, -1);

  text_changed = g_strcmp0 (self->text, text) != 0;
  markup_changed = g_strcmp0 (self->text_markup, markup) != 0;
  g_free (self->text);
  self->text = text;
  g_free (self->text_markup);
  self->text_markup = g_steal_pointer (&markup);
  g_clear_pointer (&self->emphasis, g_array_unref);
  self->emphasis = emphasis;
  if (!text_changed && !markup_changed)
    return;

  if (text_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (markup_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_MARKUP]);
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_statement_set_text:
 * @value: (nullable): plain text
 *
 * Sets the text, without emphasis: any the statement had is gone.
 */
void
trellis_statement_set_text (TrellisStatement *self,
                            const char       *value)
{
  g_return_if_fail (TRELLIS_IS_STATEMENT (self));
  statement_replace_text (self, g_strdup (value), NULL);
}

/**
 * trellis_statement_get_text_markup:
 *
 * Returns: (nullable): the text with <em>…</em> around its emphasised words and the
 *   rest escaped as g_markup_escape_text() does; trellis_markup_to_pango() makes it
 *   something a label can show
 */
const char *
trellis_statement_get_text_markup (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  return self->text_markup;
}

/**
 * trellis_statement_set_text_markup:
 * @markup: (nullable): text with <em>…</em> around emphasised words
 *
 * Sets the text and its emphasis. Nothing but <em> is markup: any other tag, or a
 * stray "&" or "<", is kept as the text it spells (see trellis_markup_parse()).
 */
void
trellis_statement_set_text_markup (TrellisStatement *self,
                                   const char       *markup)
{
  GArray *emphasis = NULL;
  char *text;

  g_return_if_fail (TRELLIS_IS_STATEMENT (self));

  text = markup != NULL ? trellis_markup_parse (markup, &emphasis) : NULL;
  statement_replace_text (self, text, emphasis);
}

/**
 * trellis_statement_get_emphasis:
 * @n_spans: (out): where to store the number of spans
 *
 * Returns: (array length=n_spans) (nullable): the emphasised runs of the plain text,
 *   in byte offsets, or %NULL when nothing is emphasised
 */
const TrellisTextSpan *
trellis_statement_get_emphasis (TrellisStatement *self,
                                guint            *n_spans)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (n_spans != NULL, NULL);

  *n_spans = self->emphasis != NULL ? self->emphasis->len : 0;
  return self->emphasis != NULL ? (const TrellisTextSpan *) self->emphasis->data : NULL;
}

const char *
trellis_statement_get_questions (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  return self->questions;
}

void
trellis_statement_set_questions (TrellisStatement *self,
                                 const char       *value)
{
  g_return_if_fail (TRELLIS_IS_STATEMENT (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->questions, value, properties[PROP_QUESTIONS]);
}

const char *
trellis_statement_get_best_case (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  return self->best_case;
}

void
trellis_statement_set_best_case (TrellisStatement *self,
                                 const char       *value)
{
  g_return_if_fail (TRELLIS_IS_STATEMENT (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->best_case, value, properties[PROP_BEST_CASE]);
}

const char *
trellis_statement_get_worst_case (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  return self->worst_case;
}

void
trellis_statement_set_worst_case (TrellisStatement *self,
                                  const char       *value)
{
  g_return_if_fail (TRELLIS_IS_STATEMENT (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->worst_case, value, properties[PROP_WORST_CASE]);
}

const char *
trellis_statement_get_note (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  return self->note;
}

void
trellis_statement_set_note (TrellisStatement *self,
                            const char       *value)
{
  g_return_if_fail (TRELLIS_IS_STATEMENT (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->note, value, properties[PROP_NOTE]);
}

gboolean
trellis_statement_get_included (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), FALSE);
  return self->included;
}

void
trellis_statement_set_included (TrellisStatement *self,
                                gboolean          included)
{
  g_return_if_fail (TRELLIS_IS_STATEMENT (self));
  _trellis_node_set_boolean (TRELLIS_NODE (self), &self->included, included, properties[PROP_INCLUDED]);
}

/**
 * trellis_statement_get_children:
 *
 * Returns: (transfer none): the sub-statements of a multi-part statement, as a
 *   #GListModel of #TrellisStatement (empty for other kinds)
 */
GListModel *
trellis_statement_get_children (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);
  return G_LIST_MODEL (self->children);
}

guint
trellis_statement_get_n_children (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->children));
}

/**
 * trellis_statement_get_child:
 *
 * Returns: (transfer none) (nullable): the sub-statement at @position
 */
TrellisStatement *
trellis_statement_get_child (TrellisStatement *self,
                             guint             position)
{
  g_autoptr(TrellisStatement) child = NULL;

  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);

  /* The store keeps its own reference, so handing out a borrowed pointer is safe. */
  child = g_list_model_get_item (G_LIST_MODEL (self->children), position);
  return child;
}

void
trellis_statement_insert_child (TrellisStatement *self,
                                guint             position,
                                TrellisStatement *child)
{
  g_return_if_fail (TRELLIS_IS_STATEMENT (self));
  g_return_if_fail (TRELLIS_IS_STATEMENT (child));
  g_return_if_fail (child != self);
  g_return_if_fail (trellis_statement_get_n_children (child) == 0);

  _trellis_node_store_insert (TRELLIS_NODE (self), self->children, position, child);
}

void
trellis_statement_append_child (TrellisStatement *self,
                                TrellisStatement *child)
{
  trellis_statement_insert_child (self, G_MAXUINT, child);
}

gboolean
trellis_statement_remove_child (TrellisStatement *self,
                                TrellisStatement *child)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (child), FALSE);

  return _trellis_node_store_remove (TRELLIS_NODE (self), self->children, child);
}

gboolean
trellis_statement_move_child (TrellisStatement *self,
                              guint             from,
                              guint             to)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), FALSE);
  return _trellis_node_store_move (TRELLIS_NODE (self), self->children, from, to);
}

/**
 * trellis_statement_get_parent_statement:
 *
 * Returns: (transfer none) (nullable): the multi-part statement @self belongs to
 */
TrellisStatement *
trellis_statement_get_parent_statement (TrellisStatement *self)
{
  TrellisNode *parent;

  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);

  parent = trellis_node_get_parent (TRELLIS_NODE (self));
  return TRELLIS_IS_STATEMENT (parent) ? TRELLIS_STATEMENT (parent) : NULL;
}

/**
 * trellis_statement_is_rated:
 *
 * Returns: whether respondents give this statement an answer on the scale: a rating
 *   statement or a sub-statement of a multi-part one
 */
gboolean
trellis_statement_is_rated (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), FALSE);
  return self->kind == TRELLIS_STATEMENT_RATING;
}

/**
 * trellis_statement_is_in_use:
 *
 * Returns: whether @self is included, and so are its lead-in and section (each
 *   container answers for itself through TrellisNodeClass.get_included)
 */
gboolean
trellis_statement_is_in_use (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), FALSE);
  return trellis_node_is_in_use (TRELLIS_NODE (self));
}

/**
 * trellis_statement_dup_label:
 *
 * Returns: (transfer full): the statement as printed: "12. Partnership meetings are…",
 *   or the text alone when it has no number
 */
char *
trellis_statement_dup_label (TrellisStatement *self)
{
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (self), NULL);

  if (self->number == NULL)
    return g_strdup (self->text != NULL ? self->text : "");
  return g_strdup_printf ("%s. %s", self->number, self->text != NULL ? self->text : "");
}
