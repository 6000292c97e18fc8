# 1050-export-national.t — `glossa export` carries the study of national
# legislation (glossary/national/, read by default as `glossa index` reads
# it), byte for byte (golden table tests/data/golden/export/national.test;
# GOLDEN_UPDATE=1 rewrites it): a national definition of a concept is in TBX a
# definition of its language section with its act as source and a note marked
# [glossa] national saying whose text it is, its term an admitted termSec with
# the state as geographicalUsage; a row of its own in CSV (state, statutory
# text, whose law), a line in OmegaT, the "national" array in JSON (the shape
# lookup writes); those of notions the term base lacks are counted, not
# exported. The TBX stays valid against the TBX core schema and the
# TBX-Basic DCA rules; every national definition exported equals the TEI's
# text character for character (white space as XML readers take it); `glossa import` of the TBX leaves the
# national definitions and terms out, each kind reported (exit 1), and the
# term base it gives is the glossary's (glossa diff: no change).
unset GLOSSA_GLOSSARY
need_shared
IS="$SRC/../shared/corpora/interop-samples"
[ -d "$IS" ] || IS="$SHARED/corpora/interop-samples"
RNG="$IS/tbx3-ltac-schemas/TBXcoreStructV03.rng"
SCH="$IS/tbx3-ltac-dialects/TBX-Basic/DCA/TBX-Basic_DCA.sch"
N="$SRC/glossary/national"

golden_table "$SRC/tests/data/golden/export/national.test"

# --- the TBX is valid: the core schema and the TBX-Basic DCA Schematron rules
glossa export -q -o "$WORK/all.tbx" && glossa export -q --to zh -o "$WORK/zh.tbx"
for f in all zh; do
    run xmllint --noout --relaxng "$RNG" "$WORK/$f.tbx"
    expect_rc 0 "$f.tbx: xmllint --relaxng TBXcoreStructV03.rng:"
    if /usr/bin/python3 -c 'import lxml' 2>/dev/null; then
        run /usr/bin/python3 "$SRC/tests/cli/schematron.py" "$SCH" "$WORK/$f.tbx"
        expect_rc 0 "$f.tbx: TBX-Basic DCA Schematron:"
        expect_out "valid"
    else
        echo "NOTE: python3-lxml is not installed; the Schematron rules were not checked"
    fi
done

# --- every national definition of a concept is exported, its text the TEI's
# character for character (TBX, JSON, CSV; a run of XML white space is one
# space, as every reader of the TEI takes it), and none of a notion is
glossa export -q --format json -o "$WORK/all.json"
glossa export -q --format csv -o "$WORK/all.csv"
run python3 - "$SRC/glossary" "$N" "$WORK/all.tbx" "$WORK/all.json" "$WORK/all.csv" <<'PY'
import csv, glob, json, re, sys, xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
X = "{http://www.w3.org/XML/1998/namespace}"
B = "{urn:iso:std:iso:30042:ed-2}"
glossary, national, tbx, js, cs = sys.argv[1:]
concepts = set()
for f in glob.glob(glossary + "/*.xml"):
    concepts |= {e.get(X + "id") for e in ET.parse(f).iter(T + "entry")}
want, notions, squeezed = {}, 0, 0
for f in sorted(glob.glob(national + "/*.xml")):
    for e in ET.parse(f).iter(T + "entryFree"):
        if e.get("type") != "legal-definition":
            continue
        target = e.find(f"{T}sense/{T}xr/{T}ref").get("target")[1:]
        raw = "".join(e.find(f"{T}sense/{T}def").itertext())
        # XML white space as TEI readers take it (glossa's reader too): a run is one space
        text = " ".join(re.split(r"[ \t\n\r]+", raw.strip(" \t\n\r")))
        squeezed += text != raw
        if target in concepts:
            want[e.get(X + "id")] = text
        else:
            notions += 1
got_json = {n["id"]: n["text"] for c in json.load(open(js))["concepts"] for n in c.get("national", [])}
got_tbx = {}
for g in ET.parse(tbx).iter(B + "descripGrp"):
    for note in g.findall(B + "note"):
        if note.text.startswith("[glossa] national definition "):
            got_tbx[note.text.split()[3].rstrip(":")] = g.find(B + "descrip").text
rows = list(csv.DictReader(open(cs, encoding="utf-8", newline="")))
got_csv = sorted(r["national definition"] for r in rows if r["state"])
print("definitions of concepts", len(want), "of notions", notions)
print("texts with a run of white space read as one space:", squeezed)
print("json equal", got_json == want)
print("tbx equal", got_tbx == want)
print("csv equal", got_csv == sorted(want.values()))
PY
expect_rc 0 "the national definitions compared with the TEI:"
expect_out "json equal True"
expect_out "tbx equal True"
expect_out "csv equal True"
expect_true "some national definitions are exported" test "$(grep -c '^definitions of concepts [1-9]' <<<"$OUT")" -eq 1
finish
