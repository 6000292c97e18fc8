/*
** keys.c — the looser search keys built on norm.c: Snowball stems (so that
** inflected and plural forms match) and a Latin transliteration key (so that
** Cyrillic terms are found from Latin input and the reverse, and Chinese
** terms from toneless pinyin).
**
** Stemmers and ICU transliterators are opened on first use and kept on the
** handle: a Russian lookup never pays for Han-Latin's 100 ms start-up, and
** an ASCII word never opens one at all (Any-Latin; Latin-ASCII leaves it as
** it is). Transliterations are cached per word, so that indexing a large term
** base pays for each distinct word once.
*/
#include "glossa_int.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

#include <string.h>

enum { STEM_RU, STEM_EN, STEM_HI, STEM_COUNT };
static const char *const stem_algorithm[STEM_COUNT] = { "russian", "english", "hindi" };
static const char *const stem_lang[STEM_COUNT] = { "ru", "en", "hi" };

enum { TR_GENERIC, TR_UZBEK, TR_COUNT };
static const char *const tr_id[TR_COUNT] = {
    "Any-Latin; Latin-ASCII",
    "uz_Cyrl-uz_Latn; Any-Latin; Latin-ASCII",
};

/* Words already transliterated (per variant): word -> ASCII, bounded. */
#define TR_CACHE_MAX 100000
struct tr_cache {
    struct glossa_strmap words;
    struct glossa_buf values;  /* the ASCII forms, one after the other */
    size_t *off;               /* word id: offset of its form in values */
    size_t cap;
};

struct glossa_keys {
    struct glossa_norm *norm;
    struct sb_stemmer *stemmer[STEM_COUNT];
    UTransliterator *tr[TR_COUNT];
    struct tr_cache cache[TR_COUNT];
    struct glossa_buf words;   /* the normalised key being worked on */
    struct glossa_buf ascii;   /* its transliteration, before the skeleton */
    UChar *u16;
    int32_t cap16;
};

static void cache_release(struct tr_cache *c)
{
    glossa__strmap_release(&c->words);
    glossa__buf_release(&c->values);
    glossa__free(c->off);
    memset(c, 0, sizeof *c);
}

int glossa__keys_new(struct glossa_keys **out, glossa_error *err)
{
    struct glossa_keys *k = glossa__calloc(1, sizeof *k);
    int rc;
    if (!k)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    rc = glossa__norm_new(&k->norm, err);
    if (rc) {
        glossa__free(k);
        return rc;
    }
    *out = k;
    return 0;
}

void glossa__keys_free(struct glossa_keys *k)
{
    int i;
    if (!k)
        return;
    for (i = 0; i < STEM_COUNT; i++)
        if (k->stemmer[i])
            sb_stemmer_delete(k->stemmer[i]);
    for (i = 0; i < TR_COUNT; i++) {
        if (k->tr[i])
            utrans_close(k->tr[i]);
        cache_release(&k->cache[i]);
    }
    glossa__norm_free(k->norm);
    glossa__buf_release(&k->words);
    glossa__buf_release(&k->ascii);
    glossa__free(k->u16);
    glossa__free(k);
}

struct glossa_norm *glossa__keys_norm(struct glossa_keys *k)
{
    return k->norm;
}

/* ---- stems ------------------------------------------------------------------------- */

static int stem_index_of_lang(const char *lang)
{
    int i;
    for (i = 0; lang && i < STEM_COUNT; i++)
        if (glossa__lang_matches(lang, stem_lang[i]))
            return i;
    return -1;
}

int glossa__keys_can_stem(const char *lang)
{
    return stem_index_of_lang(lang) >= 0;
}

static int stem_index_of_script(const char *tok, size_t len)
{
    UErrorCode status = U_ZERO_ERROR;
    size_t i = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT((const uint8_t *)tok, i, len, c);
        if (c < 0 || !u_isalpha(c))
            continue;
        switch (uscript_getScript(c, &status)) {
        case USCRIPT_CYRILLIC: return STEM_RU;
        case USCRIPT_LATIN: return STEM_EN;
        case USCRIPT_DEVANAGARI: return STEM_HI;
        default: return -1;
        }
    }
    return -1;
}

struct stem_ctx {
    struct glossa_keys *k;
    const char *lang;         /* stemmer for every word, or NULL: by script */
    struct glossa_buf *out;
};

int glossa__stem_token(struct glossa_keys *k, const char *tok, size_t len, const char *lang,
                       const char **out, size_t *out_len)
{
    int which = lang ? stem_index_of_lang(lang) : stem_index_of_script(tok, len);
    *out = tok;
    *out_len = len;
    if (which < 0 || len >= 1024)
        return 0;
    if (!k->stemmer[which])
        k->stemmer[which] = sb_stemmer_new(stem_algorithm[which], "UTF_8");
    if (k->stemmer[which]) {
        const sb_symbol *s = sb_stemmer_stem(k->stemmer[which], (const sb_symbol *)tok, (int)len);
        if (!s)
            return GLOSSA_ENOMEM;
        *out = (const char *)s;
        *out_len = (size_t)sb_stemmer_length(k->stemmer[which]);
    }
    return 0;
}

static int add_stem(void *ud, const char *tok, size_t len, size_t start, size_t end, int flags)
{
    struct stem_ctx *c = ud;
    const char *word;
    size_t n;
    (void)start;
    (void)end;
    (void)flags;
    if (glossa__stem_token(c->k, tok, len, c->lang, &word, &n))
        return GLOSSA_ENOMEM;
    if (c->out->len && glossa__buf_add(c->out, " ", 1))
        return GLOSSA_ENOMEM;
    return glossa__buf_add(c->out, word, n);
}

int glossa__stem_key_of_norm(struct glossa_keys *k, const char *key, size_t len,
                             const char *lang, struct glossa_buf *out)
{
    struct stem_ctx c;
    size_t at = 0;
    c.k = k;
    c.lang = lang;
    c.out = out;
    glossa__buf_clear(out);
    if (glossa__buf_add(out, "", 0))
        return GLOSSA_ENOMEM;
    if (lang && stem_index_of_lang(lang) < 0)
        return glossa__buf_add(out, key, len); /* no stemmer: the words as they are */
    /* the words of a key are its tokens: they hold no space */
    while (at < len) {
        const char *sp = memchr(key + at, ' ', len - at);
        size_t end = sp ? (size_t)(sp - key) : len;
        if (end > at && add_stem(&c, key + at, end - at, at, end, 0))
            return GLOSSA_ENOMEM;
        at = end + 1;
    }
    return 0;
}

int glossa__stem_key(struct glossa_keys *k, const char *text, size_t len,
                     const char *lang, struct glossa_buf *out)
{
    int rc = glossa__norm_key(k->norm, text, len, &k->words);
    if (rc)
        return rc;
    return glossa__stem_key_of_norm(k, k->words.data, k->words.len, lang, out);
}

/* ---- transliteration ---------------------------------------------------------------- */

/* Letters that different romanisations of one word disagree on, folded to
** one skeleton in phases, each over the whole string, so that the result does
** not depend on where a rule happened to start:
**   1. consonant digraphs: shch/sch/sh→s, ch→c, zh→z, kh/gh→h/g, ts/tz→c
**   2. letters: x→h, w→v, y/j→i, q→k
**   3. doubled letters collapse
**   4. i before a vowel goes (я = ya/ja/ia/â → a, ю → u, ё → o, е → e)
**   5. doubled letters collapse again
** Everything but a-z and 0-9 (spaces, apostrophes, modifier letters) goes. */
static const struct { const char *from; char to; } consonants[] = {
    { "shch", 's' }, { "sch", 's' }, { "sh", 's' }, { "ch", 'c' }, { "zh", 'z' },
    { "kh", 'h' }, { "gh", 'g' }, { "ts", 'c' }, { "tz", 'c' },
};

static char fold_letter(char c)
{
    switch (c) {
    case 'x': return 'h';
    case 'w': return 'v';
    case 'y': case 'j': return 'i';
    case 'q': return 'k';
    default: return c;
    }
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'o' || c == 'u';
}

static size_t collapse(char *s, size_t n)
{
    size_t i, j = 0;
    for (i = 0; i < n; i++)
        if (j == 0 || s[i] != s[j - 1])
            s[j++] = s[i];
    return j;
}

static int skeleton(const char *ascii, struct glossa_buf *out)
{
    size_t n = strlen(ascii), i, j = 0, d;
    char *s;

    glossa__buf_clear(out);
    if (glossa__buf_grow(out, n + 1))
        return GLOSSA_ENOMEM;
    s = out->data;
    for (i = 0; i < n; i++) { /* lower-case letters and digits only */
        char c = ascii[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            s[j++] = c;
    }
    n = j;
    for (i = j = 0; i < n;) { /* 1 */
        for (d = 0; d < sizeof consonants / sizeof consonants[0]; d++) {
            size_t len = strlen(consonants[d].from);
            if (i + len <= n && memcmp(s + i, consonants[d].from, len) == 0)
                break;
        }
        if (d < sizeof consonants / sizeof consonants[0]) {
            s[j++] = consonants[d].to;
            i += strlen(consonants[d].from);
        } else {
            s[j++] = s[i++];
        }
    }
    n = j;
    for (i = 0; i < n; i++) /* 2 */
        s[i] = fold_letter(s[i]);
    n = collapse(s, n); /* 3 */
    for (i = j = 0; i < n; i++) /* 4 */
        if (!(s[i] == 'i' && i + 1 < n && is_vowel(s[i + 1])))
            s[j++] = s[i];
    n = collapse(s, j); /* 5 */
    s[n] = '\0';
    out->len = n;
    return 0;
}

/* One word (no space) of a normalised key in Latin letters, appended to out. */
static int translit_word(struct glossa_keys *k, int which, const char *w, size_t n,
                         struct glossa_buf *out)
{
    UErrorCode status = U_ZERO_ERROR;
    struct tr_cache *c = &k->cache[which];
    int32_t len16 = 0, limit, need, len8 = 0;
    size_t i, start;
    long id;
    int added = 0;

    for (i = 0; i < n && !((unsigned char)w[i] & 0x80); i++)
        ;
    if (i == n) /* ASCII: Any-Latin and Latin-ASCII leave it as it is */
        return glossa__buf_add(out, w, n);
    if (n > 1024 * 1024)
        return GLOSSA_ENOMEM;
    if ((id = glossa__strmap_find(&c->words, w, n)) >= 0) {
        size_t end = (size_t)id + 1 < c->words.count ? c->off[id + 1] : c->values.len;
        return glossa__buf_add(out, c->values.data + c->off[id], end - c->off[id]);
    }
    if (!k->tr[which]) {
        UChar id16[64];
        u_uastrcpy(id16, tr_id[which]);
        k->tr[which] = utrans_openU(id16, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
        if (U_FAILURE(status)) {
            k->tr[which] = NULL;
            return GLOSSA_ERROR;
        }
    }
    /* transliteration can lengthen text (one Han character: up to 6 letters) */
    need = (int32_t)n * 8 + 16;
    if (need > k->cap16) {
        UChar *p = glossa__realloc(k->u16, (size_t)need * sizeof *p);
        if (!p)
            return GLOSSA_ENOMEM;
        k->u16 = p;
        k->cap16 = need;
    }
    u_strFromUTF8(k->u16, k->cap16, &len16, w, (int32_t)n, &status);
    limit = len16;
    utrans_transUChars(k->tr[which], k->u16, &len16, k->cap16, 0, &limit, &status);
    if (U_FAILURE(status))
        return status == U_BUFFER_OVERFLOW_ERROR ? GLOSSA_ENOMEM : GLOSSA_ERROR;
    start = out->len;
    if (glossa__buf_grow(out, (size_t)len16 * 3 + 1))
        return GLOSSA_ENOMEM;
    u_strToUTF8(out->data + start, len16 * 3 + 1, &len8, k->u16, len16, &status);
    if (U_FAILURE(status))
        return GLOSSA_ERROR;
    out->len = start + (size_t)len8;
    out->data[out->len] = '\0';
    /* remember it; a full cache starts again, so memory stays bounded */
    if (c->words.count >= TR_CACHE_MAX)
        cache_release(c);
    id = glossa__strmap_intern(&c->words, w, n, &added);
    if (id < 0 || !added)
        return id < 0 ? GLOSSA_ENOMEM : 0;
    if ((size_t)id >= c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        size_t *p = glossa__realloc(c->off, cap * sizeof *p);
        if (!p)
            return GLOSSA_ENOMEM;
        c->off = p;
        c->cap = cap;
    }
    c->off[id] = c->values.len;
    return glossa__buf_add(&c->values, out->data + start, (size_t)len8);
}

int glossa__translit_key_of_norm(struct glossa_keys *k, const char *key, size_t len,
                                 int uzbek, struct glossa_buf *out)
{
    int which = uzbek ? TR_UZBEK : TR_GENERIC;
    size_t at = 0;
    int rc;

    if (len > 1024 * 1024)
        return GLOSSA_ENOMEM;
    glossa__buf_clear(&k->ascii);
    if (glossa__buf_add(&k->ascii, "", 0))
        return GLOSSA_ENOMEM;
    /* word by word: no rule of these transforms looks across a space */
    while (at < len) {
        const char *sp = memchr(key + at, ' ', len - at);
        size_t end = sp ? (size_t)(sp - key) : len;
        if (end > at) {
            if (k->ascii.len && (rc = glossa__buf_add(&k->ascii, " ", 1)))
                return rc;
            if ((rc = translit_word(k, which, key + at, end - at, &k->ascii)))
                return rc;
        }
        at = end + 1;
    }
    return skeleton(glossa__buf_str(&k->ascii), out);
}

int glossa__translit_key(struct glossa_keys *k, const char *text, size_t len,
                         int uzbek, struct glossa_buf *out)
{
    int rc = glossa__norm_key(k->norm, text, len, &k->words);
    if (rc)
        return rc;
    return glossa__translit_key_of_norm(k, glossa__buf_str(&k->words), k->words.len, uzbek, out);
}
