# 0818-round-e2e.t — one round of proposals end to end (tests/data/round-e2e:
# KZ-2026-5 and UZ-2026-5 amend information-security differently, RU-2026-5
# adds two concepts and deletes information-terrorism), byte for byte (golden
# table tests/data/golden/round-e2e/round-e2e.test; GOLDEN_UPDATE=1 rewrites
# it): check finds no error (the competing wordings and the deleted concept's
# cross-references are warnings); every Party agrees to both wordings and to
# RU's changes, so status shows the two wordings side by side and consolidate
# refuses; once KZ withdraws its own, consolidate applies UZ's wording, RU's
# two additions and its deletion, and diff shows exactly these; the protocol
# amends the same concepts in the same order in ru, zh and en; the web
# page's status links the deleted concept as it does an amended one.
proposals_example
R="$SRC/tests/data/round-e2e"
"$GLOSSA" index --quiet "$WORK/glossary" || { echo "FAIL: cannot index the glossary"; exit 1; }
for s in KZ CN KG RU TJ UZ; do
    for pr in KZ-2026-5 UZ-2026-5; do
        "$GLOSSA" position -p round.txt --proposal "$pr" information-security "$s" agreed "$R" >/dev/null
    done
    for c in ru-information-security-audit ru-information-security-monitoring information-terrorism; do
        "$GLOSSA" position -p round.txt "$c" "$s" agreed "$R" >/dev/null
    done
done

# points FILE ANNEX: the protocol's Article 1 as "LABEL KIND ID" lines, the
# concept found by the term the point quotes (in ANNEX, any language)
points() {
    python3 - "$1" "$2" <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read().split('\n')
annex = open(sys.argv[2], encoding='utf-8').read()
ids = {}
for m in re.finditer(r'<entry xml:id="([^"]+)"(.*?)</entry>', annex, re.S):
    for t in re.findall(r'<orth>([^<]+)</orth>', m.group(2)):
        ids.setdefault(t, m.group(1))
label = re.compile(r'^(?:([а-я])\) |（([一二三四五六七八九十]+)）|\(([a-z])\) )')
quoted = re.compile(r'[«“"‘„\']([^«»“”"‘’„\']+)[»”"’“\']')
for i, line in enumerate(text):
    m = label.match(line)
    if not m:
        continue
    kind = ('delete' if re.search(r'исключить|删除|deleted', line) else
            'add' if re.search(r'дополнить|增加|added', line) else 'amend')
    where = line if kind != 'add' else text[i + 2]
    term = quoted.search(where[1:] if kind == 'add' else line)
    print(m.group(m.lastindex), kind, ids.get(term.group(1), '?' + term.group(1)) if term else '?')
PY
}
golden_table "$SRC/tests/data/golden/round-e2e/round-e2e.test"

# the same concepts in the same order in the three texts
for l in ru zh en; do
    "$GLOSSA" protocol --lang "$l" "$WORK/glossary/annex1.xml" next/annex1.xml >"p-$l.md"
    points "p-$l.md" next/annex1.xml | cut -d' ' -f2- >"points-$l.txt"
done
expect_true "ru and zh amend the same concepts in the same order" cmp -s points-ru.txt points-zh.txt
expect_true "ru and en amend the same concepts in the same order" cmp -s points-ru.txt points-en.txt
expect_true "four points" test "$(wc -l <points-ru.txt)" -eq 4

# the web page's status links a deletion to the concept (it is in the term base)
if command -v curl >/dev/null 2>&1; then
    rm -f "$WORK"/glossary/proposals/*.xml "$WORK"/glossary/positions/*.txt
    cp -L "$R"/*.xml "$WORK/glossary/proposals/"
    cp round.txt "$WORK/glossary/positions/"
    start_server --http
    OUT=$(curl -s --max-time 20 "http://127.0.0.1:$PORT/status"); RC=$?
    expect_rc 0
    expect_out '<a href="/c/information-terrorism">information-terrorism</a></td><td>delete</td>'
    expect_out '<td>ru-information-security-audit</td><td>new</td>'
    stop_server
fi
finish
