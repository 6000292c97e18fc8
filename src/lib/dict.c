/*
** dict.c — the DICT protocol (RFC 2229) over an open index, with no sockets:
** a glossa_dict holds what every connection shares (the index, the list of
** databases, counters), a glossa_dict_session is one client. Bytes read from
** the client go in, whole answers come out in a buffer that the caller sends.
**
** Databases: "all" (every language) and one per ordered language pair that
** has concepts in common ("ru-zh": Russian terms, Chinese equivalents); the
** pairs are answered when named, but neither listed by SHOW DB nor asked by
** "*" or "!" (dictd's "invisible"), so that "*" gives each concept once.
** This file: the databases, sessions (bytes in, bounded; answers out,
** bounded), command lines and SHOW, HELP, STATUS. DEFINE and MATCH are in
** dict_search.c, the writing of answers in dict_text.c; calls go one way
** (dict.c -> dict_search.c -> dict_text.c, which calls neither). The socket loop,
** timeouts and connection limits are the caller's (src/cli/cmd_serve.c).
** Not thread-safe: one glossa_dict per thread.
*/
#include "dict_int.h"

#include <sqlite3.h>
#include <unicode/utf8.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define DICT_IN_MAX 4096          /* unanswered bytes a session holds */
#define DICT_OUT_HIGH (64 * 1024) /* stop answering while this much waits to be sent */
#define DICT_BURST 4              /* commands answered per feed/consume call */
#define DICT_MAX_ARGS 8
#define DICT_DEFINE_LIMIT 10
#define DICT_MATCH_LIMIT 100

static const char caveat[] =
    "The annex 1 wording in this term base is a reconstruction, not treaty text: the "
    "official texts were not at hand. Every annex concept carries reliability 1 (not "
    "verified); its definitions are marked \"reconstruction, not verified against the "
    "official text\". Chinese, English and member-language equivalents written by the "
    "glossa editors are marked as working translations. Concepts from SCO, CSTO and CIS "
    "statements are proposed (reliability 2), each attested by its source sentence.";

/* ---- server state -------------------------------------------------------------- */

static int lang_index(const char *tag)
{
    size_t i;
    for (i = 0; i < DICT_N_LANGS; i++)
        if (glossa__lang_matches(tag, DICT_LANG(i).tag))
            return (int)i;
    return -1;
}

/* The end of a read of the index: st finalised; 0 after the last row, else
** the error (damage first). */
static int read_end(glossa_dict *d, sqlite3_stmt *st, const struct glossa__reader *rd, int rc,
                    glossa_error *err)
{
    sqlite3_finalize(st);
    if (rd->damaged)
        return (*err = rd->err).code;
    if (rc != SQLITE_DONE)
        return glossa__error_sqlite(err, glossa__db_sql(d->db), rc, glossa__db_path(d->db),
                                    "cannot read the index");
    return 0;
}

/* What SHOW SERVER says of the index (never its path): when it was built,
** and its terms (a national act's own are not the term base's: glossa index
** does not count them), definitions and national legal definitions. */
static int load_about(glossa_dict *d, glossa_error *err)
{
    static const char sql_text[] =
        "SELECT 0, value FROM meta WHERE key = 'built_at'"
        " UNION ALL SELECT 1, count(*) FROM term WHERE legal_id IS NULL"
        " UNION ALL SELECT 2, count(*) FROM definition"
        " UNION ALL SELECT 3, count(*) FROM legal_definition";
    unsigned *counts[] = { &d->terms, &d->definitions, &d->legal };
    struct glossa__reader rd = GLOSSA_READER_INIT(glossa__db_path(d->db));
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(glossa__db_sql(d->db), sql_text, -1, &st, NULL);
    d->built[0] = '\0';
    while (rc == SQLITE_OK && !rd.damaged && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int key = sqlite3_column_int(st, 0);
        if (key == 0)
            snprintf(d->built, sizeof d->built, "%s", glossa__col_text(&rd, st, 1, "meta", 0));
        else if (key <= 3)
            *counts[key - 1] = (unsigned)sqlite3_column_int(st, 1);
        rc = SQLITE_OK;
    }
    return read_end(d, st, &rd, rc, err);
}

/* The pair databases: every ordered pair of languages that share a concept. */
static int load_databases(glossa_dict *d, glossa_error *err)
{
    sqlite3 *sql = glossa__db_sql(d->db);
    struct glossa__reader rd = GLOSSA_READER_INIT(glossa__db_path(d->db));
    sqlite3_stmt *st = NULL;
    unsigned count[DICT_N_LANGS][DICT_N_LANGS];
    int have[DICT_N_LANGS], rc;
    sqlite3_int64 concept = -1;
    size_t i, j;

    memset(count, 0, sizeof count);
    memset(have, 0, sizeof have);
    rc = sqlite3_prepare_v2(sql, "SELECT concept_id, lang FROM term ORDER BY concept_id", -1, &st,
                            NULL);
    while (st && !rd.damaged && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 c = glossa__col_int(&rd, st, 0, "term", 1, GLOSSA_ID_MAX, 0);
        int k = lang_index(glossa__col_text(&rd, st, 1, "term", GLOSSA_COL_LANG));
        if (c != concept) {
            for (i = 0; concept >= 0 && i < DICT_N_LANGS; i++)
                for (j = 0; j < DICT_N_LANGS; j++)
                    count[i][j] += i != j && have[i] && have[j];
            memset(have, 0, sizeof have);
            concept = c;
        }
        if (k >= 0)
            have[k] = 1;
    }
    for (i = 0; concept >= 0 && i < DICT_N_LANGS; i++)
        for (j = 0; j < DICT_N_LANGS; j++)
            count[i][j] += i != j && have[i] && have[j];
    if (rc == SQLITE_DONE) {
        sqlite3_finalize(st);
        rc = sqlite3_prepare_v2(sql, "SELECT count(*) FROM concept", -1, &st, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            d->concepts = (unsigned)sqlite3_column_int(st, 0);
            rc = SQLITE_DONE;
        }
    }
    if ((rc = read_end(d, st, &rd, rc, err)))
        return rc;

    snprintf(d->dbs[0].name, sizeof d->dbs[0].name, "all");
    d->dbs[0].src = d->dbs[0].dst = -1;
    d->dbs[0].listed = 1;
    d->dbs[0].concepts = d->concepts;
    d->n_dbs = d->n_listed = 1;
    for (i = 0; i < DICT_N_LANGS; i++) {
        for (j = 0; j < DICT_N_LANGS; j++) {
            struct dict_db *b = &d->dbs[d->n_dbs];
            if (!count[i][j])
                continue;
            snprintf(b->name, sizeof b->name, "%s-%s", DICT_LANG(i).tag, DICT_LANG(j).tag);
            b->src = (int)i;
            b->dst = (int)j;
            b->listed = 0;
            b->concepts = count[i][j];
            d->n_dbs++;
        }
    }
    return load_about(d, err);
}

int glossa_dict_new(glossa_dict **out, glossa_db *db, const glossa_dict_opts *opts,
                    glossa_error *err)
{
    glossa_dict *d;
    int rc;

    if (!db)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no database");
    if (GLOSSA__OPTS_CHECK(opts, GLOSSA_DICT_OPTS_VERSION, "glossa_dict_opts", err))
        return GLOSSA_EINPUT;
    d = glossa__calloc(1, sizeof *d);
    if (!d)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    d->db = db;
    snprintf(d->host, sizeof d->host, "%s",
             opts && opts->host && *opts->host ? opts->host : "localhost");
    d->define_limit = opts && opts->define_limit ? opts->define_limit : DICT_DEFINE_LIMIT;
    d->match_limit = opts && opts->match_limit ? opts->match_limit : DICT_MATCH_LIMIT;
    d->started = time(NULL);
    if ((rc = load_databases(d, err)) || (rc = glossa__norm_new(&d->norm, err))) {
        glossa_dict_free(d);
        return rc;
    }
    *out = d;
    return 0;
}

int glossa_dict_set_db(glossa_dict *d, glossa_db *db, glossa_error *err)
{
    glossa_dict fresh = *d;
    int rc;

    if (!db)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "no database");
    fresh.db = db;
    fresh.concepts = 0;
    fresh.n_dbs = 0;
    if ((rc = load_databases(&fresh, err)))
        return rc;
    *d = fresh; /* counters, norm and host stay: the same server, a new index */
    return 0;
}

void glossa_dict_free(glossa_dict *d)
{
    if (!d)
        return;
    glossa__norm_free(d->norm);
    glossa__free(d);
}

size_t glossa_dict_database_count(const glossa_dict *d)
{
    return d ? d->n_dbs : 0;
}

const char *glossa_dict_database_name(const glossa_dict *d, size_t i)
{
    return d && i < d->n_dbs ? d->dbs[i].name : NULL;
}

/* ---- SHOW, HELP, STATUS --------------------------------------------------------------- */

static int show_db(glossa_dict_session *s, struct glossa_buf *r)
{
    size_t i;
    char desc[128];
    if (glossa__buf_addf(r, "110 %zu database%s present\r\n", s->d->n_listed,
                         DICT_S(s->d->n_listed)) ||
        glossa__dict_mime(s, r, 0))
        return GLOSSA_ENOMEM;
    for (i = 0; i < s->d->n_dbs; i++) {
        if (!s->d->dbs[i].listed)
            continue;
        glossa__dict_description(&s->d->dbs[i], desc, sizeof desc);
        if (glossa__buf_addf(r, "%s ", s->d->dbs[i].name) || glossa__dict_quoted(r, desc) ||
            glossa__buf_add(r, "\r\n", 2))
            return GLOSSA_ENOMEM;
    }
    return glossa__buf_adds(r, ".\r\n250 ok\r\n");
}

static int show_strat(glossa_dict_session *s, struct glossa_buf *r)
{
    size_t i;
    if (glossa__buf_addf(r, "111 %d strateg%s available\r\n", DICT_N_STRATEGIES,
                         DICT_N_STRATEGIES == 1 ? "y" : "ies") ||
        glossa__dict_mime(s, r, 0))
        return GLOSSA_ENOMEM;
    for (i = 0; i < DICT_N_STRATEGIES; i++)
        if (glossa__buf_addf(r, "%s ", DICT_STRATEGY(i).name) ||
            glossa__dict_quoted(r, DICT_STRATEGY(i).desc) || glossa__buf_add(r, "\r\n", 2))
            return GLOSSA_ENOMEM;
    return glossa__buf_adds(r, ".\r\n250 ok\r\n");
}

/* Concepts of a database by reliability, for SHOW INFO. */
static int reliability_counts(glossa_dict *d, const struct dict_db *db, unsigned counts[5],
                              glossa_error *err)
{
    static const char sql_text[] =
        "SELECT c.reliability, count(*) FROM concept c WHERE"
        " (?1 IS NULL OR EXISTS (SELECT 1 FROM term t WHERE t.concept_id = c.id"
        "   AND (t.lang = ?1 OR t.lang LIKE ?1 || '-%')))"
        " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM term t WHERE t.concept_id = c.id"
        "   AND (t.lang = ?2 OR t.lang LIKE ?2 || '-%')))"
        " GROUP BY c.reliability";
    sqlite3 *sql = glossa__db_sql(d->db);
    struct glossa__reader rd = GLOSSA_READER_INIT(glossa__db_path(d->db));
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(sql, sql_text, -1, &st, NULL);
    memset(counts, 0, 5 * sizeof *counts);
    if (rc == SQLITE_OK) {
        if (db->src >= 0)
            sqlite3_bind_text(st, 1, DICT_LANG(db->src).tag, -1, SQLITE_STATIC);
        if (db->dst >= 0)
            sqlite3_bind_text(st, 2, DICT_LANG(db->dst).tag, -1, SQLITE_STATIC);
        while (!rd.damaged && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            int rel = (int)glossa__col_int(&rd, st, 0, "concept", 1, 4, 0);
            counts[rel] = (unsigned)sqlite3_column_int(st, 1);
        }
    }
    return read_end(d, st, &rd, rc, err);
}

/* The language pairs, which SHOW DB does not list, named for SHOW INFO all. */
static int language_pairs(const glossa_dict *d, struct glossa_buf *r)
{
    struct glossa_buf line = GLOSSA_BUF_INIT;
    size_t i;
    int rc = glossa__buf_addf(&line, "%zu language pair%s, each a database of its own: name "
                              "one to ask it (DEFINE ru-zh word: Russian terms, Chinese "
                              "equivalents); SHOW DB does not list them, and \"*\" and "
                              "\"!\" ask \"all\" alone, so that a concept comes once:",
                              d->n_dbs - d->n_listed, DICT_S(d->n_dbs - d->n_listed));
    for (i = 0; !rc && i < d->n_dbs; i++)
        if (!d->dbs[i].listed)
            rc = glossa__buf_addf(&line, " %s", d->dbs[i].name);
    rc = rc || glossa__dict_para(r, "", 2, glossa__buf_str(&line));
    glossa__buf_release(&line);
    return rc ? GLOSSA_ENOMEM : 0;
}

static int show_info(glossa_dict_session *s, const char *name, struct glossa_buf *r,
                     glossa_error *err)
{
    glossa_dict *d = s->d;
    const struct dict_db *db = NULL;
    unsigned counts[5];
    char about[512];
    size_t i;
    int rc, rel;

    for (i = 0; i < d->n_dbs && !db; i++)
        if (strcasecmp(name, d->dbs[i].name) == 0)
            db = &d->dbs[i];
    if (!db)
        return glossa__buf_adds(r, DICT_550);
    if ((rc = reliability_counts(d, db, counts, err)))
        return rc;
    if (glossa__buf_adds(r, "112 database information follows\r\n") || glossa__dict_mime(s, r, 0))
        return GLOSSA_ENOMEM;
    if (db->src < 0)
        snprintf(about, sizeof about,
                 "%s: every concept of the glossa term base, with its "
                 "terms in every language, definitions, notes and sources.",
                 db->name);
    else
        snprintf(about, sizeof about,
                 "%s: %s terms with their %s equivalents, definitions "
                 "(in %s, else the authentic Russian or Chinese ones) and sources.",
                 db->name, DICT_LANG(db->src).name, DICT_LANG(db->dst).name,
                 DICT_LANG(db->dst).name);
    rc = glossa__dict_para(r, "", 0, about) || glossa__dict_line(r, "", 0) ||
         glossa__dict_linef(r, "%u concept%s, by reliability (1 not verified ... 4 very reliable):",
                            db->concepts, DICT_S(db->concepts));
    for (rel = 1; !rc && rel <= 4; rel++)
        if (counts[rel])
            rc = glossa__dict_linef(r, "  reliability %d (%s): %u", rel,
                                    glossa_reliability_label(rel), counts[rel]);
    if (!rc)
        rc = glossa__dict_line(r, "", 0) || glossa__dict_para(r, "", 0, caveat) ||
             glossa__dict_line(r, "", 0) ||
             glossa__dict_para(r, "", 0,
                                  "Terms are found whatever their case, Unicode form, script "
                                  "variant (Traditional or Taiwan Chinese, Arabic yeh and kaf), "
                                  "inflection (ru, en, hi) or transliteration (Latin, pinyin); "
                                  "see SHOW STRAT for the MATCH strategies.");
    if (!rc && db->src < 0 && d->n_dbs > d->n_listed)
        rc = glossa__dict_line(r, "", 0) || language_pairs(d, r);
    if (rc || glossa__buf_adds(r, ".\r\n250 ok\r\n"))
        return GLOSSA_ENOMEM;
    return 0;
}

static int show_server(glossa_dict_session *s, struct glossa_buf *r)
{
    glossa_dict *d = s->d;
    char legal[64] = "";
    int rc;
    if (d->legal) /* as glossa index says it */
        snprintf(legal, sizeof legal, ", %u national legal definition%s", d->legal,
                 DICT_S(d->legal));
    if (glossa__buf_adds(r, "114 server information follows\r\n") || glossa__dict_mime(s, r, 0))
        return GLOSSA_ENOMEM;
    rc = glossa__dict_linef(r, "glossa %s DICT server (RFC 2229) on %s", glossa_version(),
                            d->host) ||
         glossa__dict_linef(r, "term base: " DICT_TITLE "%s%s", d->built[0] ? ", indexed " : "",
                            d->built) ||
         glossa__dict_linef(r, "%u concept%s, %u term%s, %u definition%s%s; %zu database%s, "
                            "\"all\" (SHOW DB), and %zu language pair%s (SHOW INFO all)",
                            d->concepts, DICT_S(d->concepts), d->terms, DICT_S(d->terms),
                            d->definitions, DICT_S(d->definitions), legal, d->n_listed,
                            DICT_S(d->n_listed), d->n_dbs - d->n_listed,
                            DICT_S(d->n_dbs - d->n_listed)) ||
         glossa__dict_linef(r, "ICU %s, SQLite %s", glossa_icu_version(),
                            glossa_sqlite_version()) ||
         glossa__dict_linef(r, "up %lds, %lu connection%s, %lu command%s",
                            (long)(time(NULL) - d->started), d->sessions, DICT_S(d->sessions),
                            d->commands, DICT_S(d->commands)) ||
         glossa__dict_line(r, "", 0) || glossa__dict_para(r, "", 0, caveat);
    if (rc || glossa__buf_adds(r, ".\r\n250 ok\r\n"))
        return GLOSSA_ENOMEM;
    return 0;
}

static const char help_text[] =
    "DEFINE database word         -- look up word in database\r\n"
    "MATCH database strategy word -- match word in database using strategy\r\n"
    "SHOW DB                      -- list all accessible databases\r\n"
    "SHOW DATABASES               -- list all accessible databases\r\n"
    "SHOW STRAT                   -- list available matching strategies\r\n"
    "SHOW STRATEGIES              -- list available matching strategies\r\n"
    "SHOW INFO database           -- provide information about the database\r\n"
    "SHOW SERVER                  -- provide site-specific information\r\n"
    "OPTION MIME                  -- use MIME headers\r\n"
    "CLIENT info                  -- identify client to server\r\n"
    "STATUS                       -- display timing information\r\n"
    "HELP                         -- display this help information\r\n"
    "QUIT                         -- terminate connection\r\n"
    "\r\n"
    "Databases: \"all\" (every language), \"*\" and \"!\" (both \"all\": each\r\n"
    "concept once), or a language pair such as \"ru-zh\" (Russian terms, Chinese\r\n"
    "equivalents), which SHOW DB does not list: SHOW INFO all names them.\r\n"
    "Strategy \".\" is \"smart\".\r\n"
    ".\r\n"
    "250 ok\r\n";

/* ---- command lines ------------------------------------------------------------------ */

/* Split a command line into words (RFC 2229 2.2): separated by spaces or
** tabs; "…" or '…' quote, and a backslash takes the next character as it is.
** Words are written into buf (which holds len + 1 bytes per word at most).
** Returns the count, or -1 for an unterminated quote or too many words. */
static int split_words(const char *line, size_t len, char *buf, char **argv)
{
    size_t i = 0;
    int argc = 0;
    char *o = buf;

    while (i < len) {
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i == len)
            break;
        if (argc == DICT_MAX_ARGS)
            return -1;
        argv[argc++] = o;
        while (i < len && line[i] != ' ' && line[i] != '\t') {
            if (line[i] == '"' || line[i] == '\'') {
                char q = line[i++];
                while (i < len && line[i] != q) {
                    if (line[i] == '\\' && i + 1 < len)
                        i++;
                    *o++ = line[i++];
                }
                if (i == len)
                    return -1;
                i++;
            } else {
                if (line[i] == '\\' && i + 1 < len)
                    i++;
                *o++ = line[i++];
            }
        }
        *o++ = '\0';
    }
    return argc;
}

/* 1 for UTF-8 without control characters other than tab. */
static int clean_utf8(const char *s, size_t n)
{
    int32_t i = 0;
    while (i < (int32_t)n) {
        UChar32 c;
        U8_NEXT((const uint8_t *)s, i, (int32_t)n, c);
        if (c < 0 || (c < 0x20 && c != '\t') || c == 0x7f)
            return 0;
    }
    return 1;
}

static int is(const char *word, const char *name)
{
    return strcasecmp(word, name) == 0;
}

/* Answer one command line into r. Returns 0 or a GLOSSA_E* code (then the
** caller replaces whatever was written with a 420). */
static int answer(glossa_dict_session *s, const char *line, size_t len, struct glossa_buf *r,
                  glossa_error *err)
{
    char buf[GLOSSA_DICT_LINE_MAX + DICT_MAX_ARGS + 1];
    char *argv[DICT_MAX_ARGS];
    glossa_error bad;
    int argc;

    if (glossa_text_check("the command line", line, len, NULL, &bad)) {
        /* RFC 2229: 500 for a command word not recognised, 501 for bad
        ** parameters; the bytes are named, and what they read as */
        size_t word = 0;
        while (word < len && line[word] != ' ' && line[word] != '\t')
            word++;
        return glossa__buf_addf(r, "%d syntax error, %s: send UTF-8 text\r\n",
                                glossa_utf8_valid(line, word) ? 501 : 500, bad.msg);
    }
    if (!clean_utf8(line, len))
        return glossa__buf_adds(r, "500 syntax error, command line has a control character\r\n");
    argc = split_words(line, len, buf, argv);
    if (argc == 0)
        return 0; /* an empty line asks nothing */
    s->d->commands++;
    if (argc < 0)
        return glossa__buf_adds(r, "501 syntax error, illegal parameters\r\n");
    if (is(argv[0], "DEFINE"))
        return argc == 3 ? glossa__dict_define(s, argv[1], argv[2], r, err)
                         : glossa__buf_adds(r, "501 syntax error, use DEFINE database word\r\n");
    if (is(argv[0], "MATCH"))
        return argc == 4 ? glossa__dict_match(s, argv[1], argv[2], argv[3], r, err)
                         : glossa__buf_adds(r, "501 syntax error, use MATCH database strategy "
                                               "word\r\n");
    if (is(argv[0], "SHOW")) {
        if (argc == 2 && (is(argv[1], "DB") || is(argv[1], "DATABASES")))
            return show_db(s, r);
        if (argc == 2 && (is(argv[1], "STRAT") || is(argv[1], "STRATEGIES")))
            return show_strat(s, r);
        if (argc == 3 && is(argv[1], "INFO"))
            return show_info(s, argv[2], r, err);
        if (argc == 2 && is(argv[1], "SERVER"))
            return show_server(s, r);
        return glossa__buf_adds(r, "501 syntax error, illegal parameters\r\n");
    }
    if (is(argv[0], "CLIENT"))
        return glossa__buf_adds(r, "250 ok\r\n");
    if (is(argv[0], "STATUS"))
        return glossa__buf_addf(r, "210 status [glossa %s] up %lds, %lu connection%s, %lu command%s\r\n",
                                glossa_version(), (long)(time(NULL) - s->d->started),
                                s->d->sessions, DICT_S(s->d->sessions), s->d->commands,
                                DICT_S(s->d->commands));
    if (is(argv[0], "HELP")) {
        if (glossa__buf_adds(r, "113 help text follows\r\n") || glossa__dict_mime(s, r, 0) ||
            glossa__buf_adds(r, help_text))
            return GLOSSA_ENOMEM;
        return 0;
    }
    if (is(argv[0], "QUIT")) {
        s->done = 1;
        return glossa__buf_adds(r, "221 bye\r\n");
    }
    if (is(argv[0], "OPTION")) {
        if (argc == 2 && is(argv[1], "MIME")) {
            s->mime = 1;
            return glossa__buf_adds(r, "250 ok - using MIME headers\r\n");
        }
        return glossa__buf_adds(r, "503 command parameter not implemented\r\n");
    }
    if (is(argv[0], "AUTH") || is(argv[0], "SASLAUTH") || is(argv[0], "SASLRESP"))
        return glossa__buf_adds(r, "502 command not implemented\r\n");
    return glossa__buf_adds(r, "500 syntax error, command not recognized\r\n");
}

/* ---- sessions ------------------------------------------------------------------------ */

static size_t pending(const glossa_dict_session *s)
{
    return s->out.len - s->sent;
}

/* Answer the complete lines waiting in s->in, at most DICT_BURST commands,
** while the output is below its high mark. */
static int process(glossa_dict_session *s, glossa_error *err)
{
    int burst = 0;

    while (!s->done && burst < DICT_BURST && pending(s) < DICT_OUT_HIGH && s->in.len) {
        char *nl = memchr(s->in.data, '\n', s->in.len);
        size_t used, len, start = s->out.len;
        int rc = 0;

        if (!nl) {
            if (s->discarding) {
                glossa__buf_clear(&s->in);
            } else if (s->in.len >= GLOSSA_DICT_LINE_MAX) {
                glossa__buf_clear(&s->in);
                s->discarding = 1;
                rc = glossa__buf_adds(&s->out, "500 line too long (at most 1024 bytes with "
                                               "CRLF)\r\n");
            }
            return rc ? glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory") : 0;
        }
        used = (size_t)(nl - s->in.data) + 1;
        len = used - 1;
        if (len && s->in.data[len - 1] == '\r')
            len--;
        if (s->discarding) {
            s->discarding = 0;
        } else if (used > GLOSSA_DICT_LINE_MAX) {
            rc = glossa__buf_adds(&s->out, "500 line too long (at most 1024 bytes with CRLF)\r\n");
            burst++;
        } else {
            glossa_error e;
            rc = answer(s, s->in.data, len, &s->out, &e);
            if (rc) {
                /* no half answers: take back what was written, say 420 */
                s->out.len = start;
                if (s->out.data)
                    s->out.data[start] = '\0';
                rc = glossa__buf_adds(&s->out, "420 server temporarily unavailable\r\n");
            }
            burst++;
        }
        memmove(s->in.data, s->in.data + used, s->in.len - used);
        s->in.len -= used;
        s->in.data[s->in.len] = '\0';
        if (rc) {
            s->done = 1;
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        }
    }
    return 0;
}

int glossa_dict_session_new(glossa_dict_session **out, glossa_dict *d, glossa_error *err)
{
    glossa_dict_session *s = glossa__calloc(1, sizeof *s);
    if (!s || glossa__buf_grow(&s->in, DICT_IN_MAX) ||
        glossa__buf_addf(&s->out,
                         "220 %s glossa %s: " DICT_TITLE ", RFC 2229 "
                         "<mime> <%lu.%ld@%s>\r\n",
                         d->host, glossa_version(), d->sessions + 1, (long)time(NULL), d->host)) {
        glossa_dict_session_free(s);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    s->d = d;
    d->sessions++;
    *out = s;
    return 0;
}

void glossa_dict_session_free(glossa_dict_session *s)
{
    if (!s)
        return;
    glossa__buf_release(&s->in);
    glossa__buf_release(&s->out);
    glossa__free(s);
}

size_t glossa_dict_session_room(const glossa_dict_session *s)
{
    if (s->done || pending(s) >= DICT_OUT_HIGH || s->in.len >= DICT_IN_MAX)
        return 0;
    return DICT_IN_MAX - s->in.len;
}

int glossa_dict_session_feed(glossa_dict_session *s, const char *data, size_t len,
                             glossa_error *err)
{
    if (len > glossa_dict_session_room(s))
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "%zu bytes fed, the session has room for %zu", len,
                                 glossa_dict_session_room(s));
    if (glossa__buf_add(&s->in, data, len))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    return process(s, err);
}

const char *glossa_dict_session_output(const glossa_dict_session *s, size_t *len)
{
    *len = pending(s);
    return s->out.data ? s->out.data + s->sent : "";
}

int glossa_dict_session_consume(glossa_dict_session *s, size_t n, glossa_error *err)
{
    if (n > pending(s))
        n = pending(s);
    s->sent += n;
    if (s->sent == s->out.len) {
        glossa__buf_clear(&s->out);
        s->sent = 0;
    } else if (s->sent >= DICT_OUT_HIGH) {
        memmove(s->out.data, s->out.data + s->sent, pending(s));
        s->out.len -= s->sent;
        s->out.data[s->out.len] = '\0';
        s->sent = 0;
    }
    return process(s, err);
}

int glossa_dict_session_done(const glossa_dict_session *s)
{
    return s->done;
}

void glossa_dict_session_bye(glossa_dict_session *s, glossa_dict_bye reason)
{
    glossa__buf_clear(&s->out);
    s->sent = 0;
    glossa__buf_adds(&s->out, reason == GLOSSA_DICT_BUSY
                                  ? "420 server temporarily unavailable: too many connections\r\n"
                                  : "421 server shutting down at operator request\r\n");
    glossa__buf_clear(&s->in);
    s->done = 1;
}
