#!/usr/bin/env bash
# db-hostile-gen.sh — builds a corpus of crafted databases from a real glossa
# index, for tests/cli/0925-db-hostile.t: views in place of tables, triggers,
# recursive CTEs, a missing FTS5 shadow table, an ordinary table in place of
# an FTS5 one, extra objects, NULLs, wrong types, extreme integers, invalid
# UTF-8 and huge values. For each case NAME it writes OUT/NAME.db and
# OUT/NAME.lookup and OUT/NAME.check: the message glossa must give (after
# "DB: error: ") for `glossa lookup` and `show`, and for `glossa index --check`;
# OUT/NAME.show where `glossa show` says otherwise ("ok": it answers rightly,
# the damage is in nothing it shows); OUT/NAME.query where the lookup that
# reads the damaged values is not of "information weapon" (its words).
#
# Usage: db-hostile-gen.sh GOOD.db OUTDIR      (needs the sqlite3 shell)
set -eu
good=${1:?usage: db-hostile-gen.sh GOOD.db OUTDIR}
out=${2:?usage: db-hostile-gen.sh GOOD.db OUTDIR}
terms=$(sqlite3 "$good" "SELECT count(*) FROM term")   # the good index's, for messages that count them
mkdir -p "$out"
rebuild="(rebuild it with 'glossa index')"

# case_sql NAME LOOKUP_MESSAGE CHECK_MESSAGE SQL [SQL2]: a copy of the good index
# with SQL run on it (the shell allows what glossa's connections do not),
# then SQL2 on a new connection (after a change of the schema by hand).
case_sql() {
    local name=$1 lookup=$2 check=$3 sql=$4
    cp "$good" "$out/$name.db"
    sqlite3 -bail "$out/$name.db" "$sql" >/dev/null
    [ $# -lt 5 ] || sqlite3 -bail "$out/$name.db" "$5" >/dev/null
    printf '%s\n' "$lookup" >"$out/$name.lookup"
    printf '%s\n' "$check" >"$out/$name.check"
}

# relaxed NAME LOOKUP CHECK TABLE SQL: SQL runs while TABLE's DDL has no NOT
# NULL and CHECK constraints are off; then the DDL is put back as it was, so
# that the schema is glossa's and only the values are not.
relaxed() {
    local name=$1 lookup=$2 check=$3 table=$4 sql=$5
    cp "$good" "$out/$name.db"
    sqlite3 -bail "$out/$name.db" "SELECT writefile('$out/$name.ddl', sql) FROM sqlite_schema WHERE name = '$table';
        PRAGMA writable_schema=ON;
        UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '') WHERE name = '$table';" >/dev/null
    sqlite3 -bail "$out/$name.db" "PRAGMA ignore_check_constraints=ON; $sql" >/dev/null
    sqlite3 -bail "$out/$name.db" "PRAGMA writable_schema=ON;
        UPDATE sqlite_schema SET sql = CAST(readfile('$out/$name.ddl') AS TEXT) WHERE name = '$table';" >/dev/null
    rm -f "$out/$name.ddl"
    printf '%s\n' "$lookup" >"$out/$name.lookup"
    printf '%s\n' "$check" >"$out/$name.check"
}

# ---- the schema: every object glossa's, exactly, and nothing else
same() { case_sql "$1" "$2" "$2" "${@:3}"; }
same view-meta-recursive "damaged index: view 'meta' is not as glossa makes it $rebuild" \
    "ALTER TABLE meta RENAME TO meta_rows; CREATE VIEW meta(key, value) AS WITH RECURSIVE r(n) AS
     (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT key, value FROM meta_rows, r WHERE r.n = 0;"
same view-term "damaged index: view 'term' is not as glossa makes it $rebuild" \
    "ALTER TABLE term RENAME TO term_data; CREATE VIEW term AS SELECT * FROM term_data;"
same view-extra-recursive "damaged index: its schema has view 'zz_loop', which glossa does not make $rebuild" \
    "CREATE VIEW zz_loop AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r;"
same trigger-meta "damaged index: its schema has trigger 'meta_spy', which glossa does not make $rebuild" \
    "CREATE TRIGGER meta_spy AFTER INSERT ON meta BEGIN SELECT 1; END;"
same trigger-fts-shadow "damaged index: its schema has trigger 'fts_spy', which glossa does not make $rebuild" \
    "CREATE TRIGGER fts_spy AFTER UPDATE ON term_fts_data BEGIN
     SELECT count(*) FROM (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r); END;"
same term-fts-ordinary-table "damaged index: table 'term_fts' is not as glossa makes it $rebuild" \
    "PRAGMA writable_schema=ON; DELETE FROM sqlite_schema WHERE name LIKE 'term!_fts%' ESCAPE '!';" \
    "CREATE TABLE term_fts(text); INSERT INTO term_fts SELECT text FROM term;"
same missing-fts-shadow "damaged index: its schema has no table 'term_fts_docsize' $rebuild" \
    "PRAGMA writable_schema=ON; DELETE FROM sqlite_schema WHERE name = 'term_fts_docsize';"
same missing-index "damaged index: its schema has no index 'term_by_norm' $rebuild" \
    "DROP INDEX term_by_norm;"
same changed-index "damaged index: index 'term_by_text' is not as glossa makes it $rebuild" \
    "DROP INDEX term_by_text; CREATE INDEX term_by_text ON term (lang);"
same extra-table "damaged index: its schema has table 'extra', which glossa does not make $rebuild" \
    "CREATE TABLE extra(x);"
same extra-index "damaged index: its schema has index 'term_by_lang', which glossa does not make $rebuild" \
    "CREATE INDEX term_by_lang ON term (lang);"
same not-glossa "is an SQLite database, but not a glossa index" \
    "PRAGMA writable_schema=ON; DELETE FROM sqlite_schema; PRAGMA writable_schema=OFF; CREATE TABLE notes(x);"

# ---- values: of the type, range and form glossa writes
value() { relaxed "$@"; }
value1() { relaxed "$1" "$2" "$2" "${@:3}"; }     # the same message from --check
show() { printf '%s\n' "$2" >"$out/$1.show"; }
query() { printf '%s\n' "$2" >"$out/$1.query"; }
value1 meta-value-blob "damaged index: meta.value is a blob, where glossa writes UTF-8 text $rebuild" meta \
    "UPDATE meta SET value = CAST(value AS BLOB) WHERE key = 'schema_version';"
value1 meta-value-null "damaged index: meta.value is NULL, where glossa writes UTF-8 text $rebuild" meta \
    "UPDATE meta SET value = NULL WHERE key = 'tokenizer';"
value concept-status-null "damaged index: concept.status is NULL, where glossa writes UTF-8 text $rebuild" \
    "damaged index: integrity check failed: NULL value in concept.status $rebuild" concept \
    "UPDATE concept SET status = NULL;"
value1 concept-status-other "damaged index: concept.status is 'repealed', not one of glossa's values $rebuild" concept \
    "UPDATE concept SET status = 'repealed';"
value concept-xml-id-null "damaged index: concept.xml_id is NULL, where glossa writes UTF-8 text $rebuild" \
    "damaged index: integrity check failed: NULL value in concept.xml_id $rebuild" concept \
    "UPDATE concept SET xml_id = NULL;"
show concept-xml-id-null "error: no concept 'information-weapon'"
value1 reliability-int-min "damaged index: concept.reliability is -2147483648, out of its range 1..4 $rebuild" concept \
    "UPDATE concept SET reliability = -2147483648;"
value1 reliability-int64-max "damaged index: concept.reliability is 9223372036854775807, out of its range 1..4 $rebuild" concept \
    "UPDATE concept SET reliability = 9223372036854775807;"
value1 reliability-text "damaged index: concept.reliability is text, where glossa writes an integer $rebuild" concept \
    "UPDATE concept SET reliability = 'very';"
value1 reliability-blob "damaged index: concept.reliability is a blob, where glossa writes an integer $rebuild" concept \
    "UPDATE concept SET reliability = X'04';"
value term-status-null "damaged index: term.status is NULL, where glossa writes UTF-8 text $rebuild" \
    "damaged index: integrity check failed: NULL value in term.status $rebuild" term \
    "UPDATE term SET status = NULL;"
value term-lang-null "damaged index: term.lang is NULL, where glossa writes a language tag $rebuild" \
    "damaged index: integrity check failed: NULL value in term.lang $rebuild" term \
    "UPDATE term SET lang = NULL;"
value1 term-lang-digit "damaged index: term.lang is not a language tag $rebuild" term \
    "UPDATE term SET lang = 7;"
value1 term-lang-blob "damaged index: term.lang is a blob, where glossa writes a language tag $rebuild" term \
    "UPDATE term SET lang = X'656E';"
value term-text-null "damaged index: term.text is NULL, where glossa writes UTF-8 text $rebuild" \
    "damaged index: integrity check failed: NULL value in term.text $rebuild" term \
    "UPDATE term SET text = NULL;"
value1 term-text-bad-utf8 "damaged index: term.text is not UTF-8 text $rebuild" term \
    "UPDATE term SET text = CAST(X'696E666FC0AF' AS TEXT) || text;"
value1 term-concept-text "damaged index: term.concept_id is text, where glossa writes an integer $rebuild" term \
    "UPDATE term SET concept_id = 'one';"
show term-concept-text "damaged index: concept 'information-weapon' has no terms $rebuild"
value term-concept-missing "damaged index: concept 9223372036854775807 of a matching row is not there $rebuild" \
    "damaged index: $terms terms of no concept $rebuild" term \
    "UPDATE term SET concept_id = 9223372036854775807;"
show term-concept-missing "damaged index: concept 'information-weapon' has no terms $rebuild"
value1 term-working-range "damaged index: term.working is 5, out of its range 0..1 $rebuild" term \
    "UPDATE term SET working = 5;"
value1 term-ord-huge "damaged index: term.ord is 1099511627776, out of its range 0..2147483647 $rebuild" term \
    "UPDATE term SET ord = 1099511627776;"
show term-ord-huge ok
value1 term-date-garbage "damaged index: term.valid_from is not a date (YYYY-MM-DD) $rebuild" term \
    "UPDATE term SET valid_from = 'yesterday';"
value definition-text-null "damaged index: definition.text is NULL, where glossa writes UTF-8 text $rebuild" \
    "damaged index: integrity check failed: NULL value in definition.text $rebuild" definition \
    "UPDATE definition SET text = NULL;"
value1 definition-basis-other "damaged index: definition.basis is 'hearsay', not one of glossa's values $rebuild" definition \
    "UPDATE definition SET basis = 'hearsay';"
value definition-huge "damaged index: lookup failed: it holds a value longer than glossa writes $rebuild" \
    "damaged index: cannot read the index: it holds a value longer than glossa writes $rebuild" definition \
    "UPDATE definition SET text = printf('%.*c', 5000000, 'x');"
value1 note-text-blob "damaged index: note.text is a blob, where glossa writes UTF-8 text $rebuild" note \
    "UPDATE note SET text = CAST(text AS BLOB);"
value1 text-fts-concept-text "damaged index: text_fts.concept_id is text, where glossa writes an integer $rebuild" text_fts_content \
    "UPDATE text_fts_content SET c1 = 'x' || c1;"
show text-fts-concept-text ok
query text-fts-concept-text "--in definitions информационные"
# ---- a full-text index whose blocks are zeroed: the FTS5 check finds it
same term-fts-blocks-zeroed "lookup failed: database disk image is malformed (the file is damaged or not a glossa index: rebuild it with 'glossa index')" \
    "UPDATE term_fts_data SET block = zeroblob(length(block)) WHERE id > 1000;"
show term-fts-blocks-zeroed ok
printf '%s\n' "damaged index: full-text index term_fts failed its integrity check: database disk image is malformed $rebuild" \
    >"$out/term-fts-blocks-zeroed.check"
