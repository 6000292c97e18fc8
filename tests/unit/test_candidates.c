/*
** test_candidates.c — term candidates (src/lib/candidates.c): C-value worked
** out by hand, inflected forms grouped, stop words and punctuation, proper
** names, glossary terms left out, the TEI proposal accepted by the validator,
** out of memory.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

static char *dir;
static glossa_db *db;

static int setup(void **state)
{
    return th_setup_index(state, &dir, &db, NULL,
                          TH_TEI_HEAD TH_ENTRY("red-book", "красная книга", "red book") TH_TEI_TAIL);
}

static int teardown(void **state)
{
    return th_teardown_index(state, &dir, &db);
}

static glossa_candidates *rank(glossa_db *with, const char *text, int include_known)
{
    glossa_candidates_opts o = GLOSSA_CANDIDATES_OPTS_INIT;
    glossa_candidates *c = NULL;
    glossa_error err;
    o.include_known = include_known;
    if (glossa_candidates_new(&c, with, &o, &err) ||
        glossa_candidates_add_buffer(c, "doc.txt", text, strlen(text), &err) ||
        glossa_candidates_rank(c, &err))
        fail_msg("candidates failed: %s", err.msg);
    return c;
}

static const char cvalue_text[] =
    "красная книга. красная книга. большая красная книга. большая красная книга. "
    "большая красная книга.";

static void test_candidates__cvalue_by_hand(void **state)
{
    glossa_candidates *c = rank(NULL, cvalue_text, 0);
    const glossa_candidate *k;
    (void)state;
    /* «большая красная книга»: 3 words, f 3, in no longer candidate:
    **   log2(3) · 3 = 4.755
    ** «красная книга»: 2 words, f 5, nested in one candidate 3 times:
    **   log2(2) · (5 − 3/1) = 2
    ** «большая красная» ends in an adjective: no candidate. */
    assert_int_equal(glossa_candidates_count(c), 2);
    k = glossa_candidates_get(c, 0);
    assert_string_equal(k->text, "большая красная книга");
    assert_string_equal(k->key, "больш красн книг");
    assert_int_equal(k->words, 3);
    assert_int_equal(k->freq, 3);
    assert_true(k->cvalue > 3 * 1.584962500721156 - 1e-9 && k->cvalue < 3 * 1.584962500721156 + 1e-9);
    k = glossa_candidates_get(c, 1);
    assert_string_equal(k->text, "красная книга");
    assert_int_equal(k->freq, 5);
    assert_true(k->cvalue > 2 - 1e-9 && k->cvalue < 2 + 1e-9);
    assert_string_equal(k->example, "красная книга.");
    assert_int_equal(k->line, 1);
    assert_int_equal(k->docs, 1);
    assert_null(glossa_candidates_get(c, 2));
    glossa_candidates_free(c);
}

static void test_candidates__forms_grouped(void **state)
{
    glossa_candidates *c = rank(NULL, "Красной книги нет.\nВ красной книге, красную книгу; красной книги.", 0);
    const glossa_candidate *k;
    (void)state;
    assert_int_equal(glossa_candidates_count(c), 1);
    k = glossa_candidates_get(c, 0);
    assert_string_equal(k->key, "красн книг");
    assert_int_equal(k->freq, 4);
    assert_int_equal(k->forms, 4); /* case differs: Красной, красной */
    assert_string_equal(k->text, "Красной книги"); /* first of the most frequent */
    assert_string_equal(k->example, "Красной книги нет.");
    glossa_candidates_free(c);
}

static void test_candidates__filters(void **state)
{
    glossa_candidates *c;
    (void)state;
    /* stop words never at the ends; punctuation ends a phrase; a half compound
    ** is no word; a verb does not start one; a number is no word */
    c = rank(NULL,
             "и новые угрозы и новые угрозы. новые, угрозы. новые, угрозы. "
             "военно-политических целях и военно-политических целях. "
             "обеспечивают безопасность. обеспечивают безопасность. "
             "2020 года. 2020 года.", 0);
    assert_int_equal(glossa_candidates_count(c), 2);
    assert_string_equal(glossa_candidates_get(c, 0)->text, "военно-политических целях");
    assert_int_equal(glossa_candidates_get(c, 0)->words, 2);
    assert_string_equal(glossa_candidates_get(c, 1)->text, "новые угрозы");
    glossa_candidates_free(c);
    /* a proper name (capitals inside the sentence) is no term */
    c = rank(NULL, "Это Красная Книга. Это Красная Книга. Это Красная Книга.", 0);
    assert_int_equal(glossa_candidates_count(c), 0);
    glossa_candidates_free(c);
}

static void test_candidates__glossary_terms_left_out(void **state)
{
    glossa_candidates *c;
    (void)state;
    c = rank(db, cvalue_text, 0);
    assert_int_equal(glossa_candidates_count(c), 1);
    assert_string_equal(glossa_candidates_get(c, 0)->text, "большая красная книга");
    glossa_candidates_free(c);
    c = rank(db, cvalue_text, 1);
    assert_int_equal(glossa_candidates_count(c), 2);
    assert_int_equal(glossa_candidates_get(c, 0)->known, 0);
    assert_int_equal(glossa_candidates_get(c, 1)->known, 1);
    glossa_candidates_free(c);
}

static void test_candidates__fragments_closed(void **state)
{
    glossa_candidates *c;
    (void)state;
    /* «зелёная лампа» is never seen without «яркая зелёная лампа»: a fragment,
    ** not listed; once seen alone, it is a candidate again */
    c = rank(NULL, "яркая зелёная лампа. яркая зелёная лампа.", 0);
    assert_int_equal(glossa_candidates_count(c), 1);
    assert_string_equal(glossa_candidates_get(c, 0)->text, "яркая зелёная лампа");
    glossa_candidates_free(c);
    c = rank(NULL, "яркая зелёная лампа. яркая зелёная лампа. зелёная лампа.", 0);
    assert_int_equal(glossa_candidates_count(c), 2);
    assert_string_equal(glossa_candidates_get(c, 1)->text, "зелёная лампа");
    glossa_candidates_free(c);
    /* a compound-preposition noun does not start a candidate, may end one */
    c = rank(NULL, "в целях защиты информации. в целях защиты информации. в преступных целях. "
                   "в преступных целях.", 0);
    assert_int_equal(glossa_candidates_count(c), 2);
    assert_string_equal(glossa_candidates_get(c, 0)->text, "защиты информации");
    assert_string_equal(glossa_candidates_get(c, 1)->text, "преступных целях");
    glossa_candidates_free(c);
}

static void test_candidates__domain_weight(void **state)
{
    glossa_candidates *c;
    const glossa_candidate *k;
    (void)state;
    /* the glossary has «красная книга»: «красная папка» (f 2) shares half its
    ** words, «синяя папка» (f 2) none: score = C-value × (1 + domain) */
    c = rank(db, "синяя папка. синяя папка. красная папка. красная папка.", 0);
    assert_int_equal(glossa_candidates_count(c), 2);
    k = glossa_candidates_get(c, 0);
    assert_string_equal(k->text, "красная папка");
    assert_true(k->domain > 0.5 - 1e-9 && k->domain < 0.5 + 1e-9);
    assert_true(k->cvalue > 2 - 1e-9 && k->cvalue < 2 + 1e-9);
    assert_true(k->score > 3 - 1e-9 && k->score < 3 + 1e-9);
    k = glossa_candidates_get(c, 1);
    assert_string_equal(k->text, "синяя папка");
    assert_true(k->domain == 0 && k->score == k->cvalue);
    glossa_candidates_free(c);
    /* without a glossary there is no domain: the score is the C-value */
    c = rank(NULL, "синяя папка. синяя папка. красная папка. красная папка.", 0);
    assert_true(glossa_candidates_get(c, 0)->domain == 0);
    assert_true(glossa_candidates_get(c, 1)->domain == 0);
    glossa_candidates_free(c);
}

static void test_candidates__proposal_validates(void **state)
{
    glossa_candidates *c = rank(NULL, cvalue_text, 0);
    glossa_index_stats stats;
    glossa_error err;
    const char *in[1];
    char path[4096], *xml = NULL;
    size_t len = 0;
    (void)state;
    assert_int_equal(glossa_candidates_proposal(c, 10, &xml, &len, &err), 0);
    assert_int_equal(strlen(xml), len);
    assert_non_null(strstr(xml, "<orth>большая красная книга</orth>"));
    assert_non_null(strstr(xml, "<quote>большая красная книга.</quote>"));
    assert_non_null(strstr(xml, "<bibl xml:id=\"doc1-doc-txt\" type=\"other\"><title>doc.txt</title>"));
    snprintf(path, sizeof path, "%s", th_path(dir, "proposal.xml"));
    th_write(path, xml);
    in[0] = path;
    memset(&stats, 0, sizeof stats);
    if (glossa_validate(in, 1, NULL, &stats, &err))
        fail_msg("the proposal does not validate: %s:%ld: %s", err.file, err.line, err.msg);
    assert_int_equal(stats.concepts, 2);
    glossa_free(xml);
    /* nothing to propose */
    assert_int_equal(glossa_candidates_proposal(c, 0, &xml, &len, &err), GLOSSA_ENOTFOUND);
    glossa_candidates_free(c);
}

static void test_candidates__misuse(void **state)
{
    glossa_candidates_opts o = GLOSSA_CANDIDATES_OPTS_INIT;
    glossa_candidates *c = NULL;
    glossa_error err;
    (void)state;
    o.lang = "kk";
    assert_int_equal(glossa_candidates_new(&c, NULL, &o, &err), GLOSSA_EINPUT);
    assert_null(c);
    c = rank(NULL, cvalue_text, 0);
    assert_int_equal(glossa_candidates_add_buffer(c, "late", "x y", 3, &err), GLOSSA_EINPUT);
    assert_int_equal(glossa_candidates_documents(c), 1);
    glossa_candidates_free(c);
}

static void test_candidates__oom_is_reported(void **state)
{
    unsigned long n;
    (void)state;
    for (n = 1; n < 5000; n++) {
        glossa_candidates *c = NULL;
        glossa_error err;
        int rc;
        glossa__alloc_fail_after(n, 0);
        rc = glossa_candidates_new(&c, db, NULL, &err);
        if (!rc)
            rc = glossa_candidates_add_buffer(c, "t", cvalue_text, sizeof cvalue_text - 1, &err);
        if (!rc)
            rc = glossa_candidates_rank(c, &err);
        glossa__alloc_fail_after(0, 0);
        if (rc == 0) {
            assert_int_equal(glossa_candidates_count(c), 1);
            glossa_candidates_free(c);
            break;
        }
        assert_int_equal(rc, GLOSSA_ENOMEM);
        glossa_candidates_free(c);
    }
    assert_true(n > 1 && n < 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_candidates__cvalue_by_hand),
        cmocka_unit_test(test_candidates__forms_grouped),
        cmocka_unit_test(test_candidates__filters),
        cmocka_unit_test(test_candidates__fragments_closed),
        cmocka_unit_test(test_candidates__domain_weight),
        cmocka_unit_test(test_candidates__glossary_terms_left_out),
        cmocka_unit_test(test_candidates__proposal_validates),
        cmocka_unit_test(test_candidates__misuse),
        cmocka_unit_test(test_candidates__oom_is_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
