/*
** load.c — the one term-base loader: TEI files and folders → validated
** entries, handed one at a time to a sink. `glossa index` (index.c) writes
** them as rows, termbase.c keeps them in memory for diff, protocol,
** proposals and export, and `glossa validate` only checks.
**
** It owns every rule of reading a term base, so that all commands agree on
** what is valid: which files a folder gives (glossa_list_dir), each file
** against the schema (tei.c, through the one XML reader), then the rules
** across files — a concept id is defined once, and a cross-reference names
** a concept of the term base (not checked for part of one: a version being
** diffed, a proposal). It also owns the reporting policy: every problem to
** on_diag up to max_errors, the first in err, progress per file and per
** thousand concepts. It holds only the ids and the pending cross-references,
** so memory stays small however large the input.
*/
#include "termbase_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Where an entry id was first defined, and what the entry is. */
struct first_place {
    size_t file;
    long line;
    enum tei_kind kind;
};

/* A cross-reference to check once every file is read. */
struct pending_xref {
    long concept, target;   /* ids in ids / targets */
    enum tei_kind kind;     /* of the entry it is in */
    size_t file;
    long line;
};

struct load_run {
    const struct tb_read_opts *o;
    const glossa_index_opts *opts;
    struct tb_files *files;
    glossa_index_stats stats;
    glossa_error *err;              /* the first problem */
    unsigned long problems;
    unsigned long long bytes_done, bytes_total;
    size_t file;                    /* the file being read */
    int sink_failed;                /* the sink stopped the read (and filled err) */
    struct glossa_strmap ids, targets;
    struct first_place *first;      /* by concept id */
    size_t cap_first;
    struct pending_xref *xrefs;
    size_t n_xrefs, cap_xrefs;
};

/* ---- the files --------------------------------------------------------------------- */

void glossa__tb_files_free(struct tb_files *f)
{
    size_t i;
    if (!f)
        return;
    for (i = 0; i < f->n; i++)
        glossa__free(f->items[i]);
    glossa__free(f->items);
    memset(f, 0, sizeof *f);
}

/* Takes owned (freed on failure). */
static int files_add(struct tb_files *p, char *owned)
{
    if (!owned || glossa__grow((void **)&p->items, &p->cap, p->n, sizeof *p->items)) {
        glossa__free(owned);
        return GLOSSA_ENOMEM;
    }
    p->items[p->n++] = owned;
    return 0;
}

/* A directory contributes its *.xml files (not subdirectories), sorted
** (glossa_list_dir: an unreadable one is an error naming it). */
static int expand_inputs(const char *const *inputs, size_t n, struct tb_files *out,
                         glossa_error *err)
{
    size_t i;
    for (i = 0; i < n; i++) {
        struct stat sb;
        if (stat(inputs[i], &sb) != 0)
            return glossa__error_set(err, errno == ENOENT ? GLOSSA_ENOTFOUND : GLOSSA_EIO,
                                     inputs[i], 0, 0, "cannot read: %s", strerror(errno));
        if (S_ISDIR(sb.st_mode)) {
            char **files;
            size_t n_files, k;
            int rc = glossa_list_dir(inputs[i], ".xml", &files, &n_files, err);
            if (rc)
                return rc;
            if (n_files == 0)
                return glossa__error_set(err, GLOSSA_ENOTFOUND, inputs[i], 0, 0,
                                         "no *.xml files in this directory");
            for (k = 0; k < n_files; k++)
                if (files_add(out, files[k])) { /* it freed files[k] */
                    while (++k < n_files)
                        glossa__free(files[k]);
                    glossa__free(files);
                    return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
                }
            glossa__free(files); /* the paths are out's now */
        } else if (files_add(out, glossa__strdup(inputs[i]))) {
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    if (out->n == 0)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no input files");
    return 0;
}

/* ---- problems -------------------------------------------------------------------- */

static int on_diag(void *ud, const glossa_error *d)
{
    struct load_run *run = ud;
    unsigned max = run->opts && run->opts->max_errors ? run->opts->max_errors : 50;

    if (run->problems++ == 0 && run->err)
        *run->err = *d;
    run->stats.errors = run->problems;
    if (run->opts && run->opts->on_diag && run->problems <= max)
        run->opts->on_diag(d, run->opts->userdata);
    return run->problems >= max;
}

static void problem(struct load_run *run, const char *file, long line,
                    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void problem(struct load_run *run, const char *file, long line,
                    const char *fmt, ...)
{
    glossa_error d;
    va_list ap;
    va_start(ap, fmt);
    glossa__error_vset(&d, GLOSSA_ESCHEMA, file, line, 0, fmt, ap);
    va_end(ap);
    on_diag(run, &d);
}

/* ---- the rules across files ---------------------------------------------------------- */

/* 1 when e's id is new (and then remembered with its place), 0 when it was
** defined before (reported), -1 on OOM. */
static int first_definition(struct load_run *run, const char *file, const struct tei_entry *e)
{
    int added = 0;
    long id = glossa__strmap_intern(&run->ids, e->id, strlen(e->id), &added);
    if (id < 0 || glossa__grow((void **)&run->first, &run->cap_first, (size_t)id, sizeof *run->first))
        return -1;
    if (!added) {
        const struct first_place *f = &run->first[id];
        problem(run, file, e->line, "duplicate %s xml:id '%s' (first defined at %s:%lld)",
                e->kind == TEI_CONCEPT ? "concept" : "entry", e->id,
                run->files->items[f->file], (long long)f->line);
        return 0;
    }
    run->first[id].kind = e->kind;
    run->first[id].file = run->file;
    run->first[id].line = e->line;
    return 1;
}

static int remember_xrefs(struct load_run *run, const struct tei_entry *e)
{
    long concept = glossa__strmap_find(&run->ids, e->id, strlen(e->id));
    size_t i;
    for (i = 0; i < e->n_xrefs; i++) {
        struct pending_xref *x;
        long target = glossa__strmap_intern(&run->targets, e->xrefs[i].target,
                                            strlen(e->xrefs[i].target), NULL);
        if (target < 0 ||
            glossa__grow((void **)&run->xrefs, &run->cap_xrefs, run->n_xrefs, sizeof *run->xrefs))
            return GLOSSA_ENOMEM;
        x = &run->xrefs[run->n_xrefs++];
        x->concept = concept;
        x->kind = e->kind;
        x->target = target;
        x->file = run->file;
        x->line = e->xrefs[i].line;
    }
    return 0;
}

/* Once everything is in: every cross-reference of a concept names a concept
** read; a legal definition's names a concept or a notion. */
static void check_references(struct load_run *run)
{
    size_t i;
    for (i = 0; i < run->n_xrefs; i++) {
        const struct pending_xref *x = &run->xrefs[i];
        size_t n, n_id;
        const char *target = glossa__strmap_key(&run->targets, x->target, &n);
        long t = glossa__strmap_find(&run->ids, target, n);
        const char *id = glossa__strmap_key(&run->ids, x->concept, &n_id);
        int kind = t < 0 ? -1 : (int)run->first[t].kind;
        if (x->kind == TEI_LEGAL) {
            if (kind != TEI_CONCEPT && kind != TEI_NOTION)
                problem(run, run->files->items[x->file], x->line,
                        "entry '%.*s': relates to '#%.*s', which is %s (a legal definition "
                        "relates to a concept, or to a notion of glossary/national/notions.xml)",
                        (int)n_id, id, (int)n, target,
                        kind >= 0 ? "another legal definition" : "no concept or notion read");
        } else if (kind != TEI_CONCEPT) {
            problem(run, run->files->items[x->file], x->line,
                    "entry '%.*s': cross-reference to %s '#%.*s'", (int)n_id, id,
                    kind >= 0 ? "an entry that is not a concept" : "unknown concept", (int)n,
                    target);
        }
    }
}

/* ---- reading ------------------------------------------------------------------------- */

static int on_bibl(void *ud, const char *file, const struct tei_bibl *b)
{
    struct load_run *run = ud;
    int rc = run->o->sink && run->o->sink->bibl ? run->o->sink->bibl(run->o->sink->ud, file, b)
                                                : 0;
    if (rc)
        run->sink_failed = 1;
    return rc;
}

static int on_entry(void *ud, const char *file, const struct tei_entry *e)
{
    struct load_run *run = ud;
    int rc = first_definition(run, file, e);

    if (rc <= 0)
        return rc < 0 ? GLOSSA_ENOMEM : 0;
    if (!run->o->partial && remember_xrefs(run, e))
        return GLOSSA_ENOMEM;
    if (run->o->sink && run->o->sink->entry &&
        (rc = run->o->sink->entry(run->o->sink->ud, file, e))) {
        run->sink_failed = 1;
        return rc;
    }
    if (e->kind == TEI_LEGAL) {
        run->stats.legal_definitions++;
    } else if (e->kind == TEI_CONCEPT) {
        run->stats.concepts++;
        run->stats.terms += e->n_terms;
        run->stats.definitions += e->n_defs;
    }
    if (run->opts && run->opts->on_progress && e->kind == TEI_CONCEPT &&
        run->stats.concepts % 1000 == 0)
        run->opts->on_progress(&run->stats, run->bytes_done, run->bytes_total,
                               run->opts->userdata);
    return 0;
}

static unsigned long long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (unsigned long long)sb.st_size : 0;
}

static int read_all(struct load_run *run)
{
    struct tei_sink sink = { on_bibl, on_entry, on_diag, run };
    struct tei_schema *schema = NULL;
    glossa_error file_err;
    int rc;

    if ((rc = glossa__tei_schema_new(&schema, run->err)))
        return rc;
    for (run->file = 0; run->file < run->files->n; run->file++)
        run->bytes_total += file_size(run->files->items[run->file]);
    for (run->file = 0; run->file < run->files->n; run->file++) {
        const char *path = run->files->items[run->file];
        rc = glossa__tei_read(schema, path, &sink, &file_err);
        run->stats.files++;
        run->bytes_done += file_size(path);
        if (rc == GLOSSA_EINPUT || rc == GLOSSA_ESCHEMA)
            continue; /* already reported through on_diag */
        if (rc) {
            if (!run->sink_failed && run->err)
                *run->err = file_err;
            break;
        }
        if (run->opts && run->opts->on_progress)
            run->opts->on_progress(&run->stats, run->bytes_done, run->bytes_total,
                                   run->opts->userdata);
    }
    glossa__tei_schema_free(schema);
    if (rc && rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA)
        return rc;
    if (run->problems == 0 && !run->o->partial)
        check_references(run);
    if (run->problems)
        return run->err ? run->err->code : GLOSSA_ESCHEMA;
    return 0;
}

int glossa__tb_read(const char *const *inputs, size_t n_inputs, const struct tb_read_opts *o,
                    struct tb_files *files, glossa_index_stats *stats, glossa_error *err)
{
    struct tb_files own = { NULL, 0, 0 };
    struct load_run run;
    int rc;

    if (GLOSSA__OPTS_CHECK(o->opts, GLOSSA_INDEX_OPTS_VERSION, "glossa_index_opts", err))
        return GLOSSA_EINPUT;
    memset(&run, 0, sizeof run);
    run.o = o;
    run.opts = o->opts;
    run.err = err;
    run.files = files ? files : &own;
    glossa__strmap_init(&run.ids);
    glossa__strmap_init(&run.targets);
    rc = expand_inputs(inputs, n_inputs, run.files, err);
    if (!rc)
        rc = read_all(&run);
    if (rc == GLOSSA_ENOMEM)
        rc = glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    if (stats)
        *stats = run.stats;
    glossa__strmap_release(&run.ids);
    glossa__strmap_release(&run.targets);
    glossa__free(run.first);
    glossa__free(run.xrefs);
    glossa__tb_files_free(&own);
    return rc;
}

int glossa_validate(const char *const *inputs, size_t n_inputs,
                    const glossa_index_opts *opts, glossa_index_stats *stats,
                    glossa_error *err)
{
    struct tb_read_opts o = { opts, 0, NULL };
    return glossa__tb_read(inputs, n_inputs, &o, NULL, stats, err);
}
