/*
** lookup-bench.c — latency figures for the scale bench (tests/bench/scale-bench.sh).
**
**   lookup-bench inproc DB QUERYDIR [ROUNDS]
**       glossa_lookup() through the public API, per match kind: p50/p99/mean
**       in microseconds, and how many queries came back first with the
**       expected concept and kind (QUERYDIR/KIND.tsv: query TAB concept id).
**   lookup-bench spawn KIND.tsv N CMD ARG... ({} is the query, {fts} the
**       query as an SQLite string holding an FTS5 phrase)
**       a whole command per query (fork/exec, stdout to /dev/null): p50/p99 ms.
**   lookup-bench fts5-build DB HEADWORDS.tsv
**       the SQLite FTS5 (unicode61) peer: load headword TAB text rows; rows/s,
**       peak RSS, size.
**   lookup-bench fts5 DB QUERYDIR [ROUNDS]
**       the same queries against that FTS5 table, in process (kinds FTS5 has).
** Prints figures; it never judges them (exit 0 unless it cannot run).
** BENCH_SLOW=US prints the queries slower than US microseconds (stderr);
** BENCH_KINDS=fuzzy,exact times those kinds only.
*/
#include "glossa.h"

#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static const char *const kinds[] = { "exact", "normalized", "stem", "translit", "prefix",
                                     "fuzzy", "fulltext" };
#define N_KINDS (sizeof kinds / sizeof kinds[0])
#define MAX_QUERIES 10000

struct query {
    char *text, *expect;
};

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static size_t load_queries(const char *path, struct query *out, size_t max)
{
    char line[8192];
    size_t n = 0;
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    while (n < max && fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        line[strcspn(line, "\r\n")] = '\0';
        if (!tab)
            continue;
        *tab = '\0';
        out[n].text = strdup(line);
        out[n].expect = strdup(tab + 1);
        n++;
    }
    fclose(f);
    return n;
}

static void free_queries(struct query *q, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        free(q[i].text);
        free(q[i].expect);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* p50, p99 and mean of t[0..n) (sorted in place) */
static void stats(double *t, size_t n, double *p50, double *p99, double *mean)
{
    size_t i;
    double sum = 0;
    qsort(t, n, sizeof *t, cmp_double);
    for (i = 0; i < n; i++)
        sum += t[i];
    *p50 = n ? t[n / 2] : 0;
    *p99 = n ? t[(n * 99 + 99) / 100 - 1 < n ? (n * 99 + 99) / 100 - 1 : n - 1] : 0;
    *mean = n ? sum / (double)n : 0;
}

/* 1 when word is one of the comma-separated list */
static int listed(const char *list, const char *word)
{
    size_t n = strlen(word);
    const char *at;
    for (at = list; (at = strstr(at, word)); at += n)
        if ((at == list || at[-1] == ',') && (at[n] == ',' || at[n] == '\0'))
            return 1;
    return 0;
}

static int inproc(const char *db_path, const char *dir, int rounds)
{
    static struct query q[MAX_QUERIES];
    static double t[MAX_QUERIES * 4];
    glossa_db *db;
    glossa_error err;
    size_t k;
    double t0 = now_us();

    if (glossa_db_open(&db, db_path, &err)) {
        fprintf(stderr, "lookup-bench: %s: %s\n", db_path, err.msg);
        return 2;
    }
    printf("inproc open: %.0f us\n", now_us() - t0);
    /* pass 0: the default (every kind tried, ranked); pass 1: --mode KIND */
    for (k = 0; k < 2 * N_KINDS; k++) {
        char path[4096];
        size_t n, i, nt = 0, first = 0, found = 0;
        int r, forced = k >= N_KINDS;
        double p50, p99, mean;
        const char *kind = kinds[k % N_KINDS], *only = getenv("BENCH_KINDS");
        glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
        if (only && !listed(only, kind))
            continue;
        snprintf(path, sizeof path, "%s/%s.tsv", dir, kind);
        n = load_queries(path, q, MAX_QUERIES);
        if (!n) {
            printf("inproc%s %-10s n=0 (no queries)\n", forced ? "-mode" : "", kind);
            continue;
        }
        o.in_definitions = strcmp(kind, "fulltext") == 0;
        if (forced && !o.in_definitions)
            glossa_mode_parse(kind, &o.mode);
        for (r = -1; r < rounds; r++) { /* round -1 warms up, untimed */
            for (i = 0; i < n; i++) {
                glossa_results *res = NULL;
                double a = now_us(), b;
                int rc = glossa_lookup(db, q[i].text, &o, &res, &err);
                b = now_us();
                if (r >= 0)
                    t[nt++] = b - a;
                if (r == 0 && getenv("BENCH_SLOW") && b - a > strtod(getenv("BENCH_SLOW"), NULL))
                    fprintf(stderr, "slow %s %.0f us: %s\n", kind, b - a, q[i].text);
                if (r == 0 && !rc && glossa_results_count(res) > 0) {
                    const glossa_hit *h = glossa_results_get(res, 0);
                    size_t j;
                    if (strcmp(h->id, q[i].expect) == 0 &&
                        strcmp(glossa_match_kind_name(h->how), kind) == 0)
                        first++;
                    for (j = 0; j < glossa_results_count(res); j++)
                        if (strcmp(glossa_results_get(res, j)->id, q[i].expect) == 0)
                            found++;
                }
                glossa_results_free(res);
            }
        }
        stats(t, nt, &p50, &p99, &mean);
        printf("inproc%s %-10s n=%zu p50=%.1f us p99=%.1f us mean=%.1f us  first-as-expected=%zu/%zu "
               "expected-in-results=%zu/%zu\n", forced ? "-mode" : "", kind, n, p50, p99, mean,
               first, n, found, n);
        free_queries(q, n);
    }
    glossa_db_close(db);
    return 0;
}

/* a query as an SQLite string literal holding an FTS5 phrase: '"a b"' */
static char *fts_literal(const char *q)
{
    size_t n = strlen(q), i, j = 0;
    char *s = malloc(n * 4 + 8);
    if (!s)
        return NULL;
    s[j++] = '\'';
    s[j++] = '"';
    for (i = 0; i < n; i++) {
        if (q[i] == '\'')
            s[j++] = '\'';
        if (q[i] == '"')
            s[j++] = '"';
        s[j++] = q[i];
    }
    s[j++] = '"';
    s[j++] = '\'';
    s[j] = '\0';
    return s;
}

static char *substitute(const char *arg, const char *q)
{
    const char *at;
    char *lit = NULL, *out;
    const char *with;
    size_t n;
    if ((at = strstr(arg, "{fts}")))
        with = lit = fts_literal(q);
    else if ((at = strstr(arg, "{}")))
        with = q;
    else
        return strdup(arg);
    n = strlen(arg) + strlen(with) + 1;
    out = malloc(n);
    if (out)
        snprintf(out, n, "%.*s%s%s", (int)(at - arg), arg, with,
                 at + (strncmp(at, "{fts}", 5) == 0 ? 5 : 2));
    free(lit);
    return out;
}

static int spawn(const char *file, int n_max, char **cmd, int n_cmd)
{
    static struct query q[MAX_QUERIES];
    static double t[MAX_QUERIES];
    size_t n = load_queries(file, q, (size_t)n_max), i, nt = 0;
    posix_spawn_file_actions_t fa;
    unsigned failed = 0;
    double p50, p99, mean;
    char **argv = calloc((size_t)n_cmd + 1, sizeof *argv);

    if (!n || !argv) {
        printf("spawn n=0 (no queries in %s)\n", file);
        return 0;
    }
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    for (i = 0; i < n + 1; i++) { /* the first query warms up, untimed */
        struct query *qq = &q[i == 0 ? 0 : i - 1];
        pid_t pid;
        int j, status = 0;
        double a;
        for (j = 0; j < n_cmd; j++)
            argv[j] = substitute(cmd[j], qq->text);
        a = now_us();
        if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
            fprintf(stderr, "lookup-bench: cannot run %s: %s\n", argv[0], strerror(errno));
            return 2;
        }
        waitpid(pid, &status, 0);
        if (i > 0)
            t[nt++] = (now_us() - a) / 1000.0;
        if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
            failed++;
        for (j = 0; j < n_cmd; j++)
            free(argv[j]);
    }
    stats(t, nt, &p50, &p99, &mean);
    printf("spawn n=%zu p50=%.2f ms p99=%.2f ms mean=%.2f ms failed=%u\n", nt, p50, p99, mean, failed);
    posix_spawn_file_actions_destroy(&fa);
    free(argv);
    free_queries(q, n);
    return 0;
}

static int fts5_build(const char *db_path, const char *tsv)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    char *line = NULL;
    size_t cap = 0, rows = 0;
    ssize_t len;
    struct rusage ru;
    struct stat sb;
    double t0 = now_us(), secs;
    FILE *f = fopen(tsv, "r");

    unlink(db_path);
    if (!f || sqlite3_open(db_path, &db) != SQLITE_OK) {
        fprintf(stderr, "lookup-bench: cannot open %s or %s\n", tsv, db_path);
        return 2;
    }
    sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                     "CREATE VIRTUAL TABLE peer USING fts5(head, body,"
                     " tokenize='unicode61 remove_diacritics 2'); BEGIN", NULL, NULL, NULL);
    if (sqlite3_prepare_v2(db, "INSERT INTO peer(head, body) VALUES (?1, ?2)", -1, &st, NULL)) {
        fprintf(stderr, "lookup-bench: %s\n", sqlite3_errmsg(db));
        return 2;
    }
    while ((len = getline(&line, &cap, f)) > 0) {
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        line[strcspn(line, "\n")] = '\0';
        *tab = '\0';
        sqlite3_bind_text(st, 1, line, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, tab + 1, -1, SQLITE_STATIC);
        sqlite3_step(st);
        sqlite3_reset(st);
        rows++;
    }
    sqlite3_finalize(st);
    sqlite3_exec(db, "COMMIT; INSERT INTO peer(peer) VALUES('optimize')", NULL, NULL, NULL);
    sqlite3_close(db);
    fclose(f);
    free(line);
    secs = (now_us() - t0) / 1e6;
    getrusage(RUSAGE_SELF, &ru);
    stat(db_path, &sb);
    printf("fts5-build rows=%zu secs=%.2f rate=%.0f maxrss_kb=%ld bytes=%lld\n", rows, secs,
           (double)rows / secs, ru.ru_maxrss, (long long)sb.st_size);
    return 0;
}

static int fts5_query(const char *db_path, const char *dir, int rounds)
{
    static struct query q[MAX_QUERIES];
    static double t[MAX_QUERIES * 4];
    static const char *const what[] = { "exact", "normalized", "prefix", "fulltext" };
    sqlite3 *db;
    sqlite3_stmt *st;
    size_t k;

    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT rowid, head FROM peer WHERE peer MATCH ?1"
                               " ORDER BY rank LIMIT 10", -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "lookup-bench: %s: %s\n", db_path, sqlite3_errmsg(db));
        return 2;
    }
    for (k = 0; k < sizeof what / sizeof what[0]; k++) {
        char path[4096];
        size_t n, i, nt = 0, hits = 0;
        int r;
        double p50, p99, mean;
        snprintf(path, sizeof path, "%s/%s.tsv", dir, what[k]);
        n = load_queries(path, q, MAX_QUERIES);
        for (r = -1; r < rounds; r++) {
            for (i = 0; i < n; i++) {
                char m[8300];
                const char *col = strcmp(what[k], "fulltext") == 0 ? "body" : "head";
                size_t j = 0, a;
                double t0;
                /* {head}: "phrase" — or each word as a prefix "w"* */
                j += (size_t)snprintf(m + j, sizeof m - j, "{%s}: ", col);
                if (strcmp(what[k], "prefix") == 0) {
                    char *w, *save = NULL, *copy = strdup(q[i].text);
                    for (w = strtok_r(copy, " ", &save); w && j < sizeof m - 64;
                         w = strtok_r(NULL, " ", &save))
                        j += (size_t)snprintf(m + j, sizeof m - j, "\"%s\"* ", w);
                    free(copy);
                } else {
                    m[j++] = '"';
                    for (a = 0; q[i].text[a] && j < sizeof m - 4; a++) {
                        if (q[i].text[a] == '"')
                            m[j++] = '"';
                        m[j++] = q[i].text[a];
                    }
                    m[j++] = '"';
                    m[j] = '\0';
                }
                t0 = now_us();
                sqlite3_bind_text(st, 1, m, -1, SQLITE_STATIC);
                while (sqlite3_step(st) == SQLITE_ROW)
                    if (r == 0)
                        hits++;
                sqlite3_reset(st);
                if (r >= 0)
                    t[nt++] = now_us() - t0;
            }
        }
        stats(t, nt, &p50, &p99, &mean);
        printf("fts5 %-10s n=%zu p50=%.1f us p99=%.1f us mean=%.1f us rows=%zu\n", what[k], n, p50,
               p99, mean, hits);
        free_queries(q, n);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return 0;
}

int main(int argc, char **argv)
{
    glossa_error err;
    int rc = 2;
    if (argc >= 4 && strcmp(argv[1], "inproc") == 0) {
        if (glossa_global_init(&err))
            return 2;
        rc = inproc(argv[2], argv[3], argc > 4 ? (int)strtol(argv[4], NULL, 10) : 1);
        glossa_global_shutdown();
    } else if (argc >= 5 && strcmp(argv[1], "spawn") == 0) {
        rc = spawn(argv[2], (int)strtol(argv[3], NULL, 10), argv + 4, argc - 4);
    } else if (argc == 4 && strcmp(argv[1], "fts5-build") == 0) {
        rc = fts5_build(argv[2], argv[3]);
    } else if (argc >= 4 && strcmp(argv[1], "fts5") == 0) {
        rc = fts5_query(argv[2], argv[3], argc > 4 ? (int)strtol(argv[4], NULL, 10) : 1);
    } else {
        fprintf(stderr, "usage: lookup-bench inproc DB QUERYDIR [ROUNDS]\n"
                        "       lookup-bench spawn KIND.tsv N CMD ARG...\n"
                        "       lookup-bench fts5-build DB HEADWORDS.tsv\n"
                        "       lookup-bench fts5 DB QUERYDIR [ROUNDS]\n");
    }
    return rc;
}
