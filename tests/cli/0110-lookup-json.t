# 0110-lookup-json.t — `glossa lookup --format json`: valid JSON with exactly
# the documented keys, the same as show's (issue 18: lookup's JSON has all)
#   {"query","results":[{"id","score","reliability","status","instrument",
#     "match":{"lang","text","how"},"terms":[{"lang","text","status","working"?…}],
#     "definitions":[{"lang","text","source","basis"}],"notes":[…],"contexts":[…],
#     "related":[…],"national":[…]}]}
# how = exact / normalized, reliability 1 for all 13 annex concepts, the
# definition source says "not verified", and an empty result is {"query":…,"results":[]}.
index_bundled

# --- shape: exact key sets at every level
run glossa lookup "information weapon" --format json
expect_rc 0 "json lookup:"
expect_true "json lookup: output is valid JSON" jq -e . <<<"$OUT" >/dev/null
expect_json 'keys | join(",")' "query,results" "top level:"
expect_json '.query' "information weapon"
expect_json '.results | length > 0' "true" "results:"
expect_json '[.results[] | keys | join(",")] | unique | join(" ")' \
    "contexts,definitions,id,instrument,match,national,notes,related,reliability,score,status,terms" "result objects:"
expect_json '[.results[].match | keys | join(",")] | unique | join(" ")' "how,lang,text" "match objects:"
expect_json '[.results[].terms[] | keys | join(",")] | unique | join(" ")' "lang,status,text lang,status,text,working" "term objects:"
expect_json '[.results[].definitions[] | keys | join(",")] | unique | join(" ")' "basis,lang,source,text" "definition objects:"
expect_json '[.results[].related[] | keys | join(",")] | unique | join(" ")' "id,label,type" "related objects:"
expect_json '[.results[0].related[] | "\(.type) \(.id) \(.label)"] | join("; ")' \
    "related information-war information war; related information-arms-race information arms race" \
    "related concepts named in the query's language:"
expect_json '[.results[] | [(.id|type), (.score|type), (.reliability|type)] | join(",")] | unique | join(" ")' \
    "string,number,number" "value types (id, score, reliability):"
expect_json '[.results[].terms[], .results[].definitions[] | .lang, .text | type] | unique | join(",")' "string"

# --- exact match, and the concept's content
expect_json '.results[0].id' "information-weapon"
expect_json '.results[0].match.how' "exact" "exact query:"
expect_json '.results[0].match | "\(.lang) \(.text)"' "en information weapon"
expect_json '[.results[0].terms[] | select(.lang == "ru" and .status == "preferred") | .text] | join("|")' \
    "информационное оружие" "Russian preferred term:"
expect_json '[.results[0].definitions[] | select(.lang == "ru") | .source | test("not verified")] | all and length == 1' \
    "true" "Russian definition source:"

# --- a case-changed query matches "normalized"
run glossa lookup "Information Weapon" --format json
expect_json '.results[0].id' "information-weapon" "case-changed query:"
expect_json '.results[0].match.how' "normalized" "case-changed query:"
run glossa lookup "ИНФОРМАЦИОННАЯ БЕЗОПАСНОСТЬ" --format json
expect_json '.results[0] | "\(.id) \(.match.how)"' "information-security normalized" "upper-case Russian:"

# --- reliability 1 (not verified) for every one of the 13 annex concepts
while IFS='|' read -r id term; do
    run glossa lookup "$term" --from ru --format json
    expect_rc 0 "annex '$term':"
    expect_json '.results[0].id' "$id" "annex '$term':"
    expect_json '.results[0].reliability' "1" "annex '$term':"
    expect_json '.results[0].match.how' "exact" "annex '$term':"
    expect_json '[.results[0].definitions[] | select(.lang == "ru") | .source | test("not verified")] | (length == 1 and all)' \
        "true" "annex '$term' Russian definition source:"
done <<'ANNEX'
information-security|информационная безопасность
information-war|информационная война
information-infrastructure|информационная инфраструктура
information-weapon|информационное оружие
information-crime|информационная преступность
information-space|информационное пространство
information-resources|информационные ресурсы
information-terrorism|информационный терроризм
critically-important-structures|критически важные структуры
international-information-security|международная информационная безопасность
unlawful-use-of-information-resources|неправомерное использование информационных ресурсов
unauthorized-interference-with-information-resources|несанкционированное вмешательство в информационные ресурсы
threat-to-information-security|угроза информационной безопасности
ANNEX

# --- --to restricts terms and definitions in JSON too
run glossa lookup 信息安全 --to ru --format json
expect_json '[.results[] | .terms[], .definitions[] | .lang] | unique | join(",")' "ru" "--to ru json:"

# --- no match: {"query":…,"results":[]}, exit 1
run glossa lookup "xqzvkjwpqz" --format json
expect_rc 1 "json no match:"
if [ "$OUT" = '{"query":"xqzvkjwpqz","results":[]}' ]; then ok; else fail "json no match: unexpected output"; fi

# --- the query is escaped: quotes, backslashes and control characters survive
q=$'in"for\\ma\ttion'
run glossa lookup "$q" --format json
expect_true "escaped query: valid JSON" jq -e . <<<"$OUT" >/dev/null
got=$(jq -r .query <<<"$OUT" 2>/dev/null)
if [ "$got" = "$q" ]; then ok; else fail "escaped query: .query is '$got'"; fi

finish
