/* trellis-import-value-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-import-value-row"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-import-value-row.h"

/* A row of the answers list: an answer text as the export writes it, how often, and a
 * drop-down saying what it means on the scale. The drop-down's entries are, in order:
 * "Choose…", the scale's points, Not applicable, Don't know, and No answer. */
struct _TrellisImportValueRow
{
  GtkListBoxRow  parent_instance;

  TrellisImport *import;
  TrellisScale  *scale;
  char          *text;
  gboolean       mapped;
  TrellisAnswer  answer;
  gboolean       syncing;

  GtkLabel      *text_label;
  GtkLabel      *count_label;
  GtkDropDown   *answer_dropdown;
  GtkImage      *status_icon;
};

G_DEFINE_FINAL_TYPE (TrellisImportValueRow, trellis_import_value_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
position_of (TrellisScale  *scale,
             TrellisAnswer  answer)
{
  guint n_points = trellis_scale_get_n_points (scale);

  switch (answer)
    {
    case TRELLIS_ANSWER_NOT_APPLICABLE:
      return n_points + 1;
    case TRELLIS_ANSWER_DONT_KNOW:
      return n_points + 2;
    case TRELLIS_ANSWER_BLANK:
      return n_points + 3;
    default:
      return answer >= 1 && (guint) answer <= n_points ? (guint) answer : 0;
    }
}

static gboolean
answer_at (TrellisScale  *scale,
           guint          position,
           TrellisAnswer *answer)
{
  guint n_points = trellis_scale_get_n_points (scale);

  if (position >= 1 && position <= n_points)
    *answer = (TrellisAnswer) position;
  else if (position == n_points + 1)
    *answer = TRELLIS_ANSWER_NOT_APPLICABLE;
  else if (position == n_points + 2)
    *answer = TRELLIS_ANSWER_DONT_KNOW;
  else if (position == n_points + 3)
    *answer = TRELLIS_ANSWER_BLANK;
  else
    return FALSE;
  return TRUE;
}

/**
 * trellis_import_value_answers_new:
 *
 * Returns: (transfer full): the entries of every value row's drop-down for @scale
 */
GListModel *
trellis_import_value_answers_new (TrellisScale *scale)
{
  GtkStringList *answers = gtk_string_list_new (NULL);
  guint n_points;

  g_return_val_if_fail (TRELLIS_IS_SCALE (scale), NULL);

  n_points = trellis_scale_get_n_points (scale);
  gtk_string_list_append (answers, _("Choose what it means…"));
  for (guint p = 1; p <= n_points; p++)
    {
      /* Translators: a point of the answer scale and its number: “Agree (4)” */
      g_autofree char *point = g_strdup_printf (_("%s (%u)"), trellis_scale_get_point_label (scale, p), p);
      gtk_string_list_append (answers, point);
    }
  gtk_string_list_append (answers, trellis_scale_get_answer_label (scale, TRELLIS_ANSWER_NOT_APPLICABLE));
  gtk_string_list_append (answers, trellis_scale_get_answer_label (scale, TRELLIS_ANSWER_DONT_KNOW));
  gtk_string_list_append (answers, _("No answer (left blank)"));
  return G_LIST_MODEL (answers);
}

static void
update (TrellisImportValueRow *self)
{
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->answer_dropdown, self->mapped ? position_of (self->scale, self->answer) : 0);
  self->syncing = FALSE;

  gtk_image_set_from_icon_name (self->status_icon, self->mapped ? "object-select-symbolic"
                                                                : "dialog-warning-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->mapped ? _("Read as an answer") : _("Not on the scale: choose what it means"),
                                  -1);
  if (self->mapped)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "status-check");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "status-sure");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "status-sure");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "status-check");
    }
}

static void
selected_cb (TrellisImportValueRow *self)
{
  TrellisAnswer answer;

  if (self->syncing)
    return;
  /* "Choose…" is no answer: what was chosen stays. */
  if (!answer_at (self->scale, gtk_drop_down_get_selected (self->answer_dropdown), &answer))
    {
      update (self);
      return;
    }
  trellis_import_value_row_choose (self, answer);
}

static void
trellis_import_value_row_dispose (GObject *object)
{
  TrellisImportValueRow *self = (TrellisImportValueRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_IMPORT_VALUE_ROW);
  g_clear_object (&self->import);
  g_clear_object (&self->scale);

  G_OBJECT_CLASS (trellis_import_value_row_parent_class)->dispose (object);
}

static void
trellis_import_value_row_finalize (GObject *object)
{
  TrellisImportValueRow *self = (TrellisImportValueRow *) object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (trellis_import_value_row_parent_class)->finalize (object);
}

static void
trellis_import_value_row_class_init (TrellisImportValueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_import_value_row_dispose;
  object_class->finalize = trellis_import_value_row_finalize;

  /**
   * TrellisImportValueRow::changed:
   *
   * The facilitator said what the answer text means.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-import-value-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisImportValueRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportValueRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportValueRow, answer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportValueRow, status_icon);
}

static void
trellis_import_value_row_init (TrellisImportValueRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trellis_import_value_row_new:
 * @import: the import; the facilitator's choice goes to it
 * @value: an answer text from trellis_import_dup_values()
 * @scale: the scale the answers are on
 * @answers: the drop-down's entries, from trellis_import_value_answers_new()
 *
 * Returns: (transfer floating): a row for @value
 */
GtkWidget *
trellis_import_value_row_new (TrellisImport            *import,
                              const TrellisImportValue *value,
                              TrellisScale             *scale,
                              GListModel               *answers)
{
  TrellisImportValueRow *self;
  g_autofree char *quoted = NULL;
  g_autofree char *count = NULL;
  g_autofree char *dropdown_label = NULL;

  g_return_val_if_fail (TRELLIS_IS_IMPORT (import), NULL);
  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (TRELLIS_IS_SCALE (scale), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (answers), NULL);

  self = g_object_new (TRELLIS_TYPE_IMPORT_VALUE_ROW, NULL);
  self->import = g_object_ref (import);
  self->scale = g_object_ref (scale);
  self->text = g_strdup (value->text);
  self->mapped = value->mapped;
  self->answer = value->answer;

  /* Translators: an answer as the survey export writes it, quoted */
  quoted = g_strdup_printf (_("“%s”"), value->text);
  gtk_label_set_label (self->text_label, quoted);
  count = g_strdup_printf (ngettext ("%u time", "%u times", value->count), value->count);
  gtk_label_set_label (self->count_label, count);

  /* Translators: the drop-down that says what an answer text means: “Agree somewhat”: meaning */
  dropdown_label = g_strdup_printf (_("%s: meaning"), quoted);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dropdown_label, -1);
  /* GTK 4.8 leaves the drop-down's button, which takes the focus, nameless. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->answer_dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dropdown_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, quoted, -1);

  gtk_drop_down_set_model (self->answer_dropdown, answers);
  update (self);
  g_signal_connect_swapped (self->answer_dropdown, "notify::selected", G_CALLBACK (selected_cb), self);
  return GTK_WIDGET (self);
}

const char *
trellis_import_value_row_get_text (TrellisImportValueRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_VALUE_ROW (self), NULL);
  return self->text;
}

/**
 * trellis_import_value_row_get_mapped:
 *
 * Returns: whether the text is read as an answer, by the importer or as chosen here
 */
gboolean
trellis_import_value_row_get_mapped (TrellisImportValueRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_VALUE_ROW (self), FALSE);
  return self->mapped;
}

/**
 * trellis_import_value_row_choose:
 * @answer: what the text means: a point of the scale, N/A, Don't know or blank
 *
 * Reads the text as @answer from now on, as choosing it in the drop-down does.
 *
 * Returns: %FALSE when @answer is not on the row's scale
 */
gboolean
trellis_import_value_row_choose (TrellisImportValueRow *self,
                                 TrellisAnswer          answer)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_VALUE_ROW (self), FALSE);

  if (position_of (self->scale, answer) == 0)
    return FALSE;
  trellis_import_set_value (self->import, self->text, answer);
  self->mapped = TRUE;
  self->answer = answer;
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * trellis_import_value_row_get_dropdown:
 *
 * Returns: (transfer none): the drop-down that says what the text means
 */
GtkDropDown *
trellis_import_value_row_get_dropdown (TrellisImportValueRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_VALUE_ROW (self), NULL);
  return self->answer_dropdown;
}
