/*
** termbase_int.h — the one way libglossa reads a TEI term base, and the term
** base held in memory. Private to libglossa.
**
** load.c is the loader: files and folders → validated entries, handed one at
** a time to a sink (index.c writes them as rows; termbase.c keeps them).
** termbase.c holds a whole term base in memory for those that need all of it:
** diff and protocol (diff.c), proposals (proposal.c) and the exchange formats
** (exchange_int.h). No command builds a SQLite index to read TEI.
*/
#ifndef GLOSSA_TERMBASE_INT_H
#define GLOSSA_TERMBASE_INT_H

#include "glossa_int.h"

/* ---- load.c: the one term-base loader ---------------------------------------------- */

/* The files a read took, folders expanded, in the order read. */
struct tb_files {
    char **items;
    size_t n, cap;
};
void glossa__tb_files_free(struct tb_files *f);

struct tb_read_opts {
    const glossa_index_opts *opts;  /* on_diag, on_progress, max_errors, userdata; may be NULL */
    int partial;                    /* part of a term base: cross-references may leave it */
    /* Given each source and each entry of a file without problems that passed
    ** the loader's own checks (its diag member is not used); NULL: check only.
    ** An error it returns stops the read and is returned; it fills err itself. */
    const struct tei_sink *sink;
};

/* Read and check TEI inputs (files, and folders: their *.xml files, sorted):
** each file against the schema (tei.c), then the rules across files —
** concept ids unique, cross-references resolve (unless o->partial). Every
** problem goes to o->opts->on_diag (up to max_errors, default 50); err gets
** the first. Returns 0 only when everything is valid and the sink took all.
** @param files  if not NULL, filled with the files read (caller frees with
**               glossa__tb_files_free, also on error)
** @param stats  if not NULL, counts of what was read */
int glossa__tb_read(const char *const *inputs, size_t n_inputs, const struct tb_read_opts *o,
                    struct tb_files *files, glossa_index_stats *stats, glossa_error *err);

/* ---- termbase.c: a term base in memory ----------------------------------------------- */

/* A definition of a national act read with the term base (glossary/national/),
** in the shape the library hands out (act_id names a bibl of the term base),
** and its place: the act's among the sources, the definition's among all. */
struct tb_legal {
    glossa_legal l;
    size_t act, ord;
};

/* A term base in memory. Entries and sources use the tei.c records; every
** string and array lives in the arena. Source pointers in entries ("id", no
** '#') name a bibl of this term base: ids are unique here, even when the
** TEI inputs reused one id for different sources in different files. Entries
** are concepts; the study of national legislation, when read with them, is
** its acts (bibls with a state) and its definitions (legal); its notions are
** not kept (a definition's target that is no concept is one). */
struct glossa_tb {
    struct glossa_arena *arena;
    struct tei_bibl *bibls;     size_t n_bibls, cap_bibls;
    struct tei_entry *entries;  size_t n_entries, cap_entries;
    struct tb_legal *legal;     size_t n_legal, cap_legal; /* by target after glossa__tb_index */
    const char **entry_file;    /* the TEI file of each entry (NULL when not from TEI) */
    const char *title;          /* of the file (TBX title, TEI export), or NULL */
    const char *origin;         /* what it was read from, for headers, or NULL */
    int termbase;               /* 1: not the annex's kind: some concept has no preferred
                                   Russian term (written as <TEI type="termbase">) */
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

/* Sort the id index and the national definitions; call after the last entry was added. */
int glossa__tb_index(struct glossa_tb *tb);
/* The entry with this id (after glossa__tb_index), or NULL. */
const struct tei_entry *glossa__tb_find(const struct glossa_tb *tb, const char *id);
/* The national definitions that relate to the concept or notion id, as
** lookup orders them (state, act, place), after glossa__tb_index: *n of them
** from the one returned. */
const struct tb_legal *glossa__tb_legal(const struct glossa_tb *tb, const char *id, size_t *n);

/* Read TEI inputs through the loader (glossa__tb_read, with its checks)
** into tb and sort its id index. partial: the inputs may be part of a term
** base (a version, a proposal): cross-references may leave them.
** Diagnostics go to opts->on_diag. */
int glossa__tb_load_tei(struct glossa_tb *tb, const char *const *inputs, size_t n_inputs,
                        const glossa_index_opts *opts, int partial, glossa_error *err);

/* The text of e's <note type="rationale"> in lang (when given), else its first
** one; NULL when it has none. */
const char *glossa__entry_rationale(const struct tei_entry *e, const char *lang);

/* Copy s into tb's arena (NULL stays NULL). Sets *oom on failure. */
const char *glossa__tb_str(struct glossa_tb *tb, const char *s, int *oom);

#endif
