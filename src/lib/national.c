/*
** national.c — the study of national legislation (plan item 1.2) as the
** index holds it: a notion of the study as a one-result set (glossa_notion),
** with the definitions of the member states' acts that relate to it
** (glossa__load_legal, results.c, which a concept's hit has too). The rows
** are written by index.c from glossary/national/; like every row of an
** index they are read through the checked column readers; and the notions
** a query names by a national term (glossa_notion_lookup: notions are not
** concepts, so lookup's tiers do not reach them). glossa_legal_cite is how
** every front end cites a national definition's act.
*/
#include "lookup_int.h"

#include <stdio.h>
#include <string.h>

char *glossa_legal_cite(const glossa_legal *l)
{
    const char *title = l->act ? l->act : l->act_id;
    size_t n = strlen(title) + 16 + (l->number ? strlen(l->number) : 0) +
               (l->adopted ? strlen(l->adopted) : 0) + (l->article ? strlen(l->article) : 0);
    char *s = glossa__malloc(n);
    if (s)
        snprintf(s, n, "%s%s«%s»%s%s%s%s%s", l->number ? l->number : "", l->number ? " " : "",
                 title, l->adopted ? " (" : "", l->adopted ? l->adopted : "",
                 l->adopted ? ")" : "", l->article ? ", " : "", l->article ? l->article : "");
    return s;
}

/* The notion id as the next hit of res: its label as its one term, its
** national definitions. 0, or an error set in err (the caller ends the
** operation on the index). */
static int notion_into(glossa_db *db, glossa_results *res, const char *id, glossa_error *err)
{
    sqlite3_stmt *st = db->q[Q_NOTION];
    struct glossa_arena *a = glossa__results_arena(res);
    glossa_term *label = glossa__arena_alloc(a, sizeof *label);
    glossa_hit *h;
    int rc, oom = 0;

    if (!label)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    memset(label, 0, sizeof *label);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        label->text = glossa__row_text(db, a, st, 0, "notion", 0, &oom);
        label->lang = glossa__row_text(db, a, st, 1, "notion", GLOSSA_COL_LANG, &oom);
        label->status = "label";
        label->working = 1;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE
            ? glossa__not_found(db, 1, "concept or notion", id, err)
            : glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    h = glossa__results_push(res);
    h->id = glossa__arena_strdup(a, id);
    h->status = "notion";
    h->how = GLOSSA_MATCH_EXACT;
    h->terms = label;
    h->n_terms = 1;
    h->match_lang = label->lang;
    h->match_text = label->text;
    rc = glossa__load_legal(db, a, id, &h->legal, &h->n_legal, &oom);
    if (!h->id || oom)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    return rc != SQLITE_OK ? glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed") : 0;
}

int glossa_notion(glossa_db *db, const char *id, glossa_results **out, glossa_error *err)
{
    glossa_results *res = NULL;
    int rc;

    if (!id)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no notion id");
    if ((rc = glossa__results_new(&res, 1, err)))
        return rc;
    glossa__db_begin(db);
    rc = notion_into(db, res, id, err);
    if ((rc = glossa__db_end(db, rc, err))) {
        glossa_results_free(res);
        return rc;
    }
    *out = res;
    return 0;
}

/* The national terms the query is (by stem key: inflected forms meet) of
** the notions the term base lacks: up to 8 notions as hits. */
#define NOTION_HITS 8

int glossa_notion_lookup(glossa_db *db, const char *query, glossa_results **out,
                         glossa_error *err)
{
    struct glossa_buf want = GLOSSA_BUF_INIT, have = GLOSSA_BUF_INIT;
    sqlite3_stmt *st = NULL;
    glossa_results *res = NULL;
    char *ids[NOTION_HITS], *terms[NOTION_HITS], *langs[NOTION_HITS];
    size_t n = 0, i;
    int rc;

    if (!db || !query || !out)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no index or no query");
    if ((rc = glossa_text_check("the query", query, strlen(query), NULL, err)))
        return rc;
    if (glossa__stem_key(db->keys, query, strlen(query), NULL, &want)) {
        glossa__buf_release(&want);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    glossa__db_begin(db);
    rc = sqlite3_prepare_v2(db->sql, "SELECT l.term, l.target, l.lang FROM legal_definition l"
                                     " JOIN notion n ON n.xml_id = l.target ORDER BY l.ord",
                            -1, &st, NULL);
    while (rc == SQLITE_OK && want.len && n < NOTION_HITS &&
           (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK; /* a row read: on to the next */
        const char *term = glossa__col_text(&db->rd, st, 0, "legal_definition", 0);
        const char *target = glossa__col_text(&db->rd, st, 1, "legal_definition", 0);
        int seen = 0;
        if (!term || !target)
            continue;
        glossa__buf_clear(&have);
        if (glossa__stem_key(db->keys, term, strlen(term), NULL, &have)) {
            rc = SQLITE_NOMEM;
            break;
        }
        if (have.len != want.len || memcmp(glossa__buf_str(&have), glossa__buf_str(&want),
                                           want.len) != 0)
            continue;
        for (i = 0; i < n; i++)
            seen |= strcmp(ids[i], target) == 0;
        if (seen)
            continue;
        ids[n] = glossa__strdup(target);
        terms[n] = glossa__strdup(term);
        langs[n] = glossa__strdup(glossa__row_lang(db, st, 2, "legal_definition"));
        n++;
        if (!ids[n - 1] || !terms[n - 1] || !langs[n - 1])
            rc = SQLITE_NOMEM;
    }
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        rc = SQLITE_OK;
    sqlite3_finalize(st);
    glossa__buf_release(&want);
    glossa__buf_release(&have);
    if (rc == SQLITE_NOMEM)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    else if (rc)
        rc = glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    if (!rc)
        rc = glossa__results_new(&res, n, err);
    for (i = 0; !rc && i < n; i++) {
        glossa_hit *h;
        if ((rc = notion_into(db, res, ids[i], err)))
            break;
        /* the match is the national term the query is, by its stem */
        h = (glossa_hit *)glossa_results_get(res, glossa_results_count(res) - 1);
        h->how = GLOSSA_MATCH_STEM;
        h->match_text = glossa__arena_strdup(glossa__results_arena(res), terms[i]);
        h->match_lang = glossa__arena_strdup(glossa__results_arena(res), langs[i]);
        if (!h->match_text || !h->match_lang)
            rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (i = 0; i < n; i++) {
        glossa__free(ids[i]);
        glossa__free(terms[i]);
        glossa__free(langs[i]);
    }
    if ((rc = glossa__db_end(db, rc, err))) {
        glossa_results_free(res);
        return rc;
    }
    *out = res;
    return 0;
}
