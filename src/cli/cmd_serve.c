/*
** cmd_serve.c — `glossa serve --dict`: a DICT server (RFC 2229) for the
** `dict` client, GoldenDict and the like. This file is the socket loop only:
** one thread, poll(), non-blocking sockets, bounds on connections (in all and
** per address, and a fair share of them when all are taken), an idle
** timeout, a time limit on each command line and one on answers waiting to
** be taken, an index replaced by `glossa index` taken up before the next
** command, SIGPIPE ignored, and on SIGINT/SIGTERM a stop that first sends
** the answers under way (--grace). What is said on a connection is libglossa's
** (glossa_dict_session, src/lib/dict.c). One thread means one glossa_db
** handle, which is not thread-safe, and no locks. `glossa serve --http` (the
** web page) shares the options and the listening socket made here, and the
** socket helpers of src/common/net.c; the server itself is src/web (web.h).
*/
#include "cmd.h"
#include "web.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The bounds of a server, from the options. */
struct serve_limits {
    long max_clients, max_per_ip, idle, request, grace, send;
};

struct serve_args {
    int dict, http;
    const char *listen;
    struct serve_limits lim;
};
static const struct serve_args defaults = { .lim = { 64, 8, 300, 10, 5, 60 } };

static const struct cli_option options[] = {
    CLI_OPT_FLAG(serve_args, dict, "dict", 0, "speak the DICT protocol (RFC 2229), as dictd does"),
    CLI_OPT_FLAG(serve_args, http, "http", 0, "serve the web page and its JSON API (HTTP/1.1)"),
    CLI_OPT_TEXT(serve_args, listen, "listen", 'l', "HOST:PORT", "address to listen on (default 127.0.0.1:2628, with --http 127.0.0.1:8080; port 0: any free port)"),
    CLI_OPT_DB(CLI_DB_HELP),
    CLI_OPT_INT(serve_args, lim.max_clients, "max-clients", 0, "N", "connections served at once, 1 to 1000 (default 64); with --dict more are told 420", 1, 1000),
    CLI_OPT_INT(serve_args, lim.max_per_ip, "max-per-ip", 0, "N", "connections from one address at once, 1 to 1000 (default 8)", 1, 1000),
    CLI_OPT_INT(serve_args, lim.idle, "idle-timeout", 0, "SECONDS", "close a connection that does nothing this long (default 300)", 1, 86400),
    CLI_OPT_INT(serve_args, lim.request, "request-timeout", 0, "SECONDS", "close a connection whose command line (--dict) or request header (--http) is not whole this long after it began (default 10)", 1, 3600),
    CLI_OPT_INT(serve_args, lim.send, "send-timeout", 0, "SECONDS", "--dict: close a connection whose answers have waited this long without all being taken (default 60)", 1, 86400),
    CLI_OPT_INT(serve_args, lim.grace, "grace", 0, "SECONDS", "on SIGINT or SIGTERM, time left to finish the answers under way (default 5)", 0, 3600),
};

struct client {
    int fd;
    int eof;                 /* the client closed its side */
    double last;             /* when it last sent or took something */
    double line_since;       /* when an incomplete command line began, or 0 */
    double opened;           /* when it was accepted */
    double out_since;        /* since when answers wait to be taken, or 0 */
    struct sockaddr_storage peer;
    glossa_dict_session *s;
};

static volatile sig_atomic_t stopping;
static int wake_fd = -1; /* write end of a pipe that wakes poll() on a signal */

static void on_signal(int sig)
{
    int saved = errno;
    (void)sig;
    stopping = 1;
    if (wake_fd >= 0 && write(wake_fd, "x", 1) < 0) {
        /* the pipe is full: poll() wakes anyway */
    }
    errno = saved;
}

static int parse_number(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v;
    if (!s)
        return 0;
    errno = 0;
    v = strtol(s, &end, 10);
    if (*s == '\0' || *end || errno || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* Bind and listen on HOST:PORT ([HOST]:PORT for IPv6). shown gets the
** address as bound, with the port the system picked for port 0. */
static int open_listener(const struct cli_out *out, const char *spec, char *shown, size_t n)
{
    char host[256], port[16], h[NI_MAXHOST], p[NI_MAXSERV];
    const char *colon = strrchr(spec, ':');
    struct addrinfo hints, *ai = NULL, *a;
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    long num;
    int fd = -1, rc, one = 1;

    if (!colon || colon == spec || parse_number(colon + 1, 0, 65535, &num) ||
        (size_t)(colon - spec) >= sizeof host) {
        out_message(out, "--listen takes HOST:PORT (e.g. 127.0.0.1:2628), not '%s'", spec);
        return -1;
    }
    snprintf(host, sizeof host, "%.*s", (int)(colon - spec), spec);
    if (host[0] == '[' && host[strlen(host) - 1] == ']') { /* [::1] */
        memmove(host, host + 1, strlen(host));
        host[strlen(host) - 1] = '\0';
    }
    snprintf(port, sizeof port, "%ld", num);
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    if ((rc = getaddrinfo(host, port, &hints, &ai)) != 0) {
        out_message(out, "cannot listen on '%s': %s", spec, gai_strerror(rc));
        return -1;
    }
    for (a = ai; a; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd < 0)
            continue;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 128) == 0 &&
            serve_socket_flags(fd) == 0)
            break;
        rc = errno;
        close(fd);
        fd = -1;
        errno = rc;
    }
    freeaddrinfo(ai);
    if (fd < 0) {
        out_message(out, "cannot listen on '%s': %s", spec, strerror(errno));
        return -1;
    }
    if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0 &&
        getnameinfo((struct sockaddr *)&ss, len, h, sizeof h, p, sizeof p,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0)
        snprintf(shown, n, strchr(h, ':') ? "[%s]:%s" : "%s:%s", h, p);
    else
        snprintf(shown, n, "%s", spec);
    return fd;
}

/* Send what the session has queued, as much as the socket takes now, and
** no more than a few rounds of answers, so that a client with many commands
** in its pipe does not keep the others waiting. Returns -1 when the
** connection is broken. */
static int flush_client(struct client *c, double now)
{
    glossa_error err;
    int round;
    for (round = 0; round < 8; round++) {
        size_t len;
        const char *data = glossa_dict_session_output(c->s, &len);
        ssize_t sent;
        if (len == 0)
            return 0;
        sent = send(c->fd, data, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
        c->last = now;
        if (glossa_dict_session_consume(c->s, (size_t)sent, &err))
            return -1;
    }
    return 0;
}

static void drop_client(struct client *c)
{
    close(c->fd);
    glossa_dict_session_free(c->s);
    c->fd = -1;
    c->s = NULL;
}

/* Note when the command line now being received began: a line that is not
** whole --request-timeout seconds after its first byte closes the
** connection (a client trickling a byte a second holds no slot for long). */
static void note_line(struct client *c, const char *buf, size_t got, double now)
{
    size_t i = got;
    while (i > 0 && buf[i - 1] != '\n')
        i--;
    if (i > 0)
        c->line_since = i < got ? now : 0;
    else if (c->line_since == 0)
        c->line_since = now;
}

/* Read what the client sent, answer, send. Returns 1 to close it. */
static int serve_client(struct client *c, short revents, double now,
                        const struct serve_limits *lim)
{
    glossa_error err;
    size_t pending;

    if (revents & POLLIN) {
        char buf[4096];
        size_t room = glossa_dict_session_room(c->s);
        ssize_t got = recv(c->fd, buf, room < sizeof buf ? room : sizeof buf, 0);
        if (got > 0) {
            c->last = now;
            note_line(c, buf, (size_t)got, now);
            if (glossa_dict_session_feed(c->s, buf, (size_t)got, &err))
                return 1;
        } else if (got == 0 && room > 0) {
            c->eof = 1;
        } else if (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            return 1;
        }
    }
    if (revents & (POLLERR | POLLNVAL))
        return 1;
    if (flush_client(c, now))
        return 1;
    glossa_dict_session_output(c->s, &pending);
    if (pending == 0 && (c->eof || glossa_dict_session_done(c->s)))
        return 1;
    /* the write deadline: a client taking its answers a byte at a time
    ** resets the idle clock with each, never this one */
    if (pending == 0)
        c->out_since = 0;
    else if (c->out_since == 0)
        c->out_since = now;
    if (c->out_since > 0 && now - c->out_since >= (double)lim->send)
        return 1;
    if ((revents & POLLHUP) && !(revents & POLLIN))
        return 1;
    /* while its answers wait (not read from, or answers still to send) the
    ** client is not the one who is slow: the clock of its command line
    ** starts again once they are gone, counted from now, after the time this
    ** server spent answering (a loaded machine is no slow client) */
    if (c->line_since > 0 && (glossa_dict_session_room(c->s) == 0 || pending > 0))
        c->line_since = serve_now();
    return now - c->last >= (double)lim->idle ||
           (c->line_since > 0 && now - c->line_since >= (double)lim->request);
}

/* serve_share_victim's view of the clients. */
static const struct sockaddr_storage *client_at(void *cls, size_t i, double *since)
{
    const struct client *clients = cls;
    *since = clients[i].opened;
    return &clients[i].peer;
}

/* Accept what waits; past --max-per-ip from one address a connection is told
** 420 and closed; past --max-clients too, unless its address holds fewer
** than another: then that other's oldest connection is told 420 and closed
** in its place (serve_share_victim), so that no address starves another. */
static void accept_clients(int lfd, glossa_dict *d, struct client *clients, int *n,
                           const struct serve_limits *lim, double now, double *pause_until)
{
    int i;
    for (i = 0; i < 16; i++) {
        glossa_error err;
        struct client c;
        socklen_t len = sizeof c.peer;
        int fd, j, same = 0;
        long victim;
        memset(&c, 0, sizeof c);
        fd = accept(lfd, (struct sockaddr *)&c.peer, &len);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                fprintf(stderr, "glossa serve: cannot accept a connection: %s\n", strerror(errno));
                *pause_until = now + 1; /* the backlog waits */
            }
            return;
        }
        c.fd = fd;
        c.last = c.opened = now;
        if (serve_socket_flags(fd) || glossa_dict_session_new(&c.s, d, &err)) {
            close(fd);
            continue;
        }
        for (j = 0; j < *n; j++)
            same += serve_same_host(&clients[j].peer, &c.peer);
        if (*n == lim->max_clients && same < lim->max_per_ip &&
            (victim = serve_share_victim((size_t)*n, client_at, clients, &c.peer)) >= 0) {
            glossa_dict_session_bye(clients[victim].s, GLOSSA_DICT_BUSY);
            flush_client(&clients[victim], now);
            drop_client(&clients[victim]);
            clients[victim] = clients[--*n];
        }
        if (*n == lim->max_clients || same >= lim->max_per_ip) {
            glossa_dict_session_bye(c.s, GLOSSA_DICT_BUSY);
            flush_client(&c, now);
            drop_client(&c);
            continue;
        }
        if (flush_client(&c, now)) {
            drop_client(&c);
            continue;
        }
        clients[(*n)++] = c;
    }
}

/* The index served over DICT, and the file it was opened from. A new index
** that `glossa index` renamed over the old one is taken up before the next
** command, whatever the connections open: sessions borrow st->dict, which
** changes its database under them (glossa_dict_set_db). */
struct dict_state {
    const char *path, *host;
    glossa_db *db;
    glossa_dict *dict;
    dev_t dev;
    ino_t ino;
};

static int dict_open(struct dict_state *st, glossa_error *err)
{
    glossa_dict_opts opts = GLOSSA_DICT_OPTS_INIT;
    struct stat sb;
    if (stat(st->path, &sb) != 0)
        memset(&sb, 0, sizeof sb);
    opts.host = st->host;
    if (glossa_db_open(&st->db, st->path, err))
        return -1;
    if (glossa_dict_new(&st->dict, st->db, &opts, err)) {
        glossa_db_close(st->db);
        st->db = NULL;
        return -1;
    }
    st->dev = sb.st_dev;
    st->ino = sb.st_ino;
    return 0;
}

static void dict_close(struct dict_state *st)
{
    glossa_dict_free(st->dict);
    glossa_db_close(st->db);
    st->dict = NULL;
    st->db = NULL;
}

/* The new file at the index's path cannot be used: said once, on stderr
** (the service's log), with why; the old index goes on answering. */
static void refresh_failed(const char *path, const glossa_error *err)
{
    out_printf(stderr, "glossa serve: %s was replaced, but the new file cannot be used (%s); "
                       "still answering from the previous index\n", path, err->msg);
}

/* Take up a replaced index (a failed open keeps the old one: it is complete,
** and the new file is not tried again until it is replaced in turn). */
static void dict_refresh(struct dict_state *st)
{
    struct stat sb;
    glossa_error err;
    glossa_db *db;
    if (stat(st->path, &sb) != 0 || (sb.st_dev == st->dev && sb.st_ino == st->ino))
        return;
    st->dev = sb.st_dev;
    st->ino = sb.st_ino;
    if (glossa_db_open(&db, st->path, &err)) {
        refresh_failed(st->path, &err);
        return;
    }
    if (glossa_dict_set_db(st->dict, db, &err)) {
        refresh_failed(st->path, &err);
        glossa_db_close(db);
        return;
    }
    glossa_db_close(st->db);
    st->db = db;
}

/* Say 421 to a client and close it. */
static void say_bye(struct client *c)
{
    glossa_dict_session_bye(c->s, GLOSSA_DICT_SHUTDOWN);
    flush_client(c, 0);
    drop_client(c);
}

/* Serve until SIGINT or SIGTERM; then stop accepting (the listening socket
** is closed), give the answers under way --grace seconds to be sent, and say
** 421 to each client once its answer is out. Takes lfd. */
static int serve_loop(int lfd, int wake_r, struct dict_state *st, const struct serve_limits *lim)
{
    struct client *clients = calloc((size_t)lim->max_clients, sizeof *clients);
    struct pollfd *pfd = calloc((size_t)lim->max_clients + 2, sizeof *pfd);
    double pause_until = 0, stop_at = 0;
    int n = 0, i, rc = EXIT_OK_;

    if (!clients || !pfd) {
        fprintf(stderr, "glossa serve: out of memory\n");
        free(clients);
        free(pfd);
        close(lfd);
        return EXIT_ERR;
    }
    for (;;) {
        double now = serve_now();
        int k = 2, live = 0, wait_ms = 1000;
        if (stopping && stop_at == 0) {
            stop_at = now + (double)lim->grace;
            close(lfd);
            lfd = -1;
        }
        if (stop_at > 0) {
            for (i = 0; i < n; i++) {
                size_t pending;
                glossa_dict_session_output(clients[i].s, &pending);
                if (pending == 0 || now >= stop_at)
                    say_bye(&clients[i]);
                else
                    clients[live++] = clients[i];
            }
            n = live;
            live = 0;
            if (n == 0)
                break;
            wait_ms = (int)((stop_at - now) * 1000) + 1;
            if (wait_ms > 1000)
                wait_ms = 1000;
        }
        pfd[0].fd = lfd >= 0 && now >= pause_until ? lfd : -1;
        pfd[0].events = POLLIN;
        pfd[1].fd = wake_r;
        pfd[1].events = POLLIN;
        for (i = 0; i < n; i++, k++) {
            size_t pending;
            glossa_dict_session_output(clients[i].s, &pending);
            pfd[k].fd = clients[i].fd;
            pfd[k].events = (short)((glossa_dict_session_room(clients[i].s) && !clients[i].eof &&
                                             stop_at == 0
                                         ? POLLIN : 0) | (pending ? POLLOUT : 0));
            pfd[k].revents = 0;
        }
        pfd[0].revents = pfd[1].revents = 0;
        if (poll(pfd, (nfds_t)k, wait_ms) < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, "glossa serve: poll: %s\n", strerror(errno));
            rc = EXIT_ERR;
            break;
        }
        if (pfd[1].revents) {
            char drain[64];
            while (read(wake_r, drain, sizeof drain) > 0)
                ;
            continue;
        }
        now = serve_now();
        dict_refresh(st); /* before the commands this round answers */
        for (i = 0; i < n; i++) {
            if (serve_client(&clients[i], pfd[2 + i].revents, now, lim))
                drop_client(&clients[i]);
            else
                clients[live++] = clients[i];
        }
        n = live;
        if (pfd[0].revents & POLLIN)
            accept_clients(lfd, st->dict, clients, &n, lim, now, &pause_until);
    }
    for (i = 0; i < n; i++)
        say_bye(&clients[i]);
    if (lfd >= 0)
        close(lfd);
    free(clients);
    free(pfd);
    return rc;
}

/* web_config.on_ready: the line that says the web server is up. */
static void web_ready(const struct web_config *cfg, void *cls)
{
    (void)cls;
    out_printf(stderr, "listening on %s (HTTP, %u threads): http://%s/\n", cfg->shown,
               cfg->threads, cfg->shown);
    fflush(stderr);
}

/* web_config.on_refresh_failed: as the DICT server says it. */
static void web_refresh_failed(const char *path, const glossa_error *err, void *cls)
{
    (void)cls;
    refresh_failed(path, err);
    fflush(stderr);
}

static int run_serve(const struct cli_command *self, struct cli_args *args)
{
    const struct serve_args *a = args->opts;
    const char *listen_at = a->listen;
    struct dict_state st;
    glossa_error err;
    struct sigaction sa;
    struct serve_limits lim = a->lim;
    char shown[300], host[256];
    int lfd, wake[2], rc;

    if (a->dict == a->http) {
        fprintf(stderr, "glossa serve: say which protocol to serve: --dict (RFC 2229) or "
                        "--http (the web page), one of them\nusage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if (args->n_positional) {
        out_printf(stderr, "glossa serve: unexpected argument '%s'\n", args->positional[0]);
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if (a->http) {
        struct web_config cfg = { 0 };
        cfg.listen_fd = open_listener(&args->out, listen_at ? listen_at : "127.0.0.1:8080", shown,
                                      sizeof shown);
        if (cfg.listen_fd < 0)
            return EXIT_ERR;
        cfg.shown = shown;
        cfg.db_path = out_db_path(args, NULL);
        cfg.max_clients = (unsigned)lim.max_clients;
        cfg.max_per_ip = (unsigned)lim.max_per_ip;
        cfg.idle_timeout = (unsigned)lim.idle;
        cfg.request_timeout = (unsigned)lim.request;
        cfg.grace = (unsigned)lim.grace;
        cfg.threads = WEB_THREADS;
        cfg.on_ready = web_ready;
        cfg.on_refresh_failed = web_refresh_failed;
        if (web_serve(&cfg, &err)) {
            out_error(&args->out, &err);
            return EXIT_ERR;
        }
        return EXIT_OK_;
    }
    if (!listen_at)
        listen_at = "127.0.0.1:2628";
    if (gethostname(host, sizeof host) != 0 || !host[0])
        snprintf(host, sizeof host, "localhost");
    host[sizeof host - 1] = '\0';
    memset(&st, 0, sizeof st);
    st.path = out_db_path(args, NULL);
    st.host = host;
    if (dict_open(&st, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    lfd = open_listener(&args->out, listen_at, shown, sizeof shown);
    if (lfd < 0 || pipe(wake) != 0 || serve_socket_flags(wake[0]) || serve_socket_flags(wake[1])) {
        if (lfd >= 0) {
            out_message(&args->out, "cannot make a pipe: %s", strerror(errno));
            close(lfd);
        }
        dict_close(&st);
        return EXIT_ERR;
    }
    wake_fd = wake[1];
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    out_printf(stderr, "listening on %s (DICT, %zu databases)\n", shown,
            glossa_dict_database_count(st.dict));
    fflush(stderr);
    rc = serve_loop(lfd, wake[0], &st, &lim);

    sa.sa_handler = SIG_DFL;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    wake_fd = -1;
    close(wake[0]);
    close(wake[1]);
    dict_close(&st);
    return rc;
}

const struct cli_command cmd_serve_spec = {
    "serve", run_serve, "serve the term base: DICT (RFC 2229) or a web page with a JSON API",
    "serve --dict [--listen HOST:PORT] [--db PATH] [LIMITS]\n"
    "       glossa serve --http [--listen HOST:PORT] [--db PATH] [LIMITS]\n"
    "LIMITS: [--max-clients N] [--max-per-ip N] [--idle-timeout SECONDS]\n"
    "        [--request-timeout SECONDS] [--send-timeout SECONDS] [--grace SECONDS]",
    options, sizeof options / sizeof options[0],
    "--dict: serve the index over the DICT protocol (RFC 2229), so that the dict\n"
    "client, GoldenDict and other DICT clients can look terms up. It listens on\n"
    "127.0.0.1:2628 unless --listen says otherwise (port 0 picks a free port);\n"
    "the address is printed on stderr as 'listening on HOST:PORT'. SIGINT or\n"
    "SIGTERM stops it: it stops accepting, sends the answers under way (at most\n"
    "--grace seconds), and tells each client 421.\n"
    "\n"
    "Databases: 'all' (every language: the whole concept) and one per language\n"
    "pair that has concepts in common, e.g. 'ru-zh' (Russian terms, their Chinese\n"
    "equivalents). The pairs are answered when named but, as dictd's invisible\n"
    "databases, not listed by SHOW DB nor asked by '*' and '!', which ask 'all'\n"
    "alone: a concept comes once ('SHOW INFO all' names the pairs). DEFINE\n"
    "answers with the best matches of glossa's search (the kind 'glossa lookup'\n"
    "shows whole), with the member states' legal definitions of the concept after\n"
    "its own (glossary/national/, when indexed; a pair: those in its target\n"
    "language), each quoted with its act, article, edition, translator and\n"
    "address; a typo gets no definition, and the client's follow-up MATCH\n"
    "suggests the term. A definition or note is one line, for the client to wrap;\n"
    "Persian and Urdu text is isolated (FSI...PDI) in its line. MATCH strategies:\n"
    "exact, prefix, substring, lev (typos), stem, translit and smart (glossa's\n"
    "ranked search, also '.'). SHOW INFO says which entries are reconstructions,\n"
    "not verified; SHOW SERVER names the term base, when it was indexed and its\n"
    "counts, never a path.\n"
    "\n"
    "Limits: command lines of at most 1024 bytes (RFC 2229; longer ones get\n"
    "'500 line too long'), whole within --request-timeout of their first byte\n"
    "(else the connection is closed), --max-clients connections at once and\n"
    "--max-per-ip from one address (more get '420'; when all are taken, one from\n"
    "an address that holds fewer than another takes the slot of that other's\n"
    "oldest), --idle-timeout, and --send-timeout: a connection whose answers\n"
    "have waited that long without all being taken is closed, however little\n"
    "it takes at a time. One\n"
    "thread serves every connection. An index that 'glossa index' has replaced\n"
    "is taken up before the next command, on open connections too.\n"
    "\n"
    "Defaults: --max-clients 64, --max-per-ip 8 (behind a reverse proxy, raise\n"
    "it), --idle-timeout 300, --request-timeout 10, --send-timeout 60, --grace 5.\n"
    "\n"
    "--http: serve a web page on 127.0.0.1:8080 (unless --listen says otherwise):\n"
    "a search box that looks up as you type, each concept at /c/ID (rendered on\n"
    "the server, so it works without JavaScript; the member states' legal\n"
    "definitions in a section of their own, quoted as statutory text with their\n"
    "citation; a notion of the study of national legislation has its /c/ID too),\n"
    "the proposals at /status, and the JSON behind them:\n"
    "/api/lookup?q=Q[&from=&to=&mode=&limit=&in=] answers exactly what 'glossa\n"
    "lookup --format json' prints, /api/concept/ID what 'glossa show --format\n"
    "json ID' prints (for a notion: its label and its national definitions),\n"
    "/api/status what 'glossa status --format json' prints for the proposals\n"
    "and positions of the glossary folder\n"
    "($GLOSSA_GLOSSARY, else the bundled one). Errors are {\"error\": \"...\"}\n"
    "with status 400 (bad parameter), 404 (unknown id or path), 405 (not GET,\n"
    "HEAD or, under /api/, OPTIONS), 413 (query over 4096 bytes, or a request\n"
    "body) or 414 (address over 8 KB). The database is opened read-only, once\n"
    "per worker thread (4), and reopened when 'glossa index' has replaced it\n"
    "(no restart needed); the page is compiled in and no file is served.\n"
    "Every page is sent with a Content-Security-Policy that allows only its\n"
    "own style and script.\n"
    "Every 200 answer carries an ETag (of its body; with gzip, its own) and is\n"
    "answered 304 to If-None-Match; the API's answers and the search page also\n"
    "carry Last-Modified (when the index was built) for If-Modified-Since. A body goes\n"
    "gzipped when Accept-Encoding takes gzip (Vary: Accept-Encoding).\n"
    "/favicon.ico is 204 (no icon), kept a week.\n"
    "The read-only API may be read from any origin (Access-Control-Allow-Origin:\n"
    "*; OPTIONS answers its preflight with 204); the pages may not.\n"
    "Each request head is checked before libmicrohttpd sees it: whole within\n"
    "--request-timeout of the connection (else 408), at most 32 KB, 100 header\n"
    "fields and cookies (431; a longer request line alone 414), HTTP/1.0 or 1.1\n"
    "(505), at most 100 parameters,\n"
    "well formed (400, and closed: two Content-Length fields, one beside\n"
    "Transfer-Encoding, a Transfer-Encoding but 'chunked' once are not); a\n"
    "control character in the path is 400. Every answer has the security\n"
    "headers and closes its connection. --max-clients and\n"
    "--max-per-ip (more are closed at once; when all are taken, as with --dict).\n"
    "SIGINT or SIGTERM: no new connection; the requests under way are\n"
    "answered (at most --grace seconds), then it stops.\n"
    "\n"
    "As a service: it holds no state but the index, so several --http\n"
    "processes on one index run behind a reverse proxy (every client is then the\n"
    "proxy: raise --max-per-ip); each takes up an index renamed over --db\n"
    "before its next request. Systemd units and an nginx configuration are in\n"
    "share/glossa/service/ (export/service/ in the source; README.md, 'Running\n"
    "as a service').\n"
    "\n"
    "Exit status: 0 stopped by a signal, 2 error (no database, cannot listen).",
    "  glossa serve --dict &\n"
    "  dict -h 127.0.0.1 \"информационная безопасность\"\n"
    "  dict -h 127.0.0.1 -d ru-zh \"информационная безопасность\"\n"
    "  dict -h 127.0.0.1 -m -s prefix информ\n"
    "  glossa serve --dict --listen 127.0.0.1:0 --max-clients 16 --idle-timeout 60\n"
    "  glossa serve --http &        # then open http://127.0.0.1:8080/\n"
    "  curl 'http://127.0.0.1:8080/api/lookup?q=information+security&to=ru,zh'\n"
    "  curl http://127.0.0.1:8080/api/concept/information-security\n",
    CLI_PLAIN,
    CLI_OPTS(struct serve_args, &defaults),
};
