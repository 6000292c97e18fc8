/*
** encoding.c — the one rule on text that is not UTF-8: glossa_text_check
** says where a query (a command-line argument, a line of --batch input, a
** web parameter, a DICT command) stops being UTF-8, and glossa_encoding_guess
** which legacy encoding its bytes read as, so that a terminal or a page left
** in CP1251, KOI8-R, CP866, GB18030, Big5, CP1256 or CP1252 is named instead
** of answered with U+FFFD.
**
** A guess is a reading that is text: each candidate encoding decodes the
** bytes strictly (a byte it does not have rules it out); the result must be
** letters of one script (ASCII letters aside) with spaces, tabs, digits and
** punctuation, at least two of them not ASCII; each word with such letters
** in one case shape (lower, Title or UPPER), a Cyrillic word with vowels as
** words have them (a wrong Cyrillic code page gives consonant runs), no
** Latin letters inside a Cyrillic or Arabic word; a Latin reading mostly
** ASCII (the CP1252 reading of Cyrillic bytes is all accented letters).
** The readings left are ranked: Cyrillic and Latin ones first (Cyrillic
** bytes often read as Han, Han bytes hardly ever as Cyrillic), then ICU's
** charset detector's confidence, lower case (people type queries in lower
** case) and, for GB18030 and Big5, the share of characters from the block of
** the most frequent ones. The guess is "probably" when another reading comes
** close or the text is under six bytes.
*/
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* The legacy encodings of the people who use glossa, in the order a tie
** goes: shown name, ICU converter, the names ICU's detector gives it. */
static const struct legacy {
    const char *name, *converter, *detected, *detected2;
} legacy[] = {
    { "CP1251", "windows-1251", "windows-1251", NULL },
    { "KOI8-R", "KOI8-R", "KOI8-R", NULL },
    { "CP866", "ibm-866", NULL, NULL },
    { "GB18030", "GB18030", "GB18030", NULL },
    { "Big5", "Big5", "Big5", NULL },
    { "CP1252", "windows-1252", "ISO-8859-1", "windows-1252" },
    { "CP1256", "windows-1256", "windows-1256", NULL },
};
#define N_LEGACY (sizeof legacy / sizeof legacy[0])

/* The most characters of a reading a message shows. */
#define SHOWN 40

/* The longest text the guesser reads (a query is at most 4096 bytes). */
#define GUESS_MAX 4096

/* s (n bytes) decoded strictly from conv into u (room for size units):
** its length, or -1 when a byte is not in the encoding. */
static int32_t decode(const char *conv, const char *s, size_t n, UChar *u, int32_t size)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *c = ucnv_open(conv, &status);
    int32_t len;
    if (U_FAILURE(status))
        return -1;
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    len = U_SUCCESS(status) ? ucnv_toUChars(c, u, size, s, (int32_t)n, &status) : -1;
    ucnv_close(c);
    return U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING ? len : -1;
}

/* How a word's letters are cased: lower, Title, UPPER, or mixed (no word
** typed by a person). */
enum shape { SHAPE_NONE, SHAPE_LOWER, SHAPE_TITLE, SHAPE_UPPER, SHAPE_MIXED };

static enum shape word_shape(int n_letters, int n_upper, int first_upper)
{
    if (n_letters == 0 || n_upper == 0)
        return n_letters ? SHAPE_LOWER : SHAPE_NONE;
    if (n_upper == n_letters)
        return n_letters == 1 ? SHAPE_TITLE : SHAPE_UPPER;
    return n_upper == 1 && first_upper ? SHAPE_TITLE : SHAPE_MIXED;
}

/* 1 for a Cyrillic vowel letter (Russian, Ukrainian, Belarusian, Kazakh). */
static int cyrillic_vowel(UChar32 c)
{
    static const UChar32 vowels[] = { 0x430, 0x435, 0x451, 0x438, 0x43E, 0x443, 0x44B, 0x44D,
                                      0x44E, 0x44F, 0x456, 0x457, 0x454, 0x45E, 0x4E9, 0x4AF,
                                      0x4B1, 0x4D9 };
    size_t i;
    c = u_tolower(c);
    for (i = 0; i < sizeof vowels / sizeof vowels[0]; i++)
        if (c == vowels[i])
            return 1;
    return 0;
}

/* A Cyrillic word of n letters with v vowels: one that people write (a word
** read in the wrong Cyrillic code page is mostly consonants or vowels). */
static int word_spelled(int n, int v)
{
    return n < 3 || (n == 3 ? v >= 1 : v * 5 >= n && v * 5 <= n * 4);
}

/* Whether u (len units) reads as text (see the opening comment): 0 when not;
** otherwise its script, with *lower set when no word is in upper case. */
static UScriptCode reads_as_text(const UChar *u, int32_t len, int *lower)
{
    UScriptCode script = USCRIPT_COMMON;
    int32_t i = 0;
    int ascii = 0, other = 0, letters = 0, cased = 0, upper = 0, first_upper = 0, vowels = 0;
    int any_upper = 0, bad = 0, word_other = 0, word_ascii = 0;

    *lower = 1;
    while (i <= len) {
        UChar32 c = -1;
        if (i < len)
            U16_NEXT(u, i, len, c);
        else
            i++;
        if (c >= 0 && (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK)) {
            UErrorCode status = U_ZERO_ERROR;
            UScriptCode sc = uscript_getScript(c, &status);
            if (U_FAILURE(status))
                return USCRIPT_COMMON;
            if (c >= 0x80 && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED) {
                if (script != USCRIPT_COMMON && sc != script)
                    return USCRIPT_COMMON;
                script = sc;
            }
            if (!u_isalpha(c))
                continue;
            if (c < 0x80)
                ascii++, word_ascii = 1;
            else
                other++, word_other = 1;
            if (u_isupper(c) || u_istitle(c)) {
                if (cased == 0)
                    first_upper = 1;
                upper++;
            }
            cased += u_isupper(c) || u_istitle(c) || u_islower(c);
            vowels += cyrillic_vowel(c);
            letters++;
            continue;
        }
        /* the end of a word */
        switch (word_shape(cased, upper, first_upper)) {
        case SHAPE_MIXED: bad |= word_other; break; /* DDoS, iPhone: not from a wrong code page */
        case SHAPE_UPPER: any_upper |= word_other; break;
        default: break;
        }
        if (word_other && script == USCRIPT_CYRILLIC && !word_spelled(letters, vowels))
            bad = 1;
        /* Latin letters inside a Cyrillic or Arabic word (Chinese has no spaces) */
        if (word_other && word_ascii && script != USCRIPT_LATIN && script != USCRIPT_HAN)
            bad = 1;
        letters = cased = upper = first_upper = vowels = word_other = word_ascii = 0;
        if (c < 0)
            break;
        if (c == ' ' || c == '\t' || u_isdigit(c) || u_ispunct(c))
            continue;
        return USCRIPT_COMMON; /* controls, symbols, other spaces, unassigned */
    }
    if (bad || other == 0 || (script == USCRIPT_LATIN ? other >= ascii : other < 2))
        return USCRIPT_COMMON;
    *lower = !any_upper;
    return script;
}

/* Of the characters s (n bytes) makes in a double-byte encoding, the share
** (0-100) in the block of its most frequent characters: GB2312 level 1
** (B0-D7 A1-FE) for GB18030, Big5 level 1 (A4-C6) for Big5. 100 for the
** other encodings. */
static int frequent_share(const char *conv, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    int gb = strcmp(conv, "GB18030") == 0, big5 = strcmp(conv, "Big5") == 0;
    size_t i = 0, all = 0, frequent = 0;
    if (!gb && !big5)
        return 100;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        all++;
        if (i + 1 < n && gb && p[i + 1] >= 0x30 && p[i + 1] <= 0x39) {
            i += 4; /* a four-byte GB18030 sequence: never a frequent one */
            continue;
        }
        if (i + 1 < n && (gb ? p[i] >= 0xB0 && p[i] <= 0xD7 && p[i + 1] >= 0xA1
                             : p[i] >= 0xA4 && p[i] <= 0xC6))
            frequent++;
        i += 2;
    }
    return all ? (int)(frequent * 100 / all) : 100;
}

/* ICU's detector's confidence (0-100) in each of legacy[], for s. */
static void detect(const char *s, size_t n, int conf[N_LEGACY])
{
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&status);
    const UCharsetMatch **m;
    int32_t found = 0, i;
    size_t k;

    memset(conf, 0, N_LEGACY * sizeof *conf);
    ucsdet_setText(d, s, (int32_t)n, &status);
    m = ucsdet_detectAll(d, &found, &status);
    for (i = 0; U_SUCCESS(status) && i < found; i++) {
        const char *name = ucsdet_getName(m[i], &status);
        int c = ucsdet_getConfidence(m[i], &status);
        for (k = 0; U_SUCCESS(status) && name && k < N_LEGACY; k++)
            if ((legacy[k].detected && strcmp(name, legacy[k].detected) == 0) ||
                (legacy[k].detected2 && strcmp(name, legacy[k].detected2) == 0))
                if (c > conf[k])
                    conf[k] = c;
    }
    ucsdet_close(d);
}

const char *glossa_encoding_guess(const char *s, size_t n, int *probably, char **as_utf8)
{
    UChar buf[GUESS_MAX + 1], best_buf[GUESS_MAX + 1];
    int conf[N_LEGACY], best = -1, best_score = -1, second = -1, readings = 0;
    int32_t best_len = 0;
    size_t k;

    if (probably)
        *probably = 1;
    if (as_utf8)
        *as_utf8 = NULL;
    if (!s || n == 0 || n > GUESS_MAX || memchr(s, '\0', n))
        return NULL;
    detect(s, n, conf);
    for (k = 0; k < N_LEGACY; k++) {
        int32_t len = decode(legacy[k].converter, s, n, buf, GUESS_MAX + 1);
        int lower, score;
        UScriptCode script;
        if (len <= 0 || (script = reads_as_text(buf, len, &lower)) == USCRIPT_COMMON)
            continue;
        if (best >= 0 && len == best_len && memcmp(buf, best_buf, (size_t)len * sizeof *buf) == 0)
            continue; /* CP1252 and CP1256 read French alike: one reading */
        readings++;
        /* a cased script read as words people write is rarely chance:
        ** Cyrillic bytes often read as Han, Han bytes hardly ever as Cyrillic */
        score = conf[k] + (lower ? 40 : 0) + frequent_share(legacy[k].converter, s, n) / 2;
        if (script == USCRIPT_CYRILLIC || script == USCRIPT_LATIN)
            score += 1000;
        if (score > best_score) {
            second = best_score;
            best_score = score, best = (int)k;
            memcpy(best_buf, buf, (size_t)len * sizeof *buf);
            best_len = len;
        } else if (score > second) {
            second = score;
        }
    }
    if (best < 0)
        return NULL;
    if (probably) /* a few bytes read as text in more than one code page */
        *probably = (readings > 1 && best_score - second < 30) || n < 6;
    if (as_utf8) {
        UErrorCode status = U_ZERO_ERROR;
        int32_t out_len = 0;
        char *text;
        u_strToUTF8(NULL, 0, &out_len, best_buf, best_len, &status);
        status = U_ZERO_ERROR;
        if ((text = glossa__malloc((size_t)out_len + 1)) != NULL) {
            u_strToUTF8(text, out_len + 1, NULL, best_buf, best_len, &status);
            if (U_FAILURE(status)) {
                glossa__free(text);
                text = NULL;
            }
        }
        *as_utf8 = text;
    }
    return legacy[best].name;
}

int glossa_text_check(const char *what, const char *s, size_t n, char **as_utf8,
                      glossa_error *err)
{
    size_t i = 0, k;
    unsigned cp;
    const char *name;
    char *text = NULL;
    int probably;

    if (as_utf8)
        *as_utf8 = NULL;
    for (; i < n; i += k) {
        if (s[i] == '\0')
            return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                     "%s has a NUL byte (at offset %zu)", what, i);
        if ((k = glossa_utf8_next(s + i, n - i, &cp)) == 0)
            break;
    }
    if (i >= n)
        return 0;
    name = glossa_encoding_guess(s, n, &probably, &text);
    if (!name || !text)
        glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                          "%s is not UTF-8 (byte 0x%02X at offset %zu)", what,
                          (unsigned char)s[i], i);
    else {
        /* the reading shown up to SHOWN characters */
        size_t shown = 0, chars = 0;
        while (text[shown] && chars < SHOWN)
            shown += glossa_utf8_next(text + shown, strlen(text + shown), &cp), chars++;
        glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                          "%s is not UTF-8 (byte 0x%02X at offset %zu); it %sreads as %s "
                          "\u00AB%.*s%s\u00BB",
                          what, (unsigned char)s[i], i, probably ? "probably " : "", name,
                          (int)shown, text, text[shown] ? "\u2026" : "");
    }
    if (as_utf8)
        *as_utf8 = text;
    else
        glossa__free(text);
    return GLOSSA_EINPUT;
}
