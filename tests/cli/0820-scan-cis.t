# 0820-scan-cis.t — `glossa scan` on the CIS joint statement of 2020 (the
# issue's acceptance case): every glossary term it contains is found, in its
# inflected forms and across hyphenated line ends, at the right line and
# column, and nothing else. The expected list below was checked by hand
# against the text, line by line; a match that is not on it is a false match.
need_shared
index_bundled
doc="$SHARED/reference/documents/cis-statement-2020-un-letter.ru.txt"

expected="14:17 use-of-icts-for-criminal-purposes
38:21 international-information-security
68:23 international-information-security
77:41 information-and-communications-technologies
83:33 information-and-communications-technologies
95:5 information-and-communications-technologies
109:71 information-and-communications-technologies
115:27 information-and-communications-technologies
121:10 disinformation
121:27 fake-news
131:53 conflict-in-the-information-sphere
135:63 unlawful-use-of-icts
139:62 information-resources
141:32 critically-important-facilities
143:55 information-security
151:31 computer-attack
153:9 information-infrastructure
156:53 international-information-security
160:47 information-and-communications-technologies
164:24 international-information-security
176:71 responsible-behaviour-of-states
182:8 international-information-security
188:25 open-ended-working-group
192:1 international-information-security
198:25 unlawful-use-of-icts
202:58 convention-on-countering-the-use-of-icts-for-criminal-purposes
210:21 ad-hoc-committee
222:43 international-telecommunication-union
228:65 information-security
232:49 information-resources
234:1 critically-important-facilities"

run glossa scan --format json "$doc"
expect_rc 0 "scan of the CIS statement"
got=$(jq -r '.files[0].matches[] | "\(.line):\(.column) \(.id)"' <<<"$OUT")
if [ "$got" = "$expected" ]; then ok; else
    fail "matches differ from the hand-checked list: $(diff <(echo "$expected") <(echo "$got") | grep '^[<>]' | tr '\n' ' ')"
fi

# the text as written, one line: inflected, re-joined, compound hyphen kept
m() { jq -r --arg at "$1" '.files[0].matches[] | select("\(.line):\(.column)" == $at) | .text' <<<"$OUT"; }
expect_true "38:21 is «международной информационной безопасности» ($(m 38:21))" \
    test "$(m 38:21)" = "международной информационной безопасности"
expect_true "160:47 re-joins «комму-/никационных» ($(m 160:47))" \
    test "$(m 160:47)" = "информационно-коммуникационных технологий"
expect_true "176:71 re-joins «от-/ветственного» ($(m 176:71))" \
    test "$(m 176:71)" = "ответственного поведения государств в информационном пространстве"
expect_true "198:25 keeps the hyphen of «информационно-/коммуникационных» ($(m 198:25))" \
    test "$(m 198:25)" = "противоправному использованию информационно-коммуникационных технологий"
expect_true "141:32 is «критически важным объектам» ($(m 141:32))" \
    test "$(m 141:32)" = "критически важным объектам"

# start/end are bytes of the file: the span begins and ends with the words
span() {
    local s e
    s=$(jq -r --arg at "$1" '.files[0].matches[] | select("\(.line):\(.column)" == $at) | .start' <<<"$OUT")
    e=$(jq -r --arg at "$1" '.files[0].matches[] | select("\(.line):\(.column)" == $at) | .end' <<<"$OUT")
    tail -c +"$((s + 1))" "$doc" | head -c "$((e - s))"
}
s176=$(span 176:71)
expect_true "176:71 span starts with «от-» ($s176)" test "${s176:0:3}" = "от-"
expect_true "176:71 span ends with «пространстве»" test "${s176: -12}" = "пространстве"
s38=$(span 38:21)
expect_true "38:21 span is the words as in the file ($s38)" test "$s38" = "международной информационной безопасности"

# equivalents: the --to languages only
run glossa scan --format json --to zh "$doc"
expect_json '[.files[0].matches[].equivalents[].lang | select(startswith("zh") | not)] | length' 0 "--to zh"
expect_json '.files[0].matches[] | select(.line == 38) | .equivalents | map(.text) | index("国际信息安全") != null' true

# text output: FILE:LINE:COLUMN: text, concept; equivalents on the next line
run glossa scan --to zh,en "$doc"
expect_rc 0
expect_out "cis-statement-2020-un-letter.ru.txt:38:21: международной информационной безопасности  international-information-security  NOT VERIFIED"
expect_out "    zh 国际信息安全; zh-Hant 國際信息安全; en international information security, IIS"
expect_out "31 terms found in 1 file"
finish
