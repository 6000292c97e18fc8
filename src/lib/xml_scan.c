/*
** xml_scan.c — the small tokenizer every byte of untrusted XML passes in the
** read callback of xml_in.c, before libxml2 parses it: it follows tags,
** attributes, comments, CDATA and processing instructions just far enough to
** count the attributes and namespace declarations of each element (libxml2
** checks them for duplicates in quadratic time, before any callback could see
** the element) and refuses an element with more than XML_IN_MAX_ATTRIBUTES,
** naming it and its line.
*/
#include "xml_in.h"

#include <unicode/utf8.h>

#include <string.h>

enum { S_TEXT, S_LT, S_BANG, S_COMMENT, S_CDATA, S_DECL, S_PI, S_ETAG, S_NAME, S_TAG,
       S_ATTR, S_EQ, S_VALUE_START, S_VALUE };

static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The element's name, valid UTF-8 (or "an element"). */
static void refuse_tag(struct xml_in *in, const char *what)
{
    struct xml_scan *s = &in->scan;
    int32_t i = 0, len = (int32_t)s->name_len;
    UChar32 c = 0;
    while (i < len && c >= 0)
        U8_NEXT((const uint8_t *)s->name, i, len, c);
    s->name[s->name_len] = '\0';
    glossa__xml_in_report(in, GLOSSA_EINPUT, s->tag_line, 0,
                          "%s%s%s has more than %d %s (glossa's limit): refused",
                          c >= 0 && len ? "<" : "", c >= 0 && len ? s->name : "an element",
                          c >= 0 && len ? ">" : "", XML_IN_MAX_ATTRIBUTES, what);
    in->refused = 1;
}

static void name_add(struct xml_scan *s, int c)
{
    char tmp[4];
    int32_t k = 0;
    UBool bad = 0;
    if (s->name_full)
        return;
    if (!s->wide) {
        if ((c & 0xC0) != 0x80 && s->name_len + 4 >= sizeof s->name) {
            s->name_full = 1;
            return;
        }
        if (s->name_len + 1 < sizeof s->name)
            s->name[s->name_len++] = (char)c;
        return;
    }
    if (U_IS_SURROGATE(c))
        c = '?';
    U8_APPEND((uint8_t *)tmp, k, 4, c, bad);
    if (bad || s->name_len + (size_t)k + 1 >= sizeof s->name) {
        s->name_full = 1;
        return;
    }
    memcpy(s->name + s->name_len, tmp, (size_t)k);
    s->name_len += (size_t)k;
}

/* The attribute's name ended: a namespace declaration or an attribute. */
static int attr_done(struct xml_in *in)
{
    struct xml_scan *s = &in->scan;
    s->attr[s->attr_len] = '\0';
    if (strcmp(s->attr, "xmlns") == 0 || strncmp(s->attr, "xmlns:", 6) == 0) {
        if (++s->nsdecls > XML_IN_MAX_ATTRIBUTES) {
            refuse_tag(in, "namespace declarations");
            return -1;
        }
    } else if (++s->attrs > XML_IN_MAX_ATTRIBUTES) {
        refuse_tag(in, "attributes");
        return -1;
    }
    return 0;
}
/* One code unit: 0, or -1 when the input is refused (reported). */
int glossa__xml_scan_unit(struct xml_in *in, int c)
{
    struct xml_scan *s = &in->scan;
    if (c == '\n')
        s->line++;
again:
    switch (s->state) {
    case S_TEXT:
        if (c == '<')
            s->state = S_LT;
        break;
    case S_LT:
        s->match = 0;
        if (c == '!') {
            s->state = S_BANG;
        } else if (c == '?') {
            s->state = S_PI;
        } else if (c == '/') {
            s->state = S_ETAG;
        } else if (!is_space(c) && c != '>' && c != '<') {
            s->state = S_NAME;
            s->tag_line = s->line + 1;
            s->attrs = s->nsdecls = 0;
            s->name_len = 0;
            s->name_full = 0;
            name_add(s, c);
        } else {
            s->state = S_TEXT;
            goto again;
        }
        break;
    case S_BANG:
        if (c == '-' && s->match == 0) {
            s->match = 1;
        } else if (c == '-' && s->match == 1) {
            s->state = S_COMMENT;
            s->match = 0;
        } else if (c == '[' && s->match == 0) {
            s->state = S_CDATA;
        } else {
            s->state = S_DECL;
            s->quote = s->depth = 0;
            goto again;
        }
        break;
    case S_COMMENT: /* to "-->" */
    case S_CDATA:   /* to "]]>" */
        if (c == (s->state == S_COMMENT ? '-' : ']'))
            s->match++;
        else if (c == '>' && s->match >= 2)
            s->state = S_TEXT;
        else
            s->match = 0;
        break;
    case S_PI:
        if (c == '>' && s->match)
            s->state = S_TEXT;
        s->match = c == '?';
        break;
    case S_DECL:
        if (s->quote) {
            if (c == s->quote)
                s->quote = 0;
        } else if (c == '"' || c == '\'') {
            s->quote = c;
        } else if (c == '[') {
            s->depth++;
        } else if (c == ']') {
            s->depth--;
        } else if (c == '>' && s->depth <= 0) {
            s->state = S_TEXT;
        }
        break;
    case S_ETAG:
        if (c == '>')
            s->state = S_TEXT;
        break;
    case S_NAME:
        if (is_space(c) || c == '/') {
            s->state = S_TAG;
        } else if (c == '>') {
            s->state = S_TEXT;
        } else {
            name_add(s, c);
        }
        break;
    case S_TAG:
        if (c == '>') {
            s->state = S_TEXT;
        } else if (!is_space(c) && c != '/') {
            s->state = S_ATTR;
            s->attr_len = 0;
            s->attr[s->attr_len++] = (char)(c < 0x80 ? c : '?');
        }
        break;
    case S_ATTR:
        if (c == '=' || is_space(c)) {
            if (attr_done(in))
                return -1;
            s->state = c == '=' ? S_VALUE_START : S_EQ;
        } else if (c == '>' || c == '/') {
            s->state = S_TAG; /* malformed: libxml2 says so */
            goto again;
        } else if (s->attr_len + 1 < sizeof s->attr) {
            s->attr[s->attr_len++] = (char)(c < 0x80 ? c : '?');
        }
        break;
    case S_EQ:
        if (c == '=') {
            s->state = S_VALUE_START;
        } else if (!is_space(c)) {
            s->state = S_TAG;
            goto again;
        }
        break;
    case S_VALUE_START:
        if (c == '"' || c == '\'') {
            s->quote = c;
            s->state = S_VALUE;
        } else if (!is_space(c)) {
            s->state = S_TAG;
            goto again;
        }
        break;
    case S_VALUE:
        if (c == s->quote)
            s->state = S_TAG;
        break;
    }
    return 0;
}
