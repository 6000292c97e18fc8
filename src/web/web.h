/*
** web.h — the web server of `glossa serve --http`, as the CLI calls it: a
** config and one entry point. The server is its own library (glossa_web,
** src/web) over libglossa and src/common, beside the CLI rather than in it:
** the CLI parses the options, opens the listening socket and prints; this
** serves HTTP (libmicrohttpd, worker threads, its own request checks) and
** says what went wrong in a glossa_error. Named web, not http, because it
** is the web page as much as the protocol: the page (export/web/index.html)
** is compiled into it.
*/
#ifndef GLOSSA_WEB_H
#define GLOSSA_WEB_H

#include "glossa.h"

/* Worker threads, and as many database handles. */
#define WEB_THREADS 4

struct web_config {
    int listen_fd;            /* bound and listening; the server closes it */
    const char *shown;        /* the address, for the "listening on" line */
    const char *db_path;
    unsigned max_clients, max_per_ip;
    unsigned idle_timeout;    /* seconds without a byte sent or taken */
    unsigned request_timeout; /* seconds from a connection's opening, or its
                              ** previous answer, to a whole request header */
    unsigned grace;           /* seconds to finish the answers under way on SIGTERM */
    unsigned threads;
    /* Called once the server is ready, before the first request (the CLI
    ** prints its "listening on" line); may be NULL. */
    void (*on_ready)(const struct web_config *cfg, void *cls);
    /* Called when the file at db_path was replaced by one that cannot be
    ** opened (once per such file; the old index goes on answering); may be
    ** NULL. From a worker thread. */
    void (*on_refresh_failed)(const char *path, const glossa_error *err, void *cls);
    void *cls;
};

/* Serve until SIGINT or SIGTERM. Returns 0 once stopped by a signal, or an
** error code (GLOSSA_E*) with err filled when it could not start: the page
** is broken, the database does not open, memory is short, libmicrohttpd or
** the wait for signals did not start. Closes cfg->listen_fd in every case. */
int web_serve(const struct web_config *cfg, glossa_error *err);

#endif
