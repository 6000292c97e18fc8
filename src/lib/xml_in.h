/*
** xml_in.h — the one reader of untrusted XML (xml_in.c), used by the TEI
** reader (tei.c: a streaming xmlTextReader), TBX import (import_tbx.c: a DOM)
** and the proposals and member states (proposal.c, consolidate.c, states.c: a
** DOM, and its TEI elements found). xml_in.c opens and
** parses, xml_scan.c bounds each element, xml_report.c words the problems.
** Private to libglossa.
*/
#ifndef GLOSSA_XML_IN_H
#define GLOSSA_XML_IN_H

#include "glossa_int.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <unicode/ucnv.h>

#include <stdio.h>

/* At most this many attributes, and as many namespace declarations, on one
** element: glossa's schema needs 6, real TBX a dozen; libxml2 spends time
** quadratic in the number (100000 attributes: 49 s). */
#define XML_IN_MAX_ATTRIBUTES 256

struct xml_in {
    /* set by the caller before glossa__xml_in_open() */
    const char *path;
    const char *what;        /* "a TEI term base": "not XML (WHAT starts with '<')" */
    int named_dtd_ok;        /* a DOCTYPE that only names its DTD is accepted (TBX 2008) */
    const char *doctype_msg; /* the message for a refused DOCTYPE */
    size_t max_bytes;        /* 0: any size */
    /* each problem; returns non-zero to stop. NULL: only the first, in *err */
    int (*diag)(void *ud, const glossa_error *d);
    void *ud;
    glossa_error *err;       /* the first problem */

    /* the reader's own */
    FILE *f;
    unsigned long problems;
    int refused;             /* the input was refused and said so: libxml2's echoes are dropped */
    int stop;                /* diag asked to stop */
    int building;            /* the DOM pass (the DOCTYPE hook builds the DTD node) */
    size_t bytes;
    /* a declared encoding other than UTF-8/UTF-16, converted to UTF-8 here
    ** (libxml2's iconv errors would go to stderr, and cut the file short) */
    struct xml_conv {
        struct UConverter *from, *to;
        char name[64];
        UChar pivot[1024], *ps, *pt;
        char raw[4096], out[4 * 4096];
        size_t out_at, out_len;
        int eof;
    } *conv;
    struct xml_scan {
        int wide;            /* 0: bytes (UTF-8), 1: UTF-16LE, 2: UTF-16BE */
        int have_half, lead, lead_unit; /* lead: the last unit was a lead surrogate */
        unsigned char half;
        int state, quote, match, depth, name_full, xmlns;
        long line, tag_line;
        unsigned attrs, nsdecls;
        char name[64];
        size_t name_len;
        char attr[8];
        size_t attr_len;
    } scan;
};

/* Open in->path and look at its first bytes: compressed data, UTF-32, UTF-16
** without a mark, a declaration that contradicts the byte-order mark, a file
** that is not XML are refused (reported). 0, GLOSSA_EINPUT, or another code. */
int glossa__xml_in_open(struct xml_in *in);
void glossa__xml_in_close(struct xml_in *in);

/* Report a problem of the input (FILE:LINE[:COL]: MESSAGE). xml_report.c */
void glossa__xml_in_report(struct xml_in *in, int code, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* A streaming reader on an opened input (the DOCTYPE is decided first, by a
** parse of the prolog). NULL when refused (reported) or out of memory. The
** caller sets its error handler (using glossa__xml_message) and frees it. */
xmlTextReaderPtr glossa__xml_in_reader(struct xml_in *in);

/* Parse an opened input into a DOM. 0 or the code of the problem (reported). */
int glossa__xml_in_doc(struct xml_in *in, xmlDocPtr *out);

/* Open, parse and close: a DOM of a file (TEI policy: no DOCTYPE); problems go
** to err with FILE:LINE. */
int glossa__xml_read_file(const char *path, xmlDocPtr *out, glossa_error *err);

/* libxml2's message in glossa's words, on one line (trimmed, first letter
** lower case, limits named). Returns 1 when it is a limit or an encoding
** problem (the parse cannot go on), else 0. */
int glossa__xml_message(const xmlError *e, char *msg, size_t size);

/* xml_scan.c: one code unit of the input (a byte, or a UTF-16 unit) through
** the tokenizer that bounds each element's attributes and namespace
** declarations. 0, or -1 when the input is refused (reported). */
int glossa__xml_scan_unit(struct xml_in *in, int c);

/* 1 when n is the TEI element called name (in the TEI namespace). */
int glossa__xml_is_tei(const xmlNode *n, const char *name);
/* First descendant TEI element called name (depth-first), or NULL. */
xmlNodePtr glossa__xml_find(xmlNodePtr n, const char *name);

/* Elements below n (all depths), for sizing an entry's arrays. */
size_t glossa__xml_count_elements(xmlNodePtr n);
/* The first child of n that is the TEI element called name, or NULL (tei.c). */
xmlNodePtr glossa__tei_child(xmlNodePtr n, const char *name);


#endif
