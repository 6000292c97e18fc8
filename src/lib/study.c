/*
** study.c — the study of national legislation (plan item 1.2) read back
** from an index as a whole: its acts, with their titles, the pages their
** definitions were read at and how many are held (`glossa laws`), and the
** coverage matrix's rows — every annex concept, the statement concepts and
** notions that a state's act defines — with what each state's acts define
** of them (`glossa coverage`). study_doc.c renders both as documents. Every
** value is read through the checked column readers: an index is input.
*/
#include "lookup_int.h"

#include <stdlib.h>
#include <string.h>

struct glossa_study {
    struct glossa_arena *arena;
    glossa_act *acts;          size_t n_acts, cap_acts;
    glossa_study_row *rows;    size_t n_rows, cap_rows;
};

/* One statement of the study, prepared for this read. */
static int prepare(glossa_db *db, const char *sql, sqlite3_stmt **st)
{
    return sqlite3_prepare_v2(db->sql, sql, -1, st, NULL);
}

/* ---- acts ----------------------------------------------------------------------------- */

static int load_titles(glossa_db *db, struct glossa_arena *a, sqlite3_stmt *st,
                       sqlite3_int64 act, glossa_act *out, int *oom)
{
    glossa_act_title *t = NULL;
    size_t n = 0, cap = 0;
    int rc;
    sqlite3_bind_int64(st, 1, act);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!(t = glossa__room_for_one(a, t, n, &cap, sizeof *t))) {
            *oom = 1;
            break;
        }
        t[n].lang = glossa__row_text(db, a, st, 0, "act_title", GLOSSA_COL_NULL | GLOSSA_COL_LANG, oom);
        t[n].text = glossa__row_text(db, a, st, 1, "act_title", 0, oom);
        n++;
    }
    sqlite3_reset(st);
    out->titles = t;
    out->n_titles = n;
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static int load_pages(glossa_db *db, struct glossa_arena *a, sqlite3_stmt *st,
                      sqlite3_int64 act, glossa_act *out, int *oom)
{
    glossa_act_page *p = NULL;
    size_t n = 0, cap = 0;
    int rc;
    sqlite3_bind_int64(st, 1, act);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!(p = glossa__room_for_one(a, p, n, &cap, sizeof *p))) {
            *oom = 1;
            break;
        }
        p[n].lang = glossa__row_text(db, a, st, 0, "legal_definition", GLOSSA_COL_LANG, oom);
        p[n].url = glossa__row_text(db, a, st, 1, "legal_definition", 0, oom);
        p[n].version = glossa__row_text(db, a, st, 2, "legal_definition",
                               GLOSSA_COL_NULL | GLOSSA_COL_DATE, oom);
        p[n].translation = glossa__row_text(db, a, st, 3, "legal_definition", GLOSSA_COL_NULL, oom);
        p[n].reliability = (int)glossa__col_int(&db->rd, st, 4, "legal_definition", 1, 4, 0);
        p[n].definitions = (size_t)sqlite3_column_int64(st, 5);
        n++;
    }
    sqlite3_reset(st);
    out->pages = p;
    out->n_pages = n;
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* The latest edition read of act, and the page of its own text (else the
** first page read). */
static void act_edition(glossa_act *act)
{
    size_t i;
    for (i = 0; i < act->n_pages; i++) {
        const glossa_act_page *p = &act->pages[i];
        if (p->version && (!act->version || strcmp(p->version, act->version) > 0))
            act->version = p->version;
        if (!p->translation && !act->url)
            act->url = p->url;
    }
    if (!act->url && act->n_pages)
        act->url = act->pages[0].url;
}

static int load_acts(glossa_db *db, glossa_study *s, int *oom)
{
    sqlite3_stmt *acts = NULL, *titles = NULL, *pages = NULL;
    int rc;

    if ((rc = prepare(db, "SELECT a.id, a.xml_id, a.state, a.number, a.adopted,"
                          " (SELECT count(*) FROM legal_definition l WHERE l.act_id = a.id)"
                          " FROM act a ORDER BY a.state, a.ord", &acts)) ||
        (rc = prepare(db, "SELECT lang, text FROM act_title WHERE act_id = ?1 ORDER BY ord",
                      &titles)) ||
        (rc = prepare(db, "SELECT lang, url, max(version) AS version, translation,"
                          " min(reliability) AS reliability, count(*)"
                          " FROM legal_definition WHERE act_id = ?1"
                          " GROUP BY url, lang, translation ORDER BY min(ord)", &pages)))
        goto out;
    while (!*oom && (rc = sqlite3_step(acts)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(acts, 0);
        glossa_act *act;
        if (!(s->acts = glossa__room_for_one(s->arena, s->acts, s->n_acts, &s->cap_acts,
                                             sizeof *s->acts))) {
            *oom = 1;
            break;
        }
        act = &s->acts[s->n_acts++];
        memset(act, 0, sizeof *act);
        act->id = glossa__row_text(db, s->arena, acts, 1, "act", 0, oom);
        act->state = glossa__row_text(db, s->arena, acts, 2, "act", 0, oom);
        act->number = glossa__row_text(db, s->arena, acts, 3, "act", GLOSSA_COL_NULL, oom);
        act->adopted = glossa__row_text(db, s->arena, acts, 4, "act", GLOSSA_COL_NULL, oom);
        act->definitions = (size_t)sqlite3_column_int64(acts, 5);
        if ((rc = load_titles(db, s->arena, titles, id, act, oom)) ||
            (rc = load_pages(db, s->arena, pages, id, act, oom)))
            goto out;
        act_edition(act);
    }
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        rc = SQLITE_OK;
out:
    sqlite3_finalize(acts);
    sqlite3_finalize(titles);
    sqlite3_finalize(pages);
    return rc;
}

/* ---- coverage rows -------------------------------------------------------------------- */

static glossa_study_row *new_row(glossa_study *s, int *oom)
{
    glossa_study_row *r;
    if (!(s->rows = glossa__room_for_one(s->arena, s->rows, s->n_rows, &s->cap_rows,
                                         sizeof *s->rows))) {
        *oom = 1;
        return NULL;
    }
    r = &s->rows[s->n_rows++];
    memset(r, 0, sizeof *r);
    return r;
}

/* The annex concepts, and the other concepts a national definition relates
** to, with their preferred term in lang (else English, else the id). */
static int load_concepts(glossa_db *db, glossa_study *s, const char *lang, int *oom)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(db,
        "SELECT c.xml_id, c.n, coalesce(s.type = 'instrument', 0), t.text, t.lang, t.working"
        " FROM concept c LEFT JOIN source s ON s.id = c.source_id"
        " LEFT JOIN term t ON t.id = (SELECT id FROM term WHERE concept_id = c.id"
        "   AND legal_id IS NULL AND valid_to IS NULL AND status = 'preferred'"
        "   AND lang IN (?1, 'en') ORDER BY lang = ?1 DESC, ord LIMIT 1)"
        " WHERE c.status <> 'withdrawn' AND (s.type = 'instrument'"
        "   OR EXISTS (SELECT 1 FROM legal_definition l WHERE l.target = c.xml_id))"
        " ORDER BY c.ord", &st);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
    while (!*oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        glossa_study_row *r = new_row(s, oom);
        if (!r)
            break;
        r->id = glossa__row_text(db, s->arena, st, 0, "concept", 0, oom);
        r->n = glossa__row_text(db, s->arena, st, 1, "concept", GLOSSA_COL_NULL, oom);
        r->kind = sqlite3_column_int(st, 2) ? "annex" : "statement";
        r->label = glossa__row_text(db, s->arena, st, 3, "term", GLOSSA_COL_NULL, oom);
        r->label_lang = glossa__row_text(db, s->arena, st, 4, "term", GLOSSA_COL_NULL | GLOSSA_COL_LANG,
                                oom);
        r->working = sqlite3_column_int(st, 5) != 0;
        if (!r->label)
            r->label = r->id;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static int load_notions(glossa_db *db, glossa_study *s, int *oom)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(db, "SELECT xml_id, label, lang FROM notion ORDER BY id", &st);
    if (rc)
        return rc;
    while (!*oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        glossa_study_row *r = new_row(s, oom);
        if (!r)
            break;
        r->id = glossa__row_text(db, s->arena, st, 0, "notion", 0, oom);
        r->kind = "notion";
        r->label = glossa__row_text(db, s->arena, st, 1, "notion", 0, oom);
        r->label_lang = glossa__row_text(db, s->arena, st, 2, "notion", GLOSSA_COL_LANG, oom);
        r->working = 1;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static glossa_study_row *row_of(glossa_study *s, const char *id)
{
    size_t i;
    for (i = 0; i < s->n_rows; i++)
        if (s->rows[i].id && strcmp(s->rows[i].id, id) == 0)
            return &s->rows[i];
    return NULL;
}

/* Each (target, state, act, relation) with its count and first term, onto
** its row. Links arrive grouped by target, so each row's are contiguous. */
static int load_links(glossa_db *db, glossa_study *s, int *oom)
{
    sqlite3_stmt *st = NULL;
    glossa_study_row *r = NULL;
    glossa_study_link *links = NULL;
    size_t cap = 0;
    int rc = prepare(db,
        "SELECT l.target, a.state, a.xml_id, a.number, l.relation, l.term, l.lang, count(*),"
        " min(l.ord) FROM legal_definition l JOIN act a ON a.id = l.act_id"
        " GROUP BY l.target, a.state, a.id, l.relation ORDER BY l.target, a.state, a.ord,"
        " min(l.ord)", &st);
    if (rc)
        return rc;
    while (!*oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *target = glossa__col_text(&db->rd, st, 0, "legal_definition", 0);
        glossa_study_link *k;
        if (!target)
            continue;
        if (!r || strcmp(r->id, target) != 0) {
            if (!(r = row_of(s, target)))
                continue;   /* the loader lets no definition point elsewhere */
            links = NULL;
            cap = 0;
        }
        if (!(links = glossa__room_for_one(s->arena, links, r->n_links, &cap, sizeof *links))) {
            *oom = 1;
            break;
        }
        r->links = links;
        k = &links[r->n_links++];
        k->state = glossa__row_text(db, s->arena, st, 1, "act", 0, oom);
        k->act_id = glossa__row_text(db, s->arena, st, 2, "act", 0, oom);
        k->act_number = glossa__row_text(db, s->arena, st, 3, "act", GLOSSA_COL_NULL, oom);
        k->relation = glossa__col_enum(&db->rd, st, 4, "legal_definition",
                                       glossa__legal_relations) < 0
                          ? "related" : glossa__row_text(db, s->arena, st, 4, "legal_definition", 0, oom);
        k->term = glossa__row_text(db, s->arena, st, 5, "legal_definition", 0, oom);
        k->lang = glossa__row_text(db, s->arena, st, 6, "legal_definition", GLOSSA_COL_LANG, oom);
        k->definitions = (size_t)sqlite3_column_int64(st, 7);
        if (k->state && (r->n_links == 1 || !links[r->n_links - 2].state ||
                         strcmp(links[r->n_links - 2].state, k->state) != 0))
            r->states++;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static size_t row_definitions(const glossa_study_row *r)
{
    size_t i, n = 0;
    for (i = 0; i < r->n_links; i++)
        n += r->links[i].definitions;
    return n;
}

static int kind_rank(const char *kind)
{
    return strcmp(kind, "annex") == 0 ? 0 : strcmp(kind, "statement") == 0 ? 1 : 2;
}

/* Statement concepts before notions, each by states, definitions, id. */
static int row_cmp(const void *pa, const void *pb)
{
    const glossa_study_row *a = pa, *b = pb;
    int ka = kind_rank(a->kind), kb = kind_rank(b->kind);
    size_t da, db;
    if (ka != kb)
        return ka - kb;
    if (a->states != b->states)
        return a->states > b->states ? -1 : 1;
    da = row_definitions(a);
    db = row_definitions(b);
    if (da != db)
        return da > db ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Annex rows first in the annex's order (moved forward, order kept), then
** the others sorted by row_cmp. */
static void order_rows(glossa_study *s)
{
    size_t i, n = 0;
    for (i = 0; i < s->n_rows; i++)
        if (kind_rank(s->rows[i].kind) == 0) {
            glossa_study_row r = s->rows[i];
            memmove(&s->rows[n + 1], &s->rows[n], (i - n) * sizeof r);
            s->rows[n++] = r;
        }
    qsort(s->rows + n, s->n_rows - n, sizeof *s->rows, row_cmp);
}

int glossa_study_load(glossa_db *db, const char *lang, glossa_study **out, glossa_error *err)
{
    glossa_study *s;
    int rc, oom = 0;

    if (!db || !out)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no index");
    if (!lang)
        lang = "en";
    if (!(s = glossa__calloc(1, sizeof *s)) || !(s->arena = glossa__arena_new())) {
        glossa__free(s);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    glossa__db_begin(db);
    if (!(rc = load_acts(db, s, &oom)) && !oom && !(rc = load_concepts(db, s, lang, &oom)) &&
        !oom && !(rc = load_notions(db, s, &oom)) && !oom)
        rc = load_links(db, s, &oom);
    if (oom)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    else if (rc != SQLITE_OK)
        rc = glossa__error_sqlite(err, db->sql, rc, db->path, "cannot read the study");
    if ((rc = glossa__db_end(db, rc, err))) {
        glossa_study_free(s);
        return rc;
    }
    order_rows(s);
    *out = s;
    return 0;
}

size_t glossa_study_acts(const glossa_study *s, const glossa_act **acts)
{
    *acts = s ? s->acts : NULL;
    return s ? s->n_acts : 0;
}

size_t glossa_study_rows(const glossa_study *s, const glossa_study_row **rows)
{
    *rows = s ? s->rows : NULL;
    return s ? s->n_rows : 0;
}

int glossa_study_row_shown(const glossa_study_row *row, const char *state)
{
    size_t i;
    if (!state || strcmp(row->kind, "annex") == 0)
        return 1;
    for (i = 0; i < row->n_links; i++)
        if (strcasecmp(row->links[i].state, state) == 0)
            return 1;
    return 0;
}

const char *glossa_act_title_in(const glossa_act *act, const char *lang)
{
    size_t i;
    for (i = 0; lang && i < act->n_titles; i++)
        if (act->titles[i].lang && strcmp(act->titles[i].lang, lang) == 0)
            return act->titles[i].text;
    return act->n_titles ? act->titles[0].text : NULL;
}

const char *glossa_state_name(const glossa_state *s, const char *lang)
{
    if (lang && strcmp(lang, "ru") == 0)
        return s->name_ru;
    if (lang && strcmp(lang, "zh") == 0)
        return s->name_zh;
    return s->name_en;
}

void glossa_study_free(glossa_study *s)
{
    if (!s)
        return;
    glossa__arena_free(s->arena);
    glossa__free(s);
}
