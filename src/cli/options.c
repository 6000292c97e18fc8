/*
** options.c — parsing a command's arguments from its option table, each
** value checked once by its type (whole number in a range, ratio, one of a
** list; the checks are src/common/value.c, which the web server's
** parameters go through too) and stored in its field of the command's
** option struct (cmd.h: CLI_OPT_*), and printing `glossa help COMMAND` from
** the same table, so help and parser never disagree.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

static int find_long(const struct cli_command *cmd, const char *name, size_t n)
{
    int i;
    for (i = 0; i < cmd->n_options; i++)
        if (strlen(cmd->options[i].name) == n && strncmp(cmd->options[i].name, name, n) == 0)
            return i;
    return -1;
}

static int find_short(const struct cli_command *cmd, char c)
{
    int i;
    for (i = 0; i < cmd->n_options; i++)
        if (cmd->options[i].short_name == c)
            return i;
    return -1;
}

static int bad_option(const struct cli_command *cmd, const char *opt)
{
    const char *best = NULL;
    size_t best_d = 3;
    int i;
    for (i = 0; i < cmd->n_options; i++) {
        size_t d = glossa_edit_distance(opt, cmd->options[i].name);
        if (d < best_d) {
            best_d = d;
            best = cmd->options[i].name;
        }
    }
    out_printf(stderr, "glossa %s: unknown option '%s%s'", cmd->name,
            strlen(opt) == 1 ? "-" : "--", opt);
    if (best)
        fprintf(stderr, "; did you mean '--%s'?", best);
    fprintf(stderr, "\nusage: glossa %s\nsee 'glossa help %s'\n", cmd->usage, cmd->name);
    return EXIT_ERR;
}

static int missing_value(const struct cli_command *cmd, const struct cli_option *o)
{
    fprintf(stderr, "glossa %s: option '--%s' needs a value (%s)\nusage: glossa %s\n",
            cmd->name, o->name, o->arg, cmd->usage);
    return EXIT_ERR;
}

int cli_option_check(const struct cli_option *o, const char *v, long *num, double *ratio,
                     char *msg, size_t size)
{
    switch (o->type) {
    case CLI_INT:
        return value_int(o->name, strcmp(o->arg, "SECONDS") == 0, o->min, o->max, v, -1, num,
                         msg, size);
    case CLI_RATIO:
        return value_ratio(o->name, v, -1, ratio, msg, size);
    case CLI_ENUM:
        return value_enum(o->name, o->values, v, -1, num, msg, size);
    case CLI_DATE: {
        glossa_error e;
        if (glossa_date_check(v, &e) == 0)
            return 0;
        snprintf(msg, size, "%s: %s", o->name, e.msg); /* the one date check's words */
        return -1;
    }
    default:
        return 0;
    }
}

const struct cli_option *cli_option_find(const struct cli_command *cmd, const char *name)
{
    int k = find_long(cmd, name, strlen(name));
    return k < 0 ? NULL : &cmd->options[k];
}

/* The field of option o: in args itself (--db, --color) or in the command's
** option struct. */
static void *field_of(const struct cli_option *o, struct cli_args *args)
{
    return (char *)(o->in_args ? (void *)args : args->opts) + o->offset;
}

/* Check value v of option k by the option's type and store it in its field,
** as the field's C type (cmd.h, enum cli_type); EXIT_ERR after a message
** naming the command, the option and what it takes. */
static int set_value(const struct cli_command *cmd, struct cli_args *args, int k, const char *v)
{
    const struct cli_option *o = &cmd->options[k];
    void *field = field_of(o, args);
    char msg[1024];
    long num = 0;
    double ratio = 0;
    if (cli_option_check(o, v, &num, &ratio, msg, sizeof msg)) {
        out_printf(stderr, "glossa %s: --%s\n", cmd->name, msg); /* v is data: made safe */
        return EXIT_ERR;
    }
    switch (o->type) {
    case CLI_FLAG:
        *(int *)field = 1;
        break;
    case CLI_INT:
        *(long *)field = num;
        break;
    case CLI_RATIO:
        *(double *)field = ratio;
        break;
    case CLI_ENUM:
        *(int *)field = (int)num;
        break;
    default:
        *(const char **)field = v;
    }
    return 0;
}

/* The size of the field an option of type t stores into. */
static size_t field_size(enum cli_type t)
{
    return t == CLI_FLAG || t == CLI_ENUM ? sizeof(int) : t == CLI_INT ? sizeof(long)
           : t == CLI_RATIO ? sizeof(double) : sizeof(const char *);
}

/* The command's option struct, as opts_init says (all zero without one);
** EXIT_ERR after a message when out of memory, or when an option's field
** lies outside it (the table names another struct than CLI_OPTS: a bug the
** compiler cannot see). */
static int opts_new(const struct cli_command *cmd, struct cli_args *args)
{
    int i;
    for (i = 0; i < cmd->n_options; i++) {
        const struct cli_option *o = &cmd->options[i];
        if (!o->in_args && o->offset + field_size(o->type) > cmd->opts_size) {
            fprintf(stderr, "glossa %s: internal error: the field of --%s is outside the "
                            "command's option struct\n", cmd->name, o->name);
            return EXIT_ERR;
        }
    }
    args->opts = calloc(1, cmd->opts_size ? cmd->opts_size : 1);
    if (!args->opts) {
        fprintf(stderr, "glossa: out of memory\n");
        return EXIT_ERR;
    }
    if (cmd->opts_init)
        memcpy(args->opts, cmd->opts_init, cmd->opts_size);
    return 0;
}

/* Store the value of option k: attached (after '=' of a long option or the
** letter of a short one; NULL when none), else the next argument. shown is
** the option as the user wrote it ("--name", "-c"). 0, or the exit code. */
static int take_value(const struct cli_command *cmd, struct cli_args *args, int k,
                      const char *attached, const char *shown, int argc, char **argv, int *i)
{
    if (!cmd->options[k].arg) {
        if (attached) {
            out_printf(stderr, "glossa %s: option '%s' takes no value\n", cmd->name, shown);
            return EXIT_ERR;
        }
        set_value(cmd, args, k, "1");
        return 0;
    }
    if (attached)
        return set_value(cmd, args, k, attached) ? EXIT_ERR : 0;
    if (*i + 1 < argc)
        return set_value(cmd, args, k, argv[++*i]) ? EXIT_ERR : 0;
    return missing_value(cmd, &cmd->options[k]);
}

int cli_parse(const struct cli_command *cmd, int argc, char **argv,
              struct cli_args *args, int *help)
{
    int i, only_positional = 0;

    memset(args, 0, sizeof *args);
    if (opts_new(cmd, args))
        return EXIT_ERR;
    args->positional = calloc((size_t)argc + 1, sizeof *args->positional);
    if (!args->positional) {
        fprintf(stderr, "glossa: out of memory\n");
        return EXIT_ERR;
    }
    *help = 0;
    for (i = 0; i < argc; i++) {
        const char *a = argv[i];
        char shown[80];
        int k, rc;
        if (only_positional || a[0] != '-' || a[1] == '\0') {
            args->positional[args->n_positional++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_positional = 1;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            *help = 1;
            continue;
        }
        if (a[1] == '-') {
            const char *eq = strchr(a + 2, '=');
            size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
            k = find_long(cmd, a + 2, n);
            if (k < 0) {
                char name[64];
                snprintf(name, sizeof name, "%.*s", (int)n, a + 2);
                return bad_option(cmd, name);
            }
            snprintf(shown, sizeof shown, "--%s", cmd->options[k].name);
            if ((rc = take_value(cmd, args, k, eq ? eq + 1 : NULL, shown, argc, argv, &i)))
                return rc;
        } else {
            char name[2] = { a[1], 0 };
            k = find_short(cmd, a[1]);
            if (k < 0)
                return bad_option(cmd, name);
            snprintf(shown, sizeof shown, "-%c", a[1]);
            if ((rc = take_value(cmd, args, k, a[2] ? a + 2 : NULL, shown, argc, argv, &i)))
                return rc;
        }
    }
    return 0;
}

void cli_args_release(struct cli_args *args)
{
    free(args->positional);
    free(args->opts);
    args->positional = NULL;
    args->opts = NULL;
}

void cli_print_help(const struct cli_command *cmd, FILE *f)
{
    size_t width = 0;
    int i;

    fprintf(f, "usage: glossa %s\n\n%s\n", cmd->usage, cmd->description);
    for (i = 0; i < cmd->n_options; i++) {
        const struct cli_option *o = &cmd->options[i];
        size_t w = strlen(o->name) + (o->arg ? strlen(o->arg) + 1 : 0);
        if (w > width)
            width = w;
    }
    fprintf(f, "\noptions:\n");
    for (i = 0; i < cmd->n_options; i++) {
        const struct cli_option *o = &cmd->options[i];
        char spec[96];
        snprintf(spec, sizeof spec, "%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        if (o->short_name)
            fprintf(f, "  -%c, --%-*s  ", o->short_name, (int)width, spec);
        else
            fprintf(f, "      --%-*s  ", (int)width, spec);
        if (o->type == CLI_ENUM) {
            char list[512];
            value_list_text(o->values, 1, list, sizeof list);
            fprintf(f, "%s%s%s\n", list, o->help ? "; " : "", o->help ? o->help : "");
        } else {
            fprintf(f, "%s\n", o->help);
        }
    }
    fprintf(f, "  -h, --%-*s  %s\n", (int)width, "help", "show this help");
    if (cmd->examples && *cmd->examples)
        fprintf(f, "\nexamples:\n%s", cmd->examples);
}

const struct cli_command *cli_find(const struct cli_command *const *table, const char *name)
{
    const struct cli_command *const *c;
    for (c = table; *c; c++)
        if (strcmp((*c)->name, name) == 0)
            return *c;
    return NULL;
}

const char *cli_suggest_command(const struct cli_command *const *table, const char *name)
{
    const struct cli_command *const *c;
    const char *best = NULL;
    size_t best_d = 3;
    for (c = table; *c; c++) {
        size_t d = glossa_edit_distance(name, (*c)->name);
        if (d < best_d) {
            best_d = d;
            best = (*c)->name;
        }
    }
    return best;
}
