/*
** fts_tokenizer.c — the "glossa" FTS5 tokenizer: ICU word boundaries and
** glossa's normalisation (norm.c), so that FTS5 tables and lookups share one
** notion of a word in every script, Chinese included. With the argument
** "stem" (tokenize='glossa stem') each word is also stemmed by the Snowball
** stemmer of its script (keys.c), for full text over definitions.
**
** When FTS5 indexes a document, each character of a Chinese word is added
** as a colocated token, so that a query of part of a word still matches.
** Registered per connection by glossa__fts_register(); each tokenizer
** instance owns one key maker (ICU break iterator, stemmers), created once.
*/
#include "glossa_int.h"

#include <sqlite3.h>
#include <string.h>

struct fts_tok {
    struct glossa_keys *keys;
    int stem;
};

struct tokenize_ctx {
    struct fts_tok *t;
    void *fts_ctx;
    int (*x_token)(void *, int, const char *, int, int, int);
};

static int fts_create(void *user, const char **argv, int argc,
                      Fts5Tokenizer **out)
{
    struct fts_tok *t;
    int rc;
    if (argc > 1 || (argc == 1 && strcmp(argv[0], "stem") != 0))
        return SQLITE_ERROR; /* the only option is "stem" */
    t = glossa__calloc(1, sizeof *t);
    if (!t)
        return SQLITE_NOMEM;
    t->stem = argc == 1;
    /* the connection's memo of Chinese texts (user), shared by its tokenizers */
    if ((rc = glossa__keys_new_han(&t->keys, user, NULL))) {
        glossa__free(t);
        return rc == GLOSSA_ENOMEM ? SQLITE_NOMEM : SQLITE_ERROR; /* not damage: memory */
    }
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *tok)
{
    struct fts_tok *t = (struct fts_tok *)tok;
    if (t) {
        glossa__keys_free(t->keys);
        glossa__free(t);
    }
}

static int emit(void *ud, const char *tok, size_t tok_len, size_t start,
                size_t end, int flags)
{
    struct tokenize_ctx *c = ud;
    int rc;
    if (c->t->stem && glossa__stem_token(c->t->keys, tok, tok_len, NULL, &tok, &tok_len))
        return GLOSSA_ENOMEM;
    rc = c->x_token(c->fts_ctx, flags & GLOSSA_TOKEN_COLOCATED ? FTS5_TOKEN_COLOCATED : 0,
                    tok, (int)tok_len, (int)start, (int)end);
    return rc == SQLITE_OK ? 0 : rc;
}

static int fts_tokenize(Fts5Tokenizer *tok, void *fts_ctx, int flags,
                        const char *text, int len,
                        int (*x_token)(void *, int, const char *, int, int, int))
{
    struct fts_tok *t = (struct fts_tok *)tok;
    struct tokenize_ctx c = { t, fts_ctx, x_token };
    int rc;
    if (len <= 0)
        return SQLITE_OK;
    rc = glossa__norm_tokens_ex(glossa__keys_norm(t->keys), text, (size_t)len,
                                (flags & FTS5_TOKENIZE_DOCUMENT) ? GLOSSA_NORM_HAN_CHARS : 0,
                                emit, &c);
    if (rc == 0)
        return SQLITE_OK;
    if (rc == GLOSSA_ENOMEM)
        return SQLITE_NOMEM;
    return rc > 0 ? rc : SQLITE_ERROR;
}

static fts5_api *fts5_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

int glossa__fts_register(sqlite3 *db, glossa_error *err)
{
    static fts5_tokenizer tokenizer = { fts_create, fts_delete, fts_tokenize };
    fts5_api *api = fts5_api_of(db);
    struct glossa_han *han;
    int rc;

    if (!api || api->iVersion < 2)
        return glossa__error_set(err, GLOSSA_ERROR, NULL, 0, 0,
                                 "this SQLite has no FTS5 (need 3.20 or later with FTS5)");
    if (!(han = glossa__han_new()))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    /* the connection's memo of Chinese texts: SQLite frees it with it (but not
    ** when registering fails: FTS5 calls no destructor then) */
    rc = api->xCreateTokenizer(api, "glossa", han, &tokenizer, glossa__han_free);
    if (rc != SQLITE_OK) {
        glossa__han_free(han);
        return glossa__error_sqlite(err, db, rc, NULL, "cannot register the FTS5 tokenizer");
    }
    return 0;
}

struct glossa_han *glossa__fts_han(sqlite3 *db)
{
    fts5_api *api = fts5_api_of(db);
    fts5_tokenizer tokenizer;
    void *user = NULL;
    if (!api || api->xFindTokenizer(api, "glossa", &user, &tokenizer) != SQLITE_OK)
        return NULL;
    return user;
}
