/*
** test_proposal.c — proposals and positions (src/lib/proposal.c,
** positions.c) over the worked example in glossary/: each change of the three
** proposals as loaded (proposal, state, authority, date, round, concept,
** line, kind, hash), where each stands after the positions of round 2026-1,
** and an edited wording: a new hash, so that every agreement to it lapses;
** two proposals amending one concept (tests/data/competing): positions per
** proposal, both wordings side by side, the conflict when both are agreed,
** and an old-form line that could mean either (an error); a round read
** whole past a malformed file; ids that can be xml:ids.
*/
#include "helpers.h"
#include "glossa_int.h"
#include "proposal_int.h"

#include <stdio.h>
#include <string.h>

#define PROPOSALS SRC_DIR "/glossary/proposals/"
#define POSITIONS SRC_DIR "/glossary/positions/round-2026-1.txt"

static const char *const files[] = { PROPOSALS "kz-2026-1.xml", PROPOSALS "ru-2026-1.xml",
                                     PROPOSALS "uz-2026-1.xml" };

/* One line per change, then one per status: the report as text, to compare whole. */
static void describe(const glossa_proposals *p, const char *const *positions, char *out,
                     size_t size)
{
    glossa_status_report *r;
    glossa_error err;
    size_t i, len = 0;
    for (i = 0; i < glossa_proposals_count(p); i++) {
        const glossa_proposal_change *c = glossa_proposals_get(p, i);
        len += (size_t)snprintf(out + len, size - len, "%s %s %s %s %s %ld %s %s\n", c->proposal,
                                c->state, c->date, c->round ? c->round : "-", c->id, c->line,
                                c->kind, c->hash);
    }
    assert_int_equal(glossa_status(p, NULL, positions, 1, &r, NULL, NULL, &err), 0);
    len += (size_t)snprintf(out + len, size - len, "parties %s\n", glossa_status_parties(r));
    for (i = 0; i < glossa_status_count(r); i++) {
        const glossa_change_status *s = glossa_status_get(r, i);
        len += (size_t)snprintf(out + len, size - len,
                                "%s %s agreed[%s] pending[%s] lapsed[%s] objections[%s]\n",
                                s->change->id, s->status, s->agreed ? s->agreed : "",
                                s->pending ? s->pending : "", s->lapsed ? s->lapsed : "",
                                s->objections ? s->objections : "");
    }
    assert_true(len < size);
    glossa_status_free(r);
}

static void test_proposal__worked_example(void **state)
{
    const char *const positions[] = { POSITIONS };
    glossa_proposals *p;
    glossa_error err;
    char got[4096];
    (void)state;
    assert_int_equal(glossa_proposals_load(&p, files, 3, NULL, NULL, &err), 0);
    assert_string_equal(glossa_proposals_get(p, 0)->authority,
                        "Competent authority of the Republic of Kazakhstan (illustrative)");
    describe(p, positions, got, sizeof got);
    assert_string_equal(
        got,
        "KZ-2026-1 KZ 2026-11-02 2026-1 kz-information-security-incident 29 new 60c9afbee1e20fa6\n"
        "RU-2026-1 RU 2026-11-05 2026-1 information-weapon 31 amend 6ad7f159324fce38\n"
        "RU-2026-1 RU 2026-11-05 2026-1 ru-information-security-threats 87 new d4d3b18065eb9d17\n"
        "UZ-2026-1 UZ 2026-11-09 2026-1 uz-cyber-hygiene 30 new 9adf921a45c7546a\n"
        "parties KZ CN KG RU TJ UZ\n"
        "kz-information-security-incident agreed agreed[KZ CN KG RU TJ UZ] pending[] lapsed[] "
        "objections[]\n"
        "information-weapon agreed agreed[KZ CN KG RU TJ UZ] pending[] lapsed[] objections[]\n"
        "ru-information-security-threats blocked agreed[RU] pending[KZ KG TJ UZ] lapsed[] "
        "objections[CN: repeats annex item 13 (угроза информационной безопасности) in the "
        "plural]\n"
        "uz-cyber-hygiene pending agreed[UZ] pending[KZ CN KG RU TJ] lapsed[] objections[]\n");
    glossa_proposals_free(p);
}

static void test_proposal__edited_wording_lapses(void **state)
{
    const char *const positions[] = { POSITIONS };
    char *dir = th_mkdtemp(), got[4096];
    const char *edited = th_path(dir, "kz-2026-1.xml");
    const char *set[] = { edited };
    glossa_proposals *p;
    glossa_error err;
    (void)state;
    /* one word of the Russian definition changed: "сбои" becomes "отказы" */
    th_write_replaced(files[0], "серийно возникающие сбои", "серийно возникающие отказы", edited);
    assert_int_equal(glossa_proposals_load(&p, set, 1, NULL, NULL, &err), 0);
    describe(p, positions, got, sizeof got);
    assert_null(strstr(got, "60c9afbee1e20fa6")); /* a new hash */
    assert_non_null(strstr(got, "kz-information-security-incident pending agreed[] "
                                "pending[KZ CN KG RU TJ UZ] lapsed[KZ CN KG RU TJ UZ] "
                                "objections[]\n"));
    glossa_proposals_free(p);
    th_rmdir(dir);
}

#define COMPETING SRC_DIR "/tests/data/competing/"

/* Diagnostics, one per line, "LINE: MESSAGE". */
static void collect(const glossa_error *d, void *userdata)
{
    char *out = userdata;
    size_t len = strlen(out);
    snprintf(out + len, 2048 - len, "%ld: %s\n", d->line, d->msg);
}

static void test_proposal__competing_wordings(void **state)
{
    static const char *const two[] = { COMPETING "kz-2026-5.xml", COMPETING "uz-2026-5.xml" };
    char *dir = th_mkdtemp(), got[2048] = "";
    const char *pos = th_path(dir, "pos.txt");
    const char *positions[] = { pos };
    glossa_proposals *p;
    glossa_status_report *r;
    glossa_error err;
    (void)state;
    assert_int_equal(glossa_proposals_load(&p, two, 2, NULL, NULL, &err), 0);
    /* KZ agrees to KZ's wording, RU to UZ's: each position keeps its proposal */
    th_write(pos, "KZ-2026-5 information-security KZ agreed c82153f1841d6e6f\n"
                  "UZ-2026-5 information-security RU agreed e02d9aaf7ab95a8a\n");
    assert_int_equal(glossa_status(p, NULL, positions, 1, &r, NULL, NULL, &err), 0);
    assert_int_equal(glossa_status_count(r), 2);
    assert_string_equal(glossa_status_get(r, 0)->change->proposal, "KZ-2026-5");
    assert_string_equal(glossa_status_get(r, 0)->agreed, "KZ");
    assert_null(glossa_status_get(r, 0)->lapsed);
    assert_string_equal(glossa_status_get(r, 0)->competing, "UZ-2026-5");
    assert_string_equal(glossa_status_get(r, 1)->agreed, "RU");
    assert_string_equal(glossa_status_get(r, 1)->competing, "KZ-2026-5");
    assert_int_equal(glossa__status_conflicts(r, collect, got, &err), 0);
    glossa_status_free(r);
    /* every party agrees to both: a conflict */
    assert_int_equal(glossa_position_record(pos, p, NULL, "KZ-2026-5", "information-security", "CN",
                                            "agreed", NULL, NULL, 0, &err), 0);
    th_write(pos, "# parties: KZ RU\n"
                  "KZ-2026-5 information-security KZ agreed c82153f1841d6e6f\n"
                  "KZ-2026-5 information-security RU agreed c82153f1841d6e6f\n"
                  "UZ-2026-5 information-security KZ agreed e02d9aaf7ab95a8a\n"
                  "UZ-2026-5 information-security RU agreed e02d9aaf7ab95a8a\n");
    assert_int_equal(glossa_status(p, NULL, positions, 1, &r, NULL, NULL, &err), 0);
    assert_int_equal(glossa__status_conflicts(r, collect, got, &err), GLOSSA_EINPUT);
    assert_string_equal(got, "30: conflict: two wordings of concept 'information-security' are "
                             "both agreed: KZ-2026-5 (c82153f1841d6e6f, agreed by KZ RU) and "
                             "UZ-2026-5 (e02d9aaf7ab95a8a, agreed by KZ RU); one must be "
                             "withdrawn or objected to\n");
    assert_string_equal(err.msg, "1 conflict between agreed wordings; nothing written");
    glossa_status_free(r);
    /* without --proposal, the concept's two proposals are named */
    assert_int_equal(glossa_position_record(pos, p, NULL, NULL, "information-security", "KZ", "agreed",
                                            NULL, NULL, 0, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "concept 'information-security' is changed by KZ-2026-5 and "
                                 "UZ-2026-5: say which with --proposal");
    /* the old form could mean either: an error naming both */
    th_write(pos, "information-security KZ agreed c82153f1841d6e6f\n");
    got[0] = '\0';
    assert_int_equal(glossa_status(p, NULL, positions, 1, &r, collect, got, &err), GLOSSA_EINPUT);
    assert_non_null(strstr(got, "1: the line does not say which proposal it is on, and concept "
                                "'information-security' is changed by KZ-2026-5 and UZ-2026-5"));
    glossa_proposals_free(p);
    th_rmdir(dir);
}

/* A round read whole: a malformed file is said and left out, the others kept. */
static void test_proposal__round_leaves_out_a_bad_file(void **state)
{
    char *dir = th_mkdtemp();
    const char *bad = th_path(dir, "bad.xml");
    const char *const round[] = { files[0], bad, files[2] };
    glossa_proposals *p = NULL;
    glossa_error err;
    size_t rejected = 9;
    (void)state;
    th_write_replaced(files[0], "Казахстан «Об", "Казахстан & «Об", bad);
    assert_int_equal(glossa_proposals_load_round(&p, round, 3, NULL, NULL, &rejected, &err), 0);
    assert_int_equal(rejected, 1);
    assert_int_equal(glossa_proposals_count(p), 2);
    assert_string_equal(glossa_proposals_get(p, 0)->id, "kz-information-security-incident");
    assert_string_equal(glossa_proposals_get(p, 1)->id, "uz-cyber-hygiene");
    glossa_proposals_free(p);
    /* every file must be valid for glossa_proposals_load */
    p = NULL;
    assert_int_equal(glossa_proposals_load(&p, round, 3, NULL, NULL, &err), GLOSSA_ESCHEMA);
    assert_null(p);
    assert_string_equal(err.msg, "1 invalid proposal file");
    th_rmdir(dir);
}

static void test_proposal__id_is_valid(void **state)
{
    (void)state;
    assert_true(glossa_id_is_valid("kz-cyber-incident"));
    assert_true(glossa_id_is_valid("cyber_incident.2"));
    assert_false(glossa_id_is_valid("Not A Slug"));
    assert_false(glossa_id_is_valid("kz:incident"));
    assert_false(glossa_id_is_valid("1st"));
    assert_false(glossa_id_is_valid(""));
    assert_false(glossa_id_is_valid(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_proposal__worked_example),
        cmocka_unit_test(test_proposal__edited_wording_lapses),
        cmocka_unit_test(test_proposal__competing_wordings),
        cmocka_unit_test(test_proposal__round_leaves_out_a_bad_file),
        cmocka_unit_test(test_proposal__id_is_valid),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
