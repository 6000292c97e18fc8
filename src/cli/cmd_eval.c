/*
** cmd_eval.c — `glossa eval`: measure search quality on sets of real
** queries (top-1 accuracy and mean reciprocal rank, overall, per language
** and per query kind) and fail when they fall below a floor.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

struct eval_args {
    enum cli_format format;
    double min_top1, min_mrr; /* 0 when not given */
};

static const struct cli_option options[] = {
    CLI_OPT_DB(CLI_DB_HELP),
    CLI_OPT_FORMAT(eval_args, "text|json"),
    CLI_OPT_RATIO(eval_args, min_top1, "min-top1", 0, "RATIO", "exit 1 when overall top-1 accuracy is below RATIO (0 to 1)"),
    CLI_OPT_RATIO(eval_args, min_mrr, "min-mrr", 0, "RATIO", "exit 1 when overall MRR is below RATIO (0 to 1)"),
};

static const char *const group_titles[3] = { NULL, "by language", "by kind" };

static void print_text(const char *file, const glossa_eval_report *r)
{
    size_t n, i, m;
    int by;
    const glossa_eval_miss *misses = glossa_eval_misses(r, &m);
    out_printf(stdout, "%s\n  %-16s %7s %8s %7s\n", file, "", "queries", "top-1", "MRR");
    for (by = 0; by < 3; by++) {
        const glossa_eval_group *g = glossa_eval_groups(r, by, &n);
        if (group_titles[by])
            printf("  %s\n", group_titles[by]);
        for (i = 0; i < n; i++)
            out_printf(stdout, "  %s%-*s %7u %7.1f%% %7.3f\n", by ? "  " : "", by ? 14 : 16, g[i].name,
                   g[i].queries, 100.0 * g[i].top1 / (g[i].queries ? g[i].queries : 1), g[i].mrr);
    }
    if (m)
        printf("  misses\n");
    for (i = 0; i < m; i++) {
        out_printf(stdout, "    line %ld: %s (%s, %s): expected %s", misses[i].line, misses[i].query,
               misses[i].kind, misses[i].lang,
               misses[i].expect_id ? misses[i].expect_id : "(no concept with that Russian term)");
        if (misses[i].rank)
            printf(", found at rank %d", misses[i].rank);
        else
            printf(", not found");
        out_printf(stdout, ", first: %s\n", misses[i].got ? misses[i].got : "nothing");
    }
}

static void print_json(const char *file, const glossa_eval_report *r, int first)
{
    static const char *keys[3] = { "all", "by_language", "by_kind" };
    size_t n, i, m;
    int by;
    const glossa_eval_miss *misses = glossa_eval_misses(r, &m);
    printf("%s{\"file\":", first ? "" : ",");
    out_json_string(stdout, file);
    for (by = 0; by < 3; by++) {
        const glossa_eval_group *g = glossa_eval_groups(r, by, &n);
        printf(",\"%s\":%s", keys[by], by ? "{" : "");
        for (i = 0; i < n; i++) {
            if (by) {
                printf("%s", i ? "," : "");
                out_json_string(stdout, g[i].name);
                printf(":");
            }
            printf("{\"queries\":%u,\"top1\":%.4f,\"mrr\":%.4f}", g[i].queries,
                   (double)g[i].top1 / (g[i].queries ? g[i].queries : 1), g[i].mrr);
        }
        if (by)
            printf("}");
    }
    printf(",\"misses\":[");
    for (i = 0; i < m; i++) {
        printf("%s{\"line\":%ld,\"query\":", i ? "," : "", misses[i].line);
        out_json_string(stdout, misses[i].query);
        printf(",\"kind\":");
        out_json_string(stdout, misses[i].kind);
        printf(",\"lang\":");
        out_json_string(stdout, misses[i].lang);
        printf(",\"expect\":");
        out_json_string(stdout, misses[i].expect_id ? misses[i].expect_id : misses[i].expect);
        printf(",\"rank\":%d,\"first\":", misses[i].rank);
        if (misses[i].got)
            out_json_string(stdout, misses[i].got);
        else
            printf("null");
        printf("}");
    }
    printf("]}");
}

static int run_eval(const struct cli_command *self, struct cli_args *args)
{
    const struct eval_args *a = args->opts;
    double min_top1 = a->min_top1;
    double min_mrr = a->min_mrr;
    glossa_db *db = args->db;
    glossa_error err;
    int json = a->format == FORMAT_JSON, i, below = 0;

    if (args->n_positional == 0) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if (json)
        printf("[");
    for (i = 0; i < args->n_positional; i++) {
        glossa_eval_report *r = NULL;
        const glossa_eval_group *all;
        size_t n;
        if (glossa_eval(db, args->positional[i], &r, &err)) {
            out_error(&args->out, &err);
            return EXIT_ERR;
        }
        if (json)
            print_json(args->positional[i], r, i == 0);
        else
            print_text(args->positional[i], r);
        all = glossa_eval_groups(r, 0, &n);
        if ((double)all->top1 / all->queries < min_top1 || all->mrr < min_mrr) {
            out_printf(stderr, "glossa eval: %s: top-1 %.3f, MRR %.3f is below the floor "
                            "(top-1 %.3f, MRR %.3f)\n", args->positional[i],
                    (double)all->top1 / all->queries, all->mrr, min_top1, min_mrr);
            below = 1;
        }
        glossa_eval_free(r);
    }
    if (json)
        printf("]\n");
    return below ? EXIT_NONE : EXIT_OK_;
}

const struct cli_command cmd_eval_spec = {
    "eval", run_eval, "measure search quality on a set of queries with known answers",
    "eval [--db PATH] [--format text|json] [--min-top1 RATIO] [--min-mrr RATIO] FILE.tsv ...",
    options, sizeof options / sizeof options[0],
    "Run every query of each FILE (tab-separated: query, expect, kind, lang, with a\n"
    "header line; expect is the Russian preferred term of the concept that must\n"
    "come first) through 'glossa lookup' with default options, and report top-1\n"
    "accuracy and mean reciprocal rank (MRR, over the first 10 results) overall,\n"
    "per language and per kind, then every query that missed. A query of kind\n"
    "prefix counts as found when its concept is among the results at all.\n"
    "Exit status: 0, or 1 when a file falls below --min-top1 or --min-mrr.",
    "  glossa eval ../shared/eval/annex-queries.tsv\n"
    "  glossa eval --min-top1 0.95 tests/eval/glossa-queries.tsv\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct eval_args, NULL),
};
