# 0830-candidates.t — `glossa candidates` on the four statements of
# ../shared/reference/documents (SCO 2020, CSTO 2017, CIS 2020, the SCO plan):
# the key phrases rank high, inflected forms are grouped, fragments and stop
# words are kept out, glossary terms are left out unless --all, and
# --proposal writes TEI that `glossa validate` and xmllint accept.
need_shared
index_bundled
D="$SHARED/reference/documents"
docs=("$D/cis-statement-2020-un-letter.ru.txt" "$D/csto-statement-2017-07-17.ru.txt"
      "$D/sco-plan-2022-2023.ru.txt" "$D/sco-statement-2020-11-10.ru.txt")
ict="информацион коммуникацион технолог"
cvo="критическ важн объект"
rank_of() { jq -r --arg k "$1" '[.candidates[] | select(.key == $k) | .rank][0] // 0' <<<"$OUT"; }

# ranked as if the glossary did not have them (--all keeps known terms, marked)
run glossa candidates --all --format json --top 1000 "${docs[@]}"
expect_rc 0 "candidates --all"
expect_json '.documents' 4
expect_json '.candidates[0].key' "международн информацион безопасн" "first: international information security"
r=$(rank_of "$ict")
expect_true "«информационно-коммуникационные технологии» in the top 5 (rank $r)" test "$r" -ge 1 -a "$r" -le 5
expect_json ".candidates[] | select(.key == \"$ict\") | .known" true "ICT is a glossary term"
expect_json ".candidates[] | select(.key == \"$ict\") | .forms >= 2" true "inflected forms grouped"
# «критически важные объекты» occurs twice in the four documents (объектам,
# объектов: one candidate); C-value ranks it in the top 40% of the list.
r=$(rank_of "$cvo")
total=$(jq -r '.total' <<<"$OUT")
expect_true "«критически важные объекты» found (rank $r of $total)" test "$r" -ge 1 -a "$((r * 10))" -le "$((total * 4))"
expect_json ".candidates[] | select(.key == \"$cvo\") | \"\(.frequency) \(.forms)\"" "2 2"
# no fragments: no stop word at either end, no adjective at the end, no half compound
expect_json '[.candidates[].text | select(test("^(в|и|на|о|по|с|для|а|или|что) |[ -](в|и|на|о|по|с|для|а|или|что)$"; "i"))] | length' 0 "stop words at the ends"
expect_json '[.candidates[].key | select(. == "международн информацион" or . == "обеспечен международн")] | length' 0 "adjective at the end"
expect_json '[.candidates[].text | select(test("-$|информационно$"))] | length' 0 "half a compound"
expect_json '[.candidates[].words | select(. < 2 or . > 5)] | length' 0 "2 to 5 words"
expect_json '[.candidates[] | select(.frequency < 2)] | length' 0 "--min-freq 2 by default"
expect_json '[.candidates[].cvalue] | . == (sort | reverse)' true "ranked by C-value"

# by default, glossary terms are left out
run glossa candidates --format json --top 1000 "${docs[@]}"
expect_json "[.candidates[] | select(.known or .key == \"$ict\" or .key == \"$cvo\")] | length" 0 "known terms left out"
expect_json '.candidates[0].key' "обеспечен международн информацион безопасн"
expect_json '[.candidates[] | select(.key == "компетентн орган")] | length' 0 \
    "«компетентными органами» is the glossary's «компетентный орган» (Snowball: орга/орган)"

# against a glossary without them, they are candidates
"$GLOSSA" index --quiet --db "$WORK/mini.db" "$SRC/tests/data/good/mini.xml" || fail "index mini.xml"
run glossa candidates --db "$WORK/mini.db" --format json --top 1000 "${docs[@]}"
r=$(rank_of "$ict")
expect_true "ICT in the top 5 against mini.xml (rank $r)" test "$r" -ge 1 -a "$r" -le 5
expect_json ".candidates[] | select(.key == \"$ict\") | .known" false

# text output: rank, C-value, frequency, documents, form; the example sentence
run glossa candidates --top 3 "${docs[@]}"
expect_rc 0
expect_out "rank  C-value  freq  docs  candidate"
expect_out "   1    38.67    22     4  обеспечения международной информационной безопасности"
expect_out "      cis-statement-2020-un-letter.ru.txt:38: "
expect_out "3 of "

# the proposal skeleton: valid TEI in the glossary's encoding
run glossa candidates --top 5 --proposal "$WORK/proposal.xml" "${docs[@]}"
expect_rc 0 "--proposal"
run glossa validate "$WORK/proposal.xml"
expect_rc 0 "glossa validate accepts the proposal"
if command -v xmllint >/dev/null 2>&1; then
    expect_true "xmllint accepts it against the schema" \
        xmllint --noout --relaxng "$SRC/schema/glossa.rng" "$WORK/proposal.xml"
fi
expect_true "5 entries" test "$(grep -c '<entry ' "$WORK/proposal.xml")" -eq 5
expect_true "status proposed" test "$(grep -c '<usg type="status">proposed</usg>' "$WORK/proposal.xml")" -eq 5
expect_true "reliability 1" test "$(grep -c '<usg type="reliability">1</usg>' "$WORK/proposal.xml")" -eq 5
expect_true "an editorial note each" test "$(grep -c '<note type="editorial" xml:lang="en">Candidate' "$WORK/proposal.xml")" -eq 5
expect_true "the first candidate's form" grep -qF '<orth>обеспечения международной информационной безопасности</orth>' "$WORK/proposal.xml"
expect_true "the documents as sources" grep -qF '<idno type="file">sco-plan-2022-2023.ru.txt</idno>' "$WORK/proposal.xml"

# errors
run glossa candidates --lang kk "${docs[0]}"
expect_rc 2 "no stop words for kk"
expect_err "no stop words for language 'kk'"
run glossa candidates --top 0 "${docs[0]}"
expect_rc 2 "--top 0"
run glossa candidates "$WORK/missing.txt"
expect_rc 2 "missing file"
run glossa candidates
expect_rc 2 "no file"
printf 'Одно слово.\n' >"$WORK/short.txt"
run glossa candidates "$WORK/short.txt"
expect_rc 1 "nothing to find"
expect_out "no candidate in 1 document"
finish
