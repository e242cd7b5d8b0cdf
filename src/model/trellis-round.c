/* trellis-round.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-round"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-checklist.h"
#include "trellis-round.h"
#include "trellis-section.h"
#include "trellis-statement.h"

/* Answers live in one flat byte table, row-major: a round of 10,000 respondents
 * answering 60 items is 600 kB rather than 600,000 objects, and statistics walk it
 * without allocating. Groups are stored once and referenced by index. */
struct _TrellisRound
{
  TrellisNode  parent_instance;

  char        *id;
  char        *label;
  char        *date;
  char        *source;
  guint        n_excluded;

  GPtrArray   *items;            /* item keys, char* */
  GHashTable  *item_index;       /* key -> index + 1 */
  GByteArray  *answers;          /* n_responses × items->len TrellisAnswer */
  GArray      *response_groups;  /* guint16 per response: 0 = none, else groups[i - 1] */
  GPtrArray   *groups;           /* char*, in the order added (an import's: by name) */
  GHashTable  *group_index;      /* group -> index + 1, keys owned by groups */

  GPtrArray   *comment_sections; /* section ids, first-seen order */
  GHashTable  *comments;         /* section id -> GPtrArray of char*, see comment_blocks */
  GArray      *comment_blocks;   /* CommentBlock: texts taken in one piece, each text
                                  * of a list not in one of them is its own allocation */
  GHashTable  *comment_flags;    /* section id -> GByteArray, TrellisCommentFlags per comment */
  guint        n_comments;

  GPtrArray   *column_rules;     /* TrellisColumnRule */
  GPtrArray   *value_rules;      /* TrellisValueRule */

  /* Statement id -> its text markup when this round answered it, both GRefString
   * interned: a thousand rounds of one checklist share one copy of each text. */
  GHashTable  *wordings;
  GHashTable  *answered_ids;     /* statement ids of the items, built when first needed */
};

typedef struct
{
  char  *start;
  gsize  size;
} CommentBlock;

G_DEFINE_FINAL_TYPE (TrellisRound, trellis_round, TRELLIS_TYPE_NODE)
G_DEFINE_BOXED_TYPE (TrellisColumnRule, trellis_column_rule, trellis_column_rule_copy, trellis_column_rule_free)
G_DEFINE_BOXED_TYPE (TrellisValueRule, trellis_value_rule, trellis_value_rule_copy, trellis_value_rule_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_DATE,
  PROP_SOURCE,
  PROP_N_EXCLUDED,
  PROP_N_RESPONSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* More groups than this in one round is not a respondent group but a free-text column
 * mapped by mistake; the index type is sized for it. */
#define MAX_GROUPS G_MAXUINT16

TrellisColumnRule *
trellis_column_rule_new (const char        *header,
                         TrellisColumnRole  role,
                         const char        *target)
{
  TrellisColumnRule *rule = g_new0 (TrellisColumnRule, 1);

  rule->header = g_strdup (header != NULL ? header : "");
  rule->role = role;
  rule->target = g_strdup (target);
  return rule;
}

TrellisColumnRule *
trellis_column_rule_copy (const TrellisColumnRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return trellis_column_rule_new (rule->header, rule->role, rule->target);
}

void
trellis_column_rule_free (TrellisColumnRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->header);
  g_free (rule->target);
  g_free (rule);
}

TrellisValueRule *
trellis_value_rule_new (const char    *text,
                        TrellisAnswer  answer)
{
  TrellisValueRule *rule = g_new0 (TrellisValueRule, 1);

  rule->text = g_strdup (text != NULL ? text : "");
  rule->answer = answer;
  return rule;
}

TrellisValueRule *
trellis_value_rule_copy (const TrellisValueRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return trellis_value_rule_new (rule->text, rule->answer);
}

void
trellis_value_rule_free (TrellisValueRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->text);
  g_free (rule);
}

static gboolean
is_in_comment_block (TrellisRound *self,
                     const char   *text)
{
  for (guint b = 0; b < self->comment_blocks->len; b++)
    {
      CommentBlock *block = &g_array_index (self->comment_blocks, CommentBlock, b);

      if (text >= block->start && text < block->start + block->size)
        return TRUE;
    }
  return FALSE;
}

/* A comment's text the round no longer holds: freed, or wiped where it shares a block
 * (redaction means the old words are gone, not merely unreachable). */
static void
release_comment_text (TrellisRound *self,
                      char         *text)
{
  if (is_in_comment_block (self, text))
    memset (text, 0, strlen (text));
  else
    g_free (text);
}

static void
free_comments (TrellisRound *self)
{
  GHashTableIter iter;
  gpointer list;

  g_hash_table_iter_init (&iter, self->comments);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    for (guint i = 0; i < ((GPtrArray *) list)->len; i++)
      if (!is_in_comment_block (self, g_ptr_array_index ((GPtrArray *) list, i)))
        g_free (g_ptr_array_index ((GPtrArray *) list, i));
  g_clear_pointer (&self->comments, g_hash_table_unref);
  for (guint b = 0; b < self->comment_blocks->len; b++)
    g_free (g_array_index (self->comment_blocks, CommentBlock, b).start);
  g_clear_pointer (&self->comment_blocks, g_array_unref);
}

static void
trellis_round_finalize (GObject *object)
{
  TrellisRound *self = (TrellisRound *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->item_index, g_hash_table_unref);
  g_clear_pointer (&self->answers, g_byte_array_unref);
  g_clear_pointer (&self->response_groups, g_array_unref);
  g_clear_pointer (&self->group_index, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->comment_sections, g_ptr_array_unref);
  g_clear_pointer (&self->comment_flags, g_hash_table_unref);
  free_comments (self);
  g_clear_pointer (&self->column_rules, g_ptr_array_unref);
  g_clear_pointer (&self->value_rules, g_ptr_array_unref);
  g_clear_pointer (&self->wordings, g_hash_table_unref);
  g_clear_pointer (&self->answered_ids, g_hash_table_unref);

  G_OBJECT_CLASS (trellis_round_parent_class)->finalize (object);
}

static void
trellis_round_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TrellisRound *self = TRELLIS_ROUND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_N_EXCLUDED:
      g_value_set_uint (value, self->n_excluded);
      break;
    case PROP_N_RESPONSES:
      g_value_set_uint (value, trellis_round_get_n_responses (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_round_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TrellisRound *self = TRELLIS_ROUND (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      trellis_round_set_label (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      trellis_round_set_date (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      trellis_round_set_source (self, g_value_get_string (value));
      break;
    case PROP_N_EXCLUDED:
      trellis_round_set_n_excluded (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_round_class_init (TrellisRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_round_finalize;
  object_class->get_property = trellis_round_get_property;
  object_class->set_property = trellis_round_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_N_EXCLUDED] = g_param_spec_uint ("n-excluded", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_N_RESPONSES] =
    g_param_spec_uint ("n-responses", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_round_init (TrellisRound *self)
{
  self->items = g_ptr_array_new_with_free_func (g_free);
  self->item_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->answers = g_byte_array_new ();
  self->response_groups = g_array_new (FALSE, FALSE, sizeof (guint16));
  self->groups = g_ptr_array_new_with_free_func (g_free);
  self->group_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->comment_sections = g_ptr_array_new_with_free_func (g_free);
  self->comments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->comment_blocks = g_array_new (FALSE, FALSE, sizeof (CommentBlock));
  self->comment_flags = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_byte_array_unref);
  self->column_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_column_rule_free);
  self->value_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_value_rule_free);
  self->wordings = g_hash_table_new_full (g_str_hash, g_str_equal,
                                          (GDestroyNotify) g_ref_string_release,
                                          (GDestroyNotify) g_ref_string_release);
}

TrellisRound *
trellis_round_new (const char *id)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (TRELLIS_TYPE_ROUND, "id", id, NULL);
}

const char *
trellis_round_get_id (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  return self->id;
}

const char *
trellis_round_get_label (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  return self->label;
}

void
trellis_round_set_label (TrellisRound *self,
                         const char   *label)
{
  g_return_if_fail (TRELLIS_IS_ROUND (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->label, label, properties[PROP_LABEL]);
}

/**
 * trellis_round_get_date:
 *
 * Returns: (nullable): the date the survey closed, as YYYY-MM-DD
 */
const char *
trellis_round_get_date (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  return self->date;
}

/**
 * trellis_round_set_date:
 * @iso_date: (nullable): a calendar date as YYYY-MM-DD, or %NULL for none
 *
 * Returns: %FALSE, leaving the date as it was, when @iso_date is not a real date
 */
gboolean
trellis_round_set_date (TrellisRound *self,
                        const char   *iso_date)
{
  unsigned int year, month, day;
  char tail;

  g_return_val_if_fail (TRELLIS_IS_ROUND (self), FALSE);

  if (iso_date != NULL && *iso_date != '\0')
    {
      if (strlen (iso_date) != 10 ||
          sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
          !g_date_valid_dmy (day, month, year))
        return FALSE;
    }
  _trellis_node_set_string (TRELLIS_NODE (self), &self->date, iso_date, properties[PROP_DATE]);
  return TRUE;
}

/**
 * trellis_date_format_long:
 * @iso_date: (nullable): a calendar date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date as people write it, in their language
 *   ("16 October 2026"), or %NULL when @iso_date is not a date
 */
char *
trellis_date_format_long (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    return NULL;
  /* Translators: a survey round's date, see strftime(3) */
  return g_date_time_format (date, _("%-d %B %Y"));
}

const char *
trellis_round_get_source (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  return self->source;
}

/**
 * trellis_round_set_source:
 * @source: (nullable): the export's file name, without its folder
 */
void
trellis_round_set_source (TrellisRound *self,
                          const char   *source)
{
  g_return_if_fail (TRELLIS_IS_ROUND (self));
  _trellis_node_set_string (TRELLIS_NODE (self), &self->source, source, properties[PROP_SOURCE]);
}

/**
 * trellis_round_get_n_excluded:
 *
 * Returns: how many unfinished responses the import left out
 */
guint
trellis_round_get_n_excluded (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), 0);
  return self->n_excluded;
}

void
trellis_round_set_n_excluded (TrellisRound *self,
                              guint         n_excluded)
{
  g_return_if_fail (TRELLIS_IS_ROUND (self));
  _trellis_node_set_int (TRELLIS_NODE (self), (int *) &self->n_excluded, (int) n_excluded,
                         properties[PROP_N_EXCLUDED]);
}

/**
 * trellis_round_set_items:
 * @item_keys: the rated items this round's responses answer, in column order
 *
 * Sets the columns of the answer table. Allowed once, before the first response.
 *
 * Returns: %FALSE if responses exist already or a key appears twice
 */
gboolean
trellis_round_set_items (TrellisRound       *self,
                         const char * const *item_keys)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), FALSE);
  g_return_val_if_fail (item_keys != NULL, FALSE);

  if (trellis_round_get_n_responses (self) > 0)
    return FALSE;

  g_hash_table_remove_all (self->item_index);
  g_ptr_array_set_size (self->items, 0);
  g_clear_pointer (&self->answered_ids, g_hash_table_unref);
  for (guint i = 0; item_keys[i] != NULL; i++)
    {
      char *key = g_strdup (item_keys[i]);

      if (g_hash_table_contains (self->item_index, key))
        {
          g_free (key);
          g_hash_table_remove_all (self->item_index);
          g_ptr_array_set_size (self->items, 0);
          return FALSE;
        }
      g_ptr_array_add (self->items, key);
      g_hash_table_insert (self->item_index, key, GUINT_TO_POINTER (i + 1));
    }
  trellis_node_changed (TRELLIS_NODE (self));
  return TRUE;
}

guint
trellis_round_get_n_items (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), 0);
  return self->items->len;
}

const char *
trellis_round_get_item (TrellisRound *self,
                        guint         item)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  g_return_val_if_fail (item < self->items->len, NULL);
  return g_ptr_array_index (self->items, item);
}

/**
 * trellis_round_find_item:
 *
 * Returns: the column of @item_key in the answer table, or -1
 */
int
trellis_round_find_item (TrellisRound *self,
                         const char   *item_key)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), -1);
  g_return_val_if_fail (item_key != NULL, -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->item_index, item_key)) - 1;
}

/* Looked up, not searched: a round may hold thousands of responses and groups. */
static guint16
intern_group (TrellisRound *self,
              const char   *group)
{
  guint index;
  char *copy;

  if (group == NULL || *group == '\0')
    return 0;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_index, group));
  if (index != 0)
    return index;
  if (self->groups->len >= MAX_GROUPS)
    return 0;
  copy = g_strdup (group);
  g_ptr_array_add (self->groups, copy);
  g_hash_table_insert (self->group_index, copy, GUINT_TO_POINTER (self->groups->len));
  return self->groups->len;
}

/**
 * trellis_round_add_response:
 * @answers: (array): one answer per item, in item order
 * @group: (nullable): the respondent's group, or %NULL
 *
 * Returns: the new response's index
 */
guint
trellis_round_add_response (TrellisRound        *self,
                            const TrellisAnswer *answers,
                            const char          *group)
{
  guint16 group_index;

  g_return_val_if_fail (TRELLIS_IS_ROUND (self), 0);
  g_return_val_if_fail (answers != NULL || self->items->len == 0, 0);

  group_index = intern_group (self, group);
  g_byte_array_append (self->answers, (const guint8 *) answers, self->items->len);
  g_array_append_val (self->response_groups, group_index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RESPONSES]);
  trellis_node_changed (TRELLIS_NODE (self));
  return self->response_groups->len - 1;
}

guint
trellis_round_get_n_responses (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), 0);
  return self->response_groups->len;
}

/**
 * trellis_round_get_response:
 *
 * Returns: (array): the answers of one response, one per item
 */
const TrellisAnswer *
trellis_round_get_response (TrellisRound *self,
                            guint         response)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  g_return_val_if_fail (response < self->response_groups->len, NULL);

  return (const TrellisAnswer *) self->answers->data + (gsize) response * self->items->len;
}

TrellisAnswer
trellis_round_get_answer (TrellisRound *self,
                          guint         response,
                          guint         item)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), TRELLIS_ANSWER_BLANK);
  g_return_val_if_fail (response < self->response_groups->len, TRELLIS_ANSWER_BLANK);
  g_return_val_if_fail (item < self->items->len, TRELLIS_ANSWER_BLANK);

  return (TrellisAnswer) self->answers->data[(gsize) response * self->items->len + item];
}

/**
 * trellis_round_get_response_group:
 *
 * Returns: (nullable): the group the respondent said they belong to
 */
const char *
trellis_round_get_response_group (TrellisRound *self,
                                  guint         response)
{
  guint16 group_index;

  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  g_return_val_if_fail (response < self->response_groups->len, NULL);

  group_index = g_array_index (self->response_groups, guint16, response);
  return group_index == 0 ? NULL : g_ptr_array_index (self->groups, group_index - 1);
}

guint
trellis_round_get_n_groups (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), 0);
  return self->groups->len;
}

/**
 * trellis_round_get_group:
 *
 * Returns: the label of the @group-th distinct group, in the order they were added (a
 *   loaded round's: the file's; an imported round's: by name)
 */
const char *
trellis_round_get_group (TrellisRound *self,
                         guint         group)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);
  return g_ptr_array_index (self->groups, group);
}

/**
 * trellis_round_count_group:
 *
 * Returns: how many responses carry @group
 */
guint
trellis_round_count_group (TrellisRound *self,
                           const char   *group)
{
  guint16 wanted = 0;
  guint count = 0;

  g_return_val_if_fail (TRELLIS_IS_ROUND (self), 0);
  g_return_val_if_fail (group != NULL, 0);

  wanted = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_index, group));
  if (wanted == 0)
    return 0;
  for (guint i = 0; i < self->response_groups->len; i++)
    if (g_array_index (self->response_groups, guint16, i) == wanted)
      count++;
  return count;
}

/**
 * trellis_round_get_answer_table:
 *
 * Returns: (array): every answer, row-major: trellis_round_get_n_responses() rows of
 *   trellis_round_get_n_items() answers; %NULL when the round has no items
 */
const TrellisAnswer *
trellis_round_get_answer_table (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  return (const TrellisAnswer *) self->answers->data;
}

/**
 * trellis_round_get_response_group_indices:
 *
 * Returns: (array): per response, 0 for no group or 1 + the group's position in
 *   trellis_round_get_group()
 */
const guint16 *
trellis_round_get_response_group_indices (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  return (const guint16 *) self->response_groups->data;
}

/**
 * trellis_round_find_group:
 *
 * Returns: the position of @group in trellis_round_get_group(), or -1
 */
int
trellis_round_find_group (TrellisRound *self,
                          const char   *group)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), -1);

  if (group == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->group_index, group)) - 1;
}

/* The groups of @n_responses rows just appended to the answers; the round then says
 * once that it changed. */
static void
append_groups (TrellisRound        *self,
               guint                n_responses,
               const char * const  *group_names,
               guint                n_group_names,
               const guint32       *response_groups)
{
  /* 0 = not used by any row; else the group's index in the round */
  g_autofree guint16 *interned = g_new0 (guint16, n_group_names + 1);
  guint first = self->response_groups->len;

  /* The names the rows use are added in the order given, not in the order rows first
   * use them, so that the caller decides the order <groups> is written in. */
  for (guint r = 0; response_groups != NULL && r < n_responses; r++)
    if (response_groups[r] > 0 && response_groups[r] <= n_group_names)
      interned[response_groups[r]] = 1;
  for (guint name = 1; name <= n_group_names; name++)
    if (interned[name] != 0)
      interned[name] = intern_group (self, group_names[name - 1]);
  g_array_set_size (self->response_groups, first + n_responses);
  for (guint r = 0; r < n_responses; r++)
    {
      guint32 name = response_groups != NULL ? response_groups[r] : 0;

      g_array_index (self->response_groups, guint16, first + r) =
        name > 0 && name <= n_group_names ? interned[name] : 0;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RESPONSES]);
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_round_take_responses:
 * @answers: (transfer full): @n_responses rows of one answer per item, row-major
 * @group_names: (array length=n_group_names): the groups the rows refer to
 * @response_groups: (array) (nullable): per row, 0 for no group or 1 + a position in
 *   @group_names; %NULL when no row has a group
 *
 * Adds many responses at once, as trellis_round_add_response() adds one, taking the
 * answers: a loader's or an importer's table becomes the round's without a copy when
 * the round has none yet. The groups the rows use are kept in the order of @group_names
 * (after any the round has already), and the round says it changed once.
 */
void
trellis_round_take_responses (TrellisRound        *self,
                              GByteArray          *answers,
                              guint                n_responses,
                              const char * const  *group_names,
                              guint                n_group_names,
                              const guint32       *response_groups)
{
  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (answers != NULL && answers->len == (gsize) n_responses * self->items->len);

  if (n_responses == 0)
    {
      g_byte_array_unref (answers);
      return;
    }
  if (self->answers->len == 0)
    {
      g_byte_array_unref (self->answers);
      self->answers = answers;
    }
  else
    {
      g_byte_array_append (self->answers, answers->data, answers->len);
      g_byte_array_unref (answers);
    }
  append_groups (self, n_responses, group_names, n_group_names, response_groups);
}

/**
 * trellis_round_add_comment:
 *
 * Stores one comment against a section. The importer adds them in a shuffled order so
 * that the n-th comment of one section and the n-th of another need not be the same
 * respondent's.
 */
void
trellis_round_add_comment (TrellisRound *self,
                           const char   *section_id,
                           const char   *text)
{
  trellis_round_add_comment_full (self, section_id, text, TRELLIS_COMMENT_NONE);
}

/* A section's comments and their marks, made empty when it has none yet. */
static GPtrArray *
section_comments (TrellisRound  *self,
                  const char    *section_id,
                  GByteArray   **flag_list)
{
  GPtrArray *list = g_hash_table_lookup (self->comments, section_id);

  if (list == NULL)
    {
      char *key = g_strdup (section_id);

      g_ptr_array_add (self->comment_sections, key);
      /* The texts are freed by free_comments(). */
      list = g_ptr_array_new ();
      g_hash_table_insert (self->comments, key, list);
      g_hash_table_insert (self->comment_flags, key, g_byte_array_new ());
    }
  *flag_list = g_hash_table_lookup (self->comment_flags, section_id);
  return list;
}

/**
 * trellis_round_add_comment_full:
 * @flags: what the facilitator marked the comment as (key, hidden from print)
 */
void
trellis_round_add_comment_full (TrellisRound        *self,
                                const char          *section_id,
                                const char          *text,
                                TrellisCommentFlags  flags)
{
  GPtrArray *list;
  GByteArray *flag_list;
  guint8 flag_byte = (guint8) (flags & TRELLIS_COMMENT_ALL_FLAGS);

  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (section_id != NULL && *section_id != '\0');
  g_return_if_fail (text != NULL);

  list = section_comments (self, section_id, &flag_list);
  g_ptr_array_add (list, g_strdup (text));
  g_byte_array_append (flag_list, &flag_byte, 1);
  self->n_comments++;
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_round_take_comments:
 * @texts: (array length=n_comments) (transfer full): the comments, each freed with
 *   g_free() by the round; the array itself stays the caller's
 * @flags: (array length=n_comments): what each is marked as
 *
 * Adds many comments to one section at once, as trellis_round_add_comment_full() adds
 * one, taking the texts rather than copying them: a loader's 80,000 comments are not
 * copied twice. Every text must be valid UTF-8, as the model holds only text.
 */
void
trellis_round_take_comments (TrellisRound *self,
                             const char   *section_id,
                             char        **texts,
                             const guint8 *flags,
                             guint         n_comments)
{
  GPtrArray *list;
  GByteArray *flag_list;

  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (section_id != NULL && *section_id != '\0');
  g_return_if_fail (n_comments == 0 || (texts != NULL && flags != NULL));

  if (n_comments == 0)
    return;
  list = section_comments (self, section_id, &flag_list);
  for (guint i = 0; i < n_comments; i++)
    {
      guint8 flag_byte = flags[i] & TRELLIS_COMMENT_ALL_FLAGS;

      g_ptr_array_add (list, texts[i]);
      g_byte_array_append (flag_list, &flag_byte, 1);
    }
  self->n_comments += n_comments;
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_round_take_comment_block:
 * @block: (transfer full): the texts one after another, each ended by a NUL; freed
 *   with g_free() by the round
 * @size: the bytes of @block
 * @offsets: (array length=n_comments): where each text starts in @block
 * @flags: (array length=n_comments): what each is marked as
 *
 * As trellis_round_take_comments(), for texts in one allocation: a loader's 80,000
 * comments are then one allocation, not 80,000, to make and to free. Every text must
 * be valid UTF-8.
 */
void
trellis_round_take_comment_block (TrellisRound *self,
                                  const char   *section_id,
                                  char         *block,
                                  gsize         size,
                                  const gsize  *offsets,
                                  const guint8 *flags,
                                  guint         n_comments)
{
  CommentBlock taken = { block, size };
  GPtrArray *list;
  GByteArray *flag_list;

  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (section_id != NULL && *section_id != '\0');
  g_return_if_fail (block != NULL && size > 0 && block[size - 1] == '\0');
  g_return_if_fail (n_comments == 0 || (offsets != NULL && flags != NULL));

  for (guint i = 0; i < n_comments; i++)
    g_return_if_fail (offsets[i] < size);
  g_array_append_val (self->comment_blocks, taken);
  if (n_comments == 0)
    return;
  list = section_comments (self, section_id, &flag_list);
  g_ptr_array_set_size (list, list->len + n_comments);
  g_byte_array_set_size (flag_list, flag_list->len + n_comments);
  for (guint i = 0; i < n_comments; i++)
    {
      list->pdata[list->len - n_comments + i] = block + offsets[i];
      flag_list->data[flag_list->len - n_comments + i] = flags[i] & TRELLIS_COMMENT_ALL_FLAGS;
    }
  self->n_comments += n_comments;
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_round_get_comment_flags:
 * @index: the comment's position in trellis_round_get_comments()
 *
 * Returns: what the facilitator marked the comment as
 */
TrellisCommentFlags
trellis_round_get_comment_flags (TrellisRound *self,
                                 const char   *section_id,
                                 guint         index)
{
  GByteArray *flag_list;

  g_return_val_if_fail (TRELLIS_IS_ROUND (self), TRELLIS_COMMENT_NONE);
  g_return_val_if_fail (section_id != NULL, TRELLIS_COMMENT_NONE);

  flag_list = g_hash_table_lookup (self->comment_flags, section_id);
  g_return_val_if_fail (flag_list != NULL && index < flag_list->len, TRELLIS_COMMENT_NONE);
  return (TrellisCommentFlags) flag_list->data[index];
}

/**
 * trellis_round_set_comment_flags:
 *
 * Marks a comment as key or hidden from print; it stays in the round either way.
 * Undoable edits go through trellis_comment_edit_set_flags().
 */
void
trellis_round_set_comment_flags (TrellisRound        *self,
                                 const char          *section_id,
                                 guint                index,
                                 TrellisCommentFlags  flags)
{
  GByteArray *flag_list;
  guint8 flag_byte = (guint8) (flags & TRELLIS_COMMENT_ALL_FLAGS);

  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (section_id != NULL);

  flag_list = g_hash_table_lookup (self->comment_flags, section_id);
  g_return_if_fail (flag_list != NULL && index < flag_list->len);
  if (flag_list->data[index] == flag_byte)
    return;
  flag_list->data[index] = flag_byte;
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_round_set_comment_text:
 *
 * Replaces a comment's words (redaction): the old text is not kept by the round.
 */
void
trellis_round_set_comment_text (TrellisRound *self,
                                const char   *section_id,
                                guint         index,
                                const char   *text)
{
  GPtrArray *list;

  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (section_id != NULL);
  g_return_if_fail (text != NULL);

  list = g_hash_table_lookup (self->comments, section_id);
  g_return_if_fail (list != NULL && index < list->len);
  if (g_str_equal (g_ptr_array_index (list, index), text))
    return;
  release_comment_text (self, g_ptr_array_index (list, index));
  g_ptr_array_index (list, index) = g_strdup (text);
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_round_get_comments:
 *
 * Returns: (transfer none) (nullable) (element-type utf8): the section's comments
 */
GPtrArray *
trellis_round_get_comments (TrellisRound *self,
                            const char   *section_id)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  return g_hash_table_lookup (self->comments, section_id);
}

guint
trellis_round_get_n_comments (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), 0);
  return self->n_comments;
}

/**
 * trellis_round_get_comment_sections:
 *
 * Returns: (transfer none) (element-type utf8): ids of the sections holding comments
 */
GPtrArray *
trellis_round_get_comment_sections (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  return self->comment_sections;
}

/**
 * trellis_round_get_column_rules:
 *
 * Returns: (transfer none) (element-type TrellisColumnRule): the confirmed mapping
 */
GPtrArray *
trellis_round_get_column_rules (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  return self->column_rules;
}

void
trellis_round_add_column_rule (TrellisRound            *self,
                               const TrellisColumnRule *rule)
{
  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (rule != NULL);

  g_ptr_array_add (self->column_rules, trellis_column_rule_copy (rule));
  trellis_node_changed (TRELLIS_NODE (self));
}

/**
 * trellis_round_get_value_rules:
 *
 * Returns: (transfer none) (element-type TrellisValueRule): answer texts the facilitator
 *   mapped by hand
 */
GPtrArray *
trellis_round_get_value_rules (TrellisRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  return self->value_rules;
}

void
trellis_round_add_value_rule (TrellisRound           *self,
                              const TrellisValueRule *rule)
{
  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (rule != NULL);

  g_ptr_array_add (self->value_rules, trellis_value_rule_copy (rule));
  trellis_node_changed (TRELLIS_NODE (self));
}

/* ------------------------------------------------------------------------------------
 * The wording each statement had when the round answered it
 * ------------------------------------------------------------------------------------ */

/* The statement ids of the round's items: "s1" and "s1@importance" are both s1. */
static GHashTable *
get_answered_ids (TrellisRound *self)
{
  if (self->answered_ids != NULL)
    return self->answered_ids;

  self->answered_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      const char *key = g_ptr_array_index (self->items, i);
      const char *separator = strchr (key, '@');

      g_hash_table_add (self->answered_ids,
                        separator != NULL ? g_strndup (key, separator - key) : g_strdup (key));
    }
  return self->answered_ids;
}

static gboolean
answers_statement (GHashTable       *answered_ids,
                   TrellisStatement *statement)
{
  guint n_children = trellis_statement_get_n_children (statement);

  if (g_hash_table_contains (answered_ids, trellis_statement_get_id (statement)))
    return TRUE;
  /* The lead-in of a multi-part item is part of what its parts were answered as. */
  for (guint i = 0; i < n_children; i++)
    if (g_hash_table_contains (answered_ids, trellis_statement_get_id (trellis_statement_get_child (statement, i))))
      return TRUE;
  return FALSE;
}

/**
 * trellis_round_answers_statement:
 *
 * Returns: whether the round holds answers to @statement (on any scale), or, for a
 *   multi-part statement, to any of its parts
 */
gboolean
trellis_round_answers_statement (TrellisRound     *self,
                                 TrellisStatement *statement)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), FALSE);

  return answers_statement (get_answered_ids (self), statement);
}

/**
 * trellis_round_get_statement_wording:
 * @statement_id: a statement's id
 *
 * Returns: (nullable): the statement's text markup (see
 *   trellis_statement_get_text_markup()) when this round answered it, or %NULL when the
 *   round did not answer it or the wording was not recorded
 */
const char *
trellis_round_get_statement_wording (TrellisRound *self,
                                     const char   *statement_id)
{
  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);
  g_return_val_if_fail (statement_id != NULL, NULL);

  return g_hash_table_lookup (self->wordings, statement_id);
}

/**
 * trellis_round_set_statement_wording:
 * @statement_id: a statement's id
 * @markup: (nullable): its text markup as the round's respondents read it; %NULL
 *   forgets it
 *
 * Records the wording a statement had when this round answered it. Done for every
 * answered statement when the round joins a project (see
 * trellis_round_record_wordings()); the project file keeps those that differ from the
 * checklist's current wording.
 */
void
trellis_round_set_statement_wording (TrellisRound *self,
                                     const char   *statement_id,
                                     const char   *markup)
{
  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (statement_id != NULL);

  if (g_strcmp0 (g_hash_table_lookup (self->wordings, statement_id), markup) == 0)
    return;
  if (markup == NULL)
    g_hash_table_remove (self->wordings, statement_id);
  else
    g_hash_table_replace (self->wordings, g_ref_string_new_intern (statement_id),
                          g_ref_string_new_intern (markup));
  trellis_node_changed (TRELLIS_NODE (self));
}

static void
record_statement_wording (TrellisRound     *self,
                          GHashTable       *answered_ids,
                          TrellisStatement *statement)
{
  const char *markup = trellis_statement_get_text_markup (statement);
  const char *id = trellis_statement_get_id (statement);

  if (markup == NULL || g_hash_table_contains (self->wordings, id) || !answers_statement (answered_ids, statement))
    return;
  g_hash_table_insert (self->wordings, g_ref_string_new_intern (id), g_ref_string_new_intern (markup));
}

/**
 * trellis_round_record_wordings:
 *
 * Records the current wording of every statement of @checklist this round answered and
 * whose wording it does not know yet (see trellis_round_set_statement_wording()).
 * trellis_project_append_round() calls it, so a round imported or read from a file
 * remembers what its respondents answered even after the statement is reworded.
 */
void
trellis_round_record_wordings (TrellisRound     *self,
                               TrellisChecklist *checklist)
{
  GHashTable *answered_ids;
  guint n_sections;

  g_return_if_fail (TRELLIS_IS_ROUND (self));
  g_return_if_fail (TRELLIS_IS_CHECKLIST (checklist));

  if (self->items->len == 0)
    return;
  answered_ids = get_answered_ids (self);
  n_sections = trellis_checklist_get_n_sections (checklist);
  for (guint i = 0; i < n_sections; i++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, i);
      guint n_statements = trellis_section_get_n_statements (section);

      for (guint j = 0; j < n_statements; j++)
        {
          TrellisStatement *statement = trellis_section_get_statement (section, j);
          guint n_children = trellis_statement_get_n_children (statement);

          record_statement_wording (self, answered_ids, statement);
          for (guint k = 0; k < n_children; k++)
            record_statement_wording (self, answered_ids, trellis_statement_get_child (statement, k));
        }
    }
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * trellis_round_dup_worded_statement_ids:
 *
 * Returns: (transfer full): the ids of the statements whose wording the round knows,
 *   sorted by strcmp() so that a saved file does not depend on hash order
 */
GStrv
trellis_round_dup_worded_statement_ids (TrellisRound *self)
{
  GStrv ids;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_ROUND (self), NULL);

  ids = (GStrv) g_hash_table_get_keys_as_array (self->wordings, &n);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (ids[i]);
  qsort (ids, n, sizeof (char *), compare_strings);
  return ids;
}

/**
 * trellis_round_get_wording_changed:
 *
 * Returns: whether @statement's words differ from those the round's respondents
 *   answered (emphasis alone is not a change of words)
 */
gboolean
trellis_round_get_wording_changed (TrellisRound     *self,
                                   TrellisStatement *statement)
{
  const char *wording;
  g_autofree char *answered_text = NULL;

  g_return_val_if_fail (TRELLIS_IS_ROUND (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STATEMENT (statement), FALSE);

  wording = g_hash_table_lookup (self->wordings, trellis_statement_get_id (statement));
  if (wording == NULL)
    return FALSE;
  answered_text = trellis_markup_parse (wording, NULL);
  return g_strcmp0 (answered_text, trellis_statement_get_text (statement)) != 0;
}
