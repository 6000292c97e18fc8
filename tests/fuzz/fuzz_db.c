/*
** fuzz_db.c — libFuzzer harness for opening and reading a database given with
** --db (src/lib/store.c, src/lib/lookup.c): the input is a database image
** (the seeds: small real indexes of tests/data/good/mini.xml with 512-byte
** pages, and crafted ones), written to a scratch file, opened with
** glossa_db_open(), looked up (exact, prefix, fuzzy, in definitions), shown
** (glossa_concept) and checked (glossa_db_check, as `glossa index --check`).
**
** Properties: no crash, leak or hang (the step budget bounds the work); every
** failure is one of the codes a damaged file may give (GLOSSA_ECORRUPT,
** GLOSSA_EINPUT for what is not a file, GLOSSA_ENOTFOUND for a concept that is
** not there, GLOSSA_EIO), with a one-line, valid UTF-8 message naming the
** file; an index that --check passes opens; every hit has an id, a status
** glossa writes, a reliability of 1-4 and terms with a language and a text.
*/
#include "fuzz.h"
#include "glossa.h"

#include <string.h>
#include <unistd.h>

static char dir[4096], path[4200], journal[4300];

static void remove_scratch(void)
{
    if (path[0])
        unlink(path);
    if (journal[0])
        unlink(journal);
    if (dir[0])
        rmdir(dir);
}

static void setup(void)
{
    static int done;
    const char *tmp = getenv("TMPDIR");
    glossa_error err;
    if (done)
        return;
    if (glossa_global_init(&err)) {
        fprintf(stderr, "fuzz_db: %s\n", err.msg);
        abort();
    }
    snprintf(dir, sizeof dir, "%s/glossa-fuzz-db.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "fuzz_db: cannot create a directory under %s\n", tmp ? tmp : "/tmp");
        abort();
    }
    snprintf(path, sizeof path, "%s/fuzz.db", dir);
    snprintf(journal, sizeof journal, "%s-journal", path);
    atexit(remove_scratch);
    done = 1;
}

static void check_error(int rc, const glossa_error *err, const char *what)
{
    FUZZ_CHECK(rc == GLOSSA_ECORRUPT || rc == GLOSSA_EINPUT || rc == GLOSSA_EIO ||
                   rc == GLOSSA_ENOTFOUND,
               "%s returned %d (%s): %s", what, rc, glossa_strerror(rc), err->msg);
    FUZZ_CHECK(err->msg[0] && !strchr(err->msg, '\n'), "%s: message '%s'", what, err->msg);
    FUZZ_CHECK(fuzz_valid_utf8(err->msg), "%s: message is not UTF-8", what);
    FUZZ_CHECK(rc == GLOSSA_ENOTFOUND || strcmp(err->file, path) == 0,
               "%s: the error names '%s'", what, err->file);
}

static int is_one_of(const char *s, const char *const *values)
{
    for (; s && *values; values++)
        if (strcmp(s, *values) == 0)
            return 1;
    return 0;
}

static void check_results(const glossa_results *res, const char *what)
{
    static const char *const concept_statuses[] = { "in-force", "proposed", "withdrawn", NULL };
    static const char *const term_statuses[] = { "preferred", "admitted", "deprecated", NULL };
    size_t i, j;
    for (i = 0; i < glossa_results_count(res); i++) {
        const glossa_hit *h = glossa_results_get(res, i);
        FUZZ_CHECK(h->id && fuzz_valid_utf8(h->id), "%s: hit %zu has no id", what, i);
        FUZZ_CHECK(is_one_of(h->status, concept_statuses), "%s: hit %zu status", what, i);
        FUZZ_CHECK(h->reliability >= 1 && h->reliability <= 4, "%s: reliability %d", what,
                   h->reliability);
        for (j = 0; j < h->n_terms; j++)
            FUZZ_CHECK(h->terms[j].lang && h->terms[j].text && fuzz_valid_utf8(h->terms[j].text) &&
                           is_one_of(h->terms[j].status, term_statuses),
                       "%s: hit %zu term %zu", what, i, j);
        for (j = 0; j < h->n_definitions; j++)
            FUZZ_CHECK(h->definitions[j].lang && h->definitions[j].text &&
                           fuzz_valid_utf8(h->definitions[j].text),
                       "%s: hit %zu definition %zu", what, i, j);
        for (j = 0; j < h->n_notes; j++)
            FUZZ_CHECK(h->notes[j].text && fuzz_valid_utf8(h->notes[j].text),
                       "%s: hit %zu note %zu", what, i, j);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct { const char *q; glossa_mode mode; int defs; } lookups[] = {
        { "information security", GLOSSA_MODE_AUTO, 0 },
        { "informat", GLOSSA_MODE_PREFIX, 0 },
        { "infromation securty", GLOSSA_MODE_FUZZY, 0 },
        { "security", GLOSSA_MODE_AUTO, 1 },
    };
    glossa_db *db = NULL;
    glossa_error err;
    char counts[128];
    size_t i;
    FILE *f;
    int rc, opened;

    setup();
    unlink(journal);
    f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        fprintf(stderr, "fuzz_db: cannot write %s\n", path);
        abort();
    }
    memset(&err, 0, sizeof err);
    rc = glossa_db_open(&db, path, &err);
    opened = rc == 0;
    if (rc)
        check_error(rc, &err, "open");
    for (i = 0; opened && i < sizeof lookups / sizeof lookups[0]; i++) {
        glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
        glossa_results *res = NULL;
        o.mode = lookups[i].mode;
        o.in_definitions = lookups[i].defs;
        rc = glossa_lookup(db, lookups[i].q, &o, &res, &err);
        if (rc)
            check_error(rc, &err, lookups[i].q);
        else
            check_results(res, lookups[i].q);
        glossa_results_free(res);
    }
    if (opened) {
        glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
        glossa_results *res = NULL;
        o.history = 1;
        rc = glossa_concept(db, "information-security", &o, &res, &err);
        if (rc)
            check_error(rc, &err, "concept");
        else
            check_results(res, "concept");
        glossa_results_free(res);
    }
    glossa_db_close(db);
    rc = glossa_db_check(path, counts, sizeof counts, &err);
    if (rc)
        check_error(rc, &err, "check");
    FUZZ_CHECK(rc || opened, "--check passes a file that does not open");
    return 0;
}
