/*
** translit.c — "Any-Latin; Latin-ASCII" for a word of Arabic script, of
** Devanagari or of Latin letters (accented, or Uzbek's ʻ) without ICU's
** transliterator registry. Opening a transliterator by id makes ICU build
** its whole registry first (14 ms, most of a Persian or Hindi lookup); ICU's
** own rules of the parts that id runs for these scripts (Arabic-Latin,
** Devanagari-Latin, then Latin-ASCII; Latin and a word of Common characters
** only the last), written at build time by cmake/translit-rules.c, open from
** their text in under a millisecond. They are run here as ICU runs them:
** each stage's global filter splits the text into runs of the characters it
** takes, normaliser steps (the "::NFD;" lines) call ICU's normaliser, and
** each rule segment is a transliterator opened from its rules, once per
** handle. A word of any other script, or one whose shape this does not
** reproduce (several scripts, characters outside the first filter), is left
** to the caller, which opens the id as before: tests/unit/test_translit.c
** compares the two on every code point of these blocks and on the bundled
** glossary's words.
*/
#include "glossa_int.h"

#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

#include <string.h>

enum { TR_NFD = 1, TR_NFC, TR_NFKD, TR_NFKC, TR_RULES };
struct tr_text {
    const UChar *s;
    int32_t len;
};
struct tr_step {
    int kind, text; /* text: the rules of a TR_RULES step */
};
struct tr_stage {
    int filter, first, count; /* filter: a text, -1 for none */
};
struct tr_chain {
    UScriptCode script;
    int first, count; /* stages; then the TR_TAIL_STAGES of Latin-ASCII */
};
#include "translit_rules.h"

#define TR_N_TEXTS ((int)(sizeof tr_texts / sizeof tr_texts[0]))

struct u16 {
    UChar *s;
    int32_t len, cap;
};

struct glossa_translit {
    UTransliterator *rules[TR_N_TEXTS]; /* opened on first use */
    USet *filter[TR_N_TEXTS];
    struct u16 cur, next, run, tmp;
};

void glossa__translit_free(struct glossa_translit *t)
{
    int i;
    if (!t)
        return;
    for (i = 0; i < TR_N_TEXTS; i++) {
        if (t->rules[i])
            utrans_close(t->rules[i]);
        if (t->filter[i])
            uset_close(t->filter[i]);
    }
    glossa__free(t->cur.s);
    glossa__free(t->next.s);
    glossa__free(t->run.s);
    glossa__free(t->tmp.s);
    glossa__free(t);
}

static int u16_reserve(struct u16 *b, int32_t need)
{
    UChar *p;
    if (need <= b->cap)
        return 0;
    if (need > (1 << 26))
        return GLOSSA_ENOMEM;
    need = need < 64 ? 64 : need * 2;
    if (!(p = glossa__realloc(b->s, (size_t)need * sizeof *p)))
        return GLOSSA_ENOMEM;
    b->s = p;
    b->cap = need;
    return 0;
}

static int u16_set(struct u16 *b, const UChar *s, int32_t n)
{
    if (u16_reserve(b, n + 1))
        return GLOSSA_ENOMEM;
    memmove(b->s, s, (size_t)n * sizeof *s);
    b->len = n;
    return 0;
}

static int u16_add(struct u16 *b, const UChar *s, int32_t n)
{
    if (u16_reserve(b, b->len + n + 1))
        return GLOSSA_ENOMEM;
    memcpy(b->s + b->len, s, (size_t)n * sizeof *s);
    b->len += n;
    return 0;
}

static USet *filter_of(struct glossa_translit *t, int text)
{
    UErrorCode status = U_ZERO_ERROR;
    if (!t->filter[text]) {
        USet *set = uset_openPattern(tr_texts[text].s, tr_texts[text].len, &status);
        if (U_FAILURE(status))
            return NULL;
        uset_freeze(set);
        t->filter[text] = set;
    }
    return t->filter[text];
}

static int normalize(struct glossa_translit *t, int kind, struct u16 *x)
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = kind == TR_NFD    ? unorm2_getNFDInstance(&status)
                            : kind == TR_NFC  ? unorm2_getNFCInstance(&status)
                            : kind == TR_NFKD ? unorm2_getNFKDInstance(&status)
                                              : unorm2_getNFKCInstance(&status);
    int32_t len;
    struct u16 swap;
    if (U_FAILURE(status))
        return GLOSSA_ERROR;
    len = unorm2_normalize(n, x->s, x->len, t->tmp.s, t->tmp.cap, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        status = U_ZERO_ERROR;
        if (u16_reserve(&t->tmp, len + 1))
            return GLOSSA_ENOMEM;
        len = unorm2_normalize(n, x->s, x->len, t->tmp.s, t->tmp.cap, &status);
    }
    if (U_FAILURE(status))
        return GLOSSA_ERROR;
    t->tmp.len = len;
    swap = *x;
    *x = t->tmp;
    t->tmp = swap;
    return 0;
}

static int apply_rules(struct glossa_translit *t, int text, struct u16 *x)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len, limit;
    if (!t->rules[text]) {
        UParseError pe;
        t->rules[text] = utrans_openU(u"glossa", -1, UTRANS_FORWARD, tr_texts[text].s,
                                      tr_texts[text].len, &pe, &status);
        if (U_FAILURE(status)) {
            t->rules[text] = NULL;
            return GLOSSA_ERROR;
        }
    }
    if (u16_set(&t->tmp, x->s, x->len))
        return GLOSSA_ENOMEM;
    for (;;) { /* the text can grow: again with room for it */
        if (u16_reserve(x, x->len * 4 + 16))
            return GLOSSA_ENOMEM;
        len = limit = x->len;
        utrans_transUChars(t->rules[text], x->s, &len, x->cap, 0, &limit, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR)
            break;
        status = U_ZERO_ERROR;
        if (u16_reserve(x, x->cap + 1) || u16_set(x, t->tmp.s, t->tmp.len))
            return GLOSSA_ENOMEM;
    }
    if (U_FAILURE(status))
        return GLOSSA_ERROR;
    x->len = len;
    return 0;
}

static int run_steps(struct glossa_translit *t, const struct tr_stage *st, struct u16 *x)
{
    int i, rc;
    for (i = st->first; i < st->first + st->count; i++) {
        int kind = tr_steps[i].kind;
        rc = kind == TR_RULES ? apply_rules(t, tr_steps[i].text, x) : normalize(t, kind, x);
        if (rc)
            return rc;
    }
    return 0;
}

/* One stage on t->cur: on each run of the characters its filter takes, as ICU does. */
static int run_stage(struct glossa_translit *t, const struct tr_stage *st)
{
    const USet *set;
    struct u16 swap;
    int32_t i = 0;
    int rc;
    if (st->filter < 0)
        return run_steps(t, st, &t->cur);
    if (!(set = filter_of(t, st->filter)))
        return GLOSSA_ERROR;
    t->next.len = 0;
    while (i < t->cur.len) {
        int32_t start = i, at;
        UChar32 c;
        int in;
        U16_GET(t->cur.s, 0, i, t->cur.len, c);
        in = uset_contains(set, c);
        for (at = i; i < t->cur.len; i = at) {
            U16_NEXT(t->cur.s, at, t->cur.len, c);
            if (uset_contains(set, c) != in)
                break;
        }
        if (!in) {
            rc = u16_add(&t->next, t->cur.s + start, i - start);
        } else {
            rc = u16_set(&t->run, t->cur.s + start, i - start);
            if (!rc)
                rc = run_steps(t, st, &t->run);
            if (!rc)
                rc = u16_add(&t->next, t->run.s, t->run.len);
        }
        if (rc)
            return rc;
    }
    swap = t->cur;
    t->cur = t->next;
    t->next = swap;
    return 0;
}

/* The chain for word s: one script besides Common and Inherited (or none: Any-Latin
   leaves such a word alone, as it leaves Latin), every character in the first
   stage's filter (so that ICU's runs are the whole word); NULL if none. */
static const struct tr_chain *chain_of(struct glossa_translit *t, const UChar *s, int32_t n)
{
    UScriptCode script = USCRIPT_INVALID_CODE;
    const struct tr_chain *chain = NULL;
    const USet *set = NULL;
    size_t i;
    int32_t at = 0;
    while (at < n) {
        UErrorCode status = U_ZERO_ERROR;
        UChar32 c;
        UScriptCode sc;
        U16_NEXT(s, at, n, c);
        sc = uscript_getScript(c, &status);
        if (U_FAILURE(status))
            return NULL;
        if (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED)
            continue;
        if (script != USCRIPT_INVALID_CODE && sc != script)
            return NULL;
        script = sc;
    }
    for (i = 0; i < sizeof tr_chains / sizeof tr_chains[0]; i++)
        if (tr_chains[i].script == script)
            chain = &tr_chains[i];
    if (!chain)
        return NULL;
    if (chain->count && tr_stages[chain->first].filter >= 0) {
        UChar32 c;
        if (!(set = filter_of(t, tr_stages[chain->first].filter)))
            return NULL;
        for (at = 0; at < n;) {
            U16_NEXT(s, at, n, c);
            if (!uset_contains(set, c))
                return NULL;
        }
    }
    return chain;
}

int glossa__translit_known(struct glossa_translit **tp, const UChar *s, int32_t n,
                           const UChar **out, int32_t *out_len)
{
    struct glossa_translit *t = *tp;
    const struct tr_chain *chain;
    int i, rc;
    if (!t && !(t = *tp = glossa__calloc(1, sizeof *t)))
        return GLOSSA_ENOMEM;
    if (!(chain = chain_of(t, s, n)))
        return 0;
    if (u16_set(&t->cur, s, n))
        return GLOSSA_ENOMEM;
    for (i = 0; i < chain->count; i++)
        if ((rc = run_stage(t, &tr_stages[chain->first + i])))
            return rc;
    for (i = 0; i < TR_TAIL_STAGES; i++)
        if ((rc = run_stage(t, &tr_stages[i])))
            return rc;
    *out = t->cur.s;
    *out_len = t->cur.len;
    return 1;
}
