#!/usr/bin/env bash
# lint.sh — banned calls in src/ (curl checksrc style): unbounded string
# functions, atoi, gets, system, and raw allocation in the library outside
# alloc.c (every allocation goes through the fault-injection seam). And the
# shape: no library file over 700 lines (split by concern), and every file
# in src/ named in docs/architecture.md's "Where things live" (by path or by name).
set -u
src=${1:?usage: lint.sh SOURCE_DIR}/src
bad=0
hits=$(grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|system)\s*\(' -r "$src" --include='*.c' --include='*.h')
if [ -n "$hits" ]; then echo "banned call:"; echo "$hits"; bad=1; fi
hits=$(grep -nE '(^|[^_a-z])(malloc|calloc|realloc|free|strdup|strndup)\s*\(' -r "$src/lib" --include='*.c' | grep -v '^'"$src"'/lib/alloc.c:')
if [ -n "$hits" ]; then echo "raw allocation in the library (use glossa__malloc & co):"; echo "$hits"; bad=1; fi
root=${1}
hits=$(wc -l "$src"/lib/*.c | awk '$2 != "total" && $1 > 700 { print "  " $2 ": " $1 " lines" }')
if [ -n "$hits" ]; then echo "library files over 700 lines (split them by concern):"; echo "$hits"; bad=1; fi
map=$(awk '/^## Where things live/ { on = 1; next } on && /^```/ { if (seen++) exit; next } on' "$root/docs/architecture.md")
if [ -z "$map" ]; then echo "docs/architecture.md has no \"Where things live\" block"; bad=1; fi
missing=
while IFS= read -r f; do
    rel=${f#"$root"/}
    base=$(basename "$f")
    grep -qF "$rel" <<<"$map" && continue
    grep -qE "(^|[ ,(;:])${base//./\\.}([ ,);:.]|\$)" <<<"$map" && continue
    missing+="  $rel"$'\n'
done < <(find "$src" -type f | sort)
if [ -n "$missing" ]; then echo "files docs/architecture.md's \"Where things live\" does not name:"; printf '%s' "$missing"; bad=1; fi
# every link to a section of README.md (#anchor, as GitHub makes them) leads to one
hits=$(python3 - "$root/README.md" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
body = re.sub(r"```.*?```", "", text, flags=re.S)
def slug(h):
    h = re.sub(r"[^\w\- ]", "", h.strip().lower())
    return h.replace(" ", "-")
have = {slug(m) for m in re.findall(r"^#+ (.*)$", body, flags=re.M)}
for a in sorted(set(re.findall(r"\]\(#([^)]+)\)", body))):
    if a not in have:
        print("  #" + a)
PY
)
if [ -n "$hits" ]; then echo "README.md links to sections it does not have:"; echo "$hits"; bad=1; fi
if [ $bad -eq 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
exit $bad
