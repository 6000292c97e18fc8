# 0210-index-bundled.t — `glossa index` without arguments indexes the bundled
# glossary; --db and $GLOSSA_DB choose where; a lock held by a live process
# stops a second indexer (exit 2) while a stale lock is broken; no temporary
# files survive a failed run, and stale ones of dead runs are removed.
unset GLOSSA_GLOSSARY

# counts of the bundled glossary, as validate sees them
run glossa validate "$SRC/glossary"
expect_rc 0 "validate the bundled glossary:"
counts=$(grep -oE '[0-9]+ concepts, [0-9]+ terms, [0-9]+ definitions' <<<"$OUT")

# --- no arguments: the bundled glossary into $GLOSSA_DB
run glossa index
expect_rc 0 "index (no arguments):"
n=$(grep -oE 'indexed [0-9]+ concepts' <<<"$OUT" | grep -oE '[0-9]+')
if [ -n "$n" ] && [ "$n" -ge 38 ]; then ok; else fail "index: should report at least 13+25 concepts, got '${n:-nothing}'"; fi
expect_out "indexed $counts" "index (no arguments) indexes the same as validate $SRC/glossary:"
expect_out "$GLOSSA_DB" "index names the database it wrote:"
expect_true "index (no arguments) wrote \$GLOSSA_DB" test -s "$GLOSSA_DB"
run glossa lookup "信息战"
expect_rc 0 "lookup after index:"
expect_out "information-war" "lookup after index:"

# --- --quiet prints nothing
run glossa index --quiet
expect_rc 0 "index --quiet:"
if [ -z "$OUT$ERR" ]; then ok; else fail "index --quiet should print nothing"; fi

# --- GLOSSA_GLOSSARY overrides the bundled glossary
GLOSSA_GLOSSARY="$SRC/tests/data/good/mini.xml" run glossa index --db "$WORK/mini.db"
expect_rc 0 "GLOSSA_GLOSSARY=mini.xml:"
expect_out "indexed 2 concepts" "GLOSSA_GLOSSARY=mini.xml:"

# --- --db: a relative path, and $GLOSSA_DB is left alone
sum=$(sha256sum "$GLOSSA_DB" | cut -d' ' -f1)
run glossa index --db other.db "$SRC/glossary"
expect_rc 0 "index --db other.db:"
expect_true "index --db other.db wrote ./other.db" test -s "$WORK/other.db"
expect_out "other.db" "index --db other.db:"
expect_true "index --db left \$GLOSSA_DB alone" test "$(sha256sum "$GLOSSA_DB" | cut -d' ' -f1)" = "$sum"
run glossa lookup --db other.db "информационное оружие"
expect_rc 0 "lookup --db other.db:"
expect_out "information-weapon" "lookup --db other.db:"

# --- without --db and $GLOSSA_DB: the user's data folder, $XDG_DATA_HOME/glossa
# (made 0700), found from any other folder; XDG_DATA_HOME unset: ~/.local/share;
# a relative XDG_DATA_HOME is ignored; no home at all: ./glossa.db
mkdir "$WORK/cwd" "$WORK/elsewhere" "$WORK/home" && cd "$WORK/cwd" || exit 1
GLOSSA_DB= run glossa index --quiet "$SRC/glossary"
expect_rc 0 "index with GLOSSA_DB empty:"
expect_true "index with GLOSSA_DB empty wrote \$XDG_DATA_HOME/glossa/glossa.db" test -s "$XDG_DATA_HOME/glossa/glossa.db"
expect_true "the data folder is the user's only" test "$(stat -c %a "$XDG_DATA_HOME/glossa")" = 700
expect_true "index with GLOSSA_DB empty wrote nothing here" test ! -e "$WORK/cwd/glossa.db"
cd "$WORK/elsewhere" || exit 1
GLOSSA_DB= run glossa lookup --format json "информационное оружие"
expect_rc 0 "lookup from another folder:"
expect_json '.results[0].id' information-weapon
GLOSSA_DB= XDG_DATA_HOME= HOME="$WORK/home" run glossa index --quiet "$SRC/glossary"
expect_rc 0 "index with XDG_DATA_HOME unset:"
expect_true "it wrote ~/.local/share/glossa/glossa.db" test -s "$WORK/home/.local/share/glossa/glossa.db"
GLOSSA_DB= XDG_DATA_HOME=relative HOME="$WORK/home" run glossa lookup --format json "информационное оружие"
expect_rc 0 "a relative XDG_DATA_HOME is ignored:"
expect_true "nothing made under ./relative" test ! -e "$WORK/elsewhere/relative"
GLOSSA_DB= run env -u HOME -u XDG_DATA_HOME "$GLOSSA" index --quiet "$SRC/glossary"
expect_rc 0 "index with no home:"
expect_true "with no home it wrote ./glossa.db" test -s "$WORK/elsewhere/glossa.db"
: >"$WORK/cwd/a-file"
GLOSSA_DB= XDG_DATA_HOME="$WORK/cwd/a-file" run glossa index --quiet "$SRC/glossary"
expect_rc 2 "a data folder that cannot be made:"
expect_true "it says which folder and why" test "$ERR" = "glossa: error: cannot make the folder $WORK/cwd/a-file/glossa: Not a directory"
cd "$WORK" || exit 1

# --- a lock held by a live process: exit 2, nothing touched, the lock is not stolen
exec 9>"$GLOSSA_DB.lock"
flock -n 9 || fail "the test cannot take the lock"
echo $$ >&9
sum=$(sha256sum "$GLOSSA_DB" | cut -d' ' -f1)
run glossa index "$SRC/tests/data/good/mini.xml" 9>&-
expect_rc 2 "index while locked:"
expect_err "another 'glossa index' is running" "index while locked:"
expect_err "pid $$" "index while locked:"
expect_err "was not changed" "index while locked:"
expect_true "index while locked: database unchanged" test "$(sha256sum "$GLOSSA_DB" | cut -d' ' -f1)" = "$sum"
expect_true "index while locked: the other indexer's lock is still there" test -e "$GLOSSA_DB.lock"
expect_true "index while locked: lock still names pid $$" test "$(cat "$GLOSSA_DB.lock")" = "$$"
exec 9>&-

# --- a stale lock (dead pid) is broken, and removed after the run
sh -c 'exit 0' & dead=$!
wait "$dead"
echo "$dead" > "$GLOSSA_DB.lock"
run glossa index "$SRC/tests/data/good/mini.xml"
expect_rc 0 "index with a stale lock (pid $dead):"
expect_true "the stale lock is gone after the run" test ! -e "$GLOSSA_DB.lock"
run glossa lookup "信息战" --format json
expect_json '[.results[].id] | index("information-war") == null' "true" \
    "the database is now mini.xml (no information-war):"

# --- failed runs leave no temporary files; stale ones of dead runs are removed
touch "$GLOSSA_DB.tmp-$dead"
run glossa index "$SRC/glossary" "$SRC/tests/data/bad/dangling-xref.xml"
expect_rc 2 "failed index:"
expect_err "was not changed" "failed index:"
left=$(find "$WORK" -name '*.tmp-*' -o -name '*.lock')
if [ -z "$left" ]; then ok; else fail "after a failed run, left behind: $left"; fi
run glossa index "$WORK/does-not-exist.xml"
expect_rc 2 "index of a missing file:"
expect_err "does-not-exist.xml" "index of a missing file:"
left=$(find "$WORK" -name '*.tmp-*' -o -name '*.lock')
if [ -z "$left" ]; then ok; else fail "after a missing-file run, left behind: $left"; fi
mkdir "$WORK/empty-dir"
run glossa index "$WORK/empty-dir"
expect_rc 2 "index of a directory without *.xml:"
expect_err "no *.xml files" "index of a directory without *.xml:"
run glossa index --max-errors 0 "$SRC/glossary"
expect_rc 2 "index --max-errors 0:"
expect_err "--max-errors" "index --max-errors 0:"
run glossa lookup "information weapon"
expect_rc 0 "the mini.xml database still answers after the failed runs:"

finish
