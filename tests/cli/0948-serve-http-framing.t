# 0948-serve-http-framing.t — `glossa serve --http` and request framing that
# a proxy in front could read otherwise (request smuggling): two
# Content-Length fields (equal or not), Content-Length beside
# Transfer-Encoding, a Transfer-Encoding other than "chunked" alone, two of
# them, one in HTTP/1.0 — each is answered exactly one 400 with the security
# headers, and the connection is closed, the request sent behind it never
# answered; "chunked" alone is a body, refused with 413, and closed too. The
# answers the server makes before libmicrohttpd sees a request (400, 414 over
# 64 KB, 431, 505) carry the same headers and one status line, and are JSON
# under /api. /favicon.ico is 204, kept a week (no 404 at each visit). The
# client is tests/cli/serve_clients.py http-framing.
need_python3
index_bundled
start_server --http

head_of() { # head_of STATUS BODY: the head a refusal of /api/status has (Date aside)
    printf '%s\r\nContent-Type: application/json; charset=utf-8\r
Content-Security-Policy: default-src '"'none'"'; frame-ancestors '"'none'"'; base-uri '"'none'"'; form-action '"'none'"'\r
X-Content-Type-Options: nosniff\r
X-Frame-Options: DENY\r
Referrer-Policy: no-referrer\r
Cache-Control: no-cache\r
Connection: close\r
Content-Length: %d\r\n' "$1" $((${#2} + 1)) | tr -d '\r'
}
framing() { # framing WHAT REQUEST STATUS-LINE BODY: exactly that answer, once, then closed
    run serve_clients http-framing "$PORT" "$2"
    local want
    want="$(head_of "$3" "$4")
status lines: 1
body: $4

closed: yes"
    if [ "$OUT" = "$want" ]; then ok; else fail "$1:"; diff <(echo "$want") <(echo "$OUT") | head -8; fi
}
GET='GET /api/status HTTP/1.1\r\nHost: x\r\n'
TWO='{"error":"bad request: more than one Content-Length, or one with Transfer-Encoding"}'
TE='{"error":"bad request: Transfer-Encoding other than chunked, once, with HTTP/1.1"}'
framing "two equal Content-Length" "${GET}Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello" \
    "HTTP/1.1 400 Bad Request" "$TWO"
framing "two different Content-Length" "${GET}Content-Length: 5\r\nContent-Length: 0\r\n\r\nhello" \
    "HTTP/1.1 400 Bad Request" "$TWO"
framing "Content-Length with Transfer-Encoding" \
    "${GET}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" "HTTP/1.1 400 Bad Request" "$TWO"
framing "Transfer-Encoding: xchunked" "${GET}Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" \
    "HTTP/1.1 400 Bad Request" "$TE"
framing "Transfer-Encoding: gzip, chunked" "${GET}Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" \
    "HTTP/1.1 400 Bad Request" "$TE"
framing "Transfer-Encoding twice" \
    "${GET}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" \
    "HTTP/1.1 400 Bad Request" "$TE"
framing "Transfer-Encoding in HTTP/1.0" \
    'GET /api/status HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n' "HTTP/1.1 400 Bad Request" "$TE"

# chunked alone: a body, which is not accepted (libmicrohttpd's field order)
run serve_clients http-framing "$PORT" "${GET}Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
expect_out "HTTP/1.1 413 Content Too Large
Connection: close
Content-Type: application/json; charset=utf-8
Content-Security-Policy: default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'
X-Content-Type-Options: nosniff"
expect_out 'status lines: 1
body: {"error":"a request body is not accepted"}

closed: yes' "chunked alone:"

# --- the answers made before libmicrohttpd sees the request
framing "a 70 KB address" "GET /api/status?q=$(head -c 70000 /dev/zero | tr '\0' a) HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n" \
    "HTTP/1.1 414 URI Too Long" '{"error":"request target too long (at most 8192 bytes)"}'
framing "a 40 KB header" "${GET}X-Big: $(head -c 40000 /dev/zero | tr '\0' a)\\r\\n\\r\\n" \
    "HTTP/1.1 431 Request Header Fields Too Large" '{"error":"request header too large (at most 32 KB)"}'
framing "HTTP/2.0" 'GET /api/status HTTP/2.0\r\nHost: x\r\n\r\n' \
    "HTTP/1.1 505 HTTP Version Not Supported" '{"error":"only HTTP/1.0 and HTTP/1.1 are served"}'
framing "a header without a colon" "${GET}Nocolon\\r\\n\\r\\n" \
    "HTTP/1.1 400 Bad Request" '{"error":"bad request: a header field is malformed"}'

# --- /favicon.ico: no icon, and no 404 at each visit
run serve_clients http-raw "$PORT" 'GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n'
expect_out "HTTP/1.1 204 No Content"
expect_out "Cache-Control: public, max-age=604800"
expect_out "X-Content-Type-Options: nosniff"
expect_out "status lines: 1"
stop_server
expect_rc 0 "SIGTERM"
finish
