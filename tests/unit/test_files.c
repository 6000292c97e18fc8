/*
** test_files.c — the one directory lister and whole-file reader
** (src/lib/files.c): sorted, every file (past the 1024 where the CLI's
** lister once stopped), subfolders and dot files left out, an unreadable or
** missing folder an error naming it; whole files, standard input and FIFOs
** read to their end, the size limit, a directory refused.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void test_files__list_sorted_and_filtered(void **state)
{
    char *dir = th_mkdtemp();
    char **paths;
    size_t n;
    glossa_error err;
    (void)state;
    th_write(th_path(dir, "b.xml"), "b");
    th_write(th_path(dir, "a.xml"), "a");
    th_write(th_path(dir, ".hidden.xml"), "h");
    th_write(th_path(dir, "notes.txt"), "t");
    th_write(th_path(dir, ".xml"), "only a suffix");
    assert_int_equal(mkdir(th_path(dir, "sub.xml"), 0755), 0);
    assert_int_equal(glossa_list_dir(dir, ".xml", &paths, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(paths[0], th_path(dir, "a.xml"));
    assert_string_equal(paths[1], th_path(dir, "b.xml"));
    glossa_paths_free(paths, n);
    /* NULL: every name; "dir/" gets no double slash */
    {
        char slash[1100];
        snprintf(slash, sizeof slash, "%s/", dir);
        assert_int_equal(glossa_list_dir(slash, NULL, &paths, &n, &err), 0);
        assert_int_equal(n, 3);
        assert_string_equal(paths[2], th_path(dir, "notes.txt"));
        glossa_paths_free(paths, n);
    }
    rmdir(th_path(dir, "sub.xml"));
    th_rmdir(dir);
}

static void test_files__list_has_no_limit(void **state)
{
    char *dir = th_mkdtemp();
    char **paths, name[32];
    size_t n, i;
    glossa_error err;
    (void)state;
    for (i = 0; i < 1100; i++) {
        snprintf(name, sizeof name, "p-%04zu.txt", i);
        th_write(th_path(dir, name), "x");
    }
    assert_int_equal(glossa_list_dir(dir, ".txt", &paths, &n, &err), 0);
    assert_int_equal(n, 1100);
    assert_string_equal(paths[1099], th_path(dir, "p-1099.txt"));
    glossa_paths_free(paths, n);
    th_rmdir(dir);
}

static void test_files__list_errors_name_the_folder(void **state)
{
    char *dir = th_mkdtemp();
    char **paths = (char **)1;
    size_t n = 7;
    glossa_error err;
    (void)state;
    assert_int_equal(glossa_list_dir(th_path(dir, "none"), ".xml", &paths, &n, &err),
                     GLOSSA_ENOTFOUND);
    assert_string_equal(err.file, th_path(dir, "none"));
    assert_string_equal(err.msg, "cannot read directory: No such file or directory");
    assert_null(paths);
    assert_int_equal(n, 0);
    th_write(th_path(dir, "file"), "x");
    assert_int_equal(glossa_list_dir(th_path(dir, "file"), ".xml", &paths, &n, &err), GLOSSA_EIO);
    assert_string_equal(err.msg, "cannot read directory: Not a directory");
    /* an empty folder is not an error */
    assert_int_equal(mkdir(th_path(dir, "empty"), 0755), 0);
    assert_int_equal(glossa_list_dir(th_path(dir, "empty"), ".xml", &paths, &n, &err), 0);
    assert_int_equal(n, 0);
    glossa_paths_free(paths, n);
    rmdir(th_path(dir, "empty"));
    th_rmdir(dir);
}

static void test_files__list_oom_is_reported(void **state)
{
    char *dir = th_mkdtemp();
    char **paths;
    size_t n;
    unsigned long k;
    glossa_error err;
    (void)state;
    th_write(th_path(dir, "a.xml"), "a");
    th_write(th_path(dir, "b.xml"), "b");
    for (k = 1; k <= 4; k++) {
        glossa__alloc_fail_after(k, 0);
        if (glossa_list_dir(dir, ".xml", &paths, &n, &err) == 0) {
            glossa__alloc_fail_after(0, 0);
            glossa_paths_free(paths, n);
            continue;
        }
        glossa__alloc_fail_after(0, 0);
        assert_int_equal(err.code, GLOSSA_ENOMEM);
        assert_string_equal(err.msg, "out of memory");
    }
    th_rmdir(dir);
}

static void test_files__read_whole_and_limit(void **state)
{
    char *dir = th_mkdtemp(), *data;
    size_t len;
    glossa_error err;
    (void)state;
    th_write(th_path(dir, "t.txt"), "hello\n");
    assert_int_equal(glossa_read_file(th_path(dir, "t.txt"), 6, &data, &len, &err), 0);
    assert_int_equal(len, 6);
    assert_string_equal(data, "hello\n");
    glossa_free(data);
    assert_int_equal(glossa_read_file(th_path(dir, "t.txt"), 5, &data, &len, &err), GLOSSA_EINPUT);
    assert_null(data);
    assert_string_equal(err.file, th_path(dir, "t.txt"));
    assert_string_equal(err.msg, "too large (at most 5 bytes)");
    assert_int_equal(glossa_read_file(th_path(dir, "t.txt"), (size_t)1 << 20, &data, &len, &err), 0);
    glossa_free(data);
    /* empty */
    th_write(th_path(dir, "e.txt"), "");
    assert_int_equal(glossa_read_file(th_path(dir, "e.txt"), 10, &data, &len, &err), 0);
    assert_int_equal(len, 0);
    assert_string_equal(data, "");
    glossa_free(data);
    /* a directory, a missing file */
    assert_int_equal(glossa_read_file(dir, 10, &data, &len, &err), GLOSSA_EIO);
    assert_string_equal(err.msg, "is a directory, not a file");
    assert_int_equal(glossa_read_file(th_path(dir, "none"), 10, &data, &len, &err),
                     GLOSSA_ENOTFOUND);
    assert_string_equal(err.file, th_path(dir, "none"));
    assert_string_equal(err.msg, "cannot open: No such file or directory");
    th_rmdir(dir);
}

/* A FIFO fed by a child, 200000 bytes: read past the first 64 KiB chunk. */
static void test_files__read_fifo_and_stdin(void **state)
{
    char *dir = th_mkdtemp(), *data;
    const char *fifo = th_path(dir, "fifo");
    size_t len, i;
    glossa_error err;
    pid_t pid;
    int status, saved;
    (void)state;
    assert_int_equal(mkfifo(fifo, 0600), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        FILE *f = fopen(fifo, "wb");
        for (i = 0; f && i < 200000; i++)
            fputc('a' + (int)(i % 26), f);
        _exit(f && fclose(f) == 0 ? 0 : 1);
    }
    assert_int_equal(glossa_read_file(fifo, 1 << 20, &data, &len, &err), 0);
    waitpid(pid, &status, 0);
    assert_int_equal(len, 200000);
    assert_int_equal(data[199999], 'a' + 199999 % 26);
    glossa_free(data);
    /* standard input: path NULL, named "-"; the limit holds for a pipe too */
    th_write(th_path(dir, "in.txt"), "from stdin");
    saved = dup(0);
    assert_non_null(freopen(th_path(dir, "in.txt"), "rb", stdin));
    assert_int_equal(glossa_read_file(NULL, 100, &data, &len, &err), 0);
    assert_string_equal(data, "from stdin");
    glossa_free(data);
    rewind(stdin);
    assert_int_equal(glossa_read_file(NULL, 4, &data, &len, &err), GLOSSA_EINPUT);
    assert_string_equal(err.file, "-");
    assert_string_equal(err.msg, "too large (at most 4 bytes)");
    dup2(saved, 0);
    close(saved);
    th_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_files__list_sorted_and_filtered),
        cmocka_unit_test(test_files__list_has_no_limit),
        cmocka_unit_test(test_files__list_errors_name_the_folder),
        cmocka_unit_test(test_files__list_oom_is_reported),
        cmocka_unit_test(test_files__read_whole_and_limit),
        cmocka_unit_test(test_files__read_fifo_and_stdin),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
