/*
** test_scan.c — terms in running text (src/lib/scan.c, scan_html.c) over a
** small fixture index: inflection, the longest term winning, punctuation,
** whole words only, short stems, abbreviations in capitals, languages,
** positions, terms across a chunk boundary, HTML, out of memory.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

static char *dir;
static glossa_db *db;

static const char fixture[] =
    TH_TEI_HEAD
    TH_ENTRY("information-security", "информационная безопасность", "information security")
    TH_ENTRY("international-information-security", "международная информационная безопасность",
             "international information security")
    TH_ENTRY("safety", "безопасность", "safety")
    TH_ENTRY("network", "сеть", "network")
    TH_ENTRY("competent-authority", "компетентный орган", "competent authority")
    "<entry xml:id=\"ict\" type=\"concept\" source=\"#src\">"
    "<usg type=\"status\">proposed</usg><usg type=\"reliability\">2</usg>"
    "<form type=\"term\" xml:lang=\"ru\"><orth>информационно-коммуникационные технологии</orth>"
    "<usg type=\"status\">preferred</usg></form>"
    "<form type=\"term\" xml:lang=\"ru\"><orth>ИКТ</orth><usg type=\"status\">admitted</usg>"
    "<usg type=\"termType\">abbreviation</usg></form>"
    "<form type=\"term\" xml:lang=\"zh\"><orth>信息通信技术</orth><usg type=\"status\">preferred</usg></form>"
    "<form type=\"term\" xml:lang=\"kk\"><orth>ақпараттық-коммуникациялық технологиялар</orth>"
    "<usg type=\"status\">preferred</usg></form>"
    "<form type=\"term\" xml:lang=\"en\"><orth>ICT</orth><usg type=\"status\">admitted</usg></form>"
    "</entry>\n"
    TH_TEI_TAIL;

static int setup(void **state)
{
    return th_setup_index(state, &dir, &db, NULL, fixture);
}

static int teardown(void **state)
{
    return th_teardown_index(state, &dir, &db);
}

/* "LINE:COL id «text»; …" for every match of text. */
static char *scan_str(const char *text, size_t len, const char *from, const char *to)
{
    static char out[8192];
    glossa_scan_opts o = GLOSSA_SCAN_OPTS_INIT;
    glossa_scanner *s = NULL;
    glossa_scan *r = NULL;
    glossa_error err;
    size_t i, n = 0;
    o.from = from;
    o.to = to;
    if (glossa_scanner_new(&s, db, &o, &err) || glossa_scan_buffer(s, "t", text, len, &r, &err))
        fail_msg("scan failed: %s", err.msg);
    out[0] = '\0';
    for (i = 0; i < glossa_scan_count(r); i++) {
        const glossa_scan_match *m = glossa_scan_get(r, i);
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%ld:%ld %s «%s»", i ? "; " : "",
                              m->line, m->column, m->id, m->text);
    }
    assert_null(glossa_scan_get(r, i));
    glossa_scan_free(r);
    glossa_scanner_free(s);
    return out;
}

static void expect_scan(const char *text, const char *want)
{
    const char *got = scan_str(text, strlen(text), NULL, NULL);
    if (strcmp(got, want) != 0)
        fail_msg("scan of '%s':\n  got  %s\n  want %s", text, got, want);
}

static void test_scan__inflection_and_longest_match(void **state)
{
    (void)state;
    expect_scan("Об информационной безопасности.", "1:4 information-security «информационной безопасности»");
    expect_scan("угрозы международной информационной безопасности",
                "1:8 international-information-security «международной информационной безопасности»");
    /* overlapping: the one that starts first, as long as possible, then on after it */
    expect_scan("информационная безопасность безопасность",
                "1:1 information-security «информационная безопасность»; 1:29 safety «безопасность»");
    expect_scan("Информационно-коммуникационными технологиями и ИКТ",
                "1:1 ict «Информационно-коммуникационными технологиями»; 1:48 ict «ИКТ»");
}

static void test_scan__words_and_punctuation(void **state)
{
    (void)state;
    /* punctuation between words ends a term; a dash too */
    expect_scan("информационная; безопасность", "1:17 safety «безопасность»");
    expect_scan("информационная — безопасность", "1:18 safety «безопасность»");
    /* whole words only: no match inside a word */
    expect_scan("кибербезопасность", "");
    /* white space and line breaks between words are one space in the text */
    expect_scan("информационная\n   безопасность", "1:1 information-security «информационная безопасность»");
    /* a short stem (сет) would match too much: сеть matches only as written */
    expect_scan("сеть, сети, сетевой", "1:1 network «сеть»");
    /* abbreviations only in capitals */
    expect_scan("ИКТ, икт, Икт", "1:1 ict «ИКТ»");
    /* a word with two Snowball stems (орган, органа → орга; органами → орган) */
    expect_scan("компетентный орган, компетентного органа, компетентными органами",
                "1:1 competent-authority «компетентный орган»; "
                "1:21 competent-authority «компетентного органа»; "
                "1:43 competent-authority «компетентными органами»");
    expect_scan("компетентными организациями", "");
    /* a hyphenated line end */
    expect_scan("госу-\nдарств информацион-\n\nной безопасности",
                "2:8 information-security «информационной безопасности»");
}

static void test_scan__languages(void **state)
{
    const char *en = "Information security and ICT.";
    const char *zh = "加强信息通信技术合作";
    const char *kk = "ақпараттық-коммуникациялық технологиялар";
    (void)state;
    assert_string_equal(scan_str(en, strlen(en), NULL, NULL),
                        "1:1 information-security «Information security»; 1:26 ict «ICT»");
    assert_string_equal(scan_str(zh, strlen(zh), NULL, NULL), "1:3 ict «信息通信技术»");
    /* a language without a stemmer: its terms as written (normalised) */
    assert_string_equal(scan_str(kk, strlen(kk), NULL, NULL),
                        "1:1 ict «ақпараттық-коммуникациялық технологиялар»");
    assert_string_equal(scan_str(zh, strlen(zh), "ru,en", NULL), "");
    assert_string_equal(scan_str(en, strlen(en), "ru", NULL), "");
}

static void test_scan__equivalents_and_positions(void **state)
{
    static const char text[] = "один\r\nдва ИКТ\n\tтри информационная безопасность";
    glossa_scan_opts o = GLOSSA_SCAN_OPTS_INIT;
    glossa_scanner *s = NULL;
    glossa_scan *r = NULL;
    const glossa_scan_match *m;
    glossa_error err;
    size_t len;
    (void)state;
    o.to = "zh,en";
    assert_int_equal(glossa_scanner_new(&s, db, &o, &err), 0);
    assert_int_equal(glossa_scanner_terms(s), 15);
    assert_int_equal(glossa_scan_buffer(s, "doc.txt", text, sizeof text - 1, &r, &err), 0);
    assert_string_equal(glossa_scan_name(r), "doc.txt");
    assert_string_equal(glossa_scan_text(r, &len), text);
    assert_int_equal(len, sizeof text - 1);
    assert_int_equal(glossa_scan_count(r), 2);
    m = glossa_scan_get(r, 0);
    assert_int_equal(m->line, 2);
    assert_int_equal(m->column, 5);
    assert_int_equal(m->start, strstr(text, "ИКТ") - text);
    assert_int_equal(m->end, strstr(text, "ИКТ") - text + strlen("ИКТ"));
    assert_string_equal(m->term, "ИКТ");
    assert_string_equal(m->lang, "ru");
    assert_int_equal(m->reliability, 2);
    assert_string_equal(m->status, "proposed");
    assert_int_equal(m->n_equivalents, 2); /* zh and en; not ru, not kk */
    assert_string_equal(m->equivalents[0].lang, "zh");
    assert_string_equal(m->equivalents[0].text, "信息通信技术");
    assert_string_equal(m->equivalents[1].text, "ICT");
    m = glossa_scan_get(r, 1);
    assert_int_equal(m->line, 3);
    assert_int_equal(m->column, 6);
    glossa_scan_free(r);
    glossa_scanner_free(s);
}

static void test_scan__across_chunks(void **state)
{
    struct glossa_buf b = GLOSSA_BUF_INIT;
    glossa_scanner *s = NULL;
    glossa_scan *r = NULL;
    glossa_error err;
    size_t i;
    (void)state;
    /* one long line, then a term broken over the first newline past 64 KiB:
    ** the text is given to ICU in chunks that end at such a newline */
    for (i = 0; i < 12000; i++)
        assert_int_equal(glossa__buf_adds(&b, "слово "), 0);
    assert_int_equal(glossa__buf_adds(&b, "информационная\nбезопасность и ИКТ"), 0);
    assert_int_equal(glossa_scanner_new(&s, db, NULL, &err), 0);
    assert_int_equal(glossa_scan_buffer(s, "big", b.data, b.len, &r, &err), 0);
    assert_int_equal(glossa_scan_count(r), 2);
    assert_string_equal(glossa_scan_get(r, 0)->id, "information-security");
    assert_int_equal(glossa_scan_get(r, 0)->column, 72001);
    assert_string_equal(glossa_scan_get(r, 1)->text, "ИКТ");
    assert_int_equal(glossa_scan_get(r, 1)->line, 2);
    glossa_scan_free(r);
    glossa_scanner_free(s);
    glossa__buf_release(&b);
}

static void test_scan__html(void **state)
{
    static const char text[] = "a<b & ИКТ";
    glossa_scanner *s = NULL;
    glossa_scan *r = NULL;
    glossa_error err;
    char *html = NULL;
    size_t len = 0;
    (void)state;
    assert_int_equal(glossa_scanner_new(&s, db, NULL, &err), 0);
    assert_int_equal(glossa_scan_buffer(s, "x<y.txt", text, sizeof text - 1, &r, &err), 0);
    assert_int_equal(glossa_scan_html((const glossa_scan *const *)&r, 1, &html, &len, &err), 0);
    assert_int_equal(strlen(html), len);
    assert_non_null(strstr(html, "<h2>x&lt;y.txt</h2>"));
    assert_non_null(strstr(html, "a&lt;b &amp; <mark class=\"term\" data-concept=\"ict\" title=\"ict — ИКТ (ru)&#10;"));
    assert_non_null(strstr(html, "zh: 信息通信技术&#10;"));
    assert_non_null(strstr(html, ">ИКТ</mark>"));
    glossa_free(html);
    glossa_scan_free(r);
    glossa_scanner_free(s);
}

static void test_scan__oom_is_reported(void **state)
{
    static const char text[] = "угрозы международной информационной безопасности и ИКТ";
    unsigned long n;
    (void)state;
    for (n = 1; n < 5000; n++) {
        glossa_scanner *s = NULL;
        glossa_scan *r = NULL;
        glossa_error err;
        int rc;
        glossa__alloc_fail_after(n, 0);
        rc = glossa_scanner_new(&s, db, NULL, &err);
        if (rc == 0)
            rc = glossa_scan_buffer(s, "t", text, sizeof text - 1, &r, &err);
        glossa__alloc_fail_after(0, 0);
        if (rc == 0) {
            assert_int_equal(glossa_scan_count(r), 2);
            glossa_scan_free(r);
            glossa_scanner_free(s);
            break;
        }
        assert_int_equal(rc, GLOSSA_ENOMEM);
        assert_null(r);
        glossa_scanner_free(s);
    }
    assert_true(n > 1 && n < 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan__inflection_and_longest_match),
        cmocka_unit_test(test_scan__words_and_punctuation),
        cmocka_unit_test(test_scan__languages),
        cmocka_unit_test(test_scan__equivalents_and_positions),
        cmocka_unit_test(test_scan__across_chunks),
        cmocka_unit_test(test_scan__html),
        cmocka_unit_test(test_scan__oom_is_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
