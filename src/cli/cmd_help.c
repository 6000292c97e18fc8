/*
** cmd_help.c — `glossa help [COMMAND]`: the command list, or one command's
** usage, options and examples, printed from the command tables.
*/
#include "cmd.h"

#include <string.h>

static int run_help(const struct cli_command *self, struct cli_args *args)
{
    const struct cli_command *const *c;
    size_t width = 0;
    const struct cli_command *cmd;
    (void)self;

    if (args->n_positional > 0) {
        cmd = cli_find(args->commands, args->positional[0]);
        if (!cmd) {
            const char *guess = cli_suggest_command(args->commands, args->positional[0]);
            out_printf(stderr, "glossa help: no command '%s'%s%s%s\n", args->positional[0],
                    guess ? "; did you mean '" : "", guess ? guess : "", guess ? "'?" : "");
            return EXIT_ERR;
        }
        cli_print_help(cmd, stdout);
        return EXIT_OK_;
    }
    printf("usage: glossa COMMAND [OPTIONS] [ARGS]\n\n"
           "glossa looks up the SCO information-security terminology (annex 1 of the\n"
           "2009 Agreement and related statements) in any member language or script.\n\n"
           "commands:\n");
    for (c = args->commands; *c; c++)
        if (strlen((*c)->name) > width)
            width = strlen((*c)->name);
    for (c = args->commands; *c; c++)
        printf("  %-*s  %s\n", (int)width, (*c)->name, (*c)->summary);
    printf("\nglobal:\n  --version  print versions of glossa, ICU, SQLite and libxml2\n"
           "\nthe database is --db PATH, else $GLOSSA_DB, else $XDG_DATA_HOME/glossa/glossa.db\n"
           "(~/.local/share/glossa/glossa.db): one index for every folder\n"
           "exit status: 0 ok/found, 1 nothing found or problems found, 2 error\n"
           "see 'glossa help COMMAND' for one command\n");
    return EXIT_OK_;
}

const struct cli_command cmd_help_spec = {
    "help", run_help, "show help for glossa or one of its commands", "help [COMMAND]",
    NULL, 0,
    "Without a COMMAND, list the commands. With one, show its usage, options and\n"
    "examples (the same as 'glossa COMMAND --help').",
    "  glossa help\n  glossa help lookup\n",
    CLI_PLAIN,
    CLI_NO_OPTS,
};
