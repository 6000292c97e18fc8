/*
** cmd_import.c — `glossa import`: a TBX file (TBX 2019 or 2008, as other
** tools write it) into one TEI file in glossa's encoding. The TEI is checked
** with `glossa validate`'s rules before it replaces anything.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct import_args {
    const char *output, *lang_map, *id_prefix, *schema;
    int quiet, strict;
};

static const struct cli_option options[] = {
    CLI_OPT_OUTPUT(import_args, "the TEI "),
    CLI_OPT_LIST(import_args, lang_map, "lang-map", 0, "FROM=TO,...", "read TBX language codes as member languages (e.g. xx=ru,zh-CN=zh)"),
    CLI_OPT_TEXT(import_args, id_prefix, "id-prefix", 0, "PREFIX", "put PREFIX before every concept id (e.g. partner-)"),
    CLI_OPT_FLAG(import_args, strict, "strict", 0, "whatever would be left out, changed or assumed is an error: nothing imported"),
    CLI_OPT_TEXT(import_args, schema, "schema", 0, "RNG", "check the file against this RELAX NG schema first (e.g. TBX's TBXcoreStructV03.rng)"),
    CLI_OPT_QUIET(import_args, "print no warnings and no summary"),
};

#define S(n) ((n) == 1 ? "" : "s")

/* The callbacks' userdata: where messages go, and the progress line drawn on
** a terminal (stderr) between them: what is done, how fast. */
struct import_progress {
    const struct cli_out *out;
    const char *what;          /* "importing", "checking" */
    struct timespec start;
    int drawn;
};

static double elapsed(const struct import_progress *p)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - p->start.tv_sec) +
           (double)(now.tv_nsec - p->start.tv_nsec) / 1e9;
}

static void on_progress(const glossa_index_stats *s, unsigned long long done,
                        unsigned long long total, void *ud)
{
    struct import_progress *p = ud;
    double t = elapsed(p);
    out_printf(stderr, "\r\033[K%s: %lu concepts, %lu terms, %3.0f%%, %.1f s, %.0f terms/s",
            p->what, s->concepts, s->terms,
            total ? 100.0 * (double)done / (double)total : 0.0, t,
            t > 0 ? (double)s->terms / t : 0.0);
    p->drawn = 1;
}

static void clear_progress(struct import_progress *p)
{
    if (p->drawn)
        fputs("\r\033[K", stderr);
    p->drawn = 0;
}

static void warning(const glossa_error *d, void *userdata)
{
    struct import_progress *p = userdata;
    clear_progress(p);
    out_warning(d, (void *)p->out);
}

static void diag(const glossa_error *d, void *userdata)
{
    struct import_progress *p = userdata;
    clear_progress(p);
    out_diag(d, (void *)p->out);
}

/* The importer's reports: code 0 a warning, any other an error. */
static void said(const glossa_error *d, void *userdata)
{
    (d->code == GLOSSA_OK ? warning : diag)(d, userdata);
}

static void errors_only(const glossa_error *d, void *userdata)
{
    if (d->code != GLOSSA_OK)
        diag(d, userdata);
}

/* Copy a file to standard output. */
/* Copy the file at path to standard output, or (to not NULL) to that pipe or
** device; 0, or -1 when it cannot be read or (for to) written. */
static int cat(const char *path, const char *to)
{
    char buf[65536];
    size_t n;
    int rc = 0;
    FILE *f = fopen(path, "rb"), *o = to ? fopen(to, "wb") : stdout;
    if (!f || !o) {
        if (f)
            fclose(f);
        if (o && o != stdout)
            fclose(o);
        return -1;
    }
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        if (fwrite(buf, 1, n, o) != n)
            rc = -1;
    if (ferror(f))
        rc = -1;
    fclose(f);
    if (o != stdout && fclose(o) != 0)
        rc = -1;
    return rc;
}

static int run_import(const struct cli_command *self, struct cli_args *args)
{
    glossa_import_opts opts = GLOSSA_IMPORT_OPTS_INIT;
    glossa_index_opts vopts = GLOSSA_INDEX_OPTS_INIT;
    glossa_exchange_stats stats;
    const struct import_args *a = args->opts;
    const char *output = a->output;
    int quiet = a->quiet;
    char scratch[2048];
    const char *target, *tmp_list[1];
    glossa_outfile *file = NULL;
    char *data = NULL;
    size_t len = 0;
    glossa_error err;
    int rc;
    struct import_progress progress = { NULL, "importing", { 0, 0 }, 0 };
    unsigned long left_out;

    if (args->n_positional != 1) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    opts.lang_map = a->lang_map;
    opts.id_prefix = a->id_prefix;
    opts.strict = a->strict;
    opts.schema = a->schema;
    /* what was left out or assumed: a warning (none with --quiet); an error
    ** (--strict, a violation of --schema): said whatever --quiet says */
    opts.on_warning = quiet ? errors_only : said;
    progress.out = &args->out;
    opts.userdata = &progress;
    clock_gettime(CLOCK_MONOTONIC, &progress.start);
    progress.what = "importing";
    if (args->out.progress && !quiet)
        opts.on_progress = on_progress;
    rc = glossa_import_tbx(args->positional[0], &opts, &data, &len, &stats, &err);
    clear_progress(&progress);
    if (rc) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    /* the TEI is validated as a file before it replaces anything */
    if (!out_is_stdout(output) && !out_is_stream(output)) {
        target = output;
    } else {
        snprintf(scratch, sizeof scratch, "%s/glossa-import-%ld.xml",
                 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
                 (long)getpid());
        target = scratch;
    }
    rc = glossa_outfile_open(&file, target, &err);
    if (!rc)
        rc = glossa_outfile_write(file, data, len, &err);
    glossa_free(data);
    if (rc) {
        out_error(&args->out, &err);
        glossa_outfile_abort(file);
        return EXIT_ERR;
    }
    vopts.on_diag = diag;
    vopts.userdata = &progress;
    progress.what = "checking";
    if (opts.on_progress)
        vopts.on_progress = on_progress;
    tmp_list[0] = glossa_outfile_temp(file);
    rc = glossa_validate(tmp_list, 1, &vopts, NULL, &err);
    clear_progress(&progress);
    if (rc) {
        out_printf(stderr, "glossa: error: the TEI written from '%s' does not validate (a bug in "
                        "glossa import); nothing was written\n", args->positional[0]);
        glossa_outfile_abort(file);
        return EXIT_ERR;
    }
    if (target == output) {
        if (glossa_outfile_commit(file, &err)) {
            out_error(&args->out, &err);
            return EXIT_ERR;
        }
    } else {
        rc = cat(glossa_outfile_temp(file), out_is_stdout(output) ? NULL : output);
        if (rc)
            out_message(&args->out, "cannot copy '%s' to %s", glossa_outfile_temp(file),
                        out_is_stdout(output) ? "standard output" : output);
        glossa_outfile_abort(file);
        if (rc)
            return EXIT_ERR;
    }
    left_out = stats.skipped_concepts + stats.skipped_terms + stats.dropped;
    if (!quiet)
        out_printf(target == output ? stdout : stderr,
                "imported %lu concept%s, %lu term%s, %lu definition%s from %s%s%s; left out: "
                "%lu concept%s, %lu term%s, %lu other item%s\n",
                stats.concepts, S(stats.concepts), stats.terms, S(stats.terms),
                stats.definitions, S(stats.definitions), args->positional[0],
                target == output ? " into " : "", target == output ? output : "", stats.skipped_concepts,
                S(stats.skipped_concepts), stats.skipped_terms, S(stats.skipped_terms),
                stats.dropped, S(stats.dropped));
    return left_out ? EXIT_NONE : EXIT_OK_;
}

const struct cli_command cmd_import_spec = {
    "import", run_import, "read a TBX file (2019 or 2008) into a TEI file of the term base",
    "import [--lang-map FROM=TO,...] [--id-prefix PREFIX] [--strict] [--schema RNG]\n"
    "                     [-o FILE] [--quiet] FILE.tbx",
    options, sizeof options / sizeof options[0],
    "Read TBX as other tools write it — TBX 2019 (conceptEntry/langSec/termSec,\n"
    "DCA or DCT style) or TBX 2008 (martif/termEntry/langSet with tig or ntig) —\n"
    "and write one TEI file in glossa's encoding, checked as by 'glossa validate'\n"
    "before it replaces FILE.\n"
    "\n"
    "Kept: terms with their status (administrativeStatus, normativeAuthorization\n"
    "or usageStatus), termType and geographicalUsage; definitions and contexts\n"
    "with their sources; notes; cross-references between concepts; and what\n"
    "'glossa export' wrote in [glossa] notes (concept status, reliability,\n"
    "working translations). Language tags keep their script (uz-Latn, uz-Cyrl;\n"
    "a bare uz gets its script from the text).\n"
    "\n"
    "Left out, each with a warning: languages outside the member set (per\n"
    "language, counted; --lang-map reads a code as a member language), concepts\n"
    "with no term in a member language or none but deprecated ones, data\n"
    "categories glossa has no place for (counted per category). A term base with\n"
    "no Russian comes in as it is: the TEI says <TEI type=\"termbase\">, where a\n"
    "preferred term in any language will do. Terms without a\n"
    "status: the first of each language is taken as preferred. Imported concepts\n"
    "have status proposed and reliability 1 (not verified) unless the file says\n"
    "otherwise in a [glossa] note.\n"
    "\n"
    "--schema RNG checks the file against a RELAX NG schema first (one file, e.g.\n"
    "TBX's core structure TBXcoreStructV03.rng): each violation at its line,\n"
    "then exit 2 and nothing written. --strict makes every warning an error:\n"
    "whatever would be left out, changed or assumed stops the import.\n"
    "\n"
    "On a terminal a progress line is drawn on stderr while the file is read and\n"
    "the result checked (concepts, terms, share done, seconds, terms/s); --quiet\n"
    "draws none, and nothing is drawn when stderr is not a terminal.\n"
    "\n"
    "A DOCTYPE that names a DTD is accepted and never read; one with an internal\n"
    "subset is refused, and so is text with control or bidirectional-control\n"
    "characters (the rules of 'glossa index'). Exit status: 0 everything imported; 1 written, but\n"
    "something was left out; 2 error (nothing written).",
    "  glossa import partner.tbx -o glossary/partner.xml\n"
    "  glossa import --lang-map xx=ru csv2tbx-output.tbx -o /tmp/terms.xml\n"
    "  glossa import --id-prefix cis- cis-terms.tbx -o /tmp/cis.xml\n",
    CLI_PLAIN,
    CLI_OPTS(struct import_args, NULL),
};
