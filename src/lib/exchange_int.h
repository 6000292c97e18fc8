/*
** exchange_int.h — what the exchange-format files of libglossa share: a term
** base held in memory (the entries and sources of TEI files, or of an imported
** TBX file) and the writers and readers that work on it.
**
** termbase.c builds it from TEI inputs and holds it; export_tbx.c,
** export_csv.c and export_json.c write it; import_tbx.c fills it from TBX;
** tei_write.c writes it as TEI in glossa's encoding (schema/README.md).
*/
#ifndef GLOSSA_EXCHANGE_INT_H
#define GLOSSA_EXCHANGE_INT_H

#include "glossa_int.h"

/* A term base in memory. Entries and sources use the tei.c records; every
** string and array lives in the arena. Source pointers in entries ("id", no
** '#') name a bibl of this term base: ids are unique here, even when the
** TEI inputs reused one id for different sources in different files. */
struct glossa_tb {
    struct glossa_arena *arena;
    struct tei_bibl *bibls;     size_t n_bibls, cap_bibls;
    struct tei_entry *entries;  size_t n_entries, cap_entries;
    const char **entry_file;    /* the TEI file of each entry (NULL when not from TEI) */
    const char *title;          /* of the file (TBX title, TEI export), or NULL */
    const char *origin;         /* what it was read from, for headers, or NULL */
    const struct tei_entry **by_id; /* sorted by id, after glossa__tb_index() */
};

/* @param[out] out  new, empty term base; free with glossa__tb_free() */
int glossa__tb_new(struct glossa_tb **out, glossa_error *err);
void glossa__tb_free(struct glossa_tb *tb);

/* Add a source. When id is taken by a source with another citation or type,
** "-2", "-3", … is appended; an identical source is not added twice. Returns
** the id used (borrowed from tb), NULL on OOM. */
const char *glossa__tb_add_bibl(struct glossa_tb *tb, const char *id, const char *type,
                                const char *citation);
/* The source with this id, or NULL. */
const struct tei_bibl *glossa__tb_bibl(const struct glossa_tb *tb, const char *id);

/* A new zeroed entry at the end (NULL on OOM); arrays are the caller's to fill
** from the arena. */
struct tei_entry *glossa__tb_add_entry(struct glossa_tb *tb);

/* Sort the id index; call after the last entry was added. */
int glossa__tb_index(struct glossa_tb *tb);
/* The entry with this id (after glossa__tb_index), or NULL. */
const struct tei_entry *glossa__tb_find(const struct glossa_tb *tb, const char *id);

/* Validate TEI inputs as `glossa index` does (cross-references may leave
** them) and read them into tb. Diagnostics go to opts->on_diag. */
int glossa__tb_load_tei(struct glossa_tb *tb, const char *const *inputs, size_t n_inputs,
                        const glossa_index_opts *opts, glossa_error *err);

/* Copy s into tb's arena (NULL stays NULL). Sets *oom on failure. */
const char *glossa__tb_str(struct glossa_tb *tb, const char *s, int *oom);

/* ---- writers --------------------------------------------------------------------- */

/* Warnings of a writer or reader: what a format cannot carry, what was left
** out. Reported as a glossa_error with code 0. */
struct xc_report {
    glossa_diag_fn fn;
    void *userdata;
    const char *file;           /* for the records */
    glossa_exchange_stats *stats;
};
void glossa__xc_warn(struct xc_report *r, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The distinct language tags of tb, in order of first appearance (terms,
** then definitions), kept when they match the comma-separated list want
** (NULL: all); with want, in the order of its items. @param[out] out  array
** in tb's arena */
int glossa__tb_languages(struct glossa_tb *tb, const char *want, const char ***out, size_t *n);


int glossa__write_tbx(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                      struct glossa_buf *out);
int glossa__write_csv(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                      struct glossa_buf *out);
int glossa__write_omegat(struct glossa_tb *tb, const glossa_export_opts *opts,
                         struct xc_report *r, struct glossa_buf *out);
int glossa__write_json(struct glossa_tb *tb, const glossa_export_opts *opts, struct xc_report *r,
                       struct glossa_buf *out);
/* Append s escaped for element content (&, <, >; quotes stay). */
int glossa__xml_text(struct glossa_buf *out, const char *s);
/* The term base as one TEI file in glossa's encoding. */
int glossa__write_tei(const struct glossa_tb *tb, struct glossa_buf *out);

/* Markers that carry what TBX-Basic has no data category for (see
** schema/README.md §6): a note "[glossa] status: …" on the concept, and
** "[glossa] reconstruction" / "[glossa] working translation" on a term or a
** definition; glossa's note types as "[usage] …". */
#define XC_MARK "[glossa] "

#endif
