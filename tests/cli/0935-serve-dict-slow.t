# 0935-serve-dict-slow.t — the DICT server against slow and long-lived
# clients, on 127.0.0.1 (python3 clients, no packages): 64 connections that
# trickle a byte a second hold at most --max-per-ip (8) slots, the others are
# told 420, a client from another address (127.0.0.2) is answered meanwhile,
# and each trickling connection is closed --request-timeout (10) seconds
# after its line began; a connection that keeps sending STATUS sees an index
# that `glossa index` replaced meanwhile on its next DEFINE; a client that
# reads its answers late is not cut off as a slow one; on SIGTERM the
# answers being sent are finished (then 421), idle clients are told 421 at once,
# and the port is closed. The clients are tests/cli/serve_clients.py. Every
# wait is bounded.
need_python3
index_bundled


# --- 64 trickling connections from one address, with the defaults
start_server --dict
run serve_clients dict-slowloris "$PORT" 64
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
serve_clients dict-status-loop "$PORT" "$WORK/reindexed" >"$WORK/loop.out" 2>&1 &
loop=$!
for _ in $(seq 100); do grep -q ready "$WORK/loop.out" && break; sleep 0.1; done
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/tests/data/web/hostile.xml" || fail "re-index"
touch "$WORK/reindexed"
wait "$loop"
OUT=$(cat "$WORK/loop.out")
expect_out "STATUS answered before and after: True"
expect_out "150 1 definition retrieved" "DEFINE on the same connection finds the new concept:"
expect_out "<script>alert(1)</script> вредоносная запись"

# --- a client that pipelines 4 MB of answers and 500 commands more, and
# reads late, is not cut off by --request-timeout: while its answers wait it
# is not read from, and the command line then half read does not count
stop_server
start_server --dict --request-timeout 1
run serve_clients dict-pipeline "$PORT" 60 500
expect_out "answered 60 of 60 DEFINE, 500 of 500 STATUS"

# --- SIGTERM: the answers under way are finished, then 421 (100 answers of
# 70 KB, more than the socket buffers hold; a generous --grace, so that a
# slow machine does not cut them: the server stops as soon as they are sent)
stop_server
start_server --dict --grace 60
stop_wait=$(date +%s)
run serve_clients dict-graceful "$PORT" "$SERVER" 100
expect_out "first: 150 " "a long answer began:"
expect_out "idle client: 421" "an idle client is told 421 at once:"
expect_out "answers: 100 begun, 100 ended" "the commands received were answered whole:"
count=$(sed -n 's/^first: 150 \([0-9]*\) .*/\1/p' <<<"$OUT")
expect_out "definitions: $((count * 100)) of $((count * 100))" "every definition was sent:"
expect_out "last lines: 250 ok 421" "the last answer ends, then 421:"
wait_server
expect_rc 0 "the server stopped by SIGTERM"
expect_true "once the answers were sent, not at the end of --grace 60" test $(($(date +%s) - stop_wait)) -le 40
if timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; then
    fail "the port still answers after SIGTERM"
else ok; fi
finish
