/*
** outfile.c — the one way glossa writes a file (the index, -o outputs,
** positions, consolidated versions): written aside and renamed into place.
**
** The target is the file a path names, symbolic links followed (a link is
** kept and its target replaced); only a regular file or nothing is replaced,
** never a directory or a device. The new content goes to <target>.tmp-<pid>
** in the same directory, created with O_EXCL and held under flock() for as
** long as it is written; every write, the fsync and the close are checked,
** and the temporary file is renamed over the target only when all went
** well, else removed. A temporary file of a killed run is recognised by its name and
** by its lock being free, and removed by the next write to the same target:
** a file whose lock is held belongs to a live writer and is left alone. They
** are found by files.c's lister with this file's filter (hidden names too: the
** target may be one); that clean-up is best effort: a folder it cannot list
** is left as it is and the write goes on.
*/
#include "glossa_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct glossa_outfile {
    int fd;
    char path[GLOSSA_PATH_SIZE];        /* as given, for messages */
    char target[GLOSSA_PATH_SIZE];      /* the file replaced: links followed */
    char tmp[GLOSSA_PATH_SIZE + 32];    /* <target>.tmp-<pid> */
};

static int path_error(glossa_error *err, const char *path, int errnum)
{
    return glossa__error_set(err, errnum == ENOENT ? GLOSSA_ENOTFOUND : GLOSSA_EIO, path, 0, 0,
                             "cannot write: %s", strerror(errnum));
}

/* The length of the directory part of path, its final '/' included. */
static size_t dir_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path + 1) : 0;
}

int glossa__outfile_target(const char *path, char *out, size_t size, glossa_error *err)
{
    char link[GLOSSA_PATH_SIZE], next[GLOSSA_PATH_SIZE];
    int hops;

    if (!path || !*path || strlen(path) >= size || strlen(path) >= sizeof next)
        return glossa__error_set(err, GLOSSA_EINPUT, path, 0, 0, "empty or too long file name");
    snprintf(out, size, "%s", path);
    for (hops = 0;; hops++) {
        struct stat sb;
        ssize_t n;
        if (lstat(out, &sb) != 0) {
            if (errno == ENOENT)
                return 0; /* a new file (its directory is checked when it is created) */
            return path_error(err, path, errno);
        }
        if (!S_ISLNK(sb.st_mode)) {
            if (S_ISDIR(sb.st_mode))
                return glossa__error_set(err, GLOSSA_EINPUT, path, 0, 0,
                                         "cannot write: this is a directory");
            if (!S_ISREG(sb.st_mode))
                return glossa__error_set(err, GLOSSA_EINPUT, path, 0, 0,
                                         "cannot write: not a regular file (only a file is "
                                         "replaced, never a device, pipe or socket)");
            return 0;
        }
        if (hops == 40)
            return path_error(err, path, ELOOP);
        n = readlink(out, link, sizeof link - 1);
        if (n < 0)
            return path_error(err, path, errno);
        link[n] = '\0';
        if (link[0] == '/' || dir_len(out) == 0)
            n = snprintf(next, sizeof next, "%s", link);
        else
            n = snprintf(next, sizeof next, "%.*s%s", (int)dir_len(out), out, link);
        if (n < 0 || (size_t)n >= size)
            return path_error(err, path, ENAMETOOLONG);
        memcpy(out, next, (size_t)n + 1);
    }
}

/* A name that glossa gives temporary files of target: <base>.tmp-<digits>. */
static int is_temp_name(const char *name, const char *base, size_t base_len)
{
    const char *p = name + base_len + 5;
    if (strncmp(name, base, base_len) != 0 || strncmp(name + base_len, ".tmp-", 5) != 0 || !*p)
        return 0;
    for (; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}

/* Remove path if it is a regular file that no live writer holds. */
static void remove_if_stale(const char *path)
{
    struct stat held, now;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return;
    if (fstat(fd, &held) == 0 && S_ISREG(held.st_mode) && held.st_nlink > 0 &&
        flock(fd, LOCK_EX | LOCK_NB) == 0 && stat(path, &now) == 0 &&
        now.st_dev == held.st_dev && now.st_ino == held.st_ino)
        unlink(path);
    close(fd);
}

/* The names of the temporary files of one target (glossa__list_dir_if). */
struct temps_of {
    const char *base;
    size_t len;
};

static int is_temp_of(const char *name, const void *ud)
{
    const struct temps_of *t = ud;
    return is_temp_name(name, t->base, t->len);
}

/* Remove the temporary files of target that no live writer holds. */
static void clean_temps(const char *target)
{
    size_t dl = dir_len(target), n = 0, i;
    struct temps_of t;
    char dir[GLOSSA_PATH_SIZE], **paths = NULL;
    glossa_error ignored;

    t.base = target + dl;
    t.len = strlen(t.base);
    snprintf(dir, sizeof dir, "%.*s", dl ? (int)dl : 2, dl ? target : "./");
    if (glossa__list_dir_if(dir, is_temp_of, &t, &paths, &n, &ignored))
        return;
    for (i = 0; i < n; i++)
        remove_if_stale(paths[i]);
    glossa_paths_free(paths, n);
}

int glossa_outfile_open(glossa_outfile **out, const char *path, glossa_error *err)
{
    glossa_outfile *f;
    struct stat old;
    int rc, attempt, have_old;

    *out = NULL;
    f = glossa__calloc(1, sizeof *f);
    if (!f)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    f->fd = -1;
    if ((rc = glossa__outfile_target(path, f->target, sizeof f->target, err))) {
        glossa__free(f);
        return rc;
    }
    snprintf(f->path, sizeof f->path, "%s", path);
    snprintf(f->tmp, sizeof f->tmp, "%s.tmp-%ld", f->target, (long)getpid());
    have_old = stat(f->target, &old) == 0;
    clean_temps(f->target);
    for (attempt = 0; attempt < 8; attempt++) {
        struct stat sb;
        f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (f->fd < 0)
            break;
        /* a writer cleaning up (clean_temps) may hold it for a moment; if
        ** it removed the file before we held it, make another */
        if (flock(f->fd, LOCK_EX) == 0 && fstat(f->fd, &sb) == 0 && sb.st_nlink > 0)
            break;
        close(f->fd);
        f->fd = -1;
    }
    if (f->fd < 0) {
        rc = path_error(err, path, errno ? errno : EAGAIN);
        glossa__free(f);
        return rc;
    }
    if (have_old)
        (void)fchmod(f->fd, old.st_mode & 07777); /* the replacement keeps its permissions */
    *out = f;
    return 0;
}

const char *glossa_outfile_temp(const glossa_outfile *f)
{
    return f->tmp;
}

int glossa_outfile_write(glossa_outfile *f, const void *data, size_t len, glossa_error *err)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(f->fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return path_error(err, f->path, n < 0 ? errno : ENOSPC);
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

void glossa_outfile_abort(glossa_outfile *f)
{
    if (!f)
        return;
    unlink(f->tmp); /* still held: no one else removes or reuses it */
    close(f->fd);
    glossa__free(f);
}

int glossa_outfile_commit(glossa_outfile *f, glossa_error *err)
{
    char dir[GLOSSA_PATH_SIZE];
    size_t dl = dir_len(f->target);
    int fd, held = -1, rc = 0;

    /* fsync and close report what a write-back would fail with (disk full,
    ** I/O); a duplicate descriptor keeps the lock held until the rename */
    if (fsync(f->fd) != 0 || (held = dup(f->fd)) < 0)
        rc = path_error(err, f->path, errno);
    else if (close(f->fd) != 0)
        rc = path_error(err, f->path, errno);
    if (held >= 0)
        f->fd = held;
    if (!rc && rename(f->tmp, f->target) != 0)
        rc = path_error(err, f->path, errno);
    if (rc) {
        glossa_outfile_abort(f);
        return rc;
    }
    snprintf(dir, sizeof dir, "%.*s", dl ? (int)dl : 1, dl ? f->target : ".");
    close(f->fd);
    glossa__free(f);
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd); /* best effort: the rename itself is already atomic */
        close(fd);
    }
    return 0;
}

int glossa_write_file(const char *path, const void *data, size_t len, glossa_error *err)
{
    glossa_outfile *f;
    int rc = glossa_outfile_open(&f, path, err);
    if (rc)
        return rc;
    if ((rc = glossa_outfile_write(f, data, len, err))) {
        glossa_outfile_abort(f);
        return rc;
    }
    return glossa_outfile_commit(f, err);
}
