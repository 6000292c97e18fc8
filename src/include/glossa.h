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
    GLOSSA_EBUSY = -8,     /* another process holds the index lock */
    GLOSSA_WARNING = 1     /* only in diagnostics: a warning, not an error */
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

/* The time glossa writes as its own (an index's build time, a proposal's
** default date): SOURCE_DATE_EPOCH (seconds since 1970, UTC) when it is set,
** so that the same inputs give the same bytes (reproducible-builds.org), else
** the clock. Returns 0 with *out, or GLOSSA_EINPUT with err naming the
** variable when it is set to anything but a whole number of seconds up to
** year 9999. */
int glossa_time_now(long long *out, glossa_error *err);

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
    unsigned long legal_definitions;  /* of national acts (glossary/national/) */
} glossa_index_stats;

/* Called now and then during a long run; done/total are input bytes. */
typedef void (*glossa_progress_fn)(const glossa_index_stats *so_far,
                                   unsigned long long done,
                                   unsigned long long total, void *userdata);

#define GLOSSA_INDEX_OPTS_VERSION 2
typedef struct glossa_index_opts {
    unsigned version;             /* GLOSSA_INDEX_OPTS_VERSION (1: without force) */
    glossa_diag_fn on_diag;       /* optional: every diagnostic */
    glossa_progress_fn on_progress; /* optional */
    void *userdata;               /* passed to the callbacks */
    unsigned max_errors;          /* stop collecting after this many (0: 50) */
    int force;                    /* glossa_index: replace a file that is not a glossa index */
} glossa_index_opts;
#define GLOSSA_INDEX_OPTS_INIT { GLOSSA_INDEX_OPTS_VERSION, NULL, NULL, NULL, 0, 0 }

/* Read and check TEI term-base files without writing anything. inputs are
** files or directories (every *.xml below a directory, sorted by name).
** Returns 0 when everything is valid, GLOSSA_EINPUT/ESCHEMA with err set to the
** first problem otherwise; all problems go to opts->on_diag. stats may be NULL. */
int glossa_validate(const char *const *inputs, size_t n_inputs,
                    const glossa_index_opts *opts, glossa_index_stats *stats,
                    glossa_error *err);

/* Validate inputs and build the database at db_path. The new database is built
** beside db_path (a symbolic link is followed: its target is replaced) and
** renamed into place only when complete and verified, as glossa_outfile_open()
** says: on any failure, or if the process is killed, the previous database is
** untouched. A file at db_path that is neither empty nor a glossa index (or
** the remains of one) is kept and the call fails with GLOSSA_EINPUT, unless
** opts->force. The lock <db_path>.lock is an flock() that dies with its holder:
** a second concurrent index of the same database fails with GLOSSA_EBUSY. */
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

/* Check the index at path thoroughly: it opens as by glossa_db_open(), passes
** SQLite's integrity check, holds the numbers of concepts and terms recorded
** when it was built, and (when the file is writable) passes the FTS5
** integrity checks. Reads the whole file; nothing is written. counts, if not
** NULL, receives what the index says it holds ("54 concepts, …").
** Returns 0, or GLOSSA_ECORRUPT (or the error of glossa_db_open) with err
** saying what is wrong. */
int glossa_db_check(const char *path, char *counts, size_t counts_size, glossa_error *err);

/* When the index was built: the time `glossa index` recorded (its clock at
** the start, or SOURCE_DATE_EPOCH), in seconds since 1970 (UTC) into *when;
** 0 when it records none. Returns 0 or an error code. */
int glossa_db_built_at(glossa_db *db, long long *when, glossa_error *err);

/* How a result matched, best first. */
typedef enum glossa_match_kind {
    GLOSSA_MATCH_EXACT = 0,      /* the term as stored, byte for byte */
    GLOSSA_MATCH_NORMALIZED = 1, /* equal after case folding, NFKC and script folds */
    GLOSSA_MATCH_STEM = 2,       /* equal, or containing every word, after stemming */
    GLOSSA_MATCH_TRANSLIT = 3,   /* equal in Latin transliteration (or pinyin) */
    GLOSSA_MATCH_PREFIX = 4,     /* every query word begins a word of the term */
    GLOSSA_MATCH_FUZZY = 5,      /* within a small edit distance (typos) */
    GLOSSA_MATCH_FULLTEXT = 6,   /* the words occur in a definition or note */
    GLOSSA_MATCH_FTS = 7,        /* an FTS5 query written by the user (--mode fts) */
    GLOSSA_MATCH_LAYOUT = 8,     /* typed with the keyboard in another layout */
    GLOSSA_MATCH_WITHIN = 9      /* a term inside a longer query (a phrase, a sentence) */
} glossa_match_kind;

/* Static name of a match kind: "exact", "normalized", "stem", "translit",
** "prefix", "fuzzy", "fulltext", "fts", "layout". */
const char *glossa_match_kind_name(glossa_match_kind kind);

/* Which matching to do. AUTO tries exact, normalized, stem, translit and
** prefix, ranked in that order, and fuzzy only when none of them matched;
** then, when nothing matched (or only a prefix or fuzzy match of a query
** that looks mistyped), the query read in the other keyboard layouts
** (layout), its matches ranked as their kind, after the query's own. */
typedef enum glossa_mode {
    GLOSSA_MODE_AUTO = -1,
    GLOSSA_MODE_EXACT = GLOSSA_MATCH_EXACT,
    GLOSSA_MODE_NORMALIZED = GLOSSA_MATCH_NORMALIZED,
    GLOSSA_MODE_STEM = GLOSSA_MATCH_STEM,
    GLOSSA_MODE_TRANSLIT = GLOSSA_MATCH_TRANSLIT,
    GLOSSA_MODE_PREFIX = GLOSSA_MATCH_PREFIX,
    GLOSSA_MODE_FUZZY = GLOSSA_MATCH_FUZZY,
    GLOSSA_MODE_FULLTEXT = GLOSSA_MATCH_FULLTEXT,
    GLOSSA_MODE_FTS = GLOSSA_MATCH_FTS,
    GLOSSA_MODE_LAYOUT = GLOSSA_MATCH_LAYOUT,
    GLOSSA_MODE_WITHIN = GLOSSA_MATCH_WITHIN
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
    const char *as_of;  /* YYYY-MM-DD: the wordings in force that day (NULL: today) */
    int history;        /* show every wording, earlier ones included (with their dates) */
} glossa_lookup_opts;
#define GLOSSA_LOOKUP_OPTS_INIT { GLOSSA_LOOKUP_OPTS_VERSION, NULL, NULL, 0, GLOSSA_MODE_AUTO, 0, NULL, 0 }

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
    const char *valid_from, *valid_to; /* time in force (YYYY-MM-DD), NULL when open */
} glossa_term;

typedef struct glossa_definition {
    const char *lang;
    const char *text;
    const char *source;     /* human-readable citation */
    const char *basis;      /* "official", "reconstruction" or "working-translation" */
    const char *valid_from, *valid_to; /* time in force (YYYY-MM-DD), NULL when open */
} glossa_definition;

typedef struct glossa_note {
    const char *lang;
    const char *type;       /* "reliability", "editorial" or "usage" */
    const char *text;
} glossa_note;

/* A context: a sentence of a source that uses the concept's term (an
** attestation of the term base), quoted as the source prints it. */
typedef struct glossa_context {
    const char *lang;
    const char *text;
    const char *source;     /* human-readable citation, or NULL */
} glossa_context;

/* A cross-reference from the concept to another (<xr> of the term base). */
typedef struct glossa_xref {
    const char *type;       /* "related", "broader", "narrower" or "see" */
    const char *target;     /* the other concept's xml:id */
    const char *label;      /* how the term base names it, or NULL */
} glossa_xref;

/* A definition of a member state's national act (glossary/national/), quoted
** as the page it was read at prints it: statutory text, not glossa's words. */
typedef struct glossa_legal {
    const char *id;          /* the definition's xml:id */
    const char *state;       /* ISO 3166-1 alpha-2 */
    const char *act_id;      /* the act's xml:id */
    const char *act;         /* its title, in the definition's language when it has one */
    const char *number;      /* as printed (418-V, 149-ФЗ), or NULL */
    const char *adopted;     /* date of adoption, or NULL */
    const char *article;     /* article and item, or NULL */
    const char *lang, *term, *text;
    const char *target;      /* the concept or notion it relates to (xml:id) */
    const char *relation;    /* what the national notion is to it: "same", "broader",
                                "narrower" or "related" */
    int reliability;         /* 1 … 4, IATE's scale */
    const char *version;     /* the edition read (YYYY-MM-DD), or NULL */
    const char *url;         /* where it was read */
    const char *translation; /* who translated it; NULL: the act's own text */
    const char *note;        /* NULL when none */
} glossa_legal;

typedef struct glossa_hit {
    const char *id;          /* the concept's xml:id */
    double score;            /* higher is better; comparable within one result set */
    int reliability;         /* 1 not verified … 4 very reliable */
    const char *status;      /* "in-force", "proposed", "agreed" or "withdrawn" */
    const char *instrument;  /* human-readable citation of where the concept comes from */
    glossa_match_kind how;
    const char *match_lang;  /* the term (or, for fulltext, the definition) that matched */
    const char *match_text;
    const glossa_span *highlights; size_t n_highlights; /* matched words in match_text */
    const glossa_term *terms;             size_t n_terms;
    const glossa_definition *definitions; size_t n_definitions;
    const glossa_note *notes;             size_t n_notes;
    /* the definitions of national acts that relate to this concept, by state */
    const glossa_legal *legal;            size_t n_legal;
    const char *match_state; /* the matched term is a term of this state's act, or NULL */
    int annex;               /* 1: a concept of annex 1 (instrument: the Agreement) */
    /* contexts in the languages asked for (else all), and cross-references */
    const glossa_context *contexts;       size_t n_contexts;
    const glossa_xref *xrefs;             size_t n_xrefs;
    /* how == GLOSSA_MATCH_WITHIN: the bytes [within_start, within_end) of the
    ** query where the term was found */
    size_t within_start, within_end;
    /* how == GLOSSA_MATCH_LAYOUT: the query was typed with the keyboard in
    ** layout_typed and is read in layout_read as layout_text (layouts by
    ** xkb's names: "us", "ru", "kz", "kg", "tj", "uz", "by"); else NULL */
    const char *layout_typed, *layout_read, *layout_text;
    /* match_state set: what the act's notion is to this concept ("same",
    ** "broader", "narrower", "related"; glossa_relation_label names it) */
    const char *match_relation;
} glossa_hit;

typedef struct glossa_results glossa_results;

/* The name of a keyboard layout of a hit's layout_typed or layout_read, as
** xkb names it ("us": "English (US)", "ru": "Russian"), or NULL. */
const char *glossa_layout_title(const char *layout);

/* Find concepts by any of their terms. Best match first.
** @param[out] out  new result set (possibly empty); caller frees with
**                  glossa_results_free(). Not set on failure. */
int glossa_lookup(glossa_db *db, const char *query,
                  const glossa_lookup_opts *opts, glossa_results **out,
                  glossa_error *err);

/* One concept by its xml:id, as a one-result set (how: exact, matched on its
** first term); opts->to, as_of and history apply. GLOSSA_ENOTFOUND when no
** concept has that id.
** @param[out] out  new result set; caller frees with glossa_results_free() */
int glossa_concept(glossa_db *db, const char *id, const glossa_lookup_opts *opts,
                   glossa_results **out, glossa_error *err);

/* The notions of the study (glossary/national/notions.xml, which are not
** concepts of the term base) whose national terms the query is, compared by
** stem key (inflected forms meet): at most 8, each as glossa_notion gives it.
** For a query lookup finds nothing for. GLOSSA_EINPUT for a query that is
** not UTF-8.
** @param[out] out  new result set (possibly empty); caller frees with
**                  glossa_results_free() */
int glossa_notion_lookup(glossa_db *db, const char *query, glossa_results **out,
                         glossa_error *err);

/* How a national definition's act is cited: "NUMBER «TITLE» (ADOPTED), ARTICLE"
** (the parts it has). @return new string; caller frees with glossa_free();
** NULL when out of memory. */
char *glossa_legal_cite(const glossa_legal *l);

/* A notion of the study of national legislation (glossary/national/notions.xml:
** one national definitions relate to that the term base lacks), as a
** one-result set: status "notion", its labels as terms, its national
** definitions in legal. GLOSSA_ENOTFOUND when no notion has that id.
** @param[out] out  new result set; caller frees with glossa_results_free() */
int glossa_notion(glossa_db *db, const char *id, glossa_results **out, glossa_error *err);

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

/* GLOSSA_FORMAT_AKN (Akoma Ntoso 3.0, OASIS LegalDocML) is written for the
** protocol alone: other documents refuse it with GLOSSA_EINPUT. */
typedef enum glossa_doc_format {
    GLOSSA_FORMAT_MD, GLOSSA_FORMAT_HTML, GLOSSA_FORMAT_DOCX, GLOSSA_FORMAT_TEI,
    GLOSSA_FORMAT_AKN
} glossa_doc_format;

/* Parse "md", "html", "docx", "tei", "akn". Returns 0 or GLOSSA_EINPUT. */
int glossa_doc_format_parse(const char *name, glossa_doc_format *out);

#define GLOSSA_PROTOCOL_OPTS_VERSION 3
typedef struct glossa_protocol_opts {
    unsigned version;        /* GLOSSA_PROTOCOL_OPTS_VERSION */
    const char *lang;        /* "ru", "zh" or "en" */
    glossa_doc_format format;
    int whole;               /* restate the whole annex (SCO habit) instead of entry by entry */
    int table;               /* add the comparative table (current / proposed wording) */
    int table_only;          /* only the comparative table */
    const char *template_path; /* a template file instead of the built-in one, or NULL */
    /* version 2: the proposals the changes come from, or NULL: the comparative
    ** table then names each change's proposal and state, and its rationale */
    const struct glossa_proposals *proposals;
    /* version 3: the draft's date (YYYY-MM-DD) that an Akoma Ntoso protocol
    ** records in its FRBR metadata, or NULL for SOURCE_DATE_EPOCH's day (UTC);
    ** with neither, GLOSSA_FORMAT_AKN is refused: no date is taken from the clock */
    const char *date;
} glossa_protocol_opts;
#define GLOSSA_PROTOCOL_OPTS_INIT { GLOSSA_PROTOCOL_OPTS_VERSION, "ru", GLOSSA_FORMAT_MD, 0, 0, 0, \
                                    NULL, NULL, NULL }

/* Render the draft protocol that turns OLD into NEW, in one language and
** format. Deterministic: the same inputs give the same bytes.
** GLOSSA_FORMAT_AKN: an Akoma Ntoso act, one textualMod per change; refused
** (GLOSSA_EINPUT, err naming the concepts) in Russian or Chinese when the two
** authentic texts would not carry the same changes, and with a table.
** @param[out] out      new buffer (not NUL-terminated for DOCX); caller frees
**                      with glossa_free()
** @param[out] out_len  its length in bytes */
int glossa_protocol_render(const glossa_diff *d, const glossa_protocol_opts *opts,
                           char **out, size_t *out_len, glossa_error *err);

/* ---- concordance of the authentic texts, and their correction -------------------------- */

/* What a concordance finding says (glossa_concord_kind_name gives its
** stable code: "missing-term", "missing-definition", "numbering",
** "one-language-change"). */
typedef enum glossa_concord_kind {
    GLOSSA_CONCORD_MISSING_TERM, GLOSSA_CONCORD_MISSING_DEFINITION, GLOSSA_CONCORD_NUMBERING,
    GLOSSA_CONCORD_ONE_LANGUAGE
} glossa_concord_kind;
const char *glossa_concord_kind_name(glossa_concord_kind kind);

/* Where the Russian and Chinese texts of one annex concept do not concord. */
typedef struct glossa_concord_finding {
    glossa_concord_kind kind;
    const char *concept;    /* the concept's xml:id */
    const char *file;       /* the TEI file of its <entry>, as read */
    long line;              /* the line of the <entry> */
    const char *lang;       /* "ru" or "zh": the text that lacks or changed it; NULL: both */
    const char *message;    /* in English: "no Chinese definition" */
} glossa_concord_finding;

typedef struct glossa_concordance glossa_concordance;

#define GLOSSA_CONCORDANCE_OPTS_VERSION 1
typedef struct glossa_concordance_opts {
    unsigned version;              /* GLOSSA_CONCORDANCE_OPTS_VERSION */
    /* the earlier version (TEI files or folders), or none: a change since it
    ** made in one authentic text and not the other is a finding */
    const char *const *since; size_t n_since;
    glossa_diag_fn on_diag;        /* optional: every problem in the input */
    void *userdata;
} glossa_concordance_opts;
#define GLOSSA_CONCORDANCE_OPTS_INIT { GLOSSA_CONCORDANCE_OPTS_VERSION, NULL, 0, NULL, NULL }

/* Check the concordance of the Russian and Chinese texts of annex 1 in a
** term base (TEI files or folders, read and validated as by glossa_index).
** An annex concept is one whose source is an instrument (the Agreement, a
** protocol) and whose status is not withdrawn. Each needs a preferred term
** and a definition in Russian and in Chinese ("zh", or zh-Hans; a
** Traditional zh-Hant or a pinyin zh-Latn text does not stand for the
** authentic one), with as
** many enumerated parts ("1) … 2) …", "а) …", "（一）…") in each definition.
** Cross-references are held once per concept, not per language: there is
** nothing to compare. Findings are in term-base order.
** @param[out] out  new result; caller frees with glossa_concordance_free() */
int glossa_concordance_new(glossa_concordance **out, const char *const *inputs, size_t n_inputs,
                           const glossa_concordance_opts *opts, glossa_error *err);
size_t glossa_concordance_count(const glossa_concordance *c);
/* @return borrowed pointer, valid until glossa_concordance_free(c) */
const glossa_concord_finding *glossa_concordance_get(const glossa_concordance *c, size_t i);
/* The annex concepts checked. */
size_t glossa_concordance_concepts(const glossa_concordance *c);
void glossa_concordance_free(glossa_concordance *c);

#define GLOSSA_CORRECTION_OPTS_VERSION 1
typedef struct glossa_correction_opts {
    unsigned version;              /* GLOSSA_CORRECTION_OPTS_VERSION */
    const char *lang;              /* "ru", "zh" or "en" (a working translation) */
    glossa_doc_format format;      /* md, html, docx or tei */
    const char *objections_by;     /* YYYY-MM-DD: the time-limit for objections (required) */
    /* the term base with the corrections made (TEI files or folders), or
    ** none: the corrected text is then said to be still to be established */
    const char *const *corrected; size_t n_corrected;
    glossa_diag_fn on_diag;        /* optional: problems in the corrected version */
    void *userdata;
} glossa_correction_opts;
#define GLOSSA_CORRECTION_OPTS_INIT { GLOSSA_CORRECTION_OPTS_VERSION, "ru", GLOSSA_FORMAT_MD, \
                                      NULL, NULL, 0, NULL, NULL }

/* The depositary's notification of the corrections proposed to the
** authentic texts (Vienna Convention art. 79) from c's findings: each
** concept by its term in the document's language, its text as it stands and
** as corrected, the time-limit for objections, and the procès-verbal of
** rectification (the corrected text replaces the defective one ab initio; it
** is no amendment). Deterministic; dates only from opts.
** GLOSSA_ENOTFOUND (err naming no file) when there is nothing to correct:
** the texts concord, or the corrected version amends the annex (changes a
** concept that concorded, takes one out or adds one: that needs a
** protocol), or its corrected text still does not concord (the concepts are
** named). A concept it leaves as it was keeps "to be established".
** @param[out] out      new buffer; caller frees with glossa_free()
** @param[out] out_len  its length in bytes */
int glossa_correction_render(const glossa_concordance *c, const glossa_correction_opts *opts,
                             char **out, size_t *out_len, glossa_error *err);

/* Free memory that a glossa_* function handed over; accepts NULL. */
void glossa_free(void *p);

/* ---- proposals from the member states --------------------------------------------- */

/* One change of a proposal: a new concept, or the new wording of one. */
typedef struct glossa_proposal_change {
    const char *proposal;   /* the proposal's id, e.g. "KZ-2026-1" */
    const char *state;      /* ISO 3166 alpha-2 code of the proposing state */
    const char *authority;  /* its competent authority */
    const char *date;       /* YYYY-MM-DD */
    const char *round;      /* the round it belongs to, or NULL */
    const char *file;       /* the proposal file */
    long line;              /* of the <entry> */
    const char *id;         /* the concept's xml:id */
    const char *kind;       /* "new", "amend" or "delete" */
    const char *hash;       /* 16 hex digits of the change's content (terms, definitions) */
} glossa_proposal_change;

typedef struct glossa_proposals glossa_proposals;

/* Read and validate proposal files (TEI, see schema/README.md); problems go
** to on_diag. Returns GLOSSA_EINPUT/ESCHEMA when a file is invalid.
** @param[out] out  new set; caller frees with glossa_proposals_free() */
int glossa_proposals_load(glossa_proposals **out, const char *const *files, size_t n,
                          glossa_diag_fn on_diag, void *userdata, glossa_error *err);
size_t glossa_proposals_count(const glossa_proposals *p);
/* @return borrowed, valid until glossa_proposals_free(p) */
const glossa_proposal_change *glossa_proposals_get(const glossa_proposals *p, size_t i);
void glossa_proposals_free(glossa_proposals *p);

/* What glossa_propose() writes. */
typedef struct glossa_propose_opts {
    unsigned version;            /* GLOSSA_PROPOSE_OPTS_VERSION */
    const char *state;           /* the proposing state, ISO 3166 alpha-2 in capitals (required) */
    const char *const *langs;    /* languages besides ru and zh (terms and definitions to fill in) */
    size_t n_langs;
    const char *id;              /* a new concept's id after the state prefix (NULL: new-concept) */
    const char *amend;           /* the concept to amend, or NULL for a new concept */
    const char *const *base;     /* the term base (TEI files or folders) that holds amend, or
                                    the study (glossary/national/) that holds from_law */
    size_t n_base;
    const char *round;           /* the round, or NULL */
    const char *date;            /* YYYY-MM-DD (required) */
    glossa_diag_fn on_diag;      /* problems in the term base; may be NULL */
    void *userdata;
    int deletion;                /* (version 2) nonzero: amend is the concept to delete */
    /* (version 3) the member states: the header names the body that the
    ** state's law names for information security, with its source (none
    ** when NULL or when no source names one) */
    const struct glossa_states *states;
    /* (version 3) a new concept from a national definition of the study:
    ** "ACT:ITEM" or "ITEM", the xml:ids of the act and of its
    ** <entryFree type="legal-definition">, read from base (glossary/national/) */
    const char *from_law;
} glossa_propose_opts;
#define GLOSSA_PROPOSE_OPTS_VERSION 3
#define GLOSSA_PROPOSE_OPTS_INIT { GLOSSA_PROPOSE_OPTS_VERSION, NULL, NULL, 0, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, 0, NULL, NULL }

/* A proposal skeleton (TEI, schema/README.md) for o->state to fill in: the
** header (authority, proposal id, date, round, the national act), and one
** entry. A new concept: terms and definitions in ru, zh and o->langs to fill
** in. An amendment (o->amend): the entry as it stands in the term base o->base
** (every current term and definition with its source, notes, cross-references,
** n), plus what o->langs adds, to be changed where the proposal changes it;
** an id that the term base does not have is GLOSSA_EINPUT naming the closest.
** A deletion (o->amend with o->deletion): the entry as it stands, to leave
** as it is, and a rationale to fill in. A new concept from a national
** definition (o->from_law): its term and its definition in the act's
** language (marked, by a <cit>, as quoted from the act), the act with its
** article, edition and address as the header's national act, the rest to
** fill in; GLOSSA_EINPUT when o->base has no such definition (naming the
** closest), it is of another act, or of another state's act than o->state.
** @param[out] out  new buffer, NUL-terminated; caller frees with glossa_free() */
int glossa_propose(const glossa_propose_opts *o, char **out, glossa_error *err);

/* ---- the member states (glossary/states/member-states.xml) ------------------------ */

/* A member state, from data (src/lib/states.c), never from the code. */
typedef struct glossa_state {
    const char *code;       /* ISO 3166-1 alpha-2, in capitals: "KZ" */
    const char *name_en, *name_ru, *name_zh;
    const char *authority;  /* its competent authority for terminology; NULL: not yet named */
    /* the body its law (or an SCO document) names for information security,
    ** as the source prints it, with that source; all NULL when none is named */
    const char *security_body;
    const char *security_body_lang;
    const char *security_body_source; /* act, article */
    const char *security_body_url;
    const char *security_body_quote;  /* the sentence that names it */
    int security_body_reliability;    /* of that source, 1 … 4 (IATE's scale); 0 when none */
} glossa_state;

typedef struct glossa_states glossa_states;

/* Read and check the list of member states (a TEI listOrg, schema/README.md).
** @param[out] out  caller frees with glossa_states_free() */
int glossa_states_load(glossa_states **out, const char *path, glossa_error *err);
size_t glossa_states_count(const glossa_states *s);
/* @return borrowed, valid until glossa_states_free(s) */
const glossa_state *glossa_states_get(const glossa_states *s, size_t i);
/* The state of ISO 3166-1 alpha-2 code, in any case ("kz" finds KZ); NULL
** when it is no member state. */
const glossa_state *glossa_states_find(const glossa_states *s, const char *code);
/* Every state's code, space-separated, in the file's order (borrowed). */
const char *glossa_states_codes(const glossa_states *s);
void glossa_states_free(glossa_states *s);

/* ---- the study of national legislation (plan item 1.2), as the index holds it ------- */

typedef struct glossa_act_title {
    const char *lang, *text;
} glossa_act_title;

/* A page an act's definitions were read at, with what was read there. */
typedef struct glossa_act_page {
    const char *lang;        /* of the text read */
    const char *url;
    const char *version;     /* the latest edition read there (YYYY-MM-DD), or NULL */
    const char *translation; /* who translated it; NULL: the act's own text */
    int reliability;         /* the lowest of its definitions, 1 … 4 */
    size_t definitions;
} glossa_act_page;

/* A national act of the study (a <bibl type="law"> of glossary/national/). */
typedef struct glossa_act {
    const char *id;          /* its xml:id */
    const char *state;       /* ISO 3166-1 alpha-2 */
    const char *number;      /* as printed, or NULL */
    const char *adopted;     /* date of adoption, or NULL */
    const glossa_act_title *titles; size_t n_titles;   /* in the file's order */
    const glossa_act_page *pages;   size_t n_pages;    /* in the order first read */
    size_t definitions;      /* held in the study */
    const char *version;     /* the latest edition read, or NULL */
    const char *url;         /* the page of the act's own text, else the first read */
} glossa_act;

/* What one state's acts define of one concept or notion: one per act and
** relation (a cell of the coverage matrix holds those of its state). */
typedef struct glossa_study_link {
    const char *state;
    const char *act_id;      /* the act's xml:id */
    const char *act_number;  /* as printed, or NULL */
    const char *relation;    /* "same", "broader", "narrower" or "related" */
    const char *term;        /* the first term its definitions define, as printed */
    const char *lang;        /* that term's language */
    size_t definitions;
} glossa_study_link;

/* A row of the coverage matrix: an annex concept (every one, defined by
** a state or not), a concept of the statements that a state's act defines,
** or a notion of glossary/national/notions.xml. */
typedef struct glossa_study_row {
    const char *id;          /* xml:id */
    const char *kind;        /* "annex", "statement" or "notion" */
    const char *n;           /* the annex's item number, or NULL */
    const char *label;       /* preferred term in the study's language (else English;
                                a notion's: glossa's English label) */
    const char *label_lang;
    int working;             /* the label is glossa's (a working translation or label) */
    const glossa_study_link *links; size_t n_links;    /* by state, act */
    size_t states;           /* how many states define it */
} glossa_study_row;

typedef struct glossa_study glossa_study;

/* Read the study from an index: its acts (by state, in the files' order)
** and the coverage rows (annex concepts in annex order, then statement
** concepts and notions, each group by the number of states that define it,
** then by id). lang picks the rows' labels ("ru", "zh", "en"; NULL: "en").
** @param[out] out  caller frees with glossa_study_free() */
int glossa_study_load(glossa_db *db, const char *lang, glossa_study **out, glossa_error *err);
/* @return borrowed, valid until glossa_study_free(s) */
size_t glossa_study_acts(const glossa_study *s, const glossa_act **acts);
size_t glossa_study_rows(const glossa_study *s, const glossa_study_row **rows);
/* 1 when row is a row of the matrix narrowed to state (any case; NULL: all
** states): every annex concept is (its gaps are the study's finding), the
** other rows only when state's acts define them. */
int glossa_study_row_shown(const glossa_study_row *row, const char *state);
/* The title of act in lang, else its first title; NULL when it has none. */
const char *glossa_act_title_in(const glossa_act *act, const char *lang);
void glossa_study_free(glossa_study *s);

/* What glossa_study_render writes: the study's review (the coverage matrix,
** the gaps per state, the acts), or the acts alone. */
typedef enum glossa_study_part { GLOSSA_STUDY_COVERAGE, GLOSSA_STUDY_LAWS } glossa_study_part;

#define GLOSSA_STUDY_OPTS_VERSION 1
typedef struct glossa_study_opts {
    unsigned version;        /* GLOSSA_STUDY_OPTS_VERSION */
    glossa_study_part part;
    const char *lang;        /* the document's language: "ru", "zh" or "en" */
    const char *state;       /* only this state's column and acts, or NULL */
    glossa_doc_format format;
    const char *langs;       /* glossa_compare_render: only definitions in these
                                languages ("ru,zh", glossa_lang_in_list), or NULL */
} glossa_study_opts;
#define GLOSSA_STUDY_OPTS_INIT { GLOSSA_STUDY_OPTS_VERSION, GLOSSA_STUDY_COVERAGE, "en", NULL, \
                                 GLOSSA_FORMAT_HTML, NULL }

/* Render the study of s for the member states of states (every state a
** column, in their order) as a document. Deterministic.
** @param[out] out  new buffer (not NUL-terminated for DOCX); caller frees
**                  with glossa_free() */
int glossa_study_render(const glossa_study *s, const glossa_states *states,
                        const glossa_study_opts *opts, char **out, size_t *out_len,
                        glossa_error *err);

/* One concept's or notion's definitions side by side as a document (glossa
** compare --format html|docx|md): its annex (or statement) definitions, then
** each member state's national definitions of it (opts->state, opts->langs
** narrow them) with relation, act, article, edition, translator,
** reliability and address, then the states with none. h is a hit of
** glossa_concept() or glossa_notion(); opts->part is not read.
** @param[out] out  new buffer (not NUL-terminated for DOCX); caller frees
**                  with glossa_free() */
int glossa_compare_render(const glossa_hit *h, const glossa_states *states,
                          const glossa_study_opts *opts, char **out, size_t *out_len,
                          glossa_error *err);

/* A member state's name in lang ("ru", "zh"; else English). */
const char *glossa_state_name(const glossa_state *s, const char *lang);

/* 1 when id can be an xml:id (an XML NCName: a letter or _ first, then
** letters, digits, '.', '-', '_'; no spaces or colons), 0 otherwise. */
int glossa_id_is_valid(const char *id);

/* Read proposal files of a round checked as a whole: a file that is
** malformed or invalid is reported (each problem once, to on_diag) and left
** out, the others are loaded; *rejected counts the files left out. Fails
** only when a file cannot be read at all or memory runs out. */
int glossa_proposals_load_round(glossa_proposals **out, const char *const *files, size_t n,
                                glossa_diag_fn on_diag, void *userdata, size_t *rejected,
                                glossa_error *err);

/* Check proposals against the term base indexed in base: ids unique and not
** clashing (new ids carry the state's prefix, "kz-…"), amended concepts that
** exist, Russian and Chinese terms and definitions for every annex concept,
** cross-references that resolve, a rationale, and terms that equal or nearly
** equal an existing term (near-duplicates, by normalised, stemmed,
** transliterated or fuzzy match). Each problem goes to on_diag (code
** GLOSSA_WARNING for warnings), at the line of the element at fault. The
** round is checked as a whole: each header's state is a member state of
** states, FILL IN (or …) is nowhere (header included), and two proposals
** do not propose the same new concept (a term the same, normalised).
** *errors and *warnings count the problems. */
int glossa_check(glossa_db *base, const glossa_states *states, const glossa_proposals *p,
                 glossa_diag_fn on_diag,
                 void *userdata, unsigned *errors, unsigned *warnings, glossa_error *err);

/* Where a change stands, from the positions files of the member states. */
typedef struct glossa_change_status {
    const glossa_proposal_change *change;
    const char *status;      /* "agreed" (by every party), "blocked" (an objection),
                                "pending", or "withdrawn" (by the proposing state) */
    const char *agreed;      /* states that agreed to this wording, space-separated */
    const char *pending;     /* states without a (current) position */
    const char *lapsed;      /* states that agreed to an earlier wording */
    const char *objections;  /* "CN: comment; …" */
    const char *competing;   /* the other proposals that change the same concept, or NULL */
} glossa_change_status;

typedef struct glossa_status_report glossa_status_report;

/* Read positions files (one line per proposal, concept and state: PROPOSAL
** CONCEPT STATE agreed|objection|pending|withdrawn [HASH] [-- comment]; the
** old form without PROPOSAL when one proposal changes the concept, with a
** warning; "# parties: KZ CN …" names the states whose agreement is needed)
** and tell where each change stands, the changes of one concept next to each
** other. An agreement lapses when the change's hash is no longer the one
** agreed to. A malformed line, a state that is no member state of states
** (NULL: not checked) or not a party, a '# parties:' code that is no member
** state, or an old-form line that could mean several proposals goes to
** on_diag (FILE:LINE) and makes it fail with GLOSSA_EINPUT. A position of a
** later file that overrides a different one of an earlier file on the same
** change is a warning (GLOSSA_WARNING) at the later line, naming both.
** @param[out] out  new report; caller frees with glossa_status_free() */
int glossa_status(const glossa_proposals *p, const glossa_states *states,
                  const char *const *position_files, size_t n, glossa_status_report **out,
                  glossa_diag_fn on_diag, void *userdata, glossa_error *err);
size_t glossa_status_count(const glossa_status_report *r);
const glossa_change_status *glossa_status_get(const glossa_status_report *r, size_t i);
/* The parties whose agreement is needed, space-separated (borrowed). */
const char *glossa_status_parties(const glossa_status_report *r);
void glossa_status_free(glossa_status_report *r);

/* The explanatory note (пояснительная записка / 说明 / explanatory note) sent
** to the Parties with a draft protocol: for each change of the proposals
** (of one round, or all), what it does and its proposed wording, the
** proposing state (its name from opts->states, in the note's language, with
** its code) and the authority the proposal names, the rationale (<note type="rationale">, as
** written: a rationale in another language is quoted untranslated, with its
** language named) and the national act it rests on (the <bibl type="law">
** its source names, with date and citedRange; "no national act cited" when
** there is none); with positions (r, or NULL), who agreed, objected or has
** not answered. Deterministic: the same inputs give the same bytes. */
#define GLOSSA_NOTE_OPTS_VERSION 2
typedef struct glossa_note_opts {
    unsigned version;        /* GLOSSA_NOTE_OPTS_VERSION */
    const char *lang;        /* "ru", "zh" or "en" (a working translation) */
    glossa_doc_format format;
    const char *round;       /* only the changes of this round, or NULL for all */
    /* version 2: the member states, or NULL: each proposing state is then
    ** named by its code only, not by its name in the note's language */
    const struct glossa_states *states;
} glossa_note_opts;
#define GLOSSA_NOTE_OPTS_INIT { GLOSSA_NOTE_OPTS_VERSION, "ru", GLOSSA_FORMAT_MD, NULL, NULL }

/* Render the explanatory note. GLOSSA_EINPUT when no change is left (none
** in the round).
** @param[out] out      new buffer; caller frees with glossa_free()
** @param[out] out_len  its length in bytes */
int glossa_note_render(const glossa_proposals *p, const glossa_status_report *r,
                       const glossa_note_opts *opts, char **out, size_t *out_len,
                       glossa_error *err);

/* The change a position is on: of concept id, by proposal (NULL: the one
** proposal that changes it; an error listing them when several do).
** @param[out] out  borrowed from p */
int glossa_position_change(const glossa_proposals *p, const char *proposal, const char *id,
                           const glossa_proposal_change **out, glossa_error *err);

/* Record a state's position on a change in a positions file (created when
** missing), with the change's current hash; an earlier line of the same
** state and change is replaced. proposal: the proposal's id, or NULL when
** one proposal changes the concept. state: a member state of states (NULL:
** not checked) and a party of the file's "# parties:" line (upper-cased),
** every code of which must be a member state. position: agreed, objection, pending or withdrawn (only
** by the proposing state). recorded (may be NULL) gets the position as
** written, "PROPOSAL CONCEPT STATE POSITION HASH". */
int glossa_position_record(const char *positions_file, const glossa_proposals *p,
                           const glossa_states *states, const char *proposal,
                           const char *change_id, const char *state,
                           const char *position, const char *comment, char *recorded,
                           size_t recorded_size, glossa_error *err);

/* Write the next version of a term-base file: base_file with every change
** agreed by all parties applied (amended entries replaced in place, new ones
** appended, deleted ones marked withdrawn, their sources added to the header),
** to out_file. Two agreed changes of one concept are a conflict, and an agreed
** change whose proposal still has placeholder text (FILL IN) is refused: each
** reported, nothing applied, and the call fails with GLOSSA_EINPUT. An
** amendment that changes nothing is a warning (GLOSSA_WARNING to on_diag).
** *applied counts the changes applied.
** With in_force (YYYY-MM-DD, the day the amending protocol enters into
** force), history is kept: new wordings get from=in_force, and the wordings
** an amendment replaces stay in the entry with to=in_force. */
int glossa_consolidate(const char *base_file, const glossa_proposals *p,
                       const glossa_status_report *r, const char *in_force,
                       const char *out_file, unsigned *applied, glossa_diag_fn on_diag,
                       void *userdata, glossa_error *err);

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

/* ---- exchange formats: export (TBX, CSV, OmegaT, JSON) and TBX import ------- */

typedef enum glossa_export_format {
    GLOSSA_EXPORT_TBX,    /* TBX (ISO 30042:2019), TBX-Basic dialect, DCA style */
    GLOSSA_EXPORT_CSV,    /* RFC 4180: a row per concept, columns per language (export_csv.c) */
    GLOSSA_EXPORT_OMEGAT, /* OmegaT glossary: source TAB target TAB comment, no header */
    GLOSSA_EXPORT_JSON,   /* every concept in the shape of a lookup result */
    GLOSSA_EXPORT_TBX2008, /* TBX-Basic 2008 (ISO 30042:2008, martif), as translate-toolkit and
                             OmegaT read it */
    GLOSSA_EXPORT_AKN     /* annex 1 as an Akoma Ntoso 3.0 document in one language (lang), at
                             a point in time (as_of), with the history the term base holds */
} glossa_export_format;

/* Parse "tbx", "csv", "omegat", "json", "tbx2008", "akn". Returns 0 or GLOSSA_EINPUT. */
int glossa_export_format_parse(const char *name, glossa_export_format *out);

/* What an export or import wrote and left out. */
typedef struct glossa_exchange_stats {
    unsigned long concepts;          /* written */
    unsigned long terms;             /* written */
    unsigned long definitions;       /* written */
    unsigned long skipped_concepts;  /* left out (each reported) */
    unsigned long skipped_terms;     /* left out (languages outside the member set, …) */
    unsigned long dropped;           /* other data left out (data categories glossa has no
                                        place for, references to concepts left out) */
    unsigned long warnings;          /* warnings reported (everything above, and assumptions) */
    unsigned long national;          /* export: definitions of national acts written with
                                        their concepts (glossary/national/, when read) */
    unsigned long national_notions;  /* export: definitions of national acts left out, by
                                        design, because they relate to a notion the term
                                        base lacks (glossary/national/notions.xml) */
} glossa_exchange_stats;

#define GLOSSA_EXPORT_OPTS_VERSION 2
typedef struct glossa_export_opts {
    unsigned version;             /* GLOSSA_EXPORT_OPTS_VERSION */
    glossa_export_format format;
    const char *from;             /* omegat: source language (default "ru"); csv: first columns */
    const char *to;               /* languages to write (BCP 47 prefixes, comma-separated), NULL:
                                     all; omegat: exactly one, required */
    glossa_diag_fn on_diag;       /* optional: problems in the TEI inputs (as glossa_validate) */
    glossa_diag_fn on_warning;    /* optional: what the format cannot carry (records with code 0) */
    void *userdata;               /* passed to the callbacks */
    /* version 2, GLOSSA_EXPORT_AKN only: */
    const char *lang;             /* the document's language: "ru" (NULL), "zh" or "en" */
    const char *as_of;            /* the annex in force that day (YYYY-MM-DD), or NULL: its
                                     newest wording; never the clock's day */
} glossa_export_opts;
#define GLOSSA_EXPORT_OPTS_INIT { GLOSSA_EXPORT_OPTS_VERSION, GLOSSA_EXPORT_TBX, NULL, NULL, NULL, \
                                  NULL, NULL, NULL, NULL }

/* Read TEI term-base files (validated as by glossa_index; cross-references
** may leave them) and write them in an exchange format. Deterministic: the
** same inputs and options give the same bytes. stats may be NULL. Returns
** GLOSSA_ENOTFOUND when no concept has a term in the languages asked for.
** @param[out] out      new buffer, NUL-terminated; caller frees with glossa_free()
** @param[out] out_len  its length in bytes */
int glossa_export(const char *const *inputs, size_t n_inputs, const glossa_export_opts *opts,
                  char **out, size_t *out_len, glossa_exchange_stats *stats, glossa_error *err);

#define GLOSSA_IMPORT_OPTS_VERSION 3
typedef struct glossa_import_opts {
    unsigned version;             /* GLOSSA_IMPORT_OPTS_VERSION (1: without on_progress;
                                     2: without strict and schema) */
    const char *lang_map;         /* "xx=ru,en-GB=en": read these TBX language codes as
                                     member languages, or NULL */
    const char *id_prefix;        /* put before every concept id (a slug), or NULL */
    glossa_diag_fn on_warning;    /* optional: what was left out or changed (code 0) */
    void *userdata;
    glossa_progress_fn on_progress; /* optional, version 2: every 1000 concepts read;
                                     so_far counts the concepts and terms read so far,
                                     done/total the concept entries of the file */
    int strict;                   /* version 3: whatever would be left out, changed or
                                     assumed is an error (code GLOSSA_EINPUT in each
                                     on_warning), and nothing is imported */
    const char *schema;           /* version 3: a RELAX NG schema (one file, e.g. TBX's
                                     TBXcoreStructV03.rng) the file must be valid
                                     against first, or NULL */
} glossa_import_opts;
#define GLOSSA_IMPORT_OPTS_INIT { GLOSSA_IMPORT_OPTS_VERSION, NULL, NULL, NULL, NULL, NULL, 0, NULL }

/* Read a TBX file — TBX 2019 (tbx/conceptEntry/langSec/termSec, DCA or DCT
** style) or TBX 2008 (martif/termEntry/langSet with tig or ntig) — and write
** it as one TEI file in glossa's encoding. Languages outside the member set
** and concepts with no preferred term in one are left out, each with a
** warning; a file whose concepts lack Russian is written as <TEI
** type="termbase">. A DOCTYPE without an internal subset is accepted and never
** loaded; one with an internal subset is refused (GLOSSA_EINPUT), and so is a
** file where no concept is left. With opts->schema the file is first checked
** against that RELAX NG schema (GLOSSA_ESCHEMA); with opts->strict every
** warning is an error and a file with any is refused (GLOSSA_EINPUT). opts
** and stats may be NULL.
** @param[out] out      new buffer, NUL-terminated; caller frees with glossa_free()
** @param[out] out_len  its length in bytes */
int glossa_import_tbx(const char *path, const glossa_import_opts *opts, char **out,
                      size_t *out_len, glossa_exchange_stats *stats, glossa_error *err);

/* ---- DICT protocol (RFC 2229) ----------------------------------------------- */

/* The protocol half of a DICT server, without sockets. A glossa_dict holds
** what every connection shares: the index, its databases ("all", and one per
** language pair such as "ru-zh"), counters. A glossa_dict_session is one
** client: feed it the bytes the client sent, send what it queued, consume.
** Neither is thread-safe; a server with threads needs a glossa_db and a
** glossa_dict per thread. */
typedef struct glossa_dict glossa_dict;
typedef struct glossa_dict_session glossa_dict_session;

/* Longest command line, CRLF included (RFC 2229 section 2.2). */
#define GLOSSA_DICT_LINE_MAX 1024

#define GLOSSA_DICT_OPTS_VERSION 1
typedef struct glossa_dict_opts {
    unsigned version;       /* GLOSSA_DICT_OPTS_VERSION */
    const char *host;       /* name in the greeting and message ids (NULL: "localhost") */
    unsigned define_limit;  /* DEFINE: at most this many concepts per database (0: 10) */
    unsigned match_limit;   /* MATCH: at most this many words per database (0: 100) */
} glossa_dict_opts;
#define GLOSSA_DICT_OPTS_INIT { GLOSSA_DICT_OPTS_VERSION, NULL, 0, 0 }

/* Server state over db, which stays borrowed: close it after glossa_dict_free().
** @param[out] out  new server state; caller frees with glossa_dict_free() */
int glossa_dict_new(glossa_dict **out, glossa_db *db, const glossa_dict_opts *opts,
                    glossa_error *err);
/* Serve db from now on (a new index published at the same path): the
** sessions and counters stay, the databases are read from db. On an error d
** keeps the database it had. The old one stays borrowed: close it after. */
int glossa_dict_set_db(glossa_dict *d, glossa_db *db, glossa_error *err);
/* Free server state; accepts NULL. Free its sessions first. */
void glossa_dict_free(glossa_dict *d);
/* Databases, "all" first, then the language pairs (answered when named; not
** listed by SHOW DB nor asked by "*" and "!").
** @return borrowed name, valid until glossa_dict_free(d) */
size_t glossa_dict_database_count(const glossa_dict *d);
const char *glossa_dict_database_name(const glossa_dict *d, size_t i);

/* A new connection; its greeting (220 …) is queued as output.
** @param[out] out  new session; caller frees with glossa_dict_session_free() */
int glossa_dict_session_new(glossa_dict_session **out, glossa_dict *d, glossa_error *err);
/* Free a session; accepts NULL. */
void glossa_dict_session_free(glossa_dict_session *s);

/* How many bytes glossa_dict_session_feed() takes now: 0 while enough output
** waits to be sent, or once the session is done. */
size_t glossa_dict_session_room(const glossa_dict_session *s);

/* Bytes read from the client (at most _room()). Complete lines (CRLF or LF)
** are answered, a few at a time; the rest wait for _consume(). A line longer
** than GLOSSA_DICT_LINE_MAX is answered "500 line too long" and skipped. A
** command that fails inside glossa (out of memory, database error) is
** answered 420. Returns 0, GLOSSA_EINPUT when len is over the room, or
** GLOSSA_ENOMEM when not even an error could be queued (the session is done). */
int glossa_dict_session_feed(glossa_dict_session *s, const char *data, size_t len,
                             glossa_error *err);

/* The bytes to send. @return borrowed pointer to *len bytes, valid until the
** next call on s */
const char *glossa_dict_session_output(const glossa_dict_session *s, size_t *len);

/* n bytes of the output were sent: drop them and answer lines that waited
** (n may be 0: only answer). Returns 0 or GLOSSA_ENOMEM, as _feed(). */
int glossa_dict_session_consume(glossa_dict_session *s, size_t n, glossa_error *err);

/* 1 once the session is over (QUIT answered, or _bye()): send the output
** that is left, then close the connection. */
int glossa_dict_session_done(const glossa_dict_session *s);

typedef enum glossa_dict_bye {
    GLOSSA_DICT_BUSY = 420,     /* too many connections: try later */
    GLOSSA_DICT_SHUTDOWN = 421  /* the server is stopping */
} glossa_dict_bye;

/* End a session: output not yet sent is dropped and replaced by the status
** line of reason; the session is done. */
void glossa_dict_session_bye(glossa_dict_session *s, glossa_dict_bye reason);

/* ---- terms in running text: scan and candidates -------------------------------- */

/* Documents are UTF-8 (a byte-order mark is dropped) or UTF-16 LE/BE with a
** byte-order mark; invalid UTF-8 becomes U+FFFD. A word hyphenated at a line
** end («госу-/дарств») is read joined; a compound's hyphen at a line end
** («информационно-/коммуникационных») is kept. */

#define GLOSSA_SCAN_OPTS_VERSION 1
typedef struct glossa_scan_opts {
    unsigned version;   /* GLOSSA_SCAN_OPTS_VERSION */
    const char *from;   /* find only terms in these languages (BCP 47 prefixes,
                           comma-separated), or NULL for all */
    const char *to;     /* equivalents in these languages, or NULL for all */
} glossa_scan_opts;
#define GLOSSA_SCAN_OPTS_INIT { GLOSSA_SCAN_OPTS_VERSION, NULL, NULL }

/* One occurrence of a glossary term in a document. */
typedef struct glossa_scan_match {
    size_t start, end;      /* bytes [start, end) of the document's UTF-8 text
                               (glossa_scan_text), line breaks and hyphens included */
    long line, column;      /* where it starts: 1-based line, column in characters */
    const char *text;       /* as written, on one line: hyphenation undone, white
                               space between words as one space */
    const char *id;         /* the concept's xml:id */
    const char *term;       /* the glossary term that matched */
    const char *lang;       /* its language */
    int reliability;        /* of the concept: 1 not verified … 4 very reliable */
    const char *status;     /* of the concept: "in-force", "proposed", "agreed", "withdrawn" */
    const glossa_term *equivalents; size_t n_equivalents; /* the concept's terms in
                               the opts->to languages, in term-base order */
} glossa_scan_match;

typedef struct glossa_scanner glossa_scanner;
typedef struct glossa_scan glossa_scan;

/* Read every term of db into a matcher (a trie over the stems of their words,
** for languages with a stemmer, and over normalised words otherwise). db is
** only read here: it may be closed afterwards.
** @param[out] out  new scanner; caller frees with glossa_scanner_free() */
int glossa_scanner_new(glossa_scanner **out, glossa_db *db, const glossa_scan_opts *opts,
                       glossa_error *err);
/* Free a scanner; accepts NULL. Free its scans first: they borrow its strings. */
void glossa_scanner_free(glossa_scanner *s);
/* How many terms the scanner looks for. */
size_t glossa_scanner_terms(const glossa_scanner *s);

/* Find every term in a document: stemmed (inflected forms match), the
** longest term wins where terms overlap, in one pass over the words (linear
** in the size of the text). name is used in messages and kept as the scan's name.
** @param[out] out  new scan, matches in document order; caller frees with
**                  glossa_scan_free(), before freeing s */
int glossa_scan_buffer(glossa_scanner *s, const char *name, const char *data, size_t len,
                       glossa_scan **out, glossa_error *err);
/* The same for a file (path is the name). */
int glossa_scan_file(glossa_scanner *s, const char *path, glossa_scan **out, glossa_error *err);
size_t glossa_scan_count(const glossa_scan *r);
/* @return borrowed pointer, valid until glossa_scan_free(r) (and while the
** scanner lives), or NULL when i is out of range */
const glossa_scan_match *glossa_scan_get(const glossa_scan *r, size_t i);
/* The document as UTF-8 (what start/end count in). @return borrowed, NUL-terminated */
const char *glossa_scan_text(const glossa_scan *r, size_t *len);
/* @return borrowed name given to glossa_scan_buffer (the path for _file) */
const char *glossa_scan_name(const glossa_scan *r);
/* Free a scan; accepts NULL. */
void glossa_scan_free(glossa_scan *r);

/* One self-contained HTML page of the scanned documents, each term marked with
** its concept and equivalents as a tooltip, and a table of the concepts found.
** @param[out] out      new buffer, NUL-terminated; caller frees with glossa_free()
** @param[out] out_len  its length in bytes */
int glossa_scan_html(const glossa_scan *const *scans, size_t n, char **out, size_t *out_len,
                     glossa_error *err);

#define GLOSSA_CANDIDATES_OPTS_VERSION 1
typedef struct glossa_candidates_opts {
    unsigned version;       /* GLOSSA_CANDIDATES_OPTS_VERSION */
    const char *lang;       /* language of the documents: "ru" (default) or "en" */
    unsigned min_freq;      /* list only n-grams seen this often (0: 2) */
    int include_known;      /* also list n-grams that are glossary terms (marked known) */
} glossa_candidates_opts;
#define GLOSSA_CANDIDATES_OPTS_INIT { GLOSSA_CANDIDATES_OPTS_VERSION, "ru", 0, 0 }

/* A multi-word term candidate: the inflected forms of one n-gram (grouped by
** the stems of its words). */
typedef struct glossa_candidate {
    const char *text;       /* its most frequent form, as written */
    const char *key;        /* the stems of its words, space-separated */
    unsigned words;         /* 2 to 5 */
    unsigned freq;          /* occurrences, all forms */
    unsigned forms;         /* distinct forms */
    unsigned docs;          /* documents it occurs in */
    double cvalue;          /* C-value (Frantzi, Ananiadou & Mima 2000) */
    double domain;          /* 0 … 1: share of its words that are words of glossary terms */
    double score;           /* the rank: cvalue × (1 + domain) */
    int known;              /* 1: a glossary term already (only with include_known) */
    const char *file;       /* where the example is */
    long line;              /* its line there (1-based) */
    const char *example;    /* the sentence around the first occurrence, on one line */
} glossa_candidate;

typedef struct glossa_candidates glossa_candidates;

/* Start collecting candidates. Terms of db (NULL: none) are not candidates.
** db is only read here. @param[out] out  new collector; caller frees with
** glossa_candidates_free() */
int glossa_candidates_new(glossa_candidates **out, glossa_db *db,
                          const glossa_candidates_opts *opts, glossa_error *err);
/* Add a document: its n-grams of 2–5 words within punctuation, not starting or
** ending with a stop word. name is used for examples and messages. */
int glossa_candidates_add_buffer(glossa_candidates *c, const char *name, const char *data,
                                 size_t len, glossa_error *err);
int glossa_candidates_add_file(glossa_candidates *c, const char *path, glossa_error *err);
/* Rank what was added by C-value, then frequency. Call once, after the last add. */
int glossa_candidates_rank(glossa_candidates *c, glossa_error *err);
size_t glossa_candidates_count(const glossa_candidates *c);
/* @return borrowed pointer, valid until glossa_candidates_free(c), or NULL */
const glossa_candidate *glossa_candidates_get(const glossa_candidates *c, size_t i);
/* How many documents were added. */
size_t glossa_candidates_documents(const glossa_candidates *c);
/* The first top candidates (after ranking, known ones left out) as a TEI file
** of proposed concepts in glossa's encoding (status proposed, reliability 1,
** the Russian form, an attestation, an editorial note saying what to add).
** @param[out] out      new buffer, NUL-terminated; caller frees with glossa_free()
** @param[out] out_len  its length in bytes */
int glossa_candidates_proposal(const glossa_candidates *c, size_t top, char **out,
                               size_t *out_len, glossa_error *err);
/* Free a collector; accepts NULL. */
void glossa_candidates_free(glossa_candidates *c);

/* The notions annex 1 lacks, as the study of national legislation found them
** (plan item 1.3's input), from the index: every notion of the study
** (status "notion", its label as term) and every concept outside annex 1
** (not in force: the statements' concepts; its preferred English, else
** Russian, term), each with the national definitions that relate to it in
** legal; ranked by the member states whose acts define it (relation
** "same"), then those definitions, then the states with only a broader,
** narrower or related definition, then the id (glossa_legal_tally_of).
** Empty when the index holds no national definition at all.
** @param[out] out  new result set; caller frees with glossa_results_free() */
int glossa_candidates_national(glossa_db *db, glossa_results **out, glossa_error *err);

/* What a notion's national definitions say (n of them, as a hit's legal). */
#define GLOSSA_TALLY_STATES 64
typedef struct glossa_legal_tally {
    unsigned states;          /* member states whose acts define the notion itself ("same") */
    unsigned definitions;     /* those definitions */
    unsigned related_states;  /* states with only a broader, narrower or related one */
    unsigned related;         /* broader, narrower or related definitions */
    char codes[3 * GLOSSA_TALLY_STATES]; /* every state with one, space-separated, in order */
} glossa_legal_tally;
void glossa_legal_tally_of(const glossa_legal *legal, size_t n, glossa_legal_tally *t);

/* ---- reading files and folders ------------------------------------------------ */

/* The regular files of folder dir (not its subfolders, nor names beginning
** with '.') whose names end in suffix (NULL: every name), as paths "dir/name",
** sorted by strcmp(). No limit on their number. A folder that does not exist
** (GLOSSA_ENOTFOUND) or cannot be opened or read (GLOSSA_EIO; also a path
** that is not a folder) is an error naming it; an empty folder is not.
** @param[out] out    new array of *out_n new paths (NULL when none); caller
**                    frees with glossa_paths_free(*out, *out_n)
** @param[out] out_n  how many */
int glossa_list_dir(const char *dir, const char *suffix, char ***out, size_t *out_n,
                    glossa_error *err);
/* Free paths (n of them) from glossa_list_dir(); accepts NULL. */
void glossa_paths_free(char **paths, size_t n);

/* The whole file at path, or (path NULL, named "-" in errors) standard input;
** pipes, FIFOs and devices are read to their end. More than max bytes is
** GLOSSA_EINPUT ("too large (at most 1 GiB)"); a directory (GLOSSA_EIO), a
** file that cannot be opened (GLOSSA_ENOTFOUND when it does not exist) or read
** (GLOSSA_EIO) is an error naming the file.
** @param[out] out      new buffer, NUL-terminated (the file may hold NULs
**                      too); caller frees with glossa_free()
** @param[out] out_len  its length in bytes */
int glossa_read_file(const char *path, size_t max, char **out, size_t *out_len,
                     glossa_error *err);

/* ---- writing files ------------------------------------------------------------ */

/* A file being written aside: path's target (symbolic links followed) is
** replaced only by glossa_outfile_commit(), atomically, by a rename of
** <target>.tmp-<pid> (created with O_EXCL in the same directory and held under
** flock() while written). Only a regular file, or nothing, is replaced: a
** directory or a device is an error. Temporary files of killed writes to the
** same target (their lock free) are removed when another write opens.
** @param[out] out  new handle: end it with commit or abort */
typedef struct glossa_outfile glossa_outfile;
int glossa_outfile_open(glossa_outfile **out, const char *path, glossa_error *err);
/* Append len bytes; every write is checked (disk full is GLOSSA_EIO). */
int glossa_outfile_write(glossa_outfile *f, const void *data, size_t len, glossa_error *err);
/* The temporary file's path (to read back what was written before commit). */
const char *glossa_outfile_temp(const glossa_outfile *f);
/* fsync, rename over the target, sync the directory; frees f. On failure the
** temporary file is removed and the target is as it was. */
int glossa_outfile_commit(glossa_outfile *f, glossa_error *err);
/* Remove the temporary file, leave the target as it was; frees f (NULL ok). */
void glossa_outfile_abort(glossa_outfile *f);
/* The whole of data to path through the above. */
int glossa_write_file(const char *path, const void *data, size_t len, glossa_error *err);

/* ---- text helpers for front ends ------------------------------------------- */

/* Columns that UTF-8 text takes on a terminal (East Asian wide = 2,
** combining marks = 0). Invalid bytes count 1. */
size_t glossa_text_width(const char *utf8, size_t len);

/* Edit distance between two UTF-8 strings, counted in code points: one for
** an insertion, a deletion, a substitution or a swap of neighbours (optimal
** string alignment). Only the first 64 code points of each are compared. */
size_t glossa_edit_distance(const char *a, const char *b);

/* 1 when s (n bytes) is well-formed UTF-8 (no overlong forms, surrogates or
** values past U+10FFFF) without NUL bytes, 0 otherwise. */
int glossa_utf8_valid(const char *s, size_t n);

/* The character at s (n >= 1 bytes left): its length in bytes, with *cp set;
** 0 when the bytes there are not well-formed UTF-8 (*cp is then U+FFFD). */
size_t glossa_utf8_next(const char *s, size_t n, unsigned *cp);

/* Check that s (n bytes), which the caller calls what (e.g. "the query"), is
** text glossa takes: UTF-8 without NUL bytes. Returns 0 when it is; otherwise
** GLOSSA_EINPUT with err->msg "WHAT has a NUL byte (at offset 1)" or "WHAT is
** not UTF-8 (byte 0xE8 at offset 0)", followed, when a legacy encoding reads
** the bytes as text (glossa_encoding_guess), by "; it reads as CP1251 «инф»"
** ("it probably reads as" when another reading fits too or the text is too
** short to tell). When as_utf8 is not NULL it gets that reading (free with
** glossa_free), or NULL. */
int glossa_text_check(const char *what, const char *s, size_t n, char **as_utf8,
                      glossa_error *err);

/* The legacy encoding that s (n bytes, not UTF-8, no NUL) reads as text in:
** "CP1251", "KOI8-R", "CP866", "GB18030", "Big5", "CP1256" or "CP1252", or
** NULL when none does. A reading is text when it is letters of one script
** (with spaces, digits, punctuation) in words of one case each; ICU's charset
** detector and lower case rank the readings. *probably (may be NULL) is 0
** only when one reading fits or the detector is sure; *as_utf8 (may be NULL)
** the text read, converted to UTF-8 (free with glossa_free). */
const char *glossa_encoding_guess(const char *s, size_t n, int *probably, char **as_utf8);

/* 1 for a code point that must never reach a terminal as it is: C0 and C1
** controls, DEL, the bidirectional controls (U+061C, U+200E, U+200F,
** U+202A-U+202E, U+2066-U+2069) and the line and paragraph separators
** (U+2028, U+2029). Front ends escape them (JSON: \uXXXX). */
int glossa_char_is_unsafe(unsigned cp);

/* s (n bytes) as it may be shown on a terminal or in a message, in out
** (size bytes, always NUL-terminated when size > 0, cut only between
** characters): tab, line feed, carriage return, vertical tab and form feed
** become a space; every other unsafe character (glossa_char_is_unsafe) a
** visible escape such as \u009B or \u202E, so that nothing printed can move
** the cursor, reprogram the terminal or reorder the text around it; every
** byte that is not well-formed UTF-8 becomes U+FFFD. Returns the length of
** the whole result (like snprintf): out was big enough when it is < size. */
size_t glossa_text_safe(char *out, size_t size, const char *s, size_t n);

/* The words shown for a reliability value: "NOT VERIFIED" (1), "minimum
** reliability" (2), "reliable" (3), "very reliable" (4). Static, never NULL. */
const char *glossa_reliability_label(int reliability);
/* What a wording's basis means for a reader ("reconstruction, not verified
** against the official text", "working translation, not an official
** rendering"), or NULL for an official wording. Static. */
const char *glossa_basis_note(const char *basis);
/* How a national notion relates to the concept, as said to people: "the same
** notion", "broader notion", "narrower notion", "related notion" (another
** value as it is). Static, never NULL. */
const char *glossa_relation_label(const char *relation);
/* The same as a mark of the coverage matrix: "=" the same, "<" narrower,
** ">" broader, "~" related (and any other value). Static, never NULL. */
const char *glossa_relation_mark(const char *relation);

/* Where a writer of text puts its bytes: 0, or non-zero to stop (a write error). */
typedef int (*glossa_write_fn)(void *userdata, const char *data, size_t len);

/* s (n bytes) as one JSON string, quotes included, given to write in pieces:
** the one JSON string writer of glossa (lookup, show, export and the web API
** all use it). '"' and '\\' are escaped, line feed, carriage return and tab
** as \n \r \t, every other unsafe character (glossa_char_is_unsafe) as
** \u00XX or \u20XX, so that JSON printed on a terminal is safe too; a byte
** that is not well-formed UTF-8 (JSON cannot carry it) becomes \ufffd. The
** result is always valid JSON. Returns 0, or what write returned. */
int glossa_json_string(const char *s, size_t n, glossa_write_fn write, void *userdata);

/* A national definition as one JSON object, the one shape every output of
** glossa gives it (lookup and show --format json, compare, the web API,
** export --format json): {"id","state","act":{"id","title","number","date"},
** "article","lang","term","text","relation","reliability","version","url",
** "translation" (null: the act's own text),"note"}, the optional members left
** out when NULL. Returns 0, or what write returned. */
int glossa_legal_json(const glossa_legal *l, glossa_write_fn write, void *userdata);


/* The next item of the comma-separated list at *cursor (src/lib/list.c):
** *item and *len say where it lies, the ASCII spaces and tabs around it
** trimmed (not those inside); *cursor then moves past its comma, or becomes
** NULL after the last item. Returns 1 for an item, 0 when *cursor is NULL.
** Empty items are given too ("" is one, "ru,,en" has one): a list a user
** typed refuses them, a list only matched against skips them.
**     const char *cur = list, *item; size_t len;
**     while (glossa_list_next(&cur, &item, &len)) ... */
int glossa_list_next(const char **cursor, const char **item, size_t *len);

/* 1 when tag is a BCP 47 tag glossa accepts (a member language, optional
** script and region subtags), 0 otherwise. */
int glossa_lang_is_valid(const char *tag);

/* 1 when tag is in the comma-separated list (a list item "zh" takes zh-Hant
** too, as --to does), or list is NULL; 0 otherwise. */
int glossa_lang_in_list(const char *tag, const char *list);

/* 0 when d is a day of the calendar written YYYY-MM-DD (src/lib/date.c, the
** one date check); GLOSSA_EINPUT with err saying what is wrong otherwise. */
int glossa_date_check(const char *d, glossa_error *err);

#ifdef __cplusplus
}
#endif
#endif /* GLOSSA_H */
