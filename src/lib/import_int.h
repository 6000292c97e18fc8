/*
** import_int.h — what the files of the TBX importer share: its state, the
** records of what is left out and what waits for the end of the file, and
** the helpers of import_values.c (DOM, languages, ids, sources, values) that
** import_concept.c (one concept) and import_tbx.c (the file) use.
*/
#ifndef GLOSSA_IMPORT_INT_H
#define GLOSSA_IMPORT_INT_H

#include "exchange_int.h"

#include <libxml/tree.h>

#include <string.h>

#define TBX_NS_PREFIX "urn:iso:std:iso:30042"

/* Something left out, counted per kind and reported once at the end. */
struct tally {
    char what[96];      /* "data category 'partOfSpeech'", "language 'de'" */
    char hint[160];
    unsigned long count;
    long line;          /* first occurrence */
    int is_language;    /* counts terms of a skipped language */
};

/* Entries are referred to by their index: the array moves as it grows. */
struct ref_pending {
    size_t from;
    const char *target;   /* a TBX id */
    const char *label;
    const char *type;     /* from the concept's "[glossa]" note, else NULL */
    long line;
};

struct id_alias {
    const char *tbx_id;   /* a conceptEntry, termSec or term id of the file */
    size_t entry;
};

struct source_obj {
    const char *id, *type, *citation;  /* refObject of back */
};

struct importer {
    struct glossa_tb *tb;
    const glossa_import_opts *opts;
    struct xc_report r;
    glossa_exchange_stats *stats;
    const char *path;
    const char *root_lang;     /* member tag of the file's xml:lang, or NULL */
    const char *file_bibl;     /* id of the bibl naming the TBX file, once made */
    const char *file_citation;
    struct tally *tallies;     size_t n_tallies, cap_tallies;
    struct ref_pending *refs;  size_t n_refs, cap_refs;
    struct id_alias *aliases;  size_t n_aliases, cap_aliases;
    struct source_obj *sources; size_t n_sources, cap_sources;
    unsigned long no_status, renamed;
    char renamed_example[200];
    char uz_note[160];
    int oom;
    glossa_error refused;      /* the first text glossa__text_refused() refuses (code 0: none) */
};

/* One concept while it is read: the entry plus what needs the end of it. */
struct concept_state {
    struct tei_entry *e;
    size_t index;              /* of e in the term base */
    size_t cap;
    int *explicit_status;      /* per term: status came from the file */
    const char *xr_type[64];   /* "[glossa]" cross-reference types by target */
    const char *xr_target[64];
    size_t n_xr;
};

/* Copy a string into the term base's arena (NULL stays NULL; sets im->oom). */
#define STR(s) glossa__tb_str(im->tb, (s), &im->oom)

/* An element of TBX's core namespace (or of no namespace: TBX 2008). */
static inline int is_core(xmlNodePtr n)
{
    return n && n->type == XML_ELEMENT_NODE &&
           (!n->ns || !n->ns->href ||
            strncmp((const char *)n->ns->href, TBX_NS_PREFIX, strlen(TBX_NS_PREFIX)) == 0);
}

static inline int is(xmlNodePtr n, const char *name)
{
    return is_core(n) && strcmp((const char *)n->name, name) == 0;
}

static inline long line_of(xmlNodePtr n)
{
    return n ? xmlGetLineNo(n) : 0;
}

/* ---- import_values.c ----------------------------------------------------------------- */


/* An attribute's value, whitespace squeezed, in the arena (NULL if absent). */
const char *glossa__tbx_attr(struct importer *im, xmlNodePtr n, const char *name,
                             const xmlChar *ns);
/* Text content with XML white space collapsed and trimmed, in the arena. */
const char *glossa__tbx_text(struct importer *im, xmlNodePtr n);
/* The data category of an element ("definition" for <descrip type="definition">
** and for DCT's <basic:definition>; *kind "descrip" or "dct"), NULL for
** structural elements. */
const char *glossa__tbx_category(struct importer *im, xmlNodePtr n, const char **kind);

/* Count something left out, reported once per kind at the end. */
void glossa__tbx_tally(struct importer *im, long line, int is_language, unsigned long count,
                       const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* An element whose data category glossa has no place for. */
void glossa__tbx_ignored(struct importer *im, xmlNodePtr n);

/* BCP 47 case: language lower, script title, region upper; '_' read as '-'. */
void glossa__tbx_canonical_tag(const char *raw, char *out, size_t size);
/* The member-language tag for a TBX language code (after --lang-map), or
** NULL; sample, a term of the language, gives a bare "uz" its script. */
const char *glossa__tbx_member_tag(struct importer *im, const char *raw, const char *sample,
                                   long line);

int glossa__tbx_is_slug(const char *s);
/* The TEI id of a concept: the TBX id if it is a valid slug, else made into
** one (from the TBX id, else from the first English term, else its place),
** with --id-prefix before it. */
const char *glossa__tbx_concept_id(struct importer *im, struct tei_entry *e, const char *tbx_id,
                                   size_t place);
/* Make the ids of the concepts kept unique ("-2", "-3" … after the first, in
** the order of the file), each change reported. 0 or GLOSSA_ENOMEM. */
int glossa__tbx_unique_ids(struct importer *im);
/* Remember that a TBX id (of a concept, term section or term) names entry e. */
void glossa__tbx_alias(struct importer *im, const char *tbx_id, size_t e);

/* The bibl naming the TBX file itself, made when first needed. */
const char *glossa__tbx_file_bibl(struct importer *im);
/* The bibl of an <admin type="source">, and of a group's. */
const char *glossa__tbx_source_of(struct importer *im, xmlNodePtr admin);
const char *glossa__tbx_group_source(struct importer *im, xmlNodePtr group);

/* What glossa's export says about a term's or definition's wording. */
struct wording {
    const char *basis;      /* "reconstruction", "working-translation" or NULL */
    const char *from, *to;  /* time in force (YYYY-MM-DD) or NULL */
};
/* Read a note "[glossa] reconstruction", "[glossa] working translation" or
** "[glossa] from: DATE; to: DATE" into w; 1 if text was such a note. */
int glossa__tbx_wording_mark(struct importer *im, const char *text, struct wording *w);
/* The wording marks among a group's notes (a definition's descripGrp). */
void glossa__tbx_group_wording(struct importer *im, xmlNodePtr group, struct wording *w);
/* The refObjects of <back> (glossa's export lists its sources there). */
void glossa__tbx_read_back(struct importer *im, xmlNodePtr back);

/* glossa's value for a TBX status, termType or geographicalUsage, or NULL. */
const char *glossa__tbx_status(const char *v);
const char *glossa__tbx_term_type(const char *v);
const char *glossa__tbx_geo(struct importer *im, const char *v);

/* ---- import_concept.c ---------------------------------------------------------------- */

/* doc checked against the RELAX NG schema in the file schema (import_schema.c):
** 0, or GLOSSA_ESCHEMA with every violation said to r as FILE:LINE (the
** first in err), GLOSSA_EINPUT when the schema cannot be used. */
int glossa__tbx_schema_check(xmlDocPtr doc, const char *tbx_path, const char *schema,
                             struct xc_report *r, glossa_error *err);
/* Read one conceptEntry/termEntry into a new entry of im->tb (place: its
** 1-based position, for ids). A concept without a preferred Russian term is
** kept with no terms (left out) and reported. */
void glossa__tbx_read_concept(struct importer *im, xmlNodePtr node, size_t place);

#endif
