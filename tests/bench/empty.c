/*
** empty.c — the empty C program of the whole-process bench
** (tests/bench/whole-bench.sh): built with the project's compiler flags and
** linked as a position-independent executable like the glossa binary, but
** with no library, it is what starting any process costs; `glossa --version`
** is measured against it.
*/
int main(void)
{
    return 0;
}
