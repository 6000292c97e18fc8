/*
** akn.c — writing Akoma Ntoso 3.0 (akn_int.h): the output and its escaping,
** and the FRBR identification block of the protocol and of the annex.
*/
#include "akn_int.h"

#include <stdarg.h>
#include <string.h>

void glossa__akn_put(struct akn_out *w, const char *s)
{
    if (!w->rc)
        w->rc = glossa__buf_adds(w->out, s);
}

void glossa__akn_text(struct akn_out *w, const char *s)
{
    if (!w->rc)
        w->rc = glossa__xml_text(w->out, s);
}

void glossa__akn_textn(struct akn_out *w, const char *s, size_t n)
{
    char *copy;
    if (w->rc || !n)
        return;
    if (!(copy = glossa__malloc(n + 1))) {
        w->rc = GLOSSA_ENOMEM;
        return;
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    glossa__akn_text(w, copy);
    glossa__free(copy);
}

void glossa__akn_attrs(struct akn_out *w, const char *name, ...)
{
    const char *piece;
    va_list ap;
    glossa__akn_put(w, " ");
    glossa__akn_put(w, name);
    glossa__akn_put(w, "=\"");
    va_start(ap, name);
    while ((piece = va_arg(ap, const char *)) != NULL)
        if (!w->rc)
            w->rc = glossa__xml_escape(w->out, piece, "&#10;");
    va_end(ap);
    glossa__akn_put(w, "\"");
}

const char *glossa__akn_lang3(const char *lang)
{
    return strcmp(lang, "zh") == 0 ? "zho" : strcmp(lang, "en") == 0 ? "eng" : "rus";
}

#define put glossa__akn_put
#define N (const char *)NULL

/* FRBRthis, FRBRuri, FRBRdate and FRBRauthor of a level: the Work (lang3
** NULL) or the Expression/Manifestation (this_tail after the component). */
static void frbr_core(struct akn_out *w, const struct akn_frbr *f, const char *lang3,
                      const char *this_tail, const char *uri_tail, const char *date,
                      const char *date_name, const char *author)
{
    const char *at = lang3 ? "/" : "", *l = lang3 ? lang3 : "", *sep = lang3 ? "@" : "";
    const char *d = lang3 ? f->date : "";
    put(w, "        <FRBRthis");
    glossa__akn_attrs(w, "value", f->work, at, l, sep, d, "/!", f->component, this_tail, N);
    put(w, "/>\n        <FRBRuri");
    glossa__akn_attrs(w, "value", f->work, at, l, sep, d, uri_tail, N);
    put(w, "/>\n        <FRBRdate");
    glossa__akn_attrs(w, "date", date, N);
    glossa__akn_attrs(w, "name", date_name, N);
    put(w, "/>\n        <FRBRauthor");
    glossa__akn_attrs(w, "href", author, N);
    put(w, "/>\n");
}

void glossa__akn_identification(struct akn_out *w, const struct akn_frbr *f)
{
    int translation = strcmp(f->lang3, "eng") == 0;

    put(w, "    <identification source=\"#glossa\">\n      <FRBRWork>\n");
    frbr_core(w, f, NULL, "", "", f->work_date, f->work_date_name, "#sco");
    put(w, "        <FRBRcountry value=\"int\"/>\n        <FRBRsubtype");
    glossa__akn_attrs(w, "value", f->subtype, N);
    put(w, "/>\n        <FRBRname");
    glossa__akn_attrs(w, "value", f->name, N);
    put(w, "/>\n      </FRBRWork>\n      <FRBRExpression>\n");
    frbr_core(w, f, f->lang3, "", "", f->date, f->date_name, "#sco");
    put(w, translation ? "        <FRBRauthoritative value=\"false\"/>\n"
                       : "        <FRBRauthoritative value=\"true\"/>\n");
    put(w, "        <FRBRlanguage");
    glossa__akn_attrs(w, "language", f->lang3, N);
    put(w, "/>\n");
    if (translation) { /* of both authentic texts */
        static const char *const from[] = { "rus", "zho" };
        size_t i;
        for (i = 0; i < 2; i++) {
            put(w, "        <FRBRtranslation");
            glossa__akn_attrs(w, "href", f->work, "/", from[i], "@", f->date, N);
            glossa__akn_attrs(w, "fromLanguage", from[i], N);
            glossa__akn_attrs(w, "by", "#glossa", N);
            put(w, "/>\n");
        }
    }
    put(w, "      </FRBRExpression>\n      <FRBRManifestation>\n");
    frbr_core(w, f, f->lang3, ".xml", ".akn", f->date, "generation", "#glossa");
    put(w, "        <FRBRformat value=\"application/akn+xml\"/>\n"
           "      </FRBRManifestation>\n    </identification>\n");
}
