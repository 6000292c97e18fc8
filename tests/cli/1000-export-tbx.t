# 1000-export-tbx.t — `glossa export --format tbx`: the bundled glossary as
# TBX-Basic (TBX 2019, DCA style), valid against the real TBX core RELAX NG
# schema and the TBX-Basic DCA Schematron rules from
# ../shared/corpora/interop-samples (each checker also shown to reject a bad
# file), every concept, term, definition, context, note and cross-reference
# carried, glossa's own facts in [glossa] notes; deterministic; -o replaced
# atomically; --to; bad input and bad options. (The national definitions the
# default export carries from glossary/national/: 1050-export-national.t.)
unset GLOSSA_GLOSSARY
need_shared
IS="$SHARED/corpora/interop-samples"
RNG="$IS/tbx3-ltac-schemas/TBXcoreStructV03.rng"
SCH="$IS/tbx3-ltac-dialects/TBX-Basic/DCA/TBX-Basic_DCA.sch"
expect_true "the TBX core schema is in ../shared" test -s "$RNG"
expect_true "the TBX-Basic DCA Schematron is in ../shared" test -s "$SCH"
count() { grep -o -- "$1" "${@:2}" | wc -l; }

run glossa export -o "$WORK/g.tbx"
expect_rc 0 "export -o:"
entries=$(cat "$SRC"/glossary/*.xml | count '<entry ')
forms=$(cat "$SRC"/glossary/*.xml | count '<form ')
defs=$(cat "$SRC"/glossary/*.xml | count '<def ')
cits=$(cat "$SRC"/glossary/*.xml | count '<cit ')
xrs=$(cat "$SRC"/glossary/*.xml | count '<xr ')
notes=$(cat "$SRC"/glossary/*.xml | count '<note ')
expect_out "exported $entries concepts, $forms terms, $defs definitions, "

# --- valid against the real schemas
run xmllint --noout --relaxng "$RNG" "$WORK/g.tbx"
expect_rc 0 "xmllint --relaxng TBXcoreStructV03.rng:"
run xmllint --noout --relaxng "$RNG" "$IS/tbx3-ltac-test-files/core_structure_bad.tbx"
if [ "$RC" -ne 0 ]; then ok; else fail "the core schema should reject core_structure_bad.tbx"; fi
if /usr/bin/python3 -c 'import lxml' 2>/dev/null; then
    run /usr/bin/python3 "$SRC/tests/cli/schematron.py" "$SCH" "$WORK/g.tbx"
    expect_rc 0 "TBX-Basic DCA Schematron:"
    expect_out "valid"
    run /usr/bin/python3 "$SRC/tests/cli/schematron.py" "$SCH" "$IS/tbx3-ltac-test-files/basic_bad.tbx"
    expect_rc 1 "the Schematron check rejects basic_bad.tbx:"
    run /usr/bin/python3 "$SRC/tests/cli/schematron.py" "$SCH" "$IS/tbx3-ltac-dialects/TBX-Basic/DCA/Example_Astronomy_DCA_VALID.tbx"
    expect_rc 0 "the Schematron check accepts LTAC's own DCA example:"
else
    echo "NOTE: python3-lxml is not installed; the Schematron rules were not checked"
fi

# --- everything is there
tbx=$WORK/g.tbx
expect_true "one conceptEntry per entry ($entries)" test "$(count '<conceptEntry ' "$tbx")" -eq "$entries"
national_terms=$(count '\[glossa\] national term of ' "$tbx")
national_defs=$(count '\[glossa\] national definition ' "$tbx")
expect_true "one termSec per form ($forms) and per national term ($national_terms)" \
    test "$(count '<termSec>' "$tbx")" -eq $((forms + national_terms))
expect_true "one definition per def ($defs) and per national definition ($national_defs)" \
    test "$(count 'type="definition"' "$tbx")" -eq $((defs + national_defs))
expect_true "one context per attestation ($cits)" test "$(count 'type="context"' "$tbx")" -eq "$cits"
expect_true "one crossReference per xr ($xrs)" test "$(count 'type="crossReference"' "$tbx")" -eq "$xrs"
typed=$(grep -c '<note xml:lang="[a-zA-Z-]*">\[\(reliability\|usage\|editorial\)\] ' "$tbx")
expect_true "every TEI note, with its type ($notes, got $typed)" test "$typed" -eq "$notes"
expect_true "a [glossa] note per concept" test "$(count '\[glossa\] status: ' "$tbx")" -eq "$entries"
grep -q '<conceptEntry id="information-security">' "$tbx"; expect_true "information-security is a conceptEntry" test $? -eq 0
grep -qF '[glossa] status: in-force; reliability: 1 (not verified); n: 1</note>' "$tbx"
expect_true "annex status and reliability in the [glossa] note" test $? -eq 0
work_forms=$(cat "$SRC"/glossary/*.xml | grep -o '<form [^>]*resp="#working-translation"' | wc -l)
work_defs=$(cat "$SRC"/glossary/*.xml | grep -o '<def [^>]*resp="#working-translation"' | wc -l)
expect_true "working translations marked ($work_forms + $work_defs)" \
    test "$(count '\[glossa\] working translation' "$tbx")" -eq $((work_forms + work_defs))
rec=$(cat "$SRC"/glossary/*.xml | grep -o 'resp="#reconstruction"' | wc -l)
expect_true "reconstructions marked ($rec)" test "$(count '\[glossa\] reconstruction' "$tbx")" -eq "$rec"
grep -q '<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>' "$tbx"
expect_true "admitted terms" test $? -eq 0
grep -q '<termNote type="termType">abbreviation</termNote>' "$tbx"; expect_true "termType" test $? -eq 0
grep -q '<langSec xml:lang="uz-Cyrl">' "$tbx" && grep -q '<langSec xml:lang="uz-Latn">' "$tbx"
expect_true "Uzbek keeps its script subtags" test $? -eq 0
grep -q '<langSec xml:lang="zh-Hant-TW">' "$tbx"; expect_true "zh-Hant-TW" test $? -eq 0
grep -q '<refObject id="src.agreement-2009">' "$tbx"; expect_true "sources as refObjects" test $? -eq 0

# --- deterministic; stdout and -o are the same bytes
run glossa export
expect_rc 0 "export to stdout:"
glossa export > "$WORK/stdout.tbx"
expect_true "stdout and -o give the same bytes" cmp -s "$WORK/stdout.tbx" "$WORK/g.tbx"
glossa export -q -o "$WORK/again.tbx"
expect_true "two exports are byte-identical" cmp -s "$WORK/again.tbx" "$WORK/g.tbx"

# --- -o replaces a file atomically and leaves no temporary file
echo "old content" > "$WORK/replace.tbx"
run glossa export -q --to ru -o "$WORK/replace.tbx"
expect_rc 0 "export over an existing file:"
grep -q 'old content' "$WORK/replace.tbx"; expect_true "the old content is gone" test $? -ne 0
expect_true "no temporary file is left" test -z "$(ls "$WORK" | grep '\.tmp-')"
run glossa export -o "$WORK/no/such/dir/x.tbx"
expect_rc 2 "-o in a missing folder:"
expect_err "cannot write"

# --- --to: only those languages, still valid
run glossa export --to ru,zh -o "$WORK/ru-zh.tbx"
expect_rc 0 "--to ru,zh:"
expect_true "no English left but the [glossa] notes" \
    test "$(grep 'xml:lang="en"' "$WORK/ru-zh.tbx" | grep -vc '>\[glossa\] ')" -eq 0
expect_true "the full export does have English" \
    test "$(grep 'xml:lang="en"' "$WORK/g.tbx" | grep -vc '>\[glossa\] ')" -gt 0
grep -q '<langSec xml:lang="zh-Hant-TW">' "$WORK/ru-zh.tbx"; expect_true "--to zh keeps zh-Hant-TW" test $? -eq 0
run xmllint --noout --relaxng "$RNG" "$WORK/ru-zh.tbx"
expect_rc 0 "--to ru,zh output validates:"

# --- part of the term base: cross-references that leave it are reported
run glossa export "$SRC/glossary/annex1.xml" -o "$WORK/annex.tbx"
expect_rc 1 "annex1.xml alone (references into statements.xml):"
expect_err "annex1.xml:"
expect_err "left out: that concept is not in the export"
run xmllint --noout --relaxng "$RNG" "$WORK/annex.tbx"
expect_rc 0 "the partial export still validates:"

# --- bad input and options
run glossa export "$SRC/tests/data/bad/missing-orth.xml" -o "$WORK/bad.tbx"
expect_rc 2 "invalid TEI:"
expect_err "missing-orth.xml:"
expect_true "nothing written for invalid input" test ! -e "$WORK/bad.tbx"
run glossa export --format xlsx
expect_rc 2 "unknown format:"
expect_err "glossa export: --format must be tbx, tbx2008, csv, omegat, json or akn, not 'xlsx'"
run glossa export --to de
expect_rc 2 "--to de:"
expect_err "'de' is not a member language"
# a language few concepts have: references to concepts left out are dropped, the file stays valid
run glossa export --to hi -o "$WORK/hi.tbx"
expect_rc 1 "--to hi:"
expect_err "left out: that concept is not in the export"
run xmllint --noout --relaxng "$RNG" "$WORK/hi.tbx"
expect_rc 0 "--to hi output validates:"
if /usr/bin/python3 -c 'import lxml' 2>/dev/null; then
    run /usr/bin/python3 "$SRC/tests/cli/schematron.py" "$SCH" "$WORK/hi.tbx"
    expect_rc 0 "--to hi output passes the Schematron rules (every target resolves):"
fi
finish
