/*
** candidates_national.c — `glossa candidates --national`: the notions annex
** 1 lacks, as the study of national legislation found them (the input for
** plan item 1.3). Read from the index: every notion of the study
** (glossary/national/notions.xml) and every concept of the term base outside
** annex 1 (not in force: the statements' concepts), each with the national
** definitions that relate to it (glossa__load_legal), ranked by the member
** states whose acts define it (relation "same"), then by those definitions,
** then by the states with only a broader, narrower or related definition
** (glossa_legal_tally_of counts them, for the ranking and for the printers).
*/
#include "lookup_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The notions, then the concepts outside annex 1, with a label: the notion's
** own, a concept's preferred term in English (else Russian) as in force. */
static const char list_sql[] =
    "SELECT xml_id, label, lang, 'notion' FROM notion"
    " UNION ALL "
    "SELECT c.xml_id, t.text, t.lang, 'statement' FROM concept c"
    " LEFT JOIN term t ON t.id = (SELECT id FROM term WHERE concept_id = c.id"
    "  AND status = 'preferred' AND legal_id IS NULL AND valid_to IS NULL"
    "  AND lang IN ('en', 'ru') ORDER BY lang = 'en' DESC, ord LIMIT 1)"
    " WHERE c.status <> 'in-force'";

void glossa_legal_tally_of(const glossa_legal *legal, size_t n, glossa_legal_tally *t)
{
    char seen_same[GLOSSA_TALLY_STATES][3], seen_any[GLOSSA_TALLY_STATES][3];
    size_t n_same = 0, n_any = 0, i, k;

    memset(t, 0, sizeof *t);
    for (i = 0; i < n; i++) {
        const glossa_legal *l = &legal[i];
        int same = strcmp(l->relation, "same") == 0;
        for (k = 0; k < n_any && strcmp(seen_any[k], l->state) != 0; k++)
            ;
        if (k == n_any && n_any < GLOSSA_TALLY_STATES) {
            snprintf(seen_any[n_any++], 3, "%s", l->state);
            /* "BY CN KZ": every state with a definition, in the order given */
            snprintf(t->codes + strlen(t->codes), sizeof t->codes - strlen(t->codes), "%s%s",
                     *t->codes ? " " : "", l->state);
        }
        if (!same) {
            t->related++;
            continue;
        }
        t->definitions++;
        for (k = 0; k < n_same && strcmp(seen_same[k], l->state) != 0; k++)
            ;
        if (k == n_same && n_same < GLOSSA_TALLY_STATES)
            snprintf(seen_same[n_same++], 3, "%s", l->state);
    }
    t->states = (unsigned)n_same;
    t->related_states = (unsigned)(n_any - n_same);
}

static int by_rank(const void *a, const void *b)
{
    const glossa_hit *x = a, *y = b;
    glossa_legal_tally tx, ty;
    glossa_legal_tally_of(x->legal, x->n_legal, &tx);
    glossa_legal_tally_of(y->legal, y->n_legal, &ty);
    if (tx.states != ty.states)
        return tx.states > ty.states ? -1 : 1;
    if (tx.definitions != ty.definitions)
        return tx.definitions > ty.definitions ? -1 : 1;
    if (tx.related_states != ty.related_states)
        return tx.related_states > ty.related_states ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Rows of list_sql, counted first (a result set is made with its room). */
static int count_rows(glossa_db *db, sqlite3_stmt *st, size_t *n)
{
    int rc;
    (void)db;
    *n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        (*n)++;
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int glossa_candidates_national(glossa_db *db, glossa_results **out, glossa_error *err)
{
    sqlite3_stmt *st = NULL;
    glossa_results *res = NULL;
    struct glossa_arena *a;
    size_t n = 0, legal = 0, i;
    int rc, oom = 0;

    *out = NULL;
    glossa__db_begin(db);
    rc = sqlite3_prepare_v2(db->sql, list_sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = count_rows(db, st, &n);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(st);
        return glossa__db_end(db, glossa__error_sqlite(err, db->sql, rc, db->path,
                                                       "cannot list the notions"), err);
    }
    if ((rc = glossa__results_new(&res, n, err))) {
        sqlite3_finalize(st);
        return glossa__db_end(db, rc, err);
    }
    a = glossa__results_arena(res);
    for (i = 0; i < n && (rc = sqlite3_step(st)) == SQLITE_ROW && !oom; i++) {
        glossa_hit *h = glossa__results_push(res);
        glossa_term *label = glossa__arena_alloc(a, sizeof *label);
        int notion;
        if (!label) {
            oom = 1;
            break;
        }
        memset(label, 0, sizeof *label);
        h->id = glossa__row_text(db, a, st, 0, "notion", 0, &oom);
        label->text = glossa__row_text(db, a, st, 1, "notion", GLOSSA_COL_NULL, &oom);
        label->lang = glossa__row_text(db, a, st, 2, "notion", GLOSSA_COL_NULL | GLOSSA_COL_LANG, &oom);
        notion = strcmp(glossa__col_text(&db->rd, st, 3, "notion", 0), "notion") == 0;
        h->status = notion ? "notion" : "proposed";
        if (label->text) {
            label->status = notion ? "label" : "preferred";
            label->working = notion;
            h->terms = label;
            h->n_terms = 1;
        }
        rc = glossa__load_legal(db, a, h->id ? h->id : "", &h->legal, &h->n_legal, &oom);
        if (rc != SQLITE_OK && rc != SQLITE_DONE)
            break;
        legal += h->n_legal;
        rc = SQLITE_ROW;
    }
    sqlite3_finalize(st);
    if (oom)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != SQLITE_OK)
        rc = glossa__error_sqlite(err, db->sql, rc, db->path, "cannot list the notions");
    else
        rc = 0;
    if ((rc = glossa__db_end(db, rc, err))) {
        glossa_results_free(res);
        return rc;
    }
    if (legal == 0) /* an index without the study: nothing the study found */
        glossa__results_clear(res);
    else
        glossa__results_sort(res, by_rank);
    *out = res;
    return 0;
}
