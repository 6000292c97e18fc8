/*
** fuzz_tei.c — libFuzzer harness for the TEI reader (src/lib/tei.c) and the
** validation behind `glossa validate` / `glossa index` (src/lib/index.c).
**
** Each input is written to a scratch file and read by glossa__tei_read()
** with the schema compiled once (fast: most mutated inputs stop there);
** when the reader accepts it, the whole glossa_validate() runs too (index
** schema, keys, cross-file rules). Properties: no crash, leak or hang; the
** result is valid (0) or a problem in the input (GLOSSA_EINPUT,
** GLOSSA_ESCHEMA), never another code; every diagnostic names the file, has a
** line >= 0 and a one-line, non-empty, valid UTF-8 message (FILE:LINE: error:
** MESSAGE is what users and editors parse); a failure always comes with a
** diagnostic; an entry is handed over only from a file without problems.
*/
#include "fuzz.h"
#include "glossa_int.h"

#include <string.h>
#include <unistd.h>

static char path[4096];
static unsigned long diags;
static struct tei_schema *schema;

static void remove_scratch(void)
{
    if (path[0])
        unlink(path);
    glossa__tei_schema_free(schema);
    schema = NULL;
}

static int setup(void)
{
    static int done;
    const char *tmp = getenv("TMPDIR");
    glossa_error err;
    if (done)
        return 0;
    if (glossa_global_init(&err) || glossa__tei_schema_new(&schema, &err)) {
        fprintf(stderr, "fuzz_tei: %s\n", err.msg);
        abort();
    }
    snprintf(path, sizeof path, "%s/glossa-fuzz-tei-%ld.xml", tmp && *tmp ? tmp : "/tmp",
             (long)getpid());
    atexit(remove_scratch);
    done = 1;
    return 0;
}


static void check_diag(const glossa_error *d)
{
    FUZZ_CHECK(strcmp(d->file, path) == 0, "diagnostic names '%s'", d->file);
    FUZZ_CHECK(d->line >= 0 && d->column >= 0, "line %ld column %ld", d->line, d->column);
    FUZZ_CHECK(d->msg[0] != '\0', "empty message at line %ld", d->line);
    FUZZ_CHECK(strchr(d->msg, '\n') == NULL && strchr(d->msg, '\r') == NULL,
               "message on several lines: '%s'", d->msg);
    FUZZ_CHECK(fuzz_valid_utf8(d->msg), "message is not UTF-8: '%s'", d->msg);
}

static void on_diag(const glossa_error *d, void *userdata)
{
    (void)userdata;
    diags++;
    check_diag(d);
}

static int sink_diag(void *ud, const glossa_error *d)
{
    on_diag(d, ud);
    return 0;
}

static int sink_entry(void *ud, const char *file, const struct tei_entry *e)
{
    size_t i;
    (void)ud;
    FUZZ_CHECK(strcmp(file, path) == 0, "entry from '%s'", file);
    FUZZ_CHECK(diags == 0, "entry '%s' handed over after a problem", e->id);
    FUZZ_CHECK(e->id && e->reliability >= 1 && e->reliability <= 4, "entry without id/reliability");
    for (i = 0; i < e->n_terms; i++)
        FUZZ_CHECK(e->terms[i].text && *e->terms[i].text && e->terms[i].lang &&
                       glossa_lang_is_valid(e->terms[i].lang),
                   "entry '%s': term %zu", e->id, i);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    glossa_index_opts opts = GLOSSA_INDEX_OPTS_INIT;
    glossa_index_stats stats;
    glossa_error err;
    const char *in[1];
    FILE *f;
    int rc;

    setup();
    f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        fprintf(stderr, "fuzz_tei: cannot write %s\n", path);
        abort();
    }
    diags = 0;
    memset(&err, 0, sizeof err);
    {
        struct tei_sink sink = { NULL, sink_entry, sink_diag, NULL };
        rc = glossa__tei_read(schema, path, &sink, &err);
    }
    FUZZ_CHECK(rc == 0 || rc == GLOSSA_EINPUT || rc == GLOSSA_ESCHEMA,
               "glossa__tei_read returned %d (%s): %s", rc, glossa_strerror(rc), err.msg);
    if (rc) {
        FUZZ_CHECK(diags > 0, "rc %d without any diagnostic", rc);
        check_diag(&err);
        return 0;
    }
    FUZZ_CHECK(diags == 0, "read without error, yet %lu diagnostics", diags);

    in[0] = path;
    opts.on_diag = on_diag;
    opts.max_errors = 1000;
    memset(&err, 0, sizeof err);
    rc = glossa_validate(in, 1, &opts, &stats, &err);
    FUZZ_CHECK(rc == 0 || rc == GLOSSA_ESCHEMA,
               "the reader took it, glossa_validate returned %d (%s): %s", rc,
               glossa_strerror(rc), err.msg);
    if (rc == 0) {
        FUZZ_CHECK(diags == 0 && stats.errors == 0, "valid, yet %lu diagnostics", diags);
        FUZZ_CHECK(stats.files == 1, "%lu files", stats.files);
    } else {
        FUZZ_CHECK(diags > 0, "rc %d without any diagnostic", rc);
        check_diag(&err);
    }
    return 0;
}
