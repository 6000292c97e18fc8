# 0944-serve-national.t — the study of national legislation (issue 17) served:
# the concept page /c/ID shows the member states' legal definitions in a
# section of their own, each quoted as statutory text (<blockquote lang cite>)
# with its citation, never as glossa's definition; a notion of the study
# (glossary/national/notions.xml) has a page and /api/concept/ID too; the API's
# `national` is compare's, one JSON shape; a search result names the states
# whose law defines the concept; a hostile national definition
# (tests/data/web/hostile-national.xml) is text and its javascript: address no
# link; the DICT server's DEFINE gives the national definitions after the
# annex's, in a language pair those in its target language. The page also
# shows the concept's contexts and related concepts (issue 18). Byte for byte:
# golden tables tests/data/golden/national/serve-http.test and serve-dict.test
# (GOLDEN_UPDATE=1 rewrites them).
for tool in curl dict; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (see .ci/install-deps)"
        exit 77
    fi
done
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/glossary/national" "$SRC/tests/data/web/hostile.xml" \
    "$SRC/tests/data/web/hostile-national.xml" ||
    { echo "FAIL: cannot index the glossary, its national study and the hostile fixtures"; exit 1; }

# page PATH [SECTION]: the page's <section class="national"> (or, with
# SECTION article, the whole <article>; for an error, the message) and the
# HTTP status
page() {
    local code
    code=$(curl -s --max-time 20 -o "$WORK/page" -w '%{http_code}' "http://127.0.0.1:$PORT$1")
    if [ "$code" != 200 ]; then
        grep '<p id="message"' "$WORK/page"
    elif [ "${2:-}" = article ]; then
        sed -n '/^<div id="results"><article/,/^<\/article>/p' "$WORK/page"
    else
        sed -n '/^<section class="national"/,/^<\/section>/p' "$WORK/page"
    fi
    echo "HTTP $code"
}
# api PATH: the JSON answer, one line
api() { curl -s --max-time 20 "http://127.0.0.1:$PORT$1"; }
# d ARGS...: the dict client; laws: its national definitions alone
d() { timeout 30 dict -h 127.0.0.1 -p "$PORT" "$@"; }
laws() { awk '/^    law /{p=1} /^    (note|from):/{p=0} p'; }

start_server --http
# the API's national definitions are compare's, in one shape
for id in information-security access-to-information; do
    api "/api/concept/$id" | jq -S '.results[0].national' >"$WORK/api.json"
    "$GLOSSA" compare --format json "$id" | jq -S '.national' >"$WORK/compare.json"
    expect_true "/api/concept/$id: national as compare gives it" cmp -s "$WORK/api.json" "$WORK/compare.json"
    expect_true "/api/concept/$id: some national definitions" \
        test "$(jq length "$WORK/api.json")" -ge 2
done
# a search result names the states whose law defines the concept (the page's
# script builds the same: 0945)
run curl -s --max-time 20 "http://127.0.0.1:$PORT/?q=kiberxavfsizlik"
expect_out '</div><p class="src"><a href="/c/information-security#national">National legislation</a>: CN, IN, TJ, UZ</p></li>'
golden_table "$SRC/tests/data/golden/national/serve-http.test"
stop_server
expect_rc 0 "the HTTP server stopped by SIGTERM"

start_server --dict
golden_table "$SRC/tests/data/golden/national/serve-dict.test"
stop_server
expect_rc 0 "the DICT server stopped by SIGTERM"
finish
