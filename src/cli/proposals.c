/*
** proposals.c — what the proposal commands (check, status, position,
** consolidate) share: finding the proposal and positions files (given, or
** in glossary/proposals and glossary/positions) and loading the proposals.
*/
#include "cmd.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files ending in suffix in dir (sorted), appended to list. */
static int add_dir(struct file_list *list, const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t first = list->n;
    if (!d)
        return 0;
    while ((de = readdir(d)) && list->n < FILE_LIST_MAX) {
        size_t n = strlen(de->d_name), s = strlen(suffix);
        char *path;
        if (de->d_name[0] == '.' || n <= s || strcmp(de->d_name + n - s, suffix) != 0)
            continue;
        path = malloc(strlen(dir) + n + 2);
        if (!path)
            break;
        join_path(path, dir, de->d_name);
        list->items[list->n++] = path;
        list->owned[list->n - 1] = 1;
    }
    closedir(d);
    qsort(list->items + first, list->n - first, sizeof *list->items, by_name);
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
                      const char *default_sub, const char *suffix)
{
    int i;
    memset(list, 0, sizeof *list);
    for (i = 0; i < n_given && list->n < FILE_LIST_MAX; i++) {
        struct stat sb;
        if (stat(given[i], &sb) == 0 && S_ISDIR(sb.st_mode))
            add_dir(list, given[i], suffix);
        else
            list->items[list->n++] = (char *)given[i];
    }
    if (n_given == 0 && default_sub) {
        char buf[4096];
        const char *g = out_default_glossary(buf, sizeof buf);
        char *dir = malloc(strlen(g) + strlen(default_sub) + 2);
        if (dir) {
            join_path(dir, g, default_sub);
            add_dir(list, dir, suffix);
            free(dir);
        }
    }
    return 0;
}

void file_list_release(struct file_list *list)
{
    size_t i;
    for (i = 0; i < list->n; i++)
        if (list->owned[i])
            free(list->items[i]);
    list->n = 0;
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
    file_list_collect(&files, given, n_given, "proposals", ".xml");
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
    file_list_collect(&files, positions ? &positions : NULL, positions ? 1 : 0, "positions",
                      ".txt");
    rc = glossa_status(p, (const char *const *)files.items, files.n, out, on_diag, userdata, err);
    file_list_release(&files);
    return rc;
}
