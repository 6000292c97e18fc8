/*
** candidates.c — multi-word term candidates in running text (`glossa
** candidates`): n-grams of 2 to 5 words that stay within punctuation, do not
** start or end with a stop word, and (Russian) do not end in an adjective;
** inflected forms grouped by the stems of their words; ranked by C-value
** (Frantzi, Ananiadou & Mima 2000, "Automatic recognition of multi-word
** terms: the C-value/NC-value method", Int. J. on Digital Libraries 3(2)):
**
**   C-value(a) = log2|a| · f(a)                          if a is not nested,
**              = log2|a| · (f(a) − t(a) / c(a))          otherwise,
**
** where |a| is the number of words, f(a) the frequency, t(a) the frequency of
** a inside longer candidates (each longer candidate b adds f(b) − t(b)) and
** c(a) the number of those candidates. A phrase never seen outside one longer
** candidate is that one's fragment and is left out. The rank score weighs the
** C-value by the term base as the model of the domain:
**
**   score(a) = C-value(a) · (1 + d(a)),
**
** d(a) the share of a's words (stop words aside) whose stems are words of
** glossary terms in the documents' language. Candidates equal to a glossary
** term (same stems) are left out. It also writes the best ones as a TEI skeleton.
*/
#include "glossa_int.h"

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 5    /* words of a candidate; a hyphenated compound (государств-членов) is one */
#define NEST_WORDS 8   /* longer n-grams are counted only to find what is nested in them */
#define MAX_TOKENS 12  /* a compound's parts are tokens, keyed one by one */
#define EXAMPLE_MAX 600   /* bytes of context on each side of an occurrence */

/* ---- stop words ------------------------------------------------------------------------
** Russian: the Snowball stop list (snowballstem.org, algorithms/russian/stop.txt)
** without its content words (жизнь, человек, сказал …), plus the function words
** of official texts (который, также, данный, являться …). English: the Snowball
** English list, shortened. 'p' marks prepositions (and English articles), the
** only stop words allowed inside a candidate («использование ИКТ в преступных
** целях», "use of ICTs"), at most max_inner of them; 'f' the nouns of compound
** prepositions («в рамках», «под эгидой», «в области»), allowed inside; the
** rest may appear nowhere in it. */
struct stop_word {
    const char *word;
    char kind;  /* 'p' preposition, 'f' function noun: inside only; 's' nowhere */
};

static const struct stop_word stop_ru[] = {
    { "в", 'p' }, { "во", 'p' }, { "на", 'p' }, { "с", 'p' }, { "со", 'p' }, { "к", 'p' },
    { "ко", 'p' }, { "о", 'p' }, { "об", 'p' }, { "обо", 'p' }, { "по", 'p' }, { "для", 'p' },
    { "от", 'p' }, { "до", 'p' }, { "из", 'p' }, { "за", 'p' }, { "при", 'p' }, { "без", 'p' },
    { "под", 'p' }, { "над", 'p' }, { "через", 'p' }, { "между", 'p' }, { "про", 'p' },
    { "у", 'p' }, { "перед", 'p' }, { "после", 'p' }, { "против", 'p' }, { "среди", 'p' },
    { "рамках", 'f' }, { "рамки", 'f' }, { "эгидой", 'f' }, { "области", 'f' },
    { "вопросам", 'f' }, { "вопросах", 'f' }, { "качестве", 'f' }, { "основе", 'f' },
    { "ходе", 'f' }, { "соответствии", 'f' }, { "отношении", 'f' }, { "года", 'f' },
    { "году", 'f' }, { "годы", 'f' }, { "годов", 'f' },
    { "и", 's' }, { "не", 's' }, { "что", 's' }, { "он", 's' }, { "я", 's' }, { "как", 's' },
    { "а", 's' }, { "то", 's' }, { "все", 's' }, { "она", 's' }, { "так", 's' }, { "его", 's' },
    { "но", 's' }, { "да", 's' }, { "ты", 's' }, { "же", 's' }, { "вы", 's' }, { "бы", 's' },
    { "только", 's' }, { "ее", 's' }, { "мне", 's' }, { "было", 's' }, { "вот", 's' },
    { "меня", 's' }, { "еще", 's' }, { "нет", 's' }, { "ему", 's' }, { "теперь", 's' },
    { "когда", 's' }, { "даже", 's' }, { "ну", 's' }, { "вдруг", 's' }, { "ли", 's' },
    { "если", 's' }, { "уже", 's' }, { "или", 's' }, { "ни", 's' }, { "быть", 's' },
    { "был", 's' }, { "него", 's' }, { "вас", 's' }, { "нибудь", 's' }, { "опять", 's' },
    { "уж", 's' }, { "вам", 's' }, { "ведь", 's' }, { "там", 's' }, { "потом", 's' },
    { "себя", 's' }, { "ничего", 's' }, { "ей", 's' }, { "может", 's' }, { "они", 's' },
    { "тут", 's' }, { "где", 's' }, { "есть", 's' }, { "надо", 's' }, { "ней", 's' },
    { "мы", 's' }, { "тебя", 's' }, { "их", 's' }, { "чем", 's' }, { "была", 's' },
    { "сам", 's' }, { "чтоб", 's' }, { "будто", 's' }, { "чего", 's' }, { "раз", 's' },
    { "тоже", 's' }, { "себе", 's' }, { "будет", 's' }, { "ж", 's' }, { "тогда", 's' },
    { "кто", 's' }, { "этот", 's' }, { "того", 's' }, { "потому", 's' }, { "этого", 's' },
    { "какой", 's' }, { "совсем", 's' }, { "ним", 's' }, { "здесь", 's' }, { "этом", 's' },
    { "один", 's' }, { "почти", 's' }, { "мой", 's' }, { "тем", 's' }, { "чтобы", 's' },
    { "нее", 's' }, { "сейчас", 's' }, { "были", 's' }, { "куда", 's' }, { "зачем", 's' },
    { "всех", 's' }, { "никогда", 's' }, { "можно", 's' }, { "наконец", 's' }, { "два", 's' },
    { "другой", 's' }, { "хоть", 's' }, { "больше", 's' }, { "тот", 's' }, { "эти", 's' },
    { "нас", 's' }, { "всего", 's' }, { "них", 's' }, { "какая", 's' }, { "много", 's' },
    { "разве", 's' }, { "три", 's' }, { "эту", 's' }, { "моя", 's' }, { "впрочем", 's' },
    { "хорошо", 's' }, { "свою", 's' }, { "этой", 's' }, { "иногда", 's' }, { "лучше", 's' },
    { "чуть", 's' }, { "том", 's' }, { "нельзя", 's' }, { "такой", 's' }, { "им", 's' },
    { "более", 's' }, { "всегда", 's' }, { "конечно", 's' }, { "всю", 's' },
    /* function words of official texts */
    { "также", 's' }, { "который", 's' }, { "которая", 's' }, { "которое", 's' },
    { "которые", 's' }, { "которых", 's' }, { "которым", 's' }, { "которой", 's' },
    { "котором", 's' }, { "которого", 's' }, { "которому", 's' }, { "которыми", 's' },
    { "это", 's' }, { "эта", 's' }, { "этих", 's' }, { "этим", 's' }, { "этими", 's' },
    { "тех", 's' }, { "те", 's' }, { "та", 's' }, { "ту", 's' }, { "такие", 's' },
    { "таких", 's' }, { "такого", 's' }, { "таком", 's' }, { "такая", 's' }, { "такое", 's' },
    { "свой", 's' }, { "свое", 's' }, { "своя", 's' }, { "свои", 's' }, { "своих", 's' },
    { "своей", 's' }, { "своего", 's' }, { "своим", 's' }, { "своими", 's' }, { "своему", 's' },
    { "весь", 's' }, { "вся", 's' }, { "всей", 's' }, { "всем", 's' }, { "всеми", 's' },
    { "всему", 's' }, { "однако", 's' }, { "является", 's' }, { "являются", 's' },
    { "являться", 's' }, { "будут", 's' }, { "могут", 's' }, { "должны", 's' },
    { "должен", 's' }, { "должна", 's' }, { "данный", 's' }, { "данной", 's' },
    { "данного", 's' }, { "данных", 's' }, { "данном", 's' }, { "данные", 's' },
    { "данную", 's' }, { "данным", 's' }, { "числе", 's' }, { "ряд", 's' }, { "ряда", 's' },
    { "иных", 's' }, { "иные", 's' }, { "иной", 's' }, { "иным", 's' }, { "иными", 's' },
    { "ее", 's' }, { "их", 's' }, { "ним", 's' }, { "нем", 's' }, { "ними", 's' },
    { "этому", 's' }, { "тому", 's' }, { "том", 's' }, { "тот", 's' }, { "той", 's' },
    { "также", 's' }, { "т", 's' }, { "е", 's' }, { "др", 's' }, { "г", 's' }, { "гг", 's' },
};

static const struct stop_word stop_en[] = {
    { "of", 'p' }, { "in", 'p' }, { "on", 'p' }, { "for", 'p' }, { "to", 'p' }, { "with", 'p' },
    { "against", 'p' }, { "by", 'p' }, { "from", 'p' }, { "at", 'p' }, { "between", 'p' },
    { "into", 'p' }, { "the", 'p' }, { "a", 'p' }, { "an", 'p' },
    { "and", 's' }, { "or", 's' }, { "but", 's' }, { "if", 's' }, { "about", 's' },
    { "through", 's' }, { "during", 's' }, { "before", 's' }, { "after", 's' }, { "above", 's' },
    { "below", 's' }, { "up", 's' }, { "down", 's' }, { "out", 's' }, { "off", 's' },
    { "over", 's' }, { "under", 's' }, { "again", 's' }, { "further", 's' }, { "then", 's' },
    { "once", 's' }, { "here", 's' }, { "there", 's' }, { "when", 's' }, { "where", 's' },
    { "why", 's' }, { "how", 's' }, { "all", 's' }, { "any", 's' }, { "both", 's' },
    { "each", 's' }, { "few", 's' }, { "more", 's' }, { "most", 's' }, { "other", 's' },
    { "some", 's' }, { "such", 's' }, { "no", 's' }, { "nor", 's' }, { "not", 's' },
    { "only", 's' }, { "own", 's' }, { "same", 's' }, { "so", 's' }, { "than", 's' },
    { "too", 's' }, { "very", 's' }, { "can", 's' }, { "will", 's' }, { "just", 's' },
    { "should", 's' }, { "now", 's' }, { "is", 's' }, { "are", 's' }, { "was", 's' },
    { "were", 's' }, { "be", 's' }, { "been", 's' }, { "being", 's' }, { "have", 's' },
    { "has", 's' }, { "had", 's' }, { "having", 's' }, { "do", 's' }, { "does", 's' },
    { "did", 's' }, { "i", 's' }, { "me", 's' }, { "my", 's' }, { "we", 's' }, { "our", 's' },
    { "you", 's' }, { "your", 's' }, { "he", 's' }, { "him", 's' }, { "his", 's' },
    { "she", 's' }, { "her", 's' }, { "it", 's' }, { "its", 's' }, { "they", 's' },
    { "them", 's' }, { "their", 's' }, { "what", 's' }, { "which", 's' }, { "who", 's' },
    { "whom", 's' }, { "this", 's' }, { "that", 's' }, { "these", 's' }, { "those", 's' },
    { "am", 's' }, { "as", 's' }, { "until", 's' }, { "while", 's' }, { "also", 's' },
    { "may", 's' }, { "must", 's' }, { "shall", 's' }, { "would", 's' }, { "could", 's' },
};

/* Russian word endings that a term does not end with: adjectives and
** participles («в сфере информационной», «угрожающие»). Endings that nouns
** share (-ие of развитие, -ий of технологий, -ой of угрозой) are left alone,
** except after the letters that only adjectives put there. */
static const char *const ru_bad_last[] = {
    "ый", "ые", "ых", "ым", "ыми", "ими", "ого", "его", "ому", "ему", "ая", "яя", "ую", "юю",
    "ое", "ной", "ском", "нном", "кой", "кий", "хий", "щий", "чий", "нний", "кие", "гие",
    "хие", "щие", "шие", "нние", "ся", "сь", "ать", "ять", "ить", "ыть", "ски",
};
/* Nouns that, after a preposition, make a compound preposition («в сфере»,
** «в целях», «с целью»): a candidate may end with one («в информационной
** сфере», «в преступных целях») but not start with one, for what follows is
** governed by the preposition before it («в целях обеспечения …»). */
static const char *const ru_not_first[] = {
    "сфере", "целях", "целью", "интересах", "процессе", "условиях", "случае", "пределах",
    "части", "линии",
};
/* ... and of a first word that is a verb (finite or infinitive). */
static const char *const ru_bad_first[] = {
    "ться", "тся", "ются", "ется", "ает", "яет", "ают", "яют", "уют", "ует", "ать", "ять",
    "ить", "ыть",
};

struct lang_rules {
    const char *lang;
    const struct stop_word *stop;
    size_t n_stop;
    const char *const *bad_last;
    size_t n_bad_last;
    const char *const *bad_first;
    size_t n_bad_first;
    const char *const *not_first;
    size_t n_not_first;
    unsigned max_inner;   /* stop words ('p') inside one candidate */
};

static const struct lang_rules rules[] = {
    { "ru", stop_ru, sizeof stop_ru / sizeof stop_ru[0], ru_bad_last,
      sizeof ru_bad_last / sizeof ru_bad_last[0], ru_bad_first,
      sizeof ru_bad_first / sizeof ru_bad_first[0], ru_not_first,
      sizeof ru_not_first / sizeof ru_not_first[0], 1 },
    { "en", stop_en, sizeof stop_en / sizeof stop_en[0], NULL, 0, NULL, 0, NULL, 0, 2 },
};

/* ---- state ------------------------------------------------------------------------------ */

struct ngram {
    unsigned freq, forms, docs, last_doc;
    unsigned words, tokens;
    long best_form;           /* most frequent form (first seen on ties) */
    double t, cvalue;         /* nested frequency, C-value */
    double domain, score;     /* share of words from the term base; the rank score */
    unsigned c;               /* longer candidates it is nested in */
    int closed;               /* never seen outside one longer listable candidate */
    unsigned named;           /* occurrences that look like a proper name */
    int known;
};

struct form {
    unsigned count;
    unsigned doc;             /* first occurrence */
    size_t start, end;        /* in the clean text of doc */
};

struct cand_doc {
    char *name;
    struct glossa_text text;
};

struct glossa_candidates {
    const struct lang_rules *rules;
    unsigned min_freq;
    int include_known;
    struct glossa_keys *keys;
    struct glossa_strmap stop;     /* normalised stop word → id (kind in stop_kind) */
    char *stop_kind;
    struct glossa_strmap stems;    /* stem → id */
    struct glossa_strmap grams;    /* stem ids (4 bytes each) → n-gram id */
    struct ngram *g;
    size_t cap_g;
    struct glossa_strmap forms;    /* n-gram id (4 bytes) + form text → form id */
    struct form *f;
    size_t cap_f;
    struct glossa_strmap known;    /* stem keys of glossary terms */
    struct glossa_strmap domain;   /* stems of the words of glossary terms, in c->rules->lang */
    struct cand_doc *docs;
    size_t n_docs, cap_docs;
    struct glossa_arena *arena;    /* the ranked list */
    glossa_candidate *ranked;
    size_t n_ranked;
    int ranked_done;
    struct glossa_buf tmp, tmp2;
};


static int ends_with(const char *s, size_t n, const char *end)
{
    size_t k = strlen(end);
    return n > k && memcmp(s + n - k, end, k) == 0;
}

static int ends_with_any(const char *s, size_t n, const char *const *ends, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++)
        if (ends_with(s, n, ends[i]))
            return 1;
    return 0;
}

static int is_any(const char *s, size_t n, const char *const *words, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++)
        if (strlen(words[i]) == n && memcmp(s, words[i], n) == 0)
            return 1;
    return 0;
}

/* Every stem key of a term whose normalised words are p (space-separated),
** into c->known: each word by its stem, and by its second stem where it has
** one (орган: орга, орган), as the n-grams of the text are keyed. */
static int add_known(glossa_candidates *c, const char *p, struct glossa_buf *key, unsigned forks)
{
    const char *sp, *next, *w;
    size_t n, mark = key->len;
    int v, rc;

    if (!*p)
        return glossa__strmap_intern(&c->known, glossa__buf_str(key), key->len, NULL) < 0
                   ? GLOSSA_ENOMEM : 0;
    sp = strchr(p, ' ');
    if (!sp)
        sp = p + strlen(p);
    next = sp + (*sp == ' ');
    for (v = 0; v < 2; v++) {
        if (v == 0 && glossa__stem_token(c->keys, p, (size_t)(sp - p), NULL, &w, &n))
            return GLOSSA_ENOMEM;
        if (v == 1 && (forks >= 3 || (rc = glossa__text_stem_variant(c->keys, p, (size_t)(sp - p),
                                                                     &w, &n)) == 0))
            break;
        if (v == 1 && rc < 0)
            return GLOSSA_ENOMEM;
        if ((key->len && glossa__buf_add(key, " ", 1)) || glossa__buf_add(key, w, n) ||
            add_known(c, next, key, forks + (unsigned)v))
            return GLOSSA_ENOMEM;
        key->len = mark;
        key->data[mark] = '\0';
    }
    return 0;
}

/* The stems of the words of a term (both stems where a word has two) into
** c->domain: the vocabulary of the term base. */
static int add_domain(glossa_candidates *c, const char *norm)
{
    while (*norm) {
        const char *sp = strchr(norm, ' '), *w;
        size_t len = sp ? (size_t)(sp - norm) : strlen(norm), n;
        int rc;
        if (len) {
            if (glossa__stem_token(c->keys, norm, len, NULL, &w, &n) ||
                glossa__strmap_intern(&c->domain, w, n, NULL) < 0)
                return GLOSSA_ENOMEM;
            rc = glossa__text_stem_variant(c->keys, norm, len, &w, &n);
            if (rc < 0 || (rc > 0 && glossa__strmap_intern(&c->domain, w, n, NULL) < 0))
                return GLOSSA_ENOMEM;
        }
        norm += len + (sp != NULL);
    }
    return 0;
}

static int load_known(glossa_candidates *c, sqlite3 *db, const char *path, glossa_error *err)
{
    struct glossa__reader rd = GLOSSA_READER_INIT(path);
    sqlite3_stmt *st = NULL;
    int src = sqlite3_prepare_v2(db, "SELECT norm, lang FROM term", -1, &st, NULL);
    if (src != SQLITE_OK)
        return glossa__error_sqlite(err, db, src, NULL, "cannot read the terms");
    while (!rd.damaged && (src = sqlite3_step(st)) == SQLITE_ROW) {
        const char *norm = glossa__col_text(&rd, st, 0, "term", 0);
        const char *lang = glossa__col_text(&rd, st, 1, "term", GLOSSA_COL_LANG);
        if (glossa__lang_matches(lang, c->rules->lang) && add_domain(c, norm)) {
            sqlite3_finalize(st);
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
        if (!strchr(norm, ' '))
            continue;
        glossa__buf_clear(&c->tmp);
        if (glossa__buf_add(&c->tmp, "", 0) || add_known(c, norm, &c->tmp, 0)) {
            sqlite3_finalize(st);
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    sqlite3_finalize(st);
    if (rd.damaged)
        return (*err = rd.err).code;
    if (src != SQLITE_DONE)
        return glossa__error_sqlite(err, db, src, NULL, "cannot read the terms");
    return 0;
}

int glossa_candidates_new(glossa_candidates **out, glossa_db *db,
                          const glossa_candidates_opts *opts, glossa_error *err)
{
    glossa_candidates_opts defaults = GLOSSA_CANDIDATES_OPTS_INIT;
    glossa_candidates *c;
    const char *lang;
    size_t i;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_CANDIDATES_OPTS_VERSION, "glossa_candidates_opts", err))
        return GLOSSA_EINPUT;
    if (!opts)
        opts = &defaults;
    lang = opts->lang ? opts->lang : "ru";
    for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (glossa__lang_matches(lang, rules[i].lang))
            break;
    if (i == sizeof rules / sizeof rules[0])
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "no stop words for language '%s' (ru and en have them)", lang);
    c = glossa__calloc(1, sizeof *c);
    if (!c)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    c->rules = &rules[i];
    c->min_freq = opts->min_freq ? opts->min_freq : 2;
    c->include_known = opts->include_known;
    glossa__strmap_init(&c->stop);
    glossa__strmap_init(&c->stems);
    glossa__strmap_init(&c->grams);
    glossa__strmap_init(&c->forms);
    glossa__strmap_init(&c->known);
    glossa__strmap_init(&c->domain);
    if ((rc = glossa__keys_new(&c->keys, err)))
        goto fail;
    c->stop_kind = glossa__malloc(c->rules->n_stop + 1);
    if (!c->stop_kind)
        goto oom;
    for (i = 0; i < c->rules->n_stop; i++) {
        const struct stop_word *w = &c->rules->stop[i];
        long id = glossa__strmap_intern(&c->stop, w->word, strlen(w->word), NULL);
        if (id < 0)
            goto oom;
        c->stop_kind[id] = w->kind;
    }
    if (db && (rc = load_known(c, glossa__db_sql(db), glossa__db_path(db), err)))
        goto fail;
    *out = c;
    return 0;
oom:
    rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
fail:
    glossa_candidates_free(c);
    return rc;
}

void glossa_candidates_free(glossa_candidates *c)
{
    size_t i;
    if (!c)
        return;
    for (i = 0; i < c->n_docs; i++) {
        glossa__free(c->docs[i].name);
        glossa__text_release(&c->docs[i].text);
    }
    glossa__free(c->docs);
    glossa__keys_free(c->keys);
    glossa__strmap_release(&c->stop);
    glossa__free(c->stop_kind);
    glossa__strmap_release(&c->stems);
    glossa__strmap_release(&c->grams);
    glossa__strmap_release(&c->forms);
    glossa__strmap_release(&c->known);
    glossa__strmap_release(&c->domain);
    glossa__free(c->g);
    glossa__free(c->f);
    glossa__arena_free(c->arena);
    glossa__free(c->ranked);
    glossa__buf_release(&c->tmp);
    glossa__buf_release(&c->tmp2);
    glossa__free(c);
}

/* ---- counting n-grams -------------------------------------------------------------------- */

enum { W_OK, W_PREP, W_FUNC, W_STOP, W_BAD };

struct word {
    size_t start, end;      /* in the clean text */
    uint32_t stem;          /* stem id */
    unsigned char kind;     /* W_OK; W_PREP, W_FUNC (allowed inside); W_STOP, W_BAD */
    unsigned char capital;  /* written with a capital letter */
    unsigned char initial;  /* first word of a sentence */
    unsigned char first_ok, last_ok;
    unsigned char gap;      /* since the previous word: GLOSSA_GAP_SPACE, _HYPHEN or _BREAK */
};

struct collect {
    glossa_candidates *c;
    const struct glossa_text *t;
    struct word *w;
    size_t n, cap, prev_end;
};

/* I, II, IV, XII … (normalised to lower case): numbers, not words. */
static int roman_numeral(const char *tok, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        if (!strchr("ivxlcdm", tok[i]))
            return 0;
    return len > 0;
}

/* A sentence ends between two words: . ! ? … : ; among what lies between. */
static int sentence_gap(const char *s, size_t from, size_t to)
{
    size_t i;
    for (i = from; i < to; i++)
        if (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ':' || s[i] == ';' ||
            (s[i] == '\xE2' && i + 2 < to && s[i + 1] == '\x80' && s[i + 2] == '\xA6'))
            return 1;
    return 0;
}

static int on_word(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    struct collect *k = ud;
    glossa_candidates *c = k->c;
    const struct lang_rules *r = c->rules;
    struct word *w;
    const char *st;
    size_t sn, i = 0;
    long id;
    int letters = 0, digits = 0;
    (void)flags;

    if (glossa__grow((void **)&k->w, &k->cap, k->n, sizeof *k->w))
        return GLOSSA_ENOMEM;
    w = &k->w[k->n];
    w->start = start;
    w->end = end;
    w->gap = (unsigned char)(k->n > 0 ? glossa__text_gap(k->t, k->prev_end, start)
                                       : GLOSSA_GAP_BREAK);
    w->initial = k->n == 0 || sentence_gap(k->t->clean, k->prev_end, start);
    {
        size_t at = start;
        UChar32 first;
        U8_NEXT((const uint8_t *)k->t->clean, at, end, first);
        w->capital = first > 0 && (u_isupper(first) || u_istitle(first));
    }
    k->prev_end = end;
    while (i < len) {
        UChar32 ch;
        U8_NEXT((const uint8_t *)tok, i, len, ch);
        if (u_isalpha(ch))
            letters++;
        else if (u_isdigit(ch))
            digits++;
    }
    id = glossa__strmap_find(&c->stop, tok, len);
    if (id >= 0)
        w->kind = c->stop_kind[id] == 'p' ? W_PREP : c->stop_kind[id] == 'f' ? W_FUNC : W_STOP;
    else if (digits || letters < 2 || roman_numeral(tok, len))
        w->kind = W_BAD;
    else
        w->kind = W_OK;
    w->first_ok = w->kind == W_OK && !ends_with_any(tok, len, r->bad_first, r->n_bad_first) &&
                  !is_any(tok, len, r->not_first, r->n_not_first);
    w->last_ok = w->kind == W_OK && !ends_with_any(tok, len, r->bad_last, r->n_bad_last);
    if (glossa__stem_token(c->keys, tok, len, NULL, &st, &sn))
        return GLOSSA_ENOMEM;
    id = glossa__strmap_intern(&c->stems, st, sn, NULL);
    if (id < 0)
        return GLOSSA_ENOMEM;
    w->stem = (uint32_t)id;
    k->n++;
    return 0;
}

/* Count the n-gram of tokens [i, i + n) of document doc, of `words` words. */
static int count_gram(glossa_candidates *c, struct collect *k, unsigned doc, size_t i,
                      unsigned n, unsigned words)
{
    uint32_t key[MAX_TOKENS];
    struct ngram *g;
    struct form *f;
    unsigned j;
    long id, fid;
    int added;

    for (j = 0; j < n; j++)
        key[j] = k->w[i + j].stem;
    id = glossa__strmap_intern(&c->grams, (const char *)key, n * sizeof key[0], &added);
    if (id < 0 || glossa__grow((void **)&c->g, &c->cap_g, (size_t)id, sizeof *c->g))
        return GLOSSA_ENOMEM;
    g = &c->g[id];
    if (added) {
        memset(g, 0, sizeof *g);
        g->words = words;
        g->tokens = n;
        g->best_form = -1;
    }
    g->freq++;
    /* a capital inside a sentence makes a name (Организации Объединенных Наций), and
    ** so does one just before (Шанхайской организации сотрудничества) */
    for (j = 0; j < n; j++)
        if (k->w[i + j].capital && !(j == 0 && k->w[i].initial))
            break;
    if (j < n || (i > 0 && k->w[i].gap == GLOSSA_GAP_SPACE && k->w[i - 1].capital &&
                  !k->w[i - 1].initial))
        g->named++;
    if (!g->docs || g->last_doc != doc) {
        g->docs++;
        g->last_doc = doc;
    }
    /* the form as written, keyed with its n-gram */
    glossa__buf_clear(&c->tmp);
    {
        uint32_t gid = (uint32_t)id;
        if (glossa__buf_add(&c->tmp, (const char *)&gid, sizeof gid) ||
            glossa__text_collapsed(k->t, k->w[i].start, k->w[i + n - 1].end, &c->tmp))
            return GLOSSA_ENOMEM;
    }
    fid = glossa__strmap_intern(&c->forms, c->tmp.data, c->tmp.len, &added);
    if (fid < 0 || glossa__grow((void **)&c->f, &c->cap_f, (size_t)fid, sizeof *c->f))
        return GLOSSA_ENOMEM;
    f = &c->f[fid];
    if (added) {
        f->count = 0;
        f->doc = doc;
        f->start = k->w[i].start;
        f->end = k->w[i + n - 1].end;
        g->forms++;
    }
    f->count++;
    if (g->best_form < 0 || f->count > c->f[g->best_form].count)
        g->best_form = fid;
    return 0;
}

/* Every n-gram of 2 to NEST_WORDS words: within punctuation, never starting or
** ending inside a hyphenated compound, first and last words that may start and
** end a term, only prepositions inside (at most max_inner). */
static int count_document(glossa_candidates *c, struct collect *k, unsigned doc)
{
    const struct lang_rules *r = c->rules;
    size_t i;
    for (i = 0; i < k->n; i++) {
        unsigned n, inner = 0, words = 1;
        if (!k->w[i].first_ok || k->w[i].gap == GLOSSA_GAP_HYPHEN)
            continue;
        for (n = 2; n <= MAX_TOKENS && i + n <= k->n; n++) {
            const struct word *last = &k->w[i + n - 1];
            if (last->gap == GLOSSA_GAP_BREAK || last->kind == W_STOP || last->kind == W_BAD)
                break;
            if (last->gap == GLOSSA_GAP_SPACE && ++words > NEST_WORDS)
                break;
            if (n >= 3 && k->w[i + n - 2].kind == W_PREP && ++inner > r->max_inner)
                break;
            if (words < 2 || !last->last_ok)
                continue;
            if (i + n < k->n && k->w[i + n].gap == GLOSSA_GAP_HYPHEN)
                continue; /* the compound goes on */
            if (count_gram(c, k, doc, i, n, words))
                return GLOSSA_ENOMEM;
        }
    }
    return 0;
}

int glossa_candidates_add_buffer(glossa_candidates *c, const char *name, const char *data,
                                 size_t len, glossa_error *err)
{
    struct cand_doc *d;
    struct collect k;
    int rc;

    if (c->ranked_done)
        return glossa__error_set(err, GLOSSA_EINPUT, name, 0, 0,
                                 "documents must be added before ranking");
    if (glossa__grow((void **)&c->docs, &c->cap_docs, c->n_docs, sizeof *c->docs))
        return glossa__error_set(err, GLOSSA_ENOMEM, name, 0, 0, "out of memory");
    d = &c->docs[c->n_docs];
    if ((rc = glossa__text_load(&d->text, data, len, name, err)))
        return rc;
    if (!(d->name = glossa__strdup(name ? name : ""))) {
        glossa__text_release(&d->text);
        return glossa__error_set(err, GLOSSA_ENOMEM, name, 0, 0, "out of memory");
    }
    c->n_docs++;
    memset(&k, 0, sizeof k);
    k.c = c;
    k.t = &d->text;
    rc = glossa__text_tokens(&d->text, glossa__keys_norm(c->keys), on_word, &k);
    if (!rc)
        rc = count_document(c, &k, (unsigned)(c->n_docs - 1));
    glossa__free(k.w);
    if (rc)
        return glossa__error_set(err, rc == GLOSSA_ENOMEM ? GLOSSA_ENOMEM : GLOSSA_ERROR, name,
                                 0, 0, rc == GLOSSA_ENOMEM ? "out of memory"
                                                           : "cannot split the text into words");
    return 0;
}

int glossa_candidates_add_file(glossa_candidates *c, const char *path, glossa_error *err)
{
    char *data;
    size_t len;
    int rc = glossa_read_file(path, GLOSSA_TEXT_MAX, &data, &len, err);
    if (rc)
        return rc;
    rc = glossa_candidates_add_buffer(c, path, data, len, err);
    glossa__free(data);
    return rc;
}

size_t glossa_candidates_documents(const glossa_candidates *c)
{
    return c->n_docs;
}

/* ---- ranking ----------------------------------------------------------------------------- */

/* An n-gram and its length, sorted longest first: what contains another has more tokens. */
struct by_len {
    uint32_t tokens, id;
};

static int by_length_desc(const void *a, const void *b)
{
    const struct by_len *x = a, *y = b;
    if (x->tokens != y->tokens)
        return x->tokens > y->tokens ? -1 : 1;
    return x->id < y->id ? -1 : 1;
}

static int by_rank(const void *a, const void *b)
{
    const glossa_candidate *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->cvalue != y->cvalue)
        return x->cvalue > y->cvalue ? -1 : 1;
    if (x->freq != y->freq)
        return x->freq > y->freq ? -1 : 1;
    if (x->words != y->words)
        return x->words > y->words ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* log2 of 0 … NEST_WORDS words (no libm needed). */
static const double log2_words[NEST_WORDS + 1] = {
    0, 0, 1, 1.5849625007211562, 2, 2.3219280948873622, 2.5849625007211561,
    2.8073549220576041, 3,
};

/* C-value, longest candidates first, each passing its independent frequency
** on to the shorter candidates nested in it (each counted once per longer one).
** As in Frantzi et al., only candidates over the frequency threshold take
** part: a phrase seen once does not make a shorter one look nested. A shorter
** one seen exactly as often as a longer one that can be listed never occurs
** without it: it is a fragment of that one (closed), not a candidate of its own
** («конвенции о противодействии» of «международной конвенции о противодействии»). */
static void compute_cvalues(glossa_candidates *c, const struct by_len *order, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        struct ngram *a = &c->g[order[i].id];
        uint32_t key[MAX_TOKENS], seen[MAX_TOKENS * MAX_TOKENS];
        size_t klen, n_seen = 0, tokens;
        unsigned len, off;
        double independent;
        const char *raw;

        if (a->freq < c->min_freq)
            continue;
        a->cvalue = log2_words[a->words] *
                    (a->c ? (double)a->freq - a->t / (double)a->c : (double)a->freq);
        independent = (double)a->freq - a->t;
        raw = glossa__strmap_key(&c->grams, (long)order[i].id, &klen);
        memcpy(key, raw, klen);
        tokens = klen / sizeof key[0];
        for (len = 2; len < tokens; len++) {
            for (off = 0; off + len <= tokens; off++) {
                uint32_t sub[MAX_TOKENS];
                long b;
                size_t s;
                memcpy(sub, key + off, len * sizeof sub[0]);
                b = glossa__strmap_find(&c->grams, (const char *)sub, len * sizeof sub[0]);
                if (b < 0 || c->g[b].freq < c->min_freq)
                    continue;
                for (s = 0; s < n_seen && seen[s] != (uint32_t)b; s++)
                    ;
                if (s < n_seen)
                    continue;
                seen[n_seen++] = (uint32_t)b;
                c->g[b].t += independent;
                c->g[b].c++;
                if (a->words <= MAX_WORDS && c->g[b].freq == a->freq)
                    c->g[b].closed = 1;
            }
        }
    }
}

/* The stem of token j of an n-gram key (stem ids, 4 bytes each); its length in *len. */
static const char *gram_stem(const glossa_candidates *c, const char *key, size_t j, size_t *len)
{
    uint32_t sid;
    memcpy(&sid, key + j * sizeof sid, sizeof sid);
    return glossa__strmap_key(&c->stems, (long)sid, len);
}

/* The stems of an n-gram, space-separated, in c->tmp. */
static int key_text(glossa_candidates *c, long id)
{
    size_t klen, j;
    const char *raw = glossa__strmap_key(&c->grams, id, &klen);
    glossa__buf_clear(&c->tmp);
    if (glossa__buf_add(&c->tmp, "", 0))
        return GLOSSA_ENOMEM;
    for (j = 0; j < klen / sizeof(uint32_t); j++) {
        size_t sn;
        const char *s = gram_stem(c, raw, j, &sn);
        if ((j && glossa__buf_add(&c->tmp, " ", 1)) || glossa__buf_add(&c->tmp, s, sn))
            return GLOSSA_ENOMEM;
    }
    return 0;
}

static int is_sentence_end(const char *s, size_t len, size_t i)
{
    char ch = s[i];
    if (ch != '.' && ch != '!' && ch != '?' && ch != ';')
        return 0;
    return i + 1 >= len || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\r' ||
           s[i + 1] == '\t';
}

/* The sentence around clean[start, end) of t, on one line, in out. */
static int example(const struct glossa_text *t, size_t start, size_t end, struct glossa_buf *out)
{
    const char *s = t->clean;
    size_t a = start, b = end, lim;
    int cut_left = 0, cut_right = 0;

    lim = start > EXAMPLE_MAX ? start - EXAMPLE_MAX : 0;
    while (a > lim && !is_sentence_end(s, t->clean_len, a - 1))
        a--;
    if (a == lim && lim > 0)
        cut_left = 1;
    while (a < start && (s[a] == ' ' || s[a] == '\n' || s[a] == '\r' || s[a] == '\t'))
        a++;
    while (cut_left && a < start && ((unsigned char)s[a] & 0xC0) == 0x80)
        a++;
    lim = end + EXAMPLE_MAX < t->clean_len ? end + EXAMPLE_MAX : t->clean_len;
    while (b < lim && !is_sentence_end(s, t->clean_len, b))
        b++;
    if (b < lim)
        b++; /* the full stop */
    else if (lim < t->clean_len)
        cut_right = 1;
    while (cut_right && b > end && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    glossa__buf_clear(out);
    if ((cut_left && glossa__buf_adds(out, "…")) || glossa__text_collapsed(t, a, b, out) ||
        (cut_right && glossa__buf_adds(out, "…")))
        return GLOSSA_ENOMEM;
    return 0;
}

static long line_of(const struct glossa_text *t, size_t clean_pos)
{
    struct glossa_text_pos p;
    memset(&p, 0, sizeof p);
    glossa__text_advance(t, &p, glossa__text_orig(t, clean_pos, 0));
    return p.line;
}

/* Shown: at most MAX_WORDS words, frequent enough, a positive C-value, not mostly a proper name, and
** not a glossary term unless asked for. */
static int listed(const glossa_candidates *c, const struct ngram *g)
{
    return g->words <= MAX_WORDS && g->freq >= c->min_freq && g->cvalue > 0 &&
           g->named * 2 <= g->freq && !g->closed &&
           (!g->known || c->include_known);
}

/* The share of the words of n-gram id (prepositions and other stop words
** aside) whose stems are words of glossary terms in the same language. */
static double domain_share(const glossa_candidates *c, long id)
{
    size_t klen, j;
    unsigned words = 0, in_domain = 0;
    const char *raw = glossa__strmap_key(&c->grams, id, &klen);
    if (!c->domain.count)
        return 0;
    for (j = 0; j < klen / sizeof(uint32_t); j++) {
        size_t sn;
        const char *stem = gram_stem(c, raw, j, &sn);
        if (glossa__strmap_find(&c->stop, stem, sn) >= 0)
            continue;
        words++;
        in_domain += glossa__strmap_find(&c->domain, stem, sn) >= 0;
    }
    return words ? (double)in_domain / words : 0;
}

int glossa_candidates_rank(glossa_candidates *c, glossa_error *err)
{
    size_t n = c->grams.count, i, k = 0;
    struct by_len *order = NULL;

    if (c->ranked_done)
        return 0;
    c->ranked_done = 1;
    if (!(c->arena = glossa__arena_new()))
        goto oom;
    order = glossa__malloc((n + 1) * sizeof *order);
    if (!order)
        goto oom;
    for (i = 0; i < n; i++) {
        order[i].id = (uint32_t)i;
        order[i].tokens = c->g[i].tokens;
    }
    qsort(order, n, sizeof *order, by_length_desc);
    compute_cvalues(c, order, n);
    for (i = 0; i < n; i++) {
        struct ngram *g = &c->g[i];
        if (key_text(c, (long)i))
            goto oom;
        g->known = glossa__strmap_find(&c->known, c->tmp.data, c->tmp.len) >= 0;
        g->domain = domain_share(c, (long)i);
        g->score = g->cvalue * (1 + g->domain);
        if (listed(c, g))
            k++;
    }
    c->ranked = glossa__calloc(k + 1, sizeof *c->ranked);
    if (!c->ranked)
        goto oom;
    for (i = 0; i < n; i++) {
        struct ngram *g = &c->g[i];
        glossa_candidate *r;
        const struct form *f;
        const struct cand_doc *d;
        size_t fl;
        const char *ft;
        if (!listed(c, g))
            continue;
        r = &c->ranked[c->n_ranked++];
        f = &c->f[g->best_form];
        d = &c->docs[f->doc];
        ft = glossa__strmap_key(&c->forms, g->best_form, &fl);
        if (key_text(c, (long)i) || !(r->key = glossa__arena_strdup(c->arena, c->tmp.data)))
            goto oom;
        r->text = glossa__arena_alloc(c->arena, fl - sizeof(uint32_t) + 1);
        if (!r->text)
            goto oom;
        memcpy((char *)r->text, ft + sizeof(uint32_t), fl - sizeof(uint32_t));
        ((char *)r->text)[fl - sizeof(uint32_t)] = '\0';
        r->words = g->words;
        r->freq = g->freq;
        r->forms = g->forms;
        r->docs = g->docs;
        r->cvalue = g->cvalue;
        r->domain = g->domain;
        r->score = g->score;
        r->known = g->known;
        r->file = d->name;
        r->line = line_of(&d->text, f->start);
        if (example(&d->text, f->start, f->end, &c->tmp2) ||
            !(r->example = glossa__arena_strdup(c->arena, c->tmp2.data)))
            goto oom;
    }
    qsort(c->ranked, c->n_ranked, sizeof *c->ranked, by_rank);
    glossa__free(order);
    return 0;
oom:
    glossa__free(order);
    return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
}

size_t glossa_candidates_count(const glossa_candidates *c)
{
    return c->n_ranked;
}

const glossa_candidate *glossa_candidates_get(const glossa_candidates *c, size_t i)
{
    return i < c->n_ranked ? &c->ranked[i] : NULL;
}

/* ---- the proposal skeleton --------------------------------------------------------------- */

/* A bibl id for document i: "doc-" and its file name as a slug. */
static int doc_slug(const glossa_candidates *c, size_t i, struct glossa_buf *out)
{
    const char *name = c->docs[i].name, *base = strrchr(name, '/');
    size_t j, start;
    base = base ? base + 1 : name;
    glossa__buf_clear(out);
    if (glossa__buf_addf(out, "doc%zu-", i + 1))
        return GLOSSA_ENOMEM;
    start = out->len;
    for (j = 0; base[j]; j++) {
        char ch = base[j];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
            ch = '-';
        if (ch == '-' && (out->len == start || out->data[out->len - 1] == '-'))
            continue;
        if (glossa__buf_add(out, &ch, 1))
            return GLOSSA_ENOMEM;
    }
    while (out->len > start && out->data[out->len - 1] == '-')
        out->data[--out->len] = '\0';
    if (out->len == start && glossa__buf_adds(out, "text"))
        return GLOSSA_ENOMEM;
    return 0;
}

static size_t doc_index(const glossa_candidates *c, const char *file)
{
    size_t i;
    for (i = 0; i < c->n_docs; i++)
        if (c->docs[i].name == file)
            return i;
    return 0;
}

int glossa_candidates_proposal(const glossa_candidates *c, size_t top, char **out,
                               size_t *out_len, glossa_error *err)
{
    struct glossa_buf b = GLOSSA_BUF_INIT, slug = GLOSSA_BUF_INIT;
    size_t i, written = 0, n = 0;
    int rc = 0;

    for (i = 0; i < c->n_ranked && n < top; i++)
        if (!c->ranked[i].known)
            n++;
    if (n == 0)
        return glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                                 "no candidate to write a proposal of");
    rc = glossa__buf_addf(&b,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\">\n"
        "  <teiHeader>\n"
        "    <fileDesc>\n"
        "      <titleStmt>\n"
        "        <title>Term candidates found by glossa candidates in %zu document%s, for review</title>\n"
        "      </titleStmt>\n"
        "      <publicationStmt>\n"
        "        <p>Multi-word term candidates ranked by C-value (Frantzi, Ananiadou and Mima 2000) "
        "weighted by the share of their words found in glossary terms, "
        "written as proposed concepts of reliability 1. Each entry's editorial note says what a "
        "terminologist must check and add before it can be proposed.</p>\n"
        "      </publicationStmt>\n"
        "      <sourceDesc>\n"
        "        <listBibl>\n",
        c->n_docs, c->n_docs == 1 ? "" : "s");
    for (i = 0; !rc && i < c->n_docs; i++) {
        const char *base = strrchr(c->docs[i].name, '/');
        base = base ? base + 1 : c->docs[i].name;
        rc = doc_slug(c, i, &slug) ||
             glossa__buf_addf(&b, "          <bibl xml:id=\"%s\" type=\"other\"><title>", slug.data) ||
             glossa__xml_escape(&b, *base ? base : "standard input", NULL) ||
             glossa__buf_adds(&b, "</title>") ||
             (*base && (glossa__buf_adds(&b, "<idno type=\"file\">") ||
                        glossa__xml_escape(&b, base, NULL) || glossa__buf_adds(&b, "</idno>"))) ||
             glossa__buf_adds(&b, "</bibl>\n");
    }
    if (!rc)
        rc = glossa__buf_adds(&b, "        </listBibl>\n      </sourceDesc>\n    </fileDesc>\n"
                                  "  </teiHeader>\n  <text>\n    <body>\n");
    for (i = 0; !rc && i < c->n_ranked && written < n; i++) {
        const glossa_candidate *r = &c->ranked[i];
        if (r->known)
            continue;
        written++;
        rc = doc_slug(c, doc_index(c, r->file), &slug) ||
             glossa__buf_addf(&b,
                 "      <entry xml:id=\"candidate-%zu\" type=\"concept\" source=\"#%s\">\n"
                 "        <usg type=\"status\">proposed</usg>\n"
                 "        <usg type=\"reliability\">1</usg>\n"
                 "        <form type=\"term\" xml:lang=\"%s\">\n"
                 "          <orth>", written, slug.data, c->rules->lang) ||
             glossa__xml_escape(&b, r->text, NULL) ||
             glossa__buf_addf(&b, "</orth>\n          <usg type=\"status\">preferred</usg>\n"
                                  "        </form>\n        <sense>\n"
                                  "          <cit type=\"attestation\" xml:lang=\"%s\">\n"
                                  "            <quote>", c->rules->lang) ||
             glossa__xml_escape(&b, r->example, NULL) ||
             glossa__buf_addf(&b, "</quote>\n            <bibl corresp=\"#%s\"/>\n"
                                  "          </cit>\n        </sense>\n", slug.data) ||
             glossa__buf_addf(&b,
                 "        <note type=\"reliability\" xml:lang=\"en\">Not verified: found by a "
                 "program in the documents listed in the header; no definition has been "
                 "agreed.</note>\n"
                 "        <note type=\"editorial\" xml:lang=\"en\">Candidate %zu of glossa "
                 "candidates: score %.2f (C-value %.2f, domain %.0f%%), %u occurrence%s in "
                 "%u form%s, in %u document%s (example: ",
                 written, r->score, r->cvalue, r->domain * 100, r->freq, r->freq == 1 ? "" : "s", r->forms,
                 r->forms == 1 ? "" : "s", r->docs, r->docs == 1 ? "" : "s") ||
             glossa__xml_escape(&b, strrchr(r->file, '/') ? strrchr(r->file, '/') + 1 : r->file,
                                NULL) ||
             glossa__buf_addf(&b,
                 ", line %ld). Before proposing it: write the term in its dictionary form "
                 "(the form above is the one most frequent in the text), give the entry an "
                 "xml:id made from its English term, add Chinese and English equivalents and "
                 "a definition with its source, give the source document its title and date, "
                 "and set the reliability.</note>\n"
                 "      </entry>\n", r->line);
    }
    if (!rc)
        rc = glossa__buf_adds(&b, "    </body>\n  </text>\n</TEI>\n");
    glossa__buf_release(&slug);
    if (rc) {
        glossa__buf_release(&b);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = b.data;
    *out_len = b.len;
    return 0;
}
