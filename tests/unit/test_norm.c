/*
** test_norm.c — the search key (src/lib/norm.c): ICU word breaks, NFKC case
** folding, ё→е, Chinese segmentation, invalid UTF-8, idempotence; the path
** without ICU for simple text, and keys made from a key (keys.c).
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

/* Tokens and offsets of a text, one "tok@start-end" per token. */
static int add_token(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    char item[256];
    (void)flags;
    snprintf(item, sizeof item, "%.*s@%zu-%zu ", (int)len, tok, start, end);
    return glossa__buf_adds(ud, item);
}

static void tokens_of(const char *s, size_t len, struct glossa_buf *out)
{
    glossa__buf_clear(out);
    assert_int_equal(glossa__buf_add(out, "", 0), 0);
    assert_int_equal(glossa__norm_tokens(norm, s, len, add_token, out), 0);
}

/* ASCII and Russian words between spaces take a path without ICU: it must
** give what ICU gives. A trailing " ," sends the same text through ICU
** (the comma is no word, and it comes after every offset). */
static void test_norm__simple_text_path_equals_icu(void **state)
{
    static const char *const texts[] = {
        "информационная безопасность", "ИНФОРМАЦИОННАЯ  Безопасность", "Information Weapon",
        "ict2 5g  ПРОТОКОЛ-free", "абвгдежзийклмнопрстуфхцчшщъыьэюя", "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
        "x", "   ", "a1b2 Ю9я", "",
    };
    struct glossa_buf fast = GLOSSA_BUF_INIT, icu = GLOSSA_BUF_INIT;
    char slow[256];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        size_t n = strlen(texts[i]);
        snprintf(slow, sizeof slow, "%s ,", texts[i]);
        tokens_of(texts[i], n, &fast);
        tokens_of(slow, n + 2, &icu);
        assert_string_equal(glossa__buf_str(&fast), glossa__buf_str(&icu));
    }
    /* and the keys are those ICU made before there was a fast path */
    assert_string_equal(key_of("ИНФОРМАЦИОННАЯ  Безопасность"), "информационная безопасность");
    glossa__buf_release(&fast);
    glossa__buf_release(&icu);
}

/* Stems and transliteration keys made from a normalised key (as the indexer
** does, one ICU pass per term) equal those made from the text. */
static void test_norm__keys_from_the_key_equal_keys_from_the_text(void **state)
{
    static const char *const texts[][2] = {
        { "Международная информационная безопасность", "ru" }, { "information weapons", "en" },
        { "資訊安全", "zh-Hant-TW" }, { "ақпараттық қауіпсіздік", "kk" },
        { "axborot xavfsizligi", "uz-Latn" }, { "ахборот хавфсизлиги", "uz-Cyrl" },
        { "امنیت اطلاعات", "fa" }, { "सूचना सुरक्षा", "hi" }, { "інфармацыйная бяспека", "be" },
        { "Oʻzbekiston  Ўзбекистон", "uz-Cyrl" }, { "информационное оружие (ИО)", NULL },
    };
    struct glossa_keys *keys;
    struct glossa_buf k = GLOSSA_BUF_INIT, a = GLOSSA_BUF_INIT, b = GLOSSA_BUF_INIT;
    glossa_error err;
    size_t i;
    int uz;
    (void)state;
    assert_int_equal(glossa__keys_new(&keys, &err), 0);
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const char *t = texts[i][0], *lang = texts[i][1];
        assert_int_equal(glossa__norm_key(glossa__keys_norm(keys), t, strlen(t), &k), 0);
        assert_int_equal(glossa__stem_key(keys, t, strlen(t), lang, &a), 0);
        assert_int_equal(glossa__stem_key_of_norm(keys, k.data, k.len, lang, &b), 0);
        assert_string_equal(glossa__buf_str(&a), glossa__buf_str(&b));
        for (uz = 0; uz <= (GLOSSA_TR_READING | GLOSSA_TR_STEM); uz++) {
            /* twice: the second time from the per-word cache */
            assert_int_equal(glossa__translit_key(keys, t, strlen(t), uz, &a), 0);
            assert_int_equal(glossa__translit_key_of_norm(keys, k.data, k.len, uz, &b), 0);
            assert_string_equal(glossa__buf_str(&a), glossa__buf_str(&b));
            assert_int_equal(glossa__translit_key_of_norm(keys, k.data, k.len, uz, &b), 0);
            assert_string_equal(glossa__buf_str(&a), glossa__buf_str(&b));
        }
    }
    assert_int_equal(glossa__translit_key(keys, "xinxi anquan", 12, 0, &a), 0);
    assert_string_equal(glossa__buf_str(&a), "hinhankuan");
    assert_int_equal(glossa__translit_key(keys, "信息安全", strlen("信息安全"), 0, &b), 0);
    assert_string_equal(glossa__buf_str(&a), glossa__buf_str(&b));
    glossa__keys_free(keys);
    glossa__buf_release(&k);
    glossa__buf_release(&a);
    glossa__buf_release(&b);
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
        cmocka_unit_test(test_norm__simple_text_path_equals_icu),
        cmocka_unit_test(test_norm__keys_from_the_key_equal_keys_from_the_text),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
