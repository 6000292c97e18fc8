/*
** test_xml_in.c — the one check of the characters of text fields
** (glossa__text_refused in src/lib/xml_in.c): what is refused in every
** field, what only in terms, ZWNJ/ZWJ kept after letters of scripts that
** use them, the size bounds, and the exact wording of the reason.
*/
#include "helpers.h"
#include "xml_in.h"

#include <stdlib.h>
#include <string.h>

static const char *why_of(const char *s, int kind)
{
    static char why[160];
    return glossa__text_refused(s, kind, why, sizeof why) ? why : NULL;
}

static void test_xml_in__everywhere(void **state)
{
    (void)state;
    assert_null(why_of("информационная безопасность", TEXT_FIELD));
    assert_null(why_of("tab\tand\nnewline", TEXT_FIELD));
    assert_string_equal(why_of("a\xc2\x9b" "b", TEXT_TERM), "contains U+009B (a control character)");
    assert_string_equal(why_of("a\x7f", TEXT_FIELD), "contains U+007F (a control character)");
    assert_string_equal(why_of("a\x01", TEXT_FIELD), "contains U+0001 (a control character)");
    assert_string_equal(why_of("x \xe2\x80\xae" "y", TEXT_FIELD),
                        "contains U+202E (a bidirectional control character)");
    assert_string_equal(why_of("\xe2\x81\xa9", TEXT_FIELD),
                        "contains U+2069 (a bidirectional control character)");
    assert_null(why_of("\xe2\x80\xaf", TEXT_FIELD)); /* U+202F, a no-break space */
}

static void test_xml_in__terms(void **state)
{
    (void)state;
    /* invisible characters: only terms refuse them */
    assert_null(why_of("a\xe2\x80\x8b" "b", TEXT_FIELD));
    assert_string_equal(why_of("a\xe2\x80\x8b" "b", TEXT_TERM),
                        "contains U+200B (an invisible zero-width character)");
    assert_string_equal(why_of("a\xef\xbb\xbf", TEXT_TERM),
                        "contains U+FEFF (an invisible zero-width character)");
    assert_string_equal(why_of("\xe2\x81\xa0", TEXT_TERM),
                        "contains U+2060 (an invisible zero-width character)");
    assert_string_equal(why_of("a\xe2\x80\x8e", TEXT_TERM),
                        "contains U+200E (an invisible direction mark)");
    assert_string_equal(why_of("\xd8\xa7\xd8\x9c", TEXT_TERM),
                        "contains U+061C (an invisible direction mark)");
    /* ZWNJ in Persian (بین‌المللی, and at a word's end), ZWJ in Devanagari: kept */
    assert_null(why_of("بین\xe2\x80\x8cالمللی", TEXT_TERM));
    assert_null(why_of("دریچه\xe2\x80\x8c", TEXT_TERM));
    assert_null(why_of("क्\xe2\x80\x8dष", TEXT_TERM));
    /* in Latin or Cyrillic, or at the start: refused */
    assert_non_null(why_of("in\xe2\x80\x8c" "formation", TEXT_TERM));
    assert_non_null(why_of("ин\xe2\x80\x8dформация", TEXT_TERM));
    assert_non_null(why_of("\xe2\x80\x8cبین", TEXT_TERM));
}

static void test_xml_in__sizes(void **state)
{
    char *s = malloc(TEXT_FIELD_MAX + 2);
    (void)state;
    assert_non_null(s);
    memset(s, 'x', TEXT_TERM_MAX);
    s[TEXT_TERM_MAX] = '\0';
    assert_null(why_of(s, TEXT_TERM));
    s[TEXT_TERM_MAX] = 'x';
    s[TEXT_TERM_MAX + 1] = '\0';
    assert_string_equal(why_of(s, TEXT_TERM), "is longer than 4096 bytes (glossa's limit): refused");
    assert_null(why_of(s, TEXT_FIELD));
    memset(s, 'x', TEXT_FIELD_MAX + 1);
    s[TEXT_FIELD_MAX + 1] = '\0';
    assert_string_equal(why_of(s, TEXT_FIELD),
                        "is longer than 1048576 bytes (glossa's limit): refused");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_in__everywhere),
        cmocka_unit_test(test_xml_in__terms),
        cmocka_unit_test(test_xml_in__sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
