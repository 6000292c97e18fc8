/*
** norm.c — the search key of a string: ICU word segmentation and
** normalisation per script, shared by the FTS5 tokenizer and the lookup
** code so that the index and the query agree byte for byte.
**
** Pipeline: Traditional/Taiwan Chinese folded to Simplified (OpenCC's tw2sp,
** han_convert.c: regional vocabulary and characters); apostrophes between
** letters unified (Uzbek oʻ, o', o’ …); ICU word breaks (dictionary-based
** for Chinese); per token NFKC case folding, ё→е, Arabic/Persian/Urdu yeh,
** kaf and heh unified, harakat, tatweel and Devanagari nukta removed. Spaces and punctuation are not tokens.
** Stems and transliteration keys build on this in keys.c.
**
** This file: the normaliser, the UTF-16 working copy, each token folded, and
** the tokens, segments and keys of a text. The folding of Chinese to
** Simplified is in norm_han.c (norm_int.h: what the two share).
*/
#include "norm_int.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <string.h>

int glossa__norm_new(struct glossa_norm **out, glossa_error *err)
{
    return glossa__norm_new_han(out, NULL, err);
}

int glossa__norm_new_han(struct glossa_norm **out, struct glossa_han *han, glossa_error *err)
{
    UErrorCode status = U_ZERO_ERROR;
    struct glossa_norm *n = glossa__calloc(1, sizeof *n);

    if (!n)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    n->han = han ? han : &n->own;
    n->nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
    if (U_SUCCESS(status))
        n->words = ubrk_open(UBRK_WORD, "root", NULL, 0, &status);
    if (U_SUCCESS(status))
        n->sub = ubrk_open(UBRK_WORD, "root", NULL, 0, &status);
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
    glossa__han_release(n);
    if (n->words)
        ubrk_close(n->words);
    if (n->sub)
        ubrk_close(n->sub);
    glossa__free(n->settle16);
    glossa__free(n->text16);
    glossa__free(n->offset8);
    glossa__free(n->cp_offset);
    glossa__free(n->fold16);
    glossa__free(n->out8);
    glossa__free(n);
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
    if (glossa__grow(&t16, &cap_t, len, sizeof(UChar)))
        return GLOSSA_ENOMEM;
    n->text16 = t16;
    if (glossa__grow(&o8, &cap_o, len, sizeof(size_t)))
        return GLOSSA_ENOMEM;
    n->offset8 = o8;
    n->cap16 = cap_t < cap_o ? cap_t : cap_o;
    if (orig) {
        size_t oi = 0;
        if (glossa__grow(&cpo, &n->cap_cp, orig_len, sizeof(size_t)))
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

int glossa__is_apostrophe(int32_t c)
{
    return c == 0x27 || c == 0x60 || c == 0x2018 || c == 0x2019 || c == 0x02BB ||
           c == 0x02BC || c == 0x02B9 || c == 0x00B4;
}

static UChar fold_unit(UChar c);

/* What normalisation removes or merges into the letter before it: format
** characters such as ZWJ and soft hyphen, combining marks, tatweel. The
** neighbours of an apostrophe are looked for past these, so that a key
** reads the same when normalised again. */
static int is_transparent(UChar c)
{
    int8_t type = u_charType(c);
    return fold_unit(c) == 0 || type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
           u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

/* An apostrophe between two letters is part of the word (Uzbek oʻ, gʻ, and
** the many ways people type it): make them all U+02BC, a letter for ICU. */
static void unify_apostrophes(UChar *s, int32_t len)
{
    int32_t i, before, after;
    for (i = 1; i + 1 < len; i++) {
        if (!glossa__is_apostrophe(s[i]))
            continue;
        /* past what normalisation drops, and past other apostrophes (a run
        ** of them between letters is unified as a whole) */
        for (before = i - 1;
             before > 0 && (is_transparent(s[before]) || glossa__is_apostrophe(s[before])); before--)
            ;
        for (after = i + 1;
             after + 1 < len && (is_transparent(s[after]) || glossa__is_apostrophe(s[after])); after++)
            ;
        if (u_isalpha(s[before]) && !is_transparent(s[before]) &&
            !glossa__is_apostrophe(s[before]) && u_isalpha(s[after]) &&
            !is_transparent(s[after]) && !glossa__is_apostrophe(s[after]))
            s[i] = 0x02BC;
    }
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

/* Normalise src[0, len) into n->fold16 (n->fold_len units) and n->out8;
** returns the UTF-8 length or -1. src must not be n->fold16. */
static int32_t fold_units(struct glossa_norm *n, const UChar *src, int32_t len)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16, len8 = 0, i, j;
    void *p;

    for (;;) {
        status = U_ZERO_ERROR;
        len16 = unorm2_normalize(n->nfkc_cf, src, len,
                                 n->fold16, (int32_t)n->capfold, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR)
            break;
        p = n->fold16;
        if (glossa__grow(&p, &n->capfold, (size_t)len16, sizeof(UChar)))
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
    n->fold_len = len16;
    for (;;) {
        status = U_ZERO_ERROR;
        u_strToUTF8(n->out8, (int32_t)n->cap8, &len8, n->fold16, len16, &status);
        if (status != U_BUFFER_OVERFLOW_ERROR && status != U_STRING_NOT_TERMINATED_WARNING)
            break;
        p = n->out8;
        if (glossa__grow(&p, &n->cap8, (size_t)len8, 1))
            return -1;
        n->out8 = p;
    }
    return U_FAILURE(status) ? -1 : len8;
}

/* With GLOSSA_NORM_HAN_CHARS, each character of a Chinese word of two or more
** characters is also given, colocated, so that part of a word still matches. */
static int emit_han_chars(const char *tok, int32_t len8, size_t start, size_t end,
                          glossa_token_fn fn, void *ud)
{
    int32_t i = 0, count = 0;
    while (i < len8) {
        UChar32 c;
        U8_NEXT((const uint8_t *)tok, i, len8, c);
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
        U8_NEXT((const uint8_t *)tok, i, len8, c);
        (void)c;
        rc = fn(ud, tok + from, (size_t)(i - from), start, end, GLOSSA_TOKEN_COLOCATED);
        if (rc)
            return rc;
    }
    return 0;
}

/* 1 when a word has a letter, digit or mark. ICU's dictionary breaking of
** a Chinese run makes words of symbols inside it (the radical ⺞ U+2E9E),
** which on their own are no word: such words are not tokens. */
static int has_letter(const char *tok, int32_t len8)
{
    int32_t i = 0;
    while (i < len8) {
        UChar32 c;
        U8_NEXT((const uint8_t *)tok, i, len8, c);
        if (c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)))
            return 1;
    }
    return 0;
}

/* Hand over the folded word in n->out8. NFKC can put spaces into a word
** (U+FDFA is four words; U+FC5E is a space and two harakat, which then go):
** each piece between spaces is a token of its own, with the word's offsets,
** so that a key normalised again stays the same. */
static int emit_word(struct glossa_norm *n, int32_t len8, int flags, size_t start,
                     size_t end, glossa_token_fn fn, void *ud)
{
    int32_t i = 0;
    while (i < len8) {
        int32_t from, plen;
        int rc;
        while (i < len8 && n->out8[i] == ' ')
            i++;
        from = i;
        while (i < len8 && n->out8[i] != ' ')
            i++;
        plen = i - from;
        if (plen == 0)
            break;
        if (!has_letter(n->out8 + from, plen))
            continue;
        rc = fn(ud, n->out8 + from, (size_t)plen, start, end, 0);
        if (!rc && (flags & GLOSSA_NORM_HAN_CHARS))
            rc = emit_han_chars(n->out8 + from, plen, start, end, fn, ud);
        if (rc)
            return rc;
    }
    return 0;
}

/* The word that n->fold16 holds changed in normalisation, or came from
** dictionary segmentation: what are its words on their own? Ŀ became "l·",
** whose "·" ends no word; ＇ became an ASCII apostrophe between letters. Break it again (apostrophes unified first)
** and hand over each word, normalised, with the offsets of the original,
** so that normalising a key again gives the same key. */
static int settle_word(struct glossa_norm *n, int flags, size_t start, size_t end,
                       glossa_token_fn fn, void *ud)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len = n->fold_len, a, b;
    void *p = n->settle16;

    if (glossa__grow(&p, &n->capsettle, (size_t)len, sizeof(UChar)))
        return GLOSSA_ENOMEM;
    n->settle16 = p;
    memcpy(n->settle16, n->fold16, (size_t)len * sizeof(UChar));
    unify_apostrophes(n->settle16, len);
    ubrk_setText(n->sub, n->settle16, len, &status);
    if (U_FAILURE(status))
        return GLOSSA_ERROR;
    a = ubrk_first(n->sub);
    for (b = ubrk_next(n->sub); b != UBRK_DONE; a = b, b = ubrk_next(n->sub)) {
        int32_t len8;
        int rc;
        if (ubrk_getRuleStatus(n->sub) < UBRK_WORD_NONE_LIMIT)
            continue;
        len8 = fold_units(n, n->settle16 + a, b - a);
        if (len8 < 0)
            return GLOSSA_ENOMEM;
        if ((rc = emit_word(n, len8, flags, start, end, fn, ud)))
            return rc;
    }
    return 0;
}

/* Text of ASCII letters and digits and Russian letters between spaces
** (most keys, stems and queries): ICU would find the words between the
** spaces and only lower-case them, so that is done here directly, with the
** same tokens and offsets. Returns SIMPLE_NO for any other text. */
#define SIMPLE_NO (-1000)
static int simple_tokens(struct glossa_norm *n, const char *text, size_t len,
                         glossa_token_fn fn, void *ud)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i, start = 0;
    void *p;
    int rc;

    for (i = 0; i < len; i++) {
        unsigned char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')
            continue;
        /* U+0410-U+044F: D0 90-BF, D1 80-8F */
        if (i + 1 < len && ((c == 0xD0 && s[i + 1] >= 0x90 && s[i + 1] <= 0xBF) ||
                            (c == 0xD1 && s[i + 1] >= 0x80 && s[i + 1] <= 0x8F))) {
            i++;
            continue;
        }
        return SIMPLE_NO;
    }
    p = n->out8;
    if (glossa__grow(&p, &n->cap8, len, 1))
        return GLOSSA_ENOMEM;
    n->out8 = p;
    for (i = 0; i <= len; i++) {
        if (i < len && s[i] != ' ')
            continue;
        if (i > start) {
            size_t j, k = 0;
            for (j = start; j < i; j++) {
                unsigned char c = s[j];
                if (c >= 'A' && c <= 'Z')
                    c = (unsigned char)(c + 32);
                else if (c == 0xD0 && s[j + 1] >= 0x90 && s[j + 1] <= 0x9F) { /* А-П */
                    n->out8[k++] = (char)0xD0;
                    n->out8[k++] = (char)(s[++j] + 0x20);
                    continue;
                } else if (c == 0xD0 && s[j + 1] >= 0xA0 && s[j + 1] <= 0xAF) { /* Р-Я */
                    n->out8[k++] = (char)0xD1;
                    n->out8[k++] = (char)(s[++j] - 0x20);
                    continue;
                } else if (c >= 0xD0) {
                    n->out8[k++] = (char)c;
                    n->out8[k++] = (char)s[++j];
                    continue;
                }
                n->out8[k++] = (char)c;
            }
            n->out8[k] = '\0';
            if ((rc = fn(ud, n->out8, k, start, i, 0)))
                return rc;
        }
        start = i + 1;
    }
    return 0;
}

int glossa__norm_tokens_ex(struct glossa_norm *n, const char *text, size_t len,
                           int flags, glossa_token_fn fn, void *ud)
{
    UErrorCode status = U_ZERO_ERROR;
    int32_t len16, start, end;
    char *simplified = NULL;
    int rc = 0;

    if ((rc = simple_tokens(n, text, len, fn, ud)) != SIMPLE_NO)
        return rc;
    if (!(flags & GLOSSA_NORM_KEEP_HAN))
        simplified = glossa__han_simplified(n, text, len);
    if (simplified) {
        size_t slen = strlen(simplified);
        if (count_cp(simplified, slen) == count_cp(text, len))
            rc = to_utf16(n, simplified, slen, text, len, &len16);
        else
            rc = to_utf16(n, simplified, slen, NULL, len, &len16);
        glossa__free(simplified);
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
        int32_t len8, rule = ubrk_getRuleStatus(n->words);
        if (rule < UBRK_WORD_NONE_LIMIT)
            continue; /* spaces and punctuation */
        len8 = fold_units(n, n->text16 + start, end - start);
        if (len8 < 0)
            return GLOSSA_ENOMEM;
        /* a word of a kana or ideographic run comes from dictionary
        ** segmentation, which also makes words of marks inside the run (the
        ** iteration mark 〻, radicals) that are none on their own: settle it */
        if (n->fold_len == end - start && (rule < UBRK_WORD_KANA || rule >= UBRK_WORD_IDEO_LIMIT) &&
            memcmp(n->fold16, n->text16 + start, (size_t)n->fold_len * sizeof(UChar)) == 0)
            rc = emit_word(n, len8, flags, n->offset8[start], n->offset8[end], fn, ud);
        else
            rc = settle_word(n, flags, n->offset8[start], n->offset8[end], fn, ud);
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

int glossa__norm_key_ex(struct glossa_norm *n, const char *text, size_t len, int flags,
                        struct glossa_buf *out)
{
    glossa__buf_clear(out);
    if (glossa__buf_add(out, "", 0))
        return GLOSSA_ENOMEM;
    return glossa__norm_tokens_ex(n, text, len, flags, add_to_key, out);
}

int glossa__norm_key(struct glossa_norm *n, const char *text, size_t len,
                     struct glossa_buf *out)
{
    return glossa__norm_key_ex(n, text, len, 0, out);
}
