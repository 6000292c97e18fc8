/*
** norm.c — the search key of a string: ICU word segmentation and
** normalisation, shared by the FTS5 tokenizer and the lookup code so that
** the index and the query agree byte for byte.
**
** A token is a word segment of ICU's word break iterator (dictionary-based
** for Chinese), put through NFKC case folding, with Cyrillic ё folded to е.
** Spaces and punctuation are not tokens. This file does not touch SQLite.
*/
#include "glossa_int.h"

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <string.h>

struct glossa_norm {
    UBreakIterator *words;
    const UNormalizer2 *nfkc_cf;
    UChar *text16;       /* the input as UTF-16 */
    size_t *offset8;     /* offset8[i]: byte offset of UTF-16 unit i */
    size_t cap16;
    UChar *fold16;       /* one normalised token */
    size_t capfold;
    char *out8;          /* the same token as UTF-8 */
    size_t cap8;
};

int glossa__norm_new(struct glossa_norm **out, glossa_error *err)
{
    UErrorCode status = U_ZERO_ERROR;
    struct glossa_norm *n = glossa__calloc(1, sizeof *n);

    if (!n)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
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
    glossa__free(n->text16);
    glossa__free(n->offset8);
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

/* Decode UTF-8 into n->text16, remembering where each unit came from. */
static int to_utf16(struct glossa_norm *n, const char *text, size_t len,
                    int32_t *out_len)
{
    size_t i = 0, j = 0;
    void *t16 = n->text16, *o8 = n->offset8;
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

    while (i < len) {
        size_t start = i;
        UChar32 c;
        U8_NEXT((const uint8_t *)text, i, len, c);
        if (c < 0)
            c = 0xFFFD;
        if (U16_LENGTH(c) == 2) {
            n->offset8[j] = start;
            n->text16[j++] = U16_LEAD(c);
            n->offset8[j] = start;
            n->text16[j++] = U16_TRAIL(c);
        } else {
            n->offset8[j] = start;
            n->text16[j++] = (UChar)c;
        }
    }
    n->offset8[j] = len;
    n->text16[j] = 0;
    *out_len = (int32_t)j;
    return 0;
}

/* Normalise text16[start, end) into n->out8; returns its byte length or -1. */
static int32_t fold_token(struct glossa_norm *n, int32_t start, int32_t end)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16, len8 = 0, i;
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
    for (i = 0; i < len16; i++)
        if (n->fold16[i] == 0x0451) /* ё → е */
            n->fold16[i] = 0x0435;
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

int glossa__norm_tokens(struct glossa_norm *n, const char *text, size_t len,
                        glossa_token_fn fn, void *ud)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16, start, end;
    int rc;

    if (to_utf16(n, text, len, &len16))
        return GLOSSA_ENOMEM;
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
        rc = fn(ud, n->out8, (size_t)len8, n->offset8[start], n->offset8[end]);
        if (rc)
            return rc;
    }
    return 0;
}

static int add_to_key(void *ud, const char *tok, size_t tok_len, size_t start,
                      size_t end)
{
    struct glossa_buf *key = ud;
    (void)start;
    (void)end;
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
