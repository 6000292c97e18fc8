/*
** fuzzy.c — matching despite typos, for the fuzzy tier (lookup.c runs it
** when no other tier found anything, or with --mode fuzzy): the candidates,
** as trigram queries on term_tri, and the edit distance (glossa_edit_distance)
** of the query's normalised and stemmed keys to each candidate's, within a
** budget that grows with the length of the query.
**
** The candidates: cut the key into budget + 1 pieces of three or more
** characters; budget edits leave at least one piece whole, so every term
** within the budget holds one of them as a substring ("piece1" OR "piece2" …
** on the trigram index: few rows, however large the index). Keys too short
** for that, or when the pieces find nothing, take any shared trigram, best
** bm25 first (the broad query, slow on a large index).
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

int glossa__fuzzy_plan(struct glossa__fuzzy *f, const struct query_keys *keys)
{
    int32_t cps[FUZZY_MAX], at = 0, len;
    f->key = glossa__buf_str(&keys->key);
    f->stem = glossa__buf_str(&keys->stem);
    f->k = 0;
    len = (int32_t)strlen(f->key);
    if (len >= 4096)
        return 0;
    /* byte position of each code point (as many as the distance compares), to cut trigrams */
    while (at < len && f->k < FUZZY_MAX) {
        UChar32 c;
        f->pos[f->k++] = at;
        U8_NEXT((const uint8_t *)f->key, at, len, c);
    }
    f->pos[f->k] = at;
    if ((f->budget = fuzzy_budget(f->k)) == 0)
        return 0;
    f->ns = glossa__code_points(f->stem, cps);
    f->broad = f->k < 3 * (f->budget + 1);
    return 1;
}

int glossa__fuzzy_query(const struct glossa__fuzzy *f, int broad, struct glossa_buf *fts)
{
    int i, k = f->k, budget = f->budget, terms = broad ? k - 2 : budget + 1;
    glossa__buf_clear(fts);
    for (i = 0; i < terms; i++) {
        int32_t from = broad ? f->pos[i] : f->pos[k * i / (budget + 1)];
        int32_t to = broad ? f->pos[i + 3] : f->pos[k * (i + 1) / (budget + 1)];
        /* glossa__fts_string puts a space before the quote when the buffer is not empty */
        if (glossa__buf_adds(fts, i ? " OR " : "") ||
            glossa__fts_string(fts, f->key + from, (size_t)(to - from), 0))
            return -1;
    }
    return terms > 0 ? terms : 0;
}

void glossa__fuzzy_bind(const struct glossa__fuzzy *f, sqlite3_stmt *st,
                        const struct glossa_buf *fts)
{
    int n = f->k, ns = f->ns, budget = f->budget;
    sqlite3_bind_text(st, 1, fts->data, (int)fts->len, SQLITE_STATIC);
    /* an edit distance is at least the difference of the lengths: rows
    ** whose norm and stem are both too long or too short are left out
    ** before bm25 is computed (not past FUZZY_MAX, where distances are cut) */
    sqlite3_bind_int(st, 2, n - budget);
    sqlite3_bind_int(st, 3, n >= FUZZY_MAX - 4 ? 1 << 30 : n + budget);
    sqlite3_bind_int(st, 4, ns - budget);
    sqlite3_bind_int(st, 5, ns >= FUZZY_MAX - 4 ? 1 << 30 : ns + budget);
}

int glossa__fuzzy_distance(const struct glossa__fuzzy *f, const char *norm, const char *stem)
{
    int d = (int)glossa_edit_distance(f->key, norm);
    int ds = (int)glossa_edit_distance(f->stem, stem);
    if (ds < d)
        d = ds;
    return d == 0 || d > f->budget ? -1 : d;
}
