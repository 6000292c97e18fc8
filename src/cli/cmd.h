/*
** cmd.h — what the CLI's pieces share: exit codes, the option and command
** tables that drive parsing and `glossa help`, and the output context.
** The CLI only parses arguments, calls libglossa and prints.
*/
#ifndef GLOSSA_CMD_H
#define GLOSSA_CMD_H

#include "common.h" /* what the CLI shares with the web server */
#include "glossa.h"

#include <stdarg.h>
#include <stdio.h>

/* Exit codes, as grep: 0 found/ok, 1 nothing found or problems found, 2 error.
** Every command returns one of these; main() exits with it. Any warning makes
** check say 1 (the warnings are its answer); export and import say 1 only when
** something was left out, and 0 after warnings that carried everything (an id
** that was taken, renamed). */
enum { EXIT_OK_ = 0, EXIT_NONE = 1, EXIT_ERR = 2 };

#define CLI_MAX_OPTIONS 16

/* What an option's value is. options.c parses and checks it once, before the
** command runs, with one message style ("glossa lookup: --limit must be a
** whole number from 1 to 1000, not 'x'"), and `glossa help` shows it. */
enum cli_type {
    CLI_TEXT = 0, /* any text, named by arg */
    CLI_FLAG,     /* no value: given or not (arg NULL) */
    CLI_INT,      /* a whole number from min to max */
    CLI_RATIO,    /* a number from 0 to 1 */
    CLI_ENUM,     /* one of values ("text|json"; the first is the default; a value
                     may carry a note for help: "auto (default: on a terminal)") */
    CLI_LIST,     /* comma-separated items */
    CLI_PATH,     /* a file or folder */
    CLI_DATE,     /* a day, YYYY-MM-DD (checked where it is used) */
};

struct cli_option {
    const char *name;     /* long name without "--" */
    char short_name;      /* 0 if none */
    const char *arg;      /* placeholder ("PATH"), NULL for a flag */
    const char *help;     /* CLI_ENUM: printed after the generated list of values */
    enum cli_type type;
    long min, max;        /* CLI_INT: the range */
    const char *values;   /* CLI_ENUM: the values, '|' between them */
};

/* The options several commands share, one spec each. */
#define CLI_DB_HELP "database (default $GLOSSA_DB, else glossa.db)"
#define CLI_OPT_DB(help) { "db", 0, "PATH", help, CLI_PATH, 0, 0, NULL }
#define CLI_OPT_FORMAT(values) { "format", 0, "FORMAT", NULL, CLI_ENUM, 0, 0, values }
#define CLI_OPT_COLOR \
    { "color", 0, "WHEN", NULL, CLI_ENUM, 0, 0, "auto (default: only on a terminal)|always|never" }
#define CLI_OPT_INT(name, short_name, help, min, max) \
    { name, short_name, "N", help, CLI_INT, min, max, NULL }
#define CLI_OPT_LIMIT CLI_OPT_INT("limit", 'n', "show at most N concepts (default 10)", \
                              LOOKUP_LIMIT_MIN, LOOKUP_LIMIT_MAX)
#define CLI_OPT_FLAG(name, short_name, help) { name, short_name, NULL, help, CLI_FLAG, 0, 0, NULL }
#define CLI_OPT_OUTPUT(what) \
    { "output", 'o', "FILE", "write " what "to FILE (replaced atomically; '-': standard " \
      "output; a pipe or device: written to)", CLI_PATH, 0, 0, NULL }

/* How output looks; decided once in main.c from the terminal and flags. */
struct cli_out {
    int color_out;        /* colour on stdout */
    int color_err;        /* colour on stderr */
    int progress;         /* draw progress lines on stderr */
    int width;            /* columns to wrap text at */
};

struct cli_args {
    const char *values[CLI_MAX_OPTIONS]; /* parallel to the command's options; "1" for set flags */
    long num[CLI_MAX_OPTIONS];           /* CLI_INT: the number; CLI_ENUM: index of the value */
    double ratio[CLI_MAX_OPTIONS];       /* CLI_RATIO: the number */
    const char **positional;
    int n_positional;
    struct cli_out out;
    glossa_db *db;        /* CLI_NEEDS_DB: opened by main() from --db */
};

/* cli_command.flags */
enum {
    CLI_PLAIN = 0,    /* the command sets up what it needs itself */
    CLI_NEEDS_DB = 1, /* main() opens the database (--db, $GLOSSA_DB, glossa.db) for it */
};

struct cli_command {
    const char *name;
    int (*run)(const struct cli_command *self, struct cli_args *args);
    const char *summary;      /* one line for `glossa help` */
    const char *usage;        /* after "usage: glossa " */
    const struct cli_option *options;
    int n_options;
    const char *description;  /* paragraphs for `glossa help NAME` */
    const char *examples;     /* lines for `glossa help NAME` */
    int flags;                /* CLI_PLAIN or CLI_NEEDS_DB */
};

extern const struct cli_command cmd_diff_spec, cmd_eval_spec, cmd_help_spec, cmd_index_spec,
    cmd_lookup_spec, cmd_protocol_spec, cmd_validate_spec;
extern const struct cli_command cmd_show_spec;
extern const struct cli_command cmd_propose_spec, cmd_check_spec, cmd_status_spec,
    cmd_position_spec, cmd_consolidate_spec;
extern const struct cli_command cmd_serve_spec;
extern const struct cli_command cmd_export_spec, cmd_import_spec;
extern const struct cli_command cmd_scan_spec, cmd_candidates_spec;

/* inputs.c: the two versions compared by diff and protocol */
struct versions {
    const char *path[2];     /* OLD, NEW: files or folders */
    char temp[2][1024];      /* folders exported from git, removed by versions_release */
};
/* Fill v from the two positional arguments (paths, or revisions with git). */
int versions_from_args(struct versions *v, const struct cli_args *args, int git,
                       const char *git_path, const char *usage);
void versions_release(struct versions *v);

/* proposals.c: proposal files (listed by common.h's file_list_collect) */
/* Load proposals given (or glossary/proposals); EXIT_ERR after a message. */
int load_proposals(const struct cli_args *args, const char *const *given, int n_given,
                   glossa_proposals **out);

/* lookup_print.c: how results are printed as text (by lookup and show; their
** JSON is common.h's lookup_print_json) */
/* One hit whole, as text: ranked header, match, terms, definitions, notes. */
void lookup_print_hit(FILE *f, const struct cli_out *out, size_t rank, const glossa_hit *h);
/* The text of `lookup`: "did you mean" after a fuzzy match, the hits of the
** first kind whole (all when full), the looser ones a line each. */
void lookup_print_text(FILE *f, const struct cli_out *out, const glossa_hit *const *hits,
                       size_t n, int full);
/* The same for a result set; -1 when out of memory. */
int lookup_print_results(FILE *f, const struct cli_out *out, const glossa_results *res, int full);

/* main.c */
const struct cli_command *const *cli_commands(void);
const struct cli_command *cli_find(const char *name);
/* The closest command name within a small edit distance, or NULL. */
const char *cli_suggest_command(const char *name);

/* options.c */
/* Parse argv (after the command name). Returns 0, or EXIT_ERR after printing
** the problem; sets *help when --help was given. */
int cli_parse(const struct cli_command *cmd, int argc, char **argv,
              struct cli_args *args, int *help);
void cli_args_release(struct cli_args *args);
void cli_print_help(const struct cli_command *cmd, FILE *f);
/* Value of option `name` as given, or NULL. */
const char *cli_value(const struct cli_command *cmd, const struct cli_args *args,
                      const char *name);
/* 1 when the flag (or any option) `name` was given. */
int cli_flag(const struct cli_command *cmd, const struct cli_args *args, const char *name);
/* The number of CLI_INT or CLI_RATIO option `name`, or deflt when not given. */
long cli_int(const struct cli_command *cmd, const struct cli_args *args, const char *name,
             long deflt);
double cli_ratio(const struct cli_command *cmd, const struct cli_args *args, const char *name,
                 double deflt);
/* The option `name` of cmd, or NULL. */
const struct cli_option *cli_option_find(const struct cli_command *cmd, const char *name);
/* 0 when v is a value option o takes (CLI_INT: the number in *num; CLI_ENUM:
** the index of the value in *num; CLI_RATIO: *ratio); else -1 and, in msg,
** "NAME must be …, not 'V'" (by common.h's value_int, value_ratio, value_enum). */
int cli_option_check(const struct cli_option *o, const char *v, long *num, double *ratio,
                     char *msg, size_t size);
/* 1 when CLI_ENUM option `name` is value (not given: its first value). */
int cli_is(const struct cli_command *cmd, const struct cli_args *args, const char *name,
           const char *value);

/* out.c */
void out_decide(struct cli_out *out, const char *color_flag);
const char *out_color(const struct cli_out *out, int err_stream, const char *sgr);
void out_error(const struct cli_out *out, const glossa_error *e);
void out_diag(const glossa_error *d, void *userdata); /* glossa_diag_fn; userdata: struct cli_out */
void out_message(const struct cli_out *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* printf where every %s and %c argument is data: sanitised (glossa_text_safe)
** and, with a width, padded by display columns. Only the format is written
** as it is: colour sequences go in with fputs, never as arguments. */
void out_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void out_vprintf(FILE *f, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Text under construction: glossa's own markup (colour) raw, data sanitised. */
struct out_buf {
    char *s;              /* NUL-terminated once anything was added */
    size_t len, cap;
    int oom;              /* an allocation failed: the text is cut there */
};
void out_buf_raw(struct out_buf *b, const char *s, size_t n);
void out_buf_text(struct out_buf *b, const char *s, size_t n);
void out_buf_printf(struct out_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void out_buf_vprintf(struct out_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void out_buf_free(struct out_buf *b);
/* Display columns s takes once sanitised. */
size_t out_width(const char *s);
/* Print s (data, sanitised) padded with spaces to `width` display columns. */
void out_padded(FILE *f, const char *s, size_t width);
/* Print text (data, sanitised) wrapped at out->width, continuation lines
** indented by indent. */
void out_wrapped(FILE *f, const struct cli_out *out, const char *text, size_t first_col,
                 size_t indent);
/* The same for text built in b (its colour sequences take no room). */
void out_buf_wrapped(FILE *f, const struct cli_out *out, const struct out_buf *b,
                     size_t first_col, size_t indent);
/* Flush and check stdout; returns EXIT_ERR (after a message) on a write error. */
int out_finish(int code);
/* Every item of a comma-separated language list must be a tag glossa knows
** (common.h's lang_list_check); else the message printed as an error, -1. */
int out_check_languages(const struct cli_out *out, const char *flag, const char *list,
                        const char *hint);
/* The database path: --db, else $GLOSSA_DB, else "glossa.db". */
const char *out_db_path(const char *flag);
/* A warning as `FILE:LINE: warning: MSG` (glossa_diag_fn; userdata: struct cli_out). */
void out_warning(const glossa_error *d, void *userdata);
/* 1 when an output path means standard output: none given, or "-". */
int out_is_stdout(const char *path);
/* 1 when path (links followed) is a pipe or a character device (/dev/null,
** /dev/stdout, a shell's >(…)): written to as it is, since there is no file
** to replace (glossa_write_file refuses them). */
int out_is_stream(const char *path);
/* data written to such a pipe or device, every write and the close checked;
** 0, or -1 after a message. */
int out_write_stream(const struct cli_out *out, const char *path, const char *data, size_t len);
/* data to path through glossa_write_file (aside, checked, renamed into place),
** to a pipe or device as it is (out_is_stream), or to standard output
** (checked by out_finish); 0, or -1 after a message. */
int out_write_file(const struct cli_out *out, const char *path, const char *data, size_t len);
/* Output printed with stdio to -o FILE: collected in memory, then written as
** out_write_file does; standard output for no FILE or "-". */
struct out_file {
    FILE *f;              /* print here */
    const char *path;     /* NULL: standard output */
    char *data;
    size_t len;
};
/* 0, or -1 after a message. */
int out_file_open(struct out_file *o, const struct cli_out *out, const char *path);
/* Write the file when commit (else drop what was printed); 0, or -1 after a message. */
int out_file_close(struct out_file *o, const struct cli_out *out, int commit);

#endif
