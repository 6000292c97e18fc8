/*
** lang.c — BCP 47 language tags as glossa uses them: the member-language
** set, tag validation, and the prefix matching behind --from/--to.
*/
#include "glossa_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char *const member_languages[] = {
    "ru", "zh", "en", "kk", "ky", "tg", "uz", "hi", "ur", "fa", "be", NULL
};
static const char *const scripts[] = {
    "Latn", "Cyrl", "Hans", "Hant", "Arab", "Deva", NULL
};

static int in_list(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncasecmp(s, *list, n) == 0)
            return 1;
    return 0;
}

static int all(const char *s, size_t n, int (*pred)(int))
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!pred((unsigned char)s[i]))
            return 0;
    return 1;
}

int glossa_lang_is_valid(const char *tag)
{
    const char *p, *dash;
    size_t n;
    int part = 0;

    if (!tag || !*tag)
        return 0;
    for (p = tag;; p = dash + 1, part++) {
        dash = strchr(p, '-');
        n = dash ? (size_t)(dash - p) : strlen(p);
        if (part == 0) {
            if (!in_list(p, n, member_languages))
                return 0;
        } else if (n == 4 && part == 1) {
            if (!in_list(p, n, scripts))
                return 0;
        } else if ((n == 2 && all(p, n, isalpha)) || (n == 3 && all(p, n, isdigit))) {
            if (dash)
                return 0; /* region is last */
        } else {
            return 0;
        }
        if (!dash)
            return 1;
    }
}

int glossa__lang_matches(const char *tag, const char *want)
{
    size_t n = strlen(want);
    if (!tag || n == 0)
        return 0;
    return strncasecmp(tag, want, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

int glossa__lang_rank(const char *tag, const char *list)
{
    const char *item;
    size_t n;
    int k;
    char one[32];

    for (k = 0; glossa_list_next(&list, &item, &n); k++) {
        if (n && n < sizeof one) {
            memcpy(one, item, n);
            one[n] = '\0';
            if (glossa__lang_matches(tag, one))
                return k;
        }
    }
    return -1;
}

int glossa__lang_in_list(const char *tag, const char *list)
{
    return !list || !*list || glossa__lang_rank(tag, list) >= 0;
}

int glossa_lang_in_list(const char *tag, const char *list)
{
    return glossa__lang_in_list(tag, list);
}
