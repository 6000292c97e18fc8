/*
** cmd.h — what the CLI's pieces share: exit codes, the option and command
** tables that drive parsing (into each command's typed option struct) and
** `glossa help`, and the output context.
** The CLI only parses arguments, calls libglossa and prints.
*/
#ifndef GLOSSA_CMD_H
#define GLOSSA_CMD_H

#include "common.h" /* what the CLI shares with the web server */
#include "glossa.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Exit codes, as grep: 0 found/ok, 1 nothing found or problems found, 2 error.
** Every command returns one of these; main() exits with it. Any warning makes
** check say 1 (the warnings are its answer); export and import say 1 only when
** something was left out, and 0 after warnings that carried everything (an id
** that was taken, renamed). */
enum { EXIT_OK_ = 0, EXIT_NONE = 1, EXIT_ERR = 2 };

/* What an option's value is. options.c parses and checks it once, before the
** command runs, with one message style ("glossa lookup: --limit must be a
** whole number from 1 to 1000, not 'x'"), stores it in the option's field
** (below), and `glossa help` shows it. The C type of the field each stores: */
enum cli_type {
    CLI_TEXT = 0, /* const char *: any text, named by arg (NULL: not given) */
    CLI_FLAG,     /* int: no value, 1 when given (arg NULL) */
    CLI_INT,      /* long: a whole number from min to max */
    CLI_RATIO,    /* double: a number from 0 to 1 */
    CLI_ENUM,     /* a C enum (or int): the index of one of values ("text|json";
                     the first is the default, index 0; a value may carry a note
                     for help: "auto (default: on a terminal)"). The command's
                     enum lists its members in the order of values. */
    CLI_LIST,     /* const char *: comma-separated items */
    CLI_PATH,     /* const char *: a file or folder */
    CLI_DATE,     /* const char *: a day, YYYY-MM-DD (glossa_date_check, at parse time) */
};

struct cli_option {
    const char *name;     /* long name without "--" */
    char short_name;      /* 0 if none */
    const char *arg;      /* placeholder ("PATH"), NULL for a flag */
    const char *help;     /* CLI_ENUM: printed after the generated list of values */
    enum cli_type type;
    long min, max;        /* CLI_INT: the range */
    const char *values;   /* CLI_ENUM: the values, '|' between them */
    size_t offset;        /* where the value goes: a field of the command's
                             option struct (cli_command.opts_size), or of
                             struct cli_args when in_args */
    int in_args;          /* the options main() reads itself: --db, --color */
};

/* Each command declares a struct of its options ("struct show_args") and its
** table names a field of it for each option, through the CLI_OPT_* macros
** below: offsetof, and a compile-time check that the field has the C type the
** option's type stores (a wrong one is an array of size -1). The parser fills
** the struct once; the command reads fields, never names. */
#define CLI_FITS_(st, field, ctype) \
    (0 * sizeof(char[_Generic(((struct st *)0)->field, ctype: 1, default: -1)]))
/* An enum field: int or unsigned int once promoted (GCC picks either). */
#define CLI_FITS_ENUM_(st, field) \
    (0 * sizeof(char[_Generic(+((struct st *)0)->field, int: 1, unsigned: 1, default: -1)]))
#define CLI_AT_(st, field, ctype) (offsetof(struct st, field) + CLI_FITS_(st, field, ctype))
#define CLI_OPT_(st, field, name, short_name, arg, help, type) \
    { name, short_name, arg, help, type, 0, 0, NULL, CLI_AT_(st, field, const char *), 0 }

#define CLI_OPT_TEXT(st, field, name, short_name, arg, help) \
    CLI_OPT_(st, field, name, short_name, arg, help, CLI_TEXT)
#define CLI_OPT_LIST(st, field, name, short_name, arg, help) \
    CLI_OPT_(st, field, name, short_name, arg, help, CLI_LIST)
#define CLI_OPT_PATH(st, field, name, short_name, arg, help) \
    CLI_OPT_(st, field, name, short_name, arg, help, CLI_PATH)
#define CLI_OPT_DATE(st, field, name, short_name, arg, help) \
    CLI_OPT_(st, field, name, short_name, arg, help, CLI_DATE)
#define CLI_OPT_FLAG(st, field, name, short_name, help) \
    { name, short_name, NULL, help, CLI_FLAG, 0, 0, NULL, CLI_AT_(st, field, int), 0 }
#define CLI_OPT_INT(st, field, name, short_name, arg, help, min, max) \
    { name, short_name, arg, help, CLI_INT, min, max, NULL, CLI_AT_(st, field, long), 0 }
#define CLI_OPT_RATIO(st, field, name, short_name, arg, help) \
    { name, short_name, arg, help, CLI_RATIO, 0, 0, NULL, CLI_AT_(st, field, double), 0 }
#define CLI_OPT_ENUM(st, field, name, short_name, arg, values, help) \
    { name, short_name, arg, help, CLI_ENUM, 0, 0, values, \
      offsetof(struct st, field) + CLI_FITS_ENUM_(st, field), 0 }

/* The options several commands share, one spec each. --db and --color are
** read by main() (opening the database, deciding colour): their values are in
** struct cli_args. The others go to the field of the same name in the
** command's struct: format (an enum: enum cli_format for text|json and
** text|json|html), limit (long), quiet (int), output (const char *). */
#define CLI_DB_HELP "database (default $GLOSSA_DB, else ~/.local/share/glossa/glossa.db)"
#define CLI_OPT_DB(help) \
    { "db", 0, "PATH", help, CLI_PATH, 0, 0, NULL, CLI_AT_(cli_args, db_path, const char *), 1 }
#define CLI_OPT_COLOR \
    { "color", 0, "WHEN", NULL, CLI_ENUM, 0, 0, "auto (default: only on a terminal)|always|never", \
      offsetof(struct cli_args, color) + CLI_FITS_ENUM_(cli_args, color), 1 }
#define CLI_OPT_FORMAT(st, values) CLI_OPT_ENUM(st, format, "format", 0, "FORMAT", values, NULL)
#define CLI_OPT_LIMIT(st) \
    CLI_OPT_INT(st, limit, "limit", 'n', "N", "show at most N concepts (default 10)", \
                LOOKUP_LIMIT_MIN, LOOKUP_LIMIT_MAX)
#define CLI_OPT_QUIET(st, help) CLI_OPT_FLAG(st, quiet, "quiet", 'q', help)
#define CLI_OPT_OUTPUT(st, what) \
    CLI_OPT_PATH(st, output, "output", 'o', "FILE", "write " what "to FILE (replaced atomically; " \
                 "'-': standard output; a pipe or device: written to)")

/* --format of the commands that print text or JSON (scan: or HTML), in the
** order of their values "text|json" and "text|json|html". FORMAT_NONE: not
** given, for a command whose default struct says so (lookup --batch). */
/* The terminal's colours (through out_color: only when colour is on). */
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RED "\033[1;31m"
#define GREEN "\033[1;32m"
#define CYAN "\033[36m"
#define RESET "\033[0m"

enum cli_format { FORMAT_NONE = -1, FORMAT_TEXT, FORMAT_JSON, FORMAT_HTML };
/* --color, in the order of its values. */
enum cli_color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* How output looks; decided once in main.c from the terminal and flags. */
struct cli_out {
    int color_out;        /* colour on stdout */
    int color_err;        /* colour on stderr */
    int progress;         /* draw progress lines on stderr */
    int width;            /* columns to wrap text at */
};

struct cli_args {
    void *opts;           /* the command's option struct, filled by cli_parse */
    const char *db_path;  /* --db as given, or NULL (out_db_path decides) */
    char db_default[4096]; /* out_db_path's answer when it is no flag or variable */
    enum cli_color color; /* --color */
    const char **positional;
    int n_positional;
    struct cli_out out;
    glossa_db *db;        /* CLI_NEEDS_DB: opened by main() from --db */
    const struct cli_command *const *commands; /* main()'s table, NULL-terminated (for help) */
};

/* cli_command.flags */
enum {
    CLI_PLAIN = 0,    /* the command sets up what it needs itself */
    CLI_NEEDS_DB = 1, /* main() opens the database (out_db_path) for it */
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
    size_t opts_size;         /* sizeof the command's option struct */
    const void *opts_init;    /* its values before parsing (NULL: all zero) */
};
/* The last two fields of a command's spec: its option struct's size and
** initial values (defaults), e.g. CLI_OPTS(struct show_args, NULL). */
#define CLI_OPTS(st, init) sizeof(st), (init)
#define CLI_NO_OPTS 0, NULL

extern const struct cli_command cmd_diff_spec, cmd_eval_spec, cmd_help_spec, cmd_index_spec,
    cmd_lookup_spec, cmd_protocol_spec, cmd_note_spec, cmd_validate_spec;
extern const struct cli_command cmd_show_spec;
extern const struct cli_command cmd_concordance_spec, cmd_correction_spec;
extern const struct cli_command cmd_compare_spec, cmd_laws_spec, cmd_coverage_spec;
/* cmd_coverage.c: the member states and the study from the index, --state
** checked (EXIT_OK_, or EXIT_ERR after a message; the caller frees both
** either way); the study's document (laws, coverage; with hit, compare's) to
** -o FILE or standard output (EXIT_OK_ or EXIT_ERR after a message). */
int study_load(const struct cli_args *args, const char *state, const char *lang,
               glossa_states **states, glossa_study **study);
/* The member states alone, --state checked the same way (compare). */
int study_states(const struct cli_args *args, const char *state, glossa_states **states);
int write_study_doc(const struct cli_args *args, const glossa_study *study, const glossa_hit *hit,
                    const glossa_states *states, const glossa_study_opts *o, const char *output);
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
/* The same for a round checked as a whole (check): an invalid file is reported
** (to on_diag, NULL: printed) and left out, *rejected counts them; EXIT_ERR
** only when a file cannot be read. */
int load_round(const struct cli_args *args, const char *const *given, int n_given,
               glossa_diag_fn on_diag, void *ud, glossa_proposals **out, size_t *rejected);

/* lookup_print.c: how results are printed as text (by lookup and show; their
** JSON is common.h's lookup_print_json) */
/* The reliability notes printed so far on one screen (by entry), so that a
** later entry points back instead of saying the same 25 lines again. */
struct lookup_seen {
    const char *text[8];
    size_t rank[8];
    size_t n;
};
/* One hit, as text: ranked header, match, terms, definitions, notes,
** contexts (whole: all; else the first and how many more), cross-references,
** national definitions. seen: NULL, or the notes printed before it. */
void lookup_print_hit(FILE *f, const struct cli_out *out, size_t rank, const glossa_hit *h,
                      int whole, struct lookup_seen *seen);
/* How lookup prints its hits: by default the best ones (and those as good)
** whole, the rest a line each; --full every one whole; --brief a line each. */
enum lookup_view { LOOKUP_VIEW_DEFAULT, LOOKUP_VIEW_FULL, LOOKUP_VIEW_BRIEF };
struct lookup_text {
    enum lookup_view view;
    const char *to;       /* --to, or NULL: the languages a brief line gives */
    const char *query;    /* as typed, for the headers */
    int see_also;         /* the hits are concepts whose notes use the query */
};
/* The text of `lookup`: "did you mean" after a fuzzy match, how a layout was
** read, the hits as `how` says, the reliability note once per screen. */
void lookup_print_text(FILE *f, const struct cli_out *out, const glossa_hit *const *hits,
                       size_t n, const struct lookup_text *how);
/* The same for a result set; -1 when out of memory. */
int lookup_print_results(FILE *f, const struct cli_out *out, const glossa_results *res,
                         const struct lookup_text *how);

/* options.c */
/* The command of this name in a NULL-terminated table (main.c's), or NULL. */
const struct cli_command *cli_find(const struct cli_command *const *table, const char *name);
/* The closest command name within a small edit distance, or NULL. */
const char *cli_suggest_command(const struct cli_command *const *table, const char *name);
/* Parse argv (after the command name) into args: the command's option
** struct in args->opts (from cmd->opts_init, then each option given stored in
** its field), --db and --color in args, the rest in args->positional.
** Returns 0, or EXIT_ERR after printing the problem; sets *help when --help
** was given. cli_args_release frees what it allocated, whatever it returned. */
int cli_parse(const struct cli_command *cmd, int argc, char **argv,
              struct cli_args *args, int *help);
void cli_args_release(struct cli_args *args);
void cli_print_help(const struct cli_command *cmd, FILE *f);
/* The option `name` of cmd, or NULL. */
const struct cli_option *cli_option_find(const struct cli_command *cmd, const char *name);
/* 0 when v is a value option o takes (CLI_INT: the number in *num; CLI_ENUM:
** the index of the value in *num; CLI_RATIO: *ratio); else -1 and, in msg,
** "NAME must be …, not 'V'" (by common.h's value_int, value_ratio, value_enum). */
int cli_option_check(const struct cli_option *o, const char *v, long *num, double *ratio,
                     char *msg, size_t size);

/* out.c */
void out_decide(struct cli_out *out, enum cli_color color);
const char *out_color(const struct cli_out *out, int err_stream, const char *sgr);
void out_error(const struct cli_out *out, const glossa_error *e);
void out_diag(const glossa_error *d, void *userdata); /* glossa_diag_fn; userdata: struct cli_out */
/* out_diag, counting errors and warnings (a command's exit status). */
struct diag_count {
    const struct cli_out *out;
    unsigned errors, warnings;
};
void out_diag_counted(const glossa_error *d, void *userdata); /* userdata: struct diag_count */
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
/* The database path: --db, else $GLOSSA_DB, else the user's data folder,
** $XDG_DATA_HOME/glossa/glossa.db (XDG_DATA_HOME by default ~/.local/share),
** so that an index built in one folder is found from any other; without a
** home, ./glossa.db. *is_default (may be NULL): 1 for the last two. */
const char *out_db_path(struct cli_args *args, int *is_default);
/* "1 concept, 12 terms, 1 definition[, 3 national legal definitions]" of an
** index or validate run, in buf. */
void out_index_counts(char *buf, size_t size, const glossa_index_stats *s);
/* Make the missing folders above the file path (mode 0700); EXIT_ERR after
** a message naming the folder when one cannot be made. */
int out_make_folders(const struct cli_out *out, const char *path);
/* A warning as `FILE:LINE: warning: MSG` (glossa_diag_fn; userdata: struct cli_out). */
void out_warning(const glossa_error *d, void *userdata);
/* 1 when an output path means standard output: none given, or "-". */
int out_is_stdout(const char *path);
/* The documents glossa writes (protocol, note): their --lang and --format
** values, in the order of the options' lists; and binary DOCX refused on a
** terminal (1 after a message). */
extern const char *const out_doc_langs[3];
extern const glossa_doc_format out_doc_formats[5];
int out_doc_refused(const struct cli_out *out, glossa_doc_format format, const char *path);
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
