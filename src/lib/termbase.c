/*
** termbase.c — a term base held in memory: the entries and sources of TEI
** files (read by the loader, load.c, with all its checks), or of an imported
** TBX file. diff and protocol, proposals and the exchange formats read it.
**
** It does not write anything (export_*.c and tei_write.c do) and it does not
** build an index.
*/
#include "exchange_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int glossa__tb_new(struct glossa_tb **out, glossa_error *err)
{
    struct glossa_tb *tb = glossa__calloc(1, sizeof *tb);
    if (tb)
        tb->arena = glossa__arena_new();
    if (!tb || !tb->arena) {
        glossa__free(tb);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = tb;
    return 0;
}

void glossa__tb_free(struct glossa_tb *tb)
{
    if (!tb)
        return;
    glossa__arena_free(tb->arena);
    glossa__free(tb->bibls);
    glossa__free(tb->entries);
    glossa__free(tb->entry_file);
    glossa__free(tb->legal);
    glossa__free(tb->by_id);
    glossa__free(tb);
}

const char *glossa__tb_str(struct glossa_tb *tb, const char *s, int *oom)
{
    char *copy = glossa__arena_strdup(tb->arena, s);
    if (s && !copy)
        *oom = 1;
    return copy;
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

const struct tei_bibl *glossa__tb_bibl(const struct glossa_tb *tb, const char *id)
{
    size_t i;
    for (i = 0; id && i < tb->n_bibls; i++)
        if (strcmp(tb->bibls[i].id, id) == 0)
            return &tb->bibls[i];
    return NULL;
}

const char *glossa__tb_add_bibl(struct glossa_tb *tb, const char *id, const char *type,
                                const char *citation)
{
    char candidate[160];
    unsigned k;
    int oom = 0;

    for (k = 1; k < 100000; k++) {
        const struct tei_bibl *b;
        if (k == 1)
            snprintf(candidate, sizeof candidate, "%s", id);
        else
            snprintf(candidate, sizeof candidate, "%.120s-%u", id, k);
        b = glossa__tb_bibl(tb, candidate);
        if (!b)
            break;
        if (same(b->type, type) && same(b->citation, citation))
            return b->id;
    }
    if (glossa__grow((void **)&tb->bibls, &tb->cap_bibls, tb->n_bibls, sizeof *tb->bibls))
        return NULL;
    memset(&tb->bibls[tb->n_bibls], 0, sizeof tb->bibls[0]); /* not an act until copy_act */
    tb->bibls[tb->n_bibls].id = glossa__tb_str(tb, candidate, &oom);
    tb->bibls[tb->n_bibls].type = glossa__tb_str(tb, type, &oom);
    tb->bibls[tb->n_bibls].citation = glossa__tb_str(tb, citation ? citation : "", &oom);
    tb->bibls[tb->n_bibls].line = 0;
    if (oom)
        return NULL;
    return tb->bibls[tb->n_bibls++].id;
}

struct tei_entry *glossa__tb_add_entry(struct glossa_tb *tb)
{
    size_t cap_files = tb->cap_entries;
    /* entry_file grows with entries, to the same capacity */
    if (glossa__grow((void **)&tb->entry_file, &cap_files, tb->n_entries, sizeof *tb->entry_file) ||
        glossa__grow((void **)&tb->entries, &tb->cap_entries, tb->n_entries, sizeof *tb->entries))
        return NULL;
    memset(&tb->entries[tb->n_entries], 0, sizeof tb->entries[0]);
    tb->entry_file[tb->n_entries] = NULL;
    return &tb->entries[tb->n_entries++];
}

static int by_id(const void *a, const void *b)
{
    return strcmp((*(const struct tei_entry *const *)a)->id,
                  (*(const struct tei_entry *const *)b)->id);
}

/* National definitions by target, then as lookup orders them (store.c). */
static int by_target(const void *a, const void *b)
{
    const struct tb_legal *x = a, *y = b;
    int c = strcmp(x->l.target, y->l.target);
    if (!c)
        c = strcmp(x->l.state, y->l.state);
    if (!c && x->act != y->act)
        c = x->act < y->act ? -1 : 1;
    if (!c && x->ord != y->ord)
        c = x->ord < y->ord ? -1 : 1;
    return c;
}

int glossa__tb_index(struct glossa_tb *tb)
{
    size_t i;
    glossa__free(tb->by_id);
    tb->by_id = glossa__malloc((tb->n_entries ? tb->n_entries : 1) * sizeof *tb->by_id);
    if (!tb->by_id)
        return GLOSSA_ENOMEM;
    for (i = 0; i < tb->n_entries; i++)
        tb->by_id[i] = &tb->entries[i];
    if (tb->n_entries > 1)
        qsort(tb->by_id, tb->n_entries, sizeof *tb->by_id, by_id);
    if (tb->n_legal > 1)
        qsort(tb->legal, tb->n_legal, sizeof *tb->legal, by_target);
    return 0;
}

const struct tb_legal *glossa__tb_legal(const struct glossa_tb *tb, const char *id, size_t *n)
{
    size_t lo = 0, hi = tb->n_legal, end;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(tb->legal[mid].l.target, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (end = lo; end < tb->n_legal && strcmp(tb->legal[end].l.target, id) == 0; end++)
        ;
    *n = end - lo;
    return tb->legal + lo;
}

const struct tei_entry *glossa__tb_find(const struct glossa_tb *tb, const char *id)
{
    size_t lo = 0, hi = tb->by_id ? tb->n_entries : 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(tb->by_id[mid]->id, id);
        if (c == 0)
            return tb->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *glossa__entry_rationale(const struct tei_entry *e, const char *lang)
{
    const char *any = NULL;
    size_t i;
    for (i = 0; e && i < e->n_notes; i++) {
        const struct tei_note *n = &e->notes[i];
        if (!n->type || strcmp(n->type, "rationale") != 0 || !n->text)
            continue;
        if (lang && n->lang && glossa__lang_matches(n->lang, lang))
            return n->text;
        if (!any)
            any = n->text;
    }
    return any;
}

/* ---- loading TEI ---------------------------------------------------------------- */

/* A file's bibl id and the id it has in the term base. */
struct id_map {
    const char *file, *from, *to;
};

struct load_state {
    struct glossa_tb *tb;
    struct id_map *map;
    size_t n_map, cap_map;
    int oom;
};

static const char *mapped_source(struct load_state *ls, const char *file, const char *id)
{
    size_t i;
    if (!id)
        return NULL;
    for (i = ls->n_map; i-- > 0;)
        if (strcmp(ls->map[i].from, id) == 0 && strcmp(ls->map[i].file, file) == 0)
            return ls->map[i].to;
    return NULL; /* cannot happen: tei.c checked every pointer */
}

/* A national act keeps what its definitions cite: state, number, date, titles. */
static void copy_act(struct load_state *ls, const char *id, const struct tei_bibl *b)
{
    struct glossa_tb *tb = ls->tb;
    struct tei_bibl *to = (struct tei_bibl *)glossa__tb_bibl(tb, id);
    size_t i;
    if (!to || to->state)
        return;
    to->state = glossa__tb_str(tb, b->state, &ls->oom);
    to->number = glossa__tb_str(tb, b->number, &ls->oom);
    to->date = glossa__tb_str(tb, b->date, &ls->oom);
    to->url = glossa__tb_str(tb, b->url, &ls->oom);
    to->titles = glossa__arena_alloc(tb->arena, (b->n_titles + 1) * sizeof *to->titles);
    if (!to->titles) {
        ls->oom = 1;
        return;
    }
    for (i = 0; i < b->n_titles; i++) {
        to->titles[i].lang = glossa__tb_str(tb, b->titles[i].lang, &ls->oom);
        to->titles[i].text = glossa__tb_str(tb, b->titles[i].text, &ls->oom);
    }
    to->n_titles = b->n_titles;
}

static int sink_bibl(void *ud, const char *file, const struct tei_bibl *b)
{
    struct load_state *ls = ud;
    const char *to = glossa__tb_add_bibl(ls->tb, b->id, b->type, b->citation);
    if (!to)
        return GLOSSA_ENOMEM;
    if (b->state)
        copy_act(ls, to, b);
    if (glossa__grow((void **)&ls->map, &ls->cap_map, ls->n_map, sizeof *ls->map))
        return GLOSSA_ENOMEM;
    ls->map[ls->n_map].file = glossa__tb_str(ls->tb, file, &ls->oom);
    ls->map[ls->n_map].from = glossa__tb_str(ls->tb, b->id, &ls->oom);
    ls->map[ls->n_map].to = to;
    ls->n_map++;
    return ls->oom ? GLOSSA_ENOMEM : 0;
}

#define COPY(s) glossa__tb_str(tb, (s), &ls->oom)

static void *copy_array(struct load_state *ls, const void *src, size_t n, size_t size)
{
    void *p;
    if (!n)
        return NULL;
    p = glossa__arena_alloc(ls->tb->arena, n * size);
    if (!p)
        ls->oom = 1;
    else
        memcpy(p, src, n * size);
    return p;
}

/* A definition of a national act, as the index would hand it out
** (glossa__load_legal): its act's title in its language, the relation seen
** from the national notion, its notes one a line. */
static int add_legal(struct load_state *ls, const char *file, const struct tei_entry *e)
{
    struct glossa_tb *tb = ls->tb;
    const char *act_id = mapped_source(ls, file, e->source);
    const struct tei_bibl *act = glossa__tb_bibl(tb, act_id);
    struct glossa_buf notes = GLOSSA_BUF_INIT;
    struct tb_legal *x;
    glossa_legal *l;

    if (!act || !act->state)
        return 0; /* cannot happen: tei_national.c checked the source is an act */
    if (glossa__grow((void **)&tb->legal, &tb->cap_legal, tb->n_legal, sizeof *tb->legal))
        return GLOSSA_ENOMEM;
    x = &tb->legal[tb->n_legal];
    memset(x, 0, sizeof *x);
    x->act = (size_t)(act - tb->bibls);
    x->ord = tb->n_legal;
    l = &x->l;
    l->id = COPY(e->id);
    l->state = act->state;
    l->act_id = act->id;
    l->act = glossa__act_title(act, e->terms[0].lang);
    l->number = act->number;
    l->adopted = act->date;
    l->article = COPY(e->cite.range);
    l->lang = COPY(e->terms[0].lang);
    l->term = COPY(e->terms[0].text);
    l->text = COPY(e->defs[0].text);
    l->target = COPY(e->xrefs[0].target);
    l->relation = COPY(glossa__legal_relation(e->xrefs[0].type));
    l->reliability = e->reliability;
    l->version = COPY(e->cite.version);
    l->url = COPY(e->cite.url);
    l->translation = COPY(e->cite.translation);
    if (glossa__legal_notes(e, &notes))
        ls->oom = 1;
    l->note = e->n_notes ? COPY(glossa__buf_str(&notes)) : NULL;
    glossa__buf_release(&notes);
    tb->n_legal++;
    return ls->oom ? GLOSSA_ENOMEM : 0;
}

static int sink_entry(void *ud, const char *file, const struct tei_entry *e)
{
    struct load_state *ls = ud;
    struct glossa_tb *tb = ls->tb;
    struct tei_entry *c;
    size_t i;

    /* the entries are concepts; the study of national legislation is kept
    ** beside them (export carries it; diff, protocol and proposals read
    ** concepts only) */
    if (e->kind == TEI_LEGAL)
        return add_legal(ls, file, e);
    if (e->kind != TEI_CONCEPT)
        return 0;
    if (!(c = glossa__tb_add_entry(tb)))
        return GLOSSA_ENOMEM;
    *c = *e;
    tb->entry_file[tb->n_entries - 1] = COPY(file);
    c->id = COPY(e->id);
    c->n = COPY(e->n);
    c->status = COPY(e->status);
    c->source = mapped_source(ls, file, e->source);
    c->terms = copy_array(ls, e->terms, e->n_terms, sizeof *e->terms);
    c->defs = copy_array(ls, e->defs, e->n_defs, sizeof *e->defs);
    c->notes = copy_array(ls, e->notes, e->n_notes, sizeof *e->notes);
    c->xrefs = copy_array(ls, e->xrefs, e->n_xrefs, sizeof *e->xrefs);
    c->attests = copy_array(ls, e->attests, e->n_attests, sizeof *e->attests);
    if (ls->oom)
        return GLOSSA_ENOMEM;
    for (i = 0; i < c->n_terms; i++) {
        struct tei_term *t = &c->terms[i];
        t->lang = COPY(t->lang);
        t->text = COPY(t->text);
        t->status = COPY(t->status);
        t->term_type = COPY(t->term_type);
        t->geo = COPY(t->geo);
        t->basis = COPY(t->basis);
        t->from = COPY(t->from);
        t->to = COPY(t->to);
        t->source = mapped_source(ls, file, t->source);
    }
    for (i = 0; i < c->n_defs; i++) {
        struct tei_def *d = &c->defs[i];
        d->lang = COPY(d->lang);
        d->text = COPY(d->text);
        d->basis = COPY(d->basis);
        d->from = COPY(d->from);
        d->to = COPY(d->to);
        d->source = mapped_source(ls, file, d->source);
    }
    for (i = 0; i < c->n_notes; i++) {
        struct tei_note *n = &c->notes[i];
        n->lang = COPY(n->lang);
        n->type = COPY(n->type);
        n->text = COPY(n->text);
    }
    for (i = 0; i < c->n_xrefs; i++) {
        struct tei_xref *x = &c->xrefs[i];
        x->type = COPY(x->type ? x->type : "related");
        x->target = COPY(x->target);
        x->label = COPY(x->label);
    }
    for (i = 0; i < c->n_attests; i++) {
        struct tei_attest *t = &c->attests[i];
        t->lang = COPY(t->lang);
        t->quote = COPY(t->quote);
        t->source = mapped_source(ls, file, t->source);
    }
    return ls->oom ? GLOSSA_ENOMEM : 0;
}

int glossa__tb_load_tei(struct glossa_tb *tb, const char *const *inputs, size_t n_inputs,
                        const glossa_index_opts *opts, int partial, glossa_error *err)
{
    struct load_state ls = { tb, NULL, 0, 0, 0 };
    struct tei_sink sink = { sink_bibl, sink_entry, NULL, &ls };
    struct tb_read_opts o = { opts, partial, &sink };
    int rc = glossa__tb_read(inputs, n_inputs, &o, NULL, NULL, err);

    if (rc == GLOSSA_ENOMEM || (!rc && (ls.oom || glossa__tb_index(tb))))
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    glossa__free(ls.map);
    return rc;
}

/* ---- shared helpers of the writers ------------------------------------------------ */

void glossa__xc_warn(struct xc_report *r, long line, const char *fmt, ...)
{
    glossa_error d;
    va_list ap;

    if (r->stats)
        r->stats->warnings++;
    if (!r->fn)
        return;
    d.code = r->strict ? GLOSSA_EINPUT : GLOSSA_OK;
    snprintf(d.file, sizeof d.file, "%s", r->file ? r->file : "");
    d.line = line;
    d.column = 0;
    va_start(ap, fmt);
    vsnprintf(d.msg, sizeof d.msg, fmt, ap);
    va_end(ap);
    glossa__one_line(d.msg, sizeof d.msg);
    r->fn(&d, r->userdata);
}

int glossa__xc_legal_note(const glossa_legal *l, struct glossa_buf *out)
{
    const char *rel = strcmp(l->relation, "same") == 0     ? "the same notion as the concept"
                      : strcmp(l->relation, "broader") == 0 ? "a broader notion than the concept"
                      : strcmp(l->relation, "narrower") == 0
                          ? "a narrower notion than the concept"
                          : "a notion related to the concept";
    char *act = glossa_legal_cite(l);
    int rc = !act || glossa__buf_addf(out, "statutory text of %s, not glossa's: %s", l->state,
                                      act) ||
             (l->version && glossa__buf_addf(out, "; edition of %s", l->version)) ||
             glossa__buf_addf(out, "; read at %s; ", l->url) ||
             (l->translation ? glossa__buf_addf(out, "translation: %s", l->translation)
                             : glossa__buf_adds(out, "the act's own text")) ||
             glossa__buf_addf(out, "; %s; reliability %d of 4", rel, l->reliability) ||
             (l->note && glossa__buf_addf(out, "; note: %s", l->note));
    glossa__free(act);
    return rc ? GLOSSA_ENOMEM : 0;
}

struct ranked {
    const char *tag;
    int rank;
    size_t seen;
};

static int by_rank(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->seen < y->seen ? -1 : x->seen > y->seen;
}

static int add_lang(struct ranked *all, size_t *n, const char *tag, const char *want)
{
    size_t i;
    int rank = want ? glossa__lang_rank(tag, want) : 0;
    if (rank < 0)
        return 0;
    for (i = 0; i < *n; i++)
        if (strcmp(all[i].tag, tag) == 0)
            return 0;
    all[*n].tag = tag;
    all[*n].rank = rank;
    all[*n].seen = *n;
    (*n)++;
    return 0;
}

int glossa__tb_languages(struct glossa_tb *tb, const char *want, const char ***out, size_t *n)
{
    size_t cap = 0, i, j, k = 0;
    struct ranked *all;
    const char **tags;

    for (i = 0; i < tb->n_entries; i++)
        cap += tb->entries[i].n_terms + tb->entries[i].n_defs;
    cap += tb->n_legal;
    all = glossa__malloc((cap ? cap : 1) * sizeof *all);
    if (!all)
        return GLOSSA_ENOMEM;
    for (i = 0; i < tb->n_entries; i++)
        for (j = 0; j < tb->entries[i].n_terms; j++)
            add_lang(all, &k, tb->entries[i].terms[j].lang, want);
    for (i = 0; i < tb->n_entries; i++)
        for (j = 0; j < tb->entries[i].n_defs; j++)
            add_lang(all, &k, tb->entries[i].defs[j].lang, want);
    for (i = 0; i < tb->n_legal; i++) /* national terms of the concepts */
        if (glossa__tb_find(tb, tb->legal[i].l.target))
            add_lang(all, &k, tb->legal[i].l.lang, want);
    qsort(all, k, sizeof *all, by_rank);
    tags = glossa__arena_alloc(tb->arena, (k ? k : 1) * sizeof *tags);
    if (!tags) {
        glossa__free(all);
        return GLOSSA_ENOMEM;
    }
    for (i = 0; i < k; i++)
        tags[i] = all[i].tag;
    glossa__free(all);
    *out = tags;
    *n = k;
    return 0;
}
