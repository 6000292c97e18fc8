/*
** fuzzy.c — finding terms despite typos, when no other tier found anything
** (or with --mode fuzzy): trigram candidates from the term_tri index, then
** the edit distance (glossa_edit_distance) of the query's normalised and
** stemmed keys to each candidate's decides, within a budget that grows with
** the length of the query.
*/
#include "lookup_int.h"

#include <unicode/utf8.h>

#include <string.h>

#define FUZZY_MAX GLOSSA_DISTANCE_MAX /* code points compared */

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
    const struct glossa_buf *fts = &q->keys->fts;
    sqlite3_stmt *st = db->q[Q_FUZZY];
    int rc;
    sqlite3_bind_text(st, 1, fts->data, (int)fts->len, SQLITE_STATIC);
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
        if (q->from && *q->from &&
            !glossa__lang_in_list(glossa__row_lang(db, st, 2, "term"), q->from))
            continue;
        d = (int)glossa_edit_distance(key, norm);
        ds = (int)glossa_edit_distance(glossa__buf_str(&q->keys->stem), stem);
        if (ds < d)
            d = ds;
        if (d == 0 || d > budget)
            continue;
        cand = glossa__row_candidate(db, st, GLOSSA_MATCH_FUZZY, d);
        cand.bm25 = 0;
        if (!glossa__row_in_force(db, st, 7, "term", q))
            continue;
        if (glossa__offer(out, &cand)) {
            sqlite3_reset(st);
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    return glossa__step_end(db, st, rc, err);
}

/* The trigram query for key in fts (pos: the byte offset of each of its k
** code points, and its end): its budget + 1 pieces, or (broad) every trigram.
** The number of alternatives, or -1 when memory runs out. */
static int fuzzy_query(struct glossa_buf *fts, const char *key, const int32_t *pos, int k,
                       int budget, int broad)
{
    int i, terms = broad ? k - 2 : budget + 1;
    glossa__buf_clear(fts);
    for (i = 0; i < terms; i++) {
        int32_t from = broad ? pos[i] : pos[k * i / (budget + 1)];
        int32_t to = broad ? pos[i + 3] : pos[k * (i + 1) / (budget + 1)];
        /* glossa__fts_string puts a space before the quote when the buffer is not empty */
        if (glossa__buf_adds(fts, i ? " OR " : "") ||
            glossa__fts_string(fts, key + from, (size_t)(to - from), 0))
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
int glossa__collect_fuzzy(glossa_db *db, const struct query *q, struct candidates *out,
                          glossa_error *err)
{
    int32_t cps[FUZZY_MAX], pos[FUZZY_MAX + 1], k = 0, at = 0;
    const char *key = glossa__buf_str(&q->keys->key);
    int32_t len = (int32_t)strlen(key);
    int budget, ns, broad, terms, rc;
    size_t had = out->n;

    if (len >= 4096)
        return 0;
    /* byte position of each code point (as many as to_cps counts), to cut trigrams */
    while (at < len && k < FUZZY_MAX) {
        UChar32 c;
        pos[k++] = at;
        U8_NEXT((const uint8_t *)key, at, len, c);
    }
    pos[k] = at;
    if ((budget = fuzzy_budget(k)) == 0)
        return 0;
    ns = glossa__code_points(glossa__buf_str(&q->keys->stem), cps);
    for (broad = k < 3 * (budget + 1); broad < 2; broad++) {
        if ((terms = fuzzy_query(&q->keys->fts, key, pos, k, budget, broad)) < 0)
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
