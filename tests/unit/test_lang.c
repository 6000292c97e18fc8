/*
** test_lang.c — BCP 47 tags (src/lib/lang.c): the member-language set,
** scripts and regions, and the prefix matching behind --from/--to.
*/
#include "helpers.h"
#include "glossa_int.h"

static void test_lang__member_tags_are_valid(void **state)
{
    static const char *good[] = { "ru", "zh", "en", "kk", "ky", "tg", "uz-Latn", "uz-Cyrl",
                                  "hi", "ur", "fa", "be", "zh-Hant", "zh-Hant-TW", "kk-Latn",
                                  "zh-CN", "en-001" };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof good / sizeof *good; i++)
        assert_true(glossa_lang_is_valid(good[i]));
}

static void test_lang__other_tags_are_invalid(void **state)
{
    static const char *bad[] = { "", "xx", "de", "russian", "zh-Hant-TW-x", "uz-Latin",
                                 "ru-", "-ru", "zh-Klingon", "en-US-Latn" };
    size_t i;
    (void)state;
    assert_false(glossa_lang_is_valid(NULL));
    for (i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(glossa_lang_is_valid(bad[i]));
}

static void test_lang__prefix_matching(void **state)
{
    (void)state;
    assert_true(glossa__lang_matches("zh-Hant-TW", "zh"));
    assert_true(glossa__lang_matches("zh-Hant-TW", "zh-Hant"));
    assert_false(glossa__lang_matches("zh", "zh-Hant"));
    assert_false(glossa__lang_matches("ru", "r"));
    assert_true(glossa__lang_in_list("uz-Cyrl", "ru, uz"));
    assert_false(glossa__lang_in_list("en", "ru,zh"));
    assert_true(glossa__lang_in_list("en", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lang__member_tags_are_valid),
        cmocka_unit_test(test_lang__other_tags_are_invalid),
        cmocka_unit_test(test_lang__prefix_matching),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
