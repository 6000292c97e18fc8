/*
** glossa.h — the one public header of libglossa, the multilingual terminology
** engine behind the `glossa` command.
**
** It declares opaque handles (glossa_db, glossa_results), versioned option
** structs, read-only result records and the error API. The library never prints
** and never exits: every fallible call returns 0 or a negative GLOSSA_E* code and
** fills a caller-owned glossa_error. The error struct is written only on failure.
**
** Memory: every function says who owns what it returns. Strings inside result
** records are borrowed from the glossa_results that holds them.
*/
#ifndef GLOSSA_H
#define GLOSSA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GLOSSA_VERSION "0.1.0"

/* ---- errors ------------------------------------------------------------ */

enum glossa_code {
    GLOSSA_OK = 0,
    GLOSSA_ERROR = -1,     /* anything unexpected */
    GLOSSA_ENOTFOUND = -2, /* a file, concept or database does not exist */
    GLOSSA_EINPUT = -3,    /* bad user data: malformed XML, bad query option */
    GLOSSA_ESCHEMA = -4,   /* well-formed input that breaks the encoding rules */
    GLOSSA_EIO = -5,       /* read/write failure, disk full, permissions */
    GLOSSA_ENOMEM = -6,    /* an allocation failed */
    GLOSSA_ECORRUPT = -7,  /* database damaged or built by an incompatible build */
    GLOSSA_EBUSY = -8      /* another process holds the index lock */
};

#define GLOSSA_ERROR_SIZE 512
#define GLOSSA_PATH_SIZE 1024

/* A diagnostic. Fixed-size buffers so that reporting works without allocating.
** file is empty and line/column are 0 when they do not apply. */
typedef struct glossa_error {
    int code;                     /* one of enum glossa_code */
    char file[GLOSSA_PATH_SIZE];  /* input file the message is about */
    long line;                    /* 1-based, 0 when unknown */
    long column;                  /* 1-based, 0 when unknown */
    char msg[GLOSSA_ERROR_SIZE];  /* lower-case, no trailing full stop */
} glossa_error;

/* Static, human-readable name of a code ("input error", …). Never NULL. */
const char *glossa_strerror(int code);

/* ---- library lifetime -------------------------------------------------- */

/* Set up ICU, SQLite and libxml2 once per process (idempotent). It installs
** the entity-loader policy that keeps XML parsing off the network and off the
** file system. Call before anything else. */
int glossa_global_init(glossa_error *err);

/* Release the global state of the C libraries; call once, at process end. */
void glossa_global_shutdown(void);

/* Static version strings: glossa's own, and the ICU/SQLite/libxml2 in use. */
const char *glossa_version(void);
const char *glossa_icu_version(void);
const char *glossa_sqlite_version(void);
const char *glossa_libxml2_version(void);

/* ---- validation and indexing ------------------------------------------- */

/* Called for every diagnostic found while reading TEI (errors and warnings).
** The record is borrowed for the duration of the call. */
typedef void (*glossa_diag_fn)(const glossa_error *diag, void *userdata);

typedef struct glossa_index_stats {
    unsigned long files;
    unsigned long concepts;
    unsigned long terms;
    unsigned long definitions;
    unsigned long errors;
} glossa_index_stats;

/* Called now and then during a long run; done/total are input bytes. */
typedef void (*glossa_progress_fn)(const glossa_index_stats *so_far,
                                   unsigned long long done,
                                   unsigned long long total, void *userdata);

#define GLOSSA_INDEX_OPTS_VERSION 1
typedef struct glossa_index_opts {
    unsigned version;             /* GLOSSA_INDEX_OPTS_VERSION */
    glossa_diag_fn on_diag;       /* optional: every diagnostic */
    glossa_progress_fn on_progress; /* optional */
    void *userdata;               /* passed to the callbacks */
    unsigned max_errors;          /* stop collecting after this many (0: 50) */
} glossa_index_opts;
#define GLOSSA_INDEX_OPTS_INIT { GLOSSA_INDEX_OPTS_VERSION, NULL, NULL, NULL, 0 }

/* Read and check TEI term-base files without writing anything. inputs are
** files or directories (every *.xml below a directory, sorted by name).
** Returns 0 when everything is valid, GLOSSA_EINPUT/ESCHEMA with err set to the
** first problem otherwise; all problems go to opts->on_diag. stats may be NULL. */
int glossa_validate(const char *const *inputs, size_t n_inputs,
                    const glossa_index_opts *opts, glossa_index_stats *stats,
                    glossa_error *err);

/* Validate inputs and build the database at db_path. The new database is built
** beside db_path and renamed into place only when complete and verified: on any
** failure, or if the process is killed, the previous database is untouched.
** A second concurrent index of the same db_path fails with GLOSSA_EBUSY. */
int glossa_index(const char *db_path, const char *const *inputs,
                 size_t n_inputs, const glossa_index_opts *opts,
                 glossa_index_stats *stats, glossa_error *err);

/* ---- database and lookup ------------------------------------------------ */

typedef struct glossa_db glossa_db;

/* Open an index read-only.
** @param[out] out  new handle; caller frees with glossa_db_close() */
int glossa_db_open(glossa_db **out, const char *path, glossa_error *err);

/* Close a handle; accepts NULL. */
void glossa_db_close(glossa_db *db);

/* How a result matched, best first. */
typedef enum glossa_match_kind {
    GLOSSA_MATCH_EXACT = 0,      /* the term as stored, byte for byte */
    GLOSSA_MATCH_NORMALIZED = 1, /* equal after case folding, NFKC and script folds */
    GLOSSA_MATCH_STEM = 2,       /* equal, or containing every word, after stemming */
    GLOSSA_MATCH_TRANSLIT = 3,   /* equal in Latin transliteration (or pinyin) */
    GLOSSA_MATCH_PREFIX = 4,     /* every query word begins a word of the term */
    GLOSSA_MATCH_FUZZY = 5,      /* within a small edit distance (typos) */
    GLOSSA_MATCH_FULLTEXT = 6,   /* the words occur in a definition or note */
    GLOSSA_MATCH_FTS = 7         /* an FTS5 query written by the user (--mode fts) */
} glossa_match_kind;

/* Static name of a match kind: "exact", "normalized", "stem", "translit",
** "prefix", "fuzzy", "fulltext", "fts". */
const char *glossa_match_kind_name(glossa_match_kind kind);

/* Which matching to do. AUTO tries exact, normalized, stem, translit and
** prefix, ranked in that order, and fuzzy only when none of them matched. */
typedef enum glossa_mode {
    GLOSSA_MODE_AUTO = -1,
    GLOSSA_MODE_EXACT = GLOSSA_MATCH_EXACT,
    GLOSSA_MODE_NORMALIZED = GLOSSA_MATCH_NORMALIZED,
    GLOSSA_MODE_STEM = GLOSSA_MATCH_STEM,
    GLOSSA_MODE_TRANSLIT = GLOSSA_MATCH_TRANSLIT,
    GLOSSA_MODE_PREFIX = GLOSSA_MATCH_PREFIX,
    GLOSSA_MODE_FUZZY = GLOSSA_MATCH_FUZZY,
    GLOSSA_MODE_FULLTEXT = GLOSSA_MATCH_FULLTEXT,
    GLOSSA_MODE_FTS = GLOSSA_MATCH_FTS
} glossa_mode;

/* Parse "auto", "exact", … "fts". Returns 0, or GLOSSA_EINPUT for other names. */
int glossa_mode_parse(const char *name, glossa_mode *out);

#define GLOSSA_LOOKUP_OPTS_VERSION 1
typedef struct glossa_lookup_opts {
    unsigned version;   /* GLOSSA_LOOKUP_OPTS_VERSION */
    const char *from;   /* only match terms in these languages (BCP 47 prefixes, comma-separated), or NULL */
    const char *to;     /* comma-separated languages to show, or NULL for all */
    unsigned limit;     /* at most this many concepts (0: 10) */
    glossa_mode mode;   /* GLOSSA_MODE_AUTO unless forced */
    int in_definitions; /* search definitions and notes (full text) instead of terms */
} glossa_lookup_opts;
#define GLOSSA_LOOKUP_OPTS_INIT { GLOSSA_LOOKUP_OPTS_VERSION, NULL, NULL, 0, GLOSSA_MODE_AUTO, 0 }

/* A byte range [start, end) of a string. */
typedef struct glossa_span {
    size_t start, end;
} glossa_span;

typedef struct glossa_term {
    const char *lang;       /* BCP 47 */
    const char *text;
    const char *status;     /* "preferred", "admitted" or "deprecated" */
    const char *term_type;  /* "abbreviation", … or NULL */
    const char *geo;        /* ISO 3166 region of use (national law), or NULL */
    int working;            /* 1 when a working translation, not official wording */
} glossa_term;

typedef struct glossa_definition {
    const char *lang;
    const char *text;
    const char *source;     /* human-readable citation */
    const char *basis;      /* "official", "reconstruction" or "working-translation" */
} glossa_definition;

typedef struct glossa_note {
    const char *lang;
    const char *type;       /* "reliability", "editorial" or "usage" */
    const char *text;
} glossa_note;

typedef struct glossa_hit {
    const char *id;          /* the concept's xml:id */
    double score;            /* higher is better; comparable within one result set */
    int reliability;         /* 1 not verified … 4 very reliable */
    const char *status;      /* "in-force", "proposed" or "withdrawn" */
    const char *instrument;  /* human-readable citation of where the concept comes from */
    glossa_match_kind how;
    const char *match_lang;  /* the term (or, for fulltext, the definition) that matched */
    const char *match_text;
    const glossa_span *highlights; size_t n_highlights; /* matched words in match_text */
    const glossa_term *terms;             size_t n_terms;
    const glossa_definition *definitions; size_t n_definitions;
    const glossa_note *notes;             size_t n_notes;
} glossa_hit;

typedef struct glossa_results glossa_results;

/* Find concepts by any of their terms. Best match first.
** @param[out] out  new result set (possibly empty); caller frees with
**                  glossa_results_free(). Not set on failure. */
int glossa_lookup(glossa_db *db, const char *query,
                  const glossa_lookup_opts *opts, glossa_results **out,
                  glossa_error *err);

size_t glossa_results_count(const glossa_results *res);

/* @return borrowed pointer, valid until glossa_results_free(res) */
const glossa_hit *glossa_results_get(const glossa_results *res, size_t i);

/* Free a result set; accepts NULL. */
void glossa_results_free(glossa_results *res);

/* ---- comparing two versions of the term base ---------------------------------- */

typedef enum glossa_change_kind {
    GLOSSA_CHANGE_ADDED,     /* the concept is new */
    GLOSSA_CHANGE_REMOVED,   /* the concept is gone */
    GLOSSA_CHANGE_MODIFIED,  /* same id, something in it changed */
    GLOSSA_CHANGE_RENAMED    /* different id, same content (old_id → id) */
} glossa_change_kind;

/* Static name: "added", "removed", "modified", "renamed". */
const char *glossa_change_kind_name(glossa_change_kind kind);

typedef enum glossa_edit_op { GLOSSA_EDIT_SAME, GLOSSA_EDIT_DEL, GLOSSA_EDIT_INS } glossa_edit_op;

/* One piece of a word-level redline. */
typedef struct glossa_edit {
    glossa_edit_op op;
    const char *text;
} glossa_edit;

/* One changed field of a concept. */
typedef struct glossa_field_change {
    const char *field;      /* "term", "definition", "status", "reliability" */
    const char *lang;       /* the language of a term or definition, else NULL */
    const char *old_value;  /* NULL when the field was added */
    const char *new_value;  /* NULL when the field was removed */
    const char *old_status, *new_status; /* terms: preferred/admitted/deprecated */
    const glossa_edit *redline; size_t n_redline; /* definitions: word by word */
} glossa_field_change;

typedef struct glossa_concept_change {
    glossa_change_kind kind;
    const char *id;         /* the concept's id (in NEW; in OLD for removed) */
    const char *old_id;     /* for renamed: the id in OLD; else the same as id */
    const glossa_field_change *fields; size_t n_fields;
} glossa_concept_change;

typedef struct glossa_diff glossa_diff;

/* Compare two versions of the term base (each a list of TEI files or
** directories, read and validated as by glossa_index). Concepts are matched
** by xml:id; a removed and an added concept with the same terms and
** definitions are reported as one rename. Definitions get a word-level
** redline (ICU word boundaries, Myers' diff).
** @param[out] out  new diff; caller frees with glossa_diff_free() */
int glossa_diff_new(glossa_diff **out, const char *const *old_inputs, size_t n_old,
                    const char *const *new_inputs, size_t n_new,
                    const glossa_index_opts *opts, glossa_error *err);
size_t glossa_diff_count(const glossa_diff *d);
/* @return borrowed pointer, valid until glossa_diff_free(d) */
const glossa_concept_change *glossa_diff_get(const glossa_diff *d, size_t i);
void glossa_diff_free(glossa_diff *d);

/* ---- the draft protocol ------------------------------------------------------------- */

typedef enum glossa_doc_format {
    GLOSSA_FORMAT_MD, GLOSSA_FORMAT_HTML, GLOSSA_FORMAT_DOCX, GLOSSA_FORMAT_TEI
} glossa_doc_format;

/* Parse "md", "html", "docx", "tei". Returns 0 or GLOSSA_EINPUT. */
int glossa_doc_format_parse(const char *name, glossa_doc_format *out);

#define GLOSSA_PROTOCOL_OPTS_VERSION 1
typedef struct glossa_protocol_opts {
    unsigned version;        /* GLOSSA_PROTOCOL_OPTS_VERSION */
    const char *lang;        /* "ru", "zh" or "en" */
    glossa_doc_format format;
    int whole;               /* restate the whole annex (SCO habit) instead of entry by entry */
    int table;               /* add the comparative table (current / proposed wording) */
    int table_only;          /* only the comparative table */
    const char *template_path; /* a template file instead of the built-in one, or NULL */
} glossa_protocol_opts;
#define GLOSSA_PROTOCOL_OPTS_INIT { GLOSSA_PROTOCOL_OPTS_VERSION, "ru", GLOSSA_FORMAT_MD, 0, 0, 0, NULL }

/* Render the draft protocol that turns OLD into NEW, in one language and
** format. Deterministic: the same inputs give the same bytes.
** @param[out] out      new buffer (not NUL-terminated for DOCX); caller frees
**                      with glossa_free()
** @param[out] out_len  its length in bytes */
int glossa_protocol_render(const glossa_diff *d, const glossa_protocol_opts *opts,
                           char **out, size_t *out_len, glossa_error *err);

/* Free memory that a glossa_* function handed over; accepts NULL. */
void glossa_free(void *p);

/* ---- search-quality evaluation ------------------------------------------------ */

/* Aggregates of one group of evaluation queries (all, one language, one kind). */
typedef struct glossa_eval_group {
    const char *name;    /* "all", a language tag or a query kind */
    unsigned queries;
    unsigned top1;       /* expected concept ranked first (kind prefix: anywhere) */
    double mrr;          /* mean reciprocal rank (0 when not in the results) */
} glossa_eval_group;

/* A query whose expected concept did not come first. */
typedef struct glossa_eval_miss {
    long line;
    const char *query, *expect, *kind, *lang;
    int rank;            /* 0: not among the results */
    const char *got;     /* id of the first result, or NULL */
    const char *expect_id; /* NULL when no concept has that Russian term */
} glossa_eval_miss;

typedef struct glossa_eval_report glossa_eval_report;

/* Run the queries of a TSV file (columns query, expect, kind, lang; header
** line first; expect is the Russian preferred term of the concept that must
** come first) against db with default lookup options.
** @param[out] out  new report; caller frees with glossa_eval_free() */
int glossa_eval(glossa_db *db, const char *tsv_path, glossa_eval_report **out,
                glossa_error *err);

/* Groups of the report: by 0 all (one group), 1 language, 2 kind.
** @return borrowed array, valid until glossa_eval_free(r) */
const glossa_eval_group *glossa_eval_groups(const glossa_eval_report *r, int by, size_t *n);

/* @return borrowed array of misses, valid until glossa_eval_free(r) */
const glossa_eval_miss *glossa_eval_misses(const glossa_eval_report *r, size_t *n);

/* Free a report; accepts NULL. */
void glossa_eval_free(glossa_eval_report *r);

/* ---- text helpers for front ends ------------------------------------------- */

/* Columns that UTF-8 text takes on a terminal (East Asian wide = 2,
** combining marks = 0). Invalid bytes count 1. */
size_t glossa_text_width(const char *utf8, size_t len);

/* Edit distance between two UTF-8 strings, counted in code points: one for
** an insertion, a deletion, a substitution or a swap of neighbours (optimal
** string alignment). Only the first 64 code points of each are compared. */
size_t glossa_edit_distance(const char *a, const char *b);

/* 1 when tag is a BCP 47 tag glossa accepts (a member language, optional
** script and region subtags), 0 otherwise. */
int glossa_lang_is_valid(const char *tag);

#ifdef __cplusplus
}
#endif
#endif /* GLOSSA_H */
