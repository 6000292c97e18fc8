# 0814-consolidate.t — glossa consolidate, byte for byte (golden table
# tests/data/golden/consolidate/consolidate.test; GOLDEN_UPDATE=1 rewrites
# it): the two changes every party agreed to, applied (the diff of what was
# written follows), with --in-force, the defaults, another --base, a round
# without proposals, and the errors (two agreed changes of one concept: a
# conflict, nothing written, exit 1; FILL IN left in an agreed proposal, each
# placeholder said, nothing written, exit 1; no -o, a missing base, positions or proposal, a
# bad date, an unknown option: 2). The annex before and after, compared line
# by line, shows exactly the agreed changes: for the worked example, and for
# an amendment written by `propose --amend` (the entry as it stands) with the
# Russian and Chinese definitions reworded, «ИБ» deprecated and a Kazakh term
# replaced — every other term, the English definition, the notes,
# cross-references and n stay, and the definitions left behind are marked.
# An amendment that changes nothing is a warning and not counted as applied.
proposals_example
mkdir conflict && cp "$P/ru-2026-1.xml" conflict/
sed -e 's/RU-2026-1/KZ-2026-9/; s/<idno type="state">RU/<idno type="state">KZ/' "$P/ru-2026-1.xml" >conflict/kz-2026-9.xml
for s in KZ CN KG RU TJ UZ; do
    for pr in KZ-2026-9 RU-2026-1; do
        "$GLOSSA" position -p conflict.txt --proposal "$pr" information-weapon "$s" agreed conflict >/dev/null
    done
done
mkdir amend
"$GLOSSA" propose --state KZ --amend information-security --round 2026-2 --date 2026-12-01 \
    -o amend/kz-2026-12-01.xml
sed -i -e 's/FILL IN[^<]*/worked example/g' \
    -e 's/от угроз, деструктивных и иных негативных воздействий/от угроз и деструктивных воздействий/' \
    -e 's/免受威胁、破坏性影响和其他负面影响/免受威胁和破坏性影响/' \
    -e '/<orth>ИБ<\/orth>/{n;s/admitted/deprecated/}' \
    -e 's/ақпараттық қауіпсіздік</ақпарат қауіпсіздігі</' amend/kz-2026-12-01.xml
for s in KZ CN KG RU TJ UZ; do
    "$GLOSSA" position -p amend.txt information-security "$s" agreed amend >/dev/null
done
# an agreed proposal with FILL IN left (refused, nothing written) and an
# amendment that changes nothing (a warning, not applied)
mkdir unfilled noop
"$GLOSSA" propose --state KZ --amend information-security --round 2026-2 --date 2026-12-01 \
    -o unfilled/kz-2026-12-01.xml
sed -i 's/免受威胁、破坏性影响和其他负面影响/免受威胁和破坏性影响/' unfilled/kz-2026-12-01.xml
"$GLOSSA" propose --state UZ --amend information-weapon --round 2026-2 --date 2026-12-01 \
    -o noop/uz-2026-12-01.xml
sed -i -e 's/FILL IN[^<]*/worked example/g' noop/uz-2026-12-01.xml
for s in KZ CN KG RU TJ UZ; do
    "$GLOSSA" position -p unfilled.txt information-security "$s" agreed unfilled >/dev/null
    "$GLOSSA" position -p noop.txt information-weapon "$s" agreed noop >/dev/null
done
golden_table "$SRC/tests/data/golden/consolidate/consolidate.test"
finish
