# 0920-db-faults.t — a missing or damaged database, a directory glossa may not
# write, a full disk: each gives a clear error and exit 2, and nothing that
# was there is lost. `glossa index --check` tells a sound database from a
# damaged one; lookups on a damaged one answer rightly or exit 2, never crash;
# `glossa index` replaces a damaged database. Disk full needs root (a small
# tmpfs) and the read-only directory a user who cannot write it (root runs
# that part as nobody); without them those parts say they are skipped.
index_bundled
good=$(sha256sum "$GLOSSA_DB" | cut -d' ' -f1)
probe() { "$GLOSSA" lookup --db "$1" --format json "информационная безопасность"; }
reference=$(probe "$GLOSSA_DB")

# --- missing
run glossa index --check --db "$WORK/none.db"
expect_rc 2 "check a missing database:"
expect_err "no index here: run 'glossa index' first" "check a missing database:"
expect_true "check must not create the database" test ! -e "$WORK/none.db"
run glossa index --check
expect_rc 0 "check the bundled index:"
expect_out "$GLOSSA_DB: ok (" "check the bundled index:"
expect_out " concepts, " "check the bundled index:"

# --- damaged: junk over pages, truncation, a broken header
page_count=$(($(stat -c %s "$GLOSSA_DB") / 4096))
expect_true "the index has pages to damage ($page_count)" test "$page_count" -gt 20
junk="$WORK/junk"
for ((k = 0; k < 4096; k++)); do printf '\x5a'; done >"$junk"
damaged=0
for page in 1 2 5 $((page_count / 4)) $((page_count / 2)) $((page_count * 3 / 4)) $((page_count - 1)); do
    cp "$GLOSSA_DB" "$WORK/bad.db"
    dd if="$junk" of="$WORK/bad.db" bs=4096 seek="$page" conv=notrunc status=none
    run glossa index --check --db "$WORK/bad.db"
    if [ "$RC" -eq 2 ]; then
        damaged=$((damaged + 1))
        expect_err "rebuild it with 'glossa index'" "check with page $page damaged:"
        expect_err "$WORK/bad.db: error: " "check with page $page damaged:"
    else
        fail "check with page $page damaged: exit $RC, expected 2"
    fi
    for q in "информационная безопасность" "information weapon" "xinxi anquan" "infomation securty"; do
        run glossa lookup --db "$WORK/bad.db" --format json "$q"
        case $RC in
            0|1) ok ;;
            2) expect_err "rebuild it with 'glossa index'" "lookup '$q' with page $page damaged:" ;;
            *) fail "lookup '$q' with page $page damaged: exit $RC (a crash?)" ;;
        esac
    done
done
cp "$GLOSSA_DB" "$WORK/bad.db"
truncate -s $((page_count * 4096 / 2)) "$WORK/bad.db"
run glossa index --check --db "$WORK/bad.db"
expect_rc 2 "check a truncated database:"
expect_err "rebuild it with 'glossa index'" "check a truncated database:"
run glossa lookup --db "$WORK/bad.db" "information weapon"
expect_rc 2 "lookup in a truncated database:"
expect_err "$WORK/bad.db: error: damaged index: cannot read its schema: database disk image is malformed (rebuild it with 'glossa index')" \
    "lookup in a truncated database:"
cp "$GLOSSA_DB" "$WORK/bad.db"
printf 'This is not SQL!' | dd of="$WORK/bad.db" conv=notrunc status=none
run glossa lookup --db "$WORK/bad.db" "information weapon"
expect_rc 2 "lookup with a broken header:"
expect_err "$WORK/bad.db: error: is not a glossa index: not an SQLite database (a damaged index? rebuild it with 'glossa index')" "lookup with a broken header:"
run glossa index --check --db "$WORK/bad.db"
expect_rc 2 "check with a broken header:"

# index replaces a damaged database
run glossa index --quiet --db "$WORK/bad.db" "$SRC/glossary"
expect_rc 0 "index over a damaged database:"
run glossa index --check --db "$WORK/bad.db"
expect_rc 0 "check after reindexing:"
if [ "$(probe "$WORK/bad.db")" = "$reference" ]; then ok; else fail "reindexed database answers differently"; fi

# --- a directory glossa may not write: exit 2, nothing changed, lookups still work
rodir=$(mktemp -d /tmp/glossa-ro.XXXXXX)
chmod 755 "$rodir"
cp "$GLOSSA_DB" "$rodir/g.db"
chmod 644 "$rodir/g.db"
as_other=()
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1 &&
        setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$GLOSSA" --version >/dev/null 2>&1; then
        as_other=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
    fi
else
    chmod 555 "$rodir"
    as_other=(env)
fi
if [ ${#as_other[@]} -gt 0 ] && [ -r "$SRC/glossary/annex1.xml" ]; then
    run "${as_other[@]}" "$GLOSSA" index --db "$rodir/g.db" "$SRC/glossary"
    expect_rc 2 "index into a read-only directory:"
    expect_err "$rodir/g.db.lock: error: cannot create lock file: Permission denied" \
        "index into a read-only directory:"
    expect_err "glossa: '$rodir/g.db' was not changed" "index into a read-only directory:"
    if [ "$(sha256sum "$rodir/g.db" | cut -d' ' -f1)" = "$good" ]; then ok; else
        fail "read-only directory: the database changed"; fi
    if [ "$(ls -A "$rodir")" = g.db ]; then ok; else fail "read-only directory: files appeared: $(ls -A "$rodir")"; fi
    run "${as_other[@]}" "$GLOSSA" lookup --db "$rodir/g.db" --format json "информационная безопасность"
    expect_rc 0 "lookup in a read-only directory:"
    if [ "$OUT" = "$reference" ]; then ok; else fail "lookup in a read-only directory answers differently"; fi
    run "${as_other[@]}" "$GLOSSA" index --check --db "$rodir/g.db"
    expect_rc 0 "check in a read-only directory:"
else
    echo "SKIP (part): no user that cannot write $rodir (root without setpriv/nobody)"
fi
chmod 755 "$rodir"
rm -rf "$rodir"

# --- disk full: a tmpfs with room for the old database but not for a new one beside it
mnt="$WORK/full"
mkdir -p "$mnt"
size_kb=$(( $(stat -c %s "$GLOSSA_DB") * 3 / 2 / 1024 ))
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=${size_kb}k tmpfs "$mnt" 2>/dev/null; then
    trap 'umount "$mnt" 2>/dev/null; rm -rf "$WORK"' EXIT
    cp "$GLOSSA_DB" "$mnt/g.db"
    run glossa index --db "$mnt/g.db" "$SRC/glossary"
    expect_rc 2 "index on a full disk:"
    expect_err "$mnt/g.db: error: cannot commit the index: database or disk is full" "index on a full disk:"
    expect_err "glossa: '$mnt/g.db' was not changed" "index on a full disk:"
    if [ "$(sha256sum "$mnt/g.db" | cut -d' ' -f1)" = "$good" ]; then ok; else
        fail "disk full: the database changed"; fi
    if [ "$(ls -A "$mnt")" = g.db ]; then ok; else fail "disk full: left behind: $(ls -A "$mnt")"; fi
    if [ "$(probe "$mnt/g.db")" = "$reference" ]; then ok; else fail "disk full: lookups answer differently"; fi
    umount "$mnt"
else
    echo "SKIP (part): disk full needs root and a tmpfs mount (the unit test test_fault covers it with a VFS)"
fi

finish
