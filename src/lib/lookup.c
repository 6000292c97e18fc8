/*
** lookup.c — opening an index and finding concepts by their terms.
**
** A query is tried, in order of strictness: as stored (exact); as a
** normalised key (norm.c); stemmed, whole and word by word (keys.c); as a
** Latin transliteration key; word prefixes through FTS5; and only when all
** of these find nothing, fuzzily (trigram candidates, then edit distance on
** normalised and stemmed forms). Candidates are merged per concept and
** ranked by match kind, then within the kind, then bm25, then term status,
** then term-base order. User text never reaches MATCH unquoted: every word
** is an FTS5 string, except in --mode fts, where the user asks for syntax.
*/
#include "glossa_int.h"

#include <sqlite3.h>
#include <unicode/utf8.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
    Q_EXACT, Q_NORM, Q_STEM, Q_STEM_FTS, Q_TRANSLIT, Q_PREFIX, Q_FUZZY, Q_TEXT,
    Q_CONCEPT, Q_MATCHED, Q_TEXT_ROW, Q_TERMS, Q_DEFS, Q_NOTES, Q_BY_ID, Q_COUNT
};

/* Every candidate query selects: term id, concept id, lang, status, ord, a
** rank (bm25, or the keys for the fuzzy comparison), and the term's dates in
** force (columns 6-7; fuzzy 7-8), so that no row needs another query. */
static const char *const queries[Q_COUNT] = {
    "SELECT id, concept_id, lang, status, ord, 0, valid_from, valid_to FROM term WHERE text = ?1",
    "SELECT id, concept_id, lang, status, ord, 0, valid_from, valid_to FROM term WHERE norm = ?1",
    "SELECT id, concept_id, lang, status, ord, 0, valid_from, valid_to FROM term WHERE stem = ?1",
    "SELECT t.id, t.concept_id, t.lang, t.status, t.ord, bm25(term_stem_fts), t.valid_from,"
    " t.valid_to FROM term_stem_fts"
    " JOIN term t ON t.id = term_stem_fts.rowid WHERE term_stem_fts MATCH ?1"
    " ORDER BY bm25(term_stem_fts) LIMIT 500",
    "SELECT id, concept_id, lang, status, ord, 0, valid_from, valid_to FROM term"
    " WHERE translit IN (?1, ?2)",
    "SELECT t.id, t.concept_id, t.lang, t.status, t.ord, bm25(term_fts), t.valid_from, t.valid_to"
    " FROM term_fts"
    " JOIN term t ON t.id = term_fts.rowid WHERE term_fts MATCH ?1"
    " ORDER BY bm25(term_fts) LIMIT 500",
    "SELECT t.id, t.concept_id, t.lang, t.status, t.ord, t.norm, t.stem, t.valid_from, t.valid_to"
    " FROM term_tri"
    " JOIN term t ON t.id = term_tri.rowid WHERE term_tri MATCH ?1"
    " AND (length(t.norm) BETWEEN ?2 AND ?3 OR length(t.stem) BETWEEN ?4 AND ?5)"
    " ORDER BY bm25(term_tri) LIMIT 300",
    "SELECT rowid, concept_id, lang, 'preferred', 0, bm25(text_fts) FROM text_fts"
    " WHERE text_fts MATCH ?1 ORDER BY bm25(text_fts) LIMIT 500",
    "SELECT c.xml_id, c.status, c.reliability, s.citation, c.ord FROM concept c"
    " LEFT JOIN source s ON s.id = c.source_id WHERE c.id = ?1",
    "SELECT lang, text FROM term WHERE id = ?1",
    "SELECT lang, text FROM text_fts WHERE rowid = ?1",
    "SELECT lang, text, status, term_type, geo, working, valid_from, valid_to FROM term"
    " WHERE concept_id = ?1 ORDER BY ord",
    "SELECT d.lang, d.text, s.citation, d.basis, d.valid_from, d.valid_to FROM definition d"
    " LEFT JOIN source s ON s.id = d.source_id WHERE d.concept_id = ?1 ORDER BY d.ord",
    "SELECT lang, type, text FROM note WHERE concept_id = ?1 ORDER BY ord",
    "SELECT t.id, c.id FROM concept c LEFT JOIN term t ON t.concept_id = c.id"
    " WHERE c.xml_id = ?1 ORDER BY t.status != 'preferred', t.lang != 'ru', t.ord LIMIT 1",
};

struct glossa_db {
    sqlite3 *sql;
    char *path;
    struct glossa__budget budget;   /* set afresh by each operation */
    struct glossa__reader rd;       /* the first damaged value an operation read */
    sqlite3_stmt *q[Q_COUNT];
    struct glossa_keys *keys;
    struct glossa_buf key, stem, translit, translit_uz, fts, words;
};

struct glossa_results {
    struct glossa_arena *arena;
    glossa_hit *hits;
    size_t n;
};

/* One candidate: the best-matching term (or text) of a concept so far. */
struct candidate {
    sqlite3_int64 concept_id, row_id; /* row_id: term id, or text_fts rowid for fulltext */
    int kind;
    int sub;            /* rank within the kind: 0 whole-key match, 1 word match, or edit distance */
    double bm25;        /* 0 where it does not apply; negative, lower is better */
    int status_rank;    /* preferred 0, admitted 1, deprecated 2 */
    int term_ord;
};

struct candidates {
    struct candidate *items;
    size_t n, cap;
};

/* What a lookup works with: the query and its keys. */
struct query {
    const char *text;
    size_t len;
    const char *from;
    int has_han, has_cyrillic;
    char as_of[16];     /* YYYY-MM-DD */
    int history;        /* every wording counts, whatever its dates */
};

/* Is a wording dated [from, to) in force on day (all YYYY-MM-DD)? */
static int in_force(const char *from, const char *to, const char *day)
{
    return (!from || strcmp(from, day) <= 0) && (!to || strcmp(to, day) > 0);
}

/* ---- opening -------------------------------------------------------------------- */

int glossa_db_open(glossa_db **out, const char *path, glossa_error *err)
{
    glossa_db *db;
    int rc, i;

    if (!path || !*path)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "empty database path");
    db = glossa__calloc(1, sizeof *db);
    if (!db || !(db->path = glossa__strdup(path))) {
        glossa__free(db);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    db->rd.path = db->path;
    rc = glossa__store_open_index(&db->sql, path, 0, &db->budget, err);
    /* An index is read, never written, and is replaced by rename (a new
    ** file), so pages are read through a memory map rather than a read()
    ** per page; a larger cache keeps the FTS5 structure records. */
    if (!rc)
        sqlite3_exec(db->sql, "PRAGMA mmap_size=2147483648; PRAGMA cache_size=-8192;", NULL, NULL,
                     NULL);
    for (i = 0; !rc && i < Q_COUNT; i++) {
        int src = sqlite3_prepare_v3(db->sql, queries[i], -1, SQLITE_PREPARE_PERSISTENT,
                                     &db->q[i], NULL);
        /* the schema is glossa's: SQL of this build that does not prepare
        ** means damage (FTS5 says "vtable constructor failed") */
        if (src != SQLITE_OK && (rc = glossa__error_sqlite(err, db->sql, src, path,
                                                           "cannot read the index")) == GLOSSA_ERROR)
            rc = glossa__damaged(err, path, "cannot read it: %s", sqlite3_errmsg(db->sql));
    }
    if (!rc)
        rc = glossa__keys_new(&db->keys, err);
    if (rc) {
        glossa_db_close(db);
        return rc;
    }
    *out = db;
    return 0;
}

void glossa_db_close(glossa_db *db)
{
    int i;
    if (!db)
        return;
    for (i = 0; i < Q_COUNT; i++)
        sqlite3_finalize(db->q[i]);
    sqlite3_close(db->sql);
    glossa__keys_free(db->keys);
    glossa__buf_release(&db->key);
    glossa__buf_release(&db->stem);
    glossa__buf_release(&db->translit);
    glossa__buf_release(&db->translit_uz);
    glossa__buf_release(&db->fts);
    glossa__buf_release(&db->words);
    glossa__free(db->path);
    glossa__free(db);
}

sqlite3 *glossa__db_sql(glossa_db *db)
{
    glossa__budget_reset(&db->budget, GLOSSA_BUDGET_WHOLE);
    return db->sql;
}

/* The start of an operation on the index: a fresh budget, no damage seen. */
static void db_begin(glossa_db *db)
{
    glossa__budget_reset(&db->budget, GLOSSA_BUDGET_LOOKUP);
    db->rd.damaged = 0;
}

/* The end of one: the first damaged value read is its error. */
static int db_end(glossa_db *db, int rc, glossa_error *err)
{
    if (db->rd.damaged && rc != GLOSSA_ENOMEM) {
        if (err)
            *err = db->rd.err;
        return db->rd.err.code;
    }
    return rc;
}

const char *glossa__db_path(glossa_db *db)
{
    return db->path;
}

static const char *const kind_names[] = {
    "exact", "normalized", "stem", "translit", "prefix", "fuzzy", "fulltext", "fts"
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

/* Lower is better. */
static int candidate_cmp(const struct candidate *a, const struct candidate *b)
{
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

static int offer(struct candidates *c, const struct candidate *cand)
{
    size_t i;
    for (i = 0; i < c->n; i++) {
        if (c->items[i].concept_id == cand->concept_id) {
            if (candidate_cmp(cand, &c->items[i]) < 0)
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
    cand.kind = kind;
    cand.sub = sub;
    cand.bm25 = sqlite3_column_type(st, 5) == SQLITE_FLOAT ? sqlite3_column_double(st, 5) : 0.0;
    return cand;
}

static int step_error(glossa_db *db, sqlite3_stmt *st, int rc, glossa_error *err)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc == SQLITE_NOMEM)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
}

/* The language tag in column col of a row of table. */
static const char *row_lang(glossa_db *db, sqlite3_stmt *st, int col, const char *table)
{
    return glossa__col_text(&db->rd, st, col, table, GLOSSA_COL_LANG);
}

/* The row of table is in force on q's day (its dates in columns col and
** col + 1), or q wants the history. */
static int row_in_force(glossa_db *db, sqlite3_stmt *st, int col, const char *table,
                        const struct query *q)
{
    const char *from = glossa__col_text(&db->rd, st, col, table, GLOSSA_COL_NULL | GLOSSA_COL_DATE);
    const char *to = glossa__col_text(&db->rd, st, col + 1, table, GLOSSA_COL_NULL | GLOSSA_COL_DATE);
    return q->history || in_force(from, to, q->as_of);
}

/* Run a bound candidate query; every row in force is offered as (kind, sub). */
static int collect(glossa_db *db, sqlite3_stmt *st, int kind, int sub, const struct query *q,
                   struct candidates *out, glossa_error *err)
{
    const char *from = q->from;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct candidate cand;
        const char *lang = row_lang(db, st, 2, kind == GLOSSA_MATCH_FULLTEXT ? "text_fts" : "term");
        if (from && *from && !glossa__lang_in_list(lang, from))
            continue;
        cand = row_candidate(db, st, kind, sub);
        if (kind != GLOSSA_MATCH_FULLTEXT && !row_in_force(db, st, 6, "term", q))
            continue;
        if (offer(out, &cand)) {
            sqlite3_reset(st);
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    return step_error(db, st, rc, err);
}

/* ---- FTS5 query strings ------------------------------------------------------------------ */

/* Words of the query as FTS5 strings: "a" "b" means a AND b. Boolean
** operators typed in capitals beside other words ("information AND
** security", "NEAR(a b)") say what the user wants, all words, and are not
** words to find. */
struct fts_query {
    struct glossa_db *db;
    struct glossa_buf *q;
    const char *text;
    size_t words, total;
    int stem;       /* stem each word (by its script) */
    int prefix;     /* "word"* ; Chinese words become their characters */
};

static int is_operator(const char *s, size_t n)
{
    return (n == 3 && (memcmp(s, "AND", 3) == 0 || memcmp(s, "NOT", 3) == 0)) ||
           (n == 2 && memcmp(s, "OR", 2) == 0) || (n == 4 && memcmp(s, "NEAR", 4) == 0);
}

static int add_string(struct glossa_buf *q, const char *s, size_t n, int star)
{
    size_t i;
    if (glossa__buf_adds(q, q->len ? " \"" : "\""))
        return GLOSSA_ENOMEM;
    for (i = 0; i < n; i++)
        if (glossa__buf_add(q, s + i, 1) || (s[i] == '"' && glossa__buf_add(q, "\"", 1)))
            return GLOSSA_ENOMEM;
    return glossa__buf_adds(q, star ? "\"*" : "\"");
}

static int add_fts_word(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    struct fts_query *fq = ud;
    int32_t i = 0, first;
    UChar32 c;
    (void)flags;
    fq->words++;
    if (fq->total > 1 && is_operator(fq->text + start, end - start))
        return 0;
    if (fq->stem && glossa__stem_token(fq->db->keys, tok, len, NULL, &tok, &len))
        return GLOSSA_ENOMEM;
    U8_NEXT((const uint8_t *)tok, i, (int32_t)len, c);
    if (fq->prefix && glossa__is_han(c)) {
        /* each character on its own: the index holds them colocated */
        for (i = 0; i < (int32_t)len;) {
            first = i;
            U8_NEXT((const uint8_t *)tok, i, (int32_t)len, c);
            if (add_string(fq->q, tok + first, (size_t)(i - first), 0))
                return GLOSSA_ENOMEM;
        }
        return 0;
    }
    return add_string(fq->q, tok, len, fq->prefix);
}

static int count_word(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    size_t *n = ud;
    (void)tok;
    (void)len;
    (void)start;
    (void)end;
    (void)flags;
    (*n)++;
    return 0;
}

static int build_fts(glossa_db *db, const struct query *q, int stem, int prefix)
{
    struct fts_query fq;
    size_t total = 0;
    if (glossa__norm_tokens(glossa__keys_norm(db->keys), q->text, q->len, count_word, &total))
        return GLOSSA_ENOMEM;
    fq.total = total;
    fq.db = db;
    fq.q = &db->fts;
    fq.text = q->text;
    fq.words = 0;
    fq.stem = stem;
    fq.prefix = prefix;
    glossa__buf_clear(&db->fts);
    return glossa__norm_tokens(glossa__keys_norm(db->keys), q->text, q->len, add_fts_word, &fq);
}

/* ---- fuzzy ---------------------------------------------------------------------------------- */

#define FUZZY_MAX 64 /* code points compared */

/* How many edits a typo of a string this long may have. */
static int fuzzy_budget(int cps)
{
    if (cps < 4)
        return 0;
    if (cps <= 6)
        return 1;
    if (cps <= 14)
        return 2;
    return 3;
}

/* Offer the rows of the bound trigram query that are within budget edits of
** the key (n code points) or of its stem (ns). */
static int fuzzy_rows(glossa_db *db, const struct query *q, const char *key, int n, int ns,
                      int budget, struct candidates *out, glossa_error *err)
{
    sqlite3_stmt *st = db->q[Q_FUZZY];
    int rc;
    sqlite3_bind_text(st, 1, db->fts.data, (int)db->fts.len, SQLITE_STATIC);
    /* an edit distance is at least the difference of the lengths: rows
    ** whose norm and stem are both too long or too short are left out
    ** before bm25 is computed (not past FUZZY_MAX, where distances are cut) */
    sqlite3_bind_int(st, 2, n - budget);
    sqlite3_bind_int(st, 3, n >= FUZZY_MAX - 4 ? 1 << 30 : n + budget);
    sqlite3_bind_int(st, 4, ns - budget);
    sqlite3_bind_int(st, 5, ns >= FUZZY_MAX - 4 ? 1 << 30 : ns + budget);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *norm = glossa__col_text(&db->rd, st, 5, "term", 0);
        const char *stem = glossa__col_text(&db->rd, st, 6, "term", 0);
        int d, ds;
        struct candidate cand;
        if (q->from && *q->from && !glossa__lang_in_list(row_lang(db, st, 2, "term"), q->from))
            continue;
        d = (int)glossa_edit_distance(key, norm);
        ds = (int)glossa_edit_distance(glossa__buf_str(&db->stem), stem);
        if (ds < d)
            d = ds;
        if (d == 0 || d > budget)
            continue;
        cand = row_candidate(db, st, GLOSSA_MATCH_FUZZY, d);
        cand.bm25 = 0;
        if (!row_in_force(db, st, 7, "term", q))
            continue;
        if (offer(out, &cand)) {
            sqlite3_reset(st);
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    return step_error(db, st, rc, err);
}

/* The trigram query for key in db->fts (pos: the byte offset of each of its k
** code points, and its end): its budget + 1 pieces, or (broad) every trigram.
** The number of alternatives, or -1 when memory runs out. */
static int fuzzy_query(glossa_db *db, const char *key, const int32_t *pos, int k, int budget,
                       int broad)
{
    int i, terms = broad ? k - 2 : budget + 1;
    glossa__buf_clear(&db->fts);
    for (i = 0; i < terms; i++) {
        int32_t from = broad ? pos[i] : pos[k * i / (budget + 1)];
        int32_t to = broad ? pos[i + 3] : pos[k * (i + 1) / (budget + 1)];
        /* add_string puts a space before the quote when the buffer is not empty */
        if (glossa__buf_adds(&db->fts, i ? " OR " : "") ||
            add_string(&db->fts, key + from, (size_t)(to - from), 0))
            return -1;
    }
    return terms > 0 ? terms : 0;
}

/* Trigram candidates, then the edit distance of the normalised and the
** stemmed forms decide. The candidates: cut the key into budget + 1 pieces of
** three or more characters; budget edits leave at least one piece whole, so
** every term within the budget holds one of them as a substring ("piece1"
** OR "piece2" … on the trigram index: few rows, however large the index).
** Keys too short for that, or when the pieces find nothing, take any shared
** trigram, best bm25 first (the broad query, slow on a large index). */
static int collect_fuzzy(glossa_db *db, const struct query *q, struct candidates *out,
                         glossa_error *err)
{
    int32_t cps[FUZZY_MAX], pos[FUZZY_MAX + 1], k = 0, at = 0;
    const char *key = glossa__buf_str(&db->key);
    int32_t len = (int32_t)strlen(key);
    int budget, ns, broad, terms, rc;
    size_t had = out->n;

    if (len >= 4096)
        return 0;
    /* byte position of each code point (as many as glossa__code_points counts), to cut trigrams */
    while (at < len && k < FUZZY_MAX) {
        UChar32 c;
        pos[k++] = at;
        U8_NEXT((const uint8_t *)key, at, len, c);
    }
    pos[k] = at;
    if ((budget = fuzzy_budget(k)) == 0)
        return 0;
    ns = glossa__code_points(glossa__buf_str(&db->stem), cps, FUZZY_MAX);
    for (broad = k < 3 * (budget + 1); broad < 2; broad++) {
        if ((terms = fuzzy_query(db, key, pos, k, budget, broad)) < 0)
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        if (!terms)
            return 0;
        if ((rc = fuzzy_rows(db, q, key, k, ns, budget, out, err)))
            return rc;
        if (out->n > had)
            break;
    }
    return 0;
}

/* ---- the tiers -------------------------------------------------------------------------------- */

static int bind_and_collect(glossa_db *db, int which, const char *a, const char *b, int kind,
                            int sub, const struct query *q, struct candidates *out,
                            glossa_error *err)
{
    sqlite3_stmt *st = db->q[which];
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    return collect(db, st, kind, sub, q, out, err);
}

static int scan_scripts(struct query *q)
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

#define WANT(m) (mode == GLOSSA_MODE_AUTO || mode == (glossa_mode)(m))

static int run_tiers(glossa_db *db, struct query *q, glossa_mode mode, int in_definitions,
                     struct candidates *out, glossa_error *err)
{
    struct glossa_norm *norm = glossa__keys_norm(db->keys);
    const char *from_stem = q->from && !strchr(q->from, ',') ? q->from : NULL;
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
    if (glossa__norm_key(norm, q->text, q->len, &db->key) ||
        glossa__stem_key(db->keys, q->text, q->len,
                         from_stem && glossa__keys_can_stem(from_stem) ? from_stem : NULL, &db->stem))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (in_definitions || mode == GLOSSA_MODE_FULLTEXT) {
        if (!db->key.len)
            return 0;
        /* text_fts's tokenizer ('glossa stem') stems the query words itself:
        ** stemming them here too would stem twice, and a stem stemmed again
        ** is not always the same stem (лыфаный → лыфан → лыф) */
        if (build_fts(db, q, 0, 0))
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        return db->fts.len ? bind_and_collect(db, Q_TEXT, db->fts.data, NULL,
                                              GLOSSA_MATCH_FULLTEXT, 0, q, out, err) : 0;
    }
    if (WANT(GLOSSA_MODE_EXACT) &&
        (rc = bind_and_collect(db, Q_EXACT, q->text, NULL, GLOSSA_MATCH_EXACT, 0, q, out, err)))
        return rc;
    if (!db->key.len)
        return 0; /* nothing but punctuation: no words to match */
    if (WANT(GLOSSA_MODE_NORMALIZED) &&
        (rc = bind_and_collect(db, Q_NORM, db->key.data, NULL, GLOSSA_MATCH_NORMALIZED, 0, q,
                               out, err)))
        return rc;
    if (WANT(GLOSSA_MODE_STEM)) {
        if ((rc = bind_and_collect(db, Q_STEM, glossa__buf_str(&db->stem), NULL,
                                   GLOSSA_MATCH_STEM, 0, q, out, err)))
            return rc;
        if (build_fts(db, q, 1, 0))
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        if (db->fts.len && (rc = bind_and_collect(db, Q_STEM_FTS, db->fts.data, NULL,
                                                  GLOSSA_MATCH_STEM, 1, q, out, err)))
            return rc;
    }
    if (WANT(GLOSSA_MODE_TRANSLIT) && !q->has_han) {
        int tr = glossa__translit_key(db->keys, q->text, q->len, 0, &db->translit);
        if (!tr)
            tr = glossa__translit_key(db->keys, q->text, q->len, q->has_cyrillic, &db->translit_uz);
        if (tr == GLOSSA_ENOMEM)
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        if (!tr && db->translit.len >= 3 &&
            (rc = bind_and_collect(db, Q_TRANSLIT, db->translit.data,
                                   glossa__buf_str(&db->translit_uz), GLOSSA_MATCH_TRANSLIT, 0,
                                   q, out, err)))
            return rc;
    }
    if (WANT(GLOSSA_MODE_PREFIX)) {
        if (build_fts(db, q, 0, 1))
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        if (db->fts.len && (rc = bind_and_collect(db, Q_PREFIX, db->fts.data, NULL,
                                                  GLOSSA_MATCH_PREFIX, 0, q, out, err)))
            return rc;
    }
    if ((mode == GLOSSA_MODE_AUTO && out->n == 0) || mode == GLOSSA_MODE_FUZZY)
        rc = collect_fuzzy(db, q, out, err);
    return rc;
}

/* A term pasted with its abbreviation or a gloss in brackets ("информационно-
** коммуникационные технологии (ИКТ)"): look up the text outside the brackets
** and the text inside them too. */
static int bracket_alternatives(glossa_db *db, const struct query *q, glossa_mode mode,
                                struct candidates *out, glossa_error *err)
{
    const char *open = NULL, *close = NULL, *p;
    char *outside, *inside;
    struct query sub;
    int rc = 0;

    for (p = q->text; *p && !close; p++) {
        if (!open && (*p == '(' || *p == '['))
            open = p;
        else if (open && (*p == ')' || *p == ']'))
            close = p;
    }
    if (!open || !close)
        return 0;
    outside = glossa__malloc(q->len + 2);
    inside = glossa__strndup(open + 1, (size_t)(close - open - 1));
    if (!outside || !inside) {
        glossa__free(outside);
        glossa__free(inside);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    memcpy(outside, q->text, (size_t)(open - q->text));
    outside[open - q->text] = ' ';
    memcpy(outside + (open - q->text) + 1, close + 1, strlen(close + 1) + 1);
    sub = *q;
    sub.text = outside;
    sub.len = strlen(outside);
    rc = run_tiers(db, &sub, mode, 0, out, err);
    sub.text = inside;
    sub.len = strlen(inside);
    if (!rc)
        rc = run_tiers(db, &sub, mode, 0, out, err);
    glossa__free(outside);
    glossa__free(inside);
    return rc;
}

/* ---- building hits ---------------------------------------------------------------------- */

/* The checked text of column i of a row of table (flags: GLOSSA_COL_*), copied. */
static const char *col_text(glossa_db *db, struct glossa_arena *a, sqlite3_stmt *st, int i,
                            const char *table, unsigned flags, int *oom)
{
    const char *s = glossa__col_text(&db->rd, st, i, table, flags);
    char *copy;
    if (!s)
        return NULL;
    copy = glossa__arena_strdup(a, s);
    if (!copy)
        *oom = 1;
    return copy;
}

/* Fill h->terms with the concept's terms in the languages of to. */
static int load_terms(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                      sqlite3_int64 cid, const char *to, const struct query *q, int *oom)
{
    sqlite3_stmt *st = db->q[Q_TERMS];
    size_t cap = 8, n = 0;
    glossa_term *terms = glossa__arena_alloc(a, cap * sizeof *terms);
    int rc;

    sqlite3_bind_int64(st, 1, cid);
    while (terms && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        glossa_term *t;
        if (!glossa__lang_in_list(row_lang(db, st, 0, "term"), to) ||
            !row_in_force(db, st, 6, "term", q))
            continue;
        if (n == cap) {
            glossa_term *more = glossa__arena_alloc(a, cap * 2 * sizeof *more);
            if (!more) {
                terms = NULL;
                break;
            }
            memcpy(more, terms, n * sizeof *more);
            terms = more;
            cap *= 2;
        }
        t = &terms[n++];
        t->lang = col_text(db, a, st, 0, "term", GLOSSA_COL_LANG, oom);
        t->text = col_text(db, a, st, 1, "term", 0, oom);
        t->status = glossa__col_enum(&db->rd, st, 2, "term", glossa__term_statuses) < 0
                        ? NULL : col_text(db, a, st, 2, "term", 0, oom);
        t->term_type = col_text(db, a, st, 3, "term", GLOSSA_COL_NULL, oom);
        t->geo = col_text(db, a, st, 4, "term", GLOSSA_COL_NULL, oom);
        t->working = (int)glossa__col_int(&db->rd, st, 5, "term", 0, 1, 0);
        t->valid_from = col_text(db, a, st, 6, "term", GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
        t->valid_to = col_text(db, a, st, 7, "term", GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
    }
    rc = sqlite3_reset(st);
    if (!terms)
        *oom = 1;
    h->terms = terms;
    h->n_terms = n;
    return rc;
}

/* Definitions in the languages of to; when there are none, those of the
** authentic languages (ru, zh), so a translator always sees a definition. */
static int load_definitions(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                            sqlite3_int64 cid, const char *to, const struct query *q, int *oom)
{
    sqlite3_stmt *st = db->q[Q_DEFS];
    const char *lists[2] = { to, "ru,zh" };
    int pass, rc = SQLITE_OK;

    for (pass = 0; pass < 2 && h->n_definitions == 0; pass++) {
        size_t n = 0, cap = 4;
        glossa_definition *defs = glossa__arena_alloc(a, cap * sizeof *defs);
        sqlite3_bind_int64(st, 1, cid);
        while (defs && sqlite3_step(st) == SQLITE_ROW) {
            glossa_definition *d;
            if (!glossa__lang_in_list(row_lang(db, st, 0, "definition"), lists[pass]) ||
                !row_in_force(db, st, 4, "definition", q))
                continue;
            if (n == cap) {
                glossa_definition *more = glossa__arena_alloc(a, cap * 2 * sizeof *more);
                if (!more) {
                    defs = NULL;
                    break;
                }
                memcpy(more, defs, n * sizeof *more);
                defs = more;
                cap *= 2;
            }
            d = &defs[n++];
            d->lang = col_text(db, a, st, 0, "definition", GLOSSA_COL_LANG, oom);
            d->text = col_text(db, a, st, 1, "definition", 0, oom);
            d->source = col_text(db, a, st, 2, "source", GLOSSA_COL_NULL, oom);
            d->basis = glossa__col_enum(&db->rd, st, 3, "definition", glossa__definition_bases) < 0
                           ? NULL : col_text(db, a, st, 3, "definition", 0, oom);
            d->valid_from = col_text(db, a, st, 4, "definition", GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
            d->valid_to = col_text(db, a, st, 5, "definition", GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
        }
        rc = sqlite3_reset(st);
        if (!defs)
            *oom = 1;
        h->definitions = defs;
        h->n_definitions = n;
        if (!to)
            break;
    }
    return rc;
}

/* Notes in the languages of to, else the English ones. */
static int load_notes(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                      sqlite3_int64 cid, const char *to, int *oom)
{
    sqlite3_stmt *st = db->q[Q_NOTES];
    const char *lists[2] = { to, "en" };
    int pass, rc = SQLITE_OK;

    for (pass = 0; pass < 2 && h->n_notes == 0; pass++) {
        size_t n = 0, cap = 4;
        glossa_note *notes = glossa__arena_alloc(a, cap * sizeof *notes);
        sqlite3_bind_int64(st, 1, cid);
        while (notes && sqlite3_step(st) == SQLITE_ROW) {
            glossa_note *note;
            if (!glossa__lang_in_list(row_lang(db, st, 0, "note"), lists[pass]))
                continue;
            if (n == cap) {
                glossa_note *more = glossa__arena_alloc(a, cap * 2 * sizeof *more);
                if (!more) {
                    notes = NULL;
                    break;
                }
                memcpy(more, notes, n * sizeof *more);
                notes = more;
                cap *= 2;
            }
            note = &notes[n++];
            note->lang = col_text(db, a, st, 0, "note", GLOSSA_COL_LANG, oom);
            note->type = col_text(db, a, st, 1, "note", 0, oom);
            note->text = col_text(db, a, st, 2, "note", 0, oom);
        }
        rc = sqlite3_reset(st);
        if (!notes)
            *oom = 1;
        h->notes = notes;
        h->n_notes = n;
        if (!to)
            break;
    }
    return rc;
}

static double score_of(const struct candidate *c)
{
    static const double base[] = { 1.0, 0.9, 0.8, 0.7, 0.6, 0.4, 0.5, 0.5 };
    double s = c->kind >= 0 && c->kind <= GLOSSA_MATCH_FTS ? base[c->kind] : 0.1;
    double r = -c->bm25;
    if (c->kind == GLOSSA_MATCH_FUZZY)
        return s - 0.05 * c->sub;
    if (c->sub)
        s -= 0.05;
    if (r > 0)
        s += 0.04 * r / (1.0 + r);
    return s;
}

/* Mark the words of text that the query matched: same normalised word or
** stem, or (prefix) a word that begins with a query word. */
struct highlight_ctx {
    glossa_db *db;
    struct glossa_arena *arena;
    const char *lang;
    int prefix, whole;
    glossa_span *spans;
    size_t n, cap;
    int oom;
};

static int word_in(const char *words, const char *w, size_t n, int prefix)
{
    const char *p = words;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if ((len == n && memcmp(p, w, n) == 0) || (prefix && len <= n && len && memcmp(p, w, len) == 0))
            return 1;
        if (!sp)
            break;
        p = sp + 1;
    }
    return 0;
}

static int mark_word(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    struct highlight_ctx *h = ud;
    const char *stem;
    size_t stem_len;
    int hit;
    if (flags & GLOSSA_TOKEN_COLOCATED)
        return 0;
    hit = h->whole || word_in(glossa__buf_str(&h->db->key), tok, len, h->prefix);
    if (!hit && !glossa__stem_token(h->db->keys, tok, len,
                                    glossa__keys_can_stem(h->lang) ? h->lang : NULL, &stem, &stem_len))
        hit = word_in(glossa__buf_str(&h->db->stem), stem, stem_len, 0);
    if (!hit)
        return 0;
    if (h->n && h->spans[h->n - 1].end >= start) {
        h->spans[h->n - 1].end = end; /* join neighbours */
        return 0;
    }
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 8;
        glossa_span *more = glossa__arena_alloc(h->arena, cap * sizeof *more);
        if (!more) {
            h->oom = 1;
            return GLOSSA_ENOMEM;
        }
        if (h->n)
            memcpy(more, h->spans, h->n * sizeof *more);
        h->spans = more;
        h->cap = cap;
    }
    h->spans[h->n].start = start;
    h->spans[h->n].end = end;
    h->n++;
    return 0;
}

static int highlight(glossa_db *db, struct glossa_arena *a, glossa_hit *h)
{
    struct highlight_ctx c;
    if (!h->match_text)
        return 0;
    memset(&c, 0, sizeof c);
    c.db = db;
    c.arena = a;
    c.lang = h->match_lang;
    c.prefix = h->how == GLOSSA_MATCH_PREFIX;
    c.whole = h->how == GLOSSA_MATCH_EXACT || h->how == GLOSSA_MATCH_NORMALIZED ||
              h->how == GLOSSA_MATCH_TRANSLIT || h->how == GLOSSA_MATCH_FUZZY;
    if (c.whole) {
        c.spans = glossa__arena_alloc(a, sizeof *c.spans);
        if (!c.spans)
            return GLOSSA_ENOMEM;
        c.spans[0].start = 0;
        c.spans[0].end = strlen(h->match_text);
        c.n = 1;
    } else {
        glossa__norm_tokens(glossa__keys_norm(db->keys), h->match_text, strlen(h->match_text),
                            mark_word, &c);
    }
    h->highlights = c.spans;
    h->n_highlights = c.n;
    return c.oom ? GLOSSA_ENOMEM : 0;
}

static int load_hit(glossa_db *db, struct glossa_arena *a, glossa_hit *h,
                    const struct candidate *c, const char *to, const struct query *q,
                    glossa_error *err)
{
    sqlite3_stmt *st = db->q[Q_CONCEPT];
    int oom = 0, rc;

    memset(h, 0, sizeof *h);
    sqlite3_bind_int64(st, 1, c->concept_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        h->id = col_text(db, a, st, 0, "concept", 0, &oom);
        h->status = glossa__col_enum(&db->rd, st, 1, "concept", glossa__concept_statuses) < 0
                        ? NULL : col_text(db, a, st, 1, "concept", 0, &oom);
        h->reliability = (int)glossa__col_int(&db->rd, st, 2, "concept", 1, 4, 0);
        h->instrument = col_text(db, a, st, 3, "source", GLOSSA_COL_NULL, &oom);
        rc = SQLITE_OK;
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return glossa__damaged(err, db->path, "concept %lld of a matching row is not there",
                               (long long)c->concept_id);
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    if (db->rd.damaged)
        return db_end(db, 0, err);
    h->score = score_of(c);
    h->how = (glossa_match_kind)c->kind;
    st = db->q[c->kind == GLOSSA_MATCH_FULLTEXT ? Q_TEXT_ROW : Q_MATCHED];
    sqlite3_bind_int64(st, 1, c->row_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *table = c->kind == GLOSSA_MATCH_FULLTEXT ? "text_fts" : "term";
        h->match_lang = col_text(db, a, st, 0, table, GLOSSA_COL_LANG, &oom);
        h->match_text = col_text(db, a, st, 1, table, 0, &oom);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    if ((rc = load_terms(db, a, h, c->concept_id, to, q, &oom)) == SQLITE_OK &&
        (rc = load_definitions(db, a, h, c->concept_id, to, q, &oom)) == SQLITE_OK)
        rc = load_notes(db, a, h, c->concept_id, to, &oom);
    if (!oom && highlight(db, a, h))
        oom = 1;
    if (oom)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    return 0;
}

/* ---- the query ------------------------------------------------------------------------- */


/* The day whose wordings count: --as-of, else today (UTC). */
static int set_day(struct query *q, const glossa_lookup_opts *opts, glossa_error *err)
{
    q->history = opts->version >= 1 && opts->history;
    if (opts->as_of) {
        if (glossa__date_check(opts->as_of, err))
            return GLOSSA_EINPUT;
        memcpy(q->as_of, opts->as_of, 11);
    } else {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(q->as_of, sizeof q->as_of, "%Y-%m-%d", &tm);
    }
    return 0;
}

int glossa_concept(glossa_db *db, const char *id, const glossa_lookup_opts *opts,
                   glossa_results **out, glossa_error *err)
{
    static const glossa_lookup_opts defaults = GLOSSA_LOOKUP_OPTS_INIT;
    sqlite3_stmt *st = db->q[Q_BY_ID];
    struct candidate cand;
    glossa_results *res;
    struct query q;
    int rc;

    if (!opts)
        opts = &defaults;
    memset(&q, 0, sizeof q);
    if ((rc = set_day(&q, opts, err)))
        return rc;
    db_begin(db);
    memset(&cand, 0, sizeof cand);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        /* every concept has terms: one without any was damaged */
        if (sqlite3_column_type(st, 0) == SQLITE_NULL)
            glossa__damaged(&db->rd.err, db->path, "concept '%.100s' has no terms", id);
        db->rd.damaged |= sqlite3_column_type(st, 0) == SQLITE_NULL;
        cand.row_id = glossa__col_int(&db->rd, st, 0, "term", 1, GLOSSA_ID_MAX, 0);
        cand.concept_id = glossa__col_int(&db->rd, st, 1, "concept", 1, GLOSSA_ID_MAX, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE
            ? glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0, "no concept '%s'", id)
            : glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    if (db->rd.damaged)
        return db_end(db, 0, err);
    res = glossa__calloc(1, sizeof *res);
    if (!res || !(res->arena = glossa__arena_new()) ||
        !(res->hits = glossa__arena_alloc(res->arena, sizeof *res->hits))) {
        glossa_results_free(res);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    cand.kind = GLOSSA_MATCH_EXACT;
    if ((rc = db_end(db, load_hit(db, res->arena, &res->hits[0], &cand, opts->to, &q, err), err))) {
        glossa_results_free(res);
        return rc;
    }
    res->n = 1;
    *out = res;
    return 0;
}

static int candidate_sort(const void *a, const void *b)
{
    return candidate_cmp(a, b);
}

int glossa_lookup(glossa_db *db, const char *query, const glossa_lookup_opts *opts,
                  glossa_results **out, glossa_error *err)
{
    static const glossa_lookup_opts defaults = GLOSSA_LOOKUP_OPTS_INIT;
    struct candidates cands = { NULL, 0, 0 };
    glossa_results *res = NULL;
    struct query q;
    size_t limit, i;
    int rc;

    if (!opts)
        opts = &defaults;
    if (!query)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no query");
    memset(&q, 0, sizeof q);
    q.text = query;
    q.len = strlen(query);
    q.from = opts->from;
    if (q.len > 4096)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "query too long (%zu bytes, at most 4096)", q.len);
    scan_scripts(&q);
    if ((rc = set_day(&q, opts, err)))
        return rc;
    limit = opts->limit ? opts->limit : 10;

    db_begin(db);
    rc = run_tiers(db, &q, opts->mode, opts->in_definitions, &cands, err);
    if (!rc && !opts->in_definitions && opts->mode != GLOSSA_MODE_FTS &&
        opts->mode != GLOSSA_MODE_FULLTEXT)
        rc = bracket_alternatives(db, &q, opts->mode, &cands, err);
    if (!rc) {
        if (cands.n > 1)
            qsort(cands.items, cands.n, sizeof *cands.items, candidate_sort);
        res = glossa__calloc(1, sizeof *res);
        if (!res || !(res->arena = glossa__arena_new()))
            rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!rc) {
        size_t n = cands.n < limit ? cands.n : limit;
        res->hits = glossa__arena_alloc(res->arena, (n ? n : 1) * sizeof *res->hits);
        if (!res->hits)
            rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        for (i = 0; !rc && i < n; i++) {
            rc = load_hit(db, res->arena, &res->hits[i], &cands.items[i], opts->to, &q, err);
            if (!rc)
                res->n++;
        }
    }
    glossa__free(cands.items);
    rc = db_end(db, rc, err);
    if (rc) {
        glossa_results_free(res);
        return rc;
    }
    *out = res;
    return 0;
}

size_t glossa_results_count(const glossa_results *res)
{
    return res ? res->n : 0;
}

const glossa_hit *glossa_results_get(const glossa_results *res, size_t i)
{
    return res && i < res->n ? &res->hits[i] : NULL;
}

void glossa_results_free(glossa_results *res)
{
    if (!res)
        return;
    glossa__arena_free(res->arena);
    glossa__free(res);
}
