/*
** test_layout.c — keyboard layouts (src/lib/layout.c, layout_keys.h): every
** key of every layout read back through US QWERTY and returned, shifted keys
** and the letters each layout adds, the readings of a query, what looks
** mistyped; and lookup's layout tier over a small index (how: layout, the
** reading in the hit, a correct query left alone, --from).
*/
#include "helpers.h"
#include "lookup_int.h"

#include <unicode/utf8.h>

#include <string.h>

static char *dir;
static glossa_db *db;
static struct glossa_buf conv_out;

static int setup(void **state)
{
    return th_setup_index(state, &dir, &db, NULL,
                          TH_TEI_HEAD
                          TH_ENTRY("is", "информационная безопасность", "information security")
                          TH_ENTRY("ict", "ИКТ", "ICT")
                          TH_ENTRY("cs", "киберпространство", "cyberspace")
                          TH_TEI_TAIL);
}

static int teardown(void **state)
{
    glossa__buf_release(&conv_out);
    return th_teardown_index(state, &dir, &db);
}

/* text converted from layout from to layout to, or "(none)" */
static const char *conv(const char *from, const char *to, const char *text)
{
    int rc = glossa__layout_convert(from, to, text, strlen(text), &conv_out);
    return rc ? "(none)" : glossa__buf_str(&conv_out);
}

static int count_in(size_t layout, UChar32 c)
{
    size_t k;
    int n = 0, l;
    for (k = 0; k < 47; k++)
        for (l = 0; l < 2; l++)
            n += glossa__layout_key(layout, k, l) == c;
    return n;
}

/* Every key of every layout, unshifted and shifted: the US character read in
** the layout is the layout's, and back (where each writes that character on
** one key only: the same punctuation sits on several keys of some). */
static void test_layout__every_key_round_trips(void **state)
{
    struct glossa_buf a = { 0 }, b = { 0 };
    size_t l, k;
    int lv, checked = 0;
    (void)state;
    assert_int_equal(glossa__layout_count(), 7);
    assert_string_equal(glossa__layout_name(0), "us");
    for (l = 1; l < glossa__layout_count(); l++) {
        const char *name = glossa__layout_name(l);
        for (k = 0; k < 47; k++) {
            for (lv = 0; lv < 2; lv++) {
                UChar32 us = glossa__layout_key(0, k, lv), c = glossa__layout_key(l, k, lv);
                char su[8], sc[8];
                int32_t nu = 0, nc = 0;
                if (!c || count_in(l, c) != 1 || count_in(0, us) != 1)
                    continue;
                U8_APPEND_UNSAFE((uint8_t *)su, nu, us);
                U8_APPEND_UNSAFE((uint8_t *)sc, nc, c);
                su[nu] = sc[nc] = '\0';
                assert_int_equal(glossa__layout_convert("us", name, su, (size_t)nu, &a), 0);
                assert_string_equal(glossa__buf_str(&a), sc);
                assert_int_equal(glossa__layout_convert(name, "us", sc, (size_t)nc, &b), 0);
                assert_string_equal(glossa__buf_str(&b), su);
                checked++;
            }
        }
    }
    assert_true(checked > 6 * 80); /* 94 characters a layout, less its repeats */
    glossa__buf_release(&a);
    glossa__buf_release(&b);
}

static void test_layout__letters_of_each_layout(void **state)
{
    (void)state;
    assert_string_equal(conv("us", "ru", "byajhvfwbz"), "информация");
    assert_string_equal(conv("us", "ru", "B<"), "ИБ");                  /* shifted */
    assert_string_equal(conv("us", "ru", "`;'[],.~:\"{}<>"), "ёжэхъбюЁЖЭХЪБЮ");
    assert_string_equal(conv("ru", "us", "сниук"), "cyber");
    assert_string_equal(conv("ru", "us", "снильщ"), "cybkmo");
    /* Kazakh: ә і ң ғ ү ұ қ ө һ on the digit row */
    assert_string_equal(conv("us", "kz", "2345890-="), "әіңғүұқөһ");
    assert_string_equal(conv("kz", "us", "ақпараттық"), "f0gfhfnns0");
    /* Kyrgyz: ө ң ү on - = \ */
    assert_string_equal(conv("us", "kg", "-=\\_+|"), "өңүӨҢҮ");
    /* Tajik: ғ ӣ қ ӯ ҳ ҷ */
    assert_string_equal(conv("us", "tj", "-mw=os"), "ғӣқӯҳҷ");
    /* Uzbek: ў қ ғ ҳ */
    assert_string_equal(conv("us", "uz", "os-="), "ўқғҳ");
    /* Belarusian: і ў and the apostrophe */
    assert_string_equal(conv("us", "by", "bo]"), "іў'");
    assert_string_equal(conv("by", "us", "інфармацыйная"), "byafhvfwsqyfz");
    /* not on the keys of the layout: none */
    assert_string_equal(conv("us", "ru", "café"), "(none)");
    assert_string_equal(conv("by", "us", "и"), "(none)");
    assert_string_equal(conv("us", "xx", "a"), "(none)");
    assert_string_equal(glossa_layout_title("ru"), "Russian");
    assert_string_equal(glossa_layout_title("us"), "English (US)");
    assert_null(glossa_layout_title("xx"));
}

static void test_layout__readings(void **state)
{
    struct layout_reading r[GLOSSA__LAYOUT_READINGS];
    int n, i, ru = -1, tj = -1;
    (void)state;
    /* Latin: every Cyrillic layout; equal readings are one, with its layouts */
    n = glossa__layout_readings("byajhvfwbz", 10, r, GLOSSA__LAYOUT_READINGS);
    assert_true(n >= 2);
    for (i = 0; i < n; i++) {
        assert_string_equal(r[i].typed, "us");
        if (strcmp(glossa__buf_str(&r[i].text), "информация") == 0)
            ru = i;
    }
    assert_true(ru >= 0);
    assert_string_equal(r[ru].from, "ru,kk,ky,uz");
    assert_string_equal(glossa__layout_read_as(&r[ru], "ky"), "kg");
    assert_string_equal(glossa__layout_read_as(&r[ru], "ru"), "ru");
    glossa__layout_readings_free(r, n);
    /* Tajik ӣ where Russian has ь */
    n = glossa__layout_readings("bnnbkjjnm", 9, r, GLOSSA__LAYOUT_READINGS);
    for (i = 0; i < n; i++)
        if (strcmp(glossa__buf_str(&r[i].text), "иттилоотӣ") == 0)
            tj = i;
    assert_true(tj >= 0);
    assert_string_equal(r[tj].from, "tg");
    glossa__layout_readings_free(r, n);
    /* Cyrillic: US QWERTY, typed in the first layout with all its letters */
    n = glossa__layout_readings("сниук", strlen("сниук"), r, GLOSSA__LAYOUT_READINGS);
    assert_int_equal(n, 1);
    assert_string_equal(glossa__buf_str(&r[0].text), "cyber");
    assert_string_equal(r[0].typed, "ru");
    assert_string_equal(r[0].from, "");
    assert_string_equal(glossa__layout_read_as(&r[0], "en"), "us");
    glossa__layout_readings_free(r, n);
    /* no reading: both scripts, no letters, a reading that is not words */
    assert_int_equal(glossa__layout_readings("abc где", strlen("abc где"), r, 8), 0);
    assert_int_equal(glossa__layout_readings("123", 3, r, 8), 0);
    assert_int_equal(glossa__layout_readings("юбка", strlen("юбка"), r, 8), 0); /* .,rf */
    /* punctuation that ends a word stays ("/" is the Russian layout's ".") */
    n = glossa__layout_readings("rb,th/", 6, r, GLOSSA__LAYOUT_READINGS);
    assert_true(n >= 1);
    assert_string_equal(glossa__buf_str(&r[0].text), "кибер.");
    glossa__layout_readings_free(r, n);
    assert_int_equal(glossa__layout_readings("rb/th", 5, r, 8), 0); /* "ки.ер" */
}

static void test_layout__suspect(void **state)
{
    (void)state;
    assert_true(glossa__layout_suspect("B<", 2));
    assert_true(glossa__layout_suspect("rb,thghjcnhfycndj", 17));
    assert_true(glossa__layout_suspect("information rjl", 15));
    assert_false(glossa__layout_suspect("information", 11));
    assert_false(glossa__layout_suspect("cyber security", 14));
    assert_false(glossa__layout_suspect("информ", strlen("информ")));
}

static const glossa_hit *first(glossa_results **res, const char *q, const char *from,
                               glossa_mode mode)
{
    glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_error err;
    o.from = from;
    o.mode = mode;
    *res = NULL;
    assert_int_equal(glossa_lookup(db, q, &o, res, &err), 0);
    return glossa_results_count(*res) ? glossa_results_get(*res, 0) : NULL;
}

static void test_layout__lookup_tier(void **state)
{
    glossa_results *res;
    const glossa_hit *h;
    (void)state;
    h = first(&res, "byajhvfwbjyyfz ,tpjgfcyjcnm", NULL, GLOSSA_MODE_AUTO);
    assert_non_null(h);
    assert_string_equal(h->id, "is");
    assert_int_equal(h->how, GLOSSA_MATCH_LAYOUT);
    assert_string_equal(glossa_match_kind_name(h->how), "layout");
    assert_string_equal(h->layout_typed, "us");
    assert_string_equal(h->layout_read, "ru");
    assert_string_equal(h->layout_text, "информационная безопасность");
    assert_string_equal(h->match_text, "информационная безопасность");
    glossa_results_free(res);
    /* an exact reading outranks the query's own prefix match ("b" of nothing here) */
    h = first(&res, "BRN", NULL, GLOSSA_MODE_AUTO);
    assert_non_null(h);
    assert_string_equal(h->id, "ict");
    assert_int_equal(h->how, GLOSSA_MATCH_LAYOUT);
    glossa_results_free(res);
    /* Cyrillic typed for Latin */
    h = first(&res, "сниукызфсу", NULL, GLOSSA_MODE_AUTO);
    assert_non_null(h);
    assert_string_equal(h->id, "cs");
    assert_string_equal(h->layout_typed, "ru");
    assert_string_equal(h->layout_read, "us");
    assert_string_equal(h->layout_text, "cyberspace");
    glossa_results_free(res);
    /* a correct query is not read in another layout */
    h = first(&res, "cyberspace", NULL, GLOSSA_MODE_AUTO);
    assert_int_equal(h->how, GLOSSA_MATCH_EXACT);
    assert_null(h->layout_text);
    assert_int_equal(glossa_results_count(res), 1);
    glossa_results_free(res);
    /* --from: a reading in none of its languages is not tried */
    assert_null(first(&res, "byajhvfwbjyyfz ,tpjgfcyjcnm", "en", GLOSSA_MODE_AUTO));
    glossa_results_free(res);
    assert_non_null(first(&res, "byajhvfwbjyyfz ,tpjgfcyjcnm", "ru", GLOSSA_MODE_AUTO));
    glossa_results_free(res);
    /* --mode layout: only readings */
    assert_null(first(&res, "cyberspace", NULL, GLOSSA_MODE_LAYOUT));
    glossa_results_free(res);
    h = first(&res, "rb,thghjcnhfycndj", NULL, GLOSSA_MODE_LAYOUT);
    assert_non_null(h);
    assert_string_equal(h->id, "cs");
    glossa_results_free(res);
    /* a reading with a typo: fuzzily, when no reading matched otherwise */
    h = first(&res, "rb,thghjcnhfycdj", NULL, GLOSSA_MODE_AUTO);
    assert_non_null(h);
    assert_string_equal(h->id, "cs");
    assert_int_equal(h->how, GLOSSA_MATCH_LAYOUT);
    glossa_results_free(res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout__every_key_round_trips),
        cmocka_unit_test(test_layout__letters_of_each_layout),
        cmocka_unit_test(test_layout__readings),
        cmocka_unit_test(test_layout__suspect),
        cmocka_unit_test(test_layout__lookup_tier),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
