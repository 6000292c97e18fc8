#!/usr/bin/env bash
# lint.sh — banned calls in src/ (curl checksrc style): unbounded string
# functions, atoi, gets, system, and raw allocation in the library outside
# alloc.c (every allocation goes through the fault-injection seam).
set -u
src=${1:?usage: lint.sh SOURCE_DIR}/src
bad=0
hits=$(grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|system)\s*\(' -r "$src" --include='*.c' --include='*.h')
if [ -n "$hits" ]; then echo "banned call:"; echo "$hits"; bad=1; fi
hits=$(grep -nE '(^|[^_a-z])(malloc|calloc|realloc|free|strdup|strndup)\s*\(' -r "$src/lib" --include='*.c' | grep -v '^'"$src"'/lib/alloc.c:')
if [ -n "$hits" ]; then echo "raw allocation in the library (use glossa__malloc & co):"; echo "$hits"; bad=1; fi
if [ $bad -eq 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
exit $bad
