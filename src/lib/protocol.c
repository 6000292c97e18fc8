/*
** protocol.c — the draft protocol amending annex 1, built from a diff of two
** term-base versions and the fixed wording of a language's template
** (template.c, the .tmpl files in export/protocol), as a document (doc.c) written in
** Markdown, HTML, DOCX or TEI.
**
** Two drafting habits (shared/reference/protocol-form.md): entry by entry
** (CSTO/CIS: "дополнить понятием…", "изложить в следующей редакции",
** "исключить"), or the whole annex restated in its new wording (what SCO
** protocols touching an annex did). Amendments follow the annex's order:
** the terms sorted with ICU collation for the protocol's language. A
** comparative table (current / proposed wording) marks deleted and inserted
** words.
*/
#include "glossa_int.h"
#include "diff_int.h"
#include "proposal_int.h"

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum amend_kind { AMEND_ADD, AMEND_REPLACE, AMEND_DELETE };

struct amendment {
    enum amend_kind kind;
    const struct v_concept *old, *new;
    const char *term;        /* the term the annex files it under */
    char *sort_key;          /* ICU collation key of term */
};

struct protocol {
    const glossa_diff *diff;
    const glossa_protocol_opts *opts;
    struct glossa_template *tpl;
    struct glossa_doc *doc;
    UCollator *coll;
    struct amendment *am;
    size_t n_am;
    struct glossa_buf tmp;
    int oom;
};

int glossa_doc_format_parse(const char *name, glossa_doc_format *out)
{
    static const char *const names[] = { "md", "html", "docx", "tei" };
    size_t i;
    for (i = 0; name && i < 4; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (glossa_doc_format)i;
            return 0;
        }
    }
    return GLOSSA_EINPUT;
}

/* ---- ordering ---------------------------------------------------------------------- */

static char *collation_key(struct protocol *p, const char *text)
{
    UErrorCode status = U_ZERO_ERROR;
    UChar u16[1024];
    int32_t len16 = 0, klen;
    char *key;

    u_strFromUTF8(u16, 1024, &len16, text, -1, &status);
    if (U_FAILURE(status))
        len16 = 0;
    klen = ucol_getSortKey(p->coll, u16, len16, NULL, 0);
    key = glossa__arena_alloc(p->doc->arena, (size_t)klen + 1);
    if (!key)
        return NULL;
    ucol_getSortKey(p->coll, u16, len16, (uint8_t *)key, klen + 1);
    return key;
}

static int by_sort_key(const void *a, const void *b)
{
    const struct amendment *x = a, *y = b;
    return strcmp(x->sort_key, y->sort_key);
}

/* The protocol language's term of a concept, falling back to Russian. */
static const char *entry_term(const struct protocol *p, const struct v_concept *c)
{
    const char *t = glossa__concept_term(c, p->opts->lang);
    return t ? t : glossa__concept_term(c, "ru");
}

/* Does a field change touch the annex as written in the authentic languages
** or in the protocol's language? */
static int relevant(const struct protocol *p, const glossa_field_change *f)
{
    if (!f->lang)
        return strcmp(f->field, "status") == 0;
    if (strcmp(f->field, "term") == 0 &&
        !((f->old_status && !strcmp(f->old_status, "preferred")) ||
          (f->new_status && !strcmp(f->new_status, "preferred"))))
        return 0; /* admitted and deprecated terms are not in the annex */
    return glossa__lang_matches(f->lang, "ru") || glossa__lang_matches(f->lang, "zh") ||
           glossa__lang_matches(f->lang, p->opts->lang);
}

static int collect_amendments(struct protocol *p)
{
    const glossa_diff *d = p->diff;
    size_t i, j;

    p->am = glossa__arena_alloc(p->doc->arena, (d->n ? d->n : 1) * sizeof *p->am);
    if (!p->am)
        return GLOSSA_ENOMEM;
    for (i = 0; i < d->n; i++) {
        const glossa_concept_change *c = &d->public_changes[i];
        struct amendment *a = &p->am[p->n_am];
        int touch = 0;
        a->old = d->changes[i].old;
        a->new = d->changes[i].new;
        switch (c->kind) {
        case GLOSSA_CHANGE_ADDED:
            if (strcmp(a->new->status, "withdrawn") == 0)
                continue;
            a->kind = AMEND_ADD;
            break;
        case GLOSSA_CHANGE_REMOVED:
            a->kind = AMEND_DELETE;
            break;
        case GLOSSA_CHANGE_RENAMED:
            continue; /* an id is not part of the annex's text */
        case GLOSSA_CHANGE_MODIFIED:
            for (j = 0; j < c->n_fields; j++)
                touch |= relevant(p, &c->fields[j]);
            if (!touch)
                continue;
            a->kind = strcmp(a->new->status, "withdrawn") == 0 ? AMEND_DELETE : AMEND_REPLACE;
            break;
        }
        a->term = entry_term(p, a->kind == AMEND_DELETE || !a->new ? a->old : a->new);
        if (!a->term)
            a->term = a->new ? a->new->id : a->old->id;
        /* a replaced entry is filed under its old term, as the annex in force has it */
        if (a->kind == AMEND_REPLACE && entry_term(p, a->old))
            a->term = entry_term(p, a->old);
        a->sort_key = collation_key(p, a->term);
        if (!a->sort_key)
            return GLOSSA_ENOMEM;
        p->n_am++;
    }
    if (p->n_am > 1)
        qsort(p->am, p->n_am, sizeof *p->am, by_sort_key);
    return 0;
}

/* ---- text pieces ------------------------------------------------------------------------ */

/* A template section filled in, as a string in the document's arena. */
static const char *fill(struct protocol *p, const char *key, ...)
{
    va_list ap;
    const char *text;
    va_start(ap, key);
    text = glossa__template_fillv(p->tpl, key, &p->tmp, p->doc->arena, ap);
    va_end(ap);
    if (!text) {
        p->oom = 1;
        return "";
    }
    return text;
}

/* The k-th label of a space-separated list section ("а б в …"), else k+1. */
static const char *label(struct protocol *p, const char *key, size_t k)
{
    const char *list = glossa__template_get(p->tpl, key);
    char buf[32];
    size_t i = 0;
    while (*list) {
        size_t n = strcspn(list, " \n");
        if (n && i++ == k) {
            char *copy = glossa__arena_alloc(p->doc->arena, n + 1);
            if (!copy) {
                p->oom = 1;
                return "";
            }
            memcpy(copy, list, n);
            copy[n] = '\0';
            return copy;
        }
        list += n;
        list += strspn(list, " \n");
    }
    snprintf(buf, sizeof buf, "%zu", k + 1);
    return glossa__arena_strdup(p->doc->arena, buf);
}

/* Blocks for a multi-paragraph section: one block per paragraph (blank
** lines), or per line for signature-like lists. */
static void add_section(struct protocol *p, enum doc_kind kind, const char *key, int per_line)
{
    const char *s = glossa__template_get(p->tpl, key);
    while (*s && !p->oom) {
        const char *end = per_line ? strchr(s, '\n') : strstr(s, "\n\n");
        size_t n = end ? (size_t)(end - s) : strlen(s);
        struct doc_block *b = glossa__doc_add(p->doc, kind, NULL);
        if (!b || (n && glossa__doc_run(p->doc, b, 0, RUN_PLAIN, s, n)))
            p->oom = 1;
        s += n;
        s += strspn(s, "\n");
    }
}

static void add_block(struct protocol *p, enum doc_kind kind, const char *text)
{
    if (!glossa__doc_add(p->doc, kind, text))
        p->oom = 1;
}

/* Write the full stop of the language at p (room for 4 bytes). */
static void put_full_stop(char *p, int zh)
{
    if (zh)
        memcpy(p, "\xe3\x80\x82", 4); /* 。 */
    else
        memcpy(p, ".", 2);
}

/* The last item of a list ends with a full stop, not a semicolon
** ("…;" → "….", "…；" → "…。"). */
static const char *final_stop(struct protocol *p, const char *text)
{
    size_t n = strlen(text);
    char *copy;
    int zh = strcmp(p->opts->lang, "zh") == 0;
    if (n >= 3 && memcmp(text + n - 3, "\xef\xbc\x9b", 3) == 0) { /* ； */
        copy = glossa__arena_alloc(p->doc->arena, n + 1);
        if (!copy) {
            p->oom = 1;
            return text;
        }
        memcpy(copy, text, n - 3);
        put_full_stop(copy + n - 3, 1);
        return copy;
    }
    if (n && text[n - 1] == ';') {
        copy = glossa__arena_alloc(p->doc->arena, n + 4);
        if (!copy) {
            p->oom = 1;
            return text;
        }
        memcpy(copy, text, n - 1);
        put_full_stop(copy + n - 1, zh);
        return copy;
    }
    return text;
}

static const char *definition_or_missing(struct protocol *p, const struct v_concept *c)
{
    const char *def = glossa__concept_def(c, p->opts->lang);
    return def ? def : fill(p, "entry.missing", NULL);
}

static const char *entry_text(struct protocol *p, const char *key, const struct v_concept *c)
{
    return fill(p, key, "term", entry_term(p, c), "definition", definition_or_missing(p, c), NULL);
}

static const char *article(struct protocol *p, int n)
{
    char num[16];
    const char *label_n = glossa__template_get(p->tpl, "numbers")[0]
                              ? label(p, "numbers", (size_t)n - 1)
                              : (snprintf(num, sizeof num, "%d", n), num);
    return fill(p, "article", "n", label_n, NULL);
}

/* ---- the parts of the protocol --------------------------------------------------------- */

static void add_heading(struct protocol *p)
{
    int adds = 0, changes = 0;
    size_t i;
    const char *sub;
    for (i = 0; i < p->n_am; i++) {
        if (p->am[i].kind == AMEND_ADD)
            adds = 1;
        else
            changes = 1;
    }
    sub = p->opts->whole ? "subtitle.changes"
          : adds && changes ? "subtitle.both"
          : adds ? "subtitle.additions"
                 : "subtitle.changes";
    add_block(p, DOC_DRAFT, fill(p, "draft", NULL));
    add_block(p, DOC_TITLE, fill(p, "title", NULL));
    if (*glossa__template_get(p->tpl, sub))
        add_block(p, DOC_SUBTITLE, fill(p, sub, NULL));
    p->doc->title = glossa__arena_strdup(p->doc->arena, *glossa__template_get(p->tpl, sub)
                                                            ? fill(p, sub, NULL)
                                                            : fill(p, "title", NULL));
    add_section(p, DOC_PARA, "preamble", 0);
}

static void add_entries(struct protocol *p)
{
    size_t i;
    add_block(p, DOC_PARA, fill(p, "entries.intro", NULL));
    for (i = 0; i < p->n_am && !p->oom; i++) {
        const struct amendment *a = &p->am[i];
        const char *item = label(p, "items", i);
        int last = i + 1 == p->n_am;
        switch (a->kind) {
        case AMEND_ADD:
            add_block(p, DOC_ITEM, fill(p, "entries.add", "item", item, NULL));
            add_block(p, DOC_QUOTE, last ? final_stop(p, entry_text(p, "entry.quoted", a->new))
                                         : entry_text(p, "entry.quoted", a->new));
            break;
        case AMEND_REPLACE:
            add_block(p, DOC_ITEM, fill(p, "entries.replace", "item", item, "term", a->term, NULL));
            add_block(p, DOC_QUOTE, last ? final_stop(p, entry_text(p, "entry.quoted", a->new))
                                         : entry_text(p, "entry.quoted", a->new));
            break;
        case AMEND_DELETE: {
            const char *t = fill(p, "entries.delete", "item", item, "term", a->term, NULL);
            add_block(p, DOC_ITEM, last ? final_stop(p, t) : t);
            break;
        }
        }
    }
}

static int by_key(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The whole annex in its new wording: every concept of NEW, in collation order. */
static void add_whole(struct protocol *p)
{
    const struct version *v = &p->diff->new;
    char **keys = glossa__arena_alloc(p->doc->arena, (v->n ? v->n : 1) * sizeof *keys);
    size_t i, n = 0;

    add_block(p, DOC_PARA, fill(p, "whole.intro", NULL));
    if (!keys) {
        p->oom = 1;
        return;
    }
    /* sort key, a NUL, then the concept's index: sorted by key, then term-base order */
    for (i = 0; i < v->n && !p->oom; i++) {
        const char *term;
        char *k, *entry;
        size_t kl;
        if (strcmp(v->c[i].status, "withdrawn") == 0)
            continue;
        term = entry_term(p, &v->c[i]);
        k = collation_key(p, term ? term : v->c[i].id);
        if (!k) {
            p->oom = 1;
            break;
        }
        kl = strlen(k);
        entry = glossa__arena_alloc(p->doc->arena, kl + 24);
        if (!entry) {
            p->oom = 1;
            break;
        }
        memcpy(entry, k, kl);
        snprintf(entry + kl, 24, "\x01%08zu", i);
        keys[n++] = entry;
    }
    if (n > 1)
        qsort(keys, n, sizeof *keys, by_key);
    for (i = 0; i < n && !p->oom; i++) {
        size_t idx = (size_t)strtoul(strrchr(keys[i], '\x01') + 1, NULL, 10);
        const char *t = entry_text(p, "entry", &v->c[idx]);
        add_block(p, DOC_QUOTE, i + 1 == n ? final_stop(p, t) : t);
    }
}

static void add_final(struct protocol *p)
{
    add_block(p, DOC_ARTICLE, article(p, 2));
    add_section(p, DOC_PARA, "final", 0);
    add_block(p, DOC_ARTICLE, article(p, 3));
    add_section(p, DOC_PARA, "depositary", 0);
    add_section(p, DOC_PARA, "done", 0);
    add_section(p, DOC_SIGNATURE, "signatures", 1);
}

/* A remark after the text of a cell: a space between, but not in Chinese
** (the remark opens with a full-width parenthesis). */
static void add_remark(struct protocol *p, struct doc_block *b, int cell, const char *remark)
{
    const char *space = strcmp(p->opts->lang, "zh") == 0 ? "" : " ";
    if (glossa__doc_run(p->doc, b, cell, RUN_PLAIN, space, strlen(space)) ||
        glossa__doc_run(p->doc, b, cell, RUN_PLAIN, remark, strlen(remark)))
        p->oom = 1;
}

/* The current wording of a concept not verified (reliability 1) says so,
** so that it is not read as treaty text. */
static void mark_unverified(struct protocol *p, struct doc_block *b, const struct v_concept *old)
{
    const char *mark = old && old->reliability == 1 ? fill(p, "table.unverified", NULL) : "";
    if (*mark)
        add_remark(p, b, 0, mark);
}

/* The proposals the changes come from (opts version 2), or NULL. */
static const struct glossa_proposals *proposals_of(const struct protocol *p)
{
    return p->opts->version >= 2 ? p->opts->proposals : NULL;
}

static void cell_text(struct protocol *p, struct doc_block *b, int cell, const char *text)
{
    if (glossa__doc_run(p->doc, b, cell, RUN_PLAIN, text, strlen(text)))
        p->oom = 1;
}

/* Who proposed the change (state and proposal; every proposal of the
** concept with the same Russian wording, else every one of it) and why. */
static void add_proposal_cells(struct protocol *p, struct doc_block *b, const struct amendment *a)
{
    const struct glossa_proposals *ps = proposals_of(p);
    const struct v_concept *c = a->new ? a->new : a->old;
    const char *wording = glossa__concept_def(c, "ru"), *rationale = NULL, *in = NULL;
    size_t i, found = 0;
    int pass;

    for (pass = 0; pass < 2 && !found; pass++) {
        for (i = 0; i < ps->n && !p->oom; i++) {
            const glossa_proposal_change *ch = &ps->changes[i];
            const char *d = glossa__concept_def(ps->sources[i].concept, "ru");
            char who[160];
            if (!ch->id || strcmp(ch->id, c->id) != 0 ||
                (pass == 0 && (!wording || !d || strcmp(wording, d) != 0)))
                continue;
            snprintf(who, sizeof who, "%s%s (%s)", found ? "; " : "", ch->state, ch->proposal);
            cell_text(p, b, 2, who);
            if (!found++)
                rationale = glossa__proposal_rationale(p->doc->arena, ps->sources[i].entry,
                                                       p->opts->lang, &in);
        }
    }
    if (!found)
        cell_text(p, b, 2, "—");
    cell_text(p, b, 3, rationale ? rationale : "—");
    if (rationale && in)
        add_remark(p, b, 3, fill(p, "table.untranslated", "lang",
                                 glossa__language_name(p->doc->arena, in, p->opts->lang), NULL));
}

/* Old and new wording of an entry, side by side, changed words marked. */
static void add_table_row(struct protocol *p, const struct amendment *a)
{
    struct doc_block *b = glossa__doc_add(p->doc, DOC_TABLE_ROW, NULL);
    const char *old_text = a->kind == AMEND_ADD ? NULL : entry_text(p, "entry", a->old);
    const char *new_text = a->kind == AMEND_DELETE ? NULL : entry_text(p, "entry", a->new);
    struct redline r;
    size_t i;

    if (!b) {
        p->oom = 1;
        return;
    }
    if (proposals_of(p))
        add_proposal_cells(p, b, a);
    if (!old_text || !new_text) {
        const char *none = fill(p, old_text ? "table.deleted" : "table.added", NULL);
        p->oom |= glossa__doc_run(p->doc, b, 0, old_text ? RUN_DEL : RUN_PLAIN,
                                  old_text ? old_text : none, strlen(old_text ? old_text : none)) != 0;
        p->oom |= glossa__doc_run(p->doc, b, 1, new_text ? RUN_INS : RUN_PLAIN,
                                  new_text ? new_text : none, strlen(new_text ? new_text : none)) != 0;
        if (old_text)
            mark_unverified(p, b, a->old);
        return;
    }
    if (glossa__redline(p->diff->norm, p->doc->arena, old_text, new_text, &r)) {
        p->oom = 1;
        return;
    }
    for (i = 0; i < r.n && !p->oom; i++) {
        const struct piece *pc = &r.items[i];
        if (pc->op != GLOSSA_EDIT_INS)
            p->oom |= glossa__doc_run(p->doc, b, 0, pc->op == GLOSSA_EDIT_DEL ? RUN_DEL : RUN_PLAIN,
                                      pc->s, pc->len) != 0;
        if (pc->op != GLOSSA_EDIT_DEL)
            p->oom |= glossa__doc_run(p->doc, b, 1, pc->op == GLOSSA_EDIT_INS ? RUN_INS : RUN_PLAIN,
                                      pc->s, pc->len) != 0;
    }
    mark_unverified(p, b, a->old);
}

static void add_table(struct protocol *p)
{
    struct doc_block *head;
    const char *right;
    size_t i;
    add_block(p, DOC_TABLE_TITLE, fill(p, "table.title", NULL));
    head = glossa__doc_add(p->doc, DOC_TABLE_HEAD, fill(p, "table.old", NULL));
    right = fill(p, "table.new", NULL);
    if (!head || glossa__doc_run(p->doc, head, 1, RUN_PLAIN, right, strlen(right))) {
        p->oom = 1;
        return;
    }
    if (proposals_of(p)) {
        cell_text(p, head, 2, fill(p, "table.by", NULL));
        cell_text(p, head, 3, fill(p, "table.rationale", NULL));
    }
    for (i = 0; i < p->n_am && !p->oom; i++)
        add_table_row(p, &p->am[i]);
}

/* The drafters' notes on a page of their own, their first line the title. */
static void add_notes(struct protocol *p)
{
    size_t first;
    if (!*glossa__template_get(p->tpl, "drafting.notes"))
        return;
    add_block(p, DOC_PAGE_BREAK, NULL);
    first = p->doc->n;
    add_section(p, DOC_NOTE, "drafting.notes", 1);
    if (p->doc->n > first)
        p->doc->blocks[first].kind = DOC_HEADING;
}

static int build(struct protocol *p)
{
    if (!p->opts->table_only) {
        add_heading(p);
        add_block(p, DOC_ARTICLE, article(p, 1));
        if (p->opts->whole)
            add_whole(p);
        else
            add_entries(p);
        add_final(p);
        add_section(p, DOC_NOTE, "signatures.note", 0);
    } else {
        add_block(p, DOC_DRAFT, fill(p, "draft", NULL));
        p->doc->title = fill(p, "table.title", NULL);
    }
    if (p->opts->table || p->opts->table_only) {
        if (!p->opts->table_only)
            add_block(p, DOC_PAGE_BREAK, NULL);
        add_table(p);
    }
    add_notes(p);
    return p->oom ? GLOSSA_ENOMEM : 0;
}

int glossa_protocol_render(const glossa_diff *d, const glossa_protocol_opts *opts,
                           char **out, size_t *out_len, glossa_error *err)
{
    static const glossa_protocol_opts defaults = GLOSSA_PROTOCOL_OPTS_INIT;
    struct protocol p;
    UErrorCode status = U_ZERO_ERROR;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_PROTOCOL_OPTS_VERSION, "glossa_protocol_opts", err))
        return GLOSSA_EINPUT;
    if (!opts)
        opts = &defaults;
    memset(&p, 0, sizeof p);
    p.diff = d;
    p.opts = opts;
    rc = glossa__template_load(&p.tpl, opts->lang, opts->template_path, err);
    if (rc)
        return rc;
    p.doc = glossa__doc_new(opts->lang);
    p.coll = ucol_open(opts->lang, &status);
    if (!p.doc || U_FAILURE(status)) {
        rc = glossa__error_set(err, p.doc ? GLOSSA_ERROR : GLOSSA_ENOMEM, NULL, 0, 0,
                               p.doc ? "cannot open ICU collation for '%s'" : "out of memory",
                               opts->lang);
        goto out;
    }
    if ((rc = collect_amendments(&p)) || (rc = build(&p))) {
        rc = glossa__error_set(err, rc, NULL, 0, 0, "out of memory");
        goto out;
    }
    rc = glossa__doc_write(p.doc, opts->format, out, out_len, err);
out:
    if (p.coll)
        ucol_close(p.coll);
    glossa__doc_free(p.doc);
    glossa__buf_release(&p.tmp);
    glossa__template_free(p.tpl);
    return rc;
}
