#!/usr/bin/env bash
# run.sh — runs one end-to-end CLI test (a tests/cli/*.t file) with the
# helpers below. A .t file is bash: it runs glossa with `run`, states what it
# expects with `expect_*`, and ends with `finish`. Exit 77 means skipped.
#
# Environment: GLOSSA (the binary), SRC (source tree), SHARED (../shared).
set -u
GLOSSA=${GLOSSA:?GLOSSA must name the glossa binary}
SRC=${SRC:?SRC must name the source tree}
SHARED=${SHARED:-$SRC/../shared}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/glossa-test.XXXXXX")
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
export GLOSSA_DB="$WORK/glossa.db"
# where the default database goes without $GLOSSA_DB: never the real home's
export XDG_DATA_HOME="$WORK/data"
export NO_COLOR=1
checks=0
failures=0
OUT= ERR= RC=0

# run CMD ARGS...: stdout in $OUT, stderr in $ERR, exit status in $RC.
run() {
    OUT=$("$@" 2>"$WORK/.stderr"); RC=$?
    ERR=$(cat "$WORK/.stderr")
}
glossa() { "$GLOSSA" "$@"; }

fail() {
    failures=$((failures + 1))
    echo "FAIL: $*"
    echo "  exit status: $RC"
    echo "  stdout: $(printf '%s' "$OUT" | head -c 2000)"
    echo "  stderr: $(printf '%s' "$ERR" | head -c 2000)"
}
ok() { checks=$((checks + 1)); }

expect_rc() { if [ "$RC" -eq "$1" ]; then ok; else fail "${2:-} expected exit $1"; fi; }
# expect_out TEXT [WHAT]: stdout holds TEXT as one piece (every line of a
# multi-line TEXT, in order and adjacent); an empty TEXT is a mistake in the
# test, never a pass. expect_no_out, expect_err: the same for "not in stdout"
# and for stderr.
contains() { # contains HAYSTACK NEEDLE: 0 when NEEDLE is in HAYSTACK; 2 for an empty NEEDLE
    [ -n "$2" ] || return 2
    [[ "$1" == *"$2"* ]]
}
expect_out() {
    contains "$OUT" "$1"
    case $? in 0) ok ;; 2) fail "${2:-} expect_out with an empty expectation" ;;
        *) fail "${2:-} stdout should contain '$1'" ;; esac
}
expect_no_out() {
    contains "$OUT" "$1"
    case $? in 1) ok ;; 2) fail "${2:-} expect_no_out with an empty expectation" ;;
        *) fail "${2:-} stdout should not contain '$1'" ;; esac
}
expect_err() {
    contains "$ERR" "$1"
    case $? in 0) ok ;; 2) fail "${2:-} expect_err with an empty expectation" ;;
        *) fail "${2:-} stderr should contain '$1'" ;; esac
}
# expect_json FILTER EXPECTED: jq -r FILTER on stdout must print EXPECTED.
expect_json() {
    local got
    got=$(jq -r "$1" <<<"$OUT" 2>&1)
    if [ "$got" = "$2" ]; then ok; else fail "${3:-} jq '$1' gave '$got', expected '$2'"; fi
}
# expect_json_lines N: stdout is N lines, each one valid JSON value (JSON Lines).
expect_json_lines() {
    local n=0 line
    if [ "$(wc -l <<<"$OUT")" -eq "$1" ]; then ok; else fail "expected $1 lines of JSON"; fi
    while IFS= read -r line; do
        n=$((n + 1))
        if jq -e . >/dev/null 2>&1 <<<"$line"; then ok; else fail "line $n is not one JSON object: $line"; fi
    done <<<"$OUT"
}
# expect_true DESCRIPTION CMD...: the command must succeed.
expect_true() { local d=$1; shift; if "$@"; then ok; else fail "$d"; fi; }

need_shared() {
    if [ ! -d "$SHARED/reference" ]; then
        echo "SKIP: $SHARED is absent (the reference material is not beside the checkout)"
        exit 77
    fi
}

# The clients of the server tests (tests/cli/serve_clients.py), bounded to
# 60 s; need_python3 skips a test that uses them where python3 is missing.
need_python3() {
    command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 is not installed"; exit 77; }
}
serve_clients() { timeout 60 python3 "$SRC/tests/cli/serve_clients.py" "$@"; }
# serve_clients_attack ARGS...: tests/cli/serve_attack.py (an attack and a
# normal client at once), bounded to 60 s.
serve_clients_attack() { timeout 60 python3 "$SRC/tests/cli/serve_attack.py" "$@"; }
# attack_survived PROTO KIND: 120 connections of KIND from 127.0.0.1 for 3 s
# against the server on $PORT; the client on 127.0.0.2 has at least 90% of
# its questions answered within 1 s meanwhile, and all of them right after,
# from the attacking address too (0936, 0946).
attack_survived() {
    run serve_clients_attack "$1" "$PORT" "$2" 120 3
    expect_true "$2: $(tr '\n' ' ' <<<"$ERR")" \
        grep -qE '^during: (all|at least 90%) answered$' <<<"$OUT"
    expect_out "after: all answered" "$2, at once after the attack:"
    expect_out "after, from the attacking address: all answered" "$2, the attacker's slots given back:"
}

# Akoma Ntoso documents (0730, 0732). akn_valid FILE: FILE validates against
# the OASIS schema of ../shared (a note, and no failure, when it is absent);
# xpath XPATH FILE: xmllint's answer; akn_resolves FILE: every "#X" of an
# href, period or start attribute names an eId of FILE.
akn_valid() {
    local xsd="$SHARED/corpora/akn/akomantoso30.xsd"
    if [ ! -f "$xsd" ]; then echo "note: $xsd is absent: $1 not validated"; return 0; fi
    xmllint --noout --schema "$xsd" "$1" 2>"$WORK/xsd.err" || { cat "$WORK/xsd.err"; return 1; }
}
xpath() { xmllint --xpath "$1" "$2" 2>/dev/null; }
akn_resolves() {
    local ref missing=0
    for ref in $(grep -oE '(href|period|start)="#[^"]*"' "$1" | sed 's/^[a-z]*="#//; s/"$//' | sort -u); do
        grep -q "eId=\"$ref\"" "$1" || { echo "unresolved #$ref in $1"; missing=1; }
    done
    return $missing
}

# Index the bundled glossary into $GLOSSA_DB once.
index_bundled() {
    "$GLOSSA" index --quiet "$SRC/glossary" || { echo "FAIL: cannot index the bundled glossary"; exit 1; }
}

# The worked example of proposals: P (glossary/proposals), POS (the positions
# of round 2026-1), and GLOSSA_GLOSSARY a copy of the bundled glossary in
# $WORK, where the defaults of check, position, status and consolidate are
# read and written (never the source tree).
proposals_example() {
    P="$SRC/glossary/proposals"
    POS="$SRC/glossary/positions/round-2026-1.txt"
    cp -r "$SRC/glossary" "$WORK/glossary"
    export GLOSSA_GLOSSARY="$WORK/glossary"
}

# start_server ARGS...: `glossa serve ARGS --listen 127.0.0.1:0` in the
# background, its stderr in $WORK/serve.err; sets SERVER (the pid, killed
# when the test ends) and PORT (from its "listening on" line, within 10 s).
start_server() {
    # the previous server's log goes first: its "listening on" line, read
    # before this server's shell truncates the file, gave a stale port
    rm -f "$WORK/serve.err"
    "$GLOSSA" serve "$@" --listen 127.0.0.1:0 2>"$WORK/serve.err" &
    SERVER=$!
    PORT=
    for _ in $(seq 100); do
        PORT=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\) .*/\1/p' "$WORK/serve.err")
        [ -n "$PORT" ] && return 0
        kill -0 "$SERVER" 2>/dev/null || break
        sleep 0.1
    done
    echo "FAIL: the server did not start: $(cat "$WORK/serve.err")"
    exit 1
}
# wait_server: the server's end (something sent it SIGTERM), its exit status
# in $RC. Bounded: one still running 120 s later is killed and the test
# fails (never a hung suite).
wait_server() {
    local i
    for i in $(seq 1200); do
        kill -0 "$SERVER" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$SERVER" 2>/dev/null; then
        kill -KILL "$SERVER"
        fail "the server did not stop within 120 s of SIGTERM: $(tail -3 "$WORK/serve.err")"
    fi
    wait "$SERVER"
    RC=$?
    SERVER=
}
# stop_server: SIGTERM, then wait_server.
stop_server() {
    kill -TERM "$SERVER"
    wait_server
}

# options_record ARGS...: glossa ARGS (stdin /dev/null) as the records of
# tests/data/golden/options/*.txt have it: "exit N", "--- stdout", its
# stdout, "--- stderr", its stderr; $WORK and $SRC read WORK and SRC.
options_record() {
    local out err rc
    out=$("$GLOSSA" "$@" 2>"$WORK/.stderr" </dev/null); rc=$?
    err=$(cat "$WORK/.stderr")
    printf 'exit %s\n--- stdout\n%s\n--- stderr\n%s\n' "$rc" "$out" "$err" |
        sed -e "s|$WORK|WORK|g" -e "s|$SRC|SRC|g"
}

# golden_table FILE [RUN]: the cases of a golden table in jq's style
# (man.test): after FILE's opening comment lines, each case is a line
# "$ COMMAND" followed by what it must give: its stdout, "--- stderr" and its
# stderr, "--- exit N", a blank line. The commands run one after the other in
# $WORK with COLUMNS=80 and stdin /dev/null, each in a subshell, through
# RUN COMMAND (default golden_run: COMMAND is bash, "glossa ARGS"); RUN may
# call golden_skip REASON to skip a case (its record is kept as it was).
# An empty stream is written "--- stdout: none" or "--- stderr: none", so no
# expectation is empty; one without a final newline is followed by "--- no
# newline at end". $WORK and $SRC in the output read WORK and SRC. Each case
# is one check; a table without cases fails. GOLDEN_UPDATE=1 rewrites FILE
# from what the commands print now (then review the diff); to add a case,
# add its "$ " line and rewrite.
# golden_file FILE CMD...: CMD exits 0 and its stdout equals FILE (a document
# such as a protocol or a note); GLOSSA_UPDATE_GOLDEN=1 rewrites FILE instead.
golden_file() {
    local file=$1; shift
    run "$@"
    if [ "$RC" -ne 0 ]; then fail "$*: exit $RC: $ERR"; return; fi
    if [ "${GLOSSA_UPDATE_GOLDEN:-}" = 1 ]; then
        mkdir -p "$(dirname "$file")"; printf '%s\n' "$OUT" > "$file"; ok; return
    fi
    if diff -u "$file" <(printf '%s\n' "$OUT") > golden.diff; then ok
    else fail "$* differs from $file: $(head -40 golden.diff)"; fi
}
golden_stream() { # golden_stream NAME FILE: one stream of a case's record
    if [ ! -s "$2" ]; then printf -- '--- %s: none\n' "$1"; return; fi
    [ "$1" = stdout ] || printf -- '--- %s\n' "$1"
    sed -e "s|$WORK|WORK|g" -e "s|$SRC|SRC|g" "$2"
    if [ -n "$(tail -c 1 "$2")" ]; then printf '\n--- no newline at end\n'; fi
}
golden_run() { eval "$1"; }
golden_skip() { printf '%s' "$1" >"$WORK/.golden/.skip"; }
golden_table() {
    local file=$1 run=${2:-golden_run} dir="$WORK/.golden" i n
    if [ ! -s "$file" ]; then fail "golden table $file is missing or empty"; return; fi
    rm -rf "$dir" && mkdir "$dir"
    awk -v d="$dir" '/^\$ /{n++} {print > (d "/" n+0 ".want")}' "$file"
    n=$(find "$dir" -name '*.want' ! -name 0.want | wc -l)
    if [ "$n" -eq 0 ]; then fail "golden table $file has no cases"; return; fi
    for i in $(seq "$n"); do
        local line
        line=$(head -n 1 "$dir/$i.want")
        rm -f "$dir/.skip"
        { printf '%s\n' "$line"
          ( export COLUMNS=80; "$run" "${line#\$ }" ) </dev/null >"$dir/.out" 2>"$dir/.err"
          RC=$?
          golden_stream stdout "$dir/.out"
          golden_stream stderr "$dir/.err"
          printf -- '--- exit %s\n\n' "$RC"; } >"$dir/$i.got"
        if [ -f "$dir/.skip" ]; then
            echo "skip ($(cat "$dir/.skip")): ${line#\$ }"
            cp "$dir/$i.want" "$dir/$i.got"
        elif [ "${GOLDEN_UPDATE:-}" = 1 ] || cmp -s "$dir/$i.want" "$dir/$i.got"; then ok; else
            OUT=$(cat "$dir/.out") ERR=$(cat "$dir/.err")
            fail "${line#\$ } differs from $file:
$(diff -u "$dir/$i.want" "$dir/$i.got" | tail -n +3 | head -40)"
        fi
    done
    if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
        cat "$dir/0.want" 2>/dev/null >"$file"
        for i in $(seq "$n"); do cat "$dir/$i.got" >>"$file"; done
        echo "rewrote $file"
    fi
}

finish() {
    echo "$((checks)) passed, $failures failed"
    [ "$failures" -eq 0 ]
    exit $?
}

cd "$WORK" || exit 1
# shellcheck source=/dev/null
source "$1"
echo "FAIL: $1 did not call finish"
exit 1
