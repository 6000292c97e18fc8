/*
** test_export.c — the exchange-format writers (src/lib/export.c,
** export_tbx.c, export_tbx2008.c, export_csv.c, export_json.c, termbase.c)
** on a small TEI fixture: the exact CSV and OmegaT bytes, the TBX mapping
** (2019 and 2008) and its [glossa]
** notes, JSON, national law read with the fixture (and import leaving it
** out), option checks (Akoma Ntoso's own: export_akn.c), "nothing to
** export", determinism, and no leak or crash when any allocation fails.
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
    assert_int_equal(glossa_export_format_parse("tbx2008", &fmt), 0);
    assert_int_equal(fmt, GLOSSA_EXPORT_TBX2008);
    assert_int_equal(glossa_export_format_parse("omegat", &fmt), 0);
    assert_int_equal(fmt, GLOSSA_EXPORT_OMEGAT);
    assert_int_equal(glossa_export_format_parse("akn", &fmt), 0);
    assert_int_equal(fmt, GLOSSA_EXPORT_AKN);
    assert_int_equal(glossa_export_format_parse("TBX", &fmt), GLOSSA_EINPUT);
    assert_int_equal(glossa_export_format_parse(NULL, &fmt), GLOSSA_EINPUT);
}

static void test_export__csv_exact(void **state)
{
    struct fx *f = fx_new();
    glossa_exchange_stats stats;
    char *csv = export(f, GLOSSA_EXPORT_CSV, NULL, NULL, &stats);
    (void)state;
    /* a line per term in a language's cells (line breaks cannot occur in a
    ** term), the deprecated term kept and marked */
    assert_string_equal(csv,
        "id,ru,zh,en,ru status,ru wording,ru source,zh status,zh wording,zh source,"
        "en status,en wording,en source,definition (en),definition (en) wording,"
        "definition (en) source,reliability,source\r\n"
        "information-security,\"информационная безопасность\nИБ\",信息安全,"
        "\"information security\ninfosec\",\"preferred\nadmitted\","
        "\"reconstruction, not verified against the official text\n\",\"\n\","
        "preferred,\"working translation, not an official rendering\",,"
        "\"preferred\ndeprecated: do not use\",\"working translation, not an official rendering\n\","
        "\"\n\",\"a state, \"\"protected\"\"\",\"working translation, not an official rendering\","
        "Source (2009-06-16),1 (NOT VERIFIED),Source (2009-06-16)\r\n"
        "security,безопасность,,,preferred,,,,,,,,,,,,2 (minimum reliability),Source (2009-06-16)\r\n");
    assert_int_equal(stats.concepts, 2);
    assert_int_equal(stats.terms, 6); /* the deprecated term too */
    assert_int_equal(stats.definitions, 1);
    glossa_free(csv);
    csv = export(f, GLOSSA_EXPORT_CSV, "en", "ru", NULL);
    assert_string_equal(csv,
        "id,en,ru,en status,en wording,en source,ru status,ru wording,ru source,"
        "definition (en),definition (en) wording,definition (en) source,reliability,source\r\n"
        "information-security,\"information security\ninfosec\",\"информационная безопасность\nИБ\","
        "\"preferred\ndeprecated: do not use\",\"working translation, not an official rendering\n\","
        "\"\n\",\"preferred\nadmitted\",\"reconstruction, not verified against the official text\n\","
        "\"\n\",\"a state, \"\"protected\"\"\",\"working translation, not an official rendering\","
        "Source (2009-06-16),1 (NOT VERIFIED),Source (2009-06-16)\r\n"
        "security,,безопасность,,,,preferred,,,,,,2 (minimum reliability),Source (2009-06-16)\r\n");
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

/* TBX 2008: the same walk with the 2008 names, a source its citation. */
static void test_export__tbx2008_mapping(void **state)
{
    struct fx *f = fx_new();
    char *t = export(f, GLOSSA_EXPORT_TBX2008, NULL, NULL, NULL);
    (void)state;
    assert_non_null(strstr(t, "<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n"
                              "<martif type=\"TBX-Basic\" xml:lang=\"ru\">\n  <martifHeader>\n"));
    assert_non_null(strstr(t, "<termEntry id=\"information-security\">\n"
                              "        <admin type=\"source\">Source (2009-06-16)</admin>\n"
                              "        <note xml:lang=\"en\">[glossa] status: in-force; reliability: 1 "
                              "(not verified); n: 1; broader: security</note>\n"));
    assert_non_null(strstr(t, "<langSet xml:lang=\"en\">\n"));
    assert_non_null(strstr(t, "<tig>\n            <term>infosec</term>\n"
                              "            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts"
                              "</termNote>\n          </tig>\n"));
    assert_non_null(strstr(t, "<ref type=\"crossReference\" target=\"security\">безопасность</ref>"));
    assert_non_null(strstr(t, "    </body>\n  </text>\n</martif>\n"));
    assert_null(strstr(t, "conceptEntry"));
    assert_null(strstr(t, "<back>"));
    assert_null(strstr(t, "target=\"src."));
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

/* The study of national legislation read with the fixture: a Russian act and
** a Kazakh one (titles in Kazakh and English) define information-security's
** notion, the same and narrower, and the Kazakh act a notion the term base
** lacks. */
static const char national[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\" type=\"national\">\n"
    "<teiHeader><fileDesc><titleStmt><title>n</title></titleStmt>\n"
    "<publicationStmt><p>n</p></publicationStmt><sourceDesc><listBibl>\n"
    "<bibl xml:id=\"ru-1\" type=\"law\"><title xml:lang=\"ru\">Об информации</title><date when=\"2006-07-27\"/>"
    "<idno type=\"state\">RU</idno><idno type=\"number\">149-ФЗ</idno></bibl>\n"
    "<bibl xml:id=\"kz-1\" type=\"law\"><title xml:lang=\"kk\">Ақпарат туралы</title>"
    "<title xml:lang=\"en\">On information</title><idno type=\"state\">KZ</idno></bibl>\n"
    "</listBibl></sourceDesc></fileDesc></teiHeader>\n<text><body>\n"
    "<entryFree xml:id=\"ru-1-1\" type=\"legal-definition\" source=\"#ru-1\"><usg type=\"reliability\">4</usg>"
    "<form type=\"term\" xml:lang=\"ru\"><orth>информационная безопасность</orth></form>"
    "<sense><def xml:lang=\"ru\">состояние защищенности, \"правовое\"</def>"
    "<xr type=\"same\"><ref target=\"#information-security\">information-security</ref></xr></sense>"
    "<bibl><citedRange>статья 2, пункт 1</citedRange><date type=\"version\" when=\"2024-01-01\"/>"
    "<idno type=\"url\">https://ru.example/149</idno></bibl></entryFree>\n"
    "<entryFree xml:id=\"kz-1-1\" type=\"legal-definition\" source=\"#kz-1\"><usg type=\"reliability\">3</usg>"
    "<form type=\"term\" xml:lang=\"en\"><orth>cyber security</orth></form>"
    "<sense><def xml:lang=\"en\">the state of protection of networks</def>"
    "<xr type=\"broader\"><ref target=\"#information-security\">information-security</ref></xr></sense>"
    "<bibl><citedRange>Article 1</citedRange><idno type=\"url\">https://kz.example/1</idno></bibl>"
    "<note type=\"translation\" xml:lang=\"en\">the portal's English version</note>"
    "<note type=\"editorial\" xml:lang=\"en\">read twice</note></entryFree>\n"
    "<entryFree xml:id=\"kz-1-2\" type=\"legal-definition\" source=\"#kz-1\"><usg type=\"reliability\">3</usg>"
    "<form type=\"term\" xml:lang=\"en\"><orth>cyber hygiene</orth></form>"
    "<sense><def xml:lang=\"en\">habits</def>"
    "<xr type=\"same\"><ref target=\"#cyber-hygiene\">cyber-hygiene</ref></xr></sense>"
    "<bibl><idno type=\"url\">https://kz.example/2</idno></bibl></entryFree>\n"
    "</body></text></TEI>\n";
static const char notions[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\" type=\"notions\">\n"
    "<teiHeader><fileDesc><titleStmt><title>n</title></titleStmt>\n"
    "<publicationStmt><p>n</p></publicationStmt><sourceDesc><listBibl>\n"
    "<bibl xml:id=\"study\" type=\"other\"><title xml:lang=\"en\">study</title></bibl>\n"
    "</listBibl></sourceDesc></fileDesc></teiHeader>\n<text><body>\n"
    "<entryFree xml:id=\"cyber-hygiene\" type=\"notion\" source=\"#study\">"
    "<form type=\"label\" xml:lang=\"en\"><orth>cyber hygiene</orth></form></entryFree>\n"
    "</body></text></TEI>\n";

/* The fixture, the national file and the notions, in in[0..2] (paths in n, no). */
static void national_inputs(struct fx *f, const char *in[3], char n[4096], char no[4096])
{
    snprintf(n, 4096, "%s", th_path(f->dir, "n.xml"));
    snprintf(no, 4096, "%s", th_path(f->dir, "notions.xml"));
    th_write(n, national);
    th_write(no, notions);
    in[0] = f->path;
    in[1] = n;
    in[2] = no;
}

static char *export_national(struct fx *f, glossa_export_format format, const char *from,
                             const char *to, glossa_exchange_stats *stats)
{
    glossa_export_opts opts = GLOSSA_EXPORT_OPTS_INIT;
    const char *in[3];
    char n[4096], no[4096];
    glossa_error err;
    char *out = NULL;
    size_t len = 0;
    int rc;
    national_inputs(f, in, n, no);
    opts.format = format;
    opts.from = from;
    opts.to = to;
    rc = glossa_export(in, 3, &opts, &out, &len, stats, &err);
    if (rc)
        fail_msg("export failed: %d %s:%ld: %s", rc, err.file, err.line, err.msg);
    return out;
}

/* A concept's national definitions travel with it, in each format, as
** statutory text with its source, by state; one of a notion is counted. */
static void test_export__national(void **state)
{
    struct fx *f = fx_new();
    glossa_exchange_stats stats;
    char *j = export_national(f, GLOSSA_EXPORT_JSON, NULL, "ru,en", &stats), *t;
    (void)state;
    assert_non_null(strstr(j,
        "\"national\":[{\"id\":\"kz-1-1\",\"state\":\"KZ\",\"act\":{\"id\":\"kz-1\",\"title\":\"On information\"},"
        "\"article\":\"Article 1\",\"lang\":\"en\",\"term\":\"cyber security\",\"text\":\"the state of "
        "protection of networks\",\"relation\":\"narrower\",\"reliability\":3,\"url\":\"https://kz.example/1\","
        "\"translation\":\"the portal's English version\",\"note\":\"read twice\"},"
        "{\"id\":\"ru-1-1\",\"state\":\"RU\",\"act\":{\"id\":\"ru-1\",\"title\":\"Об информации\",\"number\":"
        "\"149-ФЗ\",\"date\":\"2006-07-27\"},\"article\":\"статья 2, пункт 1\",\"lang\":\"ru\",\"term\":"
        "\"информационная безопасность\",\"text\":\"состояние защищенности, \\\"правовое\\\"\",\"relation\":"
        "\"same\",\"reliability\":4,\"version\":\"2024-01-01\",\"url\":\"https://ru.example/149\","
        "\"translation\":null}]}"));
    assert_int_equal(stats.national, 2);
    assert_int_equal(stats.national_notions, 1);
    glossa_free(j);
    t = export_national(f, GLOSSA_EXPORT_CSV, NULL, "ru", &stats);
    assert_string_equal(t,
        "id,ru,ru status,ru wording,ru source,reliability,source,state,national definition,"
        "national law\r\n"
        "information-security,\"информационная безопасность\nИБ\",\"preferred\nadmitted\","
        "\"reconstruction, not verified against the official text\n\",\"\n\",1 (NOT VERIFIED),"
        "Source (2009-06-16),,,\r\n"
        "information-security,информационная безопасность,,,,,,RU,\"состояние защищенности, \"\"правовое\"\"\","
        "\"statutory text of RU, not glossa's: 149-ФЗ «Об информации» (2006-07-27), статья 2, пункт 1; "
        "edition of 2024-01-01; read at https://ru.example/149; the act's own text; the same notion as "
        "the concept; reliability 4 of 4\"\r\n"
        "security,безопасность,preferred,,,2 (minimum reliability),Source (2009-06-16),,,\r\n");
    glossa_free(t);
    t = export_national(f, GLOSSA_EXPORT_OMEGAT, "en", "ru", NULL);
    assert_non_null(strstr(t,
        "cyber security\tинформационная безопасность\tinformation-security; term of a national act, "
        "statutory text of KZ, not glossa's: «On information», Article 1; read at https://kz.example/1; "
        "translation: the portal's English version; a narrower notion than the concept; reliability 3 "
        "of 4; note: read twice\n"));
    glossa_free(t);
    t = export_national(f, GLOSSA_EXPORT_TBX, NULL, "en", NULL);
    assert_non_null(strstr(t,
        "          <descripGrp>\n"
        "            <descrip type=\"definition\">the state of protection of networks</descrip>\n"
        "            <admin type=\"source\" target=\"src.kz-1\">"));
    assert_non_null(strstr(t,
        "            <term>cyber security</term>\n"
        "            <termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>\n"
        "            <termNote type=\"geographicalUsage\">KZ</termNote>\n"));
    assert_non_null(strstr(t, "<xref type=\"externalCrossReference\" target=\"https://kz.example/1\">kz-1-1</xref>"));
    assert_null(strstr(t, "habits")); /* of a notion */
    assert_null(strstr(t, "src.ru-1")); /* no definition in the export cites it */
    glossa_free(t);
    fx_free(f);
}

/* glossa import of a TBX with national law leaves it out, each kind counted:
** it never becomes a definition or a term of the concept. */
static void test_export__national_not_imported(void **state)
{
    struct fx *f = fx_new();
    glossa_exchange_stats stats;
    char *t = export_national(f, GLOSSA_EXPORT_TBX, NULL, NULL, NULL), *tei = NULL;
    char path[4096];
    glossa_error err;
    size_t len;
    (void)state;
    snprintf(path, sizeof path, "%s", th_path(f->dir, "n.tbx"));
    th_write(path, t);
    assert_int_equal(glossa_import_tbx(path, NULL, &tei, &len, &stats, &err), 0);
    assert_int_equal(stats.definitions, 1); /* the fixture's own */
    assert_int_equal(stats.terms, 6);
    assert_int_equal(stats.dropped, 4);     /* two definitions, two terms */
    assert_null(strstr(tei, "cyber security"));
    assert_null(strstr(tei, "защищенности"));
    glossa_free(tei);
    glossa_free(t);
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
    /* annex 1 as Akoma Ntoso: lang and as_of are its own; a caller of version
    ** 1 (no such fields) gets the Russian annex in its newest wording */
    opts.to = NULL;
    opts.lang = "ru";
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "--lang and --as-of are for --format akn (annex 1 as a legal "
                                 "document); the other formats take --to");
    opts.format = GLOSSA_EXPORT_AKN;
    opts.lang = "kk";
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "--lang: annex 1 is written in ru, zh or en, not 'kk'");
    opts.lang = NULL;
    opts.as_of = "2009-06-15";
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), GLOSSA_ENOTFOUND);
    assert_string_equal(err.msg, "no annex 1 on 2009-06-15: the Agreement is dated 2009-06-16");
    opts.version = 1;
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), 0);
    assert_non_null(strstr(out, "<FRBRlanguage language=\"rus\"/>"));
    assert_non_null(strstr(out, "<def>информационная безопасность</def>"));
    assert_null(strstr(out, "item_security\"")); /* a proposed concept is not in the annex */
    glossa_free(out);
    out = NULL;
    opts.version = 99;
    assert_int_equal(glossa_export(f->in, 1, &opts, &out, &len, NULL, &err), GLOSSA_EINPUT);
    fx_free(f);
}

static void test_export__deterministic(void **state)
{
    struct fx *f = fx_new();
    glossa_export_format fmt;
    (void)state;
    for (fmt = GLOSSA_EXPORT_TBX; fmt <= GLOSSA_EXPORT_AKN; fmt++) {
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
    const char *nin[3];
    char np[4096], nop[4096];
    int set;
    (void)state;
    national_inputs(f, nin, np, nop);
    for (set = 0; set < 2; set++) /* the term base; with national law */
    for (fmt = GLOSSA_EXPORT_TBX; fmt <= GLOSSA_EXPORT_AKN; fmt++) {
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
            rc = glossa_export(set ? nin : f->in, set ? 3 : 1, &opts, &out, &len, NULL, &err);
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
        cmocka_unit_test(test_export__tbx2008_mapping),
        cmocka_unit_test(test_export__json_shape),
        cmocka_unit_test(test_export__options_and_nothing),
        cmocka_unit_test(test_export__national),
        cmocka_unit_test(test_export__national_not_imported),
        cmocka_unit_test(test_export__deterministic),
        cmocka_unit_test(test_export__out_of_memory),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
