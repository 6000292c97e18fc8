/*
** dict_text.c — how the DICT server writes: quoted words for status lines,
** text lines dot-stuffed and ended in CRLF (RFC 2229 2.4), a paragraph as one
** line that the client wraps to its window (GoldenDict, a terminal), split
** only where it would pass the RFC's 1024 characters, right-to-left text
** isolated in its left-to-right line (FSI…PDI, and LRM first on a line that
** would begin with it, so that GoldenDict does not turn the line around),
** and one concept as the text of a DEFINE answer, with its reliability, how
** the word was read (a keyboard layout, a term inside it) and the member
** states' legal definitions of it (quoted, with their citation);
** and the languages a database can be about, which those texts name. It
** does not look anything up (dict_search.c) or read commands (dict.c), and
** calls neither.
*/
#include "dict_int.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Bytes of one text line before its CRLF: within the RFC's 1024 characters
** with a stuffed dot and CRLF, and within 1024 bytes for clients that count
** bytes. */
#define DICT_TEXT_MAX 1000
#define DICT_MAX_ISOLATES 4 /* FSI…PDI nested in one line, closed and reopened at a split */

static const char lrm[] = "\xE2\x80\x8E", fsi[] = "\xE2\x81\xA8", pdi[] = "\xE2\x81\xA9";

const struct dict_language glossa__dict_languages[DICT_N_LANGS] = {
    { "ru", "Russian" }, { "zh", "Chinese" }, { "en", "English" },    { "kk", "Kazakh" },
    { "ky", "Kyrgyz" },  { "tg", "Tajik" },   { "uz", "Uzbek" },      { "hi", "Hindi" },
    { "ur", "Urdu" },    { "fa", "Persian" }, { "be", "Belarusian" },
};

/* Bytes of s to show in n at most, not cutting a UTF-8 character. */
static size_t utf8_cut(const char *s, size_t len, size_t n)
{
    if (len <= n)
        return len;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* A quoted string for a status line: "…" with \ and " escaped, any control
** character (which would break the line) as a space, and at most 900 bytes
** of s, so that the line keeps within the RFC's 1024. */
int glossa__dict_quoted(struct glossa_buf *r, const char *s)
{
    const char *end = s ? s + utf8_cut(s, strlen(s), 900) : NULL;
    if (glossa__buf_add(r, "\"", 1))
        return GLOSSA_ENOMEM;
    for (; s && s < end; s++) {
        char c = (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s;
        if (((c == '"' || c == '\\') && glossa__buf_add(r, "\\", 1)) || glossa__buf_add(r, &c, 1))
            return GLOSSA_ENOMEM;
    }
    return glossa__buf_add(r, "\"", 1);
}

/* One line of a text answer: dot-stuffed (RFC 2229 2.4.1), CRLF. */
int glossa__dict_line(struct glossa_buf *r, const char *s, size_t n)
{
    if ((n && s[0] == '.' && glossa__buf_add(r, ".", 1)) || glossa__buf_add(r, s, n) ||
        glossa__buf_add(r, "\r\n", 2))
        return GLOSSA_ENOMEM;
    return 0;
}

int glossa__dict_linef(struct glossa_buf *r, const char *fmt, ...)
{
    char line[GLOSSA_DICT_LINE_MAX];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return GLOSSA_ERROR;
    /* room for a stuffed dot and CRLF */
    return glossa__dict_line(r, line, utf8_cut(line, strlen(line), sizeof line - 3));
}

/* 1 when s has a right-to-left letter (Arabic script: Persian, Urdu). */
static int has_rtl(const char *s)
{
    int32_t i = 0, n = s ? (int32_t)strlen(s) : 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, n, c);
        if (c >= 0 && (u_charDirection(c) == U_RIGHT_TO_LEFT ||
                       u_charDirection(c) == U_RIGHT_TO_LEFT_ARABIC))
            return 1;
    }
    return 0;
}

/* s, between FSI and PDI when it has right-to-left text: in the left-to-right
** line it keeps its own direction and its neighbours theirs (UAX #9). The
** index never holds a bidi control (textchars.c), so these are all there are,
** and always in pairs. */
static int isolated(struct glossa_buf *r, const char *s)
{
    int rtl = has_rtl(s);
    if ((rtl && glossa__buf_adds(r, fsi)) || glossa__buf_adds(r, s ? s : "") ||
        (rtl && glossa__buf_adds(r, pdi)))
        return GLOSSA_ENOMEM;
    return 0;
}

/* s isolated (as isolated() writes it) in b, for a line put together with
** glossa__buf_addf; "" and *oom set when out of memory. */
static const char *iso(struct glossa_buf *b, const char *s, int *oom)
{
    glossa__buf_clear(b);
    if (isolated(b, s)) {
        *oom = 1;
        return "";
    }
    return glossa__buf_str(b);
}

/* One line of a paragraph: the isolates still open at its end are closed (a
** line is a paragraph to the client), and a line whose first letter would
** be a right-to-left one (an isolate first) gets an LRM first. */
static int para_line(struct glossa_buf *r, const char *line, size_t n, int open)
{
    struct glossa_buf l = GLOSSA_BUF_INIT;
    size_t lead = 0;
    int rc;
    while (lead < n && line[lead] == ' ')
        lead++;
    rc = glossa__buf_add(&l, line, lead) ||
         (n - lead >= 3 && memcmp(line + lead, fsi, 3) == 0 && glossa__buf_adds(&l, lrm)) ||
         glossa__buf_add(&l, line + lead, n - lead);
    while (!rc && open-- > 0)
        rc = glossa__buf_adds(&l, pdi);
    rc = rc || glossa__dict_line(r, l.data, l.len);
    glossa__buf_release(&l);
    return rc ? GLOSSA_ENOMEM : 0;
}

/* A paragraph as one line: `first`, then text with runs of white space (and
** any control character) as one space. No wrapping: the client wraps to its
** window (RFC 2229 leaves formatting to it; text wrapped here came out ragged
** in a wide window). A paragraph longer than DICT_TEXT_MAX bytes goes on over
** more lines, indented by `indent` spaces, broken at a space, else between
** CJK characters, else between characters; an isolate open at a break is
** closed there and reopened after the indentation. */
int glossa__dict_para(struct glossa_buf *r, const char *first, size_t indent, const char *text)
{
    char line[DICT_TEXT_MAX + 3 * DICT_MAX_ISOLATES + 8];
    size_t len, brk = 0, i = 0, n = text ? strlen(text) : 0;
    int prev_wide = 0, open = 0, open_at_brk = 0, dropped = 0;

    len = strlen(first) < 200 ? strlen(first) : 200;
    memcpy(line, first, len);
    indent = indent < 200 ? indent : 200;
    while (i < n) {
        int32_t at = (int32_t)i;
        UChar32 c;
        size_t clen;
        int space, wide;
        U8_NEXT((const uint8_t *)text, at, (int32_t)n, c);
        clen = (size_t)at - i;
        space = c >= 0 && (c <= 0x20 || c == 0x7f);
        if (space && (len == 0 || line[len - 1] == ' ')) {
            i += clen;
            continue;
        }
        wide = !space && c >= 0 && glossa__cp_width(c) == 2;
        if ((wide || prev_wide) && len > 0 && line[len - 1] != ' ') {
            brk = len;
            open_at_brk = open;
        }
        if (space) {
            brk = len;
            open_at_brk = open;
        }
        while (len + clen > DICT_TEXT_MAX) { /* the line is full: break it */
            size_t cut = brk > indent ? brk : len, end = cut, rest = cut, k;
            int reopen = brk > indent ? open_at_brk : open;
            while (end > 0 && line[end - 1] == ' ')
                end--;
            if (para_line(r, line, end, reopen))
                return GLOSSA_ENOMEM;
            while (rest < len && line[rest] == ' ')
                rest++;
            memmove(line + indent + 3 * (size_t)reopen, line + rest, len - rest);
            memset(line, ' ', indent);
            for (k = 0; k < (size_t)reopen; k++)
                memcpy(line + indent + 3 * k, fsi, 3);
            len = indent + 3 * (size_t)reopen + len - rest;
            brk = 0;
        }
        if (space) {
            line[len++] = ' ';
        } else if ((c == 0x2068 && (open >= DICT_MAX_ISOLATES || dropped)) ||
                   (c == 0x2069 && dropped)) {
            dropped += c == 0x2068 ? 1 : -1; /* nested too deep (never so), with its PDI */
            i += clen;
            continue;
        } else {
            memcpy(line + len, text + i, clen);
            len += clen;
            open += c == 0x2068 ? 1 : c == 0x2069 && open > 0 ? -1 : 0;
        }
        i += clen;
        prev_wide = wide;
    }
    while (len > 0 && line[len - 1] == ' ')
        len--;
    return len ? para_line(r, line, len, open) : 0;
}

/* As dictd does: a definition gets a full header; lists and information an
** empty one (only the blank line), which is what clients such as GoldenDict
** expect before the lines of a MATCH answer. */
int glossa__dict_mime(const glossa_dict_session *s, struct glossa_buf *r, int definition)
{
    if (!s->mime)
        return 0;
    return glossa__buf_adds(r, definition ? "Content-type: text/plain; charset=utf-8\r\n"
                                            "Content-transfer-encoding: 8bit\r\n\r\n"
                                          : "\r\n");
}

/* One definition of a member state's act, after a blank line: "law CC
** (lang) term — relation", the statutory text, then where it is quoted from
** (act, article, edition, translator or the act's own text, reliability,
** address), each a line. */
static int dict_legal(struct glossa_buf *r, const glossa_legal *l)
{
    struct glossa_buf line = GLOSSA_BUF_INIT, a = GLOSSA_BUF_INIT, b = GLOSSA_BUF_INIT;
    char *act = glossa_legal_cite(l);
    int rc = !act, oom = 0;
    if (!rc)
        rc = glossa__buf_addf(&line, "law %s (%s) %s — %s", l->state, l->lang,
                              iso(&a, l->term, &oom), glossa_relation_label(l->relation)) ||
             glossa__dict_line(r, "", 0) || glossa__dict_para(r, "  ", 6, line.data) ||
             glossa__dict_para(r, "      ", 6, iso(&a, l->text, &oom));
    glossa__buf_clear(&line);
    if (!rc)
        rc = glossa__buf_addf(&line, "[statutory text, quoted from %s%s%s; %s%s; reliability %d "
                              "of 4 (%s)]", iso(&a, act, &oom), l->version ? ", edition of " : "",
                              l->version ? l->version : "",
                              l->translation ? "translation: " : "the act's own text",
                              l->translation ? iso(&b, l->translation, &oom) : "", l->reliability,
                              glossa_reliability_label(l->reliability)) ||
             glossa__dict_para(r, "      ", 6, line.data);
    glossa__buf_clear(&line);
    if (!rc)
        rc = glossa__buf_addf(&line, "%s]", l->url ? l->url : "") ||
             glossa__dict_para(r, "      [read at ", 6, line.data);
    glossa__buf_release(&line);
    glossa__buf_release(&a);
    glossa__buf_release(&b);
    glossa_free(act);
    return rc || oom ? GLOSSA_ENOMEM : 0;
}

/* How the word was read, when not as it is, as lookup says it: the keyboard
** layout it was typed in, the words of it where the term was found, or that
** no term is the word and the concept's definition or a note uses it (DICT
** searches terms only: a full-text hit is lookup's "see also"). */
static int dict_how(struct glossa_buf *r, const glossa_hit *h, const char *word)
{
    struct glossa_buf line = GLOSSA_BUF_INIT, a = GLOSSA_BUF_INIT, part = GLOSSA_BUF_INIT;
    const char *typed = glossa_layout_title(h->layout_typed);
    const char *read = glossa_layout_title(h->layout_read);
    int rc = 0, oom = 0;

    if (h->layout_text)
        rc = glossa__buf_addf(&line, "layout: typed in %s, read in %s as «%s»", typed ? typed : "?",
                              read ? read : "?", iso(&a, h->layout_text, &oom));
    else if (h->how == GLOSSA_MATCH_WITHIN && word && h->within_start < h->within_end &&
             h->within_end <= strlen(word))
        rc = glossa__buf_add(&part, word + h->within_start, h->within_end - h->within_start) ||
             glossa__buf_addf(&line, "within: found in the query as «%s»; the terms of a whole "
                              "text: glossa scan FILE", iso(&a, glossa__buf_str(&part), &oom));
    else if (h->how == GLOSSA_MATCH_FULLTEXT)
        rc = glossa__buf_addf(&line, "see also: no term is «%s»; this concept's definition or a "
                              "note uses it", iso(&a, word, &oom));
    if (!rc && line.len)
        rc = glossa__dict_para(r, "  ", 2, glossa__buf_str(&line));
    glossa__buf_release(&line);
    glossa__buf_release(&a);
    glossa__buf_release(&part);
    return rc || oom ? GLOSSA_ENOMEM : 0;
}

/* The text of one definition of word: for "all" the whole concept, for a
** pair the equivalents in the target language with their definitions and
** the member states' legal definitions in it; how word was read when it was
** not read as it is. As lookup does, definitions fall back to the authentic
** ones (ru, zh), notes to English. */
int glossa__dict_concept(struct glossa_buf *r, const glossa_hit *h, const struct dict_db *db,
                         const char *word)
{
    const char *to = db->dst >= 0 ? DICT_LANG(db->dst).tag : NULL;
    const char *def_langs = to, *note_langs = to;
    struct glossa_buf line = GLOSSA_BUF_INIT, a = GLOSSA_BUF_INIT, b = GLOSSA_BUF_INIT;
    /* the headword: the term that matched; for "see also" (a definition or
    ** note matched) the concept's first term, not the definition */
    int see = h->how == GLOSSA_MATCH_FULLTEXT && h->n_terms;
    const char *head = see ? h->terms[0].text : h->match_text;
    const char *head_lang = see ? h->terms[0].lang : h->match_lang;
    char label[64];
    size_t i, lw = 2;
    int rc = 0, any = 0, oom = 0;

    if (glossa__buf_addf(&line, "%s (%s)%s%s", iso(&a, head, &oom),
                         head_lang ? head_lang : "?", to ? " -> " : "",
                         to ? DICT_LANG(db->dst).name : "") ||
        glossa__dict_para(r, "", 4, line.data))
        rc = GLOSSA_ENOMEM;
    if (!rc)
        rc = glossa__dict_linef(r, "  [%s]  %s, %s (reliability %d of 4)", h->id,
                                strcmp(h->status, "in-force") == 0 ? "in force" : h->status,
                                glossa_reliability_label(h->reliability), h->reliability);
    if (!rc)
        rc = dict_how(r, h, word);
    if (!rc)
        rc = glossa__dict_line(r, "", 0);
    for (i = 0; i < h->n_terms; i++)
        if ((!to || glossa__lang_matches(h->terms[i].lang, to)) && strlen(h->terms[i].lang) > lw)
            lw = strlen(h->terms[i].lang);
    for (i = 0; !rc && i < h->n_terms; i++) {
        const glossa_term *t = &h->terms[i];
        if (to && !glossa__lang_matches(t->lang, to))
            continue;
        glossa__buf_clear(&line);
        snprintf(label, sizeof label, "  %-*s  ", (int)lw, t->lang);
        if (glossa__buf_addf(&line, "%s (%s%s%s%s%s%s)", iso(&a, t->text, &oom), t->status,
                             t->term_type ? ", " : "", t->term_type ? t->term_type : "",
                             t->working ? ", working translation" : "", t->geo ? ", " : "",
                             t->geo ? t->geo : "") ||
            glossa__dict_para(r, label, lw + 4, line.data))
            rc = GLOSSA_ENOMEM;
    }
    for (i = 0; to && i < h->n_definitions; i++)
        any |= glossa__lang_matches(h->definitions[i].lang, to);
    if (to && !any)
        def_langs = "ru,zh";
    for (i = 0; !rc && i < h->n_definitions; i++) {
        const glossa_definition *d = &h->definitions[i];
        const char *note = glossa_basis_note(d->basis);
        if (def_langs && !glossa__lang_in_list(d->lang, def_langs))
            continue;
        glossa__buf_clear(&line);
        snprintf(label, sizeof label, "  def %s: ", d->lang);
        if (glossa__dict_line(r, "", 0) || glossa__dict_para(r, label, 6, iso(&a, d->text, &oom)) ||
            glossa__buf_addf(&line, "[source: %s%s%s]",
                             d->source ? iso(&a, d->source, &oom) : "unknown", note ? "; " : "",
                             note ? note : "") ||
            glossa__dict_para(r, "      ", 6, line.data))
            rc = GLOSSA_ENOMEM;
    }
    for (i = 0; !rc && i < h->n_legal; i++)
        if (!to || glossa__lang_matches(h->legal[i].lang, to))
            rc = dict_legal(r, &h->legal[i]);
    for (any = 0, i = 0; to && i < h->n_notes; i++)
        any |= glossa__lang_matches(h->notes[i].lang, to);
    if (to && !any)
        note_langs = "en";
    for (i = 0; !rc && i < h->n_notes; i++) {
        if (note_langs && !glossa__lang_in_list(h->notes[i].lang, note_langs))
            continue;
        rc = glossa__dict_line(r, "", 0);
        if (!rc)
            rc = glossa__dict_para(r, "  note: ", 8, iso(&a, h->notes[i].text, &oom));
    }
    for (i = 0; !rc && i < h->n_contexts; i++) {  /* the first context in the target */
        const glossa_context *c = &h->contexts[i];
        if (to && !glossa__lang_in_list(c->lang, to))
            continue;
        glossa__buf_clear(&line);
        rc = glossa__buf_addf(&line, "«%s»%s%s%s", iso(&a, c->text, &oom), c->source ? " (" : "",
                              c->source ? iso(&b, c->source, &oom) : "", c->source ? ")" : "") ||
             glossa__dict_line(r, "", 0) ||
             glossa__dict_para(r, "  context: ", 11, glossa__buf_str(&line));
        break;
    }
    if (!rc && h->n_xrefs) {
        glossa__buf_clear(&line);
        for (i = 0; !rc && i < h->n_xrefs; i++)
            rc = glossa__buf_addf(&line, "%s%s%s%s (%s)", i ? "; " : "",
                                  strcmp(h->xrefs[i].type, "related") == 0 ? "" : h->xrefs[i].type,
                                  strcmp(h->xrefs[i].type, "related") == 0 ? "" : " ",
                                  iso(&a, h->xrefs[i].label ? h->xrefs[i].label
                                                            : h->xrefs[i].target, &oom),
                                  h->xrefs[i].target);
        rc = rc || glossa__dict_line(r, "", 0) ||
             glossa__dict_para(r, "  see also: ", 12, glossa__buf_str(&line));
    }
    if (!rc && h->instrument) {
        rc = glossa__dict_line(r, "", 0);
        if (!rc)
            rc = glossa__dict_para(r, "  from: ", 8, iso(&a, h->instrument, &oom));
    }
    glossa__buf_release(&line);
    glossa__buf_release(&a);
    glossa__buf_release(&b);
    return rc ? rc : oom ? GLOSSA_ENOMEM : 0;
}

void glossa__dict_description(const struct dict_db *db, char *out, size_t n)
{
    if (db->src < 0)
        snprintf(out, n, "glossa: " DICT_TITLE ", all languages");
    else
        snprintf(out, n, "glossa: %s -> %s", DICT_LANG(db->src).name, DICT_LANG(db->dst).name);
}
