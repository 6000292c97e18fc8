# 0825-scan-input.t — `glossa scan` on the sample text and on text built here:
# inflected and multi-word terms, the longest term winning, punctuation between
# words, abbreviations only in capitals, English and Chinese terms, UTF-16 and
# UTF-8 byte-order marks, standard input, HTML and JSON output, errors.
index_bundled
sample="$SRC/tests/data/text/sample.ru.txt"

run glossa scan --format json "$sample"
expect_rc 0 "sample"
got=$(jq -r '.files[0].matches[] | "\(.line):\(.column) \(.id)"' <<<"$OUT" | tr '\n' ' ')
want="3:63 international-information-security 5:7 computer-attack 5:28 critically-important-facilities 5:64 critical-information-infrastructure 8:22 militarization-of-icts 9:38 information-arms-race 10:32 responsible-behaviour-of-states 11:33 confidence-building-measures 13:1 use-of-icts-for-criminal-purposes 13:61 threat-to-information-security 17:31 information-weapon 18:1 confidence-building-measures 18:37 information-space "
if [ "$got" = "$want" ]; then ok; else fail "sample: got '$got'"; fi
# «Информационная, а не военная, безопасность»: not one term across commas
expect_json '[.files[0].matches[] | select(.line == 14)] | length' 0 "punctuation between words"
n_utf8=$(jq -c '[.files[0].matches[] | [.line, .column, .id, .text]]' <<<"$OUT")

# UTF-16 LE and BE with a byte-order mark, UTF-8 with one: the same matches
printf '\xff\xfe' >"$WORK/le.txt"; iconv -f UTF-8 -t UTF-16LE "$sample" >>"$WORK/le.txt"
printf '\xfe\xff' >"$WORK/be.txt"; iconv -f UTF-8 -t UTF-16BE "$sample" >>"$WORK/be.txt"
printf '\xef\xbb\xbf' >"$WORK/bom.txt"; cat "$sample" >>"$WORK/bom.txt"
for f in le be bom; do
    run glossa scan --format json "$WORK/$f.txt"
    expect_rc 0 "$f"
    got=$(jq -c '[.files[0].matches[] | [.line, .column, .id, .text]]' <<<"$OUT")
    if [ "$got" = "$n_utf8" ]; then ok; else fail "$f.txt gives other matches than UTF-8: $got"; fi
done
# UTF-16 without a byte-order mark is refused, not scanned as garbage
iconv -f UTF-8 -t UTF-16LE "$sample" >"$WORK/nobom.txt"
run glossa scan "$WORK/nobom.txt"
expect_rc 2 "UTF-16 without BOM"
expect_err "NUL byte"

# standard input; longest match; overlapping terms; abbreviations
printf 'Угрозы международной информационной безопасности.\nИКТ и икт.\n' >"$WORK/in.txt"
run glossa scan --format json - <"$WORK/in.txt"
expect_rc 0 "stdin"
expect_json '.files[0].file' "-"
expect_json '[.files[0].matches[].id] | join(" ")' \
    "international-information-security information-and-communications-technologies" \
    "longest term wins; lower-case икт is not the abbreviation"
expect_json '.files[0].matches[1] | "\(.line):\(.column) \(.text)"' "2:1 ИКТ"

# Chinese, Traditional characters folded; --from keeps other languages out
printf '各国重申致力于维护國際信息安全。\n' >"$WORK/zh.txt"
run glossa scan --format json "$WORK/zh.txt"
expect_json '.files[0].matches[0].id' international-information-security "Chinese"
expect_json '.files[0].matches[0].text' 國際信息安全 "as written (Traditional)"
run glossa scan --format json --from ru "$WORK/zh.txt"
expect_rc 1 "--from ru finds no Chinese term"
run glossa scan --from en --format json "$sample"
expect_json '[.files[0].matches[].lang] | unique | join(",")' en "--from en"

# nothing found: exit 1 and a count
printf 'Погода сегодня хорошая.\n' >"$WORK/none.txt"
run glossa scan "$WORK/none.txt"
expect_rc 1 "no term"
expect_out "0 terms found in 1 file"

# HTML: every match marked, equivalents in the tooltip, the text escaped
printf 'A <b> & информационное оружие.\n' >"$WORK/html.txt"
run glossa scan --format html -o "$WORK/out.html" "$sample" "$WORK/html.txt"
expect_rc 0 "html"
marks=$(grep -o '<mark class="term' "$WORK/out.html" | wc -l)
expect_true "14 marks in the HTML ($marks)" test "$marks" -eq 14
expect_true "tooltip with equivalents" grep -qF 'title="international-information-security — международная информационная безопасность (ru)&#10;NOT VERIFIED (reliability 1 of 4)&#10;ru: международная информационная безопасность&#10;ru: МИБ (admitted)&#10;zh: 国际信息安全' "$WORK/out.html"
expect_true "text escaped" grep -qF 'A &lt;b&gt; &amp; <mark class="term unverified" data-concept="information-weapon"' "$WORK/out.html"
expect_true "the text as written, line break included, is marked" grep -qF '">между-' "$WORK/out.html"
expect_true "marks are closed" test "$(grep -o '</mark>' "$WORK/out.html" | wc -l)" -eq 14
if command -v xmllint >/dev/null 2>&1; then # polyglot markup: well-formed as XML too
    expect_true "the page is well-formed" xmllint --noout "$WORK/out.html"
fi

# errors
run glossa scan "$WORK/missing.txt"
expect_rc 2 "missing file"
expect_err "missing.txt"
run glossa scan --format xml "$sample"
expect_rc 2 "bad format"
run glossa scan --to xx "$sample"
expect_rc 2 "bad language"
run glossa scan
expect_rc 2 "no file"
run glossa scan --db "$WORK/none.db" "$sample"
expect_rc 2 "no database"
expect_err "glossa index"
# whole files by the library's one reader (glossa_read_file): a FIFO read to
# its end, a directory and standard input twice refused with the exact error
mkfifo "$WORK/fifo"
printf 'информационное оружие\n' >"$WORK/fifo" &
run glossa scan "$WORK/fifo"
wait
expect_rc 0 "a FIFO"
expect_out "fifo:1:1: информационное оружие  information-weapon"
mkdir "$WORK/folder"
run glossa scan "$WORK/folder"
expect_rc 2 "a directory"
expect_err "glossa: $WORK/folder: error: is a directory, not a file"
run glossa scan - - <"$sample"
expect_rc 2 "standard input twice"
expect_err "glossa: error: standard input given twice"
finish
