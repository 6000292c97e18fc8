/*
** headertest.c — compiles glossa.h alone with -std=c11 -pedantic, so the
** public header never depends on what its users include first.
*/
#include "glossa.h"

int glossa_headertest(void);
int glossa_headertest(void)
{
    glossa_lookup_opts o = GLOSSA_LOOKUP_OPTS_INIT;
    return (int)o.version;
}
