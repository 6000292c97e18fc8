/*
** main.c — entry point of the glossa CLI: global flags, the table of
** subcommands (one cmd_*.c each), dispatch (opening the database for the
** commands that need it), and process-wide set-up and tear-down of libglossa.
*/
#include "cmd.h"

#include <stdio.h>
#include <string.h>

static const struct cli_command *const commands[] = {
    &cmd_lookup_spec,
    &cmd_show_spec,
    &cmd_compare_spec,
    &cmd_laws_spec,
    &cmd_coverage_spec,
    &cmd_index_spec,
    &cmd_validate_spec,
    &cmd_diff_spec,
    &cmd_protocol_spec,
    &cmd_concordance_spec,
    &cmd_correction_spec,
    &cmd_note_spec,
    &cmd_propose_spec,
    &cmd_check_spec,
    &cmd_position_spec,
    &cmd_status_spec,
    &cmd_consolidate_spec,
    &cmd_scan_spec,
    &cmd_candidates_spec,
    &cmd_export_spec,
    &cmd_import_spec,
    &cmd_eval_spec,
    &cmd_serve_spec,
    &cmd_help_spec,
    NULL,
};

static void print_version(void)
{
    printf("glossa %s (ICU %s, SQLite %s, libxml2 %s)\n", glossa_version(),
           glossa_icu_version(), glossa_sqlite_version(), glossa_libxml2_version());
}

int main(int argc, char **argv)
{
    const struct cli_command *cmd;
    struct cli_args args;
    glossa_error err;
    int help = 0, rc;

    if (argc < 2) {
        fprintf(stderr, "usage: glossa COMMAND [OPTIONS] [ARGS]\n"
                        "see 'glossa help' for the commands, e.g. "
                        "glossa lookup \"информационная безопасность\"\n");
        return EXIT_ERR;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        print_version();
        return out_finish(EXIT_OK_);
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        argv[1] = "help";
    cmd = cli_find(commands, argv[1]);
    if (!cmd) {
        const char *guess = cli_suggest_command(commands, argv[1]);
        out_printf(stderr, "glossa: '%s' is not a glossa command", argv[1]);
        if (guess)
            fprintf(stderr, "; did you mean '%s'?", guess);
        fprintf(stderr, "\nsee 'glossa help' for the list of commands\n");
        return EXIT_ERR;
    }
    rc = cli_parse(cmd, argc - 2, argv + 2, &args, &help);
    if (rc) {
        cli_args_release(&args);
        return rc;
    }
    if (help) {
        cli_print_help(cmd, stdout);
        cli_args_release(&args);
        return out_finish(EXIT_OK_);
    }
    args.commands = commands;
    out_decide(&args.out, args.color);
    if (glossa_global_init(&err)) {
        out_error(&args.out, &err);
        cli_args_release(&args);
        return EXIT_ERR;
    }
    if ((cmd->flags & CLI_NEEDS_DB) &&
        glossa_db_open(&args.db, out_db_path(&args, NULL), &err)) {
        out_error(&args.out, &err);
        rc = EXIT_ERR;
    } else {
        rc = cmd->run(cmd, &args);
    }
    glossa_db_close(args.db);
    cli_args_release(&args);
    glossa_global_shutdown();
    return out_finish(rc);
}
