/*
** cmd_lookup.c — `glossa lookup`: find concepts by a term in any language
** and print their equivalents, definitions and sources, as aligned text for
** people or as JSON for scripts.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

static const struct cli_option options[] = {
    { "db", 0, "PATH", "database (default $GLOSSA_DB, else glossa.db)" },
    { "from", 'f', "LANG", "match only terms in this language (BCP 47, e.g. ru, zh, uz-Latn)" },
    { "to", 't', "LANG,...", "show terms and definitions in these languages (default: all)" },
    { "format", 0, "FORMAT", "text (default) or json" },
    { "limit", 'n', "N", "show at most N concepts (default 10)" },
    { "mode", 'm', "MODE", "auto (default), exact, normalized, stem, translit, prefix, fuzzy, fulltext or fts" },
    { "in", 0, "WHERE", "terms (default) or definitions (full text of definitions and notes)" },
    { "color", 0, "WHEN", "auto (default: only on a terminal), always or never" },
    { "full", 0, NULL, "show every result whole (default: looser matches get one line)" },
    { "batch", 0, NULL, "read queries from stdin, one per line; print one JSON object per line" },
    { "as-of", 0, "DATE", "the wordings in force on DATE (YYYY-MM-DD; default: today)" },
    { "history", 0, NULL, "show earlier wordings too, with the dates they were in force" },
};

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RED "\033[1;31m"
#define GREEN "\033[32m"
#define CYAN "\033[36m"
#define RESET "\033[0m"

/* Append s at p (which has room); returns its length. */
static int put_str(char *p, const char *s)
{
    size_t n = strlen(s);
    memcpy(p, s, n + 1);
    return (int)n;
}

static void append_str(char *buf, const char *s)
{
    size_t n = strlen(buf);
    memcpy(buf + n, s, strlen(s) + 1);
}

const char *lookup_basis_note(const char *basis)
{
    if (basis && strcmp(basis, "reconstruction") == 0)
        return "reconstruction, not verified against the official text";
    if (basis && strcmp(basis, "working-translation") == 0)
        return "working translation, not an official rendering";
    return NULL;
}

const char *lookup_reliability_label(int r)
{
    switch (r) {
    case 1: return "NOT VERIFIED";
    case 2: return "minimum reliability";
    case 3: return "reliable";
    default: return "very reliable";
    }
}

/* ---- JSON -------------------------------------------------------------------------- */

/* "key":"value" after a comma, or nothing when value is NULL. */
static void json_opt(FILE *f, const char *key, const char *value)
{
    if (!value)
        return;
    fprintf(f, ",\"%s\":", key);
    out_json_string(f, value);
}

void lookup_print_json(FILE *f, const char *query, const glossa_results *res, int whole)
{
    size_t i, j;
    fputs("{\"query\":", f);
    out_json_string(f, query);
    fputs(",\"results\":[", f);
    for (i = 0; i < glossa_results_count(res); i++) {
        const glossa_hit *h = glossa_results_get(res, i);
        fprintf(f, "%s{\"id\":", i ? "," : "");
        out_json_string(f, h->id);
        fprintf(f, ",\"score\":%.4f,\"reliability\":%d", h->score, h->reliability);
        if (whole) {
            json_opt(f, "status", h->status);
            json_opt(f, "instrument", h->instrument);
        }
        fputs(",\"match\":{\"lang\":", f);
        out_json_string(f, h->match_lang);
        fputs(",\"text\":", f);
        out_json_string(f, h->match_text);
        fputs(",\"how\":", f);
        out_json_string(f, glossa_match_kind_name(h->how));
        fputs("},\"terms\":[", f);
        for (j = 0; j < h->n_terms; j++) {
            const glossa_term *t = &h->terms[j];
            fprintf(f, "%s{\"lang\":", j ? "," : "");
            out_json_string(f, t->lang);
            fputs(",\"text\":", f);
            out_json_string(f, t->text);
            fputs(",\"status\":", f);
            out_json_string(f, t->status);
            if (whole) {
                json_opt(f, "type", t->term_type);
                json_opt(f, "geo", t->geo);
                if (t->working)
                    fputs(",\"working\":true", f);
                json_opt(f, "from", t->valid_from);
                json_opt(f, "to", t->valid_to);
            }
            fputc('}', f);
        }
        fputs("],\"definitions\":[", f);
        for (j = 0; j < h->n_definitions; j++) {
            const glossa_definition *d = &h->definitions[j];
            const char *note = lookup_basis_note(d->basis);
            fprintf(f, "%s{\"lang\":", j ? "," : "");
            out_json_string(f, d->lang);
            fputs(",\"text\":", f);
            out_json_string(f, d->text);
            fputs(",\"source\":", f);
            if (note) { /* the source, then what it is: "S (reconstruction, …)" */
                size_t n = strlen(d->source ? d->source : "") + strlen(note) + 4;
                char *source = malloc(n);
                if (source)
                    snprintf(source, n, "%s (%s)", d->source ? d->source : "", note);
                out_json_string(f, source ? source : d->source);
                free(source);
            } else {
                out_json_string(f, d->source);
            }
            if (whole) {
                json_opt(f, "basis", d->basis);
                json_opt(f, "from", d->valid_from);
                json_opt(f, "to", d->valid_to);
            }
            fputc('}', f);
        }
        fputc(']', f);
        if (whole) {
            fputs(",\"notes\":[", f);
            for (j = 0; j < h->n_notes; j++) {
                fprintf(f, "%s{\"lang\":", j ? "," : "");
                out_json_string(f, h->notes[j].lang);
                fputs(",\"type\":", f);
                out_json_string(f, h->notes[j].type);
                fputs(",\"text\":", f);
                out_json_string(f, h->notes[j].text);
                fputc('}', f);
            }
            fputc(']', f);
        }
        fputc('}', f);
    }
    fputs("]}\n", f);
}

/* ---- text ------------------------------------------------------------------------------ */

/* The matched text with the matched words marked (colour, or «» when only
** part of it matched and there is no colour), wrapped. A long definition is
** cut to the neighbourhood of its first matched word. */
static void print_highlighted(const struct cli_out *out, const glossa_hit *h, size_t indent,
                              const char *suffix)
{
    const char *t = h->match_text ? h->match_text : "";
    size_t len = strlen(t), at = 0, stop = len, i, n = 0;
    int partial = h->n_highlights &&
                  !(h->n_highlights == 1 && h->highlights[0].start == 0 && h->highlights[0].end == len);
    const char *on = out->color_out ? "\033[1;32m" : partial ? "«" : "";
    const char *off = out->color_out ? "\033[0m" : partial ? "»" : "";
    char *buf = malloc(len * 2 + strlen(suffix) + 256);

    if (!buf)
        return;
    if (h->how == GLOSSA_MATCH_FULLTEXT && len > 200 && h->n_highlights) {
        at = h->highlights[0].start > 80 ? h->highlights[0].start - 80 : 0;
        while (at > 0 && (t[at] & 0xC0) == 0x80)
            at--;
        stop = at + 200 < len ? at + 200 : len;
        while (stop < len && (t[stop] & 0xC0) == 0x80)
            stop++;
        if (at)
            n += (size_t)put_str(buf + n, "…");
    }
    for (i = 0; i < h->n_highlights; i++) {
        const glossa_span *sp = &h->highlights[i];
        if (sp->start < at || sp->end > stop)
            continue;
        memcpy(buf + n, t + at, sp->start - at);
        n += sp->start - at;
        n += (size_t)put_str(buf + n, on);
        memcpy(buf + n, t + sp->start, sp->end - sp->start);
        n += sp->end - sp->start;
        n += (size_t)put_str(buf + n, off);
        at = sp->end;
    }
    memcpy(buf + n, t + at, stop - at);
    n += stop - at;
    if (stop < len)
        n += (size_t)put_str(buf + n, "…");
    buf[n] = '\0';
    append_str(buf, suffix);
    out_wrapped(stdout, out, buf, indent, indent);
    free(buf);
}

/* A label in the left column, padded so that every text starts in one column. */
static void print_label(const struct cli_out *out, const char *kind, const char *lang,
                        size_t width)
{
    char label[64];
    snprintf(label, sizeof label, "%s%s%s", kind, *kind && *lang ? " " : "", lang);
    printf("   %s", out_color(out, 0, CYAN));
    out_padded(stdout, label, width);
    printf("%s  ", out_color(out, 0, RESET));
}

/* ", in force from A until B" for a dated wording. */
static void print_dates(const char *from, const char *to)
{
    if (from || to)
        printf("in force%s%s%s%s", from ? " from " : "", from ? from : "", to ? " until " : "",
               to ? to : "");
}

void lookup_print_hit(const struct cli_out *out, size_t rank, const glossa_hit *h)
{
    size_t label_w = 4, term_w = 0, indent, j;
    const char *b = out_color(out, 0, BOLD), *d = out_color(out, 0, DIM);
    const char *r = out_color(out, 0, RESET);

    for (j = 0; j < h->n_terms; j++) {
        size_t lw = strlen(h->terms[j].lang);
        size_t tw = glossa_text_width(h->terms[j].text, strlen(h->terms[j].text));
        if (lw > label_w)
            label_w = lw;
        if (tw > term_w)
            term_w = tw;
    }
    for (j = 0; j < h->n_definitions; j++)
        if (strlen(h->definitions[j].lang) + 4 > label_w)
            label_w = strlen(h->definitions[j].lang) + 4;
    indent = 3 + label_w + 2;

    printf("%zu. %s%s%s  %s%s%s", rank, b, h->id, r, d,
           strcmp(h->status, "in-force") == 0 ? "in force" : h->status, r);
    if (h->reliability <= 1)
        printf("  %s%s (reliability %d of 4)%s", out_color(out, 0, RED),
               lookup_reliability_label(h->reliability), h->reliability, r);
    else
        printf("  %sreliability %d of 4 (%s)%s", d, h->reliability,
               lookup_reliability_label(h->reliability), r);
    printf("\n");
    print_label(out, "match", "", label_w);
    {
        char how[160];
        snprintf(how, sizeof how, " %s(%s, %s)%s", d, h->match_lang ? h->match_lang : "?",
                 glossa_match_kind_name(h->how), r);
        print_highlighted(out, h, indent, how);
    }
    if (h->instrument) {
        print_label(out, "from", "", label_w);
        out_wrapped(stdout, out, h->instrument, indent, indent);
    }
    for (j = 0; j < h->n_terms; j++) {
        const glossa_term *t = &h->terms[j];
        print_label(out, "", t->lang, label_w);
        out_padded(stdout, t->text, term_w);
        printf("  %s%s%s%s%s%s%s", d, t->status, t->term_type ? ", " : "",
               t->term_type ? t->term_type : "", t->working ? ", working translation" : "",
               t->geo ? ", " : "", t->geo ? t->geo : "");
        if (t->valid_from || t->valid_to)
            fputs(", ", stdout);
        print_dates(t->valid_from, t->valid_to);
        printf("%s\n", r);
    }
    for (j = 0; j < h->n_definitions; j++) {
        const glossa_definition *def = &h->definitions[j];
        const char *note = lookup_basis_note(def->basis);
        char src[1024];
        print_label(out, "def", def->lang, label_w);
        out_wrapped(stdout, out, def->text, indent, indent);
        snprintf(src, sizeof src, "source: %s%s%s%s", def->source ? def->source : "unknown",
                 note ? " [" : "", note ? note : "", note ? "]" : "");
        printf("%*s%s", (int)indent, "", d);
        out_wrapped(stdout, out, src, indent, indent);
        if (def->valid_from || def->valid_to) {
            printf("%*s", (int)indent, "");
            print_dates(def->valid_from, def->valid_to);
            putchar('\n');
        }
        printf("%s", r);
    }
    for (j = 0; j < h->n_notes; j++) {
        print_label(out, "note", "", label_w);
        out_wrapped(stdout, out, h->notes[j].text, indent, indent);
    }
}

/* One line for a looser match: rank, id, the matched term, how. */
static void print_brief(const struct cli_out *out, size_t rank, const glossa_hit *h)
{
    printf("%zu. %s%s%s  %s %s(%s, %s)%s%s\n", rank, out_color(out, 0, BOLD), h->id,
           out_color(out, 0, RESET), h->match_text ? h->match_text : "",
           out_color(out, 0, DIM), h->match_lang ? h->match_lang : "?",
           glossa_match_kind_name(h->how), out_color(out, 0, RESET),
           h->reliability <= 1 ? "  NOT VERIFIED" : "");
}

static int parse_limit(const struct cli_out *out, const char *s, unsigned *limit)
{
    char *end;
    long v;
    if (!s)
        return 0;
    v = strtol(s, &end, 10);
    if (*s == '\0' || *end || v < 1 || v > 1000) {
        out_message(out, "--limit takes a number from 1 to 1000, not '%s'", s);
        return -1;
    }
    *limit = (unsigned)v;
    return 0;
}

/* --batch: one query per line of stdin, one JSON object per line of stdout
** (JSON Lines), flushed line by line so that a program can talk to it
** through a pipe. A query that fails gets {"query":Q,"error":MSG,"results":[]}.
** Exit status: 0 something found, 1 nothing found, 2 an error on any line. */
static int lookup_batch(const struct cli_out *out, const char *db_path,
                        const glossa_lookup_opts *opts)
{
    glossa_db *db = NULL;
    glossa_error err;
    char line[4100];
    int found = 0, failed = 0;

    if (glossa_db_open(&db, db_path, &err)) {
        out_error(out, &err);
        return EXIT_ERR;
    }
    while (fgets(line, sizeof line, stdin)) {
        glossa_results *res = NULL;
        size_t n = strlen(line);
        int c, too_long = n == sizeof line - 1 && line[n - 1] != '\n';
        while (too_long && (c = getchar()) != EOF && c != '\n')
            ;
        while (too_long && n > 0 && ((unsigned char)line[n - 1] & 0xC0) == 0x80)
            n--; /* show the query cut whole characters */
        if (too_long && n > 0 && (unsigned char)line[n - 1] >= 0xC0)
            n--;
        line[n] = '\0';
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (too_long || glossa_lookup(db, line, opts, &res, &err)) {
            printf("{\"query\":");
            out_json_string(stdout, line);
            printf(",\"error\":");
            out_json_string(stdout, too_long ? "query too long (at most 4096 bytes)" : err.msg);
            printf(",\"results\":[]}\n");
            failed = 1;
        } else {
            lookup_print_json(stdout, line, res, 0);
            found |= glossa_results_count(res) > 0;
            glossa_results_free(res);
        }
        if (fflush(stdout) == EOF)
            break;
    }
    glossa_db_close(db);
    if (ferror(stdin)) {
        out_message(out, "cannot read queries from stdin");
        return EXIT_ERR;
    }
    return failed ? EXIT_ERR : found ? EXIT_OK_ : EXIT_NONE;
}

static int run_lookup(const struct cli_command *self, struct cli_args *args)
{
    glossa_lookup_opts opts = GLOSSA_LOOKUP_OPTS_INIT;
    const char *format = cli_value(self, args, "format");
    const char *color = cli_value(self, args, "color");
    glossa_results *res = NULL;
    glossa_db *db = NULL;
    glossa_error err;
    int json, full, rc, i;
    char query[4200];
    size_t qlen = 0;

    if (args->n_positional == 0 && !cli_value(self, args, "batch")) {
        fprintf(stderr, "glossa lookup: no query\nusage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if (format && strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
        out_message(&args->out, "unknown --format '%s' (use text or json)", format);
        return EXIT_ERR;
    }
    if (color && strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never")) {
        out_message(&args->out, "unknown --color '%s' (use auto, always or never)", color);
        return EXIT_ERR;
    }
    json = format && strcmp(format, "json") == 0;
    full = cli_value(self, args, "full") != NULL;
    opts.as_of = cli_value(self, args, "as-of");
    opts.history = cli_value(self, args, "history") != NULL;
    opts.from = cli_value(self, args, "from");
    opts.to = cli_value(self, args, "to");
    if (out_check_languages(&args->out, "--from", opts.from, "e.g. zh-Hant, uz-Cyrl") ||
        out_check_languages(&args->out, "--to", opts.to, "e.g. zh-Hant, uz-Cyrl"))
        return EXIT_ERR;
    if (parse_limit(&args->out, cli_value(self, args, "limit"), &opts.limit))
        return EXIT_ERR;
    if (cli_value(self, args, "mode") &&
        glossa_mode_parse(cli_value(self, args, "mode"), &opts.mode)) {
        out_message(&args->out, "unknown --mode '%s' (use auto, exact, normalized, stem, "
                    "translit, prefix, fuzzy, fulltext or fts)", cli_value(self, args, "mode"));
        return EXIT_ERR;
    }
    if (cli_value(self, args, "in")) {
        const char *in = cli_value(self, args, "in");
        if (strcmp(in, "definitions") == 0)
            opts.in_definitions = 1;
        else if (strcmp(in, "terms") != 0) {
            out_message(&args->out, "unknown --in '%s' (use terms or definitions)", in);
            return EXIT_ERR;
        }
    }
    if (cli_value(self, args, "batch")) {
        if (args->n_positional || (format && !json)) {
            out_message(&args->out, "--batch reads the queries from stdin and writes JSON Lines: "
                                    "give no QUERY and no --format text");
            return EXIT_ERR;
        }
        return lookup_batch(&args->out, out_db_path(cli_value(self, args, "db")), &opts);
    }

    /* Several words without quotes are one query, as a person would mean it. */
    query[0] = '\0';
    for (i = 0; i < args->n_positional; i++) {
        size_t n = strlen(args->positional[i]);
        if (qlen + n + 2 > sizeof query) {
            out_message(&args->out, "query too long (at most 4096 bytes)");
            return EXIT_ERR;
        }
        if (i)
            query[qlen++] = ' ';
        memcpy(query + qlen, args->positional[i], n + 1);
        qlen += n;
    }

    if ((rc = glossa_db_open(&db, out_db_path(cli_value(self, args, "db")), &err)) ||
        (rc = glossa_lookup(db, query, &opts, &res, &err))) {
        out_error(&args->out, &err);
        glossa_db_close(db);
        return EXIT_ERR;
    }
    if (json) {
        lookup_print_json(stdout, query, res, 0);
    } else if (glossa_results_count(res) == 0) {
        fprintf(stderr, "glossa: no concept matches '%s'\n", query);
    } else {
        size_t k;
        const glossa_hit *first = glossa_results_get(res, 0);
        if (first->how == GLOSSA_MATCH_FUZZY)
            printf("did you mean %s%s%s?\n\n", out_color(&args->out, 0, BOLD), first->match_text,
                   out_color(&args->out, 0, RESET));
        int brief_header = 0;
        for (k = 0; k < glossa_results_count(res); k++) {
            const glossa_hit *h = glossa_results_get(res, k);
            if (full || h->how == first->how) {
                if (k)
                    putchar('\n');
                lookup_print_hit(&args->out, k + 1, h);
                continue;
            }
            if (!brief_header++)
                printf("\n%smore, by looser matches (--full shows them whole):%s\n",
                       out_color(&args->out, 0, DIM), out_color(&args->out, 0, RESET));
            print_brief(&args->out, k + 1, h);
        }
    }
    rc = glossa_results_count(res) ? EXIT_OK_ : EXIT_NONE;
    glossa_results_free(res);
    glossa_db_close(db);
    return rc;
}

const struct cli_command cmd_lookup_spec = {
    "lookup", run_lookup, "find a concept by a term in any language",
    "lookup [--db PATH] [--from LANG] [--to LANG,...] [--mode MODE] [--in definitions]\n"
    "                     [--format text|json] [--limit N] QUERY\n"
    "       glossa lookup --batch [OPTIONS] < QUERIES",
    options, sizeof options / sizeof options[0],
    "Find concepts by any of their terms, in any language or script. The query is\n"
    "tried, strictest first: exact; normalized (case, Unicode form, ё/е, Arabic\n"
    "yeh/kaf and harakat, Devanagari nukta, Uzbek apostrophes, Traditional and\n"
    "Taiwan Chinese folded to Simplified); stem (Snowball: ru, en, hi; inflected\n"
    "and plural forms, whole term or every word); translit (Cyrillic from Latin and\n"
    "back, Chinese from toneless pinyin); prefix (every word begins a word of the\n"
    "term, e.g. secur*); and, only when nothing else matched, fuzzy (typos; the\n"
    "text output asks \"did you mean\"). --mode forces one kind; --in definitions\n"
    "searches the full text of definitions and notes instead; --mode fts takes an\n"
    "FTS5 query (quotes, NEAR, *, ^, OR) as written. Otherwise everything typed\n"
    "is text: no query is a syntax error.\n"
    "\n"
    "Each result shows how it matched, the concept's terms and definitions with\n"
    "their sources, and its reliability: entries that have not been verified\n"
    "against an official text say so.\n"
    "\n"
    "JSON output (--format json) has the shape\n"
    "  {\"query\":Q,\"results\":[{\"id\":ID,\"score\":S,\"reliability\":R,\n"
    "    \"match\":{\"lang\":L,\"text\":T,\"how\":H},\"terms\":[{\"lang\":L,\"text\":T,\"status\":ST}],\n"
    "    \"definitions\":[{\"lang\":L,\"text\":T,\"source\":SRC}]}]}\n"
    "\n"
    "--batch reads queries from stdin, one per line, and prints one such object\n"
    "per line (JSON Lines), in the same order, each flushed at once.\n"
    "\n"
    "Exit status: 0 found, 1 nothing found, 2 error.",
    "  glossa lookup \"информационная безопасность\"\n"
    "  glossa lookup 信息安全 --to ru\n"
    "  glossa lookup \"information weapon\" --to ru,zh --format json\n"
    "  glossa lookup \"международной информационной безопасности\"\n"
    "  glossa lookup 資訊安全\n"
    "  glossa lookup \"xinxi anquan\"\n"
    "  glossa lookup \"infomation securty\"\n"
    "  glossa lookup --in definitions \"психологической обработки\"\n"
    "  printf '信息安全\\ninformation weapon\\n' | glossa lookup --batch --to ru\n",
};
