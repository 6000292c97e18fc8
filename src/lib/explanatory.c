/*
** explanatory.c — the explanatory note (пояснительная записка / 说明 /
** explanatory note) sent to the Parties with a draft protocol: for each
** change of a round's proposals, what it does and its proposed wording, the
** proposing state (named from the member states' data, in the note's
** language, with its code) and the authority its proposal names, the
** rationale and the national act it rests on, and, given positions, who
** agreed, objected or has not answered.
** Everything is read from the proposals as written (their DOM, proposal.c):
** nothing is translated or made up; what a proposal does not give is said to
** be missing. The fixed wording is in export/note/, one template per
** language (template.c); the note is a document (doc.c), so it is written in
** Markdown, HTML, DOCX or TEI.
*/
#include "glossa_int.h"
#include "proposal_int.h"

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include <stdio.h>
#include <string.h>

struct note {
    const glossa_note_opts *opts;
    struct doc_writer w;   /* its template, document, scratch space, oom */
};

/* The writer's fill and block, for a note nt */
#define fill(nt, ...) glossa__dw_fill(&(nt)->w, __VA_ARGS__)
#define add(nt, ...) glossa__dw_block(&(nt)->w, __VA_ARGS__)

static char *attr(struct note *nt, xmlNodePtr n, const char *name)
{
    int xml = strcmp(name, "lang") == 0 || strcmp(name, "id") == 0; /* xml:lang, xml:id */
    return glossa__xml_prop_copy(nt->w.doc->arena, n, name, xml ? XML_XML_NAMESPACE : NULL);
}

static int attr_is(struct note *nt, xmlNodePtr n, const char *name, const char *value)
{
    const char *v = attr(nt, n, name);
    return v && strcmp(v, value) == 0;
}

static int in_lang(struct note *nt, xmlNodePtr n, const char *lang)
{
    const char *l = attr(nt, n, "lang");
    return l && glossa__lang_matches(l, lang);
}

/* Does n say it is our working translation? */
static int working_translation(struct note *nt, xmlNodePtr n)
{
    return n && attr_is(nt, n, "resp", "#working-translation");
}

/* The term of an entry in lang (the preferred one first); *form its <form>. */
static const char *term_in(struct note *nt, xmlNodePtr entry, const char *lang, xmlNodePtr *form)
{
    int pass;
    xmlNodePtr f;
    for (pass = 0; pass < 2; pass++) {
        for (f = entry->children; f; f = f->next) {
            xmlNodePtr status = glossa__xml_find(f, "usg");
            if (!glossa__xml_is_tei(f, "form") || !attr_is(nt, f, "type", "term") || !in_lang(nt, f, lang))
                continue;
            if (pass == 0) {
                const char *s = status ? glossa__xml_text_copy(nt->w.doc->arena, status) : NULL;
                if (!s || strcmp(s, "preferred") != 0)
                    continue;
            }
            *form = f;
            return glossa__xml_text_copy(nt->w.doc->arena, glossa__xml_find(f, "orth"));
        }
    }
    *form = NULL;
    return NULL;
}

/* The current definition of an entry in lang (a <def> without an end date). */
static xmlNodePtr def_in(struct note *nt, xmlNodePtr entry, const char *lang)
{
    xmlNodePtr sense, d;
    for (sense = entry->children; sense; sense = sense->next) {
        if (!glossa__xml_is_tei(sense, "sense"))
            continue;
        for (d = sense->children; d; d = d->next)
            if (glossa__xml_is_tei(d, "def") && in_lang(nt, d, lang) && !attr(nt, d, "to"))
                return d;
    }
    return NULL;
}

const char *glossa__language_name(struct glossa_arena *a, const char *tag, const char *in)
{
    UChar u[128];
    char name[512], *copy;
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uloc_getDisplayLanguage(tag, in, u, 128, &status), len = 0;
    if (U_FAILURE(status) || n <= 0 || n >= 128)
        return tag;
    u_strToUTF8(name, sizeof name, &len, u, n, &status);
    if (U_FAILURE(status) || len <= 0 || (size_t)len >= sizeof name)
        return tag;
    name[len] = '\0';
    copy = glossa__arena_strdup(a, name);
    return copy ? copy : tag;
}

const char *glossa__proposal_rationale(struct glossa_arena *a, xmlNodePtr entry, const char *lang,
                                       const char **written_in)
{
    xmlNodePtr e, other = NULL;
    *written_in = NULL;
    for (e = entry->children; e; e = e->next) {
        char *type = glossa__xml_is_tei(e, "note") ? glossa__xml_prop_copy(a, e, "type", NULL) : NULL;
        char *tag = type ? glossa__xml_prop_copy(a, e, "lang", XML_XML_NAMESPACE) : NULL;
        if (!type || strcmp(type, "rationale") != 0)
            continue;
        if (tag && glossa__lang_matches(tag, lang))
            return glossa__xml_text_copy(a, e);
        if (!other) {
            other = e;
            *written_in = tag ? tag : "?";
        }
    }
    return other ? glossa__xml_text_copy(a, other) : NULL;
}

/* The change's heading and its proposed wording in the note's language. */
static void add_wording(struct note *nt, xmlNodePtr entry, const glossa_proposal_change *c, int n)
{
    const char *lang = nt->opts->lang, *term, *kind, *text;
    xmlNodePtr form, def = def_in(nt, entry, lang);
    char num[16];

    term = term_in(nt, entry, lang, &form);
    if (!term) {
        xmlNodePtr ru_form;
        term = term_in(nt, entry, "ru", &ru_form);
    }
    if (!term)
        term = c->id;
    snprintf(num, sizeof num, "%d", n);
    kind = c->kind && strcmp(c->kind, "new") == 0     ? "change.new"
           : c->kind && strcmp(c->kind, "amend") == 0 ? "change.amend"
           : c->kind && strcmp(c->kind, "delete") == 0 ? "change.delete"
                                                      : "change.other";
    add(nt, DOC_HEADING, fill(nt, kind, "n", num, "term", term, NULL));
    if (c->kind && strcmp(c->kind, "delete") == 0) /* the wording quoted is the one that goes */
        add(nt, DOC_PARA, fill(nt, "deleted", NULL));
    text = def ? fill(nt, "wording", "term", term, "definition",
                      glossa__xml_text_copy(nt->w.doc->arena, def), NULL)
               : fill(nt, "wording.missing", "term", term, NULL);
    if (working_translation(nt, form) || working_translation(nt, def)) {
        struct doc_block *b = glossa__doc_add(nt->w.doc, DOC_QUOTE, text);
        const char *mark = fill(nt, "translation", NULL);
        if (!b || glossa__doc_run(nt->w.doc, b, 0, RUN_PLAIN, mark, strlen(mark)))
            nt->w.oom = 1;
    } else {
        add(nt, DOC_QUOTE, text);
    }
}

/* The rationale in the note's language, else as written in its own. */
static void add_rationale(struct note *nt, xmlNodePtr entry)
{
    const char *in,
        *text = glossa__proposal_rationale(nt->w.doc->arena, entry, nt->opts->lang, &in);
    if (text && in)
        add(nt, DOC_PARA, fill(nt, "rationale.other", "lang",
                               glossa__language_name(nt->w.doc->arena, in, nt->opts->lang), "text",
                               text, NULL));
    else if (text)
        add(nt, DOC_PARA, fill(nt, "rationale", "text", text, NULL));
    else
        add(nt, DOC_PARA, fill(nt, "rationale.missing", NULL));
}

/* The <bibl type="law"> of the file's header called id ("#id"), or NULL. */
static xmlNodePtr law(struct note *nt, xmlNodePtr header, const char *ref)
{
    xmlNodePtr n = glossa__xml_find(header, "listBibl"), b;
    for (b = n ? n->children : NULL; ref && ref[0] == '#' && b; b = b->next)
        if (glossa__xml_is_tei(b, "bibl") && attr_is(nt, b, "id", ref + 1) && attr_is(nt, b, "type", "law"))
            return b;
    return NULL;
}

/* "Title, 2015-11-24, статья 1": the act as the proposal cites it. */
static const char *act_text(struct note *nt, xmlNodePtr bibl)
{
    xmlNodePtr date = glossa__xml_find(bibl, "date"), range = glossa__xml_find(bibl, "citedRange");
    const char *title = glossa__xml_text_copy(nt->w.doc->arena, glossa__xml_find(bibl, "title"));
    const char *when = date ? attr(nt, date, "when") : NULL;
    const char *where = range ? glossa__xml_text_copy(nt->w.doc->arena, range) : NULL;
    struct glossa_buf *b = &nt->w.tmp;
    char *copy;
    glossa__buf_clear(b);
    nt->w.oom |= glossa__buf_adds(b, title ? title : "?") != 0;
    if (when)
        nt->w.oom |= glossa__buf_addf(b, ", %s", when) != 0;
    if (where)
        nt->w.oom |= glossa__buf_addf(b, ", %s", where) != 0;
    copy = glossa__arena_strdup(nt->w.doc->arena, glossa__buf_str(b));
    nt->w.oom |= !copy;
    return copy ? copy : "";
}

/* The national acts the entry and its definitions cite, each once. */
static void add_acts(struct note *nt, xmlNodePtr entry, xmlDocPtr doc)
{
    xmlNodePtr header = glossa__xml_find(xmlDocGetRootElement(doc), "teiHeader");
    xmlNodePtr cited[16], sense, d;
    const char *refs[64];
    size_t n_refs = 0, n_cited = 0, i, j;

    refs[n_refs++] = attr(nt, entry, "source");
    for (sense = entry->children; sense; sense = sense->next)
        for (d = glossa__xml_is_tei(sense, "sense") ? sense->children : NULL; d && n_refs < 64; d = d->next)
            if (glossa__xml_is_tei(d, "def") && !attr(nt, d, "to"))
                refs[n_refs++] = attr(nt, d, "source");
    for (i = 0; i < n_refs; i++) {
        xmlNodePtr b = law(nt, header, refs[i]);
        for (j = 0; b && j < n_cited; j++)
            if (cited[j] == b)
                b = NULL;
        if (b && n_cited < 16) {
            cited[n_cited++] = b;
            add(nt, DOC_PARA, fill(nt, "act", "act", act_text(nt, b), NULL));
        }
    }
    if (!n_cited)
        add(nt, DOC_PARA, fill(nt, "act.none", NULL));
}

/* Who agreed, objected, has not answered, agreed to an earlier wording. */
static void add_positions(struct note *nt, const glossa_status_report *r,
                          const glossa_proposal_change *c)
{
    static const char *const keys[] = { "positions.agreed", "positions.objections",
                                        "positions.pending", "positions.lapsed" };
    size_t i, k;
    for (i = 0; r && i < glossa_status_count(r); i++) {
        const glossa_change_status *s = glossa_status_get(r, i);
        const char *values[4];
        if (s->change != c)
            continue;
        values[0] = s->agreed, values[1] = s->objections, values[2] = s->pending,
        values[3] = s->lapsed;
        add(nt, DOC_PARA, fill(nt, "positions", NULL));
        for (k = 0; k < 4; k++)
            if (values[k] && *values[k])
                add(nt, DOC_ITEM, fill(nt, keys[k], "states", values[k], "text", values[k], NULL));
        return;
    }
}

/* The proposing state as the note names it: "Республика Казахстан (KZ)" from
** the member states' data in the note's language; its code alone without it. */
static const char *state_named(struct note *nt, const char *code)
{
    const glossa_states *states = nt->opts->version >= 2 ? nt->opts->states : NULL;
    const glossa_state *st = states ? glossa_states_find(states, code) : NULL;
    const char *lang = nt->opts->lang, *name;
    if (!st)
        return code;
    name = strcmp(lang, "ru") == 0 ? st->name_ru : strcmp(lang, "zh") == 0 ? st->name_zh : st->name_en;
    return name && *name ? fill(nt, "state.named", "name", name, "code", st->code, NULL) : code;
}

static int build(struct note *nt, const struct glossa_proposals *p, const glossa_status_report *r)
{
    const char *round = nt->opts->round;
    size_t i;
    int n = 0;

    add(nt, DOC_DRAFT, fill(nt, "draft", NULL));
    add(nt, DOC_TITLE, fill(nt, "title", NULL));
    add(nt, DOC_SUBTITLE, fill(nt, "subtitle", NULL));
    nt->w.doc->title = fill(nt, "title", NULL);
    add(nt, DOC_PARA, fill(nt, "intro", "round", round ? fill(nt, "round", "round", round, NULL) : "",
                           NULL));
    for (i = 0; i < p->n && !nt->w.oom; i++) {
        const glossa_proposal_change *c = &p->changes[i];
        const struct change_source *src = &p->sources[i];
        if (round && (!c->round || strcmp(c->round, round) != 0))
            continue;
        add_wording(nt, src->entry, c, ++n);
        add(nt, DOC_PARA, fill(nt, "proposed", "proposal", c->proposal, "date", c->date,
                               "state", state_named(nt, c->state), "authority", c->authority, NULL));
        add_rationale(nt, src->entry);
        add_acts(nt, src->entry, src->file->doc);
        add_positions(nt, r, c);
    }
    if (nt->w.oom)
        return GLOSSA_ENOMEM;
    return n ? 0 : GLOSSA_EINPUT;
}

int glossa_note_render(const glossa_proposals *p, const glossa_status_report *r,
                       const glossa_note_opts *opts, char **out, size_t *out_len,
                       glossa_error *err)
{
    static const glossa_note_opts defaults = GLOSSA_NOTE_OPTS_INIT;
    struct note nt;
    const char *src = NULL;
    size_t len = 0;
    int rc;

    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_NOTE_OPTS_VERSION, "glossa_note_opts", err))
        return GLOSSA_EINPUT;
    if (!opts)
        opts = &defaults;
    if (opts->lang && strcmp(opts->lang, "ru") == 0)
        src = glossa__note_ru, len = glossa__note_ru_len;
    else if (opts->lang && strcmp(opts->lang, "zh") == 0)
        src = glossa__note_zh, len = glossa__note_zh_len;
    else if (opts->lang && strcmp(opts->lang, "en") == 0)
        src = glossa__note_en, len = glossa__note_en_len;
    else
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "no explanatory note in language '%s' (ru, zh or en)",
                                 opts->lang ? opts->lang : "");
    memset(&nt, 0, sizeof nt);
    nt.opts = opts;
    if ((rc = glossa__template_parse(&nt.w.tpl, src, len, "built-in note template", err)))
        return rc;
    nt.w.doc = glossa__doc_new(opts->lang);
    rc = nt.w.doc ? build(&nt, p, r) : GLOSSA_ENOMEM;
    if (rc == GLOSSA_EINPUT)
        glossa__error_set(err, rc, NULL, 0, 0, opts->round ? "no proposed change in round '%s'"
                                                            : "no proposed change%s",
                          opts->round ? opts->round : "");
    else if (rc)
        glossa__error_set(err, rc, NULL, 0, 0, "out of memory");
    else
        rc = glossa__doc_write(nt.w.doc, opts->format, out, out_len, err);
    glossa__doc_free(nt.w.doc);
    glossa__buf_release(&nt.w.tmp);
    glossa__template_free(nt.w.tpl);
    return rc;
}
