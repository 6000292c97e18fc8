/*
** lookup-bench.c — latency figures for the scale bench (tests/bench/scale-bench.sh).
**
**   lookup-bench inproc DB QUERYDIR [ROUNDS]
**       glossa_lookup() through the public API, per match kind: p50/p99/mean
**       in microseconds, and how many queries came back first with the
**       expected concept and kind (QUERYDIR/KIND.tsv: query TAB concept id).
**   lookup-bench spawn KIND.tsv N CMD ARG... [--- CMD ARG...]... ({} is the
**       query, {fts} the query as an SQLite string holding an FTS5 phrase)
**       a whole command per query (posix_spawn, stdout to /dev/null): p50/p99
**       ms; several commands run interleaved, each query through all of them
**       in turn, with their ratios to the first (of p50s, median per query).
**   lookup-bench fts5-build DB HEADWORDS.tsv
**       the SQLite FTS5 (unicode61) peer: load headword TAB text rows; rows/s,
**       peak RSS, size.
**   lookup-bench fts5 DB QUERYDIR [ROUNDS]
**       the same queries against that FTS5 table, in process (kinds FTS5 has).
**   lookup-bench dict GLOSSA_DB HOST:PORT_A HOST:PORT_B KIND.tsv N define|STRATEGY DB_A DB_B
**       two DICT servers (RFC 2229) over one persistent TCP connection each:
**       every query as DEFINE DB word or MATCH DB STRATEGY word to A and to B
**       in turn (which goes first alternates), each whole answer timed; an
**       untimed pass first, whose answers are compared. Prints how many
**       queries each answered and both, whether their headwords agree, how
**       many answers hold the expected concept (a term of it, read from
**       GLOSSA_DB), and over the queries both answered p50/p99 per server and
**       A/B (of p50s, median per query).
** Prints figures; it never judges them (exit 0 unless it cannot run).
** BENCH_SLOW=US prints the queries slower than US microseconds (stderr);
** BENCH_KINDS=fuzzy,exact times those kinds only.
*/
#include "glossa.h"

#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
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

/* The floor in process: SQLite alone, one statement prepared once, the exact
** queries' text looked up in the term table's index (one B-tree probe and
** the rows it finds). Prints "inproc floor n=N p50=.. us p99=.. us". */
static void inproc_floor(const char *db_path, const char *dir, int rounds, double *t)
{
    static struct query q[MAX_QUERIES];
    char path[4096];
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    size_t n, i, nt = 0;
    double p50, p99, mean;
    int r;

    snprintf(path, sizeof path, "%s/exact.tsv", dir);
    if (!(n = load_queries(path, q, MAX_QUERIES)))
        return;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT concept_id FROM term WHERE text = ?1", -1, &st, NULL) !=
            SQLITE_OK) {
        printf("inproc floor: cannot run (%s)\n", db ? sqlite3_errmsg(db) : "no memory");
        sqlite3_close(db);
        free_queries(q, n);
        return;
    }
    for (r = -1; r < rounds; r++)
        for (i = 0; i < n; i++) {
            double a = now_us();
            sqlite3_bind_text(st, 1, q[i].text, -1, SQLITE_STATIC);
            while (sqlite3_step(st) == SQLITE_ROW)
                ;
            sqlite3_reset(st);
            if (r >= 0)
                t[nt++] = now_us() - a;
        }
    stats(t, nt, &p50, &p99, &mean);
    printf("inproc floor n=%zu p50=%.1f us p99=%.1f us mean=%.1f us\n", n, p50, p99, mean);
    sqlite3_finalize(st);
    sqlite3_close(db);
    free_queries(q, n);
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
    inproc_floor(db_path, dir, rounds, t);
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

#define MAX_GROUPS 8

/* One whole command per query for each of the commands of cmd (groups split
** by "---"), interleaved: query 1 through every command, then query 2 ...,
** so that load falls on all alike. Prints per command its p50/p99, and for
** each after the first the ratio of p50s to the first and the median of the
** per-query ratios (the figure least moved by load). */
static int spawn(const char *file, int n_max, char **cmd, int n_cmd)
{
    static struct query q[MAX_QUERIES];
    static double t[MAX_GROUPS][MAX_QUERIES], pair[MAX_QUERIES];
    size_t n = load_queries(file, q, (size_t)n_max), i, nt = 0;
    posix_spawn_file_actions_t fa;
    unsigned failed[MAX_GROUPS] = { 0 };
    double p50[MAX_GROUPS], ratio[MAX_GROUPS], p99, mean;
    int start[MAX_GROUPS + 1], n_groups = 0, g, j;
    char **argv = calloc((size_t)n_cmd + 1, sizeof *argv);

    if (!n || !argv) {
        printf("spawn n=0 (no queries in %s)\n", file);
        free(argv);
        return 0;
    }
    start[n_groups++] = 0;
    for (j = 0; j < n_cmd; j++)
        if (strcmp(cmd[j], "---") == 0 && n_groups < MAX_GROUPS)
            start[n_groups++] = j + 1;
    start[n_groups] = n_cmd + 1;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    for (i = 0; i < n + 1; i++) { /* the first query warms up, untimed */
        struct query *qq = &q[i == 0 ? 0 : i - 1];
        for (g = 0; g < n_groups; g++) {
            int argc = start[g + 1] - 1 - start[g], status = 0;
            pid_t pid;
            double a;
            for (j = 0; j < argc; j++)
                argv[j] = substitute(cmd[start[g] + j], qq->text);
            argv[argc] = NULL;
            a = now_us();
            if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
                fprintf(stderr, "lookup-bench: cannot run %s: %s\n", argv[0], strerror(errno));
                return 2;
            }
            waitpid(pid, &status, 0);
            if (i > 0)
                t[g][nt] = (now_us() - a) / 1000.0;
            if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
                failed[g]++;
            for (j = 0; j < argc; j++)
                free(argv[j]);
        }
        if (i > 0)
            nt++;
    }
    for (g = 1; g < n_groups; g++) { /* before stats() sorts the times */
        for (i = 0; i < nt; i++)
            pair[i] = t[g][i] / t[0][i];
        stats(pair, nt, &ratio[g], &p99, &mean);
    }
    for (g = 0; g < n_groups; g++) {
        stats(t[g], nt, &p50[g], &p99, &mean);
        printf("spawn cmd=%d n=%zu p50=%.2f ms p99=%.2f ms mean=%.2f ms failed=%u", g + 1, nt, p50[g], p99,
               mean, failed[g]);
        if (g > 0)
            printf(" ratio-p50=%.2f ratio-pairs=%.2f", p50[g] / p50[0], ratio[g]);
        printf("\n");
    }
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

/* ---- dict: two DICT servers over persistent connections -------------------------------- */

struct conn {
    int fd;
    char *data; /* the answer being read */
    size_t len, cap;
};

struct answer {
    int code;      /* the final status: 250 after 150/152, 552 no match, ... */
    int answered;  /* definitions or matches came */
    char **heads;  /* headwords of 151 lines or 152 text, sorted, unique */
    size_t n_heads;
    char *text;    /* the whole answer */
};

static void answer_free(struct answer *a)
{
    size_t i;
    for (i = 0; i < a->n_heads; i++)
        free(a->heads[i]);
    free(a->heads);
    free(a->text);
    memset(a, 0, sizeof *a);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The first "quoted" string of s (up to end), unescaped, or NULL. */
static char *first_quoted(const char *s, const char *end)
{
    const char *q = memchr(s, '"', (size_t)(end - s));
    char *out, *o;
    if (!q)
        return NULL;
    out = o = malloc((size_t)(end - q) + 1);
    for (q++; out && q < end && *q != '"'; q++) {
        if (*q == '\\' && q + 1 < end)
            q++;
        *o++ = *q;
    }
    if (out)
        *o = '\0';
    return out;
}

/* Note the headword quoted in line (151 "word" db "desc"; 152's db "word"). */
static void add_head(struct answer *a, const char *line, const char *end)
{
    char *h = first_quoted(line, end);
    char **g = h ? realloc(a->heads, (a->n_heads + 1) * sizeof *g) : NULL;
    if (!g) {
        free(h);
        return;
    }
    a->heads = g;
    a->heads[a->n_heads++] = h;
}

/* Acknowledge at once what comes (Linux forgets this after a while: set
** again after every read). Without it a server that writes one answer in
** several small writes (dictd) waits for the delayed acknowledgement of
** the first (up to 40 ms, Nagle's algorithm) before sending the rest. */
static void quick_ack(int fd)
{
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
}

static int wait_fd(int fd, short events)
{
    struct pollfd p = { fd, events, 0 };
    return poll(&p, 1, 30000) == 1 ? 0 : -1;
}

/* Read one whole answer (RFC 2229: status lines; after 11x, 151 and 152 a
** text ending in a "." line; until a status that is not 1xx). With a, note
** its headwords and keep its text. */
static int read_answer(struct conn *c, struct answer *a)
{
    size_t scan = 0;
    int in_text = 0;
    c->len = 0;
    for (;;) {
        char *nl;
        while (!(nl = memchr(c->data + scan, '\n', c->len - scan))) {
            ssize_t got;
            if (c->cap - c->len < 65536) {
                char *grown = realloc(c->data, c->cap * 2 + 65536);
                if (!grown)
                    return -1;
                c->data = grown;
                c->cap = c->cap * 2 + 65536;
            }
            if (wait_fd(c->fd, POLLIN) || (got = recv(c->fd, c->data + c->len, c->cap - c->len, 0)) <= 0)
                return -1;
            quick_ack(c->fd);
            c->len += (size_t)got;
        }
        {
            char *line = c->data + scan, *end = nl > line && nl[-1] == '\r' ? nl - 1 : nl;
            scan = (size_t)(nl - c->data) + 1;
            if (in_text) {
                if (end - line == 1 && line[0] == '.')
                    in_text = 0;
                else if (a && in_text == 152)
                    add_head(a, line, end);
                continue;
            }
            if (end - line < 3)
                return -1;
            {
                int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
                if (code == 151 && a)
                    add_head(a, line + 3, end);
                if (code == 151 || code == 152 || (code >= 110 && code <= 114))
                    in_text = code;
                else if (code < 100 || code >= 200) {
                    if (a) {
                        size_t i, n = 0;
                        a->code = code;
                        a->answered = code == 250;
                        a->text = strndup(c->data, c->len);
                        qsort(a->heads, a->n_heads, sizeof *a->heads, cmp_str);
                        for (i = 0; i < a->n_heads; i++) {
                            if (n && strcmp(a->heads[n - 1], a->heads[i]) == 0)
                                free(a->heads[i]);
                            else
                                a->heads[n++] = a->heads[i];
                        }
                        a->n_heads = n;
                    }
                    return 0;
                }
            }
        }
    }
}

/* Connect to HOST:PORT and read the server's banner. */
static int dict_connect(const char *spec, struct conn *c)
{
    char host[256];
    const char *colon = strrchr(spec, ':');
    struct addrinfo hints, *ai = NULL;
    int one = 1;
    memset(c, 0, sizeof *c);
    c->fd = -1;
    c->cap = 65536;
    if (!(c->data = malloc(c->cap)) || !colon || (size_t)(colon - spec) >= sizeof host)
        return -1;
    snprintf(host, sizeof host, "%.*s", (int)(colon - spec), spec);
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, colon + 1, &hints, &ai) != 0)
        return -1;
    c->fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (c->fd < 0 || connect(c->fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        freeaddrinfo(ai);
        return -1;
    }
    freeaddrinfo(ai);
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    quick_ack(c->fd);
    return read_answer(c, NULL);
}

static int send_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t k = send(fd, s, n, MSG_NOSIGNAL);
        if (k <= 0)
            return -1;
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

/* DEFINE db "word" or MATCH db strategy "word", the word quoted (RFC 2229 2.2). */
static void dict_command(char *out, size_t n, const char *strat, const char *db, const char *word)
{
    size_t j = 0;
    if (strcmp(strat, "define") == 0)
        j = (size_t)snprintf(out, n, "DEFINE %s \"", db);
    else
        j = (size_t)snprintf(out, n, "MATCH %s %s \"", db, strat);
    for (; *word && j + 5 < n; word++) {
        if (*word == '"' || *word == '\\')
            out[j++] = '\\';
        out[j++] = *word;
    }
    snprintf(out + j, n - j, "\"\r\n");
}

/* One query through a connection: the time of its whole answer in us, or -1. */
static double dict_ask(struct conn *c, const char *cmd, struct answer *a)
{
    double t0 = now_us();
    if (send_all(c->fd, cmd, strlen(cmd)) || read_answer(c, a))
        return -1;
    return now_us() - t0;
}

/* The terms of concept xml_id (first the first term), '\n'-separated, from
** the glossa index. */
static char *concept_terms(sqlite3 *db, const char *xml_id)
{
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    size_t len = 0;
    if (db && sqlite3_prepare_v2(db, "SELECT t.text FROM term t JOIN concept c ON c.id ="
                                     " t.concept_id WHERE c.xml_id = ?1 ORDER BY t.ord", -1, &st,
                                 NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, xml_id, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *t = (const char *)sqlite3_column_text(st, 0);
            size_t n = t ? strlen(t) : 0;
            char *g = realloc(out, len + n + 2);
            if (!g)
                break;
            out = g;
            memcpy(out + len, t, n);
            len += n;
            out[len++] = '\n';
            out[len] = '\0';
        }
    }
    sqlite3_finalize(st);
    return out;
}

/* 1 when answer a holds the expected concept: for MATCH a headword is one of
** its terms, for DEFINE the text holds its first term. */
static int holds_expected(const struct answer *a, const char *terms, int define)
{
    const char *t = terms;
    if (!a->answered || !terms)
        return 0;
    while (*t) {
        const char *nl = strchr(t, '\n');
        char *term = strndup(t, (size_t)(nl - t));
        int hit = term && (define ? strstr(a->text, term) != NULL
                                  : bsearch(&term, a->heads, a->n_heads, sizeof *a->heads,
                                            cmp_str) != NULL);
        free(term);
        if (hit)
            return 1;
        if (define)
            return 0;
        t = nl + 1;
    }
    return 0;
}

/* b's headwords all among a's */
static int heads_within(const struct answer *b, const struct answer *a)
{
    size_t i;
    for (i = 0; i < b->n_heads; i++)
        if (!bsearch(&b->heads[i], a->heads, a->n_heads, sizeof *a->heads, cmp_str))
            return 0;
    return 1;
}

static int dict_bench(const char *index_path, const char *addr_a, const char *addr_b, const char *file,
                      int n_max, const char *strat, const char *db_a, const char *db_b)
{
    static struct query q[MAX_QUERIES];
    static double ta[MAX_QUERIES], tb[MAX_QUERIES], pair[MAX_QUERIES];
    static char ok[MAX_QUERIES];
    size_t n = load_queries(file, q, (size_t)n_max), i, nt = 0;
    size_t ans_a = 0, ans_b = 0, both = 0, exp_a = 0, exp_b = 0, both_exp = 0, same = 0, within = 0;
    int define = strcmp(strat, "define") == 0, pass, rc = 0;
    double p50a, p99a, p50b, p99b, ratio, p99, mean_a, mean_b, mean;
    struct conn a, b;
    sqlite3 *gdb = NULL;

    if (!n) {
        printf("dict n=0 (no queries in %s)\n", file);
        return 0;
    }
    if (dict_connect(addr_a, &a) || dict_connect(addr_b, &b)) {
        fprintf(stderr, "lookup-bench: cannot talk DICT to %s and %s\n", addr_a, addr_b);
        return 2;
    }
    if (sqlite3_open_v2(index_path, &gdb, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(gdb);
        gdb = NULL;
    }
    /* pass 0: untimed, the answers compared; pass 1: timed */
    for (pass = 0; pass < 2 && !rc; pass++) {
        for (i = 0; i < n && !rc; i++) {
            char cmd_a[8400], cmd_b[8400];
            struct answer xa, xb;
            double da, db;
            memset(&xa, 0, sizeof xa);
            memset(&xb, 0, sizeof xb);
            dict_command(cmd_a, sizeof cmd_a, strat, db_a, q[i].text);
            dict_command(cmd_b, sizeof cmd_b, strat, db_b, q[i].text);
            if (i % 2 == 0) { /* which server goes first alternates */
                da = dict_ask(&a, cmd_a, &xa);
                db = dict_ask(&b, cmd_b, &xb);
            } else {
                db = dict_ask(&b, cmd_b, &xb);
                da = dict_ask(&a, cmd_a, &xa);
            }
            if (da < 0 || db < 0) {
                fprintf(stderr, "lookup-bench: a DICT server stopped answering (%s)\n",
                        da < 0 ? addr_a : addr_b);
                rc = 2;
            } else if (pass == 0) {
                char *terms = concept_terms(gdb, q[i].expect);
                int ea = holds_expected(&xa, terms, define), eb = holds_expected(&xb, terms, define);
                ok[i] = (char)(xa.answered && xb.answered);
                ans_a += xa.answered != 0;
                ans_b += xb.answered != 0;
                both += ok[i] != 0;
                exp_a += ea != 0;
                exp_b += eb != 0;
                both_exp += ea && eb;
                if (ok[i]) {
                    within += heads_within(&xb, &xa);
                    same += heads_within(&xb, &xa) && heads_within(&xa, &xb);
                }
                free(terms);
            } else if (ok[i]) {
                ta[nt] = da;
                tb[nt] = db;
                pair[nt] = da / db;
                nt++;
            }
            answer_free(&xa);
            answer_free(&xb);
        }
    }
    close(a.fd);
    close(b.fd);
    free(a.data);
    free(b.data);
    sqlite3_close(gdb);
    if (rc)
        return rc;
    printf("dict-answers n=%zu answered-a=%zu answered-b=%zu both=%zu expected-a=%zu expected-b=%zu "
           "both-expected=%zu same-headwords=%zu b-within-a=%zu\n", n, ans_a, ans_b, both, exp_a,
           exp_b, both_exp, same, within);
    stats(pair, nt, &ratio, &p99, &mean);
    stats(ta, nt, &p50a, &p99a, &mean_a);
    stats(tb, nt, &p50b, &p99b, &mean_b);
    printf("dict-times n=%zu p50-a=%.1f us p99-a=%.1f us mean-a=%.1f us p50-b=%.1f us p99-b=%.1f us "
           "mean-b=%.1f us ratio-p50=%.2f ratio-pairs=%.2f\n", nt, p50a, p99a, mean_a, p50b, p99b,
           mean_b, nt && p50b > 0 ? p50a / p50b : 0, nt ? ratio : 0);
    free_queries(q, n);
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
    } else if (argc == 10 && strcmp(argv[1], "dict") == 0) {
        rc = dict_bench(argv[2], argv[3], argv[4], argv[5], (int)strtol(argv[6], NULL, 10), argv[7],
                        argv[8], argv[9]);
    } else {
        fprintf(stderr, "usage: lookup-bench inproc DB QUERYDIR [ROUNDS]\n"
                        "       lookup-bench spawn KIND.tsv N CMD ARG... [--- CMD ARG...]...\n"
                        "       lookup-bench fts5-build DB HEADWORDS.tsv\n"
                        "       lookup-bench fts5 DB QUERYDIR [ROUNDS]\n"
                        "       lookup-bench dict GLOSSA_DB HOST:PORT_A HOST:PORT_B KIND.tsv N "
                        "define|STRATEGY DB_A DB_B\n");
    }
    return rc;
}
