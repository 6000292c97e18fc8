/*
** export_akn.c — annex 1 as a legal document: an Akoma Ntoso 3.0 doc of one
** language expression, the annex as it stood on a day (--as-of) or in its
** newest wording, each concept an item of one list (list_1__item_ID, the
** entry the protocol's modifications name) in annex order (annex.c), worded
** by the [entry] section of the language's protocol template. Where the term
** base holds history (wordings dated from/to, written by `consolidate
** --in-force`), each dated change of a concept's Russian or Chinese wording
** is a passive modification (substitution when an earlier wording ended that
** day, insertion when the concept came in then) citing the source of the new
** wording as the amending instrument, with its day in lifecycle and
** temporalData and a note on the item; the expression is dated by its newest
** change, else by the Agreement. Reconstructed wording (reliability 1) is
** marked by a note; English is a translation of the two authentic texts.
** Dates come from the inputs and the options only.
*/
#include "akn_int.h"
#include "diff_int.h"
#include "exchange_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N (const char *)NULL
#define put(w, s) glossa__akn_put(&(w)->o, s)
#define text(w, s) glossa__akn_text(&(w)->o, s)
#define textn(w, s, n) glossa__akn_textn(&(w)->o, s, n)
#define attrs(w, ...) glossa__akn_attrs(&(w)->o, __VA_ARGS__)

#define AGREEMENT_DAY "2009-06-16"
#define NEWEST "9999-12-31" /* no --as-of: every wording not ended */

/* A dated change of one concept. */
struct history {
    const struct v_concept *c;
    const char *day;         /* in force from */
    const char *instrument;  /* the bibl id the new wording cites, or NULL */
    int term, def;           /* what changed */
    int insertion;           /* the concept came in that day (else substitution) */
};

struct annex {
    struct akn_out o;
    const struct glossa_tb *tb;
    struct glossa_template *tpl;
    struct glossa_arena *arena;
    const char *lang, *day;
    const struct v_concept **list;
    size_t n;
    struct history *ch;
    size_t n_ch, cap_ch;
    const char *version;     /* the expression's date */
    struct glossa_buf tmp;
};

int glossa__akn_export_check(const glossa_export_opts *opts, glossa_error *err)
{
    const char *lang = opts->version >= 2 ? opts->lang : NULL;
    const char *as_of = opts->version >= 2 ? opts->as_of : NULL;
    if (opts->format != GLOSSA_EXPORT_AKN) {
        if (lang || as_of)
            return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                     "--lang and --as-of are for --format akn (annex 1 as a "
                                     "legal document); the other formats take --to");
        return 0;
    }
    if (lang && strcmp(lang, "ru") && strcmp(lang, "zh") && strcmp(lang, "en"))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "--lang: annex 1 is written in ru, zh or en, not '%s'", lang);
    if (opts->to)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "--format akn writes one language: --lang LANG, not --to");
    return as_of ? glossa__date_check(as_of, err) : 0;
}

/* ---- the annex on a day ------------------------------------------------------------------ */

static int lang_is(const char *tag, const char *lang, int exact)
{
    return tag && (exact ? strcmp(tag, lang) == 0 : glossa__lang_matches(tag, lang));
}

/* The preferred term of e in lang in force on day (the exact tag first). */
static const struct tei_term *term_on(const struct tei_entry *e, const char *lang,
                                      const char *day)
{
    int exact;
    size_t i;
    for (exact = 1; exact >= 0; exact--)
        for (i = 0; i < e->n_terms; i++) {
            const struct tei_term *t = &e->terms[i];
            if (lang_is(t->lang, lang, exact) && t->status && !strcmp(t->status, "preferred") &&
                glossa__in_force(t->from, t->to, day))
                return t;
        }
    return NULL;
}

static const struct tei_def *def_on(const struct tei_entry *e, const char *lang, const char *day)
{
    int exact;
    size_t i;
    for (exact = 1; exact >= 0; exact--)
        for (i = 0; i < e->n_defs; i++) {
            const struct tei_def *d = &e->defs[i];
            if (lang_is(d->lang, lang, exact) && glossa__in_force(d->from, d->to, day))
                return d;
        }
    return NULL;
}

/* In the annex that day: in force or agreed, with a Russian term in force. */
static int in_annex(const struct v_concept *c, void *ud)
{
    const char *day = ud;
    return glossa__annex_holds(c) && term_on(c->entry, "ru", day);
}

static int authentic(const char *lang)
{
    return lang_is(lang, "ru", 0) || lang_is(lang, "zh", 0);
}

/* Did a wording of e (any language) end on day? */
static int ended_on(const struct tei_entry *e, const char *day)
{
    size_t i;
    for (i = 0; i < e->n_terms; i++)
        if (e->terms[i].to && !strcmp(e->terms[i].to, day))
            return 1;
    for (i = 0; i < e->n_defs; i++)
        if (e->defs[i].to && !strcmp(e->defs[i].to, day))
            return 1;
    return 0;
}

static int by_day(const void *a, const void *b)
{
    const struct history *x = a, *y = b;
    return strcmp(x->day, y->day);
}

/* The changes of c up to the annex's day: each distinct day a Russian or
** Chinese wording of it came into force. */
static int collect(struct annex *x, const struct v_concept *c)
{
    const struct tei_entry *e = c->entry;
    size_t i, first = x->n_ch;
    for (i = 0; i < e->n_terms + e->n_defs; i++) {
        int is_term = i < e->n_terms;
        const struct tei_term *t = is_term ? &e->terms[i] : NULL;
        const struct tei_def *d = is_term ? NULL : &e->defs[i - e->n_terms];
        const char *from = is_term ? t->from : d->from, *lang = is_term ? t->lang : d->lang;
        size_t k;
        if (!from || strcmp(from, x->day) > 0 || !authentic(lang) ||
            (is_term && (!t->status || strcmp(t->status, "preferred"))))
            continue;
        for (k = first; k < x->n_ch && strcmp(x->ch[k].day, from); k++)
            ;
        if (k == x->n_ch) {
            if (k == x->cap_ch) { /* doubled in the arena */
                size_t cap = k ? 2 * k : 16;
                struct history *grown = glossa__arena_alloc(x->arena, cap * sizeof *grown);
                if (!grown)
                    return GLOSSA_ENOMEM;
                if (k)
                    memcpy(grown, x->ch, k * sizeof *grown);
                x->ch = grown;
                x->cap_ch = cap;
            }
            memset(&x->ch[k], 0, sizeof x->ch[k]);
            x->ch[k].c = c;
            x->ch[k].day = from;
            x->ch[k].insertion = !ended_on(e, from);
            x->n_ch++;
        }
        if (is_term)
            x->ch[k].term = 1;
        else {
            x->ch[k].def = 1;
            if (d->source && !x->ch[k].instrument)
                x->ch[k].instrument = d->source;
        }
        if (!x->ch[k].instrument && is_term && t->source)
            x->ch[k].instrument = t->source;
    }
    if (x->n_ch - first > 1)
        qsort(&x->ch[first], x->n_ch - first, sizeof *x->ch, by_day);
    return 0;
}

static const struct tei_bibl *bibl(const struct annex *x, const char *id)
{
    size_t i;
    if (id && *id == '#')
        id++;
    for (i = 0; id && i < x->tb->n_bibls; i++)
        if (x->tb->bibls[i].id && !strcmp(x->tb->bibls[i].id, id))
            return &x->tb->bibls[i];
    return NULL;
}

/* How a source is named in the document's language: its title in that
** language, else its first title, else its citation, else its id. */
static const char *bibl_name(const struct annex *x, const char *id)
{
    const struct tei_bibl *b = bibl(x, id);
    size_t i;
    if (!b)
        return id ? (*id == '#' ? id + 1 : id) : "";
    for (i = 0; i < b->n_titles; i++)
        if (lang_is(b->titles[i].lang, x->lang, 0))
            return b->titles[i].text;
    if (b->n_titles)
        return b->titles[0].text;
    return b->citation ? b->citation : b->id;
}

static const char *fill(struct annex *x, const char *key, ...)
{
    va_list ap;
    const char *s;
    va_start(ap, key);
    s = glossa__template_fillv(x->tpl, key, &x->tmp, x->arena, ap);
    va_end(ap);
    if (!s && !x->o.rc)
        x->o.rc = GLOSSA_ENOMEM;
    return s ? s : "";
}

/* ---- meta ------------------------------------------------------------------------------ */

static const char *id_of(const char *source)
{
    return source && *source == '#' ? source + 1 : source ? source : "";
}

/* The days of the annex's history, each once, in order: the Agreement's,
** then each change's. */
static void days(const struct annex *x, void (*fn)(struct annex *, const char *day,
                                                   const struct history *first))
{
    size_t i, k;
    fn((struct annex *)x, AGREEMENT_DAY, NULL);
    for (i = 0; i < x->n_ch; i++) {
        for (k = 0; k < i && strcmp(x->ch[k].day, x->ch[i].day); k++)
            ;
        if (k == i && strcmp(x->ch[i].day, AGREEMENT_DAY))
            fn((struct annex *)x, x->ch[i].day, &x->ch[i]);
    }
}

static void event(struct annex *x, const char *day, const struct history *c)
{
    put(x, "      <eventRef");
    attrs(x, "eId", "evt_", day, N);
    attrs(x, "date", day, N);
    attrs(x, "source", "#", c ? "ref_" : "", c ? id_of(c->instrument) : "agreement", N);
    attrs(x, "type", c ? "amendment" : "generation", N);
    put(x, "/>\n");
}

static void period(struct annex *x, const char *day, const struct history *c)
{
    (void)c;
    put(x, "      <temporalGroup");
    attrs(x, "eId", "period_", day, N);
    put(x, ">\n        <timeInterval");
    attrs(x, "start", "#evt_", day, N);
    put(x, " refersTo=\"#inForce\"/>\n      </temporalGroup>\n");
}

static void passive(struct annex *x)
{
    size_t i;
    if (!x->n_ch)
        return;
    put(x, "    <analysis source=\"#glossa\">\n      <passiveModifications>\n");
    for (i = 0; i < x->n_ch; i++) {
        const struct history *c = &x->ch[i];
        put(x, "        <textualMod");
        attrs(x, "type", c->insertion ? "insertion" : "substitution", N);
        attrs(x, "eId", "pmod_", c->c->id, "_", c->day, N);
        put(x, ">\n          <source");
        attrs(x, "href", "#ref_", id_of(c->instrument), N);
        put(x, "/>\n          <destination");
        attrs(x, "href", "#list_1__item_", c->c->id, N);
        put(x, "/>\n          <force");
        attrs(x, "period", "#period_", c->day, N);
        put(x, "/>\n        </textualMod>\n");
    }
    put(x, "      </passiveModifications>\n    </analysis>\n");
}

static void references(struct annex *x)
{
    size_t i, k;
    put(x, "    <references source=\"#glossa\">\n      <original eId=\"agreement\"");
    attrs(x, "href", GLOSSA_AKN_AGREEMENT, "/!main", N);
    attrs(x, "showAs", bibl_name(x, "agreement-2009"), N);
    put(x, "/>\n");
    for (i = 0; i < x->n_ch; i++) { /* each instrument once */
        for (k = 0; k < i && strcmp(id_of(x->ch[k].instrument), id_of(x->ch[i].instrument)); k++)
            ;
        if (k < i)
            continue;
        put(x, "      <passiveRef");
        attrs(x, "eId", "ref_", id_of(x->ch[i].instrument), N);
        attrs(x, "href", "/glossa/source/", id_of(x->ch[i].instrument), N);
        attrs(x, "showAs", bibl_name(x, x->ch[i].instrument), N);
        put(x, "/>\n");
    }
    put(x, "      <TLCOrganization eId=\"sco\" href=\"/ontology/organization/int/sco\" "
           "showAs=\"Shanghai Cooperation Organisation\"/>\n"
           "      <TLCOrganization eId=\"glossa\" href=\"/ontology/organization/int/glossa\" "
           "showAs=\"glossa\"/>\n"
           "      <TLCConcept eId=\"inForce\" href=\"/ontology/concept/inForce\" "
           "showAs=\"in force\"/>\n    </references>\n");
}

static int unverified(const struct annex *x)
{
    size_t i;
    for (i = 0; i < x->n; i++)
        if (x->list[i]->reliability == 1)
            return 1;
    return 0;
}

static void notes(struct annex *x)
{
    size_t i;
    if (!x->n_ch && !unverified(x))
        return;
    put(x, "    <notes source=\"#glossa\">\n");
    if (unverified(x)) {
        put(x, "      <note eId=\"note_unverified\" class=\"reliability\">\n        <p>");
        text(x, fill(x, "annex.unverified", N));
        put(x, "</p>\n      </note>\n");
    }
    for (i = 0; i < x->n_ch; i++) {
        const struct history *c = &x->ch[i];
        const char *what = fill(x, c->term && c->def ? "annex.what.both"
                                   : c->term       ? "annex.what.term"
                                                   : "annex.what.definition", N);
        put(x, "      <note");
        attrs(x, "eId", "note_", c->c->id, "_", c->day, N);
        put(x, " class=\"history\">\n        <p>");
        text(x, fill(x, c->insertion ? "annex.note.insertion" : "annex.note.substitution", "what",
                     what, "instrument", bibl_name(x, c->instrument), "date", c->day, N));
        put(x, "</p>\n      </note>\n");
    }
    put(x, "    </notes>\n");
}

static void meta(struct annex *x)
{
    struct akn_frbr f;
    f.work = GLOSSA_AKN_AGREEMENT;
    f.component = "annex_1";
    f.work_date = AGREEMENT_DAY;
    f.work_date_name = "signature";
    f.date = x->version;
    f.date_name = x->n_ch ? "amendment" : "signature";
    f.lang3 = glossa__akn_lang3(x->lang);
    f.subtype = "annex";
    f.name = fill(x, "annex.title", N);
    put(x, "  <meta>\n");
    glossa__akn_identification(&x->o, &f);
    put(x, "    <lifecycle source=\"#glossa\">\n");
    days(x, event);
    put(x, "    </lifecycle>\n");
    passive(x);
    put(x, "    <temporalData source=\"#glossa\">\n");
    days(x, period);
    put(x, "    </temporalData>\n");
    references(x);
    notes(x);
    put(x, "  </meta>\n");
}

/* ---- the text -------------------------------------------------------------------------- */

/* The last change of c up to the annex's day, or NULL. */
static const struct history *last_change(const struct annex *x, const struct v_concept *c)
{
    const struct history *last = NULL;
    size_t i;
    for (i = 0; i < x->n_ch; i++)
        if (x->ch[i].c == c)
            last = &x->ch[i];
    return last;
}

/* An entry as the template words it, the term a <def>: [entry] filled with
** markers that split it into the text around the term and the definition. */
static void item(struct annex *x, const struct v_concept *c, int last)
{
    const struct tei_term *t = term_on(c->entry, x->lang, x->day);
    const struct tei_def *d = def_on(c->entry, x->lang, x->day);
    const struct history *ch = last_change(x, c);
    const char *term = t ? t->text : term_on(c->entry, "ru", x->day)->text;
    const char *def = d ? d->text : fill(x, "entry.untranslated", N);
    const char *s = fill(x, "entry", "term", "\x01", "definition", "\x02", N), *m;

    if (last && !(s = glossa__text_final_stop(x->arena, x->lang, s)))
        x->o.rc = GLOSSA_ENOMEM;
    put(x, "      <item");
    attrs(x, "eId", "list_1__item_", c->id, N);
    attrs(x, "wId", "list_1__item_", c->id, N);
    attrs(x, "period", "#period_", ch ? ch->day : AGREEMENT_DAY, N);
    put(x, ">\n        <p>");
    while (s && *s) {
        m = s + strcspn(s, "\x01\x02");
        textn(x, s, (size_t)(m - s));
        if (*m == '\x01') {
            put(x, "<def>");
            text(x, term);
            put(x, "</def>");
        } else if (*m == '\x02') {
            text(x, def);
        }
        s = *m ? m + 1 : m;
    }
    if (c->reliability == 1) {
        put(x, "<noteRef href=\"#note_unverified\" class=\"reliability\"");
        attrs(x, "marker", fill(x, "table.unverified", N), N);
        put(x, "/>");
    }
    if (ch) {
        put(x, "<noteRef");
        attrs(x, "href", "#note_", c->id, "_", ch->day, N);
        put(x, " class=\"history\"/>");
    }
    put(x, "</p>\n      </item>\n");
}

static void body(struct annex *x)
{
    size_t i;
    put(x, "  <preface>\n");
    if (*glossa__template_get(x->tpl, "unofficial")) {
        put(x, "    <p class=\"unofficial\">");
        text(x, fill(x, "unofficial", N));
        put(x, "</p>\n");
    }
    put(x, "    <p><docNumber>");
    text(x, fill(x, "annex.number", N));
    put(x, "</docNumber></p>\n    <p><docTitle>");
    text(x, fill(x, "annex.title", N));
    put(x, "</docTitle></p>\n  </preface>\n  <mainBody>\n    <blockList eId=\"list_1\" "
           "wId=\"list_1\">\n");
    for (i = 0; i < x->n; i++)
        item(x, x->list[i], i + 1 == x->n);
    put(x, "    </blockList>\n  </mainBody>\n");
}

int glossa__write_akn(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                      struct glossa_buf *out, glossa_error *err)
{
    struct annex x;
    struct version v;
    size_t i;
    int rc;

    memset(&x, 0, sizeof x);
    x.o.out = out;
    x.tb = tb;
    x.arena = tb->arena;
    x.lang = opts->version >= 2 && opts->lang ? opts->lang : "ru";
    x.day = opts->version >= 2 && opts->as_of ? opts->as_of : NEWEST;
    if (strcmp(x.day, AGREEMENT_DAY) < 0)
        return glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                                 "no annex 1 on %s: the Agreement is dated " AGREEMENT_DAY, x.day);
    if ((rc = glossa__template_load(&x.tpl, x.lang, NULL, err)))
        return rc;
    if ((rc = glossa__version_load(x.arena, tb, &v, err)) ||
        (rc = glossa__annex_order(x.arena, &v, in_annex, (void *)x.day, &x.list, &x.n)))
        goto out;
    if (!x.n) {
        rc = glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                               "no concept of annex 1 in the term base%s%s (status in-force or "
                               "agreed, with a Russian term in force)",
                               strcmp(x.day, NEWEST) ? " on " : "", strcmp(x.day, NEWEST) ? x.day : "");
        goto out;
    }
    for (i = 0; i < x.n && !rc; i++)
        rc = collect(&x, x.list[i]);
    x.version = AGREEMENT_DAY;
    for (i = 0; i < x.n_ch; i++)
        if (strcmp(x.ch[i].day, x.version) > 0)
            x.version = x.ch[i].day;
    if (!rc) {
        put(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n");
        put(&x, x.n_ch ? "<doc name=\"annex\" contains=\"singleVersion\">\n"
                       : "<doc name=\"annex\" contains=\"originalVersion\">\n");
        meta(&x);
        body(&x);
        put(&x, "</doc>\n</akomaNtoso>\n");
        rc = x.o.rc;
        r->stats->concepts = r->stats->terms = x.n;
        for (i = 0; i < x.n; i++)
            r->stats->definitions += def_on(x.list[i]->entry, x.lang, x.day) != NULL;
    }
out:
    glossa__buf_release(&x.tmp);
    glossa__template_free(x.tpl);
    return rc;
}
