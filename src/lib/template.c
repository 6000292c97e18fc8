/*
** template.c — the fixed wording of draft protocols and explanatory notes,
** one template per language under export/protocol/ and export/note/
** (embedded at build time, or read from a file the user names). A template is a list of [section] headers, each
** followed by its text; lines starting with '#' are comments. {name}
** placeholders are filled by glossa__template_fill(v). A template that lacks a
** section the protocol needs is an error naming the file and the section: falling back
** to the built-in wording would mix two texts (perhaps two languages) in one
** document without a word. Also the full stop that ends a list's last item,
** and the writer of a document from a template (struct doc_writer): sections
** filled, blocks and paragraphs added, out of memory remembered.
*/
#include "glossa_int.h"

#include <stdarg.h>
#include <string.h>

#define MAX_SECTIONS 64

struct glossa_template {
    char *keys[MAX_SECTIONS];   /* owned */
    char *values[MAX_SECTIONS]; /* owned; blank lines at either end trimmed */
    size_t n;
    char *origin;               /* owned: the file read, or "built-in template (LANG)" */
};

/* Close the section being read: trim blank lines at both ends, keep it. */
static int finish_section(struct glossa_template *t, struct glossa_buf *value)
{
    const char *v = glossa__buf_str(value);
    size_t len = value->len;
    while (*v == '\n') {
        v++;
        len--;
    }
    while (len && v[len - 1] == '\n')
        len--;
    t->values[t->n - 1] = glossa__strndup(v, len);
    glossa__buf_clear(value);
    return t->values[t->n - 1] ? 0 : GLOSSA_ENOMEM;
}

/* "[name]" with a name of lower-case ASCII letters, digits, '.', '_' or '-':
** a line of text in square brackets (an editorial note) is not a header. */
static int is_header(const char *p, size_t n)
{
    size_t i;
    if (n < 3 || p[0] != '[' || p[n - 1] != ']')
        return 0;
    for (i = 1; i + 1 < n; i++)
        if (!strchr("abcdefghijklmnopqrstuvwxyz0123456789._-", p[i]))
            return 0;
    return 1;
}

static int parse(struct glossa_template *t, const char *src, size_t len, const char *origin,
                 glossa_error *err)
{
    struct glossa_buf value = GLOSSA_BUF_INIT;
    size_t at = 0;
    long line = 0;
    int rc = 0;

    while (at < len && !rc) {
        const char *p = src + at, *eol = memchr(p, '\n', len - at);
        size_t n = eol ? (size_t)(eol - p) : len - at;
        at += n + (eol ? 1 : 0);
        line++;
        if (n && p[n - 1] == '\r')
            n--;
        if (is_header(p, n)) {
            if (t->n && (rc = finish_section(t, &value)))
                break;
            if (t->n == MAX_SECTIONS) {
                rc = glossa__error_set(err, GLOSSA_EINPUT, origin, line, 0, "too many sections");
                break;
            }
            if (!(t->keys[t->n++] = glossa__strndup(p + 1, n - 2)))
                rc = GLOSSA_ENOMEM;
        } else if (n && p[0] == '#' && t->n == 0) {
            continue; /* the file's opening comment */
        } else if (t->n == 0) {
            if (n)
                rc = glossa__error_set(err, GLOSSA_EINPUT, origin, line, 0,
                                       "text before the first [section]");
        } else if (glossa__buf_add(&value, p, n) || glossa__buf_add(&value, "\n", 1)) {
            rc = GLOSSA_ENOMEM;
        }
    }
    if (!rc && t->n)
        rc = finish_section(t, &value);
    glossa__buf_release(&value);
    if (rc == GLOSSA_ENOMEM)
        return glossa__error_set(err, rc, origin, 0, 0, "out of memory");
    return rc;
}

int glossa__template_load(struct glossa_template **out, const char *lang, const char *path,
                          glossa_error *err)
{
    const char *src = NULL;
    size_t len = 0;
    struct glossa_buf file = GLOSSA_BUF_INIT;
    int rc;

    if (path) {
        if ((rc = glossa_read_file(path, GLOSSA_BUF_MAX, &file.data, &file.len, err)))
            return rc;
        file.cap = file.len + 1;
        src = glossa__buf_str(&file);
        len = file.len;
    } else if (lang && strcmp(lang, "ru") == 0) {
        src = glossa__protocol_ru, len = glossa__protocol_ru_len;
    } else if (lang && strcmp(lang, "zh") == 0) {
        src = glossa__protocol_zh, len = glossa__protocol_zh_len;
    } else if (lang && strcmp(lang, "en") == 0) {
        src = glossa__protocol_en, len = glossa__protocol_en_len;
    } else {
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "no protocol template for language '%s' (ru, zh or en)",
                                 lang ? lang : "");
    }
    rc = glossa__template_parse(out, src, len, path ? path : "built-in template", err);
    glossa__buf_release(&file);
    return rc;
}

int glossa__template_parse(struct glossa_template **out, const char *src, size_t len,
                           const char *origin, glossa_error *err)
{
    struct glossa_template *t = glossa__calloc(1, sizeof *t);
    int rc;
    if (!t)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    t->origin = glossa__strdup(origin);
    rc = t->origin ? parse(t, src, len, t->origin, err)
                   : glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc) {
        glossa__template_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

int glossa__template_fill(struct glossa_buf *out, const char *s, const char *const *names,
                          const char *const *values, int n)
{
    int rc = glossa__buf_add(out, "", 0);
    while (*s && !rc) {
        const char *open = strchr(s, '{'), *close = open ? strchr(open, '}') : NULL;
        int i, found = 0;
        if (!open || !close)
            return glossa__buf_adds(out, s) ? GLOSSA_ENOMEM : 0;
        rc = glossa__buf_add(out, s, (size_t)(open - s));
        for (i = 0; i < n && !found && !rc; i++) {
            if (strlen(names[i]) == (size_t)(close - open - 1) &&
                strncmp(names[i], open + 1, (size_t)(close - open - 1)) == 0) {
                rc = glossa__buf_adds(out, values[i] ? values[i] : "");
                found = 1;
            }
        }
        if (!found && !rc)
            rc = glossa__buf_add(out, open, (size_t)(close - open + 1));
        s = close + 1;
    }
    return rc ? GLOSSA_ENOMEM : 0;
}

void glossa__template_free(struct glossa_template *t)
{
    size_t i;
    if (!t)
        return;
    for (i = 0; i < t->n; i++) {
        glossa__free(t->keys[i]);
        glossa__free(t->values[i]);
    }
    glossa__free(t->origin);
    glossa__free(t);
}

const char *glossa__template_get(const struct glossa_template *t, const char *key)
{
    size_t i;
    for (i = 0; i < t->n; i++)
        if (strcmp(t->keys[i], key) == 0)
            return t->values[i] ? t->values[i] : "";
    return "";
}

char *glossa__template_fillv(const struct glossa_template *t, const char *key,
                             struct glossa_buf *tmp, struct glossa_arena *a, va_list ap)
{
    const char *names[8], *values[8];
    int n = 0;
    while (n < 8 && (names[n] = va_arg(ap, const char *)) != NULL) {
        values[n] = va_arg(ap, const char *);
        n++;
    }
    glossa__buf_clear(tmp);
    if (glossa__template_fill(tmp, glossa__template_get(t, key), names, values, n))
        return NULL;
    return glossa__arena_strdup(a, glossa__buf_str(tmp));
}

const char *glossa__template_word(const struct glossa_template *t, const char *key, size_t k,
                                  struct glossa_arena *a, int *oom)
{
    const char *list = glossa__template_get(t, key);
    size_t i = 0;
    while (*list) {
        size_t n = strcspn(list, " \n");
        if (n && i++ == k) {
            char *copy = glossa__arena_alloc(a, n + 1);
            if (!copy) {
                *oom = 1;
                return NULL;
            }
            memcpy(copy, list, n);
            copy[n] = '\0';
            return copy;
        }
        list += n;
        list += strspn(list, " \n");
    }
    return NULL;
}

int glossa__template_require(const struct glossa_template *t, const char *const *keys,
                             glossa_error *err)
{
    size_t i, k;
    for (k = 0; keys[k]; k++) {
        for (i = 0; i < t->n && strcmp(t->keys[i], keys[k]) != 0; i++)
            ;
        if (i == t->n)
            return glossa__error_set(err, GLOSSA_EINPUT, t->origin, 0, 0,
                                     "the template has no [%s] section (every section of "
                                     "the built-in template is needed except [numbers] "
                                     "and [unofficial])",
                                     keys[k]);
    }
    return 0;
}

/* Write the full stop of the language at p (room for 4 bytes). */
static void put_full_stop(char *p, int zh)
{
    if (zh)
        memcpy(p, "\xe3\x80\x82", 4); /* 。 */
    else
        memcpy(p, ".", 2);
}

const char *glossa__text_final_stop(struct glossa_arena *a, const char *lang, const char *text)
{
    size_t n = strlen(text);
    char *copy;
    int zh = strcmp(lang, "zh") == 0;
    if (n >= 3 && memcmp(text + n - 3, "\xef\xbc\x9b", 3) == 0) { /* ； */
        if (!(copy = glossa__arena_alloc(a, n + 1)))
            return NULL;
        memcpy(copy, text, n - 3);
        put_full_stop(copy + n - 3, 1);
        return copy;
    }
    if (n && text[n - 1] == ';') {
        if (!(copy = glossa__arena_alloc(a, n + 4)))
            return NULL;
        memcpy(copy, text, n - 1);
        put_full_stop(copy + n - 1, zh);
        return copy;
    }
    return text;
}

const char *glossa__dw_fillv(struct doc_writer *w, const char *key, va_list ap)
{
    const char *text = glossa__template_fillv(w->tpl, key, &w->tmp, w->doc->arena, ap);
    if (!text)
        w->oom = 1;
    return text ? text : "";
}

const char *glossa__dw_fill(struct doc_writer *w, const char *key, ...)
{
    va_list ap;
    const char *text;
    va_start(ap, key);
    text = glossa__dw_fillv(w, key, ap);
    va_end(ap);
    return text;
}

struct doc_block *glossa__dw_block(struct doc_writer *w, enum doc_kind kind, const char *text)
{
    struct doc_block *b = glossa__doc_add(w->doc, kind, text);
    if (!b)
        w->oom = 1;
    return b;
}

void glossa__dw_paragraphs(struct doc_writer *w, enum doc_kind kind, const char *s,
                           int per_line, const char *part)
{
    while (*s && !w->oom) {
        const char *end = per_line ? strchr(s, '\n') : strstr(s, "\n\n");
        size_t n = end ? (size_t)(end - s) : strlen(s);
        struct doc_block *b = glossa__doc_add(w->doc, kind, NULL);
        if (!b || (n && glossa__doc_run(w->doc, b, 0, RUN_PLAIN, s, n)))
            w->oom = 1;
        else
            b->part = part;
        s += n;
        s += strspn(s, "\n");
    }
}
