/*
** glossary.c — the glossary folder and the files in it that the CLI and the
** web server both read: where the bundled glossary is ($GLOSSA_GLOSSARY,
** beside the installed binary, the source tree a build folder is in, or the
** install path),
** what a command reads by default (the glossary and its national/ folder),
** the proposal and positions files (given, or in glossary/proposals and
** glossary/positions), where the proposals stand, the member states; and the check of a
** comma-separated list of language tags (--from/--to, from=/to=).
*/
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The glossary beside the running binary (Linux: /proc/self/exe), in buf:
** PREFIX/share/glossa/glossary beside PREFIX/bin/glossa, wherever the
** installed tree was moved to; else the source tree's glossary/ when the
** binary sits in a build folder of it (build/glossa, out/release/glossa:
** up to three folders up, a glossary/ holding annex1.xml). 0 if none. No
** path of the build is compiled in. */
static int beside_binary(char *buf, size_t size, int *installed_copy)
{
    static const char installed[] = "/../share/glossa/glossary";
    char exe[4096], *slash;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    int up;
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    *installed_copy = 1;
    if ((size_t)snprintf(buf, size, "%s%s", exe, installed) < size && is_dir(buf))
        return 1;
    *installed_copy = 0;
    for (up = 0; up < 3 && (slash = strrchr(exe, '/')) != NULL; up++) {
        struct stat sb;
        *slash = '\0';
        if ((size_t)snprintf(buf, size, "%s/glossary/annex1.xml", exe) < size &&
            stat(buf, &sb) == 0 && S_ISREG(sb.st_mode)) {
            buf[strlen(buf) - strlen("/annex1.xml")] = '\0';
            return 1;
        }
    }
    return 0;
}

/* The default glossary (see common.h), and whether it is an installed copy. */
static const char *default_glossary(char *buf, size_t size, int *installed_copy)
{
    const char *env = getenv("GLOSSA_GLOSSARY");
    *installed_copy = 0;
    if (env && *env)
        return env;
    if (beside_binary(buf, size, installed_copy))
        return buf;
    *installed_copy = 1;
    return GLOSSA_INSTALLED_GLOSSARY;
}

const char *out_default_glossary(char *buf, size_t size)
{
    int installed_copy;
    return default_glossary(buf, size, &installed_copy);
}

int out_default_glossary_installed(void)
{
    char buf[4096];
    int installed_copy;
    default_glossary(buf, sizeof buf, &installed_copy);
    return installed_copy;
}

void out_default_inputs(struct default_inputs *d)
{
    d->in[0] = out_default_glossary(d->glossary, sizeof d->glossary);
    snprintf(d->national, sizeof d->national, "%s/national", d->in[0]);
    d->in[1] = d->national;
    d->n = is_dir(d->national) ? 2 : 1;
}


int lang_list_check(const char *flag, const char *list, const char *hint, char *msg,
                    size_t msg_size)
{
    char one[64];
    const char *p;
    size_t n;
    while (glossa_list_next(&list, &p, &n)) {
        snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), p);
        if (n >= sizeof one || !glossa_lang_is_valid(one)) {
            snprintf(msg, msg_size, "unknown language '%s' for %s (use BCP 47 tags of the "
                     "member languages: ru zh en kk ky tg uz hi ur fa be, %s)", one, flag, hint);
            return -1;
        }
    }
    return 0;
}


static int nomem(glossa_error *err)
{
    memset(err, 0, sizeof *err);
    err->code = GLOSSA_ENOMEM;
    snprintf(err->msg, sizeof err->msg, "out of memory");
    return GLOSSA_ENOMEM;
}

static int list_add(struct file_list *list, char *path, int owned)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 64;
        char **items = realloc(list->items, cap * sizeof *items);
        char *own = items ? realloc(list->owned, cap) : NULL;
        if (items)
            list->items = items;
        if (!own)
            return -1;
        list->owned = own;
        list->cap = cap;
    }
    list->items[list->n] = path;
    list->owned[list->n++] = (char)owned;
    return 0;
}

/* Files ending in suffix in dir (sorted, by glossa_list_dir), appended to list. */
static int add_dir(struct file_list *list, const char *dir, const char *suffix,
                   glossa_error *err)
{
    char **files;
    size_t n, i;
    int rc = glossa_list_dir(dir, suffix, &files, &n, err);
    if (rc)
        return rc;
    for (i = 0; i < n; i++)
        if (list_add(list, files[i], 1)) {
            for (; i < n; i++)
                glossa_free(files[i]);
            glossa_free(files);
            return nomem(err);
        }
    glossa_free(files); /* the paths are the list's now */
    return 0;
}

void join_path(char *out, const char *dir, const char *name)
{
    size_t d = strlen(dir);
    while (d > 1 && dir[d - 1] == '/')
        d--;
    memcpy(out, dir, d);
    out[d] = '/';
    memcpy(out + d + 1, name, strlen(name) + 1);
}

int load_states(glossa_states **out, glossa_error *err)
{
    char buf[4096], path[4096 + sizeof STATES_FILE + 1];
    join_path(path, out_default_glossary(buf, sizeof buf), STATES_FILE);
    return glossa_states_load(out, path, err);
}

int file_list_collect(struct file_list *list, const char *const *given, int n_given,
                      const char *default_sub, const char *suffix, glossa_error *err)
{
    int i, rc = 0;
    memset(list, 0, sizeof *list);
    for (i = 0; i < n_given && !rc; i++) {
        if (is_dir(given[i]))
            rc = add_dir(list, given[i], suffix, err);
        else if (list_add(list, (char *)given[i], 0))
            rc = nomem(err);
    }
    if (n_given == 0 && default_sub) {
        char buf[4096];
        const char *g = out_default_glossary(buf, sizeof buf);
        char *dir = malloc(strlen(g) + strlen(default_sub) + 2);
        if (!dir)
            return nomem(err);
        join_path(dir, g, default_sub);
        rc = add_dir(list, dir, suffix, err);
        if (rc == GLOSSA_ENOTFOUND)
            rc = 0; /* the glossary has none (yet): no files, not an error */
        free(dir);
    }
    if (rc)
        file_list_release(list);
    return rc;
}

void file_list_release(struct file_list *list)
{
    size_t i;
    for (i = 0; i < list->n; i++)
        if (list->owned[i])
            glossa_free(list->items[i]);
    free(list->items);
    free(list->owned);
    memset(list, 0, sizeof *list);
}


int load_status(const glossa_proposals *p, const char *positions, glossa_status_report **out,
                glossa_diag_fn on_diag, void *userdata, glossa_error *err)
{
    struct file_list files;
    glossa_states *states = NULL;
    int rc;
    if ((rc = load_states(&states, err)))
        return rc;
    if (!(rc = file_list_collect(&files, positions ? &positions : NULL, positions ? 1 : 0,
                                 "positions", ".txt", err))) {
        rc = glossa_status(p, states, (const char *const *)files.items, files.n, out, on_diag,
                           userdata, err);
        file_list_release(&files);
    }
    glossa_states_free(states);
    return rc;
}
