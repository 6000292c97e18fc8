/*
** http_mhd.c — loads libmicrohttpd when `glossa serve --http` starts
** (dlopen, RTLD_NOW) and fills the table of its functions (http_mhd.h).
** Linked directly, the library and GnuTLS with its eight dependencies were
** loaded and relocated by every command, `glossa --version` included.
*/
#include "http_mhd.h"

#include <stdio.h>

#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#ifndef GLOSSA_MHD_SONAME
#define GLOSSA_MHD_SONAME "libmicrohttpd.so.12"
#endif

_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
               "a function's address fits an object pointer (POSIX)");

/* Each function by name, and where its address goes. */
#define ENTRY(name) { "MHD_" #name, offsetof(struct http_mhd, name) }
static const struct {
    const char *symbol;
    size_t offset;
} entries[] = {
    ENTRY(start_daemon),
    ENTRY(stop_daemon),
    ENTRY(add_connection),
    ENTRY(get_connection_info),
    ENTRY(get_connection_values_n),
    ENTRY(lookup_connection_value),
    ENTRY(create_response_from_buffer),
    ENTRY(create_response_from_callback),
    ENTRY(set_response_options),
    ENTRY(add_response_header),
    ENTRY(queue_response),
    ENTRY(destroy_response),
};

int http_mhd_load(struct http_mhd *m, const char *soname, char *why, size_t why_size)
{
    size_t i;
    memset(m, 0, sizeof *m);
    if (!soname)
        soname = GLOSSA_MHD_SONAME;
    m->dl = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!m->dl)
    {
        snprintf(why, why_size,
                 "the HTTP server needs libmicrohttpd, which cannot be loaded: %s "
                 "(on Debian: apt-get install libmicrohttpd12)", dlerror());
        return -1;
    }
    for (i = 0; i < sizeof entries / sizeof entries[0]; i++) {
        void *f = dlsym(m->dl, entries[i].symbol);
        if (!f) {
            snprintf(why, why_size,
                     "the HTTP server needs libmicrohttpd's %s, which %s lacks "
                     "(glossa was built against libmicrohttpd 0.9.75 or later)",
                     entries[i].symbol, soname);
            http_mhd_unload(m);
            return -1;
        }
        /* a function's address stored in its slot of the table (POSIX: dlsym's
        ** object pointer converts to a function pointer) */
        memcpy((char *)m + entries[i].offset, &f, sizeof f);
    }
    return 0;
}

void http_mhd_unload(struct http_mhd *m)
{
    if (m->dl)
        dlclose(m->dl);
    memset(m, 0, sizeof *m);
}
