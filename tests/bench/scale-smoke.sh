#!/usr/bin/env bash
# scale-smoke.sh — the scale bench at 2 000 terms (seconds), so that it cannot
# rot: it must run to the end and print every figure line. Figures are not
# judged. Skips (77) when a peer tool it drives is not installed.
set -u
glossa=${1:?usage: scale-smoke.sh GLOSSA LOOKUP_BENCH SOURCE_DIR}
lb=${2:?}
src=${3:?}
for tool in python3 dictfmt dictd dict sdcv sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
out=$(BENCH_CLI_QUERIES=5 bash "$src/tests/bench/scale-bench.sh" "$glossa" "$lb" "$src" 2000 7 2>&1)
rc=$?
echo "$out"
[ $rc -eq 0 ] || { echo "FAIL: scale-bench.sh exited $rc"; exit 1; }
fail=0
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
    "ratio in-process p50 glossa/fts5: exact [0-9.]+" "ratio CLI exact p50 glossa/dict: [0-9.]+; glossa/sdcv: [0-9.]+" \
    "ratio CLI fuzzy p50 glossa/dict-lev: [0-9.]+" "CLDR names" "TBX samples"; do
    if ! grep -Eq "^figure: $want" <<<"$out"; then
        echo "FAIL: no figure line matching '$want'"
        fail=1
    fi
done
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
