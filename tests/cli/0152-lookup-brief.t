# 0152-lookup-brief.t — how lookup's text shows several concepts (issue 18), byte
# for byte (golden table tests/data/golden/lookup/brief.test; GOLDEN_UPDATE=1
# rewrites it): the best match whole and the rest a line each with their
# terms in the --to languages (default ru, zh, en); --brief a line each with
# one NOT VERIFIED footnote; --full every entry whole with the reliability
# note said once and pointed back at after; "see also" when no term matches
# but definitions or notes use the words; a national term's match says how
# its notion relates to the concept.
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/glossary/national" ||
    { echo "FAIL: cannot index the bundled glossary with its national study"; exit 1; }
golden_table "$SRC/tests/data/golden/lookup/brief.test"
finish
