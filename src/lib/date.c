/*
** date.c — the one check of a date glossa is given (--as-of, the dates a TBX
** note carries into TEI, the CLI's date options): YYYY-MM-DD, and a day of the
** calendar; the day (UTC) of a time; and whether a dated wording is in force
** on a day.
*/
#include "glossa_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

int glossa__date_check(const char *d, glossa_error *err)
{
    static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y, m, day, leap;

    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-' || strspn(d, "0123456789") != 4 ||
        strspn(d + 5, "0123456789") != 2 || strspn(d + 8, "0123456789") != 2)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "a date is YYYY-MM-DD, not '%s'",
                                 d);
    y = (int)strtol(d, NULL, 10), m = (int)strtol(d + 5, NULL, 10);
    day = (int)strtol(d + 8, NULL, 10);
    leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "'%s' is not a date: there is no month %02d", d, m);
    if (day < 1 || day > days[m - 1] - (m == 2 && !leap))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "'%s' is not a date: %.7s has %d days", d, d,
                                 days[m - 1] - (m == 2 && !leap));
    return 0;
}

int glossa_date_check(const char *d, glossa_error *err)
{
    return glossa__date_check(d, err);
}

void glossa__day_of(long long t, char day[11])
{
    time_t when = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&when, &tm) || !strftime(day, 11, "%Y-%m-%d", &tm))
        memcpy(day, "1970-01-01", 11);
}

int glossa__in_force(const char *from, const char *to, const char *day)
{
    return (!from || strcmp(from, day) <= 0) && (!to || strcmp(to, day) > 0);
}
