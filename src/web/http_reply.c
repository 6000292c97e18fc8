/*
** http_reply.c — what every answer of the web server carries, whoever sends
** it: the error answer of a path (JSON for /api/…, else the page) and the
** header fields (content type, security headers, "Connection: close").
** The door (http_door.c, for a request head it refuses) and the transport
** (http_server.c) both answer through it.
*/
#include "http.h"

#include <string.h>

int http_is_api(const char *path)
{
    return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0;
}

void http_error_reply(const struct http_request *req, unsigned status, const char *api_msg,
                      const char *page_msg, struct http_reply *reply)
{
    if (http_is_api(req->path))
        http_api_error(reply, status, api_msg);
    else
        http_page_error(req, status, page_msg, reply);
}

void http_reply_headers(const struct http_reply *reply, int allow,
                        void (*add)(void *cls, const char *name, const char *value), void *cls)
{
    int html = strncmp(reply->type, "text/html", 9) == 0;
    add(cls, "Content-Type", reply->type);
    add(cls, "Content-Security-Policy", html ? http_csp_page() : HTTP_CSP_NONE);
    add(cls, "X-Content-Type-Options", "nosniff");
    add(cls, "X-Frame-Options", "DENY");
    add(cls, "Referrer-Policy", "no-referrer");
    add(cls, "Cache-Control", "no-cache");
    /* one request per connection: each comes through the door's checks */
    add(cls, "Connection", "close");
    if (allow)
        add(cls, "Allow", "GET, HEAD");
}
