/*
** diff.c — what changed between two versions of the term base, concept by
** concept: added, removed, renamed (same content, new id) and modified
** (status, reliability, terms and definitions per language), with a
** word-level redline of each changed definition (ICU word boundaries, so
** Chinese diffs by word; Myers' O(ND) algorithm).
**
** Both versions are read and validated by the loader (glossa__tb_load_tei)
** and kept in memory for the protocol writer (protocol.c).
*/
#include "glossa_int.h"
#include "diff_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *glossa_change_kind_name(glossa_change_kind kind)
{
    static const char *const names[] = { "added", "removed", "modified", "renamed" };
    return (unsigned)kind < 4 ? names[kind] : "unknown";
}

/* ---- loading a version ------------------------------------------------------------ */

static int by_id(const void *a, const void *b)
{
    return strcmp((*(struct v_concept *const *)a)->id, (*(struct v_concept *const *)b)->id);
}

/* Terms and definitions sorted into one string: equal content, equal string. */
static int fingerprint(struct glossa_arena *a, struct v_concept *c)
{
    struct glossa_buf fp = GLOSSA_BUF_INIT;
    size_t i;
    int rc = 0;
    for (i = 0; i < c->n_terms && !rc; i++)
        rc = glossa__buf_addf(&fp, "t\x1f%s\x1f%s\x1f%s\x1e", c->terms[i].lang, c->terms[i].text,
                              c->terms[i].status);
    for (i = 0; i < c->n_defs && !rc; i++)
        rc = glossa__buf_addf(&fp, "d\x1f%s\x1f%s\x1e", c->defs[i].lang, c->defs[i].text);
    if (!rc)
        c->fingerprint = glossa__arena_strdup(a, glossa__buf_str(&fp));
    glossa__buf_release(&fp);
    return rc || !c->fingerprint ? GLOSSA_ENOMEM : 0;
}

static const char *nz(const char *s)
{
    return s ? s : "";
}

int glossa__version_load(struct glossa_arena *a, const struct glossa_tb *tb, struct version *v,
                         glossa_error *err)
{
    size_t i, k;

    v->n = tb->n_entries;
    v->c = glossa__arena_alloc(a, (v->n ? v->n : 1) * sizeof *v->c);
    v->by_id = glossa__arena_alloc(a, (v->n ? v->n : 1) * sizeof *v->by_id);
    if (!v->c || !v->by_id)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    memset(v->c, 0, (v->n ? v->n : 1) * sizeof *v->c);
    for (i = 0; i < v->n; i++) {
        const struct tei_entry *e = &tb->entries[i];
        struct v_concept *c = &v->c[i];
        c->entry = e;
        c->id = e->id;
        c->status = nz(e->status);
        c->reliability = e->reliability;
        c->ord = (long)i;
        c->terms = glossa__arena_alloc(a, (e->n_terms ? e->n_terms : 1) * sizeof *c->terms);
        c->defs = glossa__arena_alloc(a, (e->n_defs ? e->n_defs : 1) * sizeof *c->defs);
        if (!c->terms || !c->defs)
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        for (k = 0; k < e->n_terms; k++) {
            c->terms[k].lang = nz(e->terms[k].lang);
            c->terms[k].text = nz(e->terms[k].text);
            c->terms[k].status = nz(e->terms[k].status);
        }
        c->n_terms = e->n_terms;
        for (k = 0; k < e->n_defs; k++) {
            c->defs[k].lang = nz(e->defs[k].lang);
            c->defs[k].text = nz(e->defs[k].text);
        }
        c->n_defs = e->n_defs;
        if (fingerprint(a, c))
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        v->by_id[i] = c;
    }
    if (v->n > 1)
        qsort(v->by_id, v->n, sizeof *v->by_id, by_id);
    return 0;
}

struct v_concept *glossa__version_find(const struct version *v, const char *id)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(v->by_id[mid]->id, id);
        if (c == 0)
            return v->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void glossa__concept_hash(const struct v_concept *c, char out[17])
{
    uint64_t h = 1469598103934665603ULL;
    const unsigned char *p = (const unsigned char *)c->fingerprint;
    for (; p && *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* ---- word-level redline ------------------------------------------------------------- */

struct tokens {
    const char **s;
    size_t *len;
    size_t n, cap;
};

static int add_token(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    struct tokens *t = ud;
    (void)start;
    (void)end;
    (void)flags;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        const char **s = glossa__realloc(t->s, cap * sizeof *s);
        size_t *len2;
        if (!s)
            return GLOSSA_ENOMEM;
        t->s = s;
        len2 = glossa__realloc(t->len, cap * sizeof *len2);
        if (!len2)
            return GLOSSA_ENOMEM;
        t->len = len2;
        t->cap = cap;
    }
    t->s[t->n] = tok;
    t->len[t->n++] = len;
    return 0;
}

static int same(const struct tokens *a, size_t i, const struct tokens *b, size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->s[i], b->s[j], a->len[i]) == 0;
}

/* Append a piece to the redline, merged with the previous one of the same op. */
static int emit(struct glossa_arena *ar, struct redline *r, glossa_edit_op op, const char *s,
                size_t len)
{
    if (r->n && r->items[r->n - 1].op == op && r->last_end == s) {
        r->items[r->n - 1].len += len;
        r->last_end = s + len;
        return 0;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        struct piece *p = glossa__arena_alloc(ar, cap * sizeof *p);
        if (!p)
            return GLOSSA_ENOMEM;
        if (r->n)
            memcpy(p, r->items, r->n * sizeof *p);
        r->items = p;
        r->cap = cap;
    }
    r->items[r->n].op = op;
    r->items[r->n].s = s;
    r->items[r->n].len = len;
    r->n++;
    r->last_end = s + len;
    return 0;
}

/* Myers' greedy diff with the V arrays of every step kept for the walk back.
** Sequences longer than MYERS_MAX tokens become one deletion and one insertion. */
#define MYERS_MAX 20000

static int myers(struct glossa_arena *ar, const struct tokens *a, const struct tokens *b,
                 struct redline *r)
{
    long n = (long)a->n, m = (long)b->n, max = n + m, d, k, x, y;
    long *v, **trace = NULL;
    long found = -1;
    int rc = 0;

    if (n + m > MYERS_MAX) {
        size_t i;
        for (i = 0; i < a->n && !rc; i++)
            rc = emit(ar, r, GLOSSA_EDIT_DEL, a->s[i], a->len[i]);
        for (i = 0; i < b->n && !rc; i++)
            rc = emit(ar, r, GLOSSA_EDIT_INS, b->s[i], b->len[i]);
        return rc;
    }
    trace = glossa__calloc((size_t)max + 1, sizeof *trace);
    v = glossa__calloc((size_t)(2 * max + 3), sizeof *v);
    if (!trace || !v) {
        glossa__free(trace);
        glossa__free(v);
        return GLOSSA_ENOMEM;
    }
    v += max + 1;
    for (d = 0; d <= max && found < 0; d++) {
        for (k = -d; k <= d; k += 2) {
            if (k == -d || (k != d && v[k - 1] < v[k + 1]))
                x = v[k + 1];
            else
                x = v[k - 1] + 1;
            y = x - k;
            while (x < n && y < m && same(a, (size_t)x, b, (size_t)y))
                x++, y++;
            v[k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        trace[d] = glossa__malloc((size_t)(2 * max + 3) * sizeof **trace);
        if (!trace[d]) {
            rc = GLOSSA_ENOMEM;
            break;
        }
        memcpy(trace[d], v - max - 1, (size_t)(2 * max + 3) * sizeof **trace);
    }
    if (!rc) {
        /* walk back from (n, m), collecting moves in reverse */
        struct move { glossa_edit_op op; long i; } *moves = glossa__malloc((size_t)(n + m + 1) * sizeof *moves);
        long nm = 0;
        x = n;
        y = m;
        if (!moves)
            rc = GLOSSA_ENOMEM;
        for (d = found; !rc && d > 0; d--) {
            long *pv = trace[d - 1] + max + 1, prev_k, prev_x, prev_y;
            k = x - y;
            if (k == -d || (k != d && pv[k - 1] < pv[k + 1]))
                prev_k = k + 1;
            else
                prev_k = k - 1;
            prev_x = pv[prev_k];
            prev_y = prev_x - prev_k;
            while (x > prev_x && y > prev_y) {
                moves[nm].op = GLOSSA_EDIT_SAME;
                moves[nm++].i = --x;
                y--;
            }
            if (x == prev_x) {
                moves[nm].op = GLOSSA_EDIT_INS;
                moves[nm++].i = --y;
            } else {
                moves[nm].op = GLOSSA_EDIT_DEL;
                moves[nm++].i = --x;
            }
        }
        while (!rc && x > 0 && y > 0) {
            moves[nm].op = GLOSSA_EDIT_SAME;
            moves[nm++].i = --x;
            y--;
        }
        while (!rc && nm > 0 && !rc) {
            struct move *mv = &moves[--nm];
            if (mv->op == GLOSSA_EDIT_INS)
                rc = emit(ar, r, mv->op, b->s[mv->i], b->len[mv->i]);
            else
                rc = emit(ar, r, mv->op, a->s[mv->i], a->len[mv->i]);
        }
        glossa__free(moves);
    }
    for (d = 0; d <= max; d++)
        glossa__free(trace[d]);
    glossa__free(trace);
    glossa__free(v - max - 1);
    return rc;
}

int glossa__redline(struct glossa_norm *norm, struct glossa_arena *ar, const char *old_text,
                    const char *new_text, struct redline *r)
{
    struct tokens a = { NULL, NULL, 0, 0 }, b = { NULL, NULL, 0, 0 };
    int rc;
    memset(r, 0, sizeof *r);
    rc = glossa__norm_segments(norm, old_text, strlen(old_text), add_token, &a);
    if (!rc)
        rc = glossa__norm_segments(norm, new_text, strlen(new_text), add_token, &b);
    if (!rc)
        rc = myers(ar, &a, &b, r);
    glossa__free(a.s);
    glossa__free(a.len);
    glossa__free(b.s);
    glossa__free(b.len);
    return rc;
}

/* ---- comparing ------------------------------------------------------------------------ */

static int add_field(struct glossa_diff *d, struct change_build *cb, const char *field,
                     const char *lang, const char *old_value, const char *new_value,
                     const char *old_status, const char *new_status)
{
    glossa_field_change *f;
    if (cb->n == cb->cap) {
        size_t cap = cb->cap ? cb->cap * 2 : 8;
        glossa_field_change *p = glossa__arena_alloc(d->arena, cap * sizeof *p);
        if (!p)
            return GLOSSA_ENOMEM;
        if (cb->n)
            memcpy(p, cb->fields, cb->n * sizeof *p);
        cb->fields = p;
        cb->cap = cap;
    }
    f = &cb->fields[cb->n++];
    memset(f, 0, sizeof *f);
    f->field = field;
    f->lang = lang;
    f->old_value = old_value;
    f->new_value = new_value;
    f->old_status = old_status;
    f->new_status = new_status;
    if (old_value && new_value && strcmp(field, "definition") == 0) {
        struct redline r;
        size_t i;
        glossa_edit *e;
        if (glossa__redline(d->norm, d->arena, old_value, new_value, &r))
            return GLOSSA_ENOMEM;
        e = glossa__arena_alloc(d->arena, (r.n ? r.n : 1) * sizeof *e);
        if (!e)
            return GLOSSA_ENOMEM;
        for (i = 0; i < r.n; i++) {
            char *t = glossa__arena_alloc(d->arena, r.items[i].len + 1);
            if (!t)
                return GLOSSA_ENOMEM;
            memcpy(t, r.items[i].s, r.items[i].len);
            t[r.items[i].len] = '\0';
            e[i].op = r.items[i].op;
            e[i].text = t;
        }
        f->redline = e;
        f->n_redline = r.n;
    }
    return 0;
}

/* Languages in the order they first appear in new, then in old. */
static int has_lang(const char **langs, size_t n, const char *l)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strcmp(langs[i], l) == 0)
            return 1;
    return 0;
}

static int compare_terms(struct glossa_diff *d, struct change_build *cb, const struct v_concept *o,
                         const struct v_concept *n)
{
    const char **langs = glossa__arena_alloc(d->arena, (o->n_terms + n->n_terms + 1) * sizeof *langs);
    char *used_o, *used_n;
    size_t nl = 0, li, i, j;

    used_o = glossa__arena_alloc(d->arena, o->n_terms + 1);
    used_n = glossa__arena_alloc(d->arena, n->n_terms + 1);
    if (!langs || !used_o || !used_n)
        return GLOSSA_ENOMEM;
    memset(used_o, 0, o->n_terms + 1);
    memset(used_n, 0, n->n_terms + 1);
    for (i = 0; i < n->n_terms; i++)
        if (!has_lang(langs, nl, n->terms[i].lang))
            langs[nl++] = n->terms[i].lang;
    for (i = 0; i < o->n_terms; i++)
        if (!has_lang(langs, nl, o->terms[i].lang))
            langs[nl++] = o->terms[i].lang;
    for (li = 0; li < nl; li++) {
        const char *l = langs[li];
        /* the same text: only its status may have changed */
        for (i = 0; i < o->n_terms; i++) {
            if (strcmp(o->terms[i].lang, l))
                continue;
            for (j = 0; j < n->n_terms; j++) {
                if (used_n[j] || strcmp(n->terms[j].lang, l) || strcmp(o->terms[i].text, n->terms[j].text))
                    continue;
                used_o[i] = used_n[j] = 1;
                if (strcmp(o->terms[i].status, n->terms[j].status) &&
                    add_field(d, cb, "term", l, o->terms[i].text, n->terms[j].text,
                              o->terms[i].status, n->terms[j].status))
                    return GLOSSA_ENOMEM;
                break;
            }
        }
        /* a removed and an added term of the same status: the term changed */
        for (i = 0; i < o->n_terms; i++) {
            if (used_o[i] || strcmp(o->terms[i].lang, l))
                continue;
            for (j = 0; j < n->n_terms; j++) {
                if (used_n[j] || strcmp(n->terms[j].lang, l) || strcmp(o->terms[i].status, n->terms[j].status))
                    continue;
                used_o[i] = used_n[j] = 1;
                if (add_field(d, cb, "term", l, o->terms[i].text, n->terms[j].text,
                              o->terms[i].status, n->terms[j].status))
                    return GLOSSA_ENOMEM;
                break;
            }
        }
        for (i = 0; i < o->n_terms; i++)
            if (!used_o[i] && !strcmp(o->terms[i].lang, l) &&
                add_field(d, cb, "term", l, o->terms[i].text, NULL, o->terms[i].status, NULL))
                return GLOSSA_ENOMEM;
        for (j = 0; j < n->n_terms; j++)
            if (!used_n[j] && !strcmp(n->terms[j].lang, l) &&
                add_field(d, cb, "term", l, NULL, n->terms[j].text, NULL, n->terms[j].status))
                return GLOSSA_ENOMEM;
    }
    return 0;
}

const char *glossa__concept_def(const struct v_concept *c, const char *lang)
{
    size_t i;
    for (i = 0; c && i < c->n_defs; i++)
        if (glossa__lang_matches(c->defs[i].lang, lang) && !strchr(c->defs[i].lang + strlen(lang), '-'))
            return c->defs[i].text;
    for (i = 0; c && i < c->n_defs; i++)
        if (glossa__lang_matches(c->defs[i].lang, lang))
            return c->defs[i].text;
    return NULL;
}

const char *glossa__concept_term(const struct v_concept *c, const char *lang)
{
    size_t i;
    for (i = 0; c && i < c->n_terms; i++)
        if (strcmp(c->terms[i].lang, lang) == 0 && strcmp(c->terms[i].status, "preferred") == 0)
            return c->terms[i].text;
    for (i = 0; c && i < c->n_terms; i++)
        if (glossa__lang_matches(c->terms[i].lang, lang) && strcmp(c->terms[i].status, "preferred") == 0)
            return c->terms[i].text;
    return NULL;
}

/* Definitions per language: equal texts pair up first, then the remaining
** ones of a language pair up in order (a changed wording, with a redline);
** what is left was added or removed. */
static int compare_defs(struct glossa_diff *d, struct change_build *cb, const struct v_concept *o,
                        const struct v_concept *n)
{
    char *used_o = glossa__arena_alloc(d->arena, o->n_defs + 1);
    char *used_n = glossa__arena_alloc(d->arena, n->n_defs + 1);
    size_t i, j;

    if (!used_o || !used_n)
        return GLOSSA_ENOMEM;
    memset(used_o, 0, o->n_defs + 1);
    memset(used_n, 0, n->n_defs + 1);
    for (i = 0; i < n->n_defs; i++)
        for (j = 0; j < o->n_defs && !used_n[i]; j++)
            if (!used_o[j] && strcmp(o->defs[j].lang, n->defs[i].lang) == 0 &&
                strcmp(o->defs[j].text, n->defs[i].text) == 0)
                used_o[j] = used_n[i] = 1;
    for (i = 0; i < n->n_defs; i++) {
        const char *old = NULL;
        if (used_n[i])
            continue;
        for (j = 0; j < o->n_defs && !old; j++) {
            if (!used_o[j] && strcmp(o->defs[j].lang, n->defs[i].lang) == 0) {
                used_o[j] = 1;
                old = o->defs[j].text;
            }
        }
        if (add_field(d, cb, "definition", n->defs[i].lang, old, n->defs[i].text, NULL, NULL))
            return GLOSSA_ENOMEM;
    }
    for (j = 0; j < o->n_defs; j++)
        if (!used_o[j] &&
            add_field(d, cb, "definition", o->defs[j].lang, o->defs[j].text, NULL, NULL, NULL))
            return GLOSSA_ENOMEM;
    return 0;
}

static int add_change(struct glossa_diff *d, glossa_change_kind kind, struct v_concept *o,
                      struct v_concept *n, struct change_build *cb)
{
    struct change *c;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        struct change *p = glossa__realloc(d->changes, cap * sizeof *p);
        glossa_concept_change *q;
        if (!p)
            return GLOSSA_ENOMEM;
        d->changes = p;
        q = glossa__realloc(d->public_changes, cap * sizeof *q);
        if (!q)
            return GLOSSA_ENOMEM;
        d->public_changes = q;
        d->cap = cap;
    }
    c = &d->changes[d->n];
    c->old = o;
    c->new = n;
    d->public_changes[d->n].kind = kind;
    d->public_changes[d->n].id = n ? n->id : o->id;
    d->public_changes[d->n].old_id = o ? o->id : n->id;
    d->public_changes[d->n].fields = cb ? cb->fields : NULL;
    d->public_changes[d->n].n_fields = cb ? cb->n : 0;
    d->n++;
    return 0;
}

static int compare(struct glossa_diff *d)
{
    struct version *o = &d->old, *nv = &d->new;
    char *matched_old = glossa__arena_alloc(d->arena, o->n + 1);
    char *unmatched_new = glossa__arena_alloc(d->arena, nv->n + 1);
    size_t i, j;

    if (!matched_old || !unmatched_new)
        return GLOSSA_ENOMEM;
    memset(matched_old, 0, o->n + 1);
    memset(unmatched_new, 0, nv->n + 1);
    for (i = 0; i < nv->n; i++) {
        struct v_concept *n = &nv->c[i], *old = glossa__version_find(o, n->id);
        struct change_build cb = { NULL, 0, 0 };
        char rel_o[8], rel_n[8];
        if (!old) {
            unmatched_new[i] = 1;
            continue;
        }
        matched_old[old - o->c] = 1;
        if (strcmp(old->status, n->status) &&
            add_field(d, &cb, "status", NULL, old->status, n->status, NULL, NULL))
            return GLOSSA_ENOMEM;
        if (old->reliability != n->reliability) {
            snprintf(rel_o, sizeof rel_o, "%d", old->reliability);
            snprintf(rel_n, sizeof rel_n, "%d", n->reliability);
            if (add_field(d, &cb, "reliability", NULL, glossa__arena_strdup(d->arena, rel_o),
                          glossa__arena_strdup(d->arena, rel_n), NULL, NULL))
                return GLOSSA_ENOMEM;
        }
        if (compare_terms(d, &cb, old, n) || compare_defs(d, &cb, old, n))
            return GLOSSA_ENOMEM;
        if (cb.n && add_change(d, GLOSSA_CHANGE_MODIFIED, old, n, &cb))
            return GLOSSA_ENOMEM;
    }
    /* added concepts, or renamed ones: a removed concept with the same content */
    for (i = 0; i < nv->n; i++) {
        struct v_concept *n = &nv->c[i], *from = NULL;
        if (!unmatched_new[i])
            continue;
        for (j = 0; j < o->n && !from; j++)
            if (!matched_old[j] && strcmp(o->c[j].fingerprint, n->fingerprint) == 0)
                from = &o->c[j];
        if (from)
            matched_old[from - o->c] = 1;
        if (add_change(d, from ? GLOSSA_CHANGE_RENAMED : GLOSSA_CHANGE_ADDED, from, n, NULL))
            return GLOSSA_ENOMEM;
    }
    for (j = 0; j < o->n; j++)
        if (!matched_old[j] && add_change(d, GLOSSA_CHANGE_REMOVED, &o->c[j], NULL, NULL))
            return GLOSSA_ENOMEM;
    return 0;
}

int glossa__version_read(struct glossa_arena *a, struct glossa_tb **tb, struct version *v,
                         const char *const *inputs, size_t n, const glossa_index_opts *opts,
                         glossa_error *err)
{
    int rc = glossa__tb_new(tb, err);
    if (!rc)
        rc = glossa__tb_load_tei(*tb, inputs, n, opts, 1, err);
    return rc ? rc : glossa__version_load(a, *tb, v, err);
}

int glossa_diff_new(glossa_diff **out, const char *const *old_inputs, size_t n_old,
                    const char *const *new_inputs, size_t n_new,
                    const glossa_index_opts *opts, glossa_error *err)
{
    struct glossa_diff *d = glossa__calloc(1, sizeof *d);
    int rc;

    if (!d || !(d->arena = glossa__arena_new())) {
        glossa__free(d);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    /* each version may be part of a term base: its links may leave it */
    rc = glossa__norm_new(&d->norm, err);
    if (!rc)
        rc = glossa__version_read(d->arena, &d->old_tb, &d->old, old_inputs, n_old, opts, err);
    if (!rc)
        rc = glossa__version_read(d->arena, &d->new_tb, &d->new, new_inputs, n_new, opts, err);
    if (!rc && compare(d))
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc) {
        glossa_diff_free(d);
        return rc;
    }
    *out = d;
    return 0;
}

size_t glossa_diff_count(const glossa_diff *d)
{
    return d ? d->n : 0;
}

const glossa_concept_change *glossa_diff_get(const glossa_diff *d, size_t i)
{
    return d && i < d->n ? &d->public_changes[i] : NULL;
}

void glossa_diff_free(glossa_diff *d)
{
    if (!d)
        return;
    glossa__norm_free(d->norm);
    glossa__tb_free(d->old_tb);
    glossa__tb_free(d->new_tb);
    glossa__arena_free(d->arena);
    glossa__free(d->changes);
    glossa__free(d->public_changes);
    glossa__free(d);
}

void glossa_free(void *p)
{
    glossa__free(p);
}
