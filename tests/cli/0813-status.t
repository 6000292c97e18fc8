# 0813-status.t — glossa status, byte for byte (golden table
# tests/data/golden/status/status.test; GOLDEN_UPDATE=1 rewrites it): the
# worked example (agreed, blocked with its objection, pending) as text and
# JSON, --round, the defaults, a folder of positions, agreements that lapse
# when a proposal is edited, and the errors (missing positions or proposals,
# a malformed positions line, a bad format, an unknown option: 2).
proposals_example
mkdir edited && cp "$P"/*.xml edited/
sed -i 's/отдельно или серийно возникающие сбои/возникающие сбои/' edited/kz-2026-1.xml
printf 'uz-cyber-hygiene CN\n' >bad-positions.txt
golden_table "$SRC/tests/data/golden/status/status.test"
finish
