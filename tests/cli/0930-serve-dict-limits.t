# 0930-serve-dict-limits.t — the DICT server under abuse, on 127.0.0.1: a bad
# command gets 500, a line over 1024 bytes gets "500 line too long" and the
# connection goes on, garbage bytes (NULs, invalid UTF-8, pseudo-random data)
# never kill it, 50 concurrent `dict` clients are all answered, connections past
# --max-clients are told 420, an idle connection is closed, and a client that
# is connected when the server stops is told 421. Every loop is bounded in
# count and every wait in time.
if ! command -v dict >/dev/null 2>&1; then
    echo "SKIP: the dict client is not installed (Debian package dict, see .ci/install-deps)"
    exit 77
fi
index_bundled

# reply FD: the next line from the connection on FD, without CR, in $LINE
reply() {
    LINE=
    IFS= read -r -t 10 LINE <&"$1"
    LINE=${LINE%$'\r'}
}
expect_line() { # expect_line PREFIX WHAT
    case "$LINE" in "$1"*) ok ;; *) fail "$2: got '$LINE', expected '$1…'" ;; esac
}
alive() { # the server still answers a real client
    timeout 30 dict -h 127.0.0.1 -p "$PORT" -d all "information security" 2>/dev/null | grep -q 信息安全
}

start_server --dict --max-clients 4
# --- a bad command, a line too long, then the same connection goes on
exec 3<>/dev/tcp/127.0.0.1/"$PORT"
reply 3; expect_line "220 " "greeting"
printf 'FROBNICATE now\r\n' >&3
reply 3; expect_line "500 " "unknown command"
printf 'DEFINE all\r\n' >&3
reply 3; expect_line "501 " "DEFINE without a word"
printf 'MATCH all soundex x\r\n' >&3
reply 3; expect_line "551 " "unknown strategy"
printf 'DEFINE klingon x\r\n' >&3
reply 3; expect_line "550 " "unknown database"
head -c 3000 /dev/zero | tr '\0' 'a' >&3
printf '\r\n' >&3
reply 3; expect_line "500 line too long" "a 3000-byte line"
printf 'HELP\0\xff\xfe\r\n' >&3
reply 3; expect_line "500 " "NUL and invalid UTF-8"
printf 'STATUS\r\n' >&3
reply 3; expect_line "210 " "the connection goes on"
printf 'QUIT\r\n' >&3
reply 3; expect_line "221 " "QUIT"
exec 3<&-

# --- garbage from many connections: pseudo-random bytes (the same on every
# run, seeded by the connection's number), then hang up
garbage() { # garbage SEED BYTES
    LC_ALL=C awk -v seed="$1" -v n="$2" 'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%c", int(rand() * 256) }'
}
for i in $(seq 20); do
    garbage "$i" 20000 >"$WORK/garbage"
    timeout 10 bash -c "cat '$WORK/garbage' >/dev/tcp/127.0.0.1/$PORT" 2>/dev/null
done
# and a connection that sends garbage but reads its answers
exec 3<>/dev/tcp/127.0.0.1/"$PORT"
reply 3; expect_line "220 " "greeting after garbage"
garbage 99 50000 | tr '\n' 'x' >&3
printf '\r\nSTATUS\r\n' >&3
n=0
while reply 3 && [ -n "$LINE" ] && [ $n -lt 1000 ]; do
    case "$LINE" in 210*) break ;; esac
    n=$((n + 1))
done
expect_line "210 " "after 50000 random bytes"
exec 3<&-
expect_true "the server survives garbage" kill -0 "$SERVER"
expect_true "and still answers" alive

# --- more connections than --max-clients 4: the fifth is told 420
fds=()
for i in 1 2 3 4; do
    exec {fd}<>/dev/tcp/127.0.0.1/"$PORT"
    fds+=("$fd")
    reply "$fd"; expect_line "220 " "connection $i"
done
exec {fd}<>/dev/tcp/127.0.0.1/"$PORT"
reply "$fd"; expect_line "420 " "a fifth connection"
exec {fd}<&-
for fd in "${fds[@]}"; do exec {fd}<&-; done
expect_true "slots are free again" alive

# --- a client connected when the server stops is told 421
exec 3<>/dev/tcp/127.0.0.1/"$PORT"
reply 3; expect_line "220 " "greeting"
stop_server
expect_rc 0 "SIGTERM with a client connected"
reply 3; expect_line "421 " "stopping"
exec 3<&-

# --- 50 dict clients at once (the default --max-clients is 64; they all come
# from 127.0.0.1, so --max-per-ip is raised from its default 8)
start_server --dict --idle-timeout 2 --max-per-ip 64
for i in $(seq 50); do
    timeout 60 dict -h 127.0.0.1 -p "$PORT" -d ru-zh "информационная безопасность" \
        >"$WORK/client.$i" 2>&1 &
done
wait_for=$(jobs -p | grep -v "^$SERVER\$")
for p in $wait_for; do wait "$p"; done
answered=$(grep -l "信息安全" "$WORK"/client.* | wc -l)
expect_true "50 concurrent clients answered ($answered)" test "$answered" -eq 50

# --- an idle connection is closed (--idle-timeout 2; at most 20 s here)
exec 3<>/dev/tcp/127.0.0.1/"$PORT"
reply 3; expect_line "220 " "greeting"
timeout 20 cat <&3 >/dev/null
expect_true "the idle connection was closed by the server" test $? -eq 0
exec 3<&-
expect_true "and the server lives on" alive
stop_server
expect_rc 0 "SIGTERM"
finish
