/*
** fuzzy.c — matching despite typos, for the fuzzy tier (lookup.c runs it
** when no other tier found anything, or with --mode fuzzy): the signs to
** look up in term_sign for candidates, and the edit distance
** (glossa_edit_distance's, over the whole of both keys) of the query's
** normalised and stemmed keys to each candidate's, within a budget that
** grows with the length of the query.
**
** The candidates (the partition filter of Pass-Join, Li et al. 2011, with a
** count): a string (a term's norm, and its stem when another string) of L
** code points is cut into S(L) segments at fixed places (L * i / S); each
** is stored as a sign, a hash of (L, i, its code points), with a digest of
** all the string's signs (9 bits each). b edits spoil at most b segments
** (a swap across a boundary spoils the segment before it; the one after is
** mended by probing the query's piece with its first code point swapped
** with the one before),
** so a term within the budget has S - b segments whole in the query, each
** moved by the edits before it: a query of n code points probes, for each
** L within n ± b, each segment at each shift s with |s| + |n - L - s| <= b.
** Each row read is a candidate only when its digest shows S - b segments
** found, so a common segment (an ending shared by thousands of terms) costs
** reading its rows, not reading the terms.
** The first row of a common sign holds how many terms it has (index.c):
** of a length's segments, only the b + 1 with the fewest rows are read
** (b + 1 of them hold one of the segments a term within the budget keeps).
** Strings b code points shorter than the query are the query without b of
** them: when there are few such strings (a short key), they are looked up
** whole as a norm or a stem instead. The work is a few hundred b-tree
** searches and the rows of the signs read, not the size of the index.
*/
#include "lookup_int.h"

#include <unicode/utf8.h>

#include <stdlib.h>
#include <string.h>

#define FUZZY_LONG GLOSSA_FUZZY_LONG

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

/* The shortest string indexed: a query of 4 code points within 1 edit. */
#define FUZZY_SHORTEST 3

/* How many segments a string of L code points is cut into: enough that a
** term within the budget shares at least two with the query (b <= 1 up to
** 6 code points, 2 up to 16, 3 beyond: segments - b >= 2), and one more
** from 4, 7, 9 and 12 code points, so that an ending shared by many terms
** (two short segments) is not enough to be read. */
static int segments(int L)
{
    return L < 4 ? 3 : L < 7 ? 4 : L < 9 ? 5 : L < 12 ? 6 : GLOSSA_FUZZY_SEGS;
}

/* The bits of a sign kept in a digest (GLOSSA_FUZZY_SEGS of them in 63 bits). */
#define DIGEST_BITS 9
#define DIGEST_MASK ((1u << DIGEST_BITS) - 1)

/* The sign of segment i of a string of L code points, whose code points
** are cp[0..n) (first, when >= 0, in place of cp[0]): FNV-1a over the code points, from a seed of (L, i), in 31 bits. */
static uint32_t segment_sign(int L, int i, const UChar32 *cp, int n, UChar32 first)
{
    uint64_t h = 0xcbf29ce484222325u ^ ((uint64_t)L << 8 | (uint64_t)i);
    int j;
    h *= 0x100000001b3u;
    for (j = 0; j < n; j++) {
        UChar32 c = j == 0 && first >= 0 ? first : cp[j];
        h = (h ^ (uint64_t)(uint32_t)c) * 0x100000001b3u;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9u;
    return (uint32_t)(h >> 33);
}

/* Where segment i of L code points starts, and how long it is. */
static void segment(int L, int i, int *at, int *len)
{
    int s = segments(L);
    *at = L * i / s;
    *len = L * (i + 1) / s - *at;
}

static int long_code_points(const char *s, UChar32 *cp);

/* The signs of a string of L code points cp into sign and digest (at n): the new n. */
static int string_signs(const UChar32 *cp, int L, uint32_t *sign, int64_t *digest, int n)
{
    int i, s = segments(L);
    uint64_t d = 0;
    for (i = 0; i < s; i++) {
        int at, len;
        segment(L, i, &at, &len);
        sign[n + i] = segment_sign(L, i, cp + at, len, -1);
        d |= (uint64_t)(sign[n + i] & DIGEST_MASK) << (DIGEST_BITS * i);
    }
    for (i = 0; i < s; i++)
        digest[n + i] = (int64_t)d;
    return n + s;
}

int glossa__fuzzy_signs(const char *norm, const char *stem, uint32_t *sign, int64_t *digest)
{
    UChar32 cp[FUZZY_LONG];
    int L = long_code_points(norm, cp), n = 0;
    if (L >= FUZZY_SHORTEST)
        n = string_signs(cp, L, sign, digest, n);
    if (stem && *stem && strcmp(stem, norm) != 0 && (L = long_code_points(stem, cp)) >= FUZZY_SHORTEST)
        n = string_signs(cp, L, sign, digest, n);
    return n;
}

/* One probe into f (its 12 bits into f->seen). */
static void add_probe(struct glossa__fuzzy *f, int group, int i, uint32_t sign)
{
    uint32_t low = sign & DIGEST_MASK;
    if (f->n_probes < GLOSSA_FUZZY_PROBES) {
        f->probe[f->n_probes].sign = sign;
        f->probe[f->n_probes].seg = i;
        f->probe[f->n_probes++].group = group;
    }
    f->seen[group][i][low / 64] |= (uint64_t)1 << (low % 64);
}

/* The probes of a query string q of n code points, within b edits, of the
** strings of L code points (group g). */
static void probe_length(struct glossa__fuzzy *f, int g, const UChar32 *q, int n, int L, int b)
{
    int i, s;
    for (i = 0; i < segments(L); i++) {
        int at, len;
        segment(L, i, &at, &len);
        for (s = -b; s <= b; s++) {
            int p = at + s;
            if (abs(s) + abs(n - L - s) > b || p < 0 || p + len > n)
                continue;
            add_probe(f, g, i, segment_sign(L, i, q + p, len, -1));
            if (p > 0 && q[p - 1] != q[p]) /* a swap across its start */
                add_probe(f, g, i, segment_sign(L, i, q + p, len, q[p - 1]));
        }
    }
}

/* The strings of q (n code points) without b of them, each once, into
** f->del[source] (when there are few: GLOSSA_FUZZY_DELS at most, else 0). */
static void deletions(struct glossa__fuzzy *f, int source, const UChar32 *q, int n, int b)
{
    int at[2], i, j;
    f->n_del[source] = 0;
    if (b > 2 || (b == 2 ? n * (n - 1) / 2 : n) > GLOSSA_FUZZY_DELS)
        return;
    for (at[0] = 0; at[0] < n; at[0]++)
        for (at[1] = b == 2 ? at[0] + 1 : n; at[1] < n + (b == 1); at[1]++) {
            char *out = f->del[source][f->n_del[source]];
            int32_t len = 0;
            for (i = 0; i < n; i++)
                if (i != at[0] && i != at[1])
                    U8_APPEND_UNSAFE(out, len, q[i]);
            out[len] = '\0';
            for (j = 0; j < f->n_del[source] && strcmp(f->del[source][j], out) != 0; j++)
                ;
            if (j == f->n_del[source])
                f->n_del[source]++;
        }
}

/* The probes of a query string q of n code points for budget b, in groups
** from group0 (one per length L within n ± b). Strings b shorter are q
** without b of its code points, looked up whole (deletions) when there are
** few such: they have the fewest segments, the most terms per sign. */
static void string_probes(struct glossa__fuzzy *f, const UChar32 *q, int n, int b, int group0)
{
    int L;
    deletions(f, group0 != 0, q, n, b);
    for (L = n - b; L <= n + b; L++) {
        int g = group0 + L - (n - b);
        f->len[g] = L;
        f->segs[g] = segments(L);
        if (L >= FUZZY_SHORTEST && (f->need[g] = segments(L) - b) >= 2 &&
            (L > n - b || !f->n_del[group0 != 0]))
            probe_length(f, g, q, n, L, b);
        else
            f->need[g] = 0;
    }
}

static int probe_cmp(const void *a, const void *b)
{
    const struct glossa__fuzzy_probe *x = a, *y = b;
    return x->sign != y->sign ? (x->sign < y->sign ? -1 : 1)
           : x->group != y->group ? x->group - y->group : x->seg - y->seg;
}

int glossa__fuzzy_plan(struct glossa__fuzzy *f, const struct query_keys *keys)
{
    int i, j;
    memset(f->need, 0, sizeof f->need);
    memset(f->seen, 0, sizeof f->seen);
    f->n_probes = 0;
    f->n_del[0] = f->n_del[1] = 0;
    f->key = glossa__buf_str(&keys->key);
    f->stem = glossa__buf_str(&keys->stem);
    f->k = long_code_points(f->key, f->cp);
    if (f->k < 0 || (f->budget = fuzzy_budget(f->k)) == 0)
        return 0;
    f->ns = strcmp(f->stem, f->key) != 0 ? long_code_points(f->stem, f->scp) : 0;
    string_probes(f, f->cp, f->k, f->budget, 0);
    /* the stem, within its own budget: a short stem of a long key is not
    ** within the key's (the distance decides with the key's all the same) */
    if (f->ns > FUZZY_SHORTEST)
        string_probes(f, f->scp, f->ns, fuzzy_budget(f->ns) < f->budget ? fuzzy_budget(f->ns)
                                                                       : f->budget,
                      GLOSSA_FUZZY_LENGTHS);
    qsort(f->probe, (size_t)f->n_probes, sizeof *f->probe, probe_cmp);
    for (i = j = 0; i < f->n_probes; i++)
        if (!j || probe_cmp(&f->probe[i], &f->probe[j - 1]) != 0)
            f->probe[j++] = f->probe[i];
    f->n_probes = j;
    return 1;
}

/* How many segments of a string of group group, whose signs' digest is
** digest (term_sign.digest), the probes of f found. */
static int shared(const struct glossa__fuzzy *f, int group, int64_t digest)
{
    int i, n = 0;
    for (i = 0; i < segments(f->len[group]); i++) {
        uint32_t low = (uint32_t)((uint64_t)digest >> (DIGEST_BITS * i)) & DIGEST_MASK;
        n += (int)(f->seen[group][i][low / 64] >> (low % 64) & 1);
    }
    return n;
}

/* ---- the candidates: the rows of the probes' signs ----------------------------------- */

/* id at the end of ids (*n of *cap): 0, or -1 when memory runs out. */
static int push_id(sqlite3_int64 **ids, size_t *n, size_t *cap, sqlite3_int64 id)
{
    if (*n == *cap) {
        sqlite3_int64 *more = glossa__realloc(*ids, (*cap ? 2 * *cap : 64) * sizeof *more);
        if (!more)
            return -1;
        *ids = more;
        *cap = *cap ? 2 * *cap : 64;
    }
    (*ids)[(*n)++] = id;
    return 0;
}

/* The terms of f's probe i that share enough segments with the query
** (their digests tell), added to ids (*n, *cap). first: only its first row,
** and *size set to how many terms the sign has: 0, the count of a common
** sign's first row (term id 0, index.c), or FEW_ROWS for one of a few. */
#define FEW_ROWS 8
static int fuzzy_read(glossa_db *db, const struct glossa__fuzzy *f, int i, int first, int *size,
                      sqlite3_int64 **ids, size_t *n, size_t *cap, glossa_error *err)
{
    sqlite3_stmt *st = db->q[Q_FUZZY];
    const struct glossa__fuzzy_probe *p = &f->probe[i];
    int rc;
    sqlite3_bind_int64(st, 1, p->sign);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        if (id == 0) {
            *size = (int)sqlite3_column_int64(st, 1);
            if (first)
                break;
            continue;
        }
        *size = FEW_ROWS;
        if (shared(f, p->group, sqlite3_column_int64(st, 1)) >= f->need[p->group]) {
            if (push_id(ids, n, cap, id)) {
                sqlite3_reset(st);
                return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
            }
        }
        if (first)
            break;
    }
    return glossa__step_end(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
}

static int id_cmp(const void *a, const void *b)
{
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
    return x < y ? -1 : x > y;
}

/* The candidates of f's probes (fuzzy.c), in ids (sorted, each once; *n).
** A term within the budget has need of the segs segments of its length
** whole in the query, so it is in the rows of any segs - need + 1 of them:
** the first row of each sign tells how many it has, and the rows of the
** segments with the fewest are read. */
int glossa__fuzzy_candidates(glossa_db *db, const struct glossa__fuzzy *f, sqlite3_int64 **ids,
                             size_t *n, glossa_error *err)
{
    int size[GLOSSA_FUZZY_PROBES];
    long rows[GLOSSA_FUZZY_GROUPS][GLOSSA_FUZZY_SEGS] = { { 0 } };
    unsigned read[GLOSSA_FUZZY_GROUPS] = { 0 };
    int i, g, rc;
    size_t cap = 0, j, k;

    *n = 0;
    for (i = 0; i < f->n_probes; i++) {
        size[i] = 0;
        if ((rc = fuzzy_read(db, f, i, 1, &size[i], ids, n, &cap, err)))
            return rc;
        rows[f->probe[i].group][f->probe[i].seg] += size[i];
    }
    for (g = 0; g < GLOSSA_FUZZY_GROUPS; g++) {
        int left;
        for (left = f->need[g] ? f->segs[g] - f->need[g] + 1 : 0; left > 0; left--) {
            int best = -1;
            for (i = 0; i < f->segs[g]; i++)
                if (!(read[g] >> i & 1) && (best < 0 || rows[g][i] < rows[g][best]))
                    best = i;
            read[g] |= 1u << best;
        }
    }
    for (i = 0; i < f->n_probes; i++)
        if (size[i] > 1 && (read[f->probe[i].group] >> f->probe[i].seg & 1) &&
            (rc = fuzzy_read(db, f, i, 0, &size[i], ids, n, &cap, err)))
            return rc;
    for (g = 0; g < 2; g++)
        for (i = 0; i < f->n_del[g]; i++) {
            sqlite3_stmt *st = db->q[g ? Q_STEM : Q_NORM];
            sqlite3_bind_text(st, 1, f->del[g][i], -1, SQLITE_STATIC);
            while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                if (push_id(ids, n, &cap, sqlite3_column_int64(st, 0))) {
                    sqlite3_reset(st);
                    return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
                }
            }
            if ((rc = glossa__step_end(db, st, rc, err)))
                return rc;
        }
    if (*n)
        qsort(*ids, *n, sizeof **ids, id_cmp);
    for (j = k = 0; j < *n; j++)
        if (!k || (*ids)[j] != (*ids)[k - 1])
            (*ids)[k++] = (*ids)[j];
    *n = k;
    return 0;
}

/* ---- the edit distance ------------------------------------------------------------------ */

/* The code points of s in cp (at most FUZZY_LONG): how many, or -1 when s
** has more. */
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
    int d = banded_distance(f->key, norm, f->budget), ds;
    /* a stem of fewer than 4 code points is too short to tell a typo (and is
    ** not probed): within a budget of it is a word of its own */
    if ((f->ns == 0 || f->ns > FUZZY_SHORTEST) &&
        (ds = banded_distance(f->stem, stem, f->budget)) < d)
        d = ds;
    return d == 0 || d > f->budget ? -1 : d;
}
