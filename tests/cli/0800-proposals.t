# 0800-proposals.t — proposals from the member states, end to end on the
# worked example in glossary/proposals (KZ clean, RU with a near-duplicate,
# UZ without a Chinese definition) and glossary/positions: check messages,
# status, positions that lapse when a proposal is edited, consolidation of
# exactly the two changes every party agreed to, and the two-amendment draft
# protocol made from it; the skeleton of `glossa propose`; conflicts.
index_bundled
P="$SRC/glossary/proposals"
POS="$SRC/glossary/positions/round-2026-1.txt"

# ---- check
run glossa check "$P"
expect_rc 1 "check finds problems"
expect_err "uz-2026-1.xml:30: error: entry 'uz-cyber-hygiene': no Chinese definition (an authentic language)"
expect_err "ru-2026-1.xml:"
expect_err "new term «угрозы информационной безопасности» (ru) is the same, stemmed, as «угроза информационной безопасности» of concept 'threat-to-information-security'"
expect_err "4 changes, 1 error, 2 warnings"
run glossa check "$P/kz-2026-1.xml"
expect_rc 0 "the KZ proposal is clean"
run glossa check --format json "$P"
expect_json '.errors' 1
expect_json '.warnings' 2
expect_json '[.problems[] | select(.severity == "error") | .line] | join(",")' 30

# rules beyond the schema, on edited copies
sed 's/xml:id="kz-information-security-incident"/xml:id="information-security-incident"/' "$P/kz-2026-1.xml" > noprefix.xml
run glossa check noprefix.xml
expect_err "new concept ids of KZ begin with 'kz-'"
sed 's/xml:id="kz-information-security-incident" type="concept" subtype="new"/xml:id="information-war" type="concept" subtype="new"/' "$P/kz-2026-1.xml" > clash.xml
run glossa check clash.xml
expect_err "a new concept's id is already in the term base"
sed 's/xml:id="information-weapon" type="concept" subtype="amend"/xml:id="no-longer-there" type="concept" subtype="amend"/' "$P/ru-2026-1.xml" > gone.xml
run glossa check gone.xml
expect_err "entry 'no-longer-there': amends a concept that the term base no longer has"
# an amendment that rewords the Russian definition and not the Chinese one
# (or the reverse): the authentic texts must stay in step
run glossa propose --state KZ --amend information-security --date 2026-12-01 -o amend.xml
expect_rc 0
sed -i 's/FILL IN[^<]*/worked example/g' amend.xml
ru='s/от угроз, деструктивных и иных негативных воздействий/от угроз/'
zh='s/免受威胁、破坏性影响和其他负面影响/免受威胁/'
sed -e "$ru" amend.xml > amend-ru.xml
run glossa check amend-ru.xml
expect_err "amend-ru.xml:33: warning: entry 'information-security': the Russian definition changes and the Chinese one does not: the authentic texts must stay in step"
expect_err "glossa check: 1 change, 0 errors, 1 warning"
sed -e "$zh" amend.xml > amend-zh.xml
run glossa check amend-zh.xml
expect_err "amend-zh.xml:33: warning: entry 'information-security': the Chinese definition changes and the Russian one does not: the authentic texts must stay in step"
sed -e "$ru" -e "$zh" amend.xml > amend-both.xml
run glossa check amend-both.xml
expect_rc 0 "both authentic definitions reworded: in step"
run glossa check "$SRC/glossary/annex1.xml"
expect_rc 1 "the term base itself is not a proposal (an error in the content)"
expect_err "not a proposal"

# ---- status
run glossa status --positions "$POS" "$P"
expect_rc 0
expect_out "agreed   kz-information-security-incident"
expect_out "agreed   information-weapon"
expect_out "blocked  ru-information-security-threats"
expect_out "objections: CN: repeats annex item 13"
expect_out "pending  uz-cyber-hygiene"
run glossa status --format json --positions "$POS" "$P"
expect_json '[.changes[] | .id + "=" + .status] | join(" ")' \
    "kz-information-security-incident=agreed information-weapon=agreed ru-information-security-threats=blocked uz-cyber-hygiene=pending"

# an agreement lapses when the change is edited after it was given
mkdir edited && cp "$P"/*.xml edited/
sed -i 's/отдельно или серийно возникающие сбои/возникающие сбои/' edited/kz-2026-1.xml
run glossa status --format json --positions "$POS" edited
expect_json '[.changes[] | select(.id == "kz-information-security-incident") | .status + " " + .lapsed] | .[0]' \
    "pending KZ CN KG RU TJ UZ"

# recording positions
cp "$POS" pos.txt
run glossa position -p pos.txt uz-cyber-hygiene CN objection --comment "no Chinese definition" "$P"
expect_rc 0
run glossa status --format json --positions pos.txt "$P"
expect_json '[.changes[] | select(.id == "uz-cyber-hygiene") | .status] | .[0]' blocked
run glossa position -p pos.txt uz-cyber-hygiene CN maybe "$P"
expect_rc 2 "a position is agreed, objection or pending"

# ---- consolidate, then the protocol of the next version
run glossa consolidate --round 2026-1 --positions "$POS" -o next "$P"
expect_rc 0
expect_out "2 agreed changes applied"
cp "$SRC/glossary/statements.xml" next/
run glossa validate next
expect_rc 0 "the consolidated version is valid TEI"
run glossa diff --format json "$SRC/glossary/annex1.xml" next/annex1.xml
expect_json '[.changes[] | .change + ":" + .id] | join(" ")' "modified:information-weapon added:kz-information-security-incident"
run glossa protocol --lang ru "$SRC/glossary/annex1.xml" next/annex1.xml
expect_true "two amendments" test "$(grep -cE '^[аб]\) ' <<<"$OUT")" -eq 2
expect_out "а) понятие «информационное оружие» изложить в следующей редакции:"
expect_out "б) дополнить в конце перечня понятием следующего содержания:"
expect_no_out "угрозы информационной безопасности"
expect_no_out "цифровая гигиена"

# two agreed changes of one concept: a conflict, nothing written
mkdir conflict && cp "$P/ru-2026-1.xml" conflict/
sed -e 's/RU-2026-1/KZ-2026-9/; s/<idno type="state">RU/<idno type="state">KZ/' "$P/ru-2026-1.xml" > conflict/kz-2026-9.xml
for s in KZ CN KG RU TJ UZ; do
    for pr in KZ-2026-9 RU-2026-1; do
        glossa position -p conflict.txt --proposal "$pr" information-weapon "$s" agreed conflict > /dev/null
    done
done
run glossa consolidate --positions conflict.txt -o next2 conflict
expect_rc 1 "conflicting agreed changes"
expect_err "conflict: concept 'information-weapon' is changed by"
expect_true "nothing written on conflict" test ! -e next2/annex1.xml

# ---- history: consolidate --in-force keeps earlier wordings with their dates
run glossa consolidate --round 2026-1 --positions "$POS" --in-force 2027-06-01 -o dated "$P"
expect_rc 0
cp "$SRC/glossary/statements.xml" dated/
run glossa index --quiet --db dated.db dated
expect_rc 0 "the dated version indexes"
run glossa show --db dated.db --to ru --as-of 2028-01-01 --format json information-weapon
expect_json '[.results[0].definitions[] | select(.lang == "ru") | .text] | join("|")' \
    "информационные и коммуникационные технологии, средства и методы, применяемые в целях ведения информационной войны"
run glossa show --db dated.db --to ru --as-of 2020-01-01 --format json information-weapon
expect_json '[.results[0].definitions[] | select(.lang == "ru") | .text] | join("|")' \
    "информационные технологии, средства и методы, применяемые в целях ведения информационной войны"
run glossa show --db dated.db --to ru --history information-weapon
expect_out "in force until 2027-06-01"
expect_out "in force from 2027-06-01"
run glossa lookup --db dated.db --as-of 2020-01-01 --format json "инцидент информационной безопасности"
expect_json '[.results[].id] | index("kz-information-security-incident")' null "not yet in force in 2020"
run glossa lookup --db dated.db --as-of 2028-01-01 --format json "инцидент информационной безопасности"
expect_json '.results[0].id' kz-information-security-incident
run glossa show --db dated.db no-such-concept
expect_rc 1
run glossa lookup --db dated.db --as-of 2027-13 x
expect_rc 2

# ---- propose: a skeleton that validates, and check lists what to fill in
run glossa propose --state KZ --lang kk,en --id cyber-drill --round 2026-2 --date 2026-12-01 -o skel.xml
expect_rc 0
run glossa validate skel.xml
expect_rc 0 "the skeleton validates against the schema"
run glossa check skel.xml
expect_rc 1
expect_err "skel.xml:12: error: <authority>: placeholder text (FILL IN) is still there"
expect_err "skel.xml:20: error: <citedRange>: placeholder text (FILL IN) is still there"
run glossa propose --state kz
expect_rc 0 "--state kz is KZ"
expect_out '<idno type="state">KZ</idno>'
run glossa propose --state QZ
expect_rc 2
expect_err "glossa: error: --state: 'QZ' is not a member state (IN IR KZ CN KG PK RU TJ UZ BY)"
finish
