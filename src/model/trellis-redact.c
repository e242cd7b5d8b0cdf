/* trellis-redact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "trellis-redact"

#include "config.h"

#include <string.h>

#include "trellis-checklist.h"
#include "trellis-redact.h"
#include "trellis-section.h"
#include "trellis-statement.h"

/* Respondents write to a partnership about people they all know: "John from Housing",
 * "Cllr Smith", a mobile number to ring. E-mail addresses and phone numbers have a shape
 * and are found whole. Names have none, so a capitalised word counts as one only where
 * something says so: a title before it, a role beside it ("from Housing", "the chair"),
 * a verb of speech after it, a second capitalised word with it mid-sentence, or the
 * facilitator's list of the partnership's people. Words the checklist itself uses
 * ("Partnership Board", "Community Planning") and organisation words never count, so
 * the commonest false hits are ruled out before they are looked for. */

struct _TrellisRedactor
{
  GPtrArray  *names;      /* each a GStrv of the name's lowercased words */
  GHashTable *name_words; /* lowercased single words of the names (3+ letters) */
  GHashTable *protected;  /* lowercased capitalised words of the checklist */
  GRegex     *email;
  GRegex     *phone;
};

typedef struct
{
  gsize    start;
  gsize    end;      /* without a possessive 's */
  char    *lower;    /* the word lowercased, without a trailing full stop */
  gboolean capital;  /* starts with a capital and is not all capitals */
  gboolean initial;  /* one capital letter, as in "J. Smith" */
  gboolean sentence_start;
  gboolean possessive; /* "Jim's" */
} Word;

static const char * const titles[] = {
  "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "sir",
  "dame", "rev", "revd", "reverend", "lord", "lady", "father", "sister", "provost", "bailie",
  NULL
};

/* Role words: "the chair, Jane", "our manager Bob Smith", "Jane (the coordinator)". */
static const char * const roles[] = {
  "chair", "chairperson", "chairman", "chairwoman", "convener", "convenor", "manager",
  "officer", "coordinator", "co-ordinator", "lead", "director", "secretary", "treasurer",
  "facilitator", "administrator", "clerk", "colleague", "rep", "representative", "worker",
  "msp", "mp", "ceo", "boss", "head", NULL
};

static const char * const speech_verbs[] = {
  "said", "says", "told", "tells", "asked", "mentioned", "promised", "agreed", "thinks",
  "thought", "keeps", "never", "always", "chairs", "runs", "leads", "does", "doesn't",
  "didn't", "won't", "wouldn't", "refused", "refuses", "dominates", "talks", "talked",
  "emailed", "phoned", "rang", "left", "joined", "retired", "explained", "was", "is", "has",
  NULL
};

/* Verbs whose object is usually a person: "ask Graham", "Call Sam in Policy". */
static const char * const verbs_before[] = {
  "ask", "asked", "tell", "told", "contact", "contacted", "thank", "thanked", "thanks",
  "email", "emailed", "phone", "phoned", "ring", "rang", "call", "called", "cc", "meet",
  "met", "invite", "invited", "with", NULL
};

/* After a name that begins a sentence only these say it is one: "Bob never replies". */
static const char * const strong_verbs[] = {
  "said", "says", "told", "asked", "mentioned", "promised", "never", "always", "keeps",
  "refused", "refuses", NULL
};

/* Capitalised words that are not people: organisations, places, days and months, and the
 * words that begin sentences. */
static const char * const not_names[] = {
  /* organisations and their parts */
  "partnership", "partnerships", "board", "boards", "council", "councils", "community",
  "communities", "planning", "plan", "health", "social", "care", "nhs", "trust", "service",
  "services", "team", "teams", "group", "groups", "forum", "network", "association",
  "housing", "education", "police", "fire", "rescue", "scotland", "scottish", "government",
  "authority", "local", "city", "town", "county", "district", "region", "regional",
  "national", "third", "sector", "voluntary", "public", "private", "interface", "department",
  "directorate", "executive", "committee", "integration", "joint", "board's", "agency",
  "university", "college", "school", "schools", "centre", "center", "hall", "house", "road",
  "street", "park", "library", "church", "hospital", "practice", "office", "unit", "finance",
  "hr", "legal", "comms", "communications", "policy", "strategy", "strategic", "delivery",
  "outcomes", "improvement", "locality", "localities", "employability", "justice",
  "leisure", "culture", "transport", "environment", "economic", "development", "ltd",
  "limited", "cic", "charity", "foundation", "alliance", "network's", "north", "south",
  "east", "west", "central", "upper", "lower", "new", "old", "st", "street's", "highland",
  "highlands", "island", "islands", "zoom", "teams", "microsoft", "google", "facebook",
  "twitter", "whatsapp", "covid", "covid-19", "brexit", "christmas", "easter",
  "chief", "officers", "members", "member", "partners", "partner", "staff", "chair",
  "action", "actions", "agenda", "minutes", "meeting", "meetings", "survey", "workshop",
  "review", "report", "round", "section", "statement",
  /* days and months */
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
  "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december",
  /* words that begin sentences or stand for nobody in particular */
  "i", "we", "you", "he", "she", "they", "it", "the", "a", "an", "this", "that", "these",
  "those", "there", "here", "our", "my", "your", "their", "his", "her", "its", "some",
  "someone", "somebody", "nobody", "no", "none", "everyone", "everybody", "anyone",
  "people", "colleagues", "when", "where", "why", "how", "what", "who", "which", "if",
  "but", "and", "or", "so", "not", "also", "too", "very", "more", "most", "less", "all",
  "each", "every", "both", "many", "much", "few", "other", "others", "another", "one",
  "two", "three", "as", "at", "in", "on", "of", "for", "from", "to", "with", "by",
  "about", "after", "before", "since", "until", "while", "although", "though", "because",
  "yes", "ok", "okay", "thanks", "thank", "please", "overall", "generally", "sometimes",
  "often", "still", "just", "only", "again", "really", "definitely", "perhaps", "maybe",
  "agree", "disagree", "don't", "dont", "can't", "cannot", "would", "could", "should",
  "will", "need", "needs", "good", "better", "great", "poor", "hard", "difficult", "more",
  "less", "lack", "too", "much", "last", "next", "first", "year", "years", "month",
  "week", "weeks", "today", "recently", "previously", "currently", "now", "then",
  NULL
};

static gboolean
in_list (const char * const *list,
         const char         *lower)
{
  return g_strv_contains (list, lower);
}

static void
add_name (TrellisRedactor *self,
          const char      *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_auto(GStrv) parts = g_regex_split_simple ("[^\\w'’-]+", lower, 0, 0);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      g_strv_builder_add (words, parts[i]);
      n++;
      /* A single word of a name counts alone when long enough not to be a word
       * of the sentence by chance ("Al" would, "Fiona" would not). */
      if (g_utf8_strlen (parts[i], -1) >= 3)
        g_hash_table_add (self->name_words, g_strdup (parts[i]));
    }
  if (n > 0)
    g_ptr_array_add (self->names, g_strv_builder_end (words));
}

/**
 * trellis_redactor_new:
 * @names: (nullable): names of the partnership's people, always redacted
 */
TrellisRedactor *
trellis_redactor_new (const char * const *names)
{
  TrellisRedactor *self = g_new0 (TrellisRedactor, 1);

  self->names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->name_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->protected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->email = g_regex_new ("[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+",
                             G_REGEX_OPTIMIZE, 0, NULL);
  /* A UK number: +44 or 0044 (with an optional "(0)"), or a leading 0, possibly in
   * brackets, then digits grouped by single spaces, dashes or brackets. The digits are
   * counted afterwards (phone_is_valid()). */
  self->phone = g_regex_new ("(?<![\\w+.])(?:(?:\\+|00)\\s?44[\\s-]?(?:\\(0\\)[\\s-]?)?|\\(0|0)"
                             "\\d(?:[\\s-]?\\)?[\\s-]?\\d){6,11}(?![\\w])",
                             G_REGEX_OPTIMIZE, 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    add_name (self, names[i]);
  return self;
}

/**
 * trellis_redactor_protect_text:
 *
 * Capitalised words of @text (the checklist's sections and statements, the partnership's
 * name) are the partnership's vocabulary and never taken for names, unless they are on
 * the names list.
 */
void
trellis_redactor_protect_text (TrellisRedactor *self,
                               const char      *text)
{
  g_auto(GStrv) parts = NULL;

  g_return_if_fail (self != NULL);
  if (text == NULL)
    return;

  parts = g_regex_split_simple ("[^\\w'’-]+", text, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_unichar_isupper (g_utf8_get_char (parts[i])))
      g_hash_table_add (self->protected, g_utf8_strdown (parts[i], -1));
}

static void
protect_statement (TrellisRedactor  *self,
                   TrellisStatement *statement)
{
  trellis_redactor_protect_text (self, trellis_statement_get_text (statement));
  for (guint i = 0; i < trellis_statement_get_n_children (statement); i++)
    protect_statement (self, trellis_statement_get_child (statement, i));
}

/**
 * trellis_redactor_new_for_project:
 * @names: (nullable): the names to look for; %NULL for the project's names list
 *
 * Returns: a redactor that knows the names and @project's checklist's words
 */
TrellisRedactor *
trellis_redactor_new_for_project (TrellisProject     *project,
                                  const char * const *names)
{
  TrellisRedactor *self;
  TrellisChecklist *checklist;

  g_return_val_if_fail (TRELLIS_IS_PROJECT (project), NULL);

  self = trellis_redactor_new (names != NULL ? names : trellis_project_get_redact_names (project));
  trellis_redactor_protect_text (self, trellis_project_get_name (project));
  checklist = trellis_project_get_checklist (project);
  for (guint s = 0; s < trellis_checklist_get_n_sections (checklist); s++)
    {
      TrellisSection *section = trellis_checklist_get_section (checklist, s);

      trellis_redactor_protect_text (self, trellis_section_get_title (section));
      for (guint i = 0; i < trellis_section_get_n_statements (section); i++)
        protect_statement (self, trellis_section_get_statement (section, i));
    }
  return self;
}

void
trellis_redactor_free (TrellisRedactor *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->names);
  g_hash_table_unref (self->name_words);
  g_hash_table_unref (self->protected);
  g_regex_unref (self->email);
  g_regex_unref (self->phone);
  g_free (self);
}

const char *
trellis_redact_kind_get_placeholder (TrellisRedactKind kind)
{
  switch (kind)
    {
    case TRELLIS_REDACT_EMAIL:
      return "[e-mail]";
    case TRELLIS_REDACT_PHONE:
      return "[phone]";
    case TRELLIS_REDACT_NAME:
    default:
      return "[name]";
    }
}

/* ---- Shapes: e-mail addresses and telephone numbers ---- */

static void
add_redaction (GArray            *found,
               gsize              start,
               gsize              end,
               TrellisRedactKind  kind)
{
  TrellisRedaction redaction = { start, end, kind };

  g_array_append_val (found, redaction);
}

/* A UK number has 10 or 11 digits, its national form starting with 0 and not 00. */
static gboolean
phone_is_valid (const char *match)
{
  GString *digits = g_string_new (NULL);
  gboolean valid;

  for (const char *p = match; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (match[0] == '+' || g_str_has_prefix (match, "00"))
    {
      /* +44 (0)1382 … and +44 1382 … are both 01382 … */
      g_string_erase (digits, 0, g_str_has_prefix (match, "00") ? 4 : 2);
      if (digits->str[0] != '0')
        g_string_prepend_c (digits, '0');
    }
  valid = (digits->len == 10 || digits->len == 11) && digits->str[0] == '0' && digits->str[1] != '0';
  g_string_free (digits, TRUE);
  return valid;
}

static void
find_shapes (TrellisRedactor *self,
             const char      *text,
             GRegex          *regex,
             TrellisRedactKind kind,
             GArray          *found)
{
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (regex, text, 0, &info);
  while (g_match_info_matches (info))
    {
      int start, end;
      g_autofree char *match = g_match_info_fetch (info, 0);

      g_match_info_fetch_pos (info, 0, &start, &end);
      /* A number followed by another ("07700 900123 or 01382 …") can take digits of
       * the next; trim whole groups from its end until the count fits. */
      while (kind == TRELLIS_REDACT_PHONE && !phone_is_valid (match))
        {
          char *cut = strrchr (match, ' ');

          if (cut == NULL)
            cut = strrchr (match, '-');
          if (cut == NULL)
            break;
          *cut = '\0';
          end = start + (int) (cut - match);
        }
      if (kind != TRELLIS_REDACT_PHONE || phone_is_valid (match))
        {
          /* An e-mail address may end a sentence: its full stop is not part of it. */
          while (end > start && text[end - 1] == '.')
            end--;
          add_redaction (found, (gsize) start, (gsize) end, kind);
        }
      g_match_info_next (info, NULL);
    }
}

/* ---- Words ---- */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '\'' || c == 0x2019 || c == '-';
}

static gboolean
starts_sentence (const char *text,
                 gsize       start)
{
  const char *p = text + start;

  while (p > text)
    {
      gunichar c;

      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) && c != '\n')
        continue;
      if (c == '"' || c == 0x201C || c == '(' || c == '\'' || c == 0x2018 || c == '*')
        continue;
      return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n' || c == '-'
        || c == 0x2013 || c == 0x2022;
    }
  return TRUE;
}

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->lower);
}

static Word
make_word (const char *text,
           gsize       start,
           gsize       end)
{
  Word word = { start, end, NULL, FALSE, FALSE, FALSE, FALSE };
  g_autofree char *raw = NULL;
  gunichar first = g_utf8_get_char (text + start);
  glong n_chars;

  /* "Fiona's" is Fiona: the possessive stays outside what is redacted. */
  if (end - start > 2 && (g_str_has_prefix (text + end - 2, "'s") || g_str_has_prefix (text + end - 2, "'S")))
    word.end = end - 2;
  else if (end - start > 4 && strncmp (text + end - 4, "\xe2\x80\x99s", 4) == 0)
    word.end = end - 4;
  word.possessive = word.end != end;
  raw = g_strndup (text + start, word.end - start);
  word.lower = g_utf8_strdown (raw, -1);
  n_chars = g_utf8_strlen (raw, -1);
  word.initial = n_chars == 1 && g_unichar_isupper (first);
  {
    g_autofree char *upper = g_utf8_strup (raw, -1);
    word.capital = g_unichar_isupper (first) && (n_chars == 1 || g_strcmp0 (upper, raw) != 0);
  }
  word.sentence_start = starts_sentence (text, start);
  return word;
}

static GArray *
split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;

  g_array_set_clear_func (words, word_clear);
  while (*p != '\0')
    {
      const char *start;
      Word word;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      /* "co-ordinator-" or "Jones'" end on a letter. */
      while (p > start + 1 && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
        p = g_utf8_prev_char (p);
      word = make_word (text, (gsize) (start - text), (gsize) (p - text));
      g_array_append_val (words, word);
    }
  return words;
}

#define WORD(words, i) (&g_array_index ((words), Word, (i)))

/* Whether only spaces (and a title's full stop or a comma where @comma) lie between two
 * words: "Dr. Jane Smith" is one name, "Smith. Jane" two sentences. */
static gboolean
adjacent (const char *text,
          Word       *a,
          Word       *b,
          gboolean    comma)
{
  for (gsize i = a->end; i < b->start; i++)
    if (text[i] != ' ' && !(text[i] == '.' && i == a->end) && !(comma && text[i] == ','))
      return FALSE;
  return TRUE;
}

static gboolean
could_be_name (TrellisRedactor *self,
               Word            *word)
{
  if (g_hash_table_contains (self->name_words, word->lower))
    return TRUE;
  return word->capital && !in_list (not_names, word->lower) && !in_list (titles, word->lower)
    && !in_list (roles, word->lower) && !g_hash_table_contains (self->protected, word->lower);
}

/* The capitalised name words from @first on, up to three ("Jane", "Jane Smith", "J.
 * Smith", "Mary Ann O'Neil"); returns the index after the last, @first if none. */
static guint
name_run (TrellisRedactor *self,
          const char      *text,
          GArray          *words,
          guint            first)
{
  guint i = first;

  while (i < words->len && i < first + 3)
    {
      Word *word = WORD (words, i);

      if (!(could_be_name (self, word) || word->initial))
        break;
      if (i > first && !adjacent (text, WORD (words, i - 1), word, FALSE))
        break;
      if (i > first && word->sentence_start && !WORD (words, i - 1)->initial)
        break;
      i++;
    }
  return i;
}

static void
mark_names (GArray *found,
            GArray *words,
            guint   first,
            guint   after)
{
  if (after > first)
    add_redaction (found, WORD (words, first)->start, WORD (words, after - 1)->end,
                   TRELLIS_REDACT_NAME);
}

/* "Cllr Smith", "Dr. Jane Patel": the title goes too, since with it the name is easier
 * to guess. */
static gboolean
find_titled (TrellisRedactor *self,
             const char      *text,
             GArray          *words,
             guint            i,
             GArray          *found)
{
  guint after;

  if (!in_list (titles, WORD (words, i)->lower) || i + 1 >= words->len
      || !adjacent (text, WORD (words, i), WORD (words, i + 1), FALSE))
    return FALSE;
  after = name_run (self, text, words, i + 1);
  /* "Sister" and "Father" are often only family words: they need a name after them. */
  if (after == i + 1)
    return FALSE;
  mark_names (found, words, i, after);
  return TRUE;
}

/* A name on the facilitator's list, whole or a part of it, written with a capital. */
static gboolean
find_listed (TrellisRedactor *self,
             const char      *text,
             GArray          *words,
             guint            i,
             GArray          *found)
{
  for (guint n = 0; n < self->names->len; n++)
    {
      char **parts = g_ptr_array_index (self->names, n);
      guint len = g_strv_length (parts);
      guint k = 0;

      while (k < len && i + k < words->len && g_str_equal (WORD (words, i + k)->lower, parts[k]))
        k++;
      if (k == len)
        {
          mark_names (found, words, i, i + len);
          return TRUE;
        }
    }
  if (WORD (words, i)->capital && g_hash_table_contains (self->name_words, WORD (words, i)->lower))
    {
      mark_names (found, words, i, i + 1);
      return TRUE;
    }
  return FALSE;
}

static gboolean
word_is (GArray     *words,
         guint       i,
         const char *lower)
{
  return i < words->len && g_str_equal (WORD (words, i)->lower, lower);
}

/* Something beside a run of capitalised words that says it is a person: "John from
 * Housing", "the chair, Jane Smith", "Jane (our coordinator)", "Bob said", "ask Graham",
 * "Jim's presentation", "Karen and Steve from the college". */
static gboolean
context_says_person (TrellisRedactor *self,
                     const char      *text,
                     GArray          *words,
                     guint            first,
                     guint            after)
{
  Word *last = WORD (words, after - 1);

  if (after < words->len)
    {
      Word *next = WORD (words, after);

      if (g_str_equal (next->lower, "from") && after + 1 < words->len
          && (WORD (words, after + 1)->capital || word_is (words, after + 1, "the")
              || in_list (not_names, WORD (words, after + 1)->lower)))
        return TRUE;
      if (adjacent (text, last, next, TRUE) && in_list (speech_verbs, next->lower)
          && !WORD (words, first)->sentence_start)
        return TRUE;
      /* At a sentence's start a plural ("Meetings never start on time") is likelier
       * than a name, so a word ending in s needs more than a verb. */
      if (adjacent (text, last, next, FALSE) && in_list (strong_verbs, next->lower)
          && !g_str_has_suffix (last->lower, "s"))
        return TRUE;
      /* "Jane, the chair" / "Jane (our coordinator)" */
      if ((word_is (words, after, "the") || word_is (words, after, "our"))
          && after + 1 < words->len && in_list (roles, WORD (words, after + 1)->lower)
          && strchr (",(", text[last->end]) != NULL && text[last->end] != '\0')
        return TRUE;
      /* A full name and an organisation in brackets: "Colin Murray (Police Scotland)". */
      if (after - first >= 2 && next->capital && strstr (text + last->end, "(") == text + last->end + 1
          && text[last->end] == ' ')
        return TRUE;
      /* "Karen and Steve from the college": the one beside a person is one too. */
      if (g_str_equal (next->lower, "and") && after + 1 < words->len)
        {
          guint other_after = name_run (self, text, words, after + 1);

          if (other_after > after + 1 && context_says_person (self, text, words, after + 1, other_after))
            return TRUE;
        }
    }
  /* "Jim's presentation", but not "St Andrew's Day". */
  if (last->possessive && !(first > 0 && (word_is (words, first - 1, "st") || word_is (words, first - 1, "saint"))))
    return TRUE;
  if (first > 0 && (in_list (roles, WORD (words, first - 1)->lower) || in_list (verbs_before, WORD (words, first - 1)->lower))
      && adjacent (text, WORD (words, first - 1), WORD (words, first), TRUE))
    return TRUE;
  return FALSE;
}

static void
find_names (TrellisRedactor *self,
            const char      *text,
            GArray          *found)
{
  g_autoptr(GArray) words = split_words (text);
  guint i = 0;

  while (i < words->len)
    {
      guint before = found->len;
      guint after;

      if (find_titled (self, text, words, i, found) || find_listed (self, text, words, i, found))
        {
          while (i < words->len && WORD (words, i)->start < g_array_index (found, TrellisRedaction, found->len - 1).end)
            i++;
          continue;
        }
      g_assert (found->len == before);
      after = name_run (self, text, words, i);
      if (after == i)
        {
          i++;
          continue;
        }
      /* Two capitalised words mid-sentence ("spoke to Jane Smith") are a name by
       * themselves; one needs a word beside it that says so. */
      if ((after - i >= 2 && !WORD (words, i)->sentence_start)
          || context_says_person (self, text, words, i, after))
        {
          mark_names (found, words, i, after);
          i = after;
        }
      /* The first word of a sentence is capitalised anyway ("Honestly Derek is…",
       * "Call Sam in Policy"): look again from the next. */
      else if (WORD (words, i)->sentence_start && after - i >= 2)
        i++;
      else
        i = after;
    }
}

static int
compare_redactions (gconstpointer a,
                    gconstpointer b)
{
  const TrellisRedaction *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : (x->end < y->end ? 1 : 0);
}

/* Overlaps are joined: "jane.smith@council.gov.uk" is one e-mail address, not a name
 * inside one. The first found (e-mail, phone, then name) names the whole. */
static void
merge_overlaps (GArray *found)
{
  guint out = 0;

  g_array_sort (found, compare_redactions);
  for (guint i = 0; i < found->len; i++)
    {
      TrellisRedaction *r = &g_array_index (found, TrellisRedaction, i);

      if (out > 0 && r->start < g_array_index (found, TrellisRedaction, out - 1).end)
        {
          TrellisRedaction *prev = &g_array_index (found, TrellisRedaction, out - 1);

          prev->end = MAX (prev->end, r->end);
          if (r->kind != TRELLIS_REDACT_NAME)
            prev->kind = r->kind;
          continue;
        }
      g_array_index (found, TrellisRedaction, out++) = *r;
    }
  g_array_set_size (found, out);
}

/**
 * trellis_redactor_find:
 *
 * Returns: (transfer full) (element-type TrellisRedaction): what in @text identifies
 *   someone, in order, none overlapping
 */
GArray *
trellis_redactor_find (TrellisRedactor *self,
                       const char      *text)
{
  GArray *found;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  found = g_array_new (FALSE, FALSE, sizeof (TrellisRedaction));
  if (!g_utf8_validate (text, -1, NULL))
    return found;
  find_shapes (self, text, self->email, TRELLIS_REDACT_EMAIL, found);
  find_shapes (self, text, self->phone, TRELLIS_REDACT_PHONE, found);
  find_names (self, text, found);
  merge_overlaps (found);
  return found;
}

/**
 * trellis_redactor_apply:
 * @n_found: (out) (optional): how many things were replaced
 *
 * Returns: (transfer full): @text with each name, e-mail address and phone number
 *   replaced by "[name]", "[e-mail]" or "[phone]"
 */
char *
trellis_redactor_apply (TrellisRedactor *self,
                        const char      *text,
                        guint           *n_found)
{
  g_autoptr(GArray) found = NULL;
  GString *out;
  gsize position = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  found = trellis_redactor_find (self, text);
  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < found->len; i++)
    {
      TrellisRedaction *r = &g_array_index (found, TrellisRedaction, i);

      g_string_append_len (out, text + position, (gssize) (r->start - position));
      g_string_append (out, trellis_redact_kind_get_placeholder (r->kind));
      position = r->end;
    }
  g_string_append (out, text + position);
  if (n_found != NULL)
    *n_found = found->len;
  return g_string_free (out, FALSE);
}
