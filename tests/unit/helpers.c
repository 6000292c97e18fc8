/*
** helpers.c — see helpers.h.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *th_mkdtemp(void)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = malloc(4096);
    assert_non_null(dir);
    snprintf(dir, 4096, "%s/glossa-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(dir));
    return dir;
}

void th_rmdir(char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    if (d) {
        while ((de = readdir(d)))
            if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
                unlink(th_path(dir, de->d_name));
        closedir(d);
    }
    rmdir(dir);
    free(dir);
}

const char *th_path(const char *dir, const char *name)
{
    static char bufs[8][4096];
    static int next;
    char *b = bufs[next++ % 8];
    snprintf(b, 4096, "%s/%s", dir, name);
    return b;
}

void th_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

void th_write_replaced(const char *path, const char *from, const char *to, const char *out_path)
{
    struct glossa_buf b = GLOSSA_BUF_INIT;
    glossa_error err;
    char *text, *at;
    size_t len;
    assert_int_equal(glossa_read_file(path, (size_t)1 << 20, &text, &len, &err), 0);
    at = strstr(text, from);
    assert_non_null(at);
    assert_int_equal(glossa__buf_add(&b, text, (size_t)(at - text)), 0);
    assert_int_equal(glossa__buf_adds(&b, to), 0);
    assert_int_equal(glossa__buf_adds(&b, at + strlen(from)), 0);
    th_write(out_path, glossa__buf_str(&b));
    glossa__buf_release(&b);
    glossa_free(text);
}

uint64_t th_hash_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint64_t h = 1469598103934665603ULL;
    int c;
    if (!f)
        return 0;
    while ((c = fgetc(f)) != EOF) {
        h ^= (uint64_t)(unsigned char)c;
        h *= 1099511628211ULL;
    }
    fclose(f);
    return h;
}

int th_exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

void th_index(const char *db, const char *const *inputs, size_t n)
{
    glossa_error err;
    int rc = glossa_index(db, inputs, n, NULL, NULL, &err);
    if (rc)
        fail_msg("index failed: %s:%ld: %s", err.file, err.line, err.msg);
}

int th_global_setup(void **state)
{
    glossa_error err;
    (void)state;
    return glossa_global_init(&err);
}

int th_global_teardown(void **state)
{
    (void)state;
    glossa_global_shutdown();
    return 0;
}

int th_setup_index(void **state, char **dir, glossa_db **db, const char *input,
                   const char *xml)
{
    char tei[4096], path[4096];
    const char *in[1];
    glossa_error err;
    if (th_global_setup(state))
        return -1;
    *dir = th_mkdtemp();
    if (xml) {
        snprintf(tei, sizeof tei, "%s", th_path(*dir, "fixture.xml"));
        th_write(tei, xml);
        input = tei;
    }
    in[0] = input;
    snprintf(path, sizeof path, "%s", th_path(*dir, "fixture.db"));
    if (glossa_index(path, in, 1, NULL, NULL, &err) || glossa_db_open(db, path, &err)) {
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
        return -1;
    }
    return 0;
}

int th_teardown_index(void **state, char **dir, glossa_db **db)
{
    glossa_db_close(*db);
    *db = NULL;
    th_rmdir(*dir);
    *dir = NULL;
    return th_global_teardown(state);
}
