#!/usr/bin/env bash
# whole-bench.sh — what a whole `glossa` call costs, process start to exit,
# against a floor and the tools users would run instead, all timed in the
# same run, round-robin (every command once per round, ROUNDS rounds, so a
# change of load falls on all of them alike):
#   floor      bench-floor: open the index read-only, one B-tree probe, exit
#   empty      bench-empty: `int main(void){return 0;}` built like glossa (PIE,
#              the project's flags), the yardstick of `glossa --version`
#   empty-libs the same program linked with the shared libraries glossa needs
#              (its DT_NEEDED entries, by objdump; built here with cc): what
#              loading them costs before glossa runs a line of its own
#   sqlite3    sqlite3 DB 'select 1'
#   sdcv, dict sdcv -e over StarDict files, dict → a private dictd, both built
#              from the same headwords (the index's terms); skipped when not
#              installed
#   glossa     --version; lookup of a term in Russian, Chinese, English,
#              Persian, Hindi, and a Persian query one letter off a term
# on an index of the bundled glossary built in a temporary directory. Every
# command's output is checked once before timing (the expected concept, an
# answer from each peer); a command that fails its check is reported and not
# timed. Prints min and median wall time per command, the median of the
# per-round ratios to the floor (the figure least moved by load) and the
# ratio of the medians; then a markdown table (also written to --out FILE).
# A measurement, not a test: it never fails on a figure. Figure lines start
# with "figure:" (tests/bench/whole-smoke.sh checks they are all there).
#
# usage: whole-bench.sh [--rounds N] [--out FILE] [--readme FILE] GLOSSA TOOLS_DIR [SOURCE_DIR]
#   TOOLS_DIR holds whole-driver, bench-floor and bench-empty (the build's tests/)
#   --readme FILE: the table also replaces what FILE holds between the lines
#   "<!-- bench-whole: begin -->" and "<!-- bench-whole: end -->" (README.md's
#   "How fast"), written aside and renamed; FILE without both lines is an error
set -eu
usage="usage: whole-bench.sh [--rounds N] [--out FILE] [--readme FILE] GLOSSA TOOLS_DIR [SOURCE_DIR]"
rounds=30 out_file= readme=
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) rounds=${2:?$usage}; shift 2 ;;
    --out) out_file=${2:?$usage}; shift 2 ;;
    --readme) readme=${2:?$usage}; shift 2 ;;
    -*) echo "$usage" >&2; exit 2 ;;
    *) break ;;
    esac
done
glossa=$(realpath "${1:?$usage}")
tools=$(realpath "${2:?$usage}")
src=$(realpath "${3:-$(dirname "$0")/../..}")
work=$(mktemp -d "${TMPDIR:-/tmp}/glossa-whole.XXXXXX")
. "$src/tests/bench/dictd-peer.sh"
cleanup() {
    dictd_stop
    rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data # sdcv's cache; no user DB
say() { printf '%s\n' "$*"; }
fig() { printf 'figure: %s\n' "$*"; }

say "glossa whole-process bench: $rounds rounds, $("$glossa" --version)"
say "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), load $(cut -d' ' -f1-3 /proc/loadavg)"

db=$work/glossa.db
"$glossa" index --quiet --db "$db" "$src/glossary"
python3 "$src/tests/bench/gen-termbase.py" --index "$db" "$work"

# the lookups: id, label, query, expected concept (xml:id of the bundled glossary)
lookups=(
    "ru|glossa lookup, Russian|информационная безопасность|information-security"
    "zh|glossa lookup, Chinese|信息战|information-war"
    "en|glossa lookup, English|information infrastructure|information-infrastructure"
    "fa|glossa lookup, Persian|جنگ اطلاعاتی|information-war"
    "hi|glossa lookup, Hindi|सूचना सुरक्षा|information-security"
    "fa-typo|glossa lookup, Persian, not a term (one letter off)|امنیت اطلاعاب|information-security"
)
floor_term="информационная безопасность"
floor_id=$(sqlite3 "$db" "SELECT concept_id FROM term WHERE text = '$floor_term'")
probe=$floor_term                 # the term the peers are asked for
probe_def="ru: $floor_term;"      # what their definition holds

spec=$work/spec
: >"$spec"
declare -A name
add() { # add ID LABEL ARGV...: time this command
    local id=$1 label=$2
    shift 2
    name[$id]=$label
    (IFS=$'\t'; printf '%s\t%s\n' "$id" "$*") >>"$spec"
}
skip() { # skip LABEL WHY
    fig "$1: $2"
}
check() { # check LABEL WANT ARGV...: run once; 0 when the output holds WANT
    # (=TEXT: when the output is TEXT)
    local label=$1 want=$2 got rc=0
    shift 2
    got=$("$@" 2>&1) || rc=$?
    if [ $rc -le 1 ] && [ -n "$got" ]; then
        case $want in
        =*) [ "$got" = "${want#=}" ] && return 0 ;;
        *) grep -qF -- "$want" <<<"$got" && return 0 ;;
        esac
    fi
    skip "$label" "no answer (exit $rc, output: $(head -c 200 <<<"$got" | tr '\n' ' ')); not timed, no ratio"
    return 1
}

# the floor first: every ratio is to it
if check "floor" "=$floor_id" "$tools/bench-floor" "$db" "$floor_term"; then
    add floor "floor: open the index, one B-tree probe" "$tools/bench-floor" "$db" "$floor_term"
else
    echo "whole-bench: the floor program does not work; nothing to compare with" >&2
    exit 2
fi
if "$tools/bench-empty"; then
    add empty "empty C program (PIE, glossa's flags)" "$tools/bench-empty"
else
    skip "empty C program" "exits $?; not timed"
fi
libs_label="empty C program with glossa's shared libraries"
if ! command -v objdump >/dev/null || ! command -v cc >/dev/null; then
    skip "$libs_label" "skipped: objdump or cc not installed"
else
    needed=$(objdump -p "$glossa" | awk '/NEEDED/ && $2 !~ /^lib(a|ub)san/ {printf " -l:%s", $2}')
    # shellcheck disable=SC2086 # one word per library
    if cc -O2 -fPIE -pie "$src/tests/bench/empty.c" -o "$work/empty-libs" -Wl,--no-as-needed $needed \
        2>"$work/empty-libs.err" && "$work/empty-libs"; then
        add empty_libs "$libs_label" "$work/empty-libs"
    else
        skip "$libs_label" "cannot build it ($(head -c 200 "$work/empty-libs.err")); not timed"
    fi
fi
if ! command -v sqlite3 >/dev/null; then
    skip "sqlite3 DB 'select 1'" "skipped: sqlite3 not installed"
elif check "sqlite3 DB 'select 1'" =1 sqlite3 "$db" 'select 1'; then
    add sqlite3 "sqlite3 DB 'select 1'" "$(command -v sqlite3)" "$db" 'select 1'
fi
if ! command -v sdcv >/dev/null; then
    skip "sdcv -e" "skipped: sdcv not installed"
else
    sdcv_cmd=("$(command -v sdcv)" -n -x -2 "$work/peers/stardict" -u glossa-bench -e "$probe")
    check "sdcv -e" "$probe_def" "${sdcv_cmd[@]}" && add sdcv "sdcv -e" "${sdcv_cmd[@]}"
fi
missing=
for t in dictfmt dictd dict; do command -v $t >/dev/null || missing="$missing $t"; done
if [ -n "$missing" ]; then
    skip "dict → dictd" "skipped:$missing not installed"
else
    dictd_build "$work/dictd" "$work/peers/dictd.txt"
    if ! dictd_start "$work/dictd"; then
        skip "dict → dictd" "dictd did not start ($(head -c 200 "$work/dictd/dictd.log")); no ratio"
    else
        dict_cmd=("$(command -v dict)" -h 127.0.0.1 -p "$dictd_port" -d bench "$probe")
        check "dict → dictd" "$probe_def" "${dict_cmd[@]}" && add dict "dict → dictd" "${dict_cmd[@]}"
    fi
fi
check "glossa --version" "glossa " "$glossa" --version && add version "glossa --version" "$glossa" --version
for l in "${lookups[@]}"; do
    IFS='|' read -r id label query expect <<<"$l"
    json=$("$glossa" lookup --db "$db" --format json "$query" 2>&1 || true)
    first=$(python3 -c 'import json, sys; r = json.loads(sys.argv[1])["results"]; print(r[0]["id"] if r else "")' \
            "$json" 2>/dev/null || true)
    if [ "$first" != "$expect" ]; then
        skip "$label" "no answer: first concept '${first}', expected '$expect'; not timed, no ratio"
        continue
    fi
    check "$label" "$expect" "$glossa" lookup --db "$db" "$query" && add "$id" "$label" "$glossa" lookup --db "$db" "$query"
done

refs=(floor)
[ -n "${name[empty]:-}" ] && refs+=(empty)
[ -n "${name[empty_libs]:-}" ] && refs+=(empty_libs)
"$tools/whole-driver" "$rounds" "$spec" "${refs[@]}" >"$work/times"

table=$work/table.md
{
    printf '| whole process, bundled glossary (%s rounds, round-robin) | min | median | × floor |\n' "$rounds"
    printf '|---|---|---|---|\n'
} >"$table"
while IFS=$'\t' read -r id _; do
    line=$(grep "^time $id n=" "$work/times")
    lo=$(sed 's/.* min=\([0-9.]*\).*/\1/' <<<"$line")
    med=$(sed 's/.* median=\([0-9.]*\).*/\1/' <<<"$line")
    failed=$(sed 's/.* failed=\([0-9]*\).*/\1/' <<<"$line")
    if [ "$id" = floor ]; then
        rr=1 rm=1
    else
        r=$(grep "^ratio $id floor " "$work/times")
        rr=$(sed 's/.* rounds=\([0-9.]*\).*/\1/' <<<"$r")
        rm=$(sed 's/.* medians=\([0-9.]*\).*/\1/' <<<"$r")
    fi
    note=
    [ "$failed" = 0 ] || note=" ($failed of $rounds runs failed)"
    fig "${name[$id]}: min $lo ms, median $med ms, × floor $rr (ratio of medians $rm)$note"
    printf '| %s | %s ms | %s ms | %s |\n' "${name[$id]}" "$lo" "$med" "$rr" >>"$table"
done <"$spec"
if [ -n "${name[empty]:-}" ] && [ -n "${name[version]:-}" ]; then
    r=$(grep "^ratio version empty " "$work/times")
    fig "glossa --version × empty C program: $(sed 's/.* rounds=\([0-9.]*\).*/\1/' <<<"$r") (ratio of medians $(sed 's/.* medians=\([0-9.]*\).*/\1/' <<<"$r"))"
    printf '\n`glossa --version` × the empty C program: %s (median of per-round ratios).\n' \
        "$(sed 's/.* rounds=\([0-9.]*\).*/\1/' <<<"$r")" >>"$table"
fi
if [ -n "${name[empty_libs]:-}" ] && [ -n "${name[version]:-}" ]; then
    r=$(grep "^ratio version empty_libs " "$work/times")
    fig "glossa --version × empty C program with glossa's shared libraries: $(sed 's/.* rounds=\([0-9.]*\).*/\1/' <<<"$r") (ratio of medians $(sed 's/.* medians=\([0-9.]*\).*/\1/' <<<"$r"))"
    printf '`glossa --version` × the empty C program with glossa'"'"'s shared libraries: %s.\n' \
        "$(sed 's/.* rounds=\([0-9.]*\).*/\1/' <<<"$r")" >>"$table"
fi
printf '\n× floor: the median over rounds of (command / floor in the same round). Load when run: %s.\n' \
    "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$table"
say ""
cat "$table"
[ -z "$out_file" ] || cp "$table" "$out_file"
if [ -n "$readme" ]; then
    python3 - "$readme" "$table" <<'PY' || { echo "whole-bench: $readme not updated" >&2; exit 2; }
import os, sys
path, table = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().strip("\n")
text = open(path, encoding="utf-8").read()
begin, end = "<!-- bench-whole: begin -->\n", "\n<!-- bench-whole: end -->"
i, j = text.find(begin), text.find(end)
if i < 0 or j < i:
    sys.exit(f"{path}: no '{begin.strip()}' ... '{end.strip()}' block to replace")
tmp = f"{path}.tmp-{os.getpid()}"
with open(tmp, "w", encoding="utf-8") as f:
    f.write(text[: i + len(begin)] + table + text[j:])
os.replace(tmp, path)
PY
    say "the table is in $readme"
fi
say "done"
