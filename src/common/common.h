/*
** common.h — what the two front ends over libglossa share: the CLI
** (src/cli) and the web server (src/web). Neither includes the other's
** headers; both include this one (the glossa_common library). A rule that
** both apply — how a number option is checked, how a hit looks in JSON,
** where the glossary's proposals are — is written once, here:
**   value.c    typed values from text (a whole number in a range, a number
**              from 0 to 1, one of a list), with one message style; the
**              ranges and values of lookup's options (--limit, --mode, --in)
**   render.c   the JSON of results (lookup, show, /api/lookup,
**              /api/concept) and of where proposals stand (status,
**              /api/status); the wordings the text and the page share
**   glossary.c the glossary folder, the proposal and positions files in it
**              or given, where the proposals stand; language lists checked
**   net.c      the socket helpers of both servers (DICT and HTTP)
*/
#ifndef GLOSSA_COMMON_H
#define GLOSSA_COMMON_H

#include "glossa.h"

#include <stdio.h>
#include <sys/socket.h>

/* ---- value.c ------------------------------------------------------------------------- */

/* lookup's options, as `glossa lookup --limit/--mode/--in` and the web
** API's limit=, mode= and in= take them (the values are glossa_mode_parse's
** names; a value may carry a note for help after a space). */
#define LOOKUP_LIMIT_MIN 1
#define LOOKUP_LIMIT_MAX 1000
#define LOOKUP_MODES "auto|exact|normalized|stem|translit|prefix|fuzzy|fulltext|fts|layout|within"
#define LOOKUP_IN "terms|definitions (full text of definitions and notes)"

/* Each: 0 and the value, or -1 and "NAME must be …, not 'V'" in msg, V
** shown up to `shown` bytes (-1: whole). */
/* A whole number from min to max (seconds: "a whole number of seconds"). */
int value_int(const char *name, int seconds, long min, long max, const char *v, int shown,
              long *num, char *msg, size_t size);
/* A number from 0 to 1. */
int value_ratio(const char *name, const char *v, int shown, double *ratio, char *msg,
                size_t size);
/* One of values ("a|b (note)|c"): its index in *num. */
int value_enum(const char *name, const char *values, const char *v, int shown, long *num,
               char *msg, size_t size);
/* The index of s among values, or -1. */
int value_index(const char *values, const char *s);
/* values as "a, b or c" in buf; for_help: with their notes, the first
** marked " (default)" unless its note says more. */
void value_list_text(const char *values, int for_help, char *buf, size_t size);

/* ---- render.c ------------------------------------------------------------------------ */

/* s as a JSON string (glossa_json_string): exact data, with controls, C1,
** DEL, bidi controls and U+2028/9 as \uXXXX (safe to view in a terminal),
** bad UTF-8 as \ufffd. A failed write shows in ferror(f). */
void out_json_string(FILE *f, const char *s);
/* s as a JSON string, or null when s is NULL. */
void out_json_nullable(FILE *f, const char *s);
/* ,"key":value with value as out_json_nullable writes it. */
void out_json_field(FILE *f, const char *key, const char *value);
/* The same for n bytes that may hold NUL (\u0000). */
void out_json_string_n(FILE *f, const char *s, size_t n);
/* The JSON of `lookup --format json`, show's and the API's to f: each
** concept whole (status, instrument, terms with type, region, dates and the
** working flag, definitions with basis and dates, notes, contexts, related
** concepts, national definitions), the same shape everywhere. */
void lookup_print_json(FILE *f, const char *query, const glossa_results *res);
void lookup_print_json_hits(FILE *f, const char *query, const glossa_hit *const *hits, size_t n);
/* The hits of res as an array (caller frees), or NULL when out of memory. */
const glossa_hit **render_hits_of(const glossa_results *res);
/* The JSON of `status --format json` (and /api/status) to f (round NULL: all). */
void status_print_json(FILE *f, const glossa_status_report *r, const char *round);
/* How a printer writes glossa's data: made safe for a terminal, or escaped for HTML. */
typedef void (*render_data_fn)(FILE *f, const char *s);
/* "in force from A until B" (either part) for a dated wording; nothing when undated. */
void render_dates(FILE *f, const char *from, const char *to, render_data_fn data);
/* A concept's status as said to people: "in force" for in-force. */
const char *render_status_text(const char *status);
/* A definition's source, then what it is when its basis says so: "S
** (reconstruction, …)"; malloc'd (caller frees), NULL when out of memory. */
char *render_source(const glossa_definition *d);
/* One national definition as a JSON object (lookup, show, compare, the API). */
void render_legal_json(FILE *f, const glossa_legal *l);

/* ---- glossary.c ---------------------------------------------------------------------- */

/* The bundled glossary folder: $GLOSSA_GLOSSARY, the one installed beside this
** binary (PREFIX/share/glossa/glossary, even if the tree was moved), this source
** tree's, or the configured install path. Returns env, buf (filled, size bytes;
** 4096 is enough) or a constant: valid while buf is. */
const char *out_default_glossary(char *buf, size_t size);
/* 1 when the default glossary is an installed copy (no $GLOSSA_GLOSSARY; the
** one beside the binary under share/, or the install path): data glossa
** reads, never a working copy it may write into. */
int out_default_glossary_installed(void);
/* What a command that reads the whole term base reads by default (index,
** export): the bundled glossary and, when it has one, its national/ folder
** (the study of national legislation). out_default_inputs fills d: d->in
** holds d->n paths, valid while d is. */
struct default_inputs {
    char glossary[4096], national[4200];
    const char *in[2];
    size_t n;
};
void out_default_inputs(struct default_inputs *d);
/* Proposal and positions files. */
struct file_list {
    char **items; /* given paths (borrowed) and paths of files in folders */
    char *owned;  /* owned[i]: items[i] is from glossa_list_dir */
    size_t n, cap;
};
/* given paths (folders contribute their *suffix files), or glossary/default_sub
** (none when it does not exist). A folder that cannot be read is an error in
** err (the list is then empty). */
int file_list_collect(struct file_list *list, const char *const *given, int n_given,
                      const char *default_sub, const char *suffix, glossa_error *err);
void file_list_release(struct file_list *list);
void join_path(char *out, const char *dir, const char *name);
/* The member states: the glossary's states/member-states.xml through
** glossa_states_load(); find one with glossa_states_find(states, "kz"). */
#define STATES_FILE "states/member-states.xml"
int load_states(glossa_states **out, glossa_error *err);
/* Where the proposals p stand: the positions of file or folder `positions`
** (NULL: the glossary's positions folder) through glossa_status(), the
** states those of load_states(). */
int load_status(const glossa_proposals *p, const char *positions, glossa_status_report **out,
                glossa_diag_fn on_diag, void *userdata, glossa_error *err);
/* Every item of a comma-separated language list must be a tag glossa knows;
** otherwise the message naming flag (hint ends it) in msg and -1. */
int lang_list_check(const char *flag, const char *list, const char *hint, char *msg,
                    size_t msg_size);

/* ---- net.c --------------------------------------------------------------------------- */

/* Seconds on the monotonic clock. */
double serve_now(void);
/* Make fd non-blocking and close-on-exec. Returns 0 or -1. */
int serve_socket_flags(int fd);
/* 1 when a and b are the same host (the port aside). */
int serve_same_host(const struct sockaddr_storage *a, const struct sockaddr_storage *b);
/* The fair share of a full server (--max-clients reached): which of its n
** connections to close so that one from newcomer may come in. at(cls, i,
** &since) gives connection i's address and when it opened (NULL: not to be
** counted, being closed already). The oldest connection of the address that
** holds the most, when that address holds more than the newcomer's; else -1
** (the newcomer is turned away): no address starves another of slots. */
long serve_share_victim(size_t n, const struct sockaddr_storage *(*at)(void *cls, size_t i,
                                                                      double *since),
                        void *cls, const struct sockaddr_storage *newcomer);

#endif
