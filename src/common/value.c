/*
** value.c — typed values from text, checked with one message style ("limit
** must be a whole number from 1 to 1000, not 'x'"): the CLI's options
** (src/cli/options.c, by each option's type) and the web server's request
** parameters (src/web/http_params.c) are checked here, so that `glossa
** lookup --limit` and /api/lookup?limit= take the same values and say the
** same when given another.
*/
#include "common.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int value_int(const char *name, int seconds, long min, long max, const char *v, int shown,
              long *num, char *msg, size_t size)
{
    char *end;
    long n;
    errno = 0;
    n = strtol(v, &end, 10);
    if (*v && !*end && !errno && n >= min && n <= max) {
        *num = n;
        return 0;
    }
    snprintf(msg, size, "%s must be a whole number%s from %ld to %ld, not '%.*s'", name,
             seconds ? " of seconds" : "", min, max, shown, v);
    return -1;
}

int value_ratio(const char *name, const char *v, int shown, double *ratio, char *msg,
                size_t size)
{
    char *end;
    double x;
    errno = 0;
    x = strtod(v, &end);
    if (*v && !*end && !errno && x >= 0 && x <= 1) { /* NaN fails both */
        *ratio = x;
        return 0;
    }
    snprintf(msg, size, "%s must be a number from 0 to 1, not '%.*s'", name, shown, v);
    return -1;
}

/* The length of the value at the start of values: up to '|', or to the
** space before its note. */
static size_t value_len(const char *values)
{
    return strcspn(values, "| ");
}

int value_index(const char *values, const char *s)
{
    size_t n = strlen(s);
    int i = 0;
    for (;;) {
        const char *bar = strchr(values, '|');
        if (value_len(values) == n && strncmp(values, s, n) == 0)
            return i;
        if (!bar)
            return -1;
        values = bar + 1;
        i++;
    }
}

void value_list_text(const char *values, int for_help, char *buf, size_t size)
{
    size_t used = 0;
    int first = 1;
    buf[0] = '\0';
    while (*values && used < size) {
        const char *bar = strchr(values, '|');
        size_t len = bar ? (size_t)(bar - values) : strlen(values);
        int n;
        if (!for_help)
            len = value_len(values);
        n = snprintf(buf + used, size - used, "%s%.*s%s", first ? "" : bar ? ", " : " or ",
                     (int)len, values,
                     first && for_help && value_len(values) == len ? " (default)" : "");
        used += n > 0 ? (size_t)n : 0;
        first = 0;
        values += bar ? (size_t)(bar - values) + 1 : strlen(values);
    }
}

int value_enum(const char *name, const char *values, const char *v, int shown, long *num,
               char *msg, size_t size)
{
    char list[512];
    if ((*num = value_index(values, v)) >= 0)
        return 0;
    value_list_text(values, 0, list, sizeof list);
    snprintf(msg, size, "%s must be %s, not '%.*s'", name, list, shown, v);
    return -1;
}
