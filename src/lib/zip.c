/*
** zip.c — the ZIP package writer of the DOCX output (docx.c): parts given
** whole in memory, each deflated (raw deflate, zlib level 9) into a local
** header and its data, then the central directory and the end record. Sizes
** and CRC-32 are known before a header is written, so there are no data
** descriptors; names are flagged UTF-8 (general purpose bit 11); every entry
** carries the same DOS time, 1980-01-01 12:00, in no time zone, so the same
** parts make the same bytes anywhere. A package that would need ZIP64 (a part
** or the whole of 4 GiB or more, more than 65,535 parts) is refused, never
** written broken. Replaces libzip, which loaded libcrypto and libbz2 into
** every glossa command.
*/
#include "glossa_int.h"

#include <zlib.h>

#include <stdio.h>
#include <string.h>

#define ZIP_LOCAL_SIG 0x04034b50u
#define ZIP_CENTRAL_SIG 0x02014b50u
#define ZIP_END_SIG 0x06054b50u
#define ZIP_LOCAL_LEN 30u   /* fixed part of a local header */
#define ZIP_CENTRAL_LEN 46u /* fixed part of a central directory entry */
#define ZIP_END_LEN 22u
#define ZIP_MAX32 0xFFFFFFFFu
#define ZIP_MAX_ENTRIES 0xFFFFu
#define ZIP_VERSION 20u              /* 2.0: deflate */
#define ZIP_MADE_BY (0x0300u | 20u)  /* Unix, 2.0: the external attributes are a mode */
#define ZIP_FLAGS 0x0802u            /* bit 11: UTF-8 names; bit 1: deflated at maximum */
#define ZIP_DEFLATE 8u
#define ZIP_DOS_TIME (12u << 11)                /* 12:00:00 */
#define ZIP_DOS_DATE ((0u << 9) | (1u << 5) | 1u) /* 1980-01-01 */
#define ZIP_MODE (0100644u << 16)               /* a regular file, rw-r--r-- */

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v & 0xFF);
    p[1] = (unsigned char)((v >> 8) & 0xFF);
}

static void put32(unsigned char *p, unsigned long v)
{
    put16(p, (unsigned)(v & 0xFFFF));
    put16(p + 2, (unsigned)((v >> 16) & 0xFFFF));
}

static unsigned long get32(const unsigned char *p)
{
    return (unsigned long)p[0] | (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16 |
           (unsigned long)p[3] << 24;
}

/* zlib allocates through the library's seam, so tests can make it fail too */
static voidpf zip_alloc(voidpf opaque, uInt items, uInt size)
{
    (void)opaque;
    return glossa__calloc(items, size);
}

static void zip_free(voidpf opaque, voidpf p)
{
    (void)opaque;
    glossa__free(p);
}

/* The fields a local header and its central directory entry share, from
** "version needed" to the name's length (26 bytes). */
static void put_common(unsigned char *p, unsigned long crc, size_t csize, size_t usize,
                       size_t name_len)
{
    put16(p, ZIP_VERSION);
    put16(p + 2, ZIP_FLAGS);
    put16(p + 4, ZIP_DEFLATE);
    put16(p + 6, ZIP_DOS_TIME);
    put16(p + 8, ZIP_DOS_DATE);
    put32(p + 10, crc);
    put32(p + 14, (unsigned long)csize);
    put32(p + 18, (unsigned long)usize);
    put16(p + 22, (unsigned)name_len);
    put16(p + 24, 0); /* no extra field */
}

static int zip_refuse(glossa_error *err, const char *what)
{
    return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                             "cannot write the ZIP package: %s (that needs ZIP64, which glossa "
                             "does not write)", what);
}

/* One part at the end of out: local header, name, deflated data. */
static int add_entry(z_stream *zs, const struct glossa_zip_part *part, size_t base,
                     struct glossa_buf *out, glossa_error *err)
{
    size_t name_len = strlen(part->name), at = out->len, csize;
    uLong bound;
    unsigned char *p;
    char what[160];

    if (name_len == 0 || name_len > 0xFFFF)
        return glossa__error_set(err, GLOSSA_EINPUT, NULL, 0, 0,
                                 "cannot write the ZIP package: a part's name is %s",
                                 name_len ? "longer than 65,535 bytes" : "empty");
    if (deflateReset(zs) != Z_OK)
        return glossa__error_set(err, GLOSSA_ERROR, NULL, 0, 0, "zlib: cannot reset deflate");
    bound = deflateBound(zs, (uLong)part->len);
    if (part->len > ZIP_MAX32 || bound > ZIP_MAX32) {
        snprintf(what, sizeof what, "part '%.80s' is %zu bytes, too close to 4 GiB",
                 part->name, part->len);
        return zip_refuse(err, what);
    }
    if (glossa__buf_grow(out, ZIP_LOCAL_LEN + name_len + bound))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    p = (unsigned char *)out->data + at;
    memcpy(p + ZIP_LOCAL_LEN, part->name, name_len);
    zs->next_in = (Bytef *)(uintptr_t)part->data; /* zlib does not write through it */
    zs->avail_in = (uInt)part->len;
    zs->next_out = p + ZIP_LOCAL_LEN + name_len;
    zs->avail_out = (uInt)bound;
    if (deflate(zs, Z_FINISH) != Z_STREAM_END)
        return glossa__error_set(err, GLOSSA_ERROR, NULL, 0, 0,
                                 "zlib: cannot deflate part '%s'", part->name);
    csize = (size_t)zs->total_out;
    if (csize > ZIP_MAX32 || at - base + ZIP_LOCAL_LEN + name_len + csize > ZIP_MAX32) {
        snprintf(what, sizeof what, "the package reaches 4 GiB at part '%.80s'", part->name);
        return zip_refuse(err, what);
    }
    put32(p, ZIP_LOCAL_SIG);
    put_common(p + 4, crc32(crc32(0L, Z_NULL, 0), (const Bytef *)part->data, (uInt)part->len),
               csize, part->len, name_len);
    out->len = at + ZIP_LOCAL_LEN + name_len + csize;
    return 0;
}

/* The central directory and the end record, from the n local headers that
** start at base in out. */
static int add_directory(size_t n, size_t base, struct glossa_buf *out, glossa_error *err)
{
    size_t local = base, dir = out->len, i;
    unsigned char *p;

    for (i = 0; i < n; i++) {
        const unsigned char *h = (const unsigned char *)out->data + local;
        size_t name_len = (size_t)h[26] | (size_t)h[27] << 8, csize = get32(h + 18);
        if (glossa__buf_grow(out, ZIP_CENTRAL_LEN + name_len))
            return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
        h = (const unsigned char *)out->data + local; /* the buffer may have moved */
        p = (unsigned char *)out->data + out->len;
        put32(p, ZIP_CENTRAL_SIG);
        put16(p + 4, ZIP_MADE_BY);
        memcpy(p + 6, h + 4, 26); /* version needed … name length, extra length 0 */
        put16(p + 32, 0);         /* comment length */
        put16(p + 34, 0);         /* disk number */
        put16(p + 36, 0);         /* internal attributes */
        put32(p + 38, ZIP_MODE);
        put32(p + 42, (unsigned long)(local - base));
        memcpy(p + ZIP_CENTRAL_LEN, h + ZIP_LOCAL_LEN, name_len);
        out->len += ZIP_CENTRAL_LEN + name_len;
        local += ZIP_LOCAL_LEN + name_len + csize;
    }
    if (out->len - base > ZIP_MAX32)
        return zip_refuse(err, "the central directory ends at 4 GiB or more");
    if (glossa__buf_grow(out, ZIP_END_LEN))
        return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    p = (unsigned char *)out->data + out->len;
    put32(p, ZIP_END_SIG);
    put16(p + 4, 0); /* this disk */
    put16(p + 6, 0); /* the directory's disk */
    put16(p + 8, (unsigned)n);
    put16(p + 10, (unsigned)n);
    put32(p + 12, (unsigned long)(out->len - dir));
    put32(p + 16, (unsigned long)(dir - base));
    put16(p + 20, 0); /* comment length */
    out->len += ZIP_END_LEN;
    out->data[out->len] = '\0';
    return 0;
}

int glossa__zip_write(const struct glossa_zip_part *parts, size_t n, struct glossa_buf *out,
                      glossa_error *err)
{
    z_stream zs;
    size_t base = out->len, i;
    int rc = 0;

    if (n > ZIP_MAX_ENTRIES) {
        char what[80];
        snprintf(what, sizeof what, "%zu parts, more than 65,535", n);
        return zip_refuse(err, what);
    }
    memset(&zs, 0, sizeof zs);
    zs.zalloc = zip_alloc;
    zs.zfree = zip_free;
    switch (deflateInit2(&zs, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY)) {
    case Z_OK: break;
    case Z_MEM_ERROR: return glossa__error_set(err, GLOSSA_ENOMEM, NULL, 0, 0, "out of memory");
    default: return glossa__error_set(err, GLOSSA_ERROR, NULL, 0, 0, "zlib: %s",
                                      zs.msg ? zs.msg : "cannot start deflate");
    }
    for (i = 0; i < n && !rc; i++)
        rc = add_entry(&zs, &parts[i], base, out, err);
    deflateEnd(&zs);
    if (!rc)
        rc = add_directory(n, base, out, err);
    if (rc) {
        out->len = base;
        if (out->data)
            out->data[base] = '\0';
    }
    return rc;
}
