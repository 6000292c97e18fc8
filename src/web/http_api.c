/*
** http_api.c — the JSON answers of `glossa serve --http`: /api/lookup is
** byte for byte what `glossa lookup --format json` prints for the same query
** and options, /api/concept/ID what `glossa show --format json ID` prints
** (for a notion of the study of national legislation, the same shape: status
** "notion", its label, its national definitions),
** /api/status what `glossa status --format json` prints for the glossary
** folder's proposals. The same functions write them (src/common/render.c). Errors are
** {"error": "..."}. No sockets here: the server hands in a database handle
** and takes the reply.
*/
#include "http.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

FILE *http_body_begin(struct http_reply *reply)
{
    reply->body = NULL;
    reply->len = 0;
    return open_memstream(&reply->body, &reply->len);
}

int http_body_end(FILE *f, struct http_reply *reply, unsigned status, const char *type)
{
    int failed;
    if (!f)
        return -1;
    failed = ferror(f) != 0;
    if (fclose(f) != 0 || failed) {
        free(reply->body);
        reply->body = NULL;
        reply->len = 0;
        return -1;
    }
    reply->status = status;
    reply->type = type;
    return 0;
}

#define JSON_TYPE "application/json; charset=utf-8"

void http_api_error(struct http_reply *reply, unsigned status, const char *msg)
{
    FILE *f = http_body_begin(reply);
    if (f) {
        fputs("{\"error\":", f);
        out_json_string(f, msg);
        fputs("}\n", f);
    }
    http_body_end(f, reply, status, JSON_TYPE);
}

/* The HTTP status of a library error: bad input 400, unknown 404, else 500. */
static unsigned error_status(int code)
{
    return code == GLOSSA_EINPUT ? 400 : code == GLOSSA_ENOTFOUND ? 404 : 500;
}

/* The results as `glossa lookup` and `glossa show` print them in JSON; or
** the library's error with its status. Frees res. */
static void send_results(struct http_reply *reply, int rc, const glossa_error *err,
                         const char *query, glossa_results *res)
{
    FILE *f;
    if (rc) {
        http_api_error(reply, error_status(err->code), err->msg);
        return;
    }
    f = http_body_begin(reply);
    if (f)
        lookup_print_json(f, query, res);
    http_body_end(f, reply, 200, JSON_TYPE);
    glossa_results_free(res);
}

int http_concept(glossa_db *db, const char *id, const glossa_lookup_opts *opts,
                 glossa_results **res, glossa_error *err)
{
    int rc = glossa_concept(db, id, opts, res, err);
    return rc == GLOSSA_ENOTFOUND ? glossa_notion(db, id, res, err) : rc;
}

/* /api/lookup (id NULL: the query q) or /api/concept/ID. */
static void answer(glossa_db *db, const char *id, const struct http_request *req,
                   struct http_reply *reply)
{
    glossa_lookup_opts opts = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_results *res = NULL;
    glossa_error err;
    char msg[512];
    unsigned status;
    int rc;

    if ((status = http_lookup_opts(req, &opts, msg, sizeof msg)) ||
        (!id && (status = http_query_check(req, msg, sizeof msg)))) {
        http_api_error(reply, status, msg);
        return;
    }
    if (id && !http_valid_id(id)) {
        http_api_error(reply, 404, "no such concept");
        return;
    }
    rc = id ? http_concept(db, id, &opts, &res, &err)
            : glossa_lookup(db, req->q, &opts, &res, &err);
    send_results(reply, rc, &err, id ? id : req->q, res);
}

void http_api_lookup(glossa_db *db, const struct http_request *req, struct http_reply *reply)
{
    answer(db, NULL, req, reply);
}

void http_api_concept(glossa_db *db, const char *id, const struct http_request *req,
                      struct http_reply *reply)
{
    answer(db, id, req, reply);
}

/* The first problem reported while loading, kept for the answer. */
static void first_problem(const glossa_error *d, void *userdata)
{
    char *msg = userdata;
    if (d->code != GLOSSA_WARNING && !msg[0])
        snprintf(msg, 512, "%.200s%s%.300s", d->file, d->file[0] ? ": " : "", d->msg);
}

/* One load at a time: the proposals (and the member states) are read with
** libxml2 and the RELAX NG schema, which the request threads then need not share. */
static pthread_mutex_t status_lock = PTHREAD_MUTEX_INITIALIZER;

static int status_load(glossa_proposals **p, glossa_status_report **r, char *msg,
                       size_t msg_size)
{
    struct file_list props;
    char problem[512] = "";
    glossa_error err;
    int rc;

    if (file_list_collect(&props, NULL, 0, "proposals", ".xml", &err)) {
        snprintf(msg, msg_size, "cannot read the proposals: %s", err.msg);
        return -1;
    }
    if (props.n == 0)
        return 0;
    rc = glossa_proposals_load(p, (const char *const *)props.items, props.n, first_problem,
                               problem, &err);
    file_list_release(&props);
    if (rc) {
        snprintf(msg, msg_size, "cannot read the proposals: %s", problem[0] ? problem : err.msg);
        return -1;
    }
    rc = load_status(*p, NULL, r, first_problem, problem, &err);
    if (rc) {
        snprintf(msg, msg_size, "cannot read the positions: %s", problem[0] ? problem : err.msg);
        glossa_proposals_free(*p);
        *p = NULL;
        return -1;
    }
    return 0;
}

int http_status_load(glossa_proposals **p, glossa_status_report **r, char *msg, size_t msg_size)
{
    int rc;
    *p = NULL;
    *r = NULL;
    pthread_mutex_lock(&status_lock);
    rc = status_load(p, r, msg, msg_size);
    pthread_mutex_unlock(&status_lock);
    return rc;
}

glossa_states *http_states_load(void)
{
    glossa_states *states = NULL;
    glossa_error err;
    pthread_mutex_lock(&status_lock);
    if (load_states(&states, &err))
        states = NULL;
    pthread_mutex_unlock(&status_lock);
    return states;
}

void http_api_status(struct http_reply *reply)
{
    glossa_proposals *p;
    glossa_status_report *r;
    char msg[600];
    FILE *f;

    if (http_status_load(&p, &r, msg, sizeof msg)) {
        http_api_error(reply, 500, msg);
        return;
    }
    f = http_body_begin(reply);
    if (f && r)
        status_print_json(f, r, NULL);
    else if (f)
        fputs("{\"parties\":\"\",\"changes\":[]}\n", f);
    http_body_end(f, reply, 200, JSON_TYPE);
    glossa_status_free(r);
    glossa_proposals_free(p);
}
