/*
** test_store.c — the checked readers of values from an index given with --db
** (src/lib/store.c: glossa__col_text, _int, _enum), as a table of SQL value,
** what is asked and the exact damage said: NULL, wrong types, numbers out of
** range, dates that are no days, language tags, statuses glossa never
** writes, text that is not UTF-8 or holds a control or bidi control. And the
** check before publishing that every index holds one entry per row of its
** table (glossa__index_entries_match), on an index whose b-tree is another's.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

enum ask { TEXT, INT, ENUM };

static void expect(sqlite3 *db, const char *value, enum ask ask, unsigned flags, const char *want)
{
    struct glossa__reader r = GLOSSA_READER_INIT("t.db");
    char sql[256];
    sqlite3_stmt *st;
    snprintf(sql, sizeof sql, "SELECT %s AS status", value);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    switch (ask) {
    case TEXT: glossa__col_text(&r, st, 0, "term", flags); break;
    case INT: glossa__col_int(&r, st, 0, "concept", 1, 4, flags); break;
    case ENUM: glossa__col_enum(&r, st, 0, "term", glossa__term_statuses); break;
    }
    sqlite3_finalize(st);
    if (!want) {
        if (r.damaged)
            fail_msg("%s: unexpected damage: %s", value, r.err.msg);
        return;
    }
    if (!r.damaged)
        fail_msg("%s: no damage said, expected '%s'", value, want);
    assert_string_equal(r.err.file, "t.db");
    assert_string_equal(r.err.msg, want);
}

static void test_store__checked_values(void **state)
{
    sqlite3 *db;
    (void)state;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    /* good values */
    expect(db, "'информационная безопасность'", TEXT, 0, NULL);
    expect(db, "'بین‌المللی'", TEXT, 0, NULL); /* ZWNJ, as Persian writes it */
    expect(db, "NULL", TEXT, GLOSSA_COL_NULL, NULL);
    expect(db, "'2024-02-29'", TEXT, GLOSSA_COL_DATE, NULL);
    expect(db, "'uz-Cyrl'", TEXT, GLOSSA_COL_LANG, NULL);
    expect(db, "3", INT, 0, NULL);
    expect(db, "'preferred'", ENUM, 0, NULL);
    /* damage, said exactly */
    expect(db, "NULL", TEXT, 0,
           "damaged index: term.status is NULL, where glossa writes UTF-8 text (rebuild it "
           "with 'glossa index')");
    expect(db, "7", TEXT, 0,
           "damaged index: term.status is an integer, where glossa writes UTF-8 text (rebuild "
           "it with 'glossa index')");
    expect(db, "CAST(X'FF61' AS TEXT)", TEXT, 0,
           "damaged index: term.status is not UTF-8 text (rebuild it with 'glossa index')");
    expect(db, "'a' || char(155) || 'b'", TEXT, 0,
           "damaged index: term.status contains U+009B (a control character) (rebuild it with "
           "'glossa index')");
    expect(db, "char(8238) || 'abc'", TEXT, 0,
           "damaged index: term.status contains U+202E (a bidirectional control character) "
           "(rebuild it with 'glossa index')");
    expect(db, "'2023-02-29'", TEXT, GLOSSA_COL_DATE,
           "damaged index: term.status is not a date (YYYY-MM-DD) (rebuild it with 'glossa "
           "index')");
    expect(db, "'en' || char(27)", TEXT, GLOSSA_COL_LANG,
           "damaged index: term.status is not a language tag (rebuild it with 'glossa index')");
    expect(db, "-2147483648", INT, 0,
           "damaged index: concept.status is -2147483648, out of its range 1..4 (rebuild it "
           "with 'glossa index')");
    expect(db, "'3'", INT, 0,
           "damaged index: concept.status is text, where glossa writes an integer (rebuild it "
           "with 'glossa index')");
    expect(db, "'favoured'", ENUM, 0,
           "damaged index: term.status is 'favoured', not one of glossa's values (rebuild it "
           "with 'glossa index')");
    sqlite3_close(db);
}

/* Two tables alike, an index on each; the second table has one row more. */
static sqlite3 *two_tables(void)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TABLE a (x TEXT, y INT); CREATE TABLE b (x TEXT, y INT);"
                                  "INSERT INTO a VALUES ('p', 1), (NULL, 2);"
                                  "INSERT INTO b VALUES ('p', 1), ('q', 2), (NULL, 3);"
                                  "CREATE INDEX a_by_x ON a (x, y); CREATE INDEX b_by_x ON b (x, y);",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    return db;
}

static void test_store__index_entries(void **state)
{
    char problem[256];
    sqlite3 *db = two_tables();
    (void)state;
    assert_int_equal(glossa__index_entries_match(db, problem, sizeof problem), SQLITE_OK);
    assert_string_equal(problem, "");
    sqlite3_close(db);

    /* the two indexes' b-trees swapped: every page is sound and used once, so
    ** SQLite's quick_check says ok; the counts do not (NULL keys counted) */
    db = two_tables();
    assert_int_equal(sqlite3_exec(db,
                                  "PRAGMA writable_schema = ON;"
                                  "CREATE TEMP TABLE r AS SELECT name, rootpage FROM sqlite_schema;"
                                  "UPDATE main.sqlite_master SET rootpage = (SELECT rootpage FROM r WHERE"
                                  " r.name = CASE main.sqlite_master.name WHEN 'a_by_x' THEN 'b_by_x'"
                                  " ELSE 'a_by_x' END) WHERE name IN ('a_by_x', 'b_by_x');"
                                  "PRAGMA writable_schema = RESET;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    {
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
        sqlite3_finalize(st);
    }
    assert_int_equal(glossa__index_entries_match(db, problem, sizeof problem), SQLITE_OK);
    assert_string_equal(problem, "index a_by_x holds 3 entries for the 2 rows of a");
    sqlite3_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store__checked_values),
        cmocka_unit_test(test_store__index_entries),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
