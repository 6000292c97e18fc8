/*
** test_export.c — the exchange-format writers (src/lib/export.c,
** export_tbx.c, export_csv.c, export_json.c, termbase.c) on a small TEI
** fixture: the exact CSV and OmegaT bytes, the TBX mapping and its [glossa]
** notes, JSON, option checks, "nothing to export", determinism, and no leak
** or crash when any allocation fails.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two concepts: one with a reconstruction, a working translation, an
** abbreviation, a deprecated English term, a definition with a comma and a
** cross-reference; one attested concept with a note and an attestation. */
static const char fixture[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\">\n"
    "<teiHeader><fileDesc><titleStmt><title>t</title>"
    "<respStmt xml:id=\"reconstruction\"><resp>r</resp><name>n</name></respStmt>"
    "<respStmt xml:id=\"working-translation\"><resp>w</resp><name>n</name></respStmt></titleStmt>\n"
    "<publicationStmt><p>t</p></publicationStmt><sourceDesc><listBibl>\n"
    "<bibl xml:id=\"src\" type=\"instrument\"><title>Source</title><date when=\"2009-06-16\"/></bibl>\n"
    "</listBibl></sourceDesc></fileDesc></teiHeader>\n<text><body>\n"
    "<entry xml:id=\"information-security\" type=\"concept\" n=\"1\" source=\"#src\">"
    "<usg type=\"status\">in-force</usg><usg type=\"reliability\">1</usg>"
    "<form type=\"term\" xml:lang=\"ru\" resp=\"#reconstruction\"><orth>информационная безопасность</orth><usg type=\"status\">preferred</usg></form>"
    "<form type=\"term\" xml:lang=\"ru\"><orth>ИБ</orth><usg type=\"status\">admitted</usg><usg type=\"termType\">abbreviation</usg></form>"
    "<form type=\"term\" xml:lang=\"zh\" resp=\"#working-translation\"><orth>信息安全</orth><usg type=\"status\">preferred</usg></form>"
    "<form type=\"term\" xml:lang=\"en\" resp=\"#working-translation\"><orth>information security</orth><usg type=\"status\">preferred</usg></form>"
    "<form type=\"term\" xml:lang=\"en\"><orth>infosec</orth><usg type=\"status\">deprecated</usg></form>"
    "<sense><def xml:lang=\"en\" source=\"#src\" resp=\"#working-translation\">a state, \"protected\"</def>"
    "<xr type=\"broader\"><ref target=\"#security\">безопасность</ref></xr></sense>"
    "</entry>\n"
    "<entry xml:id=\"security\" type=\"concept\" source=\"#src\">"
    "<usg type=\"status\">proposed</usg><usg type=\"reliability\">2</usg>"
    "<form type=\"term\" xml:lang=\"ru\"><orth>безопасность</orth><usg type=\"status\">preferred</usg></form>"
    "<sense><cit type=\"attestation\" xml:lang=\"ru\"><quote>Безопасность важна.</quote><bibl corresp=\"#src\"/></cit></sense>"
    "<note type=\"usage\" xml:lang=\"en\">Broad.</note>"
    "</entry>\n"
    "</body></text></TEI>\n";

struct fx {
    char *dir;
    const char *in[1];
    char path[4096];
};

static struct fx *fx_new(void)
{
    struct fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = th_mkdtemp();
    snprintf(f->path, sizeof f->path, "%s", th_path(f->dir, "t.xml"));
    th_write(f->path, fixture);
    f->in[0] = f->path;
    return f;
}

static void fx_free(struct fx *f)
{
    th_rmdir(f->dir);
    free(f);
}

static char *export(struct fx *f, glossa_export_format format, const char *from, const char *to,
                    glossa_exchange_stats *stats)
{
    glossa_export_opts opts = GLOSSA_EXPORT_OPTS_INIT;
    glossa_error err;
    char *out = NULL;
    size_t len = 0;
    int rc;
    opts.format = format;
    opts.from = from;
    opts.to = to;
    rc = glossa_export(f->in, 1, &opts, &out, &len, stats, &err);
    if (rc)
        fail_msg("export failed: %d %s", rc, err.msg);
    assert_int_equal(strlen(out), len);
    return out;
}

static void test_export__format_names(void **state)
{
    glossa_export_format fmt;
    (void)state;
    assert_int_equal(glossa_export_format_parse("tbx", &fmt), 0);
    assert_int_equal(fmt, GLOSSA_EXPORT_TBX);
    assert_int_equal(glossa_export_format_parse("omegat", &fmt), 0);
    assert_int_equal(fmt, GLOSSA_EXPORT_OMEGAT);
    assert_int_equal(glossa_export_format_parse("TBX", &fmt), GLOSSA_EINPUT);
    assert_int_equal(glossa_export_format_parse(NULL, &fmt), GLOSSA_EINPUT);
}

static void test_export__csv_exact(void **state)
{
    struct fx *f = fx_new();
    glossa_exchange_stats stats;
    char *csv = export(f, GLOSSA_EXPORT_CSV, NULL, NULL, &stats);
    (void)state;
    assert_string_equal(csv,
        "id,ru,zh,en,definition (en)\r\n"
        "information-security,информационная безопасность; ИБ,信息安全,information security,"
        "\"a state, \"\"protected\"\"\"\r\n"
        "security,безопасность,,,\r\n");
    assert_int_equal(stats.concepts, 2);
    assert_int_equal(stats.terms, 5); /* the deprecated term is left out */
    assert_int_equal(stats.definitions, 1);
    glossa_free(csv);
    csv = export(f, GLOSSA_EXPORT_CSV, "en", "ru", NULL);
    assert_string_equal(csv,
        "id,en,ru,definition (en)\r\n"
        "information-security,information security,информационная безопасность; ИБ,"
        "\"a state, \"\"protected\"\"\"\r\n"
        "security,,безопасность,\r\n");
    glossa_free(csv);
    fx_free(f);
}

static void test_export__omegat_exact(void **state)
{
    struct fx *f = fx_new();
    char *t = export(f, GLOSSA_EXPORT_OMEGAT, "en", "ru", NULL);
    (void)state;
    assert_string_equal(t,
        "information security\tинформационная безопасность\tinformation-security; "
        "not verified (reliability 1); reconstruction, not verified; also: ИБ\n"
        "infosec\tинформационная безопасность\tinformation-security; deprecated source term, "
        "use «information security»; not verified (reliability 1); reconstruction, not "
        "verified; also: ИБ\n");
    glossa_free(t);
    t = export(f, GLOSSA_EXPORT_OMEGAT, NULL, "zh", NULL); /* --from defaults to ru */
    assert_string_equal(t,
        "информационная безопасность\t信息安全\tinformation-security; not verified "
        "(reliability 1); working translation\n"
        "ИБ\t信息安全\tinformation-security; not verified (reliability 1); working translation\n");
    glossa_free(t);
    fx_free(f);
}

static void test_export__tbx_mapping(void **state)
{
    struct fx *f = fx_new();
    char *t = export(f, GLOSSA_EXPORT_TBX, NULL, NULL, NULL);
    (void)state;
    assert_non_null(strstr(t, "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"ru\" "
                              "xmlns=\"urn:iso:std:iso:30042:ed-2\">"));
    assert_non_null(strstr(t, "<conceptEntry id=\"information-security\">\n"
                              "        <admin type=\"source\" target=\"src.src\">Source (2009-06-16)</admin>\n"
                              "        <note xml:lang=\"en\">[glossa] status: in-force; reliability: 1 "
                              "(not verified); n: 1; broader: security</note>\n"));
    assert_non_null(strstr(t, "<term>информационная безопасность</term>\n"
                              "            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>\n"
                              "            <note xml:lang=\"en\">[glossa] reconstruction</note>"));
    assert_non_null(strstr(t, "<termNote type=\"termType\">abbreviation</termNote>"));
    assert_non_null(strstr(t, "deprecatedTerm-admn-sts"));
    assert_non_null(strstr(t, "<descrip type=\"definition\">a state, \"protected\"</descrip>"));
    assert_non_null(strstr(t, "<ref type=\"crossReference\" target=\"security\">безопасность</ref>"));
    assert_non_null(strstr(t, "<descrip type=\"context\">Безопасность важна.</descrip>"));
    assert_non_null(strstr(t, "<note xml:lang=\"en\">[usage] Broad.</note>"));
    assert_non_null(strstr(t, "<refObject id=\"src.src\">\n"
                              "          <item type=\"sourceType\">instrument</item>"));
    glossa_free(t);
    fx_free(f);
}

static void test_export__json_shape(void **state)
{
    struct fx *f = fx_new();
    char *j = export(f, GLOSSA_EXPORT_JSON, NULL, "en", NULL);
    (void)state;
    assert_string_equal(j,
        "{\"concepts\":[\n"
        "{\"id\":\"information-security\",\"reliability\":1,\"terms\":["
        "{\"lang\":\"en\",\"text\":\"information security\",\"status\":\"preferred\"},"
        "{\"lang\":\"en\",\"text\":\"infosec\",\"status\":\"deprecated\"}],"
        "\"definitions\":[{\"lang\":\"en\",\"text\":\"a state, \\\"protected\\\"\","
        "\"source\":\"Source (2009-06-16) (working translation, not an official rendering)\"}]}\n"
        "]}\n");
    glossa_free(j);
    fx_free(f);
}

static void test_export__options_and_nothing(void **state)
{
    struct fx *f = fx_new();
    glossa_export_opts opts = GLOSSA_EXPORT_OPTS_INIT;
    glossa_error err;
    char *out = NULL;
    size_t len;
    (void)state;
    opts.format = GLOSSA_EXPORT_OMEGAT;
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), GLOSSA_EINPUT);
    assert_non_null(strstr(err.msg, "--to"));
    opts.to = "ru,zh";
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), GLOSSA_EINPUT);
    opts.format = GLOSSA_EXPORT_TBX;
    opts.to = "de";
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), GLOSSA_EINPUT);
    assert_non_null(strstr(err.msg, "'de' is not a member language"));
    opts.to = "hi"; /* valid, but no term */
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), GLOSSA_ENOTFOUND);
    assert_non_null(strstr(err.msg, "nothing to export"));
    assert_null(out);
    opts.version = 99;
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), GLOSSA_EINPUT);
    fx_free(f);
}

static void test_export__deterministic(void **state)
{
    struct fx *f = fx_new();
    glossa_export_format fmt;
    (void)state;
    for (fmt = GLOSSA_EXPORT_TBX; fmt <= GLOSSA_EXPORT_JSON; fmt++) {
        const char *to = fmt == GLOSSA_EXPORT_OMEGAT ? "zh" : NULL;
        char *a = export(f, fmt, NULL, to, NULL), *b = export(f, fmt, NULL, to, NULL);
        assert_string_equal(a, b);
        glossa_free(a);
        glossa_free(b);
    }
    fx_free(f);
}

static void test_export__out_of_memory(void **state)
{
    struct fx *f = fx_new();
    glossa_export_format fmt;
    (void)state;
    for (fmt = GLOSSA_EXPORT_TBX; fmt <= GLOSSA_EXPORT_JSON; fmt++) {
        glossa_export_opts opts = GLOSSA_EXPORT_OPTS_INIT;
        unsigned long n;
        opts.format = fmt;
        opts.to = fmt == GLOSSA_EXPORT_OMEGAT ? "zh" : NULL;
        for (n = 1; n < 20000; n++) {
            glossa_error err;
            char *out = NULL;
            size_t len;
            int rc;
            glossa__alloc_fail_after(n, 0);
            rc = glossa_export(f->in, 1, &opts, &out, &len, NULL, &err);
            glossa__alloc_fail_after(0, 0);
            if (rc == 0) {
                glossa_free(out);
                break;
            }
            assert_null(out);
            if (rc != GLOSSA_ENOMEM && rc != GLOSSA_ESCHEMA && rc != GLOSSA_EINPUT &&
                rc != GLOSSA_ERROR)
                fail_msg("format %d, allocation %lu: rc %d (%s)", (int)fmt, n, rc, err.msg);
        }
        assert_true(n > 1 && n < 20000);
    }
    fx_free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_export__format_names),
        cmocka_unit_test(test_export__csv_exact),
        cmocka_unit_test(test_export__omegat_exact),
        cmocka_unit_test(test_export__tbx_mapping),
        cmocka_unit_test(test_export__json_shape),
        cmocka_unit_test(test_export__options_and_nothing),
        cmocka_unit_test(test_export__deterministic),
        cmocka_unit_test(test_export__out_of_memory),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
