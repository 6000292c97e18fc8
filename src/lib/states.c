/*
** states.c — the member states and their competent authorities, from data
** (glossary/states/member-states.xml, a TEI listOrg: schema/README.md), never
** from the code. Read by the one XML reader (xml_in.c) and checked here: each
** state an ISO 3166-1 alpha-2 code in capitals, once; its name in English,
** Russian and Chinese; its competent authority named, or held empty and
** marked not yet named; the body its law names for information security,
** when a source names one, never without that source (act, article, the
** sentence, the address read, reliability). A state is found by its code in
** any case ("kz": KZ).
*/
#include "glossa_int.h"
#include "xml_in.h"

#include <libxml/tree.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define STATES_MAX 64

struct glossa_states {
    struct glossa_arena *arena;
    glossa_state items[STATES_MAX];
    size_t n;
    char codes[STATES_MAX * 3 + 1];
};

static int attr_is(xmlNodePtr n, const char *name, const xmlChar *ns, const char *value)
{
    xmlChar *v = ns ? xmlGetNsProp(n, (const xmlChar *)name, ns)
                    : xmlGetNoNsProp(n, (const xmlChar *)name);
    int is = value ? v && strcmp((const char *)v, value) == 0 : v != NULL;
    xmlFree(v);
    return is;
}

/* The text of n, spaces around trimmed, in the arena ("" when empty). */
static const char *text_of(struct glossa_arena *a, xmlNodePtr n)
{
    xmlChar *t = xmlNodeGetContent(n);
    const char *s = t ? (const char *)t : "";
    size_t len;
    char *copy;
    s += strspn(s, " \t\r\n");
    for (len = strlen(s); len && strchr(" \t\r\n", s[len - 1]); len--)
        ;
    copy = glossa__arena_strdup(a, "");
    if (copy && len) {
        copy = glossa__arena_strdup(a, s);
        if (copy)
            copy[len] = '\0';
    }
    xmlFree(t);
    return copy;
}

/* The text of n's first TEI child called name ("" when it is absent or empty). */
static const char *child_text(struct glossa_arena *a, xmlNodePtr n, const char *name)
{
    xmlNodePtr c = glossa__tei_child(n, name);
    return c ? text_of(a, c) : glossa__arena_strdup(a, "");
}

/* An <org type="information-security-body">: the body the state's law (or an
** SCO document) names for information security, as the source prints it,
** never without that source: a <bibl> with the act (<title>), the article
** (<citedRange>, optional), the sentence that names it (<quote>), the address
** read (<idno type="url"> or <ptr target>) and its reliability (<note
** type="reliability">, IATE's scale). */
static int read_security_body(struct glossa_states *s, const char *path, glossa_state *st,
                              xmlNodePtr org, glossa_error *err)
{
    struct glossa_arena *a = s->arena;
    xmlNodePtr name = glossa__tei_child(org, "orgName"), bibl = glossa__tei_child(org, "bibl");
    xmlNodePtr c, ptr = bibl ? glossa__tei_child(bibl, "ptr") : NULL;
    xmlChar *lang = name ? xmlGetNsProp(name, (const xmlChar *)"lang", XML_XML_NAMESPACE) : NULL;
    const char *text = name ? text_of(a, name) : "", *act, *range, *quote, *url = NULL;
    const char *rel = NULL;
    char *src;

    if (lang) {
        st->security_body_lang = glossa__arena_strdup(a, (const char *)lang);
        xmlFree(lang);
    }
    if (!text || (lang && !st->security_body_lang))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (!*text || !st->security_body_lang || !glossa_lang_is_valid(st->security_body_lang))
        return glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(name ? name : org), 0,
                                 "an information-security body has its name as the source "
                                 "prints it (<orgName xml:lang=\"…\">)");
    if (!bibl)
        return glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(name), 0,
                                 "information-security body '%s' has no source (a <bibl> with "
                                 "the act, the sentence that names it and the address read)", text);
    act = child_text(a, bibl, "title");
    range = child_text(a, bibl, "citedRange");
    quote = child_text(a, bibl, "quote");
    for (c = bibl->children; c; c = c->next)
        if (glossa__xml_is_tei(c, "idno") && attr_is(c, "type", NULL, "url"))
            url = text_of(a, c);
        else if (glossa__xml_is_tei(c, "note") && attr_is(c, "type", NULL, "reliability"))
            rel = text_of(a, c);
    if (!url && ptr) {
        xmlChar *t = xmlGetNoNsProp(ptr, (const xmlChar *)"target");
        url = glossa__arena_strdup(a, t ? (const char *)t : "");
        xmlFree(t);
    }
    if (!act || !range || !quote)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (!*act || !*quote || !url || !*url)
        return glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(bibl), 0,
                                 "the source of information-security body '%s' has the act "
                                 "(<title>), the sentence that names it (<quote>) and the "
                                 "address read (<idno type=\"url\"> or <ptr target>)", text);
    if (!rel || strlen(rel) != 1 || rel[0] < '1' || rel[0] > '4')
        return glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(bibl), 0,
                                 "the source of information-security body '%s' has its "
                                 "reliability, 1 to 4 (<note type=\"reliability\">)", text);
    src = glossa__arena_alloc(a, strlen(act) + strlen(range) + 3);
    if (!src)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    snprintf(src, strlen(act) + strlen(range) + 3, "%s%s%s", act, *range ? ", " : "", range);
    st->security_body = text;
    st->security_body_source = src;
    st->security_body_url = url;
    st->security_body_quote = quote;
    st->security_body_reliability = rel[0] - '0';
    return 0;
}

/* One <org type="state">. */
static int read_state(struct glossa_states *s, const char *path, xmlNodePtr org,
                      glossa_error *err)
{
    glossa_state *st = &s->items[s->n];
    long line = xmlGetLineNo(org);
    xmlNodePtr c;
    int authorities = 0;
    size_t i;

    memset(st, 0, sizeof *st);
    for (c = org->children; c; c = c->next) {
        const char *text;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (glossa__xml_is_tei(c, "idno") && attr_is(c, "type", NULL, "ISO3166-1")) {
            if (!(text = text_of(s->arena, c)))
                return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
            if (strlen(text) != 2 || text[0] < 'A' || text[0] > 'Z' || text[1] < 'A' ||
                text[1] > 'Z')
                return glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(c), 0,
                                         "a state's code is ISO 3166-1 alpha-2 in capitals "
                                         "(KZ), not '%s'", text);
            for (i = 0; i < s->n; i++)
                if (strcmp(s->items[i].code, text) == 0)
                    return glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(c), 0,
                                             "state %s is listed twice", text);
            st->code = text;
        } else if (glossa__xml_is_tei(c, "orgName")) {
            const char **name = attr_is(c, "lang", XML_XML_NAMESPACE, "en")   ? &st->name_en
                                : attr_is(c, "lang", XML_XML_NAMESPACE, "ru") ? &st->name_ru
                                : attr_is(c, "lang", XML_XML_NAMESPACE, "zh") ? &st->name_zh
                                                                              : NULL;
            if (name && !(*name = text_of(s->arena, c)))
                return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        } else if (glossa__xml_is_tei(c, "org") && attr_is(c, "type", NULL, "competent-authority")) {
            xmlNodePtr on = c->children;
            while (on && !glossa__xml_is_tei(on, "orgName"))
                on = on->next;
            if (!on || !(text = text_of(s->arena, on)))
                return on ? glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory")
                          : glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(c), 0,
                                              "a competent authority has an <orgName> (empty "
                                              "when not yet named)");
            /* never a name made up: empty and marked, or named and not marked */
            if (attr_is(c, "subtype", NULL, "not-yet-named") != (*text == '\0'))
                return glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(c), 0, "%s",
                                         *text ? "a named competent authority is not marked "
                                                 "subtype=\"not-yet-named\""
                                               : "a competent authority without a name is "
                                                 "marked subtype=\"not-yet-named\"");
            st->authority = *text ? text : NULL;
            authorities++;
        } else if (glossa__xml_is_tei(c, "org") &&
                   attr_is(c, "type", NULL, "information-security-body")) {
            int rc;
            if (st->security_body)
                return glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(c), 0,
                                         "a state has at most one <org "
                                         "type=\"information-security-body\">");
            if ((rc = read_security_body(s, path, st, c, err)))
                return rc;
        }
    }
    if (!st->code)
        return glossa__error_set(err, GLOSSA_ESCHEMA, path, line, 0,
                                 "a state has <idno type=\"ISO3166-1\">");
    if (!st->name_en || !*st->name_en || !st->name_ru || !*st->name_ru || !st->name_zh ||
        !*st->name_zh)
        return glossa__error_set(err, GLOSSA_ESCHEMA, path, line, 0,
                                 "state %s has its name in English, Russian and Chinese "
                                 "(<orgName xml:lang=\"en|ru|zh\">)", st->code);
    if (authorities != 1)
        return glossa__error_set(err, GLOSSA_ESCHEMA, path, line, 0,
                                 "state %s has one <org type=\"competent-authority\">", st->code);
    s->n++;
    return 0;
}

int glossa_states_load(glossa_states **out, const char *path, glossa_error *err)
{
    struct glossa_states *s = glossa__calloc(1, sizeof *s);
    xmlDocPtr doc = NULL;
    xmlNodePtr root, list = NULL, org;
    size_t i;
    int rc = 0;

    if (!s || !(s->arena = glossa__arena_new())) {
        glossa__free(s);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if ((rc = glossa__xml_read_file(path, &doc, err)))
        goto done;
    root = xmlDocGetRootElement(doc);
    if (glossa__xml_is_tei(root, "TEI") && attr_is(root, "type", NULL, "states"))
        list = glossa__xml_find(root, "listOrg");
    if (!list || !attr_is(list, "type", NULL, "member-states")) {
        rc = glossa__error_set(err, GLOSSA_ESCHEMA, path, root ? xmlGetLineNo(root) : 0, 0,
                               "not a list of member states: <TEI type=\"states\"> with "
                               "<listOrg type=\"member-states\">");
        goto done;
    }
    for (org = list->children; org && !rc; org = org->next) {
        if (org->type != XML_ELEMENT_NODE)
            continue;
        if (!glossa__xml_is_tei(org, "org") || !attr_is(org, "type", NULL, "state"))
            rc = glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(org), 0,
                                   "<listOrg type=\"member-states\"> holds <org type=\"state\">");
        else if (s->n == STATES_MAX)
            rc = glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(org), 0,
                                   "more than %d states", STATES_MAX);
        else
            rc = read_state(s, path, org, err);
    }
    if (!rc && s->n == 0)
        rc = glossa__error_set(err, GLOSSA_ESCHEMA, path, xmlGetLineNo(list), 0, "no states");
    for (i = 0; i < s->n; i++) { /* "IN IR KZ …": 3 bytes a state */
        memcpy(s->codes + 3 * i, s->items[i].code, 2);
        s->codes[3 * i + 2] = i + 1 < s->n ? ' ' : '\0';
    }
done:
    xmlFreeDoc(doc);
    if (rc) {
        glossa_states_free(s);
        return rc;
    }
    *out = s;
    return 0;
}

size_t glossa_states_count(const glossa_states *s)
{
    return s ? s->n : 0;
}

const glossa_state *glossa_states_get(const glossa_states *s, size_t i)
{
    return s && i < s->n ? &s->items[i] : NULL;
}

const glossa_state *glossa_states_find(const glossa_states *s, const char *code)
{
    size_t i;
    for (i = 0; s && code && i < s->n; i++)
        if (strcasecmp(s->items[i].code, code) == 0)
            return &s->items[i];
    return NULL;
}

const char *glossa_states_codes(const glossa_states *s)
{
    return s ? s->codes : "";
}

void glossa_states_free(glossa_states *s)
{
    if (!s)
        return;
    glossa__arena_free(s->arena);
    glossa__free(s);
}
