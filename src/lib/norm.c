/*
** norm.c — the search key of a string: ICU word segmentation and
** normalisation per script, shared by the FTS5 tokenizer and the lookup
** code so that the index and the query agree byte for byte.
**
** Pipeline: Traditional/Taiwan Chinese folded to Simplified (OpenCC tw2sp:
** regional vocabulary and characters; ICU Hant-Hans if OpenCC's data is
** missing); apostrophes between letters unified (Uzbek oʻ, o', o’ …); ICU
** word breaks (dictionary-based for Chinese); per token NFKC case folding,
** ё→е, Arabic/Persian/Urdu yeh, kaf and heh unified, harakat, tatweel and
** Devanagari nukta removed. Spaces and punctuation are not tokens.
** Stems and transliteration keys build on this in keys.c.
*/
#include "glossa_int.h"

#include <opencc/opencc.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

#include <string.h>

struct glossa_norm {
    UBreakIterator *words;
    const UNormalizer2 *nfkc_cf;
    int han_ready;            /* 0 not tried, 1 opened, -1 unavailable */
    opencc_t opencc;          /* tw2sp, or (opencc_t)-1 */
    UTransliterator *hant_hans; /* fallback when OpenCC has no data */
    UChar *text16;            /* the input as UTF-16 */
    size_t *offset8;          /* offset8[i]: byte offset in the input of unit i */
    size_t cap16;
    size_t *cp_offset;        /* byte offset of each code point of the input */
    size_t cap_cp;
    UChar *fold16;            /* one normalised token */
    size_t capfold;
    char *out8;               /* the same token as UTF-8 */
    size_t cap8;
};

int glossa__norm_new(struct glossa_norm **out, glossa_error *err)
{
    UErrorCode status = U_ZERO_ERROR;
    struct glossa_norm *n = glossa__calloc(1, sizeof *n);

    if (!n)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    n->opencc = (opencc_t)-1;
    n->nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
    if (U_SUCCESS(status))
        n->words = ubrk_open(UBRK_WORD, "root", NULL, 0, &status);
    if (U_FAILURE(status)) {
        glossa__norm_free(n);
        return glossa__error_set(err, GLOSSA_ERROR, NULL, 0, 0,
                                 "cannot set up ICU word breaking: %s",
                                 u_errorName(status));
    }
    *out = n;
    return 0;
}

void glossa__norm_free(struct glossa_norm *n)
{
    if (!n)
        return;
    if (n->words)
        ubrk_close(n->words);
    if (n->opencc != (opencc_t)-1)
        opencc_close(n->opencc);
    if (n->hant_hans)
        utrans_close(n->hant_hans);
    glossa__free(n->text16);
    glossa__free(n->offset8);
    glossa__free(n->cp_offset);
    glossa__free(n->fold16);
    glossa__free(n->out8);
    glossa__free(n);
}

static int reserve(void **p, size_t *cap, size_t want, size_t elem)
{
    void *np;
    if (want <= *cap)
        return 0;
    if (want > SIZE_MAX / elem / 2)
        return GLOSSA_ENOMEM;
    want *= 2;
    np = glossa__realloc(*p, want * elem);
    if (!np)
        return GLOSSA_ENOMEM;
    *p = np;
    *cap = want;
    return 0;
}

/* ---- Chinese: Traditional and Taiwan vocabulary to Simplified -------------- */

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

static void han_open(struct glossa_norm *n)
{
    UErrorCode status = U_ZERO_ERROR;
    static const UChar id[] = { 'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0 };
    n->han_ready = -1;
    n->opencc = opencc_open("tw2sp.json");
    if (n->opencc != (opencc_t)-1) {
        n->han_ready = 1;
        return;
    }
    n->hant_hans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_SUCCESS(status))
        n->han_ready = 1;
}

/* Simplified form of text in *out (UTF-8, malloc'd by OpenCC or by us);
** NULL when nothing could be done. The caller frees with han_free. */
static char *han_fold(struct glossa_norm *n, const char *text, size_t len, int *from_opencc)
{
    UErrorCode status = U_ZERO_ERROR;
    UChar *buf = NULL;
    int32_t len16 = 0, cap, limit;
    char *out = NULL;

    if (!n->han_ready)
        han_open(n);
    if (n->han_ready < 0)
        return NULL;
    if (n->opencc != (opencc_t)-1) {
        *from_opencc = 1;
        return opencc_convert_utf8(n->opencc, text, len);
    }
    *from_opencc = 0;
    cap = (int32_t)len + 16;
    buf = glossa__malloc((size_t)cap * sizeof *buf);
    if (!buf)
        return NULL;
    u_strFromUTF8(buf, cap, &len16, text, (int32_t)len, &status);
    limit = len16;
    utrans_transUChars(n->hant_hans, buf, &len16, cap, 0, &limit, &status);
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

/* ---- UTF-16 working copy --------------------------------------------------------- */

static size_t count_cp(const char *s, size_t len)
{
    size_t i = 0, k = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, len, c);
        (void)c;
        k++;
    }
    return k;
}

/* Decode UTF-8 into n->text16. With orig set (text is a converted copy of
** orig with as many code points), offsets point into orig; with orig_len
** set and no orig, every unit maps to the whole [0, orig_len). */
static int to_utf16(struct glossa_norm *n, const char *text, size_t len,
                    const char *orig, size_t orig_len, int32_t *out_len)
{
    size_t i = 0, j = 0, k = 0;
    void *t16 = n->text16, *o8 = n->offset8, *cpo = n->cp_offset;
    size_t cap_t = n->cap16, cap_o = n->cap16;

    if (len > INT32_MAX / 2)
        return GLOSSA_ENOMEM;
    if (reserve(&t16, &cap_t, len + 1, sizeof(UChar)))
        return GLOSSA_ENOMEM;
    n->text16 = t16;
    if (reserve(&o8, &cap_o, len + 1, sizeof(size_t)))
        return GLOSSA_ENOMEM;
    n->offset8 = o8;
    n->cap16 = cap_t < cap_o ? cap_t : cap_o;
    if (orig) {
        size_t oi = 0;
        if (reserve(&cpo, &n->cap_cp, orig_len + 1, sizeof(size_t)))
            return GLOSSA_ENOMEM;
        n->cp_offset = cpo;
        while (oi < orig_len) {
            UChar32 c;
            n->cp_offset[k++] = oi;
            U8_NEXT((const uint8_t *)orig, oi, orig_len, c);
            (void)c;
        }
        n->cp_offset[k] = orig_len;
        k = 0;
    }
    while (i < len) {
        size_t start = i, at;
        UChar32 c;
        U8_NEXT((const uint8_t *)text, i, len, c);
        if (c < 0)
            c = 0xFFFD;
        at = orig ? n->cp_offset[k++] : orig_len ? 0 : start;
        if (U16_LENGTH(c) == 2) {
            n->offset8[j] = at;
            n->text16[j++] = U16_LEAD(c);
            n->offset8[j] = at;
            n->text16[j++] = U16_TRAIL(c);
        } else {
            n->offset8[j] = at;
            n->text16[j++] = (UChar)c;
        }
    }
    n->offset8[j] = orig ? orig_len : orig_len ? orig_len : len;
    n->text16[j] = 0;
    *out_len = (int32_t)j;
    return 0;
}

static int is_apostrophe(UChar c)
{
    return c == 0x27 || c == 0x60 || c == 0x2018 || c == 0x2019 || c == 0x02BB ||
           c == 0x02BC || c == 0x02B9 || c == 0x00B4;
}

/* An apostrophe between two letters is part of the word (Uzbek oʻ, gʻ, and
** the many ways people type it): make them all U+02BC, a letter for ICU. */
static void unify_apostrophes(UChar *s, int32_t len)
{
    int32_t i;
    for (i = 1; i + 1 < len; i++)
        if (is_apostrophe(s[i]) && u_isalpha(s[i - 1]) && u_isalpha(s[i + 1]))
            s[i] = 0x02BC;
}

/* ---- one token ---------------------------------------------------------------- */

/* Letters folded after NFKC case folding; 0 drops the unit. */
static UChar fold_unit(UChar c)
{
    switch (c) {
    case 0x0451: return 0x0435;               /* ё → е */
    case 0x064A: case 0x0649: return 0x06CC;  /* Arabic yeh, alef maksura → Persian yeh */
    case 0x0643: return 0x06A9;               /* Arabic kaf → keheh */
    case 0x06C1: case 0x06BE: return 0x0647;  /* Urdu heh goal, do-chashmi heh → heh */
    case 0x0640: return 0;                    /* tatweel */
    case 0x0670: return 0;                    /* superscript alef */
    case 0x093C: return 0;                    /* Devanagari nukta */
    case 0x200C: case 0x200D: return 0;       /* ZWNJ, ZWJ */
    default:
        if (c >= 0x064B && c <= 0x065F)
            return 0;                         /* harakat */
        return c;
    }
}

/* Normalise text16[start, end) into n->out8; returns its byte length or -1. */
static int32_t fold_token(struct glossa_norm *n, int32_t start, int32_t end)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16, len8 = 0, i, j;
    void *p;

    for (;;) {
        status = U_ZERO_ERROR;
        len16 = unorm2_normalize(n->nfkc_cf, n->text16 + start, end - start,
                                 n->fold16, (int32_t)n->capfold, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR)
            break;
        p = n->fold16;
        if (reserve(&p, &n->capfold, (size_t)len16 + 1, sizeof(UChar)))
            return -1;
        n->fold16 = p;
    }
    if (U_FAILURE(status))
        return -1;
    for (i = j = 0; i < len16; i++) {
        UChar c = fold_unit(n->fold16[i]);
        if (c)
            n->fold16[j++] = c;
    }
    len16 = j;
    for (;;) {
        status = U_ZERO_ERROR;
        u_strToUTF8(n->out8, (int32_t)n->cap8, &len8, n->fold16, len16, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR && status != U_STRING_NOT_TERMINATED_WARNING)
            break;
        p = n->out8;
        if (reserve(&p, &n->cap8, (size_t)len8 + 1, 1))
            return -1;
        n->out8 = p;
    }
    return U_FAILURE(status) ? -1 : len8;
}

/* With GLOSSA_NORM_HAN_CHARS, each character of a Chinese word of two or more
** characters is also given, colocated, so that part of a word still matches. */
static int emit_han_chars(struct glossa_norm *n, int32_t len8, size_t start, size_t end,
                          glossa_token_fn fn, void *ud)
{
    int32_t i = 0, count = 0;
    while (i < len8) {
        UChar32 c;
        U8_NEXT((const uint8_t *)n->out8, i, len8, c);
        if (!glossa__is_han(c))
            return 0;
        count++;
    }
    if (count < 2)
        return 0;
    for (i = 0; i < len8;) {
        int32_t from = i;
        UChar32 c;
        int rc;
        U8_NEXT((const uint8_t *)n->out8, i, len8, c);
        (void)c;
        rc = fn(ud, n->out8 + from, (size_t)(i - from), start, end, GLOSSA_TOKEN_COLOCATED);
        if (rc)
            return rc;
    }
    return 0;
}

int glossa__norm_tokens_ex(struct glossa_norm *n, const char *text, size_t len,
                           int flags, glossa_token_fn fn, void *ud)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16, start, end;
    char *simplified = NULL;
    int from_opencc = 0, rc = 0;

    if (has_han(text, len))
        simplified = han_fold(n, text, len, &from_opencc);
    if (simplified) {
        size_t slen = strlen(simplified);
        if (count_cp(simplified, slen) == count_cp(text, len))
            rc = to_utf16(n, simplified, slen, text, len, &len16);
        else
            rc = to_utf16(n, simplified, slen, NULL, len, &len16);
        han_free(simplified, from_opencc);
    } else {
        rc = to_utf16(n, text, len, NULL, 0, &len16);
    }
    if (rc)
        return GLOSSA_ENOMEM;
    unify_apostrophes(n->text16, len16);
    ubrk_setText(n->words, n->text16, len16, &status);
    if (U_FAILURE(status))
        return GLOSSA_ERROR;
    start = ubrk_first(n->words);
    for (end = ubrk_next(n->words); end != UBRK_DONE;
         start = end, end = ubrk_next(n->words)) {
        int32_t len8;
        if (ubrk_getRuleStatus(n->words) < UBRK_WORD_NONE_LIMIT)
            continue; /* spaces and punctuation */
        len8 = fold_token(n, start, end);
        if (len8 < 0)
            return GLOSSA_ENOMEM;
        if (len8 == 0)
            continue;
        rc = fn(ud, n->out8, (size_t)len8, n->offset8[start], n->offset8[end], 0);
        if (!rc && (flags & GLOSSA_NORM_HAN_CHARS))
            rc = emit_han_chars(n, len8, n->offset8[start], n->offset8[end], fn, ud);
        if (rc)
            return rc;
    }
    return 0;
}

int glossa__norm_tokens(struct glossa_norm *n, const char *text, size_t len,
                        glossa_token_fn fn, void *ud)
{
    return glossa__norm_tokens_ex(n, text, len, 0, fn, ud);
}

int glossa__norm_segments(struct glossa_norm *n, const char *text, size_t len,
                          glossa_token_fn fn, void *ud)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16, start, end;
    int rc;

    if (to_utf16(n, text, len, NULL, 0, &len16))
        return GLOSSA_ENOMEM;
    ubrk_setText(n->words, n->text16, len16, &status);
    if (U_FAILURE(status))
        return GLOSSA_ERROR;
    start = ubrk_first(n->words);
    for (end = ubrk_next(n->words); end != UBRK_DONE; start = end, end = ubrk_next(n->words)) {
        size_t from = n->offset8[start], to = n->offset8[end];
        rc = fn(ud, text + from, to - from, from, to, 0);
        if (rc)
            return rc;
    }
    return 0;
}

static int add_to_key(void *ud, const char *tok, size_t tok_len, size_t start,
                      size_t end, int flags)
{
    struct glossa_buf *key = ud;
    (void)start;
    (void)end;
    (void)flags;
    if (key->len && glossa__buf_add(key, " ", 1))
        return GLOSSA_ENOMEM;
    return glossa__buf_add(key, tok, tok_len);
}

int glossa__norm_key(struct glossa_norm *n, const char *text, size_t len,
                     struct glossa_buf *out)
{
    glossa__buf_clear(out);
    if (glossa__buf_add(out, "", 0))
        return GLOSSA_ENOMEM;
    return glossa__norm_tokens(n, text, len, add_to_key, out);
}
