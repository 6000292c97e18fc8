/*
** dict_int.h — what the files of the DICT server (RFC 2229) share: the
** server state and session, the languages and strategies, and the writers of
** answers. dict.c: databases, sessions, command lines, SHOW; dict_search.c:
** DEFINE and MATCH; dict_text.c: the languages, quoting, dot-stuffing,
** paragraphs as lines, right-to-left text isolated, a concept as text. Calls
** go one way: dict.c -> dict_search.c -> dict_text.c. Private to libglossa.
*/
#ifndef GLOSSA_DICT_INT_H
#define GLOSSA_DICT_INT_H

#include "glossa_int.h"

#include <time.h>

/* The languages a database can be about, in the order SHOW DB lists them
** (dict_text.c). */
struct dict_language {
    const char *tag, *name;
};
#define DICT_N_LANGS 11
extern const struct dict_language glossa__dict_languages[DICT_N_LANGS];
#define DICT_LANG(i) (glossa__dict_languages[i])

/* MATCH strategies; mode is a glossa_mode, or DICT_MODE_SUBSTRING. */
struct dict_strategy {
    const char *name, *desc;
    int mode;
};
#define DICT_N_STRATEGIES 7
#define DICT_MODE_SUBSTRING (-2)
extern const struct dict_strategy glossa__dict_strategies[DICT_N_STRATEGIES];
#define DICT_STRATEGY(i) (glossa__dict_strategies[i])

#define DICT_550 "550 invalid database, use \"SHOW DB\" for list of databases\r\n"
/* The term base, as the greeting, SHOW DB and SHOW SERVER name it. */
#define DICT_TITLE "SCO information-security terms"
/* "s" after a count that is not 1. */
#define DICT_S(n) ((n) == 1 ? "" : "s")

/* "all" is listed by SHOW DB and asked by "*" and "!"; the language pairs are
** not, as dictd's "invisible" databases, so that "*" gives a concept once,
** but a client that names one ("ru-zh") is answered. */
struct dict_db {
    char name[8]; /* "all" or "ru-zh" */
    int src, dst; /* index into glossa__dict_languages[], -1 for "all" */
    int listed;   /* shown by SHOW DB, asked by "*" and "!" */
    unsigned concepts;
};

struct glossa_dict {
    glossa_db *db;
    struct glossa_norm *norm; /* search keys for the substring strategy */
    char host[128];
    unsigned define_limit, match_limit;
    struct dict_db dbs[1 + DICT_N_LANGS * (DICT_N_LANGS - 1)];
    size_t n_dbs, n_listed;
    unsigned concepts, terms, definitions; /* of the term base, as glossa index counts them */
    unsigned legal;                        /* national legal definitions */
    char built[32];                        /* when the index was built (meta built_at) */
    time_t started;
    unsigned long sessions, commands;
};

struct glossa_dict_session {
    glossa_dict *d;
    struct glossa_buf in;  /* bytes not yet answered */
    struct glossa_buf out; /* answers not yet sent: out.data + sent .. out.len */
    size_t sent;
    int discarding; /* inside a line that was too long */
    int mime;       /* OPTION MIME was given */
    int done;
};

/* ---- dict_text.c: writing answers ----------------------------------------- */

/* A quoted string for a status line ("…", \ and " escaped, at most 900 bytes). */
int glossa__dict_quoted(struct glossa_buf *r, const char *s);
/* One line of a text answer, dot-stuffed, with CRLF. */
int glossa__dict_line(struct glossa_buf *r, const char *s, size_t n);
int glossa__dict_linef(struct glossa_buf *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A paragraph as one line for the client to wrap: `first`, then text (runs of
** white space as one space). Only one longer than the RFC's line goes on over
** more lines, indented by `indent` spaces. */
int glossa__dict_para(struct glossa_buf *r, const char *first, size_t indent, const char *text);
/* The MIME header of a text answer, when the session asked for it: a full
** one for a definition, else an empty one. */
int glossa__dict_mime(const struct glossa_dict_session *s, struct glossa_buf *r, int definition);
/* The description of a database, as SHOW DB and DEFINE give it. */
void glossa__dict_description(const struct dict_db *db, char *out, size_t n);
/* The text of one DEFINE answer: the concept of h as database db shows it,
** and how word (the query) was read when not as it is. */
int glossa__dict_concept(struct glossa_buf *r, const glossa_hit *h, const struct dict_db *db,
                         const char *word);

/* ---- dict_search.c: DEFINE and MATCH ----------------------------------------- */

/* Append the whole answer (150 … 250, or 550/551/552) to r. Returns 0 or a
** GLOSSA_E* code (then r holds part of an answer, which the caller drops). */
int glossa__dict_define(struct glossa_dict_session *s, const char *db, const char *word,
                        struct glossa_buf *r, glossa_error *err);
int glossa__dict_match(struct glossa_dict_session *s, const char *db, const char *strategy,
                       const char *word, struct glossa_buf *r, glossa_error *err);

#endif /* GLOSSA_DICT_INT_H */
