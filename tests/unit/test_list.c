/*
** test_list.c — the one reader of comma-separated lists (glossa_list_next,
** src/lib/list.c): items between commas, ASCII spaces and tabs around them
** trimmed (not inside, not other white space), empty items given to the
** caller; and the language matchers built on it (glossa__lang_rank,
** glossa__lang_in_list).
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

/* The items of list, each in [brackets], joined in out. */
static const char *items(const char *list)
{
    static char out[256];
    const char *cur = list, *item;
    size_t n, at = 0;
    out[0] = '\0';
    while (glossa_list_next(&cur, &item, &n))
        at += (size_t)snprintf(out + at, sizeof out - at, "[%.*s]", (int)n, item);
    return out;
}

static void test_list__items_and_trimming(void **state)
{
    (void)state;
    assert_string_equal(items("ru,zh,en"), "[ru][zh][en]");
    assert_string_equal(items("ru"), "[ru]");
    assert_string_equal(items(" ru ,\ten\t, zh-Hant "), "[ru][en][zh-Hant]");
    /* only around an item: inside it stays (and the caller refuses it) */
    assert_string_equal(items("r u, x = y"), "[r u][x = y]");
    /* other white space is not trimmed: a line feed in a list is a mistake to show */
    assert_string_equal(items("ru,\nen"), "[ru][\nen]");
    /* empty items are given: "" is one, doubled and trailing commas make one */
    assert_string_equal(items(""), "[]");
    assert_string_equal(items("ru,,en"), "[ru][][en]");
    assert_string_equal(items("ru,"), "[ru][]");
    assert_string_equal(items(",ru"), "[][ru]");
    assert_string_equal(items(" , "), "[][]");
    assert_string_equal(items(NULL), "");
}

static void test_list__cursor_ends_null(void **state)
{
    const char *cur = "a,b", *item;
    size_t n;
    (void)state;
    assert_int_equal(glossa_list_next(&cur, &item, &n), 1);
    assert_int_equal(n, 1);
    assert_string_equal(cur, "b");
    assert_int_equal(glossa_list_next(&cur, &item, &n), 1);
    assert_null(cur);
    assert_int_equal(glossa_list_next(&cur, &item, &n), 0);
}

static void test_list__language_matchers(void **state)
{
    (void)state;
    assert_int_equal(glossa__lang_rank("en", "ru, zh,\ten"), 2);
    assert_int_equal(glossa__lang_rank("zh-Hant-TW", "ru,zh"), 1);
    assert_int_equal(glossa__lang_rank("kk", "ru,zh"), -1);
    /* an empty item matches nothing but still counts its place */
    assert_int_equal(glossa__lang_rank("en", "ru,,en"), 2);
    assert_int_equal(glossa__lang_rank("en", ""), -1);
    /* an item too long for a tag matches nothing */
    assert_int_equal(glossa__lang_rank("en", "en-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,en"), 1);
    assert_true(glossa__lang_in_list("en", NULL));
    assert_true(glossa__lang_in_list("en", ""));
    assert_true(glossa__lang_in_list("uz-Cyrl", "ru,\tuz "));
    assert_false(glossa__lang_in_list("en", "ru,,zh"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list__items_and_trimming),
        cmocka_unit_test(test_list__cursor_ends_null),
        cmocka_unit_test(test_list__language_matchers),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
