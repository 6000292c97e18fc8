# 0814-consolidate.t — glossa consolidate, byte for byte (golden table
# tests/data/golden/consolidate/consolidate.test; GOLDEN_UPDATE=1 rewrites
# it): the two changes every party agreed to, applied (the diff of what was
# written follows), with --in-force, the defaults, another --base, a round
# without proposals, and the errors (two agreed changes of one concept: a
# conflict, nothing written, exit 1; no -o, a missing base, positions or proposal, a
# bad date, an unknown option: 2).
proposals_example
mkdir conflict && cp "$P/ru-2026-1.xml" conflict/
sed -e 's/RU-2026-1/KZ-2026-9/; s/<idno type="state">RU/<idno type="state">KZ/' "$P/ru-2026-1.xml" >conflict/kz-2026-9.xml
for s in KZ CN KG RU TJ UZ; do
    for pr in KZ-2026-9 RU-2026-1; do
        "$GLOSSA" position -p conflict.txt --proposal "$pr" information-weapon "$s" agreed conflict >/dev/null
    done
done
golden_table "$SRC/tests/data/golden/consolidate/consolidate.test"
finish
