/*
** propose.c — the skeleton of a proposal for a member state's competent
** authority (TEI, schema/README.md): the header, and one entry. A new
** concept's entry has every term and definition to fill in ("FILL IN", which
** `glossa check` reports). An amendment's (or a deletion's) entry is the entry as it stands in
** the term base, read by the one loader (glossa__tb_load_tei) and written by
** tei_write.c: the proposer changes what the proposal changes, and
** consolidate.c applies only what differs from the term base.
*/
#include "glossa_int.h"
#include "exchange_int.h"
#include "propose_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* The closest ids to id in tb (up to 3), "a, b, c", into out. */
static void closest_ids(const struct glossa_tb *tb, const char *id, char *out, size_t size)
{
    const char **ids = glossa__arena_alloc(tb->arena, (tb->n_entries + 1) * sizeof *ids);
    size_t i;
    out[0] = '\0';
    for (i = 0; ids && i < tb->n_entries; i++)
        ids[i] = tb->entries[i].id;
    if (ids)
        glossa__closest_ids(ids, tb->n_entries, id, out, size);
}

static int deleting(const glossa_propose_opts *o)
{
    return o->version >= 2 && o->deletion && o->amend;
}

static int from_law(const glossa_propose_opts *o)
{
    return o->version >= 3 && o->from_law;
}

static int has_lang(const struct tei_entry *e, const char *lang)
{
    size_t i;
    for (i = 0; i < e->n_terms; i++)
        if (strcmp(e->terms[i].lang, lang) == 0)
            return 1;
    return 0;
}

/* The entry to write: e's current wording (history left out, no dates), a
** term and a definition to fill in for each language of o that e lacks, and a
** rationale to fill in. All in tb's arena. */
static int skeleton_entry(struct glossa_tb *tb, const struct tei_entry *e, const glossa_propose_opts *o,
                          struct tei_entry *s)
{
    const char *langs[18];
    size_t n_langs = 0, i;
    int oom = 0;
    char buf[160];

    langs[n_langs++] = "ru";
    langs[n_langs++] = "zh";
    for (i = 0; i < o->n_langs && n_langs < 18; i++)
        if (strcmp(o->langs[i], "ru") && strcmp(o->langs[i], "zh"))
            langs[n_langs++] = o->langs[i];
    *s = *e;
    s->terms = glossa__arena_alloc(tb->arena, (e->n_terms + n_langs) * sizeof *s->terms);
    s->defs = glossa__arena_alloc(tb->arena, (e->n_defs + n_langs) * sizeof *s->defs);
    s->notes = glossa__arena_alloc(tb->arena, (e->n_notes + 1) * sizeof *s->notes);
    if (!s->terms || !s->defs || !s->notes)
        return GLOSSA_ENOMEM;
    s->n_terms = s->n_defs = s->n_notes = 0;
    for (i = 0; i < e->n_terms; i++)
        if (!e->terms[i].to) {
            s->terms[s->n_terms] = e->terms[i];
            s->terms[s->n_terms++].from = NULL;
        }
    for (i = 0; i < e->n_defs; i++)
        if (!e->defs[i].to) {
            s->defs[s->n_defs] = e->defs[i];
            s->defs[s->n_defs++].from = NULL;
        }
    for (i = 0; i < n_langs && !deleting(o); i++) {
        struct tei_term *t;
        struct tei_def *d;
        if (has_lang(e, langs[i]))
            continue;
        t = &s->terms[s->n_terms++];
        memset(t, 0, sizeof *t);
        t->lang = langs[i];
        snprintf(buf, sizeof buf, "FILL IN: the term in %s", langs[i]);
        t->text = glossa__tb_str(tb, buf, &oom);
        t->status = "preferred";
        d = &s->defs[s->n_defs++];
        memset(d, 0, sizeof *d);
        d->lang = langs[i];
        d->source = "national-act";
        snprintf(buf, sizeof buf, "FILL IN: the definition in %s", langs[i]);
        d->text = glossa__tb_str(tb, buf, &oom);
    }
    for (i = 0; i < e->n_notes; i++)
        s->notes[s->n_notes++] = e->notes[i];
    s->notes[s->n_notes].type = "rationale";
    s->notes[s->n_notes].lang = "ru";
    s->notes[s->n_notes++].text = deleting(o)  ? "FILL IN: why the annex no longer needs this concept"
                                  : o->amend ? "FILL IN: why the annex needs this new wording"
                                             : "FILL IN: why the annex needs this concept";
    return oom ? GLOSSA_ENOMEM : 0;
}

/* The sources the entry cites (besides the national act), once each. */
static int cited_sources(const struct glossa_tb *tb, const struct tei_entry *e, struct glossa_buf *out)
{
    const char *ids[64];
    size_t n = 0, i, k;
    int rc = 0;
    ids[n++] = e->source;
    for (i = 0; i < e->n_terms && n < 64; i++)
        ids[n++] = e->terms[i].source;
    for (i = 0; i < e->n_defs && n < 64; i++)
        ids[n++] = e->defs[i].source;
    for (i = 0; i < e->n_attests && n < 64; i++)
        ids[n++] = e->attests[i].source;
    for (i = 0; i < n && !rc; i++) {
        const struct tei_bibl *b = ids[i] ? glossa__tb_bibl(tb, ids[i]) : NULL;
        for (k = 0; k < i && b; k++)
            if (ids[k] && strcmp(ids[k], ids[i]) == 0)
                b = NULL;
        if (b && strcmp(b->id, "national-act") != 0)
            rc = glossa__write_tei_bibl(b, out);
    }
    return rc;
}

static int uses_reconstruction(const struct tei_entry *e)
{
    size_t i;
    for (i = 0; i < e->n_terms; i++)
        if (e->terms[i].basis && strcmp(e->terms[i].basis, "reconstruction") == 0)
            return 1;
    for (i = 0; i < e->n_defs; i++)
        if (e->defs[i].basis && strcmp(e->defs[i].basis, "reconstruction") == 0)
            return 1;
    return 0;
}

/* The body the proposing state's law names for information security (plan
** item 1.1), as its source prints it, with that source: a <p> of the
** publicationStmt; its act is the header's #security-body. */
static const glossa_state *security_body(const glossa_propose_opts *o)
{
    const glossa_state *st = o->version >= 3 ? glossa_states_find(o->states, o->state) : NULL;
    return st && st->security_body ? st : NULL;
}

static int write_security_body(const glossa_state *st, struct glossa_buf *b)
{
    int rc = glossa__buf_addf(b, "        <p xml:lang=\"en\">Named for information security by the "
                              "law of %s (plan item 1.1; the competent authority for terminology "
                              "is the authority above), as the source prints it: ", st->code);
    if (!rc)
        rc = glossa__xml_text(b, st->security_body);
    if (!rc)
        rc = glossa__buf_adds(b, " — «");
    if (!rc)
        rc = glossa__xml_text(b, st->security_body_quote);
    if (!rc)
        rc = glossa__buf_addf(b, "» (source: #security-body; reliability %d)</p>\n",
                              st->security_body_reliability);
    return rc;
}

static int write_security_source(const glossa_state *st, struct glossa_buf *b)
{
    struct tei_bibl act;
    memset(&act, 0, sizeof act);
    act.id = "security-body";
    act.citation = st->security_body_source;
    act.url = st->security_body_url;
    return glossa__write_tei_act(&act, NULL, b);
}

static int write_skeleton(struct glossa_tb *tb, const struct tei_entry *e, const glossa_propose_opts *o,
                          const struct law_start *law, struct glossa_buf *b)
{
    const char *st = o->state, *d = o->date;
    const glossa_state *body = security_body(o);
    int rc = glossa__buf_addf(b,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!-- A proposal of %s for the glossa term base: replace every FILL IN, then\n"
        "     run `glossa check` on this file. The encoding is in schema/README.md. -->\n%s"
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\" type=\"proposal\">\n"
        "  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n"
        "        <title>Proposal %s-%s: FILL IN a short title</title>\n%s"
        "        <respStmt xml:id=\"working-translation\"><resp>working translation, not an official rendering</resp><name>FILL IN: who translated</name></respStmt>\n"
        "      </titleStmt>\n      <publicationStmt>\n"
        "        <authority>FILL IN: the competent authority of %s</authority>\n"
        "        <idno type=\"proposal\">%s-%s</idno>\n"
        "        <idno type=\"state\">%s</idno>\n",
        st, deleting(o) ? "<!-- The concept to delete from the annex, as it stands in the term base:\n"
                          "     leave the entry as it is and say why in the rationale. -->\n"
        : law ? "<!-- A new concept started from a national definition: its term and its\n"
                "     definition in the act's language are the act's text, quoted (the <cit>\n"
                "     records the quotation; a definition changed is a drafted wording); the\n"
                "     national act is the act, article and address the study read. -->\n"
        : o->amend ? "<!-- The entry is the concept as it stands in the term base: change the\n"
                       "     terms and definitions the proposal changes (a definition's source:\n"
                       "     the national act), leave the rest as it is. Consolidation applies\n"
                       "     only what differs from the term base. -->\n" : "",
        st, d,
        uses_reconstruction(e) ? "        <respStmt xml:id=\"reconstruction\"><resp>reconstruction of the Russian wording as commonly quoted, not checked against the official text</resp><name>glossa editors</name></respStmt>\n" : "",
        st, st, d, st);
    if (!rc && o->round)
        rc = glossa__buf_addf(b, "        <idno type=\"round\">%s</idno>\n", o->round);
    if (!rc)
        rc = glossa__buf_addf(b, "        <date when=\"%s\"/>\n", d);
    if (!rc && body)
        rc = write_security_body(body, b);
    if (!rc)
        rc = glossa__buf_addf(b, "      </publicationStmt>\n      <sourceDesc>\n        <listBibl>\n%s",
            /* a deletion cites no national act: it only removes wording */
            deleting(o) || law ? "" : "          <bibl xml:id=\"national-act\" type=\"law\"><title xml:lang=\"ru\">FILL IN: the national act (title, date, number)</title><citedRange>FILL IN: article, paragraph</citedRange></bibl>\n");
    if (!rc && law)
        rc = glossa__write_tei_act(&law->act, law->range, b);
    if (!rc && body)
        rc = write_security_source(body, b);
    if (!rc && o->amend)
        rc = cited_sources(tb, e, b);
    if (!rc)
        rc = glossa__buf_adds(b, "        </listBibl>\n      </sourceDesc>\n    </fileDesc>\n  </teiHeader>\n"
                                 "  <text>\n    <body>\n");
    if (!rc)
        rc = glossa__write_tei_entry(e, deleting(o) ? "delete" : o->amend ? "amend" : "new", b);
    if (!rc)
        rc = glossa__buf_adds(b, "    </body>\n  </text>\n</TEI>\n");
    return rc;
}

int glossa_propose(const glossa_propose_opts *o, char **out, glossa_error *err)
{
    struct glossa_tb *tb = NULL;
    struct glossa_buf b = GLOSSA_BUF_INIT;
    struct tei_entry blank, e;
    const struct tei_entry *found = &blank;
    struct law_start law;
    glossa_index_opts io = GLOSSA_INDEX_OPTS_INIT;
    char id[160];
    int rc;

    *out = NULL;
    if ((rc = GLOSSA__OPTS_CHECK(o, GLOSSA_PROPOSE_OPTS_VERSION, "glossa_propose_opts", err)))
        return rc;
    if (!o->state || !o->date)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "a proposal needs a state and a date");
    if (o->amend && o->id)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "--id names a new concept, --%s an existing one: give one of them",
                                 deleting(o) ? "delete" : "amend");
    if (from_law(o) && o->amend)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "--from-law starts a new concept, --%s names an existing one: "
                                 "give one of them", deleting(o) ? "delete" : "amend");
    if ((rc = glossa__tb_new(&tb, err)))
        return rc;
    memset(&blank, 0, sizeof blank);
    if (o->amend) {
        io.on_diag = o->on_diag;
        io.userdata = o->userdata;
        rc = glossa__tb_load_tei(tb, o->base, o->n_base, &io, 1, err);
        if (!rc && !(found = glossa__tb_find(tb, o->amend))) {
            char near[512];
            closest_ids(tb, o->amend, near, sizeof near);
            rc = glossa__error_set(err, GLOSSA_EINPUT, o->n_base ? o->base[0] : NULL, 0, 0,
                                   "no concept '%s' to %s in the term base; the closest ids: %s",
                                   o->amend, deleting(o) ? "delete" : "amend", near);
        }
    } else if (from_law(o)) {
        if ((rc = glossa__propose_from_law(tb, o, &law, err)) == 0)
            found = &law.entry;
    } else {
        size_t k;
        for (k = 0; k < 2 && o->state[k]; k++)
            id[k] = (char)tolower((unsigned char)o->state[k]);
        snprintf(id + k, sizeof id - k, "-%s", o->id ? o->id : "new-concept");
        blank.id = id;
        blank.status = "proposed";
        blank.reliability = 2;
        blank.source = "national-act";
    }
    if (!rc)
        rc = skeleton_entry(tb, found, o, &e);
    if (!rc && (rc = write_skeleton(tb, &e, o, from_law(o) ? &law : NULL, &b)) == 0)
        *out = b.data;
    else if (rc == GLOSSA_ENOMEM)
        glossa__error_set(err, rc, NULL, 0, 0, "out of memory");
    if (rc)
        glossa__buf_release(&b);
    glossa__tb_free(tb);
    return rc;
}
