/*
** proposals.c — what the proposal commands (check, status, position,
** consolidate) share: finding the proposal and positions files (given, or
** in glossary/proposals and glossary/positions) and loading the proposals.
*/
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

int file_list_collect(struct file_list *list, const char *const *given, int n_given,
                      const char *default_sub, const char *suffix, glossa_error *err)
{
    int i, rc = 0;
    memset(list, 0, sizeof *list);
    for (i = 0; i < n_given && !rc; i++) {
        struct stat sb;
        if (stat(given[i], &sb) == 0 && S_ISDIR(sb.st_mode))
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

/* out_diag, counted: a problem already shown is not shown again as the error. */
struct shown {
    const struct cli_out *out;
    unsigned long n;
};

static void shown_diag(const glossa_error *d, void *userdata)
{
    struct shown *s = userdata;
    s->n++;
    out_diag(d, (void *)s->out);
}

int load_proposals(const struct cli_args *args, const char *const *given, int n_given,
                   glossa_proposals **out)
{
    struct file_list files;
    struct shown shown = { &args->out, 0 };
    glossa_error err;
    int rc;
    if (file_list_collect(&files, given, n_given, "proposals", ".xml", &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    if (files.n == 0) {
        char buf[4096];
        out_message(&args->out, "no proposal files (give them, or put them in %s/proposals)",
                    out_default_glossary(buf, sizeof buf));
        return EXIT_ERR;
    }
    rc = glossa_proposals_load(out, (const char *const *)files.items, files.n, shown_diag,
                               &shown, &err);
    file_list_release(&files);
    if (rc) {
        if (!shown.n || (rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA))
            out_error(&args->out, &err);
        return EXIT_ERR;
    }
    return 0;
}

int load_status(const glossa_proposals *p, const char *positions, glossa_status_report **out,
                glossa_diag_fn on_diag, void *userdata, glossa_error *err)
{
    struct file_list files;
    int rc;
    if ((rc = file_list_collect(&files, positions ? &positions : NULL, positions ? 1 : 0,
                                "positions", ".txt", err)))
        return rc;
    rc = glossa_status(p, (const char *const *)files.items, files.n, out, on_diag, userdata, err);
    file_list_release(&files);
    return rc;
}
