/*
** correction.c — the correction path of the Vienna Convention (art. 79):
** from the concordance findings (concordance.c), the depositary's
** notification of the corrections proposed to the authentic texts of annex
** 1 (each concept by its term in the document's language, its text as it
** stands and as corrected, the time-limit for objections) and the text of
** the procès-verbal of rectification (the corrected text replaces the
** defective one ab initio; a correction is no amendment). The fixed wording
** is the template of export/correction (template.c); the document is
** written by doc.c (Markdown, HTML, DOCX, TEI).
**
** The corrected text is never glossa's: it is the text of the version the
** caller names (opts->corrected), else it is said to be still to be
** established. A change in that version to a concept that concorded is an
** amendment, which needs a protocol: the correction is then refused.
*/
#include "concordance_int.h"

#include <stdio.h>
#include <string.h>

static const char *const required[] = {
    "draft", "title", "subtitle", "intro", "item", "items", "concept", "join",
    "finding.missing-term.ru", "finding.missing-term.zh", "finding.missing-definition.ru",
    "finding.missing-definition.zh", "finding.numbering", "finding.one-language-change.ru",
    "finding.one-language-change.zh", "language.ru", "language.zh", "stands", "corrected",
    "text", "text.no-term", "text.no-definition", "to-establish", "unchanged", "objections",
    "date", "months", "pv.title", "pv.subtitle", "pv.text", "pv.done", "pv.signature",
    "terms.join", "terms.item", NULL
};

struct correction {
    const struct glossa_concordance *c;
    const glossa_correction_opts *opts;
    struct doc_writer w;             /* its template, document, scratch space, oom */
    struct concord_version fixed;    /* the corrected version (tb NULL: none given) */
    const char *date;                /* the time-limit, in words */
};

/* The writer's fill and block, for a correction k */
#define fill(k, ...) glossa__dw_fill(&(k)->w, __VA_ARGS__)
#define block(k, ...) glossa__dw_block(&(k)->w, __VA_ARGS__)

/* A section of paragraphs, each a block, with {date} and {terms} filled. */
static void paragraphs(struct correction *k, const char *key, const char *terms)
{
    glossa__dw_paragraphs(&k->w, DOC_PARA, fill(k, key, "date", k->date, "terms", terms, NULL),
                          0, NULL);
}

/* The concept's term in the document's language (its authentic text for
** Russian and Chinese), else the Russian term, the Chinese, its id. */
static const char *term_of(const struct correction *k, const struct v_concept *c)
{
    const char *lang = k->opts->lang;
    const char *t = strcmp(lang, "en") == 0 ? glossa__concept_term(c, lang)
                                            : glossa__authentic_term(c, lang);
    if (!t)
        t = glossa__authentic_term(c, "ru");
    if (!t)
        t = glossa__authentic_term(c, "zh");
    return t ? t : c->id;
}

/* "«term» — definition" of c in the authentic text lang, a gap said in brackets. */
static const char *text_of(struct correction *k, const struct v_concept *c, const char *lang)
{
    const char *t = glossa__authentic_term(c, lang), *d = glossa__authentic_def(c, lang);
    if (!d)
        d = fill(k, "text.no-definition", NULL);
    return fill(k, t ? "text" : "text.no-term", "term", t, "definition", d, NULL);
}

static const struct v_concept *current(const struct correction *k, const char *id)
{
    return glossa__version_find(&k->c->cur.v, id);
}

/* The corrected version's wording of concept, or NULL when it has none. */
static const struct v_concept *fixed_of(const struct correction *k, const char *id)
{
    const struct v_concept *f = k->fixed.tb ? glossa__version_find(&k->fixed.v, id) : NULL;
    return f && glossa__annex_holds(f) ? f : NULL;
}

static int changed(const struct v_concept *a, const struct v_concept *b)
{
    return !a || !b || !glossa__concept_same_text(a, b, "ru") ||
           !glossa__concept_same_text(a, b, "zh");
}

static int has_finding(const struct glossa_concordance *c, const char *id)
{
    size_t i;
    for (i = 0; i < c->n; i++)
        if (strcmp(c->findings[i].concept, id) == 0)
            return 1;
    return 0;
}

/* What a finding says, in the document's language. */
static const char *finding_text(struct correction *k, const glossa_concord_finding *f,
                                const struct v_concept *c)
{
    char key[64], ru[16], zh[16];
    if (f->kind == GLOSSA_CONCORD_NUMBERING) {
        snprintf(ru, sizeof ru, "%d", glossa__enumerated_parts(glossa__authentic_def(c, "ru")));
        snprintf(zh, sizeof zh, "%d", glossa__enumerated_parts(glossa__authentic_def(c, "zh")));
        return fill(k, "finding.numbering", "ru", ru, "zh", zh, NULL);
    }
    snprintf(key, sizeof key, "finding.%s.%s", glossa_concord_kind_name(f->kind),
             f->lang ? f->lang : "ru");
    return fill(k, key, NULL);
}

/* A concept's id added to list (", " between them). */
static int list_add(struct glossa_buf *list, size_t *n, const char *id)
{
    return glossa__buf_addf(list, "%s%s", (*n)++ ? ", " : "", id);
}

/* The corrected version may only correct: every concept it changes must
** have had a finding, stay in the annex and concord now; it adds none.
** Otherwise GLOSSA_ENOTFOUND naming them: an amendment needs a protocol. */
static int check_fixed(struct correction *k, glossa_error *err)
{
    struct glossa_concordance scratch;
    struct glossa_buf list[3] = { GLOSSA_BUF_INIT, GLOSSA_BUF_INIT, GLOSSA_BUF_INIT };
    struct glossa_buf still = GLOSSA_BUF_INIT, why = GLOSSA_BUF_INIT;
    size_t i, n[3] = { 0, 0, 0 }, n_still = 0; /* reworded, out of the annex, added */
    int rc = 0;

    memset(&scratch, 0, sizeof scratch);
    scratch.arena = k->w.doc->arena;
    for (i = 0; i < k->c->cur.v.n && !rc; i++) {
        const struct v_concept *x = &k->c->cur.v.c[i], *y;
        if (!glossa__annex_holds(x))
            continue;
        y = fixed_of(k, x->id);
        if (!y) {
            rc = list_add(&list[1], &n[1], x->id);
        } else if (!changed(x, y)) {
            continue;
        } else if (!has_finding(k->c, x->id)) {
            rc = list_add(&list[0], &n[0], x->id);
        } else {
            size_t before = scratch.n;
            rc = glossa__concord_check(&scratch, &k->fixed, y, NULL);
            if (!rc && scratch.n > before)
                rc = glossa__buf_addf(&still, "%s%s (%s)", n_still++ ? "; " : "", x->id,
                                      scratch.findings[before].message);
        }
    }
    for (i = 0; i < k->fixed.v.n && !rc; i++) {
        const struct v_concept *y = &k->fixed.v.c[i], *x = current(k, y->id);
        if (glossa__annex_holds(y) && (!x || !glossa__annex_holds(x)))
            rc = list_add(&list[2], &n[2], y->id);
    }
    if (!rc && n[0])
        rc = glossa__buf_addf(&why, "changes %s, which concorded", glossa__buf_str(&list[0]));
    if (!rc && n[1])
        rc = glossa__buf_addf(&why, "%stakes %s out of the annex", n[0] ? ", and " : "",
                              glossa__buf_str(&list[1]));
    if (!rc && n[2])
        rc = glossa__buf_addf(&why, "%sadds %s to the annex", n[0] || n[1] ? ", and " : "",
                              glossa__buf_str(&list[2]));
    if (rc)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    else if (why.len)
        rc = glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                               "the corrected version %s: %s needs a protocol, not a "
                               "correction (glossa protocol); no notification written",
                               glossa__buf_str(&why),
                               n[1] || n[2] ? "an amendment of the annex"
                                            : "a wording the Parties change on purpose");
    else if (n_still)
        rc = glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                               "the corrected version does not concord either: %s; no "
                               "notification written", glossa__buf_str(&still));
    for (i = 0; i < 3; i++)
        glossa__buf_release(&list[i]);
    glossa__buf_release(&still);
    glossa__buf_release(&why);
    glossa__free(scratch.findings);
    return rc;
}

/* The day of YYYY-MM-DD in the template's words. */
static const char *date_words(struct correction *k, const char *date)
{
    char day[8], year[5];
    int m = (date[5] - '0') * 10 + (date[6] - '0');
    const char *month = glossa__template_word(k->w.tpl, "months", (size_t)(m - 1), k->w.doc->arena,
                                              &k->w.oom);
    snprintf(day, sizeof day, "%d", (date[8] - '0') * 10 + (date[9] - '0'));
    memcpy(year, date, 4);
    year[4] = '\0';
    return fill(k, "date", "day", day, "month", month ? month : "", "year", year, NULL);
}

/* A concept's point: what is wrong, then each authentic text concerned as it
** stands and as corrected. f: its first finding, n of them. */
static void add_concept(struct correction *k, size_t label, const glossa_concord_finding *f,
                        size_t n)
{
    static const char *const langs[2] = { "ru", "zh" };
    const struct v_concept *x = current(k, f->concept), *y = fixed_of(k, f->concept);
    struct glossa_buf what = GLOSSA_BUF_INIT;
    const char *item;
    size_t i, l;
    int show[2] = { 0, 0 };

    for (i = 0; i < n; i++) {
        const char *t = finding_text(k, &f[i], x);
        if ((i && glossa__buf_adds(&what, glossa__template_get(k->w.tpl, "join"))) ||
            glossa__buf_adds(&what, t))
            k->w.oom = 1;
        for (l = 0; l < 2; l++)
            show[l] |= !f[i].lang || f[i].kind == GLOSSA_CONCORD_ONE_LANGUAGE ||
                       strcmp(f[i].lang, langs[l]) == 0;
    }
    item = glossa__template_word(k->w.tpl, "items", label, k->w.doc->arena, &k->w.oom);
    block(k, DOC_ITEM, fill(k, "item", "item", item ? item : "", "label",
                            fill(k, "concept", "term", term_of(k, x), "what",
                                 glossa__buf_str(&what), NULL), NULL));
    glossa__buf_release(&what);
    for (l = 0; l < 2 && !k->w.oom; l++) {
        const char *language;
        if (!show[l])
            continue;
        language = fill(k, l ? "language.zh" : "language.ru", NULL);
        block(k, DOC_PARA, fill(k, "stands", "language", language, NULL));
        block(k, DOC_QUOTE, text_of(k, x, langs[l]));
        block(k, DOC_PARA, fill(k, "corrected", "language", language, NULL));
        /* the corrected version's text where it corrects the concept (this
        ** text, or only the other one), else the text is to be established */
        block(k, DOC_QUOTE, !y || !changed(x, y) ? fill(k, "to-establish", NULL)
                            : glossa__concept_same_text(x, y, langs[l]) ? fill(k, "unchanged", NULL)
                                                                        : text_of(k, y, langs[l]));
    }
}

static int build(struct correction *k)
{
    const struct glossa_concordance *c = k->c;
    struct glossa_buf terms = GLOSSA_BUF_INIT;
    size_t i = 0, label = 0;

    block(k, DOC_DRAFT, fill(k, "draft", NULL));
    if (*glossa__template_get(k->w.tpl, "unofficial"))
        block(k, DOC_DRAFT, fill(k, "unofficial", NULL));
    block(k, DOC_TITLE, fill(k, "title", NULL));
    block(k, DOC_SUBTITLE, fill(k, "subtitle", NULL));
    k->w.doc->title = fill(k, "title", NULL);
    paragraphs(k, "intro", "");
    while (i < c->n && !k->w.oom) {
        size_t n = 1;
        while (i + n < c->n && strcmp(c->findings[i + n].concept, c->findings[i].concept) == 0)
            n++;
        add_concept(k, label, &c->findings[i], n);
        if ((label && glossa__buf_adds(&terms, glossa__template_get(k->w.tpl, "terms.join"))) ||
            glossa__buf_adds(&terms, fill(k, "terms.item", "term",
                                          term_of(k, current(k, c->findings[i].concept)), NULL)))
            k->w.oom = 1;
        label++;
        i += n;
    }
    paragraphs(k, "objections", "");
    block(k, DOC_PAGE_BREAK, NULL);
    block(k, DOC_HEADING, fill(k, "pv.title", NULL));
    block(k, DOC_SUBTITLE, fill(k, "pv.subtitle", NULL));
    paragraphs(k, "pv.text", glossa__buf_str(&terms));
    block(k, DOC_PARA, fill(k, "pv.done", NULL));
    block(k, DOC_SIGNATURE, fill(k, "pv.signature", NULL));
    glossa__buf_release(&terms);
    return k->w.oom ? GLOSSA_ENOMEM : 0;
}

int glossa_correction_render(const glossa_concordance *c, const glossa_correction_opts *opts,
                             char **out, size_t *out_len, glossa_error *err)
{
    struct correction k;
    const char *src;
    size_t len;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_CORRECTION_OPTS_VERSION, "glossa_correction_opts", err))
        return GLOSSA_EINPUT;
    if (!opts || !opts->objections_by)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "the time-limit for objections is required (YYYY-MM-DD): "
                                 "a correction is notified with one");
    if ((rc = glossa__date_check(opts->objections_by, err)))
        return rc;
    if (opts->lang && strcmp(opts->lang, "ru") == 0)
        src = glossa__correction_ru, len = glossa__correction_ru_len;
    else if (opts->lang && strcmp(opts->lang, "zh") == 0)
        src = glossa__correction_zh, len = glossa__correction_zh_len;
    else if (opts->lang && strcmp(opts->lang, "en") == 0)
        src = glossa__correction_en, len = glossa__correction_en_len;
    else
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "no correction in language '%s' (ru, zh or en)",
                                 opts->lang ? opts->lang : "");
    if (opts->format == GLOSSA_FORMAT_AKN)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "a correction is written as md, html, docx or tei, not akn");
    if (!c || c->n == 0)
        return glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                                 "the Russian and Chinese texts of annex 1 concord: nothing "
                                 "to correct, no notification written");
    memset(&k, 0, sizeof k);
    k.c = c;
    k.opts = opts;
    if ((rc = glossa__template_parse(&k.w.tpl, src, len, "built-in correction template", err)))
        return rc;
    if ((rc = glossa__template_require(k.w.tpl, required, err)))
        goto out;
    if (!(k.w.doc = glossa__doc_new(opts->lang))) {
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        goto out;
    }
    if (opts->n_corrected &&
        ((rc = glossa__concord_read(k.w.doc->arena, &k.fixed, opts->corrected, opts->n_corrected,
                                    opts->on_diag, opts->userdata, err)) ||
         (rc = check_fixed(&k, err))))
        goto out;
    k.date = date_words(&k, opts->objections_by);
    if ((rc = build(&k))) {
        rc = glossa__error_set(err, rc, NULL, 0, 0, "out of memory");
        goto out;
    }
    rc = glossa__doc_write(k.w.doc, opts->format, out, out_len, err);
out:
    glossa__concord_release(&k.fixed);
    glossa__doc_free(k.w.doc);
    glossa__buf_release(&k.w.tmp);
    glossa__template_free(k.w.tpl);
    return rc;
}
