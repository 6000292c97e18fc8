/*
** test_load.c — the one term-base loader (src/lib/load.c) and the term base
** in memory it fills (termbase.c): a folder gives its *.xml files sorted; a
** concept id defined twice across files is reported at the second place
** with the first; a cross-reference to no concept is an error for a whole
** term base, in the order read, and not for part of one (partial); max_errors
** stops the report; an error of the sink reaches the caller whole; the term
** base in memory holds what was read, sources renamed where two files used
** one id for different sources.
*/
#include "helpers.h"
#include "termbase_int.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Every diagnostic as "FILE:LINE: message\n". */
struct diags {
    char text[2048];
    size_t len;
    unsigned n;
};

static void on_diag(const glossa_error *d, void *ud)
{
    struct diags *s = ud;
    s->n++;
    s->len += (size_t)snprintf(s->text + s->len, sizeof s->text - s->len, "%s:%ld: %s\n",
                               d->file, d->line, d->msg);
    assert_true(s->len < sizeof s->text);
}

#define XREF_ENTRY(id, target)                                                       \
    "<entry xml:id=\"" id "\" type=\"concept\" source=\"#src\">"                    \
    "<usg type=\"status\">proposed</usg><usg type=\"reliability\">2</usg>"           \
    "<form type=\"term\" xml:lang=\"ru\"><orth>" id "</orth>"                        \
    "<usg type=\"status\">preferred</usg></form>"                                    \
    "<sense><xr type=\"related\"><ref target=\"#" target "\">x</ref></xr></sense>" \
    "</entry>\n"

/* The loader over files written into a fresh folder, read as "." from
** inside it (so that messages name "./a.xml"); returns its code. */
struct run {
    const char *names[3], *texts[3];
    size_t n;
    int partial;
    unsigned max_errors;
    const struct tei_sink *sink;
    struct diags d;
    glossa_index_stats stats;
    glossa_error err;
    struct tb_files files;
};

static int load(struct run *r)
{
    glossa_index_opts opts = GLOSSA_INDEX_OPTS_INIT;
    struct tb_read_opts o = { &opts, r->partial, r->sink };
    char *dir = th_mkdtemp(), cwd[4096];
    const char *inputs[] = { "." };
    size_t i;
    int rc;

    for (i = 0; i < r->n; i++)
        th_write(th_path(dir, r->names[i]), r->texts[i]);
    opts.on_diag = on_diag;
    opts.userdata = &r->d;
    opts.max_errors = r->max_errors;
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    rc = glossa__tb_read(inputs, 1, &o, &r->files, &r->stats, &r->err);
    assert_int_equal(chdir(cwd), 0);
    th_rmdir(dir);
    return rc;
}

static void release(struct run *r)
{
    glossa__tb_files_free(&r->files);
}

static void folder_files_sorted(void **state)
{
    struct run r = { { "b.xml", "a.xml", "notes.txt" },
                     { TH_TEI_HEAD TH_ENTRY("x", "икс", "ex") TH_TEI_TAIL,
                       TH_TEI_HEAD TH_ENTRY("y", "игрек", "why") TH_TEI_TAIL, "not a term base" },
                     3, 0, 0, NULL, { "", 0, 0 }, { 0 }, { 0 }, { 0 } };
    (void)state;
    assert_int_equal(load(&r), 0);
    assert_int_equal(r.files.n, 2);
    assert_string_equal(r.files.items[0], "./a.xml");
    assert_string_equal(r.files.items[1], "./b.xml");
    assert_int_equal(r.stats.files, 2);
    assert_int_equal(r.stats.concepts, 2);
    assert_int_equal(r.stats.terms, 4);
    assert_int_equal(r.d.n, 0);
    release(&r);
}

static void duplicate_across_files(void **state)
{
    struct run r = { { "b.xml", "a.xml" },
                     { TH_TEI_HEAD TH_ENTRY("x", "икс", "ex") TH_TEI_TAIL,
                       TH_TEI_HEAD TH_ENTRY("y", "игрек", "why") "\n" TH_ENTRY("x", "икс", "ex")
                           TH_TEI_TAIL },
                     2, 0, 0, NULL, { "", 0, 0 }, { 0 }, { 0 }, { 0 } };
    (void)state;
    /* a.xml is read first: its x is the first definition, b.xml's the duplicate */
    assert_int_equal(load(&r), GLOSSA_ESCHEMA);
    assert_string_equal(r.d.text,
                        "./b.xml:8: duplicate concept xml:id 'x' (first defined at ./a.xml:10)\n");
    assert_string_equal(r.err.file, "./b.xml");
    assert_int_equal(r.err.line, 8);
    /* the duplicate is not counted: what was read is x and y once */
    assert_int_equal(r.stats.concepts, 2);
    assert_int_equal(r.stats.errors, 1);
    release(&r);
}

static void references_whole_and_partial(void **state)
{
    struct run r = { { "a.xml", "b.xml" },
                     { TH_TEI_HEAD XREF_ENTRY("p", "nowhere") XREF_ENTRY("q", "r") TH_TEI_TAIL,
                       TH_TEI_HEAD XREF_ENTRY("r", "p") XREF_ENTRY("s", "gone") TH_TEI_TAIL },
                     2, 0, 0, NULL, { "", 0, 0 }, { 0 }, { 0 }, { 0 } };
    (void)state;
    /* q → r is defined in the next file: only links to no concept are wrong, in order */
    assert_int_equal(load(&r), GLOSSA_ESCHEMA);
    assert_string_equal(r.d.text,
                        "./a.xml:8: entry 'p': cross-reference to unknown concept '#nowhere'\n"
                        "./b.xml:9: entry 's': cross-reference to unknown concept '#gone'\n");
    release(&r);

    /* part of a term base (a version, a proposal): links may leave it */
    memset(&r.d, 0, sizeof r.d);
    memset(&r.files, 0, sizeof r.files);
    r.partial = 1;
    assert_int_equal(load(&r), 0);
    assert_int_equal(r.d.n, 0);
    assert_int_equal(r.stats.concepts, 4);
    release(&r);
}

static void max_errors_stops(void **state)
{
    struct run r = { { "a.xml" },
                     { TH_TEI_HEAD XREF_ENTRY("p", "n1") XREF_ENTRY("q", "n2")
                           XREF_ENTRY("r", "n3") TH_TEI_TAIL },
                     1, 0, 2, NULL, { "", 0, 0 }, { 0 }, { 0 }, { 0 } };
    (void)state;
    assert_int_equal(load(&r), GLOSSA_ESCHEMA);
    assert_int_equal(r.d.n, 2);
    assert_string_equal(r.err.msg, "entry 'p': cross-reference to unknown concept '#n1'");
    release(&r);
}

/* A sink that fails on its second entry with a message of its own. */
struct failing {
    glossa_error *err;
    int entries;
};

static int failing_entry(void *ud, const char *file, const struct tei_entry *e)
{
    struct failing *f = ud;
    (void)file;
    if (++f->entries == 2)
        return glossa__error_set(f->err, GLOSSA_EIO, "sink.db", 0, 0, "disk full at '%s'", e->id);
    return 0;
}

static void sink_error_reaches_caller(void **state)
{
    struct failing f = { NULL, 0 };
    struct tei_sink sink = { NULL, failing_entry, NULL, &f };
    struct run r = { { "a.xml", "b.xml" },
                     { TH_TEI_HEAD TH_ENTRY("x", "икс", "ex") TH_ENTRY("y", "игрек", "why")
                           TH_TEI_TAIL,
                       TH_TEI_HEAD TH_ENTRY("z", "зет", "zed") TH_TEI_TAIL },
                     2, 0, 0, &sink, { "", 0, 0 }, { 0 }, { 0 }, { 0 } };
    (void)state;
    f.err = &r.err;
    /* the sink's own message, not one of the reader's (it stopped at y) */
    assert_int_equal(load(&r), GLOSSA_EIO);
    assert_string_equal(r.err.file, "sink.db");
    assert_string_equal(r.err.msg, "disk full at 'y'");
    assert_int_equal(f.entries, 2);
    assert_int_equal(r.d.n, 0);
    release(&r);
}

static void empty_folder_and_missing_file(void **state)
{
    glossa_index_opts opts = GLOSSA_INDEX_OPTS_INIT;
    struct tb_read_opts o = { &opts, 0, NULL };
    char *dir = th_mkdtemp();
    const char *inputs[] = { dir }, *missing[] = { th_path(dir, "none.xml") };
    glossa_error err;
    (void)state;
    assert_int_equal(glossa__tb_read(inputs, 1, &o, NULL, NULL, &err), GLOSSA_ENOTFOUND);
    assert_string_equal(err.msg, "no *.xml files in this directory");
    assert_int_equal(glossa__tb_read(missing, 1, &o, NULL, NULL, &err), GLOSSA_ENOTFOUND);
    assert_string_equal(err.msg, "cannot read: No such file or directory");
    assert_int_equal(glossa__tb_read(inputs, 0, &o, NULL, NULL, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "no input files");
    th_rmdir(dir);
}

static void term_base_in_memory(void **state)
{
    /* two files use the id "src" for different sources: the second is renamed */
    const char *second =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\">\n"
        "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>\n"
        "<publicationStmt><p>t</p></publicationStmt><sourceDesc><listBibl>\n"
        "<bibl xml:id=\"src\" type=\"law\"><title>Another</title></bibl>\n"
        "</listBibl></sourceDesc></fileDesc></teiHeader>\n<text><body>\n"
        TH_ENTRY("b", "бэ", "bee") TH_TEI_TAIL;
    char *dir = th_mkdtemp();
    const char *inputs[2];
    struct glossa_tb *tb = NULL;
    const struct tei_entry *e;
    glossa_error err;
    (void)state;
    th_write(th_path(dir, "1.xml"), TH_TEI_HEAD TH_ENTRY("a", "а", "ay") TH_TEI_TAIL);
    th_write(th_path(dir, "2.xml"), second);
    inputs[0] = th_path(dir, "1.xml");
    inputs[1] = th_path(dir, "2.xml");
    assert_int_equal(glossa__tb_new(&tb, &err), 0);
    assert_int_equal(glossa__tb_load_tei(tb, inputs, 2, NULL, 0, &err), 0);
    assert_int_equal(tb->n_entries, 2);
    assert_int_equal(tb->n_bibls, 2);
    e = glossa__tb_find(tb, "b");
    assert_non_null(e);
    assert_string_equal(e->source, "src-2");
    assert_string_equal(glossa__tb_bibl(tb, "src-2")->citation, "Another");
    assert_string_equal(e->terms[0].text, "бэ");
    assert_string_equal(e->terms[1].text, "bee");
    assert_string_equal(glossa__tb_find(tb, "a")->source, "src");
    assert_null(glossa__tb_find(tb, "c"));
    glossa__tb_free(tb);
    th_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(folder_files_sorted),
        cmocka_unit_test(duplicate_across_files),
        cmocka_unit_test(references_whole_and_partial),
        cmocka_unit_test(max_errors_stops),
        cmocka_unit_test(sink_error_reaches_caller),
        cmocka_unit_test(empty_folder_and_missing_file),
        cmocka_unit_test(term_base_in_memory),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
