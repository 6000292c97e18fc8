# 0300-validate.t — `glossa validate`: the bundled glossary is valid (also
# for xmllint against schema/glossa.rng), bad fixtures give exit 1 and
# FILE:LINE: error:, unreadable input exits 2, and nothing is ever written.
unset GLOSSA_GLOSSARY
BAD="$SRC/tests/data/bad"

# --- the bundled glossary
run glossa validate "$SRC/glossary"
expect_rc 0 "validate glossary/:"
expect_true "validate glossary/ reports files and concepts" grep -qE '^valid: [0-9]+ files?, [0-9]+ concepts' <<<"$OUT"
# the files name each other's concepts (cross-references), so they are valid together
run glossa validate "$SRC"/glossary/*.xml
expect_rc 0 "validate glossary/*.xml:"
run glossa validate --quiet "$SRC/glossary"
expect_rc 0 "validate --quiet:"
if [ -z "$OUT$ERR" ]; then ok; else fail "validate --quiet should print nothing"; fi

# --- the same files against the RELAX NG schema with an independent validator
if command -v xmllint >/dev/null 2>&1; then
    expect_true "schema/glossa.rng is there" test -s "$SRC/schema/glossa.rng"
    for f in "$SRC"/glossary/*.xml; do
        run xmllint --noout --relaxng "$SRC/schema/glossa.rng" "$f"
        expect_rc 0 "xmllint --relaxng $(basename "$f"):"
    done
    # ... and the schema does reject a bad fixture, so the check above can fail
    run xmllint --noout --relaxng "$SRC/schema/glossa.rng" "$BAD/missing-orth.xml"
    if [ "$RC" -ne 0 ]; then ok; else fail "xmllint should reject missing-orth.xml"; fi
else
    echo "NOTE: xmllint not installed; skipping the xmllint --relaxng checks"
fi

# --- bad fixtures: exit 1 (problems found), FILE:LINE: error:
has_location() {  # FILE LINE
    local l
    while IFS= read -r l; do
        [[ $l =~ ^"$1":"$2":([0-9]+:)?\ error:\  ]] && return 0
    done <<<"$ERR"
    return 1
}
while read -r name line; do
    run glossa validate "$BAD/$name"
    expect_rc 1 "validate $name:"
    if has_location "$BAD/$name" "$line"; then ok; else fail "validate $name: stderr should report $BAD/$name:$line: error:"; fi
    expect_err "problem" "validate $name: a summary line"
done <<'FIXTURES'
unclosed-tag.xml 26
missing-orth.xml 27
unknown-lang.xml 31
bad-reliability.xml 22
dangling-xref.xml 37
duplicate-id.xml 41
no-russian.xml 41
unknown-source.xml 53
wrong-namespace.xml 2
xxe.xml 2
FIXTURES
# a good and a bad file together: the problem is still found
run glossa validate "$SRC/glossary" "$BAD/unknown-lang.xml"
expect_rc 1 "validate glossary/ + unknown-lang.xml:"
expect_err "$BAD/unknown-lang.xml:31: error:" "validate glossary/ + unknown-lang.xml:"

# --- usage errors and unreadable input: exit 2
run glossa validate
expect_rc 2 "validate with no file:"
expect_err "usage: glossa validate" "validate with no file:"
run glossa validate "$WORK/does-not-exist.xml"
expect_rc 2 "validate a missing file:"
expect_err "does-not-exist.xml" "validate a missing file:"
run glossa validate --frobnicate "$SRC/glossary"
expect_rc 2 "validate --frobnicate:"

# --- validate never writes a database, whatever GLOSSA_DB or the directory says
mkdir "$WORK/cwd" && cd "$WORK/cwd" || exit 1
run glossa validate "$SRC/glossary"
run glossa validate "$BAD/unknown-lang.xml"
GLOSSA_DB= run glossa validate "$SRC/glossary"
cd "$WORK" || exit 1
expect_true "validate created no \$GLOSSA_DB" test ! -e "$GLOSSA_DB"
written=$(find "$WORK" -name '*.db*' -o -name '*.tmp-*' -o -name '*.lock')
if [ -z "$written" ]; then ok; else fail "validate wrote: $written"; fi
if [ -z "$(ls -A "$WORK/cwd")" ]; then ok; else fail "validate wrote into the working directory: $(ls -A "$WORK/cwd")"; fi

finish
