/*
** candidates_tei.c — the best candidates of `glossa candidates` as a TEI
** proposal skeleton: one bibl per document, one proposed concept of
** reliability 1 per candidate not in the term base, with its form, an
** attested sentence and an editorial note of what to check before proposing.
*/
#include "candidates_int.h"

#include <string.h>

/* A bibl id for document i: "doc-" and its file name as a slug. */
static int doc_slug(const glossa_candidates *c, size_t i, struct glossa_buf *out)
{
    const char *name = c->docs[i].name, *base = strrchr(name, '/');
    size_t j, start;
    base = base ? base + 1 : name;
    glossa__buf_clear(out);
    if (glossa__buf_addf(out, "doc%zu-", i + 1))
        return GLOSSA_ENOMEM;
    start = out->len;
    for (j = 0; base[j]; j++) {
        char ch = base[j];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
            ch = '-';
        if (ch == '-' && (out->len == start || out->data[out->len - 1] == '-'))
            continue;
        if (glossa__buf_add(out, &ch, 1))
            return GLOSSA_ENOMEM;
    }
    while (out->len > start && out->data[out->len - 1] == '-')
        out->data[--out->len] = '\0';
    if (out->len == start && glossa__buf_adds(out, "text"))
        return GLOSSA_ENOMEM;
    return 0;
}

static size_t doc_index(const glossa_candidates *c, const char *file)
{
    size_t i;
    for (i = 0; i < c->n_docs; i++)
        if (c->docs[i].name == file)
            return i;
    return 0;
}

int glossa_candidates_proposal(const glossa_candidates *c, size_t top, char **out,
                               size_t *out_len, glossa_error *err)
{
    struct glossa_buf b = GLOSSA_BUF_INIT, slug = GLOSSA_BUF_INIT;
    size_t i, written = 0, n = 0;
    int rc = 0;

    for (i = 0; i < c->n_ranked && n < top; i++)
        if (!c->ranked[i].known)
            n++;
    if (n == 0)
        return glossa__error_set(err, GLOSSA_ENOTFOUND, NULL, 0, 0,
                                 "no candidate to write a proposal of");
    rc = glossa__buf_addf(&b,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\">\n"
        "  <teiHeader>\n"
        "    <fileDesc>\n"
        "      <titleStmt>\n"
        "        <title>Term candidates found by glossa candidates in %zu document%s, for review</title>\n"
        "      </titleStmt>\n"
        "      <publicationStmt>\n"
        "        <p>Multi-word term candidates ranked by C-value (Frantzi, Ananiadou and Mima 2000) "
        "weighted by the share of their words found in glossary terms, "
        "written as proposed concepts of reliability 1. Each entry's editorial note says what a "
        "terminologist must check and add before it can be proposed.</p>\n"
        "      </publicationStmt>\n"
        "      <sourceDesc>\n"
        "        <listBibl>\n",
        c->n_docs, c->n_docs == 1 ? "" : "s");
    for (i = 0; !rc && i < c->n_docs; i++) {
        const char *base = strrchr(c->docs[i].name, '/');
        base = base ? base + 1 : c->docs[i].name;
        rc = doc_slug(c, i, &slug) ||
             glossa__buf_addf(&b, "          <bibl xml:id=\"%s\" type=\"other\"><title>", slug.data) ||
             glossa__xml_escape(&b, *base ? base : "standard input", NULL) ||
             glossa__buf_adds(&b, "</title>") ||
             (*base && (glossa__buf_adds(&b, "<idno type=\"file\">") ||
                        glossa__xml_escape(&b, base, NULL) || glossa__buf_adds(&b, "</idno>"))) ||
             glossa__buf_adds(&b, "</bibl>\n");
    }
    if (!rc)
        rc = glossa__buf_adds(&b, "        </listBibl>\n      </sourceDesc>\n    </fileDesc>\n"
                                  "  </teiHeader>\n  <text>\n    <body>\n");
    for (i = 0; !rc && i < c->n_ranked && written < n; i++) {
        const glossa_candidate *r = &c->ranked[i];
        if (r->known)
            continue;
        written++;
        rc = doc_slug(c, doc_index(c, r->file), &slug) ||
             glossa__buf_addf(&b,
                 "      <entry xml:id=\"candidate-%zu\" type=\"concept\" source=\"#%s\">\n"
                 "        <usg type=\"status\">proposed</usg>\n"
                 "        <usg type=\"reliability\">1</usg>\n"
                 "        <form type=\"term\" xml:lang=\"%s\">\n"
                 "          <orth>", written, slug.data, c->rules->lang) ||
             glossa__xml_escape(&b, r->text, NULL) ||
             glossa__buf_addf(&b, "</orth>\n          <usg type=\"status\">preferred</usg>\n"
                                  "        </form>\n        <sense>\n"
                                  "          <cit type=\"attestation\" xml:lang=\"%s\">\n"
                                  "            <quote>", c->rules->lang) ||
             glossa__xml_escape(&b, r->example, NULL) ||
             glossa__buf_addf(&b, "</quote>\n            <bibl corresp=\"#%s\"/>\n"
                                  "          </cit>\n        </sense>\n", slug.data) ||
             glossa__buf_addf(&b,
                 "        <note type=\"reliability\" xml:lang=\"en\">Not verified: found by a "
                 "program in the documents listed in the header; no definition has been "
                 "agreed.</note>\n"
                 "        <note type=\"editorial\" xml:lang=\"en\">Candidate %zu of glossa "
                 "candidates: score %.2f (C-value %.2f, domain %.0f%%), %u occurrence%s in "
                 "%u form%s, in %u document%s (example: ",
                 written, r->score, r->cvalue, r->domain * 100, r->freq, r->freq == 1 ? "" : "s", r->forms,
                 r->forms == 1 ? "" : "s", r->docs, r->docs == 1 ? "" : "s") ||
             glossa__xml_escape(&b, strrchr(r->file, '/') ? strrchr(r->file, '/') + 1 : r->file,
                                NULL) ||
             glossa__buf_addf(&b,
                 ", line %ld). Before proposing it: write the term in its dictionary form "
                 "(the form above is the one most frequent in the text), give the entry an "
                 "xml:id made from its English term, add Chinese and English equivalents and "
                 "a definition with its source, give the source document its title and date, "
                 "and set the reliability.</note>\n"
                 "      </entry>\n", r->line);
    }
    if (!rc)
        rc = glossa__buf_adds(&b, "    </body>\n  </text>\n</TEI>\n");
    glossa__buf_release(&slug);
    if (rc) {
        glossa__buf_release(&b);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = b.data;
    *out_len = b.len;
    return 0;
}
