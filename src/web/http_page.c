/*
** http_page.c — the HTML pages of `glossa serve --http`, rendered on the
** server so that they work without JavaScript: the search page (/?q=…, the
** same results the page's script builds from /api/lookup, and how the query
** matched when not as it is: a typo, a keyboard layout, terms inside it), a
** concept whole (/c/ID; a notion of the study of national legislation too;
** with either, its member states' legal definitions, quoted as statutory
** text), the proposals and where they stand (/status), and error pages.
** Every page is the embedded template (export/web/index.html) with its
** markers filled in. Every value from the glossary or the request goes
** through esc(); every term, definition and note carries its lang (and
** dir="rtl" for Persian and Urdu), and text of no language of its own (a
** citation, a label, the query in the status message) has each run of
** another script in a <span lang> (mark_langs). Dates, status and sources are worded as
** the CLI words them (src/common/render.c). Every page has one <h1>; language
** codes carry their names (<abbr title>, ICU's); terms and definitions come in
** the order of the languages picked, a language picked that a concept lacks
** said; results cut at the limit say how many there are and link to the rest;
** no result gives next steps; a concept reached from a search keeps the query
** and is headed in the language the query matched.
*/
#include "http.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#define HTML_TYPE "text/html; charset=utf-8"

enum { M_TITLE, M_SKIP, M_Q, M_LANGUAGES, M_HEADING, M_MESSAGE, M_BODY, M_COUNT };
static const char *const marker_names[M_COUNT] = { "title", "skip", "q", "languages", "heading",
                                                   "message", "body" };

/* The template cut at its markers: text, then the marker that follows (-1 at the end). */
static struct piece {
    const char *text;
    size_t len;
    int marker;
} pieces[M_COUNT + 1];
static size_t n_pieces;
static const char *style_text, *script_text;
static size_t style_len, script_len;

/* The member languages offered in the picker, with their names in themselves. */
static const struct { const char *tag, *name; } languages[] = {
    { "ru", "Русский" }, { "zh", "中文" }, { "en", "English" }, { "kk", "Қазақша" },
    { "ky", "Кыргызча" }, { "tg", "Тоҷикӣ" }, { "uz", "Oʻzbekcha" }, { "hi", "हिन्दी" },
    { "ur", "اردو" }, { "fa", "فارسی" }, { "be", "Беларуская" },
};

/* The text of the one element between open and close; NULL when there is not exactly one. */
static const char *element_text(const char *page, const char *open, const char *close,
                                size_t *len)
{
    const char *a = strstr(page, open), *b;
    if (!a)
        return NULL;
    a += strlen(open);
    b = strstr(a, close);
    if (!b || strstr(b, open))
        return NULL;
    *len = (size_t)(b - a);
    return a;
}

static int inside(const char *p, const char *start, size_t len)
{
    return p >= start && p < start + len;
}

int http_page_init(char *msg, size_t msg_size)
{
    const char *p = glossa_web_index, *open;
    int seen[M_COUNT] = { 0 }, m;

    style_text = element_text(glossa_web_index, "<style>", "</style>", &style_len);
    script_text = element_text(glossa_web_index, "<script>", "</script>", &script_len);
    if (!style_text || !script_text) {
        snprintf(msg, msg_size, "the embedded page needs exactly one <style> and one <script>");
        return -1;
    }
    n_pieces = 0;
    while ((open = strstr(p, "{{"))) {
        const char *close = strstr(open + 2, "}}");
        for (m = 0; close && m < M_COUNT; m++)
            if ((size_t)(close - open - 2) == strlen(marker_names[m]) &&
                memcmp(open + 2, marker_names[m], strlen(marker_names[m])) == 0)
                break;
        if (!close || m == M_COUNT || seen[m]++ || inside(open, style_text, style_len) ||
            inside(open, script_text, script_len)) {
            snprintf(msg, msg_size, "the embedded page has an unknown, repeated or misplaced "
                     "marker at byte %zu", (size_t)(open - glossa_web_index));
            return -1;
        }
        pieces[n_pieces].text = p;
        pieces[n_pieces].len = (size_t)(open - p);
        pieces[n_pieces++].marker = m;
        p = close + 2;
    }
    pieces[n_pieces].text = p;
    pieces[n_pieces].len = strlen(p);
    pieces[n_pieces++].marker = -1;
    for (m = 0; m < M_COUNT; m++)
        if (!seen[m]) {
            snprintf(msg, msg_size, "the embedded page lacks the marker {{%s}}", marker_names[m]);
            return -1;
        }
    return 0;
}

const char *http_page_style(size_t *len)
{
    *len = style_len;
    return style_text;
}

const char *http_page_script(size_t *len)
{
    *len = script_len;
    return script_text;
}

/* ---- escaping ---------------------------------------------------------------------- */

/* n bytes of s as HTML text or attribute value (quoted with "). */
static void esc_n(FILE *f, const char *s, size_t n)
{
    for (; s && n--; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* s as HTML text or attribute value. */
static void esc(FILE *f, const char *s)
{
    esc_n(f, s, s ? strlen(s) : 0);
}

/* s percent-encoded for a URL (everything but the unreserved characters). */
static void url(FILE *f, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    for (; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~')
            fputc(*p, f);
        else
            fprintf(f, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
}

static int is_rtl(const char *lang)
{
    size_t n = strcspn(lang, "-");
    return n == 2 && (strncasecmp(lang, "fa", 2) == 0 || strncasecmp(lang, "ur", 2) == 0);
}

/* lang="…" and dir="rtl" for the right-to-left languages; nothing for NULL. */
static void lang_attr(FILE *f, const char *lang)
{
    if (!lang)
        return;
    fputs(" lang=\"", f);
    esc(f, lang);
    fputc('"', f);
    if (is_rtl(lang))
        fputs(" dir=\"rtl\"", f);
}

/* The English name of a language tag ("Chinese (Traditional, Taiwan)" for
** zh-Hant-TW), ICU's as the page's script has it from Intl.DisplayNames; the
** tag itself when ICU has none. */
static const char *lang_name(const char *tag, char *buf, size_t size)
{
    UChar u[128];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uloc_getDisplayName(tag, "en", u, 128, &status), len = 0;
    if (U_FAILURE(status) || n <= 0 || n >= 128)
        return tag;
    u_strToUTF8(buf, (int32_t)size, &len, u, n, &status);
    if (U_FAILURE(status) || len <= 0 || (size_t)len >= size)
        return tag;
    buf[len] = '\0';
    return buf;
}

/* A language tag as the page shows it: the code, its name in <abbr title>. */
static void lang_code(FILE *f, const char *tag)
{
    char buf[256];
    fputs("<abbr title=\"", f);
    esc(f, lang_name(tag, buf, sizeof buf));
    fputs("\">", f);
    esc(f, tag);
    fputs("</abbr>", f);
}

/* ---- the language of parts -------------------------------------------------------- */

/* The scripts glossa's languages are written in; 0 for none (digits,
** spaces, punctuation, symbols, marks of no one script). The page's script
** has the same table (export/web/index.html, SCRIPTS). */
enum { S_NONE, S_LATN, S_CYRL, S_HANI, S_ARAB, S_DEVA };
static const struct { unsigned from, to; int script; } script_ranges[] = {
    { 0x41, 0x5A, S_LATN }, { 0x61, 0x7A, S_LATN }, { 0xC0, 0xD6, S_LATN },
    { 0xD8, 0xF6, S_LATN }, { 0xF8, 0x24F, S_LATN }, { 0x1E00, 0x1EFF, S_LATN },
    { 0x400, 0x52F, S_CYRL }, { 0x1C80, 0x1C8F, S_CYRL }, { 0x2DE0, 0x2DFF, S_CYRL },
    { 0xA640, 0xA69F, S_CYRL },
    { 0x3005, 0x3007, S_HANI }, { 0x3400, 0x4DBF, S_HANI }, { 0x4E00, 0x9FFF, S_HANI },
    { 0xF900, 0xFAFF, S_HANI }, { 0x20000, 0x3134F, S_HANI },
    { 0x620, 0x65F, S_ARAB }, { 0x66E, 0x6D3, S_ARAB }, { 0x6D5, 0x6EF, S_ARAB },
    { 0x6FA, 0x6FF, S_ARAB }, { 0x750, 0x77F, S_ARAB }, { 0x8A0, 0x8FF, S_ARAB },
    { 0xFB50, 0xFDFF, S_ARAB }, { 0xFE70, 0xFEFF, S_ARAB },
    { 0x900, 0x963, S_DEVA }, { 0x970, 0x97F, S_DEVA }, { 0xA8E0, 0xA8FF, S_DEVA },
};

static int script_of(unsigned c)
{
    size_t i;
    for (i = 0; i < sizeof script_ranges / sizeof script_ranges[0]; i++)
        if (c >= script_ranges[i].from && c <= script_ranges[i].to)
            return script_ranges[i].script;
    return S_NONE;
}

/* The code point at s[i] (a byte that is not UTF-8 reads as itself); returns the next i. */
static size_t utf8_at(const char *s, size_t i, size_t n, unsigned *c)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = u[i] >= 0xF0 ? 4 : u[i] >= 0xE0 ? 3 : u[i] >= 0xC0 ? 2 : 1, k;
    if (i + len > n)
        len = 1;
    *c = len == 1 ? u[i] : u[i] & (0x7F >> len);
    for (k = 1; k < len; k++)
        *c = *c << 6 | (u[i + k] & 0x3F);
    return i + len;
}

/* The script a language tag is written in: its script subtag, else its language's. */
static int lang_script(const char *lang)
{
    static const struct { const char *tag; int script; } known[] = {
        { "Cyrl", S_CYRL }, { "Latn", S_LATN }, { "Hant", S_HANI }, { "Hans", S_HANI },
        { "Arab", S_ARAB }, { "Deva", S_DEVA }, { "ru", S_CYRL }, { "kk", S_CYRL },
        { "ky", S_CYRL }, { "tg", S_CYRL }, { "be", S_CYRL }, { "uz", S_LATN },
        { "en", S_LATN }, { "zh", S_HANI }, { "fa", S_ARAB }, { "ur", S_ARAB }, { "hi", S_DEVA },
    };
    const char *sub = lang;
    size_t i, n, pass;
    for (pass = 0; pass < 2 && lang; pass++) /* a script subtag first, then the language */
        for (sub = lang; *sub; sub += n + (sub[n] == '-')) {
            n = strcspn(sub, "-");
            for (i = 0; i < sizeof known / sizeof known[0]; i++)
                if (strlen(known[i].tag) == n && n == (pass ? 2u : 4u) &&
                    strncasecmp(sub, known[i].tag, n) == 0)
                    return known[i].script;
            if (pass)
                break; /* the language is the first subtag */
        }
    return S_NONE;
}

/* The language of a run of letters of script: the member language written
** in it (Urdu when the run has a letter Persian lacks). */
static const char *script_lang(int script, const char *run, size_t n)
{
    static const unsigned urdu[] = { 0x679, 0x688, 0x691, 0x6BA, 0x6BE, 0x6C1, 0x6D2 };
    size_t i, k;
    unsigned c;
    switch (script) {
    case S_LATN: return "en";
    case S_CYRL: return "ru";
    case S_HANI: return "zh";
    case S_DEVA: return "hi";
    default:
        for (i = 0; i < n;) {
            i = utf8_at(run, i, n, &c);
            for (k = 0; k < sizeof urdu / sizeof urdu[0]; k++)
                if (c == urdu[k])
                    return "ur";
        }
        return "fa";
    }
}

/* A space, or punctuation that opens what follows. */
static int space_or_opening(unsigned c)
{
    return c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x3000 || c == '(' || c == '[' || c == '{' || c == '"' || c == 0xAB ||
           c == 0x201C || c == 0x201E || c == 0x2018 || c == 0xFF08 || c == 0x300C;
}

/* s as text inside an element of language context, each run of letters of
** another script in a <span lang> of its own (so that a Russian title in an
** English line is read in Russian): a run goes from a letter to the last
** letter of its script before one of another, with what follows it up to
** the last character before that other run that is no space or opening
** punctuation ("приложение 1" stays whole, " (" goes outside); the last run
** takes the rest. The page's script does the same (markLangs). */
static void mark_langs(FILE *f, const char *s, const char *context)
{
    int base = lang_script(context);
    size_t n = s ? strlen(s) : 0, i = 0, out = 0;
    while (i < n) {
        unsigned c;
        size_t next = utf8_at(s, i, n, &c), start = i, end, k, last;
        int sc = script_of(c), other = 0;
        if (!sc) {
            i = next;
            continue;
        }
        for (last = k = next; k < n && !other;) {
            size_t k2 = utf8_at(s, k, n, &c);
            int s2 = script_of(c);
            if (s2 && s2 != sc)
                other = 1;
            else {
                if (s2)
                    last = k2;
                k = k2;
            }
        }
        for (end = k < n ? last : n, i = last; k < n && i < k;) {
            size_t i2 = utf8_at(s, i, n, &c);
            if (!space_or_opening(c))
                end = i2;
            i = i2;
        }
        esc_n(f, s + out, start - out);
        if (sc == base) {
            esc_n(f, s + start, end - start);
        } else {
            fputs("<span", f);
            lang_attr(f, script_lang(sc, s + start, end - start));
            fputc('>', f);
            esc_n(f, s + start, end - start);
            fputs("</span>", f);
        }
        out = end;
        i = k;
    }
    esc_n(f, s + out, n - out);
}

/* <TAG class="cls" lang="…">text</TAG>; cls may be NULL. */
static void tagged(FILE *f, const char *tag, const char *cls, const char *lang, const char *text)
{
    fprintf(f, "<%s", tag);
    if (cls)
        fprintf(f, " class=\"%s\"", cls);
    lang_attr(f, lang);
    fputc('>', f);
    esc(f, text);
    fprintf(f, "</%s>", tag);
}

/* before, s escaped, then after (both HTML, glossa's own); nothing when s is NULL. */
static void optional(FILE *f, const char *before, const char *s, const char *after)
{
    if (!s)
        return;
    fputs(before, f);
    esc(f, s);
    fputs(after, f);
}

/* ---- the page around a body ---------------------------------------------------------- */

static int picked(const char *list, const char *tag)
{
    size_t n = strlen(tag), len;
    const char *item;
    while (list && *list && glossa_list_next(&list, &item, &len))
        if (len == n && strncmp(item, tag, n) == 0)
            return 1;
    return 0;
}

/* What a page says around its body. */
struct page_parts {
    unsigned status;
    const char *title;
    const char *heading;      /* the <h1 id="heading">, or NULL when the body has its own */
    int skip;                 /* the skip link: SKIP_NONE, to the results or to the content */
    const char *message;      /* text, then with echo_q the query «in a <bdi>» (in q_lang
                              ** when not NULL, its parts in their languages), then
                              ** message_after (HTML, glossa's own; "." when NULL) */
    int echo_q;
    const char *q_lang, *message_after;
};
enum { SKIP_NONE, SKIP_RESULTS, SKIP_CONTENT };

/* The template filled with pp around body (HTML). */
static void page(struct http_reply *reply, const struct http_request *req,
                 const struct page_parts *pp, const char *body)
{
    FILE *f = http_body_begin(reply);
    size_t i, k;
    if (!f) {
        reply->body = NULL;
        return;
    }
    for (i = 0; i < n_pieces; i++) {
        fwrite(pieces[i].text, 1, pieces[i].len, f);
        switch (pieces[i].marker) {
        case M_TITLE:
            esc(f, pp->title);
            break;
        case M_SKIP: /* the page's script says the same (skipLink) */
            if (pp->skip != SKIP_NONE)
                fputs(pp->skip == SKIP_RESULTS
                          ? "<a class=\"skip\" id=\"skip\" href=\"#results\">Skip to the results</a>\n"
                          : "<a class=\"skip\" id=\"skip\" href=\"#main\">Skip to the content</a>\n",
                      f);
            break;
        case M_Q:
            esc(f, req->q && !req->bad ? req->q : "");
            break;
        case M_LANGUAGES:
            for (k = 0; k < sizeof languages / sizeof languages[0]; k++) {
                fprintf(f, "<label><input type=\"checkbox\" name=\"to\" value=\"%s\"%s> ",
                        languages[k].tag, picked(req->to, languages[k].tag) ? " checked" : "");
                tagged(f, "span", NULL, languages[k].tag, languages[k].name);
                fputs(" (", f);
                lang_code(f, languages[k].tag);
                fputs(")</label>\n", f);
            }
            break;
        case M_HEADING:
            optional(f, "<h1 id=\"heading\">", pp->heading, "</h1>\n");
            break;
        case M_MESSAGE:
            esc(f, pp->message);
            if (pp->echo_q) { /* the page's script says the same (show) */
                fputs("«<bdi", f);
                lang_attr(f, pp->q_lang);
                fputc('>', f);
                mark_langs(f, req->q, pp->q_lang ? pp->q_lang : "en");
                fputs("</bdi>»", f);
                fputs(pp->message_after ? pp->message_after : ".", f);
            }
            break;
        case M_BODY:
            fputs(body ? body : "", f);
            break;
        }
    }
    http_body_end(f, reply, pp->status, HTML_TYPE);
}

/* A body rendered into a string by fn, then the page around it. */
static void page_with(struct http_reply *reply, const struct http_request *req,
                      const struct page_parts *pp, void (*fn)(FILE *f, const void *arg),
                      const void *arg)
{
    struct http_reply body = { 0 };
    FILE *f = http_body_begin(&body);
    if (f)
        fn(f, arg);
    if (http_body_end(f, &body, 200, HTML_TYPE)) {
        reply->body = NULL;
        return;
    }
    page(reply, req, pp, body.body);
    free(body.body);
}

void http_page_error(const struct http_request *req, unsigned status, const char *msg,
                     struct http_reply *reply)
{
    const char *heading = status == 404 ? "Not found"
                        : status == 405 ? "Method not allowed"
                        : status >= 500 ? "Server error" : "Bad request";
    char title[64];
    struct page_parts pp = { 0 };
    snprintf(title, sizeof title, "%s — glossa", heading);
    pp.status = status;
    pp.title = title;
    pp.heading = heading;
    pp.skip = SKIP_CONTENT;
    pp.message = msg;
    page(reply, req, &pp,
         "<p><a href=\"/\">Look up a term</a> · <a href=\"/status\">Proposals</a></p>");
}

/* ---- search results ----------------------------------------------------------------- */

/* The mark of reliability 1, described by the footer's text (#rel-note), not a tooltip. */
static void unverified_mark(FILE *f)
{
    fputs("<strong class=\"unverified\" aria-describedby=\"rel-note\">NOT VERIFIED</strong>", f);
}

/* The default number of results, as the library's (glossa_lookup_opts.limit 0). */
#define PAGE_LIMIT 10

/* The arguments of a search for q with the request's languages and way of
** matching (with_filter), and limit when not 0: "?q=…&amp;to=…". */
static void search_args(FILE *f, const char *q, const struct http_request *req, int with_filter,
                        unsigned limit)
{
    static const struct { const char *name; size_t offset; } keep[] = {
        { "to", offsetof(struct http_request, to) }, { "from", offsetof(struct http_request, from) },
        { "mode", offsetof(struct http_request, mode) }, { "in", offsetof(struct http_request, in) },
    };
    size_t i;
    fputs("?q=", f);
    url(f, q);
    for (i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        const char *v = *(const char *const *)((const char *)req + keep[i].offset);
        if ((with_filter || i >= 2) && v && *v) {
            fprintf(f, "&amp;%s=", keep[i].name);
            url(f, v);
        }
    }
    if (limit)
        fprintf(f, "&amp;limit=%u", limit);
}

/* The language of items[i], a struct whose lang is at off (terms, definitions). */
#define ITEM_LANG(items, size, off, i) \
    (*(const char *const *)((const char *)(items) + (i) * (size) + (off)))

/* The order n items are shown in: those in the languages of to first, in its
** order (an item "zh" takes zh-Hant too, as --to does), then the rest as they
** come. NULL when memory is short (then as they come). */
static size_t *by_filter(const char *to, const void *items, size_t n, size_t size, size_t off)
{
    size_t *order = malloc((n ? n : 1) * sizeof *order), k = 0, i, len;
    char *taken = calloc(n ? n : 1, 1), one[64];
    const char *cur = to, *item;
    if (!order || !taken) {
        free(order);
        free(taken);
        return NULL;
    }
    while (to && glossa_list_next(&cur, &item, &len)) {
        if (len >= sizeof one)
            continue;
        memcpy(one, item, len);
        one[len] = '\0';
        for (i = 0; i < n; i++)
            if (!taken[i] && glossa_lang_in_list(ITEM_LANG(items, size, off, i), one)) {
                taken[i] = 1;
                order[k++] = i;
            }
    }
    for (i = 0; i < n; i++)
        if (!taken[i])
            order[k++] = i;
    free(taken);
    return order;
}

/* "No term in Urdu (ur)." for the languages of to that none of the n items
** is in (what: "term", "definition"); nothing when every one has some. The
** page's script says the same (noData). */
static void no_data(FILE *f, const char *what, const char *to, const void *items, size_t n,
                    size_t size, size_t off)
{
    const char *cur = to, *item;
    size_t len, i, said = 0;
    char one[64], name[256];
    while (to && glossa_list_next(&cur, &item, &len)) {
        if (len >= sizeof one)
            continue;
        memcpy(one, item, len);
        one[len] = '\0';
        for (i = 0; i < n && !glossa_lang_in_list(ITEM_LANG(items, size, off, i), one); i++)
            ;
        if (i < n)
            continue;
        if (!said++)
            fprintf(f, "<p class=\"meta nodata\">No %s in ", what);
        else
            fputs(", ", f);
        esc(f, lang_name(one, name, sizeof name));
        fputs(" (", f);
        esc(f, one);
        fputc(')', f);
    }
    if (said)
        fputs(".</p>\n", f);
}

/* "S (reconstruction, not verified …)": as the JSON says it. */
static void source_text(FILE *f, const glossa_definition *d)
{
    char *source = render_source(d);
    mark_langs(f, source ? source : d->source, "en");
    free(source);
}

/* One result; the page's script builds the same (export/web/index.html, hit()). */
/* A definition with its source (and, with_dates, the dates it was in force). */
static void definition(FILE *f, const glossa_definition *d, int with_dates)
{
    fputs("<div class=\"def\"><p class=\"def-text\"><span class=\"lang-tag\">", f);
    lang_code(f, d->lang);
    fputs("</span> ", f);
    tagged(f, "span", NULL, d->lang, d->text);
    fputs("</p><p class=\"src\">Source: ", f);
    source_text(f, d);
    fputs("</p>", f);
    if (with_dates && (d->valid_from || d->valid_to)) {
        fputs("<p class=\"src\">", f);
        render_dates(f, d->valid_from, d->valid_to, esc);
        fputs("</p>", f);
    }
    fputs("</div>", f);
}

/* How a layout match read the query: the HTML before, the layout it was
** typed in, between, the layout it was read in, before_text, the reading (in
** a <bdi> with the matched term's lang), after. A layout glossa does not
** know is "?". */
static void layout_reading(FILE *f, const glossa_hit *h, const char *before, const char *between,
                           const char *before_text, const char *after)
{
    const char *typed = glossa_layout_title(h->layout_typed);
    const char *read = glossa_layout_title(h->layout_read);
    fputs(before, f);
    esc(f, typed ? typed : "?");
    fputs(between, f);
    esc(f, read ? read : "?");
    fputs(before_text, f);
    tagged(f, "bdi", NULL, h->match_lang, h->layout_text);
    fputs(after, f);
}

/* Bytes of q from at, stepping back (step -1) or forward (+1) over n UTF-8
** characters at most, stopping at the ends of q (0 or len). */
static size_t utf8_step(const char *q, size_t len, size_t at, int step, size_t n)
{
    for (; n && (step < 0 ? at > 0 : at < len); n--) {
        at += step;
        while (at > 0 && at < len && ((unsigned char)q[at] & 0xC0) == 0x80)
            at += step;
    }
    return at;
}

/* The query in a <bdi lang> with the bytes [start, end) where a term was
** found in a <mark>: up to QUERY_AROUND characters either side, cut after a
** space, "…" where cut. The page's script draws the same (queryMarked). */
#define QUERY_AROUND 60
static void query_marked(FILE *f, const char *q, size_t start, size_t end, const char *lang)
{
    size_t len = strlen(q), from = utf8_step(q, len, start, -1, QUERY_AROUND);
    size_t to = utf8_step(q, len, end, +1, QUERY_AROUND), i;

    if (from > 0) /* cut: from the word after the first space */
        for (i = from; i < start; i++)
            if (q[i] == ' ') {
                from = i + 1;
                break;
            }
    if (to < len) /* cut: up to the last space */
        for (i = to; i-- > end;)
            if (q[i] == ' ') {
                to = i;
                break;
            }
    fputs("<bdi", f);
    lang_attr(f, lang);
    fputs(from > 0 ? ">…" : ">", f);
    esc_n(f, q + from, start - from);
    fputs("<mark>", f);
    esc_n(f, q + start, end - start);
    fputs("</mark>", f);
    esc_n(f, q + end, to - end);
    fputs(to < len ? "…</bdi>" : "</bdi>", f);
}

/* The order of a concept's terms (by_filter), and the languages picked it has no term in. */
static size_t *terms_order(const glossa_hit *h, const char *to)
{
    return by_filter(to, h->terms, h->n_terms, sizeof *h->terms, offsetof(glossa_term, lang));
}

static void no_term(FILE *f, const glossa_hit *h, const char *to)
{
    no_data(f, "term", to, h->terms, h->n_terms, sizeof *h->terms, offsetof(glossa_term, lang));
}

/* A term's language, text and status: a list item in one line, or (row) a
** table row in cells; left open after the status for what else is said. */
static void term_start(FILE *f, const glossa_term *t, int row)
{
    fputs(row ? "<tr><td class=\"lang-code\">" : "<li><span class=\"lang-tag\">", f);
    lang_code(f, t->lang);
    fputs(row ? "</td>" : "</span> ", f);
    tagged(f, row ? "td" : "span", "term", t->lang, t->text);
    fputs(row ? "<td class=\"st\">" : " <span class=\"st\">", f);
    esc(f, t->status);
}

/* The terms, then the definitions, of a hit or a concept in the order of
** the languages picked, each language picked that has none said. */
static void render_terms_list(FILE *f, const glossa_hit *h, const char *to)
{
    size_t j, *order = terms_order(h, to);
    fputs("<ul class=\"terms\">", f);
    for (j = 0; j < h->n_terms; j++) {
        const glossa_term *t = &h->terms[order ? order[j] : j];
        term_start(f, t, 0);
        if (t->working) /* as the concept page and `glossa show` say it */
            fputs(", working translation", f);
        fputs("</span></li>", f);
    }
    fputs("</ul>\n", f);
    free(order);
    no_term(f, h, to);
}

static void render_definitions(FILE *f, const glossa_hit *h, const char *to, int with_dates)
{
    size_t j, *order = by_filter(to, h->definitions, h->n_definitions, sizeof *h->definitions,
                                 offsetof(glossa_definition, lang));
    no_data(f, "definition", to, h->definitions, h->n_definitions, sizeof *h->definitions,
            offsetof(glossa_definition, lang));
    for (j = 0; j < h->n_definitions; j++) {
        definition(f, &h->definitions[order ? order[j] : j], with_dates);
        if (with_dates)
            fputc('\n', f);
    }
    free(order);
}

static void render_hit(FILE *f, const glossa_hit *h, const struct http_request *req)
{
    const char *query = req->q;
    size_t j;
    int fulltext = h->how == GLOSSA_MATCH_FULLTEXT;
    const char *title = !fulltext ? h->match_text : h->n_terms ? h->terms[0].text : h->id;
    const char *title_lang = !fulltext ? h->match_lang : h->n_terms ? h->terms[0].lang : "en";

    fputs("<li class=\"hit\"><h2 class=\"hit-title\"><a href=\"/c/", f);
    url(f, h->id);
    search_args(f, query, req, 1, 0); /* the concept's page keeps the query */
    fputs("\">", f);
    tagged(f, "span", NULL, title_lang, title);
    fprintf(f, "</a></h2>\n<p class=\"meta\"><span class=\"how\">%s match</span> (",
            glossa_match_kind_name(h->how));
    fputs("<span class=\"match-lang\">", f);
    lang_code(f, h->match_lang);
    fputs("</span>) · <span class=\"id\">", f);
    esc(f, h->id);
    fputs("</span>", f);
    if (h->reliability <= 1) {
        fputc(' ', f);
        unverified_mark(f);
    } else {
        fprintf(f, " · <span class=\"rel\">reliability %d of 4</span>", h->reliability);
    }
    fputs("</p>\n", f);
    if (fulltext) {
        fputs("<p class=\"matched\">found in: ", f);
        tagged(f, "span", NULL, h->match_lang, h->match_text);
        fputs("</p>\n", f);
    }
    if (h->layout_text)
        layout_reading(f, h, "<p class=\"matched\">typed in ", ", read in ", " as «", "»</p>\n");
    if (h->how == GLOSSA_MATCH_WITHIN && query && h->within_start < h->within_end &&
        h->within_end <= strlen(query)) {
        fputs("<p class=\"matched\">inside the query: «", f);
        query_marked(f, query, h->within_start, h->within_end, h->match_lang);
        fputs("»</p>\n", f);
    }
    render_terms_list(f, h, req->to);
    fputs("<div class=\"defs\">", f);
    render_definitions(f, h, req->to, 0);
    fputs("</div>", f);
    for (j = 0; j < h->n_legal; j++) { /* the states, each once (legal is by state) */
        if (j && strcmp(h->legal[j].state, h->legal[j - 1].state) == 0)
            continue;
        if (!j) {
            fputs("<p class=\"src\"><a href=\"/c/", f);
            url(f, h->id);
            fputs("#national\">National legislation</a>: ", f);
        } else {
            fputs(", ", f);
        }
        esc(f, h->legal[j].state);
    }
    fputs(h->n_legal ? "</p></li>\n" : "</li>\n", f);
}

struct search_page {
    const glossa_results *res;
    const struct http_request *req;
    size_t shown, total; /* the first shown of total hits */
};

/* What the first hit says of the whole query, above the results, as the CLI
** says it: the term a typo was near (a link to its search), the layout the
** query was typed in, that the terms are inside it, or that no term matched
** and these concepts' definitions or notes use it ("see also"). */
static void render_notice(FILE *f, const glossa_hit *h, const struct http_request *req)
{
    if (h->how == GLOSSA_MATCH_FUZZY && h->match_text) {
        int here = strcmp(h->match_text, req->q) == 0;
        fputs("<p class=\"notice\">Did you mean ", f);
        if (!here) {
            fputs("<a href=\"/", f);
            search_args(f, h->match_text, req, 1, 0);
            fputs("\">", f);
        }
        tagged(f, "bdi", NULL, h->match_lang, h->match_text);
        fputs(here ? "?</p>\n" : "</a>?</p>\n", f);
    } else if (h->how == GLOSSA_MATCH_LAYOUT && h->layout_text) {
        layout_reading(f, h, "<p class=\"notice\">Typed in the ", " layout; read as ", " «",
                       "».</p>\n");
    } else if (h->how == GLOSSA_MATCH_WITHIN) {
        fputs("<p class=\"notice\">No term is the whole query; the terms inside it:</p>\n", f);
    } else if (h->how == GLOSSA_MATCH_FULLTEXT && !(req->in && strcmp(req->in, "definitions") == 0) &&
               !(req->mode && *req->mode && strcmp(req->mode, "auto") != 0)) {
        /* no term matched: the library's "see also" (as lookup's text says it) */
        fputs("<p class=\"notice\">No term matches the query; see also the concepts whose "
              "definitions or notes use it:</p>\n", f);
    }
}

/* No result: what to try next (the page's script says the same, nextSteps). */
static void render_next(FILE *f, const struct http_request *req)
{
    fputs("<p>What to try next:</p>\n<ul class=\"next\">", f);
    if ((req->to && *req->to) || (req->from && *req->from)) {
        fputs("<li><a href=\"/", f);
        search_args(f, req->q, req, 0, 0);
        fputs("\">Clear the language filter</a> and search every language.</li>", f);
    }
    if (!(req->in && strcmp(req->in, "definitions") == 0)) {
        fputs("<li><a href=\"/?q=", f);
        url(f, req->q);
        fputs("&amp;in=definitions\">Search the definitions and notes</a> for these words.</li>", f);
    }
    fputs("<li>Check the spelling, or type fewer words: inflected forms, Traditional Chinese, "
          "transliteration and small typos are found already.</li></ul>\n", f);
}

static void render_hits(FILE *f, const void *arg)
{
    const struct search_page *sp = arg;
    size_t i, n = sp->shown;
    if (!n) {
        render_next(f, sp->req);
        return;
    }
    render_notice(f, glossa_results_get(sp->res, 0), sp->req);
    fputs("<ol class=\"hits\">\n", f);
    for (i = 0; i < n; i++)
        render_hit(f, glossa_results_get(sp->res, i), sp->req);
    fputs("</ol>\n", f);
    if (sp->total > n) {
        fputs("<p class=\"more\"><a href=\"/", f);
        search_args(f, sp->req->q, sp->req, 1, (unsigned)sp->total);
        fprintf(f, "\">Show all %zu concepts</a></p>\n", sp->total);
    }
    if (glossa_results_get(sp->res, 0)->how == GLOSSA_MATCH_WITHIN)
        fputs("<p class=\"meta\">The terms of a whole text: <code>glossa scan FILE</code></p>\n",
              f);
}

static void render_intro(FILE *f, const void *arg)
{
    static const char *const examples[] = {
        "информационной безопасности", "資訊安全", "xinxi anquan", "infomation securty",
        "امنیت اطلاعات",
    };
    size_t i;
    (void)arg;
    fputs("<p>For example: ", f);
    for (i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        fputs(i ? ", <a href=\"/?q=" : "<a href=\"/?q=", f);
        url(f, examples[i]);
        fputs("\">", f);
        mark_langs(f, examples[i], "en"); /* each example in its own language */
        fputs("</a>", f);
    }
    fputs(".</p>\n", f);
}

/* The language of the query q when the first hit says it: its match's
** language when q's first letter is in that language's script; else NULL. */
static const char *query_lang(const char *q, const glossa_results *res)
{
    const glossa_hit *h = glossa_results_count(res) ? glossa_results_get(res, 0) : NULL;
    size_t i = 0, n = strlen(q);
    unsigned c = 0;
    int sc = S_NONE;
    while (i < n && sc == S_NONE) {
        i = utf8_at(q, i, n, &c);
        sc = script_of(c);
    }
    return h && h->match_lang && sc != S_NONE && lang_script(h->match_lang) == sc ? h->match_lang
                                                                                   : NULL;
}

void http_page_search(glossa_db *db, const struct http_request *req, struct http_reply *reply)
{
    glossa_lookup_opts opts = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_results *res = NULL, *all = NULL;
    struct search_page sp;
    struct page_parts pp = { 0 };
    glossa_error err;
    char msg[600], title[HTTP_QUERY_MAX + 32], *after = NULL;
    size_t after_len;
    unsigned status, limit;

    if (!req->bad && (!req->q || !*req->q)) {
        pp.status = 200;
        pp.title = "glossa — SCO information-security terms";
        pp.heading = "SCO information-security terms";
        pp.message = "";
        page_with(reply, req, &pp, render_intro, NULL);
        return;
    }
    if ((status = http_lookup_opts(req, &opts, msg, sizeof msg)) ||
        (status = http_query_check(req, msg, sizeof msg))) {
        http_page_error(req, status, msg, reply);
        return;
    }
    if (glossa_lookup(db, req->q, &opts, &res, &err)) {
        http_page_error(req, err.code == GLOSSA_EINPUT ? 400 : 500, err.msg, reply);
        return;
    }
    sp.shown = sp.total = glossa_results_count(res);
    limit = opts.limit ? opts.limit : PAGE_LIMIT;
    if (sp.shown == limit && limit < LOOKUP_LIMIT_MAX) { /* cut: how many there are */
        opts.limit = LOOKUP_LIMIT_MAX;
        if (glossa_lookup(db, req->q, &opts, &all, &err) == 0)
            sp.total = glossa_results_count(all);
    }
    if (sp.total == 0)
        snprintf(msg, sizeof msg, "No concept matches ");
    else if (sp.total > sp.shown)
        snprintf(msg, sizeof msg, "%zu of %zu concepts for ", sp.shown, sp.total);
    else
        snprintf(msg, sizeof msg, "%zu concept%s for ", sp.shown, sp.shown == 1 ? "" : "s");
    if (sp.total > sp.shown) { /* the page's script says the same (show) */
        FILE *f = open_memstream(&after, &after_len);
        if (f) {
            fputs(" — <a href=\"/", f);
            search_args(f, req->q, req, 1, (unsigned)sp.total);
            fputs("\">show all</a>.", f);
            if (fclose(f) == 0)
                pp.message_after = after;
        }
    }
    snprintf(title, sizeof title, "%s — glossa", req->q);
    sp.res = res;
    sp.req = req;
    pp.status = 200;
    pp.title = title;
    pp.heading = "Search results";
    pp.skip = sp.shown ? SKIP_RESULTS : SKIP_NONE;
    pp.message = msg;
    pp.echo_q = 1;
    pp.q_lang = query_lang(req->q, res);
    page_with(reply, req, &pp, render_hits, &sp);
    free(after);
    glossa_results_free(all);
    glossa_results_free(res);
}

/* ---- a concept whole ---------------------------------------------------------------- */

struct concept_page {
    const glossa_hit *h;
    const struct http_request *req;
    const char *heading, *heading_lang; /* the term in the reader's language */
    const glossa_status_report *status; /* may be NULL */
    const glossa_states *states;        /* may be NULL: the states by code alone */
    int history;
};

/* 1 when s is an http or https address (only those become links). */
static int web_address(const char *s)
{
    return s && (strncasecmp(s, "https://", 8) == 0 || strncasecmp(s, "http://", 7) == 0);
}

/* One national definition: its term as the act prints it and how it relates,
** the statutory text quoted (never as glossa's definition), then the
** citation: act, article, edition, translator, reliability and address. */
static void render_legal(FILE *f, const glossa_legal *l)
{
    char *act = glossa_legal_cite(l);
    fputs("<div class=\"law\">\n<p class=\"law-term\"><span class=\"lang-tag\">", f);
    lang_code(f, l->lang);
    fputs("</span> ", f);
    tagged(f, "span", "term", l->lang, l->term);
    fputs(" · ", f);
    tagged(f, "span", "rel", NULL, glossa_relation_label(l->relation));
    fputs("</p>\n<blockquote class=\"statute\"", f);
    lang_attr(f, l->lang);
    if (web_address(l->url)) {
        fputs(" cite=\"", f);
        esc(f, l->url);
        fputc('"', f);
    }
    fputs("><p>", f);
    esc(f, l->text);
    /* the act on a line of its own, in its own direction (a Persian title
    ** with Latin dates would otherwise be reordered inside an English line) */
    fputs("</p></blockquote>\n<p class=\"src\">Statutory text quoted from:</p>\n"
          "<p class=\"src act\" dir=\"auto\"><cite", f);
    lang_attr(f, l->lang); /* the act is cited in the language its text is quoted in */
    fputc('>', f);
    mark_langs(f, act ? act : l->act_id, l->lang);
    fprintf(f, "</cite></p>\n<p class=\"src\">Reliability %d of 4 (", l->reliability);
    esc(f, glossa_reliability_label(l->reliability));
    fputs(")", f);
    if (l->translation) {
        fputs("; translation: <span dir=\"auto\">", f);
        mark_langs(f, l->translation, "en");
        fputs("</span>", f);
    }
    if (!l->translation)
        fputs("; the act's own text", f);
    optional(f, "; edition of ", l->version, "");
    fputs(".", f);
    if (l->note) {
        fputs(" Note: <span dir=\"auto\">", f);
        mark_langs(f, l->note, "en");
        fputs("</span>", f);
    }
    fputs("<br>Read at ", f);
    if (web_address(l->url)) {
        fputs("<a href=\"", f);
        esc(f, l->url);
        fputs("\" rel=\"noopener noreferrer nofollow\">", f);
        esc(f, l->url);
        fputs("</a>", f);
    } else {
        esc(f, l->url);
    }
    fputs("</p>\n</div>\n", f);
    glossa_free(act);
}

/* The national definitions of the concept or notion, by state. */
static void render_national(FILE *f, const glossa_hit *h, const glossa_states *states)
{
    size_t j;
    if (!h->n_legal)
        return;
    fputs("<section class=\"national\" aria-labelledby=\"national\">\n"
          "<h2 id=\"national\">National legislation</h2>\n<p class=\"meta\">Definitions in the "
          "member states' own acts (the study of national legislation), quoted as the text "
          "cited prints them: statutory text, not glossa's definitions.</p>\n", f);
    for (j = 0; j < h->n_legal; j++) {
        const glossa_legal *l = &h->legal[j];
        if (!j || strcmp(l->state, h->legal[j - 1].state) != 0) {
            const glossa_state *s = states ? glossa_states_find(states, l->state) : NULL;
            fputs("<h3 class=\"state\">", f);
            tagged(f, "span", "lang-code", NULL, l->state);
            if (s && s->name_en) {
                fputc(' ', f);
                esc(f, s->name_en);
            }
            fputs("</h3>\n", f);
        }
        render_legal(f, l);
    }
    fputs("</section>\n", f);
}

/* The concept's contexts (quoted, with their source) and related concepts
** (links to their pages). */
static void render_contexts(FILE *f, const glossa_hit *h)
{
    size_t j;
    if (h->n_contexts)
        fputs("<h2>Contexts</h2>\n", f);
    for (j = 0; j < h->n_contexts; j++) {
        const glossa_context *c = &h->contexts[j];
        fputs("<figure class=\"context\">", f);
        tagged(f, "blockquote", NULL, c->lang, c->text);
        if (c->source) {
            fputs("<figcaption class=\"meta\">Source: ", f);
            mark_langs(f, c->source, "en");
            fputs("</figcaption>", f);
        }
        fputs("</figure>\n", f);
    }
    if (!h->n_xrefs)
        return;
    fputs("<h2>Related concepts</h2>\n<ul class=\"related\">", f);
    for (j = 0; j < h->n_xrefs; j++) {
        const glossa_xref *x = &h->xrefs[j];
        fputs("<li>", f);
        if (strcmp(x->type, "related") != 0) {
            tagged(f, "span", "st", NULL, x->type);
            fputc(' ', f);
        }
        fputs("<a href=\"/c/", f);
        url(f, x->target);
        fputs("\">", f);
        mark_langs(f, x->label ? x->label : x->target, "en");
        fputs("</a></li>", f);
    }
    fputs("</ul>\n", f);
}

static void render_proposals(FILE *f, const glossa_status_report *r, const char *id)
{
    size_t i, shown = 0;
    for (i = 0; r && i < glossa_status_count(r); i++) {
        const glossa_change_status *s = glossa_status_get(r, i);
        if (strcmp(s->change->id, id) != 0)
            continue;
        if (!shown++)
            fputs("<h2>Proposed changes</h2>\n<ul class=\"proposals\">", f);
        fputs("<li><strong>", f);
        esc(f, s->status);
        fputs("</strong>: ", f);
        esc(f, s->change->kind);
        fputs(", ", f);
        esc(f, s->change->proposal);
        fputs(" (", f);
        esc(f, s->change->state);
        fputs(")", f);
        optional(f, "; waiting for ", s->pending, "");
        optional(f, "; objections: ", s->objections, "");
        fputs("</li>", f);
    }
    if (shown)
        fputs("</ul>\n", f);
}

/* A TBX value in words: "shortForm" is "short form". */
static void tbx_words(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s >= 'A' && *s <= 'Z')
            fprintf(f, " %c", *s - 'A' + 'a');
        else
            esc_n(f, s, 1);
    }
}

static void render_concept(FILE *f, const void *arg)
{
    const struct concept_page *cp = arg;
    const glossa_hit *h = cp->h;
    int notion = strcmp(h->status, "notion") == 0;
    size_t j, *order;

    fputs("<article class=\"concept\">\n", f);
    if (cp->req->q && *cp->req->q) { /* back to the search that led here */
        fputs("<p class=\"meta back\"><a href=\"/", f);
        search_args(f, cp->req->q, cp->req, 1, 0);
        fputs("\">Back to the results for «<bdi>", f);
        mark_langs(f, cp->req->q, "en");
        fputs("</bdi>»</a></p>\n", f);
    }
    fputs("<h1>", f);
    tagged(f, "span", NULL, cp->heading_lang, cp->heading);
    fputs("</h1>\n<p class=\"meta\"><span class=\"id\">", f);
    esc(f, h->id);
    fputs("</span> · ", f);
    esc(f, render_status_text(h->status));
    if (notion) { /* no wording of glossa's: a label, and the acts' definitions */
        fputs("</p>\n<p>glossa's label: ", f);
        for (j = 0; j < h->n_terms; j++)
            tagged(f, "span", "term", h->terms[j].lang, h->terms[j].text);
        fputs("</p>\n", f);
    } else {
        fputs(" · ", f);
        if (h->reliability <= 1)
            unverified_mark(f);
        fprintf(f, "%sreliability %d of 4", h->reliability <= 1 ? " (" : "", h->reliability);
        if (h->reliability > 1) {
            fputs(" (", f);
            esc(f, glossa_reliability_label(h->reliability));
        }
        fputs(")</p>\n", f);
    }
    if (h->instrument) {
        fputs("<p class=\"instrument\">From: ", f);
        mark_langs(f, h->instrument, "en");
        fputs("</p>\n", f);
    }
    if (!notion)
        fputs("<h2>Terms</h2>\n<table class=\"terms\"><thead><tr><th scope=\"col\">Language</th>"
          "<th scope=\"col\">Term</th><th scope=\"col\">Status</th></tr></thead><tbody>\n", f);
    order = notion ? NULL : terms_order(h, cp->req->to);
    for (j = 0; j < h->n_terms && !notion; j++) {
        const glossa_term *t = &h->terms[order ? order[j] : j];
        term_start(f, t, 1);
        if (t->term_type) {
            fputs(", ", f);
            tbx_words(f, t->term_type);
        }
        if (t->working)
            fputs(", working translation", f);
        if (t->geo) {
            fputs(", ", f);
            esc(f, t->geo);
        }
        if (t->valid_from || t->valid_to)
            fputs(", ", f);
        render_dates(f, t->valid_from, t->valid_to, esc);
        fputs("</td></tr>\n", f);
    }
    free(order);
    if (!notion) {
        fputs("</tbody></table>\n", f);
        no_term(f, h, cp->req->to);
    }
    if (h->n_definitions)
        fputs("<h2>Definitions</h2>\n", f);
    render_definitions(f, h, cp->req->to, 1);
    render_national(f, h, cp->states);
    if (h->n_notes)
        fputs("<h2>Notes</h2>\n<ul class=\"notes\">", f);
    for (j = 0; j < h->n_notes; j++) {
        fputs("<li>", f);
        tagged(f, "span", "st", NULL, h->notes[j].type);
        fputs(": ", f);
        fputs("<span", f); /* a Russian title in an English note is read in Russian */
        lang_attr(f, h->notes[j].lang);
        fputc('>', f);
        mark_langs(f, h->notes[j].text, h->notes[j].lang);
        fputs("</span></li>", f);
    }
    if (h->n_notes)
        fputs("</ul>\n", f);
    render_contexts(f, h);
    render_proposals(f, cp->status, h->id);
    fputs("<p class=\"meta\">", f);
    if (!cp->history && !notion) {
        fputs("<a href=\"/c/", f);
        url(f, h->id);
        fputs("?history=1\">Earlier wordings, with their dates</a> · ", f);
    }
    fputs("<a href=\"/api/concept/", f);
    url(f, h->id);
    fputs("\">JSON</a></p>\n</article>\n", f);
}

/* The concept's heading in the reader's language: the term the query that
** led here matched (q), else its first term in the languages picked (to),
** else the term it is known by (Russian). Returns the results the heading
** is borrowed from (the caller frees them), or NULL. */
static glossa_results *reader_heading(glossa_db *db, struct concept_page *cp,
                                      const glossa_lookup_opts *opts)
{
    const glossa_hit *h = cp->h;
    glossa_lookup_opts all = *opts;
    glossa_results *res = NULL;
    glossa_error err;
    size_t i, *order;

    cp->heading = h->match_text;
    cp->heading_lang = h->match_lang;
    if (cp->req->q && *cp->req->q) {
        all.limit = LOOKUP_LIMIT_MAX;
        if (glossa_lookup(db, cp->req->q, &all, &res, &err) == 0)
            for (i = 0; i < glossa_results_count(res); i++) {
                const glossa_hit *m = glossa_results_get(res, i);
                if (strcmp(m->id, h->id) == 0 && m->how != GLOSSA_MATCH_FULLTEXT &&
                    m->match_text) {
                    cp->heading = m->match_text;
                    cp->heading_lang = m->match_lang;
                    return res;
                }
            }
        glossa_results_free(res);
        res = NULL;
    }
    if (cp->req->to && *cp->req->to && h->n_terms && (order = terms_order(h, cp->req->to))) {
        if (glossa_lang_in_list(h->terms[order[0]].lang, cp->req->to)) {
            cp->heading = h->terms[order[0]].text;
            cp->heading_lang = h->terms[order[0]].lang;
        }
        free(order);
    }
    return res;
}

void http_page_concept(glossa_db *db, const char *id, const struct http_request *req,
                       struct http_reply *reply)
{
    glossa_lookup_opts opts = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_results *res = NULL;
    glossa_proposals *p = NULL;
    glossa_status_report *r = NULL;
    glossa_states *states;
    struct concept_page cp;
    struct page_parts pp = { 0 };
    glossa_results *found;
    glossa_error err;
    char msg[600], title[600];
    unsigned status;
    int rc;

    if ((status = http_lookup_opts(req, &opts, msg, sizeof msg))) {
        http_page_error(req, status, msg, reply);
        return;
    }
    if (!http_valid_id(id) || (rc = http_concept(db, id, &opts, &res, &err)) == GLOSSA_ENOTFOUND) {
        snprintf(msg, sizeof msg, "No concept or notion has the id '%.200s'.", id);
        http_page_error(req, 404, msg, reply);
        return;
    }
    if (rc) {
        http_page_error(req, err.code == GLOSSA_EINPUT ? 400 : 500, err.msg, reply);
        return;
    }
    if (http_status_load(&p, &r, msg, sizeof msg))
        r = NULL; /* the page goes without the proposals */
    cp.h = glossa_results_get(res, 0);
    cp.req = req;
    cp.status = r;
    states = cp.h->n_legal ? http_states_load() : NULL; /* without: the codes alone */
    cp.states = states;
    cp.history = opts.history;
    found = reader_heading(db, &cp, &opts);
    snprintf(title, sizeof title, "%.400s — glossa", cp.heading);
    pp.status = 200;
    pp.title = title;
    pp.skip = SKIP_CONTENT;
    pp.message = "";
    page_with(reply, req, &pp, render_concept, &cp);
    glossa_results_free(found);
    glossa_states_free(states);
    glossa_status_free(r);
    glossa_proposals_free(p);
    glossa_results_free(res);
}

/* ---- proposals ------------------------------------------------------------------------ */

static void cell(FILE *f, const char *s)
{
    fputs("<td>", f);
    esc(f, s ? s : "—");
    fputs("</td>", f);
}

static void render_status(FILE *f, const void *arg)
{
    const glossa_status_report *r = arg;
    size_t i;
    fputs("<h1>Proposed changes</h1>\n", f);
    if (!r || glossa_status_count(r) == 0) {
        fputs("<p>No proposals are open.</p>\n", f);
        return;
    }
    fputs("<p>Parties whose agreement is needed: ", f);
    esc(f, glossa_status_parties(r));
    fputs(". A change is agreed when every party agreed to its current wording; the\n"
          "changes of one concept by several proposals are next to each other.</p>\n"
          "<div class=\"scroll\" role=\"region\" aria-label=\"Proposed changes\" tabindex=\"0\">"
          "<table class=\"status\"><thead><tr><th scope=\"col\">Concept</th>"
          "<th scope=\"col\">Change</th><th scope=\"col\">Proposal</th>"
          "<th scope=\"col\">Competing wordings</th><th scope=\"col\">Status</th>"
          "<th scope=\"col\">Agreed</th><th scope=\"col\">Waiting for</th>"
          "<th scope=\"col\">Objections</th><th scope=\"col\">Lapsed</th></tr></thead><tbody>\n", f);
    for (i = 0; i < glossa_status_count(r); i++) {
        const glossa_change_status *s = glossa_status_get(r, i);
        const glossa_proposal_change *c = s->change;
        fputs("<tr><td>", f);
        if (strcmp(c->kind, "new") != 0) { /* amended or deleted: in the term base */
            fputs("<a href=\"/c/", f);
            url(f, c->id);
            fputs("\">", f);
            esc(f, c->id);
            fputs("</a>", f);
        } else {
            esc(f, c->id);
        }
        fputs("</td>", f);
        cell(f, c->kind);
        fputs("<td>", f);
        esc(f, c->proposal);
        fputs(" (", f);
        esc(f, c->state);
        fputs(")</td>", f);
        cell(f, s->competing);
        fputs("<td><strong>", f);
        esc(f, s->status);
        fputs("</strong></td>", f);
        cell(f, s->agreed);
        cell(f, s->pending);
        cell(f, s->objections);
        cell(f, s->lapsed);
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table></div>\n<p class=\"meta\"><a href=\"/api/status\">JSON</a></p>\n", f);
}

void http_page_status(const struct http_request *req, struct http_reply *reply)
{
    glossa_proposals *p;
    glossa_status_report *r;
    struct page_parts pp = { 200, "Proposals — glossa", NULL, SKIP_CONTENT, "", 0, NULL, NULL };
    char msg[600];
    if (http_status_load(&p, &r, msg, sizeof msg)) {
        http_page_error(req, 500, msg, reply);
        return;
    }
    page_with(reply, req, &pp, render_status, r);
    glossa_status_free(r);
    glossa_proposals_free(p);
}
