# 0940-serve-http.t — `glossa serve --http` through curl: /api/lookup
# answers byte for byte what `glossa lookup --format json` prints (inflected
# Russian, Traditional Chinese, a misspelt English query, --to, --from,
# --mode, --limit, --in), /api/concept/ID what `glossa show --format json`
# prints, /api/status what `glossa status --format json` prints; the pages
# work without JavaScript (/?q=…, /c/ID, /status); errors are JSON with
# 400/404/405/413/414; the security headers (a CSP whose hashes match the
# page's own style and script, nosniff); no path reads a file; a hostile
# entry (tests/data/web/hostile.xml) comes out as text; 50 clients at once;
# a re-index is served without a restart; a clean stop on SIGTERM. The server listens on 127.0.0.1, port 0.
if ! command -v curl >/dev/null 2>&1; then
    echo "SKIP: curl is not installed (Debian package curl, see .ci/install-deps)"
    exit 77
fi
# built at a time of its own (SOURCE_DATE_EPOCH), the answers' Last-Modified
SOURCE_DATE_EPOCH=1700000000 "$GLOSSA" index --quiet "$SRC/glossary" "$SRC/tests/data/web/hostile.xml" ||
    { echo "FAIL: cannot index the glossary and the hostile fixture"; exit 1; }

# --- refused before it listens
run timeout 10 "$GLOSSA" serve --http --dict --listen 127.0.0.1:0
expect_rc 2 "--http and --dict together"
expect_err "one of them"
run timeout 10 "$GLOSSA" serve --http --db "$WORK/none.db" --listen 127.0.0.1:0
expect_rc 2 "--http without an index"
expect_err "run 'glossa index'"
run timeout 10 "$GLOSSA" serve --http --listen nowhere
expect_rc 2 "--http --listen without a port"
expect_err "--listen takes HOST:PORT"

# every client here is 127.0.0.1: --max-per-ip is raised from its default 8 for
# the 50 clients at once (0942-serve-http-slow.t tests the default)
start_server --http --max-per-ip 64
BASE="http://127.0.0.1:$PORT"
expect_true "it says where it listens" grep -q "^listening on 127.0.0.1:$PORT (HTTP" "$WORK/serve.err"

# get ARGS...: curl; body in $WORK/body and $OUT, headers in $WORK/head, status in $CODE
get() {
    : >"$WORK/body"
    CODE=$(curl -s --max-time 20 -o "$WORK/body" -D "$WORK/head" -w '%{http_code}' "$@")
    OUT=$(cat "$WORK/body"); ERR=$(cat "$WORK/head"); RC=0
}
expect_code() { if [ "$CODE" = "$1" ]; then ok; else fail "${2:-} expected HTTP $1, got $CODE"; fi; }
expect_header() { if grep -qiF -- "$1" "$WORK/head"; then ok; else fail "${2:-} no header '$1'"; fi; }
# same_bytes WHAT FILE1 FILE2
same_bytes() {
    if cmp -s "$2" "$3"; then ok; else fail "$1: differs"; diff <(head -c 600 "$2") <(head -c 600 "$3") | head -5; fi
}

# --- /api/lookup: the CLI's JSON, byte for byte
api_same() { # api_same CURL-PARAMS... -- CLI-ARGS...
    local params=() cli=()
    while [ "$1" != "--" ]; do params+=(--data-urlencode "$1"); shift; done
    shift
    cli=("$@")
    "$GLOSSA" lookup --format json "${cli[@]}" >"$WORK/cli.json" 2>/dev/null
    get -G "${params[@]}" "$BASE/api/lookup"
    expect_code 200 "/api/lookup ${cli[*]}:"
    same_bytes "/api/lookup versus glossa lookup --format json ${cli[*]}" "$WORK/cli.json" "$WORK/body"
}
api_same "q=информационной безопасности" -- "информационной безопасности"
expect_json '.results[0].id' information-security "inflected Russian"
api_same "q=資訊安全" -- 資訊安全
expect_json '.results[0].id' information-security "Traditional Chinese (Taiwan)"
api_same "q=infomation securty" -- "infomation securty"
expect_json '.results[0].match.how' fuzzy "misspelt English"
api_same "q=信息安全" "to=ru" -- 信息安全 --to ru
expect_json '[.results[0].terms[].lang] | unique | join(",")' ru "--to ru"
api_same "q=информ" "mode=prefix" "limit=3" -- информ --mode prefix --limit 3
expect_json '.results | length' 3 "--limit 3"
api_same "q=информационное оружие" "from=ru" "to=zh,en" -- "информационное оружие" --from ru --to zh,en
api_same "q=психологической обработки" "in=definitions" -- --in definitions "психологической обработки"
api_same "q=zzzqqqxxx" -- zzzqqqxxx
expect_json '.results | length' 0 "nothing found is 200 with no results"
# how a query matched: the keyboard layout it was typed in (by xkb's name and
# title), the span of a longer query where a term was found
api_same "q=byajhvfwbjyyfz" -- byajhvfwbjyyfz
expect_json '.results[0].match.layout | [.typed, .typed_title, .read, .read_title, .text] | join("|")' \
    "us|English (US)|ru|Russian|информационная" "a layout match"
api_same "q=информационная безопасность государства" -- "информационная безопасность государства"
expect_json '.results[0].match | [.how, .span.start, .span.end, .span.text] | join("|")' \
    "within|0|53|информационная безопасность" "a within match"
# the page's checkboxes send to= twice: the same as --to a,b
get "$BASE/api/lookup?q=%E4%BF%A1%E6%81%AF%E5%AE%89%E5%85%A8&to=ru&to=en"
"$GLOSSA" lookup --format json --to ru,en 信息安全 >"$WORK/cli.json"
same_bytes "to=ru&to=en versus --to ru,en" "$WORK/cli.json" "$WORK/body"

# --- /api/concept/ID and /api/status: what show and status print
"$GLOSSA" show --format json information-security >"$WORK/cli.json"
get "$BASE/api/concept/information-security"
expect_code 200 "/api/concept/information-security:"
same_bytes "/api/concept/ID versus glossa show --format json ID" "$WORK/cli.json" "$WORK/body"
expect_json '.results[0].notes | length > 0' true "the concept whole: notes"
expect_json '.results[0].instrument | test("Соглашение")' true "the concept whole: instrument"
"$GLOSSA" show --format json --to ru,zh --history information-weapon >"$WORK/cli.json"
get "$BASE/api/concept/information-weapon?to=ru,zh&history=1"
same_bytes "/api/concept/ID?to=ru,zh&history=1 versus show --to ru,zh --history" "$WORK/cli.json" "$WORK/body"
"$GLOSSA" status --format json >"$WORK/cli.json"
get "$BASE/api/status"
expect_code 200 "/api/status:"
same_bytes "/api/status versus glossa status --format json" "$WORK/cli.json" "$WORK/body"
expect_json '[.changes[].status] | sort | unique | join(",")' "agreed,blocked,pending"

# --- errors: JSON, with a fitting status
get "$BASE/api/lookup"
expect_code 400 "no q:"
expect_json .error "missing parameter q (the term to look up)"
expect_header "Content-Type: application/json"
get "$BASE/api/lookup?q=x&limit=0"
expect_code 400 "limit=0:"
expect_json .error "limit must be a whole number from 1 to 1000, not '0'"
get "$BASE/api/lookup?q=x&mode=soundex"
expect_code 400 "mode=soundex:"
expect_json .error "mode must be auto, exact, normalized, stem, translit, prefix, fuzzy, fulltext, fts, layout or within, not 'soundex'"
get "$BASE/api/lookup?q=x&in=notes&limit=$(printf '9%.0s' $(seq 60))"
expect_code 400 "limit of 60 digits:"
expect_json .error "limit must be a whole number from 1 to 1000, not '$(printf '9%.0s' $(seq 40))'"
get "$BASE/api/lookup?q=x&in=notes"
expect_code 400 "in=notes:"
expect_json .error "in must be terms or definitions, not 'notes'"
get "$BASE/api/lookup?q=x&to=klingon"
expect_code 400 "to=klingon:"
expect_json '.error | test("unknown language .klingon.")' true
get "$BASE/api/lookup?q=%FF%FE"
expect_code 400 "invalid UTF-8:"
get "$BASE/api/lookup?q=a%00b"
expect_code 400 "a NUL byte:"
get "$BASE/api/lookup?q=x&as-of=yesterday"
expect_code 400 "as-of=yesterday:"
get "$BASE/api/concept/no-such-concept"
expect_code 404 "unknown concept:"
expect_json '.error | length > 0' true
get "$BASE/api/nothing-here"
expect_code 404 "unknown API path:"
expect_json '.error | test("no such API path")' true
get -X POST --data "q=x" "$BASE/api/lookup"
expect_code 405 "POST:"
expect_header "Allow: GET, HEAD"
expect_json .error "only GET and HEAD"
get -X DELETE "$BASE/c/information-security"
expect_code 405 "DELETE:"
get -X OPTIONS "$BASE/"
expect_code 405 "OPTIONS:"
get "$BASE/api/lookup?q=$(head -c 4200 /dev/zero | tr '\0' a)"
expect_code 413 "a query over 4096 bytes:"
expect_json .error "query too long (at most 4096 bytes)"
get -X GET --data "q=x" "$BASE/api/lookup?q=x"
expect_code 413 "a request body:"
get "$BASE/api/lookup?q=$(head -c 9000 /dev/zero | tr '\0' a)"
expect_code 414 "a 9000-byte address:"
expect_json '.error | test("too long")' true
get "$BASE/?q=$(head -c 100000 /dev/zero | tr '\0' a)" # beyond what the server reads
if [ "$CODE" = 414 ] || [ "$CODE" = 431 ]; then ok; else fail "a 100 KB address: HTTP $CODE"; fi
get -I "$BASE/api/lookup?q=information+security"
expect_code 200 "HEAD:"
expect_header "Content-Type: application/json"
expect_no_out '"query"' "HEAD has no body:"

# --- nothing outside the compiled-in page is served
for path in "/../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" "/..%2f..%2fetc%2fpasswd" \
            "/c/..%2f..%2f..%2fetc%2fpasswd" "/c/../../etc/passwd" "//etc/passwd" "/etc/passwd" \
            "/index.html" "/export/web/index.html" "/api/concept/..%2f..%2fglossa.db" \
            "/glossa.db" "/c/information-security/../../../etc/passwd" "/c/%00" "/static/../README.md"; do
    get --path-as-is "$BASE$path"
    if [ "$CODE" = 404 ] || [ "$CODE" = 400 ]; then ok; else fail "$path: HTTP $CODE, expected 404"; fi
    expect_no_out "root:" "$path"
    expect_no_out "SQLite format" "$path"
done

# --- the pages, without JavaScript, and their headers
get "$BASE/"
expect_code 200 "the page:"
expect_header "Content-Type: text/html; charset=utf-8"
expect_header "X-Content-Type-Options: nosniff"
expect_header "Content-Security-Policy: default-src 'none'; script-src 'sha256-"
expect_header "connect-src 'self'"
expect_out '<label for="q">'
# the hashes in the policy are those of the page's own style and script
hashes=$(python3 - "$WORK/body" <<'EOF'
import base64, hashlib, re, sys
page = open(sys.argv[1], 'rb').read()
for tag in (b'script', b'style'):
    body = re.search(b'<' + tag + b'>(.*?)</' + tag + b'>', page, re.S).group(1)
    print(tag.decode(), "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'")
EOF
)
script_hash=$(sed -n 's/^script //p' <<<"$hashes")
style_hash=$(sed -n 's/^style //p' <<<"$hashes")
expect_header "script-src $script_hash;" "the script's hash:"
expect_header "style-src $style_hash;" "the style's hash:"
expect_true "no inline event handler in the page" test "$(grep -ciE ' on[a-z]+=' "$WORK/body")" -eq 0
get -G --data-urlencode "q=информационной безопасности" "$BASE/"
expect_code 200 "/?q=… rendered on the server:"
expect_out '<a href="/c/information-security?q=%D0%B8%D0%BD%D1%84%D0%BE%D1%80%D0%BC%D0%B0%D1%86%D0%B8%D0%BE%D0%BD%D0%BD%D0%BE%D0%B9%20%D0%B1%D0%B5%D0%B7%D0%BE%D0%BF%D0%B0%D1%81%D0%BD%D0%BE%D1%81%D1%82%D0%B8"><span lang="ru">информационная безопасность</span></a>'
expect_out '<span class="term" lang="zh">信息安全</span>'
expect_out '>NOT VERIFIED</strong>'
expect_out 'value="информационной безопасности"'
expect_out 'concepts for «<bdi lang="ru">информационной безопасности</bdi>».'
# working translations are marked in the results, as on the concept page and in `glossa show`
expect_out '<span class="term" lang="zh">信息安全</span> <span class="st">preferred, working translation</span>'
expect_out '<span class="term" lang="ru">информационная безопасность</span> <span class="st">preferred</span>'
# the language of parts: the Russian citation in an English line has its lang, never lang=""
expect_out '<p class="src">Source: <span lang="ru">Соглашение между правительствами государств — членов ШОС о сотрудничестве в области обеспечения международной информационной безопасности (2009-06-16, Екатеринбург), приложение 1</span> (reconstruction, not verified against the official text)</p>'
expect_no_out 'lang=""' "the results page"
# Persian and Urdu typed in the box are right-aligned, the query in the status message isolated
expect_out '<input id="q" name="q" type="search" dir="auto" value="информационной безопасности"'
expect_out '<p id="message" role="status" aria-live="polite" dir="auto">'
expect_no_out '<p class="notice">' "a stem match needs no word on how it matched"
get -G --data-urlencode "q=امنیت اطلاعات ISO 27001" "$BASE/"
expect_out '<p id="message" role="status" aria-live="polite" dir="auto">1 concept for «<bdi lang="fa" dir="rtl">امنیت اطلاعات <span lang="en">ISO 27001</span></bdi>».</p>'
# how the query matched, said as the CLI says it: above the results, and on each hit
get -G --data-urlencode "q=byajhvfwbjyyfz" "$BASE/"
expect_out '<div id="results"><p class="notice">Typed in the English (US) layout; read as Russian «<bdi lang="ru">информационная</bdi>».</p>'
expect_out '<p class="meta"><span class="how">layout match</span> (<span class="match-lang"><abbr title="Russian">ru</abbr></span>)'
expect_out '<p class="matched">typed in English (US), read in Russian as «<bdi lang="ru">информационная</bdi>»</p>'
get -G --data-urlencode "q=сниукызфсу" "$BASE/"
expect_out '<p class="notice">Typed in the Russian layout; read as English (US) «<bdi lang="en">cyberspace</bdi>».</p>'
get -G --data-urlencode "q=информационная безопасность государства" "$BASE/"
expect_out '<div id="results"><p class="notice">No term is the whole query; the terms inside it:</p>'
expect_out '<p class="matched">inside the query: «<bdi lang="ru"><mark>информационная безопасность</mark> государства</bdi>»</p>'
expect_out '</ol>
<p class="meta">The terms of a whole text: <code>glossa scan FILE</code></p>'
# a long query: 60 characters either side of the term, cut after a space
get -G --data-urlencode "q=Everyone should protect objects of critical information infrastructure in all member states of the organisation, whatever their size" "$BASE/"
expect_out '<p class="matched">inside the query: «<bdi lang="en">Everyone should protect objects of <mark>critical information infrastructure</mark> in all member states of the organisation, whatever their…</bdi>»</p>'
get -G --data-urlencode "q=Все государства-члены и их граждане должны всегда обеспечивать информационную безопасность" "$BASE/"
expect_out '«<bdi lang="ru">…государства-члены и их граждане должны всегда обеспечивать <mark>информационную безопасность</mark></bdi>»</p>'
get -G --data-urlencode "q=infomation securty" --data-urlencode "to=zh" --data-urlencode "to=ru" "$BASE/"
expect_out '<div id="results"><p class="notice">Did you mean <a href="/?q=information%20security&amp;to=zh%2Cru"><bdi lang="en">information security</bdi></a>?</p>'
# no term: "see also" the concepts whose definitions or notes use the word;
# asked for the full text on purpose, no such notice
get -G --data-urlencode "q=psychological" "$BASE/"
expect_out '<div id="results"><p class="notice">No term matches the query; see also the concepts whose definitions or notes use it:</p>'
get -G --data-urlencode "q=psychological" --data-urlencode "in=definitions" "$BASE/"
expect_out '<div id="results"><ol'
expect_no_out '<p class="notice">No term matches' "in=definitions"
get -G --data-urlencode "q=信息安全" --data-urlencode "to=zh" --data-urlencode "to=fa" "$BASE/"
expect_out 'value="zh" checked'
expect_out 'value="fa" checked'
expect_out '<span class="term" lang="fa" dir="rtl">امنیت اطلاعات</span>'
expect_no_out '<span class="term" lang="en">' "to=zh&to=fa shows no English"
get "$BASE/c/information-security"
expect_code 200 "/c/information-security:"
expect_out '<h1><span lang="ru">информационная безопасность</span></h1>'
expect_out '<td class="term" lang="zh">信息安全</td>'
expect_out '<td class="term" lang="fa" dir="rtl">امنیت اطلاعات</td>'
expect_out '>NOT VERIFIED</strong> (reliability 1 of 4)'
expect_out '<title>информационная безопасность — glossa</title>'
# what `glossa show` shows: the attestations with their sources, the related concepts as links
expect_out '<h2>Contexts</h2>
<figure class="context"><blockquote lang="ru">Принимая во внимание трансграничную природу'
expect_out '<figcaption class="meta">Source: <span lang="ru">Заявление Совета глав государств-членов Шанхайской организации сотрудничества о сотрудничестве в области обеспечения международной информационной безопасности (2020-11-10, Москва)</span></figcaption></figure>'
expect_out '<h2>Related concepts</h2>
<ul class="related"><li><a href="/c/international-information-security"><span lang="ru">международная информационная безопасность</span></a></li>'
expect_out '<p class="instrument">From: <span lang="ru">Соглашение между'
expect_no_out 'lang=""' "the concept page"
get "$BASE/c/information-weapon"
expect_out '<h2>Proposed changes</h2>'
get "$BASE/c/no-such-concept"
expect_code 404 "/c/unknown:"
expect_out "No concept or notion has the id &#39;no-such-concept&#39;."
get "$BASE/status"
expect_code 200 "/status:"
expect_out '<a href="/c/information-weapon">information-weapon</a>'
expect_out "CN: repeats annex item 13"
get "$BASE/nothing-here"
expect_code 404 "an unknown page:"
expect_header "Content-Type: text/html"

# --- a hostile entry is text, everywhere
get "$BASE/c/hostile-entry"
expect_code 200 "/c/hostile-entry:"
expect_true "one <script> element only (the page's own)" test "$(grep -o '<script' "$WORK/body" | wc -l)" -eq 1
expect_no_out "<script>alert"
expect_no_out "<img"
expect_no_out '<a href="javascript'
expect_no_out "</span><script>"
expect_out '&lt;script&gt;alert(1)&lt;/script&gt; вредоносная запись'
expect_out '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'
expect_out '&lt;/span&gt;&lt;script&gt;alert(2)&lt;/script&gt; запись &amp;lt;b&amp;gt; с &#39;кавычками&#39; &amp; &quot;двойными&quot;'
expect_out '&lt;a href=&quot;javascript:alert(3)&quot;&gt;click&lt;/a&gt;'
expect_out 'Source: &lt;img src=x onerror=alert(4)&gt; <span lang="ru">Соглашение (2009-06-16, Екатеринбург), приложение 1</span>'
expect_out '<td class="term" lang="ur" dir="rtl">معلوماتی سلامتی</td>'
get -G --data-urlencode 'q=<script>alert(1)</script> вредоносная запись' "$BASE/"
expect_true "the search page: one <script> element" test "$(grep -o '<script' "$WORK/body" | wc -l)" -eq 1
expect_no_out "<img"
expect_out 'value="&lt;script&gt;alert(1)&lt;/script&gt; вредоносная запись"'
expect_out '<title>&lt;script&gt;alert(1)&lt;/script&gt; вредоносная запись — glossa</title>'
"$GLOSSA" show --format json hostile-entry >"$WORK/cli.json"
get "$BASE/api/concept/hostile-entry"
same_bytes "/api/concept/hostile-entry versus show" "$WORK/cli.json" "$WORK/body"
expect_json '.results[0].terms[1].text' '"><img src=x onerror=alert(1)>'
expect_header "Content-Security-Policy: default-src 'none'"

# --- caching and compression: an ETag (of the body) on every 200 page and API
# answer, Last-Modified (when the index was built) on those made from the index alone,
# 304 to If-None-Match and If-Modified-Since; gzip on request; CORS for the API
no_header() { if grep -qiF -- "$1" "$WORK/head"; then fail "${2:-} header '$1' present"; else ok; fi; }
header() { tr -d '\r' <"$WORK/head" | sed -n "s/^$1: //Ip"; }
get "$BASE/c/information-security"
etag=$(header ETag)
expect_true "the concept page has a strong ETag: $etag" grep -qE '^"[A-Za-z0-9_-]{24}"$' <<<"$etag"
expect_header "Vary: Accept-Encoding"
expect_header "Cache-Control: no-cache"
no_header "Last-Modified" "/c/ID (it shows the proposals too, read at each request):"
no_header "Access-Control-Allow-Origin" "a page:"
get -H "If-None-Match: $etag" "$BASE/c/information-security"
expect_code 304 "If-None-Match with the page's ETag:"
expect_true "a 304 has no body" test ! -s "$WORK/body"
expect_header "ETag: $etag"
no_header "Content-Length" "a 304 (libmicrohttpd would say 0, not the 200's length):"
expect_header "Content-Security-Policy: default-src 'none'; script-src"
get -H "If-None-Match: \"other\", W/$etag" "$BASE/c/information-security"
expect_code 304 "a weak tag in a list:"
get -H 'If-None-Match: "other"' "$BASE/c/information-security"
expect_code 200 "another tag:"
get -H "If-None-Match: $etag" "$BASE/c/information-weapon"
expect_code 200 "another page's tag:"
get "$BASE/api/concept/information-security"
modified="Tue, 14 Nov 2023 22:13:20 GMT" # SOURCE_DATE_EPOCH=1700000000, not the file's mtime
expect_header "Last-Modified: $modified"
expect_header "Access-Control-Allow-Origin: *"
expect_header "Access-Control-Expose-Headers: ETag"
get -H "If-Modified-Since: $modified" "$BASE/api/concept/information-security"
expect_code 304 "If-Modified-Since the index's build time:"
expect_header "Access-Control-Allow-Origin: *"
get -H "If-Modified-Since: Thu, 01 Jan 2004 00:00:00 GMT" "$BASE/api/concept/information-security"
expect_code 200 "If-Modified-Since before the index:"
get -H "If-Modified-Since: $modified" -H 'If-None-Match: "other"' "$BASE/api/concept/information-security"
expect_code 200 "If-None-Match decides alone when both are sent:"
get -H "If-Modified-Since: yesterday" "$BASE/api/concept/information-security"
expect_code 200 "a date that is not one:"
get "$BASE/api/concept/no-such-concept"
no_header "ETag:" "an error:"
expect_header "Access-Control-Allow-Origin: *"
# gzip: the same bytes once unzipped, a tag of its own, and HEAD says the same length
get -G --data-urlencode "q=информационной безопасности" "$BASE/"
cp "$WORK/body" "$WORK/plain"
plain_etag=$(header ETag)
no_header "Content-Encoding" "without Accept-Encoding:"
get -G --data-urlencode "q=информационной безопасности" -H "Accept-Encoding: gzip, deflate, br" "$BASE/"
expect_header "Content-Encoding: gzip"
expect_header "Vary: Accept-Encoding"
expect_header "ETag: ${plain_etag%\"}-gz\""
gzip -dc <"$WORK/body" >"$WORK/unzipped"
same_bytes "the gzipped results page, unzipped" "$WORK/plain" "$WORK/unzipped"
expect_true "gzip makes the page smaller: $(wc -c <"$WORK/body") of $(wc -c <"$WORK/plain") bytes" \
    test "$(wc -c <"$WORK/body")" -lt "$(($(wc -c <"$WORK/plain") / 3))"
length=$(header Content-Length)
get -I -G --data-urlencode "q=информационной безопасности" -H "Accept-Encoding: gzip" "$BASE/"
expect_header "Content-Length: $length" "HEAD, gzip:"
get -G --data-urlencode "q=информационной безопасности" -H "Accept-Encoding: gzip" \
    -H "If-None-Match: ${plain_etag%\"}-gz\"" "$BASE/"
expect_code 304 "the gzip body's tag:"
expect_header "ETag: ${plain_etag%\"}-gz\""
for refused in "gzip;q=0" "identity" "*;q=0" "br, gzip; q=0.000"; do
    get -G --data-urlencode "q=информационной безопасности" -H "Accept-Encoding: $refused" "$BASE/"
    no_header "Content-Encoding" "Accept-Encoding: $refused:"
done
get -G --data-urlencode "q=information security" -H "Accept-Encoding: *" "$BASE/api/lookup"
expect_header "Content-Encoding: gzip" "Accept-Encoding: *:"
get -H "Accept-Encoding: gzip" "$BASE/api/lookup"
no_header "Content-Encoding" "a short error:"
# CORS: the read-only API may be read from any origin; its preflight; not the pages
get -H "Origin: https://example.org" "$BASE/api/lookup?q=x"
expect_header "Access-Control-Allow-Origin: *"
get -H "Origin: https://example.org" "$BASE/?q=x"
no_header "Access-Control-Allow-Origin" "a page asked from another origin:"
get -X OPTIONS -H "Origin: https://example.org" -H "Access-Control-Request-Method: GET" \
    -H "Access-Control-Request-Headers: if-none-match" "$BASE/api/lookup?q=x"
expect_code 204 "OPTIONS /api/lookup (a preflight):"
expect_header "Access-Control-Allow-Origin: *"
expect_header "Access-Control-Allow-Methods: GET, HEAD"
expect_header "Access-Control-Allow-Headers: Accept, If-None-Match, If-Modified-Since"
expect_header "Access-Control-Max-Age: 86400"
expect_header "Allow: GET, HEAD, OPTIONS"
expect_true "a 204 has no body" test ! -s "$WORK/body"
get -X OPTIONS "$BASE/c/information-security"
expect_code 405 "OPTIONS on a page:"
expect_header "Allow: GET, HEAD"
no_header "Access-Control-Allow-Origin" "OPTIONS on a page:"

# --- one request per connection: each comes through the server's own checks
# of the request head first (http_door.c), libmicrohttpd never sees one alone
curl -sv --max-time 20 -o /dev/null -o /dev/null "$BASE/api/status" "$BASE/api/concept/information-security" 2>"$WORK/verbose"
expect_true "both requests of one curl are answered" test "$(grep -c '^< HTTP/1.1 200 OK' "$WORK/verbose")" -eq 2
expect_true "every answer says Connection: close" test "$(grep -ci '^< Connection: close' "$WORK/verbose")" -eq 2

# --- requests that libmicrohttpd 0.9.75 would answer itself, without the
# security headers (and Content-Length: -1 with its status line twice), are
# answered by glossa: one status line, the headers, JSON under /api
raw() { # raw REQUEST (with \r\n escapes): the answer's head and the start of its body in $OUT
    OUT=$(serve_clients http-raw "$PORT" "$1" 2>&1); RC=$?
}
expect_secure() { # expect_secure STATUS WHAT
    expect_out "HTTP/1.1 $1 " "$2:"
    expect_out "status lines: 1" "$2, one status line:"
    expect_out "X-Content-Type-Options: nosniff" "$2, nosniff:"
    expect_out "Content-Security-Policy: default-src 'none'" "$2, CSP:"
    expect_out "X-Frame-Options: DENY" "$2, X-Frame-Options:"
}
raw 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'
expect_secure 400 "Content-Length: -1"
raw 'GET /api/lookup?q=x HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n'
expect_secure 400 "Content-Length: 12abc"
expect_out 'body: {"error":"bad request: Content-Length is not a number"}'
raw 'GET /api/status HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n'
expect_secure 400 "Content-Length with Transfer-Encoding"
raw 'GET / HTTP/2.0\r\nHost: x\r\n\r\n'
expect_secure 505 "HTTP/2.0"
raw 'GET /api/status HTTP/1.1\r\nHost x\r\n\r\n'
expect_secure 400 "a header without a colon"
expect_out 'body: {"error":"bad request: a header field is malformed"}'
raw 'GET /api/status HTTP/1.1\r\nHost: x\r\n folded: line\r\n\r\n'
expect_secure 400 "a folded header line"
raw 'GET /api/status HTTP/1.1\r\n\r\n'
expect_secure 400 "HTTP/1.1 without Host"
raw 'GET /api/status HTTP/1.0\r\n\r\n'
expect_out "HTTP/1.1 200 OK" "HTTP/1.0 without Host:"
raw "GET / HTTP/1.1\\r\\nHost: x\\r\\nX-Big: $(head -c 40000 /dev/zero | tr '\0' a)\\r\\n\\r\\n"
expect_secure 431 "a 40 KB header"
# libmicrohttpd answers 431 itself to a few thousand header fields, and never
# answers a query of 2000 parameters: at most 100 of each (cookies count)
raw "GET /api/status HTTP/1.1\\r\\nHost: x\\r\\n$(for i in $(seq 3000); do printf 'X%d: y\\r\\n' "$i"; done)\\r\\n"
expect_secure 431 "3000 header fields"
expect_out 'body: {"error":"too many header fields or cookies (at most 100)"}'
raw "GET /api/status HTTP/1.1\\r\\nHost: x\\r\\nCookie: $(printf 'a=1; %.0s' $(seq 5000))b=2\\r\\n\\r\\n"
expect_secure 431 "5000 cookies (libmicrohttpd closes the connection without an answer)"
raw "GET /api/status HTTP/1.1\\r\\nHost: x\\r\\n$(for i in $(seq 99); do printf 'X%d: y\\r\\n' "$i"; done)\\r\\n"
expect_out "HTTP/1.1 200 OK" "100 header fields:"
raw "GET /api/status?$(printf 'a&%.0s' $(seq 2000))a HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n"
expect_secure 400 "2000 parameters"
expect_out 'body: {"error":"bad request: more than 100 parameters"}'
raw "GET /api/status?$(printf 'a&%.0s' $(seq 99))a HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n"
expect_out "HTTP/1.1 200 OK" "100 parameters:"
raw 'GET /c/information-security HTTP/1.1\r\nHost: x\r\n\r\n'
expect_out "HTTP/1.1 200 OK" "/c/information-security:"
for path in "/c/information-security%00.html" "/c/information-security%00" "/c/information-security%0a" \
            "/c/information%1fsecurity" "/c/information-security%7F"; do
    get --path-as-is "$BASE$path"
    expect_code 400 "$path (a control character in the path):"
    expect_header "X-Content-Type-Options: nosniff"
    expect_out "The address has a control character in its path."
done
get "$BASE/api/concept/information-security%00"
expect_code 400 "/api/concept/ID%00:"
expect_json .error "a control character in the path"

# --- 50 clients at once, each answered in full
"$GLOSSA" lookup --format json "информационной безопасности" >"$WORK/cli.json"
pids=()
for i in $(seq 50); do
    curl -s --max-time 60 -G --data-urlencode "q=информационной безопасности" \
        -o "$WORK/c$i.json" "$BASE/api/lookup" &
    pids+=($!)
done
answered=0
for i in $(seq 50); do
    wait "${pids[$((i - 1))]}"
    cmp -s "$WORK/cli.json" "$WORK/c$i.json" && answered=$((answered + 1))
done
expect_true "50 clients at once: $answered of 50 answered in full" test "$answered" -eq 50

# --- a new index is served without a restart: `glossa index` renames a new
# file over the old one, and every handle reopens it before its next request
"$GLOSSA" index --quiet "$SRC/glossary" || fail "re-index without the hostile entry"
for i in 1 2 3 4 5 6; do     # more requests than worker handles
    get "$BASE/api/concept/hostile-entry"
    [ "$CODE" = 404 ] || break
done
expect_code 404 "after re-indexing without it, the hostile entry is gone from every handle:"
get "$BASE/c/information-security"
expect_code 200 "the re-indexed concept page"
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/tests/data/web/hostile.xml" || fail "re-index with it"
get "$BASE/api/concept/hostile-entry"
expect_code 200 "and back after re-indexing with it"
# a replacement that cannot be used: said once in the log (not once per
# request or per handle), and the previous index goes on answering
cp "$GLOSSA_DB" "$WORK/good.db"
printf 'not an index\n' >"$WORK/broken.db"
mv "$WORK/broken.db" "$GLOSSA_DB"
for i in 1 2 3 4 5 6 7 8; do
    get "$BASE/api/concept/hostile-entry"
    [ "$CODE" = 200 ] || break
done
expect_code 200 "a broken replacement: the previous index still answers, on every handle:"
expect_true "the log says so, once" test "$(grep -c 'was replaced, but the new file cannot be used' "$WORK/serve.err")" = 1
expect_true "and why" grep -q "^glossa serve: $GLOSSA_DB was replaced, but the new file cannot be used (.*); still answering from the previous index$" "$WORK/serve.err"
mv "$WORK/good.db" "$GLOSSA_DB"

# --- SIGTERM: a clean stop, exit 0, the port closed
stop_server
expect_rc 0 "the server stopped by SIGTERM"
expect_true "nothing else on stderr but the listening line" test "$(wc -l <"$WORK/serve.err")" -eq 2
if curl -s --max-time 5 -o /dev/null "$BASE/"; then fail "the port still answers after SIGTERM"; else ok; fi
finish
