/*
** han_convert.c — OpenCC's conversions (tw2sp: Taiwan and Traditional
** Chinese to Simplified; s2t: Simplified to Traditional) run on OpenCC's
** own dictionaries compiled in at build time (cmake/opencc-tables.c writes
** opencc_tables.h), with OpenCC 1.1.6's algorithm, so the output is OpenCC's
** byte for byte (test_han_convert compares the two) and no command opens
** OpenCC at run time:
**   1. segmentation (mmseg): from each position, the longest key of the
**      segmentation dictionary that starts there is a segment; characters
**      that start no key gather into one segment until the next key;
**   2. each conversion of the chain, segment by segment: from each position,
**      the first dictionary of the group that has a key starting there gives
**      the value of its longest such key (the first of its values); a
**      character that starts no key is copied; segments stay apart.
** Characters are read as OpenCC reads them, by their lead byte only.
*/
#include "glossa_int.h"

#include <stdint.h>
#include <string.h>

struct han_dict {
    uint32_t first, count; /* han_keys[first..first+count): sorted */
    uint32_t max_len;      /* the longest key, in bytes */
};
struct han_group {
    unsigned char first, count; /* han_group_dicts[first..first+count) */
};
struct han_config {
    const char *name;
    int seg;                    /* the segmentation's group */
    int chain, chain_count;     /* the conversions: han_groups[chain..chain+chain_count) */
};

#include "opencc_tables.h"

_Static_assert(sizeof han_configs / sizeof han_configs[0] == GLOSSA_HAN_S2T + 1,
               "GLOSSA_OPENCC_CONFIGS (CMakeLists.txt) and enum glossa_han_conv disagree");

/* The length of the UTF-8 character s starts, from its lead byte as OpenCC
** reads it (5- and 6-byte forms included); 0 for a byte no character starts
** with (OpenCC gives up on it). */
static size_t char_len(unsigned char c)
{
    return (c & 0xF0) == 0xE0 ? 3 : (c & 0x80) == 0 ? 1 : (c & 0xE0) == 0xC0 ? 2
         : (c & 0xF8) == 0xF0 ? 4 : (c & 0xFC) == 0xF8 ? 5 : (c & 0xFE) == 0xFC ? 6 : 0;
}

/* Compares the key at k with s[0..n) on n bytes (s holds no NUL: a key
** that ends first sorts first); <0, 0, >0. */
static int key_cmp(const char *k, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (k[i] != s[i])
            return (unsigned char)k[i] < (unsigned char)s[i] ? -1 : 1;
    return 0;
}

/* The longest key of dict d that is a prefix of s[0..len): its length (0:
** none) and entry in *key. The keys that start with s's first characters
** are a range of the sorted keys, narrowed one character at a time until
** no key starts so; a key equal to the prefix is the first of its range. */
static size_t dict_match(const struct han_dict *d, const char *s, size_t len, const char **key)
{
    const uint32_t *keys = han_keys + d->first;
    uint32_t lo = 0, hi = d->count;
    size_t at = 0, found = 0;
    if (len > d->max_len)
        len = d->max_len;
    while (at < len) {
        size_t k = char_len((unsigned char)s[at]), next = at + k;
        uint32_t l, h;
        if (k == 0 || next > len)
            break;
        /* the first key whose bytes at..next are not below s's */
        for (l = lo, h = hi; l < h;) {
            uint32_t mid = l + (h - l) / 2;
            if (key_cmp(han_blob + keys[mid] + at, s + at, k) < 0)
                l = mid + 1;
            else
                h = mid;
        }
        lo = l;
        /* the first one above them */
        for (h = hi; l < h;) {
            uint32_t mid = l + (h - l) / 2;
            if (key_cmp(han_blob + keys[mid] + at, s + at, k) <= 0)
                l = mid + 1;
            else
                h = mid;
        }
        hi = l;
        if (lo == hi)
            break;
        at = next;
        if (han_blob[keys[lo] + at] == '\0') {
            found = at;
            *key = han_blob + keys[lo];
        }
    }
    return found;
}

/* The longest key of group g that is a prefix of s[0..len) in the first of
** its dictionaries that has one: its length (0: none) and entry in *key. */
static size_t group_match(int g, const char *s, size_t len, const char **key)
{
    int i;
    for (i = 0; i < han_groups[g].count; i++) {
        size_t m = dict_match(&han_dicts[han_group_dicts[han_groups[g].first + i]], s, len, key);
        if (m)
            return m;
    }
    return 0;
}

/* Each of the n segments of in (ends[i]: where segment i ends) converted by
** group g, into out, with the segments' new ends in ends. */
static int convert_segments(int g, const char *in, size_t *ends, size_t n, struct glossa_buf *out)
{
    size_t i, from = 0;
    glossa__buf_clear(out);
    for (i = 0; i < n; i++) {
        size_t at = from;
        while (at < ends[i]) {
            const char *key;
            size_t m = group_match(g, in + at, ends[i] - at, &key);
            int rc;
            if (m) {
                rc = glossa__buf_adds(out, key + m + 1); /* the value follows the key's NUL */
            } else {
                m = char_len((unsigned char)in[at]);
                rc = glossa__buf_add(out, in + at, m);
            }
            if (rc)
                return rc;
            at += m;
        }
        from = ends[i];
        ends[i] = out->len;
    }
    return 0;
}

char *glossa__han_convert(enum glossa_han_conv which, const char *text, size_t len)
{
    const struct han_config *cf = &han_configs[which];
    struct glossa_buf a = GLOSSA_BUF_INIT, b = GLOSSA_BUF_INIT;
    size_t *ends, n = 0, at = 0, pending = 0;
    char *result = NULL;
    int c;

    /* OpenCC stops at NUL, and gives up on a byte no character starts with;
    ** a character cut off by the end it would read past: we give up there */
    len = strnlen(text, len);
    while (at < len) {
        size_t k = char_len((unsigned char)text[at]);
        if (k == 0 || k > len - at)
            return NULL;
        at += k;
    }
    if (!(ends = glossa__malloc((len + 1) * sizeof *ends)))
        return NULL;
    /* 1. segmentation: the ends of the segments */
    for (at = 0; at < len;) {
        const char *key;
        size_t m = group_match(cf->seg, text + at, len - at, &key);
        if (m) {
            if (pending)
                ends[n++] = at;
            ends[n++] = at + m;
            pending = 0;
            at += m;
        } else {
            pending = 1;
            at += char_len((unsigned char)text[at]);
        }
    }
    if (pending)
        ends[n++] = len;
    /* 2. the chain, segment by segment */
    if (glossa__buf_add(&a, text, len) == 0) {
        for (c = 0; c < cf->chain_count; c++) {
            struct glossa_buf t;
            if (convert_segments(cf->chain + c, a.data, ends, n, &b))
                break;
            t = a, a = b, b = t;
        }
        if (c == cf->chain_count)
            result = glossa__strndup(a.data ? a.data : "", a.len);
    }
    glossa__free(ends);
    glossa__buf_release(&a);
    glossa__buf_release(&b);
    return result;
}
