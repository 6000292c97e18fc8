#!/usr/bin/env bash
# scale-smoke.sh — the scale bench at 2 000 terms (seconds), so that it cannot
# rot: it must run to the end and print every figure line. Figures are not
# judged, but every peer must answer some of its queries. Skips (77) when
# a peer tool it drives is not installed.
set -u
glossa=${1:?usage: scale-smoke.sh GLOSSA LOOKUP_BENCH SOURCE_DIR}
lb=${2:?}
src=${3:?}
for tool in python3 dictfmt dictd dict sdcv sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
out=$(BENCH_CLI_QUERIES=5 BENCH_DICT_QUERIES=50 bash "$src/tests/bench/scale-bench.sh" "$glossa" "$lb" "$src" 2000 7 2>&1)
rc=$?
echo "$out"
[ $rc -eq 0 ] || { echo "FAIL: scale-bench.sh exited $rc"; exit 1; }
fail=0
# every peer answers some of the queries (dictd's lev and prefix answered none
# before its alphabet was mended and its prefix queries were prefixes of terms)
answered='glossa [0-9]+ of [0-9]+ \(expected [0-9]+\), peer [1-9][0-9]* of [0-9]+ \(expected [0-9]+\), both [0-9]+, both expected [0-9]+$'
r='[0-9.]+ \(median per query [0-9.]+\)'
# glossa serve --dict and dictd over one connection each: both answer some
dict_answered='glossa [0-9]+ of [0-9]+ \(expected [0-9]+\), dictd [1-9][0-9]* of [0-9]+ \(expected [0-9]+\), both [1-9][0-9]*, same headwords [0-9]+, dictd.s within glossa.s [0-9]+$'
dict_times="glossa p50 [0-9.]+ us, p99 [0-9.]+ us; dictd p50 [0-9.]+ us, p99 [0-9.]+ us; glossa/dictd $r$"
for want in "glossa index: .* terms/s, peak RSS [0-9]+ MB" "glossa database: [0-9]+ bytes, [0-9]+ bytes/term" \
    "glossa in-process open:" \
    "glossa in-process exact: p50 [0-9.]+ us, p99 [0-9.]+ us" "glossa in-process normalized: p50 [0-9.]+ us" \
    "glossa in-process stem: p50 [0-9.]+ us" "glossa in-process translit: p50 [0-9.]+ us" \
    "glossa in-process prefix: p50 [0-9.]+ us" "glossa in-process fuzzy: p50 [0-9.]+ us" \
    "glossa in-process fulltext: p50 [0-9.]+ us" "glossa in-process exact \(--mode exact\): p50 [0-9.]+ us" \
    "glossa in-process fuzzy \(--mode fuzzy\): p50 [0-9.]+ us" \
    "glossa typo recall: [0-9]+/[0-9]+ own concept found" \
    "glossa typo recall \(--mode fuzzy\): [0-9]+/[0-9]+ own concept found" \
    "glossa CLI exact: p50 [0-9.]+ ms" "glossa CLI normalized: p50 [0-9.]+ ms" "glossa CLI stem: p50 [0-9.]+ ms" \
    "glossa CLI translit: p50 [0-9.]+ ms" "glossa CLI prefix: p50 [0-9.]+ ms" "glossa CLI fuzzy: p50 [0-9.]+ ms" \
    "glossa CLI fulltext: p50 [0-9.]+ ms" "glossa lookup --batch: [0-9]+ queries in .* queries/s" \
    "fts5 build: .* rows/s" "fts5 CLI exact \(sqlite3\): p50 [0-9.]+ ms" \
    "dictd build \(dictfmt\):" "dictd exact \(dict DEFINE round trip\): p50 [0-9.]+ ms" \
    "dictd fuzzy \(dict MATCH lev\): p50 [0-9.]+ ms" "sdcv exact: p50 [0-9.]+ ms" "sdcv fuzzy: p50 [0-9.]+ ms" \
    "ratio index rate glossa/fts5: [0-9.]+" "ratio size glossa/fts5: [0-9.]+" \
    "dictd prefix \(dict MATCH prefix\): p50 [0-9.]+ ms" \
    "glossa CLI exact, interleaved with its peers: p50 [0-9.]+ ms" \
    "glossa CLI prefix \(first word\), interleaved with dict: p50 [0-9.]+ ms" \
    "glossa CLI fuzzy, interleaved with its peers: p50 [0-9.]+ ms" \
    "answers exact, dict DEFINE: $answered" "answers exact, sdcv -e: $answered" \
    "answers exact, sqlite3 FTS5 phrase: $answered" "answers prefix \(first word\), dict MATCH prefix: $answered" \
    "answers fuzzy, dict MATCH lev: $answered" "answers fuzzy, sdcv: $answered" \
    "ratio in-process p50 glossa/fts5: exact [0-9.]+" \
    "B-tree floor in process \(SQLite alone: the exact queries' text on the term index\): p50 [0-9.]+ us" \
    "ratio in-process p50 glossa/B-tree floor: --mode exact [0-9.]+, default mode on exact queries [0-9.]+$" \
    "ratio CLI exact p50 \(interleaved\) glossa/dict $r; glossa/sdcv $r; glossa/sqlite3 $r$" \
    "ratio CLI prefix p50 \(interleaved\) glossa/dict-prefix $r$" \
    "ratio CLI fuzzy p50 \(interleaved\) glossa/dict-lev $r; glossa/sdcv $r$" "CLDR names" "TBX samples" \
    "answers DICT DEFINE, one connection: $dict_answered" "answers DICT MATCH prefix, one connection: $dict_answered" \
    "answers DICT MATCH lev, one connection: $dict_answered" \
    "DICT DEFINE, one connection \([1-9][0-9]* queries both answered\): $dict_times" \
    "DICT MATCH prefix, one connection \([1-9][0-9]* queries both answered\): $dict_times" \
    "DICT MATCH lev, one connection \([1-9][0-9]* queries both answered\): $dict_times"; do
    if ! grep -Eq "^figure: $want" <<<"$out"; then
        echo "FAIL: no figure line matching '$want'"
        fail=1
    fi
done
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
