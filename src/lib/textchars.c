/*
** textchars.c — the one rule on the characters of the text glossa keeps
** (terms, definitions, notes, every field): what the TEI reader, TBX import
** and the proposals refuse with FILE:LINE, and what an index given with --db
** may not hold (store.c: such a value is a damaged index). C0/C1 controls and
** bidirectional embeddings, overrides and isolates never; in terms also no
** invisible characters, and ZWNJ/ZWJ only where a script spells with them.
*/
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

/* A letter of a script whose spelling uses ZWNJ/ZWJ after letters (Persian,
** Urdu, Hindi and their neighbours; CLDR's Persian names end words in ZWNJ). */
static int joins(UChar32 c)
{
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode sc;
    if (c < 0 || !(u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK ||
                   u_charType(c) == U_COMBINING_SPACING_MARK))
        return 0;
    sc = uscript_getScript(c, &status);
    if (U_FAILURE(status))
        return 0;
    switch (sc) {
    case USCRIPT_ARABIC: case USCRIPT_SYRIAC: case USCRIPT_DEVANAGARI: case USCRIPT_BENGALI:
    case USCRIPT_GURMUKHI: case USCRIPT_GUJARATI: case USCRIPT_ORIYA: case USCRIPT_TAMIL:
    case USCRIPT_TELUGU: case USCRIPT_KANNADA: case USCRIPT_MALAYALAM: case USCRIPT_SINHALA:
    case USCRIPT_MONGOLIAN: case USCRIPT_NKO:
        return 1;
    default:
        return 0;
    }
}

int glossa__text_refused(const char *s, int kind, char *why, size_t size)
{
    size_t len = strlen(s), max = kind == TEXT_TERM ? TEXT_TERM_MAX : TEXT_FIELD_MAX;
    int32_t i = 0, n = (int32_t)len;
    UChar32 prev = -1;

    if (len > max) {
        snprintf(why, size, "is longer than %zu bytes (glossa's limit): refused", max);
        return 1;
    }
    while (i < n) {
        UChar32 c;
        const char *what = NULL;
        U8_NEXT((const uint8_t *)s, i, n, c);
        if ((c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
            (c >= 0x7f && c <= 0x9f))
            what = "a control character";
        else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
            what = "a bidirectional control character";
        else if (kind == TEXT_TERM && (c == 0x200b || c == 0x2060 || c == 0xfeff))
            what = "an invisible zero-width character";
        else if (kind == TEXT_TERM && (c == 0x200e || c == 0x200f || c == 0x061c))
            what = "an invisible direction mark";
        else if (kind == TEXT_TERM && (c == 0x200c || c == 0x200d) && !joins(prev))
            what = "a zero-width joiner or non-joiner not after a letter of a script that uses it";
        if (what) {
            snprintf(why, size, "contains U+%04X (%s)", (unsigned)c, what);
            return 1;
        }
        prev = c;
    }
    return 0;
}
