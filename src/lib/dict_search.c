/*
** dict_search.c — DEFINE and MATCH of the DICT server: one lookup per
** source language and command (a pair database "ru-zh" matches Russian terms
** and keeps the concepts that have Chinese ones), the best matches as
** definitions (the looser kinds not looked for), the MATCH strategies as
** lookup modes (hits with their matched terms alone, not whole concepts),
** and substring as a scan of the normalised terms. Answers are written by
** dict_text.c.
*/
#include "dict_int.h"

#include <sqlite3.h>
#include <unicode/utf8.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

const struct dict_strategy glossa__dict_strategies[DICT_N_STRATEGIES] = {
    { "exact", "Match terms exactly (case, width, ё/е and script variants folded)",
      GLOSSA_MODE_NORMALIZED },
    { "prefix", "Match terms with words that begin with the query words", GLOSSA_MODE_PREFIX },
    { "substring", "Match terms that contain the query", DICT_MODE_SUBSTRING },
    { "lev", "Match terms within 1-3 typing errors (by length)", GLOSSA_MODE_FUZZY },
    { "stem", "Match inflected forms (Snowball stems for ru, en, hi)", GLOSSA_MODE_STEM },
    { "translit", "Match across scripts: Latin transliteration, toneless pinyin",
      GLOSSA_MODE_TRANSLIT },
    { "smart", "glossa's ranked search: exact, normalized, stem, translit, prefix, then typos",
      GLOSSA_MODE_AUTO },
};

/* 1 when the concept of h has a term in language lang. */
static int hit_has_lang(const glossa_hit *h, int lang)
{
    size_t i;
    for (i = 0; i < h->n_terms; i++)
        if (glossa__lang_matches(h->terms[i].lang, DICT_LANG(lang).tag))
            return 1;
    return 0;
}

struct lookups {
    glossa_results *res[DICT_N_LANGS + 1]; /* [0]: all, [1 + i]: DICT_LANG(i) */
    int done[DICT_N_LANGS + 1];
};

static void lookups_release(struct lookups *l)
{
    size_t i;
    for (i = 0; i <= DICT_N_LANGS; i++)
        glossa_results_free(l->res[i]);
}

/* The lookup of word for db's source language, made once per command.
** flags: what the answer does not show (GLOSSA__LOOKUP_*); a language
** pair's hits keep their terms, whose languages say if they have the pair's. */
static int lookup_for(glossa_dict *d, struct lookups *l, const struct dict_db *db, const char *word,
                      glossa_mode mode, unsigned limit, unsigned flags,
                      const glossa_results **out, glossa_error *err)
{
    glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
    int slot = db->src + 1, rc;
    if (!l->done[slot]) {
        o.from = db->src >= 0 ? DICT_LANG(db->src).tag : NULL;
        o.mode = mode;
        o.limit = limit;
        if (db->dst >= 0)
            flags &= ~GLOSSA__LOOKUP_NO_TERMS;
        if ((rc = glossa__lookup(d->db, word, &o, flags, &l->res[slot], err)))
            return rc;
        l->done[slot] = 1;
    }
    *out = l->res[slot];
    return 0;
}

/* Which databases a command names: one (a language pair too), "*" (every
** listed one: "all") or "!" (the first listed one that answers); *listed_only
** is set for those two. Returns 0, or 550 for an unknown name. */
static int resolve(const glossa_dict *d, const char *name, size_t *first, size_t *end,
                   int *first_only, int *listed_only)
{
    size_t i;
    *first_only = strcmp(name, "!") == 0;
    *listed_only = *first_only || strcmp(name, "*") == 0;
    if (*listed_only) {
        *first = 0;
        *end = d->n_dbs;
        return 0;
    }
    for (i = 0; i < d->n_dbs; i++) {
        if (strcasecmp(name, d->dbs[i].name) == 0) {
            *first = i;
            *end = i + 1;
            return 0;
        }
    }
    return 550;
}

static const char msg_552[] = "552 no match\r\n";

int glossa__dict_define(glossa_dict_session *s, const char *dbname, const char *word,
                        struct glossa_buf *r, glossa_error *err)
{
    glossa_dict *d = s->d;
    struct lookups l;
    struct glossa_buf body = GLOSSA_BUF_INIT;
    size_t first, end, i, k;
    int first_only, listed_only, rc = 0;
    unsigned count = 0;

    if (resolve(d, dbname, &first, &end, &first_only, &listed_only))
        return glossa__buf_adds(r, DICT_550);
    memset(&l, 0, sizeof l);
    for (i = first; !rc && i < end && !(first_only && count); i++) {
        const struct dict_db *db = &d->dbs[i];
        const glossa_results *res;
        const glossa_hit *best;
        char desc[128];
        if (listed_only && !db->listed)
            continue;
        /* the best kind of match alone is shown */
        if ((rc = lookup_for(d, &l, db, word, GLOSSA_MODE_AUTO, d->define_limit,
                             GLOSSA__LOOKUP_BEST_KIND, &res, err)))
            break;
        best = glossa_results_get(res, 0);
        /* Typos are no definition: the client then asks MATCH for suggestions. */
        if (!best || best->how == GLOSSA_MATCH_FUZZY)
            continue;
        glossa__dict_description(db, desc, sizeof desc);
        for (k = 0; !rc && k < glossa_results_count(res); k++) {
            const glossa_hit *h = glossa_results_get(res, k);
            if (h->how != best->how || (db->dst >= 0 && !hit_has_lang(h, db->dst)))
                continue;
            if (glossa__buf_adds(&body, "151 ") || glossa__dict_quoted(&body, h->match_text) ||
                glossa__buf_addf(&body, " %s ", db->name) || glossa__dict_quoted(&body, desc) ||
                glossa__buf_add(&body, "\r\n", 2) || glossa__dict_mime(s, &body, 1) ||
                glossa__dict_concept(&body, h, db, word) || glossa__buf_adds(&body, ".\r\n"))
                rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
            count++;
        }
    }
    lookups_release(&l);
    if (!rc) {
        if (!count)
            rc = glossa__buf_adds(r, msg_552);
        else if (glossa__buf_addf(r, "150 %u definition%s retrieved\r\n", count, DICT_S(count)) ||
                 glossa__buf_add(r, body.data, body.len) || glossa__buf_adds(r, "250 ok\r\n"))
            rc = GLOSSA_ENOMEM;
    }
    glossa__buf_release(&body);
    return rc;
}

/* One line of a MATCH answer, unless the same word was listed for db already
** (written at the end of body, then taken back if it was). */
static int add_match(struct glossa_buf *body, size_t db_start, const char *dbname, const char *word,
                     unsigned *count)
{
    size_t at = body->len, n;
    const char *p, *line;
    if (glossa__buf_addf(body, "%s ", dbname) || glossa__dict_quoted(body, word) ||
        glossa__buf_add(body, "\r\n", 2))
        return GLOSSA_ENOMEM;
    line = body->data + at;
    for (p = body->data + db_start; p < line; p += n) {
        const char *nl = memchr(p, '\n', (size_t)(line - p));
        n = nl ? (size_t)(nl - p) + 1 : (size_t)(line - p);
        if (n == body->len - at && memcmp(p, line, n) == 0) {
            body->len = at;
            body->data[at] = '\0';
            return 0;
        }
    }
    (*count)++;
    return 0;
}

/* substring: terms whose normalised form contains the normalised query
** (without spaces for Chinese, which is written without them). */
static int match_substring(glossa_dict *d, const struct dict_db *db, const char *word,
                           struct glossa_buf *body, size_t db_start, unsigned *count,
                           glossa_error *err)
{
    static const char sql_text[] =
        "SELECT t.text, min(t.ord) AS o FROM term t"
        " WHERE instr(CASE WHEN ?4 THEN replace(t.norm, ' ', '') ELSE t.norm END, ?1) > 0"
        "  AND (?2 IS NULL OR t.lang = ?2 OR t.lang LIKE ?2 || '-%')"
        "  AND (?3 IS NULL OR EXISTS (SELECT 1 FROM term u WHERE u.concept_id = t.concept_id"
        "       AND (u.lang = ?3 OR u.lang LIKE ?3 || '-%')))"
        " GROUP BY t.text ORDER BY o LIMIT ?5";
    struct glossa_buf key = GLOSSA_BUF_INIT;
    sqlite3 *sql = glossa__db_sql(d->db);
    struct glossa__reader rd = GLOSSA_READER_INIT(glossa__db_path(d->db));
    sqlite3_stmt *st = NULL;
    int32_t i = 0;
    int han = 0, rc;

    if (glossa__norm_key(d->norm, word, strlen(word), &key))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    while (i < (int32_t)key.len) {
        UChar32 c;
        U8_NEXT((const uint8_t *)key.data, i, (int32_t)key.len, c);
        han |= glossa__is_han(c);
    }
    if (han) { /* drop the spaces between words */
        size_t j, n = 0;
        for (j = 0; j < key.len; j++)
            if (key.data[j] != ' ')
                key.data[n++] = key.data[j];
        key.len = n;
        key.data[n] = '\0';
    }
    if (key.len == 0) {
        glossa__buf_release(&key);
        return 0;
    }
    rc = sqlite3_prepare_v2(sql, sql_text, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key.data, (int)key.len, SQLITE_STATIC);
        if (db->src >= 0)
            sqlite3_bind_text(st, 2, DICT_LANG(db->src).tag, -1, SQLITE_STATIC);
        if (db->dst >= 0)
            sqlite3_bind_text(st, 3, DICT_LANG(db->dst).tag, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, han);
        sqlite3_bind_int(st, 5, (int)d->match_limit);
        while (!rd.damaged && (rc = sqlite3_step(st)) == SQLITE_ROW)
            if (add_match(body, db_start, db->name, glossa__col_text(&rd, st, 0, "term", 0),
                          count)) {
                rc = SQLITE_NOMEM;
                break;
            }
    }
    if (rd.damaged)
        rc = (*err = rd.err).code;
    else if (rc == SQLITE_DONE)
        rc = 0;
    else if (rc == SQLITE_NOMEM)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    else
        rc = glossa__error_sqlite(err, sql, rc, glossa__db_path(d->db), "lookup failed");
    sqlite3_finalize(st);
    glossa__buf_release(&key);
    return rc;
}

int glossa__dict_match(glossa_dict_session *s, const char *dbname, const char *strat,
                       const char *word, struct glossa_buf *r, glossa_error *err)
{
    glossa_dict *d = s->d;
    struct lookups l;
    struct glossa_buf body = GLOSSA_BUF_INIT;
    size_t first, end, i, k, si;
    int first_only, listed_only, rc = 0, mode = GLOSSA_MODE_AUTO;
    unsigned count = 0;

    if (resolve(d, dbname, &first, &end, &first_only, &listed_only))
        return glossa__buf_adds(r, DICT_550);
    if (strcmp(strat, ".") != 0) {
        for (si = 0; si < DICT_N_STRATEGIES && strcasecmp(strat, DICT_STRATEGY(si).name) != 0; si++)
            ;
        if (si == DICT_N_STRATEGIES)
            return glossa__buf_adds(r, "551 invalid strategy, use \"SHOW STRAT\" for a list "
                                       "of strategies\r\n");
        mode = DICT_STRATEGY(si).mode;
    }
    memset(&l, 0, sizeof l);
    for (i = first; !rc && i < end && !(first_only && count); i++) {
        const struct dict_db *db = &d->dbs[i];
        const glossa_results *res;
        size_t db_start = body.len;
        if (listed_only && !db->listed)
            continue;
        if (mode == DICT_MODE_SUBSTRING) {
            rc = match_substring(d, db, word, &body, db_start, &count, err);
            continue;
        }
        /* the matched terms alone are shown */
        if ((rc = lookup_for(d, &l, db, word, (glossa_mode)mode, d->match_limit,
                             GLOSSA__LOOKUP_HEADS | GLOSSA__LOOKUP_NO_TERMS, &res, err)))
            break;
        for (k = 0; !rc && k < glossa_results_count(res); k++) {
            const glossa_hit *h = glossa_results_get(res, k);
            if ((db->dst >= 0 && !hit_has_lang(h, db->dst)) || !h->match_text)
                continue;
            if (add_match(&body, db_start, db->name, h->match_text, &count))
                rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    lookups_release(&l);
    if (!rc) {
        if (!count)
            rc = glossa__buf_adds(r, msg_552);
        else if (glossa__buf_addf(r, "152 %u match%s found\r\n", count, count == 1 ? "" : "es") ||
                 glossa__dict_mime(s, r, 0) || glossa__buf_add(r, body.data, body.len) ||
                 glossa__buf_adds(r, ".\r\n250 ok\r\n"))
            rc = GLOSSA_ENOMEM;
    }
    glossa__buf_release(&body);
    return rc;
}
