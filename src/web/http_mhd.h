/*
** http_mhd.h — libmicrohttpd as a table of functions, loaded with dlopen()
** when `glossa serve --http` starts (http_mhd.c), so that no other command
** loads it and the TLS libraries it brings (GnuTLS, nettle, p11-kit …): they
** were a third of a lookup's start-up. Only http_server.c and http_mhd.c
** include it (and so microhttpd.h, for the types).
*/
#ifndef GLOSSA_HTTP_MHD_H
#define GLOSSA_HTTP_MHD_H

#include <microhttpd.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The functions the server calls, with libmicrohttpd's own prototypes. */
struct http_mhd {
    void *dl; /* the dlopen() handle */
    __typeof__(&MHD_start_daemon) start_daemon;
    __typeof__(&MHD_stop_daemon) stop_daemon;
    __typeof__(&MHD_add_connection) add_connection;
    __typeof__(&MHD_get_connection_info) get_connection_info;
    __typeof__(&MHD_get_connection_values_n) get_connection_values_n;
    __typeof__(&MHD_lookup_connection_value) lookup_connection_value;
    __typeof__(&MHD_create_response_from_buffer) create_response_from_buffer;
    __typeof__(&MHD_create_response_from_callback) create_response_from_callback;
    __typeof__(&MHD_set_response_options) set_response_options;
    __typeof__(&MHD_add_response_header) add_response_header;
    __typeof__(&MHD_queue_response) queue_response;
    __typeof__(&MHD_destroy_response) destroy_response;
};

/* Loads the library named soname (NULL: the one glossa was built against,
** GLOSSA_MHD_SONAME) and fills m. Returns 0, or -1 with why saying which
** library or function is missing and which Debian package has it; m is
** then left empty. */
int http_mhd_load(struct http_mhd *m, const char *soname, char *why, size_t why_size);

/* Unloads what http_mhd_load() loaded (m may be empty). */
void http_mhd_unload(struct http_mhd *m);

#endif
