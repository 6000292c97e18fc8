# 0915-output-files.t — every file glossa writes is written aside and renamed
# into place (src/lib/outfile.c): `index --db` keeps a file that is not a
# glossa index unless --force; a symbolic link is kept and its target
# replaced; a directory or a device is never replaced; `-o -` is standard
# output; on a full disk (a 64 kB tmpfs, as root) every command exits 2 and
# leaves the old file byte for byte, with no temporary file behind; the
# temporary files of killed runs (their lock free) are removed by the next
# write to the same target, and nothing else is.
index_bundled
P="$SRC/glossary/proposals"
POS="$SRC/glossary/positions/round-2026-1.txt"
printf 'Обеспечение информационной безопасности и противодействие информационному оружию.\n' >"$WORK/s.txt"
sha() { sha256sum "$1" | cut -d' ' -f1; }
# no_temps DIR WHAT: no *.tmp-* file in DIR
no_temps() {
    local left
    left=$(find "$1" -name '*.tmp-*')
    if [ -z "$left" ]; then ok; else fail "$2: left behind: $left"; fi
}

# --- index --db: only nothing, an empty file or a glossa index is replaced
echo "my notes, not an index" >"$WORK/notes.md"
run glossa index --quiet --db "$WORK/notes.md" "$SRC/glossary"
expect_rc 2 "index over notes.md:"
expect_err "glossa: $WORK/notes.md: error: not a glossa index: it is kept (--force replaces it)" "index over notes.md:"
expect_err "glossa: '$WORK/notes.md' was not changed" "index over notes.md:"
expect_true "notes.md is kept" test "$(cat "$WORK/notes.md")" = "my notes, not an index"
no_temps "$WORK" "index over notes.md"
expect_true "no lock left" test ! -e "$WORK/notes.md.lock"
if command -v sqlite3 >/dev/null; then
    sqlite3 "$WORK/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
    # a hostile file: 'meta' is a view, and reading it must not count (nor run it)
    sqlite3 "$WORK/view.db" "CREATE VIEW meta AS SELECT 'schema_version' AS key, '1' AS value;"
    for f in other.db view.db; do
        before=$(sha "$WORK/$f")
        run glossa index --quiet --db "$WORK/$f" "$SRC/glossary"
        expect_rc 2 "index over another program's SQLite file $f:"
        expect_err "$WORK/$f: error: not a glossa index: it is kept (--force replaces it)" "index over $f:"
        expect_true "$f is kept" test "$(sha "$WORK/$f")" = "$before"
    done
    # an index of an earlier glossa (no application id in the header): its meta table says so
    cp "$GLOSSA_DB" "$WORK/old.db"
    sqlite3 "$WORK/old.db" "PRAGMA application_id = 0;"
    run glossa index --quiet --db "$WORK/old.db" "$SRC/glossary"
    expect_rc 0 "index over an index of an earlier version:"
else
    echo "SKIP (part): sqlite3 is not installed"
fi
: >"$WORK/empty.db"
run glossa index --quiet --db "$WORK/empty.db" "$SRC/glossary"
expect_rc 0 "index over an empty file:"
run glossa index --quiet --force --db "$WORK/notes.md" "$SRC/glossary"
expect_rc 0 "index --force over notes.md:"
run glossa lookup --db "$WORK/notes.md" --format json "информационное оружие"
expect_json '.results[0].id' information-weapon "notes.md replaced by --force:"
mkdir "$WORK/dir.db"
run glossa index --quiet --force --db "$WORK/dir.db" "$SRC/glossary"
expect_rc 2 "index --force over a directory:"
expect_err "glossa: $WORK/dir.db: error: cannot write: this is a directory" "index over a directory:"
run glossa index --help
expect_out "--force" "index --help:"

# --- a symbolic link is kept; the file it points to is replaced
mkdir "$WORK/real"
cp "$GLOSSA_DB" "$WORK/real/g.db"
ln -s real/g.db "$WORK/link.db"
run glossa index --quiet --db "$WORK/link.db" "$SRC/tests/data/good/mini.xml"
expect_rc 0 "index --db link:"
expect_true "index --db link: the link is kept" test -L "$WORK/link.db"
run glossa lookup --db "$WORK/real/g.db" --format json "信息战"
expect_json '[.results[].id] | index("information-war") == null' true \
    "index --db link: the real database is the new one (mini.xml, no information-war):"
expect_true "index --db link: lock and temporary files went beside the real file, and are gone" \
    test -z "$(ls -A "$WORK/real" | grep -v '^g\.db$')"
run glossa consolidate --round 2026-1 --positions "$POS" -o "$WORK/next" "$P"
expect_rc 0 "consolidate:"
cp "$POS" "$WORK/real/pos.txt"
# each writer: NAME, then the command with @ where the output path goes
writers=(
    "export|glossa export -q -o @"
    "scan|glossa scan --format html -o @ $WORK/s.txt"
    "candidates|glossa candidates --min-freq 1 --proposal @ $WORK/s.txt"
    "import|glossa import -q $WORK/g.tbx -o @"
    "protocol|glossa protocol -o @ $SRC/glossary/annex1.xml $WORK/next/annex1.xml"
    "propose|glossa propose --state KZ -o @"
    "position|glossa position -p @ uz-cyber-hygiene CN pending $P"
)
glossa export -q "$SRC/glossary" -o "$WORK/g.tbx" || fail "export for import"
# run_writer SPEC PATH: run the writer of SPEC with its output at PATH
run_writer() {
    local cmd=${1#*|}
    read -r -a words <<<"${cmd//@/$2}"
    run "${words[@]}"
}
for w in "${writers[@]}"; do
    name=${w%%|*}
    [ "$name" = position ] && target="$WORK/real/pos.txt" || target="$WORK/real/$name.out"
    [ "$name" = position ] || echo old >"$target"
    ln -sfn "$target" "$WORK/$name.link"
    run_writer "$w" "$WORK/$name.link"
    case $name in scan|candidates) want="0|1" ;; *) want=0 ;; esac
    if [[ "|$want|" == *"|$RC|"* ]]; then ok; else fail "$name -o link: exit $RC"; fi
    expect_true "$name -o link: the link is kept" test -L "$WORK/$name.link"
    expect_true "$name -o link: its target was written" test "$(head -c 3 "$target")" != old
done
no_temps "$WORK" "writing through links"

# writers_fail PATH MESSAGE WHAT: every writer, its output at PATH (% the
# writer's name), exits 2 with "PATH: error: MESSAGE"
writers_fail() {
    local w name path
    for w in "${writers[@]}"; do
        name=${w%%|*}
        path=${1//%/$name}
        run_writer "$w" "$path"
        expect_rc 2 "$name $3:"
        expect_err "glossa: $path: error: $2" "$name $3:"
    done
}

# --- a directory is never replaced; a pipe or a character device is written
# to as it is (-o /dev/null, a shell's >(…)), never replaced by a file
writers_fail "$WORK/real" "cannot write: this is a directory" "-o a directory"
# (never /dev/null itself: a glossa that replaced devices would break the machine)
mkfifo "$WORK/fifo"
expected_tbx=$("$GLOSSA" export -o - | sha256sum)
for w in export import; do
    cat "$WORK/fifo" >"$WORK/from-fifo" &
    reader=$!
    case $w in
        export) run glossa export -o "$WORK/fifo" ;;
        import) run glossa import -q -o "$WORK/fifo" "$WORK/g.tbx" ;;
    esac
    wait "$reader"
    expect_rc 0 "$w -o FIFO:"
    expect_true "$w -o FIFO: the FIFO is still a FIFO" test -p "$WORK/fifo"
    case $w in
        export) expect_true "export -o FIFO: the reader got the whole TBX" \
            test "$(sha256sum <"$WORK/from-fifo")" = "$expected_tbx" ;;
        import) expect_true "import -o FIFO: the reader got the TEI" \
            grep -q '<TEI xmlns="http://www.tei-c.org/ns/1.0"' "$WORK/from-fifo" ;;
    esac
done
if [ "$(id -u)" -eq 0 ] && mknod -m 666 "$WORK/null" c 1 3; then
    for w in "${writers[@]}"; do
        name=${w%%|*}
        [ "$name" = position ] && continue # a positions file is read back: never a device
        run_writer "$w" "$WORK/null"
        expect_rc 0 "$name -o a character device:"
        expect_true "$name -o a character device: it is still one" test -c "$WORK/null"
    done
    ls "$WORK" | grep -q '^null\.tmp-' && fail "a temporary file was made beside the device"
else
    echo "skip: -o a character device (mknod needs root)"
fi

# --- -o - is standard output (never a file named '-')
mkdir "$WORK/dash" && cd "$WORK/dash" || exit 1
for w in "${writers[@]}"; do
    name=${w%%|*}
    [ "$name" = position ] && continue # a positions file is never standard output
    run_writer "$w" -
    case $name in
        scan) expect_out '<!DOCTYPE html>' "scan -o -:" ;;
        protocol) expect_out 'ПРОТОКОЛ' "protocol -o -:" ;;
        export) expect_out '<tbx ' "export -o -:" ;;
        *) expect_out '<TEI xmlns="http://www.tei-c.org/ns/1.0"' "$name -o -:" ;;
    esac
    expect_true "$name -o - wrote no file named '-'" test ! -e "$WORK/dash/-"
done
run glossa candidates --min-freq 1 --proposal - "$WORK/s.txt"
expect_no_out "rank   score" "candidates --proposal - prints the proposal, not the list:"
cd "$WORK" || exit 1
# a full standard output is an error
"$GLOSSA" export -o - >/dev/full 2>"$WORK/full.err"
RC=$? ERR=$(cat "$WORK/full.err") OUT=
expect_rc 2 "export -o - >/dev/full:"
expect_err "glossa: error: cannot write output: No space left on device" "export -o - >/dev/full:"
"$GLOSSA" scan --format html "$WORK/s.txt" >/dev/full 2>"$WORK/full.err"
RC=$? ERR=$(cat "$WORK/full.err") OUT=
expect_rc 2 "scan --format html >/dev/full:"
expect_err "glossa: error: cannot write output: No space left on device" "scan >/dev/full:"

# --- leftovers of killed writes: removed by the next write to the same target, nothing else
sh -c 'exit 0' & dead=$!
wait "$dead"
mkdir "$WORK/stale" && cd "$WORK/stale" || exit 1
for f in "out.tbx.tmp-$dead" out.tbx.tmp-1 out.tbx.tmp-1.bak out.tbx.tmp-x other.tbx.tmp-7 out.tbx.tmp-; do
    echo leftover >"$f"
done
ln -s "$WORK/notes.md" "out.tbx.tmp-$((dead + 1))"
exec 9>out.tbx.tmp-99999
flock -n 9 || fail "the test cannot lock out.tbx.tmp-99999"
run glossa export -q -o out.tbx
expect_rc 0 "export with leftovers beside:"
expect_true "a dead writer's temporary file is removed" test ! -e "out.tbx.tmp-$dead"
expect_true "one naming a live pid that holds no lock (pid 1) is removed" test ! -e out.tbx.tmp-1
expect_true "one held by a live writer is kept" test -e out.tbx.tmp-99999
for f in out.tbx.tmp-1.bak out.tbx.tmp-x other.tbx.tmp-7 out.tbx.tmp- "out.tbx.tmp-$((dead + 1))"; do
    expect_true "$f is not glossa's temporary file of out.tbx: kept" test -e "$f" -o -L "$f"
done
exec 9>&-
cd "$WORK" || exit 1

# a killed import -o leaves its temporary file (held while it is checked); the next one removes it
awk -v n=30 '
/<body>/ { print; inbody = 1; next }
/<\/body>/ { for (k = 1; k <= n; k++) for (i = 1; i <= m; i++) { l = body[i]
    gsub(/conceptEntry id="/, "conceptEntry id=\"c" k "-", l)
    gsub(/"crossReference" target="/, "\"crossReference\" target=\"c" k "-", l); print l }
    inbody = 0; print; next }
inbody { body[++m] = $0; next }
{ print }' "$WORK/g.tbx" >"$WORK/big.tbx"
mkdir "$WORK/killed"
echo old >"$WORK/killed/big.xml"
"$GLOSSA" import -q "$WORK/big.tbx" -o "$WORK/killed/big.xml" & pid=$!
for _ in $(seq 400); do [ -e "$WORK/killed/big.xml.tmp-$pid" ] && break; sleep 0.01; done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if [ -e "$WORK/killed/big.xml.tmp-$pid" ]; then
    ok
    expect_true "the killed import left the old file" test "$(cat "$WORK/killed/big.xml")" = old
    run glossa import -q "$WORK/g.tbx" -o "$WORK/killed/big.xml"
    expect_rc 0 "import after a killed one:"
    expect_true "the killed import's temporary file is removed" test ! -e "$WORK/killed/big.xml.tmp-$pid"
    expect_true "nothing else is left" test "$(ls -A "$WORK/killed")" = big.xml
else
    echo "SKIP (part): the import finished before it could be killed"
fi

# --- a full disk: every writer exits 2, the old file stays, no temporary file is left
mnt="$WORK/full"
mkdir -p "$mnt"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k tmpfs "$mnt" 2>/dev/null; then
    trap 'umount "$mnt" 2>/dev/null; rm -rf "$WORK"' EXIT
    for w in "${writers[@]}"; do
        name=${w%%|*}
        [ "$name" = position ] && cp "$POS" "$mnt/$name.old" || echo "old $name" >"$mnt/$name.old"
    done
    mkdir "$mnt/next"
    echo "old annex" >"$mnt/next/annex1.xml"
    (cd "$mnt" && sha256sum -- *.old next/annex1.xml) >"$WORK/full.sums"
    dd if=/dev/zero of="$mnt/filler" bs=4k status=none 2>/dev/null
    writers_fail "$mnt/%.old" "cannot write: No space left on device" "on a full disk"
    run glossa consolidate --round 2026-1 --positions "$POS" -o "$mnt/next" "$P"
    expect_rc 2 "consolidate on a full disk:"
    expect_err "glossa: $mnt/next/annex1.xml: error: cannot write: No space left on device" "consolidate on a full disk:"
    if (cd "$mnt" && sha256sum --quiet -c "$WORK/full.sums"); then ok; else fail "full disk: an old file changed"; fi
    no_temps "$mnt" "full disk"
    umount "$mnt"
else
    echo "SKIP (part): a full disk needs root and a tmpfs mount"
fi

finish
