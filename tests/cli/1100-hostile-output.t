# 1100-hostile-output.t — what lookup and show print from hostile data and
# hostile input (issue 21): a term or definition of hundreds of one-letter
# words (each highlighted: once a heap overflow); controls, bidi controls,
# bytes that are not UTF-8 and bad language tags in the database are a
# damaged index (lookup, show and --check exit 2 and print nothing); what may
# be there (a direction mark) and file names, ids, options and queries with
# controls never reach the terminal raw, with or without colour (shown as
# \u009B, U+FFFD); JSON keeps the exact data, escaped; queries that are not
# UTF-8, hold a NUL or are too long, and dates that are not days of the
# calendar, are reported clearly. The printers themselves are fuzzed with
# arbitrary bytes in every field (tests/fuzz/fuzz_cli.c).

# raw_controls FILE: fails when FILE, glossa's own SGR colours aside, is not
# UTF-8 or holds a byte that would steer a terminal or reorder text: C0 but
# line feed, DEL, C1, U+061C, U+200E/F, U+2028-U+202E, U+2066-U+2069.
raw_controls() {
    perl -0777 -ne 's/\e\[[0-9;]*m//g; utf8::decode($_) or exit 2;
        exit(/[\x00-\x09\x0b-\x1f\x7f-\x9f\x{61c}\x{200e}\x{200f}\x{2028}-\x{202e}\x{2066}-\x{2069}]/ ? 1 : 0)' "$1"
}
expect_clean() { # DESCRIPTION FILE
    if raw_controls "$2"; then ok; else fail "$1: raw control, bidi or non-UTF-8 bytes: $(od -c "$2" | head -20)"; fi
}

words() { printf "$1"' %.0s' $(seq "$2") | sed 's/ $//'; }
{
    sed -n '1,19p' "$SRC/tests/data/good/mini.xml"
    cat <<EOF
      <entry xml:id="many-words" type="concept" n="1" source="#agreement-2009">
        <usg type="status">in-force</usg>
        <usg type="reliability">2</usg>
        <form type="term" xml:lang="en"><orth>$(words x 400)</orth><usg type="status">preferred</usg></form>
        <form type="term" xml:lang="ru"><orth>$(words q 300)</orth><usg type="status">preferred</usg></form>
        <sense><def xml:lang="en" source="#agreement-2009">$(words z 150)</def></sense>
      </entry>
      <entry xml:id="controls" type="concept" n="2" source="#agreement-2009">
        <usg type="status">in-force</usg>
        <usg type="reliability">2</usg>
        <form type="term" xml:lang="en"><orth>csi¤31mred osc¦0;title§ end</orth><usg type="status">preferred</usg></form>
        <form type="term" xml:lang="ru"><orth>†ytiruces noitamrofni‡</orth><usg type="status">preferred</usg></form>
        <sense><def xml:lang="en" source="#agreement-2009">defined ¤2J here •isolated‰ and ※rlm</def></sense>
      </entry>
    </body>
  </text>
</TEI>
EOF
} >"$WORK/hostile.xml"
glossa index --quiet "$WORK/hostile.xml" || { echo "FAIL: cannot index the fixture"; exit 1; }
# glossa index refuses controls and bidi controls in a term base (0900 tests
# that), and a database holding them was made by someone else: a damaged index,
# refused before anything is printed. They are written with sqlite3 over
# placeholders of the same length in bytes (¤ ¦ § for U+009B/D/C; † ‡ • ‰ ※
# for U+202E, U+202C, U+2066, U+2069, U+200F).
if ! command -v sqlite3 >/dev/null; then
    echo "SKIP: sqlite3 is not installed (Debian package sqlite3, see .ci/install-deps)"
    exit 77
fi
# damaged NAME SQL MESSAGE COMMAND...: SQL on a copy of the index; the command
# and index --check exit 2 with MESSAGE, and nothing reaches standard output
damaged() {
    local name=$1 db="$WORK/$1.db" sql=$2 msg=$3 cmd
    shift 3
    cp "$GLOSSA_DB" "$db"
    sqlite3 "$db" "$sql" || { fail "$name: sqlite3 failed"; return; }
    for cmd in "$*" "index --check"; do
        # shellcheck disable=SC2086
        run glossa $cmd --db "$db"
        expect_rc 2 "$cmd on $name:"
        expect_true "$cmd on $name: nothing on stdout" test -z "$OUT"
        expect_true "$cmd on $name: the damage named" test "$ERR" = "glossa: $db: error: damaged index: $msg (rebuild it with 'glossa index')"
    done
}

# 1. every matched word marked: the buffer grows (400 with colour, 300 «», 150 in a definition)
glossa lookup --color always x >"$WORK/x.out" 2>"$WORK/x.err"; RC=$?
expect_rc 0 "400 highlighted words with --color always:"
expect_true "the header line, exact" \
    test "$(head -1 "$WORK/x.out")" = "$(printf '1. \033[1mmany-words\033[0m  \033[2min force\033[0m  \033[2mreliability 2 of 4 (minimum reliability)\033[0m')"
expect_true "400 words marked" test "$(grep -o "$(printf '\033\\[1;32mx\033\\[0m')" "$WORK/x.out" | wc -l)" -eq 400
expect_true "the match line ends with how it matched" grep -qF "$(printf 'x\033[0m \033[2m(en, stem)\033[0m')" "$WORK/x.out"
expect_clean "400 highlighted words" "$WORK/x.out"
run glossa lookup q
expect_rc 0 "300 words marked «» without colour:"
expect_true "300 words marked" test "$(grep -o '«q»' <<<"$OUT" | wc -l)" -eq 300
expect_out "   match   «q» «q» «q» «q»"
glossa lookup --color always --in definitions z >"$WORK/z.out"; RC=$?
expect_rc 0 "150 words of a definition, --in definitions --color always:"
expect_true "the window of the definition: about 100 words marked" \
    test "$(grep -o "$(printf '\033\\[1;32mz\033\\[0m')" "$WORK/z.out" | wc -l)" -eq 100
expect_clean "--in definitions" "$WORK/z.out"

# 2. controls, bidi controls, bytes that are not UTF-8 and bad language tags in
# the database: a damaged index, for lookup, show and --check alike
damaged c1 "UPDATE term SET text = replace(text, '¤', char(155))" \
    "term.text contains U+009B (a control character)" show controls
damaged rlo "UPDATE term SET text = replace(text, '†', char(8238))" \
    "term.text contains U+202E (a bidirectional control character)" lookup --format json csi
damaged lri "UPDATE definition SET text = replace(text, '•', char(8294))" \
    "definition.text contains U+2066 (a bidirectional control character)" lookup --in definitions here
damaged esc "UPDATE term SET text = 'esc' || char(27) || ']0;pwned' || char(7) || 'end' WHERE text LIKE 'csi%'" \
    "term.text contains U+001B (a control character)" lookup csi
damaged ff "UPDATE term SET text = 'esc' || CAST(X'FF' AS TEXT) || 'end' WHERE text LIKE 'csi%'" \
    "term.text is not UTF-8 text" show controls
damaged lang "UPDATE definition SET lang = 'en' || char(27) || '[2J' WHERE text LIKE 'defined%'" \
    "definition.lang is not a language tag" show controls

# 3. a direction mark (U+200F) may be in a definition (Persian and Urdu text
# needs it), but never reaches the terminal raw: shown escaped, JSON \u200f
cp "$GLOSSA_DB" "$WORK/rlm.db"
sqlite3 "$WORK/rlm.db" "UPDATE definition SET text = replace(text, '※', char(8207))"
run glossa show --db "$WORK/rlm.db" controls
expect_rc 0 "show a definition with U+200F:"
expect_out '   def en  defined ¤2J here •isolated‰ and \u200Frlm'
glossa show --db "$WORK/rlm.db" --color always controls >"$WORK/c.out" 2>&1
expect_clean "show --color always, U+200F" "$WORK/c.out"
run glossa lookup --db "$WORK/rlm.db" --format json csi
expect_json '.results[0].definitions[0].text' "$(printf 'defined ¤2J here •isolated‰ and \342\200\217rlm')"
expect_out '"text":"defined ¤2J here •isolated‰ and \u200frlm"'
printf '%s' "$OUT" >"$WORK/j.out"
expect_clean "--format json" "$WORK/j.out"

# 4. error messages: queries, ids, file names and options with controls
run glossa lookup "$(printf '\033[9Q\302\233')"
expect_rc 1
expect_true "no match, controls shown" test "$ERR" = 'glossa: no concept matches '"'"'\u001B[9Q\u009B'"'"
# "2J" is a word of a definition: the "see also" header echoes the query escaped
run glossa lookup "$(printf '\033[2J\302\233')"
expect_rc 0
expect_true "see also, controls shown" test "$(printf '%s' "$OUT" | head -1)" = 'no term matches '"'"'\u001B[2J\u009B'"'"'; see also the concepts whose definitions or notes use it:'
printf '%s' "$OUT" >"$WORK/see.out"
expect_clean "see also, a line each" "$WORK/see.out"
glossa lookup --brief --color always csi >"$WORK/brief.out" 2>&1
expect_clean "lookup --brief --color always" "$WORK/brief.out"

run glossa show "$(printf '\302\23331m\342\200\256')"
expect_rc 1
expect_true "no such id, controls shown" test "$ERR" = 'glossa: error: no concept '"'"'\u009B31m\u202E'"'"
run glossa index --db "$WORK/other.db" "$WORK/$(printf '\033]0;x\007').xml"
expect_rc 2
expect_err 'glossa: '"$WORK"'/\u001B]0;x\u0007.xml: error: cannot read: No such file or directory'
run glossa lookup "--bogus$(printf '\033')" x
expect_rc 2
expect_err "glossa lookup: unknown option '--bogus\\u001B'"
run glossa "$(printf '\033[2Jfoo')"
expect_err "glossa: '\\u001B[2Jfoo' is not a glossa command"

# 5. queries that are not UTF-8 (a CP1251 terminal), hold a NUL, or are too long
# (tests/cli/0125-lookup-encoding.t has the legacy encodings one by one)
run glossa lookup "$(printf '\341\345\347\356\357\340\361\355\356\361\362\374')"
expect_rc 1 "a CP1251 query, its reading looked up:"
expect_true "the warning says so" test "$ERR" = "glossa: warning: the query is not UTF-8 (byte 0xE1 at offset 0); it reads as CP1251 «безопасность»: check the terminal's encoding; looked that up instead
glossa: no concept matches 'безопасность'"
expect_true "nothing on stdout" test -z "$OUT"
run glossa lookup --format json "x $(printf '\377')"
expect_rc 2 "a query that is not UTF-8 and reads as nothing, --format json:"
expect_true "the error says where" test "$ERR" = "glossa: error: the query is not UTF-8 (byte 0xFF at offset 2): check the terminal's encoding"
expect_true "no invalid JSON" test -z "$OUT"
{ printf '\341\345\347\n'; head -c 4099 /dev/zero | tr '\0' '\320'; printf '\na\0b\n'; printf 'csi\n'; } >"$WORK/batch"
run glossa lookup --batch <"$WORK/batch"
expect_rc 2 "--batch with bad lines:"
expect_json_lines 4
expect_true "line 1: not UTF-8" test "$(sed -n 1p <<<"$OUT")" = '{"query":"\ufffd\ufffd\ufffd","line":1,"error":"the query is not UTF-8 (byte 0xE1 at offset 0); it probably reads as CP1251 «без»: check the input'"'"'s encoding","results":[]}'
expect_true "line 2: too long, not cut" test "$(sed -n 2p <<<"$OUT")" = '{"query":null,"line":2,"error":"query too long (at most 4096 bytes)","results":[]}'
expect_true "line 3: a NUL byte" test "$(sed -n 3p <<<"$OUT")" = '{"query":"a\u0000b","line":3,"error":"the query has a NUL byte (at offset 1): check the input'"'"'s encoding","results":[]}'
expect_true "line 4 is still answered" test "$(sed -n 4p <<<"$OUT" | jq -r '.results[0].id')" = controls
# a line of exactly 4096 bytes (and its CR) is a query; one byte more is not
{ head -c 4096 /dev/zero | tr '\0' 'a'; printf '\r\n'; head -c 4097 /dev/zero | tr '\0' 'a'; printf '\n'; } >"$WORK/edge"
run glossa lookup --batch <"$WORK/edge"
expect_true "4096 bytes: looked up" test "$(sed -n 1p <<<"$OUT" | jq -r '.query | length')" = 4096
expect_true "4097 bytes: too long" test "$(sed -n 2p <<<"$OUT" | jq -r '.error')" = "query too long (at most 4096 bytes)"

# 6. --as-of takes a day of the calendar
run glossa lookup --as-of 9999-99-99 csi
expect_rc 2 "--as-of 9999-99-99:"
expect_true "month 99" test "$ERR" = "glossa lookup: --as-of: '9999-99-99' is not a date: there is no month 99"
run glossa lookup --as-of 2023-02-29 csi
expect_rc 2 "--as-of 2023-02-29:"
expect_true "not a leap year" test "$ERR" = "glossa lookup: --as-of: '2023-02-29' is not a date: 2023-02 has 28 days"
run glossa show --as-of 2025-04-31 controls
expect_rc 2 "show --as-of 2025-04-31:"
expect_true "30 days" test "$ERR" = "glossa show: --as-of: '2025-04-31' is not a date: 2025-04 has 30 days"
run glossa lookup --as-of 2024-02-29 csi
expect_rc 0 "--as-of 2024-02-29 (a leap day)"
run glossa lookup --as-of 2000-02-29 csi
expect_rc 0 "--as-of 2000-02-29 (a leap day)"
finish
