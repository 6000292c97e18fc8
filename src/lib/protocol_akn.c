/*
** protocol_akn.c — the draft protocol as an Akoma Ntoso 3.0 act (OASIS
** LegalDocML), one file per language expression: FRBR metadata (the Russian
** and Chinese expressions authoritative, the English one a translation of
** both), one textualMod per change record in meta/analysis/activeModifications
** (substitution, insertion, repeal; restating the annex is one substitution),
** and the body written from the very blocks of the md/html/docx/tei protocol
** (protocol.c, doc.c), each block carrying the template section it came from
** and the change record it states. Every id an act holds is built from the
** concept a change is about (art_1__point_information-weapon__mod_1), so the
** Russian, Chinese and English acts carry the same records, in the same
** order, under the same eIds and wIds. No date but the one protocol.c was
** given (p->day).
*/
#include "akn_int.h"
#include "protocol_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define ANNEX GLOSSA_AKN_ANNEX

struct akn {
    struct akn_out o;
    const struct protocol *p;
    const char *lang3;  /* ISO 639-2: rus, zho, eng */
};

#define put(w, s) glossa__akn_put(&(w)->o, s)
#define text(w, s) glossa__akn_text(&(w)->o, s)
#define textn(w, s, n) glossa__akn_textn(&(w)->o, s, n)
#define attrs(w, ...) glossa__akn_attrs(&(w)->o, __VA_ARGS__)

static void attr(struct akn *w, const char *name, const char *value)
{
    attrs(w, name, value, (const char *)NULL);
}

/* ' eId="AB" wId="AB"': the same in every language, so each is a wId too. */
static void ids(struct akn *w, const char *a, const char *b)
{
    attrs(w, "eId", a, b, (const char *)NULL);
    attrs(w, "wId", a, b, (const char *)NULL);
}

static const char *block_text(const struct doc_block *b)
{
    return b->n_runs ? b->runs[0].text : "";
}

/* The concept change record k (1, 2, …) is about; the annex for a restatement. */
static const char *change_id(const struct protocol *p, int k)
{
    const struct amendment *a = &p->am[k - 1];
    if (p->opts->whole)
        return "annex_1";
    return a->new ? a->new->id : a->old->id;
}

/* ' NAME="HASH MOD TAIL"' (no spaces), MOD the eId of the mod of record k:
** art_1__point_ID__mod_1, or art_1__mod_1 for a restatement of the annex
** (one mod, no point); ids() too when name is NULL. */
static void mod_attr(struct akn *w, const char *name, int k, const char *hash, const char *tail)
{
    const char *id = change_id(w->p, k);
    const char *a = w->p->opts->whole ? "art_1__mod_1" : "art_1__point_";
    const char *b = w->p->opts->whole ? "" : id, *c = w->p->opts->whole ? "" : "__mod_1";
    if (name) {
        attrs(w, name, hash, a, b, c, tail, (const char *)NULL);
        return;
    }
    attrs(w, "eId", a, b, c, tail, (const char *)NULL);
    attrs(w, "wId", a, b, c, tail, (const char *)NULL);
}

/* ---- meta ------------------------------------------------------------------------------ */

static void identification(struct akn *w)
{
    char work[64];
    struct akn_frbr f;
    snprintf(work, sizeof work, "/akn/int/act/%s/sco-iis-protocol-annex-1", w->p->day);
    f.work = work;
    f.component = "main";
    f.work_date = f.date = w->p->day;
    f.work_date_name = f.date_name = "draft";
    f.lang3 = w->lang3;
    f.subtype = "protocol";
    f.name = w->p->w.doc->title ? w->p->w.doc->title : "";
    glossa__akn_identification(&w->o, &f);
}

/* Where in the block of change k the words of its old text (the term
** as the annex in force files it) stand, for a rewording or a deletion. */
static const char *old_words(const struct protocol *p, int k, const char *s)
{
    const struct amendment *a = &p->am[k - 1];
    if (p->opts->whole || a->kind == AMEND_ADD || !a->term || !*a->term)
        return NULL;
    return strstr(s, a->term);
}

/* The block of change k holding its new wording (NULL when the language has
** none: an English point that says in brackets why). */
static const struct doc_block *new_block(const struct protocol *p, int k)
{
    size_t i;
    for (i = 0; i < p->w.doc->n; i++) {
        const struct doc_block *b = &p->w.doc->blocks[i];
        if (b->change == k && b->kind == DOC_QUOTE)
            return b->part && strcmp(b->part, "entry.unchanged") == 0 ? NULL : b;
    }
    return NULL;
}

static const struct doc_block *head_block(const struct protocol *p, int k)
{
    size_t i;
    for (i = 0; i < p->w.doc->n; i++)
        if (p->w.doc->blocks[i].change == k)
            return &p->w.doc->blocks[i];
    return NULL;
}

static void active_modifications(struct akn *w)
{
    const struct protocol *p = w->p;
    static const char *const type[] = { "insertion", "substitution", "repeal" };
    size_t n = p->opts->whole ? 1 : p->n_am, i;

    put(w, "    <analysis source=\"#glossa\">\n      <activeModifications>\n");
    for (i = 0; i < n; i++) {
        int k = (int)i + 1;
        const struct amendment *a = &p->am[i];
        const struct doc_block *head = head_block(p, k);
        put(w, "        <textualMod");
        attr(w, "type", p->opts->whole ? "substitution" : type[a->kind]);
        ids(w, "amod_", change_id(p, k));
        put(w, ">\n          <source");
        mod_attr(w, "href", k, "#", "");
        put(w, "/>\n          <destination");
        if (p->opts->whole)
            attr(w, "href", ANNEX);
        else if (a->kind == AMEND_ADD && strcmp(a->pos, "after") != 0)
            attr(w, "href", ANNEX "#list_1");
        else
            attrs(w, "href", ANNEX "#list_1__item_", a->kind == AMEND_ADD ? a->after_id
                                                                         : change_id(p, k),
                  (const char *)NULL);
        if (!p->opts->whole && a->kind == AMEND_ADD)
            attr(w, "pos", a->pos);
        put(w, "/>\n");
        if (head && old_words(p, k, block_text(head))) {
            put(w, "          <old");
            mod_attr(w, "href", k, "#", "__qtext_old");
            put(w, "/>\n");
        }
        if (p->opts->whole || (a->kind != AMEND_DELETE && new_block(p, k))) {
            put(w, "          <new");
            mod_attr(w, "href", k, "#", p->opts->whole ? "__qstr_new" : "__qtext_new");
            put(w, "/>\n");
        }
        put(w, "        </textualMod>\n");
    }
    put(w, "      </activeModifications>\n    </analysis>\n");
}

/* The notes under the text (who the Parties are; the drafters' notes): not
** part of the protocol, so they go to meta/notes, one note per part. */
static void notes(struct akn *w)
{
    const struct protocol *p = w->p;
    size_t i, n = 0;
    for (i = 0; i < p->w.doc->n; i++) {
        const struct doc_block *b = &p->w.doc->blocks[i];
        if (b->kind != DOC_NOTE && b->kind != DOC_HEADING)
            continue;
        /* a note per part; a heading starts one */
        if (b->kind == DOC_HEADING || i == 0 ||
            (p->w.doc->blocks[i - 1].kind != DOC_NOTE && p->w.doc->blocks[i - 1].kind != DOC_HEADING) ||
            !b->part || !p->w.doc->blocks[i - 1].part || strcmp(b->part, p->w.doc->blocks[i - 1].part)) {
            char id[32];
            if (n)
                put(w, "      </note>\n");
            if (!n)
                put(w, "    <notes source=\"#glossa\">\n");
            snprintf(id, sizeof id, "note_%zu", ++n);
            put(w, "      <note");
            attr(w, "eId", id);
            put(w, " class=\"drafting\">\n");
        }
        put(w, "        <p>");
        text(w, block_text(b));
        put(w, "</p>\n");
    }
    if (n)
        put(w, "      </note>\n    </notes>\n");
}

static void meta(struct akn *w)
{
    put(w, "  <meta>\n");
    identification(w);
    active_modifications(w);
    put(w, "    <references source=\"#glossa\">\n"
           "      <TLCOrganization eId=\"sco\" href=\"/ontology/organization/int/sco\" "
           "showAs=\"Shanghai Cooperation Organisation\"/>\n"
           "      <TLCOrganization eId=\"glossa\" href=\"/ontology/organization/int/glossa\" "
           "showAs=\"glossa\"/>\n"
           "      <TLCRole eId=\"signatory\" href=\"/ontology/role/int/signatory\" "
           "showAs=\"signatory\"/>\n    </references>\n");
    notes(w);
    put(w, "  </meta>\n");
}

/* ---- the text -------------------------------------------------------------------------- */

/* Trailing punctuation of the sentence a quotation ends (";" "." "；" "。"),
** which stays outside the quotedText. */
static size_t tail_stop(const char *s, size_t n)
{
    if (n >= 3 && (memcmp(s + n - 3, "\xef\xbc\x9b", 3) == 0 ||
                   memcmp(s + n - 3, "\xe3\x80\x82", 3) == 0))
        return 3;
    return n && (s[n - 1] == ';' || s[n - 1] == '.') ? 1 : 0;
}

/* A point: its number, its instruction (the old words quoted) and its new
** wording quoted, inside the mod the textualMod names. */
static void point(struct akn *w, int k, const struct doc_block *head,
                  const struct doc_block *quote)
{
    const struct protocol *p = w->p;
    const struct amendment *a = &p->am[k - 1];
    const char *s = block_text(head), *old;
    put(w, "      <point");
    ids(w, "art_1__point_", change_id(p, k));
    put(w, ">\n");
    if (a->num && strncmp(s, a->num, strlen(a->num)) == 0) {
        put(w, "        <num>");
        text(w, a->num);
        put(w, "</num>\n");
        s += strlen(a->num);
        s += strspn(s, " ");
    }
    put(w, "        <content>\n          <p><mod");
    mod_attr(w, NULL, k, NULL, "");
    put(w, ">");
    if ((old = old_words(p, k, s)) != NULL) {
        textn(w, s, (size_t)(old - s));
        put(w, "<quotedText");
        mod_attr(w, NULL, k, NULL, "__qtext_old");
        put(w, ">");
        text(w, a->term);
        put(w, "</quotedText>");
        s = old + strlen(a->term);
    }
    text(w, s);
    if (quote) {
        const char *q = block_text(quote);
        size_t n = strlen(q), stop = tail_stop(q, n);
        if (strcmp(p->opts->lang, "zh") != 0)
            put(w, " "); /* the instruction ends "…:" (Chinese "…：", no space) */
        if (quote->part && strcmp(quote->part, "entry.unchanged") == 0) {
            text(w, q); /* no new wording in this language: the point says why */
        } else {
            put(w, "<quotedText");
            mod_attr(w, NULL, k, NULL, "__qtext_new");
            put(w, ">");
            textn(w, q, n - stop);
            put(w, "</quotedText>");
            text(w, q + n - stop);
        }
    }
    put(w, "</mod></p>\n        </content>\n      </point>\n");
}

/* Article 1 restating the annex: one mod, the new annex a quotedStructure. */
static void whole(struct akn *w, size_t *i)
{
    const struct glossa_doc *d = w->p->w.doc;
    put(w, "      <content>\n        <p><mod eId=\"art_1__mod_1\" wId=\"art_1__mod_1\">");
    text(w, block_text(&d->blocks[*i]));
    put(w, " <quotedStructure eId=\"art_1__mod_1__qstr_new\" wId=\"art_1__mod_1__qstr_new\">\n");
    for (++*i; *i < d->n && d->blocks[*i].change == 1; ++*i) {
        put(w, "          <p>");
        text(w, block_text(&d->blocks[*i]));
        put(w, "</p>\n");
    }
    put(w, "        </quotedStructure></mod></p>\n      </content>\n");
}

/* An article: its number, then its paragraphs, or (article 1) its intro and
** a point per change record. Stops at the next article or the conclusions. */
static void article(struct akn *w, size_t *i, int n)
{
    const struct glossa_doc *d = w->p->w.doc;
    char id[16];
    int content = 0;

    snprintf(id, sizeof id, "art_%d", n);
    put(w, "    <article");
    ids(w, id, "");
    put(w, ">\n      <num>");
    text(w, block_text(&d->blocks[(*i)++]));
    put(w, "</num>\n");
    while (*i < d->n) {
        const struct doc_block *b = &d->blocks[*i];
        if (b->kind != DOC_PARA && b->kind != DOC_ITEM && b->kind != DOC_QUOTE)
            break;
        if (b->part && strcmp(b->part, "done") == 0)
            break;
        if (b->change && w->p->opts->whole) {
            whole(w, i);
            continue;
        }
        if (b->change) {
            const struct doc_block *q = *i + 1 < d->n && d->blocks[*i + 1].change == b->change &&
                                                d->blocks[*i + 1].kind == DOC_QUOTE
                                            ? &d->blocks[*i + 1] : NULL;
            point(w, b->change, b, q);
            *i += q ? 2 : 1;
            continue;
        }
        /* a paragraph: article 1's intro to its points, else the article's content */
        if (*i + 1 < d->n && d->blocks[*i + 1].change) {
            put(w, "      <intro>\n        <p>");
            text(w, block_text(b));
            put(w, "</p>\n      </intro>\n");
        } else {
            if (!content++)
                put(w, "      <content>\n");
            put(w, "        <p>");
            text(w, block_text(b));
            put(w, "</p>\n");
        }
        ++*i;
    }
    if (content)
        put(w, "      </content>\n");
    put(w, "    </article>\n");
}

static void preface(struct akn *w, size_t *i)
{
    const struct glossa_doc *d = w->p->w.doc;
    put(w, "  <preface>\n");
    for (; *i < d->n && d->blocks[*i].kind == DOC_DRAFT; ++*i) {
        const struct doc_block *b = &d->blocks[*i];
        put(w, "    <p");
        attr(w, "class", b->part ? b->part : "draft");
        put(w, ">");
        text(w, block_text(b));
        put(w, "</p>\n");
    }
    put(w, "    <longTitle>\n      <p>");
    if (*i < d->n && d->blocks[*i].kind == DOC_TITLE) {
        put(w, "<docType>");
        text(w, block_text(&d->blocks[(*i)++]));
        put(w, "</docType>");
    }
    if (*i < d->n && d->blocks[*i].kind == DOC_SUBTITLE) {
        put(w, " <docTitle>");
        text(w, block_text(&d->blocks[(*i)++]));
        put(w, "</docTitle>");
    }
    put(w, "</p>\n    </longTitle>\n  </preface>\n");
}

/* The preamble: its paragraphs, the last one ("have agreed as follows:") the
** enacting formula. */
static void preamble(struct akn *w, size_t *i)
{
    const struct glossa_doc *d = w->p->w.doc;
    put(w, "  <preamble>\n");
    for (; *i < d->n && d->blocks[*i].kind == DOC_PARA; ++*i) {
        int last = *i + 1 >= d->n || d->blocks[*i + 1].kind != DOC_PARA;
        put(w, last ? "    <formula name=\"enactingFormula\">\n      <p>" : "    <p>");
        text(w, block_text(&d->blocks[*i]));
        put(w, last ? "</p>\n    </formula>\n" : "</p>\n");
    }
    put(w, "  </preamble>\n");
}

/* The done-at clause and the signature block. */
static void conclusions(struct akn *w, size_t *i)
{
    const struct glossa_doc *d = w->p->w.doc;
    int signatures = 0;
    put(w, "  <conclusions>\n");
    for (; *i < d->n; ++*i) {
        const struct doc_block *b = &d->blocks[*i];
        if (b->kind == DOC_PARA) {
            put(w, "    <p>");
        } else if (b->kind == DOC_SIGNATURE) {
            if (!signatures++)
                put(w, "    <blockContainer class=\"signatures\">\n");
            put(w, "      <p><signature><role refersTo=\"#signatory\">");
            text(w, block_text(b));
            put(w, "</role></signature></p>\n");
            continue;
        } else {
            continue; /* notes (meta), page breaks */
        }
        text(w, block_text(b));
        put(w, "</p>\n");
    }
    if (signatures)
        put(w, "    </blockContainer>\n");
    put(w, "  </conclusions>\n");
}

int glossa__protocol_akn(const struct protocol *p, struct glossa_buf *out)
{
    struct akn w;
    size_t i = 0;
    int n = 0;

    memset(&w, 0, sizeof w);
    w.p = p;
    w.o.out = out;
    w.lang3 = glossa__akn_lang3(p->opts->lang);
    put(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
            "<act name=\"protocol\" contains=\"originalVersion\">\n");
    meta(&w);
    preface(&w, &i);
    preamble(&w, &i);
    put(&w, "  <body>\n");
    while (i < p->w.doc->n && p->w.doc->blocks[i].kind == DOC_ARTICLE)
        article(&w, &i, ++n);
    put(&w, "  </body>\n");
    conclusions(&w, &i);
    put(&w, "</act>\n</akomaNtoso>\n");
    return w.o.rc;
}
