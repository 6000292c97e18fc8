/*
** test_concordance.c — the concordance of the authentic texts and the
** depositary's correction (src/lib/concordance.c, correction.c): the
** findings for a small term base written here (a concept whose Chinese
** definition is only Traditional, one numbered differently in its two
** texts, one concordant with its numbering in each language's style; a
** withdrawn concept and one read from a statement left out), the change
** made in one authentic text since an earlier version, enumerated parts
** counted per kind of label, the options' version checked, the correction's
** required date and its refusals, and every allocation failing in turn.
*/
#include "helpers.h"
#include "glossa_int.h"
#include "concordance_int.h"

#include <stdio.h>
#include <string.h>

#define HEAD                                                                          \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                  \
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\">\n"                 \
    "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>\n"              \
    "<publicationStmt><p>t</p></publicationStmt><sourceDesc><listBibl>\n"          \
    "<bibl xml:id=\"src\" type=\"instrument\"><title>Agreement</title></bibl>\n"  \
    "<bibl xml:id=\"st\" type=\"statement\"><title>Statement</title></bibl>\n"    \
    "</listBibl></sourceDesc></fileDesc></teiHeader>\n<text><body>\n"
#define ENTRY(id, src, status, forms, defs)                                           \
    "<entry xml:id=\"" id "\" type=\"concept\" source=\"#" src "\">"                 \
    "<usg type=\"status\">" status "</usg><usg type=\"reliability\">1</usg>" forms   \
    "<sense>" defs "</sense></entry>\n"
#define TERM(lang, text)                                                              \
    "<form type=\"term\" xml:lang=\"" lang "\"><orth>" text "</orth>"                \
    "<usg type=\"status\">preferred</usg></form>"
#define DEF(lang, text) "<def xml:lang=\"" lang "\" source=\"#src\">" text "</def>"

#define A_RU "состояние защищенности: 1) личности; 2) общества"
#define A(ru_def)                                                                     \
    ENTRY("a", "src", "in-force", TERM("ru", "безопасность") TERM("zh", "安全"),       \
          DEF("ru", ru_def) DEF("zh", "受保护的状态：（一）个人；（二）社会"))
#define B                                                                             \
    ENTRY("b", "src", "in-force", TERM("ru", "оружие") TERM("zh", "武器"),              \
          DEF("ru", "средства и методы") DEF("zh-Hant", "手段和方法"))
#define P                                                                             \
    ENTRY("p", "src", "in-force", TERM("ru", "сеть") TERM("zh-Latn", "wangluo")         \
          TERM("zh-Hans-CN", "网络"),                                                 \
          DEF("ru-Cyrl", "совокупность узлов") DEF("zh-Latn", "jiedian de zonghe"))
#define C                                                                             \
    ENTRY("c", "src", "in-force", TERM("ru", "война") TERM("zh", "战争"),               \
          DEF("ru", "противоборство: а) в пространстве; б) в сетях; в) в СМИ")          \
          DEF("zh", "对抗：1）在空间中；2）在网络中"))
#define W ENTRY("w", "src", "withdrawn", TERM("ru", "изъятое"), DEF("ru", "изъято"))
#define S ENTRY("s", "st", "proposed", TERM("ru", "заявленное"), DEF("ru", "из заявления"))

static const char cur_xml[] = HEAD A(A_RU) B C W S P "</body></text></TEI>\n";
static const char old_xml[] =
    HEAD A("состояние защищенности: 1) личности; 2) государства") B C W S "</body></text></TEI>\n";

static char *dir;
static char cur_path[4096], old_path[4096];

static int setup(void **state)
{
    if (th_global_setup(state))
        return -1;
    dir = th_mkdtemp();
    snprintf(cur_path, sizeof cur_path, "%s", th_path(dir, "cur.xml"));
    snprintf(old_path, sizeof old_path, "%s", th_path(dir, "old.xml"));
    th_write(cur_path, cur_xml);
    th_write(old_path, old_xml);
    return 0;
}

static int teardown(void **state)
{
    th_rmdir(dir);
    return th_global_teardown(state);
}

static glossa_concordance *concord(const char *since)
{
    glossa_concordance_opts o = GLOSSA_CONCORDANCE_OPTS_INIT;
    const char *in[1] = { cur_path }, *old[1] = { since };
    glossa_concordance *c = NULL;
    glossa_error err;
    o.since = since ? old : NULL;
    o.n_since = since ? 1 : 0;
    assert_int_equal(glossa_concordance_new(&c, in, 1, &o, &err), 0);
    return c;
}

static void expect_finding(const glossa_concordance *c, size_t i, const char *id,
                           glossa_concord_kind kind, const char *lang, long line,
                           const char *message)
{
    const glossa_concord_finding *f = glossa_concordance_get(c, i);
    assert_non_null(f);
    assert_string_equal(f->concept, id);
    assert_int_equal(f->kind, kind);
    if (lang)
        assert_string_equal(f->lang, lang);
    else
        assert_null(f->lang);
    assert_int_equal(f->line, line);
    assert_string_equal(f->file, cur_path);
    assert_string_equal(f->message, message);
}

static void test_concordance__findings(void **state)
{
    glossa_concordance *c = concord(NULL);
    (void)state;
    assert_int_equal(glossa_concordance_concepts(c), 4); /* a b c p: not w, not s */
    assert_int_equal(glossa_concordance_count(c), 3);
    expect_finding(c, 0, "b", GLOSSA_CONCORD_MISSING_DEFINITION, "zh", 10, "no Chinese definition");
    expect_finding(c, 1, "c", GLOSSA_CONCORD_NUMBERING, NULL, 11,
                   "numbering differs: 3 enumerated parts in the Russian definition, 2 in the "
                   "Chinese");
    /* ru-Cyrl and zh-Hans-CN are the authentic texts; pinyin (zh-Latn) is not */
    expect_finding(c, 2, "p", GLOSSA_CONCORD_MISSING_DEFINITION, "zh", 14, "no Chinese definition");
    assert_null(glossa_concordance_get(c, 3));
    assert_string_equal(glossa_concord_kind_name(GLOSSA_CONCORD_ONE_LANGUAGE),
                        "one-language-change");
    assert_string_equal(glossa_concord_kind_name((glossa_concord_kind)9), "unknown");
    glossa_concordance_free(c);
    glossa_concordance_free(NULL);
}

static void test_concordance__since(void **state)
{
    glossa_concordance *c = concord(old_path);
    (void)state;
    assert_int_equal(glossa_concordance_count(c), 4);
    expect_finding(c, 0, "a", GLOSSA_CONCORD_ONE_LANGUAGE, "ru", 9,
                   "reworded in Russian, not in Chinese");
    expect_finding(c, 1, "b", GLOSSA_CONCORD_MISSING_DEFINITION, "zh", 10, "no Chinese definition");
    glossa_concordance_free(c);
}

static void test_concordance__parts(void **state)
{
    (void)state;
    assert_int_equal(glossa__enumerated_parts("1) a; 2) b; 3) c"), 3);
    assert_int_equal(glossa__enumerated_parts("(1) a; (2) b"), 2);
    assert_int_equal(glossa__enumerated_parts("x: а) один; б) два"), 2);
    assert_int_equal(glossa__enumerated_parts("受保护：（一）个人；（二）社会；（三）国家"), 3);
    assert_int_equal(glossa__enumerated_parts("对抗：1）在空间中；2）在网络中"), 2);
    assert_int_equal(glossa__enumerated_parts("1) a; 2) b; а) x; б) y"), 4);
    /* no parts: a lone label, a number in a sentence, a word in brackets */
    assert_int_equal(glossa__enumerated_parts("1) only one"), 0);
    assert_int_equal(glossa__enumerated_parts("see article 5) and 6)"), 0);
    assert_int_equal(glossa__enumerated_parts("и (или) воздействие"), 0);
    assert_int_equal(glossa__enumerated_parts("в2) x"), 0);
    assert_int_equal(glossa__enumerated_parts(""), 0);
}

static void test_concordance__errors(void **state)
{
    glossa_concordance_opts o = GLOSSA_CONCORDANCE_OPTS_INIT;
    const char *in[1] = { cur_path }, *missing[1] = { th_path(dir, "none.xml") };
    glossa_concordance *c = NULL;
    glossa_error err;
    (void)state;
    o.version = 99;
    assert_int_equal(glossa_concordance_new(&c, in, 1, &o, &err), GLOSSA_EINPUT);
    assert_null(c);
    assert_int_not_equal(glossa_concordance_new(&c, missing, 1, NULL, &err), 0);
    assert_null(c);
}

static int render(const glossa_concordance *c, const glossa_correction_opts *o, char **out,
                  glossa_error *err)
{
    size_t len = 0;
    *out = NULL;
    return glossa_correction_render(c, o, out, &len, err);
}

static void test_correction__render(void **state)
{
    glossa_correction_opts o = GLOSSA_CORRECTION_OPTS_INIT;
    glossa_concordance *c = concord(NULL);
    glossa_error err;
    char *out;
    (void)state;
    assert_int_equal(render(c, &o, &out, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "the time-limit for objections is required (YYYY-MM-DD): a "
                                 "correction is notified with one");
    o.objections_by = "2027-02-29";
    assert_int_equal(render(c, &o, &out, &err), GLOSSA_EINPUT);
    o.objections_by = "2027-03-01";
    o.lang = "fr";
    assert_int_equal(render(c, &o, &out, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "no correction in language 'fr' (ru, zh or en)");
    o.lang = "ru";
    assert_int_equal(render(c, &o, &out, &err), 0);
    assert_non_null(strstr(out, "а) понятие «оружие»: в китайском тексте нет определения.\n"));
    assert_non_null(strstr(out, "б) понятие «война»: число перечисленных частей определения "
                                "различается: 3 в русском тексте, 2 в китайском.\n"));
    assert_non_null(strstr(out, "> «武器» — \\[определение отсутствует\\]\n"));
    assert_non_null(strstr(out, "Если до 1 марта 2027 года"));
    assert_non_null(strstr(out, "в отношении понятий «оружие», «война»,"));
    glossa_free(out);
    /* the corrected version is the text as corrected; it may not amend */
    {
        const char *fixed[1] = { old_path };
        o.corrected = fixed;
        o.n_corrected = 1;
        assert_int_equal(render(c, &o, &out, &err), GLOSSA_ENOTFOUND);
        assert_string_equal(err.msg, "the corrected version changes a, which concorded, and "
                                     "takes p out of the annex: an amendment of the annex "
                                     "needs a protocol, not a correction (glossa protocol); no "
                                     "notification written");
    }
    glossa_concordance_free(c);
}

static void test_correction__alloc(void **state)
{
    glossa_correction_opts o = GLOSSA_CORRECTION_OPTS_INIT;
    glossa_concordance_opts co = GLOSSA_CONCORDANCE_OPTS_INIT;
    const char *in[1] = { cur_path }, *old[1] = { old_path };
    glossa_concordance *c;
    glossa_error err;
    unsigned long n;
    char *out;
    int rc;
    (void)state;
    co.since = old;
    co.n_since = 1;
    for (n = 1;; n++) {
        c = NULL;
        glossa__alloc_fail_after(n, 0);
        rc = glossa_concordance_new(&c, in, 1, &co, &err);
        glossa__alloc_fail_after(0, 0);
        if (!rc)
            break;
        assert_int_equal(rc, GLOSSA_ENOMEM);
        assert_null(c);
    }
    assert_true(n > 5); /* the term base's arena takes few, large blocks */
    assert_int_equal(glossa_concordance_count(c), 4);
    o.objections_by = "2027-03-01";
    o.format = GLOSSA_FORMAT_DOCX;
    for (n = 1;; n++) {
        glossa__alloc_fail_after(n, 0);
        rc = render(c, &o, &out, &err);
        glossa__alloc_fail_after(0, 0);
        if (!rc) {
            glossa_free(out);
            break;
        }
        assert_int_equal(rc, GLOSSA_ENOMEM);
        assert_null(out);
    }
    assert_true(n > 10);
    glossa_concordance_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concordance__findings),
        cmocka_unit_test(test_concordance__since),
        cmocka_unit_test(test_concordance__parts),
        cmocka_unit_test(test_concordance__errors),
        cmocka_unit_test(test_correction__render),
        cmocka_unit_test(test_correction__alloc),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
