# 0925-db-hostile.t — a database given with --db is hostile input: the crafted
# corpus of tests/cli/db-hostile-gen.sh (views, triggers, recursive CTEs,
# missing or replaced FTS5 tables, extra objects, NULLs, wrong types, extreme
# integers, invalid UTF-8, huge values), each made from a real index. On every
# one `glossa lookup` (by term and in definitions), `show`, `scan` and `index --check`
# end within a time limit (no hang), never crash, exit 2 with the exact
# message; --check fails on each. And: a directory, an empty file, a file that
# is not SQLite, each with its own message. NAME.query, when there is one,
# holds the lookup's arguments (words) that read the damaged values.
command -v sqlite3 >/dev/null || { echo "SKIP: the sqlite3 shell is not installed"; exit 77; }
index_bundled
corpus="$WORK/corpus"
bash "$SRC/tests/cli/db-hostile-gen.sh" "$GLOSSA_DB" "$corpus" || { fail "the generator failed"; finish; }
cases=0
for db in "$corpus"/*.db; do
    name=$(basename "$db" .db)
    cases=$((cases + 1))
    want="glossa: $db: error: $(cat "$corpus/$name.lookup")"
    query=("information weapon")
    [ -f "$corpus/$name.query" ] && read -ra query <"$corpus/$name.query"
    run timeout 30 "$GLOSSA" lookup --db "$db" "${query[@]}"
    expect_rc 2 "$name: lookup:"
    if [ "$ERR" = "$want" ]; then ok; else fail "$name: lookup: stderr should be '$want'"; fi
    if [ -f "$corpus/$name.show" ]; then
        want_show=$(cat "$corpus/$name.show")
        run timeout 30 "$GLOSSA" show --db "$db" information-weapon
        case $want_show in
            ok) expect_rc 0 "$name: show:"; expect_out "information-weapon" "$name: show:" ;;
            error:*) expect_rc 1 "$name: show:"
                if [ "$ERR" = "glossa: $want_show" ]; then ok; else fail "$name: show: stderr should be 'glossa: $want_show'"; fi ;;
            *) expect_rc 2 "$name: show:"
                if [ "$ERR" = "glossa: $db: error: $want_show" ]; then ok; else
                    fail "$name: show: stderr should be 'glossa: $db: error: $want_show'"; fi ;;
        esac
    else
        run timeout 30 "$GLOSSA" show --db "$db" information-weapon
        expect_rc 2 "$name: show:"
        if [ "$ERR" = "$want" ]; then ok; else fail "$name: show: stderr should be '$want'"; fi
    fi
    # the other paths over the rows: prefix, fuzzy, definitions, JSON
    for args in "informat" "infromation wepon" "--in definitions информационного"; do
        run timeout 30 "$GLOSSA" lookup --db "$db" --format json $args
        case $RC in
            0|1) ok ;;
            2) expect_err "glossa: $db: error: " "$name: lookup $args:" ;;
            *) fail "$name: lookup $args: exit $RC (a crash or a hang?)" ;;
        esac
    done
    # scan reads every term and concept
    run timeout 30 "$GLOSSA" scan --db "$db" "$SRC/tests/data/text/sample.ru.txt"
    case $RC in
        0|1) ok ;;
        2) expect_err "glossa: $db: error: " "$name: scan:" ;;
        *) fail "$name: scan: exit $RC (a crash or a hang?)" ;;
    esac
    want="glossa: $db: error: $(cat "$corpus/$name.check")"
    run timeout 60 "$GLOSSA" index --check --db "$db"
    expect_rc 2 "$name: index --check:"
    if [ "$ERR" = "$want" ]; then ok; else fail "$name: index --check: stderr should be '$want'"; fi
done
expect_true "the corpus has its cases ($cases)" test "$cases" -ge 30
run glossa scan --db "$corpus/concept-xml-id-null.db" "$SRC/tests/data/text/sample.ru.txt"
expect_rc 2 "scan with NULL concept ids:"
if [ "$ERR" = "glossa: $corpus/concept-xml-id-null.db: error: damaged index: concept.xml_id is NULL, where glossa writes UTF-8 text (rebuild it with 'glossa index')" ]; then ok; else
    fail "scan with NULL concept ids: wrong message (it said 'out of memory')"; fi

# --- not an index at all: each its own message
mkdir "$WORK/dir.db"
run glossa lookup --db "$WORK/dir.db" "information weapon"
expect_rc 2 "a directory:"
if [ "$ERR" = "glossa: $WORK/dir.db: error: is a directory, not a glossa index" ]; then ok; else
    fail "a directory: wrong message"; fi
run glossa index --check --db "$WORK/dir.db"
expect_rc 2 "check a directory:"
expect_err "$WORK/dir.db: error: is a directory, not a glossa index" "check a directory:"
: >"$WORK/empty.db"
run glossa show --db "$WORK/empty.db" information-weapon
expect_rc 2 "an empty file:"
if [ "$ERR" = "glossa: $WORK/empty.db: error: is an empty file, not a glossa index: run 'glossa index'" ]; then ok; else
    fail "an empty file: wrong message"; fi
printf 'key\tvalue\n' >"$WORK/text.db"
run glossa lookup --db "$WORK/text.db" "information weapon"
expect_rc 2 "a text file:"
if [ "$ERR" = "glossa: $WORK/text.db: error: is not a glossa index: not an SQLite database (a damaged index? rebuild it with 'glossa index')" ]; then ok; else
    fail "a text file: wrong message"; fi
sqlite3 "$WORK/other.db" "CREATE TABLE meta(key, value); INSERT INTO meta VALUES ('schema_version', '3');"
run glossa lookup --db "$WORK/other.db" "information weapon"
expect_rc 2 "another SQLite database:"
if [ "$ERR" = "glossa: $WORK/other.db: error: is an SQLite database, but not a glossa index" ]; then ok; else
    fail "another SQLite database: wrong message"; fi
# an index built by an earlier glossa (another schema version, the schema
# changed since): said so, "rebuild it", not "damaged"
cp "$GLOSSA_DB" "$WORK/older.db"
sqlite3 "$WORK/older.db" "UPDATE meta SET value = '3' WHERE key = 'schema_version'; DROP INDEX term_by_norm;"
run glossa lookup --db "$WORK/older.db" "information weapon"
expect_rc 2 "an index of an earlier schema:"
if [ "$ERR" = "glossa: $WORK/older.db: error: index built with schema version '3', this glossa uses '6': run 'glossa index'" ]; then ok; else
    fail "an index of an earlier schema: wrong message: $ERR"; fi
sqlite3 "$WORK/other2.db" "CREATE TABLE notes(x);"
run glossa index --check --db "$WORK/other2.db"
expect_rc 2 "check another SQLite database:"
if [ "$ERR" = "glossa: $WORK/other2.db: error: is an SQLite database, but not a glossa index" ]; then ok; else
    fail "check another SQLite database: wrong message"; fi
mkfifo "$WORK/fifo.db"
run timeout 10 "$GLOSSA" lookup --db "$WORK/fifo.db" "information weapon"
expect_rc 2 "a FIFO:"
expect_err "$WORK/fifo.db: error: is not a regular file, not a glossa index" "a FIFO:"

# the good index still passes
run glossa index --check
expect_rc 0 "check the good index:"
finish
