/*
** cmd_index.c — `glossa index`: validate TEI term-base files and build the
** lookup database, replacing the previous one atomically.
*/
#include "cmd.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

struct index_args {
    int quiet, check, force;
    long max_errors; /* 0: the library's default */
};

static const struct cli_option options[] = {
    CLI_OPT_DB("database to build (default $GLOSSA_DB, else ~/.local/share/glossa/glossa.db)"),
    CLI_OPT_QUIET(index_args, "print nothing but errors"),
    CLI_OPT_INT(index_args, max_errors, "max-errors", 0, "N", "stop reporting after N problems (default 50)", 1, 100000),
    CLI_OPT_FLAG(index_args, check, "check", 0, "check the database instead of building it (schema, values, integrity)"),
    CLI_OPT_FLAG(index_args, force, "force", 0, "replace the file at PATH even if it is not a glossa index"),
};

/* --check: the thorough integrity check of an existing database. */
static int check_db(const struct cli_args *args, const char *db, int quiet)
{
    char counts[128];
    glossa_error err;
    if (args->n_positional > 0) {
        out_message(&args->out, "--check takes no input files");
        return EXIT_ERR;
    }
    if (glossa_db_check(db, counts, sizeof counts, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    if (!quiet)
        out_printf(stdout, "%s: ok (%s)\n", db, counts);
    return EXIT_OK_;
}

struct progress_state {
    const struct cli_out *out;
    struct timespec start;
};

static double elapsed(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static void on_progress(const glossa_index_stats *s, unsigned long long done,
                        unsigned long long total, void *ud)
{
    struct progress_state *p = ud;
    double t = elapsed(&p->start);
    fprintf(stderr, "\r\033[Kindexing: %lu concepts, %lu terms, %3.0f%%, %.1f s, %.0f terms/s",
            s->concepts, s->terms, total ? 100.0 * (double)done / (double)total : 0.0, t,
            t > 0 ? (double)s->terms / t : 0.0);
}

static void on_diag(const glossa_error *d, void *ud)
{
    struct progress_state *p = ud;
    if (p->out->progress)
        fputs("\r\033[K", stderr);
    out_diag(d, (void *)p->out);
}

static int run_index(const struct cli_command *self, struct cli_args *args)
{
    glossa_index_opts opts = GLOSSA_INDEX_OPTS_INIT;
    glossa_index_stats stats = { 0, 0, 0, 0, 0, 0 };
    struct progress_state progress = { &args->out, { 0, 0 } };
    const struct index_args *a = args->opts;
    int in_data_home;
    const char *db = out_db_path(args, &in_data_home);
    int quiet = a->quiet;
    struct default_inputs fallback;
    const char *const *inputs = args->positional;
    size_t n_inputs = (size_t)args->n_positional;
    glossa_error err;
    char counts[160];
    int rc;

    (void)self;
    if (a->check)
        return check_db(args, db, quiet);
    /* the user's data folder is made as the XDG rules say (0700); a folder
    ** of --db or $GLOSSA_DB must be there already */
    if (in_data_home && out_make_folders(&args->out, db))
        return EXIT_ERR;
    if (n_inputs == 0) {
        out_default_inputs(&fallback);
        inputs = fallback.in;
        n_inputs = fallback.n;
    }
    if (a->max_errors)
        opts.max_errors = (unsigned)a->max_errors;
    clock_gettime(CLOCK_MONOTONIC, &progress.start);
    opts.force = a->force;
    opts.on_diag = on_diag;
    opts.userdata = &progress;
    if (args->out.progress && !quiet)
        opts.on_progress = on_progress;
    rc = glossa_index(db, inputs, n_inputs, &opts, &stats, &err);
    if (opts.on_progress)
        fputs("\r\033[K", stderr);
    if (rc) {
        if (stats.errors == 0)
            out_error(&args->out, &err);
        if (stats.errors > 0)
            out_printf(stderr, "glossa: %lu problem%s found; '%s' was not changed\n", stats.errors,
                    stats.errors == 1 ? "" : "s", db);
        else
            out_printf(stderr, "glossa: '%s' was not changed\n", db);
        return EXIT_ERR;
    }
    out_index_counts(counts, sizeof counts, &stats);
    if (!quiet)
        out_printf(stdout, "indexed %s from %lu file%s into %s (%.2f s)\n", counts, stats.files,
                   stats.files == 1 ? "" : "s", db, elapsed(&progress.start));
    return EXIT_OK_;
}

const struct cli_command cmd_index_spec = {
    "index", run_index, "validate TEI term-base files and build the lookup database",
    "index [--db PATH] [--force] [--quiet] [--max-errors N] [FILE|DIR ...]\n       glossa index --check [--db PATH]",
    options, sizeof options / sizeof options[0],
    "Read the TEI term base (default: the bundled glossary/), validate it against\n"
    "the glossa schema, and build the SQLite database that 'glossa lookup' uses.\n"
    "A directory contributes its *.xml files (not subdirectories), in name order.\n"
    "\n"
    "The new database is built beside PATH and moved into place only when it is\n"
    "complete and verified: after any error, or if the run is killed, the previous\n"
    "database is left exactly as it was. A symbolic link at PATH is kept and the\n"
    "file it points to replaced. A file at PATH that is not a glossa index (nor an\n"
    "empty file, nor a damaged index) is never replaced unless --force is given.\n"
    "Two runs on the same database exclude each other: the second exits 2 at once\n"
    "(another 'glossa index' is running). Problems are reported as FILE:LINE: error:\n"
    "MESSAGE and the exit status is 2. Untrusted XML is safe to index: no DOCTYPE,\n"
    "external entity, network access or XInclude is ever followed; text with control\n"
    "or bidirectional-control characters (in terms also invisible ones), terms over\n"
    "4096 bytes and elements with over 256 attributes are refused. With\n"
    "SOURCE_DATE_EPOCH set (seconds since 1970, UTC) the build time recorded is that\n"
    "time, not the clock's: the same inputs give the same file, byte for byte.\n"
    "\n"
    "With --check nothing is built: the database is read whole and checked: its\n"
    "schema is exactly glossa's (no view, trigger or extra object), SQLite's\n"
    "integrity check, every value glossa reads is of the type, range and form glossa\n"
    "writes (no NULL where text is, reliability 1-4, UTF-8, dates), rows point at\n"
    "concepts that are there, the counts recorded when it was built, the FTS5 checks.\n"
    "Every command checks the schema and each value it reads too: a database given\n"
    "with --db may be hostile. Exit status 0 when it is sound, 2 when it is missing,\n"
    "damaged or not a glossa index (DB: error: damaged index: WHAT (rebuild it with\n"
    "'glossa index')).",
    "  glossa index                          # the bundled glossary into ~/.local/share/glossa/glossa.db\n"
    "  glossa index --db /tmp/t.db glossary/annex1.xml\n"
    "  GLOSSA_DB=~/glossa.db glossa index glossary/\n"
    "  glossa index --check --db /tmp/t.db\n"
    "  SOURCE_DATE_EPOCH=1765000000 glossa index --db /tmp/t.db   # reproducible\n",
    CLI_PLAIN,
    CLI_OPTS(struct index_args, NULL),
};
