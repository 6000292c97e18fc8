/*
** json.c — the one JSON string writer: every JSON string glossa writes (the
** CLI's --format json, the web API, export --format json) is escaped here,
** so that the output is always valid JSON and safe on a terminal.
*/
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

int glossa_json_string(const char *s, size_t n, glossa_write_fn write, void *userdata)
{
    size_t i = 0, run = 0; /* s[run..i) is copied as it is */
    int rc = write(userdata, "\"", 1);
    while (!rc && i < n) {
        char esc[8];
        const char *put = NULL;
        unsigned cp;
        size_t k = glossa_utf8_next(s + i, n - i, &cp);
        if (k == 0) {
            put = "\\ufffd", k = 1; /* not UTF-8: JSON has no way to carry the byte */
        } else if (cp == '"') {
            put = "\\\"";
        } else if (cp == '\\') {
            put = "\\\\";
        } else if (cp == '\n') {
            put = "\\n";
        } else if (cp == '\r') {
            put = "\\r";
        } else if (cp == '\t') {
            put = "\\t";
        } else if (glossa_char_is_unsafe(cp)) {
            snprintf(esc, sizeof esc, "\\u%04x", cp);
            put = esc;
        }
        if (put) {
            if (i > run)
                rc = write(userdata, s + run, i - run);
            if (!rc)
                rc = write(userdata, put, strlen(put));
            run = i + k;
        }
        i += k;
    }
    if (!rc && i > run)
        rc = write(userdata, s + run, i - run);
    return rc ? rc : write(userdata, "\"", 1);
}
