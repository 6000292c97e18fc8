/*
** publish.c — putting a new index in place of the old one, with nothing
** lost ("glossa index" builds it through index.c in between).
**
** Protocol: follow a symbolic link to the real database; take <db>.lock (an
** flock() that dies with its holder); refuse to replace a file that is not a
** glossa index (unless forced: the header and the meta table are read,
** read-only); give the builder <db>.tmp-<pid> beside the target through
** outfile.c, which removes the leftovers of dead runs; once the new file is
** verified, recover any journal/WAL of the target through SQLite so that a
** stale -wal can never be replayed over the new file; rename() the
** temporary file into place and fsync the directory. A failure or a kill at
** any point leaves the previous database as it was.
*/
#include "glossa_int.h"

#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct glossa_publish {
    char target[GLOSSA_PATH_SIZE], lock[GLOSSA_PATH_SIZE + 16];
    int lock_fd;
    glossa_outfile *out;
};

/* <db>.lock, held with flock() for the whole run: the kernel frees it when
** the holder exits or is killed, so a lock is never stale, whatever the file
** says, and two indexers can never both hold it. The file names the holder's
** pid for the message; the holder removes it last. A lock taken on a file
** that its holder removed meanwhile is dropped and taken again. */
static int lock_take(const char *lock_path, int *out, glossa_error *err)
{
    int attempt;
    for (attempt = 0; attempt < 8; attempt++) {
        struct stat held, now;
        char pid[32] = "";
        int n, fd = open(lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0)
            return glossa__error_set(err, GLOSSA_EIO, lock_path, 0, 0,
                                     "cannot create lock file: %s", strerror(errno));
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int busy = errno == EWOULDBLOCK;
            ssize_t got = busy ? pread(fd, pid, sizeof pid - 1, 0) : 0;
            long holder = got > 0 ? strtol(pid, NULL, 10) : 0;
            int e = errno;
            close(fd);
            if (!busy)
                return glossa__error_set(err, GLOSSA_EIO, lock_path, 0, 0,
                                         "cannot lock: %s", strerror(e));
            if (holder > 0)
                return glossa__error_set(err, GLOSSA_EBUSY, lock_path, 0, 0,
                                         "another 'glossa index' is running (pid %ld)", holder);
            return glossa__error_set(err, GLOSSA_EBUSY, lock_path, 0, 0,
                                     "another 'glossa index' is running");
        }
        if (fstat(fd, &held) == 0 && stat(lock_path, &now) == 0 && held.st_dev == now.st_dev &&
            held.st_ino == now.st_ino) {
            n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
            /* the pid only goes into a second indexer's message: not writing it is no error */
            if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n)
                pid[0] = '\0';
            *out = fd;
            return 0;
        }
        close(fd);
    }
    return glossa__error_set(err, GLOSSA_EBUSY, lock_path, 0, 0, "cannot take the index lock");
}

static void lock_release(const char *lock_path, int fd)
{
    unlink(lock_path); /* while still held: a waiting run then takes a new file */
    close(fd);
}

/* 1 when the SQLite database at path has glossa's meta table with a schema
** version. Read only, with an untrusted schema: a table is read, no view
** and no trigger runs. */
static int has_glossa_meta(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) == SQLITE_OK &&
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = "
                               "'meta' AND sql LIKE 'CREATE TABLE meta%'", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        sqlite3_finalize(st);
        st = NULL;
        found = sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version'",
                                   -1, &st, NULL) == SQLITE_OK &&
                sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return found;
}

/* May an index replace what is at path? Nothing, an empty file, or a glossa
** index: its SQLite header carries glossa's application id (then even with
** the first bytes damaged), or it has glossa's meta table (an index of an
** earlier version). Anything else is kept unless forced. */
static int check_replaceable(const char *path, const char *shown, glossa_error *err)
{
    static const unsigned char magic[16] = "SQLite format 3";
    unsigned char h[100];
    ssize_t n;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

    if (fd < 0)
        return errno == ENOENT ? 0
                               : glossa__error_set(err, GLOSSA_EIO, shown, 0, 0, "cannot read: %s",
                                                   strerror(errno));
    n = read(fd, h, sizeof h);
    close(fd);
    if (n == 0)
        return 0;
    if (n == (ssize_t)sizeof h && h[21] == 64 && h[22] == 32 && h[23] == 32 &&
        ((unsigned long)h[68] << 24 | (unsigned long)h[69] << 16 | (unsigned long)h[70] << 8 |
         h[71]) == GLOSSA_APPLICATION_ID)
        return 0;
    /* an index is never in WAL mode (header bytes 18-19): a WAL file is left unopened */
    if (n == (ssize_t)sizeof h && memcmp(h, magic, sizeof magic) == 0 && h[18] == 1 &&
        h[19] == 1 && has_glossa_meta(path))
        return 0;
    return glossa__error_set(err, GLOSSA_EINPUT, shown, 0, 0,
                             "not a glossa index: it is kept (--force replaces it)");
}

static int sidecar_exists(const char *db_path)
{
    static const char *const suffixes[] = { "-wal", "-journal", NULL };
    const char *const *s;
    char path[GLOSSA_PATH_SIZE + 16];
    for (s = suffixes; *s; s++) {
        snprintf(path, sizeof path, "%s%s", db_path, *s);
        if (access(path, F_OK) == 0)
            return 1;
    }
    return 0;
}

/* A -wal or -journal beside the target belongs to the old file: let SQLite
** recover and remove it, or a rename would pair it with the new file. */
static int settle_target(const char *db_path, glossa_error *err)
{
    sqlite3 *db = NULL;
    int rc;
    if (!sidecar_exists(db_path))
        return 0;
    rc = sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "PRAGMA journal_mode=DELETE; SELECT count(*) FROM sqlite_schema;",
                          NULL, NULL, NULL);
    sqlite3_close(db);
    if (rc != SQLITE_OK || sidecar_exists(db_path))
        return glossa__error_set(err, GLOSSA_EIO, db_path, 0, 0,
                                 "a journal or WAL file beside the database could not be "
                                 "recovered; is another program writing it?");
    return 0;
}

/* ---- a publication ----------------------------------------------------------------- */

int glossa__publish_begin(const char *db_path, int force, struct glossa_publish **out,
                          glossa_error *err)
{
    struct glossa_publish *p = glossa__calloc(1, sizeof *p);
    int rc;

    if (!p)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    p->lock_fd = -1;
    if ((rc = glossa__outfile_target(db_path, p->target, sizeof p->target, err))) {
        glossa__free(p);
        return rc;
    }
    snprintf(p->lock, sizeof p->lock, "%s.lock", p->target);
    if ((rc = lock_take(p->lock, &p->lock_fd, err))) {
        glossa__free(p);
        return rc;
    }
    if (!force)
        rc = check_replaceable(p->target, db_path, err);
    /* held under the lock: the temporary files of dead runs go now */
    if (!rc)
        rc = glossa_outfile_open(&p->out, p->target, err);
    if (rc) {
        glossa__publish_abort(p);
        return rc;
    }
    *out = p;
    return 0;
}

const char *glossa__publish_temp(const struct glossa_publish *p)
{
    return glossa_outfile_temp(p->out);
}

int glossa__publish_commit(struct glossa_publish *p, glossa_error *err)
{
    int rc = settle_target(p->target, err);
    if (!rc) {
        rc = glossa_outfile_commit(p->out, err);
        p->out = NULL;
    }
    glossa__publish_abort(p);
    return rc;
}

void glossa__publish_abort(struct glossa_publish *p)
{
    if (!p)
        return;
    glossa_outfile_abort(p->out);
    if (p->lock_fd >= 0)
        lock_release(p->lock, p->lock_fd);
    glossa__free(p);
}
