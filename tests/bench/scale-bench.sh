#!/usr/bin/env bash
# scale-bench.sh — glossa at IATE scale, side by side with the tools users
# would pick instead, on the same headwords in the same run:
#   1. generate a synthetic term base (gen-termbase.py, deterministic from
#      a seed: TERMS terms in ru en zh kk uz-Latn fa hi + be/ky/tg/ur/uz-Cyrl)
#   2. glossa index: terms/s, peak RSS, database bytes per term, size / TEI
#   3. lookup latency per match kind, in process (lookup-bench, public API)
#      and as a whole `glossa lookup` call; `glossa lookup --batch` queries/s;
#      typo recall (typo-probe.py: typos of the base's own terms)
#   4. peers: dictd (dictfmt + dictd on 127.0.0.1 + dict: dictd-peer.sh), sdcv
#      over a StarDict build, SQLite FTS5 (unicode61): build time, size; how
#      many of the same queries each answers, and with the expected concept
#      (peer-answers.py); whole calls of glossa and its peers interleaved
#      query by query; ratios glossa / peer from that same run; and
#      `glossa serve --dict` against dictd over one persistent connection
#      each (lookup-bench dict: DEFINE, MATCH prefix, MATCH lev, answers
#      compared, ratios over the queries both answered)
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
dict_n=${BENCH_DICT_QUERIES:-400}    # DICT commands per strategy over one connection
shared=${SHARED:-$src/../shared}
work=$(mktemp -d "${TMPDIR:-/tmp}/glossa-scale.XXXXXX")
. "$src/tests/bench/dictd-peer.sh"
serve_pid=
cleanup() {
    dictd_stop
    [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null
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
    case $kind in
    open:) fig "glossa in-process open: $rest"; continue ;;
    floor) fig "B-tree floor in process (SQLite alone: the exact queries' text on the term index): p50 $(field p50 "$rest") us, p99 $(field p99 "$rest") us"; continue ;;
    esac
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

# dictd: dictfmt, then a private dictd on a free port of 127.0.0.1 (dictd-peer.sh)
t0=$(date +%s.%N)
dictd_build "$work/dictd" "$work/data/peers/dictd.txt"
d_secs=$(secs_since "$t0")
d_bytes=$(( $(stat -c %s "$work/dictd/bench.index") + $(stat -c %s "$work/dictd/bench.dict") ))
fig "dictd build (dictfmt): $d_secs s, $(awk -v n="$terms" -v s="$d_secs" 'BEGIN { printf "%.0f", n / s }') terms/s, $d_bytes bytes"
dictd_up=1
dictd_start "$work/dictd" || dictd_up=0
[ $dictd_up = 1 ] || fig "dictd: did not start ($(head -c 300 "$work/dictd/dictd.log")); no dictd figures"
dict_q=(dict -h 127.0.0.1 -p "$dictd_port" -d bench)

# sdcv over the StarDict files the generator wrote (its cache goes to our work dir)
export XDG_CACHE_HOME=$work/cache HOME=$work
t0=$(date +%s.%N)
sdcv -n -x -2 "$work/data/peers/stardict" -u glossa-bench -e "$(head -1 "$work/data/queries/exact.tsv" | cut -f1)" >/dev/null 2>&1 || true
s_bytes=$(cat "$work"/data/peers/stardict/glossa-bench.{ifo,idx,dict} | wc -c)
fig "sdcv first call (reads the StarDict files, builds its cache): $(secs_since "$t0") s, $s_bytes bytes"
sdcv_q=(sdcv -n -x -2 "$work/data/peers/stardict" -u glossa-bench)

# Whole calls, glossa and its peers interleaved query by query (lookup-bench
# spawn with several commands), after a check of how many of the same queries
# each one answers (peer-answers.py). dictd's prefix strategy matches the
# start of a whole headword: its queries (and glossa's, to compare) are the
# first word of each prefix query, itself a prefix of the term.
awk -F'\t' '{ split($1, w, " "); print w[1] "\t" $2 }' "$work/data/queries/prefix.tsv" >"$work/prefix-head.tsv"
g_q=("$glossa" lookup --db "$db")
answers() { # answers LABEL TSV STYLE CMD...: the peer's answers, a figure; sets answered
    local label=$1 tsv=$2 style=$3 out
    shift 3
    out=$(python3 "$src/tests/bench/peer-answers.py" "$glossa" "$db" "$tsv" "$cli_n" "$style" -- "$@")
    fig "answers $label: ${out#answers: }"
    answered=$(sed -n 's/.*, peer \([0-9]*\) of.*/\1/p' <<<"$out")
}
inv() { # glossa/peer from lookup-bench's peer/glossa ratio NAME= in LINE, or why not
    local r
    r=$(field "$1" "$2")
    awk -v r="$r" 'BEGIN { if (r + 0 > 0) printf "%.2f", 1 / r; else printf "n/a" }'
}
peer_fig() { # peer_fig LABEL ANSWERED LINE: a peer's latency, or why there is none
    if [ "$2" -gt 0 ]; then
        fig "$1: p50 $(field p50 "$3") ms, p99 $(field p99 "$3") ms"
    else
        fig "$1: answered none of the queries; no figure"
    fi
}
pair() { # pair NAME ANSWERED LINE: glossa/peer, interleaved, or n/a when the peer answered nothing
    if [ "$2" -gt 0 ]; then
        printf '%s %s (median per query %s)' "$1" "$(inv ratio-p50 "$3")" "$(inv ratio-pairs "$3")"
    else
        printf '%s n/a (answered none)' "$1"
    fi
}
a_dict=0 a_sdcv=0 a_fts=0 a_pdict=0 a_ldict=0 a_fsdcv=0
[ $dictd_up = 1 ] && { answers "exact, dict DEFINE" "$work/data/queries/exact.tsv" define "${dict_q[@]}" '{}'; a_dict=$answered; }
answers "exact, sdcv -e" "$work/data/queries/exact.tsv" define "${sdcv_q[@]}" -e '{}'; a_sdcv=$answered
answers "exact, sqlite3 FTS5 phrase" "$work/data/queries/exact.tsv" lines sqlite3 "$work/peer-fts5.db" \
    "SELECT head FROM peer WHERE head MATCH {fts} ORDER BY rank LIMIT 10"; a_fts=$answered
[ $dictd_up = 1 ] && { answers "prefix (first word), dict MATCH prefix" "$work/prefix-head.tsv" match "${dict_q[@]}" -m -s prefix '{}'; a_pdict=$answered; }
[ $dictd_up = 1 ] && { answers "fuzzy, dict MATCH lev" "$work/data/queries/fuzzy.tsv" match "${dict_q[@]}" -m -s lev '{}'; a_ldict=$answered; }
answers "fuzzy, sdcv" "$work/data/queries/fuzzy.tsv" define "${sdcv_q[@]}" '{}'; a_fsdcv=$answered

out=$("$lb" spawn "$work/data/queries/exact.tsv" "$cli_n" "${g_q[@]}" '{}' --- "${dict_q[@]}" '{}' \
      --- "${sdcv_q[@]}" -e '{}' --- sqlite3 "$work/peer-fts5.db" \
      "SELECT head FROM peer WHERE head MATCH {fts} ORDER BY rank LIMIT 10")
fig "glossa CLI exact, interleaved with its peers: p50 $(field p50 "$out") ms, p99 $(field p99 "$out") ms"
[ $dictd_up = 1 ] || a_dict=0
peer_fig "dictd exact (dict DEFINE round trip)" "$a_dict" "$(grep 'cmd=2 ' <<<"$out")"
peer_fig "sdcv exact" "$a_sdcv" "$(grep 'cmd=3 ' <<<"$out")"
peer_fig "fts5 CLI exact (sqlite3)" "$a_fts" "$(grep 'cmd=4 ' <<<"$out")"
r_exact="$(pair glossa/dict "$a_dict" "$(grep 'cmd=2 ' <<<"$out")"); $(pair glossa/sdcv "$a_sdcv" "$(grep 'cmd=3 ' <<<"$out")"); $(pair glossa/sqlite3 "$a_fts" "$(grep 'cmd=4 ' <<<"$out")")"
out=$("$lb" spawn "$work/prefix-head.tsv" "$cli_n" "${g_q[@]}" '{}' --- "${dict_q[@]}" -m -s prefix '{}')
fig "glossa CLI prefix (first word), interleaved with dict: p50 $(field p50 "$out") ms, p99 $(field p99 "$out") ms"
peer_fig "dictd prefix (dict MATCH prefix)" "$a_pdict" "$(grep 'cmd=2 ' <<<"$out")"
r_prefix=$(pair glossa/dict-prefix "$a_pdict" "$(grep 'cmd=2 ' <<<"$out")")
out=$("$lb" spawn "$work/data/queries/fuzzy.tsv" "$cli_n" "${g_q[@]}" '{}' --- "${dict_q[@]}" -m -s lev '{}' \
      --- "${sdcv_q[@]}" '{}')
fig "glossa CLI fuzzy, interleaved with its peers: p50 $(field p50 "$out") ms, p99 $(field p99 "$out") ms"
peer_fig "dictd fuzzy (dict MATCH lev)" "$a_ldict" "$(grep 'cmd=2 ' <<<"$out")"
peer_fig "sdcv fuzzy" "$a_fsdcv" "$(grep 'cmd=3 ' <<<"$out")"
r_fuzzy="$(pair glossa/dict-lev "$a_ldict" "$(grep 'cmd=2 ' <<<"$out")"); $(pair glossa/sdcv "$a_fsdcv" "$(grep 'cmd=3 ' <<<"$out")")"

# DICT over one persistent connection: `glossa serve --dict` on a free port
# over the same index, and the private dictd, each asked every query in turn
# (lookup-bench dict); ratios only over the queries both answered.
if [ $dictd_up = 1 ]; then
    "$glossa" serve --dict --listen 127.0.0.1:0 --db "$db" 2>"$work/serve.err" &
    serve_pid=$!
    for _ in $(seq 600); do grep -q '^listening on' "$work/serve.err" && break; sleep 0.1; done
    g_addr=$(sed -n 's/^listening on \([^ ]*\) .*/\1/p' "$work/serve.err")
fi
if [ $dictd_up = 1 ] && [ -n "$g_addr" ]; then
    for what in "DEFINE exact.tsv define" "MATCH-prefix prefix-head.tsv prefix" "MATCH-lev fuzzy.tsv lev"; do
        read -r label file strat <<<"$what"
        label=${label/-/ }
        tsv=$work/data/queries/$file
        [ "$file" = prefix-head.tsv ] && tsv=$work/prefix-head.tsv
        out=$("$lb" dict "$db" "$g_addr" "127.0.0.1:$dictd_port" "$tsv" "$dict_n" "$strat" all bench) || true
        a=$(grep '^dict-answers ' <<<"$out" || true)
        t=$(grep '^dict-times ' <<<"$out" || true)
        fig "answers DICT $label, one connection: glossa $(field answered-a "$a") of $(field n "$a") (expected $(field expected-a "$a")), dictd $(field answered-b "$a") of $(field n "$a") (expected $(field expected-b "$a")), both $(field both "$a"), same headwords $(field same-headwords "$a"), dictd's within glossa's $(field b-within-a "$a")"
        if [ "$(field both "$a")" -gt 0 ] 2>/dev/null; then
            fig "DICT $label, one connection ($(field n "$t") queries both answered): glossa p50 $(field p50-a "$t") us, p99 $(field p99-a "$t") us; dictd p50 $(field p50-b "$t") us, p99 $(field p99-b "$t") us; glossa/dictd $(field ratio-p50 "$t") (median per query $(field ratio-pairs "$t"))"
        else
            fig "DICT $label, one connection: no query answered by both ($(head -c 300 <<<"$out")); no figure"
        fi
    done
else
    fig "DICT, one connection: skipped (dictd or glossa serve --dict did not start: $(head -c 300 "$work/serve.err" 2>/dev/null))"
fi
[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null
serve_pid=

# ---- ratios --------------------------------------------------------------------------------
g_in_exact=$(field p50 "$(grep '^inproc exact ' "$work/inproc")")
g_in_prefix=$(field p50 "$(grep '^inproc prefix ' "$work/inproc")")
g_in_full=$(field p50 "$(grep '^inproc fulltext ' "$work/inproc")")
g_mode_exact=$(field p50 "$(grep '^inproc-mode exact ' "$work/inproc")")
g_floor=$(field p50 "$(grep '^inproc floor ' "$work/inproc")")
g_mode_prefix=$(field p50 "$(grep '^inproc-mode prefix ' "$work/inproc")")
f_in_exact=$(field p50 "$(grep ' exact ' "$work/fts5")")
f_in_prefix=$(field p50 "$(grep ' prefix ' "$work/fts5")")
f_in_full=$(field p50 "$(grep ' fulltext ' "$work/fts5")")
fig "ratio index rate glossa/fts5: $(ratio "$g_rate" "$f_rate") (higher is better for glossa)"
fig "ratio size glossa/fts5: $(ratio "$db_bytes" "$f_bytes"); glossa/dictd: $(ratio "$db_bytes" "$d_bytes"); glossa/stardict: $(ratio "$db_bytes" "$s_bytes")"
fig "ratio in-process p50 glossa/fts5: exact $(ratio "$g_in_exact" "$f_in_exact") (--mode exact $(ratio "$g_mode_exact" "$f_in_exact")), prefix $(ratio "$g_in_prefix" "$f_in_prefix") (--mode prefix $(ratio "$g_mode_prefix" "$f_in_prefix")), fulltext $(ratio "$g_in_full" "$f_in_full")"
fig "ratio in-process p50 glossa/B-tree floor: --mode exact $(ratio "$g_mode_exact" "$g_floor"), default mode on exact queries $(ratio "$g_in_exact" "$g_floor")"
fig "ratio CLI exact p50 (interleaved) $r_exact"
fig "ratio CLI prefix p50 (interleaved) $r_prefix"
fig "ratio CLI fuzzy p50 (interleaved) $r_fuzzy"

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
