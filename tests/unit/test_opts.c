/*
** test_opts.c — every public entry point that takes an option struct checks
** its version (libgit2's habit): 0 or a version past what this glossa knows
** is GLOSSA_EINPUT "glossa_NAME_opts version V not supported", before
** anything is read or written; NULL options are the defaults.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <string.h>

#define MINI SRC_DIR "/tests/data/good/mini.xml"

static char *dir;
static glossa_db *db;

static int setup(void **state)
{
    return th_setup_index(state, &dir, &db, MINI, NULL);
}

static int teardown(void **state)
{
    return th_teardown_index(state, &dir, &db);
}

static void refused(int rc, const glossa_error *err, const char *name, unsigned version,
                    unsigned max)
{
    char want[128];
    snprintf(want, sizeof want, "%s version %u not supported (this glossa knows 1 to %u)", name,
             version, max);
    assert_int_equal(rc, GLOSSA_EINPUT);
    assert_string_equal(err->msg, want);
}

static void test_opts__versions_checked(void **state)
{
    static const unsigned bad[] = { 0, 99 };
    const char *inputs[] = { MINI };
    size_t i;
    (void)state;
    for (i = 0; i < 2; i++) {
        glossa_index_opts io = GLOSSA_INDEX_OPTS_INIT;
        glossa_lookup_opts lo = GLOSSA_LOOKUP_OPTS_INIT;
        glossa_protocol_opts po = GLOSSA_PROTOCOL_OPTS_INIT;
        glossa_dict_opts dopt = GLOSSA_DICT_OPTS_INIT;
        glossa_export_opts eo = GLOSSA_EXPORT_OPTS_INIT;
        glossa_import_opts imo = GLOSSA_IMPORT_OPTS_INIT;
        glossa_scan_opts so = GLOSSA_SCAN_OPTS_INIT;
        glossa_candidates_opts co = GLOSSA_CANDIDATES_OPTS_INIT;
        glossa_propose_opts pro = GLOSSA_PROPOSE_OPTS_INIT;
        glossa_note_opts no = GLOSSA_NOTE_OPTS_INIT;
        glossa_study_opts sto = GLOSSA_STUDY_OPTS_INIT;
        glossa_results *res = NULL;
        glossa_dict *dict = NULL;
        glossa_diff *diff = NULL;
        glossa_scanner *scanner = NULL;
        glossa_candidates *cands = NULL;
        char *out = NULL;
        size_t len = 0;
        glossa_error err;
        const char *target = th_path(dir, "never.db");

        io.version = lo.version = po.version = dopt.version = bad[i];
        eo.version = imo.version = so.version = co.version = pro.version = no.version = bad[i];
        sto.version = bad[i];
        refused(glossa_validate(inputs, 1, &io, NULL, &err), &err, "glossa_index_opts", bad[i],
                GLOSSA_INDEX_OPTS_VERSION);
        refused(glossa_index(target, inputs, 1, &io, NULL, &err), &err, "glossa_index_opts",
                bad[i], GLOSSA_INDEX_OPTS_VERSION);
        assert_false(th_exists(target));
        refused(glossa_diff_new(&diff, inputs, 1, inputs, 1, &io, &err), &err,
                "glossa_index_opts", bad[i], GLOSSA_INDEX_OPTS_VERSION);
        refused(glossa_lookup(db, "information security", &lo, &res, &err), &err,
                "glossa_lookup_opts", bad[i], GLOSSA_LOOKUP_OPTS_VERSION);
        refused(glossa_concept(db, "information-security", &lo, &res, &err), &err,
                "glossa_lookup_opts", bad[i], GLOSSA_LOOKUP_OPTS_VERSION);
        refused(glossa_protocol_render(NULL, &po, &out, &len, &err), &err, "glossa_protocol_opts",
                bad[i], GLOSSA_PROTOCOL_OPTS_VERSION);
        refused(glossa_note_render(NULL, NULL, &no, &out, &len, &err), &err, "glossa_note_opts",
                bad[i], GLOSSA_NOTE_OPTS_VERSION);
        refused(glossa_dict_new(&dict, db, &dopt, &err), &err, "glossa_dict_opts", bad[i],
                GLOSSA_DICT_OPTS_VERSION);
        refused(glossa_export(inputs, 1, &eo, &out, &len, NULL, &err), &err, "glossa_export_opts",
                bad[i], GLOSSA_EXPORT_OPTS_VERSION);
        refused(glossa_import_tbx(MINI, &imo, &out, &len, NULL, &err), &err, "glossa_import_opts",
                bad[i], GLOSSA_IMPORT_OPTS_VERSION);
        refused(glossa_scanner_new(&scanner, db, &so, &err), &err, "glossa_scan_opts", bad[i],
                GLOSSA_SCAN_OPTS_VERSION);
        refused(glossa_candidates_new(&cands, db, &co, &err), &err, "glossa_candidates_opts", bad[i],
                GLOSSA_CANDIDATES_OPTS_VERSION);
        refused(glossa_propose(&pro, &out, &err), &err, "glossa_propose_opts", bad[i],
                GLOSSA_PROPOSE_OPTS_VERSION);
        refused(glossa_study_render(NULL, NULL, &sto, &out, &len, &err), &err,
                "glossa_study_opts", bad[i], GLOSSA_STUDY_OPTS_VERSION);
        refused(glossa_compare_render(NULL, NULL, &sto, &out, &len, &err), &err,
                "glossa_study_opts", bad[i], GLOSSA_STUDY_OPTS_VERSION);
        assert_null(res);
        assert_null(out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opts__versions_checked),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
