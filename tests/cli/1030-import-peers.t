# 1030-import-peers.t — TBX written by other tools (../shared/corpora/
# interop-samples: LTAC's TBX-Basic examples in DCA and DCT style, TBX 2008
# exports of CRITI, SDLX and IBM termbases with tig and ntig, Weblate's and
# Translate Toolkit's files; and, when installed, what Debian's csv2tbx
# writes) import, re-export and re-import with no loss of what glossa's
# encoding can carry: every term, status and definition of the languages
# read is there, the re-export validates against the TBX core schema, and a
# second round trip changes nothing. None of these files has Russian: a term
# base other than the annex comes in as it is (<TEI type="termbase">: a
# preferred term in any language), or with --lang-map reading its languages
# as ru/zh.
unset GLOSSA_GLOSSARY
need_shared
IS="$SHARED/corpora/interop-samples"
RNG="$IS/tbx3-ltac-schemas/TBXcoreStructV03.rng"
body() { sed -n '/<body>/,$p' "$1"; }
count() { grep -o -- "$1" "${@:2}" | wc -l; }

# round_trip NAME: $WORK/NAME.xml → TBX (valid) → TEI with the same entries
round_trip() {
    glossa export -q "$WORK/$1.xml" -o "$WORK/$1.tbx"
    run xmllint --noout --relaxng "$RNG" "$WORK/$1.tbx"
    expect_rc 0 "$1: re-export validates:"
    run glossa import "$WORK/$1.tbx" -o "$WORK/$1-2.xml"
    expect_rc 0 "$1: re-import of the re-export (nothing left out):"
    expect_true "$1: TEI → TBX → TEI keeps every entry as it was" test "$(body "$WORK/$1.xml")" = "$(body "$WORK/$1-2.xml")"
}

# --- without a language map: no concept has Russian, English is a member
# language: a term base of its own kind, indexed and looked up as it is
run glossa import "$IS/tbx3-ltac-dialects/TBX-Basic/DCA/Example_Astronomy_DCA_VALID.tbx" -o "$WORK/x.xml"
expect_rc 1 "LTAC example without --lang-map (es, zu left out):"
expect_out "imported 39 concepts, 55 terms, 36 definitions"
expect_err "warning: language 'es' is not a member language: 52 terms left out"
expect_err "concept 'c17' left out: no term in a member language (--lang-map reads a language as one)"
expect_true "written as a term base other than the annex" grep -q '^<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ru" type="termbase">$' "$WORK/x.xml"
run glossa validate "$WORK/x.xml"
expect_rc 0 "it validates:"
run glossa index --quiet --db "$WORK/x.db" "$WORK/x.xml"
expect_rc 0 "it is indexed:"
run glossa lookup --db "$WORK/x.db" --format json "open clusters"
expect_json '[.results[0].id, .results[0].match.how]|join(" ")' "c1 stem"
# without type="termbase" the annex's rule holds, and the message says how to say otherwise
sed 's/ type="termbase"//' "$WORK/x.xml" >"$WORK/x-annex.xml"
run glossa validate "$WORK/x-annex.xml"
expect_rc 1 "a term base without Russian that does not say so:"
expect_err "x-annex.xml:59: error: entry 'c1': no preferred Russian term (a term base in other languages says so: <TEI type=\"termbase\">)"
sed 's/xml:lang="en"/xml:lang="de"/g' "$IS/tbx3-ltac-dialects/TBX-Basic/DCA/Example_Astronomy_DCA_VALID.tbx" >"$WORK/de.tbx"
run glossa import "$WORK/de.tbx" -o "$WORK/none.xml"
expect_rc 2 "no member language at all:"
expect_err "nothing to import: 45 concepts read, none with a term in a member language"
expect_true "nothing written" test ! -e "$WORK/none.xml"

# --- --schema RNG: the TBX core structure first, every violation at its line;
# --strict: whatever would be left out or assumed is an error; nothing written
run glossa import --schema "$RNG" "$IS/tbx3-ltac-test-files/core_structure_bad.tbx" -o "$WORK/bad.xml"
expect_rc 2 "a file the core schema refuses:"
expect_true "each violation at its line, then the verdict" test "$ERR" = "$IS/tbx3-ltac-test-files/core_structure_bad.tbx:15: error: did not expect text in element sourceDesc content
$IS/tbx3-ltac-test-files/core_structure_bad.tbx:21: error: <admin> is not allowed here
glossa: $IS/tbx3-ltac-test-files/core_structure_bad.tbx: error: not valid against $RNG: 2 problems (above); nothing imported"
expect_true "nothing written" test ! -e "$WORK/bad.xml"
run glossa import --quiet --schema "$RNG" "$IS/tbx2-peer-exports/v3-converted-by-LTAC-perl/Good-Basic1.tbx" -o "$WORK/bad.xml"
expect_rc 2 "LTAC's own v3 conversion that fails the core schema (--quiet says the errors still):"
expect_err "Good-Basic1.tbx: error: not valid against $RNG: 10 problems (above); nothing imported"
run glossa import --schema "$RNG" "$IS/tbx3-ltac-test-files/core_structure_good.tbx" -o "$WORK/good.xml"
expect_rc 1 "a valid file imports (with its warnings):"
expect_out "imported 39 concepts"
run glossa import --schema "$WORK/missing.rng" "$IS/tbx3-ltac-test-files/core_structure_good.tbx" -o "$WORK/good2.xml"
expect_rc 2 "a schema that is not there:"
expect_err "missing.rng: error: cannot open: No such file or directory"
run glossa import --schema "$IS/tbx3-ltac-test-files/min_good.tbx" "$IS/tbx3-ltac-test-files/core_structure_good.tbx" -o "$WORK/good2.xml"
expect_rc 2 "a schema that is no RELAX NG:"
expect_err "min_good.tbx:"
expect_err "not a RELAX NG schema glossa can use"
run glossa import --strict --lang-map cs=ru "$IS/tbx2-peer-exports/weblate-tests/cs.tbx" -o "$WORK/strict.xml"
expect_rc 2 "--strict, a file with terms without a status:"
expect_true "the assumption is an error, then the verdict" test "$ERR" = "$IS/tbx2-peer-exports/weblate-tests/cs.tbx: error: 8 terms had no administrativeStatus: the first term of each language was taken as preferred, the others as admitted
glossa: $IS/tbx2-peer-exports/weblate-tests/cs.tbx: error: --strict: 1 problem (above); nothing imported"
expect_true "nothing written" test ! -e "$WORK/strict.xml"
glossa export -q -o "$WORK/own.tbx" "$SRC/glossary/annex1.xml" "$SRC/glossary/statements.xml"
run glossa import --strict --schema "$RNG" "$WORK/own.tbx" -o "$WORK/own.xml"
expect_rc 0 "glossa's own export passes --strict and the core schema:"
expect_out "imported 54 concepts, 320 terms, 121 definitions"

# a broken file: the line where the mismatch is, not the end of the file
run glossa import "$IS/tbx3-ltac-test-files/poorly_formed_xml.tbx" -o "$WORK/pf.xml"
expect_rc 2 "a file that is not well-formed:"
expect_true "named at the line of the mismatch" test "$ERR" = "glossa: $IS/tbx3-ltac-test-files/poorly_formed_xml.tbx:42:16: error: malformed XML: <term> (opened on line 41) is closed by </termSec>"

# --- LTAC's TBX-Basic example, DCA and DCT style: the same TEI
for style in DCA DCT; do
    f="$IS/tbx3-ltac-dialects/TBX-Basic/$style/Example_Astronomy_${style}_VALID.tbx"
    run glossa import --lang-map en=ru,es=zh "$f" -o "$WORK/astro-$style.xml"
    expect_rc 1 "LTAC $style example (zu, partOfSpeech, transactions … left out):"
    expect_out "imported 39 concepts, 107 terms, 74 definitions"
    expect_err "language 'zu' is not a member language: 6 terms left out"
    expect_err "data category 'partOfSpeech'"
    expect_err "data category 'transactionType'"
    expect_err "concept 'c17' left out: no term in a member language"
    run glossa validate "$WORK/astro-$style.xml"
    expect_rc 0 "LTAC $style import validates:"
done
# (LTAC's two files differ in three notes of the DCA one; terms and definitions are the same)
terms_defs() { grep -E '<orth>|<def |<usg type="status">' "$1"; }
expect_true "DCA and DCT style give the same terms, statuses and definitions" \
    test "$(terms_defs "$WORK/astro-DCA.xml")" = "$(terms_defs "$WORK/astro-DCT.xml")"
a=$WORK/astro-DCA.xml
grep -q '<orth>open cluster</orth>' "$a"; expect_true "an English term, read as ru" test $? -eq 0
grep -A1 '<orth>galactic cluster</orth>' "$a" | grep -q deprecated; expect_true "supersededTerm-admn-sts → deprecated" test $? -eq 0
grep -q 'source="#oxford2007"' "$a"; expect_true "definition source 'Oxford2007'" test $? -eq 0
expect_true "every context kept (the en/es ones: $(count 'type="context"' "$IS/tbx3-ltac-dialects/TBX-Basic/DCA/Example_Astronomy_DCA_VALID.tbx") in the file)" \
    test "$(count '<cit type="attestation"' "$a")" -ge 100
round_trip astro-DCA

# --- TBX 2008 written by other tools: ntig (SDLX), tig (CRITI), DOCTYPE naming a DTD
run glossa import --lang-map en=ru,de=zh "$IS/tbx2-peer-exports/v2-original/Unknown Dialect1.tbx" -o "$WORK/sdlx.xml"
expect_rc 1 "SDLX export (ntig):"
expect_out "imported 223 concepts"
nonempty=$(grep -c '<term>[^<]' "$IS/tbx2-peer-exports/v2-original/Unknown Dialect1.tbx")
expect_true "every non-empty term is there ($nonempty)" test "$(count '<orth>' "$WORK/sdlx.xml")" -eq "$nonempty"
expect_true "every definition is there" test "$(count '<def ' "$WORK/sdlx.xml")" -eq \
    "$(count 'type="definition"' "$IS/tbx2-peer-exports/v2-original/Unknown Dialect1.tbx")"
round_trip sdlx
run glossa import --lang-map en=ru,pt=zh "$IS/tbx2-peer-exports/v2-original/Good-Basic1.tbx" -o "$WORK/criti.xml"
expect_rc 1 "CRITI export (tig, DOCTYPE, xml:lang=\"---\"):"
expect_err "language '---' is not a member language: 2 terms left out"
expect_err "data category 'partOfSpeech'"
round_trip criti
# LTAC's own TBX 2019 conversion of it (which fails the core schema) reads the same
run glossa import --lang-map en=ru,pt=zh "$IS/tbx2-peer-exports/v3-converted-by-LTAC-perl/Good-Basic1.tbx" -o "$WORK/criti3.xml"
expect_rc 1 "LTAC's v3 conversion of the CRITI file:"
expect_true "TBX 2008 and its 2019 conversion give the same terms" \
    test "$(grep '<orth>' "$WORK/criti.xml" | sort)" = "$(grep '<orth>' "$WORK/criti3.xml" | sort)"

# --- Weblate's test files: Translate Toolkit (tig, no ids, no status), extended metadata
run glossa import --lang-map cs=ru "$IS/tbx2-peer-exports/weblate-tests/cs.tbx" -o "$WORK/cs.xml"
expect_rc 0 "Translate Toolkit cs.tbx (assumptions only):"
expect_out "imported 4 concepts, 8 terms"
expect_err "8 terms had no administrativeStatus"
grep -q 'xml:id="address-bar"' "$WORK/cs.xml"; expect_true "ids from the English term" test $? -eq 0
grep -q '<orth>adresní řádek</orth>' "$WORK/cs.xml"; expect_true "the Czech term" test $? -eq 0
round_trip cs
run glossa import --lang-map en=ru,fr=zh "$IS/tbx2-peer-exports/weblate-tests/fr-extended-metadata.tbx" -o "$WORK/fr.xml"
expect_rc 1 "fr-extended-metadata.tbx:"
expect_err "fr-extended-metadata.tbx:13: warning: concept 'e001' left out: no preferred term (its 2 terms are deprecated)"
expect_err "data category 'Translation needed' (descrip) has no place"
grep -q 'SYS_ERR_406' "$WORK/fr.xml"; expect_true "e002 kept" test $? -eq 0
grep -q '<note type="editorial" xml:lang="ru">SYS_ERR_406: Do not translate error codes.</note>' "$WORK/fr.xml"
expect_true "a term's note with its language" test $? -eq 0

# --- Debian's translate-toolkit: csv2tbx writes TBX 2008 with target language "xx"
if command -v csv2tbx >/dev/null 2>&1; then
    glossa export --format omegat --from en --to ru |
        awk -F'\t' 'BEGIN { print "\"source\",\"target\",\"comment\"" }
                    { for (i = 1; i <= 3; i++) { gsub(/"/, "\"\"", $i); $i = "\"" $i "\"" }
                      print $1 "," $2 "," $3 }' > "$WORK/peer.csv"
    csv2tbx --progress=none "$WORK/peer.csv" "$WORK/peer.tbx" >/dev/null 2>&1
    expect_true "csv2tbx wrote a martif file" grep -q '<martif' "$WORK/peer.tbx"
    run glossa import --lang-map xx=ru "$WORK/peer.tbx" -o "$WORK/peer.xml"
    expect_rc 0 "import of csv2tbx output:"
    run glossa validate "$WORK/peer.xml"
    expect_rc 0 "csv2tbx import validates:"
    want=$(tail -n +2 "$WORK/peer.csv" | awk -F'","' '{ sub(/^"/, "", $1); print $1 "|" $2 }' | sort -u)
    got=$(glossa export --format json "$WORK/peer.xml" |
          jq -r '.concepts[] | ([.terms[] | select(.lang == "en")][0].text) + "|" + ([.terms[] | select(.lang == "ru")][0].text)' | sort -u)
    expect_true "every en/ru pair csv2tbx wrote is in the import" test "$want" = "$got"
    round_trip peer
else
    echo "NOTE: translate-toolkit (csv2tbx) is not installed; its output was not tried"
fi
finish
