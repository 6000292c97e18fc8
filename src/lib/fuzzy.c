/*
** fuzzy.c — matching despite typos, for the fuzzy tier (lookup.c runs it
** when no other tier found anything, or with --mode fuzzy): the candidates,
** as trigram queries on term_tri, and the edit distance (glossa_edit_distance's,
** over the whole of both keys) of the query's normalised and stemmed keys to
** each candidate's, within a budget that grows with the length of the query.
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

/* How many edits a typo of a string this long may have (FUZZY_BUDGET_MAX at most). */
#define FUZZY_BUDGET_MAX 3
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

/* The code points of s in cp (at most FUZZY_LONG): how many, or -1 when s
** has more. */
#define FUZZY_LONG 1024
static int long_code_points(const char *s, UChar32 *cp)
{
    int32_t i = 0, len = (int32_t)strlen(s);
    int n = 0;
    while (i < len) {
        if (n == FUZZY_LONG)
            return -1;
        U8_NEXT((const uint8_t *)s, i, len, cp[n]);
        n++;
    }
    return n;
}

/* glossa_edit_distance's (insertions, deletions, substitutions and swaps of
** neighbours) over the whole of a and b, not their first
** GLOSSA_DISTANCE_MAX code points (a typo past them counts, and a long term
** is not its own typo), computed only in the band of the budget max: the
** distance, or max + 1 when it is more. */
static int banded_distance(const char *a8, const char *b8, int max)
{
    enum { W = 2 * FUZZY_BUDGET_MAX + 1, FAR = 1 << 20 };
    UChar32 a[FUZZY_LONG], b[FUZZY_LONG];
    int la = long_code_points(a8, a), lb = long_code_points(b8, b);
    int row[3][W], i, off, w = 2 * max + 1;

    if (la < 0 || lb < 0)
        return (int)glossa_edit_distance(a8, b8);
    if (la - lb > max || lb - la > max)
        return max + 1;
    for (i = 0; i <= la; i++) {
        int *cur = row[i % 3], *up = row[(i + 2) % 3], *up2 = row[(i + 1) % 3], least = FAR;
        for (off = 0; off < w; off++) {
            int j = i - max + off, d;
            if (j < 0 || j > lb) {
                cur[off] = FAR;
                continue;
            }
            if (i == 0 || j == 0) {
                d = i + j;
            } else {
                d = up[off] + (a[i - 1] != b[j - 1]);
                if (off + 1 < w && up[off + 1] + 1 < d)
                    d = up[off + 1] + 1;
                if (off > 0 && cur[off - 1] + 1 < d)
                    d = cur[off - 1] + 1;
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                    up2[off] + 1 < d)
                    d = up2[off] + 1;
            }
            cur[off] = d;
            if (d < least)
                least = d;
        }
        if (least > max)
            return max + 1;
    }
    return row[la % 3][lb - la + max];
}

int glossa__fuzzy_distance(const struct glossa__fuzzy *f, const char *norm, const char *stem)
{
    int d = banded_distance(f->key, norm, f->budget);
    int ds = banded_distance(f->stem, stem, f->budget);
    if (ds < d)
        d = ds;
    return d == 0 || d > f->budget ? -1 : d;
}
