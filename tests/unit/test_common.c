/*
** test_common.c — src/common, what the CLI and the web server share: the
** typed value checks and their exact messages (the CLI prefixes them with
** "glossa CMD: --", the web API answers them as they are), lookup's mode
** values against the library's own names, and the wordings the text, the
** page and the JSON share (source and basis, dates in force, status).
*/
#include "helpers.h"
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_common__int(void **state)
{
    char msg[256];
    long num = 0;
    (void)state;
    assert_int_equal(value_int("limit", 0, 1, 1000, "1000", -1, &num, msg, sizeof msg), 0);
    assert_int_equal(num, 1000);
    static const char *const bad[] = { "0", "1001", "", "x", "10x", "5 ", "99999999999999999999" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char want[256];
        snprintf(want, sizeof want, "limit must be a whole number from 1 to 1000, not '%s'", bad[i]);
        assert_int_equal(value_int("limit", 0, 1, 1000, bad[i], -1, &num, msg, sizeof msg), -1);
        assert_string_equal(msg, want);
    }
    assert_int_equal(value_int("grace", 1, 0, 3600, "-1", -1, &num, msg, sizeof msg), -1);
    assert_string_equal(msg, "grace must be a whole number of seconds from 0 to 3600, not '-1'");
    /* the web API shows at most 40 bytes of what it was sent */
    assert_int_equal(value_int("limit", 0, 1, 1000, "123456789012345678901234567890123456789012345",
                               40, &num, msg, sizeof msg), -1);
    assert_string_equal(msg, "limit must be a whole number from 1 to 1000, "
                             "not '1234567890123456789012345678901234567890'");
}

static void test_common__ratio(void **state)
{
    char msg[256];
    double x = 0;
    (void)state;
    assert_int_equal(value_ratio("min-score", "0.25", -1, &x, msg, sizeof msg), 0);
    assert_true(x == 0.25);
    assert_int_equal(value_ratio("min-score", "nan", -1, &x, msg, sizeof msg), -1);
    assert_string_equal(msg, "min-score must be a number from 0 to 1, not 'nan'");
    assert_int_equal(value_ratio("min-score", "1.5", -1, &x, msg, sizeof msg), -1);
}

static void test_common__enum(void **state)
{
    char msg[512], list[512];
    long num = -1;
    (void)state;
    assert_int_equal(value_enum("in", LOOKUP_IN, "definitions", -1, &num, msg, sizeof msg), 0);
    assert_int_equal(num, 1);
    /* the note after a value is for help, not part of the value */
    assert_int_equal(value_enum("in", LOOKUP_IN, "definitions (full", -1, &num, msg, sizeof msg), -1);
    assert_int_equal(value_enum("in", LOOKUP_IN, "nowhere", -1, &num, msg, sizeof msg), -1);
    assert_string_equal(msg, "in must be terms or definitions, not 'nowhere'");
    assert_int_equal(value_index("text|json", "json"), 1);
    assert_int_equal(value_index("text|json", "jso"), -1);
    value_list_text(LOOKUP_IN, 1, list, sizeof list);
    assert_string_equal(list, "terms (default) or definitions (full text of definitions and notes)");
    value_list_text("auto (default: only on a terminal)|always|never", 1, list, sizeof list);
    assert_string_equal(list, "auto (default: only on a terminal), always or never");
}

/* Every mode the options offer is one the library takes, and the other way
** round: the names glossa_match_kind_name gives, and auto. */
static void test_common__modes_are_the_library_s(void **state)
{
    char list[512], *item, *save = NULL;
    size_t n = 0;
    glossa_mode m;
    (void)state;
    snprintf(list, sizeof list, "%s", LOOKUP_MODES);
    for (item = strtok_r(list, "|", &save); item; item = strtok_r(NULL, "|", &save), n++)
        assert_int_equal(glossa_mode_parse(item, &m), 0);
    for (int k = GLOSSA_MATCH_EXACT; strcmp(glossa_match_kind_name((glossa_match_kind)k), "unknown");
         k++)
        assert_true(value_index(LOOKUP_MODES, glossa_match_kind_name((glossa_match_kind)k)) > 0);
    assert_int_equal(value_index(LOOKUP_MODES, "auto"), 0);
    assert_int_equal(n, 11);
}

static void collect(FILE *f, const char *s)
{
    fprintf(f, "[%s]", s);
}

static char *dates(const char *from, const char *to)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    render_dates(f, from, to, collect);
    fclose(f);
    return buf;
}

static void test_common__wordings(void **state)
{
    glossa_definition d;
    char *s;
    (void)state;
    memset(&d, 0, sizeof d);
    d.source = "SCO 2009";
    s = render_source(&d);
    assert_string_equal(s, "SCO 2009");
    free(s);
    d.basis = "reconstruction";
    s = render_source(&d);
    assert_non_null(glossa_basis_note("reconstruction"));
    {
        char want[512];
        snprintf(want, sizeof want, "SCO 2009 (%s)", glossa_basis_note("reconstruction"));
        assert_string_equal(s, want);
    }
    free(s);
    d.source = NULL;
    s = render_source(&d);
    assert_true(s[0] == ' ' && s[1] == '(');
    free(s);

    s = dates(NULL, NULL);
    assert_string_equal(s, "");
    free(s);
    s = dates("2009-06-16", NULL);
    assert_string_equal(s, "in force from [2009-06-16]");
    free(s);
    s = dates("2009-06-16", "2020-01-01");
    assert_string_equal(s, "in force from [2009-06-16] until [2020-01-01]");
    free(s);
    s = dates(NULL, "2020-01-01");
    assert_string_equal(s, "in force until [2020-01-01]");
    free(s);
    assert_string_equal(render_status_text("in-force"), "in force");
    assert_string_equal(render_status_text("superseded"), "superseded");
}

/* A national act as cited, whole and in parts; the relation as said to people. */
static void test_common__national_wordings(void **state)
{
    glossa_legal l;
    char *s;
    (void)state;
    memset(&l, 0, sizeof l);
    l.act_id = "kz-418-v";
    s = glossa_legal_cite(&l);
    assert_string_equal(s, "«kz-418-v»");
    glossa_free(s);
    l.act = "Об информатизации";
    l.number = "418-V";
    l.adopted = "2015-11-24";
    l.article = "статья 1";
    s = glossa_legal_cite(&l);
    assert_string_equal(s, "418-V «Об информатизации» (2015-11-24), статья 1");
    glossa_free(s);
    assert_string_equal(glossa_relation_label("same"), "the same notion");
    assert_string_equal(glossa_relation_label("broader"), "broader notion");
    assert_string_equal(glossa_relation_label("narrower"), "narrower notion");
    assert_string_equal(glossa_relation_label("related"), "related notion");
    assert_string_equal(glossa_relation_label("other"), "other");
    assert_string_equal(glossa_relation_mark("same"), "=");
    assert_string_equal(glossa_relation_mark("narrower"), "<");
    assert_string_equal(glossa_relation_mark("broader"), ">");
    assert_string_equal(glossa_relation_mark("related"), "~");
    assert_string_equal(glossa_relation_label(NULL), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_common__int),
        cmocka_unit_test(test_common__ratio),
        cmocka_unit_test(test_common__enum),
        cmocka_unit_test(test_common__modes_are_the_library_s),
        cmocka_unit_test(test_common__wordings),
        cmocka_unit_test(test_common__national_wordings),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
