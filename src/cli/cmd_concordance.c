/*
** cmd_concordance.c — `glossa concordance`: where the two authentic texts
** (Russian and Chinese) of annex 1 do not concord, a finding a line
** (FILE:LINE: CONCEPT: what) or as JSON; and `glossa correction`: the
** depositary's notification of the corrections (Vienna Convention art. 79)
** with the procès-verbal of rectification. Exit 0: the texts concord; 1:
** findings (concordance) or nothing to notify (correction); 2: trouble.
*/
#include "cmd.h"

#include <stdio.h>
#include <string.h>

struct concordance_args {
    enum cli_format format;
    const char *since;
};

static const struct cli_option options[] = {
    CLI_OPT_PATH(concordance_args, since, "since", 0, "FILE|DIR", "the earlier version: a change since made in one authentic text only is a finding"),
    CLI_OPT_FORMAT(concordance_args, "text|json"),
};

/* The term base given, else the bundled glossary; read through the library. */
static int read_concordance(struct cli_args *args, const char *since, glossa_concordance **c)
{
    glossa_concordance_opts opts = GLOSSA_CONCORDANCE_OPTS_INIT;
    const char *const *inputs = args->positional;
    size_t n = (size_t)args->n_positional;
    char glossary[4096];
    const char *fallback[1];
    glossa_error err;
    int rc;

    if (n == 0) {
        fallback[0] = out_default_glossary(glossary, sizeof glossary);
        inputs = fallback;
        n = 1;
    }
    opts.since = since ? &since : NULL;
    opts.n_since = since ? 1 : 0;
    opts.on_diag = out_diag;
    opts.userdata = &args->out;
    rc = glossa_concordance_new(c, inputs, n, &opts, &err);
    if (rc) {
        /* the loader reported problems in the input already (on_diag) */
        if ((rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA) || err.file[0] == '\0')
            out_error(&args->out, &err);
        return EXIT_ERR;
    }
    return EXIT_OK_;
}

static void print_text(const glossa_concordance *c)
{
    size_t i, n = glossa_concordance_count(c), w_at = 0, w_id = 0, concepts = 0;
    char at[4200];
    for (i = 0; i < n; i++) {
        const glossa_concord_finding *f = glossa_concordance_get(c, i);
        size_t w;
        snprintf(at, sizeof at, "%s:%ld:", f->file ? f->file : "", f->line);
        if ((w = out_width(at)) > w_at)
            w_at = w;
        if ((w = out_width(f->concept) + 1) > w_id)
            w_id = w;
        concepts += !i || strcmp(f->concept, glossa_concordance_get(c, i - 1)->concept) != 0;
    }
    for (i = 0; i < n; i++) {
        const glossa_concord_finding *f = glossa_concordance_get(c, i);
        snprintf(at, sizeof at, "%s:%ld:", f->file ? f->file : "", f->line);
        out_padded(stdout, at, w_at + 1);
        snprintf(at, sizeof at, "%s:", f->concept);
        out_padded(stdout, at, w_id + 1);
        out_printf(stdout, "%s\n", f->message);
    }
    if (n)
        printf("%zu finding%s in %zu of %zu annex concept%s: the Russian and Chinese texts do "
               "not concord\n", n, n == 1 ? "" : "s", concepts, glossa_concordance_concepts(c),
               glossa_concordance_concepts(c) == 1 ? "" : "s");
    else
        printf("%zu annex concept%s: the Russian and Chinese texts concord\n",
               glossa_concordance_concepts(c), glossa_concordance_concepts(c) == 1 ? "" : "s");
}

static void print_json(const glossa_concordance *c)
{
    size_t i;
    printf("{\"findings\":[");
    for (i = 0; i < glossa_concordance_count(c); i++) {
        const glossa_concord_finding *f = glossa_concordance_get(c, i);
        printf("%s{\"concept\":", i ? "," : "");
        out_json_string(stdout, f->concept);
        out_json_field(stdout, "file", f->file);
        printf(",\"line\":%ld", f->line);
        out_json_field(stdout, "lang", f->lang);
        out_json_field(stdout, "kind", glossa_concord_kind_name(f->kind));
        out_json_field(stdout, "message", f->message);
        printf("}");
    }
    printf("],\"concepts\":%zu}\n", glossa_concordance_concepts(c));
}

static int run_concordance(const struct cli_command *self, struct cli_args *args)
{
    const struct concordance_args *a = args->opts;
    glossa_concordance *c = NULL;
    int rc;

    (void)self;
    if ((rc = read_concordance(args, a->since, &c)))
        return rc;
    if (a->format == FORMAT_JSON)
        print_json(c);
    else
        print_text(c);
    rc = glossa_concordance_count(c) ? EXIT_NONE : EXIT_OK_;
    glossa_concordance_free(c);
    return rc;
}

const struct cli_command cmd_concordance_spec = {
    "concordance", run_concordance, "check that the Russian and Chinese texts of annex 1 concord",
    "concordance [--since FILE|DIR] [--format text|json] [FILE|DIR ...]",
    options, sizeof options / sizeof options[0],
    "Check the concordance of the two authentic texts of annex 1, Russian and\n"
    "Chinese (default: the bundled glossary; files and folders are read and\n"
    "validated as by 'glossa index'). An annex concept is one in force or agreed\n"
    "(not proposed, not withdrawn), as the protocol and the annex export see it.\n"
    "Each needs a preferred term and a definition in Russian and in Chinese (zh;\n"
    "a Traditional zh-Hant text does not stand for the authentic one), and its\n"
    "two definitions as many enumerated parts (\"1) … 2)\", \"а)\", \"（一）\",\n"
    "\"1）\"). Cross-references are held once per concept, not per language, so\n"
    "there is nothing in them to compare. With --since (the earlier version), a\n"
    "concept reworded since in one authentic text and not the other is a finding\n"
    "too (the rule by which 'glossa protocol --format akn' refuses such a change).\n"
    "Each finding is a line FILE:LINE: CONCEPT: what is missing or different (the\n"
    "line of the <entry>), then a summary; --format json gives {\"findings\":\n"
    "[{\"concept\",\"file\",\"line\",\"lang\",\"kind\",\"message\"}],\"concepts\":N}, kind\n"
    "one of missing-term, missing-definition, numbering, one-language-change.\n"
    "Exit status: 0 the texts concord, 1 findings, 2 bad input (FILE:LINE).\n"
    "'glossa correction' drafts the depositary's correction of the findings.",
    "  glossa concordance\n"
    "  glossa concordance my-annex.xml --format json\n"
    "  glossa concordance --since glossary/annex1.xml new-annex.xml\n",
    CLI_PLAIN,
    CLI_OPTS(struct concordance_args, NULL),
};

/* ---- correction --------------------------------------------------------------------- */

struct correction_args {
    int lang;   /* index in out_doc_langs[] */
    int format; /* index in out_doc_formats[] */
    const char *objections_by, *corrected, *output;
};

static const struct cli_option correction_options[] = {
    CLI_OPT_ENUM(correction_args, lang, "lang", 'l', "LANG", "ru|zh|en", NULL),
    CLI_OPT_DATE(correction_args, objections_by, "objections-by", 0, "YYYY-MM-DD", "the time-limit for objections (required)"),
    CLI_OPT_PATH(correction_args, corrected, "corrected", 0, "FILE|DIR", "the term base with the corrections made: the text as corrected"),
    CLI_OPT_FORMAT(correction_args, "md|html|docx|tei"),
    CLI_OPT_OUTPUT(correction_args, ""),
};

static int run_correction(const struct cli_command *self, struct cli_args *args)
{
    glossa_correction_opts opts = GLOSSA_CORRECTION_OPTS_INIT;
    const struct correction_args *a = args->opts;
    glossa_concordance *c = NULL;
    glossa_error err;
    char *doc = NULL;
    size_t len = 0;
    int rc;

    if (args->n_positional > 1) {
        fprintf(stderr, "usage: glossa %s\n", self->usage);
        return EXIT_ERR;
    }
    opts.lang = out_doc_langs[a->lang];
    opts.format = out_doc_formats[a->format];
    opts.objections_by = a->objections_by;
    opts.corrected = a->corrected ? &a->corrected : NULL;
    opts.n_corrected = a->corrected ? 1 : 0;
    opts.on_diag = out_diag;
    opts.userdata = &args->out;
    if (!a->objections_by) {
        out_message(&args->out, "--objections-by YYYY-MM-DD is required: the depositary "
                                "notifies a correction with a time-limit for objections");
        return EXIT_ERR;
    }
    if (out_doc_refused(&args->out, opts.format, a->output))
        return EXIT_ERR;
    if ((rc = read_concordance(args, NULL, &c)))
        return rc;
    rc = glossa_correction_render(c, &opts, &doc, &len, &err);
    glossa_concordance_free(c);
    if (rc) {
        if ((rc != GLOSSA_EINPUT && rc != GLOSSA_ESCHEMA) || err.file[0] == '\0')
            out_error(&args->out, &err);
        return rc == GLOSSA_ENOTFOUND && !err.file[0] ? EXIT_NONE : EXIT_ERR;
    }
    rc = out_write_file(&args->out, a->output, doc, len) ? EXIT_ERR : EXIT_OK_;
    glossa_free(doc);
    return rc;
}

const struct cli_command cmd_correction_spec = {
    "correction", run_correction,
    "draft the depositary's correction of the authentic texts (art. 79)",
    "correction --objections-by YYYY-MM-DD [--lang ru|zh|en] [--format md|html|docx|tei]\n"
    "                         [--corrected FILE|DIR] [-o FILE] [FILE|DIR]",
    correction_options, sizeof correction_options / sizeof correction_options[0],
    "Where the Russian and Chinese texts of annex 1 do not concord (the findings of\n"
    "'glossa concordance'; default: the bundled glossary), the texts are not\n"
    "amended but corrected (Vienna Convention on the Law of Treaties, art. 79):\n"
    "write the depositary's notification of the proposed corrections - each\n"
    "concept by its term in LANG, what does not concord, each authentic text\n"
    "concerned as it stands and as corrected - with the time-limit for objections\n"
    "(--objections-by, the only date glossa writes), and the text of the\n"
    "procès-verbal of rectification, which records that the corrected text\n"
    "replaces the defective one ab initio, not as an amendment. The English text\n"
    "is a working translation. glossa writes no treaty text of its own: the text\n"
    "as corrected is that of --corrected (the term base with the corrections\n"
    "made); without it the notification says in brackets that it is to be\n"
    "established. A change in --corrected to a concept that concorded is a\n"
    "wording changed on purpose, and a concept taken out of the annex or added\n"
    "to it an amendment: they need a protocol ('glossa protocol'), not a\n"
    "correction, and are refused, as is a corrected text that still does not\n"
    "concord (the concepts named). The fixed wording is export/correction/.\n"
    "Output is the same bytes for the same inputs.\n"
    "Exit status: 0 written; 1 nothing to notify (the texts concord, or the\n"
    "change needs a protocol); 2 error.",
    "  glossa correction my-annex.xml --lang ru --objections-by 2027-03-01\n"
    "  glossa correction my-annex.xml --corrected fixed-annex.xml --objections-by 2027-03-01 \\\n"
    "      --lang zh --format docx -o correction-zh.docx\n",
    CLI_PLAIN,
    CLI_OPTS(struct correction_args, NULL),
};
