/*
** test_web_mhd.c — loading libmicrohttpd for `glossa serve --http`
** (src/web/http_mhd.c): the library glossa was built against loads with
** every function of the table; a library that cannot be loaded, or one that
** is not libmicrohttpd, is an error that says which and what to install,
** with nothing left loaded.
*/
#include "helpers.h"
#include "http_mhd.h"

#include <string.h>

static void test_web_mhd__loads(void **state)
{
    struct http_mhd m;
    char why[512];
    void *const *slot;
    (void)state;
    assert_int_equal(http_mhd_load(&m, NULL, why, sizeof why), 0);
    assert_non_null(m.dl);
    /* every slot after the handle is filled */
    for (slot = (void *const *)&m.start_daemon; slot <= (void *const *)&m.destroy_response; slot++)
        assert_non_null(*slot);
    http_mhd_unload(&m);
    assert_null(m.dl);
    assert_null(m.start_daemon);
}

static void test_web_mhd__missing(void **state)
{
    struct http_mhd m;
    char why[512];
    (void)state;
    assert_int_equal(http_mhd_load(&m, "libglossa-no-such-library.so.0", why, sizeof why), -1);
    assert_string_equal(why,
                        "the HTTP server needs libmicrohttpd, which cannot be loaded: "
                        "libglossa-no-such-library.so.0: cannot open shared object file: "
                        "No such file or directory (on Debian: apt-get install libmicrohttpd12)");
    assert_null(m.dl);
}

static void test_web_mhd__not_mhd(void **state)
{
    struct http_mhd m;
    char why[512];
    (void)state;
    assert_int_equal(http_mhd_load(&m, "libz.so.1", why, sizeof why), -1);
    assert_string_equal(why, "the HTTP server needs libmicrohttpd's MHD_start_daemon, which "
                                 "libz.so.1 lacks (glossa was built against libmicrohttpd "
                                 "0.9.75 or later)");
    assert_null(m.dl);
    assert_null(m.start_daemon);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_mhd__loads),
        cmocka_unit_test(test_web_mhd__missing),
        cmocka_unit_test(test_web_mhd__not_mhd),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
