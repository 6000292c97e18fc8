/*
** helpers.h — small utilities shared by the cmocka unit tests: scratch
** directories, writing fixture files, hashing a file to prove it unchanged.
*/
#ifndef GLOSSA_TEST_HELPERS_H
#define GLOSSA_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "glossa.h"

/* A fresh directory under $TMPDIR; removed (with its files) by th_rmdir(). */
char *th_mkdtemp(void);
void th_rmdir(char *dir);
/* dir/name, in a static rotating buffer (valid for 8 calls). */
const char *th_path(const char *dir, const char *name);
void th_write(const char *path, const char *text);
/* A copy of the file at path in which the text from is replaced once by to
** (from must be there), written to out_path: a fixture made from another. */
void th_write_replaced(const char *path, const char *from, const char *to, const char *out_path);
/* FNV-1a of a file's bytes; 0 if it cannot be read. */
uint64_t th_hash_file(const char *path);
int th_exists(const char *path);
/* Index files into db; asserts success. */
void th_index(const char *db, const char *const *inputs, size_t n);
/* cmocka group set-up/tear-down that init/shut down libglossa. */
int th_global_setup(void **state);
int th_global_teardown(void **state);
/* Group set-up with an index: th_global_setup, a scratch folder (*dir), the
** TEI file input — or xml, when not NULL, written to DIR/fixture.xml —
** indexed into DIR/fixture.db and opened (*db). 0, or -1 after a message. */
int th_setup_index(void **state, char **dir, glossa_db **db, const char *input,
                   const char *xml);
/* Its tear-down: closes *db, removes *dir, th_global_teardown. */
int th_teardown_index(void **state, char **dir, glossa_db **db);

/* A minimal valid TEI header and footer for fixtures. */
#define TH_TEI_HEAD                                                                  \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                 \
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"ru\">\n"                \
    "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>\n"             \
    "<publicationStmt><p>t</p></publicationStmt><sourceDesc><listBibl>\n"         \
    "<bibl xml:id=\"src\" type=\"instrument\"><title>Source</title></bibl>\n"    \
    "</listBibl></sourceDesc></fileDesc></teiHeader>\n<text><body>\n"
#define TH_TEI_TAIL "</body></text></TEI>\n"
/* One entry with a Russian and an English term. */
#define TH_ENTRY(id, ru, en)                                                         \
    "<entry xml:id=\"" id "\" type=\"concept\" source=\"#src\">"                    \
    "<usg type=\"status\">proposed</usg><usg type=\"reliability\">2</usg>"           \
    "<form type=\"term\" xml:lang=\"ru\"><orth>" ru "</orth><usg type=\"status\">preferred</usg></form>" \
    "<form type=\"term\" xml:lang=\"en\"><orth>" en "</orth><usg type=\"status\">preferred</usg></form>" \
    "</entry>\n"

#endif
