/*
** scan.c — finding every glossary term in running text (`glossa scan`).
**
** The scanner reads every term of an index once and builds a trie over
** words: terms of a language that has a Snowball stemmer (ru, en, hi) are
** keyed by the stems of their words, the others (and abbreviations) by their
** normalised words. The document is split into normalised words (text.c,
** norm.c); each is stemmed once per distinct form (a cache), and the word
** stream is walked once: at each word the longest term that starts there
** wins and the walk goes on after it (leftmost-longest, no overlaps). The
** work per word is bounded by the longest term, so scanning is linear in the
** size of the document. SQLite is read only when the scanner is made.
**
** This file: the scanner made from an index (its terms, the concepts and
** their equivalents). scan_trie.c is the trie over words, scan_walk.c the
** walk through a document and its matches, scan_html.c the HTML page
** (scan_int.h: what they share).
*/
#include "scan_int.h"

#include <sqlite3.h>

#include <string.h>

/* ---- loading ---------------------------------------------------------------------------- */

static const char load_sql[] =
    "SELECT t.concept_id, t.lang, t.text, t.norm, t.status, t.term_type, t.geo, t.working,"
    " c.xml_id, c.status, c.reliability, t.legal_id IS NOT NULL"
    " FROM term t JOIN concept c ON c.id = t.concept_id ORDER BY c.ord, c.id, t.ord, t.id";

/* The checked text of column i of table (flags: GLOSSA_COL_*), copied; NULL
** when it is NULL (allowed), or out of memory. */
static const char *col(struct glossa__reader *rd, struct glossa_arena *a, sqlite3_stmt *st,
                       int i, const char *table, unsigned flags)
{
    const char *v = glossa__col_text(rd, st, i, table, flags);
    return v ? glossa__arena_strdup(a, v) : NULL;
}


/* The equivalents gathered in eq become concept c's (copied to the arena). */
static int close_concept(glossa_scanner *s, struct scan_concept *c, const glossa_term *eq,
                         size_t n)
{
    c->n_eq = n;
    c->eq = NULL;
    if (!n)
        return 0;
    c->eq = glossa__arena_alloc(s->arena, n * sizeof *eq);
    if (!c->eq)
        return GLOSSA_ENOMEM;
    memcpy(c->eq, eq, n * sizeof *eq);
    return 0;
}

static int load(glossa_scanner *s, sqlite3 *db, const char *path, const glossa_scan_opts *o,
                glossa_error *err)
{
    struct glossa__reader rd = GLOSSA_READER_INIT(path);
    sqlite3_stmt *st = NULL;
    glossa_term *eq = NULL;
    size_t n_eq = 0, cap_eq = 0;
    sqlite3_int64 last = -1;
    int rc, src;

    src = sqlite3_prepare_v2(db, load_sql, -1, &st, NULL);
    if (src != SQLITE_OK)
        return glossa__error_sqlite(err, db, src, NULL, "cannot read the terms");
    while (!rd.damaged && (src = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 cid = glossa__col_int(&rd, st, 0, "term", 1, GLOSSA_ID_MAX, 0);
        const char *lang = glossa__col_text(&rd, st, 1, "term", GLOSSA_COL_LANG);
        /* a term of a state's act is found in a text, but is no equivalent:
        ** the concept's own terms are (as lookup and show list them) */
        int want_eq = glossa__lang_in_list(lang, o->to) && !sqlite3_column_int(st, 11);
        int want_match = glossa__lang_in_list(lang, o->from);
        struct scan_concept *c;
        if (cid != last) {
            if (s->n_concepts &&
                close_concept(s, &s->concepts[s->n_concepts - 1], eq, n_eq))
                goto oom;
            n_eq = 0;
            if (glossa__grow((void **)&s->concepts, &s->cap_concepts, s->n_concepts, sizeof *c))
                goto oom;
            c = &s->concepts[s->n_concepts++];
            memset(c, 0, sizeof *c);
            c->id = col(&rd, s->arena, st, 8, "concept", 0);
            c->status = glossa__col_enum(&rd, st, 9, "concept", glossa__concept_statuses) < 0
                            ? "" : col(&rd, s->arena, st, 9, "concept", 0);
            c->reliability = (int)glossa__col_int(&rd, st, 10, "concept", 1, 4, 0);
            if (!c->id || !c->status)
                goto oom;
            last = cid;
        }
        if (want_eq) {
            glossa_term *e;
            if (glossa__grow((void **)&eq, &cap_eq, n_eq, sizeof *e))
                goto oom;
            e = &eq[n_eq++];
            e->lang = col(&rd, s->arena, st, 1, "term", GLOSSA_COL_LANG);
            e->text = col(&rd, s->arena, st, 2, "term", 0);
            e->status = glossa__col_enum(&rd, st, 4, "term", glossa__term_statuses) < 0
                            ? "" : col(&rd, s->arena, st, 4, "term", 0);
            e->term_type = col(&rd, s->arena, st, 5, "term", GLOSSA_COL_NULL);
            e->geo = col(&rd, s->arena, st, 6, "term", GLOSSA_COL_NULL);
            e->working = (int)glossa__col_int(&rd, st, 7, "term", 0, 1, 0);
            if (!e->lang || !e->text || !e->status)
                goto oom;
        }
        if (want_match) {
            struct scan_term *t;
            const char *norm = glossa__col_text(&rd, st, 3, "term", 0);
            if (glossa__grow((void **)&s->terms, &s->cap_terms, s->n_terms, sizeof *t))
                goto oom;
            t = &s->terms[s->n_terms];
            t->concept = (int)s->n_concepts - 1;
            t->lang = want_eq ? eq[n_eq - 1].lang : col(&rd, s->arena, st, 1, "term", GLOSSA_COL_LANG);
            t->text = want_eq ? eq[n_eq - 1].text : col(&rd, s->arena, st, 2, "term", 0);
            t->rank = glossa__col_enum(&rd, st, 4, "term", glossa__term_statuses) * 1000000 +
                      (int)(s->n_terms % 1000000);
            if (!t->lang || !t->text)
                goto oom;
            if (glossa__scan_insert_term(s, (int)s->n_terms, norm,
                            glossa__col_text(&rd, st, 5, "term", GLOSSA_COL_NULL)))
                goto oom;
            s->n_terms++;
        }
    }
    if (rd.damaged) {
        rc = (*err = rd.err).code;
        goto fail;
    }
    if (src != SQLITE_DONE) {
        rc = glossa__error_sqlite(err, db, src, NULL, "cannot read the terms");
        goto fail;
    }
    if (s->n_concepts && close_concept(s, &s->concepts[s->n_concepts - 1], eq, n_eq))
        goto oom;
    sqlite3_finalize(st);
    glossa__free(eq);
    return 0;
oom:
    rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
fail:
    sqlite3_finalize(st);
    glossa__free(eq);
    return rc;
}

int glossa_scanner_new(glossa_scanner **out, glossa_db *db, const glossa_scan_opts *opts,
                       glossa_error *err)
{
    glossa_scan_opts defaults = GLOSSA_SCAN_OPTS_INIT;
    glossa_scanner *s;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_SCAN_OPTS_VERSION, "glossa_scan_opts", err))
        return GLOSSA_EINPUT;
    if (!opts)
        opts = &defaults;
    s = glossa__calloc(1, sizeof *s);
    if (!s || !(s->arena = glossa__arena_new())) {
        glossa__free(s);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    glossa__strmap_init(&s->words);
    glossa__strmap_init(&s->cache);
    if ((rc = glossa__keys_new(&s->keys, err)))
        goto fail;
    s->cap_edges = 256;
    s->edges = glossa__calloc(s->cap_edges, sizeof *s->edges);
    if (!s->edges || glossa__scan_new_node(s) != ROOT_STEM ||
        glossa__scan_new_node(s) != ROOT_PLAIN) {
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    if ((rc = load(s, glossa__db_sql(db), glossa__db_path(db), opts, err)))
        goto fail;
    *out = s;
    return 0;
fail:
    glossa_scanner_free(s);
    return rc;
}

void glossa_scanner_free(glossa_scanner *s)
{
    if (!s)
        return;
    glossa__keys_free(s->keys);
    glossa__strmap_release(&s->words);
    glossa__strmap_release(&s->cache);
    glossa__free(s->cache_ids);
    glossa__free(s->node_terms);
    glossa__free(s->links);
    glossa__free(s->edges);
    glossa__free(s->terms);
    glossa__free(s->concepts);
    glossa__arena_free(s->arena);
    glossa__free(s);
}

size_t glossa_scanner_terms(const glossa_scanner *s)
{
    return s->n_terms;
}
