/*
** protocol.c — the draft protocol amending annex 1, built from a diff of two
** term-base versions and the fixed wording of a language's template
** (template.c, the .tmpl files in export/protocol), as a document (doc.c) written in
** Markdown, HTML, DOCX or TEI, or as an Akoma Ntoso act (protocol_akn.c, from
** the same document and the change records). The comparative table is
** protocol_table.c.
**
** Two drafting habits (shared/reference/protocol-form.md): entry by entry
** (CSTO/CIS: "дополнить понятием…", "изложить в следующей редакции",
** "исключить"), or the whole annex restated in its new wording (what SCO
** protocols touching an annex did). Both follow the annex's own order
** (annex.c: each entry's annex number n; an entry without one after the
** numbered entry before it in the term base), the same in every language, so that the
** Russian, Chinese and English texts match point for point; an added concept
** says where it goes. The amended concepts are those whose Russian or Chinese
** (authentic) wording changed, or that leave the annex (withdrawn) or come
** back to it, whatever the protocol's language.
** Title and lead-in say what the protocol does (changes, additions or both;
** one change is not lettered).
*/
#include "protocol_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sections every template must have ([numbers] and [unofficial] may be absent). */
static const char *const required[] = {
    "title", "subtitle", "what.title.change", "what.title.changes", "what.title.addition",
    "what.title.additions", "what.title.both", "preamble", "article", "entries.intro",
    "what.intro.change", "what.intro.changes", "what.intro.addition", "what.intro.additions",
    "what.intro.both", "item", "entries.add", "where.after", "where.start", "where.end",
    "entries.replace", "entries.delete", "whole.intro", "entry", "entry.quoted", "whole.first",
    "whole.item", "whole.last", "entry.untranslated", "entry.unchanged", "items", "final",
    "depositary", "done", "signatures", "signatures.note", "draft", "table.title", "table.old",
    "table.new", "table.added", "table.deleted", "table.unverified", "table.note",
    "table.rationale", "drafting.notes", NULL
};

int glossa_doc_format_parse(const char *name, glossa_doc_format *out)
{
    static const char *const names[] = { "md", "html", "docx", "tei", "akn" };
    size_t i;
    for (i = 0; name && i < 5; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (glossa_doc_format)i;
            return 0;
        }
    }
    return GLOSSA_EINPUT;
}

/* the text pieces of protocol_text.c, by their short names */
#define fill glossa__protocol_fill
#define add_block glossa__protocol_block
#define add_section glossa__protocol_section
#define final_stop glossa__protocol_final_stop
#define entry_text glossa__protocol_entry
#define entry_term glossa__protocol_term

/* ---- the annex order --------------------------------------------------------------------- */

static int by_place(const void *a, const void *b)
{
    const struct amendment *x = a, *y = b;
    int c = glossa__annex_place_cmp(x->major, x->minor, y->major, y->minor);
    if (!c && x->kind != y->kind)
        c = x->kind < y->kind ? -1 : 1;
    return c ? c : strcmp(x->new ? x->new->id : x->old->id, y->new ? y->new->id : y->old->id);
}

static int not_withdrawn(const struct v_concept *c, void *ud)
{
    (void)ud;
    return strcmp(c->status, "withdrawn") != 0;
}

/* NEW's concepts in annex order, withdrawn ones left out (p->annex). */
static int order_annex(struct protocol *p)
{
    return glossa__annex_order(p->w.doc->arena, &p->diff->new, not_withdrawn, NULL, &p->annex,
                               &p->n_annex);
}

/* Does a field change touch the annex as written in its authentic languages
** (Russian, Chinese)? Only these make an amendment, so that every language's
** protocol amends the same concepts. A status matters when a concept leaves
** the annex or comes back to it (withdrawn); any other change of status
** (proposed, in force…) changes no word of the annex. */
static int relevant(const glossa_field_change *f)
{
    if (!f->lang)
        return strcmp(f->field, "status") == 0 &&
               ((f->old_value && !strcmp(f->old_value, "withdrawn")) ||
                (f->new_value && !strcmp(f->new_value, "withdrawn")));
    if (strcmp(f->field, "term") == 0 &&
        !((f->old_status && !strcmp(f->old_status, "preferred")) ||
          (f->new_status && !strcmp(f->new_status, "preferred"))))
        return 0; /* admitted and deprecated terms are not in the annex */
    return glossa__lang_matches(f->lang, "ru") || glossa__lang_matches(f->lang, "zh");
}

static int collect_amendments(struct protocol *p)
{
    const glossa_diff *d = p->diff;
    size_t i, j;

    p->am = glossa__arena_alloc(p->w.doc->arena, (d->n ? d->n : 1) * sizeof *p->am);
    if (!p->am)
        return GLOSSA_ENOMEM;
    for (i = 0; i < d->n; i++) {
        const glossa_concept_change *c = &d->public_changes[i];
        struct amendment *a = &p->am[p->n_am];
        int touch = 0;
        memset(a, 0, sizeof *a);
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
                touch |= relevant(&c->fields[j]);
            if (!touch || (strcmp(a->old->status, "withdrawn") == 0 &&
                           strcmp(a->new->status, "withdrawn") == 0))
                continue; /* nothing the annex says, or a concept not in it */
            a->kind = strcmp(a->new->status, "withdrawn") == 0   ? AMEND_DELETE
                      : strcmp(a->old->status, "withdrawn") == 0 ? AMEND_ADD
                                                                 : AMEND_REPLACE;
            break;
        }
        /* an entry in force is filed under its old term, as the annex in force has it */
        a->term = entry_term(p, a->kind == AMEND_ADD ? a->new : a->old);
        if (a->kind == AMEND_ADD)
            glossa__annex_place(&d->new, a->new, &a->major, &a->minor);
        else
            glossa__annex_place(&d->old, a->old, &a->major, &a->minor);
        p->n_am++;
    }
    if (p->n_am > 1)
        qsort(p->am, p->n_am, sizeof *p->am, by_place);
    return 0;
}

static const char *article(struct protocol *p, int n)
{
    char num[16];
    const char *label_n = glossa__template_get(p->w.tpl, "numbers")[0]
                              ? glossa__protocol_label(p, "numbers", (size_t)n - 1)
                              : (snprintf(num, sizeof num, "%d", n), num);
    return fill(p, "article", "n", label_n, NULL);
}

/* ---- the parts of the protocol --------------------------------------------------------- */

/* What the protocol does, the suffix of its what.title.* and what.intro.*
** sections: restating the annex is one change (as S3 of protocol-form.md). */
static const char *what_kind(const struct protocol *p)
{
    size_t i, adds = 0;
    for (i = 0; i < p->n_am; i++)
        adds += p->am[i].kind == AMEND_ADD;
    if (p->opts->whole)
        return "change";
    if (adds && adds < p->n_am)
        return "both";
    if (adds)
        return p->n_am == 1 ? "addition" : "additions";
    return p->n_am == 1 ? "change" : "changes";
}

static const char *what(struct protocol *p, const char *part)
{
    char key[48];
    snprintf(key, sizeof key, "what.%s.%s", part, what_kind(p));
    return fill(p, key, NULL);
}

/* The template section a block was written from, for the Akoma Ntoso writer. */
static void mark_last(struct protocol *p, const char *part)
{
    if (p->w.doc->n)
        p->w.doc->blocks[p->w.doc->n - 1].part = part;
}

/* The draft mark, and for a language that is not authentic the mark saying so. */
static void add_draft(struct protocol *p)
{
    add_block(p, DOC_DRAFT, fill(p, "draft", NULL));
    mark_last(p, "draft");
    if (*glossa__template_get(p->w.tpl, "unofficial")) {
        add_block(p, DOC_DRAFT, fill(p, "unofficial", NULL));
        mark_last(p, "unofficial");
    }
}

static void add_heading(struct protocol *p)
{
    const char *what_title = what(p, "title");
    const char *title = fill(p, "title", "what", what_title, NULL);
    const char *sub = fill(p, "subtitle", "what", what_title, NULL);
    add_draft(p);
    add_block(p, DOC_TITLE, title);
    if (*sub)
        add_block(p, DOC_SUBTITLE, sub);
    p->w.doc->title = *sub ? sub : title;
    add_section(p, DOC_PARA, "preamble", 0);
}

/* Where an added concept goes: after the concept before it in NEW's annex
** order, or at the end when no concept of the annex in force follows it
** (recorded in a for the Akoma Ntoso act). */
static const char *where(struct protocol *p, struct amendment *a)
{
    const struct v_concept *c = a->new;
    size_t k, j;
    for (k = 0; k < p->n_annex && p->annex[k] != c; k++)
        ;
    for (j = k + 1; j < p->n_annex; j++)
        if (glossa__version_find(&p->diff->old, p->annex[j]->id))
            break;
    if (j >= p->n_annex) {
        a->pos = "end";
        return fill(p, "where.end", NULL);
    }
    if (k == 0 || k >= p->n_annex) {
        a->pos = "start";
        return fill(p, "where.start", NULL);
    }
    a->pos = "after";
    a->after_id = p->annex[k - 1]->id;
    return fill(p, "where.after", "term", entry_term(p, p->annex[k - 1]), NULL);
}

/* A point of article 1: lettered unless it is the only one. */
static const char *point(struct protocol *p, const struct amendment *a, const char *text)
{
    return a->label ? fill(p, "item", "item", a->label, "label", text, NULL) : text;
}

static void add_entries(struct protocol *p)
{
    size_t i;
    add_block(p, DOC_PARA, fill(p, "entries.intro", "what", what(p, "intro"), NULL));
    for (i = 0; i < p->n_am && !p->w.oom; i++) {
        struct amendment *a = &p->am[i];
        int last = i + 1 == p->n_am, unchanged;
        const char *head, *text;
        p->change = (int)i + 1;
        if (a->kind == AMEND_DELETE) {
            text = point(p, a, fill(p, "entries.delete", "term", a->term, NULL));
            add_block(p, DOC_ITEM, last ? final_stop(p, text) : text);
            mark_last(p, "entries.delete");
            continue;
        }
        head = a->kind == AMEND_ADD ? fill(p, "entries.add", "where", where(p, a), NULL)
                                    : fill(p, "entries.replace", "term", a->term, NULL);
        add_block(p, DOC_ITEM, point(p, a, head));
        mark_last(p, a->kind == AMEND_ADD ? "entries.add" : "entries.replace");
        unchanged = glossa__protocol_unchanged(p, a);
        text = unchanged ? fill(p, "entry.unchanged", NULL) : entry_text(p, "entry.quoted", a->new);
        add_block(p, DOC_QUOTE, last ? final_stop(p, text) : text);
        mark_last(p, unchanged ? "entry.unchanged" : "entry.quoted");
    }
    p->change = 0;
}

/* The whole annex in its new wording, quoted: every concept of NEW in annex order. */
static void add_whole(struct protocol *p)
{
    size_t i, n = p->n_annex;
    p->change = 1; /* restating the annex is one change */
    add_block(p, DOC_PARA, fill(p, "whole.intro", NULL));
    mark_last(p, "whole.intro");
    for (i = 0; i < n && !p->w.oom; i++) {
        const char *key = n == 1 ? "entry.quoted" : i == 0 ? "whole.first"
                                                  : i + 1 == n ? "whole.last" : "whole.item";
        const char *t = entry_text(p, key, p->annex[i]);
        add_block(p, DOC_QUOTE, i + 1 == n ? final_stop(p, t) : t);
        mark_last(p, key);
    }
    p->change = 0;
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

/* The drafters' notes on a page of their own, their first line the title. */
static void add_notes(struct protocol *p)
{
    size_t first;
    if (!*glossa__template_get(p->w.tpl, "drafting.notes"))
        return;
    add_block(p, DOC_PAGE_BREAK, NULL);
    first = p->w.doc->n;
    add_section(p, DOC_NOTE, "drafting.notes", 1);
    if (p->w.doc->n > first)
        p->w.doc->blocks[first].kind = DOC_HEADING;
}

static int build(struct protocol *p)
{
    size_t i;
    for (i = 0; i < p->n_am && p->n_am > 1; i++) {
        char *num;
        size_t n;
        p->am[i].label = glossa__protocol_label(p, "items", i);
        num = (char *)fill(p, "item", "item", p->am[i].label, "label", "", NULL);
        for (n = strlen(num); n && num[n - 1] == ' '; n--)
            num[n - 1] = '\0';
        p->am[i].num = num;
    }
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
        add_draft(p);
        p->w.doc->title = fill(p, "table.title", NULL);
    }
    if (p->opts->table || p->opts->table_only) {
        if (!p->opts->table_only)
            add_block(p, DOC_PAGE_BREAK, NULL);
        glossa__protocol_table(p);
    }
    add_notes(p);
    return p->w.oom ? GLOSSA_ENOMEM : 0;
}

/* ---- Akoma Ntoso ------------------------------------------------------------------------ */

/* Can the protocol be an Akoma Ntoso act? It is the protocol's text alone
** (no table), dated by the caller or SOURCE_DATE_EPOCH (never the clock),
** and in an authentic language it states each change in Russian and Chinese
** alike: where the two texts would differ, no act is written and the
** concepts are named. */
static int akn_ready(struct protocol *p, glossa_error *err)
{
    const char *date = p->opts->version >= 3 ? p->opts->date : NULL;
    struct glossa_buf why = GLOSSA_BUF_INIT;
    size_t i, n = 0;
    int rc = 0;

    if (p->opts->table || p->opts->table_only)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "the comparative table is not part of the act: write it "
                                 "with --format md, html, docx or tei, not akn");
    if (date) {
        if ((rc = glossa__date_check(date, err)))
            return rc;
        memcpy(p->day, date, sizeof p->day);
    } else if (getenv("SOURCE_DATE_EPOCH")) {
        long long t;
        if ((rc = glossa_time_now(&t, err)))
            return rc;
        glossa__day_of(t, p->day);
    } else {
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "an Akoma Ntoso act is dated: give the draft's date "
                                 "(--date YYYY-MM-DD) or set SOURCE_DATE_EPOCH; glossa does "
                                 "not date a document by its clock");
    }
    if (strcmp(p->opts->lang, "en") == 0)
        return 0; /* a translation of both authentic texts: its points say what it lacks */
    for (i = 0; i < p->n_am; i++) {
        const struct amendment *a = &p->am[i];
        const char *lang, *r = glossa__concept_unparallel(a->kind == AMEND_ADD ? NULL : a->old,
                                                          a->kind == AMEND_DELETE ? NULL : a->new,
                                                          &lang);
        if (r && glossa__buf_addf(&why, "%s%s (%s)", n++ ? "; " : "",
                                  (p->am[i].new ? p->am[i].new : p->am[i].old)->id, r))
            rc = GLOSSA_ENOMEM;
    }
    if (!rc && n)
        rc = glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                               "the Russian and Chinese texts would not state the same changes, "
                               "so no authentic-language act is written: %s (see glossa "
                               "concordance)", glossa__buf_str(&why));
    else if (rc)
        rc = glossa__error_set(err, rc, NULL, 0, 0, "out of memory");
    glossa__buf_release(&why);
    return rc;
}

static int write_akn(const struct protocol *p, char **out, size_t *out_len, glossa_error *err)
{
    struct glossa_buf buf = GLOSSA_BUF_INIT;
    if (glossa__protocol_akn(p, &buf) || glossa__buf_add(&buf, "", 0)) {
        glossa__buf_release(&buf);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out_len = buf.len;
    *out = buf.data;
    return 0;
}

int glossa_protocol_render(const glossa_diff *d, const glossa_protocol_opts *opts,
                           char **out, size_t *out_len, glossa_error *err)
{
    static const glossa_protocol_opts defaults = GLOSSA_PROTOCOL_OPTS_INIT;
    struct protocol p;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_PROTOCOL_OPTS_VERSION, "glossa_protocol_opts", err))
        return GLOSSA_EINPUT;
    if (!opts)
        opts = &defaults;
    memset(&p, 0, sizeof p);
    p.diff = d;
    p.opts = opts;
    rc = glossa__template_load(&p.w.tpl, opts->lang, opts->template_path, err);
    if (rc || (rc = glossa__template_require(p.w.tpl, required, err))) {
        glossa__template_free(p.w.tpl);
        return rc;
    }
    p.w.doc = glossa__doc_new(opts->lang);
    if (!p.w.doc || (rc = collect_amendments(&p)) || (rc = order_annex(&p))) {
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    if (opts->format == GLOSSA_FORMAT_AKN && (rc = akn_ready(&p, err)))
        goto out;
    if (p.n_am == 0) {
        rc = glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                               "no change to annex 1 between OLD and NEW (no concept added, "
                               "deleted or reworded in Russian or Chinese): nothing to "
                               "amend, no protocol written");
        goto out;
    }
    if ((rc = build(&p))) {
        rc = glossa__error_set(err, rc, NULL, 0, 0, "out of memory");
        goto out;
    }
    rc = opts->format == GLOSSA_FORMAT_AKN ? write_akn(&p, out, out_len, err)
                                           : glossa__doc_write(p.w.doc, opts->format, out, out_len, err);
out:
    glossa__doc_free(p.w.doc);
    glossa__buf_release(&p.w.tmp);
    glossa__template_free(p.w.tpl);
    return rc;
}
