/*
** list.c — the one reader of comma-separated lists (glossa_list_next):
** languages for --from and --to, FROM=TO pairs for --lang-map, the web
** page's picked languages.
**
** The decision, in one place: an item is what lies between two commas, with
** the ASCII spaces and tabs around it trimmed (never those inside it), so that
** "ru, en" is "ru" and "en" wherever a list is read. An empty item ("", "ru,,en",
** "ru,") is still given to the caller: where a user typed the list (the checks
** of --from, --to and --lang-map) it is an error, a typo worth saying; where a
** checked list is only matched against (glossa__lang_rank) it matches nothing.
*/
#include "glossa_int.h"

#include <string.h>

static int blank(char c)
{
    return c == ' ' || c == '\t';
}

int glossa_list_next(const char **cursor, const char **item, size_t *len)
{
    const char *p = *cursor, *comma;
    size_t n;
    if (!p)
        return 0;
    comma = strchr(p, ',');
    n = comma ? (size_t)(comma - p) : strlen(p);
    while (n && blank(*p)) {
        p++;
        n--;
    }
    while (n && blank(p[n - 1]))
        n--;
    *item = p;
    *len = n;
    *cursor = comma ? comma + 1 : NULL;
    return 1;
}
