/*
** labels.c — the words every front end shows for a reliability value and for
** the basis of a wording (the CLI, the web page, the DICT server, JSON
** export) and for how a national notion relates to a concept: written
** once, so that "NOT VERIFIED" cannot say one thing in one place and another
** elsewhere.
*/
#include "glossa_int.h"

#include <string.h>

const char *glossa_reliability_label(int reliability)
{
    switch (reliability) {
    case 1: return "NOT VERIFIED";
    case 2: return "minimum reliability";
    case 3: return "reliable";
    default: return "very reliable";
    }
}

const char *glossa_basis_note(const char *basis)
{
    if (basis && strcmp(basis, "reconstruction") == 0)
        return "reconstruction, not verified against the official text";
    if (basis && strcmp(basis, "working-translation") == 0)
        return "working translation, not an official rendering";
    return NULL;
}

const char *glossa_relation_label(const char *relation)
{
    if (!relation)
        return "";
    return strcmp(relation, "same") == 0       ? "the same notion"
           : strcmp(relation, "broader") == 0  ? "broader notion"
           : strcmp(relation, "narrower") == 0 ? "narrower notion"
           : strcmp(relation, "related") == 0  ? "related notion"
                                                : relation;
}

const char *glossa_relation_mark(const char *relation)
{
    return !relation                          ? "~"
           : strcmp(relation, "same") == 0     ? "="
           : strcmp(relation, "narrower") == 0 ? "<"
           : strcmp(relation, "broader") == 0  ? ">"
                                                : "~";
}
