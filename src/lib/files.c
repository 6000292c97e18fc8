/*
** files.c — the one directory lister and the one whole-file reader of
** glossa (glossa_list_dir, glossa_read_file), for the library (index,
** validate, export, diff, scan, candidates, protocol templates) and the CLI
** (proposal and positions folders, standard input) alike.
**
** The policy is strict: a folder or file that cannot be opened or read is an
** error naming it, never an empty result; there is no silent limit on the
** number of files, and a file over the caller's size limit is refused. The
** lister takes the names its caller keeps (glossa__list_dir_if): inputs
** (glossa_list_dir: not hidden, by suffix), or outfile.c's leftovers of
** dead runs.
*/
#include "glossa_int.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void glossa_paths_free(char **paths, size_t n)
{
    size_t i;
    if (!paths)
        return;
    for (i = 0; i < n; i++)
        glossa__free(paths[i]);
    glossa__free(paths);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_fail(DIR *d, char **items, size_t n, int rc, glossa_error *err, const char *dir,
                     const char *what, int e)
{
    if (d)
        closedir(d);
    glossa_paths_free(items, n);
    if (rc == GLOSSA_ENOMEM)
        return glossa__error_set(err, rc, dir, 0, 0, "out of memory");
    return glossa__error_set(err, rc, dir, 0, 0, "%s: %s", what, strerror(e));
}

int glossa__list_dir_if(const char *dir, int (*keep)(const char *name, const void *ud),
                        const void *ud, char ***out, size_t *out_n, glossa_error *err)
{
    size_t len = strlen(dir), n = 0, cap = 0;
    const char *sep = len && dir[len - 1] == '/' ? "" : "/";
    char **items = NULL;
    struct dirent *de;
    DIR *d;

    *out = NULL;
    *out_n = 0;
    if (!(d = opendir(dir)))
        return list_fail(NULL, NULL, 0, errno == ENOENT ? GLOSSA_ENOTFOUND : GLOSSA_EIO, err,
                         dir, "cannot read directory", errno);
    for (;;) {
        struct glossa_buf path = GLOSSA_BUF_INIT;
        struct stat sb;
        errno = 0;
        if (!(de = readdir(d))) {
            if (errno)
                return list_fail(d, items, n, GLOSSA_EIO, err, dir, "cannot read directory", errno);
            break;
        }
        if (!keep(de->d_name, ud))
            continue;
        if (glossa__buf_addf(&path, "%s%s%s", dir, sep, de->d_name) ||
            glossa__grow((void **)&items, &cap, n, sizeof *items)) {
            glossa__buf_release(&path);
            return list_fail(d, items, n, GLOSSA_ENOMEM, err, dir, NULL, 0);
        }
        if (stat(path.data, &sb) != 0 || !S_ISREG(sb.st_mode)) {
            glossa__buf_release(&path); /* a subfolder, or a link to nothing */
            continue;
        }
        items[n++] = path.data;
    }
    closedir(d);
    if (n > 1)
        qsort(items, n, sizeof *items, by_name);
    *out = items;
    *out_n = n;
    return 0;
}

/* An input of glossa_list_dir: not hidden, and ending in the suffix ud (NULL: any). */
static int is_input(const char *name, const void *ud)
{
    const char *suffix = ud;
    size_t nl = strlen(name), s = suffix ? strlen(suffix) : 0;
    return !(name[0] == '.' || nl <= s || strcmp(name + nl - s, suffix ? suffix : "") != 0);
}

int glossa_list_dir(const char *dir, const char *suffix, char ***out, size_t *out_n,
                    glossa_error *err)
{
    return glossa__list_dir_if(dir, is_input, suffix, out, out_n, err);
}

/* max as people say it: "1 GiB", "64 MiB", "1000 bytes". */
static void size_words(char *out, size_t size, size_t max)
{
    if (max >= ((size_t)1 << 30) && max % ((size_t)1 << 30) == 0)
        snprintf(out, size, "%zu GiB", max >> 30);
    else if (max >= ((size_t)1 << 20) && max % ((size_t)1 << 20) == 0)
        snprintf(out, size, "%zu MiB", max >> 20);
    else
        snprintf(out, size, "%zu bytes", max);
}

static int read_fail(FILE *f, char *data, int rc, glossa_error *err, const char *name,
                     const char *fmt, const char *arg)
{
    if (f && f != stdin)
        fclose(f);
    glossa__free(data);
    return glossa__error_set(err, rc, name, 0, 0, fmt, arg);
}

int glossa_read_file(const char *path, size_t max, char **out, size_t *out_len,
                     glossa_error *err)
{
    const char *name = path ? path : "-";
    FILE *f = path ? fopen(path, "rb") : stdin;
    char *data = NULL;
    size_t len = 0, cap = 0, got;
    struct stat sb;
    char limit[32];

    *out = NULL;
    *out_len = 0;
    if (!f)
        return read_fail(NULL, NULL, errno == ENOENT ? GLOSSA_ENOTFOUND : GLOSSA_EIO, err, name,
                         "cannot open: %s", strerror(errno));
    size_words(limit, sizeof limit, max);
    if (fstat(fileno(f), &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return read_fail(f, NULL, GLOSSA_EIO, err, name, "is a directory, not a file%s", "");
        /* a regular file is read with one allocation of the right size; a
        ** pipe, FIFO or terminal grows as it comes */
        if (S_ISREG(sb.st_mode) && sb.st_size > 0) {
            if ((size_t)sb.st_size > max)
                return read_fail(f, NULL, GLOSSA_EINPUT, err, name, "too large (at most %s)",
                                 limit);
            if (!(data = glossa__malloc((size_t)sb.st_size + 1)))
                return read_fail(f, NULL, GLOSSA_ENOMEM, err, name, "out of memory%s", "");
            cap = (size_t)sb.st_size + 1;
        }
    }
    for (;;) {
        if (len + 1 >= cap) {
            size_t want = cap ? cap * 2 : 65536;
            int c = 0;
            char *grown;
            if (cap && (c = fgetc(f)) == EOF)
                break; /* full, and nothing more: no growing for nothing */
            if (want > max + 1)
                want = max + 2; /* room to see one byte past the limit */
            if (want <= cap)
                return read_fail(f, data, GLOSSA_EINPUT, err, name, "too large (at most %s)",
                                 limit);
            if (!(grown = glossa__realloc(data, want)))
                return read_fail(f, data, GLOSSA_ENOMEM, err, name, "out of memory%s", "");
            data = grown;
            if (cap)
                data[len++] = (char)c;
            cap = want;
        }
        got = fread(data + len, 1, cap - 1 - len, f);
        len += got;
        if (len > max)
            return read_fail(f, data, GLOSSA_EINPUT, err, name, "too large (at most %s)", limit);
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        if (f == stdin)
            clearerr(f);
        return read_fail(f, data, GLOSSA_EIO, err, name, "cannot read: %s", strerror(e));
    }
    if (f != stdin)
        fclose(f);
    data[len] = '\0';
    *out = data;
    *out_len = len;
    return 0;
}
