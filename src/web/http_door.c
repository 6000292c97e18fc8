/*
** http_door.c — the front door of `glossa serve --http`: it accepts the
** connections, and looks at each request head (MSG_PEEK: the bytes stay in
** the socket) before libmicrohttpd sees it. A head must be whole
** --request-timeout seconds after the connection opened (else 408), at most
** HTTP_HEAD_MAX bytes (else 431; 414 when the request line alone is longer)
** and HTTP_FIELDS_MAX fields and cookies (else 431),
** with at most HTTP_FIELDS_MAX query parameters, and well formed: a request
** line with HTTP/1.0 or 1.1 (else 505), header fields with a name and no
** control characters, no folded lines, one Host with HTTP/1.1, at most one
** Content-Length, of digits, and not beside Transfer-Encoding, which says
** "chunked" alone, once, in HTTP/1.1 (else 400). These answers carry
** the security headers of every other answer (http_reply_headers), which
** libmicrohttpd 0.9.75 cannot add to the error answers it makes itself; a
** request that passes is handed over whole (http_server.c), and every
** answer closes its connection, so every request comes through here. The
** door also counts the connections, at most --max-clients in all and
** --max-per-ip from one address (more are closed at once); when all are
** taken, a connection from an address that holds fewer than another takes
** the slot of that other's oldest (serve_share_victim), so that no address
** starves another. On SIGINT or SIGTERM it closes the listening socket and
** waits, at most --grace seconds, for the requests under way. One thread;
** the connections handed over are shared with libmicrohttpd's threads under
** a mutex.
*/
#include "http.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HTTP_HEAD_MAX (32 * 1024)
/* Header fields, and parameters in the query: libmicrohttpd keeps each in its
** 128 KB per connection, and past a few thousand it answers 431 itself, or
** (parameters) never answers at all. */
#define HTTP_FIELDS_MAX 100
#define LINGER_SECONDS 2.0

enum { READING, WRITING, LINGERING };

/* A connection at the door: its head being read, or an error answer being
** sent, or (lingering) what the client still sends read and dropped before
** the close, so that the answer is not lost to a reset. */
struct waiting {
    int fd, state;
    struct sockaddr_storage addr;
    socklen_t addr_len;
    double since;            /* accepted; or when the answer began, or ended */
    size_t seen;             /* bytes of the head looked at */
    char *out;
    size_t out_len, out_off;
};

/* A connection handed over, until libmicrohttpd closes it. */
struct handed {
    int fd;
    int cut;                 /* shut down by the door (its address held too many) */
    struct sockaddr_storage addr;
    double since;            /* accepted */
};

struct http_door {
    const struct web_config *cfg;
    struct waiting *w;       /* the door thread's only */
    size_t n_w;
    pthread_mutex_t lock;    /* over h and n_h */
    struct handed *h;
    size_t n_h;
    char head[HTTP_HEAD_MAX + 1], target[HTTP_HEAD_MAX + 1];
};

struct http_door *http_door_new(const struct web_config *cfg)
{
    struct http_door *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->cfg = cfg;
    d->w = calloc(cfg->max_clients, sizeof *d->w);
    /* room for the connections shut down (cut) that libmicrohttpd has not closed yet */
    d->h = calloc(2 * (size_t)cfg->max_clients, sizeof *d->h);
    if (!d->w || !d->h) {
        free(d->w);
        free(d->h);
        free(d);
        return NULL;
    }
    pthread_mutex_init(&d->lock, NULL);
    return d;
}

void http_door_free(struct http_door *d)
{
    size_t i;
    if (!d)
        return;
    for (i = 0; i < d->n_w; i++) {
        close(d->w[i].fd);
        free(d->w[i].out);
    }
    pthread_mutex_destroy(&d->lock);
    free(d->w);
    free(d->h);
    free(d);
}

void http_door_closed(struct http_door *d, int fd)
{
    size_t i;
    pthread_mutex_lock(&d->lock);
    for (i = 0; i < d->n_h; i++)
        if (d->h[i].fd == fd) {
            d->h[i] = d->h[--d->n_h];
            break;
        }
    pthread_mutex_unlock(&d->lock);
}

static size_t handed_count(struct http_door *d)
{
    size_t n;
    pthread_mutex_lock(&d->lock);
    n = d->n_h;
    pthread_mutex_unlock(&d->lock);
    return n;
}

/* Connections open from the host of addr, at the door and handed over. */
static size_t from_host(struct http_door *d, const struct sockaddr_storage *addr)
{
    size_t i, n = 0;
    for (i = 0; i < d->n_w; i++)
        n += (size_t)serve_same_host(&d->w[i].addr, addr);
    pthread_mutex_lock(&d->lock);
    for (i = 0; i < d->n_h; i++)
        n += (size_t)serve_same_host(&d->h[i].addr, addr);
    pthread_mutex_unlock(&d->lock);
    return n;
}

/* ---- the request head ------------------------------------------------------------ */

static int is_tchar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* The end of the head in h (just past its empty line), or 0 when not there. */
static size_t head_end(const char *h, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (h[i] == '\n' && ((i + 1 < n && h[i + 1] == '\n') ||
                             (i + 2 < n && h[i + 1] == '\r' && h[i + 2] == '\n')))
            return i + (h[i + 1] == '\n' ? 2 : 3);
    return 0;
}

/* The next line of h[*at..n) into *line and *len (without CR LF); 0 at the end. */
static int next_line(const char *h, size_t n, size_t *at, const char **line, size_t *len)
{
    const char *nl;
    if (*at >= n)
        return 0;
    *line = h + *at;
    nl = memchr(*line, '\n', n - *at);
    *len = nl ? (size_t)(nl - *line) : n - *at;
    *at += *len + 1;
    if (*len && (*line)[*len - 1] == '\r')
        (*len)--;
    return 1;
}

static int name_is(const char *name, size_t len, const char *want)
{
    return strlen(want) == len && strncasecmp(name, want, len) == 0;
}

/* Check a whole request head. Returns 0 when it may be handed over, else
** the status to answer with what is wrong in *why. req->path gets the
** request target (in path, which holds HTTP_HEAD_MAX + 1 bytes). */
static unsigned check_head(const char *h, size_t n, char *path, struct http_request *req,
                           int *head_only, const char **why)
{
    const char *line = h, *sp1, *sp2, *v;
    size_t len = 0, at = 0, i, hosts = 0, lengths = 0, codings = 0, fields = 0, params = 0;
    int http11;

    *head_only = 0;
    while (next_line(h, n, &at, &line, &len) && len == 0)
        ; /* empty lines before the request line are allowed (RFC 9112 2.2) */
    *why = "bad request: the request line is not METHOD TARGET HTTP/1.1";
    sp1 = memchr(line, ' ', len);
    sp2 = sp1 ? memchr(sp1 + 1, ' ', len - (size_t)(sp1 + 1 - line)) : NULL;
    if (!sp1 || !sp2 || sp1 == line || sp2 == sp1 + 1)
        return 400;
    memcpy(path, sp1 + 1, (size_t)(sp2 - sp1 - 1));
    path[sp2 - sp1 - 1] = '\0';
    req->path = path;
    for (i = 0; line + i < sp1; i++)
        if (!is_tchar((unsigned char)line[i]))
            return 400;
    for (v = sp1 + 1; v < sp2; v++) {
        if ((unsigned char)*v <= 0x20 || *v == 0x7f)
            return 400;
        if (params ? *v == '&' : *v == '?')
            params++; /* the first '?' begins them, each '&' adds one */
    }
    *why = "bad request: more than 100 parameters";
    if (params > HTTP_FIELDS_MAX)
        return 400;
    *why = "bad request: the request line is not METHOD TARGET HTTP/1.1";
    *head_only = sp1 - line == 4 && strncmp(line, "HEAD", 4) == 0;
    v = sp2 + 1;
    len -= (size_t)(v - line);
    if (len != 8 || strncmp(v, "HTTP/", 5) != 0 || v[5] < '0' || v[5] > '9' || v[6] != '.' ||
        v[7] < '0' || v[7] > '9')
        return 400;
    if (v[5] != '1' || (v[7] != '0' && v[7] != '1')) {
        *why = "only HTTP/1.0 and HTTP/1.1 are served";
        return 505;
    }
    http11 = v[7] == '1';
    while (next_line(h, n, &at, &line, &len) && len) {
        const char *colon = memchr(line, ':', len);
        fields++;
        *why = "bad request: a header field is malformed";
        if (!colon || colon == line)
            return 400; /* no name; also a folded line, which starts with a space */
        for (v = line; v < colon; v++)
            if (!is_tchar((unsigned char)*v))
                return 400;
        for (v = colon + 1; v < line + len; v++)
            if (((unsigned char)*v < 0x20 && *v != '\t') || *v == 0x7f)
                return 400;
        if (name_is(line, (size_t)(colon - line), "Cookie")) /* each pair kept as a field */
            for (v = colon; v < line + len; v++)
                fields += *v == ';';
        *why = "too many header fields or cookies (at most 100)";
        if (fields > HTTP_FIELDS_MAX)
            return 431;
        hosts += (size_t)name_is(line, (size_t)(colon - line), "Host");
        if (name_is(line, (size_t)(colon - line), "Transfer-Encoding")) {
            /* chunked alone, once (then refused as a body, 413); anything
            ** else is framing this server cannot read the same way as
            ** every proxy before it: 400 */
            const char *end = line + len;
            codings++;
            for (v = colon + 1; v < end && (*v == ' ' || *v == '\t'); v++)
                ;
            while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
                end--;
            *why = "bad request: Transfer-Encoding other than chunked, once, with HTTP/1.1";
            if (codings > 1 || !http11 || end - v != 7 || strncasecmp(v, "chunked", 7) != 0)
                return 400;
        }
        if (name_is(line, (size_t)(colon - line), "Content-Length")) {
            size_t digits = 0;
            lengths++;
            for (v = colon + 1; v < line + len && (*v == ' ' || *v == '\t'); v++)
                ;
            for (; v < line + len && *v >= '0' && *v <= '9'; v++)
                digits++;
            while (v < line + len && (*v == ' ' || *v == '\t'))
                v++;
            *why = "bad request: Content-Length is not a number";
            if (digits == 0 || digits > 18 || v != line + len)
                return 400;
        }
    }
    *why = "bad request: more than one Content-Length, or one with Transfer-Encoding";
    if (lengths > 1 || (lengths && codings))
        return 400;
    *why = "bad request: an HTTP/1.1 request needs one Host header";
    return hosts > 1 || (http11 && hosts == 0) ? 400 : 0;
}

/* ---- answers ------------------------------------------------------------------- */

static const char *reason(unsigned status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

static void add_header(void *cls, const char *name, const char *value)
{
    fprintf(cls, "%s: %s\r\n", name, value);
}

/* Queue an answer on w: JSON for /api paths, else the page; the connection
** closes after it. Without memory, it just closes. */
static void answer(struct waiting *w, const struct http_request *req, unsigned status,
                   const char *msg, int head_only, double now)
{
    struct http_reply reply = { 0 };
    char *out = NULL;
    size_t len = 0;
    FILE *f;
    int one = 1;

    http_error_reply(req, status, msg, msg, &reply);
    if (reply.body && (f = open_memstream(&out, &len)) != NULL) {
        fprintf(f, "HTTP/1.1 %u %s\r\n", status, reason(status));
        http_reply_headers(&reply, NULL, add_header, f);
        fprintf(f, "Content-Length: %zu\r\n\r\n", reply.len);
        if (!head_only)
            fwrite(reply.body, 1, reply.len, f);
        if (fclose(f) != 0) {
            free(out);
            out = NULL;
        }
    }
    free(reply.body);
    setsockopt(w->fd, SOL_SOCKET, SO_RCVLOWAT, &one, sizeof one);
    w->out = out;
    w->out_len = out ? len : 0;
    w->out_off = 0;
    w->state = WRITING;
    w->since = now;
}

/* ---- the loop -------------------------------------------------------------------- */

enum { KEEP, CLOSE, HANDED };

/* Read the head waiting on w; answer, hand over, or wait for more. */
static int read_head(struct http_door *d, struct waiting *w, double now, http_hand_fn hand,
                     void *cls)
{
    char *buf = d->head;
    struct http_request req;
    const char *why;
    ssize_t got = recv(w->fd, buf, HTTP_HEAD_MAX, MSG_PEEK | MSG_DONTWAIT);
    size_t end;
    unsigned status;
    int head_only, one = 1;

    if (got < 0)
        return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR ? CLOSE : KEEP;
    if (got == 0 || (size_t)got == w->seen)
        return CLOSE; /* nothing more will come: SO_RCVLOWAT woke poll for the end */
    memset(&req, 0, sizeof req);
    req.path = "";
    end = head_end(buf, (size_t)got);
    if (end == 0) {
        if ((size_t)got >= HTTP_HEAD_MAX) {
            /* the start of the target says which answer (JSON under /api) */
            const char *sp = memchr(buf, ' ', (size_t)got), *t = sp ? sp + 1 : buf + got;
            size_t n = 0;
            while (t + n < buf + got && n < 64 && t[n] != ' ' && t[n] != '\r' && t[n] != '\n')
                n++;
            memcpy(d->target, t, n);
            d->target[n] = '\0';
            req.path = d->target;
            if (!memchr(buf, '\n', (size_t)got)) /* the request line alone is too long */
                answer(w, &req, 414, "request target too long (at most 8192 bytes)", 0, now);
            else
                answer(w, &req, 431, "request header too large (at most 32 KB)", 0, now);
            return KEEP;
        }
        /* poll wakes when more has come, not for what was seen already */
        w->seen = (size_t)got;
        one = (int)got + 1;
        setsockopt(w->fd, SOL_SOCKET, SO_RCVLOWAT, &one, sizeof one);
        return KEEP;
    }
    status = check_head(buf, end, d->target, &req, &head_only, &why);
    if (status) {
        answer(w, &req, status, why, head_only, now);
        return KEEP;
    }
    setsockopt(w->fd, SOL_SOCKET, SO_RCVLOWAT, &one, sizeof one);
    pthread_mutex_lock(&d->lock);
    if (d->n_h == 2 * (size_t)d->cfg->max_clients) {
        pthread_mutex_unlock(&d->lock);
        return CLOSE; /* too many cut connections not closed yet */
    }
    memset(&d->h[d->n_h], 0, sizeof d->h[d->n_h]);
    d->h[d->n_h].fd = w->fd;
    d->h[d->n_h].addr = w->addr;
    d->h[d->n_h].since = w->since;
    d->n_h++;
    pthread_mutex_unlock(&d->lock);
    if (hand(cls, w->fd, (const struct sockaddr *)&w->addr, w->addr_len))
        http_door_closed(d, w->fd); /* refused, and closed by libmicrohttpd */
    return HANDED;
}

/* Send the answer, then linger. Returns KEEP or CLOSE. */
static int write_answer(struct waiting *w, short revents, double now)
{
    char sink[4096];
    if (revents & POLLIN)
        while (recv(w->fd, sink, sizeof sink, MSG_DONTWAIT) > 0)
            ;
    if (w->state == LINGERING) {
        ssize_t got = recv(w->fd, sink, sizeof sink, MSG_DONTWAIT);
        return got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK) ? CLOSE : KEEP;
    }
    if (w->out_off < w->out_len && (revents & POLLOUT)) {
        ssize_t sent = send(w->fd, w->out + w->out_off, w->out_len - w->out_off,
                            MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0)
            return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR ? CLOSE : KEEP;
        w->out_off += (size_t)sent;
    }
    if (w->out_off < w->out_len)
        return KEEP;
    shutdown(w->fd, SHUT_WR);
    w->state = LINGERING;
    w->since = now;
    return KEEP;
}

/* serve_share_victim's view of the door's connections, then those handed over. */
static const struct sockaddr_storage *connection_at(void *cls, size_t i, double *since)
{
    const struct http_door *d = cls;
    if (i < d->n_w) {
        *since = d->w[i].since;
        return &d->w[i].addr;
    }
    i -= d->n_w;
    *since = d->h[i].since;
    return d->h[i].cut ? NULL : &d->h[i].addr;
}

/* The door is full: make room for a connection from addr by closing the
** oldest of the address that holds the most, when it holds more than addr's
** (serve_share_victim); one handed over is shut down, and libmicrohttpd
** closes it. Returns 0 when there is room for addr, -1 when not. */
static int make_room(struct http_door *d, const struct sockaddr_storage *addr)
{
    long v;
    pthread_mutex_lock(&d->lock);
    v = serve_share_victim(d->n_w + d->n_h, connection_at, d, addr);
    if (v >= 0 && (size_t)v >= d->n_w) {
        d->h[(size_t)v - d->n_w].cut = 1;
        shutdown(d->h[(size_t)v - d->n_w].fd, SHUT_RDWR);
    }
    pthread_mutex_unlock(&d->lock);
    if (v >= 0 && (size_t)v < d->n_w) {
        close(d->w[v].fd);
        free(d->w[v].out);
        d->w[v] = d->w[--d->n_w];
    }
    return v >= 0 && d->n_w < d->cfg->max_clients ? 0 : -1;
}

static void accept_some(struct http_door *d, int lfd, double now)
{
    int i;
    for (i = 0; i < 16; i++) {
        struct waiting w;
        memset(&w, 0, sizeof w);
        w.addr_len = sizeof w.addr;
        w.fd = accept(lfd, (struct sockaddr *)&w.addr, &w.addr_len);
        if (w.fd < 0)
            return;
        if (serve_socket_flags(w.fd)) {
            close(w.fd);
            continue;
        }
        if (from_host(d, &w.addr) >= d->cfg->max_per_ip ||
            (d->n_w + handed_count(d) >= d->cfg->max_clients && make_room(d, &w.addr))) {
            close(w.fd); /* as libmicrohttpd does past its limits */
            continue;
        }
        w.state = READING;
        w.since = now;
        d->w[d->n_w++] = w;
    }
}

/* Whether w has been there too long; a late head is answered 408. */
static int expired(struct waiting *w, const struct web_config *cfg, double now)
{
    struct http_request req;
    if (w->state == LINGERING)
        return now - w->since >= LINGER_SECONDS;
    if (now - w->since < (double)cfg->request_timeout)
        return 0;
    if (w->state == WRITING)
        return 1;
    memset(&req, 0, sizeof req);
    req.path = "";
    answer(w, &req, 408, "request header not whole in time", 0, now);
    return 0;
}

int http_door_run(struct http_door *d, const sigset_t *stop, http_hand_fn hand, void *cls)
{
    const struct web_config *cfg = d->cfg;
    struct pollfd *pfd = calloc(cfg->max_clients + 2, sizeof *pfd);
    int lfd = cfg->listen_fd, sfd = signalfd(-1, stop, SFD_NONBLOCK | SFD_CLOEXEC);
    double stop_at = 0;
    size_t i, k;

    if (!pfd || sfd < 0) {
        free(pfd);
        if (sfd >= 0)
            close(sfd);
        return -1;
    }
    for (;;) {
        double now = serve_now();
        size_t live = 0;
        for (i = 0; i < d->n_w; i++) {
            if (expired(&d->w[i], cfg, now)) {
                close(d->w[i].fd);
                free(d->w[i].out);
            } else {
                d->w[live++] = d->w[i];
            }
        }
        d->n_w = live;
        if (stop_at > 0 && ((d->n_w == 0 && handed_count(d) == 0) || now >= stop_at))
            break;
        pfd[0].fd = lfd;
        pfd[0].events = POLLIN;
        pfd[1].fd = sfd;
        pfd[1].events = POLLIN;
        for (i = 0, k = 2; i < d->n_w; i++, k++) {
            pfd[k].fd = d->w[i].fd;
            pfd[k].events = (short)(POLLIN | (d->w[i].state == WRITING ? POLLOUT : 0));
            pfd[k].revents = 0;
        }
        pfd[0].revents = pfd[1].revents = 0;
        if (poll(pfd, (nfds_t)k, stop_at > 0 ? 50 : 250) < 0 && errno != EINTR)
            break;
        now = serve_now();
        if (pfd[1].revents & POLLIN) {
            struct signalfd_siginfo si;
            while (read(sfd, &si, sizeof si) > 0)
                ;
            if (stop_at == 0) { /* stop accepting; the requests under way go on */
                stop_at = now + (double)cfg->grace;
                close(lfd);
                lfd = -1;
            }
        }
        for (i = 0, live = 0; i < d->n_w; i++) {
            struct waiting *w = &d->w[i];
            short rev = pfd[2 + i].revents;
            int next = KEEP;
            if (w->state == READING && rev)
                next = read_head(d, w, now, hand, cls);
            else if (rev)
                next = write_answer(w, rev, now);
            if (next == KEEP)
                d->w[live++] = *w;
            else if (next == CLOSE)
                close(w->fd);
            if (next != KEEP)
                free(w->out);
        }
        d->n_w = live;
        if (lfd >= 0 && (pfd[0].revents & POLLIN))
            accept_some(d, lfd, now);
    }
    if (lfd >= 0)
        close(lfd);
    close(sfd);
    free(pfd);
    return 0;
}
