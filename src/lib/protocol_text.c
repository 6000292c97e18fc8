/*
** protocol_text.c — the pieces of text a draft protocol (protocol.c,
** protocol_table.c) is made of: template sections with their placeholders
** filled, list labels, blocks of the document, the full stop that ends a
** list, and an entry's wording in the protocol's language.
*/
#include "protocol_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *glossa__protocol_term(const struct protocol *p, const struct v_concept *c)
{
    const char *t = glossa__concept_term(c, p->opts->lang);
    t = t ? t : glossa__concept_term(c, "ru");
    return t ? t : c->id;
}

const char *glossa__protocol_fill(struct protocol *p, const char *key, ...)
{
    va_list ap;
    const char *text;
    va_start(ap, key);
    text = glossa__dw_fillv(&p->w, key, ap);
    va_end(ap);
    return text;
}

const char *glossa__protocol_label(struct protocol *p, const char *key, size_t k)
{
    const char *w = glossa__template_word(p->w.tpl, key, k, p->w.doc->arena, &p->w.oom);
    char buf[32];
    if (w || p->w.oom)
        return w ? w : "";
    snprintf(buf, sizeof buf, "%zu", k + 1);
    return glossa__arena_strdup(p->w.doc->arena, buf);
}

void glossa__protocol_section(struct protocol *p, enum doc_kind kind, const char *key,
                              int per_line)
{
    size_t i = p->w.doc->n;
    glossa__dw_paragraphs(&p->w, kind, glossa__template_get(p->w.tpl, key), per_line, key);
    for (; i < p->w.doc->n; i++)
        p->w.doc->blocks[i].change = p->change;
}

void glossa__protocol_block(struct protocol *p, enum doc_kind kind, const char *text)
{
    struct doc_block *b = glossa__dw_block(&p->w, kind, text);
    if (b)
        b->change = p->change;
}

const char *glossa__protocol_final_stop(struct protocol *p, const char *text)
{
    const char *s = glossa__text_final_stop(p->w.doc->arena, p->opts->lang, text);
    if (!s)
        p->w.oom = 1;
    return s ? s : text;
}

const char *glossa__protocol_entry(struct protocol *p, const char *key, const struct v_concept *c)
{
    const char *def = glossa__concept_def(c, p->opts->lang);
    return glossa__protocol_fill(p, key, "term", glossa__protocol_term(p, c), "definition",
                def ? def : glossa__protocol_fill(p, "entry.untranslated", NULL), NULL);
}

static int same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

int glossa__protocol_unchanged(const struct protocol *p, const struct amendment *a)
{
    const char *lang = p->opts->lang;
    return a->kind == AMEND_REPLACE &&
           same(glossa__concept_term(a->old, lang), glossa__concept_term(a->new, lang)) &&
           same(glossa__concept_def(a->old, lang), glossa__concept_def(a->new, lang));
}
