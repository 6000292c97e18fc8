/*
** test_dict.c — the DICT protocol (src/lib/dict*.c) without sockets: the
** greeting, SHOW, DEFINE and MATCH over an index of the test fixture, the
** databases "*", "!" and language pairs, every strategy, RFC error codes,
** lines split or too long, garbage bytes, back-pressure, dot-stuffing,
** OPTION MIME, a new index taken up under an open session,
** out-of-memory answered with 420, and what DEFINE and MATCH leave out of
** their lookups (glossa__lookup's flags) changing no answer.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dir;
static glossa_db *db;
static glossa_dict *dict;

/* A concept whose English term starts with a dot: its text answer must be
** dot-stuffed (RFC 2229 2.4.1). */
static const char dots_xml[] = TH_TEI_HEAD TH_ENTRY("dot-entry", "точка", ".dot") TH_TEI_TAIL;

static int setup(void **state)
{
    char path[4096], dots[4096];
    const char *in[2];
    glossa_error err;
    if (th_global_setup(state))
        return -1;
    dir = th_mkdtemp();
    snprintf(dots, sizeof dots, "%s", th_path(dir, "dots.xml"));
    th_write(dots, dots_xml);
    in[0] = SRC_DIR "/tests/data/good/mini.xml";
    in[1] = dots;
    snprintf(path, sizeof path, "%s", th_path(dir, "d.db"));
    if (glossa_index(path, in, 2, NULL, NULL, &err) || glossa_db_open(&db, path, &err) ||
        glossa_dict_new(&dict, db, NULL, &err)) {
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    glossa_dict_free(dict);
    glossa_db_close(db);
    th_rmdir(dir);
    return th_global_teardown(state);
}

/* Take everything the session has queued. */
static void drain(glossa_dict_session *s, char **acc, size_t *n)
{
    size_t len;
    const char *out;
    glossa_error err;
    while ((out = glossa_dict_session_output(s, &len)), len) {
        *acc = realloc(*acc, *n + len + 1);
        assert_non_null(*acc);
        memcpy(*acc + *n, out, len);
        *n += len;
        (*acc)[*n] = '\0';
        assert_int_equal(glossa_dict_session_consume(s, len, &err), 0);
    }
}

/* Feed input (in pieces of at most `piece` bytes, as the room allows) and
** return everything answered, without the greeting. Caller frees. */
static char *talk_in_pieces(glossa_dict_session *s, const char *input, size_t len, size_t piece)
{
    char *acc = NULL;
    size_t n = 0, at = 0, guard = 0;
    glossa_error err;
    drain(s, &acc, &n);
    free(acc);
    acc = calloc(1, 1);
    n = 0;
    while (at < len && guard++ < 1000000) {
        size_t room = glossa_dict_session_room(s), k = len - at;
        if (k > piece)
            k = piece;
        if (k > room)
            k = room;
        if (k == 0 && glossa_dict_session_done(s))
            break;
        assert_int_equal(glossa_dict_session_feed(s, input + at, k, &err), 0);
        at += k;
        drain(s, &acc, &n);
    }
    drain(s, &acc, &n);
    return acc;
}

static char *talk(glossa_dict_session *s, const char *input)
{
    return talk_in_pieces(s, input, strlen(input), (size_t)-1);
}

static glossa_dict_session *session(void)
{
    glossa_dict_session *s = NULL;
    glossa_error err;
    assert_int_equal(glossa_dict_session_new(&s, dict, &err), 0);
    return s;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    const char *p = hay;
    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

static void expect_has(const char *got, const char *want)
{
    if (!strstr(got, want))
        fail_msg("answer lacks '%s':\n%s", want, got);
}

static void expect_lacks(const char *got, const char *unwanted)
{
    if (strstr(got, unwanted))
        fail_msg("answer has '%s':\n%s", unwanted, got);
}

static void expect_starts(const char *got, const char *want)
{
    if (strncmp(got, want, strlen(want)) != 0)
        fail_msg("answer does not start with '%s':\n%s", want, got);
}

/* Every line ends in CRLF and fits the RFC's 1024 bytes. */
static void expect_well_formed(const char *got)
{
    const char *p = got, *nl;
    while ((nl = strchr(p, '\n')) != NULL) {
        if (nl == got || nl[-1] != '\r')
            fail_msg("a line ends in a bare LF:\n%s", got);
        if (nl - p + 1 > GLOSSA_DICT_LINE_MAX)
            fail_msg("a line of %ld bytes:\n%s", (long)(nl - p + 1), got);
        p = nl + 1;
    }
    if (*p)
        fail_msg("answer ends without CRLF:\n%s", got);
}

/* The answer is a sequence of RFC 2229 responses: status lines "NNN text";
** after 110-114, 151 and 152 comes text that ends in a line ".". */
static void expect_responses(const char *a)
{
    const char *p = a, *nl;
    int code;
    while (*p) {
        nl = strstr(p, "\r\n");
        assert_non_null(nl);
        if (sscanf(p, "%3d", &code) != 1 || p[3] != ' ' || code < 100 || code > 599)
            fail_msg("not a status line: '%.*s'", (int)(nl - p), p);
        p = nl + 2;
        if ((code >= 110 && code <= 114) || code == 151 || code == 152) {
            while ((nl = strstr(p, "\r\n")) != NULL && !(nl - p == 1 && *p == '.'))
                p = nl + 2;
            if (!nl)
                fail_msg("a text after %d does not end in '.':\n%s", code, a);
            p = nl + 2;
        }
    }
}

static void test_dict__greeting_and_databases(void **state)
{
    glossa_dict_session *s = session();
    size_t len;
    const char *out = glossa_dict_session_output(s, &len);
    char *a;
    (void)state;
    assert_true(len > 10);
    assert_memory_equal(out, "220 ", 4);
    assert_non_null(strstr(out, "<mime> <"));
    assert_memory_equal(out + len - 3, ">\r\n", 3);
    assert_int_equal(glossa_dict_database_count(dict), 7);
    assert_string_equal(glossa_dict_database_name(dict, 0), "all");
    assert_string_equal(glossa_dict_database_name(dict, 1), "ru-zh");
    assert_null(glossa_dict_database_name(dict, 7));

    /* the pairs are not listed (dictd's "invisible"): SHOW INFO all names them */
    a = talk(s, "SHOW DB\r\n");
    assert_string_equal(a, "110 1 database present\r\n"
                           "all \"glossa: SCO information-security terms, all languages\"\r\n"
                           ".\r\n250 ok\r\n");
    free(a);
    a = talk(s, "show databases\n");
    expect_starts(a, "110 1 database present\r\n");
    free(a);
    a = talk(s, "SHOW INFO all\r\n");
    expect_has(a, "6 language pairs, each a database of its own");
    expect_has(a, "a concept comes once: ru-zh ru-en zh-ru zh-en en-ru en-zh\r\n");
    free(a);
    glossa_dict_session_free(s);
}

static void test_dict__define_all_and_pairs(void **state)
{
    glossa_dict_session *s = session();
    char *a;
    (void)state;
    a = talk(s, "DEFINE all \"информационная безопасность\"\r\n");
    expect_starts(a, "150 1 definition retrieved\r\n151 \"информационная безопасность\" all "
                     "\"glossa: SCO information-security terms, all languages\"\r\n");
    expect_has(a, "信息安全");
    expect_has(a, "information security");
    expect_has(a, "[information-security]  in force, NOT VERIFIED (reliability 1 of 4)");
    expect_has(a, "reconstruction, not verified against the official text");
    expect_has(a, "note: Reconstruction, not verified.");
    expect_has(a, "\r\n.\r\n250 ok\r\n");
    expect_well_formed(a);
    expect_responses(a);
    free(a);

    /* a pair: the equivalents in the target language only */
    a = talk(s, "define ru-zh \"информационная безопасность\"\r\n");
    expect_starts(a, "150 1 definition retrieved\r\n151 \"информационная безопасность\" ru-zh");
    expect_has(a, "信息安全");
    expect_lacks(a, "information security (");
    expect_has(a, "def ru: состояние защищённости"); /* no zh definition: the authentic one */
    free(a);
    a = talk(s, "DEFINE ru-en 'информационное оружие'\r\n");
    expect_has(a, "information weapon (preferred, working translation)");
    free(a);
    /* information-weapon has no Chinese term */
    a = talk(s, "DEFINE ru-zh \"информационное оружие\"\r\n");
    assert_string_equal(a, "552 no match\r\n");
    free(a);
    /* the pair's source language is what is matched */
    a = talk(s, "DEFINE en-ru \"информационное оружие\"\r\n");
    assert_string_equal(a, "552 no match\r\n");
    free(a);
    a = talk(s, "DEFINE zh-ru 信息安全\r\n");
    expect_has(a, "информационная безопасность (preferred)");
    free(a);
    glossa_dict_session_free(s);
}

static void test_dict__star_and_bang(void **state)
{
    glossa_dict_session *s = session();
    char *a;
    unsigned n = 0;
    (void)state;
    /* "all" alone: the concept once, not once more per language pair */
    a = talk(s, "DEFINE * \"информационная безопасность\"\r\n");
    assert_int_equal(sscanf(a, "150 %u definition retrieved", &n), 1);
    assert_int_equal(n, count(a, "\r\n151 "));
    assert_int_equal(n, 1);
    expect_has(a, "\" all \"");
    expect_lacks(a, "\" ru-zh \"");
    expect_lacks(a, "\" ru-en \"");
    expect_well_formed(a);
    expect_responses(a);
    free(a);
    a = talk(s, "DEFINE ! \"информационная безопасность\"\r\n");
    expect_starts(a, "150 1 definition retrieved\r\n");
    expect_has(a, "\" all \"");
    free(a);
    a = talk(s, "MATCH ! prefix информ\r\n");
    expect_starts(a, "152 2 matches found\r\n");
    expect_lacks(a, "ru-zh");
    free(a);
    a = talk(s, "MATCH * prefix информ\r\n");
    expect_starts(a, "152 2 matches found\r\n");
    expect_lacks(a, "ru-zh");
    free(a);
    glossa_dict_session_free(s);
}

static void test_dict__typo_is_a_match_not_a_definition(void **state)
{
    glossa_dict_session *s = session();
    char *a;
    (void)state;
    a = talk(s, "DEFINE all \"infromation weapon\"\r\n");
    assert_string_equal(a, "552 no match\r\n");
    free(a);
    /* what the dict client asks next */
    a = talk(s, "MATCH all . \"infromation weapon\"\r\n");
    assert_string_equal(a, "152 1 match found\r\nall \"information weapon\"\r\n.\r\n250 ok\r\n");
    free(a);
    glossa_dict_session_free(s);
}

static void test_dict__strategies(void **state)
{
    glossa_dict_session *s = session();
    char *a;
    (void)state;
    a = talk(s, "SHOW STRAT\r\n");
    expect_starts(a, "111 7 strategies available\r\n");
    expect_has(a, "\r\nexact \"");
    expect_has(a, "\r\nprefix \"");
    expect_has(a, "\r\nsubstring \"");
    expect_has(a, "\r\nlev \"");
    expect_has(a, "\r\nsmart \"");
    expect_well_formed(a);
    free(a);

    a = talk(s, "MATCH all prefix информ\r\n");
    assert_string_equal(a, "152 2 matches found\r\nall \"информационная безопасность\"\r\n"
                           "all \"информационное оружие\"\r\n.\r\n250 ok\r\n");
    free(a);
    a = talk(s, "MATCH all exact \"INFORMATION SECURITY\"\r\n");
    assert_string_equal(a, "152 1 match found\r\nall \"information security\"\r\n.\r\n250 ok\r\n");
    free(a);
    a = talk(s, "MATCH all substring оружи\r\n");
    assert_string_equal(a, "152 1 match found\r\nall \"информационное оружие\"\r\n.\r\n250 ok\r\n");
    free(a);
    a = talk(s, "MATCH all substring 息安\r\n"); /* inside one Chinese word */
    assert_string_equal(a, "152 1 match found\r\nall \"信息安全\"\r\n.\r\n250 ok\r\n");
    free(a);
    a = talk(s, "MATCH ru-en substring \"ционн\"\r\n");
    expect_starts(a, "152 2 matches found\r\n");
    free(a);
    a = talk(s, "MATCH ru-zh substring \"ционн\"\r\n"); /* only the concept with zh terms */
    assert_string_equal(a, "152 1 match found\r\nru-zh \"информационная безопасность\"\r\n"
                           ".\r\n250 ok\r\n");
    free(a);
    a = talk(s, "MATCH all lev \"informaton security\"\r\n");
    assert_string_equal(a, "152 1 match found\r\nall \"information security\"\r\n.\r\n250 ok\r\n");
    free(a);
    a = talk(s, "MATCH ru-en stem \"информационного оружия\"\r\n");
    expect_has(a, "ru-en \"информационное оружие\"\r\n");
    free(a);
    a = talk(s, "MATCH all translit \"xinxi anquan\"\r\n");
    assert_string_equal(a, "152 1 match found\r\nall \"信息安全\"\r\n.\r\n250 ok\r\n");
    free(a);
    a = talk(s, "MATCH all SMART weapons\r\n");
    expect_has(a, "all \"information weapon\"");
    free(a);
    a = talk(s, "MATCH all soundex информ\r\n");
    expect_starts(a, "551 invalid strategy");
    free(a);
    a = talk(s, "MATCH nowhere prefix информ\r\n");
    expect_starts(a, "550 invalid database");
    free(a);
    a = talk(s, "MATCH all prefix zzzzzz\r\n");
    assert_string_equal(a, "552 no match\r\n");
    free(a);
    glossa_dict_session_free(s);
}

static void test_dict__show_info_server_status_help(void **state)
{
    glossa_dict_session *s = session();
    char *a;
    (void)state;
    a = talk(s, "SHOW INFO ru-zh\r\n");
    expect_starts(a, "112 database information follows\r\n");
    expect_has(a, "Russian terms with their Chinese equivalents");
    expect_has(a, "reliability 1 (NOT VERIFIED): 1");
    expect_has(a, "is a reconstruction, not treaty");
    expect_has(a, "\r\n.\r\n250 ok\r\n");
    expect_well_formed(a);
    free(a);
    a = talk(s, "SHOW INFO all\r\n");
    expect_has(a, "3 concepts");
    expect_has(a, "reliability 2 (minimum reliability): 1");
    free(a);
    a = talk(s, "SHOW INFO klingon\r\n");
    expect_starts(a, "550 ");
    free(a);
    a = talk(s, "SHOW SERVER\r\n");
    expect_starts(a, "114 server information follows\r\n");
    expect_has(a, "glossa " GLOSSA_VERSION);
    expect_has(a, "\r\nterm base: SCO information-security terms, indexed 20");
    expect_has(a, "\r\n3 concepts, ");
    expect_has(a, " definitions; 1 database, \"all\" (SHOW DB), and 6 language pairs (SHOW INFO all)\r\n");
    expect_lacks(a, "index:"); /* no path on disk */
    expect_lacks(a, dir);
    expect_well_formed(a);
    free(a);
    a = talk(s, "STATUS\r\n");
    expect_starts(a, "210 status");
    free(a);
    a = talk(s, "HELP\r\n");
    expect_starts(a, "113 help text follows\r\n");
    expect_has(a, "MATCH database strategy word");
    expect_has(a, "\r\n.\r\n250 ok\r\n");
    free(a);
    a = talk(s, "CLIENT \"dict 1.13.0/rf on Linux\"\r\n");
    assert_string_equal(a, "250 ok\r\n");
    free(a);
    a = talk(s, "QUIT\r\nSTATUS\r\n");
    assert_string_equal(a, "221 bye\r\n");
    assert_true(glossa_dict_session_done(s));
    assert_int_equal(glossa_dict_session_room(s), 0);
    free(a);
    glossa_dict_session_free(s);
}

static void test_dict__bad_commands_get_rfc_codes(void **state)
{
    static const struct {
        const char *line, *code;
    } cases[] = {
        { "FROBNICATE\r\n", "500 " },
        { "DEFINE all\r\n", "501 " },
        { "DEFINE all a b\r\n", "501 " },
        { "DEFINE all \"unterminated\r\n", "501 " },
        { "MATCH all prefix\r\n", "501 " },
        { "SHOW\r\n", "501 " },
        { "SHOW FOO\r\n", "501 " },
        { "OPTION FOO\r\n", "503 " },
        { "AUTH user 0123\r\n", "502 " },
        { "DEFINE klingon word\r\n", "550 " },
        { "a b c d e f g h i j\r\n", "501 " },
        { "\xff\xfe garbage\r\n", "500 " },
        { "DEFINE all \"a\x01\"\r\n", "500 " },
    };
    glossa_dict_session *s = session();
    size_t i;
    char *a;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        a = talk(s, cases[i].line);
        if (strncmp(a, cases[i].code, 4) != 0)
            fail_msg("'%s' got '%s', expected %s", cases[i].line, a, cases[i].code);
        expect_well_formed(a);
        free(a);
    }
    /* NUL bytes inside a line */
    a = talk_in_pieces(s, "HELP\0x\r\nSTATUS\r\n", 16, 16);
    expect_starts(a, "500 ");
    expect_has(a, "\r\n210 status");
    free(a);
    /* empty lines ask nothing */
    a = talk(s, "\r\n\n  \r\nSTATUS\r\n");
    expect_starts(a, "210 status");
    free(a);
    glossa_dict_session_free(s);
}

static void test_dict__long_lines_are_refused_and_skipped(void **state)
{
    glossa_dict_session *s = session();
    char line[5000];
    char *a;
    size_t piece;
    (void)state;
    for (piece = 1; piece <= 4096; piece *= 8) {
        memset(line, 'a', sizeof line);
        memcpy(line + 3000, "\r\nSTATUS\r\n", 10);
        a = talk_in_pieces(s, line, 3010, piece);
        expect_starts(a, "500 line too long");
        assert_int_equal(count(a, "500 line too long"), 1);
        expect_has(a, "\r\n210 status");
        free(a);
    }
    /* 1024 bytes with CRLF is the longest line allowed */
    memcpy(line, "CLIENT ", 7);
    memset(line + 7, 'x', 1015);
    memcpy(line + 1022, "\r\n", 3);
    a = talk(s, line);
    assert_string_equal(a, "250 ok\r\n");
    free(a);
    memset(line + 7, 'x', 1016);
    memcpy(line + 1023, "\r\n", 3);
    a = talk(s, line);
    expect_starts(a, "500 line too long");
    free(a);
    glossa_dict_session_free(s);
}

static void test_dict__lines_split_anywhere(void **state)
{
    static const char cmds[] = "DEFINE all \"информационная безопасность\"\r\n"
                               "MATCH * prefix информ\nSHOW DB\r\n";
    glossa_dict_session *s = session();
    char *whole, *bytewise;
    (void)state;
    whole = talk(s, cmds);
    bytewise = talk_in_pieces(s, cmds, strlen(cmds), 1);
    assert_string_equal(whole, bytewise);
    expect_has(whole, "\r\n250 ok\r\n152 ");
    free(whole);
    free(bytewise);
    glossa_dict_session_free(s);
}

static void test_dict__output_is_bounded_while_unsent(void **state)
{
    glossa_dict_session *s = session();
    char input[4096];
    size_t i, n = 0, fed = 0, len, answers = 0;
    glossa_error err;
    (void)state;
    for (i = 0; i + 6 <= sizeof input; i += 6)
        memcpy(input + i, "HELP\r\n", 6);
    /* feed without sending: the session takes input until its buffer is full */
    for (i = 0; i < 100; i++) {
        size_t room = glossa_dict_session_room(s);
        size_t k = room < sizeof input - fed ? room : sizeof input - fed;
        k -= k % 6;
        if (k == 0)
            break;
        assert_int_equal(glossa_dict_session_feed(s, input + fed, k, &err), 0);
        fed += k;
    }
    assert_true(fed >= 4000);
    /* and answers, a few commands per call, until enough output waits */
    for (i = 0; i < 1000; i++)
        assert_int_equal(glossa_dict_session_consume(s, 0, &err), 0);
    glossa_dict_session_output(s, &len);
    assert_true(len >= 64 * 1024);
    assert_true(len < 64 * 1024 + 2048); /* at most one answer past the mark */
    assert_int_equal(glossa_dict_session_room(s), 0);
    /* more than the room is refused */
    assert_int_equal(glossa_dict_session_feed(s, "HELP\r\n", 6, &err), GLOSSA_EINPUT);
    /* sending resumes the answers: every HELP is answered once */
    {
        char *acc = NULL;
        drain(s, &acc, &n);
        answers = count(acc, "113 help text follows\r\n");
        free(acc);
    }
    assert_int_equal(answers, fed / 6);
    glossa_dict_session_free(s);
}

static void test_dict__dot_stuffing_and_mime(void **state)
{
    glossa_dict_session *s = session();
    char *a;
    (void)state;
    a = talk(s, "DEFINE all .dot\r\n");
    expect_starts(a, "150 1 definition retrieved\r\n151 \".dot\" all ");
    expect_has(a, "\r\n..dot (en)\r\n");
    expect_well_formed(a);
    free(a);
    a = talk(s, "OPTION MIME\r\n");
    expect_starts(a, "250 ");
    free(a);
    a = talk(s, "DEFINE ru-en \"информационная безопасность\"\r\n");
    expect_has(a, " ru-en \"glossa: Russian -> English\"\r\nContent-type: text/plain; "
                  "charset=utf-8\r\nContent-transfer-encoding: 8bit\r\n\r\nинформационная");
    expect_responses(a);
    free(a);
    /* lists get an empty header, as from dictd: GoldenDict reads MATCH lines after it */
    a = talk(s, "MATCH all exact \"information security\"\r\n");
    assert_string_equal(a, "152 1 match found\r\n\r\nall \"information security\"\r\n"
                           ".\r\n250 ok\r\n");
    free(a);
    a = talk(s, "HELP\r\n");
    expect_starts(a, "113 help text follows\r\n\r\nDEFINE");
    free(a);
    glossa_dict_session_free(s);
}

/* Random bytes with newlines and real commands among them, in random
** pieces: every answer is well formed and the session still works. */
static void test_dict__random_bytes_never_break_it(void **state)
{
    static const char *const words[] = { "DEFINE * ", "MATCH all lev ", "SHOW INFO ",
                                         "\"", "'", "\\", "\r\n", "\n", "информ", "信息" };
    glossa_dict_session *s = session();
    unsigned long seed = 12345;
    size_t n = 0, at = 0;
    char *input = malloc(200000), *a;
    (void)state;
    assert_non_null(input);
    while (n < 199000) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        if ((seed >> 60) < 3) {
            const char *w = words[(seed >> 32) % (sizeof words / sizeof words[0])];
            memcpy(input + n, w, strlen(w));
            n += strlen(w);
        } else {
            input[n++] = (char)(seed >> 40);
        }
    }
    while (at < n) {
        size_t piece;
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        piece = 1 + (seed >> 33) % 3000;
        if (piece > n - at)
            piece = n - at;
        a = talk_in_pieces(s, input + at, piece, piece);
        expect_well_formed(a);
        expect_responses(a);
        free(a);
        at += piece;
    }
    a = talk(s, "\r\nSTATUS\r\n");
    assert_non_null(strstr(a, "210 status"));
    free(a);
    free(input);
    glossa_dict_session_free(s);
}

static void test_dict__bye(void **state)
{
    glossa_dict_session *s = session();
    size_t len;
    const char *out;
    (void)state;
    glossa_dict_session_bye(s, GLOSSA_DICT_BUSY);
    out = glossa_dict_session_output(s, &len);
    assert_int_equal(len, strlen(out));
    assert_string_equal(out, "420 server temporarily unavailable: too many connections\r\n");
    assert_true(glossa_dict_session_done(s));
    assert_int_equal(glossa_dict_session_room(s), 0);
    glossa_dict_session_free(s);
    s = session();
    glossa_dict_session_bye(s, GLOSSA_DICT_SHUTDOWN);
    out = glossa_dict_session_output(s, &len);
    assert_memory_equal(out, "421 ", 4);
    glossa_dict_session_free(s);
}

/* A new index taken up under an open session: its next command reads the
** new one; the counters go on; a failed switch keeps the old index. */
static void test_dict__set_db_under_a_session(void **state)
{
    char path[4096], dots[4096];
    const char *in[1];
    glossa_db *other;
    glossa_error err;
    glossa_dict_session *s = session();
    char *before = talk(s, "SHOW SERVER\r\n"), *after;
    (void)state;
    snprintf(dots, sizeof dots, "%s", th_path(dir, "dots.xml"));
    in[0] = dots;
    snprintf(path, sizeof path, "%s", th_path(dir, "other.db"));
    if (glossa_index(path, in, 1, NULL, NULL, &err))
        fail_msg("%s:%ld: %s", err.file, err.line, err.msg);
    assert_int_equal(glossa_db_open(&other, path, &err), 0);
    assert_null(strstr(before, "\r\n1 concept, "));
    assert_int_equal(glossa_dict_set_db(dict, NULL, &err), GLOSSA_EINPUT);
    assert_int_equal(glossa_dict_set_db(dict, other, &err), 0);
    after = talk(s, "SHOW SERVER\r\nDEFINE all .dot\r\n");
    assert_non_null(strstr(after, "\r\n1 concept, "));
    assert_non_null(strstr(after, "150 1 definition retrieved"));
    assert_null(strstr(after, " 0 commands")); /* the counters went on */
    assert_int_equal(glossa_dict_set_db(dict, db, &err), 0);
    glossa_db_close(other);
    free(before);
    free(after);
    glossa_dict_session_free(s);
}

/* A paragraph longer than a line may be (a note of 2 400 bytes, right to
** left) goes on over lines within the RFC's 1024 characters, broken at
** spaces; each line closes the isolates it opens (FSI ... PDI), and a line
** that would begin right to left begins with LRM. */
static void test_dict__long_rtl_paragraph(void **state)
{
    static const char fsi[] = "\xE2\x81\xA8", pdi[] = "\xE2\x81\xA9", lrm[] = "\xE2\x80\x8E";
    struct glossa_buf xml = GLOSSA_BUF_INIT;
    char path[4096], tei[4096], *a, *line, *next;
    const char *in[1];
    glossa_db *fa;
    glossa_dict *d;
    glossa_dict_session *s;
    glossa_error err;
    size_t lines = 0, i;
    (void)state;
    assert_int_equal(glossa__buf_adds(&xml, TH_TEI_HEAD "<entry xml:id=\"fa-entry\" type=\"concept\" "
                                            "source=\"#src\"><usg type=\"status\">proposed</usg>"
                                            "<usg type=\"reliability\">2</usg>"
                                            "<form type=\"term\" xml:lang=\"fa\"><orth>امنیت اطلاعات"
                                            "</orth><usg type=\"status\">preferred</usg></form>"
                                            "<form type=\"term\" xml:lang=\"ru\"><orth>защита"
                                            "</orth><usg type=\"status\">preferred</usg></form>"
                                            "<note type=\"usage\" xml:lang=\"fa\">"), 0);
    for (i = 0; i < 120; i++) /* 20 bytes each */
        assert_int_equal(glossa__buf_adds(&xml, "متن طولانی "), 0);
    assert_int_equal(glossa__buf_adds(&xml, "</note></entry>\n" TH_TEI_TAIL), 0);
    snprintf(tei, sizeof tei, "%s", th_path(dir, "fa.xml"));
    th_write(tei, glossa__buf_str(&xml));
    glossa__buf_release(&xml);
    in[0] = tei;
    snprintf(path, sizeof path, "%s", th_path(dir, "fa.db"));
    if (glossa_index(path, in, 1, NULL, NULL, &err) || glossa_db_open(&fa, path, &err) ||
        glossa_dict_new(&d, fa, NULL, &err))
        fail_msg("%s:%ld: %s", err.file, err.line, err.msg);
    assert_int_equal(glossa_dict_session_new(&s, d, &err), 0);
    a = talk(s, "DEFINE all \"امنیت اطلاعات\"\r\n");
    expect_starts(a, "150 1 definition retrieved\r\n");
    expect_has(a, "\r\n\xE2\x80\x8E\xE2\x81\xA8امنیت اطلاعات\xE2\x81\xA9 (fa)\r\n");
    expect_has(a, "\r\n  note: \xE2\x81\xA8متن طولانی متن");
    expect_well_formed(a);
    for (line = a; (next = strstr(line, "\r\n")) != NULL; line = next + 2) {
        size_t n = (size_t)(next - line) + 2, f = 0, p = 0;
        const char *c;
        assert_true(n <= 1024);
        for (c = line; c < next; c++) {
            f += strncmp(c, fsi, 3) == 0;
            p += strncmp(c, pdi, 3) == 0;
        }
        if (f != p)
            fail_msg("unbalanced isolates (%zu FSI, %zu PDI) in: %.*s", f, p, (int)n, line);
        if (strncmp(line, "        ", 8) == 0 && f) { /* a continuation of the note */
            assert_memory_equal(line + 8, lrm, 3);
            assert_memory_equal(next - 3, pdi, 3);
            lines++;
        }
    }
    assert_int_equal(lines, 2); /* 2 400 bytes: three lines */
    free(a);
    glossa_dict_session_free(s);
    glossa_dict_free(d);
    glossa_db_close(fa);
}

static void test_dict__out_of_memory_is_answered_420(void **state)
{
    static const char cmd[] = "DEFINE * \"информационная безопасность\"\r\n";
    glossa_dict_session *s = session();
    char *baseline = talk(s, cmd), *a;
    unsigned long n;
    (void)state;
    expect_starts(baseline, "150 1 definition retrieved");
    for (n = 1; n < 20000; n++) {
        glossa__alloc_fail_after(n, 0);
        a = talk(s, cmd);
        glossa__alloc_fail_after(0, 0);
        if (strcmp(a, baseline) == 0) {
            free(a);
            break;
        }
        assert_string_equal(a, "420 server temporarily unavailable\r\n");
        free(a);
    }
    assert_true(n > 1 && n < 20000);
    a = talk(s, "STATUS\r\n");
    expect_starts(a, "210 ");
    free(a);
    free(baseline);
    glossa_dict_session_free(s);
}

/* The hit i of a and of b agree: kind, matched term and its language. */
static void same_match(const glossa_hit *a, const glossa_hit *b, const char *q, size_t i)
{
    if (a->how != b->how || strcmp(a->match_text ? a->match_text : "", b->match_text ? b->match_text : "") ||
        strcmp(a->match_lang ? a->match_lang : "", b->match_lang ? b->match_lang : ""))
        fail_msg("'%s', hit %zu: %s «%s» against %s «%s»", q, i, glossa_match_kind_name(a->how),
                 a->match_text, glossa_match_kind_name(b->how), b->match_text);
}

/* What DEFINE and MATCH leave out of a lookup (glossa__lookup's flags)
** changes nothing they show: BEST_KIND gives the hits of the best kind that
** glossa_lookup gives, in its order; HEADS the same matches in every mode. */
static void check_flags(const char *q)
{
    static const glossa_mode modes[] = { GLOSSA_MODE_AUTO, GLOSSA_MODE_NORMALIZED,
                                         GLOSSA_MODE_PREFIX, GLOSSA_MODE_FUZZY, GLOSSA_MODE_STEM };
    glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_results *full, *part;
    glossa_error err;
    size_t i, m, n;
    for (m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        o.mode = modes[m];
        if (glossa_lookup(db, q, &o, &full, &err))
            return; /* not a query (bad UTF-8 from a cut): nothing to compare */
        assert_int_equal(glossa__lookup(db, q, &o, GLOSSA__LOOKUP_HEADS | GLOSSA__LOOKUP_NO_TERMS,
                                        &part, &err), 0);
        assert_int_equal(glossa_results_count(part), glossa_results_count(full));
        for (i = 0; i < glossa_results_count(full); i++)
            same_match(glossa_results_get(part, i), glossa_results_get(full, i), q, i);
        glossa_results_free(part);
        if (m == 0) {
            const glossa_hit *best = glossa_results_get(full, 0);
            assert_int_equal(glossa__lookup(db, q, &o, GLOSSA__LOOKUP_BEST_KIND, &part, &err), 0);
            for (n = 0; best && n < glossa_results_count(full) &&
                        glossa_results_get(full, n)->how == best->how; n++) {
                if (n >= glossa_results_count(part))
                    fail_msg("'%s': %zu hits of the best kind, not %zu", q,
                             glossa_results_count(part), n + 1);
                same_match(glossa_results_get(part, n), glossa_results_get(full, n), q, n);
                assert_string_equal(glossa_results_get(part, n)->id, glossa_results_get(full, n)->id);
            }
            if (n < glossa_results_count(part) && glossa_results_get(part, n)->how == best->how)
                fail_msg("'%s': more hits of the best kind than glossa_lookup's", q);
            glossa_results_free(part);
        }
        glossa_results_free(full);
    }
}

static void test_dict__lookup_flags_leave_answers_alone(void **state)
{
    static const char *const queries[] = {
        "ИНФОРМАЦИОННАЯ БЕЗОПАСНОСТЬ", "Information  Weapon", "weapons", "информ", "безопасн",
        "информационная безопаснсть", "byajhvfwbjyyfz", "об информационном оружии",
        "информационная безопасность (ИБ)", "xinxi anquan", "informatsionnaya bezopasnost", "信息",
    };
    sqlite3_stmt *st;
    size_t i, checked = 0;
    (void)state;
    for (i = 0; i < sizeof queries / sizeof queries[0]; i++)
        check_flags(queries[i]);
    /* every term, its first word, and without its last letter */
    assert_int_equal(sqlite3_prepare_v2(glossa__db_sql(db), "SELECT DISTINCT text FROM term", -1, &st,
                                        NULL), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        char t[512];
        size_t n;
        snprintf(t, sizeof t, "%s", (const char *)sqlite3_column_text(st, 0));
        check_flags(t);
        n = strlen(t);
        while (n > 1 && ((unsigned char)t[n - 1] & 0xC0) == 0x80)
            n--;
        t[n > 1 ? n - 1 : n] = '\0';
        check_flags(t);
        t[strcspn(t, " ")] = '\0';
        check_flags(t);
        checked++;
    }
    sqlite3_finalize(st);
    assert_true(checked >= 5); /* the fixture's terms */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dict__greeting_and_databases),
        cmocka_unit_test(test_dict__define_all_and_pairs),
        cmocka_unit_test(test_dict__star_and_bang),
        cmocka_unit_test(test_dict__typo_is_a_match_not_a_definition),
        cmocka_unit_test(test_dict__strategies),
        cmocka_unit_test(test_dict__show_info_server_status_help),
        cmocka_unit_test(test_dict__bad_commands_get_rfc_codes),
        cmocka_unit_test(test_dict__long_lines_are_refused_and_skipped),
        cmocka_unit_test(test_dict__lines_split_anywhere),
        cmocka_unit_test(test_dict__output_is_bounded_while_unsent),
        cmocka_unit_test(test_dict__dot_stuffing_and_mime),
        cmocka_unit_test(test_dict__random_bytes_never_break_it),
        cmocka_unit_test(test_dict__bye),
        cmocka_unit_test(test_dict__set_db_under_a_session),
        cmocka_unit_test(test_dict__long_rtl_paragraph),
        cmocka_unit_test(test_dict__out_of_memory_is_answered_420),
        cmocka_unit_test(test_dict__lookup_flags_leave_answers_alone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
