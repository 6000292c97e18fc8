/*
** floor.c — the floor of the whole-process bench (tests/bench/whole-bench.sh):
** the least a lookup can cost, a process that opens the glossa index
** read-only and does one B-tree probe, the term_by_text index of the term
** table, then exits. Prints the concept id found (nothing when none).
**
**   bench-floor DB TERM
*/
#include <sqlite3.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int rc;

    if (argc != 3) {
        fprintf(stderr, "usage: bench-floor DB TERM\n");
        return 2;
    }
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT concept_id FROM term WHERE text = ?1", -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "bench-floor: %s: %s\n", argv[1], sqlite3_errmsg(db));
        sqlite3_close(db);
        return 2;
    }
    sqlite3_bind_text(st, 1, argv[2], -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        printf("%lld\n", sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : 2;
}
