/*
** cmd_candidates.c — `glossa candidates`: the recurring multi-word phrases
** of plain-text documents that the glossary does not have yet, ranked by
** C-value, with frequency and an example; optionally the best ones as a TEI
** skeleton of proposed concepts. With --national, the notions annex 1 lacks
** as the study of national legislation found them (candidates_national.c),
** ranked by the states whose acts define them.
*/
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

struct candidates_args {
    const char *lang, *proposal;
    long top;
    long min_freq; /* 0: the library's default */
    int all, national;
    enum cli_format format;
};
static const struct candidates_args defaults = { .top = 20 };

static const struct cli_option options[] = {
    CLI_OPT_DB("database whose terms are left out (default $GLOSSA_DB, else ~/.local/share/glossa/glossa.db)"),
    CLI_OPT_TEXT(candidates_args, lang, "lang", 'l', "LANG", "language of the documents: ru (default) or en"),
    CLI_OPT_INT(candidates_args, top, "top", 'n', "N", "show the N best candidates (default 20)", 1, 100000),
    CLI_OPT_INT(candidates_args, min_freq, "min-freq", 0, "N", "only phrases seen at least N times (default 2)", 1, 1000000),
    CLI_OPT_FLAG(candidates_args, all, "all", 0, "also list phrases that are glossary terms already (marked known)"),
    CLI_OPT_FLAG(candidates_args, national, "national", 0, "instead of documents, the notions annex 1 lacks as the study of national legislation found them (the index's national definitions), ranked by the states whose acts define them"),
    CLI_OPT_FORMAT(candidates_args, "text|json"),
    CLI_OPT_PATH(candidates_args, proposal, "proposal", 0, "FILE", "write the N best as a TEI skeleton of proposed concepts to FILE ('-': to standard output instead of the list)"),
};

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void print_text(const glossa_candidates *c, size_t top)
{
    size_t i, n = glossa_candidates_count(c);
    if (n == 0) {
        printf("no candidate in %zu document%s\n", glossa_candidates_documents(c),
               glossa_candidates_documents(c) == 1 ? "" : "s");
        return;
    }
    printf("rank   score  C-value  domain  freq  docs  candidate\n");
    for (i = 0; i < n && i < top; i++) {
        const glossa_candidate *k = glossa_candidates_get(c, i);
        out_printf(stdout, "%4zu  %6.2f  %7.2f  %5.0f%%  %4u  %4u  %s%s\n", i + 1, k->score, k->cvalue,
               k->domain * 100, k->freq, k->docs, k->text, k->known ? "  (known)" : "");
        out_printf(stdout, "      %s:%ld: %s\n", base_name(k->file), k->line, k->example);
    }
    printf("%zu of %zu candidates shown (--top), from %zu document%s\n", i < n ? i : n, n,
           glossa_candidates_documents(c), glossa_candidates_documents(c) == 1 ? "" : "s");
}

static void print_json(const glossa_candidates *c, const char *lang, size_t top)
{
    size_t i, n = glossa_candidates_count(c);
    printf("{\"lang\":");
    out_json_string(stdout, lang);
    printf(",\"documents\":%zu,\"total\":%zu,\"candidates\":[", glossa_candidates_documents(c), n);
    for (i = 0; i < n && i < top; i++) {
        const glossa_candidate *k = glossa_candidates_get(c, i);
        printf("%s{\"rank\":%zu,\"text\":", i ? "," : "", i + 1);
        out_json_string(stdout, k->text);
        printf(",\"key\":");
        out_json_string(stdout, k->key);
        printf(",\"words\":%u,\"score\":%.4f,\"cvalue\":%.4f,\"domain\":%.4f,\"frequency\":%u,"
               "\"forms\":%u,\"documents\":%u,\"known\":%s,\"example\":{\"file\":",
               k->words, k->score, k->cvalue, k->domain, k->freq, k->forms, k->docs,
               k->known ? "true" : "false");
        out_json_string(stdout, k->file);
        printf(",\"line\":%ld,\"text\":", k->line);
        out_json_string(stdout, k->example);
        printf("}}");
    }
    printf("]}\n");
}

static int write_proposal(const struct cli_out *out, const glossa_candidates *c, size_t top,
                          const char *path)
{
    glossa_error err;
    char *xml = NULL;
    size_t len = 0;
    int rc;

    if (glossa_candidates_proposal(c, top, &xml, &len, &err)) {
        out_error(out, &err);
        return -1;
    }
    rc = out_write_file(out, path, xml, len);
    glossa_free(xml);
    return rc;
}

/* ---- --national: the notions annex 1 lacks, from the study --------------------------- */

static const char *kind_of(const glossa_hit *h)
{
    return strcmp(h->status, "notion") == 0 ? "notion" : "statement";
}

static void print_national_text(const glossa_results *res, size_t top)
{
    size_t i, j, n = glossa_results_count(res), notions = 0;
    for (i = 0; i < n; i++)
        notions += strcmp(glossa_results_get(res, i)->status, "notion") == 0;
    printf("rank  states  defs  notion\n");
    for (i = 0; i < n && i < top; i++) {
        const glossa_hit *h = glossa_results_get(res, i);
        glossa_legal_tally t;
        glossa_legal_tally_of(h->legal, h->n_legal, &t);
        out_printf(stdout, "%4zu  %6u  %4u  %s", i + 1, t.states, t.definitions, h->id);
        if (h->n_terms)
            out_printf(stdout, " «%s»", h->terms[0].text);
        printf(" (%s)", strcmp(kind_of(h), "notion") == 0 ? "notion of the study"
                                                          : "statement concept, not in annex 1");
        if (t.related_states)
            printf(", and %u state%s with a related definition", t.related_states,
                   t.related_states == 1 ? "" : "s");
        printf("\n");
        for (j = 0; j < h->n_legal; j++) {
            const glossa_legal *l = &h->legal[j];
            out_printf(stdout, "      %s %s  %s  %s", l->state, l->lang, l->term, l->id);
            if (strcmp(l->relation, "same") != 0)
                out_printf(stdout, " (%s)", l->relation);
            printf("\n");
        }
        if (!h->n_legal)
            printf("      no state's act read defines it\n");
    }
    printf("%zu of %zu shown (--top): %zu notions of the study, %zu concepts outside annex 1\n",
           i, n, notions, n - notions);
}

static void print_national_json(const glossa_results *res, size_t top)
{
    size_t i, j, n = glossa_results_count(res);
    printf("{\"total\":%zu,\"notions\":[", n);
    for (i = 0; i < n && i < top; i++) {
        const glossa_hit *h = glossa_results_get(res, i);
        glossa_legal_tally t;
        const char *c;
        glossa_legal_tally_of(h->legal, h->n_legal, &t);
        printf("%s{\"rank\":%zu,\"id\":", i ? "," : "", i + 1);
        out_json_string(stdout, h->id);
        printf(",\"kind\":");
        out_json_string(stdout, kind_of(h));
        printf(",\"label\":");
        if (h->n_terms) {
            printf("{\"lang\":");
            out_json_string(stdout, h->terms[0].lang);
            printf(",\"text\":");
            out_json_string(stdout, h->terms[0].text);
            printf("}");
        } else {
            printf("null");
        }
        printf(",\"states\":%u,\"definitions\":%u,\"related_states\":%u,"
               "\"related_definitions\":%u,\"state_codes\":[", t.states, t.definitions,
               t.related_states, t.related);
        for (c = t.codes; *c; c += c[2] ? 3 : 2)
            printf("%s\"%.2s\"", c == t.codes ? "" : ",", c);
        printf("],\"national\":[");
        for (j = 0; j < h->n_legal; j++) {
            if (j)
                putchar(',');
            render_legal_json(stdout, &h->legal[j]);
        }
        printf("]}");
    }
    printf("]}\n");
}

static int run_national(const struct candidates_args *a, struct cli_args *args)
{
    glossa_results *res = NULL;
    glossa_error err;
    size_t n;

    if (args->n_positional || a->lang || a->min_freq || a->all || a->proposal) {
        out_message(&args->out, "--national reads the index's national definitions: no FILE, "
                    "--lang, --min-freq, --all or --proposal (start a proposal from a "
                    "definition with 'glossa propose --from-law ID')");
        return EXIT_ERR;
    }
    if (glossa_candidates_national(args->db, &res, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    n = glossa_results_count(res);
    if (n == 0)
        printf("no national definition in the index: index the study with the term base "
               "(glossa index glossary/ glossary/national/)\n");
    else if (a->format == FORMAT_JSON)
        print_national_json(res, (size_t)a->top);
    else
        print_national_text(res, (size_t)a->top);
    glossa_results_free(res);
    return n ? EXIT_OK_ : EXIT_NONE;
}

static int run_candidates(const struct cli_command *self, struct cli_args *args)
{
    const struct candidates_args *a = args->opts;
    glossa_candidates_opts opts = GLOSSA_CANDIDATES_OPTS_INIT;
    const char *proposal = a->proposal;
    glossa_candidates *c = NULL;
    glossa_error err;
    unsigned top = (unsigned)a->top;
    int i, rc = EXIT_ERR;

    if (a->national)
        return run_national(a, args);
    if (args->n_positional == 0) {
        fprintf(stderr, "glossa candidates: no file\nusage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    if (a->min_freq)
        opts.min_freq = (unsigned)a->min_freq;
    if (a->lang)
        opts.lang = a->lang;
    opts.include_known = a->all;

    if (glossa_candidates_new(&c, args->db, &opts, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    for (i = 0; i < args->n_positional; i++)
        if (glossa_candidates_add_file(c, args->positional[i], &err)) {
            out_error(&args->out, &err);
            goto done;
        }
    if (glossa_candidates_rank(c, &err)) {
        out_error(&args->out, &err);
        goto done;
    }
    if (!proposal || !out_is_stdout(proposal)) { /* --proposal -: the proposal is the output */
        if (a->format == FORMAT_JSON)
            print_json(c, opts.lang, top);
        else
            print_text(c, top);
    }
    if (proposal && write_proposal(&args->out, c, top, proposal))
        goto done;
    rc = glossa_candidates_count(c) ? EXIT_OK_ : EXIT_NONE;
done:
    glossa_candidates_free(c);
    return rc;
}

const struct cli_command cmd_candidates_spec = {
    "candidates", run_candidates, "find multi-word term candidates the glossary lacks",
    "candidates [--db PATH] [--lang ru|en] [--top N] [--min-freq N] [--all]\n"
    "                         [--format text|json] [--proposal FILE] FILE...\n"
    "       glossa candidates --national [--db PATH] [--top N] [--format text|json]",
    options, sizeof options / sizeof options[0],
    "Extract the recurring multi-word phrases of plain-text documents (UTF-8, or\n"
    "UTF-16 with a byte-order mark) that are not glossary terms yet. Candidates are\n"
    "n-grams of 2 to 5 words within punctuation that neither start nor end with a\n"
    "stop word (prepositions may stand inside: «использование ИКТ в преступных\n"
    "целях»), and in Russian neither end in an adjective nor start with a verb;\n"
    "phrases mostly written as proper names (capitals inside a sentence) are left\n"
    "out, and so is a phrase never seen outside one longer candidate (a fragment of\n"
    "it). Inflected forms are grouped by the Snowball stems of their words.\n"
    "\n"
    "They are ranked by C-value (Frantzi, Ananiadou & Mima 2000): log2(words) times\n"
    "the frequency, less the mean frequency of the longer candidates that contain\n"
    "the phrase, so that a fragment of a longer term ranks low; weighted by the\n"
    "term base as the model of the domain: score = C-value x (1 + domain), where\n"
    "domain is the share of the phrase's words (prepositions aside) that occur in\n"
    "glossary terms of that language. A phrase of the domain's vocabulary seen\n"
    "twice («критически важные объекты») so outranks boilerplate seen as often\n"
    "(«глав государств»). Phrases with the stems of a glossary term are left out\n"
    "unless --all is given.\n"
    "\n"
    "Each candidate shows its rank, score, C-value, domain share, frequency, the\n"
    "number of documents, its\n"
    "most frequent form, and the sentence of its first use (FILE:LINE). --proposal\n"
    "FILE writes the --top best as TEI entries in the glossary's encoding (status\n"
    "proposed, reliability 1, the Russian form, the sentence as an attestation, and\n"
    "an editorial note saying what to add) that 'glossa validate' accepts; FILE is\n"
    "replaced atomically, and '--proposal -' writes it to standard output instead\n"
    "of the list.\n"
    "\n"
    "JSON output: {\"lang\":L,\"documents\":D,\"total\":T,\"candidates\":[{\"rank\":R,\n"
    "  \"text\":T,\"key\":STEMS,\"words\":W,\"score\":S,\"cvalue\":C,\"domain\":D,\n"
    "  \"frequency\":F,\"forms\":N,\n"
    "  \"documents\":D,\"known\":B,\"example\":{\"file\":F,\"line\":L,\"text\":S}}]}\n"
    "\n"
    "--national lists, instead, the notions annex 1 lacks as the study of national\n"
    "legislation found them (plan item 1.3's input), from the index (glossa index\n"
    "glossary/ glossary/national/): every notion of glossary/national/notions.xml\n"
    "and every concept of the term base outside annex 1 (not in force: the\n"
    "statements' concepts), ranked by the member states whose acts define it (a\n"
    "definition of the same notion), then by those definitions, then by the states\n"
    "with only a broader, narrower or related definition; each with its states'\n"
    "terms and the ids of their definitions (for 'glossa propose --from-law ID').\n"
    "JSON: {\"total\":T,\"notions\":[{\"rank\":R,\"id\":ID,\"kind\":\"notion\"|\"statement\",\n"
    "  \"label\":{\"lang\":L,\"text\":T},\"states\":S,\"definitions\":D,\"related_states\":S,\n"
    "  \"related_definitions\":D,\"state_codes\":[CC...],\"national\":[DEFINITION...]}]},\n"
    "each DEFINITION as lookup and compare print one.\n"
    "\n"
    "Exit status: 0 candidates found, 1 none, 2 error.",
    "  glossa candidates --top 10 statement-*.txt\n"
    "  glossa candidates --format json --min-freq 3 law.txt\n"
    "  glossa candidates --top 5 --proposal /tmp/candidates.xml statement.txt\n"
    "  glossa candidates --national --top 10\n",
    CLI_NEEDS_DB,
    CLI_OPTS(struct candidates_args, &defaults),
};
