/*
** store.c — opening glossa's SQLite databases and checking that an index
** was built by a compatible build (schema, tokenizer, ICU version), in the
** spirit of PostgreSQL's collation-version tracking.
**
** A database given with --db is hostile input like any other: an index is
** opened on a connection that runs no triggers, views or extensions, with a
** bounded amount of work per operation (a step budget), only when its
** sqlite_schema is exactly what schema/glossa.sql creates; every value read
** from it goes through the checked readers below (glossa__col_*).
** glossa_db_check() is the thorough check of an index (`glossa index --check`):
** the same, then SQLite's integrity check, every value of every row, the
** references between rows, the counts and the full-text indexes
** (store_check.c).
** store.c owns an open index, glossa_db (store_int.h): opening and closing
** it, and the statements that lookups run, prepared once here. It does not
** build indexes (index.c) or answer queries (lookup.c).
*/
#include "store_int.h"

#include <sqlite3.h>
#include <unicode/uversion.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Virtual-machine steps per budget tick (glossa_int.h has the budgets). */
#define GLOSSA_BUDGET_TICK 1000
/* The longest value an index may hold (bytes): longer ones are damage. */
#define GLOSSA_VALUE_MAX (4 << 20)

int glossa__store_open(sqlite3 **out, const char *path, const char *uri, int flags,
                       glossa_error *err)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(uri ? uri : path, &db, uri ? flags | SQLITE_OPEN_URI : flags, NULL);

    if (rc != SQLITE_OK) {
        rc = glossa__error_sqlite(err, db, rc, path, "cannot open database");
        sqlite3_close(db);
        return rc;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    rc = glossa__fts_register(db, err);
    if (rc) {
        sqlite3_close(db);
        return rc;
    }
    *out = db;
    return 0;
}

/* ---- the step budget ------------------------------------------------------------ */

void glossa__budget_reset(struct glossa__budget *b, unsigned long ticks)
{
    b->left = ticks;
}

static int budget_tick(void *ud)
{
    struct glossa__budget *b = ud;
    if (b->left == 0)
        return 1; /* SQLITE_INTERRUPT */
    b->left--;
    return 0;
}

/* ---- opening an index -------------------------------------------------------------- */

/* What the file at path is, before SQLite sees it: a directory, a FIFO (which
** would block), an empty file or one that does not start as SQLite's do
** each get their own message. */
static int check_file(const char *path, glossa_error *err)
{
    static const char magic[16] = "SQLite format 3";
    char head[16];
    struct stat sb;
    ssize_t n;
    int fd;

    if (stat(path, &sb) != 0)
        return errno == ENOENT || errno == ENOTDIR
                   ? glossa__error_set(err, GLOSSA_ENOTFOUND, path, 0, 0,
                                       "no index here: run 'glossa index' first (or give --db PATH)")
                   : glossa__error_set(err, GLOSSA_EIO, path, 0, 0, "cannot read: %s",
                                       strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return glossa__error_set(err, GLOSSA_EINPUT, path, 0, 0,
                                 "is a directory, not a glossa index");
    if (!S_ISREG(sb.st_mode))
        return glossa__error_set(err, GLOSSA_EINPUT, path, 0, 0,
                                 "is not a regular file, not a glossa index");
    if (sb.st_size == 0)
        return glossa__error_set(err, GLOSSA_ECORRUPT, path, 0, 0,
                                 "is an empty file, not a glossa index: run 'glossa index'");
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return glossa__error_set(err, GLOSSA_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
    n = read(fd, head, sizeof head);
    close(fd);
    if (n != (ssize_t)sizeof head || memcmp(head, magic, sizeof magic) != 0)
        return glossa__error_set(err, GLOSSA_ECORRUPT, path, 0, 0,
                                 "is not a glossa index: not an SQLite database (a damaged "
                                 "index? rebuild it with 'glossa index')");
    return 0;
}

/* No triggers, views, extensions or writes to the schema; bounded values,
** statements and work. (PRAGMA cell_size_check is left off: SQLite finds
** damaged pages without it, and it made fuzzy lookups at 1M terms 1.5
** times slower.) */
static int harden(sqlite3 *db, struct glossa__budget *b)
{
    static const int off[] = { SQLITE_DBCONFIG_TRUSTED_SCHEMA, SQLITE_DBCONFIG_ENABLE_TRIGGER,
                               SQLITE_DBCONFIG_ENABLE_VIEW, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION };
    size_t i;
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
    for (i = 0; rc == SQLITE_OK && i < sizeof off / sizeof off[0]; i++)
        rc = sqlite3_db_config(db, off[i], 0, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, GLOSSA_VALUE_MAX);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    glossa__budget_reset(b, GLOSSA_BUDGET_WHOLE);
    sqlite3_progress_handler(db, GLOSSA_BUDGET_TICK, budget_tick, b);
    return sqlite3_exec(db, "PRAGMA trusted_schema=OFF;", NULL, NULL, NULL);
}

static int same(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

/* sqlite_schema holds exactly glossa__schema_rows: both are walked by name. */
static int check_schema(sqlite3 *db, const char *path, glossa_error *err)
{
    const struct glossa__schema_row *want = glossa__schema_rows;
    const struct glossa__schema_row *end = want + glossa__schema_rows_n;
    static const char sql[] = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name";
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    int glossa_tables = 0;

    /* SQLite says "out of memory" for some damaged schemas (sizes no
    ** allocation can meet): once more, and if it says so again, it is the file */
    if (rc == SQLITE_NOMEM && (rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) == SQLITE_NOMEM)
        return glossa__damaged(err, path, "cannot read its schema: SQLite runs out of memory "
                               "on it, twice");
    if (rc != SQLITE_OK)
        return (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT ||
                       (rc & 0xff) == SQLITE_ERROR
                   ? glossa__damaged(err, path, "cannot read its schema: %s", sqlite3_errmsg(db))
                   : glossa__error_sqlite(err, db, rc, path, "cannot read the index");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *have[4];
        int i, cmp;
        for (i = 0; i < 4; i++) {
            int type = sqlite3_column_type(st, i);
            have[i] = (const char *)sqlite3_column_text(st, i);
            if (type != SQLITE_TEXT && !(i == 3 && type == SQLITE_NULL))
                have[i] = "?";
        }
        cmp = want == end ? -1 : strcmp(have[1], want->name);
        if (cmp < 0) {
            rc = glossa__damaged(err, path, "its schema has %s '%.100s', which glossa does not "
                                 "make", have[0], have[1]);
            break;
        }
        if (cmp > 0) {
            rc = SQLITE_DONE; /* want->name is missing: reported below */
            break;
        }
        glossa_tables += strcmp(have[1], "meta") == 0 || strcmp(have[1], "term") == 0;
        if (!same(have[0], want->type) || !same(have[2], want->tbl_name) ||
            !same(have[3], want->sql)) {
            rc = glossa__damaged(err, path, "%s '%.100s' is not as glossa makes it", have[0],
                                 have[1]);
            break;
        }
        want++;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE && want == end)
        return 0;
    if (rc == SQLITE_DONE)
        return glossa_tables == 0 && strcmp(want->name, "meta") <= 0
                   ? glossa__error_set(err, GLOSSA_ECORRUPT, path, 0, 0,
                                       "is an SQLite database, but not a glossa index")
                   : glossa__damaged(err, path, "its schema has no %s '%s'", want->type,
                                     want->name);
    if (rc == GLOSSA_ECORRUPT)
        return rc;
    return glossa__error_sqlite(err, db, rc, path, "cannot read the index");
}

static int meta_get(sqlite3 *db, const char *path, const char *key, char *out, size_t n,
                    glossa_error *err);

/* The schema is not glossa's: when the index says it was built with another
** schema version (an earlier glossa), say that (rebuild it), not "damaged";
** otherwise keep rc and err as check_schema left them. */
static int other_version(sqlite3 *db, const char *path, int rc, glossa_error *err)
{
    glossa_error scratch;
    sqlite3_stmt *st = NULL;
    char have[64];
    int glossa_made = 0;
    /* an index of glossa's at all: its concept table is there */
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = "
                               "'concept'", -1, &st, NULL) == SQLITE_OK)
        glossa_made = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!glossa_made ||
        meta_get(db, path, "schema_version", have, sizeof have, &scratch) != 0 || !have[0] ||
        strcmp(have, GLOSSA_SCHEMA_VERSION) == 0)
        return rc;
    return glossa__error_set(err, GLOSSA_ECORRUPT, path, 0, 0,
                             "index built with schema version '%s', this glossa uses '%s': "
                             "run 'glossa index'", have, GLOSSA_SCHEMA_VERSION);
}

/* "file:PATH?immutable=1", PATH percent-encoded, for a read-only open of a
** published index: glossa never changes an index in place (a new one is
** renamed over it, and a reader keeps the file it opened), so SQLite need
** not lock it or look for a journal before every read (38 read transactions
** of a lookup each did). NULL when out of memory. */
static char *immutable_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path), i, at = 0;
    char *uri = glossa__malloc(n * 3 + sizeof "file:?immutable=1");
    if (!uri)
        return NULL;
    memcpy(uri, "file:", 5);
    at = 5;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
            uri[at++] = (char)c;
        } else {
            uri[at++] = '%';
            uri[at++] = hex[c >> 4];
            uri[at++] = hex[c & 15];
        }
    }
    memcpy(uri + at, "?immutable=1", sizeof "?immutable=1");
    return uri;
}

int glossa__store_open_index(sqlite3 **out, const char *path, int writable,
                             struct glossa__budget *b, glossa_error *err)
{
    sqlite3 *db = NULL;
    char *uri = NULL;
    int rc;

    if ((rc = check_file(path, err)))
        return rc;
    if (!writable && !(uri = immutable_uri(path)))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    rc = glossa__store_open(&db, path, uri, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY,
                            err);
    glossa__free(uri);
    if (rc)
        return rc;
    if ((rc = harden(db, b)) != SQLITE_OK)
        rc = glossa__error_sqlite(err, db, rc, path, "cannot open database");
    else if (!(rc = check_schema(db, path, err)))
        rc = glossa__store_check_meta(db, path, err);
    else if (rc == GLOSSA_ECORRUPT)
        rc = other_version(db, path, rc, err);
    if (rc) {
        sqlite3_close(db);
        return rc;
    }
    *out = db;
    return 0;
}

/* ---- checked reads ----------------------------------------------------------------------- */

const char glossa__term_statuses[] = "preferred\0admitted\0deprecated\0";
const char glossa__concept_statuses[] = "in-force\0proposed\0agreed\0withdrawn\0";
const char glossa__definition_bases[] = "official\0reconstruction\0working-translation\0";

static void bad_value(struct glossa__reader *r, sqlite3_stmt *st, int col, const char *table,
                      const char *what)
{
    static const char *const types[] = { "?", "an integer", "a real", "text", "a blob", "NULL" };
    int type = sqlite3_column_type(st, col);
    if (r->damaged)
        return;
    r->damaged = 1;
    glossa__damaged(&r->err, r->path, "%s.%s is %s, where glossa writes %s", table,
                    sqlite3_column_name(st, col), type >= 1 && type <= 5 ? types[type] : "?",
                    what);
}

/* A day of the calendar, YYYY-MM-DD (the one date check, date.c). */
static int is_date(const char *s, int n)
{
    return n == 10 && strlen(s) == 10 && glossa__date_check(s, NULL) == 0;
}

/* A BCP 47 tag as glossa writes them: a language of 2-8 letters, then
** subtags of letters and digits. */
static int is_lang(const char *s, int n)
{
    int i;
    if (n < 2 || n > 35)
        return 0;
    for (i = 0; i < n && s[i] != '-'; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            return 0;
    if (i < 2 || i > 8)
        return 0;
    for (; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return 0;
    return 1;
}

const char *glossa__col_text(struct glossa__reader *r, sqlite3_stmt *st, int col,
                             const char *table, unsigned flags)
{
    int type = sqlite3_column_type(st, col);
    const char *s, *want = flags & GLOSSA_COL_DATE   ? "a date (YYYY-MM-DD)"
                          : flags & GLOSSA_COL_LANG ? "a language tag"
                                                    : "UTF-8 text";
    int n;

    if (type == SQLITE_NULL && (flags & GLOSSA_COL_NULL))
        return NULL;
    if (type != SQLITE_TEXT) {
        bad_value(r, st, col, table, want);
        return flags & GLOSSA_COL_NULL ? NULL : "";
    }
    s = (const char *)sqlite3_column_text(st, col);
    n = sqlite3_column_bytes(st, col);
    if (!s)
        return flags & GLOSSA_COL_NULL ? NULL : ""; /* out of memory: the step reports it */
    if ((flags & GLOSSA_COL_DATE) ? !is_date(s, n)
        : (flags & GLOSSA_COL_LANG) ? !is_lang(s, n)
                                    : !glossa_utf8_valid(s, (size_t)n)) {
        if (!r->damaged) {
            r->damaged = 1;
            glossa__damaged(&r->err, r->path, "%s.%s is not %s", table,
                            sqlite3_column_name(st, col), want);
        }
        return flags & GLOSSA_COL_NULL ? NULL : "";
    }
    if (!(flags & (GLOSSA_COL_DATE | GLOSSA_COL_LANG))) {
        /* glossa index never writes what the TEI reader refuses: a control or
        ** bidi control in the database was put there by someone else */
        char why[128];
        if (glossa__text_refused(s, TEXT_FIELD, why, sizeof why)) {
            if (!r->damaged) {
                r->damaged = 1;
                glossa__damaged(&r->err, r->path, "%s.%s %s", table,
                                sqlite3_column_name(st, col), why);
            }
            return flags & GLOSSA_COL_NULL ? NULL : "";
        }
    }
    return s;
}

long long glossa__col_int(struct glossa__reader *r, sqlite3_stmt *st, int col,
                          const char *table, long long min, long long max, unsigned flags)
{
    int type = sqlite3_column_type(st, col);
    long long v;
    if (type == SQLITE_NULL && (flags & GLOSSA_COL_NULL))
        return min;
    if (type != SQLITE_INTEGER) {
        bad_value(r, st, col, table, "an integer");
        return min;
    }
    v = sqlite3_column_int64(st, col);
    if (v < min || v > max) {
        if (!r->damaged) {
            r->damaged = 1;
            glossa__damaged(&r->err, r->path, "%s.%s is %lld, out of its range %lld..%lld", table,
                            sqlite3_column_name(st, col), v, min, max);
        }
        return min;
    }
    return v;
}

int glossa__col_enum(struct glossa__reader *r, sqlite3_stmt *st, int col, const char *table,
                     const char *values)
{
    const char *s = glossa__col_text(r, st, col, table, 0), *v;
    int i;
    for (i = 0, v = values; *v; i++, v += strlen(v) + 1)
        if (strcmp(s, v) == 0)
            return i;
    if (!r->damaged) {
        r->damaged = 1;
        glossa__damaged(&r->err, r->path, "%s.%s is '%.60s', not one of glossa's values", table,
                        sqlite3_column_name(st, col), s);
    }
    return -1;
}

/* The text value of key in meta ("" when there is none). */
static int meta_get(sqlite3 *db, const char *path, const char *key, char *out, size_t n,
                    glossa_error *err)
{
    struct glossa__reader r = GLOSSA_READER_INIT(path);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL);
    out[0] = '\0';
    if (rc != SQLITE_OK)
        return glossa__error_sqlite(err, db, rc, path, "cannot read the index");
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        snprintf(out, n, "%s", glossa__col_text(&r, st, 0, "meta", 0));
        rc = SQLITE_DONE;
    }
    if (rc != SQLITE_DONE)
        rc = glossa__error_sqlite(err, db, rc, path, "cannot read the index");
    else if (r.damaged)
        rc = (*err = r.err).code;
    else
        rc = 0;
    sqlite3_finalize(st);
    return rc;
}

int glossa__store_check_meta(sqlite3 *db, const char *path, glossa_error *err)
{
    static const struct { const char *key, *want, *what; } checks[] = {
        { "schema_version", GLOSSA_SCHEMA_VERSION, "schema version" },
        { "tokenizer", GLOSSA_TOKENIZER_VERSION, "tokenizer" },
        { "icu_version", U_ICU_VERSION, "ICU" },
    };
    char have[128];
    size_t i;
    int rc;

    for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
        if ((rc = meta_get(db, path, checks[i].key, have, sizeof have, err)))
            return rc;
        if (strcmp(have, checks[i].want) != 0)
            return glossa__error_set(err, GLOSSA_ECORRUPT, path, 0, 0,
                                     "index built with %s '%s', this glossa uses '%s': run 'glossa index'",
                                     checks[i].what, have[0] ? have : "(none)", checks[i].want);
    }
    return 0;
}

/* ---- the statements of an open index ------------------------------------------------ */

/* In the order of store_int.h's Q_* names: the candidate queries of the
** tiers (lookup.c, fuzzy.c), then the rows of a hit (results.c) and a
** concept by its id. Every candidate query selects: term id, concept id, lang, status, ord, a
** rank (bm25, or the keys for the fuzzy comparison), and the term's dates in
** force (columns 6-7; a fuzzy candidate's row 7-8), so that no row needs another query. */
static const char *const queries[Q_COUNT] = {
    "SELECT id, concept_id, lang, status, ord, 0, valid_from, valid_to FROM term WHERE text = ?1",
    "SELECT id, concept_id, lang, status, ord, 0, valid_from, valid_to FROM term WHERE norm = ?1",
    "SELECT id, concept_id, lang, status, ord, 0, valid_from, valid_to FROM term WHERE stem = ?1",
    "SELECT t.id, t.concept_id, t.lang, t.status, t.ord, bm25(term_stem_fts), t.valid_from,"
    " t.valid_to FROM term_stem_fts"
    " JOIN term t ON t.id = term_stem_fts.rowid WHERE term_stem_fts MATCH ?1"
    " ORDER BY bm25(term_stem_fts) LIMIT 500",
    "SELECT id, concept_id, lang, status, ord, 0, valid_from, valid_to FROM term"
    " WHERE translit IN (?1, ?2)",
    "SELECT t.id, t.concept_id, t.lang, t.status, t.ord, bm25(term_fts), t.valid_from, t.valid_to"
    " FROM term_fts"
    " JOIN term t ON t.id = term_fts.rowid WHERE term_fts MATCH ?1"
    " ORDER BY bm25(term_fts) LIMIT 500",
    "SELECT term_id, digest FROM term_sign WHERE sign = ?1",
    "SELECT id, concept_id, lang, status, ord, norm, stem, valid_from, valid_to FROM term"
    " WHERE id = ?1",
    "SELECT rowid, concept_id, lang, 'preferred', 0, bm25(text_fts) FROM text_fts"
    " WHERE text_fts MATCH ?1 ORDER BY bm25(text_fts) LIMIT 500",
    "SELECT c.xml_id, c.status, c.reliability, s.citation, c.ord, s.type = 'instrument'"
    " FROM concept c LEFT JOIN source s ON s.id = c.source_id WHERE c.id = ?1",
    "SELECT t.lang, t.text, a.state, l.relation FROM term t"
    " LEFT JOIN legal_definition l ON l.id = t.legal_id"
    " LEFT JOIN act a ON a.id = l.act_id WHERE t.id = ?1",
    "SELECT lang, text, NULL, NULL FROM text_fts WHERE rowid = ?1",
    "SELECT lang, text, status, term_type, geo, working, valid_from, valid_to FROM term"
    " WHERE concept_id = ?1 AND legal_id IS NULL ORDER BY ord",
    "SELECT d.lang, d.text, s.citation, d.basis, d.valid_from, d.valid_to FROM definition d"
    " LEFT JOIN source s ON s.id = d.source_id WHERE d.concept_id = ?1 ORDER BY d.ord",
    "SELECT lang, type, text FROM note WHERE concept_id = ?1 ORDER BY ord",
    "SELECT t.id, c.id FROM concept c LEFT JOIN term t ON t.concept_id = c.id"
    " WHERE c.xml_id = ?1 ORDER BY t.status != 'preferred', t.lang != 'ru', t.ord LIMIT 1",
    /* the national definitions of a concept or notion (national.c) */
    "SELECT l.xml_id, a.state, a.xml_id, coalesce((SELECT text FROM act_title WHERE act_id = a.id"
    " AND lang = l.lang ORDER BY ord LIMIT 1), (SELECT text FROM act_title WHERE act_id = a.id"
    " ORDER BY ord LIMIT 1)), a.number, a.adopted, l.article, l.lang, l.term, l.text, l.target,"
    " l.relation, l.reliability, l.version, l.url, l.translation, l.note FROM legal_definition l"
    " JOIN act a ON a.id = l.act_id WHERE l.target = ?1 ORDER BY a.state, a.ord, l.ord",
    "SELECT label, lang FROM notion WHERE xml_id = ?1",
    "SELECT a.lang, a.quote, s.citation FROM attestation a LEFT JOIN source s"
    " ON s.id = a.source_id WHERE a.concept_id = ?1 ORDER BY a.id",
    "SELECT x.type, x.target, coalesce((SELECT t.text FROM concept c JOIN term t"
    " ON t.concept_id = c.id WHERE c.xml_id = x.target AND t.lang = ?2 AND t.legal_id IS NULL"
    " ORDER BY t.status <> 'preferred', t.ord LIMIT 1), x.label) FROM xref x"
    " WHERE x.concept_id = ?1 ORDER BY x.id",
    "SELECT translit, lang FROM term WHERE norm = ?1 AND translit IS NOT NULL",
};

int glossa__step_end(glossa_db *db, sqlite3_stmt *st, int rc, glossa_error *err)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc == SQLITE_NOMEM)
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    return glossa__error_sqlite(err, db->sql, rc, db->path, "lookup failed");
}

/* ---- an open index (store_int.h) --------------------------------------------------- */

int glossa_db_open(glossa_db **out, const char *path, glossa_error *err)
{
    glossa_db *db;
    int rc, i;

    if (!path || !*path)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0, "empty database path");
    db = glossa__calloc(1, sizeof *db);
    if (!db || !(db->path = glossa__strdup(path))) {
        glossa__free(db);
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    }
    db->rd.path = db->path;
    rc = glossa__store_open_index(&db->sql, path, 0, &db->budget, err);
    /* An index is read, never written, and is replaced by rename (a new
    ** file), so pages are read through a memory map rather than a read()
    ** per page; a larger cache keeps the FTS5 structure records. */
    if (!rc)
        sqlite3_exec(db->sql, "PRAGMA mmap_size=2147483648; PRAGMA cache_size=-8192;", NULL, NULL,
                     NULL);
    for (i = 0; !rc && i < Q_COUNT; i++) {
        int src = sqlite3_prepare_v3(db->sql, queries[i], -1, SQLITE_PREPARE_PERSISTENT,
                                     &db->q[i], NULL);
        /* the schema is glossa's: SQL of this build that does not prepare
        ** means damage (FTS5 says "vtable constructor failed") */
        if (src != SQLITE_OK && (rc = glossa__error_sqlite(err, db->sql, src, path,
                                                           "cannot read the index")) == GLOSSA_ERROR)
            rc = glossa__damaged(err, path, "cannot read it: %s", sqlite3_errmsg(db->sql));
    }
    /* the lookup's keys share the memo of Chinese texts already folded
    ** with the connection's tokenizers */
    if (!rc)
        rc = glossa__keys_new_han(&db->keys, glossa__fts_han(db->sql), err);
    if (rc) {
        glossa_db_close(db);
        return rc;
    }
    *out = db;
    return 0;
}

void glossa_db_close(glossa_db *db)
{
    int i;
    if (!db)
        return;
    for (i = 0; i < Q_COUNT; i++)
        sqlite3_finalize(db->q[i]);
    sqlite3_close(db->sql);
    glossa__keys_free(db->keys);
    glossa__free(db->path);
    glossa__free(db);
}

int glossa_db_built_at(glossa_db *db, long long *when, glossa_error *err)
{
    char v[64];
    struct tm tm;
    int n = 0, rc;
    *when = 0;
    if ((rc = meta_get(glossa__db_sql(db), db->path, "built_at", v, sizeof v, err)))
        return rc;
    memset(&tm, 0, sizeof tm);
    if (sscanf(v, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
               &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 || v[n] != '\0')
        return 0; /* as index.c writes it, or none */
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    *when = (long long)timegm(&tm);
    return 0;
}

sqlite3 *glossa__db_sql(glossa_db *db)
{
    glossa__budget_reset(&db->budget, GLOSSA_BUDGET_WHOLE);
    return db->sql;
}

void glossa__db_begin(glossa_db *db)
{
    glossa__budget_reset(&db->budget, GLOSSA_BUDGET_LOOKUP);
    db->rd.damaged = 0;
}

int glossa__db_end(glossa_db *db, int rc, glossa_error *err)
{
    if (db->rd.damaged && rc != GLOSSA_ENOMEM) {
        if (err)
            *err = db->rd.err;
        return db->rd.err.code;
    }
    return rc;
}

int glossa__fts_string(struct glossa_buf *q, const char *s, size_t n, int star)
{
    size_t i;
    if (glossa__buf_adds(q, q->len ? " \"" : "\""))
        return GLOSSA_ENOMEM;
    for (i = 0; i < n; i++)
        if (glossa__buf_add(q, s + i, 1) || (s[i] == '"' && glossa__buf_add(q, "\"", 1)))
            return GLOSSA_ENOMEM;
    return glossa__buf_adds(q, star ? "\"*" : "\"");
}

const char *glossa__db_path(glossa_db *db)
{
    return db->path;
}
