# 0160-lookup-batch.t — `glossa lookup --batch`: queries from stdin, one per
# line (LF or CRLF), answered as JSON Lines in the same order with the shape
# of --format json; options apply to every line; a query over 4096 bytes gets
# an error object and the rest are still answered; exit 0/1/2 as documented.
index_bundled
# expect_jsonl FILTER EXPECTED: jq -rs FILTER over all the lines of stdout
expect_jsonl() {
    local got
    got=$(jq -rs "$1" <<<"$OUT" 2>&1)
    if [ "$got" = "$2" ]; then ok; else fail "jq -s '$1' gave '$got', expected '$2'"; fi
}

printf '%s\n' "информационная безопасность" 信息安全 "infomation securty" "zzzqqq" \
    "xinxi anquan" >"$WORK/queries"
run glossa lookup --batch <"$WORK/queries"
expect_rc 0 "--batch:"
expect_json_lines 5
expect_jsonl '[.[].query] | join("|")' "информационная безопасность|信息安全|infomation securty|zzzqqq|xinxi anquan"
expect_jsonl 'map(.results[0].id // "-") | join(" ")' \
    "information-security information-security information-security - information-security"
expect_jsonl 'map(.results[0].match.how // "-") | join(" ")' "exact exact fuzzy - translit"

# the same JSON as one lookup with --format json
single=$("$GLOSSA" lookup --format json 信息安全)
expect_true "line 2 equals 'lookup --format json 信息安全'" test "$(sed -n 2p <<<"$OUT")" = "$single"

# options apply to every query; CRLF line ends are not part of the query
printf 'information weapon\r\nsecur*\r\n' >"$WORK/crlf"
run glossa lookup --batch --to ru --limit 1 <"$WORK/crlf"
expect_rc 0
expect_jsonl '[.[].query] | join("|")' "information weapon|secur*"
expect_jsonl '[.[].results | length] | join(" ")' "1 1"
expect_jsonl '[.[].results[0].terms[].lang] | unique | join(",")' "ru"

# nothing found anywhere: exit 1, still one object per line
printf 'zzzqqq\n\nqqqzzz\n' >"$WORK/none"
run glossa lookup --batch <"$WORK/none"
expect_rc 1 "--batch with nothing found"
expect_true "three lines for three queries (one empty)" test "$(wc -l <<<"$OUT")" -eq 3
expect_jsonl '[.[].results | length] | add' 0

# a query too long: an error object, the next query is still answered, exit 2
{ head -c 5000 /dev/zero | tr '\0' 'a'; printf '\n信息安全\n'; } >"$WORK/long"
run glossa lookup --batch <"$WORK/long"
expect_rc 2 "--batch with a query too long"
expect_jsonl '.[0].error' "query too long (at most 4096 bytes)"
expect_jsonl '.[1].results[0].id' information-security
# --mode fts with bad syntax on one line
printf 'NEAR(\ninformat*\n' >"$WORK/fts"
run glossa lookup --batch --mode fts <"$WORK/fts"
expect_rc 2 "--batch --mode fts with a bad line"
expect_jsonl '.[0].error | startswith("not a valid FTS5 query")' true
expect_jsonl '.[1].results[0].match.how' fts

# --batch takes no QUERY and no --format text
run glossa lookup --batch 信息安全
expect_rc 2 "--batch with a QUERY"
run glossa lookup --batch --format text </dev/null
expect_rc 2 "--batch --format text"
run glossa lookup --batch </dev/null
expect_rc 1 "--batch with no input"
expect_true "no input, no output" test -z "$OUT"
finish
