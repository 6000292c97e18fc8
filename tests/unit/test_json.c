/*
** test_json.c — the one JSON string writer (src/lib/json.c): quotes and
** backslashes escaped, controls, C1 and bidi controls as \uXXXX, invalid
** UTF-8 as \ufffd, text as it is otherwise, a write error passed on.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <string.h>

static int collect(void *ud, const char *data, size_t len)
{
    return glossa__buf_add(ud, data, len);
}

static void expect_json(const char *in, size_t n, const char *want)
{
    struct glossa_buf b = GLOSSA_BUF_INIT;
    assert_int_equal(glossa_json_string(in, n, collect, &b), 0);
    assert_string_equal(glossa__buf_str(&b), want);
    glossa__buf_release(&b);
}

static void test_json__escapes(void **state)
{
    (void)state;
    expect_json("", 0, "\"\"");
    expect_json("информационная безопасность 信息安全", strlen("информационная безопасность 信息安全"),
                "\"информационная безопасность 信息安全\"");
    expect_json("a\"b\\c\nd\re\tf", 11, "\"a\\\"b\\\\c\\nd\\re\\tf\"");
    expect_json("\x1b[2J\x7f", 5, "\"\\u001b[2J\\u007f\"");
    /* C1 CSI, RLO, LRI, RLM, line separator */
    static const char c1_bidi[] = "\xC2\x9B" "31m \xE2\x80\xAE \xE2\x81\xA6 \xE2\x80\x8F \xE2\x80\xA8";
    expect_json(c1_bidi, sizeof c1_bidi - 1,
                "\"\\u009b31m \\u202e \\u2066 \\u200f \\u2028\"");
    /* not UTF-8: a lone byte, a cut character, an overlong form; a NUL kept */
    expect_json("\xFF" "a\xD0" "b\xC0\x80", 6, "\"\\ufffda\\ufffdb\\ufffd\\ufffd\"");
    expect_json("a\0b", 3, "\"a\\u0000b\"");
    /* ZWNJ, as Persian writes it, is not a control */
    expect_json("\xE2\x80\x8C", 3, "\"\xE2\x80\x8C\"");
}

static int fail_second(void *ud, const char *data, size_t len)
{
    int *calls = ud;
    (void)data, (void)len;
    return ++*calls == 2 ? 7 : 0;
}

static void test_json__write_error(void **state)
{
    int calls = 0;
    (void)state;
    assert_int_equal(glossa_json_string("abc", 3, fail_second, &calls), 7);
    assert_int_equal(calls, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json__escapes),
        cmocka_unit_test(test_json__write_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
