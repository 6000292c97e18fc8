/*
** glossa_int.h — declarations shared between the files of libglossa but not
** part of the public API. Functions here use the glossa__ prefix.
**
** Nothing outside src/lib includes this file (CMake keeps src/lib private).
*/
#ifndef GLOSSA_INT_H
#define GLOSSA_INT_H

#include "glossa.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct sqlite3;
struct sqlite3_stmt;

/* ---- error.c ------------------------------------------------------------ */

/* Fill err (if not NULL) and return code. file may be NULL. */
int glossa__error_set(glossa_error *err, int code, const char *file, long line,
                      long column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* The same with a va_list. */
/* A problem given to fn (when not NULL) as a glossa_error: code, FILE:LINE,
** the message on one line. */
void glossa__diag(glossa_diag_fn fn, void *ud, int code, const char *file, long line,
                  const char *fmt, ...) __attribute__((format(printf, 6, 7)));
int glossa__error_vset(glossa_error *err, int code, const char *file, long line,
                       long column, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

/* "damaged index: DETAIL (rebuild it with 'glossa index')", GLOSSA_ECORRUPT. */
int glossa__damaged(glossa_error *err, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Same, for SQLite failures: code chosen from the SQLite result code. */
int glossa__error_sqlite(glossa_error *err, struct sqlite3 *db, int rc,
                         const char *path, const char *what);

/* Make a message (size bytes of room) one line of UTF-8 safe for a terminal,
** in place (FILE:LINE: error: MESSAGE is what users and editors parse): the
** rules of glossa_text_safe: line breaks and tabs become spaces, other
** controls and bidi controls visible escapes (\u001B), bytes that are not
** UTF-8 (quoted input, a character cut by a buffer) U+FFFD. */
void glossa__one_line(char *msg, size_t size);

/* ---- error.c: option structs ------------------------------------------------ */

/* The version of an option struct (libgit2's habit): 0 when opts is NULL
** (the defaults) or its version is one this glossa knows (1 .. max), else
** GLOSSA_EINPUT "glossa_NAME_opts version V not supported". */
int glossa__opts_version(const void *opts, unsigned version, unsigned max, const char *name,
                         glossa_error *err);
#define GLOSSA__OPTS_CHECK(opts, max, name, err) \
    glossa__opts_version((opts), (opts) ? (opts)->version : 0, (max), (name), (err))

/* ---- date.c ------------------------------------------------------------- */

/* d is YYYY-MM-DD and a day of the calendar (leap years counted): 0, or
** GLOSSA_EINPUT saying what is wrong. */
int glossa__date_check(const char *d, glossa_error *err);
/* The day (UTC, YYYY-MM-DD) of t seconds since 1970. */
void glossa__day_of(long long t, char day[11]);
/* Is a wording dated [from, to) (NULL: open) in force on day (all YYYY-MM-DD)? */
int glossa__in_force(const char *from, const char *to, const char *day);

/* ---- textchars.c: the characters of text fields -------------------------- */

enum {
    TEXT_FIELD = 0,     /* definitions, notes, quotations, titles, … */
    TEXT_TERM = 1,      /* terms and ids: also no invisible characters, a size bound */
};
#define TEXT_TERM_MAX 4096              /* bytes of a term or an id */
#define TEXT_FIELD_MAX ((size_t)1 << 20) /* bytes of any other field */

/* 0 when s (UTF-8) may be the text of a field of this kind; else 1 with why
** filled: "contains U+009B (a control character)", "is longer than …".
** C0/C1 controls and bidirectional embeddings, overrides and isolates are
** refused everywhere; in terms also U+200B, U+2060, U+FEFF, LRM, RLM, ALM,
** and ZWNJ/ZWJ except after a letter of a script that uses them. */
int glossa__text_refused(const char *s, int kind, char *why, size_t size);

/* ---- alloc.c: the one allocation seam (fault injection hooks in here) --- */

void *glossa__malloc(size_t n);
void *glossa__calloc(size_t count, size_t size);
void *glossa__realloc(void *p, size_t n);
void glossa__free(void *p);
char *glossa__strdup(const char *s);
char *glossa__strndup(const char *s, size_t n);
/* Make the array *p (of *cap elements of elem bytes) hold at least index
** `index`: doubles it (64 at first). 0, or GLOSSA_ENOMEM with *p unchanged. */
int glossa__grow(void **p, size_t *cap, size_t index, size_t elem);

/* Test hook: make the Nth allocation from now fail (0 disables). With
** persistent set, every allocation after it fails too. */
void glossa__alloc_fail_after(unsigned long n, int persistent);

/* ---- outfile.c: files written aside and renamed (glossa_outfile_*) -------- */

/* The file that writing path replaces: path with symbolic links followed, in
** out (size bytes). An error when that is a directory or not a regular file. */
int glossa__outfile_target(const char *path, char *out, size_t size, glossa_error *err);

/* ---- files.c: the one directory lister ------------------------------------ */

/* glossa_list_dir's listing (regular files, "dir/name" paths, sorted, no
** limit, an unreadable folder an error) of the names keep(name, ud) accepts. */
int glossa__list_dir_if(const char *dir, int (*keep)(const char *name, const void *ud),
                        const void *ud, char ***out, size_t *out_n, glossa_error *err);

/* ---- buf.c: growable, bounded byte buffers ------------------------------- */

#define GLOSSA_BUF_MAX ((size_t)256 * 1024 * 1024)

struct glossa_buf {
    char *data;   /* always NUL-terminated once anything was added */
    size_t len;
    size_t cap;
};
#define GLOSSA_BUF_INIT { NULL, 0, 0 }

int glossa__buf_grow(struct glossa_buf *b, size_t extra);
int glossa__buf_add(struct glossa_buf *b, const char *s, size_t n);
int glossa__buf_adds(struct glossa_buf *b, const char *s);
int glossa__buf_addf(struct glossa_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int glossa__buf_vaddf(struct glossa_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void glossa__buf_clear(struct glossa_buf *b);   /* keep memory, length 0 */
void glossa__buf_release(struct glossa_buf *b); /* free memory */
/* Never NULL: "" for an empty buffer. */
const char *glossa__buf_str(const struct glossa_buf *b);

/* ---- arena.c: bump allocator for result sets ---------------------------- */

struct glossa_arena;
struct glossa_arena *glossa__arena_new(void);
void glossa__arena_free(struct glossa_arena *a);
void *glossa__arena_alloc(struct glossa_arena *a, size_t n);
/* Copy of s (NULL stays NULL). Returns NULL on OOM only when s != NULL. */
char *glossa__arena_strdup(struct glossa_arena *a, const char *s);
/* A copy of s with XML white space collapsed to single spaces and trimmed;
** NULL when s is NULL or memory runs out. */
char *glossa__arena_squeeze(struct glossa_arena *a, const char *s);

/* ---- norm.c: search keys (ICU word breaks + NFKC case folding) ---------- */

struct glossa_norm;

/* @param[out] out  new normaliser; free with glossa__norm_free() */
struct glossa_han;
/* A memo of Chinese texts folded to Simplified, to share (norm_int.h); NULL
** when out of memory. Freed with glossa__han_free (void *: SQLite's
** destructor of a tokenizer's user data). */
struct glossa_han *glossa__han_new(void);
void glossa__han_free(void *han);
/* A normaliser whose memo of Chinese texts is han's (NULL: its own). */
int glossa__norm_new_han(struct glossa_norm **out, struct glossa_han *han, glossa_error *err);
int glossa__norm_new(struct glossa_norm **out, glossa_error *err);
void glossa__norm_free(struct glossa_norm *n);

/* Called for each word token: tok is the normalised UTF-8 form (borrowed),
** start/end are byte offsets of the token in the input, flags is 0 or
** GLOSSA_TOKEN_COLOCATED (another form at the same position). Return non-zero
** to stop (that value is passed back by glossa__norm_tokens). */
#define GLOSSA_TOKEN_COLOCATED 1
typedef int (*glossa_token_fn)(void *ud, const char *tok, size_t tok_len,
                               size_t start, size_t end, int flags);

/* Split UTF-8 text into normalised word tokens. Invalid UTF-8 is replaced by
** U+FFFD. Returns 0, the callback's non-zero value, or GLOSSA_ENOMEM. */
int glossa__norm_tokens(struct glossa_norm *n, const char *text, size_t len,
                        glossa_token_fn fn, void *ud);

/* Flags of glossa__norm_tokens_ex. HAN_CHARS: after a Chinese word of two or
** more characters, give each character as a colocated token (for indexing).
** KEEP_HAN: Chinese as written, not folded to Simplified (OpenCC's phrase
** tables rewrite words, 建立 as 创建, whose pinyin is another). */
#define GLOSSA_NORM_HAN_CHARS 1
#define GLOSSA_NORM_KEEP_HAN 2
int glossa__norm_tokens_ex(struct glossa_norm *n, const char *text, size_t len,
                           int flags, glossa_token_fn fn, void *ud);

/* The normalised key of a whole string: its tokens joined by one space. */
int glossa__norm_key(struct glossa_norm *n, const char *text, size_t len,
                     struct glossa_buf *out);
/* The same with flags (GLOSSA_NORM_*). */
int glossa__norm_key_ex(struct glossa_norm *n, const char *text, size_t len, int flags,
                        struct glossa_buf *out);

/* text (UTF-8) in Traditional characters (OpenCC's s2t): a copy to be freed
** with glossa__free, or NULL when it has no Han character, reads the same,
** or nothing could be done. Folded to Simplified again (the normaliser
** does), Taiwan and Hong Kong wording becomes mainland wording (资讯 → 資訊 →
** 信息), which folding the Simplified characters as written does not. */
char *glossa__han_traditional(struct glossa_norm *n, const char *text, size_t len);

/* ---- han_convert.c: OpenCC's conversions on its tables compiled in ------ */

/* The configurations, in the order of CMakeLists.txt's GLOSSA_OPENCC_CONFIGS. */
enum glossa_han_conv {
    GLOSSA_HAN_TW2SP, /* Taiwan and Traditional Chinese to Simplified */
    GLOSSA_HAN_S2T    /* Simplified to Traditional characters */
};
/* text[0..len) converted as OpenCC's opencc_convert_utf8 does with that
** configuration (up to a NUL), byte for byte; a copy to be freed with
** glossa__free, or NULL when out of memory or when OpenCC would give up
** (a byte no UTF-8 character starts with; a character cut off at the end). */
char *glossa__han_convert(enum glossa_han_conv which, const char *text, size_t len);

/* c is one of the apostrophes people type (' ` ’ ‘ ʻ ʼ ʹ ´); norm.c makes one
** between two letters U+02BC, part of the word. */
int glossa__is_apostrophe(int32_t c);

/* Every segment of ICU's word breaks, words, spaces and punctuation alike,
** as written (not normalised): tok points into text. For word-level diffs. */
int glossa__norm_segments(struct glossa_norm *n, const char *text, size_t len,
                          glossa_token_fn fn, void *ud);

/* 1 for a CJK ideograph (Han). norm_han.c */
int glossa__is_han(int32_t c);

/* glossa.c: the first GLOSSA_DISTANCE_MAX code points of UTF-8 s in out, and
** their number: as many as glossa_edit_distance compares. */
#define GLOSSA_DISTANCE_MAX 64
int glossa__code_points(const char *s, int32_t *out);

/* The columns code point c (>= 0) takes, as glossa_text_width counts them:
** 0 for a mark or format character, 2 for East Asian Wide or Fullwidth (ICU
** asked only from U+1100, below which none is), else 1. */
int glossa__cp_width(int32_t c);

/* Bump this when tokenisation, normalisation or a key changes: indexes record it. */
#define GLOSSA_TOKENIZER_VERSION "glossa-icu-4"

/* ---- keys.c: stems and transliteration keys ------------------------------ */

struct glossa_keys;

/* @param[out] out  new key maker (owns a normaliser, whose memo of Chinese
** texts is han's, or with han NULL its own); free with glossa__keys_free() */
int glossa__keys_new_han(struct glossa_keys **out, struct glossa_han *han, glossa_error *err);
#define glossa__keys_new(out, err) glossa__keys_new_han((out), NULL, (err))
void glossa__keys_free(struct glossa_keys *k);
/* @return borrowed normaliser of k */
struct glossa_norm *glossa__keys_norm(struct glossa_keys *k);

/* 1 when glossa has a Snowball stemmer for lang (ru, en, hi). */
int glossa__keys_can_stem(const char *lang);

/* Stem key: the normalised words, each stemmed by the Snowball stemmer of
** lang; with lang NULL, by the stemmer of each word's script (Cyrillic:
** Russian, Latin: English, Devanagari: Hindi). Words without a stemmer stay. */
int glossa__stem_key(struct glossa_keys *k, const char *text, size_t len,
                     const char *lang, struct glossa_buf *out);
/* The same from a normalised key (glossa__norm_key's output), without
** breaking the text into words again. */
int glossa__stem_key_of_norm(struct glossa_keys *k, const char *key, size_t len,
                             const char *lang, struct glossa_buf *out);

/* One normalised word stemmed (lang NULL: by its script). *out is the word
** itself or borrowed from k until its next call. */
int glossa__stem_token(struct glossa_keys *k, const char *tok, size_t len, const char *lang,
                       const char **out, size_t *out_len);

/* Transliteration key: the normalised text in Latin letters (Cyrillic by
** keys.c's table, the rest by ICU: Han-Latin for pinyin), folded to a
** skeleton that different romanisations share (ts/c, ya/ja/â, kh/x/h, y/j/i,
** doubled letters, tone numbers, no spaces). variant: one reading
** (GLOSSA_TR_*), with GLOSSA_TR_STEM each word's Russian ending dropped. */
enum {
    GLOSSA_TR_GENERIC = 0,
    GLOSSA_TR_SECOND = 1,     /* Cyrillic as Uzbek Latin writes it; Latin as Turkic
                              ** Latin reads it (j = ж, Kazakh y' and ý = у) */
    GLOSSA_TR_BELARUSIAN = 2, /* г = h */
    GLOSSA_TR_KYRGYZ = 3,     /* ң = ng */
    GLOSSA_TR_WEST = 4,       /* Latin as Polish, Czech and Belarusian Łacinka read
                              ** it (ch = х, sz = ш) */
    GLOSSA_TR_UZBEK_LATIN = 5, /* an Uzbek Latin term: a word's first yo = ё */
    GLOSSA_TR_READING = 7,    /* the bits of the reading */
    GLOSSA_TR_STEM = 8
};
/* The variant a term of lang is indexed with: uz-Cyrl SECOND, be, ky,
** uz-Latn UZBEK_LATIN, and ru stemmed (an inflected romanised query finds it). */
int glossa__translit_variant(const char *lang);
int glossa__translit_key(struct glossa_keys *k, const char *text, size_t len,
                         int variant, struct glossa_buf *out);
/* The same from a normalised key. */
int glossa__translit_key_of_norm(struct glossa_keys *k, const char *key, size_t len,
                                 int variant, struct glossa_buf *out);
/* The same in a reading of Latin (variant GLOSSA_TR_SECOND or _WEST, may be
** with _STEM): 1 when that reading read a word otherwise than the generic
** one does, 0 when the key is the generic key, or an error. */
int glossa__translit_reading_of_norm(struct glossa_keys *k, const char *key, size_t len,
                                     int variant, struct glossa_buf *out);
/* A term's key, as the index holds it: text in lang, key its normalised key;
** the variant of lang, and Chinese but Traditional (zh-Hant, whose pinyin is
** that of its mainland wording) transliterated as written: OpenCC's Taiwan
** phrases may have reworded it (建立 as 创建). */
int glossa__translit_key_of_term(struct glossa_keys *k, const char *text, size_t len,
                                 const char *lang, const char *key, size_t key_len,
                                 struct glossa_buf *out);

/* ---- translit.c: "Any-Latin; Latin-ASCII" of Arabic, Devanagari, Latin ---- */

struct glossa_translit; /* made on first use; free with glossa__translit_free() */
void glossa__translit_free(struct glossa_translit *t);
/* Word s (n UTF-16 units) as "Any-Latin; Latin-ASCII" opened by id makes it, when
** it is a word of a script translit.c knows (*out, *out_len: borrowed, valid until
** the next call): 1; 0 when it is not (the caller opens the id); or an error. */
int glossa__translit_known(struct glossa_translit **t, const uint16_t *s, int32_t n,
                           const uint16_t **out, int32_t *out_len);

/* ---- fts_tokenizer.c ----------------------------------------------------- */

/* Register the "glossa" FTS5 tokenizer on a connection. Must run before any
** statement touches an FTS5 table that uses it. */
int glossa__fts_register(struct sqlite3 *db, glossa_error *err);
/* The memo of Chinese texts the connection's tokenizers share (its lookup
** keys take it too), or NULL. */
struct glossa_han *glossa__fts_han(struct sqlite3 *db);

/* ---- lookup_query.c --------------------------------------------------- */

/* What glossa__lookup may leave out, for a caller that shows less of the
** results (the DICT server). BEST_KIND: in GLOSSA_MODE_AUTO the tiers stop
** at the first kind that matched (the hits of the best kind, in their
** order, are those glossa_lookup gives; the looser ones after them are not
** looked for). HEADS: hits with how they matched and the matched term
** (match_*) and terms, nothing else: not the concept's row (id, status and
** reliability NULL or 0), definitions, notes, contexts, national definitions
** or highlights; NO_TERMS: without terms either. */
#define GLOSSA__LOOKUP_BEST_KIND 1u
#define GLOSSA__LOOKUP_HEADS 2u
#define GLOSSA__LOOKUP_NO_TERMS 4u
/* glossa_lookup, leaving out what flags say. */
int glossa__lookup(glossa_db *db, const char *query, const glossa_lookup_opts *opts,
                   unsigned flags, glossa_results **out, glossa_error *err);

/* ---- lang.c ----------------------------------------------------------- */

/* 1 when tag (BCP 47) starts with the language/script prefix want
** ("zh" matches "zh-Hant-TW"; "zh-Hant" does not match "zh"). */
int glossa__lang_matches(const char *tag, const char *want);

/* 1 when tag's language is in the comma-separated list (glossa_list_next;
** NULL or "": all). */
int glossa__lang_in_list(const char *tag, const char *list);
/* Position of tag among the items of list it matches (the first), or -1. */
int glossa__lang_rank(const char *tag, const char *list);

/* ---- resources.c (generated at build time from schema/) ------------------ */

extern const char glossa__schema_sql[];
extern const size_t glossa__schema_sql_len;
extern const char glossa__schema_rng[];
extern const size_t glossa__schema_rng_len;
extern const char glossa__protocol_ru[], glossa__protocol_zh[], glossa__protocol_en[];
extern const size_t glossa__protocol_ru_len, glossa__protocol_zh_len, glossa__protocol_en_len;
extern const char glossa__note_ru[], glossa__note_zh[], glossa__note_en[];
extern const size_t glossa__note_ru_len, glossa__note_zh_len, glossa__note_en_len;
extern const char glossa__correction_ru[], glossa__correction_zh[], glossa__correction_en[];
extern const size_t glossa__correction_ru_len, glossa__correction_zh_len,
    glossa__correction_en_len;
extern const char glossa__protocol_css[];
extern const size_t glossa__protocol_css_len;

/* ---- fuzzy.c: the signs of the fuzzy tier, for index.c -------------------- */

/* The signs term_sign holds for a term of this norm and stem, each with
** the digest of its string's signs (fuzzy.c; GLOSSA_FUZZY_SIGNS at most):
** how many. */
#define GLOSSA_FUZZY_SIGNS 14
/* A sign of more terms than this has a first row (term 0) holding how many. */
#define GLOSSA_FUZZY_FEW 16
int glossa__fuzzy_signs(const char *norm, const char *stem, uint32_t *sign, int64_t *digest);

/* ---- store.c: the SQLite side ------------------------------------------- */

#define GLOSSA_SCHEMA_VERSION "6"

/* Open a connection with the tokenizer registered. flags are SQLite open flags. */
int glossa__store_open(struct sqlite3 **out, const char *path, const char *uri, int flags,
                       glossa_error *err);

/* Check the meta table against this build (schema, tokenizer, ICU versions). */
int glossa__store_check_meta(struct sqlite3 *db, const char *path,
                             glossa_error *err);

/* Every index of every table of db holds one entry per row of its table
** (an index scan counted against a table scan; store_check.c): what SQLite's
** quick_check leaves to its slower integrity_check, for the check before an
** index is published. Returns SQLite's code; problem gets "" when all match,
** else which index and its counts. */
int glossa__index_entries_match(struct sqlite3 *db, char *problem, size_t size);

/* The rows of sqlite_schema in a glossa index, by name (schema_rows.c,
** generated at build time by cmake/schema-rows.c from schema/glossa.sql). */
struct glossa__schema_row {
    const char *type, *name, *tbl_name, *sql;
};
extern const struct glossa__schema_row glossa__schema_rows[];
extern const size_t glossa__schema_rows_n;

/* The work a connection to an index may do before SQLite interrupts it
** (SQLITE_INTERRUPT): a bound, so that no database can make glossa run
** forever. Set afresh by glossa__budget_reset before each operation, in
** ticks of 1000 virtual-machine steps (some 30 µs): a lookup or a concept
** (at 1M terms the heaviest take 1 300 ticks), or an operation over the
** whole index (integrity check at 1M terms: 60 000; README "Hostile databases"). */
#define GLOSSA_BUDGET_LOOKUP 100000UL
#define GLOSSA_BUDGET_WHOLE 1000000UL
struct glossa__budget {
    unsigned long left;
};
void glossa__budget_reset(struct glossa__budget *b, unsigned long ticks);

/* Open an existing index, hostile input like any other: a clear error for a
** directory, an empty file, a file that is not SQLite or not a glossa index;
** a connection without triggers, views, extensions or schema writes, with
** the step budget b; sqlite_schema exactly as glossa's schema makes it and
** meta as this build writes it. writable: for the FTS5 checks of --check. */
int glossa__store_open_index(struct sqlite3 **out, const char *path, int writable,
                             struct glossa__budget *b, glossa_error *err);

/* Checked reads of the values of an index: each value is of the type,
** range and form glossa writes, or the first that is not is kept in err
** (damaged = 1) and a harmless value is returned ("" for text, min for a
** number, -1 for an enum), so callers finish the row and report err. */
struct glossa__reader {
    const char *path;
    int damaged;
    glossa_error err;
};
#define GLOSSA_READER_INIT(path) { (path), 0, { 0, "", 0, 0, "" } }
#define GLOSSA_ID_MAX INT64_MAX     /* row ids and references: 1 .. */
#define GLOSSA_ORD_MAX INT32_MAX    /* term.ord: 0 .. */
/* The values glossa writes in term.status, concept.status, definition.basis
** (for glossa__col_enum). */
extern const char glossa__term_statuses[], glossa__concept_statuses[],
    glossa__definition_bases[];
enum {
    GLOSSA_COL_NULL = 1,      /* NULL allowed (returned as NULL / min) */
    GLOSSA_COL_DATE = 2,      /* YYYY-MM-DD */
    GLOSSA_COL_LANG = 4       /* a language tag: letters, digits and '-' */
};
const char *glossa__col_text(struct glossa__reader *r, struct sqlite3_stmt *st, int col,
                             const char *table, unsigned flags);
long long glossa__col_int(struct glossa__reader *r, struct sqlite3_stmt *st, int col,
                          const char *table, long long min, long long max, unsigned flags);
/* The position of the value in values ("a\0b\0c\0" ends with an empty string). */
int glossa__col_enum(struct glossa__reader *r, struct sqlite3_stmt *st, int col,
                     const char *table, const char *values);


/* ---- tei.c: streaming reader of the TEI term base ----------------------- */

struct tei_term {
    const char *lang, *text, *status, *term_type, *geo, *source;
    const char *basis;   /* "official", "reconstruction" or "working-translation" (resp) */
    const char *from, *to;   /* time in force (YYYY-MM-DD) or NULL */
    int working;
    long line;
};
struct tei_def {
    const char *lang, *text, *source, *basis;
    const char *from, *to;   /* time in force (YYYY-MM-DD) or NULL */
    long line;
};
struct tei_note {
    const char *lang, *type, *text;
};
struct tei_xref {
    const char *type, *target, *label;
    long line;
};
struct tei_attest {
    const char *lang, *quote, *source;
};
/* Where a national definition is in its act and where it was read. */
struct tei_cite {
    const char *range;        /* article and item, as the act numbers them, or NULL */
    const char *version;      /* the edition read (YYYY-MM-DD), or NULL */
    const char *url;          /* the address the text was read at */
    const char *translation;  /* who translated it; NULL: the act's own text */
};
/* What an <entry> is: a concept of the term base; one definition of a national
** act (glossary/national/<state>.xml: one term, one def, one xref whose type
** is what the target is to the national notion, a cite); or a notion national
** definitions relate to that the term base lacks (one or more label terms). */
enum tei_kind { TEI_CONCEPT, TEI_LEGAL, TEI_NOTION };
/* One <entry>. All strings are borrowed for the duration of the callback. */
struct tei_entry {
    enum tei_kind kind;
    const char *id, *n, *status, *source;
    int reliability;
    long line;
    struct tei_term *terms;      size_t n_terms;
    struct tei_def *defs;        size_t n_defs;
    struct tei_note *notes;      size_t n_notes;
    struct tei_xref *xrefs;      size_t n_xrefs;
    struct tei_attest *attests;  size_t n_attests;
    struct tei_cite cite;        /* TEI_LEGAL only */
};
/* e's first preferred term in lang (BCP 47 prefix; NULL: in any language),
** or NULL. tei.c */
const struct tei_term *glossa__entry_preferred(const struct tei_entry *e, const char *lang);
struct tei_title {
    const char *lang, *text;
};
/* One <bibl> of the header's listBibl. A national act (type "law" with an
** idno of type state) also has its state, number, date and titles. */
struct tei_bibl {
    const char *id, *type, *citation;
    long line;
    const char *state, *number, *date, *url;   /* NULL when absent */
    struct tei_title *titles;  size_t n_titles;
};

struct tei_sink {
    /* Each returns 0 or a GLOSSA_E* code (which stops the read). */
    int (*bibl)(void *ud, const char *file, const struct tei_bibl *b);
    int (*entry)(void *ud, const char *file, const struct tei_entry *e);
    /* A problem in the input; the reader goes on where it can. Returns
    ** non-zero to stop (for example after too many errors). */
    int (*diag)(void *ud, const glossa_error *d);
    void *ud;
};

struct tei_schema;
int glossa__tei_schema_new(struct tei_schema **out, glossa_error *err);
void glossa__tei_schema_free(struct tei_schema *s);

/* Stream one TEI file into sink. Returns 0 when the file was read to the end
** without problems, GLOSSA_EINPUT/ESCHEMA when diagnostics were reported
** (err holds the first), another code on I/O or memory failure. */
int glossa__tei_read(struct tei_schema *schema, const char *path,
                     const struct tei_sink *sink, glossa_error *err);

/* A legal definition as the library hands it out (glossa_legal), from its
** TEI records (tei_national.c): index.c writes these values as rows, the term
** base in memory (termbase.c) keeps them for export. What the national notion
** is to the target, from the xr's type (what the target is to the national
** notion): "same", "broader", "narrower", "related". */
const char *glossa__legal_relation(const char *xr_type);
/* e's notes, one a line, appended to out (nothing when it has none). */
int glossa__legal_notes(const struct tei_entry *e, struct glossa_buf *out);
/* The act's title in lang when it has one, else its first; NULL when it has
** none (store.c's query of a concept's national definitions picks the same). */
const char *glossa__act_title(const struct tei_bibl *act, const char *lang);

/* ---- index.c and publish.c: building an index and putting it in place ---- */

/* What glossa writes at offset 68 of the SQLite header of every index
** (PRAGMA application_id): 0x474c4f53, "GLOS". */
#define GLOSSA_APPLICATION_ID 1196183379

/* A new index on its way to db_path: the lock is held, the target may be
** replaced (a glossa index, nothing, or force), the temporary file is
** reserved. @param[out] out  finish with _commit or _abort */
struct glossa_publish;
int glossa__publish_begin(const char *db_path, int force, struct glossa_publish **out,
                          glossa_error *err);
/* Where to build the new file. */
const char *glossa__publish_temp(const struct glossa_publish *p);
/* Put the built file in place of the target; frees p, whatever it returns. */
int glossa__publish_commit(struct glossa_publish *p, glossa_error *err);
/* Remove the built file, keep the target, release the lock; frees p (NULL: no-op). */
void glossa__publish_abort(struct glossa_publish *p);

/* ---- template.c: protocol wording, one file per language (export/) ------- */

struct glossa_template;
/* Parse the embedded template of lang ("ru", "zh", "en"), or the file at path
** when path is not NULL. @param[out] out  free with glossa__template_free() */
int glossa__template_load(struct glossa_template **out, const char *lang, const char *path,
                          glossa_error *err);
/* Parse a template held in memory (origin names it in messages). */
int glossa__template_parse(struct glossa_template **out, const char *src, size_t len,
                           const char *origin, glossa_error *err);
void glossa__template_free(struct glossa_template *t);
/* Append s to out with each {name} replaced by its value (NULL: nothing);
** a {name} not among the n names stays as written. 0 or GLOSSA_ENOMEM. */
int glossa__template_fill(struct glossa_buf *out, const char *s, const char *const *names,
                          const char *const *values, int n);
/* Section key of t filled from the NULL-terminated name, value pairs in ap
** (at most 8), copied into a (tmp is scratch space); NULL when out of memory. */
char *glossa__template_fillv(const struct glossa_template *t, const char *key,
                             struct glossa_buf *tmp, struct glossa_arena *a, va_list ap);
/* The text of a section ("" when absent); borrowed from t. */
const char *glossa__template_get(const struct glossa_template *t, const char *key);
/* The last item of a list ends with a full stop, not a semicolon ("…;" →
** "….", "…；" → "…。"): text, or a copy in a; NULL when out of memory. */
const char *glossa__text_final_stop(struct glossa_arena *a, const char *lang, const char *text);
/* The k-th (from 0) word of section key, a space-separated list ("а б в …"),
** copied into a; NULL when it has no such word, or (*oom set) out of memory. */
const char *glossa__template_word(const struct glossa_template *t, const char *key, size_t k,
                                  struct glossa_arena *a, int *oom);
/* 0 when t has every section named in keys (NULL-terminated), else
** GLOSSA_EINPUT naming the template's file and the first missing section. */
int glossa__template_require(const struct glossa_template *t, const char *const *keys,
                             glossa_error *err);

/* ---- doc.c: a small document model and its writers ----------------------- */

/* Consecutive DOC_SIGNATURE blocks are the signature block, one per Party:
** DOCX and HTML set them side by side, a column each with room to sign. */
enum doc_kind {
    DOC_DRAFT, DOC_TITLE, DOC_SUBTITLE, DOC_PARA, DOC_ARTICLE, DOC_ITEM, DOC_QUOTE,
    DOC_SIGNATURE, DOC_NOTE, DOC_TABLE_TITLE, DOC_TABLE_HEAD, DOC_TABLE_ROW,
    DOC_PAGE_BREAK, /* what follows starts a new page (DOCX, print; no text) */
    DOC_HEADING     /* the title of a part after the text: notes, an annex */
};
enum doc_style { RUN_PLAIN = 0, RUN_DEL = 1, RUN_INS = 2 };

struct doc_run {
    int style;
    const char *text;
};
#define DOC_MAX_CELLS 12 /* columns of a table */
struct doc_cell {
    struct doc_run *runs; size_t n_runs;
};
struct doc_block {
    enum doc_kind kind;
    struct doc_run *runs;  size_t n_runs;   /* the text (the first cell of a table row) */
    struct doc_cell more[DOC_MAX_CELLS - 1]; /* a table row's other cells */
    size_t n_cells;                          /* a table row's cells (1 + the last one used) */
    const char *part;  /* the template section it was written from, or NULL */
    int change;        /* a protocol's change record it states (1, 2, …; 0 none) */
};
struct glossa_doc {
    struct glossa_arena *arena;
    const char *lang;
    const char *title;   /* for <title> and document properties */
    struct doc_block *blocks;
    size_t n, cap;
};

struct glossa_doc *glossa__doc_new(const char *lang);
void glossa__doc_free(struct glossa_doc *d);
/* Add a block of one plain run; returns it (NULL on OOM). */
struct doc_block *glossa__doc_add(struct glossa_doc *d, enum doc_kind kind, const char *text);
/* Append a run to a block's text, or to cell number cell (0, 1, …) of a
** table row. A table has as many columns as its head has cells. */
int glossa__doc_run(struct glossa_doc *d, struct doc_block *b, int cell, int style,
                    const char *text, size_t len);

/* The one XML escaper (doc.c), for every XML and HTML glossa writes:
** _escape for attribute values and text (&, <, >, "; newline, if not NULL,
** replaces '\n'); _text for element content (&, <, >; quotes stay). */
int glossa__xml_escape(struct glossa_buf *out, const char *s, const char *newline);
int glossa__xml_text(struct glossa_buf *out, const char *s);

int glossa__doc_markdown(const struct glossa_doc *d, struct glossa_buf *out);
int glossa__doc_html(const struct glossa_doc *d, struct glossa_buf *out);
int glossa__doc_tei(const struct glossa_doc *d, struct glossa_buf *out);
/* A .docx (Office Open XML) package, bytes in out. */
int glossa__doc_docx(const struct glossa_doc *d, struct glossa_buf *out, glossa_error *err);
/* d in format, as a new buffer (freed with glossa_free) of *out_len bytes
** (GLOSSA_FORMAT_AKN is the protocol's own: protocol_akn.c). */
int glossa__doc_write(const struct glossa_doc *d, glossa_doc_format format, char **out,
                      size_t *out_len, glossa_error *err);

/* template.c: a document written from a template (the protocol, the explanatory note,
** the correction): its fixed wording, the document, scratch space for
** filling sections, and whether an allocation failed (then every text is ""
** and no block is added). */
struct doc_writer {
    struct glossa_template *tpl;
    struct glossa_doc *doc;
    struct glossa_buf tmp;
    int oom;
};
/* Section key filled from the NULL-terminated name, value pairs that
** follow, in the document's arena; "" (oom set) when out of memory. */
const char *glossa__dw_fill(struct doc_writer *w, const char *key, ...);
const char *glossa__dw_fillv(struct doc_writer *w, const char *key, va_list ap);
/* A block of one plain run (oom set and NULL when out of memory). */
struct doc_block *glossa__dw_block(struct doc_writer *w, enum doc_kind kind, const char *text);
/* A block of kind per paragraph of text (per line when per_line), each
** with part as its template section. */
void glossa__dw_paragraphs(struct doc_writer *w, enum doc_kind kind, const char *text,
                           int per_line, const char *part);

/* ---- zip.c: ZIP packages (the DOCX container) ---------------------------- */

struct glossa_zip_part {
    const char *name; /* the path in the package, UTF-8 */
    const char *data;
    size_t len;
};
/* The n parts, deflated, as a ZIP package appended to out: the same parts,
** the same bytes (a fixed time stamp). GLOSSA_EINPUT for a package that
** would need ZIP64 (a part or the package of 4 GiB or more, more than 65,535
** parts), GLOSSA_ENOMEM; out as it was on any error. */
int glossa__zip_write(const struct glossa_zip_part *parts, size_t n, struct glossa_buf *out,
                      glossa_error *err);

/* ---- store.c: an open index (store_int.h has its inside) ----------------- */

/* The SQLite connection of an open index (borrowed), its step budget set
** afresh: call it at the start of each operation on the index. */
struct sqlite3 *glossa__db_sql(glossa_db *db);
const char *glossa__db_path(glossa_db *db);

/* ---- strmap.c: interning byte strings (ids 0, 1, 2 … by first insertion) --- */

/* FNV-1a, 64 bits, of n bytes. */
uint64_t glossa__hash_bytes(const char *s, size_t n);

struct glossa_strmap {
    uint32_t *slots;          /* id + 1, or 0 for an empty slot */
    size_t n_slots;           /* a power of two */
    size_t *off;              /* key id: its offset in bytes */
    uint32_t *len;            /* key id: its length */
    size_t count, cap;
    struct glossa_buf bytes;  /* the keys, one after the other */
};
void glossa__strmap_init(struct glossa_strmap *m);
void glossa__strmap_release(struct glossa_strmap *m);
/* The id of key, added if new (*added, if not NULL, says so); -1 on OOM. */
long glossa__strmap_intern(struct glossa_strmap *m, const char *key, size_t n, int *added);
/* The id of key, or -1. */
long glossa__strmap_find(const struct glossa_strmap *m, const char *key, size_t n);
/* The key of id (*n bytes, not NUL-terminated), borrowed until the next intern. */
const char *glossa__strmap_key(const struct glossa_strmap *m, long id, size_t *n);

/* ---- text.c: running text for scan and candidates ------------------------ */

struct glossa_splice {
    size_t clean_at, orig_at;  /* from clean_at on, clean text continues at orig_at */
};
struct glossa_text {
    char *utf8;               /* the document as UTF-8, NUL-terminated */
    size_t len;
    char *clean;              /* the same with line-end hyphenation undone (may be utf8) */
    size_t clean_len;
    struct glossa_splice *splices; size_t n_splices, cap_splices;
};
/* A position in utf8 as line and column, moved forward only. Zero it to start. */
struct glossa_text_pos {
    size_t at;
    long line, column;
};
/* What lies between two words of the clean text. */
enum { GLOSSA_GAP_SPACE, GLOSSA_GAP_HYPHEN, GLOSSA_GAP_BREAK };

/* The largest document read (glossa_read_file) and loaded. */
#define GLOSSA_TEXT_MAX ((size_t)1024 * 1024 * 1024)

/* Decode data (UTF-8 or UTF-16 with BOM) and re-join hyphenated line ends.
** name is for messages. Release t with glossa__text_release(). */
int glossa__text_load(struct glossa_text *t, const char *data, size_t len, const char *name,
                      glossa_error *err);
void glossa__text_release(struct glossa_text *t);
/* Offset in utf8 of offset pos of clean; is_end: pos ends a range. */
size_t glossa__text_orig(const struct glossa_text *t, size_t pos, int is_end);
/* Move p forward to byte `to` of utf8, counting lines and characters. */
void glossa__text_advance(const struct glossa_text *t, struct glossa_text_pos *p, size_t to);
/* GLOSSA_GAP_SPACE (white space only, or nothing), GLOSSA_GAP_HYPHEN (and one
** hyphen) or GLOSSA_GAP_BREAK (punctuation) for clean[from, to). */
int glossa__text_gap(const struct glossa_text *t, size_t from, size_t to);
/* Append clean[from, to) to out with each run of white space as one space
** (no-break spaces are kept). */
int glossa__text_collapsed(const struct glossa_text *t, size_t from, size_t to,
                           struct glossa_buf *out);
/* Every normalised word of the clean text (offsets in clean), chunk by chunk. */
int glossa__text_tokens(const struct glossa_text *t, struct glossa_norm *norm,
                        glossa_token_fn fn, void *ud);
/* A second stem of a Russian word's paradigm where Snowball gives two (орган,
** органа, органы → орга; органом, органов, органами → орган): 1 and the stem
** of the word with -ом added when it is longer and a prefix of the word, else
** 0 (or GLOSSA_ENOMEM). Terms are keyed by both. *out is borrowed from k
** until its next call. */
int glossa__text_stem_variant(struct glossa_keys *k, const char *tok, size_t len,
                              const char **out, size_t *out_len);

#endif /* GLOSSA_INT_H */
