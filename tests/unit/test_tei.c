/*
** test_tei.c — the streaming TEI reader (src/lib/tei.c): what a sink is given
** for each bibl and entry of a valid file (ids, reliability, terms with their
** status and basis, definitions with their sources, cross-references, notes,
** line numbers), a diagnostic with FILE:LINE for an invalid one, and a sink
** or diagnostic callback that says stop stops the read.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MINI SRC_DIR "/tests/data/good/mini.xml"

static struct tei_schema *schema;

static int setup(void **state)
{
    glossa_error err;
    if (th_global_setup(state))
        return -1;
    return glossa__tei_schema_new(&schema, &err);
}

static int teardown(void **state)
{
    glossa__tei_schema_free(schema);
    return th_global_teardown(state);
}

/* What the sink saw, as lines of text: easy to compare whole. */
struct seen {
    char text[4096];
    size_t len;
    int diags, stop_after_entries, stop_after_diags;
    glossa_error first;
};

static void add(struct seen *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct seen *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    s->len += (size_t)vsnprintf(s->text + s->len, sizeof s->text - s->len, fmt, ap);
    va_end(ap);
    assert_true(s->len < sizeof s->text);
}

static int on_bibl(void *ud, const char *file, const struct tei_bibl *b)
{
    (void)file;
    add(ud, "bibl %s %s line %ld: %s\n", b->id, b->type, b->line, b->citation);
    return 0;
}

static int on_entry(void *ud, const char *file, const struct tei_entry *e)
{
    struct seen *s = ud;
    size_t i;
    (void)file;
    add(s, "entry %s n=%s %s reliability %d line %ld\n", e->id, e->n, e->status, e->reliability,
        e->line);
    for (i = 0; i < e->n_terms; i++)
        add(s, "  term %s %s %s %s%s line %ld\n", e->terms[i].lang, e->terms[i].text,
            e->terms[i].status, e->terms[i].basis, e->terms[i].working ? " working" : "",
            e->terms[i].line);
    for (i = 0; i < e->n_defs; i++)
        add(s, "  def %s %s source=%s %s line %ld\n", e->defs[i].lang, e->defs[i].text,
            e->defs[i].source, e->defs[i].basis, e->defs[i].line);
    for (i = 0; i < e->n_xrefs; i++)
        add(s, "  xref %s %s %s line %ld\n", e->xrefs[i].type, e->xrefs[i].target,
            e->xrefs[i].label, e->xrefs[i].line);
    for (i = 0; i < e->n_notes; i++)
        add(s, "  note %s %s %s\n", e->notes[i].type, e->notes[i].lang, e->notes[i].text);
    return s->stop_after_entries && --s->stop_after_entries == 0 ? GLOSSA_EINPUT : 0;
}

static int on_diag(void *ud, const glossa_error *d)
{
    struct seen *s = ud;
    if (s->diags++ == 0)
        s->first = *d;
    add(s, "%ld: %s\n", d->line, d->msg);
    return s->stop_after_diags && s->diags >= s->stop_after_diags;
}

static int read_file(const char *path, struct seen *s, glossa_error *err)
{
    struct tei_sink sink = { on_bibl, on_entry, on_diag, s };
    return glossa__tei_read(schema, path, &sink, err);
}

static void test_tei__valid_file_whole(void **state)
{
    struct seen s;
    glossa_error err;
    (void)state;
    memset(&s, 0, sizeof s);
    assert_int_equal(read_file(MINI, &s, &err), 0);
    assert_int_equal(s.diags, 0);
    assert_string_equal(
        s.text,
        "bibl agreement-2009 instrument line 13: Соглашение ШОС (2009-06-16, Екатеринбург), "
        "приложение 1\n"
        "entry information-security n=1 in-force reliability 1 line 20\n"
        "  term ru информационная безопасность preferred official line 23\n"
        "  term zh 信息安全 preferred working-translation working line 27\n"
        "  term en information security preferred working-translation working line 31\n"
        "  def ru состояние защищённости личности, общества и государства "
        "source=agreement-2009 reconstruction line 36\n"
        "  xref related information-weapon информационное оружие line 37\n"
        "  note reliability en Reconstruction, not verified.\n"
        "entry information-weapon n=4 in-force reliability 1 line 41\n"
        "  term ru информационное оружие preferred official line 44\n"
        "  term en information weapon preferred working-translation working line 48\n"
        "  def ru информационные технологии, средства и методы source=agreement-2009 "
        "reconstruction line 53\n");
}

static void test_tei__sink_stops_the_read(void **state)
{
    struct seen s;
    glossa_error err;
    (void)state;
    memset(&s, 0, sizeof s);
    s.stop_after_entries = 1;
    assert_int_equal(read_file(MINI, &s, &err), GLOSSA_EINPUT);
    assert_null(strstr(s.text, "entry information-weapon"));
    assert_non_null(strstr(s.text, "entry information-security"));
}

static void test_tei__invalid_file_diagnostics(void **state)
{
    struct seen s;
    glossa_error err;
    char *dir = th_mkdtemp();
    const char *path = th_path(dir, "two-bad.xml"), *once = th_path(dir, "one-bad.xml");
    (void)state;
    /* two problems: a reliability out of range (line 21), a status no term has (line 25) */
    th_write_replaced(MINI, "<usg type=\"reliability\">1</usg>", "<usg type=\"reliability\">7</usg>",
                      once);
    th_write_replaced(once, "<usg type=\"status\">preferred</usg>",
                      "<usg type=\"status\">favoured!</usg>", path);
    memset(&s, 0, sizeof s);
    assert_int_not_equal(read_file(path, &s, &err), 0);
    /* every problem said, at its line; once a file has a problem no entry is given
    ** to the sink (the file will not be used), the valid one after it included */
    assert_string_equal(s.text,
                        "bibl agreement-2009 instrument line 13: Соглашение ШОС (2009-06-16, "
                        "Екатеринбург), приложение 1\n"
                        "20: entry 'information-security': reliability must be 1, 2, 3 or 4\n"
                        "20: entry 'information-security': no preferred Russian term (a term base in other languages says so: <TEI type=\"termbase\">)\n"
                        "22: <usg>: '7' is not a value the schema allows here\n"
                        "25: <usg>: 'favoured!' is not a value the schema allows here\n");
    assert_int_equal(s.diags, 4);
    assert_string_equal(s.first.file, path);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 20);
    assert_string_equal(err.msg, "entry 'information-security': reliability must be 1, 2, 3 or 4");
    /* a diagnostic callback that says stop: the checks of that entry end, and
    ** then nothing more is read (the problems at lines 22 and 25 are not said) */
    memset(&s, 0, sizeof s);
    s.stop_after_diags = 1;
    assert_int_not_equal(read_file(path, &s, &err), 0);
    assert_int_equal(s.diags, 2);
    th_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tei__valid_file_whole),
        cmocka_unit_test(test_tei__sink_stops_the_read),
        cmocka_unit_test(test_tei__invalid_file_diagnostics),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
