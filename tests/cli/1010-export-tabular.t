# 1010-export-tabular.t — `glossa export --format csv|omegat|json` on the
# bundled glossary: CSV by RFC 4180 (CRLF, quoting, a column per language and
# a definition column per language, parsed back with Python's csv module);
# OmegaT's glossary format (UTF-8, tab-separated, three fields, no header,
# `--from ru --to zh`; read back with OmegaT's own reader when installed); JSON in the shape of a lookup result, equal to what
# `glossa lookup --format json` prints for the same concept.
unset GLOSSA_GLOSSARY
count() { grep -o -- "$1" "${@:2}" | wc -l; }
entries=$(cat "$SRC"/glossary/*.xml | count '<entry ')

# --- CSV
run glossa export --format csv -o "$WORK/g.csv"
expect_rc 0 "export --format csv:"
head -1 "$WORK/g.csv" | grep -q '^id,ru,zh,'; expect_true "header starts id,ru,zh," test $? -eq 0
head -1 "$WORK/g.csv" | grep -q ',definition (ru),definition (zh),definition (en)'
expect_true "definition columns per language" test $? -eq 0
lines=$(wc -l < "$WORK/g.csv")
crlf=$(grep -c $'\r$' "$WORK/g.csv")
expect_true "every line ends with CRLF ($crlf of $lines)" test "$crlf" -eq "$lines"
if command -v python3 >/dev/null 2>&1; then
    run python3 - "$WORK/g.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline=""), strict=True))
head, body = rows[0], rows[1:]
assert all(len(r) == len(head) for r in body), "ragged rows"
col = {name: i for i, name in enumerate(head)}
row = next(r for r in body if r[0] == "information-security")
print("rows", len([r for r in body if not r[col["state"]]]))
print("national rows", len([r for r in body if r[col["state"]]]) > 0)
print("ru", row[col["ru"]])
print("zh-Hant-TW", row[col["zh-Hant-TW"]])
print("def-en-has-comma", "," in row[col["definition (en)"]])
EOF
    expect_rc 0 "RFC 4180 parse:"
    expect_out "rows $entries"
    expect_out "national rows True"
    expect_out "ru информационная безопасность; ИБ"
    expect_out "zh-Hant-TW 資訊安全; 資安"
    expect_out "def-en-has-comma True"
fi
run glossa export --format csv --from ru --to zh
expect_rc 0 "csv --from ru --to zh:"
expect_true "--from first, then --to" test "$(head -1 <<<"$OUT" | tr -d '\r')" = "id,ru,zh,zh-Hant-TW,zh-Hant,definition (ru),definition (zh),state,national definition,national law"

# --- OmegaT: source TAB target TAB comment, UTF-8, no header
run glossa export --format omegat --from ru --to zh -o "$WORK/glossary.utf8"
expect_rc 0 "export --format omegat --from ru --to zh:"
f=$WORK/glossary.utf8
n=$(wc -l < "$f")
expect_true "OmegaT file has lines ($n)" test "$n" -gt "$entries"
expect_true "every line has exactly three tab-separated fields" \
    test "$(awk -F'\t' 'NF != 3' "$f" | wc -l)" -eq 0
expect_true "no CR" test "$(grep -c $'\r' "$f")" -eq 0
expect_true "valid UTF-8" iconv -f UTF-8 -t UTF-8 "$f" -o /dev/null
expect_true "no BOM" test "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" != "efbbbf"
grep -q $'^информационная безопасность\t信息安全\tinformation-security; ' "$f"
expect_true "ru preferred → zh preferred" test $? -eq 0
grep -q $'^ИБ\t信息安全\t' "$f"; expect_true "an admitted ru term is a source line too" test $? -eq 0
expect_true "the source column is Cyrillic" test "$(cut -f1 "$f" | grep -Pvc '\p{Cyrillic}')" -eq 0
expect_true "the target column is Chinese" test "$(cut -f2 "$f" | grep -Pvc '\p{Han}')" -eq 0
grep -q $'\t資訊安全\t' "$f"; expect_true "zh-Hant-TW is not a target when zh exists" test $? -ne 0
grep -qF 'not verified (reliability 1); working translation' "$f"
expect_true "the comment says what a translator must know" test $? -eq 0
# OmegaT's own reader, when Debian's omegat package and a JDK are installed
jar=/usr/share/omegat/OmegaT.jar
if [ -r "$jar" ] && command -v javac >/dev/null 2>&1; then
    run java -cp "$jar" "$SRC/tests/cli/OmegatGlossary.java" "$f"
    expect_rc 0 "OmegaT's GlossaryReaderTSV reads the file:"
    expect_true "OmegaT reads every line as written ($n)" test "$OUT" = "$(cat "$f")"
else
    echo "NOTE: OmegaT (Debian package omegat) or a JDK is missing; OmegaT's own reader was not tried"
fi
run glossa export --format omegat --from ru
expect_rc 2 "omegat without --to:"
run glossa export --format omegat --from ru --to zh,en
expect_rc 2 "omegat with two targets:"

# --- JSON: the lookup shape
run glossa export --format json
expect_rc 0 "export --format json:"
expect_json '.concepts | length' "$entries"
expect_json '[.concepts[] | select(.national | not)][0] | keys | join(",")' "definitions,id,reliability,terms"
expect_json '[.concepts[] | select(.national)][0] | keys | join(",")' "definitions,id,national,reliability,terms"
expect_json '[.concepts[] | select(.id == "information-security") | .definitions[] | select(.lang == "ru") | .source | endswith("(reconstruction, not verified against the official text)")] | .[0]' true
glossa index --quiet "$SRC/glossary" "$SRC/glossary/national"
lookup=$(glossa lookup --format json "information security" |
    jq -c '.results[0] | {id, reliability, terms: [.terms[] | {lang, text, status}],
                          definitions: [.definitions[] | {lang, text, source}], national}')
export=$(jq -c '.concepts[] | select(.id == "information-security")' <<<"$OUT")
expect_true "export JSON equals lookup JSON for the concept (its national definitions too)" test "$lookup" = "$export"
run glossa export --format json --to zh
expect_json '[.concepts[].terms[].lang | startswith("zh")] | all' true
finish
