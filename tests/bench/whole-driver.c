/*
** whole-driver.c — the timer of the whole-process bench (tests/bench/whole-bench.sh).
**
**   whole-driver ROUNDS SPEC [REF_LABEL...]
**
** SPEC holds one command per line: LABEL TAB ARGV0 TAB ARG1 ... (ARGV0 a path).
** One untimed warm-up round, then ROUNDS rounds, each running every command
** once in the order of SPEC (A B C ... A B C ...), so that a change of the
** machine's load falls on all commands alike. Each run is fork, execv,
** wait4, timed by CLOCK_MONOTONIC around the three in this small program,
** so the driver's own share is small and the same for every command;
** stdout and stderr go to /dev/null. Prints, per command:
**   time LABEL n=ROUNDS min=MS median=MS failed=RUNS
** and for each REF_LABEL and each other command:
**   ratio LABEL REF medians=X rounds=Y
** medians: the command's median over the reference's median; rounds: the
** median over rounds of (the command's time / the reference's time in the
** same round), the figure least moved by load. Never judges a figure.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CMDS 32
#define MAX_ARGS 32

struct cmd {
    char *label;
    char *argv[MAX_ARGS + 1];
    double *ms; /* one per round */
    unsigned failed;
};

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* the median of n values (sorts a copy) */
static double median(const double *v, size_t n)
{
    double *s = malloc(n * sizeof *s), m;
    if (!s)
        return 0;
    memcpy(s, v, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_double);
    m = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    free(s);
    return m;
}

/* one run of c: wall milliseconds, -1 when it could not be started */
static double run(struct cmd *c, int devnull)
{
    struct rusage ru;
    int status = 0;
    double a = now_ms();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        dup2(devnull, 1);
        dup2(devnull, 2);
        execv(c->argv[0], c->argv);
        _exit(127);
    }
    if (wait4(pid, &status, 0, &ru) < 0)
        return -1;
    a = now_ms() - a;
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
        c->failed++;
    return a;
}

static size_t read_spec(const char *path, struct cmd *cmds, int rounds)
{
    char line[8192];
    size_t n = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "whole-driver: %s: %s\n", path, strerror(errno));
        return 0;
    }
    while (n < MAX_CMDS && fgets(line, sizeof line, f)) {
        char *save = NULL, *tok;
        int a = 0;
        line[strcspn(line, "\n")] = '\0';
        if (!(tok = strtok_r(line, "\t", &save)))
            continue;
        cmds[n].label = strdup(tok);
        while (a < MAX_ARGS && (tok = strtok_r(NULL, "\t", &save)))
            cmds[n].argv[a++] = strdup(tok);
        cmds[n].argv[a] = NULL;
        cmds[n].ms = calloc((size_t)rounds, sizeof(double));
        if (a == 0 || !cmds[n].ms) {
            fprintf(stderr, "whole-driver: %s: line %zu has no command\n", path, n + 1);
            fclose(f);
            return 0;
        }
        n++;
    }
    fclose(f);
    return n;
}

static void free_cmds(struct cmd *cmds, size_t n)
{
    size_t i, a;
    for (i = 0; i < n; i++) {
        free(cmds[i].label);
        for (a = 0; cmds[i].argv[a]; a++)
            free(cmds[i].argv[a]);
        free(cmds[i].ms);
    }
}

/* the figures of the rounds timed (see the opening comment) */
static int report(struct cmd *cmds, size_t n, int rounds, char **refs, int n_refs)
{
    double *pair = calloc((size_t)rounds, sizeof *pair);
    size_t i, j;
    int r, k;

    if (!pair)
        return 2;
    for (i = 0; i < n; i++) {
        double lo = cmds[i].ms[0];
        for (r = 1; r < rounds; r++)
            lo = cmds[i].ms[r] < lo ? cmds[i].ms[r] : lo;
        printf("time %s n=%d min=%.2f median=%.2f failed=%u\n", cmds[i].label, rounds, lo,
               median(cmds[i].ms, (size_t)rounds), cmds[i].failed);
    }
    for (k = 0; k < n_refs; k++) {
        for (j = 0; j < n && strcmp(cmds[j].label, refs[k]) != 0; j++)
            ;
        if (j == n) {
            fprintf(stderr, "whole-driver: no command labelled %s\n", refs[k]);
            free(pair);
            return 2;
        }
        for (i = 0; i < n; i++) {
            if (i == j)
                continue;
            for (r = 0; r < rounds; r++)
                pair[r] = cmds[i].ms[r] / cmds[j].ms[r];
            printf("ratio %s %s medians=%.2f rounds=%.2f\n", cmds[i].label, cmds[j].label,
                   median(cmds[i].ms, (size_t)rounds) / median(cmds[j].ms, (size_t)rounds),
                   median(pair, (size_t)rounds));
        }
    }
    free(pair);
    return 0;
}

int main(int argc, char **argv)
{
    static struct cmd cmds[MAX_CMDS];
    int rounds, r, devnull, rc = 0;
    size_t n, i;

    if (argc < 3 || (rounds = atoi(argv[1])) < 1) {
        fprintf(stderr, "usage: whole-driver ROUNDS SPEC [REF_LABEL...]\n");
        return 2;
    }
    if (!(n = read_spec(argv[2], cmds, rounds)) || (devnull = open("/dev/null", O_WRONLY)) < 0) {
        free_cmds(cmds, MAX_CMDS);
        return 2;
    }
    for (r = -1; r < rounds && rc == 0; r++) /* round -1 warms the page cache, untimed */
        for (i = 0; i < n && rc == 0; i++) {
            double t = run(&cmds[i], devnull);
            if (t < 0) {
                fprintf(stderr, "whole-driver: cannot run %s: %s\n", cmds[i].argv[0], strerror(errno));
                rc = 2;
            } else if (r >= 0) {
                cmds[i].ms[r] = t;
            }
        }
    if (rc == 0)
        rc = report(cmds, n, rounds, argv + 3, argc - 3);
    close(devnull);
    free_cmds(cmds, MAX_CMDS);
    return rc;
}
