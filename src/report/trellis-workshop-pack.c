/* trellis-workshop-pack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-report"

#include "config.h"


#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "trellis-plan-export.h"
#include "trellis-report-private.h"
#include "trellis-workshop-pack.h"

/* Page furniture, in points. The bottom margin holds the footer. */
#define MARGIN_SIDE      42.0
#define MARGIN_TOP       40.0
#define MARGIN_BOTTOM    56.0
#define CHART_FONT_SIZE  8.0
#define TEXT_FONT_SIZE   9.5
/* A section's chart may shrink this far to stay on one page; longer ones continue
 * overleaf at full size. */
#define CHART_MIN_SCALE  0.82

#define N_PLAN_COLUMNS 5
/* Layouts of the pack tried before its talking points give up naming pages. */
#define MAX_LAYOUT_PASSES 4

typedef enum
{
  BLOCK_CHART,
  BLOCK_TEXT,
  BLOCK_PLAN_ROW,
  BLOCK_RULE,
} BlockKind;

/* Something placed on a page: a chart (or part of one), lines of a paragraph, or a row
 * of the plan table. Positions are from the top left of the page's text area. */
typedef struct
{
  BlockKind           kind;
  double              x;
  double              y;
  double              height;
  TrellisChartLayout *chart;
  PangoLayout        *text;
  guint               first_line;
  guint               end_line;
  TrellisChartInk     ink;
  gboolean            bullet;
  PangoLayout        *cells[N_PLAN_COLUMNS];
  gboolean            header;
  gboolean            no_rule;  /* a plan row whose notes follow it, ruled off below them */
} Block;

typedef struct
{
  GArray   *blocks;
  char     *heading;
  gboolean  title_page;
} Page;

struct _TrellisWorkshopPack
{
  gatomicrefcount       ref_count;

  TrellisProject       *project;
  TrellisReportOptions  options;
  TrellisRound         *round;
  GPtrArray            *charts;
  TrellisChartStyle    *chart_style;
  TrellisChartStyle    *text_style;
  PangoContext         *context;

  double                page_width;
  double                page_height;
  GArray               *pages;
  TrellisChartLayout   *example;  /* the bar "How to read the charts" explains */
  gboolean              plan_only;
  TrellisPlanFollowUp  *follow_up;
  TrellisTalkingPoints *talking_points;  /* NULL without a round */
  GHashTable           *section_pages;   /* section id → page number, for the talking points */
  GHashTable           *section_comments;  /* section id → SectionComments, at comments_width */
  gboolean              comments_cut;      /* a section printed fewer than all its comments */
  double                comments_width;    /* the width section_comments are laid out for */
  PangoLayout          *dash;              /* the bullet before each comment */
  GHashTable           *chart_layouts;     /* what fit_chart() laid out, by chart, row and room */
};

typedef struct _SectionComments SectionComments;
static void section_comments_free (SectionComments *comments);

G_DEFINE_BOXED_TYPE (TrellisWorkshopPack, trellis_workshop_pack, trellis_workshop_pack_ref,
                     trellis_workshop_pack_unref)

static void
block_clear (Block *block)
{
  g_clear_pointer (&block->chart, trellis_chart_layout_unref);
  g_clear_object (&block->text);
  for (guint i = 0; i < N_PLAN_COLUMNS; i++)
    g_clear_object (&block->cells[i]);
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->blocks, g_array_unref);
  g_clear_pointer (&page->heading, g_free);
}

/**
 * trellis_workshop_pack_new:
 * @project: the project
 * @options: what to put in it; the pack keeps a copy
 *
 * Prepares the workshop pack: a title page with how to read the charts, the overview
 * chart, each section's chart followed by what partners said about it, and the
 * improvement plan when it has actions. Call trellis_workshop_pack_paginate() for a
 * page size before drawing pages.
 *
 * Returns: (transfer full): the pack
 */
TrellisWorkshopPack *
trellis_workshop_pack_new (TrellisProject             *project,
                           const TrellisReportOptions *options)
{
  TrellisWorkshopPack *self;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_new0 (TrellisWorkshopPack, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->project = g_object_ref (project);
  self->options = *options;
  self->round = trellis_report_get_round (project, options);
  if (self->round != NULL)
    g_object_ref (self->round);
  self->options.round = self->round;
  /* The font family is borrowed; the styles keep their own copy of it. */
  self->chart_style = trellis_report_create_style (options, CHART_FONT_SIZE);
  self->text_style = trellis_report_create_style (options, TEXT_FONT_SIZE);
  self->options.font_family = NULL;
  self->context = trellis_chart_style_create_context (self->text_style);
  self->charts = trellis_report_build_charts (project, &self->options);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, (GDestroyNotify) page_clear);
  self->section_comments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) section_comments_free);
  self->chart_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) trellis_chart_layout_unref);
  self->follow_up = trellis_plan_follow_up_new (project);
  if (self->round != NULL)
    self->talking_points =
      trellis_talking_points_new (project, self->round, trellis_talking_points_find_previous (project, self->round),
                                  NULL, trellis_project_get_min_group_size (project));
  return self;
}

/**
 * trellis_workshop_pack_new_plan:
 * @project: the project
 * @options: the paper and fonts; the pack keeps a copy
 *
 * Prepares the improvement plan alone, as the pack prints it: every action with its
 * progress notes, which flow on over as many pages as they need.
 *
 * Returns: (transfer full): the document
 */
TrellisWorkshopPack *
trellis_workshop_pack_new_plan (TrellisProject             *project,
                                const TrellisReportOptions *options)
{
  TrellisWorkshopPack *self = trellis_workshop_pack_new (project, options);

  self->plan_only = TRUE;
  g_ptr_array_set_size (self->charts, 0);
  return self;
}

TrellisWorkshopPack *
trellis_workshop_pack_ref (TrellisWorkshopPack *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_workshop_pack_unref (TrellisWorkshopPack *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->pages);
  g_clear_pointer (&self->example, trellis_chart_layout_unref);
  g_ptr_array_unref (self->charts);
  g_clear_pointer (&self->follow_up, trellis_plan_follow_up_free);
  g_clear_pointer (&self->talking_points, trellis_talking_points_unref);
  g_clear_pointer (&self->section_pages, g_hash_table_unref);
  g_hash_table_unref (self->section_comments);
  g_hash_table_unref (self->chart_layouts);
  g_clear_object (&self->dash);
  g_object_unref (self->context);
  trellis_chart_style_unref (self->chart_style);
  trellis_chart_style_unref (self->text_style);
  g_clear_object (&self->round);
  g_object_unref (self->project);
  g_free (self);
}

/**
 * trellis_workshop_pack_dup_title:
 *
 * Returns: (transfer full): the document's title: "Workshop pack – Partnership – Round"
 */
char *
trellis_workshop_pack_dup_title (TrellisWorkshopPack *self)
{
  const char *name, *round;

  g_return_val_if_fail (self != NULL, NULL);

  name = trellis_project_get_name (self->project);
  round = self->round != NULL ? trellis_round_get_label (self->round) : NULL;
  if (name == NULL || *name == '\0')
    name = _("Partnership self-assessment");
  if (self->plan_only)
    /* TRANSLATORS: the title of the PDF of the plan alone */
    return g_strdup_printf (_("Improvement plan – %s"), name);
  if (round == NULL)
    /* TRANSLATORS: the title of the PDF handout */
    return g_strdup_printf (_("Workshop pack – %s"), name);
  return g_strdup_printf (_("Workshop pack – %s – %s"), name, round);
}

/* Paginating: a cursor moves down the text area of the current page. */
typedef struct
{
  TrellisWorkshopPack *pack;
  double               width;
  double               height;
  double               y;
  char                *continued;  /* what text carried onto a new page repeats as its heading */
} Cursor;

static Page *
current_page (Cursor *cursor)
{
  GArray *pages = cursor->pack->pages;

  return &g_array_index (pages, Page, pages->len - 1);
}

static void
new_page (Cursor     *cursor,
          const char *heading)
{
  Page page = { 0 };

  page.blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (page.blocks, (GDestroyNotify) block_clear);
  page.heading = g_strdup (heading);
  g_array_append_val (cursor->pack->pages, page);
  cursor->y = 0;
}

static void
add_block (Cursor *cursor,
           Block  *block)
{
  g_array_append_val (current_page (cursor)->blocks, *block);
}

static PangoLayout *
make_text (TrellisWorkshopPack *self,
           const char          *text,
           TrellisChartFont     font,
           double               width,
           gboolean             markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *description = trellis_chart_style_dup_font (self->text_style, font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Top and bottom of each line of @layout. */
static void
line_bounds (PangoLayout *layout,
             guint        line,
             double      *top,
             double      *bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;

  for (guint i = 0; i < line; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  *top = (double) logical.y / PANGO_SCALE;
  *bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
  pango_layout_iter_free (iter);
}

static void flow_heading (Cursor     *cursor,
                          const char *text);

/* A page that text runs on to: it repeats the heading of what continues on it, so a
 * reader who turns over still knows which section the comments are about. */
static void
next_page (Cursor *cursor)
{
  g_autofree char *heading = g_steal_pointer (&cursor->continued);

  new_page (cursor, NULL);
  if (heading != NULL)
    {
      /* TRANSLATORS: a heading repeated where its text runs on to a new page */
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), heading);

      flow_heading (cursor, text);
      cursor->continued = g_steal_pointer (&heading);
    }
}

/* Top and bottom of every line of @layout, in one walk: pairs of doubles. */
static GArray *
all_line_bounds (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  GArray *bounds = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * pango_layout_get_line_count (layout));

  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (bounds, top);
      g_array_append_val (bounds, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return bounds;
}

#define LINE_TOP(bounds, line)    g_array_index ((bounds), double, 2 * (line))
#define LINE_BOTTOM(bounds, line) g_array_index ((bounds), double, 2 * (line) + 1)

/* Flows @layout (taken over) down the pages from the cursor, breaking between lines
 * where a page runs out. */
static void
flow_text (Cursor          *cursor,
           PangoLayout     *layout,
           double           x,
           TrellisChartInk  ink,
           gboolean         bullet)
{
  g_autoptr(PangoLayout) owned = layout;
  g_autoptr(GArray) bounds = all_line_bounds (layout);
  guint n_lines = pango_layout_get_line_count (layout), first = 0;

  while (first < n_lines)
    {
      Block block = { .kind = BLOCK_TEXT, .x = x, .ink = ink };
      double first_top = LINE_TOP (bounds, first), bottom;
      guint end = first;

      for (; end < n_lines; end++)
        if (cursor->y + LINE_BOTTOM (bounds, end) - first_top > cursor->height)
          break;
      if (end == first)
        {
          /* Not one line fits: a fresh page, unless this one is fresh already. */
          if (cursor->y > 0)
            {
              next_page (cursor);
              continue;
            }
          end = first + 1;
        }
      bottom = LINE_BOTTOM (bounds, end - 1);
      block.text = g_object_ref (layout);
      block.first_line = first;
      block.end_line = end;
      block.bullet = bullet && first == 0;
      block.y = cursor->y - first_top;
      block.height = bottom - first_top;
      add_block (cursor, &block);
      cursor->y += bottom - first_top;
      first = end;
      if (first < n_lines)
        next_page (cursor);
    }
}

static void
flow_paragraph (Cursor           *cursor,
                const char       *text,
                TrellisChartFont  font,
                TrellisChartInk   ink,
                double            space_after)
{
  flow_text (cursor, make_text (cursor->pack, text, font, cursor->width, FALSE), 0, ink, FALSE);
  cursor->y += space_after;
}

/* A heading goes to the next page unless it and a few lines after it fit. */
static void
flow_heading (Cursor     *cursor,
              const char *text)
{
  PangoLayout *layout = make_text (cursor->pack, text, TRELLIS_CHART_FONT_HEADING, cursor->width, FALSE);
  double keep = layout_height (layout) + 4 * TEXT_FONT_SIZE;

  if (cursor->y > 0 && cursor->y + keep > cursor->height)
    new_page (cursor, NULL);
  flow_text (cursor, layout, 0, TRELLIS_CHART_INK_TEXT, FALSE);
  cursor->y += 0.5 * TEXT_FONT_SIZE;
}

/* What a chart's page is listed as in the contents: its title, or with several scales,
 * where a section's charts share a page, the section alone. */
static char *
dup_page_heading (TrellisWorkshopPack *self,
                  TrellisChart        *chart)
{
  const char *section_id = trellis_chart_get_section_id (chart);
  TrellisSection *section;

  if (!trellis_chart_get_names_scale (chart))
    return g_strdup (trellis_chart_get_title (chart));
  if (trellis_chart_get_kind (chart) == TRELLIS_CHART_OVERVIEW || section_id == NULL)
    return g_strdup (_("All sections at a glance"));
  section = trellis_checklist_find_section (trellis_project_get_checklist (self->project), section_id);
  return section != NULL ? trellis_section_dup_label (section) : g_strdup (trellis_chart_get_title (chart));
}

/* trellis_chart_layout_new_to_fit(), remembered: fitting a chart lays it out several
 * times over, and each pass of trellis_workshop_pack_paginate() fits the same charts
 * into the same room again. */
static TrellisChartLayout *
fit_chart (TrellisWorkshopPack *self,
           TrellisChart        *chart,
           double               width,
           double               height,
           guint                first_row)
{
  g_autofree char *key = g_strdup_printf ("%p %u %a %a", (void *) chart, first_row, width, height);
  TrellisChartLayout *layout = g_hash_table_lookup (self->chart_layouts, key);

  if (layout == NULL)
    {
      layout = trellis_chart_layout_new_to_fit (chart, self->chart_style, width, height, first_row, CHART_MIN_SCALE);
      g_hash_table_insert (self->chart_layouts, g_steal_pointer (&key), layout);
    }
  return trellis_chart_layout_ref (layout);
}

/* Lays @chart out from @row on the rest of the page, or returns NULL if it does not
 * all fit there with @reserve points to spare below it. */
static TrellisChartLayout *
fit_whole_chart (Cursor       *cursor,
                 TrellisChart *chart,
                 double        reserve)
{
  double available = cursor->height - cursor->y - reserve;
  g_autoptr(TrellisChartLayout) layout = NULL;

  if (available <= 0)
    return NULL;
  layout = fit_chart (cursor->pack, chart, cursor->width, available, 0);
  if (trellis_chart_layout_get_end_row (layout) < trellis_chart_get_n_rows (chart)
      || trellis_chart_layout_get_height (layout) > available)
    return NULL;
  return g_steal_pointer (&layout);
}

/* Starts a page for @chart. When the chart, shrunk no further than the pack allows,
 * leaves @reserve points free below it, it takes one page with what follows it on the
 * same sheet; otherwise it fills pages at full size. */
static void
flow_chart (Cursor       *cursor,
            TrellisChart *chart,
            double        reserve)
{
  TrellisWorkshopPack *self = cursor->pack;
  guint row = 0, n_rows = trellis_chart_get_n_rows (chart);
  Block block = { .kind = BLOCK_CHART };
  g_autofree char *heading = dup_page_heading (self, chart);

  new_page (cursor, heading);
  block.chart = reserve > 0 ? fit_whole_chart (cursor, chart, reserve) : NULL;
  if (block.chart != NULL)
    {
      block.height = trellis_chart_layout_get_height (block.chart);
      add_block (cursor, &block);
      cursor->y += block.height + 1.5 * TEXT_FONT_SIZE;
      return;
    }

  do
    {
      block.chart = fit_chart (self, chart, cursor->width, cursor->height - cursor->y, row);
      block.y = cursor->y;
      block.height = trellis_chart_layout_get_height (block.chart);
      row = trellis_chart_layout_get_end_row (block.chart);
      add_block (cursor, &block);
      cursor->y += block.height + 1.5 * TEXT_FONT_SIZE;
      if (row < n_rows)
        new_page (cursor, NULL);
    }
  while (row < n_rows);
}

/* The second scale's chart of a section (Dudley's effectiveness after importance) goes
 * on the same page as the first when it fits there whole. */
static void
flow_next_chart (Cursor       *cursor,
                 TrellisChart *chart,
                 double        reserve)
{
  Block block = { .kind = BLOCK_CHART };

  block.chart = fit_whole_chart (cursor, chart, reserve);
  if (block.chart == NULL)
    {
      flow_chart (cursor, chart, reserve);
      return;
    }
  block.y = cursor->y;
  block.height = trellis_chart_layout_get_height (block.chart);
  add_block (cursor, &block);
  cursor->y += block.height + 1.5 * TEXT_FONT_SIZE;
}

/* The priority matrix, and under it in words what it shows: its text alternative on
 * paper, and the list a workshop starts from. */
static void
flow_matrix (Cursor       *cursor,
             TrellisChart *chart)
{
  g_autofree char *priorities = trellis_chart_dup_priorities (chart);
  g_autoptr(GString) themes = g_string_new (NULL);
  g_autoptr(PangoLayout) measured = NULL;
  double reserve;

  for (guint r = 0; r < trellis_chart_get_n_rows (chart); r++)
    {
      g_autofree char *line = trellis_chart_dup_matrix_summary (chart, r);

      g_string_append_printf (themes, "%s%s.", themes->len > 0 ? "\n" : "", line);
    }
  measured = make_text (cursor->pack, themes->str, TRELLIS_CHART_FONT_BODY, cursor->width, FALSE);
  reserve = layout_height (measured) + 4 * TEXT_FONT_SIZE;
  flow_chart (cursor, chart, reserve);
  flow_paragraph (cursor, priorities, TRELLIS_CHART_FONT_BODY_BOLD, TRELLIS_CHART_INK_TEXT, 0.5 * TEXT_FONT_SIZE);
  flow_paragraph (cursor, themes->str, TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT, TEXT_FONT_SIZE);
}

/* How a section's comments were chosen for print. */
typedef enum
{
  CHOSEN_ALL,         /* every one not hidden; with key_comments_only, every key one */
  CHOSEN_KEY,         /* more than the budget: the key ones, all of them */
  CHOSEN_KEY_SAMPLE,  /* more key ones than the budget: a sample of them */
  CHOSEN_SAMPLE,      /* more than the budget, none key: a sample of all */
} Chosen;

/* A section's printed comments, chosen and laid out once: the room kept for them under
 * the chart and every pass of trellis_workshop_pack_paginate() use these layouts. */
struct _SectionComments
{
  Chosen     chosen;
  guint      n_all;    /* the section's comments, hidden ones aside */
  guint      n_key;    /* of those, how many are key */
  GPtrArray *layouts;  /* one PangoLayout per printed comment, in the round's order */
  double     height;   /* all of them, with the space after each */
};

static void
section_comments_free (SectionComments *comments)
{
  g_ptr_array_unref (comments->layouts);
  g_free (comments);
}

/* Picks @k of @pool's indices at random, keeping their order (Knuth's selection
 * sampling), so the sample is spread over the whole round, not its first comments. */
static GArray *
sample_indices (GArray     *pool,
                guint       k,
                const char *seed_text)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (seed_text));
  GArray *chosen = g_array_sized_new (FALSE, FALSE, sizeof (guint), k);

  for (guint i = 0; i < pool->len && chosen->len < k; i++)
    if ((guint) g_rand_int_range (rand, 0, (gint32) (pool->len - i)) < k - chosen->len)
      g_array_append_val (chosen, g_array_index (pool, guint, i));
  return chosen;
}

/* Which of the section's comments print: never those the facilitator hid; with
 * key_comments_only, the key ones; otherwise all of them up to the budget, and beyond it
 * the key ones or a sample. Each section's sample is seeded by its own round and section
 * ids, so it is the same in every printing and picks other positions than any other
 * section's: nothing lines up comments from one respondent across sections. */
static GArray *
choose_comments (TrellisWorkshopPack *self,
                 const char          *section_id,
                 SectionComments     *result)
{
  GPtrArray *comments = trellis_round_get_comments (self->round, section_id);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) key = g_array_new (FALSE, FALSE, sizeof (guint));
  guint budget = self->options.comment_budget;
  g_autofree char *seed = NULL;
  GArray *pool;

  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      TrellisCommentFlags flags = trellis_round_get_comment_flags (self->round, section_id, i);

      if (flags & TRELLIS_COMMENT_HIDDEN)
        continue;
      g_array_append_val (all, i);
      if (flags & TRELLIS_COMMENT_KEY)
        g_array_append_val (key, i);
    }
  result->n_all = all->len;
  result->n_key = key->len;
  result->chosen = CHOSEN_ALL;
  if (self->options.key_comments_only)
    return g_steal_pointer (&key);
  if (budget == 0 || all->len <= budget)
    return g_steal_pointer (&all);

  pool = key->len > 0 ? key : all;
  result->chosen = key->len == 0 ? CHOSEN_SAMPLE : key->len > budget ? CHOSEN_KEY_SAMPLE : CHOSEN_KEY;
  if (result->chosen == CHOSEN_KEY)
    return g_steal_pointer (&key);
  seed = g_strdup_printf ("%s\x1f%s", trellis_round_get_id (self->round) ?: "", section_id);
  return sample_indices (pool, budget, seed);
}

/* The section's printed comments, laid out @width wide: chosen and laid out on first use,
 * then reused until the pack is paginated for another width. Like the charts, built when
 * the pack is made, they are the project as it was when the pack was first laid out. */
static SectionComments *
get_section_comments (TrellisWorkshopPack *self,
                      TrellisChart        *chart,
                      double               width)
{
  const char *section_id = trellis_chart_get_section_id (chart);
  GPtrArray *comments = trellis_round_get_comments (self->round, section_id);
  SectionComments *result = g_hash_table_lookup (self->section_comments, section_id);
  g_autoptr(GArray) chosen = NULL;

  if (result != NULL)
    return result;
  result = g_new0 (SectionComments, 1);
  chosen = choose_comments (self, section_id, result);
  result->layouts = g_ptr_array_new_full (chosen->len, g_object_unref);
  for (guint i = 0; i < chosen->len; i++)
    {
      const char *text = g_ptr_array_index (comments, g_array_index (chosen, guint, i));
      PangoLayout *layout = make_text (self, text, TRELLIS_CHART_FONT_BODY, width, FALSE);

      g_ptr_array_add (result->layouts, layout);
      result->height += layout_height (layout) + 0.45 * TEXT_FONT_SIZE;
    }
  self->comments_cut |= result->chosen != CHOSEN_ALL;
  g_hash_table_insert (self->section_comments, g_strdup (section_id), result);
  return result;
}

/* The height the section's comments will take, to keep room for them. */
static double
measure_comments (Cursor       *cursor,
                  TrellisChart *chart)
{
  SectionComments *comments = get_section_comments (cursor->pack, chart, cursor->width - TEXT_FONT_SIZE);

  /* the heading and what flow_heading() keeps with it */
  return 6 * TEXT_FONT_SIZE + comments->height;
}

/* What the page says when a section prints less than all its comments because it has
 * more than the budget: how many of how many, how they were chosen, where the rest are. */
static char *
dup_comments_cut_note (TrellisWorkshopPack   *self,
                       const SectionComments *comments)
{
  guint n_shown = comments->layouts->len, budget = self->options.comment_budget;

  switch (comments->chosen)
    {
    case CHOSEN_KEY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Showing only the comments marked as key (%'u of %'u), as the section has "
                                           "more than %'u comment. Every comment is in the Comments view in Trellis.",
                                           "Showing only the comments marked as key (%'u of %'u), as the section has "
                                           "more than %'u comments. Every comment is in the Comments view in Trellis.",
                                           budget),
                              n_shown, comments->n_all, budget);
    case CHOSEN_KEY_SAMPLE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Showing a random sample of %'u of the %'u comments marked as key (of %'u "
                                           "in all), as the section has more than %'u comment. Every comment is in "
                                           "the Comments view in Trellis.",
                                           "Showing a random sample of %'u of the %'u comments marked as key (of %'u "
                                           "in all), as the section has more than %'u comments. Every comment is in "
                                           "the Comments view in Trellis.",
                                           budget),
                              n_shown, comments->n_key, comments->n_all, budget);
    case CHOSEN_SAMPLE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Showing a random sample of %'u of the %'u comments, as the section has "
                                           "more than %'u comment. Every comment is in the Comments view in Trellis.",
                                           "Showing a random sample of %'u of the %'u comments, as the section has "
                                           "more than %'u comments. Every comment is in the Comments view in Trellis.",
                                           budget),
                              n_shown, comments->n_all, budget);
    case CHOSEN_ALL:
    default:
      g_assert_not_reached ();
    }
}

static char *
dup_comments_heading (const SectionComments *comments)
{
  guint n_shown = comments->layouts->len;

  if (comments->chosen == CHOSEN_ALL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "What partners said (%u comment)",
                                         "What partners said (%u comments)", n_shown),
                            n_shown);
  /* TRANSLATORS: the heading of a section's comments when the pack prints some of them */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "What partners said (%'u of %'u comment)",
                                       "What partners said (%'u of %'u comments)", comments->n_all),
                          n_shown, comments->n_all);
}

static void
flow_comments (Cursor       *cursor,
               TrellisChart *chart)
{
  TrellisWorkshopPack *self = cursor->pack;
  double indent = TEXT_FONT_SIZE;
  SectionComments *comments = get_section_comments (self, chart, cursor->width - indent);
  guint n_comments = comments->layouts->len, n_all = comments->n_all;
  guint min_group_size = trellis_group_breakdown_min_size (trellis_project_get_min_group_size (self->project));
  g_autofree char *heading = dup_comments_heading (comments);

  flow_heading (cursor, heading);

  /* Comments are a group's words: like any breakdown, never shown for fewer people than
   * the minimum group size. */
  if (n_comments > 0 && trellis_round_get_n_responses (self->round) < min_group_size)
    {
      g_autofree char *note = g_strdup_printf (_("Comments are not printed: fewer than %u people responded."),
                                               min_group_size);
      flow_paragraph (cursor, note, TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT_MUTED, 0);
      return;
    }
  /* The page says when the facilitator, or the budget, chose what prints, so no reader
   * takes a few comments for all that partners said. */
  if (self->options.key_comments_only && n_all > 0)
    {
      g_autofree char *note =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Key comments only: %u of %u comment.",
                                      "Key comments only: %u of %u comments.", n_all),
                         n_comments, n_all);
      flow_paragraph (cursor, note, TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT_MUTED, 0);
    }
  if (comments->chosen != CHOSEN_ALL)
    {
      g_autofree char *note = dup_comments_cut_note (self, comments);

      flow_paragraph (cursor, note, TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT_MUTED, 0.45 * TEXT_FONT_SIZE);
    }
  if (n_comments == 0)
    {
      flow_paragraph (cursor, n_all > 0 ? _("No key comments on this section.") : _("No comments on this section."),
                      TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT_MUTED, 0);
      return;
    }
  cursor->continued = g_strdup (trellis_chart_get_title (chart));
  for (guint i = 0; i < n_comments; i++)
    {
      flow_text (cursor, g_object_ref (g_ptr_array_index (comments->layouts, i)), indent, TRELLIS_CHART_INK_TEXT,
                 TRUE);
      cursor->y += 0.45 * TEXT_FONT_SIZE;
    }
  g_clear_pointer (&cursor->continued, g_free);
}

/* A bold line kept with at least two lines of what follows it. */
static void
flow_subheading (Cursor     *cursor,
                 const char *text)
{
  PangoLayout *layout = make_text (cursor->pack, text, TRELLIS_CHART_FONT_BODY_BOLD, cursor->width, FALSE);

  if (cursor->y > 0 && cursor->y + layout_height (layout) + 3 * TEXT_FONT_SIZE > cursor->height)
    next_page (cursor);
  cursor->y += 0.4 * TEXT_FONT_SIZE;
  flow_text (cursor, layout, 0, TRELLIS_CHART_INK_TEXT, FALSE);
  cursor->y += 0.2 * TEXT_FONT_SIZE;
}

static gboolean
has_guidance (TrellisStatement *statement)
{
  const char *texts[] = {
    trellis_statement_get_questions (statement),
    trellis_statement_get_best_case (statement),
    trellis_statement_get_worst_case (statement),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && *texts[i] != '\0')
      return TRUE;
  return FALSE;
}

static void
flow_guidance_text (Cursor     *cursor,
                    const char *label,
                    const char *text)
{
  g_autofree char *escaped = NULL, *markup = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  markup = g_strdup_printf ("<b>%s</b> %s", label, escaped);
  flow_text (cursor, make_text (cursor->pack, markup, TRELLIS_CHART_FONT_BODY, cursor->width - TEXT_FONT_SIZE, TRUE),
             TEXT_FONT_SIZE, TRELLIS_CHART_INK_TEXT, FALSE);
  cursor->y += 0.3 * TEXT_FONT_SIZE;
}

/* The checklist's guidance for the section's statements: the questions a facilitator
 * can ask and what the best and worst case look like. Printed only where there is any. */
static void
flow_guidance (Cursor       *cursor,
               TrellisChart *chart)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (cursor->pack->project);
  TrellisSection *section = trellis_checklist_find_section (checklist, trellis_chart_get_section_id (chart));
  gboolean started = FALSE;

  if (!cursor->pack->options.guidance || section == NULL)
    return;
  for (guint i = 0; i < trellis_section_get_n_statements (section); i++)
    {
      TrellisStatement *statement = trellis_section_get_statement (section, i);
      const char *number = trellis_statement_get_number (statement);
      g_autofree char *title = NULL;

      if (!trellis_statement_get_included (statement) || !has_guidance (statement))
        continue;
      if (!started)
        {
          cursor->y += TEXT_FONT_SIZE;
          flow_heading (cursor, _("Guidance for the discussion"));
          cursor->continued = g_strdup_printf ("%s – %s", trellis_chart_get_title (chart), _("Guidance"));
          started = TRUE;
        }
      title = g_strdup_printf ("%s %s", number != NULL ? number : "", trellis_statement_get_text (statement));
      flow_subheading (cursor, title);
      flow_guidance_text (cursor, _("Questions to ask:"), trellis_statement_get_questions (statement));
      flow_guidance_text (cursor, _("Best case:"), trellis_statement_get_best_case (statement));
      flow_guidance_text (cursor, _("Worst case:"), trellis_statement_get_worst_case (statement));
    }
  g_clear_pointer (&cursor->continued, g_free);
}

/* One point: its number in bold, the statement, and the figure; a change or a group
 * difference that clears the test carries the mark the rounds charts use. */
static void
flow_talking_point (Cursor                    *cursor,
                    const TrellisTalkingPoint *point)
{
  g_autofree char *text = g_markup_escape_text (point->text, -1);
  g_autofree char *figure = g_markup_escape_text (point->figure, -1);
  g_autofree char *markup = NULL;
  const char *mark = point->change == TRELLIS_CHANGE_MORE ? "▲ " : point->change == TRELLIS_CHANGE_FEWER ? "▼ " : "";

  guint page = cursor->pack->section_pages != NULL
                 ? GPOINTER_TO_UINT (g_hash_table_lookup (cursor->pack->section_pages, point->section_id)) : 0;
  /* TRANSLATORS: after a talking point, where its chart is: " · page 5" */
  g_autofree char *where = page > 0 ? g_strdup_printf (_(" · page %u"), page) : g_strdup ("");

  markup = g_strdup_printf ("<b>%s</b>  %s — <b>%s%s</b>%s", point->number != NULL ? point->number : "", text, mark,
                            figure, where);
  flow_text (cursor, make_text (cursor->pack, markup, TRELLIS_CHART_FONT_BODY, cursor->width - TEXT_FONT_SIZE, TRUE),
             TEXT_FONT_SIZE, TRELLIS_CHART_INK_TEXT, TRUE);
  cursor->y += 0.35 * TEXT_FONT_SIZE;
}

/* The pack's second page: what stands out, to open the workshop with. */
static void
flow_talking_points (Cursor *cursor)
{
  TrellisWorkshopPack *self = cursor->pack;
  TrellisTalkingPoints *points = self->talking_points;
  g_autofree char *intro = NULL;
  gboolean marked = FALSE;
  const char *note;

  if (points == NULL)
    return;
  new_page (cursor, _("Talking points"));
  flow_heading (cursor, _("Talking points"));
  intro = g_strdup_printf (_("What stands out in the %s survey, to open the discussion with. Each point names the "
                             "statement and the page of its section’s chart."),
                           trellis_round_get_label (self->round));
  flow_paragraph (cursor, intro, TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT, 0.3 * TEXT_FONT_SIZE);
  note = trellis_talking_points_get_note (points);
  if (note != NULL)
    flow_paragraph (cursor, note, TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT_MUTED, 0.3 * TEXT_FONT_SIZE);
  cursor->continued = g_strdup (_("Talking points"));
  for (guint t = 0; t < trellis_talking_points_get_n_topics (points); t++)
    {
      const TrellisTalkingTopic *topic = trellis_talking_points_get_topic (points, t);

      flow_subheading (cursor, topic->title);
      for (guint i = 0; i < topic->points->len; i++)
        flow_talking_point (cursor, g_ptr_array_index (topic->points, i));
      if (topic->note != NULL)
        flow_paragraph (cursor, topic->note, TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT_MUTED,
                        0.3 * TEXT_FONT_SIZE);
      marked |= topic->kind == TRELLIS_TALKING_GROUP || topic->kind == TRELLIS_TALKING_CHANGE;
    }
  if (marked)
    {
      cursor->y += 0.5 * TEXT_FONT_SIZE;
      flow_paragraph (cursor, _("▲ or ▼: a change, or a group’s difference from everyone else, too large to put down to "
                                "chance (see “How to read the charts”)."),
                      TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT_MUTED, 0);
    }
  g_clear_pointer (&cursor->continued, g_free);
}

static const double plan_column_widths[N_PLAN_COLUMNS] = { 0.19, 0.37, 0.17, 0.12, 0.15 };

static char *
linked_statements (TrellisWorkshopPack *self,
                   TrellisAction       *action)
{
  return trellis_action_dup_links_label (action, trellis_project_get_checklist (self->project), FALSE);
}

static void
make_plan_row (TrellisWorkshopPack *self,
               Block               *block,
               const char * const   texts[N_PLAN_COLUMNS],
               double               width,
               gboolean             header)
{
  double tallest = 0;

  block->kind = BLOCK_PLAN_ROW;
  block->header = header;
  for (guint c = 0; c < N_PLAN_COLUMNS; c++)
    {
      double column = plan_column_widths[c] * width - 0.6 * TEXT_FONT_SIZE;

      block->cells[c] = make_text (self, texts[c] != NULL ? texts[c] : "",
                                   header ? TRELLIS_CHART_FONT_SMALL_BOLD : TRELLIS_CHART_FONT_BODY, column, !header);
      tallest = MAX (tallest, layout_height (block->cells[c]));
    }
  block->height = tallest + 0.8 * TEXT_FONT_SIZE;
}

/* A cell's text with a smaller second line, when there is one. */
static char *
cell_with_note (const char *text,
                const char *note)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_autofree char *escaped_note = NULL;

  if (note == NULL)
    return g_steal_pointer (&escaped);
  escaped_note = g_markup_escape_text (note, -1);
  return g_strdup_printf ("%s\n<span size=\"smaller\">%s</span>", escaped, escaped_note);
}

static void
flow_plan_header (Cursor             *cursor,
                  const char * const *headings)
{
  Block header = { 0 };

  make_plan_row (cursor->pack, &header, headings, cursor->width, TRUE);
  header.y = cursor->y;
  cursor->y += header.height;
  add_block (cursor, &header);
}

/* The action's progress notes under its row, from the second column on: they may be
 * long, so they break between lines across pages like any paragraph. */
static void
flow_plan_notes (Cursor     *cursor,
                 const char *notes)
{
  double indent = plan_column_widths[0] * cursor->width;
  g_autofree char *text = g_strdup_printf (_("Progress notes: %s"), notes);
  Block rule = { .kind = BLOCK_RULE };

  flow_text (cursor, make_text (cursor->pack, text, TRELLIS_CHART_FONT_SMALL, cursor->width - indent, FALSE),
             indent, TRELLIS_CHART_INK_TEXT, FALSE);
  cursor->y += 0.4 * TEXT_FONT_SIZE;
  rule.y = cursor->y;
  add_block (cursor, &rule);
}

static void
flow_plan_action (Cursor             *cursor,
                  TrellisAction      *action,
                  const char * const *headings)
{
  TrellisWorkshopPack *self = cursor->pack;
  const char *notes = trellis_action_get_notes (action);
  g_autofree char *statements = linked_statements (self, action);
  g_autofree char *change = NULL;
  char *cells[N_PLAN_COLUMNS];
  TrellisActionFollowUp follow_up;
  Block row = { 0 };

  if (trellis_plan_follow_up_get (self->follow_up, action, &follow_up))
    change = trellis_action_follow_up_format (&follow_up, TRUE);
  cells[0] = cell_with_note (trellis_action_get_area (action), statements);
  cells[1] = cell_with_note (trellis_action_get_text (action), NULL);
  cells[2] = cell_with_note (trellis_action_get_responsible (action), NULL);
  cells[3] = cell_with_note (trellis_action_get_due (action), NULL);
  cells[4] = cell_with_note (trellis_action_status_get_label (trellis_action_get_status (action)), change);
  make_plan_row (self, &row, (const char * const *) cells, cursor->width, FALSE);
  for (guint c = 0; c < N_PLAN_COLUMNS; c++)
    g_free (cells[c]);
  row.no_rule = notes != NULL && *notes != '\0';

  /* A row never splits (its notes may); the header row comes again on every page. */
  if (cursor->y + row.height > cursor->height && cursor->y > 0)
    {
      new_page (cursor, NULL);
      flow_plan_header (cursor, headings);
    }
  row.y = cursor->y;
  cursor->y += row.height;
  add_block (cursor, &row);
  if (row.no_rule)
    flow_plan_notes (cursor, notes);
}

static void
flow_plan (Cursor *cursor)
{
  TrellisWorkshopPack *self = cursor->pack;
  TrellisPlan *plan = trellis_project_get_plan (self->project);
  guint n_actions = trellis_plan_get_n_actions (plan);
  const char *headings[N_PLAN_COLUMNS] = {
    _("Area for improvement"), _("Key action"), _("Responsible"), _("Timescale"), _("Status"),
  };

  if (n_actions == 0 && !self->plan_only)
    return;

  new_page (cursor, _("Improvement plan"));
  flow_paragraph (cursor, _("Improvement plan"), TRELLIS_CHART_FONT_TITLE, TRELLIS_CHART_INK_TEXT,
                  self->plan_only ? 2 : TEXT_FONT_SIZE);
  if (self->plan_only)
    flow_paragraph (cursor, trellis_project_get_name (self->project) ?: "", TRELLIS_CHART_FONT_SUBTITLE,
                    TRELLIS_CHART_INK_TEXT_MUTED, TEXT_FONT_SIZE);
  if (n_actions == 0)
    {
      flow_paragraph (cursor, _("The plan has no actions yet."), TRELLIS_CHART_FONT_BODY,
                      TRELLIS_CHART_INK_TEXT_MUTED, 0);
      return;
    }

  flow_plan_header (cursor, headings);
  for (guint i = 0; i < n_actions; i++)
    flow_plan_action (cursor, trellis_plan_get_action (plan, i), headings);
}

/* The example bar of "How to read the charts": one made-up statement drawn by the same
 * code as every chart in the pack, on the project's own scale. */
static TrellisChart *
build_example_chart (TrellisWorkshopPack *self)
{
  static const TrellisAnswer answers[] = {
    1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5,
    TRELLIS_ANSWER_NOT_APPLICABLE, TRELLIS_ANSWER_DONT_KNOW,
  };
  TrellisScale *main_scale = trellis_checklist_get_scale (trellis_project_get_checklist (self->project), 0);
  g_autoptr(TrellisProject) example = trellis_project_new ();
  g_autoptr(TrellisScale) scale = trellis_scale_new_agreement ();
  g_autoptr(TrellisSection) section = trellis_section_new ("example");
  g_autoptr(TrellisStatement) statement = trellis_statement_new ("example", TRELLIS_STATEMENT_RATING);
  g_autoptr(TrellisRound) round = trellis_round_new ("example");
  g_autoptr(TrellisSummary) summary = NULL;
  const char *keys[] = { "example", NULL };

  /* The example is read as agreement (see draw_how_to_read()): an importance or an
   * effectiveness scale keeps it. */
  if (main_scale != NULL && trellis_scale_get_n_points (main_scale) == 5
      && trellis_scale_get_role (main_scale) == TRELLIS_SCALE_ROLE_NONE)
    {
      for (guint p = 1; p <= 5; p++)
        trellis_scale_set_point_label (scale, p, trellis_scale_get_point_label (main_scale, p));
      trellis_scale_set_na_label (scale, trellis_scale_get_na_label (main_scale));
      trellis_scale_set_dk_label (scale, trellis_scale_get_dk_label (main_scale));
    }
  trellis_checklist_append_scale (trellis_project_get_checklist (example), scale);
  /* TRANSLATORS: the number of the made-up example statement; it must not look like a
   * real statement's number */
  trellis_statement_set_number (statement, _("Ex."));
  trellis_statement_set_text (statement, _("An example statement: partners share information openly and in good time."));
  trellis_section_append_statement (section, statement);
  trellis_checklist_append_section (trellis_project_get_checklist (example), section);
  trellis_round_set_items (round, keys);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    trellis_round_add_response (round, &answers[i], NULL);
  trellis_project_append_round (example, round);

  summary = trellis_summary_new (example, round, NULL, NULL);
  return trellis_chart_new_section (summary, "example", TRELLIS_CHART_ORDER_CHECKLIST);
}

/* Laid out when the pack is paginated, not whenever the title page is drawn: a print
 * preview draws that at every snapshot. */
static TrellisChartLayout *
layout_example (TrellisWorkshopPack *self,
                double               width)
{
  g_autoptr(TrellisChart) example = build_example_chart (self);
  g_autoptr(TrellisChartStyle) style = trellis_report_create_style (&self->options, CHART_FONT_SIZE);

  trellis_chart_style_set_font_family (style, trellis_chart_style_get_font_family (self->chart_style));
  trellis_chart_style_set_show_titles (style, FALSE);
  return trellis_chart_layout_new (example, style, width, 0, 0);
}

/* Everything but the plan-only document, from the title page to the plan. */
static void
flow_pack (Cursor *cursor)
{
  TrellisWorkshopPack *self = cursor->pack;

  g_array_set_size (self->pages, 0);
  new_page (cursor, trellis_project_get_name (self->project));
  current_page (cursor)->title_page = TRUE;
  flow_talking_points (cursor);

  for (guint c = 0; c < self->charts->len; c++)
    {
      TrellisChart *chart = g_ptr_array_index (self->charts, c);
      TrellisChart *next = c + 1 < self->charts->len ? g_ptr_array_index (self->charts, c + 1) : NULL;
      TrellisChart *previous = c > 0 ? g_ptr_array_index (self->charts, c - 1) : NULL;
      const char *section_id = trellis_chart_get_section_id (chart);
      gboolean last_of_section, same_as_previous;
      double reserve;

      if (trellis_chart_get_kind (chart) == TRELLIS_CHART_MATRIX)
        {
          flow_matrix (cursor, chart);
          continue;
        }
      /* With several scales, the overviews share a sheet when they fit on one. */
      if (trellis_chart_get_kind (chart) == TRELLIS_CHART_OVERVIEW)
        {
          if (previous != NULL && trellis_chart_get_kind (previous) == TRELLIS_CHART_OVERVIEW)
            flow_next_chart (cursor, chart, 0);
          else
            flow_chart (cursor, chart, next != NULL && trellis_chart_get_kind (next) == TRELLIS_CHART_OVERVIEW
                                         ? 0.3 * cursor->height : 0);
          continue;
        }
      /* A section rated on several scales has a chart per scale, then its comments and
       * guidance once. */
      last_of_section = next == NULL || g_strcmp0 (trellis_chart_get_section_id (next), section_id) != 0;
      same_as_previous = previous != NULL && g_strcmp0 (trellis_chart_get_section_id (previous), section_id) == 0;
      /* Keep a section and its comments on one sheet when the comments are short. */
      reserve = last_of_section ? MIN (measure_comments (cursor, chart), 0.4 * cursor->height) : 0;
      if (same_as_previous)
        flow_next_chart (cursor, chart, reserve);
      else
        flow_chart (cursor, chart, last_of_section ? reserve : 0.3 * cursor->height);
      if (last_of_section)
        {
          flow_comments (cursor, chart);
          flow_guidance (cursor, chart);
        }
    }
  flow_plan (cursor);
}

/* The page (counted from 1) each section's chart starts on: the page it heads. */
static GHashTable *
find_section_pages (TrellisWorkshopPack *self)
{
  GHashTable *pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < self->charts->len; c++)
    {
      TrellisChart *chart = g_ptr_array_index (self->charts, c);
      const char *section_id = trellis_chart_get_section_id (chart);
      g_autofree char *heading = NULL;

      /* With several scales, the section's first chart heads its page. */
      if (section_id == NULL || g_hash_table_contains (pages, section_id))
        continue;
      heading = dup_page_heading (self, chart);
      for (guint p = 0; p < self->pages->len; p++)
        if (g_strcmp0 (g_array_index (self->pages, Page, p).heading, heading) == 0)
          {
            g_hash_table_insert (pages, g_strdup (section_id), GUINT_TO_POINTER (p + 1));
            break;
          }
    }
  return pages;
}

static gboolean
same_pages (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (b, key) != value)
      return FALSE;
  return TRUE;
}

/**
 * trellis_workshop_pack_paginate:
 * @page_width: in points
 * @page_height: in points
 *
 * Lays the pack out on pages of this size (the whole sheet: the pack keeps its own
 * margins, so a GtkPrintOperation should use the full page).
 *
 * Returns: the number of pages
 */
guint
trellis_workshop_pack_paginate (TrellisWorkshopPack *self,
                                double               page_width,
                                double               page_height)
{
  Cursor cursor = { 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (page_width > 4 * MARGIN_SIDE && page_height > 4 * MARGIN_BOTTOM, 0);

  g_array_set_size (self->pages, 0);
  self->page_width = page_width;
  self->page_height = page_height;
  cursor.pack = self;
  cursor.width = page_width - 2 * MARGIN_SIDE;
  cursor.height = page_height - MARGIN_TOP - MARGIN_BOTTOM;
  g_clear_pointer (&self->example, trellis_chart_layout_unref);
  self->example = layout_example (self, cursor.width);
  /* The comments are laid out to the text's width: kept while that stays the same (a
   * print preview paginates, then the print itself again). */
  if (cursor.width != self->comments_width)
    {
      g_hash_table_remove_all (self->section_comments);
      self->comments_cut = FALSE;
      self->comments_width = cursor.width;
    }

  if (self->plan_only)
    {
      flow_plan (&cursor);
      return self->pages->len;
    }
  /* The talking points name the pages of the charts after them, which they push on: lay
   * the pack out until the pages they name stay put (in practice twice). */
  g_clear_pointer (&self->section_pages, g_hash_table_unref);
  for (guint pass = 0; pass < MAX_LAYOUT_PASSES; pass++)
    {
      g_autoptr(GHashTable) found = NULL;

      flow_pack (&cursor);
      found = find_section_pages (self);
      if (self->section_pages != NULL && same_pages (found, self->section_pages))
        return self->pages->len;
      g_clear_pointer (&self->section_pages, g_hash_table_unref);
      self->section_pages = g_steal_pointer (&found);
    }
  /* Never settled: no page numbers rather than wrong ones. */
  g_clear_pointer (&self->section_pages, g_hash_table_unref);
  flow_pack (&cursor);
  return self->pages->len;
}

guint
trellis_workshop_pack_get_n_pages (TrellisWorkshopPack *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

/**
 * trellis_workshop_pack_get_page_heading:
 * @page: 0-based
 *
 * Returns: (nullable): what the page begins (a bookmark for it), or %NULL when it
 *   continues the page before
 */
const char *
trellis_workshop_pack_get_page_heading (TrellisWorkshopPack *self,
                                        guint                page)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  return g_array_index (self->pages, Page, page).heading;
}

static void
set_ink (TrellisWorkshopPack *self,
         cairo_t             *cr,
         TrellisChartInk      ink)
{
  TrellisChartColour colour;

  trellis_chart_style_get_ink (self->text_style, ink, &colour);
  cairo_set_source_rgb (cr, colour.red, colour.green, colour.blue);
}

static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            guint        first,
            guint        end,
            double       x,
            double       y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint line = 0;

  do
    {
      if (line >= first && line < end)
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_plan_row (TrellisWorkshopPack *self,
               cairo_t             *cr,
               const Block         *block,
               double               width)
{
  double x = 0, pad = 0.4 * TEXT_FONT_SIZE;

  set_ink (self, cr, block->header ? TRELLIS_CHART_INK_TEXT_MUTED : TRELLIS_CHART_INK_TEXT);
  for (guint c = 0; c < N_PLAN_COLUMNS; c++)
    {
      cairo_move_to (cr, x, block->y + pad);
      pango_cairo_show_layout (cr, block->cells[c]);
      x += plan_column_widths[c] * width;
    }
  if (block->no_rule)
    return;
  set_ink (self, cr, block->header ? TRELLIS_CHART_INK_TEXT : TRELLIS_CHART_INK_GRID);
  cairo_set_line_width (cr, block->header ? 0.8 : 0.5);
  cairo_move_to (cr, 0, block->y + block->height);
  cairo_line_to (cr, width, block->y + block->height);
  cairo_stroke (cr);
}

static void
draw_rule (TrellisWorkshopPack *self,
           cairo_t             *cr,
           const Block         *block,
           double               width)
{
  set_ink (self, cr, TRELLIS_CHART_INK_GRID);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, 0, block->y);
  cairo_line_to (cr, width, block->y);
  cairo_stroke (cr);
}

/* The dash before a comment, on its first line. */
static void
draw_bullet (TrellisWorkshopPack *self,
             cairo_t             *cr,
             const Block         *block)
{
  double top, bottom;

  if (self->dash == NULL)
    self->dash = make_text (self, "–", TRELLIS_CHART_FONT_BODY, -1, FALSE);
  line_bounds (block->text, 0, &top, &bottom);
  cairo_move_to (cr, 0, block->y + top);
  pango_cairo_show_layout (cr, self->dash);
}

static void
draw_block (TrellisWorkshopPack *self,
            cairo_t             *cr,
            const Block         *block,
            double               width)
{
  switch (block->kind)
    {
    case BLOCK_CHART:
      cairo_save (cr);
      cairo_translate (cr, block->x, block->y);
      trellis_chart_layout_paint (block->chart, cr);
      cairo_restore (cr);
      break;
    case BLOCK_TEXT:
      set_ink (self, cr, block->ink);
      draw_lines (cr, block->text, block->first_line, block->end_line, block->x, block->y);
      if (block->bullet)
        draw_bullet (self, cr, block);
      break;
    case BLOCK_PLAN_ROW:
      draw_plan_row (self, cr, block, width);
      break;
    case BLOCK_RULE:
      draw_rule (self, cr, block, width);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
draw_footer (TrellisWorkshopPack *self,
             cairo_t             *cr,
             guint                page)
{
  g_autofree char *left = NULL, *right = NULL;
  g_autoptr(PangoLayout) left_layout = NULL, right_layout = NULL;
  const char *round = self->round != NULL ? trellis_round_get_label (self->round) : NULL;
  double y = self->page_height - MARGIN_BOTTOM + 22, width;
  int right_width;

  left = round != NULL ? g_strdup_printf ("%s · %s", trellis_project_get_name (self->project) ?: "", round)
                       : g_strdup (trellis_project_get_name (self->project) ?: "");
  /* TRANSLATORS: the page number in the handout's footer */
  right = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  width = self->page_width - 2 * MARGIN_SIDE;

  set_ink (self, cr, TRELLIS_CHART_INK_GRID);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, y - 6);
  cairo_line_to (cr, MARGIN_SIDE + width, y - 6);
  cairo_stroke (cr);

  set_ink (self, cr, TRELLIS_CHART_INK_TEXT_MUTED);
  right_layout = make_text (self, right, TRELLIS_CHART_FONT_SMALL, -1, FALSE);
  pango_layout_get_size (right_layout, &right_width, NULL);
  left_layout = make_text (self, left, TRELLIS_CHART_FONT_SMALL, width - right_width / PANGO_SCALE - TEXT_FONT_SIZE,
                           FALSE);
  pango_layout_set_ellipsize (left_layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, left_layout);
  cairo_move_to (cr, MARGIN_SIDE + width - (double) right_width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, right_layout);
}

/* Draws @text wrapped to @width at (0, *y) and moves *y below it. */
static void
draw_paragraph (TrellisWorkshopPack *self,
                cairo_t             *cr,
                const char          *text,
                TrellisChartFont     font,
                TrellisChartInk      ink,
                double               width,
                double              *y,
                double               space_after)
{
  g_autoptr(PangoLayout) layout = make_text (self, text, font, width, FALSE);

  set_ink (self, cr, ink);
  cairo_move_to (cr, 0, *y);
  pango_cairo_show_layout (cr, layout);
  *y += layout_height (layout) + space_after;
}

/* The partnership, the checklist and the round: who answered, and when. */
static void
draw_cover (TrellisWorkshopPack *self,
            cairo_t             *cr,
            double               width,
            double              *y)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (self->project);
  const char *name = trellis_project_get_name (self->project);
  PangoFontDescription *big = trellis_chart_style_dup_font (self->text_style, TRELLIS_CHART_FONT_TITLE);
  g_autoptr(PangoLayout) title = make_text (self, name != NULL && *name != '\0' ? name : _("Partnership self-assessment"),
                                            TRELLIS_CHART_FONT_TITLE, width, FALSE);
  g_autofree char *date = NULL, *when = NULL, *who = NULL;
  guint n_excluded, n_responses;

  draw_paragraph (self, cr, _("Partnership self-assessment · workshop pack"), TRELLIS_CHART_FONT_SUBTITLE,
                  TRELLIS_CHART_INK_TEXT_MUTED, width, y, 4);
  pango_font_description_set_size (big, pango_font_description_get_size (big) * 3 / 2);
  pango_layout_set_font_description (title, big);
  pango_font_description_free (big);
  set_ink (self, cr, TRELLIS_CHART_INK_TEXT);
  cairo_move_to (cr, 0, *y);
  pango_cairo_show_layout (cr, title);
  *y += layout_height (title) + 4;
  if (trellis_checklist_get_title (checklist) != NULL)
    draw_paragraph (self, cr, trellis_checklist_get_title (checklist), TRELLIS_CHART_FONT_HEADING,
                    TRELLIS_CHART_INK_TEXT, width, y, 14);

  if (self->round == NULL)
    {
      draw_paragraph (self, cr, _("No survey responses have been imported yet."), TRELLIS_CHART_FONT_BODY,
                      TRELLIS_CHART_INK_TEXT, width, y, 2);
      return;
    }

  date = trellis_date_format_long (trellis_round_get_date (self->round));
  /* TRANSLATORS: the survey round and its date, "Autumn 2026 survey, 12 October 2026" */
  when = date != NULL ? g_strdup_printf (_("%s survey, %s"), trellis_round_get_label (self->round), date)
                      : g_strdup_printf (_("%s survey"), trellis_round_get_label (self->round));
  n_excluded = trellis_round_get_n_excluded (self->round);
  n_responses = trellis_round_get_n_responses (self->round);
  who = n_excluded > 0
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent (%u unfinished response left out)",
                                          "%u respondents (%u unfinished responses left out)", n_responses),
                             n_responses, n_excluded)
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents", n_responses),
                             n_responses);
  draw_paragraph (self, cr, when, TRELLIS_CHART_FONT_BODY_BOLD, TRELLIS_CHART_INK_TEXT, width, y, 2);
  draw_paragraph (self, cr, who, TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT, width, y, 2);
  if (self->options.compare == TRELLIS_REPORT_COMPARE_ROUNDS)
    draw_paragraph (self, cr, _("Each statement compares this round with up to two rounds before it."),
                    TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT, width, y, 2);
  else if (self->options.compare == TRELLIS_REPORT_COMPARE_GROUPS)
    draw_paragraph (self, cr, _("Each statement shows all respondents and then each respondent group."),
                    TRELLIS_CHART_FONT_BODY, TRELLIS_CHART_INK_TEXT, width, y, 2);
}

/* Every page that begins something, but this one, with its page number. */
static void
draw_contents (TrellisWorkshopPack *self,
               cairo_t             *cr,
               double               width,
               double              *y)
{
  draw_paragraph (self, cr, _("Contents"), TRELLIS_CHART_FONT_HEADING, TRELLIS_CHART_INK_TEXT, width, y, 4);
  set_ink (self, cr, TRELLIS_CHART_INK_TEXT);
  for (guint p = 1; p < self->pages->len; p++)
    {
      const char *heading = g_array_index (self->pages, Page, p).heading;
      g_autoptr(PangoLayout) entry = NULL, number = NULL;
      g_autofree char *page_number = NULL;
      int number_width;

      if (heading == NULL)
        continue;
      page_number = g_strdup_printf ("%u", p + 1);
      number = make_text (self, page_number, TRELLIS_CHART_FONT_BODY, -1, FALSE);
      pango_layout_get_size (number, &number_width, NULL);
      entry = make_text (self, heading, TRELLIS_CHART_FONT_BODY, width - 3 * TEXT_FONT_SIZE, FALSE);
      pango_layout_set_ellipsize (entry, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, 0, *y);
      pango_cairo_show_layout (cr, entry);
      cairo_move_to (cr, width - (double) number_width / PANGO_SCALE, *y);
      pango_cairo_show_layout (cr, number);
      *y += layout_height (entry) + 2;
    }
}

/* An example bar, drawn as every chart in the pack is, and what to read off it. */
static gboolean
has_priority_matrix (TrellisWorkshopPack *self)
{
  for (guint c = 0; c < self->charts->len; c++)
    if (trellis_chart_get_kind (g_ptr_array_index (self->charts, c)) == TRELLIS_CHART_MATRIX)
      return TRUE;
  return FALSE;
}

static void
draw_how_to_read (TrellisWorkshopPack *self,
                  cairo_t             *cr,
                  double               width,
                  double              *y)
{
  const char *points[] = {
    _("Each bar is one statement: 100% of the partners who answered it on the scale; n is how many that was."),
    _("Agreement runs to the right of the centre line and disagreement to the left; the darker shades are the strong answers. “Neither agree nor disagree” is the grey block, split half either side of the line."),
    _("The bold figures beside a bar are the percentages disagreeing and agreeing; the figures on the bar, each answer’s percentage. They are rounded so that they add up."),
    _("Not applicable and Don’t know are not counted in the percentages. The narrow column on the right shows them as a share of everyone asked."),
    _("A bar reaching far both ways marks a statement on which partners disagree with each other: often the most useful one to discuss."),
    _("▲ or ▼ beside a change between rounds (or a group’s difference from everyone else) means it is too large to put down to chance with this many answers. A change without the mark may be real, but could just as well come from who happened to answer. Across sixty statements, one or two marks can still be chance: look for marks that fit what partners say."),
    self->options.order == TRELLIS_CHART_ORDER_AGREEMENT
      ? _("Statements are ordered by how many agree, most agreement first.")
      : _("Statements are in checklist order."),
    /* Dudley's two scales: how their charts and the matrix read. */
    has_priority_matrix (self)
      ? _("Every statement was rated twice, for importance and for effectiveness: each chart comes once per scale, “Important” or “Effective” to the right of the line. The priority matrix places each theme at its mean importance and mean effectiveness; the shaded corner holds the themes that are important but not yet effective, the priorities for action.")
      : NULL,
  };

  draw_paragraph (self, cr, _("How to read the charts"), TRELLIS_CHART_FONT_HEADING, TRELLIS_CHART_INK_TEXT, width,
                  y, 6);
  cairo_save (cr);
  cairo_translate (cr, 0, *y);
  trellis_chart_layout_paint (self->example, cr);
  cairo_restore (cr);
  *y += trellis_chart_layout_get_height (self->example) + 10;

  set_ink (self, cr, TRELLIS_CHART_INK_TEXT);
  for (guint i = 0; i < G_N_ELEMENTS (points) && points[i] != NULL; i++)
    {
      g_autofree char *item = g_strdup_printf ("–\t%s", points[i]);
      g_autoptr(PangoLayout) text = make_text (self, item, TRELLIS_CHART_FONT_BODY, width, FALSE);
      g_autoptr(PangoTabArray) tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                                          (int) (TEXT_FONT_SIZE * PANGO_SCALE));

      /* A hanging indent: the dash in the margin, the lines under each other. */
      pango_layout_set_tabs (text, tabs);
      pango_layout_set_indent (text, (int) (-TEXT_FONT_SIZE * PANGO_SCALE));
      cairo_move_to (cr, 0, *y);
      pango_cairo_show_layout (cr, text);
      *y += layout_height (text) + 3;
    }
}

static void
draw_title_page (TrellisWorkshopPack *self,
                 cairo_t             *cr)
{
  double width = self->page_width - 2 * MARGIN_SIDE, y = 0;
  guint min_group_size = trellis_group_breakdown_min_size (trellis_project_get_min_group_size (self->project));
  g_autofree char *privacy = NULL;

  draw_cover (self, cr, width, &y);
  y += 14;
  draw_contents (self, cr, width, &y);
  y += 14;
  draw_how_to_read (self, cr, width, &y);
  y += 10;
  privacy = g_strdup_printf (_("Responses are confidential. Comments are printed as written, in no particular order, and are linked neither to anyone’s ratings nor to each other. No group of fewer than %u respondents is ever shown on its own."),
                             min_group_size);
  draw_paragraph (self, cr, privacy, TRELLIS_CHART_FONT_SMALL, TRELLIS_CHART_INK_TEXT_MUTED, width, &y, 0);
  if (self->comments_cut)
    {
      guint budget = self->options.comment_budget;
      g_autofree char *cut = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "A section with more than %'u comment prints only its key comments, or when none is marked "
                     "as key, a random sample of %'u; its page says which, and how many there are in all.",
                     "A section with more than %'u comments prints only its key comments, or when none is marked "
                     "as key, a random sample of %'u; its page says which, and how many there are in all.",
                     budget),
        budget, budget);

      y += 3;
      draw_paragraph (self, cr, cut, TRELLIS_CHART_FONT_SMALL, TRELLIS_CHART_INK_TEXT_MUTED, width, &y, 0);
    }
}

/**
 * trellis_workshop_pack_draw_page:
 * @cr: a context on a page of the size paginated for, with the origin at its top left
 *   corner (a PDF page, or a GtkPrintOperation::draw-page context with full-page on)
 * @page: 0-based
 *
 * Draws one page, margins, footer and all.
 */
void
trellis_workshop_pack_draw_page (TrellisWorkshopPack *self,
                                 cairo_t             *cr,
                                 guint                page)
{
  const Page *current;
  double width;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  current = &g_array_index (self->pages, Page, page);
  width = self->page_width - 2 * MARGIN_SIDE;

  cairo_save (cr);
  set_ink (self, cr, TRELLIS_CHART_INK_BACKGROUND);
  cairo_paint (cr);
  cairo_translate (cr, MARGIN_SIDE, MARGIN_TOP);
  if (current->title_page)
    draw_title_page (self, cr);
  for (guint i = 0; i < current->blocks->len; i++)
    draw_block (self, cr, &g_array_index (current->blocks, Block, i), width);
  cairo_restore (cr);
  draw_footer (self, cr, page);
}

/**
 * trellis_workshop_pack_write_pdf:
 * @file: where to write; replaced whole, or left as it was on failure
 *
 * Writes the pack as a PDF on the paper the options name, with the document title set
 * and a bookmark for each part.
 *
 * Returns: whether it was written
 */
gboolean
trellis_workshop_pack_write_pdf (TrellisWorkshopPack  *self,
                                 GFile                *file,
                                 GError              **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL, *basename = NULL, *name = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trellis_chart_paper_get_size (self->options.paper, &width, &height);
  trellis_workshop_pack_paginate (self, width, height);
  title = trellis_workshop_pack_dup_title (self);

  surface = cairo_pdf_surface_create_for_stream (_trellis_report_append_to_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Trellis " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint p = 0; p < self->pages->len; p++)
    {
      const char *heading = trellis_workshop_pack_get_page_heading (self, p);

      trellis_workshop_pack_draw_page (self, cr, p);
      if (heading != NULL)
        {
          g_autofree char *link = g_strdup_printf ("page=%u", p + 1);
          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, heading, link, 0);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  ok = _trellis_report_check_surface (surface, name, error);
  cairo_surface_destroy (surface);

  return ok && _trellis_report_write_file (file, bytes, error);
}
