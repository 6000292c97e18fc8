#!/usr/bin/env bash
# scale-bench.sh — glossa at IATE scale, side by side with the tools users
# would pick instead, on the same headwords in the same run:
#   1. generate a synthetic term base (gen-termbase.py, deterministic from
#      a seed: TERMS terms in ru en zh kk uz-Latn fa hi + be/ky/tg/ur/uz-Cyrl)
#   2. glossa index: terms/s, peak RSS, database bytes per term, size / TEI
#   3. lookup latency per match kind, in process (lookup-bench, public API)
#      and as a whole `glossa lookup` call; `glossa lookup --batch` queries/s;
#      typo recall (typo-probe.py: typos of the base's own terms)
#   4. peers: dictd (dictfmt + dictd on 127.0.0.1 + dict), sdcv over a
#      StarDict build, SQLite FTS5 (unicode61): build time, size, latency;
#      ratios glossa / peer
#   5. real corpora from ../shared/corpora when present (CLDR names, TBX samples)
# A measurement, not a test: it never fails on a figure. Every figure line
# starts with "figure:" so that a smoke test can check they are all there.
#
# usage: scale-bench.sh GLOSSA LOOKUP_BENCH [SOURCE_DIR] [TERMS] [SEED]
set -eu
glossa=$(realpath "${1:?usage: scale-bench.sh GLOSSA LOOKUP_BENCH [SOURCE_DIR] [TERMS] [SEED]}")
lb=$(realpath "${2:?usage: scale-bench.sh GLOSSA LOOKUP_BENCH [SOURCE_DIR] [TERMS] [SEED]}")
src=$(realpath "${3:-$(dirname "$0")/../..}")
terms=${4:-1000000}
seed=${5:-2026}
cli_n=${BENCH_CLI_QUERIES:-40}       # whole-process calls per kind
shared=${SHARED:-$src/../shared}
work=$(mktemp -d "${TMPDIR:-/tmp}/glossa-scale.XXXXXX")
dictd_pid=
cleanup() {
    [ -n "$dictd_pid" ] && kill "$dictd_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

say() { printf '%s\n' "$*"; }
fig() { printf 'figure: %s\n' "$*"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "n/a" }'; }
field() { # field NAME LINE: the number after NAME= in LINE
    sed -n "s/.*[ ]$1=\([0-9.]*\).*/\1/p" <<<" $2" | head -1
}
secs_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }

say "glossa scale bench: $terms terms, seed $seed, $("$glossa" --version)"
say "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- 1. the data ----------------------------------------------------------------------
t0=$(date +%s.%N)
python3 "$src/tests/bench/gen-termbase.py" --terms "$terms" --seed "$seed" "$work/data"
tei_bytes=$(cat "$work"/data/tei/*.xml | wc -c)
fig "generate: $terms terms, $(ls "$work"/data/tei/*.xml | wc -l) TEI files, $tei_bytes bytes, $(secs_since "$t0") s"

# ---- 2. index -------------------------------------------------------------------------
db=$work/glossa.db
/usr/bin/time -f '%e %M' -o "$work/time" "$glossa" index --quiet --db "$db" "$work/data/tei"
read -r isecs irss <"$work/time"
db_bytes=$(stat -c %s "$db")
g_rate=$(awk -v n="$terms" -v s="$isecs" 'BEGIN { printf "%.0f", n / s }')
fig "glossa index: $isecs s, $g_rate terms/s, peak RSS $((irss / 1024)) MB"
fig "glossa database: $db_bytes bytes, $(awk -v b="$db_bytes" -v n="$terms" 'BEGIN { printf "%.0f", b / n }') bytes/term, $(ratio "$db_bytes" "$tei_bytes") x the TEI"

# ---- 3. lookups -------------------------------------------------------------------------
"$lb" inproc "$db" "$work/data/queries" 2 | tee "$work/inproc"
while read -r how kind rest; do
    case $kind in open:) fig "glossa in-process open: $rest"; continue ;; esac
    [ "$how" = inproc-mode ] && mode=" (--mode $kind)" || mode=""
    [ "$how" = inproc-mode ] && [ "$kind" = fulltext ] && mode=" (--in definitions)"
    fig "glossa in-process $kind$mode: p50 $(field p50 "$rest") us, p99 $(field p99 "$rest") us ($(sed 's/.*first-as-expected=\([0-9/]*\).*/\1/' <<<"$rest") first as expected)"
done <"$work/inproc"
# typo recall: typos of the base's own terms (typo-probe.py), their own concept found
python3 "$src/tests/bench/typo-probe.py" --n 2000 "$db" "$work/typos"
BENCH_KINDS=fuzzy "$lb" inproc "$db" "$work/typos" 1 >"$work/typos.out"
while read -r how kind rest; do
    case $kind in open:) continue ;; esac
    [ "$how" = inproc-mode ] && mode=" (--mode fuzzy)" || mode=""
    fig "glossa typo recall$mode: $(sed 's/.*expected-in-results=\([0-9/]*\).*/\1/' <<<"$rest") own concept found, $(sed 's/.*first-as-expected=\([0-9/]*\).*/\1/' <<<"$rest") first; p50 $(field p50 "$rest") us, p99 $(field p99 "$rest") us"
done <"$work/typos.out"
for kind in exact normalized stem translit prefix fuzzy fulltext; do
    extra=()
    [ $kind = fulltext ] && extra=(--in definitions)
    out=$("$lb" spawn "$work/data/queries/$kind.tsv" "$cli_n" "$glossa" lookup --db "$db" "${extra[@]}" '{}')
    echo "$out" >"$work/cli-$kind"
    fig "glossa CLI $kind: p50 $(field p50 "$out") ms, p99 $(field p99 "$out") ms (whole process, $cli_n calls)"
done
cut -f1 "$work"/data/queries/{exact,normalized,stem,translit,prefix,fuzzy}.tsv >"$work/batch.txt"
nq=$(wc -l <"$work/batch.txt")
t0=$(date +%s.%N)
"$glossa" lookup --batch --limit 1 --db "$db" <"$work/batch.txt" >"$work/batch.out" || true
bs=$(secs_since "$t0")
fig "glossa lookup --batch: $nq queries in $bs s, $(awk -v n="$nq" -v s="$bs" 'BEGIN { printf "%.0f", n / s }') queries/s"

# ---- 4. peers -------------------------------------------------------------------------------
# SQLite FTS5, unicode61 tokenizer: the same headwords (every term, its concept as text)
out=$("$lb" fts5-build "$work/peer-fts5.db" "$work/data/peers/headwords.tsv")
f_rate=$(field rate "$out")
f_bytes=$(field bytes "$out")
fig "fts5 build: $(field secs "$out") s, $f_rate rows/s, peak RSS $(($(field maxrss_kb "$out") / 1024)) MB, $f_bytes bytes"
"$lb" fts5 "$work/peer-fts5.db" "$work/data/queries" 2 | tee "$work/fts5"
out=$("$lb" spawn "$work/data/queries/exact.tsv" "$cli_n" sqlite3 "$work/peer-fts5.db" \
      "SELECT head FROM peer WHERE head MATCH {fts} ORDER BY rank LIMIT 10")
fts_cli=$(field p50 "$out")
fig "fts5 CLI exact (sqlite3): p50 $fts_cli ms, p99 $(field p99 "$out") ms"

# dictd: dictfmt, then a private dictd on a free port of 127.0.0.1
mkdir -p "$work/dictd"
chmod 755 "$work" "$work/dictd"    # dictd started as root reads its files as user dictd
t0=$(date +%s.%N)
dictfmt -c5 --utf8 --allchars --without-time -s glossa-bench "$work/dictd/bench" \
    <"$work/data/peers/dictd.txt" >/dev/null 2>&1
d_secs=$(secs_since "$t0")
d_bytes=$(( $(stat -c %s "$work/dictd/bench.index") + $(stat -c %s "$work/dictd/bench.dict") ))
fig "dictd build (dictfmt): $d_secs s, $(awk -v n="$terms" -v s="$d_secs" 'BEGIN { printf "%.0f", n / s }') terms/s, $d_bytes bytes"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/dictd/dictd.conf" <<EOF
global {
    listen_to 127.0.0.1
    port $port
    pid_file $work/dictd/dictd.pid
}
database bench { data "$work/dictd/bench.dict" index "$work/dictd/bench.index" }
EOF
dictd -c "$work/dictd/dictd.conf" -d nodetach --locale C.UTF-8 2>"$work/dictd.log" &
dictd_pid=$!
for _ in $(seq 50); do dict -h 127.0.0.1 -p "$port" -D >/dev/null 2>&1 && break; sleep 0.1; done
dict_exact=n/a dict_lev=n/a
if dict -h 127.0.0.1 -p "$port" -D >/dev/null 2>&1; then
    out=$("$lb" spawn "$work/data/queries/exact.tsv" "$cli_n" dict -h 127.0.0.1 -p "$port" -d bench '{}')
    dict_exact=$(field p50 "$out")
    fig "dictd exact (dict DEFINE round trip): p50 $dict_exact ms, p99 $(field p99 "$out") ms"
    out=$("$lb" spawn "$work/data/queries/prefix.tsv" "$cli_n" dict -h 127.0.0.1 -p "$port" -d bench -m -s prefix '{}')
    fig "dictd prefix (dict MATCH prefix): p50 $(field p50 "$out") ms, p99 $(field p99 "$out") ms"
    out=$("$lb" spawn "$work/data/queries/fuzzy.tsv" "$cli_n" dict -h 127.0.0.1 -p "$port" -d bench -m -s lev '{}')
    dict_lev=$(field p50 "$out")
    fig "dictd fuzzy (dict MATCH lev): p50 $dict_lev ms, p99 $(field p99 "$out") ms"
else
    fig "dictd: did not start ($(head -c 300 "$work/dictd.log")); no dictd figures"
fi

# sdcv over the StarDict files the generator wrote (its cache goes to our work dir)
export XDG_CACHE_HOME=$work/cache HOME=$work
t0=$(date +%s.%N)
sdcv -n -x -2 "$work/data/peers/stardict" -u glossa-bench -e "$(head -1 "$work/data/queries/exact.tsv" | cut -f1)" >/dev/null 2>&1 || true
s_bytes=$(cat "$work"/data/peers/stardict/glossa-bench.{ifo,idx,dict} | wc -c)
fig "sdcv first call (reads the StarDict files, builds its cache): $(secs_since "$t0") s, $s_bytes bytes"
out=$("$lb" spawn "$work/data/queries/exact.tsv" "$cli_n" sdcv -n -x -2 "$work/data/peers/stardict" -u glossa-bench -e '{}')
sdcv_exact=$(field p50 "$out")
fig "sdcv exact: p50 $sdcv_exact ms, p99 $(field p99 "$out") ms"
out=$("$lb" spawn "$work/data/queries/fuzzy.tsv" "$cli_n" sdcv -n -x -2 "$work/data/peers/stardict" -u glossa-bench '{}')
sdcv_fuzzy=$(field p50 "$out")
fig "sdcv fuzzy: p50 $sdcv_fuzzy ms, p99 $(field p99 "$out") ms"

# ---- ratios --------------------------------------------------------------------------------
g_cli_exact=$(field p50 "$(cat "$work/cli-exact")")
g_cli_fuzzy=$(field p50 "$(cat "$work/cli-fuzzy")")
g_in_exact=$(field p50 "$(grep '^inproc exact ' "$work/inproc")")
g_in_prefix=$(field p50 "$(grep '^inproc prefix ' "$work/inproc")")
g_in_full=$(field p50 "$(grep '^inproc fulltext ' "$work/inproc")")
g_mode_exact=$(field p50 "$(grep '^inproc-mode exact ' "$work/inproc")")
g_mode_prefix=$(field p50 "$(grep '^inproc-mode prefix ' "$work/inproc")")
f_in_exact=$(field p50 "$(grep ' exact ' "$work/fts5")")
f_in_prefix=$(field p50 "$(grep ' prefix ' "$work/fts5")")
f_in_full=$(field p50 "$(grep ' fulltext ' "$work/fts5")")
fig "ratio index rate glossa/fts5: $(ratio "$g_rate" "$f_rate") (higher is better for glossa)"
fig "ratio size glossa/fts5: $(ratio "$db_bytes" "$f_bytes"); glossa/dictd: $(ratio "$db_bytes" "$d_bytes"); glossa/stardict: $(ratio "$db_bytes" "$s_bytes")"
fig "ratio in-process p50 glossa/fts5: exact $(ratio "$g_in_exact" "$f_in_exact") (--mode exact $(ratio "$g_mode_exact" "$f_in_exact")), prefix $(ratio "$g_in_prefix" "$f_in_prefix") (--mode prefix $(ratio "$g_mode_prefix" "$f_in_prefix")), fulltext $(ratio "$g_in_full" "$f_in_full")"
fig "ratio CLI exact p50 glossa/dict: $(ratio "$g_cli_exact" "$dict_exact"); glossa/sdcv: $(ratio "$g_cli_exact" "$sdcv_exact"); glossa/sqlite3: $(ratio "$g_cli_exact" "$fts_cli")"
fig "ratio CLI fuzzy p50 glossa/dict-lev: $(ratio "$g_cli_fuzzy" "$dict_lev"); glossa/sdcv: $(ratio "$g_cli_fuzzy" "$sdcv_fuzzy")"

# ---- 5. real corpora ---------------------------------------------------------------------------
cldr=$shared/corpora/cldr-localenames/v48.2.0/main
if [ -d "$cldr" ]; then
    python3 "$src/tests/bench/gen-termbase.py" --cldr "$cldr" "$work/cldr" >/dev/null
    /usr/bin/time -f '%e %M' -o "$work/time" "$glossa" index --quiet --db "$work/cldr.db" "$work/cldr/tei"
    read -r csecs crss <"$work/time"
    cterms=$(sqlite3 "$work/cldr.db" 'SELECT count(*) FROM term')
    fig "CLDR names (real, $cterms terms): index $csecs s, peak RSS $((crss / 1024)) MB"
    out=$("$lb" inproc "$work/cldr.db" "$work/cldr/queries" 2 | grep '^inproc exact ')
    fig "CLDR names in-process exact: p50 $(field p50 "$out") us, p99 $(field p99 "$out") us ($(sed 's/.*first-as-expected=\([0-9/]*\).*/\1/' <<<"$out") first as expected)"
else
    fig "CLDR names: skipped ($cldr absent)"
fi
tbx=$(find "$shared/corpora/interop-samples" -name '*.tbx' 2>/dev/null | sort)
if [ -n "$tbx" ]; then
    n=0 ok=0
    t0=$(date +%s.%N)
    while read -r f; do
        n=$((n + 1))
        rc=0
        # the samples have no Russian: their English is read as the required language
        "$glossa" import --quiet --lang-map en=ru,en-US=ru,en-GB=ru -o "$work/import-$n.xml" "$f" \
            >/dev/null 2>&1 || rc=$?
        [ $rc -le 1 ] && ok=$((ok + 1))
    done <<<"$tbx"
    fig "TBX samples (real): $ok of $n imported in $(secs_since "$t0") s (the others are malformed on purpose or hold no English)"
else
    fig "TBX samples: skipped ($shared/corpora/interop-samples absent)"
fi
say "done"
