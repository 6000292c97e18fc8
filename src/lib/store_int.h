/*
** store_int.h — an open index (glossa_db) as the library's files see it:
** the connection, its step budget and checked reader, the statements that
** lookups run, prepared once when store.c opens the index (their SQL is
** store.c's statement table), and the key maker (keys.c). store.c owns it
** (open, close, the start and end of an operation); lookup.c, fuzzy.c and
** results.c use it.
*/
#ifndef GLOSSA_STORE_INT_H
#define GLOSSA_STORE_INT_H

#include "glossa_int.h"

#include <sqlite3.h>

/* The prepared statements of an open index (store.c's statement table says
** what each selects). */
enum {
    Q_EXACT, Q_NORM, Q_STEM, Q_STEM_FTS, Q_TRANSLIT, Q_PREFIX, Q_FUZZY, Q_FUZZY_ROW, Q_TEXT,
    Q_CONCEPT, Q_MATCHED, Q_TEXT_ROW, Q_TERMS, Q_DEFS, Q_NOTES, Q_BY_ID, Q_LEGAL, Q_NOTION,
    Q_CONTEXTS, Q_XREFS, Q_TRANSLIT_OF,
    Q_COUNT
};

struct glossa_db {
    sqlite3 *sql;
    char *path;
    struct glossa__budget budget;   /* set afresh by each operation */
    struct glossa__reader rd;       /* the first damaged value an operation read */
    sqlite3_stmt *q[Q_COUNT];
    struct glossa_keys *keys;
};

/* The start of an operation on the index: a fresh lookup budget, no damage seen. */
void glossa__db_begin(glossa_db *db);
/* The end of one: rc, or the first damaged value read as its error. */
int glossa__db_end(glossa_db *db, int rc, glossa_error *err);
/* Reset st after its last step (rc): 0 for SQLITE_DONE, else the error. */
int glossa__step_end(glossa_db *db, sqlite3_stmt *st, int rc, glossa_error *err);

/* Append n bytes of s to an FTS5 query (the MATCH parameter of a statement)
** as a string: "s", or "s"* with star; a space before it when q is not
** empty. User text reaches MATCH only this way. */
int glossa__fts_string(struct glossa_buf *q, const char *s, size_t n, int star);

#endif
