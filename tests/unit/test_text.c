/*
** test_text.c — running text (src/lib/text.c): decoding UTF-16 and byte-order
** marks, invalid UTF-8, re-joining words hyphenated at line ends (and keeping
** a compound's hyphen), mapping positions back, lines and columns, gaps;
** the code points of a string (glossa__code_points, glossa.c).
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

static void load(struct glossa_text *t, const char *data, size_t len)
{
    glossa_error err;
    if (glossa__text_load(t, data, len, "t.txt", &err))
        fail_msg("load failed: %s", err.msg);
}

static void expect_clean(const char *in, const char *want)
{
    struct glossa_text t;
    load(&t, in, strlen(in));
    if (t.clean_len != strlen(want) || memcmp(t.clean, want, t.clean_len) != 0)
        fail_msg("'%s' re-joined as '%.*s', expected '%s'", in, (int)t.clean_len, t.clean, want);
    glossa__text_release(&t);
}

static void test_text__utf16_and_boms(void **state)
{
    /* "Aж𝄞" in UTF-16 LE and BE with a BOM, with a surrogate pair */
    static const char le[] = "\xff\xfe" "A\0" "\x36\x04" "\x34\xd8\x1e\xdd";
    static const char be[] = "\xfe\xff" "\0A" "\x04\x36" "\xd8\x34\xdd\x1e";
    static const char want[] = "A\xd0\xb6\xf0\x9d\x84\x9e";
    struct glossa_text t;
    (void)state;
    load(&t, le, sizeof le - 1);
    assert_int_equal(t.len, strlen(want));
    assert_memory_equal(t.utf8, want, t.len);
    glossa__text_release(&t);
    load(&t, be, sizeof be - 1);
    assert_memory_equal(t.utf8, want, t.len);
    glossa__text_release(&t);
    load(&t, "\xef\xbb\xbfok", 5);
    assert_string_equal(t.utf8, "ok");
    glossa__text_release(&t);
    /* an unpaired surrogate and an odd last byte become U+FFFD */
    load(&t, "\xff\xfe\x00\xd8" "A\0" "B", 7);
    assert_string_equal(t.utf8, "\xef\xbf\xbd" "A" "\xef\xbf\xbd");
    glossa__text_release(&t);
}

static void test_text__invalid_utf8_and_nul(void **state)
{
    struct glossa_text t;
    glossa_error err;
    (void)state;
    load(&t, "a\xff" "b\xd0", 4);
    assert_string_equal(t.utf8, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
    glossa__text_release(&t);
    memset(&err, 0, sizeof err);
    assert_int_equal(glossa__text_load(&t, "a\0b", 3, "x.txt", &err), GLOSSA_EINPUT);
    assert_string_equal(err.file, "x.txt");
    assert_non_null(strstr(err.msg, "NUL byte at offset 1"));
}

static void test_text__hyphenation_at_line_ends(void **state)
{
    (void)state;
    /* a syllable break: joined */
    expect_clean("главы госу-\n\nдарств", "главы государств");
    /* the document writes the joined word elsewhere */
    expect_clean("приложение (см. при-\nложение)", "приложение (см. приложение)");
    /* a compound's first part: the hyphen stays, the line break goes */
    expect_clean("использованию информационно-\n\nкоммуникационных технологий",
                 "использованию информационно-коммуникационных технологий");
    expect_clean("военно-\nполитических", "военно-политических");
    /* both halves are words of the document: a compound (государств-/членов) */
    expect_clean("государств и членов; государств-\nчленов", "государств и членов; государств-членов");
    /* short first parts and other endings join */
    expect_clean("со-\n\nздания, терро-\nристических, нацио-\nнальные",
                 "создания, террористических, национальные");
    /* a capital after the break starts a word of its own */
    expect_clean("Северо-\nЗапад", "Северо-Запад");
    /* a soft hyphen always joins; spaces before the newline are fine */
    expect_clean("инфор\xc2\xad  \n  мация", "информация");
    /* not a break: a dash, a hyphen at the end of the text, no newline */
    expect_clean("слово -\nслово", "слово -\nслово");
    expect_clean("конец-\n", "конец-\n");
    expect_clean("кто-то", "кто-то");
    expect_clean("information secu-\nrity", "information security");
}

static void test_text__positions_map_back(void **state)
{
    static const char in[] = "ab госу-\n\nдарств cd\nинформационно-\nкоммуникационных x";
    struct glossa_text t;
    struct glossa_text_pos p;
    const char *clean_word = "государств", *at;
    size_t cs, orig;
    (void)state;
    load(&t, in, sizeof in - 1);
    at = strstr(t.clean, clean_word);
    assert_non_null(at);
    cs = (size_t)(at - t.clean);
    assert_int_equal(glossa__text_orig(&t, cs, 0), (size_t)(strstr(in, "госу") - in));
    /* the end of a word after a splice */
    orig = glossa__text_orig(&t, cs + strlen(clean_word), 1);
    assert_int_equal(orig, (size_t)(strstr(in, " cd") - in));
    at = strstr(t.clean, "коммуникационных");
    assert_int_equal(glossa__text_orig(&t, (size_t)(at - t.clean), 0),
                     (size_t)(strstr(in, "коммуникационных") - in));
    /* "информационно" ends at its hyphen, kept: the hyphen of the original */
    assert_int_equal(glossa__text_orig(&t, (size_t)(at - t.clean) - 1, 1),
                     (size_t)(strstr(in, "-\nкомм") - in));
    /* line and column of "коммуникационных": line 5, column 1 */
    memset(&p, 0, sizeof p);
    glossa__text_advance(&t, &p, (size_t)(strstr(in, "коммуникационных") - in));
    assert_int_equal(p.line, 5);
    assert_int_equal(p.column, 1);
    memset(&p, 0, sizeof p);
    glossa__text_advance(&t, &p, (size_t)(strstr(in, " cd") - in) + 1);
    assert_int_equal(p.line, 3);
    assert_int_equal(p.column, 8); /* characters, not bytes */
    glossa__text_release(&t);
}

static void test_text__gaps(void **state)
{
    struct glossa_text t;
    (void)state;
    load(&t, "a \n b-c d, e \xe2\x80\x94 f", strlen("a \n b-c d, e \xe2\x80\x94 f"));
    assert_int_equal(glossa__text_gap(&t, 1, 4), GLOSSA_GAP_SPACE);
    assert_int_equal(glossa__text_gap(&t, 5, 6), GLOSSA_GAP_HYPHEN);
    assert_int_equal(glossa__text_gap(&t, 9, 11), GLOSSA_GAP_BREAK);  /* comma */
    assert_int_equal(glossa__text_gap(&t, 12, 17), GLOSSA_GAP_BREAK); /* em dash */
    assert_int_equal(glossa__text_gap(&t, 4, 4), GLOSSA_GAP_SPACE);   /* nothing (Chinese) */
    glossa__text_release(&t);
}

struct words {
    char text[4096];
    size_t n;
};

static int collect(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    struct words *w = ud;
    (void)start;
    (void)end;
    (void)flags;
    w->n += (size_t)snprintf(w->text + w->n, sizeof w->text - w->n, "%s%.*s", w->n ? "|" : "",
                             (int)len, tok);
    return 0;
}

static int count_words(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    size_t *count = ud;
    (void)start;
    (void)end;
    (void)flags;
    if (len != strlen("слово") || memcmp(tok, "слово", len) != 0)
        return -1;
    ++*count;
    return 0;
}

static void test_text__tokens_in_chunks(void **state)
{
    struct glossa_norm *norm;
    struct glossa_text t;
    struct words w;
    glossa_error err;
    struct glossa_buf big = GLOSSA_BUF_INIT;
    size_t i, count = 0;
    (void)state;
    assert_int_equal(glossa__norm_new(&norm, &err), 0);
    load(&t, "Госу-\nдарства, ИКТ!", strlen("Госу-\nдарства, ИКТ!"));
    memset(&w, 0, sizeof w);
    assert_int_equal(glossa__text_tokens(&t, norm, collect, &w), 0);
    assert_string_equal(w.text, "государства|икт");
    glossa__text_release(&t);
    /* more than one 64 KiB chunk: every word once, none cut at a chunk's end */
    for (i = 0; i < 30000; i++)
        assert_int_equal(glossa__buf_adds(&big, i % 7 == 6 ? "слово\n" : "слово "), 0);
    load(&t, big.data, big.len);
    assert_true(t.clean_len > 3 * 65536);
    assert_int_equal(glossa__text_tokens(&t, norm, count_words, &count), 0);
    assert_int_equal(count, 30000);
    glossa__text_release(&t);
    glossa__buf_release(&big);
    glossa__norm_free(norm);
}

static void test_text__oom_is_reported(void **state)
{
    static const char in[] = "госу-\nдарств информационно-\nкоммуникационных";
    unsigned long n;
    (void)state;
    for (n = 1; n < 200; n++) {
        struct glossa_text t;
        glossa_error err;
        int rc;
        glossa__alloc_fail_after(n, 0);
        rc = glossa__text_load(&t, in, sizeof in - 1, "t", &err);
        glossa__alloc_fail_after(0, 0);
        if (rc == 0) {
            assert_string_equal(t.clean, "государств информационно-коммуникационных");
            glossa__text_release(&t);
            break;
        }
        assert_int_equal(rc, GLOSSA_ENOMEM);
    }
    assert_true(n > 1 && n < 200);
}

static void test_text__code_points(void **state)
{
    int32_t cps[GLOSSA_DISTANCE_MAX];
    char many[GLOSSA_DISTANCE_MAX + 11];
    (void)state;
    /* "aж𝄞" and a stray continuation byte (one negative value) */
    assert_int_equal(glossa__code_points("a\xd0\xb6\xf0\x9d\x84\x9e\x80z", cps), 5);
    assert_int_equal(cps[0], 'a');
    assert_int_equal(cps[1], 0x436);
    assert_int_equal(cps[2], 0x1D11E);
    assert_true(cps[3] < 0);
    assert_int_equal(cps[4], 'z');
    /* at most GLOSSA_DISTANCE_MAX, the rest not read */
    memset(many, 'c', sizeof many - 1);
    many[sizeof many - 1] = '\0';
    assert_int_equal(glossa__code_points(many, cps), GLOSSA_DISTANCE_MAX);
    assert_int_equal(cps[GLOSSA_DISTANCE_MAX - 1], 'c');
    assert_int_equal(glossa__code_points("", cps), 0);
    /* the edit distance counts in them: a swap of two Cyrillic letters is one edit */
    assert_int_equal(glossa_edit_distance("\xd0\xb6\xd0\xb0", "\xd0\xb0\xd0\xb6"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text__utf16_and_boms),
        cmocka_unit_test(test_text__invalid_utf8_and_nul),
        cmocka_unit_test(test_text__hyphenation_at_line_ends),
        cmocka_unit_test(test_text__positions_map_back),
        cmocka_unit_test(test_text__gaps),
        cmocka_unit_test(test_text__tokens_in_chunks),
        cmocka_unit_test(test_text__oom_is_reported),
        cmocka_unit_test(test_text__code_points),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
