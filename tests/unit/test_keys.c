/*
** test_keys.c — stems and transliteration keys (src/lib/keys.c), as tables in
** jq's style (text, expected key): Snowball stems by language or by script,
** Latin skeletons that different romanisations share (GOST, scientific,
** chat style; pinyin from Simplified and Traditional Chinese; Uzbek in both
** alphabets), and the *_of_norm paths giving the very same keys.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <string.h>

static struct glossa_keys *keys;
static struct glossa_buf got = GLOSSA_BUF_INIT, norm = GLOSSA_BUF_INIT, again = GLOSSA_BUF_INIT;

static int setup(void **state)
{
    glossa_error err;
    if (th_global_setup(state))
        return -1;
    return glossa__keys_new(&keys, &err);
}

static int teardown(void **state)
{
    glossa__keys_free(keys);
    glossa__buf_release(&got);
    glossa__buf_release(&norm);
    glossa__buf_release(&again);
    return th_global_teardown(state);
}

/* The normalised key of s, in norm. */
static void normalise(const char *s)
{
    glossa__buf_clear(&norm);
    assert_int_equal(glossa__norm_key(glossa__keys_norm(keys), s, strlen(s), &norm), 0);
}

static const char *stem(const char *s, const char *lang)
{
    glossa__buf_clear(&got);
    assert_int_equal(glossa__stem_key(keys, s, strlen(s), lang, &got), 0);
    /* the key made from the normalised key is the same */
    normalise(s);
    glossa__buf_clear(&again);
    assert_int_equal(glossa__stem_key_of_norm(keys, norm.data, norm.len, lang, &again), 0);
    assert_string_equal(glossa__buf_str(&again), glossa__buf_str(&got));
    return glossa__buf_str(&got);
}

static const char *translit(const char *s, int uzbek)
{
    glossa__buf_clear(&got);
    assert_int_equal(glossa__translit_key(keys, s, strlen(s), uzbek, &got), 0);
    normalise(s);
    glossa__buf_clear(&again);
    assert_int_equal(glossa__translit_key_of_norm(keys, norm.data, norm.len, uzbek, &again), 0);
    assert_string_equal(glossa__buf_str(&again), glossa__buf_str(&got));
    return glossa__buf_str(&got);
}

static void test_keys__stems(void **state)
{
    static const struct { const char *text, *lang, *want; } t[] = {
        /* by script: Cyrillic Russian, Latin English, Devanagari Hindi */
        { "информационной безопасности", NULL, "информацион безопасн" },
        { "критически важных объектов", NULL, "критическ важн объект" },
        { "Information Weapons", NULL, "inform weapon" },
        { "सूचना सुरक्षा", NULL, "सूच सुरक्ष" },
        /* no stemmer: the normalised words as they are */
        { "信息安全", NULL, "信息 安全" },
        { "資訊安全", NULL, "信息 安全" },
        { "امنیت اطلاعات", NULL, "امنیت اطلاعات" },
        { "ақпараттық қауіпсіздік", "kk", "ақпараттық қауіпсіздік" },
        /* a language given: its stemmer, whatever the script */
        { "информационной безопасности", "ru", "информацион безопасн" },
        { "Information Weapons", "en", "inform weapon" },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        assert_string_equal(stem(t[i].text, t[i].lang), t[i].want);
    assert_true(glossa__keys_can_stem("ru") && glossa__keys_can_stem("en") &&
                glossa__keys_can_stem("hi"));
    assert_false(glossa__keys_can_stem("kk") || glossa__keys_can_stem("zh"));
}

static void test_keys__transliteration(void **state)
{
    static const struct { const char *text; int uzbek; const char *want; } t[] = {
        /* Russian, and the romanisations a translator types, share one skeleton */
        { "информационная безопасность", 0, "informaconabezopasnost" },
        { "informatsionnaya bezopasnost", 0, "informaconabezopasnost" },
        { "informacionnaja bezopasnost'", 0, "informaconabezopasnost" },
        { "информационной безопасности", 0, "informaconoibezopasnosti" },
        { "критически важных объектов", 0, "kriticeskivaznihobektov" },
        /* pinyin from Simplified and Traditional Chinese, and typed */
        { "信息安全", 0, "hinhankuan" },
        { "資訊安全", 0, "hinhankuan" },
        { "xinxi anquan", 0, "hinhankuan" },
        /* Uzbek in Cyrillic and in Latin */
        { "ахборот хавфсизлиги", 1, "ahborothavfsizligi" },
        { "axborot xavfsizligi", 1, "ahborothavfsizligi" },
        { "критически важных объектов", 1, "kriticeskivainihobektov" },
        /* other scripts */
        { "ақпараттық қауіпсіздік", 0, "akparatikauipsizdik" },
        { "सूचना सुरक्षा", 0, "sucanasuraksa" },
        { "امنیت اطلاعات", 0, "amnitatlat" },
        { "Information Weapons", 0, "informatonveapons" },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        assert_string_equal(translit(t[i].text, t[i].uzbek), t[i].want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys__stems),
        cmocka_unit_test(test_keys__transliteration),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
