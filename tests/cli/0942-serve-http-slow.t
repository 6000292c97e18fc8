# 0942-serve-http-slow.t — `glossa serve --http` against slow clients, on
# 127.0.0.1 (python3 clients, no packages): 64 connections that trickle a
# request header a byte at a time hold at most --max-per-ip (8) connections,
# the others are closed at once, a client from another address (127.0.0.2) is
# answered meanwhile, and each trickling connection gets 408 (with the
# security headers) --request-timeout (10) seconds after it opened; on
# SIGTERM, 12 requests whose headers were still coming in are all answered
# 200 in full, new connections are refused, and a request that never ends is
# given up after --grace seconds. Every wait is bounded.
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 is not installed"
    exit 77
fi
index_bundled

cat >"$WORK/httpc.py" <<'EOF'
import os, signal, socket, sys, threading, time

def connect(port, source="127.0.0.1"):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(20)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s

def response(s):
    """(status, whole): the status code, and whether the body has its Content-Length."""
    data = b""
    while True:
        b = s.recv(65536)
        if not b:
            break
        data += b
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = [l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("content-length:")]
    status = lines[0].split(" ")[1] if lines[0].startswith("HTTP/1.1 ") else "none"
    return status, bool(length) and int(length[0]) == len(body), head.decode("latin-1")

def closed(s):
    s.setblocking(False)
    try:
        return s.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        s.setblocking(True)

def slowloris(port, n):
    socks = [connect(port) for _ in range(n)]
    start = time.monotonic()
    text = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Slow: " + b"a" * 100
    for s in socks:
        try:
            s.send(text[:1])
        except OSError:
            pass
    time.sleep(1)
    open_ = [s for s in socks if not closed(s)]
    print("open", len(open_), "closed", n - len(open_), flush=True)
    # a client from another address, while the trickle goes on
    c = connect(port, source="127.0.0.2")
    c.sendall(b"GET /api/concept/information-security HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    status, whole, _ = response(c)
    print("other address:", status, "whole" if whole else "cut", flush=True)
    answers = {}
    for i in range(1, 60):
        for k, s in enumerate(open_):
            if k in answers:
                continue
            s.setblocking(False)
            try:
                got = s.recv(65536)
                answers[k] = (time.monotonic() - start, got)
            except BlockingIOError:
                try:
                    s.send(text[i % len(text):][:1])
                except OSError:
                    answers[k] = (time.monotonic() - start, b"")
            except OSError:
                answers[k] = (time.monotonic() - start, b"")
            s.setblocking(True)
        if len(answers) == len(open_):
            break
        time.sleep(0.5)
    heads = [a[1].split(b"\r\n\r\n")[0].decode("latin-1") for a in answers.values()]
    print("answered", sum(h.startswith("HTTP/1.1 408 ") for h in heads), "of", len(open_),
          "with 408, after %d to %d s" % (int(min(a[0] for a in answers.values())),
                                        int(max(a[0] for a in answers.values()) + 0.999)))
    print("with nosniff:", sum("X-Content-Type-Options: nosniff" in h for h in heads))

def graceful(port, pid, n):
    q = "/api/lookup?q=%D0%B8%D0%BD%D1%84%D0%BE%D1%80%D0%BC&mode=prefix&limit=20"
    socks = [connect(port) for _ in range(n)]
    for s in socks:
        s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n" % q).encode())  # not whole yet
    stuck = connect(port, source="127.0.0.2")
    stuck.sendall(b"GET / HTTP/1.1\r\n")  # never whole
    time.sleep(0.5)
    os.kill(pid, signal.SIGTERM)
    time.sleep(0.5)
    try:
        connect(port).close()
        print("a new connection after SIGTERM: accepted")
    except OSError:
        print("a new connection after SIGTERM: refused")
    results = [None] * n
    def finish(k):
        socks[k].sendall(b"Accept: application/json\r\n\r\n")
        results[k] = response(socks[k])
    threads = [threading.Thread(target=finish, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("%d of %d answered 200 in full" % (sum(r[0] == "200" and r[1] for r in results), n))

{"slowloris": lambda: slowloris(int(sys.argv[2]), int(sys.argv[3])),
 "graceful": lambda: graceful(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))}[sys.argv[1]]()
EOF
httpc() { timeout 60 python3 "$WORK/httpc.py" "$@"; }

# --- 64 trickling connections from one address, with the defaults
start_server --http
run httpc slowloris "$PORT" 64
expect_out "open 8 closed 56" "--max-per-ip 8:"
expect_out "other address: 200 whole" "a client from another address is answered meanwhile:"
if [[ $OUT =~ answered\ 8\ of\ 8\ with\ 408,\ after\ (9|10|11)\ to\ 1[0-4]\ s ]]; then ok
else fail "each trickling connection is answered 408 about 10 s after it opened"; fi
expect_out "with nosniff: 8"
stop_server
expect_rc 0 "SIGTERM"

# --- SIGTERM with 12 requests coming in: all answered in full
start_server --http --max-per-ip 16 --grace 3
"$GLOSSA" lookup --format json --mode prefix --limit 20 информ >/dev/null || fail "the query finds nothing"
stop_wait=$(date +%s)
run httpc graceful "$PORT" "$SERVER" 12
expect_out "a new connection after SIGTERM: refused"
expect_out "12 of 12 answered 200 in full"
wait "$SERVER"
RC=$?
SERVER=
expect_rc 0 "the server stopped by SIGTERM"
waited=$(($(date +%s) - stop_wait))
expect_true "it gave up the request that never ends after --grace 3 ($waited s)" test "$waited" -le 9
finish
