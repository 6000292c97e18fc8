/*
** test_keys.c — stems and transliteration keys (src/lib/keys.c), as tables in
** jq's style (text, expected key): Snowball stems by language or by script,
** Latin skeletons that different romanisations share (GOST, scientific,
** chat style; pinyin from Simplified and Traditional Chinese; Uzbek in both
** alphabets), the *_of_norm paths giving the very same keys, and the
** romanisations in use meeting the terms they stand for.
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

/* A query in Latin letters (either reading lookup tries: GLOSSA_TR_GENERIC
** and GLOSSA_TR_SECOND) meets the term as the index keys it (its
** language's variant), in every scheme and alphabet in use. */
static void test_keys__romanisations_meet_their_terms(void **state)
{
    static const struct { const char *term, *lang, *query; } t[] = {
        /* Kazakh: Latin 2021, 2018 (acute), 2017 (apostrophes), and BGN-style */
        { "ақпараттық кеңістік", "kk", "aqparattyq keñıstık" },
        { "ақпараттық кеңістік", "kk", "aqparattyq keńistik" },
        { "ақпараттық кеңістік", "kk", "aqparattyq ken'istik" },
        { "ақпараттық инфрақұрылым", "kk", "aqparattyq infraqūrylym" },
        { "ақпараттық қауіпсіздік", "kk", "aqparattyq qaýipsizdik" },
        { "ақпараттық қауіпсіздік", "kk", "aqparattyq qay'ipsizdik" },
        { "ақпараттық қауіпсіздікке төнетін қатер", "kk", "aqparattyq qauıpsızdıkke tönetın qater" },
        { "әлеуметтік желі", "kk", "äleumettık jelı" },
        { "әлеуметтік желі", "kk", "a'leumettik jeli'" },
        /* Uzbek: Cyrillic for a Latin term and the reverse, every apostrophe */
        { "oʻzbekiston", "uz-Latn", "ўзбекистон" },
        { "ўзбекистон", "uz-Cyrl", "o'zbekiston" },
        { "ўзбекистон", "uz-Cyrl", "o`zbekiston" },
        { "ўзбекистон", "uz-Cyrl", "o‘zbekiston" },
        { "ўзбекистон", "uz-Cyrl", "o’zbekiston" },
        { "ахборот жиноятчилиги", "uz-Cyrl", "axborot jinoyatchiligi" },
        { "axborot jinoyatchiligi", "uz-Latn", "ахборот жиноятчилиги" },
        { "gʻoya", "uz-Latn", "ғоя" },
        /* Kyrgyz, Tajik, Belarusian: BGN/PCGN, ISO 9, national and passport */
        { "маалыматтык мейкиндик", "ky", "maalymattyk meykindik" },
        { "кеңири", "ky", "kengiri" },
        { "үй-бүлө", "ky", "üy-bülö" },
        { "ҷанги иттилоотӣ", "tg", "jangi ittilootī" },
        { "силоҳи иттилоотӣ", "tg", "siloḩi ittilooti" },
        { "ғизо", "tg", "ghizo" },
        { "пагроза інфармацыйнай бяспецы", "be", "pahroza infarmatsyynay byaspetsy" },
        { "аўтаматызацыя", "be", "awtamatyzatsyya" },
        { "аўтаматызацыя", "be", "aŭtamatyzacyja" },
        { "злачыннасць", "be", "zlačynnasć" },
        /* Russian: scientific, GOST 7.79 B, BGN/PCGN, ICAO, chat style */
        { "защита информации", "ru", "zaščita informacii" },
        { "защита информации", "ru", "zashhita informaczii" },
        { "объект", "ru", "ob\"yekt" },
        { "объект", "ru", "obieekt" },
        { "информационная безопасность", "ru", "informacionnaya bezopasnost'" },
        /* Russian inflected, romanised: the stemmed key */
        { "информационная безопасность", "ru", "informatsionnoy bezopasnosti" },
        { "информационная безопасность", "ru", "informacionnoj bezopasnost`yu" },
        { "информационные ресурсы", "ru", "informatsionnykh resursov" },
        { "информационное пространство", "ru", "informatsionnom prostranstve" },
        /* pinyin: tone numbers, tone marks, ü as v or u:, apostrophes, joined */
        { "信息安全", "zh", "xin1 xi1 an1 quan2" },
        { "信息安全", "zh", "XIN1XI1AN1QUAN2" },
        { "信息安全", "zh", "xìnxī ānquán" },
        { "信息安全", "zh", "xinxi'anquan" },
        { "資訊安全", "zh-Hant", "xin4xi1 an1quan2" },
        { "绿色", "zh", "lv4se4" },
        { "绿色", "zh", "lu:se" },
        { "绿色", "zh", "lǜsè" },
        { "女", "zh", "nv3" },
        /* the pinyin of the characters as written, not of OpenCC's rewording */
        { "建立信任措施", "zh", "jian4li4 xin4ren4 cuo4shi1" },
        { "資訊安全", "zh-Hant-TW", "xīnxī ānquán" },
    };
    struct glossa_buf term = GLOSSA_BUF_INIT, q = GLOSSA_BUF_INIT;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        int r, met = 0;
        normalise(t[i].term);
        assert_int_equal(glossa__translit_key_of_term(keys, t[i].term, strlen(t[i].term),
                                                      t[i].lang, norm.data, norm.len, &term), 0);
        for (r = 0; r < 3; r++) {
            static const int readings[] = { GLOSSA_TR_GENERIC, GLOSSA_TR_SECOND,
                                            GLOSSA_TR_STEM };
            assert_int_equal(glossa__translit_key(keys, t[i].query, strlen(t[i].query),
                                                  readings[r], &q), 0);
            met |= strcmp(glossa__buf_str(&q), glossa__buf_str(&term)) == 0;
        }
        if (!met)
            fail_msg("%s (%s) and %s: %s, %s", t[i].term, t[i].lang, t[i].query,
                     glossa__buf_str(&term), glossa__buf_str(&q));
    }
    glossa__buf_release(&term);
    glossa__buf_release(&q);
}

/* British and American spellings, and the plural of the last word, have
** one stem (English, by language and by script). */
static void test_keys__english_spellings_share_a_stem(void **state)
{
    static const char *const t[][2] = {
        { "militarisation of ICTs", "militarization of ICT" },
        { "internationalisation", "internationalization" },
        { "unauthorised interference", "unauthorized interference" },
        { "organise", "organize" }, { "organising", "organizing" },
        { "organisations", "organization" },
        { "analyse", "analyze" }, { "analysed", "analyzed" }, { "analyses", "analyzes" },
        { "responsible behaviour", "responsible behavior" },
        { "colours", "color" }, { "honourable", "honorable" }, { "labour", "labor" },
        { "data centre", "data center" }, { "centres", "centers" }, { "fibre", "fiber" },
        { "defence", "defense" }, { "licence", "license" }, { "offences", "offense" },
        { "programme", "program" }, { "programmes", "programs" },
        { "travelled", "traveled" }, { "modelling", "modeling" },
        { "critical infrastructures", "critical infrastructure" },
        { "technologies", "technology" }, { "computer attacks", "computer attack" },
    };
    struct glossa_buf a = GLOSSA_BUF_INIT;
    size_t i;
    int by_lang;
    (void)state;
    for (i = 0; i < sizeof t / sizeof t[0]; i++) {
        for (by_lang = 0; by_lang < 2; by_lang++) {
            const char *lang = by_lang ? "en" : NULL;
            assert_int_equal(glossa__stem_key(keys, t[i][0], strlen(t[i][0]), lang, &a), 0);
            if (strcmp(stem(t[i][1], lang), glossa__buf_str(&a)) != 0)
                fail_msg("%s: %s, %s: %s", t[i][0], glossa__buf_str(&a), t[i][1],
                         glossa__buf_str(&got));
        }
    }
    /* short words are left as they are */
    assert_string_equal(stem("tour", "en"), "tour");
    assert_string_equal(stem("user", "en"), "user");
    glossa__buf_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys__stems),
        cmocka_unit_test(test_keys__transliteration),
        cmocka_unit_test(test_keys__romanisations_meet_their_terms),
        cmocka_unit_test(test_keys__english_spellings_share_a_stem),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
