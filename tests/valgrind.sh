#!/usr/bin/env bash
# valgrind.sh — runs a representative set of glossa commands under valgrind's
# memcheck (leaks: definite, indirect and possible; invalid reads/writes; use
# of uninitialised values) and reports each. A case fails when valgrind finds
# anything or the command's exit status is not the expected one.
#
# Usage: bash tests/valgrind.sh [--quick] [GLOSSA_BINARY]   (default build/glossa)
# The full set takes minutes (every case pays for ICU start-up
# under valgrind); --quick, which the CTest test valgrind/quick runs, takes
# the small fixtures and one case per command family, in well under a minute.
# Exit 0 when every case is clean, 1 otherwise, 77 when valgrind is missing.
# Suppressions: tests/valgrind.supp (each one explained there).
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
quick=0
if [ "${1:-}" = --quick ]; then quick=1; shift; fi
glossa=${1:-$src/build/glossa}
if ! command -v valgrind >/dev/null; then
    echo "SKIP: valgrind is not installed"
    exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/glossa-valgrind.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GLOSSA_DB="$work/glossa.db" NO_COLOR=1
cd "$src" || exit 2
passed=0 failed=0

# vg EXPECTED_STATUS ARGS...: glossa ARGS under memcheck.
vg() {
    local want=$1 rc log t0=$SECONDS
    shift
    log="$work/vg.log"
    valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
        --track-origins=yes --suppressions="$src/tests/valgrind.supp" --log-file="$log" \
        "$glossa" "$@" >"$work/out" 2>"$work/err"
    rc=$?
    if [ "$rc" -eq "$want" ] && [ ! -s "$log" ]; then
        passed=$((passed + 1))
        echo "ok    glossa $*  ($((SECONDS - t0)) s)"
    else
        failed=$((failed + 1))
        echo "FAIL  glossa $*  (exit $rc, expected $want)"
        sed 's/^/      /' "$log" | head -60
        head -c 600 "$work/err" | sed 's/^/      stderr: /'
    fi
}
has() { "$glossa" help 2>/dev/null | grep -qE "^  $1 "; }

if [ $quick -eq 1 ]; then
    vg 0 index --quiet tests/data/good/mini.xml
    vg 0 index --check
    vg 2 index --db "$work/bad.db" tests/data/hostile/invalid-utf8.xml
    vg 1 validate tests/data/bad/unclosed-tag.xml tests/data/hostile/nul-byte.xml
    vg 0 lookup "information weapons"
    vg 0 lookup --format json "infomation securty"
    vg 2 lookup --mode fts 'NEAR('
    sed 's/методы</методы и средства</' tests/data/good/mini.xml >"$work/mini2.xml"
    vg 1 diff tests/data/good/mini.xml "$work/mini2.xml"
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
fi
vg 0 index --quiet "$src/glossary"
vg 0 index --check
vg 2 index --db "$work/bad.db" tests/data/bad/unknown-lang.xml
vg 2 index --db "$work/bad.db" tests/data/hostile/billion-laughs.xml
vg 0 validate glossary/
vg 1 validate tests/data/bad/unclosed-tag.xml tests/data/hostile/invalid-utf8.xml
vg 0 validate tests/data/hostile/utf16le-bom.xml
vg 0 lookup "информационная безопасность"
vg 0 lookup --format json 資訊安全
vg 0 lookup "infomation securty"
vg 0 lookup "informatsionnaya bezopasnost" --to ru,zh
vg 0 lookup --mode fts 'NEAR(informat* weapon, 2)'
vg 2 lookup --mode fts 'NEAR('
vg 0 lookup --in definitions "психологической обработки"
vg 0 lookup "информационно-коммуникационные технологии (ИКТ)"
vg 1 lookup "no such term anywhere"
vg 2 lookup --db "$work/none.db" x
vg 1 diff tests/data/protocol/old.xml tests/data/protocol/new.xml
vg 1 diff --format json tests/data/protocol/old.xml tests/data/protocol/new.xml
vg 0 protocol tests/data/protocol/old.xml tests/data/protocol/new.xml --lang ru --table
vg 0 protocol tests/data/protocol/old.xml tests/data/protocol/new.xml --lang zh --format docx -o "$work/p.docx"
vg 0 eval tests/eval/glossa-queries.tsv
if has show; then vg 0 show information-security; fi
if has check; then vg 1 check glossary/proposals/; fi
if has status; then vg 0 status; fi
if has export; then vg 0 export --format tbx -o "$work/t.tbx" glossary/; fi
if has import && [ -s "$work/t.tbx" ]; then vg 0 import -o "$work/t.xml" "$work/t.tbx"; fi
if has scan && [ -f tests/data/scan/statement.txt ]; then vg 0 scan tests/data/scan/statement.txt; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
