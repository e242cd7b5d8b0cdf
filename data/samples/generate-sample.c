/* generate-sample.c: builds the bundled sample project from a fixed seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sample is a fictional partnership that has run two survey rounds with the
 * Outcome-Focused Partnership Checklist, in autumn 2026 and spring 2027. Answers come from a simple model so that the
 * charts tell a believable story: a partnership that meets well (section A) but is unsure
 * how it uses evidence (B), divided about shifting resources to prevention (C) and weak on
 * performance reporting (D), where many members simply don't know. Between the rounds the
 * plan's actions on performance reporting and ward-level data took hold and representatives
 * kept changing, so a few statements really moved; everything else changes only by chance,
 * as a repeated survey of twenty-odd people does.
 *
 *   generate-sample OUT.trellis [--tally OUT.json]
 *
 * --tally writes the generator's own count of every answer, made as it draws them and
 * without the statistics code, so a test can check `trellis-cli summary --json` against it.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "trellis-model.h"
#include "trellis-project-io.h"
#include "trellis-template.h"

#define SEED 20261016

typedef struct
{
  const char *name;
  guint       size;         /* respondents in the first round */
  guint       size_spring;  /* ...and in the second */
  double      bias;  /* how rosy this partner's view is, in scale points */
} Group;

/* Five partners; the fire service sends two people, fewer than the minimum group size,
 * so the sample also shows how Trellis protects a small group. */
static const Group groups[] = {
  { "Northshire Council", 7, 6, 0.15 },
  { "NHS Northshire", 6, 7, -0.10 },
  { "Police Scotland", 5, 5, 0.25 },
  { "Third sector", 5, 6, -0.45 },
  { "Scottish Fire and Rescue", 2, 2, 0.10 },
};

typedef struct
{
  const char *section;
  double      mean;          /* typical answer */
  double      spread;        /* how much partners differ */
  double      dont_know;     /* chance of Don't know */
  double      not_applicable;
} SectionMood;

static const SectionMood moods[] = {
  { "A", 3.7, 0.85, 0.03, 0.02 },
  { "B", 3.2, 0.95, 0.10, 0.02 },
  { "C", 3.0, 1.10, 0.08, 0.04 },
  { "D", 2.7, 1.00, 0.20, 0.05 },
};

/* Statements the partnership clearly feels differently about, up or down. */
typedef struct
{
  const char *id;
  double      shift;
  double      extra_spread;
} StatementMood;

static const StatementMood statement_moods[] = {
  { "s7", 0.6, 0.0 },    /* achieves more together */
  { "s12", 0.5, 0.0 },   /* meetings well organised */
  { "s9", -0.6, 0.3 },   /* continuity of representatives */
  { "s17", -0.5, 0.2 },  /* members challenge each other */
  { "s21", -0.4, 0.3 },  /* engagement with communities */
  { "s32", -0.7, 0.4 },  /* appropriately resourced */
  { "s34", -0.3, 0.9 },  /* shifting resources to prevention: deeply split */
  { "s38", -0.2, 0.7 },
  { "s39", -0.6, 0.5 },
  { "s49", -0.8, 0.2 },  /* public performance report */
  { "s52", -0.5, 0.3 },  /* political scrutiny */
  { "s55i", -0.2, 0.2 },
};

/* What really moved by the second round, added to the first round's shifts. */
static const StatementMood spring_moods[] = {
  { "s45", 1.1, 0.0 },   /* performance reported to the Board: the quarterly report */
  { "s50", 0.9, 0.0 },
  { "s20", 0.8, 0.0 },   /* evidence used across the area: ward-level data shared */
  { "s9", -0.6, 0.0 },   /* continuity of representatives: more new faces */
};

/* Free-text comments, invented for the sample, as partners write them. */
static const char * const comments_a[] = {
  "Meetings are well chaired but the agenda is too full to discuss anything properly.",
  "Papers often arrive the night before, which makes it hard to brief my own organisation.",
  "We keep sending different people; a named deputy for each partner would help continuity.",
  "The group works well together, but we could be braver in challenging each other.",
  "I am still not clear how this group reports to the CPP Board.",
  "Good spirit of openness. Actions are recorded but not always followed up.",
  "The voluntary sector is represented by one person for forty organisations – that is a big ask.",
};

static const char * const comments_b[] = {
  "We have plenty of data but rarely discuss what it means for our priorities.",
  "The strategic assessment is excellent; it should drive the agenda more than it does.",
  "Community engagement is mostly consultation at the end of the process.",
  "Would value a joint analyst post shared between partners.",
  "Little evidence that we evaluate what we fund.",
};

static const char * const comments_c[] = {
  "Everyone supports prevention until it means moving money out of their own budget.",
  "Our outcomes are clear on paper; I am less sure they change what each of us does.",
  "Too many priorities – we should pick three and do them well.",
  "Resource decisions in my organisation are made elsewhere, with little reference to this partnership.",
  "The Single Outcome Agreement reflects our priorities, the budget does not.",
  "Early intervention work on antisocial behaviour is a real success story.",
};

static const char * const comments_d[] = {
  "I have never seen a performance report from this group.",
  "Targets exist but nobody owns them.",
  "The quarterly dashboard is useful but it is presented, not discussed.",
  "Risk is never on the agenda.",
  "Elected members only see the headline figures once a year.",
  "We should publish an annual report that the public can read.",
};

typedef struct
{
  const char         *section;
  const char * const *texts;
  guint               n_texts;
  double              chance;  /* chance that a respondent comments on this section */
} CommentPool;

static const CommentPool comment_pools[] = {
  { "A", comments_a, G_N_ELEMENTS (comments_a), 0.35 },
  { "B", comments_b, G_N_ELEMENTS (comments_b), 0.22 },
  { "C", comments_c, G_N_ELEMENTS (comments_c), 0.30 },
  { "D", comments_d, G_N_ELEMENTS (comments_d), 0.30 },
};

/* The second round's comments: what partners noticed after the first workshop. */
static const char * const spring_comments_a[] = {
  "Three of us were at our first meeting this year; the induction pack helped.",
  "The agenda is shorter now and we actually discuss the papers.",
  "Still too much changeover in who attends from some partners.",
  "Actions from the workshop were followed up at every meeting since.",
};

static const char * const spring_comments_b[] = {
  "The ward-level figures before each meeting have changed the conversation.",
  "We use the data more, but communities are still consulted late.",
  "The analyst's briefings are the best part of the meeting.",
};

static const char * const spring_comments_c[] = {
  "The joint budgeting session has not happened yet, so nothing has moved on prevention.",
  "Priorities are clearer than last year; budgets have not followed.",
  "Prevention is talked about more, funded no more.",
};

static const char * const spring_comments_d[] = {
  "The one-page quarterly report is a big step forward.",
  "The Board now sees our indicators every quarter.",
  "Targets are still not owned by anyone in particular.",
  "Risk has been added to the agenda twice this year.",
};

static const CommentPool spring_comment_pools[] = {
  { "A", spring_comments_a, G_N_ELEMENTS (spring_comments_a), 0.25 },
  { "B", spring_comments_b, G_N_ELEMENTS (spring_comments_b), 0.20 },
  { "C", spring_comments_c, G_N_ELEMENTS (spring_comments_c), 0.20 },
  { "D", spring_comments_d, G_N_ELEMENTS (spring_comments_d), 0.25 },
};

static double
normal (GRand *rand)
{
  /* Box–Muller: GRand's stream is the same on every platform, so is this. */
  double u1 = g_rand_double_range (rand, 1e-12, 1.0);
  double u2 = g_rand_double (rand);
  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static const SectionMood *
find_mood (const char *section_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (moods); i++)
    if (g_str_equal (moods[i].section, section_id))
      return &moods[i];
  g_error ("no mood for section %s", section_id);
}

static const StatementMood *
find_in (const StatementMood *table,
         guint                n,
         const char          *statement_id)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i].id, statement_id))
      return &table[i];
  return NULL;
}

/* The statement's mood in a round: the standing one plus what moved by that round. */
static StatementMood
mood_in_round (const char *statement_id,
               gboolean    spring)
{
  const StatementMood *standing = find_in (statement_moods, G_N_ELEMENTS (statement_moods), statement_id);
  const StatementMood *moved = spring ? find_in (spring_moods, G_N_ELEMENTS (spring_moods), statement_id) : NULL;
  StatementMood mood = { statement_id, 0.0, 0.0 };

  if (standing != NULL)
    mood = *standing;
  if (moved != NULL)
    mood.shift += moved->shift;
  return mood;
}

static TrellisAnswer
draw_answer (GRand              *rand,
             const SectionMood  *mood,
             const StatementMood *statement_mood,
             double              respondent_bias)
{
  double roll = g_rand_double (rand);
  double mean = mood->mean + respondent_bias;
  double spread = mood->spread;
  long value;

  if (roll < 0.01)
    return TRELLIS_ANSWER_BLANK;
  if (roll < 0.01 + mood->not_applicable)
    return TRELLIS_ANSWER_NOT_APPLICABLE;
  if (roll < 0.01 + mood->not_applicable + mood->dont_know)
    return TRELLIS_ANSWER_DONT_KNOW;

  mean += statement_mood->shift;
  spread += statement_mood->extra_spread;
  value = lround (mean + spread * normal (rand));
  return (TrellisAnswer) CLAMP (value, 1, 5);
}

static void
add_comments (GRand             *rand,
              TrellisRound      *round,
              guint              n_respondents,
              const CommentPool *pools,
              guint              n_pools)
{
  for (guint p = 0; p < n_pools; p++)
    {
      const CommentPool *pool = &pools[p];
      g_autoptr(GPtrArray) unused = g_ptr_array_new ();

      for (guint i = 0; i < pool->n_texts; i++)
        g_ptr_array_add (unused, (gpointer) pool->texts[i]);

      /* Each respondent may comment; comments are stored in the order drawn, which
       * is not respondent order, so sections cannot be lined up against each other. */
      for (guint r = 0; r < n_respondents && unused->len > 0; r++)
        {
          if (g_rand_double (rand) < pool->chance)
            {
              guint pick = g_rand_int_range (rand, 0, unused->len);
              trellis_round_add_comment (round, pool->section, g_ptr_array_index (unused, pick));
              g_ptr_array_remove_index_fast (unused, pick);
            }
        }
    }
}

/* The plan the workshop agreed after the first round: what the charts pointed at
 * (performance reporting, prevention, evidence), each linked to its statements, or to
 * a whole section. */
typedef struct
{
  const char          *area;
  const char          *text;
  const char          *responsible;
  const char          *due;
  TrellisActionStatus  status;
  const char          *notes;
  const char          *statements[3];
  const char          *sections[2];
} SampleAction;

static const SampleAction sample_plan[] = {
  { "Performance reporting to the CPP Board",
    "Agree a one-page quarterly performance report for the Board, with the five priority indicators",
    "Community safety manager (council)", "Q1 2027", TRELLIS_ACTION_ON_TRACK,
    "First draft shared with the Board secretary on 2 December.", { "s45", "s50", NULL } },
  { "Targets that reflect the priority outcomes",
    "Review the partnership's targets against the three priority outcomes and drop those that no partner reports on",
    "Chair of the thematic group", "by March 2027", TRELLIS_ACTION_NOT_STARTED, NULL, { "s41", NULL } },
  { "Shifting resources to prevention",
    "Hold a development session on joint budgeting for early intervention, with the NHS and the third sector",
    "NHS Northshire public health lead", "June 2027", TRELLIS_ACTION_AT_RISK,
    "The date depends on the NHS budget round; the third sector forum has asked to co-host.", { "s27", "s30", NULL } },
  { "Using evidence about outcomes across the area",
    "Share ward-level data on antisocial behaviour and fires with every partner before each meeting",
    "Police Scotland analyst", "31/01/2027", TRELLIS_ACTION_NOT_STARTED, NULL, { NULL }, { "B", NULL } },
};

static void
add_plan (TrellisProject *project)
{
  TrellisPlan *plan = trellis_project_get_plan (project);

  for (guint i = 0; i < G_N_ELEMENTS (sample_plan); i++)
    {
      const SampleAction *sample = &sample_plan[i];
      g_autofree char *id = trellis_plan_new_action_id (plan);
      g_autoptr(TrellisAction) action = trellis_action_new (id);

      trellis_action_set_area (action, sample->area);
      trellis_action_set_text (action, sample->text);
      trellis_action_set_responsible (action, sample->responsible);
      trellis_action_set_due (action, sample->due);
      trellis_action_set_status (action, sample->status);
      trellis_action_set_notes (action, sample->notes);
      trellis_action_set_round_id (action, "r1");
      trellis_action_set_statement_ids (action, sample->statements);
      trellis_action_set_section_ids (action, sample->sections);
      trellis_plan_append_action (plan, action);
    }
}

/* One survey round as the generator draws it. */
typedef struct
{
  const char        *id;
  const char        *label;
  const char        *date;
  const char        *source;
  gboolean           spring;
  const CommentPool *pools;
  guint              n_pools;
} SampleRound;

static const SampleRound sample_rounds[] = {
  { "r1", "Autumn 2026", "2026-10-16", "northshire-csp-survey.csv", FALSE,
    comment_pools, G_N_ELEMENTS (comment_pools) },
  { "r2", "Spring 2027", "2027-04-23", "northshire-csp-survey-spring-2027.csv", TRUE,
    spring_comment_pools, G_N_ELEMENTS (spring_comment_pools) },
};

/* Draws one round's responses and comments; @counts (per item: points 1–5, N/A, DK,
 * blank) tally them without the statistics code. Returns the respondents drawn. */
static guint
draw_round (GRand             *rand,
            TrellisProject    *project,
            const SampleRound *spec,
            guint             *counts)
{
  TrellisChecklist *checklist = trellis_project_get_checklist (project);
  g_auto(GStrv) items = trellis_checklist_dup_item_keys (checklist, TRUE);
  g_autoptr(TrellisRound) round = trellis_round_new (spec->id);
  guint n_items = g_strv_length (items), n_respondents = 0;

  trellis_round_set_label (round, spec->label);
  trellis_round_set_date (round, spec->date);
  trellis_round_set_source (round, spec->source);
  trellis_round_set_items (round, (const char * const *) items);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint size = spec->spring ? groups[g].size_spring : groups[g].size;

      for (guint m = 0; m < size; m++)
        {
          g_autofree TrellisAnswer *answers = g_new0 (TrellisAnswer, n_items);
          double respondent_bias = groups[g].bias + 0.45 * normal (rand);

          for (guint i = 0; i < n_items; i++)
            {
              TrellisStatement *statement = NULL;
              StatementMood mood = mood_in_round (items[i], spec->spring);
              TrellisAnswer answer;
              guint slot;

              trellis_checklist_lookup_item_key (checklist, items[i], &statement, NULL);
              answer = draw_answer (rand, find_mood (trellis_section_get_id (trellis_statement_get_section (statement))),
                                    &mood, respondent_bias);
              answers[i] = answer;
              slot = answer >= 1 ? (guint) answer - 1
                     : answer == TRELLIS_ANSWER_NOT_APPLICABLE ? 5
                     : answer == TRELLIS_ANSWER_DONT_KNOW ? 6 : 7;
              counts[i * 8 + slot]++;
            }
          trellis_round_add_response (round, answers, groups[g].name);
          n_respondents++;
        }
    }
  add_comments (rand, round, n_respondents, spec->pools, spec->n_pools);
  trellis_project_append_round (project, round);
  return n_respondents;
}

static void
append_tally (GString     *tally,
              GStrv        items,
              const guint *counts,
              guint        n_respondents,
              gboolean     last)
{
  guint n_items = g_strv_length (items);

  g_string_append_printf (tally, "    {\n      \"respondents\": %u,\n      \"items\": {\n", n_respondents);
  for (guint i = 0; i < n_items; i++)
    {
      const guint *c = &counts[i * 8];
      g_string_append_printf (tally,
                              "        \"%s\": {\"counts\": [%u, %u, %u, %u, %u], \"not_applicable\": %u, "
                              "\"dont_know\": %u, \"blank\": %u}%s\n",
                              items[i], c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
                              i + 1 < n_items ? "," : "");
    }
  g_string_append_printf (tally, "      }\n    }%s\n", last ? "" : ",");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(TrellisProject) project = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GString) tally = g_string_new ("{\n  \"rounds\": [\n");
  const char *tally_path = NULL;

  if (argc == 4 && g_str_equal (argv[2], "--tally"))
    tally_path = argv[3];
  else if (argc != 2)
    {
      fprintf (stderr, "usage: generate-sample OUT.trellis [--tally OUT.json]\n");
      return 2;
    }

  project = trellis_project_new_from_template ("is-ofpc", "Northshire Community Safety Partnership", &error);
  if (project == NULL)
    g_error ("%s", error->message);
  trellis_project_set_description (project,
    "The community safety thematic group of the Northshire Community Planning Partnership: "
    "Northshire Council, NHS Northshire, Police Scotland, the Scottish Fire and Rescue Service "
    "and the third sector. A fictional partnership; its answers are made up by a generator.");
  items = trellis_checklist_dup_item_keys (trellis_project_get_checklist (project), TRUE);

  for (guint r = 0; r < G_N_ELEMENTS (sample_rounds); r++)
    {
      g_autofree guint *counts = g_new0 (guint, g_strv_length (items) * 8);
      /* The first round draws from the seed's stream; each later round has a seed of its
       * own, so that adding a round never changes the ones before it. */
      g_autoptr(GRand) round_rand = r == 0 ? g_rand_copy (rand) : g_rand_new_with_seed (SEED + r);
      guint n_respondents = draw_round (round_rand, project, &sample_rounds[r], counts);

      append_tally (tally, items, counts, n_respondents, r + 1 == G_N_ELEMENTS (sample_rounds));
    }
  g_string_append (tally, "  ]\n}\n");
  add_plan (project);

  out = g_file_new_for_commandline_arg (argv[1]);
  if (!trellis_project_save_file (project, out, NULL, &error))
    g_error ("%s", error->message);
  if (tally_path != NULL && !g_file_set_contents (tally_path, tally->str, tally->len, &error))
    g_error ("%s", error->message);
  return 0;
}
