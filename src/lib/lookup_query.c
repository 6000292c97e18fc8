/*
** lookup_query.c — a query as a whole (glossa_lookup, glossa_concept): its
** day, the tiers of lookup.c run over it, then what a query that is not one
** term as typed needs — a term with an abbreviation or gloss in brackets
** (each part looked up too) and a query typed with the keyboard in the
** wrong layout (the layout tier: each reading of layout.c looked up in the
** languages of its layouts) — and the candidates ranked and loaded as hits
** (results.c). lookup.c below it has the keys and the tiers.
*/
#include "lookup_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A term pasted with its abbreviation or a gloss in brackets ("информационно-
** коммуникационные технологии (ИКТ)"): look up the text outside the brackets
** and the text inside them too. */
int glossa__bracket_alternatives(glossa_db *db, const struct query *q, glossa_mode mode,
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
    rc = glossa__run_tiers(db, &sub, mode, 0, out, err);
    sub.text = inside;
    sub.len = strlen(inside);
    if (!rc)
        rc = glossa__run_tiers(db, &sub, mode, 0, out, err);
    glossa__free(outside);
    glossa__free(inside);
    return rc;
}

/* ---- the layout tier ------------------------------------------------------------------- */

/* Some language of list a is in list b, or one of b's in a ("uz", "uz-Cyrl"). */
static int lists_overlap(const char *a, const char *b)
{
    const char *cur = a, *item;
    char tag[64];
    size_t len;
    int back;
    for (back = 0; back < 2; back++, cur = b) {
        while (glossa_list_next(&cur, &item, &len)) {
            if (!len || len >= sizeof tag)
                continue;
            memcpy(tag, item, len);
            tag[len] = '\0';
            if (glossa__lang_in_list(tag, back ? a : b))
                return 1;
        }
    }
    return 0;
}

/* Look each reading of r (n of them) up by the tiers of mode, in the
** languages of its layouts; the matches join out as layout matches, *any
** set when there are some. */
static int layout_pass(glossa_db *db, const struct query *q, glossa_mode mode,
                       struct layout_reading *r, int n, struct candidates *out, int *any,
                       glossa_error *err)
{
    struct candidates found = { NULL, 0, 0 };
    int i, rc = 0;
    size_t j;

    for (i = 0; i < n && !rc; i++) {
        struct query_keys keys;
        struct query sub = *q;
        memset(&keys, 0, sizeof keys);
        sub.keys = &keys;
        sub.text = glossa__buf_str(&r[i].text);
        sub.len = r[i].text.len;
        sub.has_han = sub.has_cyrillic = 0;
        glossa__scan_scripts(&sub);
        /* --from narrows the reading's languages; a reading in none is not tried */
        if (!q->from || !*q->from)
            sub.from = r[i].from;
        else if (*r[i].from && !lists_overlap(r[i].from, q->from))
            continue;
        found.n = 0;
        rc = glossa__run_tiers(db, &sub, mode, 0, &found, err);
        for (j = 0; !rc && j < found.n; j++) {
            struct candidate cand = found.items[j];
            cand.kind = GLOSSA_MATCH_LAYOUT;
            cand.layout = &r[i];
            *any = 1;
            if (glossa__offer(out, &cand))
                rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
        glossa__release_keys(&keys);
    }
    glossa__free(found.items);
    return rc;
}

/* Read q in the other keyboard layouts when nothing matched (or only a
** prefix or fuzzy match of a query that looks mistyped), or in --mode
** layout, and look the readings up: by every tier but fuzzy, and fuzzily
** only when none of them matched so. r holds the readings (*n of them)
** until the hits are loaded. */
int glossa__layout_tier(glossa_db *db, const struct query *q, glossa_mode mode,
                        struct layout_reading *r, int *n, struct candidates *out,
                        glossa_error *err)
{
    int best = GLOSSA_MATCH_FUZZY + 1, any = 0, rc;
    size_t j;

    for (j = 0; j < out->n; j++)
        if (out->items[j].inner < best)
            best = out->items[j].inner;
    if (mode != GLOSSA_MODE_LAYOUT && best <= GLOSSA_MATCH_FUZZY &&
        !(best >= GLOSSA_MATCH_PREFIX && glossa__layout_suspect(q->text, q->len)))
        return 0;
    if ((*n = glossa__layout_readings(q->text, q->len, r, GLOSSA__LAYOUT_READINGS)) < 0) {
        *n = 0;
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    rc = layout_pass(db, q, MODE_STRICT, r, *n, out, &any, err);
    if (!rc && !any)
        rc = layout_pass(db, q, GLOSSA_MODE_FUZZY, r, *n, out, &any, err);
    return rc;
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
        glossa__day_of((long long)time(NULL), q->as_of); /* today: the wording in force now */
    }
    return 0;
}

int glossa__not_found(glossa_db *db, int notions, const char *what, const char *id,
                      glossa_error *err)
{
    char near[256];
    glossa__suggest_id(db, notions, id, near, sizeof near);
    return glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0, "no %s '%s'%s%s%s", what, id,
                             near[0] ? "; did you mean " : "", near, near[0] ? "?" : "");
}

int glossa_concept(glossa_db *db, const char *id, const glossa_lookup_opts *opts,
                   glossa_results **out, glossa_error *err)
{
    static const glossa_lookup_opts defaults = GLOSSA_LOOKUP_OPTS_INIT;
    sqlite3_stmt *st = db->q[Q_BY_ID];
    struct query_keys none; /* a hit by id is highlighted whole: no keys needed */
    struct candidate cand;
    glossa_results *res;
    struct query q;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_LOOKUP_OPTS_VERSION, "glossa_lookup_opts", err))
        return GLOSSA_EINPUT;
    if (!opts)
        opts = &defaults;
    memset(&q, 0, sizeof q);
    memset(&none, 0, sizeof none);
    q.keys = &none;
    if ((rc = set_day(&q, opts, err)))
        return rc;
    glossa__db_begin(db);
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
            ? glossa__not_found(db, 0, "concept", id, err)
            : glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    if (db->rd.damaged)
        return glossa__db_end(db, 0, err);
    if ((rc = glossa__results_new(&res, 1, err)))
        return rc;
    cand.kind = GLOSSA_MATCH_EXACT;
    if ((rc = glossa__db_end(db, glossa__results_add(db, res, &cand, opts->to, &q, err), err))) {
        glossa_results_free(res);
        return rc;
    }
    *out = res;
    return 0;
}

void glossa__suggest_id(glossa_db *db, int notions, const char *id, char *out, size_t size)
{
    const char *sql = notions ? "SELECT xml_id FROM concept UNION ALL SELECT xml_id FROM notion"
                              : "SELECT xml_id FROM concept";
    sqlite3_stmt *st = NULL;
    size_t best = (size_t)-1, len = strlen(id);
    /* at most 3 edits, and one per 4 characters: "informaton-security" is
    ** information-security, "infosec" is nothing */
    size_t limit = len / 4 < 1 ? 1 : len / 4 > 3 ? 3 : len / 4;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *cand = (const char *)sqlite3_column_text(st, 0);
        size_t d;
        if (!cand || strlen(cand) >= size)
            continue;
        d = glossa_edit_distance(id, cand);
        if (d <= limit && d < best) {
            best = d;
            memcpy(out, cand, strlen(cand) + 1);
        }
    }
    sqlite3_finalize(st);
}

static int candidate_sort(const void *a, const void *b)
{
    return glossa__candidate_cmp(a, b);
}

int glossa_lookup(glossa_db *db, const char *query, const glossa_lookup_opts *opts,
                  glossa_results **out, glossa_error *err)
{
    return glossa__lookup(db, query, opts, 0, out, err);
}

int glossa__lookup(glossa_db *db, const char *query, const glossa_lookup_opts *opts,
                   unsigned flags, glossa_results **out, glossa_error *err)
{
    static const glossa_lookup_opts defaults = GLOSSA_LOOKUP_OPTS_INIT;
    struct candidates cands = { NULL, 0, 0 };
    struct layout_reading readings[GLOSSA__LAYOUT_READINGS];
    int n_readings = 0;
    struct query_keys keys;
    glossa_results *res = NULL;
    struct query q;
    size_t limit, i;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_LOOKUP_OPTS_VERSION, "glossa_lookup_opts", err))
        return GLOSSA_EINPUT;
    if (!opts)
        opts = &defaults;
    if (!query)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no query");
    memset(&q, 0, sizeof q);
    memset(&keys, 0, sizeof keys);
    q.keys = &keys;
    q.text = query;
    q.len = strlen(query);
    q.from = opts->from;
    q.flags = flags;
    if (q.len > 4096)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "query too long (%zu bytes, at most 4096)", q.len);
    if ((rc = glossa_text_check("the query", query, q.len, NULL, err)))
        return rc;
    glossa__scan_scripts(&q);
    if ((rc = set_day(&q, opts, err)))
        return rc;
    limit = opts->limit ? opts->limit : 10;

    glossa__db_begin(db);
    rc = glossa__run_tiers(db, &q, opts->mode, opts->in_definitions, &cands, err);
    if (!rc && !opts->in_definitions && opts->mode != GLOSSA_MODE_FTS &&
        opts->mode != GLOSSA_MODE_FULLTEXT)
        rc = glossa__bracket_alternatives(db, &q, opts->mode, &cands, err);
    if (!rc && !opts->in_definitions &&
        (opts->mode == GLOSSA_MODE_AUTO || opts->mode == GLOSSA_MODE_LAYOUT))
        rc = glossa__layout_tier(db, &q, opts->mode, readings, &n_readings, &cands, err);
    /* no term at all: "see also" the concepts whose definitions or notes use
    ** the words (a note that says why "cybersecurity" is not an equivalent) */
    if (!rc && cands.n == 0 && opts->mode == GLOSSA_MODE_AUTO && !opts->in_definitions)
        rc = glossa__collect_fulltext(db, &q, &cands, err);
    if (!rc) {
        if (cands.n > 1)
            qsort(cands.items, cands.n, sizeof *cands.items, candidate_sort);
        if (cands.n < limit)
            limit = cands.n;
        rc = glossa__results_new(&res, limit, err);
    }
    /* the hits are highlighted by the keys of the text looked up last (of a
    ** query with brackets, the text inside them) */
    for (i = 0; !rc && i < limit; i++)
        rc = glossa__results_add(db, res, &cands.items[i], opts->to, &q, err);
    glossa__free(cands.items);
    glossa__layout_readings_free(readings, n_readings);
    glossa__release_keys(&keys);
    rc = glossa__db_end(db, rc, err);
    if (rc) {
        glossa_results_free(res);
        return rc;
    }
    *out = res;
    return 0;
}

