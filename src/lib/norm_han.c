/*
** norm_han.c — Chinese folded to Simplified before a text is tokenised
** (norm.c): Traditional and Taiwan vocabulary and characters by OpenCC
** (tw2sp), or by ICU's Hant-Hans where OpenCC has no data; radicals and
** compatibility ideographs first made unified ideographs, ill-formed UTF-8
** U+FFFD and NUL a space (OpenCC would give up or stop), so that offsets still
** map back; a small memo of texts already folded. And the reverse, Simplified
** to Traditional characters (s2t), for a query written in Simplified
** characters with Taiwan or Hong Kong wording (lookup.c).
*/
#include "norm_int.h"

#include <unicode/ustring.h>
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

static void han_open(struct glossa_han *h)
{
    UErrorCode status = U_ZERO_ERROR;
    static const UChar id[] = { 'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0 };
    h->ready = -1;
    h->opencc = opencc_open("tw2sp.json");
    if (h->opencc != (opencc_t)-1) {
        h->ready = 1;
        return;
    }
    h->hant_hans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_SUCCESS(status))
        h->ready = 1;
}

struct glossa_han *glossa__han_new(void)
{
    struct glossa_han *h = glossa__calloc(1, sizeof *h);
    if (h) {
        h->opencc = (opencc_t)-1;
        h->to_traditional = (opencc_t)-1;
    }
    return h;
}

void glossa__han_close(struct glossa_han *h)
{
    if (h->opencc != (opencc_t)-1)
        opencc_close(h->opencc);
    if (h->to_traditional != (opencc_t)-1)
        opencc_close(h->to_traditional);
    if (h->hant_hans)
        utrans_close(h->hant_hans);
    h->opencc = h->to_traditional = (opencc_t)-1;
    h->hant_hans = NULL;
    h->ready = h->trad_ready = 0;
}

void glossa__han_free(void *han)
{
    if (han) {
        glossa__han_close(han);
        glossa__free(han);
    }
}

/* Simplified form of text in *out (UTF-8, malloc'd by OpenCC or by us);
** NULL when nothing could be done. The caller frees with han_free. */
static char *han_fold(struct glossa_norm *n, const char *text, size_t len, int *from_opencc)
{
    UErrorCode status = U_ZERO_ERROR;
    UChar *buf = NULL;
    int32_t len16 = 0, cap, limit;
    char *out = NULL;

    if (!n->han->ready)
        han_open(n->han);
    if (n->han->ready < 0)
        return NULL;
    if (n->han->opencc != (opencc_t)-1) {
        *from_opencc = 1;
        return opencc_convert_utf8(n->han->opencc, text, len);
    }
    *from_opencc = 0;
    cap = (int32_t)len + 16;
    buf = glossa__malloc((size_t)cap * sizeof *buf);
    if (!buf)
        return NULL;
    u_strFromUTF8(buf, cap, &len16, text, (int32_t)len, &status);
    limit = len16;
    utrans_transUChars(n->han->hant_hans, buf, &len16, cap, 0, &limit, &status);
    if (U_SUCCESS(status)) {
        out = glossa__malloc((size_t)len16 * 3 + 1);
        if (out)
            u_strToUTF8(out, len16 * 3 + 1, NULL, buf, len16, &status);
        if (U_FAILURE(status)) {
            glossa__free(out);
            out = NULL;
        }
    }
    glossa__free(buf);
    return out;
}

static void han_free(char *s, int from_opencc)
{
    if (s && from_opencc)
        opencc_convert_utf8_free(s);
    else
        glossa__free(s);
}

static size_t memo_slot(const char *text, size_t len)
{
    return (size_t)(glossa__hash_bytes(text, len) % HAN_MEMO);
}

/* han_fold through the memo: the result is a glossa__malloc'd copy (to be
** freed with glossa__free), or NULL. */
static char *han_fold_memo(struct glossa_norm *n, const char *text, size_t len)
{
    struct han_memo *m = &n->memo[memo_slot(text, len)];
    int from_opencc = 0;
    char *out, *copy;

    if (m->in && strlen(m->in) == len && memcmp(m->in, text, len) == 0)
        return glossa__strdup(m->out);
    out = han_fold(n, text, len, &from_opencc);
    if (!out)
        return NULL;
    copy = glossa__strdup(out);
    han_free(out, from_opencc);
    if (copy) {
        char *in = glossa__strndup(text, len), *keep = glossa__strdup(copy);
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
    return copy;
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
    char *out, *copy = NULL;
    if (!has_han(text, len) || memchr(text, '\0', len))
        return NULL;
    if (!n->han->trad_ready) {
        n->han->to_traditional = opencc_open("s2t.json");
        n->han->trad_ready = n->han->to_traditional != (opencc_t)-1 ? 1 : -1;
    }
    if (n->han->trad_ready < 0 || !(out = opencc_convert_utf8(n->han->to_traditional, text, len)))
        return NULL;
    if (strlen(out) != len || memcmp(out, text, len) != 0)
        copy = glossa__strdup(out);
    opencc_convert_utf8_free(out);
    return copy;
}

void glossa__han_release(struct glossa_norm *n)
{
    int i;
    for (i = 0; i < HAN_MEMO; i++) {
        glossa__free(n->memo[i].in);
        glossa__free(n->memo[i].out);
    }
    glossa__han_close(&n->own); /* a shared set is its connection's to close */
}
