/*
** test_store.c — the checked readers of values from an index given with --db
** (src/lib/store.c: glossa__col_text, _int, _enum), as a table of SQL value,
** what is asked and the exact damage said: NULL, wrong types, numbers out of
** range, dates that are no days, language tags, statuses glossa never
** writes, text that is not UTF-8 or holds a control or bidi control.
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store__checked_values),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
