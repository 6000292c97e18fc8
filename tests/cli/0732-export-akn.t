# 0732-export-akn.t — glossa export --format akn: annex 1 as an Akoma Ntoso
# document. tests/data/akn/dated.xml is the bundled annex after
# `consolidate --round 2026-1 --in-force 2027-06-01` (one definition
# substituted, one concept inserted, the earlier wording kept with its
# dates): golden files pin it in ru and en, newest and as of a day before the
# change; every act validates against the OASIS schema and every reference in
# it resolves; its passive modifications and notes match what `glossa show
# --history` says of each concept; the bundled annex validates in ru, zh and
# en with one item per concept in force; the protocol's destinations are
# items of the annex document it amends. Refused: a language without a
# template, a date that is no day, --lang or --as-of with another format,
# --to with akn; an annex with no concept in force is exit 1.
D="$SRC/tests/data/akn"


golden_file "$D/expected/dated-ru.akn.xml" glossa export --format akn "$D/dated.xml"
printf '%s\n' "$OUT" > ru.xml
golden_file "$D/expected/dated-en.akn.xml" glossa export --format akn --lang en "$D/dated.xml"
printf '%s\n' "$OUT" > en.xml
golden_file "$D/expected/dated-zh-2020.akn.xml" glossa export --format akn --lang zh --as-of 2020-01-01 "$D/dated.xml"
printf '%s\n' "$OUT" > zh-2020.xml
for f in ru en zh-2020; do
    expect_true "$f: valid against akomantoso30.xsd" akn_valid "$f.xml"
    expect_true "$f: every reference resolves" akn_resolves "$f.xml"
done
expect_true "newest: a single version, dated by its change" test \
    "$(xpath 'string(//*[local-name()="FRBRExpression"]/*[local-name()="FRBRuri"]/@value)' ru.xml)" = \
    "/akn/int/act/2009-06-16/sco-iis/rus@2027-06-01"
expect_true "as of 2020: the original version, 13 items, no modification" test \
    "$(xpath 'string(//*[local-name()="doc"]/@contains)' zh-2020.xml) $(xpath 'count(//*[local-name()="item"])' zh-2020.xml) $(xpath 'count(//*[local-name()="textualMod"])' zh-2020.xml)" = \
    "originalVersion 13 0"
expect_true "ru and en: the same items, the same records" test \
    "$(grep -o 'eId="[^"]*"' ru.xml)" = "$(grep -o 'eId="[^"]*"' en.xml)"

# the passive records and notes say what `show --history` says: for each
# concept, the days its Russian or Chinese wording came into force
mkdir dated && cp "$D/dated.xml" dated/annex1.xml && cp "$SRC/glossary/statements.xml" dated/
run glossa index --quiet --db dated.db dated
expect_rc 0 "the dated annex indexes"
history_days() { # history_days ID: the days show --history gives
    "$GLOSSA" show --db dated.db --history --format json "$1" | jq -r '
        ([.results[0].definitions[] | select(.lang == "ru" or .lang == "zh")] +
         [.results[0].terms[] | select((.lang == "ru" or .lang == "zh") and .status == "preferred")])
        | map(.from) | map(select(. != null)) | unique | join(" ")'
}
akn_days() { # akn_days FILE ID: the days of its passive modifications
    xpath "//*[local-name()=\"textualMod\"][*[local-name()=\"destination\"]/@href=\"#list_1__item_$2\"]/*[local-name()=\"force\"]/@period" "$1" |
        grep -o '[0-9-]\{10\}' | sort -u | tr '\n' ' ' | sed 's/ $//'
}
n=0
for id in $(grep -o 'eId="list_1__item_[^"]*"' ru.xml | sed 's/eId="list_1__item_//; s/"//'); do
    h=$(history_days "$id") a=$(akn_days ru.xml "$id")
    [ -n "$h" ] && n=$((n + 1))
    expect_true "$id: passive modifications on the days show --history gives ('$a' / '$h')" test "$a" = "$h"
done
expect_true "two concepts have history" test "$n" = 2
expect_true "the substitution: its note as the history says" test \
    "$(xpath 'string(//*[@eId="note_information-weapon_2027-06-01"])' en.xml | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')" = \
    "Definition substituted by Round 2026-1 of proposals to amend the annex: wording agreed by all Parties, pending the amending protocol, in force from 2027-06-01."
expect_true "the insertion's type" test \
    "$(xpath 'string(//*[@eId="pmod_kz-information-security-incident_2027-06-01"]/@type)' en.xml)" = insertion

# the bundled annex: valid in every language, one item per concept in force
for l in ru zh en; do
    run glossa export --format akn --lang "$l" "$SRC/glossary/annex1.xml"
    expect_rc 0 "bundled annex, $l"
    printf '%s\n' "$OUT" > "bundled-$l.xml"
    expect_true "bundled $l: valid" akn_valid "bundled-$l.xml"
    expect_true "bundled $l: every reference resolves" akn_resolves "bundled-$l.xml"
    expect_true "bundled $l: an item per concept in force" test \
        "$(xpath 'count(//*[local-name()="item"])' "bundled-$l.xml")" = "$(grep -c '<usg type="status">in-force</usg>' "$SRC/glossary/annex1.xml")"
done
# with the study of national law read too: the annex holds none of it, and says nothing of it
run glossa export --format akn -o with-national.xml "$SRC/glossary" "$SRC/glossary/national"
expect_rc 0 "the glossary with its national law"
expect_true "the summary names the annex's concepts alone" test "$OUT" = \
    "exported 13 concepts, 13 terms, 13 definitions to with-national.xml"
expect_true "the same annex as from annex1.xml alone" cmp with-national.xml <(printf '%s\n' "$(cat bundled-ru.xml)")
expect_true "bundled ru: reconstructed wording marked" grep -q 'marker="\[НЕ ПРОВЕРЕНО: реконструкция, надёжность 1\]"' bundled-ru.xml

# the protocol amends items of this document: each destination is an item of the annex it amends
P="$SRC/tests/data/protocol"
run glossa export --format akn "$P/old.xml"
printf '%s\n' "$OUT" > old-annex.xml
run glossa protocol --format akn --date 2026-12-07 "$P/old.xml" "$P/round6.xml"
printf '%s\n' "$OUT" > protocol.xml
dests=$(grep -o 'destination href="/akn/int/act/2009-06-16/sco-iis/!annex_1#[^"]*"' protocol.xml | sed 's/.*#//; s/"$//')
expect_true "six destinations" test "$(wc -l <<<"$dests")" = 6
for d in $dests; do
    expect_true "the protocol's destination #$d is in the annex document" grep -q "eId=\"$d\"" old-annex.xml
done

# refused
run glossa export --format akn --lang fr "$D/dated.xml"
expect_rc 2 "--lang fr"
expect_err "glossa: error: --lang: annex 1 is written in ru, zh or en, not 'fr'"
run glossa export --format akn --as-of 2027-02-30 "$D/dated.xml"
expect_rc 2 "--as-of a day that is not"
expect_err "'2027-02-30' is not a date: 2027-02 has 28 days"
run glossa export --format tbx --lang ru "$D/dated.xml"
expect_rc 2 "--lang with tbx"
expect_err "glossa: error: --lang and --as-of are for --format akn (annex 1 as a legal document); the other formats take --to"
run glossa export --format akn --to ru "$D/dated.xml"
expect_rc 2 "--to with akn"
expect_err "glossa: error: --format akn writes one language: --lang LANG, not --to"
run glossa export --format akn -o never.xml "$SRC/glossary/statements.xml"
expect_rc 1 "no annex concept"
expect_err "glossa: error: no concept of annex 1 in the term base (status in-force or agreed, with a Russian term in force)"
expect_true "nothing written" test ! -e never.xml
run glossa export --format akn --as-of 2009-06-15 "$D/dated.xml"
expect_rc 1 "the day before the Agreement"
expect_err "glossa: error: no annex 1 on 2009-06-15: the Agreement is dated 2009-06-16"
finish
