# 0942-serve-http-slow.t — `glossa serve --http` against slow clients, on
# 127.0.0.1 (python3 clients, no packages): 64 connections that trickle a
# request header a byte at a time hold at most --max-per-ip (8) connections,
# the others are closed at once, a client from another address (127.0.0.2) is
# answered meanwhile, and each trickling connection gets 408 (with the
# security headers) --request-timeout (10) seconds after it opened; on
# SIGTERM, 12 requests whose headers were still coming in are all answered
# 200 in full, new connections are refused, and a request that never ends is
# given up after --grace seconds. The clients are tests/cli/serve_clients.py.
# Every wait is bounded.
need_python3
index_bundled


# --- 64 trickling connections from one address, with the defaults
start_server --http
run serve_clients http-slowloris "$PORT" 64
expect_out "open 8 closed 56" "--max-per-ip 8:"
expect_out "other address: 200 whole" "a client from another address is answered meanwhile:"
if [[ $OUT =~ answered\ 8\ of\ 8\ with\ 408,\ after\ (9|10|11)\ to\ 1[0-4]\ s ]]; then ok
else fail "each trickling connection is answered 408 about 10 s after it opened"; fi
expect_out "with nosniff: 8"
stop_server
expect_rc 0 "SIGTERM"

# --- SIGTERM with 12 requests coming in: all answered in full
start_server --http --max-per-ip 16 --grace 5
"$GLOSSA" lookup --format json --mode prefix --limit 20 информ >/dev/null || fail "the query finds nothing"
stop_wait=$(date +%s)
run serve_clients http-graceful "$PORT" "$SERVER" 12
expect_out "a new connection after SIGTERM: refused"
expect_out "12 of 12 answered 200 in full"
wait_server
expect_rc 0 "the server stopped by SIGTERM"
waited=$(($(date +%s) - stop_wait))
expect_true "it gave up the request that never ends after --grace 5 ($waited s)" test "$waited" -le 12
finish
