# 0835-candidates-national.t — `glossa candidates --national`, byte for byte
# (golden table tests/data/golden/candidates/national.test; GOLDEN_UPDATE=1
# rewrites it): the notions annex 1 lacks as the study of national legislation
# found them, from the bundled glossary indexed with glossary/national/ —
# ranked by the states whose acts define them, then the definitions, with each
# state's terms and definition ids; the end of the list (statement concepts no
# act read defines); JSON (each definition in lookup's and compare's shape); a
# definition id from the list starts a proposal (propose --from-law); an index
# without the study says so (exit 1); files or document options with
# --national are refused (exit 2).
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/glossary/national" ||
    { echo "FAIL: cannot index the bundled glossary with its national study"; exit 1; }
"$GLOSSA" index --quiet --db "$WORK/annex-only.db" "$SRC/glossary" ||
    { echo "FAIL: cannot index the bundled glossary"; exit 1; }
export GLOSSA_GLOSSARY="$SRC/glossary"
golden_table "$SRC/tests/data/golden/candidates/national.test"
finish
