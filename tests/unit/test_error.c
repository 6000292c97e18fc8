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
    glossa__one_line(msg, sizeof msg);
    assert_null(strchr(msg, '\n'));
    assert_int_equal(glossa_utf8_valid(msg, strlen(msg)), 1);
    assert_non_null(strstr(msg, "line one line two"));
}

/* The one sanitiser: what every terminal line and message is made of. */
static void test_error__text_safe(void **state)
{
    static const char in[] = "a\033[31mb\xC2\x9B" "2J\xC2\x9D" "0;x\x07" "c\x7F"
                             "\xE2\x80\xAEytiruces\xE2\x81\xA6" "d\xD8\x9C\xE2\x80\x8F"
                             "\xFF\xD0\n\t\xE2\x80\xA8" "e \xD0\xB8\xE4\xBF\xA1";
    static const char want[] = "a\\u001B[31mb\\u009B2J\\u009D0;x\\u0007c\\u007F"
                               "\\u202Eytiruces\\u2066d\\u061C\\u200F"
                               "\xEF\xBF\xBD\xEF\xBF\xBD  \\u2028e \xD0\xB8\xE4\xBF\xA1";
    char out[256], small[12];
    (void)state;
    assert_int_equal(glossa_text_safe(out, sizeof out, in, sizeof in - 1), strlen(want));
    assert_string_equal(out, want);
    assert_int_equal(glossa_text_safe(NULL, 0, in, sizeof in - 1), strlen(want));
    /* cut between characters only, never inside an escape or a character */
    assert_int_equal(glossa_text_safe(small, sizeof small, in, sizeof in - 1), strlen(want));
    assert_string_equal(small, "a\\u001B[31m");
    assert_int_equal(glossa_text_safe(small, 5, in, sizeof in - 1), strlen(want));
    assert_string_equal(small, "a");
    assert_int_equal(glossa_text_safe(small, sizeof small, "\xD0\xB8\xD0\xB8\xD0\xB8\xD0\xB8"
                                      "\xD0\xB8\xD0\xB8", 12), 12);
    assert_string_equal(small, "\xD0\xB8\xD0\xB8\xD0\xB8\xD0\xB8\xD0\xB8");
    /* a NUL inside the text is a control too */
    assert_int_equal(glossa_text_safe(out, sizeof out, "a\0b", 3), 8);
    assert_string_equal(out, "a\\u0000b");
    assert_int_equal(glossa_char_is_unsafe(0x9B), 1);
    assert_int_equal(glossa_char_is_unsafe(0xA0), 0);
    assert_int_equal(glossa_char_is_unsafe(0x202F), 0);
}

static void test_error__one_line_controls(void **state)
{
    char msg[GLOSSA_ERROR_SIZE] = "no concept '\xC2\x9B" "31m\xE2\x80\xAE" "abc' in \033]0;t\x07";
    (void)state;
    glossa__one_line(msg, sizeof msg);
    assert_string_equal(msg, "no concept '\\u009B31m\\u202Eabc' in \\u001B]0;t\\u0007");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error__utf8_valid),
        cmocka_unit_test(test_error__one_line),
        cmocka_unit_test(test_error__text_safe),
        cmocka_unit_test(test_error__one_line_controls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
