/*
** norm_int.h — what norm.c (tokens and search keys) and norm_han.c (Chinese
** folded to Simplified) share: the normaliser's state. Private to libglossa.
*/
#ifndef GLOSSA_NORM_INT_H
#define GLOSSA_NORM_INT_H

#include "glossa_int.h"

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

/* Texts already folded to Simplified (an indexed term is folded for its key
** and again by the FTS5 tokenizer): a norm's own, or one per SQLite
** connection that its FTS5 tokenizers and its lookup keys share. Used by
** one thread at a time, as the connection is. Direct-mapped. */
#define HAN_MEMO 64
struct han_memo {
    char *in, *out;           /* glossa__malloc'd; NULL when empty */
};
struct glossa_han {
    struct han_memo memo[HAN_MEMO];
};

struct glossa_norm {
    UBreakIterator *words;
    const UNormalizer2 *nfkc_cf;
    struct glossa_han own;    /* when no shared memo was given */
    struct glossa_han *han;   /* &own, or the connection's */
    UChar *text16;            /* the input as UTF-16 */
    size_t *offset8;          /* offset8[i]: byte offset in the input of unit i */
    size_t cap16;
    size_t *cp_offset;        /* byte offset of each code point of the input */
    size_t cap_cp;
    UChar *fold16;            /* one normalised token */
    size_t capfold;
    int32_t fold_len;         /* its length in units */
    UBreakIterator *sub;      /* word breaks of a token that normalisation changed */
    UChar *settle16;          /* that token, broken again */
    size_t capsettle;
    char *out8;               /* the same token as UTF-8 */
    size_t cap8;
};

/* ---- norm_han.c ----------------------------------------------------------- */

/* text (UTF-8) with Traditional and Taiwan Chinese folded to Simplified, as
** many times as OpenCC's tables chain; a copy to be freed with glossa__free,
** or NULL when text has no Han character or nothing could be done. */
char *glossa__han_simplified(struct glossa_norm *n, const char *text, size_t len);
/* Free what the folding holds (the memo, when it is the norm's own). */
void glossa__han_release(struct glossa_norm *n);
/* Empty a memo (not free the struct). */
void glossa__han_close(struct glossa_han *h);

#endif /* GLOSSA_NORM_INT_H */
