#!/usr/bin/env bash
# whole-smoke.sh — the whole-process bench with 3 rounds (seconds), so that it
# cannot rot: it must run to the end and print every figure line and the
# table (also to --out). Figures are not judged. Skips (77) when a tool it
# drives is not installed.
set -u
glossa=${1:?usage: whole-smoke.sh GLOSSA TOOLS_DIR SOURCE_DIR}
tools=${2:?}
src=${3:?}
for tool in python3 sqlite3 dictfmt dictd dict sdcv; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/glossa-whole-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf 'before\n<!-- bench-whole: begin -->\nold table\n<!-- bench-whole: end -->\nafter\n' >"$tmp/README.md"
out=$(bash "$src/tests/bench/whole-bench.sh" --rounds 3 --out "$tmp/table.md" --readme "$tmp/README.md" \
      "$glossa" "$tools" "$src" 2>&1)
rc=$?
echo "$out"
[ $rc -eq 0 ] || { echo "FAIL: whole-bench.sh exited $rc"; exit 1; }
fail=0
t='min [0-9.]+ ms, median [0-9.]+ ms, × floor [0-9.]+ \(ratio of medians [0-9.]+\)$'
for want in "floor: open the index, one B-tree probe: $t" "empty C program \(PIE, glossa's flags\): $t" \
    "empty C program with glossa's shared libraries: $t" \
    "sqlite3 DB 'select 1': $t" "sdcv -e: $t" "dict → dictd: $t" "glossa --version: $t" \
    "glossa lookup, Russian: $t" "glossa lookup, Chinese: $t" "glossa lookup, English: $t" \
    "glossa lookup, Persian: $t" "glossa lookup, Hindi: $t" \
    "glossa lookup, Persian, not a term \(one letter off\): $t" \
    "glossa --version × empty C program: [0-9.]+ \(ratio of medians [0-9.]+\)$" \
    "glossa --version × empty C program with glossa's shared libraries: [0-9.]+ \(ratio of medians [0-9.]+\)$"; do
    if ! grep -Eq "^figure: $want" <<<"$out"; then
        echo "FAIL: no figure line matching '$want'"
        fail=1
    fi
done
rows=$(grep -c '^| .* | [0-9.]* ms | [0-9.]* ms | [0-9.]* |$' "$tmp/table.md" 2>/dev/null)
[ "$rows" = 13 ] || { echo "FAIL: the table written to --out has ${rows:-no} rows of figures, not 13"; fail=1; }
# --readme: the table between the markers, the rest as it was
want=$(printf 'before\n<!-- bench-whole: begin -->\n%s\n<!-- bench-whole: end -->\nafter' "$(cat "$tmp/table.md")")
[ "$(cat "$tmp/README.md")" = "$want" ] || { echo "FAIL: --readme did not put the table between the markers"; fail=1; }
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
