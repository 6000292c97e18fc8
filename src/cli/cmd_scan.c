/*
** cmd_scan.c — `glossa scan`: mark every glossary term in plain-text
** documents (statements, drafts), in any inflected form, with its concept and
** its equivalents in the languages asked for; as text, JSON or an HTML page.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

struct scan_args {
    const char *to, *from, *output;
    enum cli_format format;
};

static const struct cli_option options[] = {
    CLI_OPT_DB(CLI_DB_HELP),
    CLI_OPT_LIST(scan_args, to, "to", 't', "LANG,...", "equivalents in these languages (default ru,zh,en; 'all' for every one)"),
    CLI_OPT_LIST(scan_args, from, "from", 'f', "LANG,...", "find only terms in these languages (default: all)"),
    CLI_OPT_FORMAT(scan_args, "text|json|html"),
    CLI_OPT_OUTPUT(scan_args, ""),
    CLI_OPT_COLOR,
};

static void print_equivalents(FILE *f, const glossa_scan_match *m, const char *sep)
{
    size_t i;
    const char *prev_lang = NULL;
    for (i = 0; i < m->n_equivalents; i++) {
        const glossa_term *e = &m->equivalents[i];
        if (prev_lang && strcmp(prev_lang, e->lang) == 0) {
            out_printf(f, ", %s", e->text);
        } else {
            out_printf(f, "%s%s %s", prev_lang ? sep : "", e->lang, e->text);
            prev_lang = e->lang;
        }
    }
}

static void print_text(FILE *f, const struct cli_out *out, glossa_scan *const *scans, size_t n)
{
    size_t i, j, total = 0;
    const char *b = out_color(out, 0, "\033[1m"), *g = out_color(out, 0, "\033[32m");
    const char *d = out_color(out, 0, "\033[2m"), *r = out_color(out, 0, "\033[0m");
    for (i = 0; i < n; i++) {
        for (j = 0; j < glossa_scan_count(scans[i]); j++) {
            const glossa_scan_match *m = glossa_scan_get(scans[i], j);
            out_printf(f, "%s:%ld:%ld: ", glossa_scan_name(scans[i]), m->line, m->column);
            fputs(g, f);
            out_printf(f, "%s", m->text);
            fprintf(f, "%s  %s", r, b);
            out_printf(f, "%s", m->id);
            fprintf(f, "%s%s\n", r, m->reliability <= 1 ? "  NOT VERIFIED" : "");
            if (m->n_equivalents) {
                fprintf(f, "    %s", d);
                print_equivalents(f, m, "; ");
                fprintf(f, "%s\n", r);
            }
        }
        total += glossa_scan_count(scans[i]);
    }
    fprintf(f, "%zu term%s found in %zu file%s\n", total, total == 1 ? "" : "s", n,
            n == 1 ? "" : "s");
}

static void print_json(FILE *f, glossa_scan *const *scans, size_t n)
{
    size_t i, j, k;
    fprintf(f, "{\"files\":[");
    for (i = 0; i < n; i++) {
        fprintf(f, "%s{\"file\":", i ? "," : "");
        out_json_string(f, glossa_scan_name(scans[i]));
        fprintf(f, ",\"matches\":[");
        for (j = 0; j < glossa_scan_count(scans[i]); j++) {
            const glossa_scan_match *m = glossa_scan_get(scans[i], j);
            fprintf(f, "%s{\"line\":%ld,\"column\":%ld,\"start\":%zu,\"end\":%zu,\"text\":",
                    j ? "," : "", m->line, m->column, m->start, m->end);
            out_json_string(f, m->text);
            fprintf(f, ",\"id\":");
            out_json_string(f, m->id);
            fprintf(f, ",\"term\":");
            out_json_string(f, m->term);
            fprintf(f, ",\"lang\":");
            out_json_string(f, m->lang);
            fprintf(f, ",\"reliability\":%d,\"equivalents\":[", m->reliability);
            for (k = 0; k < m->n_equivalents; k++) {
                fprintf(f, "%s{\"lang\":", k ? "," : "");
                out_json_string(f, m->equivalents[k].lang);
                fprintf(f, ",\"text\":");
                out_json_string(f, m->equivalents[k].text);
                fprintf(f, ",\"status\":");
                out_json_string(f, m->equivalents[k].status);
                fprintf(f, "}");
            }
            fprintf(f, "]}");
        }
        fprintf(f, "]}");
    }
    fprintf(f, "]}\n");
}

static int run_scan(const struct cli_command *self, struct cli_args *args)
{
    const struct scan_args *a = args->opts;
    glossa_scan_opts opts = GLOSSA_SCAN_OPTS_INIT;
    const char *output = a->output;
    glossa_scanner *scanner = NULL;
    glossa_scan **scans = NULL;
    glossa_error err;
    size_t n = 0, total = 0, i;
    int rc = EXIT_ERR, stdin_used = 0;
    struct out_file file = { NULL, NULL, NULL, 0 };

    if (args->n_positional == 0) {
        fprintf(stderr, "glossa scan: no file to scan\nusage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    opts.to = a->to;
    if (!opts.to)
        opts.to = "ru,zh,en";
    else if (strcmp(opts.to, "all") == 0)
        opts.to = NULL;
    opts.from = a->from;
    if (out_check_languages(&args->out, "--to", opts.to, "or 'all'") ||
        out_check_languages(&args->out, "--from", opts.from, "or 'all'"))
        return EXIT_ERR;

    if (glossa_scanner_new(&scanner, args->db, &opts, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    scans = calloc((size_t)args->n_positional, sizeof *scans);
    if (!scans) {
        out_message(&args->out, "out of memory");
        goto done;
    }
    for (i = 0; i < (size_t)args->n_positional; i++) {
        const char *path = args->positional[i];
        int r;
        if (strcmp(path, "-") == 0) {
            size_t len = 0;
            char *data = NULL;
            if (stdin_used) {
                out_message(&args->out, "standard input given twice");
                goto done;
            }
            if (glossa_read_file(NULL, (size_t)1 << 30, &data, &len, &err)) {
                out_error(&args->out, &err);
                goto done;
            }
            stdin_used = 1;
            r = glossa_scan_buffer(scanner, "-", data, len, &scans[n], &err);
            glossa_free(data);
        } else {
            r = glossa_scan_file(scanner, path, &scans[n], &err);
        }
        if (r) {
            out_error(&args->out, &err);
            goto done;
        }
        total += glossa_scan_count(scans[n]);
        n++;
    }

    /* printed in memory: the file is replaced only once all of it is there */
    if (out_file_open(&file, &args->out, output))
        goto done;
    if (a->format == FORMAT_HTML) {
        char *html = NULL;
        size_t len = 0;
        if (glossa_scan_html((const glossa_scan *const *)scans, n, &html, &len, &err)) {
            out_error(&args->out, &err);
            goto done;
        }
        fwrite(html, 1, len, file.f);
        glossa_free(html);
    } else if (a->format == FORMAT_JSON) {
        print_json(file.f, scans, n);
    } else {
        struct cli_out o = args->out;
        if (file.path)
            o.color_out = 0;
        print_text(file.f, &o, scans, n);
    }
    rc = total ? EXIT_OK_ : EXIT_NONE;
done:
    if (out_file_close(&file, &args->out, rc != EXIT_ERR))
        rc = EXIT_ERR;
    for (i = 0; scans && i < n; i++)
        glossa_scan_free(scans[i]);
    free(scans);
    glossa_scanner_free(scanner);
    return rc;
}

const struct cli_command cmd_scan_spec = {
    "scan", run_scan, "mark the glossary terms in plain-text documents",
    "scan [--db PATH] [--to LANG,...] [--from LANG,...] [--format text|json|html]\n"
    "                   [-o FILE] FILE...",
    options, sizeof options / sizeof options[0],
    "Find every glossary term in plain-text documents (UTF-8, or UTF-16 with a\n"
    "byte-order mark; '-' reads standard input) and show where it is, as written,\n"
    "with its concept and its equivalents. Terms match in any inflected form\n"
    "(Snowball stems for ru, en, hi; exact normalised words for the other\n"
    "languages), multi-word terms included; where terms overlap, the longest one\n"
    "that starts first wins. Words across a punctuation mark are not one term.\n"
    "Abbreviations (ИКТ, МИБ) match only when written in capitals. A word broken\n"
    "by a hyphen at a line end (госу-/дарств) is read joined; a compound's own\n"
    "hyphen at a line end (информационно-/коммуникационных) is kept. A file in a\n"
    "legacy code page (CP1251, KOI8-R, GB18030, ...: no UTF-8 in it) is refused at\n"
    "its first bad byte, naming the code page and how to convert it.\n"
    "\n"
    "Text output: FILE:LINE:COLUMN: the text as written, the concept, and on the\n"
    "next line its terms in the --to languages. --format json gives\n"
    "  {\"files\":[{\"file\":F,\"matches\":[{\"line\":L,\"column\":C,\"start\":B,\"end\":E,\n"
    "    \"text\":T,\"id\":ID,\"term\":TERM,\"lang\":LANG,\"reliability\":R,\n"
    "    \"equivalents\":[{\"lang\":L,\"text\":T,\"status\":S}]}]}]}\n"
    "(start and end: bytes of the document as UTF-8). --format html writes one page\n"
    "with the terms marked and their equivalents shown on hover.\n"
    "\n"
    "Exit status: 0 terms found, 1 none found, 2 error.",
    "  glossa scan --to zh,en tests/data/text/sample.ru.txt\n"
    "  glossa scan --format html -o /tmp/scan.html statement.txt\n"
    "  glossa scan --format json --from ru - < draft.txt\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct scan_args, NULL),
};
