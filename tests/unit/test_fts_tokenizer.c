/*
** test_fts_tokenizer.c — the "glossa" FTS5 tokenizer (src/lib/fts_tokenizer.c)
** inside a real SQLite FTS5 table: case and ё folding, Chinese words and
** their characters, Traditional input, the "stem" option, offsets for
** highlight(), and a bad option refused.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static sqlite3 *db;

static int setup(void **state)
{
    glossa_error err;
    if (th_global_setup(state) || glossa__store_open(&db, ":memory:", NULL,
                                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &err))
        return -1;
    return sqlite3_exec(db,
                        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='glossa');"
                        "CREATE VIRTUAL TABLE s USING fts5(x, tokenize='glossa stem');"
                        "INSERT INTO t(rowid, x) VALUES (1, 'Информационная безопасность'),"
                        " (2, '信息安全'), (3, 'защищённость данных'), (4, 'Information Weapon');"
                        "INSERT INTO s(rowid, x) VALUES (1, 'угрозы информационной безопасности'),"
                        " (2, 'information weapons');",
                        NULL, NULL, NULL);
}

static int teardown(void **state)
{
    sqlite3_close(db);
    return th_global_teardown(state);
}

static long first_row(const char *table, const char *match)
{
    sqlite3_stmt *st;
    char sql[128];
    long row = -1;
    snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ?1 ORDER BY rowid", table, table);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        row = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return row;
}

static void test_fts_tokenizer__case_and_yo(void **state)
{
    (void)state;
    assert_int_equal(first_row("t", "\"БЕЗОПАСНОСТЬ\""), 1);
    assert_int_equal(first_row("t", "\"защищенность\""), 3);
    assert_int_equal(first_row("t", "\"weapon\""), 4);
}

static void test_fts_tokenizer__chinese_words_and_characters(void **state)
{
    (void)state;
    assert_int_equal(first_row("t", "\"信息安全\""), 2);
    assert_int_equal(first_row("t", "\"安全\""), 2);
    /* a single character inside a word: indexed colocated */
    assert_int_equal(first_row("t", "\"息\""), 2);
    /* Traditional input folds to Simplified */
    assert_int_equal(first_row("t", "\"資訊安全\""), 2);
}

static void test_fts_tokenizer__stem_option(void **state)
{
    (void)state;
    assert_int_equal(first_row("s", "\"угроза\" \"информационная\""), 1);
    assert_int_equal(first_row("s", "\"weapon\""), 2);
    assert_int_equal(first_row("t", "\"weapons\""), -1);
}

static void test_fts_tokenizer__offsets_for_highlight(void **state)
{
    sqlite3_stmt *st;
    (void)state;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH"
                                            " '\"безопасность\"'", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "Информационная [безопасность]");
    sqlite3_finalize(st);
}

static void test_fts_tokenizer__unknown_option_is_refused(void **state)
{
    (void)state;
    assert_int_not_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE bad USING fts5(x, tokenize='glossa porter')",
                                      NULL, NULL, NULL), SQLITE_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fts_tokenizer__case_and_yo),
        cmocka_unit_test(test_fts_tokenizer__chinese_words_and_characters),
        cmocka_unit_test(test_fts_tokenizer__stem_option),
        cmocka_unit_test(test_fts_tokenizer__offsets_for_highlight),
        cmocka_unit_test(test_fts_tokenizer__unknown_option_is_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
