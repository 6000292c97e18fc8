/*
** test_states.c — the member states from data (src/lib/states.c): the
** bundled glossary/states/member-states.xml whole (ten states, their names,
** no competent authority invented, the bodies named for information security
** each with its source), a state found by its code in any case,
** one that is no member not found, and each broken file refused with its
** line and what is wrong.
*/
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#define STATES SRC_DIR "/glossary/states/member-states.xml"

static void test_states__bundled(void **state)
{
    glossa_states *s;
    glossa_error err;
    const glossa_state *kz;
    size_t i;
    (void)state;
    assert_int_equal(glossa_states_load(&s, STATES, &err), 0);
    assert_int_equal(glossa_states_count(s), 10);
    assert_string_equal(glossa_states_codes(s), "IN IR KZ CN KG PK RU TJ UZ BY");
    kz = glossa_states_find(s, "kz");
    assert_non_null(kz);
    assert_ptr_equal(kz, glossa_states_find(s, "KZ"));
    assert_ptr_equal(kz, glossa_states_find(s, "Kz"));
    assert_string_equal(kz->code, "KZ");
    assert_string_equal(kz->name_en, "Republic of Kazakhstan");
    assert_string_equal(kz->name_ru, "Республика Казахстан");
    assert_string_equal(kz->name_zh, "哈萨克斯坦共和国");
    assert_string_equal(glossa_states_find(s, "by")->name_ru, "Республика Беларусь");
    for (i = 0; i < glossa_states_count(s); i++) /* none designated yet: none invented */
        assert_null(glossa_states_get(s, i)->authority);
    /* the bodies named for information security: six states, each with its source */
    {
        const glossa_state *cn = glossa_states_find(s, "CN"), *in = glossa_states_find(s, "IN");
        size_t named = 0;
        assert_string_equal(cn->security_body, "国家网信部门");
        assert_string_equal(cn->security_body_lang, "zh");
        assert_string_equal(cn->security_body_source, "中华人民共和国网络安全法 (2016-11-07), 第八条");
        assert_string_equal(cn->security_body_url, "https://jiaobu365.com/new/71506");
        assert_string_equal(cn->security_body_quote,
                            "国家网信部门负责统筹协调网络安全工作和相关监督管理工作。");
        assert_int_equal(cn->security_body_reliability, 2);
        assert_string_equal(in->security_body, "Indian Computer Emergency Response Team");
        assert_int_equal(in->security_body_reliability, 3);
        assert_string_equal(glossa_states_find(s, "RU")->security_body_source,
                            "Указ Президента Российской Федерации от 22.12.2017 № 620 «О "
                            "совершенствовании государственной системы обнаружения, "
                            "предупреждения и ликвидации последствий компьютерных атак на "
                            "информационные ресурсы Российской Федерации»");
        for (i = 0; i < glossa_states_count(s); i++) {
            const glossa_state *st = glossa_states_get(s, i);
            named += st->security_body != NULL;
            if (!st->security_body) /* no source named one: nothing at all */
                assert_true(!st->security_body_lang && !st->security_body_source &&
                            !st->security_body_url && !st->security_body_quote &&
                            !st->security_body_reliability);
        }
        assert_int_equal(named, 6);
        assert_null(glossa_states_find(s, "KG")->security_body);
        assert_null(glossa_states_find(s, "BY")->security_body);
    }
    assert_null(glossa_states_get(s, 10));
    assert_null(glossa_states_find(s, "QZ"));
    assert_null(glossa_states_find(s, "K"));
    assert_null(glossa_states_find(s, "KZZ"));
    assert_null(glossa_states_find(s, ""));
    assert_null(glossa_states_find(s, NULL));
    glossa_states_free(s);
}

#define HEAD                                                                               \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                       \
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" type=\"states\"><text><body>\n"        \
    "<listOrg type=\"member-states\">\n"
#define TAIL "</listOrg></body></text></TEI>\n"
#define NAMES                                                                              \
    "<orgName xml:lang=\"en\">E</orgName><orgName xml:lang=\"ru\">Р</orgName>"            \
    "<orgName xml:lang=\"zh\">中</orgName>"
#define NOT_NAMED "<org type=\"competent-authority\" subtype=\"not-yet-named\"><orgName/></org>"
#define STATE(code, rest) "<org type=\"state\"><idno type=\"ISO3166-1\">" code "</idno>" rest "</org>\n"

#define SECURITY_SOURCE                                                                    \
    "<bibl><title>Act No. 1</title><citedRange>art. 2</citedRange><quote>The Body is "   \
    "competent.</quote><idno type=\"url\">https://example.org/act</idno>"                \
    "<note type=\"reliability\">3</note></bibl>"
#define SECURITY(lang, name)                                                               \
    "<org type=\"information-security-body\"><orgName xml:lang=\"" lang "\">" name          \
    "</orgName>" SECURITY_SOURCE "</org>"

static void test_states__security_body(void **state)
{
    char *dir = th_mkdtemp();
    const char *path = th_path(dir, "s.xml");
    glossa_states *s;
    glossa_error err;
    const glossa_state *st;
    (void)state;
    th_write(path, HEAD STATE("AA", NAMES NOT_NAMED SECURITY("kk", " The Body ")) TAIL);
    assert_int_equal(glossa_states_load(&s, path, &err), 0);
    st = glossa_states_find(s, "aa");
    assert_null(st->authority); /* the terminology authority stays not yet named */
    assert_string_equal(st->security_body, "The Body");
    assert_string_equal(st->security_body_lang, "kk");
    assert_string_equal(st->security_body_source, "Act No. 1, art. 2");
    assert_string_equal(st->security_body_url, "https://example.org/act");
    assert_string_equal(st->security_body_quote, "The Body is competent.");
    assert_int_equal(st->security_body_reliability, 3);
    glossa_states_free(s);
    th_rmdir(dir);
}

static void test_states__named_authority(void **state)
{
    char *dir = th_mkdtemp();
    const char *path = th_path(dir, "s.xml");
    glossa_states *s;
    glossa_error err;
    (void)state;
    th_write(path, HEAD STATE("AA", NAMES "<org type=\"competent-authority\"><orgName>"
                                     "  Terminology Committee </orgName></org>") TAIL);
    assert_int_equal(glossa_states_load(&s, path, &err), 0);
    assert_string_equal(glossa_states_find(s, "aa")->authority, "Terminology Committee");
    glossa_states_free(s);
    th_rmdir(dir);
}

static void test_states__refused(void **state)
{
    static const struct {
        const char *xml;
        long line;
        const char *msg;
    } cases[] = {
        { HEAD STATE("kz", NAMES NOT_NAMED) TAIL, 4,
          "a state's code is ISO 3166-1 alpha-2 in capitals (KZ), not 'kz'" },
        { HEAD STATE("KZ", NAMES NOT_NAMED) STATE("KZ", NAMES NOT_NAMED) TAIL, 5,
          "state KZ is listed twice" },
        { HEAD STATE("KZ", "<orgName xml:lang=\"en\">E</orgName>" NOT_NAMED) TAIL, 4,
          "state KZ has its name in English, Russian and Chinese (<orgName xml:lang=\"en|ru|zh\">)" },
        { HEAD STATE("KZ", NAMES) TAIL, 4, "state KZ has one <org type=\"competent-authority\">" },
        { HEAD STATE("KZ", NAMES "<org type=\"competent-authority\"><orgName/></org>") TAIL, 4,
          "a competent authority without a name is marked subtype=\"not-yet-named\"" },
        { HEAD STATE("KZ", NAMES "<org type=\"competent-authority\" subtype=\"not-yet-named\">"
                           "<orgName>Made up</orgName></org>") TAIL, 4,
          "a named competent authority is not marked subtype=\"not-yet-named\"" },
        { HEAD STATE("KZ", NAMES NOT_NAMED "\n<org type=\"information-security-body\">"
                           "<orgName xml:lang=\"kk\">Body</orgName></org>") TAIL, 5,
          "information-security body 'Body' has no source (a <bibl> with the act, the "
          "sentence that names it and the address read)" },
        { HEAD STATE("KZ", NAMES NOT_NAMED "\n<org type=\"information-security-body\">"
                           "<orgName>Body</orgName>" SECURITY_SOURCE "</org>") TAIL, 5,
          "an information-security body has its name as the source prints it "
          "(<orgName xml:lang=\"…\">)" },
        { HEAD STATE("KZ", NAMES NOT_NAMED "\n" SECURITY("x y", "Body")) TAIL, 5,
          "an information-security body has its name as the source prints it "
          "(<orgName xml:lang=\"…\">)" },
        { HEAD STATE("KZ", NAMES NOT_NAMED "<org type=\"information-security-body\">"
                           "<orgName xml:lang=\"kk\">Body</orgName>\n<bibl><title>Act</title>"
                           "<quote>Body is.</quote><note type=\"reliability\">2</note></bibl></org>") TAIL, 5,
          "the source of information-security body 'Body' has the act (<title>), the sentence "
          "that names it (<quote>) and the address read (<idno type=\"url\"> or <ptr target>)" },
        { HEAD STATE("KZ", NAMES NOT_NAMED "<org type=\"information-security-body\">"
                           "<orgName xml:lang=\"kk\">Body</orgName>\n<bibl><title>Act</title>"
                           "<quote>Body is.</quote><ptr target=\"https://example.org/\"/>"
                           "<note type=\"reliability\">5</note></bibl></org>") TAIL, 5,
          "the source of information-security body 'Body' has its reliability, 1 to 4 "
          "(<note type=\"reliability\">)" },
        { HEAD STATE("KZ", NAMES NOT_NAMED SECURITY("kk", "A") "\n" SECURITY("kk", "B")) TAIL, 5,
          "a state has at most one <org type=\"information-security-body\">" },
        { HEAD "<org type=\"x\"/>\n" TAIL, 4,
          "<listOrg type=\"member-states\"> holds <org type=\"state\">" },
        { HEAD TAIL, 3, "no states" },
        { "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>\n", 1,
          "not a list of member states: <TEI type=\"states\"> with <listOrg type=\"member-states\">" },
    };
    char *dir = th_mkdtemp();
    const char *path = th_path(dir, "s.xml");
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        glossa_states *s = NULL;
        glossa_error err;
        th_write(path, cases[i].xml);
        assert_int_equal(glossa_states_load(&s, path, &err), GLOSSA_ESCHEMA);
        assert_null(s);
        assert_string_equal(err.msg, cases[i].msg);
        assert_int_equal(err.line, cases[i].line);
        assert_string_equal(err.file, path);
    }
    th_rmdir(dir);
}

static void test_states__missing(void **state)
{
    glossa_states *s = NULL;
    glossa_error err;
    (void)state;
    assert_int_not_equal(glossa_states_load(&s, SRC_DIR "/no-such-states.xml", &err), 0);
    assert_null(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_states__bundled),
        cmocka_unit_test(test_states__named_authority),
        cmocka_unit_test(test_states__security_body),
        cmocka_unit_test(test_states__refused),
        cmocka_unit_test(test_states__missing),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
