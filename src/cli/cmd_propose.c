/*
** cmd_propose.c — `glossa propose`: a ready-to-fill proposal skeleton for a
** member state's competent authority (TEI, schema/README.md). It is valid
** XML and validates against the schema; `glossa check` lists what is still
** to fill in (every "FILL IN").
*/
#include "cmd.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct propose_args {
    const char *state, *lang, *id, *amend, *round, *date, *output;
};

static const struct cli_option options[] = {
    CLI_OPT_TEXT(propose_args, state, "state", 's', "CC", "the proposing member state, ISO 3166 alpha-2, in any case: one of glossary/states/member-states.xml (IN, IR, KZ, CN, KG, PK, RU, TJ, UZ, BY)"),
    CLI_OPT_LIST(propose_args, lang, "lang", 'l', "LANG,...", "languages to write terms and definitions in besides ru and zh (e.g. kk,en)"),
    CLI_OPT_TEXT(propose_args, id, "id", 0, "SLUG", "the new concept's id after the state prefix (default: new-concept)"),
    CLI_OPT_TEXT(propose_args, amend, "amend", 0, "ID", "propose new wording for the existing concept ID instead of a new concept"),
    CLI_OPT_TEXT(propose_args, round, "round", 0, "R", "the round of proposals this one belongs to"),
    CLI_OPT_DATE(propose_args, date, "date", 0, "YYYY-MM-DD", "the date of the proposal (default: today)"),
    CLI_OPT_OUTPUT(propose_args, ""),
};

static void put_forms(FILE *f, const char *lang, int working)
{
    fprintf(f, "        <form type=\"term\" xml:lang=\"%s\"%s>\n"
               "          <orth>FILL IN: the term in %s</orth>\n"
               "          <usg type=\"status\">preferred</usg>\n"
               "        </form>\n", lang, working ? " resp=\"#working-translation\"" : "", lang);
}

static int run_propose(const struct cli_command *self, struct cli_args *args)
{
    const struct propose_args *a = args->opts;
    const char *state = NULL;
    const char *langs = a->lang;
    const char *slug = a->id;
    const char *amend = a->amend;
    const char *round = a->round;
    const char *date = a->date;
    const char *output = a->output;
    const char *all_langs[16];
    const glossa_state *member;
    glossa_states *states = NULL;
    glossa_error err;
    char code[3];
    char today[16], lower[4], id[160], list[256];
    int n_langs = 0, i;
    char *tok;
    struct out_file file;
    FILE *f;

    (void)self;
    if (!a->state) {
        out_message(&args->out, "--state names the proposing member state (ISO 3166 alpha-2, such as KZ)");
        return EXIT_ERR;
    }
    if (load_states(&states, &err)) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    if ((member = glossa_states_find(states, a->state)))
        state = memcpy(code, member->code, sizeof code); /* in capitals, from the data */
    else
        out_message(&args->out, "--state: '%s' is not a member state (%s)", a->state,
                    glossa_states_codes(states));
    glossa_states_free(states);
    if (!state)
        return EXIT_ERR;
    if (slug && !glossa_id_is_valid(slug)) {
        out_message(&args->out, "--id: '%s' cannot be part of an id: letters, digits, '-', '_' "
                    "and '.' only, a letter first (such as cyber-incident)", slug);
        return EXIT_ERR;
    }
    if (!date) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
        date = today;
    }
    lower[0] = (char)tolower((unsigned char)state[0]);
    lower[1] = (char)tolower((unsigned char)state[1]);
    lower[2] = '\0';
    if (amend)
        snprintf(id, sizeof id, "%s", amend);
    else
        snprintf(id, sizeof id, "%s-%s", lower, slug ? slug : "new-concept");
    all_langs[n_langs++] = "ru";
    all_langs[n_langs++] = "zh";
    snprintf(list, sizeof list, "%s", langs ? langs : "");
    for (tok = strtok(list, ","); tok && n_langs < 16; tok = strtok(NULL, ",")) {
        if (!glossa_lang_is_valid(tok)) {
            out_message(&args->out, "unknown language '%s' for --lang", tok);
            return EXIT_ERR;
        }
        if (strcmp(tok, "ru") && strcmp(tok, "zh"))
            all_langs[n_langs++] = tok;
    }
    if (out_file_open(&file, &args->out, output))
        return EXIT_ERR;
    f = file.f;
    fprintf(f,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!-- A proposal of %s for the glossa term base: replace every FILL IN, then\n"
        "     run `glossa check` on this file. The encoding is in schema/README.md. -->\n"
        "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\" type=\"proposal\">\n"
        "  <teiHeader>\n    <fileDesc>\n      <titleStmt>\n"
        "        <title>Proposal %s-%s: FILL IN a short title</title>\n"
        "        <respStmt xml:id=\"working-translation\"><resp>working translation, not an official rendering</resp><name>FILL IN: who translated</name></respStmt>\n"
        "      </titleStmt>\n      <publicationStmt>\n"
        "        <authority>FILL IN: the competent authority of %s</authority>\n"
        "        <idno type=\"proposal\">%s-%s</idno>\n"
        "        <idno type=\"state\">%s</idno>\n",
        state, state, date, state, state, date, state);
    if (round)
        fprintf(f, "        <idno type=\"round\">%s</idno>\n", round);
    fprintf(f,
        "        <date when=\"%s\"/>\n      </publicationStmt>\n      <sourceDesc>\n        <listBibl>\n"
        "          <bibl xml:id=\"national-act\" type=\"law\"><title xml:lang=\"ru\">FILL IN: the national act (title, date, number)</title><citedRange>FILL IN: article, paragraph</citedRange></bibl>\n"
        "        </listBibl>\n      </sourceDesc>\n    </fileDesc>\n  </teiHeader>\n"
        "  <text>\n    <body>\n"
        "      <entry xml:id=\"%s\" type=\"concept\" subtype=\"%s\" source=\"#national-act\">\n"
        "        <usg type=\"status\">proposed</usg>\n"
        "        <usg type=\"reliability\">2</usg>\n", date, id, amend ? "amend" : "new");
    for (i = 0; i < n_langs; i++)
        put_forms(f, all_langs[i], 0);
    fprintf(f, "        <sense>\n");
    for (i = 0; i < n_langs; i++)
        fprintf(f, "          <def xml:lang=\"%s\" source=\"#national-act\">FILL IN: the definition in %s</def>\n",
                all_langs[i], all_langs[i]);
    fprintf(f, "        </sense>\n"
               "        <note type=\"rationale\" xml:lang=\"ru\">FILL IN: why the annex needs this %s</note>\n"
               "      </entry>\n    </body>\n  </text>\n</TEI>\n",
            amend ? "new wording" : "concept");
    return out_file_close(&file, &args->out, 1) ? EXIT_ERR : EXIT_OK_;
}

const struct cli_command cmd_propose_spec = {
    "propose", run_propose, "write a ready-to-fill proposal for a member state",
    "propose --state CC [--lang LANG,...] [--id SLUG | --amend ID] [--round R] [--date D] [-o FILE]",
    options, sizeof options / sizeof options[0],
    "Write a proposal skeleton in glossa's TEI encoding (schema/README.md): the\n"
    "header names the state, its competent authority, the proposal's id and date;\n"
    "one entry, a new concept (its id starts with the state's code, so ids never\n"
    "collide between states) or the new wording of an existing one (--amend),\n"
    "with terms and definitions in Russian and Chinese (the authentic languages)\n"
    "and the languages of --lang, the national act each definition comes from,\n"
    "and a rationale. Replace every FILL IN, then run 'glossa check'. --state is a\n"
    "member state of glossary/states/member-states.xml, in any case (kz is KZ);\n"
    "--id a slug that can be part of an xml:id; --date a day of the calendar.",
    "  glossa propose --state KZ --lang kk,en --id cyber-incident -o kz-proposal.xml\n"
    "  glossa propose --state RU --amend information-weapon -o ru-amendment.xml\n",
    CLI_PLAIN,
    CLI_OPTS(struct propose_args, NULL),
};
