/*
** annex.c — annex 1 as the term base holds it: which concepts are in it and
** in what order (each entry's annex number n; an entry without one after the
** numbered entry before it in the term base), one rule for the draft
** protocol (protocol.c), the annex as a legal document (export_akn.c) and
** the concordance of its authentic texts (concordance.c, correction.c).
*/
#include "diff_int.h"

#include <stdlib.h>
#include <string.h>

int glossa__annex_holds(const struct v_concept *c)
{
    return strcmp(c->status, "in-force") == 0 || strcmp(c->status, "agreed") == 0;
}

/* The annex number n of an entry, or -1 when it has none. */
static long annex_number(const struct v_concept *c)
{
    const char *n = c->entry ? c->entry->n : NULL;
    char *end;
    long v;
    if (!n || !*n)
        return -1;
    v = strtol(n, &end, 10);
    return *end || v < 0 ? -1 : v;
}

void glossa__annex_place(const struct version *v, const struct v_concept *c, long *major,
                         size_t *minor)
{
    size_t i = (size_t)(c - v->c);
    long n = annex_number(c);
    *major = n >= 0 ? n : 0;
    *minor = n >= 0 ? 0 : i + 1;
    while (n < 0 && i-- > 0)
        if ((n = annex_number(&v->c[i])) >= 0)
            *major = n;
}

int glossa__annex_place_cmp(long ma, size_t mi_a, long mb, size_t mi_b)
{
    if (ma != mb)
        return ma < mb ? -1 : 1;
    return mi_a < mi_b ? -1 : mi_a > mi_b;
}

struct placed {
    const struct v_concept *c;
    long major;
    size_t minor;
};

static int by_place(const void *a, const void *b)
{
    const struct placed *x = a, *y = b;
    int c = glossa__annex_place_cmp(x->major, x->minor, y->major, y->minor);
    return c ? c : strcmp(x->c->id, y->c->id);
}

int glossa__annex_order(struct glossa_arena *a, const struct version *v,
                        int (*keep)(const struct v_concept *c, void *ud), void *ud,
                        const struct v_concept ***out, size_t *n_out)
{
    struct placed *tmp = glossa__arena_alloc(a, (v->n ? v->n : 1) * sizeof *tmp);
    const struct v_concept **list = glossa__arena_alloc(a, (v->n ? v->n : 1) * sizeof *list);
    size_t i, n = 0;

    if (!tmp || !list)
        return GLOSSA_ENOMEM;
    for (i = 0; i < v->n; i++) {
        if (!keep(&v->c[i], ud))
            continue;
        tmp[n].c = &v->c[i];
        glossa__annex_place(v, &v->c[i], &tmp[n].major, &tmp[n].minor);
        n++;
    }
    if (n > 1)
        qsort(tmp, n, sizeof *tmp, by_place);
    for (i = 0; i < n; i++)
        list[i] = tmp[i].c;
    *out = list;
    *n_out = n;
    return 0;
}
