/*
** proposals.c — what the proposal commands (check, status, position,
** consolidate) share: loading the proposals, their problems printed. The
** files are found by src/common/glossary.c (given, or in glossary/proposals
** and glossary/positions), which the web server's /status reads too.
*/
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
