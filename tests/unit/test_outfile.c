/*
** test_outfile.c — files written aside and renamed (src/lib/outfile.c): a
** commit replaces the target and keeps its permissions, an abort or a
** failure leaves it byte for byte with no temporary file; symbolic links are
** followed to the file they name (a loop is an error); a temporary file of a
** dead writer is removed by the next write (a hidden target's too), one held
** by a live writer is not.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static char *slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;
    assert_non_null(f);
    n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void test_outfile__commit_replaces_and_keeps_the_mode(void **state)
{
    char *dir = th_mkdtemp();
    const char *path = th_path(dir, "out.txt");
    glossa_error err;
    struct stat sb;
    char buf[64];
    (void)state;
    th_write(path, "old");
    chmod(path, 0600);
    assert_int_equal(glossa_write_file(path, "new content", 11, &err), 0);
    assert_string_equal(slurp(path, buf, sizeof buf), "new content");
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    th_rmdir(dir);
}

static void test_outfile__abort_leaves_the_target(void **state)
{
    char *dir = th_mkdtemp();
    const char *path = th_path(dir, "out.txt");
    glossa_outfile *f;
    glossa_error err;
    char buf[64], tmp[4096];
    (void)state;
    th_write(path, "old");
    assert_int_equal(glossa_outfile_open(&f, path, &err), 0);
    assert_int_equal(glossa_outfile_write(f, "half", 4, &err), 0);
    snprintf(tmp, sizeof tmp, "%s", glossa_outfile_temp(f));
    assert_true(th_exists(tmp));
    glossa_outfile_abort(f);
    assert_false(th_exists(tmp));
    assert_string_equal(slurp(path, buf, sizeof buf), "old");
    th_rmdir(dir);
}

static void test_outfile__out_of_memory_creates_nothing(void **state)
{
    char *dir = th_mkdtemp();
    const char *path = th_path(dir, "out.txt");
    glossa_error err;
    (void)state;
    glossa__alloc_fail_after(1, 0);
    assert_int_equal(glossa_write_file(path, "x", 1, &err), GLOSSA_ENOMEM);
    glossa__alloc_fail_after(0, 0);
    assert_false(th_exists(path));
    th_rmdir(dir);
}

static void test_outfile__links_are_followed(void **state)
{
    char *dir = th_mkdtemp();
    char real[4096], buf[64];
    glossa_error err;
    struct stat sb;
    (void)state;
    assert_int_equal(mkdir(th_path(dir, "sub"), 0755), 0);
    snprintf(real, sizeof real, "%s", th_path(dir, "sub/real.txt"));
    th_write(real, "old");
    /* a -> b (relative), b -> sub/real.txt */
    assert_int_equal(symlink("b", th_path(dir, "a")), 0);
    assert_int_equal(symlink("sub/real.txt", th_path(dir, "b")), 0);
    assert_int_equal(glossa_write_file(th_path(dir, "a"), "new", 3, &err), 0);
    assert_string_equal(slurp(real, buf, sizeof buf), "new");
    assert_int_equal(lstat(th_path(dir, "a"), &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    assert_int_equal(lstat(th_path(dir, "b"), &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    /* a loop */
    assert_int_equal(symlink("loop2", th_path(dir, "loop1")), 0);
    assert_int_equal(symlink("loop1", th_path(dir, "loop2")), 0);
    assert_int_equal(glossa_write_file(th_path(dir, "loop1"), "x", 1, &err), GLOSSA_EIO);
    assert_string_equal(err.msg, "cannot write: Too many levels of symbolic links");
    /* a directory, and a missing one */
    assert_int_equal(glossa_write_file(th_path(dir, "sub"), "x", 1, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "cannot write: this is a directory");
    assert_int_equal(glossa_write_file(th_path(dir, "none/x"), "x", 1, &err), GLOSSA_ENOTFOUND);
    assert_string_equal(err.msg, "cannot write: No such file or directory");
    unlink(real);
    rmdir(th_path(dir, "sub"));
    th_rmdir(dir);
}

static void test_outfile__stale_temporary_files_only(void **state)
{
    char *dir = th_mkdtemp();
    glossa_error err;
    int held;
    (void)state;
    th_write(th_path(dir, "t.xml.tmp-1"), "dead");
    th_write(th_path(dir, "t.xml.tmp-2"), "live");
    th_write(th_path(dir, "t.xml.tmp-3x"), "not ours");
    th_write(th_path(dir, "u.xml.tmp-4"), "another target's");
    held = open(th_path(dir, "t.xml.tmp-2"), O_RDONLY);
    assert_true(held >= 0);
    assert_int_equal(flock(held, LOCK_EX), 0);
    assert_int_equal(glossa_write_file(th_path(dir, "t.xml"), "x", 1, &err), 0);
    assert_false(th_exists(th_path(dir, "t.xml.tmp-1")));
    assert_true(th_exists(th_path(dir, "t.xml.tmp-2")));
    assert_true(th_exists(th_path(dir, "t.xml.tmp-3x")));
    assert_true(th_exists(th_path(dir, "u.xml.tmp-4")));
    close(held);
    /* a hidden target's too (glossa_list_dir would skip the hidden name) */
    th_write(th_path(dir, ".h.db.tmp-5"), "dead");
    assert_int_equal(glossa_write_file(th_path(dir, ".h.db"), "x", 1, &err), 0);
    assert_false(th_exists(th_path(dir, ".h.db.tmp-5")));
    th_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outfile__commit_replaces_and_keeps_the_mode),
        cmocka_unit_test(test_outfile__abort_leaves_the_target),
        cmocka_unit_test(test_outfile__out_of_memory_creates_nothing),
        cmocka_unit_test(test_outfile__links_are_followed),
        cmocka_unit_test(test_outfile__stale_temporary_files_only),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
