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
** term (same stems) are left out.
**
** This file: the language rules (stop words, endings), the session (the
** glossary's terms and their words, from the index) and the counting of
** n-grams and their forms in each document. candidates_rank.c computes the
** C-values and the ranked list, candidates_tei.c writes the best ones as a TEI
** proposal skeleton (candidates_int.h: what the three share).
*/
#include "candidates_int.h"

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string.h>

/* ---- stop words ------------------------------------------------------------------------
** Russian: the Snowball stop list (snowballstem.org, algorithms/russian/stop.txt)
** without its content words (жизнь, человек, сказал …), plus the function words
** of official texts (который, также, данный, являться …). English: the Snowball
** English list, shortened. 'p' marks prepositions (and English articles), the
** only stop words allowed inside a candidate («использование ИКТ в преступных
** целях», "use of ICTs"), at most max_inner of them; 'f' the nouns of compound
** prepositions («в рамках», «под эгидой», «в области»), allowed inside; the
** rest may appear nowhere in it. */
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

static const struct lang_rules rules[] = {
    { "ru", stop_ru, sizeof stop_ru / sizeof stop_ru[0], ru_bad_last,
      sizeof ru_bad_last / sizeof ru_bad_last[0], ru_bad_first,
      sizeof ru_bad_first / sizeof ru_bad_first[0], ru_not_first,
      sizeof ru_not_first / sizeof ru_not_first[0], 1 },
    { "en", stop_en, sizeof stop_en / sizeof stop_en[0], NULL, 0, NULL, 0, NULL, 0, 2 },
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
