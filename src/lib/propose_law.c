/*
** propose_law.c — the national definition a proposal starts from (`glossa
** propose --from-law ACT:ITEM`, schema/README.md "Proposals"): read from the
** study of national legislation (glossary/national/) by the one loader, and
** turned into a new concept's entry: the national term (its state's region,
** the act as source) and the definition in the act's language, with a <cit>
** that records it as quoted from the act, not drafted; the act, its article,
** the edition and the address read become the proposal's national act.
*/
#include "glossa_int.h"
#include "propose_int.h"
#include "termbase_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* What the read keeps: the definition asked for, the acts (each with its
** file: a bibl's id is its file's), every legal definition's id (for the
** closest) and every notion's. All strings in tb's arena. */
struct law_read {
    struct glossa_tb *tb;
    const char *want;
    struct tei_entry e;
    const char *file;
    int found, oom;
    struct tei_bibl *acts;   size_t n_acts, cap_acts;
    const char **act_files;  size_t cap_act_files;
    const char **ids;        size_t n_ids, cap_ids;
    const char **notions;    size_t n_notions, cap_notions;
};

#define COPY(s) glossa__tb_str(r->tb, (s), &r->oom)

static int push_id(struct law_read *r, const char ***v, size_t *n, size_t *cap, const char *id)
{
    if (glossa__grow((void **)v, cap, *n, sizeof **v))
        return GLOSSA_ENOMEM;
    (*v)[(*n)++] = COPY(id);
    return r->oom ? GLOSSA_ENOMEM : 0;
}

static int law_bibl(void *ud, const char *file, const struct tei_bibl *b)
{
    struct law_read *r = ud;
    struct tei_bibl *c;
    size_t i;
    if (!b->state)
        return 0;
    if (glossa__grow((void **)&r->acts, &r->cap_acts, r->n_acts, sizeof *r->acts) ||
        glossa__grow((void **)&r->act_files, &r->cap_act_files, r->n_acts, sizeof *r->act_files))
        return GLOSSA_ENOMEM;
    c = &r->acts[r->n_acts];
    *c = *b;
    c->id = COPY(b->id);
    c->type = COPY(b->type);
    c->citation = COPY(b->citation);
    c->state = COPY(b->state);
    c->number = COPY(b->number);
    c->date = COPY(b->date);
    c->url = COPY(b->url);
    c->titles = b->n_titles ? glossa__arena_alloc(r->tb->arena, b->n_titles * sizeof *c->titles) : NULL;
    if (b->n_titles && !c->titles)
        return GLOSSA_ENOMEM;
    for (i = 0; i < b->n_titles; i++) {
        c->titles[i].lang = COPY(b->titles[i].lang);
        c->titles[i].text = COPY(b->titles[i].text);
    }
    r->act_files[r->n_acts++] = COPY(file);
    return r->oom ? GLOSSA_ENOMEM : 0;
}

/* A copy of n items of size bytes at src in tb's arena (NULL for none; oom set on failure). */
static void *copy_one(struct law_read *r, const void *src, size_t n, size_t size)
{
    void *p = n ? glossa__arena_alloc(r->tb->arena, n * size) : NULL;
    if (n && !p)
        r->oom = 1;
    else if (n)
        memcpy(p, src, n * size);
    return p;
}

static int law_entry(void *ud, const char *file, const struct tei_entry *e)
{
    struct law_read *r = ud;
    struct tei_entry *c = &r->e;
    size_t i;
    if (e->kind == TEI_NOTION)
        return push_id(r, &r->notions, &r->n_notions, &r->cap_notions, e->id);
    if (e->kind != TEI_LEGAL)
        return 0;
    if (strcmp(e->id, r->want) != 0)
        return push_id(r, &r->ids, &r->n_ids, &r->cap_ids, e->id);
    /* the loader checked its shape: one term, one definition, one xr, the url */
    *c = *e;
    r->found = 1;
    r->file = COPY(file);
    c->id = COPY(e->id);
    c->source = COPY(e->source);
    c->terms = copy_one(r, e->terms, 1, sizeof *e->terms);
    c->defs = copy_one(r, e->defs, 1, sizeof *e->defs);
    c->xrefs = copy_one(r, e->xrefs, e->n_xrefs, sizeof *e->xrefs);
    c->n_notes = 0;
    c->n_attests = 0;
    if (r->oom)
        return GLOSSA_ENOMEM;
    c->terms->lang = COPY(e->terms->lang);
    c->terms->text = COPY(e->terms->text);
    c->defs->lang = COPY(e->defs->lang);
    c->defs->text = COPY(e->defs->text);
    for (i = 0; i < c->n_xrefs; i++) {
        c->xrefs[i].type = COPY(e->xrefs[i].type);
        c->xrefs[i].target = COPY(e->xrefs[i].target);
        c->xrefs[i].label = COPY(e->xrefs[i].label);
    }
    c->cite.range = COPY(e->cite.range);
    c->cite.version = COPY(e->cite.version);
    c->cite.url = COPY(e->cite.url);
    c->cite.translation = COPY(e->cite.translation);
    return r->oom ? GLOSSA_ENOMEM : 0;
}

void glossa__closest_ids(const char *const *ids, size_t n, const char *id, char *out, size_t size)
{
    const char *best[3] = { NULL, NULL, NULL };
    size_t dist[3] = { (size_t)-1, (size_t)-1, (size_t)-1 }, i, k, len = 0;
    for (i = 0; i < n; i++) {
        size_t d = glossa_edit_distance(id, ids[i]);
        for (k = 0; k < 3 && d >= dist[k]; k++)
            ;
        if (k == 3)
            continue;
        memmove(best + k + 1, best + k, (2 - k) * sizeof *best);
        memmove(dist + k + 1, dist + k, (2 - k) * sizeof *dist);
        best[k] = ids[i];
        dist[k] = d;
    }
    out[0] = '\0';
    for (k = 0; k < 3 && best[k]; k++)
        len += (size_t)snprintf(out + len, len < size ? size - len : 0, "%s%s", k ? ", " : "", best[k]);
}

static int is_notion(const struct law_read *r, const char *id)
{
    size_t i;
    for (i = 0; i < r->n_notions; i++)
        if (strcmp(r->notions[i], id) == 0)
            return 1;
    return 0;
}

/* The whole citation of the definition l of act, and what the quotation is. */
static int law_note(const struct tei_entry *l, const struct tei_bibl *act, const char *lang,
                    struct glossa_buf *b)
{
    const struct tei_cite *c = &l->cite;
    int rc = glossa__buf_addf(b, "Started from the national definition %s (%s%s%s): the %s term "
                              "and definition are ", l->id, act->number ? act->number : act->id,
                              c->range ? ", " : "", c->range ? c->range : "", lang);
    if (!rc)
        rc = c->translation
                 ? glossa__buf_addf(b, "a translation of the act by %s, not its own text,", c->translation)
                 : glossa__buf_adds(b, "the act's own text,");
    if (!rc)
        rc = glossa__buf_addf(b, " as read at %s%s%s; reliability %d. They are quoted exactly: the "
                              "attestation (cit) records the quotation (a definition changed is a drafted "
                              "wording; the quotation stays).", c->url,
                              c->version ? ", edition of " : "", c->version ? c->version : "",
                              l->reliability);
    if (!rc && l->n_xrefs)
        rc = glossa__buf_addf(b, " The study links it to '%s' (%s).", l->xrefs[0].target,
                              l->xrefs[0].type);
    return rc;
}

/* The entry: id, the national term and the quoted definition, what it is to
** the concept the study linked it to, and a note with the whole citation. */
static int build(struct law_read *r, const glossa_propose_opts *o, const struct tei_bibl *act,
                 struct law_start *out)
{
    struct tei_entry *e = &out->entry;
    const struct tei_xref *x = r->e.n_xrefs ? &r->e.xrefs[0] : NULL;
    const char *basis = r->e.cite.translation ? "working-translation" : NULL;
    struct glossa_buf note = GLOSSA_BUF_INIT;
    char buf[256];
    size_t k;
    int rc;

    memset(out, 0, sizeof *out);
    out->act = *act;
    out->act.id = "national-act";
    out->act.url = r->e.cite.url;
    out->range = r->e.cite.range;
    out->item = r->e.id;
    out->lang = r->e.terms->lang;
    for (k = 0; k < 2 && o->state[k]; k++)
        buf[k] = (char)tolower((unsigned char)o->state[k]);
    /* the id: --id, else the notion of the study it defines, else new-concept */
    snprintf(buf + k, sizeof buf - k, "-%s",
             o->id ? o->id : x && is_notion(r, x->target) ? x->target : "new-concept");
    e->id = COPY(buf);
    e->kind = TEI_CONCEPT;
    e->status = "proposed";
    e->reliability = 2;
    e->source = "national-act";
    e->terms = glossa__arena_alloc(r->tb->arena, sizeof *e->terms);
    e->defs = glossa__arena_alloc(r->tb->arena, sizeof *e->defs);
    e->attests = glossa__arena_alloc(r->tb->arena, sizeof *e->attests);
    e->notes = glossa__arena_alloc(r->tb->arena, sizeof *e->notes);
    e->xrefs = glossa__arena_alloc(r->tb->arena, sizeof *e->xrefs);
    if (!e->terms || !e->defs || !e->attests || !e->notes || !e->xrefs)
        return GLOSSA_ENOMEM;
    memset(e->terms, 0, sizeof *e->terms);
    e->terms->lang = r->e.terms->lang;
    e->terms->text = r->e.terms->text;
    e->terms->status = "preferred";
    e->terms->geo = act->state;
    e->terms->source = "national-act";
    e->terms->basis = basis;
    e->n_terms = 1;
    memset(e->defs, 0, sizeof *e->defs);
    e->defs->lang = r->e.defs->lang;
    e->defs->text = r->e.defs->text;
    e->defs->source = "national-act";
    e->defs->basis = basis;
    e->n_defs = 1;
    e->attests->lang = r->e.defs->lang;
    e->attests->quote = r->e.defs->text;
    e->attests->source = "national-act";
    e->n_attests = 1;
    /* a notion of the study is no concept a cross-reference can name; "same"
    ** has no xr: the note says it */
    if (x && !is_notion(r, x->target) && strcmp(x->type, "same") != 0) {
        e->xrefs[0] = *x;
        e->n_xrefs = 1;
    }
    if ((rc = law_note(&r->e, act, out->lang, &note)) == 0) {
        e->notes->text = COPY(glossa__buf_str(&note));
        rc = r->oom ? GLOSSA_ENOMEM : 0;
    }
    glossa__buf_release(&note);
    if (rc)
        return rc;
    e->notes->type = "editorial";
    e->notes->lang = "en";
    e->n_notes = 1;
    return r->oom ? GLOSSA_ENOMEM : 0;
}

int glossa__propose_from_law(struct glossa_tb *tb, const glossa_propose_opts *o,
                             struct law_start *out, glossa_error *err)
{
    struct law_read r;
    struct tei_sink sink = { law_bibl, law_entry, NULL, &r };
    glossa_index_opts io = GLOSSA_INDEX_OPTS_INIT;
    struct tb_read_opts ro = { &io, 1, &sink };
    const char *colon = strchr(o->from_law, ':'), *where = o->n_base ? o->base[0] : NULL;
    const struct tei_bibl *act = NULL;
    char want_act[256], near[512];
    size_t i;
    int rc;

    memset(&r, 0, sizeof r);
    r.tb = tb;
    r.want = colon ? colon + 1 : o->from_law;
    snprintf(want_act, sizeof want_act, "%.*s", colon ? (int)(colon - o->from_law) : 0, o->from_law);
    if (!*r.want || (colon && !*want_act))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "--from-law '%s': give ACT:ITEM (the act's and the definition's "
                                 "xml:id in glossary/national/) or ITEM", o->from_law);
    io.on_diag = o->on_diag;
    io.userdata = o->userdata;
    rc = glossa__tb_read(o->base, o->n_base, &ro, NULL, NULL, err);
    if (rc == GLOSSA_ENOMEM || (!rc && r.oom))
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (!rc && !r.found && is_notion(&r, r.want))
        rc = glossa__error_set(err, GLOSSA_EINPUT, where, 0, 0,
                               "'%s' is a notion of the study, not a national definition: give "
                               "the id of one of its definitions ('glossa compare %s' lists them)",
                               r.want, r.want);
    if (!rc && !r.found) {
        glossa__closest_ids(r.ids, r.n_ids, r.want, near, sizeof near);
        rc = glossa__error_set(err, GLOSSA_EINPUT, where, 0, 0,
                               "no national definition '%s' in the study; the closest ids: %s",
                               r.want, near);
    }
    for (i = 0; !rc && i < r.n_acts && !act; i++)
        if (strcmp(r.act_files[i], r.file) == 0 && strcmp(r.acts[i].id, r.e.source) == 0)
            act = &r.acts[i];
    if (!rc && !act) /* the loader refuses a legal definition without its act */
        rc = glossa__error_set(err, GLOSSA_ESCHEMA, r.file, r.e.line, 0, "no act '%s'", r.e.source);
    if (!rc && colon && strcmp(want_act, act->id) != 0)
        rc = glossa__error_set(err, GLOSSA_EINPUT, r.file, r.e.line, 0,
                               "national definition '%s' is of act '%s', not '%s'", r.want,
                               act->id, want_act);
    if (!rc && strcmp(act->state, o->state) != 0)
        rc = glossa__error_set(err, GLOSSA_EINPUT, r.file, r.e.line, 0,
                               "national definition '%s' is of an act of %s (%s), not of %s: "
                               "a state proposes from its own law (--state %s)", r.want,
                               act->state, act->id, o->state, act->state);
    if (!rc && (rc = build(&r, o, act, out)) == GLOSSA_ENOMEM)
        glossa__error_set(err, rc, NULL, 0, 0, "out of memory");
    glossa__free(r.acts);
    glossa__free(r.act_files);
    glossa__free(r.ids);
    glossa__free(r.notions);
    return rc;
}
