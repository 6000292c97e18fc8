/*
** cmd_propose.c — `glossa propose`: a ready-to-fill proposal skeleton for a
** member state's competent authority (TEI, schema/README.md), written by the
** library (propose.c, propose_law.c for --from-law): this file reads the
** options and the member states, and prints it.
*/
#include "cmd.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct propose_args {
    const char *state, *lang, *id, *amend, *del, *from_law, *base, *round, *date, *output;
};

static const struct cli_option options[] = {
    CLI_OPT_TEXT(propose_args, state, "state", 's', "CC", "the proposing member state, ISO 3166 alpha-2, in any case: one of glossary/states/member-states.xml (IN, IR, KZ, CN, KG, PK, RU, TJ, UZ, BY)"),
    CLI_OPT_LIST(propose_args, lang, "lang", 'l', "LANG,...", "languages to write terms and definitions in besides ru and zh (e.g. kk,en)"),
    CLI_OPT_TEXT(propose_args, id, "id", 0, "SLUG", "the new concept's id after the state prefix (default: new-concept)"),
    CLI_OPT_TEXT(propose_args, amend, "amend", 0, "ID", "propose a change to the existing concept ID (its entry as it stands, to edit) instead of a new concept"),
    CLI_OPT_TEXT(propose_args, del, "delete", 0, "ID", "propose to delete the existing concept ID from the annex (its entry as it stands, and a rationale to fill in)"),
    CLI_OPT_TEXT(propose_args, from_law, "from-law", 0, "ACT:ITEM", "start a new concept from a national definition of the study: ITEM the xml:id of its <entryFree type=\"legal-definition\"> in glossary/national/<cc>.xml, ACT (optional) its act's xml:id; its term and definition quoted, its act cited"),
    CLI_OPT_PATH(propose_args, base, "base", 0, "FILE|DIR", "the term base that holds the concept to --amend or --delete (default: glossary/annex1.xml), or the study that holds --from-law's definition (default: glossary/national)"),
    CLI_OPT_TEXT(propose_args, round, "round", 0, "R", "the round of proposals this one belongs to"),
    CLI_OPT_DATE(propose_args, date, "date", 0, "YYYY-MM-DD", "the date of the proposal (default: today, or SOURCE_DATE_EPOCH's day)"),
    CLI_OPT_OUTPUT(propose_args, ""),
};

/* The options that need no data: --id a slug, --lang known languages, one of
** --amend, --delete. EXIT_ERR (said) or 0. */
static int check_args(struct cli_args *args, const struct propose_args *a, const char *slug)
{
    char list[256], *tok;
    if (slug && !glossa_id_is_valid(slug)) {
        out_message(&args->out, "--id: '%s' cannot be part of an id: letters, digits, '-', '_' "
                    "and '.' only, a letter first (such as cyber-incident)", slug);
        return EXIT_ERR;
    }
    snprintf(list, sizeof list, "%s", a->lang ? a->lang : "");
    for (tok = strtok(list, ","); tok; tok = strtok(NULL, ","))
        if (!glossa_lang_is_valid(tok)) {
            out_message(&args->out, "unknown language '%s' for --lang", tok);
            return EXIT_ERR;
        }
    if (a->amend && a->del) {
        out_message(&args->out, "--amend and --delete each name an existing concept: give one of them");
        return EXIT_ERR;
    }
    return 0;
}

static int run_propose(const struct cli_command *self, struct cli_args *args)
{
    const struct propose_args *a = args->opts;
    const char *state = NULL;
    const char *slug = a->id;
    const char *langs = a->lang;
    const char *date = a->date;
    const char *base = a->base;
    const char *all_langs[16];
    const glossa_state *member;
    glossa_states *states = NULL;
    char code[3];
    char today[16], list[256], base_default[2048];
    char *tok, *text = NULL;
    size_t n_langs = 0;
    struct out_file file;
    glossa_propose_opts o = GLOSSA_PROPOSE_OPTS_INIT;
    glossa_error err;
    int rc;

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
    if (!state) {
        glossa_states_free(states);
        return EXIT_ERR;
    }
    rc = check_args(args, a, slug);
    if (rc) {
        glossa_states_free(states);
        return rc;
    }
    if (!date) { /* today in UTC, or SOURCE_DATE_EPOCH's day */
        long long secs;
        time_t now;
        struct tm tm;
        if (glossa_time_now(&secs, &err)) {
            out_error(&args->out, &err);
            glossa_states_free(states);
            return EXIT_ERR;
        }
        now = (time_t)secs;
        gmtime_r(&now, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
        date = today;
    }
    snprintf(list, sizeof list, "%s", langs ? langs : "");
    for (tok = strtok(list, ","); tok && n_langs < 16; tok = strtok(NULL, ","))
        all_langs[n_langs++] = tok;
    if (!base) {
        char g[4096];
        snprintf(base_default, sizeof base_default, "%s/%s", out_default_glossary(g, sizeof g),
                 a->from_law ? "national" : "annex1.xml");
        base = base_default;
    }
    o.state = state;
    o.langs = all_langs;
    o.n_langs = n_langs;
    o.id = a->id;
    o.states = states;
    o.from_law = a->from_law;
    o.amend = a->del ? a->del : a->amend;
    o.deletion = a->del != NULL;
    o.base = &base;
    o.n_base = 1;
    o.round = a->round;
    o.date = date;
    o.on_diag = out_diag;
    o.userdata = &args->out;
    rc = glossa_propose(&o, &text, &err);
    glossa_states_free(states);
    if (rc) {
        out_error(&args->out, &err);
        return EXIT_ERR;
    }
    rc = out_file_open(&file, &args->out, a->output);
    if (!rc) {
        fputs(text, file.f);
        rc = out_file_close(&file, &args->out, 1);
    }
    glossa_free(text);
    return rc ? EXIT_ERR : EXIT_OK_;
}

const struct cli_command cmd_propose_spec = {
    "propose", run_propose, "write a ready-to-fill proposal for a member state",
    "propose --state CC [--lang LANG,...] [--id SLUG | --amend ID | --delete ID | --from-law ACT:ITEM] [--base FILE|DIR] [--round R] [--date D] [-o FILE]",
    options, sizeof options / sizeof options[0],
    "Write a proposal skeleton in glossa's TEI encoding (schema/README.md): the\n"
    "header names the state, its competent authority, the proposal's id and date,\n"
    "and the body its law names for information security with its source (where\n"
    "glossary/states/member-states.xml has one); one entry. A new concept (its id starts with the state's code, so ids never\n"
    "collide between states) has terms and definitions to fill in, in Russian and\n"
    "Chinese (the authentic languages) and the languages of --lang, the national\n"
    "act each definition comes from, and a rationale. An amendment (--amend ID)\n"
    "is the entry as it stands in the term base (--base, default\n"
    "glossary/annex1.xml): every term and definition with its source, notes,\n"
    "cross-references; change what the proposal changes (a term, a definition, a\n"
    "term added or deprecated) and leave the rest: 'glossa consolidate' applies\n"
    "only what differs. A deletion (--delete ID) is the entry as it stands, left\n"
    "as it is, with a rationale to fill in; consolidated, the concept is marked\n"
    "withdrawn and the protocol deletes it from the annex. An ID the term base\n"
    "lacks is an error naming the closest. A new concept from a national\n"
    "definition (--from-law ACT:ITEM, or ITEM: the xml:ids of the act and of the\n"
    "definition in glossary/national/<cc>.xml, read from --base, default\n"
    "glossary/national) has the act's term and definition in the act's language,\n"
    "quoted from the act (a <cit> records the quotation), the act, article,\n"
    "edition and address as its national act, and the rest to fill in; the act\n"
    "must be the --state's.\n"
    "Replace every FILL IN, then run 'glossa check'. --state is a member state of\n"
    "glossary/states/member-states.xml, in any case (kz is KZ); --id a slug that\n"
    "can be part of an xml:id; --date a day of the calendar.",
    "  glossa propose --state KZ --lang kk,en --id cyber-incident -o kz-proposal.xml\n"
    "  glossa propose --state RU --amend information-weapon -o ru-amendment.xml\n"
    "  glossa propose --state RU --delete information-weapon -o ru-deletion.xml\n"
    "  glossa propose --state KZ --from-law kz-94-v:kz-94-v-kk-2 -o kz-personal-data.xml\n",
    CLI_PLAIN,
    CLI_OPTS(struct propose_args, NULL),
};
