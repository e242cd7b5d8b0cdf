/* trellis-comments-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chosen round's comments, section by section, as the facilitator prepares the
 * workshop: searched, marked as key (the pack can print only those) or hidden from
 * print, and redacted of the names, e-mail addresses and phone numbers respondents typed.
 * Every change goes through the undo stack. A mark changes no row's place, so the rows
 * are updated where they stand and keep the keyboard focus; only another round, or
 * another number of comments, builds the list again.
 *
 * A national survey brings tens of thousands of comments: a section shows the first
 * COMMENTS_PAGE that match the search as rows, and a button adds as many again. Rows are
 * made when first shown and kept, in comment order; counting, searching and finding what
 * to redact go over the round's comments themselves. Nothing is built while the view is
 * not on screen: it catches up when it is mapped.
 */
#define G_LOG_DOMAIN "trellis-comments-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trellis-comments-view.h"
#include "trellis-status-page.h"
#include "trellis-style.h"
#include "trellis-view.h"

/* How many rows a section shows at first, and adds at each "Show more". */
#define COMMENTS_PAGE 25

/* One comment's row: owned by its GtkListBoxRow. */
typedef struct
{
  TrellisCommentsView *view;
  GtkWidget           *row;
  GtkLabel            *text;
  GtkToggleButton     *key;
  GtkToggleButton     *hidden;
  char                *section_id;
  guint                index;
} CommentRow;

/* One section's heading, list and "Show more" button. */
typedef struct
{
  char      *section_id;
  GtkWidget *heading;
  GtkWidget *list;
  GtkWidget *more_button;
  GPtrArray *rows;     /* CommentRow, borrowed, made as first shown, by comment index */
  guint      limit;    /* how many matching comments are shown */
  GPtrArray *folded;   /* each comment case-folded, for searching; NULL until searched */
  GPtrArray *found;    /* each comment's TrellisRedaction array or NULL, while redacting */
} SectionGroup;

struct _TrellisCommentsView
{
  GtkWidget          parent_instance;

  TrellisProject    *project;
  TrellisRound      *round;
  TrellisUndoStack  *undo;
  GPtrArray         *groups;      /* SectionGroup */
  char              *layout_key;  /* what the rows were built for */
  TrellisRedactor   *redactor;    /* while redacting */
  gboolean           updating;
  gboolean           stale;       /* shown a project or round while not on screen */

  GtkSearchEntry    *search_entry;
  GtkLabel          *count_label;
  GtkCheckButton    *key_only_check;
  GtkToggleButton   *redact_button;
  GtkRevealer       *redact_revealer;
  GtkLabel          *redact_label;
  GtkEntry          *names_entry;
  GtkWidget         *redact_cancel_button;
  GtkWidget         *redact_apply_button;
  GtkStack          *comments_stack;
  GtkScrolledWindow *scroller;
  GtkBox            *sections_box;
  GtkLabel          *note_label;
  TrellisStatusPage *status_page;
};

static void trellis_comments_view_iface_init (TrellisViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisCommentsView, trellis_comments_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (TRELLIS_TYPE_VIEW, trellis_comments_view_iface_init))

enum {
  PROP_0,
  PROP_KEY_COMMENTS_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refilter (TrellisCommentsView *self);

static void
comment_row_free (CommentRow *row)
{
  g_free (row->section_id);
  g_free (row);
}

static void
section_group_free (SectionGroup *group)
{
  g_free (group->section_id);
  g_ptr_array_unref (group->rows);
  g_clear_pointer (&group->folded, g_ptr_array_unref);
  g_clear_pointer (&group->found, g_ptr_array_unref);
  g_free (group);
}

static GPtrArray *
group_comments (TrellisCommentsView *self,
                SectionGroup        *group)
{
  return trellis_round_get_comments (self->round, group->section_id);
}

/* What redaction would replace in the group's comment @index; NULL for nothing. */
static GArray *
group_found (SectionGroup *group,
             guint         index)
{
  GArray *found = group->found != NULL ? g_ptr_array_index (group->found, index) : NULL;

  return found != NULL && found->len > 0 ? found : NULL;
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

/* ---- Redaction, shown before it is done ---- */

/**
 * trellis_redaction_markup:
 * @found: (element-type TrellisRedaction): what redaction would replace in @text
 *
 * Returns: @text as Pango markup with what would be replaced in bold and underlined
 */
char *
trellis_redaction_markup (const char *text,
                          GArray     *found)
{
  GString *markup = g_string_new (NULL);
  gsize position = 0;

  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      TrellisRedaction *r = &g_array_index (found, TrellisRedaction, i);
      g_autofree char *before = g_markup_escape_text (text + position, (gssize) (r->start - position));
      g_autofree char *word = g_markup_escape_text (text + r->start, (gssize) (r->end - r->start));
      g_autofree char *placeholder = g_markup_escape_text (trellis_redact_kind_get_placeholder (r->kind), -1);

      g_string_append_printf (markup, "%s<b><u>%s</u></b> → %s", before, word, placeholder);
      position = r->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + position, -1);
    g_string_append (markup, rest);
  }
  return g_string_free (markup, FALSE);
}

/**
 * trellis_redaction_describe:
 * @n_found: how many names, e-mail addresses and phone numbers (TrellisRedactKind order)
 *
 * Returns: "Found 3 names, 1 e-mail address and 2 phone numbers in 5 comments."
 */
char *
trellis_redaction_describe (const guint n_found[3],
                            guint       n_comments)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  if (n_comments == 0)
    return g_strdup (_("No names, e-mail addresses or phone numbers found."));
  if (n_found[TRELLIS_REDACT_NAME] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u name", "%u names", n_found[TRELLIS_REDACT_NAME]),
                                             n_found[TRELLIS_REDACT_NAME]));
  if (n_found[TRELLIS_REDACT_EMAIL] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u e-mail address", "%u e-mail addresses", n_found[TRELLIS_REDACT_EMAIL]),
                                             n_found[TRELLIS_REDACT_EMAIL]));
  if (n_found[TRELLIS_REDACT_PHONE] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u phone number", "%u phone numbers", n_found[TRELLIS_REDACT_PHONE]),
                                             n_found[TRELLIS_REDACT_PHONE]));
  if (parts->len == 3)
    /* TRANSLATORS: "3 names, 1 e-mail address and 2 phone numbers" */
    list = g_strdup_printf (_("%s, %s and %s"), (char *) parts->pdata[0], (char *) parts->pdata[1], (char *) parts->pdata[2]);
  else if (parts->len == 2)
    /* TRANSLATORS: "3 names and 2 phone numbers" */
    list = g_strdup_printf (_("%s and %s"), (char *) parts->pdata[0], (char *) parts->pdata[1]);
  else
    list = g_strdup (parts->pdata[0]);
  /* TRANSLATORS: "Found 3 names and 2 phone numbers in 5 comments." */
  return g_strdup_printf (ngettext ("Found %s in %u comment.", "Found %s in %u comments.", n_comments), list, n_comments);
}

static GStrv
names_from_entry (TrellisCommentsView *self)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->names_entry)), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* Looks for what to redact with the names typed so far, and shows it in the rows. */
static void
find_redactions (TrellisCommentsView *self)
{
  g_auto(GStrv) names = names_from_entry (self);
  guint n_found[3] = { 0, 0, 0 }, n_comments = 0;
  g_autofree char *description = NULL;

  g_clear_pointer (&self->redactor, trellis_redactor_free);
  /* The names are those typed, which become the project's when the facilitator
   * redacts; the checklist's words are protected as they are. */
  if (gtk_toggle_button_get_active (self->redact_button) && self->project != NULL)
    self->redactor = trellis_redactor_new_for_project (self->project, (const char * const *) names);
  for (guint g = 0; g < self->groups->len; g++)
    {
      SectionGroup *group = g_ptr_array_index (self->groups, g);
      GPtrArray *comments = group_comments (self, group);

      g_clear_pointer (&group->found, g_ptr_array_unref);
      if (self->redactor != NULL)
        {
          group->found = g_ptr_array_new_full (comments->len, (GDestroyNotify) g_array_unref);
          for (guint i = 0; i < comments->len; i++)
            g_ptr_array_add (group->found, trellis_redactor_find (self->redactor, g_ptr_array_index (comments, i)));
        }
      for (guint i = 0; i < comments->len; i++)
        {
          GArray *found = group_found (group, i);

          n_comments += found != NULL;
          for (guint k = 0; found != NULL && k < found->len; k++)
            n_found[g_array_index (found, TrellisRedaction, k).kind]++;
        }
      for (guint i = 0; i < group->rows->len; i++)
        {
          CommentRow *row = g_ptr_array_index (group->rows, i);
          const char *text = g_ptr_array_index (comments, row->index);
          GArray *found = group_found (group, row->index);
          g_autofree char *markup = found != NULL ? trellis_redaction_markup (text, found) : NULL;

          if (markup != NULL)
            gtk_label_set_markup (row->text, markup);
          else
            gtk_label_set_text (row->text, text);
        }
    }
  description = trellis_redaction_describe (n_found, n_comments);
  if (n_comments > 0)
    {
      g_autofree char *full = g_strdup_printf ("%s %s", description,
                                               _("Redacting replaces them in the project: the original words are not kept, though Undo brings them back until the project is closed."));
      gtk_label_set_label (self->redact_label, full);
    }
  else
    gtk_label_set_label (self->redact_label, description);
  gtk_widget_set_sensitive (self->redact_apply_button, n_comments > 0);
  refilter (self);
}

static void
set_names_entry (TrellisCommentsView *self)
{
  g_autofree char *joined = NULL;

  if (self->project == NULL)
    return;
  joined = g_strjoinv (", ", (GStrv) trellis_project_get_redact_names (self->project));
  gtk_editable_set_text (GTK_EDITABLE (self->names_entry), joined);
}

static void
redact_toggled_cb (TrellisCommentsView *self)
{
  gboolean active = gtk_toggle_button_get_active (self->redact_button);

  if (active)
    set_names_entry (self);
  gtk_revealer_set_reveal_child (self->redact_revealer, active);
  find_redactions (self);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (self->names_entry));
}

static void
redact_apply_cb (TrellisCommentsView *self)
{
  g_auto(GStrv) names = names_from_entry (self);
  g_autoptr(TrellisRedactor) redactor = NULL;

  if (self->project == NULL || self->round == NULL)
    return;
  /* The names typed are the partnership's list from now on (an edit of its own). */
  if (!g_strv_equal ((const char * const *) names, trellis_project_get_redact_names (self->project)))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRV);
      g_value_set_boxed (&value, names);
      if (self->undo != NULL)
        trellis_undo_stack_set_property (self->undo, _("Change Names to Redact"), G_OBJECT (self->project),
                                         "redact-names", &value);
      else
        trellis_project_set_redact_names (self->project, (const char * const *) names);
    }
  redactor = trellis_redactor_new_for_project (self->project, NULL);
  if (self->undo != NULL)
    trellis_undo_stack_seal (self->undo);
  trellis_comment_edit_redact (self->round, self->undo, redactor, NULL, NULL);
  gtk_toggle_button_set_active (self->redact_button, FALSE);
}

static void
redact_cancel_cb (TrellisCommentsView *self)
{
  gtk_toggle_button_set_active (self->redact_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->redact_button));
}

/* ---- The rows ---- */

static void
flag_toggled_cb (GtkToggleButton *button,
                 CommentRow      *row)
{
  TrellisCommentsView *self = row->view;
  TrellisCommentFlags flags = 0;

  if (self->updating || self->round == NULL)
    return;
  if (gtk_toggle_button_get_active (row->key))
    flags |= TRELLIS_COMMENT_KEY;
  if (gtk_toggle_button_get_active (row->hidden))
    flags |= TRELLIS_COMMENT_HIDDEN;
  trellis_comment_edit_set_flags (self->round, self->undo, row->section_id, row->index, flags);
}

/* The row as the model has it now: text, marks and the look of a hidden comment. */
static void
update_row (TrellisCommentsView *self,
            SectionGroup        *group,
            CommentRow          *row)
{
  const char *text = g_ptr_array_index (trellis_round_get_comments (self->round, row->section_id), row->index);
  TrellisCommentFlags flags = trellis_round_get_comment_flags (self->round, row->section_id, row->index);
  g_autofree char *excerpt = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 60));
  GArray *found = group_found (group, row->index);

  if (found != NULL)
    {
      g_autofree char *markup = trellis_redaction_markup (text, found);

      gtk_label_set_markup (row->text, markup);
    }
  else
    gtk_label_set_text (row->text, text);
  gtk_toggle_button_set_active (row->key, (flags & TRELLIS_COMMENT_KEY) != 0);
  gtk_toggle_button_set_active (row->hidden, (flags & TRELLIS_COMMENT_HIDDEN) != 0);
  if (flags & TRELLIS_COMMENT_HIDDEN)
    gtk_widget_add_css_class (row->row, "hidden-comment");
  else
    gtk_widget_remove_css_class (row->row, "hidden-comment");
  /* Every row has the same two buttons: the comment tells a screen reader which. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->key), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, excerpt, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->hidden), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, excerpt, -1);
}

static GtkToggleButton *
make_toggle (CommentRow *row,
             const char *label,
             const char *accessible_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_signal_connect (button, "toggled", G_CALLBACK (flag_toggled_cb), row);
  return GTK_TOGGLE_BUTTON (button);
}

static CommentRow *
make_row (TrellisCommentsView *self,
          SectionGroup        *group,
          guint                index)
{
  const char *section_id = group->section_id;
  CommentRow *row = g_new0 (CommentRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);

  row->view = self;
  row->section_id = g_strdup (section_id);
  row->index = index;
  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_widget_set_focusable (row->row, FALSE);
  g_object_set_data_full (G_OBJECT (row->row), "comment-row", row, (GDestroyNotify) comment_row_free);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "comment-text");
  row->text = GTK_LABEL (label);
  row->key = make_toggle (row, _("Key"), _("Key comment"),
                          _("Mark as a key comment: the pack can print key comments only"));
  row->hidden = make_toggle (row, _("Hide from print"), _("Hide from print"),
                             _("Keep the comment in the project but never print it"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->key));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->hidden));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  update_row (self, group, row);
  return row;
}

/* The row of the group's comment @index, made and put in its place if it is not yet. */
static void
ensure_row (TrellisCommentsView *self,
            SectionGroup        *group,
            guint                index)
{
  guint low = 0, high = group->rows->len;
  CommentRow *row;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint at = ((CommentRow *) g_ptr_array_index (group->rows, middle))->index;

      if (at == index)
        return;
      if (at < index)
        low = middle + 1;
      else
        high = middle;
    }
  row = make_row (self, group, index);
  g_ptr_array_insert (group->rows, (int) low, row);
  gtk_list_box_insert (GTK_LIST_BOX (group->list), row->row, (int) low);
}

static void
more_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  TrellisCommentsView *self = user_data;
  SectionGroup *group = g_object_get_data (G_OBJECT (button), "group");

  group->limit += COMMENTS_PAGE;
  refilter (self);
}

static char *
section_heading (TrellisSection *section,
                 const char     *section_id,
                 guint           n_comments)
{
  g_autofree char *count = g_strdup_printf (ngettext ("%u comment", "%u comments", n_comments), n_comments);

  if (section == NULL)
    /* TRANSLATORS: comments kept for a section deleted from the checklist since */
    return g_strdup_printf (_("A deleted section (%s) · %s"), section_id, count);
  return g_strdup_printf ("%s. %s · %s", trellis_section_get_code (section), trellis_section_get_title (section),
                          count);
}

static SectionGroup *
make_group (TrellisCommentsView *self,
            TrellisSection      *section,
            const char          *section_id)
{
  GPtrArray *comments = trellis_round_get_comments (self->round, section_id);
  SectionGroup *group = g_new0 (SectionGroup, 1);
  g_autofree char *heading = section_heading (section, section_id, comments->len);

  group->section_id = g_strdup (section_id);
  group->rows = g_ptr_array_new ();
  group->heading = g_object_new (GTK_TYPE_LABEL, "label", heading, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_label_set_xalign (GTK_LABEL (group->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (group->heading), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_add_css_class (group->heading, "comments-section-heading");
  group->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group->list, "boxed-list");
  gtk_widget_add_css_class (group->list, "comments-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  group->limit = COMMENTS_PAGE;
  group->more_button = gtk_button_new ();
  gtk_widget_set_halign (group->more_button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (group->more_button), "group", group);
  g_signal_connect (group->more_button, "clicked", G_CALLBACK (more_clicked_cb), self);
  gtk_box_append (self->sections_box, group->heading);
  gtk_box_append (self->sections_box, group->list);
  gtk_box_append (self->sections_box, group->more_button);
  return group;
}

static void
clear_groups (TrellisCommentsView *self)
{
  for (guint g = 0; g < self->groups->len; g++)
    {
      SectionGroup *group = g_ptr_array_index (self->groups, g);

      gtk_box_remove (self->sections_box, group->heading);
      gtk_box_remove (self->sections_box, group->list);
      gtk_box_remove (self->sections_box, group->more_button);
    }
  g_ptr_array_set_size (self->groups, 0);
}

/* The sections holding comments, in checklist order, then any since deleted. */
static GPtrArray *
ordered_sections (TrellisCommentsView *self)
{
  GPtrArray *ids = g_ptr_array_new ();
  GPtrArray *with_comments = trellis_round_get_comment_sections (self->round);
  TrellisChecklist *checklist = trellis_project_get_checklist (self->project);

  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      const char *id = trellis_section_get_id (trellis_checklist_get_section (checklist, s));
      GPtrArray *comments = trellis_round_get_comments (self->round, id);

      if (comments != NULL && comments->len > 0)
        g_ptr_array_add (ids, (gpointer) id);
    }
  for (guint i = 0; i < with_comments->len; i++)
    if (trellis_checklist_find_section (checklist, g_ptr_array_index (with_comments, i)) == NULL
        && trellis_round_get_comments (self->round, g_ptr_array_index (with_comments, i))->len > 0)
      g_ptr_array_add (ids, g_ptr_array_index (with_comments, i));
  return ids;
}

/* What the rows depend on: the round, and each section's number of comments. */
static char *
dup_layout_key (TrellisCommentsView *self,
                GPtrArray           *ids)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%p", (void *) self->round);
  for (guint i = 0; i < ids->len; i++)
    {
      TrellisSection *section = trellis_checklist_find_section (trellis_project_get_checklist (self->project),
                                                                g_ptr_array_index (ids, i));

      g_string_append_printf (key, "|%s:%u:%s", (char *) g_ptr_array_index (ids, i),
                              trellis_round_get_comments (self->round, g_ptr_array_index (ids, i))->len,
                              section != NULL ? trellis_section_get_title (section) : "");
    }
  return g_string_free (key, FALSE);
}

static void
rebuild_or_update (TrellisCommentsView *self)
{
  g_autoptr(GPtrArray) ids = ordered_sections (self);
  g_autofree char *key = dup_layout_key (self, ids);

  self->updating = TRUE;
  if (g_strcmp0 (key, self->layout_key) != 0)
    {
      TrellisChecklist *checklist = trellis_project_get_checklist (self->project);

      clear_groups (self);
      for (guint i = 0; i < ids->len; i++)
        g_ptr_array_add (self->groups, make_group (self, trellis_checklist_find_section (checklist, g_ptr_array_index (ids, i)),
                                                   g_ptr_array_index (ids, i)));
      g_free (self->layout_key);
      self->layout_key = g_steal_pointer (&key);
    }
  else
    for (guint g = 0; g < self->groups->len; g++)
      {
        SectionGroup *group = g_ptr_array_index (self->groups, g);

        /* Redaction may have changed the words: searched again, they are folded again,
         * and what was found in them is looked for again (find_redactions()). */
        g_clear_pointer (&group->folded, g_ptr_array_unref);
        g_clear_pointer (&group->found, g_ptr_array_unref);
        for (guint i = 0; i < group->rows->len; i++)
          update_row (self, group, g_ptr_array_index (group->rows, i));
      }
  self->updating = FALSE;
}

/* ---- Searching and counting ---- */

static gboolean
comment_matches (TrellisCommentsView *self,
                 SectionGroup        *group,
                 guint                index,
                 const char          *needle)
{
  if (self->redactor != NULL && group_found (group, index) == NULL)
    return FALSE;
  if (*needle == '\0')
    return TRUE;
  if (group->folded == NULL)
    {
      GPtrArray *comments = group_comments (self, group);

      group->folded = g_ptr_array_new_full (comments->len, g_free);
      for (guint i = 0; i < comments->len; i++)
        g_ptr_array_add (group->folded, fold (g_ptr_array_index (comments, i)));
    }
  return strstr (g_ptr_array_index (group->folded, index), needle) != NULL;
}

static void
update_count (TrellisCommentsView *self,
              guint                n_shown,
              guint                n_all,
              gboolean             filtered)
{
  guint n_key = 0, n_hidden = 0;
  g_autofree char *count = NULL;
  GString *label = g_string_new (NULL);

  for (guint g = 0; g < self->groups->len; g++)
    {
      SectionGroup *group = g_ptr_array_index (self->groups, g);

      guint n = group_comments (self, group)->len;

      for (guint i = 0; i < n; i++)
        {
          TrellisCommentFlags flags = trellis_round_get_comment_flags (self->round, group->section_id, i);

          n_key += (flags & TRELLIS_COMMENT_KEY) != 0;
          n_hidden += (flags & TRELLIS_COMMENT_HIDDEN) != 0;
        }
    }
  if (filtered)
    /* TRANSLATORS: how many comments a search shows, "12 of 40 comments" */
    g_string_append_printf (label, ngettext ("%u of %u comment", "%u of %u comments", n_all), n_shown, n_all);
  else
    g_string_append_printf (label, ngettext ("%u comment", "%u comments", n_all), n_all);
  g_string_append (label, " · ");
  g_string_append_printf (label, ngettext ("%u key", "%u key", n_key), n_key);
  g_string_append (label, " · ");
  g_string_append_printf (label, ngettext ("%u hidden from print", "%u hidden from print", n_hidden), n_hidden);
  gtk_label_set_label (self->count_label, label->str);
  g_string_free (label, TRUE);
}

/* Above the list: a search that found nothing, or a round too small for its comments
 * to be printed (the pack leaves them out, as it does any group below the minimum). */
static void
update_note (TrellisCommentsView *self,
             gboolean             no_match)
{
  guint minimum;
  g_autofree char *note = NULL;

  if (self->project == NULL || self->round == NULL)
    return;
  minimum = trellis_group_breakdown_min_size (trellis_project_get_min_group_size (self->project));
  if (no_match)
    note = g_strdup_printf (_("No comment contains “%s”."), gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  else if (trellis_round_get_n_responses (self->round) < minimum)
    note = g_strdup_printf (_("Fewer than %u people responded in this round, so the workshop pack does not print "
                              "these comments."), minimum);
  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

/* Shows the group's first matching comments, up to its limit, and says how many more
 * there are. Returns how many match. */
static guint
refilter_group (TrellisCommentsView *self,
                SectionGroup        *group,
                const char          *needle)
{
  guint n = group_comments (self, group)->len, n_matching = 0;
  g_autofree gboolean *shown = g_new0 (gboolean, MAX (n, 1));
  gboolean was_updating = self->updating;

  /* A row made now is set to the marks it has: that is no edit. */
  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    if (comment_matches (self, group, i, needle) && n_matching++ < group->limit)
      {
        shown[i] = TRUE;
        ensure_row (self, group, i);
      }
  self->updating = was_updating;
  for (guint i = 0; i < group->rows->len; i++)
    {
      CommentRow *row = g_ptr_array_index (group->rows, i);

      gtk_widget_set_visible (row->row, shown[row->index]);
    }
  gtk_widget_set_visible (group->heading, n_matching > 0);
  gtk_widget_set_visible (group->list, n_matching > 0);
  gtk_widget_set_visible (group->more_button, n_matching > group->limit);
  if (n_matching > group->limit)
    {
      guint n_more = MIN (n_matching - group->limit, COMMENTS_PAGE);
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u More Comment (%u Not Shown)",
                                                          "Show %u More Comments (%u Not Shown)", n_more),
                                                n_more, n_matching - group->limit);

      gtk_button_set_label (GTK_BUTTON (group->more_button), label);
    }
  return n_matching;
}

static void
refilter (TrellisCommentsView *self)
{
  g_autofree char *needle = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gboolean filtered = *needle != '\0' || self->redactor != NULL;
  guint n_shown = 0, n_all = 0;

  for (guint g = 0; g < self->groups->len; g++)
    {
      SectionGroup *group = g_ptr_array_index (self->groups, g);

      n_shown += refilter_group (self, group, needle);
      n_all += group_comments (self, group)->len;
    }
  update_count (self, n_shown, n_all, filtered);
  update_note (self, n_all > 0 && n_shown == 0 && *needle != '\0');
}

/* ---- TrellisView ---- */

static void
show_status (TrellisCommentsView *self,
             const char          *title,
             const char          *description)
{
  trellis_status_page_set_icon_name (self->status_page, "user-available-symbolic");
  trellis_status_page_set_title (self->status_page, title);
  trellis_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->comments_stack, "status");
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->redact_button), FALSE);
  gtk_label_set_label (self->count_label, "");
}

static void update (TrellisCommentsView *self);

static void
trellis_comments_view_show (TrellisView    *view,
                            TrellisProject *project,
                            TrellisRound   *round,
                            TrellisSummary *summary)
{
  TrellisCommentsView *self = TRELLIS_COMMENTS_VIEW (view);

  g_set_object (&self->project, project);
  if (self->round != round)
    gtk_toggle_button_set_active (self->redact_button, FALSE);
  g_set_object (&self->round, round);
  /* Off screen, the rows wait: the window shows every view after every change. The
   * rows made so far may be another round's: they go, so nothing reads them meanwhile. */
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    update (self);
  else
    {
      clear_groups (self);
      g_clear_pointer (&self->layout_key, g_free);
    }
}

/* The rows as the project and round are now. */
static void
update (TrellisCommentsView *self)
{
  TrellisProject *project = self->project;
  TrellisRound *round = self->round;

  self->stale = FALSE;
  if (project == NULL || round == NULL)
    {
      clear_groups (self);
      g_clear_pointer (&self->layout_key, g_free);
      show_status (self, _("No Survey Responses Yet"),
                   _("When partners have answered the survey, import the export from your survey tool. "
                     "Their comments will then appear here, section by section."));
      return;
    }
  rebuild_or_update (self);
  if (trellis_round_get_n_comments (round) == 0)
    {
      show_status (self, _("No Comments"), _("Nobody wrote a comment in this round."));
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->redact_button), TRUE);
  gtk_stack_set_visible_child_name (self->comments_stack, "list");
  if (self->redactor != NULL)
    find_redactions (self);
  else
    refilter (self);
}

/* The sidebar's section: its comments come into view. */
static void
trellis_comments_view_show_section (TrellisView    *view,
                                    TrellisSection *section)
{
  TrellisCommentsView *self = TRELLIS_COMMENTS_VIEW (view);
  graphene_point_t point;

  if (section == NULL)
    return;
  for (guint g = 0; g < self->groups->len; g++)
    {
      SectionGroup *group = g_ptr_array_index (self->groups, g);

      if (g_str_equal (group->section_id, trellis_section_get_id (section))
          && gtk_widget_get_visible (group->heading)
          && gtk_widget_compute_point (group->heading, GTK_WIDGET (self->sections_box),
                                       &GRAPHENE_POINT_INIT (0, 0), &point))
        {
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), point.y);
          return;
        }
    }
}

static gboolean
trellis_comments_view_get_needs_section (TrellisView *view)
{
  return FALSE;
}

static void
trellis_comments_view_iface_init (TrellisViewInterface *iface)
{
  iface->show = trellis_comments_view_show;
  iface->show_section = trellis_comments_view_show_section;
  iface->get_needs_section = trellis_comments_view_get_needs_section;
}

static void
trellis_comments_view_dispose (GObject *object)
{
  TrellisCommentsView *self = (TrellisCommentsView *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_COMMENTS_VIEW);
  /* The template's outer box has no id, so disposing the template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->layout_key, g_free);
  g_clear_pointer (&self->redactor, trellis_redactor_free);
  g_clear_object (&self->project);
  g_clear_object (&self->round);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (trellis_comments_view_parent_class)->dispose (object);
}

static void
trellis_comments_view_map (GtkWidget *widget)
{
  TrellisCommentsView *self = TRELLIS_COMMENTS_VIEW (widget);

  GTK_WIDGET_CLASS (trellis_comments_view_parent_class)->map (widget);
  if (self->stale)
    update (self);
}

static void
key_only_toggled_cb (TrellisCommentsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_COMMENTS_ONLY]);
}

static void
trellis_comments_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisCommentsView *self = TRELLIS_COMMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_KEY_COMMENTS_ONLY:
      g_value_set_boolean (value, trellis_comments_view_get_key_comments_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_comments_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TrellisCommentsView *self = TRELLIS_COMMENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_KEY_COMMENTS_ONLY:
      gtk_check_button_set_active (self->key_only_check, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_comments_view_class_init (TrellisCommentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_comments_view_dispose;
  object_class->get_property = trellis_comments_view_get_property;
  object_class->set_property = trellis_comments_view_set_property;
  widget_class->map = trellis_comments_view_map;

  /**
   * TrellisCommentsView:key-comments-only:
   *
   * Whether the workshop pack prints only the comments marked as key.
   */
  properties[PROP_KEY_COMMENTS_ONLY] =
    g_param_spec_boolean ("key-comments-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRELLIS_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/trellisapp/Trellis/ui/trellis-comments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, key_only_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, redact_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, redact_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, redact_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, names_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, redact_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, redact_apply_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, comments_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, note_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisCommentsView, status_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_comments_view_init (TrellisCommentsView *self)
{
  trellis_style_add_resource ("/org/trellisapp/Trellis/ui/trellis-comments-view.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) section_group_free);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->key_only_check, "toggled", G_CALLBACK (key_only_toggled_cb), self);
  g_signal_connect_swapped (self->redact_button, "toggled", G_CALLBACK (redact_toggled_cb), self);
  g_signal_connect_swapped (self->names_entry, "changed", G_CALLBACK (find_redactions), self);
  g_signal_connect_swapped (self->names_entry, "activate", G_CALLBACK (redact_apply_cb), self);
  g_signal_connect_swapped (self->redact_apply_button, "clicked", G_CALLBACK (redact_apply_cb), self);
  g_signal_connect_swapped (self->redact_cancel_button, "clicked", G_CALLBACK (redact_cancel_cb), self);
}

GtkWidget *
trellis_comments_view_new (void)
{
  return g_object_new (TRELLIS_TYPE_COMMENTS_VIEW, NULL);
}

/**
 * trellis_comments_view_set_undo_stack:
 * @undo: (nullable): where marks and redactions are recorded
 */
void
trellis_comments_view_set_undo_stack (TrellisCommentsView *self,
                                      TrellisUndoStack    *undo)
{
  g_return_if_fail (TRELLIS_IS_COMMENTS_VIEW (self));
  g_set_object (&self->undo, undo);
}

/**
 * trellis_comments_view_get_key_comments_only:
 *
 * Returns: whether the workshop pack is to print only the comments marked as key
 */
gboolean
trellis_comments_view_get_key_comments_only (TrellisCommentsView *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMMENTS_VIEW (self), FALSE);
  return gtk_check_button_get_active (self->key_only_check);
}
