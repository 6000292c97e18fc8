# 0125-lookup-encoding.t — input that is not UTF-8 (a terminal, a file or a
# page in a legacy code page): lookup names the first bad byte and the code
# page its bytes read in (CP1251, KOI8-R, CP866, GB18030, Big5, CP1256),
# looks that reading up with a warning, and exits as for any lookup; bytes
# that read as no text are an error (exit 2); --batch reports a bad line (not
# UTF-8, a NUL byte) on stderr as stdin:LINE and in its JSON line, and goes
# on; scan and eval name FILE:LINE; the HTTP server answers 400 and the DICT
# server 500/501 with the same words. The bytes come from iconv.
index_bundled
as() { printf '%s' "$2" | iconv -f UTF-8 -t "$1"; } # as ENCODING TEXT: TEXT's bytes

# --- lookup QUERY in each legacy encoding
run glossa lookup --to en "$(as CP1251 'информационная безопасность')"
expect_rc 0 "CP1251"
expect_true "CP1251: the warning" test "$ERR" = "glossa: warning: the query is not UTF-8 (byte 0xE8 at offset 0); it reads as CP1251 «информационная безопасность»: check the terminal's encoding; looked that up instead"
expect_out "1. information-security"
expect_out "(ru, exact)"
# legacy ENCODING TEXT BYTE ID: TEXT typed in ENCODING (its first byte BYTE)
# is named, its reading looked up, and ID found first
legacy() {
    run glossa lookup --format json "$(as "$1" "$2")"
    expect_rc 0 "$1"
    expect_true "$1: the warning" test "$ERR" = "glossa: warning: the query is not UTF-8 (byte $3 at offset 0); it reads as ${1/BIG5/Big5} «$2»: check the terminal's encoding; looked that up instead"
    expect_json .query "$2" "$1: the query"
    expect_json '.results[0].id' "$4" "$1: the concept"
}
legacy KOI8-R 'информационное оружие' 0xC9 information-weapon
legacy CP866 'информационная война' 0xA8 information-war
legacy GB18030 '国际信息安全' 0xB9 international-information-security
legacy BIG5 '資訊安全' 0xB8 information-security
# Persian from a CP1256 terminal (Arabic yeh: CP1256 has no Persian yeh)
legacy CP1256 'امنيت اطلاعات' 0xC7 information-security
# a few bytes: "probably"; nothing found is exit 1 as for any lookup
run glossa lookup "$(as CP1251 'щуп')"
expect_rc 1 "three bytes, nothing found"
expect_true "probably, and not found" test "$ERR" = "glossa: warning: the query is not UTF-8 (byte 0xF9 at offset 0); it probably reads as CP1251 «щуп»: check the terminal's encoding; looked that up instead
glossa: no concept matches 'щуп'"
# bytes that read as no text: an error, nothing looked up
run glossa lookup "x $(printf '\377')"
expect_rc 2 "no reading"
expect_true "no reading: the error" test "$ERR" = "glossa: error: the query is not UTF-8 (byte 0xFF at offset 2): check the terminal's encoding"
expect_true "no reading: nothing on stdout" test -z "$OUT"

# --- --batch: bad lines on stderr with their number, in their JSON line, and on
{ printf '信息安全\n'; as CP1251 'информационная безопасность'; printf '\nsec\0urity\n'
  as GB18030 '信息安全'; printf '\ninformation weapon\n'; } >"$WORK/batch"
run glossa lookup --batch <"$WORK/batch"
expect_rc 2 "--batch with bad lines"
expect_json_lines 5
expect_true "--batch: stderr" test "$ERR" = "glossa: stdin:2: error: the query is not UTF-8 (byte 0xE8 at offset 0); it reads as CP1251 «информационная безопасность»: check the input's encoding
glossa: stdin:3: error: the query has a NUL byte (at offset 3): check the input's encoding
glossa: stdin:4: error: the query is not UTF-8 (byte 0xD0 at offset 0); it reads as GB18030 «信息安全»: check the input's encoding"
expect_true "--batch: line 3's JSON" test "$(sed -n 3p <<<"$OUT")" = '{"query":"sec\u0000urity","line":3,"error":"the query has a NUL byte (at offset 3): check the input'"'"'s encoding","results":[]}'
expect_true "--batch: line 2's error" test "$(sed -n 2p <<<"$OUT" | jq -r .error)" = "the query is not UTF-8 (byte 0xE8 at offset 0); it reads as CP1251 «информационная безопасность»: check the input's encoding"
expect_true "--batch goes on" test "$(sed -n 5p <<<"$OUT" | jq -r '.results[0].id')" = information-weapon

# --- scan: a document in a legacy code page is refused, naming FILE:LINE:COLUMN
{ printf 'Доклад\n' | iconv -t CP1251; as CP1251 'Угрозы международной информационной безопасности.'; printf '\n'; } >"$WORK/doc.txt"
run glossa scan "$WORK/doc.txt"
expect_rc 2 "scan of a CP1251 document"
expect_true "scan: the error" test "$ERR" = "glossa: $WORK/doc.txt:1:1: error: the line is not UTF-8 (byte 0xC4 at offset 0); it reads as CP1251 «Доклад»: convert the file to UTF-8 first (iconv -f CP1251 -t UTF-8)"
iconv -f CP1251 -t UTF-8 "$WORK/doc.txt" >"$WORK/doc-utf8.txt"
run glossa scan --format json "$WORK/doc-utf8.txt"
expect_json '.files[0].matches[0].id' international-information-security "scan: converted as told"
# a UTF-8 document with one stray byte is still scanned (U+FFFD)
printf 'Угрозы международной информационной безопасности \377.\n' >"$WORK/stray.txt"
run glossa scan --format json "$WORK/stray.txt"
expect_rc 0 "scan: a stray byte in UTF-8"

# --- eval: a TSV line that is not UTF-8 or holds a NUL
{ printf 'query\texpect\tkind\tlang\n'; as KOI8-R $'информационная безопасность\tинформационная безопасность\texact\tru'; printf '\n'; } >"$WORK/koi8.tsv"
run glossa eval "$WORK/koi8.tsv"
expect_rc 2 "eval of a KOI8-R file"
expect_true "eval: the error" test "$ERR" = "glossa: $WORK/koi8.tsv:2: error: the line is not UTF-8 (byte 0xC9 at offset 0); it reads as KOI8-R «информационная безопасность информационн…»: save the file as UTF-8"
printf 'query\texpect\tkind\tlang\nин\0фо\tинформация\texact\tru\n' >"$WORK/nul.tsv"
run glossa eval "$WORK/nul.tsv"
expect_rc 2 "eval of a line with a NUL"
expect_true "eval: the NUL" test "$ERR" = "glossa: $WORK/nul.tsv:2: error: the line has a NUL byte (at offset 4): save the file as UTF-8"

# --- the HTTP server: 400 with the words, in the JSON and in the page
pct() { od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; } # stdin's bytes percent-encoded
if command -v curl >/dev/null 2>&1; then
    start_server --http
    q=$(as CP1251 'информация' | pct)
    run curl -s -w '\n%{http_code}' "http://127.0.0.1:$PORT/api/lookup?q=$q"
    expect_true "HTTP API: 400" test "$(tail -n 1 <<<"$OUT")" = 400
    expect_true "HTTP API: the error" test "$(head -n 1 <<<"$OUT" | jq -r .error)" = "parameter q is not UTF-8 (byte 0xE8 at offset 0); it reads as CP1251 «информация»: send UTF-8 text (percent-encoded)"
    q=$(as GB18030 '信息安全' | pct)
    run curl -s -w '\n%{http_code}' "http://127.0.0.1:$PORT/?q=$q"
    expect_true "HTTP page: 400" test "$(tail -n 1 <<<"$OUT")" = 400
    expect_out "parameter q is not UTF-8 (byte 0xD0 at offset 0); it reads as GB18030 «信息安全»: send UTF-8 text (percent-encoded)"
    run curl -s -w '\n%{http_code}' "http://127.0.0.1:$PORT/api/lookup?q=a%00b"
    expect_true "HTTP API: a NUL byte" test "$(head -n 1 <<<"$OUT" | jq -r .error)" = "parameter q has a NUL byte (at offset 1): send UTF-8 text (percent-encoded)"
    stop_server
else
    echo "skip: curl is not installed (the HTTP cases)"
fi

# --- the DICT server: 501 for a parameter, 500 for a command word (RFC 2229)
start_server --dict
exec 3<>/dev/tcp/127.0.0.1/"$PORT"
{ printf 'DEFINE * '; as CP1251 'информационная безопасность'; printf '\r\n'
  as KOI8-R 'информация'; printf '\r\nQUIT\r\n'; } >&3
lines=$(timeout 10 cat <&3 | tr -d '\r')
exec 3<&-
expect_true "DICT: a parameter in CP1251" test "$(sed -n 2p <<<"$lines")" = "501 syntax error, the command line is not UTF-8 (byte 0xE8 at offset 9); it reads as CP1251 «DEFINE * информационная безопасность»: send UTF-8 text"
expect_true "DICT: a command in KOI8-R" test "$(sed -n 3p <<<"$lines")" = "500 syntax error, the command line is not UTF-8 (byte 0xC9 at offset 0); it reads as KOI8-R «информация»: send UTF-8 text"
expect_true "DICT: the connection goes on" test "$(sed -n 4p <<<"$lines")" = "221 bye"
stop_server

finish
