# dictd-peer.sh — the dictd peer of the benches (sourced by scale-bench.sh and
# whole-bench.sh): build a dictd database from a `dictfmt -c5` text and serve
# it from a private dictd on a free port of 127.0.0.1.
#
#   dictd_build DIR TEXT   dictfmt --utf8 --allchars into DIR/bench.{index,dict}
#   dictd_start DIR        start dictd (sets dictd_pid, dictd_port); 1 if it
#                          does not answer (DIR/dictd.log says why); no limit
#                          on the queries of one connection (dictd closes it
#                          after 2 000 by default) or its time
#   dictd_stop             stop the dictd that dictd_start started
#
# dictfmt 1.13 writes the database's alphabet (00-database-alphabet: every
# character of the headwords, from which dictd's `lev` strategy makes its
# insertions and substitutions) as " \nabc…": dictd keeps the text after the
# leading blanks, so its alphabet is a line break and `lev` finds only
# deletions and transpositions — none of the typos of our fuzzy queries, and
# no Cyrillic insertion at all. dictd_build appends a corrected entry (the
# same letters, then a space) to the .dict and points the index at it.

dictd_pid= dictd_port=

dictd_build() {
    local dir=$1 text=$2
    mkdir -p "$dir"
    chmod 755 "$dir" "$(dirname "$dir")" # dictd started as root reads its files as user dictd
    dictfmt -c5 --utf8 --allchars --without-time -s glossa-bench "$dir/bench" <"$text" >/dev/null 2>&1
    python3 - "$dir/bench" <<'EOF'
import sys
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def dec(s):
    v = 0
    for c in s:
        v = v * 64 + B64.index(c)
    return v
def enc(v):
    s = ""
    while True:
        s = B64[v % 64] + s
        v //= 64
        if v == 0:
            return s
base = sys.argv[1]
lines = open(base + ".index", "rb").read().split(b"\n")
data = open(base + ".dict", "rb").read()
for i, l in enumerate(lines):
    if l.startswith(b"00-database-alphabet\t"):
        name, off, size = l.split(b"\t")
        body = data[dec(off.decode()):dec(off.decode()) + dec(size.decode())]
        fixed = b"".join(body.split()) + b" \n"
        lines[i] = b"\t".join([name, enc(len(data)).encode(), enc(len(fixed)).encode()])
        with open(base + ".dict", "ab") as f:
            f.write(fixed)
open(base + ".index", "wb").write(b"\n".join(lines))
EOF
}

dictd_start() {
    local dir=$1
    dictd_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat >"$dir/dictd.conf" <<EOF
global {
    listen_to 127.0.0.1
    port $dictd_port
    pid_file $dir/dictd.pid
    limit_queries 0
    limit_time 86400
}
database bench { data "$dir/bench.dict" index "$dir/bench.index" }
EOF
    dictd -c "$dir/dictd.conf" -d nodetach --locale C.UTF-8 2>"$dir/dictd.log" &
    dictd_pid=$!
    for _ in $(seq 50); do dict -h 127.0.0.1 -p "$dictd_port" -D >/dev/null 2>&1 && return 0; sleep 0.1; done
    return 1
}

dictd_stop() {
    [ -n "$dictd_pid" ] && kill "$dictd_pid" 2>/dev/null
    dictd_pid=
}
