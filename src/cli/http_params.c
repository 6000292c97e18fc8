/*
** http_params.c — the parameters of a web request, checked as `glossa
** lookup` checks its options (same limits, same messages where they fit):
** q, from, to, mode, limit, in, as-of, history. Values arrive decoded from
** the server; nothing here knows about HTTP beyond the status to answer.
*/
#include "http.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int http_valid_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p, need, cp, i;
        if (c == 0)
            return 0;
        if (c < 0x80) {
            p++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            need = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            need = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            need = 3, cp = c & 0x07;
        else
            return 0;
        if ((size_t)(end - p) <= need)
            return 0;
        for (i = 1; i <= need; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (p[i] & 0x3F);
        }
        if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0; /* overlong, beyond Unicode, or a surrogate */
        p += need + 1;
    }
    return 1;
}

/* Letters (ASCII or not), digits, '-', '_', '.': what an xml:id may hold. */
int http_valid_id(const char *id)
{
    const char *p;
    if (!id || !*id || strlen(id) > 200)
        return 0;
    for (p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.' || (unsigned char)*p >= 0x80))
            return 0;
    return id[0] != '.' && id[0] != '-';
}

/* Every item of a comma-separated list is a language glossa knows. */
static int check_languages(const char *name, const char *list, char *msg, size_t msg_size)
{
    const char *p = list, *comma;
    char one[64];
    if (!list)
        return 0;
    for (;; p = comma + 1) {
        size_t n;
        comma = strchr(p, ',');
        n = comma ? (size_t)(comma - p) : strlen(p);
        snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), p);
        if (!glossa_lang_is_valid(one)) {
            snprintf(msg, msg_size, "unknown language '%s' for %s (use BCP 47 tags of the member "
                     "languages: ru zh en kk ky tg uz hi ur fa be, e.g. zh-Hant, uz-Cyrl)", one, name);
            return -1;
        }
        if (!comma)
            return 0;
    }
}

unsigned http_query_check(const struct http_request *req, char *msg, size_t msg_size)
{
    if (!req->q) {
        snprintf(msg, msg_size, "missing parameter q (the term to look up)");
        return 400;
    }
    if (strlen(req->q) > HTTP_QUERY_MAX) {
        snprintf(msg, msg_size, "query too long (at most %d bytes)", HTTP_QUERY_MAX);
        return 413;
    }
    return 0;
}

unsigned http_lookup_opts(const struct http_request *req, glossa_lookup_opts *opts, char *msg,
                          size_t msg_size)
{
    if (req->bad) {
        snprintf(msg, msg_size, "a parameter is not valid UTF-8 text");
        return 400;
    }
    opts->from = req->from && *req->from ? req->from : NULL;
    opts->to = req->to && *req->to ? req->to : NULL;
    if (check_languages("from", opts->from, msg, msg_size) ||
        check_languages("to", opts->to, msg, msg_size))
        return 400;
    if (req->limit) {
        char *end;
        long v;
        errno = 0;
        v = strtol(req->limit, &end, 10);
        if (!*req->limit || *end || errno || v < 1 || v > 1000) {
            snprintf(msg, msg_size, "limit takes a number from 1 to 1000, not '%.40s'", req->limit);
            return 400;
        }
        opts->limit = (unsigned)v;
    }
    if (req->mode && *req->mode && glossa_mode_parse(req->mode, &opts->mode)) {
        snprintf(msg, msg_size, "unknown mode '%.40s' (use auto, exact, normalized, stem, "
                 "translit, prefix, fuzzy, fulltext or fts)", req->mode);
        return 400;
    }
    if (req->in && *req->in) {
        if (strcmp(req->in, "definitions") == 0) {
            opts->in_definitions = 1;
        } else if (strcmp(req->in, "terms") != 0) {
            snprintf(msg, msg_size, "unknown in '%.40s' (use terms or definitions)", req->in);
            return 400;
        }
    }
    opts->as_of = req->as_of && *req->as_of ? req->as_of : NULL;
    if (req->history) {
        if (strcmp(req->history, "1") && strcmp(req->history, "0") && *req->history) {
            snprintf(msg, msg_size, "history takes 1 or 0, not '%.40s'", req->history);
            return 400;
        }
        opts->history = strcmp(req->history, "1") == 0;
    }
    return 0;
}
