/*
** cmd_export.c — `glossa export`: the term base (the bundled glossary, or
** TEI files given) in an exchange format — TBX-Basic for terminology tools,
** CSV for memoQ and Trados, OmegaT's glossary format, or JSON; or annex 1
** as an Akoma Ntoso document (akn) — to standard output or, atomically, to a
** file. TBX 2019 (tbx) or 2008 (tbx2008, as translate-toolkit and OmegaT
** read it).
*/
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --format, in the order of its values */
static const glossa_export_format formats[] = {
    GLOSSA_EXPORT_TBX, GLOSSA_EXPORT_TBX2008, GLOSSA_EXPORT_CSV, GLOSSA_EXPORT_OMEGAT,
    GLOSSA_EXPORT_JSON, GLOSSA_EXPORT_AKN,
};

struct export_args {
    int format; /* index in formats[] */
    const char *from, *to, *output, *lang, *as_of;
    int quiet;
};

static const struct cli_option options[] = {
    CLI_OPT_FORMAT(export_args, "tbx|tbx2008|csv|omegat|json|akn"),
    CLI_OPT_TEXT(export_args, from, "from", 'f', "LANG", "omegat: the source language (default ru); csv: its columns first"),
    CLI_OPT_LIST(export_args, to, "to", 't', "LANG,...", "write these languages only (BCP 47 prefixes); omegat: the target, required"),
    CLI_OPT_TEXT(export_args, lang, "lang", 'l', "LANG", "akn: the annex's language, ru (default), zh or en"),
    CLI_OPT_DATE(export_args, as_of, "as-of", 0, "YYYY-MM-DD", "akn: the annex in force that day (default: its newest wording)"),
    CLI_OPT_OUTPUT(export_args, ""),
    CLI_OPT_QUIET(export_args, "print no warnings and no summary"),
};

#define S(n) ((n) == 1 ? "" : "s")

static void ignore(const glossa_error *d, void *userdata)
{
    (void)d;
    (void)userdata;
}

static int run_export(const struct cli_command *self, struct cli_args *args)
{
    glossa_export_opts opts = GLOSSA_EXPORT_OPTS_INIT;
    glossa_exchange_stats stats;
    const struct export_args *a = args->opts;
    const char *output = a->output;
    int quiet = a->quiet;
    struct default_inputs fallback;
    const char *const *inputs = args->positional;
    size_t n_inputs = (size_t)args->n_positional, len = 0;
    char *data = NULL;
    glossa_error err;
    int rc;

    (void)self;
    opts.format = formats[a->format];
    if (n_inputs == 0) {
        out_default_inputs(&fallback);
        inputs = fallback.in;
        n_inputs = fallback.n;
    }
    opts.from = a->from;
    opts.to = a->to;
    opts.lang = a->lang;
    opts.as_of = a->as_of;
    opts.on_diag = out_diag;
    opts.on_warning = quiet ? ignore : out_warning;
    opts.userdata = &args->out;
    rc = glossa_export(inputs, n_inputs, &opts, &data, &len, &stats, &err);
    if (rc == GLOSSA_ENOTFOUND && err.file[0] == '\0') {
        out_error(&args->out, &err);
        return EXIT_NONE;
    }
    if (rc) {
        if (rc != GLOSSA_ESCHEMA && !(rc == GLOSSA_EINPUT && err.file[0]))
            out_error(&args->out, &err);
        else
            fprintf(stderr, "glossa: the input is not valid; nothing was exported\n");
        return EXIT_ERR;
    }
    rc = out_write_file(&args->out, output, data, len);
    if (!rc && !quiet && !out_is_stdout(output)) {
        char national[64] = "";
        if (stats.national)
            snprintf(national, sizeof national, ", %lu national legal definition%s",
                     stats.national, S(stats.national));
        out_printf(stdout, "exported %lu concept%s, %lu term%s, %lu definition%s%s to %s\n",
               stats.concepts, S(stats.concepts), stats.terms, S(stats.terms),
               stats.definitions, S(stats.definitions), national, output);
        if (stats.national_notions)
            out_printf(stdout, "not exported: %lu national legal definition%s relating to no "
                       "concept read (notions the term base lacks; glossa compare ID shows "
                       "them)\n",
                       stats.national_notions, S(stats.national_notions));
    }
    glossa_free(data);
    if (rc)
        return EXIT_ERR;
    if (stats.dropped || stats.skipped_concepts || stats.skipped_terms) {
        if (!quiet)
            fprintf(stderr, "glossa: %lu item%s could not be exported (see the warnings)\n",
                    stats.dropped + stats.skipped_concepts + stats.skipped_terms,
                    stats.dropped + stats.skipped_concepts + stats.skipped_terms == 1 ? "" : "s");
        return EXIT_NONE;
    }
    return EXIT_OK_;
}

const struct cli_command cmd_export_spec = {
    "export", run_export, "write the term base as TBX, CSV, an OmegaT glossary or JSON, or annex 1 as Akoma Ntoso",
    "export [--format tbx|tbx2008|csv|omegat|json] [--from LANG] [--to LANG,...]\n"
    "                     [-o FILE] [--quiet] [FILE|DIR ...]\n"
    "       glossa export --format akn [--lang ru|zh|en] [--as-of YYYY-MM-DD] [-o FILE] [FILE|DIR ...]",
    options, sizeof options / sizeof options[0],
    "Read the TEI term base (default: the bundled glossary/ and its study of\n"
    "national legislation glossary/national/, as 'glossa index' reads them;\n"
    "validated as by 'glossa index') and write it for other tools. Output is\n"
    "deterministic.\n"
    "\n"
    "  tbx     TBX (ISO 30042:2019), TBX-Basic dialect, DCA style: conceptEntry,\n"
    "          langSec, termSec with administrativeStatus, termType,\n"
    "          geographicalUsage; definitions and contexts with their sources;\n"
    "          notes; cross-references. What TBX-Basic has no data category for\n"
    "          (concept status, reliability, working translations, note types)\n"
    "          is written in notes marked [glossa], which 'glossa import' reads\n"
    "          back.\n"
    "  tbx2008 TBX-Basic 2008 (ISO 30042:2008, martif: termEntry, langSet, tig),\n"
    "          the TBX translate-toolkit (Weblate, Pootle) and OmegaT read: the\n"
    "          same data and [glossa] notes as tbx; a source is its citation.\n"
    "  csv     RFC 4180, for memoQ and Trados: a row per concept; id, a column\n"
    "          per language named by its code (its terms a line each: preferred,\n"
    "          admitted, deprecated), LANG status (\"deprecated: do not use\"),\n"
    "          LANG wording (reconstruction, working translation) and LANG\n"
    "          source a line per term, definition (LANG) with its wording and\n"
    "          source, reliability, source. A cell starting = + - @ TAB CR gets\n"
    "          a leading ' (no formula runs in a spreadsheet).\n"
    "  omegat  OmegaT's glossary: source TAB target TAB comment, UTF-8, no\n"
    "          header; one line per source term (deprecated ones too, with the\n"
    "          term to use in the comment); needs --to with one language.\n"
    "  json    {\"concepts\":[…]}: each concept in the shape of a lookup result\n"
    "          (id, reliability, terms, definitions, national), one per line.\n"
    "  akn     annex 1 as a legal document: an Akoma Ntoso 3.0 doc in one language\n"
    "          (--lang; English a translation of the authentic Russian and\n"
    "          Chinese), the annex in force on --as-of or in its newest wording,\n"
    "          each concept an item (its term a <def>, worded as the protocol's\n"
    "          template words an entry) in annex order; reconstructed wording\n"
    "          noted; where the term base holds history (wordings dated by\n"
    "          'consolidate --in-force'), a passiveModification per change with\n"
    "          its instrument, the day in lifecycle and temporalData, and a note on\n"
    "          the item. Dated by the inputs only.\n"
    "\n"
    "National law (glossary/national/) goes with the concepts it relates to, as\n"
    "statutory text with its source, never as glossa's definitions: TBX a\n"
    "definition in its language section and the term as an admitted termSec with\n"
    "the state as geographicalUsage, both in notes marked [glossa] national (act,\n"
    "article, edition, URL, translator, relation), which 'glossa import' leaves\n"
    "out; CSV a row per definition with state, national definition and national\n"
    "law columns; OmegaT a line per term of the source language; JSON national.\n"
    "Definitions of notions the term base lacks are not exported (counted).\n"
    "\n"
    "Exit status: 0 written; 1 written, but something could not be carried\n"
    "(each said in a warning), or nothing to export; 2 error.",
    "  glossa export -o glossa.tbx\n"
    "  glossa export --format tbx2008 -o glossary.tbx    # for OmegaT, Weblate\n"
    "  glossa export --format csv --to ru,zh,en -o glossa.csv\n"
    "  glossa export --format omegat --from ru --to zh -o glossary.utf8\n"
    "  glossa export --format json glossary/annex1.xml\n"
    "  glossa export --format akn --lang zh --as-of 2028-01-01 -o annex1-zh.akn.xml next/\n",
    CLI_PLAIN,
    CLI_OPTS(struct export_args, NULL),
};
