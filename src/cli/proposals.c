/*
** proposals.c — what the proposal commands (check, status, position,
** consolidate) share: loading the proposals (for check, a round as a whole:
** an invalid file said and left out), their problems printed once each. The
** files are found by src/common/glossary.c (given, or in glossary/proposals
** and glossary/positions), which the web server's /status reads too.
*/
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A problem shown (by fn, else out_diag), counted: a problem already shown is
** not shown again as the error. */
struct shown {
    const struct cli_out *out;
    glossa_diag_fn fn;
    void *ud;
    unsigned long n;
};

static void shown_diag(const glossa_error *d, void *userdata)
{
    struct shown *s = userdata;
    s->n++;
    if (s->fn)
        s->fn(d, s->ud);
    else
        out_diag(d, (void *)s->out);
}

/* rejected: NULL, every file must be valid; else a round checked as a whole,
** the invalid files reported, left out and counted. */
static int load(const struct cli_args *args, const char *const *given, int n_given,
                glossa_diag_fn on_diag, void *ud, glossa_proposals **out, size_t *rejected)
{
    struct file_list files;
    struct shown shown = { &args->out, on_diag, ud, 0 };
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
    if (rejected)
        rc = glossa_proposals_load_round(out, (const char *const *)files.items, files.n,
                                         shown_diag, &shown, rejected, &err);
    else
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

int load_proposals(const struct cli_args *args, const char *const *given, int n_given,
                   glossa_proposals **out)
{
    return load(args, given, n_given, NULL, NULL, out, NULL);
}

int load_round(const struct cli_args *args, const char *const *given, int n_given,
               glossa_diag_fn on_diag, void *ud, glossa_proposals **out, size_t *rejected)
{
    return load(args, given, n_given, on_diag, ud, out, rejected);
}
