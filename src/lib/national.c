/*
** national.c — the study of national legislation (plan item 1.2) as the
** index holds it: a notion of the study as a one-result set (glossa_notion),
** with the definitions of the member states' acts that relate to it
** (glossa__load_legal, results.c, which a concept's hit has too). The rows
** are written by index.c from glossary/national/; like every row of an
** index they are read through the checked column readers. glossa_legal_cite
** is how every front end cites a national definition's act.
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

int glossa_notion(glossa_db *db, const char *id, glossa_results **out, glossa_error *err)
{
    sqlite3_stmt *st = db->q[Q_NOTION];
    glossa_results *res = NULL;
    struct glossa_arena *a;
    glossa_term *label;
    glossa_hit *h;
    int rc, oom = 0;

    if (!id)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no notion id");
    glossa__db_begin(db);
    if ((rc = glossa__results_new(&res, 1, err)))
        return rc;
    a = glossa__results_arena(res);
    h = glossa__results_push(res);
    label = glossa__arena_alloc(a, sizeof *label);
    if (!label) {
        glossa_results_free(res);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
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
    if (rc != SQLITE_ROW) {
        glossa_results_free(res);
        rc = rc == SQLITE_DONE
            ? glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0, "no concept or notion '%s'", id)
            : glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
        return glossa__db_end(db, rc, err);
    }
    h->id = glossa__arena_strdup(a, id);
    h->status = "notion";
    h->how = GLOSSA_MATCH_EXACT;
    h->terms = label;
    h->n_terms = 1;
    h->match_lang = label->lang;
    h->match_text = label->text;
    rc = glossa__load_legal(db, a, id, &h->legal, &h->n_legal, &oom);
    if (!h->id)
        oom = 1;
    if (oom)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    else if (rc != SQLITE_OK)
        rc = glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
    if ((rc = glossa__db_end(db, rc, err))) {
        glossa_results_free(res);
        return rc;
    }
    *out = res;
    return 0;
}
