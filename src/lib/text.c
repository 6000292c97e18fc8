/*
** text.c — running text as scan.c and candidates.c read it: decoding
** (UTF-8, with or without a byte-order mark, and UTF-16 LE/BE with one;
** invalid bytes become U+FFFD, but a text in a legacy code page, with no
** UTF-8 in it, is refused naming the encoding), re-joining words hyphenated at line ends,
** mapping positions back to the text as written (line, column, bytes), and
** splitting the text into normalised word tokens chunk by chunk, so that a
** 50 MB document never needs a 50 MB UTF-16 copy.
**
** It knows nothing about terms: it gives words and what lies between them.
*/
#include "glossa_int.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string.h>

#define TOKEN_CHUNK ((size_t)64 * 1024)        /* bytes given to ICU at a time */

/* ---- decoding ------------------------------------------------------------------ */

static int put_utf8(struct glossa_buf *b, UChar32 c)
{
    char tmp[4];
    int32_t n = 0;
    UBool bad = 0;
    if (c < 0 || c > 0x10FFFF || U_IS_SURROGATE(c))
        c = 0xFFFD;
    U8_APPEND((uint8_t *)tmp, n, 4, c, bad);
    (void)bad;
    return glossa__buf_add(b, tmp, (size_t)n);
}

static int from_utf16(struct glossa_buf *b, const unsigned char *p, size_t len, int big_endian)
{
    size_t i;
    if (glossa__buf_grow(b, len / 2 * 3 + 4))
        return GLOSSA_ENOMEM;
    for (i = 0; i + 1 < len; i += 2) {
        UChar32 c = big_endian ? (p[i] << 8 | p[i + 1]) : (p[i + 1] << 8 | p[i]);
        if (U16_IS_LEAD(c) && i + 3 < len) {
            UChar32 t = big_endian ? (p[i + 2] << 8 | p[i + 3]) : (p[i + 3] << 8 | p[i + 2]);
            if (U16_IS_TRAIL(t)) {
                c = U16_GET_SUPPLEMENTARY(c, t);
                i += 2;
            }
        }
        if (put_utf8(b, c))
            return GLOSSA_ENOMEM;
    }
    if (i < len && put_utf8(b, 0xFFFD)) /* an odd byte at the end */
        return GLOSSA_ENOMEM;
    return 0;
}

/* Copy UTF-8, replacing every invalid sequence by U+FFFD. */
static int from_utf8(struct glossa_buf *b, const char *s, size_t len)
{
    size_t i = 0, run = 0;
    if (glossa__buf_grow(b, len))
        return GLOSSA_ENOMEM;
    while (i < len) {
        size_t at = i;
        UChar32 c;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        U8_NEXT((const uint8_t *)s, i, len, c);
        if (c >= 0)
            continue;
        if (glossa__buf_add(b, s + run, at - run) || put_utf8(b, 0xFFFD))
            return GLOSSA_ENOMEM;
        run = i;
    }
    return glossa__buf_add(b, s + run, len - run);
}

/* A text without a byte-order mark that holds no UTF-8 beyond ASCII and
** whose first bad byte's line reads as text in a legacy code page (CP1251,
** GB18030…: glossa_encoding_guess) was written in that code page, and
** scanning it as UTF-8 would find nothing: GLOSSA_EINPUT naming its line
** and column and the encoding. 0 otherwise (stray bytes in UTF-8 become
** U+FFFD). */
static int legacy_refused(const char *s, size_t len, const char *name, glossa_error *err)
{
    size_t i = 0, k, bad = len, start, end, line = 1;
    unsigned cp;
    const char *enc;
    glossa_error why;

    for (; i < len; i += k) {
        if ((k = glossa_utf8_next(s + i, len - i, &cp)) == 0) {
            k = 1;
            if (bad == len)
                bad = i;
        } else if (k > 1) {
            return 0; /* UTF-8 with stray bytes */
        }
    }
    if (bad == len)
        return 0;
    for (start = bad; start > 0 && s[start - 1] != '\n'; start--)
        ;
    for (end = bad; end < len && s[end] != '\n' && s[end] != '\r' && end - start < 4096; end++)
        ;
    if (!(enc = glossa_encoding_guess(s + start, end - start, NULL, NULL)) ||
        !glossa_text_check("the line", s + start, end - start, NULL, &why))
        return 0;
    for (i = 0; i < start; i++)
        line += s[i] == '\n';
    return glossa__error_set(err, GLOSSA_EINPUT, name, (long)line, (long)(bad - start) + 1,
                             "%s: convert the file to UTF-8 first (iconv -f %s -t UTF-8)",
                             why.msg, enc);
}

/* ---- hyphenation at line ends --------------------------------------------------- */

/* A word broken at a line end: X ends at x_end, the hyphen is [hy, hy_end),
** Y starts at y; between hy_end and y there is only white space and at
** least one newline. */
struct text_break {
    size_t x_start, x_end, hy_end, y, y_end;
    int soft;     /* U+00AD: always joined */
    int keep;     /* decided: 1 keep the hyphen (compound), 0 join */
};

struct breaks {
    struct text_break *items;
    size_t n, cap;
};

static UChar32 cp_at(const char *s, size_t len, size_t i, size_t *next)
{
    UChar32 c;
    U8_NEXT((const uint8_t *)s, i, len, c);
    *next = i;
    return c;
}

static UChar32 cp_before(const char *s, size_t i, size_t *prev)
{
    int32_t k = (int32_t)i; /* texts are at most 1 GiB */
    UChar32 c;
    U8_PREV((const uint8_t *)s, 0, k, c);
    *prev = (size_t)k;
    return c;
}

static int is_word_char(UChar32 c)
{
    return c > 0 && (u_isalpha(c) || u_hasBinaryProperty(c, UCHAR_DIACRITIC) ||
                     u_charType(c) == U_NON_SPACING_MARK);
}

/* Length of a hyphen at i (ASCII hyphen-minus, U+2010, U+2011, soft hyphen), or 0. */
static size_t hyphen_len(const char *s, size_t len, size_t i, int *soft)
{
    size_t next;
    UChar32 c = cp_at(s, len, i, &next);
    *soft = c == 0x00AD;
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x00AD ? next - i : 0;
}

static int find_breaks(const char *s, size_t len, struct breaks *out)
{
    size_t i = 0;
    while (i < len) {
        size_t h, j, prev, next, k;
        int soft, newline = 0;
        UChar32 c;
        if (s[i] != '-' && (unsigned char)s[i] != 0xC2 && (unsigned char)s[i] != 0xE2) {
            i++;
            continue;
        }
        h = hyphen_len(s, len, i, &soft);
        if (!h || i == 0 || !is_word_char(cp_before(s, i, &prev))) {
            i++;
            continue;
        }
        for (j = i + h; j < len; j++) { /* spaces, at least one newline, spaces */
            if (s[j] == '\n')
                newline = 1;
            else if (s[j] != ' ' && s[j] != '\t' && s[j] != '\r' && s[j] != '\f')
                break;
        }
        if (!newline || j >= len || !is_word_char(c = cp_at(s, len, j, &next))) {
            i += h;
            continue;
        }
        if (out->n == out->cap) {
            size_t cap = out->cap ? out->cap * 2 : 64;
            struct text_break *p = glossa__realloc(out->items, cap * sizeof *p);
            if (!p)
                return GLOSSA_ENOMEM;
            out->items = p;
            out->cap = cap;
        }
        {
            struct text_break *b = &out->items[out->n++];
            b->x_end = i;
            for (k = i; k > 0;) { /* back to the start of X */
                size_t p2;
                if (!is_word_char(cp_before(s, k, &p2)))
                    break;
                k = p2;
            }
            b->x_start = k;
            b->hy_end = i + h;
            b->y = j;
            for (k = j; k < len;) {
                size_t n2;
                if (!is_word_char(cp_at(s, len, k, &n2)))
                    break;
                k = n2;
            }
            b->y_end = k;
            b->soft = soft;
            /* an upper-case letter after the break starts a new word (Северо-/Запад) */
            b->keep = !soft && u_isupper(c);
        }
        i = j;
    }
    return 0;
}

/* Case-folded form of s[from, to) (ё → е), appended to out. */
static int fold_word(struct glossa_buf *out, const char *s, size_t from, size_t to)
{
    size_t i = from;
    while (i < to) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, to, c);
        c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        if (c == 0x0451)
            c = 0x0435;
        if (put_utf8(out, c))
            return GLOSSA_ENOMEM;
    }
    return 0;
}

static long intern_folded(struct glossa_strmap *m, struct glossa_buf *tmp, const char *s,
                          size_t a, size_t b, const char *s2, size_t a2, size_t b2)
{
    glossa__buf_clear(tmp);
    if (fold_word(tmp, s, a, b) || (s2 && fold_word(tmp, s2, a2, b2)))
        return -1;
    return glossa__strmap_intern(m, glossa__buf_str(tmp), tmp->len, NULL);
}

static size_t count_cp(const char *s, size_t from, size_t to)
{
    size_t n = 0;
    for (; from < to; from++)
        if (((unsigned char)s[from] & 0xC0) != 0x80)
            n++;
    return n;
}

/* Russian compound first parts that keep their hyphen at a line end:
** информационно-, военно-, социально-, научно-, финансово-, технико-,
** российско-. Syllable breaks rarely leave these endings before the hyphen. */
static int compound_ending(const char *folded, size_t n)
{
    static const char *const endings[] = {
        "нно", "льно", "чно", "тно", "рно", "вно", "жно", "ско", "ико", "ово",
    };
    size_t i;
    for (i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        size_t k = strlen(endings[i]);
        if (n >= k && memcmp(folded + n - k, endings[i], k) == 0)
            return 1;
    }
    return 0;
}

/* Decide each break: joined (XY) when the document writes XY elsewhere;
** hyphen kept when it writes both X and Y elsewhere as words (государств-/
** членов) or when X ends like a compound's first part; joined otherwise. */
static int decide_breaks(const char *s, size_t len, struct breaks *br)
{
    struct glossa_strmap wanted;
    struct glossa_buf tmp = GLOSSA_BUF_INIT;
    unsigned *seen = NULL;
    long *ids = NULL;
    size_t i, k;
    int rc = GLOSSA_ENOMEM;

    glossa__strmap_init(&wanted);
    ids = glossa__calloc(br->n * 3 + 1, sizeof *ids);
    if (!ids)
        goto done;
    for (k = 0; k < br->n; k++) {
        struct text_break *b = &br->items[k];
        if ((ids[3 * k] = intern_folded(&wanted, &tmp, s, b->x_start, b->x_end, s, b->y,
                                        b->y_end)) < 0 ||
            (ids[3 * k + 1] = intern_folded(&wanted, &tmp, s, b->x_start, b->x_end, NULL, 0,
                                            0)) < 0 ||
            (ids[3 * k + 2] = intern_folded(&wanted, &tmp, s, b->y, b->y_end, NULL, 0, 0)) < 0)
            goto done;
    }
    seen = glossa__calloc(wanted.count + 1, sizeof *seen);
    if (!seen)
        goto done;
    /* every whole word of the text that is not a piece of a break */
    for (i = 0, k = 0; i < len;) {
        size_t start, next;
        UChar32 c = cp_at(s, len, i, &next);
        if (!is_word_char(c)) {
            i = next;
            continue;
        }
        start = i;
        while (i < len && is_word_char(cp_at(s, len, i, &next)))
            i = next;
        while (k < br->n && br->items[k].y_end <= start)
            k++;
        if (k < br->n && (br->items[k].x_start == start || br->items[k].y == start))
            continue;
        glossa__buf_clear(&tmp);
        if (fold_word(&tmp, s, start, i))
            goto done;
        {
            long id = glossa__strmap_find(&wanted, glossa__buf_str(&tmp), tmp.len);
            if (id >= 0)
                seen[id] = 1;
        }
    }
    for (k = 0; k < br->n; k++) {
        struct text_break *b = &br->items[k];
        size_t n;
        const char *x;
        if (b->soft || b->keep)
            continue;
        if (seen[ids[3 * k]])
            continue;                   /* the document writes the joined word */
        if (seen[ids[3 * k + 1]] && seen[ids[3 * k + 2]] && count_cp(s, b->x_start, b->x_end) >= 3) {
            b->keep = 1;                /* both halves are words of their own */
            continue;
        }
        x = glossa__strmap_key(&wanted, ids[3 * k + 1], &n);
        b->keep = count_cp(x, 0, n) >= 5 && compound_ending(x, n);
    }
    rc = 0;
done:
    glossa__free(seen);
    glossa__free(ids);
    glossa__buf_release(&tmp);
    glossa__strmap_release(&wanted);
    return rc;
}

/* ---- the text ---------------------------------------------------------------------- */

static int add_splice(struct glossa_text *t, size_t clean_at, size_t orig_at)
{
    if (t->n_splices == t->cap_splices) {
        size_t cap = t->cap_splices ? t->cap_splices * 2 : 64;
        struct glossa_splice *p = glossa__realloc(t->splices, cap * sizeof *p);
        if (!p)
            return GLOSSA_ENOMEM;
        t->splices = p;
        t->cap_splices = cap;
    }
    t->splices[t->n_splices].clean_at = clean_at;
    t->splices[t->n_splices].orig_at = orig_at;
    t->n_splices++;
    return 0;
}

static int build_clean(struct glossa_text *t)
{
    struct breaks br = { NULL, 0, 0 };
    struct glossa_buf clean = GLOSSA_BUF_INIT;
    size_t k, from = 0;
    int rc;

    if ((rc = find_breaks(t->utf8, t->len, &br)))
        goto done;
    if (br.n == 0) {
        t->clean = t->utf8;
        t->clean_len = t->len;
        goto done;
    }
    if ((rc = decide_breaks(t->utf8, t->len, &br)) || (rc = glossa__buf_grow(&clean, t->len)))
        goto done;
    for (k = 0; k < br.n; k++) {
        const struct text_break *b = &br.items[k];
        size_t upto = b->keep ? b->hy_end : b->x_end;
        if ((rc = glossa__buf_add(&clean, t->utf8 + from, upto - from)) ||
            (rc = add_splice(t, clean.len, b->y)))
            goto done;
        from = b->y;
    }
    if ((rc = glossa__buf_add(&clean, t->utf8 + from, t->len - from)))
        goto done;
    t->clean = clean.data;
    t->clean_len = clean.len;
    clean.data = NULL;
done:
    glossa__buf_release(&clean);
    glossa__free(br.items);
    return rc ? GLOSSA_ENOMEM : 0;
}

int glossa__text_load(struct glossa_text *t, const char *data, size_t len, const char *name,
                      glossa_error *err)
{
    struct glossa_buf b = GLOSSA_BUF_INIT;
    const unsigned char *p = (const unsigned char *)data;
    const char *nul;
    int rc;

    memset(t, 0, sizeof *t);
    if (len > GLOSSA_TEXT_MAX)
        return glossa__error_set(err, GLOSSA_EINPUT, name, 0, 0,
                                 "text too large (%zu bytes; at most 1 GiB)", len);
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        rc = from_utf16(&b, p + 2, len - 2, 0);
    else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        rc = from_utf16(&b, p + 2, len - 2, 1);
    else if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        rc = from_utf8(&b, data + 3, len - 3);
    else if ((rc = legacy_refused(data, len, name, err)) != 0)
        return rc;
    else
        rc = from_utf8(&b, data, len);
    if (!rc)
        rc = glossa__buf_add(&b, "", 0);
    if (rc) {
        glossa__buf_release(&b);
        return glossa__error_set(err, GLOSSA_ENOMEM, name, 0, 0, "out of memory");
    }
    nul = memchr(b.data, '\0', b.len);
    if (nul) {
        size_t at = (size_t)(nul - b.data);
        glossa__buf_release(&b);
        return glossa__error_set(err, GLOSSA_EINPUT, name, 0, 0,
                                 "not text: a NUL byte at offset %zu (UTF-16 or UTF-32 "
                                 "needs a byte-order mark)", at);
    }
    t->utf8 = b.data;
    t->len = b.len;
    if (build_clean(t)) {
        glossa__text_release(t);
        return glossa__error_set(err, GLOSSA_ENOMEM, name, 0, 0, "out of memory");
    }
    return 0;
}

void glossa__text_release(struct glossa_text *t)
{
    if (t->clean != t->utf8)
        glossa__free(t->clean);
    glossa__free(t->utf8);
    glossa__free(t->splices);
    memset(t, 0, sizeof *t);
}

size_t glossa__text_orig(const struct glossa_text *t, size_t pos, int is_end)
{
    size_t lo = 0, hi = t->n_splices; /* first splice that is past pos */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        size_t at = t->splices[mid].clean_at;
        if (is_end ? at < pos : at <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return pos;
    return t->splices[lo - 1].orig_at + (pos - t->splices[lo - 1].clean_at);
}

void glossa__text_advance(const struct glossa_text *t, struct glossa_text_pos *p, size_t to)
{
    size_t i = p->at;
    if (p->line == 0) {
        p->line = 1;
        p->column = 1;
    }
    for (; i < to && i < t->len; i++) {
        unsigned char c = (unsigned char)t->utf8[i];
        if (c == '\n') {
            p->line++;
            p->column = 1;
        } else if ((c & 0xC0) != 0x80) {
            p->column++;
        }
    }
    p->at = i;
}

int glossa__text_gap(const struct glossa_text *t, size_t from, size_t to)
{
    int hyphens = 0;
    size_t i = from;
    while (i < to) {
        size_t next;
        UChar32 c = cp_at(t->clean, to, i, &next);
        if (c == '-' || c == 0x2010 || c == 0x2011 || c == 0x00AD)
            hyphens++;
        else if (!u_isUWhiteSpace(c) && c != 0x200B)
            return GLOSSA_GAP_BREAK;
        i = next;
    }
    return hyphens == 0 ? GLOSSA_GAP_SPACE : hyphens == 1 ? GLOSSA_GAP_HYPHEN : GLOSSA_GAP_BREAK;
}

int glossa__text_collapsed(const struct glossa_text *t, size_t from, size_t to,
                           struct glossa_buf *out)
{
    size_t i;
    int space = 0;
    for (i = from; i < to; i++) {
        char c = t->clean[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
            space = 1;
            continue;
        }
        if (space && out->len && glossa__buf_add(out, " ", 1))
            return GLOSSA_ENOMEM;
        space = 0;
        if (glossa__buf_add(out, &t->clean[i], 1))
            return GLOSSA_ENOMEM;
    }
    return glossa__buf_add(out, "", 0);
}

struct chunk_ctx {
    glossa_token_fn fn;
    void *ud;
    size_t base;
};

static int shift_token(void *ud, const char *tok, size_t tok_len, size_t start, size_t end,
                       int flags)
{
    struct chunk_ctx *c = ud;
    return c->fn(c->ud, tok, tok_len, c->base + start, c->base + end, flags);
}

int glossa__text_tokens(const struct glossa_text *t, struct glossa_norm *norm,
                        glossa_token_fn fn, void *ud)
{
    struct chunk_ctx c;
    size_t at = 0;
    c.fn = fn;
    c.ud = ud;
    while (at < t->clean_len) {
        size_t end = at + TOKEN_CHUNK;
        int rc;
        if (end >= t->clean_len) {
            end = t->clean_len;
        } else { /* words never span a newline of the re-joined text */
            const char *nl = memchr(t->clean + end, '\n', t->clean_len - end);
            end = nl ? (size_t)(nl - t->clean) + 1 : t->clean_len;
        }
        c.base = at;
        rc = glossa__norm_tokens(norm, t->clean + at, end - at, shift_token, &c);
        if (rc)
            return rc;
        at = end;
    }
    return 0;
}

/* 1 when s ends in a Russian consonant letter. */
static int ends_in_consonant(const char *s, size_t len)
{
    static const char consonants[] = "бвгджзйклмнпрстфхцчшщ";
    size_t at;
    UChar32 c = len ? cp_before(s, len, &at) : 0;
    char one[5];
    int32_t n = 0;
    UBool bad = 0;
    if (c < 0x0430 || c > 0x044F)
        return 0;
    U8_APPEND((uint8_t *)one, n, 4, c, bad);
    (void)bad;
    one[n] = '\0';
    return strstr(consonants, one) != NULL;
}

int glossa__text_stem_variant(struct glossa_keys *k, const char *tok, size_t len,
                              const char **out, size_t *out_len)
{
    char probe[256];
    const char *s;
    size_t n, plain;

    if (glossa__stem_token(k, tok, len, NULL, &s, &plain))
        return GLOSSA_ENOMEM;
    if (plain >= len || len + 4 > sizeof probe || !ends_in_consonant(tok, len))
        return 0;
    memcpy(probe, tok, len);
    memcpy(probe + len, "\xd0\xbe\xd0\xbc", 4); /* -ом */
    if (glossa__stem_token(k, probe, len + 4, NULL, &s, &n))
        return GLOSSA_ENOMEM;
    if (n <= plain || n > len || memcmp(s, tok, n) != 0)
        return 0;
    *out = s;
    *out_len = n;
    return 1;
}
