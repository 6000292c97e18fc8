#!/usr/bin/env bash
# lint-cycles.sh — no two source files use each other in a circle. Reads the
# global symbols of every object file built from src/ (nm: defined vs
# undefined), makes the file-level call graph (A -> B when A uses a symbol
# that B defines) and fails on every cycle in it, printing each group of files
# that reach one another and the symbols that tie them.
# A group listed in tests/lint-cycles.known (one per line, as printed after
# "cycle:") is reported but tolerated until it is cut; a listed group that is
# no longer a cycle fails too, so the list cannot go stale.
# Usage: lint-cycles.sh SOURCE_DIR BUILD_DIR
set -u
src=${1:?usage: lint-cycles.sh SOURCE_DIR BUILD_DIR}
build=${2:?usage: lint-cycles.sh SOURCE_DIR BUILD_DIR}

# One line per object: "FILE D SYMBOL" (defined) or "FILE U SYMBOL" (used),
# FILE the source path (src/lib/dict.c). Objects whose source is gone
# (left in the build folder by an earlier layout) are skipped.
symbols=$(
    find "$build/CMakeFiles" -path '*/src/*' -name '*.c.o' | sort | while IFS= read -r o; do
        file=src/${o#*/src/}
        file=${file%.o}
        [ -f "$src/$file" ] || continue
        nm -g --defined-only "$o" | awk -v f="$file" 'NF == 3 { print f, "D", $3 }'
        nm -u "$o" | awk -v f="$file" '{ print f, "U", $NF }'
    done
)
if ! grep -q ' D ' <<<"$symbols"; then
    echo "lint-cycles: no object files from src/ under $build/CMakeFiles (build first)"
    echo "0 passed, 1 failed"
    exit 1
fi

known=$(grep -v '^#' "$src/tests/lint-cycles.known" 2>/dev/null | grep -v '^[[:space:]]*$')

awk -v known="$known" '
$2 == "D" { def[$3] = $1; files[$1] = 1; next }
$2 == "U" { use[++n] = $1 SUBSEP $3; next }
END {
    for (i = 1; i <= n; i++) {
        split(use[i], p, SUBSEP)
        a = p[1]; s = p[2]
        if (!(s in def) || def[s] == a) continue
        b = def[s]
        edge[a, b] = 1
        if (!((a, b) in why)) why[a, b] = s
        else if (index(" " why[a, b] " ", " " s " ") == 0) why[a, b] = why[a, b] " " s
    }
    m = 0
    for (f in files) name[++m] = f
    # sort the names so the report is stable
    for (i = 2; i <= m; i++) { v = name[i]; for (j = i - 1; j >= 1 && name[j] > v; j--) name[j + 1] = name[j]; name[j + 1] = v }
    for (i = 1; i <= m; i++) for (j = 1; j <= m; j++) reach[i, j] = ((name[i], name[j]) in edge)
    for (k = 1; k <= m; k++) for (i = 1; i <= m; i++) if (reach[i, k]) for (j = 1; j <= m; j++) if (reach[k, j]) reach[i, j] = 1
    nk = split(known, kl, "\n")
    for (i = 1; i <= nk; i++) { sub(/[[:space:]]+$/, "", kl[i]); tolerated[kl[i]] = 1 }
    cycles = 0; bad = 0
    for (i = 1; i <= m; i++) {
        if (done[i] || !reach[i, i]) continue
        cycles++
        group = ""
        for (j = i; j <= m; j++) if (reach[i, j] && reach[j, i]) { done[j] = 1; member[j] = cycles; group = group " " name[j] }
        if (substr(group, 2) in tolerated) { print "known cycle (tests/lint-cycles.known):" group; seen[substr(group, 2)] = 1 }
        else { print "cycle:" group; bad++ }
        for (a = 1; a <= m; a++) {
            if (member[a] != cycles) continue
            for (b = 1; b <= m; b++)
                if (member[b] == cycles && a != b && (name[a], name[b]) in edge)
                    print "  " name[a] " -> " name[b] ": " why[name[a], name[b]]
        }
    }
    for (k in tolerated) if (!(k in seen)) { print "no longer a cycle, remove it from tests/lint-cycles.known: " k; bad++ }
    if (bad) { print "0 passed, 1 failed"; exit 1 }
    print "1 passed, 0 failed"
}' <<<"$symbols"
