# 0420-man-page.t — src/cli/glossa.1 (installed by cmake --install) documents
# every command that `glossa help` lists, in a section of its own, with every
# option that `glossa COMMAND --help` shows; it has the usual sections, the
# version of CMakeLists.txt, and groff formats it without a warning.
man1="$SRC/src/cli/glossa.1"
expect_true "src/cli/glossa.1 exists" test -f "$man1"

run glossa help
listed=$(awk '/^commands:/{on=1; next} on && /^$/{exit} on {print $1}' <<<"$OUT")
expect_true "glossa help lists commands" test -n "$listed"
for c in $listed; do
    # the lines of the section (or sections) of this command
    section=$(awk -v c="$c" '
        /^\.SS "glossa / { split($0, w, /[ "]+/); on = (w[3] == c) }
        /^\.SH / { on = 0 }
        on' "$man1")
    if [ -n "$section" ]; then ok; else fail "glossa.1 has no section .SS \"glossa $c ...\""; continue; fi
    run glossa "$c" --help
    opts=$(sed -n '/^options:/,/^$/p' <<<"$OUT" | grep -oE '^ +(-[a-zA-Z], )?--[a-z0-9-]+' |
           grep -oE -- '--[a-z0-9-]+' | grep -vx -- '--help')
    for o in $opts; do
        esc=${o//-/\\-}
        if grep -qF -- "$esc" <<<"$section"; then ok; else fail "glossa.1, section $c: option $o is not documented"; fi
    done
    shorts=$(sed -n '/^options:/,/^$/p' <<<"$OUT" | grep -oE '^ +-[a-zA-Z],' | grep -oE -- '-[a-zA-Z]' | grep -vx -- '-h')
    for o in $shorts; do
        if grep -qF -- "\\$o" <<<"$section"; then ok; else fail "glossa.1, section $c: option $o is not documented"; fi
    done
done

for s in NAME SYNOPSIS DESCRIPTION COMMANDS '"EXIT STATUS"' ENVIRONMENT FILES EXAMPLES '"SEE ALSO"'; do
    if grep -qx ".SH $s" "$man1"; then ok; else fail "glossa.1 has no .SH $s"; fi
done
for v in GLOSSA_DB GLOSSA_GLOSSARY NO_COLOR; do
    if grep -q "^\.B $v\$" "$man1"; then ok; else fail "glossa.1 ENVIRONMENT lacks $v"; fi
done
project=$(sed -nE 's/^project\(glossa VERSION ([0-9.]+).*/\1/p' "$SRC/CMakeLists.txt")
if grep -q "^\.TH GLOSSA 1 [0-9-]* \"glossa $project\"" "$man1"; then ok; else fail "glossa.1 .TH does not say glossa $project"; fi

# formatted without warnings (-ww: all of them), and it reads as text
if command -v groff >/dev/null 2>&1; then
    warnings=$(groff -k -t -man -Tutf8 -ww -z "$man1" 2>&1)
    if [ -z "$warnings" ]; then ok; else fail "groff warns about glossa.1: $warnings"; fi
    text=$(groff -k -t -man -Tutf8 -P-cbou "$man1" 2>/dev/null)
    for want in "glossa lookup --batch" "glossa serve --dict" "информационная безопасность" "EXIT STATUS"; do
        if grep -qF -- "$want" <<<"$text"; then ok; else fail "formatted glossa.1 lacks '$want'"; fi
    done
else
    echo "note: groff is not installed; the formatting check was skipped"
fi
finish
