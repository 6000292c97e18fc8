/*
** cmd_diff.c — `glossa diff`: what changed between two versions of the term
** base, concept by concept, with a word-level redline of definitions.
** Exit status as diff(1): 0 same, 1 different, 2 trouble.
*/
#include "cmd.h"

#include <string.h>

struct diff_args {
    enum cli_format format;
    int git;
    const char *path;
};

static const struct cli_option options[] = {
    CLI_OPT_FORMAT(diff_args, "text|json"),
    CLI_OPT_FLAG(diff_args, git, "git", 0, "OLD and NEW are git revisions of the glossary folder"),
    CLI_OPT_PATH(diff_args, path, "path", 0, "DIR", "with --git: the folder in the repository (default glossary)"),
    CLI_OPT_COLOR,
};

static void print_redline(const struct cli_out *out, const glossa_field_change *f)
{
    size_t i;
    for (i = 0; i < f->n_redline; i++) {
        const glossa_edit *e = &f->redline[i];
        if (e->op == GLOSSA_EDIT_SAME)
            out_printf(stdout, "%s", e->text);
        else if (out->color_out) {
            fputs(e->op == GLOSSA_EDIT_DEL ? "\033[9;31m" : "\033[4;32m", stdout);
            out_printf(stdout, "%s\033[0m", e->text);
        } else
            out_printf(stdout, "%s%s%s", e->op == GLOSSA_EDIT_DEL ? "[-" : "{+", e->text,
                   e->op == GLOSSA_EDIT_DEL ? "-]" : "+}");
    }
}

static void print_field(const struct cli_out *out, const glossa_field_change *f)
{
    out_printf(stdout, "    %s%s%s: ", f->field, f->lang ? " " : "", f->lang ? f->lang : "");
    if (f->n_redline) {
        print_redline(out, f);
    } else if (!f->old_value) {
        out_printf(stdout, "added «%s»%s%s", f->new_value, f->new_status ? " " : "", f->new_status ? f->new_status : "");
    } else if (!f->new_value) {
        out_printf(stdout, "removed «%s»%s%s", f->old_value, f->old_status ? " " : "", f->old_status ? f->old_status : "");
    } else if (f->old_status && f->new_status && strcmp(f->old_value, f->new_value) == 0) {
        out_printf(stdout, "«%s» %s → %s", f->new_value, f->old_status, f->new_status);
    } else {
        out_printf(stdout, "«%s» → «%s»", f->old_value, f->new_value);
    }
    putchar('\n');
}

static void print_text(const struct cli_out *out, const glossa_diff *d)
{
    size_t i, j, counts[4] = { 0, 0, 0, 0 };
    static const char *const colors[] = { "\033[32m", "\033[31m", "\033[33m", "\033[36m" };
    for (i = 0; i < glossa_diff_count(d); i++) {
        const glossa_concept_change *c = glossa_diff_get(d, i);
        counts[c->kind]++;
        printf("%s%-9s%s ", out_color(out, 0, colors[c->kind]), glossa_change_kind_name(c->kind),
               out_color(out, 0, "\033[0m"));
        out_printf(stdout, "%s", c->id);
        if (c->kind == GLOSSA_CHANGE_RENAMED)
            out_printf(stdout, " (was %s)", c->old_id);
        putchar('\n');
        for (j = 0; j < c->n_fields; j++)
            print_field(out, &c->fields[j]);
    }
    if (glossa_diff_count(d))
        printf("%zu concept%s changed: %zu added, %zu removed, %zu modified, %zu renamed\n",
               glossa_diff_count(d), glossa_diff_count(d) == 1 ? "" : "s", counts[0], counts[1],
               counts[2], counts[3]);
    else
        printf("no change\n");
}

static void json_opt(const char *key, const char *value)
{
    printf(",\"%s\":", key);
    if (value)
        out_json_string(stdout, value);
    else
        printf("null");
}

static void print_json(const glossa_diff *d)
{
    size_t i, j, k;
    printf("{\"changes\":[");
    for (i = 0; i < glossa_diff_count(d); i++) {
        const glossa_concept_change *c = glossa_diff_get(d, i);
        printf("%s{\"change\":\"%s\",\"id\":", i ? "," : "", glossa_change_kind_name(c->kind));
        out_json_string(stdout, c->id);
        printf(",\"old_id\":");
        out_json_string(stdout, c->old_id);
        printf(",\"fields\":[");
        for (j = 0; j < c->n_fields; j++) {
            const glossa_field_change *f = &c->fields[j];
            printf("%s{\"field\":\"%s\"", j ? "," : "", f->field);
            json_opt("lang", f->lang);
            json_opt("old", f->old_value);
            json_opt("new", f->new_value);
            if (f->old_status || f->new_status) {
                json_opt("old_status", f->old_status);
                json_opt("new_status", f->new_status);
            }
            if (f->n_redline) {
                printf(",\"redline\":[");
                for (k = 0; k < f->n_redline; k++) {
                    printf("%s{\"op\":\"%s\",\"text\":", k ? "," : "",
                           f->redline[k].op == GLOSSA_EDIT_SAME ? "=" :
                           f->redline[k].op == GLOSSA_EDIT_DEL ? "-" : "+");
                    out_json_string(stdout, f->redline[k].text);
                    printf("}");
                }
                printf("]");
            }
            printf("}");
        }
        printf("]}");
    }
    printf("]}\n");
}

static int run_diff(const struct cli_command *self, struct cli_args *args)
{
    const struct diff_args *a = args->opts;
    glossa_index_opts opts = GLOSSA_INDEX_OPTS_INIT;
    struct versions v;
    glossa_diff *d = NULL;
    glossa_error err;
    int rc;

    if ((rc = versions_from_args(&v, args, a->git, a->path, self->usage)))
        return rc;
    opts.on_diag = out_diag;
    opts.userdata = &args->out;
    rc = glossa_diff_new(&d, &v.path[0], 1, &v.path[1], 1, &opts, &err);
    versions_release(&v);
    if (rc) {
        if (rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA)
            out_error(&args->out, &err);
        return EXIT_ERR;
    }
    if (a->format == FORMAT_JSON)
        print_json(d);
    else
        print_text(&args->out, d);
    rc = glossa_diff_count(d) ? EXIT_NONE : EXIT_OK_;
    glossa_diff_free(d);
    return rc;
}

const struct cli_command cmd_diff_spec = {
    "diff", run_diff, "show what changed between two versions of the term base",
    "diff [--format text|json] [--git [--path DIR]] OLD NEW",
    options, sizeof options / sizeof options[0],
    "Compare two versions of the term base (TEI files or folders, or with --git two\n"
    "revisions of the glossary folder of the repository you are in), concept by\n"
    "concept: added, removed, renamed (other id, same content) and modified (status,\n"
    "reliability, terms and definitions per language). Changed definitions get a\n"
    "word-level redline ([-deleted-]{+inserted+}, or colour on a terminal); Chinese\n"
    "is compared word by word. Both versions are validated as by 'glossa index'.\n"
    "Exit status as diff(1): 0 no change, 1 changes, 2 trouble (bad input: FILE:LINE).",
    "  glossa diff glossary/annex1.xml my-annex.xml\n"
    "  glossa diff --git HEAD~1 HEAD\n"
    "  glossa diff --format json old/ new/\n",
    CLI_PLAIN,
    CLI_OPTS(struct diff_args, NULL),
};
