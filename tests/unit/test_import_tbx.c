/*
** test_import_tbx.c — reading TBX (src/lib/import_tbx.c, tei_write.c):
** TBX 2019 DCA and DCT style and TBX 2008 tig/ntig give the same TEI; language
** tags in BCP 47 case with their scripts (a bare uz gets its script from the
** text), --lang-map, languages and concepts left out with warnings; statuses,
** ids, cross-references; DOCTYPE rules; TEI → TBX → TEI through the public
** API; and no leak or crash when any allocation fails.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char warnings[16384];

static void on_warning(const glossa_error *d, void *userdata)
{
    size_t n = strlen(warnings);
    (void)userdata;
    assert_int_equal(d->code, GLOSSA_OK);
    snprintf(warnings + n, sizeof warnings - n, "%ld: %s\n", d->line, d->msg);
}

/* Import text (written to a scratch file); returns the TEI or NULL with *rc. */
static char *import_text(const char *text, const char *lang_map, const char *prefix,
                         glossa_exchange_stats *stats, int *rc_out, glossa_error *err)
{
    char *dir = th_mkdtemp(), *out = NULL;
    char path[4096];
    glossa_import_opts opts = GLOSSA_IMPORT_OPTS_INIT;
    size_t len = 0;
    int rc;
    snprintf(path, sizeof path, "%s", th_path(dir, "t.tbx"));
    th_write(path, text);
    opts.lang_map = lang_map;
    opts.id_prefix = prefix;
    opts.on_warning = on_warning;
    warnings[0] = '\0';
    rc = glossa_import_tbx(path, &opts, &out, &len, stats, err);
    th_rmdir(dir);
    if (rc_out)
        *rc_out = rc;
    if (!rc)
        assert_int_equal(strlen(out), len);
    return rc ? NULL : out;
}

static char *import_ok(const char *text, const char *lang_map, glossa_exchange_stats *stats)
{
    glossa_error err;
    int rc;
    char *tei = import_text(text, lang_map, NULL, stats, &rc, &err);
    if (rc)
        fail_msg("import failed: %d %s:%ld: %s", rc, err.file, err.line, err.msg);
    return tei;
}

/* The TEI entries only (from <body>). */
static const char *body(const char *tei)
{
    const char *b = strstr(tei, "<body>");
    assert_non_null(b);
    return b;
}

#define V2019_HEAD "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" " \
    "xmlns=\"urn:iso:std:iso:30042:ed-2\"><tbxHeader><fileDesc><sourceDesc><p>s</p></sourceDesc>" \
    "</fileDesc></tbxHeader><text><body>\n"
#define V2019_TAIL "</body></text></tbx>\n"

static const char dca[] = V2019_HEAD
    "<conceptEntry id=\"c1\"><langSec xml:lang=\"ru\">"
    "<descripGrp><descrip type=\"definition\">определение</descrip><admin type=\"source\">Law 1</admin></descripGrp>"
    "<termSec><term>термин</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>"
    "<termNote type=\"termType\">fullForm</termNote></termSec></langSec>"
    "<langSec xml:lang=\"en\"><termSec><term>term</term>"
    "<termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote></termSec></langSec>"
    "</conceptEntry>\n" V2019_TAIL;

static const char dct[] =
    "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dct\" xml:lang=\"en\" "
    "xmlns=\"urn:iso:std:iso:30042:ed-2\" xmlns:min=\"http://www.tbxinfo.net/ns/min\" "
    "xmlns:basic=\"http://www.tbxinfo.net/ns/basic\"><tbxHeader><fileDesc><sourceDesc><p>s</p>"
    "</sourceDesc></fileDesc></tbxHeader><text><body>\n"
    "<conceptEntry id=\"c1\"><langSec xml:lang=\"ru\">"
    "<descripGrp><basic:definition>определение</basic:definition><basic:source>Law 1</basic:source></descripGrp>"
    "<termSec><term>термин</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>"
    "<basic:termType>fullForm</basic:termType></termSec></langSec>"
    "<langSec xml:lang=\"en\"><termSec><term>term</term>"
    "<min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus></termSec></langSec>"
    "</conceptEntry>\n" V2019_TAIL;

static const char v2008[] =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE martif SYSTEM \"TBXcoreStructV02[1].dtd\">\n"
    "<martif type=\"TBX\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>s</p></sourceDesc>"
    "</fileDesc></martifHeader><text><body>\n"
    "<termEntry id=\"c1\"><langSet xml:lang=\"ru\">"
    "<descripGrp><descrip type=\"definition\">определение</descrip><admin type=\"source\">Law 1</admin></descripGrp>"
    "<ntig><termGrp><term>термин</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>"
    "<termNote type=\"termType\">fullForm</termNote></termGrp></ntig></langSet>"
    "<langSet xml:lang=\"en\"><tig><term>term</term>"
    "<termNote type=\"normativeAuthorization\">admittedTerm-admn-sts</termNote></tig></langSet>"
    "</termEntry>\n</body></text></martif>\n";

static void test_import_tbx__styles_and_versions_agree(void **state)
{
    glossa_exchange_stats stats;
    char *a = import_ok(dca, NULL, &stats), *b = import_ok(dct, NULL, NULL),
         *c = import_ok(v2008, NULL, NULL);
    (void)state;
    assert_int_equal(stats.concepts, 1);
    assert_int_equal(stats.terms, 2);
    assert_int_equal(stats.definitions, 1);
    assert_int_equal(stats.skipped_concepts + stats.skipped_terms + stats.dropped, 0);
    assert_string_equal(body(a), body(b));
    assert_string_equal(body(a), body(c));
    assert_non_null(strstr(a,
        "      <entry xml:id=\"c1\" type=\"concept\" source=\"#imported-tbx\">\n"
        "        <usg type=\"status\">proposed</usg>\n"
        "        <usg type=\"reliability\">1</usg>\n"
        "        <form type=\"term\" xml:lang=\"ru\">\n"
        "          <orth>термин</orth>\n"
        "          <usg type=\"status\">preferred</usg>\n"
        "          <usg type=\"termType\">fullForm</usg>\n"
        "        </form>\n"
        "        <form type=\"term\" xml:lang=\"en\">\n"
        "          <orth>term</orth>\n"
        "          <usg type=\"status\">admitted</usg>\n"
        "        </form>\n"
        "        <sense>\n"
        "          <def xml:lang=\"ru\" source=\"#law-1\">определение</def>\n"
        "        </sense>\n"
        "      </entry>\n"));
    assert_non_null(strstr(a, "<bibl xml:id=\"law-1\" type=\"other\"><title>Law 1</title></bibl>"));
    glossa_free(a);
    glossa_free(b);
    glossa_free(c);
}

static void test_import_tbx__languages(void **state)
{
    static const char text[] = V2019_HEAD
        "<conceptEntry id=\"c1\">"
        "<langSec xml:lang=\"RU\"><termSec><term>безопасность</term></termSec></langSec>"
        "<langSec xml:lang=\"zh_cn\"><termSec><term>安全</term></termSec></langSec>"
        "<langSec xml:lang=\"uz\"><termSec><term>xavfsizlik</term></termSec></langSec>"
        "<langSec xml:lang=\"UZ-cyrl\"><termSec><term>хавфсизлик</term></termSec></langSec>"
        "<langSec xml:lang=\"kk-kz\"><termSec><term>қауіпсіздік</term></termSec></langSec>"
        "<langSec xml:lang=\"zh-hant-tw\"><termSec><term>資安</term></termSec></langSec>"
        "<langSec xml:lang=\"sr-Latn\"><termSec><term>bezbednost</term></termSec>"
        "<termSec><term>sigurnost</term></termSec></langSec>"
        "<langSec xml:lang=\"xx\"><termSec><term>x</term></termSec></langSec>"
        "</conceptEntry>\n" V2019_TAIL;
    glossa_exchange_stats stats;
    char *t = import_ok(text, NULL, &stats);
    (void)state;
    assert_non_null(strstr(t, "xml:lang=\"ru\">\n          <orth>безопасность"));
    assert_non_null(strstr(t, "xml:lang=\"zh-CN\">\n          <orth>安全"));
    assert_non_null(strstr(t, "xml:lang=\"uz-Latn\">\n          <orth>xavfsizlik"));
    assert_non_null(strstr(t, "xml:lang=\"uz-Cyrl\">\n          <orth>хавфсизлик"));
    assert_non_null(strstr(t, "xml:lang=\"kk-KZ\">"));
    assert_non_null(strstr(t, "xml:lang=\"zh-Hant-TW\">"));
    assert_null(strstr(t, "bezbednost"));
    assert_int_equal(stats.skipped_terms, 3);
    assert_non_null(strstr(warnings, "language 'uz' names no script: read as 'uz-Latn'"));
    assert_non_null(strstr(warnings, "language 'sr-Latn' is not a member language: 2 terms left out"));
    assert_non_null(strstr(warnings, "language 'xx' is not a member language: 1 term left out"));
    glossa_free(t);
    t = import_ok(text, "sr-latn=uz-Latn,XX=be", &stats);
    assert_non_null(strstr(t, "xml:lang=\"uz-Latn\">\n          <orth>bezbednost"));
    assert_non_null(strstr(t, "xml:lang=\"be\">\n          <orth>x</orth>"));
    assert_int_equal(stats.skipped_terms, 0);
    glossa_free(t);
}

static void test_import_tbx__statuses(void **state)
{
    static const char text[] = V2019_HEAD
        "<conceptEntry id=\"c1\"><langSec xml:lang=\"ru\">"
        "<termSec><term>а</term><termNote type=\"administrativeStatus\">supersededTerm-admn-sts</termNote></termSec>"
        "<termSec><term>б</term><termNote type=\"usageStatus\">notRecommended</termNote></termSec>"
        "<termSec><term>в</term><termNote type=\"administrativeStatus\">standardizedTerm-admn-sts</termNote></termSec>"
        "<termSec><term>г</term></termSec>"
        "<termSec><term>д</term><termNote type=\"administrativeStatus\">weird</termNote></termSec>"
        "</langSec><langSec xml:lang=\"en\"><termSec><term>x</term></termSec>"
        "<termSec><term>y</term></termSec></langSec></conceptEntry>\n" V2019_TAIL;
    char *t = import_ok(text, NULL, NULL);
    (void)state;
    assert_non_null(strstr(t, "<orth>а</orth>\n          <usg type=\"status\">deprecated"));
    assert_non_null(strstr(t, "<orth>б</orth>\n          <usg type=\"status\">deprecated"));
    assert_non_null(strstr(t, "<orth>в</orth>\n          <usg type=\"status\">preferred"));
    assert_non_null(strstr(t, "<orth>г</orth>\n          <usg type=\"status\">admitted"));
    assert_non_null(strstr(t, "<orth>д</orth>\n          <usg type=\"status\">admitted"));
    assert_non_null(strstr(t, "<orth>x</orth>\n          <usg type=\"status\">preferred"));
    assert_non_null(strstr(t, "<orth>y</orth>\n          <usg type=\"status\">admitted"));
    assert_non_null(strstr(warnings, "administrativeStatus value 'weird'"));
    glossa_free(t);
}

static void test_import_tbx__ids_and_references(void **state)
{
    static const char text[] = V2019_HEAD
        "<conceptEntry id=\"Concept 1\"><ref type=\"crossReference\" target=\"t2\">seen</ref>"
        "<ref type=\"crossReference\" target=\"gone\">gone</ref>"
        "<langSec xml:lang=\"ru\"><termSec><term>один</term></termSec></langSec></conceptEntry>\n"
        "<conceptEntry id=\"concept-1\"><langSec xml:lang=\"ru\"><termSec><term>два</term></termSec>"
        "</langSec></conceptEntry>\n"
        "<conceptEntry><langSec xml:lang=\"ru\"><termSec id=\"t2\"><term>три</term></termSec></langSec>"
        "<langSec xml:lang=\"en\"><termSec><term>Three Things</term></termSec></langSec></conceptEntry>\n"
        "<conceptEntry id=\"42\"><langSec xml:lang=\"en\"><termSec><term>no Russian</term></termSec>"
        "</langSec></conceptEntry>\n"
        "<conceptEntry id=\"dup\"><langSec xml:lang=\"ru\"><termSec><term>а</term></termSec></langSec></conceptEntry>\n"
        "<conceptEntry id=\"dup\"><langSec xml:lang=\"ru\"><termSec><term>б</term></termSec></langSec></conceptEntry>\n"
        "<conceptEntry id=\"dup-2\"><langSec xml:lang=\"ru\"><termSec><term>в</term></termSec></langSec></conceptEntry>\n"
        V2019_TAIL;
    glossa_exchange_stats stats;
    glossa_error err;
    int rc;
    char *t = import_ok(text, NULL, &stats);
    (void)state;
    assert_non_null(strstr(t, "<entry xml:id=\"concept-1\" "));
    assert_non_null(strstr(t, "<entry xml:id=\"concept-1-2\" "));
    assert_non_null(strstr(t, "<entry xml:id=\"three-things\" "));
    assert_non_null(strstr(t, "<xr type=\"related\"><ref target=\"#three-things\">seen</ref></xr>"));
    assert_null(strstr(t, "gone"));
    assert_non_null(strstr(t, "<entry xml:id=\"dup\" type=\"concept\" source=\"#imported-tbx\">\n"
                              "        <usg type=\"status\">proposed</usg>\n"
                              "        <usg type=\"reliability\">1</usg>\n"
                              "        <form type=\"term\" xml:lang=\"ru\">\n"
                              "          <orth>а</orth>"));
    assert_non_null(strstr(t, "<entry xml:id=\"dup-3\" type=\"concept\" source=\"#imported-tbx\">\n"
                              "        <usg type=\"status\">proposed</usg>\n"
                              "        <usg type=\"reliability\">1</usg>\n"
                              "        <form type=\"term\" xml:lang=\"ru\">\n"
                              "          <orth>б</orth>"));
    assert_non_null(strstr(t, "<entry xml:id=\"dup-2\" type=\"concept\" source=\"#imported-tbx\">\n"
                              "        <usg type=\"status\">proposed</usg>\n"
                              "        <usg type=\"reliability\">1</usg>\n"
                              "        <form type=\"term\" xml:lang=\"ru\">\n"
                              "          <orth>в</orth>"));
    /* '42', English only, is kept: a term base of its own kind */
    assert_int_equal(stats.concepts, 7);
    assert_int_equal(stats.skipped_concepts, 0);
    assert_non_null(strstr(t, "xml:lang=\"ru\" type=\"termbase\">"));
    assert_int_equal(stats.dropped, 1);
    assert_non_null(strstr(warnings, "concept id 'concept-1' is taken: 'concept-1-2' used"));
    assert_non_null(strstr(warnings, "cross-reference to 'gone' left out: no such concept"));
    assert_null(strstr(warnings, "concept '42' left out"));
    glossa_free(t);
    t = import_text(text, NULL, "kz-", NULL, &rc, &err);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(t, "<entry xml:id=\"kz-concept-1\" "));
    assert_non_null(strstr(t, "<ref target=\"#kz-three-things\">"));
    glossa_free(t);
    assert_null(import_text(text, NULL, "KZ_", NULL, &rc, &err));
    assert_int_equal(rc, GLOSSA_EINPUT);
}

static void test_import_tbx__doctype_rules(void **state)
{
    static const char internal[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE martif SYSTEM \"x.dtd\" [ <!ENTITY e \"boom\"> ]>\n"
        "<martif type=\"TBX\" xml:lang=\"ru\"><text><body/></text></martif>\n";
    static const char utf16_note[] = "<?xml version=\"1.0\"?>\n<TEI/>\n";
    glossa_error err;
    int rc;
    (void)state;
    assert_null(import_text(internal, NULL, NULL, NULL, &rc, &err));
    assert_int_equal(rc, GLOSSA_EINPUT);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "internal subset refused"));
    assert_null(import_text(utf16_note, NULL, NULL, NULL, &rc, &err));
    assert_int_equal(rc, GLOSSA_EINPUT);
    assert_non_null(strstr(err.msg, "not TBX"));
    /* a DOCTYPE naming its DTD (with a '[' inside the quoted name) is fine */
    glossa_free(import_ok(v2008, NULL, NULL));
}

static void test_import_tbx__round_trip_through_export(void **state)
{
    char *dir = th_mkdtemp(), *tbx = NULL, *tei = NULL, *tbx2 = NULL;
    const char *in[1];
    char tei_path[4096], tbx_path[4096];
    glossa_export_opts eo = GLOSSA_EXPORT_OPTS_INIT;
    glossa_exchange_stats stats;
    glossa_error err;
    size_t len;
    FILE *f;
    (void)state;
    snprintf(tei_path, sizeof tei_path, "%s", th_path(dir, "a.xml"));
    snprintf(tbx_path, sizeof tbx_path, "%s", th_path(dir, "a.tbx"));
    th_write(tei_path, TH_TEI_HEAD TH_ENTRY("alpha", "альфа", "alpha")
                       TH_ENTRY("beta", "бета", "beta") TH_TEI_TAIL);
    in[0] = tei_path;
    assert_int_equal(glossa_export(in, 1, &eo, &tbx, &len, NULL, &err), 0);
    f = fopen(tbx_path, "wb");
    assert_non_null(f);
    fwrite(tbx, 1, len, f);
    fclose(f);
    assert_int_equal(glossa_import_tbx(tbx_path, NULL, &tei, &len, &stats, &err), 0);
    assert_int_equal(stats.concepts, 2);
    assert_int_equal(stats.warnings, 0);
    th_write(tei_path, tei);
    assert_int_equal(glossa_validate(in, 1, NULL, NULL, &err), 0);
    assert_int_equal(glossa_export(in, 1, &eo, &tbx2, &len, NULL, &err), 0);
    assert_string_equal(tbx, tbx2);
    assert_non_null(strstr(tei, "<entry xml:id=\"beta\" type=\"concept\" source=\"#src\">\n"
                                "        <usg type=\"status\">proposed</usg>\n"
                                "        <usg type=\"reliability\">2</usg>"));
    assert_non_null(strstr(tei, "<bibl xml:id=\"src\" type=\"instrument\"><title>Source</title></bibl>"));
    glossa_free(tbx);
    glossa_free(tbx2);
    glossa_free(tei);
    th_rmdir(dir);
}

/* Dated wordings (form/@from, @to; def/@from, @to) travel in [glossa] notes. */
static void test_import_tbx__dated_wordings_round_trip(void **state)
{
    char *dir = th_mkdtemp(), *tbx = NULL, *tei = NULL;
    const char *in[1];
    char tei_path[4096], tbx_path[4096];
    glossa_export_opts eo = GLOSSA_EXPORT_OPTS_INIT;
    glossa_error err;
    size_t len;
    (void)state;
    snprintf(tei_path, sizeof tei_path, "%s", th_path(dir, "a.xml"));
    snprintf(tbx_path, sizeof tbx_path, "%s", th_path(dir, "a.tbx"));
    th_write(tei_path, TH_TEI_HEAD
             "<entry xml:id=\"alpha\" type=\"concept\" source=\"#src\">"
             "<usg type=\"status\">in-force</usg><usg type=\"reliability\">3</usg>"
             "<form type=\"term\" xml:lang=\"ru\"><orth>альфа</orth><usg type=\"status\">preferred</usg></form>"
             "<form type=\"term\" xml:lang=\"ru\" from=\"2009-06-16\" to=\"2021-09-17\"><orth>старая альфа</orth>"
             "<usg type=\"status\">deprecated</usg></form>"
             "<sense><def xml:lang=\"ru\" source=\"#src\" from=\"2021-09-17\">новое определение</def></sense>"
             "</entry>\n" TH_TEI_TAIL);
    in[0] = tei_path;
    if (glossa_validate(in, 1, NULL, NULL, &err))
        fail_msg("fixture: %s:%ld: %s", err.file, err.line, err.msg);
    assert_int_equal(glossa_export(in, 1, &eo, &tbx, &len, NULL, &err), 0);
    assert_non_null(strstr(tbx, "<note xml:lang=\"en\">[glossa] from: 2009-06-16; to: 2021-09-17</note>"));
    assert_non_null(strstr(tbx, "<note xml:lang=\"en\">[glossa] from: 2021-09-17</note>"));
    th_write(tbx_path, tbx);
    assert_int_equal(glossa_import_tbx(tbx_path, NULL, &tei, &len, NULL, &err), 0);
    assert_non_null(strstr(tei, "<form type=\"term\" xml:lang=\"ru\" from=\"2009-06-16\" to=\"2021-09-17\">\n"
                                "          <orth>старая альфа</orth>"));
    assert_non_null(strstr(tei, "<def xml:lang=\"ru\" source=\"#src\" from=\"2021-09-17\">новое определение</def>"));
    assert_non_null(strstr(tei, "<usg type=\"reliability\">3</usg>"));
    th_write(tei_path, tei);
    assert_int_equal(glossa_validate(in, 1, NULL, NULL, &err), 0);
    glossa_free(tbx);
    glossa_free(tei);
    th_rmdir(dir);
}

static void test_import_tbx__out_of_memory(void **state)
{
    static const char text[] = V2019_HEAD
        "<conceptEntry id=\"c1\"><admin type=\"source\">S</admin><note>n</note>"
        "<ref type=\"crossReference\" target=\"c2\">x</ref><langSec xml:lang=\"ru\">"
        "<descripGrp><descrip type=\"definition\">d</descrip></descripGrp>"
        "<termSec><term>т</term><termNote type=\"partOfSpeech\">noun</termNote><descripGrp>"
        "<descrip type=\"context\">к</descrip></descripGrp></termSec></langSec>"
        "<langSec xml:lang=\"de\"><termSec><term>d</term></termSec></langSec></conceptEntry>\n"
        "<conceptEntry id=\"c2\"><langSec xml:lang=\"uz\"><termSec><term>т</term></termSec></langSec>"
        "<langSec xml:lang=\"ru\"><termSec><term>т2</term></termSec></langSec></conceptEntry>\n"
        V2019_TAIL;
    char *dir = th_mkdtemp();
    char path[4096];
    unsigned long n;
    (void)state;
    snprintf(path, sizeof path, "%s", th_path(dir, "t.tbx"));
    th_write(path, text);
    for (n = 1; n < 20000; n++) {
        glossa_error err;
        char *out = NULL;
        size_t len;
        int rc;
        glossa__alloc_fail_after(n, 0);
        rc = glossa_import_tbx(path, NULL, &out, &len, NULL, &err);
        glossa__alloc_fail_after(0, 0);
        if (rc == 0) {
            glossa_free(out);
            break;
        }
        assert_null(out);
        if (rc != GLOSSA_ENOMEM)
            fail_msg("allocation %lu: rc %d (%s)", n, rc, err.msg);
    }
    assert_true(n > 1 && n < 20000);
    th_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_import_tbx__styles_and_versions_agree),
        cmocka_unit_test(test_import_tbx__languages),
        cmocka_unit_test(test_import_tbx__statuses),
        cmocka_unit_test(test_import_tbx__ids_and_references),
        cmocka_unit_test(test_import_tbx__doctype_rules),
        cmocka_unit_test(test_import_tbx__round_trip_through_export),
        cmocka_unit_test(test_import_tbx__dated_wordings_round_trip),
        cmocka_unit_test(test_import_tbx__out_of_memory),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
