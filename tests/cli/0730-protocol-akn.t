# 0730-protocol-akn.t — glossa protocol --format akn: the draft protocol as
# an Akoma Ntoso 3.0 act. A round of three amended concepts, two added and
# one removed (round6.xml: round.xml with the Russian and Chinese wording of
# threat-to-information-security amended too) gives, in ru, zh and en, acts
# that validate against the OASIS schema (../shared/corpora/akn), hold six
# textualMod records (3 substitution, 2 insertion, 1 repeal) in the same
# order under the same ids, every reference inside resolving; ru and zh are
# authoritative, en a translation of both. Golden files pin each act whole;
# the whole-annex style is one substitution. Refused: no date, a table, a
# date that is no day, and an authentic-language act where the Russian and
# Chinese texts would state different changes (the concept named).
D="$SRC/tests/data/protocol"
OLD="$D/old.xml" NEW="$D/round6.xml"
G="$D/expected"

records() { # records FILE: each textualMod as "type id destination[ pos]", a line each
    local n i
    n=$(xpath 'count(//*[local-name()="textualMod"])' "$1")
    for i in $(seq "$n"); do
        local m="(//*[local-name()=\"textualMod\"])[$i]"
        printf '%s %s %s %s\n' "$(xpath "string($m/@type)" "$1")" "$(xpath "string($m/@eId)" "$1")" \
            "$(xpath "string($m/*[local-name()=\"destination\"]/@href)" "$1")" \
            "$(xpath "string($m/*[local-name()=\"destination\"]/@pos)" "$1")"
    done
}

for l in ru zh en; do
    golden_file "$G/round6-$l.akn.xml" glossa protocol --lang "$l" --format akn --date 2026-12-07 "$OLD" "$NEW"
    printf '%s\n' "$OUT" > "$l.xml"
    expect_true "$l: the act validates against akomantoso30.xsd" akn_valid "$l.xml"
    expect_true "$l: every #reference resolves" akn_resolves "$l.xml"
done

# six records, the same in every language, in annex order
want="substitution amod_information-weapon /akn/int/act/2009-06-16/sco-iis/!annex_1#list_1__item_information-weapon 
insertion amod_computer-attack /akn/int/act/2009-06-16/sco-iis/!annex_1#list_1__item_information-weapon after
repeal amod_information-terrorism /akn/int/act/2009-06-16/sco-iis/!annex_1#list_1__item_information-terrorism 
substitution amod_critically-important-structures /akn/int/act/2009-06-16/sco-iis/!annex_1#list_1__item_critically-important-structures 
substitution amod_threat-to-information-security /akn/int/act/2009-06-16/sco-iis/!annex_1#list_1__item_threat-to-information-security 
insertion amod_resilience-of-information-infrastructure /akn/int/act/2009-06-16/sco-iis/!annex_1#list_1 end"
for l in ru zh en; do
    got=$(records "$l.xml")
    expect_true "$l: six textualMod records in annex order (got: $got)" test "$got" = "$want"
done
# each record's mod and quoted words are in the body, under the same ids in every language
ids() { grep -o 'eId="[^"]*"' "$1" | sort; }
expect_true "ru and zh carry the same eIds" test "$(ids ru.xml)" = "$(ids zh.xml)"
expect_true "ru and en carry the same points and mods" test \
    "$(ids ru.xml | grep -v qtext)" = "$(ids en.xml | grep -v qtext)"
expect_true "ru: the new wording of point а) is quoted" test \
    "$(xpath 'string(//*[@eId="art_1__point_information-weapon__mod_1__qtext_new"])' ru.xml)" = \
    "«„информационное оружие“ — информационные и коммуникационные технологии, средства и методы, применяемые в целях ведения информационной войны или совершения компьютерных атак»"
expect_true "zh: the term deleted is the old text quoted" test \
    "$(xpath 'string(//*[@eId="art_1__point_information-terrorism__mod_1__qtext_old"])' zh.xml)" = "信息恐怖主义"

# ru and zh authoritative; en not, a translation of both
auth() { xpath 'string(//*[local-name()="FRBRExpression"]/*[local-name()="FRBRauthoritative"]/@value)' "$1"; }
expect_true "ru is authoritative" test "$(auth ru.xml)" = true
expect_true "zh is authoritative" test "$(auth zh.xml)" = true
expect_true "en is not authoritative" test "$(auth en.xml)" = false
expect_true "en is a translation from rus and zho" test \
    "$(xpath '//*[local-name()="FRBRtranslation"]/@fromLanguage' en.xml | tr -d ' \n')" = 'fromLanguage="rus"fromLanguage="zho"'
expect_true "en says in its text it is a translation" grep -q '<p class="unofficial">Unofficial translation.' en.xml

# the body says what the md protocol says: the same points, word for word
# (md: the instruction and its quotation, two paragraphs; akn: one, a space apart)
run glossa protocol --lang ru "$OLD" "$NEW"
md_points=$(awk '/^(а|б|в|г|д|е)\) /{if (p) print p; p=$0; next} /^> /{p=p " " substr($0, 3); print p; p=""; next}
                 /^## Статья 2/{if (p) print p; exit}' <<<"$OUT")
n=$(xpath 'count(//*[local-name()="point"])' ru.xml)
akn_points=$(for i in $(seq "$n"); do
    pt="(//*[local-name()=\"point\"])[$i]"
    printf '%s %s\n' "$(xpath "string($pt/*[local-name()=\"num\"])" ru.xml)" \
        "$(xpath "normalize-space($pt/*[local-name()=\"content\"])" ru.xml)"
done)
expect_true "ru: six points" test "$n" = 6
expect_true "ru: the act's points are the md protocol's, word for word (md:
$md_points
akn:
$akn_points)" test "$md_points" = "$akn_points"

# the whole annex restated: one substitution of the annex, its new text one quotedStructure
run glossa protocol --lang zh --format akn --style whole --date 2026-12-07 "$OLD" "$NEW"
expect_rc 0 "protocol --style whole --format akn"
printf '%s\n' "$OUT" > whole.xml
expect_true "whole: valid" akn_valid whole.xml
expect_true "whole: every #reference resolves" akn_resolves whole.xml
expect_true "whole: one substitution of annex 1" test "$(records whole.xml)" = \
    "substitution amod_annex_1 /akn/int/act/2009-06-16/sco-iis/!annex_1 "
expect_true "whole: the new annex quoted, an entry a paragraph (13 - 1 + 2)" test \
    "$(xpath 'count(//*[@eId="art_1__mod_1__qstr_new"]/*)' whole.xml)" = 14

# dated by SOURCE_DATE_EPOCH when no --date is given
run env SOURCE_DATE_EPOCH=1765000000 "$GLOSSA" protocol --format akn "$OLD" "$NEW"
expect_rc 0 "akn dated by SOURCE_DATE_EPOCH"
expect_out '<FRBRdate date="2025-12-06" name="draft"/>'
expect_out '/akn/int/act/2025-12-06/sco-iis-protocol-annex-1/rus@2025-12-06'

# refused, nothing written
run env -u SOURCE_DATE_EPOCH "$GLOSSA" protocol --format akn -o never.xml "$OLD" "$NEW"
expect_rc 2 "akn without a date"
expect_err "glossa: error: an Akoma Ntoso act is dated: give the draft's date (--date YYYY-MM-DD) or set SOURCE_DATE_EPOCH; glossa does not date a document by its clock"
run glossa protocol --format akn --table --date 2026-12-07 -o never.xml "$OLD" "$NEW"
expect_rc 2 "akn with a table"
expect_err "glossa: error: the comparative table is not part of the act: write it with --format md, html, docx or tei, not akn"
run glossa protocol --format akn --date 2026-02-30 -o never.xml "$OLD" "$NEW"
expect_rc 2 "akn dated a day that is not"
expect_err "'2026-02-30' is not a date: 2026-02 has 28 days"
expect_true "nothing written" test ! -e never.xml
# the Chinese text of threat-to-information-security left as it was: the
# authentic texts would differ, so neither authentic act is written
sed 's/构成危险的因素和行为/构成危险的因素/' "$NEW" > half.xml
for l in ru zh; do
    run glossa protocol --lang "$l" --format akn --date 2026-12-07 -o never.xml "$OLD" half.xml
    expect_rc 2 "$l: akn of texts that differ"
    expect_err "glossa: error: the Russian and Chinese texts would not state the same changes, so no authentic-language act is written: threat-to-information-security (reworded in Russian, not in Chinese)"
done
expect_true "nothing written" test ! -e never.xml
# the added computer-attack with a Traditional Chinese definition only: zh-Hant
# does not stand for the authentic Chinese text (the rule concordance applies)
awk '/<entry xml:id="computer-attack"/{e=1} e && /<def xml:lang="zh"/{sub(/xml:lang="zh"/, "xml:lang=\"zh-Hant\"")} /<\/entry>/{e=0} {print}' \
    "$NEW" > hant.xml
run glossa protocol --lang ru --format akn --date 2026-12-07 -o never.xml "$OLD" hant.xml
expect_rc 2 "ru: akn of a concept whose Chinese definition is zh-Hant only"
expect_err "glossa: error: the Russian and Chinese texts would not state the same changes, so no authentic-language act is written: computer-attack (no Chinese definition) (see glossa concordance)"
run glossa protocol --lang en --format akn --date 2026-12-07 "$OLD" half.xml
expect_rc 0 "en (a translation) of texts that differ"
expect_out "[not rendered: the English working translation of this term was not revised in the term base; see the Russian and Chinese texts]"
# other documents are not written as akn
run glossa note --format akn
expect_rc 2 "note --format akn"
expect_err "--format must be md, html, docx or tei, not 'akn'"
finish
