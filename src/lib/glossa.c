/*
** glossa.c — library lifetime and small public helpers: global set-up of
** ICU, SQLite and libxml2 (done once), version strings, the time glossa
** writes as its own (SOURCE_DATE_EPOCH or the clock), display width, edit
** distance and the code points of a string.
**
** The only process-wide settings glossa makes live here: the libxml2 entity
** loader that refuses every external resource, and SQLite's initialisation.
*/
#include "glossa_int.h"

#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int initialised;

/* No document may pull in anything from outside: DTDs, entities, XIncludes. */
static xmlParserInputPtr deny_external(const char *url, const char *id,
                                       xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

int glossa_global_init(glossa_error *err)
{
    UErrorCode status = U_ZERO_ERROR;
    int rc;

    if (initialised)
        return 0;
    u_init(&status);
    if (U_FAILURE(status))
        return glossa__error_set(err, GLOSSA_ERROR, NULL, 0, 0,
                                 "cannot initialise ICU: %s", u_errorName(status));
    rc = sqlite3_initialize();
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, NULL, rc, NULL, "cannot initialise SQLite");
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_external);
    initialised = 1;
    return 0;
}

void glossa_global_shutdown(void)
{
    if (!initialised)
        return;
    xmlCleanupParser();
    sqlite3_shutdown();
    u_cleanup();
    initialised = 0;
}

int glossa_time_now(long long *out, glossa_error *err)
{
    const char *v = getenv("SOURCE_DATE_EPOCH");
    long long t = 0;
    size_t i;
    if (!v) {
        *out = (long long)time(NULL);
        return 0;
    }
    for (i = 0; v[i] >= '0' && v[i] <= '9' && i < 12; i++)
        t = t * 10 + (v[i] - '0');
    if (i == 0 || v[i] || t > 253402300799LL) /* 9999-12-31T23:59:59Z */
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "SOURCE_DATE_EPOCH must be a whole number of seconds since "
                                 "1970-01-01 UTC, not '%.40s'", v);
    *out = t;
    return 0;
}

const char *glossa_version(void)
{
    return GLOSSA_VERSION;
}

const char *glossa_icu_version(void)
{
    return U_ICU_VERSION;
}

const char *glossa_sqlite_version(void)
{
    return sqlite3_libversion();
}

const char *glossa_libxml2_version(void)
{
    return LIBXML_DOTTED_VERSION;
}

size_t glossa_text_width(const char *utf8, size_t len)
{
    size_t i = 0, width = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT((const uint8_t *)utf8, i, len, c);
        width += c < 0 ? 1 : (size_t)glossa__cp_width(c);
    }
    return width;
}

int glossa__cp_width(int32_t c)
{
    switch (u_charType(c)) {
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_FORMAT_CHAR:
        return 0;
    default:
        break;
    }
    if (c < 0x1100) /* no code point below is East Asian Wide or Fullwidth */
        return 1;
    switch (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH)) {
    case U_EA_WIDE: case U_EA_FULLWIDTH: return 2;
    default: return 1;
    }
}

int glossa__code_points(const char *s, int32_t *out)
{
    int32_t i = 0, n = 0, len = (int32_t)strlen(s);
    while (i < len && n < GLOSSA_DISTANCE_MAX) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, len, c);
        out[n++] = c;
    }
    return n;
}

size_t glossa_edit_distance(const char *a8, const char *b8)
{
    UChar32 a[GLOSSA_DISTANCE_MAX], b[GLOSSA_DISTANCE_MAX];
    int d[GLOSSA_DISTANCE_MAX + 1][GLOSSA_DISTANCE_MAX + 1];
    int la = glossa__code_points(a8, a), lb = glossa__code_points(b8, b), i, j;
    for (i = 0; i <= la; i++)
        d[i][0] = i;
    for (j = 0; j <= lb; j++)
        d[0][j] = j;
    for (i = 1; i <= la; i++) {
        for (j = 1; j <= lb; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return (size_t)d[la][lb];
}
