/*
** lookup.c — finding concepts by their terms: the tiers and the ranking.
**
** A query is tried, in order of strictness: as stored (exact); as a
** normalised key (norm.c); stemmed, whole and word by word (keys.c); as a
** Latin transliteration key; word prefixes through FTS5; only when all of
** these find nothing, fuzzily (fuzzy.c), and when that finds nothing too,
** the terms inside a longer query (a phrase, a sentence); when nothing
** matched (or only a prefix or fuzzy match of a query that looks mistyped),
** the query is read in the other keyboard layouts (layout.c) and each
** reading looked up through the same tiers. The keys of a query are made
** once, from one pass of the normaliser, and every tier, fuzzy matching and
** highlighting use them. Candidates are merged per concept and ranked by
** match kind, then within the kind, then bm25, then term status, then
** term-base order; results.c loads the best as hits. User text never
** reaches MATCH unquoted: every word is an FTS5 string, except in --mode
** fts, where the user asks for syntax. The index and its statements are
** store.c's (store_int.h).
*/
#include "lookup_int.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {
    "exact", "normalized", "stem", "translit", "prefix", "fuzzy", "fulltext", "fts", "layout",
    "within"
};

const char *glossa_match_kind_name(glossa_match_kind kind)
{
    if ((int)kind >= 0 && (size_t)kind < sizeof kind_names / sizeof kind_names[0])
        return kind_names[kind];
    return "unknown";
}

int glossa_mode_parse(const char *name, glossa_mode *out)
{
    size_t i;
    if (name && strcmp(name, "auto") == 0) {
        *out = GLOSSA_MODE_AUTO;
        return 0;
    }
    for (i = 0; name && i < sizeof kind_names / sizeof kind_names[0]; i++) {
        if (strcmp(name, kind_names[i]) == 0) {
            *out = (glossa_mode)i;
            return 0;
        }
    }
    return GLOSSA_EINPUT;
}

/* ---- collecting candidates ------------------------------------------------------------ */

/* Lower is better. A match of a layout reading ranks as the kind it
** matched by, after the query's own matches of that kind. */
int glossa__candidate_cmp(const struct candidate *a, const struct candidate *b)
{
    if (a->inner != b->inner)
        return a->inner - b->inner;
    if (a->kind != b->kind)
        return a->kind - b->kind;
    if (a->sub != b->sub)
        return a->sub - b->sub;
    if (a->bm25 != b->bm25)
        return a->bm25 < b->bm25 ? -1 : 1;
    if (a->status_rank != b->status_rank)
        return a->status_rank - b->status_rank;
    if (a->concept_id != b->concept_id)
        return a->concept_id < b->concept_id ? -1 : 1;
    return a->term_ord - b->term_ord;
}

int glossa__offer(struct candidates *c, const struct candidate *cand)
{
    size_t i;
    for (i = 0; i < c->n; i++) {
        if (c->items[i].concept_id == cand->concept_id) {
            if (glossa__candidate_cmp(cand, &c->items[i]) < 0)
                c->items[i] = *cand;
            return 0;
        }
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        struct candidate *p = glossa__realloc(c->items, cap * sizeof *p);
        if (!p)
            return GLOSSA_ENOMEM;
        c->items = p;
        c->cap = cap;
    }
    c->items[c->n++] = *cand;
    return 0;
}

/* Columns 0-4 of a candidate query: row id, concept id, (lang), status, ord. */
static struct candidate row_candidate(glossa_db *db, sqlite3_stmt *st, int kind, int sub)
{
    const char *table = kind == GLOSSA_MATCH_FULLTEXT ? "text_fts" : "term";
    struct candidate cand;
    int status = glossa__col_enum(&db->rd, st, 3, table, glossa__term_statuses);
    cand.row_id = glossa__col_int(&db->rd, st, 0, table, 1, GLOSSA_ID_MAX, 0);
    cand.concept_id = glossa__col_int(&db->rd, st, 1, table, 1, GLOSSA_ID_MAX, 0);
    cand.status_rank = status < 0 ? 2 : status;
    cand.term_ord = (int)glossa__col_int(&db->rd, st, 4, table, 0, GLOSSA_ORD_MAX, 0);
    cand.kind = cand.inner = kind;
    cand.layout = NULL;
    cand.sub = sub;
    cand.q_start = cand.q_end = 0;
    cand.bm25 = sqlite3_column_type(st, 5) == SQLITE_FLOAT ? sqlite3_column_double(st, 5) : 0.0;
    return cand;
}

/* Run a bound candidate query; every row in force is offered as (kind, sub). */
static int collect(glossa_db *db, sqlite3_stmt *st, int kind, int sub, const struct query *q,
                   struct candidates *out, glossa_error *err)
{
    const char *from = q->from;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct candidate cand;
        const char *lang =
            glossa__row_lang(db, st, 2, kind == GLOSSA_MATCH_FULLTEXT ? "text_fts" : "term");
        if (from && *from && !glossa__lang_in_list(lang, from))
            continue;
        cand = row_candidate(db, st, kind, sub);
        if (kind != GLOSSA_MATCH_FULLTEXT && !glossa__row_in_force(db, st, 6, "term", q))
            continue;
        if (glossa__offer(out, &cand)) {
            sqlite3_reset(st);
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    return glossa__step_end(db, st, rc, err);
}

/* ---- the keys of a query ------------------------------------------------------------------ */

/* A word of the text: its normalised form goes on the key, where it is on both. */
static int add_word(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    struct query_keys *k = ud;
    struct query_word *w;
    (void)flags;
    if (k->n_words == k->cap_words) {
        size_t cap = k->cap_words ? k->cap_words * 2 : 16;
        struct query_word *more = glossa__realloc(k->words, cap * sizeof *more);
        if (!more)
            return GLOSSA_ENOMEM;
        k->words = more;
        k->cap_words = cap;
    }
    if (k->key.len && glossa__buf_add(&k->key, " ", 1))
        return GLOSSA_ENOMEM;
    w = &k->words[k->n_words++];
    w->start = start;
    w->end = end;
    w->at = k->key.len;
    w->len = len;
    return glossa__buf_add(&k->key, tok, len);
}

/* q's words, normalised key (glossa__norm_key's) and stem key (stemmed by
** the stemmer of stem_lang, or with NULL by each word's script), from one
** pass of the normaliser over q's text. */
static int make_keys(glossa_db *db, const struct query *q, const char *stem_lang)
{
    struct query_keys *k = q->keys;
    k->n_words = 0;
    glossa__buf_clear(&k->key);
    if (glossa__buf_add(&k->key, "", 0) ||
        glossa__norm_tokens(glossa__keys_norm(db->keys), q->text, q->len, add_word, k) ||
        glossa__stem_key_of_norm(db->keys, glossa__buf_str(&k->key), k->key.len, stem_lang,
                                 &k->stem))
        return GLOSSA_ENOMEM;
    return 0;
}

void glossa__release_keys(struct query_keys *k)
{
    glossa__buf_release(&k->key);
    glossa__buf_release(&k->stem);
    glossa__buf_release(&k->translit);
    glossa__buf_release(&k->translit_uz);
    glossa__buf_release(&k->marked);
    glossa__buf_release(&k->fts);
    glossa__free(k->words);
}

/* The key the second reading of q's Latin is made from: a word the query
** ends with an apostrophe keeps it (as U+02BC, as one between letters): in
** Kazakh's 2017 alphabet it marks the letter before (qary' is қару, y' у).
** NULL when no word ends so (the key itself serves), or out of memory (*rc). */
static const char *marked_key(struct query_keys *k, const struct query *q, int *rc)
{
    size_t w;
    int marked = 0;
    glossa__buf_clear(&k->marked);
    *rc = glossa__buf_add(&k->marked, "", 0);
    for (w = 0; w < k->n_words && !*rc; w++) {
        const struct query_word *word = &k->words[w];
        int32_t at = (int32_t)word->end;
        UChar32 c = 0;
        char last = word->len ? k->key.data[word->at + word->len - 1] : 0;
        if (w && (*rc = glossa__buf_add(&k->marked, " ", 1)))
            break;
        *rc = glossa__buf_add(&k->marked, k->key.data + word->at, word->len);
        if (word->end < q->len)
            U8_NEXT((const uint8_t *)q->text, at, (int32_t)q->len, c);
        if (!*rc && last >= 'a' && last <= 'z' && glossa__is_apostrophe(c)) {
            *rc = glossa__buf_adds(&k->marked, "\xCA\xBC");
            marked = 1;
        }
    }
    return marked && !*rc ? glossa__buf_str(&k->marked) : NULL;
}

/* ---- FTS5 query strings ------------------------------------------------------------------ */

static int is_operator(const char *s, size_t n)
{
    return (n == 3 && (memcmp(s, "AND", 3) == 0 || memcmp(s, "NOT", 3) == 0)) ||
           (n == 2 && memcmp(s, "OR", 2) == 0) || (n == 4 && memcmp(s, "NEAR", 4) == 0);
}

/* The words of q as FTS5 strings in q's keys' fts: "a" "b" means a AND b.
** stem: each word stemmed (by its script); prefix: "word"*, and Chinese
** words become their characters. Boolean operators typed in capitals beside
** other words ("information AND security", "NEAR(a b)") say what the user
** wants, all words, and are not words to find. */
static int build_fts(glossa_db *db, const struct query *q, int stem, int prefix)
{
    struct query_keys *k = q->keys;
    size_t w;
    glossa__buf_clear(&k->fts);
    for (w = 0; w < k->n_words; w++) {
        const char *tok = k->key.data + k->words[w].at;
        size_t len = k->words[w].len;
        int32_t i = 0, first;
        UChar32 c;
        if (k->n_words > 1 &&
            is_operator(q->text + k->words[w].start, k->words[w].end - k->words[w].start))
            continue;
        if (stem && glossa__stem_token(db->keys, tok, len, NULL, &tok, &len))
            return GLOSSA_ENOMEM;
        U8_NEXT((const uint8_t *)tok, i, (int32_t)len, c);
        if (!prefix || !glossa__is_han(c)) {
            if (glossa__fts_string(&k->fts, tok, len, prefix))
                return GLOSSA_ENOMEM;
            continue;
        }
        /* each character on its own: the index holds them colocated */
        for (i = 0; i < (int32_t)len;) {
            first = i;
            U8_NEXT((const uint8_t *)tok, i, (int32_t)len, c);
            if (glossa__fts_string(&k->fts, tok + first, (size_t)(i - first), 0))
                return GLOSSA_ENOMEM;
        }
    }
    return 0;
}

/* ---- the tiers -------------------------------------------------------------------------------- */

int glossa__bind_and_collect(glossa_db *db, int which, const char *a, const char *b, int kind,
                             int sub, const struct query *q, struct candidates *out,
                             glossa_error *err)
{
    sqlite3_stmt *st = db->q[which];
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    return collect(db, st, kind, sub, q, out, err);
}

int glossa__scan_scripts(struct query *q)
{
    int32_t i = 0, len = (int32_t)q->len;
    while (i < len) {
        UChar32 c;
        U8_NEXT((const uint8_t *)q->text, i, len, c);
        if (glossa__is_han(c))
            q->has_han = 1;
        else if (c >= 0x0400 && c <= 0x052F)
            q->has_cyrillic = 1;
    }
    return 0;
}

/* The fuzzy tier (fuzzy.c): the terms that share enough segments with the
** query's key or stem, then the edit distance of the normalised and the
** stemmed forms decide. */
static int collect_fuzzy(glossa_db *db, const struct query *q, struct candidates *out,
                         glossa_error *err)
{
    sqlite3_stmt *st = db->q[Q_FUZZY_ROW];
    struct glossa__fuzzy *f = glossa__malloc(sizeof *f);
    sqlite3_int64 *ids = NULL;
    size_t n = 0, i;
    int rc = 0;

    if (!f)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (glossa__fuzzy_plan(f, q->keys))
        rc = glossa__fuzzy_candidates(db, f, &ids, &n, err);
    for (i = 0; i < n && !rc; i++) {
        sqlite3_bind_int64(st, 1, ids[i]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *norm = glossa__col_text(&db->rd, st, 5, "term", 0);
            const char *stem = glossa__col_text(&db->rd, st, 6, "term", 0);
            struct candidate cand;
            int d;
            if (q->from && *q->from &&
                !glossa__lang_in_list(glossa__row_lang(db, st, 2, "term"), q->from))
                continue;
            if ((d = glossa__fuzzy_distance(f, norm, stem)) < 0)
                continue;
            cand = row_candidate(db, st, GLOSSA_MATCH_FUZZY, d);
            cand.bm25 = 0;
            if (!glossa__row_in_force(db, st, 7, "term", q))
                continue;
            if (glossa__offer(out, &cand)) {
                sqlite3_reset(st);
                rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
        }
        if (rc >= 0) /* an SQLite code, not the error set above */
            rc = glossa__step_end(db, st, rc, err);
    }
    glossa__free(ids);
    glossa__free(f);
    return rc;
}

#define WANT(m) (mode == GLOSSA_MODE_AUTO || mode == MODE_STRICT || mode == (glossa_mode)(m))

/* ---- a phrase holding terms ------------------------------------------------------------ */

/* The most words of a query the within tier reads (a sentence; a whole text
** is scan's work). */
#define WITHIN_WORDS 24

/* A query longer than any term (a phrase, a sentence pasted whole): the terms
** inside it, as scan finds them in a text — the longest run of words first,
** leftmost, runs that do not overlap — each a candidate GLOSSA_MATCH_WITHIN,
** ranked by how many words it covers, with where it is in the query. A run
** matches a term by its normalised key, else its stem key. */
int glossa__collect_within(glossa_db *db, const struct query *q, const char *stem_lang,
                           struct candidates *out, glossa_error *err)
{
    struct query_keys *k = q->keys;
    size_t n = k->n_words < WITHIN_WORDS ? k->n_words : WITHIN_WORDS, len, i, j;
    unsigned char taken[WITHIN_WORDS] = { 0 };
    struct glossa_buf span = GLOSSA_BUF_INIT, stem = GLOSSA_BUF_INIT;
    int rc = 0;

    for (len = n - 1; len >= 1 && !rc && n >= 2; len--) {
        for (i = 0; i + len <= n && !rc; i++) {
            size_t before = out->n, from = k->words[i].at;
            int free_run = 1;
            for (j = i; j < i + len; j++)
                free_run &= !taken[j];
            if (!free_run)
                continue;
            glossa__buf_clear(&span);
            if (glossa__buf_add(&span, k->key.data + from,
                                k->words[i + len - 1].at + k->words[i + len - 1].len - from)) {
                rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
            rc = glossa__bind_and_collect(db, Q_NORM, glossa__buf_str(&span), NULL,
                                          GLOSSA_MATCH_WITHIN, (int)(n - len), q, out, err);
            if (!rc && out->n == before) { /* the stem key only when the key missed */
                if (glossa__stem_key_of_norm(db->keys, glossa__buf_str(&span), span.len,
                                             stem_lang, &stem)) {
                    rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
                    break;
                }
                rc = glossa__bind_and_collect(db, Q_STEM, glossa__buf_str(&stem), NULL,
                                              GLOSSA_MATCH_WITHIN, (int)(n - len), q, out, err);
            }
            if (rc || out->n == before)
                continue;
            for (j = i; j < i + len; j++)
                taken[j] = 1;
            for (j = 0; j < out->n; j++)   /* where the new ones are in the query */
                if (out->items[j].kind == GLOSSA_MATCH_WITHIN && !out->items[j].q_end) {
                    out->items[j].q_start = k->words[i].start;
                    out->items[j].q_end = k->words[i + len - 1].end;
                }
        }
    }
    glossa__buf_release(&span);
    glossa__buf_release(&stem);
    return rc;
}

/* 1 when a word of a normalised key (len bytes) is a Russian or Belarusian
** preposition: a term opens with none, a phrase copied from a sentence may
** («об информационном оружии»). */
static int is_preposition(const char *word, size_t len)
{
    /* the primary (simple) prepositions, as a normalised key has them (ё is е) */
    static const char *const words[] = {
        /* Russian */
        "без", "безо", "в", "во", "для", "до", "за", "из", "изо", "к", "ко", "между", "на",
        "над", "надо", "о", "об", "обо", "от", "ото", "перед", "передо", "по", "под", "подо",
        "при", "про", "с", "со", "среди", "у", "через",
        /* Belarusian (the rest as Russian) */
        "аб", "ад", "ва", "да", "з", "ка", "па", "пад", "перад", "пра", "праз", "пры", "са",
        "ў",
    };
    size_t i;
    for (i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == len && memcmp(words[i], word, len) == 0)
            return 1;
    return 0;
}

/* Every candidate of out (if any) is a term that holds the query's words. */
static int only_word_matches(const struct candidates *out)
{
    size_t i;
    for (i = 0; i < out->n; i++)
        if (out->items[i].kind != GLOSSA_MATCH_STEM || out->items[i].sub != 1)
            return 0;
    return 1;
}

/* q opens with a preposition and its stricter tiers found no term that is
** q (at most terms that hold its words): the rest
** of it looked up by every tier (a term opens with no preposition, and the
** prefix tier would read «об» as a prefix of «обеспечения»). The spans of
** the terms inside it are made spans of q. */
static int after_preposition(glossa_db *db, const struct query *q, glossa_mode mode,
                             struct candidates *out, glossa_error *err)
{
    size_t skip = q->keys->words[1].start, i, had = out->n;
    struct query sub = *q;
    int rc;
    sub.text = q->text + skip;
    sub.len = q->len - skip;
    rc = glossa__run_tiers(db, &sub, mode, 0, out, err);
    for (i = had; !rc && i < out->n; i++)
        if (out->items[i].q_end) {
            out->items[i].q_start += skip;
            out->items[i].q_end += skip;
        }
    return rc;
}

/* Chinese in Simplified characters with Taiwan or Hong Kong wording (资讯战
** for 資訊戰) that found nothing: folded to Simplified, such a word stays as
** written; read in Traditional characters, the fold makes it mainland
** wording (信息战). q looked up so by every tier; 1 when q reads the same
** in Traditional characters (nothing done). */
static int han_reread(glossa_db *db, const struct query *q, glossa_mode mode,
                      struct candidates *out, glossa_error *err)
{
    char *trad = glossa__han_traditional(glossa__keys_norm(db->keys), q->text, q->len);
    struct query sub = *q;
    size_t i, had = out->n;
    int rc;
    if (!trad)
        return 1;
    sub.text = trad;
    sub.len = strlen(trad);
    sub.reread = 1;
    rc = glossa__run_tiers(db, &sub, mode, 0, out, err);
    for (i = had; !rc && i < out->n; i++) {
        if (out->items[i].kind == GLOSSA_MATCH_EXACT) /* the reading is, not the query */
            out->items[i].kind = GLOSSA_MATCH_NORMALIZED;
        if (out->items[i].q_end && sub.len != q->len) { /* spans of another length: */
            out->items[i].q_start = 0;                  /* the query whole */
            out->items[i].q_end = q->len;
        }
    }
    glossa__free(trad);
    return rc;
}

/* The one language of a --from list ("ru", " ru "), in out; NULL for none or several. */
static const char *single_language(const char *list, char *out, size_t size)
{
    const char *cur = list, *item, *found = NULL;
    size_t len, found_len = 0;
    while (glossa_list_next(&cur, &item, &len)) {
        if (!len)
            continue;
        if (found)
            return NULL;
        found = item, found_len = len;
    }
    if (!found || found_len >= size)
        return NULL;
    memcpy(out, found, found_len);
    out[found_len] = '\0';
    return out;
}

/* The transliteration key of a query with no Latin or Cyrillic letter (the
** caller leaves Han out: its key is pinyin of the characters as written) that
** is some term's normalised key as it is, in out: that term's stored key,
** when the term was keyed in the generic reading, as the query is (the same
** text, the same reading: the same key; only Latin and Cyrillic read
** otherwise in the second reading), so that no transliterator is opened (ICU
** builds its registry at the first one: 13 ms of a Persian lookup's 24). 1
** when out holds it, 0 when the key must be computed, or an error. */
static int stored_translit(glossa_db *db, const struct query_keys *k, struct glossa_buf *out)
{
    sqlite3_stmt *st = db->q[Q_TRANSLIT_OF];
    const char *key = glossa__buf_str(&k->key);
    int32_t i = 0, len = (int32_t)k->key.len;
    int found = 0;

    while (i < len) {
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script;
        UChar32 c;
        U8_NEXT((const uint8_t *)key, i, len, c);
        script = c < 0 ? USCRIPT_LATIN : uscript_getScript(c, &status);
        if (U_FAILURE(status) || script == USCRIPT_LATIN || script == USCRIPT_CYRILLIC)
            return 0;
    }
    sqlite3_bind_text(st, 1, key, (int)k->key.len, SQLITE_STATIC);
    while (!found && sqlite3_step(st) == SQLITE_ROW) {
        const char *lang = glossa__col_text(&db->rd, st, 1, "term", GLOSSA_COL_LANG);
        const char *tr = glossa__col_text(&db->rd, st, 0, "term", 0);
        if (lang && tr && glossa__translit_variant(lang) == GLOSSA_TR_GENERIC) {
            glossa__buf_clear(out);
            if (glossa__buf_adds(out, tr)) {
                sqlite3_reset(st);
                return GLOSSA_ENOMEM;
            }
            found = 1;
        }
    }
    sqlite3_reset(st);
    return db->rd.damaged ? 0 : found;
}

int glossa__collect_fulltext(glossa_db *db, struct query *q, struct candidates *out,
                             glossa_error *err)
{
    struct query_keys *k = q->keys;
    if (!k->key.len)
        return 0;
    /* text_fts's tokenizer ('glossa stem') stems the query words itself:
    ** stemming them here too would stem twice, and a stem stemmed again
    ** is not always the same stem (лыфаный → лыфан → лыф) */
    if (build_fts(db, q, 0, 0))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    return k->fts.len ? glossa__bind_and_collect(db, Q_TEXT, k->fts.data, NULL,
                                                 GLOSSA_MATCH_FULLTEXT, 0, q, out, err)
                      : 0;
}

/* GLOSSA__LOOKUP_BEST_KIND: a tier of q found more than had, and no looser
** tier can match better (word matches alone may yet give way: after_preposition). */
static int best_kind_found(const struct query *q, glossa_mode mode, const struct candidates *out,
                           size_t had)
{
    return (q->flags & GLOSSA__LOOKUP_BEST_KIND) && mode == GLOSSA_MODE_AUTO && out->n > had &&
           !only_word_matches(out);
}

int glossa__run_tiers(glossa_db *db, struct query *q, glossa_mode mode, int in_definitions,
                      struct candidates *out, glossa_error *err)
{
    char one[64];
    const char *from_stem = single_language(q->from, one, sizeof one);
    struct query_keys *k = q->keys;
    size_t had = out->n;
    int rc = 0;

    if (mode == GLOSSA_MODE_FTS) {
        sqlite3_stmt *st = db->q[Q_PREFIX];
        sqlite3_bind_text(st, 1, q->text, (int)q->len, SQLITE_STATIC);
        rc = collect(db, st, GLOSSA_MATCH_FTS, 0, q, out, err);
        if (rc && err && err->code != GLOSSA_ENOMEM)
            return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                     "not a valid FTS5 query: %s", sqlite3_errmsg(db->sql));
        return rc;
    }
    if (make_keys(db, q, from_stem && glossa__keys_can_stem(from_stem) ? from_stem : NULL))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (in_definitions || mode == GLOSSA_MODE_FULLTEXT)
        return glossa__collect_fulltext(db, q, out, err);
    if (WANT(GLOSSA_MODE_EXACT) &&
        (rc = glossa__bind_and_collect(db, Q_EXACT, q->text, NULL, GLOSSA_MATCH_EXACT, 0, q, out, err)))
        return rc;
    if (!k->key.len || best_kind_found(q, mode, out, had))
        return 0; /* nothing but punctuation (no words to match), or the best kind found */
    if ((WANT(GLOSSA_MODE_NORMALIZED) &&
         (rc = glossa__bind_and_collect(db, Q_NORM, k->key.data, NULL, GLOSSA_MATCH_NORMALIZED, 0,
                                        q, out, err))) || best_kind_found(q, mode, out, had))
        return rc;
    if (WANT(GLOSSA_MODE_STEM)) {
        if ((rc = glossa__bind_and_collect(db, Q_STEM, glossa__buf_str(&k->stem), NULL,
                                   GLOSSA_MATCH_STEM, 0, q, out, err)))
            return rc;
        if (build_fts(db, q, 1, 0))
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        if ((k->fts.len && (rc = glossa__bind_and_collect(db, Q_STEM_FTS, k->fts.data, NULL,
                                                  GLOSSA_MATCH_STEM, 1, q, out, err))) ||
            best_kind_found(q, mode, out, had))
            return rc;
    }
    if (WANT(GLOSSA_MODE_TRANSLIT) && !q->has_han) {
        /* a term as it is, with no Latin or Cyrillic letter: its stored key,
        ** which is the second reading's too */
        int stored = stored_translit(db, k, &k->translit);
        int tr = stored < 0 ? stored
                 : stored ? 0
                          : glossa__translit_key_of_norm(db->keys, glossa__buf_str(&k->key),
                                                         k->key.len, 0, &k->translit);
        const char *second = tr || stored ? NULL : marked_key(k, q, &tr);
        if (!tr && stored) {
            glossa__buf_clear(&k->translit_uz);
            tr = glossa__buf_add(&k->translit_uz, glossa__buf_str(&k->translit), k->translit.len);
        } else if (!tr) {
            tr = glossa__translit_key_of_norm(db->keys, second ? second : glossa__buf_str(&k->key),
                                              second ? k->marked.len : k->key.len,
                                              GLOSSA_TR_SECOND, &k->translit_uz);
        }
        if (tr == GLOSSA_ENOMEM)
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        if (!tr && k->translit.len >= 3 &&
            (rc = glossa__bind_and_collect(db, Q_TRANSLIT, k->translit.data,
                                   glossa__buf_str(&k->translit_uz), GLOSSA_MATCH_TRANSLIT, 0,
                                   q, out, err)))
            return rc;
        /* Russian terms are indexed stemmed: an inflected romanisation */
        if (!tr && out->n == 0 &&
            !(tr = glossa__translit_key_of_norm(db->keys, glossa__buf_str(&k->key), k->key.len,
                                                GLOSSA_TR_STEM, &k->translit)) &&
            k->translit.len >= 3 &&
            (rc = glossa__bind_and_collect(db, Q_TRANSLIT, k->translit.data, k->translit.data,
                                   GLOSSA_MATCH_TRANSLIT, 0, q, out, err)))
            return rc;
        /* Polish, Czech and Łacinka romanisations (ch = х): read so only
        ** when the query has their letters and the readings above found nothing */
        if (!tr && out->n == 0 &&
            (tr = glossa__translit_reading_of_norm(db->keys, glossa__buf_str(&k->key), k->key.len,
                                                   GLOSSA_TR_WEST, &k->translit_uz)) > 0 &&
            !(tr = glossa__translit_key_of_norm(db->keys, glossa__buf_str(&k->key), k->key.len,
                                                GLOSSA_TR_WEST | GLOSSA_TR_STEM, &k->translit)) &&
            k->translit_uz.len >= 3 &&
            (rc = glossa__bind_and_collect(db, Q_TRANSLIT, glossa__buf_str(&k->translit_uz),
                                           glossa__buf_str(&k->translit), GLOSSA_MATCH_TRANSLIT, 0,
                                           q, out, err)))
            return rc;
        if (tr == GLOSSA_ENOMEM || best_kind_found(q, mode, out, had))
            return tr == GLOSSA_ENOMEM ? glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0,
                                                           "out of memory") : 0;
    }
    /* a phrase copied from a sentence («об информационном оружии», «в
    ** информационном пространстве»): no term is the query, at most a longer
    ** one holds its words */
    if ((mode == GLOSSA_MODE_AUTO || mode == MODE_STRICT) && only_word_matches(out) &&
        k->n_words >= 2 && is_preposition(k->key.data + k->words[0].at, k->words[0].len))
        return after_preposition(db, q, mode, out, err);
    if (WANT(GLOSSA_MODE_PREFIX)) {
        if (build_fts(db, q, 0, 1))
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        if (k->fts.len && (rc = glossa__bind_and_collect(db, Q_PREFIX, k->fts.data, NULL,
                                                  GLOSSA_MATCH_PREFIX, 0, q, out, err)))
            return rc;
    }
    if ((mode == GLOSSA_MODE_AUTO || mode == MODE_STRICT) && out->n == 0 && q->has_han &&
        !q->reread && (rc = han_reread(db, q, mode, out, err)) != 1)
        return rc;
    rc = 0;
    if ((mode == GLOSSA_MODE_AUTO && out->n == 0) || mode == GLOSSA_MODE_FUZZY)
        rc = collect_fuzzy(db, q, out, err);
    /* after fuzzy: a typo in a term is that term, not a shorter term inside it */
    if (!rc && ((mode == GLOSSA_MODE_AUTO && out->n == 0) || mode == GLOSSA_MODE_WITHIN))
        rc = glossa__collect_within(db, q, from_stem && glossa__keys_can_stem(from_stem) ? from_stem
                                                                                  : NULL, out, err);
    return rc;
}
