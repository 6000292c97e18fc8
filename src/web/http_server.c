/*
** http_server.c — the transport of `glossa serve --http`: libmicrohttpd
** with a pool of worker threads, and a pool of read-only glossa_db handles
** (one per worker: a handle is never used by two threads at once). It has
** no listening socket: the door (http_door.c) accepts, checks each request
** head, and hands the connection over. Here each request is checked before
** anything else runs — only GET and HEAD (OPTIONS: the API's CORS
** preflight), no request body, a target of at most 8 KB without a control
** character in its path, parameters that are UTF-8 — routed to http_api.c
** (JSON) or http_page.c (HTML), made fit for the request's conditional and
** Accept-Encoding fields (http_reply.c: 304, gzip, CORS), and answered with
** its security headers and "Connection: close". Nothing is ever read
** from the file system to answer a request: the page is compiled in. A
** handle whose file was replaced by `glossa index` is reopened before its
** next request, so a new index is served without a restart. On SIGINT or
** SIGTERM the door stops accepting and waits for the requests under way.
** web_serve (web.h) is the entry point: it prints nothing, the CLI does.
*/
#include "http.h"
#include "http_mhd.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* An error in err (no file): code, and the message. Returns code. */
static int fail(glossa_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(glossa_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    memset(err, 0, sizeof *err);
    err->code = code;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

/* ---- database handles ------------------------------------------------------------- */

/* A handle and the file it has open: `glossa index` publishes a new index by
** renaming it over the old path, so a handle whose file is no longer the one
** at the path is reopened before its next request (a failed reopen keeps the
** old one: it still reads a complete index). */
struct db_slot {
    glossa_db *db;
    dev_t dev;
    ino_t ino;
    time_t built;            /* the answers' Last-Modified: when the index was built */
};

struct db_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    const char *path;
    struct db_slot *all, **idle;
    size_t n, n_idle;
    const struct web_config *cfg; /* on_refresh_failed */
    dev_t told_dev;          /* the last replacement said to be unusable */
    ino_t told_ino;
};

static int slot_open(struct db_slot *s, const char *path, glossa_error *err)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        memset(&sb, 0, sizeof sb);
    long long built;
    if (glossa_db_open(&s->db, path, err))
        return -1;
    s->dev = sb.st_dev;
    s->ino = sb.st_ino;
    /* the time the index records (not the file's: a copy has another) */
    s->built = glossa_db_built_at(s->db, &built, err) == 0 && built > 0 ? (time_t)built
                                                                          : sb.st_mtime;
    return 0;
}

/* A replacement that cannot be opened is tried again at each request (its
** permissions may be fixed) and said once per file, for the whole server. */
static void slot_refresh(struct db_pool *p, struct db_slot *s)
{
    struct db_slot fresh;
    struct stat sb;
    glossa_error err;
    int tell;
    if (stat(p->path, &sb) != 0 || (sb.st_dev == s->dev && sb.st_ino == s->ino))
        return;
    if (slot_open(&fresh, p->path, &err)) {
        pthread_mutex_lock(&p->lock);
        tell = sb.st_dev != p->told_dev || sb.st_ino != p->told_ino;
        p->told_dev = sb.st_dev;
        p->told_ino = sb.st_ino;
        pthread_mutex_unlock(&p->lock);
        if (tell && p->cfg && p->cfg->on_refresh_failed)
            p->cfg->on_refresh_failed(p->path, &err, p->cfg->cls);
        return;
    }
    glossa_db_close(s->db);
    *s = fresh;
}

static int pool_open(struct db_pool *p, const char *path, size_t n, glossa_error *err)
{
    memset(p, 0, sizeof *p);
    p->path = path;
    p->all = calloc(n, sizeof *p->all);
    p->idle = calloc(n, sizeof *p->idle);
    if (!p->all || !p->idle) {
        free(p->all);
        free(p->idle);
        p->all = NULL;
        return fail(err, GLOSSA_ENOMEM, "out of memory");
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    for (p->n = 0; p->n < n; p->n++) {
        if (slot_open(&p->all[p->n], path, err))
            return -1;
        p->idle[p->n_idle++] = &p->all[p->n];
    }
    return 0;
}

static void pool_close(struct db_pool *p)
{
    size_t i;
    if (!p->all)
        return;
    for (i = 0; i < p->n; i++)
        glossa_db_close(p->all[i].db);
    free(p->all);
    free(p->idle);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->freed);
}

/* An idle handle, on the index now published at the pool's path. */
static struct db_slot *pool_take(struct db_pool *p)
{
    struct db_slot *s;
    pthread_mutex_lock(&p->lock);
    while (p->n_idle == 0)
        pthread_cond_wait(&p->freed, &p->lock);
    s = p->idle[--p->n_idle];
    pthread_mutex_unlock(&p->lock);
    slot_refresh(p, s);
    return s;
}

static void pool_give(struct db_pool *p, struct db_slot *s)
{
    pthread_mutex_lock(&p->lock);
    p->idle[p->n_idle++] = s;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

/* ---- requests --------------------------------------------------------------------- */

/* What the URI log callback learns before the request is parsed; the access
** handler finds it in *req_cls. Static markers: nothing to free. */
static const int uri_ok, uri_too_long, uri_control, checked, answered;
#define MARK(m) ((void *)&(m))

/* 1 when the path of uri (before any '?'), decoded, holds a control
** character: libmicrohttpd decodes %00 into a string end, so that
** /c/ID%00.html would be read as /c/ID. */
static int control_in_path(const char *uri)
{
    const char *p;
    for (p = uri; *p && *p != '?'; p++) {
        unsigned c = (unsigned char)*p;
        if (c == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
            char hex[3] = { p[1], p[2], '\0' };
            c = (unsigned)strtoul(hex, NULL, 16);
        }
        if (c < 0x20 || c == 0x7f)
            return 1;
    }
    return 0;
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    return strlen(uri) > HTTP_URL_MAX ? MARK(uri_too_long)
         : control_in_path(uri)       ? MARK(uri_control)
                                      : MARK(uri_ok);
}

static void keep(const char **slot, const char *value)
{
    if (!*slot)
        *slot = value ? value : "";
}

static enum MHD_Result on_argument(void *cls, enum MHD_ValueKind kind, const char *key,
                                   size_t key_size, const char *value, size_t value_size)
{
    struct http_request *req = cls;
    (void)kind;
    if (!req->bad) {
        /* the first bad parameter is named, and the encoding its bytes read in */
        glossa_error err;
        char what[64];
        snprintf(what, sizeof what, "parameter %.40s", key);
        if (glossa_text_check("a parameter's name", key, key_size, NULL, &err) ||
            (value && glossa_text_check(what, value, value_size, NULL, &err))) {
            snprintf(req->why, sizeof req->why, "%s: send UTF-8 text (percent-encoded)", err.msg);
            req->bad = 1;
        }
    }
    if (req->bad)
        return MHD_YES;
    if (strcmp(key, "q") == 0)
        keep(&req->q, value);
    else if (strcmp(key, "from") == 0)
        keep(&req->from, value);
    else if (strcmp(key, "mode") == 0)
        keep(&req->mode, value);
    else if (strcmp(key, "limit") == 0)
        keep(&req->limit, value);
    else if (strcmp(key, "in") == 0)
        keep(&req->in, value);
    else if (strcmp(key, "as-of") == 0)
        keep(&req->as_of, value);
    else if (strcmp(key, "history") == 0)
        keep(&req->history, value);
    else if (strcmp(key, "to") == 0 && value && *value) {
        /* to=ru,zh or to=ru&to=zh (the page's checkboxes) */
        size_t have = strlen(req->to_joined);
        if (have + value_size + 2 > sizeof req->to_joined) {
            snprintf(req->why, sizeof req->why, "parameter to is too long (at most %zu bytes)",
                     sizeof req->to_joined - 2);
            req->bad = 1;
            return MHD_YES;
        }
        if (have)
            req->to_joined[have++] = ',';
        memcpy(req->to_joined + have, value, value_size + 1);
        req->to = req->to_joined;
    }
    return MHD_YES;
}

struct server {
    struct http_mhd mhd; /* libmicrohttpd, loaded when the server starts */
    struct db_pool pool;
    struct MHD_Daemon *daemon;
    struct http_door *door;
};

/* The answer to a request that passed the checks. */
static void route(struct server *srv, const struct http_request *req, struct http_reply *reply)
{
    const char *p = req->path;
    struct db_slot *slot;
    glossa_db *db;

    if (strcmp(p, "/api/status") == 0) {
        http_api_status(reply);
        return;
    }
    if (strcmp(p, "/status") == 0) {
        http_page_status(req, reply);
        return;
    }
    if (strcmp(p, "/favicon.ico") == 0) {
        http_reply_favicon(reply);
        return;
    }
    if (strcmp(p, "/") != 0 && strcmp(p, "/api/lookup") != 0 && strncmp(p, "/c/", 3) != 0 &&
        strncmp(p, "/api/concept/", 13) != 0) {
        if (http_is_api(p))
            http_api_error(reply, 404, "no such API path (there are /api/lookup, "
                                       "/api/concept/ID and /api/status)");
        else
            http_page_error(req, 404, "There is no such page.", reply);
        return;
    }
    slot = pool_take(&srv->pool);
    db = slot->db;
    if (strcmp(p, "/") == 0)
        http_page_search(db, req, reply);
    else if (strcmp(p, "/api/lookup") == 0)
        http_api_lookup(db, req, reply);
    else if (strncmp(p, "/c/", 3) == 0)
        http_page_concept(db, p + 3, req, reply);
    else
        http_api_concept(db, p + 13, req, reply);
    /* the concept page also shows the proposals, read at each request: no
    ** Last-Modified of the index for it (its ETag covers them) */
    if (strncmp(p, "/c/", 3) != 0)
        reply->modified = slot->built;
    pool_give(&srv->pool, slot);
}

/* A header field added to a response (cls: struct response_to). */
struct response_to {
    const struct http_mhd *mhd;
    struct MHD_Response *r;
};

static void add_mhd_header(void *cls, const char *name, const char *value)
{
    const struct response_to *to = cls;
    to->mhd->add_response_header(to->r, name, value);
}

/* The body of a 304: none. */
static ssize_t no_body(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)cls;
    (void)pos;
    (void)buf;
    (void)max;
    return MHD_CONTENT_READER_END_OF_STREAM;
}

static enum MHD_Result send_reply(const struct server *srv, struct MHD_Connection *c,
                                  struct http_reply *reply, const char *allow)
{
    const struct http_mhd *mhd = &srv->mhd;
    static char oom[] = "{\"error\":\"out of memory\"}\n";
    static char none[] = "";
    int empty = reply->status == 204 || reply->status == 304; /* no body by definition */
    struct MHD_Response *r;
    enum MHD_Result ret;

    if (reply->status == 304) { /* no length: it would say 0, not the 200's (RFC 9110 8.6) */
        r = mhd->create_response_from_callback(MHD_SIZE_UNKNOWN, 64, no_body, NULL, NULL);
        if (r) /* nor chunked: the connection closes after it anyway */
            mhd->set_response_options(r, MHD_RF_HTTP_1_0_COMPATIBLE_STRICT, MHD_RO_END);
    }
    else if (empty)
        r = mhd->create_response_from_buffer(0, none, MHD_RESPMEM_PERSISTENT);
    else if (reply->body)
        r = mhd->create_response_from_buffer(reply->len, reply->body, MHD_RESPMEM_MUST_FREE);
    else
        r = mhd->create_response_from_buffer(sizeof oom - 1, oom, MHD_RESPMEM_PERSISTENT);
    if (!r) {
        free(reply->body);
        return MHD_NO;
    }
    if (!reply->body && !empty) {
        memset(reply, 0, sizeof *reply);
        reply->status = 500;
        reply->type = "application/json; charset=utf-8";
    }
    http_reply_headers(reply, allow, add_mhd_header, &(struct response_to){ mhd, r });
    ret = mhd->queue_response(c, reply->status, r);
    mhd->destroy_response(r);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **req_cls)
{
    struct server *srv = cls;
    struct http_request req;
    struct http_conditions cond;
    struct http_reply reply = { 0 };
    const char *length = srv->mhd.lookup_connection_value(c, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *chunked = srv->mhd.lookup_connection_value(c, MHD_HEADER_KIND,
                                                      MHD_HTTP_HEADER_TRANSFER_ENCODING);

    (void)version;
    (void)upload_data;
    if (*req_cls == MARK(answered)) { /* body bytes after the answer: dropped */
        *upload_data_size = 0;
        return MHD_YES;
    }
    memset(&req, 0, sizeof req);
    req.path = url;
    if (strcmp(method, "OPTIONS") == 0 && !(length && strcmp(length, "0") != 0) && !chunked) {
        http_reply_options(url, &reply); /* the API's CORS preflight; a page: 405 */
        *req_cls = MARK(answered);
        return send_reply(srv, c, &reply, http_allow(url));
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        http_error_reply(&req, 405, "only GET and HEAD", "This server only answers GET and HEAD.",
                         &reply);
        *req_cls = MARK(answered);
        return send_reply(srv, c, &reply, http_allow(url));
    }
    if (*req_cls == MARK(uri_too_long) || *req_cls == MARK(uri_control)) {
        if (*req_cls == MARK(uri_too_long))
            http_error_reply(&req, 414, "request target too long (at most 8192 bytes)",
                             "The address is too long (at most 8192 bytes).", &reply);
        else
            http_error_reply(&req, 400, "a control character in the path",
                             "The address has a control character in its path.", &reply);
        *req_cls = MARK(answered);
        return send_reply(srv, c, &reply, NULL);
    }
    if ((length && strcmp(length, "0") != 0) || chunked) {
        http_error_reply(&req, 413, "a request body is not accepted",
                         "A request body is not accepted.", &reply);
        *req_cls = MARK(answered);
        return send_reply(srv, c, &reply, NULL);
    }
    if (*req_cls != MARK(checked)) {
        /* Answer on the next call, once MHD knows the request is complete. */
        *req_cls = MARK(checked);
        return MHD_YES;
    }
    srv->mhd.get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, on_argument, &req);
    *req_cls = MARK(answered);
    if (req.bad && http_is_api(url))
        http_api_error(&reply, 400, req.why);
    else
        route(srv, &req, &reply);
    cond.if_none_match = srv->mhd.lookup_connection_value(c, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_IF_NONE_MATCH);
    cond.if_modified_since = srv->mhd.lookup_connection_value(c, MHD_HEADER_KIND,
                                                         MHD_HTTP_HEADER_IF_MODIFIED_SINCE);
    cond.accept_encoding = srv->mhd.lookup_connection_value(c, MHD_HEADER_KIND,
                                                       MHD_HTTP_HEADER_ACCEPT_ENCODING);
    if (http_reply_negotiate(&reply, url, &cond)) {
        free(reply.body);
        reply.body = NULL; /* memory is short: 500 */
    }
    return send_reply(srv, c, &reply, NULL);
}

/* ---- the server --------------------------------------------------------------------- */

/* libmicrohttpd closed a connection: the door counts it no more. */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_cls,
                          enum MHD_ConnectionNotificationCode code)
{
    const struct server *srv = cls;
    const union MHD_ConnectionInfo *info;
    (void)socket_cls;
    if (code != MHD_CONNECTION_NOTIFY_CLOSED)
        return;
    info = srv->mhd.get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (info)
        http_door_closed(srv->door, info->connect_fd);
}

static int hand_over(void *cls, int fd, const struct sockaddr *addr, socklen_t len)
{
    const struct server *srv = cls;
    return srv->mhd.add_connection(srv->daemon, fd, addr, len) == MHD_YES ? 0 : -1;
}

int web_serve(const struct web_config *cfg, glossa_error *err)
{
    struct server srv;
    sigset_t stop, old;
    char msg[256];
    int rc = 0;

    memset(&srv, 0, sizeof srv);
    if (http_page_init(msg, sizeof msg)) {
        close(cfg->listen_fd);
        return fail(err, GLOSSA_ERROR, "%s", msg);
    }
    if (http_mhd_load(&srv.mhd, NULL, msg, sizeof msg)) {
        close(cfg->listen_fd);
        return fail(err, GLOSSA_ERROR, "%s", msg);
    }
    http_csp_init();
    srv.door = http_door_new(cfg);
    if (!srv.door || pool_open(&srv.pool, cfg->db_path, cfg->threads, err)) {
        if (!srv.door)
            fail(err, GLOSSA_ENOMEM, "out of memory");
        pool_close(&srv.pool);
        http_door_free(srv.door);
        http_mhd_unload(&srv.mhd);
        close(cfg->listen_fd);
        return err->code ? err->code : GLOSSA_ERROR;
    }
    srv.pool.cfg = cfg;
    /* SIGINT and SIGTERM are read by the door (signalfd); the workers inherit the mask. */
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, &old);
    signal(SIGPIPE, SIG_IGN);
    /* No listening socket: the door accepts, checks each request head, and
    ** hands the connection over (MHD_add_connection; MHD_USE_ITC wakes a worker). */
    srv.daemon = srv.mhd.start_daemon(
        MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC,
        0, NULL, NULL, on_request, &srv,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)cfg->threads,
        /* the door keeps --max-clients; the connections it cut may not be closed yet */
        MHD_OPTION_CONNECTION_LIMIT, 2 * (unsigned int)cfg->max_clients,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)cfg->max_per_ip,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)cfg->idle_timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, &srv,
        MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
        MHD_OPTION_END);
    if (!srv.daemon) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        pool_close(&srv.pool);
        http_door_free(srv.door);
        http_mhd_unload(&srv.mhd);
        close(cfg->listen_fd);
        return fail(err, GLOSSA_ERROR, "cannot start the HTTP server on %s", cfg->shown);
    }
    if (cfg->on_ready)
        cfg->on_ready(cfg, cfg->cls);
    if (http_door_run(srv.door, &stop, hand_over, &srv)) {
        rc = fail(err, GLOSSA_ERROR, "cannot wait for signals: %s", strerror(errno));
        close(cfg->listen_fd);
    }
    srv.mhd.stop_daemon(srv.daemon); /* waits for the workers; what is left is closed */
    http_door_free(srv.door);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pool_close(&srv.pool);
    http_mhd_unload(&srv.mhd);
    return rc;
}
