/*
** test_index.c — building and publishing an index (src/lib/index.c, tei.c):
** good input is indexed; every kind of bad input is reported with file and
** line and leaves the previous database byte for byte as it was; the lock
** (an flock: a lock file nobody holds is no lock), stale temporary files,
** the stale-WAL trap and the version guard.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#define GOOD SRC_DIR "/tests/data/good/mini.xml"
#define BAD SRC_DIR "/tests/data/bad/"

static void test_index__good_file_counts(void **state)
{
    char *dir = th_mkdtemp();
    const char *db = th_path(dir, "g.db");
    const char *in[] = { GOOD };
    glossa_index_stats stats;
    glossa_error err;
    (void)state;
    assert_int_equal(glossa_index(db, in, 1, NULL, &stats, &err), 0);
    assert_int_equal(stats.files, 1);
    assert_int_equal(stats.concepts, 2);
    assert_int_equal(stats.terms, 5);
    assert_int_equal(stats.definitions, 2);
    assert_false(th_exists(th_path(dir, "g.db.lock")));
    th_rmdir(dir);
}

struct bad_case {
    const char *file;
    long line;           /* of the first problem */
    const char *message; /* a part of its text */
};

static void test_index__bad_input_leaves_old_database(void **state)
{
    static const struct bad_case cases[] = {
        { "unclosed-tag.xml", 26, "is closed by </form>" },
        { "missing-orth.xml", 27, "no <orth>" },
        { "unknown-lang.xml", 31, "unknown language tag 'xx'" },
        { "duplicate-id.xml", 41, "information-security" },
        { "dangling-xref.xml", 37, "unknown concept '#no-such-concept'" },
        { "unknown-source.xml", 53, "'#nowhere' names no <bibl>" },
        { "bad-reliability.xml", 20, "reliability must be 1, 2, 3 or 4" },
        { "wrong-namespace.xml", 2, "TEI" },
        { "xxe.xml", 2, "DOCTYPE not allowed" },
        { "billion-laughs.xml", 2, "DOCTYPE not allowed" },
        { "no-russian.xml", 41, "no preferred Russian term" },
    };
    char *dir = th_mkdtemp();
    char db[4096];
    const char *good[] = { GOOD };
    uint64_t before;
    size_t i;
    (void)state;

    snprintf(db, sizeof db, "%s", th_path(dir, "g.db"));
    th_index(db, good, 1);
    before = th_hash_file(db);
    assert_true(before != 0);
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        char path[1024];
        const char *in[1];
        glossa_error err;
        int rc;
        snprintf(path, sizeof path, BAD "%s", cases[i].file);
        in[0] = path;
        memset(&err, 0, sizeof err);
        rc = glossa_index(db, in, 1, NULL, NULL, &err);
        if (rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA)
            fail_msg("%s: rc %d (%s)", cases[i].file, rc, err.msg);
        assert_string_equal(err.file, path);
        if (err.line != cases[i].line || !strstr(err.msg, cases[i].message))
            fail_msg("%s: got %ld: %s", cases[i].file, err.line, err.msg);
        assert_int_equal(th_hash_file(db), before);
        assert_false(th_exists(th_path(dir, "g.db.lock")));
    }
    th_rmdir(dir);
}

static void test_index__xxe_content_never_appears(void **state)
{
    char *dir = th_mkdtemp();
    const char *in[] = { BAD "xxe.xml" };
    char host[256] = "";
    glossa_error err;
    FILE *f = fopen("/etc/hostname", "r");
    (void)state;
    if (f) {
        if (!fgets(host, sizeof host, f))
            host[0] = '\0';
        fclose(f);
        host[strcspn(host, "\n")] = '\0';
    }
    assert_int_not_equal(glossa_validate(in, 1, NULL, NULL, &err), 0);
    if (host[0])
        assert_null(strstr(err.msg, host));
    th_rmdir(dir);
}

static void test_index__second_indexer_is_refused(void **state)
{
    char *dir = th_mkdtemp();
    const char *db = th_path(dir, "g.db");
    const char *in[] = { GOOD };
    glossa_error err;
    int fd;
    (void)state;
    /* the lock is the flock() on the file, not what it says */
    fd = open(th_path(dir, "g.db.lock"), O_RDWR | O_CREAT, 0644);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), 0);
    assert_int_equal(write(fd, "12345\n", 6), 6);
    assert_int_equal(glossa_index(db, in, 1, NULL, NULL, &err), GLOSSA_EBUSY);
    assert_string_equal(err.msg, "another 'glossa index' is running (pid 12345)");
    assert_false(th_exists(db));
    assert_true(th_exists(th_path(dir, "g.db.lock")));
    close(fd);
    th_rmdir(dir);
}

/* A lock file that nobody holds, naming a live process (pid 1 after an
** indexer was killed in a pid namespace), is no lock. */
static void test_index__unheld_lock_file_is_no_lock(void **state)
{
    char *dir = th_mkdtemp();
    const char *db = th_path(dir, "g.db");
    const char *in[] = { GOOD };
    (void)state;
    th_write(th_path(dir, "g.db.lock"), "1\n");
    th_write(th_path(dir, "g.db.tmp-1"), "half-built");
    th_index(db, in, 1);
    assert_false(th_exists(th_path(dir, "g.db.tmp-1")));
    assert_false(th_exists(th_path(dir, "g.db.lock")));
    assert_true(th_exists(db));
    th_rmdir(dir);
}

static long dead_pid(void)
{
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0);
    return (long)child;
}

static void test_index__stale_lock_and_temp_files_are_cleaned(void **state)
{
    char *dir = th_mkdtemp();
    const char *db = th_path(dir, "g.db");
    const char *in[] = { GOOD };
    char name[64], pid[32];
    long dead = dead_pid();
    (void)state;
    snprintf(pid, sizeof pid, "%ld\n", dead);
    th_write(th_path(dir, "g.db.lock"), pid);
    snprintf(name, sizeof name, "g.db.tmp-%ld", dead);
    th_write(th_path(dir, name), "half-built");
    th_index(db, in, 1);
    assert_false(th_exists(th_path(dir, name)));
    assert_false(th_exists(th_path(dir, "g.db.lock")));
    assert_true(th_exists(db));
    th_rmdir(dir);
}

static int count_concepts(const char *db_path)
{
    glossa_db *db;
    glossa_results *res;
    glossa_error err;
    int n;
    assert_int_equal(glossa_db_open(&db, db_path, &err), 0);
    assert_int_equal(glossa_lookup(db, "information", NULL, &res, &err), 0);
    n = (int)glossa_results_count(res);
    glossa_results_free(res);
    glossa_db_close(db);
    return n;
}

/* A writer killed in WAL mode leaves an un-checkpointed -wal beside the
** database. Publishing must not pair that WAL with the new file. */
static void test_index__stale_wal_is_not_replayed_over_new_index(void **state)
{
    char *dir = th_mkdtemp();
    char db[4096], one[4096], two[4096];
    const char *first[] = { one };
    const char *second[] = { two };
    pid_t child;
    int status;
    (void)state;

    snprintf(db, sizeof db, "%s", th_path(dir, "g.db"));
    snprintf(one, sizeof one, "%s", th_path(dir, "one.xml"));
    th_write(one, TH_TEI_HEAD TH_ENTRY("a", "альфа", "information alpha") TH_TEI_TAIL);
    snprintf(two, sizeof two, "%s", th_path(dir, "two.xml"));
    th_write(two, TH_TEI_HEAD TH_ENTRY("a", "альфа", "information alpha")
                      TH_ENTRY("b", "бета", "information beta") TH_TEI_TAIL);
    th_index(db, first, 1);
    assert_int_equal(count_concepts(db), 1);

    child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        sqlite3 *s;
        if (sqlite3_open(db, &s) != SQLITE_OK ||
            sqlite3_exec(s, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;"
                            "INSERT INTO meta(key, value) VALUES ('x', 'y');",
                         NULL, NULL, NULL) != SQLITE_OK)
            _exit(1);
        kill(getpid(), SIGKILL); /* die with the WAL un-checkpointed */
        _exit(1);
    }
    waitpid(child, &status, 0);
    assert_true(WIFSIGNALED(status));
    assert_true(th_exists(th_path(dir, "g.db-wal")));

    th_index(db, second, 1);
    assert_int_equal(count_concepts(db), 2);
    th_rmdir(dir);
}

static void test_index__version_guard_refuses_foreign_index(void **state)
{
    char *dir = th_mkdtemp();
    const char *db = th_path(dir, "g.db");
    const char *in[] = { GOOD };
    glossa_db *h = NULL;
    glossa_error err;
    sqlite3 *s;
    (void)state;
    th_index(db, in, 1);
    assert_int_equal(sqlite3_open(db, &s), SQLITE_OK);
    assert_int_equal(sqlite3_exec(s, "UPDATE meta SET value = '1.0' WHERE key = 'icu_version'",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(s);
    assert_int_equal(glossa_db_open(&h, db, &err), GLOSSA_ECORRUPT);
    assert_null(h);
    assert_non_null(strstr(err.msg, "run 'glossa index'"));
    th_rmdir(dir);
}

static void test_index__missing_database_is_reported(void **state)
{
    glossa_db *h = NULL;
    glossa_error err;
    (void)state;
    assert_int_equal(glossa_db_open(&h, "/nonexistent/dir/g.db", &err), GLOSSA_ENOTFOUND);
    assert_non_null(strstr(err.msg, "glossa index"));
}

static void test_index__not_a_database_is_reported(void **state)
{
    char *dir = th_mkdtemp();
    const char *db = th_path(dir, "junk.db");
    glossa_db *h = NULL;
    glossa_error err;
    (void)state;
    th_write(db, "this is not an SQLite database, just some text that is long enough to matter"
                 " for the header check of SQLite which reads the first hundred bytes");
    assert_int_equal(glossa_db_open(&h, db, &err), GLOSSA_ECORRUPT);
    th_rmdir(dir);
}

static void test_index__directory_input_takes_xml_files_in_order(void **state)
{
    char *dir = th_mkdtemp();
    const char *in[] = { dir };
    glossa_index_stats stats;
    glossa_error err;
    (void)state;
    th_write(th_path(dir, "b.xml"), TH_TEI_HEAD TH_ENTRY("b", "бета", "beta") TH_TEI_TAIL);
    th_write(th_path(dir, "a.xml"), TH_TEI_HEAD TH_ENTRY("a", "альфа", "alpha") TH_TEI_TAIL);
    th_write(th_path(dir, "notes.txt"), "not xml");
    assert_int_equal(glossa_validate(in, 1, NULL, &stats, &err), 0);
    assert_int_equal(stats.files, 2);
    assert_int_equal(stats.concepts, 2);
    th_rmdir(dir);
}

static void test_index__out_of_memory_is_reported_not_crashed(void **state)
{
    const char *in[] = { GOOD };
    unsigned long n;
    (void)state;
    for (n = 1; n < 5000; n++) {
        glossa_error err;
        int rc;
        glossa__alloc_fail_after(n, 0);
        rc = glossa_validate(in, 1, NULL, NULL, &err);
        glossa__alloc_fail_after(0, 0);
        if (rc == 0)
            break;
        if (rc != GLOSSA_ENOMEM && rc != GLOSSA_ESCHEMA && rc != GLOSSA_EINPUT && rc != GLOSSA_ERROR)
            fail_msg("allocation %lu: unexpected rc %d (%s)", n, rc, err.msg);
    }
    assert_true(n < 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index__good_file_counts),
        cmocka_unit_test(test_index__bad_input_leaves_old_database),
        cmocka_unit_test(test_index__xxe_content_never_appears),
        cmocka_unit_test(test_index__second_indexer_is_refused),
        cmocka_unit_test(test_index__stale_lock_and_temp_files_are_cleaned),
        cmocka_unit_test(test_index__unheld_lock_file_is_no_lock),
        cmocka_unit_test(test_index__stale_wal_is_not_replayed_over_new_index),
        cmocka_unit_test(test_index__version_guard_refuses_foreign_index),
        cmocka_unit_test(test_index__missing_database_is_reported),
        cmocka_unit_test(test_index__not_a_database_is_reported),
        cmocka_unit_test(test_index__directory_input_takes_xml_files_in_order),
        cmocka_unit_test(test_index__out_of_memory_is_reported_not_crashed),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
