#!/usr/bin/env bash
# compare-outputs.sh — the proof that a change of shape changes no behaviour:
# runs one set of ~140 glossa commands (index, validate of every bad fixture,
# lookup text/JSON/FTS in ten scripts, show, diff, protocol in three
# languages, check, status, consolidate, propose, export in every format,
# import, help of every command) with two binaries on the same inputs and
# compares stdout, stderr and exit status byte for byte. Timings ("0.14 s")
# are the only thing normalised.
#
# usage: tests/compare-outputs.sh OLD_GLOSSA NEW_GLOSSA [KEEP_DIR]
#   e.g. git stash; cmake --build build; cp build/glossa /tmp/glossa-old;
#        git stash pop; cmake --build build;
#        bash tests/compare-outputs.sh /tmp/glossa-old build/glossa
# Exit 0 when every output is identical, 1 (with the differences) when not.
set -u
old=$(realpath "${1:?usage: compare-outputs.sh OLD_GLOSSA NEW_GLOSSA [KEEP_DIR]}")
new=$(realpath "${2:?usage: compare-outputs.sh OLD_GLOSSA NEW_GLOSSA [KEEP_DIR]}")
src=$(realpath "$(dirname "$0")/..")
keep=${3:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/glossa-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

# outputs G DIR: every command's output with glossa binary G into DIR/NNN.{cmd,out,err,rc}
outputs() {
    local G=$1 O=$2 n=0 q f l b t cmd fmt
    mkdir -p "$O" "$O.run"
    (
    cd "$O.run" || exit 1
    cp -r "$src/glossary" g
    cp -r "$src/tests/data" d
    c() {
        n=$((n + 1))
        local f
        f=$(printf '%s/%03d' "$O" "$n")
        printf '%s\n' "$*" > "$f.cmd"
        "$G" "$@" > "$f.out" 2> "$f.err"
        echo $? > "$f.rc"
        sed -i -E 's/[0-9]+\.[0-9]+ s\)/X s)/; s/in [0-9.]+ ?m?s/in X s/g' "$f.out" "$f.err"
    }
    c index --db t.db g/annex1.xml g/statements.xml
    c validate g/annex1.xml g/statements.xml
    c validate d/bad
    for b in d/bad/*.xml; do c validate "$b"; c diff g/annex1.xml "$b"; c export --format csv "$b"; done
    for q in "информационная безопасность" "информационной безопасности" "信息安全" "資訊安全" \
             "information security" "xinxi anquan" "amnijati ittilootī" "axborot xavfsizligi" \
             "امنیت اطلاعات" "informatsionnaya bezopasnost" "инфармацыйная бяспека" "кибер" \
             "critical infrastructure" "информационая безопастность" "ИБ" "terrorism"; do
        c lookup --db t.db "$q"; c lookup --db t.db --format json "$q"; c lookup --db t.db --mode fts "$q"
    done
    c show --db t.db information-security; c show --db t.db --format json information-security
    c diff g/annex1.xml g/annex1.xml
    c diff d/protocol/old.xml d/protocol/new.xml
    for f in d/protocol/*.xml; do c diff --format json g/annex1.xml "$f"; done
    for l in ru zh en; do c protocol --lang $l d/protocol/old.xml d/protocol/new.xml; done
    c check g/proposals; c check --format json g/proposals
    c status --positions g/positions/round-2026-1.txt g/proposals
    c status --format json --positions g/positions/round-2026-1.txt g/proposals
    c consolidate --round 2026-1 --positions g/positions/round-2026-1.txt -o next g/proposals
    c validate next; c diff --format json g/annex1.xml next/annex1.xml
    for l in ru zh en; do c protocol --lang $l g/annex1.xml next/annex1.xml; done
    c propose --state KZ --lang kk,en --id cyber-drill --round 2026-2 --date 2026-12-01 -o -
    c propose --state KZ --amend information-security --round 2026-2 --date 2026-12-01 -o -
    for fmt in tbx csv tsv json; do c export --format $fmt -o - g/annex1.xml g/statements.xml; done
    c export --format tbx --from ru --to zh -o - g/annex1.xml
    for cmd in index lookup show validate diff protocol propose check position status \
               consolidate export import scan candidates serve eval help; do c help $cmd; done
    c --help
    for t in d/tbx/*.tbx; do c import -o - "$t"; done
    )
    rm -rf "$O.run"
}

outputs "$old" "$work/old"
outputs "$new" "$work/new"
[ -n "$keep" ] && { rm -rf "$keep"; mkdir -p "$keep"; cp -r "$work/old" "$work/new" "$keep/"; }
count=$(find "$work/old" -name '*.cmd' | wc -l)
if diff -r "$work/old" "$work/new" > "$work/diff"; then
    echo "compare-outputs: $count commands, every stdout, stderr and exit status identical"
    exit 0
fi
echo "compare-outputs: $count commands; these differ:"
grep '^diff ' "$work/diff" | sed 's/^diff -r //' | while read -r a _; do
    printf '  %s\n' "$(cat "${a%.*}.cmd")"
done
head -200 "$work/diff"
exit 1
