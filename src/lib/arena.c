/*
** arena.c — a bump allocator: result sets put all their strings and arrays
** here and free them in one call. Blocks are chained; nothing is freed
** individually.
*/
#include "glossa_int.h"

#include <string.h>

#define ARENA_BLOCK 8192

struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    max_align_t data[];
};

struct glossa_arena {
    struct arena_block *head;
};

struct glossa_arena *glossa__arena_new(void)
{
    return glossa__calloc(1, sizeof(struct glossa_arena));
}

void glossa__arena_free(struct glossa_arena *a)
{
    struct arena_block *b, *next;
    if (!a)
        return;
    for (b = a->head; b; b = next) {
        next = b->next;
        glossa__free(b);
    }
    glossa__free(a);
}

void *glossa__arena_alloc(struct glossa_arena *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    struct arena_block *b = a->head;
    void *p;

    n = (n + align - 1) / align * align;
    if (n == 0)
        n = align;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = glossa__malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
    }
    p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

char *glossa__arena_strdup(struct glossa_arena *a, const char *s)
{
    size_t n;
    char *p;
    if (!s)
        return NULL;
    n = strlen(s);
    p = glossa__arena_alloc(a, n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

/* Copy with XML white space collapsed to single spaces and trimmed. */
char *glossa__arena_squeeze(struct glossa_arena *a, const char *s)
{
    size_t i, j = 0, n;
    char *out;
    int space = 0;

    if (!s)
        return NULL;
    n = strlen(s);
    out = glossa__arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = j > 0;
            continue;
        }
        if (space)
            out[j++] = ' ';
        space = 0;
        out[j++] = c;
    }
    out[j] = '\0';
    return out;
}
