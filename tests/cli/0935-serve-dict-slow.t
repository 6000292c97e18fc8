# 0935-serve-dict-slow.t — the DICT server against slow and long-lived
# clients, on 127.0.0.1 (python3 clients, no packages): 64 connections that
# trickle a byte a second hold at most --max-per-ip (8) slots, the others are
# told 420, a client from another address (127.0.0.2) is answered meanwhile,
# and each trickling connection is closed --request-timeout (10) seconds
# after its line began; a connection that keeps sending STATUS sees an index
# that `glossa index` replaced meanwhile on its next DEFINE; on SIGTERM the
# answer being sent is finished (then 421), idle clients are told 421 at once,
# and the port is closed. Every wait is bounded.
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 is not installed"
    exit 77
fi
index_bundled

cat >"$WORK/dictc.py" <<'EOF'
import os, signal, socket, sys, threading, time

def connect(port, source="127.0.0.1", rcvbuf=0):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(20)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s, s.makefile("rb")

def answer(f):
    """The lines of one answer, up to its final status line."""
    lines, text = [], False
    while True:
        l = f.readline()
        if not l:
            return lines
        lines.append(l.decode("utf-8", "replace").rstrip("\r\n"))
        if text:
            text = lines[-1] != "."
        elif lines[-1][:3] in ("151", "110", "111", "112", "113", "114"):
            text = True
        elif lines[-1][:3].isdigit() and lines[-1][:3] != "150":
            return lines

def slowloris(port, n):
    admitted, refused = [], 0
    for _ in range(n):
        s, f = connect(port)
        greeting = f.readline()
        if greeting.startswith(b"220"):
            admitted.append(s)
        else:
            refused += int(greeting.startswith(b"420"))
            s.close()
    print("admitted", len(admitted), "refused", refused, flush=True)
    start = time.monotonic()
    closed = {}
    def trickle():
        text = b"DEFINE all information\r\n"
        for i in range(40):
            for k, s in enumerate(admitted):
                if k in closed:
                    continue
                try:
                    s.send(text[i % (len(text) - 2):][:1])
                    s.setblocking(False)
                    if s.recv(100) == b"":
                        closed[k] = time.monotonic() - start
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    closed[k] = time.monotonic() - start
                finally:
                    s.setblocking(True)
            if len(closed) == len(admitted):
                return
            time.sleep(0.5)
    t = threading.Thread(target=trickle)
    t.start()
    time.sleep(1.5)
    s, f = connect(port, source="127.0.0.2")
    greeting = f.readline().decode()[:3]
    s.sendall("DEFINE all \"information security\"\r\n".encode())
    lines = answer(f)
    print("other address:", greeting, lines[-1][:3] if lines else "none",
          "found" if any("信息安全" in l for l in lines) else "not found", flush=True)
    s.close()
    t.join()
    if len(closed) == len(admitted):
        print("trickling connections closed after %d to %d s" %
              (int(min(closed.values())), int(max(closed.values()) + 0.999)))
    else:
        print("%d of %d trickling connections still open" % (len(admitted) - len(closed), len(admitted)))

def status_loop(port, flag):
    s, f = connect(port)
    f.readline()
    n = 0
    deadline = time.monotonic() + 30
    while not os.path.exists(flag) and time.monotonic() < deadline:
        s.sendall(b"STATUS\r\n")
        l = f.readline()
        n += l.startswith(b"210")
        if n == 1:
            print("ready", flush=True)
        time.sleep(0.3)
    s.sendall("DEFINE all \"вредоносная запись\"\r\n".encode())
    lines = answer(f)
    print("STATUS answered:", n >= 2)
    print("\n".join(lines))

def graceful(port, pid, n):
    # n answers of about 240 KB each, more than the socket buffers hold
    a, fa = connect(port, rcvbuf=4096)
    fa.readline()
    b, fb = connect(port)
    fb.readline()
    a.sendall("DEFINE * информ\r\n".encode() * n)
    first = fa.readline().decode().strip()
    print("first:", first, flush=True)
    os.kill(pid, signal.SIGTERM)
    print("idle client:", fb.readline().decode()[:3], flush=True)
    time.sleep(0.5)  # the answers are still being sent
    lines = [first] + fa.read().decode("utf-8", "replace").split("\r\n")
    begun = sum(l.startswith("150 ") for l in lines)
    print("answers: %d begun, %d ended" % (begun, sum(l == "250 ok" for l in lines)))
    print("definitions:", sum(l.startswith("151 ") for l in lines), "of",
          begun * int(first.split()[1]))
    print("last lines:", lines[-3][:6], lines[-2][:3])

{"slowloris": lambda: slowloris(int(sys.argv[2]), int(sys.argv[3])),
 "status-loop": lambda: status_loop(int(sys.argv[2]), sys.argv[3]),
 "graceful": lambda: graceful(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))}[sys.argv[1]]()
EOF
dictc() { timeout 60 python3 "$WORK/dictc.py" "$@"; }

# --- 64 trickling connections from one address, with the defaults
start_server --dict
run dictc slowloris "$PORT" 64
expect_out "admitted 8 refused 56" "--max-per-ip 8:"
expect_out "other address: 220 250 found" "a client from another address is answered meanwhile:"
# the trickle began about 1 s before the first check; the timeout is 10 s
case "$OUT" in
*"trickling connections closed after "[89]" to "1[0-4]" s"* | \
*"trickling connections closed after "1[0-4]" to "1[0-4]" s"*) ok ;;
*) fail "the trickling connections are closed about 10 s after their line began" ;;
esac
expect_true "the server lives on" kill -0 "$SERVER"

# --- a connection that stays open takes up a re-index on its next command
run "$GLOSSA" lookup --format json "вредоносная запись"
expect_rc 1 "not in the bundled glossary"
dictc status-loop "$PORT" "$WORK/reindexed" >"$WORK/loop.out" 2>&1 &
loop=$!
for _ in $(seq 100); do grep -q ready "$WORK/loop.out" && break; sleep 0.1; done
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/tests/data/web/hostile.xml" || fail "re-index"
touch "$WORK/reindexed"
wait "$loop"
OUT=$(cat "$WORK/loop.out")
expect_out "STATUS answered: True"
expect_out "150 1 definitions retrieved" "DEFINE on the same connection finds the new concept:"
expect_out "<script>alert(1)</script> вредоносная запись"

# --- SIGTERM: the answer under way is finished, then 421
run dictc graceful "$PORT" "$SERVER" 60
expect_out "first: 150 " "a long answer began:"
expect_out "idle client: 421" "an idle client is told 421 at once:"
expect_out "answers: 60 begun, 60 ended" "the commands received were answered whole:"
count=$(sed -n 's/^first: 150 \([0-9]*\) .*/\1/p' <<<"$OUT")
expect_out "definitions: $((count * 60)) of $((count * 60))" "every definition was sent:"
expect_out "last lines: 250 ok 421" "the last answer ends, then 421:"
stop_wait=$(date +%s)
wait "$SERVER"
RC=$?
SERVER=
expect_rc 0 "the server stopped by SIGTERM"
expect_true "within the grace period" test $(($(date +%s) - stop_wait)) -le 6
if timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; then
    fail "the port still answers after SIGTERM"
else ok; fi
finish
