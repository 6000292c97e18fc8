# 0120-lookup-errors.t — `glossa lookup` usage errors exit 2 with a useful
# message (missing database, unknown option with a suggestion, bad option
# values, no query); hostile queries (FTS5 syntax, quotes, backslashes) never
# exit 2, and only a query over 4096 bytes is refused ("too long").

# --- missing database: exit 2, tells the user to run 'glossa index', creates nothing
run glossa lookup "information security"
expect_rc 2 "missing database:"
expect_err "run 'glossa index'" "missing database:"
if [ -z "$OUT" ]; then ok; else fail "missing database: stdout should be empty"; fi
expect_true "missing database: lookup must not create $GLOSSA_DB" test ! -e "$GLOSSA_DB"
run glossa lookup --db "$WORK/elsewhere/none.db" "information security"
expect_rc 2 "missing --db database:"
expect_err "run 'glossa index'" "missing --db database:"

# --- files that are not glossa databases: exit 2, and say what to do
echo "not a database" > "$WORK/garbage.db"
run glossa lookup --db "$WORK/garbage.db" "information security"
expect_rc 2 "garbage database:"
expect_err "garbage.db" "garbage database:"
: > "$WORK/empty.db"
run glossa lookup --db "$WORK/empty.db" "information security"
expect_rc 2 "empty database file:"
expect_err "run 'glossa index'" "empty database file:"

index_bundled

# --- unknown option: exit 2 and suggest the close one
run glossa lookup --form ru "информационная безопасность"
expect_rc 2 "--form:"
expect_err "unknown option '--form'" "--form:"
expect_err "did you mean '--from'" "--form:"
run glossa lookup --limt 3 "информационная безопасность"
expect_rc 2 "--limt:"
expect_err "did you mean '--limit'" "--limt:"
run glossa lookup --frobnicate x
expect_rc 2 "--frobnicate:"
expect_err "unknown option '--frobnicate'" "--frobnicate:"

# --- bad option values: exit 2, the message names the bad value
for v in xml TEXT ""; do
    run glossa lookup --format "$v" "информационная безопасность"
    expect_rc 2 "--format '$v':"
    expect_err "glossa lookup: --format must be text or json, not '$v'" "--format '$v':"
done
for v in 0 -1 1001 abc 5x ""; do
    run glossa lookup --limit "$v" "информационная безопасность"
    expect_rc 2 "--limit '$v':"
    expect_err "glossa lookup: --limit must be a whole number from 1 to 1000, not '$v'" "--limit '$v':"
done
for v in sometimes yes 1; do
    run glossa lookup --color "$v" "информационная безопасность"
    expect_rc 2 "--color '$v':"
    expect_err "glossa lookup: --color must be auto, always or never, not '$v'" "--color '$v':"
done
run glossa lookup --from xx "информационная безопасность"
expect_rc 2 "--from xx:"
expect_err "'xx'" "--from xx:"
# --to is checked like --from: a typo must not silently hide every term
for v in xx rus ru,xx; do
    run glossa lookup --to "$v" "информационная безопасность"
    expect_rc 2 "--to $v:"
    expect_err "unknown language" "--to $v:"
done
# one list reader (glossa_list_next): spaces and tabs around an item are
# trimmed, an empty item is a typo
run glossa lookup --to "ru, en" --format json "информационная безопасность"
expect_rc 0 "--to 'ru, en':"
expect_json '[.results[0].terms[].lang] | unique | join(",")' "en,ru" "--to 'ru, en':"
for v in "ru,,en" "ru," ""; do
    run glossa lookup --to "$v" "информационная безопасность"
    expect_rc 2 "--to '$v':"
    expect_err "glossa: error: unknown language '' for --to (use BCP 47 tags" "--to '$v':"
done
run glossa lookup "информационная безопасность" --limit
expect_rc 2 "--limit without a value:"
expect_err "needs a value" "--limit without a value:"
# ... and the valid values of the same options work (so the checks above can tell)
run glossa lookup --format text --limit 1000 --color never --from ru "информационная безопасность"
expect_rc 0 "valid option values:"

# --- no query
run glossa lookup
expect_rc 2 "no query:"
expect_err "no query" "no query:"
run glossa lookup --format json
expect_rc 2 "no query (only options):"

# --- hostile queries: found or not found, never an error, never a crash
for q in '"' 'AND' 'NEAR(' 'a:b' '*' '^x' '(' ')' "'" '\' 'информационная OR' '信息"安全' \
         'OR' 'NOT' 'NEAR(a b, 3)' '"информационная' 'information AND security' 'a*' '{x}' \
         '%' '_' '-' '""' "'; DROP TABLE concept; --" $'x\ty'; do
    run glossa lookup "$q"
    if [ "$RC" -eq 0 ] || [ "$RC" -eq 1 ]; then ok; else fail "hostile query '$q' should exit 0 or 1"; fi
    if [ "$RC" -eq 1 ] && [ -n "$OUT" ]; then fail "hostile query '$q': nothing found but stdout not empty"; else ok; fi
    run glossa lookup --format json "$q"
    if [ "$RC" -eq 0 ] || [ "$RC" -eq 1 ]; then ok; else fail "hostile query '$q' (json) should exit 0 or 1"; fi
    got=$(jq -r .query <<<"$OUT" 2>/dev/null)
    if [ "$got" = "$q" ]; then ok; else fail "hostile query '$q' (json): .query should round-trip, got '$got'"; fi
done
# the database survived the hostile queries
run glossa lookup "информационная безопасность"
expect_rc 0 "after hostile queries:"

# --- long queries: 4096 bytes is allowed, 5000 bytes is refused as too long
q4096=$(head -c 4096 /dev/zero | tr '\0' a)
run glossa lookup "$q4096"
if [ "$RC" -eq 0 ] || [ "$RC" -eq 1 ]; then ok; else fail "a 4096-byte query should exit 0 or 1"; fi
q5000=$(head -c 5000 /dev/zero | tr '\0' a)
run glossa lookup "$q5000"
expect_rc 2 "5000-byte query:"
expect_err "too long" "5000-byte query:"
if [ -z "$OUT" ]; then ok; else fail "5000-byte query: stdout should be empty"; fi
# several words that add up to more than 4096 bytes are one query, also too long
words=$(printf 'информационная %.0s' $(seq 200))
# shellcheck disable=SC2086
run glossa lookup $words
expect_rc 2 "200 words (5800 bytes):"
expect_err "too long" "200 words (5800 bytes):"

finish
