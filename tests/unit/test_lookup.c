/*
** test_lookup.c — finding concepts (src/lib/lookup.c) in an index of the
** test fixture: match kinds and their order, --from/--to filtering, the
** definition fallback, full text over definitions, queries that must
** never raise an error, and the step budget that bounds the work on an index.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <sqlite3.h>

#include <stdio.h>
#include <string.h>

static char *dir;
static glossa_db *db;

static int setup(void **state)
{
    return th_setup_index(state, &dir, &db, SRC_DIR "/tests/data/good/mini.xml", NULL);
}

static int teardown(void **state)
{
    return th_teardown_index(state, &dir, &db);
}

static glossa_results *find(const char *q, const char *from, const char *to)
{
    glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_results *res = NULL;
    glossa_error err;
    o.from = from;
    o.to = to;
    if (glossa_lookup(db, q, &o, &res, &err))
        fail_msg("lookup '%s' failed: %s", q, err.msg);
    return res;
}

static void expect_first(const char *q, const char *id, glossa_match_kind how)
{
    glossa_results *res = find(q, NULL, NULL);
    const glossa_hit *h = glossa_results_get(res, 0);
    if (!h)
        fail_msg("'%s': no result", q);
    if (strcmp(h->id, id) != 0 || h->how != how)
        fail_msg("'%s': first is %s (%s), expected %s (%s)", q, h->id,
                 glossa_match_kind_name(h->how), id, glossa_match_kind_name(how));
    glossa_results_free(res);
}

static void test_lookup__match_kinds(void **state)
{
    (void)state;
    expect_first("информационная безопасность", "information-security", GLOSSA_MATCH_EXACT);
    expect_first("ИНФОРМАЦИОННАЯ БЕЗОПАСНОСТЬ", "information-security", GLOSSA_MATCH_NORMALIZED);
    expect_first("Information  Weapon", "information-weapon", GLOSSA_MATCH_NORMALIZED);
    expect_first("信息安全", "information-security", GLOSSA_MATCH_EXACT);
    expect_first("weapon", "information-weapon", GLOSSA_MATCH_STEM);
    expect_first("weapons", "information-weapon", GLOSSA_MATCH_STEM);
    expect_first("informatsionnoe oruzhie", "information-weapon", GLOSSA_MATCH_TRANSLIT);
    expect_first("informat", "information-security", GLOSSA_MATCH_PREFIX);
    expect_first("infromation weapon", "information-weapon", GLOSSA_MATCH_FUZZY);
    expect_first("информационного оружия", "information-weapon", GLOSSA_MATCH_STEM);
}

/* Full text: the definitions' words are found in any inflection. The query
** words are stemmed once, by the table's tokenizer, as the definitions were:
** stemmed twice, "защищённости" became защищен → защищ and was not found. */
static void test_lookup__definitions_words_found_once_stemmed(void **state)
{
    static const char *const words[] = { "защищённости", "ЗАЩИЩЕННОСТЬ", "состояние",
                                         "состояния защищенности" };
    glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_error err;
    size_t i;
    (void)state;
    o.in_definitions = 1;
    for (i = 0; i < sizeof words / sizeof words[0]; i++) {
        glossa_results *res = NULL;
        const glossa_hit *h;
        if (glossa_lookup(db, words[i], &o, &res, &err))
            fail_msg("lookup '%s' failed: %s", words[i], err.msg);
        h = glossa_results_get(res, 0);
        if (!h || strcmp(h->id, "information-security") != 0 || h->how != GLOSSA_MATCH_FULLTEXT)
            fail_msg("'%s' in definitions: first is %s", words[i], h ? h->id : "nothing");
        glossa_results_free(res);
    }
}

static void test_lookup__exact_outranks_word_matches(void **state)
{
    glossa_results *res = find("information security", NULL, NULL);
    (void)state;
    assert_int_equal(glossa_results_count(res), 1);
    glossa_results_free(res);
    res = find("information", NULL, NULL);
    assert_int_equal(glossa_results_count(res), 2);
    assert_true(glossa_results_get(res, 0)->score >= glossa_results_get(res, 1)->score);
    glossa_results_free(res);
}

static void test_lookup__from_restricts_matching_language(void **state)
{
    glossa_results *res = find("信息安全", "ru", NULL);
    (void)state;
    assert_int_equal(glossa_results_count(res), 0);
    glossa_results_free(res);
    res = find("信息安全", "zh", NULL);
    assert_int_equal(glossa_results_count(res), 1);
    glossa_results_free(res);
}

static void test_lookup__to_filters_terms_and_falls_back_for_definitions(void **state)
{
    glossa_results *res = find("信息安全", NULL, "en");
    const glossa_hit *h = glossa_results_get(res, 0);
    (void)state;
    assert_non_null(h);
    assert_int_equal(h->n_terms, 1);
    assert_string_equal(h->terms[0].lang, "en");
    assert_string_equal(h->terms[0].text, "information security");
    assert_int_equal(h->terms[0].working, 1);
    /* no English definition: the Russian one is shown */
    assert_int_equal(h->n_definitions, 1);
    assert_string_equal(h->definitions[0].lang, "ru");
    assert_string_equal(h->definitions[0].basis, "reconstruction");
    assert_non_null(strstr(h->definitions[0].source, "приложение 1"));
    assert_int_equal(h->reliability, 1);
    assert_string_equal(h->match_lang, "zh");
    glossa_results_free(res);
}

static void test_lookup__nothing_found_is_not_an_error(void **state)
{
    glossa_results *res = find("кибербезопасность", NULL, NULL);
    (void)state;
    assert_int_equal(glossa_results_count(res), 0);
    assert_null(glossa_results_get(res, 0));
    glossa_results_free(res);
}

static void test_lookup__hostile_queries_never_fail(void **state)
{
    static const char *queries[] = {
        "\"", "\"information security", "information AND security", "AND", "OR", "NOT",
        "NEAR(", "NEAR(information security, 2)", "information*", "*", "^information",
        "text:information", "col:x", "(information", "information)", "-information",
        "information-security", "\"\"\"", "'", "{}", "[", "\\", ";DROP TABLE term;--",
        "информационная OR", "", "   ", "a\"b", "信息\"安全", "+", ":",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof queries / sizeof *queries; i++)
        glossa_results_free(find(queries[i], NULL, NULL));
}

static void test_lookup__syntax_is_text(void **state)
{
    (void)state;
    expect_first("\"information security", "information-security", GLOSSA_MATCH_NORMALIZED);
    expect_first("information-security", "information-security", GLOSSA_MATCH_NORMALIZED);
    expect_first("information security)", "information-security", GLOSSA_MATCH_NORMALIZED);
    expect_first("information AND security", "information-security", GLOSSA_MATCH_STEM);
}

static void test_lookup__oom_in_lookup_is_reported(void **state)
{
    unsigned long n;
    (void)state;
    for (n = 1; n < 2000; n++) {
        glossa_results *res = NULL;
        glossa_error err;
        int rc;
        glossa__alloc_fail_after(n, 0);
        rc = glossa_lookup(db, "information", NULL, &res, &err);
        glossa__alloc_fail_after(0, 0);
        if (rc == 0) {
            assert_int_equal(glossa_results_count(res), 2);
            glossa_results_free(res);
            break;
        }
        assert_int_equal(rc, GLOSSA_ENOMEM);
        assert_null(res);
    }
    assert_true(n > 1 && n < 2000);
}

/* A statement that would run forever is interrupted when its budget is
** spent; the connection works again once the budget is set afresh. */
static void test_lookup__runaway_work_is_interrupted(void **state)
{
    static const char *const loop =
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r";
    struct glossa__budget budget;
    sqlite3 *sql = NULL;
    sqlite3_stmt *st = NULL;
    glossa_error err;
    (void)state;
    assert_int_equal(glossa__store_open_index(&sql, th_path(dir, "fixture.db"), 0, &budget, &err), 0);
    glossa__budget_reset(&budget, 100);
    assert_int_equal(sqlite3_prepare_v2(sql, loop, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_INTERRUPT);
    assert_int_equal(budget.left, 0);
    assert_int_equal(glossa__error_sqlite(&err, sql, SQLITE_INTERRUPT, "x.db", "lookup failed"),
                     GLOSSA_ECORRUPT);
    assert_string_equal(err.msg, "damaged index: lookup failed: it asks for more work than any "
                                 "index needs (rebuild it with 'glossa index')");
    sqlite3_finalize(st);
    glossa__budget_reset(&budget, 100);
    assert_int_equal(sqlite3_prepare_v2(sql, "SELECT count(*) FROM concept", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    sqlite3_finalize(st);
    /* triggers, views and schema writes are off on such a connection */
    assert_int_not_equal(sqlite3_exec(sql, "PRAGMA writable_schema=ON; "
                                           "UPDATE sqlite_schema SET sql = '' WHERE 0", NULL, NULL, NULL),
                         SQLITE_OK);
    sqlite3_close(sql);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup__match_kinds),
        cmocka_unit_test(test_lookup__definitions_words_found_once_stemmed),
        cmocka_unit_test(test_lookup__exact_outranks_word_matches),
        cmocka_unit_test(test_lookup__from_restricts_matching_language),
        cmocka_unit_test(test_lookup__to_filters_terms_and_falls_back_for_definitions),
        cmocka_unit_test(test_lookup__nothing_found_is_not_an_error),
        cmocka_unit_test(test_lookup__hostile_queries_never_fail),
        cmocka_unit_test(test_lookup__syntax_is_text),
        cmocka_unit_test(test_lookup__oom_in_lookup_is_reported),
        cmocka_unit_test(test_lookup__runaway_work_is_interrupted),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
