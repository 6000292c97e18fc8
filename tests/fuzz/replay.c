/*
** replay.c — a main() for the fuzz harnesses without libFuzzer: feeds every
** file named on the command line (or found in a directory named there, in
** name order) to LLVMFuzzerTestOneInput once. With gcc and no libFuzzer this
** is how the seed corpus and every past crash run as ordinary CTest tests
** (tests/fuzz/corpus/<target>/). A harness that finds a broken property
** aborts, so a failing input fails the test.
*/
#include "fuzz.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long files;

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t len = 0, cap = 0, n;
    unsigned char chunk[65536];

    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n > cap) {
            unsigned char *more;
            cap = (len + n) * 2;
            more = realloc(data, cap);
            if (!more) {
                free(data);
                fclose(f);
                fprintf(stderr, "replay: out of memory reading %s\n", path);
                return 1;
            }
            data = more;
        }
        memcpy(data + len, chunk, n);
        len += n;
    }
    fclose(f);
    /* libFuzzer hands over a heap copy of exactly len bytes: so do we */
    {
        unsigned char *exact = malloc(len ? len : 1);
        if (!exact) {
            free(data);
            return 1;
        }
        if (len)
            memcpy(exact, data, len);
        free(data);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
    }
    files++;
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int bad = 0;

    if (!d) {
        fprintf(stderr, "replay: cannot open directory %s\n", dir);
        return 1;
    }
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **more;
            cap = cap ? cap * 2 : 64;
            more = realloc(names, cap * sizeof *names);
            if (!more)
                break;
            names = more;
        }
        names[n] = malloc(strlen(dir) + strlen(de->d_name) + 2);
        if (!names[n])
            break;
        snprintf(names[n], strlen(dir) + strlen(de->d_name) + 2, "%s/%s", dir, de->d_name);
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, compare_names);
    for (i = 0; i < n; i++) {
        struct stat sb;
        if (stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode))
            bad |= run_file(names[i]);
        free(names[i]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv)
{
    int i, bad = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|DIR ...\n", argv[0]);
        return 2;
    }
    for (i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            bad = 1;
        } else if (S_ISDIR(sb.st_mode)) {
            bad |= run_dir(argv[i]);
        } else {
            bad |= run_file(argv[i]);
        }
    }
    if (files == 0) {
        fprintf(stderr, "replay: no input files\n");
        bad = 1;
    }
    printf("%lu input%s replayed, %s\n", files, files == 1 ? "" : "s",
           bad ? "some could not be read" : "no property failed");
    return bad;
}
