/*
** cmd_lookup.c — `glossa lookup`: find concepts by a term in any language
** and print their equivalents, definitions and sources, as aligned text for
** people or as JSON for scripts.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

/* --mode, in the order of its values */
static const glossa_mode modes[] = {
    GLOSSA_MODE_AUTO, GLOSSA_MODE_EXACT, GLOSSA_MODE_NORMALIZED, GLOSSA_MODE_STEM,
    GLOSSA_MODE_TRANSLIT, GLOSSA_MODE_PREFIX, GLOSSA_MODE_FUZZY, GLOSSA_MODE_FULLTEXT,
    GLOSSA_MODE_FTS, GLOSSA_MODE_LAYOUT, GLOSSA_MODE_WITHIN,
};
_Static_assert(sizeof modes / sizeof modes[0] == 11, "one mode per value of LOOKUP_MODES");
/* --in, in the order of its values */
enum lookup_in { IN_TERMS, IN_DEFINITIONS };

struct lookup_args {
    const char *from, *to, *as_of;
    enum cli_format format; /* FORMAT_NONE when not given (--batch refuses text) */
    long limit;             /* 0: the library's default */
    int mode;               /* index in modes[] */
    enum lookup_in in;
    int full, brief, batch, history;
};
static const struct lookup_args defaults = { .format = FORMAT_NONE };

static const struct cli_option options[] = {
    CLI_OPT_DB(CLI_DB_HELP),
    CLI_OPT_TEXT(lookup_args, from, "from", 'f', "LANG", "match only terms in this language (BCP 47, e.g. ru, zh, uz-Latn)"),
    CLI_OPT_LIST(lookup_args, to, "to", 't', "LANG,...", "show terms and definitions in these languages (default: all)"),
    CLI_OPT_FORMAT(lookup_args, "text|json"),
    CLI_OPT_LIMIT(lookup_args),
    CLI_OPT_ENUM(lookup_args, mode, "mode", 'm', "MODE", LOOKUP_MODES, NULL),
    CLI_OPT_ENUM(lookup_args, in, "in", 0, "WHERE", LOOKUP_IN, NULL),
    CLI_OPT_COLOR,
    CLI_OPT_FLAG(lookup_args, full, "full", 0, "show every result whole (default: the best whole, the others a line each)"),
    CLI_OPT_FLAG(lookup_args, brief, "brief", 'b', "a line per result: the match and the terms in the --to languages (default ru, zh, en)"),
    CLI_OPT_FLAG(lookup_args, batch, "batch", 0, "read queries from stdin, one per line; print one JSON object per line"),
    CLI_OPT_DATE(lookup_args, as_of, "as-of", 0, "DATE", "the wordings in force on DATE (YYYY-MM-DD, a real day; default: today)"),
    CLI_OPT_FLAG(lookup_args, history, "history", 0, "show earlier wordings too, with the dates they were in force"),
};

#define QUERY_MAX 4096

/* err's message followed by ": HINT" (what the person can do about it). */
static void hint(glossa_error *err, const char *what)
{
    size_t n = strlen(err->msg);
    snprintf(err->msg + n, sizeof err->msg - n, ": %s", what);
}

/* The next line of stdin, its end (LF or CRLF) taken off, in line (room for
** QUERY_MAX bytes and a NUL; NUL bytes kept). Returns its length, or -1 at
** the end of input; *too_long when it had more than QUERY_MAX bytes (the
** rest of it is read and dropped). */
static long read_query(char line[QUERY_MAX + 2], int *too_long)
{
    size_t n = 0;
    int c = EOF;
    *too_long = 0;
    while ((c = getchar()) != EOF && c != '\n') {
        if (n < QUERY_MAX + 1)
            line[n++] = (char)c;
        else
            *too_long = 1;
    }
    if (c == EOF && n == 0 && !*too_long)
        return -1;
    if (n > 0 && line[n - 1] == '\r' && !*too_long)
        n--;
    if (n > QUERY_MAX)
        *too_long = 1;
    line[n] = '\0';
    return (long)n;
}

/* --batch: one query per line of stdin, one JSON object per line of stdout
** (JSON Lines), flushed line by line so that a program can talk to it
** through a pipe. A line that fails gets
** {"query":Q,"line":N,"error":MSG,"results":[]} (Q null for a line too long,
** which is never cut): too long, a NUL byte, not UTF-8, a bad --mode fts query.
** Exit status: 0 something found, 1 nothing found, 2 an error on any line. */
static int lookup_batch(const struct cli_out *out, glossa_db *db, const glossa_lookup_opts *opts)
{
    glossa_error err;
    char line[QUERY_MAX + 2];
    int found = 0, failed = 0, too_long;
    unsigned long number = 0;
    long n;

    while ((n = read_query(line, &too_long)) >= 0) {
        glossa_results *res = NULL;
        number++;
        if (too_long)
            snprintf(err.msg, sizeof err.msg, "query too long (at most %d bytes)", QUERY_MAX);
        else if (glossa_text_check("the query", line, (size_t)n, NULL, &err) == 0)
            glossa_lookup(db, line, opts, &res, &err);
        else
            hint(&err, "check the input's encoding");
        if (!res) {
            /* on stderr too, where a person sees it, with the line's number */
            snprintf(err.file, sizeof err.file, "stdin");
            err.line = (long)number, err.column = 0;
            out_error(out, &err);
            fputs("{\"query\":", stdout);
            if (too_long)
                fputs("null", stdout);
            else
                out_json_string_n(stdout, line, (size_t)n);
            printf(",\"line\":%lu,\"error\":", number);
            out_json_string(stdout, err.msg);
            fputs(",\"results\":[]}\n", stdout);
            failed = 1;
        } else {
            lookup_print_json(stdout, line, res);
            found |= glossa_results_count(res) > 0;
            glossa_results_free(res);
        }
        if (fflush(stdout) == EOF)
            break;
    }
    if (ferror(stdin)) {
        out_message(out, "cannot read queries from stdin");
        return EXIT_ERR;
    }
    return failed ? EXIT_ERR : found ? EXIT_OK_ : EXIT_NONE;
}

static int run_lookup(const struct cli_command *self, struct cli_args *args)
{
    const struct lookup_args *a = args->opts;
    glossa_lookup_opts opts = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_results *res = NULL;
    glossa_error err;
    struct lookup_text view;
    int json = a->format == FORMAT_JSON, rc, i, see_also;
    char query[QUERY_MAX + 1], *reading = NULL;
    size_t qlen = 0;

    if (args->n_positional == 0 && !a->batch) {
        fprintf(stderr, "glossa lookup: no query\nusage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    opts.as_of = a->as_of;
    opts.history = a->history;
    opts.from = a->from;
    opts.to = a->to;
    if (out_check_languages(&args->out, "--from", opts.from, "e.g. zh-Hant, uz-Cyrl") ||
        out_check_languages(&args->out, "--to", opts.to, "e.g. zh-Hant, uz-Cyrl"))
        return EXIT_ERR;
    if (a->limit)
        opts.limit = (unsigned)a->limit;
    opts.mode = modes[a->mode];
    opts.in_definitions = a->in == IN_DEFINITIONS;
    if (a->brief && a->full) {
        out_message(&args->out, "--brief and --full: give one of them");
        return EXIT_ERR;
    }
    if (a->batch) {
        if (args->n_positional || a->format == FORMAT_TEXT) {
            out_message(&args->out, "--batch reads the queries from stdin and writes JSON Lines: "
                                    "give no QUERY and no --format text");
            return EXIT_ERR;
        }
        return lookup_batch(&args->out, args->db, &opts);
    }

    /* Several words without quotes are one query, as a person would mean it. */
    query[0] = '\0';
    for (i = 0; i < args->n_positional; i++) {
        size_t n = strlen(args->positional[i]);
        if (qlen + n + (i > 0) > QUERY_MAX) {
            out_message(&args->out, "query too long (at most 4096 bytes)");
            return EXIT_ERR;
        }
        if (i)
            query[qlen++] = ' ';
        memcpy(query + qlen, args->positional[i], n + 1);
        qlen += n;
    }

    /* Bytes that are not UTF-8 are named; when a legacy encoding reads them
    ** as text, that reading is looked up instead, and the warning says so. */
    if (glossa_text_check("the query", query, qlen, &reading, &err)) {
        hint(&err, "check the terminal's encoding");
        if (!reading) {
            out_error(&args->out, &err);
            return EXIT_ERR;
        }
        qlen = strlen(reading);
        if (qlen <= QUERY_MAX)
            memcpy(query, reading, qlen + 1);
        glossa_free(reading);
        if (qlen > QUERY_MAX) {
            out_message(&args->out, "query too long (at most 4096 bytes)");
            return EXIT_ERR;
        }
        snprintf(err.msg + strlen(err.msg), sizeof err.msg - strlen(err.msg),
                 "; looked that up instead");
        out_warning(&err, &args->out);
    }

    if (glossa_lookup(args->db, query, &opts, &res, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    /* no term: a national term of a notion the term base lacks, before the
    ** concepts whose notes merely use the words ("see also") */
    see_also = opts.mode == GLOSSA_MODE_AUTO && !opts.in_definitions &&
               glossa_results_count(res) > 0 &&
               glossa_results_get(res, 0)->how == GLOSSA_MATCH_FULLTEXT;
    if ((glossa_results_count(res) == 0 || see_also) && opts.mode == GLOSSA_MODE_AUTO &&
        !opts.in_definitions) {
        glossa_results *notions = NULL;
        if (glossa_notion_lookup(args->db, query, &notions, &err)) {
            glossa_results_free(res);
            out_error(&args->out, &err);
            return EXIT_ERR;
        }
        if (glossa_results_count(notions)) {
            glossa_results_free(res);
            res = notions;
            see_also = 0;
            if (!json)
                out_printf(stdout, "no concept of the term base is '%s';\nnational law defines "
                                   "it, for a notion the term base lacks:\n\n", query);
        } else {
            glossa_results_free(notions);
        }
    }
    view.view = a->brief ? LOOKUP_VIEW_BRIEF : a->full ? LOOKUP_VIEW_FULL : LOOKUP_VIEW_DEFAULT;
    view.to = opts.to;
    view.query = query;
    view.see_also = see_also;
    if (json)
        lookup_print_json(stdout, query, res);
    else if (glossa_results_count(res) == 0)
        out_printf(stderr, "glossa: no concept matches '%s'\n", query);
    else if (lookup_print_results(stdout, &args->out, res, &view))
        out_message(&args->out, "out of memory");
    rc = glossa_results_count(res) ? EXIT_OK_ : EXIT_NONE;
    glossa_results_free(res);
    return rc;
}

const struct cli_command cmd_lookup_spec = {
    "lookup", run_lookup, "find a concept by a term in any language",
    "lookup [--db PATH] [--from LANG] [--to LANG,...] [--mode MODE] [--in definitions]\n"
    "                     [--format text|json] [--limit N] [--full | --brief] [--as-of DATE]\n"
    "                     [--history] QUERY\n"
    "       glossa lookup --batch [OPTIONS] < QUERIES",
    options, sizeof options / sizeof options[0],
    "Find concepts by any of their terms, in any language or script. The query is\n"
    "tried, strictest first: exact; normalized (case, Unicode form, ё/е, Arabic\n"
    "yeh/kaf and harakat, Devanagari nukta, Uzbek apostrophes, Traditional and\n"
    "Taiwan Chinese folded to Simplified); stem (Snowball: ru, en, hi; inflected\n"
    "and plural forms, British or American spelling, whole term or every word);\n"
    "translit (Cyrillic from Latin and back in the romanisations in use: Russian,\n"
    "Kazakh Latin 2017-2021, Uzbek, Kyrgyz, Tajik, Belarusian and its Lacinka;\n"
    "Russian inflected; Chinese from pinyin, with or without tones); a phrase that\n"
    "opens with a preposition (об информационном оружии) is then tried without it;\n"
    "prefix (every word begins a word of the term, e.g. secur*); Chinese in\n"
    "Simplified characters with Taiwan wording (资讯战) read in Traditional ones;\n"
    "only when nothing else matched, fuzzy (typos; the text output asks \"did you\n"
    "mean\"); and when that finds nothing either, within\n"
    "(a phrase or sentence: the terms inside it, longest first, as scan finds\n"
    "them in a text). When nothing matched (or a query that looks mistyped\n"
    "matched only by prefix or fuzzily), layout: the query read as typed with the\n"
    "keyboard in the wrong layout (US QWERTY for the Russian, Kazakh, Kyrgyz,\n"
    "Tajik, Uzbek or Belarusian layout, and back: byajhvfwbjyyfz ,tpjgfcyjcnm is\n"
    "информационная безопасность), looked up as above; the output says how it was\n"
    "read. --mode forces one kind; --in definitions\n"
    "searches the full text of definitions and notes instead; --mode fts takes an\n"
    "FTS5 query (quotes, NEAR, *, ^, OR) as written. Otherwise everything typed is\n"
    "text: no query is a syntax error.\n"
    "\n"
    "When no term matches at all, the concepts whose definitions or notes use\n"
    "the words are listed as \"see also\" (how: fulltext), a line each.\n"
    "\n"
    "Each result shows how it matched (a term of a state's act: whose, and how\n"
    "its notion relates), the concept's terms and definitions with their\n"
    "sources, its first context and related concepts, and its reliability:\n"
    "entries that have not been verified against an official text say so. The\n"
    "best match (and any as good) is shown whole, the others a line each with\n"
    "their terms in the --to languages (default ru, zh, en); --full shows all\n"
    "whole, --brief all a line each. The reliability note shared by several\n"
    "entries is printed once.\n"
    "\n"
    "JSON output (--format json) has show's shape, each concept whole:\n"
    "  {\"query\":Q,\"results\":[{\"id\":ID,\"score\":S,\"reliability\":R,\"status\",\n"
    "    \"instrument\",\"match\":{\"lang\":L,\"text\":T,\"how\":H,\"span\"?},\n"
    "    \"terms\":[{\"lang\":L,\"text\":T,\"status\":ST,…}],\"definitions\":[{\"lang\":L,\n"
    "    \"text\":T,\"source\":SRC,\"basis\"}],\"notes\",\"contexts\",\"related\",\"national\"}]}\n"
    "A layout match's \"match\" also has \"layout\":{\"typed\":K,\"read\":K,\"text\":T,\n"
    "\"typed_title\",\"read_title\"}: the layouts (us, ru, kz, kg, tj, uz, by), the\n"
    "query as read, and the layouts' names (\"English (US)\", \"Russian\").\n"
    "\n"
    "--batch reads queries from stdin, one per line, and prints one such object\n"
    "per line (JSON Lines), in the same order, each flushed at once. A line that\n"
    "fails gets {\"query\":Q,\"line\":N,\"error\":MSG,\"results\":[]}: over 4096 bytes\n"
    "(Q null: never cut), a NUL byte, not UTF-8, bad --mode fts syntax; it is\n"
    "also reported on stderr as stdin:N.\n"
    "\n"
    "A query that is not UTF-8 is named with its first bad byte and the legacy\n"
    "code page its bytes read in (CP1251, KOI8-R, CP866, GB18030, Big5, CP1256,\n"
    "CP1252; \"probably\" when a few bytes read in several). That reading is\n"
    "looked up, with a warning, and exits as any lookup; bytes that read as no\n"
    "text are an error (exit 2). --batch reports such a line and goes on. Text\n"
    "output shows control, C1 and bidi characters in the data as escapes\n"
    "(\\u009B) and bytes that are not UTF-8 as U+FFFD: nothing stored can steer\n"
    "the terminal.\n"
    "\n"
    "Exit status: 0 found, 1 nothing found, 2 error.",
    "  glossa lookup \"информационная безопасность\"\n"
    "  glossa lookup 信息安全 --to ru\n"
    "  glossa lookup \"information weapon\" --to ru,zh --format json\n"
    "  glossa lookup \"международной информационной безопасности\"\n"
    "  glossa lookup --brief безопасность --to zh\n"
    "  glossa lookup 資訊安全\n"
    "  glossa lookup \"xinxi anquan\"\n"
    "  glossa lookup \"infomation securty\"\n"
    "  glossa lookup \"byajhvfwbjyyfz ,tpjgfcyjcnm\"\n"
    "  glossa lookup --in definitions \"психологической обработки\"\n"
    "  printf '信息安全\\ninformation weapon\\n' | glossa lookup --batch --to ru\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct lookup_args, &defaults),
};
