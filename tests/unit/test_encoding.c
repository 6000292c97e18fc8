/*
** test_encoding.c — input that is not UTF-8 (src/lib/encoding.c): the
** legacy code page glossa_encoding_guess reads bytes in (CP1251, KOI8-R,
** CP866, GB18030, Big5, CP1256, CP1252), "probably" for short text, no guess
** for bytes that read as no text; glossa_text_check's exact messages; and
** glossa_lookup refusing such a query with GLOSSA_EINPUT.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <string.h>

/* «информационная безопасность» and «信息安全» etc. in legacy code pages
** (the bytes iconv gives) */
#define CP1251_IS "\xe8\xed\xf4\xee\xf0\xec\xe0\xf6\xe8\xee\xed\xed\xe0\xff\x20\xe1\xe5\xe7\xee\xef\xe0\xf1\xed\xee\xf1\xf2\xfc"
#define KOI8R_IS "\xc9\xce\xc6\xcf\xd2\xcd\xc1\xc3\xc9\xcf\xce\xce\xc1\xd1\x20\xc2\xc5\xda\xcf\xd0\xc1\xd3\xce\xcf\xd3\xd4\xd8"
#define CP866_IS "\xa8\xad\xe4\xae\xe0\xac\xa0\xe6\xa8\xae\xad\xad\xa0\xef\x20\xa1\xa5\xa7\xae\xaf\xa0\xe1\xad\xae\xe1\xe2\xec"
#define GB18030_IS "\xd0\xc5\xcf\xa2\xb0\xb2\xc8\xab"
#define BIG5_IS "\xb8\xea\xb0\x54\xa6\x77\xa5\xfe"
#define CP1256_IS "\xc3\xe3\xe4\x20\xc7\xe1\xe3\xda\xe1\xe6\xe3\xc7\xca"

static void expect_guess(const char *bytes, const char *name, int probably, const char *text)
{
    char *got = NULL;
    int p = -1;
    const char *n = glossa_encoding_guess(bytes, strlen(bytes), &p, &got);
    if (!name) {
        if (n)
            fail_msg("expected no guess, got %s «%s»", n, got ? got : "");
        assert_null(got);
        return;
    }
    if (!n || strcmp(n, name) != 0 || p != probably || !got || strcmp(got, text) != 0)
        fail_msg("expected %s%s «%s», got %s%s «%s»", probably ? "probably " : "", name, text,
                 p ? "probably " : "", n ? n : "nothing", got ? got : "");
    glossa_free(got);
}

static void test_encoding__guess(void **state)
{
    (void)state;
    expect_guess(CP1251_IS, "CP1251", 0, "информационная безопасность");
    expect_guess(KOI8R_IS, "KOI8-R", 0, "информационная безопасность");
    expect_guess(CP866_IS, "CP866", 0, "информационная безопасность");
    expect_guess(GB18030_IS, "GB18030", 0, "信息安全");
    expect_guess(BIG5_IS, "Big5", 0, "資訊安全");
    expect_guess(CP1256_IS, "CP1256", 0, "أمن المعلومات");
    expect_guess("s\xe9" "curit\xe9 de l'\xc9tat", "CP1252", 0, "sécurité de l'État");
    /* upper case, ASCII words beside, Latin inside a word split by a hyphen */
    expect_guess("\xc8\xcd\xd4\xce\xd0\xcc\xc0\xd6\xc8\xdf", "CP1251", 0, "ИНФОРМАЦИЯ");
    expect_guess("DDoS-\xe0\xf2\xe0\xea\xe0", "CP1251", 0, "DDoS-атака");
    /* three bytes: more than one code page reads them */
    expect_guess("\xe8\xed\xf4", "CP1251", 1, "инф");
    /* bytes no code page reads as text */
    expect_guess("x \xff", NULL, 1, NULL);
    expect_guess("\x01\x02\x81\x8d", NULL, 1, NULL);
    expect_guess("a\xff" "b\xd0", NULL, 1, NULL);
    expect_guess("", NULL, 1, NULL);
}

static void test_encoding__guess_arbitrary_bytes(void **state)
{
    char buf[64];
    unsigned seed = 7;
    int i, j;
    (void)state;
    for (i = 0; i < 2000; i++) {
        int n = 1 + i % 63, p;
        char *got = NULL;
        const char *name;
        for (j = 0; j < n; j++) {
            seed = seed * 1103515245u + 12345u;
            buf[j] = (char)((seed >> 16) & 0xff);
        }
        name = glossa_encoding_guess(buf, (size_t)n, &p, &got);
        if (name) /* whatever it read is UTF-8 text */
            assert_true(got && glossa_utf8_valid(got, strlen(got)));
        else
            assert_null(got);
        glossa_free(got);
    }
}

static void test_encoding__check_messages(void **state)
{
    glossa_error err;
    char *reading = NULL;
    (void)state;
    assert_int_equal(glossa_text_check("the query", "информация", strlen("информация"), &reading, &err), 0);
    assert_null(reading);
    assert_int_equal(glossa_text_check("the query", CP1251_IS, strlen(CP1251_IS), &reading, &err),
                     GLOSSA_EINPUT);
    assert_string_equal(err.msg, "the query is not UTF-8 (byte 0xE8 at offset 0); it reads as "
                                 "CP1251 «информационная безопасность»");
    assert_string_equal(reading, "информационная безопасность");
    glossa_free(reading);
    assert_int_equal(glossa_text_check("the line", "ok " KOI8R_IS, strlen(KOI8R_IS) + 3, NULL, &err),
                     GLOSSA_EINPUT);
    assert_string_equal(err.msg, "the line is not UTF-8 (byte 0xC9 at offset 3); it reads as "
                                 "KOI8-R «ok информационная безопасность»");
    assert_int_equal(glossa_text_check("the query", "\xe8\xed\xf4", 3, NULL, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "the query is not UTF-8 (byte 0xE8 at offset 0); it probably "
                                 "reads as CP1251 «инф»");
    assert_int_equal(glossa_text_check("parameter q", "x \xff", 3, &reading, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "parameter q is not UTF-8 (byte 0xFF at offset 2)");
    assert_null(reading);
    assert_int_equal(glossa_text_check("the query", "a\0b", 3, &reading, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "the query has a NUL byte (at offset 1)");
    /* a long reading is shown cut, at a character */
    {
        char many[400] = "";
        int i;
        for (i = 0; i < 10; i++)
            strcat(many, CP1251_IS " ");
        assert_int_equal(glossa_text_check("the line", many, strlen(many), NULL, &err), GLOSSA_EINPUT);
        assert_string_equal(err.msg, "the line is not UTF-8 (byte 0xE8 at offset 0); it reads as "
                                     "CP1251 «информационная безопасность информационн…»");
    }
}

static char *dir;
static glossa_db *db;

static void test_encoding__lookup_refuses(void **state)
{
    glossa_results *res = NULL;
    glossa_error err;
    (void)state;
    assert_int_equal(th_setup_index(state, &dir, &db, SRC_DIR "/tests/data/good/mini.xml", NULL), 0);
    assert_int_equal(glossa_lookup(db, GB18030_IS, NULL, &res, &err), GLOSSA_EINPUT);
    assert_null(res);
    assert_string_equal(err.msg, "the query is not UTF-8 (byte 0xD0 at offset 0); it reads as "
                                 "GB18030 «信息安全»");
    assert_int_equal(glossa_lookup(db, "信息安全", NULL, &res, &err), 0);
    assert_string_equal(glossa_results_get(res, 0)->id, "information-security");
    glossa_results_free(res);
    th_teardown_index(state, &dir, &db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encoding__guess),
        cmocka_unit_test(test_encoding__guess_arbitrary_bytes),
        cmocka_unit_test(test_encoding__check_messages),
        cmocka_unit_test(test_encoding__lookup_refuses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
