/*
** test_norm.c — the search key (src/lib/norm.c): ICU word breaks, NFKC case
** folding, ё→е, Chinese segmentation, invalid UTF-8, idempotence.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

static struct glossa_norm *norm;
static struct glossa_buf key = GLOSSA_BUF_INIT;

static int setup(void **state)
{
    glossa_error err;
    if (th_global_setup(state))
        return -1;
    return glossa__norm_new(&norm, &err);
}

static int teardown(void **state)
{
    glossa__norm_free(norm);
    glossa__buf_release(&key);
    return th_global_teardown(state);
}

static const char *key_of(const char *s)
{
    assert_int_equal(glossa__norm_key(norm, s, strlen(s), &key), 0);
    return glossa__buf_str(&key);
}

static void test_norm__casefold_cyrillic_and_latin(void **state)
{
    (void)state;
    assert_string_equal(key_of("ИНФОРМАЦИОННАЯ БЕЗОПАСНОСТЬ"), "информационная безопасность");
    assert_string_equal(key_of("Information Weapon"), "information weapon");
}

static void test_norm__yo_folds_to_ye(void **state)
{
    (void)state;
    assert_string_equal(key_of("защищённость"), "защищенность");
    assert_string_equal(key_of("ЗАЩИЩЁННОСТЬ"), "защищенность");
}

static void test_norm__nfkc_fullwidth_and_ligatures(void **state)
{
    (void)state;
    assert_string_equal(key_of("ＩＣＴ"), "ict");
    assert_string_equal(key_of("ﬁle"), "file");
}

static void test_norm__nfd_equals_nfc(void **state)
{
    char nfc[64];
    (void)state;
    /* "й" precomposed vs "и" + combining breve */
    snprintf(nfc, sizeof nfc, "%s", key_of("\xd0\xb9"));
    assert_string_equal(key_of("\xd0\xb8\xcc\x86"), nfc);
}

static void test_norm__punctuation_and_spaces_are_not_words(void **state)
{
    (void)state;
    assert_string_equal(key_of("  «information-security»  (NEAR)  "),
                        "information security near");
    assert_string_equal(key_of("\"*^:()"), "");
}

static void test_norm__chinese_is_segmented_into_words(void **state)
{
    const char *k;
    (void)state;
    k = key_of("信息安全");
    /* ICU's dictionary splits it; the exact split is ICU's, the join is ours */
    assert_non_null(strchr(k, ' '));
    assert_string_equal(key_of("信息安全"), key_of("信息 安全"));
}

static void test_norm__invalid_utf8_does_not_crash(void **state)
{
    const char bad[] = "abc\xff\xfe def \xc3";
    (void)state;
    assert_int_equal(glossa__norm_key(norm, bad, sizeof bad - 1, &key), 0);
    assert_non_null(strstr(glossa__buf_str(&key), "def"));
}

static void test_norm__idempotent(void **state)
{
    static const char *samples[] = {
        "Информационная Безопасность", "信息戰", "ﬀ ＡＢ Straße", "O'zbekiston", "امنیت اطلاعات",
        "सूचना सुरक्षा", "ақпараттық қауіпсіздік",
    };
    char once[512];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof samples / sizeof *samples; i++) {
        snprintf(once, sizeof once, "%s", key_of(samples[i]));
        assert_string_equal(key_of(once), once);
    }
}

static int count_tokens(void *ud, const char *tok, size_t len, size_t start, size_t end,
                        int flags)
{
    size_t *n = ud;
    (void)tok;
    (void)len;
    (void)flags;
    assert_true(start < end);
    (*n)++;
    return 0;
}

static void test_norm__offsets_point_into_the_input(void **state)
{
    size_t n = 0;
    (void)state;
    assert_int_equal(glossa__norm_tokens(norm, "один, два; три", 25, count_tokens, &n), 0);
    assert_int_equal(n, 3);
}

/* What the tokenizer fuzzer found (tests/fuzz/corpus/tokenizer/regress-*):
** keys that changed when normalised again, so that a user typing the
** normalised form would miss the term. */
static void test_norm__fuzz_findings_give_stable_keys(void **state)
{
    static const char *const samples[] = {
        "\xe8\xb3\x87\xe8\xa8\x8a\xff\xfe\xe5\xae\x89\xe5\x85\xa8", /* 資訊, bad bytes, 安全 */
        "\xef\xa6\xa6",                         /* 簾 U+F9A6, a compatibility ideograph */
        "O\xca\xbb\xe2\x80\x8dkiston",          /* Oʻ + ZWJ + kiston */
        "r\xef\xb1\x9e",                         /* r + U+FC5E: NFKC gives a space and harakat */
        "\xc4\xbf",                               /* Ŀ: NFKC gives l and a middle dot */
        "\xe8\x96\xb4",                          /* 薴: OpenCC goes 薴 → 苧 → 苎 */
        "\xd0\xb0\xca\xbb`\xd1\x86",           /* а ʻ ` ц: a run of apostrophes */
        "\xca\xbb\xca\xbbrr",                   /* apostrophes at the start */
        "\xe6\x9c\xac\xe2\xba\x9e",           /* 本 + the radical ⺞ U+2E9E */
    };
    char once[256];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        snprintf(once, sizeof once, "%s", key_of(samples[i]));
        if (strcmp(key_of(once), once) != 0)
            fail_msg("sample %zu: key '%s' normalises to '%s'", i, once, key_of(once));
    }
    /* and what they mean for search */
    assert_string_equal(key_of("\xe8\xb3\x87\xe8\xa8\x8a\xff\xe5\xae\x89\xe5\x85\xa8"),
                        key_of("\xe4\xbf\xa1\xe6\x81\xaf\xef\xbf\xbd\xe5\xae\x89\xe5\x85\xa8"));
    assert_string_equal(key_of("\xef\xa6\xa6"), key_of("\xe5\xb8\x98"));   /* 簾 U+F9A6 ≡ 帘 */
    assert_string_equal(key_of("\xc4\xbf"), "l");
    assert_string_equal(key_of("O\xca\xbb\xe2\x80\x8dkiston"), key_of("o\xca\xbckiston"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_norm__casefold_cyrillic_and_latin),
        cmocka_unit_test(test_norm__yo_folds_to_ye),
        cmocka_unit_test(test_norm__nfkc_fullwidth_and_ligatures),
        cmocka_unit_test(test_norm__nfd_equals_nfc),
        cmocka_unit_test(test_norm__punctuation_and_spaces_are_not_words),
        cmocka_unit_test(test_norm__chinese_is_segmented_into_words),
        cmocka_unit_test(test_norm__invalid_utf8_does_not_crash),
        cmocka_unit_test(test_norm__idempotent),
        cmocka_unit_test(test_norm__offsets_point_into_the_input),
        cmocka_unit_test(test_norm__fuzz_findings_give_stable_keys),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
