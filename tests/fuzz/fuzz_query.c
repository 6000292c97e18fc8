/*
** fuzz_query.c — libFuzzer harness for query handling (src/lib/lookup.c:
** the match tiers, FTS5 query building, brackets; fuzzy.c: fuzzy matching;
** results.c: highlights) over a small index built once from tests/data/good/mini.xml.
**
** Input: one options byte, then the query (up to the first NUL). Options
** byte: bits 0-3 mode (0 auto, 1-8 exact … fts, else auto), bit 4 search
** definitions, bits 5-6 --from (none, ru, zh, "en,ru"), bit 7 --to en.
** Properties: a query of at most 4096 bytes never fails (GLOSSA_EINPUT is
** allowed only in --mode fts, where the user writes FTS5 syntax, and which
** searches terms even when definitions are asked for), a longer
** one is GLOSSA_EINPUT; results respect --limit, --mode, --from and --to;
** highlights lie inside the matched text; scores are in (0, 1.1].
*/
#include "fuzz.h"
#include "glossa.h"

#include <string.h>
#include <unistd.h>

#ifndef GLOSSA_FUZZ_INDEX_INPUT
#define GLOSSA_FUZZ_INDEX_INPUT "tests/data/good/mini.xml"
#endif

static glossa_db *db;
static char dir[4096], db_path[4200];

static void teardown(void)
{
    glossa_db_close(db);
    db = NULL;
    if (db_path[0])
        unlink(db_path);
    if (dir[0])
        rmdir(dir);
}

static void setup(void)
{
    const char *tmp = getenv("TMPDIR");
    const char *in[] = { GLOSSA_FUZZ_INDEX_INPUT };
    glossa_error err;

    if (db)
        return;
    if (glossa_global_init(&err))
        goto fail;
    snprintf(dir, sizeof dir, "%s/glossa-fuzz-query.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        snprintf(err.msg, sizeof err.msg, "cannot create a directory under %.400s",
                 tmp && *tmp ? tmp : "/tmp");
        goto fail;
    }
    snprintf(db_path, sizeof db_path, "%s/fuzz.db", dir);
    if (glossa_index(db_path, in, 1, NULL, NULL, &err) || glossa_db_open(&db, db_path, &err))
        goto fail;
    atexit(teardown);
    return;
fail:
    fprintf(stderr, "fuzz_query: set-up failed: %s\n", err.msg);
    abort();
}

/* 1 when tag starts with one of the comma-separated language prefixes. */
static int lang_in(const char *tag, const char *list)
{
    while (*list) {
        const char *comma = strchr(list, ',');
        size_t n = comma ? (size_t)(comma - list) : strlen(list);
        if (tag && strncmp(tag, list, n) == 0 && (tag[n] == '\0' || tag[n] == '-'))
            return 1;
        if (!comma)
            break;
        list = comma + 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const froms[] = { NULL, "ru", "zh", "en,ru" };
    glossa_lookup_opts opts = GLOSSA_LOOKUP_OPTS_INIT;
    glossa_results *res = NULL;
    glossa_error err;
    char *query;
    size_t qlen, i, n;
    int rc, mode_bits;

    if (size == 0)
        return 0;
    setup();
    mode_bits = data[0] & 0x0f;
    opts.mode = mode_bits >= 1 && mode_bits <= 9 ? (glossa_mode)(mode_bits - 1) : GLOSSA_MODE_AUTO;
    opts.in_definitions = (data[0] & 0x10) != 0;
    opts.from = froms[(data[0] >> 5) & 3];
    opts.to = (data[0] & 0x80) ? "en" : NULL;
    opts.limit = 3 + (unsigned)(size % 5);
    query = malloc(size);
    if (!query)
        return 0;
    memcpy(query, data + 1, size - 1);
    query[size - 1] = '\0';
    qlen = strlen(query);

    memset(&err, 0, sizeof err);
    rc = glossa_lookup(db, query, &opts, &res, &err);
    if (qlen > 4096) {
        FUZZ_CHECK(rc == GLOSSA_EINPUT, "query of %zu bytes: rc %d", qlen, rc);
    } else if (opts.mode == GLOSSA_MODE_FTS) {
        FUZZ_CHECK(rc == 0 || rc == GLOSSA_EINPUT, "fts query '%s': rc %d (%s)", query, rc,
                   err.msg);
        FUZZ_CHECK(rc == 0 || strstr(err.msg, "not a valid FTS5 query"), "message '%s'", err.msg);
    } else {
        FUZZ_CHECK(rc == 0, "query '%s' (options 0x%02x): rc %d (%s)", query, data[0], rc,
                   err.msg);
    }
    if (rc) {
        FUZZ_CHECK(res == NULL, "result set on failure");
        free(query);
        return 0;
    }
    n = glossa_results_count(res);
    FUZZ_CHECK(n <= opts.limit, "%zu results, limit %u", n, opts.limit);
    FUZZ_CHECK(glossa_results_get(res, n) == NULL, "get past the end");
    for (i = 0; i < n; i++) {
        const glossa_hit *h = glossa_results_get(res, i);
        size_t k, mlen;
        FUZZ_CHECK(h && h->id && *h->id, "hit %zu without id", i);
        FUZZ_CHECK(h->score > 0.0 && h->score <= 1.1, "score %f", h->score);
        FUZZ_CHECK((int)h->how >= 0 && h->how <= GLOSSA_MATCH_LAYOUT, "how %d", (int)h->how);
        if (opts.mode == GLOSSA_MODE_FTS)
            FUZZ_CHECK(h->how == GLOSSA_MATCH_FTS, "--mode fts gave '%s'",
                       glossa_match_kind_name(h->how));
        else if (opts.in_definitions || opts.mode == GLOSSA_MODE_FULLTEXT)
            FUZZ_CHECK(h->how == GLOSSA_MATCH_FULLTEXT, "definitions search gave '%s'",
                       glossa_match_kind_name(h->how));
        else if (opts.mode != GLOSSA_MODE_AUTO)
            FUZZ_CHECK((int)h->how == (int)opts.mode, "mode %d gave '%s'", (int)opts.mode,
                       glossa_match_kind_name(h->how));
        else
            FUZZ_CHECK(h->how <= GLOSSA_MATCH_FUZZY || h->how == GLOSSA_MATCH_LAYOUT,
                       "auto gave '%s'", glossa_match_kind_name(h->how));
        FUZZ_CHECK((h->how == GLOSSA_MATCH_LAYOUT) == (h->layout_text != NULL),
                   "layout text of a '%s' hit", glossa_match_kind_name(h->how));
        /* a layout hit ranks as the kind it matched by in its reading */
        if (i > 0 && h->how != GLOSSA_MATCH_LAYOUT &&
            glossa_results_get(res, i - 1)->how != GLOSSA_MATCH_LAYOUT)
            FUZZ_CHECK(glossa_results_get(res, i - 1)->how <= h->how, "kinds out of order");
        FUZZ_CHECK(h->match_text != NULL, "hit %s has no match text", h->id);
        if (opts.from)
            FUZZ_CHECK(lang_in(h->match_lang, opts.from), "--from %s matched '%s'", opts.from,
                       h->match_lang ? h->match_lang : "(null)");
        mlen = strlen(h->match_text);
        for (k = 0; k < h->n_highlights; k++) {
            FUZZ_CHECK(h->highlights[k].start < h->highlights[k].end &&
                           h->highlights[k].end <= mlen,
                       "highlight [%zu, %zu) of '%s'", h->highlights[k].start,
                       h->highlights[k].end, h->match_text);
            if (k)
                FUZZ_CHECK(h->highlights[k - 1].end <= h->highlights[k].start,
                           "highlights overlap");
        }
        for (k = 0; k < h->n_terms; k++) {
            FUZZ_CHECK(h->terms[k].text && h->terms[k].lang, "term without text or lang");
            if (opts.to)
                FUZZ_CHECK(lang_in(h->terms[k].lang, opts.to), "--to %s shows '%s'", opts.to,
                           h->terms[k].lang);
        }
    }
    glossa_results_free(res);
    free(query);
    return 0;
}
