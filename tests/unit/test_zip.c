/*
** test_zip.c — the ZIP package writer (src/lib/zip.c): a package of two parts
** byte for byte (a hex golden, read back by Python's zipfile and unzip when it
** was made; tests/cli/0718-docx-zip.t reads DOCX packages back the same way),
** the same bytes every time and after what a buffer already holds, a package
** that would need ZIP64 refused with its reason and the buffer untouched, and
** every allocation failing in turn reported as GLOSSA_ENOMEM.
*/
#include "helpers.h"
#include "glossa_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char text_a[] = "hello, glossa\nhello, glossa\nhello, glossa\n";
static const char text_b[] = "<t>информационная безопасность</t>\n";

static const struct glossa_zip_part two_parts[] = {
    {"a.txt", text_a, sizeof text_a - 1},
    {"word/ключ.xml", text_b, sizeof text_b - 1},
};

/* The package of two_parts: local header (PK\3\4, version 2.0, flags 0x0802:
** UTF-8 name and maximum deflate, method 8, 12:00 on 1980-01-01, CRC-32,
** sizes, name) and raw deflate data for each, the central directory (made on
** Unix 2.0, mode 0100644) and the end record. The deflate data are zlib's
** (1.2.13, the same as libzip's at level 9); another deflate (zlib-ng) would
** change those bytes alone. */
static const char golden_hex[] =
    "504b030414000208080000602100f3ee1390130000002a00000005000000612e747874cb48cdc9c9d75148cf"
    "c92f2e4ee4cac0c30300504b0304140002080800006021006ee8583c3c0000003d00000011000000776f7264"
    "2fd0bad0bbd18ed1872e786d6cb329b1bbb0e3c2de8b2d17f65d6cb8b0e7c2868b6d40febe0b7b8170c3c57e"
    "850b1b2f6cbdb01d28b01fc86d040aeebbd878b1e9628f8d7e891d1700504b01021403140002080800006021"
    "00f3ee1390130000002a000000050000000000000000000000a48100000000612e747874504b010214031400"
    "02080800006021006ee8583c3c0000003d000000110000000000000000000000a48136000000776f72642fd0"
    "bad0bbd18ed1872e786d6c504b0506000000000200020072000000a10000000000";

static void to_hex(const char *data, size_t len, char *hex)
{
    size_t i;
    for (i = 0; i < len; i++)
        sprintf(hex + 2 * i, "%02x", (unsigned char)data[i]);
    hex[2 * len] = '\0';
}

static void test_zip__two_parts_byte_for_byte(void **state)
{
    struct glossa_buf out = GLOSSA_BUF_INIT, again = GLOSSA_BUF_INIT;
    glossa_error err;
    char hex[2048];
    (void)state;

    assert_int_equal(glossa__zip_write(two_parts, 2, &out, &err), 0);
    assert_true(out.len * 2 < sizeof hex);
    to_hex(out.data, out.len, hex);
    assert_string_equal(hex, golden_hex);

    /* the same parts, the same bytes */
    assert_int_equal(glossa__zip_write(two_parts, 2, &again, &err), 0);
    assert_int_equal(again.len, out.len);
    assert_memory_equal(again.data, out.data, out.len);

    /* after what the buffer holds: offsets count from the package's start */
    glossa__buf_clear(&again);
    assert_int_equal(glossa__buf_adds(&again, "prefix"), 0);
    assert_int_equal(glossa__zip_write(two_parts, 2, &again, &err), 0);
    assert_int_equal(again.len, 6 + out.len);
    assert_memory_equal(again.data, "prefix", 6);
    assert_memory_equal(again.data + 6, out.data, out.len);
    glossa__buf_release(&out);
    glossa__buf_release(&again);
}

/* An empty part (no data at all) is a deflated entry of 2 bytes, CRC 0. */
static void test_zip__an_empty_part(void **state)
{
    const struct glossa_zip_part empty = {"empty", NULL, 0};
    struct glossa_buf out = GLOSSA_BUF_INIT;
    glossa_error err;
    const unsigned char *p;
    (void)state;

    assert_int_equal(glossa__zip_write(&empty, 1, &out, &err), 0);
    p = (const unsigned char *)out.data;
    assert_int_equal(out.len, 30 + 5 + 2 + 46 + 5 + 22);
    assert_memory_equal(p + 14, "\0\0\0\0\2\0\0\0\0\0\0\0", 12); /* CRC, 2, 0 */
    assert_memory_equal(p + 35, "\3\0", 2);                      /* the empty deflate block */
    glossa__buf_release(&out);
}

/* What a package without ZIP64 cannot hold is refused, the buffer as it was. */
static void test_zip__zip64_refused(void **state)
{
    struct glossa_buf out = GLOSSA_BUF_INIT;
    struct glossa_zip_part big = {"huge.xml", text_a, (size_t)0xFFFFFFFFu + 1};
    struct glossa_zip_part *many;
    glossa_error err;
    size_t i;
    (void)state;

    assert_int_equal(glossa__buf_adds(&out, "kept"), 0);
    /* the size is refused before a byte of data is read */
    assert_int_equal(glossa__zip_write(&big, 1, &out, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "cannot write the ZIP package: part 'huge.xml' is 4294967296 "
                                 "bytes, too close to 4 GiB (that needs ZIP64, which glossa "
                                 "does not write)");
    assert_int_equal(out.len, 4);
    assert_string_equal(out.data, "kept");

    many = calloc(65536, sizeof *many);
    assert_non_null(many);
    for (i = 0; i < 65536; i++)
        many[i] = (struct glossa_zip_part){"p", "", 0};
    assert_int_equal(glossa__zip_write(many, 65536, &out, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "cannot write the ZIP package: 65536 parts, more than 65,535 "
                                 "(that needs ZIP64, which glossa does not write)");
    assert_string_equal(out.data, "kept");
    /* 65,535 parts are a package (the end record's count is 0xFFFF) */
    assert_int_equal(glossa__zip_write(many, 65535, &out, &err), 0);
    assert_memory_equal(out.data + out.len - 14, "\xff\xff\xff\xff", 4);
    free(many);

    big = (struct glossa_zip_part){"", "x", 1};
    out.len = 4;
    assert_int_equal(glossa__zip_write(&big, 1, &out, &err), GLOSSA_EINPUT);
    assert_string_equal(err.msg, "cannot write the ZIP package: a part's name is empty");
    assert_string_equal(out.data, "kept");
    glossa__buf_release(&out);
}

/* Every allocation (the buffer's, zlib's) failing in turn: GLOSSA_ENOMEM,
** the buffer as it was, nothing leaked (the ASan build checks). */
static void test_zip__out_of_memory(void **state)
{
    unsigned long n;
    (void)state;
    for (n = 1; n < 100; n++) {
        struct glossa_buf out = GLOSSA_BUF_INIT;
        glossa_error err;
        int rc;
        glossa__alloc_fail_after(n, 0);
        rc = glossa__zip_write(two_parts, 2, &out, &err);
        glossa__alloc_fail_after(0, 0);
        if (rc == 0) {
            glossa__buf_release(&out);
            break;
        }
        assert_int_equal(rc, GLOSSA_ENOMEM);
        assert_string_equal(err.msg, "out of memory");
        assert_int_equal(out.len, 0);
        glossa__buf_release(&out);
    }
    assert_true(n > 3 && n < 100); /* zlib's allocations and the buffer's were failed */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zip__two_parts_byte_for_byte),
        cmocka_unit_test(test_zip__an_empty_part),
        cmocka_unit_test(test_zip__zip64_refused),
        cmocka_unit_test(test_zip__out_of_memory),
    };
    return cmocka_run_group_tests(tests, th_global_setup, th_global_teardown);
}
