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
# объектов: one candidate); here every word is the term base's (domain 1).
r=$(rank_of "$cvo")
total=$(jq -r '.total' <<<"$OUT")
expect_true "«критически важные объекты» found (rank $r of $total)" test "$r" -ge 1 -a "$((r * 3))" -le "$total"
expect_json ".candidates[] | select(.key == \"$cvo\") | \"\(.frequency) \(.forms) \(.domain)\"" "2 2 1"
# fragments: a phrase never seen outside one longer candidate is not listed
expect_json '[.candidates[] | select(.key == "конвенц о противодейств" or .key == "международн конвенц о противодейств")] | length' 0 "closed fragments left out"
expect_json '[.candidates[] | select(.key == "международн конвенц о противодейств использован")] | length' 1 "the longer phrase stays"
expect_json '[.candidates[] | select(.text | test("^(сфере|целях|целью) "))] | length' 0 "no start on «в сфере», «в целях»"
# no fragments: no stop word at either end, no adjective at the end, no half compound
expect_json '[.candidates[].text | select(test("^(в|и|на|о|по|с|для|а|или|что) |[ -](в|и|на|о|по|с|для|а|или|что)$"; "i"))] | length' 0 "stop words at the ends"
expect_json '[.candidates[].key | select(. == "международн информацион" or . == "обеспечен международн")] | length' 0 "adjective at the end"
expect_json '[.candidates[].text | select(test("-$|информационно$"))] | length' 0 "half a compound"
expect_json '[.candidates[].words | select(. < 2 or . > 5)] | length' 0 "2 to 5 words"
expect_json '[.candidates[] | select(.frequency < 2)] | length' 0 "--min-freq 2 by default"
expect_json '[.candidates[].score] | . == (sort | reverse)' true "ranked by score"
expect_json '[.candidates[] | (.score - .cvalue * (1 + .domain)) | fabs] | max < 0.001' true "score = C-value x (1 + domain)"

# by default, glossary terms are left out
run glossa candidates --format json --top 1000 "${docs[@]}"
expect_json "[.candidates[] | select(.known or .key == \"$ict\" or .key == \"$cvo\")] | length" 0 "known terms left out"
expect_json '.candidates[0].key' "обеспечен международн информацион безопасн"
expect_json '[.candidates[] | select(.key == "компетентн орган")] | length' 0 \
    "«компетентными органами» is the glossary's «компетентный орган» (Snowball: орга/орган)"

# Against annex 1 alone (what the statements would supplement: the annex's
# 13 concepts, cross-references to the others dropped) both are candidates,
# ICT near the top by frequency, «критически важные объекты» (C-value 3.17,
# seen twice) in the top quarter by its words (критически важные структуры is
# an annex term), above boilerplate seen more often («глав государств»).
sed '/<xr type=/d' "$SRC/glossary/annex1.xml" >"$WORK/annex-only.xml"
"$GLOSSA" index --quiet --db "$WORK/annex.db" "$WORK/annex-only.xml" || fail "index annex1 alone"
run glossa candidates --db "$WORK/annex.db" --format json --top 1000 "${docs[@]}"
expect_rc 0 "candidates against annex 1"
r=$(rank_of "$ict")
expect_true "ICT in the top 3 against annex 1 (rank $r)" test "$r" -ge 1 -a "$r" -le 3
r=$(rank_of "$cvo")
total=$(jq -r '.total' <<<"$OUT")
expect_true "«критически важные объекты» in the top quarter against annex 1 (rank $r of $total)" \
    test "$r" -ge 1 -a "$((r * 4))" -le "$total"
g=$(rank_of "глав государств")
expect_true "domain words outrank boilerplate: $r before «глав государств» ($g)" test "$g" -gt "$r"
expect_json ".candidates[] | select(.key == \"$cvo\") | .domain > 0.6 and .domain < 0.7" true "2 of 3 words in annex terms"
expect_json '.candidates[] | select(.key == "глав государств") | .domain' 0

# against a glossary without them, they are candidates
"$GLOSSA" index --quiet --db "$WORK/mini.db" "$SRC/tests/data/good/mini.xml" || fail "index mini.xml"
run glossa candidates --db "$WORK/mini.db" --format json --top 1000 "${docs[@]}"
r=$(rank_of "$ict")
expect_true "ICT in the top 5 against mini.xml (rank $r)" test "$r" -ge 1 -a "$r" -le 5
expect_json ".candidates[] | select(.key == \"$ict\") | .known" false

# text output: rank, C-value, frequency, documents, form; the example sentence
run glossa candidates --top 3 "${docs[@]}"
expect_rc 0
expect_out "rank   score  C-value  domain  freq  docs  candidate"
expect_out "   1   77.00    38.50    100%    22     4  обеспечения международной информационной безопасности"
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
