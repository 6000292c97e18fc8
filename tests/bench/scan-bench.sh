#!/usr/bin/env bash
# scan-bench.sh — how fast `glossa scan` reads a large document: builds a text
# of about 50 MB by repeating the reference statements of
# ../shared/reference/documents (or, without them, tests/data/text/sample.ru.txt),
# indexes the bundled glossary, and prints the scan time and MB/s.
# A measurement, not a test: it never fails on a figure (run by `make bench`).
#
# usage: scan-bench.sh GLOSSA_BINARY [SOURCE_DIR] [MEGABYTES]
set -eu
glossa=${1:?usage: scan-bench.sh GLOSSA_BINARY [SOURCE_DIR] [MEGABYTES]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
mb=${3:-50}
work=$(mktemp -d "${TMPDIR:-/tmp}/glossa-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

docs=("$src"/../shared/reference/documents/*.txt)
[ -f "${docs[0]}" ] || docs=("$src/tests/data/text/sample.ru.txt")
cat "${docs[@]}" >"$work/one.txt"
: >"$work/big.txt"
while [ "$(stat -c %s "$work/big.txt")" -lt $((mb * 1000000)) ]; do
    cat "$work/one.txt" "$work/one.txt" "$work/one.txt" "$work/one.txt" >>"$work/big.txt"
done
bytes=$(stat -c %s "$work/big.txt")
"$glossa" index --quiet --db "$work/g.db" "$src/glossary"

run() { # run LABEL ARGS...: time one scan, print seconds, MB/s and matches
    local label=$1 t0 t1 secs
    shift
    t0=$(date +%s.%N)
    "$glossa" scan --db "$work/g.db" "$@" "$work/big.txt" >"$work/out" || [ $? -eq 1 ]
    t1=$(date +%s.%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
    printf '%-22s %6.2f s  %6.1f MB/s  %s matches\n' "$label" "$secs" \
        "$(awk -v n="$bytes" -v s="$secs" 'BEGIN { print n / 1000000 / s }')" \
        "$(grep -o '"id":\|^    [a-z]\|<mark ' "$work/out" | wc -l)"
}
printf 'glossa scan on %.1f MB (%d documents repeated), %s\n' "$(awk -v n="$bytes" 'BEGIN { print n / 1000000 }')" \
    "${#docs[@]}" "$("$glossa" --version)"
run "text, --to zh,en" --to zh,en
run "json, --to zh,en" --format json --to zh,en
run "html" --format html
