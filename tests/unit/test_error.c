/*
** test_error.c — error messages and text checks (src/lib/error.c):
** glossa_utf8_valid on well-formed and broken UTF-8, and glossa__one_line
** making a message one printable line.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <string.h>

static void test_error__utf8_valid(void **state)
{
    (void)state;
    assert_int_equal(glossa_utf8_valid("", 0), 1);
    assert_int_equal(glossa_utf8_valid("abc", 3), 1);
    assert_int_equal(glossa_utf8_valid("информация 信息 👍", strlen("информация 信息 👍")), 1);
    assert_int_equal(glossa_utf8_valid("a\0b", 3), 0);             /* NUL */
    assert_int_equal(glossa_utf8_valid("\xC0\xAF", 2), 0);         /* overlong '/' */
    assert_int_equal(glossa_utf8_valid("\xE0\x80\xAF", 3), 0);     /* overlong, 3 bytes */
    assert_int_equal(glossa_utf8_valid("\xED\xA0\x80", 3), 0);     /* surrogate U+D800 */
    assert_int_equal(glossa_utf8_valid("\xF4\x90\x80\x80", 4), 0); /* past U+10FFFF */
    assert_int_equal(glossa_utf8_valid("\xFF", 1), 0);
    assert_int_equal(glossa_utf8_valid("\x80", 1), 0);             /* lone continuation */
    /* a sequence cut by the length is invalid, whatever follows in memory */
    assert_int_equal(glossa_utf8_valid("\xD0\xB8", 1), 0);
    assert_int_equal(glossa_utf8_valid("\xE4\xBF\xA1", 2), 0);
    assert_int_equal(glossa_utf8_valid("\xE4\xBF\xA1", 3), 1);
}

static void test_error__one_line(void **state)
{
    char msg[] = "line one\nline two\t\xFF end";
    (void)state;
    glossa__one_line(msg);
    assert_null(strchr(msg, '\n'));
    assert_int_equal(glossa_utf8_valid(msg, strlen(msg)), 1);
    assert_non_null(strstr(msg, "line one line two"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error__utf8_valid),
        cmocka_unit_test(test_error__one_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
