/*
** http_params.c — the parameters of a web request, checked as `glossa
** lookup` checks its options (limit, mode and in by the same checks and
** values, src/common/value.c): q, from, to, mode, limit, in, as-of, history. Values arrive decoded from
** the server; nothing here knows about HTTP beyond the status to answer.
*/
#include "http.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

/* A value shown in a message up to this many bytes (no value of limit,
** mode or in is that long). */
#define SHOWN 40

unsigned http_lookup_opts(const struct http_request *req, glossa_lookup_opts *opts, char *msg,
                          size_t msg_size)
{
    long num;
    if (req->bad) {
        snprintf(msg, msg_size, "%s", req->why);
        return 400;
    }
    opts->from = req->from && *req->from ? req->from : NULL;
    opts->to = req->to && *req->to ? req->to : NULL;
    if (lang_list_check("from", opts->from, "e.g. zh-Hant, uz-Cyrl", msg, msg_size) ||
        lang_list_check("to", opts->to, "e.g. zh-Hant, uz-Cyrl", msg, msg_size))
        return 400;
    if (req->limit && value_int("limit", 0, LOOKUP_LIMIT_MIN, LOOKUP_LIMIT_MAX, req->limit, SHOWN,
                                &num, msg, msg_size))
        return 400;
    if (req->limit)
        opts->limit = (unsigned)num;
    if (req->mode && *req->mode) {
        if (value_enum("mode", LOOKUP_MODES, req->mode, SHOWN, &num, msg, msg_size))
            return 400;
        glossa_mode_parse(req->mode, &opts->mode); /* one of the values it takes */
    }
    if (req->in && *req->in) {
        if (value_enum("in", LOOKUP_IN, req->in, SHOWN, &num, msg, msg_size))
            return 400;
        opts->in_definitions = strcmp(req->in, "definitions") == 0;
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
