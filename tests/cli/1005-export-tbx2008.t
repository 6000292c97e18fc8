# 1005-export-tbx2008.t — `glossa export --format tbx2008`: the bundled
# glossary as TBX-Basic 2008 (martif), read by the peers that read TBX 2008
# and not TBX 2019: translate-toolkit's own reader (Debian python3-translate)
# gets a unit per concept exported with the terms of each language, and
# OmegaT's own GlossaryReaderTBX (Debian omegat, with a JDK) an entry per
# source and target term of each concept, the [glossa] notes (reliability,
# not verified) as its comment. The honesty marks of the TBX 2019 export travel
# in the same notes, and 'glossa import' reads the file back to the same term
# base. Each peer's reader is skipped, with a note, only when absent.
unset GLOSSA_GLOSSARY
count() { grep -o -- "$1" "${@:2}" | wc -l; }
entries=$(cat "$SRC"/glossary/*.xml | count '<entry ')
f=$WORK/g2008.tbx

run glossa export --format tbx2008 -o "$f"
expect_rc 0 "export --format tbx2008:"
expect_out "exported $entries concepts, "
run xmllint --noout "$f"
expect_rc 0 "well-formed:"
expect_true "martif TBX-Basic root" test "$(sed -n 3p "$f")" = '<martif type="TBX-Basic" xml:lang="ru">'
expect_true "a termEntry per concept" test "$(count '<termEntry ' "$f")" -eq "$entries"
expect_true "no TBX 2019 element" test "$(grep -c 'conceptEntry\|langSec\|termSec\|tbxHeader' "$f")" -eq 0
expect_true "same body as TBX 2019 but for the 2008 names" \
    test "$(count '<tig>' "$f")" -eq "$(glossa export -q | count '<termSec>')"
grep -q '<note xml:lang="en">\[glossa\] status: in-force; reliability: 1 (not verified); n: 1</note>' "$f"
expect_true "reliability in a [glossa] note" test $? -eq 0
grep -q '<note xml:lang="en">\[glossa\] working translation</note>' "$f"
expect_true "working translations marked" test $? -eq 0
grep -q '<note xml:lang="en">\[glossa\] reconstruction</note>' "$f"
expect_true "reconstructions marked" test $? -eq 0
grep -q '\[glossa\] national definition [^:]*: statutory text of [A-Z][A-Z], not glossa' "$f"
expect_true "a national definition is a state's statutory text" test $? -eq 0
expect_true "a source is its citation, no refObject to point to" \
    test "$(grep -c '<admin type="source" target=\|<back>' "$f")" -eq 0
# glossa's own import reads it back: the same term base (national law left out, said)
run glossa import "$f" -o "$WORK/back.xml"
expect_rc 1 "import of the TBX 2008 export (national law left out):"
expect_out "imported $entries concepts, "
expect_err "definition of a national act (marked [glossa] national) has no place in glossa's encoding"
run glossa diff "$SRC/glossary" "$WORK/back.xml"
expect_rc 0 "diff glossary and the re-imported TBX 2008:"
expect_true "no change" test "$OUT" = "no change"
run glossa export --format tbx2008 --to kk
expect_rc 1 "--to kk (cross-references to concepts without kk terms left out, each said):"
expect_err "cross-reference to 'information-crime' left out: that concept is not in the export"
expect_out '<langSet xml:lang="kk">'
expect_no_out '<langSet xml:lang="ru">'

# --- translate-toolkit's own reader
if /usr/bin/python3 -c 'from translate.storage import tbx' 2>/dev/null; then
    run /usr/bin/python3 - "$f" <<'PY'
import sys
from translate.storage import tbx
store = tbx.tbxfile.parsefile(open(sys.argv[1], "rb"))
print("units", len(store.units))
X = "{http://www.w3.org/XML/1998/namespace}lang"
for u in store.units:
    if u.getid() not in ("information-security", "information-weapon", "privacy"):
        continue
    print(u.getid(), "|", u.source, "|", u.target)
    for node in u.getlanguageNodes():
        if node.get(X) in ("ru", "zh", "en"):
            print(" ", node.get(X), "; ".join(t.text for t in node.iter("term")))
PY
    expect_rc 0 "translate-toolkit reads the file:"
    expect_out "units $entries"
    expect_true "the terms per language of three concepts" test "$OUT" = "units $entries
information-security | информационная безопасность | 信息安全
  ru информационная безопасность; ИБ
  zh 信息安全; 网络安全; 数据安全
  en information security; Cyber Security; safety of information; cyber security
information-weapon | информационное оружие | 信息武器
  ru информационное оружие
  zh 信息武器
  en information weapon
privacy | неприкосновенность частной жизни | 隐私权
  ru неприкосновенность частной жизни
  zh 隐私权
  en privacy; right to privacy"
else
    echo "NOTE: translate-toolkit (Debian python3-translate) is not installed; its reader was not tried"
fi

# --- OmegaT's own TBX reader, in a project from ru to zh
jar=/usr/share/omegat/OmegaT.jar
if [ -r "$jar" ] && command -v javac >/dev/null 2>&1; then
    # what OmegaT should find: a pair per ru term and zh term (zh-Hant-TW is zh) of each concept
    expected=$(/usr/bin/python3 - "$f" <<'PY'
import sys, xml.etree.ElementTree as ET
X = "{http://www.w3.org/XML/1998/namespace}lang"
concepts = pairs = 0
for e in ET.parse(sys.argv[1]).iter("termEntry"):
    n = {}
    for ls in e.iter("langSet"):
        lang = ls.get(X).split("-")[0]
        n[lang] = n.get(lang, 0) + len(ls.findall("tig"))
    if n.get("ru") and n.get("zh"):
        concepts += 1
        pairs += n["ru"] * n["zh"]
print(concepts, pairs)
PY
)
    run java -cp "$jar" "$SRC/tests/cli/OmegatTbx.java" "$f" ru zh
    expect_rc 0 "OmegaT's GlossaryReaderTBX reads the file:"
    printf '%s\n' "$OUT" > "$WORK/omegat.txt"
    expect_true "OmegaT: every concept with ru and zh terms ($expected)" \
        test "$(cut -f3 "$WORK/omegat.txt" | sort -u | wc -l) $(wc -l < "$WORK/omegat.txt")" = "$expected"
    expect_true "OmegaT: the concepts exported, all with ru and zh terms" \
        test "${expected% *}" -eq "$entries"
    expect_true "OmegaT: the pairs of information-weapon" \
        test "$(grep '^информационное оружие	' "$WORK/omegat.txt" | cut -f1,2)" = "информационное оружие	信息武器"
    grep -q $'^ИБ\t資安\t\\[glossa\\] status: in-force; reliability: 1 (not verified); n: 1 / ' "$WORK/omegat.txt"
    expect_true "OmegaT: the reliability note is the entry's comment" test $? -eq 0
else
    echo "NOTE: OmegaT (Debian package omegat) or a JDK (default-jdk-headless) is missing; OmegaT's TBX reader was not tried"
fi
finish
