/*
** test_diff.c — the word-level redline (src/lib/diff.c): Myers' diff over
** ICU word segments, in Russian and in Chinese (by word, not by byte), the
** edge cases, and that the pieces rebuild both texts exactly.
*/
#include "helpers.h"
#include "glossa_int.h"
#include "diff_int.h"

#include <stdio.h>
#include <string.h>

static struct glossa_norm *norm;

static int setup(void **state)
{
    glossa_error err;
    if (th_global_setup(state))
        return -1;
    return glossa__norm_new(&norm, &err);
}

static int teardown(void **state)
{
    glossa__norm_free(norm);
    return th_global_teardown(state);
}

/* Render a redline as text: [-deleted-]{+inserted+}. */
static void render(const char *a, const char *b, char *out, size_t size, char *old_back,
                   char *new_back)
{
    struct glossa_arena *ar = glossa__arena_new();
    struct redline r;
    size_t i, n = 0, no = 0, nn = 0;
    assert_non_null(ar);
    assert_int_equal(glossa__redline(norm, ar, a, b, &r), 0);
    out[0] = old_back[0] = new_back[0] = '\0';
    for (i = 0; i < r.n; i++) {
        const struct piece *p = &r.items[i];
        const char *open = p->op == GLOSSA_EDIT_DEL ? "[-" : p->op == GLOSSA_EDIT_INS ? "{+" : "";
        const char *close = p->op == GLOSSA_EDIT_DEL ? "-]" : p->op == GLOSSA_EDIT_INS ? "+}" : "";
        n += (size_t)snprintf(out + n, size - n, "%s%.*s%s", open, (int)p->len, p->s, close);
        if (p->op != GLOSSA_EDIT_INS)
            no += (size_t)snprintf(old_back + no, size - no, "%.*s", (int)p->len, p->s);
        if (p->op != GLOSSA_EDIT_DEL)
            nn += (size_t)snprintf(new_back + nn, size - nn, "%.*s", (int)p->len, p->s);
    }
    glossa__arena_free(ar);
}

static void expect(const char *a, const char *b, const char *want)
{
    char got[2048], old_back[2048], new_back[2048];
    render(a, b, got, sizeof got, old_back, new_back);
    assert_string_equal(got, want);
    assert_string_equal(old_back, a);
    assert_string_equal(new_back, b);
}

static void test_diff__russian_words(void **state)
{
    (void)state;
    expect("информационные технологии, средства и методы",
           "информационные и коммуникационные технологии, средства и методы",
           "информационные {+и коммуникационные +}технологии, средства и методы");
    expect("состояние защищенности личности, общества и государства",
           "состояние защищенности общества и государства",
           "состояние защищенности [-личности, -]общества и государства");
}

static void test_diff__chinese_by_word(void **state)
{
    (void)state;
    /* 保障 replaced by 维护: whole words, never half a character */
    expect("保障信息安全", "维护信息安全", "[-保障-]{+维护+}信息安全");
}

static void test_diff__edge_cases(void **state)
{
    (void)state;
    expect("", "", "");
    expect("", "новый текст", "{+новый текст+}");
    expect("старый текст", "", "[-старый текст-]");
    expect("тот же текст", "тот же текст", "тот же текст");
    expect("a b c", "c b a", "[-a-]{+c+} b [-c-]{+a+}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diff__russian_words),
        cmocka_unit_test(test_diff__chinese_by_word),
        cmocka_unit_test(test_diff__edge_cases),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
