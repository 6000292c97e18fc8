/*
** fuzz_tbx.c — libFuzzer harness for the TBX importer (src/lib/import_tbx.c,
** import_concept.c, import_values.c) and, through it, the TEI writer.
**
** Each input is written to a scratch file and imported with
** glossa_import_tbx(). Properties: no crash, leak or hang; the result is a
** TEI file (0) or a problem in the input (GLOSSA_EINPUT), never another
** code; every warning and error names the file and is one line of UTF-8;
** and what the importer writes is valid in glossa's encoding: read back by
** the TEI reader (schema and rules) it gives no diagnostic at all.
*/
#include "fuzz.h"
#include "glossa_int.h"

#include <string.h>
#include <unistd.h>

static char path[4096], tei_path[4200];
static struct tei_schema *schema;

static void teardown(void)
{
    if (path[0])
        unlink(path);
    if (tei_path[0])
        unlink(tei_path);
    glossa__tei_schema_free(schema);
    schema = NULL;
}

static void setup(void)
{
    const char *tmp = getenv("TMPDIR");
    glossa_error err;
    if (schema)
        return;
    if (glossa_global_init(&err) || glossa__tei_schema_new(&schema, &err)) {
        fprintf(stderr, "fuzz_tbx: set-up failed: %s\n", err.msg);
        abort();
    }
    snprintf(path, sizeof path, "%s/glossa-fuzz-tbx-%ld.tbx", tmp && *tmp ? tmp : "/tmp",
             (long)getpid());
    snprintf(tei_path, sizeof tei_path, "%s.xml", path);
    atexit(teardown);
}


static void check_message(const glossa_error *d, const char *file)
{
    FUZZ_CHECK(d->msg[0], "empty message");
    FUZZ_CHECK(!strchr(d->msg, '\n') && !strchr(d->msg, '\r'), "message on several lines: '%s'",
               d->msg);
    FUZZ_CHECK(fuzz_valid_utf8(d->msg), "message is not UTF-8: '%s'", d->msg);
    FUZZ_CHECK(d->file[0] == '\0' || strcmp(d->file, file) == 0, "message names '%s'", d->file);
    FUZZ_CHECK(d->line >= 0, "line %ld", d->line);
}

static void on_warning(const glossa_error *d, void *ud)
{
    (void)ud;
    check_message(d, path);
}

static int tei_diag(void *ud, const glossa_error *d)
{
    (void)ud;
    FUZZ_CHECK(0, "the imported TEI is not valid: line %ld: %s", d->line, d->msg);
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    glossa_import_opts opts = GLOSSA_IMPORT_OPTS_INIT;
    glossa_exchange_stats stats;
    struct tei_sink sink = { NULL, NULL, tei_diag, NULL };
    glossa_error err;
    char *out = NULL;
    size_t out_len = 0;
    FILE *f;
    int rc;

    setup();
    f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        abort();
    opts.on_warning = on_warning;
    memset(&err, 0, sizeof err);
    rc = glossa_import_tbx(path, &opts, &out, &out_len, &stats, &err);
    FUZZ_CHECK(rc == 0 || rc == GLOSSA_EINPUT, "import returned %d (%s): %s", rc,
               glossa_strerror(rc), err.msg);
    if (rc) {
        check_message(&err, path);
        return 0;
    }
    FUZZ_CHECK(out && out_len > 0 && strlen(out) == out_len, "output of %zu bytes", out_len);
    f = fopen(tei_path, "wb");
    if (!f || fwrite(out, 1, out_len, f) != out_len || fclose(f) != 0)
        abort();
    glossa_free(out);
    memset(&err, 0, sizeof err);
    rc = glossa__tei_read(schema, tei_path, &sink, &err);
    FUZZ_CHECK(rc == 0, "the imported TEI does not read back: %d: %s", rc, err.msg);
    return 0;
}
