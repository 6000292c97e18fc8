/*
** http_params.c — the parameters of a web request, checked as `glossa
** lookup` checks its options (limit, mode and in by its option table):
** q, from, to, mode, limit, in, as-of, history. Values arrive decoded from
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

/* Parameter name checked as `glossa lookup --NAME` checks it, by the option's
** spec: 0 (the number or value index in *num), or -1 and why in msg, the
** value shown up to 40 bytes (no value of any of them is that long). */
static int lookup_param(const char *name, const char *v, long *num, char *msg, size_t msg_size)
{
    const struct cli_option *o = cli_option_find(&cmd_lookup_spec, name);
    double ratio;
    char shown[41];
    if (cli_option_check(o, v, num, &ratio, msg, msg_size) == 0)
        return 0;
    snprintf(shown, sizeof shown, "%s", v);
    cli_option_check(o, shown, num, &ratio, msg, msg_size);
    return -1;
}

unsigned http_lookup_opts(const struct http_request *req, glossa_lookup_opts *opts, char *msg,
                          size_t msg_size)
{
    long num;
    if (req->bad) {
        snprintf(msg, msg_size, "a parameter is not valid UTF-8 text");
        return 400;
    }
    opts->from = req->from && *req->from ? req->from : NULL;
    opts->to = req->to && *req->to ? req->to : NULL;
    if (lang_list_check("from", opts->from, "e.g. zh-Hant, uz-Cyrl", msg, msg_size) ||
        lang_list_check("to", opts->to, "e.g. zh-Hant, uz-Cyrl", msg, msg_size))
        return 400;
    if (req->limit && lookup_param("limit", req->limit, &num, msg, msg_size))
        return 400;
    if (req->limit)
        opts->limit = (unsigned)num;
    if (req->mode && *req->mode) {
        if (lookup_param("mode", req->mode, &num, msg, msg_size))
            return 400;
        glossa_mode_parse(req->mode, &opts->mode); /* one of the values it takes */
    }
    if (req->in && *req->in) {
        if (lookup_param("in", req->in, &num, msg, msg_size))
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
