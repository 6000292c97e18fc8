/*
** test_fault.c — what SQLite failures do to glossa (src/lib/index.c,
** lookup.c, store.c): disk full and I/O errors from a VFS shim registered as
** SQLite's default (the Nth write, sync or read fails), and allocation
** failures from an SQLite allocator installed with SQLITE_CONFIG_MALLOC (the
** Nth allocation fails). Each is tried at every N until the operation
** succeeds: every failing run returns an error (never crashes, never leaks
** under ASan), an index run leaves the previous database byte for byte and
** no temporary or lock file behind. Also glossa_db_check() on damaged files.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <dirent.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MINI SRC_DIR "/tests/data/good/mini.xml"

/* ---- a VFS that fails on demand ------------------------------------------------- */

enum fault_op { OP_NONE, OP_WRITE, OP_SYNC, OP_READ };

static sqlite3_vfs *real_vfs;
static enum fault_op fault_op;
static long fault_countdown; /* the call of fault_op that fails: 1 = the next one */
static int fault_rc;
static long fault_hits;      /* how many calls failed */

struct shim_file {
    sqlite3_file base;
    sqlite3_file *real; /* real_vfs->szOsFile bytes right after this struct */
};

static void fault_arm(enum fault_op op, long n, int rc)
{
    fault_op = op;
    fault_countdown = n;
    fault_rc = rc;
    fault_hits = 0;
}

static int fault_now(enum fault_op op)
{
    if (fault_op != op || fault_countdown <= 0)
        return 0;
    if (--fault_countdown == 0) {
        fault_hits++;
        return 1;
    }
    return 0;
}

#define REAL(f) (((struct shim_file *)(f))->real)

static int shim_close(sqlite3_file *f)
{
    return REAL(f)->pMethods->xClose(REAL(f));
}
static int shim_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    if (fault_now(OP_READ))
        return fault_rc;
    return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}
static int shim_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    if (fault_now(OP_WRITE))
        return fault_rc;
    return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}
static int shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int shim_sync(sqlite3_file *f, int flags)
{
    if (fault_now(OP_SYNC))
        return fault_rc;
    return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int shim_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return REAL(f)->pMethods->xFileSize(REAL(f), size);
}
static int shim_lock(sqlite3_file *f, int level)
{
    return REAL(f)->pMethods->xLock(REAL(f), level);
}
static int shim_unlock(sqlite3_file *f, int level)
{
    return REAL(f)->pMethods->xUnlock(REAL(f), level);
}
static int shim_check_lock(sqlite3_file *f, int *out)
{
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int shim_control(sqlite3_file *f, int op, void *arg)
{
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int shim_sector(sqlite3_file *f)
{
    return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int shim_device(sqlite3_file *f)
{
    return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int shim_shm_map(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, extend, pp);
}
static int shim_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}
static void shim_shm_barrier(sqlite3_file *f)
{
    REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int shim_shm_unmap(sqlite3_file *f, int del)
{
    return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int shim_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
    *pp = NULL; /* no memory-mapped reads: every read goes through xRead */
    (void)f;
    (void)off;
    (void)n;
    return SQLITE_OK;
}
static int shim_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    (void)f;
    (void)off;
    (void)p;
    return SQLITE_OK;
}

static const sqlite3_io_methods shim_io = {
    3, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size,
    shim_lock, shim_unlock, shim_check_lock, shim_control, shim_sector, shim_device,
    shim_shm_map, shim_shm_lock, shim_shm_barrier, shim_shm_unmap, shim_fetch, shim_unfetch,
};

static int shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
                     int *out_flags)
{
    struct shim_file *s = (struct shim_file *)f;
    int rc;
    (void)vfs;
    s->real = (sqlite3_file *)(s + 1);
    rc = real_vfs->xOpen(real_vfs, name, s->real, flags, out_flags);
    s->base.pMethods = rc == SQLITE_OK && s->real->pMethods ? &shim_io : NULL;
    return rc;
}
static int shim_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    (void)vfs;
    return real_vfs->xDelete(real_vfs, name, sync_dir);
}
static int shim_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    (void)vfs;
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int shim_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
    (void)vfs;
    return real_vfs->xFullPathname(real_vfs, name, n, out);
}
static int shim_randomness(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    return real_vfs->xRandomness(real_vfs, n, out);
}
static int shim_sleep(sqlite3_vfs *vfs, int us)
{
    (void)vfs;
    return real_vfs->xSleep(real_vfs, us);
}
static int shim_current_time(sqlite3_vfs *vfs, double *t)
{
    (void)vfs;
    return real_vfs->xCurrentTime(real_vfs, t);
}
static int shim_last_error(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    return real_vfs->xGetLastError(real_vfs, n, out);
}
static int shim_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *t)
{
    (void)vfs;
    return real_vfs->xCurrentTimeInt64(real_vfs, t);
}

static sqlite3_vfs shim_vfs;

static void shim_register(void)
{
    real_vfs = sqlite3_vfs_find(NULL);
    assert_non_null(real_vfs);
    memset(&shim_vfs, 0, sizeof shim_vfs);
    shim_vfs.iVersion = 2;
    shim_vfs.szOsFile = (int)sizeof(struct shim_file) + real_vfs->szOsFile;
    shim_vfs.mxPathname = real_vfs->mxPathname;
    shim_vfs.zName = "glossa-fault";
    shim_vfs.xOpen = shim_open;
    shim_vfs.xDelete = shim_delete;
    shim_vfs.xAccess = shim_access;
    shim_vfs.xFullPathname = shim_full_pathname;
    shim_vfs.xRandomness = shim_randomness;
    shim_vfs.xSleep = shim_sleep;
    shim_vfs.xCurrentTime = shim_current_time;
    shim_vfs.xGetLastError = shim_last_error;
    shim_vfs.xCurrentTimeInt64 = shim_current_time64;
    assert_int_equal(sqlite3_vfs_register(&shim_vfs, 1), SQLITE_OK); /* the default now */
}

/* ---- an SQLite allocator that fails on demand ------------------------------------ */

static long malloc_countdown; /* the allocation that fails: 1 = the next one; 0 never */
static long malloc_calls;

struct header {
    size_t size;
    size_t pad; /* keep 16-byte alignment */
};

static int malloc_fails(void)
{
    malloc_calls++;
    if (malloc_countdown <= 0)
        return 0;
    return --malloc_countdown == 0;
}

static void *fault_malloc(int n)
{
    struct header *h;
    if (malloc_fails())
        return NULL;
    h = malloc(sizeof *h + (size_t)n);
    if (!h)
        return NULL;
    h->size = (size_t)n;
    return h + 1;
}
static void fault_free(void *p)
{
    if (p)
        free((struct header *)p - 1);
}
static void *fault_realloc(void *p, int n)
{
    struct header *h;
    if (malloc_fails())
        return NULL;
    h = realloc(p ? (struct header *)p - 1 : NULL, sizeof *h + (size_t)n);
    if (!h)
        return NULL;
    h->size = (size_t)n;
    return h + 1;
}
static int fault_size(void *p)
{
    return p ? (int)((struct header *)p - 1)->size : 0;
}
static int fault_roundup(int n)
{
    return (n + 7) & ~7;
}
static int fault_init(void *ud)
{
    (void)ud;
    return SQLITE_OK;
}
static void fault_shutdown(void *ud)
{
    (void)ud;
}

static const sqlite3_mem_methods fault_mem = {
    fault_malloc, fault_free, fault_realloc, fault_size, fault_roundup,
    fault_init, fault_shutdown, NULL
};

/* ---- helpers ------------------------------------------------------------------------ */

/* No <db>.lock and no <db>.tmp-* file in dir. */
static void assert_no_leftovers(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    assert_non_null(d);
    while ((de = readdir(d)))
        if (strstr(de->d_name, ".tmp-") || strstr(de->d_name, ".lock"))
            fail_msg("left behind: %s/%s", dir, de->d_name);
    closedir(d);
}

/* Concepts found for "information" in the database at path. */
static int count_hits(const char *path)
{
    glossa_db *db;
    glossa_results *res;
    glossa_error err;
    int n;
    if (glossa_db_open(&db, path, &err))
        fail_msg("open %s: %s", path, err.msg);
    if (glossa_lookup(db, "information", NULL, &res, &err))
        fail_msg("lookup: %s", err.msg);
    n = (int)glossa_results_count(res);
    glossa_results_free(res);
    glossa_db_close(db);
    return n;
}

struct fixture {
    char *dir;
    char db[4096], one[4096], three[4096];
};

/* A database of one concept (one.xml) and an input of three (three.xml). */
static void fixture_make(struct fixture *fx)
{
    const char *in[1];
    fx->dir = th_mkdtemp();
    snprintf(fx->db, sizeof fx->db, "%s", th_path(fx->dir, "g.db"));
    snprintf(fx->one, sizeof fx->one, "%s", th_path(fx->dir, "one.xml"));
    snprintf(fx->three, sizeof fx->three, "%s", th_path(fx->dir, "three.xml"));
    th_write(fx->one, TH_TEI_HEAD TH_ENTRY("a", "альфа", "information alpha") TH_TEI_TAIL);
    th_write(fx->three, TH_TEI_HEAD TH_ENTRY("a", "альфа", "information alpha")
                            TH_ENTRY("b", "бета", "information beta")
                                TH_ENTRY("c", "гамма", "information gamma") TH_TEI_TAIL);
    in[0] = fx->one;
    th_index(fx->db, in, 1);
    assert_int_equal(count_hits(fx->db), 1);
}

/* Index three.xml over one.xml with the Nth op failing, for N = 1, 2, … until it
** succeeds: each failure is GLOSSA_EIO and changes nothing. Returns the N that
** succeeded. */
static long index_until_success(struct fixture *fx, enum fault_op op, int sqlite_rc,
                                const char *words)
{
    const char *in[] = { fx->three };
    uint64_t before = th_hash_file(fx->db);
    long n;

    for (n = 1; n < 100000; n++) {
        glossa_error err;
        int rc;
        memset(&err, 0, sizeof err);
        long hits;
        fault_arm(op, n, sqlite_rc);
        rc = glossa_index(fx->db, in, 1, NULL, NULL, &err);
        hits = fault_hits;
        fault_arm(OP_NONE, 0, 0);
        if (rc == 0) {
            assert_int_equal(hits, 0);
            break;
        }
        if (rc != GLOSSA_EIO)
            fail_msg("failure %ld: rc %d (%s), expected GLOSSA_EIO", n, rc, err.msg);
        if (words && !strstr(err.msg, words))
            fail_msg("failure %ld: '%s' does not say '%s'", n, err.msg, words);
        assert_int_equal(hits, 1);
        if (th_hash_file(fx->db) != before)
            fail_msg("failure %ld changed the database", n);
        assert_no_leftovers(fx->dir);
        assert_int_equal(count_hits(fx->db), 1);
    }
    assert_true(n < 100000);
    assert_int_equal(count_hits(fx->db), 3);
    assert_no_leftovers(fx->dir);
    return n;
}

/* ---- disk full, write and sync errors ----------------------------------------------- */

static void test_fault__disk_full_at_every_write_keeps_old_database(void **state)
{
    struct fixture fx;
    long n;
    (void)state;
    fixture_make(&fx);
    n = index_until_success(&fx, OP_WRITE, SQLITE_FULL, "full");
    assert_true(n > 3); /* the build really writes: several failures were tried */
    th_rmdir(fx.dir);
}

static void test_fault__write_error_at_every_write_keeps_old_database(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_make(&fx);
    assert_true(index_until_success(&fx, OP_WRITE, SQLITE_IOERR_WRITE, "disk I/O error") > 3);
    th_rmdir(fx.dir);
}

/* A writer killed in WAL mode leaves a -wal beside the database, which
** index recovers through SQLite (a checkpoint: writes and syncs) before it
** publishes. A write or sync failing there fails the run; the database
** still answers, and a later run succeeds. */
static void make_stale_wal(const char *db)
{
    pid_t child = fork();
    int status;
    assert_true(child >= 0);
    if (child == 0) {
        sqlite3 *s;
        if (sqlite3_open(db, &s) != SQLITE_OK ||
            sqlite3_exec(s, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;"
                            "INSERT OR REPLACE INTO meta(key, value) VALUES ('x', 'y');",
                         NULL, NULL, NULL) != SQLITE_OK) {
            fprintf(stderr, "make_stale_wal: %s\n", sqlite3_errmsg(s));
            _exit(1);
        }
        kill(getpid(), SIGKILL); /* die with the WAL un-checkpointed */
        _exit(1);
    }
    waitpid(child, &status, 0);
    assert_true(WIFSIGNALED(status));
}

static void test_fault__errors_while_recovering_a_stale_wal(void **state)
{
    static const struct { enum fault_op op; int rc; } faults[] = {
        { OP_SYNC, SQLITE_IOERR_FSYNC }, { OP_WRITE, SQLITE_FULL },
    };
    size_t k;
    (void)state;
    for (k = 0; k < sizeof faults / sizeof faults[0]; k++) {
        struct fixture fx;
        const char *in[1];
        long n, failed = 0;
        fixture_make(&fx);
        in[0] = fx.three;
        for (n = 1; n < 1000; n++) {
            glossa_error err;
            long hits;
            int rc;
            if (!th_exists(th_path(fx.dir, "g.db-wal")))
                make_stale_wal(fx.db);
            assert_true(th_exists(th_path(fx.dir, "g.db-wal")));
            fault_arm(faults[k].op, n, faults[k].rc);
            rc = glossa_index(fx.db, in, 1, NULL, NULL, &err);
            hits = fault_hits;
            fault_arm(OP_NONE, 0, 0);
            if (rc == 0 && hits == 0)
                break;
            if (rc != GLOSSA_EIO)
                fail_msg("fault %zu, call %ld: rc %d (%s)", k, n, rc, err.msg);
            failed++;
            assert_no_leftovers(fx.dir);
            /* the old content, WAL included, is still there */
            {
                sqlite3 *s;
                sqlite3_stmt *st;
                assert_int_equal(sqlite3_open(fx.db, &s), SQLITE_OK);
                assert_int_equal(sqlite3_prepare_v2(s, "SELECT (SELECT count(*) FROM concept),"
                                                       " (SELECT value FROM meta WHERE key = 'x')",
                                                    -1, &st, NULL), SQLITE_OK);
                assert_int_equal(sqlite3_step(st), SQLITE_ROW);
                assert_int_equal(sqlite3_column_int(st, 0), 1);
                assert_string_equal((const char *)sqlite3_column_text(st, 1), "y");
                sqlite3_finalize(st);
                sqlite3_close(s);
            }
        }
        if (failed == 0)
            fail_msg("fault %zu: recovering the WAL never hit it", k);
        assert_false(th_exists(th_path(fx.dir, "g.db-wal")));
        assert_int_equal(count_hits(fx.db), 3);
        th_rmdir(fx.dir);
    }
}

/* Reads that fail while opening and searching: GLOSSA_EIO, never a crash. */
static void test_fault__read_errors_during_lookup_are_reported(void **state)
{
    struct fixture fx;
    long n;
    (void)state;
    fixture_make(&fx);
    for (n = 1; n < 100000; n++) {
        glossa_db *db = NULL;
        glossa_results *res = NULL;
        glossa_error err;
        long hits;
        int rc;
        fault_arm(OP_READ, n, SQLITE_IOERR_READ);
        rc = glossa_db_open(&db, fx.db, &err);
        if (!rc) {
            rc = glossa_lookup(db, "information alpha", NULL, &res, &err);
            glossa_results_free(res);
        }
        glossa_db_close(db);
        hits = fault_hits;
        fault_arm(OP_NONE, 0, 0);
        if (rc == 0 && hits == 0)
            break;
        if (rc != GLOSSA_EIO && rc != 0)
            fail_msg("read failure %ld: rc %d (%s)", n, rc, err.msg);
    }
    assert_true(n > 1 && n < 100000);
    th_rmdir(fx.dir);
}

/* ---- SQLite out of memory ---------------------------------------------------------- */

/* N = 1, 2, … 200, then in growing steps, until the operation succeeds. */
static long next_n(long n)
{
    return n < 200 ? n + 1 : n + n / 50;
}

static void test_fault__sqlite_oom_during_index_keeps_old_database(void **state)
{
    struct fixture fx;
    const char *in[1];
    uint64_t before;
    long n, tried = 0;
    (void)state;
    fixture_make(&fx);
    in[0] = fx.three;
    before = th_hash_file(fx.db);
    for (n = 1; n < 10000000; n = next_n(n)) {
        glossa_error err;
        long calls;
        int rc;
        memset(&err, 0, sizeof err);
        malloc_calls = 0;
        malloc_countdown = n;
        rc = glossa_index(fx.db, in, 1, NULL, NULL, &err);
        calls = malloc_calls;
        malloc_countdown = 0;
        if (rc == 0 && calls < n)
            break; /* nothing failed: every allocation was tried */
        tried++;
        if (rc != 0 && rc != GLOSSA_ENOMEM && rc != GLOSSA_ERROR && rc != GLOSSA_EIO)
            fail_msg("allocation %ld: rc %d (%s)", n, rc, err.msg);
        if (rc != 0 && th_hash_file(fx.db) != before)
            fail_msg("allocation %ld: the failed run changed the database", n);
        if (rc == 0) { /* SQLite recovered: start again from the old database */
            th_rmdir(fx.dir);
            fixture_make(&fx);
            before = th_hash_file(fx.db);
        }
        assert_no_leftovers(fx.dir);
    }
    assert_true(tried > 50);
    assert_int_equal(count_hits(fx.db), 3);
    th_rmdir(fx.dir);
}

static void test_fault__sqlite_oom_during_lookup_is_reported(void **state)
{
    struct fixture fx;
    long n, tried = 0;
    (void)state;
    fixture_make(&fx);
    for (n = 1; n < 10000000; n = next_n(n)) {
        glossa_db *db = NULL;
        glossa_results *res = NULL;
        glossa_error err;
        long calls;
        int rc;
        malloc_calls = 0;
        malloc_countdown = n;
        rc = glossa_db_open(&db, fx.db, &err);
        if (!rc)
            rc = glossa_lookup(db, "informaton alpa", NULL, &res, &err); /* fuzzy: every tier */
        glossa_results_free(res);
        glossa_db_close(db);
        calls = malloc_calls;
        malloc_countdown = 0;
        if (rc == 0 && calls < n)
            break;
        tried++;
        if (rc != 0 && rc != GLOSSA_ENOMEM && rc != GLOSSA_ERROR)
            fail_msg("allocation %ld: rc %d (%s)", n, rc, err.msg);
    }
    assert_true(tried > 50);
    th_rmdir(fx.dir);
}

/* Open dbpath, read the study and render it, compare information-security,
** and find a notion by a national term. */
static int study_whole(const char *dbpath, const glossa_states *states, glossa_error *err)
{
    glossa_study_opts o = GLOSSA_STUDY_OPTS_INIT;
    glossa_db *db = NULL;
    glossa_study *study = NULL;
    glossa_results *res = NULL;
    char *doc = NULL;
    size_t len = 0;
    int rc;

    o.format = GLOSSA_FORMAT_DOCX;
    o.lang = "ru";
    rc = glossa_db_open(&db, dbpath, err);
    if (!rc)
        rc = glossa_study_load(db, "ru", &study, err);
    if (!rc)
        rc = glossa_study_render(study, states, &o, &doc, &len, err);
    glossa_free(doc);
    doc = NULL;
    if (!rc)
        rc = glossa_concept(db, "information-security", NULL, &res, err);
    if (!rc)
        rc = glossa_compare_render(glossa_results_get(res, 0), states, &o, &doc, &len, err);
    glossa_free(doc);
    glossa_results_free(res);
    res = NULL;
    if (!rc && !(rc = glossa_notion_lookup(db, "персональных данных", &res, err)) &&
        glossa_results_count(res) != 1)
        fail_msg("the notion personal-data by its Russian national term: %zu hits",
                 glossa_results_count(res));
    glossa_results_free(res);
    glossa_study_free(study);
    glossa_db_close(db);
    return rc;
}

/* The study of national legislation read and rendered whole (laws, coverage,
** compare) with the Nth allocation failing: each failure is GLOSSA_ENOMEM
** (or the SQLite error it becomes), never a crash or a half document. The
** index's open included: the FTS tokenizer's constructor out of memory was
** reported as a damaged index. */
static void test_fault__oom_during_the_study_is_reported(void **state)
{
    const char *in[] = { SRC_DIR "/glossary", SRC_DIR "/glossary/national" };
    char *dir = th_mkdtemp(), dbpath[4096];
    glossa_states *states = NULL;
    glossa_error err;
    long n, tried = 0;
    (void)state;
    snprintf(dbpath, sizeof dbpath, "%s", th_path(dir, "g.db"));
    th_index(dbpath, in, 2);
    if (glossa_states_load(&states, SRC_DIR "/glossary/states/member-states.xml", &err))
        fail_msg("states: %s", err.msg);
    for (n = 1; n < 10000000; n = next_n(n)) {   /* SQLite's allocations */
        long calls;
        int rc;
        malloc_calls = 0;
        malloc_countdown = n;
        rc = study_whole(dbpath, states, &err);
        calls = malloc_calls;
        malloc_countdown = 0;
        if (rc == 0 && calls < n)
            break;
        tried++;
        if (rc != 0 && rc != GLOSSA_ENOMEM && rc != GLOSSA_ERROR)
            fail_msg("SQLite allocation %ld: rc %d (%s)", n, rc, err.msg);
    }
    assert_true(tried > 50);
    for (n = 1, tried = 0; n < 10000000; n = next_n(n)) { /* glossa's own */
        int rc;
        glossa__alloc_fail_after((unsigned long)n, 0);
        rc = study_whole(dbpath, states, &err);
        glossa__alloc_fail_after(0, 0);
        if (rc == 0)
            break;
        tried++;
        if (rc != GLOSSA_ENOMEM)
            fail_msg("allocation %ld: rc %d (%s)", n, rc, err.msg);
    }
    assert_true(tried > 20);
    glossa_states_free(states);
    th_rmdir(dir);
}

/* ---- glossa_db_check ----------------------------------------------------------------- */

static void test_fault__db_check_passes_a_sound_index(void **state)
{
    struct fixture fx;
    char counts[128];
    glossa_error err;
    (void)state;
    fixture_make(&fx);
    assert_int_equal(glossa_db_check(fx.db, counts, sizeof counts, &err), 0);
    assert_string_equal(counts, "1 concepts, 2 terms, 0 definitions");
    th_rmdir(fx.dir);
}

static void test_fault__db_check_finds_missing_rows(void **state)
{
    struct fixture fx;
    glossa_error err;
    sqlite3 *s;
    (void)state;
    fixture_make(&fx);
    assert_int_equal(sqlite3_open(fx.db, &s), SQLITE_OK);
    assert_int_equal(sqlite3_exec(s, "DELETE FROM term WHERE lang = 'en'", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(s);
    assert_int_equal(glossa_db_check(fx.db, NULL, 0, &err), GLOSSA_ECORRUPT);
    assert_non_null(strstr(err.msg, "1 terms"));
    assert_non_null(strstr(err.msg, "rebuild it with 'glossa index'"));
    th_rmdir(fx.dir);
}

/* Every page overwritten with garbage in turn: check never passes a damaged
** file unnoticed where SQLite can tell, and never crashes. */
static void test_fault__db_check_finds_damaged_pages(void **state)
{
    struct fixture fx;
    FILE *f;
    long size, page, pages, found = 0;
    unsigned char junk[4096];
    char copy[4200];
    size_t i;
    (void)state;
    fixture_make(&fx);
    for (i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 7 + 13);
    f = fopen(fx.db, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fclose(f);
    pages = size / 4096;
    assert_true(pages > 5);
    snprintf(copy, sizeof copy, "%s", th_path(fx.dir, "damaged.db"));
    for (page = 0; page < pages; page++) {
        glossa_error err;
        FILE *in = fopen(fx.db, "rb"), *out = fopen(copy, "wb");
        int c, rc;
        assert_non_null(in);
        assert_non_null(out);
        while ((c = fgetc(in)) != EOF)
            fputc(c, out);
        fclose(in);
        fseek(out, page * 4096, SEEK_SET);
        fwrite(junk, 1, sizeof junk, out);
        fclose(out);
        rc = glossa_db_check(copy, NULL, 0, &err);
        if (rc != 0 && rc != GLOSSA_ECORRUPT)
            fail_msg("page %ld: rc %d (%s)", page, rc, err.msg);
        if (rc == GLOSSA_ECORRUPT) {
            found++;
            assert_non_null(strstr(err.msg, "glossa index"));
        }
    }
    /* pages of free space or slack may stay unnoticed; most must not */
    if (found < pages - 2)
        fail_msg("only %ld of %ld damaged pages were noticed", found, pages);
    th_rmdir(fx.dir);
}

static void test_fault__db_check_of_missing_database(void **state)
{
    glossa_error err;
    (void)state;
    assert_int_equal(glossa_db_check("/nonexistent/g.db", NULL, 0, &err), GLOSSA_ENOTFOUND);
    assert_non_null(strstr(err.msg, "glossa index"));
}

static int setup(void **state)
{
    if (th_global_setup(state))
        return -1;
    shim_register();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fault__disk_full_at_every_write_keeps_old_database),
        cmocka_unit_test(test_fault__write_error_at_every_write_keeps_old_database),
        cmocka_unit_test(test_fault__errors_while_recovering_a_stale_wal),
        cmocka_unit_test(test_fault__read_errors_during_lookup_are_reported),
        cmocka_unit_test(test_fault__sqlite_oom_during_index_keeps_old_database),
        cmocka_unit_test(test_fault__sqlite_oom_during_lookup_is_reported),
        cmocka_unit_test(test_fault__oom_during_the_study_is_reported),
        cmocka_unit_test(test_fault__db_check_passes_a_sound_index),
        cmocka_unit_test(test_fault__db_check_finds_missing_rows),
        cmocka_unit_test(test_fault__db_check_finds_damaged_pages),
        cmocka_unit_test(test_fault__db_check_of_missing_database),
    };
    /* before SQLite initialises: its allocations go through fault_malloc */
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &fault_mem) != SQLITE_OK) {
        fprintf(stderr, "test_fault: cannot install the SQLite allocator\n");
        return 1;
    }
    return cmocka_run_group_tests(tests, setup, th_global_teardown);
}
