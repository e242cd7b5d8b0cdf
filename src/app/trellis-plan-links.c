/* trellis-plan-links.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-plan-links"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-plan-links.h"

/* A button that says which statements the action answers ("Statements 7, 9", "Section
 * C") and opens the checklist to tick them. Ticking a section links the section itself,
 * which stands for all its statements (their ticks show it, greyed); ticking statements
 * links those alone. The list is built when the popover opens: the checklist may have
 * changed since. */
struct _TrellisPlanLinks
{
  GtkWidget         parent_instance;

  GtkWidget        *button;
  GtkWidget        *label;   /* the button's, wrapped: a long list of numbers stays in its column */
  GtkWidget        *popover;
  GtkWidget        *list_box;
  TrellisProject   *project;
  TrellisAction    *action;
  TrellisUndoStack *undo;
  gulong            notify_id;
  gulong            sections_notify_id;
  gboolean          building;
};

G_DEFINE_FINAL_TYPE (TrellisPlanLinks, trellis_plan_links, GTK_TYPE_WIDGET)

static gboolean
is_linkable (TrellisStatement *statement)
{
  return trellis_statement_get_included (statement)
         && trellis_statement_get_kind (statement) != TRELLIS_STATEMENT_COMMENT;
}

static void
update_label (TrellisPlanLinks *self)
{
  g_autofree char *label = trellis_action_dup_links_label (self->action, trellis_project_get_checklist (self->project),
                                                           FALSE);

  gtk_label_set_label (GTK_LABEL (self->label), label != NULL ? label : _("Link statements…"));
  gtk_widget_set_tooltip_text (self->button, label != NULL ? label : _("Link this action to the sections and statements it answers"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  label != NULL ? label : "", -1);
}

/* The sections ticked, and the statements ticked outside them, in checklist order. */
static void
collect_ticked (TrellisPlanLinks *self,
                GStrv            *statement_ids,
                GStrv            *section_ids)
{
  g_autoptr(GStrvBuilder) statements = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) sections = g_strv_builder_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (self->list_box); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      const char *statement_id = g_object_get_data (G_OBJECT (check), "statement-id");
      const char *section_id = g_object_get_data (G_OBJECT (check), "section-id");

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        continue;
      if (section_id != NULL)
        g_strv_builder_add (sections, section_id);
      else if (statement_id != NULL && gtk_widget_get_sensitive (check))
        g_strv_builder_add (statements, statement_id);
    }
  *statement_ids = g_strv_builder_end (statements);
  *section_ids = g_strv_builder_end (sections);
}

static void
on_statement_toggled (TrellisPlanLinks *self)
{
  g_auto(GStrv) statement_ids = NULL;
  g_auto(GStrv) section_ids = NULL;

  if (self->building || self->action == NULL)
    return;
  collect_ticked (self, &statement_ids, &section_ids);
  trellis_plan_edit_set_links (self->action, self->undo, (const char * const *) statement_ids,
                               (const char * const *) section_ids);
}

/* A linked section's statements show ticked, and cannot be unticked one by one. */
static void
show_section_statements (TrellisPlanLinks *self,
                         const char       *section_id,
                         gboolean          whole)
{
  for (GtkWidget *row = gtk_widget_get_first_child (self->list_box); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "in-section"), section_id) != 0)
        continue;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), whole);
      gtk_widget_set_sensitive (check, !whole);
    }
}

static void
on_section_toggled (GtkCheckButton   *section_check,
                    TrellisPlanLinks *self)
{
  if (self->building)
    return;
  self->building = TRUE;
  show_section_statements (self, g_object_get_data (G_OBJECT (section_check), "section-id"),
                           gtk_check_button_get_active (section_check));
  self->building = FALSE;
  on_statement_toggled (self);
}

static GtkWidget *
add_check (TrellisPlanLinks *self,
           const char       *label,
           gboolean          heading)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  GtkWidget *child = gtk_widget_get_last_child (check);

  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 60);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
    }
  if (heading)
    gtk_widget_add_css_class (check, "heading");
  else
    gtk_widget_set_margin_start (check, 18);
  gtk_list_box_append (GTK_LIST_BOX (self->list_box), check);
  return check;
}

static void
add_section (TrellisPlanLinks  *self,
             TrellisSection    *section,
             GHashTable        *linked,
             GHashTable        *linked_sections)
{
  guint n = trellis_section_get_n_statements (section);
  const char *section_id = trellis_section_get_id (section);
  g_autofree char *title = trellis_section_dup_label (section);
  GtkWidget *section_check = add_check (self, *title != '\0' ? title : section_id, TRUE);
  gboolean whole = g_hash_table_contains (linked_sections, section_id);

  g_object_set_data_full (G_OBJECT (section_check), "section-id", g_strdup (section_id), g_free);
  gtk_widget_set_tooltip_text (section_check, _("The whole section: its statements’ answers taken together"));
  for (guint i = 0; i < n; i++)
    {
      TrellisStatement *statement = trellis_section_get_statement (section, i);
      g_autofree char *label = NULL;
      GtkWidget *check;

      if (!is_linkable (statement))
        continue;
      label = g_strdup_printf ("%s  %s", trellis_statement_get_number (statement) ?: "",
                               trellis_statement_get_text (statement) ?: "");
      check = add_check (self, label, FALSE);
      g_object_set_data_full (G_OBJECT (check), "statement-id", g_strdup (trellis_statement_get_id (statement)), g_free);
      g_object_set_data_full (G_OBJECT (check), "in-section", g_strdup (section_id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   whole || g_hash_table_contains (linked, trellis_statement_get_id (statement)));
      gtk_widget_set_sensitive (check, !whole);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_statement_toggled), self);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (section_check), whole);
  g_signal_connect (section_check, "toggled", G_CALLBACK (on_section_toggled), self);
}

static void
build_list (TrellisPlanLinks *self)
{
  TrellisChecklist *checklist;
  const char * const *ids;
  g_autoptr(GHashTable) linked = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) linked_sections = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list_box)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list_box), child);
  if (self->action == NULL)
    return;
  checklist = trellis_project_get_checklist (self->project);
  ids = trellis_action_get_statement_ids (self->action);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (linked, (gpointer) ids[i]);
  ids = trellis_action_get_section_ids (self->action);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (linked_sections, (gpointer) ids[i]);
  self->building = TRUE;
  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, s);

      if (trellis_section_get_included (section))
        add_section (self, section, linked, linked_sections);
    }
  self->building = FALSE;
}

static void
build_list_for_popup (GtkMenuButton *button,
                      gpointer       user_data)
{
  build_list (user_data);
}

static void
trellis_plan_links_dispose (GObject *object)
{
  TrellisPlanLinks *self = TRELLIS_PLAN_LINKS (object);

  trellis_plan_links_unbind (self);
  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (trellis_plan_links_parent_class)->dispose (object);
}

static void
trellis_plan_links_class_init (TrellisPlanLinksClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_plan_links_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_plan_links_init (TrellisPlanLinks *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sections and statements this action answers"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  /* Wide enough to read a statement in two or three lines, narrow enough for 1,024 pixels. */
  gtk_widget_set_size_request (self->list_box, 460, -1);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);

  self->button = gtk_menu_button_new ();
  self->label = gtk_label_new (NULL);
  /* Cut short, not wrapped, so that the button stays inside its column (GTK 4.8 lays
   * out a wrapping label in a menu button at its natural width); the tooltip and the
   * button's description give the whole list. */
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), self->label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  /* Built before the popover is shown, so that it opens at the list's size. */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), build_list_for_popup, self, NULL);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_add_css_class (self->button, "plan-links");
  gtk_widget_set_halign (self->button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->button, _("Link this action to the sections and statements it answers (Ctrl+L)"));
  /* Out of the Tab chain: Tab goes from the area straight to the key action, as a
   * facilitator typing fast expects (typed on this button, words were lost and a space
   * opened the list). Ctrl+L opens the list from any field of the row. The inner button
   * only: the popover, a child of the menu button, must still take the focus. */
  gtk_widget_set_focusable (gtk_widget_get_first_child (self->button), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Linked statements"), -1);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

GtkWidget *
trellis_plan_links_new (void)
{
  return g_object_new (TRELLIS_TYPE_PLAN_LINKS, NULL);
}

/**
 * trellis_plan_links_bind:
 * @undo: (nullable): where edits are recorded
 */
void
trellis_plan_links_bind (TrellisPlanLinks *self,
                         TrellisProject   *project,
                         TrellisAction    *action,
                         TrellisUndoStack *undo)
{
  g_return_if_fail (TRELLIS_IS_PLAN_LINKS (self));
  g_return_if_fail (TRELLIS_IS_PROJECT (project));
  g_return_if_fail (TRELLIS_IS_ACTION (action));

  trellis_plan_links_unbind (self);
  self->project = g_object_ref (project);
  self->action = g_object_ref (action);
  self->undo = undo != NULL ? g_object_ref (undo) : NULL;
  self->notify_id = g_signal_connect_swapped (action, "notify::statement-ids", G_CALLBACK (update_label), self);
  self->sections_notify_id = g_signal_connect_swapped (action, "notify::section-ids", G_CALLBACK (update_label), self);
  update_label (self);
}

void
trellis_plan_links_unbind (TrellisPlanLinks *self)
{
  g_return_if_fail (TRELLIS_IS_PLAN_LINKS (self));

  if (self->action != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->action);
      g_clear_signal_handler (&self->sections_notify_id, self->action);
    }
  g_clear_object (&self->action);
  g_clear_object (&self->project);
  g_clear_object (&self->undo);
}

/**
 * trellis_plan_links_popup:
 *
 * Opens the list of sections and statements to link, with the keyboard in it.
 */
void
trellis_plan_links_popup (TrellisPlanLinks *self)
{
  g_return_if_fail (TRELLIS_IS_PLAN_LINKS (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}
