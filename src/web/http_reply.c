/*
** http_reply.c — what every answer of the web server carries, whoever sends
** it: the error answer of a path (JSON for /api/…, else the page) and the
** header fields (content type, security headers, "Connection: close"). For
** a 200 answer, what the request's own fields ask of it: an ETag (the
** SHA-256 of the body) and Last-Modified (when the index was built) with a 304 to
** If-None-Match or If-Modified-Since, gzip (zlib) to Accept-Encoding, and
** Access-Control-Allow-Origin on the read-only API (its OPTIONS preflight
** too); /favicon.ico's 204, kept a week. The door (http_door.c, for a request head it refuses) and the
** transport (http_server.c) both answer through it.
*/
#include "http.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* Bodies shorter than this go as they are: gzip would save nothing. */
#define GZIP_MIN 256

int http_is_api(const char *path)
{
    return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

const char *http_allow(const char *path)
{
    return http_is_api(path) ? "GET, HEAD, OPTIONS" : "GET, HEAD";
}

void http_error_reply(const struct http_request *req, unsigned status, const char *api_msg,
                      const char *page_msg, struct http_reply *reply)
{
    if (http_is_api(req->path))
        http_api_error(reply, status, api_msg);
    else
        http_page_error(req, status, page_msg, reply);
}

/* t as an HTTP date (RFC 9110 5.6.7, IMF-fixdate), whatever the locale. */
static void http_date(time_t t, char out[80])
{
    static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    struct tm tm;
    gmtime_r(&t, &tm);
    snprintf(out, 80, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday % 7], tm.tm_mday,
             months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* An HTTP date (IMF-fixdate, as glossa and every current client writes it),
** or (time_t)-1 when s is not one. */
static time_t http_date_parse(const char *s)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    char mon[4];
    struct tm tm;
    const char *m;
    int n = 0;
    memset(&tm, 0, sizeof tm);
    if (sscanf(s, "%*3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d GMT%n", &tm.tm_mday, mon,
               &tm.tm_year, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 || s[n] != '\0')
        return (time_t)-1;
    if (strlen(mon) != 3 || !(m = strstr(months, mon)) || (m - months) % 3)
        return (time_t)-1;
    tm.tm_mon = (int)(m - months) / 3;
    tm.tm_year -= 1900;
    return timegm(&tm);
}

void http_reply_headers(const struct http_reply *reply, const char *allow,
                        void (*add)(void *cls, const char *name, const char *value), void *cls)
{
    int html = reply->type && strncmp(reply->type, "text/html", 9) == 0;
    char date[80];
    if (reply->type)
        add(cls, "Content-Type", reply->type);
    add(cls, "Content-Security-Policy", html ? http_csp_page() : HTTP_CSP_NONE);
    add(cls, "X-Content-Type-Options", "nosniff");
    add(cls, "X-Frame-Options", "DENY");
    add(cls, "Referrer-Policy", "no-referrer");
    /* stored, but asked again each time: an ETag answers that with a 304 */
    if (reply->max_age) {
        char age[64];
        snprintf(age, sizeof age, "public, max-age=%u", reply->max_age);
        add(cls, "Cache-Control", age);
    } else {
        add(cls, "Cache-Control", "no-cache");
    }
    if (reply->etag[0])
        add(cls, "ETag", reply->etag);
    if (reply->modified) {
        http_date(reply->modified, date);
        add(cls, "Last-Modified", date);
    }
    if (reply->gzip)
        add(cls, "Content-Encoding", "gzip");
    if (reply->vary)
        add(cls, "Vary", "Accept-Encoding");
    if (reply->cors) {
        add(cls, "Access-Control-Allow-Origin", "*");
        if (reply->cors == 2) { /* the preflight: what a cross-origin GET may send */
            add(cls, "Access-Control-Allow-Methods", "GET, HEAD");
            add(cls, "Access-Control-Allow-Headers", "Accept, If-None-Match, If-Modified-Since");
            add(cls, "Access-Control-Max-Age", "86400");
        } else {
            add(cls, "Access-Control-Expose-Headers", "ETag");
        }
    }
    /* one request per connection: each comes through the door's checks */
    add(cls, "Connection", "close");
    if (allow)
        add(cls, "Allow", allow);
}

/* The quality a list of codings with their weights (Accept-Encoding, RFC
** 9110 12.5.3) gives gzip: 1 when it names gzip (or x-gzip) or "*" without
** a zero weight, 0 when not named or named with q=0. */
static int accepts_gzip(const char *list)
{
    int star = 0, named = -1;
    while (list && *list) {
        size_t n;
        const char *q;
        int weight = 1;
        while (*list == ' ' || *list == '\t' || *list == ',')
            list++;
        n = strcspn(list, " \t;,");
        q = list + n;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q == ';') { /* ;q=0, ;q=0.0, ;q=0.000: refused; any other weight: accepted */
            q++;
            while (*q == ' ' || *q == '\t')
                q++;
            if ((q[0] == 'q' || q[0] == 'Q') && q[1] == '=') {
                const char *v = q + 2;
                weight = 0;
                for (; *v && *v != ',' && *v != ' ' && *v != ';'; v++)
                    if (*v >= '1' && *v <= '9')
                        weight = 1;
            }
        }
        if (n == 1 && *list == '*')
            star = weight;
        else if ((n == 4 && strncasecmp(list, "gzip", 4) == 0) ||
                 (n == 6 && strncasecmp(list, "x-gzip", 6) == 0))
            named = weight;
        list += strcspn(list, ",");
    }
    return named >= 0 ? named : star;
}

/* 1 when the If-None-Match list names tag (compared weakly, RFC 9110
** 13.1.2: W/ aside, and the gzip body's tag is the plain body's with "-gz"). */
static int etag_listed(const char *list, const char *tag)
{
    size_t n = strlen(tag) - 1; /* tag without its closing quote */
    const char *p = list;
    while (*p) {
        size_t len;
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (*p == '*')
            return 1;
        if (strncmp(p, "W/", 2) == 0)
            p += 2;
        len = strcspn(p, ",");
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len > n && strncmp(p, tag, n) == 0 &&
            ((len == n + 1 && p[n] == '"') || (len == n + 4 && strncmp(p + n, "-gz\"", 4) == 0)))
            return 1;
        p += strcspn(p, ",");
    }
    return 0;
}

/* The body gzipped (RFC 1952) in place; -1, the body as it was, when memory is short. */
static int gzip_body(struct http_reply *reply)
{
    z_stream z;
    uLong bound;
    unsigned char *out;
    int rc;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    bound = deflateBound(&z, (uLong)reply->len);
    if (!(out = malloc(bound))) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (unsigned char *)reply->body;
    z.avail_in = (uInt)reply->len;
    z.next_out = out;
    z.avail_out = (uInt)bound;
    rc = deflate(&z, Z_FINISH);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(out);
        return -1;
    }
    free(reply->body);
    reply->body = (char *)out;
    reply->len = (size_t)z.total_out;
    reply->gzip = 1;
    return 0;
}

int http_reply_negotiate(struct http_reply *reply, const char *path,
                         const struct http_conditions *c)
{
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char d[32];
    size_t i, k = 0;
    int fresh = 0, gz;

    reply->cors = http_is_api(path);
    reply->vary = 1;
    if (!reply->body || reply->status != 200) {
        reply->modified = 0;
        return 0;
    }
    /* a strong tag of the body as the server makes it (the first 144 bits
    ** of its SHA-256): the same on every server of the same index and
    ** glossary, a new one whenever a byte of the answer changes */
    http_sha256(reply->body, reply->len, d);
    reply->etag[k++] = '"';
    for (i = 0; i + 3 <= 18; i += 3) {
        unsigned v = (unsigned)d[i] << 16 | (unsigned)d[i + 1] << 8 | d[i + 2];
        reply->etag[k++] = b64[v >> 18 & 63];
        reply->etag[k++] = b64[v >> 12 & 63];
        reply->etag[k++] = b64[v >> 6 & 63];
        reply->etag[k++] = b64[v & 63];
    }
    reply->etag[k++] = '"';
    reply->etag[k] = '\0';
    if (c->if_none_match) /* it decides alone when present (RFC 9110 13.2.2) */
        fresh = etag_listed(c->if_none_match, reply->etag);
    else if (c->if_modified_since && reply->modified) {
        time_t since = http_date_parse(c->if_modified_since);
        fresh = since != (time_t)-1 && reply->modified <= since;
    }
    /* the gzip body is another representation: its own tag, which a 304 names too */
    gz = reply->len >= GZIP_MIN && accepts_gzip(c->accept_encoding);
    if (gz)
        memcpy(reply->etag + k - 1, "-gz\"", 5);
    if (fresh) {
        free(reply->body);
        reply->body = NULL;
        reply->len = 0;
        reply->status = 304;
    } else if (gz && gzip_body(reply)) {
        return -1;
    }
    return 0;
}

void http_reply_favicon(struct http_reply *reply)
{
    memset(reply, 0, sizeof *reply);
    reply->status = 204;
    reply->max_age = 7 * 24 * 3600;
}

void http_reply_options(const char *path, struct http_reply *reply)
{
    if (!http_is_api(path)) {
        struct http_request req;
        memset(&req, 0, sizeof req);
        req.path = path;
        http_page_error(&req, 405, "This server only answers GET and HEAD.", reply);
        return;
    }
    reply->status = 204;
    reply->type = NULL;
    reply->body = NULL;
    reply->len = 0;
    reply->cors = 2;
}
