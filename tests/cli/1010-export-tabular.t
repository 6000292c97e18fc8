# 1010-export-tabular.t — `glossa export --format csv|omegat|json` on the
# bundled glossary: CSV by RFC 4180 (CRLF, quoting, a column per language and
# a definition column per language, parsed back with Python's csv module);
# OmegaT's glossary format (UTF-8, tab-separated, three fields, no header,
# `--from ru --to zh`; read back with OmegaT's own reader when installed); JSON in the shape of a lookup result, equal to what
# `glossa lookup --format json` prints for the same concept.
unset GLOSSA_GLOSSARY
count() { grep -o -- "$1" "${@:2}" | wc -l; }
entries=$(cat "$SRC"/glossary/*.xml | count '<entry ')

# --- CSV: a row per concept, a line per term in a language's cells
run glossa export --format csv -o "$WORK/g.csv"
expect_rc 0 "export --format csv:"
head -1 "$WORK/g.csv" | grep -q '^id,ru,zh,'; expect_true "header starts id,ru,zh, (language columns by code)" test $? -eq 0
head -1 "$WORK/g.csv" | grep -q ',ru status,ru wording,ru source,zh status,'
expect_true "status, wording and source columns per language" test $? -eq 0
head -1 "$WORK/g.csv" | grep -q ',definition (ru),definition (ru) wording,definition (ru) source,definition (zh),'
expect_true "definition columns per language" test $? -eq 0
if command -v python3 >/dev/null 2>&1; then
    # every column read back and compared with the term base as the JSON export holds it
    glossa export --format json -o "$WORK/g.json" -q
    run python3 - "$WORK/g.csv" "$WORK/g.json" <<'EOF'
import csv, json, sys
raw = open(sys.argv[1], encoding="utf-8", newline="").read()
rows = list(csv.reader(raw.splitlines(keepends=True), strict=True))
head, body = rows[0], rows[1:]
assert raw.count("\r\n") == len(rows) and "\r" not in raw.replace("\r\n", ""), "records end with CRLF"
assert all(len(r) == len(head) for r in body), "ragged rows"
col = {name: i for i, name in enumerate(head)}
langs = head[1:head.index(head[1] + " status")]
concepts = {c["id"]: c for c in json.load(open(sys.argv[2], encoding="utf-8"))["concepts"]}
rank = {"preferred": 0, "admitted": 1}
mark = {"deprecated": "deprecated: do not use"}
checked = 0
for r in body:
    if r[col["state"]]:
        continue
    c = concepts[r[0]]
    assert r[col["reliability"]].startswith("%d (" % c["reliability"]), r[0]
    for lang in langs:
        terms = sorted((t for t in c["terms"] if t["lang"] == lang), key=lambda t: rank.get(t["status"], 2))
        lines = r[col[lang]].split("\n") if r[col[lang]] else []
        assert lines == [t["text"] for t in terms], (r[0], lang)
        for part in ("status", "wording", "source"):
            cell = r[col[lang + " " + part]]
            assert len(cell.split("\n")) == max(len(lines), 1), (r[0], lang, part)
        assert r[col[lang + " status"]].split("\n")[:len(terms)] == [mark.get(t["status"], t["status"]) for t in terms] or not terms
        defs = [d for d in c["definitions"] if d["lang"] == lang]
        if "definition (%s)" % lang in col:
            texts = r[col["definition (%s)" % lang]]
            assert (texts.split("\n") if texts else []) == [d["text"] for d in defs], (r[0], lang)
            srcs = zip(r[col["definition (%s) source" % lang]].split("\n"),
                       r[col["definition (%s) wording" % lang]].split("\n"))
            assert [s + (" (%s)" % w if w else "") for s, w in srcs][:len(defs)] == [d["source"] for d in defs]
    checked += 1
print("rows", checked, "of", len(concepts))
print("national rows", len([r for r in body if r[col["state"]]]) > 0)
row = next(r for r in body if r[0] == "information-security")
for name in ("ru", "ru status", "ru wording", "zh-Hant-TW", "zh-Hant-TW status", "zh-Hant-TW wording", "reliability"):
    print(name, "=", row[col[name]].replace("\n", " | "))
EOF
    expect_rc 0 "RFC 4180 parse, every column equal to the term base:"
    expect_true "every column of every concept, exactly" test "$OUT" = "rows $entries of $entries
national rows True
ru = информационная безопасность | ИБ
ru status = preferred | admitted
ru wording = reconstruction, not verified against the official text | 
zh-Hant-TW = 資訊安全 | 資安
zh-Hant-TW status = admitted | admitted
zh-Hant-TW wording = working translation, not an official rendering | working translation, not an official rendering
reliability = 1 (NOT VERIFIED)"
fi
run glossa export --format csv --from ru --to zh
expect_rc 0 "csv --from ru --to zh:"
expect_true "--from first, then --to" test "$(head -1 <<<"$OUT" | tr -d '\r')" = "id,ru,zh,zh-Hant-TW,zh-Hant,ru status,ru wording,ru source,zh status,zh wording,zh source,zh-Hant-TW status,zh-Hant-TW wording,zh-Hant-TW source,zh-Hant status,zh-Hant wording,zh-Hant source,definition (ru),definition (ru) wording,definition (ru) source,definition (zh),definition (zh) wording,definition (zh) source,reliability,source,state,national definition,national law"

# a spreadsheet would run a cell that starts with = + - @ as a formula: a ' goes first
# (OWASP); a deprecated term is kept, marked; a synonym with "; " is a line of its own
sed -e 's|<orth>information weapon</orth>|<orth>=HYPERLINK("http://x.example/","y")</orth>|' \
    -e 's|<orth>информационное оружие</orth>|<orth>@SUM(1; 2)</orth>|' \
    -e 's|<orth>信息安全</orth>|<orth>-1</orth><usg type="status">deprecated</usg></form><form type="term" xml:lang="zh"><orth>+信息; 安全</orth>|' \
    "$SRC/tests/data/good/mini.xml" > "$WORK/formula.xml"
run glossa export --format csv --to ru,zh,en "$WORK/formula.xml"
expect_rc 0 "csv of formula-like terms:"
grep -q "^information-weapon,\"'@SUM(1; 2)\",,\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"y\"\")\"," <<<"$OUT"
expect_true "formula-like cells start with ' and are quoted" test $? -eq 0
if command -v python3 >/dev/null 2>&1; then
    run python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
col = {name: i for i, name in enumerate(rows[0])}
for r in rows[1:]:
    print(r[0], [r[col[n]] for n in ("ru", "zh", "zh status", "zh wording", "en")])' <<<"$OUT"
    expect_true "formula-like cells neutralised, synonyms a line each, deprecated kept" test "$OUT" = "information-security ['информационная безопасность', \"'+信息; 安全\\n-1\", 'preferred\\ndeprecated: do not use', '\\nworking translation, not an official rendering', 'information security']
information-weapon [\"'@SUM(1; 2)\", '', '', '', '\\'=HYPERLINK(\"http://x.example/\",\"y\")']"
fi

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
