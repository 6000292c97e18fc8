/*
** strmap.c — interning byte strings: an open-addressing hash table that
** gives each distinct key a small integer id (0, 1, 2 … in order of first
** insertion), so that callers keep their values in plain arrays indexed by
** id. Keys are copied into one growing byte buffer; nothing is removed.
** Used by scan.c (term words, the token cache) and candidates.c (stems,
** n-grams, surface forms). It does no normalisation: keys are bytes.
*/
#include "glossa_int.h"

#include <string.h>

uint64_t glossa__hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

void glossa__strmap_init(struct glossa_strmap *m)
{
    memset(m, 0, sizeof *m);
}

void glossa__strmap_release(struct glossa_strmap *m)
{
    glossa__free(m->slots);
    glossa__free(m->off);
    glossa__free(m->len);
    glossa__buf_release(&m->bytes);
    glossa__strmap_init(m);
}

/* Slot of key: the slot holding it, or the empty slot where it would go. */
static size_t probe(const struct glossa_strmap *m, const char *key, size_t n, uint64_t h)
{
    size_t mask = m->n_slots - 1, i = (size_t)h & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t id = m->slots[i];
        if (id == 0)
            return i;
        id--;
        if (m->len[id] == n && memcmp(m->bytes.data + m->off[id], key, n) == 0)
            return i;
    }
}

static int rehash(struct glossa_strmap *m, size_t n_slots)
{
    uint32_t *slots = glossa__calloc(n_slots, sizeof *slots);
    size_t id;
    if (!slots)
        return GLOSSA_ENOMEM;
    glossa__free(m->slots);
    m->slots = slots;
    m->n_slots = n_slots;
    for (id = 0; id < m->count; id++) {
        const char *k = m->bytes.data + m->off[id];
        size_t i = probe(m, k, m->len[id], glossa__hash_bytes(k, m->len[id]));
        m->slots[i] = (uint32_t)id + 1;
    }
    return 0;
}

long glossa__strmap_find(const struct glossa_strmap *m, const char *key, size_t n)
{
    size_t i;
    if (!m->n_slots)
        return -1;
    i = probe(m, key, n, glossa__hash_bytes(key, n));
    return m->slots[i] ? (long)m->slots[i] - 1 : -1;
}

long glossa__strmap_intern(struct glossa_strmap *m, const char *key, size_t n, int *added)
{
    size_t i;
    if (added)
        *added = 0;
    if (m->count >= (size_t)UINT32_MAX - 1)
        return -1;
    if ((m->count + 1) * 4 > m->n_slots * 3 &&
        rehash(m, m->n_slots ? m->n_slots * 2 : 64))
        return -1;
    i = probe(m, key, n, glossa__hash_bytes(key, n));
    if (m->slots[i])
        return (long)m->slots[i] - 1;
    if (m->count == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        size_t *off = glossa__realloc(m->off, cap * sizeof *off);
        uint32_t *len;
        if (!off)
            return -1;
        m->off = off;
        len = glossa__realloc(m->len, cap * sizeof *len);
        if (!len)
            return -1;
        m->len = len;
        m->cap = cap;
    }
    m->off[m->count] = m->bytes.len;
    if (n > UINT32_MAX || glossa__buf_add(&m->bytes, key, n))
        return -1;
    m->len[m->count] = (uint32_t)n;
    m->slots[i] = (uint32_t)++m->count;
    if (added)
        *added = 1;
    return (long)m->count - 1;
}

const char *glossa__strmap_key(const struct glossa_strmap *m, long id, size_t *n)
{
    *n = m->len[id];
    return m->bytes.data + m->off[id];
}
