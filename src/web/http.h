/*
** http.h — what the files of the web server (`glossa serve --http`) share;
** web.h is what the CLI sees of them. http_server.c is
** the transport (libmicrohttpd, the database handles, limits, headers,
** signals); http_params.c reads a request's parameters; http_api.c writes
** the JSON answers, http_page.c the HTML pages; http_csp.c the
** Content-Security-Policy; http_reply.c the error answers and header fields
** every answer carries; http_door.c accepts the connections and checks each
** request head first. Only http_server.c and http_mhd.c (which loads
** libmicrohttpd when the server starts) include microhttpd.h. What
** the CLI prints the same way (the JSON of results, of status; lookup's
** option values) comes from src/common, never from src/cli.
*/
#ifndef GLOSSA_HTTP_H
#define GLOSSA_HTTP_H

#include "common.h"
#include "web.h"

#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/socket.h>
#include <time.h>

/* The page (export/web/index.html), embedded at build time (web_resources.c). */
extern const char glossa_web_index[];
extern const size_t glossa_web_index_len;

/* Longest query, as `glossa lookup`; longest request target (path and query). */
#define HTTP_QUERY_MAX 4096
#define HTTP_URL_MAX 8192

/* What a request asks, its parameters as sent (decoded, borrowed from the
** connection). to joins every to= given with commas. */
struct http_request {
    const char *path;        /* decoded path, "/c/information-security" */
    const char *q, *from, *to, *mode, *limit, *in, *as_of, *history;
    char to_joined[512];
    int bad;                 /* a parameter with a NUL byte or invalid UTF-8, or too long */
    char why[GLOSSA_ERROR_SIZE + 64]; /* what is wrong (glossa_text_check's words) */
};

/* An answer: status, content type and a body that the server frees with free();
** what http_reply_negotiate() adds for the request (validators, gzip, CORS). */
struct http_reply {
    unsigned status;
    const char *type;        /* static */
    char *body;
    size_t len;
    time_t modified;         /* Last-Modified: when the index was built; 0 when not from the index alone */
    char etag[48];           /* "\"…\"" (of the body as sent), or empty */
    int gzip;                /* the body is gzip (Content-Encoding) */
    int vary;                /* Vary: Accept-Encoding (the body could have been gzip) */
    int cors;                /* the read-only API: Access-Control-Allow-Origin: * (2: the
                             ** answer to a preflight, with the methods and fields allowed) */
    unsigned max_age;        /* seconds it may be kept unasked (Cache-Control); 0: no-cache */
};

/* What a request asks of its answer's form (its header fields, as sent; NULL when absent). */
struct http_conditions {
    const char *if_none_match, *if_modified_since, *accept_encoding;
};

/* A body written to a FILE (open_memstream over reply->body); returns NULL
** when memory is short. http_body_end() closes it and sets status and type;
** it returns -1, with no body left, when the body could not be written. */
FILE *http_body_begin(struct http_reply *reply);
int http_body_end(FILE *f, struct http_reply *reply, unsigned status, const char *type);

/* http_params.c */
/* Lookup options from the request (from, to, mode, limit, in, as-of,
** history), checked as `glossa lookup` checks them (common.h's value_*,
** lang_list_check). Returns 0, or 400/413
** with msg saying what is wrong. opts borrows from req. */
unsigned http_lookup_opts(const struct http_request *req, glossa_lookup_opts *opts, char *msg,
                          size_t msg_size);
/* The query: present, at most HTTP_QUERY_MAX bytes. Returns 0 or 400/413 with msg. */
unsigned http_query_check(const struct http_request *req, char *msg, size_t msg_size);
/* 1 when id can be a concept id (an xml:id: letters, digits, ".", "-", "_"). */
int http_valid_id(const char *id);

/* http_api.c: the JSON answers (db borrowed, one thread's handle) */
void http_api_error(struct http_reply *reply, unsigned status, const char *msg);
void http_api_lookup(glossa_db *db, const struct http_request *req, struct http_reply *reply);
void http_api_concept(glossa_db *db, const char *id, const struct http_request *req,
                      struct http_reply *reply);
void http_api_status(struct http_reply *reply);
/* The concept id (glossa_concept, with opts), else the notion id of the
** study of national legislation (glossa_notion); GLOSSA_ENOTFOUND when neither. */
int http_concept(glossa_db *db, const char *id, const glossa_lookup_opts *opts,
                 glossa_results **res, glossa_error *err);
/* The member states (common.h's load_states), one call at a time, as
** http_status_load; NULL when they cannot be read. The caller frees them. */
glossa_states *http_states_load(void);
/* The proposals and positions of the glossary folder (as `glossa status`
** reads them, from $GLOSSA_GLOSSARY or the bundled glossary), or 0 with
** both NULL when there are none. Returns -1 with msg on a problem. One call
** at a time (a mutex); the caller frees both. */
int http_status_load(glossa_proposals **p, glossa_status_report **r, char *msg, size_t msg_size);

/* http_page.c: the HTML pages, from the template */
/* Split the template at its {{markers}} (pointers into the embedded page,
** nothing allocated); find its style and script. Returns 0, or -1 with msg
** when the page lacks what the server fills in. */
int http_page_init(char *msg, size_t msg_size);
/* The inline <style> and <script> of the page, for their hashes. */
const char *http_page_style(size_t *len);
const char *http_page_script(size_t *len);
void http_page_search(glossa_db *db, const struct http_request *req, struct http_reply *reply);
void http_page_concept(glossa_db *db, const char *id, const struct http_request *req,
                       struct http_reply *reply);
void http_page_status(const struct http_request *req, struct http_reply *reply);
void http_page_error(const struct http_request *req, unsigned status, const char *msg,
                     struct http_reply *reply);

/* http_csp.c */
/* The Content-Security-Policy of the pages: nothing but the page's own
** style and script (by their SHA-256) and fetches to the server itself.
** Computed once by http_csp_init(); @return static string */
void http_csp_init(void);
const char *http_csp_page(void);
/* For JSON and errors: nothing at all. */
#define HTTP_CSP_NONE "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
/* SHA-256 (FIPS 180-4) of len bytes of data into out. */
void http_sha256(const void *data, size_t len, unsigned char out[32]);

/* http_reply.c: what every answer carries, from the door or the transport */
/* 1 when path is under /api (answered in JSON). */
int http_is_api(const char *path);
/* An error answer: JSON (api_msg) for an /api path, else the page (page_msg). */
void http_error_reply(const struct http_request *req, unsigned status, const char *api_msg,
                      const char *page_msg, struct http_reply *reply);
/* The header fields of every answer (content type, security headers,
** "Connection: close"; "Allow: allow" when allow is not NULL; the validators,
** Content-Encoding, Vary and CORS fields the reply has), each given to add(). */
void http_reply_headers(const struct http_reply *reply, const char *allow,
                        void (*add)(void *cls, const char *name, const char *value), void *cls);
/* An answer made fit for the request c: Access-Control-Allow-Origin for the
** API, Vary; for a 200, its ETag (of the body), then 304 with no body when c's
** If-None-Match (else If-Modified-Since, against reply->modified) says the
** client has it, else the body gzipped when c accepts gzip. Returns 0, or -1
** when memory is short (the reply as it was, still whole). */
int http_reply_negotiate(struct http_reply *reply, const char *path,
                         const struct http_conditions *c);
/* The answer to an OPTIONS request for path: 204 with the CORS preflight
** fields for the API (GET and HEAD from any origin), else 405. */
void http_reply_options(const char *path, struct http_reply *reply);
/* The answer to /favicon.ico, which every browser asks for: 204, kept a week
** (no icon, and no 404 in the log at each visit). */
void http_reply_favicon(struct http_reply *reply);
/* The Allow field of a path: "GET, HEAD, OPTIONS" for the API, else "GET, HEAD". */
const char *http_allow(const char *path);

/* http_door.c: the connections before libmicrohttpd has them */
struct http_door;
/* Give a connection whose request head passed to libmicrohttpd; it owns fd
** from then on (closed on failure too). Returns 0, or -1 when refused. */
typedef int (*http_hand_fn)(void *cls, int fd, const struct sockaddr *addr, socklen_t len);
/* Door state over cfg (borrowed); NULL when memory is short. */
struct http_door *http_door_new(const struct web_config *cfg);
void http_door_free(struct http_door *d);
/* Accept and check requests until a signal of stop (blocked in every
** thread) comes and the requests under way are done, or --grace is over.
** Closes the listening socket. Returns 0, or -1 when it cannot start. */
int http_door_run(struct http_door *d, const sigset_t *stop, http_hand_fn hand, void *cls);
/* libmicrohttpd closed fd, a connection handed over (any thread). */
void http_door_closed(struct http_door *d, int fd);

#endif
