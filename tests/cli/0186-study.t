# 0186-study.t — the study of national legislation as a whole (issue 17):
# `glossa laws` (the acts per member state, with the pages read) and
# `glossa coverage` (the matrix of which state's acts define which concept or
# notion, the gaps per state, the review document in md/html/docx), byte for
# byte on the bundled data (golden table tests/data/golden/national/study.test;
# GOLDEN_UPDATE=1 rewrites it), their errors, and an index without the study
# (every state listed as having no act, every annex concept a gap), and damaged
# indexes refused with the column named.
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/glossary/national" ||
    { echo "FAIL: cannot index the bundled glossary with its national study"; exit 1; }
"$GLOSSA" index --quiet --db no-study.db "$SRC/glossary" ||
    { echo "FAIL: cannot index the bundled glossary alone"; exit 1; }
# hostile copies of the index (the checked readers refuse what glossa never writes)
cp glossa.db bidi.db && sqlite3 bidi.db "UPDATE legal_definition SET term = char(8238) || term WHERE id = 1" &&
cp glossa.db date.db && sqlite3 date.db "UPDATE legal_definition SET version = 'soon' WHERE id = 1" ||
    { echo "FAIL: cannot make the damaged copies (sqlite3)"; exit 1; }
golden_table "$SRC/tests/data/golden/national/study.test"
finish
