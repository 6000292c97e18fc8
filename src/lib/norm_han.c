/*
** norm_han.c — Chinese folded to Simplified before a text is tokenised
** (norm.c): Traditional and Taiwan vocabulary and characters by OpenCC's
** tw2sp (han_convert.c, its tables compiled in); radicals and compatibility
** ideographs first made unified ideographs, ill-formed UTF-8 U+FFFD and NUL
** a space (OpenCC would give up or stop), so that offsets still map back; a
** small memo of texts already folded. And the reverse, Simplified to
** Traditional characters (s2t), for a query written in Simplified
** characters with Taiwan or Hong Kong wording (lookup.c).
*/
#include "norm_int.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <string.h>

int glossa__is_han(int32_t c)
{
    return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3134F);
}

static int has_han(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT((const uint8_t *)text, i, len, c);
        if (glossa__is_han(c))
            return 1;
    }
    return 0;
}

struct glossa_han *glossa__han_new(void)
{
    return glossa__calloc(1, sizeof(struct glossa_han));
}

void glossa__han_close(struct glossa_han *h)
{
    int i;
    for (i = 0; i < HAN_MEMO; i++) {
        glossa__free(h->memo[i].in);
        glossa__free(h->memo[i].out);
        h->memo[i].in = h->memo[i].out = NULL;
    }
}

void glossa__han_free(void *han)
{
    if (han) {
        glossa__han_close(han);
        glossa__free(han);
    }
}

static size_t memo_slot(const char *text, size_t len)
{
    return (size_t)(glossa__hash_bytes(text, len) % HAN_MEMO);
}

/* OpenCC's tw2sp through the memo: the result is a glossa__malloc'd copy
** (to be freed with glossa__free), or NULL. */
static char *han_fold_memo(struct glossa_norm *n, const char *text, size_t len)
{
    struct han_memo *m = &n->han->memo[memo_slot(text, len)];
    char *out;

    if (m->in && strlen(m->in) == len && memcmp(m->in, text, len) == 0)
        return glossa__strdup(m->out);
    out = glossa__han_convert(GLOSSA_HAN_TW2SP, text, len);
    if (out) {
        char *in = glossa__strndup(text, len), *keep = glossa__strdup(out);
        if (in && keep) {
            glossa__free(m->in);
            glossa__free(m->out);
            m->in = in;
            m->out = keep;
        } else {
            glossa__free(in);
            glossa__free(keep);
        }
    }
    return out;
}

/* 1 for a code point that NFKC turns into another ideograph: CJK radicals,
** Kangxi radicals, compatibility ideographs (豈 U+F900 → 豈 U+8C48). */
static int is_han_compat(UChar32 c)
{
    return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x2F800 && c <= 0x2FA1F);
}

/* The one code point NFKC makes of c, or c itself. */
static UChar32 han_unify(struct glossa_norm *n, UChar32 c)
{
    UErrorCode status = U_ZERO_ERROR;
    UChar in[2], out[8];
    int32_t len = 0, out_len, i = 0;
    UChar32 r;
    U16_APPEND_UNSAFE(in, len, c);
    out_len = unorm2_normalize(n->nfkc_cf, in, len, out, 8, &status);
    if (U_FAILURE(status) || out_len == 0)
        return c;
    U16_NEXT(out, i, out_len, r);
    return i == out_len ? r : c;
}

/* What OpenCC gets. It gives up on ill-formed UTF-8 and stops at NUL, and
** it knows unified ideographs only, while NFKC (later, per token) would
** turn a compatibility ideograph into a Traditional one that then stays
** unfolded. So: every ill-formed sequence becomes U+FFFD, NUL a space, and
** radicals and compatibility ideographs their unified ideograph — as many
** code points as text, so offsets can still be mapped back. Returns NULL
** (use text as it is) when nothing needed changing or on OOM; else a copy
** to be freed with glossa__free. */
static char *han_prepare(struct glossa_norm *n, const char *text, size_t len, size_t *out_len)
{
    struct glossa_buf b = GLOSSA_BUF_INIT;
    size_t i = 0, from = 0;
    int dirty = 0;

    while (i < len) {
        size_t at = i;
        UChar32 c, u = 0;
        uint8_t enc[4];
        int32_t k = 0;
        U8_NEXT((const uint8_t *)text, i, len, c);
        if (c > 0 && !(is_han_compat(c) && (u = han_unify(n, c)) != c))
            continue;
        dirty = 1;
        if (c > 0)
            U8_APPEND_UNSAFE(enc, k, u);
        if (glossa__buf_add(&b, text + from, at - from) ||
            (c == 0 ? glossa__buf_adds(&b, " ")
                    : c < 0 ? glossa__buf_adds(&b, "\xEF\xBF\xBD")
                            : glossa__buf_add(&b, (const char *)enc, (size_t)k))) {
            glossa__buf_release(&b);
            return NULL;
        }
        from = i;
    }
    if (!dirty || glossa__buf_add(&b, text + from, len - from)) {
        glossa__buf_release(&b);
        return NULL;
    }
    *out_len = b.len;
    return b.data;
}

char *glossa__han_simplified(struct glossa_norm *n, const char *text, size_t len)
{
    char *simplified = NULL;
    if (has_han(text, len)) {
        size_t clean_len = 0;
        char *clean = han_prepare(n, text, len, &clean_len);
        int round;
        simplified = clean ? han_fold_memo(n, clean, clean_len)
                           : han_fold_memo(n, text, len);
        glossa__free(clean);
        /* OpenCC's tables chain (薴 → 苧 → 苎): fold until nothing changes */
        for (round = 0; simplified && round < 3; round++) {
            char *again = han_fold_memo(n, simplified, strlen(simplified));
            if (!again)
                break;
            if (strcmp(again, simplified) == 0) {
                glossa__free(again);
                break;
            }
            glossa__free(simplified);
            simplified = again;
        }
    }
    return simplified;
}

char *glossa__han_traditional(struct glossa_norm *n, const char *text, size_t len)
{
    char *out;
    (void)n;
    if (!has_han(text, len) || memchr(text, '\0', len))
        return NULL;
    out = glossa__han_convert(GLOSSA_HAN_S2T, text, len);
    if (out && strlen(out) == len && memcmp(out, text, len) == 0) {
        glossa__free(out);
        out = NULL;
    }
    return out;
}

void glossa__han_release(struct glossa_norm *n)
{
    glossa__han_close(&n->own); /* a shared memo is its connection's to free */
}
