/*
** proposal.c — proposals from the member states' competent authorities:
** TEI files in the term base's encoding plus a header naming the state, the
** authority, the date, the proposal's id and round (schema/README.md).
** Loading validates each file with the term-base loader and keeps, per change, its
** concept, its kind (new | amend | delete), the hash of its wording and its DOM (for
** consolidate.c); a round is read whole, a file that is no valid proposal said
** once and left out. glossa_check() applies the rules beyond the schema to the
** round as a whole: member states (states.c), FILL IN anywhere, one concept
** proposed twice, each problem at the line of the element at fault.
*/
#include "glossa_int.h"
#include "diff_int.h"
#include "proposal_int.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sqlite3.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int is_tei(xmlNodePtr n, const char *name)
{
    return glossa__xml_is_tei(n, name);
}

static char *text_copy(struct glossa_arena *a, xmlNodePtr n)
{
    xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
    char *copy = t ? glossa__arena_strdup(a, (const char *)t) : NULL;
    xmlFree(t);
    return copy;
}

static char *prop_copy(struct glossa_arena *a, xmlNodePtr n, const char *name, const xmlChar *ns)
{
    xmlChar *t = ns ? xmlGetNsProp(n, (const xmlChar *)name, ns) : xmlGetNoNsProp(n, (const xmlChar *)name);
    char *copy = t ? glossa__arena_strdup(a, (const char *)t) : NULL;
    xmlFree(t);
    return copy;
}

/* The header's <idno type="…">. */
static char *idno(struct glossa_arena *a, xmlNodePtr header, const char *type)
{
    xmlNodePtr pub = glossa__xml_find(header, "publicationStmt"), c;
    for (c = pub ? pub->children : NULL; c; c = c->next) {
        if (is_tei(c, "idno")) {
            xmlChar *t = xmlGetNoNsProp(c, (const xmlChar *)"type");
            int match = t && strcmp((const char *)t, type) == 0;
            xmlFree(t);
            if (match)
                return text_copy(a, c);
        }
    }
    return NULL;
}

static int add_change(struct glossa_proposals *p, const glossa_proposal_change *c,
                      struct proposal_file *f, struct v_concept *concept, xmlNodePtr entry)
{
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        glossa_proposal_change *q = glossa__realloc(p->changes, cap * sizeof *q);
        struct change_source *s;
        if (!q)
            return GLOSSA_ENOMEM;
        p->changes = q;
        s = glossa__realloc(p->sources, cap * sizeof *s);
        if (!s)
            return GLOSSA_ENOMEM;
        p->sources = s;
        p->cap = cap;
    }
    p->changes[p->n] = *c;
    p->sources[p->n].file = f;
    p->sources[p->n].concept = concept;
    p->sources[p->n].entry = entry;
    p->n++;
    return 0;
}

/* The caller's callback, counted: a file's problems are each given once. */
struct counted {
    glossa_diag_fn fn;
    void *ud;
    unsigned long n;
};

static void counted_diag(const glossa_error *d, void *ud)
{
    struct counted *c = ud;
    c->n++;
    if (c->fn)
        c->fn(d, c->ud);
}

/* Read one file. GLOSSA_ESCHEMA when the file is not a valid proposal (its
** problems reported through c); another code when it cannot be read. */
static int load_one(struct glossa_proposals *p, const char *path, struct counted *cd,
                    glossa_error *err)
{
    glossa_index_opts opts = GLOSSA_INDEX_OPTS_INIT;
    struct proposal_file *f;
    xmlNodePtr root, header, body, e;
    char *type;
    size_t i;
    int rc;

    if (p->n_files == PROPOSALS_MAX_FILES)
        return glossa__error_set(err, GLOSSA_EINPUT, path, 0, 0, "too many proposal files");
    f = &p->files[p->n_files];
    memset(f, 0, sizeof f[0]);
    opts.on_diag = counted_diag;
    opts.userdata = cd;
    /* the whole validation of an index: schema, languages, sources, no DOCTYPE */
    if ((rc = glossa__tb_new(&f->tb, err)))
        return rc;
    p->n_files++;
    if ((rc = glossa__tb_load_tei(f->tb, &path, 1, &opts, 1, err)))
        return rc;
    f->path = glossa__arena_strdup(p->arena, path);
    if (!f->path || (rc = glossa__version_load(p->arena, f->tb, &f->v, err)))
        return rc ? rc : glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    /* the file is valid; read again (it may have changed) by the one reader */
    if ((rc = glossa__xml_read_file(path, &f->doc, err)))
        return rc;
    root = xmlDocGetRootElement(f->doc);
    type = prop_copy(p->arena, root, "type", NULL);
    if (!type || strcmp(type, "proposal") != 0) {
        glossa__diag(counted_diag, cd, GLOSSA_ESCHEMA, path, xmlGetLineNo(root),
             "not a proposal: the root must be <TEI type=\"proposal\">");
        return GLOSSA_ESCHEMA;
    }
    header = glossa__xml_find(root, "teiHeader");
    f->proposal = idno(p->arena, header, "proposal");
    f->state = idno(p->arena, header, "state");
    f->round = idno(p->arena, header, "round");
    f->authority = text_copy(p->arena, glossa__xml_find(header, "authority"));
    {
        xmlNodePtr date = glossa__xml_find(glossa__xml_find(header, "publicationStmt"), "date");
        f->date = date ? prop_copy(p->arena, date, "when", NULL) : NULL;
    }
    if (!f->proposal || !f->state || !f->authority || !f->date) {
        glossa__diag(counted_diag, cd, GLOSSA_ESCHEMA, path, xmlGetLineNo(header),
             "a proposal's header names its authority, proposal id, state and date "
             "(<publicationStmt>)");
        return GLOSSA_ESCHEMA;
    }
    body = glossa__xml_find(root, "body");
    for (e = body ? body->children : NULL; e; e = e->next) {
        glossa_proposal_change c;
        char hash[17];
        char *id;
        if (!is_tei(e, "entry"))
            continue;
        id = prop_copy(p->arena, e, "id", XML_XML_NAMESPACE);
        memset(&c, 0, sizeof c);
        c.proposal = f->proposal;
        c.state = f->state;
        c.authority = f->authority;
        c.date = f->date;
        c.round = f->round;
        c.file = f->path;
        c.line = xmlGetLineNo(e);
        c.id = id;
        c.kind = prop_copy(p->arena, e, "subtype", NULL);
        if (!c.kind) {
            glossa__diag(counted_diag, cd, GLOSSA_ESCHEMA, path, c.line,
                 "entry '%s': a proposal's entry says subtype=\"new\", \"amend\" or \"delete\"", id ? id : "?");
            rc = GLOSSA_ESCHEMA;
            continue;
        }
        for (i = 0; i < f->v.n; i++)
            if (id && strcmp(f->v.c[i].id, id) == 0)
                break;
        if (i == f->v.n)
            continue; /* cannot happen for a valid file */
        glossa__concept_hash(&f->v.c[i], hash);
        c.hash = glossa__arena_strdup(p->arena, hash);
        if (!c.hash || add_change(p, &c, f, &f->v.c[i], e))
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    return rc;
}

int glossa_proposals_load_round(glossa_proposals **out, const char *const *files, size_t n,
                                glossa_diag_fn on_diag, void *userdata, size_t *rejected,
                                glossa_error *err)
{
    struct glossa_proposals *p = glossa__calloc(1, sizeof *p);
    struct counted cd = { on_diag, userdata, 0 };
    size_t i;
    int rc = 0;

    *rejected = 0;
    if (!p || !(p->arena = glossa__arena_new())) {
        glossa__free(p);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (i = 0; i < n && !rc; i++) {
        size_t n_changes = p->n, n_files = p->n_files;
        unsigned long shown = cd.n;
        rc = load_one(p, files[i], &cd, err);
        if (rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA)
            continue;
        /* a malformed or invalid file: said (once), left out, the next one read */
        if (cd.n == shown)
            counted_diag(err, &cd);
        while (p->n_files > n_files) {
            struct proposal_file *f = &p->files[--p->n_files];
            glossa__tb_free(f->tb);
            xmlFreeDoc(f->doc);
            memset(f, 0, sizeof *f);
        }
        p->n = n_changes;
        (*rejected)++;
        rc = 0;
    }
    if (rc) {
        glossa_proposals_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

int glossa_proposals_load(glossa_proposals **out, const char *const *files, size_t n,
                          glossa_diag_fn on_diag, void *userdata, glossa_error *err)
{
    size_t rejected = 0;
    int rc = glossa_proposals_load_round(out, files, n, on_diag, userdata, &rejected, err);
    if (rc || !rejected)
        return rc;
    glossa_proposals_free(*out);
    *out = NULL;
    return glossa__error_set(err, GLOSSA_ESCHEMA, NULL, 0, 0, "%zu invalid proposal file%s",
                             rejected, rejected == 1 ? "" : "s");
}

size_t glossa_proposals_count(const glossa_proposals *p)
{
    return p ? p->n : 0;
}

const glossa_proposal_change *glossa_proposals_get(const glossa_proposals *p, size_t i)
{
    return p && i < p->n ? &p->changes[i] : NULL;
}

void glossa_proposals_free(glossa_proposals *p)
{
    size_t i;
    if (!p)
        return;
    for (i = 0; i < p->n_files; i++) {
        glossa__tb_free(p->files[i].tb);
        xmlFreeDoc(p->files[i].doc);
    }
    glossa__free(p->changes);
    glossa__free(p->sources);
    glossa__arena_free(p->arena);
    glossa__free(p);
}

/* ---- checks ----------------------------------------------------------------------------- */

static int base_has(glossa_db *base, const char *id)
{
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(glossa__db_sql(base), "SELECT 1 FROM concept WHERE xml_id = ?1", -1,
                           &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

static int proposed_anywhere(const struct glossa_proposals *p, const char *id)
{
    size_t i;
    for (i = 0; i < p->n; i++)
        if (strcmp(p->changes[i].id, id) == 0)
            return 1;
    return 0;
}

/* "FILL IN" (in any case of its ASCII letters) left in text, or "…" where
** ellipsis counts; NULL when neither. */
static const char *placeholder(const char *text, int ellipsis)
{
    const char *p;
    for (p = text; *p; p++)
        if (strncasecmp(p, "FILL IN", 7) == 0)
            return "FILL IN";
    return ellipsis && strstr(text, "…") ? "…" : NULL;
}

struct check_ctx {
    glossa_diag_fn fn;
    void *ud;
    unsigned errors, warnings;
};

static void problem_at(struct check_ctx *c, int warning, const char *file, long line,
                       const char *id, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* A problem at FILE:LINE, of entry id (NULL: of the file's header). */
static void problem_at(struct check_ctx *c, int warning, const char *file, long line,
                       const char *id, const char *fmt, ...)
{
    char msg[GLOSSA_ERROR_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (warning)
        c->warnings++;
    else
        c->errors++;
    if (id)
        glossa__diag(c->fn, c->ud, warning ? GLOSSA_WARNING : GLOSSA_ESCHEMA, file, line,
             "entry '%s': %s", id, msg);
    else
        glossa__diag(c->fn, c->ud, warning ? GLOSSA_WARNING : GLOSSA_ESCHEMA, file, line, "%s", msg);
}

/* A problem of change ch, at its <entry>. */
#define problem(c, warning, ch, ...) problem_at((c), (warning), (ch)->file, (ch)->line, (ch)->id, __VA_ARGS__)

/* The line of the <orth> of term text in lang in entry (the entry's when none). */
static long term_line(xmlNodePtr entry, const char *lang, const char *text)
{
    xmlNodePtr form, orth;
    for (form = entry->children; form; form = form->next) {
        xmlChar *l = is_tei(form, "form") ? xmlGetNsProp(form, (const xmlChar *)"lang", XML_XML_NAMESPACE) : NULL;
        int same = l && strcmp((const char *)l, lang) == 0;
        xmlFree(l);
        for (orth = same ? form->children : NULL; orth; orth = orth->next) {
            xmlChar *t = is_tei(orth, "orth") ? xmlNodeGetContent(orth) : NULL;
            same = t && strcmp((const char *)t, text) == 0;
            xmlFree(t);
            if (same)
                return xmlGetLineNo(orth);
        }
    }
    return xmlGetLineNo(entry);
}

/* FILL IN (anywhere) or … (in a term, a definition, the authority, a cited
** range) left in the text of an element below n: one problem per
** element, at its line. id: the entry (NULL: the header). */
static void placeholders(struct check_ctx *c, const char *file, const char *id, xmlNodePtr n)
{
    static const char *const exact[] = { "orth", "def", "authority", "citedRange" };
    xmlNodePtr el, t;
    size_t k;
    for (el = n->children; el; el = el->next) {
        int ellipsis = 0;
        if (el->type != XML_ELEMENT_NODE)
            continue;
        for (k = 0; k < sizeof exact / sizeof exact[0]; k++)
            ellipsis |= strcmp((const char *)el->name, exact[k]) == 0;
        for (t = el->children; t; t = t->next) {
            const char *what = t->type == XML_TEXT_NODE && t->content
                                   ? placeholder((const char *)t->content, ellipsis) : NULL;
            if (what) {
                problem_at(c, 0, file, xmlGetLineNo(el), id,
                           "<%s>: placeholder text (%s) is still there", el->name, what);
                break;
            }
        }
        placeholders(c, file, id, el);
    }
}

/* A new term that is an existing term again, normalised, stemmed,
** transliterated or with a typo's difference. */
static int near_duplicates(glossa_db *base, struct glossa_keys *keys, struct check_ctx *c,
                           const glossa_proposal_change *ch, const struct v_concept *concept,
                           xmlNodePtr entry, glossa_error *err)
{
    static const glossa_mode modes[] = { GLOSSA_MODE_NORMALIZED, GLOSSA_MODE_STEM,
                                         GLOSSA_MODE_TRANSLIT, GLOSSA_MODE_FUZZY };
    static const char *const how[] = { "the same, normalised,", "the same, stemmed,",
                                       "the same in transliteration", "nearly the same" };
    struct glossa_buf a = GLOSSA_BUF_INIT, b = GLOSSA_BUF_INIT;
    size_t i, m;
    int rc = 0;

    for (i = 0; i < concept->n_terms && !rc; i++) {
        const struct v_term *t = &concept->terms[i];
        for (m = 0; m < sizeof modes / sizeof modes[0] && !rc; m++) {
            glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
            glossa_results *res = NULL;
            const glossa_hit *h;
            char lang[16];
            size_t k;
            snprintf(lang, sizeof lang, "%.*s", (int)strcspn(t->lang, "-"), t->lang);
            o.from = lang;
            o.mode = modes[m];
            o.limit = 3;
            if ((rc = glossa_lookup(base, t->text, &o, &res, err)))
                break;
            for (k = 0; k < glossa_results_count(res); k++) {
                h = glossa_results_get(res, k);
                if (strcmp(h->id, ch->id) == 0)
                    continue;
                if (modes[m] == GLOSSA_MODE_FUZZY && h->score < 0.349)
                    continue; /* a near-duplicate is one edit away, not two or three */
                if (modes[m] == GLOSSA_MODE_STEM) {
                    /* only a whole-term match, not a term that contains the words */
                    if (glossa__stem_key(keys, t->text, strlen(t->text), lang, &a) ||
                        glossa__stem_key(keys, h->match_text, strlen(h->match_text), lang, &b)) {
                        rc = GLOSSA_ENOMEM;
                        break;
                    }
                    if (strcmp(glossa__buf_str(&a), glossa__buf_str(&b)) != 0)
                        continue;
                }
                problem_at(c, 1, ch->file, term_line(entry, t->lang, t->text), ch->id,
                           "new term «%s» (%s) is %s as «%s» of concept '%s' in the term base",
                           t->text, t->lang, how[m], h->match_text, h->id);
                m = sizeof modes / sizeof modes[0]; /* one message per term */
                break;
            }
            glossa_results_free(res);
        }
    }
    glossa__buf_release(&a);
    glossa__buf_release(&b);
    return rc == GLOSSA_ENOMEM ? glossa__error_set(err, rc, NULL, 0, 0, "out of memory") : rc;
}

static int has_term(const struct v_concept *c, const char *lang)
{
    return glossa__concept_term(c, lang) != NULL;
}

/* An amendment changes the Russian and the Chinese definition together: the
** two authentic texts must stay in step. */
static void authentic_in_step(glossa_db *base, struct check_ctx *c, const glossa_proposal_change *ch,
                              const struct v_concept *concept)
{
    static const char *const langs[2] = { "ru", "zh" };
    int changed[2] = { 0, 0 };
    size_t i;
    for (i = 0; i < 2; i++) {
        const char *mine = glossa__concept_def(concept, langs[i]);
        sqlite3_stmt *st;
        if (!mine || sqlite3_prepare_v2(glossa__db_sql(base),
                                        "SELECT d.text FROM definition d JOIN concept c ON c.id = d.concept_id"
                                        " WHERE c.xml_id = ?1 AND d.lang = ?2 AND d.valid_to IS NULL"
                                        " ORDER BY d.ord LIMIT 1", -1, &st, NULL) != SQLITE_OK)
            continue;
        sqlite3_bind_text(st, 1, ch->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, langs[i], -1, SQLITE_STATIC);
        changed[i] = sqlite3_step(st) != SQLITE_ROW ||
                     strcmp((const char *)sqlite3_column_text(st, 0), mine) != 0;
        sqlite3_finalize(st);
    }
    if (changed[0] != changed[1])
        problem(c, 1, ch, "the %s definition changes and the %s one does not: the authentic texts "
                "must stay in step", changed[0] ? "Russian" : "Chinese", changed[0] ? "Chinese" : "Russian");
}

/* A deletion: the concepts of the term base whose cross-references point at
** the concept deleted (a warning: they need a change too). */
static void referred_to(glossa_db *base, struct check_ctx *c, const glossa_proposal_change *ch)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(glossa__db_sql(base),
                           "SELECT DISTINCT c.xml_id FROM xref x JOIN concept c ON c.id = x.concept_id"
                           " WHERE x.target = ?1 AND c.xml_id <> ?1 ORDER BY c.xml_id", -1, &st,
                           NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, ch->id, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW)
        problem(c, 1, ch, "concept '%s' has a cross-reference to the concept deleted",
                (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* The header of file f: its state a member state, nothing left to fill in. */
static void check_header(struct check_ctx *c, const glossa_states *states,
                         const struct proposal_file *f)
{
    xmlNodePtr header = glossa__xml_find(xmlDocGetRootElement(f->doc), "teiHeader");
    xmlNodePtr pub = glossa__xml_find(header, "publicationStmt"), n;
    long line = xmlGetLineNo(header);
    const glossa_state *st = glossa_states_find(states, f->state);

    for (n = pub ? pub->children : NULL; n; n = n->next) {
        xmlChar *t = is_tei(n, "idno") ? xmlGetNoNsProp(n, (const xmlChar *)"type") : NULL;
        if (t && strcmp((const char *)t, "state") == 0)
            line = xmlGetLineNo(n);
        xmlFree(t);
    }
    if (states && !st) /* (the schema wants capitals: st->code is f->state) */
        problem_at(c, 0, f->path, line, NULL, "state '%s' is not a member state (%s)", f->state,
                   glossa_states_codes(states));
    placeholders(c, f->path, NULL, header);
}

/* The same new concept proposed twice in the round: a term of change i is,
** normalised, a term of an earlier new concept (another id) in any proposal. */
static int round_duplicates(struct glossa_norm *norm, struct check_ctx *c,
                            const struct glossa_proposals *p, size_t i)
{
    const glossa_proposal_change *ch = &p->changes[i];
    const struct v_concept *a = p->sources[i].concept;
    struct glossa_buf ka = GLOSSA_BUF_INIT, kb = GLOSSA_BUF_INIT;
    size_t j, x, y;
    int rc = 0, found;

    for (j = 0; j < i && !rc; j++) {
        const glossa_proposal_change *other = &p->changes[j];
        const struct v_concept *b = p->sources[j].concept;
        if (strcmp(other->kind, "new") != 0 || strcmp(other->id, ch->id) == 0)
            continue;
        for (x = 0, found = 0; x < a->n_terms && !found && !rc; x++) {
            const struct v_term *ta = &a->terms[x];
            size_t la = strcspn(ta->lang, "-");
            if ((rc = glossa__norm_key(norm, ta->text, strlen(ta->text), &ka)))
                break;
            for (y = 0; y < b->n_terms && !found && !rc; y++) {
                const struct v_term *tb = &b->terms[y];
                if (strcspn(tb->lang, "-") != la || strncmp(tb->lang, ta->lang, la) != 0 ||
                    (rc = glossa__norm_key(norm, tb->text, strlen(tb->text), &kb)))
                    continue;
                if (strcmp(glossa__buf_str(&ka), glossa__buf_str(&kb)) != 0)
                    continue;
                found = 1;
                problem_at(c, 0, ch->file, term_line(p->sources[i].entry, ta->lang, ta->text),
                           ch->id, "new term «%s» (%s) is the same, normalised, as «%s» of the "
                           "new concept '%s' of %s (%s:%ld): one concept proposed twice",
                           ta->text, ta->lang, tb->text, other->id, other->proposal,
                           other->file, other->line);
            }
        }
    }
    glossa__buf_release(&ka);
    glossa__buf_release(&kb);
    return rc;
}

int glossa_check(glossa_db *base, const glossa_states *states, const glossa_proposals *p,
                 glossa_diag_fn on_diag, void *userdata, unsigned *errors, unsigned *warnings,
                 glossa_error *err)
{
    struct check_ctx c = { on_diag, userdata, 0, 0 };
    struct glossa_keys *keys = NULL;
    struct glossa_norm *norm = NULL;
    size_t i, j, f;
    int rc;

    if ((rc = glossa__keys_new(&keys, err)) || (rc = glossa__norm_new(&norm, err))) {
        glossa__keys_free(keys);
        return rc;
    }
    for (f = 0; f < p->n_files && !rc; f++) {
        check_header(&c, states, &p->files[f]);
        for (i = 0; i < p->n && !rc; i++) {
            const glossa_proposal_change *ch = &p->changes[i];
            const struct change_source *src = &p->sources[i];
            const struct v_concept *concept = src->concept;
            const glossa_state *st = glossa_states_find(states, ch->state);
            char prefix[8];
            size_t k;

            if (src->file != &p->files[f])
                continue;
            for (k = 0; ch->state[k] && k < 3; k++)
                prefix[k] = (char)tolower((unsigned char)ch->state[k]);
            prefix[k] = '-';
            prefix[k + 1] = '\0';
            if (strcmp(ch->kind, "new") == 0) {
                if (base_has(base, ch->id))
                    problem(&c, 0, ch, "a new concept's id is already in the term base: choose another");
                if ((st || !states) && strncmp(ch->id, prefix, strlen(prefix)) != 0)
                    problem(&c, 0, ch, "new concept ids of %s begin with '%s' (so that states' ids never collide)",
                            st ? st->code : ch->state, prefix);
            } else if (!base_has(base, ch->id)) {
                problem(&c, 0, ch, strcmp(ch->kind, "delete") == 0
                                       ? "deletes a concept that the term base does not have"
                                       : "amends a concept that the term base no longer has");
            } else if (strcmp(ch->kind, "delete") == 0) {
                referred_to(base, &c, ch);
            } else {
                authentic_in_step(base, &c, ch, concept);
            }
            for (j = 0; j < i; j++) {
                if (strcmp(p->changes[j].id, ch->id) == 0)
                    problem(&c, strcmp(ch->kind, "new") != 0, ch, "also changed by %s (%s:%ld)",
                            p->changes[j].proposal, p->changes[j].file, p->changes[j].line);
            }
            /* the authentic languages */
            if (!has_term(concept, "ru"))
                problem(&c, 0, ch, "no preferred Russian term (an authentic language)");
            if (!has_term(concept, "zh"))
                problem(&c, 0, ch, "no preferred Chinese term (an authentic language)");
            if (!glossa__concept_def(concept, "ru"))
                problem(&c, 0, ch, "no Russian definition (an authentic language)");
            if (!glossa__concept_def(concept, "zh"))
                problem(&c, 0, ch, "no Chinese definition (an authentic language)");
            if (!glossa__entry_rationale(concept->entry, NULL))
                problem(&c, 1, ch, "no rationale (<note type=\"rationale\">) says why");
            placeholders(&c, ch->file, ch->id, src->entry);
            /* cross-references resolve in the term base or in a proposal */
            for (k = 0; k < concept->entry->n_xrefs; k++) {
                const struct tei_xref *x = &concept->entry->xrefs[k];
                if (!base_has(base, x->target) && !proposed_anywhere(p, x->target))
                    problem_at(&c, 0, ch->file, x->line, ch->id,
                               "cross-reference to unknown concept '#%s'", x->target);
            }
            if (strcmp(ch->kind, "new") == 0 && !(rc = round_duplicates(norm, &c, p, i)))
                rc = near_duplicates(base, keys, &c, ch, concept, src->entry, err);
        }
    }
    if (rc == GLOSSA_ENOMEM)
        glossa__error_set(err, rc, NULL, 0, 0, "out of memory");
    glossa__keys_free(keys);
    glossa__norm_free(norm);
    if (errors)
        *errors = c.errors;
    if (warnings)
        *warnings = c.warnings;
    return rc;
}

unsigned glossa__change_placeholders(const struct glossa_proposals *p, size_t i, int header,
                                    glossa_diag_fn on_diag, void *userdata)
{
    struct check_ctx c = { on_diag, userdata, 0, 0 };
    const struct change_source *src = &p->sources[i];
    if (header)
        placeholders(&c, src->file->path, NULL,
                     glossa__xml_find(xmlDocGetRootElement(src->file->doc), "teiHeader"));
    placeholders(&c, p->changes[i].file, p->changes[i].id, src->entry);
    return c.errors;
}

/* ---- for the other readers of a proposal's DOM (explanatory.c) ---------------------- */

char *glossa__xml_text_copy(struct glossa_arena *a, xmlNodePtr n)
{
    return text_copy(a, n);
}

char *glossa__xml_prop_copy(struct glossa_arena *a, xmlNodePtr n, const char *name,
                            const xmlChar *ns)
{
    return prop_copy(a, n, name, ns);
}

int glossa_id_is_valid(const char *id)
{
    return id && *id && xmlValidateNCName((const xmlChar *)id, 0) == 0;
}
