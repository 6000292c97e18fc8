/*
** inputs.c — the two versions that `glossa diff` and `glossa protocol`
** compare: paths as given, or (--git) revisions of the glossary folder of
** the git repository around the working directory, exported with
** `git ls-tree` and `git show` into temporary folders (removed afterwards).
** git runs without a shell, so a revision name cannot inject a command.
*/
#include "cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Run git with argv, its stdout to fd; returns its exit status or -1. */
static int run_git(char *const argv[], int fd)
{
    pid_t pid = fork();
    int status;
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(fd, STDOUT_FILENO);
        if (devnull >= 0)
            dup2(devnull, STDERR_FILENO);
        execvp("git", argv);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int export_revision(const char *rev, const char *path, char *dir, size_t dir_size,
                           const struct cli_out *out)
{
    char list_file[] = "/tmp/glossa-ls.XXXXXX";
    char spec[2048], line[1024];
    int fd, files = 0;
    FILE *f;
    char *ls[] = { "git", "ls-tree", "--name-only", (char *)rev, "--", spec, NULL };

    snprintf(dir, dir_size, "%s/glossa-%s.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             "rev");
    if (!mkdtemp(dir)) {
        out_message(out, "cannot create a temporary folder: %s", strerror(errno));
        return -1;
    }
    snprintf(spec, sizeof spec, "%s/", path);
    fd = mkstemp(list_file);
    if (fd < 0 || run_git(ls, fd) != 0) {
        if (fd >= 0) {
            close(fd);
            unlink(list_file);
        }
        out_message(out, "git cannot list '%s' at revision '%s' (is this a git checkout, and "
                         "is '%s' a revision?)", path, rev, rev);
        return -1;
    }
    close(fd);
    f = fopen(list_file, "r");
    while (f && fgets(line, sizeof line, f)) {
        char object[2200], target[4200];
        const char *base;
        char *show[] = { "git", "show", object, NULL };
        int out_fd;
        line[strcspn(line, "\n")] = '\0';
        if (strlen(line) < 5 || strcmp(line + strlen(line) - 4, ".xml") != 0)
            continue;
        base = strrchr(line, '/') ? strrchr(line, '/') + 1 : line;
        snprintf(object, sizeof object, "%s:%s", rev, line);
        snprintf(target, sizeof target, "%s/%s", dir, base);
        out_fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out_fd < 0 || run_git(show, out_fd) != 0) {
            if (out_fd >= 0)
                close(out_fd);
            out_message(out, "git cannot show '%s'", object);
            fclose(f);
            unlink(list_file);
            return -1;
        }
        close(out_fd);
        files++;
    }
    if (f)
        fclose(f);
    unlink(list_file);
    if (files == 0) {
        out_message(out, "no *.xml files in '%s' at revision '%s'", path, rev);
        return -1;
    }
    return 0;
}

void versions_release(struct versions *v)
{
    int i;
    for (i = 0; i < 2; i++) {
        char **files;
        size_t n, k;
        glossa_error err;
        if (!v->temp[i][0])
            continue;
        if (glossa_list_dir(v->temp[i], NULL, &files, &n, &err) == 0) {
            for (k = 0; k < n; k++)
                unlink(files[k]);
            glossa_paths_free(files, n);
        }
        rmdir(v->temp[i]);
        v->temp[i][0] = '\0';
    }
}

int versions_from_args(struct versions *v, const struct cli_args *args, int git,
                       const char *git_path, const char *usage)
{
    int i;
    memset(v, 0, sizeof *v);
    if (args->n_positional != 2) {
        fprintf(stderr, "glossa: give two versions: OLD NEW\nusage: glossa %s\n", usage);
        return EXIT_ERR;
    }
    for (i = 0; i < 2; i++) {
        if (git) {
            if (export_revision(args->positional[i], git_path ? git_path : "glossary", v->temp[i],
                                sizeof v->temp[i], &args->out)) {
                versions_release(v);
                return EXIT_ERR;
            }
            v->path[i] = v->temp[i];
        } else {
            v->path[i] = args->positional[i];
        }
    }
    return 0;
}
