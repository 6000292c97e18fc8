/*
** keys.c — the looser search keys built on norm.c: Snowball stems (so that
** inflected and plural forms match, and British and American spellings of
** English) and a Latin transliteration key (so that Cyrillic terms are
** found from their romanisations and the reverse, Russian ones also from an
** inflected romanisation, and Chinese terms from pinyin in any style).
**
** Cyrillic is romanised by the table here (every letter of the member
** states' Cyrillic alphabets), Arabic script, Devanagari and accented Latin
** by translit.c (ICU's rules, without its registry); stemmers and ICU's
** transliterator (Han and other scripts) are opened on first use and kept on
** the handle: an ASCII word never opens one. Transliterations are cached per
** word: indexing pays for each distinct word once.
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

/* Words already transliterated by ICU: word -> ASCII, bounded. */
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
    UTransliterator *tr;        /* Any-Latin; Latin-ASCII: for what translit.c lacks */
    struct glossa_translit *fast; /* the same for Arabic, Devanagari and Latin words */
    struct tr_cache cache;
    struct glossa_buf turkic;  /* a Latin word in its second or West Slavic reading */
    int read_other;            /* that reading read a word of the last key otherwise */
    struct glossa_buf english; /* an English word in American spelling, then its stem */
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

int glossa__keys_new_han(struct glossa_keys **out, struct glossa_han *han, glossa_error *err)
{
    struct glossa_keys *k = glossa__calloc(1, sizeof *k);
    int rc;
    if (!k)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    rc = glossa__norm_new_han(&k->norm, han, err);
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
    if (k->tr)
        utrans_close(k->tr);
    glossa__translit_free(k->fast);
    cache_release(&k->cache);
    glossa__buf_release(&k->turkic);
    glossa__buf_release(&k->english);
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

/* British and American spelling meet in one stem: before stemming,
** -ise -ised -ises -ising -isation(s) are written with z (Snowball's
** English stemmer takes -ize off, not -ise), and -yse with z (analyse). */
static const char *const en_suffixes[] = {
    "isations", "isation", "ising", "ised", "ises", "ise",
    "ysing", "ysed", "yses", "yse",
};

static int en_before(struct glossa_buf *b, const char *tok, size_t len)
{
    size_t i;
    for (i = 0; i < sizeof en_suffixes / sizeof en_suffixes[0]; i++) {
        size_t n = strlen(en_suffixes[i]);
        if (len >= n + 3 && memcmp(tok + len - n, en_suffixes[i], n) == 0) {
            glossa__buf_clear(b);
            if (glossa__buf_add(b, tok, len))
                return GLOSSA_ENOMEM;
            b->data[len - n + 1] = 'z';
            return 1;
        }
    }
    return 0;
}

static int is_consonant(char c)
{
    return c >= 'a' && c <= 'z' && !strchr("aeiouy", c);
}

/* After stemming: behaviour/behavior (-our: -or),
** centre/center (the stems centr and center: a consonant and -er: -r),
** defence/defense and licence/license (-enc: -ens), programme/program
** (-mm: -m; Snowball undoubles travelled and modelling itself). */
static size_t en_after(char *s, size_t n)
{
    if (n >= 5 && memcmp(s + n - 3, "our", 3) == 0) {
        s[n - 2] = 'r';
        n--;
    } else if (n >= 5 && memcmp(s + n - 2, "er", 2) == 0 && is_consonant(s[n - 3])) {
        s[n - 2] = 'r';
        n--;
    } else if (n >= 5 && memcmp(s + n - 3, "enc", 3) == 0) {
        s[n - 1] = 's';
    }
    if (n >= 4 && s[n - 1] == 'm' && s[n - 2] == 'm')
        n--;
    return n;
}

int glossa__stem_token(struct glossa_keys *k, const char *tok, size_t len, const char *lang,
                       const char **out, size_t *out_len)
{
    int which = lang ? stem_index_of_lang(lang) : stem_index_of_script(tok, len), rc;
    *out = tok;
    *out_len = len;
    if (which < 0 || len >= 1024)
        return 0;
    if (!k->stemmer[which])
        k->stemmer[which] = sb_stemmer_new(stem_algorithm[which], "UTF_8");
    if (which == STEM_EN && (rc = en_before(&k->english, tok, len))) {
        if (rc < 0)
            return rc;
        tok = k->english.data;
    }
    if (k->stemmer[which]) {
        const sb_symbol *s = sb_stemmer_stem(k->stemmer[which], (const sb_symbol *)tok, (int)len);
        if (!s)
            return GLOSSA_ENOMEM;
        *out = (const char *)s;
        *out_len = (size_t)sb_stemmer_length(k->stemmer[which]);
        if (which == STEM_EN) {
            glossa__buf_clear(&k->english);
            if (glossa__buf_add(&k->english, *out, *out_len))
                return GLOSSA_ENOMEM;
            *out_len = en_after(k->english.data, *out_len);
            *out = k->english.data;
        }
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

/* The Latin letters of a Cyrillic letter (lower case, as a normalised key
** has it), chosen so that the skeleton below meets every romanisation in
** use: Russian (scientific, ISO 9, GOST 7.79, BGN/PCGN, ICAO, chat style),
** Kazakh (Latin 2017, 2018, 2021), Kyrgyz, Tajik, Belarusian, Uzbek. NULL
** for a letter not here (the word then goes to ICU). */
static const char *const cyrillic_basic[0x30] = {
    /* а-я */
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "j", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    /* ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ */
    "e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz",
};

static const char *cyrillic_latin(UChar32 c, int variant)
{
    int v = variant & GLOSSA_TR_READING;
    if (v == GLOSSA_TR_SECOND && c == 0x0436)
        return "j";               /* Uzbek ж: j */
    if (v == GLOSSA_TR_SECOND && c == 0x045E)
        return "o";               /* Uzbek ў: oʻ */
    if (v == GLOSSA_TR_BELARUSIAN && c == 0x0433)
        return "h";               /* Belarusian г: h */
    if (v == GLOSSA_TR_KYRGYZ && c == 0x04A3)
        return "ng";              /* Kyrgyz ң: ng (BGN/PCGN, passports) */
    if (c >= 0x0430 && c <= 0x045F)
        return cyrillic_basic[c - 0x0430];
    switch (c) {
    case 0x02BC: return "";       /* an apostrophe between letters (norm.c) */
    case 0x0491: case 0x0493: case 0x0495: case 0x04F7: return "g"; /* ґ ғ ҕ ӷ */
    case 0x0497: case 0x04C2: case 0x04DD: return "zh";             /* җ ӂ ӝ */
    case 0x0499: case 0x04DF: return "z";                           /* ҙ ӟ */
    case 0x049B: case 0x049D: case 0x049F: case 0x04A1: case 0x04C4:
        return "k";                                                 /* қ ҝ ҟ ҡ ӄ */
    case 0x04A3: case 0x04CA: return "n";                           /* ң ӊ */
    case 0x04A5: case 0x04C8: return "ng";                          /* ҥ ӈ */
    case 0x04AB: return "s";                                        /* ҫ */
    case 0x04AD: return "t";                                        /* ҭ */
    case 0x04AF: case 0x04B1: case 0x04EF: case 0x04F1: case 0x04F3:
        return "u";                                                 /* ү ұ ӯ ӱ ӳ */
    case 0x04B3: case 0x04BB: return "h";                           /* ҳ һ */
    case 0x04B5: return "ts";                                       /* ҵ */
    case 0x04B7: return "j";                                        /* ҷ */
    case 0x04B9: case 0x04BD: case 0x04BF: case 0x04CC: case 0x04F5:
        return "ch";                                                /* ҹ ҽ ҿ ӌ ӵ */
    case 0x04CF: return "";                                         /* ӏ */
    case 0x04D1: case 0x04D3: case 0x04D9: case 0x04DB: return "a"; /* ӑ ӓ ә ӛ */
    case 0x04D5: return "ae";                                       /* ӕ */
    case 0x04D7: case 0x04ED: return "e";                           /* ӗ ӭ */
    case 0x04E1: return "dz";                                       /* ӡ */
    case 0x04E3: case 0x04E5: return "i";                           /* ӣ ӥ */
    case 0x04E7: case 0x04E9: case 0x04EB: return "o";              /* ӧ ө ӫ */
    case 0x04F9: return "y";                                        /* ӹ */
    default: return NULL;
    }
}

/* A word of Cyrillic letters in Latin letters, appended to out: 1 when
** done, 0 when the word has another letter (ICU's), or an error. */
static int cyrillic_word(const char *w, size_t n, int variant, struct glossa_buf *out)
{
    size_t i = 0, start = out->len;
    while (i < n) {
        const char *latin;
        UChar32 c;
        U8_NEXT((const uint8_t *)w, i, n, c);
        if (c < 0 || !(latin = cyrillic_latin(u_tolower(c), variant))) {
            out->len = start;
            if (out->data)
                out->data[start] = '\0';
            return 0;
        }
        if (glossa__buf_adds(out, latin))
            return GLOSSA_ENOMEM;
    }
    return 1;
}

/* The second reading of a Latin word, the Turkic Latin alphabets' (Kazakh,
** Uzbek, Kyrgyz BGN/PCGN): j is ж, Kazakh 2017's y' and 2018's ý у (for
** Russian, j is й, y' ы). With uzbek (an Uzbek Latin term) and without: a
** word's first yo is ё, which a Cyrillic key has as е (yordam ёрдам), but
** not yoʻ (йў); another apostrophe (U+02BC; lookup.c keeps one that ends a
** word) marks a letter the skeleton reads alone (Kazakh 2017 n', Uzbek oʻ):
** it goes. 1 when the word reads otherwise, in buf. */
static int turkic_latin(const char *w, size_t n, int uzbek, struct glossa_buf *buf)
{
    size_t i;
    int other = 0;
    glossa__buf_clear(buf);
    for (i = 0; i < n; i++) {
        const char *to = NULL;
        size_t skip = 1;
        int apostrophe = i + 1 < n && (unsigned char)w[i] == 0xCA && (unsigned char)w[i + 1] == 0xBC;
        if (i == 0 && n > 2 && w[0] == 'y' && w[1] == 'o' &&
            !(n > 3 && (unsigned char)w[2] == 0xCA && (unsigned char)w[3] == 0xBC))
            to = "ye", skip = 2; /* ё */
        else if (uzbek)
            to = apostrophe ? "" : NULL, skip = apostrophe ? 2 : 1;
        else if (w[i] == 'j')
            to = "zh";
        else if (i + 1 < n && (unsigned char)w[i] == 0xC3 && (unsigned char)w[i + 1] == 0xBD)
            to = "u", skip = 2; /* ý */
        else if (w[i] == 'y' && i + 2 < n && (unsigned char)w[i + 1] == 0xCA &&
                 (unsigned char)w[i + 2] == 0xBC)
            to = "u", skip = 3; /* y followed by the apostrophe U+02BC */
        else if (apostrophe)
            to = "", skip = 2;
        if (to)
            other = 1;
        if (to ? glossa__buf_adds(buf, to) : glossa__buf_add(buf, w + i, 1))
            return GLOSSA_ENOMEM;
        i += skip - 1;
    }
    return other;
}

/* Letters that different romanisations of one word disagree on, folded to
** one skeleton in phases, each over the whole string, so that the result does
** not depend on where a rule happened to start:
**   0. a tone number after a letter goes (pinyin xin1 xi1: 0-5 not before a digit)
**   1. affricates ts/tz/cz→c, then consonant digraphs: shch/shh/sch/sh/sc (щ
**      šč, сц sts)→s, ch→c, zh→z, kh/gh→h/g
**   2. letters: x→h, w→u after a vowel (Belarusian ў: w, ŭ, u) else v, y/j→i,
**      q→k, v→u after l and n (pinyin lü, nü typed lv, nv)
**   3. doubled letters collapse
**   (with stem: each word's ending goes, see strip_ending)
**   4. i before a vowel goes (я = ya/ja/ia/â → a, ю → u, ё → o, е → e)
**   5. doubled letters collapse again
** Everything but a-z and 0-9 (spaces, apostrophes, modifier letters) goes. */
struct digraph { const char *from; char to; };
static const struct digraph affricates[] = { { "ts", 'c' }, { "tz", 'c' }, { "cz", 'c' } };
static const struct digraph consonants[] = {
    { "shch", 's' }, { "shh", 's' }, { "sch", 's' }, { "sh", 's' }, { "sc", 's' }, { "ch", 'c' },
    { "zh", 'z' }, { "kh", 'h' }, { "gh", 'g' },
};

/* One pass of digraphs (d, nd of them) over s[0, n): the new length. */
static size_t fold_digraphs(char *s, size_t n, const struct digraph *d, size_t nd)
{
    size_t i, j, k;
    for (i = j = 0; i < n;) {
        for (k = 0; k < nd; k++) {
            size_t len = strlen(d[k].from);
            if (i + len <= n && memcmp(s + i, d[k].from, len) == 0)
                break;
        }
        if (k < nd) {
            s[j++] = d[k].to;
            i += strlen(d[k].from);
        } else {
            s[j++] = s[i++];
        }
    }
    return j;
}

/* The West Slavic reading of a Latin word: Polish and Czech romanisations
** and Belarusian Łacinka write х as ch (ч is č or cz there) and Polish ш as
** sz, щ as szcz (s, as the skeleton reads sh and shch). 1 when the word
** reads otherwise, in buf. */
static int west_latin(const char *w, size_t n, struct glossa_buf *buf)
{
    static const struct digraph west[] = { { "szcz", 's' }, { "sz", 's' }, { "ch", 'h' } };
    glossa__buf_clear(buf);
    if (glossa__buf_add(buf, w, n))
        return GLOSSA_ENOMEM;
    buf->len = fold_digraphs(buf->data, n, west, sizeof west / sizeof west[0]);
    buf->data[buf->len] = '\0';
    return buf->len != n;
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'o' || c == 'u';
}

static char fold_letter(const char *s, size_t i)
{
    switch (s[i]) {
    case 'x': return 'h';
    case 'w': return i > 0 && (is_vowel(s[i - 1]) || s[i - 1] == 'i') ? 'u' : 'v';
    case 'y': case 'j': return 'i';
    case 'q': return 'k';
    case 'v': return i > 0 && (s[i - 1] == 'l' || s[i - 1] == 'n') ? 'u' : 'v';
    default: return s[i];
    }
}

static size_t collapse(char *s, size_t n)
{
    size_t i, j = 0;
    for (i = 0; i < n; i++)
        if (j == 0 || s[i] != s[j - 1])
            s[j++] = s[i];
    return j;
}

/* The length of word s[0, n) without its Russian inflection, as the
** skeleton writes it after phase 3 (информационной, informatsionnoy and
** informacionnoj all informacionoi): -ogo -ego -omu -emu, then -mi, then
** -m -h -v after a vowel (-ам -ом -ым -ах -их -ов), then the vowels at its
** end (with i: и, ы, й); at least 3 letters stay. */
static size_t strip_ending(const char *s, size_t n)
{
    static const char *const long_endings[] = { "ogo", "ego", "omu", "emu" };
    size_t i;
    for (i = 0; i < sizeof long_endings / sizeof long_endings[0]; i++)
        if (n >= 6 && memcmp(s + n - 3, long_endings[i], 3) == 0)
            return n - 3;
    if (n >= 5 && s[n - 2] == 'm' && s[n - 1] == 'i')
        n -= 2;
    else if (n >= 4 && (s[n - 1] == 'm' || s[n - 1] == 'h' || s[n - 1] == 'v') &&
             (is_vowel(s[n - 2]) || s[n - 2] == 'i'))
        n--;
    while (n > 3 && (is_vowel(s[n - 1]) || s[n - 1] == 'i'))
        n--;
    return n;
}

static int skeleton(const char *ascii, int stem, struct glossa_buf *out)
{
    size_t n = strlen(ascii), i, j = 0, d;
    char *s;

    glossa__buf_clear(out);
    if (glossa__buf_grow(out, n + 1))
        return GLOSSA_ENOMEM;
    s = out->data;
    for (i = 0; i < n; i++) { /* lower-case letters and digits only (0); words with stem */
        char c = ascii[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c >= '0' && c <= '5' && j > 0 && s[j - 1] >= 'a' && s[j - 1] <= 'z' &&
            !(ascii[i + 1] >= '0' && ascii[i + 1] <= '9'))
            continue;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            (stem && c == ' ' && j > 0 && s[j - 1] != ' '))
            s[j++] = c;
    }
    n = fold_digraphs(s, j, affricates, sizeof affricates / sizeof affricates[0]); /* 1 */
    n = fold_digraphs(s, n, consonants, sizeof consonants / sizeof consonants[0]);
    for (i = 0; i < n; i++) /* 2 */
        s[i] = fold_letter(s, i);
    n = collapse(s, n); /* 3 */
    if (stem) { /* each word without its ending, and the spaces gone */
        size_t from = 0;
        for (i = j = 0; i <= n; i++) {
            if (i < n && s[i] != ' ')
                continue;
            d = strip_ending(s + from, i - from);
            memmove(s + j, s + from, d);
            j += d;
            from = i + 1;
        }
        n = j;
    }
    for (i = j = 0; i < n; i++) /* 4 */
        if (!(s[i] == 'i' && i + 1 < n && is_vowel(s[i + 1])))
            s[j++] = s[i];
    n = collapse(s, j); /* 5 */
    s[n] = '\0';
    out->len = n;
    return 0;
}

/* One word (no space) of a normalised key in Latin letters, appended to out. */
static int translit_word(struct glossa_keys *k, int variant, const char *w, size_t n,
                         struct glossa_buf *out)
{
    UErrorCode status = U_ZERO_ERROR;
    struct tr_cache *c = &k->cache;
    int32_t len16 = 0, limit, need, len8 = 0;
    const UChar *r16;
    size_t i, start;
    long id;
    int added = 0, rc;

    if ((variant & GLOSSA_TR_READING) >= GLOSSA_TR_WEST ||
        (variant & GLOSSA_TR_READING) == GLOSSA_TR_SECOND) {
        rc = (variant & GLOSSA_TR_READING) == GLOSSA_TR_WEST
                 ? west_latin(w, n, &k->turkic)
                 : turkic_latin(w, n, (variant & GLOSSA_TR_READING) == GLOSSA_TR_UZBEK_LATIN,
                                &k->turkic);
        if (rc < 0)
            return rc;
        if (rc) {
            w = k->turkic.data;
            n = k->turkic.len;
            k->read_other = 1;
        }
    }
    for (i = 0; i < n && !((unsigned char)w[i] & 0x80); i++)
        ;
    if (i == n) /* ASCII: Any-Latin and Latin-ASCII leave it as it is */
        return glossa__buf_add(out, w, n);
    if (n > 1024 * 1024)
        return GLOSSA_ENOMEM;
    if ((rc = cyrillic_word(w, n, variant, out)))
        return rc < 0 ? rc : 0;
    if ((id = glossa__strmap_find(&c->words, w, n)) >= 0) {
        size_t end = (size_t)id + 1 < c->words.count ? c->off[id + 1] : c->values.len;
        return glossa__buf_add(out, c->values.data + c->off[id], end - c->off[id]);
    }
    need = (int32_t)n * 8 + 16; /* the text can grow (a Han character: 6 letters) */
    if (need > k->cap16) {
        UChar *p = glossa__realloc(k->u16, (size_t)need * sizeof *p);
        if (!p)
            return GLOSSA_ENOMEM;
        k->u16 = p;
        k->cap16 = need;
    }
    u_strFromUTF8(k->u16, k->cap16, &len16, w, (int32_t)n, &status);
    if (U_SUCCESS(status) && (rc = glossa__translit_known(&k->fast, k->u16, len16, &r16, &len16)) < 0)
        return rc;
    if (!rc && !k->tr) /* by id: ICU builds its transliterator registry first */
        k->tr = utrans_openU(u"Any-Latin; Latin-ASCII", -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (!rc) {
        limit = len16;
        utrans_transUChars(k->tr, k->u16, &len16, k->cap16, 0, &limit, &status);
        r16 = k->u16;
    }
    if (U_FAILURE(status))
        return status == U_BUFFER_OVERFLOW_ERROR ? GLOSSA_ENOMEM : GLOSSA_ERROR;
    start = out->len;
    if (glossa__buf_grow(out, (size_t)len16 * 3 + 1))
        return GLOSSA_ENOMEM;
    u_strToUTF8(out->data + start, len16 * 3 + 1, &len8, r16, len16, &status);
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

int glossa__translit_variant(const char *lang)
{
    if (glossa__lang_matches(lang, "uz-Cyrl"))
        return GLOSSA_TR_SECOND;
    if (glossa__lang_matches(lang, "be"))
        return GLOSSA_TR_BELARUSIAN;
    if (glossa__lang_matches(lang, "ky"))
        return GLOSSA_TR_KYRGYZ;
    if (glossa__lang_matches(lang, "uz-Latn"))
        return GLOSSA_TR_UZBEK_LATIN;
    if (glossa__lang_matches(lang, "ru"))
        return GLOSSA_TR_GENERIC | GLOSSA_TR_STEM;
    return GLOSSA_TR_GENERIC;
}

int glossa__translit_key_of_norm(struct glossa_keys *k, const char *key, size_t len,
                                 int variant, struct glossa_buf *out)
{
    size_t at = 0;
    int rc;

    if (len > 1024 * 1024)
        return GLOSSA_ENOMEM;
    glossa__buf_clear(&k->ascii);
    if (glossa__buf_add(&k->ascii, "", 0))
        return GLOSSA_ENOMEM;
    k->read_other = 0;
    /* word by word: no rule of these transforms looks across a space */
    while (at < len) {
        const char *sp = memchr(key + at, ' ', len - at);
        size_t end = sp ? (size_t)(sp - key) : len;
        if (end > at) {
            if (k->ascii.len && (rc = glossa__buf_add(&k->ascii, " ", 1)))
                return rc;
            if ((rc = translit_word(k, variant, key + at, end - at, &k->ascii)))
                return rc;
        }
        at = end + 1;
    }
    return skeleton(glossa__buf_str(&k->ascii), (variant & GLOSSA_TR_STEM) != 0, out);
}

int glossa__translit_reading_of_norm(struct glossa_keys *k, const char *key, size_t len,
                                     int variant, struct glossa_buf *out)
{
    int rc = glossa__translit_key_of_norm(k, key, len, variant, out);
    return rc ? rc : k->read_other;
}

int glossa__translit_key_of_term(struct glossa_keys *k, const char *text, size_t len,
                                 const char *lang, const char *key, size_t key_len,
                                 struct glossa_buf *out)
{
    size_t i = glossa__lang_matches(lang, "zh-Hant") ? len : 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT((const uint8_t *)text, i, len, c);
        if (glossa__is_han(c)) { /* pinyin of the characters as written */
            int rc = glossa__norm_key_ex(k->norm, text, len, GLOSSA_NORM_KEEP_HAN, &k->words);
            if (rc)
                return rc;
            key = glossa__buf_str(&k->words);
            key_len = k->words.len;
            break;
        }
    }
    return glossa__translit_key_of_norm(k, key, key_len, glossa__translit_variant(lang), out);
}

int glossa__translit_key(struct glossa_keys *k, const char *text, size_t len,
                         int variant, struct glossa_buf *out)
{
    int rc = glossa__norm_key(k->norm, text, len, &k->words);
    if (rc)
        return rc;
    return glossa__translit_key_of_norm(k, glossa__buf_str(&k->words), k->words.len, variant, out);
}
