/*
** eval.c — search-quality evaluation: run a TSV set of real queries with
** the concept each must find, and report top-1 accuracy and mean reciprocal
** rank overall, per language and per query kind, with every miss.
**
** The expected concept is named by its Russian preferred term (the sets are
** written against the annex, not against glossa's ids). A query of kind
** "prefix" counts as found at rank 1 when the concept is among the results.
*/
#include "glossa_int.h"

#include <sqlite3.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define EVAL_LIMIT 10
#define EVAL_MAX_GROUPS 64

struct glossa_eval_report {
    struct glossa_arena *arena;
    glossa_eval_group groups[3][EVAL_MAX_GROUPS];
    double rr_sum[3][EVAL_MAX_GROUPS];
    size_t n_groups[3];
    glossa_eval_miss *misses;
    size_t n_misses, cap_misses;
};

static glossa_eval_group *group_for(glossa_eval_report *r, int by, const char *name)
{
    size_t i;
    for (i = 0; i < r->n_groups[by]; i++)
        if (strcmp(r->groups[by][i].name, name) == 0)
            return &r->groups[by][i];
    if (r->n_groups[by] == EVAL_MAX_GROUPS)
        return NULL;
    r->groups[by][i].name = glossa__arena_strdup(r->arena, name);
    if (!r->groups[by][i].name)
        return NULL;
    r->n_groups[by]++;
    return &r->groups[by][i];
}

static int count(glossa_eval_report *r, const char *lang, const char *kind, int rank)
{
    const char *names[3] = { "all", lang, kind };
    int by;
    for (by = 0; by < 3; by++) {
        glossa_eval_group *g = group_for(r, by, names[by]);
        if (!g)
            return GLOSSA_ENOMEM;
        g->queries++;
        g->top1 += rank == 1;
        r->rr_sum[by][g - r->groups[by]] += rank ? 1.0 / rank : 0.0;
        g->mrr = r->rr_sum[by][g - r->groups[by]] / g->queries;
    }
    return 0;
}

static int add_miss(glossa_eval_report *r, const glossa_eval_miss *m)
{
    glossa_eval_miss *copy;
    if (r->n_misses == r->cap_misses) {
        size_t cap = r->cap_misses ? r->cap_misses * 2 : 16;
        glossa_eval_miss *p = glossa__arena_alloc(r->arena, cap * sizeof *p);
        if (!p)
            return GLOSSA_ENOMEM;
        if (r->n_misses)
            memcpy(p, r->misses, r->n_misses * sizeof *p);
        r->misses = p;
        r->cap_misses = cap;
    }
    copy = &r->misses[r->n_misses];
    *copy = *m;
    copy->query = glossa__arena_strdup(r->arena, m->query);
    copy->expect = glossa__arena_strdup(r->arena, m->expect);
    copy->kind = glossa__arena_strdup(r->arena, m->kind);
    copy->lang = glossa__arena_strdup(r->arena, m->lang);
    copy->got = glossa__arena_strdup(r->arena, m->got);
    copy->expect_id = glossa__arena_strdup(r->arena, m->expect_id);
    if (!copy->query || !copy->expect || !copy->kind || !copy->lang)
        return GLOSSA_ENOMEM;
    r->n_misses++;
    return 0;
}

/* The next line of f into line (8192 bytes), its end kept and NUL bytes too
** (glossa_text_check names them): its length, 8191 when it is longer (the
** caller refuses it), or -1 at the end of the file. */
static long read_line(FILE *f, char line[8192])
{
    long n = 0;
    int c = EOF;
    while (n < 8191 && (c = getc(f)) != EOF) {
        line[n++] = (char)c;
        if (c == '\n')
            break;
    }
    line[n] = '\0';
    return n == 0 && c == EOF ? -1 : n;
}

/* Split a line into tab-separated fields in place; returns how many. */
static int split_tabs(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        char *tab = strchr(p, '\t');
        fields[n++] = p;
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static int one_query(glossa_db *db, glossa_eval_report *r, sqlite3_stmt *find, long line,
                     char **f, glossa_error *err)
{
    glossa_eval_miss m;
    glossa_results *res = NULL;
    const char *expect_id = NULL;
    char id[256] = "";
    int rank = 0, rc;
    size_t i;

    sqlite3_bind_text(find, 1, f[1], -1, SQLITE_STATIC);
    if (sqlite3_step(find) == SQLITE_ROW) {
        struct glossa__reader rd = GLOSSA_READER_INIT(glossa__db_path(db));
        snprintf(id, sizeof id, "%s", glossa__col_text(&rd, find, 0, "concept", 0));
        expect_id = id;
        if (rd.damaged) {
            sqlite3_reset(find);
            return (*err = rd.err).code;
        }
    }
    sqlite3_reset(find);
    if ((rc = glossa_lookup(db, f[0], NULL, &res, err)))
        return rc;
    for (i = 0; expect_id && i < glossa_results_count(res); i++) {
        if (strcmp(glossa_results_get(res, i)->id, expect_id) == 0) {
            rank = strcmp(f[2], "prefix") == 0 ? 1 : (int)i + 1;
            break;
        }
    }
    rc = count(r, f[3], f[2], rank);
    if (!rc && rank != 1) {
        m.line = line;
        m.query = f[0];
        m.expect = f[1];
        m.kind = f[2];
        m.lang = f[3];
        m.rank = rank;
        m.got = glossa_results_count(res) ? glossa_results_get(res, 0)->id : NULL;
        m.expect_id = expect_id;
        rc = add_miss(r, &m);
    }
    glossa_results_free(res);
    return rc == GLOSSA_ENOMEM ? glossa__error_set(err, rc, NULL, 0, 0, "out of memory") : rc;
}

int glossa_eval(glossa_db *db, const char *tsv_path, glossa_eval_report **out,
                glossa_error *err)
{
    static const char *find_sql =
        "SELECT c.xml_id FROM term t JOIN concept c ON c.id = t.concept_id"
        " WHERE t.lang = 'ru' AND t.status = 'preferred' AND t.text = ?1 ORDER BY c.ord LIMIT 1";
    glossa_eval_report *r;
    sqlite3_stmt *find = NULL;
    char line[8192];
    long got, lineno = 0;
    FILE *f;
    int rc = 0;

    f = fopen(tsv_path, "r");
    if (!f)
        return glossa__error_set(err, errno == ENOENT ? GLOSSA_ENOTFOUND : GLOSSA_EIO, tsv_path,
                                 0, 0, "cannot open: %s", strerror(errno));
    r = glossa__calloc(1, sizeof *r);
    if (!r || !(r->arena = glossa__arena_new())) {
        glossa__free(r);
        fclose(f);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (sqlite3_prepare_v2(glossa__db_sql(db), find_sql, -1, &find, NULL) != SQLITE_OK)
        rc = glossa__error_sqlite(err, glossa__db_sql(db), sqlite3_errcode(glossa__db_sql(db)),
                                  glossa__db_path(db), "cannot read the index");
    while (!rc && (got = read_line(f, line)) >= 0) {
        char *fields[5];
        size_t len = (size_t)got;
        glossa_error why;
        lineno++;
        if (len == sizeof line - 1 && line[len - 1] != '\n') {
            rc = glossa__error_set(err, GLOSSA_EINPUT, tsv_path, lineno, 0, "line too long");
            break;
        }
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (glossa_text_check("the line", line, len, NULL, &why)) {
            rc = glossa__error_set(err, GLOSSA_EINPUT, tsv_path, lineno, 0,
                                   "%s: save the file as UTF-8", why.msg);
            break;
        }
        if (lineno == 1 || len == 0 || line[0] == '#')
            continue; /* header, blank lines and comments */
        if (split_tabs(line, fields, 5) != 4) {
            rc = glossa__error_set(err, GLOSSA_EINPUT, tsv_path, lineno, 0,
                                   "expected 4 tab-separated fields: query, expect, kind, lang");
            break;
        }
        rc = one_query(db, r, find, lineno, fields, err);
    }
    sqlite3_finalize(find);
    fclose(f);
    if (!rc && r->n_groups[0] == 0)
        rc = glossa__error_set(err, GLOSSA_EINPUT, tsv_path, 0, 0, "no queries in this file");
    if (rc) {
        glossa_eval_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

const glossa_eval_group *glossa_eval_groups(const glossa_eval_report *r, int by, size_t *n)
{
    if (!r || by < 0 || by > 2) {
        *n = 0;
        return NULL;
    }
    *n = r->n_groups[by];
    return r->groups[by];
}

const glossa_eval_miss *glossa_eval_misses(const glossa_eval_report *r, size_t *n)
{
    *n = r ? r->n_misses : 0;
    return r ? r->misses : NULL;
}

void glossa_eval_free(glossa_eval_report *r)
{
    if (!r)
        return;
    glossa__arena_free(r->arena);
    glossa__free(r);
}
